/**
 * The evaluation log: every evaluated design, feasible or not, in evaluation order. It is appended to
 * `evaluations.parquet.partial` (typed columns, ./parquetLog.ts; the default) or `evaluations.csv.partial` (odc run
 * --log csv: numbers in JavaScript's shortest round-trip form, so a reparsed log holds the same doubles) after each
 * generation; a checkpoint records the byte length reached, so a resumed run truncates to that length and
 * re-evaluates the rest identically. Both are read back by ./logRead.ts.
 * Rows are not kept in memory (a 5-million-evaluation run would need gigabytes): the log keeps running
 * counts, and whatever needs the rows again (resume, the history) streams them back from the file. The history's
 * light rows (objectives, violation, generation) are also kept in memory up to MEMORY_LOG_DOUBLES numbers, as the
 * file would give them back, so a run of ordinary size does not reread and reparse its log at the end.
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, constants, existsSync, openSync, readSync, statSync, truncateSync } from 'node:fs';
import { FORMULA_PREFIX, PLAIN_NUMBER } from '../base/csv.js';
import { writeAllSync } from './atomic.js';
import { StudyError } from '../base/errors.js';
import type { Evaluation, Problem } from '../optimize/types.js';
import { logColumns, statusOf, type LogFormat, type LoggedEvaluation } from './logColumns.js';
export {
  LOG_COLUMN,
  constraintColumn,
  logColumns,
  type LogColumn,
  type LogFormat,
  type LoggedEvaluation,
} from './logColumns.js';
import { constraintViolation } from '../optimize/types.js';
import { fileSource, ParquetLogWriter, parquetFooter } from './parquetLog.js';
import { forEachLogRow, logFormatOf } from './logRead.js';
import { hashFile, openNoFollow, refuseSymlink } from './logFile.js';
import { finalSampleStride, type RunEvaluation, type SampledEvaluations } from './evaluationSample.js';

const quoted = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
/** Header cells: quoted when needed. */
const csvCell = quoted;
/**
 * Text cells of rows (choice options, failure reasons): a spreadsheet must not read them as formulas (OWASP CSV
 * injection), so text starting with `=`, `+`, `-`, `@`, TAB, CR — or with the guard `'` itself, which keeps the
 * round trip exact — gets a leading `'`; `unguardCell` takes it off when the log is read back. Plain numbers
 * ("-5") are left alone.
 */
const guarded = (s: string): boolean => (FORMULA_PREFIX.test(s) || s.startsWith("'")) && !PLAIN_NUMBER.test(s);
const textCell = (s: string): string => quoted(guarded(s) ? `'${s}` : s);
const num = (v: number): string => (Number.isNaN(v) ? '' : String(v));

/** The constraint a column holds (the inverse of constraintColumn), or null for any other column. */
export const columnConstraint = (column: string): string | null =>
  column.startsWith('g[') && column.endsWith(']') ? column.slice(2, -1) : null;

export const logHeader = (problem: Problem): string =>
  `${logColumns(problem)
    .map((c) => csvCell(c.name))
    .join(',')}\n`;

export function toLogged(
  problem: Problem,
  index: number,
  generation: number,
  x: Float64Array,
  e: Evaluation,
): LoggedEvaluation {
  const m = problem.objectives.length;
  const k = problem.constraints.length;
  if (e.status === 'failed') {
    return {
      index,
      generation,
      x,
      f: new Float64Array(m).fill(NaN),
      g: new Float64Array(k).fill(NaN),
      cv: Infinity,
      failure: e.reason,
    };
  }
  return { index, generation, x, f: e.f, g: e.g, cv: constraintViolation(e), failure: null };
}

/**
 * What logRow derives once per problem: per variable, its options' text cells (guarded and quoted as textCell writes
 * them) or null (a number); the row's text cells' places, ascending: the status (2), each choice variable (3 + i).
 */
type RowLayout = { readonly optionCells: readonly (readonly string[] | null)[]; readonly textAt: readonly number[] };
const layouts = new WeakMap<Problem, RowLayout>();
function rowLayout(problem: Problem): RowLayout {
  let layout = layouts.get(problem);
  if (layout === undefined) {
    const optionCells = problem.variables.map((v) =>
      v.kind === 'choice' ? v.options.map((o) => textCell(String(o))) : null,
    );
    const textAt = [2, ...optionCells.flatMap((c, i) => (c === null ? [] : [3 + i]))];
    layouts.set(problem, (layout = { optionCells, textAt }));
  }
  return layout;
}

/** The text of a row's cell at `at` (one of RowLayout.textAt): its status, or the option a choice variable holds. */
const textCellAt = (layout: RowLayout, r: LoggedEvaluation, at: number): string =>
  at === 2 ? statusOf(r.failure, r.cv) : layout.optionCells[at - 3]![r.x[at - 3]!]!;

/**
 * One CSV row; objectives in the user's sense (a maximized metric is positive again). Its numbers (index, generation,
 * variables, objectives, constraints, a kept row's violation; 0 at each text cell's place) are written by one
 * JSON.stringify call when all are finite: each as String() writes it, with no heap string per number as join or a
 * template makes; the text cells (RowLayout) then take their places. streaming.test.ts checks each cell vs String().
 */
const numberCells: number[] = [];
export function logRow(problem: Problem, r: LoggedEvaluation): string {
  const vars = problem.variables;
  const objs = problem.objectives;
  const layout = rowLayout(problem);
  let n = 0;
  numberCells[n++] = r.index;
  numberCells[n++] = r.generation;
  numberCells[n++] = 0;
  for (let i = 0; i < vars.length; i++) numberCells[n++] = layout.optionCells[i] === null ? r.x[i]! : 0;
  for (let i = 0; i < objs.length; i++) numberCells[n++] = objs[i]!.sense === 'maximize' ? -r.f[i]! : r.f[i]!;
  for (let i = 0; i < r.g.length; i++) numberCells[n++] = r.g[i]!;
  // a failed row's violation cell is empty
  if (r.failure === null) numberCells[n++] = r.cv;
  numberCells.length = n;
  let finite = true;
  for (let i = 0; i < n && finite; i++) finite = Number.isFinite(numberCells[i]);
  const textAt = layout.textAt;
  let line: string;
  if (finite) {
    const numbers = JSON.stringify(numberCells);
    // the cells sit between "[" and "]": cell c starts after the c-th comma; a text cell replaces its placeholder
    line = '';
    // `from`: start of the numbers not yet copied; `start`: where cell `cell` starts
    let from = 1,
      cell = 0,
      start = 1;
    for (let t = 0; t < textAt.length; t++) {
      const at = textAt[t]!;
      for (; cell < at; cell++) start = numbers.indexOf(',', start) + 1;
      line += numbers.slice(from, start) + textCellAt(layout, r, at);
      from = numbers.indexOf(',', start); // a text cell is never the last one: objectives follow
    }
    line += numbers.slice(from, -1);
  } else {
    const cells = numberCells.map(num);
    for (const at of textAt) cells[at] = textCellAt(layout, r, at);
    line = cells.join(',');
  }
  return r.failure === null ? `${line},\n` : `${line},,${textCell(r.failure)}\n`;
}

/** The log's encoding buffer: a piece of ~32k characters and its last row (see EvaluationLog.append). */
const LOG_SCRATCH = Buffer.allocUnsafe(3 * 65_536);

/** Running counts over the log (what run.json and the progress line report). */
export interface LogCounts {
  evaluations: number;
  failures: number;
  /** Feasible evaluations (constraint violation 0). */
  feasible: number;
  readonly failureReasons: Map<string, number>;
}

/**
 * Numbers the in-memory light rows may hold (8 bytes each: 128 MB), e.g. 4 million evaluations of a 2-objective study.
 */
export const MEMORY_LOG_DOUBLES = 16_000_000;

/**
 * `v` as it comes back from the log's text: NaN is written as '' (read back as NaN for objectives, 0 for the
 * violation), -0 as "0".
 */
const asLogged = (v: number): number => (v === 0 ? 0 : v);

/**
 * The light rows (what `forEachLogRow(…, objectivesOnly)` gives) in memory: index, generation, violation and the
 * minimized objectives, exactly as the file gives them back, in chunks; dropped once over its budget.
 */
const ROWS_PER_CHUNK = 4096;
const NONE = new Float64Array(0);
class LightRows {
  private readonly chunks: Float64Array[] = [];
  private readonly failures: (string | null)[] = [];
  private readonly width: number;
  /** Per objective, whether it is maximized (read for every row added). */
  private readonly maximized: readonly boolean[];
  constructor(
    private readonly problem: Problem,
    private readonly budget: number,
  ) {
    this.width = 3 + problem.objectives.length;
    this.maximized = problem.objectives.map((o) => o.sense === 'maximize');
  }
  get rows(): number {
    return this.failures.length;
  }
  /** False when the budget ran out: the rows must come from the file. */
  add(r: LoggedEvaluation): boolean {
    const w = this.width;
    const i = this.rows;
    if ((i + 1) * w > this.budget) return false;
    if (i % ROWS_PER_CHUNK === 0) this.chunks.push(new Float64Array(ROWS_PER_CHUNK * w));
    const c = this.chunks[this.chunks.length - 1]!;
    const at = (i % ROWS_PER_CHUNK) * w;
    c[at] = r.index;
    c[at + 1] = r.generation;
    c[at + 2] = r.failure !== null ? Infinity : Number.isNaN(r.cv) ? 0 : asLogged(r.cv);
    const maximized = this.maximized;
    for (let j = 0; j < maximized.length; j++) {
      const v = r.f[j]!;
      // a maximized objective is written as -f and read back negated: -(-0) comes back as -0 from "0"
      c[at + 3 + j] = maximized[j] ? -asLogged(-v) : asLogged(v);
    }
    this.failures.push(r.failure);
    return true;
  }
  /**
   * `transient`: the caller keeps neither a row nor its f beyond the call, so one row object and one f are reused
   * (a ZDT1 run's history replay allocated 20,000 of each).
   */
  forEach(onRow: (row: LoggedEvaluation) => void, transient = false): void {
    const w = this.width;
    const m = w - 3;
    const reused: { -readonly [K in keyof LoggedEvaluation]: LoggedEvaluation[K] } = {
      index: 0,
      generation: 0,
      x: NONE,
      f: new Float64Array(m),
      g: NONE,
      cv: 0,
      failure: null,
    };
    for (let i = 0; i < this.rows; i++) {
      const c = this.chunks[Math.floor(i / ROWS_PER_CHUNK)]!;
      const at = (i % ROWS_PER_CHUNK) * w;
      if (transient) {
        reused.index = c[at]!;
        reused.generation = c[at + 1]!;
        for (let j = 0; j < m; j++) reused.f[j] = c[at + 3 + j]!;
        reused.cv = c[at + 2]!;
        reused.failure = this.failures[i]!;
        onRow(reused);
        continue;
      }
      onRow({
        index: c[at]!,
        generation: c[at + 1]!,
        x: NONE,
        f: c.slice(at + 3, at + 3 + m),
        g: NONE,
        cv: c[at + 2]!,
        failure: this.failures[i]!,
      });
    }
  }
  /**
   * The report's sample (src/run/evaluationSample.ts) of these rows: what reading the file back would give. The rows
   * are all here, so their count gives the sampler's final stride first (finalSampleStride) and only the rows it
   * keeps are built.
   */
  sample(): SampledEvaluations {
    const objs = this.problem.objectives;
    const m = objs.length;
    const w = this.width;
    // a row counts when it did not fail and its objectives are finite (as EvaluationSampler.offer counts them)
    const counts = (c: Float64Array, at: number, i: number): boolean => {
      if (this.failures[i] !== null) return false;
      for (let j = 0; j < m; j++) if (!Number.isFinite(c[at + 3 + j]!)) return false;
      return true;
    };
    let evaluated = 0;
    for (let i = 0; i < this.rows; i++)
      if (counts(this.chunks[Math.floor(i / ROWS_PER_CHUNK)]!, (i % ROWS_PER_CHUNK) * w, i)) evaluated++;
    const stride = finalSampleStride(evaluated);
    const sample: RunEvaluation[] = [];
    for (let i = 0, k = 0; i < this.rows; i++) {
      const c = this.chunks[Math.floor(i / ROWS_PER_CHUNK)]!;
      const at = (i % ROWS_PER_CHUNK) * w;
      if (!counts(c, at, i) || k++ % stride !== 0) continue;
      const cv = c[at + 2]!;
      // the file's status column (logRow) and its objectives in the user's sense: a maximized one is stored as
      // -(what the file holds), see add()
      const f = new Float64Array(m);
      for (let j = 0; j < m; j++) f[j] = objs[j]!.sense === 'maximize' ? -c[at + 3 + j]! : c[at + 3 + j]!;
      sample.push({ index: c[at]!, generation: c[at + 1]!, status: statusOf(null, cv), objectives: f, violation: cv });
    }
    return { sample, evaluated };
  }
}

/** The part of a log a checkpoint covers: its length and sha256. */
export interface LogPrefix {
  readonly bytes: number;
  readonly sha256: string;
  /** sha256 state of those bytes, already checked against `sha256` (src/run/checkpoint.ts): not hashed again. */
  readonly verified?: Hash;
}

export class EvaluationLog {
  readonly counts: LogCounts = { evaluations: 0, failures: 0, feasible: 0, failureReasons: new Map() };
  /** The light rows in memory, or undefined once over the memory budget. */
  private light: LightRows | undefined;
  private fd: number;
  private bytes: number;
  /**
   * sha256 of the log's first `hashed` bytes. The rest is hashed when a checkpoint asks (`sha256`), read back through
   * the log's own descriptor: a run that ends before its first checkpoint never hashes its log (hashing every row as it
   * was written was ~7 % of the instructions of a ZDT1 run, callgrind).
   */
  private readonly hash: Hash;
  private hashed = 0;
  private closed = false;
  /** The Parquet log's row groups being built (src/run/parquetLog.ts); undefined for CSV. */
  private readonly parquet: ParquetLogWriter | undefined;
  /**
   * `onResumedRow` sees every row already in the log when resuming (the driver rebuilds the archive from them).
   * `memoryBudget`: numbers the in-memory light rows may hold (default MEMORY_LOG_DOUBLES).
   */
  constructor(
    private readonly path: string,
    private readonly problem: Problem,
    resume?: LogPrefix,
    onResumedRow?: (row: LoggedEvaluation) => void,
    memoryBudget = MEMORY_LOG_DOUBLES,
    readonly format: LogFormat = logFormatOf(path),
  ) {
    this.light = new LightRows(problem, memoryBudget);
    this.hash = resume?.verified?.copy() ?? createHash('sha256');
    const sink = (bytes: Uint8Array): void => {
      writeAllSync(this.fd, bytes);
      this.bytes += bytes.length;
    };
    if (resume === undefined) {
      this.fd = openNoFollow(path, constants.O_RDWR | constants.O_CREAT | constants.O_TRUNC);
      this.bytes = 0;
      if (format === 'parquet') {
        this.parquet = new ParquetLogWriter(problem, sink);
        this.parquet.start();
        return;
      }
      const head = Buffer.from(logHeader(problem), 'utf8');
      writeAllSync(this.fd, head);
      this.hash.update(head);
      this.bytes = this.hashed = head.length;
    } else {
      const resumeBytes = resume.bytes;
      refuseSymlink(path);
      const st = existsSync(path) ? statSync(path) : undefined;
      if (st === undefined || !st.isFile() || st.size < resumeBytes) {
        throw new StudyError(
          'BAD_RUN_DIR',
          `${path}: ${st === undefined ? 'missing' : !st.isFile() ? 'not a regular file' : `holds ${st.size} bytes, fewer than the ${resumeBytes} its checkpoint covers`}; the run folder is damaged: start a new run`,
          { file: path },
        );
      }
      truncateSync(path, resumeBytes);
      // The prefix must be the bytes the checkpoint was written after (a row edited, cut or filled with NULs would
      // resume into another run): hashed before a row is parsed, unless the caller already did.
      if (resume.verified === undefined) hashFile(path, this.hash);
      if (this.hash.copy().digest('hex') !== resume.sha256) {
        throw new StudyError(
          'BAD_RUN_DIR',
          `${path}: its first ${resumeBytes} bytes are not the ones checkpoint.json vouches for (sha256 differs: edited or damaged after the checkpoint); the run cannot resume: start a new run`,
          { file: path },
        );
      }
      this.fd = openNoFollow(path, constants.O_RDWR | constants.O_CREAT | constants.O_APPEND);
      this.bytes = this.hashed = resumeBytes;
      // a Parquet log's checkpoint length always ends a footer: the prefix is a whole Parquet file, continued after it
      if (format === 'parquet')
        this.parquet = new ParquetLogWriter(problem, sink, { bytes: resumeBytes, metadata: footerOf(path, this.fd) });
      // Streamed, never held: any run size resumes in bounded memory.
      forEachLogRow(path, problem, (row) => {
        this.count(row);
        onResumedRow?.(row);
      });
    }
  }
  /** Writes the rows still buffered (a Parquet log's row group and footer): what a checkpoint covers. */
  flush(): void {
    this.parquet?.flush();
  }
  append(rows: readonly LoggedEvaluation[]): void {
    if (this.parquet !== undefined) {
      for (const r of rows) if (this.parquet.add(r)) this.parquet.flush();
      for (const row of rows) this.count(row);
      return;
    }
    // Written in pieces of ~32k characters: a generation's rows as one string (720 kB for 1000 ZDT1 rows) would be
    // a large V8 object, garbage that only a full collection frees (the resident size of long runs sawed with it).
    // Every byte or an error (a short write on a nearly full disk would leave a row cut in half).
    let text = '';
    const flush = (): void => {
      // encoded into one reused buffer (a fresh one per piece was most of the log's garbage after the strings);
      // UTF-8 takes at most 3 bytes per UTF-16 unit
      let bytes: Uint8Array;
      if (3 * text.length <= LOG_SCRATCH.length) bytes = LOG_SCRATCH.subarray(0, LOG_SCRATCH.write(text, 0, 'utf8'));
      else bytes = Buffer.from(text, 'utf8');
      writeAllSync(this.fd, bytes);
      this.bytes += bytes.length;
      text = '';
    };
    for (const r of rows) {
      text += logRow(this.problem, r);
      if (text.length >= 32_768) flush();
    }
    if (text.length > 0) flush();
    for (const row of rows) this.count(row);
  }
  private count(row: LoggedEvaluation): void {
    if (this.light !== undefined && !this.light.add(row)) this.light = undefined;
    const c = this.counts;
    c.evaluations++;
    if (row.failure !== null) {
      c.failures++;
      c.failureReasons.set(row.failure, (c.failureReasons.get(row.failure) ?? 0) + 1);
    } else if (row.cv === 0) c.feasible++;
  }
  get byteLength(): number {
    return this.bytes;
  }
  /** sha256 (hex) of every byte written so far: what a checkpoint records of the log. */
  get sha256(): string {
    if (this.hashed < this.bytes) {
      // positional reads (pread): the descriptor's write offset stays where it is; after close(), the file by its path
      const fd = this.closed ? openSync(this.path, 'r') : this.fd;
      try {
        const buf = Buffer.allocUnsafe(Math.min(1 << 20, this.bytes - this.hashed));
        while (this.hashed < this.bytes) {
          const n = readSync(fd, buf, 0, Math.min(buf.length, this.bytes - this.hashed), this.hashed);
          if (!(n > 0))
            throw new Error(
              `${this.path}: the log ends at byte ${this.hashed} of the ${this.bytes} written (cut while the run wrote it)`,
            );
          this.hash.update(buf.subarray(0, n));
          this.hashed += n;
        }
      } finally {
        if (fd !== this.fd) closeSync(fd);
      }
    }
    return this.hash.copy().digest('hex');
  }
  /**
   * Streams the rows written so far (in evaluation order) back from the file. `objectivesOnly`: rows without decision
   * vector and constraint values (empty arrays), less garbage for the history; from memory while they fit there.
   * `transient`: the caller keeps neither a row nor its f beyond the call (rows from memory may then share one object).
   */
  replay(onRow: (row: LoggedEvaluation) => void, objectivesOnly = false, transient = false): void {
    if (objectivesOnly && this.light !== undefined) return this.light.forEach(onRow, transient);
    // a Parquet log's rows still buffered are written first (a row group and its footer: what a checkpoint does)
    if (!this.closed) this.flush();
    forEachLogRow(this.path, this.problem, onRow, { maxBytes: this.bytes, objectivesOnly });
  }
  /**
   * The report's sample of the rows written so far, from memory; undefined once they no longer fit there (read the
   * file).
   */
  sample(): SampledEvaluations | undefined {
    return this.light?.sample();
  }
  close(): void {
    // a Parquet log's buffered rows are written, its buffers left to the process's next log
    if (!this.closed) this.parquet?.close();
    this.closed = true;
    closeSync(this.fd);
  }
}

/** The footer of the log at `path` (open as `fd`), as the checkpoint left it: the file ends there. */
function footerOf(path: string, fd: number): ReturnType<typeof parquetFooter> {
  try {
    return parquetFooter(fileSource(fd, statSync(path).size));
  } catch (e) {
    throw new StudyError(
      'BAD_RUN_DIR',
      `${path}: not a readable evaluation log (${(e as Error).message}); the run folder is damaged: start a new run`,
      { file: path },
    );
  }
}
