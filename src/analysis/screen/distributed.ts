/**
 * `odc screen --redis`: a screen split by own satellites over `odc worker` processes (the engine of distributed runs,
 * docs/distributed.md). The coordinator stores the catalogue's usable element sets once, under a key named by their
 * sha256; each job holds a chunk of own element sets (SCREEN_CHUNK), its offset, the window and the distance: data
 * only, checked by the worker before use (checkScreenJob). At most `inFlight` jobs sit in Redis at a time, one added
 * as another finishes; each finished job's result is checked (indices in range, finite numbers: checkScreenResult),
 * folded into the tally (./tally.ts) and removed. So the coordinator, Redis and every worker hold a bounded amount
 * whatever the number of own satellites: the own sets too are made chunk by chunk as jobs are added (OwnSets; a
 * constellation's from its generator), so the coordinator holds none beyond the chunks in flight. The result is the
 * in-process screen's byte for byte: each own satellite's events are the same whichever chunk holds it
 * (src/constellation/catalogue/screen.ts finds every event of its pairs), and the tally does not depend on the order
 * in which jobs finish. A job refused (another odc version) or failed JOB_ATTEMPTS times stops the screen.
 */
import { createHash, randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { StudyError } from '../../base/errors.js';
import type { ElementSet } from '../../constellation/catalogue/elementSets.js';
import {
  SCREEN_CHUNK,
  type Prepared,
  type RawEvent,
  type ScreenOptions,
} from '../../constellation/catalogue/screen.js';
import { BoundedJob } from '../../run/evaluators/boundedWorker.js';
import { oversizeOf, type Checked } from '../../run/evaluators/jobCheck.js';
import { redisClient, watchRedisClient } from '../../run/evaluators/redisConnection.js';
import { JOB_ATTEMPTS, REFUSED } from '../../run/evaluators/redisEvaluator.js';
import { queueName, redactRedisUrl } from '../../run/evaluators/redisUrl.js';
import type { ScreenTally } from './tally.js';

/** BullMQ job name of a screen's chunk (an evaluation job is named `evaluate`). */
export const SCREEN_JOB = 'screen';
export { SCREEN_CHUNK };
/** Catalogue sets a stored catalogue may hold (the snapshot has ~19,000). */
const MAX_CATALOGUE_SETS = 1_000_000;
const POLL_ms = 100;

export interface ScreenJob {
  readonly odcVersion: string;
  readonly queue: string;
  readonly catalogueKey: string;
  readonly catalogueHash: string;
  readonly opts: ScreenOptions;
  readonly offset: number;
  readonly own: readonly ElementSet[];
}

/** Own element sets made on demand: `count` of them; `from(i)` yields them from the i-th on, in order. */
export interface OwnSets {
  readonly count: number;
  from(i: number): Iterator<ElementSet>;
}

export interface RedisScreen {
  readonly url: string;
  readonly queue: string;
  readonly odcVersion: string;
  /** Own satellites per job (default SCREEN_CHUNK). */
  readonly chunk?: number;
}

export interface ScreenJobResult {
  /** Own indices are the job's set indices plus its offset; catalogue indices, the stored catalogue's. */
  readonly events: readonly RawEvent[];
  readonly unpropagable: number;
  readonly worker: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Why `sets` is not a list of at most `max` element sets (TLE lines, or OMM records of numbers and strings). */
export function elementSetsFault(sets: unknown, max: number): string | null {
  if (!Array.isArray(sets) || sets.length > max) return `not a list of at most ${max} element sets`;
  for (const s of sets as unknown[]) {
    if (!isRecord(s) || !finite(s['norad']) || !finite(s['epoch_ms']) || typeof s['name'] !== 'string')
      return 'an element set lacks its norad, name or epoch_ms';
    const src = s['source'];
    if (!isRecord(src)) return 'an element set lacks its source';
    const tle = src['tle'];
    const omm = src['omm'];
    if (Array.isArray(tle)) {
      if (tle.length !== 2 || !tle.every((l) => typeof l === 'string' && l.length <= 80)) return 'a TLE is not 2 lines';
    } else if (isRecord(omm)) {
      const values = Object.values(omm);
      if (values.length > 64 || !values.every((v) => finite(v) || (typeof v === 'string' && v.length <= 80)))
        return 'an OMM record holds other than numbers and short strings';
    } else return 'an element set is neither TLE nor OMM';
  }
  return null;
}

/** The job's data when a worker may run it (checked before anything is prepared from it). */
export function checkScreenJob(data: unknown, expectedQueue: string): Checked<ScreenJob> {
  if (!isRecord(data)) return fail('the job is not an object');
  const { odcVersion, queue, catalogueKey, catalogueHash, opts, offset, own } = data;
  if (typeof odcVersion !== 'string' || odcVersion.length > 64) return fail('odcVersion is not a version string');
  if (queue !== expectedQueue) return fail(`the job names another queue than ${expectedQueue}`);
  if (typeof catalogueKey !== 'string' || !catalogueKey.startsWith(`odc:${expectedQueue}:screen:`))
    return fail('catalogueKey is not a screen key of this queue');
  if (typeof catalogueHash !== 'string' || !/^[0-9a-f]{64}$/.test(catalogueHash)) return fail('bad catalogueHash');
  if (!isRecord(opts) || !finite(opts['start_ms']) || !finite(opts['span_s']) || !finite(opts['threshold_km']))
    return fail('opts lacks start_ms, span_s or threshold_km');
  const step = opts['step_s'] ?? 60;
  if (!(finite(step) && step > 0 && step <= 120 && (opts['span_s'] as number) > 0) || (opts['span_s'] as number) > 4e7)
    return fail('opts: the span or step is out of range');
  if (!(Number.isInteger(offset) && (offset as number) >= 0)) return fail('offset is not a count');
  const why = elementSetsFault(own, SCREEN_CHUNK);
  if (why !== null) return fail(`own: ${why}`);
  return { ok: true, value: data as unknown as ScreenJob };
}

/** A worker's result when every event names a satellite of the job and an object of the catalogue. */
export function checkScreenResult(
  r: unknown,
  offset: number,
  count: number,
  catalogue: number,
): Checked<ScreenJobResult> {
  const oversize = oversizeOf(r);
  if (oversize !== undefined) return fail(`the result is ${oversize} characters (not parsed)`);
  if (!isRecord(r) || !Array.isArray(r['events']) || !Number.isInteger(r['unpropagable']))
    return fail('the result lacks events or unpropagable');
  for (const e of r['events'] as unknown[]) {
    if (
      !isRecord(e) ||
      !(Number.isInteger(e['own']) && (e['own'] as number) >= offset && (e['own'] as number) < offset + count) ||
      !(Number.isInteger(e['cat']) && (e['cat'] as number) >= 0 && (e['cat'] as number) < catalogue) ||
      !finite(e['tca_ms']) ||
      !(finite(e['miss_m']) && e['miss_m'] >= 0) ||
      !finite(e['relativeSpeed_m_s'])
    )
      return fail('an event is malformed or names a satellite outside the job');
  }
  return { ok: true, value: { ...(r as unknown as ScreenJobResult), worker: String(r['worker'] ?? 'unknown') } };
}

/** The stored catalogue's text and key: the usable sets as JSON, named by their sha256. */
export function storedCatalogue(cat: readonly Prepared[], queue: string): { key: string; hash: string; text: string } {
  const text = JSON.stringify(cat.map((c) => c.set));
  const hash = createHash('sha256').update(text).digest('hex');
  return { key: `odc:${queue}:screen:${hash}:${randomUUID().slice(0, 8)}`, hash, text };
}

/** A stored catalogue read back by a worker, its hash and its sets' shape checked; a string says why not. */
export function readStoredCatalogue(text: string | null, job: Readonly<ScreenJob>): ElementSet[] | string {
  if (text === null) return "the screen's catalogue is not in Redis (the screen ended)";
  const hash = createHash('sha256').update(text).digest('hex');
  if (hash !== job.catalogueHash) return "the stored catalogue's hash is not the job's";
  const sets = JSON.parse(text) as unknown;
  const why = elementSetsFault(sets, MAX_CATALOGUE_SETS);
  return why === null ? (sets as ElementSet[]) : `the stored catalogue: ${why}`;
}

/** One screen's jobs on the queue: added up to a bound, polled, their results folded into the tally. */
class ScreenJobs {
  readonly size: number;
  readonly jobs: number;
  readonly pending = new Map<string, number>(); // job id → chunk
  next = 0;
  done = 0;
  unpropagable = 0;
  /** Where the own sets are being read: the next set's index and the iterator. */
  private cursor: { at: number; sets: Iterator<ElementSet> } | null = null;

  constructor(
    private readonly queue: Queue,
    private readonly stored: ReturnType<typeof storedCatalogue>,
    private readonly own: OwnSets,
    private readonly catalogue: number,
    private readonly opts: ScreenOptions,
    private readonly redis: Readonly<RedisScreen>,
  ) {
    this.size = Math.max(1, Math.min(SCREEN_CHUNK, redis.chunk ?? SCREEN_CHUNK));
    this.jobs = Math.ceil(own.count / this.size);
  }

  /** Own sets `from` … `from + n − 1`, read on from the last chunk's end (from the start again for a lost job). */
  private take(from: number, n: number): ElementSet[] {
    if (this.cursor?.at !== from) this.cursor = { at: from, sets: this.own.from(from) };
    const out: ElementSet[] = [];
    for (let r: IteratorResult<ElementSet>; out.length < n && !(r = this.cursor.sets.next()).done;) out.push(r.value);
    this.cursor.at += out.length;
    return out;
  }

  async add(chunk: number): Promise<void> {
    const { size } = this;
    const data: ScreenJob = {
      odcVersion: this.redis.odcVersion,
      queue: this.redis.queue,
      catalogueKey: this.stored.key,
      catalogueHash: this.stored.hash,
      opts: this.opts,
      offset: chunk * size,
      own: this.take(chunk * size, size),
    };
    const id = `screen-${this.stored.key.slice(-8)}-${chunk}`;
    await this.queue.add(SCREEN_JOB, data, {
      jobId: id,
      attempts: JOB_ATTEMPTS,
      removeOnComplete: false,
      removeOnFail: false,
    });
    this.pending.set(id, chunk);
  }

  /** Folds the finished jobs' results into `tally` and removes them; a job Redis lost is added again. */
  async poll(tally: ScreenTally): Promise<void> {
    for (const [id, chunk] of [...this.pending]) {
      const job = await BoundedJob.fromId(this.queue, id);
      if (job === undefined || job === null) {
        this.pending.delete(id);
        await this.add(chunk);
        continue;
      }
      if (job.failedReason?.startsWith(REFUSED) === true || (job.finishedOn !== undefined && job.failedReason))
        throw new StudyError('BAD_ARGUMENT', `screen job ${id} failed: ${job.failedReason}`);
      if (job.finishedOn === undefined) continue;
      const offset = chunk * this.size;
      const count = Math.min(this.size, this.own.count - offset);
      const r = checkScreenResult(job.returnvalue, offset, count, this.catalogue);
      if (!r.ok) throw new StudyError('BAD_ARGUMENT', `screen job ${id}: a malformed result (${r.reason})`);
      tally.add(r.value.events);
      this.unpropagable += r.value.unpropagable;
      await job.remove();
      this.pending.delete(id);
      this.done++;
    }
  }
}

/**
 * Screens `own` against `cat` on the workers of `redis.queue`, folding each job's events into `tally`; the count of own
 * sets the workers could not propagate is returned. `onProgress(share)` as jobs finish.
 */
export async function screenOnRedis(
  own: OwnSets,
  cat: readonly Prepared[],
  opts: ScreenOptions,
  redis: Readonly<RedisScreen>,
  tally: ScreenTally,
  onProgress?: (share: number) => void,
): Promise<{ unpropagable: number }> {
  const client = redisClient(redis.url);
  const fatal = watchRedisClient(client, redis.url, () => undefined);
  const queue = new Queue(queueName(redis.queue), { connection: client });
  queue.on('error', () => undefined);
  const stored = storedCatalogue(cat, redis.queue);
  const run = new ScreenJobs(queue, stored, own, cat.length, opts, redis);
  try {
    await client.set(stored.key, stored.text);
    const inFlight = Math.max(4, 3 * (await queue.getWorkersCount()));
    while (run.done < run.jobs) {
      const reason = fatal();
      if (reason !== null) throw new StudyError('BAD_ARGUMENT', `Redis at ${redactRedisUrl(redis.url)}: ${reason}`);
      while (run.next < run.jobs && run.pending.size < inFlight) await run.add(run.next++);
      await new Promise((r) => setTimeout(r, POLL_ms));
      const before = run.done;
      await run.poll(tally);
      if (run.done > before) onProgress?.(run.done / run.jobs);
    }
    return { unpropagable: run.unpropagable };
  } finally {
    await Promise.all([...run.pending.keys()].map((id) => queue.remove(id).catch(() => undefined)));
    await client.del(stored.key).catch(() => undefined);
    await queue.close().catch(() => undefined);
    client.disconnect();
  }
}
