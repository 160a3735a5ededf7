/**
 * The explorer's URL state: every piece of the view (filters, subset, axes, scales, inversion, rescale, colour, sort,
 * selected design, scatter pair) written and read back, names holding ':' and brackets, and the run keys that address
 * designs whatever order the run folders are given in.
 */
import { describe, expect, it } from 'vitest';
import { runKeys } from '../../src/serve/runData.js';
import { formatViewState, parseFilter, parseViewState, passes, type ViewState } from '../../src/serve/urlState.js';

describe('explorer URL state', () => {
  it('parses filters with bounds from the right, so a metric may hold colons', () => {
    expect(parseFilter('mass.launch_kg:5000:20000')).toEqual({ metric: 'mass.launch_kg', lo: 5000, hi: 20000 });
    expect(parseFilter('a:b:-1.5e3:2')).toEqual({ metric: 'a:b', lo: -1500, hi: 2 });
    expect(parseFilter('g[x >= 1]:-1:')).toEqual({ metric: 'g[x >= 1]', lo: -1, hi: Infinity });
    expect(parseFilter('f1::0.5')).toEqual({ metric: 'f1', lo: -Infinity, hi: 0.5 });
  });

  it('refuses malformed filters with a message naming them', () => {
    expect(parseFilter('f1:0')).toMatch(/"f1:0": expected <metric>:<lo>:<hi>/);
    expect(parseFilter(':1:2')).toMatch(/expected/);
    expect(parseFilter('f1:a:2')).toMatch(/must be numbers/);
    expect(parseFilter('f1:3:2')).toMatch(/lo is above hi/);
  });

  it('reads several filters and the design, collecting errors without dropping the rest', () => {
    const s = parseViewState('?filter=f1:0:1&filter=f2:0.2:0.4&design=1:42&filter=bad');
    expect(s.filters).toEqual([
      { metric: 'f1', lo: 0, hi: 1 },
      { metric: 'f2', lo: 0.2, hi: 0.4 },
    ]);
    expect(s.design).toEqual({ run: '1', index: 42 });
    expect(s.errors).toHaveLength(1);
    expect(parseViewState('?design=x').errors[0]).toMatch(/design "x"/);
  });

  it('writes what it reads (round trip), open bounds as empty', () => {
    const state = {
      filters: [
        { metric: 'g[a >= 1]', lo: -Infinity, hi: 0 },
        { metric: 'f1', lo: 0.25, hi: 1e6 },
      ],
      design: { run: 'seed-7', index: 7 },
    };
    const text = formatViewState(state);
    expect(text).toContain('filter=g%5Ba+%3E%3D+1%5D%3A%3A0');
    const back = parseViewState(text);
    expect(back.filters).toEqual(state.filters);
    expect(back.design).toEqual(state.design);
    expect(formatViewState({ filters: [], design: null })).toBe('');
    expect(text).toContain('design=seed-7%3A7');
  });

  it('round-trips every piece of the view, names with colons and brackets included', () => {
    const odd = 'g[a:b >= 1]';
    const view: ViewState = {
      filters: [
        { metric: odd, lo: -0.5, hi: 0 },
        { metric: 'cost.lcoc_USD_per_PFLOP_day', lo: 200, hi: Infinity },
      ],
      subset: 'union',
      axes: ['cost.lcoc_USD_per_PFLOP_day', odd, 'thermal.radiatorArea_m2'],
      scales: { 'cost.lcoc_USD_per_PFLOP_day': 'log', [odd]: 'percentile' },
      inverted: [odd, 'compute.deliveredPFLOPS'],
      domains: { 'cost.lcoc_USD_per_PFLOP_day': [166.5, 450.25], [odd]: [-1, 0] },
      colour: odd,
      sort: { key: odd, descending: true },
      design: { run: 'results/a:b/run-1', index: 58 },
      pair: [odd, 'f2'],
      errors: [],
    };
    expect(parseViewState(formatViewState(view))).toEqual(view);
    // each default is left out of the URL and read back as the default
    const empty = parseViewState('');
    expect(formatViewState(empty)).toBe('');
    expect(empty).toMatchObject({ subset: 'all', axes: null, colour: null, sort: null, design: null, pair: null });
    expect(formatViewState({ scales: { f1: 'linear' }, subset: 'all' })).toBe('');
  });

  it('names what it cannot read: scale kind, subset, sort direction, domain bounds', () => {
    const s = parseViewState('?scale=cubic:f1&subset=best&sort=f1:up&domain=f1:2:2&domain=f2::1&scale=log:f3');
    expect(s.errors).toHaveLength(5);
    expect(s.errors.join('\n')).toMatch(/scale "cubic:f1"/);
    expect(s.errors.join('\n')).toMatch(/subset "best"/);
    expect(s.errors.join('\n')).toMatch(/sort "f1:up"/);
    expect(s.errors.join('\n')).toMatch(/domain "f1:2:2"/);
    expect(s.errors.join('\n')).toMatch(/domain "f2::1"/);
    expect(s.scales).toEqual({ f3: 'log' });
    expect(s.subset).toBe('all');
  });

  it("carries the scatter's chosen pair as two names in order; one or three names are an error", () => {
    const text = formatViewState({ filters: [], design: null, pair: ['x1', 'g[a >= 1]'] });
    expect(text).toBe('?pair=x1&pair=g%5Ba+%3E%3D+1%5D');
    expect(parseViewState(text).pair).toEqual(['x1', 'g[a >= 1]']);
    expect(parseViewState('?filter=f1:0:1').pair).toBeNull();
    expect(parseViewState('?pair=x1').errors[0]).toMatch(/pair: expected two names/);
    expect(parseViewState('?pair=a&pair=b&pair=c').pair).toBeNull();
  });

  it('keys runs by the shortest tail of their folder that no other run shares, whatever the order', () => {
    const dirs = ['/r/flag/2026-01-01', '/r/zdt/2026-01-01', '/r/zdt/b', '/s/a'];
    const keys = runKeys(dirs);
    expect(keys).toEqual(['flag/2026-01-01', 'zdt/2026-01-01', 'b', 'a']);
    const reversed = runKeys([...dirs].reverse());
    expect(reversed).toEqual([...keys].reverse());
    // the same folder twice: the second gets #2
    expect(runKeys(['/r/a', '/r/a'])).toEqual(['a', 'a#2']);
  });

  it('keeps a value inside the closed interval, never NaN', () => {
    const f = { metric: 'f1', lo: 1, hi: 2 };
    expect([0.999, 1, 1.5, 2, 2.001, NaN].map((v) => passes(f, v))).toEqual([false, true, true, true, false, false]);
  });
});
