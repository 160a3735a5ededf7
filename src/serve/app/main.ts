/**
 * The explorer app (bundled by esbuild into /explorer.js): loads the runs' columns, draws the linked views and keeps
 * the URL in step with the brushes and the selected design, so a link reproduces the view. Every 2 s it asks each
 * run for its version (log, checkpoint and run.json sizes and times) and reloads a run that changed.
 * `window.__explorer` exposes load and render timings for the benchmark (test/bench/explorer.ts).
 */
import type { Comparison } from '../compare.js';
import type { RunInfo } from '../runData.js';
import { formatViewState, parseViewState, type Filter } from '../urlState.js';
import { AnalysisPanel } from './analysis.js';
import { showDesign } from './budget.js';
import {
  buildDataset,
  computeMask,
  RUN_COLOURS,
  rowOfDesign,
  type Dataset,
  type RunColumns,
  type Subset,
} from './data.js';
import { ParCoords } from './parcoords.js';
import { ScatterMatrix } from './scatter.js';
import { DesignTable, esc } from './table.js';

const POLL_MS = 2000;
const $ = (id: string): HTMLElement => document.getElementById(id)!;

interface Timings {
  loaded: boolean;
  /** performance.now() at the end of the first render of every view. */
  loadMs: number;
  /** Milliseconds of each render after a filter change (mask, parallel coordinates, scatter, table). */
  renders: number[];
  /** performance.now() when each step of the first load ended. */
  steps: Record<string, number>;
  /** Milliseconds of each part of the last render (mask, parcoords, scatter, table). */
  parts: Record<string, number>;
  setFilter(metric: string, lo: number, hi: number): number;
}

const state = {
  filters: [] as Filter[],
  subset: 'all' as Subset,
  selected: null as { run: number; index: number } | null,
  order: [] as string[],
  hidden: new Set<string>(),
  /** Scatter: the chosen pair (x, y), or null for the matrix of the objectives. */
  pair: null as [string, string] | null,
};
let ds: Dataset | null = null;
let mask = new Uint8Array(0);
let runs: RunColumns[] = [];
let comparison: Comparison | null = null;
const timings: Timings = { loaded: false, loadMs: NaN, renders: [], steps: {}, parts: {}, setFilter };
(window as unknown as { __explorer: Timings }).__explorer = timings;

const parcoords = new ParCoords($('parcoords'), RUN_COLOURS, {
  brush: (metric, range) => setRange(metric, range),
  move: (metric, to) => {
    state.order = state.order.filter((n) => n !== metric);
    const visible = state.order.filter((n) => !state.hidden.has(n));
    const before = visible[to];
    state.order.splice(before === undefined ? state.order.length : state.order.indexOf(before), 0, metric);
    relayout();
  },
});
const scatter = new ScatterMatrix($('scatter'), RUN_COLOURS, {
  brush2: (x, y) => {
    state.filters = state.filters.filter((f) => f.metric !== x.metric && f.metric !== y.metric);
    state.filters.push(
      { metric: x.metric, lo: x.range[0], hi: x.range[1] },
      { metric: y.metric, lo: y.range[0], hi: y.range[1] },
    );
    update();
  },
  pick: (row) => select(row),
});
const table = new DesignTable($('design-table'), $('pager'), (row) => select(row));
const analysis = new AnalysisPanel($('analysis'));

function setRange(metric: string, range: readonly [number, number] | null): void {
  state.filters = state.filters.filter((f) => f.metric !== metric);
  if (range !== null) state.filters.push({ metric, lo: range[0], hi: range[1] });
  update();
}

function setFilter(metric: string, lo: number, hi: number): number {
  const t0 = performance.now();
  setRange(metric, [lo, hi]);
  return performance.now() - t0;
}

function selectedRow(): number {
  return ds === null || state.selected === null ? -1 : rowOfDesign(ds, state.selected.run, state.selected.index);
}

function select(row: number): void {
  if (ds === null) return;
  state.selected = { run: ds.run[row]!, index: ds.index[row]! };
  update();
  void showDesign($('budget'), ds.runs[ds.run[row]!]!, ds.index[row]!).catch((e: unknown) => {
    $('budget').textContent = String(e);
  });
}

/** Recomputes the mask and redraws every view; the URL follows. */
function update(): void {
  if (ds === null) return;
  const t0 = performance.now();
  const count = computeMask(ds, state.subset, state.filters, mask);
  const sel = selectedRow();
  const t1 = performance.now();
  parcoords.render(mask, state.filters, sel);
  const t2 = performance.now();
  scatter.render(mask, state.filters, sel);
  const t3 = performance.now();
  table.render(mask, count, sel);
  const t4 = performance.now();
  timings.parts = { mask: t1 - t0, parcoords: t2 - t1, scatter: t3 - t2, table: t4 - t3 };
  setText($('row-count'), String(count));
  setText(
    $('row-total'),
    `of ${ds.n.toLocaleString('en-US')} designs${ds.failed ? ` (${ds.failed.toLocaleString('en-US')} failed evaluations not shown)` : ''}`,
  );
  const url = `${location.pathname}${formatViewState({ filters: state.filters, design: state.selected, pair: state.pair })}`;
  if (url !== `${location.pathname}${location.search}`) history.replaceState(null, '', url);
  if (timings.loaded) timings.renders.push(performance.now() - t0);
}

/** Sets an element's text when it differs: the same text set again still costs the page a layout. */
function setText(el: HTMLElement, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

function relayout(): void {
  if (ds === null) return;
  const byName = new Map(ds.dims.map((d) => [d.name, d]));
  const axes = state.order
    .filter((n) => !state.hidden.has(n))
    .map((n) => byName.get(n)!)
    .filter(Boolean);
  parcoords.layout(ds, axes, $('parcoords').clientWidth || 1200);
  timings.steps['parcoordsLayout'] ??= performance.now();
  scatter.layout(ds, Math.max(300, $('scatter').clientWidth), state.pair);
  timings.steps['scatterLayout'] ??= performance.now();
  table.layout(ds);
  timings.steps['tableLayout'] ??= performance.now();
  axisBar();
  update();
}

/** Under the plot: every dimension with a checkbox (shown) and buttons moving it left or right. */
function axisBar(): void {
  const bar = $('axis-bar');
  bar.innerHTML = state.order
    .map(
      (n, k) =>
        `<label title="${esc(n)}"><input type="checkbox" data-axis="${k}" ${state.hidden.has(n) ? '' : 'checked'}>` +
        `${esc(n)}</label><button type="button" data-left="${k}" aria-label="move ${esc(n)} left">◀</button>` +
        `<button type="button" data-right="${k}" aria-label="move ${esc(n)} right">▶</button>`,
    )
    .join(' ');
  bar.querySelectorAll<HTMLInputElement>('input[data-axis]').forEach((box) =>
    box.addEventListener('change', () => {
      const n = state.order[Number(box.dataset['axis'])]!;
      if (box.checked) state.hidden.delete(n);
      else state.hidden.add(n);
      relayout();
    }),
  );
  const swap = (k: number, by: number): void => {
    const j = k + by;
    if (j < 0 || j >= state.order.length) return;
    [state.order[k], state.order[j]] = [state.order[j]!, state.order[k]!];
    relayout();
  };
  bar
    .querySelectorAll<HTMLElement>('button[data-left]')
    .forEach((b) => b.addEventListener('click', () => swap(Number(b.dataset['left']), -1)));
  bar
    .querySelectorAll<HTMLElement>('button[data-right]')
    .forEach((b) => b.addEventListener('click', () => swap(Number(b.dataset['right']), 1)));
}

/** The scatter's x and y choices: every dimension but the index and status; x "objectives matrix" clears the pair. */
function pairSelects(): void {
  if (ds === null) return;
  const names = ds.dims.filter((d) => d.role !== 'index' && d.role !== 'status').map((d) => d.name);
  if (state.pair !== null && !state.pair.every((n) => names.includes(n))) state.pair = null;
  const options = (chosen: string | undefined): string =>
    names.map((n) => `<option value="${esc(n)}"${n === chosen ? ' selected' : ''}>${esc(n)}</option>`).join('');
  const x = $('scatter-x') as HTMLSelectElement;
  const y = $('scatter-y') as HTMLSelectElement;
  x.innerHTML = `<option value="">objectives matrix</option>${options(state.pair?.[0])}`;
  y.innerHTML = options(state.pair?.[1] ?? ds.dims.find((d) => d.role === 'objective')?.name);
  y.disabled = state.pair === null;
  const change = (): void => {
    state.pair = x.value === '' ? null : [x.value, y.value];
    y.disabled = state.pair === null;
    relayout();
  };
  x.onchange = change;
  y.onchange = change;
}

function subsetButtons(): void {
  const options: Subset[] =
    ds !== null && ds.runs.length > 1
      ? ['all', 'front', 'union', 'feasible', 'infeasible']
      : ['all', 'front', 'feasible', 'infeasible'];
  const host = $('subset');
  const button = (o: Subset): string =>
    `<button type="button" data-subset="${o}" aria-pressed="${state.subset === o}">${o === 'union' ? 'union front' : o}</button>`;
  host.innerHTML = options.map(button).join(' ');
  host.querySelectorAll<HTMLElement>('button').forEach((b) =>
    b.addEventListener('click', () => {
      state.subset = b.dataset['subset'] as Subset;
      subsetButtons();
      update();
    }),
  );
}

/** Each complete run's hypervolume and recommended knee as `odc run` printed them (RunInfo, from run.json). */
function runSummaries(): string {
  return runs
    .filter((r) => r.info.hypervolume !== null || r.info.decision.length > 0)
    .map((r) => {
      const lines = [...r.info.decision, ...(r.info.hypervolume !== null ? [r.info.hypervolume] : [])];
      return (
        `<details class="run-summary" data-run="${r.info.id}"><summary>run ${r.info.id}: ${esc(lines[0]!)}</summary>` +
        `<ul>${lines
          .slice(1)
          .map((l) => `<li>${esc(l)}</li>`)
          .join('')}</ul></details>`
      );
    })
    .join('');
}

function legend(): void {
  const rows = comparison?.runs ?? [];
  $('runs').innerHTML =
    runs
      .map((r) => {
        const ind = rows.find((x) => x.run === r.info.id);
        const se = ind?.hypervolumeStandardError ? ` ± ${ind.hypervolumeStandardError.toPrecision(2)}` : '';
        const figures = ind
          ? ` HV on the common normalization ${ind.hypervolume.toPrecision(4)}${se}, IGD+ ${ind.igdPlus.toPrecision(3)}`
          : '';
        return (
          `<span class="run-chip" title="${esc(r.info.dir)}"><span class="swatch" style="background:${RUN_COLOURS[r.info.id % RUN_COLOURS.length]}"></span>` +
          `${r.info.id}: ${esc(r.info.name)} (${r.info.status}, front ${r.frontIndices.length}${figures})</span>`
        );
      })
      .join('') + runSummaries();
  $('live').textContent = runs.some((r) => r.info.status === 'running')
    ? `live: polling every ${POLL_MS / 1000} s`
    : '';
}

async function fetchRun(info: RunInfo): Promise<RunColumns> {
  const [bin, front] = await Promise.all([
    // through a Blob: Chromium then gathers the body outside the page's main thread, which Response.arrayBuffer()
    // kept busy copying it chunk by chunk (20 MB at 100,000 designs; docs/performance.md)
    fetch(`/api/runs/${info.id}/columns`)
      .then((r) => r.blob())
      .then((b) => b.arrayBuffer()),
    fetch(`/api/runs/${info.id}/front`).then((r) => r.json() as Promise<{ indices: number[] }>),
  ]);
  return { info, data: new Float64Array(bin), frontIndices: front.indices };
}

async function load(): Promise<void> {
  timings.steps['script'] = performance.now();
  const infos = (await (await fetch('/api/runs')).json()) as RunInfo[];
  runs = await Promise.all(infos.map(fetchRun));
  timings.steps['fetched'] = performance.now();
  // column counts from the binary: rows = length / columns (a run may have grown since /api/runs)
  runs = runs.map((r) => ({ ...r, info: { ...r.info, rows: r.data.length / r.info.columns.length } }));
  rebuild();
  if (infos.length > 1) {
    void fetch('/api/compare')
      .then((r) => r.json() as Promise<Comparison>)
      .then((c) => {
        comparison = c;
        legend();
        if (ds !== null) rebuild();
      });
  }
}

function rebuild(): void {
  ds = buildDataset(runs, comparison !== null && comparison.note === undefined ? comparison.union : null);
  mask = new Uint8Array(ds.n);
  const names = ds.dims
    .filter((d) => d.role === 'objective' || d.role === 'variable' || d.role === 'constraint')
    .map((d) => d.name);
  state.order = [...state.order.filter((n) => names.includes(n)), ...names.filter((n) => !state.order.includes(n))];
  legend();
  subsetButtons();
  pairSelects();
  timings.steps['dataset'] ??= performance.now();
  relayout();
  analysis.setData(runs, ds);
}

async function poll(): Promise<void> {
  let changed = false;
  for (const [k, r] of runs.entries()) {
    const { version } = (await (await fetch(`/api/runs/${r.info.id}/version`)).json()) as { version: string };
    if (version === r.info.version) continue;
    const info = ((await (await fetch('/api/runs')).json()) as RunInfo[])[r.info.id]!;
    const fresh = await fetchRun(info);
    runs[k] = { ...fresh, info: { ...info, rows: fresh.data.length / info.columns.length } };
    changed = true;
  }
  if (changed) rebuild();
}

async function start(): Promise<void> {
  const view = parseViewState(location.search);
  state.filters = [...view.filters];
  state.selected = view.design;
  state.pair = view.pair === null ? null : [view.pair[0], view.pair[1]];
  await load();
  const unknown = state.filters
    .filter((f) => !ds!.dims.some((d) => d.name === f.metric))
    .map((f) => `no column "${f.metric}"`);
  for (const name of view.pair ?? []) {
    if (!ds!.dims.some((d) => d.name === name)) unknown.push(`no column "${name}" for the scatter's pair`);
  }
  $('messages').textContent = [...view.errors, ...unknown].join('; ');
  $('reset').addEventListener('click', () => {
    state.filters = [];
    update();
  });
  timings.loadMs = performance.now();
  timings.loaded = true;
  document.body.dataset['ready'] = 'true';
  const sel = selectedRow();
  if (sel >= 0) select(sel);
  const tick = (): void => {
    void poll()
      .catch(() => undefined)
      .finally(() => setTimeout(tick, POLL_MS));
  };
  setTimeout(tick, POLL_MS);
}

void start().catch((e: unknown) => {
  $('messages').textContent = `could not load the runs: ${String(e)}`;
});
