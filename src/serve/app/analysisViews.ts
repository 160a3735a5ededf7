/**
 * The explorer's analysis views, drawn from what the analysis worker computes (analysisData.ts) and from the dataset:
 * - optimization history: per run, the hypervolume over evaluations and each objective's best feasible value so far
 *   (line charts of the chart layer, src/chart; the best as a staircase of its change points);
 * - parameter importance: per run and objective, the variables ranked by first-order index, each bar its part of the
 *   indices' sum (relative importance), the index itself beside it, and the sum (past 1 when inputs are correlated);
 * - slice plots: one chosen objective against each variable, a pixel per design the view keeps (subset and brushes)
 *   in its run's colour, on the axes' scales (log, percentile, rescale, as the plots above) with their ticks (canvas).
 * Markup only: every number comes from the worker's result or the dataset.
 */
import type { RunAnalysis } from './analysisData.js';
import { maxOf, minOf } from '../../base/arrays.js';
import { drawn } from '../../chart/chart.js';
import { RUN_COLOURS } from '../../chart/palettes.js';
import { fmtValue, type Dataset, type Dim } from './data.js';
import { ticksOf, type AxisScale } from './scales.js';
import { esc } from './table.js';

/** A history plot's frame [px] (the chart adds its axes around it). */
const PLOT_W = 220;
const PLOT_H = 100;

/** One line plot over [0, xMax] of the points' finite values (a staircase when `step`), by the chart layer. */
function linePlot(xs: ArrayLike<number>, ys: ArrayLike<number>, xMax: number, step: boolean, yLabel: string): string {
  const points: { x: number; y: number }[] = [];
  for (let i = 0; i < ys.length; i++) if (Number.isFinite(ys[i]!)) points.push({ x: xs[i]!, y: ys[i]! });
  if (points.length === 0)
    return `<svg width="${PLOT_W}" height="${PLOT_H}"><text x="60" y="60">no feasible design yet</text></svg>`;
  if (step) points.push({ x: xMax, y: points[points.length - 1]!.y });
  const values = points.map((p) => p.y);
  const { svg } = drawn({
    width: PLOT_W,
    height: PLOT_H,
    x: { title: 'evaluations', domain: [0, Math.max(1, xMax)] },
    y: { title: null, domain: [minOf(values), maxOf(values)] },
    marks: [{ type: 'line', points, color: RUN_COLOURS[0]!, width: 1.5, step }],
  });
  return svg.replace('<svg ', `<svg role="img" aria-label="${esc(yLabel)} over evaluations" `);
}

/** The history of one run: hypervolume over evaluations, then each objective's best so far. */
export function historyHtml(a: RunAnalysis, name: string): string {
  const last = a.hypervolume.length - 1;
  const se = last >= 0 && !Number.isNaN(a.standardError[last]!) ? ` ± ${a.standardError[last]!.toPrecision(2)}` : '';
  const norm = a.normalizationSource === 'run' ? "the run's normalization (run.json)" : "the log's current front";
  const hv =
    `<figure data-testid="history-plot" data-run="${a.run}" data-series="hypervolume" ` +
    `data-last="${last >= 0 ? a.hypervolume[last] : ''}">${linePlot(a.checkpoints, a.hypervolume, a.evaluations, false, 'hypervolume')}` +
    `<figcaption>hypervolume ${last >= 0 ? a.hypervolume[last]!.toFixed(4) : '–'}${se} after ` +
    `${a.evaluations.toLocaleString('en-US')} evaluations, on ${norm}</figcaption></figure>`;
  const best = a.best.map((b) => {
    const lastValue = b.value[b.value.length - 1];
    return (
      `<figure data-testid="history-plot" data-run="${a.run}" data-series="${esc(b.objective)}" ` +
      `data-last="${lastValue ?? ''}">${linePlot(b.at, b.value, a.evaluations, true, b.objective)}` +
      `<figcaption>best feasible ${esc(b.objective)} [${esc(b.unit)}] (${b.sense === 'maximize' ? 'highest' : 'lowest'} so far): ` +
      `${lastValue === undefined ? '–' : esc(fmtValue(lastValue))}</figcaption></figure>`
    );
  });
  return `<div class="analysis-run"><h4>run ${a.run}: ${esc(name)}</h4><div class="plots">${hv}${best.join('')}</div></div>`;
}

/**
 * The importance lists of one run: per objective, every variable ranked, its bar its relative importance (part of the
 * indices' sum, in %), its index ε² beside it; the sum is printed, and past 1 it says why.
 */
export function importanceHtml(a: RunAnalysis, name: string): string {
  const lists = a.importance.map((imp) => {
    const items = imp.ranked
      .map(
        (r) =>
          `<li data-variable="${esc(r.variable)}" data-relative="${r.relative}" data-index="${r.index}" ` +
          `title="ε² ${r.index.toFixed(3)}, η² ${r.eta2.toFixed(3)}, ${r.bins} bins, ${r.rows} evaluations">` +
          `<span class="imp-name">${esc(r.variable)}</span><span class="imp-bar" style="width:${(100 * r.relative).toFixed(1)}px"></span>` +
          `${(100 * r.relative).toFixed(1)} % <span class="muted">(ε² ${r.index.toFixed(3)})</span></li>`,
      )
      .join('');
    const sum =
      `Σ ε² ${imp.sum.toFixed(2)}` +
      (imp.sum > 1.05 ? ': above 1, the inputs are correlated in these designs and share credit' : '');
    return (
      `<div data-testid="importance" data-run="${a.run}" data-objective="${esc(imp.objective)}" data-sum="${imp.sum}">` +
      `<h5>${esc(imp.objective)}</h5><p class="muted">${esc(sum)}</p><ol>${items}</ol></div>`
    );
  });
  return `<div class="analysis-run"><h4>run ${a.run}: ${esc(name)}</h4><div class="plots">${lists.join('')}</div></div>`;
}

const SLICE_W = 220;
const SLICE_H = 150;
/** The plot area inside a slice's canvas: room for the y tick labels on the left and the x ones below. */
const SLICE_PAD = { left: 46, right: 8, top: 6, bottom: 18 };

/** "lo – hi", "constant v" for one value, "no finite value" when none is finite (a column of failed designs). */
function rangeText(lo: number, hi: number, dim?: Parameters<typeof fmtValue>[1]): string {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return 'no finite value';
  return lo === hi ? `constant ${fmtValue(lo, dim)}` : `${fmtValue(lo, dim)} – ${fmtValue(hi, dim)}`;
}

/** A slice's tick marks and labels: x below the plot area, y to its left. */
function sliceTicks(ctx: CanvasRenderingContext2D, x: Dim, sx: AxisScale, y: Dim, sy: AxisScale): void {
  const [w, h] = [SLICE_W - SLICE_PAD.left - SLICE_PAD.right, SLICE_H - SLICE_PAD.top - SLICE_PAD.bottom];
  ctx.strokeStyle = '#999';
  ctx.strokeRect(SLICE_PAD.left - 0.5, SLICE_PAD.top - 0.5, w + 1, h + 1);
  ctx.fillStyle = '#5b6475';
  ctx.font = '10px system-ui, sans-serif';
  ctx.textAlign = 'center';
  const xt = x.options !== undefined ? x.options.map((o, i) => ({ t: sx.position(i), label: String(o) })) : [];
  for (const t of xt.length > 0 ? xt : ticksOf(sx, 4).map((k) => ({ t: k.t, label: fmtValue(k.value, x) }))) {
    const px = SLICE_PAD.left + t.t * w;
    ctx.fillRect(Math.round(px), SLICE_PAD.top + h, 1, 3);
    ctx.fillText(t.label, px, SLICE_H - 5);
  }
  ctx.textAlign = 'right';
  for (const k of ticksOf(sy, 5)) {
    const py = SLICE_PAD.top + (1 - k.t) * h;
    ctx.fillRect(SLICE_PAD.left - 3, Math.round(py), 3, 1);
    ctx.fillText(fmtValue(k.value, y), SLICE_PAD.left - 4, py + 3);
  }
}

/**
 * Slice plots: `objective` (y) against every variable (x), one pixel block per design the mask keeps in its run's
 * colour, each dimension on its axis scale (scaleOf), with ticks.
 */
export function drawSlices(
  host: HTMLElement,
  ds: Dataset,
  objective: string,
  mask: Uint8Array,
  scaleOf: (d: Dim) => AxisScale,
): void {
  const y = ds.dims.find((d) => d.name === objective);
  const vars = ds.dims.filter((d) => d.role === 'variable');
  host.replaceChildren();
  if (y === undefined) return;
  if (ds.n === 0) {
    const p = document.createElement('p');
    p.className = 'muted';
    p.textContent = 'No evaluations yet: the slice plots are drawn when the run has evaluated designs.';
    host.append(p);
    return;
  }
  const palette = RUN_COLOURS.map((c) => parseInt(c.slice(1), 16));
  for (const x of vars) {
    const fig = document.createElement('figure');
    fig.dataset['testid'] = 'slice';
    fig.dataset['variable'] = x.name;
    const canvas = document.createElement('canvas');
    canvas.width = SLICE_W;
    canvas.height = SLICE_H;
    const ctx = canvas.getContext('2d')!;
    const img = ctx.createImageData(SLICE_W, SLICE_H);
    const px = new Uint32Array(img.data.buffer);
    const [sx, sy] = [scaleOf(x), scaleOf(y)];
    const [w, h] = [SLICE_W - SLICE_PAD.left - SLICE_PAD.right, SLICE_H - SLICE_PAD.top - SLICE_PAD.bottom];
    let shown = 0;
    for (let i = 0; i < ds.n; i++) {
      if (mask[i] !== 1) continue;
      // beyond an axis's span (or missing): not drawn, as in the plots above
      if (!sx.inside(x.values[i]!) || !sy.inside(y.values[i]!)) continue;
      const u = sx.position(x.values[i]!);
      const v = sy.position(y.values[i]!);
      shown++;
      const cx = SLICE_PAD.left + Math.min(w - 2, Math.max(0, Math.round(u * (w - 2))));
      const cy = SLICE_PAD.top + Math.min(h - 2, Math.max(0, Math.round((1 - v) * (h - 2))));
      const c = palette[ds.run[i]! % palette.length]!;
      // RGBA bytes as a little-endian word: 0xAABBGGRR
      const word = (0xff000000 | ((c & 255) << 16) | (c & 0xff00) | ((c >> 16) & 255)) >>> 0;
      const p = cy * SLICE_W + cx;
      px[p] = px[p + 1] = px[p + SLICE_W] = px[p + SLICE_W + 1] = word;
    }
    ctx.putImageData(img, 0, 0);
    sliceTicks(ctx, x, sx, y, sy);
    fig.dataset['shown'] = String(shown);
    const cap = document.createElement('figcaption');
    const kind = (sc: AxisScale): string => (sc.kind === 'linear' ? '' : `, ${sc.kind}`);
    cap.textContent =
      `${x.name} [${x.unit}${kind(sx)}]: ${rangeText(sx.lo, sx.hi, x)}; ${objective} [${y.unit}${kind(sy)}] ` +
      `${rangeText(sy.lo, sy.hi)}; shown ${shown.toLocaleString('en-US')} of ${ds.n.toLocaleString('en-US')} designs`;
    fig.append(canvas, cap);
    host.append(fig);
  }
}
