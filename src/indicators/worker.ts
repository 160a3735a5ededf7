/**
 * piscina worker entry of the exact hypervolume's parallel sweep (./hypervolumeParallel.ts): one chunk of the
 * top-level sweep per task, over the inside points shared with the main thread (a SharedArrayBuffer, not copied).
 */
import { sweepChunkContributions } from './hypervolume.js';

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

export default function run(task: SweepChunkTask): Float64Array {
  return sweepChunkContributions(task.P, task.n, task.m, task.ref, task.a, task.b, task.S0);
}
