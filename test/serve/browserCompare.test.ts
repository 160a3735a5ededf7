/**
 * Two clicked designs side by side in `odc serve` (headless Chromium, src/serve/app/designCompare.ts): pin one front
 * design, click another, compare: the panel's launch-mass line shows both records' values from pareto.json (read by
 * the test) and their difference; a design pinned against itself offers no comparison; /api/diff of a design with
 * itself is all zeros. Skipped without Chromium as the other browser tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLAGSHIP, FLAGSHIP_ALGORITHM, tempDir, tinyRun } from '../report/helpers.js';
import { openExplorer, printedAs, startServe, type PageFaults, type ServeProcess } from './helpers.js';
import { launchChromium } from '../helpers/chromium.js';
import { announceBrowserSkip, expectChromium, skipBrowser } from '../helpers/browserTests.js';
import type { DesignPair } from '../../src/serve/designPair.js';

announceBrowserSkip('odc serve design comparison browser test');

interface Front {
  designs: { index: number; record: { mass: { launch_kg: number } } }[];
}

describe.skipIf(skipBrowser)('two designs side by side in the explorer', () => {
  let runDir = '';
  let serve: ServeProcess;
  let browser: Browser;
  const faults: PageFaults = { foreign: [], errors: [] };

  beforeAll(async () => {
    expectChromium();
    runDir = await tinyRun(tempDir('serve-compare'), FLAGSHIP, FLAGSHIP_ALGORITHM, { out: 'flag' });
    serve = await startServe([runDir]);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
  });

  it('pin one design, click another, compare: the lines of both records and their difference', async () => {
    const front = JSON.parse(readFileSync(join(runDir, 'pareto.json'), 'utf8')) as Front;
    expect(front.designs.length).toBeGreaterThan(1);
    const page = await openExplorer(browser, serve.url, faults);
    await page.getByRole('button', { name: 'front', exact: true }).click();
    const rows = page.getByTestId('design-row');
    const budget = page.getByTestId('budget');
    const ia = Number(await rows.nth(0).getAttribute('data-index'));
    await rows.nth(0).click();
    await expect.poll(() => budget.getAttribute('data-index')).toBe(String(ia));
    await budget.getByRole('button', { name: 'pin for comparison' }).click();
    expect(await budget.getByRole('button', { name: 'pinned as A' }).count()).toBe(1);
    expect(await budget.locator('#compare-design').count()).toBe(0); // not against itself

    const b = Number(await rows.nth(1).getAttribute('data-index'));
    expect(b).not.toBe(ia);
    await rows.nth(1).click();
    await expect.poll(() => budget.getAttribute('data-index')).toBe(String(b));
    await budget.getByRole('button', { name: `compare with design A (run 0, design ${ia})` }).click();
    await page.waitForSelector('#diff-summary');

    // every line: the launch mass of both records (pareto.json) and B − A
    const rec = (i: number) => front.designs.find((d) => d.index === i)!.record;
    const [ma, mb] = [rec(ia).mass.launch_kg, rec(b).mass.launch_kg];
    await budget.locator('details summary').click();
    const cells = await budget
      .locator('#design-diff details tr', { has: page.locator('td:text-is("launch (built up)")') })
      .first()
      .locator('td')
      .allTextContents();
    expect(printedAs(cells[1]!, ma), cells.join(' | ')).toBe(true);
    expect(printedAs(cells[2]!, mb), cells.join(' | ')).toBe(true);
    const delta = Number(cells[3]!.replace(/,/g, '').replace('−', '-').replace('+', ''));
    if (mb === ma) expect(cells[3]).toBe('0');
    else expect(Math.abs(delta - (mb - ma)), cells.join(' | ')).toBeLessThanOrEqual(0.005 * Math.abs(mb - ma));
    expect(await budget.locator('#design-diff h3').first().textContent()).toBe(
      `A: run 0, design ${ia} — B: run 0, design ${b}`,
    );
    expect(faults.errors).toEqual([]);
    expect(faults.foreign).toEqual([]);
  });

  it('/api/diff of a design with itself: no difference; a bad side: 404 naming the form', async () => {
    const index = (JSON.parse(readFileSync(join(runDir, 'pareto.json'), 'utf8')) as Front).designs[0]!.index;
    const self = (await (await fetch(new URL(`/api/diff?a=0:${index}&b=0:${index}`, serve.url))).json()) as DesignPair;
    expect(self.summary).toBe(
      'No difference: every budget line and constraint is the same (numbers within a relative 1e-9 of each other count as the same).',
    );
    expect(self.changed).toEqual([]);
    for (const t of self.all) for (const r of t.rows) expect(['0', ''], r.join(' | ')).toContain(r[3]);
    const bad = await fetch(new URL(`/api/diff?a=0:${index}&b=x`, serve.url));
    expect(bad.status).toBe(404);
    expect(((await bad.json()) as { error: string }).error).toContain('give <run>:<evaluation index>');
  });
});
