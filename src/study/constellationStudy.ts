/**
 * Constellation studies (`kind: constellation` with variables, objectives, constraints, algorithm):
 * compiled into a `Problem` whose evaluation rewrites the constellation file's data for a decision vector,
 * validates it with the same loader as `odc evaluate`, and evaluates the whole constellation.
 * Variables (path → [lower, upper] | {int: [..]} | {choice: [..]}): shell keys `shells.<name>.<key>`, the
 * constellation-level ISL (`isl.*`), ground (`ground.*`), `launch.vehicle`, `traffic.demandPerNode_Gbps`, shared
 * node design keys `node.<section>.<key>`, and `node.design` (one of a node run's Pareto designs).
 * A searched `phasing` is taken modulo the shell's plane count (F and F + P are the same constellation).
 * Every bound and choice is checked before any evaluation by loading the constellation it implies.
 * Always enforced (the physical closure): every shell's node closures (worst shell; with `nodeSizing: closed` only
 * launch.fitsVehicle, see ./constellationChecks.ts), `environment.minSeparation`, and the traffic requirement
 * `network.demand` (worst-instant rate per node ≥ traffic.demandPerNode_Gbps) when the file states its demand or
 * searches it. The links' line of sight and pointing are checks: a link off at an instant (grazing, too fast to track)
 * costs throughput at that instant, which network.demand and the throughput objectives judge.
 * A decision vector the loader or the models reject is a failed evaluation.
 * Every variable path and the enforced closures: docs/runs.md §"Constellation studies".
 */
import { maxOf } from '../base/arrays.js';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import type { Catalogs } from '../catalog/schema.js';
import { StudyError } from '../base/errors.js';
import type { LpSolver } from '../optimize/lp.js';
import type { ConstraintSpec, Evaluation, Problem, VariableSpec } from '../optimize/types.js';
import { compileGoals, recordGoals, scaledViolation } from './objectives.js';
import {
  compileVariables,
  constellationVariableKey,
  variableFailure,
  constellationVariablePaths,
  unknownVariable,
  variableValue,
  type VariableKey,
} from './variables.js';
import { locate } from '../base/issues.js';
import { parseWith, readYaml, type ParsedFile } from '../base/yaml.js';
import type { AlgorithmSettings } from './algorithmSettings.js';
import type { VariableDomain } from './studySchema.js';
import { compileConstellation, type ConstellationSpec } from '../constellation/design/compile.js';
import { builtSizes } from '../constellation/design/asBuilt.js';
import { evaluateConstellation, evaluateConstellationLean, leanEvaluationGives } from '../constellation/evaluate.js';
import {
  CONSTELLATION_STUDY_KEYS,
  parseConstellation,
  readBaseNode,
  type BaseNode,
} from '../constellation/design/load.js';
import { isConstellationMetric, pathGetter, unknownConstellationMetricHint } from '../constellation/record/metrics.js';
import type { ConstellationRecord } from '../constellation/record/record.js';
import {
  constellationStudySectionsSchema,
  type ConstellationStudySections,
  type SelectSettings,
} from './studySchema.js';
import { constellationDesignOf, constellationInputs } from './constellationInputs.js';
import {
  constellationPhysicalConstraints,
  enforcedNodeClosures,
  recordChecksHeld,
  NODE_CLOSURES,
} from './constellationChecks.js';
import { constellationConstraintSampler, constellationInputColumns } from './constellationSamples.js';
import type { ConstraintSamples, ConstraintSampleSettings } from './constraintSamples.js';

export interface CompiledConstellationStudy {
  readonly problem: Problem;
  readonly algorithm: AlgorithmSettings;
  /** The study as a self-contained YAML text (node inlined, a node run's designs copied in). */
  readonly selfContainedText: string;
  spec(x: Float64Array): ConstellationSpec;
  record(x: Float64Array): ConstellationRecord;
  /** The constellation file (raw data, node inlined) a decision vector stands for: `odc evaluate` reproduces it. */
  file(x: Float64Array): Record<string, unknown>;
  /** Each enforced constraint per uncertainty sample of a design (./constellationSamples.ts); null without inputs. */
  constraintSampler(settings: ConstraintSampleSettings): ((x: Float64Array) => ConstraintSamples) | null;
}

type Raw = Record<string, unknown>;
const clone = <T>(v: T): T => structuredClone(v);

/**
 * The Pareto front of a run folder's pareto.json, read and validated (the run layer's reader, passed in by
 * src/run/problem.ts: the study layer sits below the run files' formats).
 */
export type NodeFrontReader = (path: string) => {
  readonly kind: string;
  readonly designs: readonly { readonly variables: Readonly<Record<string, unknown>> }[];
};

/** The node candidates of `node: { from: run }`: each Pareto design as raw node sections. */
function nodeCandidates(node: Raw, file: ParsedFile, readFront: NodeFrontReader): Raw[] {
  if (Array.isArray(node['candidates'])) return node['candidates'] as Raw[];
  const dir = resolve(String(node['from']));
  const where = locate(file.src, ['node', 'from']);
  let pareto: ReturnType<NodeFrontReader>;
  let study: Raw;
  try {
    pareto = readFront(join(dir, 'pareto.json'));
    study = { ...(readYaml(join(dir, 'study.yaml')).raw as Raw) }; // the loader's size, alias and key limits
  } catch (e) {
    throw new StudyError(
      'BAD_RUN_DIR',
      `${where}: node.from ${String(node['from'])} is not a node run folder (pareto.json and study.yaml: ${(e as Error).message}); run a node study first (odc run designs/flagship-study.yaml)`,
      { file: file.src.file, field: 'node.from' },
    );
  }
  if (pareto.kind !== 'node' || !pareto.designs.length) {
    throw new StudyError(
      'BAD_RUN_DIR',
      `${where}: node.from ${String(node['from'])} is a ${pareto.kind} run with ${pareto.designs.length} Pareto designs; name a node study's run`,
      { file: file.src.file, field: 'node.from' },
    );
  }
  for (const k of CONSTELLATION_STUDY_KEYS) delete study[k];
  return pareto.designs.map((d, i) => {
    const raw = clone(study);
    for (const [path, value] of Object.entries(d.variables)) {
      const [section, key] = path.split('.') as [string, string];
      raw[section] = { ...((raw[section] as Raw | undefined) ?? {}), [key]: value };
    }
    raw['name'] = `${String(study['name'])}#${i}`;
    return raw;
  });
}

function setVariable(raw: Raw, node: Raw, path: string, value: unknown): Raw {
  const parts = path.split('.');
  if (parts[0] === 'shells') {
    const shell = (raw['shells'] as Raw[]).find((s) => s['name'] === parts[1])!;
    shell[parts[2]!] = value;
  } else if (path === 'ground.stations') {
    // A choice of gateway sets, each written 'svalsat+kiruna': catalog ids, or names of inline stations of the file.
    const ground = raw['ground'] as Raw;
    const listed = (ground['stations'] as unknown[] | undefined) ?? [];
    ground['stations'] = String(value)
      .split('+')
      .map((id) => listed.find((st) => typeof st === 'object' && st !== null && (st as Raw)['name'] === id) ?? id);
  } else if (path === 'ground.stationCount') {
    const ground = raw['ground'] as Raw;
    ground['stations'] = (ground['stations'] as unknown[]).slice(0, value as number);
  } else if (path === 'launch.vehicle') {
    ((raw['launch'] as Raw)['vehicles'] as Raw[])[0]!['vehicle'] = value;
  } else if (parts[0] === 'node') {
    node[parts[1]!] = { ...((node[parts[1]!] as Raw | undefined) ?? {}), [parts[2]!]: value };
  } else {
    raw[parts[0]!] = { ...((raw[parts[0]!] as Raw | undefined) ?? {}), [parts[1]!]: value };
  }
  return raw;
}

/** The node closures the study holds, and whether it holds network.demand (the file states or searches its demand). */
function heldChecks(base: Raw, variables: readonly VariableSpec[]): { closures: readonly string[]; demand: boolean } {
  return {
    closures: enforcedNodeClosures(base['nodeSizing'] === 'closed'),
    demand:
      (base['traffic'] as Raw | undefined)?.['demandPerNode_Gbps'] !== undefined ||
      variables.some((v) => v.name === 'traffic.demandPerNode_Gbps'),
  };
}

/** A study file's study sections, validated, and its constellation (ground and launch defaulted). */
function splitStudy(file: ParsedFile): { sections: ConstellationStudySections; base: Raw } {
  const src = file.src;
  const { variables: vars, objectives: objs, constraints: cons, algorithm, select, ...rest } = file.raw as Raw;
  const sections = parseWith(constellationStudySectionsSchema(), {
    ...file,
    raw: { variables: vars, objectives: objs, constraints: cons, algorithm, select },
  });
  if ('requirements' in rest)
    // a design file's list, checked by odc evaluate; a study holds what it must meet in its constraints
    throw new StudyError(
      'UNKNOWN_KEY',
      `${locate(src, ['requirements'])}: requirements is a design file's list (odc evaluate checks it); in a study, ` +
        'write each one under constraints:, which the search holds',
      { file: src.file, field: 'requirements' },
    );
  const base: Raw = clone(rest);
  base['ground'] ??= {};
  base['launch'] ??= { vehicles: [{ vehicle: 'starship', cadence_per_yr: 25 }] };
  return { sections, base };
}

export function compileConstellationStudy(
  file: ParsedFile,
  catalogs: Catalogs,
  lp: LpSolver,
  readFront: NodeFrontReader,
): CompiledConstellationStudy {
  const src = file.src;
  const { sections, base } = splitStudy(file);
  const rawNode = base['node'];
  const fromRun = typeof rawNode === 'object' && rawNode !== null && ('from' in rawNode || 'candidates' in rawNode);
  const candidates = fromRun ? nodeCandidates(rawNode as Raw, file, readFront) : null;
  const fileNode: BaseNode | null = typeof rawNode === 'string' ? readBaseNode(rawNode, file) : null;
  const inlineNode: Raw = fromRun ? candidates![0]! : fileNode ? fileNode.raw : ((rawNode as Raw | undefined) ?? {});
  // Read before validation (the schema checks shells when bounds are loaded): tolerate anything here.
  const shellList = Array.isArray(base['shells']) ? (base['shells'] as unknown[]) : [];
  const shellNames = shellList.map((s) => String((s as Raw | null)?.['name'] ?? ''));

  const variables = studyVariables(sections.variables, candidates, shellNames, base, src);
  const phased = new Set(
    variables.filter((v) => /^shells\.[^.]+\.phasing$/.test(v.name)).map((v) => v.name.split('.')[1]!),
  );
  const builder: StudyBuilder = { base, inlineNode, candidates, variables, phased, fileNode, file: src.file };
  const specOf = (values: readonly unknown[]): ConstellationSpec => {
    const { raw, node } = buildStudyFile(builder, values, false);
    if ((raw['shells'] as Raw[]).length === 0) throw new RangeError('every shell has 0 planes: no satellites');
    return compileConstellation(parseConstellation(file, raw, node), catalogs);
  };
  const valuesOf = (x: Float64Array): unknown[] => variables.map((v, i) => variableValue(v, x[i]!));

  checkBounds(variables, specOf, src.file, (path) => locate(src, ['variables', path]));

  const recordOf = (x: Float64Array): ConstellationRecord => evaluateConstellation(specOf(valuesOf(x)), lp);
  // The search reads objectives and constraints only: the lean evaluation when it gives every metric they name.
  const spec = (x: Float64Array): ConstellationSpec => specOf(valuesOf(x));
  const held = heldChecks(base, variables);
  const { problem, sampled } = studyProblem(String(base['name']), variables, sections, src, spec, lp, held);
  const fileOf = (values: readonly unknown[]): Raw => {
    const { raw } = buildStudyFile(builder, values);
    for (const k of CONSTELLATION_STUDY_KEYS) delete raw[k];
    return raw;
  };
  // the constellation at the variables' defaults (as checkBounds): what the uncertainty: section is checked on
  const atDefaults: ParsedFile = { ...file, raw: fileOf(boundDefaults(variables)) };
  checkUncertainty(atDefaults, catalogs, sections.select);

  const sampling = {
    read: atDefaults,
    catalogs,
    variableNames: variables.map((v) => v.name),
    names: sampled.names,
    fileOf: (x: Float64Array) => fileOf(valuesOf(x)),
    sizesOf: (x: Float64Array) => builtSizes(spec(x)),
    evaluate: (spec: ConstellationSpec) => sampled.evaluation(() => spec),
  };

  return {
    problem,
    algorithm: sections.algorithm,
    selfContainedText: selfContainedText(file, rawNode, inlineNode, fromRun, candidates),
    spec,
    record: recordOf,
    file: (x) => fileOf(valuesOf(x)),
    constraintSampler: (settings) => constellationConstraintSampler({ ...sampling, settings }),
  };
}

/**
 * The study's uncertainty: section checked on the constellation at the variables' defaults (as checkBounds), each key
 * an input of the constellation (an entry for a catalog row may name a row only some designs use); and
 * select.minProbability only with uncertain inputs.
 */
function checkUncertainty(read: ParsedFile, catalogs: Catalogs, select: SelectSettings | undefined): void {
  constellationInputs(constellationDesignOf(read, catalogs), 'skip');
  if (select?.minProbability !== undefined && constellationInputColumns(read, catalogs).length === 0)
    throw new StudyError(
      'BAD_VARIABLE',
      `${locate(read.src, ['select', 'minProbability'])}: select.minProbability needs uncertain inputs, but neither the ` +
        "study's uncertainty: section nor any catalog row its designs could use declares a distribution; add an " +
        'uncertainty: section (see designs/constellation-study.yaml) or use select.minMargin',
      { file: read.src.file, field: 'select.minProbability' },
    );
}

/** The optimization problem: the study's objectives and constraints (physical ones first) on each design's record. */
function studyProblem(
  name: string,
  variables: VariableSpec[],
  sections: Parameters<typeof compileGoals>[0],
  src: ParsedFile['src'],
  specOf: (x: Float64Array) => ConstellationSpec,
  lp: LpSolver,
  held: { closures: readonly string[]; demand: boolean },
): {
  problem: Problem;
  evaluation: (spec: () => ConstellationSpec) => Evaluation;
  sampled: { names: string[]; evaluation: (spec: () => ConstellationSpec) => Evaluation };
} {
  const metrics = {
    has: isConstellationMetric,
    hint: unknownConstellationMetricHint,
    record: 'the constellation record',
  };
  const { objectives, parsed } = compileGoals(sections, src, metrics);
  const namesWith = (closures: readonly string[]): string[] => [
    ...constellationPhysicalConstraints(closures, held.demand),
    ...parsed.map((c) => c.text),
  ];
  const goals = recordGoals(objectives, parsed, pathGetter);
  const read = [...objectives.map((o) => o.name), ...parsed.flatMap((c) => c.refs)];
  const recordOf = leanEvaluationGives(read) ? evaluateConstellationLean : evaluateConstellation;
  const evaluationWith =
    (closures: readonly string[]) =>
    (spec: () => ConstellationSpec): Evaluation => {
      let rec: ConstellationRecord;
      try {
        rec = recordOf(spec(), lp);
      } catch (e) {
        return { status: 'failed', reason: e instanceof Error ? e.message : String(e) };
      }
      return recordEvaluation(rec, goals, closures, held.demand, namesWith(closures).length);
    };
  const evaluation = evaluationWith(held.closures);
  const problem = {
    name,
    variables,
    objectives,
    constraints: namesWith(held.closures).map((n): ConstraintSpec => ({ name: n })),
    evaluate: (x: Float64Array) => evaluation(() => specOf(x)),
  };
  // A sample flies the design as built (./constellationSamples.ts): every node closure is a check there.
  const sampled = { names: namesWith(NODE_CLOSURES), evaluation: evaluationWith(NODE_CLOSURES) };
  return { problem, evaluation, sampled };
}

/** The study's variables (node.design added for a node run's candidates), checked against the base file. */
function studyVariables(
  domains: Record<string, VariableDomain>,
  candidates: Raw[] | null,
  shellNames: readonly string[],
  base: Raw,
  src: ParsedFile['src'],
): VariableSpec[] {
  const entries = Object.entries(domains);
  if ('node.design' in domains)
    variableFailure(
      src,
      'node.design',
    )(
      candidates
        ? "node: { from: <run-dir> } adds this variable itself (a choice over the run's Pareto designs): remove it from variables"
        : "chooses among a node run's Pareto designs: write node: { from: results/<node-study>/<run-id> } and remove this variable, or vary node.<section>.<key> instead",
    );
  if (candidates) entries.push(['node.design', { choice: candidates.map((_, i) => i) }]);
  const variables = compileVariables(entries, src, constellationKey(shellNames));
  const stationCount = variables.find((v) => v.name === 'ground.stationCount');
  if (stationCount !== undefined) {
    const listed = (base['ground'] as Raw)['stations'];
    const n = Array.isArray(listed) ? listed.length : 0;
    const upper = stationCount.kind === 'choice' ? maxOf(stationCount.options.map(Number)) : stationCount.upper;
    if (!(upper <= n))
      variableFailure(
        src,
        'ground.stationCount',
      )(
        `takes the first k gateways of ground.stations, which lists ${n}; lower the largest count to ${n}${n === 0 ? ' (list the stations in ground.stations first)' : ''} or list more stations`,
      );
  }
  return variables;
}

/** What a study's constellation file is built from at given variable values. */
interface StudyBuilder {
  readonly base: Raw;
  readonly inlineNode: Raw;
  readonly candidates: Raw[] | null;
  readonly variables: readonly VariableSpec[];
  /** Shells whose Walker phasing is a variable. */
  readonly phased: ReadonlySet<string>;
  readonly fileNode: BaseNode | null;
  readonly file: string;
}

/**
 * A node file's keys as inline node sections: its kind and orbit do not belong there (each shell sets the orbit), nor
 * its note and requirements (they speak of the node file evaluated alone).
 */
function inlineSections(node: Raw): Raw {
  const { kind: _kind, orbit: _orbit, note: _note, requirements: _req, ...sections } = node;
  return sections;
}

const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const shallow = (v: unknown): unknown => (isRecord(v) ? { ...v } : clone(v));

/**
 * A copy of the study's constellation fresh where buildStudyFile and setVariable write (the top level, each
 * shell, ground, launch's vehicles) and sharing the rest: what specOf reads, not writes.
 */
function writable(base: Raw): Raw {
  const raw = { ...base };
  if ('shells' in base) raw['shells'] = Array.isArray(base['shells']) ? base['shells'].map(shallow) : base['shells'];
  raw['ground'] = shallow(base['ground']);
  const launch = base['launch'];
  raw['launch'] =
    isRecord(launch) && Array.isArray(launch['vehicles'])
      ? { ...launch, vehicles: launch['vehicles'].map(shallow) }
      : clone(launch);
  return raw;
}

/**
 * The constellation file (and its node) at the variables' values: a deep copy of the study's data (a file handed out
 * may be written into), or (deep false: `writable`) one that shares what it does not write (specOf only reads it).
 */
function buildStudyFile(b: StudyBuilder, values: readonly unknown[], deep = true): { raw: Raw; node: BaseNode } {
  const copyNode = deep ? clone : (n: Raw): Raw => ({ ...n }); // setVariable replaces a node section, never edits one
  const raw = deep ? clone(b.base) : writable(b.base);
  let node = copyNode(b.inlineNode);
  b.variables.forEach((v, i) => {
    if (v.name === 'node.design') node = copyNode(b.candidates![values[i] as number]!);
  });
  b.variables.forEach((v, i) => {
    if (v.name !== 'node.design') setVariable(raw, node, v.name, values[i]);
  });
  raw['shells'] = (raw['shells'] as Raw[]).filter((s) => s['planes'] !== 0);
  // A searched Walker phasing is taken modulo the shell's plane count: F and F + P give the same constellation
  // (plane p's extra shift p·P·2π/T = p·2π/S is a whole slot), so one bound [0, Pmax − 1] serves every P.
  for (const s of raw['shells'] as Raw[]) {
    if (
      b.phased.has(String(s['name'])) &&
      typeof s['phasing'] === 'number' &&
      typeof s['planes'] === 'number' &&
      s['planes'] > 0
    )
      s['phasing'] = s['phasing'] % s['planes'];
  }
  raw['node'] = inlineSections(node);
  const file = b.file;
  return { raw, node: { raw: node, nodeFile: b.fileNode?.nodeFile ?? null, where: () => file } };
}

/** The objectives and constraints of an evaluated constellation: the enforced closures (worst shell) first. */
function recordEvaluation(
  rec: ConstellationRecord,
  goals: ReturnType<typeof recordGoals<ConstellationRecord>>,
  closures: readonly string[],
  demand: boolean,
  constraintCount: number,
): Evaluation {
  const f = goals.objectives(rec);
  const g = new Float64Array(constraintCount);
  let k = 0;
  for (const name of closures) {
    g[k++] = maxOf(
      rec.constraints.filter((c) => c.name.endsWith(`/${name}`)).map((c) => scaledViolation(c.value, c.sense, c.limit)),
    );
  }
  for (const name of recordChecksHeld(demand)) {
    const c = rec.constraints.find((r) => r.name === name)!;
    g[k++] = scaledViolation(c.value, c.sense, c.limit);
  }
  goals.constraints(rec, g, k);
  return { status: 'ok', f, g };
}

/** The study as run: the node inlined (with a node run's candidates), so the file stands alone. */
function selfContainedText(
  file: ParsedFile,
  rawNode: unknown,
  inlineNode: Raw,
  fromRun: boolean,
  candidates: Raw[] | null,
): string {
  const selfContained = clone(file.raw as Raw);
  selfContained['node'] = fromRun
    ? { from: String((rawNode as Raw)['from'] ?? ''), candidates }
    : inlineSections(inlineNode);
  const header = `# Study as run by odc: the node is inlined${fromRun ? ' (with the Pareto designs of the node run it names)' : ''}, so this file stands alone.\n`;
  return header + stringify(selfContained, { lineWidth: 0 });
}

/** A constellation study's variable path as a key (./variables.ts), or BAD_VARIABLE naming the valid forms. */
function constellationKey(shellNames: readonly string[]) {
  return (path: string, fail: (msg: string) => never): VariableKey =>
    constellationVariableKey(path, shellNames) ??
    fail(
      unknownVariable(
        path,
        constellationVariablePaths(shellNames),
        constellationVariablePaths(['<shell name>']).join(', '),
      ),
    );
}

/**
 * Each variable at its lower bound or first option, except plane counts at their largest: a shell switched off (0
 * planes) would hide its own bad values.
 */
function boundDefaults(variables: readonly VariableSpec[]): unknown[] {
  const largest = (v: VariableSpec): unknown =>
    v.kind === 'choice' ? v.options.reduce((a, b) => (Number(b) > Number(a) ? b : a)) : v.upper;
  return variables.map((v) => (v.name.endsWith('.planes') ? largest(v) : v.kind === 'choice' ? v.options[0] : v.lower));
}

/** Loads the constellation at every bound and choice of each variable (others at their lower bound / first option). */
function checkBounds(
  variables: readonly VariableSpec[],
  specOf: (v: unknown[]) => ConstellationSpec,
  file: string,
  where: (path: string) => string,
): void {
  const defaults = boundDefaults(variables);
  variables.forEach((v, i) => {
    const trials = v.kind === 'choice' ? v.options : [v.lower, v.upper];
    for (const value of trials) {
      const values = [...defaults];
      values[i] = value;
      try {
        specOf(values);
      } catch (e) {
        if (!(e instanceof StudyError)) continue; // a model limit, not a bad study: the optimizer absorbs it
        const msg = e.message.replace(/^[^:]+(:\d+:\d+)?: /, '');
        throw new StudyError(
          'BAD_VARIABLE',
          `${where(v.name)}: variables.${v.name} = ${JSON.stringify(value)} gives an invalid constellation: ${msg}`,
          { file, field: `variables.${v.name}` },
        );
      }
    }
  });
}
