/**
 * The parallel coordinates' axes: each design's bin on an axis (a value beyond the axis's span, like a missing one,
 * has none: not drawn), the note under an axis's name (unit, scale), and the labels above the axes with the values
 * at their ends. A label's name is wrapped at its word boundaries (labels.ts) and, when a line of any label does not
 * fit the gap between axes, the labels take two tiers (every other one lower), or three, so each has that many gaps.
 */
import { fmtValue, type Dim } from './data.js';
import { clip, fits, wrap } from './labels.js';
import { NAN_BIN } from './raster.js';
import { axisScale, type AxisScale } from './scales.js';

/** Height of a line of label text; a label is five lines (section or role, the name over three, unit and scale). */
const LINE = 12;
const LABEL_LINES = 5;
const FONT = '11px system-ui, sans-serif';

/** Where the axes are and what the labels may take. */
export interface AxesAt {
  readonly axes: readonly Dim[];
  readonly scales: readonly AxisScale[];
  readonly xs: readonly number[];
  readonly width: number;
  /** The space between neighbouring axes. */
  readonly gap: number;
  readonly tiers: number;
  readonly top: number;
  readonly plotH: number;
}

/** A label as drawn: its axis, centre, tier, lines (the last one the note) and how many head lines lead it. */
export interface DrawnLabel {
  readonly name: string;
  readonly x: number;
  readonly tier: number;
  readonly lines: readonly string[];
  readonly head: number;
}

/** The labels' height in tiers. */
export const labelsHeight = (tiers: number): number => 4 + tiers * LABEL_LINES * LINE;

/**
 * 1 when every line of every axis's label fits the gap between axes unwrapped, else 2 when each fits two gaps with
 * the names wrapped, else 3 (each label then has that many gaps).
 */
export function labelTiers(
  ctx: CanvasRenderingContext2D,
  axes: readonly Dim[],
  scales: readonly AxisScale[],
  gap: number,
): number {
  ctx.font = FONT;
  const fit = (text: string, room: number): boolean => ctx.measureText(text).width <= room;
  const one = axes.every((d, k) => [...nameParts(d), axisNote(d, scales[k]!)].every((t) => fit(t, gap - 4)));
  if (one) return 1;
  const two = axes.every((d, k) => {
    const [head, name] = nameParts(d);
    const room = 2 * gap - 4;
    const names = wrap(ctx, name, room, LABEL_LINES - 1 - (head === '' ? 0 : 1));
    return fit(head, room) && fits(names) && fit(axisNote(d, scales[k]!), room);
  });
  return two ? 2 : 3;
}

/**
 * The axes, their labels and end values onto ctx. Each label (section or role, the name wrapped over up to three
 * lines, unit and scale) is as wide as the gap between axes, or with more tiers that many gaps (the labels of
 * neighbouring axes in successive tiers, a thin line leading the upper ones down to their axes). Returns what it
 * drew (the canvas's `data-labels`, for the browser test).
 */
export function drawAxisLabels(ctx: CanvasRenderingContext2D, at: AxesAt): DrawnLabel[] {
  const { axes, scales, xs, width, tiers, top, plotH } = at;
  ctx.font = FONT;
  ctx.textAlign = 'center';
  const gap = at.gap;
  const room = tiers * gap - 4;
  const drawn: DrawnLabel[] = [];
  axes.forEach((d, k) => {
    const x = xs[k]!;
    ctx.strokeStyle = '#555';
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(x + 0.5, top);
    ctx.lineTo(x + 0.5, top + plotH);
    ctx.stroke();
    const tier = k % tiers;
    const y0 = 4 + tier * LABEL_LINES * LINE;
    // a constraint's g names itself (no head line): its name may take three lines
    const [head, name] = nameParts(d);
    const heads = head === '' ? [] : [clip(ctx, head, room)];
    const names = wrap(ctx, name, room, LABEL_LINES - 1 - heads.length);
    const lines = [...heads, ...names, clip(ctx, axisNote(d, scales[k]!), room)];
    // the first and last labels kept inside the canvas
    const cx = Math.max(room / 2 + 1, Math.min(width - room / 2 - 1, x));
    lines.forEach((line, j) => {
      ctx.fillStyle = j < heads.length || j === lines.length - 1 ? '#5b6475' : '#1d2330';
      ctx.fillText(line, cx, y0 + (j + 1) * LINE - 2);
    });
    if (tier < tiers - 1) {
      ctx.strokeStyle = '#d9dde5';
      ctx.beginPath();
      ctx.moveTo(x + 0.5, y0 + lines.length * LINE + 1);
      ctx.lineTo(x + 0.5, top - 14);
      ctx.stroke();
    }
    drawn.push({ name: d.name, x: cx, tier, lines, head: heads.length });
    endValues(ctx, d, scales[k]!, x, gap, top, plotH);
  });
  return drawn;
}

/** The values at the axis's ends and, off linear, its middle; a choice's options; a constant's value. */
function endValues(
  ctx: CanvasRenderingContext2D,
  d: Dim,
  sc: AxisScale,
  x: number,
  gap: number,
  top: number,
  plotH: number,
): void {
  ctx.fillStyle = '#5b6475';
  if (d.options !== undefined) {
    ctx.textAlign = 'left';
    d.options.forEach((o, i) =>
      ctx.fillText(clip(ctx, String(o), gap / 2), x + 4, top + (1 - sc.position(i)) * plotH + 4),
    );
    ctx.textAlign = 'center';
  } else if (sc.lo === sc.hi) {
    ctx.fillText(clip(ctx, `constant ${fmtValue(d.min, d)}`, gap - 4), x, top + plotH / 2 - 6);
  } else {
    ctx.fillText(clip(ctx, fmtValue(sc.value(1), d), gap - 2), x, top - 3);
    ctx.fillText(clip(ctx, fmtValue(sc.value(0), d), gap - 2), x, top + plotH + 13);
    if (sc.kind !== 'linear') {
      ctx.textAlign = 'left';
      ctx.fillText(clip(ctx, `– ${fmtValue(sc.value(0.5), d)}`, gap / 2), x + 2, top + plotH / 2 + 4);
      ctx.textAlign = 'center';
    }
  }
}

/**
 * The axis's unit and scale, under its name: `USD/PFLOP-day · log · inverted`; a constraint's g is its excess over
 * the limit divided by |limit| (src/study/objectives.ts scaledViolation), `÷ |limit|`.
 */
export function axisNote(d: Dim, sc: AxisScale): string {
  const parts = [
    d.options !== undefined
      ? 'choice'
      : d.role === 'constraint'
        ? '÷ |limit|'
        : d.unit === '-' || d.unit === ''
          ? '(no unit)'
          : d.unit,
  ];
  if (sc.kind !== 'linear') parts.push(sc.kind);
  if (sc.inverted) parts.push('inverted');
  return parts.join(' · ');
}

/**
 * Each design's bin on an axis of `nb` bins (0 at the top) on its scale (linear over its range unless given); NAN_BIN
 * for a missing value or one beyond the scale's span.
 */
export function axisBins(d: Dim, nb: number, scale: AxisScale = axisScale(d)): Uint16Array {
  const values = d.values;
  const b = new Uint16Array(values.length);
  if (d.options === undefined && d.max !== d.min && scale.kind === 'linear' && !scale.inverted && !scale.clipped) {
    // a numeric axis: fraction's arithmetic inlined, one tight loop instead of a call per design
    const min = d.min;
    const span = d.max - d.min;
    for (let i = 0; i < b.length; i++) {
      const v = values[i]!;
      b[i] = v !== v ? NAN_BIN : Math.min(nb - 1, Math.floor((1 - (v - min) / span) * nb));
    }
    return b;
  }
  // a value beyond the span is not drawn on it (as a missing one): piled at an end it would read as that value
  for (let i = 0; i < b.length; i++) {
    const v = values[i]!;
    const t = scale.inside(v) ? scale.position(v) : NaN;
    b[i] = Number.isNaN(t) ? NAN_BIN : Math.min(nb - 1, Math.floor((1 - t) * nb));
  }
  return b;
}

/** An axis's label head (the name's section, the role for a name without one, none for a constraint's g) and name. */
function nameParts(d: Dim): [string, string] {
  const dot = d.name.lastIndexOf('.');
  if (d.name.startsWith('g[')) return ['', d.name];
  return dot > 0 ? [d.name.slice(0, dot), d.name.slice(dot + 1)] : [d.role, d.name];
}
