/**
 * A colour column changed after brushes, in headless Chromium, on a DTLZ2 run of 220,000 evaluations: enough designs
 * that the scatter counts its points per pixel and colour (BINNED_POINTS_FROM), so each change reuses the views'
 * counts, frames and working arrays (src/serve/app/maskCounts.ts MaskCounts.adopt). After every step (a brush, a colour
 * column, a second brush, the runs' colour and back to a column), the scatter's pixels are the ones the test's own
 * count gives (each kept design's pixel and viridis step worked out from evaluations.csv, a pixel in the colour most
 * of its designs have), the row count is the test's, and every canvas equals a fresh page's opened on the same link
 * (whose views count from scratch); so must the frames a column chosen with every design kept puts when the page made
 * them ahead and let their counts go (no room for counts), and the brushes after it. Skipped without Chromium as
 * test/serve/browser.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../report/helpers.js';
import { launchChromium } from '../helpers/chromium.js';
import { expectChromium, skipBrowser } from '../helpers/browserTests.js';
import { canvases, exactFrame, openExplorer, readLog, rowCount, startServe, viewLink, VIRIDIS8 } from './helpers.js';
import type { PageFaults, PanelAt, ServeProcess } from './helpers.js';
import { writeDtlz2Run } from './syntheticRun.js';

const N = 220_000;
const hexRgb = (h: string): number[] => [1, 3, 5].map((k) => parseInt(h.slice(k, k + 2), 16));

interface Brush {
  metric: string;
  lo: number;
  hi: number;
}

describe.skipIf(skipBrowser)('odc serve in headless Chromium: colour changes at 220,000 designs', () => {
  let run = '';
  let front: number[] = [];
  let serve: ServeProcess;
  let browser: Browser;
  const faults: PageFaults = { foreign: [], errors: [] };
  const values = new Map<string, Float64Array>();

  beforeAll(async () => {
    expectChromium();
    run = join(tempDir('serve-colour'), 'run');
    writeDtlz2Run(run, { evaluations: N, objectives: 3, variables: 3, spread: 1, seed: 11 });
    const log = readLog(run);
    for (const name of ['x1', 'x2', 'x3', 'f1', 'f2', 'f3']) {
      const k = log.header.indexOf(name);
      values.set(
        name,
        Float64Array.from(log.rows, (r) => Number(r[k])),
      );
    }
    const pareto = JSON.parse(readFileSync(join(run, 'pareto.json'), 'utf8')) as { designs: { index: number }[] };
    front = pareto.designs.map((d) => d.index);
    serve = await startServe([run]);
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
  });

  const column = (name: string): Float64Array => values.get(name)!;
  const span = (v: Float64Array): [number, number] => {
    let [lo, hi] = [Infinity, -Infinity];
    for (const x of v) [lo, hi] = [Math.min(lo, x), Math.max(hi, x)];
    return [lo, hi];
  };

  /** The designs the brushes keep (bounds inclusive), by hand. */
  const keptOf = (brushes: readonly Brush[]): Uint8Array => {
    const kept = new Uint8Array(N).fill(1);
    for (const b of brushes) {
      const v = column(b.metric);
      for (let i = 0; i < N; i++) if (v[i]! < b.lo || v[i]! > b.hi) kept[i] = 0;
    }
    return kept;
  };

  /**
   * The scatter's pixels against the test's count: per panel, each kept design's pixel on the data's linear span
   * (rows from the bottom), the colour most of a pixel's designs have (viridis step of `by` over its span; the later
   * step among equals); a pixel no kept design reaches shows the background (white, or the grey of all designs).
   * The kept front designs' larger points and rings are left out. Returns how many coloured pixels were compared.
   */
  async function scatterMatches(page: Page, kept: Uint8Array, by: string): Promise<number> {
    await exactFrame(page);
    const canvas = page.getByTestId('scatter').locator('canvas');
    const panels = JSON.parse((await canvas.getAttribute('data-panels'))!) as PanelAt[];
    // the pixels' bytes as base64: a list of millions of numbers would take the test's process a gigabyte of heap
    const { width, base64 } = await page.evaluate(() => {
      const c = document.querySelector<HTMLCanvasElement>('[data-testid="scatter"] canvas')!;
      const bytes = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let text = '';
      for (let k = 0; k < bytes.length; k += 0x8000) text += String.fromCharCode(...bytes.subarray(k, k + 0x8000));
      return { width: c.width, base64: btoa(text) };
    });
    const data = Buffer.from(base64, 'base64');
    const colourOf = column(by);
    const [clo, chi] = span(colourOf);
    const step = (v: number): number => Math.min(7, Math.floor(((v - clo) / (chi - clo)) * 8));
    let compared = 0;
    const wrong: string[] = [];
    for (const p of panels) {
      const c = p.size;
      const side = c + 1;
      const [X, Y] = [column(p.x), column(p.y)];
      const [[xlo, xhi], [ylo, yhi]] = [span(X), span(Y)];
      const px = (v: number, lo: number, hi: number): number => Math.round(((v - lo) / (hi - lo)) * c);
      const counts = new Uint32Array(side * side * 8);
      for (let i = 0; i < N; i++)
        if (kept[i] === 1) counts[(px(Y[i]!, ylo, yhi) * side + px(X[i]!, xlo, xhi)) * 8 + step(colourOf[i]!)]! += 1;
      const skip = new Set<number>();
      for (const i of front) {
        if (kept[i] !== 1) continue;
        const [x, y] = [px(X[i]!, xlo, xhi), px(Y[i]!, ylo, yhi)];
        for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) skip.add((y + dy) * side + x + dx);
      }
      for (let y = 0; y <= c; y++)
        for (let x = 0; x <= c; x++) {
          if (skip.has(y * side + x)) continue;
          let [best, most] = [-1, 0];
          for (let s = 0; s < 8; s++) {
            const n = counts[(y * side + x) * 8 + s]!;
            if (n > 0 && n >= most) [best, most] = [s, n];
          }
          const at = ((p.top + c - y) * width + p.left + x) * 4;
          const rgb = [data[at]!, data[at + 1]!, data[at + 2]!];
          // no kept design: the background, white or the grey of all designs
          const allowed =
            best < 0
              ? [
                  [255, 255, 255],
                  [200, 200, 200],
                ]
              : [hexRgb(VIRIDIS8[best]!)];
          if (!allowed.some((a) => a.every((v, k) => v === rgb[k])))
            wrong.push(
              `${p.x}/${p.y} pixel (${x}, ${y}): ${rgb.join(',')}, expected ${allowed.map(String).join(' or ')}`,
            );
          else if (best >= 0) compared++;
        }
    }
    expect(wrong.slice(0, 20), `${wrong.length} pixels differ`).toEqual([]);
    return compared;
  }

  const brush = (page: Page, b: Brush): Promise<unknown> =>
    page.evaluate(
      ([m, lo, hi]) =>
        (
          window as unknown as { __explorer: { setFilter(m: string, lo: number, hi: number): number } }
        ).__explorer.setFilter(m as string, lo as number, hi as number),
      [b.metric, b.lo, b.hi] as const,
    );
  const colourBy = (page: Page, name: string): Promise<string[]> => page.locator('#colour-by').selectOption(name);

  /** Every canvas of `page` equals a fresh page's on the same link, whose views count from scratch. */
  async function sameAsFresh(page: Page): Promise<void> {
    const fresh = await openExplorer(browser, (await viewLink(page)).href, faults);
    expect(await canvases(fresh)).toEqual(await canvases(page));
    await fresh.close();
  }

  it('after brushes and colour changes draws the count by hand and the pixels of a fresh page', async () => {
    const page = await openExplorer(browser, `${serve.url}?rescale=data`, faults);
    const brushes: Brush[] = [{ metric: 'x3', lo: 0.8, hi: 1 }];
    // far from x3 = 0.5, few front designs are kept: their larger points cover little of the panels
    await brush(page, brushes[0]!);
    const check = async (by: string): Promise<void> => {
      const kept = keptOf(brushes);
      expect(await rowCount(page)).toBe(kept.reduce((s, k) => s + k, 0));
      expect(await scatterMatches(page, kept, by)).toBeGreaterThan(5000);
      await sameAsFresh(page);
    };
    await colourBy(page, 'f2');
    await check('f2');
    // a second colour column over the same brushes
    await colourBy(page, 'f3');
    await check('f3');
    // a brush after it: the colour's counts updated for the designs it lets in or out
    brushes.push({ metric: 'x1', lo: 0.1, hi: 0.6 });
    await brush(page, brushes[1]!);
    await check('f3');
    // the runs' colour (one colour: started from the grey counts of all designs), then a column again
    await colourBy(page, '');
    await exactFrame(page);
    await sameAsFresh(page);
    await colourBy(page, 'f2');
    await check('f2');
    await page.close();
  }, 600_000);

  /**
   * A page once its idle work after the load has ended (the colour columns' colourings counted in both views: main.ts
   * countsAhead), and how many views the last layout started from what was made ahead.
   */
  async function idlePage(initScript?: string): Promise<{ page: Page; aheadViews: () => Promise<number> }> {
    const page = await openExplorer(browser, `${serve.url}?rescale=data`, faults, {}, initScript);
    await page.waitForFunction(
      () => (window as unknown as { __explorer: { steps: Record<string, number> } }).__explorer.steps['counted'],
      undefined,
      { timeout: 120_000 },
    );
    const aheadViews = (): Promise<number> =>
      page.evaluate(() => (window as unknown as { __explorer: { aheadViews: number } }).__explorer.aheadViews);
    return { page, aheadViews };
  }

  it('a column chosen with every design kept starts from the counts made while idle, and draws as a fresh page', async () => {
    const { page, aheadViews } = await idlePage();
    const all = new Uint8Array(N).fill(1);
    await colourBy(page, 'f2');
    expect(await aheadViews()).toBe(2);
    expect(await scatterMatches(page, all, 'f2')).toBeGreaterThan(5000);
    await sameAsFresh(page);
    // a brush after it: the counts it started from updated for the designs the brush leaves out
    const brushes: Brush[] = [{ metric: 'x3', lo: 0.8, hi: 1 }];
    await brush(page, brushes[0]!);
    expect(await scatterMatches(page, keptOf(brushes), 'f2')).toBeGreaterThan(5000);
    await sameAsFresh(page);
    // a column chosen with the brush set: from the counts made ahead when most designs are kept, here counted afresh
    await colourBy(page, 'f1');
    expect(await scatterMatches(page, keptOf(brushes), 'f1')).toBeGreaterThan(5000);
    await sameAsFresh(page);
    await page.close();
  }, 600_000);

  it('with the counts let go (the frames alone made ahead) puts the frames, then counts as a fresh page', async () => {
    // no room for counts (maskCounts.ts aheadBudget): each column's counts made, drawn and let go while idle
    const { page, aheadViews } = await idlePage('window.odcAhead = { countBytes: 0 }');
    /** Until the page's idle steps have counted the designs of the frames it shows (idle.ts countShown). */
    const counted = (): Promise<unknown> =>
      page.waitForFunction(
        () => !(window as unknown as { __explorer: { countingShown: boolean } }).__explorer.countingShown,
        undefined,
        { timeout: 120_000, polling: 50 },
      );
    const all = new Uint8Array(N).fill(1);
    const brushes: Brush[] = [{ metric: 'x3', lo: 0.8, hi: 1 }];
    // every design kept: both views put the frames drawn ahead; a brush right after counts the kept designs afresh
    await colourBy(page, 'x1');
    expect(await aheadViews()).toBe(2);
    expect(await scatterMatches(page, all, 'x1')).toBeGreaterThan(5000);
    await sameAsFresh(page);
    await brush(page, brushes[0]!);
    expect(await scatterMatches(page, keptOf(brushes), 'x1')).toBeGreaterThan(5000);
    await sameAsFresh(page);
    // a brush once the counts are made while idle: its flips counted over them
    await page.locator('#reset').click();
    await colourBy(page, 'f2');
    expect(await aheadViews()).toBe(2);
    await counted();
    await brush(page, brushes[0]!);
    expect(await scatterMatches(page, keptOf(brushes), 'f2')).toBeGreaterThan(5000);
    await sameAsFresh(page);
    await page.close();
  }, 600_000);

  it('no request left the loopback interface and the pages had no errors', () => {
    expect(faults.foreign).toEqual([]);
    expect(faults.errors).toEqual([]);
  });
});
