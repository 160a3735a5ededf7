/**
 * The exact hypervolume of a large front in 4+ objectives on several threads: the top-level sweep's chunks
 * (8 or 16, see SWEEP_CHUNKED_ROWS in ./hypervolume.ts) run as piscina tasks, each from the set S at its first row (the
 * first front of the earlier rows' projections), and the volume is summed here from their contributions in sweep
 * order. The chunks are the same for any number of threads and compute what one thread computes, so the value is
 * `hypervolume`'s to the last bit (tested). The sets S at the chunks' starts are found here first, each the front
 * of the one before and a chunk; the chunks' costs differ (later ones cost more on 6-objective fronts), so they are
 * handed out from the last to the first as threads come free.
 */
import { compiledWorkerFile } from '../../base/paths.js';
import {
  hypervolume,
  insideRows,
  SWEEP_CHUNKED_ROWS,
  sweepChunkRows,
  sweepOrder,
  sweepStartSets,
  volumeFromContributions,
} from './hypervolume.js';

/** One chunk of the top-level sweep, the task of the worker entry src/entries/workers/hypervolume.ts. */
export interface SweepChunkTask {
  /** The points inside the reference box, n x m, on shared memory. */
  readonly P: Float64Array;
  readonly n: number;
  readonly m: number;
  readonly ref: Float64Array;
  /** Sweep positions [a, b) of the chunk. */
  readonly a: number;
  readonly b: number;
  /** The set S at a (rows, in sweep order). */
  readonly S0: Int32Array;
}

function compiledWorkerFileOrNull(): string | null {
  try {
    return compiledWorkerFile('hypervolume', 'hypervolume worker');
  } catch {
    return null;
  }
}

/**
 * Fronts from which threads pay (2 threads on the 2-core reference machine: none at 10,000 points in 5 objectives;
 * docs/performance.md, "Hypervolume"). Below, and in 4 objectives (one chunk), one thread.
 */
export function threadsPay(n: number, m: number): boolean {
  return m >= 6 ? n >= SWEEP_CHUNKED_ROWS : m === 5 && n >= 20_000;
}

/** `hypervolume(points, reference)` on up to `threads` threads; `onProgress` hears the share of chunks done. */
export async function hypervolumeParallel(
  points: readonly ArrayLike<number>[] | Float64Array,
  reference: ArrayLike<number>,
  opts: { readonly threads: number; readonly onProgress?: (share: number) => void },
): Promise<number> {
  const m = reference.length;
  const { P, n } = insideRows(points, reference);
  // threads run the compiled worker (dist/): without a build (the library run from its TypeScript sources before
  // `npm run build`), one thread gives the same value, only later
  const workerFile = opts.threads >= 2 && threadsPay(n, m) ? compiledWorkerFileOrNull() : null;
  if (workerFile === null) return hypervolume(points, reference, opts.onProgress);
  const rows = sweepChunkRows(n, m);
  const chunks = Math.ceil(n / rows);
  const shared = new Float64Array(new SharedArrayBuffer(P.byteLength));
  shared.set(P);
  const ref = Float64Array.from(reference as ArrayLike<number>);
  // piscina is loaded only here (every odc command loads the CLI bundle; most never start a thread)
  const { Piscina } = await import('piscina');
  const pool = new Piscina({
    filename: workerFile,
    minThreads: 0,
    maxThreads: Math.min(opts.threads, chunks),
    idleTimeout: 0,
  });
  const contributions = new Float64Array(n);
  const idx = sweepOrder(P, n, m);
  const starts = sweepStartSets(P, n, m, idx, rows);
  let done = 0;
  opts.onProgress?.(0);
  try {
    await Promise.all(
      Array.from({ length: chunks }, async (_, i) => {
        const k = chunks - 1 - i;
        const a = k * rows;
        const task: SweepChunkTask = { P: shared, n, m, ref, a, b: Math.min(n, a + rows), S0: starts[k]! };
        contributions.set((await pool.run(task)) as Float64Array, a);
        opts.onProgress?.(++done / chunks);
      }),
    );
  } finally {
    await pool.destroy();
  }
  return volumeFromContributions(P, n, m, ref, idx, contributions);
}
