/**
 * The life plot by what it shows (the chart layer's Scene): the three series at pixel positions worked by hand from the
 * plot's frame, the year axis over the years (whole years, no thousands separator) and the satellites axis from 0 to
 * the full constellation rounded up to a tick (here exactly 1,000); Tableau 10 colours in the series' order, in the
 * legend.
 */
import { describe, expect, it } from 'vitest';
import { lifeSvg } from '../../../src/report/constellation/constellationLife.js';

type Life = Parameters<typeof lifeSvg>[0];

const year = (y: number, delivering: number, inOrbit: number, launched: number) => ({
  year: y,
  delivering,
  inOrbit,
  launched,
});

/** Only the fields the plot reads. */
const life = {
  years: [year(2030, 250, 500, 500), year(2031, 750, 1000, 500), year(2032, 1000, 1000, 100)],
  replacement: 'replace-on-failure',
  fullCapability_yr: 1.5,
  minDeliveredFraction: 0.96,
  peakAnnualLaunches: 5,
} as unknown as Life;

const near = (got: number, want: number): void => expect(got).toBeCloseTo(want, 6);
const COLORS = ['#4e79a7', '#f28e2c', '#e15759'];

describe('life plot', () => {
  it('draws each series through its years on a 0–1,000 axis, full constellation dashed', () => {
    const s = lifeSvg(life, 1000).scenes[0]!;
    const f = s.frame;
    expect([f.width, f.height]).toEqual([640, 300]);
    const series = s.lines.filter((l) => l.points.length === 3);
    expect(series.map((l) => l.color)).toEqual(COLORS);
    // delivering: 2030 at the left edge, 2031 mid-way, 2032 at the right; y = bottom − 300 · n / 1,000
    const [a, b, c] = series[0]!.points;
    near(a![0], f.x);
    near(a![1], f.y + 300 - 75);
    near(b![0], f.x + 320);
    near(b![1], f.y + 300 - 225);
    near(c![0], f.x + 640);
    near(c![1], f.y);
    const rule = s.lines.find((l) => l.color === '#999')!;
    near(rule.points[0]![1], f.y); // 1,000 satellites: the top of the axis
    expect(s.dots).toHaveLength(9);
    // whole years only, without a thousands separator; 1,000 over round(300/40) = 8 ticks: 125 → step 100
    expect(s.xTicks.map((t) => t.label)).toEqual(['2030', '2031', '2032']);
    expect(s.yTicks.map((t) => t.label)).toEqual([
      ...['0', '100', '200', '300', '400', '500', '600', '700', '800', '900', '1,000'],
    ]);
  });

  it('names the series in their colours and states the life in the title', () => {
    const d = lifeSvg(life, 1000);
    expect(d.scenes[0]!.legends[0]!.entries.map((e) => [e.name, e.color])).toEqual([
      ['delivering (mean over the year)', COLORS[0]],
      ['in orbit (end of year)', COLORS[1]],
      ['launched in the year', COLORS[2]],
    ]);
    expect(d.svg).toContain('Life: 1,000 satellites, full capability after 1.5 yr');
    expect(d.svg).toContain(
      'replace-on-failure; least delivered fraction in steady state 0.96; peak 5 launches a year',
    );
  });
});
