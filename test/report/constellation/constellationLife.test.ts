/**
 * The life plot as drawn SVG: the three series at pixel positions worked by hand from the plot's frame, the year axis
 * over the years (already on whole-year ticks) and the satellites axis from 0 to the full constellation rounded up to
 * a tick (here exactly 1,000); vega's default category colours in the series' order, in the legend above the plot.
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

const near = (got: number, want: number): void => expect(Math.abs(got - want)).toBeLessThanOrEqual(0.11);

describe('life plot', () => {
  it('draws each series through its years on a 0–1,000 axis, full constellation dashed', async () => {
    const svg = await lifeSvg(life, 1000);
    const m = /<rect class="frame" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/.exec(svg)!;
    const [fx, fy, w, h] = m.slice(1).map(Number) as [number, number, number, number];
    expect([w, h]).toEqual([640, 300]);
    const lines = [...svg.matchAll(/<path d="M([^"]*)" stroke="(#\w+)"\/>/g)];
    expect(lines.map((l) => l[2])).toEqual(['#4c78a8', '#f58518', '#e45756']);
    // delivering: 2030 at the left edge, 2031 mid-way, 2032 at the right; y = bottom − 300 · n / 1,000
    const delivering = lines[0]![1]!.split('L').map((p) => p.split(',').map(Number));
    expect(delivering.length).toBe(3);
    near(delivering[0]![0]!, fx);
    near(delivering[0]![1]!, fy + 300 - 75);
    near(delivering[1]![0]!, fx + 320);
    near(delivering[1]![1]!, fy + 300 - 225);
    near(delivering[2]![0]!, fx + 640);
    near(delivering[2]![1]!, fy);
    const rule =
      /<g class="mark-rule role-mark" stroke="#999" stroke-dasharray="4,4"><line x1="[\d.]+" y1="([\d.]+)"/.exec(svg)!;
    near(Number(rule[1]), fy); // 1,000 satellites: the top of the axis
    expect(svg.match(/<g class="mark-symbol role-mark">(.*?)<\/g>/)![1]!.match(/<path/g)!.length).toBe(9);
    const labels = [...svg.match(/<g class="mark-text role-axis-label">(.*?)<\/g>/)![1]!.matchAll(/>([^<]*)<\/text>/g)];
    // whole years only, written without a thousands separator; 1,000 over ceil(300/40) = 8 ticks: 125 → step 100 by
    // the 1-2-5 rule (1.25 < √2)
    expect(labels.map((l) => l[1])).toEqual([
      ...['2030', '2031', '2032'],
      ...['0', '100', '200', '300', '400', '500', '600', '700', '800', '900', '1,000'],
    ]);
  });

  it('names the series above the plot in their colours and states the life in the title', async () => {
    const svg = await lifeSvg(life, 1000);
    const legend = svg.split('<g class="mark-group role-legend">')[1]!;
    expect(legend).toMatch(
      /fill="#4c78a8".*delivering \(mean over the year\).*fill="#f58518".*in orbit \(end of year\).*fill="#e45756".*launched in the year/,
    );
    const legendY = Number(/<text x="[\d.]+" y="([\d.]+)"/.exec(legend)![1]);
    const frameY = Number(/<rect class="frame" x="[\d.]+" y="([\d.]+)"/.exec(svg)![1]);
    expect(legendY).toBeLessThan(frameY);
    expect(svg).toContain('Life: 1,000 satellites, full capability after 1.5 yr');
    expect(svg).toContain('replace-on-failure; least delivered fraction in steady state 0.96; peak 5 launches a year');
  });
});
