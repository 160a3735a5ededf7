/**
 * `odc catalog`: each catalog as a table of the figures a user chooses a row by (power, performance, mass,
 * cost, payload), one row per entry with its year and name, then the row's uncertainty distributions.
 */
import { maxOf } from '../../base/arrays.js';
import type { CatalogKind } from '../../catalog/schema.js';
import { unitOf } from '../../node/record/metrics.js';
import { fmt } from '../../base/numberFormat.js';
import { axisLabel } from '../plots/plots.js';

/** Figures shown per catalog (catalog field names; a field a row lacks shows as '-'). */
export const CATALOG_FIGURES: Readonly<Record<CatalogKind, readonly string[]>> = {
  chips: ['peakTFLOPS', 'chipPower_W', 'systemPowerPerChip_W', 'massPerChip_kg', 'costPerChip_USD', 'tidTolerance_rad'],
  solarArrays: ['cellEfficiency', 'ratedPower_W_m2', 'arealDensity_kg_m2', 'cost_USD_per_W', 'degradationPerYear'],
  batteries: ['specificEnergy_Wh_per_kg', 'maxDepthOfDischarge', 'cost_USD_per_Wh', 'cycleLife'],
  radiators: ['arealDensity_kg_m2', 'maxTemp_K', 'loopDeltaT_K', 'cost_USD_per_m2', 'flightProvenArea_m2'],
  coolants: ['specificHeat_J_per_kgK', 'density_kg_m3', 'minOperatingTemp_K'],
  coatings: ['absorptanceBol', 'absorptanceEol', 'emittance', 'emittanceEol'],
  islTerminals: ['capacity_Gbps', 'range_km', 'mass_kg', 'power_W', 'cost_USD'],
  launchVehicles: ['payloadLeo_kg', 'referenceAltitude_km', 'price_USD', 'fairingVolume_m3'],
  groundStations: ['lat_deg', 'lon_deg', 'capacity_Gbps'],
};

type Row = Readonly<Record<string, unknown> & { id: string; name: string; year: number }>;

const cell = (v: unknown): string =>
  typeof v === 'number' ? fmt(v) : typeof v === 'string' || typeof v === 'boolean' ? String(v) : '-';

/** The table of one catalog; `extraLines(row)` gives lines printed under a row (its distributions). */
export function catalogTable(
  kind: CatalogKind,
  rows: readonly Row[],
  extraLines: (row: Row) => readonly string[],
): string[] {
  const figures = CATALOG_FIGURES[kind];
  const header = ['id', ...figures.map((f) => axisLabel(f, unitOf(f)).replace(' [-]', '')), 'year', 'name'];
  const body = rows.map((r) => [r.id, ...figures.map((f) => cell(r[f])), String(r.year), r.name]);
  const widths = header.map((h, j) => maxOf([h.length, ...body.map((b) => b[j]!.length)]));
  const line = (cells: readonly string[]): string =>
    `  ${cells
      .map((c, j) => (j === 0 || j === cells.length - 1 ? c.padEnd(widths[j]!) : c.padStart(widths[j]!)))
      .join('  ')
      .trimEnd()}`;
  const out = [line(header)];
  rows.forEach((r, i) => {
    out.push(line(body[i]!));
    for (const extra of extraLines(r)) out.push(`  ${''.padEnd(widths[0]!)}   ${extra}`);
  });
  return out;
}
