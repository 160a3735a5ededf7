/**
 * The report's opening section as text and tables (report.html and report.md format the same view; the answer itself
 * is the card of ./answerCard.ts, read from answer.json): how the knee stands, the recommended designs with their key
 * figures, the verdict against each terrestrial scenario, what binds each design and the front, why each reference
 * design is not on the front, and the front plot with the knee.
 */
import { maxOf, minOf } from '../../base/arrays.js';
import { fmt, percentText } from '../../base/numberFormat.js';
import { ratioText } from '../../base/verdictText.js';
import {
  BINDING_MARGIN,
  BOUND_TOLERANCE,
  constraintLabel,
  designBindingText,
  frontPressureTexts,
  sizedToText,
} from '../../run/decision/binding.js';
import { standingTexts } from '../../run/decision/decisionText.js';
import { spreadText } from '../../run/decision/spread.js';
import { relaxationView } from '../../run/decision/relaxation.js';
import type { LoadedRun } from '../../run/loadRun.js';
import {
  MIN_AXIS_SPAN,
  objectiveTitle,
  samplePositions,
  spanDomain,
  type AxisDef,
  type CategoryStyle,
} from '../plots/plots.js';
import { designLabel, shellText } from '../../run/decision/recommend.js';
import type { Answer, AnswerReference } from '../../run/answer/schema.js';
import { objectiveMatrix } from '../plots/scatterMatrix.js';
import type { DecisionSummary, RecommendedDesign } from '../../run/schemas.js';

export interface TextTable {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export interface DecisionView {
  /**
   * How the recommended design stands beyond the answer card (its margins, what the evaluated designs can achieve):
   * sentences, none when nothing feasible was found.
   */
  readonly standing: readonly string[];
  /** Said instead of the tables when there is no feasible design. */
  readonly empty: string | null;
  readonly designs: TextTable | null;
  readonly verdictNote: string | null;
  readonly verdicts: TextTable | null;
  readonly bindingRule: string;
  readonly binding: readonly string[];
  readonly front: readonly string[];
  /**
   * What relaxing each binding constraint of the knee by 10 % buys (src/run/decision/relaxation.ts): the table (null
   * when no relaxation buys anything) and its sentence; null when nothing binds the knee.
   */
  readonly relaxation: { readonly table: TextTable | null; readonly note: string } | null;
  readonly references: readonly { readonly label: string; readonly status: string }[];
}

const MAX_FRONT_PLOT_POINTS = 1500;

/** "best cost.lcoc (lowest)" for "best cost.lcoc_USD_per_PFLOP_day (lowest)": the metric without its unit suffix. */
export const shortRole = (role: string): string => role.replace(/(\.[A-Za-z0-9]+)_[^ )]*/, '$1');
const name = (d: RecommendedDesign): string => `${designLabel(d)} (${d.roles.map(shortRole).join(', ')})`;

/**
 * "sized to: power.arrayArea 878 m² (to …); binds: a (margin 0.0 %), …; next-tightest margin: c (5.1 %)": the one
 * list of src/run/decision/binding.ts, as the terminal prints it.
 */
function bindingLine(d: RecommendedDesign): string {
  const b = d.binding;
  const sized = sizedToText(b, fmt);
  const parts = [...(sized !== null ? [`sized to: ${sized}`] : []), `binds: ${designBindingText(b, fmt)}`];
  // the tightest margins not already listed as binding (all of the tightest when nothing binds, else the next one)
  const rest = b.tightest
    .filter((c) => !b.constraints.some((x) => x.name === c.name))
    .slice(0, b.constraints.length ? 1 : undefined);
  if (rest.length)
    parts.push(
      `${b.constraints.length ? 'next-tightest margin' : 'tightest margins'}: ${rest.map((c) => `${constraintLabel(c)} (${percentText(c.margin)})`).join(', ')}`,
    );
  return `${name(d)}: ${parts.join('; ')}.`;
}

/**
 * The recommended designs and their figures. A robust study's statistics come first, their sample count in the header;
 * the record's figures are then the nominal design's and say so, so no nominal value stands under a robust role.
 */
function designsTable(d: DecisionSummary, robust: Answer['robust']): TextTable {
  // columns: the union of figure labels in first-seen order (every design of a study has the same kind of record)
  const cols: { label: string; unit: string }[] = [];
  for (const x of d.designs)
    for (const f of x.figures) if (!cols.some((c) => c.label === f.label)) cols.push({ label: f.label, unit: f.unit });
  const shells = d.designs.some((x) => x.shells?.length);
  const stats = robust?.statistics ?? [];
  const nominal = d.nominalFigures ? ', nominal' : '';
  return {
    headers: [
      'design',
      'what it is',
      ...stats.map((s) => `${s.label} [${s.unit}; ${fmt(robust!.samples)} samples]`),
      ...cols.map((c) => `${c.label}${nominal} [${c.unit}]`),
      ...(shells ? ['shells'] : []),
    ],
    rows: d.designs.map((x, k) => [
      name(x),
      x.configuration,
      ...stats.map((s) => fmt(s.designs[k]?.value ?? Number.NaN)),
      ...cols.map((c) => {
        const f = x.figures.find((y) => y.label === c.label);
        return f ? fmt(f.value) : '';
      }),
      ...(shells ? [(x.shells ?? []).map(shellText).join('; ')] : []),
    ]),
  };
}

/** One row per design: its own LCOC, then per scenario the space/ground ratio and the ground LCOC, then the tally. */
function verdictsTable(d: DecisionSummary): TextTable | null {
  const nominal = d.nominalFigures ? ', nominal' : '';
  const withVerdict = d.designs.filter((x) => x.verdicts.length > 0);
  if (withVerdict.length === 0) return null;
  const ids = withVerdict[0]!.verdicts.map((v) => v.baseline);
  const basis = withVerdict[0]!.verdicts[0]!.basis;
  return {
    headers: ['design', `space LCOC, ${basis}${nominal} [USD/PFLOP-day]`, ...ids.map((id) => `${id} [-]`), 'verdict'],
    rows: withVerdict.map((x) => {
      const cheaper = x.verdicts.filter((v) => v.spaceToTerrestrial < 1).length;
      return [
        designLabel(x),
        fmt(x.verdicts[0]!.space_USD_per_PFLOP_day),
        ...ids.map((id) => {
          const v = x.verdicts.find((y) => y.baseline === id);
          return v ? `${ratioText(v.spaceToTerrestrial)} (${fmt(v.terrestrial_USD_per_PFLOP_day)})` : '';
        }),
        cheaper === 0
          ? `ground cheaper in all ${x.verdicts.length}`
          : `space cheaper in ${cheaper} of ${x.verdicts.length}`,
      ];
    }),
  };
}

function verdictNote(d: DecisionSummary, kind: string): string | null {
  const v = d.designs.find((x) => x.verdicts.length > 0)?.verdicts[0];
  if (v === undefined) return null;
  const cells =
    "Each scenario's cell: space/ground LCOC ratio (below 1 space is cheaper), and in brackets the ground LCOC [USD/PFLOP-day]. ";
  return (
    cells +
    (v.basis === 'undiscounted'
      ? 'Undiscounted LCOC of the constellation over the undiscounted LCOC of the same chips in each scenario of designs/catalogs/terrestrial-baselines.yaml.'
      : kind === 'constellation'
        ? "Discounted LCOC of the constellation (totals.lcocDiscounted_USD_per_PFLOP_day: its node fleet on the learning curve over its satellites, failure replacements, gateways; the node's discount rate) over the discounted LCOC of the same chips " +
          "in each scenario of designs/catalogs/terrestrial-baselines.yaml (the shells' node figures weighted by satellites × delivered PFLOPS, over the node's " +
          "lifetime): the node verdict's basis, with the constellation's roll-up."
        : "Discounted LCOC of the node fleet (cost.lcocDiscounted_USD_per_PFLOP_day, with the study's discount rate) over that of the same chips in each scenario of " +
          'designs/catalogs/terrestrial-baselines.yaml, same lifetime and discount rate.')
  );
}

export function decisionView(
  run: Pick<LoadedRun, 'pareto' | 'study'>,
  d: DecisionSummary,
  refs: readonly Pick<AnswerReference, 'label' | 'offFront'>[],
  robust?: Answer['robust'],
): DecisionView {
  const bindingRule =
    `A constraint binds when its relative margin is at most ${fmt(100 * BINDING_MARGIN)} % (g ≤ 0 scaled by the limit's magnitude` +
    `${run.pareto.kind === 'benchmark' ? '; benchmarks: their own scaling' : ''}); a real variable is at a bound when it lies within ${fmt(100 * BOUND_TOLERANCE)} % ` +
    'of its range from it, an integer when it equals it. Choices have no bound. "Sized to": a closure met by sizing (array area, radiator area, junction temperature, ' +
    'launch-mass closure) at its limit, which a cost-minimizing design sits at by construction: what the design was sized to, not what binds the trade.';
  const references = refs.map((r) => ({ label: r.label, status: r.offFront }));
  if (d.designs.length === 0) {
    return {
      standing: [],
      empty:
        d.noAnswer ??
        'No feasible design was found, so there is no recommendation: see "Failures and infeasibility" for the least-infeasible designs.',
      designs: null,
      verdictNote: null,
      verdicts: null,
      bindingRule,
      binding: [],
      front: [],
      relaxation: null,
      references,
    };
  }
  return {
    standing: standingTexts(d.standing).map((t) => `${t.charAt(0).toUpperCase()}${t.slice(1).replace(/\.$/, '')}.`),
    empty: null,
    designs: designsTable(d, robust),
    verdictNote: verdictNote(d, run.pareto.kind),
    verdicts: verdictsTable(d),
    bindingRule,
    binding: d.designs.map(bindingLine),
    front: [...frontPressureTexts(d.front, fmt), ...spreadTexts(d, robust)],
    relaxation: shadowPricesView(d),
    references,
  };
}

/** The knee's shadow prices (src/run/decision/relaxation.ts); null when nothing binds it. */
function shadowPricesView(d: DecisionSummary): DecisionView['relaxation'] {
  const r = d.shadowPrices;
  return r === undefined || r === null || r.gains.length === 0 ? null : relaxationView(r);
}

/** The front's spread sentence (src/run/decision/spread.ts), with what the front presses against. */
function spreadTexts(d: DecisionSummary, robust: Answer['robust']): string[] {
  const t = spreadText(d.spread, d.front.designs, robust);
  return t === null ? [] : [`${t.charAt(0).toUpperCase()}${t.slice(1)}`];
}

/**
 * The front in its first two objectives with the knee and the best design per objective marked and labelled (a run
 * with a Pareto design and two objectives or more).
 */
export function frontKneeSvg(run: LoadedRun, d: DecisionSummary): string {
  const { pareto } = run;
  const objs = pareto.objectives.slice(0, 2);
  const pos = samplePositions(pareto.designs.length, MAX_FRONT_PLOT_POINTS);
  // a recommended design is marked only when the front holds it (none is when no design meets the requirements)
  const byIndex = new Map(pareto.designs.map((x) => [x.index, x.objectives]));
  const marked = (cat: string, index: number | undefined, label: string): Record<string, unknown>[] => {
    const o = index === undefined ? undefined : byIndex.get(index);
    return o === undefined ? [] : [row(cat, o, label)];
  };
  const row = (cat: string, o: Readonly<Record<string, number>>, label?: string): Record<string, unknown> => ({
    cat,
    o0: o[objs[0]!.name],
    o1: o[objs[1]!.name],
    ...(label !== undefined ? { label } : {}),
  });
  const points = [
    ...pos.map((p) => row('Pareto design', pareto.designs[p]!.objectives)),
    ...d.designs.slice(1).flatMap((x) => marked('best per objective', x.index, `design ${x.index}`)),
    ...marked('knee', d.designs[0]?.index, `knee: design ${d.designs[0]?.index}`),
  ];
  const axes: AxisDef[] = objs.map((o, j) => {
    const vals = points.map((p) => p[`o${j}`] as number).filter(Number.isFinite);
    // at least MIN_AXIS_SPAN of the values' magnitude (plots.ts spanDomain): a 1 % front looks flat
    const span = spanDomain(minOf(vals), maxOf(vals));
    const lo = span.lo,
      hi = span.hi;
    const pad = hi > lo ? 0.06 * (hi - lo) : Math.abs(lo) * 0.05 || 1;
    return { title: objectiveTitle(o.name, o.unit, o.sense), domain: [lo - pad, hi + pad] as [number, number] };
  });
  const categories: CategoryStyle[] = [
    { name: 'Pareto design', color: '#4c78a8', shape: 'circle', size: 30, opacity: 0.7 },
    { name: 'best per objective', color: '#111111', shape: 'circle', size: 80, opacity: 1 },
    { name: 'knee', color: '#d62728', shape: 'diamond', size: 160, opacity: 1 },
  ];
  return objectiveMatrix(points, axes, categories, 'recommended', true, 'front-knee').svg;
}

export function frontKneeCaption(run: LoadedRun): string {
  const { pareto } = run;
  const m = pareto.objectives.length;
  const n = pareto.designs.length;
  return (
    `The ${n} Pareto designs${n > MAX_FRONT_PLOT_POINTS ? ` (${MAX_FRONT_PLOT_POINTS} drawn, evenly sampled)` : ''} in the first two objectives` +
    `${m > 2 ? ` (a projection of the ${m}-objective front: designs that look dominated here are better in another objective)` : ''}; ` +
    'red diamond: the knee; black circles: the best design per objective. Maximized objectives are shown in their own sense. ' +
    `Each axis spans at least ${100 * MIN_AXIS_SPAN} % of its values' magnitude, so a front that varies by 1 % looks flat.`
  );
}
