/**
 * Worker-thread evaluator (piscina). Each worker loads the study once (from the run folder's copy, so
 * every thread sees the same bytes, checked by hash) and evaluates batches of decision vectors. Tasks are
 * batched because piscina's per-task overhead is ~25 µs (docs/sources.md §12).
 * Workers run compiled JS: under vitest (TypeScript sources) the pool points at dist/ (npm test builds first).
 */
import { availableParallelism, loadavg } from 'node:os';
import { Piscina } from 'piscina';
import { safeEvaluate, type Evaluation, type Problem } from '../../optimize/types.js';
import { unpackBatch, type BatchResult, type BatchTask, type Evaluator, type LocalStatus } from './evaluator.js';
import { compiledWorkerFile } from '../../base/paths.js';

/** Above this cost per evaluation, tasks carry one evaluation each. */
export const COSTLY_EVALUATION_ms = 2;

/**
 * Workers that can run at once on this machine [-]: the cores the other processes leave free, at least one, at most
 * `workers`. `load1`: the 1-minute load average, which counts this run's own busy threads too, as much of them as
 * it holds yet (`own`, ownLoad). A thread beyond the free cores only takes turns with the others on the same cores
 * while it pays its own start-up, memos and messages: the pool runs no more tasks at once than this (a second worker
 * never slows the study down).
 */
export function usefulWorkers(workers: number, cores: number, load1: number, own: number): number {
  const others = Math.max(0, load1 - own);
  return Math.max(1, Math.min(workers, Math.round(cores - others)));
}

/** Time constant of the 1-minute load average [s] (Linux kernel/sched/loadavg.c: EXP_1 = 2048·e^(−5 s / 60 s)). */
const LOAD_AVERAGE_TAU_s = 60;

/**
 * How much of `threads` busy threads the 1-minute load average holds after `elapsed_s` of them [-]: it moves towards
 * the running count as 1 − e^(−t/60 s), so a run's own threads enter it only gradually (a few seconds in, hardly at
 * all: the load then is the other processes').
 */
export function ownLoad(threads: number, elapsed_s: number): number {
  return threads * (1 - Math.exp(-Math.max(0, elapsed_s) / LOAD_AVERAGE_TAU_s));
}

export interface PoolOptions {
  readonly studyPath: string;
  readonly studyHash: string;
  readonly workers: number;
  readonly objectives: number;
  readonly constraints: number;
  /**
   * The run's own problem, evaluated on this thread when one worker is useful (usefulWorkers): one lane of the pool
   * would cost its messages on top of the same evaluations, so --workers 2 is never slower than 0.
   */
  readonly here?: Problem;
}

export class PoolEvaluator implements Evaluator {
  readonly workers: number;
  readonly objectives: number;
  readonly constraints: number;
  private readonly pool: Piscina;
  /** Measured cost of one evaluation on one thread [ms] (0 until the first batch). */
  private evalTime_ms = 0;
  /** Tasks run at once in the last batch (usefulWorkers at its start). */
  private active: number;
  /** When the pool was made [ms, performance.now]: how long its threads have been in the load average (ownLoad). */
  private readonly started_ms = performance.now();
  constructor(private readonly opts: PoolOptions) {
    this.workers = opts.workers;
    this.objectives = opts.objectives;
    this.constraints = opts.constraints;
    this.pool = new Piscina({
      filename: compiledWorkerFile('evaluation', 'worker'),
      // threads start with the first tasks sent them: a run that evaluates on this thread (one useful worker) pays
      // no worker's start-up (study, HiGHS, compilation)
      minThreads: 0,
      maxThreads: opts.workers,
      idleTimeout: Infinity,
      workerData: { studyPath: opts.studyPath, studyHash: opts.studyHash },
      // a young generation of 64 MB (V8's default 16–32 MB): the per-instant network loops' short-lived arrays are
      // scavenged less often
      resourceLimits: { maxYoungGenerationSizeMb: 64 },
    });
    this.active = opts.workers;
  }

  /**
   * How many of the workers are useful at the load now (progress line). ODC_USEFUL_WORKERS=n fixes it at n (at most
   * the workers): the tests set it so the pool runs every worker whatever the machine's load.
   */
  localStatus(): LocalStatus {
    const load = loadavg()[0]!;
    const cores = availableParallelism();
    const fixed = Number(process.env['ODC_USEFUL_WORKERS']);
    const useful =
      fixed >= 1
        ? Math.min(this.workers, Math.floor(fixed))
        : usefulWorkers(this.workers, cores, load, ownLoad(this.active, (performance.now() - this.started_ms) / 1000));
    return { workers: this.workers, useful, load, cores };
  }

  async evaluate(batch: readonly Float64Array[]): Promise<Evaluation[]> {
    if (batch.length === 0) return [];
    const dims = batch[0]!.length;
    // Adaptive batching: cheap evaluations (node studies, ~10 µs) go a few chunks per worker so message
    // passing stays small; costly ones (constellations, 10–1000 ms, of uneven cost) go one per task so no
    // worker idles behind a slow chunk. The order of results is restored by chunk index either way.
    const costly = this.evalTime_ms > COSTLY_EVALUATION_ms;
    const chunks = costly ? batch.length : Math.min(batch.length, this.workers * 4);
    const t0 = performance.now();
    const size = Math.ceil(batch.length / chunks);
    const tasks: (BatchTask & { readonly x: Float64Array<ArrayBuffer> })[] = [];
    for (let start = 0; start < batch.length; start += size) {
      const part = batch.slice(start, start + size);
      const x = new Float64Array(part.length * dims);
      part.forEach((v, i) => x.set(v, i * dims));
      tasks.push({ x, count: part.length, dims });
    }
    // At most `active` tasks at once (usefulWorkers), each lane taking the next task when its last returns.
    this.active = this.localStatus().useful;
    const here = this.opts.here;
    if (this.active === 1 && here !== undefined) {
      const out = batch.map((x) => safeEvaluate(here, x));
      this.evalTime_ms = (performance.now() - t0) / batch.length;
      return out;
    }
    const results = new Array<BatchResult>(tasks.length);
    let next = 0;
    const lane = async (): Promise<void> => {
      for (let i = next++; i < tasks.length; i = next++) {
        const task = tasks[i]!;
        results[i] = (await this.pool.run(task, { transferList: [task.x.buffer] })) as BatchResult;
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.active, tasks.length) }, lane));
    // Wall time per evaluation × tasks at once ≈ the cost of one evaluation on one thread.
    this.evalTime_ms = ((performance.now() - t0) * this.active) / batch.length;
    return results.flatMap((r) => unpackBatch(r, this.opts.objectives, this.opts.constraints));
  }

  /**
   * Full records of decision vectors, computed in the pool (one per task: records are costly and few); undefined (the
   * driver computes them here) while one worker is useful and no worker thread has started: starting threads for a few
   * records costs more than it saves (each loads the study and compiles its code: ~1 s of CPU in the shipped
   * constellation study).
   */
  async records(batch: readonly Float64Array[]): Promise<unknown[] | undefined> {
    if (this.pool.threads.length === 0 && this.opts.here !== undefined && this.localStatus().useful === 1)
      return undefined;
    if (batch.length === 0) return [];
    const dims = batch[0]!.length;
    const tasks = batch.map((v) => {
      const x = Float64Array.from(v);
      return this.pool.run({ records: true, x, count: 1, dims }, { transferList: [x.buffer] }) as Promise<{
        records: unknown[];
      }>;
    });
    return (await Promise.all(tasks)).flatMap((r) => r.records);
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
