/**
 * The run report's plots with thousands of marks, written directly as SVG: objective space (scatter matrix: each
 * category's symbol defined once and placed by reference), parallel coordinates and the delivered-compute waterfall
 * (rotated step names); convergence is two charts of chart.ts. Tick values and labels are d3's (svg.ts); compare.ts
 * draws its fronts with the same scatter matrix.
 */
import { maxOf, pushAll } from '../../base/arrays.js';
import { fmt } from '../../base/numberFormat.js';
import type { AxisDef, CategoryStyle, ParallelAxis } from './plots.js';
import { stackedLabel } from './plots.js';
import { CATEGORY10, chart, concat, type Drawn } from './chart.js';
import {
  axes as drawAxes,
  LEGEND_SYMBOL_px2,
  linear,
  niceMax,
  px,
  svgDocument,
  symbolPath,
  text,
  textWidth,
  yAxisWidth,
  type Frame,
} from './svg.js';

/** Legend: a title and one row per entry (symbol or stroke, then the name), at (x, y); its rows take `height`. */
export function legend(
  x: number,
  y: number,
  title: string | null,
  entries: readonly { name: string; mark: string }[],
): { svg: string; width: number; height: number } {
  const out: string[] = ['<g class="mark-group role-legend">'];
  let row = y;
  if (title) {
    out.push(text(x, row, title, { size: 12, weight: 'bold', baseline: 'top' }));
    row += 20;
  }
  let width = title ? textWidth(title, 12) : 0;
  for (const e of entries) {
    out.push(`<g class="role-legend-entry" transform="translate(${px(x + 8)},${px(row + 7)})">${e.mark}</g>`);
    out.push(text(x + 20, row + 7, e.name, { size: 12, baseline: 'middle' }));
    width = Math.max(width, 20 + textWidth(e.name, 12));
    row += 20;
  }
  out.push('</g>');
  return { svg: out.join(''), width, height: row - y };
}

/**
 * Width and height [px] of one panel of the objective-space plot of m objectives (the scatter matrix's panels shrink as
 * m grows).
 */
export function matrixPanelSize(m: number): { readonly width: number; readonly height: number } {
  const cols = Math.max(1, m - 1);
  const width = m === 2 ? 620 : Math.max(220, Math.min(440, Math.floor(1040 / cols) - 90));
  return { width, height: m === 2 ? 400 : Math.round(width * 0.8) };
}

/** A panel's group, its axes, and the clipped group its marks go in (closed by the caller with </g></g>). */
function panelOpen(f: Frame, xAxis: AxisDef, yAxis: AxisDef, clip: string): string[] {
  return [
    `<g class="mark-group role-scope">${drawAxes(f, { domain: xAxis.domain, title: xAxis.title }, { domain: yAxis.domain, title: yAxis.title }).svg}`,
    `<clipPath id="${clip}"><rect x="${px(f.x)}" y="${px(f.y)}" width="${px(f.width)}" height="${px(f.height)}"/></clipPath><g clip-path="url(#${clip})">`,
  ];
}

/** One scatter-matrix panel's data range and its scales to pixels. */
interface PanelScale {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
  readonly sx: (v: number) => number;
  readonly sy: (v: number) => number;
}

/** The points of one panel, by category, each a reference to its category's symbol. */
function panelSymbols(
  categories: readonly CategoryStyle[],
  byCategory: readonly (readonly Record<string, unknown>[])[],
  xi: number,
  yi: number,
  d: PanelScale,
  pre: string,
): string[] {
  const { x0, x1, y0, y1, sx, sy } = d;
  const out: string[] = [];
  // the points' keys of this panel's axes, made once per panel rather than once per point
  const keyX = `o${xi}`,
    keyY = `o${yi}`;
  categories.forEach((c, k) => {
    out.push(`<g class="mark-symbol role-mark" fill="${c.color}" fill-opacity="${c.opacity}">`);
    // points well outside the panel are left out (the clip would hide them); those near its edge are cut by it
    const mx = (x1 - x0) * 0.05,
      my = (y1 - y0) * 0.05;
    for (const p of byCategory[k]!) {
      const vx = p[keyX] as number,
        vy = p[keyY] as number;
      if (!(vx >= x0 - mx && vx <= x1 + mx && vy >= y0 - my && vy <= y1 + my)) continue;
      out.push(`<use xlink:href="#${pre}mark${k}" x="${px(sx(vx))}" y="${px(sy(vy))}"/>`);
    }
    out.push('</g>');
  });
  return out;
}

/** Labels of the labelled points inside one panel. */
function panelLabels(points: readonly Record<string, unknown>[], xi: number, yi: number, d: PanelScale): string[] {
  const { x0, x1, y0, y1, sx, sy } = d;
  // labels in the right quarter of the x axis are right-aligned so they stay inside the plot
  const cut = x0 + 0.75 * (x1 - x0);
  const out: string[] = ['<g class="mark-text role-mark">'];
  for (const p of points) {
    if (typeof p.label !== 'string') continue;
    const vx = p[`o${xi}`] as number,
      vy = p[`o${yi}`] as number;
    if (!(vx >= x0 && vx <= x1 && vy >= y0 && vy <= y1)) continue;
    const rightSide = vx > cut;
    out.push(
      text(sx(vx) + (rightSide ? -8 : 8), sy(vy) - 8, p.label, {
        anchor: rightSide ? 'end' : 'start',
        weight: 'bold',
      }),
    );
  }
  out.push('</g>');
  return out;
}

/**
 * Objective space: one panel for 2 objectives, else the lower triangle of the scatter matrix (row yi, column xi < yi).
 * Points are {cat, o0..o(m-1), label?}, drawn in the order of `categories` (later on top), clipped to each panel.
 * `idPrefix`: written before every id and reference to it, so the SVG is ready to inline as it comes (the same text
 * as tidySvg(svg, idPrefix) of the unprefixed one, without its passes over a text of tens of thousands of points).
 */
export function objectiveMatrixSvg(
  points: readonly Record<string, unknown>[],
  axes: readonly AxisDef[],
  categories: readonly CategoryStyle[],
  legendTitle: string,
  labelled = false,
  idPrefix = '',
): string {
  const pre = idPrefix === '' ? '' : `${idPrefix}-`;
  const m = axes.length;
  const { width, height } = matrixPanelSize(m);
  const left = maxOf(axes.map((a) => yAxisWidth(a.domain, height)));
  const bottom = 48;
  const top = 10;
  const gap = 24;
  const shapes = categories.map((c) => symbolPath(c.shape, c.size));
  const byCategory = categories.map((c) => points.filter((p) => p.cat === c.name));
  const out: string[] = [];
  let right = 0;
  for (let yi = 1; yi < m; yi++) {
    for (let xi = 0; xi < yi; xi++) {
      const f: Frame = {
        x: left + xi * (width + left + gap),
        y: top + (yi - 1) * (height + bottom + gap),
        width,
        height,
      };
      right = Math.max(right, f.x + f.width);
      const [x0, x1] = axes[xi]!.domain,
        [y0, y1] = axes[yi]!.domain;
      const sx = linear(x0, x1, f.x, f.x + width),
        sy = linear(y0, y1, f.y + height, f.y);
      pushAll(out, panelOpen(f, axes[xi]!, axes[yi]!, `${pre}clip${xi}-${yi}`));
      const domain = { x0, x1, y0, y1, sx, sy };
      pushAll(out, panelSymbols(categories, byCategory, xi, yi, domain, pre));
      if (labelled) pushAll(out, panelLabels(points, xi, yi, domain));
      out.push('</g></g>');
    }
  }
  const lg = legend(
    right + 24,
    top,
    legendTitle,
    categories.map((c) => ({
      name: c.name,
      mark: `<path class="mark-symbol role-legend-symbol" d="${symbolPath(c.shape, LEGEND_SYMBOL_px2)}" fill="${c.color}" fill-opacity="${Math.max(0.7, c.opacity)}"/>`,
    })),
  );
  // each category's symbol once, drawn at every point by reference: the same picture as a transformed path per point
  // in ~35 % fewer bytes
  const defs = `<defs>${shapes.map((d, k) => `<path id="${pre}mark${k}" d="${d}"/>`).join('')}</defs>`;
  return svgDocument(
    right + 24 + lg.width + 10,
    top + (m - 1) * (height + bottom + gap) - gap + 4,
    defs + out.join('') + lg.svg,
  );
}

type LineGroup = { name: string; color: string; width: number; opacity: number };

/** One polyline per id, group by group, through its points sorted by axis. */
function parallelLines(
  lines: readonly Record<string, unknown>[],
  groups: readonly LineGroup[],
  sx: (v: number) => number,
  sy: (v: number) => number,
): string[] {
  const out: string[] = [];
  for (const g of groups) {
    out.push(
      `<g class="mark-line role-mark" fill="none" stroke="${g.color}" stroke-width="${g.width}" stroke-opacity="${g.opacity}">`,
    );
    const byId = new Map<unknown, { a: number; v: number }[]>();
    for (const l of lines) {
      if (l.grp !== g.name) continue;
      const pts = byId.get(l.id) ?? [];
      if (pts.length === 0) byId.set(l.id, pts);
      pts.push({ a: l.a as number, v: l.v as number });
    }
    for (const pts of byId.values()) {
      pts.sort((p, q) => p.a - q.a);
      out.push(`<path d="M${pts.map((p) => `${px(sx(p.a))},${px(sy(p.v))}`).join('L')}"/>`);
    }
    out.push('</g>');
  }
  return out;
}

/**
 * Tick values beside each axis and the axis titles below the plot (slanted when there are many axes), with the height
 * the titles take.
 */
function parallelAxisText(
  axes: readonly ParallelAxis[],
  sx: (v: number) => number,
  sy: (v: number) => number,
  bottom: number,
  many: boolean,
): { svg: string[]; height: number } {
  const out: string[] = ['<g class="mark-text role-mark">'];
  axes.forEach((a, i) => {
    for (const t of a.ticks) {
      const above = t.y >= 1;
      out.push(
        text(sx(i) + 4, sy(t.y) + (above ? -4 : 3), t.text, {
          size: many ? 9 : 10,
          color: '#222',
          baseline: above ? 'alphabetic' : 'top',
        }),
      );
    }
  });
  out.push('</g><g class="mark-text role-axis-label">');
  let labelHeight = 0;
  axes.forEach((a, i) => {
    if (many) {
      out.push(
        text(sx(i), bottom + 14, a.title.length > 34 ? `${a.title.slice(0, 33)}…` : a.title, {
          size: 10,
          anchor: 'end',
          rotate: -40,
          baseline: 'top',
        }),
      );
      labelHeight = Math.max(labelHeight, Math.min(200, textWidth(a.title, 10)) * Math.sin((40 * Math.PI) / 180) + 16);
    } else {
      const rows = stackedLabel(a.title);
      rows.forEach((r, k) =>
        out.push(text(sx(i), bottom + 14 + 13 * k, r, { size: 10.5, anchor: 'middle', baseline: 'top' })),
      );
      labelHeight = Math.max(labelHeight, 13 * rows.length + 4);
    }
  });
  out.push('</g>');
  return { svg: out, height: labelHeight };
}

/** The legend above the plot, in one row starting at x. */
function parallelLegend(groups: readonly LineGroup[], x: number): string[] {
  let lx = x;
  const legendItems: string[] = ['<g class="mark-group role-legend">'];
  for (const g of groups) {
    legendItems.push(
      `<line class="role-legend-symbol" x1="${px(lx)}" y1="12" x2="${px(lx + 16)}" y2="12" stroke="${g.color}" stroke-width="3"/>`,
    );
    legendItems.push(text(lx + 22, 12, g.name, { size: 12, baseline: 'middle' }));
    lx += 22 + textWidth(g.name, 12) + 18;
  }
  legendItems.push('</g>');
  return legendItems;
}

/**
 * Parallel coordinates: `lines` are {id, grp, a (axis position), v (normalized 0..1)}, one polyline per id, groups in
 * order.
 */
export function parallelSvg(
  lines: readonly Record<string, unknown>[],
  axes: readonly ParallelAxis[],
  groups: readonly LineGroup[],
): string {
  const n = axes.length;
  const width = Math.min(1120, Math.max(500, n * 95));
  const height = 340;
  const many = n > 12;
  const f: Frame = { x: 20, y: 34, width, height };
  const sx = linear(-0.3, n - 0.45, f.x, f.x + width),
    sy = linear(-0.02, 1.02, f.y + height, f.y);
  const out: string[] = ['<g class="mark-rule role-axis-grid" stroke="#888" stroke-width="1">'];
  for (let a = 0; a < n; a++)
    out.push(`<line x1="${px(sx(a))}" y1="${px(f.y)}" x2="${px(sx(a))}" y2="${px(f.y + height)}"/>`);
  out.push(
    `</g><rect class="frame" x="${px(f.x)}" y="${px(f.y)}" width="${px(width)}" height="${px(height)}" fill="none" stroke="#bbb"/>`,
  );
  pushAll(out, parallelLines(lines, groups, sx, sy));
  const labels = parallelAxisText(axes, sx, sy, f.y + height, many);
  pushAll(out, labels.svg);
  const labelHeight = labels.height;
  const legendItems = parallelLegend(groups, f.x);
  // room for the first axis's label, which reaches left of the plot
  const first = axes[0]?.title ?? '';
  const firstReach = many
    ? Math.min(200, textWidth(first, 10)) * Math.cos((40 * Math.PI) / 180)
    : maxOf([0, ...stackedLabel(first).map((r) => textWidth(r, 10.5) / 2)]);
  const leftPad = Math.max(0, firstReach - sx(0) + 4);
  const body = `<g transform="translate(${px(leftPad)},0)">${legendItems.join('')}${out.join('')}</g>`;
  return svgDocument(leftPad + f.x + width + 20, f.y + height + 14 + labelHeight + 8, body);
}

/** Hypervolume and feasible share per generation, side by side (the chart layer). */
export function convergenceSvg(
  history: readonly { generation: number; hypervolume: number; feasibleShare: number }[],
): Drawn {
  const panel = (title: string, color: string, y: (h: (typeof history)[number]) => number, top: number | null) => {
    const points = history.map((h) => ({ x: h.generation, y: y(h) })).filter((p) => Number.isFinite(p.y));
    return chart({
      width: 470,
      height: 260,
      x: {
        title: 'generation [-]',
        domain: [0, maxOf([1, ...history.map((h) => h.generation)])],
        nice: true,
        integer: true,
      },
      y: { title, domain: [0, top ?? maxOf([0, ...points.map((p) => p.y)])], nice: top === null },
      marks: [
        { type: 'line', points, color },
        ...(history.length <= 60 ? [{ type: 'dots' as const, points, color, area: 25 }] : []),
      ],
    });
  };
  return concat(
    [
      [
        panel('hypervolume, normalized [-]', CATEGORY10[0]!, (h) => h.hypervolume, null),
        panel('feasible share of generation [%]', CATEGORY10[2]!, (h) => 100 * h.feasibleShare, 100),
      ],
    ],
    { gap: 40 },
  );
}

/**
 * Delivered-compute waterfall of one design: the PFLOPS left after each factor, in order (bars), the factor above each
 * bar.
 */
export function waterfallSvg(steps: readonly { name: string; factor: number; valueAfter_PFLOPS: number }[]): string {
  const width = 520,
    height = 260;
  const names = steps.map((s, i) => `${i + 1}. ${s.name}`);
  const yDomain = [0, niceMax(maxOf([0, ...steps.map((s) => s.valueAfter_PFLOPS).filter(Number.isFinite)]))] as const;
  const left = yAxisWidth(yDomain, height);
  const f: Frame = { x: left, y: 16, width, height };
  const sy = linear(yDomain[0], yDomain[1], f.y + height, f.y);
  // band scale: inner padding 0.1, outer 0.05 of a step (vega-lite's bar defaults)
  const step = width / (steps.length - 0.1 + 2 * 0.05);
  const bar = step * 0.9;
  const bx = (i: number): number => f.x + step * 0.05 + i * step;
  // the x axis is categorical: the step names are written below the bars
  const axes = drawAxes(f, null, { domain: yDomain, title: 'compute after the step [PFLOPS]' }).svg;
  const out: string[] = [axes, '<g class="mark-rect role-mark" fill="#4c78a8">'];
  steps.forEach((s, i) => {
    const y = sy(s.valueAfter_PFLOPS),
      y0 = sy(0);
    out.push(`<path d="M${px(bx(i))},${px(y)}h${px(bar)}v${px(y0 - y)}h${px(-bar)}Z"/>`);
  });
  out.push('</g><g class="mark-text role-mark">');
  steps.forEach((s, i) =>
    out.push(
      text(bx(i) + bar / 2, sy(s.valueAfter_PFLOPS) - 6, i === 0 ? fmt(s.valueAfter_PFLOPS) : `× ${fmt(s.factor)}`, {
        anchor: 'middle',
      }),
    ),
  );
  out.push('</g><g class="mark-text role-axis-label">');
  let labelHeight = 0;
  names.forEach((n, i) => {
    out.push(text(bx(i) + bar / 2, f.y + height + 10, n, { anchor: 'end', rotate: -30, baseline: 'middle' }));
    labelHeight = Math.max(labelHeight, textWidth(n, 11) * 0.5 + 16);
  });
  out.push('</g>');
  return svgDocument(f.x + width + 10, f.y + height + 10 + labelHeight, out.join(''));
}
