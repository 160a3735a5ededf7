/**
 * Constellation report plots: the shell map (altitude vs inclination, with the FCC filings' envelopes),
 * one shell's inter-satellite link graph and its utilisation histogram. Pure functions of plain data drawn with the
 * chart layer (src/chart/chart.ts); the link colours are viridis (src/chart/palettes.ts). The
 * time-series plots live in constellationPlotsSeries.ts and are re-exported here.
 */
import { maxOf, minOf } from '../../base/arrays.js';
import type { LinkGraphDetail } from '../../constellation/record/details.js';
import { sunSynchronousInclination } from '../../models/orbit/orbit.js';
import { fmt } from '../../base/numberFormat.js';
import { axisScale, CATEGORY10, drawn, type Drawn, type LegendEntry, type Mark } from '../../chart/chart.js';
import { placedTextLabels, placeLabels } from '../../chart/labelPlacement.js';
import { tickFormat, ticks } from '../../chart/svg.js';
import { viridis } from '../../chart/palettes.js';

export * from './constellationPlotsSeries.js';

export interface ShellPoint {
  readonly name: string;
  readonly altitude_km: number;
  readonly inclination_deg: number;
  readonly satellites: number;
}

export interface ReferenceConstellation {
  readonly name: string;
  readonly shells: readonly ShellPoint[];
}

export type EnvelopeInclination =
  { readonly kind: 'fixed'; readonly inclination_deg: number } | { readonly kind: 'sso' };

export interface FilingEnvelope {
  readonly name: string;
  /** The filing the figures come from. */
  readonly source: string;
  readonly altitude_km: readonly [number, number];
  readonly inclinations: readonly EnvelopeInclination[];
}

/** Half width of every drawn inclination band [deg] (the filings give single inclinations). */
export const FILING_BAND_HALF_WIDTH_deg = 0.5;

/** Orbital envelopes of the orbital-data-center filings drawn on the shell map. */
export const FILING_ENVELOPES: readonly FilingEnvelope[] = [
  {
    name: 'SpaceX ODC',
    source: 'FCC SAT-LOA-20260108-00016',
    altitude_km: [500, 2000],
    inclinations: [{ kind: 'fixed', inclination_deg: 30 }, { kind: 'sso' }],
  },
  {
    name: 'Blue Origin Project Sunrise',
    source: 'FCC SAT-LOA-20260319-00032',
    altitude_km: [500, 1800],
    inclinations: [{ kind: 'sso' }],
  },
];

/** J2 sun-synchronous inclination [deg] at an altitude [km]. */
export const ssoInclination_deg = (altitude_km: number): number =>
  (sunSynchronousInclination({ altitude_m: altitude_km * 1e3 }).inclination_rad * 180) / Math.PI;

/** Polygon outline rows {env, band, h, lo, hi} of every envelope band (SSO bands sampled every ≤ 50 km). */
export function envelopeBands(
  envelopes: readonly FilingEnvelope[],
): { env: string; band: string; h: number; lo: number; hi: number }[] {
  const w = FILING_BAND_HALF_WIDTH_deg;
  return envelopes.flatMap((e, ei) =>
    e.inclinations.flatMap((inc, k) => {
      const [h0, h1] = e.altitude_km;
      const n = inc.kind === 'sso' ? Math.max(1, Math.ceil((h1 - h0) / 50)) : 1;
      return Array.from({ length: n + 1 }, (_, j) => {
        const h = h0 + ((h1 - h0) * j) / n;
        const i = inc.kind === 'sso' ? ssoInclination_deg(h) : inc.inclination_deg;
        return { env: e.name, band: `${ei}-${k}`, h, lo: i - w, hi: i + w };
      });
    }),
  );
}

function span(values: readonly number[], pad: number): [number, number] {
  const lo = minOf(values),
    hi = maxOf(values);
  return Number.isFinite(lo) ? [lo - pad, hi + pad] : [0, 1];
}

/** `SpaceX ODC, FCC SAT-LOA-…: 500–2,000 km at 30° and SSO`. */
export function describeEnvelope(e: FilingEnvelope): string {
  const inc = e.inclinations.map((i) => (i.kind === 'sso' ? 'SSO' : `${fmt(i.inclination_deg)}°`));
  return `${e.name}, ${e.source}: ${fmt(e.altitude_km[0])}–${fmt(e.altitude_km[1])} km at ${inc.join(' and ')}`;
}

export interface ShellMapInput {
  /** The design's shells (all drawn in one colour, labelled by shell name). */
  readonly designs: readonly ShellPoint[];
  readonly references: readonly ReferenceConstellation[];
  readonly envelopes?: readonly FilingEnvelope[];
}

const MAP_W = 640,
  MAP_H = 400,
  MAX_MARKER_AREA_px2 = 900;
/** Colours of the filing envelopes, in FILING_ENVELOPES' order. */
const ENVELOPE_COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#9467bd', '#8c564b'];
const SHELL_COLORS = { 'reference constellation': '#8c8c8c', 'design shell': '#d62728' } as const;

type MapPoint = { cat: keyof typeof SHELL_COLORS; label: string; i: number; h: number; n: number };

/** The reference constellations' shells and the design's, as (inclination, altitude, satellites) points. */
function shellMapPoints(input: ShellMapInput): MapPoint[] {
  return [
    // Each reference constellation is labelled once, at its top shell (86 Sunrise planes would bury the chart).
    ...input.references.flatMap((r) => {
      const top = r.shells.reduce((a, s, i) => (s.altitude_km > r.shells[a]!.altitude_km ? i : a), 0);
      return r.shells.map((s, i) => ({
        ...s,
        cat: 'reference constellation' as const,
        label: i === top ? r.name : '',
      }));
    }),
    ...input.designs.map((s) => ({ ...s, cat: 'design shell' as const, label: s.name })),
  ].map((p) => ({ cat: p.cat, label: p.label, i: p.inclination_deg, h: p.altitude_km, n: p.satellites }));
}

/**
 * The shells' labels, placed around their markers without overlapping each other or any marker (labelPlacement.ts,
 * in the frame's pixels `at`; a marker's box reaches √(size/π) from its centre, a little beyond its circle); a label
 * with no free spot is left out (the shell is still drawn).
 */
function shellLabels(pts: readonly MapPoint[], size: readonly number[], at: (p: MapPoint) => [number, number]): Mark {
  const markers = pts.map((p, k) => {
    const [x, y] = at(p),
      r = Math.sqrt(size[k]! / Math.PI);
    return { x0: x - r, y0: y - r, x1: x + r, y1: y + r };
  });
  const labelled = pts.flatMap((p, k) => (p.label === '' ? [] : [k]));
  const requests = labelled.map((k) => {
    const [x, y] = at(pts[k]!);
    return { x, y, text: pts[k]!.label, gap_px: (markers[k]!.x1 - markers[k]!.x0) / 2 + 3 };
  });
  const placed = placeLabels(requests, MAP_W, MAP_H, 10, 3, markers);
  const data = (index: number) => ({ x: pts[labelled[index]!]!.i, y: pts[labelled[index]!]!.h });
  return { type: 'text', labels: placedTextLabels(placed, requests, data), color: '#444', size: 10 };
}

/** The filing envelopes' bands: one area each, from the low edge up and back down the high edge. */
function envelopeAreas(bands: ReturnType<typeof envelopeBands>, envNames: readonly string[]): Mark[] {
  const byBand = new Map<string, typeof bands>();
  for (const b of bands) byBand.set(b.band, [...(byBand.get(b.band) ?? []), b]);
  return [...byBand.values()].map((rows) => ({
    type: 'area',
    points: [...rows.map((b) => ({ x: b.lo, y: b.h })), ...[...rows].reverse().map((b) => ({ x: b.hi, y: b.h }))],
    color: ENVELOPE_COLORS[envNames.indexOf(rows[0]!.env) % ENVELOPE_COLORS.length]!,
    opacity: 0.3,
  }));
}

/**
 * Marker size of a shell of n satellites when the largest has nMax: ∝ √n, MAX_MARKER_AREA_px2 at the most; a marker of
 * size s is a circle of diameter √s (area π/4·s, as vega drew them).
 */
const markerSize = (n: number, nMax: number): number => MAX_MARKER_AREA_px2 * Math.sqrt(Math.max(0, n) / nMax);
const circleArea = (size: number): number => (Math.PI / 4) * size;

/** The three legends right of the map: marker size (whole counts of satellites), shell kind, filing envelope. */
function shellMapLegends(nMax: number, envNames: readonly string[]): { title: string; entries: LegendEntry[] }[] {
  // none when no shell is drawn (nMax 0)
  const sizes = nMax > 0 ? ticks(0, nMax, 5) : { values: [], step: 1 };
  const format = tickFormat(Math.max(1, sizes.step));
  return [
    {
      title: 'satellites per shell [-]',
      entries: sizes.values
        .filter((v) => v > 0 && Number.isInteger(v))
        .map((v) => ({
          name: format(v),
          color: '#555',
          symbol: 'circle',
          size: circleArea(markerSize(v, nMax)),
          opacity: 0.75,
        })),
    },
    {
      title: 'shells',
      entries: Object.entries(SHELL_COLORS).map(([name, color]) => ({ name, color, symbol: 'circle', opacity: 0.75 })),
    },
    {
      title: 'filing envelope',
      entries: envNames.map((name, k) => ({
        name,
        color: ENVELOPE_COLORS[k % ENVELOPE_COLORS.length]!,
        symbol: 'square',
        opacity: 0.3,
      })),
    },
  ];
}

/**
 * Shells on altitude [km] vs inclination [deg], marker area ∝ √satellites (900 px² at the most), over the filings'
 * envelopes; the scene of the chart as well as its SVG.
 */
export function shellMapChart(input: ShellMapInput): Drawn {
  const envelopes = input.envelopes ?? FILING_ENVELOPES;
  const bands = envelopeBands(envelopes);
  const pts = shellMapPoints(input);
  const x = {
    title: 'inclination [deg]',
    domain: span([...pts.map((p) => p.i), ...bands.flatMap((b) => [b.lo, b.hi])], 3),
  };
  const y = { title: 'altitude [km]', domain: span([...pts.map((p) => p.h), ...bands.map((b) => b.h)], 80) };
  // label placement in the frame's pixels, by the scales the chart draws with
  const sx = axisScale(x, 0, MAP_W, 80),
    sy = axisScale(y, MAP_H, 0, 40);
  const nMax = maxOf([1, ...pts.map((p) => p.n)]);
  const size = pts.map((p) => markerSize(p.n, nMax));
  const envNames = envelopes.map((e) => e.name);
  const dots = (Object.keys(SHELL_COLORS) as MapPoint['cat'][]).map((cat): Mark => ({
    type: 'dots',
    points: pts.flatMap((p, k) => (p.cat === cat ? [{ x: p.i, y: p.h, area: circleArea(size[k]!) }] : [])),
    color: SHELL_COLORS[cat],
    stroke: '#333',
    opacity: 0.75,
  }));
  return drawn({
    title: 'Shells and filing envelopes',
    subtitle: [
      ...envelopes.map(describeEnvelope),
      `bands ±${FILING_BAND_HALF_WIDTH_deg}° wide; SSO bands follow the J2 sun-synchronous inclination; ` +
        'marker area ∝ √satellites',
    ],
    width: MAP_W,
    height: MAP_H,
    x,
    y,
    marks: [...envelopeAreas(bands, envNames), ...dots, shellLabels(pts, size, (p) => [sx.at(p.i), sy.at(p.h)])],
    legends: shellMapLegends(pts.length ? nMax : 0, envNames),
  });
}

export function shellMapSvg(input: ShellMapInput): string {
  return shellMapChart(input).svg;
}

/** Displacement d wrapped onto (−n/2, n/2] when |d| > n/2 (a seam or wrap-around link). */
const wrapped = (d: number, n: number): number => (Math.abs(d) > n / 2 ? d - Math.sign(d) * n : d);
/** Length of the seam stubs, as a fraction of the wrapped link. */
const STUB = 0.4;

/**
 * Link graph rows {id, k, x, y, u}: one polyline per link; seam/wrap links as two stubs at the borders (x/y null in
 * between).
 */
export function linkGraphRows(
  detail: LinkGraphDetail,
): { id: number; k: number; x: number | null; y: number | null; u: number }[] {
  const { planes: P, satsPerPlane: S } = detail;
  return detail.edges.flatMap((e, id) => {
    const [pu, su, pv, sv] = [Math.floor(e.u / S), e.u % S, Math.floor(e.v / S), e.v % S];
    const dp = wrapped(pv - pu, P),
      ds = wrapped(sv - su, S);
    const u = e.utilization;
    if (dp === pv - pu && ds === sv - su)
      return [
        { id, k: 0, x: pu, y: su, u },
        { id, k: 1, x: pv, y: sv, u },
      ];
    return [
      { id, k: 0, x: pu, y: su, u },
      { id, k: 1, x: pu + STUB * dp, y: su + STUB * ds, u },
      { id, k: 2, x: null, y: null, u },
      { id, k: 3, x: pv - STUB * dp, y: sv - STUB * ds, u },
      { id, k: 4, x: pv, y: sv, u },
    ];
  });
}

/** Each link class of a graph with its utilisation (the first link's: under the reduced model all are equal). */
export function classUtilizations(detail: LinkGraphDetail): { linkClass: string; utilization: number }[] {
  const seen = new Map<string, number>();
  for (const e of detail.edges) if (!seen.has(e.linkClass)) seen.set(e.linkClass, e.utilization);
  return [...seen].map(([linkClass, utilization]) => ({ linkClass, utilization }));
}

/**
 * Link colours: by utilisation (viridis), or, when every link carries the same utilisation (a saturated flow puts
 * each at 1), by link class so the picture still tells the links apart; null classes when coloured by utilisation.
 */
export function linkColours(detail: LinkGraphDetail): { colours: string[]; classes: string[] | null } {
  const u = detail.edges.map((e) => e.utilization);
  const flat = u.length > 0 && maxOf(u) - minOf(u) < 1e-9;
  if (!flat) return { colours: u.map(viridis), classes: null };
  const classes = [...new Set(detail.edges.map((e) => e.linkClass))];
  const colour = (c: string) => CATEGORY10[classes.indexOf(c) % CATEGORY10.length]!;
  return { colours: detail.edges.map((e) => colour(e.linkClass)), classes };
}

/** The link graph's legend: viridis at utilisations 0, 0.2 … 1, or the link classes' colours. */
function linkLegend(classes: readonly string[] | null): { title: string; entries: LegendEntry[] } {
  if (classes === null)
    return {
      title: 'link utilisation [-]',
      entries: [0, 0.2, 0.4, 0.6, 0.8, 1].map((u) => ({ name: u.toFixed(1), color: viridis(u) })),
    };
  return {
    title: 'link class',
    entries: classes.map((c, i) => ({ name: c, color: CATEGORY10[i % CATEGORY10.length]!, symbol: 'line' })),
  };
}

const indices = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** Each link as its pieces (one, or a seam link's two stubs), in its colour. */
function linkPieces(
  detail: LinkGraphDetail,
  colours: readonly string[],
): { points: { x: number; y: number }[]; color: string }[] {
  const pieces: { points: { x: number; y: number }[]; color: string }[] = [];
  let pen = false;
  for (const r of linkGraphRows(detail)) {
    if (r.x === null || r.y === null) pen = false;
    else {
      if (r.k === 0 || !pen) pieces.push({ points: [], color: colours[r.id]! });
      pieces[pieces.length - 1]!.points.push({ x: r.x, y: r.y });
      pen = true;
    }
  }
  return pieces;
}

/**
 * Nodes on a plane × slot grid, links coloured by utilisation (0–1, viridis; by class when it does not vary:
 * linkColours); seam links drawn as border stubs; under the reduced model the subtitle gives each class's one value.
 */
export function linkGraphChart(detail: LinkGraphDetail): Drawn {
  const { planes: P, satsPerPlane: S } = detail;
  const source = detail.reducedModel
    ? 'reduced torus model (one utilisation per link class)'
    : 'maximum concurrent flow';
  const when = `snapshot at sample ${detail.sampleIndex}`;
  const perClass = classUtilizations(detail)
    .map((c) => `${c.linkClass} ${fmt(c.utilization)}`)
    .join(', ');
  const { colours, classes } = linkColours(detail);
  const nodes = Array.from({ length: P * S }, (_, n) => ({ x: Math.floor(n / S), y: n % S }));
  return drawn({
    title: `Link graph of shell ${detail.shell}`,
    subtitle: [
      `${fmt(P)} planes × ${fmt(S)} slots, ${fmt(detail.edges.length)} links; seam links drawn as stubs at the border`,
      `utilisation from the ${source}, ${when}`,
      ...(classes === null
        ? []
        : [`every link at utilisation ${fmt(detail.edges[0]!.utilization)}: links coloured by class`]),
      ...(detail.reducedModel ? [`every link of a class carries its class's utilisation: ${perClass}`] : []),
    ],
    width: Math.min(640, Math.max(320, 44 * P)),
    height: Math.min(520, Math.max(240, 36 * S)),
    // a tick at every plane and slot (labels thinned where they would overlap)
    x: { title: 'orbital plane [index]', domain: [-0.7, P - 0.3], integer: true, grid: false, values: indices(P) },
    y: { title: 'slot in plane [index]', domain: [-0.7, S - 0.3], integer: true, grid: false, values: indices(S) },
    marks: [
      { type: 'paths', paths: linkPieces(detail, colours), color: '#888', width: 2.5 },
      { type: 'dots', points: nodes, color: '#222', area: circleArea(36) },
    ],
    legends: [linkLegend(classes)],
  });
}

export function linkGraphSvg(detail: LinkGraphDetail): string {
  return linkGraphChart(detail).svg;
}

/** Counts of link utilisation in ten bins of 0.1 over [0, 1]; values above 1 count in the top bin, NaN is skipped. */
export function utilizationBins(values: readonly number[]): { lo: number; hi: number; count: number }[] {
  const bins = Array.from({ length: 10 }, (_, b) => ({ lo: b / 10, hi: (b + 1) / 10, count: 0 }));
  for (const v of values) if (!Number.isNaN(v)) bins[Math.min(9, Math.max(0, Math.floor(v * 10 + 1e-9)))]!.count++;
  return bins;
}

/** Histogram of the link utilisations of one shell's link graph; bins parted by white rules. */
export function utilizationHistogramChart(detail: LinkGraphDetail): Drawn {
  const u = detail.edges.map((e) => e.utilization);
  const over = u.filter((v) => v > 1).length;
  const bins = utilizationBins(u);
  const top = maxOf([0, ...bins.map((b) => b.count)]);
  const parts = bins.slice(1).map((b, k) => ({ x1: b.lo, y1: 0, x2: b.lo, y2: Math.max(b.count, bins[k]!.count) }));
  return drawn({
    title: `Link utilisation, shell ${detail.shell}`,
    subtitle: [
      `${fmt(u.length)} links${detail.reducedModel ? ', reduced model' : ''}${over ? `; ${fmt(over)} above 1 counted in the top bin` : ''}`,
    ],
    width: 420,
    height: 240,
    x: { title: 'link utilisation [-]', domain: [0, 1], values: [0, 0.2, 0.4, 0.6, 0.8, 1] },
    y: { title: 'links [count]', domain: [0, top], nice: true, integer: true },
    marks: [
      { type: 'bars', bars: bins.map((b) => ({ x: [b.lo, b.hi], y: [0, b.count], color: '#4c78a8' })) },
      { type: 'segments', segments: parts, color: 'white', width: 1 },
    ],
  });
}

export function utilizationHistogramSvg(detail: LinkGraphDetail): string {
  return utilizationHistogramChart(detail).svg;
}
