/**
 * The explorer's load, brush and colouring steps in Node (a part of `npm run bench:explorer`, no assertions): the
 * app's own code (dataset, mask, axis bins, binned parallel coordinates, scatter points, drawing and composition) run
 * in this process on a run's columns, timed by process.cpuUsage: a figure that a shared machine inflates far less
 * than the browser's wall clock. Three sequences, as the page runs them:
 * - brush: 15 filter changes on the objectives, each replacing its objective's filter and keeping the others (the
 *   page benchmark's setFilter sequence; the objectives sorted beforehand, as the page does while idle, and timed
 *   apart): the mask, the lines' counts, their drawing, the composed frame, and the
 *   scatter matrix's points (6 objectives: 15 panels);
 * - drag: a brush on f1 widened by 3 % of its span per step, 15 steps (a mouse dragging along the axis);
 * - colouring: the colour column changed (f2, x1, back to the runs' colour, 3 rounds): the colour of each design, the
 *   lines counted and drawn again by colour, the points again.
 * With a peer build's dist folder the same steps of that build's code run on the same columns, each alternating with
 * this build's; the ratio of their medians is printed, and whether both composed the same parallel-coordinates frames
 * (after the brushes and after each colour change)
 * (a peer without maskIndex.js computes each mask afresh; one without pointCounts.js draws its points as its
 * scatter did, one by one; the counts take the mask index's flips, which a peer build without them ignores).
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { RunColumns } from '../../src/serve/app/data.js';
import * as data from '../../src/serve/app/data.js';
import * as colour from '../../src/serve/app/colour.js';
import * as maskIndex from '../../src/serve/app/maskIndex.js';
import * as parcoords from '../../src/serve/app/parcoords.js';
import * as pcAxes from '../../src/serve/app/pcAxes.js';
import * as pointCounts from '../../src/serve/app/pointCounts.js';
import * as raster from '../../src/serve/app/raster.js';
import * as scales from '../../src/serve/app/scales.js';
import type { Filter } from '../../src/serve/urlState.js';
import { cpuMs } from './cpu.js';
import { createRng } from '../../src/base/rng.js';
import { createBenchmarkProblem } from '../../src/optimize/benchmarks/benchmarks.js';
import type { ColumnInfo, RunInfo } from '../../src/serve/runData.js';

/** The synthetic runs: DTLZ2 with 6 objectives and 15 variables. */
export const M = 6;
export const N_VAR = 15;
/** Evaluations exactly on the DTLZ2 front (distance variables at 0.5): the run's front. */
export const ON_FRONT = 2000;

/** The run's problem: the same DTLZ2 the study file names (src/optimize/benchmarks/benchmarks.ts). */
const DTLZ2 = createBenchmarkProblem({ problem: 'dtlz2', objectives: M, variables: N_VAR });

export function dtlz2(x: readonly number[]): number[] {
  const e = DTLZ2.evaluate(Float64Array.from(x));
  if (e.status !== 'ok') throw new Error(`DTLZ2 failed at ${x.join(', ')}`);
  return Array.from(e.f);
}

/**
 * The columns buildRun's folder of `n` evaluations is served as (eval, generation, status, x, f, violation), made in
 * memory: the CPU figures at sizes whose CSV would take minutes to write and parse.
 */
export function memoryColumns(n: number): RunColumns {
  const rng = createRng(12345 + n);
  const names = [
    ...Array.from({ length: N_VAR }, (_, i) => ({ name: `x${i + 1}`, role: 'variable' as const, unit: '' })),
    ...Array.from({ length: M }, (_, j) => ({
      name: `f${j + 1}`,
      role: 'objective' as const,
      unit: '',
      sense: 'minimize' as const,
    })),
  ];
  const columns: ColumnInfo[] = [
    { name: 'eval', role: 'index', unit: '' },
    { name: 'generation', role: 'generation', unit: '' },
    { name: 'status', role: 'status', unit: '' },
    ...names,
    { name: 'violation', role: 'violation', unit: '' },
  ];
  const data = new Float64Array(columns.length * n); // column-major, status and violation 0 (feasible)
  const front: number[] = [];
  for (let e = 0; e < n; e++) {
    const onFront = e >= n - ON_FRONT;
    const spread = 1 - e / n;
    const x = Array.from({ length: N_VAR }, (_, i) =>
      i < M - 1 ? rng.next() : onFront ? 0.5 : 0.5 + (rng.next() - 0.5) * spread,
    );
    if (onFront) front.push(e);
    const row = [e, Math.floor(e / 200), 0, ...x, ...dtlz2(x), 0];
    for (let c = 0; c < row.length; c++) data[c * n + e] = row[c]!;
  }
  const info = {
    id: 0,
    key: 'memory',
    name: 'dtlz2-explorer-bench',
    kind: 'benchmark',
    status: 'complete',
    columns,
    rows: n,
  };
  return { info: info as unknown as RunInfo, data, frontIndices: front };
}

/** The app modules the steps call: this build's, or a peer build's (the same exports; the newer ones optional). */
interface AppCode {
  readonly data: typeof data;
  readonly colour: typeof colour;
  readonly parcoords: Pick<typeof parcoords, 'BIN_PX' | 'PLOT_H'>;
  readonly pcAxes: Pick<typeof pcAxes, 'axisBins'>;
  readonly raster: typeof raster;
  readonly scales: typeof scales;
  readonly maskIndex: typeof maskIndex | null;
  readonly pointCounts: typeof pointCounts | null;
}
const THIS_BUILD: AppCode = { data, colour, parcoords, pcAxes, raster, scales, maskIndex, pointCounts };

/** A peer build's app modules from its dist folder. */
export async function peerAppCode(dist: string): Promise<AppCode> {
  const load = async <T>(path: string): Promise<T> =>
    (await import(pathToFileURL(resolve(dist, 'src/serve/app', path)).href)) as T;
  const optional = async <T>(path: string): Promise<T | null> => load<T>(path).catch(() => null);
  return {
    data: await load('data.js'),
    colour: await load('colour.js'),
    parcoords: await load('parcoords.js'),
    pcAxes: await load('pcAxes.js'),
    raster: await load('raster.js'),
    scales: await load('scales.js'),
    maskIndex: await optional('maskIndex.js'),
    pointCounts: await optional('pointCounts.js'),
  };
}

/** CPU ms of each part of a step (mask: the colour of each design, in a colour change). */
interface Parts {
  readonly mask: number;
  readonly counts: number;
  readonly draw: number;
  readonly compose: number;
  readonly points: number;
}
const PARTS = ['mask', 'counts', 'draw', 'compose', 'points'] as const;

export interface CpuFigures {
  readonly dataset: number;
  /** The objectives' sorted indexes (made while the page is idle). */
  readonly sorting: number;
  readonly binning: number;
  readonly background: number;
  /** Medians of the brush sequence (all parts, and each), of the drag and of the colour changes. */
  readonly brush: number;
  readonly parts: Parts;
  readonly drag: number;
  readonly dragParts: Parts;
  readonly colouring: number;
  readonly colouringParts: Parts;
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const sum = (p: Parts): number => PARTS.reduce((s, k) => s + p[k], 0);
const medianParts = (ps: readonly Parts[]): Parts =>
  Object.fromEntries(PARTS.map((k) => [k, median(ps.map((p) => p[k]))])) as unknown as Parts;

/**
 * What a build's counts take to reuse the ones they replace: the counts themselves (this build: their memory and
 * working arrays), or a peer build's, from before MaskCounts.adopt, their counts array.
 */
const reuseOf = <T extends { counts: Uint32Array }>(counts: T): T =>
  ('adopt' in counts ? counts : counts.counts) as unknown as T;

/** The scatter's loop before pointCounts.ts (src/serve/app/scatter.ts points()), for a peer build without it. */
function eachPoint(
  buf: Uint32Array,
  size: number,
  at: { X: Uint16Array; Y: Uint16Array; ox: number; oy: number; c: number },
  mask: Uint8Array,
  index: Uint8Array,
  colours: readonly number[],
): void {
  const { X, Y, ox, oy, c } = at;
  for (let r = 0; r < mask.length; r++) {
    if (mask[r] === 0) continue;
    const x = X[r]!;
    const y = Y[r]!;
    if (x === 65535 || y === 65535) continue;
    buf[(oy + c - y) * size + ox + x] = colours[index[r]!] ?? colours[0]!;
  }
}

/** The scatter matrix's layout in a 600-pixel-wide view: cells of 94 px, panels below the diagonal. */
const CELL = 94;
const GAP = 6;

/** The steps of one build on `columns`: load now, then one brush, drag step or colour change per call. */
function stepsOf(app: AppCode, columns: RunColumns, objectives: number) {
  const { buildDataset } = app.data;
  // a build before maskIndex.js computed each mask afresh (data.js computeMask)
  const { computeMask } = app.data as unknown as {
    computeMask: (d: typeof ds, subset: 'all', filters: readonly Filter[], mask: Uint8Array) => number;
  };
  const r = app.raster;
  let ds = buildDataset([columns], null);
  const dataset = cpuMs(() => {
    ds = buildDataset([columns], null);
  });
  const axes = ds.dims.filter((d) => d.role === 'objective' || d.role === 'variable' || d.role === 'constraint');
  const nb = Math.ceil(app.parcoords.PLOT_H / app.parcoords.BIN_PX);
  let bins: Uint16Array[] = [];
  const binning = cpuMs(() => {
    bins = axes.map((d) => app.pcAxes.axisBins(d, nb));
  });
  const width = 1330;
  const height = 342;
  const xs = axes.map((_, k) => Math.round(40 + (k * (width - 80)) / (axes.length - 1)));
  const geo = { xs, top: 40, binPx: app.parcoords.BIN_PX };
  const cells = r.pairCells(bins, nb);
  const all = new Uint8Array(ds.n).fill(1);
  let bg: Uint32Array = new Uint32Array(0);
  const background = cpuMs(() => {
    const grey = new r.LineCounts(cells, nb, 1, null);
    grey.update(all);
    const frame = r.newFrame(width, height);
    r.drawCountedLines(frame, grey, geo);
    bg = r.greyBackground(frame);
  });
  // the scatter matrix of the objectives
  const objs = ds.dims.filter((d) => d.role === 'objective');
  const c = CELL - 2;
  const px = objs.map((d) => {
    const sc = app.scales.axisScale(d);
    return Uint16Array.from(d.values, (v) => (sc.inside(v) ? Math.round(sc.position(v) * c) : 65535));
  });
  const panels: { i: number; j: number; ox: number; oy: number }[] = [];
  for (let i = 1; i < objs.length; i++)
    for (let j = 0; j < i; j++) panels.push({ i, j, ox: 3 + j * (CELL + GAP), oy: 3 + i * (CELL + GAP) });
  const side = 2 + objs.length * (CELL + GAP);
  const scatter = new Uint32Array(side * side);
  const P = app.pointCounts;

  let colours = app.colour.colouring(ds, null, (d) => app.scales.axisScale(d));
  let lines = new r.LineCounts(cells, nb, colours.palette.length, colours.index);
  let points =
    P !== null && ds.n >= P.BINNED_POINTS_FROM
      ? new P.PointCounts(px, panels, c, colours.palette.length, colours.index)
      : null;
  const fg = r.newFrame(width, height);
  const out = new Uint32Array(width * height);
  let palette = colours.palette.map(r.rgb);
  const index = app.maskIndex === null ? null : new app.maskIndex.MaskIndex(ds);
  // the objectives sorted before the brushes, as the page does while idle after loading (maskIndex.ts)
  const sorting = cpuMs(() => objs.forEach((d) => index?.prepare(d.name)));
  const mask = index?.mask ?? new Uint8Array(ds.n);
  /** The mask index's flips for the views' counts (undefined in a peer build without them: it compares masks). */
  const changes = (): maskIndex.MaskChanges | undefined => (index as Partial<maskIndex.MaskIndex> | null)?.changes?.();
  let filters: Filter[] = [];
  const words = (): number[] => palette.map(([red, green, blue]) => (255 << 24) | (blue << 16) | (green << 8) | red);

  /** The scatter's points: binned (pointCounts.ts) or one by one (a peer without pointCounts.js: its loop here). */
  const drawPoints = (): void => {
    scatter.fill(0xffffffff);
    if (points !== null) {
      if (points.update(mask, changes()) > 0) points.draw(scatter, side, words());
      return;
    }
    const ws = words();
    for (const { i, j, ox, oy } of panels) {
      const at = { X: px[j]!, Y: px[i]!, ox, oy, c };
      if (P !== null) P.drawEachPoint(scatter, side, at, mask, colours.index, ws, false);
      else eachPoint(scatter, side, at, mask, colours.index, ws);
    }
  };
  /** The parts of a render after the filters changed. */
  const render = (): Parts => ({
    mask: cpuMs(() => {
      if (index !== null) index.update('all', filters);
      else computeMask(ds, 'all', filters, mask);
    }),
    counts: cpuMs(() => lines.update(mask, changes())),
    draw: cpuMs(() => r.drawCountedLines(fg, lines, geo)),
    compose: cpuMs(() => r.composeFrame(out, bg, fg, palette)),
    points: cpuMs(drawPoints),
  });
  const setFilter = (f: Filter): void => {
    filters = [...filters.filter((x) => x.metric !== f.metric), f];
  };
  const brushes: Parts[] = [];
  const drags: Parts[] = [];
  const recolours: Parts[] = [];
  const f1 = objs[0]!;
  const span = f1.max - f1.min;
  return {
    brush(k: number): void {
      const lo = 0.05 * (k % 10);
      setFilter({ metric: `f${(k % objectives) + 1}`, lo, hi: lo + 0.6 });
      brushes.push(render());
    },
    drag(k: number): void {
      if (k === 0) filters = [];
      setFilter({ metric: f1.name, lo: f1.min + 0.2 * span, hi: f1.min + (0.3 + 0.03 * k) * span });
      drags.push(render());
    },
    colour(k: number): void {
      const by = [objs[1]!.name, 'x1', null][k % 3]!;
      recolours.push({
        mask: cpuMs(() => {
          colours = app.colour.colouring(ds, by, (d) => app.scales.axisScale(d));
          palette = colours.palette.map(r.rgb);
        }),
        counts: cpuMs(() => {
          lines = new r.LineCounts(cells, nb, colours.palette.length, colours.index, reuseOf(lines));
          lines.update(mask, changes());
        }),
        draw: cpuMs(() => r.drawCountedLines(fg, lines, geo)),
        compose: cpuMs(() => r.composeFrame(out, bg, fg, palette)),
        points: cpuMs(() => {
          if (points !== null && P !== null)
            points = new P.PointCounts(px, panels, c, colours.palette.length, colours.index, reuseOf(points));
          drawPoints();
        }),
      });
    },
    figures: (): CpuFigures => ({
      dataset,
      sorting,
      binning,
      background,
      brush: median(brushes.map(sum)),
      parts: medianParts(brushes),
      drag: median(drags.map(sum)),
      dragParts: medianParts(drags),
      colouring: median(recolours.map(sum)),
      colouringParts: medianParts(recolours),
    }),
    /** The composed frame's pixels: the same brushes must draw the same picture in either build. */
    frame: () => out,
  };
}

/**
 * This build's figures on `columns` (15 brushes, 15 drag steps, 9 colour changes), and the peer's when given, their
 * steps interleaved; `sameFrame`: whether both builds composed the same frames (after the brushes, each colour).
 */
export function explorerCpu(
  columns: RunColumns,
  objectives: number,
  peer: AppCode | null = null,
): { ours: CpuFigures; peer: CpuFigures | null; sameFrame: boolean | null } {
  const ours = stepsOf(THIS_BUILD, columns, objectives);
  const theirs = peer === null ? null : stepsOf(peer, columns, objectives);
  const both = (k: number, step: (s: typeof ours, k: number) => void): void => {
    if (k % 2 === 1 && theirs !== null) step(theirs, k);
    step(ours, k);
    if (k % 2 === 0 && theirs !== null) step(theirs, k);
  };
  for (let k = 0; k < 15; k++) both(k, (s, j) => s.brush(j));
  const same = (): boolean | null => {
    const [x, y] = [ours.frame(), theirs?.frame()];
    return y === undefined ? null : x.length === y.length && x.every((p, i) => p === y[i]);
  };
  let sameFrame = same();
  for (let k = 0; k < 15; k++) both(k, (s, j) => s.drag(j));
  // and after each colour change (several colours: one line per cell drawn)
  for (let k = 0; k < 9; k++) {
    both(k, (s, j) => s.colour(j));
    if (sameFrame !== null) sameFrame &&= same();
  }
  return { ours: ours.figures(), peer: theirs?.figures() ?? null, sameFrame };
}

/** Lines of figures (and the ratios to the peer's). */
export function cpuLine(label: string, f: ReturnType<typeof explorerCpu>): string {
  const ms = (x: number): string => x.toFixed(1);
  const parts = (p: Parts, first = 'mask'): string =>
    PARTS.map((k) => `${k === 'mask' ? first : k} ${ms(p[k])}`).join(', ');
  const one = (c: CpuFigures): string =>
    `dataset ${ms(c.dataset)} ms, objectives sorted (idle) ${ms(c.sorting)} ms, axis bins ${ms(c.binning)} ms, ` +
    `background lines ${ms(c.background)} ms;\n    ` +
    `BRUSH median ${ms(c.brush)} ms (${parts(c.parts)}); DRAG median ${ms(c.drag)} ms (${parts(c.dragParts)}); ` +
    `COLOURING median ${ms(c.colouring)} ms (${parts(c.colouringParts, 'colours')})`;
  const ratio = (x: number, y: number): string => (x / y).toFixed(2);
  const peer =
    f.peer === null
      ? ''
      : `\n  ${label} peer build: ${one(f.peer)}\n  this build / peer: brush ${ratio(f.ours.brush, f.peer.brush)}, ` +
        `drag ${ratio(f.ours.drag, f.peer.drag)}, colouring ${ratio(f.ours.colouring, f.peer.colouring)}; same ` +
        `parallel-coordinates frame: ` +
        `${f.sameFrame ? 'yes' : 'NO'}`;
  return `  ${label}: ${one(f.ours)}${peer}`;
}
