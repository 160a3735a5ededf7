/**
 * The explorer's load and brush steps in Node (a part of `npm run bench:explorer`, no assertions): the app's own code
 * (dataset, axis bins, binned parallel coordinates, the filter mask, line counts, drawing and composition) run in this
 * process on a run's columns, timed by process.cpuUsage: a figure that a shared machine inflates far less than the
 * browser's wall clock. With a peer build's dist folder the same steps of that build's code run on the same columns,
 * each brush alternating between the builds, and the ratio of their medians is printed.
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { RunColumns } from '../../src/serve/app/data.js';
import * as data from '../../src/serve/app/data.js';
import * as parcoords from '../../src/serve/app/parcoords.js';
import * as pcAxes from '../../src/serve/app/pcAxes.js';
import * as raster from '../../src/serve/app/raster.js';
import { RUN_COLOURS } from '../../src/chart/palettes.js';
import { cpuMs } from './cpu.js';

/** The app modules the steps call: this build's, or a peer build's (the same exports). */
interface AppCode {
  readonly data: typeof data;
  readonly parcoords: Pick<typeof parcoords, 'BIN_PX' | 'PLOT_H'>;
  readonly pcAxes: Pick<typeof pcAxes, 'axisBins'>;
  readonly raster: typeof raster;
}
const THIS_BUILD: AppCode = { data, parcoords, pcAxes, raster };

/** A peer build's app modules from its dist folder. */
export async function peerAppCode(dist: string): Promise<AppCode> {
  const load = async <T>(path: string): Promise<T> =>
    (await import(pathToFileURL(resolve(dist, 'src/serve/app', path)).href)) as T;
  return {
    data: await load('data.js'),
    parcoords: await load('parcoords.js'),
    pcAxes: await load('pcAxes.js'),
    raster: await load('raster.js'),
  };
}

export interface CpuFigures {
  readonly dataset: number;
  readonly binning: number;
  readonly background: number;
  /** Median of the brushes (mask, line counts, draw, compose), and of each part. */
  readonly brush: number;
  readonly parts: { readonly mask: number; readonly counts: number; readonly draw: number; readonly compose: number };
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The steps of one build on `columns`: load now, then one brush per call (k: which). */
function stepsOf(app: AppCode, columns: RunColumns, objectives: number) {
  // One palette for both builds: the colours are not what the bench compares.
  const { buildDataset, computeMask } = app.data;
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
  const lines = new r.LineCounts(cells, nb, 1, ds.run);
  lines.update(all);
  const fg = r.newFrame(width, height);
  const out = new Uint32Array(width * height);
  const palette = RUN_COLOURS.map(r.rgb);
  const mask = new Uint8Array(ds.n);
  const brushes: { mask: number; counts: number; draw: number; compose: number }[] = [];
  const brush = (k: number): void => {
    const lo = 0.05 * (k % 10);
    brushes.push({
      mask: cpuMs(() => computeMask(ds, 'all', [{ metric: `f${(k % objectives) + 1}`, lo, hi: lo + 0.6 }], mask)),
      counts: cpuMs(() => lines.update(mask)),
      draw: cpuMs(() => r.drawCountedLines(fg, lines, geo)),
      compose: cpuMs(() => r.composeFrame(out, bg, fg, palette)),
    });
  };
  const figures = (): CpuFigures => ({
    dataset,
    binning,
    background,
    brush: median(brushes.map((b) => b.mask + b.counts + b.draw + b.compose)),
    parts: {
      mask: median(brushes.map((b) => b.mask)),
      counts: median(brushes.map((b) => b.counts)),
      draw: median(brushes.map((b) => b.draw)),
      compose: median(brushes.map((b) => b.compose)),
    },
  });
  /** The composed frame's pixels: the same brushes must draw the same picture in either build. */
  return { brush, figures, frame: () => out };
}

/**
 * This build's figures on `columns` (15 brushes, each on one objective f1..f<objectives>), and the peer's when given,
 * their brushes interleaved; `sameFrame`: whether both builds composed the same last frame.
 */
export function explorerCpu(
  columns: RunColumns,
  objectives: number,
  peer: AppCode | null = null,
): { ours: CpuFigures; peer: CpuFigures | null; sameFrame: boolean | null } {
  const ours = stepsOf(THIS_BUILD, columns, objectives);
  const theirs = peer === null ? null : stepsOf(peer, columns, objectives);
  for (let k = 0; k < 15; k++) {
    if (k % 2 === 1) theirs?.brush(k);
    ours.brush(k);
    if (k % 2 === 0) theirs?.brush(k);
  }
  const a = ours.frame();
  const b = theirs?.frame();
  return {
    ours: ours.figures(),
    peer: theirs?.figures() ?? null,
    sameFrame: b === undefined ? null : a.length === b.length && a.every((p, i) => p === b[i]),
  };
}

/** One line of figures (and the ratio to the peer's brush). */
export function cpuLine(label: string, f: ReturnType<typeof explorerCpu>): string {
  const ms = (x: number): string => x.toFixed(1);
  const one = (c: CpuFigures): string =>
    `dataset ${ms(c.dataset)} ms, axis bins ${ms(c.binning)} ms, background lines ${ms(c.background)} ms; ` +
    `brush median ${ms(c.brush)} ms (mask ${ms(c.parts.mask)}, line counts ${ms(c.parts.counts)}, ` +
    `draw ${ms(c.parts.draw)}, compose ${ms(c.parts.compose)})`;
  const peer =
    f.peer === null
      ? ''
      : `\n  ${label} peer build: ${one(f.peer)}; brush ${(f.ours.brush / f.peer.brush).toFixed(2)}× the peer's, ` +
        `same frame: ${f.sameFrame ? 'yes' : 'NO'}`;
  return `  ${label}: ${one(f.ours)}${peer}`;
}
