/** The explorer's URL state: `filter=<metric>:<lo>:<hi>` (repeatable, open bounds) and `design=<run>:<index>`. */
import { describe, expect, it } from 'vitest';
import { formatViewState, parseFilter, parseViewState, passes } from '../../src/serve/urlState.js';

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
    expect(s.design).toEqual({ run: 1, index: 42 });
    expect(s.errors).toHaveLength(1);
    expect(parseViewState('?design=x').errors[0]).toMatch(/design "x"/);
  });

  it('writes what it reads (round trip), open bounds as empty', () => {
    const state = {
      filters: [
        { metric: 'g[a >= 1]', lo: -Infinity, hi: 0 },
        { metric: 'f1', lo: 0.25, hi: 1e6 },
      ],
      design: { run: 0, index: 7 },
    };
    const text = formatViewState(state);
    expect(text).toContain('filter=g%5Ba+%3E%3D+1%5D%3A%3A0');
    const back = parseViewState(text);
    expect(back.filters).toEqual(state.filters);
    expect(back.design).toEqual(state.design);
    expect(formatViewState({ filters: [], design: null })).toBe('');
  });

  it("carries the scatter's chosen pair as two names in order; one or three names are an error", () => {
    const text = formatViewState({ filters: [], design: null, pair: ['x1', 'g[a >= 1]'] });
    expect(text).toBe('?pair=x1&pair=g%5Ba+%3E%3D+1%5D');
    expect(parseViewState(text).pair).toEqual(['x1', 'g[a >= 1]']);
    expect(parseViewState('?filter=f1:0:1').pair).toBeNull();
    expect(parseViewState('?pair=x1').errors[0]).toMatch(/pair: expected two names/);
    expect(parseViewState('?pair=a&pair=b&pair=c').pair).toBeNull();
  });

  it('keeps a value inside the closed interval, never NaN', () => {
    const f = { metric: 'f1', lo: 1, hi: 2 };
    expect([0.999, 1, 1.5, 2, 2.001, NaN].map((v) => passes(f, v))).toEqual([false, true, true, true, false, false]);
  });
});
