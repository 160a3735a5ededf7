/**
 * Physical constants, SI, each with its unit in the name and its source.
 * Conversions between user units and SI live in `convert.ts`; nothing else holds conversion factors.
 */

/** Stefan–Boltzmann constant [W m⁻² K⁻⁴] — CODATA 2018. */
export const STEFAN_BOLTZMANN_W_m2K4 = 5.670374419e-8;
/** Speed of light in vacuum c [m s⁻¹] — exact by the SI definition of the metre (CGPM 1983). */
export const SPEED_OF_LIGHT_m_s = 299_792_458;
/** Earth gravitational parameter μ⊕ [m³ s⁻²] — WGS-84 (398600.4418 km³/s²). */
export const EARTH_MU_m3_s2 = 3.986004418e14;
/** Earth equatorial radius R⊕ [m] — WGS-84. */
export const EARTH_RADIUS_m = 6378137;
/** Earth second zonal harmonic J2 [-] — EGM-96 / WGS-84 (1.0826267e-3). */
export const EARTH_J2 = 1.0826267e-3;
/** Mean solar irradiance at 1 AU [W m⁻²] — Kopp & Lean, GRL 38 L01706 (2011): 1360.8 ± 0.5. */
export const SOLAR_CONSTANT_W_m2 = 1361;
/** Hot-case solar irradiance at perihelion [W m⁻²] — 1361 × (1 + 0.0334); common design value 1414 on a 1367 base. */
export const SOLAR_IRRADIANCE_PERIHELION_W_m2 = 1406;
/** Standard gravity g₀ [m s⁻²] — CGPM 1901 (defines specific impulse in seconds). */
export const STANDARD_GRAVITY_m_s2 = 9.80665;
/** Length of the tropical year [s] — 365.2422 d, the sun-synchronous nodal period. */
export const TROPICAL_YEAR_s = 365.2422 * 86400;
/** Julian year [s] — 365.25 d (dose tables and lifetimes use it). */
export const JULIAN_YEAR_s = 365.25 * 86400;
/** Hours in a Julian year [h] — 8766 h (energy cost per kW-year). */
export const HOURS_PER_YEAR_h = 8766;
/** Seconds per day [s]. */
export const DAY_s = 86400;
/** Obliquity of the ecliptic [rad] — IAU 2006, J2000: 23.439281°. */
export const OBLIQUITY_rad = (23.439281 * Math.PI) / 180;
/** Aluminium density [kg m⁻³] — 2.70 g/cm³ (areal mass 2.70 kg/m² per mm). */
export const ALUMINIUM_DENSITY_kg_m3 = 2700;
