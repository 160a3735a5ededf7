/**
 * The 'worst' solar-cycle disposal decay (decaySolarCycle.ts: the longest of 12 start phases through the CIRA-2012
 * template, to 200 km, 200-yr cap) tabulated over start altitude and ballistic coefficient, so a node evaluation
 * reads it instead of integrating 12 phases (≈ 2 bins per simulated year each).
 *
 * Coordinates: h (start altitude) and u = ln(T_high / 1 yr), T_high = B·[S_high(h) − S_high(200 km)] the decay time
 * at constant high activity (atmosphere.ts: closed form, and the integration already computes it). At fixed h, u is
 * ln B plus a constant, so one row covers every B.
 *
 * Method (inverse table): T_worst rises with B at fixed h (each phase's decay does, and the max of rising functions
 * does), but it is only piecewise smooth: its slope jumps where the decay's end crosses a month of the template (the
 * monthly F10.7 steps) and where another phase becomes the worst, and it rises steeply (d ln T/d u up to ≈ 7) where a
 * decay's end moves from one solar minimum to the next. Interpolating T in u smears those steep parts; interpolating
 * the inverse does not, since its slope d u/d ln T lies in (0, 1]. So the table stores, for rows h_i (20 km apart, on
 * the density nodes) and columns L_k = ln(T_k / 1 yr) (equally spaced), the u*_{ik} at which T_worst(h_i, u*) = T_k
 * (found by bisection on the integration). A look-up blends the two rows bracketing h linearly, finds the column
 * pair whose blended u* bracket the design's u (binary search) and interpolates ln T linearly between them: the exact
 * inverse of the piecewise-linear interpolant, monotone in B like the integration.
 *
 * Error against the integration (the oracle kept in decaySolarCycle.ts): stated as DECAY_TABLE_MAX_RELATIVE_ERROR,
 * checked in test/models/drag/decaySolarCycleTable.test.ts on a dense sample of the flagship study's box (400–1,500 km
 * and its range of B) and of the whole table; it comes from the piecewise-linear interpolation between the kinks
 * above (it shrinks in proportion to the column step), the 16-bit storage of u* adds < 0.1 %.
 *
 * Domain: 220–1,500 km and 0.05 yr ≤ T_worst ≤ 199 yr (below the 200-yr cap) with the default cycle, end altitude
 * and cap; everything else is integrated (short decays are cheap to integrate; above 1,500 km decays at any
 * realistic B outlast the cap, which has its own closed-form path).
 *
 * Data: generated once by `npm run gen:decay-table` (test/generate/decay-table.ts, ≈ 1 min on one core) into
 * decaySolarCycleTable.b64 (base64 of the 16-bit u*, beside this module, read on first use like the dose table); the
 * test rebuilds rows with `worstDecayTableRow` and compares them with the shipped data. Shipped rather than built at
 * start-up because the build integrates ≈ 900,000 decays: seconds in every process and worker thread, against a
 * 0.1 MB file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JULIAN_YEAR_s } from '../../base/constants.js';
import { km_to_m } from '../../base/convert.js';
import { packageRoot } from '../../base/paths.js';

/** Lowest and highest start altitude of the table [m], and its row spacing (the CIRA-2012 20 km density nodes). */
export const DECAY_TABLE_MIN_ALTITUDE_m = km_to_m(220);
export const DECAY_TABLE_MAX_ALTITUDE_m = km_to_m(1500);
export const DECAY_TABLE_ROW_STEP_m = km_to_m(20);
/** Columns: ln(T_worst / 1 yr) from ln 0.05 in steps of 1/64 while below ln 199. */
export const DECAY_TABLE_MIN_LN_T = Math.log(0.05);
export const DECAY_TABLE_LN_T_STEP = 1 / 64;
export const DECAY_TABLE_ROWS =
  Math.round((DECAY_TABLE_MAX_ALTITUDE_m - DECAY_TABLE_MIN_ALTITUDE_m) / DECAY_TABLE_ROW_STEP_m) + 1;
export const DECAY_TABLE_COLUMNS = Math.floor((Math.log(199) - DECAY_TABLE_MIN_LN_T) / DECAY_TABLE_LN_T_STEP) + 1;
/** Storage of u*: round((u* + U_OFFSET) · U_SCALE) in 16 bits (u* ∈ [−8, 8)). */
export const DECAY_TABLE_U_OFFSET = 8;
export const DECAY_TABLE_U_SCALE = 4096;
/** Largest |T_table / T_integrated − 1| over the table's domain (see the header and the test). */
export const DECAY_TABLE_MAX_RELATIVE_ERROR = 0.01;

/** T_worst [yr] of the integration at start altitude h [m] and u = ln(T_high / 1 yr). */
export type WorstDecayOracle = (altitude_m: number, u: number) => number;

/**
 * One row of the table: u* for every column at altitude h, by bisection on `worst` (rising in u). The bracket comes
 * from a march in u from well below the first column (T_worst ≤ e^{4.6}·T_high at any altitude of the table:
 * the ratio of CIRA-2012 low to high densities stays below 100 there).
 */
export function worstDecayTableRow(altitude_m: number, worst: WorstDecayOracle): Float64Array {
  const row = new Float64Array(DECAY_TABLE_COLUMNS);
  const march = 0.02;
  let lo = DECAY_TABLE_MIN_LN_T - 4.6;
  let tLo = worst(altitude_m, lo);
  if (!(tLo < Math.exp(DECAY_TABLE_MIN_LN_T)))
    throw new RangeError(`decay table: the march starts above the first column at ${altitude_m} m`);
  for (let k = 0; k < DECAY_TABLE_COLUMNS; k++) {
    const T = Math.exp(DECAY_TABLE_MIN_LN_T + k * DECAY_TABLE_LN_T_STEP);
    let hi = lo;
    let tHi = tLo;
    while (tHi < T) [lo, tLo, hi, tHi] = [hi, tHi, hi + march, worst(altitude_m, hi + march)];
    let [a, b] = [lo, hi];
    for (let it = 0; it < 24; it++) {
      const m = 0.5 * (a + b);
      if (worst(altitude_m, m) >= T) b = m;
      else a = m;
    }
    row[k] = 0.5 * (a + b);
  }
  return row;
}

/** The table as stored: u* of every row and column, 16 bits each, little-endian, row-major. */
export function encodeDecayTable(rows: readonly Float64Array[]): string {
  const q = new Uint16Array(DECAY_TABLE_ROWS * DECAY_TABLE_COLUMNS);
  rows.forEach((r, i) =>
    r.forEach((u, k) => {
      q[i * DECAY_TABLE_COLUMNS + k] = Math.min(
        65535,
        Math.max(0, Math.round((u + DECAY_TABLE_U_OFFSET) * DECAY_TABLE_U_SCALE)),
      );
    }),
  );
  return Buffer.from(q.buffer).toString('base64');
}

/** The shipped table's base64 text (line breaks included); it ships beside this module in the sources. */
export const DECAY_TABLE_FILENAME = 'decaySolarCycleTable.b64';
export const shippedDecayTableText = (): string =>
  readFileSync(join(packageRoot(), 'src', 'models', 'drag', DECAY_TABLE_FILENAME), 'utf8');

export function decodeDecayTable(base64: string): Float64Array {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length !== 2 * DECAY_TABLE_ROWS * DECAY_TABLE_COLUMNS)
    throw new Error('decay table: stored data does not match the table grid (regenerate it)');
  // A DataView reads the little-endian words on any host, without Buffer.readUInt16LE's checks per word (this runs
  // once per process, before the JIT has compiled anything: the per-word call was most of its cost).
  const words = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const u = new Float64Array(DECAY_TABLE_ROWS * DECAY_TABLE_COLUMNS);
  for (let i = 0; i < u.length; i++) u[i] = words.getUint16(2 * i, true) / DECAY_TABLE_U_SCALE - DECAY_TABLE_U_OFFSET;
  return u;
}

/**
 * T_worst [yr] from the table, or NaN outside its domain (the caller then integrates).
 * @param u_star decoded table (decodeDecayTable)
 * @param altitude_m start altitude [m]
 * @param highDecay_s decay time at constant high activity [s] (u = ln of it in years)
 */
export function worstDecayFromTable(u_star: Float64Array, altitude_m: number, highDecay_s: number): number {
  const x = (altitude_m - DECAY_TABLE_MIN_ALTITUDE_m) / DECAY_TABLE_ROW_STEP_m;
  if (!(x >= 0 && x <= DECAY_TABLE_ROWS - 1)) return NaN;
  const i = Math.min(DECAY_TABLE_ROWS - 2, Math.floor(x));
  const a = x - i;
  const o0 = i * DECAY_TABLE_COLUMNS;
  const o1 = o0 + DECAY_TABLE_COLUMNS;
  const U = (k: number) => (1 - a) * u_star[o0 + k]! + a * u_star[o1 + k]!;
  const u = Math.log(highDecay_s / JULIAN_YEAR_s);
  let lo = 0;
  let hi = DECAY_TABLE_COLUMNS - 1;
  const uLo = U(lo);
  const uHi = U(hi);
  if (!(u >= uLo && u <= uHi)) return NaN;
  // U rises with k: find U(lo) ≤ u ≤ U(lo + 1)
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (U(mid) <= u) lo = mid;
    else hi = mid;
  }
  const u0 = U(lo);
  const du = U(lo + 1) - u0;
  const w = du > 0 ? (u - u0) / du : 0;
  return Math.exp(DECAY_TABLE_MIN_LN_T + (lo + w) * DECAY_TABLE_LN_T_STEP);
}
