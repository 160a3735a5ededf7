/**
 * Exports every satellite of a constellation for orbit tools: CCSDS OMM JSON, NORAD TLEs and a CSV table,
 * streamed through a sink so a 1,000,000-satellite constellation never becomes one string.
 *
 * Method
 * - Elements: `satelliteElements` of pattern.ts, circular (e = 1e-7, ω = 0, M = argument of latitude),
 *   mean motion the two-body value n = √(μ/a³) as `ommRecord` / `circularSatrec` of propagate.ts use.
 * - Cluster members (`clusterMemberElements`): the reference orbit rotated about its along-track axis t̂
 *   at the epoch position by θ = d/r, so the member sits d = crossTrack metres along the orbit normal
 *   ĥ = r × v/|r × v|, then advanced by Δu = along/r (r = R⊕ + h). To first order this is
 *   Δi = (d/r)·sin u, ΔΩ·sin i = −(d/r)·cos u, and u' = u + along/r − cos i·ΔΩ (the node shift ΔΩ moves
 *   the point along-track by r·cos i·ΔΩ). The rotation is done exactly (ĥ' and r̂' → i', Ω', u'), so it
 *   stays defined at any u. Only the EPOCH positions match the lattice: independent SGP4 element sets do
 *   not keep the formation (their differential J2 and relative orbital motion make it drift and
 *   oscillate), so the exported members reproduce the cluster at epoch only.
 * - OMM: CCSDS 502.0-B-3 Orbit Mean-elements Message as a JSON array with CelesTrak GP field names
 *   (`ommRecord`), NORAD_CAT_ID synthetic from `catalogBase`.
 * - Catalog numbers: one numbering for every format (OMM, TLE, CSV), so a satellite keeps its number from
 *   one file to the next: `catalogBase` + export index, default 100,000 (Alpha-5 'A0000', above every
 *   number assigned so far). OMM carries any number; a TLE carries at most 339,999 (Alpha-5 'Z9999'):
 *   240,000 satellites with the default base, 339,999 with base 1; more is a RangeError before output.
 * - International designators: synthetic, year of the epoch, launch numbers 900–999 (above any annual
 *   launch count to date), pieces A…Z, AA…ZZ, AAA…ZZZ without I and O (14,424 per launch number):
 *   1,442,400 satellites at most.
 * - CSV per RFC 4180 (CRLF, fields with a comma, quote or line break quoted, quotes doubled).
 * Sources: CCSDS 502.0-B-3 (2023); CelesTrak GP data formats and TLE format documentation; space-track.org
 * Alpha-5 documentation (18 SPCS); RFC 4180.
 */
import { csvText } from '../report/csv.js';
import { EARTH_RADIUS_m } from '../units/constants.js';
import { rad_to_deg } from '../units/convert.js';
import { clusterLattice, satelliteElements, type ClusterOffset } from './pattern.js';
import { meanMotion_rev_per_day, ommRecord } from './propagate.js';
import { TLE_MAX_CATALOG_NUMBER, tleLines } from './tleFormat.js';
import type { CircularElements, SamplingWindow, ShellGeometrySpec } from './types.js';

const TWO_PI = 2 * Math.PI;
const PIECE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const PIECES_PER_LAUNCH = 24 + 24 ** 2 + 24 ** 3; // 14,424
const FIRST_LAUNCH_NUMBER = 900;
/** First synthetic catalog number of every export format (Alpha-5 'A0000'). */
export const CATALOG_BASE = 100_000;
export const DEFAULT_CHUNK_CHARS = 1 << 16;
const ELEMENT_SET_NUMBER = 999;

/** What the writers need of a constellation (a `ConstellationSpec` satisfies it). */
export interface ExportableConstellation {
  readonly name: string;
  readonly window: Pick<SamplingWindow, 'epochIso'>;
  readonly shells: readonly { readonly geometry: ShellGeometrySpec }[];
}

export interface SatelliteRecord {
  /** 0-based position in the export order (shell, plane, slot). */
  readonly index: number;
  readonly shell: string;
  readonly plane: number;
  readonly slot: number;
  /** `<constellation>-<shell>-P<plane>-S<slot>` (0-based). */
  readonly name: string;
  readonly catalogNumber: number;
  /** International designator 'YYYY-NNNP…'. */
  readonly objectId: string;
  readonly elements: CircularElements;
  /** Lattice offset of a cluster member from its reference orbit (null outside clusters). */
  readonly clusterOffset: ClusterOffset | null;
}

export interface ExportOptions {
  /** Catalog number of the first satellite (OMM default 900,000; TLE default 100,000). */
  readonly catalogBase?: number;
  /** Chunks handed to the sink are at most this long (or one record, if longer) [characters]. */
  readonly chunkChars?: number;
}

const wrap = (a: number): number => ((a % TWO_PI) + TWO_PI) % TWO_PI;

/** Elements of the cluster member at `offset` from the reference orbit `ref` (exact plane rotation, see header). */
export function clusterMemberElements(ref: Readonly<CircularElements>, offset: Readonly<ClusterOffset>): CircularElements {
  const r = EARTH_RADIUS_m + ref.altitude_m;
  const { raan_rad: O, inclination_rad: i, argumentOfLatitude_rad: u } = ref;
  const cO = Math.cos(O), sO = Math.sin(O), ci = Math.cos(i), si = Math.sin(i), cu = Math.cos(u), su = Math.sin(u);
  // Node direction P̂, in-plane Q̂ = ĥ × P̂, normal ĥ; position r̂ = cos u P̂ + sin u Q̂.
  const P = [cO, sO, 0], Q = [-ci * sO, ci * cO, si], h = [si * sO, -si * cO, ci];
  const rh = [0, 1, 2].map((k) => cu * P[k]! + su * Q[k]!);
  const th = offset.crossTrack_m / r, c = Math.cos(th), s = Math.sin(th);
  // Rotation about t̂ by θ: r̂' = cos θ r̂ + sin θ ĥ, ĥ' = cos θ ĥ − sin θ r̂.
  const r2 = [0, 1, 2].map((k) => c * rh[k]! + s * h[k]!);
  const h2 = [0, 1, 2].map((k) => c * h[k]! - s * rh[k]!);
  const inclination_rad = Math.acos(Math.max(-1, Math.min(1, h2[2]!)));
  const raan_rad = offset.crossTrack_m === 0 ? O : wrap(Math.atan2(h2[0]!, -h2[1]!));
  const nx = Math.cos(raan_rad), ny = Math.sin(raan_rad);
  // u' from the new node: cos u' = r̂'·n̂, sin u' = r̂'·(ĥ' × n̂).
  const q = [-h2[2]! * ny, h2[2]! * nx, h2[0]! * ny - h2[1]! * nx];
  const u2 = Math.atan2(r2[0]! * q[0]! + r2[1]! * q[1]! + r2[2]! * q[2]!, r2[0]! * nx + r2[1]! * ny);
  return { altitude_m: ref.altitude_m, inclination_rad, raan_rad, argumentOfLatitude_rad: wrap(u2 + offset.alongTrack_m / r) };
}

/** Synthetic international designator of the satellite at `index` (year of the epoch, launch 900…999). */
export function internationalDesignator(index: number, epochYear: number): { objectId: string; tleField: string } {
  const launch = FIRST_LAUNCH_NUMBER + Math.floor(index / PIECES_PER_LAUNCH);
  if (launch > 999) throw new RangeError(`synthetic international designators cover ${(1000 - FIRST_LAUNCH_NUMBER) * PIECES_PER_LAUNCH} satellites`);
  let k = index % PIECES_PER_LAUNCH;
  const L = (n: number): string => PIECE_LETTERS[n]!;
  let piece: string;
  if (k < 24) piece = L(k);
  else if ((k -= 24) < 576) piece = L(Math.floor(k / 24)) + L(k % 24);
  else { k -= 576; piece = L(Math.floor(k / 576)) + L(Math.floor(k / 24) % 24) + L(k % 24); }
  return { objectId: `${epochYear}-${launch}${piece}`, tleField: `${String(epochYear % 100).padStart(2, '0')}${launch}${piece}` };
}

/** Number of satellites the writers export. */
export function satelliteCount(spec: Readonly<ExportableConstellation>): number {
  return spec.shells.reduce((n, s) => n + s.geometry.planes * s.geometry.satsPerPlane, 0);
}

/** UTC instant [ms since 1970] of an ISO 8601 epoch (no zone = UTC, as pattern.ts reads it). */
export function epochMs(epochIso: string): number {
  const t = Date.parse(epochIso.endsWith('Z') || /[+-]\d\d:\d\d$/.test(epochIso) ? epochIso : `${epochIso}Z`);
  if (!Number.isFinite(t)) throw new RangeError(`epoch '${epochIso}' is not an ISO 8601 date`);
  return t;
}

/** Every satellite, shell by shell, plane by plane, slot by slot. */
export function* satelliteRecords(spec: Readonly<ExportableConstellation>, catalogBase = CATALOG_BASE): Generator<SatelliteRecord> {
  const names = new Set(spec.shells.map((s) => s.geometry.name));
  if (names.size !== spec.shells.length) throw new RangeError(`shell names must be unique to name satellites uniquely (${spec.name})`);
  const year = new Date(epochMs(spec.window.epochIso)).getUTCFullYear();
  let index = 0;
  for (const { geometry: g } of spec.shells) {
    const offsets = g.pattern === 'cluster' ? clusterLattice(g.satsPerPlane, g.clusterRadius_m).offsets : null;
    for (const e of satelliteElements(g, spec.window.epochIso)) {
      const { plane, slot, ...ref } = e;
      const clusterOffset = offsets?.[slot] ?? null;
      const { objectId } = internationalDesignator(index, year);
      yield {
        index, shell: g.name, plane, slot, name: `${spec.name}-${g.name}-P${plane}-S${slot}`, catalogNumber: catalogBase + index, objectId,
        elements: clusterOffset ? clusterMemberElements(ref, clusterOffset) : ref, clusterOffset,
      };
      index++;
    }
  }
}

/** Buffers pieces and hands the sink chunks of at most `limit` characters (a longer piece goes alone). */
function chunker(sink: (chunk: string) => void, limit: number): { push: (s: string) => void; flush: () => void } {
  if (!(limit >= 1)) throw new RangeError(`chunkChars must be ≥ 1, got ${limit}`);
  let parts: string[] = [], size = 0;
  const flush = (): void => { if (size > 0) sink(parts.join('')); parts = []; size = 0; };
  return { push: (s) => { if (size + s.length > limit) flush(); parts.push(s); size += s.length; }, flush };
}

/** CCSDS OMM JSON array (CelesTrak field names), one object per satellite. */
export function writeOmmJson(spec: Readonly<ExportableConstellation>, sink: (chunk: string) => void, options: ExportOptions = {}): void {
  const epochIso = new Date(epochMs(spec.window.epochIso)).toISOString();
  const out = chunker(sink, options.chunkChars ?? DEFAULT_CHUNK_CHARS);
  out.push('[');
  for (const s of satelliteRecords(spec, options.catalogBase ?? CATALOG_BASE)) {
    const omm = ommRecord(s.elements, epochIso, { name: s.name, objectId: s.objectId, noradId: s.catalogNumber });
    out.push(`${s.index === 0 ? '' : ','}\n${JSON.stringify(omm)}`);
  }
  out.push('\n]\n');
  out.flush();
}

/** Three-line element sets (name, line 1, line 2), LF-terminated. */
export function writeTle(spec: Readonly<ExportableConstellation>, sink: (chunk: string) => void, options: ExportOptions = {}): void {
  const base = options.catalogBase ?? CATALOG_BASE;
  const n = satelliteCount(spec);
  if (n > 0 && !(Number.isInteger(base) && base >= 0 && base + n - 1 <= TLE_MAX_CATALOG_NUMBER)) {
    throw new RangeError(`${n} satellites from catalog number ${base} exceed the TLE limit ${TLE_MAX_CATALOG_NUMBER} (Alpha-5); export OMM instead`);
  }
  const epoch_ms = epochMs(spec.window.epochIso);
  const year = new Date(epoch_ms).getUTCFullYear();
  const out = chunker(sink, options.chunkChars ?? DEFAULT_CHUNK_CHARS);
  for (const s of satelliteRecords(spec, base)) {
    const e = s.elements;
    const [l1, l2] = tleLines({
      catalogNumber: s.catalogNumber, classification: 'U', internationalDesignator: internationalDesignator(s.index, year).tleField, epoch_ms,
      meanMotionDot_rev_per_day2: 0, meanMotionDdot_rev_per_day3: 0, bstar_per_earth_radius: 0, elementSetNumber: ELEMENT_SET_NUMBER,
      inclination_deg: rad_to_deg(e.inclination_rad), raan_deg: rad_to_deg(e.raan_rad), eccentricity: 1e-7, argOfPerigee_deg: 0,
      meanAnomaly_deg: rad_to_deg(e.argumentOfLatitude_rad), meanMotion_rev_per_day: meanMotion_rev_per_day(e.altitude_m), revolutionNumber: 0,
    });
    out.push(`${s.name}\n${l1}\n${l2}\n`);
  }
  out.flush();
}

/** RFC 4180 field: quoted when it holds a comma, a quote or a line break; formula prefixes neutralised (src/report/csv.ts). */
export function csvField(v: string): string {
  return csvText(v);
}

export const SATELLITE_CSV_HEADER = [
  'shell', 'plane', 'slot', 'name', 'catalog_number', 'object_id', 'altitude_km', 'inclination_deg', 'raan_deg',
  'argument_of_latitude_deg', 'mean_motion_rev_per_day', 'epoch',
] as const;

/** One CSV row per satellite (argument of latitude = mean anomaly, ω = 0), CRLF line ends. */
export function writeSatelliteCsv(spec: Readonly<ExportableConstellation>, sink: (chunk: string) => void, options: ExportOptions = {}): void {
  const epochIso = new Date(epochMs(spec.window.epochIso)).toISOString();
  const out = chunker(sink, options.chunkChars ?? DEFAULT_CHUNK_CHARS);
  out.push(`${SATELLITE_CSV_HEADER.join(',')}\r\n`);
  for (const s of satelliteRecords(spec, options.catalogBase ?? CATALOG_BASE)) {
    const e = s.elements;
    out.push([
      csvField(s.shell), s.plane, s.slot, csvField(s.name), s.catalogNumber, s.objectId, (e.altitude_m / 1000).toFixed(6),
      rad_to_deg(e.inclination_rad).toFixed(8), rad_to_deg(e.raan_rad).toFixed(8), rad_to_deg(e.argumentOfLatitude_rad).toFixed(8),
      meanMotion_rev_per_day(e.altitude_m).toFixed(10), epochIso,
    ].join(',') + '\r\n');
  }
  out.flush();
}
