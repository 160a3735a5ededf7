/**
 * What a column's texts in the design table depend on (app/table.ts widestTexts): whether it has a negative value,
 * its smallest non-zero and largest magnitudes, and whether it holds an infinity. The server sends it with a run's
 * first rows (`/api/runs/<id>/head`: runHead), so the table drawn from those rows has the widths the whole columns
 * give.
 */
export interface ValueSpan {
  negative: boolean;
  /** Smallest non-zero finite magnitude (0 when `largest` is 0). */
  smallest: number;
  /** Largest finite magnitude. */
  largest: number;
  posInfinity: boolean;
  negInfinity: boolean;
}

/**
 * The span of values[from, to); a row whose `skip` value is `skipValue` (a failed evaluation's status) is left out.
 * NaN is left out.
 */
export function valueSpan(
  values: Float64Array,
  from: number,
  to: number,
  skip?: Float64Array,
  skipValue = NaN,
): ValueSpan {
  let negative = false;
  let smallest = Infinity;
  let largest = 0;
  let posInfinity = false;
  let negInfinity = false;
  for (let i = from; i < to; i++) {
    const x = values[i]!;
    if (x !== x || (skip !== undefined && skip[i] === skipValue)) continue;
    if (x === Infinity) posInfinity = true;
    else if (x === -Infinity) negInfinity = true;
    else {
      const a = x < 0 ? -x : x;
      if (x < 0) negative = true;
      if (a > largest) largest = a;
      if (a !== 0 && a < smallest) smallest = a;
    }
  }
  return { negative, smallest: largest > 0 ? smallest : 0, largest, posInfinity, negInfinity };
}

/** The span of two sets of values together. */
export function mergeSpans(a: ValueSpan, b: ValueSpan): ValueSpan {
  const largest = Math.max(a.largest, b.largest);
  const smallest = Math.min(a.largest > 0 ? a.smallest : Infinity, b.largest > 0 ? b.smallest : Infinity);
  return {
    negative: a.negative || b.negative,
    smallest: largest > 0 ? smallest : 0,
    largest,
    posInfinity: a.posInfinity || b.posInfinity,
    negInfinity: a.negInfinity || b.negInfinity,
  };
}

/** Each column's span over the rows whose status is not `failed`, and how many are. */
export interface ColumnSpans {
  readonly failed: number;
  readonly spans: readonly ValueSpan[];
}

export function columnSpans(
  columns: readonly Float64Array[],
  n: number,
  status: Float64Array,
  failed: number,
): ColumnSpans {
  let count = 0;
  for (let i = 0; i < n; i++) if (status[i] === failed) count++;
  return { failed: count, spans: columns.map((col) => valueSpan(col, 0, n, status, failed)) };
}

/** A run's first rows that did not fail, column after column as the whole columns are sent, with its counts. */
export interface RunHead {
  readonly data: Float64Array;
  /** Evaluations that did not fail, and those that did. */
  readonly shown: number;
  readonly failed: number;
  readonly spans: readonly ValueSpan[];
}

export function runHead(
  columns: readonly Float64Array[],
  n: number,
  status: Float64Array,
  failed: number,
  rows: number,
  spans: ColumnSpans,
): RunHead {
  const picked: number[] = [];
  for (let i = 0; i < n && picked.length < rows; i++) if (status[i] !== failed) picked.push(i);
  const data = new Float64Array(picked.length * columns.length);
  columns.forEach((col, k) => picked.forEach((i, j) => (data[k * picked.length + j] = col[i]!)));
  return { data, shown: n - spans.failed, failed: spans.failed, spans: spans.spans };
}
