/**
 * The explorer's view state (brushes, subset, axes, scales, spans, colour, selection, scatter pair) and how it meets
 * the link (urlState.ts): read from it, written back with every default left out, and what a link names that the
 * runs lack. A rescale by name keeps its spans computed from the designs it names: `shown` (the default) the subset
 * shown, the front (the union front of several runs) when all designs are.
 */
import type { PickRule } from '../../run/decision/picks.js';
import {
  formatViewState,
  roundOutward,
  type Filter,
  type Rescale,
  type ScaleKind,
  type Subset,
  type ViewState,
} from '../urlState.js';
import { constantDims, defaultOrder, domainsOver } from './controls.js';
import type { Dataset } from './data.js';
import { MaskIndex } from './maskIndex.js';

/** The whole view: what the link holds, and the axis order and hidden constants it derives. */
export const state = {
  filters: [] as Filter[],
  subset: 'all' as Subset,
  /** The selected design: its run's key and evaluation index. */
  selected: null as { run: string; index: number } | null,
  order: [] as string[],
  hidden: new Set<string>(),
  /** Visible axes from the link, applied once the columns are known. */
  linkAxes: null as readonly string[] | null,
  scales: {} as Record<string, ScaleKind>,
  inverted: new Set<string>(),
  domains: {} as Record<string, readonly [number, number]>,
  /**
   * The last rescale by name, and the brushes and subset it was computed over (the link names it while they hold);
   * null: the domains as they are (a link's `domain=`s). By default the subset shown, the front when all designs are.
   */
  rescale: { to: 'shown', filters: '', subset: 'all' } as { to: Rescale; filters: string; subset: Subset } | null,
  /** Constant columns hidden once (a user may show them again). */
  constantsHidden: new Set<string>(),
  /** The column the designs are coloured by, or null: by run. */
  colour: null as string | null,
  /** Scatter: the chosen pair (x, y), or null for the matrix of the objectives. */
  pair: null as [string, string] | null,
};

/**
 * A brush's bounds widened to its axis's display step (urlState.ts roundOutward), so the link holds what the page
 * applies; an end reaching the data's own is open. Choice axes (option positions) keep theirs.
 */
export function roundedFilter(ds: Dataset | null, metric: string, range: readonly [number, number]): Filter {
  const d = ds?.dims.find((x) => x.name === metric);
  if (d === undefined || d.options !== undefined) return { metric, lo: range[0], hi: range[1] };
  const [lo, hi] = roundOutward(range[0], range[1], d.min, d.max);
  return { metric, lo, hi };
}

/** The visible axes, or null when they are the default (every axis in the default order). */
function linkAxes(ds: Dataset | null): string[] | null {
  if (ds === null) return state.linkAxes === null ? null : [...state.linkAxes];
  const visible = state.order.filter((n) => !state.hidden.has(n));
  const constant = new Set(constantDims(ds));
  const byDefault = defaultOrder(ds).filter((n) => !constant.has(n));
  return visible.length === byDefault.length && visible.every((n, k) => n === byDefault[k]) ? null : visible;
}

/** The URL of the view: every piece of state that is not at its default. */
export function viewUrl(
  ds: Dataset | null,
  sort: { readonly key: string; readonly descending: boolean },
  pick: PickRule | null,
): string {
  return `${location.pathname}${formatViewState({
    filters: state.filters,
    subset: state.subset,
    axes: linkAxes(ds),
    scales: state.scales,
    inverted: state.order.filter((n) => state.inverted.has(n)),
    domains: state.domains,
    rescale: rescaleInLink(),
    colour: state.colour,
    sort: sort.key === 'eval' && !sort.descending ? null : sort,
    design: state.selected,
    pair: state.pair,
    pick,
  })}`;
}

/**
 * Milliseconds the URL waits after a change of the view: history.replaceState took 3-12 ms of a brush at a million
 * designs, spent before its frame when called in the brush's task (docs/performance.md); waiting also keeps a mouse
 * drag's updates under Chromium's limit of 200 in 10 s, beyond which it ignores them.
 */
const URL_MS = 100;

/** The URL following the view URL_MS after a change, once for the changes made meanwhile (`url`: the view's then). */
export class UrlFollower {
  /** Whether the URL has yet to follow the last change. */
  pending = false;
  constructor(private readonly url: () => string | null) {}

  follow(): void {
    if (this.pending) return;
    this.pending = true;
    setTimeout(() => {
      this.pending = false;
      const url = this.url();
      if (url !== null && url !== `${location.pathname}${location.search}`) history.replaceState(null, '', url);
    }, URL_MS);
  }
}

/** The rescale's name when its domains are still those it computed (same brushes and subset), else null. */
function rescaleInLink(): Rescale | null {
  const r = state.rescale;
  if (r === null) return null;
  return r.to !== 'brushed' || (r.filters === JSON.stringify(state.filters) && r.subset === state.subset) ? r.to : null;
}

/** The axes' spans of a rescale: over the designs it names ('shown': the subset, the front when all are shown). */
export function domainsFor(d: Dataset, mask: Uint8Array, to: Rescale): Record<string, [number, number]> {
  if (to === 'data') return {};
  if (to === 'feasible')
    return domainsOver(
      d,
      d.status.map((v) => (v === 0 ? 1 : 0)),
    );
  if (to === 'brushed') return domainsOver(d, mask);
  if (to === 'front' || state.subset === 'all') return domainsOver(d, d.union);
  const shown = new MaskIndex(d);
  shown.update(state.subset, []);
  return domainsOver(d, shown.mask);
}

/** The link's view as the state, before the runs load (but the pick and the table's sort, which their views hold). */
export function fromLink(view: ViewState): void {
  state.filters = [...view.filters];
  state.subset = view.subset;
  state.selected = view.design;
  state.pair = view.pair === null ? null : [view.pair[0], view.pair[1]];
  state.linkAxes = view.axes;
  state.scales = { ...view.scales };
  state.inverted = new Set(view.inverted);
  state.domains = { ...view.domains };
  state.rescale = view.rescale === null ? null : { to: view.rescale, filters: '', subset: view.subset };
  state.colour = view.colour;
}

/** What the link names that the runs do not have. */
export function unknownInLink(ds: Dataset, view: ViewState): string[] {
  const has = (n: string): boolean => ds.dims.some((d) => d.name === n);
  const named: [string, readonly string[]][] = [
    ['filter', view.filters.map((f) => f.metric)],
    ['axis', [...(view.axes ?? []), ...Object.keys(view.scales), ...view.inverted, ...Object.keys(view.domains)]],
    ['colour', view.colour === null ? [] : [view.colour]],
    ['sort', view.sort === null ? [] : [view.sort.key]],
    ["the scatter's pair", view.pair ?? []],
  ];
  const out = named.flatMap(([what, names]) => names.filter((n) => !has(n)).map((n) => `no column "${n}" (${what})`));
  if (view.design !== null && !ds.runs.some((r) => r.key === view.design!.run))
    out.push(`no run "${view.design.run}" (design): the runs are ${ds.runs.map((r) => r.key).join(', ')}`);
  return out;
}
