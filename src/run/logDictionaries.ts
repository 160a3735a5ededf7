/**
 * The evaluation log's column dictionaries (./parquetLog.ts writes them): a number column's, the writer's own trial
 * made without a Map, and a text column's from its codes. Each gives what hyparquet-writer's `useDictionary` gives
 * for the column, so the log's bytes are the writer's (test/run/parquetLog.test.ts).
 */

/**
 * Dictionary bytes a number column may reach before the writer gives up its trial and writes it PLAIN (2,048 doubles):
 * what pays is a column of few values (an integer variable, a constraint at a constant); a continuous column whose
 * values repeat passes the writer's sample and had its whole dictionary built, then refused (~30 ms a 50,000-row group
 * each, three columns of the flagship). Text columns are always dictionary-encoded (their values are few).
 */
export const DICTIONARY_BYTES = 16_384;

/** doubleDictionary's open-addressed table (linear probing): a power of two, twice the values a dictionary holds. */
const DICTIONARY_SLOTS = (2 * DICTIONARY_BYTES) / 8;
const slotValue = new Float64Array(DICTIONARY_SLOTS);
const slotIndex = new Int32Array(DICTIONARY_SLOTS);
const hashWord = new Float64Array(1);
const hashWords = new Uint32Array(hashWord.buffer);

/**
 * hyparquet-writer's `useDictionary(values, 'DOUBLE', undefined, undefined, DICTIONARY_BYTES, true)`, the same
 * decision, dictionary and indexes (test/run/parquetLog.test.ts holds it to the writer's over random columns),
 * without a boxed number and a Map lookup per row: a sample of 1,000 values spread over the column refuses a column
 * whose sample is over 90 % distinct; otherwise the distinct values in order of first occurrence (NaN one value, as
 * the writer's Map keys them), refused past DICTIONARY_BYTES of them or when they and their bit-packed indexes do not
 * halve the PLAIN bytes. The column must hold no -0 (parquetLog.ts numberChunk), so values equal by === are one.
 */
export function doubleDictionary(values: Float64Array): { dictionary: number[]; indexes: Int32Array } | null {
  const n = values.length;
  const sampleSize = Math.min(n, 1000);
  const sampled = new Set<number>();
  for (let i = 0; i < sampleSize; i++)
    sampled.add(values[sampleSize === 1 ? 0 : Math.floor((i * (n - 1)) / (sampleSize - 1))]!);
  if (sampleSize === 0 || (8 * sampled.size) / (8 * sampleSize) > 0.9) return null;
  const dictionary: number[] = [];
  const indexes = new Int32Array(n);
  const mask = DICTIONARY_SLOTS - 1;
  slotIndex.fill(-1);
  let nanIndex = -1;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    let index: number;
    if (v !== v) {
      if (nanIndex < 0) {
        if (8 * (dictionary.length + 1) > DICTIONARY_BYTES) return null;
        nanIndex = dictionary.push(v) - 1;
      }
      index = nanIndex;
    } else {
      hashWord[0] = v;
      const h = Math.imul(hashWords[0]! ^ Math.imul(hashWords[1]!, 0x9e3779b1), 0x85ebca6b);
      for (let at = (h ^ (h >>> 15)) & mask; ; at = (at + 1) & mask) {
        const k = slotIndex[at]!;
        if (k < 0) {
          if (8 * (dictionary.length + 1) > DICTIONARY_BYTES) return null;
          index = dictionary.push(v) - 1;
          slotIndex[at] = index;
          slotValue[at] = v;
          break;
        }
        if (slotValue[at] === v) {
          index = k;
          break;
        }
      }
    }
    indexes[i] = index;
  }
  const bitWidth = Math.ceil(Math.log2(dictionary.length));
  const indexSize = Math.ceil((n * bitWidth) / 8);
  return 2 * (8 * dictionary.length + indexSize) > 8 * n ? null : { dictionary, indexes };
}

/** Whether a column holds a -0 (a dictionary would give it back as 0). */
export function hasNegativeZero(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] === 0 && 1 / values[i]! < 0) return true;
  return false;
}

/**
 * A text column's dictionary as the writer's forced trial builds it from the rows' values (each text's bytes the same
 * object for every row of it): the distinct byte strings in the order they first occur, and each row's place in it.
 */
export function textDictionary(
  codes: Int32Array,
  texts: readonly Uint8Array[],
): { dictionary: Uint8Array[]; indexes: Int32Array } {
  const dictionary: Uint8Array[] = [];
  const indexes = new Int32Array(codes.length);
  const at = new Int32Array(texts.length).fill(-1);
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!;
    let k = at[code]!;
    if (k < 0) {
      const text = texts[code]!;
      k = dictionary.findIndex((d) => d.length === text.length && d.every((byte, q) => byte === text[q]));
      if (k < 0) k = dictionary.push(text) - 1;
      at[code] = k;
    }
    indexes[i] = k;
  }
  return { dictionary, indexes };
}
