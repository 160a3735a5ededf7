/**
 * Reference directions for NSGA-III: the Das–Dennis simplex lattice (single layer; the two-layer
 * variant for m >= 6 is not implemented). Default partitions: the most whose lattice size does not
 * exceed the population (pop 92, m = 3 -> 12 partitions, 91 directions).
 */
import {
  dasDennis,
  dasDennisCount,
  MAX_REFERENCE_DIRECTIONS,
  partitionsForPoints,
  partitionsProblem,
} from '../../src/optimize/pareto/simplexLattice.js';

export { dasDennis, dasDennisCount, MAX_REFERENCE_DIRECTIONS, partitionsProblem };

export function defaultPartitions(m: number, population: number): number {
  return partitionsForPoints(m, population);
}

/** Flat H x m matrix of Das–Dennis directions. */
export function referenceDirections(m: number, partitions: number): { dirs: Float64Array; count: number } {
  const tooMany = partitionsProblem(m, partitions);
  if (tooMany !== null) throw new RangeError(tooMany);
  const list = dasDennis(m, partitions);
  const dirs = new Float64Array(list.length * m);
  list.forEach((w, i) => dirs.set(w, i * m));
  return { dirs, count: list.length };
}
