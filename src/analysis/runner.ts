/**
 * Evaluation of many input vectors, serially or in worker threads (piscina), behind one interface. Vectors are
 * generated up front from the seed and evaluation is a pure function of a vector (./model.ts), so the outcomes,
 * returned in input order, are the same with 0 or K workers. Workers run compiled JS (./worker.ts; under vitest
 * the pool points at dist/, as src/run/evaluators/pool.ts does) and load the design or constellation file themselves,
 * checked by hash; each builds its model (and a constellation's LP solver) once and reuses it for every batch.
 * A batch targets the model's uncertain inputs, or the inputs named by `specs` (break-even scans).
 */
import type { AnalysisModel, SampleOutcome } from './analysisModel.js';
import type { InputSpec } from '../study/uncertainTargets.js';
import { compiledWorkerFile } from '../base/paths.js';

export interface SampleRunner {
  readonly workers: number;
  /**
   * Outcomes in the order of `rows`; `onDone(count)` after each finished chunk. `specs`: paths of the inputs the
   * columns of `rows` set (default: the model's uncertain inputs).
   */
  run(
    rows: readonly (readonly number[])[],
    onDone?: (done: number) => void,
    specs?: readonly string[],
  ): Promise<SampleOutcome[]>;
  close(): Promise<void>;
}

/** Task of a worker: `count` vectors of length `dims`, flattened. */
export interface SampleTask {
  readonly x: Float64Array;
  readonly count: number;
  readonly dims: number;
  /** Paths of the inputs the columns set (default: the uncertain inputs). */
  readonly specs?: readonly string[];
}

/** Answer: ok[i] = 1 with y[i·width …] filled, or 0 with reasons[i]. */
export interface SampleTaskResult {
  readonly ok: Uint8Array;
  readonly y: Float64Array;
  readonly reasons: (string | null)[];
}

export function evaluateTask(model: AnalysisModel, task: SampleTask): SampleTaskResult {
  const ok = new Uint8Array(task.count);
  const y = new Float64Array(task.count * model.width);
  const reasons = new Array<string | null>(task.count).fill(null);
  const specs: readonly InputSpec[] = task.specs === undefined ? model.inputs : task.specs.map((p) => model.specFor(p));
  for (let i = 0; i < task.count; i++) {
    const r = model.evaluate(Array.from(task.x.subarray(i * task.dims, (i + 1) * task.dims)), specs);
    if (r.status === 'ok') {
      ok[i] = 1;
      y.set(r.y, i * model.width);
    } else reasons[i] = r.reason;
  }
  return { ok, y, reasons };
}

/** The outcomes of a worker's answer, in task order (a failure without a reason: 'unknown failure'). */
export function unpack(r: SampleTaskResult, width: number): SampleOutcome[] {
  return Array.from(r.ok, (ok, i): SampleOutcome =>
    ok
      ? { status: 'ok', y: r.y.slice(i * width, (i + 1) * width) }
      : { status: 'failed', reason: r.reasons[i] ?? 'unknown failure' },
  );
}

/** Vectors per chunk: about 8 chunks per worker, at least 8 vectors each. */
export const chunkSize = (n: number, workers: number): number => Math.max(8, Math.ceil(n / (Math.max(1, workers) * 8)));

/**
 * The worker tasks of one pooled run: `rows` in chunks of `chunkSize(rows.length, workers)`, each flattened into one
 * array (transferred to its worker), with the input paths when the columns are not the uncertain inputs.
 */
export function packTasks(
  model: Pick<AnalysisModel, 'inputs'>,
  rows: readonly (readonly number[])[],
  workers: number,
  specs?: readonly string[],
): (SampleTask & { readonly x: Float64Array<ArrayBuffer> })[] {
  const dims = specs?.length ?? model.inputs.length;
  const size = chunkSize(rows.length, workers);
  const tasks: (SampleTask & { readonly x: Float64Array<ArrayBuffer> })[] = [];
  for (let start = 0; start < rows.length; start += size) {
    const part = rows.slice(start, start + size);
    const x = new Float64Array(part.length * dims);
    part.forEach((v, i) => x.set(v, i * dims));
    tasks.push({ x, count: part.length, dims, ...(specs !== undefined ? { specs } : {}) });
  }
  return tasks;
}

/** Evaluates in this thread, a chunk at a time (the event loop turns between chunks). */
export function serialRunner(model: AnalysisModel): SampleRunner {
  return {
    workers: 0,
    async run(rows, onDone, paths) {
      const specs: readonly InputSpec[] = paths === undefined ? model.inputs : paths.map((p) => model.specFor(p));
      const out: SampleOutcome[] = [];
      const size = chunkSize(rows.length, 1);
      for (let start = 0; start < rows.length; start += size) {
        for (const row of rows.slice(start, start + size)) out.push(model.evaluate(row, specs));
        onDone?.(out.length);
        await new Promise<void>((r) => setImmediate(r));
      }
      return out;
    },
    close: () => Promise.resolve(),
  };
}

/** Evaluates in `workers` threads, each holding its own copy of the model (piscina is loaded only here). */
export async function poolRunner(model: AnalysisModel, workers: number): Promise<SampleRunner> {
  const { Piscina } = await import('piscina');
  const pool = new Piscina({
    filename: compiledWorkerFile('uncertainty', 'uncertainty worker'),
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: Infinity,
    workerData: model.workerData,
  });
  return {
    workers,
    async run(rows, onDone, specs) {
      let done = 0;
      const tasks = packTasks(model, rows, workers, specs).map((task) =>
        (pool.run(task, { transferList: [task.x.buffer] }) as Promise<SampleTaskResult>).then((r) => {
          done += task.count;
          onDone?.(done);
          return unpack(r, model.width);
        }),
      );
      return (await Promise.all(tasks)).flat();
    },
    close: () => pool.destroy(),
  };
}

/** Runs `fn` with a serial (workers = 0) or pool runner, closing the pool afterwards. */
export async function withRunner<T>(
  model: AnalysisModel,
  workers: number,
  fn: (runner: SampleRunner) => Promise<T>,
): Promise<T> {
  const runner = workers > 0 && model.inputs.length > 0 ? await poolRunner(model, workers) : serialRunner(model);
  try {
    return await fn(runner);
  } finally {
    await runner.close();
  }
}
