/**
 * Maximizes an infill criterion over valid designs with a small evolutionary search on the designs themselves (so
 * integers stay whole and choices valid): a population of 24 (up to 12 seed designs, the rest uniform random), 25
 * generations of binary tournaments, SBX (η 15, probability 0.9) and polynomial mutation (η 20, per-variable
 * probability 1/n) from the NSGA operators, the best 24 of parents and children kept. ParEGO maximizes its expected
 * improvement with it (solvers/parego/infill.ts), SMS-EGO its S-metric criterion; ties in `value` go to the lower
 * `tie`. The criterion scores each generation's designs in one call (a surrogate predicts a block of points at less
 * cost than each alone); the random draws come first, so the run is the one a point-by-point scoring gives.
 * A design the search met before (a child equal to a parent or an earlier child: with integers and choices rounded,
 * about one child in eight on the constellation study) takes its earlier score instead of being predicted again; the
 * criterion is deterministic for a fixed model, so the values are those scoring it again gives.
 * A design in `taken` (evaluated or already in the batch) is never returned; null when every candidate was taken.
 * With a `region` (SMS-EGO's trust region, solvers/smsego/trustRegion.ts), the random designs are placed in it and
 * every child is projected onto it, so the search stays inside.
 */
import { pushAll } from '../../src/base/arrays.js';
import type { Rng } from '../../src/base/rng.js';
import { randomDesign, type VariableLayout } from '../operators/layout.js';
import { sbxCrossover } from '../operators/sbx.js';
import { polynomialMutation } from '../operators/mutation.js';
import { DuplicateFilter } from '../operators/duplicates.js';

export const SEARCH_POPULATION = 24;
export const SEARCH_GENERATIONS = 25;

export interface Scored {
  readonly x: Float64Array;
  /** Criterion value, maximized. */
  readonly value: number;
  /** Tie-break, minimized. */
  readonly tie: number;
}

/** A part of the design space the search must stay in. */
export interface SearchRegion {
  /** A random design moved (in place, and returned) into the region. */
  place(x: Float64Array, rng: Rng): Float64Array;
  /** x moved in place onto the region. */
  project(x: Float64Array): void;
}

export interface SearchOptions {
  readonly region?: SearchRegion;
}

/** Scores of designs, in their order. */
export type Scorer = (xs: readonly Float64Array[]) => Scored[];

const better = (a: Scored, b: Scored): boolean => a.value > b.value || (a.value === b.value && a.tie < b.tie);

export function maximizeCriterion(
  layout: VariableLayout,
  score: Scorer,
  seeds: readonly Float64Array[],
  taken: DuplicateFilter,
  rng: Rng,
  options: SearchOptions = {},
): Float64Array | null {
  const half = SEARCH_POPULATION / 2;
  const { region } = options;
  const random = (): Float64Array =>
    region === undefined ? randomDesign(layout, rng) : region.place(randomDesign(layout, rng), rng);
  const first = seeds.slice(0, half);
  while (first.length < SEARCH_POPULATION) first.push(random());
  const scoreOnce = remembered(score);
  let pop: Scored[] = scoreOnce(first);
  let champion: Scored | null = null;
  const consider = (s: Scored): void => {
    if (!taken.has(s.x) && (champion === null || better(s, champion))) champion = s;
  };
  pop.forEach(consider);
  const sbx = { eta: 15, probVar: 0.5, probBin: 0.5 };
  const pm = { eta: 20, probVar: 1 / layout.n };
  const winner = (): Scored => {
    const a = pop[rng.int(pop.length)]!;
    const b = pop[rng.int(pop.length)]!;
    return better(a, b) ? a : b;
  };
  for (let gen = 0; gen < SEARCH_GENERATIONS; gen++) {
    const xs: Float64Array[] = [];
    while (xs.length < SEARCH_POPULATION) {
      const c1 = new Float64Array(layout.n);
      const c2 = new Float64Array(layout.n);
      const p1 = winner().x;
      const p2 = winner().x;
      if (rng.next() < 0.9) sbxCrossover(layout, p1, p2, c1, c2, sbx, rng);
      else {
        c1.set(p1);
        c2.set(p2);
      }
      polynomialMutation(layout, c1, pm, rng);
      polynomialMutation(layout, c2, pm, rng);
      for (const c of [c1, c2]) {
        region?.project(c);
        xs.push(c);
      }
    }
    const children = scoreOnce(xs);
    children.forEach(consider);
    pop = pop
      .concat(children)
      .sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0))
      .slice(0, SEARCH_POPULATION);
  }
  return (champion as Scored | null)?.x ?? null;
}

/** `score` that scores each distinct design once: a design seen before gets its first score (see the header). */
function remembered(score: Scorer): Scorer {
  const seen = new DuplicateFilter();
  const scores: Scored[] = [];
  return (xs) => {
    const fresh: Float64Array[] = [];
    const at = xs.map((x) => {
      const i = seen.indexOf(x);
      if (i >= 0) return i;
      seen.add(x);
      fresh.push(x);
      return scores.length + fresh.length - 1;
    });
    if (fresh.length > 0) pushAll(scores, score(fresh));
    return at.map((i) => scores[i]!);
  };
}
