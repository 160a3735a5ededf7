/**
 * The explorer's whole view in its URL, so a link opened in a fresh browser shows the same view. Parameters:
 * - `filter=<metric>:<lo>:<hi>` (repeatable): a brush keeping the designs with lo ≤ value ≤ hi (empty bound: open);
 * - `subset=front|union|feasible|infeasible` (absent: all designs);
 * - `axis=<name>` (repeatable): the visible parallel-coordinates axes in their order (absent: every axis, objectives
 *   first, then constraints, then variables);
 * - `scale=log:<name>` or `scale=percentile:<name>` (absent: linear), `invert=<name>` (the axis runs top to bottom),
 *   `domain=<name>:<lo>:<hi>` (the axis spans lo..hi instead of the data's range: a rescale; an empty bound is the
 *   data's end), `rescale=data|feasible|front|brushed` (every numeric axis spans those designs: the short form of a
 *   rescale, computed again when the link is opened; absent with no `domain=`: the subset shown, the front when all
 *   designs are);
 * - `colour=<name>` (absent: by run); `sort=<name>:asc|desc` (the table's order; absent: by evaluation);
 * - `design=<run>:<index>`: the selected design, by its run's key (RunInfo.key: the run folder's name, stable whatever
 *   order the runs are given in) and evaluation index;
 * - `pair=<x>&pair=<y>`: the scatter's chosen pair (absent: the objectives' matrix);
 * - `pick=knee|topsis|lexicographic` (picks.ts), `weight=<objective>:<w>`, `order=<objective>`, `tolerance=<share>`.
 * Column names may hold ':', so bounds and indices are taken from the right and a scale's kind from the left. Bounds
 * the app writes are rounded outward to the axis's display step (roundOutward: four significant digits of the span),
 * and the app applies the rounded bounds itself, so the link and the page keep the same designs. Pure.
 */
import type { PickName, PickRule } from '../run/decision/picks.js';
import { toleranceProblem, weightProblem } from '../study/pickBounds.js';

export interface Filter {
  readonly metric: string;
  readonly lo: number;
  readonly hi: number;
}

/** The designs shown before any brush. */
export const SUBSETS = ['all', 'front', 'union', 'feasible', 'infeasible'] as const;
export type Subset = (typeof SUBSETS)[number];

/** How an axis maps values to positions: linear, log10, or the designs' percentile (rank). */
export const SCALE_KINDS = ['linear', 'log', 'percentile'] as const;
export type ScaleKind = (typeof SCALE_KINDS)[number];

/**
 * The sets of designs a rescale spans, in its short form: `shown` (the default) the subset shown, the front when all
 * designs are; `data` every design (the data's range).
 */
export const RESCALES = ['shown', 'data', 'feasible', 'front', 'brushed'] as const;
export type Rescale = (typeof RESCALES)[number];

export interface ViewState {
  readonly filters: readonly Filter[];
  readonly subset: Subset;
  /** Visible axes in order, or null for the default (all, objectives first). */
  readonly axes: readonly string[] | null;
  /** Axes with a scale other than linear. */
  readonly scales: Readonly<Record<string, ScaleKind>>;
  readonly inverted: readonly string[];
  /** Axes rescaled to [lo, hi] (an infinite bound: the data's end). */
  readonly domains: Readonly<Record<string, readonly [number, number]>>;
  /**
   * A rescale by name (its domains computed by the app), or null: the `domain=`s alone (the data's range elsewhere),
   * or with none the default, `shown`.
   */
  readonly rescale: Rescale | null;
  /** The column designs are coloured by, or null: by run. */
  readonly colour: string | null;
  readonly sort: { readonly key: string; readonly descending: boolean } | null;
  readonly design: { readonly run: string; readonly index: number } | null;
  /** The scatter's chosen pair [x, y] of dimension names, or null for the objectives' matrix. */
  readonly pair: readonly [string, string] | null;
  /** The decision pick and its parameters, or null (none). */
  readonly pick: PickRule | null;
  /** Problems with the URL's parameters (the rest is applied). */
  readonly errors: readonly string[];
}

export const EMPTY_VIEW: ViewState = {
  filters: [],
  subset: 'all',
  axes: null,
  scales: {},
  inverted: [],
  domains: {},
  rescale: 'shown',
  colour: null,
  sort: null,
  design: null,
  pair: null,
  pick: null,
  errors: [],
};

const bound = (s: string, open: number): number => (s.trim() === '' ? open : Number(s));

/** `<name>:<lo>:<hi>` with the bounds taken from the right, or an error message naming the parameter. */
function parseRange(what: string, value: string): Filter | string {
  const hiCut = value.lastIndexOf(':');
  const loCut = hiCut > 0 ? value.lastIndexOf(':', hiCut - 1) : -1;
  if (loCut <= 0) return `${what} "${value}": expected <metric>:<lo>:<hi>`;
  const metric = value.slice(0, loCut);
  const lo = bound(value.slice(loCut + 1, hiCut), -Infinity);
  const hi = bound(value.slice(hiCut + 1), Infinity);
  if (Number.isNaN(lo) || Number.isNaN(hi)) return `${what} "${value}": the bounds must be numbers`;
  if (lo > hi) return `${what} "${value}": lo is above hi`;
  return { metric, lo, hi };
}

/** One `filter` value, or an error message. */
export const parseFilter = (value: string): Filter | string => parseRange('filter', value);

/** `<head>:<tail>` cut at the last colon (tail from the right) or, `fromLeft`, at the first. */
function cut(value: string, fromLeft: boolean): [string, string] | null {
  const at = fromLeft ? value.indexOf(':') : value.lastIndexOf(':');
  return at <= 0 || at === value.length - 1 ? null : [value.slice(0, at), value.slice(at + 1)];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function parseDesign(params: URLSearchParams, s: Mutable<ViewState>, errors: string[]): void {
  const d = params.get('design');
  if (d === null) return;
  const parts = cut(d, false);
  if (parts !== null && /^\d+$/.test(parts[1])) s.design = { run: parts[0], index: Number(parts[1]) };
  else errors.push(`design "${d}": expected <run>:<index>`);
}

function parseAxes(params: URLSearchParams, s: Mutable<ViewState>, errors: string[]): void {
  const axes = params.getAll('axis');
  if (axes.length > 0) s.axes = axes;
  const scales: Record<string, ScaleKind> = {};
  for (const v of params.getAll('scale')) {
    const parts = cut(v, true);
    if (parts !== null && (SCALE_KINDS as readonly string[]).includes(parts[0]))
      scales[parts[1]] = parts[0] as ScaleKind;
    else errors.push(`scale "${v}": expected log:<name> or percentile:<name>`);
  }
  s.scales = scales;
  s.inverted = params.getAll('invert');
  const domains: Record<string, [number, number]> = {};
  for (const v of params.getAll('domain')) {
    const r = parseRange('domain', v);
    if (typeof r === 'string') errors.push(r);
    else if ((!Number.isFinite(r.lo) && !Number.isFinite(r.hi)) || r.lo === r.hi)
      errors.push(`domain "${v}": expected two different bounds, at most one of them empty`);
    else domains[r.metric] = [r.lo, r.hi];
  }
  s.domains = domains;
  const rescale = params.get('rescale');
  // no rescale named: the domains given (the data's range elsewhere), or with none the default
  s.rescale = Object.keys(domains).length > 0 ? null : 'shown';
  if (rescale !== null) {
    if ((RESCALES as readonly string[]).includes(rescale)) s.rescale = rescale as Rescale;
    else errors.push(`rescale "${rescale}": expected one of ${RESCALES.join(', ')}`);
  }
}

function parseTable(params: URLSearchParams, s: Mutable<ViewState>, errors: string[]): void {
  const subset = params.get('subset');
  if (subset !== null) {
    if ((SUBSETS as readonly string[]).includes(subset)) s.subset = subset as Subset;
    else errors.push(`subset "${subset}": expected one of ${SUBSETS.join(', ')}`);
  }
  s.colour = params.get('colour');
  const sort = params.get('sort');
  if (sort !== null) {
    const parts = cut(sort, false);
    if (parts !== null && (parts[1] === 'asc' || parts[1] === 'desc'))
      s.sort = { key: parts[0], descending: parts[1] === 'desc' };
    else errors.push(`sort "${sort}": expected <name>:asc or <name>:desc`);
  }
  const pairNames = params.getAll('pair');
  if (pairNames.length === 2) s.pair = [pairNames[0]!, pairNames[1]!];
  else if (pairNames.length > 0) errors.push(`pair: expected two names (pair=<x>&pair=<y>), got ${pairNames.length}`);
}

/** A number as written; an empty text is none (Number('') is 0). */
const numberOf = (text: string): number => (text.trim() === '' ? NaN : Number(text));

const PICKS: readonly PickName[] = ['knee', 'topsis', 'lexicographic'];

function parsePick(params: URLSearchParams, s: Mutable<ViewState>, errors: string[]): void {
  const pick = params.get('pick');
  if (pick === null) return;
  if (!(PICKS as readonly string[]).includes(pick)) {
    errors.push(`pick "${pick}": expected one of ${PICKS.join(', ')}`);
    return;
  }
  // the study schema's bounds (PICK_BOUNDS): a value outside is named and left out, never used
  const weights: Record<string, number> = {};
  for (const v of params.getAll('weight')) {
    const parts = cut(v, false);
    const why = parts === null ? 'expected <objective>:<weight>' : weightProblem(numberOf(parts[1]));
    if (parts !== null && why === null) weights[parts[0]] = Number(parts[1]);
    else errors.push(`weight "${v}": ${why}`);
  }
  const given = params.get('tolerance');
  let tolerance = given === null ? 0 : numberOf(given);
  const why = toleranceProblem(tolerance);
  if (why !== null) {
    errors.push(`tolerance "${given}": ${why}`);
    tolerance = 0;
  }
  const order = params.getAll('order');
  s.pick = {
    pick: pick as PickName,
    ...(Object.keys(weights).length > 0 ? { weights } : {}),
    ...(order.length > 0 ? { order } : {}),
    ...(tolerance > 0 ? { tolerance } : {}),
  };
}

export function parseViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const errors: string[] = [];
  const s: Mutable<ViewState> = { ...EMPTY_VIEW, filters: [] };
  const filters: Filter[] = [];
  for (const v of params.getAll('filter')) {
    const f = parseFilter(v);
    if (typeof f === 'string') errors.push(f);
    else filters.push(f);
  }
  s.filters = filters;
  parseDesign(params, s, errors);
  parseAxes(params, s, errors);
  parseTable(params, s, errors);
  parsePick(params, s, errors);
  s.errors = errors;
  return s;
}

const boundText = (v: number): string => (Number.isFinite(v) ? String(v) : '');

/** The URL query of a view (parameters at their default are left out); '' for the default view. */
export function formatViewState(state: Partial<Omit<ViewState, 'errors'>>): string {
  const params = new URLSearchParams();
  for (const f of state.filters ?? []) params.append('filter', `${f.metric}:${boundText(f.lo)}:${boundText(f.hi)}`);
  if (state.subset !== undefined && state.subset !== 'all') params.set('subset', state.subset);
  for (const name of state.axes ?? []) params.append('axis', name);
  for (const [name, kind] of Object.entries(state.scales ?? {}))
    if (kind !== 'linear') params.append('scale', `${kind}:${name}`);
  for (const name of state.inverted ?? []) params.append('invert', name);
  if (state.rescale === 'shown') {
    // the default: no parameter
  } else if (state.rescale !== undefined && state.rescale !== null) params.set('rescale', state.rescale);
  else if (state.rescale === null && Object.keys(state.domains ?? {}).length === 0) params.set('rescale', 'data');
  else
    for (const [name, [lo, hi]] of Object.entries(state.domains ?? {}))
      params.append('domain', `${name}:${boundText(lo)}:${boundText(hi)}`);
  if (state.colour !== undefined && state.colour !== null) params.set('colour', state.colour);
  if (state.sort !== undefined && state.sort !== null)
    params.set('sort', `${state.sort.key}:${state.sort.descending ? 'desc' : 'asc'}`);
  if (state.design !== undefined && state.design !== null)
    params.set('design', `${state.design.run}:${state.design.index}`);
  for (const name of state.pair ?? []) params.append('pair', name);
  const pick = state.pick ?? null;
  if (pick !== null && pick.pick !== undefined) {
    params.set('pick', pick.pick);
    for (const [name, w] of Object.entries(pick.weights ?? {})) params.append('weight', `${name}:${w}`);
    for (const name of pick.order ?? []) params.append('order', name);
    if ((pick.tolerance ?? 0) > 0) params.set('tolerance', String(pick.tolerance));
  }
  // characters a URL's query holds as they are (WHATWG URL's query percent-encode set leaves them), left unescaped:
  // shorter links, and a constraint's `g[...]` readable
  const s = params.toString().replace(/%(3A|2F|40|2C|21|24|27|28|29|2A|3B|5B|5D)/g, (e) => decodeURIComponent(e));
  return s === '' ? '' : `?${s}`;
}

/** The display step of an axis spanning `span`: its fourth significant digit (0 for an empty or unknown span). */
export function displayStep(span: number): number {
  return span > 0 && Number.isFinite(span) ? 10 ** (Math.floor(Math.log10(span)) - 3) : 0;
}

/** v rounded down (or up) to a multiple of step, printed without float noise; v itself for no step or ±∞. */
export function roundTo(v: number, step: number, up: boolean): number {
  if (!(step > 0) || !Number.isFinite(v)) return v;
  const q = v / step;
  // a value on the grid but for float noise (0.3 / 0.001 = 299.99999999999994) stays where it is
  const k = Math.abs(q - Math.round(q)) < 1e-9 ? Math.round(q) : (up ? Math.ceil : Math.floor)(q);
  const digits = Math.max(0, -Math.round(Math.log10(step)));
  return digits > 20 ? k * step : Number((k * step).toFixed(digits));
}

/**
 * [lo, hi] widened to the display step of an axis whose data span [min, max]; a bound that reaches the data's end
 * becomes open (±∞: the data's end, an empty bound in the link). A single value gets one step either side, so the
 * span has a width and its designs sit in its middle.
 */
export function roundOutward(lo: number, hi: number, min: number, max: number): [number, number] {
  const step = displayStep(max - min);
  const one = lo === hi ? step : 0;
  const a = roundTo(lo - one, step, false);
  const b = roundTo(hi + one, step, true);
  return [a <= min ? -Infinity : a, b >= max ? Infinity : b];
}

/** Whether a value passes a filter (NaN never does). */
export const passes = (f: Filter, v: number): boolean => v >= f.lo && v <= f.hi;
