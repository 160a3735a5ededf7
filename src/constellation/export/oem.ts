/**
 * CCSDS Orbit Ephemeris Message (OEM) in KVN, CCSDS 502.0-B-3 (2023) §5 and §7, or in XML (CCSDS 505.0-B-3): one
 * header (CCSDS_OEM_VERS 3.0, CREATION_DATE, ORIGINATOR, COMMENTs stating the numbering policy and the source of the
 * states), then per selected
 * satellite one segment: metadata (OBJECT_NAME, OBJECT_ID, CENTER_NAME EARTH, REF_FRAME TEME, TIME_SYSTEM UTC,
 * START_TIME, STOP_TIME, INTERPOLATION LAGRANGE, INTERPOLATION_DEGREE) and one state line per step: epoch, position
 * [km] and velocity [km/s].
 * States: satellite.js `sgp4` (Vallado, Crawford, Hujsak & Kelso, AIAA 2006-6753) of the satellite's OMM record, the
 * very elements and B* `--format omm` writes, so an OEM and an OMM of one export agree to SGP4's round-off. Frame:
 * TEME of date, SGP4's own output frame (SANA lists TEME), or EME2000 (what GMAT's and STK's ephemeris propagators
 * take), rotated by models/orbit/temeToEme2000.ts (IAU 2006/2000B, ~1 mas). Degree 7 Lagrange
 * interpolation between 60 s LEO states errs by millimetres. Streamed through a sink (any number of satellites).
 * Derivation and conventions: docs/constellations.md §"Satellite export".
 */
import { satelliteJs } from '../../base/satelliteJs.js';
import { rotate, temeToEme2000Matrix } from '../../models/orbit/temeToEme2000.js';
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
  /** REF_FRAME of the states (default TEME, SGP4's own). */
  readonly frame?: OemFrame;
}

/** The frames an OEM is written in: SGP4's TEME of date, or EME2000 (mean equator and equinox of J2000). */
export const OEM_FRAMES = ['TEME', 'EME2000'] as const;
export type OemFrame = (typeof OEM_FRAMES)[number];

/** The TEME → frame matrices at each time [s] from the epoch (null for TEME), kept for the next satellite. */
let frameCache: { key: string; matrices: ReturnType<typeof temeToEme2000Matrix>[] } | null = null;
function frameMatrices(frame: OemFrame, epoch_ms: number, times: readonly number[]) {
  if (frame === 'TEME') return null;
  const key = `${epoch_ms}/${times.join(',')}`;
  if (frameCache?.key !== key)
    frameCache = { key, matrices: times.map((t) => temeToEme2000Matrix(epoch_ms + t * 1000)) };
  return frameCache.matrices;
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

/** The header COMMENT saying where the states come from, per frame. */
const STATES_COMMENT: Record<OemFrame, string> = {
  TEME: "states: SGP4 (satellite.js) of the satellites' OMM mean elements, frame TEME of date",
  EME2000:
    "states: SGP4 (satellite.js) of the satellites' OMM mean elements, rotated from TEME of date to EME2000 " +
    '(GMST82 to true of date, IAU 2000B nutation, IAU 2006 precession; ~1 mas: 3.5 cm at 7,000 km)',
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
  const frame = options.frame ?? 'TEME';
  const matrices = frameMatrices(frame, epoch_ms, times);
  out.push(L.head([numberingComment(base), STATES_COMMENT[frame]], oemEpoch(epochMs(options.creationDate))));
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
        ['REF_FRAME', frame],
        ['TIME_SYSTEM', 'UTC'],
        ['START_TIME', oemEpoch(epoch_ms)],
        ['STOP_TIME', oemEpoch(epoch_ms + times.at(-1)! * 1000)],
        ['INTERPOLATION', 'LAGRANGE'],
        ['INTERPOLATION_DEGREE', String(degree)],
      ]),
    );
    for (const [k, t] of times.entries()) {
      const pv = sgp4(rec, t / 60);
      if (pv === null) throw new RangeError(`SGP4 failed for ${s.name} at ${t} s from the epoch (decayed?)`);
      const { position: p, velocity: u } = pv;
      const m = matrices?.[k];
      const r = m === undefined ? [p.x, p.y, p.z] : rotate(m, [p.x, p.y, p.z]);
      const v = m === undefined ? [u.x, u.y, u.z] : rotate(m, [u.x, u.y, u.z]);
      const values = r.map((x) => x.toFixed(6)).concat(v.map((x) => x.toFixed(9)));
      out.push(L.state(oemEpoch(epoch_ms + t * 1000), values));
    }
    out.push(L.segmentEnd);
    written++;
  }
  if (written === 0) throw new RangeError('the satellite selection matches no satellite');
  out.push(L.tail);
  out.flush();
}
