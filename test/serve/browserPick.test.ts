/**
 * The explorer's decision picks in headless Chromium (src/serve/app/pickPanel.ts over src/run/decision/picks.ts), on
 * a run written here whose front is three designs, both objectives minimized: A = (1, 4), B = (2, 2), C = (4, 1), with
 * two dominated designs beside them. Expectations are hand calculations (Hwang & Yoon 1981 TOPSIS; Ehrgott 2005 §5.1
 * lexicographic order):
 * - TOPSIS, equal weights: each column's norm is √(1 + 4 + 16) = √21, so with u = 0.5/√21 the weighted designs are
 *   A (u, 4u), B (2u, 2u), C (4u, u), ideal (u, u), anti-ideal (4u, 4u): closeness A 3/(3 + 3) = 0.5,
 *   B √8/(√2 + √8) = 2/3, C 0.5 → B.
 * - TOPSIS, weights 9 : 1 (0.9, 0.1), v = w·x/√21 in units of 1/√21: A (0.9, 0.4), B (1.8, 0.2), C (3.6, 0.1), ideal
 *   (0.9, 0.1), anti (3.6, 0.4): A 2.7/(0.3 + 2.7) = 0.9, B √3.28/(√0.82 + √3.28) = 2/3, C 0.3/(2.7 + 0.3) = 0.1 → A.
 * - Lexicographic f1 then f2 → A (lowest f1); f2 then f1 → C; f2 then f1 with a tolerance of 40 % of f2's range over
 *   the front (3): f2 ≤ 1 + 1.2 keeps B and C, the lower f1 of them → B.
 * The pick is named with its parameters, selected (budget panel), and rides in the share link.
 * Skipped without Chromium as the other browser tests.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../report/helpers.js';
import { launchChromium } from '../helpers/chromium.js';
import { announceBrowserSkip, expectChromium, skipBrowser } from '../helpers/browserTests.js';
import { openExplorer, startServe, viewLink, type PageFaults, type ServeProcess } from './helpers.js';
import { writeDtlz2Folder } from './syntheticRun.js';

announceBrowserSkip('odc serve decision picks browser test');

/** Evaluation index → objectives; 0–2 the front (A, B, C), 3–4 dominated. */
const DESIGNS: readonly [number, number][] = [
  [1, 4],
  [2, 2],
  [4, 1],
  [5, 5],
  [3, 3],
];
const FRONT = [0, 1, 2];

/** TOPSIS closeness of the front's designs, written out from the definition for this test (not the app's code). */
function closeness(w: readonly [number, number]): number[] {
  const F = FRONT.map((i) => DESIGNS[i]!);
  const norm = [0, 1].map((j) => Math.sqrt(F.reduce((s, f) => s + f[j]! ** 2, 0)));
  const sum = w[0] + w[1];
  const V = F.map((f) => [0, 1].map((j) => ((w[j]! / sum) * f[j]!) / norm[j]!));
  const ideal = [0, 1].map((j) => Math.min(...V.map((v) => v[j]!)));
  const anti = [0, 1].map((j) => Math.max(...V.map((v) => v[j]!)));
  return V.map((v) => {
    const plus = Math.hypot(v[0]! - ideal[0]!, v[1]! - ideal[1]!);
    const minus = Math.hypot(v[0]! - anti[0]!, v[1]! - anti[1]!);
    return minus / (plus + minus);
  });
}

describe.skipIf(skipBrowser)('decision picks in the explorer', () => {
  let serve: ServeProcess;
  let browser: Browser;
  const faults: PageFaults = { foreign: [], errors: [] };

  beforeAll(async () => {
    expectChromium();
    const dir = tempDir('serve-pick');
    writeDtlz2Folder(dir, {
      name: 'three-design-front',
      variables: ['x1', 'x2'],
      objectives: ['f1', 'f2'],
      perGeneration: 5,
      lines: [
        'eval,generation,status,x1,x2,f1,f2,violation,reason',
        ...DESIGNS.map(([f1, f2], i) => `${i},0,feasible,${i / 10},0.5,${f1},${f2},0,`),
      ],
      designs: FRONT.map((i) => ({
        index: i,
        variables: { x1: i / 10, x2: 0.5 },
        objectives: { f1: DESIGNS[i]![0], f2: DESIGNS[i]![1] },
        constraints: {},
        record: null,
      })),
    });
    serve = await startServe([dir]);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
  });

  /** The design the pick names, the text naming it, and the selected design's index once the budget shows it. */
  async function picked(page: Page, index: number): Promise<string> {
    const result = page.getByTestId('pick-result');
    await expect.poll(() => result.getAttribute('data-index')).toBe(String(index));
    await expect.poll(() => page.getByTestId('budget').getAttribute('data-index')).toBe(String(index));
    return (await result.textContent())!;
  }

  it('the hand calculation: closeness and order as the header works them out', () => {
    const eq = closeness([1, 1]);
    expect(eq[0]).toBeCloseTo(0.5, 12);
    expect(eq[1]).toBeCloseTo(2 / 3, 12);
    expect(eq[2]).toBeCloseTo(0.5, 12);
    const skew = closeness([9, 1]);
    expect(skew[0]).toBeCloseTo(0.9, 12);
    expect(skew[1]).toBeCloseTo(2 / 3, 12);
    expect(skew[2]).toBeCloseTo(0.1, 12);
  });

  it('TOPSIS picks B at equal weights and A at 9 : 1, named with its weights', async () => {
    const page = await openExplorer(browser, serve.url, faults);
    await page.getByTestId('pick-method').selectOption('topsis');
    expect(await picked(page, 1)).toBe('TOPSIS (weights f1 0.5, f2 0.5): run 0 design 1 · f1 2 · f2 2');
    // beside the pick: it applies none of the run's select: screens, and the header has the run's answer
    expect(await page.getByTestId('pick-screens').textContent()).toContain("the run's select: screens");
    await page.getByLabel('weight f1').fill('9');
    expect(await picked(page, 0)).toBe('TOPSIS (weights f1 0.9, f2 0.1): run 0 design 0 · f1 1 · f2 4');
    expect((await viewLink(page)).href).toContain('pick=topsis&weight=f1:9&weight=f2:1');
    // the picked design is the selected one: its row is highlighted in the table
    await page.getByRole('button', { name: 'front', exact: true }).click();
    expect(await page.locator('[data-testid="design-row"].selected').getAttribute('data-index')).toBe('0');
    // a link with the pick and no design selects what the pick picks
    const link = await viewLink(page);
    link.searchParams.delete('design');
    const fresh = await openExplorer(browser, link.toString(), faults);
    expect(await picked(fresh, 0)).toMatch(/^TOPSIS \(weights f1 0\.9, f2 0\.1\)/);
    expect(await fresh.getByLabel('weight f1').inputValue()).toBe('9');
    expect(faults.errors).toEqual([]);
    expect(faults.foreign).toEqual([]);
  });

  it('a link with weights whose sum overflows picks as at equal weights; values a study refuses are named, not used', async () => {
    const page = await openExplorer(browser, `${serve.url}?pick=topsis&weight=f1:1e308&weight=f2:1e308`, faults);
    expect(await picked(page, 1)).toBe('TOPSIS (weights f1 0.5, f2 0.5): run 0 design 1 · f1 2 · f2 2');
    for (const [query, named] of [
      ['pick=topsis&weight=f1:Infinity&weight=f2:1', 'weight "f1:Infinity": must be a weight of 0 or more'],
      ['pick=lexicographic&order=f2&order=f1&tolerance=Infinity', 'tolerance "Infinity": must be from 0 to 0.5'],
      ['pick=lexicographic&order=f2&order=f1&tolerance=5', 'tolerance "5": must be from 0 to 0.5'],
    ] as const) {
      const p = await openExplorer(browser, `${serve.url}?${query}`, faults);
      await expect.poll(() => p.locator('#messages').textContent()).toContain(named);
      // the refused value is left out: f1 weighs its default 1 (B, equal weights), the tolerance 0 (C, f2 first)
      expect(await picked(p, query.startsWith('pick=topsis') ? 1 : 2)).not.toMatch(/NaN|Infinity|500 %/);
      expect(await p.locator('body').innerText()).not.toMatch(/NaN|500 % of range/);
    }
    expect(faults.errors).toEqual([]);
    expect(faults.foreign).toEqual([]);
  });

  it('lexicographic: f1 first picks A, f2 first C, f2 first within 40 % of its range B; the link keeps it', async () => {
    const page = await openExplorer(browser, serve.url, faults);
    await page.getByTestId('pick-method').selectOption('lexicographic');
    expect(await picked(page, 0)).toBe('lexicographic (order f1, f2): run 0 design 0 · f1 1 · f2 4');
    await page.getByRole('button', { name: 'move f2 up' }).click();
    expect(await picked(page, 2)).toBe('lexicographic (order f2, f1): run 0 design 2 · f1 4 · f2 1');
    await page.getByLabel('tolerance').fill('40');
    expect(await picked(page, 1)).toBe(
      'lexicographic (order f2, f1; tolerance 40 % of range): run 0 design 1 · f1 2 · f2 2',
    );
    const fresh = await openExplorer(browser, (await viewLink(page)).href, faults);
    expect(await fresh.getByTestId('pick-method').inputValue()).toBe('lexicographic');
    expect(await picked(fresh, 1)).toMatch(/^lexicographic \(order f2, f1; tolerance 40 % of range\)/);
    // none: no pick named, the link drops it
    await fresh.getByTestId('pick-method').selectOption('');
    await expect.poll(() => fresh.getByTestId('pick-result').textContent()).toBe('');
    await expect.poll(() => fresh.url()).not.toContain('pick=');
    expect(faults.errors).toEqual([]);
    expect(faults.foreign).toEqual([]);
  });
});
