/**
 * Propagation of constellation planes with satellite.js (SGP4) over the sampling window.
 *
 * Each plane's representative orbit is a CCSDS OMM record (CCSDS 502.0-B-3) with e ≈ 0, BSTAR = 0 and n = √(μ/a³),
 * propagated by satellite.js `sgp4` (Vallado, Crawford, Hujsak & Kelso, "Revisiting Spacetrack Report #3", AIAA
 * 2006-6753); SGP4's J2/J3 radius profile is kept, not corrected. The other slots are the representative rotated about
 * the orbit normal by their phase offset Δu: r_k = |r|(cos Δu r̂ + sin Δu (ĥ × r̂)), exact for two-body + secular J2
 * (neighbour link ranges err by < 0.2 % against SGP4 slot by slot). TEME → Earth-fixed by GMST (IAU-82).
 * Validity: circular LEO 300–2000 km, windows up to a few days (BSTAR = 0: no drag decay).
 * Derivation, evidence and costs: docs/constellations.md §"Plane propagation".
 */
import type { OMMJsonObject, SatRec } from 'satellite.js';
import { hypot3 } from '../../base/hypot.js';
import { satelliteJs } from '../../base/satelliteJs.js';
import { DAY_s, EARTH_MU_m3_s2, EARTH_RADIUS_m } from '../../base/constants.js';
import { M_PER_KM, rad_to_deg, S_PER_MIN } from '../../base/convert.js';
import { julianDate, utcMs } from './pattern.js';
import { circularSgp4, sgp4State, type CircularSgp4 } from './sgp4Circular.js';
import { Memo } from '../memo.js';

import type { CircularElements, SamplingWindow } from '../design/types.js';

const TWO_PI = 2 * Math.PI;

/** Mean motion of a circular orbit [rev/day] (two-body, WGS-84 μ). */
export function meanMotion_rev_per_day(altitude_m: number): number {
  const a = EARTH_RADIUS_m + altitude_m;
  return (Math.sqrt(EARTH_MU_m3_s2 / (a * a * a)) * DAY_s) / TWO_PI;
}

export interface OmmIdentity {
  readonly name: string;
  /** International designator (COSPAR), e.g. '2026-000A'. */
  readonly objectId: string;
  readonly noradId: number;
}

/** Eccentricity written for a circular orbit (SGP4 needs e > 0 to define its mean elements). */
export const CIRCULAR_ECCENTRICITY = 1e-7;
/**
 * SGP4 raises a mean eccentricity below 1e-6 to 1e-6 while propagating (`if (em < 1.0e-6) em = 1.0e-6`,
 * Vallado et al. 2006 sgp4), so a circular orbit written with CIRCULAR_ECCENTRICITY flies with e = 1e-6,
 * ω = 0: up to 7 m radial and 14 m along-track from the circle at 650 km.
 */
export const SGP4_MIN_ECCENTRICITY = 1e-6;

/** Argument of perigee [rad] of elements (0 for a circular orbit). */
export function argumentOfPerigee_rad(e: Readonly<CircularElements>): number {
  return e.eccentricity === undefined ? 0 : (e.argumentOfPerigee_rad ?? 0);
}

/** Mean anomaly [rad] = mean argument of latitude − argument of perigee, in [0, 2π). */
export function meanAnomaly_rad(e: Readonly<CircularElements>): number {
  const m = e.argumentOfLatitude_rad - argumentOfPerigee_rad(e);
  return ((m % TWO_PI) + TWO_PI) % TWO_PI;
}

/** The CCSDS OMM record (CelesTrak JSON names) of a circular orbit (or a cluster member's near-circular one). */
export function ommRecord(e: Readonly<CircularElements>, epochIso: string, id: Readonly<OmmIdentity>): OMMJsonObject {
  return {
    OBJECT_NAME: id.name,
    OBJECT_ID: id.objectId,
    // OMM epochs are UTC without a zone designator: normalise offsets such as +02:00 to UTC first.
    EPOCH: new Date(utcMs(epochIso)).toISOString().slice(0, -1),
    MEAN_MOTION: meanMotion_rev_per_day(e.altitude_m),
    ECCENTRICITY: e.eccentricity ?? CIRCULAR_ECCENTRICITY,
    INCLINATION: rad_to_deg(e.inclination_rad),
    RA_OF_ASC_NODE: rad_to_deg(e.raan_rad),
    ARG_OF_PERICENTER: rad_to_deg(argumentOfPerigee_rad(e)),
    MEAN_ANOMALY: rad_to_deg(meanAnomaly_rad(e)),
    EPHEMERIS_TYPE: 0,
    CLASSIFICATION_TYPE: 'U',
    NORAD_CAT_ID: id.noradId,
    ELEMENT_SET_NO: 999,
    REV_AT_EPOCH: 0,
    BSTAR: 0,
    MEAN_MOTION_DOT: 0,
    MEAN_MOTION_DDOT: 0,
  };
}

/** satellite.js record of a circular orbit; throws with the SGP4 error name if it cannot be initialised. */
export function circularSatrec(e: Readonly<CircularElements>, epochIso: string): SatRec {
  const { json2satrec, SatRecError } = satelliteJs();
  const satrec = json2satrec(ommRecord(e, epochIso, { name: 'ODC', objectId: '2026-000A', noradId: 99999 }));
  if (!Number.isFinite(satrec.jdsatepoch)) throw new RangeError(`epoch '${epochIso}' cannot be parsed`);
  if (satrec.error !== SatRecError.None)
    throw new Error(`SGP4 initialisation failed (SatRecError.${SatRecError[satrec.error]})`);
  return satrec;
}

/**
 * The satellite.js records of the circular orbits of one altitude and inclination at one epoch: `template` is the
 * record of RAAN 0 and argument of latitude 0, `sgp4` the trimmed evaluator (sgp4Circular.ts) of every record of the
 * family, or null where it does not apply. The records differ only in their mean anomaly and RAAN (recordAngles), so
 * one initialisation (json2satrec) and one evaluator serve a shell's plane tracks, its links' planes and its
 * conjunction screen. The last 16 families used are kept (../memo.ts), matched on all three inputs.
 */
export interface CircularFamily {
  readonly altitude_m: number;
  readonly inclination_rad: number;
  readonly epochIso: string;
  readonly template: Readonly<SatRec>;
  readonly sgp4: CircularSgp4 | null;
}

/** Families kept (a study's evaluation propagates two shells; a filing of 86 shells reuses each within its pass). */
const families = new Memo<CircularFamily>(16);
/** A number as a key, -0 apart from 0 (the memo's keys are strings; the family is matched with Object.is). */
const keyOf = (x: number): string => (Object.is(x, -0) ? '-0' : String(x));

/** The family of circular records of this altitude and inclination at this epoch (see CircularFamily). */
export function circularFamily(altitude_m: number, inclination_rad: number, epochIso: string): CircularFamily {
  return families.get(`${keyOf(altitude_m)} ${keyOf(inclination_rad)} ${epochIso}`, () => {
    const template = circularSatrec({ altitude_m, inclination_rad, raan_rad: 0, argumentOfLatitude_rad: 0 }, epochIso);
    return { altitude_m, inclination_rad, epochIso, template, sgp4: circularSgp4({ ...template }) };
  });
}

/** The record's mean anomaly and RAAN [rad] of circular elements e, as ommRecord writes and json2satrec reads them. */
export function recordAngles(e: Readonly<CircularElements>): [number, number] {
  const { degreesToRadians } = satelliteJs();
  return [degreesToRadians(rad_to_deg(meanAnomaly_rad(e))), degreesToRadians(rad_to_deg(e.raan_rad))];
}

/**
 * SGP4 state of circular elements e at tsince [min] into out[0 … 5] (TEME km, km/s), as sgp4State(circularSatrec(e))
 * gives it bit for bit: by the family's evaluator where there is one (no record of e's own), else by satellite.js.
 */
export function circularState(
  e: Readonly<CircularElements>,
  epochIso: string,
): (tsince_min: number, out: Float64Array) => void {
  const ev = e.eccentricity === undefined ? circularFamily(e.altitude_m, e.inclination_rad, epochIso).sgp4 : null;
  if (ev === null) return sgp4State(circularSatrec(e, epochIso));
  const [mo, nodeo] = recordAngles(e);
  return (tsince_min, out) => {
    if (!ev.state(mo, nodeo, tsince_min, out, 0)) sgp4State(circularSatrec(e, epochIso))(tsince_min, out);
  };
}

/** Sample times since epoch [s]: 0, step, …, up to and including duration where it falls on the grid. */
export function windowTimes_s(w: Readonly<SamplingWindow>): Float64Array {
  if (!(w.duration_s > 0 && w.step_s > 0)) throw new RangeError('sampling window needs duration_s > 0 and step_s > 0');
  const n = Math.floor(w.duration_s / w.step_s + 1e-9) + 1;
  const t = new Float64Array(n);
  for (let j = 0; j < n; j++) t[j] = j * w.step_s;
  return t;
}

/** Samples of one plane's representative satellite: TEME position and unit vectors, SI. */
export interface PlaneTrack {
  readonly elements: CircularElements;
  readonly times_s: Float64Array;
  /** TEME position, xyz interleaved [m]. */
  readonly r_m: Float64Array;
  /** Unit orbit normal ĥ, xyz interleaved. */
  readonly normal: Float64Array;
  /** GMST at each sample [rad] (TEME → Earth-fixed rotation angle). */
  readonly gmst_rad: Float64Array;
}

/** GMST [rad] at each time of the window. */
export function gmstSamples_rad(epochIso: string, times_s: Float64Array): Float64Array {
  const jd0 = julianDate(epochIso);
  const g = new Float64Array(times_s.length);
  const { gstime } = satelliteJs();
  for (let j = 0; j < times_s.length; j++) g[j] = gstime(jd0 + times_s[j]! / DAY_s);
  return g;
}

/** Propagates one plane's representative satellite over the window (one SGP4 call per sample). */
export function propagatePlane(
  e: Readonly<CircularElements>,
  w: Readonly<SamplingWindow>,
  gmst_rad?: Float64Array,
): PlaneTrack {
  const times_s = windowTimes_s(w);
  const n = times_s.length;
  const r_m = new Float64Array(3 * n);
  const normal = new Float64Array(3 * n);
  const state = circularState(e, w.epochIso);
  const pv = new Float64Array(6); // TEME position [km] and velocity [km/s]
  for (let j = 0; j < n; j++) {
    state(times_s[j]! / S_PER_MIN, pv);
    for (let k = 0; k < 3; k++) r_m[3 * j + k] = pv[k]! * M_PER_KM;
    // h = r × v (km²/s): only its direction is kept
    const hx = pv[1]! * pv[5]! - pv[2]! * pv[4]!,
      hy = pv[2]! * pv[3]! - pv[0]! * pv[5]!,
      hz = pv[0]! * pv[4]! - pv[1]! * pv[3]!;
    const h = hypot3(hx, hy, hz);
    normal[3 * j] = hx / h;
    normal[3 * j + 1] = hy / h;
    normal[3 * j + 2] = hz / h;
  }
  return { elements: e, times_s, r_m, normal, gmst_rad: gmst_rad ?? gmstSamples_rad(w.epochIso, times_s) };
}

/**
 * The plane's frame at sample j, written into `out`: [r, r̂x, r̂y, r̂z, t̂x, t̂y, t̂z] with r the representative's
 * radius [m], r̂ its radial unit vector and t̂ = ĥ × r̂ the along-track one. A slot `phase` ahead sits at
 * r·(cos phase·r̂ + sin phase·t̂).
 */
export function planeFrame(track: PlaneTrack, j: number, out: Float64Array): Float64Array {
  const i = 3 * j;
  const rx = track.r_m[i]!,
    ry = track.r_m[i + 1]!,
    rz = track.r_m[i + 2]!;
  const hx = track.normal[i]!,
    hy = track.normal[i + 1]!,
    hz = track.normal[i + 2]!;
  // Math.sqrt, not Math.hypot: this runs for every slot at every sample and hypot is several times slower.
  const r = Math.sqrt(rx * rx + ry * ry + rz * rz);
  const ux = rx / r,
    uy = ry / r,
    uz = rz / r;
  out[0] = r;
  out[1] = ux;
  out[2] = uy;
  out[3] = uz;
  out[4] = hy * uz - hz * uy;
  out[5] = hz * ux - hx * uz;
  out[6] = hx * uy - hy * ux;
  return out;
}

const FRAME = new Float64Array(7);

/**
 * TEME position [m] at sample j of the satellite `phase_rad` ahead of the representative in its plane,
 * written into `out` (xyz). Optional cluster offsets: along-track, cross-track (along ĥ) and radial, in metres.
 */
export function slotPosition(
  track: PlaneTrack,
  j: number,
  phase_rad: number,
  out: Float64Array,
  alongTrack_m = 0,
  crossTrack_m = 0,
  radial_m = 0,
): Float64Array {
  const f = planeFrame(track, j, FRAME);
  const r = f[0]!,
    ux = f[1]!,
    uy = f[2]!,
    uz = f[3]!,
    tx = f[4]!,
    ty = f[5]!,
    tz = f[6]!;
  const c = Math.cos(phase_rad),
    s = Math.sin(phase_rad);
  // Position of the rotated slot, then its own along-track direction for cluster offsets.
  const px = r * (c * ux + s * tx),
    py = r * (c * uy + s * ty),
    pz = r * (c * uz + s * tz);
  const ax = -s * ux + c * tx,
    ay = -s * uy + c * ty,
    az = -s * uz + c * tz;
  const k = 1 + radial_m / r;
  const i = 3 * j;
  out[0] = k * px + alongTrack_m * ax + crossTrack_m * track.normal[i]!;
  out[1] = k * py + alongTrack_m * ay + crossTrack_m * track.normal[i + 1]!;
  out[2] = k * pz + alongTrack_m * az + crossTrack_m * track.normal[i + 2]!;
  return out;
}

/** Rotates a TEME vector into the Earth-fixed frame by GMST (in place in `out`). */
export function temeToEarthFixed(v: Float64Array, gmst_rad: number, out: Float64Array): Float64Array {
  const c = Math.cos(gmst_rad),
    s = Math.sin(gmst_rad);
  const x = v[0]!,
    y = v[1]!;
  out[0] = c * x + s * y;
  out[1] = -s * x + c * y;
  out[2] = v[2]!;
  return out;
}
