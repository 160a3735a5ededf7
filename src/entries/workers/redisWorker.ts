/**
 * `odc worker`: takes evaluation jobs from a BullMQ queue and evaluates them with the same code as local
 * worker threads (a piscina pool of `concurrency` threads, so the event loop stays free to renew job
 * locks). It loads each study once, from the text the coordinator stored under the job's key, after
 * checking its sha256 against the job's study hash; it refuses (UnrecoverableError, reason prefixed
 * `odc-refused:`) a job of another odc version or whose study it cannot get. A job payload is data only, and
 * is checked before anything is allocated from it (src/run/evaluators/jobCheck.ts): a malformed or oversized job, or
 * one whose vectors do not fit its study, fails at once without retries. The stored study must be
 * self-contained (what the coordinator stores: node inlined, a node run's designs copied in): a study naming
 * a file is refused, so a job cannot make a worker read its machine's files. Authentication, TLS and
 * database-index errors stop the worker with one message (`onFatal`) instead of reconnecting forever.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { UnrecoverableError } from 'bullmq';
import { BoundedWorker } from '../../run/evaluators/boundedWorker.js';
import { parse as parseYaml } from 'yaml';
import {
  checkJob,
  encodeConstraint,
  MAX_JOB_DATA_CHARS,
  oversizeOf,
  type CheckedJob,
} from '../../run/evaluators/jobCheck.js';
import { PoolEvaluator } from '../../run/evaluators/pool.js';
import { redisClient, watchRedisClient } from '../../run/evaluators/redisConnection.js';
import { queueName, redactRedisUrl } from '../../run/evaluators/redisUrl.js';
import { REFUSED, type EvaluationJobResult } from '../../run/evaluators/redisEvaluator.js';
import { loadStudyProblem } from '../../run/problem.js';
import { StudyError } from '../../base/errors.js';
import { compiledWorkerFile } from '../../base/paths.js';
import { sha256 } from '../../base/sha256.js';
import {
  checkScreenJob,
  readStoredCatalogue,
  SCREEN_JOB,
  type ScreenJobResult,
} from '../../analysis/screen/distributed.js';
import type { ScreenTask, ScreenTaskResult } from '../../analysis/screen/screen.js';
import type { ElementSet } from '../../constellation/catalogue/elementSets.js';

export interface WorkerOptions {
  readonly url: string;
  readonly queue: string;
  /** Evaluation threads (and jobs in flight) in this process. */
  readonly concurrency: number;
  readonly odcVersion: string;
  /** A job whose worker stops renewing its lock this long [ms] is retried elsewhere (default 30,000). */
  readonly lockDuration_ms?: number;
  readonly log: (line: string) => void;
  /** Called once with the reason when the connection cannot work (wrong password, TLS, database index). */
  readonly onFatal?: (reason: string) => void;
}

/** Prefix of the failure reason of a job this worker will not run (malformed, oversized, not self-contained). */
export const REJECTED = 'odc-rejected:';

export interface RunningWorker {
  readonly name: string;
  /** Finishes the jobs in hand, then disconnects. */
  close(): Promise<void>;
}

interface LoadedStudy {
  readonly pool: PoolEvaluator;
  readonly dir: string;
  readonly dims: number;
}

/** Why a study text is not self-contained (it names a file the worker would read), or null. */
export function fileReference(text: string): string | null {
  let raw: unknown;
  try {
    raw = parseYaml(text, { maxAliasCount: 100 });
  } catch {
    return null; // not YAML: the loader says why
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const node = (raw as Record<string, unknown>)['node'];
  if (typeof node === 'string') return `it names the node file ${JSON.stringify(node.slice(0, 200))}`;
  if (
    typeof node === 'object' &&
    node !== null &&
    'from' in node &&
    !Array.isArray((node as Record<string, unknown>)['candidates'])
  ) {
    return 'its node.from names a run folder';
  }
  return null;
}

type RedisClient = ReturnType<typeof redisClient>;

/**
 * A job's study from the text stored under its key: checked against the job's hash and for self-containment,
 * written to a temporary folder, validated, and given a pool of evaluation threads.
 */
async function loadStoredStudy(
  client: RedisClient,
  job: CheckedJob,
  o: WorkerOptions,
  name: string,
): Promise<LoadedStudy> {
  const text = await client.get(job.studyKey);
  if (text === null)
    throw new UnrecoverableError(
      `${REFUSED} study ${job.studyHash.slice(0, 12)} is not in Redis (the run ended or was started against another server)`,
    );
  const hash = sha256(text);
  if (hash !== job.studyHash)
    throw new UnrecoverableError(
      `${REFUSED} the study stored in Redis has hash ${hash.slice(0, 12)}, the job expects ${job.studyHash.slice(0, 12)}`,
    );
  const ref = fileReference(text);
  if (ref !== null)
    throw new UnrecoverableError(
      `${REJECTED} the stored study is not self-contained: ${ref}; odc run stores studies with their node inlined`,
    );
  const dir = mkdtempSync(join(tmpdir(), 'odc-worker-'));
  const path = join(dir, 'study.yaml');
  writeFileSync(path, text);
  const loaded = loadStudyProblem(path); // validates it here: a bad study fails loudly before any pool starts
  o.log(`worker ${name}: loaded study ${loaded.name} (${job.studyHash.slice(0, 12)})`);
  const pool = new PoolEvaluator({
    studyPath: path,
    studyHash: job.studyHash,
    workers: o.concurrency,
    objectives: loaded.problem.objectives.length,
    constraints: loaded.problem.constraints.length,
  });
  return { pool, dir, dims: loaded.problem.variables.length };
}

/** The job's data when this worker will run it; an UnrecoverableError (no retries) when it will not. */
function checkedJobData(job: { id?: string; data: unknown }, o: WorkerOptions, name: string): CheckedJob {
  const oversize = oversizeOf(job.data);
  if (oversize !== undefined) {
    throw new UnrecoverableError(
      `${REJECTED} worker ${name} will not run job ${job.id ?? '?'}: its data is ${oversize} characters, more than the ${MAX_JOB_DATA_CHARS} of any odc job (not parsed)`,
    );
  }
  const checked = checkJob(job.data, o.queue);
  if (!checked.ok)
    throw new UnrecoverableError(`${REJECTED} worker ${name} will not run job ${job.id ?? '?'}: ${checked.reason}`);
  const data = checked.value;
  if (data.odcVersion !== o.odcVersion) {
    throw new UnrecoverableError(
      `${REFUSED} worker ${name} runs odc ${o.odcVersion}, the run needs odc ${data.odcVersion}; install the same version on every machine`,
    );
  }
  return data;
}

/** Evaluates the job's designs on the study's pool; failed designs carry their reason. */
async function evaluateJob(pool: PoolEvaluator, data: CheckedJob, name: string): Promise<EvaluationJobResult> {
  const t0 = performance.now();
  const batch = Array.from({ length: data.count }, (_, i) => data.x.subarray(i * data.dims, (i + 1) * data.dims));
  const evals = await pool.evaluate(batch);
  const result: EvaluationJobResult = {
    ok: evals.map((e) => (e.status === 'ok' ? 1 : 0)),
    f: evals.flatMap((e) => (e.status === 'ok' ? [...e.f] : [])),
    g: evals.flatMap((e) => (e.status === 'ok' ? [...e.g].map(encodeConstraint) : [])),
    reasons: evals.map((e) => (e.status === 'ok' ? null : e.reason)),
    worker: name,
    elapsed_ms: performance.now() - t0,
  };
  return padFailed(result, evals.length, pool);
}

/** Runs screens' jobs (`odc screen --redis`): the catalogue read once per screen, chunks on a thread pool. */
class ScreenJobs {
  private pool: import('piscina').Piscina | null = null;
  private readonly catalogues = new Map<string, Promise<ElementSet[] | string>>();

  constructor(
    private readonly client: RedisClient,
    private readonly o: WorkerOptions,
    private readonly name: string,
  ) {}

  async run(job: { id?: string; data: unknown }): Promise<ScreenJobResult> {
    const { o, name } = this;
    const oversize = oversizeOf(job.data);
    if (oversize !== undefined)
      throw new UnrecoverableError(`${REJECTED} worker ${name}: screen job ${job.id ?? '?'} is ${oversize} characters`);
    const checked = checkScreenJob(job.data, o.queue);
    if (!checked.ok)
      throw new UnrecoverableError(`${REJECTED} worker ${name} will not run job ${job.id ?? '?'}: ${checked.reason}`);
    const data = checked.value;
    if (data.odcVersion !== o.odcVersion)
      throw new UnrecoverableError(
        `${REFUSED} worker ${name} runs odc ${o.odcVersion}, the screen needs odc ${data.odcVersion}; install the same version on every machine`,
      );
    let loading = this.catalogues.get(data.catalogueKey);
    if (loading === undefined) {
      if (this.catalogues.size >= 2) this.catalogues.clear(); // one screen at a time, mostly
      loading = this.client.get(data.catalogueKey).then((text) => readStoredCatalogue(text, data));
      this.catalogues.set(data.catalogueKey, loading);
    }
    const cat = await loading;
    if (typeof cat === 'string') throw new UnrecoverableError(`${REFUSED} worker ${name}: ${cat}`);
    if (this.pool === null) {
      const { Piscina } = await import('piscina');
      this.pool = new Piscina({ filename: compiledWorkerFile('screen', 'screen worker'), maxThreads: o.concurrency });
    }
    const task: ScreenTask = {
      own: data.own,
      offset: data.offset,
      cat,
      catKey: data.catalogueKey,
      opts: data.opts,
      progress: new Int32Array(new SharedArrayBuffer(4)),
    };
    const r = (await this.pool.run(task)) as ScreenTaskResult;
    return { ...r, worker: name };
  }

  async close(): Promise<void> {
    await this.pool?.destroy();
  }
}

/** Warns when the server accepts values far larger than any odc job (a forged one would cost memory). */
async function warnLargeValues(client: RedisClient, o: WorkerOptions, name: string): Promise<void> {
  const bulk = await maxBulkBytes(client);
  if (bulk !== undefined && bulk > 4 * MAX_JOB_DATA_CHARS) {
    o.log(
      `worker ${name}: this Redis accepts values of up to ${Math.round(bulk / 2 ** 20)} MB (proto-max-bulk-len): a forged job that large would cost this worker ` +
        'about 3 times that in memory before it is refused; on a server that serves odc alone, set proto-max-bulk-len 16mb',
    );
  }
}

/**
 * Stops the worker on an error the connection cannot recover from (wrong password, TLS, database index): the first
 * reason, reported once to `o.onFatal` and by the promise returned.
 */
function watchFatal(clients: readonly RedisClient[], o: WorkerOptions, name: string): Promise<string> {
  let fatal: string | null = null;
  let onFatal: (reason: string) => void = () => undefined;
  const fatalReported = new Promise<string>((resolve) => (onFatal = resolve));
  const report = (reason: string): void => {
    if (fatal !== null) return;
    fatal = `worker ${name}: Redis at ${redactRedisUrl(o.url)}: ${reason}`;
    onFatal(fatal);
    o.onFatal?.(fatal);
  };
  for (const c of clients) watchRedisClient(c, o.url, report);
  return fatalReported;
}

/** Finishes the jobs in hand, closes every study's pool, removes its folder, then disconnects. */
async function closeWorker(
  worker: { close(): Promise<void> },
  studies: ReadonlyMap<string, Promise<LoadedStudy>>,
  clients: readonly RedisClient[],
): Promise<void> {
  await worker.close();
  for (const s of studies.values()) {
    const loaded = await s.catch(() => null);
    if (loaded) {
      await loaded.pool.close();
      rmSync(loaded.dir, { recursive: true, force: true });
    }
  }
  for (const c of clients) c.disconnect();
}

export async function startWorker(o: WorkerOptions): Promise<RunningWorker> {
  const name = `${hostname()}:${process.pid}`;
  const studies = new Map<string, Promise<LoadedStudy>>();
  const client = redisClient(o.url);
  const blocking = redisClient(o.url);
  const fatalReported = watchFatal([client, blocking], o, name);

  const study = (job: CheckedJob): Promise<LoadedStudy> => {
    const hit = studies.get(job.studyKey);
    if (hit) return hit;
    const loading = loadStoredStudy(client, job, o, name);
    studies.set(job.studyKey, loading);
    loading.catch(() => studies.delete(job.studyKey));
    return loading;
  };

  const screens = new ScreenJobs(client, o, name);
  const worker = new BoundedWorker(
    queueName(o.queue),
    async (job) => {
      if (job.name === SCREEN_JOB) return screens.run(job);
      const data = checkedJobData(job, o, name);
      const { pool, dims } = await study(data);
      if (data.dims !== dims)
        throw new UnrecoverableError(
          `${REJECTED} job ${job.id ?? '?'} has ${data.dims} variables per design, its study has ${dims}`,
        );
      return evaluateJob(pool, data, name);
    },
    {
      connection: blocking,
      concurrency: o.concurrency,
      name,
      maxStalledCount: 10,
      // A dead worker's jobs are found by the other workers' stalled-job check, run as often as locks expire.
      lockDuration: o.lockDuration_ms ?? 30_000,
      stalledInterval: o.lockDuration_ms ?? 30_000,
    },
  );
  worker.on('error', (e) => o.log(`worker ${name}: ${e.message}`));
  worker.on('failed', (job, e) => o.log(`worker ${name}: job ${job?.id ?? '?'} failed: ${e.message}`));
  const ready = await Promise.race([worker.waitUntilReady().then(() => null), fatalReported]);
  if (ready !== null) {
    await worker.close(true).catch(() => undefined);
    client.disconnect();
    blocking.disconnect();
    throw new StudyError('BAD_ARGUMENT', ready);
  }
  o.log(
    `worker ${name}: connected to ${redactRedisUrl(o.url)}, queue ${o.queue}, ${o.concurrency} evaluation thread(s)`,
  );
  await warnLargeValues(client, o, name);
  return {
    name,
    close: () => closeWorker(worker, studies, [client, blocking]).then(() => screens.close()),
  };
}

/** The server's proto-max-bulk-len [bytes], or undefined where CONFIG is not allowed (managed servers). */
async function maxBulkBytes(client: ReturnType<typeof redisClient>): Promise<number | undefined> {
  try {
    const reply = (await client.config('GET', 'proto-max-bulk-len')) as unknown;
    const n = Array.isArray(reply) ? Number(reply[1]) : Number.NaN;
    return Number.isFinite(n) ? n : undefined;
  } catch {
    return undefined;
  }
}

/** Failed evaluations carry no f or g: pad them so the coordinator can unpack fixed-width rows. */
function padFailed(r: EvaluationJobResult, count: number, pool: PoolEvaluator): EvaluationJobResult {
  const m = pool.objectives,
    k = pool.constraints;
  const f: number[] = [],
    g: (number | string)[] = [];
  let fi = 0,
    gi = 0;
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < m; j++) f.push(r.ok[i] ? r.f[fi++]! : 0);
    for (let j = 0; j < k; j++) g.push(r.ok[i] ? r.g[gi++]! : 0);
  }
  return { ...r, f, g };
}
