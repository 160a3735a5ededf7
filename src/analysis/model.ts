/**
 * The sampled model of one node design file (./analysisModel.ts): its uncertain inputs (./inputs.ts), evaluated at
 * input vectors. An evaluation is a pure function of the vector (no clock, no randomness), so results do not depend
 * on which thread evaluates a vector or in what order (./runner.ts).
 *
 * Output of one evaluation, one Float64Array: every metric of metricPaths() (src/node/record/metrics.ts), then the
 * relative margin of each record constraint, then 1/0 for "satisfied" of each. The constraint list is the nominal
 * design's (the record's constraints[]), or PHYSICAL_CONSTRAINTS when the nominal design cannot be evaluated.
 * A vector whose value lies outside a field's schema range, or a design the models cannot evaluate (a RangeError
 * or any other error from the models), is a failed sample `{ status: 'failed', reason }`.
 */
import { resolve } from 'node:path';
import { nodeEvaluator, type NodeEvaluator } from '../node/evaluator.js';
import { lazy } from '../base/lazy.js';
import { metricPaths, metricGetter, unitOf } from '../node/record/metrics.js';
import { PHYSICAL_CONSTRAINTS } from '../node/record/constraints.js';
import { spendMargins } from '../node/record/marginPolicy.js';
import type { DesignRecord } from '../node/record/record.js';
import { StudyError } from '../base/errors.js';
import type { SourceMap } from '../base/issues.js';
import { checkCatalogIds } from '../node/design/load.js';
import { parseStudyFile } from '../study/studyFile.js';
import type { NodeDesign } from '../node/design/schema.js';
import {
  columnLookup,
  firstInvalid,
  outcomeOf,
  reasonOf,
  specLookup,
  type AnalysisDefaults,
  type AnalysisModel,
  type BreakEvenInput,
  type ConstraintInfo,
  type SampleOutcome,
} from './analysisModel.js';
import { uncertainInputs } from '../study/uncertainInputs.js';
import { complianceValues } from '../study/inputKinds.js';
import { parseConstraint } from '../study/expression.js';
import { requirementResults } from '../study/requirements.js';
import { applyInputs, resolveInput, type InputSpec } from '../study/uncertainTargets.js';
import { hardwareLines } from '../report/budget/budget.js';
import { fmt } from '../base/numberFormat.js';

export type { ConstraintInfo, SampleOutcome } from './analysisModel.js';

/** The outputs every report summarises. */
export const KEY_OUTPUTS = [
  'mass.launch_kg',
  'cost.total_USD',
  'cost.lcocDiscounted_USD_per_PFLOP_day',
  'cost.lcocToBaseline',
  'cost.lcoc_USD_per_PFLOP_day',
  'compute.deliveredPFLOPS',
  'mass.kW_per_t',
  'economics.parityYear',
  'economics.parityRatioLastYear',
] as const;

/** Node designs evaluate in milliseconds: large default sample counts. */
export const NODE_DEFAULTS: AnalysisDefaults = {
  uncertaintySamples: 1000,
  sobolSamples: 512,
  breakEvenPoints: 64,
  why: 'the default for node designs',
};

export interface LoadedDesign {
  /**
   * The requirements checked beside the physical checks: a design file's `requirements:`, or a node study's
   * constraints that need no statistic (the ones each sample of a run is checked against).
   */
  readonly requirements: readonly string[];
  readonly file: string;
  readonly name: string;
  /** sha256 of the file bytes. */
  readonly hash: string;
  readonly design: NodeDesign;
  readonly src: SourceMap;
  readonly evaluator: NodeEvaluator;
}

/** Reads a node design or node study file (its base design) with its catalog rows; StudyError for bad input. */
export function loadDesign(path: string): LoadedDesign {
  const loaded = parseStudyFile(path);
  if (loaded.kind === 'benchmark-study') {
    throw new StudyError(
      'WRONG_TYPE',
      `${path}: a benchmark study has no node design; odc uncertainty and odc sensitivity take a node design or node study`,
      { file: path },
    );
  }
  const evaluator = nodeEvaluator(undefined, loaded.design.catalogs);
  checkCatalogIds(loaded.design, evaluator.catalogs, loaded.file.src);
  const requirements =
    loaded.kind === 'node-study'
      ? (loaded.study.constraints ?? []).filter((t) => !parseConstraint(t, { statistics: true }).statistics)
      : (loaded.design.requirements ?? []);
  return {
    requirements,
    file: path,
    name: loaded.design.name,
    hash: loaded.file.hash,
    design: loaded.design,
    src: loaded.file.src,
    evaluator,
  };
}

export interface SampleModel extends AnalysisModel {
  readonly kind: 'node';
  readonly loaded: LoadedDesign;
  readonly nominalRecord: DesignRecord | undefined;
  /** The record itself (reports, break-even), or the failure reason. */
  record(values: readonly number[], specs?: readonly InputSpec[]): DesignRecord | string;
}

/** The constraints as the nominal record states them (the physical checks alone when it cannot be evaluated). */
function nodeConstraintInfos(nominalRecord: DesignRecord | string): ConstraintInfo[] {
  return typeof nominalRecord === 'string'
    ? PHYSICAL_CONSTRAINTS.map((name) => ({ name, unit: '', sense: '<=' as const, enforced: true, description: '' }))
    : nominalRecord.constraints.map((c) => ({
        name: c.name,
        unit: c.unit,
        sense: c.sense,
        enforced: c.enforced,
        description: c.description,
      }));
}

/**
 * Why no launch price makes space break even, from the nominal record: the LCOC compared (the verdict's, the
 * programme's discounted cost) is affine in the launch price, and launch is the part of the programme's average node
 * (chips and launch included) that a free launch removes; what is left is its hardware and operations, whose largest
 * first-unit lines name what keeps the ratio up.
 */
export function launchWhy(k: DesignRecord['cost']): string {
  const top = hardwareLines(k)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([label, usd]) => `${label} ${fmt((100 * usd) / k.hardware_USD)} %`);
  return (
    `launch is ${fmt((100 * k.launch_USD) / k.averageNodeCost_USD)} % of the programme's average node ` +
    `(${fmt(k.averageNodeCost_USD / 1e6)} M USD, chips and launch included) at ${fmt(k.launchPrice_USD_per_kg)} ` +
    `USD/kg, and its hardware (first unit: ${top.join(', ')}) and operations keep it there`
  );
}

/** Launch price, the chip's price, mission lifetime (./breakEven.ts). */
function nodeBreakEvenInputs(
  design: LoadedDesign['design'],
  rows: LoadedDesign['evaluator']['rows'],
  nominal: DesignRecord | undefined,
): BreakEvenInput[] {
  const at = (path: string): InputSpec => resolveInput({ path, design, rows, where: path });
  const launch = at('economics.launchCost_USD_per_kg');
  return [
    // the launch price the design uses when it gives no $/kg: vehicle price / payload
    {
      spec: launch,
      label: 'launch price',
      nominal: launch.nominal ?? nominal?.cost.launchPrice_USD_per_kg ?? null,
      affine: true,
      ...(nominal !== undefined ? { why: launchWhy(nominal.cost) } : {}),
    },
    { spec: at(`catalogs.chips.${design.compute.chip}.costPerChip_USD`), label: 'chip price' },
    { spec: at('mission.lifetime_yr'), label: 'mission lifetime' },
  ];
}

export function sampleModel(loaded: LoadedDesign): SampleModel {
  const { design, evaluator } = loaded;
  const rows = evaluator.rows;
  const inputs = uncertainInputs({ design, rows, src: loaded.src });
  const getters = metricPaths().map((p) => metricGetter(p));
  const evaluated = (
    values: readonly number[],
    specs: readonly InputSpec[],
    spend: (d: NodeDesign) => NodeDesign,
  ): DesignRecord | string => {
    const bad = firstInvalid(values, specs);
    if (bad !== undefined) return bad;
    try {
      const r = evaluator.evaluate(spend(applyInputs({ base: design, specs, values, rows })));
      if (loaded.requirements.length === 0) return r;
      return { ...r, constraints: [...r.constraints, ...requirementResults(loaded.requirements, loaded.src, r)] };
    } catch (e) {
      return `the models cannot evaluate this sample: ${reasonOf(e)}`;
    }
  };
  const record = (values: readonly number[], specs: readonly InputSpec[] = inputs): DesignRecord | string =>
    evaluated(values, specs, (d) => d);
  const nominalRecord = record([], []);
  const constraints = nodeConstraintInfos(nominalRecord);
  // outputs as given over every input; checks (requirements included) margins spent (marginPolicy.ts), economics
  // inputs at nominal, as a run's samples check them (src/study/inputKinds.ts: the one definition of P(all hold))
  const checked = (v: readonly number[], s: readonly InputSpec[]) => evaluated(complianceValues(s, v), s, spendMargins);
  const outcome = (values: readonly number[], specs: readonly InputSpec[] = inputs): SampleOutcome =>
    outcomeOf(record(values, specs), getters, constraints, checked(values, specs));
  const nominal = typeof nominalRecord === 'string' ? undefined : nominalRecord;
  const breakEvenInputs = (): BreakEvenInput[] => nodeBreakEvenInputs(design, rows, nominal);
  return {
    kind: 'node',
    loaded,
    inputs,
    constraints,
    width: metricPaths().length + 2 * constraints.length,
    metricPaths: metricPaths(),
    keyOutputs: KEY_OUTPUTS,
    headlineOutputs: ['cost.lcocDiscounted_USD_per_PFLOP_day', 'cost.lcoc_USD_per_PFLOP_day', 'mass.launch_kg'],
    nominal: outcome([], []),
    nominalRecord: nominal,
    // break-even and P(LCOC < terrestrial) on the verdict's basis: the programme's discounted LCOC against
    // economics.baseline's discounted LCOC of the same chips, whose ratio is the run's verdict (cost.lcocToBaseline)
    comparison: {
      lcoc: 'cost.lcocDiscounted_USD_per_PFLOP_day',
      terrestrial: 'cost.baselineLcocDiscounted_USD_per_PFLOP_day',
      description: `economics.baseline's discounted LCOC of the same chips (${design.economics.baseline}), the run's verdict basis: the programme's discounted LCOC over it is cost.lcocToBaseline`,
    },
    defaults: NODE_DEFAULTS,
    notes: [],
    column: metricColumn,
    unitOf,
    evaluate: (values, specs) => outcome(values, specs),
    record,
    breakEvenInputs,
    specFor: specLookup(inputs, breakEvenInputs),
    workerData: { kind: 'node', designPath: resolve(loaded.file), designHash: loaded.hash },
  };
}

const metricColumns = lazy(() => columnLookup(metricPaths()));
/** Column of a node metric in an output vector. */
export const metricColumn = (path: string): number => metricColumns()(path);
