/**
 * Colour columns chosen from what the page made while idle (src/serve/app/idle.ts countsAhead), in headless Chromium,
 * on runs whose scatter draws each design's point (below BINNED_POINTS_FROM): 30,000 designs of 3 objectives (a matrix
 * of panels) and 3,000 of 2 (one pair panel, 2 × 2 points), and 300 of 3 all on the front (every design's line drawn
 * exact over the binned ones, in a layer of its own: parcoords.ts frontLines, drawn ahead with the counts ahead and
 * again after each brush: a front line left out or in another colour in either differs from the fresh page's, which
 * draws them from scratch; so must a column chosen again, whose lines the page kept). With every design kept, a column
 * the idle work has made (an objective's or a variable's) puts the frames drawn ahead (both views: `aheadViews` 2)
 * instead of drawing them; every canvas
 * must then equal a fresh page's opened on the same link, whose views draw from scratch, so a frame drawn ahead that
 * differs from a fresh drawing fails. So must the frames after a brush, a column chosen with the brush set (the views
 * start from what was made ahead, the scatter draws afresh) and the brush cleared; and, with no room for counts (the
 * frames alone kept ahead: maskCounts.ts aheadBudget), the frames a column puts and a brush after it. Skipped without
 * Chromium as test/serve/browser.test.ts.
 */
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../report/helpers.js';
import { launchChromium } from '../helpers/chromium.js';
import { expectChromium, skipBrowser } from '../helpers/browserTests.js';
import { canvases, openExplorer, rowCount, startServe, viewLink } from './helpers.js';
import type { PageFaults, ServeProcess } from './helpers.js';
import { writeDtlz2Run } from './syntheticRun.js';

const RUNS = [
  { evaluations: 30_000, objectives: 3, spread: 1 },
  { evaluations: 3_000, objectives: 2, spread: 1 },
  { evaluations: 300, objectives: 3, spread: 0 },
];

describe.skipIf(skipBrowser)('odc serve in headless Chromium: colour columns drawn ahead while idle', () => {
  const serves: ServeProcess[] = [];
  let browser: Browser;
  const faults: PageFaults = { foreign: [], errors: [] };

  beforeAll(async () => {
    expectChromium();
    const root = tempDir('serve-colour-ahead');
    for (const [k, r] of RUNS.entries()) {
      const run = join(root, `run-${k}`);
      writeDtlz2Run(run, { ...r, variables: 3, seed: 5 + k });
      serves.push(await startServe([run]));
    }
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    for (const s of serves) await s.stop();
  });

  async function sameAsFresh(page: Page): Promise<void> {
    const fresh = await openExplorer(browser, (await viewLink(page)).href, faults);
    expect(await canvases(fresh)).toEqual(await canvases(page));
    await fresh.close();
  }

  const aheadViews = (page: Page): Promise<number> =>
    page.evaluate(() => (window as unknown as { __explorer: { aheadViews: number } }).__explorer.aheadViews);
  const colourBy = (page: Page, name: string): Promise<string[]> => page.locator('#colour-by').selectOption(name);
  const setFilter = (page: Page, metric: string, lo: number, hi: number): Promise<unknown> =>
    page.evaluate(
      ([m, a, b]) =>
        (
          window as unknown as { __explorer: { setFilter(m: string, lo: number, hi: number): number } }
        ).__explorer.setFilter(m as string, a as number, b as number),
      [metric, lo, hi] as const,
    );

  for (const [k, r] of RUNS.entries())
    it(`at ${r.evaluations.toLocaleString('en-US')} designs draws the frames made ahead as a fresh page`, async () => {
      const page = await openExplorer(browser, `${serves[k]!.url}?rescale=data`, faults);
      await page.waitForFunction(
        () => (window as unknown as { __explorer: { steps: Record<string, number> } }).__explorer.steps['counted'],
        undefined,
        { timeout: 120_000 },
      );
      // every colour column is made ahead, the objectives first: a variable's colouring as an objective's
      for (const column of ['f2', 'f1', 'x2']) {
        await colourBy(page, column);
        expect(await aheadViews(page)).toBe(2);
        await sameAsFresh(page);
      }
      // the runs' colour (one colour: the background's lines), then a column chosen again after another, its front
      // lines as kept (allKept)
      for (const column of ['x1', '', 'x1']) await colourBy(page, column);
      await sameAsFresh(page);
      await setFilter(page, 'x1', 0.2, 0.7);
      expect(await rowCount(page)).toBeLessThan(r.evaluations);
      await sameAsFresh(page);
      // with the brush set: both views start from what was made ahead, the scatter's points drawn afresh
      await colourBy(page, 'f2');
      expect(await aheadViews(page)).toBe(2);
      await sameAsFresh(page);
      await page.locator('#reset').click();
      expect(await rowCount(page)).toBe(r.evaluations);
      await sameAsFresh(page);
      await page.close();
    }, 300_000);

  for (const [k, r] of RUNS.entries())
    it(`at ${r.evaluations.toLocaleString('en-US')} designs puts the frames kept without their counts`, async () => {
      // no room for counts (src/serve/app/maskCounts.ts aheadBudget): each column's frames kept alone
      const page = await openExplorer(
        browser,
        `${serves[k]!.url}?rescale=data`,
        faults,
        {},
        'window.odcAhead = { countBytes: 0 }',
      );
      await page.waitForFunction(
        () => (window as unknown as { __explorer: { steps: Record<string, number> } }).__explorer.steps['counted'],
        undefined,
        { timeout: 120_000 },
      );
      for (const column of ['f2', 'x2']) {
        await colourBy(page, column);
        expect(await aheadViews(page)).toBe(2);
        await sameAsFresh(page);
      }
      // a brush over the counts made again while idle (or afresh, before they are)
      await setFilter(page, 'x1', 0.2, 0.7);
      await sameAsFresh(page);
      await page.close();
    }, 300_000);

  it('no request left the loopback interface and the pages had no errors', () => {
    expect(faults.foreign).toEqual([]);
    expect(faults.errors).toEqual([]);
  });
});
