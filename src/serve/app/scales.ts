/**
 * Axis scales shared by parallel coordinates, the scatter and the colour ramp: where a value sits on an axis (0 at
 * the bottom, 1 at the top) and which value a position stands for (for brushes). Kinds:
 * - linear: (v − lo) / (hi − lo);
 * - log: (log10 v − log10 lo) / (log10 hi − log10 lo), offered only when the span's low end is positive (a cost over
 *   two decades gets its front's decade as much room as the rest);
 * - percentile: the design's mid-rank among the designs inside the span, r / (N − 1) with r = (below + below-or-equal
 *   − 1) / 2 (ties share one place), so each design gets the same room whatever the values' spread.
 * The span is the data's range, or a rescale's [lo, hi] (URL `domain=`; an infinite bound is the data's end). A value
 * outside it is not inside the span (`inside`): the views do not draw it (piled at an end it would read as a value);
 * position() still clamps it to the nearer end.
 * Inverted: 1 − position (the best value of a maximized objective can be put at the bottom, and so on). A choice
 * variable keeps its bands (one per option); only inversion applies to it.
 */
import { logTicks, ticks } from '../../chart/svg.js';
import type { ScaleKind } from '../urlState.js';
import type { Dim } from './data.js';

export interface AxisScale {
  /** The kind in effect (log on a span reaching 0 or below falls back to linear: `logRefused`). */
  readonly kind: ScaleKind;
  readonly logRefused: boolean;
  readonly inverted: boolean;
  /** The span: the data's range or the rescale. */
  readonly lo: number;
  readonly hi: number;
  /** Whether the span is a rescale narrower than the data (values beyond it pile at its ends). */
  readonly clipped: boolean;
  /** Position in [0, 1] of a value (NaN for a missing one), inversion applied. */
  position(v: number): number;
  /** Whether a value lies in the span (a choice's option always does; a missing value never). */
  inside(v: number): boolean;
  /** The value at a position (the inverse of position, inversion applied). */
  value(t: number): number;
}

const clamp01 = (t: number): number => (t < 0 ? 0 : t > 1 ? 1 : t);

/** Values of the dimension inside [lo, hi], sorted (the percentile scale's reference). */
function sortedWithin(values: Float64Array, lo: number, hi: number): Float64Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! >= lo && values[i]! <= hi) n++;
  const out = new Float64Array(n);
  for (let i = 0, k = 0; i < values.length; i++) if (values[i]! >= lo && values[i]! <= hi) out[k++] = values[i]!;
  return out.sort();
}

/** Count of sorted values below v (strict) or at most v. */
function rankOf(sorted: Float64Array, v: number, strict: boolean): number {
  let a = 0;
  let b = sorted.length;
  while (a < b) {
    const m = (a + b) >> 1;
    if (strict ? sorted[m]! < v : sorted[m]! <= v) a = m + 1;
    else b = m;
  }
  return a;
}

/** The un-inverted position and value functions of a numeric span. */
function numeric(
  kind: ScaleKind,
  lo: number,
  hi: number,
  values: Float64Array,
): [(v: number) => number, (t: number) => number] {
  if (hi === lo) return [() => 0.5, (t) => (t >= 0.5 ? hi : lo)];
  if (kind === 'log') {
    const a = Math.log10(lo);
    const span = Math.log10(hi) - a;
    return [(v) => (v <= 0 ? 0 : clamp01((Math.log10(v) - a) / span)), (t) => 10 ** (a + clamp01(t) * span)];
  }
  if (kind === 'percentile') {
    const sorted = sortedWithin(values, lo, hi);
    if (sorted.length === 0) return numeric('linear', lo, hi, values);
    const last = Math.max(1, sorted.length - 1);
    return [
      (v) => clamp01((rankOf(sorted, v, true) + rankOf(sorted, v, false) - 1) / 2 / last),
      (t) => {
        const p = clamp01(t) * (sorted.length - 1);
        const k = Math.floor(p);
        return k + 1 < sorted.length ? sorted[k]! + (p - k) * (sorted[k + 1]! - sorted[k]!) : sorted[k]!;
      },
    ];
  }
  return [(v) => clamp01((v - lo) / (hi - lo)), (t) => lo + clamp01(t) * (hi - lo)];
}

/** The scale of a dimension: kind, inversion and an optional rescale [lo, hi]. */
export function axisScale(
  d: Dim,
  kind: ScaleKind = 'linear',
  inverted = false,
  domain: readonly [number, number] | null = null,
): AxisScale {
  // a rescale's infinite bound is the data's end
  const lo = d.options === undefined && domain !== null && Number.isFinite(domain[0]) ? domain[0] : d.min;
  const hi = d.options === undefined && domain !== null && Number.isFinite(domain[1]) ? domain[1] : d.max;
  const logRefused = kind === 'log' && !(lo > 0);
  const effective: ScaleKind = d.options !== undefined || logRefused ? 'linear' : kind;
  const [pos, val] =
    d.options !== undefined
      ? [(v: number) => (v + 0.5) / d.options!.length, (t: number) => t * d.options!.length - 0.5]
      : numeric(effective, lo, hi, d.values);
  const flip = (t: number): number => (inverted ? 1 - t : t);
  return {
    kind: effective,
    logRefused,
    inverted,
    lo,
    hi,
    clipped: lo > d.min || hi < d.max,
    position: (v) => (Number.isNaN(v) ? NaN : flip(pos(v))),
    inside: (v) => v >= lo && v <= hi && (effective !== 'log' || v > 0),
    value: (t) => val(flip(t)),
  };
}

export interface Tick {
  /** Position on the axis, 0 at the low end (inversion applied). */
  readonly t: number;
  readonly value: number;
}

/**
 * Tick values of a numeric scale, inside its span, by the chart layer's rules (src/chart/svg.ts, d3's): linear, about
 * `most` round steps of 1, 2 or 5 × 10^k; log, the decades, or over fewer than three the 1–9 multiples d3 labels;
 * percentile, the values at 0, 25, 50, 75 and 100 % of the ranks. A span of one value (or a choice) has none: its
 * callers label it otherwise.
 */
export function ticksOf(sc: AxisScale, most = 6): Tick[] {
  const { lo, hi } = sc;
  if (!(hi > lo)) return [];
  const at = (values: readonly number[]): Tick[] =>
    values.filter((v) => v >= lo && v <= hi).map((value) => ({ t: sc.position(value), value }));
  if (sc.kind === 'percentile') return [0, 0.25, 0.5, 0.75, 1].map((q) => ({ t: q, value: sc.value(q) }));
  if (sc.kind === 'log') {
    const log = logTicks(lo, hi, most);
    return at(log.values.filter(log.labelled));
  }
  return at(ticks(lo, hi, most).values);
}
