/**
 * The constellation's sky-brightness figures: satellites brighter than V = 6 (the naked-eye limit) and than the
 * design's chosen limit above each observer (latitude) on each evening (date) at its times after sunset
 * (skyCount.ts, with extinction), each shell with its own photometric model (skyPhotometry.ts; area: the design's
 * sky.area_m2, else the shell node's solar array area); the worst evening (most naked-eye satellites at any time)
 * is reported, with every evening's peak, and a binned sky map of its worst instant.
 * Method and sources: skyCount.ts and skyPhotometry.ts; the shells' planes at sunset (pattern.ts), non-SSO Walker
 * RAANs as at the simulation epoch (a uniform Walker shell's counts do not depend on its absolute RAAN).
 * Derivation, evidence and costs: docs/constellations.md §"Sky brightness".
 */
import { minOf } from '../../base/arrays.js';
import type { ConstellationSpec } from '../design/compile.js';
import type { SkySpec } from '../design/skySchema.js';
import { jdToIso, skyCount, skyPlanes, sunsetJd, type SkyPoint } from './skyCount.js';
import { magnitudeFunction, standardMagnitude, type PhotometricModel } from './skyPhotometry.js';

/** The naked-eye limit: satellites with V < 6 count. */
export const NAKED_EYE_MAG = 6;
/** Sky map bins: elevation rings and azimuth sectors [deg]. */
const MAP_ELEVATION_STEP_deg = 10;
const MAP_AZIMUTH_STEP_deg = 15;
const MIN_PER_DAY = 1440;

export interface SkyEpoch {
  readonly minutesAfterSunset: number;
  readonly sunElevation_deg: number;
  readonly aboveHorizon: number;
  readonly sunlit: number;
  readonly nakedEye: number;
  readonly belowLimit: number;
}

/** A sky map cell: its centre, and its satellites brighter than V = 6 and than the limit. */
export interface SkyMapCell {
  readonly azimuth_deg: number;
  readonly elevation_deg: number;
  readonly nakedEye: number;
  readonly belowLimit: number;
}

/** One observer's evening: its peak counts over the times counted. */
export interface SkyEvening {
  readonly latitude_deg: number;
  readonly date: string;
  readonly sunsetUtc: string;
  readonly nakedEye: number;
  readonly belowLimit: number;
}

export interface SkyFigures {
  /** The worst evening: observer latitude, date and sunset. */
  readonly latitude_deg: number;
  readonly longitude_deg: number;
  readonly date: string;
  readonly sunsetUtc: string;
  readonly extinction_mag_per_airmass: number;
  readonly ltanTime: 'mean' | 'apparent';
  /** Every evening counted (the Sun set); the worst is the one above. */
  readonly evenings: readonly SkyEvening[];
  readonly limit_mag: number;
  readonly epochs: readonly SkyEpoch[];
  /** Brightest standard magnitude (1,000 km, 90° phase) of any shell's model. */
  readonly standardMagnitude: number;
  readonly mapMinutesAfterSunset: number;
  readonly map: readonly SkyMapCell[];
}

/** The photometric model of a shell whose node has this array area. */
export function shellPhotometry(sky: Readonly<SkySpec>, arrayArea_m2: number): PhotometricModel {
  const area_m2 = sky.area_m2 ?? arrayArea_m2;
  return sky.model === 'lambertian'
    ? { kind: 'lambertian', albedo: sky.albedo, area_m2 }
    : { kind: 'measured', phaseFunction: sky.model, area_m2 };
}

/** Bin sky points into elevation rings × azimuth sectors (cells with a satellite brighter than the limit). */
function binMap(points: readonly SkyPoint[], limit_mag: number): SkyMapCell[] {
  const cells = new Map<number, { nakedEye: number; belowLimit: number }>();
  const sectors = 360 / MAP_AZIMUTH_STEP_deg;
  for (const pt of points) {
    if (!(pt.magnitude < limit_mag || pt.magnitude < NAKED_EYE_MAG)) continue;
    const ring = Math.min(Math.floor(pt.elevation_deg / MAP_ELEVATION_STEP_deg), 90 / MAP_ELEVATION_STEP_deg - 1);
    const key = ring * sectors + (Math.floor(pt.azimuth_deg / MAP_AZIMUTH_STEP_deg) % sectors);
    const c = cells.get(key) ?? { nakedEye: 0, belowLimit: 0 };
    if (pt.magnitude < NAKED_EYE_MAG) c.nakedEye++;
    if (pt.magnitude < limit_mag) c.belowLimit++;
    cells.set(key, c);
  }
  return [...cells.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([key, c]) => ({
      azimuth_deg: ((key % sectors) + 0.5) * MAP_AZIMUTH_STEP_deg,
      elevation_deg: (Math.floor(key / sectors) + 0.5) * MAP_ELEVATION_STEP_deg,
      ...c,
    }));
}

/** One evening of one observer (index into sky.latitudes_rad): its counts at each time and its worst instant. */
function countEvening(spec: ConstellationSpec, models: readonly PhotometricModel[], latitude: number, date: string) {
  const sky = spec.sky;
  const observer = { latitude_rad: sky.latitudes_rad[latitude]!, longitude_rad: sky.longitude_rad };
  const sunset = sunsetJd(observer, date);
  const sunsetIso = jdToIso(sunset);
  const instantsJd = sky.minutesAfterSunset.map((m) => sunset + m / MIN_PER_DAY);
  const run = (instants: readonly number[], mapInstant?: number) =>
    spec.shells.map((s, i) =>
      skyCount({
        planes: skyPlanes([s.geometry], sunsetIso, sky.ltanTime === 'apparent'),
        referenceJd: sunset,
        observer,
        instantsJd: instants,
        limits_mag: [NAKED_EYE_MAG, sky.limit_mag],
        minElevation_rad: sky.minElevation_rad,
        magnitude: magnitudeFunction(models[i]!),
        extinction_mag_per_airmass: sky.extinction_mag_per_airmass,
        ...(mapInstant === undefined ? {} : { mapInstant }),
      }),
    );
  const perShell = run(instantsJd);
  const sum = (f: (r: (typeof perShell)[number]) => number): number => perShell.reduce((a, r) => a + f(r), 0);
  const epochs = sky.minutesAfterSunset.map((m, i) => ({
    minutesAfterSunset: m,
    sunElevation_deg: perShell[0]!.sunElevation_deg[i]!,
    aboveHorizon: sum((r) => r.aboveHorizon[i]!),
    sunlit: sum((r) => r.sunlit[i]!),
    nakedEye: sum((r) => r.counts[i]![0]!),
    belowLimit: sum((r) => r.counts[i]![1]!),
  }));
  // its worst instant: the most naked-eye satellites (the first of equals; the limit's count breaks ties)
  const worst = epochs.reduce((w, e, i) => (worse(e, epochs[w]!) ? i : w), 0);
  return {
    latitude_deg: sky.latitudes_deg[latitude]!,
    date,
    sunsetUtc: sunsetIso,
    epochs,
    worst,
    map: () => run([instantsJd[worst]!], 0).flatMap((r) => r.map),
  };
}

/** Sky figures of a constellation whose shells' nodes have these array areas [m²]. */
export function skyFigures(spec: ConstellationSpec, arrayAreas_m2: readonly number[]): SkyFigures {
  const sky = spec.sky;
  const models = spec.shells.map((_, i) => shellPhotometry(sky, arrayAreas_m2[i]!));
  const evenings = sky.latitudes_rad.flatMap((_, lat) =>
    sky.dates.flatMap((date) => {
      try {
        return [countEvening(spec, models, lat, date)];
      } catch (e) {
        if (e instanceof RangeError && /does not set/.test(e.message)) return []; // polar day or night: no evening
        throw e;
      }
    }),
  );
  if (evenings.length === 0)
    throw new RangeError('sky: the Sun sets on none of sky.dates at any of sky.latitudes_deg (polar day or night)');
  const peak = (v: (typeof evenings)[number]) => v.epochs[v.worst]!;
  const w = evenings.reduce((a, v) => (worse(peak(v), peak(a)) ? v : a), evenings[0]!);
  return {
    latitude_deg: w.latitude_deg,
    longitude_deg: sky.longitude_deg,
    date: w.date,
    sunsetUtc: w.sunsetUtc,
    extinction_mag_per_airmass: sky.extinction_mag_per_airmass,
    ltanTime: sky.ltanTime,
    evenings: evenings.map((v) => ({
      latitude_deg: v.latitude_deg,
      date: v.date,
      sunsetUtc: v.sunsetUtc,
      nakedEye: peak(v).nakedEye,
      belowLimit: peak(v).belowLimit,
    })),
    limit_mag: sky.limit_mag,
    epochs: w.epochs,
    standardMagnitude: minOf(models.map(standardMagnitude)),
    mapMinutesAfterSunset: sky.minutesAfterSunset[w.worst]!,
    map: binMap(w.map(), sky.limit_mag),
  };
}

/** Whether counts a are worse than b: more naked-eye satellites, or as many and more below the limit. */
const worse = (a: Readonly<SkyEpoch>, b: Readonly<SkyEpoch>): boolean =>
  a.nakedEye > b.nakedEye || (a.nakedEye === b.nakedEye && a.belowLimit > b.belowLimit);
