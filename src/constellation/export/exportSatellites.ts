/**
 * Exports every satellite of a constellation for orbit tools: CCSDS OMM JSON, NORAD TLEs and a CSV table,
 * streamed through a sink so a 1,000,000-satellite constellation never becomes one string.
 *
 * Elements: pattern.ts `satelliteElements`, circular (e = 1e-7, ω = 0, M = argument of latitude), n = √(μ/a³): the
 * SGP4 mean elements of the frozen orbit (SGP4's J3 long-period term adds e_f at ω = 90°, orbitHandoff.ts), the
 * elements the self-conjunction screen propagates. `frozenEccentricity` (CSV only) writes e_f, ω = 90° as long-period
 * elements for non-SGP4 tools; OMM/TLE refuse it (e_f as SGP4 mean e would fly 0…2e_f). B* per orbitHandoff.ts from
 * each shell's drag term; cluster members carry their HCW differential elements (models/relativeMotion.ts).
 * Numbering (docs/constellations.md §"Satellite export"): NORAD_CAT_ID = `catalogBase` + export index, default the
 * first of 18 SDS's ranges reserved for temporary numbers that holds the design (RESERVED_CATALOG_RANGES; no permanent
 * object is numbered there); OBJECT_ID a well-formed international designator YYYY-NNNP{PPP} with launch numbers
 * 900–999 (1,442,400 satellites at most), said to be placeholders in the comments of the formats that have them.
 * Sources: CCSDS 502.0-B-3 (2023); CelesTrak GP data formats and TLE format documentation; space-track.org
 * SATCAT documentation (number ranges, as quoted by Wikipedia's "Satellite Catalog Number"; Alpha-5); RFC 4180.
 * Derivation, evidence and costs: docs/constellations.md §"Satellite export".
 */
import { csvText } from '../../base/csv.js';
import { rad_to_deg } from '../../base/convert.js';
import { utcMsOf } from '../../base/utcTime.js';
import type { RelativeOrbit } from '../../models/orbit/relativeMotion.js';
import { clusterMemberElements, shellFormation } from '../geometry/clusterFormation.js';
import { satelliteElements } from '../geometry/pattern.js';
import {
  argumentOfPerigee_rad,
  CIRCULAR_ECCENTRICITY,
  meanAnomaly_rad,
  meanMotion_rev_per_day,
  ommRecord,
} from '../geometry/propagate.js';
import { TLE_MAX_CATALOG_NUMBER, tleLines } from './tleFormat.js';
import { frozenEccentricity, shellBstar } from './orbitHandoff.js';
import { EARTH_RADIUS_m } from '../../base/constants.js';
import type { CircularElements, SamplingWindow, ShellGeometrySpec } from '../design/types.js';
import type { ConstellationSpec } from '../design/compile.js';
import { shellNodes } from '../evaluate.js';

const PIECE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const PIECES_PER_LAUNCH = 24 + 24 ** 2 + 24 ** 3; // 14,424
const FIRST_LAUNCH_NUMBER = 900;
/**
 * Catalogue numbers 18 SDS keeps for temporary, reused numbers, no permanent object's today: the table "Ranges
 * reserved for temporary, reused numbers" of space-track.org's SATCAT documentation, as Wikipedia's "Satellite Catalog
 * Number" quotes it (its 2023–2026 revisions agree; the primary page was not retrieved for this file). The same table
 * says 270,000–339,999 "will be released for permanent objects in the future": only 700,000,000–899,999,999 stays
 * clear for good. Tried in this order by the default base: five digits first (every TLE reader, python-sgp4's TLE
 * exporter), then Alpha-5, then nine digits (OMM only).
 */
export const RESERVED_CATALOG_RANGES = [
  { first: 70_000, last: 99_999, what: 'expected post-launch orbits, analyst objects and uncorrelated tracks' },
  { first: 270_000, last: 339_999, what: 'additional analyst objects (Alpha-5 T0000–Z9999; to be released later)' },
  { first: 700_000_000, last: 899_999_999, what: 'internal use by various systems' },
] as const;

/** The default catalogue base of a design of `n` satellites: the first reserved range that holds them all. */
export function defaultCatalogBase(n: number): number {
  const range = RESERVED_CATALOG_RANGES.find((r) => r.last - r.first + 1 >= n);
  if (range === undefined) throw new RangeError(`${n} satellites exceed every reserved catalogue range`);
  return range.first;
}

/** The catalogue base of an export: the option, else the design's default (`defaultCatalogBase`). */
export const catalogBaseOf = (spec: Readonly<ExportableConstellation>, options: Readonly<ExportOptions>): number =>
  options.catalogBase ?? defaultCatalogBase(satelliteCount(spec));
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
  readonly shellIndex: number;
  readonly plane: number;
  readonly slot: number;
  /** `<constellation>-<shell>-P<plane>-S<slot>` (0-based). */
  readonly name: string;
  readonly catalogNumber: number;
  /** OBJECT_ID: a well-formed international designator YYYY-NNNP{PPP}, launch 900–999 (a placeholder). */
  readonly objectId: string;
  readonly elements: CircularElements;
  /** A cluster member's HCW relative orbit about its cluster's reference orbit (null outside clusters). */
  readonly clusterOrbit: RelativeOrbit | null;
}

export interface ExportOptions {
  /** Catalog number of the first satellite (default `defaultCatalogBase` of the design's size). */
  readonly catalogBase?: number;
  /** Chunks handed to the sink are at most this long (or one record, if longer) [characters]. */
  readonly chunkChars?: number;
  /** SGP4 drag term B* [1/ER] of each shell's satellites (orbitHandoff.ts `shellBstar`), by shell index; absent: 0. */
  readonly bstar_per_earth_radius?: readonly number[];
  /**
   * CSV only: write circular shells at their frozen eccentricity e_f, ω = 90° (long-period elements; cluster members
   * keep their own). OMM/TLE throw: their SGP4 mean elements already fly the frozen orbit at e ≈ 0.
   */
  readonly frozenEccentricity?: boolean;
  /** TLE only: the name line of each satellite (default its name). */
  readonly tleNameLine?: (s: Readonly<SatelliteRecord>) => string;
}

/**
 * B* [1/ER] of each shell's satellites from its node as the constellation evaluation sizes it (as given or closed at
 * the shell's orbit): the node's ballistic coefficient and odc's density at the shell (orbitHandoff.ts `shellBstar`),
 * for `bstar_per_earth_radius`.
 */
export function shellBstars(spec: ConstellationSpec): number[] {
  return shellNodes(spec, []).nodes.map((n, i) =>
    shellBstar(n.drag.ballisticCoefficient_kg_m2, n.drag.density_kg_m3, spec.shells[i]!.geometry.altitude_m),
  );
}

/** B* [1/ER] of a shell's satellites (0 without one). */
const bstarOf = (options: Readonly<ExportOptions>, shellIndex: number): number =>
  options.bstar_per_earth_radius?.[shellIndex] ?? 0;

/** OMM/TLE carry SGP4 mean elements: the frozen orbit is e ≈ 0 there, so e_f would double it (header). */
export function sgp4MeanOnly(options: Readonly<ExportOptions>): void {
  if (options.frozenEccentricity === true)
    throw new RangeError(
      "OMM and TLE already carry the frozen orbit: in SGP4 mean elements it is e ≈ 0 (SGP4's J3 term adds e_f at " +
        'ω = 90°), and e_f there would fly 0…2·e_f; drop --frozen-eccentricity (it applies to csv)',
    );
}

/** A circular orbit at its frozen eccentricity and ω = 90°, same mean argument of latitude. */
function frozen(e: CircularElements): CircularElements {
  return {
    ...e,
    eccentricity: frozenEccentricity(EARTH_RADIUS_m + e.altitude_m, e.inclination_rad),
    argumentOfPerigee_rad: Math.PI / 2,
  };
}

/** Synthetic international designator of the satellite at `index` (year of the epoch, launch 900…999). */
export function internationalDesignator(index: number, epochYear: number): { objectId: string; tleField: string } {
  const launch = FIRST_LAUNCH_NUMBER + Math.floor(index / PIECES_PER_LAUNCH);
  if (launch > 999)
    throw new RangeError(
      `synthetic international designators cover ${(1000 - FIRST_LAUNCH_NUMBER) * PIECES_PER_LAUNCH} satellites`,
    );
  let k = index % PIECES_PER_LAUNCH;
  const L = (n: number): string => PIECE_LETTERS[n]!;
  let piece: string;
  if (k < 24) piece = L(k);
  else if ((k -= 24) < 576) piece = L(Math.floor(k / 24)) + L(k % 24);
  else {
    k -= 576;
    piece = L(Math.floor(k / 576)) + L(Math.floor(k / 24) % 24) + L(k % 24);
  }
  return {
    objectId: `${epochYear}-${launch}${piece}`,
    tleField: `${String(epochYear % 100).padStart(2, '0')}${launch}${piece}`,
  };
}

/** The constellation flown from another epoch (`--epoch`): sun-synchronous RAANs follow from their LTAN there. */
export function withEpoch<T extends ExportableConstellation>(spec: T, epochIso: string | undefined): T {
  if (epochIso === undefined) return spec;
  epochMs(epochIso); // refuses a date that does not parse
  return { ...spec, window: { ...spec.window, epochIso } };
}

/** The numbering policy in one sentence, for the comments of the formats that have them (OMM XML, OEM). */
export const numberingComment = (base: number): string =>
  `PLACEHOLDER identifiers: NORAD_CAT_ID = ${base} + export index (shell, plane, slot order), in a range 18 SDS ` +
  'reserves for temporary numbers; OBJECT_ID YYYY-NNNP with launch numbers 900-999: no registry assigned them; map ' +
  'them to assigned ones by OBJECT_NAME';

/** Number of satellites the writers export. */
export function satelliteCount(spec: Readonly<ExportableConstellation>): number {
  return spec.shells.reduce((n, s) => n + s.geometry.planes * s.geometry.satsPerPlane, 0);
}

/**
 * Longest title line (line 0) written: the 69 columns of the element lines. Readers take the title as one line of
 * a few dozen characters (CelesTrak's 3LE names run to 24); a longer name keeps its start and its last
 * TLE_TITLE_TAIL characters (the shell, plane and slot), joined by `~`.
 */
export const TLE_TITLE_MAX = 69;
const TLE_TITLE_TAIL = 24;
export function tleTitle(name: string): string {
  const chars = [...name]; // by code point: a character outside the BMP is never split
  if (chars.length <= TLE_TITLE_MAX) return name;
  return `${chars.slice(0, TLE_TITLE_MAX - TLE_TITLE_TAIL - 1).join('')}~${chars.slice(-TLE_TITLE_TAIL).join('')}`;
}

/** UTC instant [ms since 1970] of an ISO 8601 epoch (no zone = UTC, as pattern.ts reads it). */
export const epochMs = (epochIso: string): number => utcMsOf(epochIso); // src/base/utcTime.ts, the one time reader

/** Largest NORAD_CAT_ID an OMM carries: nine digits (CCSDS 502.0-B-3 leaves it to the catalogue; 18 SDS plans nine). */
export const OMM_MAX_CATALOG_NUMBER = 999_999_999;

/** Throws unless the satellites' numbers `base` … `base` + n − 1 are whole numbers 0 … OMM_MAX_CATALOG_NUMBER. */
export function checkCatalogBase(spec: Readonly<ExportableConstellation>, base: number): void {
  const n = satelliteCount(spec);
  if (!(Number.isInteger(base) && base >= 0 && base + n - 1 <= OMM_MAX_CATALOG_NUMBER))
    throw new RangeError(
      `catalog base ${base}: the ${n} satellites' numbers must be whole numbers 0…${OMM_MAX_CATALOG_NUMBER}; give --catalog-base ≥ 0 and ≤ ${OMM_MAX_CATALOG_NUMBER - n + 1}`,
    );
}

/** A satellite's name: `<constellation>-<shell>-P<plane>-S<slot>` (0-based). */
export const satelliteName = (constellation: string, shell: string, plane: number, slot: number): string =>
  `${constellation}-${shell}-P${plane}-S${slot}`;

/** Every satellite, shell by shell, plane by plane, slot by slot. */
export function* satelliteRecords(
  spec: Readonly<ExportableConstellation>,
  catalogBase = defaultCatalogBase(satelliteCount(spec)),
  frozenEccentricity = false,
): Generator<SatelliteRecord> {
  const names = new Set(spec.shells.map((s) => s.geometry.name));
  if (names.size !== spec.shells.length)
    throw new RangeError(`shell names must be unique to name satellites uniquely (${spec.name})`);
  checkCatalogBase(spec, catalogBase);
  const year = new Date(epochMs(spec.window.epochIso)).getUTCFullYear();
  let index = 0;
  for (const [shellIndex, { geometry: g }] of spec.shells.entries()) {
    const formation = g.pattern === 'cluster' ? shellFormation(g) : null;
    for (const e of satelliteElements(g, spec.window.epochIso)) {
      const { plane, slot, ...ref } = e;
      const { objectId } = internationalDesignator(index, year);
      yield {
        index,
        shell: g.name,
        shellIndex,
        plane,
        slot,
        name: satelliteName(spec.name, g.name, plane, slot),
        catalogNumber: catalogBase + index,
        objectId,
        elements: formation ? clusterMemberElements(ref, formation, slot) : frozenEccentricity ? frozen(ref) : ref,
        clusterOrbit: formation?.orbits[slot] ?? null,
      };
      index++;
    }
  }
}

/** Buffers pieces and hands the sink chunks of at most `limit` characters (a longer piece goes alone). */
export function chunker(
  sink: (chunk: string) => void,
  limit: number,
): { push: (s: string) => void; flush: () => void } {
  if (!(limit >= 1)) throw new RangeError(`chunkChars must be ≥ 1, got ${limit}`);
  let parts: string[] = [],
    size = 0;
  const flush = (): void => {
    if (size > 0) sink(parts.join(''));
    parts = [];
    size = 0;
  };
  return {
    push: (s) => {
      if (size + s.length > limit) flush();
      parts.push(s);
      size += s.length;
    },
    flush,
  };
}

/** CCSDS OMM JSON array (CelesTrak field names), one object per satellite. */
export function writeOmmJson(
  spec: Readonly<ExportableConstellation>,
  sink: (chunk: string) => void,
  options: ExportOptions = {},
): void {
  const out = chunker(sink, options.chunkChars ?? DEFAULT_CHUNK_CHARS);
  out.push('[');
  let first = true;
  for (const omm of ommRecords(spec, options)) {
    out.push(`${first ? '' : ','}\n${JSON.stringify(omm)}`);
    first = false;
  }
  out.push('\n]\n');
  out.flush();
}

/** Every satellite's OMM record (CelesTrak field names) in export order, made one at a time. */
export function* ommRecords(
  spec: Readonly<ExportableConstellation>,
  options: ExportOptions = {},
): Generator<Record<string, unknown>> {
  sgp4MeanOnly(options);
  const epochIso = new Date(epochMs(spec.window.epochIso)).toISOString();
  for (const s of satelliteRecords(spec, catalogBaseOf(spec, options)))
    yield {
      ...ommRecord(s.elements, epochIso, { name: s.name, objectId: s.objectId, noradId: s.catalogNumber }),
      BSTAR: bstarOf(options, s.shellIndex),
    };
}

/**
 * Throws, before anything is written, when the satellites from catalog number `base` run past the TLE's Alpha-5
 * numbers (339,999): the limit of the TLE and of the sky pack's qs.mag file, which share its catalog numbers. Split
 * files would reuse numbers that tools key satellites by, so the message names the formats that carry any number.
 * A design of at most 339,999 satellites that no reserved range below the limit holds (more than 70,000) is past it
 * only by its default base: the message names the base that fits it, and what such numbers may collide with.
 */
export function checkTleNumbering(
  spec: Readonly<ExportableConstellation>,
  options: Readonly<Pick<ExportOptions, 'catalogBase'>>,
): void {
  const n = satelliteCount(spec);
  const base = catalogBaseOf(spec, options);
  const valid = Number.isInteger(base) && base >= 0 && base <= TLE_MAX_CATALOG_NUMBER;
  if (n > 0 && !(valid && base + n - 1 <= TLE_MAX_CATALOG_NUMBER)) {
    const room = TLE_MAX_CATALOG_NUMBER - base + 1;
    const fits = options.catalogBase === undefined && n <= TLE_MAX_CATALOG_NUMBER;
    throw new RangeError(
      `${n} satellites from catalog number ${base} exceed the TLE limit ${TLE_MAX_CATALOG_NUMBER} (Alpha-5); ` +
        `export OMM instead, any number of satellites: odc export <source> --format omm (JSON) or --format ` +
        `omm-xml (CCSDS XML), or csv (no magnitudes)` +
        (valid ? `, or a design of at most ${room} satellites for a planetarium's TLE and qs.mag files` : '') +
        (fits
          ? `; ${base} is the default base because no range reserved for temporary numbers below the limit holds ` +
            `${n} satellites: --catalog-base ${TLE_MAX_CATALOG_NUMBER + 1 - n} numbers them within it, ` +
            'over numbers the public catalogue assigns (a tool holding real objects may mix them up)'
          : ''),
    );
  }
}

/** Three-line element sets (name, line 1, line 2), LF-terminated. */
export function writeTle(
  spec: Readonly<ExportableConstellation>,
  sink: (chunk: string) => void,
  options: ExportOptions = {},
): void {
  sgp4MeanOnly(options);
  const base = catalogBaseOf(spec, options);
  checkTleNumbering(spec, options);
  const epoch_ms = epochMs(spec.window.epochIso);
  const year = new Date(epoch_ms).getUTCFullYear();
  const out = chunker(sink, options.chunkChars ?? DEFAULT_CHUNK_CHARS);
  for (const s of satelliteRecords(spec, base)) {
    const e = s.elements;
    const [l1, l2] = tleLines({
      catalogNumber: s.catalogNumber,
      classification: 'U',
      internationalDesignator: internationalDesignator(s.index, year).tleField,
      epoch_ms,
      meanMotionDot_rev_per_day2: 0,
      meanMotionDdot_rev_per_day3: 0,
      bstar_per_earth_radius: bstarOf(options, s.shellIndex),
      elementSetNumber: ELEMENT_SET_NUMBER,
      inclination_deg: rad_to_deg(e.inclination_rad),
      raan_deg: rad_to_deg(e.raan_rad),
      eccentricity: e.eccentricity ?? CIRCULAR_ECCENTRICITY,
      argOfPerigee_deg: rad_to_deg(argumentOfPerigee_rad(e)),
      meanAnomaly_deg: rad_to_deg(meanAnomaly_rad(e)),
      meanMotion_rev_per_day: meanMotion_rev_per_day(e.altitude_m),
      revolutionNumber: 0,
    });
    out.push(`${tleTitle(options.tleNameLine?.(s) ?? s.name)}\n${l1}\n${l2}\n`);
  }
  out.flush();
}

/**
 * RFC 4180 field: quoted when it holds a comma, a quote or a line break; formula prefixes neutralised
 * (src/base/csv.ts).
 */
export function csvField(v: string): string {
  return csvText(v);
}

export const SATELLITE_CSV_HEADER = [
  'shell',
  'plane',
  'slot',
  'name',
  'catalog_number',
  'object_id',
  'altitude_km',
  'inclination_deg',
  'raan_deg',
  'argument_of_latitude_deg',
  'mean_motion_rev_per_day',
  'epoch',
  'eccentricity',
  'argument_of_perigee_deg',
] as const;

/**
 * One CSV row per satellite (mean argument of latitude ω + M; e and ω 0 for circular orbits, a cluster member's own
 * otherwise), CRLF line ends.
 */
export function writeSatelliteCsv(
  spec: Readonly<ExportableConstellation>,
  sink: (chunk: string) => void,
  options: ExportOptions = {},
): void {
  const epochIso = new Date(epochMs(spec.window.epochIso)).toISOString();
  const out = chunker(sink, options.chunkChars ?? DEFAULT_CHUNK_CHARS);
  out.push(`${SATELLITE_CSV_HEADER.join(',')}\r\n`);
  for (const s of satelliteRecords(spec, catalogBaseOf(spec, options), options.frozenEccentricity)) {
    const e = s.elements;
    out.push(
      [
        csvField(s.shell),
        s.plane,
        s.slot,
        csvField(s.name),
        s.catalogNumber,
        s.objectId,
        (e.altitude_m / 1000).toFixed(6),
        rad_to_deg(e.inclination_rad).toFixed(8),
        rad_to_deg(e.raan_rad).toFixed(8),
        rad_to_deg(e.argumentOfLatitude_rad).toFixed(8),
        meanMotion_rev_per_day(e.altitude_m).toFixed(10),
        epochIso,
        (e.eccentricity ?? 0).toExponential(6),
        rad_to_deg(argumentOfPerigee_rad(e)).toFixed(8),
      ].join(',') + '\r\n',
    );
  }
  out.flush();
}
