/**
 * Plane keeping of a sun-synchronous shell: the inclination trim that keeps neighbouring planes' nodes from drifting
 * into each other over the design life, as a Δv per satellite in the node's station-keeping budget.
 *
 * Method
 * - Differential nodal drift (secular J2, circular; Vallado, Fundamentals of Astrodynamics, 4th ed. 2013, §9.6):
 *   Ω̇ = −(3/2)·n·J2·(R⊕/a)²·cos i, so an inclination error δi turns a plane's node against its neighbour's at
 *   δΩ̇ = (3/2)·n·J2·(R⊕/a)²·sin i·δi (0.47°/yr per 0.01° at 553 km, 97.6°).
 * - Tolerance: a plane may drift a fraction f = ½ of its spacing ΔΩ to its neighbour over the life L, so the
 *   inclination it may keep is δi_tol = f·ΔΩ / ((3/2)·n·J2·(R⊕/a)²·sin i · L).
 * - Dispersion: the launcher's injection accuracy δi₀ = 0.1° (3σ; SpaceX, Falcon User's Guide, 2021, §"Injection
 *   accuracy"); each satellite trims the excess δi₀ − δi_tol once, Δv = 2v·sin((δi₀ − δi_tol)/2), v = √(μ/a)
 *   (a pure plane change; Vallado 2013 §6.4.1).
 * Assumptions: every plane's error is independent and the worst (δi₀) is budgeted; luni-solar inclination drift
 * (mostly common to the neighbouring planes of a narrow LTAN band: it moves the band's LTAN, not its spacing) and
 * differential drag are not included. Spacing: the sso-ltan band's LTAN step (15°/h), 360°/P (Walker delta), 180°/P
 * (star). Validity: circular LEO, sun-synchronous shells of two or more planes; clusters keep their formation instead.
 * Derivation, evidence and costs: docs/constellations.md §"Plane keeping of sun-synchronous shells".
 */
import { EARTH_J2, EARTH_MU_m3_s2, EARTH_RADIUS_m, JULIAN_YEAR_s } from '../../base/constants.js';
import { deg_to_rad } from '../../base/convert.js';
import type { ShellGeometrySpec } from '../design/types.js';

/** Launcher injection accuracy in inclination [rad]: ±0.1° 3σ (Falcon User's Guide, SpaceX 2021). */
export const INJECTION_INCLINATION_DISPERSION_rad = deg_to_rad(0.1);
/** Fraction of the plane spacing a plane may drift towards its neighbour over the life [-] (header). */
export const PLANE_DRIFT_FRACTION = 0.5;
const RAD_PER_HOUR_ANGLE = Math.PI / 12;

export interface PlaneKeepingResult {
  /** RAAN spacing of neighbouring planes [rad]. */
  readonly planeSpacing_rad: number;
  /** |∂Ω̇/∂i| [rad/s per rad]: differential nodal drift per unit inclination error. */
  readonly driftPerInclination_per_s: number;
  /** Inclination error that drifts a plane PLANE_DRIFT_FRACTION of its spacing in the life [rad]. */
  readonly tolerance_rad: number;
  /** Inclination trimmed per satellite, max(0, δi₀ − δi_tol) [rad]. */
  readonly trim_rad: number;
  /** Δv of that trim per satellite, once [m/s]. */
  readonly deltaV_m_s: number;
}

/** RAAN spacing of neighbouring planes [rad] (header). */
function planeSpacing_rad(g: Readonly<ShellGeometrySpec>): number {
  if (g.pattern === 'sso-ltan') return (g.ltanBand_h * RAD_PER_HOUR_ANGLE) / g.planes;
  return (g.pattern === 'walker-star' ? Math.PI : 2 * Math.PI) / g.planes;
}

/** Plane keeping of a sun-synchronous shell over `lifetime_yr` (header); null for other shells and one plane. */
export function planeKeeping(g: Readonly<ShellGeometrySpec>, lifetime_yr: number): PlaneKeepingResult | null {
  if (!g.sunSynchronous || g.pattern === 'cluster' || g.planes < 2) return null;
  if (!(lifetime_yr > 0)) throw new RangeError(`lifetime must be > 0 yr, got ${lifetime_yr}`);
  const a = EARTH_RADIUS_m + g.altitude_m;
  const v = Math.sqrt(EARTH_MU_m3_s2 / a);
  const n = v / a;
  const drift = 1.5 * n * EARTH_J2 * (EARTH_RADIUS_m / a) ** 2 * Math.abs(Math.sin(g.inclination_rad));
  const spacing = planeSpacing_rad(g);
  const tolerance_rad = (PLANE_DRIFT_FRACTION * spacing) / (drift * lifetime_yr * JULIAN_YEAR_s);
  const trim_rad = Math.max(0, INJECTION_INCLINATION_DISPERSION_rad - tolerance_rad);
  return {
    planeSpacing_rad: spacing,
    driftPerInclination_per_s: drift,
    tolerance_rad,
    trim_rad,
    deltaV_m_s: 2 * v * Math.sin(trim_rad / 2),
  };
}
