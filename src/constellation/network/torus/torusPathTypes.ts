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

/**
 * The Pareto staircases of every destination (p, s) of one column p, for s = 0 … S − 1: lift w reaches slot s with
 * cyc_S(s − o_w) in-plane hops, o_w = wF mod S, so with the lifts taken in increasing x = |p + wP| (ties: w ≥ 0
 * first), lift w is a staircase point of s exactly where it is nearer s than every earlier lift's o — an arc of slots
 * around o_w (the distance to the nearest earlier o changes by at most 1 a slot, the distance to o_w by exactly 1):
 * walked outward from o_w both ways until a slot is no nearer. Each slot's points land in increasing x, an equal x
 * (the two lifts at p = 0 or 2p = P) keeping the fewer in-plane hops. Slot s's pairs are `pairs[2·(s·width + k)]`,
 * k < `count[s]`; the arrays are kept for the largest S seen and overwritten by the next call.
 */
interface ColumnStaircases {
  width: number;
  pairs: Int32Array;
  count: Int32Array;
  best: Int32Array;
}
const column: ColumnStaircases = {
  width: 0,
  pairs: new Int32Array(0),
  count: new Int32Array(0),
  best: new Int32Array(0),
};

function columnStaircases(l: Lattice, p: number): ColumnStaircases {
  const { P, S, F, period } = l;
  const half = S >> 1;
  // A slot's points have strictly fewer in-plane hops each (≤ S/2 down to ≥ 0): at most half + 1 of them.
  const width = half + 1;
  if (column.count.length < S) {
    column.count = new Int32Array(S);
    column.best = new Int32Array(S);
  }
  if (column.pairs.length < 2 * S * width) column.pairs = new Int32Array(2 * S * width);
  column.width = width;
  const { count, best } = column;
  count.fill(0, 0, S);
  best.fill(S, 0, S); // above every cyc_S
  let right = 0; // next w ≥ 0: x = p + wP, o = wF mod S
  let left = -1; // next w < 0: x = −(p + wP)
  let oRight = 0;
  let oLeft = F === 0 ? 0 : S - F;
  for (let i = 0; i < period; i++) {
    const xr = p + right * P;
    const xl = -(p + left * P);
    let x: number, o: number;
    if (xr <= xl) {
      x = xr;
      o = oRight;
      right++;
      oRight = oRight + F >= S ? oRight + F - S : oRight + F;
    } else {
      x = xl;
      o = oLeft;
      left--;
      oLeft = oLeft - F < 0 ? oLeft - F + S : oLeft - F;
    }
    // Slots o + t (t = 0 … ⌊S/2⌋) and o − t (t = 1 … S − 1 − ⌊S/2⌋), each t in-plane hops from o.
    for (let t = 0, slot = o; t <= half; t++, slot = slot + 1 === S ? 0 : slot + 1) {
      if (t >= best[slot]!) break;
      addPoint(column, slot, x, t);
    }
    for (let t = 1, slot = o === 0 ? S - 1 : o - 1; t < S - half; t++, slot = slot === 0 ? S - 1 : slot - 1) {
      if (t >= best[slot]!) break;
      addPoint(column, slot, x, t);
    }
  }
  return column;
}

/** Lift point (x, y) of slot `slot` (columnStaircases): y in-plane hops, fewer than the slot's earlier points. */
function addPoint(c: ColumnStaircases, slot: number, x: number, y: number): void {
  const { pairs, count } = c;
  c.best[slot] = y;
  const k = count[slot]!;
  const at = 2 * (slot * c.width + k);
  if (k > 0 && pairs[at - 2] === x)
    pairs[at - 1] = y; // same x, fewer in-plane hops
  else {
    pairs[at] = x;
    pairs[at + 1] = y;
    count[slot] = k + 1;
  }
}

/**
 * Writes the lower-left convex hull (monotone chain: points on or above the chord of their neighbours dropped) of the
 * staircase `n` pairs at `pairs[from …]` (x ascending) into `out` from `at`; returns the index after the last pair.
 */
function writeHull(pairs: Int32Array, from: number, n: number, out: Int32Array, at: number): number {
  let h = at;
  for (let i = from; i < from + 2 * n; i += 2) {
    const cx = pairs[i]!;
    const cy = pairs[i + 1]!;
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

/** Writes the hull path types of destination (p, s) of the column last passed to columnStaircases into `out`. */
function writeColumnHull(c: ColumnStaircases, s: number, out: Int32Array, at: number): number {
  return writeHull(c.pairs, 2 * s * c.width, c.count[s]!, out, at);
}

/** Hull path types (cross, in) to destination (p, s), as a flat [x0, y0, x1, y1, …] with x ascending. */
export function destinationPathTypes(shape: TorusShape, p: number, s: number): number[] {
  const l = latticeOf(shape);
  const slot = ((s % l.S) + l.S) % l.S;
  const c = columnStaircases(l, p);
  const out = new Int32Array(2 * c.count[slot]!);
  return [...out.subarray(0, writeColumnHull(c, slot, out, 0))];
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

/**
 * Index of the point reflection −(p, s) ≡ (P − p, −s − F) (p ≥ 1) or (0, −s) of destination (p, s), given
 * r = (−s − F) mod S (stepped down with s by the callers: no modulo per destination).
 */
const reflection = (P: number, S: number, p: number, s: number, r: number): number =>
  p === 0 ? S - s - 1 : (P - p) * S + r - 1;

function shapePathTypes(shape: TorusShape): ShapePathTypes {
  const l = latticeOf(shape);
  const { P, S, F } = l;
  const room = 2 * l.period;
  const start = new Int32Array(P * S);
  let types = new Int32Array(Math.max(64, 4 * P * S));
  let at = 0;
  let d = 0;
  for (let p = 0; p < P; p++) {
    let c: ColumnStaircases | null = null; // worked out on the column's first destination not a reflection
    for (let s = 0, r = F === 0 ? 0 : S - F; s < S; s++, r = r === 0 ? S - 1 : r - 1) {
      if (p === 0 && s === 0) continue;
      if (types.length < at + room) {
        const grown = new Int32Array(Math.max(2 * types.length, at + room));
        grown.set(types);
        types = grown;
      }
      start[d] = at;
      // −(p, s) ≡ (P − p, −s − F) (p ≥ 1) or (0, −s): its lifts are the negated lifts, the same path types.
      const m = reflection(P, S, p, s, r);
      if (m < d) {
        types.copyWithin(at, start[m]!, start[m + 1]!);
        at += start[m + 1]! - start[m]!;
      } else at = writeColumnHull((c ??= columnStaircases(l, p)), s, types, at);
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
 * and every design of its shape shares one), budget in destinations held: ~70 of the shipped constellation study's
 * shapes (~15 bytes of hull steps a destination). Ten times as many kept 1,237 of its 1,972 hulls against 1,172, but
 * held ~50 MB more objects, which every major collection marks: ~0.5 s more of the collector's threads than the 65
 * hulls it saved.
 */
const HULLS = new Memo<TorusHull>(400_000);

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
 * path types (shapePathTypes), so the pair's are written once, into a scratch, and counted for both. Each hull edge's
 * (dx, dy) is counted in a table by itself (most edges repeat one seen before: no gcd for them); the edges are then
 * reduced to their primitive directions in the order of their first use, so the steps are listed in the order of their
 * first destination, as a walk over every destination lists them. The counts are whole numbers: summed in any order.
 */
function shapeHull(shape: TorusShape, usable: TorusUsable): TorusHull {
  const l = latticeOf(shape);
  const { P, S, F } = l;
  const room = 2 * l.period;
  if (hullTypes.length < room) hullTypes = new Int32Array(room);
  // Edges and steps by (dx, dy) in tables: dx < P·(⌊period/2⌋ + 2) (the largest lift x), dy ≤ S/2.
  const width = (S >> 1) + 1;
  const every = usable.cross && usable.in; // no type ruled out
  const units = edgeTables(P * (Math.floor(room / 4) + 2) * width);
  let edges = 0;
  const minHops = new Int32Array(P * S - 1);
  let baseCrossHops = 0;
  let baseInHops = 0;
  let unreachable = 0;
  let d = 0;
  for (let p = 0; p < P; p++) {
    let c: ColumnStaircases | null = null; // worked out on the column's first destination not a reflection
    for (let s = 0, r = F === 0 ? 0 : S - F; s < S; s++, r = r === 0 ? S - 1 : r - 1) {
      if (p === 0 && s === 0) continue;
      const m = reflection(P, S, p, s, r);
      if (m < d) {
        d++;
        continue; // counted with its reflection m
      }
      const k = m === d ? 1 : 2;
      const end = writeColumnHull((c ??= columnStaircases(l, p)), s, hullTypes, 0);
      let prevX = -1;
      let prevY = -1;
      let h = Infinity;
      for (let i = 0; i < end; i += 2) {
        const x = hullTypes[i]!;
        const y = hullTypes[i + 1]!;
        if (!every && unusableType(x, y, usable)) continue;
        h = Math.min(h, x + y);
        if (prevX < 0) {
          baseCrossHops += k * x;
          baseInHops += k * y;
        } else {
          // dx more cross-plane hops for dy = prevY − y (> 0) fewer in-plane hops
          const key = (x - prevX) * width + prevY - y;
          const u = units[key]!;
          if (u === 0) {
            if (edges === edgeKeys.length) edgeKeys = grown(edgeKeys);
            edgeKeys[edges++] = key;
          }
          units[key] = u + k;
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
  const steps = edgeSteps(edges, width);
  return { baseCrossHops, baseInHops, steps, minHops, unreachable };
}
/** Scratch for one destination's hull types in shapeHull, grown on demand. */
let hullTypes = new Int32Array(64);
/** Unit steps (destinations) of each hull edge (dx, dy) in shapeHull, at dx·width + dy; cleared after each use. */
let edgeUnits = new Int32Array(0);
/** The edges' keys in edgeUnits in the order of their first use, grown on demand. */
let edgeKeys = new Int32Array(1024);
/** Each step direction's index + 1 in shapeHull's list (0: not yet listed), cleared after each use. */
let stepIndex = new Int32Array(0);

/**
 * The first `edges` hull edges of edgeKeys (keys dx·width + dy in edgeUnits) reduced to unit steps of their primitive
 * directions, listed in the order of their first edge; clears the tables.
 */
function edgeSteps(edges: number, width: number): HullStep[] {
  const units = edgeUnits;
  const steps: { dCross: number; dIn: number; count: number }[] = [];
  for (let i = 0; i < edges; i++) {
    const key = edgeKeys[i]!;
    const dx = Math.floor(key / width),
      dy = key - dx * width;
    const g = gcd(dx, dy);
    const n = units[key]! * g;
    units[key] = 0;
    const step = (dx / g) * width + dy / g;
    const e = stepIndex[step]!;
    if (e === 0) stepIndex[step] = steps.push({ dCross: dx / g, dIn: dy / g, count: n });
    else steps[e - 1]!.count += n;
  }
  for (const e of steps) stepIndex[e.dCross * width + e.dIn] = 0;
  return steps;
}

/** edgeUnits (returned) and stepIndex, grown to `size` entries where smaller. */
function edgeTables(size: number): Int32Array {
  if (edgeUnits.length < size) {
    edgeUnits = new Int32Array(size);
    stepIndex = new Int32Array(size);
  }
  return edgeUnits;
}

/** A copy of `a` twice as long. */
function grown(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(2 * a.length);
  b.set(a);
  return b;
}

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
