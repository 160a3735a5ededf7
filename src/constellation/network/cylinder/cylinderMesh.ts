/**
 * Upper bound on the uniform all-to-all maximum concurrent flow of an open-cylinder mesh shell (a band of planes with
 * in-plane rings, cross-plane links (q, s)–(q+1, s) and diagonals (q, s)–(q+1, s+1), no seam) at one instant: the least
 * of the gap cuts counting the diagonals, a class-length LP-duality bound and, where the +Grid computes them, the
 * +Grid's length families of cylinderDual.ts with length 1 also on the diagonals that step over a boundary of K.
 * Cut through gap g (Leighton & Rao, J. ACM 46(6), 1999, §1): λ ≤ (X_g + Y_g) / ((g+1)(P−1−g)S²), X_g, Y_g the gap's
 * cross-plane and diagonal capacities. Duality (Shahrokhi & Matula, J. ACM 37(2), 1990): λ·Σ_pairs dist_w ≤
 * 2·Σ_k w_k·C_k, minimised over class lengths w by meshBound.ts's cutting planes, with closed-form pair distances:
 * k planes up with m diagonals (each a slot on) costs (k−m)·w_x + m·w_d, each slot left over the shorter way round
 * min(w_in, w_x + w_d) (an in-plane hop, or a diagonal and a cross-plane link to a neighbouring plane and back);
 * dist(k, d) = min over 0 ≤ m ≤ k, least at m = 0, k or an m ≡ d (mod S) (the ring term is concave between its zeros);
 * Σ_pairs = S·Σ_k (P−|k|)·Σ_d dist(|k|, d). Every part is at least the +Grid's (more links cut, no distance longer, the
 * same K sets): a mesh never reports less than its +Grid. Lower bound: the +Grid part's routing, the diagonals idle.
 * Validity: P ≥ 2, S ≥ 3; capacities ≥ 0 (edge numbering of torusInstant.ts, gap q's links at q·S + s).
 * Derivation, evidence and costs: docs/constellations.md §"Open-cylinder mesh shells".
 */
import { classLengthBound_bps } from '../torus/meshBound.js';
import { CYLINDER_DUAL_FAMILIES, familySets, linkCodes, type CylinderDualFamily } from './cylinderDual.js';
import { distanceSum, type Contracted } from './contractedDistances.js';

export interface CylinderMeshBound {
  /** The least gap cut with the diagonals, as a rate per node [b/s]. */
  readonly cut_bps: number;
  /** The class-length duality bound [b/s per node]. */
  readonly dual_bps: number;
  /** The least of cylinderDual.ts's families with the diagonals (Infinity where not computed) [b/s per node]. */
  readonly family_bps: number;
  readonly family: CylinderDualFamily | null;
  /** The least of the three bounds [b/s per node]. */
  readonly upperBound_bps: number;
}

/**
 * Σ over ordered node pairs of the class-length distances (header) of a P × S open-cylinder mesh, w = (in-plane,
 * cross-plane, diagonal) lengths (Infinity: class left out); each class's hops over those paths added into `hops`.
 * Infinity when some pair is unreachable.
 */
export function cylinderMeshDistanceSum(
  P: number,
  S: number,
  w: readonly [number, number, number],
  hops: Float64Array,
): number {
  const [wi, wx, wd] = w;
  // a slot the shorter way round: an in-plane hop, or a diagonal and a cross-plane link there and back
  const viaRing = wi <= wx + wd;
  const step = viaRing ? wi : wx + wd;
  const ring = (x: number): number => {
    const r = ((x % S) + S) % S;
    return Math.min(r, S - r);
  };
  let total = 0;
  let h0 = 0,
    h1 = 0,
    h2 = 0;
  for (let k = 0; k < P; k++) {
    const mult = (k === 0 ? P : 2 * (P - k)) * S; // ordered pairs k planes apart with a given slot offset
    for (let d = 0; d < S; d++) {
      if (k === 0 && d === 0) continue;
      let best = Infinity,
        bm = 0;
      const at = (m: number): void => {
        const r = ring(d - m);
        const len = (k > m ? (k - m) * wx : 0) + (m > 0 ? m * wd : 0) + (r > 0 ? r * step : 0);
        if (len < best) {
          best = len;
          bm = m;
        }
      };
      at(0);
      at(k);
      for (let m = d % S; m < k; m += S) at(m);
      if (!Number.isFinite(best)) return Infinity;
      total += mult * best;
      const r = ring(d - bm);
      h0 += mult * (viaRing ? r : 0);
      h1 += mult * (k - bm + (viaRing ? 0 : r));
      h2 += mult * (bm + (viaRing ? 0 : r));
    }
  }
  hops[0]! += h0;
  hops[1]! += h1;
  hops[2]! += h2;
  return total;
}

/** Sum of a[from … to). */
function sumOf(a: Float64Array, from: number, to: number): number {
  let x = 0;
  for (let i = from; i < to; i++) x += a[i]!;
  return x;
}

/** Union-find root of v (path halving). */
function root(parent: Int32Array, v: number): number {
  while (parent[v] !== v) {
    parent[v] = parent[parent[v]!]!;
    v = parent[v]!;
  }
  return v;
}

/** The contracted graph (contractedDistances.ts) of node sizes and undirected edges a·M + b (a < b). */
function contracted(sizes: readonly number[], pairs: ReadonlySet<number>): Contracted {
  const M = sizes.length;
  const start = new Int32Array(M + 1);
  for (const e of pairs) {
    start[Math.floor(e / M) + 1]!++;
    start[(e % M) + 1]!++;
  }
  for (let x = 0; x < M; x++) start[x + 1]! += start[x]!;
  const fill = start.slice(0, M);
  const adj = new Int32Array(2 * pairs.size);
  for (const e of pairs) {
    const a = Math.floor(e / M),
      b = e % M;
    adj[fill[a]!++] = b;
    adj[fill[b]!++] = a;
  }
  return { size: Float64Array.from(sizes), start, adj };
}

/**
 * cylinderDual.ts's bound for one set K of slot positions on the mesh: length 1 on the links that step over a slot
 * boundary of K (in-plane s → s+1 and diagonal (q, s)–(q+1, s+1), K[s] = 1), 0 on every other link (cross-plane and
 * diagonal links that are on, in-plane links off K taken as on), so the nodes joined by length-0 links merge and Σ dist
 * is the contracted graph's (contractedDistances.ts) [b/s per node].
 */
export function meshFamilyRate(
  P: number,
  S: number,
  inPlane_bps: Float64Array,
  cross_bps: Float64Array,
  diagonal_bps: Float64Array,
  K: Uint8Array,
): number {
  const N = P * S;
  const parent = Int32Array.from({ length: N }, (_, v) => v);
  const join = (a: number, b: number): void => {
    const ra = root(parent, a),
      rb = root(parent, b);
    if (ra !== rb) parent[ra] = rb;
  };
  let lengthCapacity = 0;
  for (let q = 0; q < P; q++)
    for (let s = 0; s < S; s++) {
      const v = q * S + s,
        next = q * S + ((s + 1) % S);
      if (K[s] === 1) lengthCapacity += 2 * inPlane_bps[v]!;
      else join(v, next);
      if (q < P - 1 && cross_bps[v]! > 0) join(v, v + S);
      if (q < P - 1 && K[s] === 1) lengthCapacity += 2 * diagonal_bps[v]!;
      else if (q < P - 1 && diagonal_bps[v]! > 0) join(v, next + S);
    }
  const id = new Int32Array(N).fill(-1);
  const sizes: number[] = [];
  for (let v = 0; v < N; v++) {
    const r = root(parent, v);
    if (id[r]! < 0) id[r] = sizes.push(0) - 1;
    sizes[id[r]!]!++;
  }
  const M = sizes.length;
  const pairs = new Set<number>();
  const unit = (v: number, w: number): void => {
    const a = id[root(parent, v)]!,
      b = id[root(parent, w)]!;
    if (a !== b) pairs.add(Math.min(a, b) * M + Math.max(a, b));
  };
  for (let q = 0; q < P; q++)
    for (let s = 0; s < S; s++) {
      if (K[s] !== 1) continue;
      const v = q * S + s,
        next = q * S + ((s + 1) % S);
      if (inPlane_bps[v]! > 0) unit(v, next);
      if (q < P - 1 && diagonal_bps[v]! > 0) unit(v, next + S);
    }
  const d = distanceSum(contracted(sizes, pairs));
  return d > 0 ? (lengthCapacity / d) * (N - 1) : Infinity;
}

/**
 * The instant's mesh bound (header) from its link capacities by edge (torusInstant.ts numbering, no seam); with
 * `families`, also cylinderDual.ts's length families with the diagonals: the +Grid's K sets (read from its cross-plane
 * links), so each is at least the +Grid's bound for the same K (its distances only shorten).
 */
export function cylinderMeshBound(
  P: number,
  S: number,
  inPlane_bps: Float64Array,
  cross_bps: Float64Array,
  diagonal_bps: Float64Array,
  families = false,
): CylinderMeshBound {
  if (!(Number.isInteger(P) && P >= 2 && Number.isInteger(S) && S >= 3))
    throw new RangeError(`open-cylinder mesh bound needs planes ≥ 2 and satsPerPlane ≥ 3, got ${P} × ${S}`);
  const N = P * S;
  let cut = Infinity,
    cross = 0,
    diag = 0;
  for (let g = 0; g < P - 1; g++) {
    const x = sumOf(cross_bps, g * S, (g + 1) * S),
      y = sumOf(diagonal_bps, g * S, (g + 1) * S);
    cross += x;
    diag += y;
    cut = Math.min(cut, (x + y) / ((g + 1) * (P - 1 - g) * S * S));
  }
  const dual_bps = classLengthBound_bps(
    N,
    { inPlane_bps: sumOf(inPlane_bps, 0, N), crossPlane_bps: cross, diagonal_bps: diag },
    (w, hops) => cylinderMeshDistanceSum(P, S, w, hops),
  );
  const cut_bps = cut * (N - 1);
  let family_bps = Infinity,
    family: CylinderDualFamily | null = null;
  if (families) {
    familySets(P, S, linkCodes(P, S, inPlane_bps, cross_bps)).forEach((K, i) => {
      if (K === null) return;
      const rate = meshFamilyRate(P, S, inPlane_bps, cross_bps, diagonal_bps, K);
      if (rate < family_bps) [family_bps, family] = [rate, CYLINDER_DUAL_FAMILIES[i]!];
    });
  }
  return { cut_bps, dual_bps, family_bps, family, upperBound_bps: Math.min(cut_bps, dual_bps, family_bps) };
}
