/**
 * Element sets read from text: NORAD TLEs (two-line, three-line with a name line, Space-Track "0 NAME" 3LE, Alpha-5
 * catalogue numbers) and CCSDS OMM as JSON (CelesTrak/Space-Track GP JSON), XML (NDM of OMMs) or CSV (GP CSV).
 * A malformed set (a checksum, a fixed-column field, a missing or non-numeric OMM key) is skipped and counted by
 * reason, never fatal; what is kept is the set's own text (TLE lines or an OMM record), which satellite.js turns into
 * a record wherever it propagates (a worker thread re-reads it).
 * Sources: CelesTrak "NORAD Two-Line Element Set Format" and "GP data formats" (celestrak.org/NORAD/documentation/);
 * Space-Track Alpha-5 documentation (18 SPCS); CCSDS 502.0-B-3 (OMM, 2023); Vallado et al., AIAA 2006-6753.
 * Method and checks: docs/constellations.md §"Screening against the catalogue".
 */
import { tleChecksum } from '../export/tleFormat.js';

/** One element set as read: its identity, epoch and the text satellite.js reads. */
export interface ElementSet {
  readonly norad: number;
  readonly name: string;
  readonly epoch_ms: number;
  /** TLE line 1 and line 2, or an OMM record with numeric fields (json2satrec's input). */
  readonly source: { readonly tle: readonly [string, string] } | { readonly omm: Readonly<Record<string, unknown>> };
}

/** Why sets were skipped, counted. */
export interface SkipCounts {
  checksum: number;
  format: number;
  duplicate: number;
  /** SGP4 refused the elements or could not propagate them over the window (decayed, e ≥ 1, …). */
  unpropagable: number;
  /** Epoch farther from the screen's start than the age limit. */
  stale: number;
}

export const emptySkips = (): SkipCounts => ({ checksum: 0, format: 0, duplicate: 0, unpropagable: 0, stale: 0 });

export type ElementFormat = 'tle' | 'omm-json' | 'omm-xml' | 'omm-csv';

const ALPHA5 = 'ABCDEFGHJKLMNPQRSTUVWXYZ'; // A = 10 … Z = 33, no I or O

/** Catalogue number of a TLE's five-character field (digits, leading spaces, or Alpha-5); NaN if none. */
export function catalogueNumber(field: string): number {
  const f = field.trim();
  if (/^\d{1,5}$/.test(f)) return Number(f);
  const letter = ALPHA5.indexOf(f[0] ?? '');
  if (f.length === 5 && letter >= 0 && /^\d{4}$/.test(f.slice(1))) return (letter + 10) * 10_000 + Number(f.slice(1));
  return Number.NaN;
}

// Fixed columns (CelesTrak TLE format): the number fields of line 1 and line 2, including the signs and decimal points.
const LINE1 =
  /^1 [ \dA-HJ-NP-Z]{5}[UCS ] [\w -]{8} [ \d]{2}[ \d]{3}\.[\d ]{8} [ +-]\.[\d ]{8} [ +-][\d ]{5}[+-]\d [ +-][\d ]{5}[+-]\d [\d ] [ \d]{4}\d$/;
const LINE2 =
  /^2 [ \dA-HJ-NP-Z]{5} [ \d]{3}\.[\d ]{4} [ \d]{3}\.[\d ]{4} \d{7} [ \d]{3}\.[\d ]{4} [ \d]{3}\.[\d ]{4} [ \d]{2}\.[\d ]{8}[ \d]{5}\d$/;

/** UTC epoch [ms] of a TLE's YYDDD.DDDDDDDD field (years 57–99 → 19xx, 00–56 → 20xx). */
export function tleEpoch_ms(line1: string): number {
  const yy = Number(line1.slice(18, 20));
  const day = Number(line1.slice(20, 32));
  return Date.UTC(yy < 57 ? 2000 + yy : 1900 + yy, 0, 1) + (day - 1) * 86_400_000;
}

/** Why a line pair is not a TLE, or null when it is one. */
function tleFault(l1: string, l2: string): 'checksum' | 'format' | null {
  if (l1.length !== 69 || l2.length !== 69 || !LINE1.test(l1) || !LINE2.test(l2)) return 'format';
  if (catalogueNumber(l1.slice(2, 7)) !== catalogueNumber(l2.slice(2, 7))) return 'format';
  if (Number(l1[68]) !== tleChecksum(l1) || Number(l2[68]) !== tleChecksum(l2)) return 'checksum';
  return null;
}

/** TLE text: pairs of lines 1 and 2, each optionally after a name line ("0 NAME" of a 3LE, or a bare name). */
function readTle(text: string, skips: SkipCounts): ElementSet[] {
  const lines = text.split(/\r?\n/).map((l) => l.trimEnd());
  const out: ElementSet[] = [];
  let name: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    if (line.startsWith('1 ') && lines[i + 1]?.startsWith('2 ')) {
      const l1 = line;
      const l2 = lines[++i]!.trimEnd();
      const fault = tleFault(l1, l2);
      const norad = catalogueNumber(l1.slice(2, 7));
      if (fault !== null) skips[fault]++;
      else
        out.push({
          norad,
          name: name ?? `NORAD ${norad}`,
          epoch_ms: tleEpoch_ms(l1),
          source: { tle: [l1, l2] },
        });
      name = null;
    } else if (/^[12] /.test(line) && line.length >= 60) {
      skips.format++; // a line 1 without its line 2, or a line 2 alone
      name = null;
    } else {
      if (name !== null) skips.format++; // a name line followed by no element set
      name = line.replace(/^0 /, '').trim();
    }
  }
  if (name !== null) skips.format++;
  return out;
}

/** OMM keys json2satrec reads, with the default of those GP data may leave out. */
const OMM_NUMBERS: Readonly<Record<string, number | null>> = {
  MEAN_MOTION: null,
  ECCENTRICITY: null,
  INCLINATION: null,
  RA_OF_ASC_NODE: null,
  ARG_OF_PERICENTER: null,
  MEAN_ANOMALY: null,
  NORAD_CAT_ID: null,
  BSTAR: 0,
  MEAN_MOTION_DOT: 0,
  MEAN_MOTION_DDOT: 0,
};
const OMM_EPOCH = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z?$/;

/** One OMM record (values as text or numbers) as an element set, or the reason it is skipped. */
export function ommSet(raw: Readonly<Record<string, unknown>>): ElementSet | 'format' {
  const omm: Record<string, unknown> = {};
  for (const [key, fallback] of Object.entries(OMM_NUMBERS)) {
    const v = raw[key];
    const n = v === undefined || v === null || v === '' ? fallback : typeof v === 'number' ? v : Number(String(v));
    if (n === null || !Number.isFinite(n)) return 'format';
    omm[key] = n;
  }
  const epoch = String(raw['EPOCH'] ?? '').trim();
  if (!OMM_EPOCH.test(epoch)) return 'format';
  const epoch_ms = Date.parse(epoch.endsWith('Z') ? epoch : `${epoch}Z`);
  const norad = omm['NORAD_CAT_ID'] as number;
  if (!Number.isFinite(epoch_ms) || !Number.isInteger(norad) || norad < 0) return 'format';
  omm['EPOCH'] = epoch.replace(/Z$/, '');
  const name = String(raw['OBJECT_NAME'] ?? '').trim() || `NORAD ${norad}`;
  omm['OBJECT_NAME'] = name;
  return { norad, name, epoch_ms, source: { omm } };
}

function pushOmm(records: readonly unknown[], skips: SkipCounts, out: ElementSet[]): void {
  for (const r of records) {
    const s =
      r !== null && typeof r === 'object' && !Array.isArray(r) ? ommSet(r as Record<string, unknown>) : 'format';
    if (s === 'format') skips.format++;
    else out.push(s);
  }
}

/** GP CSV: a header of OMM keys, then one row per set (quoted cells as RFC 4180). */
function csvRows(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') cell += text[++i];
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      cell = '';
      if (row.some((x) => x.trim() !== '')) rows.push(row);
      row = [];
    } else cell += c;
  }
  row.push(cell);
  if (row.some((x) => x.trim() !== '')) rows.push(row);
  const [head, ...body] = rows;
  const keys = (head ?? []).map((k) => k.trim().toUpperCase());
  return body.map((r) => Object.fromEntries(keys.map((k, j) => [k, r[j] ?? ''])));
}

/** NDM/OMM XML: each <omm> (or <segment>) element's leaf elements by tag name. */
function xmlRecords(text: string): Record<string, string>[] {
  const blocks = text.match(/<omm[\s>][\s\S]*?<\/omm>/g) ?? text.match(/<segment[\s>][\s\S]*?<\/segment>/g) ?? [];
  const unescape = (s: string): string =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return blocks.map((b) => {
    const r: Record<string, string> = {};
    for (const m of b.matchAll(/<([A-Z_]+)>([^<]*)<\/\1>/g)) r[m[1]!] ??= unescape(m[2]!.trim());
    return r;
  });
}

/** The format of a text by its first characters: JSON, XML, a CSV header of OMM keys, else TLE. */
export function elementFormat(text: string): ElementFormat {
  const head = text.trimStart();
  if (head.startsWith('[') || head.startsWith('{')) return 'omm-json';
  if (head.startsWith('<')) return 'omm-xml';
  const first = head.slice(0, head.search(/\r?\n|$/));
  return /MEAN_MOTION/i.test(first) && first.includes(',') ? 'omm-csv' : 'tle';
}

/**
 * The element sets of one text in any of the formats (header), with the malformed ones counted in `skips`. A JSON
 * text that does not parse throws a SyntaxError (the caller names the file).
 */
export function readElementSets(text: string, skips: SkipCounts): { format: ElementFormat; sets: ElementSet[] } {
  const format = elementFormat(text);
  const sets: ElementSet[] = [];
  if (format === 'tle') return { format, sets: readTle(text, skips) };
  if (format === 'omm-json') {
    const parsed = JSON.parse(text) as unknown;
    pushOmm(Array.isArray(parsed) ? parsed : [parsed], skips, sets);
  } else pushOmm(format === 'omm-xml' ? xmlRecords(text) : csvRows(text), skips, sets);
  return { format, sets };
}
