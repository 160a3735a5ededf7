/**
 * report.html in headless Chromium: no console or page errors, no request that is not a file:// one,
 * the plots are there, the first 1,000 px hold the answer (the knee's figures and the terrestrial verdict); a full-page
 * screenshot goes to test-artifacts/report.png for a human to look at.
 * Without /usr/bin/chromium (or $ODC_TEST_CHROMIUM) the tests are skipped with a loud stderr banner, except
 * under CI=true where they fail.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runStudy } from '../../src/index.js';
import type { DesignRecord } from '../../src/node/record/record.js';
import type { ParetoFile } from '../../src/run/paretoFile.js';
import { writeFile } from '../helpers/tmp.js';
import { FLAGSHIP, FLAGSHIP_ALGORITHM, tempDir, tinyRun } from './helpers.js';
import { launchChromium } from '../helpers/chromium.js';
import { announceBrowserSkip, expectChromium, skipBrowser } from '../helpers/browserTests.js';
import { oneShellStudyHead } from '../helpers/constellationYaml.js';

announceBrowserSkip('report.html browser tests', "The report's JavaScript, plots and offline loading are");

/** Relative closeness of a figure as printed (3 significant digits) to the record's value. */
const printedAs = (printed: number, value: number): boolean => Math.abs(printed - value) <= 0.005 * Math.abs(value);

/**
 * The first 1,000 px of the page hold the answer card: the knee's figures and the verdict, checked against the knee's
 * record in pareto.json (the knee's index from run.json's decision).
 */
async function expectAnswerOnFirstScreen(page: Page, runDir: string): Promise<void> {
  const answer = page.locator('#decision-summary table.kv');
  const box = await answer.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.y + box!.height).toBeLessThanOrEqual(1000);
  const text = (await answer.textContent()) ?? '';
  const kneeIndex = JSON.parse(readFileSync(join(runDir, 'run.json'), 'utf8')).decision.designs[0].index as number;
  const rec = (JSON.parse(readFileSync(join(runDir, 'pareto.json'), 'utf8')) as ParetoFile).designs.find(
    (d) => d.index === kneeIndex,
  )!.record as DesignRecord;
  expect(text).toContain(`Recommendeddesign ${kneeIndex}: `);
  const num = (re: RegExp): number => Number((re.exec(text)?.[1] ?? 'NaN').replace(/,/g, ''));
  expect(
    printedAs(
      num(/cost of delivered compute \(programme, discounted\) ([\d,.]+) USD\/PFLOP-day/),
      rec.cost.lcocDiscounted_USD_per_PFLOP_day,
    ),
    text,
  ).toBe(true);
  expect(printedAs(num(/delivered compute ([\d,.]+) PFLOPS/), rec.compute.deliveredPFLOPS), text).toBe(true);
  expect(printedAs(num(/specific power ([\d,.]+) kW\/t/), rec.mass.kW_per_t), text).toBe(true);
  expect(printedAs(num(/launch mass ([\d,.]+) kg/), rec.mass.launch_kg), text).toBe(true);
  // the verdict: the space/ground ratio against the study's baseline scenario, from the record
  const baseline = /verdict([\d,.]+)× ([\w-]+), discounted/.exec(text);
  expect(baseline, text).not.toBeNull();
  const scenario = rec.cost.baselines.find((b) => b.id === baseline![2]);
  expect(scenario, text).toBeDefined();
  expect(printedAs(Number(baseline![1]!.replace(/,/g, '')), scenario!.spaceToTerrestrial)).toBe(true);
  // the bookkeeping is not on the first screen
  expect((await page.locator('#summary').boundingBox())!.y).toBeGreaterThan(1000);
}

interface OpenReport {
  readonly page: Page;
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  readonly foreign: string[];
}

/** A laptop-sized page on a run's report.html, with its console errors, page errors and non-file:// requests. */
async function openReport(browser: Browser, runDir: string): Promise<OpenReport> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const foreign: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) foreign.push(r.url());
  });
  await page.goto(pathToFileURL(resolve(runDir, 'report.html')).href, { waitUntil: 'load' });
  return { page, consoleErrors, pageErrors, foreign };
}

/**
 * Nothing wider than a laptop screen, no console or page error and no request off file://; a full-page screenshot to
 * test-artifacts/`screenshot` for a human to look at.
 */
async function expectCleanFit({ page, consoleErrors, pageErrors, foreign }: OpenReport, screenshot: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  mkdirSync('test-artifacts', { recursive: true });
  await page.screenshot({ path: join('test-artifacts', screenshot), fullPage: true });
  expect(consoleErrors).toEqual([]);
  expect(pageErrors).toEqual([]);
  expect(foreign).toEqual([]);
}

describe('report.html in headless Chromium', () => {
  it.skipIf(skipBrowser)('loads offline with no errors, shows the SVG plots, and is screenshotted', async () => {
    expectChromium();
    const runDir = await tinyRun(tempDir('browser'), FLAGSHIP, FLAGSHIP_ALGORITHM, { out: 'flag' });
    const browser = await launchChromium();
    try {
      const report = await openReport(browser, runDir);
      const { page } = report;
      await expectAnswerOnFirstScreen(page, runDir);
      // the front with the knee, the catalogue traffic (environment), objective space, parallel coordinates, the knee's
      // delivered-compute waterfall, convergence
      expect(await page.locator('figure svg').count()).toBe(6);
      expect(await page.locator('#objective-space svg .dots use').count()).toBeGreaterThan(10);
      // the points are references to a symbol in the figure's <defs>: one that does not resolve draws nothing (a 0 x 0
      // box)
      const point = await page.locator('#objective-space svg .dots use').first().boundingBox();
      expect(point?.width ?? 0).toBeGreaterThan(1);
      expect(await page.locator('#waterfall svg .bars rect').count()).toBe(8); // one bar per waterfall step
      expect(await page.locator('table.sortable tbody tr').count()).toBeGreaterThan(0);
      // the sort script works: click the first objective header twice
      const th = page.locator('table.sortable th').nth(1);
      await th.click();
      await expect.poll(() => th.getAttribute('class')).toContain('sorted-asc');
      await expectCleanFit(report, 'report.png');
    } finally {
      await browser.close();
    }
  });

  it.skipIf(skipBrowser)(
    'a constellation study report shows the constellation plots offline with no errors',
    async () => {
      expectChromium();
      // Starship: by fairing volume one closed-sized ai1 node fits a Falcon 9 (launch by volume), so a Falcon 9
      // campaign of 120 of them fails its launch check and the report would have no knee to draw
      const dir = tempDir('browser-c');
      const study = writeFile(
        dir,
        'c.yaml',
        `name: c-report
${oneShellStudyHead(resolve('designs/ai1.yaml'))}ground: { stations: [malindi, santiago, hartebeesthoek] }
traffic: { pattern: uniform, demandPerNode_Gbps: 1 }
simulation: { duration_h: 2, step_s: 120, snapshots: 1 }
launch: { vehicles: [{ vehicle: starship, cadence_per_yr: 12 }] }
variables:
  shells.a.altitude_km: [500, 700]
  shells.a.satsPerPlane: { int: [10, 14] }
objectives:
  - minimize: totals.lcoc_USD_per_PFLOP_day
  - maximize: network.throughputPerNode_Gbps
algorithm: { name: nsga2, population: 8, generations: 2, seed: 1 }
`,
      );
      const s = await runStudy({ studyPath: study, outDir: join(dir, 'run'), workers: 0 });
      const browser = await launchChromium();
      try {
        const report = await openReport(browser, s.runDir);
        const { page } = report;
        // the answer first: the knee's satellites, cost per PFLOP-day and its shell
        const answer = (await page.locator('#decision-summary table.kv').textContent()) ?? '';
        expect(answer).toMatch(
          /Recommendeddesign \d+: [\d,]+ satellites in 1 shell.*figurescost of delivered compute \(programme, discounted\) [\d,.]+ USD\/PFLOP-day.*verdict[\d.]+× hyperscale-virginia/,
        );
        for (const id of [
          'shell-planes',
          'ground-track',
          'shell-map',
          'link-graph',
          'contact-timeline',
          'launch-campaign',
          'cost-breakdown',
          'sky-map',
        ]) {
          expect(await page.locator(`#fig-${id} svg`).count(), id).toBe(1);
        }
        // the utilisation histogram is drawn for the exact model, and replaced by a sentence saying why under the
        // reduced one (one value per link class): exactly one of the two
        const histogram = await page.locator('#fig-link-utilization svg').count();
        const why = await page.getByText('no link-utilisation histogram').count();
        expect(histogram + why, 'link-utilization').toBe(1);
        await expectCleanFit(report, 'constellation-report.png');
      } finally {
        await browser.close();
      }
    },
  );
});
