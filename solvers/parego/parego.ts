/**
 * ParEGO (Knowles, IEEE TEVC 10(1), 2006): a surrogate-assisted multi-objective search for expensive evaluations.
 * Method: a maximin Latin hypercube start (lhs.ts) of min(11 d − 1, ⌊budget / 3⌋) designs (at least 3); then per
 * batch of q designs (`batch`, default 4), each member draws a weight vector, scalarizes every evaluation seen
 * (scalarize.ts: augmented Tchebycheff, constraint penalty), fits a GP to the scores (solvers/gp: Matérn 5/2, maximum
 * likelihood) and maximizes expected improvement (infill.ts), times the probability of feasibility from one GP per
 * constraint; earlier members enter as "kriging believer" points (Ginsbourger, Le Riche & Carraro 2010).
 * Model size: the GP is conditioned on at most 150 designs and fitted on at most 40, so a proposal stays under about a
 * second on one core at any budget (docs/performance.md).
 * Everything random comes from the seeded Rng; the state (evaluations, model hyperparameters, Rng) is in the snapshot,
 * so a resumed run proposes what the uninterrupted one would.
 * Details of a batch and the model-size rule: docs/algorithms.md §"ParEGO loop"; evidence: §"ParEGO".
 */
import type { Problem } from '../../src/optimize/types.js';
import type { AlgorithmEntry, AlgorithmSnapshot, Individual } from '../types.js';
import { DuplicateFilter } from '../operators/duplicates.js';
import { constantTargets, GaussianProcess, type GpHyperparameters } from '../gp/gp.js';
import { fitHyperparameters } from '../gp/hyperparameters.js';
import { decodeHyper, encodeHyper } from '../gp/hyperparameterCodec.js';
import { SurrogateSearch, surrogateSettings, type SurrogateOptions } from '../surrogate/surrogateSearch.js';
import { unitMatrix, toUnit } from './encoding.js';
import { randomWeights, scalarizedTargets } from './scalarize.js';
import { maximizeExpectedImprovement, normalCdf } from './infill.js';

export { initialSize } from '../surrogate/surrogateSearch.js';

const MODEL_SIZE = { condition: 150, conditionBest: 100, fit: 40, fitBest: 20 } as const;
/** Ascent iterations of a refit warm-started from the previous hyperparameters (a first fit: 60 from 3 starts). */
const REFIT_ITERATIONS = 20;

/** Indices of the best `best` scores plus `total − best` spread evenly over the rest (in their order). */
export function modelSubset(y: Float64Array, total: number, best: number): number[] {
  const n = y.length;
  if (n <= total) return Array.from({ length: n }, (_, i) => i);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => y[a]! - y[b]! || a - b);
  const chosen = order.slice(0, best);
  const rest = order.slice(best).sort((a, b) => a - b);
  const more = total - best;
  for (let k = 0; k < more; k++) chosen.push(rest[Math.floor((k * rest.length) / more)]!);
  return chosen.sort((a, b) => a - b);
}

export class Parego extends SurrogateSearch {
  readonly name = 'parego';
  private hyper: GpHyperparameters | null = null;
  /** Last hyperparameters of each constraint's GP (probability of feasibility). */
  private constraintHyper: (GpHyperparameters | null)[] = [];

  constructor(problem: Problem, options: SurrogateOptions, snapshot?: AlgorithmSnapshot) {
    super(problem, options);
    if (snapshot !== undefined) this.restore(snapshot);
  }

  /** q designs, one weight vector each, kriging believer within the batch. */
  protected propose(q: number): Float64Array[] {
    const designs = this.prior.concat(this.data);
    const n = this.layout.n;
    const taken = new DuplicateFilter();
    for (const d of designs) taken.add(d.x);
    const proposals: Float64Array[] = [];
    const feasibility = this.problem.constraints.length > 0 ? this.feasibilityModel(designs) : undefined;
    for (let b = 0; b < q; b++) {
      const weights = randomWeights(this.m, this.rng);
      const yAll = scalarizedTargets(designs, this.m, weights);
      const fitIdx = modelSubset(yAll, MODEL_SIZE.fit, MODEL_SIZE.fitBest);
      const condIdx = modelSubset(yAll, MODEL_SIZE.condition, MODEL_SIZE.conditionBest);
      const pick = (idx: number[]): { X: Float64Array; y: Float64Array } => ({
        X: unitMatrix(
          this.layout,
          idx.map((i) => designs[i]!.x),
        ),
        y: Float64Array.from(idx, (i) => yAll[i]!),
      });
      const fit = pick(fitIdx);
      this.hyper = fitHyperparameters(fit.X, fit.y, n, this.rng, {
        ...(this.hyper === null
          ? { randomStarts: 2 }
          : { randomStarts: 0, previous: this.hyper, iterations: REFIT_ITERATIONS }),
      });
      const cond = pick(condIdx);
      let gp = new GaussianProcess(cond.X, cond.y, this.hyper);
      if (proposals.length > 0) gp = this.withBelievers(gp, cond, proposals);
      let best = Infinity;
      for (const v of cond.y) best = Math.min(best, v);
      const seeds = condIdx
        .slice()
        .sort((a, c) => yAll[a]! - yAll[c]! || a - c)
        .slice(0, 12)
        .map((i) => designs[i]!.x);
      proposals.push(
        this.unseen(maximizeExpectedImprovement(this.layout, gp, best, seeds, taken, this.rng, feasibility), taken),
      );
    }
    return proposals;
  }

  /**
   * Probability of feasibility ∏_i Φ(−μ_i / s_i): one GP per constraint g_i on the evaluated designs (the 100 lowest
   * g_i and 50 spread over the rest; hyperparameters on 40, warm-started from the previous iteration's), refitted once
   * per batch. Undefined when fewer than 3 designs have constraint values.
   */
  private feasibilityModel(designs: readonly Individual[]): ((u: Float64Array) => number) | undefined {
    const ok = designs.filter((d) => d.f.length > 0 && d.g.every(Number.isFinite));
    if (ok.length < 3) return undefined;
    const k = this.problem.constraints.length;
    const models: GaussianProcess[] = [];
    for (let i = 0; i < k; i++) {
      const g = Float64Array.from(ok, (d) => d.g[i]!);
      if (constantTargets(g)) continue; // no information; see constantTargets
      const sub = (idx: number[]): { X: Float64Array; y: Float64Array } => ({
        X: unitMatrix(
          this.layout,
          idx.map((j) => ok[j]!.x),
        ),
        y: Float64Array.from(idx, (j) => g[j]!),
      });
      const fit = sub(modelSubset(g, MODEL_SIZE.fit, MODEL_SIZE.fitBest));
      const previous = this.constraintHyper[i] ?? null;
      const h = fitHyperparameters(fit.X, fit.y, this.layout.n, this.rng, {
        ...(previous === null ? { randomStarts: 1 } : { randomStarts: 0, previous, iterations: REFIT_ITERATIONS }),
      });
      this.constraintHyper[i] = h;
      const cond = sub(modelSubset(g, MODEL_SIZE.condition, MODEL_SIZE.conditionBest));
      models.push(new GaussianProcess(cond.X, cond.y, h));
    }
    return (u) => {
      let p = 1;
      for (const gp of models) {
        const { mean, variance } = gp.predict(u);
        const sd = Math.sqrt(variance);
        p *= sd > 0 ? normalCdf(-mean / sd) : mean <= 0 ? 1 : 0;
      }
      return p;
    };
  }

  /** The GP conditioned also on the batch's earlier proposals, each at the GP's own mean (kriging believer). */
  private withBelievers(
    gp: GaussianProcess,
    cond: { X: Float64Array; y: Float64Array },
    proposals: readonly Float64Array[],
  ): GaussianProcess {
    const n = this.layout.n;
    const k = cond.y.length;
    const X = new Float64Array((k + proposals.length) * n);
    X.set(cond.X);
    const y = new Float64Array(k + proposals.length);
    y.set(cond.y);
    const u = new Float64Array(n);
    proposals.forEach((x, i) => {
      toUnit(this.layout, x, u);
      X.set(u, (k + i) * n);
      y[k + i] = gp.predict(u).mean;
    });
    return new GaussianProcess(X, y, this.hyper!);
  }

  protected modelState(): Record<string, unknown> {
    return { hyper: encodeHyper(this.hyper), constraintHyper: this.constraintHyper.map(encodeHyper) };
  }

  protected restoreModel(s: AlgorithmSnapshot): void {
    this.hyper = decodeHyper(s['hyper']);
    this.constraintHyper = ((s['constraintHyper'] ?? []) as unknown[]).map(decodeHyper);
  }
}

export const parego = {
  name: 'parego',
  summary: 'parego (ParEGO, surrogate-assisted) for expensive evaluations, a budget of up to ~300',
  surrogate: true,
  settings: surrogateSettings,
  create: (problem, options, snapshot) => new Parego(problem, options, snapshot),
} as const satisfies AlgorithmEntry<SurrogateOptions>;
