import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BreakEven } from '../../src/analysis/breakEven.js';
import {
  breakEvenSpec,
  constraintSpec,
  distributionSpec,
  shortInput,
  sobolSpec,
  tornadoSpec,
} from '../../src/analysis/plots.js';
import { launchMassSobol, launchPriceBreakEven, lcocTornado, sobolIndex, tornadoBar } from './fixtures.js';
import type { MarginSummary, OutputSummary } from '../../src/analysis/uncertainty.js';

/**
 * The vega-lite specs of src/analysis/plots.ts, checked against what any reader of the figure relies on rather
 * than against today's spec: each uses vega-lite's words (marks, types, legend orients, interpolations and scale
 * types as the schema shipped with the vega-lite package lists them), every
 * categorical value drawn has an entry in its colour and dash scales (domain and range of equal length, colours as
 * hex codes), every axis title carries a unit in brackets, and the data are the figures given (hand-made summaries
 * below), with the documented filters: tornado bars of zero or undefined swing and Sobol' indices ≤ 1e-3 left out,
 * at most `maxBars`, a log axis for a break-even scan over positive values spanning ≥ 100×.
 */
type Json = Record<string, unknown>;
/** Enumerations of the vega-lite schema shipped with the package (definitions StandardType, Mark, …). */
let vocabulary: Record<'StandardType' | 'Mark' | 'LegendOrient' | 'Interpolate' | 'ScaleType', string[]>;

beforeAll(() => {
  const file = new URL('../../node_modules/vega-lite/build/vega-lite-schema.json', import.meta.url);
  const definitions = (JSON.parse(readFileSync(file, 'utf8')) as { definitions: Record<string, { enum: string[] }> })
    .definitions;
  const names = ['StandardType', 'Mark', 'LegendOrient', 'Interpolate', 'ScaleType'] as const;
  vocabulary = Object.fromEntries(names.map((n) => [n, definitions[n]!.enum])) as typeof vocabulary;
});

/** Every object inside `x` (itself included). */
function objects(x: unknown): Json[] {
  if (Array.isArray(x)) return x.flatMap(objects);
  if (x === null || typeof x !== 'object') return [];
  return [x as Json, ...Object.values(x).flatMap(objects)];
}

/** Checks shared by every spec: vega-lite words, scales against the data they colour, units in axis titles. */
function checkSpec(spec: Json): void {
  for (const node of objects(spec)) {
    const mark = node['mark'] as Json | undefined;
    if (mark !== undefined) expect(vocabulary.Mark).toContain(mark['type']);
    if (mark?.['interpolate'] !== undefined) expect(vocabulary.Interpolate).toContain(mark['interpolate']);
    const encoding = node['encoding'] as Record<string, Json> | undefined;
    if (encoding === undefined) continue;
    const data = ((node['data'] ?? spec['data']) as { values: Json[] } | undefined)?.values ?? [];
    for (const [channel, def] of Object.entries(encoding)) {
      if (def['type'] !== undefined) expect(vocabulary.StandardType, channel).toContain(def['type']);
      if (!['x2', 'yOffset'].includes(channel)) expect(def['type'], channel).toBeDefined();
      const legend = def['legend'] as Json | null | undefined;
      if (legend) expect(vocabulary.LegendOrient).toContain(legend['orient']);
      const scale = def['scale'] as { domain?: unknown[]; range?: unknown[]; type?: string } | undefined;
      if (scale?.type !== undefined) expect(vocabulary.ScaleType).toContain(scale.type);
      if (channel === 'x' && def['title'] !== undefined) expect(def['title']).toMatch(/^\S.* \[[^\]]+\]$/);
      if (channel === 'y' && typeof def['title'] === 'string') expect(def['title']).toMatch(/ \[[^\]]+\]$/);
      if (scale?.range === undefined || !Array.isArray(scale.domain)) continue;
      expect(scale.domain.length, `${channel} scale`).toBe(scale.range.length);
      expect(new Set(scale.domain).size).toBe(scale.domain.length);
      if (channel === 'color') for (const c of scale.range) expect(c).toMatch(/^#[0-9a-f]{3}([0-9a-f]{3})?$/);
      if (channel === 'strokeDash') for (const d of scale.range) expect((d as number[]).length).toBe(2);
      const field = def['field'] as string;
      for (const row of data) expect(scale.domain, `${channel} ${String(row[field])}`).toContain(row[field]);
    }
  }
}

const summary = (nominal: number | null): OutputSummary => ({
  path: 'cost.lcoc_USD_per_PFLOP_day',
  unit: 'USD/PFLOP-day',
  nominal,
  n: 4,
  mean: 2.5,
  sd: 1,
  standardError: 0.5,
  p5: 1.15,
  p50: 2.5,
  p95: 3.85,
  min: 1,
  max: 4,
  histogram: {
    bins: [
      { lower: 1, upper: 2.5, count: 2 },
      { lower: 2.5, upper: 4, count: 2 },
    ],
  } as unknown as OutputSummary['histogram'],
});

describe('distribution figure', () => {
  it('valid vega-lite; the nominal and p5/p95 rules coloured on both panels; the CDF of the values', () => {
    const spec = distributionSpec(summary(2), [4, 1, 3, 2]) as Json;
    checkSpec(spec);
    const panels = spec['hconcat'] as { title: string; layer: { data: { values: Json[] } }[] }[];
    expect(panels.map((p) => p.title)).toEqual(['Histogram', 'Empirical CDF']);
    for (const p of panels) {
      expect(p.layer[1]!.data.values).toEqual([
        { x: 2, what: 'nominal design' },
        { x: 1.15, what: 'p5 / p95' },
        { x: 3.85, what: 'p5 / p95' },
      ]);
    }
    expect(panels[1]!.layer[0]!.data.values).toEqual([
      { x: 1, F: 0.25 },
      { x: 2, F: 0.5 },
      { x: 3, F: 0.75 },
      { x: 4, F: 1 },
    ]);
    // no nominal value: the two quantile rules only
    const none = distributionSpec(summary(null), [1, 2]) as Json;
    checkSpec(none);
    const rules = (none['hconcat'] as { layer: { data: { values: Json[] } }[] }[])[0]!.layer[1]!.data.values;
    expect(rules.map((r) => r['what'])).toEqual(['p5 / p95', 'p5 / p95']);
  });

  it('a bin of zero width at a negative value still gets a positive width', () => {
    const s = {
      ...summary(null),
      histogram: { bins: [{ lower: -5, upper: -5, count: 3 }] } as unknown as OutputSummary['histogram'],
    };
    const bar = (distributionSpec(s, [-5, -5, -5]) as { hconcat: { layer: { data: { values: Json[] } }[] }[] })
      .hconcat[0]!.layer[0]!.data.values[0]!;
    expect(bar['lo']).toBe(-5);
    expect((bar['hi'] as number) + 5).toBeCloseTo(5e-9 + 1e-12, 14);
  });
});

describe('constraint figure', () => {
  // estimates and interval ends exact in binary, so 100·p is exact
  const margin = (name: string, enforced: boolean, p: number, lower: number, upper: number): MarginSummary =>
    ({ ...summary(null), name, enforced, description: '', holds: { estimate: p, lower, upper } }) as never;

  it('percent bars with their interval, enforced and check constraints coloured apart, a row per constraint', () => {
    const margins = [
      margin('thermal', true, 0.5, 0.25, 0.75),
      margin('power', false, 0.875, 0.75, 1),
      margin('mass', true, 0.25, 0.125, 0.5),
    ];
    const spec = constraintSpec(margins) as Json;
    checkSpec(spec);
    expect((spec['data'] as { values: Json[] }).values).toEqual([
      { name: 'thermal', p: 50, lo: 25, hi: 75, kind: 'enforced' },
      { name: 'power', p: 87.5, lo: 75, hi: 100, kind: 'check' },
      { name: 'mass', p: 25, lo: 12.5, hi: 50, kind: 'enforced' },
    ]);
    // taller with more constraints, never below a legible minimum
    const heights = [1, 3, 10].map((n) => constraintSpec(margins.slice(0, 1).concat(Array(n - 1).fill(margins[1]))));
    const h = heights.map((s) => (s as Json)['height'] as number);
    expect(h[0]).toBeGreaterThanOrEqual(60);
    expect(h[2]).toBeGreaterThan(h[1]!);
    expect(h[2]! / 10).toBeGreaterThanOrEqual(20);
  });
});

describe('tornado figure', () => {
  const t = lcocTornado(
    tornadoBar('catalogs.batteries.li-ion-leo.cost_USD_per_Wh', 4, 18),
    tornadoBar('economics.launchCost_USD_per_kg', 8, 13),
    tornadoBar('mission.lifetime_yr', NaN, 12),
    tornadoBar('compute.utilization', 10, 10),
    tornadoBar('economics.pue', 9, 11),
  );

  it('bars from the nominal output to each end, in the given order; no bar of zero or undefined swing', () => {
    const spec = tornadoSpec(t) as { layer: Json[] } & Json;
    checkSpec(spec);
    const values = (spec.layer[0]!['data'] as { values: Json[] }).values;
    expect(values).toEqual([
      { input: 'batteries.li-ion-leo.cost_USD_per_Wh', end: 'input at p5', from: 10, to: 4 },
      { input: 'batteries.li-ion-leo.cost_USD_per_Wh', end: 'input at p95', from: 10, to: 18 },
      { input: 'economics.launchCost_USD_per_kg', end: 'input at p5', from: 10, to: 8 },
      { input: 'economics.launchCost_USD_per_kg', end: 'input at p95', from: 10, to: 13 },
      { input: 'economics.pue', end: 'input at p5', from: 10, to: 9 },
      { input: 'economics.pue', end: 'input at p95', from: 10, to: 11 },
    ]);
    const y = (spec.layer[0]!['encoding'] as Record<string, Json>)['y']!;
    expect(y['sort']).toEqual([
      'batteries.li-ion-leo.cost_USD_per_Wh',
      'economics.launchCost_USD_per_kg',
      'economics.pue',
    ]);
    expect((spec.layer[1]!['data'] as { values: Json[] }).values).toEqual([{ x: 10 }]);
    const two = tornadoSpec(t, 2) as { layer: Json[] } & Json;
    expect((two.layer[0]!['data'] as { values: Json[] }).values).toHaveLength(4);
    expect(two['height'] as number).toBeLessThan(spec['height'] as number);
    expect(shortInput('catalogs.chips.gb300.costPerChip_USD')).toBe('chips.gb300.costPerChip_USD');
    expect(shortInput('economics.catalogs.x')).toBe('economics.catalogs.x');
  });
});

describe("Sobol' figure", () => {
  const s = launchMassSobol(
    sobolIndex('a.x', 0.6, 0.7),
    sobolIndex('b.y', 0.002, 0.0005),
    sobolIndex('c.z', 0.0001, 0.01),
    sobolIndex('d.w', 0.001, 0.001),
  );

  it('first and total index with their intervals for each input above 1e-3 (either index), in rank order', () => {
    const spec = sobolSpec(s) as Json;
    checkSpec(spec);
    const values = (spec['data'] as { values: Json[] }).values;
    expect(values.map((v) => [v['input'], v['index'], v['v'], v['lo'], v['hi']])).toEqual([
      ['a.x', 'first order S_i', 0.6, 0.6 - 0.01, 0.6 + 0.01],
      ['a.x', 'total S_Ti', 0.7, 0.7 - 0.02, 0.7 + 0.02],
      ['b.y', 'first order S_i', 0.002, 0.002 - 0.01, 0.002 + 0.01],
      ['b.y', 'total S_Ti', 0.0005, 0.0005 - 0.02, 0.0005 + 0.02],
      ['c.z', 'first order S_i', 0.0001, 0.0001 - 0.01, 0.0001 + 0.01],
      ['c.z', 'total S_Ti', 0.01, 0.01 - 0.02, 0.01 + 0.02],
    ]);
    const y = ((spec['layer'] as Json[])[0]!['encoding'] as Record<string, Json>)['y']!;
    expect(y['sort']).toEqual(['a.x', 'b.y', 'c.z']);
    const one = sobolSpec(s, 1) as Json;
    expect((one['data'] as { values: Json[] }).values).toHaveLength(2);
    expect(one['height'] as number).toBeLessThan(spec['height'] as number);
  });
});

describe('break-even figure', () => {
  const curve = (xs: readonly number[]) => xs.map((x) => ({ x, lcoc: 100 / (x + 1), terrestrial: 5 }));
  const be = (over: Partial<BreakEven>): BreakEven =>
    launchPriceBreakEven({
      root: 19,
      roots: [19],
      spaceCheaper: 'below',
      curve: curve([10, 100, 1000, 1e4, 1e5]),
      ...over,
    });
  const xScale = (spec: Json): Json => {
    const layer = (spec['layer'] as Json[])[0]!;
    return (layer['encoding'] as Record<string, Json>)['x']!['scale'] as Json;
  };
  const lines = (spec: Json): Json[] => ((spec['layer'] as Json[])[0]!['data'] as { values: Json[] }).values;
  const rules = (spec: Json): Json[] | undefined =>
    ((spec['layer'] as Json[])[1]?.['data'] as { values: Json[] } | undefined)?.values;

  it('a scan of positive values over ≥ 100×: log x axis; LCOC and terrestrial lines; the root and design value', () => {
    const spec = breakEvenSpec(be({})) as Json;
    checkSpec(spec);
    expect(xScale(spec)).toEqual({ type: 'log' });
    expect(lines(spec)).toHaveLength(10);
    expect(lines(spec).slice(0, 2)).toEqual([
      { x: 10, y: 100 / 11, what: 'LCOC (space)' },
      { x: 10, y: 5, what: 'terrestrial LCOC' },
    ]);
    expect(rules(spec)).toEqual([
      { x: 19, what: 'break-even' },
      { x: 500, what: 'design value' },
    ]);
    const x = ((spec['layer'] as Json[])[0]!['encoding'] as Record<string, Json>)['x']!;
    expect(x['title']).toBe('economics.launchCost [USD/kg]');
  });

  it('a linear x axis for a range under 100×, for a scan through 0, and for two points', () => {
    for (const b of [
      be({ domain: { lo: 10, hi: 999 }, curve: curve([10, 100, 999]) }),
      be({ domain: { lo: 0, hi: 1e5 }, curve: curve([0, 100, 1e5]) }),
      be({ curve: curve([10, 1e5]) }),
    ]) {
      const spec = breakEvenSpec(b) as Json;
      checkSpec(spec);
      expect(xScale(spec)).toEqual({ zero: false });
      expect(lines(spec)).toHaveLength(2 * b.curve.length);
    }
    // exactly 100× is "≥ 100×": log
    expect(xScale(breakEvenSpec(be({ domain: { lo: 10, hi: 1000 }, curve: curve([10, 100, 1000]) })) as Json)).toEqual({
      type: 'log',
    });
    // a range starting at 0 whose scan is all positive (0 not sampled) is still log
    expect(xScale(breakEvenSpec(be({ domain: { lo: 0, hi: 1e5 }, curve: curve([0.1, 10, 1e5]) })) as Json)).toEqual({
      type: 'log',
    });
  });

  it('no root and no design value: no rule layer; a chip row field is titled chip.<field>', () => {
    const spec = breakEvenSpec(
      be({ root: null, nominal: null, path: 'catalogs.chips.gb300.costPerChip_USD', unit: 'USD' }),
    ) as Json;
    checkSpec(spec);
    expect(spec['layer'] as Json[]).toHaveLength(1);
    const x = ((spec['layer'] as Json[])[0]!['encoding'] as Record<string, Json>)['x']!;
    expect(x['title']).toBe('chip.costPerChip [USD]');
    expect(rules(breakEvenSpec(be({ root: null })) as Json)).toEqual([{ x: 500, what: 'design value' }]);
  });
});
