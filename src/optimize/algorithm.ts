/**
 * Algorithm contract (ask/tell, pymoo style), shared by solvers/ and the run driver. Solvers import only src/base/
 * and src/optimize/ (.dependency-cruiser.cjs).
 * The driver (src/run) owns evaluation: it calls `ask()`, evaluates the batch with any
 * Evaluator (serial or a worker pool), then `tell()`s the results in the same order.
 * All randomness comes from the Rng passed at construction; snapshots make runs resumable bit-for-bit.
 */
import type * as z from 'zod';
import type { Evaluation, Problem } from './types.js';

/** One evaluated design kept by an algorithm or its archive. */
export interface Individual {
  readonly x: Float64Array;
  /** Minimized objectives (empty for a failed point). */
  readonly f: Float64Array;
  readonly g: Float64Array;
  /** Σ max(0, g); +Infinity when the evaluation failed. */
  readonly cv: number;
  /** Failure reason, when the evaluation failed. */
  readonly failure?: string;
  /** 0-based index of the evaluation that produced it (stable, for reports and CSV). */
  readonly evalIndex: number;
}

export interface AlgorithmProgress {
  readonly generation: number;
  readonly evaluations: number;
}

/** JSON-safe snapshot (numbers only as finite doubles or encoded; no typed arrays). */
export type AlgorithmSnapshot = { readonly algorithm: string; readonly [key: string]: unknown };

export interface Algorithm {
  readonly name: string;
  readonly problem: Problem;
  /** The next batch of decision vectors to evaluate (the initial population on the first call). */
  ask(): Float64Array[];
  /** Results for the last `ask()`, in the same order. */
  tell(evaluations: readonly Evaluation[]): void;
  progress(): AlgorithmProgress;
  /** Current population. */
  population(): readonly Individual[];
  /**
   * Archive of every feasible non-dominated design seen so far (not capped at the population size; bounded only when
   * `archiveLimit` is set), in lexicographic order of f, then evaluation index (src/optimize/pareto/paretoArchive.ts):
   * the run history takes it as the front after each generation.
   */
  archive(): readonly Individual[];
  /** When no feasible design has been seen: the least-infeasible ones (lowest cv first). */
  leastInfeasible(count: number): readonly Individual[];
  /**
   * JSON-safe state for a bit-exact restore. `{ archive: false }` leaves the archive out (it grows without bound:
   * 179k designs after a million ZDT1 evaluations); the run driver then rebuilds it on resume with
   * `offerToArchive`, replaying the run's log — the archive's content is a function of the designs seen only.
   */
  snapshot(options?: { readonly archive?: boolean }): AlgorithmSnapshot;
  /** Offers an evaluated design to the archive (resume from a snapshot taken without it). */
  offerToArchive(ind: Individual): void;
}

/**
 * What every algorithm takes. Each algorithm's folder extends it with the options it owns (solvers/nsga2:
 * `GaOptions`, solvers/nsga3: `Nsga3Options`, solvers/surrogate: `SurrogateOptions`, solvers/smsego:
 * `SmsEgoOptions`); the registry (solvers/index.ts) derives the run's settings type from their union.
 */
export interface BaseAlgorithmOptions {
  readonly seed: number;
  /** Bound on the Pareto archive, cut back by crowding distance (absent: unbounded;
   * src/optimize/pareto/paretoArchive.ts). */
  readonly archiveLimit?: number;
  /** The run's evaluation budget when it has one (a surrogate sizes its space-filling start by it). */
  readonly evaluations?: number;
  /** Warm start: designs from an earlier run to evaluate first, and (for a surrogate) its evaluations to learn from. */
  readonly initial?: WarmStart;
}

/** Designs of an earlier run (checked against this problem's variables) and, when comparable, its evaluations. */
export interface WarmStart {
  /** Decision vectors (this problem's encoding) evaluated first, ahead of the algorithm's own initial designs. */
  readonly designs: readonly Float64Array[];
  /**
   * Earlier evaluations of the same objectives and constraints: training data only, never part of this run's results.
   */
  readonly evaluations?: readonly {
    readonly x: Float64Array;
    readonly f: Float64Array;
    readonly g: Float64Array;
    readonly cv: number;
  }[];
  /**
   * Set when an earlier run of this same problem already evaluated `designs`: they are this run's first batch, exactly
   * and in order (no design added, none dropped as a duplicate), and the driver answers that batch with these
   * evaluations instead of evaluating it, at no cost to the budget. The algorithm's own survival then picks its
   * population from them.
   */
  readonly inherited?: readonly Evaluation[];
}

/**
 * An algorithm's study settings: the `algorithm:` keys it reads beyond those every algorithm takes, as zod fields
 * (`.exactOptional()`, with a `.describe()`), built on first call (`lazy()`). The study schema merges every registered
 * algorithm's and refuses a key for the algorithms that do not declare it; the run passes the keys a study sets to
 * `create`. Two algorithms declare a shared setting with the same field object (solvers/surrogate: `batch`).
 */
export type AlgorithmSettingFields = Readonly<Record<string, z.ZodExactOptional>>;

/** The options an algorithm's setting fields give it: each key a study may set, as it is parsed. */
export type SettingOptions<S extends AlgorithmSettingFields> = { readonly [K in keyof S]?: z.output<S[K]> };

/** A setting the problem rules out, as `checkSettings` reports it: its key and why. */
export interface SettingProblem {
  readonly key: string;
  readonly message: string;
}

/**
 * An algorithm as the registry (solvers/index.ts) lists it: its folder exports it, with its study settings, their
 * defaults (in its options' resolution) and what it needs of a problem, in one place.
 */
export interface AlgorithmEntry<O extends BaseAlgorithmOptions = BaseAlgorithmOptions> {
  /** The study file's `algorithm.name`. */
  readonly name: string;
  /** What it is for, in the study schema's words. */
  readonly summary: string;
  /** Surrogate-assisted: proposes `batch` designs per iteration and needs an evaluation budget. */
  readonly surrogate: boolean;
  /** Fewest objectives it handles (absent: one); a study with fewer is refused when it loads. */
  readonly minObjectives?: number;
  /** The study settings only it reads (absent: none); its options type is derived from them (`SettingOptions`). */
  readonly settings?: () => AlgorithmSettingFields;
  /**
   * What its settings cannot do with `objectives` objectives (a lattice too large to hold), or null; checked when a
   * study loads, before a run folder exists.
   */
  readonly checkSettings?: (settings: Partial<O>, objectives: number) => SettingProblem | null;
  readonly create: (problem: Problem, options: O, snapshot?: AlgorithmSnapshot) => Algorithm;
}
