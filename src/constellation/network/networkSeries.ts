/**
 * Per-instant network results and their statistics over the snapshot instants.
 *
 * A network must carry its traffic at every instant, so the worst instant is the sustainable rate; the mean
 * and the 5th percentile show how much it varies. The percentile is nearest-rank (the value of the
 * ⌈0.05·K⌉-th smallest of K instants, as `networkPaths.percentile`): at least 95 % of the instants carry at
 * least that rate, and it is always a rate some instant had (never interpolated). With K < 20 instants it is
 * the worst instant.
 */

/** Utilisation of one link class at one instant: load / capacity at the flow solved, the larger direction. */
export interface ClassUtilization {
  readonly linkClass: string;
  readonly links: number;
  /** Links of the class with zero capacity at that instant (blocked, latitude cutoff). */
  readonly off: number;
  /** Mean and maximum over the links that are on. */
  readonly meanUtilization: number;
  readonly maxUtilization: number;
}

/**
 * How an instant's rate was found:
 * - exact: full arc-flow LP on the instant's graph, or the reduced torus LP where every link of a class has
 *   the same capacity at that instant;
 * - bounds: upper bound from the reduced model on the instant's class means (concavity of the concurrent flow and
 *   the torus or cylinder symmetry), plane or gap cuts, LP duality on the instant's own links (cylinderDual.ts) and,
 *   on shells small enough, the unit-length duality bound on the links up; lower bound from explicit routings on the
 *   instant's links (torusRouting.ts, cylinderRouting.ts, the torus with its seam idle, the live graph's fewest-hop
 *   routing: liveGraphBounds.ts). The reported rate is the lower bound, an achievable rate (conservative: the study
 *   never prefers a topology on an optimistic number); the gap to the upper bound is stated. Downlink traffic on a
 *   large shell: a forest routing to the nearest visible satellite (downlinkRouting.ts) and a closed-form upper bound.
 */
export type InstantModel = 'exact' | 'bounds';

export interface InstantNetwork {
  readonly sampleIndex: number;
  readonly model: InstantModel;
  /** Rate per node reported for the instant [b/s]: exact, or the lower bound ('bounds'). */
  readonly throughputPerNode_bps: number;
  /** Achievable rate per node [b/s] (0 when unknown). */
  readonly lowerBound_bps: number;
  /** No schedule does better [b/s]. */
  readonly upperBound_bps: number;
  /** Utilisation per link class (empty in a lean series: torusInstant.ts ReducedSeriesParams.lean). */
  readonly classes: readonly ClassUtilization[];
}

export interface SeriesStats {
  readonly mean: number;
  readonly p5: number;
  readonly worst: number;
}

/** Mean, nearest-rank 5th percentile and minimum of a series (all 0 for an empty one). */
export function seriesStats(values: readonly number[]): SeriesStats {
  if (values.length === 0) return { mean: 0, p5: 0, worst: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(0.05 * sorted.length));
  return { mean: values.reduce((a, b) => a + b, 0) / values.length, p5: sorted[rank - 1]!, worst: sorted[0]! };
}

/** Largest relative gap (upper − lower) / upper over the instants (0: all exact; 1: no lower bound known). */
export function boundGap(instants: readonly InstantNetwork[]): number {
  let gap = 0;
  for (const i of instants) {
    if (!(i.upperBound_bps > 0)) continue;
    gap = Math.max(gap, (i.upperBound_bps - i.lowerBound_bps) / i.upperBound_bps);
  }
  return gap;
}

/** Per-class utilisation of an explicit graph's edges (edges of capacity 0 counted as off). */
export function graphClassUtilization(
  edges: readonly { readonly capacity_bps: number; readonly class?: string }[],
  utilization: Float64Array,
): ClassUtilization[] {
  const by = new Map<string, { links: number; off: number; sum: number; max: number }>();
  edges.forEach((e, k) => {
    const c = e.class ?? 'link';
    let s = by.get(c);
    if (s === undefined) {
      s = { links: 0, off: 0, sum: 0, max: 0 };
      by.set(c, s);
    }
    s.links++;
    if (!(e.capacity_bps > 0)) {
      s.off++;
      return;
    }
    const u = utilization[k] ?? 0;
    s.sum += u;
    s.max = Math.max(s.max, u);
  });
  return [...by].map(([linkClass, s]) => ({
    linkClass,
    links: s.links,
    off: s.off,
    meanUtilization: s.links > s.off ? s.sum / (s.links - s.off) : 0,
    maxUtilization: s.max,
  }));
}
