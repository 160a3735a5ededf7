/**
 * Elements that make an exported orbit behave in a downstream propagator: the SGP4 drag term B* from the node's
 * ballistic coefficient, and the frozen eccentricity of a near-circular orbit.
 *
 * B* = ρ₀/(2·B), B = m/(C_D·A) [kg/m²], ρ₀ = 2.461e-8 kg/m³ at q₀ = 120 km (Hoots & Roehrich, Spacetrack Report #3,
 * 1980, §2 and §12; Vallado, "Fundamentals of Astrodynamics and Applications", 4th ed., 2013, §9.6.2 eq. 9-42), so
 * B*[1/ER] = 0.15696615 / (2·B[kg/m²]). SGP4 flies it through its own fixed density ρ₀·((q₀ − s)/(r − s))⁴, s = 78 km,
 * (3.9× odc's CIRA-2012 moderate density at 550 km), so the exported B* is that of the equivalent ballistic
 * coefficient: scaled by ρ_odc(h)/ρ_SGP4(h) at the shell, SGP4 decays the orbit at odc's own rate (`shellBstar`).
 * Frozen eccentricity at ω = 90° (Vallado 2013 §11.4.2; Chobotov, "Orbital Mechanics", 3rd ed., 2002, §14.4):
 * e_f = −(J3 / 2J2) · (R⊕ / a) · sin i, J3 = −2.53266e-6 (EGM-96), J2 = 1.0826267e-3; J5, J7… and drag neglected.
 * These are long-period (singly averaged) elements: SGP4's mean elements remove the J3 long-period term
 * (aynl += −½(J3/J2) sin i / a, Spacetrack Report #3), so in SGP4 mean elements the frozen orbit is e ≈ 0.
 * Validity: near-circular LEO orbits (e ≲ 0.01), 150–2,000 km; B from 1 to 10⁵ kg/m².
 * Derivation, evidence and costs: docs/constellations.md §"Orbit hand-off elements".
 */
import { EARTH_J2, EARTH_RADIUS_m } from '../../base/constants.js';

/** Earth third zonal harmonic J3 [-]: EGM-96 unnormalised, −C₃₀ = −2.53266e-6 (Vallado 2013, table D-1). */
export const EARTH_J3 = -2.53266e-6;
/** SGP4 reference density ρ₀ = 2.461e-8 kg/m³ expressed per Earth radius [kg/m²/ER] (Spacetrack Report #3). */
export const SGP4_REFERENCE_DENSITY_kg_m2_per_ER = 0.15696615;
/** Earth radius of SGP4's WGS-72 constants [m] (the ER of B*). */
const SGP4_EARTH_RADIUS_m = 6_378_135;

/** B* [1/Earth radii] of a node of ballistic coefficient B = m/(C_D·A) [kg/m²]. */
export function bstar_per_earth_radius(ballisticCoefficient_kg_m2: number): number {
  if (!(ballisticCoefficient_kg_m2 >= 1 && ballisticCoefficient_kg_m2 <= 1e5))
    throw new RangeError(`ballistic coefficient must be 1…1e5 kg/m² for B*, got ${ballisticCoefficient_kg_m2}`);
  return SGP4_REFERENCE_DENSITY_kg_m2_per_ER / (2 * ballisticCoefficient_kg_m2);
}

/** SGP4's density-profile parameters as altitudes: q₀ = 120 km, s = 78 km (Spacetrack Report #3, §2). */
const SGP4_Q0_m = 120_000;
const SGP4_S_m = 78_000;

/** SGP4's fixed atmospheric density at altitude h [kg/m³]: ρ₀·((q₀ − s)/(h − s))⁴ (header; h ≥ 156 km). */
export function sgp4Density_kg_m3(altitude_m: number): number {
  if (!(altitude_m >= 150_000)) throw new RangeError(`SGP4's density profile needs h ≥ 150 km, got ${altitude_m} m`);
  return (
    (SGP4_REFERENCE_DENSITY_kg_m2_per_ER / SGP4_EARTH_RADIUS_m) *
    ((SGP4_Q0_m - SGP4_S_m) / (altitude_m - SGP4_S_m)) ** 4
  );
}

/**
 * Exported B* [1/ER] of a node of ballistic coefficient B [kg/m²] at altitude h where odc's atmosphere has density
 * ρ [kg/m³]: B* of the equivalent coefficient B·ρ_SGP4(h)/ρ, so SGP4's drag at h equals odc's (header).
 */
export function shellBstar(ballisticCoefficient_kg_m2: number, density_kg_m3: number, altitude_m: number): number {
  if (!(density_kg_m3 > 0)) throw new RangeError(`density must be > 0 kg/m³ for B*, got ${density_kg_m3}`);
  return bstar_per_earth_radius(ballisticCoefficient_kg_m2) * (density_kg_m3 / sgp4Density_kg_m3(altitude_m));
}

/** Frozen eccentricity [-] of a near-circular orbit of semi-major axis a [m] and inclination i [rad] (ω = 90°). */
export function frozenEccentricity(semiMajorAxis_m: number, inclination_rad: number): number {
  if (!(semiMajorAxis_m > EARTH_RADIUS_m))
    throw new RangeError(`semi-major axis must exceed R⊕, got ${semiMajorAxis_m}`);
  return (-EARTH_J3 / (2 * EARTH_J2)) * (EARTH_RADIUS_m / semiMajorAxis_m) * Math.sin(inclination_rad);
}
