import { describe, expect, it } from 'vitest';
import type { SampleOutcome } from '../../src/analysis/analysisModel.js';
import { distributionSvg } from '../../src/analysis/plots.js';
import type { Scene } from '../../src/chart/chart.js';
import {
  checkSampleCount,
  columnSummary,
  countBelow,
  failureSummary,
  jointHolds,
} from '../../src/analysis/uncertainty.js';

/** A successful sample with output vector `y`. */
const ok = (...y: number[]): SampleOutcome => ({ status: 'ok', y: Float64Array.from(y) });
const failed = (reason: string): SampleOutcome => ({ status: 'failed', reason });

describe('uncertainty summaries on hand-made samples', () => {
  // 0, 1, …, 99 in column 0 (shuffled, so nothing relies on the input order), one failed sample and one NaN
  const values = Array.from({ length: 100 }, (_, i) => (i * 37) % 100);
  const outcomes = [...values.map((v) => ok(v)), failed('no power'), ok(NaN)];

  it('p5/p50/p95 are type-7 quantiles of the successful finite samples: 4.95, 49.5, 94.05 for 0…99', () => {
    // Hyndman & Fan (1996) type 7: h = (n − 1)p over the sorted values 0…99, so Q(p) = 99p exactly
    const s = columnSummary(outcomes, 0, 50)!;
    expect(s.n).toBe(100);
    expect(s.p5).toBeCloseTo(99 * 0.05, 12);
    expect(s.p50).toBeCloseTo(99 * 0.5, 12);
    expect(s.p95).toBeCloseTo(99 * 0.95, 12);
    expect([s.min, s.max, s.nominal]).toEqual([0, 99, 50]);
  });

  it('mean ± SE of 0…99: mean 49.5, sd √(n(n + 1)/12) = √(100·101/12), SE = sd/10', () => {
    // Σ(i − 49.5)² over 0…99 = n(n² − 1)/12; divided by n − 1 gives n(n + 1)/12
    const s = columnSummary(outcomes, 0, null)!;
    expect(s.mean).toBeCloseTo(49.5, 12);
    expect(s.sd).toBeCloseTo(Math.sqrt((100 * 101) / 12), 10);
    expect(s.standardError).toBeCloseTo(Math.sqrt((100 * 101) / 12) / 10, 10);
    expect(s.nominal).toBeNull();
  });

  it('histogram width is Freedman–Diaconis: 2·IQR·n^(−1/3) = 2·49.5/100^(1/3) → ⌈99/21.33⌉ = 5 bins of 19.8', () => {
    // IQR = Q(0.75) − Q(0.25) = 74.25 − 24.75 = 49.5
    const h = columnSummary(outcomes, 0, null)!.histogram;
    expect(h.rule).toBe('freedman-diaconis');
    expect(h.bins).toHaveLength(5);
    expect(h.binWidth).toBeCloseTo(99 / 5, 12);
    // [0, 19.8) holds 0…19, …, the last bin [79.2, 99] holds 80…99
    expect(h.bins.map((b) => b.count)).toEqual([20, 20, 20, 20, 20]);
  });

  it('a column that differs by rounding only is one value with no spread', () => {
    const s = columnSummary([ok(5), ok(5 * (1 + 1e-15)), ok(5 * (1 - 1e-15))], 0, null)!;
    expect([s.sd, s.standardError, s.p5, s.p95, s.min, s.max, s.mean]).toEqual([0, 0, 5, 5, 5, 5, 5]);
    // one bar holding all three samples
    expect(s.histogram.bins).toEqual([{ lower: 5, upper: 5, count: 3 }]);
    // a spread of 1e-9 relative is a real spread
    expect(columnSummary([ok(5), ok(5 * (1 + 1e-9))], 0, null)!.sd).toBeGreaterThan(0);
  });

  it('no successful finite value: no summary', () => {
    expect(columnSummary([failed('x'), ok(NaN), ok(Infinity)], 0, null)).toBeUndefined();
  });

  it('P(LCOC < terrestrial) counts strict "below" only: a tie and a failed sample do not count', () => {
    // columns: 0 = LCOC, 1 = terrestrial LCOC
    const rows = [ok(1, 2), ok(2, 2), ok(3, 2), ok(0.5, 0.6), failed('no power')];
    expect(countBelow(rows, 0, 1)).toBe(2);
    expect(countBelow(rows, 1, 0)).toBe(1);
  });

  it('failure reasons are counted and listed most frequent first, ties alphabetically', () => {
    const rows = [failed('b'), ok(1), failed('a'), failed('c'), failed('c'), failed('a'), failed('c')];
    expect(failureSummary(rows)).toEqual([
      { reason: 'c', count: 3 },
      { reason: 'a', count: 2 },
      { reason: 'b', count: 1 },
    ]);
    expect(failureSummary([ok(1)])).toEqual([]);
  });

  it('sample counts: whole numbers from the minimum to 10 000 000', () => {
    for (const n of [2, 10_000_000]) expect(() => checkSampleCount('--samples', n, 2)).not.toThrow();
    const message = /--samples must be a whole number from 2 to 10000000/;
    for (const n of [1, 2.5, 10_000_001, NaN]) expect(() => checkSampleCount('--samples', n, 2)).toThrow(message);
  });

  it('joint probabilities: P(all hold) over the enforced constraints, every check only when some are relaxed', () => {
    // one metric, two constraints (first enforced): y = [metric, margin₁, margin₂, holds₁, holds₂]
    const model = {
      metricPaths: ['m'],
      constraints: [
        { name: 'a', unit: '-', sense: '<=', enforced: true, description: '' },
        { name: 'b', unit: '-', sense: '<=', enforced: false, description: '' },
      ],
    } satisfies Parameters<typeof jointHolds>[0];
    const rows = [ok(0, 1, 1, 1, 1), ok(0, 1, -1, 1, 0), ok(0, -1, 1, 0, 1), ok(0, 1, 1, 1, 1), failed('x')];
    const j = jointHolds(model, rows);
    // a holds in rows 1, 2, 4; a and b together in rows 1, 4; the failed row holds nothing
    expect([j.allHold!.successes, j.allHold!.trials]).toEqual([3, 5]);
    expect([j.everyCheckHold!.successes, j.everyCheckHold!.trials]).toEqual([2, 5]);
    // every constraint enforced: the every-check figure is P(all hold), not repeated
    const allEnforced = { ...model, constraints: model.constraints.map((c) => ({ ...c, enforced: true })) };
    expect(jointHolds(allEnforced, rows).everyCheckHold).toBeNull();
    expect([jointHolds(allEnforced, rows).allHold!.successes]).toEqual([2]);
    expect(jointHolds({ ...model, constraints: [] }, rows)).toEqual({ allHold: null, everyCheckHold: null });
    expect(jointHolds(model, [])).toEqual({ allHold: null, everyCheckHold: null });
  });
});

describe('uncertainty report plot of one output', () => {
  /** Pixel of a value on a linear x axis, from its first and last ticks. */
  const xPixel = (s: Scene, v: number): number => {
    const [a, b] = [s.xTicks[0]!, s.xTicks[s.xTicks.length - 1]!];
    return a.at + ((v - (a.value as number)) / ((b.value as number) - (a.value as number))) * (b.at - a.at);
  };
  const rules = (s: Scene): number[] =>
    s.lines.filter((l) => l.points.length === 2 && l.points[0]![0] === l.points[1]![0]).map((l) => l.points[0]![0]);

  it('histogram bars span each bin; p5 and p95 rules sit at the type-7 quantiles; the CDF steps 1/n', () => {
    const values = Array.from({ length: 100 }, (_, i) => i);
    const s = {
      path: 'cost.lcoc_USD_per_PFLOP_day',
      unit: 'USD/PFLOP-day',
      ...columnSummary(
        values.map((v) => ok(v)),
        0,
        30,
      )!,
    };
    const [hist, cdf] = distributionSvg(s, values).scenes as [Scene, Scene];
    const bins = [0, 1, 2, 3, 4].map((k) => [k * 19.8, k === 4 ? 99 : (k + 1) * 19.8]);
    expect(hist.rects).toHaveLength(5);
    hist.rects.forEach((r, k) => {
      expect(r.x).toBeCloseTo(xPixel(hist, bins[k]![0]!), 6);
      expect(r.x + r.width).toBeCloseTo(xPixel(hist, bins[k]![1]!), 6);
    });
    // 20 samples each: equal heights
    expect(new Set(hist.rects.map((r) => r.height.toFixed(6))).size).toBe(1);
    [30, 99 * 0.05, 99 * 0.95].forEach((v, i) => expect(rules(hist)[i]).toBeCloseTo(xPixel(hist, v), 6));
    const line = cdf.lines[0]!.points;
    const yOf = (F: number): number => cdf.frame.y + cdf.frame.height * (1 - F);
    expect(line[0]![0]).toBeCloseTo(xPixel(cdf, 0), 6);
    expect(line[0]![1]).toBeCloseTo(yOf(0.01), 6);
    expect(line[line.length - 1]![1]).toBeCloseTo(yOf(1), 6);
  });

  it('a single-value histogram is drawn as a thin bar around the value, with both rules at it', () => {
    const s = { path: 'mass.launch_kg', unit: 'kg', ...columnSummary([ok(1000), ok(1000)], 0, null)! };
    const hist = distributionSvg(s, [1000, 1000]).scenes[0]!;
    expect(hist.rects).toHaveLength(1);
    expect(hist.rects[0]!.x).toBeCloseTo(xPixel(hist, 1000), 3);
    expect(hist.rects[0]!.height).toBeGreaterThan(0);
    // no nominal, p5 = p95 = the value
    expect(rules(hist)).toHaveLength(2);
    rules(hist).forEach((x) => expect(x).toBeCloseTo(xPixel(hist, 1000), 3));
  });
});
