/**
 * Explorer benchmark (a script, not a vitest test): `npm run bench:explorer`. Builds synthetic DTLZ2 run folders with
 * 6 objectives and 15 variables of 100,000 and 1,000,000 evaluations (`--sizes a,b,…` for others; the last ON_FRONT
 * on the front: `--sizes 500` is all front lines), serves each with odc serve and measures in headless Chromium:
 * - first rows: navigation start to the first design row of the table in the DOM (a MutationObserver installed before
 *   the page's own script), and the end of each step of the first load;
 * - load: navigation start to the first render of every view (parallel coordinates, scatter matrix, table), as the
 *   page records it (window.__explorer.loadMs), median of 3 fresh pages, and the CPU time Chromium's processes spent
 *   meanwhile (from /proc: less inflated by other jobs than the wall clock);
 * - brush: one filter change on an objective recomputed and drawn in every view, 15 per page: its JavaScript time, its
 *   time to the next painted frame (a requestAnimationFrame callback then a task after it: the browser's style,
 *   layout, paint and commit of that frame included) and to the exact frame painted (a view that counts a million
 *   designs afresh draws a sample of them first and refines it: src/serve/app/main.ts; the same frame when it does
 *   not); and the renderer's work per brush from a Chromium trace
 *   (milliseconds and count of style, layout, text shaping, paint, raster... events: counts repeat whatever the
 *   load); and a real mouse drag along an axis (median of the renders its mouse moves caused);
 * - colouring: a colour column chosen in the menu to the exact frame painted (and to the next painted frame, a sample
 *   when the page refines it): after the brushes, f2, x1 and the runs'
 *   colour, each the first time, then the same again (a column chosen again over the same span reuses its colours);
 *   and on the fresh page, every design kept, f3, x1 and x15 (an objective, the first and the last variable of the
 *   colour menu), each followed by the runs' colour (every kept design counted again by colour);
 * - with ODC_BENCH_PEER_DIST=<another build's dist folder> (e.g. main's, built into a second folder), the same pages
 *   served by that build too, alternately with this one's, and the ratios of the two;
 * - peer: the same parallel coordinates drawn the usual canvas way (one stroked polyline per design, as canvas
 *   parallel-coordinates libraries do), measured in the same page, against the explorer's full brush update.
 * - CPU: the same app code (mask, binned parallel coordinates, scatter points, colouring) run in this Node process
 *   (V8, as Chromium's), timed by process.cpuUsage: a figure that a machine shared with other jobs inflates far less
 *   than the wall-clock ones above (./explorerCpu.ts; with ODC_BENCH_PEER_DIST, the peer build's app code on the same
 *   columns too, steps interleaved, and whether both drew the same frames); `--cpu-only`: these alone, on columns
 *   made in memory (no CSV written and parsed, no page);
 * - under load (./explorerLoad.ts; skipped with `--no-load`): two runs of 50,000 evaluations, first rows and
 *   brush-to-filtered-table with every core busy, against the same pages on the machine as it is: the budgets of
 *   docs/explorer.md.
 * Figures only; no assertions on wall time. `--docs` writes the table of the sizes into docs/performance.md
 * (./markedSection.ts).
 */
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/serve/server.js';
import type { RunColumns } from '../../src/serve/app/data.js';
import { writeDtlz2Folder } from '../serve/syntheticRun.js';
import { CHROMIUM, launchChromium } from '../helpers/chromium.js';
import { createRng } from '../../src/base/rng.js';
import { measureUnderLoad, pageTimingFirstRows } from './explorerLoad.js';
import {
  cpuLine,
  dtlz2,
  explorerCpu,
  M,
  memoryColumns,
  N_VAR,
  ON_FRONT,
  peerAppCode,
  type CpuFigures,
} from './explorerCpu.js';
import { docsRequested, loadLine, mdTable, writeMarkedSections } from './markedSection.js';
import { childrenCpuMs, FRAME_WORK, frameWork } from './browserCost.js';

function buildRun(dir: string, n: number): void {
  const rng = createRng(12345 + n);
  const r = (): number => rng.next();
  const names = Array.from({ length: N_VAR }, (_, i) => `x${i + 1}`);
  const objNames = Array.from({ length: M }, (_, j) => `f${j + 1}`);
  const perGeneration = 200;
  const lines = [['eval', 'generation', 'status', ...names, ...objNames, 'violation', 'reason'].join(',')];
  const front: number[] = [];
  for (let e = 0; e < n; e++) {
    const onFront = e >= n - ON_FRONT;
    const spread = 1 - e / n;
    const x = names.map((_, i) => (i < M - 1 ? r() : onFront ? 0.5 : 0.5 + (r() - 0.5) * spread));
    if (onFront) front.push(e);
    lines.push([e, Math.floor(e / perGeneration), 'feasible', ...x, ...dtlz2(x), 0, ''].join(','));
  }
  writeDtlz2Folder(dir, {
    name: 'dtlz2-explorer-bench',
    variables: names,
    objectives: objNames,
    perGeneration,
    lines,
    // the explorer reads only the front's indices
    designs: front.map((index) => ({ index, variables: {}, objectives: {}, constraints: {}, record: null })),
  });
}

/** What the page says of its first load (window.__explorer). */
interface Timings {
  steps: Record<string, number>;
  idleMarks?: readonly string[]; // the steps that end the page's idle work after the load (a build without: `sorted`)
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** The page's timer of a change's frames (pageTimingFirstRows): the next painted one and the exact one. */
type FramesAfter = (t0: number) => Promise<{ first: number; exact: number }>;

/** Filter changes on the objectives, each timed in JS, to the next painted frame and to the exact frame. */
function brushes(
  page: Page,
): Promise<{ js: number[]; first: number[]; frame: number[]; parts: Record<string, number>[] }> {
  return page.evaluate(async (m) => {
    const w = window as unknown as {
      __explorer: { setFilter(metric: string, lo: number, hi: number): number; parts: Record<string, number> };
      __framesAfter: FramesAfter;
    };
    const ex = w.__explorer;
    const js: number[] = [];
    const first: number[] = [];
    const frame: number[] = [];
    const parts: Record<string, number>[] = [];
    for (let k = 0; k < 15; k++) {
      const lo = 0.05 * (k % 10);
      const t0 = performance.now();
      js.push(ex.setFilter(`f${(k % m) + 1}`, lo, lo + 0.6));
      parts.push({ ...ex.parts });
      const f = await w.__framesAfter(t0);
      first.push(f.first);
      frame.push(f.exact);
    }
    return { js, first, frame, parts };
  }, M);
}

/** One stroked polyline per design over the same axes and canvas size: the usual canvas parallel coordinates. */
function naiveParcoords(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const shown = document.querySelector<HTMLCanvasElement>('[data-testid=parcoords] canvas')!;
    const axes = JSON.parse(shown.dataset['axes']!) as { name: string; x: number }[];
    const top = Number(shown.dataset['plotTop']);
    const height = Number(shown.dataset['plotHeight']);
    const canvas = document.createElement('canvas');
    canvas.width = shown.width;
    canvas.height = shown.height;
    const ctx = canvas.getContext('2d')!;
    const cols = (window as unknown as { __explorerColumns?: Float64Array[] }).__explorerColumns;
    const rows = cols?.[0]?.length ?? 0;
    const times: number[] = [];
    for (let rep = 0; rep < 3; rep++) {
      const t0 = performance.now();
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.strokeStyle = 'rgba(31, 111, 180, 0.2)';
      ctx.beginPath();
      for (let i = 0; i < rows; i++) {
        axes.forEach((a, k) => {
          const y = top + (1 - cols![k]![i]!) * height;
          if (k === 0) ctx.moveTo(a.x, y);
          else ctx.lineTo(a.x, y);
        });
      }
      ctx.stroke();
      ctx.getImageData(0, 0, 1, 1);
      times.push(performance.now() - t0);
    }
    return times;
  });
}

/** The served columns of a server's first run, as the page fetches them. */
function servedColumns(server: RunningServer): RunColumns {
  const run = server.runs[0]!;
  const buf = Buffer.concat(run.columnsChunks());
  return {
    info: run.info(),
    data: new Float64Array(buf.buffer, buf.byteOffset, buf.byteLength / 8),
    frontIndices: Array.from(run.front()),
  };
}

/** The peer build's app code for the CPU figures (ODC_BENCH_PEER_DIST), or null. */
const peerApp = async (): Promise<Awaited<ReturnType<typeof peerAppCode>> | null> => {
  const peer = process.env['ODC_BENCH_PEER_DIST'];
  return peer === undefined || peer === '' ? null : peerAppCode(peer);
};

interface PageFigures {
  /** Navigation start to the first design row of the table in the DOM. */
  firstRows: number;
  load: number;
  loadCpu: number;
  js: number[];
  frame: number[];
  parts: Record<string, number>[];
  work: Record<string, { ms: number; n: number }>;
  /** A colour column chosen (f2, x1, back to the runs' colour, twice) to the exact frame painted, and its parts. */
  colouring: number[];
  /** The same to the next painted frame (a sample of the designs when the page refines it: main.ts). */
  colouringFirst: number[];
  /** f3 chosen with every design kept (before the brushes), to the exact frame painted and to the next one. */
  colouringAll: number;
  colouringAllFirst: number;
  /** x1 and x15 (the first and last variable of the colour menu) chosen so, to the exact frame painted. */
  colouringAllVariables: number[];
  /** Its layout's parts; the end of each step of the idle work after the load, from the load's end (idleMarks). */
  colouringAllParts: Record<string, number>;
  idle: Record<string, number>;
  /** Brushes to the next painted frame (`frame`: to the exact one). */
  first: number[];
  colouringParts: Record<string, number>[];
  /** Hashes of the plots' pixels after each colour change (every design kept, then brushed). */
  pixels: string[];
  /** performance.now() at the end of each step of the first load (window.__explorer.steps). */
  steps: Record<string, number>;
}

/**
 * Colour-column changes in the menu (a name, '' for the runs' colour), each timed to the exact frame painted
 * (`times`) and to the next painted frame (`first`).
 */
function colourChanges(
  page: Page,
  columns: readonly string[],
): Promise<{ times: number[]; first: number[]; parts: Record<string, number>[]; pixels: string[] }> {
  return page.evaluate(async (columns) => {
    const menu = document.getElementById('colour-by') as HTMLSelectElement;
    const w = window as unknown as { __explorer: { layoutParts: Record<string, number> }; __framesAfter: FramesAfter };
    const times: number[] = [];
    const first: number[] = [];
    const parts: Record<string, number>[] = [];
    /** Per change, a hash (FNV-1a) of the plots' pixels in the exact frame, to compare with the peer build's. */
    const pixels: string[] = [];
    const hash = (): string => {
      let h = 0x811c9dc5;
      for (const id of ['parcoords', 'scatter']) {
        const c = document.querySelector<HTMLCanvasElement>(`[data-testid=${id}] canvas`)!;
        const words = new Uint32Array(c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data.buffer);
        for (let k = 0; k < words.length; k++) h = Math.imul(h ^ words[k]!, 0x01000193);
      }
      return (h >>> 0).toString(16);
    };
    for (const column of columns) {
      const t0 = performance.now();
      menu.value = column;
      menu.dispatchEvent(new Event('change'));
      parts.push({ ...w.__explorer.layoutParts });
      const f = await w.__framesAfter(t0);
      first.push(f.first);
      times.push(f.exact);
      pixels.push(hash());
    }
    return { times, first, parts, pixels };
  }, columns);
}

/** A fresh page: load to the first render of every view, then 15 filter changes timed, then the same 15 traced. */
async function pageFigures(browser: Browser, url: string): Promise<{ page: Page; figures: PageFigures }> {
  const page = await pageTimingFirstRows(browser);
  const cpu0 = childrenCpuMs();
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 300_000 });
  // the views' exact counts (a page that drew a sample of a million designs first refines them after the load)
  await page.evaluate(() =>
    (window as unknown as { __explorer: { whenComplete?: () => Promise<void> } }).__explorer.whenComplete?.(),
  );
  const loadCpu = childrenCpuMs() - cpu0;
  const { load, firstRows, steps } = await page.evaluate(() => {
    const w = window as unknown as {
      __explorer: { loadMs: number; steps: Record<string, number> };
      __firstRows: number;
    };
    return { load: w.__explorer.loadMs, firstRows: w.__firstRows, steps: { ...w.__explorer.steps } };
  });
  // every design kept: a colour column counted over all of them once the page's idle work after the load has ended
  // (the steps it names in idleMarks, or the objectives sorted; a build that does not say so: 20 s); their ends
  const idle = (await page
    .waitForFunction(
      () => {
        const ex = (window as unknown as { __explorer: Timings & { loadMs: number } }).__explorer;
        const marks = ex.idleMarks ?? ['sorted'];
        const ends = marks.map((s) => [s, ex.steps[s]! - ex.loadMs] as const);
        return marks.every((s) => ex.steps[s] !== undefined) && Object.fromEntries(ends);
      },
      undefined,
      { timeout: 20_000 },
    )
    .then((h) => h.jsonValue())
    .catch(() => ({}))) as Record<string, number>;
  const all = await colourChanges(page, ['f3', '', 'x1', '', 'x15', '']);
  // timed without tracing (a trace's disabled-by-default categories slow the renderer); then the same filter changes
  // again, traced, for the renderer's work per brush
  const { js, first, frame, parts } = await brushes(page);
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc'],
  });
  const traced = await brushes(page);
  const work = frameWork(await browser.stopTracing(), traced.js.length);
  const colours = await colourChanges(page, ['f2', 'x1', '', 'f2', 'x1', '']);
  const figures = { firstRows, steps, load, loadCpu, js, first, frame, parts, work };
  return {
    page,
    figures: {
      ...figures,
      colouringAll: all.times[0]!,
      colouringAllFirst: all.first[0]!,
      colouringAllVariables: [all.times[2]!, all.times[4]!],
      colouringAllParts: all.parts[0]!,
      idle,
      colouring: colours.times,
      colouringFirst: colours.first,
      colouringParts: colours.parts,
      pixels: [...all.pixels, ...colours.pixels],
    },
  };
}

const fmt = (x: number): string => x.toFixed(1);

function printFigures(label: string, all: readonly PageFigures[]): void {
  const loads = all.map((f) => f.load);
  const js = all.flatMap((f) => f.js);
  const frame = all.flatMap((f) => f.frame);
  const parts = all.flatMap((f) => f.parts);
  const first = all.flatMap((f) => f.colouring.slice(0, 3));
  const again = all.flatMap((f) => f.colouring.slice(3));
  const next = (xs: readonly number[]): string => `next painted frame ${fmt(median(xs))} ms`;
  console.log(
    `  ${label}FIRST ROWS: median ${fmt(median(all.map((f) => f.firstRows)))} ms; COLOURING (a colour column ` +
      `chosen, brushed) to the EXACT frame painted: median ${fmt(median(first))} ms the first time (${first.map(fmt).join(', ')}; ` +
      `${next(all.flatMap((f) => f.colouringFirst.slice(0, 3)))}), ${fmt(median(again))} ms again (` +
      `${next(all.flatMap((f) => f.colouringFirst.slice(3)))}); f3 with every design kept: median ` +
      `${fmt(median(all.map((f) => f.colouringAll)))} ms (${next(all.map((f) => f.colouringAllFirst))}), x1 and ` +
      `x15 with every design kept: median ${fmt(median(all.flatMap((f) => f.colouringAllVariables)))} ms ` +
      `(${all
        .flatMap((f) => f.colouringAllVariables)
        .map(fmt)
        .join(', ')})`,
  );
  console.log(
    `  ${label}load to first render of all views: median ${fmt(median(loads))} ms (${loads.map(fmt).join(', ')}); ` +
      `Chromium CPU during the load: median ${fmt(median(all.map((f) => f.loadCpu)))} ms`,
  );
  console.log(
    `  ${label}BRUSH TO THE EXACT FRAME PAINTED: median ${fmt(median(frame))} ms (${frame.map(fmt).join(', ')}; ` +
      `next painted frame ${fmt(median(all.flatMap((f) => f.first)))} ms); its JavaScript, all views: median ` +
      `${fmt(median(js))} ms (${js.length} filter changes)`,
  );
  // each part's median (a page without a part's figures prints no line for it; a part some pages lack: theirs)
  const byPart = (name: string, ps: readonly Record<string, number>[]): void => {
    const keys = [...new Set(ps.flatMap((p) => Object.keys(p)))];
    const of = (v: string): number[] => ps.flatMap((p) => (p[v] === undefined ? [] : [p[v]]));
    if (keys.length > 0)
      console.log(`  ${label}${name}: ${keys.map((v) => `${v} ${fmt(median(of(v)))} ms`).join(', ')}`);
  };
  const lines: [string, Record<string, number>[]][] = [
    ['brush by view (JS, medians)', parts],
    ['colouring by step (JS, medians)', all.flatMap((f) => f.colouringParts)],
    ['f3 with every design kept, by step (JS, medians)', all.map((f) => f.colouringAllParts)],
    ['idle work after the load, end of each step (from the load, medians)', all.map((f) => f.idle)],
    ['first load, end of each step (from navigation start, medians)', all.map((f) => f.steps)],
  ];
  for (const [name, ps] of lines) byPart(name, ps);
  const names = Object.values(FRAME_WORK);
  const work = names
    .map((name) => {
      const ws = all.map((f) => f.work[name] ?? { ms: 0, n: 0 });
      return `${name} ${fmt(median(ws.map((w) => w.ms)))} ms ×${fmt(median(ws.map((w) => w.n)))}`;
    })
    .join(', ');
  console.log(`  ${label}renderer work per brush (trace, medians of pages): ${work}`);
}

/** odc serve from another build (ODC_BENCH_PEER_DIST=<its dist folder>), for a comparison in the same run. */
async function peerServer(dir: string): Promise<RunningServer | null> {
  const peer = process.env['ODC_BENCH_PEER_DIST'];
  if (peer === undefined || peer === '') return null;
  const mod = (await import(pathToFileURL(resolve(peer, 'src/serve/server.js')).href)) as {
    startServer: typeof startServer;
  };
  return mod.startServer({ runDirs: [dir], port: 0, host: '127.0.0.1' });
}

/** Medians of this build's pages, ms, and its CPU figures in Node: docs/performance.md's figures. */
interface DocFigures {
  readonly firstRows: number;
  /** A colour column chosen the first time after the brushes, again, and with every design kept (the exact frames). */
  readonly colouring: number;
  readonly colouringAgain: number;
  readonly colouringAll: number;
  /** x1 and x15 (the first and last variable of the menu) with every design kept, to the exact frame painted. */
  readonly colouringAllFirstVariable: number;
  readonly colouringAllLastVariable: number;
  /** The same to the next painted frame (a sample when the page refines it). */
  readonly colouringFirst: number;
  readonly colouringAllFirst: number;
  readonly cpu: CpuFigures;
  readonly load: number;
  readonly frame: number;
  readonly layout: number;
  readonly js: number;
}

async function measure(n: number, root: string): Promise<DocFigures> {
  const dir = join(root, `run-${n}`);
  buildRun(dir, n);
  const server = await startServer({ runDirs: [dir], port: 0, host: '127.0.0.1' });
  const peer = await peerServer(dir);
  const browser = await launchChromium();
  try {
    const ours: PageFigures[] = [];
    const theirs: PageFigures[] = [];
    let page: Page | undefined;
    // three fresh pages each, this build's and the peer's alternately
    for (let k = 0; k < 3; k++) {
      if (peer !== null) {
        const p = await pageFigures(browser, peer.url);
        theirs.push(p.figures);
        await p.page.close();
      }
      await page?.close();
      const p = await pageFigures(browser, server.url);
      ours.push(p.figures);
      page = p.page;
    }
    // a real mouse drag along the first axis: every mouse move re-renders
    await page!.evaluate(() => {
      (window as unknown as { __explorer: { renders: number[] } }).__explorer.renders.length = 0;
    });
    const canvas = page!.getByTestId('parcoords').locator('canvas');
    const box = (await canvas.boundingBox())!;
    const axes = JSON.parse((await canvas.getAttribute('data-axes'))!) as { name: string; x: number }[];
    const f1 = axes.find((a) => a.name === 'f1')!;
    await page!.mouse.move(box.x + f1.x, box.y + 80);
    await page!.mouse.down();
    await page!.mouse.move(box.x + f1.x, box.y + 260, { steps: 12 });
    await page!.mouse.up();
    const mouse = await page!.evaluate(() => [
      ...(window as unknown as { __explorer: { renders: number[] } }).__explorer.renders,
    ]);
    // the peer draws the visible axes' values scaled to [0, 1], fetched here so its timing holds drawing only
    await page!.evaluate(async () => {
      const info = ((await (await fetch('/api/runs')).json()) as { columns: { name: string }[]; rows: number }[])[0]!;
      const data = new Float64Array(await (await fetch('/api/runs/0/columns')).arrayBuffer());
      const rows = data.length / info.columns.length;
      const shown = document.querySelector<HTMLCanvasElement>('[data-testid=parcoords] canvas')!;
      const axes = JSON.parse(shown.dataset['axes']!) as { name: string }[];
      (window as unknown as { __explorerColumns: Float64Array[] }).__explorerColumns = axes.map((a) => {
        const k = info.columns.findIndex((c) => c.name === a.name);
        const col = data.subarray(k * rows, (k + 1) * rows);
        let lo = Infinity;
        let hi = -Infinity;
        for (const v of col) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
        return Float64Array.from(col, (v) => (v - lo) / (hi - lo || 1));
      });
    });
    const naive = await naiveParcoords(page!);
    console.log(`${n.toLocaleString('en-US')} evaluations × ${N_VAR + M + 3 + 1} columns, ${axes.length} axes:`);
    printFigures('', ours);
    if (peer !== null) {
      printFigures('peer build: ', theirs);
      const ratio = (f: (x: PageFigures) => number[]): string =>
        (median(ours.flatMap(f)) / median(theirs.flatMap(f))).toFixed(2);
      console.log(
        `  this build / peer build (same run, interleaved): load ${ratio((f) => [f.load])}, ` +
          `Chromium CPU at load ${ratio((f) => [f.loadCpu])}, brush to the exact frame ${ratio((f) => f.frame)}, ` +
          `brush JS ${ratio((f) => f.js)}, colouring brushed first time ${ratio((f) => f.colouring.slice(0, 3))}, ` +
          `again ${ratio((f) => f.colouring.slice(3))}, every design kept ${ratio((f) => [f.colouringAll])} ` +
          `(variables ${ratio((f) => f.colouringAllVariables)}) ` +
          `(to the exact frame painted)`,
      );
      const same = ours.every((f, k) => f.pixels.join() === theirs[k]!.pixels.join());
      console.log(`  the same plots' pixels as the peer build after every colour change: ${same ? 'yes' : 'NO'}`);
    }
    const js = ours.flatMap((f) => f.js);
    console.log(`  mouse brush along f1: median ${fmt(median(mouse))} ms over ${mouse.length} renders`);
    console.log(
      `  peer, one stroked polyline per design (parallel coordinates only): median ${fmt(median(naive))} ms` +
        ` → ${(median(naive) / median(js)).toFixed(1)}× the explorer's full brush update`,
    );
    const cpu = explorerCpu(servedColumns(server), M, await peerApp());
    console.log(cpuLine('CPU in Node (same code)', cpu));
    return {
      firstRows: median(ours.map((f) => f.firstRows)),
      colouring: median(ours.flatMap((f) => f.colouring.slice(0, 3))),
      colouringAgain: median(ours.flatMap((f) => f.colouring.slice(3))),
      colouringAll: median(ours.map((f) => f.colouringAll)),
      colouringAllFirstVariable: median(ours.map((f) => f.colouringAllVariables[0]!)),
      colouringAllLastVariable: median(ours.map((f) => f.colouringAllVariables[1]!)),
      colouringFirst: median(ours.flatMap((f) => f.colouringFirst.slice(0, 3))),
      colouringAllFirst: median(ours.map((f) => f.colouringAllFirst)),
      cpu: cpu.ours,
      load: median(ours.map((f) => f.load)),
      frame: median(ours.flatMap((f) => f.frame)),
      layout: median(ours.map((f) => f.work['layout']?.ms ?? 0)),
      js: median(js),
    };
  } finally {
    await browser.close();
    await server.close();
    await peer?.close();
  }
}

const root = mkdtempSync(join(tmpdir(), 'odc-bench-explorer-'));
const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
console.log(
  `odc serve explorer benchmark (${new Date().toISOString().slice(0, 10)}), Chromium ${CHROMIUM}, ${cpus().length} cores, load average ${load()}`,
);
const sizesAt = process.argv.indexOf('--sizes');
const sizes =
  sizesAt >= 0 ? (process.argv[sizesAt + 1] ?? '').split(',').filter(Boolean).map(Number) : [100_000, 1_000_000];
const figures: DocFigures[] = [];
for (const n of sizes) {
  if (!process.argv.includes('--cpu-only')) {
    figures.push(await measure(n, root));
    continue;
  }
  // the app's steps in Node only, on columns made in memory (no CSV to write and parse, no page)
  console.log(`${n.toLocaleString('en-US')} evaluations (columns made in memory, no page):`);
  console.log(cpuLine('CPU in Node (same code)', explorerCpu(memoryColumns(n), M, await peerApp())));
}
const docLoad = loadLine();
if (!process.argv.includes('--cpu-only') && !process.argv.includes('--no-load')) await measureUnderLoad(root);
if (docsRequested() && figures.length === sizes.length) {
  const ms = (x: number): string => `${x >= 1000 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1)} ms`;
  const row = (figure: string, f: (x: DocFigures) => number, goal: string): string[] => [
    figure,
    ...figures.map((x) => ms(f(x))),
    goal,
  ];
  const table = mdTable(
    ['figure', ...sizes.map((n) => `${n.toLocaleString('en-US')} evaluations`), 'goal'],
    [
      row('first rows of the table (navigation start)', (x) => x.firstRows, '< 3 s'),
      row('load to the first render of every view', (x) => x.load, ''),
      row('brush to the exact frame painted', (x) => x.frame, '< 50 ms'),
      row('brush JavaScript, all views', (x) => x.js, ''),
      row('layout per brush (trace)', (x) => x.layout, ''),
      row('colour column chosen, brushed, first time, to the exact frame painted', (x) => x.colouring, '< 50 ms'),
      row('… to the next painted frame', (x) => x.colouringFirst, ''),
      row('the same colour column chosen again', (x) => x.colouringAgain, '< 50 ms'),
      row('colour column chosen, every design kept (f3), to the exact frame painted', (x) => x.colouringAll, '< 50 ms'),
      row('… to the next painted frame (a sample first when not made ahead)', (x) => x.colouringAllFirst, ''),
      row(
        "colour column chosen, every design kept (x1, the menu's first variable), to the exact frame painted",
        (x) => x.colouringAllFirstVariable,
        '< 50 ms',
      ),
      row(
        "colour column chosen, every design kept (x15, the menu's last variable), to the exact frame painted",
        (x) => x.colouringAllLastVariable,
        '< 50 ms',
      ),
      row('CPU in Node: brush (mask, lines, points)', (x) => x.cpu.brush, ''),
      row('CPU in Node: one step of a mouse drag', (x) => x.cpu.drag, ''),
      row('CPU in Node: colour column chosen', (x) => x.cpu.colouring, ''),
    ],
    sizes.map((_, k) => k + 1),
  );
  writeMarkedSections('docs/performance.md', [
    { name: 'bench-explorer', command: 'npm run bench:explorer', body: `${table}\n\n${docLoad}` },
  ]);
}
console.log(`load average at the end: ${load()}`);
