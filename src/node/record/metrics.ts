/**
 * Every numeric metric of the design record, by dotted path: what study objectives and constraints may
 * name. A test checks this list against the leaves of an evaluated record so the two cannot drift.
 */
import { didYouMean } from '../../base/errors.js';

export const METRIC_PATHS = [
  'orbit.altitude_km',
  'orbit.inclination_deg',
  'orbit.ltan_h',
  'orbit.period_min',
  'orbit.speed_km_s',
  'orbit.betaMin_deg',
  'orbit.betaMax_deg',
  'orbit.eclipseFraction',
  'orbit.worstEclipseFraction',
  'orbit.maxEclipse_min',
  'power.arrayArea_m2',
  'power.requiredArrayArea_m2',
  'power.bolPower_W',
  'power.eolPower_W',
  'power.demandAvg_W',
  'power.demandPeak_W',
  'power.heaterPower_W',
  'power.batteryEnergy_Wh',
  'power.depthOfDischarge',
  'power.arrayMass_kg',
  'power.batteryMass_kg',
  'thermal.heatLoad_W',
  'thermal.radiatorArea_m2',
  'thermal.requiredRadiatorArea_m2',
  'thermal.radiatorTemp_K',
  'thermal.netFlux_W_m2',
  'thermal.radiatorMass_kg',
  'thermal.pumpPower_W',
  'thermal.coolantHotTemp_K',
  'thermal.junctionTemp_K',
  'thermal.junctionLimit_K',
  'thermal.batteryLoss_W',
  'radiation.shielding_mm_al',
  'radiation.doseRate_rad_per_yr',
  'radiation.missionDose_rad',
  'radiation.tolerance_rad',
  'radiation.softThreshold_rad',
  'radiation.timeToTolerance_yr',
  'radiation.timeToSoftThreshold_yr',
  'radiation.designMargin',
  'radiation.shieldingMass_kg',
  'drag.density_kg_m3',
  'drag.dragArea_m2',
  'drag.ballisticCoefficient_kg_m2',
  'drag.stationKeepingDeltaV_m_s_per_yr',
  'drag.propellantMass_kg',
  'drag.passiveDecay_yr',
  'compute.chips',
  'compute.itPowerAvg_W',
  'compute.itPowerPeak_W',
  'compute.peakPFLOPS',
  'compute.deliveredPFLOPS',
  'compute.mass_kg',
  'compute.sustainedFraction',
  'compute.deliveredFraction',
  'compute.powerThrottle',
  'compute.thermalThrottle',
  'isl.terminals',
  'isl.mass_kg',
  'isl.power_W',
  'isl.capacity_Gbps',
  'mass.compute_kg',
  'mass.array_kg',
  'mass.battery_kg',
  'mass.radiator_kg',
  'mass.shielding_kg',
  'mass.isl_kg',
  'mass.bus_kg',
  'mass.propellant_kg',
  'mass.propellantTank_kg',
  'mass.margin_kg',
  'mass.dry_kg',
  'mass.launch_kg',
  'mass.allocated_kg',
  'mass.kW_per_t',
  'mass.specificPower_W_per_kg',
  'mass.stowedVolume_m3',
  'cost.hardware_USD',
  'cost.launch_USD',
  'cost.operations_USD',
  'cost.total_USD',
  'cost.launchPrice_USD_per_kg',
  'cost.nodesPerLaunch',
  'cost.lcoc_USD_per_PFLOP_day',
  'cost.costPerKWyr_USD',
  'cost.terrestrialCostPerKWyr_USD',
  'cost.terrestrialLcoc_USD_per_PFLOP_day',
  'cost.lcocDiscounted_USD_per_PFLOP_day',
  'cost.discountRate_per_yr',
  'cost.programLcoc_USD_per_PFLOP_day',
  'cost.nodesBuilt',
  'cost.averageNodeCost_USD',
  'cost.capexExChips_USD_per_W',
  'cost.capexWithChips_USD_per_W',
  'cost.lcocToBaseline',
  'economics.costPerChipHour_USD',
  'economics.costPerChipHourDiscounted_USD',
  'economics.costPerMWh_USD',
  'economics.costPerMWhDiscounted_USD',
  'economics.terrestrialCostPerChipHour_USD',
  'economics.terrestrialCostPerChipHourDiscounted_USD',
  'economics.terrestrialCostPerMWh_USD',
  'economics.terrestrialCostPerMWhDiscounted_USD',
  'inference.replicaChips',
  'inference.decodePerSequence_tokens_per_s',
  'inference.perChip_tokens_per_s',
  'inference.node_tokens_per_s',
  'inference.itPower_tokens_per_s_per_MW',
  'inference.cost_USD_per_Mtoken',
  'inference.flopsBound_tokens_per_s',
  'inference.flopsBoundCost_USD_per_Mtoken',
  'economics.parityYear',
  'economics.parityRatioLastYear',
] as const;
/** Metrics that are null, with the reason in the record, when the model cannot give them (read as NaN by studies). */
export const NULLABLE_METRIC_PATHS: ReadonlySet<string> = new Set([
  'orbit.ltan_h',
  'inference.replicaChips',
  'inference.decodePerSequence_tokens_per_s',
  'inference.perChip_tokens_per_s',
  'inference.node_tokens_per_s',
  'inference.itPower_tokens_per_s_per_MW',
  'inference.cost_USD_per_Mtoken',
  'economics.parityYear',
]);
export type MetricPath = (typeof METRIC_PATHS)[number];

const METRIC_SET: ReadonlySet<string> = new Set(METRIC_PATHS);
export const isMetricPath = (p: string): p is MetricPath => METRIC_SET.has(p);

/** Readable unit from a key's suffix: `lcoc_USD_per_PFLOP_day` → `USD/PFLOP-day`, `radiatorArea_m2` → `m²`. */
export function unitOf(path: string): string {
  // A statistic over uncertainty samples (`p90(cost.lcoc_USD_per_PFLOP_day)`, `sd(mass.launch_kg)`) carries its
  // metric's unit.
  const wrapped = /^[a-z][a-z0-9]*\((.+)\)$/.exec(path);
  if (wrapped) return unitOf(wrapped[1]!);
  // Statistics of a quantity (`isl.linkRange_km.max`) carry the quantity's unit.
  const stat = /\.(min|mean|max)$/.exec(path);
  if (stat) return unitOf(path.slice(0, stat.index));
  const key = path.slice(path.lastIndexOf('.') + 1);
  // `costPerChipHour_USD` → USD/chip-h, `costPerMWhDiscounted_USD` → USD/MWh
  const per = /^(?:terrestrial)?[cC]ostPer(ChipHour|MWh)(?:Discounted)?_USD$/.exec(key);
  if (per) return `USD/${per[1] === 'ChipHour' ? 'chip-h' : 'MWh'}`;
  if (key === 'peakPFLOPS' || key === 'deliveredPFLOPS') return 'PFLOPS';
  if (key === 'kW_per_t') return 'kW/t';
  if (key === 'parityYear') return 'yr';
  const cut = key.indexOf('_');
  if (cut < 0) return '-';
  return key
    .slice(cut + 1)
    .replace(/^per_/, '1/')
    .replace(/_per_/g, '/')
    .replace(/^mm_al$/, 'mm Al')
    .replace(/PFLOP_day/, 'PFLOP-day')
    .replace(/^deg_s$/, 'deg/s')
    .replace(/^per_km3$/, '1/km³')
    .replace(/m_s/, 'm/s')
    .replace(/km_s/, 'km/s')
    .replace(/kg_m3/, 'kg/m³')
    .replace(/kg_m2/, 'kg/m²')
    .replace(/W_m2/, 'W/m²')
    .replace(/m2$/, 'm²')
    .replace(/m3$/, 'm³')
    .replace(/KWyr/, 'kW-yr');
}

/** "Unknown metric" message with a suggestion. */
export function unknownMetricHint(path: string): string {
  const guess = didYouMean(path, METRIC_PATHS);
  return guess
    ? `did you mean ${guess}?`
    : `metrics are named section.key, e.g. cost.lcoc_USD_per_PFLOP_day (run 'odc metrics' to list them)`;
}

/** Value at a dotted path of a record, or undefined. */
export function metricValue(record: unknown, path: string): number | undefined {
  let v: unknown = record;
  for (const part of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return typeof v === 'number' ? v : undefined;
}

/** A fast accessor for a metric path (split once): NaN when the record has no number there. */
export function metricGetter(path: string): (record: unknown) => number {
  const [section, key] = path.split('.') as [string, string];
  return (record) => {
    const v = (record as Record<string, Record<string, unknown> | undefined>)[section]?.[key];
    return typeof v === 'number' ? v : NaN;
  };
}
