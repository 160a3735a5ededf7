/**
 * BullMQ's Worker and Job, measuring a job's stored text before parsing it. BullMQ hands each job a worker takes to
 * `createJob` with its `data` (and `stacktrace`, `returnvalue`) still as the strings Redis returned, then JSON-parses
 * them: a forged job of 10 million numbers (127 MB of JSON) became a JavaScript array before odc's checks saw it, and
 * the worker peaked at 842 MB. In `BoundedWorker` a `data` longer than MAX_JOB_DATA_CHARS is never parsed: it becomes
 * a small marker (`oversizeOf` in jobCheck.ts reads it) and the worker fails the job at once, without retries (peak
 * 476 MB on the same job). The coordinator reads jobs back through `BoundedJob`, which caps a result the same way.
 *
 * What stays exposed (no BullMQ option reaches it without forking its Lua scripts): the job's whole hash is read off
 * the socket before `createJob` runs, so a forged job of N bytes still costs a worker about 3 N transiently (reply
 * buffer and string), and time: on a loaded machine, reading 127 MB outlasted the 30 s job lock, so such a job is
 * found stalled and offered to the next worker (each refuses it unparsed) rather than failed at once. `opts`, `parent`
 * and `progress` are parsed by BullMQ before `createJob`. Redis bounds N with `proto-max-bulk-len` (512 MB by
 * default); a server serving odc alone can set it to 16mb (jobs are at most MAX_JOB_DATA_CHARS, studies at most the
 * 10 MB YAML cap), and `odc worker` says so when it is larger.
 */
import { Job, Worker, type JobJson } from 'bullmq';
import { MAX_JOB_DATA_CHARS, MAX_RESULT_CHARS, oversizeMarker } from './jobCheck.js';

/**
 * Longest `stacktrace` or `returnvalue` a job taken by a worker may carry (odc workers write neither on a waiting job).
 */
const MAX_SIDE_FIELD_CHARS = 65_536;

export class BoundedWorker extends Worker {
  protected override createJob(json: JobJson, jobId: string): Job {
    const data = json.data;
    const tooLong = typeof data === 'string' && data.length > MAX_JOB_DATA_CHARS;
    const side = (s: string | undefined): boolean => typeof s === 'string' && s.length > MAX_SIDE_FIELD_CHARS;
    if (!tooLong && !side(json.stacktrace) && !side(json.returnvalue)) return super.createJob(json, jobId);
    return super.createJob(
      {
        ...json,
        data: tooLong ? oversizeMarker(data.length) : data,
        ...(side(json.stacktrace) ? { stacktrace: '[]' } : {}),
        ...(side(json.returnvalue) ? { returnvalue: 'null' } : {}),
      },
      jobId,
    );
  }
}

/**
 * The coordinator's view of a job (`BoundedJob.fromId`): a result (returnvalue) longer than MAX_RESULT_CHARS, or job
 * data longer than MAX_JOB_DATA_CHARS (a rogue process rewrote it), is replaced by the marker before BullMQ parses it;
 * checkJobResult refuses the marker like any malformed result.
 */
export class BoundedJob extends Job {
  static override fromJSON<T = unknown, R = unknown, N extends string = string>(
    queue: ConstructorParameters<typeof Job>[0],
    json: JobJson,
    jobId?: string,
  ): Job<T, R, N> {
    const r = json.returnvalue;
    const d = json.data;
    const longResult = typeof r === 'string' && r.length > MAX_RESULT_CHARS;
    const longData = typeof d === 'string' && d.length > MAX_JOB_DATA_CHARS;
    if (!longResult && !longData) return super.fromJSON(queue, json, jobId);
    return super.fromJSON(
      queue,
      {
        ...json,
        ...(longResult ? { returnvalue: oversizeMarker(r.length) } : {}),
        ...(longData ? { data: '{}' } : {}),
      },
      jobId,
    );
  }
}
