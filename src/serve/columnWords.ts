/**
 * The explorer's columns as the server sends them: every column after the other as little-endian Float64 (the whole
 * values, `/api/runs/<r>/columns`), or split into two Uint32 buffers of one word per value in the same order
 * (`?words=high|low`): the high words (sign, exponent and 20 mantissa bits: each value to within 1 part in a million)
 * and the low words. The page fetches the high words first and draws from them, then the low words for the exact
 * values (app/fetchColumns.ts): half the bytes before the first rows.
 */

/** The half of each Float64 value a split buffer holds. */
export type ColumnWords = 'high' | 'low';

const asBuffer = (a: Float64Array | Uint32Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/** The first `n` rows of every column, one column after the other. */
export function wholeColumns(data: readonly Float64Array[], n: number): Buffer {
  const out = new Float64Array(n * data.length);
  data.forEach((col, k) => out.set(col.subarray(0, n), k * n));
  return asBuffer(out);
}

/** The same values' high and low words, each half in wholeColumns's order. */
export function splitWords(data: readonly Float64Array[], n: number): Record<ColumnWords, Buffer> {
  const high = new Uint32Array(n * data.length);
  const low = new Uint32Array(n * data.length);
  data.forEach((col, k) => {
    // little-endian Float64: the low word first
    const words = new Uint32Array(col.buffer, col.byteOffset, 2 * n);
    for (let i = 0, at = k * n; i < n; i++, at++) {
      low[at] = words[2 * i]!;
      high[at] = words[2 * i + 1]!;
    }
  });
  return { high: asBuffer(high), low: asBuffer(low) };
}
