/**
 * The explorer opens on the answer, in headless Chromium, every expectation worked out here from the run folders:
 * - a multi-seed flagship run (two seeds of 900 evaluations): the header names the run's answer (seeds.json's knee);
 *   the scatter's axes span the seeds' union front (its non-dominated designs computed here from each seed's
 *   pareto.json), not every evaluation, and the designs beyond them are not piled on the panels' frames; colour by
 *   compute.chips gives one colour per whole value inside its axis's span, each front design's point in its value's
 *   colour; colour by the cost on a log axis puts the front's designs in the viridis steps of the test's own log10
 *   arithmetic over the front's span (several colours, not one); every parallel-coordinates label shows its name
 *   whole and none overlaps its neighbour; every non-ASCII character of the page renders as a glyph, not as the box
 *   a code point no font has (U+10FFFD) renders as;
 * - a two-objective ZDT1 run: the scatter is one x–y panel of at least 400 px on the front's range.
 * Skipped without Chromium as test/serve/browser.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/chromium.js';
import { expectChromium, skipBrowser } from '../helpers/browserTests.js';
import { tempDir, writeFile } from '../helpers/tmp.js';
import { tinyRun, ZDT1, ZDT1_ALGORITHM } from '../report/helpers.js';
import {
  exactFrame,
  openExplorer,
  readLog,
  shownValues,
  startServe,
  VIRIDIS8,
  type PageFaults,
  type PanelAt,
  type ServeProcess,
} from './helpers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const STUDY = readFileSync(join(ROOT, 'designs/flagship-study.yaml'), 'utf8').replace(
  'population: 200, generations: 250, seed: 42, seeds: 3',
  'population: 60, generations: 15, seed: 43, seeds: 2',
);
const COST = 'cost.lcocDiscounted_USD_per_PFLOP_day';
const PFLOPS = 'compute.deliveredPFLOPS';

interface ParetoFile {
  objectives: { name: string; sense: 'minimize' | 'maximize' }[];
  designs: { index: number; objectives: Record<string, number>; variables: Record<string, number | string> }[];
}
type FrontDesign = ParetoFile['designs'][number];

/** The non-dominated designs of the seeds' fronts together (maximized objectives compared as such). */
function unionFront(files: readonly ParetoFile[]): FrontDesign[] {
  const objs = files[0]!.objectives;
  const all = files.flatMap((f) => f.designs);
  const worse = (a: FrontDesign, b: FrontDesign): boolean =>
    objs.every((o) =>
      o.sense === 'minimize'
        ? b.objectives[o.name]! <= a.objectives[o.name]!
        : b.objectives[o.name]! >= a.objectives[o.name]!,
    ) && objs.some((o) => b.objectives[o.name] !== a.objectives[o.name]);
  return all.filter((a) => !all.some((b) => worse(a, b)));
}

const range = (values: readonly number[]): [number, number] => [Math.min(...values), Math.max(...values)];

/** The scatter canvas's pixels as RGB hex strings, row after row, with its width. */
async function scatterPixels(page: Page): Promise<{ width: number; at: (x: number, y: number) => string }> {
  await exactFrame(page);
  const { width, data } = await page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('[data-testid="scatter"] canvas')!;
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const out: number[] = [];
    for (let k = 0; k < d.length; k += 4) out.push((d[k]! << 16) | (d[k + 1]! << 8) | d[k + 2]!);
    return { width: c.width, data: out };
  });
  return { width, at: (x, y) => `#${data[y * width + x]!.toString(16).padStart(6, '0')}` };
}

const panelsOf = async (page: Page): Promise<PanelAt[]> =>
  JSON.parse((await page.getByTestId('scatter').locator('canvas').getAttribute('data-panels'))!) as PanelAt[];

/** A linear axis's pixel of a value (the plot area's own pixels, 0 at its low end). */
const linearPx = (v: number, [lo, hi]: readonly number[], size: number): number =>
  Math.round(((v - lo!) / (hi! - lo!)) * size);

/**
 * Expect the span to hold the front's [min, max] and to pass it by at most the rounding docs/explorer.md states:
 * outward to the axis's display step, 10^(⌊log10 (data's span)⌋ − 3).
 */
function expectSpanOf(span: readonly number[], [min, max]: readonly [number, number], data: readonly number[]): void {
  const step = 10 ** (Math.floor(Math.log10(Math.max(...data) - Math.min(...data))) - 3);
  expect(span[0]).toBeLessThanOrEqual(min);
  expect(span[1]).toBeGreaterThanOrEqual(max);
  expect(min - span[0]!).toBeLessThanOrEqual(step * (1 + 1e-9));
  expect(span[1]! - max).toBeLessThanOrEqual(step * (1 + 1e-9));
}

describe.skipIf(skipBrowser)('odc serve opens on the answer (headless Chromium)', () => {
  const dir = tempDir('odc-serve-answer-');
  const out = join(dir, 'multi');
  let front: FrontDesign[] = [];
  let seeds: ParetoFile[] = [];
  let serve: ServeProcess;
  let zdt = '';
  let serveZdt: ServeProcess;
  let browser: Browser;
  const faults: PageFaults = { foreign: [], errors: [] };

  beforeAll(async () => {
    expectChromium();
    writeFile(dir, 'study.yaml', STUDY);
    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'dist/src/entries/cli/bin.js'), 'run', 'study.yaml', '--out', 'multi', '--log', 'csv', '-q'],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    seeds = ['seed-43', 'seed-44'].map(
      (s) => JSON.parse(readFileSync(join(out, s, 'pareto.json'), 'utf8')) as ParetoFile,
    );
    front = unionFront(seeds);
    zdt = await tinyRun(dir, ZDT1, ZDT1_ALGORITHM(1), { out: 'zdt1', log: 'csv' });
    [serve, serveZdt] = await Promise.all([startServe([out]), startServe([zdt])]);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    await serveZdt?.stop();
  });

  it('names the union answer and spans the scatter over the union front, the rest off the frames', async () => {
    expect(front.length).toBeGreaterThanOrEqual(3);
    const page = await openExplorer(browser, serve.url, faults);
    const seedsJson = JSON.parse(readFileSync(join(out, 'seeds.json'), 'utf8')) as {
      decision: { designs: { roles: string[]; index: number; seed: number }[] };
    };
    const knee = seedsJson.decision.designs.find((d) => d.roles.includes('knee'))!;
    // the union answer's card (the multi-seed folder's answer.json) names the knee and its seed
    await expect.poll(() => page.locator('#runs').textContent()).toContain(`design ${knee.index} (seed ${knee.seed})`);
    const panels = await panelsOf(page);
    // three objectives: the matrix's three panels, each axis on the union front's range
    expect(panels).toHaveLength(3);
    const logs = ['seed-43', 'seed-44'].map((s) => readLog(join(out, s)));
    const data = (name: string): number[] => logs.flatMap((l) => shownValues(l, name));
    for (const p of panels) {
      expectSpanOf(p.xSpan, range(front.map((d) => d.objectives[p.x]!)), data(p.x));
      expectSpanOf(p.ySpan, range(front.map((d) => d.objectives[p.y]!)), data(p.y));
      // all evaluations span far more: the case this view must not open on
      const all = range(data(p.x));
      expect(all[1] - all[0]).toBeGreaterThan(3 * (p.xSpan[1] - p.xSpan[0]));
    }
    // the cost × compute panel: its frame lines hold only what designs inside both spans put there
    const p = panels.find((q) => q.x === COST && q.y === PFLOPS)!;
    const pts = logs.flatMap((l) => {
      const [xs, ys] = [shownValues(l, COST), shownValues(l, PFLOPS)];
      return xs.map((x, k) => ({ x, y: ys[k]! }));
    });
    const inside = (v: number, s: readonly number[]): boolean => v >= s[0]! && v <= s[1]!;
    const beyondX = pts.filter((q) => !inside(q.x, p.xSpan) && inside(q.y, p.ySpan)).length;
    const px = await scatterPixels(page);
    const lit = (x: number, y: number): boolean => px.at(x, y) !== '#ffffff';
    for (const edge of [0, p.size]) {
      const litOnEdge = Array.from({ length: p.size + 1 }, (_, k) => lit(p.left + edge, p.top + k)).filter(
        Boolean,
      ).length;
      // each design drawn within 2 px of the edge lights at most 5 of its pixels (a front point with its ring)
      const near = pts.filter(
        (q) => inside(q.x, p.xSpan) && inside(q.y, p.ySpan) && Math.abs(linearPx(q.x, p.xSpan, p.size) - edge) <= 2,
      ).length;
      expect(litOnEdge).toBeLessThanOrEqual(5 * near);
    }
    // the check above has designs to catch: many lie beyond the cost span at compute values inside its span
    expect(beyondX).toBeGreaterThan(20);
    await page.close();
  });

  it('colours compute.chips one colour per whole value, and a log cost in steps over the front', async () => {
    const page = await openExplorer(browser, `${serve.url}?colour=compute.chips`, faults);
    const legend = page.getByTestId('colour-legend').locator('.legend-item');
    const entries = await legend.evaluateAll((els) =>
      els.map((e) => ({ colour: (e as HTMLElement).dataset['colour']!, label: e.textContent!.trim() })),
    );
    const chips = range(front.map((d) => Number(d.variables['compute.chips'])));
    const logs = ['seed-43', 'seed-44'].map((s) => readLog(join(out, s)));
    const values = [
      ...new Set(logs.flatMap((l) => shownValues(l, 'compute.chips')).filter((v) => v >= chips[0] && v <= chips[1])),
    ].sort((a, b) => a - b);
    expect(values.length).toBeLessThanOrEqual(8);
    expect(entries.map((e) => e.label)).toEqual(values.map(String));
    expect(new Set(entries.map((e) => e.colour)).size).toBe(values.length);
    const colourOf = new Map(values.map((v, k) => [v, entries[k]!.colour]));
    const panels = await panelsOf(page);
    const p = panels.find((q) => q.x === COST && q.y === PFLOPS)!;
    const px = await scatterPixels(page);
    const at = front.map((d) => ({
      d,
      x: p.left + linearPx(d.objectives[COST]!, p.xSpan, p.size),
      y: p.top + p.size - linearPx(d.objectives[PFLOPS]!, p.ySpan, p.size),
    }));
    // each front point whose 3 × 3 core no other front point covers: its centre in its chips value's colour
    const alone = at.filter((a) => !at.some((b) => b !== a && Math.abs(b.x - a.x) <= 2 && Math.abs(b.y - a.y) <= 2));
    expect(alone.length).toBeGreaterThanOrEqual(2);
    for (const a of alone) expect(px.at(a.x, a.y)).toBe(colourOf.get(Number(a.d.variables['compute.chips'])));

    // colour by the cost on a log axis: viridis steps of log10 over the front's span, the test's own arithmetic
    const logPage = await openExplorer(browser, `${serve.url}?colour=${COST}&scale=log:${COST}`, faults);
    const lp = (await panelsOf(logPage)).find((q) => q.x === COST && q.y === PFLOPS)!;
    const lpx = await scatterPixels(logPage);
    const logT = (v: number): number =>
      (Math.log10(v) - Math.log10(lp.xSpan[0])) / (Math.log10(lp.xSpan[1]) - Math.log10(lp.xSpan[0]));
    const placed = front.map((d) => ({
      d,
      x: lp.left + Math.round(logT(d.objectives[COST]!) * lp.size),
      y: lp.top + lp.size - linearPx(d.objectives[PFLOPS]!, lp.ySpan, lp.size),
    }));
    const lone = placed.filter(
      (a) => !placed.some((b) => b !== a && Math.abs(b.x - a.x) <= 2 && Math.abs(b.y - a.y) <= 2),
    );
    const steps = lone.map((a) => Math.min(7, Math.floor(logT(a.d.objectives[COST]!) * 8)));
    expect(new Set(steps).size).toBeGreaterThanOrEqual(2);
    lone.forEach((a, k) => expect(lpx.at(a.x, a.y)).toBe(VIRIDIS8[steps[k]!]));
    await page.close();
    await logPage.close();
  });

  it('shows every axis name whole, labels apart, and no character as a missing-glyph box', async () => {
    const page = await openExplorer(browser, serve.url, faults);
    await page.getByTestId('design-row').first().click();
    // the design is evaluated again on the server for its record: seconds on a loaded machine
    await expect.poll(() => page.getByTestId('budget').getAttribute('data-index'), { timeout: 30_000 }).not.toBeNull();
    const labels = JSON.parse((await page.getByTestId('parcoords').locator('canvas').getAttribute('data-labels'))!) as {
      name: string;
      x: number;
      tier: number;
      lines: string[];
    }[];
    expect(labels.length).toBeGreaterThan(10);
    for (const l of labels) {
      const dot = l.name.lastIndexOf('.');
      const whole = l.name.startsWith('g[') ? l.name : `${l.name.slice(0, dot)}${l.name.slice(dot + 1)}`;
      expect(l.lines.slice(0, -1).join('')).toBe(whole);
    }
    // neighbours in one tier: half of each one's widest line fits between their centres
    const widths = await page.evaluate((ls) => {
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = '11px system-ui, sans-serif';
      return ls.map((l) => Math.max(...l.lines.map((t) => ctx.measureText(t).width)));
    }, labels);
    for (const [k, a] of labels.entries()) {
      const next = labels.findIndex((b, j) => j > k && b.tier === a.tier);
      if (next >= 0) expect(labels[next]!.x - a.x).toBeGreaterThanOrEqual((widths[k]! + widths[next]!) / 2);
    }
    // every character beyond ASCII in the page and its canvases' labels, drawn in the page's fonts
    const text = `${await page.locator('body').innerText()}${labels.flatMap((l) => l.lines).join('')}`;
    const chars = [...new Set([...text].filter((c) => c.codePointAt(0)! > 127))];
    expect(chars.length).toBeGreaterThan(3);
    const boxes = await page.evaluate((cs) => {
      const draw = (ch: string, font: string): string => {
        const c = document.createElement('canvas');
        c.width = 40;
        c.height = 40;
        const ctx = c.getContext('2d')!;
        ctx.font = font;
        ctx.fillText(ch, 8, 28);
        return c.toDataURL();
      };
      const fonts = [getComputedStyle(document.body).font, '12px "DejaVu Sans Mono", ui-monospace, monospace'];
      return cs.filter((ch) => fonts.some((f) => draw(ch, f) === draw('\u{10FFFD}', f)));
    }, chars);
    expect(boxes).toEqual([]);
    expect(faults).toEqual({ foreign: [], errors: [] });
    await page.close();
  });

  it('draws a two-objective study as one large x–y plot on its front', async () => {
    const page = await openExplorer(browser, serveZdt.url, faults);
    const panels = await panelsOf(page);
    expect(panels).toHaveLength(1);
    const [p] = panels as [PanelAt];
    expect([p.x, p.y]).toEqual(['f1', 'f2']);
    expect(p.size).toBeGreaterThanOrEqual(400);
    const pareto = JSON.parse(readFileSync(join(zdt, 'pareto.json'), 'utf8')) as ParetoFile;
    const log = readLog(zdt);
    expectSpanOf(p.xSpan, range(pareto.designs.map((d) => d.objectives['f1']!)), shownValues(log, 'f1'));
    expectSpanOf(p.ySpan, range(pareto.designs.map((d) => d.objectives['f2']!)), shownValues(log, 'f2'));
    await page.close();
  });
});
