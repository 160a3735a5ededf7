/**
 * `odc worker`: takes evaluation jobs from a BullMQ queue and evaluates them with the same code as local
 * worker threads (a piscina pool of `concurrency` threads, so the event loop stays free to renew job
 * locks). It loads each study once, from the text the coordinator stored under the job's key, after
 * checking its sha256 against the job's study hash; it refuses (UnrecoverableError, reason prefixed
 * `odc-refused:`) a job of another odc version or whose study it cannot get. A job payload is data only.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { UnrecoverableError, Worker } from 'bullmq';
import { PoolEvaluator } from './pool.js';
import { redisClient } from './redisConnection.js';
import { queueName, redactRedisUrl } from './redisUrl.js';
import { REFUSED, type EvaluationJob, type EvaluationJobResult } from './redisEvaluator.js';
import { loadStudyProblem } from '../run/problem.js';

export interface WorkerOptions {
  readonly url: string;
  readonly queue: string;
  /** Evaluation threads (and jobs in flight) in this process. */
  readonly concurrency: number;
  readonly odcVersion: string;
  /** A job whose worker stops renewing its lock this long [ms] is retried elsewhere (default 30,000). */
  readonly lockDuration_ms?: number;
  readonly log: (line: string) => void;
}

export interface RunningWorker {
  readonly name: string;
  /** Finishes the jobs in hand, then disconnects. */
  close(): Promise<void>;
}

interface LoadedStudy {
  readonly pool: PoolEvaluator;
  readonly dir: string;
}

export async function startWorker(o: WorkerOptions): Promise<RunningWorker> {
  const name = `${hostname()}:${process.pid}`;
  const studies = new Map<string, Promise<LoadedStudy>>();
  const client = redisClient(o.url);
  const blocking = redisClient(o.url);
  client.on('error', () => undefined);
  blocking.on('error', () => undefined);

  const study = (job: EvaluationJob): Promise<LoadedStudy> => {
    const hit = studies.get(job.studyKey);
    if (hit) return hit;
    const loading = (async () => {
      const text = await client.get(job.studyKey);
      if (text === null) throw new UnrecoverableError(`${REFUSED} study ${job.studyHash.slice(0, 12)} is not in Redis (the run ended or was started against another server)`);
      const hash = createHash('sha256').update(text).digest('hex');
      if (hash !== job.studyHash) throw new UnrecoverableError(`${REFUSED} the study stored in Redis has hash ${hash.slice(0, 12)}, the job expects ${job.studyHash.slice(0, 12)}`);
      const dir = mkdtempSync(join(tmpdir(), 'odc-worker-'));
      const path = join(dir, 'study.yaml');
      writeFileSync(path, text);
      const loaded = loadStudyProblem(path); // validates it here: a bad study fails loudly before any pool starts
      o.log(`worker ${name}: loaded study ${loaded.name} (${job.studyHash.slice(0, 12)})`);
      const pool = new PoolEvaluator({
        studyPath: path, studyHash: job.studyHash, workers: o.concurrency,
        objectives: loaded.problem.objectives.length, constraints: loaded.problem.constraints.length,
      });
      return { pool, dir };
    })();
    studies.set(job.studyKey, loading);
    loading.catch(() => studies.delete(job.studyKey));
    return loading;
  };

  const worker = new Worker(queueName(o.queue), async (job) => {
    const data = job.data as EvaluationJob;
    if (data.odcVersion !== o.odcVersion) {
      throw new UnrecoverableError(`${REFUSED} worker ${name} runs odc ${o.odcVersion}, the run needs odc ${data.odcVersion}; install the same version on every machine`);
    }
    const { pool } = await study(data);
    const t0 = performance.now();
    const batch = Array.from({ length: data.count }, (_, i) => Float64Array.from(data.x.slice(i * data.dims, (i + 1) * data.dims)));
    const evals = await pool.evaluate(batch);
    const result: EvaluationJobResult = {
      ok: evals.map((e) => (e.status === 'ok' ? 1 : 0)),
      f: evals.flatMap((e) => (e.status === 'ok' ? [...e.f] : [])),
      g: evals.flatMap((e) => (e.status === 'ok' ? [...e.g] : [])),
      reasons: evals.map((e) => (e.status === 'ok' ? null : e.reason)),
      worker: name,
      elapsed_ms: performance.now() - t0,
    };
    return padFailed(result, evals.length, pool);
  }, {
    connection: blocking, concurrency: o.concurrency, name, maxStalledCount: 10,
    // A dead worker's jobs are found by the other workers' stalled-job check, run as often as locks expire.
    lockDuration: o.lockDuration_ms ?? 30_000, stalledInterval: o.lockDuration_ms ?? 30_000,
  });
  worker.on('error', (e) => o.log(`worker ${name}: ${e.message}`));
  worker.on('failed', (job, e) => o.log(`worker ${name}: job ${job?.id ?? '?'} failed: ${e.message}`));
  await worker.waitUntilReady();
  o.log(`worker ${name}: connected to ${redactRedisUrl(o.url)}, queue ${o.queue}, ${o.concurrency} evaluation thread(s)`);
  return {
    name,
    async close() {
      await worker.close();
      for (const s of studies.values()) {
        const loaded = await s.catch(() => null);
        if (loaded) {
          await loaded.pool.close();
          rmSync(loaded.dir, { recursive: true, force: true });
        }
      }
      client.disconnect();
      blocking.disconnect();
    },
  };
}

/** Failed evaluations carry no f or g: pad them so the coordinator can unpack fixed-width rows. */
function padFailed(r: EvaluationJobResult, count: number, pool: PoolEvaluator): EvaluationJobResult {
  const m = pool.objectives, k = pool.constraints;
  const f: number[] = [], g: number[] = [];
  let fi = 0, gi = 0;
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < m; j++) f.push(r.ok[i] ? r.f[fi++]! : 0);
    for (let j = 0; j < k; j++) g.push(r.ok[i] ? r.g[gi++]! : 0);
  }
  return { ...r, f, g };
}
