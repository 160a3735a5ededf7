/**
 * A run's columns fetched in two halves (runData.ts columnWords): the high word of every Float64 value first (sign,
 * exponent and 20 mantissa bits: each value to within 1 part in a million; small integers such as the status and the
 * evaluation index exact), which the page draws from at once, then the low words, written into the same array, which
 * make every value exact. Each half is read from the response stream into one reused chunk and its words written
 * straight into the columns' Float64Array as they arrive: no Blob, no whole-body ArrayBuffer. Memory the page touches
 * for the first time is what costs here (a fresh 200 MB array took ~1 s of CPU in page faults on the 2-core machine of
 * docs/performance.md), and this way the page touches only the columns' array, while the rest of the body is still on
 * its way. At a million designs × 25 columns the first half is 100 MB of the 200: the first rows come after it.
 */
import type { RunInfo } from '../runData.js';
import type { RunColumns } from './data.js';

/** Bytes read from the stream at a time (one buffer, reused). */
const CHUNK = 1 << 22;

/**
 * One half of a run's values streamed into `into` (or into a new array sized from the body when null; the low words
 * left 0), and the version of the run they are of; null when the body does not fit `into` (the run grew meanwhile).
 */
async function streamWords(
  info: RunInfo,
  half: 'high' | 'low',
  into: Float64Array | null,
): Promise<{ data: Float64Array; version: string } | null> {
  const r = await fetch(`/api/runs/${info.id}/columns?words=${half}`);
  if (!r.ok || r.body === null) throw new Error(`/api/runs/${info.id}/columns: HTTP ${r.status}`);
  const count = Number(r.headers.get('Content-Length')) / 4;
  if (into !== null && count !== into.length) {
    await r.body.cancel();
    return null;
  }
  const data = into ?? new Float64Array(count);
  // little-endian Float64: the low word first
  const all = new Uint32Array(data.buffer, data.byteOffset, 2 * count);
  const at = half === 'low' ? 0 : 1;
  const reader = r.body.getReader({ mode: 'byob' });
  let chunk = new ArrayBuffer(CHUNK);
  let word = 0;
  // bytes of a word cut by the end of the last read, kept at the chunk's start
  let carry = 0;
  for (;;) {
    const { done, value } = await reader.read(new Uint8Array(chunk, carry, CHUNK - carry));
    if (done || value === undefined) break;
    chunk = value.buffer;
    const bytes = carry + value.byteLength;
    const words = new Uint32Array(chunk, 0, Math.min(bytes >> 2, count - word));
    for (let i = 0; i < words.length; i++) all[2 * (word + i) + at] = words[i]!;
    word += words.length;
    carry = bytes - 4 * words.length;
    if (carry > 0) new Uint8Array(chunk).copyWithin(0, bytes - carry, bytes);
  }
  if (word !== count) throw new Error(`/api/runs/${info.id}/columns: cut at ${word} of ${count} values`);
  return { data, version: r.headers.get('X-Version') ?? '' };
}

/** A run's columns as one request's body (through a Blob: Chromium gathers it outside the page's main thread). */
async function fetchWhole(info: RunInfo): Promise<Float64Array> {
  const r = await fetch(`/api/runs/${info.id}/columns`);
  if (!r.ok) throw new Error(`/api/runs/${info.id}/columns: HTTP ${r.status}`);
  return new Float64Array(await (await r.blob()).arrayBuffer());
}

/**
 * Columns of fewer bytes than this are fetched whole, in one request: at 100,000 designs (20 MB) the plots laid out
 * twice cost more than the half of the bytes saves (docs/performance.md, "The explorer").
 */
const SPLIT_FROM_BYTES = 64e6;

/** A fetched run: `exact` false while its values are the high words only (fetchExact completes them). */
export type FetchedRun = RunColumns & { readonly version: string; readonly exact: boolean };

/**
 * A run's columns (rows from the body: a run may have grown since /api/runs) and its front: whole below
 * SPLIT_FROM_BYTES, else from their high words.
 */
export async function fetchColumns(info: RunInfo, splitFromBytes = SPLIT_FROM_BYTES): Promise<FetchedRun> {
  const front = fetch(`/api/runs/${info.id}/front`).then((r) => r.json() as Promise<{ indices: number[] }>);
  const split = info.rows * info.columns.length * 8 >= splitFromBytes;
  const { data, version } = split
    ? (await streamWords(info, 'high', null))!
    : { data: await fetchWhole(info), version: '' };
  const rows = data.length / info.columns.length;
  return { info: { ...info, rows }, data, frontIndices: (await front).indices, version, exact: !split };
}

/**
 * The low words of the same state of the run written into `run.data`: every value exact. When the run changed between
 * the two requests (a live run), its whole columns instead (rows from the body).
 */
export async function fetchExact(run: FetchedRun): Promise<FetchedRun> {
  if (run.exact) return run;
  const low = await streamWords(run.info, 'low', run.data);
  if (low !== null && low.version === run.version) return { ...run, exact: true };
  const data = await fetchWhole(run.info);
  return { ...run, info: { ...run.info, rows: data.length / run.info.columns.length }, data, exact: true };
}
