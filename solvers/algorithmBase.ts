/**
 * What every algorithm here shares (the genetic algorithms of ./nsga2 and the surrogate searches of ./surrogate): the
 * variable layout, the seeded RNG, the counters, the batch in hand between ask() and tell(), the Pareto archive and
 * the least-infeasible designs, and the fields of the snapshot that carry them. A subclass proposes batches (`next`)
 * and adds its own state to the snapshot between the common head and tail.
 */
import type { Evaluation, Problem } from '../src/optimize/types.js';
import { createRng, rngFromState, type Rng } from '../src/base/rng.js';
import type { Algorithm, AlgorithmProgress, AlgorithmSnapshot, Individual } from './types.js';
import { LeastInfeasibleStore, ParetoArchive } from './archive.js';
import { compileLayout, type VariableLayout } from './operators/layout.js';
import { decodeFloat64, encodeArray, type EncodedNumber } from './operators/codec.js';

const SNAPSHOT_VERSION = 1;

export abstract class AlgorithmBase implements Algorithm {
  abstract readonly name: string;
  protected readonly layout: VariableLayout;
  protected readonly m: number;
  protected rng: Rng;
  protected generation = 0;
  protected evaluations = 0;
  protected pending: Float64Array[] | null = null;
  protected archiveStore: ParetoArchive;
  protected infeasibleStore: LeastInfeasibleStore;

  constructor(
    readonly problem: Problem,
    seed: number,
    archiveLimit: number | undefined,
    infeasibleKept: number,
  ) {
    this.layout = compileLayout(problem.variables);
    this.m = problem.objectives.length;
    if (this.m < 1) throw new RangeError(`problem ${problem.name} has no objectives`);
    if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
    this.rng = createRng(seed);
    this.archiveStore = new ParetoArchive(this.m, archiveLimit);
    this.infeasibleStore = new LeastInfeasibleStore(infeasibleKept);
  }

  /** The next batch to evaluate (the first one at generation 0). */
  protected abstract next(): Float64Array[];
  abstract tell(evaluations: readonly Evaluation[]): void;
  abstract population(): readonly Individual[];
  abstract snapshot(options?: { readonly archive?: boolean }): AlgorithmSnapshot;

  /**
   * The batch is returned without copying: the driver must not modify the vectors (they become the `x` of the
   * individuals). Calling ask() again before tell() returns the same batch.
   */
  ask(): Float64Array[] {
    this.pending ??= this.next();
    return this.pending.slice();
  }

  /** The batch of the last ask(), which `evaluations` answer one for one; it is no longer pending. */
  protected takePending(evaluations: readonly Evaluation[]): Float64Array[] {
    const batch = this.pending;
    if (batch === null) throw new Error(`${this.name}: tell() called without a pending ask()`);
    if (evaluations.length !== batch.length)
      throw new RangeError(`${this.name}: tell() got ${evaluations.length} evaluations for a batch of ${batch.length}`);
    this.pending = null;
    return batch;
  }

  progress(): AlgorithmProgress {
    return { generation: this.generation, evaluations: this.evaluations };
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

  /** The snapshot: the common head, the subclass's `own` fields, then the batch in hand and the stores. */
  protected snapshotWith(
    params: object,
    own: Record<string, unknown>,
    options?: { readonly archive?: boolean },
    archiveLimit?: number,
  ): AlgorithmSnapshot {
    return {
      algorithm: this.name,
      version: SNAPSHOT_VERSION,
      problem: this.problem.name,
      params: { ...params },
      generation: this.generation,
      evaluations: this.evaluations,
      rng: this.rng.state(),
      ...own,
      pending: this.pending === null ? null : this.pending.map((x) => encodeArray(x)),
      // a bounded archive always goes in (its content depends on the order of offers, which a log replay does not
      // repeat)
      archive: options?.archive === false && archiveLimit === undefined ? null : this.archiveStore.encode(),
      leastInfeasible: this.infeasibleStore.encode(),
    };
  }

  /** Refuses a snapshot of another algorithm or version. */
  protected checkSnapshot(s: AlgorithmSnapshot): void {
    if (s.algorithm !== this.name) throw new RangeError(`snapshot is for '${s.algorithm}', not '${this.name}'`);
    if (s['version'] !== SNAPSHOT_VERSION)
      throw new RangeError(`unsupported ${this.name} snapshot version ${String(s['version'])}`);
  }

  /** Restores the common fields of a snapshot. */
  protected restoreCommon(s: AlgorithmSnapshot, archiveLimit: number | undefined, infeasibleKept: number): void {
    this.generation = Number(s['generation']);
    this.evaluations = Number(s['evaluations']);
    this.rng = rngFromState(s['rng'] as number[]);
    const pending = s['pending'] as EncodedNumber[][] | null;
    this.pending = pending === null ? null : pending.map((x) => decodeFloat64(x));
    this.archiveStore =
      s['archive'] === null ? new ParetoArchive(this.m) : ParetoArchive.decode(this.m, s['archive'], archiveLimit);
    this.infeasibleStore = LeastInfeasibleStore.decode(infeasibleKept, s['leastInfeasible']);
  }
}
