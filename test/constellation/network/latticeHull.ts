/**
 * Test fixture, the brute-force oracle of torus path types: the lower-left convex hull of the Pareto-minimal pairs
 * (|p + wP|, cyc_S(s − wF)) over the lattice lifts of destination (p, s) (torusPathTypes.ts header), written from
 * that definition and nothing of the module's code. Wraps w in [−3S − 3, 3S + 3]: cyc_S(s − wF) repeats with period
 * at most S in w, so a farther lift only repeats a residue at a larger |p + wP| and is dominated.
 */

/** The hull's points (x, y), x ascending. */
export function bruteLiftHull(P: number, S: number, F: number, p: number, s: number): [number, number][] {
  const pts: [number, number][] = [];
  for (let w = -3 * S - 3; w <= 3 * S + 3; w++) {
    const r = (((s - w * F) % S) + S) % S;
    pts.push([Math.abs(p + w * P), Math.min(r, S - r)]);
  }
  pts.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const pareto: [number, number][] = [];
  for (const q of pts) if (pareto.length === 0 || q[1] < pareto[pareto.length - 1]![1]) pareto.push(q);
  const hull: [number, number][] = [];
  for (const c of pareto) {
    while (hull.length >= 2) {
      const [a, b] = [hull[hull.length - 2]!, hull[hull.length - 1]!];
      if ((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]) > 0) break;
      hull.pop();
    }
    hull.push(c);
  }
  return hull;
}
