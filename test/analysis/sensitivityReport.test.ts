import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../src/report/document/blocks.js';
import { flatBlocks, type FlatBlock } from '../helpers/documentOutline.js';
import { formatSensitivity } from '../../src/analysis/run.js';
import { analyzeSensitivityModel, type SensitivityAnalysis } from '../../src/analysis/sensitivity.js';
import { sensitivityDocument, sensitivitySummary } from '../../src/analysis/sensitivityReport.js';
import { linearStandIn } from './linearStandIn.js';

/**
 * The sensitivity report of the closed-form stand-in of ./linearStandIn.ts (lcoc = a + 2b, a ~ U(0.1, 1) as written
 * 0.5, b ~ U(0.2, 2) at the model default 1, terrestrial 2.2): every number the report shows is worked by hand.
 * Tornado of lcoc: nominal 2.5; b at p5/p95 = 0.29/1.91 gives 1.08/4.32 (swing 3.24); a at 0.145/0.955 gives
 * 2.145/2.955 (swing 0.81). Break-even: a = 0.2, b = 0.85, LCOC there 2.2.
 */
const tableAfter = (blocks: readonly FlatBlock[], heading: string): string[][] => {
  const i = blocks.findIndex((b) => (b.kind === 'h2' || b.kind === 'h3') && b.text === heading);
  const t = blocks.slice(i + 1).find((b) => b.kind === 'table');
  if (i < 0 || t?.kind !== 'table') throw new Error(`no table after ${heading}`);
  return t.rows.map((r) => [...r]);
};
const paragraphsAfter = (blocks: readonly FlatBlock[], heading: string): string[] => {
  const i = blocks.findIndex((b) => b.kind === 'h3' && b.text === heading);
  if (i < 0) throw new Error(`no heading ${heading}`);
  const next = blocks.slice(i + 1).findIndex((b) => b.kind === 'h2' || b.kind === 'h3');
  return blocks.slice(i + 1, next < 0 ? undefined : i + 1 + next).flatMap((b) => (b.kind === 'p' ? [b.text] : []));
};
const kvOf = (doc: ReportDocument): Record<string, string> =>
  Object.fromEntries(flatBlocks(doc.blocks).flatMap((b) => (b.kind === 'kv' ? b.rows : [])));

type Rendered = Awaited<ReturnType<typeof sensitivityDocument>>;

// Analyses and documents are made in beforeAll, not while a describe is collected: StrykerJS activates a mutant
// covered by tests in a beforeAll hook, after collection (docs/mutation.md, "Running it").
describe('the sensitivity report of a linear stand-in', () => {
  let s: SensitivityAnalysis;
  let doc: Rendered['doc'];
  let plots: Rendered['plots'];
  beforeAll(async () => {
    s = await analyzeSensitivityModel(linearStandIn(), { designPath: 'unused' });
    ({ doc, plots } = await sensitivityDocument(s));
  });

  it('summary: counts 2d + 1 = 5 and N(d + 2) = 64, the default N named, both thresholds', () => {
    expect(kvOf(doc)).toEqual({
      'design file': 'stand-in.yaml',
      'design file sha256': 'abc123',
      'uncertain inputs': '2',
      tornado: '5 evaluations (2d + 1), 0 failed',
      "Sobol' indices": 'N = 16 base rows (the stand-in defaults), 64 evaluations (N(d + 2)), 0 failed, seed 1',
      'break-even input a': s.breakEven[0]!.message,
      'break-even input b': s.breakEven[1]!.message,
    });
    expect(s.breakEven[0]!.message).toMatch(/^LCOC = terrestrial LCOC at input a 0\.2 u; space is cheaper below it/);
    expect(doc.title).toBe('Sensitivity: stand-in');
    expect(doc.leads[0]).toBe(
      'Sensitivity of stand-in.yaml to its 2 uncertain inputs, and the input a, input b at which it breaks even with a terrestrial data center.',
    );
  });

  it('break-even table: range, design value (— when the model default applies), root, LCOC there', () => {
    expect(tableAfter(flatBlocks(doc.blocks), 'Break-even thresholds').map((r) => r.slice(0, 6))).toEqual([
      ['economics.a', '0.1 – 1 u', '0.5', '0.2 u', '2.2', '2.2'],
      ['economics.b', '0.2 – 2 u', '—', '0.85 u', '2.2', '2.2'],
    ]);
    const i = flatBlocks(doc.blocks).findIndex((b) => b.kind === 'h2' && b.text === 'Break-even thresholds');
    expect(flatBlocks(doc.blocks)[i + 1]).toEqual({
      kind: 'p',
      text:
        "The value of one input at which the LCOC equals a constant 2.2, every other input at the design's value; " +
        "Brent root finding within the field's schema range after a 8-point scan.",
    });
  });

  it('tornado tables: p5, p95, the output at each and the swing, largest first', () => {
    const lcoc = tableAfter(flatBlocks(doc.blocks), 'lcoc (nominal 2.5 USD/PFLOP-day)');
    expect(lcoc[0]).toEqual(['economics.b', '0.29', '1.91', 'u', '1.08', '4.32', '3.24']);
    expect([lcoc[1]![0], lcoc[1]![6]]).toEqual(['economics.a', '0.81']);
    expect(paragraphsAfter(flatBlocks(doc.blocks), 'mass (nominal 7 mass-unit)')).toEqual([
      'No input moves mass (every swing is 0).',
    ]);
    expect(paragraphsAfter(flatBlocks(doc.blocks), 'nowhere (nominal n/a nowhere-unit)')).toEqual([
      'nowhere has no value at any tornado point (economics.parityYear: no crossing in the search range; ' +
        'economics.parityRatioLastYear gives the remaining gap).',
    ]);
    expect(tableAfter(flatBlocks(doc.blocks), 'nowhere (nominal n/a nowhere-unit)').map((r) => r[6])).toEqual([
      'n/a',
      'n/a',
    ]);
  });

  it("Sobol' sections: indices with intervals, a constant output stated as such, no indices without tuples", () => {
    const lcoc = s.sobol!.outputs.find((o) => o.output === 'lcoc')!;
    const f = (v: number) => v.toFixed(3);
    expect(tableAfter(flatBlocks(doc.blocks), 'lcoc')).toEqual(
      lcoc.indices.map((i) => [
        i.input,
        `${f(i.first)} [${f(i.firstLow)}, ${f(i.firstHigh)}]`,
        `${f(i.total)} [${f(i.totalLow)}, ${f(i.totalHigh)}]`,
      ]),
    );
    const massHeading = 'mass (constant: no input changes it (all indices 0))';
    expect(paragraphsAfter(flatBlocks(doc.blocks), massHeading)).toEqual([
      'mass does not vary with these inputs (zero variance): every index is 0.',
    ]);
    const nowhere = flatBlocks(doc.blocks).findIndex(
      (b) => b.kind === 'h3' && b.text === 'nowhere (only 0 of 16 row tuples evaluated: no indices)',
    );
    expect(nowhere).toBeGreaterThan(0);
    // the last output: nothing follows, no failures table
    expect(flatBlocks(doc.blocks).slice(nowhere + 1)).toEqual([]);
  });

  it('one figure per break-even input, per moving tornado output and per varying Sobol output', () => {
    expect(plots.map((p) => p.file)).toEqual([
      'break-even-input-a.svg',
      'break-even-input-b.svg',
      'tornado-lcoc.svg',
      'tornado-drift.svg',
      'sobol-lcoc.svg',
    ]);
    expect(plots[0]!.caption).toBe(
      `LCOC and terrestrial LCOC against input a (economics.a); ${s.breakEven[0]!.message}.`,
    );
  });

  it('summary.json and the terminal summary', () => {
    expect(sensitivitySummary(s, '2026-01-02T00:00:00.000Z')).toMatchObject({
      kind: 'sensitivity',
      formatVersion: 1,
      createdAt: '2026-01-02T00:00:00.000Z',
      design: { name: 'stand-in', file: 'stand-in.yaml', hash: 'abc123', kind: 'node' },
      method: 'all',
      samples: 16,
      samplesDefault: 'the stand-in defaults',
      seed: 1,
      workers: 0,
      breakEvenPoints: 8,
      breakEvenNote: null,
      terrestrialComparison: { description: 'a constant 2.2' },
      modelNotes: [],
    });
    const text = formatSensitivity({ analysis: s, dir: 'out/s', files: [] });
    expect(text).toContain('odc sensitivity: stand-in (stand-in.yaml); 2 uncertain inputs\n');
    expect(text).toContain('tornado of lcoc (nominal 2.5 USD/PFLOP-day), top 5 by swing:');
    expect(text).toMatch(/^ {2}economics\.b\s+1\.08\s+4\.32\s+3\.24$/m);
    expect(text).toContain('tornado of mass (nominal 7 mass-unit)');
    expect(text).not.toContain('tornado of zero'); // headline outputs only
    expect(text).toContain(
      "Sobol' indices of lcoc (N = 16 base rows (the stand-in defaults), 64 evaluations, 95 % bootstrap CI), top 5 by total:",
    );
    expect(text).toContain(`  input a (economics.a): ${s.breakEven[0]!.message}\n`);
    expect(text.endsWith('folder: out/s (report.html, report.md, summary.json)\n')).toBe(true);
  });
});

describe('the sensitivity report without a comparison, with failures, tornado only', () => {
  let s: SensitivityAnalysis;
  let doc: Rendered['doc'];
  beforeAll(async () => {
    s = await analyzeSensitivityModel(linearStandIn({ comparison: false, failAbove: 0.9, notes: ['a note'] }), {
      designPath: 'unused',
      method: 'tornado',
    });
    doc = (await sensitivityDocument(s)).doc;
  });

  it("states why there are no thresholds, marks the failed bar end, and that Sobol' was not run", () => {
    const kv = kvOf(doc);
    expect([kv['tornado'], kv["Sobol' indices"], kv['break-even']]).toEqual([
      '5 evaluations (2d + 1), 1 failed',
      'not run',
      'the record has no terrestrial comparison: break-even thresholds skipped',
    ]);
    const i = flatBlocks(doc.blocks).findIndex((b) => b.kind === 'h2' && b.text === 'Break-even thresholds');
    expect(flatBlocks(doc.blocks)[i + 1]).toEqual({
      kind: 'p',
      text: 'the record has no terrestrial comparison: break-even thresholds skipped',
    });
    expect(tableAfter(flatBlocks(doc.blocks), 'Break-even thresholds')).toEqual([]);
    expect(flatBlocks(doc.blocks)).toContainEqual({ kind: 'list', items: ['a note'] });
    // a at p95 = 0.955 fails: its swing is unknown ("failed"), not "n/a" (the output exists elsewhere)
    expect(tableAfter(flatBlocks(doc.blocks), 'lcoc (nominal 2.5 USD/PFLOP-day)')[1]!.slice(4)).toEqual([
      '2.15',
      'n/a',
      'failed',
    ]);
    expect(doc.leads[0]).toBe('Sensitivity of stand-in.yaml to its 2 uncertain inputs.');
    expect(flatBlocks(doc.blocks).some((b) => b.kind === 'h2' && b.id === 'sobol')).toBe(false);
    const text = formatSensitivity({ analysis: s, dir: 'o', files: [] });
    expect(text).toContain('  the record has no terrestrial comparison: break-even thresholds skipped\nnote: a note\n');
  });

  it("lists failed Sobol' evaluations by reason", async () => {
    const sobol = await analyzeSensitivityModel(linearStandIn({ failAbove: 0.9 }), {
      designPath: 'unused',
      method: 'sobol',
      samples: 20,
    });
    const { doc: d } = await sensitivityDocument(sobol);
    expect(tableAfter(flatBlocks(d.blocks), 'Failed evaluations')).toEqual([['too hot', String(sobol.sobol!.failed)]]);
    const failures = flatBlocks(d.blocks)[
      flatBlocks(d.blocks).findIndex((b) => b.kind === 'h3' && b.text === 'Failed evaluations') + 1
    ];
    expect(failures).toMatchObject({ kind: 'table', headers: ['reason', 'evaluations'] });
    expect(kvOf(d)['tornado']).toBe('not run');
  });
});

describe('the sections of the sensitivity report', () => {
  let s: SensitivityAnalysis;
  let doc: Rendered['doc'];
  beforeAll(async () => {
    s = await analyzeSensitivityModel(linearStandIn({ notes: ['a note'] }), { designPath: 'unused' });
    doc = (await sensitivityDocument(s)).doc;
  });
  const headersAfter = (heading: string): readonly string[] => {
    const i = flatBlocks(doc.blocks).findIndex(
      (b) => (b.kind === 'h2' || b.kind === 'h3') && b.text.startsWith(heading),
    );
    const t = flatBlocks(doc.blocks)
      .slice(i + 1)
      .find((b) => b.kind === 'table');
    if (i < 0 || t?.kind !== 'table') throw new Error(`no table after ${heading}`);
    return t.headers;
  };
  const paragraphs = (): string =>
    flatBlocks(doc.blocks)
      .flatMap((b) => (b.kind === 'p' ? [b.text] : []))
      .join('\n');

  it('come in reading order, each with its anchor, the notes after the summary', () => {
    expect(flatBlocks(doc.blocks).flatMap((b) => (b.kind === 'h2' ? [`${b.text}#${b.id}`] : []))).toEqual([
      'Summary#summary',
      'Uncertain inputs#inputs',
      'Break-even thresholds#break-even',
      'Tornado (one at a time)#tornado',
      "Sobol' indices (variance-based, global)#sobol",
    ]);
    const kv = flatBlocks(doc.blocks).findIndex((b) => b.kind === 'kv');
    expect(flatBlocks(doc.blocks)[kv + 1]).toEqual({ kind: 'list', items: ['a note'] });
    expect(flatBlocks(doc.blocks).every((b) => typeof b === 'object' && 'kind' in b)).toBe(true);
  });

  it('give every table its headers, with units where the cells have them', () => {
    expect(headersAfter('Break-even thresholds')).toEqual([
      'input',
      'range',
      'design value',
      'break-even',
      'LCOC there [USD/PFLOP-day]',
      'terrestrial [USD/PFLOP-day]',
      'result',
    ]);
    expect(headersAfter('lcoc (nominal')).toEqual(['input', 'p5', 'p95', 'unit', 'lcoc at p5', 'at p95', 'swing']);
    expect(headersAfter("Sobol' indices")).toEqual(['input', 'first order S_i [95 % CI]', 'total S_Ti [95 % CI]']);
  });

  it('state each method with its source, and caption each figure', () => {
    const text = paragraphs();
    expect(text).toContain("Each input at its 5th and 95th percentile, every other input at the design's value");
    expect(text).toContain('|y(p95) − y(p5)|');
    expect(text).toContain('A local view: it shows no interactions');
    expect(text).toContain('Saltelli et al. (2010)');
    expect(text).toContain("Jansen's total");
    expect(text).toContain(`95 % percentile-bootstrap intervals (${s.sobol!.resamples} resamples)`);
    expect(text).toContain('Sampling error is about ±1/√N');
    const figures = flatBlocks(doc.blocks).flatMap((b) => (b.kind === 'figure' ? [b.plot] : []));
    expect(figures.map((p) => p.id)).toEqual([
      'break-even-input-a',
      'break-even-input-b',
      'tornado-lcoc',
      'tornado-drift',
      'sobol-lcoc',
    ]);
    expect(figures[2]!.caption).toBe(
      'Tornado of lcoc: output with each input at p5 (orange) and p95 (blue); red line: the nominal design.',
    );
    expect(figures[4]!.caption).toBe("Sobol' indices of lcoc with 95 % bootstrap intervals (top 12 by total index).");
    expect(doc.footer).toMatch(/^Generated by odc \S+ \(odc sensitivity\)/);
  });
});

describe('the tornado of an output some bars cannot reach', () => {
  it("marks a bar undefined at both ends 'failed' while another bar has values, and leaves the blocks whole", async () => {
    // a > 0.3 fails: bar a (a at p5 0.145, p95 0.955) has a value at p5 only; bar b (a at its design value 0.5)
    // has none. The output is not undefined everywhere, so b's swing is a failure, not "n/a".
    const s = await analyzeSensitivityModel(linearStandIn({ failAbove: 0.3 }), {
      designPath: 'unused',
      method: 'tornado',
    });
    const { doc } = await sensitivityDocument(s);
    const heading = flatBlocks(doc.blocks).find((b) => b.kind === 'h3' && b.text.startsWith('lcoc'));
    if (heading?.kind !== 'h3') throw new Error('no lcoc tornado');
    const rows = tableAfter(flatBlocks(doc.blocks), heading.text);
    expect(rows.map((r) => [r[0], r[6]])).toEqual([
      ['economics.a', 'failed'],
      ['economics.b', 'failed'],
    ]);
    expect(flatBlocks(doc.blocks).every((b) => typeof b === 'object' && 'kind' in b)).toBe(true);
  });
});
