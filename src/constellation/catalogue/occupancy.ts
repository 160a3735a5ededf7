/**
 * Who flies where: catalogue objects counted by mean altitude and operator. Mean altitude h = a − R⊕, a = (μ/n²)^⅓
 * from the element set's own (Kozai) mean motion n, with WGS-72 μ and R⊕ (the element sets' constants; the figure
 * CelesTrak's and Space-Track's listings call mean altitude). Operator from the object's name as the catalogue
 * writes it: the constellations below by their name prefix, rocket bodies by "R/B", fragments by "DEB", everything
 * else "other". Counts are kept per 1 km of mean altitude in the shipped table (designs/catalogue/approach-flux.json,
 * built by test/generate/flux-table.ts), so a run reads a band without loading the catalogue.
 * Source: CelesTrak GP data (designs/catalogue/README.md); WGS-72 (Vallado et al., AIAA 2006-6753).
 * Assumptions: an eccentric object counts at its mean altitude only; a name the prefixes miss is "other".
 */
import { satelliteJs } from '../../base/satelliteJs.js';
import { shippedFluxTable, type FluxFile } from '../../models/orbit/catalogueFlux.js';

/** The operator groups in the order tables list them; the last three catch the rest. */
export const OPERATORS = [
  { name: 'Starlink', prefix: 'STARLINK' },
  { name: 'OneWeb', prefix: 'ONEWEB' },
  { name: 'Kuiper', prefix: 'KUIPER' },
  { name: 'Qianfan', prefix: 'QIANFAN' },
  { name: 'Guowang', prefix: 'HULIANWANG' },
] as const;
export const OTHER_ACTIVE = 'other';
export const ROCKET_BODIES = 'rocket bodies';
export const DEBRIS = 'debris';
export const OPERATOR_NAMES: readonly string[] = [...OPERATORS.map((o) => o.name), OTHER_ACTIVE, ROCKET_BODIES, DEBRIS];

/** The operator group of a catalogue name. */
export function operatorOf(name: string): string {
  const n = name.trim().toUpperCase();
  if (/\bDEB\b/.test(n)) return DEBRIS;
  if (/\bR\/B\b/.test(n)) return ROCKET_BODIES;
  return OPERATORS.find((o) => n.startsWith(o.prefix))?.name ?? OTHER_ACTIVE;
}

/** Mean altitude of an element set from its Kozai mean motion [rad/min] (header) [km]. */
export function meanAltitude_km(noKozai_rad_per_min: number): number {
  const { xke, earthRadius } = satelliteJs().constants;
  return ((xke / noKozai_rad_per_min) ** (2 / 3) - 1) * earthRadius;
}

export type Occupancy = FluxFile['occupancy'];

/** Counts of `objects` per `step_km` of mean altitude from `min_km`, by operator group (objects outside: none). */
export function buildOccupancy(
  objects: readonly { readonly name: string; readonly meanAltitude_km: number }[],
  axis: { readonly min: number; readonly step: number; readonly count: number },
): Occupancy {
  const counts = OPERATOR_NAMES.map(() => new Array<number>(axis.count).fill(0));
  for (const o of objects) {
    const k = Math.floor((o.meanAltitude_km - axis.min) / axis.step);
    if (k >= 0 && k < axis.count) counts[OPERATOR_NAMES.indexOf(operatorOf(o.name))]![k]!++;
  }
  return { altitude_km: axis, groups: OPERATOR_NAMES.map((name, g) => ({ name, counts: counts[g]! })) };
}

export interface BandOccupants {
  /** The band's edges of mean altitude [km]: [low, high), clipped to the table's grid. */
  readonly low_km: number;
  readonly high_km: number;
  readonly objects: number;
  /** Objects by operator group, every group listed (zero too), in OPERATOR_NAMES order. */
  readonly byOperator: readonly { readonly operator: string; readonly objects: number }[];
}

/** The objects of `occ` with mean altitude in [low_km, high_km), the edges taken to the table's bins. */
export function bandOccupants(occ: Readonly<Occupancy>, low_km: number, high_km: number): BandOccupants {
  const ax = occ.altitude_km;
  const k0 = Math.max(0, Math.round((low_km - ax.min) / ax.step));
  const k1 = Math.min(ax.count, Math.round((high_km - ax.min) / ax.step));
  const byOperator = occ.groups.map((g) => ({
    operator: g.name,
    objects: g.counts.slice(k0, Math.max(k0, k1)).reduce((a, b) => a + b, 0),
  }));
  return {
    low_km: ax.min + k0 * ax.step,
    high_km: ax.min + Math.max(k0, k1) * ax.step,
    objects: byOperator.reduce((a, g) => a + g.objects, 0),
    byOperator,
  };
}

/** The shipped snapshot's occupancy. */
export const shippedOccupancy = (): Occupancy => shippedFluxTable().occupancy;
