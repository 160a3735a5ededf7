/**
 * Elements that make an exported orbit behave in a downstream propagator: the SGP4 drag term B* from the node's
 * ballistic coefficient, and the frozen eccentricity of a near-circular orbit.
 *
 * B* = ρ₀/(2·B), B = m/(C_D·A) [kg/m²], ρ₀ = 2.461e-8 kg/m³ at q₀ = 120 km (Hoots & Roehrich, Spacetrack Report #3,
 * 1980, §2 and §12; Vallado, "Fundamentals of Astrodynamics and Applications", 4th ed., 2013, §9.6.2 eq. 9-42), so
 * B*[1/ER] = 0.15696615 / (2·B[kg/m²]); SGP4's fixed atmosphere decays the orbit unlike odc's CIRA-2012 model.
 * Frozen eccentricity at ω = 90° (Vallado 2013 §11.4.2; Chobotov, "Orbital Mechanics", 3rd ed., 2002, §14.4):
 * e_f = −(J3 / 2J2) · (R⊕ / a) · sin i, J3 = −2.53266e-6 (EGM-96), J2 = 1.0826267e-3; J5, J7… and drag neglected.
 * Validity: near-circular LEO orbits (e ≲ 0.01); B from 1 to 10⁵ kg/m².
 * Derivation, evidence and costs: docs/constellations.md §"Orbit hand-off elements".
 */
import { EARTH_J2, EARTH_RADIUS_m } from '../../base/constants.js';

/** Earth third zonal harmonic J3 [-]: EGM-96 unnormalised, −C₃₀ = −2.53266e-6 (Vallado 2013, table D-1). */
export const EARTH_J3 = -2.53266e-6;
/** SGP4 reference density ρ₀ = 2.461e-8 kg/m³ expressed per Earth radius [kg/m²/ER] (Spacetrack Report #3). */
export const SGP4_REFERENCE_DENSITY_kg_m2_per_ER = 0.15696615;

/** B* [1/Earth radii] of a node of ballistic coefficient B = m/(C_D·A) [kg/m²]. */
export function bstar_per_earth_radius(ballisticCoefficient_kg_m2: number): number {
  if (!(ballisticCoefficient_kg_m2 >= 1 && ballisticCoefficient_kg_m2 <= 1e5))
    throw new RangeError(`ballistic coefficient must be 1…1e5 kg/m² for B*, got ${ballisticCoefficient_kg_m2}`);
  return SGP4_REFERENCE_DENSITY_kg_m2_per_ER / (2 * ballisticCoefficient_kg_m2);
}

/** Frozen eccentricity [-] of a near-circular orbit of semi-major axis a [m] and inclination i [rad] (ω = 90°). */
export function frozenEccentricity(semiMajorAxis_m: number, inclination_rad: number): number {
  if (!(semiMajorAxis_m > EARTH_RADIUS_m))
    throw new RangeError(`semi-major axis must exceed R⊕, got ${semiMajorAxis_m}`);
  return (-EARTH_J3 / (2 * EARTH_J2)) * (EARTH_RADIUS_m / semiMajorAxis_m) * Math.sin(inclination_rad);
}
