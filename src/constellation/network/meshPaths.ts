/**
 * Fewest hops and least latency between the satellites of a mesh shell (+Grid plus one diagonal per node and gap,
 * (p, s)–(p+1, s+1), linkTopology.ts) on the class-mean link lengths, in closed form over lattice lifts.
 *
 * A path from (0, 0) to node (p, s) is a lattice path to a lift (X, Y) of it: on the twisted torus
 * (X, Y) = (p + wP, s − wF + mS), w, m ∈ Z (the seam shifts slots by F, torusPathTypes.ts); on the open cylinder
 * X = Δp, Y = Δs + mS. Steps are (±1, 0) cross-plane, (0, ±1) in-plane and ±(1, 1) diagonal. Where X·Y > 0, k ≤
 * min(|X|, |Y|) diagonals each replace one cross-plane and one in-plane hop: hops |X| + |Y| − k, latency
 * k·w_d + (|X| − k)·w_x + (|Y| − k)·w_i, both linear in k, so k = 0 or k = min(|X|, |Y|). Where X·Y ≤ 0 a diagonal
 * would need a hop back (w_x ≤ w_d + w_i by the triangle inequality), so none is used. The nearer slot images
 * Y = r − S and r (0 ≤ r < S) hold the optimum while w_d ≥ w_x (a diagonal spans one slot more than its cross-plane
 * link: both costs then grow with |Y|); torus lifts are taken in increasing |X| until |X| alone is no better than
 * the best found. w = latency per hop = mean length / c + per-hop delay.
 * Validity: mesh shells with all three classes usable; lengths are class means (outages are the rate model's).
 */
import { SPEED_OF_LIGHT_m_s, type PathRow } from './graph/networkPaths.js';
import type { ReducedSeriesParams } from './torus/torusInstant.js';

type MeshShell = Pick<ReducedSeriesParams, 'diagonalUsable' | 'inPlaneUsable' | 'crossPlaneUsable' | 'satsPerPlane'>;
/** Whether a shell's paths are the mesh's (this file): diagonals laid, every class usable, two slots or more. */
export const meshPathsApply = (p: Readonly<MeshShell>): boolean =>
  p.diagonalUsable === true && p.inPlaneUsable && p.crossPlaneUsable && p.satsPerPlane >= 2;

/** Per-hop latency of each class [s]: mean length / c + the per-hop delay. */
export interface MeshHopLatency {
  readonly cross_s: number;
  readonly in_s: number;
  readonly diagonal_s: number;
}

/** Each class's per-hop latency from its mean length [m] and the per-hop delay [s]. */
export function meshHopLatency(
  lengths: { readonly crossPlane_m: number; readonly inPlane_m: number; readonly diagonal_m: number },
  perHopDelay_s: number,
): MeshHopLatency {
  return {
    cross_s: lengths.crossPlane_m / SPEED_OF_LIGHT_m_s + perHopDelay_s,
    in_s: lengths.inPlane_m / SPEED_OF_LIGHT_m_s + perHopDelay_s,
    diagonal_s: lengths.diagonal_m / SPEED_OF_LIGHT_m_s + perHopDelay_s,
  };
}

/** Best hops and latency found so far for one destination; `lift` lowers them. */
interface Best {
  hops: number;
  latency_s: number;
}

function lift(X: number, Y: number, h: MeshHopLatency, best: Best): void {
  const ax = Math.abs(X),
    ay = Math.abs(Y);
  const k = X * Y > 0 ? Math.min(ax, ay) : 0;
  best.hops = Math.min(best.hops, ax + ay - k);
  const plain = ax * h.cross_s + ay * h.in_s;
  best.latency_s = Math.min(best.latency_s, plain, plain + k * (h.diagonal_s - h.cross_s - h.in_s));
}

const mod = (a: number, S: number): number => ((a % S) + S) % S;

/** The nearer slot images of a lift with plane offset X: Y = r − S and r. */
function lifts(X: number, r: number, S: number, h: MeshHopLatency, best: Best): void {
  lift(X, r - S, h, best);
  lift(X, r, h, best);
}

/**
 * Fewest hops and least latency from node (0, 0) of the twisted torus to each destination d = p·S + s − 1 (every
 * source sees the same: the torus is vertex-transitive).
 */
export function torusMeshDestinations(
  P: number,
  S: number,
  F: number,
  h: MeshHopLatency,
): { minHops: Int32Array; latency_s: Float64Array } {
  const n = P * S;
  const minHops = new Int32Array(n - 1);
  const latency_s = new Float64Array(n - 1);
  const perPlane_s = Math.min(h.cross_s, h.diagonal_s); // the least a lift's |X| plane steps cost
  const best: Best = { hops: Infinity, latency_s: Infinity };
  // a lift whose plane steps alone cost no less than the best found cannot improve on it
  const useless = (ax: number): boolean => ax >= best.hops && ax * perPlane_s >= best.latency_s;
  for (let p = 0; p < P; p++)
    for (let s = 0; s < S; s++) {
      if (p === 0 && s === 0) continue;
      best.hops = Infinity;
      best.latency_s = Infinity;
      for (let t = 0; !useless(t * P); t++)
        for (const w of [t, -t - 1]) {
          const X = p + w * P;
          if (!useless(Math.abs(X))) lifts(X, mod(s - w * F, S), S, h, best);
        }
      minHops[p * S + s - 1] = best.hops;
      latency_s[p * S + s - 1] = best.latency_s;
    }
  return { minHops, latency_s };
}

/**
 * The ordered pairs of the open cylinder as rows: plane offset X (P − |X| plane pairs) and slot offset r (S source
 * slots each), one lift per slot image.
 */
export function cylinderMeshRows(P: number, S: number, h: MeshHopLatency): PathRow[] {
  const rows: PathRow[] = [];
  const best: Best = { hops: Infinity, latency_s: Infinity };
  for (let X = 1 - P; X < P; X++)
    for (let r = 0; r < S; r++) {
      if (X === 0 && r === 0) continue;
      best.hops = Infinity;
      best.latency_s = Infinity;
      lifts(X, r, S, h, best);
      rows.push({ hops: best.hops, latency_s: best.latency_s, pairs: (P - Math.abs(X)) * S });
    }
  return rows;
}
