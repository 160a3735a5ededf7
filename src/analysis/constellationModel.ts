/**
 * The sampled model of one constellation file (`kind: constellation`; ./analysisModel.ts): its uncertain inputs
 * (./constellationInputs.ts), evaluated at input vectors by the constellation models (src/constellation/evaluate.ts)
 * with one LP solver per thread, made once and reused for every evaluation.
 *
 * Outputs: every constellation metric (src/constellation/record/metrics.ts), then TERRESTRIAL_LCOC, the ground figure
 * of the run's verdict: the discounted LCOC of the fleet's chips in the verdict's terrestrial scenario, the shells'
 * node figures weighted by satellites × delivered PFLOPS (src/run/decision/recommend.ts constellationVerdicts; exactly
 * the node's figure for one shell), compared with totals.lcocDiscounted_USD_per_PFLOP_day as the verdict is; then each
 * record constraint's margin and whether it holds. A sample the loader or the models reject is a failed sample with its
 * reason. Break-even inputs: the first campaign vehicle's price_USD per launch, economics.learningRate and shell 0's
 * chip price.
 */
import { resolve } from 'node:path';
import { compileConstellation } from '../constellation/design/compile.js';
import { evaluateConstellation } from '../constellation/evaluate.js';
import { parseConstellation } from '../constellation/design/load.js';
import { constellationMetricPaths, pathGetter } from '../constellation/record/metrics.js';
import type { ConstellationRecord } from '../constellation/record/record.js';
import { StudyError } from '../base/errors.js';
import { complianceValues } from '../study/inputKinds.js';
import { programmeLearningRate } from '../models/cost/learningCurve.js';
import { lazy } from '../base/lazy.js';
import { constellationVerdicts } from '../run/decision/recommend.js';
import { unitOf } from '../node/record/metrics.js';
import type { LpSolver } from '../optimize/lp.js';
import {
  columnLookup,
  firstInvalid,
  outcomeOf,
  reasonOf,
  specLookup,
  type AnalysisModel,
  type BreakEvenInput,
  type ConstraintInfo,
} from './analysisModel.js';
import {
  applyConstellationInputs,
  constellationInputs,
  resolveConstellationInput,
  type LoadedConstellationDesign,
} from '../study/constellationInputs.js';
import type { InputSpec } from '../study/uncertainTargets.js';

export { loadConstellationDesign, type LoadedConstellationDesign } from '../study/constellationInputs.js';

/** Derived output: the verdict's discounted ground LCOC of the fleet's chips (see the header). */
export const TERRESTRIAL_LCOC = 'comparison.groundLcocDiscounted_USD_per_PFLOP_day';
export const CONSTELLATION_KEY_OUTPUTS = [
  'totals.launchMass_kg',
  'totals.cost_USD',
  'totals.lcoc_USD_per_PFLOP_day',
  'totals.lcocDiscounted_USD_per_PFLOP_day',
  'totals.deliveredPFLOPS',
  'launch.campaign_yr',
  TERRESTRIAL_LCOC,
] as const;
/** Metrics of a constellation analysis (a getter, as constellationMetricPaths). */
export const constellationAnalysisMetrics = lazy((): readonly string[] => [
  ...constellationMetricPaths(),
  TERRESTRIAL_LCOC,
]);

import { CONSTELLATION_DEFAULTS } from './defaults.js';
export { CONSTELLATION_DEFAULTS };

export interface ConstellationSampleModel extends AnalysisModel {
  readonly kind: 'constellation';
  readonly design: LoadedConstellationDesign;
  readonly nominalRecord: ConstellationRecord;
  /** The record itself, or the failure reason. */
  record(values: readonly number[], specs?: readonly InputSpec[]): ConstellationRecord | string;
}

/** The verdict's ground: the discounted LCOC of the fleet's chips in the run verdict's terrestrial scenario. */
export function verdictGroundLcoc(r: ConstellationRecord): number {
  return constellationVerdicts(r)[0]?.terrestrial_USD_per_PFLOP_day ?? NaN;
}

/** The break-even inputs of a constellation: the first campaign vehicle's price, the learning rate, the chip price. */
function constellationBreakEvenInputs(d: LoadedConstellationDesign): BreakEvenInput[] {
  const c = d.loaded.constellation;
  const chip = d.loaded.shellNodes[0]!.design.compute.chip;
  const at = (path: string): InputSpec =>
    resolveConstellationInput(
      {
        d,
        node: d.loaded.shellNodes[0]!.design,
        used: [
          { catalog: 'launchVehicles', id: c.launch.vehicles[0]!.vehicle },
          { catalog: 'chips', id: chip },
        ],
      },
      path,
      path,
    );
  return [
    { spec: at(`catalogs.launchVehicles.${c.launch.vehicles[0]!.vehicle}.price_USD`), label: 'launch price' },
    {
      spec: at('economics.learningRate'),
      label: 'learning rate',
      // the rate in force when the file sets none: the node fleet's rule over the satellite count (generation.ts)
      nominal: programmeLearningRate(
        d.loaded.shellNodes[0]!.design.economics.pricing,
        Math.max(
          1,
          c.shells.reduce((a, s) => a + s.planes * s.satsPerPlane, 0),
        ),
        c.economics.learningRate,
      ),
    },
    { spec: at(`catalogs.chips.${chip}.costPerChip_USD`), label: 'chip price' },
  ];
}

/** Each constraint's name, unit, sense and description, as the nominal record states them. */
function constraintInfos(r: ConstellationRecord): ConstraintInfo[] {
  return r.constraints.map((c) => ({
    name: c.name,
    unit: c.unit,
    sense: c.sense,
    enforced: c.enforced,
    description: c.description,
  }));
}

/**
 * The outputs of a sample as given; its checks with the economics inputs at nominal (src/study/inputKinds.ts: the one
 * definition of P(all hold)): a second evaluation only when the vector moves an economics input.
 */
function complianceOutcome(
  record: (values: readonly number[], specs: readonly InputSpec[]) => ConstellationRecord | string,
  values: readonly number[],
  specs: readonly InputSpec[],
  getters: readonly ((r: ConstellationRecord) => number)[],
  constraints: readonly ConstraintInfo[],
) {
  const r = record(values, specs);
  const compliance = complianceValues(specs, values);
  const same = compliance.every((v, k) => Object.is(v, values[k] ?? NaN));
  return outcomeOf(r, getters, constraints, same ? r : record(compliance, specs));
}

export function constellationSampleModel(d: LoadedConstellationDesign, lp: LpSolver): ConstellationSampleModel {
  const { inputs, notes } = constellationInputs(d);
  const getters: ((r: ConstellationRecord) => number)[] = [
    ...constellationMetricPaths().map((p) => pathGetter(p)),
    verdictGroundLcoc,
  ];
  const record = (values: readonly number[], specs: readonly InputSpec[] = inputs): ConstellationRecord | string => {
    const bad = firstInvalid(values, specs);
    if (bad !== undefined) return bad;
    try {
      const { raw, node, catalogs } = applyConstellationInputs(d, specs, values);
      return evaluateConstellation(compileConstellation(parseConstellation(d.parsed, raw, node), catalogs), lp);
    } catch (e) {
      return `the models cannot evaluate this sample: ${reasonOf(e)}`;
    }
  };
  const nominalRecord = record([], []);
  if (typeof nominalRecord === 'string') {
    throw new StudyError(
      'OUT_OF_RANGE',
      `${d.file}: ${nominalRecord.replace('this sample', 'this constellation as written')}`,
      { file: d.file },
    );
  }
  const constraints = constraintInfos(nominalRecord);
  const breakEvenInputs = (): BreakEvenInput[] => constellationBreakEvenInputs(d);
  const multi = d.loaded.constellation.shells.length > 1;
  return {
    kind: 'constellation',
    design: d,
    loaded: { file: d.file, name: d.name, hash: d.hash },
    inputs,
    constraints,
    metricPaths: constellationAnalysisMetrics(),
    keyOutputs: CONSTELLATION_KEY_OUTPUTS,
    headlineOutputs: ['totals.lcoc_USD_per_PFLOP_day', 'totals.cost_USD'],
    width: constellationAnalysisMetrics().length + 2 * constraints.length,
    nominal: outcomeOf(nominalRecord, getters, constraints),
    nominalRecord,
    comparison: {
      lcoc: 'totals.lcocDiscounted_USD_per_PFLOP_day',
      terrestrial: TERRESTRIAL_LCOC,
      description: `the discounted LCOC of the same chips in the verdict's terrestrial scenario (${TERRESTRIAL_LCOC}: ${multi ? "the shells' node figures weighted by satellites × delivered PFLOPS" : "the node record's figure"}), the run's verdict basis: the constellation's discounted LCOC over it is its verdict`,
    },
    defaults: CONSTELLATION_DEFAULTS,
    notes: [
      ...notes,
      "P(all hold) here checks each sample's constellation re-sized to its inputs, without the file's requirements; a constellation study's select flies the design as built (margins spent, src/study/constellationSamples.ts) with its constraints, so the two can differ",
    ],
    column: columnLookup(constellationAnalysisMetrics()),
    unitOf,
    evaluate: (values, specs = inputs) => complianceOutcome(record, values, specs, getters, constraints),
    record,
    breakEvenInputs,
    specFor: specLookup(inputs, breakEvenInputs),
    workerData: { kind: 'constellation', designPath: resolve(d.file), designHash: d.hash },
  };
}
