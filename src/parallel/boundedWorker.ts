/**
 * A BullMQ Worker that measures a job's stored text before parsing it. BullMQ hands each job it takes to
 * `createJob` with its `data` (and `stacktrace`, `returnvalue`) still as the strings Redis returned, then
 * JSON-parses them; a forged job of 10 million numbers (127 MB of JSON) parsed into a JavaScript array took a
 * worker past 800 MB and blocked its event loop until the job's lock expired, so the job was retried on the next
 * worker. Here a `data` longer than MAX_JOB_DATA_CHARS is never parsed: the job's data becomes a small marker
 * (`oversizeOf` reads it) and the worker fails the job at once, without retries.
 *
 * What stays exposed (no BullMQ option reaches it without forking its Lua scripts): the job's whole hash is read
 * off the socket before `createJob` runs, so a forged job of N bytes still costs the worker about 2–3 N
 * transiently (the reply buffer and its string); `opts`, `parent` and `progress` are parsed by BullMQ before
 * `createJob`. Redis bounds N with `proto-max-bulk-len` (512 MB by default); a server serving odc alone can set it
 * to 16mb (jobs are at most MAX_JOB_DATA_CHARS, study texts at most the 10 MB YAML cap).
 */
import { Worker, type Job, type JobJson } from 'bullmq';
import { MAX_JOB_DATA_CHARS } from './jobCheck.js';

const OVERSIZE = 'odcOversizeChars';
/** Longest `stacktrace` or `returnvalue` a job taken by a worker may carry (odc workers write neither on a waiting job). */
const MAX_SIDE_FIELD_CHARS = 65_536;

/** Length of the data field of a job refused unparsed by `BoundedWorker`, or undefined for any other job. */
export function oversizeOf(data: unknown): number | undefined {
  const n = (data as Record<string, unknown> | null)?.[OVERSIZE];
  return typeof n === 'number' ? n : undefined;
}

export class BoundedWorker extends Worker {
  protected override createJob(json: JobJson, jobId: string): Job {
    const data = json.data;
    const tooLong = typeof data === 'string' && data.length > MAX_JOB_DATA_CHARS;
    const side = (s: string | undefined): boolean => typeof s === 'string' && s.length > MAX_SIDE_FIELD_CHARS;
    if (!tooLong && !side(json.stacktrace) && !side(json.returnvalue)) return super.createJob(json, jobId);
    return super.createJob({
      ...json, data: tooLong ? JSON.stringify({ [OVERSIZE]: data.length }) : data,
      ...(side(json.stacktrace) ? { stacktrace: '[]' } : {}), ...(side(json.returnvalue) ? { returnvalue: 'null' } : {}),
    }, jobId);
  }
}
