import { describe, expect, it } from 'vitest';
import { layoutView } from '../../src/report/plots/plots.js';
import { breakEvenSpec, constraintSpec, distributionSpec, sobolSpec, tornadoSpec } from '../../src/analysis/plots.js';
import { launchMassSobol, launchPriceBreakEven, lcocTornado, sobolIndex, tornadoBar } from './fixtures.js';
import type { MarginSummary, OutputSummary } from '../../src/analysis/uncertainty.js';

/**
 * The figures of src/analysis/plots.ts as a reader sees them: each spec is compiled by vega-lite and laid out by
 * vega with the reports' config (src/report/plots/plots.ts `layoutView`, headless), and the drawn items are checked
 * against the data by geometry worked out here — a bar ends at the pixel of its value on a linear (or log) axis
 * fixed by two other drawn items, a rule sits where its value falls, rows come in the given order and are tall
 * enough to read, every line and bar has a colour and the legend's symbol for a series is drawn in that series'
 * colour and dash. plots.test.ts checks the specs' words and data; this file checks that the encodings draw
 * those data.
 */

interface Item {
  shape?: string;
  x?: number;
  x2?: number;
  y?: number;
  y2?: number;
  width?: number;
  height?: number;
  fill?: string;
  stroke?: string;
  strokeDash?: number[];
  interpolate?: string;
  text?: string;
  datum?: Record<string, unknown>;
  items?: Scene[];
}
interface Scene {
  marktype: string;
  role: string;
  name?: string;
  items: Item[];
}

/** Lays out a vega-lite spec headless and returns the scenegraph's root. */
async function draw(spec: Record<string, unknown>): Promise<Scene> {
  const view = await layoutView(spec);
  const root = (view.scenegraph() as unknown as { root: Scene }).root;
  view.finalize();
  return root;
}

/** Every mark under `scene` (itself included) whose role is `role`, in drawing order. */
function marks(scene: Scene, role: string, out: Scene[] = []): Scene[] {
  if (scene.role === role) out.push(scene);
  for (const item of scene.items) for (const child of item.items ?? []) marks(child, role, out);
  return out;
}
/** Items of the data marks of one marktype (bars 'rect', rules 'rule', lines 'line'). */
const drawn = (scene: Scene, marktype: string): Item[] =>
  marks(scene, 'mark')
    .filter((m) => m.marktype === marktype)
    .flatMap((m) => m.items);
/** The group of one hconcat panel (vega-lite names it concat_<i>_group). */
const panel = (root: Scene, i: number): Scene => marks(root, 'scope').find((m) => m.name === `concat_${i}_group`)!;

/** Texts of the axis titles under `scene`. */
const axisTitles = (scene: Scene): string[] => marks(scene, 'axis-title').flatMap((m) => m.items.map((i) => i.text!));

/** The SVG text a reader sees (vega truncates a label longer than its limit with an ellipsis). */
async function svgOf(spec: Record<string, unknown>): Promise<string> {
  const view = await layoutView(spec);
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Legend entries: label → the symbol's paint. */
function legend(root: Scene): Map<string, Item> {
  const out = new Map<string, Item>();
  for (const item of marks(root, 'legend-symbol').flatMap((m) => m.items)) {
    out.set(String(item.datum!['label']), item);
  }
  return out;
}

const COLOUR = /^#[0-9a-f]{3}([0-9a-f]{3})?$/i;
/** A dash pattern with no gap (or none at all) is a solid stroke. */
const solid = (dash: readonly number[] | undefined): boolean =>
  dash === undefined || dash.every((d, i) => i % 2 === 0 || d === 0);
function rgb(hex: string): [number, number, number] {
  const h = hex.length === 4 ? [...hex.slice(1)].map((c) => c + c).join('') : hex.slice(1);
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}
/** Hue in degrees and lightness in [0, 1] (HSL, CSS Color 4 §7). */
function hueLightness(hex: string): { hue: number; lightness: number } {
  const [r, g, b] = rgb(hex).map((c) => c / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const d = max - min;
  const hue =
    d === 0
      ? 0
      : max === r
        ? 60 * (((g - b) / d + 6) % 6)
        : max === g
          ? 60 * ((b - r) / d + 2)
          : 60 * ((r - g) / d + 4);
  return { hue, lightness: (max + min) / 2 };
}

/** Left and right pixel of a bar (rect items carry x and width; x2 only for some encodings). */
const span = (bar: Item): [number, number] => [bar.x!, bar.x! + bar.width!];
const middle = (bar: Item): number => bar.y! + bar.height! / 2;

describe('distribution figure, drawn', () => {
  // bins of unequal width away from 0 (so a zero-based axis would squeeze them), one rule inside each bin
  const o = {
    path: 'cost.lcoc_USD_per_PFLOP_day',
    unit: 'USD/PFLOP-day',
    nominal: 101.5,
    p5: 100.5,
    p95: 103.5,
    histogram: {
      bins: [
        { lower: 100, upper: 101, count: 2 },
        { lower: 101, upper: 102, count: 6 },
        { lower: 102, upper: 104, count: 4 },
      ],
    },
  } as unknown as OutputSummary;
  const values = [100.2, 100.5, 101.1, 101.2, 101.5, 101.6, 101.7, 101.9, 102.5, 103, 103.5, 103.9];

  it('histogram: each bar spans its bin on one linear axis, height ∝ count; rules at p5, nominal, p95', async () => {
    const root = await draw(distributionSpec(o, values));
    const hist = panel(root, 0);
    const bars = drawn(hist, 'rect').sort((a, b) => a.x! - b.x!);
    expect(bars).toHaveLength(3);
    // the right edges of the first two bins fix the axis: px(v) = px(101) + (v − 101)·k
    const k = span(bars[1]!)[1] - span(bars[0]!)[1];
    const px = (v: number): number => span(bars[0]!)[1] + (v - 101) * k;
    expect(k).toBeGreaterThan(50);
    expect(span(bars[2]!)[1]).toBeCloseTo(px(104), 6);
    // left edges at the bins' lower ends (vega-lite leaves a 1 px gap between binned bars)
    [100, 101, 102].forEach((lo, i) => expect(Math.abs(span(bars[i]!)[0] - px(lo))).toBeLessThanOrEqual(1.5));
    // not a zero-based axis: the lowest bin starts at the panel's left edge
    expect(px(100)).toBeLessThan(0.1 * 360);
    // one baseline, heights in the ratio of the counts 2 : 6 : 4
    for (const b of bars) expect(b.y! + b.height!).toBeCloseTo(bars[0]!.y! + bars[0]!.height!, 6);
    expect(bars[0]!.height! / bars[1]!.height!).toBeCloseTo(2 / 6, 9);
    expect(bars[2]!.height! / bars[1]!.height!).toBeCloseTo(4 / 6, 9);
    for (const b of bars) expect(b.fill).toMatch(COLOUR);

    const rules = drawn(hist, 'rule');
    expect(rules.map((r) => r.x!).sort((a, b) => a - b)).toEqual(
      [100.5, 101.5, 103.5].map((v) => expect.closeTo(px(v), 6) as unknown as number),
    );
    for (const r of rules) expect(Math.abs(r.y2! - r.y!)).toBeCloseTo(220, 6); // the panel's full height
    // both panels' value axes name the output and its unit
    for (const i of [0, 1]) expect(axisTitles(panel(root, i))).toContain('cost.lcoc [USD/PFLOP-day]');
  });

  it('a zero-width bin is drawn, not dropped to nothing', async () => {
    const s = {
      ...o,
      histogram: {
        bins: [
          { lower: 100, upper: 101, count: 2 },
          { lower: 102, upper: 102, count: 5 },
        ],
      },
    } as unknown as OutputSummary;
    const bars = drawn(panel(await draw(distributionSpec(s, values)), 0), 'rect').sort((a, b) => a.x! - b.x!);
    const k = span(bars[0]!)[1] - span(bars[0]!)[0];
    // the first bin keeps its full unit width (a bug giving every bin zero width would shrink it to nothing)
    expect(k).toBeGreaterThan(50);
  });

  it('the nominal rule solid and red, the p5/p95 rules dashed grey, and the legend drawn the same way', async () => {
    const root = await draw(distributionSpec(o, values));
    const rules = drawn(panel(root, 0), 'rule').sort((a, b) => a.x! - b.x!); // p5, nominal, p95
    const [p5, nominal, p95] = rules as [Item, Item, Item];
    expect(nominal.stroke).toMatch(COLOUR);
    const [r, g, b] = rgb(nominal.stroke!);
    expect(r).toBeGreaterThan(2 * Math.max(g, b));
    expect(solid(nominal.strokeDash)).toBe(true);
    for (const q of [p5, p95]) {
      const [qr, qg, qb] = rgb(q.stroke!);
      expect(qr === qg && qg === qb).toBe(true);
      expect(solid(q.strokeDash)).toBe(false);
    }
    const entries = legend(root);
    expect(entries.get('nominal design')?.stroke).toBe(nominal.stroke);
    expect(solid(entries.get('nominal design')?.strokeDash)).toBe(true);
    expect(entries.get('p5 / p95')?.stroke).toBe(p5.stroke);
    expect(solid(entries.get('p5 / p95')?.strokeDash)).toBe(false);
  });

  it('empirical CDF: a step line through (value, i/n) on a [0, 1] axis, the same rules on its own axis', async () => {
    const cdfPanel = panel(await draw(distributionSpec(o, values)), 1);
    const points = drawn(cdfPanel, 'line');
    expect(points).toHaveLength(values.length);
    const n = values.length;
    // F = i/n on a fixed [0, 1] axis of the panel's 220 px height: y = 220·(1 − F)
    points.forEach((p, i) => expect(p.y!).toBeCloseTo(220 * (1 - (i + 1) / n), 6));
    const k = (points[1]!.x! - points[0]!.x!) / (values[1]! - values[0]!);
    const px = (v: number): number => points[0]!.x! + (v - values[0]!) * k;
    points.forEach((p, i) => expect(p.x!).toBeCloseTo(px(values[i]!), 6));
    expect(px(100)).toBeLessThan(0.1 * 360);
    for (const p of points) {
      expect(p.interpolate).toBe('step-after');
      expect(p.stroke).toMatch(COLOUR);
    }
    const rules = drawn(cdfPanel, 'rule').map((r) => r.x!);
    expect(rules.sort((a, b) => a - b)).toEqual(
      [100.5, 101.5, 103.5].map((v) => expect.closeTo(px(v), 6) as unknown as number),
    );
  });
});

describe('constraint figure, drawn', () => {
  const margin = (name: string, enforced: boolean, p: number, lower: number, upper: number): MarginSummary =>
    ({ name, enforced, holds: { estimate: p, lower, upper } }) as unknown as MarginSummary;
  // the largest estimate 0.6, so an axis fitted to the data (not fixed at 0–100 %) would end near 60 %
  const margins = [
    margin('thermal', true, 0.5, 0.25, 0.6),
    margin('power', false, 0.375, 0.25, 0.5),
    margin('mass', true, 0.125, 0.0625, 0.25),
  ];

  it('bars on a 0–100 % axis in the given order, each with its interval centred on it', async () => {
    const root = await draw(constraintSpec(margins));
    const bars = drawn(root, 'rect');
    const byName = new Map(bars.map((b) => [String(b.datum!['name']), b]));
    expect([...byName.keys()].sort()).toEqual(['mass', 'power', 'thermal']);
    for (const m of margins) {
      const bar = byName.get(m.name)!;
      expect(span(bar)[0]).toBeCloseTo(0, 6);
      expect(span(bar)[1]).toBeCloseTo(520 * m.holds.estimate, 6); // 520 px for 100 %
    }
    expect(middle(byName.get('thermal')!)).toBeLessThan(middle(byName.get('power')!));
    expect(middle(byName.get('power')!)).toBeLessThan(middle(byName.get('mass')!));

    const rules = drawn(root, 'rule');
    expect(rules).toHaveLength(3);
    for (const rule of rules) {
      const m = margins.find((x) => x.name === rule.datum!['name'])!;
      expect(Math.min(rule.x!, rule.x2!)).toBeCloseTo(520 * m.holds.lower, 6);
      expect(Math.max(rule.x!, rule.x2!)).toBeCloseTo(520 * m.holds.upper, 6);
      expect(rule.y!).toBeCloseTo(middle(byName.get(m.name)!), 6);
      expect(rule.stroke).toMatch(COLOUR);
    }
  });

  it('enforced and check constraints in two tints of one hue, the lighter for checks, as the legend shows', async () => {
    const root = await draw(constraintSpec(margins));
    const fill = (name: string): string => drawn(root, 'rect').find((b) => b.datum!['name'] === name)!.fill!;
    expect(fill('thermal')).toBe(fill('mass'));
    const enforced = hueLightness(fill('thermal'));
    const check = hueLightness(fill('power'));
    expect(Math.abs(enforced.hue - check.hue)).toBeLessThan(15);
    expect(check.lightness).toBeGreaterThan(enforced.lightness + 0.1);
    const entries = legend(root);
    expect(entries.get('enforced')?.fill).toBe(fill('thermal'));
    expect(entries.get('check')?.fill).toBe(fill('power'));
  });
});

describe('tornado figure, drawn', () => {
  // outputs 4–18 around a nominal 10: an axis from 0 would put the lowest end a fifth of the way in
  const t = lcocTornado(
    tornadoBar('catalogs.batteries.li-ion-leo.cost_USD_per_Wh', 4, 18),
    tornadoBar('economics.launchCost_USD_per_kg', 8, 13),
    tornadoBar('economics.pue', 9, 11),
  );

  it('every bar runs from the nominal rule to its output, rows in the given order and tall enough', async () => {
    const root = await draw(tornadoSpec(t));
    const rules = drawn(root, 'rule');
    expect(rules).toHaveLength(1);
    const x0 = rules[0]!.x!;
    const bars = drawn(root, 'rect');
    expect(bars).toHaveLength(6);
    const first = bars.find((b) => b.datum!['to'] === 4)!; // the p5 end of the first input
    const k = (x0 - span(first)[0]) / (10 - 4);
    expect(k).toBeGreaterThan(0);
    for (const b of bars) {
      const to = b.datum!['to'] as number;
      const [left, right] = span(b);
      expect(to < 10 ? right : left).toBeCloseTo(x0, 6);
      expect(to < 10 ? left : right).toBeCloseTo(x0 + (to - 10) * k, 6);
    }
    // the axis fits the outputs, not 0: the lowest output is near the left edge
    expect(x0 - 6 * k).toBeLessThan(0.1 * 520);

    const rowOf = (input: string): number[] => bars.filter((b) => b.datum!['input'] === input).map((b) => middle(b));
    const rows = ['batteries.li-ion-leo.cost_USD_per_Wh', 'economics.launchCost_USD_per_kg', 'economics.pue'].map(
      rowOf,
    );
    for (const r of rows) expect(r[0]).toBeCloseTo(r[1]!, 6); // both ends of an input on one row
    expect(rows[1]![0]! - rows[0]![0]!).toBeGreaterThanOrEqual(24); // a row per 11 px label and its margin
    expect(rows[2]![0]! - rows[1]![0]!).toBeGreaterThanOrEqual(24);
  });

  it('input names in full beside their rows, not cut to an ellipsis', async () => {
    const svg = await svgOf(tornadoSpec(t));
    expect(svg).toContain('>batteries.li-ion-leo.cost_USD_per_Wh<');
    expect(svg).not.toContain('…');
  });

  it('the p5 and p95 ends in two colours, as the legend shows; the nominal rule red', async () => {
    const root = await draw(tornadoSpec(t));
    const bars = drawn(root, 'rect');
    const fills = (end: string): Set<string | undefined> =>
      new Set(bars.filter((b) => b.datum!['end'] === end).map((b) => b.fill));
    const low = fills('input at p5');
    const high = fills('input at p95');
    expect(low.size).toBe(1);
    expect(high.size).toBe(1);
    expect([...low][0]).not.toBe([...high][0]);
    const entries = legend(root);
    expect(entries.get('input at p5')?.fill).toBe([...low][0]);
    expect(entries.get('input at p95')?.fill).toBe([...high][0]);
    const [r, g, b] = rgb(drawn(root, 'rule')[0]!.stroke!);
    expect(r).toBeGreaterThan(2 * Math.max(g, b));
  });
});

describe("Sobol' figure, drawn", () => {
  const s = launchMassSobol(sobolIndex('a.x', 0.6, 0.7), sobolIndex('b.y', 0.2, 0.3), sobolIndex('c.z', 0.05, 0.1));

  it('bars from 0 ∝ the index, first order above total in each row, intervals on their bars', async () => {
    const root = await draw(sobolSpec(s));
    const bars = drawn(root, 'rect');
    expect(bars).toHaveLength(6);
    const x0 = span(bars[0]!)[0];
    const k = bars[0]!.width! / (bars[0]!.datum!['v'] as number);
    for (const b of bars) {
      expect(span(b)[0]).toBeCloseTo(x0, 6);
      expect(b.width!).toBeCloseTo(k * (b.datum!['v'] as number), 6);
    }
    const at = (input: string, index: string): Item =>
      bars.find((b) => b.datum!['input'] === input && b.datum!['index'] === index)!;
    const centres = ['a.x', 'b.y', 'c.z'].map((i) => [middle(at(i, 'first order S_i')), middle(at(i, 'total S_Ti'))]);
    for (const [first, total] of centres) expect(first!).toBeLessThan(total!);
    for (let i = 1; i < 3; i++) expect(centres[i]![0]!).toBeGreaterThan(centres[i - 1]![1]!); // rows in rank order
    expect(centres[1]![0]! - centres[0]![0]!).toBeGreaterThanOrEqual(30); // two 11 px bars and a gap per row

    const rules = drawn(root, 'rule');
    expect(rules).toHaveLength(6);
    for (const r of rules) {
      const bar = at(String(r.datum!['input']), String(r.datum!['index']));
      expect(Math.min(r.x!, r.x2!)).toBeCloseTo(x0 + k * (r.datum!['lo'] as number), 6);
      expect(Math.max(r.x!, r.x2!)).toBeCloseTo(x0 + k * (r.datum!['hi'] as number), 6);
      expect(r.y!).toBeCloseTo(middle(bar), 6);
      expect(r.stroke).toMatch(COLOUR);
    }
    const entries = legend(root);
    expect(entries.get('first order S_i')?.fill).toBe(at('a.x', 'first order S_i').fill);
    expect(entries.get('total S_Ti')?.fill).toBe(at('a.x', 'total S_Ti').fill);
    expect(at('a.x', 'first order S_i').fill).not.toBe(at('a.x', 'total S_Ti').fill);
  });

  it('input names in full beside their rows, not cut to an ellipsis', async () => {
    const long = 'catalogs.batteries.li-ion-leo.specificEnergy_Wh_per_kg';
    const svg = await svgOf(sobolSpec({ ...s, indices: [sobolIndex(long, 0.5, 0.6), ...s.indices] }));
    expect(svg).toContain('>batteries.li-ion-leo.specificEnergy_Wh_per_kg<');
    expect(svg).not.toContain('…');
  });
});

describe('break-even figure, drawn', () => {
  // LCOC = 1000 / x: a straight line on log–log axes, one decade of y per decade of x
  const curve = [10, 100, 1000, 1e4, 1e5].map((x) => ({ x, lcoc: 1000 / x, terrestrial: 5 }));
  const be = launchPriceBreakEven({ root: 200, roots: [200], spaceCheaper: 'above', curve });

  it('log–log axes: equal steps per decade; the root and the design value where they fall', async () => {
    const root = await draw(breakEvenSpec(be));
    const points = drawn(root, 'line');
    const lcoc = points.filter((p) => p.datum!['what'] === 'LCOC (space)');
    const terrestrial = points.filter((p) => p.datum!['what'] === 'terrestrial LCOC');
    expect(lcoc).toHaveLength(5);
    expect(terrestrial).toHaveLength(5);
    const dx = lcoc[1]!.x! - lcoc[0]!.x!;
    const dy = lcoc[1]!.y! - lcoc[0]!.y!;
    expect(dx).toBeGreaterThan(0);
    expect(dy).toBeGreaterThan(0); // falling cost: larger y pixel
    lcoc.forEach((p, i) => {
      expect(p.x!).toBeCloseTo(lcoc[0]!.x! + i * dx, 6);
      expect(p.y!).toBeCloseTo(lcoc[0]!.y! + i * dy, 6);
    });
    for (const p of terrestrial) expect(p.y!).toBeCloseTo(terrestrial[0]!.y!, 6);
    // 5 lies log10(5 / 10) decades from 10 (the second LCOC point): the break-even crossing on the picture
    expect(terrestrial[0]!.y!).toBeCloseTo(lcoc[1]!.y! + Math.log10(10 / 5) * dy, 6);
    const px = (v: number): number => lcoc[0]!.x! + Math.log10(v / 10) * dx;
    const rules = new Map(drawn(root, 'rule').map((r) => [String(r.datum!['what']), r]));
    expect(rules.get('break-even')!.x!).toBeCloseTo(px(200), 6);
    expect(rules.get('design value')!.x!).toBeCloseTo(px(500), 6);
  });

  it('cost lines solid in two colours, the root solid red, the design value dashed; the legend alike', async () => {
    const root = await draw(breakEvenSpec(be));
    const points = drawn(root, 'line');
    const paint = (what: string): Item => points.find((p) => p.datum!['what'] === what)!;
    const rules = new Map(drawn(root, 'rule').map((r) => [String(r.datum!['what']), r]));
    const series: [string, Item][] = [
      ['LCOC (space)', paint('LCOC (space)')],
      ['terrestrial LCOC', paint('terrestrial LCOC')],
      ['break-even', rules.get('break-even')!],
      ['design value', rules.get('design value')!],
    ];
    expect(paint('LCOC (space)').stroke).not.toBe(paint('terrestrial LCOC').stroke);
    for (const [what, item] of series) {
      expect(item.stroke, what).toMatch(COLOUR);
      expect(solid(item.strokeDash), what).toBe(what !== 'design value');
    }
    const [r, g, b] = rgb(rules.get('break-even')!.stroke!);
    expect(r).toBeGreaterThan(2 * Math.max(g, b));
    const entries = legend(root);
    for (const [what, item] of series) {
      expect(entries.get(what)?.stroke, what).toBe(item.stroke);
      expect(solid(entries.get(what)?.strokeDash), what).toBe(solid(item.strokeDash));
      expect(entries.get(what)?.shape, `${what}: a line sample, not a dot`).toBe('stroke');
    }
  });
});
