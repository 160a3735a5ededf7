/**
 * The contact timeline, launch campaign and cost breakdown by what they show (the chart layer's Scene): marks at pixel
 * positions worked by hand from the frame (the plot area) and the fixed plot sizes (640 × 22 px per row, 640 × 320,
 * 600 × 34 px per row) and axis ranges; band rows with inner padding 0.1 and outer 0.05 of a step, tick steps by the
 * 1-2-5 rule (d3-array `ticks`), legends in order with their colours.
 */
import { describe, expect, it } from 'vitest';
import {
  contactTimelineChart,
  costBreakdownChart,
  launchCampaignChart,
  type LaunchCampaignInput,
} from '../../../src/report/constellation/constellationPlotsSeries.js';
import type { Scene } from '../../../src/chart/chart.js';

/** Pixel positions equal the expected ones. */
function expectPixels(actual: readonly number[], expected: readonly number[]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => expect(a).toBeCloseTo(expected[i]!, 6));
}
const box = (r: Scene['rects'][number]): number[] => [r.x, r.y, r.width, r.height];
const legendEntries = (s: Scene): [string, string][] =>
  s.legends.flatMap((l) => l.entries.map((e) => [e.name, e.color] as [string, string]));

const pattern = (s: string): Uint8Array => Uint8Array.from(s, (c) => Number(c));

describe('contactTimelineSvg as drawn', () => {
  it('places contact and gap bars at their sample times on a 640 px axis of 10 samples', () => {
    // 10 samples of 60 s: the axis spans 1/6 h; one row of a 40 px high plot (the minimum): a step of 40 px, the bar
    // 36 px high from 2 px down
    const d = contactTimelineChart({ step_s: 60, stations: [{ name: 'a', inContact: pattern('0011100110') }] });
    const s = d.scenes[0]!;
    const { x: fx, y: fy, width: w, height: h } = s.frame;
    expect([w, h]).toEqual([640, 40]);
    // contacts [2, 5) and [7, 9), then gaps [0, 2), [5, 7) and [9, 10): 64 px per sample
    expect(s.rects.map((b) => b.color)).toEqual(['#1f77b4', '#1f77b4', '#f4a6a0', '#f4a6a0', '#f4a6a0']);
    const expected = [
      [2, 3],
      [7, 2],
      [0, 2],
      [5, 2],
      [9, 1],
    ].map(([a, n]) => [fx + 64 * a!, fy + 2, 64 * n!, 36]);
    s.rects.forEach((b, i) => expectPixels(box(b), expected[i]!));
    // 1-2-5 rule over 1/6 h at round(640/80) = 8 ticks: a step of 0.02 h, so 0.10 h is a tick, 0.1 / (1/6) along
    const tick = s.xTicks.find((t) => t.label === '0.10')!;
    expectPixels([tick.at], [fx + 384]);
    expect(legendEntries(s)).toEqual([
      ['contact', '#1f77b4'],
      ['gap', '#f4a6a0'],
    ]);
  });

  it('writes the longest gap in the middle of its bar, and one row label per station in order', () => {
    const gappy = pattern(`${'1'.repeat(20)}${'0'.repeat(25)}${'1'.repeat(15)}`);
    const d = contactTimelineChart({
      step_s: 60,
      stations: [
        { name: 'full', inContact: pattern('1'.repeat(60)) },
        { name: 'gappy', inContact: gappy },
      ],
    });
    const s = d.scenes[0]!;
    expect(s.frame.height).toBe(44); // 2 rows × 22 px
    // the gap [20, 45) of 60 samples: its middle at 32.5 / 60 of 640 px
    const label = /<text x="([\d.]+)" y="[\d.]+"[^>]*fill="#7f1d1d">25 min<\/text>/.exec(d.svg);
    expect(Number(label![1])).toBeCloseTo(s.frame.x + (640 * 32.5) / 60, 1);
    expect(s.yTicks.map((l) => l.label)).toEqual(['full: 100 %, no gap', 'gappy: 58.3 %, 1 gap, longest 25 min']);
  });
});

describe('launchCampaignSvg as drawn', () => {
  it('draws milestone corners and the step line on 0–3.15 yr × 0–432 satellites', () => {
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
    const d = launchCampaignChart(input);
    const s = d.scenes[0]!;
    const { x: fx, y: fy, width: w, height: h } = s.frame;
    expect([w, h]).toEqual([640, 320]);
    const X = (t: number): number => fx + (640 * t) / 3.15;
    const Y = (n: number): number => fy + 320 - (320 * n) / 432;
    const [full, step, ...corners] = s.lines;
    expectPixels(full!.points.flat(), [fx, Y(400), fx + 640, Y(400)]);
    // from (0, 0) through each launch
    expectPixels(step!.points.flat(), [X(0), Y(0), X(0.5), Y(100), X(1), Y(250), X(3), Y(400)]);
    // held until the next launch: a step, a corner between every two points (4 points, 7 vertices)
    expect(/<path class="line" d="M([^"]+)"/.exec(d.svg)![1]!.split('L')).toHaveLength(7);
    // each milestone: the deadline up to the required count, then the count from t = 0 to the deadline
    expectPixels(corners[0]!.points.flat(), [X(2), Y(0), X(2), Y(200)]);
    expectPixels(corners[1]!.points.flat(), [X(0), Y(200), X(2), Y(200)]);
    expectPixels(corners[2]!.points.flat(), [X(2.5), Y(0), X(2.5), Y(400)]);
    expectPixels(corners[3]!.points.flat(), [X(0), Y(400), X(2.5), Y(400)]);
    expect(corners.map((l) => l.color)).toEqual(['#2ca02c', '#2ca02c', '#d62728', '#d62728']);
    expect(d.svg).toContain('>100 % by 2.5 yr: 250 of 400</text>');
    // 1-2-5 rule over 432 at round(320/40) = 8 ticks: steps of 50, the 400 tick level with the full constellation
    expect(s.yTicks.map((t) => t.label)).toEqual(['0', '50', '100', '150', '200', '250', '300', '350', '400']);
    expectPixels([s.yTicks.at(-1)!.at], [Y(400)]);
    expect(legendEntries(s)).toEqual([
      ['milestone met', '#2ca02c'],
      ['milestone missed', '#d62728'],
    ]);
    expect(s.legends[0]!.title).toBe('milestone');
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

  it('stacks the five components in order on an axis extended to 12 billion USD', () => {
    // totals 7.7 and 11.3 bn; made nice at round(600/80) = 8 ticks: [0, 12], ticks every 2
    const long = 'best totals.lcocDiscounted_USD_per_PFLOP_day (lowest)';
    const s = costBreakdownChart([row('knee', [4, 2, 1, 0.5, 0.2]), row(long, [6, 3, 1, 1, 0.3])]).scenes[0]!;
    const { x: fx, y: fy, width: w, height: h } = s.frame;
    expect([w, h]).toEqual([600, 68]);
    expect(s.rects).toHaveLength(10);
    // Tableau 10: hardware, launch, operations, replacements, ground
    const colours = ['#4e79a7', '#f28e2c', '#59a14f', '#e15759', '#af7aa1'];
    expect(s.rects.map((b) => b.color)).toEqual([...colours, ...colours]);
    // 50 px per billion; rows of 34 px, bars 30.6 px high from 1.7 px down
    const starts = [0, 4, 6, 7, 7.5],
      widths = [4, 2, 1, 0.5, 0.2];
    s.rects
      .slice(0, 5)
      .forEach((b, k) => expectPixels(box(b), [fx + 50 * starts[k]!, fy + 1.7, 50 * widths[k]!, 30.6]));
    expectPixels(box(s.rects[9]!), [fx + 50 * 11, fy + 34 + 1.7, 50 * 0.3, 30.6]);
    expect(s.xTicks.map((t) => t.label)).toEqual(['0', '2', '4', '6', '8', '10', '12']);
    expectPixels([s.xTicks[5]!.at], [fx + 500]);
    expect(legendEntries(s)).toEqual([
      ['hardware', colours[0]],
      ['launch', colours[1]],
      ['operations', colours[2]],
      ['replacements', colours[3]],
      ['ground', colours[4]],
    ]);
    // the long label is cut to the axis's label limit, the short one kept whole
    const labels = s.yTicks.map((l) => l.label);
    expect(labels[0]).toBe('knee');
    expect(labels[1]!.endsWith('…')).toBe(true);
    expect(long.startsWith(labels[1]!.slice(0, -1))).toBe(true);
    expect(labels[1]!.length).toBeLessThan(long.length);
  });
});
