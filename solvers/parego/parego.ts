/**
 * ParEGO (Knowles, IEEE TEVC 10(1), 2006): a surrogate-assisted multi-objective search for expensive evaluations.
 * - Start: a maximin Latin hypercube (lhs.ts) of min(11 d − 1, ⌊budget / 3⌋) designs (Knowles' 11 d − 1, cut to a third
 *   of the evaluation budget when one is set; at least 3), after any warm-start designs.
 * - Each iteration proposes a batch of q designs (`batch`, default 4; fixed by the study, not the worker count, so a
 *   seed gives the same run on any pool). Each batch member draws its own weight vector, scalarizes every evaluation
 *   seen (scalarize.ts: augmented Tchebycheff, constraint penalty), fits a GP to the scores (solvers/gp: Matérn 5/2,
 *   maximum likelihood by projected gradient ascent, warm-started from the previous fit) and maximizes expected
 *   improvement (infill.ts). The batch's earlier members enter the model as "kriging believer" points (their value
 *   the GP's own mean: Ginsbourger, Le Riche & Carraro 2010), so the batch spreads instead of repeating one optimum.
 * - Constraints: the scalarized score carries a penalty (scalarize.ts) and, in addition, EI is multiplied by the
 *   probability of feasibility from one GP per constraint (refitted once per batch).
 * - Model size: the GP is conditioned on at most 150 designs (the 100 best scores and 50 spread over the rest by
 *   evaluation order) and its hyperparameters fitted on at most 40 of them (20 best, 20 spread; the first fit from 3
 * starts, later ones
 *   20 ascent steps from the previous optimum): the GP costs O(n³),
 *   and this keeps a proposal under about a second on one core at any budget (docs/performance.md).
 * Everything random comes from the seeded Rng; the state (evaluations, model hyperparameters, Rng) is in the snapshot,
 * so a resumed run proposes what the uninterrupted one would.
 */
import type { Evaluation, Problem } from '../../src/problem/types.js';
import { createRng, rngFromState, type Rng } from '../../src/core/rng.js';
import {
  DEFAULT_SURROGATE_BATCH,
  type Algorithm,
  type AlgorithmOptions,
  type AlgorithmProgress,
  type AlgorithmSnapshot,
  type Individual,
} from '../types.js';
import { LeastInfeasibleStore, ParetoArchive } from '../archive.js';
import { compileLayout, randomDesign, type VariableLayout } from '../operators/layout.js';
import { DuplicateFilter } from '../operators/duplicates.js';
import {
  decodeFloat64,
  decodeIndividual,
  encodeArray,
  encodeIndividual,
  type EncodedNumber,
} from '../operators/codec.js';
import { makeIndividual } from '../nsga2/geneticAlgorithm.js';
import { GaussianProcess, type GpHyperparameters } from '../gp/gp.js';
import { fitHyperparameters } from '../gp/hyperparameters.js';
import { fromUnit, unitMatrix, toUnit } from './encoding.js';
import { latinHypercube } from './lhs.js';
import { randomWeights, scalarizedTargets } from './scalarize.js';
import { maximizeExpectedImprovement, normalCdf } from './infill.js';

const MODEL_SIZE = { condition: 150, conditionBest: 100, fit: 40, fitBest: 20 } as const;
/** Ascent iterations of a refit warm-started from the previous hyperparameters (a first fit: 60 from 3 starts). */
const REFIT_ITERATIONS = 20;
const SNAPSHOT_VERSION = 1;

export interface ParegoParams {
  readonly seed: number;
  readonly batch: number;
  readonly initialSize: number;
  readonly evaluations?: number;
  readonly archiveLimit?: number;
}

export function initialSize(n: number, budget: number | undefined): number {
  const knowles = 11 * n - 1;
  return budget === undefined ? knowles : Math.max(Math.min(3, budget), Math.min(knowles, Math.floor(budget / 3)));
}

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

export class Parego implements Algorithm {
  readonly name = 'parego';
  private params: ParegoParams;
  private readonly layout: VariableLayout;
  private readonly m: number;
  private rng: Rng;
  private generation = 0;
  private evaluations = 0;
  /** Every evaluation of this run, in order. */
  private data: Individual[] = [];
  /** Warm-start evaluations of an earlier run: model data only. */
  private prior: Individual[] = [];
  private warmDesigns: Float64Array[] = [];
  private hyper: GpHyperparameters | null = null;
  /** Last hyperparameters of each constraint's GP (probability of feasibility). */
  private constraintHyper: (GpHyperparameters | null)[] = [];
  private pending: Float64Array[] | null = null;
  private archiveStore: ParetoArchive;
  private infeasibleStore: LeastInfeasibleStore;

  constructor(
    readonly problem: Problem,
    options: AlgorithmOptions,
    snapshot?: AlgorithmSnapshot,
  ) {
    this.layout = compileLayout(problem.variables);
    this.m = problem.objectives.length;
    if (this.m < 1) throw new RangeError(`problem ${problem.name} has no objectives`);
    if (!Number.isInteger(options.seed)) throw new RangeError(`seed must be an integer, got ${options.seed}`);
    const batch = options.batch ?? DEFAULT_SURROGATE_BATCH;
    if (!Number.isInteger(batch) || batch < 1) throw new RangeError(`batch must be an integer >= 1, got ${batch}`);
    this.params = {
      seed: options.seed,
      batch,
      initialSize: initialSize(this.layout.n, options.evaluations),
      ...(options.evaluations !== undefined ? { evaluations: options.evaluations } : {}),
      ...(options.archiveLimit !== undefined ? { archiveLimit: options.archiveLimit } : {}),
    };
    this.rng = createRng(options.seed);
    this.archiveStore = new ParetoArchive(this.m, this.params.archiveLimit);
    this.infeasibleStore = new LeastInfeasibleStore(256);
    this.warmDesigns = (options.initial?.designs ?? []).map((x) => Float64Array.from(x));
    this.prior = (options.initial?.evaluations ?? []).map((e) => ({ x: e.x, f: e.f, g: e.g, cv: e.cv, evalIndex: -1 }));
    if (snapshot !== undefined) this.restore(snapshot);
  }

  ask(): Float64Array[] {
    if (this.pending === null)
      this.pending = this.generation === 0 ? this.initialDesigns() : this.propose(this.batchSize());
    return this.pending.slice();
  }

  tell(evaluations: readonly Evaluation[]): void {
    const batch = this.pending;
    if (batch === null) throw new Error('parego: tell() called without a pending ask()');
    if (evaluations.length !== batch.length)
      throw new RangeError(`parego: tell() got ${evaluations.length} evaluations for a batch of ${batch.length}`);
    for (let i = 0; i < batch.length; i++) {
      const ind = makeIndividual(batch[i]!, evaluations[i]!, this.evaluations + i, this.m);
      this.data.push(ind);
      if (ind.cv === 0) this.archiveStore.add(ind);
      this.infeasibleStore.insert(ind);
    }
    this.evaluations += batch.length;
    this.pending = null;
    this.generation++;
  }

  progress(): AlgorithmProgress {
    return { generation: this.generation, evaluations: this.evaluations };
  }

  /** ParEGO keeps no population: this is every design of the run evaluated so far, failed evaluations left out. */
  population(): readonly Individual[] {
    return this.data.filter((d) => d.f.length > 0);
  }

  archive(): readonly Individual[] {
    return this.archiveStore.items();
  }

  leastInfeasible(count: number): readonly Individual[] {
    return this.infeasibleStore.best(count);
  }

  offerToArchive(ind: Individual): void {
    this.archiveStore.add(ind);
  }

  private batchSize(): number {
    const left = this.params.evaluations === undefined ? Infinity : this.params.evaluations - this.evaluations;
    return Math.max(1, Math.min(this.params.batch, left));
  }

  /** Warm-start designs first (no duplicates), then a maximin LHS up to the initial size. */
  private initialDesigns(): Float64Array[] {
    const size = Math.min(this.params.initialSize, this.params.evaluations ?? Infinity);
    const seen = new DuplicateFilter();
    const out: Float64Array[] = [];
    for (const x of this.warmDesigns) if (out.length < size && seen.add(x)) out.push(x);
    const fill = size - out.length;
    if (fill > 0) {
      const U = latinHypercube(fill, this.layout.n, this.rng);
      for (let i = 0; i < fill; i++) {
        let x = fromUnit(this.layout, U.subarray(i * this.layout.n, (i + 1) * this.layout.n));
        for (let t = 0; !seen.add(x) && t < 100; t++) x = randomDesign(this.layout, this.rng);
        out.push(x);
      }
    }
    return out.length > 0 ? out : [randomDesign(this.layout, this.rng)];
  }

  /** q designs, one weight vector each, kriging believer within the batch. */
  private propose(q: number): Float64Array[] {
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
      let x = maximizeExpectedImprovement(this.layout, gp, best, seeds, taken, this.rng, feasibility);
      for (let t = 0; x === null && t < 100; t++) {
        const r = randomDesign(this.layout, this.rng);
        if (!taken.has(r)) x = r;
      }
      x ??= randomDesign(this.layout, this.rng);
      taken.add(x);
      proposals.push(x);
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

  snapshot(options?: { readonly archive?: boolean }): AlgorithmSnapshot {
    return {
      algorithm: this.name,
      version: SNAPSHOT_VERSION,
      problem: this.problem.name,
      params: { ...this.params },
      generation: this.generation,
      evaluations: this.evaluations,
      rng: this.rng.state(),
      data: this.data.map(encodeIndividual),
      prior: this.prior.map(encodeIndividual),
      hyper: encodeHyper(this.hyper),
      constraintHyper: this.constraintHyper.map(encodeHyper),
      pending: this.pending === null ? null : this.pending.map((x) => encodeArray(x)),
      archive: options?.archive === false && this.params.archiveLimit === undefined ? null : this.archiveStore.encode(),
      leastInfeasible: this.infeasibleStore.encode(),
    };
  }

  private restore(s: AlgorithmSnapshot): void {
    if (s.algorithm !== this.name) throw new RangeError(`snapshot is for '${s.algorithm}', not '${this.name}'`);
    if (s['version'] !== SNAPSHOT_VERSION)
      throw new RangeError(`unsupported parego snapshot version ${String(s['version'])}`);
    this.params = { ...(s['params'] as ParegoParams) };
    this.generation = Number(s['generation']);
    this.evaluations = Number(s['evaluations']);
    this.rng = rngFromState(s['rng'] as number[]);
    this.data = (s['data'] as unknown[]).map(decodeIndividual);
    this.prior = (s['prior'] as unknown[]).map(decodeIndividual);
    this.hyper = decodeHyper(s['hyper']);
    this.constraintHyper = ((s['constraintHyper'] ?? []) as unknown[]).map(decodeHyper);
    const pending = s['pending'] as EncodedNumber[][] | null;
    this.pending = pending === null ? null : pending.map((x) => decodeFloat64(x));
    this.archiveStore =
      s['archive'] === null
        ? new ParetoArchive(this.m)
        : ParetoArchive.decode(this.m, s['archive'], this.params.archiveLimit);
    this.infeasibleStore = LeastInfeasibleStore.decode(256, s['leastInfeasible']);
  }
}

type EncodedHyper = { lengthScales: EncodedNumber[]; signalVariance: number; noiseVariance: number } | null;

function encodeHyper(h: GpHyperparameters | null): EncodedHyper {
  return h === null
    ? null
    : { lengthScales: encodeArray(h.lengthScales), signalVariance: h.signalVariance, noiseVariance: h.noiseVariance };
}

function decodeHyper(v: unknown): GpHyperparameters | null {
  const h = v as EncodedHyper;
  return h === null
    ? null
    : { lengthScales: decodeFloat64(h.lengthScales), signalVariance: h.signalVariance, noiseVariance: h.noiseVariance };
}

export function createParego(problem: Problem, options: AlgorithmOptions, snapshot?: AlgorithmSnapshot): Parego {
  return new Parego(problem, options, snapshot);
}
