/**
 * Walker phasing F that keeps the satellites of one shell farthest apart: the closest approach of the shell
 * for every F = 0 … P − 1, in closed form.
 *
 * Two satellites in planes a and b come closest at d_ab(F) = 2r·cos(θ/2)·sin(m/2) (environment.ts), θ the angle
 * between the planes and m the distance from x = (b − a)·F·2π/T + u_node,a − u_node,b to the nearest multiple of
 * 2π/S (Walker 1984; pattern.ts); the shell's closest approach is min(2r·sin(π/S), min over plane pairs of d_ab(F)).
 * Walker delta shells need only the pairs (0, b). Exact for one shell under two-body + secular J2.
 * Validity: circular orbits, one shell (other shells' satellites are not considered).
 * Derivation, evidence and costs: docs/constellations.md §"Walker phasing scan".
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
