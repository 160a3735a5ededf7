/**
 * The evaluation log's encoded data pages (./parquetLog.ts): a dictionary column's indexes (RLE_DICTIONARY: the bit
 * width, then the RLE / bit-packed hybrid) and an integer column (DELTA_BINARY_PACKED: blocks of 128 values in 4
 * miniblocks of 32), byte for byte what hyparquet-writer's `writeDataPageV2` writes for a required flat column
 * (test/run/parquetPages.test.ts). The writer's generic code takes any array through any writer, and V8 compiled it
 * 3–5 times a run as each seed's log met other array and writer maps; these take an Int32Array or a Float64Array and
 * encode into one byte buffer of the process, reused.
 */
import type { ByteWriter } from 'hyparquet-writer';
import { writePageHeader } from 'hyparquet-writer/src/datapage.js';

/** The page being encoded: bytes [0, end) of `bytes`. */
let bytes = new Uint8Array(1 << 16);
let end = 0;

function room(n: number): void {
  if (end + n <= bytes.length) return;
  const next = new Uint8Array(Math.max(2 * bytes.length, end + n));
  next.set(bytes.subarray(0, end));
  bytes = next;
}

/** One byte (the value modulo 256, as the writer's DataView stores it). */
function byte(v: number): void {
  room(1);
  bytes[end++] = v;
}

/** The writer's `appendVarInt`: 7 bits a byte, the high bit set while more follow. */
function varInt(value: number): void {
  let v = value;
  while ((v & ~0x7f) !== 0) {
    byte((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  byte(v);
}

/** The writer's zig-zag varint of a number (exact up to 2^53, no 32-bit wrap). */
function zigZag(value: number): void {
  let encoded = value < 0 ? -value * 2 - 1 : value * 2;
  while (encoded >= 0x80) {
    byte((encoded % 0x80) + 0x80);
    encoded = Math.floor(encoded / 0x80);
  }
  byte(encoded);
}

/**
 * The RLE / bit-packed hybrid of `values` at `bitWidth`, as the writer's `writeRleBitPackedHybrid`: a run of 8 or
 * more equal values as a run, else groups of 8 values bit-packed (the last group padded with zeros).
 */
function rleHybrid(values: Int32Array, bitWidth: number): void {
  const n = values.length;
  let pending = 0;
  let packedStart = 0;
  let i = 0;
  while (i < n) {
    const first = values[i]!;
    let run = 1;
    while (i + run < n && values[i + run] === first) run++;
    if (run >= 8) {
      if (pending > 0) bitPacked(values, packedStart, pending, bitWidth);
      pending = 0;
      varInt(run << 1);
      for (let j = 0, width = (bitWidth + 7) >> 3; j < width; j++) byte((first >> (j << 3)) & 0xff);
      i += run;
    } else {
      if (pending === 0) packedStart = i;
      pending++;
      i += 8;
    }
  }
  if (pending > 0) bitPacked(values, packedStart, pending, bitWidth);
}

function bitPacked(values: Int32Array, start: number, groups: number, bitWidth: number): void {
  varInt((groups << 1) | 1);
  if (bitWidth === 0) return;
  room(groups * bitWidth + 1);
  const mask = (1 << bitWidth) - 1;
  const n = values.length;
  let buffer = 0;
  let bits = 0;
  for (let i = start, last = start + groups * 8; i < last; i++) {
    buffer |= (i < n ? values[i]! & mask : 0) << bits;
    bits += bitWidth;
    while (bits >= 8) {
      bytes[end++] = buffer & 0xff;
      buffer >>>= 8;
      bits -= 8;
    }
  }
  if (bits > 0) bytes[end++] = buffer & 0xff;
}

const BLOCK = 128;
const MINIBLOCKS = 4;
const PER_MINIBLOCK = BLOCK / MINIBLOCKS;
const deltas = new Float64Array(BLOCK);
const widths = new Uint8Array(MINIBLOCKS);

/** Whether every value is a 32-bit integer: the writer's number path (else it encodes BigInts: writeDataPageV2). */
export function int32Values(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] !== (values[i]! | 0)) return false;
  return true;
}

/**
 * DELTA_BINARY_PACKED of 32-bit integers, unwrapped (an INT64 column), as the writer's `deltaBinaryPackInt32`: a
 * block of one repeated delta as that delta and four zero widths, else its minimum delta, the miniblocks' bit widths
 * and the packed adjusted deltas.
 */
function deltaPacked(values: Float64Array): void {
  const count = values.length;
  varInt(BLOCK);
  varInt(MINIBLOCKS);
  varInt(count);
  zigZag(values[0]!);
  for (let index = 1; index < count;) {
    const blockEnd = Math.min(index + BLOCK, count);
    const size = blockEnd - index;
    const firstDelta = values[index]! - values[index - 1]!;
    let constantEnd = index + 1;
    while (constantEnd < blockEnd && values[constantEnd]! - values[constantEnd - 1]! === firstDelta) constantEnd++;
    if (constantEnd === blockEnd) {
      zigZag(firstDelta);
      for (let mb = 0; mb < MINIBLOCKS; mb++) byte(0);
      index = blockEnd;
      continue;
    }
    let minDelta = firstDelta;
    deltas[0] = minDelta;
    for (let i = 1; i < size; i++) {
      const d = values[index + i]! - values[index + i - 1]!;
      deltas[i] = d;
      if (d < minDelta) minDelta = d;
    }
    zigZag(minDelta);
    for (let mb = 0; mb < MINIBLOCKS; mb++) {
      let max = 0;
      for (let i = mb * PER_MINIBLOCK, last = Math.min(i + PER_MINIBLOCK, size); i < last; i++)
        if (deltas[i]! - minDelta > max) max = deltas[i]! - minDelta;
      widths[mb] = max === 0 ? 0 : max > 0xffffffff ? 33 : 32 - Math.clz32(max);
    }
    for (let mb = 0; mb < MINIBLOCKS; mb++) byte(widths[mb]!);
    for (let mb = 0; mb < MINIBLOCKS; mb++)
      if (widths[mb]! > 0) miniblock(mb * PER_MINIBLOCK, size, minDelta, widths[mb]!);
    index = blockEnd;
  }
}

/** One miniblock's 32 adjusted deltas (zeros past the block's end) at `width` bits: width × 4 bytes. */
function miniblock(start: number, size: number, minDelta: number, width: number): void {
  room(4 * width);
  const last = Math.min(start + PER_MINIBLOCK, size);
  let buffer = 0;
  let bits = 0;
  for (let i = start; i < start + PER_MINIBLOCK; i++) {
    const adjusted = i < last ? deltas[i]! - minDelta : 0;
    if (width <= 25) {
      // up to 25 bits and 7 pending fit the 32-bit operators
      buffer |= adjusted << bits;
      bits += width;
      while (bits >= 8) {
        bytes[end++] = buffer & 0xff;
        buffer >>>= 8;
        bits -= 8;
      }
    } else {
      buffer += adjusted * 2 ** bits;
      bits += width;
      while (bits >= 8) {
        bytes[end++] = buffer % 0x100;
        buffer = Math.floor(buffer / 0x100);
        bits -= 8;
      }
    }
  }
}

/** The encoded page (bytes [0, end)) as a v2 data page of `n` required values, its header first; its bytes. */
function dataPage(w: ByteWriter, n: number, encoding: 'RLE_DICTIONARY' | 'DELTA_BINARY_PACKED'): number {
  const start = w.offset;
  writePageHeader(w, {
    type: 'DATA_PAGE_V2',
    uncompressed_page_size: end,
    compressed_page_size: end,
    data_page_header_v2: {
      num_values: n,
      num_nulls: 0,
      num_rows: n,
      encoding,
      definition_levels_byte_length: 0,
      repetition_levels_byte_length: 0,
      is_compressed: true, // as the writer says of a page with codec UNCOMPRESSED
    },
  });
  w.appendBytes(bytes.subarray(0, end));
  return w.offset - start;
}

/** A dictionary column's data page: its indexes' bit width, then their hybrid encoding; the page's bytes. */
export function dictionaryIndexPage(w: ByteWriter, indexes: Int32Array): number {
  const bitWidth = Math.ceil(Math.log2(largest(indexes) + 1));
  end = 0;
  byte(bitWidth);
  rleHybrid(indexes, bitWidth);
  return dataPage(w, indexes.length, 'RLE_DICTIONARY');
}

/** The largest index, at least 0 (a loop of its own: code compiled on the loop's stack returns from it). */
function largest(indexes: Int32Array): number {
  let max = 0;
  for (let i = 0; i < indexes.length; i++) if (indexes[i]! > max) max = indexes[i]!;
  return max;
}

/** An integer column's data page (every value a 32-bit integer: int32Values), delta-coded; the page's bytes. */
export function deltaPage(w: ByteWriter, values: Float64Array): number {
  end = 0;
  deltaPacked(values);
  return dataPage(w, values.length, 'DELTA_BINARY_PACKED');
}

/** The definition levels of `n` nulls (all 0, bit width 1), as the writer encodes them: a copy. */
export function nullLevels(n: number): Uint8Array {
  end = 0;
  rleHybrid(new Int32Array(n), 1);
  return bytes.slice(0, end);
}
