/**
 * What the surrogate-assisted searches (ParEGO, SMS-EGO) share: every evaluation of the run and of a warm start (model
 * data), the archive of feasible designs and the least infeasible ones, ask/tell in batches of `batch` designs (fixed
 * by the study, not the worker count, so a seed gives the same run on any pool), the start (warm-start designs first,
 * then a maximin Latin hypercube up to the initial size) and the snapshot's common part. Each search supplies its
 * proposals and the state of its models; a resumed run proposes what the uninterrupted one would.
 */
import type { Evaluation, Problem } from '../../src/optimize/types.js';
import * as z from 'zod';
import { lazy } from '../../src/base/lazy.js';
import type { AlgorithmSnapshot, BaseAlgorithmOptions, Individual, SettingOptions } from '../types.js';
import { AlgorithmBase } from '../algorithmBase.js';
import { randomDesign } from '../operators/layout.js';
import { DuplicateFilter } from '../operators/duplicates.js';
import { decodeIndividual, encodeIndividual } from '../operators/codec.js';
import { makeIndividual } from '../nsga2/geneticAlgorithm.js';
import { fromUnit } from '../parego/encoding.js';
import { latinHypercube } from '../parego/lhs.js';

/** Least infeasible designs kept (the run's report of what came closest when nothing is feasible). */
const LEAST_INFEASIBLE_KEPT = 256;

/** Designs a surrogate algorithm (parego, smsego) proposes per iteration when the study sets no `batch`. */
export const DEFAULT_SURROGATE_BATCH = 4;

/** The surrogate algorithms' study settings (parego's; smsego adds its own): designs proposed per iteration. */
export const surrogateSettings = lazy(() => ({
  batch: z
    .number()
    .int('must be a whole number of designs')
    .min(1, 'must be at least 1 design')
    .max(256, 'at most 256 designs per iteration')
    .exactOptional()
    .describe(
      `parego, smsego: designs proposed per iteration (default ${DEFAULT_SURROGATE_BATCH}). Set it to the number of workers to keep them all busy; the run depends on it, not on --workers.`,
    ),
}));

/** The surrogate algorithms' options: every algorithm's and their settings (the batch is fixed by the study). */
export type SurrogateOptions = BaseAlgorithmOptions & SettingOptions<ReturnType<typeof surrogateSettings>>;

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

export abstract class SurrogateSearch extends AlgorithmBase {
  protected params: SurrogateParams;
  /** Every evaluation of this run, in order. */
  protected data: Individual[] = [];
  /** Warm-start evaluations of an earlier run: model data only. */
  protected prior: Individual[] = [];
  private readonly warmDesigns: Float64Array[];
  /** The warm-start designs were evaluated by an earlier run of this problem (options.initial.inherited). */
  private readonly inherited: boolean;

  /** Subclasses call `restore(snapshot)` at the end of their constructor, once their own fields exist. */
  constructor(problem: Problem, options: SurrogateOptions) {
    super(problem, options.seed, options.archiveLimit, LEAST_INFEASIBLE_KEPT);
    const batch = options.batch ?? DEFAULT_SURROGATE_BATCH;
    if (!Number.isInteger(batch) || batch < 1) throw new RangeError(`batch must be an integer >= 1, got ${batch}`);
    this.params = {
      seed: options.seed,
      batch,
      initialSize: initialSize(this.layout.n, options.evaluations),
      ...(options.evaluations !== undefined ? { evaluations: options.evaluations } : {}),
      ...(options.archiveLimit !== undefined ? { archiveLimit: options.archiveLimit } : {}),
    };
    this.warmDesigns = (options.initial?.designs ?? []).map((x) => Float64Array.from(x));
    this.inherited = options.initial?.inherited !== undefined && this.warmDesigns.length > 0;
    this.prior = (options.initial?.evaluations ?? []).map((e) => ({ x: e.x, f: e.f, g: e.g, cv: e.cv, evalIndex: -1 }));
  }

  /** The next batch of q designs, none a duplicate of an evaluated one. */
  protected abstract propose(q: number): Float64Array[];
  /** The models' state for the snapshot (hyperparameters), and its restoration. */
  protected abstract modelState(): Record<string, unknown>;
  protected abstract restoreModel(s: AlgorithmSnapshot): void;

  protected next(): Float64Array[] {
    return this.generation === 0 ? this.initialDesigns() : this.propose(this.batchSize());
  }

  tell(evaluations: readonly Evaluation[]): void {
    const batch = this.takePending(evaluations);
    for (let i = 0; i < batch.length; i++) {
      const ind = makeIndividual(batch[i]!, evaluations[i]!, this.evaluations + i, this.m);
      this.data.push(ind);
      if (ind.cv === 0) this.archiveStore.add(ind);
      this.infeasibleStore.insert(ind);
    }
    this.evaluations += batch.length;
    this.generation++;
  }

  /** A surrogate search keeps no population: every design of the run evaluated so far, failed evaluations left out. */
  population(): readonly Individual[] {
    return this.data.filter((d) => d.f.length > 0);
  }

  /** Evaluations left in the budget (Infinity without one). */
  protected left(): number {
    return this.params.evaluations === undefined ? Infinity : this.params.evaluations - this.evaluations;
  }

  protected batchSize(): number {
    return Math.max(1, Math.min(this.params.batch, this.left()));
  }

  /**
   * The criterion's proposal `x`, or when it found none a random design not yet `taken` (100 tries, then any);
   * marked taken.
   */
  protected unseen(x: Float64Array | null, taken: DuplicateFilter): Float64Array {
    for (let t = 0; x === null && t < 100; t++) {
      const r = randomDesign(this.layout, this.rng);
      if (!taken.has(r)) x = r;
    }
    x ??= randomDesign(this.layout, this.rng);
    taken.add(x);
    return x;
  }

  /** Warm-start designs first (no duplicates), then a maximin LHS up to the initial size. */
  private initialDesigns(): Float64Array[] {
    // designs an earlier run of this problem evaluated: the whole first batch, answered from its log
    if (this.inherited) return this.warmDesigns.map((x) => Float64Array.from(x));
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
    const own = {
      data: this.data.map(encodeIndividual),
      prior: this.prior.map(encodeIndividual),
      ...this.modelState(),
    };
    return this.snapshotWith(this.params, own, options, this.params.archiveLimit);
  }

  protected restore(s: AlgorithmSnapshot): void {
    this.checkSnapshot(s);
    this.params = { ...(s['params'] as SurrogateParams) };
    this.restoreCommon(s, this.params.archiveLimit, LEAST_INFEASIBLE_KEPT);
    this.data = (s['data'] as unknown[]).map(decodeIndividual);
    this.prior = (s['prior'] as unknown[]).map(decodeIndividual);
    this.restoreModel(s);
  }
}
