/**
 * A multi-seed run's report (`<out>/report.html` and `report.md`, src/run/multiSeed.ts): the answer of the seeds' union
 * front written as a single run's first screen (the knee, its standing, figures, verdicts, what binds it, its shadow
 * prices when they are its seed's), the union front by seed and the knee's budgets, costs and waterfall
 * (../plots/catalogue.ts; each plot also written as a .svg file beside the report), then whether the seeds agree
 * with each seed's knee and a relative link to each seed's own report.
 */
import { pushAll } from '../../base/arrays.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { writeFilesAtomic } from '../../run/atomic.js';
import type { SeedUnion } from '../../run/multiSeed.js';
import {
  agreementTable,
  agreementVerdict,
  INTEGER_AGREEMENT,
  spreadsText,
  type SeedAgreement,
} from '../../run/decision/seedAgreement.js';
import { ODC_VERSION } from '../../run/versions.js';
import {
  heading3,
  list,
  note,
  paragraph,
  section,
  table,
  type Block,
  type Inline,
  type ReportDocument,
  type ReportPlot,
} from '../document/blocks.js';
import { gatheredPlots, plotSection, seedsPlots, SEEDS_PLOTS, titledFigures } from '../plots/catalogue.js';
import { readAttainmentFile } from '../../run/attainmentFile.js';
import { spreadSection } from './spreadSection.js';
import { documentHtml } from '../document/html.js';
import { documentMarkdown } from '../document/markdown.js';
import { decisionView } from './decisionView.js';
import { answerBlocks, relaxationBlocks } from './decisionBlocks.js';
import { answerCardBlock, bridgeBlocks } from '../sections/decisionSummary.js';
import type { Answer } from '../../run/answer/schema.js';

/** The union front's hypervolume and each seed's, on the union's normalization (answer.json `hypervolumes`). */
function hypervolumeBlocks(a: Answer): Block[] {
  const h = a.hypervolumes;
  if (h.length === 0) return [];
  return [
    heading3('Hypervolume'),
    table(
      ['front', 'hypervolume [-]'],
      h.map((x) => [x.scope, x.value.toFixed(4)]),
    ),
    note(`On one normalization: ${h[0]!.normalization}.`),
  ];
}

/** How the answer and the agreement are made, in the report's words. */
export const SEEDS_METHOD =
  "The answer is the knee of the seeds' union front (the non-dominated designs of every seed's pareto.json), chosen " +
  "by the study's select: rule as for one run; each design is named by its seed and its index in that seed's run. " +
  'The seeds agree when their own knees make the same choices: every choice variable the same option, every integer ' +
  `variable within ${100 * INTEGER_AGREEMENT} % of its range (in whole steps; exactly when that is under one).`;

function answerSection(union: SeedUnion, answer: Answer | null): Block {
  const v = decisionView({ pareto: union.pareto, study: {} }, union.decision, [], answer?.robust);
  const card = answer !== null && answer.design !== null ? [answerCardBlock(answer), ...bridgeBlocks(answer)] : [];
  const blocks: Block[] = [...card, ...answerBlocks(v)];
  if (answer !== null) pushAll(blocks, hypervolumeBlocks(answer));
  if (v.binding.length)
    pushAll(blocks, [
      heading3('What binds'),
      ...v.standing.map((t) => paragraph(t)),
      list(v.binding),
      note(v.bindingRule),
    ]);
  pushAll(blocks, relaxationBlocks(v));
  return section('decision-summary', 'Recommended designs', blocks, 'Recommended');
}

/** Each seed's report: its path relative to the multi-seed folder, null when the seed's folder has none. */
export interface SeedReportLink {
  readonly seed: number;
  readonly href: string | null;
}

const reportLink = (r: SeedReportLink): Inline =>
  r.href === null
    ? `seed ${r.seed}: no report.html in seed-${r.seed}/`
    : [`seed ${r.seed}: `, { link: r.href, href: r.href }];

function seedsSection(a: SeedAgreement, union: SeedUnion, reports: readonly SeedReportLink[]): Block {
  const t = agreementTable(a, union.pareto.objectives);
  const spreads = spreadsText(a);
  return section('seeds', 'Seeds', [
    paragraph(`${agreementVerdict(a)}.`, 'strong'),
    table(t.headers, t.rows),
    ...(a.differingChoices.length
      ? [
          list(
            a.differingChoices.map(
              (c) => `${c.name}: ${c.bySeed.map((v, i) => `seed ${a.seeds[i]!.seed} ${v ?? '-'}`).join(', ')}`,
            ),
          ),
        ]
      : []),
    ...(spreads !== null ? [paragraph(`${spreads.charAt(0).toUpperCase()}${spreads.slice(1)}.`)] : []),
    note(SEEDS_METHOD),
    ...(reports.length ? [heading3("Each seed's report"), list(reports.map(reportLink))] : []),
  ]);
}

/** The plots with a section of their own (the union front), then the knee's under a heading each (SEEDS_PLOTS). */
function plotSections(union: SeedUnion, plots: readonly ReportPlot[], notes: readonly string[]): Block[] {
  const out = SEEDS_PLOTS.flatMap((e) => plotSection(e, plots) ?? []);
  const knee = gatheredPlots(SEEDS_PLOTS, 'knee', plots);
  const head = union.decision.designs[0];
  if (head !== undefined && (knee.length > 0 || notes.length > 0))
    out.push(
      section(
        'knee',
        `The knee: design ${head.index} of seed ${head.seed}`,
        [...titledFigures(knee), ...notes.map((n) => note(n))],
        'Knee',
      ),
    );
  return out;
}

/**
 * The multi-seed report's document: `plots` from ../plots/catalogue.ts `seedsPlots` (none: the text alone), `reports`
 * the seeds' own reports to link.
 */
export function seedsReportDocument(
  a: SeedAgreement,
  union: SeedUnion,
  plots: { readonly plots: readonly ReportPlot[]; readonly notes: readonly string[] } = { plots: [], notes: [] },
  reports: readonly SeedReportLink[] = [],
  spread: Block | null = null,
  answer: Answer | null = null,
): ReportDocument {
  const counts = a.seeds.map((s) => `seed ${s.seed}: ${union.seeds.filter((x) => x === s.seed).length}`).join(', ');
  return {
    title: `${union.pareto.study}: ${a.seeds.length} seeds`,
    leads: [
      `Multi-seed run of ${a.seeds.length} seeds; the union front has ${union.pareto.designs.length} designs (${counts}). ` +
        "Each seed's run folder (seed-<s>/) has its own report; the shadow prices are the answer's, here.",
    ],
    blocks: [
      answerSection(union, answer),
      ...(spread !== null ? [spread] : []),
      ...plotSections(union, plots.plots, plots.notes),
      seedsSection(a, union, reports),
    ],
    footer: `Generated by odc ${ODC_VERSION} from seeds.json and the seeds' pareto.json files.`,
  };
}

/**
 * Writes report.html, report.md and the plots as .svg files of a multi-seed run into `outDir` (report.html last, as a
 * run report is written); returns the HTML's path.
 */
export function writeSeedsReport(
  outDir: string,
  a: SeedAgreement,
  union: SeedUnion,
  answer: Answer | null = null,
): string {
  const drawn = seedsPlots(
    union,
    a.seeds.map((s) => s.seed),
    answer?.environment,
  );
  const reports = a.seeds.map(({ seed, runDir }) => {
    const href = `${runDir}/report.html`;
    return { seed, href: existsSync(join(outDir, href)) ? href : null };
  });
  const spread = spreadSection(readAttainmentFile(outDir), union);
  const doc = seedsReportDocument(a, union, drawn, reports, spread?.section ?? null, answer);
  const htmlPath = join(outDir, 'report.html');
  writeFilesAtomic([
    ...[...drawn.plots, ...(spread?.plots ?? [])].map((p) => ({
      path: join(outDir, p.file),
      data: `<?xml version="1.0" encoding="UTF-8"?>\n${p.svg}\n`,
    })),
    { path: join(outDir, 'report.md'), data: documentMarkdown(doc) },
    { path: htmlPath, data: documentHtml(doc) },
  ]);
  return htmlPath;
}
