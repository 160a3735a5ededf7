/**
 * Constellation report plots: the shell map (altitude vs inclination, with the FCC filings' envelopes),
 * one shell's inter-satellite link graph and its utilisation histogram. Pure functions of plain data
 * returning static SVG strings (vega-lite rendered in Node, see plots.ts). The time-series plots live in
 * constellationPlotsSeries.ts and are re-exported here.
 */
import type { LinkGraphDetail } from '../../constellation/record/details.js';
import { sunSynchronousInclination } from '../../models/orbit/orbit.js';
import { fmt } from '../../base/numberFormat.js';
import { renderPlotSvg } from './constellationPlotsSeries.js';
import { placeLabels } from '../plots/labelPlacement.js';

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
  const lo = Math.min(...values),
    hi = Math.max(...values);
  return Number.isFinite(lo) ? [lo - pad, hi + pad] : [0, 1];
}

/** `SpaceX ODC, FCC SAT-LOA-…: 500–2,000 km at 30° and SSO`. */
export function describeEnvelope(e: FilingEnvelope): string {
  const inc = e.inclinations.map((i) => (i.kind === 'sso' ? 'SSO' : `${fmt(i.inclination_deg)}°`));
  return `${e.name}, ${e.source}: ${fmt(e.altitude_km[0])}–${fmt(e.altitude_km[1])} km at ${inc.join(' and ')}`;
}

/** Legends wide enough for the long titles (filing numbers, scale statement). */
const LEGEND = { titleLimit: 400, labelLimit: 400 };

export interface ShellMapInput {
  /** The design's shells (all drawn in one colour, labelled by shell name). */
  readonly designs: readonly ShellPoint[];
  readonly references: readonly ReferenceConstellation[];
  readonly envelopes?: readonly FilingEnvelope[];
}

const MAP_W = 640,
  MAP_H = 400,
  MAX_MARKER_AREA_px2 = 900;

/**
 * Text layers of the shell labels, placed around their markers without overlapping each other or any marker
 * (labelPlacement.ts); a label with no free spot is left out (the shell is still drawn).
 */
function labelLayers(
  pts: readonly { label: string; i: number; h: number; n: number }[],
  xd: readonly [number, number],
  yd: readonly [number, number],
  x: object,
  y: object,
): object[] {
  const px = (i: number): number => ((i - xd[0]) / (xd[1] - xd[0])) * MAP_W,
    py = (h: number): number => (1 - (h - yd[0]) / (yd[1] - yd[0])) * MAP_H;
  const nMax = Math.max(1, ...pts.map((p) => p.n));
  const markers = pts.map((p) => {
    const r = Math.sqrt((MAX_MARKER_AREA_px2 * Math.sqrt(Math.max(0, p.n) / nMax)) / Math.PI);
    return { x0: px(p.i) - r, y0: py(p.h) - r, x1: px(p.i) + r, y1: py(p.h) + r };
  });
  const labelled = pts.map((p, k) => ({ p, k })).filter(({ p }) => p.label !== '');
  const requests = labelled.map(({ p, k }) => ({
    x: px(p.i),
    y: py(p.h),
    text: p.label,
    gap_px: (markers[k]!.x1 - markers[k]!.x0) / 2 + 3,
  }));
  const placed = placeLabels(requests, MAP_W, MAP_H, 10, 3, markers);
  const groups = new Map<string, { i: number; h: number; label: string }[]>();
  for (const l of placed) {
    const key = `${l.align}|${l.baseline}`;
    // Back from pixels to data coordinates, so the text mark's own scales put it where it was placed.
    const row = {
      i: xd[0] + (l.x / MAP_W) * (xd[1] - xd[0]),
      h: yd[0] + (1 - l.y / MAP_H) * (yd[1] - yd[0]),
      label: l.text,
    };
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups].map(([key, values]) => {
    const [align, baseline] = key.split('|');
    return {
      data: { values },
      mark: { type: 'text', align, baseline, fontSize: 10, color: '#444' },
      encoding: { x, y, text: { field: 'label' } },
    };
  });
}

type MapPoint = { cat: string; label: string; i: number; h: number; n: number };

/** The reference constellations' shells and the design's, as (inclination, altitude, satellites) points. */
function shellMapPoints(input: ShellMapInput): MapPoint[] {
  return [
    // Each reference constellation is labelled once, at its top shell (86 Sunrise planes would bury the chart).
    ...input.references.flatMap((r) => {
      const top = r.shells.reduce((a, s, i) => (s.altitude_km > r.shells[a]!.altitude_km ? i : a), 0);
      return r.shells.map((s, i) => ({ ...s, cat: 'reference constellation', label: i === top ? r.name : '' }));
    }),
    ...input.designs.map((s) => ({ ...s, cat: 'design shell', label: s.name })),
  ].map((p) => ({ cat: p.cat, label: p.label, i: p.inclination_deg, h: p.altitude_km, n: p.satellites }));
}

/** The filing envelopes as horizontal bands of inclination at each filed altitude. */
function envelopeLayer(
  bands: ReturnType<typeof envelopeBands>,
  envNames: readonly string[],
  x: Record<string, unknown>,
  y: Record<string, unknown>,
): Record<string, unknown> {
  return {
    data: { values: bands.map((b) => ({ env: b.env, band: b.band, h: b.h, i: b.lo, i2: b.hi })) },
    mark: { type: 'area', orient: 'horizontal', opacity: 0.3 },
    encoding: {
      y,
      x,
      x2: { field: 'i2' },
      detail: { field: 'band', type: 'nominal' },
      color: {
        field: 'env',
        type: 'nominal',
        title: 'filing envelope',
        scale: { domain: envNames, range: ['#1f77b4', '#ff7f0e', '#2ca02c', '#9467bd', '#8c564b'] },
        legend: LEGEND,
      },
    },
  };
}

/** The shells as circles, area ∝ √satellites, design shells in red. */
function shellLayer(
  pts: readonly MapPoint[],
  x: Record<string, unknown>,
  y: Record<string, unknown>,
): Record<string, unknown> {
  return {
    data: { values: pts },
    mark: { type: 'circle', opacity: 0.75, stroke: '#333', strokeWidth: 0.5 },
    encoding: {
      x,
      y,
      size: {
        field: 'n',
        type: 'quantitative',
        title: ['satellites per shell [-]', '(marker area ∝ √count)'],
        scale: { type: 'sqrt', zero: true, range: [0, MAX_MARKER_AREA_px2] },
        legend: LEGEND,
      },
      fill: {
        field: 'cat',
        type: 'nominal',
        title: 'shells',
        scale: { domain: ['design shell', 'reference constellation'], range: ['#d62728', '#8c8c8c'] },
        legend: LEGEND,
      },
    },
  };
}

/** Shells on altitude [km] vs inclination [deg], marker area ∝ √satellites, over the filings' envelopes. */
export async function shellMapSvg(input: ShellMapInput): Promise<string> {
  const envelopes = input.envelopes ?? FILING_ENVELOPES;
  const bands = envelopeBands(envelopes);
  const pts = shellMapPoints(input);
  const x = {
    field: 'i',
    type: 'quantitative',
    title: 'inclination [deg]',
    scale: {
      domain: span([...pts.map((p) => p.i), ...bands.flatMap((b) => [b.lo, b.hi])], 3),
      nice: false,
      zero: false,
    },
  };
  const y = {
    field: 'h',
    type: 'quantitative',
    title: 'altitude [km]',
    scale: { domain: span([...pts.map((p) => p.h), ...bands.map((b) => b.h)], 80), nice: false, zero: false },
  };
  const envNames = envelopes.map((e) => e.name);
  return renderPlotSvg(
    {
      width: MAP_W,
      height: MAP_H,
      title: {
        text: 'Shells and filing envelopes',
        subtitle: [
          ...envelopes.map(describeEnvelope),
          `bands ±${FILING_BAND_HALF_WIDTH_deg}° wide; SSO bands follow the J2 sun-synchronous inclination`,
        ],
      },
      layer: [
        envelopeLayer(bands, envNames, x, y),
        shellLayer(pts, x, y),
        ...labelLayers(pts, x.scale.domain, y.scale.domain, x, y),
      ],
      resolve: { scale: { color: 'independent' } },
    },
    'shell-map',
  );
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
 * Nodes on a plane × slot grid, links coloured by utilisation (0–1, viridis, with its scale); seam links drawn as
 * border stubs; under the reduced model the subtitle gives each class's one value.
 */
export async function linkGraphSvg(detail: LinkGraphDetail): Promise<string> {
  const { planes: P, satsPerPlane: S } = detail;
  const nodes = Array.from({ length: P * S }, (_, n) => ({ x: Math.floor(n / S), y: n % S }));
  const x = {
    field: 'x',
    type: 'quantitative',
    title: 'orbital plane [index]',
    scale: { domain: [-0.7, P - 0.3], nice: false, zero: false },
    axis: { tickMinStep: 1, format: 'd', grid: false },
  };
  const y = {
    field: 'y',
    type: 'quantitative',
    title: 'slot in plane [index]',
    scale: { domain: [-0.7, S - 0.3], nice: false, zero: false },
    axis: { tickMinStep: 1, format: 'd', grid: false },
  };
  const source = detail.reducedModel
    ? 'reduced torus model (one utilisation per link class)'
    : 'maximum concurrent flow';
  const when = detail.sampleIndex === null ? 'time-averaged' : `snapshot at sample ${detail.sampleIndex}`;
  const perClass = classUtilizations(detail)
    .map((c) => `${c.linkClass} ${fmt(c.utilization)}`)
    .join(', ');
  return renderPlotSvg(
    {
      width: Math.min(640, Math.max(320, 44 * P)),
      height: Math.min(520, Math.max(240, 36 * S)),
      title: {
        text: `Link graph of shell ${detail.shell}`,
        subtitle: [
          `${P} planes × ${S} slots, ${detail.edges.length} links; seam links drawn as stubs at the border`,
          `utilisation from the ${source}, ${when}`,
          ...(detail.reducedModel ? [`every link of a class carries its class's utilisation: ${perClass}`] : []),
        ],
      },
      layer: [
        {
          data: { values: linkGraphRows(detail) },
          mark: { type: 'line', strokeWidth: 2.5, invalid: 'break-paths-show-domains' },
          encoding: {
            x,
            y,
            detail: { field: 'id', type: 'nominal' },
            order: { field: 'k', type: 'quantitative' },
            color: {
              field: 'u',
              type: 'quantitative',
              title: 'link utilisation [-]',
              scale: { domain: [0, 1], clamp: true, scheme: 'viridis' },
              legend: LEGEND,
            },
          },
        },
        { data: { values: nodes }, mark: { type: 'circle', size: 36, color: '#222', opacity: 1 }, encoding: { x, y } },
      ],
    },
    'link-graph',
  );
}

/** Counts of link utilisation in ten bins of 0.1 over [0, 1]; values above 1 count in the top bin, NaN is skipped. */
export function utilizationBins(values: readonly number[]): { lo: number; hi: number; count: number }[] {
  const bins = Array.from({ length: 10 }, (_, b) => ({ lo: b / 10, hi: (b + 1) / 10, count: 0 }));
  for (const v of values) if (!Number.isNaN(v)) bins[Math.min(9, Math.max(0, Math.floor(v * 10 + 1e-9)))]!.count++;
  return bins;
}

/** Histogram of the link utilisations of one shell's link graph. */
export async function utilizationHistogramSvg(detail: LinkGraphDetail): Promise<string> {
  const u = detail.edges.map((e) => e.utilization);
  const over = u.filter((v) => v > 1).length;
  return renderPlotSvg(
    {
      width: 420,
      height: 240,
      title: {
        text: `Link utilisation, shell ${detail.shell}`,
        subtitle: `${u.length} links${detail.reducedModel ? ', reduced model' : ''}${over ? `; ${over} above 1 counted in the top bin` : ''}`,
      },
      data: { values: utilizationBins(u) },
      mark: { type: 'bar', color: '#4c78a8', stroke: 'white', strokeWidth: 0.5 },
      encoding: {
        x: {
          field: 'lo',
          type: 'quantitative',
          title: 'link utilisation [-]',
          scale: { domain: [0, 1], nice: false },
          axis: { values: [0, 0.2, 0.4, 0.6, 0.8, 1] },
        },
        x2: { field: 'hi' },
        y: {
          field: 'count',
          type: 'quantitative',
          title: 'links [count]',
          scale: { zero: true },
          axis: { tickMinStep: 1, format: 'd' },
        },
        y2: { datum: 0 },
      },
    },
    'utilization-histogram',
  );
}
