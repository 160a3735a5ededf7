/**
 * Colour by a column, shared by parallel coordinates, the scatter and the table: each design gets a colour index into
 * one palette, and the legend says what each colour stands for.
 * - By run (the default): one colour per run (RUN_COLOURS).
 * - A categorical column (a choice variable, the status): one colour per option, RUN_COLOURS in order (more than eight
 *   options reuse them, and the legend says which).
 * - A numeric column: STEPS colours of viridis at even steps (src/chart/palettes.ts), over equal steps of the column's
 *   axis scale (linear, log or percentile, over its span: the front's by default), so the colour bands match the axis
 *   the user set; uninverted, so dark is always the low end. A column whose values in the span are whole numbers
 *   (chips, a generation) gets one colour per value, or bins of whole values when there are more than STEPS: never
 *   75 – 75.25.
 * Designs without a value (a column another run lacks) or beyond the span are grey.
 */
import { maxOf } from '../../base/arrays.js';
import { RUN_COLOURS, viridisSteps } from '../../chart/palettes.js';
import { fmtValue, type Dataset, type Dim } from './data.js';
import type { AxisScale } from './scales.js';

export const STEPS = 8;
const VIRIDIS = viridisSteps(STEPS);
export const MISSING = '#a0a0a0';

export interface LegendEntry {
  readonly colour: string;
  readonly label: string;
}

export interface Colouring {
  /** The column, or null: by run. */
  readonly by: string | null;
  /** Each design's colour (an index into palette). */
  readonly index: Uint8Array;
  readonly palette: readonly string[];
  readonly legend: readonly LegendEntry[];
  /** A whole-numbered column: one colour per value, or per bin of whole values. */
  readonly integer?: boolean;
  /** Numeric: the low and high ends of the ramp and its scale kind (for the legend's title). */
  readonly ramp?: { readonly lo: string; readonly hi: string; readonly kind: AxisScale['kind'] };
}

const withUnit = (text: string, d: Dim): string => (d.unit === '-' || d.unit === '' ? text : `${text} ${d.unit}`);

function byRun(ds: Dataset): Colouring {
  const palette = Array.from(
    { length: maxOf([1, ...ds.runs.map((r) => r.id + 1)]) },
    (_, k) => RUN_COLOURS[k % RUN_COLOURS.length]!,
  );
  return {
    by: null,
    index: ds.run,
    palette,
    legend: ds.runs.map((r) => ({ colour: palette[r.id]!, label: `run ${r.key}` })),
  };
}

function categorical(ds: Dataset, d: Dim): Colouring {
  const options = d.options!;
  const palette = [...options.map((_, k) => RUN_COLOURS[k % RUN_COLOURS.length]!), MISSING];
  const index = new Uint8Array(ds.n);
  for (let i = 0; i < ds.n; i++) {
    const v = d.values[i]!;
    index[i] = Number.isNaN(v) ? options.length : v;
  }
  const legend = options.map((o, k) => ({ colour: palette[k]!, label: String(o) }));
  return { by: d.name, index, palette, legend };
}

function continuous(ds: Dataset, d: Dim, scale: AxisScale): Colouring {
  const whole = integerValues(d, scale);
  if (whole !== null) return integers(ds, d, whole);
  const palette = [...VIRIDIS, MISSING];
  const index = new Uint8Array(ds.n);
  const { lo, hi } = scale;
  const values = d.values;
  const span = hi - lo;
  if (scale.kind === 'linear' && !scale.inverted && hi > lo)
    // position()'s arithmetic inlined (a value inside the span needs no clamp): no call per design; the step
    // truncated (≥ 0 inside the span: the floor) and capped by a comparison, 4× faster than Math.floor and Math.min
    for (let i = 0; i < ds.n; i++) {
      const v = values[i]!;
      if (v >= lo && v <= hi) {
        const k = (((v - lo) / span) * STEPS) | 0;
        index[i] = k < STEPS ? k : STEPS - 1;
      } else index[i] = STEPS;
    }
  else
    for (let i = 0; i < ds.n; i++) {
      const v = values[i]!;
      index[i] = scale.inside(v) ? Math.min(STEPS - 1, Math.floor(scale.position(v) * STEPS)) : STEPS;
    }
  const legend = VIRIDIS.map((colour, k) => ({
    colour,
    label: withUnit(`${fmtValue(scale.value(k / STEPS), d)} – ${fmtValue(scale.value((k + 1) / STEPS), d)}`, d),
  }));
  return {
    by: d.name,
    index,
    palette,
    legend,
    ramp: { lo: fmtValue(scale.lo, d), hi: fmtValue(scale.hi, d), kind: scale.kind },
  };
}

/** The distinct values inside the span, sorted, when every one is a whole number (a count, an integer variable). */
function integerValues(d: Dim, scale: AxisScale): number[] | null {
  const seen = new Set<number>();
  for (let i = 0; i < d.values.length; i++) {
    const v = d.values[i]!;
    if (!scale.inside(v)) continue;
    if (!Number.isInteger(v)) return null;
    seen.add(v);
  }
  return seen.size === 0 ? null : [...seen].sort((a, b) => a - b);
}

/**
 * A whole-numbered column: up to STEPS distinct values get one colour each (viridis at evenly spaced steps, in the
 * values' order); more get STEPS bins of whole values, each `a – b` (equal numbers of values, not of the scale).
 */
function integers(ds: Dataset, d: Dim, values: readonly number[]): Colouring {
  const n = values.length;
  const bins = Math.min(n, STEPS);
  const binOf = (k: number): number => Math.floor((k * bins) / n);
  const palette = [
    ...Array.from({ length: bins }, (_, b) => VIRIDIS[bins === 1 ? 0 : Math.round((b * (STEPS - 1)) / (bins - 1))]!),
    MISSING,
  ];
  const at = new Map(values.map((v, k) => [v, binOf(k)]));
  const index = new Uint8Array(ds.n);
  for (let i = 0; i < ds.n; i++) index[i] = at.get(d.values[i]!) ?? bins;
  const legend = Array.from({ length: bins }, (_, b) => {
    const members = values.filter((_, k) => binOf(k) === b);
    const [first, last] = [members[0]!, members[members.length - 1]!];
    const text = first === last ? fmtValue(first, d) : `${fmtValue(first, d)} – ${fmtValue(last, d)}`;
    return { colour: palette[b]!, label: withUnit(text, d) };
  });
  return { by: d.name, index, palette, legend, integer: true };
}

/**
 * The colouring by a column (null or a name no dimension has: by run); `scale` is the column's axis scale without
 * inversion.
 */
export function colouring(ds: Dataset, by: string | null, scale: (d: Dim) => AxisScale): Colouring {
  const d = by === null ? undefined : ds.dims.find((x) => x.name === by);
  if (d === undefined) return byRun(ds);
  const sc = d.options === undefined ? scale(d) : null;
  const key = keyOf(d, sc);
  // a column chosen again over the same span and scale: its colours as they were (the values do not change)
  let cache = recent.get(ds);
  if (cache === undefined) recent.set(ds, (cache = new Map()));
  const made = ahead.get(ds)?.get(d.name);
  const hit = cache.get(key) ?? (made?.key === key ? made.colouring : make(ds, d, sc));
  cache.delete(key);
  cache.set(key, hit);
  if (cache.size > RECENT) cache.delete(cache.keys().next().value!);
  return hit;
}

/**
 * Makes a column's colouring ahead of its first choice (the page does it while idle: main.ts), for its span and scale
 * as they are: at a million designs a new colour index is a megabyte touched afresh and a pass over the column, 8–25
 * ms of the colour change in the page (docs/performance.md). One kept per column (a byte per design).
 */
export function prepareColouring(ds: Dataset, by: string, scale: (d: Dim) => AxisScale): Colouring | null {
  const d = ds.dims.find((x) => x.name === by);
  if (d === undefined) return null;
  const sc = d.options === undefined ? scale(d) : null;
  const key = keyOf(d, sc);
  let made = ahead.get(ds);
  if (made === undefined) ahead.set(ds, (made = new Map()));
  const had = made.get(d.name);
  if (had?.key === key) return had.colouring;
  const colouring = recent.get(ds)?.get(key) ?? make(ds, d, sc);
  made.set(d.name, { key, colouring });
  return colouring;
}

/** What a column's colours depend on: its name, and a numeric column's scale (null: a choice column) kind and span. */
const keyOf = (d: Dim, sc: AxisScale | null): string =>
  JSON.stringify(sc === null ? [d.name] : [d.name, sc.kind, sc.lo, sc.hi, sc.inverted]);

const make = (ds: Dataset, d: Dim, sc: AxisScale | null): Colouring =>
  sc === null ? categorical(ds, d) : continuous(ds, d, sc);

/** The last RECENT colourings by a column of each dataset, the latest last (a byte per design each). */
const RECENT = 4;
const recent = new WeakMap<Dataset, Map<string, Colouring>>();
/** The colourings made ahead (prepareColouring), by column name. */
const ahead = new WeakMap<Dataset, Map<string, { key: string; colouring: Colouring }>>();
