/**
 * Runs for the odc serve tests (their logs as CSV: odc run --log csv), an independent reader of their
 * evaluations.csv, the two-objective hypervolume and IGD+ written out by hand, `odc serve` as a child process, and
 * the explorer's pages in the browser tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { stopChild } from '../helpers/process.js';

/**
 * evaluations.csv as the test reads it: header cells and, per row, the cells before `reason` (never quoted: numbers and
 * option names).
 */
/**
 * Viridis at 8 evenly spaced points: entries ⌊256 k / 7⌋ (k = 0 … 6, then the last, 255) of matplotlib's 256-colour
 * viridis table (_viridis_data, van der Walt, Smith and Firing 2015), each channel × 255 rounded: e.g. entry 36
 * (0.275191, 0.194905, 0.496005) → #46327e, entry 219 (0.626579, 0.854645, 0.223353) → #a0da39.
 */
export const VIRIDIS8 = ['#440154', '#46327e', '#365c8d', '#277f8e', '#1fa187', '#4ac16d', '#a0da39', '#fde725'];

export interface LogTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export function readLog(runDir: string): LogTable {
  const lines = readFileSync(join(runDir, 'evaluations.csv'), 'utf8')
    .split('\n')
    .filter((l) => l !== '');
  const header = lines[0]!.split(',');
  const cut = header.indexOf('reason');
  return { header: header.slice(0, cut), rows: lines.slice(1).map((l) => l.split(',').slice(0, cut)) };
}

/** Values of a column for the rows that did not fail (what the explorer shows). */
export function shownValues(log: LogTable, column: string): number[] {
  const k = log.header.indexOf(column);
  const s = log.header.indexOf('status');
  if (k < 0) throw new Error(`no column ${column}`);
  return log.rows.filter((r) => r[s] !== 'failed').map((r) => Number(r[k]));
}

/** Rows that did not fail and keep every filter's closed interval. */
export function countKept(log: LogTable, filters: readonly { metric: string; lo: number; hi: number }[]): number {
  const s = log.header.indexOf('status');
  const cols = filters.map((f) => log.header.indexOf(f.metric));
  return log.rows.filter(
    (r) =>
      r[s] !== 'failed' &&
      filters.every((f, i) => {
        const v = Number(r[cols[i]!]);
        return v >= f.lo && v <= f.hi;
      }),
  ).length;
}

/**
 * The explorer's link once it follows the view: the page updates its URL a moment after a change (main.ts followUrl),
 * so a test reads it when none is pending.
 */
export async function viewLink(page: Page): Promise<URL> {
  await page.waitForFunction(
    () => !(window as unknown as { __explorer: { urlPending: boolean } }).__explorer.urlPending,
  );
  return new URL(await page.evaluate(() => location.href));
}

export interface ServeProcess {
  readonly url: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

/** `odc serve <dirs> --port 0` from dist/, resolved with the URL of its first stdout line. */
export function startServe(dirs: readonly string[]): Promise<ServeProcess> {
  const child = spawn(process.execPath, ['dist/src/entries/cli/bin.js', 'serve', ...dirs, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  return new Promise((ok, fail) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (url) =>
      ok({
        url,
        child,
        stop: () => stopChild(child),
      }),
    );
    child.once('exit', (code) => fail(new Error(`odc serve exited with ${code}: ${stderr}`)));
  });
}

/** Runs `odc serve` expecting it to stop: exit code and stderr. */
export function serveExit(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['dist/src/entries/cli/bin.js', 'serve', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => {
    stdout += c.toString();
  });
  child.stderr!.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  return new Promise((ok) => child.once('exit', (code) => ok({ code, stdout, stderr })));
}

/**
 * Hypervolume and IGD+ of two-objective fronts (minimized) on one normalization, written out by hand: the union's
 * ideal and nadir map to 0 and 1; hypervolume to the reference (1.1, 1.1) as a staircase of strips; IGD+ (Ishibuchi et
 * al. 2015) as the mean over the non-dominated union of the distance to the nearest front point, counting only where
 * that point is worse. Also the size of the non-dominated union.
 */
export function indicators2D(fronts: readonly (readonly (readonly [number, number])[])[]): {
  runs: { hypervolume: number; igdPlus: number }[];
  union: number;
} {
  const all = fronts.flat();
  const lo = [0, 1].map((j) => Math.min(...all.map((p) => p[j]!)));
  const hi = [0, 1].map((j) => Math.max(...all.map((p) => p[j]!)));
  const norm = (p: readonly number[]): number[] => p.map((v, j) => (v - lo[j]!) / (hi[j]! - lo[j]!));
  const dominated = (p: readonly number[], set: readonly (readonly number[])[]): boolean =>
    set.some((q) => q[0]! <= p[0]! && q[1]! <= p[1]! && (q[0]! < p[0]! || q[1]! < p[1]!));
  const Z = all.map(norm).filter((p, _, s) => !dominated(p, s));
  const runs = fronts.map((F) => {
    // staircase area to the reference: points sorted by f1, each adds its strip below the previous f2
    const pts = F.map(norm)
      .filter((p, _, s) => !dominated(p, s))
      .sort((a, b) => a[0]! - b[0]!);
    let hypervolume = 0;
    let prevF2 = 1.1;
    for (const p of pts) {
      hypervolume += (1.1 - p[0]!) * (prevF2 - p[1]!);
      prevF2 = Math.min(prevF2, p[1]!);
    }
    const dPlus = (a: readonly number[], z: readonly number[]): number =>
      Math.hypot(Math.max(a[0]! - z[0]!, 0), Math.max(a[1]! - z[1]!, 0));
    const igdPlus = Z.reduce((s, z) => s + Math.min(...F.map(norm).map((a) => dPlus(a, z))), 0) / Z.length;
    return { hypervolume, igdPlus };
  });
  return { runs, union: Z.length };
}

/**
 * A copy of a finished run that looks like one still going: run.json "running", the first half of its log as the
 * partial log.
 */
export function runningCopy(from: string, to: string): { rest: string } {
  mkdirSync(to);
  copyFileSync(join(from, 'study.yaml'), join(to, 'study.yaml'));
  const meta = JSON.parse(readFileSync(join(from, 'run.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(
    join(to, 'run.json'),
    JSON.stringify({ ...meta, status: 'running', result: undefined, decision: undefined }),
  );
  const text = readFileSync(join(from, 'evaluations.csv'), 'utf8');
  const lines = text.split('\n');
  const half = Math.floor(lines.length / 2);
  const head = `${lines.slice(0, half).join('\n')}\n`;
  // a row being written: half of the next line, no newline yet
  const next = lines[half]!;
  writeFileSync(join(to, 'evaluations.csv.partial'), head + next.slice(0, 10));
  return { rest: text.slice(head.length + 10) };
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** What the explorer's pages did that they should not: requests off the loopback interface, console and page errors. */
export interface PageFaults {
  readonly foreign: string[];
  readonly errors: string[];
}

/** A fresh page on the explorer at url, ready; every request off the loopback interface recorded and refused. */
export async function openExplorer(
  browser: Browser,
  url: string,
  faults: PageFaults,
  context: BrowserContextOptions = {},
  /** A script the page runs before its own (a setting a test gives the app: main.ts window.odcAhead). */
  initScript?: string,
): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 }, ...context });
  if (initScript !== undefined) await ctx.addInitScript(initScript);
  await ctx.route('**/*', (route) => {
    const host = new URL(route.request().url()).host.replace(/:\d+$/, '');
    if (LOOPBACK.has(host)) return route.continue();
    faults.foreign.push(route.request().url());
    return route.abort();
  });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => faults.errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') faults.errors.push(m.text());
  });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  await exactFrame(page);
  return page;
}

/**
 * Waits until every view shows its exact counts (body[data-drawn="exact"]): from SAMPLE_FROM kept designs on, the page
 * draws a sample of them first and refines it after the frame (src/serve/app/main.ts).
 */
export async function exactFrame(page: Page): Promise<void> {
  await page.waitForSelector('body[data-drawn="exact"]', { state: 'attached' });
}

/** Every canvas of the page as a data URL (equal strings, equal pixels), once the exact counts are drawn. */
export async function canvases(page: Page): Promise<string[]> {
  await exactFrame(page);
  return page.evaluate(() => Array.from(document.querySelectorAll('canvas'), (c) => c.toDataURL()));
}

/** A scatter panel as the canvas's data-panels attribute gives it (src/serve/app/scatter.ts place()). */
export interface PanelAt {
  x: string;
  y: string;
  left: number;
  top: number;
  size: number;
  xSpan: [number, number];
  ySpan: [number, number];
}

/** The row count the explorer shows. */
export const rowCount = async (page: Page): Promise<number> =>
  Number(await page.getByTestId('row-count').textContent());

/** Relative closeness (0.5 % unless told: 3–4 significant digits) of a figure as printed to the logged value. */
export const printedAs = (printed: string, value: number, rel = 0.005): boolean =>
  Math.abs(Number(printed.replace(/,/g, '')) - value) <= rel * Math.abs(value);

/** Clicks the first design of the front: its evaluation index and the budget panel, once the panel shows it. */
export async function showFirstFrontDesign(page: Page): Promise<{ index: number; budget: Locator }> {
  await page.getByRole('button', { name: 'front', exact: true }).click();
  const row = page.getByTestId('design-row').first();
  const index = Number(await row.getAttribute('data-index'));
  await row.click();
  const budget = page.getByTestId('budget');
  await expect.poll(() => budget.getAttribute('data-index')).toBe(String(index));
  return { index, budget };
}

/** The figure the budget panel prints beside `label` (the second cell of the first row labelled so). */
export const budgetCell = async (budget: Locator, label: string): Promise<string> =>
  (await budget
    .locator('tr', { has: budget.page().locator(`td:text-is("${label}")`) })
    .first()
    .locator('td')
    .nth(1)
    .textContent())!;
