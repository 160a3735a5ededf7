/**
 * The design's shells as orbital planes: one mark per plane at its right ascension of the ascending node
 * (RAAN) at the epoch against the shell's altitude, with the local time of the ascending node (LTAN) on a
 * second axis. Plane RAANs come from the shell pattern (pattern.ts `planeRaan_rad`: Walker delta/star
 * spacing, or the LTAN band of sun-synchronous shells); LTAN and RAAN are tied at the epoch by
 * Ω = α☉(epoch) + (LTAN − 12 h)·15°/h (Vallado 2013 §11.4, α☉ as in pattern.ts), so both axes are exact at
 * the epoch. A sun-synchronous plane keeps its LTAN; a non-SSO plane's LTAN drifts by its J2 nodal
 * regression minus the Sun's ~0.986°/day (stated in the plot). Drawn with the reports' chart layer (chart.ts): RAAN
 * every 45° below, LTAN every 3 h above, altitude ticks d3's inside the (not rounded) domain.
 */
import { maxOf, minOf } from '../../base/arrays.js';
import { planeRaan_rad, raanFromLtan_rad } from '../../constellation/geometry/pattern.js';
import type { ShellGeometrySpec } from '../../constellation/design/types.js';
import { fmt } from '../../base/numberFormat.js';
import { PALETTE } from '../plots/plots.js';
import { drawn, type Drawn, type Mark } from '../../chart/chart.js';
import type { TopAxis } from '../../chart/chartMarks.js';

const DEG_PER_RAD = 180 / Math.PI;
const DEG_PER_HOUR = 15;

export interface PlaneRow {
  readonly shell: string;
  readonly plane: number;
  readonly altitude_km: number;
  /** RAAN at the epoch [deg], in [0, 360). */
  readonly raan_deg: number;
  /** LTAN at the epoch [h], in [0, 24). */
  readonly ltan_h: number;
  readonly sunSynchronous: boolean;
}

/** Right ascension of the mean Sun at the epoch [deg] (the RAAN of a noon-LTAN plane). */
export const sunRightAscension_deg = (epochIso: string): number => raanFromLtan_rad(12, epochIso) * DEG_PER_RAD;

/** LTAN [h, 0–24) of a plane with this RAAN [deg] at an epoch where the Sun's right ascension is sunRa_deg. */
export function ltanOfRaan_h(raan_deg: number, sunRa_deg: number): number {
  const h = 12 + (raan_deg - sunRa_deg) / DEG_PER_HOUR;
  return ((h % 24) + 24) % 24;
}

/** One row per plane of every shell (cluster shells: one row per cluster). */
export function planeRows(shells: readonly ShellGeometrySpec[], epochIso: string): PlaneRow[] {
  const sunRa = sunRightAscension_deg(epochIso);
  return shells.flatMap((s) =>
    Array.from({ length: s.planes }, (_, p) => {
      const raan_deg = planeRaan_rad(s, p, epochIso) * DEG_PER_RAD;
      const ltan_h = ltanOfRaan_h(raan_deg, sunRa);
      return {
        shell: s.name,
        plane: p,
        altitude_km: s.altitude_m / 1e3,
        raan_deg,
        ltan_h,
        sunSynchronous: s.sunSynchronous,
      };
    }),
  );
}

/** Altitude axis domain [km]: the shells' span padded by 20 % of it, at least ±15 km. */
export function altitudeDomain_km(altitudes_km: readonly number[]): [number, number] {
  if (altitudes_km.length === 0) return [0, 1];
  const lo = minOf(altitudes_km),
    hi = maxOf(altitudes_km);
  const pad = Math.max(15, 0.2 * (hi - lo));
  return [lo - pad, hi + pad];
}

/** `06:30` for 6.5 h. */
export function clockText(h: number): string {
  const m = Math.round((((h % 24) + 24) % 24) * 60) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** Legend text of a shell: `low: 550 km, 53°, 60 planes × 70` or `… SSO 97.9°, LTAN 05:15–06:45, …`. */
export function shellLegend(s: ShellGeometrySpec, rows: readonly PlaneRow[]): string {
  const inc = `${s.sunSynchronous ? 'SSO ' : ''}${fmt(s.inclination_rad * DEG_PER_RAD)}°`;
  const own = rows.filter((r) => r.shell === s.name);
  const ltans = own.map((r) => r.ltan_h);
  const band = own.length > 1 ? `–${clockText(maxOf(ltans))}` : '';
  const ltan =
    !s.sunSynchronous || own.length === 0
      ? ''
      : own.length === 1 || s.pattern === 'sso-ltan'
        ? `, LTAN ${clockText(minOf(ltans))}${band}`
        : `, LTAN every ${fmt(24 / own.length)} h`;
  const unit = s.pattern === 'cluster' ? 'clusters' : 'planes';
  return `${s.name}: ${fmt(s.altitude_m / 1e3)} km, ${inc}${ltan}, ${fmt(s.planes)} ${unit} × ${fmt(s.satsPerPlane)}`;
}

/** The top axis: LTAN at the epoch every 3 h on whole hours, at the RAAN it has at the epoch, labelled modulo 24 h. */
function ltanAxis(sunRa: number): TopAxis {
  // LTAN unwrapped onto the RAAN axis's [0, 360]: l = 12 h + (RAAN − α☉)/15°/h, so both x scales are one linear map.
  const ltan0 = 12 - sunRa / DEG_PER_HOUR;
  const values = Array.from({ length: 9 }, (_, k) => Math.ceil(ltan0 / 3) * 3 + 3 * k).filter((v) => v <= ltan0 + 24);
  return {
    title: 'LTAN at the epoch [h]',
    ticks: values.map((v) => ({
      value: (v - ltan0) * DEG_PER_HOUR,
      label: `${String(((v % 24) + 24) % 24).padStart(2, '0')}:00`,
    })),
  };
}

/**
 * Planes as short vertical rules at (RAAN, altitude), one colour per shell; LTAN at the epoch on the top axis; the
 * scene of the chart as well as its SVG.
 */
export function shellPlanesChart(shells: readonly ShellGeometrySpec[], epochIso: string): Drawn {
  const rows = planeRows(shells, epochIso);
  const [lo, hi] = altitudeDomain_km(shells.map((s) => s.altitude_m / 1e3));
  const half = (hi - lo) * 0.06;
  const rules = shells.map((s, i): Mark => ({
    type: 'segments',
    segments: rows
      .filter((r) => r.shell === s.name)
      .map((r) => ({ x1: r.raan_deg, y1: r.altitude_km - half, x2: r.raan_deg, y2: r.altitude_km + half })),
    color: PALETTE[i % PALETTE.length]!,
    width: 2,
  }));
  const sso = shells.some((s) => s.sunSynchronous),
    other = shells.some((s) => !s.sunSynchronous);
  const drift = other ? 'non-SSO planes drift in LTAN over days' : 'SSO planes keep their LTAN';
  return drawn({
    title: `Orbital planes of the design's ${shells.length} shell(s)`,
    subtitle: [
      `each plane at its RAAN (bottom) and LTAN (top) at ${epochIso}`,
      sso && !other ? drift : `LTAN at the epoch only: ${drift}`,
    ],
    width: 640,
    height: Math.max(160, 60 * new Set(shells.map((s) => s.altitude_m)).size + 60),
    x: { title: 'RAAN at the epoch [deg]', domain: [0, 360], values: [0, 45, 90, 135, 180, 225, 270, 315, 360] },
    y: { title: 'altitude [km]', domain: [lo, hi] },
    top: ltanAxis(sunRightAscension_deg(epochIso)),
    marks: rules,
    legends: [
      {
        title: 'shell',
        entries: shells.map((s, i) => ({
          name: shellLegend(s, rows),
          color: PALETTE[i % PALETTE.length]!,
          symbol: 'line',
        })),
      },
    ],
    legendBelow: true,
  });
}

export function shellPlanesSvg(shells: readonly ShellGeometrySpec[], epochIso: string): string {
  return shellPlanesChart(shells, epochIso).svg;
}
