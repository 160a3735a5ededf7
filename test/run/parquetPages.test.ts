/**
 * The evaluation log's hand-encoded data pages (src/run/parquetPages.ts) against hyparquet-writer's `writeDataPageV2`
 * as the oracle: the same bytes for dictionary indexes of every bit width and run pattern, and for 32-bit integers
 * whose deltas take every miniblock width (the 32-bit packing up to 25 bits, the arithmetic one above, 33 bits).
 */
import { describe, expect, it } from 'vitest';
import { ByteWriter } from 'hyparquet-writer';
import { writeDataPageV2 } from 'hyparquet-writer/src/datapage.js';
import type { ColumnEncoder } from 'hyparquet-writer/src/types.js';
import { createRng } from '../../src/base/rng.js';
import { deltaPage, dictionaryIndexPage, int32Values, nullLevels } from '../../src/run/parquetPages.js';
import { writeRleBitPackedHybrid } from 'hyparquet-writer/src/encoding.js';

const column = (type: 'INT32' | 'INT64'): ColumnEncoder => ({
  columnName: 'c',
  element: { name: 'c', type, repetition_type: 'REQUIRED' },
  schemaPath: [
    { name: 'schema', num_children: 1 },
    { name: 'c', type, repetition_type: 'REQUIRED' },
  ],
  codec: 'UNCOMPRESSED',
  compressors: {},
  stats: false,
  pageSize: 1 << 20,
  dictionarySize: 16_384,
  columnIndex: false,
  offsetIndex: false,
});

function oracle(
  type: 'INT32' | 'INT64',
  encoding: 'RLE_DICTIONARY' | 'DELTA_BINARY_PACKED',
  values: ArrayLike<number>,
) {
  const w = new ByteWriter();
  const pageData = { values, definitionLevels: [], repetitionLevels: [], maxDefinitionLevel: 0 };
  const size = writeDataPageV2({ writer: w, column: column(type), encoding, pageData } as never);
  return { size, bytes: w.getBytes().slice() };
}

function ours(page: (w: ByteWriter) => number) {
  const w = new ByteWriter();
  const size = page(w);
  return { size, bytes: w.getBytes().slice() };
}

const rng = createRng(7);

describe('log data pages', () => {
  it.each([1, 2, 3, 5, 8, 11, 16, 20])('dictionary indexes of %i bits, runs and scattered values', (bits) => {
    for (const n of [1, 7, 8, 9, 15, 16, 17, 100, 1000, 4099]) {
      const runs = new Int32Array(n);
      for (let i = 0; i < n;) {
        const v = rng.int(2 ** bits);
        const len = 1 + rng.int(rng.next() < 0.5 ? 4 : 30);
        for (let j = 0; j < len && i < n; j++) runs[i++] = v;
      }
      const scattered = Int32Array.from({ length: n }, () => rng.int(2 ** bits));
      for (const values of [runs, scattered, new Int32Array(n)]) {
        expect(ours((w) => dictionaryIndexPage(w, values))).toEqual(
          oracle('INT32', 'RLE_DICTIONARY', Array.from(values)),
        );
      }
    }
  });

  it('32-bit integers delta-coded: constant, small, wide and 33-bit deltas, negative values', () => {
    const sets: number[][] = [
      [5],
      Array.from({ length: 50_000 }, (_, i) => i),
      Array.from({ length: 3000 }, (_, i) => Math.floor(i / 40)),
      Array.from({ length: 1000 }, () => rng.int(1000) - 500),
      Array.from({ length: 1000 }, () => rng.int(2 ** 26) - 2 ** 25),
      Array.from({ length: 1000 }, () => (rng.next() < 0.5 ? -(2 ** 31) : 2 ** 31 - 1)),
      Array.from({ length: 777 }, (_, i) => (i % 129 === 0 ? 2 ** 30 : i * 3)),
      [0, -0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
    ];
    for (const values of sets) {
      const f = Float64Array.from(values);
      expect(int32Values(f)).toBe(true);
      expect(ours((w) => deltaPage(w, f))).toEqual(oracle('INT64', 'DELTA_BINARY_PACKED', values));
    }
    expect(int32Values(Float64Array.of(1, 2 ** 31))).toBe(false);
    expect(int32Values(Float64Array.of(1.5))).toBe(false);
    expect(int32Values(Float64Array.of(NaN))).toBe(false);
  });

  it("a column of nulls' definition levels", () => {
    for (const n of [1, 7, 8, 9, 65_536]) {
      const w = new ByteWriter();
      writeRleBitPackedHybrid(w, new Uint8Array(n), 1);
      expect(nullLevels(n)).toEqual(w.getBytes().slice());
    }
  });
});
