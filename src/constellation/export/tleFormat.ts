/**
 * NORAD two-line element set (TLE) fields and lines, fixed columns.
 *
 * Column layout of CelesTrak "NORAD Two-Line Element Set Format" (T.S. Kelso, celestrak.org/NORAD/
 * documentation/tle-fmt.php) and Vallado, Crawford, Hujsak & Kelso, "Revisiting Spacetrack Report #3",
 * AIAA 2006-6753, appendix. n̈/6 and BSTAR as ±MMMMM±E = ±0.MMMMM × 10^±E; checksum modulo 10 (digits their value,
 * '-' 1); catalog numbers ≥ 100,000 in the Alpha-5 scheme of 18 SPCS (A0000 = 100,000 … Z9999 = 339,999); epoch
 * year 57–99 → 1957–1999, 00–56 → 2000–2056 (the SGP4 convention).
 * Derivation, evidence and costs: docs/constellations.md §"TLE format".
 */

/** Largest catalog number a TLE can hold (Alpha-5 'Z9999'). */
export const TLE_MAX_CATALOG_NUMBER = 339_999;

const ALPHA5_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ'; // A=10 … Z=33, no I or O

/** Five-character catalog field: digits below 100,000, Alpha-5 above (throws beyond 339,999). */
export function alpha5(catalogNumber: number): string {
  if (!(Number.isInteger(catalogNumber) && catalogNumber >= 0 && catalogNumber <= TLE_MAX_CATALOG_NUMBER)) {
    throw new RangeError(`TLE catalog numbers run 0…${TLE_MAX_CATALOG_NUMBER} (Alpha-5), got ${catalogNumber}`);
  }
  if (catalogNumber < 100_000) return String(catalogNumber).padStart(5, '0');
  return ALPHA5_LETTERS[Math.floor(catalogNumber / 10_000) - 10]! + String(catalogNumber % 10_000).padStart(4, '0');
}

/** Modulo-10 checksum of the first 68 characters of a TLE line. */
export function tleChecksum(line: string): number {
  let sum = 0;
  for (const ch of line.slice(0, 68)) {
    if (ch >= '0' && ch <= '9') sum += ch.charCodeAt(0) - 48;
    else if (ch === '-') sum += 1;
  }
  return sum % 10;
}

/** ±MMMMM±E field (8 characters) of x = ±0.MMMMM × 10^±E; zero is ' 00000-0'. */
export function tleExponentField(x: number): string {
  if (x === 0) return ' 00000-0';
  let e = Math.floor(Math.log10(Math.abs(x))) + 1;
  let m = Math.round((Math.abs(x) / 10 ** e) * 1e5);
  if (m >= 100_000) {
    m = 10_000;
    e += 1;
  }
  if (m < 10_000) {
    m = Math.round((Math.abs(x) / 10 ** (e - 1)) * 1e5);
    e -= 1;
  }
  if (e < -9 || e > 9) throw new RangeError(`${x} does not fit a TLE exponent field`);
  return `${x < 0 ? '-' : ' '}${String(m).padStart(5, '0')}${e < 0 ? '-' : '+'}${Math.abs(e)}`;
}

/** Epoch field YYDDD.DDDDDDDD (14 characters) of a UTC instant [ms since 1970]. */
export function tleEpochField(epoch_ms: number): string {
  let year = new Date(epoch_ms).getUTCFullYear();
  let ticks = Math.round(((epoch_ms - Date.UTC(year, 0, 1)) / 86_400_000) * 1e8); // 1e-8 day since Jan 1 0h
  if (ticks >= ((Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000) * 1e8) {
    year += 1;
    ticks = 0;
  } // rounded into the next year
  if (year < 1957 || year > 2056) throw new RangeError(`TLE epochs cover 1957–2056, got ${year}`);
  const day = Math.floor(ticks / 1e8) + 1;
  return `${String(year % 100).padStart(2, '0')}${String(day).padStart(3, '0')}.${String(ticks % 1e8).padStart(8, '0')}`;
}

/** One element set in TLE units (degrees, rev/day), as the two lines carry it. */
export interface TleElementSet {
  readonly catalogNumber: number;
  readonly classification: 'U' | 'C' | 'S';
  /** International designator, YYNNNPPP without the dash (≤ 8 characters, e.g. '98067A'). */
  readonly internationalDesignator: string;
  readonly epoch_ms: number;
  /** First derivative of mean motion ÷ 2 [rev/day²] (|x| < 1). */
  readonly meanMotionDot_rev_per_day2: number;
  /** Second derivative of mean motion ÷ 6 [rev/day³]. */
  readonly meanMotionDdot_rev_per_day3: number;
  /** B* drag term [1/Earth radii]. */
  readonly bstar_per_earth_radius: number;
  readonly elementSetNumber: number;
  readonly inclination_deg: number;
  readonly raan_deg: number;
  readonly eccentricity: number;
  readonly argOfPerigee_deg: number;
  readonly meanAnomaly_deg: number;
  readonly meanMotion_rev_per_day: number;
  readonly revolutionNumber: number;
}

/** Angle in [0, 360) as ddd.dddd (8 characters); a value that rounds to 360 is written as 0. */
function angleField(deg: number, max = 360): string {
  const wrapped = max === 360 ? ((deg % 360) + 360) % 360 : deg;
  const s = wrapped.toFixed(4);
  return (s === '360.0000' ? '0.0000' : s).padStart(8, ' ');
}

function intField(n: number, width: number, what: string): string {
  if (!(Number.isInteger(n) && n >= 0 && n < 10 ** width))
    throw new RangeError(`TLE ${what} must be a whole number 0…${10 ** width - 1}, got ${n}`);
  return String(n).padStart(width, ' ');
}

/** Line 1 and line 2 (69 characters each, checksums included). */
export function tleLines(t: Readonly<TleElementSet>): [string, string] {
  const cat = alpha5(t.catalogNumber);
  if (t.internationalDesignator.length > 8)
    throw new RangeError(`international designator '${t.internationalDesignator}' is longer than 8 characters`);
  if (!(Math.abs(t.meanMotionDot_rev_per_day2) < 1))
    throw new RangeError(`TLE ṅ/2 must be below 1 rev/day², got ${t.meanMotionDot_rev_per_day2}`);
  if (!(t.eccentricity >= 0 && t.eccentricity < 1))
    throw new RangeError(`TLE eccentricity must be in [0, 1), got ${t.eccentricity}`);
  if (!(t.inclination_deg >= 0 && t.inclination_deg <= 180))
    throw new RangeError(`TLE inclination must be in [0°, 180°], got ${t.inclination_deg}`);
  if (!(t.meanMotion_rev_per_day > 0 && t.meanMotion_rev_per_day < 100))
    throw new RangeError(`TLE mean motion must be in (0, 100) rev/day, got ${t.meanMotion_rev_per_day}`);
  const ndot = `${t.meanMotionDot_rev_per_day2 < 0 ? '-' : ' '}.${String(Math.round(Math.abs(t.meanMotionDot_rev_per_day2) * 1e8)).padStart(8, '0')}`;
  const ecc = String(Math.min(9_999_999, Math.round(t.eccentricity * 1e7))).padStart(7, '0');
  const body1 =
    `1 ${cat}${t.classification} ${t.internationalDesignator.padEnd(8, ' ')} ${tleEpochField(t.epoch_ms)} ${ndot} ` +
    `${tleExponentField(t.meanMotionDdot_rev_per_day3)} ${tleExponentField(t.bstar_per_earth_radius)} 0 ${intField(t.elementSetNumber, 4, 'element set number')}`;
  const body2 =
    `2 ${cat} ${angleField(t.inclination_deg, 180)} ${angleField(t.raan_deg)} ${ecc} ` +
    `${angleField(t.argOfPerigee_deg)} ${angleField(t.meanAnomaly_deg)} ${t.meanMotion_rev_per_day.toFixed(8).padStart(11, ' ')}` +
    intField(t.revolutionNumber, 5, 'revolution number');
  return [body1 + tleChecksum(body1), body2 + tleChecksum(body2)];
}
