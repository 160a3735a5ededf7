/**
 * CIRA-2012 mean thermospheric density vs altitude, and the decay integral built on it.
 *
 * Method: table look-up with log-linear interpolation (local scale height H_i = Δh / ln(ρ_i/ρ_{i+1})).
 * Decay integral: da/dt = −ρ(h)·√(μ a)/B, B = m/(C_D·A); t = B·[S(h0) − S(h1)], S(h) = ∫ dh / (ρ(h)·√(μ (R⊕+h))),
 * analytic per 20 km segment and accumulated once at module load (a call is O(1)).
 * Source: CIRA-2012 mean total density, 20 km grid 100–900 km, low / moderate / high long-term activity, from
 * `cira-2012.dat` of github norabolig/SDCRE-NS (A. Boley); docs/sources.md §6.
 * Validity: 100–2,000 km; above 900 km an exponential tail (an APPROXIMATION that under-estimates density).
 * Assumptions: fixed solar activity (decaySolarCycle.ts integrates through a cycle); circular orbit; no atmospheric
 * rotation, no lift.
 * Derivation, evidence and costs: docs/models.md §"Atmosphere density and decay integral".
 */
import { EARTH_MU_m3_s2, EARTH_RADIUS_m } from '../../base/constants.js';
import { km_to_m } from '../../base/convert.js';

export type SolarActivity = 'low' | 'moderate' | 'high';
export const SOLAR_ACTIVITIES: readonly SolarActivity[] = ['low', 'moderate', 'high'];

/** Lowest altitude of the model [m]. */
export const ATMOSPHERE_MIN_ALTITUDE_m = km_to_m(100);
/** Highest altitude of the CIRA-2012 table [m]; above it the exponential tail applies. */
export const ATMOSPHERE_TABLE_TOP_m = km_to_m(900);
/** Highest altitude of the model (top of LEO) [m]. */
export const ATMOSPHERE_MAX_ALTITUDE_m = km_to_m(2000);
/** Spacing of the density grid [m] (20 km). */
export const ATMOSPHERE_GRID_STEP_m = km_to_m(20);
const STEP_m = ATMOSPHERE_GRID_STEP_m;

/** CIRA-2012 mean density [kg/m³] on the 20 km grid 100, 120, …, 900 km (41 rows). */
export const CIRA2012_DENSITY_kg_m3: Readonly<Record<SolarActivity, readonly number[]>> = {
  low: [
    5.31e-7, 2.18e-8, 3.12e-9, 9.17e-10, 3.45e-10, 1.47e-10, 6.96e-11, 3.54e-11, 1.88e-11, 1.03e-11, 5.86e-12, 3.4e-12,
    2.02e-12, 1.22e-12, 7.46e-13, 4.63e-13, 2.92e-13, 1.87e-13, 1.21e-13, 8.04e-14, 5.44e-14, 3.77e-14, 2.68e-14,
    1.96e-14, 1.47e-14, 1.14e-14, 9.1e-15, 7.41e-15, 6.16e-15, 5.22e-15, 4.5e-15, 3.93e-15, 3.48e-15, 3.1e-15, 2.79e-15,
    2.53e-15, 2.3e-15, 2.11e-15, 1.94e-15, 1.78e-15, 1.65e-15,
  ],
  moderate: [
    5.47e-7, 2.4e-8, 3.98e-9, 1.36e-9, 6.15e-10, 3.17e-10, 1.77e-10, 1.05e-10, 6.47e-11, 4.12e-11, 2.69e-11, 1.8e-11,
    1.23e-11, 8.48e-12, 5.95e-12, 4.22e-12, 3.02e-12, 2.18e-12, 1.59e-12, 1.17e-12, 8.6e-13, 6.39e-13, 4.77e-13,
    3.58e-13, 2.71e-13, 2.06e-13, 1.57e-13, 1.2e-13, 9.28e-14, 7.19e-14, 5.6e-14, 4.4e-14, 3.48e-14, 2.79e-14, 2.26e-14,
    1.85e-14, 1.53e-14, 1.28e-14, 1.08e-14, 9.27e-15, 8.01e-15,
  ],
  high: [
    5.44e-7, 2.45e-8, 4.32e-9, 1.54e-9, 7.4e-10, 4.1e-10, 2.46e-10, 1.56e-10, 1.04e-10, 7.12e-11, 5.0e-11, 3.59e-11,
    2.61e-11, 1.93e-11, 1.44e-11, 1.09e-11, 8.32e-12, 6.4e-12, 4.96e-12, 3.87e-12, 3.04e-12, 2.4e-12, 1.91e-12,
    1.52e-12, 1.22e-12, 9.82e-13, 7.93e-13, 6.43e-13, 5.22e-13, 4.25e-13, 3.47e-13, 2.84e-13, 2.34e-13, 1.92e-13,
    1.59e-13, 1.32e-13, 1.1e-13, 9.21e-14, 7.72e-14, 6.5e-14, 5.49e-14,
  ],
};

interface Grid {
  /** ln ρ at each node of the extended grid 100…2000 km. */
  readonly lnRho: Float64Array;
  /** 1/H of the segment starting at node i [1/m]. */
  readonly invH: Float64Array;
  /** S(h_i) = ∫_{100 km}^{h_i} dh/(ρ √(μ a)) [s·m²/kg]. */
  readonly cumS: Float64Array;
}

const NODES = Math.round((ATMOSPHERE_MAX_ALTITUDE_m - ATMOSPHERE_MIN_ALTITUDE_m) / STEP_m) + 1; // 96

/** Integral of dh/(ρ √(μ a)) from h_i over x metres of segment i (ρ exponential in the segment). */
function segmentIntegral(lnRho_i: number, invH_i: number, h_i: number, x: number): number {
  const rootMuA = Math.sqrt(EARTH_MU_m3_s2 * (EARTH_RADIUS_m + h_i + 0.5 * x));
  const k = x * invH_i;
  // H·(e^{x/H} − 1) written as x·expm1(k)/k, which stays exact when H is very large (k → 0).
  const lengthFactor_m = k < 1e-12 ? x : (x * Math.expm1(k)) / k;
  return (lengthFactor_m * Math.exp(-lnRho_i)) / rootMuA;
}

function buildGrid(table: readonly number[]): Grid {
  const lnRho = new Float64Array(NODES);
  table.forEach((rho, i) => (lnRho[i] = Math.log(rho)));
  const last = table.length - 1;
  const tailInvH = (lnRho[last - 1]! - lnRho[last]!) / STEP_m;
  for (let i = table.length; i < NODES; i++) lnRho[i] = lnRho[last]! - (i - last) * STEP_m * tailInvH;
  const invH = new Float64Array(NODES);
  for (let i = 0; i < NODES - 1; i++) invH[i] = (lnRho[i]! - lnRho[i + 1]!) / STEP_m;
  invH[NODES - 1] = invH[NODES - 2]!;
  const cumS = new Float64Array(NODES);
  for (let i = 1; i < NODES; i++) {
    const h = ATMOSPHERE_MIN_ALTITUDE_m + (i - 1) * STEP_m;
    cumS[i] = cumS[i - 1]! + segmentIntegral(lnRho[i - 1]!, invH[i - 1]!, h, STEP_m);
  }
  return { lnRho, invH, cumS };
}

const GRIDS: Readonly<Record<SolarActivity, Grid>> = {
  low: buildGrid(CIRA2012_DENSITY_kg_m3.low),
  moderate: buildGrid(CIRA2012_DENSITY_kg_m3.moderate),
  high: buildGrid(CIRA2012_DENSITY_kg_m3.high),
};

/** ln ρ [ln(kg/m³)] at the grid nodes 100, 120, …, 2,000 km (96 nodes; above 900 km the exponential tail); a copy. */
export function cira2012LnDensityGrid(activity: SolarActivity): number[] {
  return Array.from(gridFor(activity).lnRho);
}

function gridFor(activity: SolarActivity): Grid {
  const g = GRIDS[activity];
  if (g === undefined)
    throw new RangeError(`solar activity '${String(activity)}' is not one of ${SOLAR_ACTIVITIES.join(', ')}`);
  return g;
}

function segmentIndex(altitude_m: number): number {
  if (!(altitude_m >= ATMOSPHERE_MIN_ALTITUDE_m && altitude_m <= ATMOSPHERE_MAX_ALTITUDE_m)) {
    throw new RangeError(`altitude ${altitude_m / 1000} km is outside the atmosphere model range 100–2000 km`);
  }
  const i = Math.floor((altitude_m - ATMOSPHERE_MIN_ALTITUDE_m) / STEP_m);
  return i > NODES - 2 ? NODES - 2 : i;
}

export interface DensityParams {
  /** Geodetic altitude [m], 100–2,000 km. */
  readonly altitude_m: number;
  /** Long-term solar activity level of the CIRA-2012 table. */
  readonly solarActivity: SolarActivity;
}

export interface DensityResult {
  readonly density_kg_m3: number;
  /** Local density scale height of the interval containing the altitude [m]. */
  readonly scaleHeight_m: number;
  /** False above 900 km, where the exponential tail (an approximation) is used. */
  readonly fromTable: boolean;
}

/** CIRA-2012 mean density, log-linear between the 20 km grid points. */
export function cira2012Density(p: Readonly<DensityParams>): DensityResult {
  const g = gridFor(p.solarActivity);
  const i = segmentIndex(p.altitude_m);
  const x = p.altitude_m - (ATMOSPHERE_MIN_ALTITUDE_m + i * STEP_m);
  const invH = g.invH[i]!;
  return {
    density_kg_m3: Math.exp(g.lnRho[i]! - x * invH),
    scaleHeight_m: 1 / invH,
    fromTable: p.altitude_m <= ATMOSPHERE_TABLE_TOP_m,
  };
}

/**
 * S(h) = ∫_{100 km}^{h} dh'/(ρ(h')·√(μ (R⊕+h'))) [s·m²/kg]; decay time from h0 to h1 is B·(S(h0) − S(h1)).
 * Throws RangeError outside 100–2,000 km.
 */
export function decayIntegral_s_m2_per_kg(altitude_m: number, solarActivity: SolarActivity): number {
  const g = gridFor(solarActivity);
  const i = segmentIndex(altitude_m);
  const h_i = ATMOSPHERE_MIN_ALTITUDE_m + i * STEP_m;
  return g.cumS[i]! + segmentIntegral(g.lnRho[i]!, g.invH[i]!, h_i, altitude_m - h_i);
}

/**
 * Vallado exponential atmosphere (Vallado 2013, "Fundamentals of Astrodynamics and Applications",
 * 4th ed., Table 8-4; USSA-76 below 25 km, CIRA-72 above; copied from JuliaSpace
 * SatelliteToolboxAtmosphericModels.jl `src/exponential/constants.jl`): ρ = ρ₀·exp(−(h − h₀)/H) with
 * the band whose base h₀ is the highest ≤ h; the 1,000 km band continues upward. Static, no solar
 * activity: a cross-check of the CIRA-2012 table (docs/sources.md §11 case 11), not used for sizing.
 * Validity here: 0–2,000 km.
 */
const VALLADO_BASE_km = [
  0, 25, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150, 180, 200, 250, 300, 350, 400, 450, 500, 600, 700,
  800, 900, 1000,
];
const VALLADO_RHO0_kg_m3 = [
  1.225, 3.899e-2, 1.774e-2, 3.972e-3, 1.057e-3, 3.206e-4, 8.77e-5, 1.905e-5, 3.396e-6, 5.297e-7, 9.661e-8, 2.438e-8,
  8.484e-9, 3.845e-9, 2.07e-9, 5.464e-10, 2.789e-10, 7.248e-11, 2.418e-11, 9.518e-12, 3.725e-12, 1.585e-12, 6.967e-13,
  1.454e-13, 3.614e-14, 1.17e-14, 5.245e-15, 3.019e-15,
];
const VALLADO_H_km = [
  7.249, 6.349, 6.682, 7.554, 8.382, 7.714, 6.549, 5.799, 5.382, 5.877, 7.263, 9.473, 12.636, 16.149, 22.523, 29.74,
  37.105, 45.546, 53.628, 53.298, 58.515, 60.828, 63.822, 71.835, 88.667, 124.64, 181.05, 268.0,
];

export interface ValladoDensityParams {
  /** Altitude [m], 0–2,000 km. */
  readonly altitude_m: number;
}

/** Vallado (2013) exponential-model density; see the note above. */
export function valladoExponentialDensity(p: Readonly<ValladoDensityParams>): DensityResult {
  if (!(p.altitude_m >= 0 && p.altitude_m <= ATMOSPHERE_MAX_ALTITUDE_m)) {
    throw new RangeError(`altitude ${p.altitude_m / 1000} km is outside the exponential model range 0–2000 km`);
  }
  const h_km = p.altitude_m / 1000;
  let i = VALLADO_BASE_km.length - 1;
  while (VALLADO_BASE_km[i]! > h_km) i--;
  const H_km = VALLADO_H_km[i]!;
  return {
    density_kg_m3: VALLADO_RHO0_kg_m3[i]! * Math.exp(-(h_km - VALLADO_BASE_km[i]!) / H_km),
    scaleHeight_m: km_to_m(H_km),
    fromTable: p.altitude_m <= km_to_m(1000),
  };
}
