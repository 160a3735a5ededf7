/**
 * Constellation report plots over time and per design: gateway contact timeline, launch campaign and cost breakdown,
 * written directly as SVG with svg.ts's primitives: loading and running vega for them costs more CPU than drawing them
 * (see svgPlots.ts). They follow vega-lite's layout (band rows, bar sizes, legends) and keep vega's class names
 * (mark-rect, mark-rule, mark-line, mark-text, role-axis-*, role-legend, role-title) for tests and the report CSS.
 * Simpler than vega: x ticks at svg.ts axes' count (about one per 80 px; vega draws one per 40 px and hides every
 * other label), design labels cut to 180 px by estimated width, the cost axis made nice at that count (d3's `nice`).
 */
import { maxOf } from '../../base/arrays.js';
import { fmt } from '../../base/numberFormat.js';
import { samplePositions } from '../plots/plots.js';
import {
  axes,
  circleMark,
  type Frame,
  LEGEND_OFFSET,
  linear,
  niceMax,
  PAD,
  px,
  squareMark,
  svgDocument,
  text,
  textWidth,
  yAxisWidth,
} from '../plots/svg.js';
import { legend } from '../plots/svgPlots.js';

/** At most this many contact bars are drawn; beyond it short gaps are bridged (stated in the title). */
export const MAX_CONTACT_BARS = 2000;
/** At most this many deployment points are drawn (evenly sampled beyond it, stated in the title). */
export const MAX_DEPLOYMENT_POINTS = 5000;

/** Distinct labels in order (a repeated label gets ` (2)`, ` (3)` …), so nominal axes keep every row. */
export function uniqueLabels(labels: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return labels.map((l) => {
    const n = (seen.get(l) ?? 0) + 1;
    seen.set(l, n);
    return n === 1 ? l : `${l} (${n})`;
  });
}

/** Run-length encoding of a 0/1 series: [start, end) sample indices of the runs of non-zero values. */
export function contactIntervals(inContact: ArrayLike<number>): [number, number][] {
  const out: [number, number][] = [];
  let start = -1;
  for (let i = 0; i < inContact.length; i++) {
    if (inContact[i]) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push([start, i]);
      start = -1;
    }
  }
  if (start >= 0) out.push([start, inContact.length]);
  return out;
}

/** Joins intervals separated by at most `gap` samples. */
export function bridgeGaps(intervals: readonly (readonly [number, number])[], gap: number): [number, number][] {
  const out: [number, number][] = [];
  for (const [a, b] of intervals) {
    const last = out[out.length - 1];
    if (last && a - last[1] <= gap) last[1] = b;
    else out.push([a, b]);
  }
  return out;
}

export interface ContactTimelineInput {
  /** Sample step [s]. */
  readonly step_s: number;
  readonly stations: readonly { readonly name: string; readonly inContact: ArrayLike<number> }[];
}

/** Complement of `intervals` within [0, samples): the gaps, [start, end) sample indices. */
export function gapIntervals(intervals: readonly (readonly [number, number])[], samples: number): [number, number][] {
  const out: [number, number][] = [];
  let at = 0;
  for (const [a, b] of intervals) {
    if (a > at) out.push([at, a]);
    at = Math.max(at, b);
  }
  if (samples > at) out.push([at, samples]);
  return out;
}

export interface ContactSummary {
  /** Share of samples in contact [-]. */
  readonly fraction: number;
  readonly gaps: number;
  /** Longest gap [s] (samples × step; 0 when none) and where it is ([start, end) sample indices, or null). */
  readonly longestGap_s: number;
  readonly longest: readonly [number, number] | null;
}

/** Contact share, gap count and longest gap of one station's 0/1 series sampled every step_s. */
export function contactSummary(inContact: ArrayLike<number>, step_s: number): ContactSummary {
  const n = inContact.length;
  const gaps = gapIntervals(contactIntervals(inContact), n);
  let on = 0;
  for (let i = 0; i < n; i++) if (inContact[i]) on++;
  const longest = gaps.reduce<[number, number] | null>(
    (m, g) => (m === null || g[1] - g[0] > m[1] - m[0] ? g : m),
    null,
  );
  return {
    fraction: n ? on / n : 0,
    gaps: gaps.length,
    longestGap_s: longest ? (longest[1] - longest[0]) * step_s : 0,
    longest,
  };
}

/** At most this many characters per station row label (about 360 px at 11 px): long names are cut, never the stats. */
const ROW_LABEL_CHARS = 56;

/** `34 min` or `2.5 h`. */
const duration = (s: number): string => (s >= 5400 ? `${fmt(s / 3600, 2)} h` : `${fmt(s / 60, 2)} min`);

/** Row labels: station name (shortened to fit), contact share, gaps and the longest gap. */
function stationLabels(
  stations: ContactTimelineInput['stations'],
  summaries: readonly ReturnType<typeof contactSummary>[],
): string[] {
  return uniqueLabels(
    uniqueLabels(stations.map((s) => s.name)).map((n, i) => {
      const c = summaries[i]!;
      const gaps =
        c.gaps === 0 ? 'no gap' : `${c.gaps} gap${c.gaps > 1 ? 's' : ''}, longest ${duration(c.longestGap_s)}`;
      const stats = `: ${fmt(100 * c.fraction, 3)} %, ${gaps}`;
      // Long station names are shortened here, so the statistics always show.
      const room = Math.max(8, ROW_LABEL_CHARS - stats.length);
      return `${n.length > room ? `${n.slice(0, room - 1)}…` : n}${stats}`;
    }),
  );
}

/**
 * Contact and gap bars per station (row index), in hours; with too many intervals to draw, gaps up to a doubling
 * length are bridged until they fit (said in `merged`).
 */
function contactBars(
  stations: ContactTimelineInput['stations'],
  samples: number,
  step_s: number,
): { bars: { row: number; t0: number; t1: number; contact: boolean }[]; merged: string } {
  const raw = stations.map((s) => contactIntervals(s.inContact));
  let runs = raw;
  let gap = 0;
  const total = (r: readonly unknown[][]): number => r.reduce((n, x) => n + x.length, 0);
  while (total(runs) > MAX_CONTACT_BARS && gap < samples) {
    gap = gap === 0 ? 1 : 2 * gap;
    runs = raw.map((r) => bridgeGaps(r, gap));
  }
  const h = step_s / 3600;
  const bars = runs.flatMap((r, row) => [
    ...r.map(([a, b]) => ({ row, t0: a * h, t1: b * h, contact: true })),
    ...gapIntervals(r, stations[row]!.inContact.length).map(([a, b]) => ({
      row,
      t0: a * h,
      t1: b * h,
      contact: false,
    })),
  ]);
  const merged =
    gap > 0
      ? `; gaps up to ${fmt((gap * step_s) / 60)} min bridged to draw ${total(runs)} of ${total(raw)} contact intervals`
      : '';
  return { bars, merged };
}

/** The longest gap's length inside its bar where it fits (≈ 6 px per character at 10 px; plot width px over tMax h). */
function gapLabels(
  summaries: readonly ReturnType<typeof contactSummary>[],
  h: number,
  plot: { width: number; tMax: number },
): { row: number; t: number; text: string }[] {
  return summaries.flatMap((c, row) => {
    if (c.longest === null) return [];
    const text = duration(c.longestGap_s);
    const [a, b] = c.longest;
    return ((b - a) * h * plot.width) / plot.tMax > text.length * 6 + 6 ? [{ row, t: ((a + b) / 2) * h, text }] : [];
  });
}

/** No y ticks: an empty y domain gives svg.ts `axes` no tick values, for plots whose rows are categories. */
const NO_Y = { domain: [NaN, NaN] as const, title: null };

/** The title (14 px bold) and subtitle (12 px) at the top left, and the top of the plot below them. */
function titleBlock(title: string, subtitle?: string): { svg: string; bottom: number; width: number } {
  const out = [
    `<g class="mark-group role-title"><g class="mark-text role-title-text">`,
    text(PAD, PAD, title, { size: 14, weight: 'bold', baseline: 'top' }),
    '</g>',
  ];
  if (subtitle !== undefined)
    out.push(
      `<g class="mark-text role-title-subtitle">${text(PAD, PAD + 17, subtitle, { size: 12, baseline: 'top' })}</g>`,
    );
  out.push('</g>');
  const width = Math.max(textWidth(title, 14) * 1.1, subtitle === undefined ? 0 : textWidth(subtitle, 12));
  return { svg: out.join(''), bottom: subtitle === undefined ? 23 : 38, width: PAD + width };
}

/** A rotated y axis title centred on the frame's height, its middle at x. */
const yTitle = (x: number, f: Frame, title: string): string =>
  `<g class="mark-text role-axis-title">${text(x, f.y + f.height / 2, title, { size: 12, anchor: 'middle', rotate: -90 })}</g>`;

/**
 * Row centres of a band scale over the frame's height (vega-lite's bar defaults: inner padding 0.1 and outer 0.05 of a
 * step, so n rows take steps of height / n) and the height of a bar 0.7 of the band.
 */
function bandRows(f: Frame, n: number): { centre: (i: number) => number; bar: number } {
  const step = f.height / Math.max(1, n);
  return { centre: (i) => f.y + step * (i + 0.5), bar: 0.7 * 0.9 * step };
}

/** Room left of the frame for row labels at 11 px and, with a title, the rotated title. */
const rowAxisWidth = (labels: readonly string[], titled: boolean): number =>
  7 + maxOf([0, ...labels.map((l) => textWidth(l, 11))]) + (titled ? 8 + 12 + 4 : 0);

/** The y axis of categories: a tick and an end-anchored label per row, and the rotated title. */
function rowAxis(f: Frame, labels: readonly string[], title: string | null): string {
  const { centre } = bandRows(f, labels.length);
  const out = ['<g class="mark-rule role-axis-tick" stroke="#888" stroke-width="1">'];
  labels.forEach((_, i) =>
    out.push(`<line x1="${px(f.x - 5)}" y1="${px(centre(i))}" x2="${px(f.x)}" y2="${px(centre(i))}"/>`),
  );
  out.push('</g><g class="mark-text role-axis-label">');
  labels.forEach((l, i) => out.push(text(f.x - 7, centre(i), l, { anchor: 'end', baseline: 'middle' })));
  out.push('</g>');
  if (title !== null) out.push(yTitle(f.x - rowAxisWidth(labels, false) - 8, f, title));
  return out.join('');
}

/** A filled rectangle from (x, y), w wide and h high. */
const rect = (x: number, y: number, w: number, h: number, fill: string): string =>
  `<path d="M${px(x)},${px(y)}h${px(w)}v${px(h)}h${px(-w)}Z" fill="${fill}"/>`;

/** An untitled legend in one row from (x, y): a square and the name per entry. */
function rowLegend(x: number, y: number, entries: readonly { name: string; color: string }[]): string {
  const out = ['<g class="mark-group role-legend">'];
  let at = x;
  for (const e of entries) {
    out.push(
      `<g class="role-legend-entry" transform="translate(${px(at + 6)},${px(y + 6)})">${squareMark(e.color)}</g>`,
    );
    out.push(text(at + 16, y + 6, e.name, { size: 12, baseline: 'middle' }));
    at += 16 + textWidth(e.name, 12) + 10;
  }
  out.push('</g>');
  return out.join('');
}

const CONTACT = '#1f77b4';
const GAP = '#f4a6a0';

/**
 * One row per ground station: a blue bar per contact interval and a red bar per gap; each row's label states the
 * contact share, the gaps and the longest one (also written in its bar where it fits), so full contact and gaps
 * differ at a glance.
 */
export async function contactTimelineSvg(input: ContactTimelineInput): Promise<string> {
  const { step_s, stations } = input;
  const samples = maxOf([0, ...stations.map((s) => s.inContact.length)]);
  const summaries = stations.map((s) => contactSummary(s.inContact, step_s));
  const names = stationLabels(stations, summaries);
  const h = step_s / 3600;
  const { bars, merged } = contactBars(stations, samples, step_s);
  const rowStep = stations.length > 40 ? 10 : 22;
  const width = 640,
    tMax = Math.max(samples * h, h);
  const labels = rowStep < 16 ? [] : gapLabels(summaries, h, { width, tMax });
  const head = titleBlock(
    'Gateway contact timeline per ground station',
    `${stations.length} station(s) labelled with contact share and gaps; ${samples} samples of ${fmt(step_s)} s ` +
      `(gap lengths ± one step)${merged}`,
  );
  // The legend sits above the plot, at its left edge; no y axis title: the row labels name the stations.
  const f: Frame = {
    x: Math.ceil(PAD + rowAxisWidth(names, false)),
    y: head.bottom + 30,
    width,
    height: Math.max(40, rowStep * stations.length),
  };
  const sx = linear(0, tMax, f.x, f.x + width);
  const { centre, bar } = bandRows(f, stations.length);
  const out = [
    head.svg,
    rowLegend(f.x, head.bottom, [
      { name: 'contact', color: CONTACT },
      { name: 'gap', color: GAP },
    ]),
    axes(f, { domain: [0, tMax], title: 'time since epoch [h]' }, NO_Y).svg,
    rowAxis(f, names, null),
    '<g class="mark-rect role-mark">',
  ];
  for (const b of bars)
    out.push(rect(sx(b.t0), centre(b.row) - bar / 2, sx(b.t1) - sx(b.t0), bar, b.contact ? CONTACT : GAP));
  out.push('</g><g class="mark-text role-mark">');
  for (const l of labels)
    out.push(
      text(sx(l.t), centre(l.row), l.text, { size: 10, anchor: 'middle', baseline: 'middle', color: '#7f1d1d' }),
    );
  out.push('</g>');
  return svgDocument(Math.max(f.x + width + 10, head.width + PAD), f.y + f.height + 41, out.join(''));
}

export interface LaunchCampaignInput {
  readonly deployment: readonly { readonly time_yr: number; readonly satellites: number }[];
  readonly milestones: readonly {
    readonly fraction: number;
    readonly within_yr: number;
    readonly required: number;
    readonly achieved: number;
    readonly met: boolean;
  }[];
  /** Satellites of the full constellation. */
  readonly satellites: number;
}

const MET = 'milestone met';
const MISSED = 'milestone missed';
const MET_COLOR = '#2ca02c';
const MISSED_COLOR = '#d62728';

/**
 * Each milestone as two dashed rules meeting at (deadline, required satellites) and its label left of the corner,
 * coloured met or missed.
 */
function milestoneMarks(
  milestones: LaunchCampaignInput['milestones'],
  sx: (v: number) => number,
  sy: (v: number) => number,
): string {
  const rules = ['<g class="mark-rule role-mark" stroke-width="1.5" stroke-dasharray="6,3">'];
  const labels = ['<g class="mark-text role-mark">'];
  for (const m of milestones) {
    const color = m.met ? MET_COLOR : MISSED_COLOR;
    const x = px(sx(m.within_yr)),
      y = px(sy(m.required));
    rules.push(`<line x1="${x}" y1="${px(sy(0))}" x2="${x}" y2="${y}" stroke="${color}"/>`);
    rules.push(`<line x1="${px(sx(0))}" y1="${y}" x2="${x}" y2="${y}" stroke="${color}"/>`);
    const label = `${fmt(100 * m.fraction)} % by ${fmt(m.within_yr)} yr: ${fmt(m.achieved)} of ${fmt(m.required)}`;
    labels.push(text(sx(m.within_yr) - 4, sy(m.required) - 6, label, { anchor: 'end', color }));
  }
  return `${rules.join('')}</g>${labels.join('')}</g>`;
}

/** Cumulative satellites in orbit (step line) with each milestone as a corner of two rules at (deadline, required). */
export async function launchCampaignSvg(input: LaunchCampaignInput): Promise<string> {
  const { deployment, milestones, satellites } = input;
  const pos = samplePositions(deployment.length, MAX_DEPLOYMENT_POINTS);
  const steps = pos.map((p) => ({ t: deployment[p]!.time_yr, n: deployment[p]!.satellites }));
  if (steps.length && steps[0]!.t > 0) steps.unshift({ t: 0, n: 0 });
  steps.sort((a, b) => a.t - b.t); // a line runs in x order (vega-lite's default), equal times as given
  const tMax = maxOf([1e-9, ...steps.map((s) => s.t), ...milestones.map((m) => m.within_yr)]);
  const xDomain = [0, tMax * 1.05] as const;
  const nMax = maxOf([1, satellites, ...steps.map((s) => s.n), ...milestones.map((m) => m.required)]);
  const yDomain = [0, nMax * 1.08] as const;
  const met = milestones.filter((m) => m.met).length;
  const head = titleBlock(
    `Launch campaign: ${fmt(satellites)} satellites, ${met} of ${milestones.length} milestone(s) met`,
    `grey dashed: full constellation${pos.length < deployment.length ? `; ${pos.length} of ${deployment.length} deployment points drawn (evenly sampled)` : ''}`,
  );
  const left = yAxisWidth(yDomain, 320);
  const f: Frame = { x: Math.ceil(PAD + left), y: head.bottom, width: 640, height: 320 };
  const sx = linear(xDomain[0], xDomain[1], f.x, f.x + f.width),
    sy = linear(yDomain[0], yDomain[1], f.y + f.height, f.y);
  // step-after: each count holds until the next time
  const d = steps.map((s, i) => (i === 0 ? `M${px(sx(s.t))},${px(sy(s.n))}` : `H${px(sx(s.t))}V${px(sy(s.n))}`));
  const full = px(sy(satellites));
  const lg = legend(f.x + f.width + LEGEND_OFFSET, f.y, 'milestone', [
    {
      name: MET,
      mark: circleMark(MET_COLOR),
    },
    {
      name: MISSED,
      mark: circleMark(MISSED_COLOR),
    },
  ]);
  const body = [
    head.svg,
    axes(f, { domain: xDomain, title: 'time since first launch [yr]' }, { domain: yDomain, title: null }).svg,
    yTitle(f.x - left + 16, f, 'satellites in orbit [-]'),
    `<g class="mark-rule role-mark" stroke="#999" stroke-dasharray="4,4"><line x1="${px(f.x)}" y1="${full}" x2="${px(f.x + f.width)}" y2="${full}"/></g>`,
    `<g class="mark-line role-mark" fill="none" stroke="#1f77b4" stroke-width="2">${d.length ? `<path d="${d.join('')}"/>` : ''}</g>`,
    milestoneMarks(milestones, sx, sy),
    lg.svg,
  ];
  return svgDocument(
    Math.max(f.x + f.width + LEGEND_OFFSET + lg.width + PAD, head.width + PAD),
    f.y + f.height + 41,
    body.join(''),
  );
}

export interface CostBreakdownRow {
  readonly label: string;
  readonly hardware_USD: number;
  readonly launch_USD: number;
  readonly operations_USD: number;
  readonly replacements_USD: number;
  readonly ground_USD: number;
}

export const COST_COMPONENTS = ['hardware', 'launch', 'operations', 'replacements', 'ground'] as const;
const COST_COLORS = ['#4c78a8', '#f58518', '#54a24b', '#e45756', '#b279a2'];
/** Design labels are cut to this width (vega's axis label limit of the reports) [px]. */
const DESIGN_LABEL_LIMIT_px = 180;

/** `s`, cut with … to at most `limit_px` at 11 px (estimated width). */
function fitLabel(s: string, limit_px: number): string {
  const chars = Math.floor(limit_px / textWidth('x', 11));
  return s.length > chars ? `${s.slice(0, chars - 1)}…` : s;
}

/** [0, hi] extended to a multiple of its tick step at svg.ts axes' count, until the step holds (d3's `nice`). */
function niceTop(hi: number, width: number): number {
  const count = Math.max(2, Math.round(width / 80));
  let top = niceMax(hi, count);
  for (let k = 0; k < 10 && niceMax(top, count) !== top; k++) top = niceMax(top, count);
  return top;
}

/** Stacked horizontal bars of the lifetime cost [billion USD], one bar per design, in the given order. */
export async function costBreakdownSvg(rows: readonly CostBreakdownRow[]): Promise<string> {
  const names = uniqueLabels(rows.map((r) => r.label)).map((n) => fitLabel(n, DESIGN_LABEL_LIMIT_px));
  // billions of USD per component, a value that is not finite drawn as none
  const values = rows.map((r) =>
    COST_COMPONENTS.map((c) => (Number.isFinite(r[`${c}_USD`]) ? r[`${c}_USD`] / 1e9 : 0)),
  );
  const width = 600;
  const xMax = niceTop(maxOf([0, ...values.map((v) => v.reduce((a, b) => a + b, 0))]), width);
  const head = titleBlock('Lifetime cost breakdown');
  const f: Frame = {
    x: Math.ceil(PAD + rowAxisWidth(names, true)),
    y: head.bottom,
    width,
    height: Math.max(40, 34 * rows.length),
  };
  const sx = linear(0, xMax, f.x, f.x + width);
  const { centre, bar } = bandRows(f, rows.length);
  const out = [
    head.svg,
    axes(f, { domain: [0, xMax], title: 'cost [billion USD]' }, NO_Y).svg,
    rowAxis(f, names, 'design [-]'),
    '<g class="mark-rect role-mark">',
  ];
  values.forEach((v, i) => {
    let at = 0;
    v.forEach((c, k) => {
      out.push(rect(sx(at), centre(i) - bar / 2, sx(at + c) - sx(at), bar, COST_COLORS[k]!));
      at += c;
    });
  });
  out.push('</g>');
  const lg = legend(
    f.x + width + LEGEND_OFFSET,
    f.y,
    'cost component',
    COST_COMPONENTS.map((c, k) => ({ name: c, mark: squareMark(COST_COLORS[k]!) })),
  );
  out.push(lg.svg);
  return svgDocument(
    f.x + width + LEGEND_OFFSET + lg.width + PAD,
    Math.max(f.y + f.height + 41, f.y + lg.height + PAD),
    out.join(''),
  );
}
