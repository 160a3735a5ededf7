/**
 * Difference between the empirical attainment functions of two groups of sets of points, 2 objectives, minimized
 * (López-Ibáñez, Paquete & Stützle 2010, §4; R eaf's `eafdiff(rectangles = TRUE)`): the plane cut into rectangles
 * on which EAF_a(z) − EAF_b(z) is constant, where EAF_g(z) is the share of group g's sets attaining z. Positive: the
 * first group attains the region with the higher probability. Each x-strip (between consecutive distinct first
 * coordinates) is cut at every set's attainment boundary in it; rectangles where the difference is 0 are left out.
 * A rectangle of one strip that the next strip repeats (same y-range and difference) is extended into it; R merges
 * across strips too, by its own rule: the function is the same, the rectangles may differ.
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
  const out: { xmin: number; ymin: number; xmax: number; ymax: number; difference: number }[] = [];
  // the previous strip's rectangles by (ymin, ymax, difference): a strip that repeats one extends it
  let open = new Map<string, (typeof out)[number]>();
  for (let i = 0; i < pts.length;) {
    const x = pts[i]!.x;
    for (; i < pts.length && pts[i]!.x === x; i++) best[pts[i]!.s] = Math.min(best[pts[i]!.s]!, pts[i]!.y);
    const xmax = i < pts.length ? pts[i]!.x : Infinity;
    const cuts = best.flatMap((y, s) => (y < Infinity ? [{ y, s }] : [])).sort((p, q) => p.y - q.y);
    const next = new Map<string, (typeof out)[number]>();
    // sets of each side attaining the rectangle: counts, so that equal differences compare equal
    let [ka, kb] = [0, 0];
    for (let c = 0; c < cuts.length;) {
      const y = cuts[c]!.y;
      for (; c < cuts.length && cuts[c]!.y === y; c++)
        if (cuts[c]!.s < a.length) ka++;
        else kb++;
      const ymax = c < cuts.length ? cuts[c]!.y : Infinity;
      if (ka * b.length === kb * a.length) continue;
      const key = `${y} ${ymax} ${ka} ${kb}`;
      const same = open.get(key);
      const r = same ?? { xmin: x, ymin: y, xmax, ymax, difference: ka / a.length - kb / b.length };
      r.xmax = xmax;
      if (same === undefined) out.push(r);
      next.set(key, r);
    }
    open = next;
  }
  return out;
}

/** EAF_a − EAF_b at point z (0 outside every rectangle). */
export function eafDifferenceAt(rectangles: readonly EafRectangle[], z: readonly number[]): number {
  const r = rectangles.find((q) => q.xmin <= z[0]! && z[0]! < q.xmax && q.ymin <= z[1]! && z[1]! < q.ymax);
  return r?.difference ?? 0;
}
