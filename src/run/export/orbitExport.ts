/**
 * The orbit formats of `odc export`: a constellation's satellites (from a run's design or a constellation design
 * file) or a node's one satellite, as CCSDS OMM (JSON, XML), TLE, CSV, the sky pack's qs.mag, CCSDS OEM (KVN, XML),
 * CZML or a network folder for a packet-level simulator. `--epoch` re-epochs every orbit format (sun-synchronous
 * RAANs follow their LTAN); `--catalog-base` sets the first NORAD_CAT_ID (docs/constellations.md §"Hand-off to other
 * tools").
 * Every file goes out through `writeOutput`, the one place an export writes: streamed, atomically.
 */
import { StudyError } from '../../base/errors.js';
import { writeFolderAtomic, writeStreamAtomic } from '../atomic.js';
import { checkOutputTarget, removeMadeFolders, unmakeFolder } from '../../base/outputTarget.js';
import type { ConstellationSpec } from '../../constellation/design/compile.js';
import {
  shellBstars,
  withEpoch,
  writeOmmJson,
  writeSatelliteCsv,
  writeTle,
  type ExportableConstellation,
} from '../../constellation/export/exportSatellites.js';
import { writeOmmXml } from '../../constellation/export/ommXml.js';
import { skyModels, writeQsMag } from '../../constellation/export/skyPack.js';
import { writeNetworkFolder } from '../../constellation/export/networkFiles.js';
import { basename, dirname, join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { utcMsOf, utcSpanEnd } from '../../base/utcTime.js';
import { removeTempsOnExit } from './tempWatch.js';
import {
  checkFrameOption,
  checkSize,
  czmlFiles,
  oemFiles,
  ommXmlFiles,
  type EphemerisOptions,
  type FileSet,
  type OrbitFiles,
  type Produce,
} from './ephemerisFiles.js';

/** Formats that write orbits (the others, yaml/json/csv of a record, are export.ts's). */
export const ORBIT_FORMATS = ['omm', 'omm-xml', 'tle', 'qsmag', 'oem', 'oem-xml', 'czml', 'network'] as const;
export type OrbitFormat = (typeof ORBIT_FORMATS)[number] | 'csv';
/** Formats that write several files: their --out is a folder (and omm-xml with --split). */
export const FOLDER_FORMATS: readonly string[] = ['network', 'oem', 'oem-xml'];
/** Whether an export's --out is a folder. */
export const writesFolder = (o: { readonly format: string; readonly split?: boolean }): boolean =>
  FOLDER_FORMATS.includes(o.format) || (o.format === 'omm-xml' && o.split === true);
/** What a node's one satellite can be written as. */
export const NODE_ORBIT_FORMATS: readonly string[] = ['omm', 'omm-xml', 'tle', 'oem', 'oem-xml', 'czml'];

export interface OrbitExportOptions extends EphemerisOptions {
  readonly format: OrbitFormat;
  readonly out?: string;
  readonly frozenEccentricity?: boolean;
  /** Epoch of every orbit (ISO 8601 UTC); default the design's `simulation.epoch`. */
  readonly epoch?: string;
  readonly catalogBase?: number;
  /** oem, czml: span from the epoch [h] and step [s]. */
  readonly span_h?: number;
  readonly step_s?: number;
  /** omm-xml: one OMM document per satellite in the --out folder, with manifest.json, instead of one NDM. */
  readonly split?: boolean;
  /** CREATION_DATE of OMM XML and OEM headers (ISO 8601 UTC); default now. */
  readonly creationDate?: string;
}

const fileSet = (files: FileSet | Readonly<Record<string, Produce>>): FileSet =>
  files['kind'] === 'set'
    ? (files as FileSet)
    : {
        kind: 'set',
        count: Object.keys(files).length,
        entries: () => Object.entries(files as Record<string, Produce>),
      };

/**
 * Writes `files` (name → producer): to `out` (a file, or for several files a folder), each streamed atomically (its
 * temporary file removed however the process ends, tempWatch.ts); without `out` one file's text is returned. The
 * formats' limits (Alpha-5 numbers, a selection matching nothing, a size) are the user's to work around, so their
 * RangeError becomes a StudyError naming `where` and the format.
 */
export function writeOutput(
  where: string,
  format: string,
  out: string | undefined,
  files: FileSet | Readonly<Record<string, Produce>>,
): { text: string; path: string | null } {
  const limited = <T>(write: () => T): T => limitedFiles(where, format, write);
  const set = fileSet(files);
  if (set.count > 1 || (out !== undefined && FOLDER_FORMATS.includes(format))) {
    if (out === undefined)
      throw new StudyError('BAD_ARGUMENT', `--format ${format} writes ${set.count} files: give --out <folder>`, {
        field: 'out',
      });
    // a small fixed set of names is this writer's own when a folder holds exactly them; a folder of one file per
    // satellite is its own when it holds the manifest the writer writes last
    const names = files['kind'] === 'set' ? undefined : Object.keys(files);
    checkOutputTarget(out, 'folder', [where], {
      folder: {
        writer: `odc export --format ${format}`,
        ...(names !== undefined ? { names } : { holdsOwnResult: (dir) => existsSync(join(dir, 'manifest.json')) }),
      },
    });
    // all files or none (a format limit met in a later file leaves nothing): the folder is written beside its target
    // and renamed to it whole (writeFolderAtomic); a folder made empty for it goes, so a kill leaves nothing either
    unmakeFolder(out);
    try {
      limited(() => writeFolderAtomic(out, set.entries(), (dir) => removeTempsOnExit(dirname(dir), basename(dir))));
    } catch (e) {
      removeMadeFolders();
      throw e;
    }
    return { text: '', path: out };
  }
  const [, produce] = [...set.entries()][0]!;
  if (out !== undefined) {
    checkOutputTarget(out, 'file', [where]);
    removeTempsOnExit(dirname(resolve(out)), basename(out));
    limited(() => writeStreamAtomic(out, produce));
    return { text: '', path: out };
  }
  const chunks: string[] = [];
  limited(() => produce((chunk) => chunks.push(chunk)));
  return { text: chunks.join(''), path: null };
}

/** The common writer options of a spec: B* per shell, numbering, epoch, creation date. */
function writerOptions(opts: Readonly<OrbitExportOptions>, bstar: readonly number[]) {
  return {
    bstar_per_earth_radius: bstar,
    frozenEccentricity: opts.frozenEccentricity === true,
    ...(opts.catalogBase !== undefined ? { catalogBase: opts.catalogBase } : {}),
    creationDate: opts.creationDate ?? new Date().toISOString(),
  };
}

/** The files of one orbit format for a constellation or a node's one-satellite constellation, with their size. */
export function orbitFiles(
  source: Readonly<ExportableConstellation>,
  opts: Readonly<OrbitExportOptions>,
  bstar: readonly number[],
  full: ConstellationSpec | null,
): OrbitFiles {
  const spec = withEpoch(source, opts.epoch);
  const o = writerOptions(opts, bstar);
  const span_s = (opts.span_h ?? (opts.format === 'czml' ? 1.5 : 24)) * 3600;
  const step_s = opts.step_s ?? 60;
  // an ephemeris's last state is dated too: it may not pass 9999-12-31 (src/base/utcTime.ts)
  if (['oem', 'oem-xml', 'czml'].includes(opts.format)) utcSpanEnd(utcMsOf(spec.window.epochIso), span_s, '--span-h');
  const one = (files: Record<string, Produce>): OrbitFiles => ({ files, estimate: null });
  checkFrameOption(opts.format, opts.frame);
  if (opts.split === true && opts.format !== 'omm-xml')
    throw new RangeError('--split writes one OMM XML per file: it goes with --format omm-xml');
  switch (opts.format) {
    case 'omm':
      return one({ 'satellites.json': (sink) => writeOmmJson(spec, sink, o) });
    case 'omm-xml':
      if (opts.split === true) return { files: ommXmlFiles(spec, o), estimate: null };
      return one({ 'satellites.xml': (sink) => writeOmmXml(spec, sink, o) });
    case 'tle':
      return one({ 'satellites.tle': (sink) => writeTle(spec, sink, o) });
    case 'csv':
      return one({ 'satellites.csv': (sink) => writeSatelliteCsv(spec, sink, o) });
    case 'oem':
    case 'oem-xml':
      return oemFiles(spec, opts, o, span_s, step_s);
    case 'qsmag':
      if (full === null) throw new RangeError('qsmag writes a constellation: a node has no sky pack');
      return one({ 'satellites.qs.mag': (sink) => writeQsMag(withEpoch(full, opts.epoch), skyModels(full), sink, o) });
    case 'czml':
      return czmlFiles(spec, full === null ? null : withEpoch(full, opts.epoch), opts, o, span_s, step_s);
    case 'network':
      if (full === null) throw new RangeError('network writes a constellation: a node has no links');
      return one(writeNetworkFolder(withEpoch(full, opts.epoch), o));
  }
}

/** A constellation (a run's design or a design file) in an orbit format: `where` names it in messages. */
export function exportConstellationOrbits(
  where: string,
  spec: ConstellationSpec,
  opts: Readonly<OrbitExportOptions>,
): { text: string; path: string | null } {
  // Every satellite carries B* from its shell node's drag, so propagators see it decay at odc's rate.
  const { files } = limitedFiles(where, opts.format, () => {
    const r = orbitFiles(spec, opts, shellBstars(spec), spec);
    checkSize(opts.format, r.estimate, opts);
    return r;
  });
  return writeOutput(where, opts.format, opts.out, files);
}

/** A node's one-satellite constellation in an orbit format (its size checked as a constellation's). */
export function nodeOrbitFiles(
  where: string,
  source: Readonly<ExportableConstellation>,
  opts: Readonly<OrbitExportOptions>,
  bstar: readonly number[],
): OrbitFiles['files'] {
  const r = orbitFiles(source, opts, bstar, null);
  limitedFiles(where, opts.format, () => checkSize(opts.format, r.estimate, opts));
  return r.files;
}

/** Runs `build`, the format's RangeErrors (bad epoch, selection, numbers) as StudyErrors naming `where`. */
export function limitedFiles<T>(where: string, format: string, build: () => T): T {
  try {
    return build();
  } catch (e) {
    if (e instanceof RangeError)
      throw new StudyError('BAD_ARGUMENT', `${where}: --format ${format}: ${e.message.replaceAll('<source>', where)}`, {
        field: 'format',
      });
    throw e;
  }
}
