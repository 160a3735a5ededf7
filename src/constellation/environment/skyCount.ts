/**
 * How many satellites an observer sees brighter than a magnitude limit at chosen instants after sunset.
 *
 * Method. Circular orbits from the shells' own elements at the reference instant (pattern.ts: RAAN from LTAN,
 * slots evenly spaced in argument of latitude u), advanced by the two-body mean motion (u = u0 + n·t) and the J2
 * regression of the node, Ω̇ = −1.5·n·J2·(R/a)²·cos i (Vallado 2013 eq. 9-41: a sun-synchronous plane keeps its place
 * against the Sun, 0.041°/h). Observer on a spherical Earth (R = 6,378.137 km) rotated by GMST (satellite.js
 * `gstime`, IAU-82); Sun direction from satellite.js `sunPos` (Vallado 2013 Algorithm 29). A satellite counts when it
 * is above the minimum elevation, sunlit and brighter than the limit (skyPhotometry.ts). Shadow: a cylinder of
 * Earth's radius along the anti-Sun line (the penumbra at 550–1,000 km is < 30 km wide, a few seconds of each orbit).
 * Fast path: per plane, the slots above the minimum elevation form one arc of u: with ô the observer's
 * direction and P̂, Q̂ the plane's in-plane axes, r̂·ô = ρ·cos(u − ψ), ρ = |(P̂·ô, Q̂·ô)|, and elevation ≥ e iff
 * the central angle ≤ λ = acos(R·cos e / a) − e, i.e. cos(u − ψ) ≥ cos λ / ρ (Wertz, Mission Geometry, 2001,
 * §9.1). Only the slots of that arc are positioned, shadow-tested and given a magnitude (typed arrays,
 * no allocation per satellite).
 * Sunset: the Sun's centre 0.833° below the horizon (refraction and semi-diameter; Meeus, Astronomical
 * Algorithms, 2nd ed., 1998, ch. 15), found by bisection on the given date.
 * Extinction: k·X(h) mag, X = 1/(sin h + 0.50572 (h° + 6.07995)^−1.6364) (Kasten & Young, Appl. Opt. 28, 4735, 1989).
 * Validity: circular LEO; the observer below the Sun's horizon; no glints. Evidence: docs/constellations.md.
 */
import { satelliteJs } from '../../base/satelliteJs.js';
import { DAY_s, EARTH_J2, EARTH_MU_m3_s2, EARTH_RADIUS_m } from '../../base/constants.js';
import type { ShellGeometrySpec } from '../design/types.js';
import { meanSunRightAscension_rad, planeRaan_rad, slotPhase_rad, utcMs } from '../geometry/pattern.js';

const TWO_PI = 2 * Math.PI;
const RAD_PER_DEG = Math.PI / 180;
const SUNSET_ALTITUDE_rad = -0.833 * RAD_PER_DEG;
const UNIX_EPOCH_JD = 2440587.5;

/** One plane at the reference instant: evenly spaced slots from u0. */
export interface SkyPlane {
  readonly altitude_m: number;
  readonly inclination_rad: number;
  readonly raan_rad: number;
  /** Argument of latitude of slot 0 at the reference instant [rad]. */
  readonly u0_rad: number;
  readonly satellites: number;
  /** Satellites at each slot (a cluster's members share its reference orbit); default 1. */
  readonly perSlot?: number;
}

export interface SkyObserver {
  readonly latitude_rad: number;
  readonly longitude_rad: number;
}

export interface SkyCountParams {
  readonly planes: readonly SkyPlane[];
  /** Julian date at which the planes' elements hold. */
  readonly referenceJd: number;
  readonly observer: Readonly<SkyObserver>;
  readonly instantsJd: readonly number[];
  /** Magnitude limits: a satellite counts under limit L when m < L. */
  readonly limits_mag: readonly number[];
  readonly minElevation_rad: number;
  /** Apparent magnitude from range [m] and phase angle [rad] (skyPhotometry.ts magnitudeFunction). */
  readonly magnitude: (range_m: number, alpha_rad: number) => number;
  /** Instant (index into instantsJd) whose sunlit satellites above the horizon are listed for a sky map. */
  readonly mapInstant?: number;
  /** Extinction [mag per airmass], added as k·X(elevation); default 0. */
  readonly extinction_mag_per_airmass?: number;
}

/** Relative optical airmass at apparent elevation h [deg] (Kasten & Young 1989): 1 at the zenith, 37.92 at 0°. */
export function airmassKastenYoung(elevation_deg: number): number {
  const h = Math.max(0, elevation_deg);
  return 1 / (Math.sin(h * RAD_PER_DEG) + 0.50572 * (h + 6.07995) ** -1.6364);
}

/** A satellite on the sky map: azimuth from north through east, elevation, magnitude. */
export interface SkyPoint {
  readonly azimuth_deg: number;
  readonly elevation_deg: number;
  readonly magnitude: number;
}

export interface SkyCountResult {
  /** counts[i][k]: satellites brighter than limits_mag[k] at instant i. */
  readonly counts: readonly (readonly number[])[];
  /** Sunlit satellites above the minimum elevation at each instant, any magnitude. */
  readonly sunlit: readonly number[];
  /** Above the minimum elevation at each instant, lit or not. */
  readonly aboveHorizon: readonly number[];
  /** Sun's elevation at the observer at each instant [deg]. */
  readonly sunElevation_deg: readonly number[];
  readonly map: readonly SkyPoint[];
}

/** Julian date of an ISO 8601 instant. */
export const isoToJd = (iso: string): number => utcMs(iso) / 1000 / DAY_s + UNIX_EPOCH_JD;
export const jdToIso = (jd: number): string => new Date(Math.round((jd - UNIX_EPOCH_JD) * DAY_s * 1000)).toISOString();

/** Unit vector of the Sun (ECI of date) at a Julian date. */
export function sunDirection(jd: number): [number, number, number] {
  const r = satelliteJs().sunPos(jd).rsun;
  const n = Math.hypot(r.x, r.y, r.z);
  return [r.x / n, r.y / n, r.z / n];
}

/** Unit vector of the observer's zenith (ECI) at a Julian date. */
export function zenith(o: Readonly<SkyObserver>, jd: number): [number, number, number] {
  const theta = satelliteJs().gstime(jd) + o.longitude_rad;
  const c = Math.cos(o.latitude_rad);
  return [c * Math.cos(theta), c * Math.sin(theta), Math.sin(o.latitude_rad)];
}

/** The Sun's elevation at the observer [rad] (geocentric direction; the parallax is 9″). */
export function sunElevation_rad(o: Readonly<SkyObserver>, jd: number): number {
  const s = sunDirection(jd);
  const z = zenith(o, jd);
  return Math.asin(s[0] * z[0] + s[1] * z[1] + s[2] * z[2]);
}

/**
 * Sunset on a date (YYYY-MM-DD) at the observer, as a Julian date: the instant between local mean noon and local
 * mean midnight at which the Sun's centre sinks to 0.833° below the horizon. Throws when the Sun does not set
 * (polar day or night).
 */
export function sunsetJd(o: Readonly<SkyObserver>, date: string): number {
  const noon = isoToJd(`${date}T12:00:00Z`) - o.longitude_rad / TWO_PI;
  let lo = noon;
  let hi = noon + 0.5;
  const f = (jd: number): number => sunElevation_rad(o, jd) - SUNSET_ALTITUDE_rad;
  if (!(f(lo) > 0 && f(hi) < 0)) throw new RangeError(`the Sun does not set on ${date} at this latitude`);
  for (let k = 0; k < 40; k++) {
    const mid = (lo + hi) / 2;
    if (f(mid) > 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * The apparent Sun's right ascension less the mean Sun's at an instant [rad] (the equation of time as an angle, sign
 * reversed): what reading an LTAN as apparent-Sun time adds to a sun-synchronous plane's RAAN.
 */
export function apparentMinusMeanSun_rad(iso: string): number {
  const s = sunDirection(isoToJd(iso));
  const d = Math.atan2(s[1], s[0]) - meanSunRightAscension_rad(iso);
  return d - TWO_PI * Math.round(d / TWO_PI);
}

/**
 * The planes of the shells at an instant: RAAN from each plane's LTAN there (SSO; read as apparent-Sun time when
 * `apparentSun`) or its Walker RAAN; a cluster's members at its reference orbit's one slot.
 */
export function skyPlanes(
  shells: readonly Readonly<ShellGeometrySpec>[],
  referenceIso: string,
  apparentSun = false,
): SkyPlane[] {
  const planes: SkyPlane[] = [];
  const shift = apparentSun ? apparentMinusMeanSun_rad(referenceIso) : 0;
  for (const g of shells) {
    const cluster = g.pattern === 'cluster';
    for (let p = 0; p < g.planes; p++) {
      planes.push({
        altitude_m: g.altitude_m,
        inclination_rad: g.inclination_rad,
        raan_rad: planeRaan_rad(g, p, referenceIso) + (g.sunSynchronous ? shift : 0),
        u0_rad: slotPhase_rad(g, p, 0),
        satellites: cluster ? 1 : g.satsPerPlane,
        perSlot: cluster ? g.satsPerPlane : 1,
      });
    }
  }
  return planes;
}

/** The observer's frame at one instant: Sun, zenith, east and north unit vectors, observer position [m]. */
interface Frame {
  readonly s: readonly number[];
  readonly z: readonly number[];
  readonly e: readonly number[];
  readonly n: readonly number[];
  readonly o: readonly number[];
  readonly dt_s: number;
}

function frameAt(p: Readonly<SkyCountParams>, jd: number): Frame {
  const s = sunDirection(jd);
  const z = zenith(p.observer, jd);
  const h = Math.hypot(z[0], z[1]);
  const e = [-z[1] / h, z[0] / h, 0];
  const n = [-z[2] * e[1]!, z[2] * e[0]!, z[0] * e[1]! - z[1] * e[0]!];
  const R = EARTH_RADIUS_m;
  return { s, z, e, n, o: [R * z[0], R * z[1], R * z[2]], dt_s: (jd - p.referenceJd) * DAY_s };
}

/** Running tallies of one instant. */
interface Tally {
  readonly row: number[];
  above: number;
  sunlit: number;
  readonly map: SkyPoint[] | null;
}

/** Add one plane's satellites at one instant: its above-horizon arc of slots, shadow-tested, given magnitudes. */
function countPlane(p: Readonly<SkyCountParams>, pl: Readonly<SkyPlane>, f: Frame, t: Tally): void {
  const R = EARTH_RADIUS_m;
  const a = R + pl.altitude_m;
  const [zx, zy, zz] = f.z as [number, number, number];
  const [sx, sy, sz] = f.s as [number, number, number];
  const n = Math.sqrt(EARTH_MU_m3_s2 / (a * a * a));
  const cI = Math.cos(pl.inclination_rad),
    sI = Math.sin(pl.inclination_rad);
  // J2 regression of the node over the time counted (a sun-synchronous plane keeps its place against the Sun)
  const raan = pl.raan_rad - 1.5 * n * EARTH_J2 * (R / a) ** 2 * cI * f.dt_s;
  const cO = Math.cos(raan),
    sO = Math.sin(raan);
  // in-plane axes: P̂ toward the ascending node, Q̂ 90° ahead in the orbit
  const qx = -cI * sO,
    qy = cI * cO;
  const A = cO * zx + sO * zy;
  const B = qx * zx + qy * zy + sI * zz;
  const lambda = Math.acos((R / a) * Math.cos(p.minElevation_rad)) - p.minElevation_rad;
  const c = Math.cos(lambda) / Math.hypot(A, B);
  if (!(c < 1)) return;
  const w = c <= -1 ? Math.PI : Math.acos(c);
  const psi = Math.atan2(B, A);
  const du = TWO_PI / pl.satellites;
  const u0 = pl.u0_rad + n * f.dt_s;
  // slots k with u0 + k·du in [ψ − w, ψ + w]
  const first = Math.ceil((psi - w - u0) / du);
  const last = Math.min(Math.floor((psi + w - u0) / du), first + pl.satellites - 1);
  const shadowCos = -Math.sqrt(1 - (R / a) * (R / a));
  const sinE = Math.sin(p.minElevation_rad);
  const ext = p.extinction_mag_per_airmass ?? 0;
  for (let k = first; k <= last; k++) {
    const u = u0 + k * du;
    const cu = Math.cos(u),
      su = Math.sin(u);
    const rx = a * (cu * cO + su * qx),
      ry = a * (cu * sO + su * qy),
      rz = a * su * sI;
    const dx = rx - f.o[0]!,
      dy = ry - f.o[1]!,
      dz = rz - f.o[2]!;
    const d = Math.hypot(dx, dy, dz);
    const up = dx * zx + dy * zy + dz * zz;
    if (up < d * sinE) continue; // the arc is exact; this rechecks its end slots against rounding
    const weight = pl.perSlot ?? 1;
    t.above += weight;
    // cylindrical shadow: behind the Earth, r̂·ŝ < −√(1 − R²/a²), is dark
    if ((rx * sx + ry * sy + rz * sz) / a < shadowCos) continue;
    t.sunlit += weight;
    // phase angle: between satellite→Sun (ŝ) and satellite→observer (−d̂)
    const cosAlpha = -(dx * sx + dy * sy + dz * sz) / d;
    const m =
      p.magnitude(d, Math.acos(Math.max(-1, Math.min(1, cosAlpha)))) +
      (ext > 0 ? ext * airmassKastenYoung(Math.asin(up / d) / RAD_PER_DEG) : 0);
    for (let l = 0; l < t.row.length; l++) if (m < p.limits_mag[l]!) t.row[l]! += weight;
    if (t.map !== null) {
      const az = Math.atan2(dx * f.e[0]! + dy * f.e[1]!, dx * f.n[0]! + dy * f.n[1]! + dz * f.n[2]!) / RAD_PER_DEG;
      t.map.push({ azimuth_deg: (az + 360) % 360, elevation_deg: Math.asin(up / d) / RAD_PER_DEG, magnitude: m });
    }
  }
}

/** Count satellites brighter than each limit at each instant (fast path: the above-horizon arc of each plane). */
export function skyCount(p: Readonly<SkyCountParams>): SkyCountResult {
  const counts: number[][] = [];
  const sunlit: number[] = [];
  const above: number[] = [];
  const sunEl: number[] = [];
  const map: SkyPoint[] = [];
  p.instantsJd.forEach((jd, i) => {
    const f = frameAt(p, jd);
    const row = new Array<number>(p.limits_mag.length).fill(0);
    const t: Tally = { row, above: 0, sunlit: 0, map: p.mapInstant === i ? map : null };
    for (const pl of p.planes) countPlane(p, pl, f, t);
    counts.push(t.row);
    sunlit.push(t.sunlit);
    above.push(t.above);
    sunEl.push(Math.asin(f.s[0]! * f.z[0]! + f.s[1]! * f.z[1]! + f.s[2]! * f.z[2]!) / RAD_PER_DEG);
  });
  return { counts, sunlit, aboveHorizon: above, sunElevation_deg: sunEl, map };
}
