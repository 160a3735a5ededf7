/**
 * report.html in headless Chromium: no console or page errors, no request that is not a file:// one,
 * the plots are there; a full-page screenshot goes to test-artifacts/report.png for a human to look at.
 * Without /usr/bin/chromium the test is skipped with a message, except under CI=true where it fails.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { FLAGSHIP, FLAGSHIP_ALGORITHM, tempDir, tinyRun } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const ci = process.env.CI === 'true';
if (!available && !ci) console.warn(`[report browser test] skipped: ${CHROMIUM} not found (apt-get install -y chromium); it is required when CI=true`);

describe('report.html in headless Chromium', () => {
  it.skipIf(!available && !ci)('loads offline with no errors, shows the SVG plots, and is screenshotted', async () => {
    expect(available, `${CHROMIUM} is missing; .ci/run installs it (apt-get install -y chromium)`).toBe(true);
    const runDir = await tinyRun(tempDir('browser'), FLAGSHIP, FLAGSHIP_ALGORITHM, { out: 'flag' });
    const browser = await chromium.launch({
      executablePath: CHROMIUM, headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const consoleErrors: string[] = [];
      const pageErrors: string[] = [];
      const foreign: string[] = [];
      page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
      page.on('pageerror', (e) => pageErrors.push(String(e)));
      page.on('request', (r) => { if (!r.url().startsWith('file:')) foreign.push(r.url()); });
      await page.goto(pathToFileURL(resolve(runDir, 'report.html')).href, { waitUntil: 'load' });
      expect(await page.locator('figure svg').count()).toBe(3);
      expect(await page.locator('#objective-space svg .mark-symbol path').count()).toBeGreaterThan(10);
      expect(await page.locator('table.sortable tbody tr').count()).toBeGreaterThan(0);
      // the sort script works: click the first objective header twice
      const th = page.locator('table.sortable th').nth(1);
      await th.click();
      await expect.poll(() => th.getAttribute('class')).toContain('sorted-asc');
      // nothing wider than a laptop screen
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      mkdirSync('test-artifacts', { recursive: true });
      await page.screenshot({ path: join('test-artifacts', 'report.png'), fullPage: true });
      expect(consoleErrors).toEqual([]);
      expect(pageErrors).toEqual([]);
      expect(foreign).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
