/**
 * `odc serve` in headless Chromium, against a small flagship run made here: the row count after a mouse brush on a
 * parallel-coordinates axis and after loading a ?filter= URL equals the count taken straight from evaluations.csv
 * (read by the test itself); clicking a design shows its budget, whose figures match the log's objectives; a link
 * with &design= reproduces the selection; at 1600 × 1000 the header is the run's answer card (answer.json) and the
 * parallel-coordinates plot starts above y = 400 px; no request leaves the loopback interface; raw requests with dot
 * segments (plain and percent-encoded) get 403/404 and nothing from outside the app.
 * Without /usr/bin/chromium (or $ODC_TEST_CHROMIUM) the browser tests are skipped with a loud stderr banner, except
 * under CI=true where they fail (as test/report/browser.test.ts).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLAGSHIP, FLAGSHIP_ALGORITHM, tempDir, tinyRun } from '../report/helpers.js';
import {
  countKept,
  openExplorer,
  printedAs,
  readLog,
  rowCount,
  shownValues,
  startServe,
  budgetCell,
  showFirstFrontDesign,
  viewLink,
} from './helpers.js';
import type { LogTable, PageFaults, ServeProcess } from './helpers.js';
import { launchChromium } from '../helpers/chromium.js';
import { announceBrowserSkip, expectChromium, skipBrowser } from '../helpers/browserTests.js';

announceBrowserSkip('odc serve browser tests');

/** One raw HTTP/1.1 request, the path sent exactly as given (no client-side normalization): status and body. */
function rawGet(url: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((ok, fail) => {
    const socket = connect(Number(port), hostname, () =>
      socket.write(`GET ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n\r\n`),
    );
    let data = '';
    socket.on('data', (c) => {
      data += c.toString('latin1');
    });
    socket.on('end', () =>
      ok({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0),
        body: data.slice(data.indexOf('\r\n\r\n') + 4),
      }),
    );
    socket.on('error', fail);
  });
}

/** The filter the URL holds for a metric (bounds taken from the right of the value). */
async function urlFilter(page: Page, metric: string): Promise<{ lo: number; hi: number } | undefined> {
  for (const v of (await viewLink(page)).searchParams.getAll('filter')) {
    const parts = v.split(':');
    if (parts.slice(0, -2).join(':') === metric) return { lo: Number(parts.at(-2)), hi: Number(parts.at(-1)) };
  }
  return undefined;
}

describe.skipIf(skipBrowser)('odc serve in headless Chromium', () => {
  let runDir = '';
  let log: LogTable;
  let serve: ServeProcess;
  let browser: Browser;
  const faults: PageFaults = { foreign: [], errors: [] };

  beforeAll(async () => {
    expectChromium();
    runDir = await tinyRun(tempDir('serve'), FLAGSHIP, FLAGSHIP_ALGORITHM, { out: 'flag', log: 'csv' });
    log = readLog(runDir);
    serve = await startServe([runDir]);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
  });

  const open = (search = ''): Promise<Page> => openExplorer(browser, `${serve.url}${search}`, faults);

  it('brushing an axis by mouse leaves the designs the log says; a row click shows its budget', async () => {
    // the axes on the data's range (by default they span the front), where the test's linear arithmetic puts them
    const page = await open('?rescale=data');
    for (const id of ['parcoords', 'scatter', 'design-table', 'budget', 'row-count'])
      expect(await page.getByTestId(id).count(), id).toBe(1);
    const total = shownValues(log, 'mass.launch_kg').length;
    expect(await rowCount(page)).toBe(total);
    const canvas = page.getByTestId('parcoords').locator('canvas');
    const box = (await canvas.boundingBox())!;
    const axes = JSON.parse((await canvas.getAttribute('data-axes'))!) as { name: string; x: number }[];
    const top = Number(await canvas.getAttribute('data-plot-top'));
    const height = Number(await canvas.getAttribute('data-plot-height'));
    const axis = axes.find((a) => a.name === 'mass.launch_kg')!;
    await page.mouse.move(box.x + axis.x, box.y + top + 0.35 * height);
    await page.mouse.down();
    await page.mouse.move(box.x + axis.x, box.y + top + 0.8 * height, { steps: 6 });
    await page.mouse.up();
    const f = await urlFilter(page, 'mass.launch_kg');
    expect(f).toBeDefined();
    // the brush spans 45 % of the axis, from 20 % to 65 % of the data's range (the axis runs min at the bottom to max
    // at the top)
    const values = shownValues(log, 'mass.launch_kg');
    const [min, max] = [Math.min(...values), Math.max(...values)];
    const pixel = (max - min) / height;
    expect(Math.abs(f!.lo - (min + 0.2 * (max - min)))).toBeLessThanOrEqual(1.5 * pixel);
    expect(Math.abs(f!.hi - (min + 0.65 * (max - min)))).toBeLessThanOrEqual(1.5 * pixel);
    const expected = countKept(log, [{ metric: 'mass.launch_kg', ...f! }]);
    expect(expected).toBeLessThan(total);
    await expect.poll(() => rowCount(page)).toBe(expected);
    expect(await page.getByTestId('design-row').count()).toBe(Math.min(25, expected));

    // a front design: the budget panel shows its record's figures, which agree with the log's objectives
    const { index, budget } = await showFirstFrontDesign(page);
    expect(await budget.textContent()).toContain(`evaluation ${index}`);
    const logRow = log.rows.find((r) => Number(r[0]) === index)!;
    const col = (name: string): number => Number(logRow[log.header.indexOf(name)]);
    const cell = (label: string): Promise<string> => budgetCell(budget, label);
    expect(printedAs(await cell('launch (built up)'), col('mass.launch_kg'))).toBe(true);
    expect(printedAs(await cell('delivered compute'), col('compute.deliveredPFLOPS'))).toBe(true);
    expect(
      printedAs(
        await cell('cost of delivered compute, programme, discounted'),
        col('cost.lcocDiscounted_USD_per_PFLOP_day'),
      ),
    ).toBe(true);
    // the objectives as the panel prints them: 4 significant digits and the unit of the record's key
    const objective = async (name: string): Promise<string[]> =>
      budget
        .locator('h3:text-is("Objectives") + table tr', { has: page.locator(`td:text-is("${name}")`) })
        .locator('td')
        .allTextContents();
    for (const [name, unit] of [
      ['cost.lcocDiscounted_USD_per_PFLOP_day', 'USD/PFLOP-day'],
      ['compute.deliveredPFLOPS', 'PFLOPS'],
      ['mass.launch_kg', 'kg'],
    ] as const) {
      const [, value, shownUnit] = await objective(name);
      expect(shownUnit, name).toBe(unit);
      expect(printedAs(value!, col(name)), `${name} ${value}`).toBe(true);
      expect(value!.replace(/[,.-]/g, '').replace(/^0+/, '').length, `${name} ${value}`).toBeLessThanOrEqual(5);
    }
    // the run's key is its folder's name
    expect((await viewLink(page)).searchParams.get('design')).toBe(`flag:${index}`);
    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: join('test-artifacts', 'explorer.png'), fullPage: true });

    // the link reproduces the view: the same brush, the front subset and the same design
    expect((await viewLink(page)).searchParams.get('subset')).toBe('front');
    const s = log.header.indexOf('status');
    const front = new Set(
      (JSON.parse(readFileSync(join(runDir, 'pareto.json'), 'utf8')) as { designs: { index: number }[] }).designs.map(
        (d) => d.index,
      ),
    );
    const onFront = { header: log.header, rows: log.rows.filter((r) => r[s] !== 'failed' && front.has(Number(r[0]))) };
    const again = await open((await viewLink(page)).search);
    await expect.poll(() => again.getByTestId('budget').getAttribute('data-index')).toBe(String(index));
    expect(await rowCount(again)).toBe(countKept(onFront, [{ metric: 'mass.launch_kg', ...f! }]));
  });

  it('a ?filter= URL leaves the designs the log says', async () => {
    const cost = shownValues(log, 'cost.lcocDiscounted_USD_per_PFLOP_day').sort((a, b) => a - b);
    const pflops = shownValues(log, 'compute.deliveredPFLOPS').sort((a, b) => a - b);
    const filters = [
      {
        metric: 'cost.lcocDiscounted_USD_per_PFLOP_day',
        lo: cost[Math.floor(cost.length / 4)]!,
        hi: cost[Math.floor((3 * cost.length) / 4)]!,
      },
      { metric: 'compute.deliveredPFLOPS', lo: pflops[Math.floor(pflops.length / 2)]!, hi: Infinity },
    ];
    const expected = countKept(log, filters);
    expect(expected).toBeGreaterThan(0);
    const page = await open(
      `?filter=${encodeURIComponent(`${filters[0]!.metric}:${filters[0]!.lo}:${filters[0]!.hi}`)}&filter=compute.deliveredPFLOPS:${filters[1]!.lo}:`,
    );
    expect(await rowCount(page)).toBe(expected);
    // a feasible-only view of the same filters
    await page.getByRole('button', { name: 'feasible', exact: true }).click();
    const s = log.header.indexOf('status');
    const feasible = countKept({ header: log.header, rows: log.rows.filter((r) => r[s] === 'feasible') }, filters);
    await expect.poll(() => rowCount(page)).toBe(feasible);
  });

  it("the design table sorts by a header click, shows the log's values, and its cells line up under the headers", async () => {
    const page = await open();
    const metric = 'mass.launch_kg';
    const header = page.locator(`[role=columnheader][data-key="${metric}"]`);
    const headers = page.locator('[role=columnheader]');
    const names = await headers.evaluateAll((hs) => hs.map((h) => (h as HTMLElement).dataset['key'] ?? ''));
    const col = names.indexOf(metric);
    const designCol = names.indexOf('eval');
    const mass = log.header.indexOf(metric);
    const status = log.header.indexOf('status');
    const shown = log.rows.filter((r) => r[status] !== 'failed');
    for (const [clicks, pick] of [
      [1, Math.min],
      [2, Math.max],
    ] as const) {
      await header.click();
      if (clicks === 2) await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
      else await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
      const want = pick(...shown.map((r) => Number(r[mass])));
      const first = page.getByTestId('design-row').first();
      const cells = first.locator('[role=cell]');
      expect(printedAs((await cells.nth(col).textContent())!.trim(), want)).toBe(true);
      const index = Number(await first.getAttribute('data-index'));
      expect(Number(shown.find((r) => Number(r[0]) === index)![mass])).toBe(want);
      expect((await cells.nth(designCol).textContent())!.trim()).toBe(String(index));
    }
    // right-aligned columns: every cell of every row ends where its header ends (monospaced padded text)
    const misaligned = await page.evaluate(() => {
      const ends = (el: Element): number[] =>
        Array.from(el.querySelectorAll('[role=columnheader], [role=cell]'), (c) => c.getBoundingClientRect().right);
      const head = ends(document.querySelector('[role=row].head')!);
      const rows = Array.from(document.querySelectorAll('[data-testid=design-row]'), ends);
      // the last column (front) is left-aligned
      return rows.flatMap((r) => r.slice(0, -1).filter((x, k) => Math.abs(x - head[k]!) > 1)).length;
    });
    expect(misaligned).toBe(0);
  });

  it("colours by a choice variable: one legend colour per option, each row in its option's colour", async () => {
    const page = await open('?colour=compute.chip');
    const legend = await page
      .getByTestId('colour-legend')
      .locator('.legend-item')
      .evaluateAll((items) =>
        items.map((i) => [i.textContent, getComputedStyle(i.querySelector('.swatch')!).backgroundColor]),
      );
    expect(legend.map(([label]) => label)).toEqual(['h100', 'b200', 'gb300', 'tpu-v6e']);
    expect(new Set(legend.map(([, c]) => c)).size).toBe(4);
    const colourOf = new Map(legend as [string, string][]);
    const names = await page
      .locator('[role=columnheader]')
      .evaluateAll((hs) => hs.map((h) => (h as HTMLElement).dataset['key'] ?? ''));
    const chipCol = names.indexOf('compute.chip');
    const rows = await page
      .getByTestId('design-row')
      .evaluateAll(
        (rs, k) =>
          rs.map((r) => [
            r.querySelectorAll('[role=cell]')[k]!.textContent!.trim(),
            getComputedStyle(r.querySelector('.swatch')!).backgroundColor,
          ]),
        chipCol,
      );
    expect(rows.length).toBe(25);
    for (const [chip, colour] of rows) expect(colour, chip).toBe(colourOf.get(chip!));
    await page.context().close();
  });

  it("at 1600 × 1000 the header is the run's answer card, and the first plot starts above y = 400 px", async () => {
    const page = await openExplorer(browser, serve.url, faults, { viewport: { width: 1600, height: 1000 } });
    const card = page.getByTestId('answer-card');
    await expect.poll(() => card.count()).toBe(1);
    // the card's rows are answer.json's, read here by the test
    const answer = JSON.parse(readFileSync(join(runDir, 'answer.json'), 'utf8')) as {
      design: { index: number };
      joint: { estimate: number } | null;
    };
    const text = (await card.textContent())!;
    expect(text).toContain(`design ${answer.design.index}`);
    expect(text).toContain('P(all hold)');
    expect(await card.locator('details').getAttribute('open')).toBeNull();
    const plot = (await page.getByTestId('parcoords').locator('canvas').boundingBox())!;
    expect(plot.y).toBeLessThan(400);
    await page.close();
  });

  it('no request left the loopback interface and the pages had no errors', () => {
    expect(faults.foreign).toEqual([]);
    expect(faults.errors).toEqual([]);
  });

  it('raw requests with dot segments or encoded ones are refused and serve nothing outside the app', async () => {
    const study = readFileSync(join(runDir, 'study.yaml'), 'utf8');
    for (const path of [
      '/../study.yaml',
      '/../../../../etc/passwd',
      '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/%2E%2E/study.yaml',
      '/api/runs/0/../../study.yaml',
      '/api/runs/0/%2e%2e/%2e%2e/run.json',
      '/..%2f..%2fetc%2fpasswd',
      '/explorer.js/..',
      '/.%2e/study.yaml',
      '/run.json',
      '/study.yaml',
      '/api/runs/0/evaluations.csv',
    ]) {
      const r = await rawGet(serve.url, path);
      expect([403, 404], path).toContain(r.status);
      expect(r.body, path).not.toContain('root:');
      expect(r.body, path).not.toContain(study.slice(0, 60));
    }
  });
});
