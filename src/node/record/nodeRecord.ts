/**
 * The stages of a node evaluation (src/node/evaluate.ts and its stages*.ts files) as typed results, and the
 * DesignRecord assembled from them: user units (km, deg, min, Wh) are converted here, once, for the record.
 */
import type { Design, Rows } from './rows.js';
export type { Design, Rows };
import type { computePayload } from '../../models/compute/compute.js';
import type { computeWaterfall } from '../../models/compute/computeWaterfall.js';
import type { programEconomics } from '../../models/cost/lifecycleProgram.js';
import type { capexPerWatt } from '../../models/cost/lifecycleEconomics.js';
import type { ComparisonResult } from '../../models/cost/comparisonMetrics.js';
import type { nodeCost, stowedVolume_m3 } from '../../models/cost/cost.js';
import type { dragBudget } from '../../models/drag/drag.js';
import type { islPayload } from '../../models/links/isl.js';
import type { massBudget } from '../../models/mass/mass.js';
import type { PayloadToOrbitResult } from '../../models/launch/launchPerformance.js';
import type { orbitGeometry } from '../../models/orbit/orbit.js';
import type { powerSystem } from '../../models/power/power.js';
import type { radiationDose } from '../../models/radiation/radiation.js';
import type { radiatorSizing } from '../../models/thermal/thermal.js';
import { rad_to_deg, s_to_min } from '../../base/convert.js';
import type { BaselineParity } from '../stages/parity.js';
import type { ConstraintResult, DesignRecord, RecordWarning } from './record.js';
import type { TokenFigures } from '../stages/tokens.js';

export type Orbit = ReturnType<typeof orbitGeometry>;
export type Compute = ReturnType<typeof computePayload>;
export type Isl = ReturnType<typeof islPayload>;
export type Radiation = ReturnType<typeof radiationDose>;

/** Orbit, compute and ISL payload: what every later stage sizes against. */
export interface Payload {
  readonly orbit: Orbit;
  /** Orbit averages: delivered compute and average IT power include eclipse throttling (see `computeShare`). */
  readonly compute: Compute;
  /** Average IT power while computing unthrottled (daylight), the load the array and battery are sized for [W]. */
  readonly sunlitItPowerAvg_W: number;
  /** Orbit-average share of the unthrottled compute kept: 1 − f̄_eclipse · (1 − power.eclipseComputeFraction) [-]. */
  readonly computeShare: number;
  readonly isl: Isl;
}

export interface ThermalSizing {
  /** Heat the loop carries in the hot case: all of it, or peak IT only (`thermal.rejects`) [W]. */
  readonly heatLoad_W: number;
  readonly radiator: ReturnType<typeof radiatorSizing>;
  readonly radiatorMass_kg: number;
  readonly pumpPower_W: number;
  readonly batteryLoss_W: number;
  readonly busPower_W: number;
  readonly coolantHotTemp_K: number;
  readonly junctionTemp_K: number;
  readonly junctionLimit_K: number;
  /** Cold-case heater power in eclipse [W]. */
  readonly heaterPower_W: number;
}

export interface PowerSizing {
  readonly system: ReturnType<typeof powerSystem>;
  readonly busPower_W: number;
  readonly depthOfDischarge: number;
}

export interface MassSizing {
  readonly dragArea_m2: number;
  readonly drag: ReturnType<typeof dragBudget>;
  readonly mass: ReturnType<typeof massBudget>;
  /** The vehicle's payload into the node's orbit and how it was obtained. */
  readonly launchPayload: PayloadToOrbitResult;
}

export interface CostSizing {
  readonly stowed: ReturnType<typeof stowedVolume_m3>;
  readonly batteryEnergy_Wh: number;
  readonly cost: ReturnType<typeof nodeCost>;
}

export interface LifecycleSizing {
  readonly program: ReturnType<typeof programEconomics>;
  /** Parity year against every terrestrial baseline (./parity.ts). */
  readonly parity: readonly BaselineParity[];
  readonly capex: ReturnType<typeof capexPerWatt>;
  readonly baselines: readonly {
    readonly id: string;
    readonly lcoc_USD_per_PFLOP_day: number;
    readonly lcocDiscounted_USD_per_PFLOP_day: number;
    readonly spaceToTerrestrial: number;
  }[];
  /**
   * $/chip-hour and $/MWh of the fleet LCOC, and of economics.baseline's terrestrial scenario (undefined if unknown).
   */
  readonly comparison: ComparisonResult;
  readonly terrestrial: ComparisonResult | undefined;
}

/** Every sizing stage's result, in the order they run. */
export interface NodeSizing extends Payload {
  readonly thermal: ThermalSizing;
  readonly power: PowerSizing;
  readonly rad: Radiation;
  readonly mass: MassSizing;
  readonly cost: CostSizing;
  readonly waterfall: ReturnType<typeof computeWaterfall>;
  readonly economics: LifecycleSizing;
  readonly tokens: TokenFigures;
}

/**
 * One number (or label) of a record section, read from the sizing; `complete` false leaves out the lists (waterfall
 * steps, baselines).
 */
export type Field = (design: Design, rows: Rows, s: NodeSizing, complete: boolean) => unknown;
type Fields = { readonly [key: string]: Field };
const NONE: readonly never[] = Object.freeze([]);

/** The economics parity entry of economics.baseline, if it names a scenario. */
const ownParity = (design: Design, s: NodeSizing): BaselineParity | undefined =>
  s.economics.parity.find((b) => b.id === design.economics.baseline);

/**
 * The record's sections, field by field, each read from the sizing alone: assembleRecord builds every field, and the
 * lean evaluation of a study (node.ts `nodeMetricsEvaluator`) reads only the fields its metrics name, so a metric has
 * the same value on both paths by construction, and a stage no named field reads (the fleet economics, the token
 * figures) never runs.
 */
const FIELDS = {
  orbit: {
    altitude_km: (d) => d.orbit.altitude_km,
    inclination_deg: (_d, _r, s) => rad_to_deg(s.orbit.inclination_rad),
    sunSynchronous: (_d, _r, s) => s.orbit.sunSynchronous,
    ltan_h: (d) => (d.orbit.inclination_deg === 'sso' ? d.orbit.ltan_h : null),
    period_min: (_d, _r, s) => s_to_min(s.orbit.period_s),
    speed_km_s: (_d, _r, s) => s.orbit.speed_m_s / 1000,
    betaMin_deg: (_d, _r, s) => rad_to_deg(s.orbit.betaMin_rad),
    betaMax_deg: (_d, _r, s) => rad_to_deg(s.orbit.betaMax_rad),
    eclipseFraction: (_d, _r, s) => s.orbit.eclipseFractionMean,
    worstEclipseFraction: (_d, _r, s) => s.orbit.eclipseFractionWorst,
    maxEclipse_min: (_d, _r, s) => s_to_min(s.orbit.maxEclipse_s),
  },
  power: {
    arrayArea_m2: (d) => d.power.arrayArea_m2,
    requiredArrayArea_m2: (_d, _r, s) => s.power.system.requiredArrayArea_m2,
    bolPower_W: (_d, _r, s) => s.power.system.bolPower_W,
    eolPower_W: (_d, _r, s) => s.power.system.eolPower_W,
    demandAvg_W: (_d, _r, s) => s.power.system.demandAvg_W,
    demandPeak_W: (_d, _r, s) => s.compute.itPowerPeak_W + s.power.busPower_W + s.isl.power_W + s.thermal.pumpPower_W,
    heaterPower_W: (_d, _r, s) => s.thermal.heaterPower_W,
    eclipseComputeFraction: (d) => d.power.eclipseComputeFraction,
    batteryEnergy_Wh: (_d, _r, s) => s.cost.batteryEnergy_Wh,
    depthOfDischarge: (_d, _r, s) => s.power.depthOfDischarge,
    arrayMass_kg: (_d, _r, s) => s.power.system.arrayMass_kg,
    batteryMass_kg: (_d, _r, s) => s.power.system.batteryMass_kg,
  },
  thermal: {
    heatLoad_W: (_d, _r, s) => s.thermal.heatLoad_W,
    radiatorArea_m2: (d) => d.thermal.radiatorArea_m2,
    requiredRadiatorArea_m2: (_d, _r, s) => s.thermal.radiator.requiredRadiatorArea_m2,
    radiatorTemp_K: (_d, _r, s) => s.thermal.radiator.radiatorTemp_K,
    netFlux_W_m2: (_d, _r, s) => s.thermal.radiator.netFlux_W_m2,
    radiatorMass_kg: (_d, _r, s) => s.thermal.radiatorMass_kg,
    pumpPower_W: (_d, _r, s) => s.thermal.pumpPower_W,
    coolant: (_d, rows) => rows.coolant.id,
    coolantHotTemp_K: (_d, _r, s) => s.thermal.coolantHotTemp_K,
    junctionTemp_K: (_d, _r, s) => s.thermal.junctionTemp_K,
    junctionLimit_K: (_d, _r, s) => s.thermal.junctionLimit_K,
    batteryLoss_W: (_d, _r, s) => s.thermal.batteryLoss_W,
  },
  radiation: {
    shielding_mm_al: (d) => d.radiation.shielding_mm_al,
    doseRate_rad_per_yr: (_d, _r, s) => s.rad.doseRate_rad_per_yr,
    missionDose_rad: (_d, _r, s) => s.rad.missionDose_rad,
    tolerance_rad: (_d, rows) => rows.chip.tidTolerance_rad,
    softThreshold_rad: (_d, rows) => softDoseThreshold_rad(rows.chip),
    timeToTolerance_yr: (d, rows, s) =>
      yearsToDose(rows.chip.tidTolerance_rad, s.rad.doseRate_rad_per_yr, d.mission.radiationDesignMargin),
    timeToSoftThreshold_yr: (d, rows, s) =>
      yearsToDose(softDoseThreshold_rad(rows.chip), s.rad.doseRate_rad_per_yr, d.mission.radiationDesignMargin),
    designMargin: (d) => d.mission.radiationDesignMargin,
    shieldingMass_kg: (_d, _r, s) => s.rad.shieldingMass_kg,
  },
  drag: {
    density_kg_m3: (_d, _r, s) => s.mass.drag.density_kg_m3,
    dragArea_m2: (_d, _r, s) => s.mass.dragArea_m2,
    ballisticCoefficient_kg_m2: (_d, _r, s) => s.mass.drag.ballisticCoefficient_kg_m2,
    stationKeepingDeltaV_m_s_per_yr: (_d, _r, s) => s.mass.drag.stationKeepingDeltaV_m_s_per_yr,
    propellantMass_kg: (_d, _r, s) => s.mass.drag.propellantMass_kg,
    passiveDecay_yr: (_d, _r, s) => s.mass.drag.passiveDecay_yr,
    fccCompliant: (_d, _r, s) => s.mass.drag.fccCompliant,
  },
  compute: {
    chip: (d) => d.compute.chip,
    chips: (d) => d.compute.chips,
    itPowerAvg_W: (_d, _r, s) => s.compute.itPowerAvg_W,
    itPowerPeak_W: (_d, _r, s) => s.compute.itPowerPeak_W,
    peakPFLOPS: (_d, _r, s) => s.compute.peakPFLOPS,
    deliveredPFLOPS: (_d, _r, s) => s.compute.deliveredPFLOPS,
    precision: (_d, _r, s) => s.compute.precision,
    mass_kg: (_d, _r, s) => s.compute.mass_kg,
    sustainedFraction: (d) => d.compute.sustainedFraction,
    deliveredFraction: (_d, _r, s) => s.waterfall.deliveredFraction,
    powerThrottle: (_d, _r, s) => s.waterfall.powerThrottle,
    thermalThrottle: (_d, _r, s) => s.waterfall.thermalThrottle,
    waterfall: (_d, _r, s, complete) =>
      complete
        ? s.waterfall.steps.map((w) => ({ name: w.name, factor: w.factor, valueAfter_PFLOPS: w.valueAfter_PFLOPS }))
        : NONE,
  },
  isl: {
    topology: (_d, _r, s) => s.isl.topology,
    terminals: (_d, _r, s) => s.isl.terminals,
    mass_kg: (_d, _r, s) => s.isl.mass_kg,
    power_W: (_d, _r, s) => s.isl.power_W,
    capacity_Gbps: (_d, _r, s) => s.isl.capacity_Gbps,
  },
  mass: {
    compute_kg: (_d, _r, s) => s.mass.mass.compute_kg,
    array_kg: (_d, _r, s) => s.mass.mass.array_kg,
    battery_kg: (_d, _r, s) => s.mass.mass.battery_kg,
    radiator_kg: (_d, _r, s) => s.mass.mass.radiator_kg,
    shielding_kg: (_d, _r, s) => s.mass.mass.shielding_kg,
    isl_kg: (_d, _r, s) => s.mass.mass.isl_kg,
    bus_kg: (_d, _r, s) => s.mass.mass.bus_kg,
    propellant_kg: (_d, _r, s) => s.mass.mass.propellant_kg,
    propellantTank_kg: (_d, _r, s) => s.mass.mass.propellantTank_kg,
    margin_kg: (_d, _r, s) => s.mass.mass.margin_kg,
    dry_kg: (_d, _r, s) => s.mass.mass.dry_kg,
    launch_kg: (_d, _r, s) => s.mass.mass.launch_kg,
    allocated_kg: (_d, _r, s) => s.mass.mass.allocated_kg,
    kW_per_t: (_d, _r, s) => s.mass.mass.kW_per_t,
    specificPower_W_per_kg: (_d, _r, s) => s.compute.itPowerAvg_W / s.mass.mass.launch_kg,
    stowedVolume_m3: (_d, _r, s) => s.cost.stowed.stowedVolume_m3,
  },
  cost: {
    hardware_USD: (_d, _r, s) => s.cost.cost.hardware_USD,
    chipsHardware_USD: (_d, _r, s) => s.cost.cost.computeHardware_USD,
    arrayHardware_USD: (_d, _r, s) => s.cost.cost.arrayHardware_USD,
    radiatorHardware_USD: (_d, _r, s) => s.cost.cost.radiatorHardware_USD,
    batteryHardware_USD: (_d, _r, s) => s.cost.cost.batteryHardware_USD,
    busHardware_USD: (_d, _r, s) => s.cost.cost.busHardware_USD,
    islHardware_USD: (_d, _r, s) => s.cost.cost.islHardware_USD,
    otherHardware_USD: (_d, _r, s) => s.cost.cost.shieldingHardware_USD + s.cost.cost.propellant_USD,
    ait_USD: (_d, _r, s) => s.cost.cost.ait_USD,
    launch_USD: (_d, _r, s) => s.cost.cost.launch_USD,
    operations_USD: (_d, _r, s) => s.cost.cost.operations_USD,
    total_USD: (_d, _r, s) => s.cost.cost.total_USD,
    launchPrice_USD_per_kg: (_d, _r, s) => s.cost.cost.launchPrice_USD_per_kg,
    nodesPerLaunch: (_d, _r, s) => s.cost.cost.nodesPerLaunch,
    launchPayload_kg: (_d, _r, s) => s.mass.launchPayload.payload_kg,
    launchPayloadBasis: (_d, _r, s) => s.mass.launchPayload.basis,
    launchExtrapolation_m_s: (_d, _r, s) => s.mass.launchPayload.extrapolationDeltaV_m_s,
    lcoc_USD_per_PFLOP_day: (_d, _r, s) => s.cost.cost.lcoc_USD_per_PFLOP_day,
    costPerKWyr_USD: (_d, _r, s) => s.cost.cost.costPerKWyr_USD,
    terrestrialCostPerKWyr_USD: (_d, _r, s) => s.cost.cost.terrestrialCostPerKWyr_USD,
    terrestrialLcoc_USD_per_PFLOP_day: (_d, _r, s) => s.cost.cost.terrestrialLcoc_USD_per_PFLOP_day,
    lcocDiscounted_USD_per_PFLOP_day: (_d, _r, s) => s.economics.program.lcocDiscounted_USD_per_PFLOP_day,
    discountRate_per_yr: (d) => d.economics.discountRate_per_yr,
    programLcoc_USD_per_PFLOP_day: (_d, _r, s) => s.economics.program.lcoc_USD_per_PFLOP_day,
    nodesBuilt: (_d, _r, s) => s.economics.program.nodesBuilt,
    averageNodeCost_USD: (_d, _r, s) => s.economics.program.averageNodeCost_USD,
    capexExChips_USD_per_W: (_d, _r, s) => s.economics.capex.exChips_USD_per_W,
    capexWithChips_USD_per_W: (_d, _r, s) => s.economics.capex.withChips_USD_per_W,
    lcocToBaseline: (d, _r, s) =>
      s.economics.baselines.find((b) => b.id === d.economics.baseline)?.spaceToTerrestrial ?? NaN,
    baselines: (_d, _r, s, complete) => (complete ? s.economics.baselines.map((b) => ({ ...b })) : NONE),
  },
  inference: {
    basis: (_d, _r, s) => s.tokens.basis,
    replicaChips: (_d, _r, s) => s.tokens.replicaChips,
    decodeBound: (_d, _r, s) => s.tokens.decodeBound,
    decodePerSequence_tokens_per_s: (_d, _r, s) => s.tokens.decodePerSequence_tokens_per_s,
    perChip_tokens_per_s: (_d, _r, s) => s.tokens.perChip_tokens_per_s,
    node_tokens_per_s: (_d, _r, s) => s.tokens.node_tokens_per_s,
    itPower_tokens_per_s_per_MW: (_d, _r, s) => s.tokens.itPower_tokens_per_s_per_MW,
    cost_USD_per_Mtoken: (_d, _r, s) => s.tokens.cost_USD_per_Mtoken,
    flopsBound_tokens_per_s: (_d, _r, s) => s.tokens.flopsBound_tokens_per_s,
    flopsBoundCost_USD_per_Mtoken: (_d, _r, s) => s.tokens.flopsBoundCost_USD_per_Mtoken,
  },
  // The fleet's comparison metrics and economics.baseline's terrestrial ones, then the parity year against every
  // scenario.
  economics: {
    costTechnology: (d) => d.cost.technology,
    costPerChipHour_USD: (_d, _r, s) => s.economics.comparison.costPerChipHour_USD,
    costPerChipHourDiscounted_USD: (_d, _r, s) => s.economics.comparison.costPerChipHourDiscounted_USD,
    costPerMWh_USD: (_d, _r, s) => s.economics.comparison.costPerMWh_USD,
    costPerMWhDiscounted_USD: (_d, _r, s) => s.economics.comparison.costPerMWhDiscounted_USD,
    terrestrialCostPerChipHour_USD: (_d, _r, s) => s.economics.terrestrial?.costPerChipHour_USD ?? NaN,
    terrestrialCostPerChipHourDiscounted_USD: (_d, _r, s) =>
      s.economics.terrestrial?.costPerChipHourDiscounted_USD ?? NaN,
    terrestrialCostPerMWh_USD: (_d, _r, s) => s.economics.terrestrial?.costPerMWh_USD ?? NaN,
    terrestrialCostPerMWhDiscounted_USD: (_d, _r, s) => s.economics.terrestrial?.costPerMWhDiscounted_USD ?? NaN,
    parityYear: (d, _r, s) => ownParity(d, s)?.parityYear ?? null,
    parityYearLow: (d, _r, s) => ownParity(d, s)?.parityYearLow ?? null,
    parityYearHigh: (d, _r, s) => ownParity(d, s)?.parityYearHigh ?? null,
    parityRatioLastYear: (d, _r, s) => ownParity(d, s)?.ratioLastYear ?? NaN,
    parityStatement: (d, _r, s) => {
      const own = ownParity(d, s);
      return own === undefined
        ? `no terrestrial baseline ${d.economics.baseline}`
        : `vs ${own.id}: ${own.statement}; ${own.band}`;
    },
    paritySearch: (d) =>
      `${d.economics.trajectories.fromYear}–${d.economics.trajectories.toYear}, design prices of ${d.economics.trajectories.referenceYear}`,
    parity: (_d, _r, s) =>
      s.economics.parity.map((b) => ({
        id: b.id,
        parityYear: b.parityYear,
        parityYearLow: b.parityYearLow,
        parityYearHigh: b.parityYearHigh,
        band: b.band,
        status: b.status,
        ratioFirstYear: b.ratioFirstYear,
        ratioLastYear: b.ratioLastYear,
        statement: b.statement,
      })),
  },
} as const satisfies Record<string, Fields>;

type SectionName = keyof typeof FIELDS;
/** A section's record: each field's value. */
type Built<F extends Fields> = { -readonly [K in keyof F]: ReturnType<F[K]> };
/** Section → field → the function that reads it (the lean evaluation's table). */
export const RECORD_FIELDS: { readonly [K in SectionName]: Readonly<Record<string, Field>> } = FIELDS;

/** A section builder: every field of the table, in its order. */
function sectionBuilder<F extends Fields>(
  fields: F,
): (design: Design, rows: Rows, s: NodeSizing, complete: boolean) => Built<F> {
  const keys = Object.keys(fields);
  const read = keys.map((k) => fields[k]!);
  return (design, rows, s, complete) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) out[keys[i]!] = read[i]!(design, rows, s, complete);
    return out as Built<F>;
  };
}
/** Section → its builder, in the record's section order. */
const RECORD_SECTIONS = Object.fromEntries(Object.entries(FIELDS).map(([k, f]) => [k, sectionBuilder(f)])) as {
  readonly [K in SectionName]: ReturnType<typeof sectionBuilder<(typeof FIELDS)[K]>>;
};

export function assembleRecord(
  design: Design,
  rows: Rows,
  s: NodeSizing,
  constraints: ConstraintResult[],
  notes: string[],
): DesignRecord {
  const sections = Object.fromEntries(
    Object.entries(RECORD_SECTIONS).map(([k, build]) => [k, build(design, rows, s, true)]),
  ) as { [K in SectionName]: ReturnType<(typeof RECORD_SECTIONS)[K]> };
  return {
    schemaVersion: 1,
    name: design.name,
    kind: 'node',
    ...sections,
    constraints,
    notes,
    warnings: [
      ...plausibilityWarnings(s.compute.itPowerAvg_W / s.mass.mass.launch_kg, s.power.busPower_W),
      ...flightProvenWarnings('array', design.power.arrayArea_m2, rows.array),
      ...flightProvenWarnings('radiator', design.thermal.radiatorArea_m2, rows.radiator),
    ],
  };
}

/** A chip's soft-fault dose onset, or its total-dose tolerance when the row gives none [rad(Si)]. */
export const softDoseThreshold_rad = (chip: {
  readonly tidTolerance_rad: number;
  readonly softDoseThreshold_rad?: number | undefined;
}): number => Math.min(chip.softDoseThreshold_rad ?? chip.tidTolerance_rad, chip.tidTolerance_rad);

/**
 * Years for the margined dose (rate × margin per year, accruing linearly as in the dose model) to reach `dose_rad`;
 * capped at 1000 yr.
 */
export const MAX_YEARS_TO_DOSE = 1000;
export function yearsToDose(dose_rad: number, doseRate_rad_per_yr: number, designMargin: number): number {
  const perYear = doseRate_rad_per_yr * designMargin;
  return perYear > 0 ? Math.min(dose_rad / perYear, MAX_YEARS_TO_DOSE) : MAX_YEARS_TO_DOSE;
}

/**
 * All-in specific power above which a node design outruns every published anchor [W/kg of launch mass]:
 * SpaceX's AI1 claim (~120 kW average on the order of 1.7 t, ~70 W/kg), the SpaceX filing's ~100 kW/t
 * (100 W/kg) and Starcloud-3's white-paper figures stay below it; 150 W/kg leaves room above the best of them.
 */
export const SPECIFIC_POWER_ANCHOR_W_per_kg = 150;

/** Plausibility warnings: reported, never a failure. */
export function plausibilityWarnings(specificPower_W_per_kg: number, busPower_W: number): RecordWarning[] {
  const out: RecordWarning[] = [];
  if (specificPower_W_per_kg > SPECIFIC_POWER_ANCHOR_W_per_kg) {
    out.push({
      code: 'specific-power-above-anchors',
      message:
        `${specificPower_W_per_kg.toFixed(0)} W of average IT power per launch kg is above every published anchor ` +
        `(${SPECIFIC_POWER_ANCHOR_W_per_kg} W/kg; AI1 ~70, SpaceX filing ~100): check the mass factors and catalog rows`,
    });
  }
  if (busPower_W === 0)
    out.push({
      code: 'zero-bus-power',
      message: 'bus power is 0 W: avionics, ADCS and communications always draw power',
    });
  return out;
}

/** An array or radiator larger than the largest flown system of its catalog row's class: a warning. */
export function flightProvenWarnings(
  what: 'array' | 'radiator',
  area_m2: number,
  row: { readonly id: string; readonly flightProvenArea_m2?: number | undefined },
): RecordWarning[] {
  const flown = row.flightProvenArea_m2;
  if (flown === undefined || area_m2 <= flown) return [];
  return [
    {
      code: `${what}-beyond-flight-proven`,
      message:
        `${what} area ${area_m2.toFixed(0)} m² is ${(area_m2 / flown).toFixed(1)}× the largest flown ${row.id} system (${flown} m²): ` +
        `several ${what === 'array' ? 'wings' : 'panels'} or an unflown scale-up`,
    },
  ];
}
