/**
 * Orbit geometry for a circular LEO node: period, speed, sun-synchronous inclination, annual beta-angle
 * range and cylindrical-shadow eclipse statistics. Closed form only (no propagation) — this is the hot path.
 *
 * Equations: a = R⊕ + h, T = 2π√(a³/μ), v = √(μ/a) (Vallado, Fundamentals of Astrodynamics and Applications,
 * 4th ed. 2013, ch. 1–2); SSO from −(3/2) n J2 (R⊕/a)² cos i = 2π / (365.2422 d) (Vallado 2013 ch. 9; SMAD 3rd ed.
 * §6.2; docs/sources.md §4); sin β = cos δ☉ sin i sin(Ω − α☉) + sin δ☉ cos i (Vallado 2013 §5.3), Sun from
 * orbitSun.ts (Vallado 2013 Algorithm 29); eclipse fraction (SMAD; CNES CelestLab CL_gm_betaEclipse)
 *   f_e = acos(√(h² + 2R h) / ((R + h) cos β)) / π for |β| < β* = asin(R/(R + h)), else 0.
 * Validity: circular orbits, 300–2000 km altitude (RangeError outside), any inclination 0–180°.
 * Assumptions: spherical Earth, cylindrical umbra (no penumbra, no refraction), e = 0, no drag decay; non-SSO
 * nodes drift over every Sun angle. The SGP4 cross-check is orbitPropagated.ts.
 * Derivation, evidence and costs: docs/models.md §"Orbit geometry and eclipse".
 */
import {
  DAY_s,
  EARTH_J2,
  EARTH_MU_m3_s2,
  EARTH_RADIUS_m,
  OBLIQUITY_rad,
  TROPICAL_YEAR_s,
} from '../../base/constants.js';
import { S_PER_HOUR } from '../../base/convert.js';
import type { Scratch } from '../../base/scratch.js';
import {
  SUN_GRID_POINTS,
  gridCosDec,
  gridSinDec,
  gridSinNode,
  LAMBDA_POINTS,
  NODE_POINTS,
  sunCosDec,
  sunCosEot,
  sunSinDec,
  sunSinEot,
} from './orbitSun.js';

/** Validity range of the orbit models [m]. */
export const ORBIT_ALTITUDE_MIN_m = 300e3;
export const ORBIT_ALTITUDE_MAX_m = 2000e3;

const TWO_PI = 2 * Math.PI;
const clamp1 = (x: number): number => (x > 1 ? 1 : x < -1 ? -1 : x);

function checkAltitude(altitude_m: number, who: string): void {
  if (!(altitude_m >= ORBIT_ALTITUDE_MIN_m && altitude_m <= ORBIT_ALTITUDE_MAX_m)) {
    throw new RangeError(`${who}: altitude_m = ${altitude_m} is outside the validity range 300–2000 km (3e5–2e6 m)`);
  }
}

export interface CircularOrbitParams {
  /** Altitude above the equatorial radius [m], 300–2000 km. */
  readonly altitude_m: number;
}
export interface CircularOrbitResult {
  readonly semiMajorAxis_m: number;
  readonly period_s: number;
  readonly speed_m_s: number;
}

/** Two-body circular orbit period and speed. */
export function circularOrbit(p: Readonly<CircularOrbitParams>): CircularOrbitResult {
  checkAltitude(p.altitude_m, 'circularOrbit');
  const a = EARTH_RADIUS_m + p.altitude_m;
  return {
    semiMajorAxis_m: a,
    period_s: TWO_PI * Math.sqrt((a * a * a) / EARTH_MU_m3_s2),
    speed_m_s: Math.sqrt(EARTH_MU_m3_s2 / a),
  };
}

/** Sun-synchronous nodal rate: 360° per tropical year [rad/s]. */
export const SSO_NODAL_RATE_rad_s = TWO_PI / TROPICAL_YEAR_s;

export interface SsoInclinationResult {
  readonly inclination_rad: number;
}

/** Inclination whose secular J2 nodal precession equals 360°/365.2422 d (circular orbit). */
export function sunSynchronousInclination(p: Readonly<CircularOrbitParams>): SsoInclinationResult {
  checkAltitude(p.altitude_m, 'sunSynchronousInclination');
  const a = EARTH_RADIUS_m + p.altitude_m;
  const n = Math.sqrt(EARTH_MU_m3_s2 / (a * a * a));
  const cosI = -SSO_NODAL_RATE_rad_s / (1.5 * n * EARTH_J2 * (EARTH_RADIUS_m / a) ** 2);
  if (cosI < -1)
    throw new RangeError(`sunSynchronousInclination: no sun-synchronous inclination exists at ${p.altitude_m} m`);
  return { inclination_rad: Math.acos(clamp1(cosI)) };
}

export interface EclipseParams {
  readonly altitude_m: number;
  /** Beta angle [rad], −π/2..π/2. */
  readonly beta_rad: number;
}
export interface EclipseResult {
  /** Fraction of one orbit in the cylindrical umbra [-]. */
  readonly eclipseFraction: number;
  /** Limiting beta above which the orbit is eclipse-free, asin(R/(R+h)) [rad]. */
  readonly betaStar_rad: number;
}

/** Cylindrical-shadow eclipse fraction of one circular orbit at a given beta angle. */
export function eclipseFraction(p: Readonly<EclipseParams>): EclipseResult {
  checkAltitude(p.altitude_m, 'eclipseFraction');
  const r = EARTH_RADIUS_m + p.altitude_m;
  const c = Math.sqrt(1 - (EARTH_RADIUS_m / r) ** 2);
  return { eclipseFraction: eclipseFractionFast(c, Math.cos(p.beta_rad)), betaStar_rad: Math.asin(EARTH_RADIUS_m / r) };
}

/** f_e from c = √(h²+2Rh)/(R+h) and cos β; 0 when |β| ≥ β*. */
function eclipseFractionFast(c: number, cosBeta: number): number {
  return cosBeta > c ? Math.acos(clamp1(c / cosBeta)) / Math.PI : 0;
}

// ---------------------------------------------------------------------------------------------------------
export type InclinationSpec =
  /** Sun-synchronous, node at the given local time of the ascending node [h], 0 ≤ ltan_h < 24 (18 or 6 = dawn-dusk). */
  | { readonly kind: 'sso'; readonly ltan_h: number }
  /** Any fixed inclination [rad], 0..π; the node drifts relative to the Sun. */
  | { readonly kind: 'fixed'; readonly inclination_rad: number };

export interface OrbitGeometryParams {
  /** Altitude above the equatorial radius [m], 300–2000 km. */
  readonly altitude_m: number;
  readonly inclination: InclinationSpec;
}

export interface OrbitGeometryResult {
  readonly semiMajorAxis_m: number;
  readonly period_s: number;
  readonly speed_m_s: number;
  readonly inclination_rad: number;
  readonly sunSynchronous: boolean;
  /** Signed beta-angle extremes over the year [rad]. */
  readonly betaMin_rad: number;
  readonly betaMax_rad: number;
  /** Smallest |β| of the year [rad]: sets the worst eclipse. */
  readonly betaAbsMin_rad: number;
  /** β* = asin(R/(R+h)): orbits with |β| above it see no eclipse [rad]. */
  readonly betaStar_rad: number;
  /** Annual mean fraction of time in the umbra [-]. */
  readonly eclipseFractionMean: number;
  /** Eclipse fraction of the worst orbit of the year [-]. */
  readonly eclipseFractionWorst: number;
  /** Longest single eclipse [s]. */
  readonly maxEclipse_s: number;
  /** Fraction of the year during which orbits have any eclipse [-] (battery cycling season). */
  readonly eclipseSeasonFraction: number;
}

/** cos β over the (ecliptic longitude × relative node) grid of a fixed inclination: depends on no other input. */
const cosBetaGrids = new Map<number, Float64Array>();
const COS_BETA_GRIDS_KEPT = 32;
function cosBetaGrid(inclination_rad: number): Float64Array {
  const kept = cosBetaGrids.get(inclination_rad);
  if (kept !== undefined) return kept;
  const sinI = Math.sin(inclination_rad);
  const cosI = Math.cos(inclination_rad);
  const grid = new Float64Array(LAMBDA_POINTS * NODE_POINTS);
  for (let j = 0; j < LAMBDA_POINTS; j++) {
    const a1 = gridCosDec[j]! * sinI;
    const b1 = gridSinDec[j]! * cosI;
    for (let k = 0; k < NODE_POINTS; k++)
      grid[j * NODE_POINTS + k] = Math.sqrt(1 - clamp1(a1 * gridSinNode[k]! + b1) ** 2);
  }
  // a study that varies the inclination continuously would fill the map: keep the first few only
  if (cosBetaGrids.size < COS_BETA_GRIDS_KEPT) cosBetaGrids.set(inclination_rad, grid);
  return grid;
}

/**
 * Results kept by altitude, kind and LTAN (sun-synchronous) or inclination (fixed): a study revisits its orbits
 * (crossover hands a parent's altitude to about half its children; a sun-synchronous shell asks one altitude for each
 * plane's LTAN), and a result is a function of these inputs alone, so a kept one is the computed one, bit for bit.
 * An open-addressed table (linear probing from a hash of the key's bits), emptied when 3/4 full: a lookup reads typed
 * arrays, where maps of maps keyed by doubles cost ~4 µs per new orbit on a study's ~30,000 altitudes (a map per
 * altitude, grown, filled and cleared). The results' numbers sit in one Float64Array, KEPT_FIELDS a slot: a kept result
 * object per new orbit outlives young collections, so V8 allocated them straight in its old generation (fresh pages
 * faulted in, then a major collection to free them): ~8 % of the lean path's CPU (docs/performance.md §"Node
 * evaluation").
 */
const KEPT_SLOTS = 8192;
const KEPT_MAX = (KEPT_SLOTS * 3) / 4;
const keptAltitude = new Float64Array(KEPT_SLOTS);
const keptAt = new Float64Array(KEPT_SLOTS);
/** 0 empty, 1 sun-synchronous, 2 fixed. */
const keptKind = new Uint8Array(KEPT_SLOTS);
/** The number fields of a result, in the order of the OrbitGeometryResult's fields below (sunSynchronous: the kind). */
const KEPT_FIELDS = 12;
const keptValues = new Float64Array(KEPT_SLOTS * KEPT_FIELDS);
let keptCount = 0;
const keyBits = new Float64Array(1);
const keyWords = new Uint32Array(keyBits.buffer);
function firstSlot(altitude_m: number, at: number): number {
  keyBits[0] = altitude_m + 0; // + 0: −0 hashes as 0, which it equals
  const h = Math.imul(keyWords[0]! ^ Math.imul(keyWords[1]!, 0x9e3779b1), 0x85ebca6b);
  keyBits[0] = at + 0;
  return (h ^ keyWords[0]! ^ Math.imul(keyWords[1]!, 0x27d4eb2f)) & (KEPT_SLOTS - 1);
}

/** A result record to write an orbit into (orbitGeometry's `out`). */
export const orbitRecord = (): Scratch<OrbitGeometryResult> => ({
  semiMajorAxis_m: NaN,
  period_s: NaN,
  speed_m_s: NaN,
  inclination_rad: NaN,
  sunSynchronous: false,
  betaMin_rad: NaN,
  betaMax_rad: NaN,
  betaAbsMin_rad: NaN,
  betaStar_rad: NaN,
  eclipseFractionMean: NaN,
  eclipseFractionWorst: NaN,
  maxEclipse_s: NaN,
  eclipseSeasonFraction: NaN,
});

/**
 * The orbit record for a node: period, speed, inclination, beta range and eclipse statistics, written into `out` (every
 * field: a fresh record, or one a hot caller keeps and reads before its next call).
 */
export function orbitGeometry(
  p: Readonly<OrbitGeometryParams>,
  out: Scratch<OrbitGeometryResult> = orbitRecord(),
): OrbitGeometryResult {
  const spec = p.inclination;
  const kind = spec.kind === 'sso' ? 1 : 2;
  const at = spec.kind === 'sso' ? spec.ltan_h : spec.inclination_rad;
  const altitude_m = p.altitude_m;
  let slot = firstSlot(altitude_m, at);
  let found = false;
  for (let k = keptKind[slot]!; k !== 0; k = keptKind[slot]!) {
    if (k === kind && keptAltitude[slot] === altitude_m && keptAt[slot] === at) {
      found = true;
      break;
    }
    slot = (slot + 1) & (KEPT_SLOTS - 1);
  }
  if (!found) {
    if (keptCount >= KEPT_MAX) {
      keptKind.fill(0);
      keptCount = 0;
      slot = firstSlot(altitude_m, at);
    }
    computeOrbitGeometry(p, keptValues, slot * KEPT_FIELDS); // throws before the slot is marked kept
    keptKind[slot] = kind;
    keptAltitude[slot] = altitude_m;
    keptAt[slot] = at;
    keptCount++;
  }
  const v = keptValues;
  const o = slot * KEPT_FIELDS;
  out.semiMajorAxis_m = v[o]!;
  out.period_s = v[o + 1]!;
  out.speed_m_s = v[o + 2]!;
  out.inclination_rad = v[o + 3]!;
  out.sunSynchronous = kind === 1;
  out.betaMin_rad = v[o + 4]!;
  out.betaMax_rad = v[o + 5]!;
  out.betaAbsMin_rad = v[o + 6]!;
  out.betaStar_rad = v[o + 7]!;
  out.eclipseFractionMean = v[o + 8]!;
  out.eclipseFractionWorst = v[o + 9]!;
  out.maxEclipse_s = v[o + 10]!;
  out.eclipseSeasonFraction = v[o + 11]!;
  return out;
}

/** The orbit's numbers into v[o …] (KEPT_FIELDS of them, in orbitGeometry's order). */
// eslint-disable-next-line max-lines-per-function -- hot: each branch yields six running values; split would allocate
function computeOrbitGeometry(p: Readonly<OrbitGeometryParams>, v: Float64Array, o: number): void {
  const { semiMajorAxis_m: a, period_s, speed_m_s } = circularOrbit(p);
  const c = Math.sqrt(1 - (EARTH_RADIUS_m / a) ** 2);
  const betaStar_rad = Math.asin(EARTH_RADIUS_m / a);
  const spec = p.inclination;
  let inclination_rad: number;
  let betaMin_rad = Infinity;
  let betaMax_rad = -Infinity;
  let betaAbsMin_rad = Infinity;
  let sum = 0;
  let eclipsing = 0;
  let n = 0;
  if (spec.kind === 'sso') {
    if (!(spec.ltan_h >= 0 && spec.ltan_h < 24))
      throw new RangeError(`orbitGeometry: ltan_h = ${spec.ltan_h} must be in [0, 24) h`);
    inclination_rad = sunSynchronousInclination(p).inclination_rad;
    const phi = ((spec.ltan_h - 12) * S_PER_HOUR * TWO_PI) / DAY_s; // 15°/h
    const sinI = Math.sin(inclination_rad);
    const cosI = Math.cos(inclination_rad);
    const sinPhi = Math.sin(phi);
    const cosPhi = Math.cos(phi);
    // |β| ≥ β* ⇔ |sin β| ≥ R/a: such an instant has no eclipse, so its β is not needed, only its sin β (asin is
    // monotonic and odd, so the extremes are the asin of the extreme sines). A relative margin far above the rounding
    // of asin and cos keeps every instant near β* on the exact test below.
    const sinBetaClear = (EARTH_RADIUS_m / a) * (1 + 1e-9);
    let sMin = Infinity;
    let sMax = -Infinity;
    let sAbsMin = Infinity;
    for (let k = 0; k < SUN_GRID_POINTS; k++) {
      // Ω − α_true = φ + (α_mean − α_true)
      const sinNode = sinPhi * sunCosEot[k]! + cosPhi * sunSinEot[k]!;
      const s = clamp1(sunCosDec[k]! * sinI * sinNode + sunSinDec[k]! * cosI);
      if (s < sMin) sMin = s;
      if (s > sMax) sMax = s;
      const absS = Math.abs(s);
      if (absS < sAbsMin) sAbsMin = absS;
      n++;
      if (absS >= sinBetaClear) continue;
      // cos β = cos(asin s) as √((1 − s)(1 + s)): two calls fewer an instant; the annual mean within 1e-11 relative
      // of cos ∘ asin's (test/models/orbit/orbit.test.ts), whose last-bit error acos amplifies at the shadow's edge
      const f = eclipseFractionFast(c, Math.sqrt((1 - s) * (1 + s)));
      if (f > 0) eclipsing++;
      sum += f;
    }
    betaMin_rad = Math.asin(sMin);
    betaMax_rad = Math.asin(sMax);
    betaAbsMin_rad = Math.asin(sAbsMin);
  } else {
    inclination_rad = spec.inclination_rad;
    if (!(inclination_rad >= 0 && inclination_rad <= Math.PI)) {
      throw new RangeError(`orbitGeometry: inclination_rad = ${inclination_rad} must be in [0, π]`);
    }
    const cosBeta = cosBetaGrid(inclination_rad);
    for (let m = 0; m < cosBeta.length; m++) {
      const cb = cosBeta[m]!; // eclipseFractionFast written out: 288 calls per evaluation
      const f = cb > c ? Math.acos(c / cb) / Math.PI : 0; // 0 < c < cb: c / cb < 1, no clamp
      if (f > 0) eclipsing++;
      sum += f;
      n++;
    }
    // Over all Sun–node angles and seasons, β spans ±(i' + ε) (i' = min(i, π − i)) and reaches 0 at the equinoxes.
    betaMax_rad = Math.min(Math.PI / 2, Math.min(inclination_rad, Math.PI - inclination_rad) + OBLIQUITY_rad);
    betaMin_rad = -betaMax_rad;
    betaAbsMin_rad = 0;
  }
  const eclipseFractionWorst = eclipseFractionFast(c, Math.cos(betaAbsMin_rad));
  v[o] = a;
  v[o + 1] = period_s;
  v[o + 2] = speed_m_s;
  v[o + 3] = inclination_rad;
  v[o + 4] = betaMin_rad;
  v[o + 5] = betaMax_rad;
  v[o + 6] = betaAbsMin_rad;
  v[o + 7] = betaStar_rad;
  v[o + 8] = sum / n;
  v[o + 9] = eclipseFractionWorst;
  v[o + 10] = eclipseFractionWorst * period_s;
  v[o + 11] = eclipsing / n;
}
