/**
 * Design vectors for comparing two evaluation paths of one Problem (lean vs complete record): seeded designs inside
 * the bounds, every corner of the ranged variables, an evaluation reduced to comparable plain data, and a node study
 * compiled on either path.
 */
import { parseStudyFile } from '../../src/study/studyFile.js';
import { nodeEvaluator } from '../../src/node/evaluator.js';
import type { Evaluation, Problem } from '../../src/optimize/types.js';
import { compileNodeStudy } from '../../src/study/nodeStudy.js';

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

/**
 * A node study file and its catalog rows, compiled on the lean path (`compile(true)`) or on complete records read the
 * way the compiler reads them without it (`compile(false)`).
 */
export function nodeStudyCompiler(path: string) {
  const loaded = parseStudyFile(path);
  if (loaded.kind !== 'node-study') throw new Error(`${path} is a node study`);
  const ev = nodeEvaluator(undefined, loaded.design.catalogs);
  const compile = (lean: boolean) =>
    compileNodeStudy(
      loaded.study,
      loaded.design,
      loaded.file,
      ev.catalogs,
      ev.evaluate,
      ev.physicalConstraints,
      ev.relaxableConstraints,
      ev.rows,
      lean ? ev.lean : undefined,
    );
  return { compile, rows: ev.rows };
}
