/**
 * Argument parsers and limits shared by the `odc` commands, and the CLI's output streams: every bad value is a
 * commander InvalidArgumentError naming the option and the fix (exit 2, no stack trace).
 */
import { InvalidArgumentError } from 'commander';
import { QUEUE_NAME } from '../../run/evaluators/jobCheck.js';

export const intArg =
  (name: string, min: number, max = Number.MAX_SAFE_INTEGER, why = '') =>
  (v: string): number => {
    // Number("") and Number("  ") are 0: an empty value is refused, not taken as 0.
    const n = v.trim() === '' ? Number.NaN : Number(v);
    if (!Number.isInteger(n) || n < min)
      throw new InvalidArgumentError(`${name} must be a whole number ≥ ${min}, got "${v}"`);
    if (n > max) throw new InvalidArgumentError(`${name} ${v} is too many: at most ${max}${why}`);
    return n;
  };

/** A relative tolerance: a number ≥ 0 (e.g. 1e-6). */
export const toleranceArg = (v: string): number => {
  const n = v.trim() === '' ? Number.NaN : Number(v);
  if (!Number.isFinite(n) || n < 0)
    throw new InvalidArgumentError(`--tolerance must be a relative tolerance ≥ 0 such as 1e-6, got "${v}"`);
  return n;
};

/** An output path: a name, not an empty string (which would silently mean "the default"). */
export const outArg = (v: string): string => {
  if (v.trim() === '')
    throw new InvalidArgumentError('--out needs a path: give a folder or file name, or drop --out for the default');
  return v;
};

/**
 * Samples an analysis holds in memory with every record metric (~100 numbers each for a node): 100,000 is ~100 MB and
 * puts a probability's Wilson interval within ±0.3 %; more only grows memory.
 */
export const MAX_ANALYSIS_SAMPLES = 100_000;
export const SAMPLES_WHY =
  ' (each sample keeps every record metric in memory; 100,000 already puts a probability within ±0.3 %)';

/** A queue name on a Redis server: BullMQ's key-safe characters, non-empty. */
export const queueArg = (v: string): string => {
  if (!QUEUE_NAME.test(v)) {
    throw new InvalidArgumentError(
      `--queue "${v.slice(0, 80)}" is not a queue name: use 1 to 64 letters, digits, '.', '_' or '-'`,
    );
  }
  return v;
};

/** A finite number (the range is checked where the value is used, with the fix). */
export const floatArg =
  (name: string) =>
  (v: string): number => {
    const n = v.trim() === '' ? Number.NaN : Number(v);
    if (!Number.isFinite(n)) throw new InvalidArgumentError(`${name} must be a number, got "${v}"`);
    return n;
  };

/** Most evaluation threads `odc run --workers` starts (each holds its own models and catalogs). */
export const MAX_WORKERS = 64;

/** Where the CLI writes: stdout, stderr (and its stream, for the progress bar). */
export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
  errStream: NodeJS.WriteStream;
  isTTY: boolean;
  /** Ends the process now (Ctrl-C during odc run); default process.exit. */
  exit?: (code: number) => void;
  /** The exit code of a command that ended normally but without its answer (odc run: NO_FEASIBLE_EXIT); default 0. */
  exitCode?: number;
}

/** odc run's exit code when the run completed but no evaluated design is feasible (docs/runs.md). */
export const NO_FEASIBLE_EXIT = 3;

/** A run or analysis seed: the generator takes a 32-bit seed. */
export const SEED_ARG = intArg('--seed', 0, 4294967295, ' (the generator takes a 32-bit seed)');

/** A repeatable `--set key=value` option's values, in order (odc evaluate, odc run: src/base/yamlSet.ts). */
export const collectSet = (v: string, prev: string[] = []): string[] => [...prev, v];

/** odc run --log: the evaluation log's format. */
export const logFormatArg = (v: string): 'csv' | 'parquet' => {
  if (v === 'csv' || v === 'parquet') return v;
  throw new InvalidArgumentError(`--log ${v}: the evaluation log is csv or parquet`);
};
export const LOG_HELP =
  'evaluation log: parquet (evaluations.parquet, default: typed columns, exact values, read by pandas/polars/DuckDB; odc export <run> --format evaluations-csv writes its CSV) or csv (evaluations.csv, text)';
