/**
 * Fixed Sun tables for `orbit.ts`, computed ONCE at module load and never mutated (no clock: a fixed
 * reference year).
 *
 * Method: low-precision analytic Sun of the Astronomical Almanac as given by Vallado, Fundamentals of
 * Astrodynamics and Applications, 4th ed. (2013), Algorithm 29 (SUN): ~0.01°, valid 1950–2050 — the same
 * formula as satellite.js `sunPos`. Evaluated at 73 midpoints (every 5.0 d) of the year starting
 * 2026-01-01 00:00 UT. The annual statistics change by < 0.1 % from one year to another.
 *
 * Also: the grids used for non-sun-synchronous orbits (the node drifts relative to the Sun, so every
 * Sun–node angle is equally likely): 12 ecliptic-longitude midpoints over a quarter year (δ☉ only; circular
 * Earth orbit assumed for the time weighting, < 1 % effect) × 24 relative-node midpoints over a half circle.
 */
import { DAY_s, OBLIQUITY_rad, TROPICAL_YEAR_s } from '../../base/constants.js';
import { RAD_PER_DEG } from '../../base/convert.js';

/** Start of the reference year, 2026-01-01 00:00 UT, as a Julian date. */
const REFERENCE_YEAR_START_JD = 2461041.5;
export const SUN_GRID_POINTS = 73;
const sunSinDec_: number[] = [];
const sunCosDec_: number[] = [];
/** sin and cos of (α_mean − α_true): the equation-of-time offset between the mean and the true Sun. */
const sunSinEot_: number[] = [];
const sunCosEot_: number[] = [];
for (let k = 0; k < SUN_GRID_POINTS; k++) {
  const jd = REFERENCE_YEAR_START_JD + ((k + 0.5) * TROPICAL_YEAR_s) / DAY_s / SUN_GRID_POINTS;
  const t = (jd - 2451545.0) / 36525; // Julian centuries (UT1 ≈ TDB at this precision)
  const meanLong = (280.46 + 36000.771 * t) * RAD_PER_DEG;
  const meanAnom = (357.5291092 + 35999.05034 * t) * RAD_PER_DEG;
  const eclLong = meanLong + (1.914666471 * Math.sin(meanAnom) + 0.019994643 * Math.sin(2 * meanAnom)) * RAD_PER_DEG;
  const obliq = (23.439291 - 0.0130042 * t) * RAD_PER_DEG;
  const ra = Math.atan2(Math.cos(obliq) * Math.sin(eclLong), Math.cos(eclLong));
  const dec = Math.asin(Math.sin(obliq) * Math.sin(eclLong));
  const eot = meanLong - ra;
  sunSinDec_.push(Math.sin(dec));
  sunCosDec_.push(Math.cos(dec));
  sunSinEot_.push(Math.sin(eot));
  sunCosEot_.push(Math.cos(eot));
}
/** Non-SSO grid: sin δ☉ over a quarter year of ecliptic longitude, sin(Ω − α☉) over a half circle. */
export const LAMBDA_POINTS = 12;
export const NODE_POINTS = 24;
const gridSinDec_: number[] = [];
const gridCosDec_: number[] = [];
for (let k = 0; k < LAMBDA_POINTS; k++) {
  const s = Math.sin(OBLIQUITY_rad) * Math.sin(((k + 0.5) * Math.PI) / 2 / LAMBDA_POINTS);
  gridSinDec_.push(s);
  gridCosDec_.push(Math.sqrt(1 - s * s));
}
const gridSinNode_: number[] = [];
for (let k = 0; k < NODE_POINTS; k++) gridSinNode_.push(Math.sin(-Math.PI / 2 + ((k + 0.5) * Math.PI) / NODE_POINTS));

export const sunSinDec: readonly number[] = sunSinDec_;
export const sunCosDec: readonly number[] = sunCosDec_;
export const sunSinEot: readonly number[] = sunSinEot_;
export const sunCosEot: readonly number[] = sunCosEot_;
export const gridSinDec: readonly number[] = gridSinDec_;
export const gridCosDec: readonly number[] = gridCosDec_;
export const gridSinNode: readonly number[] = gridSinNode_;
