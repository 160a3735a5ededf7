/**
 * Self-conjunction screening of a constellation: the closest approach of every pair of its satellites,
 * the pairs closer than a screening distance, and the worst of them.
 *
 * Model: circular orbits, two-body + secular J2 (Vallado, Fundamentals of Astrodynamics, 4th ed. 2013,
 * §9.6: Ω̇ = −(3/2)nJ2(R⊕/a)² cos i, ω̇ + Ṁ − n = (3/4)nJ2(R⊕/a)²(8cos²i − 2), so the argument of latitude
 * runs at u̇ = n[1 + (3/2)J2(R⊕/a)²(4cos²i − 1)]), with the elements of pattern.ts (RAAN per plane, argument
 * of latitude per slot at the epoch). Every satellite of one shell shares a, i, Ω̇ and u̇: in the frame turning
 * with the nodes the planes are fixed and satellite k sits at r(cos u_k P̂_p + sin u_k Q̂_p), u_k = u_k0 + u̇t.
 *
 * Pair distance, in closed form. For two satellites of one shell (ub = ua + Δ, Δ constant):
 *   r_a·r_b / r² = K0 + K1·cos(2ua + Δ − ψ),  K0 = ½[cos Δ (P̂a·P̂b + Q̂a·Q̂b) + sin Δ (P̂a·Q̂b − Q̂a·P̂b)],
 *   K1 cos ψ = ½(P̂a·P̂b − Q̂a·Q̂b),  K1 sin ψ = ½(P̂a·Q̂b + Q̂a·P̂b)   (product-to-sum identities),
 * so |r_a − r_b|² = 2r²(1 − K0 − K1 cos(2ua + Δ − ψ)) is smallest, for all time, at ua ≡ (ψ − Δ)/2 (mod π):
 * twice per orbit, the pair symmetric about the planes' mutual node (d = 2r·cos(θ/2)|sin(Δ'/2)|,
 * environment.ts). A candidate pair is refined to that minimum exactly (the distance is evaluated from the
 * two position vectors there, not from 1 − K0 − K1, to keep metre accuracy at 7,000 km).
 *
 * Screen by enumeration (shells up to a few million pair classes: every Walker delta shell, sun-synchronous bands
 * of up to ~500 planes). Every pair class has a representative, (0, j) for j = 1 … T − 1 under the Walker delta
 * symmetry, (plane p1 slot 0, plane p2 slot s) under the slot shift; its closest approach over all time is the
 * closed form above, so the classes closer than D = max(threshold, the k-th closest class) are found exactly, with
 * no time steps, and refined from the two position vectors as below.
 *
 * Screen (cubic grid, pairGrid.ts, per time step; larger shells). Positions at the middle of each step go into a cubic
 * grid of cell size c = D + v_rel·h/2 (D the screening distance, h the step, v_rel ≤ 2r·u̇ the largest relative speed
 * of two satellites of one shell); every pair in the same or adjacent cells closer than c is a candidate.
 * A pair whose distance drops below D anywhere in the step is closer than c at its middle, so no pair
 * closer than D is missed, whatever h: the step only sets the work (h = 2D/v_rel, or one step when the
 * window is shorter). D = max(threshold, the k-th smallest distance of an epoch snapshot), so the screen
 * also finds the constellation's true closest pair and its k worst pairs.
 *
 * Window (the symmetry, stated): shifting time by one slot spacing 2π/(S·u̇) moves every satellite onto its
 * successor's place, so the shell's geometry repeats after period/S. A Walker delta shell (RAAN evenly over
 * 360°) repeats sooner: rotating by 2π/P about the pole maps plane p onto p + 1 at a time shift F·2π/(T·u̇)
 * (Walker 1984), and combining the two, the geometry repeats (up to a rotation) after
 * τ = period·gcd(P, F)/T. Every pair's distance history is a time-shifted copy of another pair's, so
 * screening [0, τ) sees every closest approach of the shell (with relabelled satellites). Walker star
 * (180° spread) and sso-ltan shells (uneven RAAN) use period/S. Pairs related by the symmetry form a class
 * with one closest approach; pairs are counted class by class (class size T, or T/2 for a pair swapped by the
 * symmetry; S or S/2 under the slot shift alone).
 *
 * Between shells: different altitudes or inclinations give different u̇ and Ω̇, so the shells' relative
 * phasing drifts and any phasing occurs over a long mission: the closest approach is the orbits' minimum
 * distance (MOID), |r₁ − r₂| for two circular orbits (every pair of planes meets along the line of nodes).
 * Conservative for two shells of equal altitude and inclination whose relative phasing the operator fixes.
 *
 * Clusters: formation members (pattern.ts `cluster`) are flown close on purpose by relative navigation;
 * pairs within one cluster are not screened. Clusters are screened by their reference orbits, members
 * bounded by d − 2·radius (a lower bound).
 *
 * Required separation (environment.minSeparation_km, default 1 km): odc's choice, not a regulatory limit.
 * Operational conjunction screening volumes are ellipsoids of kilometres to tens of kilometres about each
 * satellite, after which the probability of collision decides a manoeuvre (NASA CARA screening volumes:
 * Ravago, Toumey, Baars & Hejduk, AMOS Conference, https://amostech.space/?p=1350; 18 SPCS, Spaceflight
 * Safety Handbook for Satellite Operators v1.5, 2020). A nominal pattern whose own satellites pass within
 * 1 km of each other makes those crossings recurring screening events by design.
 *
 * Cost: enumeration, one closed form per class (T − 1 for Walker delta, ~P·T/2 for the slot shift). Grid: one
 * cell table per step (open addressing on the packed cell key), each pair tested once (a cell against itself and
 * 13 of its 26 neighbours): O(N) per step for N satellites. A Walker delta shell with F ≥ 1 needs one or two steps
 * (τ is a fraction of a second for thousands of satellites).
 *
 * Validity: circular orbits; no drag, station-keeping deadband, eccentricity or SGP4 short-period terms
 * (SGP4 moves the radius by a few km once per orbit, the same for every satellite at one argument of
 * latitude: propagate.ts). The separations are those of the nominal pattern, not of a flown constellation.
 */
import { EARTH_J2, EARTH_MU_m3_s2, EARTH_RADIUS_m } from '../../base/constants.js';
import { positive } from '../../models/validate.js';
import { planeRaan_rad, slotPhase_rad } from '../geometry/pattern.js';
import { Memo } from '../memo.js';
import { pairsWithin } from './pairGrid.js';
import { slotShiftClasses, type ClassSet } from './slotShiftClasses.js';
import type { ShellGeometrySpec } from '../design/types.js';

const TWO_PI = 2 * Math.PI;
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
  /** Closest approach [m]. */
  readonly separation_m: number;
  /** First time of closest approach after the epoch [s] (repeats every half orbit); null between shells. */
  readonly time_s: number | null;
  /** Satellite pairs with the same closest approach (the symmetry class). */
  readonly pairs: number;
}

export interface ShellScreen {
  /** Closest approach of any two satellites of the shell [m] (Infinity with one satellite). */
  readonly minSeparation_m: number;
  /** Satellite pairs closer than the threshold. */
  readonly pairsBelow: number;
  /** Screened window: the shell's geometry repeats after it [s]. */
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
  /** Exact method per shell (default 'auto': the cheaper for the shell's size; both find the same classes). */
  readonly method?: ScreenMethod;
}

export type ScreenMethod = 'auto' | 'grid' | 'enumerate';

/** Rate of the argument of latitude of a circular orbit with secular J2 [rad/s] (header). */
export function argumentOfLatitudeRate_rad_s(altitude_m: number, inclination_rad: number): number {
  const a = EARTH_RADIUS_m + altitude_m;
  const n = Math.sqrt(EARTH_MU_m3_s2 / (a * a * a));
  const c = Math.cos(inclination_rad);
  return n * (1 + 1.5 * EARTH_J2 * (EARTH_RADIUS_m / a) ** 2 * (4 * c * c - 1));
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
const mod = (a: number, m: number): number => ((a % m) + m) % m;

/** One shell as the screen sees it: objects (satellites, or cluster reference orbits) in the nodal frame. */
interface ShellState {
  readonly r: number;
  readonly uDot: number;
  readonly planes: number;
  readonly slots: number;
  /** Plane bases P̂, Q̂ (xyz each), plane by plane. */
  readonly basis: Float64Array;
  /** Argument of latitude at the epoch, object by object (plane-major). */
  readonly u0: Float64Array;
  readonly delta: boolean;
  readonly phasing: number;
  /** Satellites per object (cluster members) and the bound subtracted per pair [m]. */
  readonly members: number;
  readonly shrink_m: number;
}

function shellState(sh: ShellGeometrySpec, epochIso: string): ShellState {
  positive('altitude_m', sh.altitude_m);
  const cluster = sh.pattern === 'cluster';
  const slots = cluster ? 1 : sh.satsPerPlane;
  const basis = new Float64Array(sh.planes * 6);
  const u0 = new Float64Array(sh.planes * slots);
  const ci = Math.cos(sh.inclination_rad),
    si = Math.sin(sh.inclination_rad);
  for (let p = 0; p < sh.planes; p++) {
    const raan = planeRaan_rad(sh, p, epochIso);
    const co = Math.cos(raan),
      so = Math.sin(raan);
    // P̂ = ascending node, Q̂ = ĥ × P̂ (90° ahead in the plane).
    basis.set([co, so, 0, -so * ci, co * ci, si], p * 6);
    for (let s = 0; s < slots; s++) u0[p * slots + s] = slotPhase_rad(sh, p, s);
  }
  return {
    r: EARTH_RADIUS_m + sh.altitude_m,
    uDot: argumentOfLatitudeRate_rad_s(sh.altitude_m, sh.inclination_rad),
    planes: sh.planes,
    slots,
    basis,
    u0,
    delta: sh.pattern === 'walker-delta' || cluster,
    phasing: sh.phasing,
    members: cluster ? sh.satsPerPlane : 1,
    shrink_m: cluster ? 2 * sh.clusterRadius_m : 0,
  };
}

function position(st: ShellState, k: number, u: number, out: Float64Array, o: number): void {
  const b = Math.floor(k / st.slots) * 6;
  const c = Math.cos(u) * st.r,
    s = Math.sin(u) * st.r;
  const B = st.basis;
  out[o] = c * B[b]! + s * B[b + 3]!;
  out[o + 1] = c * B[b + 1]! + s * B[b + 4]!;
  out[o + 2] = c * B[b + 2]! + s * B[b + 5]!;
}

const SCRATCH = new Float64Array(6);

/** Exact closest approach of objects a and b over all time, and its first time after the epoch. */
export function pairClosestApproach(st: ShellState, a: number, b: number): { d_m: number; t_s: number } {
  const B = st.basis,
    pa = Math.floor(a / st.slots) * 6,
    pb = Math.floor(b / st.slots) * 6;
  const dot = (i: number, j: number): number => B[i]! * B[j]! + B[i + 1]! * B[j + 1]! + B[i + 2]! * B[j + 2]!;
  const PP = dot(pa, pb),
    QQ = dot(pa + 3, pb + 3),
    PQ = dot(pa, pb + 3),
    QP = dot(pa + 3, pb);
  const A = (PP - QQ) / 2,
    C = (PQ + QP) / 2;
  const ua0 = st.u0[a]!,
    delta = st.u0[b]! - ua0;
  // Same plane (A = C = 0): the distance is constant.
  const ua = Math.hypot(A, C) < 1e-14 ? ua0 : (Math.atan2(C, A) - delta) / 2;
  const t_s = mod(ua - ua0, Math.PI) / st.uDot;
  const x = SCRATCH;
  position(st, a, ua, x, 0);
  position(st, b, ua + delta, x, 3);
  return { d_m: Math.hypot(x[0]! - x[3]!, x[1]! - x[4]!, x[2]! - x[5]!), t_s };
}

/** Symmetry class of the pair (a, b): a key and the number of object pairs in the class (header). */
function pairClass(st: ShellState, a: number, b: number): { key: number; size: number } {
  const P = st.planes,
    S = st.slots,
    T = P * S;
  const pa = Math.floor(a / S),
    sa = a % S,
    pb = Math.floor(b / S),
    sb = b % S;
  if (st.delta) {
    const d1 = deltaDiff(st, pa, sa, pb, sb),
      d2 = deltaDiff(st, pb, sb, pa, sa);
    return { key: Math.min(d1, d2), size: d1 === d2 ? T / 2 : T };
  }
  const [p1, p2, ds] =
    pa < pb
      ? [pa, pb, mod(sb - sa, S)]
      : pa > pb
        ? [pb, pa, mod(sa - sb, S)]
        : [pa, pa, Math.min(mod(sb - sa, S), mod(sa - sb, S))];
  return { key: (p1 * P + p2) * S + ds, size: p1 === p2 && 2 * ds === S ? S / 2 : S };
}

/** Walker delta: the offset (planes, slots) from object (p1, s1) to (p2, s2), as one number. */
function deltaDiff(st: ShellState, p1: number, s1: number, p2: number, s2: number): number {
  return mod(p2 - p1, st.planes) * st.slots + mod(s2 - s1 - (p2 < p1 ? st.phasing : 0), st.slots);
}

/** The key of pairClass alone (no allocation: it runs for every candidate pair). */
function pairClassKey(st: ShellState, a: number, b: number): number {
  const S = st.slots;
  const pa = Math.floor(a / S),
    sa = a % S,
    pb = Math.floor(b / S),
    sb = b % S;
  if (st.delta) return Math.min(deltaDiff(st, pa, sa, pb, sb), deltaDiff(st, pb, sb, pa, sa));
  if (pa === pb) return (pa * st.planes + pa) * S + Math.min(mod(sb - sa, S), mod(sa - sb, S));
  return pa < pb ? (pa * st.planes + pb) * S + mod(sb - sa, S) : (pb * st.planes + pa) * S + mod(sa - sb, S);
}

/** Positions of every object at time t [m], xyz interleaved. */
function positionsAt(st: ShellState, t: number): Float64Array {
  const n = st.u0.length,
    out = new Float64Array(3 * n);
  for (let k = 0; k < n; k++) position(st, k, st.u0[k]! + st.uDot * t, out, 3 * k);
  return out;
}

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

interface ClassHit {
  readonly a: number;
  readonly b: number;
  readonly d_m: number;
  readonly t_s: number;
  readonly size: number;
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

/** Screen one shell (header) by the cheaper of the two exact methods for its size. */
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

/** Pair classes of a shell (header): T − 1 offsets from one object (Walker delta), or plane pairs × slot offsets. */
function classCount(st: ShellState): number {
  const P = st.planes,
    S = st.slots;
  return st.delta ? P * S - 1 : ((P * (P - 1)) / 2) * S + P * Math.floor(S / 2);
}

/** The screen's window (header): after it the shell's geometry repeats. */
function repeatWindow_s(st: ShellState): number {
  const period = TWO_PI / st.uDot;
  return st.delta ? (period * gcd(st.planes, st.phasing)) / (st.planes * st.slots) : period / st.slots;
}

/** Screen one shell on the cubic grid (header): every pair class closer than the screening distance. */
function gridShell(st: ShellState, threshold_m: number, k: number): ShellResult {
  const T = st.planes * st.slots;
  const window_s = repeatWindow_s(st);
  const kth = snapshotKth(st, k); // Infinity with a single object: nothing to screen
  const D = Number.isFinite(kth) ? Math.max(threshold_m + st.shrink_m, kth) : threshold_m + st.shrink_m;
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
  return shellResult(st, hits, threshold_m, { window_s, steps, screeningDistance_m: D, candidates });
}

function classHit(st: ShellState, a: number, b: number, ca: { d_m: number; t_s: number }): ClassHit {
  return {
    a,
    b,
    d_m: Math.max(0, ca.d_m - st.shrink_m),
    t_s: ca.t_s,
    size: pairClass(st, a, b).size * st.members * st.members,
  };
}

function shellResult(
  st: ShellState,
  hits: readonly ClassHit[],
  threshold_m: number,
  how: { window_s: number; steps: number; screeningDistance_m: number; candidates: number },
): ShellResult {
  const pairsBelow = hits.reduce((acc, c) => acc + (c.d_m < threshold_m ? c.size : 0), 0);
  return {
    screen: {
      minSeparation_m: hits[0]?.d_m ?? Infinity,
      pairsBelow,
      ...how,
      symmetry: st.delta ? 'walker-delta' : 'slot-shift',
    },
    hits,
    st,
  };
}

/**
 * Screen one shell by enumerating its pair classes (header): one representative pair per class, its closest
 * approach over all time in closed form, |r_a − r_b|² = 2r²(1 − K0 − K1). Kept: every class closer than
 * D = max(threshold, the k-th closest class), refined from the representative's two position vectors
 * (pairClosestApproach) like the grid's candidates. The closed form's rounding (~1e-15 of 2r², a fraction of a metre
 * at 7,000 km) is covered by the margin below. No time steps: `steps` is 0, `candidates` the shell's classes
 * (a slot-shift shell evaluates only those near the cut: slotShiftClasses.ts, the same classes kept).
 */
function enumerateShell(st: ShellState, threshold_m: number, k: number): ShellResult {
  const floor_m = threshold_m + st.shrink_m;
  // Slot shift: only the classes near the cut (slotShiftClasses.ts), the same kept classes as enumerating all.
  const { a, b, d2 } = st.delta ? walkerDeltaClasses(st) : slotShiftClasses(st, k, floor_m, REFINE_MARGIN_m);
  const n = d2.length;
  const kth2 = kthSmallest(d2, k);
  const cut_m = Math.max(floor_m, Math.sqrt(Math.max(0, kth2))) + REFINE_MARGIN_m;
  const cut2 = cut_m * cut_m;
  const refined: ClassHit[] = [];
  for (let i = 0; i < n; i++) {
    if (d2[i]! < cut2) refined.push(classHit(st, a[i]!, b[i]!, pairClosestApproach(st, a[i]!, b[i]!)));
  }
  refined.sort((x, y) => x.d_m - y.d_m);
  // D in the grid's terms (before the cluster bound is subtracted)
  const D = Math.max(floor_m, (refined[Math.min(k, refined.length) - 1]?.d_m ?? 0) + st.shrink_m);
  const hits = refined.filter((h, i) => i < k || h.d_m + st.shrink_m < D);
  return shellResult(st, hits, threshold_m, {
    window_s: repeatWindow_s(st),
    steps: 0,
    screeningDistance_m: D,
    candidates: classCount(st),
  });
}

/** Margin of the closed form's pre-selection [m]: well above its rounding (a fraction of a metre). */
const REFINE_MARGIN_m = 10;

/** One representative pair per class of a Walker delta shell and its closed-form squared closest approach [m²]. */
function walkerDeltaClasses(st: ShellState): ClassSet {
  const P = st.planes,
    S = st.slots,
    n = classCount(st);
  const a = new Int32Array(n),
    b = new Int32Array(n),
    d2 = new Float64Array(n);
  const twoR2 = 2 * st.r * st.r,
    B = st.basis,
    u0 = st.u0;
  let i = 0;
  const add = (ia: number, ib: number, p1: number, p2: number): void => {
    const o1 = p1 * 6,
      o2 = p2 * 6;
    const PP = B[o1]! * B[o2]! + B[o1 + 1]! * B[o2 + 1]! + B[o1 + 2]! * B[o2 + 2]!;
    const QQ = B[o1 + 3]! * B[o2 + 3]! + B[o1 + 4]! * B[o2 + 4]! + B[o1 + 5]! * B[o2 + 5]!;
    const PQ = B[o1]! * B[o2 + 3]! + B[o1 + 1]! * B[o2 + 4]! + B[o1 + 2]! * B[o2 + 5]!;
    const QP = B[o1 + 3]! * B[o2]! + B[o1 + 4]! * B[o2 + 1]! + B[o1 + 5]! * B[o2 + 2]!;
    const delta = u0[ib]! - u0[ia]!;
    const K0 = 0.5 * (Math.cos(delta) * (PP + QQ) + Math.sin(delta) * (PQ - QP));
    const K1 = Math.hypot((PP - QQ) / 2, (PQ + QP) / 2);
    a[i] = ia;
    b[i] = ib;
    d2[i++] = twoR2 * (1 - K0 - K1);
  };
  // Every class holds a pair (0, j) (the symmetry moves any satellite onto object 0); j and its mirror share one.
  const seen = new Uint8Array(P * S);
  for (let j = 1; j < P * S; j++) {
    const key = pairClassKey(st, 0, j);
    if (seen[key]) continue;
    seen[key] = 1;
    add(0, j, 0, Math.floor(j / S));
  }
  return { a: a.subarray(0, i), b: b.subarray(0, i), d2: d2.subarray(0, i) };
}

/** The k-th smallest value (Infinity when there are fewer), by a bounded max-heap: O(n log k). */
function kthSmallest(v: Float64Array, k: number): number {
  if (k <= 0 || v.length === 0) return Infinity;
  const heap: number[] = [];
  for (let i = 0; i < v.length; i++) {
    const x = v[i]!;
    if (heap.length < k) {
      heap.push(x);
      for (let c = heap.length - 1; c > 0;) {
        const p = (c - 1) >> 1;
        if (heap[p]! >= heap[c]!) break;
        [heap[p], heap[c]] = [heap[c]!, heap[p]!];
        c = p;
      }
    } else if (x < heap[0]!) {
      heap[0] = x;
      for (let c = 0; ;) {
        const l = 2 * c + 1,
          r = l + 1;
        let m = c;
        if (l < k && heap[l]! > heap[m]!) m = l;
        if (r < k && heap[r]! > heap[m]!) m = r;
        if (m === c) break;
        [heap[m], heap[c]] = [heap[c]!, heap[m]!];
        c = m;
      }
    }
  }
  return heap.length < k ? (heap.length > 0 ? Math.max(...heap) : Infinity) : heap[0]!;
}

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
    for (const c of hits.slice(0, k)) {
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
      });
    }
  });
  const sats = p.shells.map((s) => s.planes * s.satsPerPlane);
  const radiusBound = (s: ShellGeometrySpec): number => (s.pattern === 'cluster' ? s.clusterRadius_m : 0);
  for (let a = 0; a < p.shells.length; a++) {
    for (let b = a + 1; b < p.shells.length; b++) {
      const A = p.shells[a]!,
        B = p.shells[b]!;
      const moid = Math.max(0, Math.abs(A.altitude_m - B.altitude_m) - radiusBound(A) - radiusBound(B));
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
      });
    }
  }
  worst.sort((x, y) => x.separation_m - y.separation_m);
  const minSeparation_m = worst[0]?.separation_m ?? Infinity;
  return { minSeparation_m, pairsBelow, worst: worst.slice(0, k), shells };
}
