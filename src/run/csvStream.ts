/**
 * RFC 4180 CSV read in bounded memory: the file is read in chunks of CHUNK_BYTES and each record
 * (a line, or several when a quoted field holds a newline) is handed to a callback as soon as it is
 * complete, so a multi-gigabyte evaluations.csv is never one string (V8 caps strings at ~512 MiB).
 * Peak memory is one chunk plus the longest record.
 */
import { closeSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { StudyError } from '../base/errors.js';
import { openRegularFile } from '../base/guardedFile.js';

// 64 KiB: the chunk strings stay below V8's large-object size (~128 KiB), so they die young; 4 MiB chunks went to
// large-object space and piled up to ~200 MB of garbage between full collections on a 723 MB log.
const CHUNK_BYTES = 1 << 16;

/** Splits one record into fields: quoted fields may hold commas, doubled quotes and newlines. */
export function splitCsvRecord(record: string): string[] {
  const out: string[] = [];
  let i = 0;
  const n = record.length;
  for (;;) {
    if (record.charCodeAt(i) === 34) {
      let field = '';
      let k = i + 1;
      for (;;) {
        const q = record.indexOf('"', k);
        if (q < 0) {
          field += record.slice(k);
          k = n;
          break;
        }
        field += record.slice(k, q);
        if (record.charCodeAt(q + 1) === 34) {
          field += '"';
          k = q + 2;
        } else {
          k = q + 1;
          break;
        }
      }
      out.push(field);
      i = k;
    } else {
      let c = record.indexOf(',', i);
      if (c < 0) c = n;
      out.push(record.slice(i, c));
      i = c;
    }
    if (i >= n) return out;
    i++; // the comma
    if (i === n) {
      out.push('');
      return out;
    }
  }
}

/** The fields at `columns` (any order) of a record without quotes, cutting only at the commas needed. */
function pickColumns(record: string, columns: readonly number[]): string[] {
  const out = new Array<string>(columns.length).fill('');
  let last = -1;
  for (const c of columns) if (c > last) last = c;
  let col = 0;
  let from = 0;
  while (col <= last) {
    let comma = record.indexOf(',', from);
    if (comma < 0) comma = record.length;
    for (let t = 0; t < columns.length; t++) if (columns[t] === col) out[t] = record.slice(from, comma);
    if (comma >= record.length) break;
    from = comma + 1;
    col++;
  }
  return out;
}

/** A regular file only, never through a link (guardedFile.ts); its length is streamed, so no size cap. */
function openLog(path: string, fix = 'the run folder is damaged: run the study again'): number {
  return openRegularFile(path, { what: 'run log', maxBytes: Number.MAX_SAFE_INTEGER, code: 'BAD_RUN_DIR', fix }).fd;
}

/** A finished log whose last record has no line end: refused, naming the file and the row. */
export function cutTail(path: string, row: number, fix: string): never {
  throw new StudyError(
    'BAD_RUN_DIR',
    `${path}: ends mid-row (row ${row} after the header has no line end: the file was cut); ${fix}`,
    { file: path },
  );
}

/**
 * `pick.columns`, when set (the callback may set it after reading the header), asks for those columns only:
 * `fields` then holds them in that order (an empty string past the end of a short record). Records without a
 * quote are then cut at the wanted commas only, so a log of millions of rows makes a few strings per row
 * instead of one per column (the garbage, not the parsing, set the peak memory of long replays).
 * Calls `onRecord(fields, recordNumber)` for every record of the file (recordNumber 0 is the header),
 * without its line ending (LF or CRLF). A trailing record without a final newline is delivered too, unless
 * `pick.refuseCutTail` says the file is finished (then it was cut: a StudyError naming the file and the row).
 * Reads at most `maxBytes` bytes when given (the rest is ignored); `chunkBytes` is the read size (tests use tiny ones).
 */
export function forEachCsvRecord(
  path: string,
  onRecord: (fields: string[], recordNumber: number) => void,
  maxBytes = Infinity,
  chunkBytes = CHUNK_BYTES,
  pick: {
    columns?: readonly number[];
    /** A last record without a line end is a cut file: refused with this fix instead of delivered. */
    refuseCutTail?: string;
  } = {},
): void {
  const fd = openLog(path, pick.refuseCutTail);
  try {
    const buf = Buffer.allocUnsafe(chunkBytes);
    const decoder = new StringDecoder('utf8');
    let pending = '';
    // quotes counted in `pending` up to `scanned`: a newline ends a record only outside quotes (even count)
    let scanned = 0;
    let quotes = 0;
    let recordNumber = 0;
    let read = 0;
    const emit = (raw: string): void => {
      const record = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      const columns = recordNumber > 0 ? pick.columns : undefined;
      if (columns === undefined) onRecord(splitCsvRecord(record), recordNumber++);
      else if (record.includes('"')) {
        const all = splitCsvRecord(record);
        onRecord(
          columns.map((c) => all[c] ?? ''),
          recordNumber++,
        );
      } else onRecord(pickColumns(record, columns), recordNumber++);
    };
    for (;;) {
      const want = Math.min(chunkBytes, maxBytes - read);
      const got = want > 0 ? readSync(fd, buf, 0, want, null) : 0;
      read += got;
      pending += got > 0 ? decoder.write(buf.subarray(0, got)) : decoder.end();
      let start = 0;
      // next `"` at or after `scanned` (-1: none in the chunk), found once and reused across lines: searching
      // again per line would rescan the rest of the chunk each time (quadratic on quote-free logs)
      let nextQuote = pending.indexOf('"', scanned);
      for (let nl = pending.indexOf('\n', scanned); nl >= 0; nl = pending.indexOf('\n', nl + 1)) {
        while (nextQuote >= 0 && nextQuote < nl) {
          quotes++;
          nextQuote = pending.indexOf('"', nextQuote + 1);
        }
        scanned = nl + 1;
        if (quotes % 2 !== 0) continue; // newline inside a quoted field
        emit(pending.slice(start, nl));
        start = nl + 1;
        quotes = 0;
      }
      pending = pending.slice(start);
      scanned -= start;
      if (got === 0) break;
    }
    if (pending.length > 0 && read < maxBytes && pick.refuseCutTail !== undefined)
      cutTail(path, recordNumber, pick.refuseCutTail);
    if (pending.length > 0) emit(pending);
  } finally {
    closeSync(fd);
  }
}
