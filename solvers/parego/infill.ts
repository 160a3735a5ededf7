/**
 * Infill criterion and its search. Expected improvement (Jones, Schonlau & Welch, J. Global Optim. 13, 1998, eq. 15)
 * of a minimized target below the best value y_min seen, from the GP's mean μ and standard deviation s:
 *   EI = (y_min − μ) Φ(z) + s φ(z),  z = (y_min − μ) / s   (EI = max(0, y_min − μ) when s = 0).
 * Maximized by a small evolutionary search with the NSGA operators on the designs themselves (so integers and choices
 * stay valid): a population of 24 (the 12 best designs seen and 12 uniform random ones), 25 generations of binary
 * tournaments on EI, SBX (η 15, probability 0.9) and polynomial mutation (η 20, per-variable probability 1/n), the best
 * 24 of parents and children kept. Ties in EI (both underflowing far from the data) go to the lower confidence bound
 * μ − 2s. A design already evaluated or already in the batch is never proposed. With constraints, EI is multiplied by
 * the probability of feasibility ∏_i Φ(−μ_i / s_i) of one GP per constraint (Schonlau, Welch & Jones 1998; Gardner
 * et al., ICML 2014), passed as `feasibility`.
 */
import type { Rng } from '../../src/core/rng.js';
import { randomDesign, type VariableLayout } from '../operators/layout.js';
import { sbxCrossover } from '../operators/sbx.js';
import { polynomialMutation } from '../operators/mutation.js';
import { DuplicateFilter } from '../operators/duplicates.js';
import { toUnit } from './encoding.js';
import type { GaussianProcess } from '../gp/gp.js';

export const INFILL_POPULATION = 24;
export const INFILL_GENERATIONS = 25;

/**
 * Standard normal cdf via erfc (W. J. Cody's rational approximations are not needed at EI's precision: A&S 7.1.26, |ε|
 * < 1.5e-7).
 */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erfc = poly * Math.exp(-x * x);
  return z >= 0 ? 1 - 0.5 * erfc : 0.5 * erfc;
}

export function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}

export function expectedImprovement(mean: number, sd: number, best: number): number {
  const gap = best - mean;
  if (!(sd > 0)) return Math.max(0, gap);
  const z = gap / sd;
  return gap * normalCdf(z) + sd * normalPdf(z);
}

interface Scored {
  readonly x: Float64Array;
  readonly ei: number;
  readonly lcb: number;
}

const better = (a: Scored, b: Scored): boolean => a.ei > b.ei || (a.ei === b.ei && a.lcb < b.lcb);

/**
 * The design of highest EI under `gp` (targets' best value `best`), starting from `seeds` (good designs seen);
 * `taken` holds the designs evaluated or already proposed. Returns null when no new design could be found.
 */
export function maximizeExpectedImprovement(
  layout: VariableLayout,
  gp: GaussianProcess,
  best: number,
  seeds: readonly Float64Array[],
  taken: DuplicateFilter,
  rng: Rng,
  feasibility?: (u: Float64Array) => number,
): Float64Array | null {
  const u = new Float64Array(layout.n);
  const score = (x: Float64Array): Scored => {
    toUnit(layout, x, u);
    const p = gp.predict(u);
    const sd = Math.sqrt(p.variance);
    const pof = feasibility !== undefined ? feasibility(u) : 1;
    return { x, ei: expectedImprovement(p.mean, sd, best) * pof, lcb: p.mean - 2 * sd };
  };
  const half = INFILL_POPULATION / 2;
  let pop: Scored[] = seeds.slice(0, half).map((x) => score(x));
  while (pop.length < INFILL_POPULATION) pop.push(score(randomDesign(layout, rng)));
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
  for (let gen = 0; gen < INFILL_GENERATIONS; gen++) {
    const children: Scored[] = [];
    while (children.length < INFILL_POPULATION) {
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
        const s = score(c);
        children.push(s);
        consider(s);
      }
    }
    pop = pop
      .concat(children)
      .sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0))
      .slice(0, INFILL_POPULATION);
  }
  return (champion as Scored | null)?.x ?? null;
}
