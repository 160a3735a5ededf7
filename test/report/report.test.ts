import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/entries/cli/main.js';
import {
  compareRuns,
  evaluateDesignFile,
  exportDesign,
  renderReport,
  StudyError,
  type CompareProgress,
} from '../../src/index.js';
import type { ParetoFile } from '../../src/run/paretoFile.js';
import { FLAGSHIP, FLAGSHIP_ALGORITHM, tempDir, tinyRun, ZDT1, ZDT1_ALGORITHM } from './helpers.js';
import { COST_LINE_LABELS } from './budget/costLines.js';

let tmp: string;
let zdtA: string;
let zdtB: string;
let flag: string;
let evil: string;
const EVIL_NAME = '<script>alert(1)</script>';
const EVIL_DESCRIPTION = '<img src=x onerror=alert(2)> & "quoted" | pipe';

const read = (dir: string, f: string): string => readFileSync(join(dir, f), 'utf8');
const pareto = (dir: string): ParetoFile => JSON.parse(read(dir, 'pareto.json')) as ParetoFile;

async function expectStudyError(p: Promise<unknown> | (() => unknown), code: string, text: RegExp): Promise<void> {
  let err: unknown;
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(StudyError);
  expect((err as StudyError).code).toBe(code);
  expect((err as StudyError).message).toMatch(text);
}

beforeAll(async () => {
  tmp = tempDir('main');
  zdtA = await tinyRun(tmp, ZDT1, ZDT1_ALGORITHM(1), { out: 'zdt-a' });
  zdtB = await tinyRun(tmp, ZDT1, ZDT1_ALGORITHM(2), { out: 'zdt-b' });
  evil = await tinyRun(tmp, ZDT1, ZDT1_ALGORITHM(3), { out: 'evil', name: EVIL_NAME, description: EVIL_DESCRIPTION });
  flag = await tinyRun(tmp, FLAGSHIP, FLAGSHIP_ALGORITHM, { out: 'flag' });
});

describe('renderReport', () => {
  it('odc run writes report.html, report.md and the SVG plots into every run folder', () => {
    for (const d of [zdtA, flag]) {
      for (const f of [
        'report.html',
        'report.md',
        'objective-space.svg',
        'parallel-coordinates.svg',
        'convergence.svg',
      ])
        expect(existsSync(join(d, f)), `${d}/${f}`).toBe(true);
      expect(readdirSync(d).filter((f) => f.includes('.tmp-'))).toEqual([]);
    }
  });

  it('the report odc run renders from what it has just written (and its sample in memory) is the one odc report renders from the folder', async () => {
    // the run's own report parses run.json and pareto.json from the texts it wrote and takes the evaluations from
    // memory; a re-render reads, validates and samples the files: the two must agree byte for byte
    for (const d of [zdtA, flag, evil]) {
      const fromRun = ['report.html', 'report.md'].map((f) => read(d, f));
      await renderReport(d);
      expect(read(d, 'report.md')).toBe(fromRun[1]);
      expect(read(d, 'report.html')).toBe(fromRun[0]);
    }
  });

  it('report.html has every section, inline SVG plots and no network references', async () => {
    const { htmlPath } = await renderReport(flag);
    const html = readFileSync(htmlPath, 'utf8');
    const ids = [
      'decision-summary',
      'decision',
      'objective-space',
      'parallel',
      'waterfall',
      'convergence',
      'pareto-table',
      'summary',
    ];
    for (const id of ids) expect(html).toContain(`<section id="${id}">`);
    // the answer first, the bookkeeping (study file hash, seed, counts, timings) last
    const at = ids.map((id) => html.indexOf(`<section id="${id}">`));
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(html.indexOf('sha256')).toBeGreaterThan(at[at.length - 1]!);
    // the index links exactly the sections drawn, in their order
    const drawn = [...html.matchAll(/<section id="([^"]+)">/g)].map((m) => m[1]);
    const nav = html.slice(html.indexOf('<nav'), html.indexOf('</nav>'));
    expect([...nav.matchAll(/href="#([^"]+)"/g)].map((m) => m[1])).toEqual(drawn);
    // the front with the knee (in the decision summary), the catalogue traffic (environment), objective space,
    // parallel coordinates, the knee's waterfall, convergence
    expect((html.match(/<svg[\s>]/g) ?? []).length).toBe(6);
    expect(html).not.toMatch(/\s(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(\s*["']?https?:/i);
    // study summary: variables with bounds and choices, objectives with sense and unit, algorithm, seed, versions
    expect(html).toContain('orbit.altitude_km');
    expect(html).toContain('one of h100, b200, gb300, tpu-v6e');
    expect(html).toContain('USD/PFLOP-day');
    expect(html).toContain('maximize');
    expect(html).toContain('nsga3, population 24, 30 generations');
    expect(html).toMatch(/<th>seed<\/th><td>42<\/td>/);
    expect(html).toContain('d3-scale');
    // decision support: knee method, budgets and binding constraints
    expect(html).toContain('Knee method:');
    expect(html).toContain('<strong>Binds</strong>');
    expect(html).toContain('<strong>Sized to</strong>');
    expect(html).toContain('Full budget of design');
    expect(html).toContain('cost of delivered compute, programme, discounted');
    // reference designs are drawn (ai1 is shipped) with labels
    expect(read(flag, 'objective-space.svg')).toContain('reference design');
    // the Pareto table has one row per design and a unit in every header
    const table = html.slice(
      html.indexOf('<table class="sortable">'),
      html.indexOf('</table>', html.indexOf('<table class="sortable">')),
    );
    const headers = [...table.matchAll(/<th>(.*?)<\/th>/g)].map((m) => m[1]!.replace(/<wbr>/g, ''));
    expect(headers.length).toBeGreaterThan(10);
    for (const h of headers) expect(h).toMatch(/\[[^\]]+\]$/);
    expect((table.match(/<tr>/g) ?? []).length - 1).toBe(pareto(flag).designs.length);
  });

  it('axes of every plot carry units', () => {
    const svg = read(flag, 'objective-space.svg');
    expect(svg).toContain('cost.lcocDiscounted (min) [USD/PFLOP-day]');
    expect(svg).toContain('compute.deliveredPFLOPS (max) [PFLOPS]');
    expect(svg).toContain('mass.launch (min) [kg]');
    expect(read(flag, 'convergence.svg')).toContain('generation [-]');
    expect(read(flag, 'parallel-coordinates.svg')).toContain('[mm Al]');
  });

  it('report.md links the SVG plots that sit beside it', () => {
    const md = read(flag, 'report.md');
    const links = [...md.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]!);
    expect(links).toEqual([
      'front-knee.svg',
      'environment.svg',
      'objective-space.svg',
      'parallel-coordinates.svg',
      'waterfall.svg',
      'convergence.svg',
    ]);
    // the decision summary opens the report; the run's bookkeeping closes it
    expect(md.indexOf('## Recommended designs')).toBeLessThan(md.indexOf('## Decision support'));
    expect(md.indexOf('## Study and run')).toBeGreaterThan(md.indexOf('## Pareto designs'));
    for (const l of links) expect(existsSync(join(flag, l))).toBe(true);
    expect(md).toContain('## Decision support');
    expect(md).toContain('## Delivered compute\n'); // a node study's plot, not a "Constellation:" heading
    expect(md).not.toContain('Constellation:');
    expect(md).toMatch(/\| index \\\[-\\\] \|/);
  });

  it("the first screen shows the knee's cost where the verdict stands, between the verdict and what binds", () => {
    const md = read(flag, 'report.md');
    const at = md.indexOf('### Where the cost is');
    expect(at).toBeGreaterThan(md.indexOf('### Against terrestrial data centers'));
    expect(at).toBeLessThan(md.indexOf('### What binds'));
    // markdown escapes the brackets: compare the text without its backslashes
    const block = md.slice(at, md.indexOf('### What binds')).replace(/\\/g, '');
    // the nine cost lines the issue names, $/W and $/GPU-hour beside the ground's, three drivers
    for (const line of COST_LINE_LABELS.filter((l) => l !== 'shielding and propellant'))
      expect(block).toContain(`| ${line} |`);
    expect(block).toMatch(/ground \(hyperscale-virginia, same chips\) [\d.,]+/);
    expect(block).toMatch(/ground [\d.]+: space [\d.]+× \((ground|space) cheaper\)/);
    expect(block).toMatch(/verdict moves most with/);
    expect(block.match(/\| %/g)).toHaveLength(3);
    expect(read(flag, 'report.html')).toContain('<h3>Where the cost is</h3>');
  });

  it('escapes user strings: a study named <script> shows as text', () => {
    const html = read(evil, 'report.html');
    expect(html).not.toContain(EVIL_NAME);
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt; &amp; &quot;quoted&quot; | pipe');
    expect((html.match(/<script>/g) ?? []).length).toBe(1); // only the table-sorting script
    const md = read(evil, 'report.md');
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('<img');
    expect(md).toContain('&lt;script&gt;');
  });

  it("a node study report draws the knee design's delivered-compute waterfall, bars in waterfall order", () => {
    const svg = readFileSync(join(flag, 'waterfall.svg'), 'utf8');
    const names = ['peak', 'utilization', 'sustained', 'eclipse', 'power', 'thermal', 'availability', 'downlink'];
    const at = names.map((n, i) => svg.indexOf(`${i + 1}. ${n}`));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(read(flag, 'report.md')).toContain('waterfall.svg');
  });

  it('skips a missing reference design with a note', async () => {
    const r = await renderReport(flag, { referenceDesigns: [join(tmp, 'no-such-design.yaml')] });
    expect(r.notes.join('\n')).toMatch(/no-such-design\.yaml not found/);
    expect(readFileSync(r.htmlPath, 'utf8')).toContain('no-such-design.yaml not found');
    await renderReport(flag);
  });
});

describe('exportDesign', () => {
  it('yaml round trip: the exported design evaluates to exactly the record in pareto.json', () => {
    const p = pareto(flag);
    expect(p.designs.length).toBeGreaterThan(0);
    const selectors = [
      'knee',
      ...p.objectives.map((o) => `best:${o.name}`),
      String(p.designs[p.designs.length - 1]!.index),
    ];
    for (const sel of selectors) {
      const out = join(tmp, `export-${sel.replace(/[^a-z0-9]/gi, '_')}.yaml`);
      const r = exportDesign(flag, { design: sel, format: 'yaml', out });
      expect(r.path).toBe(out);
      expect(readFileSync(out, 'utf8')).toBe(r.text);
      expect(r.text).not.toMatch(/^(variables|objectives|constraints|relax|algorithm):/m);
      const { record } = evaluateDesignFile(out);
      const stored = p.designs.find((d) => d.index === r.design.index)!;
      expect(record).toEqual(stored.record);
    }
  });

  it('json is the design record; csv is one header and one row of the flattened record', () => {
    const j = exportDesign(flag, { design: 'best:lcocDiscounted', format: 'json' });
    const rec = JSON.parse(j.text) as { cost: { lcocDiscounted_USD_per_PFLOP_day: number } };
    const p = pareto(flag);
    expect(rec).toEqual(p.designs.find((d) => d.index === j.design.index)!.record);
    expect(rec.cost.lcocDiscounted_USD_per_PFLOP_day).toBe(
      Math.min(...p.designs.map((d) => d.objectives['cost.lcocDiscounted_USD_per_PFLOP_day']!)),
    );
    const c = exportDesign(flag, { design: 'knee', format: 'csv' });
    const lines = c.text.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]!.startsWith('index,schemaVersion,name,kind,orbit.altitude_km')).toBe(true);
    expect(lines[0]).toContain('cost.lcoc_USD_per_PFLOP_day');
    expect(lines[0]).toContain('constraints[power.arrayArea].margin');
    expect(lines[1]!.split(',')[0]).toBe(String(c.design.index));
  });

  it('benchmark runs export json and csv, not yaml', async () => {
    const j = JSON.parse(exportDesign(zdtA, { design: 'best:f1', format: 'json' }).text) as {
      objectives: Record<string, number>;
    };
    expect(Object.keys(j.objectives)).toEqual(['f1', 'f2']);
    await expectStudyError(
      () => exportDesign(zdtA, { design: 'knee', format: 'yaml' }),
      'BAD_ARGUMENT',
      /benchmark run has no node design.*--format json or csv/,
    );
  });
});

describe('compareRuns', () => {
  it('hypervolume and IGD+ on a common normalization, overlay plot and who dominates where', async () => {
    const out = join(tmp, 'cmp');
    const heard: CompareProgress[] = [];
    const r = await compareRuns([zdtA, zdtB], out, { onProgress: (p) => heard.push(p) });
    expect(r.rows).toHaveLength(2);
    // each step announced as it starts, per run in order, with its designs
    const [a, b] = r.rows.map((row) => [row.label, row.frontSize] as const);
    expect(heard.filter((p) => p.share === undefined || p.share === 0).map((p) => [p.step, p.run, p.count])).toEqual([
      ['load', undefined, 2],
      ['union', undefined, a![1] + b![1]],
      ['dominance', a![0], a![1]],
      ['hypervolume', a![0], a![1]],
      ['igd', a![0], r.unionSize],
      ['dominance', b![0], b![1]],
      ['hypervolume', b![0], b![1]],
      ['igd', b![0], r.unionSize],
      ['files', undefined, r.unionSize],
    ]);
    for (const row of r.rows) {
      expect(row.hypervolume).toBeGreaterThan(0);
      expect(row.hypervolume).toBeLessThanOrEqual(1.1 ** 2);
      expect(row.igdPlus).toBeGreaterThanOrEqual(0);
    }
    expect(r.rows[0]!.unionShare + r.rows[1]!.unionShare).toBeCloseTo(1, 12);
    // each run's wall time from its run.json, in the summary table beside its evaluations
    const wall = (dir: string): number =>
      (JSON.parse(read(dir, 'run.json')) as { timings: { wall_s: number } }).timings.wall_s;
    expect(r.rows.map((row) => row.wall_s)).toEqual([wall(zdtA), wall(zdtB)]);
    expect(read(out, 'compare.md')).toContain(String.raw`| evaluations \[-\] | wall time \[s\] | front size \[-\] |`);
    // "not dominated by others", by the definition on the normalized fronts (pair by pair, written here)
    const { ideal, nadir } = r.normalization;
    const front = (dir: string): number[][] => {
      const p = pareto(dir);
      return p.designs.map((d) =>
        p.objectives.map((o, j) => (d.objectives[o.name]! - ideal[j]!) / (nadir[j]! - ideal[j]!)),
      );
    };
    const dominatedBy = (b: number[], a: number[]): boolean =>
      b.every((v, j) => v <= a[j]!) && b.some((v, j) => v < a[j]!);
    const [fa, fb] = [front(zdtA), front(zdtB)];
    const shareA = fa.filter((a) => !fb.some((b) => dominatedBy(b, a))).length / fa.length;
    const shareB = fb.filter((b) => !fa.some((a) => dominatedBy(a, b))).length / fb.length;
    expect(shareA).toBeLessThan(1);
    expect([r.rows[0]!.paretoNonDominatedShare, r.rows[1]!.paretoNonDominatedShare]).toEqual([shareA, shareB]);
    expect(r.normalization.reference).toEqual([1.1, 1.1]);
    expect(r.regions).toHaveLength(8);
    for (const f of ['compare.html', 'compare.md', 'fronts.svg']) expect(existsSync(join(out, f))).toBe(true);
    const html = read(out, 'compare.html');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/\s(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(read(out, 'compare.md')).toContain('![Pareto fronts of the runs](fronts.svg)');
  });

  it('a run compared with a copy of itself: equal hypervolume and IGD+ = 0', async () => {
    const copy = join(tmp, 'zdt-a-copy');
    cpSync(zdtA, copy, { recursive: true });
    const r = await compareRuns([zdtA, copy], join(tmp, 'cmp-self'));
    expect(r.rows[0]!.hypervolume).toBe(r.rows[1]!.hypervolume);
    expect(r.rows[0]!.igdPlus).toBe(0);
    expect(r.rows[1]!.igdPlus).toBe(0);
    expect(r.rows[0]!.nonDominatedShare).toBe(1);
  });

  it('refuses runs with different objectives, and a single run', async () => {
    await expectStudyError(compareRuns([zdtA, flag], join(tmp, 'cmp-bad')), 'INCOMPATIBLE_RUN', /objectives .* differ/);
    await expectStudyError(compareRuns([zdtA], join(tmp, 'cmp-one')), 'BAD_ARGUMENT', /at least two run folders/);
  });
});

describe('bad input', () => {
  it('a folder that is not a run: BAD_RUN_DIR naming the folder and the fix', async () => {
    await expectStudyError(renderReport(tmp), 'BAD_RUN_DIR', /not a run folder.*odc run/);
    await expectStudyError(renderReport(join(tmp, 'missing')), 'BAD_RUN_DIR', /no such folder/);
  });

  it('a run of another formatVersion: INCOMPATIBLE_RUN', async () => {
    const old = join(tmp, 'old-format');
    cpSync(zdtA, old, { recursive: true });
    const meta = JSON.parse(read(old, 'run.json')) as Record<string, unknown>;
    writeFileSync(join(old, 'run.json'), JSON.stringify({ ...meta, formatVersion: 2 }));
    await expectStudyError(renderReport(old), 'INCOMPATIBLE_RUN', /run\.json: formatVersion 2 is not supported/);
    await expectStudyError(
      () => exportDesign(old, { design: 'knee', format: 'json' }),
      'INCOMPATIBLE_RUN',
      /formatVersion/,
    );
  });

  it('a damaged pareto.json (a text objective, a variable that is an array): BAD_RUN_DIR naming the design and field', async () => {
    const damaged = join(tmp, 'damaged-pareto');
    cpSync(zdtA, damaged, { recursive: true });
    const pareto = JSON.parse(read(damaged, 'pareto.json')) as {
      designs: { objectives: Record<string, unknown>; variables: Record<string, unknown> }[];
    };
    const firstObjective = Object.keys(pareto.designs[1]!.objectives)[0]!;
    pareto.designs[1]!.objectives[firstObjective] = 'fast';
    writeFileSync(join(damaged, 'pareto.json'), JSON.stringify(pareto));
    await expectStudyError(
      renderReport(damaged),
      'BAD_RUN_DIR',
      /pareto\.json: designs\.1\.objectives: expected an object of numbers; the run folder is damaged/,
    );
    pareto.designs[1]!.objectives[firstObjective] = 1;
    pareto.designs[2]!.variables[Object.keys(pareto.designs[2]!.variables)[0]!] = [1, 2];
    writeFileSync(join(damaged, 'pareto.json'), JSON.stringify(pareto));
    await expectStudyError(
      renderReport(damaged),
      'BAD_RUN_DIR',
      /designs\.2\.variables: expected an object of numbers and strings/,
    );
  });

  it('run.json and pareto.json are checked in every field their schemas define, and keep fields they do not', async () => {
    const dir = join(tmp, 'checked-fields');
    cpSync(zdtA, dir, { recursive: true });
    const runJson = read(dir, 'run.json');
    const paretoJson = read(dir, 'pareto.json');
    const damaged = 'the run folder is damaged or was not written by odc run: run the study again';
    const withRun = (
      edit: (meta: { history: Record<string, unknown>[]; timings: Record<string, unknown> }) => void,
    ) => {
      const meta = JSON.parse(runJson) as { history: Record<string, unknown>[]; timings: Record<string, unknown> };
      edit(meta);
      writeFileSync(join(dir, 'run.json'), JSON.stringify(meta));
    };
    withRun((m) => (m.history[3]!['hypervolume'] = '0.5'));
    await expectStudyError(
      renderReport(dir),
      'BAD_RUN_DIR',
      new RegExp(`^${join(dir, 'run.json')}: history\\.3\\.hypervolume: expected a number or null; ${damaged}$`),
    );
    withRun((m) => (m.timings['wall_s'] = '1.5'));
    await expectStudyError(
      renderReport(dir),
      'BAD_RUN_DIR',
      /run\.json: timings\.wall_s: Invalid input: expected number/,
    );
    writeFileSync(join(dir, 'run.json'), runJson);
    const file = JSON.parse(paretoJson) as { duplicates: Record<string, unknown> };
    file.duplicates['archiveSize'] = 'many';
    writeFileSync(join(dir, 'pareto.json'), JSON.stringify(file));
    await expectStudyError(
      renderReport(dir),
      'BAD_RUN_DIR',
      /pareto\.json: duplicates\.archiveSize: Invalid input: expected number/,
    );
    // a field another odc version wrote passes, and the file is used as written
    withRun((m) => Object.assign(m.timings, { gpu_s: 2 }));
    writeFileSync(
      join(dir, 'pareto.json'),
      paretoJson.replace('"formatVersion": 1,', '"formatVersion": 1, "note": "x",'),
    );
    expect((await renderReport(dir)).htmlPath).toBe(join(dir, 'report.html'));
  });

  it('a design index out of range, an unknown objective, a bad selector: BAD_ARGUMENT', async () => {
    await expectStudyError(
      () => exportDesign(flag, { design: 999999, format: 'json' }),
      'BAD_ARGUMENT',
      /999999 is not the index of a Pareto design.*pareto\.csv/,
    );
    await expectStudyError(
      () => exportDesign(flag, { design: 'best:lcco', format: 'json' }),
      'BAD_ARGUMENT',
      /unknown objective "lcco".*cost\.lcocDiscounted_USD_per_PFLOP_day/,
    );
    await expectStudyError(
      () => exportDesign(flag, { design: 'middle', format: 'json' }),
      'BAD_ARGUMENT',
      /expected knee, best:<objective> or a design index/,
    );
  });
});

describe('CLI', () => {
  const cli = async (...argv: string[]): Promise<{ code: number; out: string; err: string }> => {
    let out = '';
    let err = '';
    const program = buildProgram({
      out: (s) => void (out += s),
      err: (s) => void (err += s),
      errStream: process.stderr,
      isTTY: false,
    });
    try {
      await program.parseAsync(argv, { from: 'user' });
      return { code: 0, out, err };
    } catch (e) {
      return { code: e instanceof StudyError ? 2 : 1, out, err: err + String((e as Error).message) };
    }
  };

  it('odc report, odc export (stdout) and odc compare', async () => {
    const rep = await cli('report', zdtA);
    expect(rep.code).toBe(0);
    expect(rep.out).toContain('report.html');
    const exp = await cli('export', flag, '--design', 'knee', '--format', 'json');
    expect(exp.code).toBe(0);
    expect(JSON.parse(exp.out)).toHaveProperty('schemaVersion', 1);
    const cmp = await cli('compare', zdtA, zdtB, '--out', join(tmp, 'cmp-cli'));
    expect(cmp.code).toBe(0);
    expect(cmp.out).toMatch(
      /evaluations \[-\]\s+wall time \[s\]\s+front size \[-\]\s+run's hypervolume, as odc run gives it \[-\]\s+hypervolume, common normalization \[-\]\s+IGD\+ \[-\]/,
    );
  });

  it('bad input is a StudyError (exit 2)', async () => {
    expect((await cli('export', flag, '--design', '424242', '--format', 'csv')).code).toBe(2);
    expect((await cli('report', tmp)).code).toBe(2);
  });
});
