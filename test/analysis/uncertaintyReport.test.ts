import { beforeAll, describe, expect, it } from 'vitest';
import type { SampleOutcome } from '../../src/analysis/analysisModel.js';
import { documentMarkdown } from '../../src/report/document/markdown.js';
import { flatBlocks } from '../helpers/documentOutline.js';
import type { FileModel } from '../../src/analysis/loadModel.js';
import { constraintSvg, distributionSvg } from '../../src/analysis/plots.js';
import { formatUncertainty } from '../../src/analysis/run.js';
import { analyzeModel, type UncertaintyAnalysis } from '../../src/analysis/uncertainty.js';
import {
  inputTable,
  jointRows,
  sampleCountNote,
  samplesCsv,
  uncertaintyDocument,
  uncertaintySummary,
  writeSamplesCsv,
} from '../../src/analysis/uncertaintyReport.js';
import { odc } from '../helpers/cli.js';
import { standInConstraint, unitUniformInput } from './fixtures.js';

/**
 * The uncertainty report's numbers against hand-computed statistics of a known sample. Stand-in model: one input
 * u ~ U(0, 1); with n = 100 Latin hypercube samples exactly one u falls in each stratum [k/100, (k + 1)/100)
 * (McKay et al. 1979), so the output rank = ⌊100u⌋ + 1 takes every value 1…100 once. Against it: a terrestrial LCOC
 * of 30.5 (rank below it in 30 samples), constraint `cap` rank ≤ 80 (enforced; margin (80 − rank)/80) and `floor`
 * rank ≥ 10 (a check; margin (rank − 10)/8). With `failAbove`, ranks above it are failed samples.
 *
 * Type-7 quantiles of 1…100 (Hyndman & Fan 1996): Q(p) = 1 + 99p: p5 = 5.95, p50 = 50.5, p95 = 95.05. Mean 50.5;
 * sd = √(100·101/12) = 29.0115 (sample sd of 1…n: √(n(n + 1)/12)); SE = sd/√100 = 2.90115.
 */
function rankModel(failAbove = Infinity): FileModel {
  const evaluate = (values: readonly number[]): SampleOutcome => {
    const u = values[0] ?? 0.255; // the design as written: rank 26
    const rank = Math.min(100, Math.floor(100 * u) + 1);
    if (rank > failAbove) return { status: 'failed', reason: 'rank too high' };
    const [cap, floor] = [(80 - rank) / 80, (rank - 10) / 8];
    return { status: 'ok', y: Float64Array.from([rank, 30.5, cap, floor, cap >= 0 ? 1 : 0, floor >= 0 ? 1 : 0]) };
  };
  return {
    kind: 'node',
    loaded: { file: 'rank.yaml', name: 'rank-model', hash: 'feed' },
    inputs: [unitUniformInput('economics.u', 'catalog', 0.255, 'the rank input')],
    constraints: [standInConstraint('cap', true), standInConstraint('floor', false)],
    metricPaths: ['rank', 'terrestrial'],
    keyOutputs: ['rank'],
    headlineOutputs: ['rank'],
    width: 6,
    nominal: evaluate([0.255]),
    comparison: { lcoc: 'rank', terrestrial: 'terrestrial', description: 'a flat 30.5' },
    defaults: { uncertaintySamples: 100, sobolSamples: 8, breakEvenPoints: 8, why: 'the rank defaults' },
    notes: ['rank is a stand-in'],
    column: (p: string) => ['rank', 'terrestrial'].indexOf(p),
    unitOf: () => 'pts',
    evaluate,
  } as unknown as FileModel;
}

/**
 * Wilson (1927) score interval at 95 % (z = 1.959964), written out:
 * (p̂ + z²/2n ± z√(p̂(1 − p̂)/n + z²/4n²))/(1 + z²/n).
 */
function wilson(k: number, n: number): [number, number] {
  const z = 1.959964;
  const p = k / n;
  const c = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const h = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return [c - h, c + h];
}
const pct = (k: number, n: number): string => {
  const [lo, hi] = wilson(k, n);
  return `${((100 * k) / n).toFixed(1)} % (95 % CI ${(100 * lo).toFixed(1)}–${(100 * hi).toFixed(1)} %)`;
};

type Doc = Awaited<ReturnType<typeof uncertaintyDocument>>['doc'];

// The analysis and its document are made in beforeAll, not while the describe is collected: StrykerJS activates a
// mutant covered by tests in a beforeAll hook of its setup file, after collection, so a document made at collection
// would never see it (docs/mutation.md, "Running it").
describe('the uncertainty report of ranks 1…100', () => {
  let a: UncertaintyAnalysis;
  let doc: Doc;
  let md: string;
  beforeAll(async () => {
    a = await analyzeModel(rankModel(), { designPath: 'rank.yaml', samples: 100, seed: 9 });
    doc = (await uncertaintyDocument(a)).doc;
    md = documentMarkdown(doc);
  });
  const rows = (headerStart: string): string[][] => {
    const t = flatBlocks(doc.blocks).find((b) => b.kind === 'table' && b.headers[0] === headerStart);
    if (t?.kind !== 'table') throw new Error(`no table ${headerStart}`);
    return t.rows.map((r) => [...r]);
  };

  it('the premise: every rank 1…100 once', () => {
    const ranks = a.outcomes.map((o) => (o.status === 'ok' ? o.y[0]! : NaN)).sort((x, y) => x - y);
    expect(ranks).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });

  it('key outputs: nominal 26, p5 5.95, p50 50.5, p95 95.05, mean ± SE 50.5 ± 2.9, sd 29', () => {
    // fmt: 3 significant digits (95.05 → 95.1), the SE to 2
    expect(rows('output')).toEqual([['rank', 'pts', '26', '5.95', '50.5', '95.1', '50.5 ± 2.9', '29']]);
  });

  it('constraints: margin quantiles and P(holds) 80 % and 91 %; P(all hold) 80 % (the enforced cap), every check 71 %', () => {
    // cap margin (80 − r)/80: p5 = (80 − 95.05)/80 = −0.188125, p50 = 0.36875, p95 = (80 − 5.95)/80 = 0.925625;
    // nominal (80 − 26)/80 = 0.675. floor margin (r − 10)/8: p5 = −4.05/8 = −0.50625, p50 = 5.0625,
    // p95 = 85.05/8 = 10.63125, nominal 16/8 = 2.
    expect(rows('constraint')).toEqual([
      ['cap', 'enforced', '0.675', '-0.188', '0.369', '0.926', pct(80, 100)],
      ['floor', 'check', '2', '-0.506', '5.06', '10.6', pct(91, 100)],
      ['P(all hold)', 'jointly', '', '', '', '', pct(80, 100)],
      ['P(every check holds, relaxed ones too)', 'jointly', '', '', '', '', pct(71, 100)],
    ]);
    expect(jointRows(a)).toEqual([
      ['P(all hold)', pct(80, 100)],
      ['P(every check holds, relaxed ones too)', pct(71, 100)],
    ]);
  });

  it('summary: P(LCOC < terrestrial) = 30 of 100, sampling, counts, the file and the inputs', () => {
    const kv = flatBlocks(doc.blocks).find((b) => b.kind === 'kv');
    if (kv?.kind !== 'kv') throw new Error('no summary');
    expect(Object.fromEntries(kv.rows)).toEqual({
      'design file': 'rank.yaml',
      'design file sha256': 'feed',
      sampling: 'Latin hypercube sampling (McKay, Beckman & Conover 1979), 100 samples, seed 9',
      'uncertain inputs': '1',
      'evaluated / failed samples': '100 / 0',
      'P(all hold)': pct(80, 100),
      'P(every check holds, relaxed ones too)': pct(71, 100),
      'P(all hold) basis': 'the requirements and enforced checks, margins spent, over the 1 compliance input(s)',
      'P(LCOC < terrestrial LCOC)': pct(30, 100),
      'terrestrial LCOC': 'a flat 30.5',
      'worker threads': '0',
    });
    // U(0, 1): p5 0.05, mean 0.5, p95 0.95; nominal 0.255
    expect(rows('input')).toEqual([
      [
        'economics.u',
        expect.any(String),
        '0.255',
        '0.05',
        '0.5',
        '0.95',
        'u',
        'catalog row',
        'compliance: a stand-in',
        'the rank input',
      ],
    ]);
    expect(doc.title).toBe('Uncertainty: rank-model');
    expect(doc.leads[0]).toBe('100 samples of 1 uncertain inputs (Latin hypercube, seed 9) of rank.yaml; 0 failed.');
    expect(md).toContain('- rank is a stand-in');
    expect(md).toContain('## Constraints');
    expect(md).not.toContain('## Failed samples');
  });

  it('one figure per key output and one of the constraints, with their sample counts', async () => {
    const { plots } = await uncertaintyDocument(a);
    expect(plots.map((p) => p.file)).toEqual(['output-rank.svg', 'constraints.svg']);
    expect(plots[0]!.caption).toBe(
      `rank over 100 evaluated samples: histogram (${a.outputs[0]!.histogram.rule} bins) and empirical CDF; red: the nominal design, dashed: p5 and p95.`,
    );
    expect(plots.every((p) => p.svg.startsWith('<svg'))).toBe(true);
  });

  it('summary.json carries the same figures', () => {
    const s = uncertaintySummary(a, '2026-01-02T03:04:05.000Z');
    expect(s).toMatchObject({
      kind: 'uncertainty',
      formatVersion: 1,
      createdAt: '2026-01-02T03:04:05.000Z',
      design: { name: 'rank-model', file: 'rank.yaml', hash: 'feed', kind: 'node' },
      method: 'lhs',
      samples: 100,
      samplesDefault: null,
      seed: 9,
      evaluated: 100,
      failed: 0,
      lcocBelowTerrestrial: { successes: 30, trials: 100, estimate: 0.3 },
      allHold: { successes: 80, trials: 100 },
      everyCheckHold: { successes: 71, trials: 100 },
      modelNotes: ['rank is a stand-in'],
    });
    const out = (s['outputs'] as { p5: number; p50: number; p95: number; mean: number }[])[0]!;
    expect([out.p5, out.p50, out.p95, out.mean].map((v) => +v.toFixed(9))).toEqual([5.95, 50.5, 95.05, 50.5]);
  });

  it('the terminal summary: the same table, probabilities in brackets', () => {
    const text = formatUncertainty({ analysis: a, dir: 'out/rank', files: [] });
    const [lo, hi] = wilson(30, 100);
    expect(text).toContain(`P(LCOC < terrestrial LCOC) = 30.0 % [${(100 * lo).toFixed(1)}, ${(100 * hi).toFixed(1)}]`);
    expect(text).toContain('100 samples by Latin hypercube sampling (McKay, Beckman & Conover 1979), seed 9');
    expect(text).toContain('100 evaluated, 0 failed');
    expect(text).toMatch(/^rank\s+pts\s+26\s+5\.95\s+50\.5\s+95\.1\s+50\.5 ± 2\.9$/m);
    expect(text).toMatch(/^cap\s+-0\.188\s+0\.369\s+0\.926\s+80\.0 % \[/m);
    expect(text).toContain('P(all hold) = 80.0 %');
    expect(text).toContain('P(every check holds, relaxed ones too) = 71.0 %');
    expect(text).toContain('note: rank is a stand-in');
    expect(text.endsWith('folder: out/rank (report.html, report.md, samples.csv, summary.json)\n')).toBe(true);
  });
});

describe('the uncertainty report with failed samples (ranks above 98 fail)', () => {
  let a: UncertaintyAnalysis;
  let doc: Doc;
  let md: string;
  let plots: readonly { file: string; svg: string }[];
  beforeAll(async () => {
    a = await analyzeModel(rankModel(98), { designPath: 'rank.yaml', samples: 100, seed: 9, method: 'mc' });
    ({ doc, plots } = await uncertaintyDocument(a));
    md = documentMarkdown(doc);
  });

  it("draws a key output's figure from the successful samples only", async () => {
    const ranks = a.values.map((v) => Math.min(100, Math.floor(100 * v[0]!) + 1)).filter((r) => r <= 98);
    const expected = distributionSvg(a.outputs[0]!, ranks).svg;
    expect(plots[0]!.svg).toBe(expected);
  });

  it('counts the failures, lists their reasons, and counts them as trials where no event holds', () => {
    // plain Monte Carlo: the ranks are no longer 1…100 once each; count them by hand from the samples
    const ranks = a.values.map((v) => Math.min(100, Math.floor(100 * v[0]!) + 1));
    const failed = ranks.filter((r) => r > 98).length;
    expect(a.failed).toBe(failed);
    const kv = Object.fromEntries(flatBlocks(doc.blocks).flatMap((b) => (b.kind === 'kv' ? b.rows : [])));
    expect(kv['evaluated / failed samples']).toBe(`${100 - failed} / ${failed}`);
    expect(failed).toBeGreaterThan(0); // the premise of this seed
    expect(md).toContain('## Failed samples');
    expect(flatBlocks(doc.blocks).find((b) => b.kind === 'table' && b.headers[0] === 'reason')).toEqual({
      kind: 'table',
      headers: ['reason', 'samples'],
      rows: [['rank too high', String(failed)]],
    });
    const below = ranks.filter((r) => r < 30.5).length;
    expect(kv['P(LCOC < terrestrial LCOC)']).toBe(pct(below, 100));
    expect(doc.leads[0]).toBe(
      `100 samples of 1 uncertain inputs (Monte Carlo, seed 9) of rank.yaml; ${failed} failed.`,
    );
    const summary = uncertaintySummary(a, '2026-01-02T03:04:05.000Z');
    expect(summary).toMatchObject({ samples: 100, evaluated: 100 - failed, failed });
    expect(summary['note']).toMatch(/probabilities count a failed sample as not holding/);
  });

  it('sampleCountNote states the default only when the count is the default', () => {
    expect(sampleCountNote(64, true, 'the defaults for constellations')).toBe(
      '64 samples (the defaults for constellations)',
    );
    expect(sampleCountNote(64, false, 'unused', 'base rows')).toBe('64 base rows');
  });
});

/** The report's paragraphs, as written (the Markdown escapes brackets and bars). */
const paragraphs = (d: Doc): string[] => flatBlocks(d.blocks).flatMap((b) => (b.kind === 'p' ? [b.text] : []));

/**
 * The same ranks as a constellation file without constraints, terrestrial comparison or notes, whose input is
 * declared in the file with no nominal value and whose nominal constellation cannot be evaluated: every optional
 * part of the report must drop out or say why.
 */
function bareModel(): FileModel {
  const ranks = rankModel();
  const input = { ...ranks.inputs[0]!, origin: 'design', nominal: undefined, reason: undefined };
  return {
    ...ranks,
    kind: 'constellation',
    inputs: [input],
    constraints: [],
    comparison: null,
    notes: [],
    width: 2,
    nominal: { status: 'failed', reason: 'no nominal' },
    // a dotted path, as record metrics have: the figure's id and file replace the dots
    metricPaths: ['cost.rank', 'terrestrial'],
    keyOutputs: ['cost.rank'],
    headlineOutputs: ['cost.rank'],
    column: (p: string) => ['cost.rank', 'terrestrial'].indexOf(p),
  } as unknown as FileModel;
}

describe('the uncertainty report of a constellation without constraints or comparison', () => {
  let a: UncertaintyAnalysis;
  let doc: Doc;
  let plots: readonly { id: string; file: string }[];
  beforeAll(async () => {
    a = await analyzeModel(bareModel(), { designPath: 'rank.yaml', samples: 100, seed: 9 });
    ({ doc, plots } = await uncertaintyDocument(a));
  });

  it('says there is no comparison, gives no joint rows and no constraint figure or note', () => {
    const kv = Object.fromEntries(flatBlocks(doc.blocks).flatMap((b) => (b.kind === 'kv' ? b.rows : [])));
    expect(kv).toEqual({
      'constellation file': 'rank.yaml',
      'constellation file sha256': 'feed',
      sampling: 'Latin hypercube sampling (McKay, Beckman & Conover 1979), 100 samples, seed 9',
      'uncertain inputs': '1',
      'evaluated / failed samples': '100 / 0',
      'P(LCOC < terrestrial LCOC)': 'no terrestrial comparison in the record',
      'worker threads': '0',
    });
    expect(jointRows(a)).toEqual([]);
    expect(plots.map((p) => [p.id, p.file])).toEqual([['output-cost-rank', 'output-cost-rank.svg']]);
    expect(flatBlocks(doc.blocks).filter((b) => b.kind === 'figure')).toHaveLength(1);
    expect(paragraphs(doc).filter((p) => p.startsWith('P(all hold)'))).toEqual([]);
    // an optional part that is left out leaves nothing behind
    expect(flatBlocks(doc.blocks).every((b) => typeof b === 'object' && 'kind' in b)).toBe(true);
    expect(flatBlocks(doc.blocks).some((b) => b.kind === 'list' && b.items.includes('rank is a stand-in'))).toBe(false);
  });

  it('names the constellation where the node report names the design, and the model default for a missing nominal', () => {
    const table = (first: string) => flatBlocks(doc.blocks).find((b) => b.kind === 'table' && b.headers[0] === first);
    expect(table('output')).toMatchObject({
      headers: ['output', 'unit', 'nominal constellation', 'p5', 'p50', 'p95', 'mean ± SE', 'sd'],
      rows: [['cost.rank', 'pts', 'model default', '5.95', '50.5', '95.1', '50.5 ± 2.9', '29']],
    });
    // U(0, 1): p5 0.05, mean 0.5, p95 0.95; declared in the file, no nominal, no reason
    expect(table('input')).toMatchObject({
      headers: ['input', 'distribution', 'nominal', 'p5', 'mean', 'p95', 'unit', 'declared in', 'affects', 'reason'],
      rows: [
        [
          'economics.u',
          expect.any(String),
          'model default',
          '0.05',
          '0.5',
          '0.95',
          'u',
          'constellation or node file',
          'compliance: a stand-in',
          '',
        ],
      ],
    });
    expect(paragraphs(doc).join('\n')).toContain(
      'Nominal: the value in the constellation file or catalog row (the constellation as written',
    );
    expect(plots.length).toBe(1);
  });
});

describe('the sections of a node report', () => {
  let a: UncertaintyAnalysis;
  let doc: Doc;
  beforeAll(async () => {
    a = await analyzeModel(rankModel(98), { designPath: 'rank.yaml', samples: 100, seed: 9, method: 'mc' });
    doc = (await uncertaintyDocument(a)).doc;
  });

  it('come in reading order, each with its anchor, one figure heading per key output', () => {
    const headings = flatBlocks(doc.blocks).flatMap((b) =>
      b.kind === 'h2' ? [`${b.text}#${b.id}`] : b.kind === 'h3' ? [b.text] : [],
    );
    expect(headings).toEqual([
      'Summary#summary',
      'Uncertain inputs#inputs',
      'Key outputs#outputs',
      'rank',
      'Constraints#constraints',
      'Failed samples#failures',
      'Method#method',
    ]);
    const after = (h: string) =>
      flatBlocks(doc.blocks)[flatBlocks(doc.blocks).findIndex((b) => b.kind === 'h3' && b.text === h) + 1];
    expect(after('rank')).toMatchObject({ kind: 'figure', plot: { file: 'output-rank.svg' } });
  });

  it('define margins, state the joint probability and the method with its sources', async () => {
    const table = flatBlocks(doc.blocks).find((b) => b.kind === 'table' && b.headers[0] === 'constraint');
    expect(table).toMatchObject({
      headers: ['constraint', 'kind', 'nominal margin [-]', 'p5 [-]', 'p50 [-]', 'p95 [-]', 'P(holds)'],
    });
    const text = paragraphs(doc).join('\n');
    expect(text).toContain('Margins are relative: (limit − value)/|limit| for ≤, (value − limit)/|limit| for ≥');
    expect(text).toContain('It is not the product of the per-constraint probabilities');
    // the constraint figure follows the joint note
    const figures = flatBlocks(doc.blocks).filter((b) => b.kind === 'figure');
    expect(figures.at(-1)).toMatchObject({ plot: { id: 'constraints', file: 'constraints.svg' } });
    const last = figures.at(-1);
    if (last?.kind !== 'figure') throw new Error('no constraint figure');
    expect(last.plot.svg).toBe(constraintSvg(a.margins).svg);
    expect(figures.at(-1)).toMatchObject({ plot: { caption: expect.stringMatching(/Wilson score interval/) } });
    const method = flatBlocks(doc.blocks).find(
      (b) => b.kind === 'list' && b.items.some((i) => i.includes('inverse CDF')),
    );
    if (method?.kind !== 'list') throw new Error('no method list');
    expect(method.items).toHaveLength(4);
    expect(method.items[0]).toMatch(/^plain Monte Carlo sampling of the unit cube/);
    expect(method.items[1]).toContain('type-7 sample quantiles (Hyndman & Fan 1996)');
    expect(method.items[1]).toContain('SE = s/√n');
    expect(method.items[2]).toContain('95 % Wilson (1927) score interval');
    expect(method.items[2]).toContain('a failed sample counts as not holding');
    expect(method.items[3]).toContain('Output statistics use the successful samples');
    expect(doc.footer).toMatch(/^Generated by odc \S+ \(odc uncertainty\)/);
  });
});

describe('the input table', () => {
  it("says an input of a node design is declared in the design file, of a constellation in 'the constellation or node file'", () => {
    const x = {
      path: 'chips.count',
      unit: '-',
      origin: 'design' as const,
      affects: 'compliance' as const,
      affectsWhy: 'a physical figure',
      distribution: { kind: 'uniform' as const, min: 1, max: 3 },
      description: 'uniform 1–3',
      reason: 'supply',
      nominal: 2,
      mean: 2,
      p5: 1.1,
      p95: 2.9,
    };
    const declaredIn = (t: ReturnType<typeof inputTable>) => (t.kind === 'table' ? t.rows.map((r) => r[7]) : []);
    expect(declaredIn(inputTable([x]))).toEqual(['design file']);
    expect(declaredIn(inputTable([x], 'node'))).toEqual(['design file']);
    expect(declaredIn(inputTable([x], 'constellation'))).toEqual(['constellation or node file']);
    expect(declaredIn(inputTable([{ ...x, origin: 'catalog' }], 'constellation'))).toEqual(['catalog row']);
  });
});

// samples.csv is written in pieces, never as one string: V8 caps a string at ~512 MB, which a million samples of every
// record metric pass ("Invalid string length"). Checked on a hand-made analysis whose rows are known.
const n = 20_000;
const samplesAnalysis = {
  model: { constraints: [], metricPaths: ['mass.launch_kg'], width: 1 },
  inputs: [{ path: 'economics.launchCost_USD_per_kg' }],
  outcomes: Array.from({ length: n }, (_, i) =>
    i % 1000 === 7
      ? { status: 'failed', reason: 'radiator does not close' }
      : { status: 'ok', y: Float64Array.of(i + 0.25) },
  ),
  values: Array.from({ length: n }, (_, i) => [i * 2]),
} as unknown as UncertaintyAnalysis;

describe('samples.csv', () => {
  it('arrives in bounded pieces that add up to the rows written by hand', () => {
    const chunks: string[] = [];
    writeSamplesCsv(samplesAnalysis, (c) => chunks.push(c));
    expect(chunks.length).toBeGreaterThan(5);
    for (const c of chunks) expect(c.length).toBeLessThan(70_000);
    const lines = chunks.join('').split('\n');
    expect(lines[0]).toBe('sample,status,reason,economics.launchCost_USD_per_kg,asGiven.mass.launch_kg');
    expect(lines[1]).toBe('0,ok,,0,0.25');
    expect(lines[8]).toBe('7,failed,radiator does not close,14,');
    expect(lines[n]).toBe(`${n - 1},ok,,${2 * (n - 1)},${n - 1 + 0.25}`);
    expect(lines).toHaveLength(n + 2); // header, n rows, the empty string after the last newline
    expect(samplesCsv(samplesAnalysis)).toBe(chunks.join(''));
    // the whole text, row by row as the header says
    const rows = Array.from({ length: n }, (_, i) =>
      i % 1000 === 7 ? `${i},failed,radiator does not close,${2 * i},` : `${i},ok,,${2 * i},${i + 0.25}`,
    );
    expect(chunks.join('')).toBe(`${lines[0]}\n${rows.join('\n')}\n`);
    // a piece is cut at the first row that takes it to 65,536 characters (rows here are under 60)
    for (const c of chunks.slice(0, -1)) expect(c.length - 65_536).toSatisfy((over: number) => over >= 0 && over < 60);
  });

  it('has a margin and a holds column per constraint, after the metrics', () => {
    const withConstraints = {
      model: { constraints: [{ name: 'cap' }, { name: 'floor' }], metricPaths: ['rank'], width: 5 },
      inputs: [{ path: 'economics.u' }],
      outcomes: [
        { status: 'ok', y: Float64Array.of(26, 0.675, 2, 1, 1) },
        { status: 'failed', reason: 'rank too high' },
      ],
      values: [[0.255], [0.995]],
    } as unknown as UncertaintyAnalysis;
    expect(samplesCsv(withConstraints)).toBe(
      'sample,status,reason,economics.u,asGiven.rank,marginsSpent.margin.cap,marginsSpent.margin.floor,marginsSpent.holds.cap,marginsSpent.holds.floor\n' +
        '0,ok,,0.255,26,0.675,2,1,1\n' +
        '1,failed,rank too high,0.995,,,,,\n',
    );
  });

  it('--samples above 100,000 exits 2 with the reason', async () => {
    const r = await odc('uncertainty', 'designs/ai1-uncertainty.yaml', '--samples', '10000000');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /--samples 10000000 is too many: at most 100000 \(each sample keeps every record metric in memory/,
    );
  });
});
