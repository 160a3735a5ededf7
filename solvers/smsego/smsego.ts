/**
 * SMS-EGO (Ponweiser, Wagner, Biermann & Vincze, PPSN X, 2008): S-metric-selection efficient global optimization, a
 * surrogate-assisted multi-objective search for expensive evaluations that models every objective (not one random
 * scalarization per proposal, as ParEGO does), so its proposals aim at the whole front in 3 objectives.
 * - Start: ParEGO's maximin Latin hypercube (solvers/parego/lhs.ts) of min(11 d − 1, ⌊budget / 3⌋) designs (at least
 *   3) after any warm-start designs.
 * - Each iteration proposes `batch` designs (default 4; fixed by the study, not the worker count). Per batch: one GP
 *   per objective and per constraint (models.ts, on the categorical encoding of encoding.ts), refitted once; then per
 *   design the SMS-EGO criterion (criterion.ts: hypervolume contribution of the lower confidence bound, penalty when
 *   ε-dominated, probability of feasibility) maximized by an evolutionary search (search.ts). The batch's earlier
 *   designs enter the objective GPs at their own predicted means and the front at those means ("kriging believer",
 *   Ginsbourger, Le Riche & Carraro 2010), so the batch spreads along the front; the constraint GPs are not updated
 *   within a batch (a believer leaves their mean unchanged).
 * - Warm-start evaluations of an earlier run are model data (and front) only.
 * Everything random comes from the seeded Rng; the state (evaluations, hyperparameters, Rng) is in the snapshot, so a
 * resumed run proposes what the uninterrupted one would.
 */
import type { Evaluation, Problem } from '../../src/problem/types.js';
import { createRng, rngFromState, type Rng } from '../../src/core/rng.js';
import { nonDominatedIndices, toMatrix } from '../../src/pareto/dominance.js';
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
import { decodeFloat64, decodeIndividual, encodeArray, encodeIndividual } from '../operators/codec.js';
import { makeIndividual } from '../nsga2/geneticAlgorithm.js';
import { GaussianProcess, type GpHyperparameters } from '../gp/gp.js';
import { fromUnit } from '../parego/encoding.js';
import { latinHypercube } from '../parego/lhs.js';
import { initialSize } from '../parego/parego.js';
import { compileEncoding, encode, encodeAll, type SurrogateEncoding } from './encoding.js';
import { additiveEpsilon, constrainedValue, lcbGain, smsValue } from './criterion.js';
import { fitOutput, frontDistanceKey, logProbabilityOfFeasibility, trainingSets } from './models.js';
import { maximizeCriterion, type Scored } from './search.js';
import { decodeHyper, encodeHyper } from './snapshot.js';

const SNAPSHOT_VERSION = 1;

export interface SmsEgoParams {
  readonly seed: number;
  readonly batch: number;
  readonly initialSize: number;
  readonly evaluations?: number;
  readonly archiveLimit?: number;
}

/** What one batch's proposals need: the GPs, the normalized front and its normalization. */
interface BatchModel {
  readonly objectives: { gp: GaussianProcess; X: Float64Array; y: Float64Array; hyper: GpHyperparameters }[];
  readonly constraints: GaussianProcess[];
  front: Float64Array[];
  readonly ideal: Float64Array;
  readonly span: Float64Array;
  readonly seeds: Float64Array[];
}

export class SmsEgo implements Algorithm {
  readonly name = 'smsego';
  private params: SmsEgoParams;
  private readonly layout: VariableLayout;
  private readonly enc: SurrogateEncoding;
  private readonly m: number;
  private readonly gain: number;
  private rng: Rng;
  private generation = 0;
  private evaluations = 0;
  private data: Individual[] = [];
  private prior: Individual[] = [];
  private warmDesigns: Float64Array[] = [];
  private objectiveHyper: (GpHyperparameters | null)[] = [];
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
    this.enc = compileEncoding(this.layout);
    this.m = problem.objectives.length;
    if (this.m < 1) throw new RangeError(`problem ${problem.name} has no objectives`);
    if (!Number.isInteger(options.seed)) throw new RangeError(`seed must be an integer, got ${options.seed}`);
    const batch = options.batch ?? DEFAULT_SURROGATE_BATCH;
    if (!Number.isInteger(batch) || batch < 1) throw new RangeError(`batch must be an integer >= 1, got ${batch}`);
    this.gain = lcbGain(this.m);
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
    if (batch === null) throw new Error('smsego: tell() called without a pending ask()');
    if (evaluations.length !== batch.length)
      throw new RangeError(`smsego: tell() got ${evaluations.length} evaluations for a batch of ${batch.length}`);
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

  /** SMS-EGO keeps no population: every design of the run evaluated so far, failed evaluations left out. */
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
    return Math.max(1, Math.min(this.params.batch, this.left()));
  }

  private left(): number {
    return this.params.evaluations === undefined ? 100 : this.params.evaluations - this.evaluations;
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

  /** The GPs and the normalized front of this batch; null when fewer than 3 designs have objective values. */
  private batchModel(designs: readonly Individual[]): BatchModel | null {
    const { m } = this;
    const ok = designs.filter((d) => d.f.length === m && d.f.every(Number.isFinite));
    if (ok.length < 3) return null;
    const feasible = ok.filter((d) => d.cv === 0);
    const pool = feasible.length > 0 ? feasible : ok;
    const nd = Array.from(
      nonDominatedIndices(
        toMatrix(
          pool.map((d) => d.f),
          m,
        ),
        pool.length,
        m,
      ),
      (i) => pool[i]!,
    );
    const ideal = new Float64Array(m).fill(Infinity);
    const nadir = new Float64Array(m).fill(-Infinity);
    for (const d of nd)
      for (let j = 0; j < m; j++) [ideal[j], nadir[j]] = [Math.min(ideal[j]!, d.f[j]!), Math.max(nadir[j]!, d.f[j]!)];
    const span = nadir.map((v, j) => (v > ideal[j]! ? v - ideal[j]! : 1));
    const normalize = (f: Float64Array): Float64Array => f.map((v, j) => (v - ideal[j]!) / span[j]!);
    const frontNorm = nd.map((d) => normalize(d.f));
    const sets = trainingSets(frontDistanceKey(ok, frontNorm, ideal, span));
    const X = encodeAll(
      this.layout,
      this.enc,
      ok.map((d) => d.x),
    );
    const objectives = [];
    for (let j = 0; j < m; j++) {
      const y = Float64Array.from(ok, (d) => d.f[j]!);
      const out = fitOutput(X, y, this.enc.d, sets, this.rng, this.objectiveHyper[j] ?? null);
      this.objectiveHyper[j] = out.hyper;
      objectives.push(out);
    }
    const constraints: GaussianProcess[] = [];
    for (let i = 0; i < this.problem.constraints.length; i++) {
      const rowsOk = ok.map((d, k) => (Number.isFinite(d.g[i]) ? k : -1)).filter((k) => k >= 0);
      if (rowsOk.length < 3) continue;
      const g = Float64Array.from(ok, (d) => (Number.isFinite(d.g[i]) ? d.g[i]! : 0));
      const keep = new Set(rowsOk);
      const sub = { fit: sets.fit.filter((k) => keep.has(k)), condition: sets.condition.filter((k) => keep.has(k)) };
      if (sub.fit.length < 3) continue;
      const out = fitOutput(X, g, this.enc.d, sub, this.rng, this.constraintHyper[i] ?? null);
      this.constraintHyper[i] = out.hyper;
      constraints.push(out.gp);
    }
    const seeds = spread(
      (feasible.length > 0 ? nd : ok.slice().sort((a, b) => a.cv - b.cv)).map((d) => d.x),
      12,
    );
    return { objectives, constraints, front: feasible.length > 0 ? frontNorm : [], ideal, span, seeds };
  }

  /** q designs: the SMS-EGO criterion maximized, kriging believer within the batch. */
  private propose(q: number): Float64Array[] {
    const designs = this.prior.concat(this.data);
    const taken = new DuplicateFilter();
    for (const d of designs) taken.add(d.x);
    const model = this.batchModel(designs);
    const proposals: Float64Array[] = [];
    const u = new Float64Array(this.enc.d);
    for (let b = 0; b < q; b++) {
      let x: Float64Array | null = null;
      if (model !== null) {
        const score = this.scorer(model, this.left() - b, u);
        x = maximizeCriterion(this.layout, score, model.seeds, taken, this.rng);
      }
      for (let t = 0; x === null && t < 100; t++) {
        const r = randomDesign(this.layout, this.rng);
        if (!taken.has(r)) x = r;
      }
      x ??= randomDesign(this.layout, this.rng);
      taken.add(x);
      proposals.push(x);
      if (model !== null && b + 1 < q) this.believe(model, x);
    }
    return proposals;
  }

  /** The criterion of one proposal (see criterion.ts); `u` is scratch space for the encoding. */
  private scorer(model: BatchModel, left: number, u: Float64Array): (x: Float64Array) => Scored {
    const { m } = this;
    const known = model.front.length > 0;
    const ctx = { front: model.front, m, gain: this.gain, epsilon: additiveEpsilon(model.front, m, left) };
    const lcb = new Float64Array(m);
    return (x) => {
      encode(this.layout, this.enc, x, u);
      let sum = 0;
      for (let j = 0; j < m; j++) {
        const p = model.objectives[j]!.gp.predict(u);
        lcb[j] = (p.mean - this.gain * Math.sqrt(p.variance) - model.ideal[j]!) / model.span[j]!;
        sum += lcb[j]!;
      }
      const logPof = logProbabilityOfFeasibility(model.constraints, u);
      const value = known ? smsValue(lcb, ctx) : 0;
      return { x, value: constrainedValue(value, logPof, known), tie: sum };
    };
  }

  /** Kriging believer: x joins each objective GP at its predicted mean, and the front there when likely feasible. */
  private believe(model: BatchModel, x: Float64Array): void {
    const d = this.enc.d;
    const u = new Float64Array(d);
    encode(this.layout, this.enc, x, u);
    const f = new Float64Array(this.m);
    model.objectives.forEach((o, j) => {
      const mean = o.gp.predict(u).mean;
      f[j] = (mean - model.ideal[j]!) / model.span[j]!;
      const X = new Float64Array(o.X.length + d);
      X.set(o.X);
      X.set(u, o.X.length);
      const y = new Float64Array(o.y.length + 1);
      y.set(o.y);
      y[o.y.length] = mean;
      o.X = X;
      o.y = y;
      o.gp = new GaussianProcess(X, y, o.hyper);
    });
    if (model.front.length > 0 && logProbabilityOfFeasibility(model.constraints, u) > Math.log(0.5)) {
      const all = model.front.concat([f]);
      model.front = Array.from(nonDominatedIndices(toMatrix(all, this.m), all.length, this.m), (i) => all[i]!);
    }
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
      objectiveHyper: this.objectiveHyper.map(encodeHyper),
      constraintHyper: this.constraintHyper.map(encodeHyper),
      pending: this.pending === null ? null : this.pending.map((x) => encodeArray(x)),
      archive: options?.archive === false && this.params.archiveLimit === undefined ? null : this.archiveStore.encode(),
      leastInfeasible: this.infeasibleStore.encode(),
    };
  }

  private restore(s: AlgorithmSnapshot): void {
    if (s.algorithm !== this.name) throw new RangeError(`snapshot is for '${s.algorithm}', not '${this.name}'`);
    if (s['version'] !== SNAPSHOT_VERSION)
      throw new RangeError(`unsupported smsego snapshot version ${String(s['version'])}`);
    this.params = { ...(s['params'] as SmsEgoParams) };
    this.generation = Number(s['generation']);
    this.evaluations = Number(s['evaluations']);
    this.rng = rngFromState(s['rng'] as number[]);
    this.data = (s['data'] as unknown[]).map(decodeIndividual);
    this.prior = (s['prior'] as unknown[]).map(decodeIndividual);
    this.objectiveHyper = ((s['objectiveHyper'] ?? []) as unknown[]).map(decodeHyper);
    this.constraintHyper = ((s['constraintHyper'] ?? []) as unknown[]).map(decodeHyper);
    const pending = s['pending'] as Parameters<typeof decodeFloat64>[0][] | null;
    this.pending = pending === null ? null : pending.map((x) => decodeFloat64(x));
    this.archiveStore =
      s['archive'] === null
        ? new ParetoArchive(this.m)
        : ParetoArchive.decode(this.m, s['archive'], this.params.archiveLimit);
    this.infeasibleStore = LeastInfeasibleStore.decode(256, s['leastInfeasible']);
  }
}

/** At most k of xs, evenly spread over their order. */
function spread(xs: readonly Float64Array[], k: number): Float64Array[] {
  if (xs.length <= k) return xs.slice();
  return Array.from({ length: k }, (_, i) => xs[Math.floor((i * xs.length) / k)]!);
}

export function createSmsEgo(problem: Problem, options: AlgorithmOptions, snapshot?: AlgorithmSnapshot): SmsEgo {
  return new SmsEgo(problem, options, snapshot);
}
