/**
 * The utilisation, conjunction and launch-manifest plots by what they show (the chart layer's Scene): marks at pixel
 * positions worked by hand from the plot's frame and the axis ranges the plots document (utilisation 0 to 5 % above
 * the largest value, at least 1; miss distance on whole decades of a log axis; time from 0 to the next tick; the
 * manifest 2 % past the longest bar), the band layout (inner padding 0.1, outer 0.05 of a step), mark counts equal to
 * the data, legend entries and colours, escaped text.
 */
import { describe, expect, it } from 'vitest';
import {
  conjunctionsSvg,
  launchManifestSvg,
  utilizationByClassSvg,
} from '../../../src/report/constellation/constellationExtras.js';

const near = (got: number, want: number): void => expect(got).toBeCloseTo(want, 6);

const row = (instant: number, linkClass: string, mean: number, max: number) => ({
  instant,
  time_s: 3600 * instant,
  linkClass,
  mean,
  max,
});

describe('link utilisation by class', () => {
  it('puts each instant at its time and utilisation on a 0–1.05 axis, the saturation rule at 1', () => {
    const s = utilizationByClassSvg([row(0, 'inPlane', 0.5, 1), row(1, 'inPlane', 0.25, 0.75)]).scenes[0]!;
    const f = s.frame;
    expect([f.width, f.height]).toEqual([640, 260]);
    // y = top + h (1 − u / 1.05); t = 0 h at the left edge, 1 h at the right
    expect(s.dots).toHaveLength(4); // 2 instants × (mean, maximum)
    near(s.dots[0]!.x, f.x);
    near(s.dots[0]!.y, f.y + 260 * (1 - 0.5 / 1.05));
    near(s.dots[3]!.x, f.x + 640);
    near(s.dots[3]!.y, f.y + 260 * (1 - 0.75 / 1.05));
    const rule = s.lines.find((l) => l.color === '#999')!;
    near(rule.points[0]![1], f.y + 260 * (1 - 1 / 1.05));
    // 1.05 over round(260/40) = 7 ticks: step 0.15 → 0.2 by the 1-2-5 rule
    expect(s.yTicks.map((t) => t.label)).toEqual(['0.0', '0.2', '0.4', '0.6', '0.8', '1.0']);
  });

  it('colours classes by the palette and dashes the maximum, both in the legends', () => {
    const d = utilizationByClassSvg([
      row(0, 'low/inPlane', 0.2, 0.4),
      row(0, 'low/crossPlane', 0.3, 0.6),
      row(1, 'low/inPlane', 0.2, 0.4),
      row(1, 'low/crossPlane', 0.3, 0.6),
    ]);
    const s = d.scenes[0]!;
    expect(s.lines.filter((l) => l.color !== '#999').map((l) => l.color)).toEqual([
      '#1f77b4',
      '#1f77b4',
      '#d62728',
      '#d62728',
    ]);
    expect(d.svg.match(/stroke-dasharray="5,3"/g)).toHaveLength(2); // the two maximum lines
    expect(s.legends.map((l) => l.title)).toEqual(['link class', 'statistic']);
    expect(s.legends[0]!.entries.map((e) => [e.name, e.color])).toEqual([
      ['low/inPlane', '#1f77b4'],
      ['low/crossPlane', '#d62728'],
    ]);
    expect(s.legends[1]!.entries.map((e) => [e.name, e.symbol])).toEqual([
      ['mean', 'line'],
      ['maximum', 'dash'],
    ]);
  });

  it('draws one instant as bars in bands: half a band each for mean and maximum', () => {
    const s = utilizationByClassSvg([row(0, 'inPlane', 0.5, 1), row(0, 'crossPlane', 0.25, 0.5)]).scenes[0]!;
    const f = s.frame;
    // width max(240, 90 × 2) = 240: a step of 120 px, the band 108 px from 6 px in, mean and maximum 54 px each
    expect([f.width, f.height]).toEqual([240, 240]);
    expect(s.rects).toHaveLength(4);
    const r = s.rects[3]!; // crossPlane, maximum
    near(r.x, f.x + 120 + 6 + 54);
    near(r.width, 54);
    near(r.y, f.y + 240 * (1 - 0.5 / 1.05));
    near(r.y + r.height, f.y + 240);
    expect(r.color).toBe('#d62728');
    expect(s.rects[0]!.color).toBe('#1f77b4');
    expect(s.xTicks.map((t) => t.label)).toEqual(['inPlane', 'crossPlane']);
  });
});

describe('conjunctions', () => {
  it('plots timed pairs on a log distance axis of whole decades, escaping the pair names', () => {
    const d = conjunctionsSvg([
      { a: 'A<1>', b: 'B&2', distance_km: 2, time_s: 1800 },
      { a: 'c', b: 'd', distance_km: 50, time_s: 3600 },
      { a: 'e', b: 'f', distance_km: 0, time_s: 60 }, // coincident: the table only
      { a: 'g', b: 'h', distance_km: 3, time_s: null }, // between shells: the table only
    ]);
    const s = d.scenes[0]!;
    const f = s.frame;
    expect([f.width, f.height]).toEqual([560, 220]);
    expect(s.dots).toHaveLength(2);
    // distance axis 1–100 km: y = bottom − h · log10(d) / 2; time axis 0–1 h
    near(s.dots[0]!.x, f.x + 280);
    near(s.dots[0]!.y, f.y + 220 * (1 - Math.log10(2) / 2));
    near(s.dots[1]!.x, f.x + 560);
    near(s.dots[1]!.y, f.y + 220 * (1 - Math.log10(50) / 2));
    expect(d.svg).toContain('2 pair(s); closest 2 km (A&lt;1&gt; – B&amp;2) at 0.5 h');
    // 1 h over round(560/80) = 7 ticks: step 1/7 → 0.2
    expect(s.xTicks.map((t) => t.label)).toEqual(['0.0', '0.2', '0.4', '0.6', '0.8', '1.0']);
    expect(s.yTicks.map((t) => t.label)).toEqual(['1', '10', '100']);
  });

  it('says when there is nothing to plot', () => {
    const d = conjunctionsSvg([{ a: 'g', b: 'h', distance_km: 3, time_s: null }]);
    expect(d.svg).toContain('no conjunction reported');
    expect(d.scenes[0]!.dots).toEqual([]);
  });
});

describe('launch manifest', () => {
  it('stacks shells per vehicle in band rows, on an axis 2 % past the longest bar', () => {
    const d = launchManifestSvg([
      { vehicle: 'starship', shell: 'low', launches: 30, satellites: 3000 },
      { vehicle: 'starship', shell: 'dawn-dusk', launches: 20, satellites: 2000 },
      { vehicle: 'new-glenn', shell: 'low', launches: 4, satellites: 40 },
    ]);
    const s = d.scenes[0]!;
    const f = s.frame;
    expect([f.width, f.height]).toEqual([600, 80]);
    expect(s.rects).toHaveLength(3);
    // starship's dawn-dusk segment: from 3,000 to 5,000 of 5,100 satellites; row 0 of 2: step 80 / 2 = 40 px, band 36
    // px from 2 px in
    const dd = s.rects.find((r) => r.color === '#d62728')!;
    near(dd.x, f.x + (600 * 3000) / 5100);
    near(dd.width, (600 * 2000) / 5100);
    near(dd.y, f.y + 2);
    near(dd.height, 36);
    expect(s.rects.filter((r) => r.color === '#1f77b4')).toHaveLength(2); // low, on both vehicles
    expect(d.svg).toContain('>30 launches</text>');
    expect(d.svg).not.toContain('>4 launches</text>'); // a 40-satellite segment is too narrow for its label
    expect(s.yTicks.map((t) => t.label)).toEqual(['starship', 'new-glenn']);
    expect(s.legends[0]!.entries.map((e) => [e.name, e.color])).toEqual([
      ['low', '#1f77b4'],
      ['dawn-dusk', '#d62728'],
    ]);
  });
});
