/**
 * Constellation report plots over time and per design: gateway contact timeline, launch campaign and
 * cost breakdown. Pure functions of plain data returning static SVG (see plots.ts). `renderPlotSvg`
 * is shared with constellationPlots.ts (which re-exports everything here).
 */
import { fmt } from '../../base/numberFormat.js';
import { renderSvg, samplePositions, topLegendColor } from '../plots/plots.js';

/** At most this many contact bars are drawn; beyond it short gaps are bridged (stated in the title). */
export const MAX_CONTACT_BARS = 2000;
/** At most this many deployment points are drawn (evenly sampled beyond it, stated in the title). */
export const MAX_DEPLOYMENT_POINTS = 5000;

/**
 * `renderSvg` with element ids renumbered in order of appearance: vega numbers gradients and clip
 * paths with process-wide counters, so without this two renders of one spec differ.
 */
export async function renderPlotSvg(spec: Record<string, unknown>, idPrefix: string): Promise<string> {
  const svg = await renderSvg(spec, idPrefix);
  const map = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const m of svg.matchAll(/\sid="([^"]+)"/g)) {
    const id = m[1]!;
    if (map.has(id)) continue;
    const base = id.replace(/\d+$/, '');
    const n = counts.get(base) ?? 0;
    counts.set(base, n + 1);
    map.set(id, `${base}${n}`);
  }
  return svg.replace(/(\sid="|url\(#)([^")]+)/g, (_all, pre: string, id: string) => pre + (map.get(id) ?? id));
}

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

/** Characters of a station row label that fit the axis's label limit (vega estimates 0.8 em per character at 11 px). */
const ROW_LABEL_CHARS = 56;
const ROW_LABEL_LIMIT_px = 500;

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
      // Long station names are shortened here, so the axis's own truncation never cuts the statistics.
      const room = Math.max(8, ROW_LABEL_CHARS - stats.length);
      return `${n.length > room ? `${n.slice(0, room - 1)}…` : n}${stats}`;
    }),
  );
}

/**
 * Contact and gap bars per station, in hours; with too many intervals to draw, gaps up to a doubling length are
 * bridged until they fit (said in `merged`).
 */
function contactBars(
  stations: ContactTimelineInput['stations'],
  names: readonly string[],
  samples: number,
  step_s: number,
): { bars: { st: string; t0: number; t1: number; k: string }[]; merged: string } {
  const raw = stations.map((s) => contactIntervals(s.inContact));
  let runs = raw;
  let gap = 0;
  const total = (r: readonly unknown[][]): number => r.reduce((n, x) => n + x.length, 0);
  while (total(runs) > MAX_CONTACT_BARS && gap < samples) {
    gap = gap === 0 ? 1 : 2 * gap;
    runs = raw.map((r) => bridgeGaps(r, gap));
  }
  const h = step_s / 3600;
  const bars = runs.flatMap((r, i) => [
    ...r.map(([a, b]) => ({ st: names[i]!, t0: a * h, t1: b * h, k: 'contact' })),
    ...gapIntervals(r, stations[i]!.inContact.length).map(([a, b]) => ({
      st: names[i]!,
      t0: a * h,
      t1: b * h,
      k: 'gap',
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
  names: readonly string[],
  h: number,
  plot: { width: number; tMax: number },
): { st: string; t: number; text: string }[] {
  return summaries.flatMap((c, i) => {
    if (c.longest === null) return [];
    const text = duration(c.longestGap_s);
    const [a, b] = c.longest;
    return ((b - a) * h * plot.width) / plot.tMax > text.length * 6 + 6
      ? [{ st: names[i]!, t: ((a + b) / 2) * h, text }]
      : [];
  });
}

/** Contact (blue) and gap (red) bars. */
function contactLayer(
  bars: readonly Record<string, unknown>[],
  x: Record<string, unknown>,
  y: Record<string, unknown>,
): Record<string, unknown> {
  return {
    data: { values: bars },
    mark: { type: 'bar', height: { band: 0.7 } },
    encoding: {
      x,
      x2: { field: 't1' },
      y,
      color: topLegendColor('k', ['contact', 'gap'], ['#1f77b4', '#f4a6a0']),
    },
  };
}

/**
 * One row per ground station: a blue bar per contact interval and a red bar per gap; each row's label states the
 * contact share, the gaps and the longest one (also written in its bar where it fits), so full contact and gaps
 * differ at a glance.
 */
export async function contactTimelineSvg(input: ContactTimelineInput): Promise<string> {
  const { step_s, stations } = input;
  const samples = Math.max(0, ...stations.map((s) => s.inContact.length));
  const summaries = stations.map((s) => contactSummary(s.inContact, step_s));
  const names = stationLabels(stations, summaries);
  const h = step_s / 3600;
  const { bars, merged } = contactBars(stations, names, samples, step_s);
  const rowStep = stations.length > 40 ? 10 : 22;
  const width = 640,
    tMax = Math.max(samples * h, h);
  const labels = rowStep < 16 ? [] : gapLabels(summaries, names, h, { width, tMax });
  const x = {
    field: 't0',
    type: 'quantitative',
    title: 'time since epoch [h]',
    scale: { domain: [0, tMax], nice: false },
  };
  // No axis title: the row labels name the stations (a rotated title taller than a few rows ran into them).
  const y = {
    field: 'st',
    type: 'nominal',
    title: null,
    scale: { domain: names },
    sort: null,
    axis: { labelLimit: ROW_LABEL_LIMIT_px },
  };
  return renderPlotSvg(
    {
      width,
      height: Math.max(40, rowStep * stations.length),
      title: {
        text: 'Gateway contact timeline per ground station',
        subtitle:
          `${stations.length} station(s) labelled with contact share and gaps; ${samples} samples of ${fmt(step_s)} s ` +
          `(gap lengths ± one step)${merged}`,
      },
      layer: [
        contactLayer(bars, x, y),
        {
          data: { values: labels },
          mark: { type: 'text', fontSize: 10, color: '#7f1d1d' },
          encoding: { x: { ...x, field: 't' }, y, text: { field: 'text' } },
        },
      ],
    },
    'contact-timeline',
  );
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

/** Each milestone as two rules meeting at (deadline, required satellites), with its label, coloured met or missed. */
function milestoneMarks(milestones: LaunchCampaignInput['milestones']) {
  const rules = milestones.flatMap((m) => {
    const st = m.met ? MET : MISSED;
    return [
      { x: m.within_yr, x2: m.within_yr, y: 0, y2: m.required, st },
      { x: 0, x2: m.within_yr, y: m.required, y2: m.required, st },
    ];
  });
  const labels = milestones.map((m) => ({
    x: m.within_yr,
    y: m.required,
    st: m.met ? MET : MISSED,
    text: `${fmt(100 * m.fraction)} % by ${fmt(m.within_yr)} yr: ${fmt(m.achieved)} of ${fmt(m.required)}`,
  }));
  return { rules, labels };
}

/** The full constellation (dashed), satellites in orbit (step line) and the milestones with their labels. */
function campaignLayers(
  satellites: number,
  steps: readonly { t: number; n: number }[],
  marks: ReturnType<typeof milestoneMarks>,
  enc: { x: Record<string, unknown>; y: Record<string, unknown>; color: Record<string, unknown> },
): Record<string, unknown>[] {
  const { rules, labels } = marks;
  const { x, y, color } = enc;
  return [
    {
      data: { values: [{ y: satellites }] },
      mark: { type: 'rule', color: '#999', strokeDash: [4, 4] },
      encoding: { y },
    },
    {
      data: { values: steps.map((s) => ({ x: s.t, y: s.n })) },
      mark: { type: 'line', interpolate: 'step-after', color: '#1f77b4', strokeWidth: 2 },
      encoding: { x, y },
    },
    {
      data: { values: rules },
      mark: { type: 'rule', strokeWidth: 1.5, strokeDash: [6, 3] },
      encoding: { x, y, x2: { field: 'x2' }, y2: { field: 'y2' }, color },
    },
    {
      data: { values: labels },
      mark: { type: 'text', align: 'right', dx: -4, dy: -6, fontSize: 11 },
      encoding: { x, y, text: { field: 'text' }, color },
    },
  ];
}

/** Cumulative satellites in orbit (step line) with each milestone as a corner of two rules at (deadline, required). */
export async function launchCampaignSvg(input: LaunchCampaignInput): Promise<string> {
  const { deployment, milestones, satellites } = input;
  const pos = samplePositions(deployment.length, MAX_DEPLOYMENT_POINTS);
  const steps = pos.map((p) => ({ t: deployment[p]!.time_yr, n: deployment[p]!.satellites }));
  if (steps.length && steps[0]!.t > 0) steps.unshift({ t: 0, n: 0 });
  const tMax = Math.max(1e-9, ...steps.map((s) => s.t), ...milestones.map((m) => m.within_yr));
  const { rules, labels } = milestoneMarks(milestones);
  const x = {
    field: 'x',
    type: 'quantitative',
    title: 'time since first launch [yr]',
    scale: { domain: [0, tMax * 1.05], nice: false },
  };
  const y = {
    field: 'y',
    type: 'quantitative',
    title: 'satellites in orbit [-]',
    scale: {
      domain: [0, Math.max(1, satellites, ...steps.map((s) => s.n), ...milestones.map((m) => m.required)) * 1.08],
      nice: false,
    },
  };
  const color = {
    field: 'st',
    type: 'nominal',
    title: 'milestone',
    scale: { domain: [MET, MISSED], range: ['#2ca02c', '#d62728'] },
  };
  const met = milestones.filter((m) => m.met).length;
  return renderPlotSvg(
    {
      width: 640,
      height: 320,
      title: {
        text: `Launch campaign: ${fmt(satellites)} satellites, ${met} of ${milestones.length} milestone(s) met`,
        subtitle: `grey dashed: full constellation${pos.length < deployment.length ? `; ${pos.length} of ${deployment.length} deployment points drawn (evenly sampled)` : ''}`,
      },
      layer: campaignLayers(satellites, steps, { rules, labels }, { x, y, color }),
    },
    'launch-campaign',
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

/** Stacked horizontal bars of the lifetime cost [billion USD], one bar per design, in the given order. */
export async function costBreakdownSvg(rows: readonly CostBreakdownRow[]): Promise<string> {
  const names = uniqueLabels(rows.map((r) => r.label));
  const values = rows.flatMap((r, i) =>
    COST_COMPONENTS.map((c, o) => ({ d: names[i]!, c, o, v: r[`${c}_USD`] / 1e9 })),
  );
  return renderPlotSvg(
    {
      width: 600,
      height: Math.max(40, 34 * rows.length),
      title: 'Lifetime cost breakdown',
      data: { values },
      mark: { type: 'bar', height: { band: 0.7 } },
      encoding: {
        x: { field: 'v', type: 'quantitative', title: 'cost [billion USD]', stack: 'zero' },
        y: { field: 'd', type: 'nominal', title: 'design [-]', scale: { domain: names }, sort: null },
        color: {
          field: 'c',
          type: 'nominal',
          title: 'cost component',
          scale: { domain: [...COST_COMPONENTS], range: ['#4c78a8', '#f58518', '#54a24b', '#e45756', '#b279a2'] },
        },
        order: { field: 'o', type: 'quantitative' },
      },
    },
    'cost-breakdown',
  );
}
