/**
 * The scatter's text: a matrix's diagonal cells (an objective's name wrapped to the cell, its span, unit, scale and
 * sense) and a chosen pair's axes (ticks at round values, decades or quartiles from scales.ts ticksOf, each option of
 * a choice; titles with name, unit and scale, cut to the panel's side).
 */
import { fmtValue, type Dim } from './data.js';
import { clip, wrap } from './labels.js';
import { ticksOf, type AxisScale } from './scales.js';

/** Room left of a chosen pair's panel for the y ticks and title. */
export const PAIR_LEFT = 66;

/** A tick: its position on the axis (0 at the low end), value and text. */
export interface AxisTick {
  readonly t: number;
  readonly value: number;
  readonly text: string;
}

/** Matrix: an objective's name, range and sense in its diagonal cell (top-left pixel ox, oy). */
export function diagonal(
  ctx: CanvasRenderingContext2D,
  d: Dim,
  sc: AxisScale,
  ox: number,
  oy: number,
  cell: number,
): void {
  const name = wrap(ctx, d.name.slice(d.name.lastIndexOf('.') + 1), cell - 8, 2);
  ctx.fillStyle = '#1d2330';
  name.forEach((line, k) => ctx.fillText(line, ox + cell / 2, oy + cell / 2 - 6 - (name.length - 1 - k) * 13));
  ctx.fillStyle = '#5b6475';
  ctx.fillText(`${fmtValue(sc.value(0), d)} … ${fmtValue(sc.value(1), d)}`, ox + cell / 2, oy + cell / 2 + 8);
  const scale = sc.kind === 'linear' ? '' : ` · ${sc.kind}`;
  ctx.fillText(`${unitText(d)}${scale}`, ox + cell / 2, oy + cell / 2 + 21);
  ctx.fillText(d.sense === 'maximize' ? '(maximized)' : '(minimized)', ox + cell / 2, oy + cell / 2 + 34);
}

/**
 * Chosen pair: each axis's ticks (scales.ts ticksOf: round values, decades on a log axis, quartiles on a percentile
 * one) and its title (name, unit and scale, cut to the panel's side).
 */
export function pairLabels(
  ctx: CanvasRenderingContext2D,
  [dx, dy]: readonly [Dim, Dim],
  [sx, sy]: readonly [AxisScale, AxisScale],
  ox: number,
  oy: number,
  cell: number,
): { x: AxisTick[]; y: AxisTick[] } {
  const c = cell - 2;
  ctx.fillStyle = '#5b6475';
  ctx.strokeStyle = '#9aa2b1';
  const xTicks = axisTicks(dx, sx);
  const yTicks = axisTicks(dy, sy);
  ctx.textAlign = 'center';
  for (const t of xTicks) {
    const x = ox + t.t * c;
    ctx.fillText(t.text, Math.max(ox + 12, Math.min(ox + c - 12, x)), oy + c + 14);
    ctx.beginPath();
    ctx.moveTo(Math.round(x) + 0.5, oy + c + 1);
    ctx.lineTo(Math.round(x) + 0.5, oy + c + 4);
    ctx.stroke();
  }
  ctx.textAlign = 'right';
  for (const t of yTicks) {
    const y = oy + c - t.t * c;
    ctx.fillText(clip(ctx, t.text, PAIR_LEFT - 22), ox - 5, Math.max(oy + 8, Math.min(oy + c, y + 4)));
    ctx.beginPath();
    ctx.moveTo(ox - 4, Math.round(y) + 0.5);
    ctx.lineTo(ox - 1, Math.round(y) + 0.5);
    ctx.stroke();
  }
  ctx.fillStyle = '#1d2330';
  ctx.textAlign = 'center';
  ctx.fillText(clip(ctx, axisTitle(dx, sx), c), ox + c / 2, oy + c + 30);
  ctx.save();
  ctx.translate(ox - PAIR_LEFT + 12, oy + c / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.fillText(clip(ctx, axisTitle(dy, sy), c), 0, 0);
  ctx.restore();
  return { x: xTicks, y: yTicks };
}

const unitText = (d: Dim): string => (d.options !== undefined ? 'choice' : d.unit === '-' ? '(no unit)' : d.unit);

/** A chosen pair's axis title: `name [unit] (log, inverted)`. */
function axisTitle(d: Dim, sc: AxisScale): string {
  const notes = [...(sc.kind === 'linear' ? [] : [sc.kind]), ...(sc.inverted ? ['inverted'] : [])];
  return `${d.name} [${unitText(d)}]${notes.length ? ` (${notes.join(', ')})` : ''}`;
}

/** An axis's ticks with their text: round values inside the span, or each option of a choice. */
function axisTicks(d: Dim, sc: AxisScale): AxisTick[] {
  const ticks =
    d.options !== undefined
      ? d.options.map((_, k) => ({ t: sc.position(k), value: k }))
      : sc.hi > sc.lo
        ? ticksOf(sc, 6)
        : [{ t: 0.5, value: sc.lo }];
  return ticks.map((t) => ({ ...t, text: fmtValue(t.value, d) }));
}

/** The rows a 0/1 mask marks. */
