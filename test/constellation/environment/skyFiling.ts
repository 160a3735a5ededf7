/**
 * The 500,000-satellite sun-synchronous layout of SpaceX's 29 May 2026 FCC supplement as odc reads it (the script of
 * Boley, Lawler & Rein 2026, arXiv:2608.02757, lays it out differently: docs/approximations.md): 565–585 km at 97.7°
 * in 10 planes, 707–744 km in 22 planes (sun-synchronous inclination, J2), 967–1,002 km at 99.4° in 22 planes, LTAN
 * 06:00/18:00 with a 10° RAAN spread.
 * Inputs this reading fixes (docs/approximations.md §"Sky brightness"): satellites split evenly over the 54 planes;
 * each range's planes at altitudes evenly spaced over the range; half of each range's planes at LTAN 18:00, half at
 * 06:00, each half spread evenly over 10° of RAAN; slots evenly spaced, plane k's slot 0 at u = k·2π/(54·S).
 */
import { M_PER_KM } from '../../../src/base/convert.js';
import { raanFromLtan_rad } from '../../../src/constellation/geometry/pattern.js';
import type { SkyPlane } from '../../../src/constellation/environment/skyCount.js';
import { sunSynchronousInclination } from '../../../src/models/orbit/orbit.js';

const RAD_PER_DEG = Math.PI / 180;
export const FILING_SATELLITES = 500_000;
const RANGES = [
  { lo_km: 565, hi_km: 585, planes: 10, inclination_deg: 97.7 as number | null },
  { lo_km: 707, hi_km: 744, planes: 22, inclination_deg: null },
  { lo_km: 967, hi_km: 1002, planes: 22, inclination_deg: 99.4 },
];
const RAAN_SPREAD_rad = 10 * RAD_PER_DEG;

/** The filing's planes with their elements at an ISO instant (the RAAN from LTAN there). */
export function filingPlanes(referenceIso: string, satellites = FILING_SATELLITES): SkyPlane[] {
  const total = RANGES.reduce((s, r) => s + r.planes, 0);
  const base = Math.floor(satellites / total);
  const extra = satellites - base * total;
  const planes: SkyPlane[] = [];
  for (const r of RANGES) {
    const half = r.planes / 2;
    for (let j = 0; j < r.planes; j++) {
      const altitude_m = (r.lo_km + ((r.hi_km - r.lo_km) * j) / (r.planes - 1)) * M_PER_KM;
      const inclination_rad =
        r.inclination_deg === null
          ? sunSynchronousInclination({ altitude_m }).inclination_rad
          : r.inclination_deg * RAD_PER_DEG;
      const ltan_h = j < half ? 18 : 6;
      const within = j % half;
      const spread = half > 1 ? -RAAN_SPREAD_rad / 2 + (RAAN_SPREAD_rad * within) / (half - 1) : 0;
      const n = base + (planes.length < extra ? 1 : 0);
      planes.push({
        altitude_m,
        inclination_rad,
        raan_rad: raanFromLtan_rad(ltan_h, referenceIso) + spread,
        u0_rad: (planes.length * 2 * Math.PI) / (total * n),
        satellites: n,
      });
    }
  }
  return planes;
}
