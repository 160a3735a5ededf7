/**
 * Constellation report plots: the shell map (altitude vs inclination, with the FCC filings' envelopes),
 * one shell's inter-satellite link graph and its utilisation histogram. Pure functions of plain data
 * returning static SVG strings, written directly (plotParts.ts, svg.ts) as vega-lite drew the same specs: same data,
 * marks, colours, sizes, titles and ticks, in a few milliseconds instead of vega's load and layout; the histogram's
 * "nice" count axis is d3's nice in one pass (niceMax). The time-series plots live in constellationPlotsSeries.ts and
 * are re-exported here.
 */
import { maxOf, minOf } from '../../base/arrays.js';
import type { LinkGraphDetail } from '../../constellation/record/details.js';
import { sunSynchronousInclination } from '../../models/orbit/orbit.js';
import { fmt } from '../../base/numberFormat.js';
import { CATEGORY10 } from '../plots/chart.js';
import { legendSvg } from './plotChrome.js';
import { placeLabels } from '../plots/labelPlacement.js';
import {
  LEGEND_OFFSET,
  LEGEND_SYMBOL_px2,
  linear,
  niceMax,
  PAD,
  px,
  svgDocument,
  symbolPath,
  text,
  tickFormat,
  ticks,
  type Frame,
} from '../plots/svg.js';
import {
  axesSvg,
  circleLegend,
  gradientLegend,
  leftAxisWidth,
  linearAxis,
  plotTop,
  titleSvg,
  VIRIDIS,
  viridis,
  type Titles,
} from './plotParts.js';

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
const SHELL_COLORS = { 'design shell': '#d62728', 'reference constellation': '#8c8c8c' } as const;
/** Radius [px] of a legend's category circle (vega-lite's legend symbolSize 80 px², plots.ts). */
const LEGEND_R = Math.sqrt(LEGEND_SYMBOL_px2) / 2;

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
 * in the plot's pixels; a marker's box is √(area/π) from its centre); a label with no free spot is left out (the shell
 * is still drawn).
 */
function shellLabels(pts: readonly MapPoint[], area: readonly number[], at: (p: MapPoint) => [number, number]): string {
  const markers = pts.map((p, k) => {
    const [x, y] = at(p),
      r = Math.sqrt(area[k]! / Math.PI);
    return { x0: x - r, y0: y - r, x1: x + r, y1: y + r };
  });
  const requests = pts.flatMap((p, k) => {
    const [x, y] = at(p);
    return p.label === '' ? [] : [{ x, y, text: p.label, gap_px: (markers[k]!.x1 - markers[k]!.x0) / 2 + 3 }];
  });
  const anchor = { left: 'start', right: 'end', center: 'middle' } as const;
  const placed = placeLabels(requests, MAP_W, MAP_H, 10, 3, markers).map((l) =>
    // vega's bottom baseline: 0.21 font sizes above the text's baseline
    text(l.x, l.baseline === 'bottom' ? l.y - 2.1 : l.y, l.text, {
      size: 10,
      color: '#444',
      anchor: anchor[l.align],
      baseline: l.baseline === 'bottom' ? 'alphabetic' : l.baseline,
    }),
  );
  return `<g class="mark-text role-mark">${placed.join('')}</g>`;
}

/** The filing envelopes' bands (one area each, from the low edge up and back down the high edge) in `sx`, `sy`. */
function envelopeAreas(
  bands: ReturnType<typeof envelopeBands>,
  envNames: readonly string[],
  sx: (i: number) => number,
  sy: (h: number) => number,
): string {
  const byBand = new Map<string, typeof bands>();
  for (const b of bands) byBand.set(b.band, [...(byBand.get(b.band) ?? []), b]);
  return [...byBand.values()]
    .map((rows) => {
      const edge = [...rows.map((b) => [b.lo, b.h]), ...[...rows].reverse().map((b) => [b.hi, b.h])];
      const color = ENVELOPE_COLORS[envNames.indexOf(rows[0]!.env) % ENVELOPE_COLORS.length];
      const d = `M${edge.map(([i, h]) => `${px(sx(i!))},${px(sy(h!))}`).join('L')}Z`;
      return `<g class="mark-area role-mark"><path d="${d}" fill="${color}" opacity="0.3"/></g>`;
    })
    .join('');
}

/** The three legends right of the map: marker size, shell kind, filing envelope; with their width and height. */
function shellMapLegends(
  x: number,
  y: number,
  nMax: number,
  envNames: readonly string[],
): { svg: string; width: number; height: number } {
  const sizeTicks = ticks(0, nMax, 5);
  const format = tickFormat(sizeTicks.step);
  const size = circleLegend(
    x,
    y,
    ['satellites per shell [-]', '(marker area ∝ √count)'],
    sizeTicks.values
      .filter((v) => v > 0)
      .map((v) => ({
        label: format(v),
        r: Math.sqrt(MAX_MARKER_AREA_px2 * Math.sqrt(v / nMax)) / 2,
        style: 'fill="#000" fill-opacity="0.75" stroke="#333" stroke-width="1.5" opacity="0.75"',
      })),
  );
  const kinds = circleLegend(
    x,
    y + size.height + 8,
    ['shells'],
    Object.entries(SHELL_COLORS).map(([label, c]) => ({
      label,
      r: LEGEND_R,
      style: `fill="${c}" stroke="#333" stroke-width="1.5" opacity="0.75"`,
    })),
  );
  const envs = circleLegend(
    x,
    y + size.height + kinds.height + 16,
    ['filing envelope'],
    envNames.map((label, k) => ({
      label,
      r: LEGEND_R,
      style: `fill="${ENVELOPE_COLORS[k % ENVELOPE_COLORS.length]}" opacity="0.3"`,
    })),
  );
  return {
    svg: size.svg + kinds.svg + envs.svg,
    width: Math.max(size.width, kinds.width, envs.width),
    height: size.height + kinds.height + envs.height + 16,
  };
}

/**
 * Shells on altitude [km] vs inclination [deg], marker area ∝ √satellites (900 px² at the most; vega's circle of area
 * s has radius √s / 2), over the filings' envelopes.
 */
export async function shellMapSvg(input: ShellMapInput): Promise<string> {
  const envelopes = input.envelopes ?? FILING_ENVELOPES;
  const bands = envelopeBands(envelopes);
  const pts = shellMapPoints(input);
  const titles: Titles = {
    title: 'Shells and filing envelopes',
    subtitle: [
      ...envelopes.map(describeEnvelope),
      `bands ±${FILING_BAND_HALF_WIDTH_deg}° wide; SSO bands follow the J2 sun-synchronous inclination`,
    ],
  };
  const xAxis = linearAxis(
    span([...pts.map((p) => p.i), ...bands.flatMap((b) => [b.lo, b.hi])], 3),
    MAP_W,
    'inclination [deg]',
  );
  const yAxis = linearAxis(span([...pts.map((p) => p.h), ...bands.map((b) => b.h)], 80), MAP_H, 'altitude [km]');
  const f: Frame = { x: PAD + leftAxisWidth(yAxis), y: plotTop(titles, yAxis, MAP_H), width: MAP_W, height: MAP_H };
  // the marks are drawn in the plot's own pixels (the label placement's), shifted to the frame
  const sx = linear(xAxis.domain[0], xAxis.domain[1], 0, MAP_W),
    sy = linear(yAxis.domain[0], yAxis.domain[1], MAP_H, 0);
  const nMax = maxOf([1, ...pts.map((p) => p.n)]);
  const area = pts.map((p) => MAX_MARKER_AREA_px2 * Math.sqrt(Math.max(0, p.n) / nMax));
  const circles = pts.map(
    (p, k) =>
      `<path transform="translate(${px(sx(p.i))},${px(sy(p.h))})" d="${symbolPath('circle', (Math.PI / 4) * area[k]!)}" fill="${SHELL_COLORS[p.cat]}"/>`,
  );
  const envNames = envelopes.map((e) => e.name);
  const legends = shellMapLegends(f.x + MAP_W + LEGEND_OFFSET, f.y, nMax, envNames);
  const title = titleSvg(titles);
  const body =
    axesSvg(f, xAxis, yAxis) +
    `<g transform="translate(${px(f.x)},${px(f.y)})">${envelopeAreas(bands, envNames, sx, sy)}` +
    `<g class="mark-symbol role-mark" stroke="#333" stroke-width="0.5" opacity="0.75">${circles.join('')}</g>` +
    `${shellLabels(pts, area, (p) => [sx(p.i), sy(p.h)])}</g>${legends.svg}${title.svg}`;
  return svgDocument(
    Math.max(f.x + MAP_W + LEGEND_OFFSET + legends.width, PAD + title.width) + PAD,
    Math.max(f.y + MAP_H + 38, f.y + legends.height + PAD),
    body,
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

/** Each link as one path (`M…L…`, a seam link's two stubs `M…L…M…L…`) in `sx`, `sy`, coloured by its utilisation. */
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

/** The link graph's legend at (x, y): the utilisation scale, or the link classes' colours. */
function linkLegend(
  x: number,
  y: number,
  classes: readonly string[] | null,
): { svg: string; width: number; height: number } {
  if (classes === null)
    return gradientLegend(
      x,
      y,
      'link utilisation [-]',
      'link-graph-gradient0',
      VIRIDIS.map((c) => `rgb(${c.join(', ')})`),
      [0, 0.2, 0.4, 0.6, 0.8, 1],
      tickFormat(0.2),
    );
  const entries = classes.map((c, i) => ({
    name: c,
    symbol: `<path d="M-6,0H6" stroke="${CATEGORY10[i % CATEGORY10.length]!}" stroke-width="2.5"/>`,
  }));
  return legendSvg(x, y, 'link class', entries, 'vertical');
}

function linkPaths(
  detail: LinkGraphDetail,
  colours: readonly string[],
  sx: (x: number) => number,
  sy: (y: number) => number,
): string {
  const byId: string[][] = detail.edges.map(() => []);
  let pen = 'M';
  for (const r of linkGraphRows(detail)) {
    if (r.x === null || r.y === null) pen = 'M';
    else {
      byId[r.id]!.push(`${r.k === 0 ? 'M' : pen}${px(sx(r.x))},${px(sy(r.y))}`);
      pen = 'L';
    }
  }
  return detail.edges
    .map(
      (_, id) =>
        `<g class="mark-line role-mark" fill="none"><path d="${byId[id]!.join('')}" stroke="${colours[id]!}" stroke-width="2.5"/></g>`,
    )
    .join('');
}

/**
 * Nodes on a plane × slot grid, links coloured by utilisation (0–1, viridis, with its scale; by class when it does
 * not vary: linkColours); seam links drawn as border stubs; under the reduced model the subtitle gives each class's
 * one value.
 */
export async function linkGraphSvg(detail: LinkGraphDetail): Promise<string> {
  const { planes: P, satsPerPlane: S } = detail;
  const width = Math.min(640, Math.max(320, 44 * P)),
    height = Math.min(520, Math.max(240, 36 * S));
  const source = detail.reducedModel
    ? 'reduced torus model (one utilisation per link class)'
    : 'maximum concurrent flow';
  const when = detail.sampleIndex === null ? 'time-averaged' : `snapshot at sample ${detail.sampleIndex}`;
  const perClass = classUtilizations(detail)
    .map((c) => `${c.linkClass} ${fmt(c.utilization)}`)
    .join(', ');
  const { colours, classes } = linkColours(detail);
  const titles: Titles = {
    title: `Link graph of shell ${detail.shell}`,
    subtitle: [
      `${fmt(P)} planes × ${fmt(S)} slots, ${fmt(detail.edges.length)} links; seam links drawn as stubs at the border`,
      `utilisation from the ${source}, ${when}`,
      ...(classes === null
        ? []
        : [`every link at utilisation ${fmt(detail.edges[0]!.utilization)}: links coloured by class`]),
      ...(detail.reducedModel ? [`every link of a class carries its class's utilisation: ${perClass}`] : []),
    ],
  };
  const index = { integer: true, grid: false };
  const xAxis = linearAxis([-0.7, P - 0.3], width, 'orbital plane [index]', index);
  const yAxis = linearAxis([-0.7, S - 0.3], height, 'slot in plane [index]', index);
  const f: Frame = { x: PAD + leftAxisWidth(yAxis), y: plotTop(titles, yAxis, height), width, height };
  const sx = linear(xAxis.domain[0], xAxis.domain[1], f.x, f.x + width),
    sy = linear(yAxis.domain[0], yAxis.domain[1], f.y + height, f.y);
  const node = symbolPath('circle', (Math.PI / 4) * 36);
  const nodes = Array.from(
    { length: P * S },
    (_, n) => `<path transform="translate(${px(sx(Math.floor(n / S)))},${px(sy(n % S))})" d="${node}"/>`,
  );
  const legend = linkLegend(f.x + width + LEGEND_OFFSET, f.y, classes);
  const title = titleSvg(titles);
  return svgDocument(
    Math.max(f.x + width + LEGEND_OFFSET + legend.width, PAD + title.width) + PAD,
    Math.max(f.y + height + 38, f.y + legend.height + PAD),
    axesSvg(f, xAxis, yAxis) +
      linkPaths(detail, colours, sx, sy) +
      `<g class="mark-symbol role-mark" fill="#222">${nodes.join('')}</g>${legend.svg}${title.svg}`,
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
  const bins = utilizationBins(u);
  const width = 420,
    height = 240;
  const titles: Titles = {
    title: `Link utilisation, shell ${detail.shell}`,
    subtitle: [
      `${fmt(u.length)} links${detail.reducedModel ? ', reduced model' : ''}${over ? `; ${fmt(over)} above 1 counted in the top bin` : ''}`,
    ],
  };
  const xAxis = linearAxis([0, 1], width, 'link utilisation [-]', { values: [0, 0.2, 0.4, 0.6, 0.8, 1] });
  // vega-lite's nice zero-based count axis: the top rounded up to a tick step of about ten ticks
  const top = niceMax(maxOf([0, ...bins.map((b) => b.count)]), 10);
  const yAxis = linearAxis([0, top], height, 'links [count]', { integer: true });
  const f: Frame = { x: PAD + leftAxisWidth(yAxis), y: plotTop(titles, yAxis, height), width, height };
  const sx = linear(0, 1, f.x, f.x + width),
    sy = linear(0, top, f.y + height, f.y);
  const bars = bins.map((b) => {
    const x0 = sx(b.lo),
      y = sy(b.count);
    return `<path d="M${px(x0)},${px(y)}h${px(sx(b.hi) - x0)}v${px(sy(0) - y)}h${px(x0 - sx(b.hi))}Z"/>`;
  });
  const title = titleSvg(titles);
  return svgDocument(
    Math.max(f.x + width, PAD + title.width) + PAD,
    f.y + height + 38,
    axesSvg(f, xAxis, yAxis) +
      `<g class="mark-rect role-mark" fill="#4c78a8" stroke="white" stroke-width="0.5">${bars.join('')}</g>${title.svg}`,
  );
}
