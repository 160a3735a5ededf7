/**
 * `exportDesign(runDir, {design, format})`: hands a sized Pareto design over to other tools.
 * - yaml: a design file that `odc evaluate` accepts — the run's base design (study.yaml without its
 *   variables/objectives/constraints/algorithm sections, comments kept) with the design's variable
 *   values applied, and the study's constraints as its `requirements:` (those without statistics), which
 *   `odc evaluate` checks; its physical record is exactly the one stored in pareto.json.
 * - json: the DesignRecord (schema: designRecordJsonSchema / designs/schema/design-record.schema.json);
 *   benchmark runs have no record and give {index, variables, objectives}.
 * - csv: one header line and one row: the record flattened to dotted paths (constraints as
 *   `constraints[<name>].<field>`, notes joined with " | "), after the design's `index`.
 * - omm, omm-xml, tle, oem, czml, network, qsmag (and csv of a constellation): its orbits (orbitExport.ts), of a run's
 *   design or of a design file (a constellation's satellites, a node's one satellite).
 * With `out`, the file is written atomically (orbitExport.ts `writeOutput`).
 */
import { parseDocument } from 'yaml';
import { StudyError } from '../../base/errors.js';
import { join } from 'node:path';
import { existsSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { readJsonFile } from '../schemas.js';
import { SEEDS_FILE } from '../multiSeed.js';
import { stringify } from 'yaml';
import { checkOutputTarget } from '../../base/outputTarget.js';
import { loadStudyProblem } from '../problem.js';
import type { ParetoDesign } from '../paretoFile.js';
import { parseDesignSelector, selectDesign, type DesignSelector } from '../decision/decision.js';
import { loadRun } from '../loadRun.js';
import { selectedKnee } from '../answer/robustness.js';
import { readAnswer } from '../answer/read.js';
import { csvCell } from '../../base/csv.js';
import { parseConstraint } from '../../study/expression.js';
import { constellationRequirementResults, evaluateNodeFile, requirementResults } from '../../study/requirements.js';
import { readInput, readYaml } from '../../base/yaml.js';
import { nodeSatellite, type NodeOrbitRecord } from './nodeOrbit.js';
import { loadConstellationSpec } from '../../constellation/evaluator.js';
import type { ConstellationSpec } from '../../constellation/design/compile.js';
import { ommRecords, shellBstars, withEpoch } from '../../constellation/export/exportSatellites.js';
import { loadCatalogs } from '../../catalog/load.js';
import {
  exportConstellationOrbits,
  limitedFiles,
  NODE_ORBIT_FORMATS,
  ORBIT_FORMATS,
  nodeOrbitFiles,
  writeOutput,
  writesFolder,
  type OrbitExportOptions,
  type OrbitFormat,
} from './orbitExport.js';
import { checkFrameOption } from './ephemerisFiles.js';

export type ExportFormat = 'yaml' | 'json' | OrbitFormat;
export const EXPORT_FORMATS: readonly ExportFormat[] = ['yaml', 'json', 'csv', ...ORBIT_FORMATS];

export interface ExportOptions extends Omit<OrbitExportOptions, 'format'> {
  /** `knee`, `best:<objective>`, or the design's evaluation index (pareto.csv `index`); a run folder needs it. */
  readonly design?: DesignSelector | string;
  readonly format: ExportFormat;
  /** A node's RAAN [deg] at the epoch (a sun-synchronous node's follows from its LTAN; default 0). */
  readonly raan_deg?: number;
}

export interface ExportResult {
  readonly text: string;
  readonly design: ParetoDesign;
  /** What was selected, e.g. "knee" or "best:cost.lcoc_USD_per_PFLOP_day". */
  readonly selector: string;
  readonly path: string | null;
}

const STUDY_SECTIONS = ['variables', 'objectives', 'constraints', 'relax', 'algorithm', 'robust', 'select'] as const;

/** One item of an unnamed list as text: `code: message` for a warning, JSON for another object. */
function listItemText(v: unknown): string {
  if (v === null || typeof v !== 'object') return String(v);
  const { code, message } = v as { code?: unknown; message?: unknown };
  return typeof code === 'string' && typeof message === 'string' ? `${code}: ${message}` : JSON.stringify(v);
}

/** Flattens a record to [path, value] pairs (objects by dotted key; named arrays by `[name]`). */
export function flattenRecord(value: unknown, prefix = ''): [string, unknown][] {
  if (Array.isArray(value)) {
    // An empty list keeps its column (a design without warnings still has a `warnings` cell).
    if (value.length === 0) return [[prefix, '']];
    if (value.every((v) => v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string')) {
      return value.flatMap((v) => {
        const { name, ...rest } = v as { name: string } & Record<string, unknown>;
        return flattenRecord(rest, `${prefix}[${name}]`);
      });
    }
    return [[prefix, value.map(listItemText).join(' | ')]];
  }
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
      flattenRecord(v, prefix ? `${prefix}.${k}` : k),
    );
  }
  return [[prefix, value]];
}

/**
 * A node study's constraints split into those a design file carries as `requirements:` and those naming statistics
 * over the uncertainty samples (or unparseable), which one evaluation cannot check.
 */
function studyRequirements(study: Record<string, unknown>): { carried: string[]; dropped: string[] } {
  const all = Array.isArray(study['constraints']) ? (study['constraints'] as unknown[]).map(String) : [];
  const checkable = (c: string): boolean => {
    try {
      return !parseConstraint(c, { statistics: true }).statistics;
    } catch {
      return false;
    }
  };
  return { carried: all.filter(checkable), dropped: all.filter((c) => !checkable(c)) };
}

/**
 * The run's base design with `design`'s variable values applied, headed by where it came from (the yaml export; odc
 * serve too).
 */
export function designYaml(
  studyText: string,
  design: Pick<ParetoDesign, 'index' | 'variables' | 'objectives'>,
  runDir: string,
  selector: string,
  what = 'Pareto design',
): string {
  const doc = parseDocument(studyText);
  const { carried, dropped } = studyRequirements(doc.toJS() as Record<string, unknown>);
  for (const k of STUDY_SECTIONS) doc.delete(k);
  doc.delete('note'); // the base design's note (why it fails a check) does not describe the sized design
  if (carried.length) doc.set('requirements', carried);
  for (const [path, value] of Object.entries(design.variables)) {
    const [section, key] = path.split('.') as [string, string];
    doc.setIn([section, key], value);
  }
  const head = [
    ` Exported by odc from run ${runDir}: ${what} ${design.index} (${selector}).`,
    ` Objectives: ${Object.entries(design.objectives)
      .map(([k, v]) => `${k} = ${v}`)
      .join(', ')}.`,
    ...(carried.length
      ? [` requirements: the study's constraints; odc evaluate checks them beside the physical checks.`]
      : []),
    ...(dropped.length
      ? [` Not carried (statistics over uncertainty samples, which one evaluation has not): ${dropped.join('; ')}.`]
      : []),
    ` Evaluate it with: odc evaluate <this file>`,
  ].join('\n');
  doc.commentBefore = doc.commentBefore ? `${head}\n${doc.commentBefore}` : head;
  return doc.toString({ lineWidth: 0 });
}

/**
 * A multi-seed folder (seeds.json, no run.json of its own): the seed folder and index of the union decision's design
 * with that selector (knee, best:<objective>), so the design exported is the one the multi-seed run answered with;
 * null for a single run's folder.
 */
function seedRunOf(runDir: string, design: string): { runDir: string; design: string } | null {
  const seedsPath = join(runDir, SEEDS_FILE);
  if (existsSync(join(runDir, 'run.json')) || !existsSync(seedsPath)) return null;
  const fix = 'export from a seed folder instead (<folder>/seed-<s>/), or run the multi-seed study again';
  const raw = readJsonFile(seedsPath, 'BAD_RUN_DIR', fix) as { decision?: { designs?: unknown } } | null;
  const designs = (raw?.decision?.designs ?? []) as { selectors?: string[]; index?: number; seed?: number }[];
  const picked = designs.find((d) => d.selectors?.includes(design));
  if (picked?.seed === undefined || picked.index === undefined) {
    const offered = designs.flatMap((d) => d.selectors ?? []);
    throw new StudyError(
      'BAD_ARGUMENT',
      `${runDir} is a multi-seed run: --design ${design} names none of its union front's answers (${offered.join(', ') || 'none'}); ` +
        `give one of them, or export an index from a seed's own folder (${join(runDir, 'seed-<s>')})`,
      { field: 'design' },
    );
  }
  return { runDir: join(runDir, `seed-${picked.seed}`), design: String(picked.index) };
}

/** The answer record's recommended design (answer.json; decided again when the folder has none). */
function answerKnee(runDir: string, run: ReturnType<typeof loadRun>): ReturnType<typeof selectedKnee> {
  const answer = readAnswer(runDir);
  if (answer === null) return selectedKnee(run);
  const p = answer.picks[0];
  const design = p === undefined ? undefined : run.pareto.designs[p.position];
  return p === undefined || design === undefined ? null : { ...p, design };
}

/**
 * The Pareto design `design` names in a run folder (knee, best:<objective>, an index; in a multi-seed folder one of its
 * union front's answers), with the run folder it is in and the selector it answers.
 */
export function pickRunDesign(
  runDir: string,
  design: DesignSelector | string,
): { runDir: string; run: ReturnType<typeof loadRun>; design: ParetoDesign; selector: string } {
  const seeded = seedRunOf(runDir, String(design));
  if (seeded !== null) return pickRunDesign(seeded.runDir, seeded.design);
  const run = loadRun(runDir, { evaluations: false });
  const selector = parseDesignSelector(design);
  // the knee the study's select: recommends (a margin or a joint probability): the answer record's (answer.json), or
  // decided again for a folder of an older odc without one
  const pick = (selector === 'knee' ? answerKnee(runDir, run) : null) ?? selectDesign(run.pareto, selector, runDir);
  return { runDir, run, design: pick.design, selector: pick.selector };
}

/**
 * A run design's record (pareto.json) with the study's constraints its export carries as `requirements:` evaluated on
 * it, as `odc evaluate` of the export has them; null for a benchmark's design (no record). `odc diff RUNFOLDER:knee`
 * so compares the requirements as values on both sides.
 */
export function runDesignRecord(pick: ReturnType<typeof pickRunDesign>): ParetoDesign['record'] {
  const record = pick.design.record;
  const { carried } = studyRequirements(pick.run.study);
  if (record === null || carried.length === 0) return record;
  const { src } = readInput(join(pick.runDir, 'study.yaml'));
  const results =
    record.kind === 'constellation'
      ? constellationRequirementResults(carried, src, record)
      : requirementResults(carried, src, record);
  return { ...record, constraints: [...record.constraints, ...results] } as ParetoDesign['record'];
}

/** `runDir` a run folder and `design` which of its Pareto designs; or `runDir` a node design file (omm, tle only). */
export function exportDesign(runDir: string, opts: ExportOptions): ExportResult {
  if (!EXPORT_FORMATS.includes(opts.format)) {
    throw new StudyError(
      'BAD_ARGUMENT',
      `--format "${String(opts.format)}": expected one of ${EXPORT_FORMATS.join(', ')}`,
      { field: 'format' },
    );
  }
  // before any work: a --frame the format cannot carry, or no frame at all (ephemerisFiles.ts)
  limitedFiles(runDir, opts.format, () => checkFrameOption(opts.format, opts.frame));
  // before any work: --out may be neither the run folder's own file nor the design file read (a folder is checked when
  // written, by writeOutput, which knows the names it writes there)
  if (opts.out !== undefined && !writesFolder(opts)) checkOutputTarget(opts.out, 'file', [runDir]);
  const folder = opts.out !== undefined && writesFolder(opts) ? opts.out : null;
  const newFolder = folder !== null && !existsSync(folder);
  try {
    return exportFrom(runDir, opts);
  } catch (e) {
    // a refused export leaves no folder it created (one that holds nothing yet)
    if (newFolder && existsSync(folder) && readdirSync(folder).length === 0) rmdirSync(folder);
    throw e;
  }
}

function exportFrom(runDir: string, opts: ExportOptions): ExportResult {
  if (existsSync(runDir) && statSync(runDir).isFile()) return exportDesignFile(runDir, opts);
  if (opts.design === undefined)
    throw new StudyError(
      'BAD_ARGUMENT',
      `${runDir}: a run folder needs --design (knee, best:<objective> or a design index)`,
      { field: 'design' },
    );
  const { run, design: d, selector, runDir: dir } = pickRunDesign(runDir, opts.design);
  return exportPicked(dir, run, d, selector, opts);
}

function exportPicked(
  runDir: string,
  run: ReturnType<typeof loadRun>,
  d: ParetoDesign,
  selector: string,
  opts: ExportOptions,
): ExportResult {
  if (run.pareto.kind === 'constellation' && opts.format !== 'json')
    return exportConstellation(runDir, run.studyText, d, selector, opts);
  if (run.pareto.kind === 'node' && NODE_ORBIT_FORMATS.includes(opts.format))
    return exportNodeOrbit(runDir, run, d, selector, opts);
  if ((ORBIT_FORMATS as readonly string[]).includes(opts.format)) {
    throw new StudyError(
      'BAD_ARGUMENT',
      run.pareto.kind === 'node'
        ? `${runDir}: --format ${opts.format} writes a constellation's satellites; this is a node run (use ${NODE_ORBIT_FORMATS.join(', ')} for its orbit)`
        : `${runDir}: --format ${opts.format} writes satellites; this is a benchmark run (use json or csv)`,
      { field: 'format' },
    );
  }
  let text: string;
  if (opts.format === 'yaml') {
    if (run.pareto.kind !== 'node') {
      throw new StudyError(
        'BAD_ARGUMENT',
        `${runDir}: a benchmark run has no node design to write as YAML; use --format json or csv`,
        { field: 'format' },
      );
    }
    text = designYaml(run.studyText, d, runDir, selector);
  } else {
    const data: unknown = d.record ?? { index: d.index, variables: d.variables, objectives: d.objectives };
    if (opts.format === 'json') text = `${JSON.stringify(data, null, 2)}\n`;
    else {
      const flat = [['index', d.index] as [string, unknown], ...flattenRecord(data).filter(([k]) => k !== 'index')];
      text = `${flat.map(([k]) => csvCell(k)).join(',')}\n${flat.map(([, v]) => csvCell(v)).join(',')}\n`;
    }
  }
  if (opts.out !== undefined) writeOutput(runDir, opts.format, opts.out, { [opts.format]: (sink) => sink(text) });
  return { text, design: d, selector: selector, path: opts.out ?? null };
}

/**
 * The constellation file a design stands for, headed by where it came from, with the study's constraints as its
 * `requirements:` (those without statistics), which `odc evaluate` checks beside the physical checks.
 */
function constellationYaml(runDir: string, studyText: string, file: object, index: number, selector: string): string {
  const { carried, dropped } = studyRequirements(parseDocument(studyText).toJS() as Record<string, unknown>);
  const head = [
    `# Exported by odc from run ${runDir}: Pareto design ${index} (${selector}).`,
    ...(carried.length
      ? [`# requirements: the study's constraints; odc evaluate checks them beside the physical checks.`]
      : []),
    ...(dropped.length
      ? [`# Not carried (statistics over uncertainty samples, which one evaluation has not): ${dropped.join('; ')}.`]
      : []),
    '# Evaluate it with: odc evaluate <this file>',
  ];
  const body = carried.length ? { ...file, requirements: carried } : file;
  return `${head.join('\n')}\n${stringify(body, { lineWidth: 0 })}`;
}

/** A constellation run's study and the variable vector of its design `d`. */
function runConstellation(runDir: string, d: ParetoDesign) {
  const loaded = loadStudyProblem(join(runDir, 'study.yaml'));
  const x = Float64Array.from(loaded.problem.variables, (v) => {
    const value = d.variables[v.name];
    return v.kind === 'choice' ? v.options.findIndex((o) => o === value) : Number(value);
  });
  return { c: loaded.constellation!, x };
}

/**
 * The OMM records of a constellation target's satellites at `epochIso`, made one at a time, as `exportDesign(target,
 * { format: 'omm', epoch, design })` writes them (the same generator and B*), so a million satellites never sit in
 * memory; null when `target` is not a constellation (a node's file or run, a benchmark run: exportDesign's). A format
 * limit met while they are made is a RangeError (limitedFiles(target, 'omm', …) words it as exportDesign does).
 */
export function constellationOmm(
  target: string,
  design: string | undefined,
  epochIso: string,
): (() => Generator<Record<string, unknown>>) | null {
  let spec: ConstellationSpec | null = null;
  if (existsSync(target) && statSync(target).isFile()) {
    const file = readYaml(target);
    if ((file.raw as { kind?: unknown }).kind === 'constellation') spec = loadConstellationSpec(file, loadCatalogs());
  } else {
    const pick = pickRunDesign(target, design ?? 'knee');
    const { c, x } = pick.run.pareto.kind === 'constellation' ? runConstellation(pick.runDir, pick.design) : {};
    if (c !== undefined) spec = c.spec(x!);
  }
  if (spec === null) return null;
  const options = limitedFiles(target, 'omm', () => ({ bstar_per_earth_radius: shellBstars(spec) }));
  const epoched = limitedFiles(target, 'omm', () => withEpoch(spec, epochIso));
  return () => ommRecords(epoched, options);
}

/**
 * A constellation study's design: yaml = the constellation file it stands for (node inlined, the study's constraints
 * as `requirements:`; `odc evaluate` reproduces its record and checks them); the other formats its satellites
 * (orbitExport.ts), streamed to `--out` (atomically) so a million satellites never sit in memory.
 */
function exportConstellation(
  runDir: string,
  studyText: string,
  d: ParetoDesign,
  selector: string,
  opts: ExportOptions,
): ExportResult {
  const { c, x } = runConstellation(runDir, d);
  const r =
    opts.format === 'yaml'
      ? writeOutput(runDir, opts.format, opts.out, {
          'design.yaml': (sink) => sink(constellationYaml(runDir, studyText, c.file(x), d.index, selector)),
        })
      : exportConstellationOrbits(runDir, c.spec(x), { ...opts, format: opts.format as OrbitFormat });
  return { ...r, design: d, selector };
}

/**
 * A design file's orbits: a constellation file's satellites (any orbit format), a node file's one satellite (omm,
 * omm-xml, tle, oem, czml); the file evaluated as `odc evaluate` does for the node's resolved inclination and drag.
 */
function exportDesignFile(path: string, opts: ExportOptions): ExportResult {
  const file = readYaml(path);
  const refuse = (why: string): never => {
    throw new StudyError('BAD_ARGUMENT', `${path}: ${why}`, { field: 'format', file: path });
  };
  const d: ParetoDesign = { index: 0, variables: {}, objectives: {}, constraints: {}, record: null };
  if ((file.raw as { kind?: unknown }).kind === 'constellation') {
    if (!(ORBIT_FORMATS as readonly string[]).includes(opts.format) && opts.format !== 'csv')
      refuse(
        `a constellation file exports its satellites (--format ${[...ORBIT_FORMATS, 'csv'].join(', ')}); --format ${opts.format} needs a run folder (the file is its own yaml, odc evaluate --json prints its record)`,
      );
    const spec = loadConstellationSpec(file, loadCatalogs());
    const r = exportConstellationOrbits(path, spec, { ...opts, format: opts.format as OrbitFormat });
    return { ...r, design: d, selector: 'file' };
  }
  if (!NODE_ORBIT_FORMATS.includes(opts.format))
    refuse(
      `a node design file exports its orbit (--format ${NODE_ORBIT_FORMATS.join(', ')}); --format ${opts.format} needs a run folder (the file is its own yaml, odc evaluate --json prints its record)`,
    );
  const { record } = evaluateNodeFile(file);
  return writeNodeOrbit(path, record.name, { ...d, record }, 'file', opts);
}

/**
 * A node study's design as one satellite: its orbit by the constellation's conventions (nodeOrbit.ts), named
 * `<study>-<index>-node-P0-S0`.
 */
function exportNodeOrbit(
  runDir: string,
  run: ReturnType<typeof loadRun>,
  d: ParetoDesign,
  selector: string,
  opts: ExportOptions,
): ExportResult {
  if (d.record === null)
    throw new StudyError(
      'BAD_RUN_DIR',
      `${runDir}: design ${d.index} has no record in pareto.json to take its orbit from`,
    );
  const name = `${String(run.study['name'] ?? 'node')}-${d.index}`;
  return writeNodeOrbit(runDir, name, d, selector, opts);
}

/** The node of record `d.record` as the satellite `<name>-node-P0-S0` (nodeOrbit.ts), RAAN `--raan` if given. */
function writeNodeOrbit(
  where: string,
  name: string,
  d: ParetoDesign,
  selector: string,
  opts: ExportOptions,
): ExportResult {
  const node = limitedFiles(where, opts.format, () => {
    const { spec, bstar_per_earth_radius } = nodeSatellite(d.record as NodeOrbitRecord, name, opts.raan_deg);
    return nodeOrbitFiles(where, spec, { ...opts, format: opts.format as OrbitFormat }, bstar_per_earth_radius);
  });
  return { ...writeOutput(where, opts.format, opts.out, node), design: d, selector };
}
