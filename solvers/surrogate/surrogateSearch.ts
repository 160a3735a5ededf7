/**
 * What the surrogate-assisted searches (ParEGO, SMS-EGO) share: every evaluation of the run and of a warm start (model
 * data), the archive of feasible designs and the least infeasible ones, ask/tell in batches of `batch` designs (fixed
 * by the study, not the worker count, so a seed gives the same run on any pool), the start (warm-start designs first,
 * then a maximin Latin hypercube up to the initial size) and the snapshot's common part. Each search supplies its
 * proposals and the state of its models; a resumed run proposes what the uninterrupted one would.
 */
import type { Evaluation, Problem } from '../../src/optimize/types.js';
import { createRng, rngFromState, type Rng } from '../../src/base/rng.js';
import {
  DEFAULT_SURROGATE_BATCH,
  type Algorithm,
  type BaseAlgorithmOptions,
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
import { fromUnit } from '../parego/encoding.js';
import { latinHypercube } from '../parego/lhs.js';

const SNAPSHOT_VERSION = 1;
/** Least infeasible designs kept (the run's report of what came closest when nothing is feasible). */
const LEAST_INFEASIBLE_KEPT = 256;

/** The surrogate algorithms' options (parego; smsego adds its own). */
export interface SurrogateOptions extends BaseAlgorithmOptions {
  /** Designs proposed per iteration (fixed by the study, never by the worker count). */
  readonly batch?: number;
}

export interface SurrogateParams {
  readonly seed: number;
  readonly batch: number;
  readonly initialSize: number;
  readonly evaluations?: number;
  readonly archiveLimit?: number;
}

/** Start size: Knowles' 11 d − 1, cut to a third of the evaluation budget when one is set (at least 3). */
export function initialSize(n: number, budget: number | undefined): number {
  const knowles = 11 * n - 1;
  return budget === undefined ? knowles : Math.max(Math.min(3, budget), Math.min(knowles, Math.floor(budget / 3)));
}

export abstract class SurrogateSearch implements Algorithm {
  abstract readonly name: string;
  protected params: SurrogateParams;
  protected readonly layout: VariableLayout;
  protected readonly m: number;
  protected rng: Rng;
  protected generation = 0;
  protected evaluations = 0;
  /** Every evaluation of this run, in order. */
  protected data: Individual[] = [];
  /** Warm-start evaluations of an earlier run: model data only. */
  protected prior: Individual[] = [];
  private readonly warmDesigns: Float64Array[];
  private pending: Float64Array[] | null = null;
  private archiveStore: ParetoArchive;
  private infeasibleStore: LeastInfeasibleStore;

  /** Subclasses call `restore(snapshot)` at the end of their constructor, once their own fields exist. */
  constructor(
    readonly problem: Problem,
    options: SurrogateOptions,
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
    this.infeasibleStore = new LeastInfeasibleStore(LEAST_INFEASIBLE_KEPT);
    this.warmDesigns = (options.initial?.designs ?? []).map((x) => Float64Array.from(x));
    this.prior = (options.initial?.evaluations ?? []).map((e) => ({ x: e.x, f: e.f, g: e.g, cv: e.cv, evalIndex: -1 }));
  }

  /** The next batch of q designs, none a duplicate of an evaluated one. */
  protected abstract propose(q: number): Float64Array[];
  /** The models' state for the snapshot (hyperparameters), and its restoration. */
  protected abstract modelState(): Record<string, unknown>;
  protected abstract restoreModel(s: AlgorithmSnapshot): void;

  ask(): Float64Array[] {
    if (this.pending === null)
      this.pending = this.generation === 0 ? this.initialDesigns() : this.propose(this.batchSize());
    return this.pending.slice();
  }

  tell(evaluations: readonly Evaluation[]): void {
    const batch = this.pending;
    if (batch === null) throw new Error(`${this.name}: tell() called without a pending ask()`);
    if (evaluations.length !== batch.length)
      throw new RangeError(`${this.name}: tell() got ${evaluations.length} evaluations for a batch of ${batch.length}`);
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

  /** A surrogate search keeps no population: every design of the run evaluated so far, failed evaluations left out. */
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

  /** Evaluations left in the budget (Infinity without one). */
  protected left(): number {
    return this.params.evaluations === undefined ? Infinity : this.params.evaluations - this.evaluations;
  }

  protected batchSize(): number {
    return Math.max(1, Math.min(this.params.batch, this.left()));
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
      ...this.modelState(),
      pending: this.pending === null ? null : this.pending.map((x) => encodeArray(x)),
      archive: options?.archive === false && this.params.archiveLimit === undefined ? null : this.archiveStore.encode(),
      leastInfeasible: this.infeasibleStore.encode(),
    };
  }

  protected restore(s: AlgorithmSnapshot): void {
    if (s.algorithm !== this.name) throw new RangeError(`snapshot is for '${s.algorithm}', not '${this.name}'`);
    if (s['version'] !== SNAPSHOT_VERSION)
      throw new RangeError(`unsupported ${this.name} snapshot version ${String(s['version'])}`);
    this.params = { ...(s['params'] as SurrogateParams) };
    this.generation = Number(s['generation']);
    this.evaluations = Number(s['evaluations']);
    this.rng = rngFromState(s['rng'] as number[]);
    this.data = (s['data'] as unknown[]).map(decodeIndividual);
    this.prior = (s['prior'] as unknown[]).map(decodeIndividual);
    this.restoreModel(s);
    const pending = s['pending'] as EncodedNumber[][] | null;
    this.pending = pending === null ? null : pending.map((x) => decodeFloat64(x));
    this.archiveStore =
      s['archive'] === null
        ? new ParetoArchive(this.m)
        : ParetoArchive.decode(this.m, s['archive'], this.params.archiveLimit);
    this.infeasibleStore = LeastInfeasibleStore.decode(LEAST_INFEASIBLE_KEPT, s['leastInfeasible']);
  }
}
