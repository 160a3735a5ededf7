/**
 * The explorer's shareable state in its URL: `?filter=<metric>:<lo>:<hi>` (repeatable; a brush keeping the designs
 * with lo ≤ value ≤ hi on that column; an empty bound is open) and `&design=<run>:<index>` (the selected design:
 * run position, evaluation index) and `&pair=<x>&pair=<y>` (the scatter's chosen pair of dimensions; absent: the
 * objectives' matrix). Metric names may hold ':' (`g[compute.itPowerAvg_W >= 120000]` does not, but a
 * user's expression could), so the two bounds are taken from the right. Pure: used by the browser app and tests.
 */
export interface Filter {
  readonly metric: string;
  readonly lo: number;
  readonly hi: number;
}

export interface ViewState {
  readonly filters: readonly Filter[];
  readonly design: { readonly run: number; readonly index: number } | null;
  /** The scatter's chosen pair [x, y] of dimension names, or null for the objectives' matrix. */
  readonly pair: readonly [string, string] | null;
  /** Problems with the URL's parameters (the rest is applied). */
  readonly errors: readonly string[];
}

const bound = (s: string, open: number): number => (s.trim() === '' ? open : Number(s));

/** One `filter` value, or an error message. */
export function parseFilter(value: string): Filter | string {
  const hiCut = value.lastIndexOf(':');
  const loCut = hiCut > 0 ? value.lastIndexOf(':', hiCut - 1) : -1;
  if (loCut <= 0) return `filter "${value}": expected <metric>:<lo>:<hi>`;
  const metric = value.slice(0, loCut);
  const lo = bound(value.slice(loCut + 1, hiCut), -Infinity);
  const hi = bound(value.slice(hiCut + 1), Infinity);
  if (Number.isNaN(lo) || Number.isNaN(hi)) return `filter "${value}": the bounds must be numbers`;
  if (lo > hi) return `filter "${value}": lo is above hi`;
  return { metric, lo, hi };
}

export function parseViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const filters: Filter[] = [];
  const errors: string[] = [];
  for (const v of params.getAll('filter')) {
    const f = parseFilter(v);
    if (typeof f === 'string') errors.push(f);
    else filters.push(f);
  }
  let design: ViewState['design'] = null;
  const d = params.get('design');
  if (d !== null) {
    const m = /^(\d+):(\d+)$/.exec(d);
    if (m) design = { run: Number(m[1]), index: Number(m[2]) };
    else errors.push(`design "${d}": expected <run>:<index>`);
  }
  const pairNames = params.getAll('pair');
  let pair: ViewState['pair'] = null;
  if (pairNames.length === 2) pair = [pairNames[0]!, pairNames[1]!];
  else if (pairNames.length > 0) errors.push(`pair: expected two names (pair=<x>&pair=<y>), got ${pairNames.length}`);
  return { filters, design, pair, errors };
}

const boundText = (v: number): string => (Number.isFinite(v) ? String(v) : '');

export function formatViewState(
  state: Pick<ViewState, 'filters' | 'design'> & Partial<Pick<ViewState, 'pair'>>,
): string {
  const params = new URLSearchParams();
  for (const f of state.filters) params.append('filter', `${f.metric}:${boundText(f.lo)}:${boundText(f.hi)}`);
  if (state.design !== null) params.set('design', `${state.design.run}:${state.design.index}`);
  for (const name of state.pair ?? []) params.append('pair', name);
  const s = params.toString();
  return s === '' ? '' : `?${s}`;
}

/** Whether a value passes a filter (NaN never does). */
export const passes = (f: Filter, v: number): boolean => v >= f.lo && v <= f.hi;
