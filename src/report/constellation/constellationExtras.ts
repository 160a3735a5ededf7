/**
 * Constellation report views of the per-instant network, the self-conjunction screening and the launch
 * manifest: link utilisation by link class over the sampled instants, the closest approaches between the
 * design's own satellites (a table and a distance-over-time chart), and the launches per vehicle and shell.
 * Pure functions of plain rows returning static SVG written directly (extrasChart.ts: the same picture as the
 * vega-lite specs they replace, without vega's CPU) or table cells.
 */
import { maxOf, minOf } from '../../base/arrays.js';
import { fmt } from '../../base/numberFormat.js';
import { PALETTE } from '../plots/plots.js';
import { circleMark, linear, niceMax, px, squareMark, text, TEXT_WIDTH_EM, tickFormat, ticks } from '../plots/svg.js';
import {
  type AxisSpec,
  chartSvg,
  frameAxes,
  linearTicks,
  placeFrame,
  pointMarks,
  polyline,
  ruleAt,
  tickCount,
  titleBlock,
} from './extrasChart.js';

export interface UtilizationRow {
  readonly instant: number;
  /** Time of the instant since the epoch [s]. */
  readonly time_s: number;
  readonly linkClass: string;
  /** Mean and maximum utilisation of the class's links at that instant [-]. */
  readonly mean: number;
  readonly max: number;
}

/**
 * Link utilisation per link class over the evaluated instants: mean (solid) and maximum (dashed) against time, 1 =
 * saturated; at one instant, bars of each class's mean and maximum, the title saying so (a line needs two instants).
 */
export async function utilizationByClassSvg(rows: readonly UtilizationRow[]): Promise<string> {
  const instants = new Set(rows.map((r) => r.instant)).size;
  return instants === 1 ? utilizationOneInstantSvg(rows) : utilizationOverTimeSvg(rows, instants);
}

const STATS = ['mean', 'maximum'] as const;
const UTILIZATION = 'link utilisation [-]';

/** The utilisation axis: 0 to 5 % above the largest value (at least 1, saturation), not rounded. */
function utilizationAxis(rows: readonly UtilizationRow[], top: number, width: number, height: number) {
  const uMax = maxOf([1, ...rows.flatMap((r) => [r.mean, r.max]).filter(Number.isFinite)]);
  const yt = linearTicks(0, uMax * 1.05, tickCount(height));
  const f = placeFrame(top, { labels: yt.labels, title: UTILIZATION }, width, height);
  const sy = linear(0, uMax * 1.05, f.y + height, f.y);
  const y: AxisSpec = { at: yt.values.map(sy), labels: yt.labels, title: UTILIZATION, grid: true };
  return { f, sy, y };
}

/** One instant: grouped bars, class × statistic, with the saturation rule. */
function utilizationOneInstantSvg(rows: readonly UtilizationRow[]): string {
  const classes = [...new Set(rows.map((r) => r.linkClass))];
  const colors = ['#1f77b4', '#d62728'];
  const t_h = (rows[0]?.time_s ?? 0) / 3600;
  const head = titleBlock('Link utilisation by link class, one instant', [
    `one instant, ${fmt(t_h)} h from the epoch (one snapshot evaluated)`,
    `mean and maximum over each class's links; dotted: saturation (1)`,
  ]);
  const { f, sy, y } = utilizationAxis(rows, head.bottom, Math.max(240, 90 * classes.length), 240);
  // band scale: inner padding 0.1, outer 0.05 of a step (vega-lite's bar defaults), mean and maximum side by side
  const step = f.width / classes.length,
    half = (0.9 * step) / 2;
  const start = (i: number): number => f.x + step * (0.05 + i);
  const bars = rows.flatMap((r) =>
    [r.mean, r.max].flatMap((u, k) => {
      if (!Number.isFinite(u)) return [];
      const x = start(classes.indexOf(r.linkClass)) + k * half;
      return [`<path d="M${px(x)},${px(sy(u))}h${px(half)}V${px(sy(0))}h${px(-half)}Z" fill="${colors[k]}"/>`];
    }),
  );
  // every class named (vega-lite drops no nominal label), cut to its band's width
  const fit = Math.max(3, Math.floor(step / (11 * TEXT_WIDTH_EM)));
  const labels = classes.map((c) => (c.length > fit ? `${c.slice(0, fit - 1)}…` : c));
  const x: AxisSpec = {
    at: classes.map((_, i) => start(i) + half),
    labels,
    title: 'link class',
    grid: false,
    overlap: 'none',
  };
  const body = `${frameAxes(f, x, y)}<g class="mark-rect role-mark">${bars.join('')}</g>${ruleAt(f, sy(1), '2,2')}`;
  const legend = { title: 'statistic', entries: STATS.map((s, k) => ({ name: s, mark: squareMark(colors[k]!) })) };
  return chartSvg(head, f, body, [legend], UTILIZATION);
}

/** Several instants: one line per class and statistic against time. */
function utilizationOverTimeSvg(rows: readonly UtilizationRow[], instants: number): string {
  const classes = [...new Set(rows.map((r) => r.linkClass))];
  const dashes = ['', ' stroke-dasharray="5,3"'];
  const series = classes.flatMap((c, i) =>
    STATS.map((_, k) => ({
      color: PALETTE[i % PALETTE.length]!,
      dash: dashes[k]!,
      points: rows
        .filter((r) => r.linkClass === c && Number.isFinite(k === 0 ? r.mean : r.max))
        .map((r) => ({ t: r.time_s / 3600, u: k === 0 ? r.mean : r.max }))
        .sort((p, q) => p.t - q.t),
    })),
  );
  const times = series.flatMap((s) => s.points.map((p) => p.t));
  // no finite value at all: an empty plot over [0, 1] h
  const t0 = times.length ? minOf(times) : 0,
    t1 = times.length ? maxOf(times) : 1;
  const head = titleBlock('Link utilisation by link class over time', [
    `${instants} instants, ${classes.length} link class(es); mean and maximum over each class's links; dotted: saturation (1)`,
  ]);
  const { f, sy, y } = utilizationAxis(rows, head.bottom, 640, 260);
  const sx = linear(t0, t1, f.x, f.x + f.width);
  const xt = linearTicks(t0, t1, tickCount(f.width));
  const x: AxisSpec = { at: xt.values.map(sx), labels: xt.labels, title: 'time since epoch [h]', grid: true };
  const lines = series
    .filter((s) => s.points.length > 0)
    .map((s) =>
      polyline(
        s.points.map((p) => ({ x: sx(p.t), y: sy(p.u) })),
        `stroke="${s.color}"${s.dash}`,
      ),
    );
  const dots = series.flatMap((s) => s.points.map((p) => ({ x: sx(p.t), y: sy(p.u), color: s.color })));
  const body =
    frameAxes(f, x, y) +
    ruleAt(f, sy(1), '2,2') +
    `<g class="mark-line role-mark" fill="none" stroke-width="1.8">${lines.join('')}</g>${pointMarks(dots)}`;
  const legends = [
    {
      title: 'link class',
      entries: classes.map((c, i) => ({ name: c, mark: circleMark(PALETTE[i % PALETTE.length]!) })),
    },
    {
      title: 'statistic',
      entries: STATS.map((s, k) => ({
        name: s,
        mark: `<path class="role-legend-symbol" d="M-8,0H8" stroke="#333" stroke-width="1.8"${dashes[k]}/>`,
      })),
    },
  ];
  return chartSvg(head, f, body, legends, UTILIZATION);
}

export interface ConjunctionPair {
  readonly a: string;
  readonly b: string;
  readonly distance_km: number;
  /** First closest approach after the epoch [s]; null between shells (their relative phase drifts). */
  readonly time_s: number | null;
  /** Satellite pairs with the same closest approach (the pattern's symmetry); default 1. */
  readonly pairs?: number;
}

/** Rows of the conjunction table: at most this many closest approaches. */
export const MAX_CONJUNCTION_ROWS = 25;

export interface ReportTableData {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** Closest approaches first (ties by time), at most MAX_CONJUNCTION_ROWS rows. */
export function conjunctionTable(pairs: readonly ConjunctionPair[]): ReportTableData {
  const sorted = [...pairs].sort(
    (p, q) => p.distance_km - q.distance_km || (p.time_s ?? Infinity) - (q.time_s ?? Infinity),
  );
  return {
    headers: ['rank', 'satellite A', 'satellite B', 'miss distance [km]', 'time since epoch [h]', 'pairs alike [-]'],
    rows: sorted
      .slice(0, MAX_CONJUNCTION_ROWS)
      .map((p, i) => [
        String(i + 1),
        p.a,
        p.b,
        fmt(p.distance_km),
        p.time_s === null ? 'drifts (between shells)' : fmt(p.time_s / 3600),
        fmt(p.pairs ?? 1),
      ]),
  };
}

/** Ticks of a log axis over [10^e0, 10^e1]: 1…9 × 10^e within a few decades, else the powers of ten (d3's rule). */
function logTicks(e0: number, e1: number, count: number): { values: number[]; labels: string[]; powers: number[] } {
  const values =
    e1 - e0 < count
      ? Array.from({ length: e1 - e0 }, (_, i) => [1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => k * 10 ** (e0 + i)))
          .flat()
          .concat(10 ** e1)
      : ticks(e0, e1, count).values.map((e) => 10 ** e);
  const exponents = values.map((v) => Math.log10(v));
  const labels = values.map((v, i) => tickFormat(10 ** Math.floor(exponents[i]! + 1e-9))(v));
  const powers = exponents.flatMap((e, i) => (Math.abs(e - Math.round(e)) < 1e-9 ? [i] : []));
  return { values, labels, powers };
}

/**
 * Miss distance [km, log scale] of every screened pair against time: where and how close the design's satellites pass.
 */
export async function conjunctionsSvg(pairs: readonly ConjunctionPair[]): Promise<string> {
  // A log axis cannot show 0 km: such pairs (coincident satellites) stay in the table only.
  // Between-shell entries have no time (their relative phase drifts): table only.
  const values = pairs
    .filter((p) => p.distance_km > 0 && Number.isFinite(p.distance_km) && p.time_s !== null)
    .map((p) => ({ t: p.time_s! / 3600, d: p.distance_km, pair: `${p.a} – ${p.b}` }));
  const closest = values.reduce<(typeof values)[number] | null>((m, v) => (m === null || v.d < m.d ? v : m), null);
  const head = titleBlock("Closest approaches between the design's satellites", [
    closest === null
      ? 'no conjunction reported'
      : `${values.length} pair(s); closest ${fmt(closest.d)} km (${closest.pair}) at ${fmt(closest.t)} h`,
  ]);
  const width = 560,
    height = 220;
  // the distance axis spans whole decades (vega's nice log domain); time starts at 0 and ends on a tick
  const logs = values.map((v) => Math.log10(v.d));
  const e0 = values.length ? Math.floor(minOf(logs)) : 0;
  const e1 = Math.max(e0 + 1, values.length ? Math.ceil(maxOf(logs)) : 1);
  const yt = logTicks(e0, e1, tickCount(height));
  const title = 'miss distance [km]';
  const f = placeFrame(head.bottom, { labels: yt.labels, title }, width, height);
  const ly = linear(e0, e1, f.y + height, f.y);
  const sy = (d: number): number => ly(Math.log10(d));
  const y: AxisSpec = {
    at: yt.values.map(sy),
    labels: yt.labels,
    title,
    grid: true,
    overlap: 'greedy',
    first: yt.powers,
  };
  const tMax = niceMax(maxOf([0, ...values.map((v) => v.t)]), tickCount(width));
  const sx = linear(0, tMax, f.x, f.x + width);
  const xt = linearTicks(0, tMax, tickCount(width));
  const x: AxisSpec = { at: xt.values.map(sx), labels: xt.labels, title: 'time since epoch [h]', grid: true };
  const dots = pointMarks(
    values.map((v) => ({ x: sx(v.t), y: sy(v.d), color: '#d62728' })),
    0.7,
  );
  return chartSvg(head, f, frameAxes(f, x, y) + dots, [], title);
}

export interface LaunchManifestRow {
  readonly vehicle: string;
  readonly shell: string;
  readonly launches: number;
  readonly satellites: number;
}

/** Satellites launched per vehicle, stacked by shell, each segment labelled with its launch count. */
export async function launchManifestSvg(rows: readonly LaunchManifestRow[]): Promise<string> {
  const vehicles = [...new Set(rows.map((r) => r.vehicle))];
  const shells = [...new Set(rows.map((r) => r.shell))];
  // Segments stacked in shell order per vehicle.
  const ends = new Map<string, number>();
  const segments = [...rows]
    .sort((p, q) => shells.indexOf(p.shell) - shells.indexOf(q.shell))
    .map((r) => {
      const start = ends.get(r.vehicle) ?? 0;
      ends.set(r.vehicle, start + r.satellites);
      return { ...r, start, text: `${fmt(r.launches)} launches` };
    });
  const nMax = maxOf([1, ...ends.values()]);
  const width = 600,
    height = Math.max(40, 40 * vehicles.length);
  const totals = vehicles.map(
    (v) => `${v}: ${fmt(rows.filter((r) => r.vehicle === v).reduce((a, r) => a + r.launches, 0))} launches`,
  );
  const head = titleBlock('Launch manifest by vehicle and shell', [totals.join('; ')]);
  const yTitle = 'launch vehicle [-]';
  const f = placeFrame(head.bottom, { labels: vehicles, title: yTitle }, width, height);
  const sx = linear(0, nMax * 1.02, f.x, f.x + width);
  // band scale as vega-lite's bars (inner padding 0.1, outer 0.05 of a step), each bar 0.7 of its band
  const step = height / vehicles.length;
  const mid = (v: string): number => f.y + step * (vehicles.indexOf(v) + 0.5);
  const thick = 0.7 * 0.9 * step;
  const color = (s: string): string => PALETTE[shells.indexOf(s) % PALETTE.length]!;
  const bars = segments.map(
    (r) =>
      `<path d="M${px(sx(r.start))},${px(mid(r.vehicle) - thick / 2)}h${px(sx(r.satellites) - sx(0))}v${px(thick)}` +
      `h${px(sx(0) - sx(r.satellites))}Z" fill="${color(r.shell)}"/>`,
  );
  // A segment label only where it fits (≈ 6 px per character at 10 px).
  const labels = segments
    .filter((r) => (r.satellites / (nMax * 1.02)) * width > r.text.length * 6 + 8)
    .map((r) =>
      text(sx(r.start + r.satellites / 2), mid(r.vehicle), r.text, {
        size: 10,
        anchor: 'middle',
        baseline: 'middle',
        color: 'white',
      }),
    );
  const xt = linearTicks(0, nMax * 1.02, tickCount(width));
  const x: AxisSpec = { at: xt.values.map(sx), labels: xt.labels, title: 'satellites launched [-]', grid: true };
  const y: AxisSpec = { at: vehicles.map(mid), labels: vehicles, title: yTitle, grid: false, overlap: 'none' };
  const body =
    frameAxes(f, x, y) +
    `<g class="mark-rect role-mark" stroke="white" stroke-width="1">${bars.join('')}</g>` +
    `<g class="mark-text role-mark">${labels.join('')}</g>`;
  const legend = { title: 'shell', entries: shells.map((s) => ({ name: s, mark: squareMark(color(s)) })) };
  return chartSvg(head, f, body, [legend], yTitle);
}
