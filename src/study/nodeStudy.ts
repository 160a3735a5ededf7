/**
 * Compiles a node study into a `Problem`: variables (design paths with bounds or choices), objectives and
 * constraints (metric paths and parsed expressions), all validated before any evaluation.
 * Objectives are minimized internally (a maximized metric is negated); every constraint is g <= 0,
 * scaled by |limit| so violations of different units add up in comparable, dimensionless terms.
 * The design's own physical constraints (record.constraints with enforced = true) always apply.
 * Objectives and constraints that name a statistic over uncertainty samples (`p90(cost.lcoc_USD_per_PFLOP_day)`,
 * `prob(mass.launch_kg <= 8000) >= 0.95`) make the study robust: its `Problem.evaluate` is ./robust.ts's, on a
 * sample set drawn once here. A study without statistics compiles exactly as before (no sampling).
 */
import { didYouMean, StudyError } from '../base/errors.js';
import type { DesignRecord } from '../node/record/record.js';
import { isMetricPath, unknownMetricHint } from '../node/record/metrics.js';
import {
  evaluationVector,
  type ConstraintSpec,
  type Evaluation,
  type Problem,
  type VariableSpec,
} from '../optimize/types.js';
import { compileRobust, type RobustStudy } from './robust.js';
import { inputColumns } from './commonSamples.js';
import { leanReading, recordReading, type LeanEvaluatorFactory, type Reading } from './reading.js';
import { compileGoals, recordGoals, scaledViolation } from './objectives.js';
import {
  constraintSampler,
  type ConstraintSamplerParams,
  type ConstraintSamples,
  type ConstraintSampleSettings,
} from './constraintSamples.js';
import { locate } from '../base/issues.js';
import { generatedFunction } from '../base/generated.js';
import { CATALOG_FIELDS, checkCatalogId, type CatalogField, type CatalogIds } from '../node/design/load.js';
import type { ParsedFile } from '../base/yaml.js';
import type { NodeDesign } from '../node/design/schema.js';
import type { NodeStudy, VariableDomain } from './studySchema.js';
import type { Catalogs } from '../catalog/schema.js';
import type { NodeCatalogKind } from '../catalog/overrides.js';
import { catalogPathParts, numericRowFields, rowFieldSchema } from './uncertainTargets.js';
import { compileVariables, nodeVariableKey, nodeVariablePaths, variableValue, type VariableKey } from './variables.js';

export { compileConstraints, compileObjectives, scaledViolation, type MetricSet } from './objectives.js';
export type { LeanEvaluatorFactory } from './reading.js';

/** Evaluates one design; throws for a design the models cannot evaluate. */
export type DesignEvaluator = (design: NodeDesign) => DesignRecord;
export interface CompiledStudy {
  readonly problem: Problem;
  /** Decision vector → variable values keyed by design path (choices as their option, not index). */
  decode(x: Float64Array): Record<string, string | number>;
  /** Decision vector → the full design it stands for. */
  design(x: Float64Array): NodeDesign;
  /** Decision vector → evaluated record (throws when the models cannot evaluate it). */
  record(x: Float64Array): DesignRecord;
  /** Names of the physical constraints enforced in every study, in g order (study constraints follow). */
  readonly physicalConstraints: readonly string[];
  /** Robust studies (a statistic in an objective or constraint): the common samples; null otherwise. */
  readonly robust: RobustStudy | null;
  /**
   * Each enforced constraint per uncertainty sample of a design (./constraintSamples.ts); null when nothing is
   * uncertain.
   */
  constraintSampler(settings: ConstraintSampleSettings): ((x: Float64Array) => ConstraintSamples) | null;
}

/** Where a variable writes in the design: `section.key`. */
interface DesignPath {
  readonly section: string;
  readonly key: string;
  /** For `catalogs.<kind>.<id>.<field>` variables: the catalog row written. */
  readonly row?: { readonly kind: NodeCatalogKind; readonly id: string };
}

export function compileNodeStudy(
  study: NodeStudy,
  base: NodeDesign,
  file: ParsedFile,
  catalogs: CatalogIds,
  evaluate: DesignEvaluator,
  allPhysicalConstraints: readonly string[],
  relaxable: readonly string[] = [],
  rows?: Catalogs,
  lean?: LeanEvaluatorFactory,
): CompiledStudy {
  const parts = compileNodeParts(
    study,
    base,
    file.src,
    catalogs,
    evaluate,
    allPhysicalConstraints,
    relaxable,
    rows,
    lean,
  );
  const { variables, paths, objectives, physicalConstraints, constraints, designFor, robust } = parts;
  const problem: Problem = {
    name: study.name,
    variables,
    objectives,
    constraints,
    evaluate:
      robust?.evaluate ??
      problemEvaluation(parts, constraints.length, (reuse) => designBuilder(base, variables, paths, rows, reuse), {
        lean,
        evaluate,
      }),
  };

  return {
    problem,
    physicalConstraints,
    robust,
    design: designFor,
    record: (x) => evaluate(designFor(x)),
    constraintSampler(settings) {
      return rows === undefined ? null : nodeSampler(parts, { base, rows, evaluate, lean, settings });
    },
    decode(x) {
      return decodeVariables(variables, x);
    },
  };
}

/** What a node study compiles to before its evaluation is assembled: variables, objectives and constraints. */
type NodeStudyParts = ReturnType<typeof compileNodeParts>;

/**
 * Variables, objectives and constraints of a node study, checked against its file (errors name the line), and the
 * robust evaluation (statistics over the uncertain inputs) when an objective or constraint asks for one.
 */
function compileNodeParts(
  study: NodeStudy,
  base: NodeDesign,
  src: ParsedFile['src'],
  catalogs: CatalogIds,
  evaluate: DesignEvaluator,
  allPhysicalConstraints: readonly string[],
  relaxable: readonly string[],
  rows: Catalogs | undefined,
  lean: LeanEvaluatorFactory | undefined,
) {
  checkRelax(study, src, allPhysicalConstraints, relaxable);
  const physicalConstraints = allPhysicalConstraints.filter((name) => !study.relax.includes(name));
  const variables = compileVariables(Object.entries(study.variables), src, nodeKey(src, catalogs, rows));
  const paths = designPaths(variables);
  const metrics = { has: isMetricPath, hint: unknownMetricHint, record: 'the design record', statistics: true };
  const { objectives, parsedObjectives, parsed } = compileGoals(study, src, metrics);
  const constraints: ConstraintSpec[] = [
    ...physicalConstraints.map((name) => ({ name })),
    ...parsed.map((c) => ({ name: c.text })),
  ];
  const designFor = designBuilder(base, variables, paths, rows);
  const isRobust = parsedObjectives.some((o) => o.statistic !== null) || parsed.some((c) => c.statistics);
  checkUncertainSections(study, src, isRobust, base, rows);
  if (isRobust && rows === undefined) throw new Error('compileNodeStudy: a robust study needs the catalog rows');
  const robust: RobustStudy | null =
    isRobust && rows !== undefined
      ? compileRobust({
          settings: study.robust,
          algorithmSeed: study.algorithm.seed,
          base,
          rows,
          src: src,
          variableNames: variables.map((v) => v.name),
          objectives,
          parsedObjectives,
          physicalConstraints,
          constraints: parsed,
          constraintCount: constraints.length,
          designFor,
          evaluate,
          lean,
          scaledViolation,
        })
      : null;
  return { variables, paths, objectives, physicalConstraints, parsed, constraints, designFor, robust };
}

/** The constraint values of a design over the uncertain inputs' samples, or null when nothing is uncertain. */
function nodeSampler(
  parts: NodeStudyParts,
  p: Pick<ConstraintSamplerParams, 'base' | 'rows' | 'evaluate' | 'lean' | 'settings'>,
) {
  const { variables, physicalConstraints, parsed: constraints } = parts;
  const variableNames = variables.map((v) => v.name);
  const sample = constraintSampler({ ...p, variableNames, physicalConstraints, constraints, scaledViolation });
  return sample === null ? null : (x: Float64Array) => sample(parts.designFor(x));
}

/** A point's variables by name, a choice variable as its option. */
function decodeVariables(variables: readonly VariableSpec[], x: Float64Array): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  variables.forEach((v, i) => {
    out[v.name] = variableValue(v, x[i]!);
  });
  return out;
}

/** Only the relaxable physical checks may be listed under relax: (BAD_CONSTRAINT with file:line otherwise). */
function checkRelax(
  study: NodeStudy,
  src: ParsedFile['src'],
  allPhysicalConstraints: readonly string[],
  relaxable: readonly string[],
): void {
  study.relax.forEach((name, i) => {
    if (!relaxable.includes(name)) {
      const why = allPhysicalConstraints.includes(name)
        ? `${name} is a physical closure and always holds`
        : `${name} is not a physical check`;
      throw new StudyError(
        'BAD_CONSTRAINT',
        `${locate(src, ['relax', i])}: relax[${i}]: ${why}; only ${relaxable.join(', ') || '(none)'} may be relaxed`,
        { file: src.file, field: `relax[${i}]` },
      );
    }
  });
}

/** robust: needs a statistic in the study, select.minProbability needs uncertain inputs. */
function checkUncertainSections(
  study: NodeStudy,
  src: ParsedFile['src'],
  isRobust: boolean,
  base: NodeDesign,
  rows: Catalogs | undefined,
): void {
  if (!isRobust && study.robust !== undefined) {
    throw new StudyError(
      'BAD_OBJECTIVE',
      `${locate(src, ['robust'])}: robust: is set, but no objective or constraint names a statistic over the uncertainty samples; ` +
        'write e.g. minimize: p90(cost.lcoc_USD_per_PFLOP_day) or prob(mass.launch_kg <= 8000) >= 0.95, or remove the robust: section',
      { file: src.file, field: 'robust' },
    );
  }
  if (study.select?.minProbability !== undefined && (rows === undefined || inputColumns(base, rows).length === 0)) {
    throw new StudyError(
      'MISSING_FIELD',
      `${locate(src, ['select', 'minProbability'])}: select.minProbability needs uncertain inputs, but neither the study's ` +
        'uncertainty: section nor any catalog row declares a distribution; add an uncertainty: section (see designs/robust-study.yaml) or use select.minMargin',
      { file: src.file, field: 'select.minProbability' },
    );
  }
}

/**
 * A node study's variable path as a key (./variables.ts): a design key, its catalog ids checked against the catalogs,
 * or a catalog row's numeric field (BAD_VARIABLE otherwise).
 */
function nodeKey(src: ParsedFile['src'], catalogs: CatalogIds, rows: Catalogs | undefined) {
  const keys = nodeVariablePaths();
  return (path: string, fail: (msg: string) => never, domain: VariableDomain): VariableKey => {
    if (path.startsWith('catalogs.')) return catalogFieldKey(path, fail, domain, rows);
    const key = nodeVariableKey(path);
    if (key === undefined) {
      const guess = didYouMean(path, keys);
      return fail(
        `unknown design key${guess ? `: did you mean ${guess}?` : ''} (variables name design keys such as orbit.altitude_km, compute.chip)`,
      );
    }
    const catalog = CATALOG_FIELDS[path as CatalogField];
    if (catalog === undefined) return key;
    return {
      ...key,
      check: (o, _label, i) => {
        if (typeof o !== 'string') return 'must be a catalog id (a string)';
        checkCatalogId(o, catalog, catalogs, src, ['variables', path, 'choice', i], `variables.${path}.choice[${i}]`);
        return null;
      },
    };
  };
}

/**
 * A catalog field as a variable, `catalogs.<catalog>.<row id>.<field>` (e.g.
 * catalogs.batteries.li-ion-leo.specificEnergy_Wh_per_kg): "what technology would make this close?". The row is the
 * design's own or the shipped one; bounds are checked against the row schema's range.
 */
function catalogFieldKey(
  path: string,
  fail: (msg: string) => never,
  domain: VariableDomain,
  rows: Catalogs | undefined,
): VariableKey {
  const [kind, id, field] = catalogPathParts(path, 'variable', 'specificEnergy_Wh_per_kg', fail);
  const ids = ((rows?.[kind] ?? []) as readonly { id: string }[]).map((r) => r.id);
  if (!ids.includes(id)) {
    const guess = didYouMean(id, ids);
    fail(`no ${kind} row '${id}'${guess ? `: did you mean ${guess}?` : ''} (rows: ${ids.join(', ')})`);
  }
  const schema = rowFieldSchema(kind, field);
  if (schema === undefined) {
    const numeric = numericRowFields(kind);
    const guess = didYouMean(field, numeric);
    fail(
      `'${field}' is not a numeric field of ${kind} rows${guess ? `: did you mean ${guess}?` : ''} (fields: ${numeric.join(', ')})`,
    );
  }
  if (!Array.isArray(domain) && 'choice' in domain) fail('a catalog field takes a range [lower, upper]');
  return {
    check: (v) => {
      const r = schema!.safeParse(v);
      return r.success ? null : `is outside the ${kind} row range: ${r.error.issues[0]?.message ?? 'invalid'}`;
    },
  };
}

/** Where each variable writes: `section.key`, or the catalog row of a `catalogs.<kind>.<id>.<field>` path. */
function designPaths(variables: readonly VariableSpec[]): DesignPath[] {
  return variables.map(({ name }) => {
    const [section, key, id, field] = name.split('.') as [string, string, string?, string?];
    return section === 'catalogs'
      ? { section, key: field!, row: { kind: key as NodeCatalogKind, id: id! } }
      : { section, key };
  });
}

/**
 * Decision vector → design. Only the sections that variables touch are copied (the base design is never
 * mutated); this runs for every evaluation, so it avoids a deep clone. With `reuse` (the lean evaluation, which keeps
 * nothing of a design once it has its numbers), every call returns the same object, rewritten.
 */
function designBuilder(
  base: NodeDesign,
  variables: readonly VariableSpec[],
  paths: readonly DesignPath[],
  rows: Catalogs | undefined,
  reuse = false,
): (x: Float64Array) => NodeDesign {
  const touched = [...new Set(paths.filter((p) => p.row === undefined).map((p) => p.section))];
  const rowVars = paths.some((p) => p.row !== undefined);
  if (reuse && !rowVars) {
    // One design object whose touched sections are overwritten on every call: every variable is written each time.
    const d: Record<string, unknown> = { ...base };
    const at = paths.map(
      ({ section }) =>
        (d[section] =
          d[section] === (base as unknown as Record<string, object>)[section]
            ? { ...(base as unknown as Record<string, object>)[section] }
            : d[section]) as Record<string, unknown>,
    );
    return reusedDesignWriter(
      d as unknown as NodeDesign,
      at,
      variables.map((v) => (v.kind === 'choice' ? v.options : null)),
      paths.map((p) => p.key),
    );
  }
  return (x: Float64Array): NodeDesign => {
    const d: Record<string, unknown> = { ...base };
    for (const section of touched) d[section] = { ...(base as unknown as Record<string, object>)[section] };
    const own: Record<string, { id: string }[]> = {};
    if (rowVars) for (const [k, r] of Object.entries(base.catalogs ?? {})) own[k] = [...(r as { id: string }[])];
    for (let i = 0; i < variables.length; i++) {
      const v = variables[i]!;
      const { section, key, row } = paths[i]!;
      const value = variableValue(v, x[i]!);
      if (row === undefined) {
        (d[section] as Record<string, unknown>)[key] = value;
        continue;
      }
      const list = (own[row.kind] ??= []);
      const at = list.findIndex((r) => r.id === row.id);
      const from =
        at >= 0 ? list[at]! : ((rows?.[row.kind] ?? []) as readonly { id: string }[]).find((r) => r.id === row.id)!;
      const next = { ...from, [key]: value };
      if (at >= 0) list[at] = next;
      else list.push(next);
    }
    if (rowVars) d['catalogs'] = own;
    return d as unknown as NodeDesign;
  };
}

/**
 * The lean evaluation's design writer: each variable of x stored into its section of the reused design (`at[i]`,
 * under `keys[i]`; a choice as its option), then the design; one store site per variable (base/generated.ts).
 */
function reusedDesignWriter(
  design: NodeDesign,
  at: readonly Record<string, unknown>[],
  options: readonly (readonly (string | number)[] | null)[],
  keys: readonly string[],
): (x: Float64Array) => NodeDesign {
  const constants: Record<string, unknown> = { design };
  const stores = keys.map((key, i) => {
    constants[`s${i}`] = at[i];
    constants[`o${i}`] = options[i];
    return `s${i}[${JSON.stringify(key)}] = ${options[i] === null ? `x[${i}]` : `o${i}[x[${i}]]`};`;
  });
  return generatedFunction(constants, ['x'], `${stores.join('\n')}\nreturn design;`);
}

/**
 * `Problem.evaluate`: a design's reading (./reading.ts: the lean evaluation when it gives every metric the study names,
 * no record built; else the record) → minimized objectives and g (physical constraints first, then the study's), or a
 * failed evaluation when the models cannot evaluate the design. Both readings give the same f and g, number for
 * number (test/node/evaluate.test.ts, lean).
 */
function problemEvaluation(
  { objectives, physicalConstraints, parsed }: Pick<NodeStudyParts, 'objectives' | 'physicalConstraints' | 'parsed'>,
  constraintCount: number,
  designBuilderOf: (reuse: boolean) => (x: Float64Array) => NodeDesign,
  how: { lean: LeanEvaluatorFactory | undefined; evaluate: DesignEvaluator },
): (x: Float64Array) => Evaluation {
  const needs = {
    metrics: [...new Set([...objectives.map((o) => o.name), ...parsed.flatMap((c) => c.refs)])],
    physicalConstraints,
  };
  const fast = leanReading(how.lean, needs, false);
  // the lean evaluation keeps nothing of a design once it has its numbers: one design object serves every call
  return fast !== null
    ? readingEvaluation(fast, designBuilderOf(true))
    : readingEvaluation(recordReading(how.evaluate, needs), designBuilderOf(false));

  function readingEvaluation<R>(reading: Reading<R>, designFor: (x: Float64Array) => NodeDesign) {
    const goals = recordGoals(objectives, parsed, reading.getter);
    return (x: Float64Array): Evaluation => {
      let r: R;
      try {
        r = reading.nominal(designFor(x));
      } catch (e) {
        return { status: 'failed', reason: e instanceof Error ? e.message : String(e) };
      }
      const f = goals.objectives(r);
      // e.g. the cost per delivered compute of a node whose array cannot carry its bus (it delivers nothing)
      let bad = 0;
      while (bad < f.length && Number.isFinite(f[bad]!)) bad++;
      if (bad < f.length) {
        const o = objectives[bad]!;
        return {
          status: 'failed',
          reason: `objective ${o.name} is ${o.sense === 'maximize' ? -f[bad]! : f[bad]} for this design`,
        };
      }
      const g = evaluationVector(constraintCount);
      for (let k = 0; k < physicalConstraints.length; k++) {
        const v = reading.physical(r, k, scaledViolation);
        if (typeof v === 'string') return { status: 'failed', reason: v };
        g[k] = v;
      }
      goals.constraints(r, g, physicalConstraints.length);
      return { status: 'ok', f, g };
    };
  }
}
