/**
 * Export what the explorer shows: each plot as PNG (its canvas as drawn) or SVG (vector marks: the parallel
 * coordinates' lines binned at the canvas's BIN_PX, one line per distinct segment, its opacity from its count as on
 * the canvas; the scatter's points, one circle per pixel a kept design lights, over the grey of the others; axes,
 * names, units and tick values), and the kept designs (subset and brushes) as CSV: the rows of each run's
 * evaluations.csv as the file holds them, its header first (several runs: a leading `run` column with the run's key).
 */
import { pushAll } from '../../base/arrays.js';
import { esc, px, svgDocument, text } from '../../chart/svg.js';
import { fmtValue, type Dataset, type Dim } from './data.js';
import { BIN_PX, type PlotView } from './parcoords.js';
import { axisNote } from './pcAxes.js';
import { ticksOf, type AxisScale } from './scales.js';
import type { ScatterView } from './scatter.js';

export interface ExportSource {
  parcoords(): { exportView(): PlotView | null };
  scatter(): { exportView(): ScatterView | null };
  dataset(): Dataset | null;
  mask(): Uint8Array;
}

/** Saves a blob as a file through a temporary link (the browser's download). */
function download(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

const GREY = '#c8c8c8';
const LABEL = '#5b6475';

/** A document of the chart layer's, titled (its first element names the view). */
const svgFile = (w: number, h: number, title: string, body: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n${svgDocument(w, h, `<title>${esc(title)}</title>${body}`)}\n`;

/** The ticks of a numeric axis with their labels; a choice's options; a constant's one value. */
function axisTicks(d: Dim, sc: AxisScale): { t: number; label: string }[] {
  if (d.options !== undefined) return d.options.map((o, i) => ({ t: sc.position(i), label: String(o) }));
  if (sc.lo === sc.hi) return [{ t: 0.5, label: `constant ${fmtValue(sc.lo, d)}` }];
  return ticksOf(sc).map((k) => ({ t: k.t, label: fmtValue(k.value, d) }));
}

/** Parallel coordinates as SVG: per pair of axes, a line per distinct (bin, bin, colour) of the kept designs. */
export function parcoordsSvg(v: PlotView): string {
  const { ds, dims, scales, xs, top, plotH, colours, mask } = v;
  const nb = Math.ceil(plotH / BIN_PX);
  // as the canvas: a value beyond its axis's span is not drawn
  const bin = (k: number, i: number): number => {
    const v = dims[k]!.values[i]!;
    return scales[k]!.inside(v) ? Math.min(nb - 1, Math.floor((1 - scales[k]!.position(v)) * nb)) : -1;
  };
  const y = (b: number): number => top + (b + 0.5) * BIN_PX;
  const parts: string[] = [];
  let most = 1;
  const P = colours.palette.length;
  // a segment's key: ((axis · nb + bin) · nb + next bin) · P + colour
  const segments: Map<number, number>[] = [new Map(), new Map()];
  for (let i = 0; i < ds.n; i++) {
    const kept = mask[i] === 1 ? 1 : 0;
    const colour = kept ? colours.index[i]! : 0;
    for (let k = 0; k + 1 < dims.length; k++) {
      const a = bin(k, i);
      const b = bin(k + 1, i);
      if (a < 0 || b < 0) continue;
      const key = ((k * nb + a) * nb + b) * P + colour;
      const n = (segments[kept]!.get(key) ?? 0) + 1;
      segments[kept]!.set(key, n);
      if (kept && n > most) most = n;
    }
  }
  for (const [set, map] of segments.entries()) {
    const lines = [...map].map(([key, n]) => {
      const c = key % P;
      const b = Math.floor(key / P) % nb;
      const a = Math.floor(key / P / nb) % nb;
      const k = Math.floor(key / P / nb / nb);
      // as the canvas: opacity grows with the designs a line carries (square root, at least 0.15)
      const alpha = set === 0 ? 0.5 : Math.max(0.15, Math.sqrt(n / most));
      const stroke = set === 0 ? GREY : colours.palette[c]!;
      return `<line x1="${xs[k]}" y1="${px(y(a))}" x2="${xs[k + 1]}" y2="${px(y(b))}" stroke="${stroke}" stroke-opacity="${alpha.toFixed(2)}"/>`;
    });
    parts.push(`<g data-set="${set === 0 ? 'others' : 'kept'}">${lines.join('')}</g>`);
  }
  dims.forEach((d, k) => {
    const x = xs[k]!;
    const sc = scales[k]!;
    pushAll(parts, [
      `<g data-axis="${esc(d.name)}"><line x1="${x}" y1="${top}" x2="${x}" y2="${top + plotH}" stroke="#555"/>`,
      text(x, 12, d.name, { anchor: 'middle', weight: 'bold' }),
      text(x, 26, axisNote(d, sc), { anchor: 'middle' }),
      ...axisTicks(d, sc).map(
        (t) =>
          `<line x1="${x - 3}" y1="${px(top + (1 - t.t) * plotH)}" x2="${x}" y2="${px(top + (1 - t.t) * plotH)}" stroke="#555"/>` +
          text(x + 4, top + (1 - t.t) * plotH + 4, t.label, { color: LABEL }),
      ),
      '</g>',
    ]);
  });
  return svgFile(v.canvas.width, v.canvas.height, 'odc explorer: parallel coordinates', parts.join(''));
}

/** The scatter as SVG: per panel, a circle per pixel a design lights (grey: the others, then the kept in colour). */
export function scatterSvg(v: ScatterView): string {
  const { ds, colours, mask } = v;
  const parts: string[] = [];
  for (const p of v.panels) {
    const [sx, sy] = [v.scale(p.x), v.scale(p.y)];
    const sets: Map<string, string>[] = [new Map(), new Map()];
    for (let i = 0; i < ds.n; i++) {
      if (!sx.inside(p.x.values[i]!) || !sy.inside(p.y.values[i]!)) continue;
      const tx = sx.position(p.x.values[i]!);
      const ty = sy.position(p.y.values[i]!);
      const cx = p.left + Math.round(tx * p.size);
      const cy = p.top + p.size - Math.round(ty * p.size);
      const kept = mask[i] === 1 ? 1 : 0;
      const fill = kept ? colours.palette[colours.index[i]!]! : GREY;
      sets[kept]!.set(`${cx},${cy}`, `<circle cx="${cx}" cy="${cy}" r="1.2" fill="${fill}"/>`);
    }
    const frame = `<rect x="${p.left}" y="${p.top}" width="${p.size}" height="${p.size}" fill="none" stroke="#d9dde5"/>`;
    const labels = [
      text(p.left + p.size / 2, p.top + p.size + 24, `${p.x.name} [${p.x.unit}]`, { anchor: 'middle' }),
      text(p.left - 30, p.top + p.size / 2, `${p.y.name} [${p.y.unit}]`, { anchor: 'middle', rotate: -90 }),
      ...axisTicks(p.x, sx).map((t) => text(p.left + t.t * p.size, p.top + p.size + 11, t.label, { anchor: 'middle' })),
      ...axisTicks(p.y, sy).map((t) => text(p.left - 3, p.top + (1 - t.t) * p.size + 4, t.label, { anchor: 'end' })),
    ];
    parts.push(
      `<g data-x="${esc(p.x.name)}" data-y="${esc(p.y.name)}" data-left="${p.left}" data-top="${p.top}" data-size="${p.size}">` +
        `${frame}<g data-set="others">${[...sets[0]!.values()].join('')}</g>` +
        `<g data-set="kept">${[...sets[1]!.values()].join('')}</g>${labels.join('')}</g>`,
    );
  }
  return svgFile(v.canvas.width + 40, v.canvas.height + 30, 'odc explorer: scatter', parts.join(''));
}

/** The records of a CSV text (a quoted field may hold a comma or a line end), each as the file holds it. */
export function csvRecords(csv: string): string[] {
  const out: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 10 && !quoted) {
      out.push(csv.slice(start, csv.charCodeAt(i - 1) === 13 ? i - 1 : i));
      start = i + 1;
    }
  }
  if (start < csv.length) out.push(csv.slice(start));
  return out;
}

/** The kept designs' rows of every run's log, evaluations.csv's columns (several runs: a leading run key). */
export async function keptCsv(ds: Dataset, mask: Uint8Array): Promise<string> {
  const kept = new Map<number, Set<number>>();
  for (let i = 0; i < ds.n; i++) {
    if (mask[i] !== 1) continue;
    let set = kept.get(ds.run[i]!);
    if (set === undefined) kept.set(ds.run[i]!, (set = new Set()));
    set.add(ds.index[i]!);
  }
  const several = ds.runs.length > 1;
  const out: string[] = [];
  let header: string | null = null;
  for (const r of ds.runs) {
    const records = csvRecords(await (await fetch(`/api/runs/${r.id}/log.csv`)).text());
    const head = records[0] ?? '';
    // several runs: one header while they share it; a run whose header differs starts a new one
    if (head !== header) {
      out.push(several ? `run,${head}` : head);
      header = head;
    }
    const evalAt = head.split(',').indexOf('eval');
    const set = kept.get(r.id) ?? new Set<number>();
    for (const rec of records.slice(1)) {
      const ev = Number(rec.split(',', evalAt + 1)[evalAt]);
      if (set.has(ev)) out.push(several ? `${csvField(r.key)},${rec}` : rec);
    }
  }
  return `${out.join('\n')}\n`;
}

const csvField = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The export buttons of the page (data-export="parcoords-svg" …), wired to the views. */
export function exportButtons(src: ExportSource): void {
  const actions: Record<string, () => void | Promise<void>> = {
    'parcoords-svg': () => {
      const v = src.parcoords().exportView();
      if (v !== null) download(new Blob([parcoordsSvg(v)], { type: 'image/svg+xml' }), 'parallel-coordinates.svg');
    },
    'parcoords-png': () => png(src.parcoords().exportView()?.canvas, 'parallel-coordinates.png'),
    'scatter-svg': () => {
      const v = src.scatter().exportView();
      if (v !== null) download(new Blob([scatterSvg(v)], { type: 'image/svg+xml' }), 'scatter.svg');
    },
    'scatter-png': () => png(src.scatter().exportView()?.canvas, 'scatter.png'),
    csv: async () => {
      const ds = src.dataset();
      if (ds !== null) download(new Blob([await keptCsv(ds, src.mask())], { type: 'text/csv' }), 'designs.csv');
    },
  };
  document
    .querySelectorAll<HTMLElement>('button[data-export]')
    .forEach((b) => b.addEventListener('click', () => void actions[b.dataset['export']!]?.()));
}

function png(canvas: HTMLCanvasElement | undefined, name: string): void {
  canvas?.toBlob((blob) => {
    if (blob !== null) download(blob, name);
  }, 'image/png');
}
