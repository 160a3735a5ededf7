/**
 * Ground tracks: sub-satellite points of every plane of each shell (at most MAX_TRACK_PLANES per shell, evenly spaced
 * in plane index, so in RAAN) on an equirectangular (plate carrée) map with a 30° graticule, the coastlines and the
 * gateway stations. Each plane's representative satellite is propagated with SGP4
 * (propagate.ts `propagatePlane`), its TEME position rotated to Earth-fixed by GMST (`temeToEarthFixed`), and
 * the point's longitude λ = atan2(y, x) and geocentric latitude φ = atan2(z, √(x² + y²)) taken (Vallado 2013
 * §3.2: geocentric, not geodetic, latitude; the two differ by at most 0.19° on the WGS-84 ellipsoid, below a
 * pixel here). Tracks are split where they cross the antimeridian, at the latitude interpolated linearly in
 * unwrapped longitude, so no line is drawn across the map. Coastlines: Natural Earth 1:110m land boundaries
 * (public domain; designs/maps/README.md), read by the caller and passed in as polylines. Drawn with the reports'
 * chart layer (chart.ts): a longitude × latitude frame, 2 px a degree each way, gridlines every 30° as graticule.
 */
import { planeElements } from '../../constellation/geometry/pattern.js';
import { propagatePlane, temeToEarthFixed } from '../../constellation/geometry/propagate.js';
import type { SamplingWindow, ShellGeometrySpec } from '../../constellation/design/types.js';
import { fmt } from '../../base/numberFormat.js';
import { PALETTE } from '../plots/plots.js';
import { labelBox, placedTextLabels, placeLabels, type Box } from '../../chart/labelPlacement.js';
import { drawn, type Drawn, type Mark } from '../../chart/chart.js';

const DEG_PER_RAD = 180 / Math.PI;

export interface GeoPoint {
  readonly lon_deg: number;
  readonly lat_deg: number;
}

/** Sub-satellite points of plane `plane` of a shell over the window (SGP4, one point per window sample). */
export function planeGroundTrack(
  shell: Readonly<ShellGeometrySpec>,
  plane: number,
  window: Readonly<SamplingWindow>,
): GeoPoint[] {
  const track = propagatePlane(planeElements(shell, plane, window.epochIso), window);
  const r = new Float64Array(3),
    ef = new Float64Array(3);
  return Array.from(track.times_s, (_, j) => {
    r[0] = track.r_m[3 * j]!;
    r[1] = track.r_m[3 * j + 1]!;
    r[2] = track.r_m[3 * j + 2]!;
    temeToEarthFixed(r, track.gmst_rad[j]!, ef);
    return {
      lon_deg: Math.atan2(ef[1]!, ef[0]!) * DEG_PER_RAD,
      lat_deg: Math.atan2(ef[2]!, Math.hypot(ef[0]!, ef[1]!)) * DEG_PER_RAD,
    };
  });
}

/**
 * Splits a track (longitudes in [−180, 180]) into pieces that never jump across the map: where consecutive
 * points are more than 180° apart in longitude, the track crossed the antimeridian; the piece ends at ±180°
 * and the next starts at ∓180°, both at the crossing latitude.
 */
export function splitAtAntimeridian(points: readonly GeoPoint[]): GeoPoint[][] {
  const pieces: GeoPoint[][] = [];
  let cur: GeoPoint[] = [];
  points.forEach((p, i) => {
    const q = points[i - 1];
    if (q && Math.abs(p.lon_deg - q.lon_deg) > 180) {
      // Eastward crossing (q near +180, p near −180): unwrap p by +360, and the reverse.
      const east = q.lon_deg > p.lon_deg;
      const edge = east ? 180 : -180;
      const pUnwrapped = p.lon_deg + (east ? 360 : -360);
      // q at +180° and p at −180° (or the reverse) are on one meridian: the crossing is at q (0/0 otherwise).
      const f = pUnwrapped === q.lon_deg ? 0 : (edge - q.lon_deg) / (pUnwrapped - q.lon_deg);
      const lat = q.lat_deg + f * (p.lat_deg - q.lat_deg);
      cur.push({ lon_deg: edge, lat_deg: lat });
      pieces.push(cur);
      cur = [{ lon_deg: -edge, lat_deg: lat }];
    }
    cur.push(p);
  });
  if (cur.length) pieces.push(cur);
  return pieces.filter((c) => c.length > 1);
}

/** Most planes of one shell whose tracks are drawn; a shell with more draws this many, evenly spaced. */
export const MAX_TRACK_PLANES = 24;

/** The plane indices drawn of a shell with `planes` planes: all of them, or MAX_TRACK_PLANES evenly spaced. */
export function drawnPlanes(planes: number): number[] {
  const n = Math.min(planes, MAX_TRACK_PLANES);
  return Array.from({ length: n }, (_, k) => Math.floor((k * planes) / n));
}

export interface GroundTrackInput {
  readonly tracks: readonly { readonly shell: string; readonly plane: number; readonly points: readonly GeoPoint[] }[];
  /** Planes of each shell, by shell name (the subtitle says how many of them are drawn). */
  readonly planesPerShell: Readonly<Record<string, number>>;
  /** Coastline polylines (longitude in [−180, 180]); none drawn when empty. */
  readonly coastlines: readonly (readonly GeoPoint[])[];
  readonly stations: readonly { readonly name: string; readonly lon_deg: number; readonly lat_deg: number }[];
  /** Duration of the drawn tracks [s] and the sample step [s] (for the subtitle). */
  readonly duration_s: number;
  readonly step_s: number;
}

/**
 * A station's name up to its first comma or parenthesis: `KSAT Svalbard Satellite Station (SvalSat), …` → `KSAT
 * Svalbard Satellite Station`.
 */
export const shortStationName = (name: string): string => name.split(/[,(]/)[0]!.trim() || name;

const W = 720,
  H = 360;

/** Map position [px] of a longitude and a latitude [deg] on the equirectangular map. */
const mapX = (lon: number): number => ((lon + 180) / 360) * W,
  mapY = (lat: number): number => ((90 - lat) / 180) * H;

/**
 * Station labels placed clear of the markers and the tracks; those that do not fit are placed again allowed to cross a
 * track; any still without room are left out.
 */
function placeStationLabels(
  station: readonly { lon: number; lat: number; name: string }[],
  lines: readonly (readonly GeoPoint[])[],
) {
  // Labels keep clear of the station markers and, where they can, of the tracks (else they may cross a track).
  const around = (lon: number, lat: number, r: number): Box => ({
    x0: mapX(lon) - r,
    y0: mapY(lat) - r,
    x1: mapX(lon) + r,
    y1: mapY(lat) + r,
  });
  const markers = station.map((s) => around(s.lon, s.lat, 4));
  const trackBoxes = lines.flatMap((l) => l.map((p) => around(p.lon_deg, p.lat_deg, 2)));
  const requests = station.map((s) => ({ x: mapX(s.lon), y: mapY(s.lat), text: shortStationName(s.name) }));
  const clear = placeLabels(requests, W, H, 10, 5, [...markers, ...trackBoxes]);
  const rest = requests.filter((_, i) => !clear.some((l) => l.index === i));
  const crossing = placeLabels(rest, W, H, 10, 5, [...markers, ...clear.map((l) => labelBox(l))]).map((l) => ({
    ...l,
    index: requests.indexOf(rest[l.index]!),
  }));
  return { placed: [...clear, ...crossing], requests };
}

/** Which planes of each shell are drawn: `low: all 60 planes; dawn-dusk: 24 of 40 planes, evenly spaced`. */
function planesLine(input: GroundTrackInput): string {
  return Object.entries(input.planesPerShell)
    .map(([shell, planes]) => {
      const drawn = new Set(input.tracks.filter((t) => t.shell === shell).map((t) => t.plane)).size;
      return drawn === planes
        ? `${shell}: all ${planes} plane(s)`
        : `${shell}: ${drawn} of ${planes} planes, evenly spaced in RAAN`;
    })
    .join('; ');
}

/** Polylines of longitude and latitude as the chart's x and y points. */
const xy = (lines: readonly (readonly GeoPoint[])[]) =>
  lines.map((l) => ({ points: l.map((p) => ({ x: p.lon_deg, y: p.lat_deg })) }));

/** The marks on the map: coastlines, tracks by shell colour, track starts, stations and their labels. */
function mapMarks(input: GroundTrackInput, names: readonly string[]): { marks: Mark[]; dropped: number } {
  const colorOf = (shell: string): string => PALETTE[names.indexOf(shell) % PALETTE.length]!;
  const tracks = input.tracks.map((t) => ({ shell: t.shell, pieces: splitAtAntimeridian(t.points) }));
  const station = input.stations.map((s) => ({ lon: s.lon_deg, lat: s.lat_deg, name: s.name }));
  const labels = placeStationLabels(
    station,
    tracks.flatMap((t) => t.pieces),
  );
  const marks: Mark[] = [
    { type: 'paths', paths: xy(input.coastlines.flatMap(splitAtAntimeridian)), color: '#999', width: 0.7 },
    ...names.map((n): Mark => ({
      type: 'paths',
      paths: xy(tracks.filter((t) => t.shell === n).flatMap((t) => t.pieces)),
      color: colorOf(n),
      opacity: 0.75,
    })),
    ...names.map((n): Mark => ({
      type: 'dots',
      points: input.tracks
        .filter((t) => t.shell === n && t.points.length)
        .map((t) => ({ x: t.points[0]!.lon_deg, y: t.points[0]!.lat_deg })),
      color: colorOf(n),
      area: 14,
      stroke: 'white',
    })),
    {
      type: 'dots',
      points: station.map((s) => ({ x: s.lon, y: s.lat })),
      color: '#333',
      shape: 'triangle-up',
      area: 20,
      opacity: 0.7,
    },
    {
      type: 'text',
      labels: placedTextLabels(labels.placed, labels.requests, (i) => ({ x: station[i]!.lon, y: station[i]!.lat })),
      color: '#333',
      size: 10,
    },
  ];
  return { marks, dropped: station.length - labels.placed.length };
}

/** Every 30° from −max to max [deg]. */
const every30 = (max: number): number[] => Array.from({ length: (2 * max) / 30 + 1 }, (_, k) => -max + 30 * k);

/**
 * Tracks on an equirectangular world map (graticule every 30°), the track starts marked, stations labelled without
 * overlaps; the scene of the chart as well as its SVG.
 */
export function groundTrackChart(input: GroundTrackInput): Drawn {
  const names = [...new Set(input.tracks.map((t) => t.shell))];
  const { marks, dropped } = mapMarks(input, names);
  return drawn({
    title: 'Ground tracks of the planes of each shell',
    subtitle: [
      planesLine(input),
      `${fmt(input.duration_s / 3600)} h from the epoch, SGP4 every ${fmt(input.step_s)} s; circle: a plane's position at the epoch; ` +
        `triangles: gateways${dropped ? ` (${dropped} label(s) left out for space)` : ''}` +
        (input.coastlines.length ? '; coastlines: Natural Earth 1:110m' : '; no coastlines'),
    ],
    width: W,
    height: H,
    x: { title: 'longitude [deg]', domain: [-180, 180], values: every30(180) },
    y: { title: 'latitude [deg]', domain: [-90, 90], values: every30(90) },
    marks,
    legends: [
      {
        title: 'shell',
        entries: names.map((n) => ({ name: n, color: PALETTE[names.indexOf(n) % PALETTE.length]!, symbol: 'circle' })),
      },
    ],
  });
}

export function groundTrackSvg(input: GroundTrackInput): string {
  return groundTrackChart(input).svg;
}
