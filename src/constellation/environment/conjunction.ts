/**
 * Self-conjunction screening of a constellation: the closest approach of every pair of its satellites on SGP4
 * positions, the pairs closer than the required separation, and the worst of them.
 *
 * (1) Candidates: every pair class whose secular closest approach (two-body + secular J2, Vallado, Fundamentals of
 * Astrodynamics, 4th ed. 2013, §9.6) is within D = max(threshold, k-th closest) + 4E, E the SGP4 excursion bound
 * (sgp4Refine.ts): by enumeration of the closed form |r_a − r_b|² = 2r²(1 − K0 − K1 cos(2ua + Δ − ψ)), or on a cubic
 * grid of cell size c = D + v_rel·h/2 per time step (pairGrid.ts) over the symmetry window τ = period·gcd(P, F)/T
 * (Walker 1984). (2) Refinement: each candidate class's representative pair on satellite.js SGP4, closest secular
 * class first (refineClasses.ts), to ~0.05 km; the worst pairs' relative speed and time within 2d and within the
 * threshold (sgp4Refine.ts `encounter`). Between shells: shellGap.ts. Required separation: odc's choice
 * (default 1 km), not a regulatory limit (NASA CARA screening volumes: Ravago, Toumey, Baars & Hejduk, AMOS
 * Conference, https://amostech.space/?p=1350).
 * Validity: the omm/tle export's SGP4 mean elements (e = 1e-7: SGP4's J3 term flies the frozen eccentricity at
 * ω = 90°) with BSTAR 0 (a shell's satellites share one B*, so drag moves them alike); no station-keeping deadband
 * or navigation error: the nominal pattern, not a flown constellation.
 * Derivation, evidence and costs: docs/constellations.md §"Conjunction screen".
 */
import { positive } from '../../models/validate.js';
import { Memo } from '../memo.js';
import { LatencyHeap } from '../network/graph/networkPaths.js';
import { pairsWithin } from './pairGrid.js';
import { refineClasses, type ClassHit, type RefineLimit } from './refineClasses.js';
import { encounter, Sgp4Objects } from './sgp4Refine.js';
import {
  classCount,
  pairClassKey,
  pairClassSize,
  pairClosestApproach,
  positionsAt,
  repeatWindow_s,
  shellState,
  type ShellState,
} from './shellState.js';
import {
  enumerationRank,
  kthSmallest,
  slotShiftClasses,
  walkerDeltaClasses,
  type ClassSet,
} from './slotShiftClasses.js';
import { sgp4ShellGap } from './shellGap.js';
import type { ShellGeometrySpec } from '../design/types.js';

/**
 * Most time steps of one shell's window; beyond it the step grows (still missing nothing: the cell grows with
 * it, and candidates with it). Each step hashes every satellite, so a long window (a Walker delta shell whose
 * gcd(P, F) is large repeats only after period·gcd/T) costs steps × n; a coarser step costs candidates near
 * the latitude band edges instead, far fewer at the shells a study searches (test/bench/conjunction.ts).
 */
const MAX_STEPS = 16;

export interface ConjunctionPair {
  readonly shellA: number;
  /** Plane (cluster) and slot of each satellite; null for the shell-pair entries (any satellites). */
  readonly planeA: number | null;
  readonly slotA: number | null;
  readonly shellB: number;
  readonly planeB: number | null;
  readonly slotB: number | null;
  /** Closest approach on SGP4 positions [m] (between shells: over any relative phasing, shellGap.ts). */
  readonly separation_m: number;
  /** Time of the SGP4 closest approach in the first orbit after the epoch [s]; null between shells. */
  readonly time_s: number | null;
  /** Satellite pairs with the same closest approach (the symmetry class). */
  readonly pairs: number;
  /** Relative speed at the closest approach [m/s]; null between shells and without `encounters`. */
  readonly relativeSpeed_m_s: number | null;
  /**
   * Time per encounter within twice the closest approach [s] (straight fly-by: 2√3·d/v); null between shells and
   * without `encounters`.
   */
  readonly encounterDuration_s: number | null;
  /**
   * Time per encounter closer than the threshold [s] (0 when the pair stays clear); null between shells and without
   * `encounters`.
   */
  readonly belowThreshold_s: number | null;
}

export interface ShellScreen {
  /** Closest approach of any two satellites of the shell on SGP4 positions [m] (Infinity with one satellite). */
  readonly minSeparation_m: number;
  /** The same under two-body + secular J2 (the closed form, before refinement) [m]. */
  readonly secularMinSeparation_m: number;
  /** 2E: the most SGP4 moves a pair's distance from its secular value (sgp4Refine.ts) [m]. */
  readonly pairBound_m: number;
  /** Candidate pair classes refined on SGP4 positions. */
  readonly refinedClasses: number;
  /** Satellite pairs closer than the threshold. */
  readonly pairsBelow: number;
  /** Screened window: the shell's secular geometry repeats after it [s]. */
  readonly window_s: number;
  readonly steps: number;
  readonly screeningDistance_m: number;
  readonly candidates: number;
  readonly symmetry: 'walker-delta' | 'slot-shift';
}

export interface ConjunctionScreenResult {
  /** Closest approach of any two satellites of the constellation [m] (Infinity with one satellite). */
  readonly minSeparation_m: number;
  /** Satellite pairs closer than the threshold at some time (within shells and between shells). */
  readonly pairsBelow: number;
  /** The worst pair classes, closest first. */
  readonly worst: readonly ConjunctionPair[];
  readonly shells: readonly ShellScreen[];
}

export interface ConjunctionScreenParams {
  readonly shells: readonly ShellGeometrySpec[];
  readonly epochIso: string;
  /** Pairs closer than this are counted [m]. */
  readonly threshold_m: number;
  /** How many worst pair classes to keep (default 10). */
  readonly worst?: number;
  /** Reuse shell screens of this process (default true; false times the screen itself). */
  readonly memoise?: boolean;
  /** Candidate method per shell (default 'auto': the cheaper for the shell's size; both find the same classes). */
  readonly method?: ScreenMethod;
  /**
   * The worst pairs' relative speed and encounter times (default true; false leaves them null and skips their SGP4
   * calls, about half of a screen's: the lean evaluation reads no list).
   */
  readonly encounters?: boolean;
}

export type ScreenMethod = 'auto' | 'grid' | 'enumerate';

/** k-th smallest pair distance at the epoch (an upper bound on the k-th smallest closest approach) [m]. */
function snapshotKth(st: ShellState, k: number): number {
  const pos = positionsAt(st, 0);
  const n = st.u0.length;
  if (n < 2) return Infinity;
  // Start well below the mean spacing on the sphere and double: the first passes find few pairs.
  let cutoff = Math.sqrt((4 * Math.PI * st.r * st.r) / n) / 16;
  for (;;) {
    const found: number[] = [];
    pairsWithin(pos, st.r, cutoff, (_a, _b, d) => found.push(d));
    if (found.length >= Math.min(k, (n * (n - 1)) / 2) || cutoff > 2 * st.r)
      return found.sort((x, y) => x - y)[Math.min(k, found.length) - 1] ?? Infinity;
    cutoff *= 2;
  }
}

type ShellResult = { readonly screen: ShellScreen; readonly hits: readonly ClassHit[]; readonly st: ShellState };

/**
 * Shell screens kept across the evaluations of one process (a study revisits a shell with another launcher,
 * terminal or second shell). The key is every input the screen reads; the value is returned as computed.
 * Budget in objects and hits held (~8 bytes × 6 each, a few tens of MB at most).
 */
const SCREENS = new Memo<ShellResult>(4_000_000);

/** Screen one shell (header), memoised on its geometry (the name aside), the epoch, threshold and k. */
function screenShell(
  sh: ShellGeometrySpec,
  epochIso: string,
  threshold_m: number,
  k: number,
  memoise: boolean,
  method: ScreenMethod,
): ShellResult {
  if (!memoise) return screenShellOnce(sh, epochIso, threshold_m, k, method);
  const { name: _name, ...geometry } = sh;
  const key = `${JSON.stringify(geometry)}|${epochIso}|${threshold_m}|${k}|${method}`;
  return SCREENS.get(
    key,
    () => screenShellOnce(sh, epochIso, threshold_m, k, method),
    (r) => r.st.u0.length + r.hits.length,
  );
}

/** Screen one shell (header): candidates by the cheaper of the two secular methods for its size, refined on SGP4. */
function screenShellOnce(
  sh: ShellGeometrySpec,
  epochIso: string,
  threshold_m: number,
  k: number,
  method: ScreenMethod,
): ShellResult {
  const st = shellState(sh, epochIso);
  const enumerate =
    method === 'enumerate' ||
    (method === 'auto' && classCount(st) <= Math.min(ENUMERATE_PER_OBJECT * st.u0.length, ENUMERATE_MAX_CLASSES));
  return enumerate ? enumerateShell(st, threshold_m, k) : gridShell(st, threshold_m, k);
}

/**
 * Enumeration pays while a shell has fewer than this many pair classes per object: a class costs one closed form
 * (~70 ns) where the grid costs each object a few µs per time step, over up to MAX_STEPS + 1 passes (measured on the
 * flagship study's shells and a 400 × 30 band: `npm run bench:constellation` prints both). Sun-synchronous bands
 * of up to ~500 planes enumerate; Walker delta shells always do (T − 1 classes).
 */
const ENUMERATE_PER_OBJECT = 256;
/** Most classes enumerated (16 bytes each): above it the grid, whose memory grows with the satellites only. */
const ENUMERATE_MAX_CLASSES = 4_000_000;

/** Screen one shell on the cubic grid (header): every pair class closer than the screening distance. */
function gridShell(st: ShellState, threshold_m: number, k: number): ShellResult {
  const T = st.planes * st.slots;
  const window_s = repeatWindow_s(st);
  const kth = snapshotKth(st, k); // Infinity with a single object: nothing to screen
  const D =
    (Number.isFinite(kth) ? Math.max(threshold_m + st.shrink_m, kth) : threshold_m + st.shrink_m) + inflation(st);
  const vRel = 2 * st.r * st.uDot;
  const steps = Math.min(MAX_STEPS, Math.max(1, Math.ceil((window_s * vRel) / (2 * D))));
  const h = window_s / steps;
  const cutoff = D + (vRel * h) / 2;
  const classes = new Map<number, ClassHit>();
  let candidates = 0;
  for (let i = 0; i < steps && T > 1; i++) {
    pairsWithin(positionsAt(st, (i + 0.5) * h), st.r, cutoff, (a, b) => {
      candidates++;
      const key = pairClassKey(st, a, b);
      if (classes.has(key)) return;
      const ca = pairClosestApproach(st, a, b);
      if (ca.d_m < D) classes.set(key, classHit(st, a, b, ca));
    });
  }
  const hits = [...classes.values()].sort((x, y) => x.d_m - y.d_m);
  return shellResult(st, hits, threshold_m, k, { window_s, steps, screeningDistance_m: D, candidates });
}

function classHit(st: ShellState, a: number, b: number, ca: { d_m: number; t_s: number }): ClassHit {
  return {
    a,
    b,
    d_m: Math.max(0, ca.d_m - st.shrink_m),
    t_s: ca.t_s,
    size: pairClassSize(st, a, b) * st.members * st.members,
  };
}

function shellResult(
  st: ShellState,
  secular: Iterable<ClassHit>,
  threshold_m: number,
  k: number,
  how: { window_s: number; steps: number; screeningDistance_m: number; candidates: number },
  watch?: RefineLimit,
): ShellResult {
  const { hits, pairsBelow, refinedClasses, secularMin_m } = refineClasses(st, secular, threshold_m, k, watch);
  return {
    screen: {
      minSeparation_m: hits[0]?.d_m ?? Infinity,
      secularMinSeparation_m: secularMin_m,
      pairBound_m: st.pairBound_m,
      refinedClasses,
      pairsBelow,
      ...how,
      symmetry: st.delta ? 'walker-delta' : 'slot-shift',
    },
    hits,
    st,
  };
}

/**
 * The candidates' inflation of the screening distance [m]: 4E = 2 × the pair bound 2E (header): every class whose
 * SGP4 closest approach is below the threshold, or among the k closest, is secularly within max(threshold, k-th) + 4E.
 */
const inflation = (st: ShellState): number => 2 * st.pairBound_m;

/**
 * Screen one shell by enumerating its pair classes (header): one representative pair per class, its closest
 * approach over all time in closed form, |r_a − r_b|² = 2r²(1 − K0 − K1). Kept: every class closer than
 * D = max(threshold, the k-th closest class), refined from the representative's two position vectors
 * (pairClosestApproach) like the grid's candidates. The closed form's rounding (~1e-15 of 2r², a fraction of a metre
 * at 7,000 km) is covered by the margin below. No time steps: `steps` is 0, `candidates` the shell's classes
 * (the closed form is evaluated only for those near the cut: slotShiftClasses.ts, the same classes kept).
 */
function enumerateShell(st: ShellState, threshold_m: number, k: number): ShellResult {
  const floor_m = threshold_m + st.shrink_m;
  // Only the classes near the cut (slotShiftClasses.ts), the same kept classes as enumerating all.
  const set = (st.delta ? walkerDeltaClasses : slotShiftClasses)(st, k, floor_m, REFINE_MARGIN_m + inflation(st));
  const kth2 = kthSmallest(set.d2, k);
  const cut_m = Math.max(floor_m, Math.sqrt(Math.max(0, kth2))) + REFINE_MARGIN_m + inflation(st);
  // The classes under the cut, closest first (ties in enumeration order), each refined when first read.
  const order = new SecularOrder(st, set, cut_m * cut_m);
  // D in the grid's terms (before the cluster bound is subtracted)
  const D = Math.max(floor_m, (order.get(Math.min(k, order.size) - 1)?.d_m ?? 0) + st.shrink_m) + inflation(st);
  const hits = order.prefix((h, i) => i < k || h.d_m + st.shrink_m < D);
  return shellResult(
    st,
    hits,
    threshold_m,
    k,
    { window_s: repeatWindow_s(st), steps: 0, screeningDistance_m: D, candidates: classCount(st) },
    order,
  );
}

/**
 * Most the closed form of a class's d² (slotShiftClasses.ts) and its closest approach from two position vectors
 * (pairClosestApproach) differ [m]: their rounding, a fraction of a metre (enumerateShell), with a wide margin.
 */
const ORDER_TOLERANCE_m = 100;

/**
 * The kept classes' hits in ascending secular closest approach, ties in enumeration order (as a stable sort of all
 * of them gives), each hit computed (pairClosestApproach) when the order first needs it: classes are taken in
 * ascending closed-form d², and a computed hit is final once every class not yet computed is, by its d² less
 * ORDER_TOLERANCE_m, farther. The refinement reads only the first few of a band's hundreds of kept classes.
 */
class SecularOrder implements RefineLimit {
  /**
   * The refinement's limit (refineClasses): a class the refinement would skip under it, by its closed-form d² less
   * ORDER_TOLERANCE_m, is left out uncomputed (it changes nothing read: skipped classes and those past the
   * refinement's end alike are not refined). Infinity (none left out) until the refinement has k classes, after the
   * first k hits are placed.
   */
  limit = Infinity;
  private readonly hits: ClassHit[] = [];
  /** Kept classes not yet computed, by d² (node: the class's index in `set`). */
  private readonly byD2: LatencyHeap;
  /**
   * Computed hits not yet placed, by closest approach (node: index in `computed`), the hits in the order computed, and
   * each one's rank in the enumeration (enumerationRank: ties are placed by it).
   */
  private readonly pending: LatencyHeap;
  private readonly computed: ClassHit[] = [];
  private readonly rank: number[] = [];
  private readonly ties: number[] = [];
  /** Kept classes: those with d² below cut2. */
  readonly size: number;
  constructor(
    private readonly st: ShellState,
    private readonly set: ClassSet,
    cut2: number,
  ) {
    const d2 = set.d2;
    this.byD2 = new LatencyHeap(64);
    for (let i = 0; i < d2.length; i++) if (d2[i]! < cut2) this.byD2.push(d2[i]!, i);
    this.size = this.byD2.size;
    this.pending = new LatencyHeap(16);
  }
  /** The i-th closest hit (undefined past the last). */
  get(i: number): ClassHit | undefined {
    while (this.hits.length <= i && this.place());
    return this.hits[i];
  }
  /** The hits while `keep` holds, in order. */
  *prefix(keep: (h: ClassHit, i: number) => boolean): Generator<ClassHit> {
    for (let i = 0; ; i++) {
      const h = this.get(i);
      if (h === undefined || !keep(h, i)) return;
      yield h;
    }
  }
  /** Place the next hits in order (those tied with the closest, by enumeration rank); false when none is left. */
  private place(): boolean {
    const { st, set, byD2, pending, computed, rank } = this;
    for (;;) {
      const bound = byD2.size === 0 ? Infinity : Math.sqrt(Math.max(0, byD2.key[0]!)) - ORDER_TOLERANCE_m - st.shrink_m;
      if (pending.size > 0 && pending.key[0]! < Math.max(0, bound)) {
        const d = pending.key[0]!,
          ties = this.ties;
        let n = 0;
        while (pending.size > 0 && pending.key[0] === d) {
          ties[n++] = pending.node[0]!;
          pending.pop();
        }
        sortByRank(ties, n, rank);
        for (let j = 0; j < n; j++) this.hits.push(computed[ties[j]!]!);
        return true;
      }
      if (byD2.size === 0) return false;
      const i = byD2.node[0]!,
        lower_m = Math.sqrt(Math.max(0, byD2.key[0]!)) - ORDER_TOLERANCE_m - st.shrink_m;
      byD2.pop();
      if (this.limit < Infinity && lower_m - st.pairBoundOf(set.a[i]!, set.b[i]!) >= this.limit) continue;
      const h = classHit(st, set.a[i]!, set.b[i]!, pairClosestApproach(st, set.a[i]!, set.b[i]!));
      pending.push(h.d_m, computed.length);
      computed.push(h);
      rank.push(enumerationRank(set, i));
    }
  }
}

/**
 * Sorts v[0 … n − 1] (indices of distinct ranks) by rank ascending, in place (the ties of one closest approach: one
 * or a few).
 */
function sortByRank(v: number[], n: number, rank: readonly number[]): void {
  for (let i = 1; i < n; i++) {
    const x = v[i]!,
      r = rank[x]!;
    let j = i - 1;
    for (; j >= 0 && rank[v[j]!]! > r; j--) v[j + 1] = v[j]!;
    v[j + 1] = x;
  }
}

/** Margin of the closed form's pre-selection [m]: well above its rounding (a fraction of a metre). */
const REFINE_MARGIN_m = 10;

/** Self-conjunction screen of every satellite of every shell (header). */
export function conjunctionScreen(p: Readonly<ConjunctionScreenParams>): ConjunctionScreenResult {
  positive('threshold_m', p.threshold_m);
  const k = p.worst ?? 10;
  const worst: ConjunctionPair[] = [];
  const shells: ShellScreen[] = [];
  let pairsBelow = 0;
  p.shells.forEach((sh, i) => {
    const { screen, hits, st } = screenShell(sh, p.epochIso, p.threshold_m, k, p.memoise ?? true, p.method ?? 'auto');
    shells.push(screen);
    pairsBelow += screen.pairsBelow;
    const objs = p.encounters === false ? null : new Sgp4Objects(st);
    for (const c of hits.slice(0, k)) {
      const near = objs && encounter(objs, c.a, c.b, c.t_s, 2 * c.d_m + st.shrink_m);
      worst.push({
        shellA: i,
        planeA: Math.floor(c.a / st.slots),
        slotA: sh.pattern === 'cluster' ? null : c.a % st.slots,
        shellB: i,
        planeB: Math.floor(c.b / st.slots),
        slotB: sh.pattern === 'cluster' ? null : c.b % st.slots,
        separation_m: c.d_m,
        time_s: c.t_s,
        pairs: c.size,
        relativeSpeed_m_s: near?.relativeSpeed_m_s ?? null,
        encounterDuration_s: near?.duration_s ?? null,
        belowThreshold_s: objs && encounter(objs, c.a, c.b, c.t_s, p.threshold_m + st.shrink_m).duration_s,
      });
    }
  });
  const sats = p.shells.map((s) => s.planes * s.satsPerPlane);
  const radiusBound = (s: ShellGeometrySpec): number => (s.pattern === 'cluster' ? s.clusterRadius_m : 0);
  for (let a = 0; a < p.shells.length; a++) {
    for (let b = a + 1; b < p.shells.length; b++) {
      const A = p.shells[a]!,
        B = p.shells[b]!;
      const moid = Math.max(0, sgp4ShellGap(A, B).gap_m - radiusBound(A) - radiusBound(B));
      const pairs = sats[a]! * sats[b]!;
      if (moid < p.threshold_m) pairsBelow += pairs;
      worst.push({
        shellA: a,
        planeA: null,
        slotA: null,
        shellB: b,
        planeB: null,
        slotB: null,
        separation_m: moid,
        time_s: null,
        pairs,
        relativeSpeed_m_s: null,
        encounterDuration_s: null,
        belowThreshold_s: null,
      });
    }
  }
  worst.sort((x, y) => x.separation_m - y.separation_m);
  const minSeparation_m = worst[0]?.separation_m ?? Infinity;
  return { minSeparation_m, pairsBelow, worst: worst.slice(0, k), shells };
}
