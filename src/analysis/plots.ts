/**
 * vega-lite specs of the uncertainty and sensitivity reports, rendered to static SVG by src/report/plots/plots.ts
 * `renderSvg` (no JavaScript, no network). Every axis title carries its unit; data are plain, already reduced
 * (histogram bins, at most 400 CDF points, the top bars).
 */
import { axisLabel, samplePositions, topLegendColor } from '../report/plots/plots.js';
import type { BreakEven } from './breakEven.js';
import type { SobolOutput, TornadoOutput } from './sensitivity.js';
import type { MarginSummary, OutputSummary } from './uncertainty.js';

/** Input path without the `catalogs.` prefix, for axis labels. */
export const shortInput = (path: string): string => path.replace(/^catalogs\./, '');

const NOMINAL_COLOR = '#b3261e';

/** Rules at the nominal design (solid red) and at p5 and p95 (dashed grey), layered on both panels. */
function quantileRules(o: OutputSummary): Record<string, unknown> {
  const marks = [
    ...(o.nominal !== null ? [{ x: o.nominal, what: 'nominal design' }] : []),
    { x: o.p5, what: 'p5 / p95' },
    { x: o.p95, what: 'p5 / p95' },
  ];
  return {
    data: { values: marks },
    mark: { type: 'rule', strokeWidth: 1.5 },
    encoding: {
      x: { field: 'x', type: 'quantitative' },
      color: topLegendColor('what', ['nominal design', 'p5 / p95'], [NOMINAL_COLOR, '#555']),
      strokeDash: {
        field: 'what',
        type: 'nominal',
        scale: {
          domain: ['nominal design', 'p5 / p95'],
          range: [
            [1, 0],
            [4, 3],
          ],
        },
        legend: null,
      },
    },
  };
}

/** Histogram (counts per bin) and empirical CDF of one output, with the nominal design and p5/p95 marked. */
export function distributionSpec(o: OutputSummary, values: readonly number[]): Record<string, unknown> {
  const title = axisLabel(o.path, o.unit);
  const bins = o.histogram.bins.map((b) => ({
    lo: b.lower,
    hi: b.upper === b.lower ? b.lower + Math.abs(b.lower) * 1e-9 + 1e-12 : b.upper,
    count: b.count,
  }));
  const sorted = [...values].sort((a, b) => a - b);
  const cdf = samplePositions(sorted.length, 400).map((i) => ({ x: sorted[i]!, F: (i + 1) / sorted.length }));
  const rules = quantileRules(o);
  const x = { title, scale: { zero: false } };
  return {
    hconcat: [
      {
        width: 360,
        height: 220,
        title: 'Histogram',
        layer: [
          {
            data: { values: bins },
            mark: { type: 'bar', color: '#4c78a8', opacity: 0.85 },
            encoding: {
              x: { field: 'lo', type: 'quantitative', bin: { binned: true }, ...x },
              x2: { field: 'hi' },
              y: { field: 'count', type: 'quantitative', title: 'samples [-]' },
            },
          },
          rules,
        ],
      },
      {
        width: 360,
        height: 220,
        title: 'Empirical CDF',
        layer: [
          {
            data: { values: cdf },
            mark: { type: 'line', interpolate: 'step-after', color: '#4c78a8', strokeWidth: 2 },
            encoding: {
              x: { field: 'x', type: 'quantitative', ...x },
              y: { field: 'F', type: 'quantitative', title: 'cumulative probability [-]', scale: { domain: [0, 1] } },
            },
          },
          rules,
        ],
      },
    ],
    config: { concat: { spacing: 40 } },
  };
}

/** P(constraint holds) with its Wilson interval, one bar per constraint. */
export function constraintSpec(margins: readonly MarginSummary[]): Record<string, unknown> {
  const values = margins.map((m) => ({
    name: m.name,
    p: 100 * m.holds.estimate,
    lo: 100 * m.holds.lower,
    hi: 100 * m.holds.upper,
    kind: m.enforced ? 'enforced' : 'check',
  }));
  const y = { field: 'name', type: 'nominal', title: null, sort: null };
  return {
    width: 520,
    height: Math.max(60, 24 * values.length),
    data: { values },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          y,
          x: {
            field: 'p',
            type: 'quantitative',
            title: 'probability the constraint holds [%]',
            scale: { domain: [0, 100] },
          },
          color: topLegendColor('kind', ['enforced', 'check'], ['#4c78a8', '#9ecae9']),
        },
      },
      {
        mark: { type: 'rule', color: '#222' },
        encoding: { y, x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } },
      },
    ],
  };
}

/**
 * Tornado: output with each input at its p5 and at its p95 (others at the design's value), bars from the nominal
 * output.
 */
export function tornadoSpec(t: TornadoOutput, maxBars = 12): Record<string, unknown> {
  const bars = t.bars.filter((b) => Number.isFinite(b.swing) && b.swing > 0).slice(0, maxBars);
  const order = bars.map((b) => shortInput(b.input));
  const values = bars.flatMap((b) => [
    { input: shortInput(b.input), end: 'input at p5', from: t.nominalOutput, to: b.outputAtLow },
    { input: shortInput(b.input), end: 'input at p95', from: t.nominalOutput, to: b.outputAtHigh },
  ]);
  return {
    width: 520,
    height: Math.max(60, 26 * bars.length),
    layer: [
      {
        data: { values },
        mark: { type: 'bar', opacity: 0.9 },
        encoding: {
          y: { field: 'input', type: 'nominal', title: null, sort: order, axis: { labelLimit: 460 } },
          x: { field: 'from', type: 'quantitative', title: axisLabel(t.output, t.unit), scale: { zero: false } },
          x2: { field: 'to' },
          color: topLegendColor('end', ['input at p5', 'input at p95'], ['#f58518', '#4c78a8']),
        },
      },
      {
        data: { values: [{ x: t.nominalOutput }] },
        mark: { type: 'rule', color: NOMINAL_COLOR, strokeWidth: 1.5 },
        encoding: { x: { field: 'x', type: 'quantitative' } },
      },
    ],
  };
}

/** Sobol' first-order and total indices with bootstrap intervals, ranked by total. */
export function sobolSpec(s: SobolOutput, maxBars = 12): Record<string, unknown> {
  const top = s.indices.filter((i) => i.total > 1e-3 || i.first > 1e-3).slice(0, maxBars);
  const order = top.map((i) => shortInput(i.input));
  const values = top.flatMap((i) => [
    { input: shortInput(i.input), index: 'first order S_i', v: i.first, lo: i.firstLow, hi: i.firstHigh },
    { input: shortInput(i.input), index: 'total S_Ti', v: i.total, lo: i.totalLow, hi: i.totalHigh },
  ]);
  const y = { field: 'input', type: 'nominal', title: null, sort: order, axis: { labelLimit: 460 } };
  const yOffset = { field: 'index', type: 'nominal', sort: ['first order S_i', 'total S_Ti'] };
  return {
    width: 520,
    height: Math.max(60, 34 * top.length),
    data: { values },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          y,
          yOffset,
          x: { field: 'v', type: 'quantitative', title: "Sobol' index [-]" },
          color: topLegendColor('index', ['first order S_i', 'total S_Ti'], ['#72b7b2', '#4c78a8']),
        },
      },
      {
        mark: { type: 'rule', color: '#222' },
        encoding: { y, yOffset, x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } },
      },
    ],
  };
}

/** LCOC and terrestrial LCOC over one input's range, with the break-even and the nominal value marked. */
export function breakEvenSpec(b: BreakEven): Record<string, unknown> {
  const log = b.curve.length > 2 && b.curve.every((c) => c.x > 0) && b.domain.hi / Math.max(b.domain.lo, 1e-300) >= 100;
  const pts = b.curve.filter((c) => !log || c.x > 0);
  const values = pts.flatMap((c) => [
    { x: c.x, y: c.lcoc, what: 'LCOC (space)' },
    { x: c.x, y: c.terrestrial, what: 'terrestrial LCOC' },
  ]);
  const marks = [
    ...(b.root !== null ? [{ x: b.root, what: 'break-even' }] : []),
    ...(b.nominal !== null ? [{ x: b.nominal, what: 'design value' }] : []),
  ];
  const xTitle = axisLabel(b.path.replace(/^catalogs\.chips\.[^.]+\./, 'chip.'), b.unit);
  const names = ['LCOC (space)', 'terrestrial LCOC', 'break-even', 'design value'];
  const color = {
    field: 'what',
    type: 'nominal',
    title: null,
    scale: { domain: names, range: ['#4c78a8', '#54a24b', NOMINAL_COLOR, '#777'] },
    legend: { orient: 'top', symbolType: 'stroke', symbolStrokeWidth: 2 },
  };
  const strokeDash = {
    field: 'what',
    type: 'nominal',
    scale: {
      domain: names,
      range: [
        [1, 0],
        [1, 0],
        [1, 0],
        [4, 3],
      ],
    },
    legend: null,
  };
  const x = { field: 'x', type: 'quantitative', title: xTitle, scale: log ? { type: 'log' } : { zero: false } };
  return {
    width: 460,
    height: 240,
    layer: [
      {
        data: { values },
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          x,
          y: {
            field: 'y',
            type: 'quantitative',
            title: 'cost of delivered compute, programme, discounted [USD/PFLOP-day]',
            scale: { type: 'log' },
          },
          color,
          strokeDash,
        },
      },
      ...(marks.length
        ? [{ data: { values: marks }, mark: { type: 'rule', strokeWidth: 1.5 }, encoding: { x, color, strokeDash } }]
        : []),
    ],
  };
}
