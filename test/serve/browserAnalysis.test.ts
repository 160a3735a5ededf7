/**
 * The explorer's analysis panel in headless Chromium, on a DTLZ2 run written by the test (syntheticRun.ts) in which
 * only the position variables x1 and x2 move the objectives (the distance variables x3..x7 stay within 0.5 ± 0.005,
 * so g = Σ (x_i − 0.5)² ≤ 1.3e-4): f1 = (1 + g) cos(x1 π/2) cos(x2 π/2) and f2 = (1 + g) cos(x1 π/2) sin(x2 π/2)
 * depend on both, f3 = (1 + g) sin(x1 π/2) on x1 alone (Deb, Thiele, Laumanns, Zitzler 2002). Opened, the panel lists
 * x1 and x2 first and second for f1 and f2 and x1 first for f3; each objective's best so far ends at the lowest value
 * the test wrote; a slice plot per variable; the page reports no error. Degenerate runs (no evaluation yet, no
 * feasible design beside a run with one) load as sentences, never a page error or "Infinity".
 */
import { type Browser } from 'playwright-core';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../report/helpers.js';
import { launchChromium } from '../helpers/chromium.js';
import { announceBrowserSkip, skipBrowser } from '../helpers/browserTests.js';
import { openExplorer, startServe, type PageFaults, type ServeProcess } from './helpers.js';
import { writeDtlz2Folder, writeDtlz2Run } from './syntheticRun.js';

announceBrowserSkip('explorer analysis browser test');

describe.skipIf(skipBrowser)('the explorer analysis panel in headless Chromium', () => {
  let serve: ServeProcess;
  let browser: Browser;
  let objectives: number[][];
  const faults: PageFaults = { foreign: [], errors: [] };

  beforeAll(async () => {
    const dir = join(tempDir('serve-analysis'), 'run');
    objectives = writeDtlz2Run(dir, { evaluations: 1500, objectives: 3, variables: 7, spread: 0.01, seed: 5 });
    serve = await startServe([dir]);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
  });

  it('ranks the two variables that matter first, draws the history and a slice per variable', async () => {
    const page = await openExplorer(browser, serve.url, faults);
    await page.getByText('Optimization history, parameter importance and slice plots').click();
    const list = (objective: string) => page.locator(`[data-testid=importance][data-objective="${objective}"] li`);
    await expect.poll(() => list('f1').count(), { timeout: 30_000 }).toBe(7);
    const ranked = async (objective: string): Promise<string[]> =>
      list(objective).evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset['variable']!));
    expect((await ranked('f1')).slice(0, 2).sort()).toEqual(['x1', 'x2']);
    expect((await ranked('f2')).slice(0, 2).sort()).toEqual(['x1', 'x2']);
    expect((await ranked('f3'))[0]).toBe('x1');

    // every design is feasible: the best so far of f_j after the last evaluation is the lowest f_j written
    for (const j of [0, 1, 2]) {
      const plot = page.locator(`[data-testid=history-plot][data-series="f${j + 1}"]`);
      const last = Number(await plot.getAttribute('data-last'));
      expect(last).toBe(Math.min(...objectives.map((f) => f[j]!)));
    }
    const hv = Number(
      await page.locator('[data-testid=history-plot][data-series="hypervolume"]').getAttribute('data-last'),
    );
    // points on or near the unit sphere's positive octant, normalized on their own front: a positive share of 1.1³
    expect(hv).toBeGreaterThan(0);
    expect(hv).toBeLessThan(1.1 ** 3);
    expect(await page.getByTestId('slice').count()).toBe(7);
    expect(faults.errors).toEqual([]);
    expect(faults.foreign).toEqual([]);
  });
});

describe.skipIf(skipBrowser)('the explorer on degenerate runs in headless Chromium', () => {
  let serve: ServeProcess;
  let serveEmpty: ServeProcess;
  let serveOne: ServeProcess;
  let browser: Browser;
  const faults: PageFaults = { foreign: [], errors: [] };
  const header = ['eval', 'generation', 'status', 'x1', 'x2', 'f1', 'f2', 'violation', 'reason'].join(',');
  const folder = (dir: string, lines: string[]): string => {
    writeDtlz2Folder(dir, {
      name: 'degenerate',
      variables: ['x1', 'x2'],
      objectives: ['f1', 'f2'],
      perGeneration: 10,
      lines: [header, ...lines],
      designs: [],
    });
    return dir;
  };

  beforeAll(async () => {
    const root = tempDir('serve-degenerate');
    const good = join(root, 'good');
    writeDtlz2Run(good, { evaluations: 60, objectives: 2, variables: 2, spread: 0.01, seed: 3 });
    // every design violates a constraint: an empty front, whose IGD+ is unbounded (sent as null)
    const infeasible = folder(
      join(root, 'infeasible'),
      Array.from({ length: 20 }, (_, e) =>
        [e, 0, 'infeasible', 0.1 * (e % 10), 0.5, 1 + e, 2 - e / 20, 0.3, ''].join(','),
      ),
    );
    const empty = folder(join(root, 'empty'), []);
    serve = await startServe([good, infeasible, empty]);
    serveEmpty = await startServe([empty]);
    // one feasible evaluation: every column is constant
    serveOne = await startServe([
      folder(join(root, 'one'), [[0, 0, 'feasible', 0.25, 0.5, 1.5, 0.75, 0, ''].join(',')]),
    ]);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    await serveEmpty?.stop();
    await serveOne?.stop();
  });

  it('a run of one evaluation: every slice says its column is constant', async () => {
    const page = await openExplorer(browser, serveOne.url, faults);
    await page.getByText('Optimization history, parameter importance and slice plots').click();
    await expect.poll(() => page.getByTestId('slice').count(), { timeout: 30_000 }).toBe(2);
    const captions = await page.locator('[data-testid=slice] figcaption').allTextContents();
    expect(captions).toEqual([
      'x1 [-]: constant 0.25; f1 [-] constant 1.5; shown 1 of 1 designs',
      'x2 [-]: constant 0.5; f1 [-] constant 1.5; shown 1 of 1 designs',
    ]);
    expect((await page.getByTestId('analysis').textContent()) ?? '').not.toMatch(/Infinity|NaN/);
    expect(faults.errors).toEqual([]);
  });

  it('a run with no evaluation yet: the slice plots are a sentence', async () => {
    const page = await openExplorer(browser, serveEmpty.url, faults);
    await page.getByText('Optimization history, parameter importance and slice plots').click();
    await expect
      .poll(() => page.getByTestId('analysis').textContent(), { timeout: 30_000 })
      .toContain('No evaluations yet: the slice plots are drawn when the run has evaluated designs.');
    expect((await page.getByTestId('analysis').textContent()) ?? '').not.toMatch(/Infinity|NaN/);
    expect(faults.errors).toEqual([]);
  });

  it('draws the legend of every run, says n/a for the empty front, and the analysis panel never reads Infinity', async () => {
    const page = await openExplorer(browser, serve.url, faults);
    await expect.poll(() => page.locator('.run-chip').count(), { timeout: 30_000 }).toBe(3);
    await expect
      .poll(() => page.locator('#runs').textContent(), { timeout: 30_000 })
      .toMatch(/IGD\+ n\/a \(no feasible design\)/);
    await page.getByText('Optimization history, parameter importance and slice plots').click();
    await expect.poll(() => page.getByTestId('slice').count(), { timeout: 30_000 }).toBe(2);
    const panel = (await page.getByTestId('analysis').textContent()) ?? '';
    expect(panel).not.toMatch(/Infinity|NaN/);
    expect(faults.errors).toEqual([]);
  });
});
