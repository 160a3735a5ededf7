/**
 * The design's shells as orbital planes: one mark per plane at its right ascension of the ascending node
 * (RAAN) at the epoch against the shell's altitude, with the local time of the ascending node (LTAN) on a
 * second axis. Plane RAANs come from the shell pattern (pattern.ts `planeRaan_rad`: Walker delta/star
 * spacing, or the LTAN band of sun-synchronous shells); LTAN and RAAN are tied at the epoch by
 * Ω = α☉(epoch) + (LTAN − 12 h)·15°/h (Vallado 2013 §11.4, α☉ as in pattern.ts), so both axes are exact at
 * the epoch. A sun-synchronous plane keeps its LTAN; a non-SSO plane's LTAN drifts by its J2 nodal
 * regression minus the Sun's ~0.986°/day (stated in the plot).
 */
import { planeRaan_rad, raanFromLtan_rad } from '../../constellation/geometry/pattern.js';
import type { ShellGeometrySpec } from '../../constellation/design/types.js';
import { fmt } from '../../base/numberFormat.js';
import { renderPlotSvg } from './constellationPlotsSeries.js';
import { PALETTE } from '../plots/plots.js';

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
  const lo = Math.min(...altitudes_km),
    hi = Math.max(...altitudes_km);
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
  const band = own.length > 1 ? `–${clockText(Math.max(...ltans))}` : '';
  const ltan =
    !s.sunSynchronous || own.length === 0
      ? ''
      : own.length === 1 || s.pattern === 'sso-ltan'
        ? `, LTAN ${clockText(Math.min(...ltans))}${band}`
        : `, LTAN every ${fmt(24 / own.length)} h`;
  const unit = s.pattern === 'cluster' ? 'clusters' : 'planes';
  return `${s.name}: ${fmt(s.altitude_m / 1e3)} km, ${inc}${ltan}, ${s.planes} ${unit} × ${s.satsPerPlane}`;
}

/** One plane drawn: its shell's legend, RAAN, altitude span and LTAN on the RAAN axis's scale. */
type PlaneMark = { s: string; x: number; y0: number; y1: number; l: number };

/** The planes as rules at their RAAN, coloured by shell. */
function raanLayer(
  values: readonly PlaneMark[],
  y: Record<string, unknown>,
  names: readonly string[],
): Record<string, unknown> {
  return {
    data: { values },
    mark: { type: 'rule', strokeWidth: 2 },
    encoding: {
      x: {
        field: 'x',
        type: 'quantitative',
        title: 'RAAN at the epoch [deg]',
        scale: { domain: [0, 360], nice: false },
        axis: { values: [0, 45, 90, 135, 180, 225, 270, 315, 360] },
      },
      y,
      y2: { field: 'y1' },
      color: {
        field: 's',
        type: 'nominal',
        title: 'shell',
        scale: { domain: names, range: PALETTE },
        legend: { orient: 'bottom', direction: 'vertical', labelLimit: 600 },
      },
    },
  };
}

/** An invisible copy of the planes on the LTAN scale, which draws the top axis. */
function ltanLayer(
  values: readonly PlaneMark[],
  y: Record<string, unknown>,
  ltan0: number,
  ltanTicks: readonly number[],
): Record<string, unknown> {
  return {
    data: { values },
    mark: { type: 'rule', opacity: 0 },
    encoding: {
      x: {
        field: 'l',
        type: 'quantitative',
        title: 'LTAN at the epoch [h]',
        scale: { domain: [ltan0, ltan0 + 24], nice: false },
        axis: {
          orient: 'top',
          values: ltanTicks,
          labelExpr: "format(((datum.value % 24) + 24) % 24, '02d') + ':00'",
        },
      },
      y,
      y2: { field: 'y1' },
    },
  };
}

/** Planes as short vertical rules at (RAAN, altitude), one colour per shell; LTAN at the epoch on the top axis. */
export async function shellPlanesSvg(shells: readonly ShellGeometrySpec[], epochIso: string): Promise<string> {
  const rows = planeRows(shells, epochIso);
  const sunRa = sunRightAscension_deg(epochIso);
  const [lo, hi] = altitudeDomain_km(shells.map((s) => s.altitude_m / 1e3));
  const half = (hi - lo) * 0.06;
  const names = shells.map((s) => shellLegend(s, rows));
  const nameOf = new Map(shells.map((s, i) => [s.name, names[i]!]));
  const values = rows.map((r) => ({
    s: nameOf.get(r.shell)!,
    x: r.raan_deg,
    y0: r.altitude_km - half,
    y1: r.altitude_km + half,
    // LTAN unwrapped onto the RAAN axis's [0, 360) so both x scales are the same linear map.
    l: 12 + (r.raan_deg - sunRa) / DEG_PER_HOUR,
  }));
  const ltan0 = 12 - sunRa / DEG_PER_HOUR;
  // Whole 3 h ticks within the top axis's [ltan0, ltan0 + 24] (labelled modulo 24).
  const ltanTicks = Array.from({ length: 9 }, (_, k) => Math.ceil(ltan0 / 3) * 3 + 3 * k).filter(
    (v) => v <= ltan0 + 24,
  );
  const sso = shells.some((s) => s.sunSynchronous),
    other = shells.some((s) => !s.sunSynchronous);
  const drift = other ? 'non-SSO planes drift in LTAN over days' : 'SSO planes keep their LTAN';
  const y = {
    field: 'y0',
    type: 'quantitative',
    title: 'altitude [km]',
    scale: { domain: [lo, hi], nice: false, zero: false },
  };
  return renderPlotSvg(
    {
      width: 640,
      height: Math.max(160, 60 * new Set(shells.map((s) => s.altitude_m)).size + 60),
      title: {
        text: `Orbital planes of the design's ${shells.length} shell(s)`,
        subtitle: [
          `each plane at its RAAN (bottom) and LTAN (top) at ${epochIso}`,
          sso && !other ? drift : `LTAN at the epoch only: ${drift}`,
        ],
      },
      layer: [raanLayer(values, y, names), ltanLayer(values, y, ltan0, ltanTicks)],
      resolve: { scale: { x: 'independent' } },
    },
    'shell-planes',
  );
}
