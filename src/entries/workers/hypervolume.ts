/**
 * piscina worker entry of the exact hypervolume's parallel sweep (src/optimize/indicators/hypervolumeParallel.ts): one
 * chunk of the
 * top-level sweep per task, over the inside points shared with the main thread (a SharedArrayBuffer, not copied).
 */
import { sweepChunkContributions } from '../../optimize/indicators/hypervolume.js';
import type { SweepChunkTask } from '../../optimize/indicators/hypervolumeParallel.js';

export default function run(task: SweepChunkTask): Float64Array {
  return sweepChunkContributions(task.P, task.n, task.m, task.ref, task.a, task.b, task.S0);
}
