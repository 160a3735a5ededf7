/**
 * LP/MILP adapter for HiGHS (Huangfu & Hall, "Parallelizing the dual revised simplex method",
 * Math. Prog. Comp. 10, 119–142, 2018; https://highs.dev), compiled to WebAssembly by the `highs`
 * npm package (https://github.com/lovasoa/highs-js).
 *
 * Method: the `LpModel` triplets are sorted into compressed sparse columns (CSC; duplicate
 * (row, col) entries summed, as the `LpModel` contract says) and handed to the persistent model API
 * `highs.createModel({... matrix: {format: 'csc'}})`, with `integrality` when the model has integer
 * columns. The model is always disposed in `finally`: its WASM memory is not garbage collected.
 *
 * Validity: sparse models of any size the WASM heap holds (measured: a 102,401-column × 51,200-row
 * multicommodity flow in ~10 s). Model status 7 (`optimal`) is the only success.
 */
import highsModule, { type Highs } from 'highs';
import type { LpModel, LpResult } from '../../src/optimize/lp.js';

/** Under NodeNext the default import types as the module namespace; at runtime it is the loader. */
const highsLoader = highsModule as unknown as typeof highsModule.default;

/** The installed npm package version (checked against node_modules/highs/package.json by the tests). */
export const HIGHS_PACKAGE_VERSION = '1.15.3';

let loading: Promise<Highs> | undefined;

/** Load the HiGHS WASM runtime; the first call loads it, later calls return the same promise. */
export function loadHighs(): Promise<Highs> {
  loading ??= highsLoader();
  return loading;
}

/** The solver name reported in results: npm package version and upstream HiGHS version. */
export function highsSolverName(highs: Highs): string {
  return `highs ${HIGHS_PACKAGE_VERSION} (HiGHS ${highs.version.string})`;
}

interface Csc {
  readonly starts: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float64Array;
}

/** Triplets → CSC, summing duplicates; rows within a column keep first-seen order. */
export function tripletsToCsc(model: Readonly<LpModel>): Csc {
  const nCols = model.cost.length;
  const nRows = model.rowLower.length;
  const nnz = model.entryRow.length;
  if (model.entryCol.length !== nnz || model.entryValue.length !== nnz)
    throw new RangeError('LP entry arrays differ in length');
  const count = new Int32Array(nCols + 1);
  for (let k = 0; k < nnz; k++) {
    const c = model.entryCol[k] ?? -1;
    const r = model.entryRow[k] ?? -1;
    if (!(c >= 0 && c < nCols && r >= 0 && r < nRows))
      throw new RangeError(`LP entry ${k} (row ${r}, col ${c}) is outside ${nRows} × ${nCols}`);
    count[c + 1] = (count[c + 1] ?? 0) + 1;
  }
  for (let c = 0; c < nCols; c++) count[c + 1] = (count[c + 1] ?? 0) + (count[c] ?? 0);
  const next = count.slice(0, nCols);
  const rowOf = new Int32Array(nnz);
  const valOf = new Float64Array(nnz);
  for (let k = 0; k < nnz; k++) {
    const c = model.entryCol[k] ?? 0;
    const at = next[c] ?? 0;
    next[c] = at + 1;
    rowOf[at] = model.entryRow[k] ?? 0;
    valOf[at] = model.entryValue[k] ?? 0;
  }
  // Merge duplicate rows inside each column (HiGHS rejects a repeated index within one column).
  const slot = new Int32Array(nRows).fill(-1);
  const starts = new Int32Array(nCols + 1);
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let out = 0;
  for (let c = 0; c < nCols; c++) {
    const begin = out;
    for (let k = count[c] ?? 0; k < (count[c + 1] ?? 0); k++) {
      const r = rowOf[k] ?? 0;
      const s = slot[r] ?? -1;
      if (s >= begin) values[s] = (values[s] ?? 0) + (valOf[k] ?? 0);
      else {
        slot[r] = out;
        indices[out] = r;
        values[out++] = valOf[k] ?? 0;
      }
    }
    starts[c + 1] = out;
  }
  return { starts, indices: indices.slice(0, out), values: values.slice(0, out) };
}

/**
 * Interior point beats dual simplex on multicommodity flows whose capacity rows couple many commodities
 * (measured, HiGHS 1.15 WASM: uniform all-to-all on a 10×10 torus, 40,001 columns with 100-entry rows,
 * simplex 115 s vs IPM + crossover 11.5 s; 8×8: 10.2 s vs 2.9 s), while simplex wins when rows are short
 * (4-commodity flow on an 80×80 torus: 14.5 s vs 34 s). So: pure LPs with at least IPM_MIN_COLUMNS
 * columns and some row of at least IPM_MIN_ROW_ENTRIES entries use IPM (crossover on, so the answer is a
 * basic optimal solution); everything else uses HiGHS's default choice.
 */
export const IPM_MIN_COLUMNS = 5_000;
export const IPM_MIN_ROW_ENTRIES = 32;

export function prefersInteriorPoint(model: Readonly<LpModel>): boolean {
  if ((model.integer?.length ?? 0) > 0 || model.cost.length < IPM_MIN_COLUMNS) return false;
  const perRow = new Int32Array(model.rowLower.length);
  for (const r of model.entryRow) if (++perRow[r]! >= IPM_MIN_ROW_ENTRIES) return true;
  return false;
}

/** Solve an LpModel with a loaded HiGHS runtime (synchronous). */
export function solveWithHighs(highs: Highs, model: Readonly<LpModel>): LpResult {
  const rows = model.rowLower.length;
  const cols = model.cost.length;
  const base = { solver: highsSolverName(highs), rows, cols };
  const fail = (status: LpResult['status'], message: string): LpResult => ({
    ...base,
    status,
    objective: NaN,
    x: new Float64Array(0),
    message,
  });
  const csc = tripletsToCsc(model);
  const integrality = new Int32Array(cols);
  for (const j of model.integer ?? []) {
    if (!(j >= 0 && j < cols)) throw new RangeError(`integer column ${j} is outside 0…${cols - 1}`);
    integrality[j] = highs.constants.variableType.integer;
  }
  const { objectiveSense, modelStatus } = highs.constants;
  const hm = highs.createModel({
    numCols: cols,
    numRows: rows,
    sense: model.sense === 'maximize' ? objectiveSense.maximize : objectiveSense.minimize,
    colCost: model.cost,
    colLower: model.colLower,
    colUpper: model.colUpper,
    rowLower: model.rowLower,
    rowUpper: model.rowUpper,
    matrix: { format: 'csc', numRows: rows, numCols: cols, ...csc },
    ...(model.integer !== undefined && model.integer.length > 0 ? { integrality } : {}),
  });
  try {
    hm.options.set(prefersInteriorPoint(model) ? { output_flag: false, solver: 'ipm' } : { output_flag: false });
    hm.run();
    const status = hm.getModelStatus();
    if (status === modelStatus.optimal) {
      return {
        ...base,
        status: 'optimal',
        objective: hm.getObjectiveValue(),
        x: Float64Array.from(hm.getSolution().colValue),
      };
    }
    if (status === modelStatus.empty) {
      // No rows and no columns: the optimum of an empty problem is 0 at the empty point.
      return { ...base, status: 'optimal', objective: 0, x: new Float64Array(cols) };
    }
    if (status === modelStatus.infeasible) return fail('infeasible', 'HiGHS: infeasible');
    if (status === modelStatus.unbounded) return fail('unbounded', 'HiGHS: unbounded');
    return fail(
      'error',
      `HiGHS model status ${status}${status === modelStatus.unboundedOrInfeasible ? ' (unbounded or infeasible)' : ''}`,
    );
  } catch (e) {
    return fail('error', e instanceof Error ? e.message : String(e));
  } finally {
    hm.dispose();
  }
}
