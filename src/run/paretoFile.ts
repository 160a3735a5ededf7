/**
 * pareto.json as written by ./results.ts: the reported front with each design's variables, objectives, constraint
 * values and record. Read back by the decision summary (./recommend.ts) and the reports.
 */
import type { ConstellationRecord } from '../constellation/record/record.js';
import type { DesignRecord } from '../node/record/record.js';
import type { Problem } from '../optimize/types.js';
import type { ResolvedRobustSettings, RobustDetail } from '../study/robust.js';

export interface ParetoDesign {
  readonly index: number;
  readonly variables: Record<string, string | number>;
  /** In the user's sense: a maximized objective is positive. */
  readonly objectives: Record<string, number>;
  /** Constraint values g (≤ 0 satisfied), by constraint name. */
  readonly constraints: Record<string, number>;
  readonly record: DesignRecord | ConstellationRecord | null;
  /** Robust studies: the nominal design's objective values and the design's sample counts (src/study/robust.ts). */
  readonly robust?: RobustDetail;
}

export interface ParetoFile {
  readonly formatVersion: 1;
  readonly study: string;
  readonly kind: 'node' | 'benchmark' | 'constellation';
  readonly objectives: readonly { name: string; sense: 'minimize' | 'maximize'; unit: string }[];
  readonly variables: Problem['variables'];
  /** How near-duplicates were collapsed (absent in runs of older odc). */
  readonly duplicates?: DuplicatePolicy;
  /** Robust studies: the common sample set (samples, method, seed, maxFailedShare) and its input columns. */
  readonly robust?: ResolvedRobustSettings & { readonly columns: readonly string[] };
  readonly designs: readonly ParetoDesign[];
}

/** The duplicate tolerance a reported front was written with. */
export interface DuplicatePolicy {
  /**
   * Box size of the ε-box rule as a fraction of the archive's range in each objective (see `reportedFront`,
   * ./results.ts).
   */
  readonly relativeTolerance: number;
  /** Designs in the archive; `designs.length` of them were reported. */
  readonly archiveSize: number;
}
