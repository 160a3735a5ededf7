/**
 * odc's hypervolume timed in a worker thread, so `npm run bench` can stop a case that runs past its
 * time cap (exact HV is exponential in the dimension) and still print the others. The same module is
 * the worker: started with workerData.kind === 'odc-hv' it warms the JIT up on a small subset, then
 * times one `hypervolume(points, reference)` call with process.cpuUsage() (the main thread waits idle
 * meanwhile, so the process CPU time is the worker's).
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { hypervolume } from '../../../src/optimize/indicators/hypervolume.js';

export interface OdcHypervolume {
  readonly hv: number;
  /** Process CPU seconds (user + system) of the timed call. */
  readonly cpu_s: number;
  readonly wall_s: number;
}

interface Job {
  readonly kind: 'odc-hv';
  readonly flat: Float64Array;
  readonly m: number;
  readonly reference: readonly number[];
}

function rows(flat: Float64Array, m: number, n: number): Float64Array[] {
  return Array.from({ length: n }, (_, i) => flat.slice(i * m, (i + 1) * m));
}

function work(job: Job): OdcHypervolume {
  const n = job.flat.length / job.m;
  const warm = rows(job.flat, job.m, Math.min(n, 300));
  for (let i = 0; i < 3; i++) hypervolume(warm, job.reference);
  const points = rows(job.flat, job.m, n);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const hv = hypervolume(points, job.reference);
  const c = process.cpuUsage(c0);
  return { hv, cpu_s: (c.user + c.system) / 1e6, wall_s: (performance.now() - t0) / 1000 };
}

if (!isMainThread && (workerData as Partial<Job> | null)?.kind === 'odc-hv') {
  parentPort!.postMessage(work(workerData as Job));
}

/**
 * Hypervolume of `points` (rows of m numbers) with odc's exact algorithm, timed in a worker thread;
 * resolves to null when it has not finished after `timeoutMs` (the worker is then terminated).
 */
export function odcHypervolumeInWorker(
  points: readonly ArrayLike<number>[],
  reference: readonly number[],
  timeoutMs: number,
): Promise<OdcHypervolume | null> {
  const m = reference.length;
  const flat = new Float64Array(points.length * m);
  points.forEach((p, i) => flat.set(Array.from(p), i * m));
  const job: Job = { kind: 'odc-hv', flat, m, reference: [...reference] };
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: job });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve(null);
    }, timeoutMs);
    worker.once('message', (r: OdcHypervolume) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(r);
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}
