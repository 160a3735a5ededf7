/**
 * The explorer's data in the browser: the runs' columns (fetched as one Float64 buffer each) joined by column name
 * into dimensions over every evaluated design of every run (failed evaluations have no objectives to draw: they are
 * counted, not shown); the filter mask every view reads is maskIndex.ts's.
 */
import type { ColumnInfo, RunInfo } from '../runData.js';
import type { ValueSpan } from '../valueSpan.js';

export interface Dim {
  readonly name: string;
  readonly role: ColumnInfo['role'];
  readonly unit: string;
  readonly sense?: 'minimize' | 'maximize';
  readonly options?: readonly (string | number)[];
  readonly values: Float64Array;
  readonly min: number;
  readonly max: number;
  /** The whole column's span when `values` holds only its first rows (main.ts showFirstRows). */
  readonly span?: ValueSpan;
}

export interface Dataset {
  readonly runs: readonly RunInfo[];
  /** Designs shown (evaluated, not failed), all runs. */
  readonly n: number;
  readonly failed: number;
  readonly dims: readonly Dim[];
  readonly run: Uint8Array;
  readonly index: Float64Array;
  /** 0 feasible, 1 infeasible. */
  readonly status: Uint8Array;
  /** On its run's front. */
  readonly front: Uint8Array;
  /** On the union front of all runs (the run's own front when there is one run). */
  readonly union: Uint8Array;
}

export interface RunColumns {
  readonly info: RunInfo;
  readonly data: Float64Array;
  readonly frontIndices: readonly number[];
}

/** A run's status column (a view, no copy). */
function statusOf(r: RunColumns): Float64Array {
  const k = r.info.columns.findIndex((c) => c.role === 'status');
  const rows = r.data.length / r.info.columns.length;
  return r.data.subarray(k * rows, (k + 1) * rows);
}

/** The dimension of a column: its values and their range (a categorical one spans its option indices). */
function dimension(c: ColumnInfo, values: Float64Array): Dim {
  let min = Infinity;
  let max = -Infinity;
  // an indexed loop: for...of over a typed array takes 3× as long in V8
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (c.options !== undefined) {
    min = 0;
    max = c.options.length - 1;
  }
  return {
    name: c.name,
    role: c.role,
    unit: c.unit,
    ...(c.sense ? { sense: c.sense } : {}),
    ...(c.options ? { options: c.options } : {}),
    values,
    min,
    max,
  };
}

/** Joins the runs' columns (same name → same dimension; a run without the column has NaN there). */
export function buildDataset(
  runs: readonly RunColumns[],
  union: readonly (readonly [number, number])[] | null,
): Dataset {
  const cols: ColumnInfo[] = [];
  for (const r of runs) for (const c of r.info.columns) if (!cols.some((x) => x.name === c.name)) cols.push(c);
  let n = 0;
  let failed = 0;
  for (const r of runs) {
    const st = statusOf(r);
    for (let i = 0; i < st.length; i++)
      if (st[i] === 2) failed++;
      else n++;
  }
  // one run without failed evaluations: its columns are the dimensions as they came (views, no copy)
  const direct = runs.length === 1 && failed === 0 ? runs[0]! : null;
  const dimValues = cols.map((_, d) =>
    direct === null ? new Float64Array(n) : direct.data.subarray(d * n, (d + 1) * n),
  );
  const run = new Uint8Array(n);
  const index = new Float64Array(n);
  const status = new Uint8Array(n);
  const front = new Uint8Array(n);
  const unionMask = new Uint8Array(n);
  // per run, the evaluation indices on the union front (numbers: no key string per design)
  const unionOf = new Map<number, Set<number>>();
  for (const [r, i] of union ?? []) {
    let set = unionOf.get(r);
    if (set === undefined) unionOf.set(r, (set = new Set()));
    set.add(i);
  }
  let at = 0;
  for (const r of runs) {
    const rows = r.data.length / r.info.columns.length;
    const st = statusOf(r);
    const frontSet = new Set(r.frontIndices);
    const unionSet = unionOf.get(r.info.id);
    const evalCol = r.info.columns.findIndex((c) => c.role === 'index');
    const kept = new Int32Array(rows);
    let nk = 0;
    for (let i = 0; i < rows; i++) if (st[i] !== 2) kept[nk++] = i;
    // column by column: one tight copy loop per column instead of a closure per row and column
    cols.forEach((c, d) => {
      if (direct !== null) return;
      const k = r.info.columns.findIndex((x) => x.name === c.name);
      const out = dimValues[d]!;
      if (k < 0) out.fill(NaN, at, at + nk);
      else for (let j = 0; j < nk; j++) out[at + j] = r.data[k * rows + kept[j]!]!;
    });
    for (let j = 0; j < nk; j++) {
      const i = kept[j]!;
      const ev = r.data[evalCol * rows + i]!;
      run[at + j] = r.info.id;
      index[at + j] = ev;
      status[at + j] = st[i]!;
      front[at + j] = frontSet.has(ev) ? 1 : 0;
      unionMask[at + j] = union === null ? front[at + j]! : unionSet?.has(ev) ? 1 : 0;
    }
    at += nk;
  }
  const dims = cols.map((c, d): Dim => dimension(c, dimValues[d]!));
  return { runs: runs.map((r) => r.info), n, failed, dims, run, index, status, front, union: unionMask };
}

/** Position of a design (run, evaluation index) in the dataset, or -1. */
export function rowOfDesign(ds: Dataset, run: number, index: number): number {
  // one run of evaluations 0, 1, 2, …: the design is at its index (no pass over a million designs)
  if (ds.run[index] === run && ds.index[index] === index) return index;
  for (let i = 0; i < ds.n; i++) if (ds.run[i] === run && ds.index[i] === index) return i;
  return -1;
}

/** Readable number: 4 significant digits, grouped thousands above 10,000. */
export function fmtValue(v: number, dim?: Dim): string {
  if (Number.isNaN(v)) return '';
  if (dim?.options !== undefined) return String(dim.options[v] ?? v);
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e7)) return v.toExponential(3);
  if (a >= 1e4) return Math.round(v).toLocaleString('en-US');
  return String(Number(v.toPrecision(4)));
}
