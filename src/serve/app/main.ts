/**
 * The explorer app (bundled by esbuild into /explorer.js): loads the runs' columns, draws the linked views and keeps
 * the URL in step with the whole view (viewState.ts, urlState.ts: brushes, subset, axes, scales, colour, sort,
 * selected design, scatter pair, decision pick), so a link opened in a fresh browser reproduces it. Every 2 s it asks
 * each run for its version (log, checkpoint and run.json sizes and times) and reloads a run that changed.
 * `window.__explorer` exposes load and render timings for the benchmark (test/bench/explorer.ts).
 * From SAMPLE_FROM kept designs on, a view that counts its designs afresh (a colour column chosen over most of a
 * million designs) draws a sample of them first and the exact counts a few steps later (refineLater): the body's
 * `data-drawn` says which is on screen (`sample`, `exact`). While idle the page counts every design in those views by
 * each colour column's colouring, the objectives first (idle.ts countsAhead), which such a change then starts from,
 * exact at once (or from the frame of every design alone, beyond the counts' budget: maskCounts.ts aheadBudget).
 */
import type { ServedBands } from '../attainmentBands.js';
import type { Comparison } from '../compare.js';
import type { RunInfo } from '../runData.js';
import { mergeSpans, type ValueSpan } from '../valueSpan.js';
import { parseViewState, SUBSETS, type Rescale, type Subset } from '../urlState.js';
import { AnalysisPanel } from './analysis.js';
import { drawBands, type BandKind } from './bands.js';
import { showDesign } from './budget.js';
import { compareActions } from './designCompare.js';
import { axisBar, colourLegend, colourSelect, constantDims, defaultOrder, pairSelects, readOut } from './controls.js';
import { exportButtons } from './export.js';
import { apiJson, fetchHead, fetchRun, type Head } from './fetchRuns.js';
import { colouring, prepareColouring, type Colouring } from './colour.js';
import { countsAhead, whileIdle } from './idle.js';
import { buildDataset, rowOfDesign, type Dataset, type Dim, type RunColumns } from './data.js';
import { aheadBudget } from './maskCounts.js';
import { MaskIndex } from './maskIndex.js';
import { ParCoords } from './parcoords.js';
import { PickPanel } from './pickPanel.js';
import { runChipsHtml, runSummariesHtml, totalText } from './runSummaries.js';
import { domainsFor, fromLink, roundedFilter, state, unknownInLink, UrlFollower, viewUrl } from './viewState.js';
import { axisScale, type AxisScale } from './scales.js';
import { ScatterMatrix } from './scatter.js';
import { DesignTable, PAGE_ROWS } from './table.js';

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
  /** Milliseconds of each part of the last layout after the first load (colours, table, parcoords, scatter, render). */
  layoutParts: Record<string, number>;
  setFilter(metric: string, lo: number, hi: number): number;
  /** Whether every view shows its exact counts (false: a sample, refined in steps after the frame). */
  complete: boolean;
  /** performance.now() at the start of each refining step (the frame before it is on screen by then). */
  refineSteps: number[];
  /** How many views the last layout started from counts made ahead (countsAhead). */
  aheadViews: number;
  /** The steps (`steps`) marked as the work the page does while idle after the load ends: sorts, counts ahead. */
  readonly idleMarks: readonly string[];
  /** Resolves once every view shows its exact counts. */
  whenComplete(): Promise<void>;
  /** Whether the URL has yet to follow the last change of the view (viewState.ts UrlFollower). */
  readonly urlPending: boolean;
  /** Whether a view still counts, while idle, the designs of a frame drawn ahead that it shows (idle.ts countShown). */
  readonly countingShown: boolean;
}

let ds: Dataset | null = null;
let mask: Uint8Array = new Uint8Array(0);
/** The mask kept between brushes (maskIndex.ts): `mask` is its array. */
let maskIndex: MaskIndex | null = null;
let runs: RunColumns[] = [];
let comparison: Comparison | null = null;
const timings: Timings = {
  loaded: false,
  loadMs: NaN,
  renders: [],
  steps: {},
  parts: {},
  layoutParts: {},
  setFilter,
  complete: true,
  refineSteps: [],
  idleMarks: ['sorted', 'counted'],
  aheadViews: 0,
  whenComplete: () => (timings.complete ? Promise.resolve() : new Promise((ok) => whenExact.push(ok))),
  get urlPending() {
    return link.pending;
  },
  get countingShown() {
    return parcoords.countingShown || scatter.countingShown;
  },
};
/** Waiting for the views' exact counts (timings.whenComplete). */
let whenExact: (() => void)[] = [];
(window as unknown as { __explorer: Timings }).__explorer = timings;
// the budgets of what the views make ahead, as a test sets them before the page starts (maskCounts.ts aheadBudget)
Object.assign(aheadBudget, (window as { odcAhead?: Partial<typeof aheadBudget> }).odcAhead);

/** The read-out under the pointer: the objectives, the colour column and the scatter's pair. */
function hover(row: number, x: number, y: number): void {
  if (ds === null) return;
  const names = [
    ...ds.dims.filter((d) => d.role === 'objective').map((d) => d.name),
    ...(state.colour !== null ? [state.colour] : []),
    ...(state.pair ?? []),
  ];
  readOut($('hover'), ds, row, names, x, y);
}

const parcoords = new ParCoords($('parcoords'), {
  brush: (metric, range) => setRange(metric, range),
  move: (metric, to) => {
    state.order = state.order.filter((n) => n !== metric);
    const visible = state.order.filter((n) => !state.hidden.has(n));
    const before = visible[to];
    state.order.splice(before === undefined ? state.order.length : state.order.indexOf(before), 0, metric);
    relayout();
  },
  hover,
});
const scatter = new ScatterMatrix($('scatter'), {
  brush2: (x, y) => {
    state.filters = state.filters.filter((f) => f.metric !== x.metric && f.metric !== y.metric);
    state.filters.push(roundedFilter(ds, x.metric, x.range), roundedFilter(ds, y.metric, y.range));
    update();
  },
  pick: (row) => select(row),
  hover,
});
const table = new DesignTable($('design-table'), $('pager'), (row) => select(row));
/** The URL, following the view a moment after each change. */
const link = new UrlFollower(() => (ds === null ? null : viewUrl(ds, table.sorting, picks.rule)));
table.onSort = () => update();
const analysis = new AnalysisPanel($('analysis'));
const picks = new PickPanel($('pick'), (row) => (row >= 0 ? select(row) : update()));

function setRange(metric: string, range: readonly [number, number] | null): void {
  state.filters = state.filters.filter((f) => f.metric !== metric);
  if (range !== null) state.filters.push(roundedFilter(ds, metric, range));
  update();
}

function setFilter(metric: string, lo: number, hi: number): number {
  const t0 = performance.now();
  setRange(metric, [lo, hi]);
  return performance.now() - t0;
}

function selectedRow(): number {
  if (ds === null || state.selected === null) return -1;
  const run = ds.runs.find((r) => r.key === state.selected!.run);
  return run === undefined ? -1 : rowOfDesign(ds, run.id, state.selected.index);
}

function select(row: number): void {
  if (ds === null) return;
  const run = ds.runs.find((r) => r.id === ds!.run[row])!;
  state.selected = { run: run.key, index: ds.index[row]! };
  update();
  const index = ds.index[row]!;
  void showDesign($('budget'), run, index)
    .then(() => compareActions($('budget'), run, index))
    .catch((e: unknown) => {
      $('budget').textContent = String(e);
    });
}

/** The scale of a dimension as the state sets it (inverted or not). */
function scaleOf(d: Dim, inverted = state.inverted.has(d.name)): AxisScale {
  return axisScale(d, state.scales[d.name], inverted, state.domains[d.name] ?? null);
}

/** Rescales every numeric axis to a set of designs. */
function rescaleTo(to: Rescale): void {
  if (ds === null) return;
  state.domains = domainsFor(ds, mask, to);
  state.rescale = { to, filters: JSON.stringify(state.filters), subset: state.subset };
  relayout();
}

/** Recomputes the mask and redraws every view; the URL follows after the frame (UrlFollower). */
function update(): void {
  if (ds === null) return;
  const t0 = performance.now();
  const count = maskIndex!.update(state.subset, state.filters);
  const sel = selectedRow();
  const t1 = performance.now();
  const changes = maskIndex!.changes();
  parcoords.render(mask, state.filters, sel, changes);
  const t2 = performance.now();
  scatter.render(mask, state.filters, sel, changes);
  const t3 = performance.now();
  table.render(mask, count, sel);
  const t4 = performance.now();
  timings.parts = { mask: t1 - t0, parcoords: t2 - t1, scatter: t3 - t2, table: t4 - t3 };
  setText($('row-count'), String(count));
  setText($('row-total'), `of ${totalText(ds.n, ds.failed)}`);
  link.follow();
  if (timings.loaded) timings.renders.push(performance.now() - t0);
  analysis.setView(mask, (d) => scaleOf(d));
  refineLater();
}

/** Designs each view counts per refine() call, and the milliseconds of counting a step takes before it yields. */
const REFINE_ROWS = 100_000;
const REFINE_MS = 12;
let refineQueued = false;

/**
 * Views drawn from a sample of their kept designs (maskCounts.ts MaskCounts) count the rest in steps of REFINE_MS after
 * the frame (a brush meanwhile counts afresh, from a sample again), then draw their exact counts.
 */
function refineLater(): void {
  const exact = !parcoords.refining && !scatter.refining;
  timings.complete = exact;
  const drawn = exact ? 'exact' : 'sample';
  if (document.body.dataset['drawn'] !== drawn) document.body.dataset['drawn'] = drawn;
  if (exact) {
    const waiting = whenExact;
    whenExact = [];
    waiting.forEach((ok) => ok());
    return;
  }
  if (refineQueued) return;
  refineQueued = true;
  void nextFrame().then(refineStep);
}

function refineStep(): void {
  refineQueued = false;
  if (ds === null) return;
  const t0 = performance.now();
  timings.refineSteps.push(t0);
  while (!(parcoords.refine(REFINE_ROWS) && scatter.refine(REFINE_ROWS)))
    if (performance.now() - t0 > REFINE_MS) {
      refineQueued = true;
      setTimeout(refineStep, 0);
      return;
    }
  const sel = selectedRow();
  const changes = maskIndex!.changes();
  parcoords.render(mask, state.filters, sel, changes);
  scatter.render(mask, state.filters, sel, changes);
  refineLater();
}

/** Resolves after the next frame (or in 250 ms: a hidden tab runs no frames). */
function nextFrame(): Promise<void> {
  return new Promise<void>((ok) => {
    requestAnimationFrame(() => setTimeout(ok, 0));
    setTimeout(ok, 250);
  });
}

/** Sets an element's text when it differs: the same text set again still costs the page a layout. */
function setText(el: HTMLElement, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

/**
 * Idle steps that count every design in the views by each colour column's colouring (idle.ts countsAhead), the
 * objectives first, as far as each view's budget holds (maskCounts.ts aheadBudget).
 */
const aheadSteps = (): (() => boolean | void)[] =>
  countsAhead(
    colourColumns().map((n) => () => colouringAhead(n)),
    [parcoords, scatter],
  );
/** The colour menu's columns, the objectives first. */
const colourColumns = (): string[] => {
  const dims = ds?.dims ?? [];
  const objectives = dims.filter((d) => d.role === 'objective');
  return [...objectives, ...dims.filter((d) => d.role !== 'objective' && d.role !== 'index')].map((d) => d.name);
};
const colouringAhead = (n: string): Colouring | null =>
  ds === null ? null : prepareColouring(ds, n, (d) => scaleOf(d, false));

/** Until the first load has painted the table: relayout lays out and renders the table only. */
let tableFirst = true;

function relayout(): void {
  if (ds === null) return;
  const byName = new Map(ds.dims.map((d) => [d.name, d]));
  const axes = state.order
    .filter((n) => !state.hidden.has(n))
    .map((n) => byName.get(n)!)
    .filter(Boolean);
  const t0 = performance.now();
  const colours = colouring(ds, state.colour, (d) => scaleOf(d, false));
  colourLegend($('colour-legend'), colours, ds);
  const t1 = performance.now();
  table.layout(ds, colours);
  const t2 = performance.now();
  timings.steps['tableLayout'] ??= t2;
  if (tableFirst) {
    // the first load: the table's rows, painted before the plots are laid out (load() lays them out next frame)
    table.render(mask, maskIndex!.update(state.subset, state.filters), selectedRow());
    return;
  }
  parcoords.layout(ds, axes, $('parcoords').clientWidth || 1200, (d) => scaleOf(d), colours);
  const t3 = performance.now();
  timings.steps['parcoordsLayout'] ??= t3;
  scatter.layout(ds, Math.max(300, $('scatter').clientWidth), state.pair, (d) => scaleOf(d), colours);
  const t4 = performance.now();
  timings.steps['scatterLayout'] ??= t4;
  timings.aheadViews = Number(parcoords.startedAhead) + Number(scatter.startedAhead);
  renderAxisBar();
  $('rescale')
    .querySelectorAll<HTMLElement>('button[data-rescale]')
    .forEach((b) => b.setAttribute('aria-pressed', String(state.rescale?.to === b.dataset['rescale'])));
  const t5 = performance.now();
  update();
  const l = { colours: t1 - t0, table: t2 - t1, parcoords: t3 - t2, scatter: t4 - t3, bars: t5 - t4 };
  timings.layoutParts = { ...l, render: performance.now() - t5 };
  // the counts ahead follow the views' placement (a new one drops them) once the first load's idle work has ended
  if (timings.steps['counted'] !== undefined) whileIdle(aheadSteps(), () => timings.complete);
}

/** What the axis bar shows (dataset, order, hidden axes, scales, inversions): a relayout that changes none of it
 * (a colour column chosen) keeps its elements. */
let axisBarShows: { ds: Dataset; key: string } | null = null;

function renderAxisBar(): void {
  if (ds === null) return;
  const key = JSON.stringify([state.order, [...state.hidden], state.scales, [...state.inverted]]);
  if (axisBarShows?.ds === ds && axisBarShows.key === key) return;
  axisBarShows = { ds, key };
  axisBar($('axis-bar'), ds, state, {
    showConstants: () => {
      for (const n of constantDims(ds!)) state.hidden.delete(n);
      relayout();
    },
    show: (n, shown) => {
      if (shown) state.hidden.delete(n);
      else state.hidden.add(n);
      relayout();
    },
    scale: (n, kind) => {
      if (kind === 'linear') delete state.scales[n];
      else state.scales[n] = kind;
      relayout();
    },
    invert: (n) => {
      if (!state.inverted.delete(n)) state.inverted.add(n);
      relayout();
    },
    swap: (k, by) => {
      const j = k + by;
      if (j < 0 || j >= state.order.length) return;
      [state.order[k], state.order[j]] = [state.order[j]!, state.order[k]!];
      relayout();
    },
  });
}

/** Rescale buttons: every numeric axis to the span of the feasible, brushed or front designs, or back to the data. */
function rescaleButtons(): void {
  $('rescale')
    .querySelectorAll<HTMLElement>('button[data-rescale]')
    .forEach((b) =>
      b.addEventListener('click', () => {
        rescaleTo(b.dataset['rescale'] as Rescale);
      }),
    );
}

/** The colour and scatter-pair menus over the columns, each change laid out again. */
function menus(): void {
  if (ds === null) return;
  state.colour = colourSelect($('colour-by') as HTMLSelectElement, ds, state.colour, (c) => {
    state.colour = c;
    relayout();
  });
  state.pair = pairSelects(
    $('scatter-x') as HTMLSelectElement,
    $('scatter-y') as HTMLSelectElement,
    ds,
    state.pair,
    (p) => {
      state.pair = p;
      relayout();
    },
  );
}

function subsetButtons(): void {
  const options = SUBSETS.filter((o) => o !== 'union' || (ds !== null && ds.runs.length > 1));
  const host = $('subset');
  const button = (o: Subset): string =>
    `<button type="button" data-subset="${o}" aria-pressed="${state.subset === o}">${o === 'union' ? 'union front' : o}</button>`;
  host.innerHTML = options.map(button).join(' ');
  host.querySelectorAll<HTMLElement>('button').forEach((b) =>
    b.addEventListener('click', () => {
      state.subset = b.dataset['subset'] as Subset;
      subsetButtons();
      // axes on the subset shown follow it
      if (state.rescale?.to === 'shown') rescaleTo('shown');
      else update();
    }),
  );
}

function legend(): void {
  $('runs').innerHTML = runChipsHtml(runs, comparison) + runSummariesHtml(runs.map((r) => r.info));
  $('live').textContent = runs.some((r) => r.info.status === 'running')
    ? `live: polling every ${POLL_MS / 1000} s`
    : '';
}

/**
 * The table's first page drawn from the runs' first rows while their whole columns are on their way (at a million
 * designs, 200 MB that take seconds to arrive): only for the view a page opens on (sorted by evaluation, every
 * design kept, coloured by run), whose first page those rows are. The table waits inert, and the header says the
 * plots are loading, until load() draws every view from the whole columns.
 */
async function showFirstRows(heads: Promise<Head[]>): Promise<void> {
  const all = await heads;
  if (ds !== null) return;
  // several runs: their union front comes with /api/compare, after the columns; none is claimed before it
  const first = buildDataset(
    all.map((h) => h.columns),
    all.length > 1 ? [] : null,
  );
  const spans = new Map<string, ValueSpan>();
  for (const h of all)
    h.columns.info.columns.forEach((c, k) => {
      const had = spans.get(c.name);
      spans.set(c.name, had === undefined ? h.spans[k]! : mergeSpans(had, h.spans[k]!));
    });
  const dims = first.dims.map((d) => ({ ...d, span: spans.get(d.name)! }));
  const shown = all.reduce((t, h) => t + h.shown, 0);
  const failed = all.reduce((t, h) => t + h.failed, 0);
  const tableSection = $('table-section');
  tableSection.inert = true;
  table.layout(
    { ...first, dims },
    colouring(first, null, (d) => scaleOf(d)),
  );
  table.render(new Uint8Array(first.n).fill(1), shown, -1);
  setText($('row-count'), String(shown));
  setText($('row-total'), `of ${totalText(shown, failed)}`);
  $('loading').textContent = `plots loading: the columns of ${shown.toLocaleString('en-US')} designs are on their way…`;
  timings.steps['firstRows'] ??= performance.now();
}

async function load(): Promise<void> {
  timings.steps['script'] = performance.now();
  const infos = await apiJson<RunInfo[]>('/api/runs');
  const fronts = infos.map((info) => apiJson<{ indices: number[] }>(`/api/runs/${info.id}/front`));
  const opening = state.filters.length === 0 && state.subset === 'all' && state.colour === null;
  const sorting = table.sorting;
  // asked first: the server answers in turn, and the whole columns take it a second and more at a million designs
  const heads =
    opening && sorting.key === 'eval' && !sorting.descending
      ? Promise.all(infos.map((info, k) => fetchHead(info, fronts[k]!, PAGE_ROWS)))
      : null;
  const fetched = Promise.all(infos.map((info, k) => fetchRun(info, fronts[k])));
  // the first rows are a preview: if they fail, the page loads as it would without them
  if (heads !== null) void showFirstRows(heads).catch(() => undefined);
  runs = await fetched;
  timings.steps['fetched'] = performance.now();
  // column counts from the binary: rows = length / columns (a run may have grown since /api/runs)
  runs = runs.map((r) => ({ ...r, info: { ...r.info, rows: r.data.length / r.info.columns.length } }));
  rebuild();
  // a frame for the table's rows to paint, then the plots (the larger part of the first load)
  tableFirst = false;
  await nextFrame();
  relayout();
  $('table-section').inert = false;
  $('loading').textContent = '';
  void loadBands();
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

/** The multi-seed runs' attainment bands on the scatter (bands.ts), with the band menu and the spread line. */
async function loadBands(): Promise<void> {
  const bands = await apiJson<ServedBands[]>('/api/attainment');
  if (bands.length === 0) return;
  const menu = $('scatter-band') as HTMLSelectElement;
  $('band-bar').hidden = false;
  $('spread').textContent = bands.map((b) => `${b.source}: ${b.spread}`).join(' ');
  const kneeRow = (b: ServedBands): number =>
    ds === null || b.knee === null ? -1 : rowOfDesign(ds, b.knee.run, b.knee.index);
  scatter.overlay = (ctx, panel) => drawBands(ctx, bands, menu.value as BandKind, panel, kneeRow);
  menu.addEventListener('change', () => relayout());
  relayout();
}

function rebuild(): void {
  ds = buildDataset(runs, comparison !== null && comparison.note === undefined ? comparison.union : null);
  maskIndex = new MaskIndex(ds);
  mask = maskIndex.mask;
  const names = defaultOrder(ds);
  // constant columns: hidden once, named in the axis bar's note (a link's axes, applied next, may show them)
  for (const n of constantDims(ds))
    if (!state.constantsHidden.has(n)) {
      state.constantsHidden.add(n);
      state.hidden.add(n);
    }
  if (state.linkAxes !== null) {
    // a link's axes: those it names, in its order, shown; the others hidden after them
    const shown = state.linkAxes.filter((n) => names.includes(n));
    state.order = [...shown, ...names.filter((n) => !shown.includes(n))];
    state.hidden = new Set(names.filter((n) => !shown.includes(n)));
    state.linkAxes = null;
  }
  state.order = [...state.order.filter((n) => names.includes(n)), ...names.filter((n) => !state.order.includes(n))];
  // a rescale to the feasible designs or the front follows them as the runs (or their union front) change
  if (state.rescale !== null && state.rescale.to !== 'brushed') state.domains = domainsFor(ds, mask, state.rescale.to);
  legend();
  subsetButtons();
  menus();
  timings.steps['dataset'] ??= performance.now();
  relayout();
  picks.setData(ds);
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

/** What the export buttons read: the views, the kept designs and the runs. */
const exportSource = {
  parcoords: () => parcoords,
  scatter: () => scatter,
  dataset: () => ds,
  mask: () => mask,
};

async function start(): Promise<void> {
  const view = parseViewState(location.search);
  fromLink(view);
  picks.rule = view.pick;
  if (view.sort !== null) table.setSort(view.sort.key, view.sort.descending);
  await load();
  // the runs' damaged files named (the rest of each run is shown), then the link's own problems
  const damaged = runs.flatMap((r) => r.info.damaged.map((d) => `${r.info.name}: ${d}`));
  $('messages').textContent = [...damaged, ...view.errors, ...unknownInLink(ds!, view)].join('; ');
  // a link's rescale to the brushed designs: its domains over the link's brushes and subset, as when it was clicked
  if (state.rescale?.to === 'brushed') rescaleTo('brushed');
  rescaleButtons();
  exportButtons(exportSource);
  $('reset').addEventListener('click', () => {
    state.filters = [];
    update();
  });
  timings.loadMs = performance.now();
  timings.loaded = true;
  document.body.dataset['ready'] = 'true';
  // while idle: the colour menu's columns coloured for their first choice (colour.ts: ~10 ms and a megabyte each at a
  // million), then the objectives sorted for their first brush (maskIndex.ts: ~0.1-0.3 s each), then every design
  // counted in the views by each colour column's colouring, the objectives first (countsAhead); the cheaper first
  const objectives = ds!.dims.filter((d) => d.role === 'objective').map((d) => d.name);
  const colour = (n: string) => (): unknown => colouringAhead(n);
  const mark = (step: string) => (): number => (timings.steps[step] ??= performance.now());
  const sorts = objectives.map((n) => () => maskIndex?.prepare(n));
  whileIdle(
    [...colourColumns().map(colour), ...sorts, mark('sorted'), ...aheadSteps(), mark('counted')],
    () => timings.complete,
  );
  const sel = view.design === null ? picks.pickedRow() : selectedRow(); // a link's pick without a design selects it
  if (sel >= 0) select(sel);
  const tick = (): void => {
    void poll()
      .catch(() => undefined)
      .finally(() => setTimeout(tick, POLL_MS));
  };
  setTimeout(tick, POLL_MS);
}

void start().catch((e: unknown) => {
  $('loading').textContent = '';
  $('messages').textContent = `could not load the runs: ${e instanceof Error ? e.message : String(e)}`;
});
