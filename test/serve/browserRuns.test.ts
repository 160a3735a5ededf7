/**
 * `odc serve` in headless Chromium beyond one node run, each view checked against the run folders' own files read by
 * the test: a constellation run's budget panel (its shells, network and launch figures against pareto.json's record
 * and the log) and the copied `odc evaluate` command (read back from the clipboard); two ZDT1 runs side by side (one
 * colour each in the scatter, their hypervolume and IGD+ against a hand-written two-objective computation, the union
 * front's size) and a chosen scatter pair (a variable against an objective) brushed by mouse; a run in progress
 * whose log grows while the page is open. Every wait is on a condition, never on a time.
 * Skipped without Chromium as test/serve/browser.test.ts.
 */
import { appendFileSync, copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { twoShellStudyHead } from '../helpers/constellationYaml.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runStudy } from '../../src/index.js';
import { tempDir, tinyRun, ZDT1, ZDT1_ALGORITHM } from '../report/helpers.js';
import { launchChromium } from '../helpers/chromium.js';
import { expectChromium, skipBrowser } from '../helpers/browserTests.js';
import {
  countKept,
  indicators2D,
  openExplorer,
  printedAs,
  readLog,
  rowCount,
  runningCopy,
  shownValues,
  startServe,
  budgetCell,
  showFirstFrontDesign,
  viewLink,
} from './helpers.js';
import type { LogTable, PageFaults, ServeProcess } from './helpers.js';

/** The page polls every 2 s; under a loaded machine a reload can take several polls. */
const LIVE_TIMEOUT_MS = 60_000;

/** A two-shell constellation small enough to run 16 evaluations in seconds. */
function constellationStudy(dir: string): string {
  const path = join(dir, 'constellation.yaml');
  writeFileSync(
    path,
    `name: serve-constellation
${twoShellStudyHead(resolve('designs/ai1.yaml'))}variables:
  shells.a.planes: { choice: [0, 10, 12] }
  shells.a.altitude_km: [500, 700]
  shells.b.satsPerPlane: { int: [6, 12] }
  isl.terminal: { choice: [isl-100g, dwdm-1t] }
objectives:
  - minimize: totals.lcoc_USD_per_PFLOP_day
  - maximize: network.throughputPerNode_Gbps
algorithm: { name: nsga2, population: 8, generations: 2, seed: 3 }
`,
  );
  return path;
}

/** pareto.json's designs of a run. */
function paretoDesigns<T>(runDir: string): { index: number; objectives: Record<string, number>; record: T }[] {
  return (JSON.parse(readFileSync(join(runDir, 'pareto.json'), 'utf8')) as { designs: never[] }).designs;
}

interface ShellRecord {
  readonly name: string;
}
interface LaunchShell {
  readonly shell: string;
  readonly vehicles: readonly { vehicle: string; launches: number; satellitesPerLaunch: number }[];
}
interface ConstellationRecordLike {
  readonly satellites: number;
  readonly shells: readonly ShellRecord[];
  readonly launch: { readonly perShell: readonly LaunchShell[] };
}

describe.skipIf(skipBrowser)('odc serve in headless Chromium: constellations, several runs, live runs', () => {
  let dir = '';
  let runA = '';
  let runB = '';
  let constellation = '';
  let browser: Browser;
  const serves: ServeProcess[] = [];
  const faults: PageFaults = { foreign: [], errors: [] };

  beforeAll(async () => {
    expectChromium();
    dir = tempDir('serve-runs');
    runA = await tinyRun(dir, ZDT1, ZDT1_ALGORITHM(1), { out: 'a', log: 'csv' });
    runB = await tinyRun(dir, ZDT1, ZDT1_ALGORITHM(2), { out: 'b', log: 'csv' });
    const s = await runStudy({ studyPath: constellationStudy(dir), outDir: join(dir, 'c'), workers: 0 });
    if (s.status !== 'complete') throw new Error('the constellation run did not complete');
    constellation = s.runDir;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all(serves.map((s) => s.stop()));
  });

  async function serve(dirs: readonly string[]): Promise<ServeProcess> {
    const s = await startServe(dirs);
    serves.push(s);
    return s;
  }

  const open = (url: string, context: BrowserContextOptions = {}): Promise<Page> =>
    openExplorer(browser, url, faults, context);

  it("shows a constellation design's shells, network and launch figures, and copies its odc evaluate command", async () => {
    const s = await serve([constellation]);
    const page = await open(s.url, { permissions: ['clipboard-read', 'clipboard-write'] });
    const { index, budget } = await showFirstFrontDesign(page);
    const design = paretoDesigns<ConstellationRecordLike>(constellation).find((d) => d.index === index)!;
    const rec = design.record;
    expect(await budget.textContent()).toContain(`(${rec.satellites} satellites)`);
    const headings = await budget.locator('h3').allTextContents();
    for (const h of ['Shells', 'Network', 'Launch campaign']) expect(headings).toContain(h);

    // the shells table: one row per shell of the record, by name
    const shellTable = budget.locator('h3:text-is("Shells") + table');
    const shellNames = await shellTable.locator('tr td:first-child').allTextContents();
    expect(shellNames).toEqual(rec.shells.map((x) => x.name));

    const cell = (label: string): Promise<string> => budgetCell(budget, label);
    expect(
      printedAs(await cell('throughput per node'), design.objectives['network.throughputPerNode_Gbps']!, 0.005),
    ).toBe(true);
    // the launch campaign: launches × satellites per launch of every vehicle the record flies
    const flown = rec.launch.perShell.flatMap((sh) =>
      sh.vehicles.filter((v) => v.launches > 0).map((v) => ({ label: `${sh.shell}: ${v.vehicle}`, v })),
    );
    expect(flown.length).toBeGreaterThan(0);
    for (const { label, v } of flown) expect(await cell(label)).toBe(`${v.launches} × ${v.satellitesPerLaunch}`);

    // the command names the file the export button downloads
    const file = `design-0-${index}.yaml`;
    expect(await budget.locator(`a[download="${file}"]`).count()).toBe(1);
    await budget.getByRole('button', { name: 'copy odc evaluate command' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`odc evaluate ${file}`);
    await page.context().close();
  });

  it('colours two runs apart, prints their HV and IGD+ on one normalization, keeps the union front', async () => {
    const s = await serve([runA, runB]);
    const page = await open(s.url);
    const chips = page.locator('.run-chip');
    await expect.poll(() => chips.count()).toBe(2);
    // the indicators arrive after the columns
    await expect.poll(async () => (await chips.allTextContents()).every((t) => t.includes('IGD+'))).toBe(true);
    const swatches = await page
      .locator('.run-chip .swatch')
      .evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
    expect(new Set(swatches).size).toBe(2);

    // both colours are on the scatter canvas (ZDT1: one panel, f2 against f1)
    const rgbOf = (css: string): number[] => css.match(/\d+/g)!.slice(0, 3).map(Number);
    const pixels = await page
      .getByTestId('scatter')
      .locator('canvas')
      .evaluate((c: HTMLCanvasElement, colours) => {
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        return colours.map(([r, g, b]) => {
          let n = 0;
          for (let p = 0; p < d.length; p += 4) if (d[p] === r && d[p + 1] === g && d[p + 2] === b) n++;
          return n;
        });
      }, swatches.map(rgbOf));
    expect(pixels[0]).toBeGreaterThan(0);
    expect(pixels[1]).toBeGreaterThan(0);

    const fronts = [runA, runB].map((d) =>
      paretoDesigns(d).map((x) => [x.objectives['f1']!, x.objectives['f2']!] as const),
    );
    const hand = indicators2D(fronts);
    const texts = await chips.allTextContents();
    hand.runs.forEach((r, k) => {
      const hv = /HV on the common normalization (\S+?)[,\s]/.exec(texts[k]!)![1]!;
      const igd = /IGD\+ ([^\s)]+)/.exec(texts[k]!)![1]!;
      // printed with 4 and 3 significant digits
      expect(printedAs(hv, r.hypervolume, 6e-4), `run ${k} HV ${hv} against ${r.hypervolume}`).toBe(true);
      expect(printedAs(igd, r.igdPlus, 6e-3), `run ${k} IGD+ ${igd} against ${r.igdPlus}`).toBe(true);
    });

    await page.getByRole('button', { name: 'union front', exact: true }).click();
    await expect.poll(() => rowCount(page)).toBe(hand.union);
    await page.context().close();
  });

  it('draws a chosen pair, a variable against an objective, and a box brushed on it filters every view', async () => {
    const s = await serve([runA, runB]);
    // the axes on the data's range (by default they span the union front), as the test's arithmetic maps them
    const page = await open(`${s.url}?rescale=data`);
    const logs: LogTable[] = [readLog(runA), readLog(runB)];
    const both: LogTable = { header: logs[0]!.header, rows: logs.flatMap((l) => l.rows) };
    await page.getByTestId('scatter-x').selectOption('x1');
    await page.getByTestId('scatter-y').selectOption('f2');
    const canvas = page.getByTestId('scatter').locator('canvas');
    await expect
      .poll(async () => JSON.parse((await canvas.getAttribute('data-panels'))!) as unknown[])
      .toEqual([expect.objectContaining({ x: 'x1', y: 'f2' })]);
    const [panel] = JSON.parse((await canvas.getAttribute('data-panels'))!) as {
      left: number;
      top: number;
      size: number;
    }[];
    // the mouse reaches only what the viewport shows; and the page may still be laying out what arrived last (the
    // second run's rows) when the panels first show the pair, so brush only once the canvas stays where it is
    await canvas.scrollIntoViewIfNeeded();
    let box = (await canvas.boundingBox())!;
    await expect
      .poll(
        async () => {
          const now = (await canvas.boundingBox())!;
          const still = now.x === box.x && now.y === box.y;
          box = now;
          return still;
        },
        { interval: 100 },
      )
      .toBe(true);
    // a box over 10-60 % of x1 and 20-90 % of f2 (the panel's y runs up)
    const at = (u: number, v: number): [number, number] => [
      box.x + panel!.left + u * panel!.size,
      box.y + panel!.top + (1 - v) * panel!.size,
    ];
    await page.mouse.move(...at(0.1, 0.2));
    await page.mouse.down();
    await page.mouse.move(...at(0.6, 0.9), { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => new URL(page.url()).searchParams.getAll('filter').length).toBe(2);
    const filters = (await viewLink(page)).searchParams.getAll('filter').map((v) => {
      const parts = v.split(':');
      return { metric: parts.slice(0, -2).join(':'), lo: Number(parts.at(-2)), hi: Number(parts.at(-1)) };
    });
    expect(filters.map((f) => f.metric).sort()).toEqual(['f2', 'x1']);
    const x1 = shownValues(both, 'x1');
    const [min, max] = [Math.min(...x1), Math.max(...x1)];
    const f = filters.find((q) => q.metric === 'x1')!;
    // the panel maps x1's range onto its width: the brush's ends within 2 pixels of 10 % and 60 %
    expect(Math.abs(f.lo - (min + 0.1 * (max - min)))).toBeLessThanOrEqual((2 * (max - min)) / panel!.size);
    expect(Math.abs(f.hi - (min + 0.6 * (max - min)))).toBeLessThanOrEqual((2 * (max - min)) / panel!.size);
    const expected = countKept(both, filters);
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(x1.length);
    await expect.poll(() => rowCount(page)).toBe(expected);
    // the link reproduces the view: the pair and the brush, in a fresh page
    const link = (await viewLink(page)).href;
    expect(new URL(link).searchParams.getAll('pair')).toEqual(['x1', 'f2']);
    await page.context().close();
    const again = await open(link);
    const againCanvas = again.getByTestId('scatter').locator('canvas');
    await expect
      .poll(async () => JSON.parse((await againCanvas.getAttribute('data-panels')) ?? '[]') as unknown[])
      .toEqual([expect.objectContaining({ x: 'x1', y: 'f2' })]);
    await expect.poll(() => rowCount(again)).toBe(expected);
    await again.context().close();
  });

  it('follows a run in progress: rows checkpointed while the page is open appear without a reload', async () => {
    const live = join(dir, 'live');
    const { rest } = runningCopy(runA, live);
    const log = readLog(runA);
    const status = log.header.indexOf('status');
    const shown = (rows: readonly (readonly string[])[]): number => rows.filter((r) => r[status] !== 'failed').length;
    // what the partial log holds: the complete rows before the half-written one
    const partialRows = readFileSync(join(live, 'evaluations.csv.partial'), 'utf8').split('\n').length - 2;
    const s = await serve([live]);
    const page = await open(s.url);
    expect(await rowCount(page)).toBe(shown(log.rows.slice(0, partialRows)));
    expect(await page.locator('#live').textContent()).toContain('live');
    // the run checkpoints: the rest of its log, then its checkpoint file (when the finished run kept one)
    appendFileSync(join(live, 'evaluations.csv.partial'), rest);
    if (existsSync(join(runA, 'checkpoint.json')))
      copyFileSync(join(runA, 'checkpoint.json'), join(live, 'checkpoint.json'));
    await expect.poll(() => rowCount(page), { timeout: LIVE_TIMEOUT_MS }).toBe(shown(log.rows));
    expect(shown(log.rows)).toBeGreaterThan(shown(log.rows.slice(0, partialRows)));
    await page.context().close();
  });

  it('no request left the loopback interface and the pages had no errors', () => {
    expect(faults.foreign).toEqual([]);
    expect(faults.errors).toEqual([]);
  });
});
