/**
 * CCSDS OMM in XML (NDM/XML, CCSDS 505.0-B-3; OMM content CCSDS 502.0-B-3 §4): one `<omm>` per satellite inside one
 * `<ndm>` combined instantiation, streamed through a sink so a 1,000,000-satellite constellation is never one string;
 * or (`ommMessage`) each satellite's `<omm>` as a document of its own, for single-message readers.
 * Each message: header (CREATION_DATE, ORIGINATOR; the first one a COMMENT stating the numbering policy), metadata
 * (OBJECT_NAME, OBJECT_ID, CENTER_NAME EARTH, REF_FRAME TEME, TIME_SYSTEM UTC, MEAN_ELEMENT_THEORY SGP4), mean elements
 * and TLE parameters: the same SGP4 mean elements and numbers as the JSON export (exportSatellites.ts `writeOmmJson`).
 * Elements without a namespace, as CelesTrak serves them and python-sgp4's `omm.parse_xml` reads them.
 * Derivation and conventions: docs/constellations.md §"Satellite export".
 */
import { ommRecord } from '../geometry/propagate.js';
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

/** Text of an XML element: & < > escaped (names come from the user's shell and constellation names). */
export const xmlText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `<K>v</K>` for each key of `record`. */
const tags = (record: Readonly<Record<string, unknown>>, keys: readonly string[]): string =>
  keys.map((k) => `<${k}>${xmlText(String(record[k]))}</${k}>`).join('');

/** What one `<omm>` message needs besides its satellite: numbering, epoch, creation date, B* per shell. */
export interface OmmXmlContext {
  readonly base: number;
  readonly epochIso: string;
  readonly created: string;
  readonly bstar: readonly number[] | undefined;
}

/** The context of an export's messages (checks the options as every OMM writer does). */
export function ommXmlContext(
  spec: Readonly<ExportableConstellation>,
  options: ExportOptions & { readonly creationDate: string },
): OmmXmlContext {
  sgp4MeanOnly(options);
  return {
    base: catalogBaseOf(spec, options),
    epochIso: new Date(epochMs(spec.window.epochIso)).toISOString(),
    created: new Date(epochMs(options.creationDate)).toISOString().slice(0, -1),
    bstar: options.bstar_per_earth_radius,
  };
}

/** One satellite's `<omm>` element (its header COMMENT stating the numbering when `comment`), one line. */
export function ommMessage(s: Readonly<SatelliteRecord>, c: OmmXmlContext, comment: boolean): string {
  const r = {
    ...ommRecord(s.elements, c.epochIso, { name: s.name, objectId: s.objectId, noradId: s.catalogNumber }),
    BSTAR: c.bstar?.[s.shellIndex] ?? 0,
  } as Record<string, unknown>;
  // ommRecord's keys in CCSDS order: 2 of metadata, 7 mean elements, 8 TLE parameters
  const keys = Object.keys(r);
  const [meta, mean, tle] = [tags(r, keys.slice(0, 2)), tags(r, keys.slice(2, 9)), tags(r, keys.slice(9))];
  const note = comment ? `<COMMENT>${xmlText(numberingComment(c.base))}</COMMENT>` : '';
  return (
    `<omm id="CCSDS_OMM_VERS" version="3.0"><header>${note}<CREATION_DATE>${c.created}</CREATION_DATE>` +
    `<ORIGINATOR>odc</ORIGINATOR></header><body><segment><metadata>${meta}<CENTER_NAME>EARTH</CENTER_NAME>` +
    `<REF_FRAME>TEME</REF_FRAME><TIME_SYSTEM>UTC</TIME_SYSTEM><MEAN_ELEMENT_THEORY>SGP4</MEAN_ELEMENT_THEORY>` +
    `</metadata><data><meanElements>${mean}</meanElements><tleParameters>${tle}</tleParameters>` +
    `</data></segment></body></omm>\n`
  );
}

/** The XML declaration every document opens with. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** The constellation as one NDM of OMMs; `creationDate` (ISO 8601 UTC) is the header's CREATION_DATE. */
export function writeOmmXml(
  spec: Readonly<ExportableConstellation>,
  sink: (chunk: string) => void,
  options: ExportOptions & { readonly creationDate: string },
): void {
  const c = ommXmlContext(spec, options);
  const out = chunker(sink, options.chunkChars ?? DEFAULT_CHUNK_CHARS);
  out.push(`${XML_DECLARATION}<ndm>\n`);
  for (const s of satelliteRecords(spec, c.base)) out.push(ommMessage(s, c, s.index === 0));
  out.push('</ndm>\n');
  out.flush();
}
