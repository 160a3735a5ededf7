/**
 * Upper bound on the uniform all-to-all maximum concurrent flow of an open-cylinder mesh shell (a band of planes with
 * in-plane rings, cross-plane links (q, s)–(q+1, s) and diagonals (q, s)–(q+1, s+1), no seam) at one instant: the
 * least of the gap cuts counting the diagonals and an LP-duality bound with one length per link class.
 *
 * Cut through gap g (Leighton & Rao, J. ACM 46(6), 1999, §1): λ ≤ (X_g + Y_g) / ((g+1)(P−1−g)S²), X_g, Y_g the gap's
 * cross-plane and diagonal capacities summed at the instant. Duality (Shahrokhi & Matula, J. ACM 37(2), 1990): for
 * class lengths w, λ·Σ_pairs dist_w ≤ 2·Σ_k w_k·C_k, minimised over w by meshBound.ts's cutting planes. The pair
 * distances are closed-form: going k planes up with m diagonals (each a slot on) costs (k−m)·w_x + m·w_d, and each
 * slot left over the shorter way round min(w_in, w_x + w_d) (an in-plane hop, or a diagonal and a cross-plane link
 * to a neighbouring plane and back), so dist(k, d) = min over 0 ≤ m ≤ k of that sum; the least is at m = 0, m = k or
 * an m ≡ d (mod S) (the ring term is concave between its zeros). Σ_pairs = S·Σ_k (P−|k|)·Σ_d dist(|k|, d).
 * Both parts only grow with a link class added (a cut counts more links, every distance is no longer), and without
 * diagonals the duality bound is cylinder.ts's in-plane volume and mean-gap bounds: a mesh never reports less than
 * its +Grid. The lower bound is the +Grid part's routing (cylinderRouting.ts), the diagonals idle.
 * Validity: P ≥ 2, S ≥ 3; capacities ≥ 0 (edge numbering of torusInstant.ts, gap q's links at q·S + s).
 * Derivation, evidence and costs: docs/constellations.md §"Open-cylinder mesh shells".
 */
import { classLengthBound_bps } from '../torus/meshBound.js';

export interface CylinderMeshBound {
  /** The least gap cut with the diagonals, as a rate per node [b/s]. */
  readonly cut_bps: number;
  /** The class-length duality bound [b/s per node]. */
  readonly dual_bps: number;
  /** The smaller of the two [b/s per node]. */
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

/** The instant's mesh bound (header) from its link capacities by edge (torusInstant.ts numbering, no seam). */
export function cylinderMeshBound(
  P: number,
  S: number,
  inPlane_bps: Float64Array,
  cross_bps: Float64Array,
  diagonal_bps: Float64Array,
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
  return { cut_bps, dual_bps, upperBound_bps: Math.min(cut_bps, dual_bps) };
}
