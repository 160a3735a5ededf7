/**
 * Das–Dennis simplex lattices (Das & Dennis, SIAM J. Optim. 8(3), 1998): all w >= 0 with sum 1 and
 * w_i in {0, 1/p, ..., 1}. A shared kernel: NSGA-III's reference directions (solvers/nsga3) and the
 * sampled DTLZ fronts (src/optimize/benchmarks/benchmarkFronts.ts) both use it.
 */

/** Binomial coefficient C(n, k) as a double. */
export function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return Math.round(r);
}

/** Number of Das–Dennis points for m objectives and p partitions: C(p + m - 1, m - 1). */
export function dasDennisCount(m: number, partitions: number): number {
  return binomial(partitions + m - 1, m - 1);
}

/** Das–Dennis lattice: all w >= 0 with sum 1 and w_i in {0, 1/p, ..., 1}; lexicographic order. */
export function dasDennis(m: number, partitions: number): Float64Array[] {
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`dasDennis needs m >= 1, got ${m}`);
  if (!Number.isInteger(partitions) || partitions < 0)
    throw new RangeError(`dasDennis needs partitions >= 0, got ${partitions}`);
  const out: Float64Array[] = [];
  if (m === 1) return [Float64Array.of(1)];
  if (partitions === 0) return [new Float64Array(m).fill(1 / m)];
  const cur = new Int32Array(m);
  const rec = (k: number, left: number): void => {
    if (k === m - 1) {
      cur[k] = left;
      const w = new Float64Array(m);
      for (let i = 0; i < m; i++) w[i] = cur[i]! / partitions;
      out.push(w);
      return;
    }
    for (let v = 0; v <= left; v++) {
      cur[k] = v;
      rec(k + 1, left - v);
    }
  };
  rec(0, partitions);
  return out;
}

/** Largest partition count whose Das–Dennis lattice has at most `points` points (at least 1). */
export function partitionsForPoints(m: number, points: number): number {
  let p = 1;
  while (dasDennisCount(m, p + 1) <= points) p++;
  return p;
}

/** Most reference directions NSGA-III builds (a larger lattice is refused before it is allocated). */
export const MAX_REFERENCE_DIRECTIONS = 100_000;

/**
 * Why `partitions` is too many for `m` objectives (their Das–Dennis count exceeds MAX_REFERENCE_DIRECTIONS), or null.
 */
export function partitionsProblem(m: number, partitions: number): string | null {
  const count = dasDennisCount(m, partitions);
  if (count <= MAX_REFERENCE_DIRECTIONS) return null;
  const fit = partitionsForPoints(m, MAX_REFERENCE_DIRECTIONS);
  return `nsga3 partitions ${partitions} with ${m} objectives means ${count < 1e15 ? count.toLocaleString('en-US') : count.toExponential(2)} reference directions (Das–Dennis C(p + m - 1, m - 1)); at most ${MAX_REFERENCE_DIRECTIONS.toLocaleString('en-US')} are allowed: use partitions ≤ ${fit}`;
}
