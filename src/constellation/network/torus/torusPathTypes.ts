/**
 * Path types of a twisted torus (Walker delta +Grid shell) seen from node (0,0), for the reduced
 * symmetric ISL model (torus.ts).
 *
 * Node (p, s) is the coset of (p, s) in Z² / L, L spanned by (P, −F) and (0, S); every path from (0,0) to d lifts
 * to a lattice path to (x, y) = (p + wP, s − wF + mS), w, m ∈ Z, so the path types are
 * (|p + wP|, cyc_S(s − wF)), cyc_S(r) = min(r mod S, S − r mod S). T_w = S / gcd(F, S) values of w in increasing
 * |p + wP| order hold every Pareto-minimal (cross, in) pair; only their lower-left convex hull is kept.
 * Derivation, evidence and costs: docs/constellations.md §"Torus path types".
 */

import { Memo } from '../../memo.js';

export interface TorusShape {
  readonly planes: number;
  readonly satsPerPlane: number;
  readonly phasing: number;
}

function gcd(a: number, b: number): number {
  while (b !== 0) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a;
}

/** A shape's planes, slots, phasing mod S and lift period S / gcd(F, S) (1 when F = 0), worked out once per shape. */
interface Lattice {
  readonly P: number;
  readonly S: number;
  readonly F: number;
  readonly period: number;
}
function latticeOf(shape: TorusShape): Lattice {
  const { planes: P, satsPerPlane: S } = shape;
  const F = ((shape.phasing % S) + S) % S;
  return { P, S, F, period: F === 0 ? 1 : S / gcd(F, S) };
}

/** Scratch for the Pareto staircase of one destination (pairs), grown on demand; the hot loop allocates nothing. */
let scratch = new Int32Array(64);

/**
 * Writes the hull path types (cross, in) to destination (p, s) into `out` from `at` as pairs with x
 * ascending, growing nothing: `out` must hold 2·period more entries. Returns the index after the last pair.
 */
function writePathTypes(l: Lattice, p: number, s: number, out: Int32Array, at: number): number {
  const { P, S, F, period } = l;
  if (scratch.length < 2 * period) scratch = new Int32Array(2 * period);
  const pareto = scratch;
  let n = 0;
  let bestY = Infinity;
  let right = 0; // next w ≥ 0: x = p + wP
  let left = -1; // next w < 0: x = −(p + wP)
  // (s − wF) mod S of the next w on each side, stepped by ∓F (F < S) instead of a modulo per type.
  let rRight = ((s % S) + S) % S;
  let rLeft = rRight + F >= S ? rRight + F - S : rRight + F;
  for (let i = 0; i < period && bestY > 0; i++) {
    const xr = p + right * P;
    const xl = -(p + left * P);
    let x: number, r: number;
    if (xr <= xl) {
      x = xr;
      r = rRight;
      right++;
      rRight = rRight - F < 0 ? rRight - F + S : rRight - F;
    } else {
      x = xl;
      r = rLeft;
      left--;
      rLeft = rLeft + F >= S ? rLeft + F - S : rLeft + F;
    }
    const y = Math.min(r, S - r);
    if (y >= bestY) continue;
    if (n > 0 && pareto[n - 2] === x) n -= 2; // same x, fewer in-plane hops
    pareto[n++] = x;
    pareto[n++] = y;
    bestY = y;
  }
  // Lower-left convex hull (monotone chain): drop points on or above the chord of their neighbours.
  let h = at;
  for (let i = 0; i < n; i += 2) {
    const cx = pareto[i]!;
    const cy = pareto[i + 1]!;
    while (h - at >= 4) {
      const ax = out[h - 4]!;
      const ay = out[h - 3]!;
      const bx = out[h - 2]!;
      const by = out[h - 1]!;
      if ((bx - ax) * (cy - ay) - (by - ay) * (cx - ax) > 0) break;
      h -= 2;
    }
    out[h++] = cx;
    out[h++] = cy;
  }
  return h;
}

/** Hull path types (cross, in) to destination (p, s), as a flat [x0, y0, x1, y1, …] with x ascending. */
export function destinationPathTypes(shape: TorusShape, p: number, s: number): number[] {
  const l = latticeOf(shape);
  const out = new Int32Array(2 * l.period);
  return [...out.subarray(0, writePathTypes(l, p, s, out, 0))];
}

/**
 * One direction of the hull chains: moving a unit of one destination's demand along a hull edge
 * from its first (fewest cross hops) type trades `dCross` more cross-plane hops for `dIn` fewer in-plane
 * hops; `count` is how many such unit steps (edges × their gcd length) all destinations offer.
 */
export interface HullStep {
  readonly dCross: number;
  readonly dIn: number;
  readonly count: number;
}

/** The hop-rate hull of a shape with its usable link classes: what does not depend on link lengths. */
export interface TorusHull {
  /** Σ cross and Σ in-plane hops when every destination uses its first hull type. */
  readonly baseCrossHops: number;
  readonly baseInHops: number;
  /** Distinct primitive hull-edge directions with their multiplicities. */
  readonly steps: readonly HullStep[];
  /** Destinations no usable path type reaches (links of zero capacity). */
  readonly unreachable: number;
  /** Minimal hop count (−1 unreachable) of every destination (N − 1 entries). */
  readonly minHops: Int32Array;
}

export interface TorusDestinations extends TorusHull {
  /** Least latency [s] of every destination (N − 1 entries; Infinity unreachable). */
  readonly latency_s: Float64Array;
}

/** Path types of every destination of a shape, flat: destination d's pairs are types[start[d] … start[d + 1]). */
export interface ShapePathTypes {
  readonly types: Int32Array;
  readonly start: Int32Array;
}
/**
 * Path types kept across evaluations (a study revisits P × S × F shapes), budget in entries held (~16 MB): a few tens
 * of the flagship study's shapes, a few of 100,000-node shells.
 */
const PATH_TYPES = new Memo<ShapePathTypes>(4_000_000);

/**
 * Hull path types of every destination (index p·S + s − 1), memoised per shape (a pure function of it). A destination
 * and its point reflection share their types (the lifts of −d are those of d negated): each pair is computed once.
 */
export function pathTypesOf(shape: TorusShape): ShapePathTypes {
  const key = `${shape.planes}/${shape.satsPerPlane}/${shape.phasing}`;
  return PATH_TYPES.get(
    key,
    () => shapePathTypes(shape),
    (e) => e.types.length + e.start.length,
  );
}

function shapePathTypes(shape: TorusShape): ShapePathTypes {
  const l = latticeOf(shape);
  const { P, S, F } = l;
  const room = 2 * l.period;
  const start = new Int32Array(P * S);
  let types = new Int32Array(Math.max(64, 4 * P * S));
  let at = 0;
  let d = 0;
  for (let p = 0; p < P; p++) {
    for (let s = 0; s < S; s++) {
      if (p === 0 && s === 0) continue;
      if (types.length < at + room) {
        const grown = new Int32Array(Math.max(2 * types.length, at + room));
        grown.set(types);
        types = grown;
      }
      start[d] = at;
      // −(p, s) ≡ (P − p, −s − F) (p ≥ 1) or (0, −s): its lifts are the negated lifts, the same path types.
      const m = p === 0 ? S - s - 1 : (P - p) * S + ((((-s - F) % S) + S) % S) - 1;
      if (m < d) {
        types.copyWithin(at, start[m]!, start[m + 1]!);
        at += start[m + 1]! - start[m]!;
      } else at = writePathTypes(l, p, s, types, at);
      d++;
    }
  }
  start[d] = at;
  return { types: types.slice(0, at), start };
}

/** Latency weights of one cross-plane and one in-plane hop [s]. */
export interface HopLatency {
  readonly cross_s: number;
  readonly in_s: number;
}

/** Whether a class of zero capacity rules path type (x, y) out (the extreme types survive). */
const unusableType = (x: number, y: number, usable: TorusUsable): boolean =>
  (x !== 0 && !usable.cross) || (y !== 0 && !usable.in);

/** Which link classes carry traffic (capacity > 0). */
export interface TorusUsable {
  readonly cross: boolean;
  readonly in: boolean;
}

/**
 * Hulls kept across instants and evaluations (a pure function of shape and usable classes; every instant of a shell
 * and every design of its shape shares one), budget in destinations held.
 */
const HULLS = new Memo<TorusHull>(4_000_000);

/**
 * Path types of every destination reduced to hull steps (for the LP), with hops per destination. The set of
 * (cross, in) hop-rates one source can realise is the Minkowski sum of the destinations' hull chains; it is
 * contained in base + Σ steps·[0, count] and every extra point of that box-sum is dominated by a chain point, so the
 * LP over steps has the same optimum. Memoised per shape and usable classes.
 */
export function torusHull(shape: TorusShape, usable: TorusUsable): TorusHull {
  const key = `${shape.planes}/${shape.satsPerPlane}/${shape.phasing}/${usable.cross}/${usable.in}`;
  return HULLS.get(
    key,
    () => shapeHull(shape, usable),
    (h) => h.minHops.length,
  );
}

/**
 * The hull of a shape, walking the destinations in index order: a destination and its point reflection share their
 * path types (shapePathTypes), so the pair's are written once, into a scratch, and counted for both; steps are listed
 * in the order of their first destination, as a walk over every destination lists them.
 */
function shapeHull(shape: TorusShape, usable: TorusUsable): TorusHull {
  const l = latticeOf(shape);
  const { P, S, F } = l;
  const room = 2 * l.period;
  if (hullTypes.length < room) hullTypes = new Int32Array(room);
  // Steps in order of first use, found by primitive direction (dCross < P·(⌊period/2⌋ + 2), dIn ≤ S/2) in a table.
  const steps: { dCross: number; dIn: number; count: number }[] = [];
  const width = S + 1;
  const size = P * (Math.floor(room / 4) + 2) * width;
  if (stepIndex.length < size) stepIndex = new Int32Array(size);
  const minHops = new Int32Array(P * S - 1);
  let baseCrossHops = 0;
  let baseInHops = 0;
  let unreachable = 0;
  let d = 0;
  for (let p = 0; p < P; p++) {
    for (let s = 0; s < S; s++) {
      if (p === 0 && s === 0) continue;
      const m = p === 0 ? S - s - 1 : (P - p) * S + ((((-s - F) % S) + S) % S) - 1;
      if (m < d) {
        d++;
        continue; // counted with its reflection m
      }
      const k = m === d ? 1 : 2;
      const end = writePathTypes(l, p, s, hullTypes, 0);
      let prevX = -1;
      let prevY = -1;
      let h = Infinity;
      for (let i = 0; i < end; i += 2) {
        const x = hullTypes[i]!;
        const y = hullTypes[i + 1]!;
        if (unusableType(x, y, usable)) continue;
        h = Math.min(h, x + y);
        if (prevX < 0) {
          baseCrossHops += k * x;
          baseInHops += k * y;
        } else {
          const dx = x - prevX;
          const dy = prevY - y; // in-plane hops saved (> 0)
          const g = gcd(dx, dy);
          const key = (dx / g) * width + dy / g;
          const e = stepIndex[key]!;
          if (e === 0) stepIndex[key] = steps.push({ dCross: dx / g, dIn: dy / g, count: k * g });
          else steps[e - 1]!.count += k * g;
        }
        prevX = x;
        prevY = y;
      }
      const hops = prevX < 0 ? -1 : h;
      if (prevX < 0) unreachable += k;
      minHops[d] = hops;
      minHops[m] = hops;
      d++;
    }
  }
  for (const e of steps) stepIndex[e.dCross * width + e.dIn] = 0;
  return { baseCrossHops, baseInHops, steps, minHops, unreachable };
}
/** Scratch for one destination's hull types in shapeHull, grown on demand. */
let hullTypes = new Int32Array(64);
/** Each step direction's index + 1 in shapeHull's list (0: not yet listed), cleared after each use. */
let stepIndex = new Int32Array(0);

/** Least latency [s] to every destination over its usable path types (Infinity where none is usable). */
export function destinationLatencies(shape: TorusShape, hop: HopLatency, usable: TorusUsable): Float64Array {
  const { planes: P, satsPerPlane: S } = shape;
  const { types, start } = pathTypesOf(shape);
  const latency_s = new Float64Array(P * S - 1);
  for (let d = 0; d < P * S - 1; d++) {
    let l = Infinity;
    for (let i = start[d]!; i < start[d + 1]!; i += 2) {
      const x = types[i]!;
      const y = types[i + 1]!;
      if (unusableType(x, y, usable)) continue;
      l = Math.min(l, x * hop.cross_s + y * hop.in_s);
    }
    latency_s[d] = l;
  }
  return latency_s;
}

/** The hull of a shape with its usable classes, and each destination's least latency. */
export function torusDestinations(shape: TorusShape, hop: HopLatency, usable: TorusUsable): TorusDestinations {
  return { ...torusHull(shape, usable), latency_s: destinationLatencies(shape, hop, usable) };
}
