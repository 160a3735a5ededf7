import { describe, expect, it } from 'vitest';
import type { BreakEven } from '../../src/analysis/breakEven.js';
import {
  breakEvenSvg,
  constraintSvg,
  distributionSvg,
  shortInput,
  sobolSvg,
  tornadoSvg,
} from '../../src/analysis/plots.js';
import type { Scene } from '../../src/chart/chart.js';
import { launchMassSobol, launchPriceBreakEven, lcocTornado, sobolIndex, tornadoBar } from './fixtures.js';
import type { MarginSummary, OutputSummary } from '../../src/analysis/uncertainty.js';

/**
 * The analysis figures (src/analysis/plots.ts) checked by what they show, from hand-made summaries: the bars, lines,
 * rules and legend entries drawn, at the pixels the axes map the given figures to (a linear axis maps d to
 * frame.x + (d − d0) / (d1 − d0) · width), the documented filters (tornado bars of zero or undefined swing and Sobol'
 * indices ≤ 1e-3 left out, at most `maxBars`), a log axis for a break-even scan over positive values spanning ≥ 100×,
 * and a unit in brackets in every axis title.
 */
const xPixel = (s: Scene, v: number): number => {
  const [a, b] = [s.xTicks[0]!, s.xTicks[s.xTicks.length - 1]!];
  return a.at + ((v - (a.value as number)) / ((b.value as number) - (a.value as number))) * (b.at - a.at);
};
const legendNames = (s: Scene): string[] => s.legends.flatMap((l) => l.entries.map((e) => e.name));
/** Vertical rules (lines of two points at one x), by colour. */
const rulesAt = (s: Scene): { x: number; color: string }[] =>
  s.lines
    .filter((l) => l.points.length === 2 && l.points[0]![0] === l.points[1]![0])
    .map((l) => ({ x: l.points[0]![0], color: l.color }));
const close = (a: number, b: number): void => expect(a).toBeCloseTo(b, 6);

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
  it('histogram and CDF panels; the nominal and p5/p95 rules on both; the CDF steps through the values', () => {
    const d = distributionSvg(summary(2), [4, 1, 3, 2]);
    expect(d.scenes).toHaveLength(2);
    const [hist, cdf] = d.scenes as [Scene, Scene];
    expect(d.svg).toContain('>Histogram</text>');
    expect(d.svg).toContain('>Empirical CDF</text>');
    for (const s of d.scenes) {
      const rules = rulesAt(s);
      expect(rules.map((r) => r.color)).toEqual(['#b3261e', '#555', '#555']);
      [2, 1.15, 3.85].forEach((v, i) => close(rules[i]!.x, xPixel(s, v)));
    }
    // two bins of 2 samples each: equal heights from the count axis's 0
    expect(hist.rects).toHaveLength(2);
    close(hist.rects[0]!.height, hist.rects[1]!.height);
    close(hist.rects[0]!.x, xPixel(hist, 1));
    close(hist.rects[1]!.x + hist.rects[1]!.width, xPixel(hist, 4));
    // CDF: F = 0.25, 0.5, 0.75, 1 at x = 1..4 on a [0, 1] axis
    const line = cdf.lines[0]!.points;
    const yOf = (F: number): number => cdf.frame.y + cdf.frame.height * (1 - F);
    close(line[0]![0], xPixel(cdf, 1));
    close(line[0]![1], yOf(0.25));
    close(line[line.length - 1]![1], yOf(1));
    expect(legendNames(d.scenes[0]!)).toEqual(['nominal design', 'p5 / p95']);
    expect(hist.yTicks.every((t) => t.label !== '')).toBe(true);
    // no nominal value: the two quantile rules only
    const none = distributionSvg(summary(null), [1, 2]);
    expect(rulesAt(none.scenes[0]!).map((r) => r.color)).toEqual(['#555', '#555']);
    expect(legendNames(none.scenes[0]!)).toEqual(['p5 / p95']);
  });

  it('a bin of zero width at a negative value is still drawn', () => {
    const s = {
      ...summary(null),
      histogram: { bins: [{ lower: -5, upper: -5, count: 3 }] } as unknown as OutputSummary['histogram'],
    };
    const hist = distributionSvg(s, [-5, -5, -5]).scenes[0]!;
    expect(hist.rects).toHaveLength(1);
    expect(hist.rects[0]!.height).toBeGreaterThan(0);
  });
});

describe('constraint figure', () => {
  // estimates and interval ends exact in binary, so 100·p is exact
  const margin = (name: string, enforced: boolean, p: number, lower: number, upper: number): MarginSummary =>
    ({ ...summary(null), name, enforced, description: '', holds: { estimate: p, lower, upper } }) as never;
  const margins = [
    margin('thermal', true, 0.5, 0.25, 0.75),
    margin('power', false, 0.875, 0.75, 1),
    margin('mass', true, 0.25, 0.125, 0.5),
  ];

  it('a percent bar per constraint with its interval, enforced and check constraints coloured apart', () => {
    const s = constraintSvg(margins).scenes[0]!;
    expect(s.yTicks.map((t) => t.label)).toEqual(['thermal', 'power', 'mass']);
    expect(s.rects.map((r) => r.color)).toEqual(['#4e79a7', '#9ecae9', '#4e79a7']);
    // x axis 0..100 % over 520 px
    [50, 87.5, 25].forEach((p, i) => close(s.rects[i]!.width, (520 * p) / 100));
    const whiskers = s.lines.map((l) => [l.points[0]![0] - s.frame.x, l.points[1]![0] - s.frame.x]);
    expect(whiskers.map(([a, b]) => [+a!.toFixed(6), +b!.toFixed(6)])).toEqual([
      [130, 390],
      [390, 520],
      [65, 260],
    ]);
    expect(legendNames(s)).toEqual(['enforced', 'check']);
    expect(s.xTicks.map((t) => t.value)).toEqual([0, 20, 40, 60, 80, 100]);
  });

  it('taller with more constraints, never below a legible minimum', () => {
    const h = [1, 3, 10].map(
      (n) => constraintSvg(margins.slice(0, 1).concat(Array(n - 1).fill(margins[1]))).scenes[0]!.frame.height,
    );
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
    const s = tornadoSvg(t).scenes[0]!;
    expect(s.yTicks.map((x) => x.label)).toEqual([
      'batteries.li-ion-leo.cost_USD_per_Wh',
      'economics.launchCost_USD_per_kg',
      'economics.pue',
    ]);
    const ends = s.rects.map((r) => [r.x, r.x + r.width]);
    const expected = [
      [4, 10],
      [10, 18],
      [8, 10],
      [10, 13],
      [9, 10],
      [10, 11],
    ].map(([a, b]) => [xPixel(s, a!), xPixel(s, b!)]);
    ends.forEach((e, i) => {
      close(e[0]!, expected[i]![0]!);
      close(e[1]!, expected[i]![1]!);
    });
    close(rulesAt(s)[0]!.x, xPixel(s, 10));
    expect(legendNames(s)).toEqual(['input at p5', 'input at p95', 'nominal output']);
    const two = tornadoSvg(t, 2).scenes[0]!;
    expect(two.rects).toHaveLength(4);
    expect(two.frame.height).toBeLessThan(s.frame.height);
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

  it('first and total index side by side with their intervals, for each input above 1e-3, in rank order', () => {
    const sc = sobolSvg(s).scenes[0]!;
    expect(sc.yTicks.map((t) => t.label)).toEqual(['a.x', 'b.y', 'c.z']);
    const values = [0.6, 0.7, 0.002, 0.0005, 0.0001, 0.01];
    sc.rects.forEach((r, i) => close(r.x + r.width, xPixel(sc, values[i]!)));
    // first order above total within each row, both in the row's band
    expect(sc.rects[0]!.y).toBeLessThan(sc.rects[1]!.y);
    close(sc.rects[0]!.y + sc.rects[0]!.height, sc.rects[1]!.y);
    close(sc.lines[0]!.points[0]![0], xPixel(sc, 0.6 - 0.01));
    close(sc.lines[1]!.points[1]![0], xPixel(sc, 0.7 + 0.02));
    expect(legendNames(sc)).toEqual(['first order S_i', 'total S_Ti']);
    expect(sobolSvg(s, 1).scenes[0]!.rects).toHaveLength(2);
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
  const decades = (s: Scene): boolean => s.xTicks.every((t) => Number.isInteger(Math.log10(t.value as number)));

  it('a scan of positive values over ≥ 100×: log x axis by decade; LCOC and terrestrial lines; the root and design value', () => {
    const d = breakEvenSvg(be({}));
    const s = d.scenes[0]!;
    expect(s.xTicks.map((t) => t.label)).toEqual(['10', '100', '1,000', '10,000', '100,000']);
    expect(s.lines.slice(0, 2).map((l) => l.points.length)).toEqual([5, 5]);
    // terrestrial LCOC is flat at 5
    expect(new Set(s.lines[1]!.points.map((p) => p[1].toFixed(6))).size).toBe(1);
    expect(rulesAt(s).map((r) => r.color)).toEqual(['#b3261e', '#777']);
    // a log axis: the decades are evenly spaced, the root (19) at log10(1.9) of the first decade
    close(s.xTicks[2]!.at - s.xTicks[1]!.at, s.xTicks[1]!.at - s.xTicks[0]!.at);
    close(rulesAt(s)[0]!.x, s.xTicks[0]!.at + Math.log10(1.9) * (s.xTicks[1]!.at - s.xTicks[0]!.at));
    expect(d.svg).toContain('economics.launchCost [USD/kg]');
    expect(legendNames(s)).toEqual(['LCOC (space)', 'terrestrial LCOC', 'break-even', 'design value']);
  });

  it('a linear x axis for a range under 100×, for a scan through 0, and for two points', () => {
    for (const b of [
      be({ domain: { lo: 10, hi: 999 }, curve: curve([10, 100, 999]) }),
      be({ domain: { lo: 0, hi: 1e5 }, curve: curve([0, 100, 1e5]) }),
      be({ curve: curve([10, 1e5]) }),
    ]) {
      const s = breakEvenSvg(b).scenes[0]!;
      expect(decades(s)).toBe(false);
      expect(s.lines[0]!.points).toHaveLength(b.curve.length);
    }
    // exactly 100× is "≥ 100×": log; a range from 0 whose scan is all positive is still log
    expect(decades(breakEvenSvg(be({ domain: { lo: 10, hi: 1000 }, curve: curve([10, 100, 1000]) })).scenes[0]!)).toBe(
      true,
    );
    expect(decades(breakEvenSvg(be({ domain: { lo: 0, hi: 1e5 }, curve: curve([0.1, 10, 1e5]) })).scenes[0]!)).toBe(
      true,
    );
  });

  it('no root and no design value: no rules; a chip row field is titled chip.<field>', () => {
    const d = breakEvenSvg(
      be({ root: null, nominal: null, path: 'catalogs.chips.gb300.costPerChip_USD', unit: 'USD' }),
    );
    expect(rulesAt(d.scenes[0]!)).toEqual([]);
    expect(d.svg).toContain('chip.costPerChip [USD]');
    expect(rulesAt(breakEvenSvg(be({ root: null })).scenes[0]!).map((r) => r.color)).toEqual(['#777']);
  });
});
