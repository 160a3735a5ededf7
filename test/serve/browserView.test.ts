/**
 * The explorer's view controls in headless Chromium, against two small ZDT1 runs made here, each checked by the
 * pixels the page draws against positions and colours worked out in the test from the runs' evaluations.csv:
 * - scales: a brush's box on a log, a percentile and an inverted parallel-coordinates axis sits where the test's own
 *   log10 / mid-rank / 1 − t arithmetic puts its bounds; the scatter places isolated points on the same scales;
 * - colour: points and table swatches take the viridis step (viridisLite::viridis(8)) the test computes for the
 *   column, a lone design's line in parallel coordinates is drawn in it, and colour by run gives each run its own;
 * - the URL: a view set by clicks (subset, colour, scale, inversion, rescale, axis order and visibility, sort,
 *   brush, selection) opened in a fresh browser context draws the same pixels and rows; a design link names the same
 *   design when the runs are served in the other order;
 * - the read-out of the design under the pointer.
 * Skipped without Chromium as test/serve/browser.test.ts.
 */
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, tinyRun, ZDT1, ZDT1_ALGORITHM } from '../report/helpers.js';
import { launchChromium } from '../helpers/chromium.js';
import { expectChromium, skipBrowser } from '../helpers/browserTests.js';
import {
  canvases,
  countKept,
  exactFrame,
  openExplorer,
  readLog,
  rowCount,
  shownValues,
  startServe,
  VIRIDIS8,
  viewLink,
} from './helpers.js';
import type { LogTable, PageFaults, ServeProcess } from './helpers.js';

const hexRgb = (h: string): number[] => [1, 3, 5].map((k) => parseInt(h.slice(k, k + 2), 16));

/** Linear, log10 and mid-rank positions in [0, 1] of v among `all` (the test's own arithmetic). */
const linear = (v: number, all: readonly number[]): number =>
  (v - Math.min(...all)) / (Math.max(...all) - Math.min(...all));
const logPos = (v: number, all: readonly number[]): number =>
  (Math.log10(v) - Math.log10(Math.min(...all))) / (Math.log10(Math.max(...all)) - Math.log10(Math.min(...all)));
function midRank(v: number, all: readonly number[]): number {
  const below = all.filter((x) => x < v).length;
  const upTo = all.filter((x) => x <= v).length;
  return (below + upTo - 1) / 2 / (all.length - 1);
}
const step8 = (t: number): number => Math.min(7, Math.floor(t * 8));

interface AxisAt {
  name: string;
  x: number;
}

async function canvasAttr<T>(page: Page, id: string, attr: string): Promise<T> {
  return JSON.parse((await page.getByTestId(id).locator('canvas').getAttribute(attr))!) as T;
}

/** RGBA of a column of a view's canvas (rows 0 .. height). */
async function column(page: Page, id: string, x: number): Promise<number[][]> {
  await exactFrame(page);
  return page.evaluate(
    ([id, x]) => {
      const c = document.querySelector<HTMLCanvasElement>(`[data-testid="${id}"] canvas`)!;
      const d = c.getContext('2d')!.getImageData(x as number, 0, 1, c.height).data;
      const out: number[][] = [];
      for (let k = 0; k < d.length; k += 4) out.push([d[k]!, d[k + 1]!, d[k + 2]!]);
      return out;
    },
    [id, x] as const,
  );
}

async function pixel(page: Page, id: string, x: number, y: number): Promise<number[]> {
  await exactFrame(page);
  return page.evaluate(
    ([id, x, y]) =>
      Array.from(
        document
          .querySelector<HTMLCanvasElement>(`[data-testid="${id}"] canvas`)!
          .getContext('2d')!
          .getImageData(x as number, y as number, 1, 1)
          .data.slice(0, 3),
      ),
    [id, x, y] as const,
  );
}

describe.skipIf(skipBrowser)('odc serve in headless Chromium: scales, colour, read-outs, links', () => {
  let runA = '';
  let runB = '';
  let logA: LogTable;
  let logB: LogTable;
  let serveAB: ServeProcess;
  let serveBA: ServeProcess;
  let browser: Browser;
  const faults: PageFaults = { foreign: [], errors: [] };

  beforeAll(async () => {
    expectChromium();
    const dir = tempDir('serve-view');
    runA = await tinyRun(dir, ZDT1, ZDT1_ALGORITHM(1), { out: 'a', log: 'csv' });
    runB = await tinyRun(dir, ZDT1, ZDT1_ALGORITHM(2), { out: 'b', log: 'csv' });
    [logA, logB] = [readLog(runA), readLog(runB)];
    [serveAB, serveBA] = await Promise.all([startServe([runA, runB]), startServe([runB, runA])]);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await serveAB?.stop();
    await serveBA?.stop();
  });

  const open = (url: string): Promise<Page> => openExplorer(browser, url, faults);
  /**
   * A page on run a alone, served for it (stopped when the page closes), its axes on the data's range (by default they
   * span the front), where the test's scale arithmetic over the log's values puts them.
   */
  const oneRun = async (search: string): Promise<Page> => {
    const s = await startServe([runA]);
    const page = await open(`${s.url}${search}${search === '' ? '?' : '&'}rescale=data`);
    page.on('close', () => void s.stop());
    return page;
  };

  it('puts brush boxes on log, percentile and inverted axes where the scales place their bounds', async () => {
    const f1 = shownValues(logA, 'f1');
    const f2 = shownValues(logA, 'f2');
    const x1 = shownValues(logA, 'x1');
    expect(Math.min(...f2)).toBeGreaterThan(0);
    const q = (all: number[], p: number): number => [...all].sort((a, b) => a - b)[Math.floor(p * (all.length - 1))]!;
    const filters = [
      { metric: 'f2', lo: q(f2, 0.1), hi: q(f2, 0.3), pos: logPos },
      { metric: 'x1', lo: q(x1, 0.25), hi: q(x1, 0.75), pos: midRank },
      { metric: 'f1', lo: q(f1, 0.2), hi: q(f1, 0.5), pos: (v: number, all: readonly number[]) => 1 - linear(v, all) },
    ];
    const page = await oneRun(
      `?scale=log:f2&scale=percentile:x1&invert=f1&${filters.map((f) => `filter=${f.metric}:${f.lo}:${f.hi}`).join('&')}`,
    );
    expect(await rowCount(page)).toBe(countKept(logA, filters));
    const axes = await canvasAttr<AxisAt[]>(page, 'parcoords', 'data-axes');
    const top = Number(await page.getByTestId('parcoords').locator('canvas').getAttribute('data-plot-top'));
    const height = Number(await page.getByTestId('parcoords').locator('canvas').getAttribute('data-plot-height'));
    // objectives first, then the variables
    expect(axes.slice(0, 3).map((a) => a.name)).toEqual(['f1', 'f2', 'x1']);
    for (const f of filters) {
      const all = shownValues(logA, f.metric);
      const ys = [f.lo, f.hi].map((v) => top + (1 - f.pos(v, all)) * height).sort((a, b) => a - b);
      const x = axes.find((a) => a.name === f.metric)!.x;
      // the box's stroke (#c0392b) across a column inside the box, clear of the axis line
      const red = (await column(page, 'parcoords', x - 4))
        .map((p, y) => ({ p, y }))
        .filter(({ p }) => p[0]! > 150 && p[1]! < 140 && p[2]! < 140 && p[0]! - p[1]! > 50)
        .map(({ y }) => y);
      expect(red.length, f.metric).toBeGreaterThan(0);
      expect(Math.abs(red[0]! - ys[0]!), `${f.metric} top ${red[0]} vs ${ys[0]}`).toBeLessThanOrEqual(1.5);
      expect(Math.abs(red.at(-1)! - ys[1]!), `${f.metric} bottom ${red.at(-1)} vs ${ys[1]}`).toBeLessThanOrEqual(1.5);
    }
    // each axis says its scale under its name; the legend says the colours are by run
    expect(await page.getByTestId('colour-legend').textContent()).toContain('colour: run');
    await page.close();
  });

  it('places and colours isolated scatter points and table swatches by the scales and viridis steps', async () => {
    for (const { search, x, y, px, py, colour } of [
      {
        search: '?pair=f1&pair=f2&scale=log:f2&invert=f1&colour=f2',
        x: 'f1',
        y: 'f2',
        px: (v: number, all: readonly number[]) => 1 - linear(v, all),
        py: logPos,
        colour: (row: number) => step8(logPos(shownValues(logA, 'f2')[row]!, shownValues(logA, 'f2'))),
      },
      {
        search: '?pair=x1&pair=f1&scale=percentile:x1&colour=x1',
        x: 'x1',
        y: 'f1',
        px: midRank,
        py: linear,
        colour: (row: number) => step8(midRank(shownValues(logA, 'x1')[row]!, shownValues(logA, 'x1'))),
      },
    ]) {
      const page = await oneRun(search);
      const [panel] = await canvasAttr<{ left: number; top: number; size: number }[]>(page, 'scatter', 'data-panels');
      const xs = shownValues(logA, x);
      const ys = shownValues(logA, y);
      const at = xs.map((v, k) => [Math.round(px(v, xs) * panel!.size), Math.round(py(ys[k]!, ys) * panel!.size)]);
      // points are 2 × 2 pixels below 5,000 designs: a point no other comes within 2 pixels of keeps its colour
      const isolated = at
        .map((_p, k) => k)
        .filter((k) =>
          at.every((o, j) => j === k || Math.max(Math.abs(o[0]! - at[k]![0]!), Math.abs(o[1]! - at[k]![1]!)) >= 2),
        );
      expect(isolated.length, search).toBeGreaterThan(5);
      for (const k of isolated) {
        const got = await pixel(page, 'scatter', panel!.left + at[k]![0]!, panel!.top + panel!.size - at[k]![1]!);
        expect(got, `${search} row ${k}`).toEqual(hexRgb(VIRIDIS8[colour(k)]!));
      }
      // the table's swatches: the first page's rows (evaluation order), each in its design's step
      const swatches = await page
        .getByTestId('design-row')
        .evaluateAll((rows) =>
          rows.map((r) => [
            Number(r.getAttribute('data-row')),
            getComputedStyle(r.querySelector('.swatch')!).backgroundColor,
          ]),
        );
      expect(swatches.length).toBe(25);
      for (const [row, css] of swatches as [number, string][])
        expect(css.match(/\d+/g)!.map(Number), `${search} swatch ${row}`).toEqual(hexRgb(VIRIDIS8[colour(row)]!));
      // the legend: 8 steps, from the column's low end to its high end
      expect(await page.getByTestId('colour-legend').locator('.legend-item').count()).toBe(8);
      await page.close();
    }
  });

  it("draws a lone design's line in its colour step on every axis", async () => {
    const f2 = shownValues(logA, 'f2');
    const row = f2.indexOf([...f2].sort((a, b) => a - b)[Math.floor(f2.length * 0.6)]!);
    const index = Number(logA.rows.filter((r) => r[logA.header.indexOf('status')] !== 'failed')[row]![0]);
    const page = await oneRun(`?colour=f2&filter=eval:${index}:${index}`);
    expect(await rowCount(page)).toBe(1);
    const want = hexRgb(VIRIDIS8[step8(linear(f2[row]!, f2))]!);
    const axes = await canvasAttr<AxisAt[]>(page, 'parcoords', 'data-axes');
    const top = Number(await page.getByTestId('parcoords').locator('canvas').getAttribute('data-plot-top'));
    const height = Number(await page.getByTestId('parcoords').locator('canvas').getAttribute('data-plot-height'));
    for (const [k, axis] of axes.slice(0, -1).entries()) {
      const all = shownValues(logA, axis.name);
      const yHere = top + (1 - linear(all[row]!, all)) * height;
      const yNext =
        top + (1 - linear(shownValues(logA, axes[k + 1]!.name)[row]!, shownValues(logA, axes[k + 1]!.name))) * height;
      // one column right of the axis line: the line is within its 4 px bin plus its slope over that column
      const slope = (yNext - yHere) / (axes[k + 1]!.x - axis.x);
      const rows = (await column(page, 'parcoords', axis.x + 1))
        .map((p, y) => ({ p, y }))
        .filter(({ p }) => p.every((c, j) => c === want[j]))
        .map(({ y }) => y);
      expect(rows.length, axis.name).toBeGreaterThan(0);
      const nearest = Math.min(...rows.map((y) => Math.abs(y - yHere)));
      expect(nearest, `${axis.name}: rows ${rows.join(',')} vs ${yHere}`).toBeLessThanOrEqual(4 + 2 * Math.abs(slope));
    }
    // the pointer halfway between the first two axes, on the line: the read-out names the design
    const canvas = page.getByTestId('parcoords').locator('canvas');
    const box = (await canvas.boundingBox())!;
    const [a0, a1] = [axes[0]!, axes[1]!];
    const yOf = (name: string): number =>
      top + (1 - linear(shownValues(logA, name)[row]!, shownValues(logA, name))) * height;
    await page.mouse.move(box.x + (a0.x + a1.x) / 2, box.y + (yOf(a0.name) + yOf(a1.name)) / 2);
    await expect.poll(() => page.getByTestId('hover').getAttribute('data-index')).toBe(String(index));
    await page.close();
  });

  it('a view set by clicks, opened in a fresh browser, draws the same pixels, rows and selection', async () => {
    const page = await open(serveAB.url);
    await page.getByRole('button', { name: 'union front', exact: true }).click();
    await page.getByTestId('colour-by').selectOption('f2');
    await page.getByRole('combobox', { name: 'scale of f2', exact: true }).selectOption('log');
    await page.getByRole('button', { name: 'invert x1', exact: true }).click();
    await page.getByRole('button', { name: 'move x2 left', exact: true }).click();
    await page.locator('input[data-axis]').nth(5).uncheck();
    await page.getByRole('button', { name: 'rescale axes to the front' }).click();
    await page.locator('[role=columnheader][data-key="f1"]').click();
    await page.locator('[role=columnheader][data-key="f1"]').click();
    await page.getByTestId('scatter-x').selectOption('x1');
    await page.getByTestId('scatter-y').selectOption('f1');
    const row = page.getByTestId('design-row').nth(2);
    const index = Number(await row.getAttribute('data-index'));
    const run = Number(await row.getAttribute('data-run'));
    await row.click();
    await expect.poll(() => page.getByTestId('budget').getAttribute('data-index')).toBe(String(index));
    const link = await viewLink(page);
    const p = link.searchParams;
    expect(p.get('subset')).toBe('union');
    expect(p.get('colour')).toBe('f2');
    expect(p.getAll('scale')).toEqual(['log:f2']);
    expect(p.getAll('invert')).toEqual(['x1']);
    // the rescale by name (computed again when the link is opened), not its domains
    expect(p.get('rescale')).toBe('front');
    expect(p.getAll('domain')).toEqual([]);
    expect(p.get('sort')).toBe('f1:desc');
    expect(p.get('design')).toBe(`${['a', 'b'][run]}:${index}`);
    expect(p.getAll('pair')).toEqual(['x1', 'f1']);
    const axes = p.getAll('axis');
    expect(axes.slice(0, 4)).toEqual(['f1', 'f2', 'x2', 'x1']);
    expect(axes.length).toBe(31);
    const before = {
      rows: await rowCount(page),
      table: await page.getByTestId('design-table').textContent(),
      pixels: await canvases(page),
      axes: await canvasAttr<AxisAt[]>(page, 'parcoords', 'data-axes'),
      legend: await page.getByTestId('colour-legend').textContent(),
    };
    const again = await open(`${serveAB.url}${link.search}`);
    await expect.poll(() => again.getByTestId('budget').getAttribute('data-index')).toBe(String(index));
    expect(await rowCount(again)).toBe(before.rows);
    expect(await again.getByTestId('design-table').textContent()).toBe(before.table);
    expect(await canvasAttr<AxisAt[]>(again, 'parcoords', 'data-axes')).toEqual(before.axes);
    expect(await again.getByTestId('colour-legend').textContent()).toBe(before.legend);
    expect(await canvases(again)).toEqual(before.pixels);
    expect((await viewLink(again)).search).toBe(link.search);
    await page.context().close();
    await again.context().close();
  });

  it('a design link names the same design when the runs are served in the other order', async () => {
    const page = await open(`${serveAB.url}?sort=f1:asc`);
    const rowOfB = page.locator('[data-testid="design-row"][data-run="1"]').first();
    const index = Number(await rowOfB.getAttribute('data-index'));
    await rowOfB.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('design')).toBe(`b:${index}`);
    const again = await open(`${serveBA.url}${(await viewLink(page)).search}`);
    const budget = again.getByTestId('budget');
    await expect.poll(() => budget.getAttribute('data-index')).toBe(String(index));
    // run b is first on this server's command line
    expect(await budget.getAttribute('data-run')).toBe('0');
    const logRow = logB.rows.find((r) => Number(r[0]) === index)!;
    const f1 = Number(logRow[logB.header.indexOf('f1')]);
    const printed = await budget
      .locator('tr', { has: again.locator('td:text-is("f1")') })
      .locator('td')
      .nth(1)
      .textContent();
    expect(Math.abs(Number(printed) - f1)).toBeLessThanOrEqual(5e-4 * Math.max(Math.abs(f1), 1e-3));
    await page.context().close();
    await again.context().close();
  });

  it('says on screen when the plots show a sample: the note follows body[data-drawn]', async () => {
    const page = await oneRun('');
    await exactFrame(page);
    expect(await page.getByTestId('sampled').isVisible()).toBe(false);
    // a small run is always counted exactly; what the note must do while a million designs refine is set by hand
    await page.evaluate(() => (document.body.dataset['drawn'] = 'sample'));
    expect(await page.getByTestId('sampled').isVisible()).toBe(true);
    expect(await page.getByTestId('sampled').textContent()).toContain('sample');
    await page.close();
  });

  it('reads out the design under the pointer in the scatter', async () => {
    const page = await oneRun('?pair=f1&pair=f2');
    const [panel] = await canvasAttr<{ left: number; top: number; size: number }[]>(page, 'scatter', 'data-panels');
    const f1 = shownValues(logA, 'f1');
    const f2 = shownValues(logA, 'f2');
    const at = f1.map((v, k) => [
      Math.round(linear(v, f1) * panel!.size),
      Math.round(linear(f2[k]!, f2) * panel!.size),
    ]);
    // a design no other comes within 8 px of: the read-out can only name it
    const k = at.findIndex((p, i) => at.every((o, j) => j === i || Math.hypot(o[0]! - p[0]!, o[1]! - p[1]!) > 8));
    expect(k).toBeGreaterThanOrEqual(0);
    const canvas = page.getByTestId('scatter').locator('canvas');
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + panel!.left + at[k]![0]! + 1, box.y + panel!.top + panel!.size - at[k]![1]!);
    const hover = page.getByTestId('hover');
    const index = Number(logA.rows.filter((r) => r[logA.header.indexOf('status')] !== 'failed')[k]![0]);
    await expect.poll(() => hover.getAttribute('data-index')).toBe(String(index));
    const text = (await hover.textContent())!;
    expect(text).toContain(`run a, evaluation ${index}`);
    const printedF1 = Number(/f1: ([-\d.e]+)/.exec(text)![1]);
    expect(Math.abs(printedF1 - f1[k]!)).toBeLessThanOrEqual(5e-4 * Math.max(Math.abs(f1[k]!), 1e-3));
    await page.close();
  });

  it('no request left the loopback interface and the pages had no errors', () => {
    expect(faults.foreign).toEqual([]);
    expect(faults.errors).toEqual([]);
  });
});
