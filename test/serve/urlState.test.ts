/**
 * The explorer's URL state: every piece of the view (filters, subset, axes, scales, inversion, rescale, colour, sort,
 * selected design, scatter pair) written and read back, names holding ':' and brackets, and the run keys that address
 * designs whatever order the run folders are given in.
 */
import { describe, expect, it } from 'vitest';
import { runKeys } from '../../src/serve/runData.js';
import { selectSchema } from '../../src/study/studySchema.js';
import {
  displayStep,
  formatViewState,
  parseFilter,
  parseViewState,
  passes,
  roundOutward,
  roundTo,
  type ViewState,
} from '../../src/serve/urlState.js';

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
    // ':', '[' and ']' are left as they are (WHATWG URL's query percent-encode set); '>', '=' and ' ' are escaped
    expect(text).toContain('filter=g[a+%3E%3D+1]::0');
    const back = parseViewState(text);
    expect(back.filters).toEqual(state.filters);
    expect(back.design).toEqual(state.design);
    expect(formatViewState({ filters: [], design: null })).toBe('');
    expect(text).toContain('design=seed-7:7');
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
      domains: { 'cost.lcoc_USD_per_PFLOP_day': [166.5, 450.25], [odd]: [-1, 0], f2: [-Infinity, 3] },
      rescale: null,
      colour: odd,
      sort: { key: odd, descending: true },
      design: { run: 'results/a:b/run-1', index: 58 },
      pair: [odd, 'f2'],
      pick: { pick: 'topsis', weights: { [odd]: 0.25, 'cost.lcoc_USD_per_PFLOP_day': 0.75 } },
      errors: [],
    };
    expect(parseViewState(formatViewState(view))).toEqual(view);
    const lex = { pick: 'lexicographic', order: ['f2', odd], tolerance: 0.05 } as const;
    expect(parseViewState(formatViewState({ pick: lex })).pick).toEqual(lex);
    expect(parseViewState('?pick=best&weight=f1:-1').errors).toEqual([
      'pick "best": expected one of knee, topsis, lexicographic',
    ]);
    expect(parseViewState('?pick=topsis&weight=f1:-1').errors).toEqual([
      'weight "f1:-1": must be a weight of 0 or more',
    ]);
    // each default is left out of the URL and read back as the default
    const empty = parseViewState('');
    expect(formatViewState(empty)).toBe('');
    expect(empty).toMatchObject({ subset: 'all', axes: null, colour: null, sort: null, design: null, pair: null });
    expect(formatViewState({ scales: { f1: 'linear' }, subset: 'all' })).toBe('');
    // the axes span the subset shown (the front) unless told: all data is written, and read back
    expect(empty.rescale).toBe('shown');
    expect(formatViewState({ rescale: null, domains: {} })).toBe('?rescale=data');
    expect(parseViewState('?rescale=data').rescale).toBe('data');
  });

  it('names what it cannot read: scale kind, subset, sort direction, domain bounds', () => {
    const s = parseViewState(
      '?scale=cubic:f1&subset=best&sort=f1:up&domain=f1:2:2&domain=f2::&scale=log:f3&rescale=best',
    );
    expect(s.errors).toHaveLength(6);
    expect(s.errors.join('\n')).toMatch(/rescale "best": expected one of shown, data, feasible, front, brushed/);
    expect(s.errors.join('\n')).toMatch(/scale "cubic:f1"/);
    expect(s.errors.join('\n')).toMatch(/subset "best"/);
    expect(s.errors.join('\n')).toMatch(/sort "f1:up"/);
    expect(s.errors.join('\n')).toMatch(/domain "f1:2:2"/);
    expect(s.errors.join('\n')).toMatch(/domain "f2::"/);
    expect(s.scales).toEqual({ f3: 'log' });
    expect(s.subset).toBe('all');
  });

  it("carries the scatter's chosen pair as two names in order; one or three names are an error", () => {
    const text = formatViewState({ filters: [], design: null, pair: ['x1', 'g[a >= 1]'] });
    expect(text).toBe('?pair=x1&pair=g[a+%3E%3D+1]');
    expect(new URLSearchParams('?pair=a:b/c').getAll('pair')).toEqual(['a:b/c']);
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

  it('rounds bounds outward to the fourth significant digit of the span, open at the data ends', () => {
    // spans by hand: 4,611.7 → step 10^(3 − 3) = 1; 0.87 → 10^(−1 − 3) = 0.0001; 1e-12 → 1e-16 (no toFixed)
    expect(displayStep(4703.2 - 91.5)).toBe(1);
    expect(displayStep(0.87)).toBeCloseTo(1e-4, 18);
    expect(displayStep(0)).toBe(0);
    expect(roundTo(166.54321, 1, false)).toBe(166);
    expect(roundTo(450.2468, 1, true)).toBe(451);
    expect(roundTo(0.123456789, 1e-4, false)).toBe(0.1234);
    expect(roundTo(0.123456789, 1e-4, true)).toBe(0.1235);
    // on the grid but for float noise (0.3 / 0.001 = 299.99999999999994): kept, not moved a step down
    expect(roundTo(0.3, 0.001, false)).toBe(0.3);
    expect(roundTo(-2.00001, 0.01, false)).toBe(-2.01);
    expect(roundTo(Infinity, 1, false)).toBe(Infinity);
    // the filed case: a cost axis 91.5 – 4,703 USD/PFLOP-day rescaled to 166.54321 – 450.2468
    expect(roundOutward(166.54321, 450.2468, 91.5, 4703.2)).toEqual([166, 451]);
    // an end reaching the data's own is open (−∞ / +∞: the data's end)
    expect(roundOutward(91.7, 4703.2, 91.5, 4703.2)).toEqual([-Infinity, Infinity]);
    expect(roundOutward(92.2, 4703.2, 91.5, 4703.2)).toEqual([92, Infinity]);
    expect(roundOutward(91.5, 4000.2, 91.5, 4703.2)).toEqual([-Infinity, 4001]);
    // one value (a front whose designs all have 83 chips, the data 20–120: span 100, step 0.1) keeps two steps' width
    expect(roundOutward(83, 83, 20, 120)).toEqual([82.9, 83.1]);
  });

  it('writes a rescale by name instead of its domains; 22 rounded domains stay under 1,000 characters', () => {
    const names = Array.from({ length: 22 }, (_, k) => (k % 2 ? `g[thermal.limit${k}]` : `cost.metric${k}_USD`));
    const domains = Object.fromEntries(names.map((n, k) => [n, roundOutward(1.23456789 * k, 1000.987654321, 0, 2e3)]));
    const long = formatViewState({ domains });
    expect(parseViewState(long).domains).toEqual(domains);
    expect(long.length).toBeLessThan(1000);
    const short = formatViewState({ domains, rescale: 'brushed' });
    expect(short).toBe('?rescale=brushed');
    expect(parseViewState(short).rescale).toBe('brushed');
  });

  it('keeps a value inside the closed interval, never NaN', () => {
    const f = { metric: 'f1', lo: 1, hi: 2 };
    expect([0.999, 1, 1.5, 2, 2.001, NaN].map((v) => passes(f, v))).toEqual([false, true, true, true, false, false]);
  });
});

describe('the pick parameters a link may carry are exactly those a study may write', () => {
  // each value through the study schema's select: (zod) and through the URL: both take it or both refuse it
  const WEIGHTS = [
    '0',
    '1',
    '0.25',
    '1e308',
    '1.7e308',
    'Infinity',
    '-Infinity',
    '-1',
    '-0.001',
    'NaN',
    '1e400',
    'x',
    '',
  ];
  const TOLERANCES = ['0', '0.05', '0.5', '0.5000001', '5', '-0.1', 'Infinity', 'NaN', '1e400', 'x'];

  it.each(WEIGHTS)('weight %s', (v) => {
    const study = selectSchema().safeParse({ pick: 'topsis', weights: { f1: Number(v === '' ? NaN : v) } }).success;
    const url = parseViewState(`?pick=topsis&weight=f1:${v}`);
    expect(url.errors.length === 0, url.errors.join('; ')).toBe(study);
    // a refused weight is left out, never used
    expect(url.pick?.weights?.['f1']).toBe(study ? Number(v) : undefined);
  });

  it.each(TOLERANCES)('tolerance %s', (v) => {
    const study = selectSchema().safeParse({ pick: 'lexicographic', order: ['f1'], tolerance: Number(v) }).success;
    const url = parseViewState(`?pick=lexicographic&order=f1&tolerance=${v}`);
    expect(url.errors.length === 0, url.errors.join('; ')).toBe(study);
    if (!study) expect(url.errors[0]).toMatch(/must be from 0 to 0\.5/);
    expect(url.pick?.tolerance ?? 0).toBe(study ? Number(v) : 0);
  });
});
