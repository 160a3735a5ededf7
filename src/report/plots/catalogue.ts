/**
 * The plot catalogue: one entry per plot of the run report (a constellation run's own plots too) and of the multi-seed
 * report, each with its id (also the figure's anchor), its file, title and section, when it applies and how it draws
 * (its caption and SVG). The reports draw and place their plots from these lists alone (`drawPlots`, `plotSection`,
 * `gatheredPlots`), so a plot is its file and one line here.
 */
import type { Pick } from '../../run/decision/decision.js';
import type { LoadedRun } from '../../run/loadRun.js';
import { unionKneePosition, type SeedUnion } from '../../run/multiSeed.js';
import type { AnswerEnvironment, AnswerReference, LifeBasisRecord } from '../../run/answer/schema.js';
import type { DecisionSummary } from '../../run/schemas.js';
import type { DesignRecord } from '../../node/record/record.js';
import {
  figure,
  heading3,
  note,
  paragraph,
  section,
  table,
  type Block,
  type Drawing,
  type ReportPlot,
} from '../document/blocks.js';
import * as knee from '../constellation/constellationReport.js';
import { frontKneeCaption, frontKneeSvg } from '../decision/decisionView.js';
import type { RobustReport } from '../decision/robust.js';
import { budgetsPlot, costPlot, costWaterfallPlot, unionFrontPlot } from '../decision/seedsPlots.js';
import { convergencePlot, objectivePlot, waterfallPlot, waterfallSteps } from './modelPlots.js';
import { parallelPlot } from './parallelPlot.js';
import { environmentPlot } from './environmentPlot.js';

/** A section of the plot's own (its id); `otherwise`: its paragraph when the plot does not apply ('': empty). */
export type OwnSection = { readonly heading: string; readonly nav?: string; readonly otherwise?: string };

export type { Drawing } from '../document/blocks.js';

export interface PlotEntry<I> {
  readonly id: string;
  /** Its .svg file beside the report; `<id>.svg` when absent. */
  readonly file?: string;
  readonly title: string;
  /** Its own section (none without the plot unless `otherwise`), or the id of the section that gathers it. */
  readonly section: OwnSection | string;
  readonly applies: (input: I) => boolean;
  /** A note for the report when it does not apply. */
  readonly missingNote?: string;
  /** Its drawing; null: none after all (its note pushed by the drawing). */
  readonly draw: (input: I) => Drawing | null;
}

/** The plots of `entries` that apply to `input`, in order; a missing plot's note goes into `notes`. */
export function drawPlots<I>(entries: readonly PlotEntry<I>[], input: I, notes: string[]): ReportPlot[] {
  return entries.flatMap((e) => {
    if (!e.applies(input)) {
      if (e.missingNote !== undefined) notes.push(e.missingNote);
      return [];
    }
    const drawing = e.draw(input);
    return drawing === null ? [] : [{ id: e.id, file: e.file ?? `${e.id}.svg`, title: e.title, ...drawing }];
  });
}

/** The section of an entry with a section of its own, from the plots drawn; null when it has none to show. */
export function plotSection<I>(e: PlotEntry<I>, plots: readonly ReportPlot[]): Block | null {
  const s = e.section;
  const plot = plots.find((p) => p.id === e.id);
  if (typeof s === 'string' || (!plot && s.otherwise === undefined)) return null;
  const blocks = plot ? [figure(plot), ...(plot.blocks ?? [])] : s.otherwise ? [paragraph(s.otherwise)] : [];
  return section(e.id, s.heading, blocks, s.nav);
}

/** The plots drawn that `entries` place in the gathering section `id` ('decision-summary', 'knee'), in order. */
export const gatheredPlots = <I, P extends ReportPlot>(
  entries: readonly PlotEntry<I>[],
  id: string,
  plots: readonly P[],
) => plots.filter((p) => entries.some((e) => e.id === p.id && e.section === id));

/** Each plot under a subheading of its title (anchored at its id), then its figure. */
export const titledFigures = (plots: readonly ReportPlot[]): Block[] =>
  plots.flatMap((p) => [heading3(p.title, p.id), figure(p)]);

/** What the run report's plots are drawn from. */
export interface RunPlotInput {
  readonly run: LoadedRun;
  readonly refs: readonly AnswerReference[];
  readonly notes: string[];
  readonly knee: Pick | undefined;
  readonly decision: DecisionSummary;
  readonly robust: RobustReport | null;
  /** The answer's traffic (answer.json `environment`). */
  readonly environment?: AnswerEnvironment | undefined;
}

const ENVIRONMENT: PlotEntry<{ readonly environment?: AnswerEnvironment | undefined }> = {
  id: 'environment',
  title: "Catalogue traffic around the design's shells",
  section: { heading: 'Environment: the catalogue around the design', nav: 'Environment' },
  applies: ({ environment }) => environment !== undefined,
  draw: ({ environment }) => environmentPlot(environment!),
};

const WATERFALL: PlotEntry<{ readonly knee: Pick | undefined }> = {
  id: 'waterfall',
  title: 'Delivered compute of the knee design',
  section: { heading: 'Delivered compute' },
  applies: (i) => waterfallSteps(i.knee).length > 0,
  draw: (i) => waterfallPlot(waterfallSteps(i.knee)),
};
const ROBUST_NOTE =
  'Robust value (the statistic over the common uncertainty samples) and nominal value of each Pareto design.';

/** The run report's plots in reading order. */
export const RUN_PLOTS: readonly PlotEntry<RunPlotInput>[] = [
  {
    id: 'front-knee',
    title: 'Pareto front and the recommended designs',
    section: 'decision-summary',
    applies: ({ run }) => run.pareto.designs.length > 0 && run.pareto.objectives.length >= 2,
    draw: ({ run, decision }) => ({ caption: frontKneeCaption(run), svg: frontKneeSvg(run, decision) }),
  },
  ENVIRONMENT,
  {
    id: 'objective-space',
    title: 'Objective space',
    section: { heading: 'Objective space', otherwise: '' },
    applies: () => true,
    draw: ({ run, refs, notes }) => objectivePlot(run, refs, notes),
  },
  {
    id: 'robust',
    file: 'robust-vs-nominal.svg',
    title: 'Robust front and nominal values',
    section: { heading: 'Robust front and nominal values', nav: 'Robust vs nominal' },
    applies: ({ robust }) => robust !== null,
    draw: ({ robust: r }) => ({
      caption: r!.caption,
      svg: r!.svg,
      blocks: [
        note(ROBUST_NOTE),
        table(r!.table.headers, r!.table.rows, { long: { more: 'all are in report.html and pareto.json.' } }),
      ],
    }),
  },
  {
    id: 'parallel',
    file: 'parallel-coordinates.svg',
    title: 'Parallel coordinates of the Pareto set',
    section: {
      heading: 'Pareto set across variables and objectives',
      nav: 'Parallel coordinates',
      otherwise: 'No Pareto design: nothing to draw.',
    },
    applies: ({ run }) => run.pareto.designs.length > 0,
    draw: ({ run, knee }) => parallelPlot(run, knee),
  },
  WATERFALL,
  {
    id: 'convergence',
    title: 'Convergence',
    section: { heading: 'Convergence', otherwise: 'No per-generation history in run.json.' },
    applies: ({ run }) => (run.meta.history ?? []).length > 0,
    missingNote: 'run.json has no per-generation history: no convergence plot',
    draw: ({ run }) => convergencePlot(run),
  },
];

type KneeInput = knee.ConstellationPlotInput;
const kneePlot = (
  id: string,
  title: string,
  applies: (i: KneeInput) => boolean,
  draw: (i: KneeInput) => Drawing | null,
  missingNote?: string,
): PlotEntry<KneeInput> => ({
  id,
  title,
  section: 'constellation',
  applies,
  draw,
  ...(missingNote ? { missingNote } : {}),
});
const always = () => true;
const linkGraph = (i: KneeInput) => i.knee.details.linkGraph !== null;
const rows = (key: keyof knee.ExtraViewData) => (i: KneeInput) => (i.extra[key]?.length ?? 0) > 0;

/** A constellation run's own plots in reading order, gathered under the run report's "Constellation" heading. */
export const CONSTELLATION_PLOTS: readonly PlotEntry<KneeInput>[] = [
  kneePlot('shell-planes', 'Orbital planes of the knee design', always, knee.planesDrawing),
  kneePlot('ground-track', 'Ground tracks (knee)', always, knee.groundTrackDrawing),
  kneePlot('shell-map', 'Shells in context', always, knee.shellMapDrawing),
  kneePlot(
    'link-graph',
    'Link graph of a shell (knee)',
    linkGraph,
    knee.linkGraphDrawing,
    'the knee design has no link graph (no links, or a bound): no link-graph plot',
  ),
  kneePlot('link-utilization', 'Link utilisation (knee)', linkGraph, knee.linkUtilizationDrawing),
  kneePlot(
    'contact-timeline',
    'Gateway contacts (knee)',
    (i) => i.knee.details.stations.length > 0,
    knee.contactsDrawing,
  ),
  kneePlot('launch-campaign', 'Launch campaign (knee)', always, knee.launchCampaignDrawing),
  kneePlot('life', 'Life of the constellation (knee)', always, knee.lifeDrawing),
  kneePlot(
    'utilization-by-class',
    'Link utilisation by class over the evaluated instants (knee)',
    rows('utilization'),
    knee.utilizationByClassDrawing,
  ),
  kneePlot('conjunctions', 'Self-conjunctions (knee)', rows('conjunctions'), knee.conjunctionsDrawing),
  kneePlot('launch-manifest', 'Launch manifest (knee)', rows('manifest'), knee.manifestDrawing),
  kneePlot('sky-map', 'Naked-eye satellites on the sky (knee)', always, knee.skyDrawing),
  kneePlot('cost-breakdown', 'Cost breakdown', always, knee.costDrawing),
];

/** A constellation run's own plots of its knee, in order, with notes on what is not drawn. */
export function constellationReportPlots(
  run: LoadedRun,
  k: knee.ConstellationKnee,
  basis: LifeBasisRecord | null,
): { plots: ReportPlot[]; notes: string[] } {
  const input = knee.constellationPlotInput(run, k, basis);
  return { plots: drawPlots(CONSTELLATION_PLOTS, input, input.notes), notes: input.notes };
}

/** What the multi-seed report's plots are drawn from: the knee's node record (null: none, or not a node's). */
export interface SeedsPlotInput {
  readonly union: SeedUnion;
  readonly seeds: readonly number[];
  readonly knee: Pick | undefined;
  readonly record: DesignRecord | null;
  readonly environment?: AnswerEnvironment | undefined;
}

const nodeKnee = (i: SeedsPlotInput) => i.record !== null;

/** The multi-seed report's plots in reading order: the union front, then the knee's under one heading ('knee'). */
export const SEEDS_PLOTS: readonly PlotEntry<SeedsPlotInput>[] = [
  {
    id: 'union-front',
    title: "The seeds' union front",
    section: { heading: 'Union front by seed', nav: 'Union front' },
    applies: ({ union }) => union.pareto.objectives.length >= 2 && union.pareto.designs.length > 0,
    draw: ({ union, seeds }) => unionFrontPlot(union, seeds),
  },
  ENVIRONMENT,
  {
    id: 'knee-budgets',
    title: 'Power and mass budgets of the knee',
    section: 'knee',
    applies: nodeKnee,
    draw: (i) => budgetsPlot(i.record!),
  },
  {
    id: 'knee-cost',
    title: 'Cost breakdown of the knee',
    section: 'knee',
    applies: nodeKnee,
    draw: (i) => costPlot(i.record!),
  },
  {
    id: 'knee-cost-waterfall',
    title: 'Cost of delivered compute of the knee, space and ground',
    section: 'knee',
    applies: nodeKnee,
    draw: (i) => costWaterfallPlot(i.record!),
  },
  { ...WATERFALL, section: 'knee', applies: (i) => nodeKnee(i) && WATERFALL.applies(i) },
];

/** The plots of the multi-seed report of `seeds`, in order, with notes on what is not drawn. */
export function seedsPlots(
  union: SeedUnion,
  seeds: readonly number[],
  environment?: AnswerEnvironment,
): { plots: ReportPlot[]; notes: string[] } {
  const at = unionKneePosition(union);
  const design = union.pareto.designs[at];
  const record = design?.record ?? null;
  // a benchmark's designs have no record: nothing to draw and nothing to say
  const notes =
    record !== null && record.kind !== 'node'
      ? ["the knee's budget, cost and waterfall plots are drawn for node studies"]
      : [];
  const knee: Pick | undefined = design && { label: 'knee', selector: 'knee', position: at, design };
  const input = { union, seeds, knee, record: record?.kind === 'node' ? record : null, environment };
  const plots = drawPlots(SEEDS_PLOTS, input, notes);
  return { plots, notes };
}
