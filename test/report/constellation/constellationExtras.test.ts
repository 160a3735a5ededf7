/**
 * The utilisation, conjunction and launch-manifest plots as drawn SVG: marks at pixel positions worked by hand from the
 * plot's frame and the axis ranges the plots document (utilisation 0 to 5 % above the largest value, at least 1;
 * miss distance on whole decades of a log axis; time from 0 to the next tick; the manifest 2 % past the longest bar),
 * vega-lite's band layout (inner padding 0.1, outer 0.05 of a step, bars 0.7 of the band), mark counts equal to the
 * data, legend entries and colours, escaped text.
 */
import { describe, expect, it } from 'vitest';
import {
  conjunctionsSvg,
  launchManifestSvg,
  utilizationByClassSvg,
} from '../../../src/report/constellation/constellationExtras.js';

/** The plot's frame [px]. */
function frame(svg: string): { x: number; y: number; w: number; h: number } {
  const m = /<rect class="frame" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/.exec(svg)!;
  return { x: Number(m[1]), y: Number(m[2]), w: Number(m[3]), h: Number(m[4]) };
}

/** Centres of the point marks [px]. */
const points = (svg: string): [number, number][] =>
  [
    ...(/<g class="mark-symbol role-mark"[^>]*>(.*?)<\/g>/.exec(svg)?.[1] ?? '').matchAll(
      /translate\(([-\d.]+),([-\d.]+)\)/g,
    ),
  ].map((m) => [Number(m[1]), Number(m[2])]);

/** Texts inside the first group of the given class. */
const texts = (svg: string, cls: string): string[] =>
  [...(new RegExp(`<g class="${cls}"[^>]*>(.*?)</g>`).exec(svg)?.[1] ?? '').matchAll(/>([^<]*)<\/text>/g)].map(
    (m) => m[1]!,
  );

/** Pixel coordinates print to 0.1 px: a hand-computed position matches within that. */
const near = (got: number, want: number): void => expect(Math.abs(got - want)).toBeLessThanOrEqual(0.11);

const row = (instant: number, linkClass: string, mean: number, max: number) => ({
  instant,
  time_s: 3600 * instant,
  linkClass,
  mean,
  max,
});

describe('link utilisation by class', () => {
  it('puts each instant at its time and utilisation on a 0–1.05 axis, the saturation rule at 1', async () => {
    const svg = await utilizationByClassSvg([row(0, 'inPlane', 0.5, 1), row(1, 'inPlane', 0.25, 0.75)]);
    const f = frame(svg);
    expect([f.w, f.h]).toEqual([640, 260]);
    // y = top + h (1 − u / 1.05); t = 0 h at the left edge, 1 h at the right
    const p = points(svg);
    expect(p.length).toBe(4); // 2 instants × (mean, maximum)
    near(p[0]![0], f.x);
    near(p[0]![1], f.y + 260 * (1 - 0.5 / 1.05));
    near(p[3]![0], f.x + 640);
    near(p[3]![1], f.y + 260 * (1 - 0.75 / 1.05));
    const rule = /<g class="mark-rule role-mark"[^>]*><line x1="[\d.]+" y1="([\d.]+)"/.exec(svg)!;
    near(Number(rule[1]), f.y + 260 * (1 - 1 / 1.05)); // 12.4 px below the top, as vega drew it
    // 1.05 over ceil(260/40) = 7 ticks: step 0.15 → 0.2 by the 1-2-5 rule
    expect(texts(svg, 'mark-text role-axis-label').slice(-6)).toEqual(['0.0', '0.2', '0.4', '0.6', '0.8', '1.0']);
  });

  it('colours classes by the palette and dashes the maximum, both in the legends', async () => {
    const svg = await utilizationByClassSvg([
      row(0, 'low/inPlane', 0.2, 0.4),
      row(0, 'low/crossPlane', 0.3, 0.6),
      row(1, 'low/inPlane', 0.2, 0.4),
      row(1, 'low/crossPlane', 0.3, 0.6),
    ]);
    const lines = [...svg.matchAll(/<path d="M[^"]*" stroke="(#\w+)"( stroke-dasharray="5,3")?\/>/g)].map(
      (m) => `${m[1]}${m[2] ? ' dashed' : ''}`,
    );
    expect(lines).toEqual(['#1f77b4', '#1f77b4 dashed', '#d62728', '#d62728 dashed']);
    const legend = svg.split('<g class="mark-group role-legend">').slice(1);
    expect(legend.length).toBe(2);
    expect(legend[0]).toMatch(/^<text[^>]*>link class<\/text>/);
    expect(legend[1]).toMatch(/^<text[^>]*>statistic<\/text>/);
    expect(legend[0]!).toMatch(/fill="#1f77b4".*low\/inPlane.*fill="#d62728".*low\/crossPlane/);
    expect(legend[1]!).toMatch(/stroke="#333" stroke-width="1.8"\/>.*mean.*stroke-dasharray="5,3"\/>.*maximum/);
  });

  it('draws one instant as bars in vega-lite bands: half a band each for mean and maximum', async () => {
    const svg = await utilizationByClassSvg([row(0, 'inPlane', 0.5, 1), row(0, 'crossPlane', 0.25, 0.5)]);
    const f = frame(svg);
    // width max(240, 90 × 2) = 240: a step of 120 px, the band 108 px from 6 px in, mean and maximum 54 px each
    expect([f.w, f.h]).toEqual([240, 240]);
    const bars = [
      ...(/<g class="mark-rect role-mark">(.*?)<\/g>/.exec(svg)?.[1] ?? '').matchAll(
        /<path d="M([\d.]+),([\d.]+)h([\d.]+)V([\d.]+)[^"]*" fill="(#\w+)"/g,
      ),
    ];
    expect(bars.length).toBe(4);
    const [x, y, w, y0, color] = bars[3]!.slice(1);
    near(Number(x), f.x + 120 + 6 + 54); // crossPlane, maximum
    near(Number(w), 54);
    near(Number(y), f.y + 240 * (1 - 0.5 / 1.05));
    near(Number(y0), f.y + 240);
    expect(color).toBe('#d62728');
    expect(bars[0]![5]).toBe('#1f77b4');
    expect(texts(svg, 'mark-text role-axis-label').slice(0, 2)).toEqual(['inPlane', 'crossPlane']);
  });
  it('names every class under its bars, cut with an ellipsis to the band', async () => {
    const svg = await utilizationByClassSvg([row(0, 'dawn-dusk/crossPlane', 0.5, 1), row(0, 'x', 0.25, 0.5)]);
    // a 120 px band holds 120 / (11 px × 0.58 em) = 18 characters: 17 and the ellipsis
    expect(texts(svg, 'mark-text role-axis-label').slice(0, 2)).toEqual(['dawn-dusk/crossPl…', 'x']);
  });
});

describe('conjunctions', () => {
  it('plots timed pairs on a log distance axis of whole decades, escaping the pair names', async () => {
    const svg = await conjunctionsSvg([
      { a: 'A<1>', b: 'B&2', distance_km: 2, time_s: 1800 },
      { a: 'c', b: 'd', distance_km: 50, time_s: 3600 },
      { a: 'e', b: 'f', distance_km: 0, time_s: 60 }, // coincident: the table only
      { a: 'g', b: 'h', distance_km: 3, time_s: null }, // between shells: the table only
    ]);
    const f = frame(svg);
    expect([f.w, f.h]).toEqual([560, 220]);
    const p = points(svg);
    expect(p.length).toBe(2);
    // distance axis 1–100 km: y = bottom − h · log10(d) / 2; time axis 0–1 h (1 h on a 0.1 h tick)
    near(p[0]![0], f.x + 280);
    near(p[0]![1], f.y + 220 * (1 - Math.log10(2) / 2));
    near(p[1]![0], f.x + 560);
    near(p[1]![1], f.y + 220 * (1 - Math.log10(50) / 2));
    expect(svg).toContain('2 pair(s); closest 2 km (A&lt;1&gt; – B&amp;2) at 0.5 h');
    const labels = texts(svg, 'mark-text role-axis-label');
    expect(labels.slice(0, 11)).toEqual(['0.0', '0.1', '0.2', '0.3', '0.4', '0.5', '0.6', '0.7', '0.8', '0.9', '1.0']);
    expect(labels).toEqual(expect.arrayContaining(['1', '2', '10', '20', '100']));
  });

  it('says when there is nothing to plot', async () => {
    const svg = await conjunctionsSvg([{ a: 'g', b: 'h', distance_km: 3, time_s: null }]);
    expect(svg).toContain('no conjunction reported');
    expect(points(svg)).toEqual([]);
  });
});

describe('launch manifest', () => {
  it('stacks shells per vehicle in band rows, on an axis 2 % past the longest bar', async () => {
    const svg = await launchManifestSvg([
      { vehicle: 'starship', shell: 'low', launches: 30, satellites: 3000 },
      { vehicle: 'starship', shell: 'dawn-dusk', launches: 20, satellites: 2000 },
      { vehicle: 'new-glenn', shell: 'low', launches: 4, satellites: 40 },
    ]);
    const f = frame(svg);
    expect([f.w, f.h]).toEqual([600, 80]);
    const bars = [
      ...(/<g class="mark-rect role-mark"[^>]*>(.*?)<\/g>/.exec(svg)?.[1] ?? '').matchAll(
        /<path d="M([\d.]+),([\d.]+)h([\d.]+)v([\d.]+)[^"]*" fill="(#\w+)"/g,
      ),
    ];
    expect(bars.length).toBe(3);
    // starship's dawn-dusk segment: from 3,000 to 5,000 of 5,100 satellites; row 1 of 2 (40 px), bar 0.7 × 36 px
    const dd = bars.find((b) => b[5] === '#d62728')!;
    near(Number(dd[1]), f.x + (600 * 3000) / 5100);
    near(Number(dd[3]), (600 * 2000) / 5100);
    near(Number(dd[2]), f.y + 20 - 12.6);
    near(Number(dd[4]), 25.2);
    expect(bars.filter((b) => b[5] === '#1f77b4').length).toBe(2); // low, on both vehicles
    const label = /<text x="([\d.]+)" y="[\d.]+" font-size="10" text-anchor="middle" fill="white">30 launches</.exec(
      svg,
    )!;
    near(Number(label[1]), f.x + (600 * 1500) / 5100);
    expect(texts(svg, 'mark-text role-axis-label').slice(-2)).toEqual(['starship', 'new-glenn']);
    expect(svg).toMatch(/fill="#1f77b4"\/><\/g><text[^>]*>low<.*fill="#d62728"\/><\/g><text[^>]*>dawn-dusk</);
  });
});
