/**
 * The uncertainty and sensitivity reports' plots, drawn with the chart layer (src/chart/chart.ts)
 * as static SVG (no JavaScript, no network). Every axis title carries its unit; data are plain, already reduced
 * (histogram bins, at most 400 CDF points, the top bars).
 */
import { maxOf, minOf } from '../base/arrays.js';
import { axisLabel, samplePositions } from '../report/plots/plots.js';
import { chart, concat, drawn, TABLEAU10, type Drawn, type LegendEntry, type Mark } from '../chart/chart.js';
import type { BreakEven } from './breakEven.js';
import type { SobolOutput, TornadoOutput } from './sensitivity.js';
import type { MarginSummary, OutputSummary } from './uncertainty.js';

/** Input path without the `catalogs.` prefix, for axis labels. */
export const shortInput = (path: string): string => path.replace(/^catalogs\./, '');

const NOMINAL_COLOR = '#b3261e';
const GREY = '#555';
const [BLUE, ORANGE, , TEAL, GREEN] = TABLEAU10 as [string, string, string, string, string];
const LIGHT_BLUE = '#9ecae9';

/** Rules at the nominal design (solid red) and at p5 and p95 (dashed grey). */
function quantileRules(o: OutputSummary): Mark[] {
  return [
    ...(o.nominal !== null ? [{ type: 'rule' as const, at: { x: o.nominal }, color: NOMINAL_COLOR, width: 1.5 }] : []),
    ...[o.p5, o.p95].map((x) => ({ type: 'rule' as const, at: { x }, color: GREY, width: 1.5, dash: '4,3' })),
  ];
}

/** The x domain holding every value and mark (`lo`…`hi`, then the extra values). */
function extent(values: readonly number[]): [number, number] {
  const finite = values.filter(Number.isFinite);
  return finite.length ? [minOf(finite), maxOf(finite)] : [0, 1];
}

/** Histogram (counts per bin) and empirical CDF of one output, with the nominal design and p5/p95 marked. */
export function distributionSvg(o: OutputSummary, values: readonly number[]): Drawn {
  const title = axisLabel(o.path, o.unit);
  const bins = o.histogram.bins.map((b) => ({
    lo: b.lower,
    hi: b.upper === b.lower ? b.lower + Math.abs(b.lower) * 1e-9 + 1e-12 : b.upper,
    count: b.count,
  }));
  const sorted = [...values].sort((a, b) => a - b);
  const cdf = samplePositions(sorted.length, 400).map((i) => ({ x: sorted[i]!, y: (i + 1) / sorted.length }));
  const rules = quantileRules(o);
  const xDomain = extent([...bins.flatMap((b) => [b.lo, b.hi]), ...sorted, o.p5, o.p95, o.nominal ?? NaN]);
  const x = { title, domain: xDomain, nice: true };
  const histogram = chart({
    title: 'Histogram',
    width: 360,
    height: 220,
    x,
    y: { title: 'samples [-]', domain: [0, maxOf([1, ...bins.map((b) => b.count)])], nice: true },
    marks: [
      { type: 'bars', opacity: 0.85, bars: bins.map((b) => ({ x: [b.lo, b.hi], y: [0, b.count], color: BLUE })) },
      ...rules,
    ],
  });
  const cumulative = chart({
    title: 'Empirical CDF',
    width: 360,
    height: 220,
    x,
    y: { title: 'cumulative probability [-]', domain: [0, 1] },
    marks: [{ type: 'line', points: cdf, color: BLUE, width: 2, step: true }, ...rules],
  });
  const legend: LegendEntry[] = [
    ...(o.nominal !== null ? [{ name: 'nominal design', color: NOMINAL_COLOR, symbol: 'line' as const }] : []),
    { name: 'p5 / p95', color: GREY, symbol: 'dash' },
  ];
  return concat([[histogram, cumulative]], { gap: 30, legends: [{ title: null, entries: legend }] });
}

/** P(constraint holds) with its Wilson interval, one bar per constraint. */
export function constraintSvg(margins: readonly MarginSummary[]): Drawn {
  const color = (m: MarginSummary): string => (m.enforced ? BLUE : LIGHT_BLUE);
  return drawn({
    width: 520,
    height: Math.max(60, 24 * margins.length),
    x: { title: 'probability the constraint holds [%]', domain: [0, 100] },
    y: { kind: 'band', title: null, categories: margins.map((m) => m.name) },
    marks: [
      { type: 'bars', bars: margins.map((m) => ({ x: [0, 100 * m.holds.estimate], y: m.name, color: color(m) })) },
      {
        type: 'segments',
        color: '#222',
        segments: margins.map((m) => ({ x1: 100 * m.holds.lower, y1: m.name, x2: 100 * m.holds.upper, y2: m.name })),
      },
    ],
    legends: [
      {
        title: null,
        entries: [
          { name: 'enforced', color: BLUE },
          { name: 'check', color: LIGHT_BLUE },
        ],
      },
    ],
  });
}

/**
 * Tornado: output with each input at its p5 and at its p95 (others at the design's value), bars from the nominal
 * output.
 */
export function tornadoSvg(t: TornadoOutput, maxBars = 12): Drawn {
  const bars = t.bars.filter((b) => Number.isFinite(b.swing) && b.swing > 0).slice(0, maxBars);
  const names = bars.map((b) => shortInput(b.input));
  const ends = bars.flatMap((b) => [b.outputAtLow, b.outputAtHigh]);
  return drawn({
    width: 520,
    height: Math.max(60, 26 * bars.length),
    x: { title: axisLabel(t.output, t.unit), domain: extent([t.nominalOutput, ...ends]), nice: true },
    y: { kind: 'band', title: null, categories: names },
    marks: [
      {
        type: 'bars',
        opacity: 0.9,
        bars: bars.flatMap((b, i) => [
          { x: [t.nominalOutput, b.outputAtLow] as const, y: names[i]!, color: ORANGE },
          { x: [t.nominalOutput, b.outputAtHigh] as const, y: names[i]!, color: BLUE },
        ]),
      },
      { type: 'rule', at: { x: t.nominalOutput }, color: NOMINAL_COLOR, width: 1.5 },
    ],
    legends: [
      {
        title: null,
        entries: [
          { name: 'input at p5', color: ORANGE },
          { name: 'input at p95', color: BLUE },
          { name: 'nominal output', color: NOMINAL_COLOR, symbol: 'line' },
        ],
      },
    ],
  });
}

/** Sobol' first-order and total indices with bootstrap intervals, ranked by total. */
export function sobolSvg(s: SobolOutput, maxBars = 12): Drawn {
  const top = s.indices.filter((i) => i.total > 1e-3 || i.first > 1e-3).slice(0, maxBars);
  const names = top.map((i) => shortInput(i.input));
  const rows = top.flatMap((i, k) => [
    { y: names[k]!, sub: [0, 2] as const, v: i.first, lo: i.firstLow, hi: i.firstHigh, color: TEAL },
    { y: names[k]!, sub: [1, 2] as const, v: i.total, lo: i.totalLow, hi: i.totalHigh, color: BLUE },
  ]);
  return drawn({
    width: 520,
    height: Math.max(60, 34 * top.length),
    x: { title: "Sobol' index [-]", domain: extent([0, ...rows.flatMap((r) => [r.v, r.lo, r.hi])]), nice: true },
    y: { kind: 'band', title: null, categories: names },
    marks: [
      { type: 'bars', bars: rows.map((r) => ({ x: [0, r.v] as const, y: r.y, sub: r.sub, color: r.color })) },
      {
        type: 'segments',
        color: '#222',
        segments: rows.map((r) => ({ x1: r.lo, y1: r.y, x2: r.hi, y2: r.y, sub: r.sub })),
      },
    ],
    legends: [
      {
        title: null,
        entries: [
          { name: 'first order S_i', color: TEAL },
          { name: 'total S_Ti', color: BLUE },
        ],
      },
    ],
  });
}

/** LCOC and terrestrial LCOC over one input's range, with the break-even and the nominal value marked. */
export function breakEvenSvg(b: BreakEven): Drawn {
  const log = b.curve.length > 2 && b.curve.every((c) => c.x > 0) && b.domain.hi / Math.max(b.domain.lo, 1e-300) >= 100;
  const pts = b.curve.filter((c) => !log || c.x > 0);
  const ys = pts.flatMap((c) => [c.lcoc, c.terrestrial]).filter((v) => v > 0 && Number.isFinite(v));
  const xs = [...pts.map((c) => c.x), ...(b.root !== null ? [b.root] : []), ...(b.nominal !== null ? [b.nominal] : [])];
  const xTitle = axisLabel(b.path.replace(/^catalogs\.chips\.[^.]+\./, 'chip.'), b.unit);
  const marks: Mark[] = [
    { type: 'line', points: pts.map((c) => ({ x: c.x, y: c.lcoc })), color: BLUE },
    { type: 'line', points: pts.map((c) => ({ x: c.x, y: c.terrestrial })), color: GREEN },
    ...(b.root !== null ? [{ type: 'rule' as const, at: { x: b.root }, color: NOMINAL_COLOR, width: 1.5 }] : []),
    ...(b.nominal !== null
      ? [{ type: 'rule' as const, at: { x: b.nominal }, color: '#777', width: 1.5, dash: '4,3' }]
      : []),
  ];
  return drawn({
    width: 460,
    height: 240,
    x: { kind: log ? 'log' : 'linear', title: xTitle, domain: extent(xs), nice: !log },
    y: {
      kind: 'log',
      title: 'cost of delivered compute, programme, discounted [USD/PFLOP-day]',
      domain: ys.length ? extent(ys) : [1, 10],
      nice: true,
    },
    marks,
    legends: [
      {
        title: null,
        entries: [
          { name: 'LCOC (space)', color: BLUE, symbol: 'line' },
          { name: 'terrestrial LCOC', color: GREEN, symbol: 'line' },
          ...(b.root !== null ? [{ name: 'break-even', color: NOMINAL_COLOR, symbol: 'line' as const }] : []),
          ...(b.nominal !== null ? [{ name: 'design value', color: '#777', symbol: 'dash' as const }] : []),
        ],
      },
    ],
  });
}
