/**
 * LP adapter for javascript-lp-solver (jsLPSolver): translates an `LpModel` (sparse triplets, row and
 * column bounds, integer columns) into the solver's JSON model and its answer back into an `LpResult`.
 * Method: jsLPSolver runs a dense-tableau simplex (branch-and-cut for integer columns), see
 * https://github.com/JWally/jsLPSolver. Its JSON model has only row bounds ({min, max, equal}) and
 * non-negative variables, so a finite column upper bound becomes a row `x_j ≤ u`, a lower bound other than 0 a
 * row `x_j ≥ l` (a negative or −∞ lower bound marks the variable `unrestricted` first), integer columns go to
 * `ints`. Duplicate triplets add, as the `LpModel` contract says.
 * Validity: small models only. The tableau is dense (rows × cols doubles), so memory and time grow
 * quickly (measured: ~15 ms for a 400-row × 401-column max-flow, seconds beyond ~10⁶ tableau cells).
 * jsLPSolver rounds reported values to 1e-8 absolute, so callers should scale their models to O(1).
 */
import lpModule, { type Model as JsLpModel, type SolveResult, type ConstraintBound } from 'javascript-lp-solver';
import type { LpModel, LpResult } from '../../src/optimize/lp.js';

/** Under NodeNext the default import types as the module namespace; at runtime it is the solver. */
const jsLp = lpModule as unknown as typeof lpModule.default;

/** The installed version (checked against node_modules/javascript-lp-solver/package.json by the tests). */
export const JSLP_VERSION = '1.0.3';
export const JSLP_SOLVER_NAME = `javascript-lp-solver ${JSLP_VERSION}`;

const OBJECTIVE_KEY = '_objective';

/** Number of cells of the dense tableau jsLPSolver would build (rows incl. bound rows × columns). */
export function jsLpTableauCells(model: Readonly<LpModel>): number {
  let boundRows = 0;
  for (let j = 0; j < model.cost.length; j++) {
    const lo = model.colLower[j] ?? 0;
    if (Number.isFinite(model.colUpper[j] ?? Infinity)) boundRows++;
    if (lo !== 0 && Number.isFinite(lo)) boundRows++;
  }
  return (model.rowLower.length + boundRows + 1) * (model.cost.length + 1);
}

/** Translate an LpModel into a jsLPSolver JSON model. */
export function toJsLpModel(model: Readonly<LpModel>): JsLpModel {
  const nCols = model.cost.length;
  const nRows = model.rowLower.length;
  const variables: Record<string, Record<string, number>> = {};
  const constraints: Record<string, ConstraintBound> = {};
  const unrestricted: Record<string, 1> = {};
  const ints: Record<string, 1> = {};
  for (let j = 0; j < nCols; j++) {
    const name = `x${j}`;
    const coeffs: Record<string, number> = { [OBJECTIVE_KEY]: model.cost[j] ?? 0 };
    variables[name] = coeffs;
    const lo = model.colLower[j] ?? 0;
    const hi = model.colUpper[j] ?? Infinity;
    if (lo < 0) unrestricted[name] = 1;
    if (lo !== 0 && Number.isFinite(lo)) {
      constraints[`lb${j}`] = { min: lo };
      coeffs[`lb${j}`] = 1;
    }
    if (Number.isFinite(hi)) {
      constraints[`ub${j}`] = { max: hi };
      coeffs[`ub${j}`] = 1;
    }
  }
  for (let i = 0; i < nRows; i++) {
    const lo = model.rowLower[i] ?? -Infinity;
    const hi = model.rowUpper[i] ?? Infinity;
    if (lo === hi) constraints[`r${i}`] = { equal: lo };
    else if (Number.isFinite(lo) || Number.isFinite(hi)) {
      const bound: ConstraintBound = {};
      if (Number.isFinite(lo)) bound.min = lo;
      if (Number.isFinite(hi)) bound.max = hi;
      constraints[`r${i}`] = bound;
    }
  }
  for (let k = 0; k < model.entryRow.length; k++) {
    const row = model.entryRow[k] ?? 0;
    const coeffs = variables[`x${model.entryCol[k] ?? 0}`];
    if (coeffs === undefined)
      throw new RangeError(`LP entry ${k} names column ${String(model.entryCol[k])} of ${nCols}`);
    if (constraints[`r${row}`] === undefined) continue; // free row: no constraint to state
    coeffs[`r${row}`] = (coeffs[`r${row}`] ?? 0) + (model.entryValue[k] ?? 0);
  }
  for (const j of model.integer ?? []) ints[`x${j}`] = 1;
  return {
    optimize: OBJECTIVE_KEY,
    opType: model.sense === 'maximize' ? 'max' : 'min',
    constraints,
    variables,
    unrestricted,
    ints,
  };
}

/** A row with no entries is feasible only if 0 lies within its bounds; jsLPSolver would drop it silently. */
function emptyRowViolated(model: Readonly<LpModel>): number {
  const hasEntry = new Uint8Array(model.rowLower.length);
  for (let k = 0; k < model.entryRow.length; k++)
    if ((model.entryValue[k] ?? 0) !== 0) hasEntry[model.entryRow[k] ?? 0] = 1;
  for (let i = 0; i < hasEntry.length; i++) {
    if (hasEntry[i] === 0 && ((model.rowLower[i] ?? 0) > 0 || (model.rowUpper[i] ?? 0) < 0)) return i;
  }
  return -1;
}

/** Solve an LpModel with javascript-lp-solver. */
export function solveWithJsLp(model: Readonly<LpModel>): LpResult {
  const rows = model.rowLower.length;
  const cols = model.cost.length;
  const base = { solver: JSLP_SOLVER_NAME, rows, cols };
  const fail = (status: LpResult['status'], message: string): LpResult => ({
    ...base,
    status,
    objective: NaN,
    x: new Float64Array(0),
    message,
  });
  const badRow = emptyRowViolated(model);
  if (badRow >= 0) return fail('infeasible', `row ${badRow} has no entries and excludes 0`);
  let r: SolveResult;
  try {
    r = jsLp.Solve(toJsLpModel(model)) as SolveResult;
  } catch (e) {
    return fail('error', e instanceof Error ? e.message : String(e));
  }
  if (!r.feasible) return fail('infeasible', 'javascript-lp-solver: infeasible');
  if (r.bounded === false || !Number.isFinite(r.result)) return fail('unbounded', 'javascript-lp-solver: unbounded');
  const x = new Float64Array(cols);
  let objective = 0;
  for (let j = 0; j < cols; j++) {
    const v = r[`x${j}`];
    x[j] = typeof v === 'number' ? v : 0; // jsLPSolver omits zero-valued variables
    objective += (model.cost[j] ?? 0) * (x[j] ?? 0);
  }
  return { ...base, status: 'optimal', objective, x };
}
