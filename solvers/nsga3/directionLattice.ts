/**
 * Nearest Das–Dennis reference direction by a search of the lattice itself, for NSGA-III's association
 * (./niching.ts): the directions are u_k = k / ||k|| for the compositions k of p into m parts (k_i >= 0
 * integers, sum p; Das & Dennis, SIAM J. Optim. 8(3), 1998), so the ones near a point lie around the point's
 * ray, where they can be enumerated instead of searched for among all H = C(p + m - 1, m - 1).
 * Method: the ray of v meets the plane sum x = p at q = p w / sigma (w = v / ||v||, sigma = sum w_i); a direction
 * within angle theta of w has ||x - q|| <= rho = tan(theta) ||q|| / (sin(phi) - tan(theta) cos(phi)),
 * sin(phi) = sigma / sqrt(m). The search rounds q to a composition and enumerates, depth first with pruning, the
 * compositions in that ball, shrinking rho as better directions are found.
 * Exactness: the result is the brute force's bit for bit (same floating-point s = ||v||^2 - (v.u)^2, lowest index
 * wins ties). Where the lattice is coarse against m, a search visiting more than NODE_BUDGET_PER_DIRECTION H
 * prefixes is abandoned for the brute force.
 * Derivation, evidence and costs: docs/algorithms.md §"Nearest reference direction".
 */

/**
 * Prefixes a point's search may visit, per direction, before it falls back to the brute force (measured: 0.25 and 1 do
 * worse at m >= 10).
 */
const NODE_BUDGET_PER_DIRECTION = 0.5;

export class DirectionLattice {
  private static readonly cache = new WeakMap<Float64Array, DirectionLattice | null>();

  /** Directions row-major (H x m), the same values as UT. */
  private readonly U: Float64Array;
  /** C(L + r_i, r_i) at [i (p + 1) + L], r_i = m - 1 - i: the compositions of L into m - i parts. */
  private readonly ways: Float64Array;
  private readonly budget: number;
  private readonly q: Float64Array;
  private readonly k: Int32Array;
  private v: Float64Array;
  private nn = 0;
  private norm = 0;
  private sinPhi = 0;
  private cosPhi = 0;
  private qNorm = 0;
  private D = 0;
  private rho2 = 0;
  private nodes = 0;
  bestS = Infinity;
  bestH = 0;

  /**
   * The lattice for the unit directions UT (transposed, UT[k H + h]) when they are the Das–Dennis set for m
   * objectives in dasDennis order (each within 1e-12 of k / ||k||), else null; cached per matrix, which must not
   * change afterwards.
   */
  static of(UT: Float64Array, H: number, m: number): DirectionLattice | null {
    let lattice = DirectionLattice.cache.get(UT);
    if (lattice === undefined || (lattice !== null && (lattice.H !== H || lattice.m !== m))) {
      lattice = DirectionLattice.recognize(UT, H, m);
      DirectionLattice.cache.set(UT, lattice);
    }
    return lattice;
  }

  private static recognize(UT: Float64Array, H: number, m: number): DirectionLattice | null {
    if (m < 2 || UT.length !== H * m) return null;
    let p = 1;
    while (compositions(p, m) < H) p++;
    if (compositions(p, m) !== H) return null;
    // the compositions in dasDennis order (lexicographic in k_0, k_1, ...), each against its row of UT
    const k = new Int32Array(m);
    k[m - 1] = p;
    for (let h = 0; h < H; h++) {
      let s = 0;
      for (let i = 0; i < m; i++) s += k[i]! * k[i]!;
      const norm = Math.sqrt(s);
      for (let i = 0; i < m; i++) if (!(Math.abs(UT[i * H + h]! - k[i]! / norm) <= 1e-12)) return null;
      nextComposition(k, m);
    }
    return new DirectionLattice(UT, H, m, p);
  }

  private constructor(
    UT: Float64Array,
    private readonly H: number,
    private readonly m: number,
    private readonly p: number,
  ) {
    this.U = new Float64Array(H * m);
    for (let h = 0; h < H; h++) for (let i = 0; i < m; i++) this.U[h * m + i] = UT[i * H + h]!;
    this.ways = new Float64Array((m - 1) * (p + 1));
    for (let i = 0; i < m - 1; i++) for (let L = 0; L <= p; L++) this.ways[i * (p + 1) + L] = compositions(L, m - i);
    this.budget = Math.max(64, NODE_BUDGET_PER_DIRECTION * H);
    this.q = new Float64Array(m);
    this.k = new Int32Array(m);
    this.v = this.q;
  }

  /**
   * Sets bestH and bestS for the point v (coordinates finite and >= 0, ||v||^2 = nn > 0) and returns true, or
   * returns false when the search ran over its budget (the caller then takes the brute force).
   */
  nearest(v: Float64Array, nn: number): boolean {
    const { m, p, q, k } = this;
    this.v = v;
    this.nn = nn;
    const norm = Math.sqrt(nn);
    this.norm = norm;
    let sum = 0;
    for (let i = 0; i < m; i++) sum += v[i]!;
    const sigma = sum / norm;
    this.sinPhi = sigma / Math.sqrt(m);
    this.cosPhi = Math.sqrt(Math.max(0, 1 - this.sinPhi * this.sinPhi));
    this.qNorm = p / sigma;
    let whole = 0;
    for (let i = 0; i < m; i++) {
      q[i] = (p * v[i]!) / sum;
      k[i] = Math.floor(q[i]!);
      whole += k[i]!;
    }
    // the rounding: the p - whole (< m) largest fractional parts round up
    for (let t = whole; t < p; t++) {
      let at = 0;
      let largest = -1;
      for (let i = 0; i < m; i++) {
        const f = q[i]! - k[i]!;
        if (f > largest) {
          largest = f;
          at = i;
        }
      }
      k[at]!++;
    }
    this.bestS = Infinity;
    this.bestH = 0;
    this.D = -Infinity;
    let h = 0;
    for (let i = 0, L = p; i < m - 1; i++) {
      h += this.rankStep(i, L, k[i]!);
      L -= k[i]!;
    }
    this.evaluate(h);
    this.nodes = 0;
    this.search(0, p, 0, 0, 0);
    return this.nodes <= this.budget;
  }

  /** Compositions before those with k_i = x among those of L into m - i parts (dasDennis order). */
  private rankStep(i: number, L: number, x: number): number {
    const row = i * (this.p + 1);
    // sum over u < x of the compositions of L - u into r = m - i - 1 parts = C(L + r, r) - C(L - x + r, r) (hockey
    // stick)
    return this.ways[row + L]! - this.ways[row + L - x]!;
  }

  /** The brute force's d and s for direction h; a larger d raises D and shrinks rho. */
  private evaluate(h: number): void {
    const { v, U, m } = this;
    const o = h * m;
    let d = v[0]! * U[o]!;
    for (let i = 1; i < m; i++) d = d + v[i]! * U[o + i]!;
    const s = this.nn - d * d;
    if (s < this.bestS || (s === this.bestS && h < this.bestH)) {
      this.bestS = s;
      this.bestH = h;
    }
    if (d > this.D) {
      this.D = d;
      this.rho2 = this.radius2();
    }
  }

  /** rho^2 for the current D (Infinity when the cone reaches the plane's direction: the whole lattice). */
  private radius2(): number {
    const { nn, D, norm } = this;
    const c = (D - 1e-10 * (nn / D + this.m * norm)) / norm;
    if (!(c > 0)) return Infinity;
    const tan = Math.sqrt(Math.max(0, 1 - c * c)) / c;
    const denominator = this.sinPhi - tan * this.cosPhi;
    if (!(denominator > 0)) return Infinity;
    const rho = ((tan * this.qNorm) / denominator) * (1 + 1e-9) + 1e-9 * this.p;
    return rho * rho;
  }

  /**
   * Coordinates i.. of the compositions with prefix sum p - L, squared deviation r2 from q and deviation sum
   * dev; h: the rank of the prefix's first completion.
   */
  private search(i: number, L: number, r2: number, dev: number, h: number): void {
    if (++this.nodes > this.budget) return;
    const { m, q } = this;
    // k_i = q_i + e is possible while r2 + e^2 + (dev + e)^2 / rest <= rho^2 (the rest coordinates cancel dev + e)
    const rest = m - 1 - i;
    const room = this.rho2 - r2;
    if (room < 0) return;
    const a = 1 + 1 / rest;
    const b = dev / rest;
    const disc = b * b - a * ((dev * dev) / rest - room);
    if (disc < 0) return;
    const root = Math.sqrt(disc);
    const lo = Math.max(0, Math.ceil(q[i]! + (-b - root) / a - 1e-9));
    const hi = Math.min(L, Math.floor(q[i]! + (-b + root) / a + 1e-9));
    if (rest === 1) {
      // the last free coordinate: k_{m-1} = L - x deviates by -(dev + e), which the range above already keeps in the
      // ball (a composition just outside it, let in by the slack, is only one more exact evaluation)
      for (let x = lo; x <= hi; x++) this.evaluate(h + this.rankStep(i, L, x));
      this.nodes += hi - lo + 1;
      return;
    }
    for (let x = lo; x <= hi && this.nodes <= this.budget; x++) {
      const e = x - q[i]!;
      this.search(i + 1, L - x, r2 + e * e, dev + e, h + this.rankStep(i, L, x));
      if (this.rho2 < r2) return;
    }
  }
}

/** Compositions of L into r parts (C(L + r - 1, r - 1)), as a double. */
function compositions(L: number, r: number): number {
  if (r <= 1) return L >= 0 ? 1 : 0;
  let c = 1;
  for (let i = 1; i < r; i++) c = (c * (L + i)) / i;
  return Math.round(c);
}

/** The next composition in dasDennis order (k_0 slowest): the last movable unit moves one place left. */
function nextComposition(k: Int32Array, m: number): void {
  // the rightmost i < m - 1 whose suffix k_{i+1..} holds something moves one unit into k_i; the suffix restarts at
  // k_{m-1}
  let i = m - 2;
  let suffix = k[m - 1]!;
  while (i >= 0 && suffix === 0) suffix += k[i--]!;
  if (i < 0) return;
  k[i]!++;
  for (let j = i + 1; j < m; j++) k[j] = 0;
  k[m - 1] = suffix - 1;
}
