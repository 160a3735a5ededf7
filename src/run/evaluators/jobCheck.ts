/**
 * Checks at the distributed run's trust boundaries: what a worker takes off the queue (a job) and what the
 * coordinator takes back (a job's result). Both cross Redis as JSON written by another process, possibly of
 * another build or forged, so nothing is trusted by shape: sizes are bounded before anything is allocated
 * from them, numbers must be numbers, and a result must have exactly the rows the job asked for.
 *
 * JSON has no Infinity: a constraint value of ±Infinity (a design infinitely outside a limit) travels as the
 * string "Infinity" / "-Infinity" and is decoded here; objectives are always finite (src/optimize/types.ts
 * turns a non-finite objective into a failed evaluation).
 */
import type { BatchResult } from './evaluator.js';

/** At most this many designs in one job (a batch is split into ~4 jobs per worker; populations stay far below). */
export const MAX_JOB_DESIGNS = 65_536;
/** At most this many decision variables per design. */
export const MAX_JOB_DIMS = 4_096;
/**
 * At most this many numbers in one job's vectors (count × dims): 2 MB of doubles. The coordinator splits a
 * generation into jobs of at most this many (src/run/evaluators/redisEvaluator.ts), so a population of 100,000 designs
 * of 200 variables is ~77 jobs.
 */
export const MAX_JOB_NUMBERS = 262_144;
/**
 * Longest job data a worker parses [characters of JSON]: MAX_JOB_NUMBERS numbers at 25 characters each (the
 * longest a double prints, e.g. "-1.2345678901234567e-300,") is 6.6 MB, plus the few short fields, under 8 MiB.
 */
export const MAX_JOB_DATA_CHARS = 8 * 2 ** 20;
/**
 * Longest result the coordinator parses [characters of JSON]: a job's statuses, objectives and constraint values at
 * 25 characters a number, with failure reasons, stay far below for any study (a job holds at most MAX_JOB_NUMBERS
 * decision variables, and a design has far fewer objectives and constraints than variables times 64).
 */
export const MAX_RESULT_CHARS = 64 * 2 ** 20;
const OVERSIZE = 'odcOversizeChars';
/** What a job's data or result longer than its cap is replaced with, unparsed (src/run/evaluators/boundedWorker.ts). */
export const oversizeMarker = (chars: number): string => JSON.stringify({ [OVERSIZE]: chars });
/** Length of a job's data or result replaced by `oversizeMarker`, or undefined for any other value. */
export function oversizeOf(value: unknown): number | undefined {
  const n = (value as Record<string, unknown> | null)?.[OVERSIZE];
  return typeof n === 'number' ? n : undefined;
}
/** Longest failure reason a result may carry [characters]. */
const MAX_REASON_CHARS = 4_000;

const HEX64 = /^[0-9a-f]{64}$/;
/** Queue names: what `odc run --queue` accepts (src/run/evaluators/redisUrl.ts). */
export const QUEUE_NAME = /^[A-Za-z0-9._-]{1,64}$/;

/** Data of one job (JSON): what a worker needs besides the package. */
export interface EvaluationJob {
  readonly odcVersion: string;
  readonly queue: string;
  readonly studyHash: string;
  /** Redis key holding the study text (per coordinator, so concurrent runs never share or delete each other's). */
  readonly studyKey: string;
  readonly dims: number;
  readonly count: number;
  /** Decision vectors, flattened. */
  readonly x: number[];
}

/** A job as checked by a worker: its vectors unpacked. */
export type CheckedJob = Omit<EvaluationJob, 'x'> & { readonly x: Float64Array };

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const wholeIn = (v: unknown, lo: number, hi: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi;
const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

/**
 * A job as a worker receives it. The study is named by its Redis key and hash only: the key must be the
 * coordinator's form for that queue and hash (`odc:<queue>:study:<hash>:<run key>`), never a path.
 */
export function checkJob(data: unknown, expectedQueue: string): Checked<CheckedJob> {
  if (!isRecord(data)) return fail('the job is not an object');
  const { odcVersion, queue, studyHash, studyKey, dims, count, x } = data;
  if (typeof odcVersion !== 'string' || odcVersion.length > 64) return fail('odcVersion is not a version string');
  if (queue !== expectedQueue)
    return fail(
      `the job names queue ${JSON.stringify(String(queue)).slice(0, 80)}, this worker serves ${expectedQueue}`,
    );
  if (typeof studyHash !== 'string' || !HEX64.test(studyHash)) return fail('studyHash is not a sha256 hex digest');
  if (
    typeof studyKey !== 'string' ||
    !studyKey.startsWith(`odc:${expectedQueue}:study:${studyHash}:`) ||
    !/^[0-9a-f]{8}$/.test(studyKey.slice(-8)) ||
    studyKey.length !== `odc:${expectedQueue}:study:${studyHash}:`.length + 8
  ) {
    return fail('studyKey is not the key of this queue and study hash');
  }
  if (!wholeIn(dims, 1, MAX_JOB_DIMS)) return fail(`dims must be a whole number in [1, ${MAX_JOB_DIMS}]`);
  if (!wholeIn(count, 1, MAX_JOB_DESIGNS)) return fail(`count must be a whole number in [1, ${MAX_JOB_DESIGNS}]`);
  if (dims * count > MAX_JOB_NUMBERS)
    return fail(`count × dims = ${dims * count} numbers, more than ${MAX_JOB_NUMBERS}`);
  if (!Array.isArray(x) || x.length !== dims * count) return fail(`x must hold count × dims = ${dims * count} numbers`);
  const v = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const n: unknown = x[i];
    if (typeof n !== 'number' || !Number.isFinite(n)) return fail(`x[${i}] is not a finite number`);
    v[i] = n;
  }
  return { ok: true, value: { odcVersion, queue, studyHash, studyKey, dims, count, x: v } };
}

/** A result as the coordinator takes it back, unpacked to the evaluator's plain arrays. */
export interface CheckedResult extends BatchResult {
  readonly worker: string;
  readonly elapsed_ms: number;
}

/** Encodes a constraint value for JSON (±Infinity as strings). */
export const encodeConstraint = (v: number): number | string => (Number.isFinite(v) ? v : String(v));

function decodeConstraint(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (v === 'Infinity') return Number.POSITIVE_INFINITY;
  if (v === '-Infinity') return Number.NEGATIVE_INFINITY;
  return null;
}

/**
 * A job's result: `count` statuses (0 or 1), `count × m` finite objectives and `count × k` constraint values
 * (rows of failed designs padded, values ignored), a reason (string) for every failed design, the worker's
 * name and its elapsed time. Anything else is refused with the first thing found wrong.
 */
export function checkJobResult(value: unknown, count: number, m: number, k: number): Checked<CheckedResult> {
  if (!isRecord(value))
    return fail(
      `the result is ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}, not an object`,
    );
  const oversize = oversizeOf(value);
  if (oversize !== undefined)
    return fail(`the result is ${oversize} characters, more than the ${MAX_RESULT_CHARS} odc reads (not parsed)`);
  const { ok, f, g, reasons, worker, elapsed_ms } = value;
  if (!Array.isArray(ok) || ok.length !== count) return fail(`ok must hold ${count} statuses`);
  if (!Array.isArray(f) || f.length !== count * m) return fail(`f must hold ${count} × ${m} objective values`);
  if (!Array.isArray(g) || g.length !== count * k) return fail(`g must hold ${count} × ${k} constraint values`);
  if (!Array.isArray(reasons) || reasons.length !== count) return fail(`reasons must hold ${count} entries`);
  if (typeof worker !== 'string' || worker.length === 0 || worker.length > 300)
    return fail('worker must name the worker');
  if (typeof elapsed_ms !== 'number' || !Number.isFinite(elapsed_ms) || elapsed_ms < 0)
    return fail('elapsed_ms must be a time ≥ 0');
  const okOut = new Uint8Array(count);
  const fOut = new Float64Array(count * m);
  const gOut = new Float64Array(count * k);
  const reasonsOut: (string | null)[] = new Array<string | null>(count).fill(null);
  for (let i = 0; i < count; i++) {
    const s: unknown = ok[i];
    if (s !== 0 && s !== 1) return fail(`ok[${i}] must be 0 or 1`);
    if (s === 0) {
      const r: unknown = reasons[i];
      if (typeof r !== 'string') return fail(`reasons[${i}] must say why design ${i} failed`);
      reasonsOut[i] = r.length > MAX_REASON_CHARS ? `${r.slice(0, MAX_REASON_CHARS)}…` : r;
      continue;
    }
    okOut[i] = 1;
    for (let j = i * m; j < (i + 1) * m; j++) {
      const n: unknown = f[j];
      if (typeof n !== 'number' || !Number.isFinite(n)) return fail(`f[${j}] is not a finite number`);
      fOut[j] = n;
    }
    for (let j = i * k; j < (i + 1) * k; j++) {
      const n = decodeConstraint(g[j]);
      if (n === null) return fail(`g[${j}] is not a number`);
      gOut[j] = n;
    }
  }
  return { ok: true, value: { ok: okOut, f: fOut, g: gOut, reasons: reasonsOut, worker, elapsed_ms } };
}
