/**
 * Objective space as charts of chart.ts: one panel for 2 objectives, else the lower triangle of the scatter matrix
 * (row yi, column xi < yi), panels aligned on one left margin, the legend at the right of the first row. Each
 * category's points are dots placed by reference to one symbol (plots of thousands of points). Used by the run
 * report (objective space, the front with the knee) and the comparison of runs (fronts.svg).
 */
import { maxOf } from '../../base/arrays.js';
import { chart, concat, type ChartSpec, type Drawn, type Legend, type Mark, type Shape } from '../../chart/chart.js';
import type { AxisDef, CategoryStyle } from './plots.js';

/**
 * Width and height [px] of one panel of the objective-space plot of m objectives (the scatter matrix's panels shrink as
 * m grows).
 */
export function matrixPanelSize(m: number): { readonly width: number; readonly height: number } {
  const cols = Math.max(1, m - 1);
  const width = m === 2 ? 620 : Math.max(220, Math.min(440, Math.floor(1040 / cols) - 90));
  return { width, height: m === 2 ? 400 : Math.round(width * 0.8) };
}

type Point = Readonly<Record<string, unknown>>;

/** The points of one panel within 5 % of its axes' span (the clip hides those further out: not written at all). */
function near(points: readonly Point[], xi: number, yi: number, x: AxisDef, y: AxisDef): { x: number; y: number }[] {
  const [x0, x1] = x.domain,
    [y0, y1] = y.domain;
  const mx = (x1 - x0) * 0.05,
    my = (y1 - y0) * 0.05;
  const keyX = `o${xi}`,
    keyY = `o${yi}`;
  const out: { x: number; y: number }[] = [];
  for (const p of points) {
    const vx = p[keyX] as number,
      vy = p[keyY] as number;
    if (vx >= x0 - mx && vx <= x1 + mx && vy >= y0 - my && vy <= y1 + my) out.push({ x: vx, y: vy });
  }
  return out;
}

/** Labels of the labelled points inside a panel, bold; right-aligned in the right quarter so they stay inside. */
function labels(points: readonly Point[], xi: number, yi: number, x: AxisDef, y: AxisDef): Mark {
  const [x0, x1] = x.domain,
    [y0, y1] = y.domain;
  const cut = x0 + 0.75 * (x1 - x0);
  const shown = points.flatMap((p) => {
    const vx = p[`o${xi}`] as number,
      vy = p[`o${yi}`] as number;
    if (typeof p.label !== 'string' || !(vx >= x0 && vx <= x1 && vy >= y0 && vy <= y1)) return [];
    const right = vx > cut;
    return [
      {
        x: vx,
        y: vy,
        text: p.label,
        dx: right ? -8 : 8,
        dy: -8,
        anchor: right ? ('end' as const) : ('start' as const),
      },
    ];
  });
  return { type: 'text', labels: shown, size: 11, bold: true, color: '#000' };
}

/**
 * Objective space: points are {cat, o0..o(m-1), label?}, drawn in the order of `categories` (later on top), clipped
 * to each panel. `idPrefix` is written before every id (clip paths, symbols), unique in the page the SVG is inlined in.
 * `legends` replaces the one legend of the categories (e.g. the categories split under two titles).
 */
export function objectiveMatrix(
  points: readonly Point[],
  axes: readonly AxisDef[],
  categories: readonly CategoryStyle[],
  legendTitle: string,
  labelled = false,
  idPrefix = '',
  legends?: readonly Legend[],
): Drawn {
  const pre = idPrefix === '' ? '' : `${idPrefix}-`;
  const m = axes.length;
  const size = matrixPanelSize(m);
  const byCategory = categories.map((c) => points.filter((p) => p.cat === c.name));
  const spec = (xi: number, yi: number, marks: readonly Mark[], minLeft = 0): ChartSpec => ({
    ...size,
    x: { title: axes[xi]!.title, domain: axes[xi]!.domain },
    y: { title: axes[yi]!.title, domain: axes[yi]!.domain },
    marks,
    clipId: `${pre}clip${xi}-${yi}`,
    minLeft,
  });
  const cells: [number, number][][] = [];
  for (let yi = 1; yi < m; yi++) cells.push(Array.from({ length: yi }, (_, xi) => [xi, yi]));
  // one left margin for every panel (the widest y axis's), so the columns line up
  const left = maxOf(cells.flat().map(([xi, yi]) => chart(spec(xi, yi, [])).frame.x));
  const panel = ([xi, yi]: [number, number]) => {
    const [x, y] = [axes[xi]!, axes[yi]!];
    const marks: Mark[] = categories.map((c, k) => ({
      type: 'dots',
      points: near(byCategory[k]!, xi, yi, x, y),
      color: c.color,
      shape: c.shape as Shape,
      area: c.size,
      opacity: c.opacity,
      symbolId: `${pre}m${xi}-${yi}-${k}`,
    }));
    if (labelled) marks.push(labels(points, xi, yi, x, y));
    return chart(spec(xi, yi, marks, left));
  };
  const entries = categories.map((c) => ({
    name: c.name,
    color: c.color,
    symbol: c.shape as Shape,
    opacity: Math.max(0.7, c.opacity),
  }));
  return concat(
    cells.map((row) => row.map(panel)),
    { legends: legends ?? [{ title: legendTitle, entries }] },
  );
}
