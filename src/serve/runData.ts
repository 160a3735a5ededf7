/**
 * One run folder as `odc serve` sees it: its study (variables, objectives, constraints, units, senses, from the
 * folder's study.yaml), every evaluation of its log as typed columns, and its front. The log is evaluations.parquet
 * (read up to its last footer: ./parquetColumns.ts) or evaluations.csv (.partial while the run is going); a CSV log is
 * append-only, so a reread parses only the bytes added since the last one (from the last complete row: a row being
 * written is left for the next poll). A finished run's front is pareto.json's reported front; a running run's is the
 * non-dominated set of its feasible rows so far.
 */
import { closeSync, existsSync, lstatSync, readdirSync, readSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { pathInside } from '../base/paths.js';
import { isStudyError, StudyError } from '../base/errors.js';
import { openRegularFile } from '../base/guardedFile.js';
import { nonDominatedIndices } from '../optimize/pareto/dominance.js';
import { unitOf } from '../node/record/metrics.js';
import { cutTail, splitCsvRecord } from '../run/csvStream.js';
import { loadStudyProblem, type LoadedStudy } from '../run/problem.js';
import { readRunMeta } from '../run/runFolder.js';
import { readParquetColumns } from './parquetColumns.js';
import { LOG_COLUMN, logColumns, logHeader, logRow } from '../run/log.js';
import { LOG_STATUSES } from '../run/logColumns.js';
import { forEachLogRow, LOG_FILES, logFormatOf } from '../run/logRead.js';
import { readParetoFile, type ParetoDesign } from '../run/paretoFile.js';
import type { LpSolver } from '../optimize/lp.js';
import type { RunMeta } from '../run/schemas.js';
import { environmentOf } from './answerFile.js';
import { columnSpans, runHead, type ColumnSpans, type RunHead } from './valueSpan.js';
import { multiSeedAnswerOf, runSummaryOf, type RunAnswer, type RunSummary } from './runSummary.js';

/** Bytes of the log parsed at a time (doubled for a record longer than that). */
const CHUNK_BYTES = 16 * 1024 * 1024;
const DAMAGED = 'the run folder is damaged: run the study again';

/** The run log, a regular file opened without following a link (guardedFile.ts), however large. */
const openLog = (path: string): ReturnType<typeof openRegularFile> =>
  openRegularFile(path, { what: 'run log', maxBytes: Number.MAX_SAFE_INTEGER, code: 'BAD_RUN_DIR', fix: DAMAGED });

/** Status codes of the `status` column. */
export const STATUS = { feasible: 0, infeasible: 1, failed: 2 } as const;

export interface ColumnInfo {
  /** As in evaluations.csv (`g[<constraint>]` for a constraint's g, ≤ 0 when satisfied). */
  readonly name: string;
  readonly role: 'index' | 'generation' | 'status' | 'violation' | 'variable' | 'objective' | 'constraint';
  readonly unit: string;
  /** Objectives: the user's sense (the column holds the value in that sense, as the log does). */
  readonly sense?: 'minimize' | 'maximize';
  /** Choice variables: the options; the column holds the option's position. */
  readonly options?: readonly (string | number)[];
  readonly lower?: number;
  readonly upper?: number;
}

export interface RunInfo extends RunSummary {
  /** Position on the command line (from 0): what the API routes address. */
  readonly id: number;
  /** The run's name in links (runKeys): the same whatever order the runs are given in. */
  readonly key: string;
  readonly name: string;
  readonly kind: 'node' | 'benchmark' | 'constellation';
  readonly status: 'running' | 'complete';
  readonly columns: readonly ColumnInfo[];
  readonly rows: number;
  /** Front from pareto.json (reported, near-duplicates collapsed) or computed from the log (running). */
  readonly frontSource: 'pareto.json' | 'log';
  /** What the front's count is (frontNote): the log's non-dominated designs, or the reported front of the archive. */
  readonly frontNote: string;
  /** Byte length and mtime of the log and checkpoint: the app polls this and refetches when they change. */
  readonly version: string;
  /**
   * A seed folder of a multi-seed run (`odc run --seeds`): the run's answer, the knee of the seeds' union front as
   * `odc run` printed it (its seeds.json), which the seed's own knee (`decision`) is not; null for any other folder.
   */
  readonly runAnswer: RunAnswer | null;
  /**
   * The traffic where the run's answer flies (answer.json `environment`, of the multi-seed folder for a seed folder):
   * its lines as the answer card states them (src/report/decision/answerCard.ts); null without one.
   */
  readonly environment: { readonly source: string; readonly lines: readonly string[] } | null;
  /**
   * The run's files that could not be read as odc writes them (a cut pareto.json or log, a damaged run.json), each
   * named with what was wrong and what is shown instead: the explorer shows the rest of the run and says these.
   */
  readonly damaged: readonly string[];
}

/**
 * The run folders `odc serve` opens for its arguments: a run folder as it is; a multi-seed run's folder (no run.json,
 * its seeds in seed-<s>/: src/run/multiSeed.ts) as its seed folders in seed order, so the explorer shows every seed's
 * evaluations, coloured by run. Anything else is left for ServedRun to refuse.
 */
export function expandRunDirs(dirs: readonly string[]): string[] {
  return dirs.flatMap((dir) => {
    if (existsSync(join(dir, 'run.json'))) return [dir];
    let seeds: number[] = [];
    try {
      seeds = readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const m = /^seed-(\d+)$/.exec(e.name);
        return m !== null && e.isDirectory() && existsSync(join(dir, e.name, 'run.json')) ? [Number(m[1])] : [];
      });
    } catch {
      // not a folder: ServedRun says so
    }
    return seeds.length > 0 ? seeds.sort((a, b) => a - b).map((s) => join(dir, `seed-${s}`)) : [dir];
  });
}

/** A message with each run's absolute folder replaced by the name the page shows for it (ServedRun.shown). */
export function withoutPaths(text: string, runs: readonly { readonly dir: string; readonly shown: string }[]): string {
  return runs.reduce((t, r) => t.split(r.dir).join(r.shown), text);
}

/** What stops serving a folder: not a folder, or not a run (no run.json, study.yaml), or unreadable. */
function notARun(dir: string, why: string): StudyError {
  return new StudyError(
    'BAD_RUN_DIR',
    `${dir}: ${why}; pass a run folder written by odc run (results/<study>/<run-id>)`,
    { file: dir },
  );
}

const GROW = 1.5;

/**
 * Each run folder's key in links: the shortest tail of its resolved path (`b`, then `a/b`, …) that no other folder
 * given shares, so a link names the same run whatever order the folders are given in; a folder given twice gets
 * `#2`, `#3` after its path's tail.
 */
export function runKeys(dirs: readonly string[]): string[] {
  const parts = dirs.map((d) =>
    resolve(d)
      .split(sep)
      .filter((p) => p !== ''),
  );
  const tail = (k: number, n: number): string => parts[k]!.slice(-n).join('/');
  const keys = parts.map((p, k) => {
    for (let n = 1; n < p.length; n++) {
      const t = tail(k, n);
      if (parts.every((q, j) => j === k || q.join('/') === p.join('/') || tail(j, n) !== t)) return t;
    }
    return p.join('/');
  });
  return keys.map((key, k) => {
    const before = keys.slice(0, k).filter((x) => x === key).length;
    return before === 0 ? key : `${key}#${before + 1}`;
  });
}

export class ServedRun {
  readonly id: number;
  readonly key: string;
  /** The folder's absolute path: read by the server, never sent (see `shown`). */
  readonly dir: string;
  /**
   * The folder as the page and its exports name it: relative to the working folder when inside it, else the run's key
   * (docs/explorer.md: no machine path leaves the server).
   */
  readonly shown: string;
  readonly loaded: LoadedStudy;
  readonly columns: ColumnInfo[];
  private meta: RunMeta;
  private data: Float64Array[];
  private n = 0;
  /** Log bytes parsed so far (always at a row boundary). */
  private offset = 0;
  private headerParsed = false;
  /** Column of each log field (header order), -1 for the trailing reason. */
  private fieldColumn: number[] = [];
  private frontCache: { key: string; indices: Int32Array } | undefined;
  /** What was found damaged, by file (the latest message of each): RunInfo.damaged. */
  private readonly damage = new Map<string, string>();
  private paretoCache: { key: string; indices: Int32Array | null } | undefined;
  /** Rows parsed plus resets since the server started: what the spans' cache is keyed on. */
  private logRevision = 0;
  private spansCache: { logRevision: number; spans: ColumnSpans } | undefined;
  /** A Parquet log: where its last footer read ends. */
  private parquetEnd = 0;

  /** `key`: the run's address in links (runKeys); `chunk_bytes`: log bytes parsed at a time (tests cross chunks). */
  constructor(
    id: number,
    dirArg: string,
    lp?: LpSolver,
    key = basename(resolve(dirArg)),
    private readonly chunk_bytes = CHUNK_BYTES,
  ) {
    const dir = resolve(dirArg);
    let st;
    try {
      st = statSync(dir);
    } catch {
      throw notARun(dirArg, 'no such folder');
    }
    if (!st.isDirectory()) throw notARun(dirArg, 'not a folder');
    if (!existsSync(join(dir, 'run.json')) || !existsSync(join(dir, 'study.yaml')))
      throw notARun(dirArg, 'not a run folder (no run.json and study.yaml)');
    this.id = id;
    this.key = key;
    this.dir = dir;
    this.shown = pathInside(process.cwd(), dir) ?? key;
    this.meta = readMeta(dir);
    this.loaded = loadStudyProblem(join(dir, 'study.yaml'), lp);
    this.columns = columnsOf(this.loaded);
    this.data = this.columns.map(() => new Float64Array(1024));
    this.refresh();
  }

  get rows(): number {
    return this.n;
  }

  /** The current log file (final when it exists, else partial), or undefined before the first generation. */
  private logPath(): string | undefined {
    for (const name of [
      LOG_FILES.csv.final,
      LOG_FILES.csv.partial,
      LOG_FILES.parquet.final,
      LOG_FILES.parquet.partial,
    ]) {
      const p = join(this.dir, name);
      try {
        if (lstatSync(p).isFile()) return p;
      } catch {
        // absent
      }
    }
    return undefined;
  }

  /**
   * Reads rows appended since the last call; rereads everything when the log was replaced by a shorter one (a resume
   * truncated it).
   */
  refresh(): void {
    try {
      this.meta = readMeta(this.dir);
    } catch {
      // a run.json being replaced: keep the last one read
    }
    const path = this.logPath();
    if (path === undefined) return;
    if (logFormatOf(path) === 'parquet') return this.readParquet(path);
    try {
      this.readLog(path);
      this.damage.delete('log');
    } catch (e) {
      // a cut log: the rows read so far are shown, the file named
      if (!isStudyError(e)) throw e;
      this.damage.set('log', `${e.message} (the explorer shows its ${this.n} whole rows)`);
    }
  }

  /**
   * A Parquet log (src/run/parquetLog.ts) read up to its last footer: a running log's row group being appended is
   * left out. Its typed columns are copied in (status and options as their codes) when the footer moved.
   */
  private readParquet(path: string): void {
    try {
      const read = readParquetColumns(path, this.columns, this.parquetEnd, DAMAGED);
      if (read === undefined) return;
      [this.data, this.n, this.parquetEnd] = [read.data, read.rows, read.end];
      this.logRevision++;
      this.damage.delete('log');
    } catch (e) {
      // a damaged file is named, never a crash: hyparquet's own errors included
      const why = isStudyError(e)
        ? e.message
        : `${path}: not a readable Parquet log (${(e as Error).message}); ${DAMAGED}`;
      this.damage.set('log', `${why} (the explorer shows its ${this.n} whole rows)`);
    }
  }

  /** The rows read so far as evaluations.csv holds them (a Parquet log's written as a CSV run writes them). */
  logCsv(): Buffer {
    const path = this.logPath();
    if (path === undefined || logFormatOf(path) === 'csv') return this.logBytes();
    const problem = this.loaded.problem;
    const parts = [logHeader(problem)];
    // the rows up to the last footer read (none before the first: a new log holds only its magic)
    if (this.parquetEnd > 0)
      forEachLogRow(path, problem, (r) => parts.push(logRow(problem, r)), { maxBytes: this.parquetEnd });
    return Buffer.from(parts.join(''), 'utf8');
  }

  private readLog(path: string): void {
    // a regular file, opened without following a link (guardedFile.ts); its new bytes are read, however many
    const { fd, size } = openLog(path);
    try {
      if (size < this.offset) {
        this.n = 0;
        // new arrays: a response still sending the old rows (columnsChunks) keeps them as they were
        this.data = this.columns.map(() => new Float64Array(1024));
        this.logRevision++;
        this.offset = 0;
        this.headerParsed = false;
      }
      this.readFrom(fd, size);
      // the final log is complete by construction (renamed from .partial after its last row): bytes left past the
      // last line end mean it was cut, refused as report refuses it, instead of waiting for a row that never comes
      if (path.endsWith(LOG_FILES.csv.final) && this.offset < size) cutTail(path, this.n + 1, DAMAGED);
    } finally {
      closeSync(fd);
    }
  }

  /**
   * Parses the log's complete records between the offset and `size`, a chunk at a time: a 2M-row log is longer than
   * V8's longest string (2^29 characters), and one chunk's text is the parse's only large garbage.
   */
  private readFrom(fd: number, size: number): void {
    let chunk = this.chunk_bytes;
    while (this.offset < size) {
      const want = Math.min(chunk, size - this.offset);
      const buf = Buffer.allocUnsafe(want);
      let got = 0;
      while (got < want) {
        const r = readSync(fd, buf, got, want - got, this.offset + got);
        if (r === 0) break;
        got += r;
      }
      // up to the chunk's last line end: a UTF-8 character never straddles the cut (0x0a is never inside one)
      const end = buf.lastIndexOf(10, got - 1) + 1;
      const used = end > 0 ? this.parse(buf.subarray(0, end)) : 0;
      if (used > 0) continue;
      if (this.offset + got >= size) return; // only a row being written (or a cut one) is left
      chunk *= 2; // a record longer than the chunk
    }
  }

  /** Parses complete records of `bytes` (a quoted field may hold a newline) and moves the offset past them. */
  private parse(bytes: Buffer): number {
    const text = bytes.toString('utf8');
    let start = 0;
    let inQuotes = false;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 34) inQuotes = !inQuotes;
      else if (c === 10 && !inQuotes) {
        const line = text.charCodeAt(i - 1) === 13 ? text.slice(start, i - 1) : text.slice(start, i);
        this.record(line);
        start = i + 1;
      }
    }
    const used = start === text.length ? bytes.length : Buffer.byteLength(text.slice(0, start), 'utf8');
    this.offset += used;
    return used;
  }

  private record(line: string): void {
    if (!this.headerParsed) {
      const header = splitCsvRecord(line);
      const byName = new Map(this.columns.map((c, k) => [c.name, k]));
      byName.set(LOG_COLUMN.index, 0);
      this.fieldColumn = header.map((h) => byName.get(h) ?? -1);
      this.headerParsed = true;
      return;
    }
    if (this.n === this.data[0]!.length) this.data = this.data.map((col) => grow(col, Math.ceil(col.length * GROW)));
    const fields = line.includes('"') ? splitCsvRecord(line) : line.split(',');
    const r = this.n;
    for (const col of this.data) col[r] = NaN;
    for (let f = 0; f < fields.length; f++) {
      const k = this.fieldColumn[f] ?? -1;
      if (k < 0) continue;
      const info = this.columns[k]!;
      const cell = fields[f]!;
      let v: number;
      if (info.role === 'status')
        v = cell === 'feasible' ? STATUS.feasible : cell === 'infeasible' ? STATUS.infeasible : STATUS.failed;
      else if (info.options !== undefined) {
        const text = cell.charCodeAt(0) === 39 ? cell.slice(1) : cell;
        v = info.options.findIndex((o) => String(o) === text);
        if (v < 0) v = NaN;
      } else v = cell === '' ? NaN : Number(cell);
      this.data[k]![r] = v;
    }
    this.n++;
    this.logRevision++;
  }

  info(): RunInfo {
    // read seeds.json once: the run's answer and where the environment's answer.json lives both follow from it
    const runAnswer = multiSeedAnswerOf(this.dir);
    return {
      id: this.id,
      key: this.key,
      name: this.loaded.name,
      kind: this.loaded.kind,
      status: this.meta.status,
      columns: this.columns,
      rows: this.n,
      ...frontOf(this.meta, this.paretoFront() !== null),
      version: this.version(),
      ...runSummaryOf(this.meta, this.dir),
      runAnswer,
      environment: environmentOf(runAnswer !== null ? dirname(this.dir) : this.dir),
      damaged: [...this.damage.values()].map((m) => m.split(this.dir).join(this.shown)),
    };
  }

  /** The log's bytes up to its last complete row parsed (header included): what the columns were read from. */
  logBytes(): Buffer {
    const path = this.logPath();
    if (path === undefined) return Buffer.alloc(0);
    const { fd, size } = openLog(path);
    try {
      const buf = Buffer.allocUnsafe(Math.min(size, this.offset));
      let got = 0;
      while (got < buf.length) {
        const r = readSync(fd, buf, got, buf.length - got, got);
        if (r === 0) break;
        got += r;
      }
      return buf.subarray(0, got);
    } finally {
      closeSync(fd);
    }
  }

  /** Changes whenever the log, the checkpoint or run.json changes (size or mtime). */
  version(): string {
    const parts = [...Object.values(LOG_FILES).flatMap((f) => [f.final, f.partial]), 'checkpoint.json', 'run.json'].map(
      (name) => {
        try {
          const s = statSync(join(this.dir, name));
          return `${s.size}.${s.mtimeMs}`;
        } catch {
          return '-';
        }
      },
    );
    return parts.join('/');
  }

  /** Column `k` of the first `rows` rows. */
  column(k: number): Float64Array {
    return this.data[k]!.subarray(0, this.n);
  }

  /**
   * All columns, column after column, as little-endian Float64 bytes (rows = bytes / 8 / columns): one view per column
   * of the run's own arrays, written to the response as they are (no copy of the whole, whose fresh memory took
   * ~1.1 s a 200 MB at a million rows). Rows below `rows` are never written again: new rows go past them or into
   * grown arrays, and a log read again from its start into new arrays.
   */
  columnsChunks(): Buffer[] {
    return this.data.map((col) => Buffer.from(col.buffer, col.byteOffset, this.n * 8));
  }

  /** The first `rows` evaluations that did not fail, their counts and the columns' spans (valueSpan.ts runHead). */
  head(rows: number): RunHead {
    const status = this.data[this.columns.findIndex((c) => c.role === 'status')]!;
    if (this.spansCache?.logRevision !== this.logRevision)
      this.spansCache = { logRevision: this.logRevision, spans: columnSpans(this.data, this.n, status, STATUS.failed) };
    return runHead(this.data, this.n, status, STATUS.failed, rows, this.spansCache.spans);
  }

  /** Row of a design's evaluation index (the `eval` column), or -1. */
  rowOf(evalIndex: number): number {
    const idx = this.data[0]!;
    if (evalIndex < this.n && idx[evalIndex] === evalIndex) return evalIndex;
    for (let r = 0; r < this.n; r++) if (idx[r] === evalIndex) return r;
    return -1;
  }

  /** The decision vector of a row, in the Problem's encoding (choice → option position). */
  decisionVector(row: number): Float64Array {
    const vars = this.columns.map((c, k) => (c.role === 'variable' ? k : -1)).filter((k) => k >= 0);
    return Float64Array.from(vars, (k) => this.data[k]![row]!);
  }

  /** Evaluation indices of the front. */
  front(): Int32Array {
    const key = `${this.meta.status}:${this.n}`;
    if (this.frontCache?.key === key) return this.frontCache.indices;
    const indices = (this.meta.status === 'complete' ? this.paretoFront() : null) ?? this.logFront();
    this.frontCache = { key, indices };
    return indices;
  }

  /**
   * pareto.json's front (evaluation indices), or null without one; a pareto.json that is not what odc writes (cut,
   * emptied) is named in RunInfo.damaged and the front is then the log's.
   */
  private paretoFront(): Int32Array | null {
    let key: string;
    try {
      const st = statSync(join(this.dir, 'pareto.json'));
      key = `${st.size}:${st.mtimeMs}`;
    } catch {
      return null; // none (yet)
    }
    if (this.paretoCache?.key !== key) {
      let indices: Int32Array | null = null;
      try {
        indices = paretoIndices(this.dir);
        this.damage.delete('pareto');
      } catch (e) {
        if (!isStudyError(e)) throw e;
        this.damage.set('pareto', `${e.message} (the front shown is the log's non-dominated feasible designs)`);
      }
      this.paretoCache = { key, indices };
    }
    return this.paretoCache.indices;
  }

  /** Non-dominated feasible rows of the log (objectives minimized), as evaluation indices. */
  private logFront(): Int32Array {
    const objs = this.columns.map((c, k) => (c.role === 'objective' ? k : -1)).filter((k) => k >= 0);
    const status = this.data[this.columns.findIndex((c) => c.role === 'status')]!;
    const rows: number[] = [];
    for (let r = 0; r < this.n; r++) if (status[r] === STATUS.feasible) rows.push(r);
    const m = objs.length;
    const F = new Float64Array(rows.length * m);
    rows.forEach((r, i) =>
      objs.forEach((k, j) => {
        F[i * m + j] = this.columns[k]!.sense === 'maximize' ? -this.data[k]![r]! : this.data[k]![r]!;
      }),
    );
    const nd = nonDominatedIndices(F, rows.length, m);
    return Int32Array.from(nd, (i) => this.data[0]![rows[i]!]!);
  }

  /** The design of pareto.json with this evaluation index, while the run's folder holds a pareto.json. */
  paretoDesign(evalIndex: number): ParetoDesign | undefined {
    if (!existsSync(join(this.dir, 'pareto.json'))) return undefined;
    return readParetoFile(join(this.dir, 'pareto.json'), 'BAD_RUN_DIR', DAMAGED).designs.find(
      (d) => d.index === evalIndex,
    );
  }
}

function grow(a: Float64Array, length: number): Float64Array {
  const b = new Float64Array(length);
  b.set(a);
  return b;
}

/**
 * Where the front comes from and what its count means: while a run goes, the non-dominated feasible designs of its
 * log; once complete, pareto.json's reported front, the archive with near-duplicates collapsed (src/run/results.ts
 * reportedFront), so the count can drop at completion.
 */
export function frontOf(meta: RunMeta, hasPareto: boolean): Pick<RunInfo, 'frontSource' | 'frontNote'> {
  if (meta.status !== 'complete' || !hasPareto)
    return {
      frontSource: 'log',
      frontNote:
        "the non-dominated feasible designs of the log so far; once the run completes, the front is pareto.json's, " +
        'the archive with near-duplicates collapsed, and usually smaller',
    };
  const archive = meta.result?.archiveSize;
  const reported = meta.result?.paretoSize;
  const collapsed = archive !== undefined && reported !== undefined ? archive - reported : 0;
  return {
    frontSource: 'pareto.json',
    frontNote:
      collapsed > 0
        ? `pareto.json's reported front: the archive's ${archive} non-dominated designs with ${collapsed} ` +
          'near-duplicates collapsed (ε-box dominance, Laumanns et al. 2002; odc report lists the rule)'
        : "pareto.json's reported front: the archive's non-dominated designs",
  };
}

function readMeta(dir: string): RunMeta {
  return readRunMeta(join(dir, 'run.json'), 'the run folder is damaged or was not written by odc run');
}

function paretoIndices(dir: string): Int32Array {
  return Int32Array.from(readParetoFile(join(dir, 'pareto.json'), 'BAD_RUN_DIR', DAMAGED).designs, (d) => d.index);
}

/** The log's columns (src/run/log.ts logColumns) but the failure reason, with units, senses, options and bounds. */
export function columnsOf(loaded: LoadedStudy): ColumnInfo[] {
  return logColumns(loaded.problem).flatMap((c): ColumnInfo[] => {
    const name = c.name;
    if (c.role === 'reason') return [];
    if (c.role === 'status') return [{ name, role: 'status', unit: '-', options: LOG_STATUSES }];
    if (c.role === 'objective') return [{ name, role: 'objective', unit: unitOf(name), sense: c.objective.sense }];
    if (c.role !== 'variable') return [{ name, role: c.role, unit: '-' }];
    const v = c.variable;
    return [
      v.kind === 'choice'
        ? { name, role: 'variable', unit: '-', options: v.options }
        : { name, role: 'variable', unit: v.unit ?? unitOf(name), lower: v.lower, upper: v.upper },
    ];
  });
}
