/**
 * The self-conjunction screen's candidate pair classes (conjunction.ts), refined on SGP4 positions (sgp4Refine.ts),
 * closest secular class first, by branch and bound.
 *
 * A class's SGP4 closest approach lies within 2E (the pair bound, sgp4Refine.ts) of its secular one. With L =
 * max(threshold, the k-th smallest SGP4 closest approach refined so far; Infinity until k are refined), a class whose
 * secular closest approach is at least L + 2E can neither be below the threshold nor among the k closest, nor can any
 * class after it in secular order: refinement stops there. A class is skipped, too, when its secular approach is at
 * least L plus its own pair bound (smaller for near-coplanar pairs close in phase, sgp4Refine.ts). So every class
 * that can be below the threshold is refined (the count
 * of pairs below it is on SGP4 positions), and the k closest classes on SGP4 positions are found, their time and
 * representative pair reported; classes whose SGP4 approach is not below L are not kept.
 *
 * Symmetry: the classes of the Walker delta or slot-shift symmetry (conjunction.ts header) hold under SGP4, which
 * moves each satellite by a function of its argument of latitude in its own rotating plane, so one representative
 * pair per class is refined. Cluster shells refine their reference orbits and subtract twice the cluster radius.
 */
import { refinePair, Sgp4Objects } from './sgp4Refine.js';
import type { ShellState } from './shellState.js';

/** A pair class: its representative objects a < b, closest approach [m] and time [s], and satellite pairs in it. */
export interface ClassHit {
  readonly a: number;
  readonly b: number;
  readonly d_m: number;
  readonly t_s: number;
  readonly size: number;
}

export interface RefinedClasses {
  /** The k closest classes on SGP4 positions, closest first. */
  readonly hits: readonly ClassHit[];
  /** Satellite pairs whose SGP4 closest approach is below the threshold. */
  readonly pairsBelow: number;
  /** Classes refined on SGP4 positions. */
  readonly refinedClasses: number;
}

/** Insert h into the ascending list, keeping at most k entries. */
function insertTopK(top: ClassHit[], h: ClassHit, k: number): void {
  let i = top.length;
  while (i > 0 && top[i - 1]!.d_m > h.d_m) i--;
  if (i >= k) return;
  top.splice(i, 0, h);
  if (top.length > k) top.pop();
}

/** Refine `secular` (ascending secular closest approach, cluster bound subtracted) on SGP4 positions (header). */
export function refineClasses(
  st: ShellState,
  secular: readonly ClassHit[],
  threshold_m: number,
  k: number,
): RefinedClasses {
  if (secular.length === 0) return { hits: [], pairsBelow: 0, refinedClasses: 0 };
  const objs = new Sgp4Objects(st);
  const top: ClassHit[] = [];
  let pairsBelow = 0,
    refinedClasses = 0;
  for (const h of secular) {
    const limit = Math.max(threshold_m, top.length >= k ? top[k - 1]!.d_m : Infinity);
    if (h.d_m - st.pairBound_m >= limit) break;
    if (h.d_m - st.pairBoundOf(h.a, h.b) >= limit) continue;
    refinedClasses++;
    const r = refinePair(objs, h.a, h.b, h.d_m + st.shrink_m, limit + st.shrink_m);
    const d_m = Math.max(0, r.d_m - st.shrink_m);
    if (d_m < threshold_m) pairsBelow += h.size;
    if (d_m < limit) insertTopK(top, { ...h, d_m, t_s: r.t_s }, k);
  }
  return { hits: top, pairsBelow, refinedClasses };
}
