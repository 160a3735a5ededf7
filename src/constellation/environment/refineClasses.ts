/**
 * The self-conjunction screen's candidate pair classes (conjunction.ts), refined on SGP4 positions (sgp4Refine.ts),
 * closest secular class first, by branch and bound.
 *
 * With L = max(threshold, the k-th smallest SGP4 closest approach refined so far), refinement stops at the first
 * class whose secular closest approach is at least L + 2E (the pair bound, sgp4Refine.ts), and skips a class whose
 * secular approach is at least L plus its own pair bound: every class that can be below the threshold or among the
 * k closest is refined. One representative pair per symmetry class (the classes hold under SGP4); cluster shells
 * refine their reference orbits and subtract twice the cluster radius.
 * Derivation, evidence and costs: docs/constellations.md §"Refinement order of pair classes".
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
  /** The first class's secular closest approach [m] (Infinity with none). */
  readonly secularMin_m: number;
}

/** Insert h into the ascending list, keeping at most k entries. */
function insertTopK(top: ClassHit[], h: ClassHit, k: number): void {
  let i = top.length;
  while (i > 0 && top[i - 1]!.d_m > h.d_m) i--;
  if (i >= k) return;
  top.splice(i, 0, h);
  if (top.length > k) top.pop();
}

/** L = max(threshold, the k-th smallest SGP4 closest approach refined so far) (header). */
const refineLimit = (top: readonly ClassHit[], k: number, threshold_m: number): number =>
  Math.max(threshold_m, top.length >= k ? top[k - 1]!.d_m : Infinity);

/**
 * The refinement's limit L as it stands (header), for a source of classes that leaves out those the refinement would
 * skip when it reads them (L only falls: a class skipped under the L of the time it is made is skipped when read).
 */
export interface RefineLimit {
  limit: number;
}

/**
 * Refine `secular` (ascending secular closest approach, cluster bound subtracted; read only as far as the refinement
 * goes) on SGP4 positions (header); `watch`, when given, is kept at the limit the next class is read under.
 */
export function refineClasses(
  st: ShellState,
  secular: Iterable<ClassHit>,
  threshold_m: number,
  k: number,
  watch?: RefineLimit,
): RefinedClasses {
  let objs: Sgp4Objects | null = null;
  const top: ClassHit[] = [];
  let pairsBelow = 0,
    refinedClasses = 0,
    secularMin_m = Infinity;
  for (const h of secular) {
    if (objs === null) {
      objs = new Sgp4Objects(st);
      secularMin_m = h.d_m;
    }
    const limit = refineLimit(top, k, threshold_m);
    if (h.d_m - st.pairBound_m >= limit) break;
    if (h.d_m - st.pairBoundOf(h.a, h.b) >= limit) continue;
    refinedClasses++;
    const r = refinePair(objs, h.a, h.b, h.d_m + st.shrink_m, limit + st.shrink_m);
    const d_m = Math.max(0, r.d_m - st.shrink_m);
    if (d_m < threshold_m) pairsBelow += h.size;
    if (d_m < limit) {
      insertTopK(top, { ...h, d_m, t_s: r.t_s }, k);
      if (watch !== undefined) watch.limit = refineLimit(top, k, threshold_m);
    }
  }
  return { hits: top, pairsBelow, refinedClasses, secularMin_m };
}
