/**
 * The contact timeline, launch campaign and cost breakdown as drawn: marks at pixel positions worked by hand from the
 * frame (the plot area's rectangle), the fixed plot sizes (640 × 22 px per row, 640 × 320, 600 × 34 px per row) and the
 * axis ranges; band rows as vega-lite's bar defaults (inner padding 0.1, outer 0.05 of a step, bars 0.7 of the band:
 * 0.63 of a step), tick steps by the 1-2-5 rule (d3-array `ticks`), legends in order with their colours.
 */
import { describe, expect, it } from 'vitest';
import {
  contactTimelineSvg,
  costBreakdownSvg,
  launchCampaignSvg,
  type LaunchCampaignInput,
} from '../../../src/report/constellation/constellationPlotsSeries.js';

/** The plot area's rectangle: x, y, width, height [px]. */
function frame(svg: string): [number, number, number, number] {
  const m = /<rect class="frame" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/.exec(svg);
  expect(m).not.toBeNull();
  return [Number(m![1]), Number(m![2]), Number(m![3]), Number(m![4])];
}

/** Contents of the data-mark groups of a kind (`rect`, `rule`, …), one string per group. */
const markGroups = (svg: string, kind: string): string[] =>
  [...svg.matchAll(new RegExp(`<g class="mark-${kind} role-mark"[^>]*>(.*?)</g>`, 'g'))].map((m) => m[1]!);

/** The numbers of a path's `d`, in order. */
const numbers = (s: string): number[] => [...s.matchAll(/-?\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
/** x1, y1, x2, y2 of a line. */
const ends = (s: string): number[] => [...s.matchAll(/ [xy][12]="([^"]+)"/g)].map((m) => Number(m[1]));

/** Numbers printed to 0.1 px equal the expected ones. */
function expectPixels(actual: readonly number[], expected: readonly number[]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => expect(Math.abs(a - expected[i]!)).toBeLessThanOrEqual(0.051));
}

/** Rectangle paths (M x,y h w v h h -w Z) of a group with their fills: [x, y, w, h] and the colour. */
const rects = (group: string): { box: number[]; fill: string }[] =>
  [...group.matchAll(/<path d="([^"]+)" fill="([^"]+)"\/>/g)].map((m) => ({
    box: numbers(m[1]!).slice(0, 4),
    fill: m[2]!,
  }));

/** Legend entries: name and the fill of its symbol, in order. */
const legendEntries = (svg: string): [string, string][] =>
  [...svg.matchAll(/role-legend-symbol" d="[^"]*" fill="([^"]+)"\/><\/g><text[^>]*>([^<]*)<\/text>/g)].map((m) => [
    m[2]!,
    m[1]!,
  ]);

/** End-anchored black texts at 11 px (row labels and y tick labels), in order. */
const endLabels = (svg: string): { y: number; text: string }[] =>
  [...svg.matchAll(/<text x="[\d.]+" y="([\d.]+)" font-size="11" text-anchor="end" fill="#000">([^<]+)<\/text>/g)].map(
    (m) => ({ y: Number(m[1]), text: m[2]! }),
  );

const pattern = (s: string): Uint8Array => Uint8Array.from(s, (c) => Number(c));

describe('contactTimelineSvg as drawn', () => {
  it('places contact and gap bars at their sample times on a 640 px axis of 10 samples', async () => {
    // 10 samples of 60 s: the axis spans 1/6 h; one row of a 40 px high plot (the minimum), bars 0.63 × 40 = 25.2 px
    // high, centred 20 px below the top.
    const svg = await contactTimelineSvg({ step_s: 60, stations: [{ name: 'a', inContact: pattern('0011100110') }] });
    const [fx, fy, w, h] = frame(svg);
    expect([w, h]).toEqual([640, 40]);
    const bars = rects(markGroups(svg, 'rect')[0]!);
    const y = fy + 20 - 12.6;
    // contacts [2, 5) and [7, 9), then gaps [0, 2), [5, 7) and [9, 10): 64 px per sample
    expect(bars.map((b) => b.fill)).toEqual(['#1f77b4', '#1f77b4', '#f4a6a0', '#f4a6a0', '#f4a6a0']);
    const expected = [
      [2, 3],
      [7, 2],
      [0, 2],
      [5, 2],
      [9, 1],
    ].map(([a, n]) => [fx + 64 * a!, y, 64 * n!, 25.2]);
    bars.forEach((b, i) => expectPixels(b.box, expected[i]!));
    // 1-2-5 rule over 1/6 h at ~8 ticks: a step of 0.02 h, so 0.10 h is a tick, 0.1 / (1/6) of the width along
    expect(svg).toMatch(new RegExp(`<text x="${fx + 384}" y="[\\d.]+" font-size="11" text-anchor="middle"[^>]*>0.10<`));
    expect(legendEntries(svg)).toEqual([
      ['contact', '#1f77b4'],
      ['gap', '#f4a6a0'],
    ]);
  });

  it('writes the longest gap in the middle of its bar, and one row label per station in order', async () => {
    const gappy = pattern(`${'1'.repeat(20)}${'0'.repeat(25)}${'1'.repeat(15)}`);
    const svg = await contactTimelineSvg({
      step_s: 60,
      stations: [
        { name: 'full', inContact: pattern('1'.repeat(60)) },
        { name: 'gappy', inContact: gappy },
      ],
    });
    const [fx, fy, , h] = frame(svg);
    expect(h).toBe(44); // 2 rows × 22 px
    // the gap [20, 45) of 60 samples: its middle at 32.5 / 60 of 640 px; row 2's centre 1.5 × 22 px down
    const label = /<text x="([\d.]+)" y="([\d.]+)"[^>]*fill="#7f1d1d">25 min<\/text>/.exec(svg);
    expectPixels([Number(label![1])], [fx + (640 * 32.5) / 60]);
    expectPixels([Number(label![2])], [fy + 33 + 0.35 * 10]);
    expect(endLabels(svg).map((l) => l.text)).toEqual(['full: 100 %, no gap', 'gappy: 58.3 %, 1 gap, longest 25 min']);
  });
});

describe('launchCampaignSvg as drawn', () => {
  it('draws milestone corners and the step line on 0–3.15 yr × 0–432 satellites', async () => {
    const input: LaunchCampaignInput = {
      deployment: [
        { time_yr: 0.5, satellites: 100 },
        { time_yr: 1, satellites: 250 },
        { time_yr: 3, satellites: 400 },
      ],
      milestones: [
        { fraction: 0.5, within_yr: 2, required: 200, achieved: 250, met: true },
        { fraction: 1, within_yr: 2.5, required: 400, achieved: 250, met: false },
      ],
      satellites: 400,
    };
    // x: the last launch at 3 yr + 5 % over 640 px; y: 400 satellites + 8 % over 320 px
    const svg = await launchCampaignSvg(input);
    const [fx, fy, w, h] = frame(svg);
    expect([w, h]).toEqual([640, 320]);
    const X = (t: number): number => fx + (640 * t) / 3.15;
    const Y = (n: number): number => fy + 320 - (320 * n) / 432;
    const [full, milestones] = markGroups(svg, 'rule');
    expectPixels(ends(full!), [fx, Y(400), fx + 640, Y(400)]);
    const lines = [...milestones!.matchAll(/<line[^>]*\/>/g)].map((m) => m[0]);
    // each milestone: the deadline up to the required count, then the count from t = 0 to the deadline
    expectPixels(ends(lines[0]!), [X(2), Y(0), X(2), Y(200)]);
    expectPixels(ends(lines[1]!), [X(0), Y(200), X(2), Y(200)]);
    expectPixels(ends(lines[2]!), [X(2.5), Y(0), X(2.5), Y(400)]);
    expectPixels(ends(lines[3]!), [X(0), Y(400), X(2.5), Y(400)]);
    expect(lines.map((l) => /stroke="([^"]+)"/.exec(l)![1])).toEqual(['#2ca02c', '#2ca02c', '#d62728', '#d62728']);
    // from (0, 0) the count holds until each launch time, then steps up
    const d = /<path d="([^"]+)"/.exec(markGroups(svg, 'line')[0]!)![1]!;
    expect(d.match(/[MHV]/g)!.join('')).toBe('MHVHVHV');
    expectPixels(numbers(d), [X(0), Y(0), X(0.5), Y(100), X(1), Y(250), X(3), Y(400)]);
    // labels right-aligned 4 px left of and 6 px above their corner, in the milestone's colour
    const label =
      /<text x="([\d.]+)" y="([\d.]+)"[^>]*text-anchor="end"[^>]*fill="#d62728">100 % by 2.5 yr: 250 of 400</.exec(svg);
    expectPixels([Number(label![1]), Number(label![2])], [X(2.5) - 4, Y(400) - 6]);
    // 1-2-5 rule over 432 at ~8 ticks: steps of 50, the 400 tick level with the full constellation
    const top = endLabels(svg).find((l) => l.text === '400');
    expectPixels([top!.y], [Y(400) + 0.35 * 11]); // text middle: baseline 0.35 font size below
    expect(endLabels(svg).map((l) => l.text)).toEqual(['0', '50', '100', '150', '200', '250', '300', '350', '400']);
    expect(legendEntries(svg)).toEqual([
      ['milestone met', '#2ca02c'],
      ['milestone missed', '#d62728'],
    ]);
    expect(svg).toContain('>milestone<');
  });
});

describe('costBreakdownSvg as drawn', () => {
  const row = (label: string, b: readonly number[]) => ({
    label,
    hardware_USD: b[0]! * 1e9,
    launch_USD: b[1]! * 1e9,
    operations_USD: b[2]! * 1e9,
    replacements_USD: b[3]! * 1e9,
    ground_USD: b[4]! * 1e9,
  });

  it('stacks the five components in order on an axis extended to 12 billion USD', async () => {
    // totals 7.7 and 11.3 bn; 1-2-5 rule at ~8 ticks over [0, 11.3]: step 1 → 12, over [0, 12]: step 2 → 12 holds
    const long = 'best totals.lcocDiscounted_USD_per_PFLOP_day (lowest)';
    const svg = await costBreakdownSvg([row('knee', [4, 2, 1, 0.5, 0.2]), row(long, [6, 3, 1, 1, 0.3])]);
    const [fx, fy, w, h] = frame(svg);
    expect([w, h]).toEqual([600, 68]);
    const bars = rects(markGroups(svg, 'rect')[0]!);
    expect(bars.length).toBe(10);
    // Tableau 10's first five (vega's default categorical scheme): hardware, launch, operations, replacements, ground
    const colours = ['#4c78a8', '#f58518', '#54a24b', '#e45756', '#b279a2'];
    expect(bars.map((b) => b.fill)).toEqual([...colours, ...colours]);
    // 50 px per billion; rows of 34 px, bars 0.63 × 34 = 21.42 px high centred on 17 and 51 px
    const starts = [0, 4, 6, 7, 7.5],
      widths = [4, 2, 1, 0.5, 0.2];
    bars
      .slice(0, 5)
      .forEach((b, k) => expectPixels(b.box, [fx + 50 * starts[k]!, fy + 17 - 10.71, 50 * widths[k]!, 21.4]));
    expectPixels(bars[9]!.box, [fx + 50 * 11, fy + 51 - 10.71, 50 * 0.3, 21.4]);
    expect(svg).toMatch(new RegExp(`<text x="${fx + 500}" y="[\\d.]+" font-size="11" text-anchor="middle"[^>]*>10<`));
    expect(legendEntries(svg)).toEqual([
      ['hardware', colours[0]],
      ['launch', colours[1]],
      ['operations', colours[2]],
      ['replacements', colours[3]],
      ['ground', colours[4]],
    ]);
    // the long label is cut to the axis's label limit, the short one kept whole
    const labels = endLabels(svg).map((l) => l.text);
    expect(labels[0]).toBe('knee');
    expect(labels[1]!.endsWith('…')).toBe(true);
    expect(long.startsWith(labels[1]!.slice(0, -1))).toBe(true);
    expect(labels[1]!.length).toBeLessThan(long.length);
  });
});
