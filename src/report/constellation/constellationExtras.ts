/**
 * Constellation report views of the per-instant network, the self-conjunction screening and the launch
 * manifest: link utilisation by link class over the sampled instants, the closest approaches between the
 * design's own satellites (a table and a distance-over-time chart), and the launches per vehicle and shell.
 * Pure functions of plain rows returning static SVG (vega-lite in Node, see plots.ts) or table cells.
 */
import { fmt } from '../../base/numberFormat.js';
import { renderPlotSvg } from './constellationPlotsSeries.js';
import { PALETTE } from '../plots/plots.js';

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

/** One instant: grouped bars, class × statistic, with the saturation rule. */
async function utilizationOneInstantSvg(rows: readonly UtilizationRow[]): Promise<string> {
  const classes = [...new Set(rows.map((r) => r.linkClass))];
  const values = rows
    .flatMap((r) => [
      { c: r.linkClass, stat: 'mean', u: r.mean },
      { c: r.linkClass, stat: 'maximum', u: r.max },
    ])
    .filter((v) => Number.isFinite(v.u));
  const uMax = Math.max(1, ...values.map((v) => v.u));
  const y = {
    field: 'u',
    type: 'quantitative',
    title: 'link utilisation [-]',
    scale: { domain: [0, uMax * 1.05], nice: false },
  };
  const t_h = (rows[0]?.time_s ?? 0) / 3600;
  return renderPlotSvg(
    {
      width: Math.max(240, 90 * classes.length),
      height: 240,
      title: {
        text: 'Link utilisation by link class, one instant',
        subtitle: [
          `one instant, ${fmt(t_h)} h from the epoch (one snapshot evaluated)`,
          `mean and maximum over each class's links; dotted: saturation (1)`,
        ],
      },
      layer: [
        {
          data: { values },
          mark: { type: 'bar' },
          encoding: {
            x: {
              field: 'c',
              type: 'nominal',
              title: 'link class',
              scale: { domain: classes },
              axis: { labelAngle: 0 },
            },
            xOffset: { field: 'stat', type: 'nominal', scale: { domain: ['mean', 'maximum'] } },
            y,
            color: {
              field: 'stat',
              type: 'nominal',
              title: 'statistic',
              scale: { domain: ['mean', 'maximum'], range: ['#1f77b4', '#d62728'] },
            },
          },
        },
        { data: { values: [{ u: 1 }] }, mark: { type: 'rule', color: '#999', strokeDash: [2, 2] }, encoding: { y } },
      ],
    },
    'utilization-by-class',
  );
}

/** Several instants: one line per class and statistic against time. */
async function utilizationOverTimeSvg(rows: readonly UtilizationRow[], instants: number): Promise<string> {
  const classes = [...new Set(rows.map((r) => r.linkClass))];
  const values = rows
    .flatMap((r) => [
      { t: r.time_s / 3600, c: r.linkClass, stat: 'mean', u: r.mean, id: `${r.linkClass}|mean` },
      { t: r.time_s / 3600, c: r.linkClass, stat: 'maximum', u: r.max, id: `${r.linkClass}|max` },
    ])
    .filter((v) => Number.isFinite(v.u));
  const uMax = Math.max(1, ...values.map((v) => v.u));
  const x = { field: 't', type: 'quantitative', title: 'time since epoch [h]', scale: { zero: false, nice: false } };
  const y = {
    field: 'u',
    type: 'quantitative',
    title: 'link utilisation [-]',
    scale: { domain: [0, uMax * 1.05], nice: false },
  };
  const color = { field: 'c', type: 'nominal', title: 'link class', scale: { domain: classes, range: PALETTE } };
  const dash = {
    field: 'stat',
    type: 'nominal',
    title: 'statistic',
    scale: {
      domain: ['mean', 'maximum'],
      range: [
        [1, 0],
        [5, 3],
      ],
    },
    legend: { symbolType: 'stroke', symbolStrokeColor: '#333' },
  };
  return renderPlotSvg(
    {
      width: 640,
      height: 260,
      title: {
        text: 'Link utilisation by link class over time',
        subtitle: `${instants} instants, ${classes.length} link class(es); mean and maximum over each class's links; dotted: saturation (1)`,
      },
      layer: [
        { data: { values: [{ u: 1 }] }, mark: { type: 'rule', color: '#999', strokeDash: [2, 2] }, encoding: { y } },
        {
          data: { values },
          mark: { type: 'line', point: true, strokeWidth: 1.8 },
          encoding: { x, y, color, strokeDash: dash, detail: { field: 'id', type: 'nominal' } },
        },
      ],
    },
    'utilization-by-class',
  );
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
  return renderPlotSvg(
    {
      width: 560,
      height: 220,
      title: {
        text: "Closest approaches between the design's satellites",
        subtitle:
          closest === null
            ? 'no conjunction reported'
            : `${values.length} pair(s); closest ${fmt(closest.d)} km (${closest.pair}) at ${fmt(closest.t)} h`,
      },
      data: { values },
      mark: { type: 'point', filled: true, size: 30, color: '#d62728', opacity: 0.7 },
      encoding: {
        x: { field: 't', type: 'quantitative', title: 'time since epoch [h]', scale: { zero: true } },
        y: { field: 'd', type: 'quantitative', title: 'miss distance [km]', scale: { type: 'log' } },
      },
    },
    'conjunctions',
  );
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
  const values = rows.map((r) => ({
    v: r.vehicle,
    s: r.shell,
    n: r.satellites,
    o: shells.indexOf(r.shell),
    text: `${fmt(r.launches)} launches`,
  }));
  // Segment ends for the labels: stack in shell order per vehicle.
  const ends = new Map<string, number>();
  const labels = [...values]
    .sort((p, q) => p.o - q.o)
    .map((r) => {
      const start = ends.get(r.v) ?? 0;
      ends.set(r.v, start + r.n);
      return { ...r, mid: start + r.n / 2 };
    });
  const nMax = Math.max(1, ...ends.values());
  const width = 600;
  const x = {
    field: 'n',
    type: 'quantitative',
    title: 'satellites launched [-]',
    stack: 'zero',
    scale: { domain: [0, nMax * 1.02], nice: false },
  };
  const y = { field: 'v', type: 'nominal', title: 'launch vehicle [-]', scale: { domain: vehicles }, sort: null };
  const totals = vehicles.map(
    (v) => `${v}: ${fmt(rows.filter((r) => r.vehicle === v).reduce((a, r) => a + r.launches, 0))} launches`,
  );
  return renderPlotSvg(
    {
      width,
      height: Math.max(40, 40 * vehicles.length),
      title: { text: 'Launch manifest by vehicle and shell', subtitle: totals.join('; ') },
      layer: [
        {
          data: { values },
          mark: { type: 'bar', height: { band: 0.7 }, stroke: 'white', strokeWidth: 1 },
          encoding: {
            x,
            y,
            order: { field: 'o', type: 'quantitative' },
            color: { field: 's', type: 'nominal', title: 'shell', scale: { domain: shells, range: PALETTE } },
          },
        },
        {
          // A segment label only where it fits (≈ 6 px per character at 10 px).
          data: { values: labels.filter((r) => (r.n / (nMax * 1.02)) * width > r.text.length * 6 + 8) },
          mark: { type: 'text', fontSize: 10, color: 'white' },
          encoding: { x: { field: 'mid', type: 'quantitative', scale: x.scale }, y, text: { field: 'text' } },
        },
      ],
    },
    'launch-manifest',
  );
}
