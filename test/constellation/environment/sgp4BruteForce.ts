/**
 * Independent oracle for the SGP4-refined self-conjunction screen: every satellite of a small shell propagated with
 * satellite.js (its own OMM, written here from the Walker / LTAN pattern formulas), every pair's distance at every
 * sample of a window, and every sampled local minimum below a bound refined by golden-section search on the two SGP4
 * positions. No closed form, symmetry class or excursion bound of src/ is used.
 */
import { json2satrec, sgp4, type SatRec } from 'satellite.js';
import { EARTH_MU_m3_s2 as MU_m3_s2, EARTH_RADIUS_m as RE_m } from '../../helpers/constants.js';

const DEG = 180 / Math.PI;

/** A satellite's mean elements at the epoch: RAAN and argument of latitude [rad]. */
export interface Slot {
  readonly plane: number;
  readonly slot: number;
  readonly raan_rad: number;
  readonly u_rad: number;
}

/** satellite.js record of a circular orbit (e = 1e-7, ω = 0, M = u; BSTAR 0), two-body mean motion √(μ/a³). */
export function satrecOf(altitude_m: number, inclination_rad: number, s: Slot, epochIso: string): SatRec {
  const a = RE_m + altitude_m;
  const wrap = (x: number): number => (((x * DEG) % 360) + 360) % 360;
  return json2satrec({
    OBJECT_NAME: 'T',
    OBJECT_ID: '2026-000A',
    EPOCH: new Date(Date.parse(epochIso)).toISOString().slice(0, -1),
    MEAN_MOTION: (Math.sqrt(MU_m3_s2 / a ** 3) * 86400) / (2 * Math.PI),
    ECCENTRICITY: 1e-7,
    INCLINATION: inclination_rad * DEG,
    RA_OF_ASC_NODE: wrap(s.raan_rad),
    ARG_OF_PERICENTER: 0,
    MEAN_ANOMALY: wrap(s.u_rad),
    EPHEMERIS_TYPE: 0,
    CLASSIFICATION_TYPE: 'U',
    NORAD_CAT_ID: 99999,
    ELEMENT_SET_NO: 999,
    REV_AT_EPOCH: 0,
    BSTAR: 0,
    MEAN_MOTION_DOT: 0,
    MEAN_MOTION_DDOT: 0,
  });
}

/** TEME position [m]. */
export function sgp4Position(rec: SatRec, t_s: number): [number, number, number] {
  const pv = sgp4(rec, t_s / 60);
  if (pv === null) throw new Error('SGP4 failed');
  return [pv.position.x * 1000, pv.position.y * 1000, pv.position.z * 1000];
}

const dist = (p: readonly number[], q: readonly number[]): number =>
  Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!, p[2]! - q[2]!);

/**
 * The largest of `deviation(rec, t)` over a day sampled every `step_s`, for one satellite at each of three epoch
 * phases (RAAN, argument of latitude) = (0, 0), (1.3, 2.1), (4, 5) rad of a circular orbit.
 */
export function worstOverDay(
  altitude_m: number,
  inclination_rad: number,
  epochIso: string,
  step_s: number,
  deviation: (rec: SatRec, t_s: number) => number,
): number {
  let worst = 0;
  for (const [raan_rad, u_rad] of [
    [0, 0],
    [1.3, 2.1],
    [4, 5],
  ] as const) {
    const rec = satrecOf(altitude_m, inclination_rad, { plane: 0, slot: 0, raan_rad, u_rad }, epochIso);
    for (let t = 0; t <= 86_400; t += step_s) worst = Math.max(worst, deviation(rec, t));
  }
  return worst;
}

/** Golden-section minimum of the pair's distance on [lo, hi] to 1e-6 s. */
export function golden(a: SatRec, b: SatRec, lo: number, hi: number): { d: number; t: number } {
  const g = (Math.sqrt(5) - 1) / 2;
  const f = (t: number): number => dist(sgp4Position(a, t), sgp4Position(b, t));
  let x1 = hi - g * (hi - lo),
    x2 = lo + g * (hi - lo);
  let f1 = f(x1),
    f2 = f(x2);
  while (hi - lo > 1e-6) {
    if (f1 < f2) {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - g * (hi - lo);
      f1 = f(x1);
    } else {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + g * (hi - lo);
      f2 = f(x2);
    }
  }
  return f1 < f2 ? { d: f1, t: x1 } : { d: f2, t: x2 };
}

export interface BrutePair {
  readonly i: number;
  readonly j: number;
  readonly d_m: number;
  readonly t_s: number;
}

/**
 * Every pair's SGP4 closest approach over [start_s, start_s + window_s] where it is below `bound_m` (sampled every
 * `step_s`, each sampled local minimum below bound + the largest sampling miss refined), ascending.
 */
export function bruteForcePairs(
  recs: readonly SatRec[],
  window_s: number,
  step_s: number,
  bound_m: number,
  start_s = 0,
): BrutePair[] {
  const n = recs.length,
    m = Math.ceil(window_s / step_s) + 1;
  const pos = new Float64Array(m * n * 3);
  for (let j = 0; j < m; j++)
    for (let k = 0; k < n; k++) pos.set(sgp4Position(recs[k]!, start_s + j * step_s), 3 * (j * n + k));
  // Two satellites close at most 2 × 8 km/s: a sample lies within step/2 of any instant.
  const slack = 8000 * step_s;
  const out: BrutePair[] = [];
  const d = new Float64Array(m);
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      for (let j = 0; j < m; j++) {
        const o = 3 * j * n;
        d[j] = Math.hypot(
          pos[o + 3 * a]! - pos[o + 3 * b]!,
          pos[o + 3 * a + 1]! - pos[o + 3 * b + 1]!,
          pos[o + 3 * a + 2]! - pos[o + 3 * b + 2]!,
        );
      }
      let best: BrutePair | null = null;
      for (let j = 0; j < m; j++) {
        const left = j === 0 ? Infinity : d[j - 1]!,
          right = j === m - 1 ? Infinity : d[j + 1]!;
        if (!(d[j]! <= left && d[j]! <= right && d[j]! < bound_m + slack)) continue;
        const lo = start_s + Math.max(0, j - 1) * step_s,
          hi = start_s + Math.min(m - 1, j + 1) * step_s;
        const r = golden(recs[a]!, recs[b]!, lo, hi);
        if (best === null || r.d < best.d_m) best = { i: a, j: b, d_m: r.d, t_s: r.t };
      }
      if (best !== null && best.d_m < bound_m) out.push(best);
    }
  }
  return out.sort((x, y) => x.d_m - y.d_m);
}

/** Period of SGP4's mean argument of latitude [s] (from the record's secular rates). */
export const sgp4Period_s = (rec: SatRec): number => (2 * Math.PI * 60) / (rec.mdot + rec.argpdot);
