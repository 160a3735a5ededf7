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
 * - omm, tle: the satellites of a constellation design; a node design's one satellite (nodeOrbit.ts).
 * - qsmag: a constellation design's standard magnitudes (constellation/export/skyPack.ts).
 * With `out`, the file is written atomically.
 */
import { parseDocument } from 'yaml';
import { StudyError } from '../../base/errors.js';
import { join } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { readJsonFile } from '../../run/schemas.js';
import { SEEDS_FILE } from '../../run/multiSeed.js';
import { stringify } from 'yaml';
import { writeFileAtomic, writeStreamAtomic } from '../../run/atomic.js';
import { checkOutputTarget } from '../../base/outputTarget.js';
import { loadStudyProblem } from '../../run/problem.js';
import { shellBstars, writeOmmJson, writeSatelliteCsv, writeTle } from '../../constellation/export/exportSatellites.js';
import type { ParetoDesign } from '../../run/paretoFile.js';
import { parseDesignSelector, selectDesign, type DesignSelector } from '../../run/decision/decision.js';
import { loadRun } from '../document/load.js';
import { selectedKnee } from '../decision/robustness.js';
import { csvCell } from '../../base/csv.js';
import { skyModels, writeQsMag } from '../../constellation/export/skyPack.js';
import { parseConstraint } from '../../study/expression.js';
import { evaluateNodeFile } from '../../study/requirements.js';
import { readYaml } from '../../base/yaml.js';
import { nodeSatellite, type NodeOrbitRecord } from './nodeOrbit.js';

export type ExportFormat = 'yaml' | 'json' | 'csv' | 'omm' | 'tle' | 'qsmag';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['yaml', 'json', 'csv', 'omm', 'tle', 'qsmag'];

export interface ExportOptions {
  /** `knee`, `best:<objective>`, or the design's evaluation index (pareto.csv `index`); a run folder needs it. */
  readonly design?: DesignSelector | string;
  readonly format: ExportFormat;
  /** Write here (atomically) instead of only returning the text. */
  readonly out?: string;
  /**
   * csv of a constellation: circular shells at their frozen eccentricity, ω = 90° (constellation/export/
   * orbitHandoff.ts); omm and tle refuse it (their SGP4 mean elements fly the frozen orbit at e ≈ 0).
   */
  readonly frozenEccentricity?: boolean;
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
  // the knee the study's select: recommends (a margin or a joint probability), as the report shows it
  const pick = (selector === 'knee' ? selectedKnee(run) : null) ?? selectDesign(run.pareto, selector, runDir);
  return { runDir, run, design: pick.design, selector: pick.selector };
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
  // before any work: --out may be neither the run folder's own file nor the design file read
  if (opts.out !== undefined) checkOutputTarget(opts.out, 'file', [runDir]);
  if (existsSync(runDir) && statSync(runDir).isFile()) return exportNodeFile(runDir, opts);
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
  if (run.pareto.kind === 'node' && (opts.format === 'omm' || opts.format === 'tle'))
    return exportNodeOrbit(runDir, run, d, selector, opts);
  if (opts.format === 'omm' || opts.format === 'tle' || opts.format === 'qsmag') {
    throw new StudyError(
      'BAD_ARGUMENT',
      run.pareto.kind === 'node'
        ? `${runDir}: --format qsmag writes the sky pack of a constellation study's satellites; this is a node run (use omm or tle for its orbit)`
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
  if (opts.out !== undefined) writeFileAtomic(opts.out, text);
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

/**
 * A constellation study's design: yaml = the constellation file it stands for (node inlined, the study's constraints
 * as `requirements:`; `odc evaluate` reproduces its record and checks them), csv = one row per satellite, omm = CCSDS
 * OMM JSON, tle = two-line element sets. Satellite lists stream to `--out` (atomically) so a million satellites never
 * sit in memory; without `--out` the text is returned.
 */
function exportConstellation(
  runDir: string,
  studyText: string,
  d: ParetoDesign,
  selector: string,
  opts: ExportOptions,
): ExportResult {
  const loaded = loadStudyProblem(join(runDir, 'study.yaml'));
  const x = Float64Array.from(loaded.problem.variables, (v) => {
    const value = d.variables[v.name];
    return v.kind === 'choice' ? v.options.findIndex((o) => o === value) : Number(value);
  });
  const c = loaded.constellation!;
  const produce = (sink: (chunk: string) => void): void => {
    if (opts.format === 'yaml') {
      sink(constellationYaml(runDir, studyText, c.file(x), d.index, selector));
    } else {
      // Every satellite carries B* from its shell node's drag, so propagators see it decay at odc's rate.
      const spec = c.spec(x);
      const options = {
        bstar_per_earth_radius: shellBstars(spec),
        frozenEccentricity: opts.frozenEccentricity === true,
      };
      if (opts.format === 'qsmag') writeQsMag(spec, skyModels(spec), sink);
      else if (opts.format === 'omm') writeOmmJson(spec, sink, options);
      else if (opts.format === 'tle') writeTle(spec, sink, options);
      else writeSatelliteCsv(spec, sink, options);
    }
  };
  return emitSatellites(runDir, d, selector, opts, produce);
}

/**
 * Hands `produce`'s text to `--out` (streamed, atomically) or returns it; the formats' own limits (the TLE's Alpha-5
 * catalog numbers, synthetic designators, SGP4 mean elements without a frozen eccentricity) are the user's to work
 * around, so their RangeError becomes a StudyError.
 */
function emitSatellites(
  runDir: string,
  d: ParetoDesign,
  selector: string,
  opts: ExportOptions,
  produce: (sink: (chunk: string) => void) => void,
): ExportResult {
  const limited = (write: () => void): void => {
    try {
      write();
    } catch (e) {
      if (e instanceof RangeError)
        throw new StudyError('BAD_ARGUMENT', `${runDir}: --format ${opts.format}: ${e.message}`, { field: 'format' });
      throw e;
    }
  };
  if (opts.out !== undefined) {
    const out = opts.out;
    limited(() => writeStreamAtomic(out, produce));
    return { text: '', design: d, selector, path: opts.out };
  }
  const chunks: string[] = [];
  limited(() => produce((chunk) => chunks.push(chunk)));
  return { text: chunks.join(''), design: d, selector, path: null };
}

/**
 * A node design file's orbit as one satellite (omm, tle), named after the design: the file evaluated as `odc evaluate`
 * does (its record's resolved inclination and drag), the writers as for a run's node design.
 */
function exportNodeFile(path: string, opts: ExportOptions): ExportResult {
  const file = readYaml(path);
  const refuse = (why: string): never => {
    throw new StudyError('BAD_ARGUMENT', `${path}: ${why}`, { field: 'format', file: path });
  };
  if ((file.raw as { kind?: unknown }).kind === 'constellation')
    refuse('a constellation file: export its satellites from a run folder (odc export <run> --design …)');
  if (opts.format !== 'omm' && opts.format !== 'tle')
    refuse(
      `a design file exports its orbit (--format omm or tle); --format ${opts.format} needs a run folder (the file is its own yaml, odc evaluate --json prints its record)`,
    );
  const { record } = evaluateNodeFile(file);
  const d: ParetoDesign = { index: 0, variables: {}, objectives: {}, constraints: {}, record };
  return writeNodeOrbit(path, record.name, d, 'file', opts);
}

/**
 * A node study's design as one satellite (omm, tle): its orbit by the constellation's conventions (nodeOrbit.ts),
 * named `<study>-<index>-node-P0-S0`.
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

/** The node of record `d.record` as the satellite `<name>-node-P0-S0` (nodeOrbit.ts). */
function writeNodeOrbit(
  where: string,
  name: string,
  d: ParetoDesign,
  selector: string,
  opts: ExportOptions,
): ExportResult {
  const { spec, bstar_per_earth_radius } = nodeSatellite(d.record as NodeOrbitRecord, name);
  const options = { bstar_per_earth_radius, frozenEccentricity: opts.frozenEccentricity === true };
  return emitSatellites(where, d, selector, opts, (sink) =>
    opts.format === 'omm' ? writeOmmJson(spec, sink, options) : writeTle(spec, sink, options),
  );
}
