/**
 * The evaluation log as Apache Parquet (https://parquet.apache.org/docs/file-format/): the columns of
 * evaluations.csv (logColumns), typed. eval and generation are INT64 (DELTA_BINARY_PACKED: a few bytes a row group);
 * status, reason and a choice variable's option are UTF-8 strings, dictionary-encoded (reason null unless the row
 * failed); every other column is an IEEE-754 DOUBLE, uncompressed, PLAIN or (a column of few values) a dictionary of
 * PLAIN doubles (not where the column holds a -0: the writer keys its dictionary by value, where -0 is 0), so NaN,
 * ±Infinity, -0 and every double come back bit for bit. What a row holds: the objectives in the
 * user's sense (a maximized one positive), NaN objectives and constraints for a failed row, its violation (Infinity
 * when failed). The rows are buffered as typed columns (text as codes), no object per row kept.
 *
 * Append-only, like the CSV log: rows are buffered and written as one row group followed by a complete footer (the
 * file's metadata, its length and "PAR1") at each flush (a checkpoint, every ROWS_PER_GROUP rows, the end of the run).
 * The next row group goes after that footer: Parquet locates column chunks by absolute offsets from the last footer,
 * so the earlier footers are unreferenced bytes and every flush leaves a file any Parquet reader opens. A checkpoint's
 * byte length therefore always ends a complete file: a kill loses only the rows after the last flush (the resume
 * redoes them), the checkpoint's sha256 covers the prefix as for CSV, and the explorer reads a running log up to its
 * last footer (lastFooterEnd).
 */
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import { writeColumn } from 'hyparquet-writer/src/column.js';
import { writeDataPageV2, writePageHeader } from 'hyparquet-writer/src/datapage.js';
import { writeDictionaryPage } from 'hyparquet-writer/src/dictionary.js';
import { encodeNestedValues } from 'hyparquet-writer/src/dremel.js';
import { schemaPathResolver } from 'hyparquet-writer/src/schema.js';
import { unconvert } from 'hyparquet-writer/src/unconvert.js';
import type { ColumnEncoder } from 'hyparquet-writer/src/types.js';
import { readSync } from 'node:fs';
import {
  parquetMetadata,
  parquetSchema as parquetSchemaTree,
  type ColumnChunk,
  type DecodedArray,
  type Encoding,
  type FileMetaData,
  type SchemaTree,
} from 'hyparquet';
import { readColumn } from 'hyparquet/src/column.js';
import { DEFAULT_PARSERS } from 'hyparquet/src/convert.js';
import { getTreePath } from 'hyparquet/src/schema.js';
import type { Problem } from '../optimize/types.js';
import { LOG_STATUSES, logColumns, statusCodeOf, type LoggedEvaluation, type LogColumn } from './logColumns.js';
import { LITTLE_ENDIAN } from '../base/endian.js';
import { DICTIONARY_BYTES, doubleDictionary, hasNegativeZero, textDictionary } from './logDictionaries.js';
import { deltaPage, dictionaryIndexPage, int32Values, nullLevels } from './parquetPages.js';

/** Rows per row group at most: a flush is due once this many are buffered (about 15 MB of a 30-column log). */
export const ROWS_PER_GROUP = 65_536;

const MAGIC = 0x31524150; // "PAR1", little-endian

type SchemaElement = FileMetaData['schema'][number];

/** The Parquet schema of a problem's log: a root, then one leaf per logColumns entry. */
function parquetSchema(columns: readonly LogColumn[]): SchemaElement[] {
  const leaf = (c: LogColumn): SchemaElement => {
    if (c.role === 'index' || c.role === 'generation')
      return { name: c.name, type: 'INT64', repetition_type: 'REQUIRED' };
    const text = c.role === 'status' || c.role === 'reason' || (c.role === 'variable' && c.variable.kind === 'choice');
    if (text)
      return {
        name: c.name,
        type: 'BYTE_ARRAY',
        converted_type: 'UTF8',
        repetition_type: c.role === 'reason' ? 'OPTIONAL' : 'REQUIRED',
      };
    return { name: c.name, type: 'DOUBLE', repetition_type: 'REQUIRED' };
  };
  return [{ name: 'schema', num_children: columns.length }, ...columns.map(leaf)];
}

/**
 * A column's row-group buffer: numbers (eval and generation too) or text as codes into the column's distinct values,
 * each encoded to UTF-8 once (the status's three, a choice's options, each failure reason met). The writer is handed
 * the same bytes object for every row of a value: its dictionary finds the value by identity, no row's text encoded.
 */
type ColumnBuffer =
  { kind: 'number'; values: Float64Array } | { kind: 'text'; codes: Int32Array; readonly texts: Uint8Array[] };

const utf8 = new TextEncoder();

/** Rows a new log's buffers hold before they grow to a whole row group (ROWS_PER_GROUP). */
const FIRST_CAPACITY = 1024;

/** Bytes a SinkWriter holds before it hands them on (hyparquet-writer's own fileWriter drains at 1 MB likewise). */
const SINK_BYTES = 1 << 20;

/**
 * A ByteWriter whose bytes are handed to `sink` when an append would overflow its SINK_BYTES, and after each flush;
 * `offset` stays the absolute file position. A row group thus reaches the file in pieces, as any write may (a kill
 * mid-group leaves bytes after the last footer, which every reader ignores), and its buffer is reused.
 */
class SinkWriter extends ByteWriter {
  constructor(private readonly sink: (bytes: Uint8Array) => void) {
    super(SINK_BYTES);
  }
  override ensure(size: number): void {
    if (this.index + size > this.buffer.byteLength && this.index > 0) this.drain();
    super.ensure(size);
  }
  drain(): void {
    if (this.index > 0) this.sink(new Uint8Array(this.buffer, 0, this.index));
    this.index = 0;
  }
}

/**
 * The column buffers of the last log closed, for the next log of the process (a study's seeds, one after another):
 * fresh memory costs a page fault per 4 KiB on first touch (~90 ms of CPU for a row group's 16 MB on this project's
 * 2-core VM), reused memory none.
 */
let spare: { readonly numbers: Float64Array[]; readonly codes: Int32Array[]; readonly capacity: number } | undefined;

/**
 * Buffers log rows and writes them as row groups with a footer after each (see the header). `sink` gets the bytes in
 * file order; `resume` continues a file of `bytes` bytes (a complete Parquet file, its footer last, `metadata`).
 */
export class ParquetLogWriter {
  private readonly columns: readonly LogColumn[];
  private readonly buffers: ColumnBuffer[];
  /** Per column, its number buffer or its codes (the other: an empty one), indexed as logColumns. */
  private numbers: Float64Array[];
  private codes: Int32Array[];
  /** Per variable, 1 for a choice (a text column); per objective, 1 when maximized (logged as -f). */
  private readonly choice: Uint8Array;
  private readonly maximized: Uint8Array;
  /** The reason column's code of each failure reason met. */
  private readonly reasonCode = new Map<string, number>();
  private capacity: number;
  private rows = 0;
  private readonly writer: SinkWriter;
  private readonly pw: ParquetWriter;
  /** Per column, its path in the schema tree and what hyparquet-writer's column writer is told of it. */
  private readonly paths: SchemaTree[][];
  private readonly encoders: ColumnEncoder[];
  constructor(
    private readonly problem: Problem,
    sink: (bytes: Uint8Array) => void,
    resume?: { readonly bytes: number; readonly metadata: FileMetaData },
  ) {
    this.columns = logColumns(problem);
    const text = (c: LogColumn): boolean =>
      c.role === 'status' || c.role === 'reason' || (c.role === 'variable' && c.variable.kind === 'choice');
    const texts = this.columns.filter(text).length;
    const reuse =
      spare !== undefined && spare.codes.length >= texts && spare.numbers.length >= this.columns.length - texts;
    const taken = reuse ? spare : undefined;
    if (reuse) spare = undefined;
    this.capacity = taken?.capacity ?? FIRST_CAPACITY;
    this.buffers = this.columns.map((c): ColumnBuffer => {
      const codes = (values: readonly string[]): ColumnBuffer => ({
        kind: 'text',
        codes: taken?.codes.pop() ?? new Int32Array(FIRST_CAPACITY),
        texts: values.map((t) => utf8.encode(t)),
      });
      if (c.role === 'status') return codes(LOG_STATUSES);
      if (c.role === 'reason') return codes([]);
      if (c.role === 'variable' && c.variable.kind === 'choice') return codes(c.variable.options.map(String));
      return { kind: 'number', values: taken?.numbers.pop() ?? new Float64Array(FIRST_CAPACITY) };
    });
    [this.numbers, this.codes] = this.views();
    this.choice = Uint8Array.from(problem.variables, (v) => (v.kind === 'choice' ? 1 : 0));
    this.maximized = Uint8Array.from(problem.objectives, (o) => (o.sense === 'maximize' ? 1 : 0));
    this.writer = new SinkWriter(sink);
    const schema = parquetSchema(this.columns);
    this.pw = new ParquetWriter({
      writer: this.writer,
      schema,
      codec: 'UNCOMPRESSED',
      statistics: false,
      createdBy: 'odc',
    });
    const resolve = schemaPathResolver(schema);
    this.paths = this.columns.map((c) => resolve([c.name]));
    this.encoders = this.columns.map((c, j) => encoderOf(c, this.paths[j]!));
    if (resume === undefined) return;
    // continuing a file: the magic the constructor wrote is already there; its row groups come from its last footer
    this.writer.index = 0;
    this.writer.offset = resume.bytes;
    this.pw.row_groups = resume.metadata.row_groups;
    this.pw.num_rows = resume.metadata.num_rows;
  }

  private views(): [Float64Array[], Int32Array[]] {
    const [none, noCodes] = [new Float64Array(0), new Int32Array(0)];
    return [
      this.buffers.map((b) => (b.kind === 'number' ? b.values : none)),
      this.buffers.map((b) => (b.kind === 'text' ? b.codes : noCodes)),
    ];
  }

  /** Writes the magic of a new file (nothing when continuing one). */
  start(): void {
    this.writer.drain();
  }

  /** Buffers `r`; true when a flush is due (ROWS_PER_GROUP rows buffered). */
  add(r: LoggedEvaluation): boolean {
    if (!Number.isSafeInteger(r.index) || !Number.isSafeInteger(r.generation))
      throw new Error(`evaluation log: eval ${r.index} / generation ${r.generation} is not an integer below 2^53`);
    const i = this.rows++;
    if (i === this.capacity) this.grow();
    const { choice, maximized, numbers: num, codes } = this;
    const n = choice.length;
    const m = maximized.length;
    const k = this.problem.constraints.length;
    const { x, f } = r;
    num[0]![i] = r.index;
    num[1]![i] = r.generation;
    codes[2]![i] = statusCodeOf(r.failure, r.cv);
    for (let j = 0; j < n; j++) {
      if (choice[j] === 1) codes[3 + j]![i] = x[j]!;
      else num[3 + j]![i] = x[j]!;
    }
    for (let j = 0; j < m; j++) num[3 + n + j]![i] = maximized[j] === 1 ? -f[j]! : f[j]!;
    const g = r.g.length === k ? r.g : null;
    for (let j = 0; j < k; j++) num[3 + n + m + j]![i] = g !== null ? g[j]! : NaN;
    num[3 + n + m + k]![i] = r.cv;
    codes[4 + n + m + k]![i] = r.failure === null ? -1 : this.reasonOf(r.failure);
    return this.rows >= ROWS_PER_GROUP;
  }

  private reasonOf(reason: string): number {
    let code = this.reasonCode.get(reason);
    if (code === undefined) {
      const texts = (this.buffers[this.buffers.length - 1] as Extract<ColumnBuffer, { kind: 'text' }>).texts;
      this.reasonCode.set(reason, (code = texts.length));
      texts.push(utf8.encode(reason));
    }
    return code;
  }

  /**
   * Takes every buffer to a whole row group (the rows so far kept): a log past FIRST_CAPACITY rows gets one more
   * allocation, not a doubling series touching twice the memory.
   */
  private grow(): void {
    this.capacity = ROWS_PER_GROUP;
    for (const b of this.buffers) {
      const old = b.kind === 'number' ? b.values : b.codes;
      const next = b.kind === 'number' ? new Float64Array(this.capacity) : new Int32Array(this.capacity);
      next.set(old as Float64Array & Int32Array);
      if (b.kind === 'number') b.values = next as Float64Array;
      else b.codes = next as Int32Array;
    }
    [this.numbers, this.codes] = this.views();
  }

  /**
   * Writes the buffered rows as one row group, then the footer (nothing when no row is buffered): what
   * hyparquet-writer's `ParquetWriter.write` writes for these flat columns, byte for byte (chunkOf), the reason
   * column (optional, PLAIN or a dictionary as the writer finds best) through its `writeColumn` when a row failed, else
   * as `writeColumn` writes a column of nulls (nullChunk).
   */
  flush(): void {
    const rows = this.rows;
    if (rows === 0) return;
    const w = this.writer;
    const groupStart = w.offset;
    const chunks: ColumnChunk[] = [];
    for (let j = 0; j < this.columns.length; j++) {
      const b = this.buffers[j]!;
      const column = this.encoders[j]!;
      if (b.kind === 'number') {
        chunks.push(numberChunk(w, column, b.values.subarray(0, rows)));
      } else if (column.encoding === 'RLE_DICTIONARY') {
        const { dictionary, indexes } = textDictionary(b.codes.subarray(0, rows), b.texts);
        chunks.push(chunkOf(w, column, indexes, unconvert(column.element, dictionary)));
      } else if (b.codes.subarray(0, rows).every((code) => code < 0)) {
        chunks.push(nullChunk(w, column, rows));
      } else {
        const data = new Array<Uint8Array | null>(rows);
        for (let i = 0; i < rows; i++) data[i] = b.codes[i]! < 0 ? null : b.texts[b.codes[i]!]!;
        chunks.push(writeColumn({ writer: w, column, pageData: encodeNestedValues(this.paths[j]!, data) }).chunk);
      }
    }
    let totalBytes = 0n;
    for (const { meta_data } of chunks) totalBytes += meta_data?.total_uncompressed_size ?? 0n;
    this.pw.num_rows += BigInt(rows);
    this.pw.row_groups.push({
      columns: chunks,
      total_byte_size: totalBytes,
      num_rows: BigInt(rows),
      total_compressed_size: BigInt(w.offset - groupStart),
    });
    void this.pw.finish();
    this.pw.pendingIndexes = [];
    this.writer.drain();
    this.rows = 0;
  }

  /** Writes what is buffered; the buffers then go to the next log of the process (`spare`): this one takes no row. */
  close(): void {
    this.flush();
    if (spare !== undefined && spare.capacity >= this.capacity) return;
    spare = {
      numbers: this.buffers.flatMap((b) => (b.kind === 'number' ? [b.values] : [])),
      codes: this.buffers.flatMap((b) => (b.kind === 'text' ? [b.codes] : [])),
      capacity: this.capacity,
    };
    this.buffers.length = 0;
    this.numbers = [];
    this.codes = [];
  }
}

/**
 * A column page holds at most this many bytes (hyparquet-writer's default page size): a row group's ROWS_PER_GROUP
 * doubles (512 KiB) fit one page, so each column chunk is one data page.
 */
const PAGE_BYTES = 1 << 20;

/**
 * What `ParquetWriter.write` tells hyparquet-writer's column writer of column `c` (no statistics, no bloom filter, no
 * page index: the footer is rewritten at every flush, and a log is read whole): eval and generation delta-coded, the
 * status and a choice as a dictionary, the rest as the writer finds best (a double: numberChunk).
 */
function encoderOf(c: LogColumn, path: readonly SchemaTree[]): ColumnEncoder {
  const int = c.role === 'index' || c.role === 'generation';
  const dictionary = c.role === 'status' || (c.role === 'variable' && c.variable.kind === 'choice');
  const encoding = int ? 'DELTA_BINARY_PACKED' : dictionary ? 'RLE_DICTIONARY' : undefined;
  const schemaPath = path.map((n) => n.element);
  return {
    columnName: c.name,
    element: schemaPath[schemaPath.length - 1]!,
    schemaPath,
    codec: 'UNCOMPRESSED',
    compressors: {},
    stats: false,
    pageSize: PAGE_BYTES,
    dictionarySize: DICTIONARY_BYTES,
    columnIndex: false,
    offsetIndex: false,
    ...(encoding !== undefined ? { encoding } : {}),
  };
}

/**
 * A number column's chunk: eval and generation delta-coded (their values checked safe integers in add, so within
 * INT64), a double after the writer's own dictionary trial (none for a column holding a -0: the writer keys its
 * dictionary by value, where -0 is 0).
 */
function numberChunk(w: SinkWriter, column: ColumnEncoder, values: Float64Array): ColumnChunk {
  if (column.element.type !== 'DOUBLE') return chunkOf(w, column, values);
  const trial = hasNegativeZero(values) ? null : doubleDictionary(values);
  return trial !== null ? chunkOf(w, column, trial.indexes, trial.dictionary) : chunkOf(w, column, values);
}

/**
 * A required column's chunk as hyparquet-writer's `writeColumn` writes it here, the same bytes: the dictionary page
 * when there is a dictionary (`values` then its indexes), then one data page (a row group's 65,536 values fit one page
 * of PAGE_BYTES), the column's encoding. A PLAIN page of doubles is the values' own bytes, without the writer's copy
 * of the column, its value-by-value DataView writes and its page buffer's doublings; dictionary indexes and 32-bit
 * integers are encoded by ./parquetPages.ts.
 */
function chunkOf(
  w: SinkWriter,
  column: ColumnEncoder,
  values: Float64Array | Int32Array | number[],
  dictionary?: DecodedArray,
): ColumnChunk {
  const offsetStart = w.offset;
  const n = values.length;
  let size = 0;
  let dictionaryOffset: bigint | undefined;
  if (dictionary !== undefined) {
    dictionaryOffset = BigInt(w.offset);
    size += writeDictionaryPage(w, column, dictionary);
  }
  const encoding = dictionary !== undefined ? 'RLE_DICTIONARY' : (column.encoding ?? 'PLAIN');
  const dataOffset = BigInt(w.offset);
  // Parquet's PLAIN DOUBLE is little-endian IEEE-754: the array's own bytes where the platform's order is that
  if (encoding === 'PLAIN' && values instanceof Float64Array && LITTLE_ENDIAN) {
    size += plainPage(w, n, 0, NO_BYTES, new Uint8Array(values.buffer, values.byteOffset, n * 8));
  } else if (encoding === 'RLE_DICTIONARY' && values instanceof Int32Array) {
    size += dictionaryIndexPage(w, values);
  } else if (encoding === 'DELTA_BINARY_PACKED' && values instanceof Float64Array && int32Values(values)) {
    size += deltaPage(w, values);
  } else {
    const pageData = { values, definitionLevels: [], repetitionLevels: [], maxDefinitionLevel: 0 };
    size += writeDataPageV2({ writer: w, column, encoding, pageData });
  }
  const encodings: Encoding[] = dictionary !== undefined ? ['PLAIN', 'RLE_DICTIONARY'] : [encoding];
  return chunkMeta(w, column, n, offsetStart, size, encodings, dataOffset, dictionaryOffset);
}

/**
 * An optional column of nulls (the reason column where no evaluation failed) as the writer's `writeColumn` writes it:
 * a PLAIN page of definition levels (all 0), no value; without its copies of arrays of nulls (~28 ms in 50,000 rows).
 */
function nullChunk(w: SinkWriter, column: ColumnEncoder, n: number): ColumnChunk {
  const offsetStart = w.offset;
  const size = plainPage(w, n, n, nullLevels(n), NO_BYTES);
  return chunkMeta(w, column, n, offsetStart, size, ['PLAIN'], BigInt(offsetStart));
}

const NO_BYTES = new Uint8Array(0);

/** A PLAIN data page (v2) of `n` rows, `nulls` of them null, as the writer's `writeDataPageV2` writes it; its bytes. */
function plainPage(w: SinkWriter, n: number, nulls: number, levels: Uint8Array, values: Uint8Array): number {
  const start = w.offset;
  writePageHeader(w, {
    type: 'DATA_PAGE_V2',
    uncompressed_page_size: levels.length + values.length,
    compressed_page_size: levels.length + values.length,
    data_page_header_v2: {
      num_values: n,
      num_nulls: nulls,
      num_rows: n,
      encoding: 'PLAIN',
      definition_levels_byte_length: levels.length,
      repetition_levels_byte_length: 0,
      is_compressed: true, // as the writer says of a page with codec UNCOMPRESSED
    },
  });
  w.appendBytes(levels);
  w.appendBytes(values);
  return w.offset - start;
}

/** A column chunk's metadata, as the writer's `writeColumn` gives it: the chunk written from offsetStart to here. */
function chunkMeta(
  w: SinkWriter,
  column: ColumnEncoder,
  n: number,
  offsetStart: number,
  size: number,
  encodings: Encoding[],
  dataOffset: bigint,
  dictionaryOffset?: bigint,
): ColumnChunk {
  const { type } = column.element;
  if (type === undefined) throw new Error(`evaluation log: column ${column.columnName} has no type`);
  return {
    meta_data: {
      type,
      encodings,
      path_in_schema: [column.columnName],
      codec: 'UNCOMPRESSED',
      num_values: BigInt(n),
      total_compressed_size: BigInt(w.offset - offsetStart),
      total_uncompressed_size: BigInt(size),
      data_page_offset: dataOffset,
      ...(dictionaryOffset !== undefined ? { dictionary_page_offset: dictionaryOffset } : {}),
    },
    file_offset: BigInt(offsetStart),
  };
}

/**
 * Where the last complete footer of a log being written ends (0 when there is none yet): `bytes` ends with "PAR1",
 * or, while a row group is being appended, the last footer is found from the end back (a "PAR1" whose length word
 * gives a footer that parses). The explorer reads a running log up to there.
 */
export function lastFooterEnd(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let end = bytes.length; end >= 12;) {
    const at = lastMagicEnd(bytes, end);
    if (at < 12) return 0;
    const footer = view.getUint32(at - 8, true);
    if (at - 8 - footer >= 4 && view.getUint32(0, true) === MAGIC) {
      try {
        parquetMetadata(bytes.subarray(0, at));
        return at;
      } catch {
        // "PAR1" inside row data: look further back
      }
    }
    end = at - 1;
  }
  return 0;
}

/** The end of the last "PAR1" ending at or before `end`, or 0. */
function lastMagicEnd(bytes: Uint8Array, end: number): number {
  for (let i = end - 4; i >= 0; i--)
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x41 && bytes[i + 2] === 0x52 && bytes[i + 3] === 0x31) return i + 4;
  return 0;
}

/** Bytes of a log by position: a file read with positional reads, or bytes in memory (the explorer's copy). */
export interface ByteSource {
  /** Where the Parquet file ends (its last footer): the file's length, or a checkpoint's byte length. */
  readonly size: number;
  read(at: number, length: number): Uint8Array;
}

export const bytesSource = (bytes: Uint8Array): ByteSource => ({
  size: bytes.length,
  read: (at, length) => bytes.subarray(at, at + length),
});

/** The first `size` bytes of the open file `fd`, read where asked (pread: the file is never held whole). */
export const fileSource = (fd: number, size: number): ByteSource => ({
  size,
  read(at, length) {
    const buf = Buffer.allocUnsafe(length);
    let got = 0;
    while (got < length) {
      const n = readSync(fd, buf, got, length - got, at + got);
      if (n === 0) throw new Error(`the file ends at byte ${at + got}, inside the data its footer points to`);
      got += n;
    }
    return buf;
  },
});

/** The metadata of the Parquet file that ends at `src.size`: its footer, the 8 bytes before it give its length. */
export function parquetFooter(src: ByteSource): FileMetaData {
  if (src.size < 12) throw new Error('too short to be a Parquet file (no footer)');
  const tail = src.read(src.size - 8, 8);
  const view = new DataView(tail.buffer, tail.byteOffset, 8);
  if (view.getUint32(4, true) !== MAGIC) throw new Error('no Parquet footer at its end (cut while written?)');
  const length = view.getUint32(0, true);
  if (length > src.size - 12) throw new Error(`its footer length ${length} exceeds the file`);
  return parquetMetadata(src.read(src.size - 8 - length, length + 8));
}

/** One row group's columns: numbers as Float64Array (eval and generation too), text as string arrays. */
export interface ParquetGroup {
  readonly rows: number;
  readonly columns: ReadonlyMap<string, Float64Array | readonly (string | null)[]>;
}

/**
 * Reads the Parquet log in `src` one row group at a time (memory: one group of the columns asked for), synchronously:
 * the footer, then each column chunk by its offsets, decoded by hyparquet's column reader. `pick` gets the file's
 * column names and returns those to read (null: none, no row group read). INT64 columns come back as doubles (refused
 * at 2^53 and beyond).
 */
export function forEachParquetGroup(
  src: ByteSource,
  pick: (names: readonly string[]) => readonly string[] | null,
  onGroup: (group: ParquetGroup) => void,
): void {
  const metadata = parquetFooter(src);
  const leaves = metadata.schema.slice(1);
  const names = pick(leaves.map((s) => s.name));
  if (names === null) return;
  const tree = parquetSchemaTree(metadata);
  const at = new Map(leaves.map((s, i) => [s.name, i]));
  for (const name of names) if (!at.has(name)) throw new Error(`no column ${name}`);
  for (const group of metadata.row_groups) {
    const rows = Number(group.num_rows);
    const columns = new Map<string, Float64Array | (string | null)[]>();
    for (const name of names) {
      const chunk = group.columns[at.get(name)!]?.meta_data;
      if (chunk === undefined) throw new Error(`column ${name} has no data in a row group`);
      const start = Number(chunk.dictionary_page_offset ?? chunk.data_page_offset);
      const bytes = src.read(start, Number(chunk.total_compressed_size));
      const schemaPath = getTreePath(tree, chunk.path_in_schema);
      const decoder = {
        pathInSchema: chunk.path_in_schema,
        type: chunk.type,
        element: schemaPath[schemaPath.length - 1]!.element,
        schemaPath,
        codec: chunk.codec,
        parsers: DEFAULT_PARSERS,
        utf8: true,
      };
      const reader = { view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 };
      const { data } = readColumn(reader, { groupStart: 0, groupRows: rows, selectStart: 0, selectEnd: rows }, decoder);
      columns.set(name, gathered(name, chunk.type === 'BYTE_ARRAY', data, rows));
    }
    onGroup({ rows, columns });
  }
}

/** A column chunk's decoded pages as one array of `rows` values. */
function gathered(
  name: string,
  text: boolean,
  pages: readonly ArrayLike<unknown>[],
  rows: number,
): Float64Array | (string | null)[] {
  const out = text ? new Array<string | null>(rows) : new Float64Array(rows);
  let i = 0;
  for (const page of pages) {
    if (out instanceof Float64Array && page instanceof Float64Array && i + page.length <= rows) {
      out.set(page, i);
      i += page.length;
      continue;
    }
    for (let j = 0; j < page.length && i < rows; j++, i++) {
      const v = page[j];
      if (!(out instanceof Float64Array)) out[i] = typeof v === 'string' ? v : null;
      else if (typeof v !== 'bigint') out[i] = v as number;
      else if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < -BigInt(Number.MAX_SAFE_INTEGER))
        throw new Error(`${name} holds ${v}, not an integer below 2^53`);
      else out[i] = Number(v);
    }
  }
  if (i !== rows) throw new Error(`column ${name} holds ${i} values in a row group of ${rows}`);
  return out;
}
