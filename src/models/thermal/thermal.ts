/**
 * Radiator heat balance for a deployable two-sided pumped-fluid radiator (steady state, hot case).
 *
 * Equation (per m² of PLANFORM, both faces; Gilmore, Spacecraft Thermal Control Handbook Vol. I, 2nd ed. 2002,
 * ch. 2 and 6; Fortescue et al., Spacecraft Systems Engineering §11.2):
 *   netFlux = η_fin·(2 ε σ (T_rad⁴ − T_sink⁴) − [α S sin θ_inc + 2 α a S F_E + 2 ε OLR F_E]),   area = Q / netFlux
 *   F_E = (1/π) [ atan(1/√(H² − 1)) − √(H² − 1)/H² ], H = (R⊕ + h)/R⊕ (Howell, planar element to sphere, tilt 90°)
 * Plate knife-edge to the Sun (docs/sources.md §3), θ_inc default 5°. Hot case: S = 1406 W/m², albedo 0.35,
 * OLR 260 W/m² (project design values, docs/sources.md §14).
 * Validity: T_rad 150–600 K, 0 < α ≤ 1, 0 < ε ≤ 1, altitude 300–2000 km (RangeError outside).
 * Assumptions: no self-view or view to the solar array, steady state. This file holds the surface terms; the panel
 * (radiatorPanel.ts) integrates the balance along the coolant, and refuses a net flux ≤ 0 naming the equilibrium
 * temperature (never NaN, negative or infinite area).
 * Derivation, evidence and costs: docs/models.md §"Radiator heat balance".
 */
import { EARTH_RADIUS_m, SOLAR_IRRADIANCE_PERIHELION_W_m2 } from '../../base/constants.js';
import { deg_to_rad } from '../../base/convert.js';

export interface ThermalEnvironment {
  /** Direct solar irradiance [W/m²]. */
  readonly solarIrradiance_W_m2: number;
  /** Earth Bond albedo [-]. */
  readonly albedo: number;
  /** Earth outgoing long-wave radiation at the top of the atmosphere [W/m²]. */
  readonly earthIR_W_m2: number;
}

/** Hot-case design environment (see header). */
export const HOT_CASE_ENVIRONMENT: ThermalEnvironment = Object.freeze({
  solarIrradiance_W_m2: SOLAR_IRRADIANCE_PERIHELION_W_m2,
  albedo: 0.35,
  earthIR_W_m2: 260,
});
/** No environmental load: the ideal radiator of docs/sources.md §4 ("0 K sink, no environment"). */
export const NO_ENVIRONMENT: ThermalEnvironment = Object.freeze({
  solarIrradiance_W_m2: 0,
  albedo: 0,
  earthIR_W_m2: 0,
});

/** Default residual Sun incidence on a knife-edge radiator [rad] (5°). */
export const DEFAULT_SOLAR_INCIDENCE_rad = deg_to_rad(5);
/** Default sink temperature [K]: cosmic background ≈ 3 K (2.725 K). */
export const DEFAULT_SINK_TEMP_K = 3;

/** Radiating-surface coating and environment: shared by the sizing and the temperature functions. */
export interface RadiatorSurfaceParams {
  /** Solar absorptance of the coating [-], (0, 1]. */
  readonly solarAbsorptance: number;
  /** Hemispherical IR emittance [-], (0, 1]. */
  readonly irEmittance: number;
  /** Altitude [m], 300–2000 km: sets the Earth view factor. */
  readonly altitude_m: number;
  /** Angle between the Sun vector and the plate plane [rad]; 0 = perfect knife-edge, π/2 = face-on. Default 5°. */
  readonly solarIncidence_rad?: number;
  /** Override of the per-face Earth view factor [-]; default: vertical-plate formula at altitude_m. */
  readonly earthViewFactorPerFace?: number;
  /** Per-face Earth view factors [face 1, face 2] [-], each in [0, 1/H²]; overrides `earthViewFactorPerFace`. */
  readonly earthViewFactors?: readonly [number, number];
  /** Fin efficiency of the panel [-], (0, 1]; default 1 (isothermal). */
  readonly finEfficiency?: number;
  /**
   * Radiating faces, 2 (default: both faces, as above) or 1 (back face insulated: emits and absorbs on face 1 only).
   */
  readonly radiatingFaces?: 1 | 2;
  /** Default HOT_CASE_ENVIRONMENT. */
  readonly environment?: ThermalEnvironment | undefined;
  /** Default 3 K. */
  readonly sinkTemp_K?: number;
}

/** Per-face view factor from a plate perpendicular to the local horizontal to the Earth sphere. */
export function earthViewFactorVerticalPlate(p: Readonly<{ altitude_m: number }>): {
  readonly viewFactorPerFace: number;
} {
  if (!(p.altitude_m >= 300e3 && p.altitude_m <= 2000e3)) {
    throw new RangeError(
      `earthViewFactorVerticalPlate: altitude_m = ${p.altitude_m} outside the validity range 300–2000 km`,
    );
  }
  const H = (EARTH_RADIUS_m + p.altitude_m) / EARTH_RADIUS_m;
  const s = Math.sqrt(H * H - 1);
  return { viewFactorPerFace: (Math.atan(1 / s) - s / (H * H)) / Math.PI };
}

export interface Absorbed {
  /** Mean per-face view factor (F₁ + F₂)/2. */
  readonly F: number;
  /** Radiating faces (1 or 2). */
  readonly faces: number;
  readonly solar: number;
  readonly albedo: number;
  readonly ir: number;
}

/** Absorbed fluxes per m² of planform and the faces that radiate (shared with radiatorPanel.ts). */
export function radiatorAbsorbed(p: Readonly<RadiatorSurfaceParams>, who: string): Absorbed {
  const { solarAbsorptance: a, irEmittance: e } = p;
  if (!(a > 0 && a <= 1)) throw new RangeError(`${who}: solarAbsorptance = ${a} must be in (0, 1]`);
  if (!(e > 0 && e <= 1)) throw new RangeError(`${who}: irEmittance = ${e} must be in (0, 1]`);
  const inc = p.solarIncidence_rad ?? DEFAULT_SOLAR_INCIDENCE_rad;
  if (!(inc >= 0 && inc <= Math.PI / 2))
    throw new RangeError(`${who}: solarIncidence_rad = ${inc} must be in [0, π/2]`);
  const pair = p.earthViewFactors;
  if (pair !== undefined && !(pair[0] >= 0 && pair[0] <= 1 && pair[1] >= 0 && pair[1] <= 1))
    throw new RangeError(`${who}: earthViewFactors = [${pair.join(', ')}] must each be in [0, 1]`);
  const F =
    pair !== undefined
      ? (pair[0] + pair[1]) / 2
      : (p.earthViewFactorPerFace ?? earthViewFactorVerticalPlate(p).viewFactorPerFace);
  if (!(F >= 0 && F <= 1)) throw new RangeError(`${who}: earthViewFactorPerFace = ${F} must be in [0, 1]`);
  const env = p.environment ?? HOT_CASE_ENVIRONMENT;
  if (!(env.solarIrradiance_W_m2 >= 0 && env.albedo >= 0 && env.albedo <= 1 && env.earthIR_W_m2 >= 0)) {
    throw new RangeError(`${who}: environment must have solarIrradiance_W_m2 ≥ 0, 0 ≤ albedo ≤ 1, earthIR_W_m2 ≥ 0`);
  }
  const S = env.solarIrradiance_W_m2;
  const faces = p.radiatingFaces ?? 2;
  // one radiating face: it sees face 1's Earth view only
  const Fsum = faces === 2 ? 2 * F : (pair?.[0] ?? F);
  return {
    F,
    faces,
    solar: a * S * Math.sin(inc),
    albedo: a * env.albedo * S * Fsum,
    ir: e * env.earthIR_W_m2 * Fsum,
  };
}
