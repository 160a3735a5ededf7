/**
 * Difference between the empirical attainment functions of two groups of sets of points, 2 objectives, minimized
 * (López-Ibáñez, Paquete & Stützle 2010, §4; R eaf's `eafdiff(rectangles = TRUE)`): the plane cut into rectangles
 * on which EAF_a(z) − EAF_b(z) is constant, where EAF_g(z) is the share of group g's sets attaining z. Positive: the
 * first group attains the region with the higher probability. Each x-strip (between consecutive distinct first
 * coordinates) is cut at every set's attainment boundary in it; rectangles where the difference is 0 are left out.
 * The cut is per strip (R merges some rectangles across strips): the function is the same, the rectangles may differ.
 */
import type { PointSet } from './attainment.js';

export interface EafRectangle {
  readonly xmin: number;
  readonly ymin: number;
  /** Infinity: unbounded. */
  readonly xmax: number;
  readonly ymax: number;
  /** EAF_a − EAF_b on the rectangle, in [−1, 1]. */
  readonly difference: number;
}

/** The rectangles where the two groups' EAFs differ (see the header). */
export function eafDifference(a: readonly PointSet[], b: readonly PointSet[]): EafRectangle[] {
  if (a.length === 0 || b.length === 0) throw new RangeError('an EAF difference needs at least one set on each side');
  const sets = [...a, ...b];
  for (const s of sets)
    for (const p of s)
      if (p.length !== 2 || !p.every(Number.isFinite))
        throw new RangeError(`the EAF difference is drawn in 2 objectives of finite values; got [${p.join(', ')}]`);
  const pts = sets.flatMap((s, i) => s.map((p) => ({ x: p[0]!, y: p[1]!, s: i }))).sort((p, q) => p.x - q.x);
  const best = new Array<number>(sets.length).fill(Infinity);
  const weight = (s: number): number => (s < a.length ? 1 / a.length : -1 / b.length);
  const out: EafRectangle[] = [];
  for (let i = 0; i < pts.length;) {
    const x = pts[i]!.x;
    for (; i < pts.length && pts[i]!.x === x; i++) best[pts[i]!.s] = Math.min(best[pts[i]!.s]!, pts[i]!.y);
    const xmax = i < pts.length ? pts[i]!.x : Infinity;
    const cuts = best.flatMap((y, s) => (y < Infinity ? [{ y, w: weight(s) }] : [])).sort((p, q) => p.y - q.y);
    let d = 0;
    for (let c = 0; c < cuts.length;) {
      const y = cuts[c]!.y;
      for (; c < cuts.length && cuts[c]!.y === y; c++) d += cuts[c]!.w;
      const ymax = c < cuts.length ? cuts[c]!.y : Infinity;
      // sums of ±1/n: a difference within rounding of zero is zero
      if (Math.abs(d) > 1e-12) out.push({ xmin: x, ymin: y, xmax, ymax, difference: d });
    }
  }
  return out;
}

/** EAF_a − EAF_b at point z (0 outside every rectangle). */
export function eafDifferenceAt(rectangles: readonly EafRectangle[], z: readonly number[]): number {
  const r = rectangles.find((q) => q.xmin <= z[0]! && z[0]! < q.xmax && q.ymin <= z[1]! && z[1]! < q.ymax);
  return r?.difference ?? 0;
}
