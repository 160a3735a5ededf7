/**
 * CCSDS Orbit Ephemeris Message (OEM) in KVN, CCSDS 502.0-B-3 (2023) §5 and §7: one header (CCSDS_OEM_VERS 3.0,
 * CREATION_DATE, ORIGINATOR, a COMMENT stating the numbering policy and the source of the states), then per selected
 * satellite one segment: metadata (OBJECT_NAME, OBJECT_ID, CENTER_NAME EARTH, REF_FRAME TEME, TIME_SYSTEM UTC,
 * START_TIME, STOP_TIME, INTERPOLATION LAGRANGE, INTERPOLATION_DEGREE) and one state line per step: epoch, position
 * [km] and velocity [km/s].
 * States: satellite.js `sgp4` (Vallado, Crawford, Hujsak & Kelso, AIAA 2006-6753) of the satellite's OMM record, the
 * very elements and B* `--format omm` writes, so an OEM and an OMM of one export agree to SGP4's round-off. Frame:
 * TEME of date, SGP4's own output frame (no conversion; SANA lists TEME as a reference frame). Degree 7 Lagrange
 * interpolation between 60 s LEO states errs by millimetres. Streamed through a sink (any number of satellites).
 * Derivation and conventions: docs/constellations.md §"Satellite export".
 */
import { satelliteJs } from '../../base/satelliteJs.js';
import { ommRecord } from '../geometry/propagate.js';
import {
  CATALOG_BASE,
  chunker,
  DEFAULT_CHUNK_CHARS,
  epochMs,
  numberingComment,
  satelliteRecords,
  sgp4MeanOnly,
  type ExportableConstellation,
  type ExportOptions,
} from './exportSatellites.js';
import type { SatellitePredicate } from './satelliteSelection.js';

/** Lagrange interpolation degree written (fewer states: one less than their number). */
export const OEM_INTERPOLATION_DEGREE = 7;

export interface OemOptions extends ExportOptions {
  readonly creationDate: string;
  /** Which satellites (satelliteSelection.ts). */
  readonly select: SatellitePredicate;
  /** Time span from the epoch [s] and step between states [s]. */
  readonly span_s: number;
  readonly step_s: number;
}

/** KVN/XML epoch text of a UTC instant [ms]: YYYY-MM-DDThh:mm:ss.sss (no zone: TIME_SYSTEM says UTC). */
export const oemEpoch = (ms: number): string => new Date(ms).toISOString().slice(0, -1);

/** Checks span and step: at least two states, a whole number of steps not required (the last ≤ span). */
export function oemTimes_s(span_s: number, step_s: number): number[] {
  if (!(step_s > 0 && Number.isFinite(step_s))) throw new RangeError(`OEM step must be > 0 s, got ${step_s}`);
  if (!(span_s >= step_s && Number.isFinite(span_s)))
    throw new RangeError(`OEM span (${span_s} s) must be at least one step (${step_s} s)`);
  const n = Math.floor(span_s / step_s + 1e-9) + 1;
  if (n > 1e6) throw new RangeError(`OEM span / step gives ${n} states per satellite; at most 1,000,000`);
  return Array.from({ length: n }, (_, k) => k * step_s);
}

/** The selected satellites' SGP4 states as one OEM (KVN). Throws a RangeError when nothing is selected. */
export function writeOem(
  spec: Readonly<ExportableConstellation>,
  sink: (chunk: string) => void,
  options: Readonly<OemOptions>,
): void {
  sgp4MeanOnly(options);
  const { json2satrec, sgp4 } = satelliteJs();
  const times = oemTimes_s(options.span_s, options.step_s);
  const base = options.catalogBase ?? CATALOG_BASE;
  const epoch_ms = epochMs(spec.window.epochIso);
  const epochIso = new Date(epoch_ms).toISOString();
  const degree = Math.min(OEM_INTERPOLATION_DEGREE, times.length - 1);
  const out = chunker(sink, options.chunkChars ?? DEFAULT_CHUNK_CHARS);
  out.push(
    `CCSDS_OEM_VERS = 3.0\nCOMMENT ${numberingComment(base)}\n` +
      `COMMENT states: SGP4 (satellite.js) of the satellites' OMM mean elements, frame TEME of date\n` +
      `CREATION_DATE = ${oemEpoch(epochMs(options.creationDate))}\nORIGINATOR = odc\n`,
  );
  let written = 0;
  for (const s of satelliteRecords(spec, base)) {
    if (!options.select(s)) continue;
    const omm = {
      ...ommRecord(s.elements, epochIso, { name: s.name, objectId: s.objectId, noradId: s.catalogNumber }),
      BSTAR: options.bstar_per_earth_radius?.[s.shellIndex] ?? 0,
    };
    const rec = json2satrec(omm);
    out.push(
      `\nMETA_START\nOBJECT_NAME = ${s.name}\nOBJECT_ID = ${s.objectId}\nCENTER_NAME = EARTH\nREF_FRAME = TEME\n` +
        `TIME_SYSTEM = UTC\nSTART_TIME = ${oemEpoch(epoch_ms)}\nSTOP_TIME = ${oemEpoch(epoch_ms + times.at(-1)! * 1000)}\n` +
        `INTERPOLATION = LAGRANGE\nINTERPOLATION_DEGREE = ${degree}\nMETA_STOP\n\n`,
    );
    for (const t of times) {
      const pv = sgp4(rec, t / 60);
      if (pv === null) throw new RangeError(`SGP4 failed for ${s.name} at ${t} s from the epoch (decayed?)`);
      const { position: r, velocity: v } = pv;
      out.push(
        `${oemEpoch(epoch_ms + t * 1000)} ${r.x.toFixed(6)} ${r.y.toFixed(6)} ${r.z.toFixed(6)} ` +
          `${v.x.toFixed(9)} ${v.y.toFixed(9)} ${v.z.toFixed(9)}\n`,
      );
    }
    written++;
  }
  if (written === 0) throw new RangeError('the satellite selection matches no satellite');
  out.flush();
}
