/**
 * Files of an odc uncertainty folder: summary.json (inputs, statistics, probabilities, failures), samples.csv
 * (one row per sample: status, the sampled inputs, every record metric of the design as given (`asGiven.`), each
 * constraint's margin and whether it holds with the margins spent and the economics inputs at nominal
 * (`marginsSpent.`); full precision), report.html / report.md with a histogram and empirical CDF per key output and the
 * probability that each constraint holds.
 */
import { fmt } from '../base/numberFormat.js';
import { csvCell } from '../base/csv.js';
import { ODC_VERSION } from '../run/versions.js';
import {
  figure,
  heading3,
  keyValues,
  list,
  paragraph,
  section,
  table,
  type Block,
  type Plot,
  type ReportDocument,
} from '../report/document/blocks.js';
import { constraintSvg, distributionSvg } from './plots.js';
import type { InputSummary, UncertaintyAnalysis } from './uncertainty.js';

export const METHOD_NAMES = {
  lhs: 'Latin hypercube sampling (McKay, Beckman & Conover 1979)',
  mc: 'plain Monte Carlo sampling',
} as const;

const pct = (p: { estimate: number; lower: number; upper: number }): string =>
  `${(100 * p.estimate).toFixed(1)} % (95 % CI ${(100 * p.lower).toFixed(1)}–${(100 * p.upper).toFixed(1)} %)`;
const opt = (v: number | null): string => (v === null ? 'model default' : fmt(v));

/** "64 samples (the defaults for constellation files, …)" when the count is the kind's default. */
export function sampleCountNote(n: number, defaulted: boolean, why: string, what = 'samples'): string {
  return `${n} ${what}${defaulted ? ` (${why})` : ''}`;
}

export const JOINT_NOTE =
  'P(all hold): the share of samples in which the requirements and the enforced checks all hold at once, margins spent, ' +
  'with the compliance inputs sampled and the economics inputs at nominal (as a run and a robust study define it). It is not the product of the ' +
  'per-constraint probabilities: constraints that depend on the same inputs are correlated, and the joint share can be far below the smallest of them.';

/** The joint-probability rows of the summary: P(all hold), and every check when some are relaxed. */
export function jointRows(a: Pick<UncertaintyAnalysis, 'allHold' | 'everyCheckHold'>): [string, string][] {
  return [
    ...(a.allHold !== null ? [['P(all hold)', pct(a.allHold)] as [string, string]] : []),
    ...(a.everyCheckHold !== null
      ? [['P(every check holds, relaxed ones too)', pct(a.everyCheckHold)] as [string, string]]
      : []),
  ];
}

/** The machine-readable summary (summary.json). */
export function uncertaintySummary(a: UncertaintyAnalysis, createdAt: string): Record<string, unknown> {
  const { loaded } = a.model;
  return {
    kind: 'uncertainty',
    formatVersion: 1,
    odcVersion: ODC_VERSION,
    createdAt,
    design: { name: loaded.name, file: loaded.file, hash: loaded.hash, kind: a.model.kind },
    method: a.method,
    methodName: METHOD_NAMES[a.method],
    samples: a.samples,
    samplesDefault: a.samplesDefaulted ? a.model.defaults.why : null,
    seed: a.seed,
    workers: a.workers,
    evaluated: a.samples - a.failed,
    failed: a.failed,
    failureReasons: a.failureReasons,
    inputs: a.inputs,
    outputs: a.outputs,
    constraints: a.margins,
    allHold: a.allHold,
    allHoldBasis: a.allHoldBasis,
    everyCheckHold: a.everyCheckHold,
    lcocBelowTerrestrial: a.lcocBelowTerrestrial,
    terrestrialComparison: a.model.comparison,
    modelNotes: a.model.notes,
    note: 'Output statistics use the successful samples; probabilities count a failed sample as not holding.',
  };
}

/** samples.csv text (small analyses and tests; files are written by `writeSamplesCsv`). */
export function samplesCsv(a: UncertaintyAnalysis): string {
  const chunks: string[] = [];
  writeSamplesCsv(a, (c) => chunks.push(c));
  return chunks.join('');
}

/** samples.csv in pieces of ~64k characters: a million samples never become one string (V8 caps strings at ~512 MB). */
export function writeSamplesCsv(a: UncertaintyAnalysis, sink: (chunk: string) => void): void {
  const names = a.model.constraints.map((c) => c.name);
  const header = [
    'sample',
    'status',
    'reason',
    ...a.inputs.map((x) => x.path),
    // the outputs of the design as given, over every input; the checks margins spent, economics inputs at nominal
    ...a.model.metricPaths.map((m) => `asGiven.${m}`),
    ...names.map((n) => `marginsSpent.margin.${n}`),
    ...names.map((n) => `marginsSpent.holds.${n}`),
  ];
  const width = a.model.width;
  let text = `${header.map(csvCell).join(',')}\n`;
  a.outcomes.forEach((o, i) => {
    const ys = o.status === 'ok' ? Array.from(o.y) : new Array<number>(width).fill(NaN);
    text += `${[i, o.status, o.status === 'failed' ? o.reason : '', ...a.values[i]!, ...ys].map(csvCell).join(',')}\n`;
    if (text.length >= 65_536) {
      sink(text);
      text = '';
    }
  });
  if (text.length > 0) sink(text);
}

export function inputTable(inputs: readonly InputSummary[], kind: 'node' | 'constellation' = 'node'): Block {
  const file = kind === 'node' ? 'design file' : 'constellation or node file';
  return table(
    ['input', 'distribution', 'nominal', 'p5', 'mean', 'p95', 'unit', 'declared in', 'affects', 'reason'],
    inputs.map((x) => [
      x.path,
      x.description,
      opt(x.nominal),
      fmt(x.p5),
      fmt(x.mean),
      fmt(x.p95),
      x.unit,
      x.origin === 'catalog' ? 'catalog row' : x.origin === 'model' ? 'model' : file,
      `${x.affects}: ${x.affectsWhy}`,
      x.reason ?? '',
    ]),
  );
}

/** The summary: the file, sampling, sample counts, joint and terrestrial probabilities. */
function summarySection(a: UncertaintyAnalysis, what: string): Block {
  const { loaded } = a.model;
  return section('summary', 'Summary', [
    {
      kind: 'keyValue',
      rows: keyValues([
        [`${what} file`, loaded.file],
        [`${what} file sha256`, loaded.hash],
        [
          'sampling',
          `${METHOD_NAMES[a.method]}, ${sampleCountNote(a.samples, a.samplesDefaulted, a.model.defaults.why)}, seed ${a.seed}`,
        ],
        ['uncertain inputs', String(a.inputs.length)],
        ['evaluated / failed samples', `${a.samples - a.failed} / ${a.failed}`],
        ...jointRows(a),
        ...(a.allHold !== null ? [['P(all hold) basis', a.allHoldBasis] as [string, string]] : []),
        [
          'P(LCOC < terrestrial LCOC)',
          a.lcocBelowTerrestrial === null ? 'no terrestrial comparison in the record' : pct(a.lcocBelowTerrestrial),
        ],
        ...(a.model.comparison !== null
          ? [['terrestrial LCOC', a.model.comparison.description] as [string, string]]
          : []),
        ['worker threads', String(a.workers)],
      ]),
    },
    ...(a.model.notes.length ? [list(a.model.notes)] : []),
  ]);
}

/** The constraints table: margins' quantiles and P(holds) of each, and the joint probabilities. */
function constraintSection(a: UncertaintyAnalysis, constraintPlot: Plot | undefined): Block {
  return section('constraints', 'Constraints', [
    paragraph(
      'Margins are relative: (limit − value)/|limit| for ≤, (value − limit)/|limit| for ≥; negative when violated.',
    ),
    table(
      ['constraint', 'kind', 'nominal margin [-]', 'p5 [-]', 'p50 [-]', 'p95 [-]', 'P(holds)'],
      [
        ...a.margins.map((m) => [
          m.name,
          m.enforced ? 'enforced' : 'check',
          opt(m.nominal),
          fmt(m.p5),
          fmt(m.p50),
          fmt(m.p95),
          pct(m.holds),
        ]),
        ...jointRows(a).map(([label, value]) => [label, 'jointly', '', '', '', '', value]),
      ],
    ),
    ...(a.allHold !== null ? [paragraph(JOINT_NOTE)] : []),
    ...(constraintPlot ? [figure(constraintPlot)] : []),
  ]);
}

/** P(each constraint holds) as a bar chart, or undefined without constraints. */
async function constraintPlotOf(a: UncertaintyAnalysis): Promise<Plot | undefined> {
  return a.margins.length
    ? {
        id: 'constraints',
        file: 'constraints.svg',
        svg: constraintSvg(a.margins).svg,
        caption:
          'Probability that each constraint holds, with its 95 % Wilson score interval (failed samples count as not holding).',
      }
    : undefined;
}

/** Renders plots and the report content. */
export async function uncertaintyDocument(a: UncertaintyAnalysis): Promise<{ doc: ReportDocument; plots: Plot[] }> {
  const { loaded } = a.model;
  const what = a.model.kind === 'node' ? 'design' : 'constellation';
  const plots: Plot[] = [];
  const outputFigures = await outputFigureBlocks(a, what, plots);
  const constraintPlot = await constraintPlotOf(a);
  if (constraintPlot) plots.push(constraintPlot);
  const blocks: Block[] = [
    summarySection(a, what),
    section('inputs', 'Uncertain inputs', [
      paragraph(
        `Inputs are independent. Nominal: the value in the ${what} file or catalog row (the ${what} as written is the nominal ${what}).`,
      ),
      inputTable(a.inputs, a.model.kind),
    ]),
    section('outputs', 'Key outputs', [
      table(
        ['output', 'unit', `nominal ${what}`, 'p5', 'p50', 'p95', 'mean ± SE', 'sd'],
        a.outputs.map((o) => [
          o.path,
          o.unit,
          opt(o.nominal),
          fmt(o.p5),
          fmt(o.p50),
          fmt(o.p95),
          `${fmt(o.mean)} ± ${fmt(o.standardError, 2)}`,
          fmt(o.sd),
        ]),
      ),
      ...outputFigures,
    ]),
    constraintSection(a, constraintPlot),
  ];
  if (a.failureReasons.length)
    blocks.push(
      section('failures', 'Failed samples', [
        table(
          ['reason', 'samples'],
          a.failureReasons.map((f) => [f.reason, String(f.count)]),
        ),
      ]),
    );
  blocks.push(methodSection(a));
  return {
    plots,
    doc: {
      title: `Uncertainty: ${loaded.name}`,
      leads: [
        `${sampleCountNote(a.samples, a.samplesDefaulted, a.model.defaults.why)} of ${a.inputs.length} uncertain inputs (${a.method === 'lhs' ? 'Latin hypercube' : 'Monte Carlo'}, seed ${a.seed}) of ${loaded.file}; ${a.failed} failed.`,
      ],
      blocks,
      footer: `Generated by odc ${ODC_VERSION} (odc uncertainty). Plots are static SVG (d3 scales, ticks and formats).`,
    },
  };
}

/** Per key output, a heading and its distribution figure (rendered and added to plots). */
async function outputFigureBlocks(a: UncertaintyAnalysis, what: string, plots: Plot[]): Promise<Block[]> {
  const outputFigures: Block[] = [];
  for (const o of a.outputs) {
    const col = a.model.column(o.path);
    const values = a.outcomes.flatMap((s) => (s.status === 'ok' && Number.isFinite(s.y[col]!) ? [s.y[col]!] : []));
    const id = `output-${o.path.replace(/\./g, '-')}`;
    const plot = {
      id,
      file: `${id}.svg`,
      svg: distributionSvg(o, values).svg,
      caption: `${o.path} over ${o.n} evaluated samples: histogram (${o.histogram.rule} bins) and empirical CDF; red: the nominal ${what}, dashed: p5 and p95.`,
    };
    plots.push(plot);
    outputFigures.push(heading3(o.path), figure(plot));
  }
  return outputFigures;
}

/** The method section: sampling, quantiles, probabilities. */
function methodSection(a: UncertaintyAnalysis): Block {
  return section('method', 'Method', [
    list([
      `${METHOD_NAMES[a.method]} of the unit cube, mapped through each input's inverse CDF (independent inputs); the samples are a pure function of the seed.`,
      'p5/p50/p95: type-7 sample quantiles (Hyndman & Fan 1996). Mean ± SE: SE = s/√n, the i.i.d. standard error (conservative for Latin hypercube sampling).',
      'Probabilities: fraction of all samples with the event, 95 % Wilson (1927) score interval (Brown, Cai & DasGupta 2001 recommend it over the ' +
        'Wald interval); a failed sample counts as not holding. P(all hold) counts the samples in which the requirements and enforced checks all hold at once, margins spent, economics inputs at nominal.',
      'Output statistics use the successful samples; samples.csv has every sample with its inputs, all record metrics and margins.',
    ]),
  ]);
}
