/**
 * Constellation report plots over time and per design: gateway contact timeline, launch campaign and cost breakdown,
 * drawn with the chart layer (src/chart/chart.ts); design labels are cut to 180 px by estimated width.
 */
import { maxOf } from '../../base/arrays.js';
import { fmt } from '../../base/numberFormat.js';
import { samplePositions } from '../plots/plots.js';
import { drawn, TABLEAU10, type Drawn } from '../../chart/chart.js';
import { textWidth } from '../../chart/svg.js';

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
      ? `; gaps up to ${fmt((gap * step_s) / 60)} min bridged to draw ${fmt(total(runs))} of ${fmt(total(raw))} contact intervals`
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

const CONTACT = '#1f77b4';
const GAP = '#f4a6a0';

/**
 * One row per ground station: a blue bar per contact interval and a red bar per gap; each row's label states the
 * contact share, the gaps and the longest one (also written in its bar where it fits), so full contact and gaps
 * differ at a glance.
 */
export function contactTimelineChart(input: ContactTimelineInput): Drawn {
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
  return drawn({
    title: 'Gateway contact timeline per ground station',
    subtitle: [
      `${fmt(stations.length)} station(s) labelled with contact share and gaps; ${fmt(samples)} samples of ${fmt(step_s)} s ` +
        `(gap lengths ± one step)${merged}`,
    ],
    width,
    height: Math.max(40, rowStep * stations.length),
    x: { title: 'time since epoch [h]', domain: [0, tMax] },
    // no y axis title: the row labels name the stations
    y: { kind: 'band', title: null, categories: names },
    marks: [
      {
        type: 'bars',
        bars: bars.map((b) => ({ x: [b.t0, b.t1] as const, y: names[b.row]!, color: b.contact ? CONTACT : GAP })),
      },
      {
        type: 'text',
        color: '#7f1d1d',
        labels: labels.map((l) => ({ x: l.t, y: names[l.row]!, text: l.text, anchor: 'middle' as const, dy: 3.5 })),
      },
    ],
    legends: [
      {
        title: null,
        entries: [
          { name: 'contact', color: CONTACT },
          { name: 'gap', color: GAP },
        ],
      },
    ],
  });
}
export const contactTimelineSvg = (input: ContactTimelineInput): string => contactTimelineChart(input).svg;

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

/** Cumulative satellites in orbit (step line) with each milestone as a corner of two rules at (deadline, required). */
export function launchCampaignChart(input: LaunchCampaignInput): Drawn {
  const { deployment, milestones, satellites } = input;
  const pos = samplePositions(deployment.length, MAX_DEPLOYMENT_POINTS);
  const steps = pos.map((p) => ({ x: deployment[p]!.time_yr, y: deployment[p]!.satellites }));
  if (steps.length && steps[0]!.x > 0) steps.unshift({ x: 0, y: 0 });
  steps.sort((a, b) => a.x - b.x); // a line runs in x order, equal times as given
  const tMax = maxOf([1e-9, ...steps.map((s) => s.x), ...milestones.map((m) => m.within_yr)]);
  const nMax = maxOf([1, satellites, ...steps.map((s) => s.y), ...milestones.map((m) => m.required)]);
  const met = milestones.filter((m) => m.met).length;
  const corners = (ok: boolean) => milestones.filter((m) => m.met === ok);
  return drawn({
    title: `Launch campaign: ${fmt(satellites)} satellites, ${met} of ${milestones.length} milestone(s) met`,
    subtitle: [
      `grey dashed: full constellation${pos.length < deployment.length ? `; ${fmt(pos.length)} of ${fmt(deployment.length)} deployment points drawn (evenly sampled)` : ''}`,
    ],
    width: 640,
    height: 320,
    x: { title: 'time since first launch [yr]', domain: [0, tMax * 1.05] },
    y: { title: 'satellites in orbit [-]', domain: [0, nMax * 1.08] },
    marks: [
      { type: 'rule', at: { y: satellites }, color: '#999', dash: '4,4' },
      { type: 'line', points: steps, color: '#1f77b4', step: true },
      ...[true, false].flatMap((ok) => [
        {
          type: 'segments' as const,
          color: ok ? MET_COLOR : MISSED_COLOR,
          width: 1.5,
          dash: '6,3',
          segments: corners(ok).flatMap((m) => [
            { x1: m.within_yr, y1: 0, x2: m.within_yr, y2: m.required },
            { x1: 0, y1: m.required, x2: m.within_yr, y2: m.required },
          ]),
        },
        {
          type: 'text' as const,
          color: ok ? MET_COLOR : MISSED_COLOR,
          size: 11,
          labels: corners(ok).map((m) => ({
            x: m.within_yr,
            y: m.required,
            dx: -4,
            dy: -6,
            anchor: 'end' as const,
            text: `${fmt(100 * m.fraction)} % by ${fmt(m.within_yr)} yr: ${fmt(m.achieved)} of ${fmt(m.required)}`,
          })),
        },
      ]),
    ],
    legends: [
      {
        title: 'milestone',
        entries: [
          { name: MET, color: MET_COLOR, symbol: 'circle' },
          { name: MISSED, color: MISSED_COLOR, symbol: 'circle' },
        ],
      },
    ],
  });
}
export const launchCampaignSvg = (input: LaunchCampaignInput): string => launchCampaignChart(input).svg;

export interface CostBreakdownRow {
  readonly label: string;
  readonly hardware_USD: number;
  readonly launch_USD: number;
  readonly operations_USD: number;
  readonly replacements_USD: number;
  readonly ground_USD: number;
}

export const COST_COMPONENTS = ['hardware', 'launch', 'operations', 'replacements', 'ground'] as const;
const COST_COLORS = [0, 1, 4, 2, 6].map((i) => TABLEAU10[i]!);
/** Design labels are cut to this width [px]. */
const DESIGN_LABEL_LIMIT_px = 180;

/** `s`, cut with … to at most `limit_px` at 11 px (estimated width). */
function fitLabel(s: string, limit_px: number): string {
  const chars = Math.floor(limit_px / textWidth('x', 11));
  return s.length > chars ? `${s.slice(0, chars - 1)}…` : s;
}

/** Stacked horizontal bars of the lifetime cost [billion USD], one bar per design, in the given order. */
export function costBreakdownChart(rows: readonly CostBreakdownRow[]): Drawn {
  const names = uniqueLabels(rows.map((r) => r.label)).map((n) => fitLabel(n, DESIGN_LABEL_LIMIT_px));
  // billions of USD per component, a value that is not finite drawn as none
  const values = rows.map((r) =>
    COST_COMPONENTS.map((c) => (Number.isFinite(r[`${c}_USD`]) ? r[`${c}_USD`] / 1e9 : 0)),
  );
  const bars = values.flatMap((v, i) => {
    let at = 0;
    return v.map((c, k) => ({ x: [at, (at += c)] as const, y: names[i]!, color: COST_COLORS[k]! }));
  });
  return drawn({
    title: 'Lifetime cost breakdown',
    width: 600,
    height: Math.max(40, 34 * rows.length),
    x: {
      title: 'cost [billion USD]',
      domain: [0, maxOf([0, ...values.map((v) => v.reduce((a, b) => a + b, 0))]) || 1],
      nice: true,
    },
    y: { kind: 'band', title: 'design [-]', categories: names },
    marks: [{ type: 'bars', bars }],
    legends: [
      { title: 'cost component', entries: COST_COMPONENTS.map((c, k) => ({ name: c, color: COST_COLORS[k]! })) },
    ],
  });
}
export const costBreakdownSvg = (rows: readonly CostBreakdownRow[]): string => costBreakdownChart(rows).svg;
