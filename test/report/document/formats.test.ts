/**
 * report.html and report.md carry the same blocks: every kind of report odc writes (node, robust, constellation and
 * benchmark runs, a comparison, uncertainty and sensitivity) is rendered both ways from small real runs, each file is
 * read back into an outline (headings, paragraphs, tables with their rows, figures, list items), and the two
 * outlines must equal each other and, for run reports, the outline of the document model itself. Every plot those
 * reports write (each .svg file) is then checked for what a reader needs: a self-contained SVG, numeric tick labels
 * on an axis, and a legend wherever a chart of the chart layer draws marks in more than one colour.
 */
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareRuns, createLpSolver, runSensitivity, runUncertainty } from '../../../src/index.js';
import { runReport } from '../../../src/report/document/render.js';
import { constellationKnee } from '../../../src/run/answer/constellationKnee.js';
import { documentOutline, htmlOutline, markdownOutline } from '../../helpers/documentOutline.js';
import { FLAGSHIP, FLAGSHIP_ALGORITHM, tempDir, tinyRun, ZDT1, ZDT1_ALGORITHM } from '../helpers.js';

let tmp: string;
const runs: Record<string, string> = {};

const outlines = (dir: string, name: string) => ({
  html: htmlOutline(readFileSync(join(dir, `${name}.html`), 'utf8')),
  md: markdownOutline(readFileSync(join(dir, `${name}.md`), 'utf8')),
});

beforeAll(async () => {
  tmp = tempDir('formats');
  runs['zdt1'] = await tinyRun(tmp, ZDT1, ZDT1_ALGORITHM(1), { out: 'zdt1' });
  runs['zdt1-b'] = await tinyRun(tmp, ZDT1, ZDT1_ALGORITHM(2), { out: 'zdt1-b' });
  runs['flagship'] = await tinyRun(tmp, FLAGSHIP, FLAGSHIP_ALGORITHM, { out: 'flagship' });
  runs['robust'] = await tinyRun(
    tmp,
    'designs/robust-study.yaml',
    '{ name: nsga3, population: 8, generations: 2, seed: 42 }',
    {
      out: 'robust',
    },
  );
  copyFileSync('designs/ai1.yaml', join(tmp, 'ai1.yaml')); // the constellation study's node, beside it
  runs['constellation'] = await tinyRun(
    tmp,
    'designs/constellation-study.yaml',
    '{ name: nsga2, population: 8, generations: 2, seed: 7 }',
    { out: 'constellation' },
  );
});

describe('report.html and report.md carry the same blocks', () => {
  it.each(['flagship', 'robust', 'constellation', 'zdt1'])('%s run report', async (name) => {
    const dir = runs[name]!;
    const { html, md } = outlines(dir, 'report');
    // as `odc report` renders it: the constellation knee evaluated by the run layer, handed to the report
    const { doc } = await runReport(dir, { createLpSolver, constellationKnee });
    const model = documentOutline(doc.blocks);
    // a real report: its answer, its picks and its table are there
    expect(model.filter((l) => l.startsWith('h2:')).length).toBeGreaterThanOrEqual(6);
    expect(model.filter((l) => l.startsWith('row:')).length).toBeGreaterThan(10);
    expect(html).toEqual(model);
    expect(md).toEqual(model);
  });

  it('the comparison of two runs', async () => {
    const r = await compareRuns([runs['zdt1']!, runs['zdt1-b']!], join(tmp, 'compare'));
    const { html, md } = outlines(r.outDir, 'compare');
    expect(html).toContain('h2:Who dominates where');
    expect(html).toContain('figure:fronts.svg');
    expect(md).toEqual(html);
  });

  it('the uncertainty and sensitivity reports', async () => {
    const designPath = 'designs/ai1-uncertainty.yaml';
    const u = await runUncertainty({ designPath, samples: 32, outDir: join(tmp, 'uncertainty') });
    const s = await runSensitivity({ designPath, method: 'tornado', outDir: join(tmp, 'sensitivity') });
    for (const dir of [u.dir, s.dir]) {
      const { html, md } = outlines(dir, 'report');
      expect(html.filter((l) => l.startsWith('figure:')).length).toBeGreaterThan(0);
      expect(md).toEqual(html);
    }
  });
});

/** Tick labels as the plots print them: numbers with separators, a minus sign or an exponent, or decades (10⁹). */
const TICK = /^[−-]?[\d,]+(\.\d+)?(e[−-]?\d+)?$|^10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+$/;

describe('every plot of every report kind', () => {
  it('is self-contained, has tick labels on an axis and a legend where its marks differ in colour', () => {
    const dirs = [...Object.values(runs), ...['compare', 'uncertainty', 'sensitivity'].map((d) => join(tmp, d))];
    let charts = 0;
    for (const dir of dirs) {
      const files = readdirSync(dir).filter((f) => f.endsWith('.svg'));
      expect(files.length, dir).toBeGreaterThan(0);
      for (const f of files) {
        const svg = readFileSync(join(dir, f), 'utf8');
        const where = `${dir}/${f}`;
        expect(svg, where).toMatch(/^(<\?xml [^>]*>\s*)?<svg /);
        expect(svg, where).not.toMatch(/<script|(?:href|src)="https?:|url\(https?:/);
        const texts = [...svg.matchAll(/>([^<>]+)<\/text>/g)].map((m) => m[1]!);
        // the sky map labels directions rather than numbers
        if (!/sky-map/.test(f)) expect(texts.filter((t) => TICK.test(t)).length, where).toBeGreaterThanOrEqual(2);
        if (!svg.includes('<g class="tick-labels">')) continue;
        charts++;
        // one chart per grid (a figure may set several side by side): marks of several colours in one need a legend
        const colours = svg
          .split('<g class="grid"')
          .map(
            (chart) =>
              new Set(
                [
                  ...chart.matchAll(
                    /<(?:g class="(?:dots|bars)"[^>]*fill|rect [^>]*fill|(?:path class="line"|g class="lines"|g class="paths")[^>]*stroke|path d="[^"]*" stroke)="(#[0-9a-f]{6})"/g,
                  ),
                ].map((m) => m[1]),
              ).size,
          );
        if (Math.max(...colours) > 1) expect(svg, where).toContain('<g class="legend">');
      }
    }
    expect(charts).toBeGreaterThan(5);
  });
});
