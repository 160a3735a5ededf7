/**
 * Bounded relative motion of a formation member about a circular reference orbit, its mean orbital
 * elements relative to the reference, and the Δv that keeps it against differential J2.
 *
 * Equations: Hill–Clohessy–Wiltshire (Clohessy & Wiltshire, J. Aerospace Sci. 27(9), 1960; Vallado 2013 §6.8),
 *   ẍ − 2nẏ − 3n²x = 0,   ÿ + 2nẋ = 0,   z̈ + n²z = 0, bounded solutions with ẏ₀ = −2n·x₀ (Sabol et al. 2001);
 * mean relative elements to first order in ρ/a (Alfriend et al., "Spacecraft Formation Flying", 2010, ch. 5);
 * secular J2 rates (Vallado 2013 §9.6, Eq. 9-41). Keeping: along-track drift removed by a δa bias (Schweighart &
 * Sedwick 2002; Schaub & Alfriend 2001), differential node drift by out-of-plane burns, Δv = v·sin i·|δΩ̇| per
 * unit time (Vallado 2013 §6.4). Differential drag: none (same ballistic coefficient, drag.ts holds each node).
 * Validity: separations ρ ≪ a, circular reference, J2 secular terms only.
 * Derivation, evidence and costs: docs/models.md §"Relative motion and formation keeping".
 */
import { EARTH_J2, EARTH_MU_m3_s2, EARTH_RADIUS_m, JULIAN_YEAR_s } from '../../base/constants.js';

/** Coefficients of one bounded HCW relative orbit [m]. */
export interface RelativeOrbit {
  /** Radial: x = c1 cos θ + c2 sin θ. */
  readonly c1_m: number;
  readonly c2_m: number;
  /** Along-track centre offset y₀. */
  readonly alongTrackOffset_m: number;
  /** Cross-track: z = d1 cos θ + d2 sin θ. */
  readonly d1_m: number;
  readonly d2_m: number;
}

/** Relative position [m] and velocity [m/s] in the reference's radial / along-track / cross-track frame. */
export interface RelativeState {
  readonly x_m: number;
  readonly y_m: number;
  readonly z_m: number;
  readonly vx_m_s: number;
  readonly vy_m_s: number;
  readonly vz_m_s: number;
}

/** Mean motion of a circular orbit of radius a [rad/s] (two-body). */
export function meanMotion_rad_s(semiMajorAxis_m: number): number {
  return Math.sqrt(EARTH_MU_m3_s2 / semiMajorAxis_m ** 3);
}

/** HCW state of `o` at phase θ = n·t [rad]; n [rad/s] scales the velocities. */
export function hcwState(o: Readonly<RelativeOrbit>, theta_rad: number, meanMotion: number): RelativeState {
  const c = Math.cos(theta_rad),
    s = Math.sin(theta_rad),
    n = meanMotion;
  return {
    x_m: o.c1_m * c + o.c2_m * s,
    y_m: o.alongTrackOffset_m + 2 * (o.c2_m * c - o.c1_m * s),
    z_m: o.d1_m * c + o.d2_m * s,
    vx_m_s: n * (o.c2_m * c - o.c1_m * s),
    vy_m_s: -2 * n * (o.c2_m * s + o.c1_m * c),
    vz_m_s: n * (o.d2_m * c - o.d1_m * s),
  };
}

/** Mean elements of a member relative to its circular reference (first order; equations in docs/models.md). */
export interface DifferentialElements {
  readonly deltaEx: number;
  readonly deltaEy: number;
  readonly deltaInclination_rad: number;
  readonly deltaRaan_rad: number;
  /** Difference of mean argument of latitude (ω + M) [rad]. */
  readonly deltaArgumentOfLatitude_rad: number;
}

export interface DifferentialElementsParams {
  readonly orbit: Readonly<RelativeOrbit>;
  readonly semiMajorAxis_m: number;
  readonly inclination_rad: number;
  /** Reference argument of latitude at θ = 0 [rad]. */
  readonly argumentOfLatitude_rad: number;
}

/** Differential mean elements reproducing `orbit` (θ = u − u₀); needs sin i ≠ 0 when there is cross-track motion. */
export function differentialElements(p: Readonly<DifferentialElementsParams>): DifferentialElements {
  const { orbit: o, semiMajorAxis_m: a } = p;
  const cu = Math.cos(p.argumentOfLatitude_rad),
    su = Math.sin(p.argumentOfLatitude_rad);
  // In terms of u: x = A cos u + B sin u, z = C cos u + D sin u.
  const A = o.c1_m * cu - o.c2_m * su,
    B = o.c1_m * su + o.c2_m * cu;
  const C = o.d1_m * cu - o.d2_m * su,
    D = o.d1_m * su + o.d2_m * cu;
  const si = Math.sin(p.inclination_rad);
  if (C !== 0 && Math.abs(si) < 1e-3)
    throw new RangeError(
      'a cross-track oscillation in phase with the node needs an inclined reference orbit (sin i ≥ 1e-3)',
    );
  const deltaRaan_rad = C === 0 ? 0 : -C / (a * si);
  return {
    deltaEx: -A / a,
    deltaEy: -B / a,
    deltaInclination_rad: D / a,
    deltaRaan_rad,
    deltaArgumentOfLatitude_rad: o.alongTrackOffset_m / a - Math.cos(p.inclination_rad) * deltaRaan_rad,
  };
}

export interface MeanElementsJ2 {
  readonly semiMajorAxis_m: number;
  readonly eccentricity: number;
  readonly inclination_rad: number;
}

/** Secular J2 rates of Ω, ω and M [rad/s] (Vallado 2013 Eq. 9-41). */
export function j2SecularRates(e: Readonly<MeanElementsJ2>): {
  raan: number;
  argumentOfPerigee: number;
  meanAnomaly: number;
} {
  const n = meanMotion_rad_s(e.semiMajorAxis_m);
  const p = e.semiMajorAxis_m * (1 - e.eccentricity ** 2);
  const k = n * EARTH_J2 * (EARTH_RADIUS_m / p) ** 2;
  const s2 = Math.sin(e.inclination_rad) ** 2;
  return {
    raan: -1.5 * k * Math.cos(e.inclination_rad),
    argumentOfPerigee: 0.75 * k * (4 - 5 * s2),
    meanAnomaly: n + 0.75 * k * Math.sqrt(1 - e.eccentricity ** 2) * (2 - 3 * s2),
  };
}

export interface FormationKeepingParams {
  readonly semiMajorAxis_m: number;
  readonly inclination_rad: number;
  readonly elements: Readonly<DifferentialElements>;
}

export interface FormationKeepingResult {
  /** Differential node drift [rad/s]. */
  readonly nodalDriftRate_rad_s: number;
  /** Along-track drift rate before the semi-major-axis bias [rad/s] (removed by `semiMajorAxisBias_m`). */
  readonly alongTrackDriftRate_rad_s: number;
  /** The one-time semi-major-axis bias that cancels the along-track drift [m]. */
  readonly semiMajorAxisBias_m: number;
  /** Out-of-plane Δv to cancel the node drift [m/s per yr]. */
  readonly deltaV_m_s_per_yr: number;
}

/** Differential-J2 formation keeping of one member (see header). */
export function formationKeeping(p: Readonly<FormationKeepingParams>): FormationKeepingResult {
  const a = p.semiMajorAxis_m,
    i = p.inclination_rad,
    d = p.elements;
  if (!(a > EARTH_RADIUS_m)) throw new RangeError(`semiMajorAxis_m must exceed the Earth radius, got ${a}`);
  const ref = j2SecularRates({ semiMajorAxis_m: a, eccentricity: 0, inclination_rad: i });
  const mem = j2SecularRates({
    semiMajorAxis_m: a,
    eccentricity: Math.hypot(d.deltaEx, d.deltaEy),
    inclination_rad: i + d.deltaInclination_rad,
  });
  const nodal = mem.raan - ref.raan;
  const uRate = (r: typeof ref, inc: number): number => r.argumentOfPerigee + r.meanAnomaly + Math.cos(inc) * r.raan;
  const along = uRate(mem, i + d.deltaInclination_rad) - uRate(ref, i);
  const n = meanMotion_rad_s(a);
  const v = n * a;
  return {
    nodalDriftRate_rad_s: nodal,
    alongTrackDriftRate_rad_s: along,
    semiMajorAxisBias_m: (2 * a * along) / (3 * n),
    deltaV_m_s_per_yr: v * Math.abs(Math.sin(i)) * Math.abs(nodal) * JULIAN_YEAR_s,
  };
}
