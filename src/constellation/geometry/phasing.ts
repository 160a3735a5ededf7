/**
 * Walker phasing F that keeps the satellites of one shell farthest apart: the closest approach of the shell
 * for every F = 0 … P − 1, in closed form.
 *
 * Method (environment.ts derives the distance): two satellites in planes a and b of one shell come closest,
 * twice per orbit, at d = 2r·cos(θ/2)·|sin(Δ'/2)|, θ the angle between the planes and Δ' the difference of
 * their arguments of latitude measured from the planes' mutual node. With slots every 2π/S and plane p
 * shifted by p·F·2π/T (Walker 1984; pattern.ts), Δ' over the slots of plane b takes the values
 * x + s·2π/S, x = (b − a)·F·2π/T + u_node,a − u_node,b, so the closest slot gives |Δ'| = m, the distance from
 * x to the nearest multiple of 2π/S, and d_ab(F) = 2r·cos(θ/2)·sin(m/2). The shell's closest approach is
 * min(in-plane chord 2r·sin(π/S), min over plane pairs of d_ab(F)). Walker delta shells need only the pairs
 * (0, b) (rotating by 2π/P maps every plane pair onto one with plane 0): O(P) per F; other patterns take
 * every plane pair. Cluster shells phase their reference orbits (S = 1, T = P) and subtract twice the
 * cluster radius. Exact for one shell under two-body + secular J2 (equal mean motion and nodal drift).
 *
 * Validity: circular orbits, one shell (other shells' satellites are not considered).
 */
import { EARTH_RADIUS_m } from '../../base/constants.js';
import { planePairGeometry } from '../environment/environment.js';
import { planeRaan_rad } from './pattern.js';
import type { ShellGeometrySpec } from '../design/types.js';

const TWO_PI = 2 * Math.PI;
/** Most plane-pair × F evaluations a phasing scan may take. */
export const MAX_PHASING_EVALUATIONS = 1e7;

export interface PhasingScan {
  /** Closest approach of the shell for F = 0 … P − 1 [m]. */
  readonly separation_m: readonly number[];
  /** The F with the largest closest approach (the smallest such F on ties). */
  readonly bestPhasing: number;
  readonly bestSeparation_m: number;
}

/** Closest approach of the shell for every phasing F (header); null when the scan exceeds MAX_PHASING_EVALUATIONS. */
export function phasingScan(p: Readonly<{ shell: ShellGeometrySpec; epochIso: string }>): PhasingScan | null {
  const sh = p.shell;
  const P = sh.planes;
  const cluster = sh.pattern === 'cluster';
  const S = cluster ? 1 : sh.satsPerPlane;
  const T = P * S;
  const delta = sh.pattern === 'walker-delta' || cluster;
  const firstPlanes = delta ? 1 : P - 1;
  const pairs = delta ? P - 1 : (P * (P - 1)) / 2;
  if (pairs * P > MAX_PHASING_EVALUATIONS) return null;
  const r = EARTH_RADIUS_m + sh.altitude_m;
  const raan = Array.from({ length: P }, (_, q) => planeRaan_rad(sh, q, p.epochIso));
  const geometry: { steps: number; offset: number; scale: number }[] = [];
  for (let a = 0; a < firstPlanes; a++) {
    for (let b = a + 1; b < P; b++) {
      const g = planePairGeometry(sh.inclination_rad, raan[a]!, sh.inclination_rad, raan[b]!);
      geometry.push({
        steps: b - a,
        offset: g.nodeArgLatA_rad - g.nodeArgLatB_rad,
        scale: 2 * r * Math.cos(g.planeAngle_rad / 2),
      });
    }
  }
  const spacing = TWO_PI / S;
  const inPlane = !cluster && S >= 2 ? 2 * r * Math.sin(Math.PI / S) : Infinity;
  const shrink = cluster ? 2 * sh.clusterRadius_m : 0;
  const separation_m = Array.from({ length: P }, (_, F) => {
    let best = inPlane;
    for (const g of geometry) {
      const x = ((((g.steps * F * TWO_PI) / T + g.offset) % spacing) + spacing) % spacing;
      best = Math.min(best, g.scale * Math.sin(Math.min(x, spacing - x) / 2));
    }
    return Math.max(0, best - shrink);
  });
  let bestPhasing = 0;
  separation_m.forEach((d, F) => {
    if (d > separation_m[bestPhasing]!) bestPhasing = F;
  });
  return { separation_m, bestPhasing, bestSeparation_m: separation_m[bestPhasing]! };
}
