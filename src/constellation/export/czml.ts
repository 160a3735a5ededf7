/**
 * CZML for Cesium (the CZML guide and packet reference of the Cesium project, github.com/AnalyticalGraphicsInc/czml-
 * writer/wiki): a document packet with the clock over the span and a description of what the scene holds, then one
 * packet per satellite, its position a sampled property in Cesium's FIXED (Earth-fixed) frame [m] with Lagrange
 * interpolation and its orbit path (one period, half behind and half ahead), one per ground station
 * (cartographicDegrees) and one polyline per inter-satellite link on at the window's first instant between two
 * satellites shown, its ends referencing their positions. Written packet by packet: memory does not grow with the
 * satellites (links are walked one shell at a time, no link graph built).
 * Positions: satellite.js `sgp4` of each satellite's OMM record (TEME), rotated to Earth-fixed by GMST (satellite.js
 * `gstime`, IAU-82) as satellite.js `eciToEcf` does; polar motion neglected (≤ 15 m), so FIXED differs from ITRF by
 * the equation of the equinoxes and polar motion (tens of metres at most).
 * Which satellites: the caller's selection (satelliteSelection.ts; the default a `sceneSubset` of at most about a
 * thousand, the number beyond which viewers stutter), said in the document's description.
 * Derivation and conventions: docs/constellations.md §"Hand-off to other tools".
 */
import { satelliteJs } from '../../base/satelliteJs.js';
import { rad_to_deg } from '../../base/convert.js';
import { EARTH_MU_m3_s2, EARTH_RADIUS_m } from '../../base/constants.js';
import type { ConstellationSpec } from '../design/compile.js';
import type { ConstellationTopology, ShellGeometrySpec } from '../design/types.js';
import { ommRecord } from '../geometry/propagate.js';
import {
  chunker,
  DEFAULT_CHUNK_CHARS,
  epochMs,
  satelliteName,
  satelliteRecords,
  type ExportableConstellation,
  type ExportOptions,
  type SatelliteRecord,
} from './exportSatellites.js';
import { forEachInstantLink } from './networkFiles.js';
import { oemTimes_s } from './oem.js';
import type { SatellitePredicate } from './satelliteSelection.js';

/** The ground stations and links a scene draws (a node's one satellite has neither). */
export interface CzmlNetwork {
  readonly stations: readonly Pick<
    ConstellationSpec['stations'][number],
    'name' | 'latitude_rad' | 'longitude_rad' | 'altitude_m'
  >[];
  /**
   * Visits the links of a shell on at the epoch, as its node indices u < v (plane · satsPerPlane + slot); none
   * without a pair of shown satellites that could be linked (`shown`), so a sparse scene never walks a large shell.
   */
  forEachLinkOfShell(shellIndex: number, shown: SatellitePredicate, visit: (u: number, v: number) => void): void;
}

/**
 * Whether two shown satellites of a shell could share a link: ring, grid and mesh links join neighbouring slots of a
 * plane or satellites of neighbouring planes; cluster links any two within range.
 */
function mayLink(
  g: Readonly<ShellGeometrySpec>,
  topology: ConstellationTopology,
  shellIndex: number,
  shown: SatellitePredicate,
): boolean {
  if (topology === 'none') return false;
  const planeShown = new Uint8Array(g.planes);
  let adjacentSlots = false;
  for (let plane = 0; plane < g.planes; plane++)
    for (let slot = 0; slot < g.satsPerPlane; slot++)
      if (shown({ shellIndex, plane, slot })) {
        planeShown[plane] = 1;
        const next = (slot + 1) % g.satsPerPlane;
        adjacentSlots ||= next !== slot && shown({ shellIndex, plane, slot: next });
      }
  if (topology === 'cluster') return planeShown.includes(1);
  if (adjacentSlots) return true;
  for (let p = 0; p < g.planes; p++) {
    const q = (p + 1) % g.planes;
    if (q !== p && planeShown[p] === 1 && planeShown[q] === 1) return true;
  }
  return false;
}

/**
 * Links per satellite at most, by topology (each link shared by two satellites): ring 2/2, +Grid 4/2, mesh (+Grid and
 * diagonals) 8/2; cluster links join any two within range, at most the cluster's other members: bounded here by 8/2.
 */
const LINKS_PER_SATELLITE: Readonly<Record<ConstellationTopology, number>> = {
  none: 0,
  ring: 1,
  grid: 2,
  mesh: 4,
  cluster: 4,
};

/** At most how many links a scene showing `shown` draws (for its size estimate; no graph is built). */
export function sceneLinkBound(spec: ConstellationSpec, shown: SatellitePredicate): number {
  let links = 0;
  for (const [shellIndex, { geometry: g, topology }] of spec.shells.entries()) {
    if (!mayLink(g, topology, shellIndex, shown)) continue;
    let n = 0;
    for (let plane = 0; plane < g.planes; plane++)
      for (let slot = 0; slot < g.satsPerPlane; slot++) if (shown({ shellIndex, plane, slot })) n++;
    links += n * LINKS_PER_SATELLITE[topology];
  }
  return links;
}

/** A constellation's stations and its links on at the window's first instant. */
export const constellationNetwork = (spec: ConstellationSpec): CzmlNetwork => ({
  stations: spec.stations,
  forEachLinkOfShell: (i, shown, visit) => {
    const s = spec.shells[i]!;
    if (mayLink(s.geometry, s.topology, i, shown)) forEachInstantLink(spec, i, 0, visit);
  },
});

export interface CzmlOptions extends ExportOptions {
  readonly span_s: number;
  readonly step_s: number;
  /** Which satellites (satelliteSelection.ts). */
  readonly select: SatellitePredicate;
  /** What the scene holds, for the document's description (e.g. how the subset was chosen). */
  readonly description: string;
}

/** CZML packet id of a satellite (its name), referenced by the links. */
const satId = (name: string): string => `sat/${name}`;

/** Colours of the shells' satellites and paths, in turn (RGBA). */
const SHELL_COLOURS = [
  [255, 200, 0],
  [0, 220, 120],
  [255, 110, 200],
  [120, 170, 255],
  [255, 140, 40],
  [190, 120, 255],
] as const;

/** A satellite's packet: SGP4 positions (TEME) rotated to Earth-fixed by GMST, [m] to the millimetre; its path. */
function satellitePacket(
  s: Readonly<SatelliteRecord>,
  epochIso: string,
  interval: string,
  times: readonly number[],
  gmst: readonly number[],
  bstar: number,
): object {
  const { json2satrec, sgp4, eciToEcf } = satelliteJs();
  const rec = json2satrec({
    ...ommRecord(s.elements, epochIso, { name: s.name, objectId: s.objectId, noradId: s.catalogNumber }),
    BSTAR: bstar,
  });
  const cartesian: number[] = [];
  const mm = (km: number): number => Math.round(km * 1e6) / 1e3;
  for (const [k, t] of times.entries()) {
    const pv = sgp4(rec, t / 60);
    if (pv === null) throw new RangeError(`SGP4 failed for ${s.name} at ${t} s from the epoch (decayed?)`);
    const f = eciToEcf(pv.position, gmst[k]!);
    cartesian.push(t, mm(f.x), mm(f.y), mm(f.z));
  }
  const period_s = 2 * Math.PI * Math.sqrt((EARTH_RADIUS_m + s.elements.altitude_m) ** 3 / EARTH_MU_m3_s2);
  const rgb = SHELL_COLOURS[s.shellIndex % SHELL_COLOURS.length]!;
  return {
    id: satId(s.name),
    name: s.name,
    description: `${s.shell} plane ${s.plane} slot ${s.slot}; NORAD_CAT_ID ${s.catalogNumber}, OBJECT_ID ${s.objectId} (placeholders)`,
    availability: interval,
    position: {
      epoch: epochIso,
      referenceFrame: 'FIXED',
      interpolationAlgorithm: 'LAGRANGE',
      interpolationDegree: Math.min(5, times.length - 1),
      cartesian,
    },
    point: { pixelSize: 4, color: { rgba: [...rgb, 255] } },
    path: {
      show: true,
      width: 1,
      leadTime: Math.round(period_s / 2),
      trailTime: Math.round(period_s / 2),
      resolution: Math.max(60, times[1]! - times[0]!),
      material: { solidColor: { color: { rgba: [...rgb, 110] } } },
    },
  };
}

/** The polyline of a link between two satellites shown. */
export const linkPacket = (a: string, b: string): object => ({
  id: `isl/${a}/${b}`,
  name: `link ${a} – ${b} (on at the epoch)`,
  polyline: {
    positions: { references: [`${satId(a)}#position`, `${satId(b)}#position`] },
    width: 1,
    material: { solidColor: { color: { rgba: [0, 200, 255, 160] } } },
  },
});

/** The scene as one CZML document (a JSON array), streamed packet by packet. */
export function writeCzml(
  spec: Readonly<ExportableConstellation>,
  network: CzmlNetwork | null,
  sink: (chunk: string) => void,
  options: Readonly<CzmlOptions>,
): void {
  const { gstime } = satelliteJs();
  const times = oemTimes_s(options.span_s, options.step_s);
  const epoch_ms = epochMs(spec.window.epochIso);
  const epochIso = new Date(epoch_ms).toISOString();
  const interval = `${epochIso}/${new Date(epoch_ms + times.at(-1)! * 1000).toISOString()}`;
  const out = chunker(sink, options.chunkChars ?? DEFAULT_CHUNK_CHARS);
  const clock = { interval, currentTime: epochIso, multiplier: 60, range: 'LOOP_STOP' };
  const doc = { id: 'document', name: spec.name, version: '1.0', description: options.description, clock };
  out.push(`[\n${JSON.stringify(doc)}`);
  const jd0 = epoch_ms / 86_400_000 + 2_440_587.5; // Julian date of the Unix epoch
  const gmst = times.map((t) => gstime(jd0 + t / 86_400));
  let shown = 0;
  for (const s of satelliteRecords(spec, options.catalogBase)) {
    if (!options.select(s)) continue;
    const bstar = options.bstar_per_earth_radius?.[s.shellIndex] ?? 0;
    out.push(`,\n${JSON.stringify(satellitePacket(s, epochIso, interval, times, gmst, bstar))}`);
    shown++;
  }
  if (shown === 0) throw new RangeError('the satellite selection matches no satellite');
  if (network === null) {
    out.push('\n]\n');
    out.flush();
    return;
  }
  for (const [shellIndex, { geometry: g }] of spec.shells.entries()) {
    const at = (u: number) => ({ shellIndex, plane: Math.floor(u / g.satsPerPlane), slot: u % g.satsPerPlane });
    const name = (u: number): string => satelliteName(spec.name, g.name, at(u).plane, at(u).slot);
    network.forEachLinkOfShell(shellIndex, options.select, (u, v) => {
      if (options.select(at(u)) && options.select(at(v)))
        out.push(`,\n${JSON.stringify(linkPacket(name(u), name(v)))}`);
    });
  }
  for (const st of network.stations)
    out.push(
      `,\n${JSON.stringify({
        id: `station/${st.name}`,
        name: st.name,
        position: { cartographicDegrees: [rad_to_deg(st.longitude_rad), rad_to_deg(st.latitude_rad), st.altitude_m] },
        point: { pixelSize: 8, color: { rgba: [255, 60, 60, 255] } },
      })}`,
    );
  out.push('\n]\n');
  out.flush();
}
