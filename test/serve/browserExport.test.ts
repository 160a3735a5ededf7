/**
 * Exporting what the explorer shows, and the view's last details, in headless Chromium, every expectation worked out
 * by the test from the run folders it wrote:
 * - CSV: after mouse brushes, the downloaded file is evaluations.csv's header and exactly its rows inside the brushes
 *   the link names (the test's own filter of the file's lines);
 * - SVG: the scatter's file parses and holds a kept point within a pixel of each brushed design, placed by the test's
 *   own linear arithmetic, and none elsewhere; the parallel coordinates' file parses, names the page's axes and draws
 *   its kept lines between them; PNG: a PNG of the canvas's width;
 * - the share link: brushes, "rescale to brushed", a log scale, colour and a selection make a link under 1,000
 *   characters that opens in a fresh browser with the same pixels, rows and URL; a later brush writes the domains,
 *   each bound a multiple of its axis's display step (10^(⌊log10 span⌋ − 3));
 * - emphasis: an isolated front design on the scatter is ringed in #1d2330;
 * - a run whose distance variables are all 0.5 (DTLZ2, spread 0): those constant columns are not drawn and are named
 *   in a note; the front's count says where it comes from; the slice plots show the brushed designs only; the
 *   relative importances sum to 1; a full axis name on hover; no machine path anywhere in the page.
 * Skipped without Chromium as test/serve/browser.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, tinyRun, ZDT1, ZDT1_ALGORITHM } from '../report/helpers.js';
import { launchChromium } from '../helpers/chromium.js';
import { expectChromium, skipBrowser } from '../helpers/browserTests.js';
import { canvases, countKept, openExplorer, readLog, rowCount, shownValues, startServe, viewLink } from './helpers.js';
import type { LogTable, PageFaults, ServeProcess } from './helpers.js';
import { writeDtlz2Run } from './syntheticRun.js';

interface AxisAt {
  name: string;
  x: number;
}

const linear = (v: number, all: readonly number[]): number =>
  (v - Math.min(...all)) / (Math.max(...all) - Math.min(...all));

/** The file a button downloads. */
async function downloaded(page: Page, testid: string): Promise<Buffer> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return readFileSync((await d.path())!);
}

/** The link's filters as numbers (an empty bound: open). */
async function linkFilters(page: Page): Promise<{ metric: string; lo: number; hi: number }[]> {
  return (await viewLink(page)).searchParams.getAll('filter').map((f) => {
    const [hi, lo, ...name] = f.split(':').reverse();
    return {
      metric: name.reverse().join(':'),
      lo: lo === '' ? -Infinity : Number(lo),
      hi: hi === '' ? Infinity : Number(hi),
    };
  });
}

/** Drags along a parallel-coordinates axis between two fractions of its height (0: top). */
async function brushAxis(page: Page, name: string, from: number, to: number): Promise<void> {
  const canvas = page.getByTestId('parcoords').locator('canvas');
  // a click further down (a table row) may have scrolled the plot away
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = (await canvas.boundingBox())!;
  const axes = JSON.parse((await canvas.getAttribute('data-axes'))!) as AxisAt[];
  const top = Number(await canvas.getAttribute('data-plot-top'));
  const height = Number(await canvas.getAttribute('data-plot-height'));
  const axis = axes.find((a) => a.name === name)!;
  const before = page.url();
  await page.mouse.move(box.x + axis.x, box.y + top + from * height);
  await page.mouse.down();
  await page.mouse.move(box.x + axis.x, box.y + top + to * height, { steps: 6 });
  await page.mouse.up();
  await expect.poll(() => page.url()).not.toBe(before);
}

describe.skipIf(skipBrowser)('odc serve in headless Chromium: export, share links, the view details', () => {
  let run = '';
  let log: LogTable;
  let serve: ServeProcess;
  let flat = '';
  let serveFlat: ServeProcess;
  let browser: Browser;
  const faults: PageFaults = { foreign: [], errors: [] };

  beforeAll(async () => {
    expectChromium();
    const dir = tempDir('serve-export');
    run = await tinyRun(dir, ZDT1, ZDT1_ALGORITHM(3), { out: 'a', log: 'csv' });
    log = readLog(run);
    flat = join(dir, 'flat');
    writeDtlz2Run(flat, { evaluations: 400, objectives: 3, variables: 7, spread: 0, seed: 9 });
    [serve, serveFlat] = await Promise.all([startServe([run]), startServe([flat])]);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    await serveFlat?.stop();
  });

  it('exports the brushed rows as evaluations.csv holds them', async () => {
    const page = await openExplorer(browser, serve.url, faults);
    await brushAxis(page, 'f1', 0.3, 0.85);
    await brushAxis(page, 'x1', 0.1, 0.7);
    const filters = await linkFilters(page);
    expect(filters.map((f) => f.metric).sort()).toEqual(['f1', 'x1']);
    const kept = countKept(log, filters);
    expect(kept).toBeGreaterThan(3);
    expect(await rowCount(page)).toBe(kept);
    // the test's own filter of the file's lines: status not failed, every brushed column inside its bounds
    const lines = readFileSync(join(run, 'evaluations.csv'), 'utf8').split('\n');
    const header = lines[0]!.split(',');
    const want = lines.slice(1).filter((l) => {
      const cells = l.split(',');
      return (
        l !== '' &&
        cells[header.indexOf('status')] !== 'failed' &&
        filters.every((f) => {
          const v = Number(cells[header.indexOf(f.metric)]);
          return v >= f.lo && v <= f.hi;
        })
      );
    });
    expect(want.length).toBe(kept);
    const csv = (await downloaded(page, 'export-csv')).toString('utf8');
    expect(csv).toBe(`${[lines[0]!, ...want].join('\n')}\n`);
    await page.context().close();
  });

  it('exports the scatter and parallel coordinates as SVG holding their points and lines, and as PNG', async () => {
    // the axes on the data's range (by default they span the front), as the test's linear arithmetic places them
    const page = await openExplorer(browser, `${serve.url}?pair=x1&pair=f1&rescale=data`, faults);
    await brushAxis(page, 'f2', 0.2, 0.9);
    const filters = await linkFilters(page);
    const svg = (await downloaded(page, 'export-scatter-svg')).toString('utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const g = doc.querySelector('g[data-x]');
      const circles = (set: string): number[][] =>
        Array.from(g?.querySelectorAll(`g[data-set="${set}"] circle`) ?? [], (c) => [
          Number(c.getAttribute('cx')),
          Number(c.getAttribute('cy')),
        ]);
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        panel: g === null ? null : [g.getAttribute('data-x'), g.getAttribute('data-y')],
        box: g === null ? [] : ['left', 'top', 'size'].map((k) => Number(g.getAttribute(`data-${k}`))),
        kept: circles('kept'),
        others: circles('others').length,
      };
    }, svg);
    expect(parsed.error).toBeNull();
    expect(parsed.panel).toEqual(['x1', 'f1']);
    const [left, top, size] = parsed.box as [number, number, number];
    // the brushed designs where the test's linear arithmetic over all designs puts them
    const xs = shownValues(log, 'x1');
    const ys = shownValues(log, 'f1');
    const s = log.header.indexOf('status');
    const shown = log.rows.filter((r) => r[s] !== 'failed');
    const inside = shown.flatMap((r, k) =>
      filters.every((f) => {
        const v = Number(r[log.header.indexOf(f.metric)]);
        return v >= f.lo && v <= f.hi;
      })
        ? [[left + linear(xs[k]!, xs) * size, top + size - linear(ys[k]!, ys) * size]]
        : [],
    );
    expect(inside.length).toBe(countKept(log, filters));
    const near = (p: number[], q: number[]): boolean => Math.abs(p[0]! - q[0]!) <= 1 && Math.abs(p[1]! - q[1]!) <= 1;
    for (const p of inside)
      expect(
        parsed.kept.some((q) => near(p, q)),
        `design at ${p.join(',')}`,
      ).toBe(true);
    for (const q of parsed.kept)
      expect(
        inside.some((p) => near(p, q)),
        `circle at ${q.join(',')}`,
      ).toBe(true);
    expect(parsed.others).toBeGreaterThan(0);

    const pc = (await downloaded(page, 'export-parcoords-svg')).toString('utf8');
    const axesOnPage = JSON.parse(
      (await page.getByTestId('parcoords').locator('canvas').getAttribute('data-axes'))!,
    ) as AxisAt[];
    const lines = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        axes: Array.from(doc.querySelectorAll('g[data-axis]'), (g) => g.getAttribute('data-axis')),
        kept: Array.from(doc.querySelectorAll('g[data-set="kept"] line'), (l) => [
          Number(l.getAttribute('x1')),
          Number(l.getAttribute('x2')),
        ]),
      };
    }, pc);
    expect(lines.error).toBeNull();
    expect(lines.axes).toEqual(axesOnPage.map((a) => a.name));
    expect(lines.kept.length).toBeGreaterThan(0);
    const axisXs = axesOnPage.map((a) => a.x);
    for (const [x1, x2] of lines.kept) {
      const k = axisXs.indexOf(x1!);
      expect(k).toBeGreaterThanOrEqual(0);
      expect(x2).toBe(axisXs[k + 1]);
    }
    const png = await downloaded(page, 'export-parcoords-png');
    // the PNG signature, then IHDR's width (bytes 16–19, big-endian): the canvas's
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const width = Number(await page.getByTestId('parcoords').locator('canvas').getAttribute('width'));
    expect(png.readUInt32BE(16)).toBe(width);
    await page.context().close();
  });

  it('a link to a rescaled, brushed, coloured view with a selection is under 1,000 characters and reproduces it', async () => {
    const page = await openExplorer(browser, serve.url, faults);
    await brushAxis(page, 'f1', 0.1, 0.8);
    await brushAxis(page, 'x1', 0.2, 0.9);
    await page.getByRole('button', { name: 'rescale axes to the brushed designs' }).click();
    await page.getByTestId('colour-by').selectOption('f2');
    await page.getByRole('combobox', { name: 'scale of f2', exact: true }).selectOption('log');
    const row = page.getByTestId('design-row').nth(1);
    const index = Number(await row.getAttribute('data-index'));
    await row.click();
    await expect.poll(() => page.getByTestId('budget').getAttribute('data-index')).toBe(String(index));
    const link = await viewLink(page);
    expect(link.searchParams.get('rescale')).toBe('brushed');
    expect(link.searchParams.getAll('domain')).toEqual([]);
    expect(link.href.length).toBeLessThan(1000);
    const before = {
      rows: await rowCount(page),
      table: await page.getByTestId('design-table').textContent(),
      pixels: await canvases(page),
    };
    const again = await openExplorer(browser, link.href, faults);
    await expect.poll(() => again.getByTestId('budget').getAttribute('data-index')).toBe(String(index));
    expect(await rowCount(again)).toBe(before.rows);
    expect(await again.getByTestId('design-table').textContent()).toBe(before.table);
    expect(await canvases(again)).toEqual(before.pixels);
    expect((await viewLink(again)).href).toBe(link.href);

    // a brush after the rescale: the link writes the domains, each bound on its axis's display step
    await brushAxis(page, 'f2', 0.3, 0.6);
    const p = (await viewLink(page)).searchParams;
    expect(p.get('rescale')).toBeNull();
    const domains = p.getAll('domain');
    expect(domains.length).toBeGreaterThan(5);
    for (const d of domains) {
      const [hi, lo, ...name] = d.split(':').reverse();
      const all = shownValues(log, name.reverse().join(':'));
      const step = 10 ** (Math.floor(Math.log10(Math.max(...all) - Math.min(...all))) - 3);
      for (const b of [lo!, hi!].filter((x) => x !== '')) {
        const k = Number(b) / step;
        expect(Math.abs(k - Math.round(k)), `${d}: ${b} on steps of ${step}`).toBeLessThan(1e-6);
      }
    }
    await page.context().close();
    await again.context().close();
  });

  it('writes the link after the frame, once for the changes made meanwhile', async () => {
    const page = await openExplorer(browser, serve.url, faults);
    const start = await viewLink(page);
    // five brushes in one task: none may write the URL in it (replaceState costs the brush's frame milliseconds)
    const during = await page.evaluate(() => {
      const w = window as unknown as {
        __explorer: { urlPending: boolean; setFilter(m: string, lo: number, hi: number): number };
        __writes: number;
      };
      w.__writes = 0;
      const replace = history.replaceState.bind(history);
      history.replaceState = (...args: Parameters<History['replaceState']>) => {
        w.__writes++;
        replace(...args);
      };
      for (let k = 0; k < 5; k++) w.__explorer.setFilter('f1', 0.1 + 0.05 * k, 0.9);
      return { href: location.href, writes: w.__writes, pending: w.__explorer.urlPending };
    });
    expect(during).toEqual({ href: start.href, writes: 0, pending: true });
    const link = await viewLink(page);
    expect(await page.evaluate(() => (window as unknown as { __writes: number }).__writes)).toBe(1);
    const filters = link.searchParams.getAll('filter');
    expect(filters).toHaveLength(1);
    // the last brush's range: its low bound, rounded to the axis's display step, is above the fourth brush's 0.25
    const [metric, lo] = filters[0]!.split(':');
    expect(metric).toBe('f1');
    expect(Number(lo)).toBeGreaterThan(0.25);
    await page.context().close();
  });

  it('rings an isolated front design on the scatter', async () => {
    const page = await openExplorer(browser, `${serve.url}?pair=f1&pair=f2&rescale=data`, faults);
    const front = (
      JSON.parse(readFileSync(join(run, 'pareto.json'), 'utf8')) as { designs: { index: number }[] }
    ).designs.map((d) => d.index);
    const [panel] = JSON.parse((await page.getByTestId('scatter').locator('canvas').getAttribute('data-panels'))!) as {
      left: number;
      top: number;
      size: number;
    }[];
    const s = log.header.indexOf('status');
    const shown = log.rows.filter((r) => r[s] !== 'failed');
    const [f1, f2] = [shownValues(log, 'f1'), shownValues(log, 'f2')];
    const at = shown.map((_, k) => [
      Math.round(linear(f1[k]!, f1) * panel!.size),
      Math.round(linear(f2[k]!, f2) * panel!.size),
    ]);
    // a front design no other design comes within 4 pixels of: its ring (2 pixels left of it) is the background's
    const lone = shown
      .map((r, k) => ({ index: Number(r[0]), k }))
      .filter(
        ({ index, k }) =>
          front.includes(index) &&
          at[k]![0]! >= 3 &&
          at.every((o, j) => j === k || Math.max(Math.abs(o[0]! - at[k]![0]!), Math.abs(o[1]! - at[k]![1]!)) > 4),
      );
    expect(lone.length).toBeGreaterThan(0);
    for (const { k } of lone) {
      const [x, y] = [panel!.left + at[k]![0]! - 2, panel!.top + panel!.size - at[k]![1]!];
      const rgb = await page.evaluate(
        ([x, y]) =>
          Array.from(
            document
              .querySelector<HTMLCanvasElement>('[data-testid="scatter"] canvas')!
              .getContext('2d')!
              .getImageData(x!, y!, 1, 1)
              .data.slice(0, 3),
          ),
        [x, y],
      );
      expect(rgb).toEqual([0x1d, 0x23, 0x30]);
    }
    await page.context().close();
  });

  it('hides constant columns with a note, explains the front, slices the view, names no path', async () => {
    const page = await openExplorer(browser, `${serveFlat.url}?filter=f1:0:0.5`, faults);
    const constant = ['x3', 'x4', 'x5', 'x6', 'x7'];
    const note = (await page.getByTestId('constant-note').textContent())!;
    for (const n of constant) expect(note).toContain(`${n} = 0.5`);
    const axes = JSON.parse(
      (await page.getByTestId('parcoords').locator('canvas').getAttribute('data-axes'))!,
    ) as AxisAt[];
    expect(axes.map((a) => a.name)).toEqual(['f1', 'f2', 'f3', 'x1', 'x2']);
    expect((await viewLink(page)).searchParams.getAll('axis')).toEqual([]);
    expect(await page.getByTestId('front-count').getAttribute('title')).toMatch(/pareto\.json's reported front/);
    // the full name of an axis on hover over its labels
    const canvas = page.getByTestId('parcoords').locator('canvas');
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + axes[3]!.x, box.y + 20);
    await expect.poll(() => canvas.getAttribute('title')).toMatch(/^x1 \(/);
    // slices: only the designs the brush keeps
    const kept = countKept(readLog(flat), [{ metric: 'f1', lo: 0, hi: 0.5 }]);
    expect(await rowCount(page)).toBe(kept);
    await page.getByText('Optimization history, parameter importance and slice plots').click();
    await expect.poll(() => page.getByTestId('slice').count(), { timeout: 30_000 }).toBe(7);
    const shownPerSlice = await page
      .getByTestId('slice')
      .evaluateAll((figs) => figs.map((f) => Number((f as HTMLElement).dataset['shown'])));
    expect(shownPerSlice).toEqual(Array(7).fill(kept));
    const imp = page.locator('[data-testid=importance][data-objective="f1"] li');
    await expect.poll(() => imp.count(), { timeout: 30_000 }).toBe(7);
    const relative = await imp.evaluateAll((lis) => lis.map((li) => Number((li as HTMLElement).dataset['relative'])));
    expect(relative.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    // a design's panel with its note box open: no machine path anywhere in the page
    await page.getByTestId('design-row').first().click();
    await expect.poll(() => page.locator('#note').count()).toBe(1);
    expect(await page.content()).not.toContain(flat);
    expect(faults.errors).toEqual([]);
    expect(faults.foreign).toEqual([]);
    await page.context().close();
  });
});
