/**
 * Design vectors for comparing two evaluation paths of one Problem (lean vs complete record): seeded designs inside
 * the bounds, every corner of the ranged variables, and an evaluation reduced to comparable plain data.
 */
import type { Evaluation, Problem } from '../../src/optimize/types.js';

/** `n` designs inside the bounds of `problem` from a Park–Miller stream started at `seed`: feasible or not. */
export function seededDesigns(n: number, problem: Problem, seed: number): Float64Array[] {
  let s = seed;
  const next = () => (s = (s * 16807) % 2147483647) / 2147483647;
  return Array.from({ length: n }, () =>
    Float64Array.from(problem.variables, (v) =>
      v.kind === 'choice'
        ? Math.floor(next() * v.options.length)
        : v.kind === 'int'
          ? v.lower + Math.floor(next() * (v.upper - v.lower + 1))
          : v.lower + next() * (v.upper - v.lower),
    ),
  );
}

/** Every corner of the real and integer variables' bounds; choice variables cycle through their options. */
export function boundCorners(problem: Problem): Float64Array[] {
  const ranged = problem.variables.flatMap((v, i) => (v.kind === 'choice' ? [] : [i]));
  return Array.from({ length: 2 ** ranged.length }, (_, m) =>
    Float64Array.from(problem.variables, (v, i) => {
      if (v.kind === 'choice') return m % v.options.length;
      const bit = ranged.indexOf(i);
      return (m >> bit) & 1 ? v.upper : v.lower;
    }),
  );
}

/** An evaluation with its typed arrays as plain arrays, for toEqual. */
export const plainEvaluation = (e: Evaluation) =>
  e.status === 'ok' ? { status: e.status, f: Array.from(e.f), g: Array.from(e.g) } : e;
