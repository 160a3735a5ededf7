/**
 * Distributed evaluation on Redis with BullMQ: the coordinator's side. The ask/tell loop and the seed stay
 * in the coordinator; each batch (a generation) becomes jobs of plain data — the study's hash, the odc
 * version and decision vectors, never code — that `odc worker` processes on any machine. The study itself
 * (the run folder's self-contained study.yaml) is stored once under a key named by its hash.
 * Results are those of a local run, byte for byte: an evaluation is a pure function of the decision vector
 * and results are put back in input order, whatever worker computed them.
 * Faults: stalled jobs are taken by another worker, vanished jobs added again, malformed results discarded and
 * re-queued (src/run/evaluators/jobCheck.ts); an unreachable Redis (`reconnectTimeout_s`), a version or study
 * mismatch, a job failed `JOB_ATTEMPTS` times, `MAX_BAD_RESULTS` bad results or an authentication, TLS or
 * database-index error stop the run. Jobs, results and the study key are removed when the run ends.
 * Each fault and its handling: docs/runs.md §"Redis evaluator".
 */
import { pushAll } from '../../base/arrays.js';
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { BoundedJob } from './boundedWorker.js';
import type { Redis } from 'ioredis';
import { StudyError } from '../../base/errors.js';
import type { Evaluation } from '../../optimize/types.js';
import { unpackBatch, type Evaluator, type RemoteStatus, type WorkerRate } from './evaluator.js';
import {
  checkJobResult,
  MAX_JOB_DESIGNS,
  MAX_JOB_NUMBERS,
  type CheckedResult,
  type EvaluationJob,
} from './jobCheck.js';
import { redisClient, watchRedisClient } from './redisConnection.js';
import { queueName, redactRedisUrl, studyKey } from './redisUrl.js';

export type { EvaluationJob } from './jobCheck.js';

/** A worker's answer: the batch result as arrays, and who computed it how fast (constraint values: jobCheck.ts). */
export interface EvaluationJobResult {
  readonly ok: number[];
  readonly f: number[];
  readonly g: (number | string)[];
  readonly reasons: (string | null)[];
  readonly worker: string;
  readonly elapsed_ms: number;
}

export interface RedisEvaluatorOptions {
  readonly url: string;
  readonly queue: string;
  readonly studyText: string;
  readonly studyHash: string;
  readonly odcVersion: string;
  readonly objectives: number;
  readonly constraints: number;
  /** Stop when Redis stays unreachable this long [s] (default 30). */
  readonly reconnectTimeout_s?: number;
}

const POLL_MIN_ms = 20;
const POLL_MAX_ms = 100;
export const REFUSED = 'odc-refused:';
/** Attempts BullMQ gives a job whose worker throws before the run stops on it. */
export const JOB_ATTEMPTS = 3;
/** Malformed results accepted for one job (each discarded and the job queued again) before the run stops. */
export const MAX_BAD_RESULTS = 3;
const RESUME = 'fix or stop that worker, then continue with odc run --resume <run-dir> --redis <url>';
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Designs per job: ~4 jobs per worker, none over the MAX_JOB_NUMBERS numbers or MAX_JOB_DESIGNS designs a worker
 * accepts.
 */
export const designsPerJob = (designs: number, dims: number, workers: number): number =>
  Math.max(
    1,
    Math.min(Math.ceil(designs / (4 * Math.max(1, workers))), Math.floor(MAX_JOB_NUMBERS / dims), MAX_JOB_DESIGNS),
  );

/** A job as queued: its id and data. */
interface QueuedJob {
  readonly id: string;
  readonly data: EvaluationJob;
}

/** Stops the run when a worker refused the job or it failed with no attempts left. */
function throwIfFailed(job: BoundedJob): void {
  if (job.failedReason?.startsWith(REFUSED)) {
    throw new StudyError(
      'BAD_RUN_DIR',
      `a worker refused the run's jobs: ${job.failedReason.slice(REFUSED.length).trim()}`,
    );
  }
  if (job.finishedOn !== undefined && job.failedReason) {
    throw new StudyError(
      'BAD_RUN_DIR',
      `job ${job.id} failed ${job.attemptsMade} time(s)${job.processedBy ? ` (last on worker ${job.processedBy})` : ''}: ${job.failedReason}; ${RESUME}`,
    );
  }
}

/** The worker that processed a job, as BullMQ or the result says. */
function resultWorker(job: BoundedJob): string {
  return (
    job.processedBy ??
    (typeof (job.returnvalue as { worker?: unknown } | null)?.worker === 'string'
      ? String((job.returnvalue as { worker: string }).worker)
      : 'unknown')
  );
}

export class RedisEvaluator implements Evaluator {
  readonly workers = -1; // remote: the count is whatever connects
  private readonly client: Redis;
  private readonly queue: Queue;
  private readonly runKey = randomUUID().slice(0, 8);
  private readonly studyKey: string;
  private batches = 0;
  private readonly fatal: () => string | null;
  private ready: Promise<void> | null = null;
  private readonly perWorker = new Map<string, { evaluations: number; busy_ms: number }>();

  constructor(private readonly opts: RedisEvaluatorOptions) {
    this.studyKey = `${studyKey(opts.queue, opts.studyHash)}:${this.runKey}`;
    this.client = redisClient(opts.url);
    // reconnects are handled by withRedis below; errors that reconnecting cannot cure stop the run at once
    this.fatal = watchRedisClient(this.client, opts.url, () => undefined);
    this.queue = new Queue(queueName(opts.queue), { connection: this.client });
    this.queue.on('error', () => undefined);
  }

  /** Evaluations per worker so far, for the progress display. */
  rates(): WorkerRate[] {
    return [...this.perWorker].map(([worker, s]) => ({
      worker,
      evaluations: s.evaluations,
      evaluationsPerSecond: s.busy_ms > 0 ? (1000 * s.evaluations) / s.busy_ms : 0,
    }));
  }

  async connectedWorkers(): Promise<number> {
    return this.withRedis(() => this.queue.getWorkersCount());
  }

  async remoteStatus(): Promise<RemoteStatus> {
    return { connected: await this.connectedWorkers(), rates: this.rates() };
  }

  async evaluate(batch: readonly Float64Array[]): Promise<Evaluation[]> {
    if (batch.length === 0) return [];
    this.ready ??= this.withRedis(async () => void (await this.client.set(this.studyKey, this.opts.studyText)));
    await this.ready;
    const dims = batch[0]!.length;
    const workers = Math.max(1, await this.connectedWorkers());
    const jobs = this.batchJobs(batch, designsPerJob(batch.length, dims, workers));
    await this.withRedis(() => this.add(jobs));
    const results = await this.collect(jobs);
    const out: Evaluation[] = [];
    for (const j of jobs) {
      const r = results.get(j.id)!;
      const s = this.perWorker.get(r.worker) ?? { evaluations: 0, busy_ms: 0 };
      this.perWorker.set(r.worker, { evaluations: s.evaluations + r.ok.length, busy_ms: s.busy_ms + r.elapsed_ms });
      pushAll(out, unpackBatch(r, this.opts.objectives, this.opts.constraints));
    }
    await this.withRedis(() => Promise.all(jobs.map((j) => this.queue.remove(j.id))));
    return out;
  }

  /** The batch cut into jobs of `size` designs, with ids unique to this run and batch. */
  private batchJobs(batch: readonly Float64Array[], size: number): QueuedJob[] {
    const dims = batch[0]!.length;
    const b = this.batches++;
    const jobs: QueuedJob[] = [];
    for (let start = 0, k = 0; start < batch.length; start += size, k++) {
      const part = batch.slice(start, start + size);
      const x: number[] = [];
      for (const v of part) pushAll(x, v);
      jobs.push({
        id: `${this.runKey}-${b}-${k}`,
        data: {
          odcVersion: this.opts.odcVersion,
          queue: this.opts.queue,
          studyHash: this.opts.studyHash,
          studyKey: this.studyKey,
          dims,
          count: part.length,
          x,
        },
      });
    }
    return jobs;
  }

  private add(list: readonly QueuedJob[]) {
    return this.queue.addBulk(
      list.map((j) => ({
        name: 'evaluate',
        data: j.data,
        opts: { jobId: j.id, attempts: JOB_ATTEMPTS, removeOnComplete: false, removeOnFail: false },
      })),
    );
  }

  /** Polls the jobs (backing off while nothing finishes) until every one has a checked result. */
  private async collect(jobs: readonly QueuedJob[]): Promise<Map<string, CheckedResult>> {
    const results = new Map<string, CheckedResult>();
    const badResults = new Map<string, number>();
    let wait = POLL_MIN_ms;
    while (results.size < jobs.length) {
      await sleep(wait);
      wait = Math.min(POLL_MAX_ms, wait * 2);
      const pending = jobs.filter((j) => !results.has(j.id));
      const { lost, progressed } = await this.poll(pending, results, badResults);
      if (progressed) wait = POLL_MIN_ms;
      // Redis lost them (restarted without data): add them again
      if (lost.length) await this.withRedis(() => this.add(lost));
    }
    return results;
  }

  /**
   * One look at the pending jobs: finished ones' results are checked and kept; a refused or finally failed job stops
   * the run; a malformed result is discarded and its job returned as lost (queued again), up to MAX_BAD_RESULTS times.
   */
  private async poll(
    pending: readonly QueuedJob[],
    results: Map<string, CheckedResult>,
    badResults: Map<string, number>,
  ): Promise<{ lost: QueuedJob[]; progressed: boolean }> {
    const found = await this.withRedis(() => Promise.all(pending.map((j) => BoundedJob.fromId(this.queue, j.id))));
    const lost: QueuedJob[] = [];
    let progressed = false;
    for (let i = 0; i < pending.length; i++) {
      const job = found[i];
      if (job === undefined || job === null) {
        lost.push(pending[i]!);
        continue;
      }
      throwIfFailed(job);
      if (job.finishedOn === undefined) continue; // waiting, running, or failed with attempts left
      const checked = checkJobResult(
        job.returnvalue,
        pending[i]!.data.count,
        this.opts.objectives,
        this.opts.constraints,
      );
      if (checked.ok) {
        results.set(pending[i]!.id, checked.value);
        progressed = true;
        continue;
      }
      const bad = (badResults.get(pending[i]!.id) ?? 0) + 1;
      if (bad >= MAX_BAD_RESULTS) {
        throw new StudyError(
          'BAD_RUN_DIR',
          `worker ${resultWorker(job).slice(0, 100)} returned a malformed result for job ${job.id} ${bad} times (${checked.reason}); nothing of it entered the run; ${RESUME}`,
        );
      }
      badResults.set(pending[i]!.id, bad);
      await this.withRedis(() => job.remove());
      lost.push(pending[i]!); // discarded: queued again under the same id
    }
    return { lost, progressed };
  }

  /** Runs a Redis operation, retrying while Redis is unreachable, and stops the run after the timeout. */
  private async withRedis<T>(op: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + 1000 * (this.opts.reconnectTimeout_s ?? 30);
    const stopIfFatal = (): void => {
      const fatal = this.fatal();
      if (fatal !== null) throw new StudyError('BAD_ARGUMENT', `Redis at ${redactRedisUrl(this.opts.url)}: ${fatal}`);
    };
    for (;;) {
      stopIfFatal();
      try {
        if (this.client.status !== 'ready') throw new Error(`connection ${this.client.status}`);
        // ioredis queues commands while disconnected: bound the wait so the deadline is checked.
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('no answer from Redis')), Math.max(100, deadline - Date.now()));
        });
        try {
          const result = await Promise.race([op(), timeout]);
          stopIfFatal();
          return result;
        } finally {
          clearTimeout(timer);
        }
      } catch (e) {
        if (e instanceof StudyError) throw e;
        stopIfFatal();
        if (Date.now() > deadline) {
          throw new StudyError(
            'BAD_ARGUMENT',
            `lost Redis at ${redactRedisUrl(this.opts.url)} for more than ${this.opts.reconnectTimeout_s ?? 30} s (${(e as Error).message}); the run stopped at its last checkpoint: start Redis and continue with odc run --resume <run-dir> --redis <url>`,
          );
        }
        await sleep(200);
      }
    }
  }

  async close(): Promise<void> {
    try {
      // Each batch's jobs were removed once collected; the study text goes last.
      if (this.client.status === 'ready') await this.client.del(this.studyKey);
    } finally {
      await this.queue.close().catch(() => undefined);
      this.client.disconnect();
    }
  }
}
