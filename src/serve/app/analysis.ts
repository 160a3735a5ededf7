/**
 * The explorer's analysis panel (optimization history, parameter importance, slice plots: analysisViews.ts), closed
 * until the user opens it, so it costs a page nothing at load. Opened, it asks the analysis worker (/analysis.js,
 * analysisWorker.ts) for each run whose version it has not analysed yet (the worker fetches the run's columns and
 * computes off the main thread) and draws each answer as it arrives; a live run is analysed again when it grew.
 * The slice plots are drawn from the page's dataset: the designs the view keeps (subset and brushes) on the axes'
 * scales, redrawn at most once a frame as the view changes.
 */
import type { RunAnalysis } from './analysisData.js';
import { drawSlices, historyHtml, importanceHtml } from './analysisViews.js';
import type { Dataset, Dim, RunColumns } from './data.js';
import { axisScale, type AxisScale } from './scales.js';
import { esc } from './table.js';

const METHOD =
  "Relative importance: each variable's part (in %) of the sum of the objective's first-order indices ε². The index " +
  "(beside it) estimates Var E[objective | variable] / Var objective from the run's own non-failed evaluations: " +
  "each variable cut into up to 50 equal-count bins (one per value of a choice), Pearson's correlation ratio " +
  "debiased as Kelley's ε² (Plischke, Borgonovo & Smith 2013; docs/sources.md §17). It is a variance share only " +
  "for independent inputs: an optimizer's designs correlate them, each takes credit for the same variance, and the " +
  'indices can sum past 1. First order only (an interaction alone scores ≈ 0); it describes the designs the run ' +
  'evaluated, which an optimizer crowds near its front, not the whole design space.';

export class AnalysisPanel {
  private worker: Worker | null = null;
  private runs: readonly RunColumns[] = [];
  private ds: Dataset | null = null;
  private readonly results = new Map<number, RunAnalysis>();
  /** Version of each run last sent to the worker. */
  private readonly asked = new Map<number, string>();
  private readonly details: HTMLDetailsElement;
  private readonly select: HTMLSelectElement;
  /** The view's kept designs and axis scales (setView); all designs on linear scales until told. */
  private mask: Uint8Array | null = null;
  private scaleOf: (d: Dim) => AxisScale = (d) => axisScale(d);
  private pending = false;

  constructor(private readonly host: HTMLElement) {
    host.innerHTML =
      `<details data-testid="analysis"><summary>Optimization history, parameter importance and slice plots ` +
      `(computed when opened)</summary><p class="muted analysis-status" data-testid="analysis-status"></p>` +
      `<h3>Optimization history</h3><div class="analysis-history"></div>` +
      `<h3>Parameter importance</h3><p class="muted">${esc(METHOD)}</p><div class="analysis-importance"></div>` +
      `<h3>Slice plots</h3><label>objective <select data-testid="slice-objective"></select></label>` +
      `<div class="analysis-slices"></div></details>`;
    this.details = host.querySelector('details')!;
    this.select = host.querySelector('select')!;
    this.details.addEventListener('toggle', () => this.refresh());
    this.select.addEventListener('change', () => this.slices());
  }

  /** The runs and dataset the page now shows (after a load or a live reload). */
  setData(runs: readonly RunColumns[], ds: Dataset): void {
    this.runs = runs;
    this.ds = ds;
    const objectives = ds.dims.filter((d) => d.role === 'objective').map((d) => d.name);
    const chosen = objectives.includes(this.select.value) ? this.select.value : objectives[0];
    this.select.innerHTML = objectives
      .map((n) => `<option value="${esc(n)}"${n === chosen ? ' selected' : ''}>${esc(n)}</option>`)
      .join('');
    this.refresh();
  }

  /** The view's kept designs and scales: the slice plots follow them (at most one redraw a frame, only when open). */
  setView(mask: Uint8Array, scaleOf: (d: Dim) => AxisScale): void {
    this.mask = mask;
    this.scaleOf = scaleOf;
    if (!this.details.open || this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.slices();
    });
  }

  private refresh(): void {
    if (!this.details.open) return;
    this.worker ??= this.startWorker();
    for (const r of this.runs) {
      if (this.asked.get(r.info.id) === r.info.version) continue;
      this.asked.set(r.info.id, r.info.version);
      this.worker.postMessage(r.info);
    }
    this.status();
    this.draw();
    this.slices();
  }

  private startWorker(): Worker {
    const w = new Worker('/analysis.js');
    w.onmessage = (e: MessageEvent<RunAnalysis | { run: number; error: string }>) => {
      if ('error' in e.data) {
        this.results.delete(e.data.run);
        this.host.querySelector('.analysis-status')!.textContent = `run ${e.data.run}: ${e.data.error}`;
        return;
      }
      this.results.set(e.data.run, e.data);
      this.status();
      this.draw();
    };
    return w;
  }

  private status(): void {
    const waiting = this.runs.filter((r) => !this.results.has(r.info.id)).length;
    const el = this.host.querySelector<HTMLElement>('.analysis-status')!;
    el.dataset['pending'] = String(waiting);
    el.textContent = waiting > 0 ? `computing ${waiting} run(s) in a worker…` : '';
  }

  private draw(): void {
    const shown = this.runs.flatMap((r) => {
      const a = this.results.get(r.info.id);
      return a === undefined ? [] : [{ a, name: r.info.name }];
    });
    this.host.querySelector('.analysis-history')!.innerHTML = shown.map(({ a, name }) => historyHtml(a, name)).join('');
    this.host.querySelector('.analysis-importance')!.innerHTML = shown
      .map(({ a, name }) => importanceHtml(a, name))
      .join('');
  }

  private slices(): void {
    if (!this.details.open || this.ds === null) return;
    const mask = this.mask !== null && this.mask.length === this.ds.n ? this.mask : new Uint8Array(this.ds.n).fill(1);
    drawSlices(this.host.querySelector('.analysis-slices')!, this.ds, this.select.value, mask, this.scaleOf);
  }
}
