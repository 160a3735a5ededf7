/**
 * The linear-program interface the constellation models state their sub-problems in (ISL network flows,
 * the launch-campaign integer program), and that the LP sub-solvers in `solvers/lp/` implement
 * (javascript-lp-solver for small models, HiGHS for large ones). Models never import a solver: the
 * composition root injects an `LpSolver`.
 *
 * Form: optimise c·x subject to rowLower ≤ A x ≤ rowUpper and colLower ≤ x ≤ colUpper, with `integer`
 * columns restricted to whole numbers. A is given as sparse triplets (row, col, value); duplicates add.
 * Infinite bounds are ±Infinity.
 */

export interface LpModel {
  readonly sense: 'minimize' | 'maximize';
  /** Objective coefficient per column. */
  readonly cost: Float64Array;
  readonly colLower: Float64Array;
  readonly colUpper: Float64Array;
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
  /** Sparse matrix entries: parallel arrays of row index, column index and value. */
  readonly entryRow: Int32Array;
  readonly entryCol: Int32Array;
  readonly entryValue: Float64Array;
  /** Columns that must take whole-number values (MILP); omitted = pure LP. */
  readonly integer?: readonly number[];
}

export type LpStatus = 'optimal' | 'infeasible' | 'unbounded' | 'error';

export interface LpResult {
  readonly status: LpStatus;
  /** Objective value at the solution (NaN unless optimal). */
  readonly objective: number;
  /** Column values (empty unless optimal). */
  readonly x: Float64Array;
  /** Which solver ran, e.g. 'javascript-lp-solver 1.0.3' or 'highs 1.15.3'. */
  readonly solver: string;
  readonly rows: number;
  readonly cols: number;
  /** Solver message when not optimal. */
  readonly message?: string;
}

export interface LpSolveOptions {
  /** Force a solver; 'auto' picks javascript-lp-solver for small models and HiGHS for the rest. */
  readonly solver?: 'auto' | 'highs' | 'jslp';
}

/** A synchronous solver (HiGHS is loaded once, asynchronously, when the solver is created). */
export type LpSolver = (model: Readonly<LpModel>, options?: Readonly<LpSolveOptions>) => LpResult;
