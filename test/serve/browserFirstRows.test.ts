/**
 * The table's first page before the whole columns arrive (src/serve/app/main.ts showFirstRows): with the columns'
 * answer held back, a page opened on the default view shows the first 25 evaluations that did not fail (read from
 * evaluations.csv by the test), the number of designs and failed evaluations of the log, and says the plots are
 * loading; once the columns arrive, the table's text is the same, widths included (a value past the first page sets a
 * column's width: `/api/runs/<id>/head` sends each column's span), and the note is gone. Two runs served together give
 * their merged first page (claiming no union front before the comparison says which); a link sorted by another column
 * asks for no first rows. Also the head endpoint against the
 * log, cell by cell.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/serve/server.js';
import type { ValueSpan } from '../../src/serve/valueSpan.js';
import { launchChromium } from '../helpers/chromium.js';
import { announceBrowserSkip, expectChromium, skipBrowser } from '../helpers/browserTests.js';
import { tempDir } from '../report/helpers.js';
import { readLog, rowCount, type LogTable } from './helpers.js';
import { writeDtlz2Run } from './syntheticRun.js';

announceBrowserSkip('odc serve first rows browser tests');

/**
 * A DTLZ2 run of 300 evaluations, three of its first ten that are not on the front marked failed (their objectives
 * empty), and x1 of evaluation 250 set to -0.0003: a negative value of decade 1e-4 past the first page.
 */
function run(dir: string, seed: number): string {
  writeDtlz2Run(dir, { evaluations: 300, objectives: 3, variables: 5, spread: 0.2, seed });
  const front = new Set(
    (JSON.parse(readFileSync(join(dir, 'pareto.json'), 'utf8')) as { designs: { index: number }[] }).designs.map(
      (d) => d.index,
    ),
  );
  const failed = [...Array(10).keys()].filter((e) => !front.has(e)).slice(0, 3);
  const file = join(dir, 'evaluations.csv');
  const lines = readFileSync(file, 'utf8').split('\n');
  const header = lines[0]!.split(',');
  const at = (name: string): number => header.indexOf(name);
  const rows = lines.map((line, k) => {
    if (k === 0 || line === '') return line;
    const cells = line.split(',');
    const e = Number(cells[0]);
    if (failed.includes(e)) {
      cells[at('status')] = 'failed';
      for (const name of ['f1', 'f2', 'f3', 'violation']) cells[at(name)] = '';
      cells[at('reason')] = 'boom';
    }
    if (e === 250) cells[at('x1')] = '-0.0003';
    return cells.join(',');
  });
  writeFileSync(file, rows.join('\n'));
  return dir;
}

/** The evaluation indices of the log's rows that did not fail. */
const shownEvals = (log: LogTable): number[] =>
  log.rows.filter((r) => r[log.header.indexOf('status')] !== 'failed').map((r) => Number(r[0]));

/** The table's text as shown (header and rows). */
const tableText = (page: Page): Promise<string> => page.getByTestId('design-table').innerText();

describe.skipIf(skipBrowser)('odc serve in headless Chromium: the first rows before the columns', () => {
  let runA = '';
  let runB = '';
  let one: RunningServer;
  let two: RunningServer;
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    expectChromium();
    const dir = tempDir('serve-first-rows');
    runA = run(join(dir, 'a'), 1);
    runB = run(join(dir, 'b'), 2);
    one = await startServer({ runDirs: [runA], port: 0, host: '127.0.0.1' });
    two = await startServer({ runDirs: [runA, runB], port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await one?.close();
    await two?.close();
  });

  /** A page whose columns' answers are held until `release`; the paths it asked for. */
  async function heldPage(url: string): Promise<{ page: Page; release: () => void; asked: string[] }> {
    const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    let release = (): void => undefined;
    const held = new Promise<void>((ok) => (release = ok));
    await ctx.route('**/api/runs/*/columns', async (route) => {
      await held;
      await route.continue();
    });
    const page = await ctx.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    const asked: string[] = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await page.goto(url);
    return { page, release, asked };
  }

  it('serves the first rows that did not fail, the counts and the spans of the whole columns', async () => {
    const log = readLog(runA);
    const r = await fetch(new URL('/api/runs/0/head?rows=25', one.url));
    const head = JSON.parse(r.headers.get('X-Head')!) as { shown: number; failed: number; spans: ValueSpan[] };
    const data = new Float64Array(await r.arrayBuffer());
    const kept = log.rows.filter((row) => row[log.header.indexOf('status')] !== 'failed');
    expect(head).toMatchObject({ shown: 297, failed: 3 });
    const codes: Record<string, number> = { feasible: 0, infeasible: 1 };
    log.header.forEach((name, k) => {
      for (let j = 0; j < 25; j++) {
        const cell = kept[j]![k]!;
        expect(data[k * 25 + j], `${name} row ${j}`).toBe(name === 'status' ? codes[cell] : Number(cell));
      }
    });
    // x1: the negative value past the first page; the largest of the 297 rows' values
    const x1 = kept.map((row) => Number(row[log.header.indexOf('x1')]));
    expect(head.spans[log.header.indexOf('x1')]).toMatchObject({
      negative: true,
      smallest: Math.min(...x1.map(Math.abs).filter((a) => a > 0)),
      largest: Math.max(...x1.map(Math.abs)),
    });
  });

  it('shows the first page, the counts and a loading note before the columns, the same table after them', async () => {
    const { page, release } = await heldPage(one.url);
    await page.getByTestId('design-row').first().waitFor();
    const before = await tableText(page);
    expect(await page.getByTestId('loading').textContent()).toContain('plots loading');
    expect(await page.evaluate(() => document.body.dataset['ready'])).toBeUndefined();
    expect(await rowCount(page)).toBe(297);
    expect(await page.locator('#row-total').textContent()).toBe('of 297 designs (3 failed evaluations not shown)');
    const shown = await page.getByTestId('design-row').evaluateAll((rows) => rows.map((r) => r.dataset['index']));
    expect(shown.map(Number)).toEqual(shownEvals(readLog(runA)).slice(0, 25));
    // the x1 column is as wide as "-8.888e-4" (9 characters: evaluation 250's decade and sign), which none of the
    // first page's values in [0, 1] reach: the header's text is the gap, then "x1" and room for the sort arrow
    expect(await page.locator('[role=columnheader][data-key="x1"]').textContent()).toBe(`  ${'x1  '.padStart(9)}`);
    release();
    await page.waitForSelector('body[data-ready="true"]');
    expect(await tableText(page)).toBe(before);
    expect(await page.getByTestId('loading').textContent()).toBe('');
    await page.context().close();
  });

  it("merges two runs' first rows as the whole table sorts them", async () => {
    const { page, release } = await heldPage(two.url);
    await page.getByTestId('design-row').first().waitFor();
    const before = await tableText(page);
    expect(await rowCount(page)).toBe(594);
    // the union front is not known before /api/compare answers: the first page claims none
    expect(before).not.toContain('union');
    const compared = page.waitForResponse((r) => r.url().endsWith('/api/compare'));
    release();
    await page.waitForSelector('body[data-ready="true"]');
    await compared;
    await expect.poll(() => tableText(page)).toContain('union');
    // the same rows and widths; the front column says which of a run's front designs are on the union front
    const noUnion = (text: string): string => text.replace(/union(?=\n|$)/g, 'yes  ');
    expect(noUnion(await tableText(page))).toBe(before);
    await page.context().close();
  });

  it('asks for no first rows when a link sorts the table by another column', async () => {
    const { page, release, asked } = await heldPage(`${one.url}?sort=f1:asc`);
    release();
    await page.waitForSelector('body[data-ready="true"]');
    expect(asked.some((p) => p.endsWith('/head'))).toBe(false);
    expect(asked).toContain('/api/runs/0/columns');
    await page.context().close();
  });

  it('the pages had no errors', () => {
    expect(errors).toEqual([]);
  });
});
