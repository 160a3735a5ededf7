/**
 * NSGA-III association (Deb & Jain 2014, Algorithm 3), as pymoo's `associate_to_niches`: objectives
 * are normalized by (f - ideal) / (nadir - ideal) (a zero range becomes 1e-12); each point joins the
 * reference direction with the smallest perpendicular distance. The niching that fills the last front
 * (Algorithm 4) is in ./nichePreservation.ts.
 */

export interface Association {
  readonly niche: Int32Array;
  readonly distance: Float64Array;
}

/** Unit reference directions, transposed: UT[k * H + h] = dirs[h][k] / ||dirs[h]||. */
export function unitDirectionsTransposed(dirs: Float64Array, H: number, m: number): Float64Array {
  const UT = new Float64Array(H * m);
  for (let h = 0; h < H; h++) {
    let s = 0;
    for (let k = 0; k < m; k++) s += dirs[h * m + k]! * dirs[h * m + k]!;
    const norm = Math.sqrt(s);
    for (let k = 0; k < m; k++) UT[k * H + h] = dirs[h * m + k]! / norm;
  }
  return UT;
}

/** With fewer directions than this (or fewer than ASSOCIATE_INDEX_MIN_WORK points x directions) the brute force is used. */
const ASSOCIATE_INDEX_MIN_DIRECTIONS = 64;
const ASSOCIATE_INDEX_MIN_WORK = 1 << 16;

/**
 * F: n x m flat; UT: unit directions transposed (see unitDirectionsTransposed), H directions.
 * Each point v = (f - ideal) / (nadir - ideal) joins the direction u_h with the smallest
 * perpendicular distance, computed as s_h = ||v||^2 - (v.u_h)^2 (||N - (N.u) u||^2 for a unit u),
 * the first (lowest h) on a tie; its distance is sqrt(max(s_h, 0)).
 *
 * Large N x H: minimizing s_h is maximizing v.u_h (v >= 0, u >= 0), i.e. the largest cosine, found
 * by branch and bound in a k-d tree over the directions (`DirectionIndex`). The result is the same
 * as the brute force's (`associateToNichesBrute`) bit for bit: every direction that is evaluated
 * gets the brute force's s_h with the same floating-point operations in the same order, ties go
 * to the lowest h, and a subtree is skipped only when an upper bound of v.u over its box falls
 * below the best v.u seen by more than a margin that covers all rounding (see `DirectionIndex`).
 * Points with a negative or non-finite coordinate, and direction sets with one, use the brute force.
 */
export function associateToNiches(F: Float64Array, n: number, m: number, UT: Float64Array, H: number, ideal: Float64Array, nadir: Float64Array): Association {
  const index = H >= ASSOCIATE_INDEX_MIN_DIRECTIONS && n * H >= ASSOCIATE_INDEX_MIN_WORK ? DirectionIndex.of(UT, H, m) : null;
  if (index === null) return associateToNichesBrute(F, n, m, UT, H, ideal, nadir);
  const denom = normalizationDenominators(ideal, nadir, m);
  const niche = new Int32Array(n);
  const distance = new Float64Array(n);
  const v = new Float64Array(m);
  const dots = new Float64Array(H);
  for (let i = 0; i < n; i++) {
    let nn = 0;
    let ok = true;
    for (let k = 0; k < m; k++) {
      const x = (F[i * m + k]! - ideal[k]!) / denom[k]!;
      v[k] = x;
      nn += x * x;
      if (!(x >= 0 && x < Infinity)) ok = false;
    }
    if (ok && nn > 0) {
      index.nearest(v, nn);
      niche[i] = index.bestH;
      distance[i] = Math.sqrt(index.bestS > 0 ? index.bestS : 0);
    } else {
      const best = bruteNearest(v, nn, m, UT, H, dots);
      niche[i] = best.h;
      distance[i] = Math.sqrt(best.s > 0 ? best.s : 0);
    }
  }
  return { niche, distance };
}

function normalizationDenominators(ideal: Float64Array, nadir: Float64Array, m: number): Float64Array {
  const denom = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const d = nadir[k]! - ideal[k]!;
    denom[k] = d === 0 ? 1e-12 : d;
  }
  return denom;
}

/** The brute force for one point v (||v||^2 = nn): the first h with the smallest s_h, O(H m). */
function bruteNearest(v: Float64Array, nn: number, m: number, UT: Float64Array, H: number, dots: Float64Array): { h: number; s: number } {
  dots.fill(0);
  for (let k = 0; k < m; k++) {
    const x = v[k]!;
    const base = k * H;
    for (let h = 0; h < H; h++) dots[h] = dots[h]! + x * UT[base + h]!;
  }
  let best = Infinity;
  let arg = 0;
  for (let h = 0; h < H; h++) {
    const d = dots[h]!;
    const s = nn - d * d;
    if (s < best) {
      best = s;
      arg = h;
    }
  }
  return { h: arg, s: best };
}

/** Directions per leaf of a `DirectionIndex`. */
const DIRECTION_LEAF = 8;

/**
 * A k-d tree over H unit directions (m coordinates, all >= 0), cached per direction matrix (which
 * must not change afterwards; NSGA-III builds its matrix once per run). A query
 * for a point v >= 0 returns the brute force's choice. Branch and bound on d = v.u: for every u in
 * a node's box [lo, hi], v.u <= v.hi (v >= 0) and v.u = ||v|| (1 - ||w - u||^2 / 2) <=
 * ||v|| (1 - dist(w, box)^2 / 2) (w = v / ||v||, unit u), so a node is skipped when the smaller
 * bound + margin < D, D the largest computed d so far. The margin, 1e-10 (||v||^2 / D + m ||v||),
 * exceeds the rounding of the computed d, s, bounds and unit vectors by orders of magnitude: a
 * direction whose computed s_h ties or beats that of the direction reaching D has an exact v.u
 * within ~4 eps ||v||^2 / D + O(m eps ||v||) of D, so it is never skipped.
 */
class DirectionIndex {
  private static readonly cache = new WeakMap<Float64Array, DirectionIndex | null>();

  /** The directions in tree order (H x m), the same values as UT. */
  private readonly U: Float64Array;
  /** Direction index at each tree position. */
  private readonly id: Int32Array;
  /** Corners of the node boxes (nodes x m). */
  private readonly lo: Float64Array;
  private readonly hi: Float64Array;
  /** Internal nodes: the coordinate split and the median's value of it (the right child's entries are >= it). */
  private readonly splitAxis: Int32Array;
  private readonly splitValue: Float64Array;
  private readonly depth: number;
  private v: Float64Array = new Float64Array(0);
  private nn = 0;
  private norm = 0;
  /** v / ||v|| */
  private readonly w: Float64Array;
  private D = 0;
  private margin = 0;
  bestS = Infinity;
  bestH = 0;

  static of(UT: Float64Array, H: number, m: number): DirectionIndex | null {
    const key = UT;
    let index = DirectionIndex.cache.get(key);
    if (index === undefined || (index !== null && (index.H !== H || index.m !== m))) {
      index = DirectionIndex.build(UT, H, m);
      DirectionIndex.cache.set(key, index);
    }
    return index;
  }

  /** null (use the brute force) unless every direction is finite, >= 0 and of unit length to 1e-12. */
  private static build(UT: Float64Array, H: number, m: number): DirectionIndex | null {
    if (UT.length !== H * m) return null;
    for (let i = 0; i < H * m; i++) if (!(UT[i]! >= 0 && UT[i]! < Infinity)) return null;
    for (let h = 0; h < H; h++) {
      let s = 0;
      for (let k = 0; k < m; k++) s += UT[k * H + h]! * UT[k * H + h]!;
      if (!(Math.abs(s - 1) <= 1e-12)) return null;
    }
    return new DirectionIndex(UT, H, m);
  }

  private constructor(
    UT: Float64Array,
    private readonly H: number,
    private readonly m: number,
  ) {
    let depth = 0;
    while (Math.ceil(H / 2 ** depth) > DIRECTION_LEAF) depth++;
    this.depth = depth;
    this.lo = new Float64Array((2 ** (depth + 1) - 1) * m);
    this.hi = new Float64Array((2 ** (depth + 1) - 1) * m);
    this.splitAxis = new Int32Array(2 ** depth);
    this.splitValue = new Float64Array(2 ** depth);
    this.w = new Float64Array(m);
    const perm = new Int32Array(H);
    for (let h = 0; h < H; h++) perm[h] = h;
    this.build(UT, perm, 0, 0, H, 0);
    this.id = perm;
    this.U = new Float64Array(H * m);
    for (let pos = 0; pos < H; pos++) for (let k = 0; k < m; k++) this.U[pos * m + k] = UT[k * H + perm[pos]!]!;
  }

  /** Heap layout: node k over positions [a, b) has children 2k + 1 over [a, mid) and 2k + 2 over [mid, b). */
  private build(UT: Float64Array, perm: Int32Array, node: number, a: number, b: number, level: number): void {
    const { m, H, lo: los, hi } = this;
    let widest = 0;
    let widestRange = -1;
    for (let k = 0; k < m; k++) {
      let lo = Infinity;
      let up = -Infinity;
      for (let i = a; i < b; i++) {
        const x = UT[k * H + perm[i]!]!;
        if (x < lo) lo = x;
        if (x > up) up = x;
      }
      los[node * m + k] = lo;
      hi[node * m + k] = up;
      if (up - lo > widestRange) {
        widestRange = up - lo;
        widest = k;
      }
    }
    if (level === this.depth) return;
    const mid = (a + b) >>> 1;
    selectByKey(perm, a, b, mid, UT, widest * H);
    this.splitAxis[node] = widest;
    this.splitValue[node] = UT[widest * H + perm[mid]!]!;
    this.build(UT, perm, 2 * node + 1, a, mid, level + 1);
    this.build(UT, perm, 2 * node + 2, mid, b, level + 1);
  }

  /** Sets bestH and bestS for the point v (all coordinates finite and >= 0, ||v||^2 = nn > 0). */
  nearest(v: Float64Array, nn: number): void {
    this.v = v;
    this.nn = nn;
    this.norm = Math.sqrt(nn);
    for (let k = 0; k < this.m; k++) this.w[k] = v[k]! / this.norm;
    this.D = -Infinity;
    this.margin = Infinity;
    this.bestS = Infinity;
    this.bestH = 0;
    this.visit(0, 0, this.H, 0);
  }

  /**
   * An upper bound of v.u over the unit directions u in the node's box: the smaller of v.hi (v >= 0)
   * and ||v|| (1 - dist(w, box)^2 / 2) (v.u = ||v|| (1 - ||w - u||^2 / 2) for unit w, u).
   */
  private upper(node: number): number {
    const { v, w, lo, hi, m } = this;
    let corner = 0;
    let dist2 = 0;
    for (let k = 0, o = node * m; k < m; k++) {
      const h = hi[o + k]!;
      corner += v[k]! * h;
      const x = w[k]!;
      const gap = x > h ? x - h : lo[o + k]! - x;
      if (gap > 0) dist2 += gap * gap;
    }
    const sphere = this.norm * (1 - 0.5 * dist2);
    return sphere < corner ? sphere : corner;
  }

  /**
   * The child on w's side of the split first, without a bound while nothing is found yet (D = -Infinity
   * prunes nothing), then the other unless its bound rules it out: about one bound per level instead
   * of two.
   */
  private visit(node: number, a: number, b: number, level: number): void {
    if (level < this.depth) {
      const mid = (a + b) >>> 1;
      const left = 2 * node + 1;
      const wLeft = this.w[this.splitAxis[node]!]! < this.splitValue[node]!;
      const near = wLeft ? left : left + 1;
      const far = wLeft ? left + 1 : left;
      if (this.D === -Infinity || this.upper(near) + this.margin >= this.D) {
        if (wLeft) this.visit(left, a, mid, level + 1);
        else this.visit(left + 1, mid, b, level + 1);
      }
      if (this.upper(far) + this.margin >= this.D) {
        if (wLeft) this.visit(left + 1, mid, b, level + 1);
        else this.visit(left, a, mid, level + 1);
      }
      return;
    }
    const { v, U, id, m, nn } = this;
    let raised = false;
    for (let pos = a; pos < b; pos++) {
      // d and s exactly as the brute force computes them
      const o = pos * m;
      let d = v[0]! * U[o]!;
      for (let k = 1; k < m; k++) d = d + v[k]! * U[o + k]!;
      const s = nn - d * d;
      const h = id[pos]!;
      if (s < this.bestS || (s === this.bestS && h < this.bestH)) {
        this.bestS = s;
        this.bestH = h;
      }
      if (d > this.D) {
        this.D = d;
        raised = true;
      }
    }
    if (raised && this.D > 0) this.margin = 1e-10 * (nn / this.D + m * Math.sqrt(nn));
  }
}

/**
 * Rearranges perm[a..b) so that perm[kth] holds the entry of that rank by (keys[base + entry], entry)
 * with no larger entry before it and no smaller one after (Hoare's quickselect, median of three).
 */
function selectByKey(perm: Int32Array, a: number, b: number, kth: number, keys: Float64Array, base: number): void {
  const before = (x: number, y: number): boolean => {
    const kx = keys[base + x]!;
    const ky = keys[base + y]!;
    return kx < ky || (kx === ky && x < y);
  };
  const swap = (i: number, j: number): void => {
    const t = perm[i]!;
    perm[i] = perm[j]!;
    perm[j] = t;
  };
  let lo = a;
  let hi = b - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    if (before(perm[mid]!, perm[lo]!)) swap(mid, lo);
    if (before(perm[hi]!, perm[lo]!)) swap(hi, lo);
    if (before(perm[hi]!, perm[mid]!)) swap(hi, mid);
    const pivot = perm[mid]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (before(perm[i]!, pivot)) i++;
      while (before(pivot, perm[j]!)) j--;
      if (i <= j) {
        swap(i, j);
        i++;
        j--;
      }
    }
    if (kth <= j) hi = j;
    else if (kth >= i) lo = i;
    else return;
  }
}

/** The O(N H m) brute force: every point against every direction (see `associateToNiches`). */
export function associateToNichesBrute(
  F: Float64Array,
  n: number,
  m: number,
  UT: Float64Array,
  H: number,
  ideal: Float64Array,
  nadir: Float64Array,
): Association {
  const denom = normalizationDenominators(ideal, nadir, m);
  const niche = new Int32Array(n);
  const distance = new Float64Array(n);
  if (m === 3) {
    // unrolled common case
    const i0 = ideal[0]!;
    const i1 = ideal[1]!;
    const i2 = ideal[2]!;
    const d0 = denom[0]!;
    const d1 = denom[1]!;
    const d2 = denom[2]!;
    for (let i = 0; i < n; i++) {
      const v0 = (F[3 * i]! - i0) / d0;
      const v1 = (F[3 * i + 1]! - i1) / d1;
      const v2 = (F[3 * i + 2]! - i2) / d2;
      const nn = v0 * v0 + v1 * v1 + v2 * v2;
      let best = Infinity;
      let arg = 0;
      for (let h = 0; h < H; h++) {
        const d = v0 * UT[h]! + v1 * UT[H + h]! + v2 * UT[2 * H + h]!;
        const s = nn - d * d;
        if (s < best) {
          best = s;
          arg = h;
        }
      }
      niche[i] = arg;
      distance[i] = Math.sqrt(best > 0 ? best : 0);
    }
    return { niche, distance };
  }
  const dots = new Float64Array(H);
  const v = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    let nn = 0;
    for (let k = 0; k < m; k++) {
      v[k] = (F[i * m + k]! - ideal[k]!) / denom[k]!;
      nn += v[k]! * v[k]!;
    }
    const best = bruteNearest(v, nn, m, UT, H, dots);
    niche[i] = best.h;
    distance[i] = Math.sqrt(best.s > 0 ? best.s : 0);
  }
  return { niche, distance };
}
