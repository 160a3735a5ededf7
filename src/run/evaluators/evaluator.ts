/**
 * Evaluation behind one interface, so algorithms and the driver do not know whether designs are evaluated
 * here or in worker threads. Results come back in the order of the inputs; evaluation is a pure function
 * of the decision vector, so the results (and the whole run) do not depend on the number of workers.
 */
import { safeEvaluate, type Evaluation, type Problem } from '../../optimize/types.js';

export interface Evaluator {
  readonly workers: number;
  evaluate(batch: readonly Float64Array[]): Promise<Evaluation[]>;
  /**
   * Full records of decision vectors, where the evaluator can compute them in parallel; undefined (or no method): the
   * driver computes them on the run's own thread.
   */
  records?(batch: readonly Float64Array[]): Promise<unknown[] | undefined>;
  close(): Promise<void>;
  /** Remote evaluators (Redis): connected workers and each worker's rate so far, for the progress display. */
  remoteStatus?(): Promise<RemoteStatus>;
  /** Worker threads on this machine: how many there are and how many are useful at the load now (progress line). */
  localStatus?(): LocalStatus;
}

export interface LocalStatus {
  readonly workers: number;
  /** Workers that can run at once (pool.ts usefulWorkers). */
  readonly useful: number;
  /** 1-minute load average. */
  readonly load: number;
  readonly cores: number;
}

export interface WorkerRate {
  readonly worker: string;
  readonly evaluations: number;
  readonly evaluationsPerSecond: number;
}

export interface RemoteStatus {
  readonly connected: number;
  readonly rates: readonly WorkerRate[];
}

export class SerialEvaluator implements Evaluator {
  readonly workers = 0;
  constructor(private readonly problem: Problem) {}
  evaluate(batch: readonly Float64Array[]): Promise<Evaluation[]> {
    return Promise.resolve(batch.map((x) => safeEvaluate(this.problem, x)));
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** Plain-data task for a worker: `count` decision vectors of length `dims`, flattened. */
export interface BatchTask {
  readonly x: Float64Array;
  readonly count: number;
  readonly dims: number;
}

/** Plain-data answer: status 1 = ok, 0 = failed (reason in `reasons`), objectives and constraints flattened. */
export interface BatchResult {
  readonly ok: Uint8Array;
  readonly f: Float64Array;
  readonly g: Float64Array;
  readonly reasons: (string | null)[];
}

export function evaluateBatch(problem: Problem, task: BatchTask): BatchResult {
  const m = problem.objectives.length;
  const k = problem.constraints.length;
  const ok = new Uint8Array(task.count);
  const f = new Float64Array(task.count * m);
  const g = new Float64Array(task.count * k);
  const reasons: (string | null)[] = new Array<string | null>(task.count).fill(null);
  for (let i = 0; i < task.count; i++) {
    const e = safeEvaluate(problem, task.x.subarray(i * task.dims, (i + 1) * task.dims));
    if (e.status === 'ok') {
      ok[i] = 1;
      f.set(e.f, i * m);
      g.set(e.g, i * k);
    } else reasons[i] = e.reason;
  }
  return { ok, f, g, reasons };
}

export function unpackBatch(r: BatchResult, m: number, k: number): Evaluation[] {
  const out: Evaluation[] = [];
  for (let i = 0; i < r.ok.length; i++) {
    out.push(
      r.ok[i]
        ? { status: 'ok', f: r.f.slice(i * m, (i + 1) * m), g: r.g.slice(i * k, (i + 1) * k) }
        : { status: 'failed', reason: r.reasons[i] ?? 'unknown failure' },
    );
  }
  return out;
}
