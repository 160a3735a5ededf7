/**
 * The physical constants the tests write their expectations with, each defined here once with its source. They are
 * typed in again rather than imported from src/base/constants.ts, so a wrong constant in the code under test fails
 * the tests instead of agreeing with them. test/ci/constants.test.ts fails when a test file defines one of them again.
 */

/** WGS-84 equatorial radius (semi-major axis) a [m] (NIMA TR8350.2, 3rd ed., 2000, table 3.1). */
export const EARTH_RADIUS_m = 6378137;

/** The WGS-84 equatorial radius in km. */
export const EARTH_RADIUS_km = EARTH_RADIUS_m / 1e3;

/** WGS-84 polar radius (semi-minor axis) b = a(1 − f) [m] (NIMA TR8350.2, 2000, table 3.1 derived). */
export const EARTH_POLAR_RADIUS_m = 6356752.314245;

/** Earth's gravitational parameter GM⊕, atmosphere included [m³/s²] (WGS-84 / EGM96; IERS Conventions 2010). */
export const EARTH_MU_m3_s2 = 3.986004418e14;

/** GM⊕ in km³/s². */
export const EARTH_MU_km3_s2 = EARTH_MU_m3_s2 / 1e9;

/** Earth's second zonal harmonic J2 (EGM-96, as in Vallado 2013, App. D). */
export const EARTH_J2 = 1.0826267e-3;

/** Earth's third zonal harmonic J3 (EGM-96, as in Vallado 2013, App. D). */
export const EARTH_J3 = -2.53265649e-6;

/** Earth's rotation rate ω⊕ [rad/s] (WGS-84, NIMA TR8350.2, 2000, table 3.1). */
export const EARTH_ROTATION_rad_s = 7.292115e-5;

/** Stefan–Boltzmann constant σ [W/(m²·K⁴)] (CODATA 2018, exact in the 2019 SI). */
export const SIGMA = 5.670374419e-8;

/** Speed of light in vacuum c [m/s] (exact in the SI). */
export const SPEED_OF_LIGHT_m_s = 299_792_458;

/** Planck constant h [J·s] (exact in the 2019 SI). */
export const PLANCK_J_s = 6.62607015e-34;

/** Standard gravity g₀ [m/s²] (exact, 3rd CGPM 1901). */
export const STANDARD_GRAVITY_m_s2 = 9.80665;

/**
 * Total solar irradiance at 1 AU [W/m²]: 1360.8 ± 0.5 (Kopp and Lean 2011, GRL 38 L01706), as the 1361 W/m² AM0
 * figure cell makers and papers rate arrays at.
 */
export const SOLAR_CONSTANT_W_m2 = 1361;
