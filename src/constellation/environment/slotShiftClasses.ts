/**
 * The pair classes of a slot-shift shell (sun-synchronous band, Walker star) or a Walker delta shell that can be
 * among its closest, for the enumeration screen of conjunction.ts, without evaluating every class.
 *
 * A class (plane p1 slot 0, plane p2 slot ds) comes closest at d² = 2r²(1 − K0 − K1), K0 = ½R·cos(δ − φ),
 * δ ≡ δ0 + 2π·ds/S: within a plane pair d² grows with the distance of δ from φ, so the offsets below a bound are one
 * run around ds* = (φ − δ0)·S/(2π). Pass 1 bounds the k-th smallest d² from the offsets nearest ds*; pass 2 walks
 * out from ds* while d² < B. Same floating-point operations as the full enumeration, so the same result to the bit.
 * A Walker delta shell's classes (0, j) are the plane pairs (0, p2), p2 ≤ P/2, walked alike (Walker 1984 symmetry).
 * Validity: circular orbits of one shell (one radius), evenly spaced slots; rounding allowance 1e-12 of 2r².
 * Derivation, evidence and costs: docs/constellations.md §"Slot-shift pair classes".
 */
import { maxOf } from '../../base/arrays.js';
import { hypot2 } from '../../base/hypot.js';
import { pairClassKey, type ShellState } from './shellState.js';

/** The part of the screen's shell state (./shellState.ts) the slot-shift classes read. */
export type SlotShiftShell = Pick<ShellState, 'r' | 'planes' | 'slots' | 'basis' | 'u0'>;

/**
 * Representative pairs (objects a, b) and their closed-form squared closest approach [m²]: in enumeration order, or
 * each with its position in that order (`order`; the screen sorts only the classes it keeps).
 */
export interface ClassSet {
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly d2: Float64Array;
  readonly order: Float64Array | null;
}

const TWO_PI = 2 * Math.PI;

/** Growable columns of the class set, with each class's position in the full enumeration (for the order). */
class Collector {
  private n = 0;
  private a = new Int32Array(256);
  private b = new Int32Array(256);
  private d2 = new Float64Array(256);
  private order = new Float64Array(256);
  push(a: number, b: number, d2: number, order: number): void {
    const n = this.n;
    if (n === this.a.length) this.grow();
    this.a[n] = a;
    this.b[n] = b;
    this.d2[n] = d2;
    this.order[n] = order;
    this.n = n + 1;
  }
  private grow(): void {
    const size = 2 * this.a.length;
    const a = new Int32Array(size),
      b = new Int32Array(size),
      d2 = new Float64Array(size),
      order = new Float64Array(size);
    a.set(this.a);
    b.set(this.b);
    d2.set(this.d2);
    order.set(this.order);
    [this.a, this.b, this.d2, this.order] = [a, b, d2, order];
  }
  classes(): ClassSet {
    const n = this.n;
    return {
      a: this.a.subarray(0, n),
      b: this.b.subarray(0, n),
      d2: this.d2.subarray(0, n),
      order: this.order.subarray(0, n),
    };
  }
}

/**
 * The rank of class i of `set` in the full enumeration's order, as a number that compares as the rank does (exact
 * below 2⁵³: orders < P²S): order·n + i (ties in collection order, as a stable sort by order gives), or i where the
 * set is in enumeration order.
 */
export function enumerationRank(set: ClassSet, i: number): number {
  return set.order === null ? i : set.order[i]! * set.d2.length + i;
}

/** The k-th smallest value (Infinity when there are fewer), by a bounded max-heap: O(n log k). */
export function kthSmallest(v: ArrayLike<number>, k: number): number {
  if (k <= 0 || v.length === 0) return Infinity;
  const heap: number[] = [];
  for (let i = 0; i < v.length; i++) {
    const x = v[i]!;
    if (heap.length < k) {
      heap.push(x);
      for (let c = heap.length - 1; c > 0;) {
        const p = (c - 1) >> 1;
        if (heap[p]! >= heap[c]!) break;
        const t = heap[p]!;
        heap[p] = heap[c]!;
        heap[c] = t;
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
        const t = heap[m]!;
        heap[m] = heap[c]!;
        heap[c] = t;
        c = m;
      }
    }
  }
  return heap.length < k ? (heap.length > 0 ? maxOf(heap) : Infinity) : heap[0]!;
}

/** Constants of one plane pair: its d²(ds) = twoR2·(1 − ½(cos δ·X + sin δ·Y) − K1), δ = u0[b] − u0[a]. */
interface PlanePair {
  X: number;
  Y: number;
  K1: number;
  /** The offset nearest the pair's closest approach (0 … S − 1). */
  centre: number;
}

/** The one plane pair being worked on (written by planePair: no object per pair). */
const PAIR: PlanePair = { X: 0, Y: 0, K1: 0, centre: 0 };

/** The constants of plane pair (p1, p2), into PAIR. */
function planePair(st: SlotShiftShell, p1: number, p2: number): PlanePair {
  const B = st.basis,
    o1 = p1 * 6,
    o2 = p2 * 6;
  const PP = B[o1]! * B[o2]! + B[o1 + 1]! * B[o2 + 1]! + B[o1 + 2]! * B[o2 + 2]!;
  const QQ = B[o1 + 3]! * B[o2 + 3]! + B[o1 + 4]! * B[o2 + 4]! + B[o1 + 5]! * B[o2 + 5]!;
  const PQ = B[o1]! * B[o2 + 3]! + B[o1 + 1]! * B[o2 + 4]! + B[o1 + 2]! * B[o2 + 5]!;
  const QP = B[o1 + 3]! * B[o2]! + B[o1 + 4]! * B[o2 + 1]! + B[o1 + 5]! * B[o2 + 2]!;
  const X = PP + QQ,
    Y = PQ - QP;
  const S = st.slots;
  const delta0 = st.u0[p2 * S]! - st.u0[p1 * S]!;
  const ds = ((Math.atan2(Y, X) - delta0) * S) / TWO_PI;
  PAIR.X = X;
  PAIR.Y = Y;
  PAIR.K1 = hypot2((PP - QQ) / 2, (PQ + QP) / 2);
  // |ds| ≤ 1.5·S: the rounded offset is an int32 in (−2S, 2S), brought into 0 … S − 1 by adding or subtracting S
  let c = Math.round(ds) | 0;
  while (c < 0) c += S;
  while (c >= S) c -= S;
  PAIR.centre = c;
  return PAIR;
}

/** d² of the class (p1 slot 0, p2 slot ds): the full enumeration's expression (conjunction.ts), term for term. */
function classD2(st: SlotShiftShell, p1: number, p2: number, pair: PlanePair, ds: number): number {
  const delta = st.u0[p2 * st.slots + ds]! - st.u0[p1 * st.slots]!;
  const K0 = 0.5 * (Math.cos(delta) * pair.X + Math.sin(delta) * pair.Y);
  return 2 * st.r * st.r * (1 - K0 - pair.K1);
}

/** The representative offset of the class of offset ds in the plane pair (·, p2), or null where every offset is one. */
type Representative = ((p2: number, ds: number) => number) | null;

/**
 * Every class of plane pair (p1, p2) with d² < bound, walking out from the pair's centre (of d² centreD2, pass 1's)
 * both ways (header), each offset at most once; the centre is always taken. Offsets that are not their class's
 * representative are walked over (their d² is their class's) but not collected.
 */
function walkPair(
  st: SlotShiftShell,
  p1: number,
  p2: number,
  pair: PlanePair,
  centreD2: number,
  bound: number,
  rep: Representative,
  out: Collector,
): void {
  const S = st.slots;
  const c = pair.centre;
  collect(st, p1, p2, c, centreD2, rep, out);
  let r = 0,
    l = 0,
    right = true,
    left = true;
  // Offsets c + r and c − l are distinct while r + l < S.
  while ((right || left) && r + l < S - 1) {
    if (right) right = visit(st, p1, p2, pair, (c + ++r) % S, rep, out) < bound;
    if (left && r + l < S - 1) left = visit(st, p1, p2, pair, (c - ++l + S) % S, rep, out) < bound;
  }
}

/** d² of offset ds of plane pair (p1, p2), collected when ds is its class's representative (walkPair). */
function visit(
  st: SlotShiftShell,
  p1: number,
  p2: number,
  pair: PlanePair,
  ds: number,
  rep: Representative,
  out: Collector,
): number {
  const d2 = classD2(st, p1, p2, pair, ds);
  collect(st, p1, p2, ds, d2, rep, out);
  return d2;
}

/** Collects offset ds of plane pair (p1, p2), of squared closest approach d2, when it is its class's representative. */
function collect(
  st: SlotShiftShell,
  p1: number,
  p2: number,
  ds: number,
  d2: number,
  rep: Representative,
  out: Collector,
): void {
  const S = st.slots;
  if (rep === null || rep(p2, ds) === ds) out.push(p1 * S, p2 * S + ds, d2, (p1 * st.planes + p2) * S + ds);
}

/**
 * The classes of a slot-shift shell that the enumeration screen keeps (header): every class with d² below the
 * refinement cut (max(floor_m, √(k-th smallest d²)) + margin_m)², and the k smallest, each with its position in the
 * full enumeration's order (`enumerationRank` ranks those the screen keeps in it).
 */
export function slotShiftClasses(st: SlotShiftShell, k: number, floor_m: number, margin_m: number): ClassSet {
  return nearClasses(
    st,
    k,
    floor_m,
    margin_m,
    st.planes,
    planePairs(st.planes),
    null,
    evenlySpaced(st) ? separationProxy(st) : null,
  );
}

/** The last plane count's plane pairs (planePairs). */
let lastPairs = new Int32Array(0);

/** Every plane pair (p1, p2), p1 < p2, of P planes, interleaved in lexicographic order (kept for the last P). */
function planePairs(P: number): Int32Array {
  if (lastPairs.length === P * (P - 1)) return lastPairs;
  const pairs = new Int32Array(P * (P - 1));
  let i = 0;
  for (let p1 = 0; p1 < P; p1++) {
    for (let p2 = p1 + 1; p2 < P; p2++) {
      pairs[i++] = p1;
      pairs[i++] = p2;
    }
  }
  lastPairs = pairs;
  return pairs;
}

/** Most the RAAN or phase step between neighbouring planes may differ from the first one's [rad] (rounding). */
const EVEN_TOLERANCE_rad = 1e-12;

/** Whether the planes' RAANs and first slots' phases advance by one step each (pattern.ts: sso-ltan, Walker star). */
function evenlySpaced(st: SlotShiftShell): boolean {
  const step = (p: number): [number, number] => {
    const B = st.basis,
      o = p * 6;
    return [
      Math.atan2(B[o + 7]!, B[o + 6]!) - Math.atan2(B[o + 1]!, B[o]!),
      st.u0[(p + 1) * st.slots]! - st.u0[p * st.slots]!,
    ];
  };
  const near = (x: number, y: number): boolean =>
    Math.abs(Math.atan2(Math.sin(x - y), Math.cos(x - y))) < EVEN_TOLERANCE_rad;
  const [raan0, phase0] = step(0);
  for (let p = 1; p + 1 < st.planes; p++) {
    const [raan, phase] = step(p);
    if (!near(raan, raan0) || !near(phase, phase0)) return false;
  }
  return true;
}

/**
 * With evenly spaced planes, plane pair (p, p + Δ) is pair (0, Δ) turned about the polar axis and shifted in phase:
 * its closest class's d² is pair (0, Δ)'s, to rounding (angles within P·EVEN_TOLERANCE_rad: d² within a few times that
 * of 2r², far under PROXY_ALLOWANCE). Indexed by Δ.
 */
function separationProxy(st: SlotShiftShell): Float64Array {
  const proxy = new Float64Array(st.planes);
  for (let d = 1; d < st.planes; d++) {
    const pair = planePair(st, 0, d);
    proxy[d] = classD2(st, 0, d, pair, pair.centre);
  }
  return proxy;
}

/** How far a proxy d² may be from the pair's own, as a share of 2r² (separationProxy). */
const PROXY_ALLOWANCE = 1e-7;

/** The part of the screen's shell state a Walker delta shell's classes read. */
export type WalkerDeltaShell = SlotShiftShell & Pick<ShellState, 'delta' | 'phasing'>;

/**
 * The same for a Walker delta shell (header), whose classes are the pairs (object 0, object j): j in plane 0
 * (offsets 1 … S/2) and planes 1 … P/2. A class's representative is its smallest j (j or the mirror pair's
 * offset from object 0); only in plane P/2 (P even) do both lie in one plane.
 */
export function walkerDeltaClasses(st: WalkerDeltaShell, k: number, floor_m: number, margin_m: number): ClassSet {
  const P = st.planes,
    S = st.slots;
  const half = Math.floor(P / 2);
  const pairs = new Int32Array(2 * half);
  for (let p2 = 1; p2 <= half; p2++) pairs[2 * p2 - 1] = p2;
  const rep = (p2: number, ds: number): number => (2 * p2 === P ? pairClassKey(st, 0, p2 * S + ds) - p2 * S : ds);
  return nearClasses(st, k, floor_m, margin_m, 1, pairs, rep, null);
}

/** In-plane classes (a constant distance, growing with the offset): offsets 1, 2, … up to the first at the bound. */
function walkInPlane(st: SlotShiftShell, inPlane: number, bound: number, out: Collector): void {
  const P = st.planes,
    S = st.slots;
  for (let p = 0; p < inPlane; p++) {
    const pair = planePair(st, p, p);
    for (let ds = 1; 2 * ds <= S; ds++) {
      const d2 = classD2(st, p, p, pair, ds);
      out.push(p * S, p * S + ds, d2, (p * P + p) * S + ds);
      if (!(d2 < bound)) break;
    }
  }
}

/**
 * The separation of smallest proxy not yet `used`, ties to the smaller (the order of a stable sort by proxy), marked
 * used; 0 when every one is.
 */
function nextSeparation(proxy: Float64Array, used: Uint8Array): number {
  let d = 0;
  for (let x = 1; x < proxy.length; x++) if (used[x] === 0 && (d === 0 || proxy[x]! < proxy[d]!)) d = x;
  used[d] = 1;
  return d;
}

/** Pass 1's arrays, kept across calls (nearClasses reads no entry it has not written in the same call). */
let scratch = { centre: new Float64Array(0), constants: new Float64Array(0) };

/**
 * The classes near the cut (header) of a shell whose classes are the in-plane offsets 1 … S/2 of planes
 * 0 … inPlane − 1 and every offset of the plane pairs `pairs` (p1, p2 interleaved, p1 < p2), each offset taken
 * as its class's representative (`rep`).
 */
function nearClasses(
  st: SlotShiftShell,
  k: number,
  floor_m: number,
  margin_m: number,
  inPlane: number,
  pairs: Int32Array,
  rep: Representative,
  proxy: Float64Array | null,
): ClassSet {
  const P = st.planes,
    S = st.slots;
  const out = new Collector();
  const twoR2 = 2 * st.r * st.r;
  // Pass 1: each plane pair's closest class bounds the k-th smallest from above (its representative's d², the
  // same class), and decides whether the pair is walked (the centre's); so do the in-plane classes of offset 1
  // (the closest of their planes). With a proxy (evenly spaced planes: all plane pairs), only the pairs of the
  // closest separations until there are k of them; the others at pass 2, where their proxy is near the bound.
  const n = pairs.length / 2;
  if (scratch.centre.length < n) scratch = { centre: new Float64Array(n), constants: new Float64Array(4 * n) };
  // centre[i] is NaN until pair i's constants are made (constants[4i … 4i + 3] are read only then)
  const { centre, constants } = scratch;
  centre.fill(NaN, 0, n);
  const upper = Array.from({ length: S > 1 ? inPlane : 0 }, (_, p) => classD2(st, p, p, planePair(st, p, p), 1));
  const exact = (i: number): number => {
    const p1 = pairs[2 * i]!,
      p2 = pairs[2 * i + 1]!;
    const pair = planePair(st, p1, p2);
    constants[4 * i] = pair.X;
    constants[4 * i + 1] = pair.Y;
    constants[4 * i + 2] = pair.K1;
    constants[4 * i + 3] = pair.centre;
    centre[i] = classD2(st, p1, p2, pair, pair.centre);
    const c = rep === null ? pair.centre : rep(p2, pair.centre);
    return c === pair.centre ? centre[i]! : classD2(st, p1, p2, pair, c);
  };
  if (proxy === null) for (let i = 0; i < n; i++) upper.push(exact(i));
  else {
    const used = new Uint8Array(P);
    let taken = 0;
    for (let d = nextSeparation(proxy, used); d > 0 && taken < k; d = nextSeparation(proxy, used)) {
      // pair (p1, p1 + d): index p1·P − p1(p1 + 1)/2 + d − 1 in `pairs` (slotShiftClasses' order)
      for (let p1 = 0; p1 + d < P && taken < k; p1++, taken++) upper.push(exact(p1 * P - (p1 * (p1 + 1)) / 2 + d - 1));
    }
  }
  const kthUpper = upper.length < k ? Infinity : kthSmallest(upper, k);
  const cut = Math.max(floor_m, Math.sqrt(Math.max(0, kthUpper))) + margin_m;
  const bound = cut * cut + 1e-12 * twoR2; // Infinity with fewer than k classes: every class
  walkInPlane(st, inPlane, bound, out);
  // Pass 2: every plane pair whose closest class is below the bound, walked out to it (with its pass-1 constants).
  const proxyBound = bound + PROXY_ALLOWANCE * twoR2;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(centre[i]!)) {
      if (!(proxy![pairs[2 * i + 1]! - pairs[2 * i]!]! < proxyBound)) continue;
      exact(i);
    }
    if (!(centre[i]! < bound)) continue;
    const o = 4 * i;
    PAIR.X = constants[o]!;
    PAIR.Y = constants[o + 1]!;
    PAIR.K1 = constants[o + 2]!;
    PAIR.centre = constants[o + 3]!;
    walkPair(st, pairs[2 * i]!, pairs[2 * i + 1]!, PAIR, centre[i]!, bound, rep, out);
  }
  return out.classes();
}
