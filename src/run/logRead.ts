/**
 * Reading the evaluation log back, the one way every reader does it (a resume, the history, the report's sample, the
 * warm start, the achievability and infeasibility diagnoses, odc export, the explorer's CSV), whichever format the run
 * wrote: evaluations.parquet (the default, ./parquetLog.ts) or evaluations.csv (odc run --log csv, ./log.ts logRow).
 * The log comes back in batches of columns picked by name (a Parquet row group, or LOG_BATCH_ROWS CSV records), in
 * evaluation order and in bounded memory; `forEachLogRow` turns a batch into the evaluations the run logged.
 */
import { closeSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { StudyError } from '../base/errors.js';
import { openRegularFile } from '../base/guardedFile.js';
import type { Problem } from '../optimize/types.js';
import { forEachCsvRecord } from './csvStream.js';
import { logColumns, type LogFormat, type LoggedEvaluation } from './logColumns.js';
import { fileSource, forEachParquetGroup } from './parquetLog.js';

/** The log's file names: final, and partial while the run is going; the default format first. */
export const LOG_FILES = {
  parquet: { final: 'evaluations.parquet', partial: 'evaluations.parquet.partial' },
  csv: { final: 'evaluations.csv', partial: 'evaluations.csv.partial' },
} as const satisfies Record<LogFormat, { final: string; partial: string }>;

/** The format new runs log in unless told otherwise (odc run --log csv). */
export const DEFAULT_LOG_FORMAT: LogFormat = 'parquet';

/** A log file's format, from its name (`.parquet` or `.parquet.partial`: Parquet). */
export const logFormatOf = (path: string): LogFormat => (/\.parquet(\.partial)?$/.test(path) ? 'parquet' : 'csv');

const present = (path: string): boolean => {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
};

/**
 * The run folder's log, `which` (final: a finished run's; partial: a running one's), whichever format it is in;
 * undefined when there is none.
 */
export function runLogFile(runDir: string, which: 'final' | 'partial' = 'final'): string | undefined {
  for (const names of Object.values(LOG_FILES)) {
    const path = join(runDir, names[which]);
    if (present(path)) return path;
  }
  return undefined;
}

/** The format of the run folder's log (final or partial), or undefined when it has none. */
export function runLogFormat(runDir: string): LogFormat | undefined {
  const path = runLogFile(runDir, 'partial') ?? runLogFile(runDir, 'final');
  return path === undefined ? undefined : logFormatOf(path);
}

/**
 * CSV records per batch: few, so that their cell strings die young (4,096 held them into the old generation: a
 * million rows read back in 8.3 s of CPU instead of 5.1).
 */
const LOG_BATCH_ROWS = 256;

/** A batch of the log's rows: the columns picked, by name. */
export interface LogBatch {
  readonly rows: number;
  /** A numeric column (an empty CSV cell or a null: NaN). */
  numbers(name: string): ArrayLike<number>;
  /** A text column (status, reason, a choice variable's option): null where empty. */
  texts(name: string): ArrayLike<string | null>;
}

export interface LogReadOptions {
  /** Read the first `maxBytes` bytes only (a checkpoint's byte length: a Parquet log's then ends with a footer). */
  readonly maxBytes?: number | undefined;
  /** The fix named when the file is damaged (default: run the study again). */
  readonly fix?: string;
}

const DAMAGED = 'the run folder is damaged: run the study again';

/**
 * Streams the log at `path` in batches of the columns `pick` chooses from its header (a column it names that the log
 * lacks is a damaged log; null: read no row). A CSV log's last record without a line end is a cut file, refused; so
 * is a Parquet log without a footer at its end (`maxBytes`). Errors name the file (StudyError BAD_RUN_DIR).
 */
export function forEachLogBatch(
  path: string,
  pick: (header: readonly string[]) => readonly string[] | null,
  onBatch: (batch: LogBatch) => void,
  opts: LogReadOptions = {},
): void {
  const fix = opts.fix ?? DAMAGED;
  if (logFormatOf(path) === 'csv') return forEachCsvBatch(path, pick, onBatch, opts.maxBytes, fix);
  const { fd, size } = openRegularFile(path, {
    what: 'run log',
    maxBytes: Number.MAX_SAFE_INTEGER,
    code: 'BAD_RUN_DIR',
    fix,
  });
  let delivering = false;
  try {
    forEachParquetGroup(fileSource(fd, Math.min(size, opts.maxBytes ?? size)), pick, ({ rows, columns }) => {
      const column = (name: string): Float64Array | readonly (string | null)[] => {
        const c = columns.get(name);
        if (c === undefined) throw new Error(`column ${name} was not read`);
        return c;
      };
      delivering = true;
      onBatch({
        rows,
        numbers: (name) => {
          const c = column(name);
          if (!(c instanceof Float64Array)) throw new Error(`column ${name} holds text, not numbers`);
          return c;
        },
        texts: (name) => {
          const c = column(name);
          if (c instanceof Float64Array) throw new Error(`column ${name} holds numbers, not text`);
          return c;
        },
      });
      delivering = false;
    });
  } catch (e) {
    // the reader's own errors (a callback's pass through): a damaged file is named, never a crash
    if (delivering || e instanceof StudyError) throw e;
    throw new StudyError('BAD_RUN_DIR', `${path}: not a readable evaluation log (${(e as Error).message}); ${fix}`, {
      file: path,
    });
  } finally {
    closeSync(fd);
  }
}

/** A CSV text cell as written (log.ts textCell): the formula guard `'` taken off. */
const unguardCell = (s: string): string => (s.charCodeAt(0) === 39 ? s.slice(1) : s);

/** Thrown to stop reading a CSV log after its header. */
const HEADER_ONLY = Symbol('header only');

/** A CSV log's header record, read on its own (a file cut inside its header still has one); undefined when empty. */
function csvHeader(path: string, maxBytes: number | undefined): string[] | undefined {
  let header: string[] | undefined;
  try {
    forEachCsvRecord(
      path,
      (fields) => {
        header = fields;
        throw HEADER_ONLY;
      },
      maxBytes,
    );
  } catch (e) {
    if (e !== HEADER_ONLY) throw e;
  }
  return header;
}

/** A batch of the first `n` records' cells, `cells[j]` the column `names[j]`. */
function csvBatch(names: readonly string[], cells: readonly string[][], n: number): LogBatch {
  const at = (name: string): string[] => {
    const i = names.indexOf(name);
    if (i < 0) throw new Error(`column ${name} was not read`);
    return cells[i]!;
  };
  return {
    rows: n,
    numbers: (name) => {
      const column = at(name);
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = column[i] === '' ? NaN : Number(column[i]);
      return out;
    },
    texts: (name) => {
      const column = at(name);
      const out = new Array<string | null>(n);
      for (let i = 0; i < n; i++) out[i] = column[i] === '' ? null : unguardCell(column[i]!);
      return out;
    },
  };
}

function forEachCsvBatch(
  path: string,
  pick: (header: readonly string[]) => readonly string[] | null,
  onBatch: (batch: LogBatch) => void,
  maxBytes: number | undefined,
  fix: string,
): void {
  const header = csvHeader(path, maxBytes);
  if (header === undefined) return; // an empty file: no row
  const names = pick(header);
  if (names === null) return;
  const missing = names.filter((n) => !header.includes(n));
  if (missing.length > 0)
    throw new StudyError('BAD_RUN_DIR', `${path}: missing column(s) ${missing.join(', ')}; ${fix}`, { file: path });
  const cells = names.map(() => new Array<string>(LOG_BATCH_ROWS));
  let rows = 0;
  const columns = names.map((n) => header.indexOf(n));
  // every column in the header's order: each record split whole (cutting picked columns costs per column asked)
  const all = columns.length === header.length && columns.every((c, i) => c === i);
  forEachCsvRecord(
    path,
    (fields, record) => {
      if (record === 0 || fields.every((f) => f === '')) return; // the header; a blank line
      for (let j = 0; j < names.length; j++) cells[j]![rows] = fields[j] ?? '';
      if (++rows < LOG_BATCH_ROWS) return;
      onBatch(csvBatch(names, cells, rows));
      rows = 0;
    },
    maxBytes,
    undefined,
    all ? { refuseCutTail: fix } : { columns, refuseCutTail: fix },
  );
  if (rows > 0) onBatch(csvBatch(names, cells, rows));
}

const NONE = new Float64Array(0);

/**
 * Streams the evaluations of the log at `path` (the first `maxBytes` bytes when given), as the run logged them: x
 * (a choice variable's option position), f minimized, g, the violation (Infinity when failed), the failure.
 * `objectivesOnly`: without decision vector and constraint values (empty arrays), the columns they need left unread.
 */
export function forEachLogRow(
  path: string,
  problem: Problem,
  onRow: (row: LoggedEvaluation) => void,
  opts: LogReadOptions & { readonly objectivesOnly?: boolean } = {},
): void {
  const objectivesOnly = opts.objectivesOnly === true;
  const columns = logColumns(problem).filter(
    (c) => !objectivesOnly || (c.role !== 'variable' && c.role !== 'constraint'),
  );
  const name = (role: string): string => columns.find((c) => c.role === role)!.name;
  const { variables, objectives, constraints } = problem;
  const n = objectivesOnly ? 0 : variables.length;
  const k = objectivesOnly ? 0 : constraints.length;
  forEachLogBatch(
    path,
    () => columns.map((c) => c.name),
    (b) => {
      const index = b.numbers(name('index'));
      const generation = b.numbers(name('generation'));
      const status = b.texts(name('status'));
      const violation = b.numbers(name('violation'));
      const reason = b.texts(name('reason'));
      // per variable: a choice's options and its texts, or its numbers
      const xs = variables
        .slice(0, n)
        .map((v) =>
          v.kind === 'choice' ? { options: v.options.map(String), text: b.texts(v.name) } : { num: b.numbers(v.name) },
        );
      const fs = objectives.map((o) => ({ max: o.sense === 'maximize', col: b.numbers(o.name) }));
      const gs = columns.filter((c) => c.role === 'constraint').map((c) => b.numbers(c.name));
      for (let i = 0; i < b.rows; i++) {
        const x = n > 0 ? new Float64Array(n) : NONE;
        for (let j = 0; j < n; j++) {
          const c = xs[j]!;
          x[j] = 'num' in c ? c.num[i]! : c.options.indexOf(c.text[i] ?? '');
        }
        const f = new Float64Array(fs.length);
        for (let j = 0; j < fs.length; j++) f[j] = fs[j]!.max ? -fs[j]!.col[i]! : fs[j]!.col[i]!;
        const g = k > 0 ? new Float64Array(k) : NONE;
        for (let j = 0; j < k; j++) g[j] = gs[j]![i]!;
        const failed = status[i] === 'failed';
        onRow({
          index: index[i]!,
          generation: generation[i]!,
          x,
          f,
          g,
          cv: failed ? Infinity : violation[i]!,
          failure: failed ? (reason[i] ?? '') : null,
        });
      }
    },
    opts,
  );
}
