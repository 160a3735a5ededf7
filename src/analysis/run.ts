/**
 * `runUncertainty` / `runSensitivity`: the analysis of a node design or constellation file and its result folder
 * (./folder.ts) in one call, what the CLI commands run; plus their plain-text summaries for the terminal. The analyses
 * alone (no files) are `analyzeUncertainty` and `analyzeSensitivity`.
 */
import { maxOf, pushAll } from '../base/arrays.js';
import { fmt } from '../base/numberFormat.js';
import { documentHtml } from '../report/document/html.js';
import { documentMarkdown } from '../report/document/markdown.js';
import type { Plot } from '../report/document/blocks.js';
import {
  defaultAnalysisDir,
  prepareAnalysisDir,
  SUMMARY_FILE,
  writeAnalysisFiles,
  type AnalysisKind,
} from './folder.js';
import { analyzeSensitivity, type SensitivityAnalysis, type SensitivityOptions } from './sensitivity.js';
import { sensitivityDocument, sensitivitySummary } from './sensitivityReport.js';
import { analyzeUncertainty, DEFAULT_SEED, type UncertaintyAnalysis, type UncertaintyOptions } from './uncertainty.js';
import {
  METHOD_NAMES,
  sampleCountNote,
  uncertaintyDocument,
  uncertaintySummary,
  writeSamplesCsv,
} from './uncertaintyReport.js';

export interface FolderOptions {
  /** Result folder (default results/<design>/<kind>-<UTC stamp>-seed<seed>). */
  readonly outDir?: string;
  /** Clock for the folder name and createdAt (tests). */
  readonly now?: () => Date;
}

export interface UncertaintyRun {
  readonly analysis: UncertaintyAnalysis;
  readonly dir: string;
  readonly files: readonly string[];
}

export interface SensitivityRun {
  readonly analysis: SensitivityAnalysis;
  readonly dir: string;
  readonly files: readonly string[];
}

async function withFolder<T extends { model: { loaded: { name: string } } }>(
  kind: AnalysisKind,
  opts: { seed?: number; designPath: string } & FolderOptions,
  analyze: () => Promise<T>,
): Promise<{ result: T; dir: string; now: Date }> {
  const inputs = [opts.designPath];
  if (opts.outDir !== undefined) prepareAnalysisDir(opts.outDir, kind, inputs); // a bad --out fails before the work
  const result = await analyze();
  const now = (opts.now ?? (() => new Date()))();
  const dir = opts.outDir ?? defaultAnalysisDir(kind, result.model.loaded.name, opts.seed ?? DEFAULT_SEED, now);
  prepareAnalysisDir(dir, kind, inputs);
  return { result, dir, now };
}

const svgFiles = (plots: readonly Plot[]) =>
  plots.map((p) => ({ name: p.file, content: `<?xml version="1.0" encoding="UTF-8"?>\n${p.svg}\n` }));

/** Samples, evaluates, summarises and writes samples.csv, summary.json, the plots, report.md and report.html. */
export async function runUncertainty(opts: UncertaintyOptions & FolderOptions): Promise<UncertaintyRun> {
  const { result: analysis, dir, now } = await withFolder('uncertainty', opts, () => analyzeUncertainty(opts));
  const { doc, plots } = await uncertaintyDocument(analysis);
  const files = writeAnalysisFiles(dir, [
    { name: 'samples.csv', content: (sink: (chunk: string) => void) => writeSamplesCsv(analysis, sink) },
    ...svgFiles(plots),
    { name: 'report.md', content: documentMarkdown(doc) },
    { name: SUMMARY_FILE, content: `${JSON.stringify(uncertaintySummary(analysis, now.toISOString()), null, 2)}\n` },
    { name: 'report.html', content: documentHtml(doc) },
  ]);
  return { analysis, dir, files };
}

/**
 * Tornado and/or Sobol' indices and break-even thresholds; writes summary.json, the plots, report.md and report.html.
 */
export async function runSensitivity(opts: SensitivityOptions & FolderOptions): Promise<SensitivityRun> {
  const { result: analysis, dir, now } = await withFolder('sensitivity', opts, () => analyzeSensitivity(opts));
  const { doc, plots } = await sensitivityDocument(analysis);
  const files = writeAnalysisFiles(dir, [
    ...svgFiles(plots),
    { name: 'report.md', content: documentMarkdown(doc) },
    { name: SUMMARY_FILE, content: `${JSON.stringify(sensitivitySummary(analysis, now.toISOString()), null, 2)}\n` },
    { name: 'report.html', content: documentHtml(doc) },
  ]);
  return { analysis, dir, files };
}

const table = (headers: readonly string[], rows: readonly (readonly string[])[]): string[] => {
  const w = headers.map((h, j) => maxOf([h.length, ...rows.map((r) => (r[j] ?? '').length)]));
  const line = (r: readonly string[]): string =>
    r
      .map((c, j) => (j === 0 ? c.padEnd(w[j]!) : c.padStart(w[j]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)];
};
const pct = (p: { estimate: number; lower: number; upper: number }): string =>
  `${(100 * p.estimate).toFixed(1)} % [${(100 * p.lower).toFixed(1)}, ${(100 * p.upper).toFixed(1)}]`;

/** Terminal summary of an uncertainty run. */
export function formatUncertainty(r: UncertaintyRun): string {
  const a = r.analysis;
  const out = [
    `odc uncertainty: ${a.model.loaded.name} (${a.model.loaded.file}${a.model.kind === 'constellation' ? ', a constellation' : ''})`,
    `  ${sampleCountNote(a.samples, a.samplesDefaulted, a.model.defaults.why)} by ${METHOD_NAMES[a.method]}, seed ${a.seed}; ${a.inputs.length} uncertain inputs; ` +
      `${a.samples - a.failed} evaluated, ${a.failed} failed`,
    '',
    ...table(
      ['output', 'unit', 'nominal', 'p5', 'p50', 'p95', 'mean ± SE'],
      a.outputs.map((o) => [
        o.path,
        o.unit,
        o.nominal === null ? '—' : fmt(o.nominal),
        fmt(o.p5),
        fmt(o.p50),
        fmt(o.p95),
        `${fmt(o.mean)} ± ${fmt(o.standardError, 2)}`,
      ]),
    ),
    '',
    ...table(
      ['constraint', 'margin p5', 'p50', 'p95', 'P(holds) [95 % CI]'],
      a.margins.map((m) => [m.name, fmt(m.p5), fmt(m.p50), fmt(m.p95), pct(m.holds)]),
    ),
    ...(a.allHold !== null
      ? [`P(all hold) = ${pct(a.allHold)}: ${a.allHoldBasis} (not the product of the above: they share inputs)`]
      : []),
    ...(a.everyCheckHold !== null ? [`P(every check holds, relaxed ones too) = ${pct(a.everyCheckHold)}`] : []),
    '',
    a.lcocBelowTerrestrial === null
      ? 'P(LCOC < terrestrial LCOC): no terrestrial comparison in the record'
      : `P(LCOC < terrestrial LCOC) = ${pct(a.lcocBelowTerrestrial)}${a.model.kind === 'constellation' ? `, against ${a.model.comparison!.description}` : ''}`,
    ...a.model.notes.map((n) => `note: ${n}`),
    ...a.failureReasons.slice(0, 5).map((f) => `failed ×${f.count}: ${f.reason}`),
    `folder: ${r.dir} (report.html, report.md, samples.csv, summary.json)`,
  ];
  return `${out.join('\n')}\n`;
}

/** Terminal summary of a sensitivity run. */
export function formatSensitivity(r: SensitivityRun): string {
  const s = r.analysis;
  const out = [
    `odc sensitivity: ${s.model.loaded.name} (${s.model.loaded.file}${s.model.kind === 'constellation' ? ', a constellation' : ''}); ${s.inputs.length} uncertain inputs`,
  ];
  const headline = (path: string): boolean => s.model.headlineOutputs.includes(path);
  for (const t of s.tornado?.outputs.filter((o) => headline(o.output)) ?? []) {
    pushAll(out, [
      '',
      `tornado of ${t.output} (nominal ${fmt(t.nominalOutput)} ${t.unit}), top 5 by swing:`,
      ...table(
        ['  input', 'at p5', 'at p95', 'swing'],
        t.bars.slice(0, 5).map((b) => [`  ${b.input}`, fmt(b.outputAtLow), fmt(b.outputAtHigh), fmt(b.swing)]),
      ),
    ]);
  }
  for (const o of s.sobol?.outputs.filter((x) => headline(x.output)) ?? []) {
    const n = sampleCountNote(s.sobol!.n, s.samplesDefaulted, s.model.defaults.why, 'base rows');
    pushAll(out, [
      '',
      `Sobol' indices of ${o.output} (N = ${n}, ${s.sobol!.evaluations} evaluations, 95 % bootstrap CI), top 5 by total:`,
      ...table(
        ['  input', 'first', 'total'],
        o.indices
          .slice(0, 5)
          .map((i) => [
            `  ${i.input}`,
            `${i.first.toFixed(3)} [${i.firstLow.toFixed(3)}, ${i.firstHigh.toFixed(3)}]`,
            `${i.total.toFixed(3)} [${i.totalLow.toFixed(3)}, ${i.totalHigh.toFixed(3)}]`,
          ]),
      ),
    ]);
  }
  pushAll(out, [
    '',
    'break-even (LCOC = terrestrial LCOC):',
    ...s.breakEven.map((b) => `  ${b.label} (${b.path}): ${b.message}`),
    ...(s.breakEvenNote !== null ? [`  ${s.breakEvenNote}`] : []),
    ...s.model.notes.map((n) => `note: ${n}`),
    `folder: ${r.dir} (report.html, report.md, summary.json)`,
  ]);
  return `${out.join('\n')}\n`;
}
