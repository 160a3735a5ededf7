/**
 * Constellation report views of the per-instant network, the self-conjunction screening and the launch
 * manifest: link utilisation by link class over the sampled instants, the closest approaches between the
 * design's own satellites (a table and a distance-over-time chart), and the launches per vehicle and shell.
 * Pure functions of plain rows returning static SVG (the chart layer, src/chart/chart.ts) or table
 * cells.
 */
import { maxOf, minOf } from '../../base/arrays.js';
import { fmt, groupedDecimal } from '../../base/numberFormat.js';
import { PALETTE } from '../plots/plots.js';
import { drawn, type Drawn, type Mark } from '../../chart/chart.js';

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
export function utilizationByClassSvg(rows: readonly UtilizationRow[]): Drawn {
  const instants = new Set(rows.map((r) => r.instant)).size;
  return instants === 1 ? utilizationOneInstantSvg(rows) : utilizationOverTimeSvg(rows, instants);
}

const STATS = ['mean', 'maximum'] as const;
const UTILIZATION = 'link utilisation [-]';
const SATURATION: Mark = { type: 'rule', at: { y: 1 }, color: '#999', dash: '2,2' };

/** The utilisation axis: 0 to 5 % above the largest value (at least 1, saturation), not rounded. */
const utilizationAxis = (rows: readonly UtilizationRow[]) => ({
  title: UTILIZATION,
  domain: [0, 1.05 * maxOf([1, ...rows.flatMap((r) => [r.mean, r.max]).filter(Number.isFinite)])] as const,
});

/** One instant: grouped bars, class × statistic, with the saturation rule. */
function utilizationOneInstantSvg(rows: readonly UtilizationRow[]): Drawn {
  const classes = [...new Set(rows.map((r) => r.linkClass))];
  const colors = ['#1f77b4', '#d62728'];
  const t_h = (rows[0]?.time_s ?? 0) / 3600;
  const bars = rows.flatMap((r) =>
    [r.mean, r.max].flatMap((u, k) =>
      Number.isFinite(u) ? [{ x: r.linkClass, y: [0, u] as const, color: colors[k]!, sub: [k, 2] as const }] : [],
    ),
  );
  return drawn({
    title: 'Link utilisation by link class, one instant',
    subtitle: [
      `one instant, ${fmt(t_h)} h from the epoch (one snapshot evaluated)`,
      `mean and maximum over each class's links; dotted: saturation (1)`,
    ],
    width: Math.max(240, 90 * classes.length),
    height: 240,
    x: { kind: 'band', title: 'link class', categories: classes },
    y: utilizationAxis(rows),
    marks: [{ type: 'bars', bars }, SATURATION],
    legends: [{ title: 'statistic', entries: STATS.map((s, k) => ({ name: s, color: colors[k]! })) }],
  });
}

/** Several instants: one line per class and statistic against time. */
function utilizationOverTimeSvg(rows: readonly UtilizationRow[], instants: number): Drawn {
  const classes = [...new Set(rows.map((r) => r.linkClass))];
  const dashes = [undefined, '5,3'];
  const series = classes.flatMap((c, i) =>
    STATS.map((_, k) => ({
      color: PALETTE[i % PALETTE.length]!,
      dash: dashes[k],
      points: rows
        .filter((r) => r.linkClass === c && Number.isFinite(k === 0 ? r.mean : r.max))
        .map((r) => ({ x: r.time_s / 3600, y: k === 0 ? r.mean : r.max }))
        .sort((p, q) => p.x - q.x),
    })),
  );
  const times = series.flatMap((s) => s.points.map((p) => p.x));
  // no finite value at all: an empty plot over [0, 1] h
  const domain = times.length ? ([minOf(times), maxOf(times)] as const) : ([0, 1] as const);
  const marks: Mark[] = [SATURATION];
  for (const s of series) {
    marks.push({ type: 'line', points: s.points, color: s.color, width: 1.8, ...(s.dash ? { dash: s.dash } : {}) });
    marks.push({ type: 'dots', points: s.points, color: s.color });
  }
  return drawn({
    title: 'Link utilisation by link class over time',
    subtitle: [
      `${fmt(instants)} instants, ${classes.length} link class(es); mean and maximum over each class's links; dotted: saturation (1)`,
    ],
    width: 640,
    height: 260,
    x: { title: 'time since epoch [h]', domain },
    y: utilizationAxis(rows),
    marks,
    legends: [
      {
        title: 'link class',
        entries: classes.map((c, i) => ({ name: c, color: PALETTE[i % PALETTE.length]!, symbol: 'circle' })),
      },
      {
        title: 'statistic',
        entries: [
          { name: 'mean', color: '#333', symbol: 'line' },
          { name: 'maximum', color: '#333', symbol: 'dash' },
        ],
      },
    ],
  });
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

/**
 * Closest approaches first (ties by time), at most MAX_CONJUNCTION_ROWS rows. Approaches that read alike (the same
 * miss distance and time as printed: the pattern's symmetry) are one row, named by its first pair, with their pairs
 * summed.
 */
export function conjunctionTable(pairs: readonly ConjunctionPair[]): ReportTableData {
  const sorted = [...pairs].sort(
    (p, q) => p.distance_km - q.distance_km || (p.time_s ?? Infinity) - (q.time_s ?? Infinity),
  );
  const alike = new Map<string, { a: string; b: string; distance: string; time: string; pairs: number }>();
  for (const p of sorted) {
    const distance = fmt(p.distance_km);
    const time = p.time_s === null ? 'drifts (between shells)' : fmt(p.time_s / 3600);
    const row = alike.get(`${distance} ${time}`);
    if (row !== undefined) row.pairs += p.pairs ?? 1;
    else alike.set(`${distance} ${time}`, { a: p.a, b: p.b, distance, time, pairs: p.pairs ?? 1 });
  }
  const rows = [...alike.values()];
  return {
    headers: ['rank', 'satellite A', 'satellite B', 'miss distance [km]', 'time since epoch [h]', 'pairs alike [-]'],
    rows: rows
      .slice(0, MAX_CONJUNCTION_ROWS)
      .map((r, i) => [String(i + 1), r.a, r.b, r.distance, r.time, groupedDecimal(r.pairs, 0)]),
  };
}

/**
 * Miss distance [km, log scale] of every screened pair against time: where and how close the design's satellites pass.
 */
export function conjunctionsSvg(pairs: readonly ConjunctionPair[]): Drawn {
  // A log axis cannot show 0 km: such pairs (coincident satellites) stay in the table only.
  // Between-shell entries have no time (their relative phase drifts): table only.
  const values = pairs
    .filter((p) => p.distance_km > 0 && Number.isFinite(p.distance_km) && p.time_s !== null)
    .map((p) => ({ x: p.time_s! / 3600, y: p.distance_km, pair: `${p.a} – ${p.b}` }));
  const closest = values.reduce<(typeof values)[number] | null>((m, v) => (m === null || v.y < m.y ? v : m), null);
  // the distance axis spans whole decades (a nice log domain); time starts at 0 and ends on a tick
  const ds = values.map((v) => v.y);
  return drawn({
    title: "Closest approaches between the design's satellites",
    subtitle: [
      closest === null
        ? 'no conjunction reported'
        : `${fmt(values.length)} pair(s); closest ${fmt(closest.y)} km (${closest.pair}) at ${fmt(closest.x)} h`,
    ],
    width: 560,
    height: 220,
    x: { title: 'time since epoch [h]', domain: [0, maxOf([0, ...values.map((v) => v.x)]) || 1], nice: true },
    y: {
      kind: 'log',
      title: 'miss distance [km]',
      domain: ds.length ? [minOf(ds), maxOf(ds) > minOf(ds) ? maxOf(ds) : 10 * minOf(ds)] : [1, 10],
      nice: true,
    },
    marks: [{ type: 'dots', points: values, color: '#d62728', opacity: 0.7 }],
    legends: [{ title: null, entries: [{ name: 'satellite pair', color: '#d62728', symbol: 'circle' }] }],
  });
}

export interface LaunchManifestRow {
  readonly vehicle: string;
  readonly shell: string;
  readonly launches: number;
  readonly satellites: number;
}

/** Satellites launched per vehicle, stacked by shell, each segment labelled with its launch count. */
export function launchManifestSvg(rows: readonly LaunchManifestRow[]): Drawn {
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
  const width = 600;
  const totals = vehicles.map(
    (v) => `${v}: ${fmt(rows.filter((r) => r.vehicle === v).reduce((a, r) => a + r.launches, 0))} launches`,
  );
  const color = (s: string): string => PALETTE[shells.indexOf(s) % PALETTE.length]!;
  return drawn({
    title: 'Launch manifest by vehicle and shell',
    subtitle: [totals.join('; ')],
    width,
    height: Math.max(40, 40 * vehicles.length),
    x: { title: 'satellites launched [-]', domain: [0, nMax * 1.02] },
    y: { kind: 'band', title: 'launch vehicle [-]', categories: vehicles },
    marks: [
      {
        type: 'bars',
        bars: segments.map((r) => ({
          x: [r.start, r.start + r.satellites] as const,
          y: r.vehicle,
          color: color(r.shell),
        })),
      },
      {
        type: 'text',
        color: 'white',
        // a segment label only where it fits (≈ 6 px per character at 10 px)
        labels: segments
          .filter((r) => (r.satellites / (nMax * 1.02)) * width > r.text.length * 6 + 8)
          .map((r) => ({
            x: r.start + r.satellites / 2,
            y: r.vehicle,
            text: r.text,
            anchor: 'middle' as const,
            dy: 3.5,
          })),
      },
    ],
    legends: [{ title: 'shell', entries: shells.map((s) => ({ name: s, color: color(s) })) }],
  });
}
