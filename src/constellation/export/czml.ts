/**
 * CZML for Cesium (the CZML guide and packet reference of the Cesium project, github.com/AnalyticalGraphicsInc/czml-
 * writer/wiki): a document packet with the clock over the span, then one packet per satellite, its position a sampled
 * property in Cesium's FIXED (Earth-fixed) frame [m] with Lagrange interpolation, one per ground station
 * (cartographicDegrees) and one polyline per inter-satellite link on at the window's first instant, its ends
 * referencing the two satellites' positions.
 * Positions: satellite.js `sgp4` of each satellite's OMM record (TEME), rotated to Earth-fixed by GMST (satellite.js
 * `gstime`, IAU-82) as satellite.js `eciToEcf` does; polar motion neglected (≤ 15 m), so FIXED differs from ITRF by
 * the equation of the equinoxes and polar motion (tens of metres at most).
 * Default: a representative subset (plane P0 of every shell, the links among its satellites, the stations), since
 * viewers stutter beyond about a thousand animated satellites; `full` for every satellite and link.
 * Derivation and conventions: docs/constellations.md §"Hand-off to other tools".
 */
import { satelliteJs } from '../../base/satelliteJs.js';
import { rad_to_deg } from '../../base/convert.js';
import type { ConstellationSpec } from '../design/compile.js';
import { ommRecord } from '../geometry/propagate.js';
import {
  chunker,
  DEFAULT_CHUNK_CHARS,
  epochMs,
  satelliteRecords,
  type ExportOptions,
  type SatelliteRecord,
} from './exportSatellites.js';
import { instantLinks } from './networkFiles.js';
import { oemTimes_s } from './oem.js';
import type { SatellitePredicate } from './satelliteSelection.js';

export interface CzmlOptions extends ExportOptions {
  readonly span_s: number;
  readonly step_s: number;
  /** Which satellites; default plane P0 of every shell (or all with `full`). */
  readonly select?: SatellitePredicate;
  readonly full: boolean;
}

/** CZML packet id of a satellite (its name), referenced by the links. */
const satId = (name: string): string => `sat/${name}`;

/** A satellite's packet: SGP4 positions (TEME) rotated to Earth-fixed by GMST, [m] to the millimetre. */
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
  return {
    id: satId(s.name),
    name: s.name,
    description: `${s.shell} plane ${s.plane} slot ${s.slot}; NORAD_CAT_ID ${s.catalogNumber} (placeholder)`,
    availability: interval,
    position: {
      epoch: epochIso,
      referenceFrame: 'FIXED',
      interpolationAlgorithm: 'LAGRANGE',
      interpolationDegree: Math.min(5, times.length - 1),
      cartesian,
    },
    point: { pixelSize: 4, color: { rgba: [255, 200, 0, 255] } },
  };
}

/** Polylines of the links on at the epoch between chosen satellites, then the ground stations' points. */
function linkAndStationPackets(spec: Readonly<ConstellationSpec>, names: ReadonlyMap<number, string>): object[] {
  const packets: object[] = [];
  for (const l of instantLinks({ ...spec, snapshots: 1 })) {
    const a = names.get(l.a),
      b = names.get(l.b);
    if (a !== undefined && b !== undefined)
      packets.push({
        id: `isl/${l.a}-${l.b}`,
        name: `link ${a} – ${b} (on at the epoch)`,
        polyline: {
          positions: { references: [`${satId(a)}#position`, `${satId(b)}#position`] },
          width: 1,
          material: { solidColor: { color: { rgba: [0, 200, 255, 160] } } },
        },
      });
  }
  for (const st of spec.stations)
    packets.push({
      id: `station/${st.name}`,
      name: st.name,
      position: { cartographicDegrees: [rad_to_deg(st.longitude_rad), rad_to_deg(st.latitude_rad), st.altitude_m] },
      point: { pixelSize: 8, color: { rgba: [255, 60, 60, 255] } },
    });
  return packets;
}

/** The scene as one CZML document (a JSON array), streamed. */
export function writeCzml(
  spec: Readonly<ConstellationSpec>,
  sink: (chunk: string) => void,
  options: Readonly<CzmlOptions>,
): void {
  const { gstime } = satelliteJs();
  const times = oemTimes_s(options.span_s, options.step_s);
  const epoch_ms = epochMs(spec.window.epochIso);
  const epochIso = new Date(epoch_ms).toISOString();
  const interval = `${epochIso}/${new Date(epoch_ms + times.at(-1)! * 1000).toISOString()}`;
  const select: SatellitePredicate = options.select ?? (options.full ? () => true : (s) => s.plane === 0);
  const out = chunker(sink, options.chunkChars ?? DEFAULT_CHUNK_CHARS);
  const clock = { interval, currentTime: epochIso, multiplier: 60, range: 'LOOP_STOP' };
  out.push(`[\n${JSON.stringify({ id: 'document', name: spec.name, version: '1.0', clock })}`);
  const jd0 = epoch_ms / 86_400_000 + 2_440_587.5; // Julian date of the Unix epoch
  const gmst = times.map((t) => gstime(jd0 + t / 86_400));
  const names = new Map<number, string>();
  for (const s of satelliteRecords(spec, options.catalogBase)) {
    if (!select(s)) continue;
    names.set(s.index, s.name);
    const bstar = options.bstar_per_earth_radius?.[s.shellIndex] ?? 0;
    out.push(`,\n${JSON.stringify(satellitePacket(s, epochIso, interval, times, gmst, bstar))}`);
  }
  if (names.size === 0) throw new RangeError('the satellite selection matches no satellite');
  for (const p of linkAndStationPackets(spec, names)) out.push(`,\n${JSON.stringify(p)}`);
  out.push('\n]\n');
  out.flush();
}
