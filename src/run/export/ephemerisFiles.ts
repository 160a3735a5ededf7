/**
 * The ephemeris formats of `odc export` (OEM, CZML): which satellites they write (satelliteSelection.ts: the default
 * OEM the first of each shell, the default scene at most CZML_SCENE_SATELLITES spread over every shell), and their
 * size estimated before anything is written, from the bytes of the first satellite and the second's share, refused
 * past the format's limit (SIZE_LIMITS) unless forced.
 */
import type { ConstellationSpec } from '../../constellation/design/compile.js';
import {
  catalogBaseOf,
  numberingComment,
  satelliteRecords,
  type ExportableConstellation,
  type ExportOptions,
  type SatelliteRecord,
} from '../../constellation/export/exportSatellites.js';
import { ommMessage, ommXmlContext, XML_DECLARATION } from '../../constellation/export/ommXml.js';
import { OEM_FRAMES, writeOemMessage, type OemFrame } from '../../constellation/export/oem.js';
import {
  firstOfEachShell,
  parseSatelliteSelection,
  sceneSubset,
  selectionCount,
  selectionPredicate,
  type SatelliteSelection,
} from '../../constellation/export/satelliteSelection.js';
import {
  constellationNetwork,
  linkPacket,
  sceneLinkBound,
  writeCzml,
  type CzmlNetwork,
} from '../../constellation/export/czml.js';

/** What the ephemeris formats read of the export's options. */
export interface EphemerisOptions {
  readonly format: string;
  /** Where the export goes (oem: a folder of one file per satellite and a manifest; none: one satellite's OEM). */
  readonly out?: string;
  /** oem, czml: the satellites (satelliteSelection.ts); oem default the first of each shell, czml its subset. */
  readonly satellites?: string;
  /** czml: every satellite instead of the scene subset. */
  readonly full?: boolean;
  /** Write an export whose estimated size passes its format's limit (SIZE_LIMITS). */
  readonly force?: boolean;
  /** oem, oem-xml: the states' frame, `teme` (default) or `eme2000` (OEM_FRAMES, any case). */
  readonly frame?: string;
  /** Hears the size estimate of an ephemeris export (oem, czml) before anything is written. */
  readonly notice?: (line: string) => void;
}

type WriterOptions = ExportOptions & { readonly creationDate: string };

export type Produce = (sink: (chunk: string) => void) => void;

/** Files produced one after another (a folder of any number of files is never a table in memory). */
export interface FileSet {
  readonly kind: 'set';
  readonly count: number;
  entries(): Iterable<readonly [string, Produce]>;
}

/** Satellites of the default Cesium scene: viewers stutter beyond about a thousand animated satellites. */
export const CZML_SCENE_SATELLITES = 1000;

/**
 * Largest estimated export written without `--force` [bytes], and why. CZML: Cesium parses a document whole in the
 * browser (a 234 MB scene of 51,600 satellites took 76 s to load and 1.34 GB of browser memory in Chromium).
 * OEM: an ephemeris per satellite for orbit tools, not a catalogue (OMM carries every satellite in ~0.5 kB each).
 */
export const SIZE_LIMITS: Readonly<Record<'czml' | 'oem', { bytes: number; why: string }>> = {
  czml: { bytes: 100e6, why: 'a browser loads a CZML document whole' },
  oem: { bytes: 2e9, why: 'an ephemeris is for a few satellites; OMM carries every one at ~0.5 kB each' },
};

/** Bytes (UTF-8) a producer writes, counted without keeping them. */
function bytesOf(produce: Produce): number {
  let n = 0;
  produce((chunk) => void (n += Buffer.byteLength(chunk, 'utf8')));
  return n;
}

/** An export's size before it is written: bytes and what they hold. */
export interface SizeEstimate {
  readonly bytes: number;
  readonly what: string;
  readonly limit: keyof typeof SIZE_LIMITS;
}

/** The files of one export and, for the ephemeris formats, their estimated size. */
export interface OrbitFiles {
  readonly files: FileSet | Record<string, Produce>;
  readonly estimate: SizeEstimate | null;
}

const mb = (bytes: number): string =>
  bytes < 1e6 ? `${Math.ceil(bytes / 1e3)} kB` : `${(bytes / 1e6).toFixed(bytes < 10e6 ? 1 : 0)} MB`;

/**
 * Tells the estimate (`notice`), then refuses an export past its format's limit unless `force`: before any file or
 * folder is created.
 */
export function checkSize(format: string, estimate: SizeEstimate | null, opts: Readonly<EphemerisOptions>): void {
  if (estimate === null) return;
  const limit = SIZE_LIMITS[estimate.limit];
  opts.notice?.(`--format ${format}: ${estimate.what}: about ${mb(estimate.bytes)}`);
  if (estimate.bytes > limit.bytes && opts.force !== true)
    throw new RangeError(
      `${estimate.what} would write about ${mb(estimate.bytes)}, past the ${mb(limit.bytes)} limit of ${format} ` +
        `(${limit.why}); choose fewer satellites (--satellites), a shorter --span-h or a longer --step-s, or give ` +
        '--force to write it anyway',
    );
}

/** The first `k` satellites a selection holds, as a selection (to measure one satellite's share of a file). */
function firstOf(
  spec: Readonly<ExportableConstellation>,
  selection: SatelliteSelection,
  k: number,
): SatelliteSelection {
  const select = selectionPredicate(spec, selection);
  const items: { shellIndex: number; plane: number; slot: number }[] = [];
  for (const [shellIndex, { geometry: g }] of spec.shells.entries())
    for (let plane = 0; plane < g.planes && items.length < k; plane++)
      for (let slot = 0; slot < g.satsPerPlane && items.length < k; slot++)
        if (select({ shellIndex, plane, slot })) items.push({ shellIndex, plane, slot });
  if (items.length === 0) throw new RangeError('the satellite selection matches no satellite');
  return { all: false, items };
}

/**
 * Bytes of a file of `n` satellites from the files of its first one and first two: the header once, then the second
 * satellite's share for each further one.
 */
function scaled(n: number, write: (sel: SatelliteSelection) => Produce, first: (k: number) => SatelliteSelection) {
  const one = bytesOf(write(first(1)));
  return n <= 1 ? one : one + (n - 1) * (bytesOf(write(first(2))) - one);
}

/** The satellites a CZML scene shows by default or as asked, and the description saying which. */
function sceneSelection(
  spec: Readonly<ExportableConstellation>,
  opts: Readonly<EphemerisOptions>,
): { selection: SatelliteSelection; description: string } {
  const total = spec.shells.reduce((n, s) => n + s.geometry.planes * s.geometry.satsPerPlane, 0);
  if (opts.satellites !== undefined) {
    const selection = parseSatelliteSelection(spec, opts.satellites);
    const n = selectionCount(spec, selection);
    return { selection, description: `${n} of ${total} satellites (--satellites ${opts.satellites})` };
  }
  if (opts.full === true || total <= CZML_SCENE_SATELLITES)
    return { selection: { all: true }, description: total === 1 ? 'its one satellite' : `all ${total} satellites` };
  const { selection, shells, count } = sceneSubset(spec, CZML_SCENE_SATELLITES);
  const perShell = shells.map((s) => {
    const g = spec.shells[s.shellIndex]!.geometry;
    return `${g.name}: ${s.planes.length} of ${g.planes} planes × ${s.slots.length} of ${g.satsPerPlane} slots`;
  });
  return {
    selection,
    description:
      `${count} of ${total} satellites, chosen to show the geometry: every shell, its planes evenly spread in RAAN ` +
      `and slots evenly spread along each (${perShell.join('; ')}); links drawn where both ends are shown; ` +
      'odc export --full for every satellite',
  };
}

/** A file name from a satellite's name: its catalog number first (unique), then the name's safe characters. */
const fileNameOf = (s: Readonly<SatelliteRecord>, extension: string): string =>
  `${s.catalogNumber}_${s.name.replace(/[^A-Za-z0-9._-]+/g, '_')}.${extension}`;

/**
 * manifest.json of a folder of one file per satellite: `head`'s fields (format, numbering, frame, …), then each
 * satellite's file and identifiers.
 */
function satelliteManifest(
  selected: () => Iterable<SatelliteRecord>,
  extension: string,
  head: Readonly<Record<string, unknown>>,
): Produce {
  return (sink) => {
    sink(`${JSON.stringify(head).slice(0, -1)},"satellites":[`);
    let k = 0;
    for (const s of selected()) {
      const row = {
        file: fileNameOf(s, extension),
        OBJECT_NAME: s.name,
        OBJECT_ID: s.objectId,
        NORAD_CAT_ID: s.catalogNumber,
        shell: s.shell,
        plane: s.plane,
        slot: s.slot,
      };
      sink(`${k++ === 0 ? '' : ','}\n${JSON.stringify(row)}`);
    }
    sink('\n]}\n');
  };
}

/** One file per satellite, then manifest.json: the folder of `oem`, `oem-xml` and `omm-xml --split`. */
function perSatellite(
  n: number,
  selected: () => Iterable<SatelliteRecord>,
  extension: string,
  write: (s: Readonly<SatelliteRecord>) => Produce,
  head: Readonly<Record<string, unknown>>,
): FileSet {
  const manifest = satelliteManifest(selected, extension, head);
  return {
    kind: 'set',
    count: n + 1,
    *entries() {
      for (const s of selected()) yield [fileNameOf(s, extension), write(s)] as const;
      yield ['manifest.json', manifest] as const;
    },
  };
}

/**
 * `omm-xml --split`: each satellite's OMM as an XML document of its own (`<omm>` the root: Orekit's OMM parser,
 * `new ParserBuilder().buildOmmParser()`, and other single-message readers take it), `<NORAD_CAT_ID>_<name>.omm.xml`,
 * and manifest.json; every message's header COMMENT states the numbering.
 */
export function ommXmlFiles(spec: Readonly<ExportableConstellation>, o: WriterOptions): FileSet {
  const c = ommXmlContext(spec, o);
  const n = spec.shells.reduce((k, s) => k + s.geometry.planes * s.geometry.satsPerPlane, 0);
  const head = { format: 'CCSDS OMM 3.0 (XML), one message per file', numbering: numberingComment(c.base) };
  return perSatellite(
    n,
    () => satelliteRecords(spec, c.base),
    'omm.xml',
    (s) => (sink) => sink(XML_DECLARATION + ommMessage(s, c, true)),
    head,
  );
}

/** The formats whose states `--frame` sets, and the frame every other format is written in. */
const FRAME_FORMATS: readonly string[] = ['oem', 'oem-xml'];
const OWN_FRAME: Readonly<Record<string, string>> = {
  czml: "Cesium's Earth-fixed FIXED frame",
  yaml: 'no frame (a design, not states)',
  json: 'no frame (a record, not states)',
};
const frameChoices = (): string => OEM_FRAMES.map((f) => f.toLowerCase()).join(' or ');

/** The OEM frame `--frame` names (default TEME); a RangeError names the flag and the choices. */
export function oemFrame(name: string | undefined): OemFrame {
  const frame = OEM_FRAMES.find((f) => f === (name ?? 'TEME').toUpperCase());
  if (frame === undefined) throw new RangeError(`--frame ${name}: expected ${frameChoices()}`);
  return frame;
}

/**
 * Refuses, before anything is written, a `--frame` that names no frame, or one given to a format that cannot carry
 * it: only an OEM's states are rotated; the element formats are SGP4's TEME by definition, a scene is Earth-fixed.
 */
export function checkFrameOption(format: string, frame: string | undefined): void {
  if (frame === undefined) return;
  oemFrame(frame);
  if (!FRAME_FORMATS.includes(format))
    throw new RangeError(
      `--frame (${frameChoices()}) sets the states' frame of ${FRAME_FORMATS.join(' and ')}; --format ${format} is written in ${OWN_FRAME[format] ?? 'TEME (SGP4 mean elements)'}: leave --frame out`,
    );
}

/**
 * One OEM per selected satellite (default the first of each shell; CCSDS 502.0-B-3 §5.2.3: a strict reader and GMAT or
 * STK attach one message to one object), each `<NORAD_CAT_ID>_<name>.oem` (KVN) or `.oem.xml`, and manifest.json
 * listing each file with its object's name, designator, number, shell, plane and slot; without `out` one satellite's
 * OEM alone. The size: one file's bytes times the satellites.
 */
export function oemFiles(
  spec: Readonly<ExportableConstellation>,
  opts: Readonly<EphemerisOptions>,
  o: WriterOptions,
  span_s: number,
  step_s: number,
): OrbitFiles {
  const selection =
    opts.satellites !== undefined ? parseSatelliteSelection(spec, opts.satellites) : firstOfEachShell(spec);
  const select = selectionPredicate(spec, selection);
  const layout = opts.format === 'oem' ? 'kvn' : 'xml';
  const extension = layout === 'kvn' ? 'oem' : 'oem.xml';
  const base = catalogBaseOf(spec, o);
  const frame = oemFrame(opts.frame);
  const write =
    (s: Readonly<SatelliteRecord>): Produce =>
    (sink) =>
      writeOemMessage(spec, [s], sink, { ...o, span_s, step_s, frame }, layout);
  function* selected(): Generator<SatelliteRecord> {
    for (const s of satelliteRecords(spec, base)) if (select(s)) yield s;
  }
  const n = selectionCount(spec, selection);
  const first = selected().next().value!;
  const estimate = {
    bytes: n * bytesOf(write(first)),
    what: `${n} satellite${n === 1 ? '' : 's'}`,
    limit: 'oem' as const,
  };
  if (opts.out === undefined && n === 1) return { files: { [fileNameOf(first, extension)]: write(first) }, estimate };
  const head = {
    format: `CCSDS OEM 3.0 (${layout === 'kvn' ? 'KVN' : 'XML'}), one object per file`,
    numbering: numberingComment(base),
    frame: { REF_FRAME: frame, CENTER_NAME: 'EARTH', TIME_SYSTEM: 'UTC' },
    span_s,
    step_s,
  };
  return { files: perSatellite(n, selected, extension, write, head), estimate };
}

/** The CZML scene (its network from `full`, null for a node) and its size. */
export function czmlFiles(
  spec: Readonly<ExportableConstellation>,
  full: ConstellationSpec | null,
  opts: Readonly<EphemerisOptions>,
  o: WriterOptions,
  span_s: number,
  step_s: number,
): OrbitFiles {
  const { selection, description } = sceneSelection(spec, opts);
  const network: CzmlNetwork | null = full === null ? null : constellationNetwork(full);
  const write =
    (sel: SatelliteSelection, net: CzmlNetwork | null): Produce =>
    (sink) =>
      writeCzml(spec, net, sink, { ...o, span_s, step_s, select: selectionPredicate(spec, sel), description });
  const n = selectionCount(spec, selection);
  const links = full === null ? 0 : sceneLinkBound(full, selectionPredicate(spec, selection));
  const sampleName = `${spec.name}-${spec.shells[0]!.geometry.name}-P0-S0`;
  const linkBytes = links * (JSON.stringify(linkPacket(sampleName, sampleName)).length + 2);
  const bytes =
    scaled(
      n,
      (sel) => write(sel, null),
      (k) => firstOf(spec, selection, k),
    ) + linkBytes;
  const what = `a scene of ${n} satellite${n === 1 ? '' : 's'}${links > 0 ? ` and at most ${links} links` : ''}`;
  return { files: { 'scene.czml': write(selection, network) }, estimate: { bytes, what, limit: 'czml' } };
}
