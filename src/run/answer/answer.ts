/**
 * The run decides once: `buildAnswer(run)` computes everything the outputs say about the answer — the recommended
 * designs and how they stand (the study's select: rule, margins, P(all hold) sampled here: ./robustness.ts), the cost
 * where the verdict stands (./kneeCost.ts), the reference designs and why each is off the front (./references.ts), a
 * constellation's bridge and life basis (./lifeBasis.ts), the hypervolume with its normalization — and `writeAnswer`
 * puts it in the run folder as answer.json (./schema.ts). src/report and src/serve only read it.
 * A part that cannot be computed (a reference that does not evaluate, a design that cannot be rebuilt) is left out
 * with a note, never a failed run.
 */
import { join } from 'node:path';
import { writeFileAtomic } from '../atomic.js';
import { runLogFile } from '../logRead.js';
import type { LoadedRun } from '../loadRun.js';
import { fmt } from '../../base/numberFormat.js';
import { decisionPicks, KNEE_METHOD, type Pick } from '../decision/decision.js';
import { kneeStanding, type JointSource } from '../decision/select.js';
import type { LoadedStudy } from '../problem.js';
import { decisionSummary, withShadowPrices } from '../decision/recommend.js';
import { designBindingText } from '../decision/binding.js';
import { kneeLabel } from '../decision/decisionText.js';
import { normalizationText, runHypervolumeFigure } from '../hypervolumeFigure.js';
import type { DecisionSummary } from '../schemas.js';
import type { DesignRecord } from '../../node/record/record.js';
import type { ConstellationRecord } from '../../constellation/record/record.js';
import { robustPicks, selectRule, storedStanding } from './robustness.js';
import { defaultReferencePaths, evaluateReferences, referenceFileName, referenceStatus } from './references.js';
import { kneeCost } from './kneeCost.js';
import { environmentAnswer } from './environment.js';
import { ANSWER_FILE, ANSWER_FORMAT_VERSION, type Answer, type BridgeStep } from './schema.js';

export interface AnswerOptions {
  /** Design files drawn as reference points in node studies (default: the shipped designs). */
  readonly referenceDesigns?: readonly string[];
  /**
   * The run's compiled study and the joint samples its run.json decision drew (the run that just finished has both):
   * neither is loaded nor sampled again. Absent: both from the folder's study.yaml.
   */
  readonly study?: { readonly loaded: LoadedStudy; readonly joint: JointSource | string };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The reference designs of a node study (nominal: a robust study's objective space is not theirs). */
function references(run: LoadedRun, opts: AnswerOptions): { refs: Answer['references']; notes: string[] } {
  if (run.pareto.kind !== 'node') return { refs: [], notes: [] };
  if (run.pareto.robust !== undefined)
    return {
      refs: [],
      notes: [
        'robust study: the reference designs are evaluated nominally, not over the uncertainty samples, so they are not drawn in its objective space',
      ],
    };
  const r = evaluateReferences(
    opts.referenceDesigns ?? defaultReferencePaths(),
    run.pareto.objectives.map((o) => o.name),
  );
  return {
    refs: r.designs.map((d) => ({
      label: d.label,
      file: referenceFileName(d.file),
      objectives: d.objectives,
      offFront: referenceStatus(d, run.pareto, run.study),
      constraints: d.record.constraints.map((c) => ({
        name: c.name,
        enforced: c.enforced,
        description: c.description,
      })),
    })),
    notes: r.notes,
  };
}

const step = (
  n: number,
  label: string,
  value: number,
  unit: string,
  why: string,
  previous: number | null,
): BridgeStep => ({ step: n, label, factor: previous === null ? null : value / previous, value, unit, why });

const DISCOUNT_WHY = (rate: number, life: string): string =>
  `cost and compute both discounted at ${fmt(100 * rate)} %/yr${life}: the money is spent before launch, the compute ` +
  'is delivered over the years after, so discounting weighs the cost more than the compute and raises the cost per unit';

/** The node verdict's bridge: first unit → programme → discounted → against the ground. */
function nodeCostBridge(r: DesignRecord, baseline: string | undefined): BridgeStep[] {
  const c = r.cost;
  const own = c.baselines.find((b) => b.id === baseline) ?? c.baselines[0];
  const learning = c.learningRate < 1 ? `learning rate ${fmt(c.learningRate)}` : 'no learning';
  const steps = [
    step(
      1,
      'first unit',
      c.lcoc_USD_per_PFLOP_day,
      'USD/PFLOP-day',
      'one node: its life-cycle cost over the compute it delivers',
      null,
    ),
    step(
      2,
      `programme of ${fmt(c.programmeUnits)}`,
      c.programLcoc_USD_per_PFLOP_day,
      'USD/PFLOP-day',
      `the programme's nodes on the learning curve (${learning}): the verdict prices the fleet, not one node`,
      c.lcoc_USD_per_PFLOP_day,
    ),
    step(
      3,
      'discounted',
      c.lcocDiscounted_USD_per_PFLOP_day,
      'USD/PFLOP-day',
      DISCOUNT_WHY(c.discountRate_per_yr, ''),
      c.programLcoc_USD_per_PFLOP_day,
    ),
  ];
  if (own === undefined) return steps;
  return [
    ...steps,
    {
      step: 4,
      label: `against ${own.id}`,
      factor: null,
      value: own.spaceToTerrestrial,
      unit: '×',
      why: `÷ the ground's discounted cost of delivered compute with the same chips, ${fmt(own.lcocDiscounted_USD_per_PFLOP_day)} USD/PFLOP-day (economics.baseline)`,
    },
  ];
}

/** A constellation verdict's bridge: programme of its satellites → discounted → against the ground. */
function constellationCostBridge(r: ConstellationRecord, d: DecisionSummary): BridgeStep[] {
  const t = r.totals;
  const v = d.designs[0]?.verdicts[0];
  const rate = r.shells[0]?.node.cost.discountRate_per_yr ?? Number.NaN;
  return [
    step(
      1,
      `programme of ${fmt(t.satellites)} satellites`,
      t.lcoc_USD_per_PFLOP_day,
      'USD/PFLOP-day',
      'one generation of the satellites on their learning curve, with launch, operations, replacements and gateways',
      null,
    ),
    step(
      2,
      'discounted',
      t.lcocDiscounted_USD_per_PFLOP_day,
      'USD/PFLOP-day',
      DISCOUNT_WHY(rate, ''),
      t.lcoc_USD_per_PFLOP_day,
    ),
    ...(v === undefined
      ? []
      : [
          {
            step: 3,
            label: `against ${v.baseline}`,
            factor: null,
            value: v.spaceToTerrestrial,
            unit: '×',
            why: `÷ the ground's discounted cost of delivered compute of the shells' chips, ${fmt(v.terrestrial_USD_per_PFLOP_day)} USD/PFLOP-day`,
          },
        ]),
  ];
}

/** The bridge from the shells' node verdicts to the constellation's (record totals.verdictBridge), numbered. */
function nodesToConstellation(r: ConstellationRecord): BridgeStep[] {
  return r.totals.verdictBridge.map((e, i) => ({
    step: i + 1,
    label: e.step,
    factor: i === 0 ? null : e.factor,
    value: e.ratio,
    unit: '×',
    why:
      i === 0
        ? "the shells' node records against the same scenario, each at its own programme size"
        : 'the generation priced again with this part added',
  }));
}

const STATISTIC = /^([a-z][a-z0-9]*)\((.+)\)$/;

/**
 * A robust study's statistics for the recommended designs (pareto.json's objectives: what the optimizer ranked) with
 * the nominal design's value of each and the sample count, so no output shows a nominal figure as the statistic.
 */
function robustStatistics(
  run: LoadedRun,
  r: NonNullable<LoadedRun['pareto']['robust']>,
  d: DecisionSummary,
  picks: readonly Pick[],
): NonNullable<Answer['robust']> {
  // a union front may repeat an index across seeds: a recommended design is found among the picks first
  const designOf = (index: number) =>
    picks.find((p) => p.design.index === index)?.design ?? run.pareto.designs.find((x) => x.index === index);
  const knee = d.designs[0];
  return {
    samples: r.samples,
    method: r.method === 'lhs' ? 'Latin hypercube' : 'Monte Carlo',
    seed: r.seed,
    statistics: run.pareto.objectives.flatMap((o) => {
      const m = STATISTIC.exec(o.name);
      if (m === null) return [];
      const figure = knee?.figures.find((f) => f.metric === m[2]);
      return [
        {
          objective: o.name,
          label: `${m[1]} ${figure?.label ?? m[2]}`,
          unit: o.unit,
          designs: d.designs.map((x) => {
            const p = designOf(x.index);
            return {
              index: x.index,
              value: p?.objectives[o.name] ?? Number.NaN,
              nominal: p?.robust?.nominal[o.name] ?? null,
            };
          }),
        },
      ];
    }),
  };
}

/** How the recommended design was picked, in words. */
function pickedText(d: DecisionSummary): string {
  const s = d.standing;
  if (s?.pick !== undefined) return `${s.pick} pick${s.rule !== null ? `, then the select: rule ${s.rule}` : ''}`;
  const knee = `knee: ${KNEE_METHOD}`;
  return s?.rule
    ? `${knee}; then the study's select: rule ${s.rule}${s.qualified ? '' : ' (no design meets it)'}`
    : knee;
}

/** The verdict of the recommended design against its own scenario, with every scenario's ratio. */
function verdictOf(knee: DecisionSummary['designs'][number] | undefined): Answer['verdict'] {
  const own = knee?.verdicts.find((v) => v.baseline === knee.baseline) ?? knee?.verdicts[0];
  return own === undefined || knee === undefined
    ? null
    : {
        baseline: own.baseline,
        ratio: own.spaceToTerrestrial,
        space_USD_per_PFLOP_day: own.space_USD_per_PFLOP_day,
        terrestrial_USD_per_PFLOP_day: own.terrestrial_USD_per_PFLOP_day,
        basis: own.basis,
        why:
          own.basis === 'discounted'
            ? "the programme's discounted cost of delivered compute over the ground's, same chips, same discount rate"
            : "the programme's undiscounted cost of delivered compute over the ground's",
        ...(knee.parity !== undefined ? { parity: knee.parity } : {}),
        scenarios: knee.verdicts.map((v) => ({ baseline: v.baseline, ratio: v.spaceToTerrestrial })),
      };
}

/** The answer's head: the design, its figures, verdict, P(all hold) and margins, read from the decision. */
export function answerHead(
  d: DecisionSummary,
  inputNames: readonly string[] = [],
): Pick_<Answer, 'design' | 'figures' | 'nominalFigures' | 'verdict' | 'joint' | 'jointNone' | 'margins'> {
  const knee = d.designs[0];
  const s = d.standing ?? null;
  const j = s?.joint ?? null;
  return {
    design:
      knee === undefined
        ? null
        : {
            index: knee.index,
            ...(knee.seed !== undefined ? { seed: knee.seed } : {}),
            label: kneeLabel(s),
            picked: pickedText(d),
            roles: knee.roles,
            configuration: knee.configuration,
          },
    figures: knee?.figures ?? [],
    nominalFigures: d.nominalFigures,
    verdict: verdictOf(knee),
    joint:
      j === null
        ? null
        : {
            estimate: j.estimate,
            lower: j.lower,
            upper: j.upper,
            interval: '95 % Wilson score interval',
            samples: j.samples,
            method: 'Latin hypercube over the compliance inputs, economics inputs at nominal, margins spent',
            seed: j.seed,
            inputs: inputNames.length === j.inputs ? inputNames : [],
            inputCount: j.inputs,
          },
    jointNone: s?.jointNone ?? null,
    margins: {
      smallest: s?.minMargin ?? null,
      tightest: s?.tightest ?? [],
      binds: knee === undefined ? 'no design' : designBindingText(knee.binding, fmt),
      binding: (knee?.binding.constraints ?? []).map((c) => ({ name: c.name, margin: c.margin })),
    },
  };
}
type Pick_<T, K extends keyof T> = { readonly [P in K]: T[P] };

/**
 * The run's answer (see the header); `opts.referenceDesigns` replaces the shipped reference designs. `decided`: the
 * decision already made (the run.json decision of the run that just finished, or a multi-seed run's union decision,
 * its designs named by seed: ./seedsAnswer.ts).
 */
export function buildAnswer(run: LoadedRun, opts: AnswerOptions = {}, decided?: DecisionSummary): Answer {
  const { meta, pareto } = run;
  const { refs, notes } = references(run, opts);
  const { picks, report: robustness, joint } = robustPicks(run, decisionPicks(pareto), opts.study?.joint);
  const stored = meta.decision;
  const decision =
    decided ??
    withShadowPrices(
      decisionSummary(pareto, storedStanding(run) ?? kneeStanding(pareto, selectRule(run), joint, runLogFile(run.dir))),
      pareto,
      (knee) => (stored?.designs[0]?.index === knee.index ? (stored.shadowPrices ?? null) : null),
    );
  const knee: Pick | undefined = picks[0];
  const cost = kneeCost(run, knee, notes, opts.study?.loaded);
  const record = knee?.design.record ?? null;
  const position = decision.standing?.position;
  const sampled = typeof joint === 'string' || position === undefined ? null : joint.sampled(position);
  const inputNames = sampled === null || typeof sampled === 'string' ? [] : (sampled.inputNames ?? []);
  const h = runHypervolumeFigure(meta);
  const answer: Mutable<Answer> = {
    formatVersion: ANSWER_FORMAT_VERSION,
    kind: pareto.kind,
    study: meta.study.name,
    seeds: [meta.algorithm.seed],
    ...answerHead(decision, inputNames),
    ...(decision.noAnswer !== undefined ? { noAnswer: decision.noAnswer } : {}),
    ...(pareto.robust !== undefined ? { robust: robustStatistics(run, pareto.robust, decision, picks) } : {}),
    costBridge:
      record === null
        ? []
        : record.kind === 'constellation'
          ? constellationCostBridge(record, decision)
          : nodeCostBridge(record, decision.designs[0]?.baseline),
    hypervolumes:
      h === null ? [] : [{ scope: `seed ${meta.algorithm.seed}`, value: h.value, normalization: normalizationText(h) }],
    references: refs,
    decision,
    picks: picks.map((p) => ({ label: p.label, selector: p.selector, position: p.position })),
    robustness,
    costBreakdown: cost.section,
    notes,
  };
  const environment = environmentAnswer(record, meta.startedAt);
  if (environment !== null) answer.environment = environment;
  if (record?.kind === 'constellation')
    answer.constellation = { bridge: nodesToConstellation(record), lifeBasis: cost.lifeBasis };
  return answer;
}

/** Writes answer.json into the run folder (atomically). */
export function writeAnswer(dir: string, answer: Answer): void {
  writeFileAtomic(join(dir, ANSWER_FILE), `${JSON.stringify(answer, null, 2)}\n`);
}
