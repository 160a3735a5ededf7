/** The report of a robust study shows the robust front beside the nominal values of the same designs. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDesign, runStudy } from '../../../src/index.js';
import { evaluateDesignFile } from '../../../src/node/evaluator.js';
import { loadRun } from '../../../src/run/loadRun.js';
import { robustNominalSvg, robustReport } from '../../../src/report/decision/robust.js';
import { tempDir, writeFile } from '../../helpers/tmp.js';
import { readAnswer } from '../../../src/run/answer/read.js';
import { answerCardLines, answerCardRows } from '../../../src/report/decision/answerCard.js';
import { fmt } from '../../../src/base/numberFormat.js';

const dir = tempDir('odc-report-robust-');
const study = writeFile(
  dir,
  'tiny-robust.yaml',
  readFileSync(new URL('../../../designs/robust-study.yaml', import.meta.url), 'utf8')
    .replace(/^algorithm:.*$/m, 'algorithm: { name: nsga2, population: 16, generations: 6, seed: 4 }')
    .replace(/^robust:.*$/m, 'robust: { samples: 8 }')
    .replace(/^constraints:\n(?: {2}- .*\n)+/m, 'constraints:\n  - prob(mass.launch_kg <= mass.allocated_kg) >= 0.5\n'),
);
let runDir: string;
beforeAll(async () => {
  runDir = (await runStudy({ studyPath: study, outDir: join(dir, 'run'), workers: 0 })).runDir;
});

describe('robust report', () => {
  it('report.html and report.md have the robust-vs-nominal plot and table', () => {
    const html = readFileSync(join(runDir, 'report.html'), 'utf8');
    expect(html).toContain('<section id="robust"><h2>Robust front and nominal values</h2>');
    expect(html).toContain('href="#robust"');
    expect(html).toMatch(
      /robust sampling<\/th><td>8 samples per design \(Latin hypercube\), seed 4, drawn once and common to every design/,
    );
    expect(existsSync(join(runDir, 'robust-vs-nominal.svg'))).toBe(true);
    expect(readFileSync(join(runDir, 'robust-vs-nominal.svg'), 'utf8')).toContain('nominal (same design)');
    const md = readFileSync(join(runDir, 'report.md'), 'utf8');
    expect(md).toContain('## Robust front and nominal values');
    expect(md).toContain('![Robust front and nominal values](robust-vs-nominal.svg)');
    // reference designs are nominal only: not drawn in a robust objective space
    expect(html).toContain('the reference designs are evaluated nominally');
  });

  it("the table pairs each design's statistic with its nominal value and their relative gap", async () => {
    const run = loadRun(runDir);
    const r = (await robustReport(run))!;
    expect(r.table.headers).toContain('p90(cost.lcocDiscounted) (min) [USD/PFLOP-day], 8 samples');
    expect(r.table.headers).toContain('cost.lcocDiscounted (min) [USD/PFLOP-day] nominal');
    const col = r.table.headers.indexOf('p90 vs nominal [%]');
    run.pareto.designs.forEach((d, i) => {
      const robust = d.objectives['p90(cost.lcocDiscounted_USD_per_PFLOP_day)']!;
      const nominal = (d.record as { cost: { lcocDiscounted_USD_per_PFLOP_day: number } }).cost
        .lcocDiscounted_USD_per_PFLOP_day;
      expect(r.table.rows[i]![col]).toBe(((100 * (robust - nominal)) / nominal).toFixed(1));
    });
  });

  it("answer.json holds each recommended design's statistics and sample count; the card and tables print them", () => {
    const answer = readAnswer(runDir)!;
    const pareto = loadRun(runDir).pareto;
    const r = answer.robust!;
    expect(r.samples).toBe(8);
    const p90 = r.statistics.find((s) => s.objective === 'p90(cost.lcocDiscounted_USD_per_PFLOP_day)')!;
    expect(p90.label).toBe('p90 cost of delivered compute (programme, discounted)');
    answer.decision.designs.forEach((x, k) => {
      const d = pareto.designs.find((y) => y.index === x.index)!;
      expect(p90.designs[k]).toEqual({
        index: x.index,
        value: d.objectives[p90.objective],
        nominal: d.robust!.nominal[p90.objective],
      });
    });
    const knee = p90.designs[0]!;
    const stat = `p90 cost of delivered compute (programme, discounted) ${fmt(knee.value)} USD/PFLOP-day (8 samples)`;
    const card = answerCardRows(answer);
    expect(card.find((c) => c.label === 'robust')?.value).toContain(stat);
    expect(answerCardLines(answer, 1000).join('\n')).toContain(stat);
    const md = readFileSync(join(runDir, 'report.md'), 'utf8');
    expect(md).toContain(stat.replace(/[()]/g, '\\$&'));
    // the recommended designs' table: the statistic under its sample count, every record figure marked nominal
    const html = readFileSync(join(runDir, 'report.html'), 'utf8');
    const table = /<table class="recommended">[\s\S]*?<\/table>/.exec(html)![0];
    const headers = [...table.matchAll(/<th[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]!);
    const col = headers.indexOf('p90 cost of delivered compute (programme, discounted) [USD/PFLOP-day; 8 samples]');
    expect(col).toBe(2);
    const firstRow = [.../<tbody>\s*<tr>([\s\S]*?)<\/tr>/.exec(table)![1]!.matchAll(/<td[^>]*>([^<]*)<\/td>/g)];
    expect(firstRow[col]![1]).toBe(fmt(knee.value));
    for (const f of answer.figures) expect(headers).toContain(`${f.label}, nominal [${f.unit}]`);
    expect(headers.filter((h) => h.startsWith('cost of delivered compute (programme, discounted) ['))).toEqual([]);
  });

  it('pareto.csv has the nominal columns; an exported design drops the study sections and evaluates to the nominal record', () => {
    const csv = readFileSync(join(runDir, 'pareto.csv'), 'utf8').split('\n')[0]!;
    expect(csv).toContain('nominal p90(cost.lcocDiscounted_USD_per_PFLOP_day) [USD/PFLOP-day]');
    const out = join(dir, 'knee.yaml');
    exportDesign(runDir, { design: 'knee', format: 'yaml', out });
    const text = readFileSync(out, 'utf8');
    expect(text).not.toMatch(/^robust:/m);
    const { record } = evaluateDesignFile(out);
    const knee = loadRun(runDir).pareto.designs.find((d) => text.includes(`Pareto design ${d.index} `))!;
    expect(record.cost.lcocDiscounted_USD_per_PFLOP_day).toBe(
      knee.robust!.nominal['p90(cost.lcocDiscounted_USD_per_PFLOP_day)'],
    );
  });

  it("one objective: a strip per point kind, each design's two points joined at their values", () => {
    const names = ['robust (p90 over 8 samples)', 'nominal (same design)'] as const;
    const points = [
      { id: 1, cat: names[0], o0: 3 },
      { id: 1, cat: names[1], o0: 2 },
    ];
    const d = robustNominalSvg(points, [{ title: 'cost.lcoc (min) [USD/PFLOP-day]', domain: [0, 4] }], names);
    const s = d.scenes[0]!;
    expect(d.svg).toMatch(/^<svg/);
    expect(d.svg).toContain('cost.lcoc (min) [USD/PFLOP-day]');
    expect(s.yTicks.map((t) => t.label)).toEqual([...names]);
    // x over [0, 4]: 3 at 3/4 of the width, 2 at its middle; robust red, nominal blue
    expect(s.dots.map((p) => [+(p.x - s.frame.x).toFixed(6), p.color])).toEqual([
      [0.75 * s.frame.width, '#d62728'],
      [0.5 * s.frame.width, '#1f77b4'],
    ]);
    expect(s.lines[0]!.points.map((p) => +(p[0] - s.frame.x).toFixed(6))).toEqual([
      0.75 * s.frame.width,
      0.5 * s.frame.width,
    ]);
    expect(s.legends[0]!.entries.map((e) => [e.name, e.color])).toEqual([
      [names[0], '#d62728'],
      [names[1], '#1f77b4'],
    ]);
  });
});
