/**
 * CCSDS Orbit Ephemeris Message (OEM) in KVN, CCSDS 502.0-B-3 (2023) §5 and §7, or in XML (CCSDS 505.0-B-3): one
 * header (CCSDS_OEM_VERS 3.0, CREATION_DATE, ORIGINATOR, COMMENTs stating the numbering policy and the source of the
 * states), then per selected
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
import { xmlText } from './ommXml.js';
import {
  catalogBaseOf,
  chunker,
  DEFAULT_CHUNK_CHARS,
  epochMs,
  numberingComment,
  satelliteRecords,
  sgp4MeanOnly,
  type ExportableConstellation,
  type ExportOptions,
  type SatelliteRecord,
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

/** How one layout writes the message's parts (KVN: 502.0-B-3 §5; XML: 505.0-B-3, the OEM element names). */
interface OemLayout {
  head(comments: readonly string[], created: string): string;
  meta(fields: readonly (readonly [string, string])[]): string;
  state(epoch: string, values: readonly string[]): string;
  segmentEnd: string;
  tail: string;
}

const STATE_KEYS = ['X', 'Y', 'Z', 'X_DOT', 'Y_DOT', 'Z_DOT'];
const LAYOUTS: Record<'kvn' | 'xml', OemLayout> = {
  kvn: {
    head: (comments, created) =>
      `CCSDS_OEM_VERS = 3.0\n${comments.map((c) => `COMMENT ${c}\n`).join('')}` +
      `CREATION_DATE = ${created}\nORIGINATOR = odc\n`,
    meta: (fields) => `\nMETA_START\n${fields.map(([k, v]) => `${k} = ${v}\n`).join('')}META_STOP\n\n`,
    state: (epoch, values) => `${epoch} ${values.join(' ')}\n`,
    segmentEnd: '',
    tail: '',
  },
  xml: {
    head: (comments, created) =>
      `<?xml version="1.0" encoding="UTF-8"?>\n<oem id="CCSDS_OEM_VERS" version="3.0">\n<header>` +
      `${comments.map((c) => `<COMMENT>${xmlText(c)}</COMMENT>`).join('')}<CREATION_DATE>${created}</CREATION_DATE>` +
      `<ORIGINATOR>odc</ORIGINATOR></header>\n<body>\n`,
    meta: (fields) =>
      `<segment><metadata>${fields.map(([k, v]) => `<${k}>${xmlText(v)}</${k}>`).join('')}</metadata><data>\n`,
    state: (epoch, values) =>
      `<stateVector><EPOCH>${epoch}</EPOCH>${values.map((v, i) => `<${STATE_KEYS[i]}>${v}</${STATE_KEYS[i]}>`).join('')}` +
      `</stateVector>\n`,
    segmentEnd: '</data></segment>\n',
    tail: '</body>\n</oem>\n',
  },
};

/** Options of one OEM message of given satellites (no selection: the caller gives the records). */
export type OemMessageOptions = Omit<OemOptions, 'select'>;

/**
 * The selected satellites' SGP4 states as one OEM, KVN or XML (`layout`). Throws a RangeError when nothing is
 * selected.
 */
export function writeOem(
  spec: Readonly<ExportableConstellation>,
  sink: (chunk: string) => void,
  options: Readonly<OemOptions>,
  layout: 'kvn' | 'xml' = 'kvn',
): void {
  const base = catalogBaseOf(spec, options);
  function* selected(): Generator<SatelliteRecord> {
    for (const s of satelliteRecords(spec, base)) if (options.select(s)) yield s;
  }
  writeOemMessage(spec, selected(), sink, options, layout);
}

/** One OEM of the given satellites' SGP4 states, a segment each (throws a RangeError when there is none). */
export function writeOemMessage(
  spec: Readonly<ExportableConstellation>,
  records: Iterable<Readonly<SatelliteRecord>>,
  sink: (chunk: string) => void,
  options: Readonly<OemMessageOptions>,
  layout: 'kvn' | 'xml' = 'kvn',
): void {
  sgp4MeanOnly(options);
  const L = LAYOUTS[layout];
  const { json2satrec, sgp4 } = satelliteJs();
  const times = oemTimes_s(options.span_s, options.step_s);
  const base = catalogBaseOf(spec, options);
  const epoch_ms = epochMs(spec.window.epochIso);
  const epochIso = new Date(epoch_ms).toISOString();
  const degree = Math.min(OEM_INTERPOLATION_DEGREE, times.length - 1);
  const out = chunker(sink, options.chunkChars ?? DEFAULT_CHUNK_CHARS);
  const comments = [
    numberingComment(base),
    "states: SGP4 (satellite.js) of the satellites' OMM mean elements, frame TEME of date",
  ];
  out.push(L.head(comments, oemEpoch(epochMs(options.creationDate))));
  let written = 0;
  for (const s of records) {
    const omm = {
      ...ommRecord(s.elements, epochIso, { name: s.name, objectId: s.objectId, noradId: s.catalogNumber }),
      BSTAR: options.bstar_per_earth_radius?.[s.shellIndex] ?? 0,
    };
    const rec = json2satrec(omm);
    out.push(
      L.meta([
        ['OBJECT_NAME', s.name],
        ['OBJECT_ID', s.objectId],
        ['CENTER_NAME', 'EARTH'],
        ['REF_FRAME', 'TEME'],
        ['TIME_SYSTEM', 'UTC'],
        ['START_TIME', oemEpoch(epoch_ms)],
        ['STOP_TIME', oemEpoch(epoch_ms + times.at(-1)! * 1000)],
        ['INTERPOLATION', 'LAGRANGE'],
        ['INTERPOLATION_DEGREE', String(degree)],
      ]),
    );
    for (const t of times) {
      const pv = sgp4(rec, t / 60);
      if (pv === null) throw new RangeError(`SGP4 failed for ${s.name} at ${t} s from the epoch (decayed?)`);
      const { position: r, velocity: v } = pv;
      const values = [r.x, r.y, r.z].map((x) => x.toFixed(6)).concat([v.x, v.y, v.z].map((x) => x.toFixed(9)));
      out.push(L.state(oemEpoch(epoch_ms + t * 1000), values));
    }
    out.push(L.segmentEnd);
    written++;
  }
  if (written === 0) throw new RangeError('the satellite selection matches no satellite');
  out.push(L.tail);
  out.flush();
}
