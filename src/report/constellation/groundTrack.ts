/**
 * Ground tracks: sub-satellite points of every plane of each shell (at most MAX_TRACK_PLANES per shell, evenly spaced
 * in plane index, so in RAAN) on an equirectangular (plate carrée) map with a 30° graticule, the coastlines and the
 * gateway stations. Each plane's representative satellite is propagated with SGP4
 * (propagate.ts `propagatePlane`), its TEME position rotated to Earth-fixed by GMST (`temeToEarthFixed`), and
 * the point's longitude λ = atan2(y, x) and geocentric latitude φ = atan2(z, √(x² + y²)) taken (Vallado 2013
 * §3.2: geocentric, not geodetic, latitude; the two differ by at most 0.19° on the WGS-84 ellipsoid, below a
 * pixel here). Tracks are split where they cross the antimeridian, at the latitude interpolated linearly in
 * unwrapped longitude, so no line is drawn across the map. Coastlines: Natural Earth 1:110m land boundaries
 * (public domain; designs/maps/README.md), read by the caller and passed in as polylines.
 */
import { planeElements } from '../../constellation/geometry/pattern.js';
import { propagatePlane, temeToEarthFixed } from '../../constellation/geometry/propagate.js';
import type { SamplingWindow, ShellGeometrySpec } from '../../constellation/design/types.js';
import { fmt } from '../../base/numberFormat.js';
import { renderPlotSvg } from './constellationPlotsSeries.js';
import { PALETTE } from '../plots/plots.js';
import { labelBox, placeLabels, type Box } from '../plots/labelPlacement.js';

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
      const f = (edge - q.lon_deg) / (pUnwrapped - q.lon_deg);
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
const px = (lon: number): number => ((lon + 180) / 360) * W,
  py = (lat: number): number => ((90 - lat) / 180) * H;

/** Meridians every 30° and parallels every 30° up to ±60°, as two-point lines. */
function graticule(): { id: string; o: number; lon: number; lat: number }[] {
  return [
    ...[-150, -120, -90, -60, -30, 0, 30, 60, 90, 120, 150].flatMap((lon) =>
      [0, 1].map((o) => ({ id: `m${lon}`, o, lon, lat: o ? 90 : -90 })),
    ),
    ...[-60, -30, 0, 30, 60].flatMap((lat) => [0, 1].map((o) => ({ id: `p${lat}`, o, lon: o ? 180 : -180, lat }))),
  ];
}

/**
 * Station labels placed clear of the markers and the tracks; those that do not fit are placed again allowed to cross a
 * track; any still without room are left out.
 */
function placeStationLabels(
  station: readonly { lon: number; lat: number; name: string }[],
  lines: readonly { lon: number; lat: number }[],
) {
  // Labels keep clear of the station markers and, where they can, of the tracks (else they may cross a track).
  const around = (lon: number, lat: number, r: number): Box => ({
    x0: px(lon) - r,
    y0: py(lat) - r,
    x1: px(lon) + r,
    y1: py(lat) + r,
  });
  const markers = station.map((s) => around(s.lon, s.lat, 4));
  const trackBoxes = lines.map((p) => around(p.lon, p.lat, 2));
  const requests = station.map((s) => ({ x: px(s.lon), y: py(s.lat), text: shortStationName(s.name) }));
  const clear = placeLabels(requests, W, H, 10, 5, [...markers, ...trackBoxes]);
  const rest = requests.filter((_, i) => !clear.some((l) => l.index === i));
  const crossing = placeLabels(rest, W, H, 10, 5, [...markers, ...clear.map((l) => labelBox(l))]).map((l) => ({
    ...l,
    index: requests.indexOf(rest[l.index]!),
  }));
  return [...clear, ...crossing];
}

/** A map axis over [-max, max] degrees with a tick every `step`. */
const mapAxis = (title: string, field: string, step: number, max: number): object => ({
  field,
  type: 'quantitative',
  title,
  scale: { domain: [-max, max], nice: false },
  axis: { values: Array.from({ length: (2 * max) / step + 1 }, (_, k) => -max + k * step), grid: false },
});

/** One text layer per placed station label, offset from its station as placed. */
function stationLabelLayers(
  labels: ReturnType<typeof placeStationLabels>,
  station: readonly { lon: number; lat: number; name: string }[],
  x: object,
  y: object,
): Record<string, unknown>[] {
  return labels.map((l) => {
    const st = station[l.index]!;
    return {
      data: { values: [{ lon: st.lon, lat: st.lat, t: l.text }] },
      mark: {
        type: 'text',
        align: l.align,
        baseline: l.baseline,
        fontSize: 10,
        color: '#333',
        dx: l.x - px(st.lon),
        dy: l.y - py(st.lat),
      },
      encoding: { x, y, text: { field: 't' } },
    };
  });
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

/** The graticule, the coastlines (grey, when given) and the tracks (in their shell's colour), bottom to top. */
function lineLayers(
  rows: { grid: readonly object[]; coast: readonly object[]; lines: readonly object[] },
  x: object,
  y: object,
  color: object,
): Record<string, unknown>[] {
  const pieces = { detail: { field: 'id', type: 'nominal' }, order: { field: 'o', type: 'quantitative' } };
  const layer = (values: readonly object[], mark: object, extra: object = {}): Record<string, unknown> => ({
    data: { values },
    mark: { type: 'line', ...mark },
    encoding: { x, y, ...extra, ...pieces },
  });
  return [
    layer(rows.grid, { color: '#ddd', strokeWidth: 0.8 }),
    ...(rows.coast.length ? [layer(rows.coast, { color: '#999', strokeWidth: 0.7 })] : []),
    layer(rows.lines, { strokeWidth: 1, opacity: 0.75 }, { color }),
  ];
}

/**
 * Tracks on an equirectangular world map (graticule every 30°), the track starts marked, stations labelled without
 * overlaps.
 */
export async function groundTrackSvg(input: GroundTrackInput): Promise<string> {
  const names = [...new Set(input.tracks.map((t) => t.shell))];
  const lines = input.tracks.flatMap((t, i) =>
    splitAtAntimeridian(t.points).flatMap((piece, k) =>
      piece.map((p, o) => ({ s: t.shell, id: `${i}-${k}`, o, lon: p.lon_deg, lat: p.lat_deg })),
    ),
  );
  const coast = input.coastlines.flatMap((line, i) =>
    splitAtAntimeridian(line).flatMap((piece, k) =>
      piece.map((p, o) => ({ id: `c${i}-${k}`, o, lon: p.lon_deg, lat: p.lat_deg })),
    ),
  );
  const starts = input.tracks
    .filter((t) => t.points.length)
    .map((t) => ({ s: t.shell, lon: t.points[0]!.lon_deg, lat: t.points[0]!.lat_deg }));
  const grid = graticule();
  const station = input.stations.map((s) => ({ lon: s.lon_deg, lat: s.lat_deg, name: s.name }));
  const labels = placeStationLabels(station, lines);
  const dropped = station.length - labels.length;
  const x = mapAxis('longitude [deg]', 'lon', 60, 180),
    y = mapAxis('latitude [deg]', 'lat', 30, 90);
  const color = {
    field: 's',
    type: 'nominal',
    title: 'shell',
    scale: { domain: names, range: PALETTE },
    legend: { orient: 'bottom' },
  };
  return renderPlotSvg(
    {
      width: W,
      height: H,
      title: {
        text: 'Ground tracks of the planes of each shell',
        subtitle: [
          planesLine(input),
          `${fmt(input.duration_s / 3600)} h from the epoch, SGP4 every ${fmt(input.step_s)} s; circle: a plane's position at the epoch; ` +
            `triangles: gateways${dropped ? ` (${dropped} label(s) left out for space)` : ''}` +
            (input.coastlines.length ? '; coastlines: Natural Earth 1:110m' : '; no coastlines'),
        ],
      },
      layer: [
        ...lineLayers({ grid, coast, lines }, x, y, color),
        {
          data: { values: starts },
          mark: { type: 'circle', size: 18, opacity: 1, stroke: 'white', strokeWidth: 0.5 },
          encoding: { x, y, color },
        },
        {
          data: { values: station },
          mark: { type: 'point', shape: 'triangle-up', size: 45, filled: true, color: '#333' },
          encoding: { x, y },
        },
        ...stationLabelLayers(labels, station, x, y),
      ],
    },
    'ground-track',
  );
}
