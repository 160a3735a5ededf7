/**
 * Lower bound on the maximum concurrent uniform all-to-all flow of a Walker delta +Grid shell at one instant,
 * when the capacities of a link class are not the same on every link (latitude cutoff, range-dependent rate).
 *
 * An explicit routing whose link loads are computed (cross-plane exactly, in-plane bounded above), so
 * λ = min over links of capacity / load is achievable: a lower bound on the maximum concurrent flow (Shahrokhi &
 * Matula, J. ACM 37(2), 1990). Each destination's demand is split over the hull path types as the reduced torus
 * LP splits it (torusLp.ts `stepUse`), cross-plane first from clean sources, in-plane first from the others.
 * A guarantee, not an estimate of the optimum; tight when every link of a class is equal. The cost grows with the
 * sources that are not clean (about a second at 4,200 nodes), so callers bound the shell size.
 * Node v = p·S + s. Validity: P, S ≥ 3; in-plane links all on (a cutoff never applies to them).
 * Derivation, evidence and costs: docs/constellations.md §"Torus routing lower bound".
 */
import type { ClassUtilization } from '../networkSeries.js';
import { pathTypesOf, type HullStep, type TorusShape } from './torusPathTypes.js';

export interface TorusArcCapacities {
  /** Capacity of cross-plane edge v [b/s] (0 while off). */
  readonly cross_bps: Float64Array;
  /** Capacity of in-plane edge v [b/s]. */
  readonly inPlane_bps: Float64Array;
}

export interface TorusRoutingParams extends TorusShape, TorusArcCapacities {
  /** Hull steps of the reduced LP and the fraction of each its optimum uses (torus.ts result). */
  readonly steps: readonly HullStep[];
  readonly stepUse: Float64Array;
}

/** One class's links, those off, and the mean and maximum utilization of those on (networkSeries.ts). */
export type ClassLoad = Omit<ClassUtilization, 'linkClass'>;

export interface TorusRoutingBound {
  /** Achievable rate per node [b/s]: a lower bound on the maximum concurrent flow (0 when not routable). */
  readonly throughputPerNode_bps: number;
  readonly lambda_bps: number;
  /** Why no routing was found (a plane without a clean node, in-plane links off), or null. */
  readonly unroutable: string | null;
  /** Sources that hand their traffic over to a clean node of their plane. */
  readonly handedOver: number;
  readonly crossPlane: ClassLoad;
  readonly inPlane: ClassLoad;
}

const mod = (a: number, n: number): number => ((a % n) + n) % n;
const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** Node v + (X, Y) on the twisted torus ((x, y) ≡ (x − P, y + F)). */
function shift(shape: TorusShape, v: number, X: number, Y: number): number {
  const { planes: P, satsPerPlane: S, phasing: F } = shape;
  let p = Math.floor(v / S) + X;
  let s = (v % S) + Y;
  const k = Math.floor(p / P);
  p -= k * P;
  s += k * F;
  return p * S + mod(s, S);
}

/** Signed lifts (X, Y) of hull type (x, y) to destination (p, s): |X| = x, |Y| = y. */
function lifts(shape: TorusShape, p: number, s: number, x: number, y: number): [number, number][] {
  const { planes: P, satsPerPlane: S, phasing: F } = shape;
  const out: [number, number][] = [];
  for (const X of x === 0 ? [0] : [x, -x]) {
    if (mod(X - p, P) !== 0) continue;
    const r = mod(s - ((X - p) / P) * F, S);
    for (const Y of y === 0 ? [0] : [y, -y])
      if (mod(Y - r, S) === 0 && !out.some((o) => o[0] === X && o[1] === Y)) out.push([X, Y]);
  }
  return out;
}

/** Signed lifts with their demand share, grouped by where a detoured source sends them (Y > 0, Y < 0, Y = 0). */
interface Lifts {
  readonly X: Int32Array;
  readonly Y: Int32Array;
  readonly w: Float64Array;
}

/** Every destination's lifts (unit demand to every other node) under the LP's split of the hull chains. */
function routingLifts(p: TorusRoutingParams): Lifts {
  const { planes: P, satsPerPlane: S } = p;
  const N = P * S;
  const theta = new Map<number, number>();
  p.steps.forEach((e, i) => theta.set(e.dCross * 1048576 + e.dIn, p.stepUse[i] ?? 0));
  const { types, start } = pathTypesOf(p);
  const X: number[] = [],
    Y: number[] = [],
    W: number[] = [];
  for (let d = 0; d < N - 1; d++) {
    const dp = Math.floor((d + 1) / S),
      ds = (d + 1) % S;
    const a = start[d]!,
      b = start[d + 1]!;
    let moved = 1; // share of the demand moved past the current hull vertex
    for (let i = a; i < b; i += 2) {
      let next = 0;
      if (i + 2 < b) {
        const dx = types[i + 2]! - types[i]!,
          dy = types[i + 1]! - types[i + 3]!;
        const g = gcd(dx, dy);
        next = Math.min(moved, theta.get((dx / g) * 1048576 + dy / g) ?? 0);
      }
      const w = moved - next;
      moved = next;
      if (w <= 0) continue;
      const ls = lifts(p, dp, ds, types[i]!, types[i + 1]!);
      for (const [x, y] of ls) {
        X.push(x);
        Y.push(y);
        W.push(w / ls.length);
      }
    }
  }
  return { X: Int32Array.from(X), Y: Int32Array.from(Y), w: Float64Array.from(W) };
}

function classLoad(cap: Float64Array, lp: Float64Array, lm: Float64Array, lambda: number): ClassLoad {
  let off = 0,
    on = 0,
    sum = 0,
    max = 0;
  for (let e = 0; e < lp.length; e++) {
    if (!(cap[e]! > 0)) {
      off++;
      continue;
    }
    const u = (lambda * Math.max(lp[e]!, lm[e]!)) / cap[e]!;
    on++;
    sum += u;
    max = Math.max(max, u);
  }
  return { links: cap.length, off, meanUtilization: on > 0 ? sum / on : 0, maxUtilization: max };
}

/** Cyclic range add on per-plane difference arrays (S + 1 entries a plane). */
function rangeAdd(diff: Float64Array, S: number, plane: number, from: number, len: number, w: number): void {
  if (len <= 0) return;
  const a = mod(from, S),
    base = plane * (S + 1);
  const first = Math.min(len, S - a);
  diff[base + a]! += w;
  diff[base + a + first]! -= w;
  if (first < len) {
    diff[base]! += w;
    diff[base + len - first]! -= w;
  }
}

/**
 * Cross kernels per in-plane offset Y (row Y + maxY): kp[k] on edge start + k·e1 (+), km[k−1] on edge start − k·e1
 * (−); wY the weight of each row, liftsOfY its lifts, T the total cross (X) and in-plane (Y) loads each way.
 */
function crossKernels(l: ReturnType<typeof routingLifts>): {
  maxXp: number;
  maxXm: number;
  maxY: number;
  rows: number;
  kp: Float64Array;
  km: Float64Array;
  wY: Float64Array;
  liftsOfY: number[][];
  TXp: number;
  TXm: number;
  TYp: number;
  TYm: number;
} {
  let maxXp = 0,
    maxXm = 0,
    maxY = 0;
  for (let i = 0; i < l.X.length; i++) {
    maxXp = Math.max(maxXp, l.X[i]!);
    maxXm = Math.max(maxXm, -l.X[i]!);
    maxY = Math.max(maxY, Math.abs(l.Y[i]!));
  }
  const rows = 2 * maxY + 1;
  const kp = new Float64Array(rows * maxXp),
    km = new Float64Array(rows * maxXm),
    wY = new Float64Array(rows);
  const liftsOfY: number[][] = Array.from({ length: rows }, () => []);
  let TXp = 0,
    TXm = 0,
    TYp = 0,
    TYm = 0;
  for (let i = 0; i < l.X.length; i++) {
    const x = l.X[i]!,
      y = l.Y[i]!,
      w = l.w[i]!,
      r = y + maxY;
    wY[r]! += w;
    liftsOfY[r]!.push(i);
    for (let k = 0; k < x; k++) kp[r * maxXp + k]! += w;
    for (let k = 0; k < -x; k++) km[r * maxXm + k]! += w;
    if (x > 0) TXp += x * w;
    else TXm -= x * w;
    if (y > 0) TYp += y * w;
    else TYm -= y * w;
  }
  return { maxXp, maxXm, maxY, rows, kp, km, wY, liftsOfY, TXp, TXm, TYp, TYm };
}

/** Clean sources: no off cross-plane edge among v + j·e1, j ∈ [−maxXm, maxXp). */
function cleanSources(p: Readonly<TorusRoutingParams>, maxXp: number, maxXm: number): Uint8Array {
  const N = p.planes * p.satsPerPlane;
  const clean = new Uint8Array(N).fill(1);
  for (let e = 0; e < N; e++) {
    if (p.cross_bps[e]! > 0) continue;
    for (let j = 0; j < maxXp; j++) clean[shift(p, e, -j, 0)] = 0;
    for (let j = 1; j <= maxXm; j++) clean[shift(p, e, j, 0)] = 0;
  }
  return clean;
}

/** In-plane loads of every edge each way: the totals plus the prefix sums of the per-plane difference arrays. */
function inPlaneLoads(
  P: number,
  S: number,
  dYp: Float64Array,
  dYm: Float64Array,
  TYp: number,
  TYm: number,
): { LYp: Float64Array; LYm: Float64Array } {
  const N = P * S;
  const LYp = new Float64Array(N),
    LYm = new Float64Array(N);
  for (let q = 0; q < P; q++) {
    let ap = 0,
      am = 0;
    for (let s = 0; s < S; s++) {
      ap += dYp[q * (S + 1) + s]!;
      am += dYm[q * (S + 1) + s]!;
      LYp[q * S + s] = TYp + ap;
      LYm[q * S + s] = TYm + am;
    }
  }
  return { LYp, LYm };
}

/** λ lowered to the tightest arc of one class (capacity ÷ load); throws when an off arc carries load. */
function tightest(
  cap: Float64Array,
  lp: Float64Array,
  lm: Float64Array,
  name: string,
  scale: number,
  lambda: number,
): number {
  for (let e = 0; e < lp.length; e++) {
    const load = Math.max(lp[e]!, lm[e]!);
    if (cap[e]! > 0) {
      if (load > 0) lambda = Math.min(lambda, cap[e]! / load);
    } else if (load > 1e-9 * scale) {
      throw new Error(`torus routing put load ${load} on the off ${name} link ${e}`);
    }
  }
  return lambda;
}

/** The bound of a shell the routing cannot serve: rate 0, no load, and why. */
function unroutable(p: Readonly<TorusRoutingParams>, why: string): TorusRoutingBound {
  const zero = new Float64Array(p.planes * p.satsPerPlane);
  return {
    throughputPerNode_bps: 0,
    lambda_bps: 0,
    unroutable: why,
    handedOver: 0,
    crossPlane: classLoad(p.cross_bps, zero, zero, 0),
    inPlane: classLoad(p.inPlane_bps, zero, zero, 0),
  };
}

/**
 * Row offset at which a source (plane q, slot s) crosses for destinations y rows away: y if that node is clean,
 * else the first clean node beyond it (y = 0: the nearer side).
 */
function crossingRow(clean: Uint8Array, q: number, s: number, S: number, y: number): number {
  let d = y;
  if (clean[q * S + mod(s + d, S)] !== 1) {
    let f = Math.max(y, 0) + 1,
      b = Math.min(y, 0) - 1;
    while (clean[q * S + mod(s + f, S)] !== 1) f++;
    while (clean[q * S + mod(s + b, S)] !== 1) b--;
    d = y > 0 ? f : y < 0 ? b : f <= -b ? f : b;
  }
  return d;
}

/** In-plane loads of turning back from row d to row y in each destination's plane (lifts `lifts` of source v). */
function turnBack(
  p: Readonly<TorusRoutingParams>,
  l: Lifts,
  lifts: readonly number[],
  v: number,
  d: number,
  y: number,
  dYp: Float64Array,
  dYm: Float64Array,
): void {
  const S = p.satsPerPlane;
  for (const i of lifts) {
    const row = shift(p, v, l.X[i]!, 0);
    const rq = Math.floor(row / S),
      rs = row % S;
    if (d > y) rangeAdd(dYm, S, rq, rs + y, d - y, l.w[i]!);
    else rangeAdd(dYp, S, rq, rs + d, y - d, l.w[i]!);
  }
}

/** Achievable uniform all-to-all rate per node of the shell at one instant, and the class loads of that flow. */
export function torusRoutingBound(p: Readonly<TorusRoutingParams>): TorusRoutingBound {
  const { planes: P, satsPerPlane: S } = p;
  const N = P * S;
  const fail = (why: string): TorusRoutingBound => unroutable(p, why);
  if (P < 3 || S < 3) return fail('fewer than 3 planes or slots');
  if (p.inPlane_bps.some((c) => !(c > 0))) return fail('in-plane links off');
  const l = routingLifts(p);
  const { maxXp, maxXm, maxY, rows, kp, km, wY, liftsOfY, TXp, TXm, TYp, TYm } = crossKernels(l);
  const clean = cleanSources(p, maxXp, maxXm);
  for (let q = 0; q < P; q++)
    if (!clean.subarray(q * S, (q + 1) * S).includes(1))
      return fail(`plane ${q} has no node whose cross-plane links are all on`);
  const LXp = new Float64Array(N).fill(TXp),
    LXm = new Float64Array(N).fill(TXm);
  const addCross = (r: number, v: number, c: number): void => {
    for (let k = 0; k < maxXp; k++) {
      const w = kp[r * maxXp + k]!;
      if (w !== 0) LXp[shift(p, v, k, 0)]! += c * w;
    }
    for (let k = 0; k < maxXm; k++) {
      const w = km[r * maxXm + k]!;
      if (w !== 0) LXm[shift(p, v, -k - 1, 0)]! += c * w;
    }
  };
  const dYp = new Float64Array(P * (S + 1)),
    dYm = new Float64Array(P * (S + 1));
  let handedOver = 0;
  for (let v = 0; v < N; v++) {
    if (clean[v] === 1) continue;
    handedOver++;
    const q = Math.floor(v / S),
      s = v % S;
    for (let r = 0; r < rows; r++) {
      if (wY[r] === 0) continue;
      addCross(r, v, -1); // the cross-first routing this source does not use
      const y = r - maxY;
      // Cross at the destination's row if clean, else at the first clean node beyond it (Y = 0: the nearer side).
      const d = crossingRow(clean, q, s, S, y);
      addCross(r, q * S + mod(s + d, S), 1);
      if (d > 0) rangeAdd(dYp, S, q, s, d, wY[r]!);
      else rangeAdd(dYm, S, q, s + d, -d, wY[r]!);
      if (d === y) continue;
      // Turn back from row d to row y in each destination's plane.
      turnBack(p, l, liftsOfY[r]!, v, d, y, dYp, dYm);
    }
  }
  const { LYp, LYm } = inPlaneLoads(P, S, dYp, dYm, TYp, TYm);
  // λ: the tightest arc. Off arcs must carry nothing (clean sources never use them).
  const scale = Math.max(1, TXp, TXm, TYp, TYm);
  let lambda = tightest(p.cross_bps, LXp, LXm, 'cross-plane', scale, Infinity);
  lambda = tightest(p.inPlane_bps, LYp, LYm, 'in-plane', scale, lambda);
  if (!Number.isFinite(lambda)) lambda = 0;
  return {
    throughputPerNode_bps: lambda * (N - 1),
    lambda_bps: lambda,
    unroutable: null,
    handedOver,
    crossPlane: classLoad(p.cross_bps, LXp, LXm, lambda),
    inPlane: classLoad(p.inPlane_bps, LYp, LYm, lambda),
  };
}
