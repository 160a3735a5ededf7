/**
 * The stages of a node evaluation (src/node/node.ts) as typed results, and the DesignRecord assembled
 * from them: user units (km, deg, min, Wh) are converted here, once, for the record.
 */
import type { NodeCatalogRows } from './rows.js';
import type { computePayload } from '../models/compute.js';
import type { computeWaterfall } from '../models/computeWaterfall.js';
import type { programEconomics } from '../models/lifecycleProgram.js';
import type { capexPerWatt } from '../models/lifecycleEconomics.js';
import type { ComparisonResult } from '../models/comparisonMetrics.js';
import type { nodeCost, stowedVolume_m3 } from '../models/cost.js';
import type { dragBudget } from '../models/drag.js';
import type { islPayload } from '../models/isl.js';
import type { massBudget } from '../models/mass.js';
import type { orbitGeometry } from '../models/orbit.js';
import type { powerSystem } from '../models/power.js';
import type { radiationDose } from '../models/radiation.js';
import type { radiatorSizing } from '../models/thermal.js';
import type { NodeDesign } from '../design/schema.js';
import { rad_to_deg, s_to_min } from '../units/convert.js';
import type { BaselineParity } from './parity.js';
import type { ConstraintResult, DesignRecord, RecordWarning } from './record.js';
import type { TokenFigures } from './tokens.js';

export type Orbit = ReturnType<typeof orbitGeometry>;
export type Compute = ReturnType<typeof computePayload>;
export type Isl = ReturnType<typeof islPayload>;
export type Rows = Readonly<NodeCatalogRows>;
export type Design = Readonly<NodeDesign>;
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
  /** $/chip-hour and $/MWh of the fleet LCOC, and of economics.baseline's terrestrial scenario (undefined if unknown). */
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

/** A record section from the sizing; `complete` false leaves out the lists (waterfall steps, baselines): no metric reads them. */
type Section = (design: Design, rows: Rows, s: NodeSizing, complete: boolean) => Record<string, unknown>;
const NONE: readonly never[] = Object.freeze([]);

/**
 * The record's numeric sections, each built from the sizing alone: assembleRecord puts them together, and the lean
 * evaluation of a study (node.ts `nodeMetricsEvaluator`) calls only the ones its metrics name, so a metric has the same
 * value on both paths by construction.
 */
const SECTIONS = {
  orbit: (design, _rows, { orbit }) => {
    const o = design.orbit;
    return {
      altitude_km: o.altitude_km, inclination_deg: rad_to_deg(orbit.inclination_rad), sunSynchronous: orbit.sunSynchronous,
      ltan_h: o.inclination_deg === 'sso' ? o.ltan_h : null, period_min: s_to_min(orbit.period_s), speed_km_s: orbit.speed_m_s / 1000,
      betaMin_deg: rad_to_deg(orbit.betaMin_rad), betaMax_deg: rad_to_deg(orbit.betaMax_rad), eclipseFraction: orbit.eclipseFractionMean,
      worstEclipseFraction: orbit.eclipseFractionWorst, maxEclipse_min: s_to_min(orbit.maxEclipse_s),
    };
  },
  power: (design, _rows, s) => {
    const { system: power, busPower_W, depthOfDischarge } = s.power;
    return {
      arrayArea_m2: design.power.arrayArea_m2, requiredArrayArea_m2: power.requiredArrayArea_m2, bolPower_W: power.bolPower_W, eolPower_W: power.eolPower_W,
      demandAvg_W: power.demandAvg_W, demandPeak_W: s.compute.itPowerPeak_W + busPower_W + s.isl.power_W + s.thermal.pumpPower_W,
      heaterPower_W: s.thermal.heaterPower_W, batteryEnergy_Wh: s.cost.batteryEnergy_Wh, depthOfDischarge, arrayMass_kg: power.arrayMass_kg,
      batteryMass_kg: power.batteryMass_kg,
    };
  },
  thermal: (design, rows, s) => {
    const { radiator: thermal, heatLoad_W, radiatorMass_kg, pumpPower_W } = s.thermal;
    return {
      heatLoad_W, radiatorArea_m2: design.thermal.radiatorArea_m2, requiredRadiatorArea_m2: thermal.requiredRadiatorArea_m2,
      radiatorTemp_K: thermal.radiatorTemp_K,
      netFlux_W_m2: thermal.netFlux_W_m2, radiatorMass_kg, pumpPower_W, coolant: rows.coolant.id, coolantHotTemp_K: s.thermal.coolantHotTemp_K,
      junctionTemp_K: s.thermal.junctionTemp_K, junctionLimit_K: s.thermal.junctionLimit_K, batteryLoss_W: s.thermal.batteryLoss_W,
    };
  },
  radiation: (design, rows, { rad }) => {
    const margin = design.mission.radiationDesignMargin;
    return {
      shielding_mm_al: design.radiation.shielding_mm_al, doseRate_rad_per_yr: rad.doseRate_rad_per_yr, missionDose_rad: rad.missionDose_rad,
      tolerance_rad: rows.chip.tidTolerance_rad, softThreshold_rad: softDoseThreshold_rad(rows.chip),
      timeToTolerance_yr: yearsToDose(rows.chip.tidTolerance_rad, rad.doseRate_rad_per_yr, margin),
      timeToSoftThreshold_yr: yearsToDose(softDoseThreshold_rad(rows.chip), rad.doseRate_rad_per_yr, margin),
      designMargin: margin, shieldingMass_kg: rad.shieldingMass_kg,
    };
  },
  drag: (_design, _rows, s) => {
    const { drag, dragArea_m2 } = s.mass;
    return {
      density_kg_m3: drag.density_kg_m3, dragArea_m2, ballisticCoefficient_kg_m2: drag.ballisticCoefficient_kg_m2,
      stationKeepingDeltaV_m_s_per_yr: drag.stationKeepingDeltaV_m_s_per_yr, propellantMass_kg: drag.propellantMass_kg,
      passiveDecay_yr: drag.passiveDecay_yr, fccCompliant: drag.fccCompliant,
    };
  },
  compute: (design, _rows, { compute, waterfall }, complete) => {
    const c = design.compute;
    return {
      chip: c.chip, chips: c.chips, itPowerAvg_W: compute.itPowerAvg_W, itPowerPeak_W: compute.itPowerPeak_W, peakPFLOPS: compute.peakPFLOPS,
      deliveredPFLOPS: compute.deliveredPFLOPS, precision: compute.precision, mass_kg: compute.mass_kg,
      sustainedFraction: c.sustainedFraction, deliveredFraction: waterfall.deliveredFraction,
      powerThrottle: waterfall.powerThrottle, thermalThrottle: waterfall.thermalThrottle,
      waterfall: complete ? waterfall.steps.map((w) => ({ name: w.name, factor: w.factor, valueAfter_PFLOPS: w.valueAfter_PFLOPS })) : NONE,
    };
  },
  isl: (_design, _rows, { isl }) => ({
    topology: isl.topology, terminals: isl.terminals, mass_kg: isl.mass_kg, power_W: isl.power_W, capacity_Gbps: isl.capacity_Gbps,
  }),
  mass: (_design, _rows, s) => {
    const { mass } = s.mass;
    return {
      compute_kg: mass.compute_kg, array_kg: mass.array_kg, battery_kg: mass.battery_kg, radiator_kg: mass.radiator_kg, shielding_kg: mass.shielding_kg,
      isl_kg: mass.isl_kg, bus_kg: mass.bus_kg, propellant_kg: mass.propellant_kg, propellantTank_kg: mass.propellantTank_kg,
      margin_kg: mass.margin_kg, dry_kg: mass.dry_kg,
      launch_kg: mass.launch_kg, allocated_kg: mass.allocated_kg, kW_per_t: mass.kW_per_t,
      specificPower_W_per_kg: s.compute.itPowerAvg_W / mass.launch_kg, stowedVolume_m3: s.cost.stowed.stowedVolume_m3,
    };
  },
  cost: (design, _rows, s, complete) => {
    const { cost } = s.cost;
    const { program, capex, baselines } = s.economics;
    return {
      hardware_USD: cost.hardware_USD, launch_USD: cost.launch_USD, operations_USD: cost.operations_USD, total_USD: cost.total_USD,
      launchPrice_USD_per_kg: cost.launchPrice_USD_per_kg, nodesPerLaunch: cost.nodesPerLaunch, lcoc_USD_per_PFLOP_day: cost.lcoc_USD_per_PFLOP_day,
      costPerKWyr_USD: cost.costPerKWyr_USD, terrestrialCostPerKWyr_USD: cost.terrestrialCostPerKWyr_USD,
      terrestrialLcoc_USD_per_PFLOP_day: cost.terrestrialLcoc_USD_per_PFLOP_day,
      lcocDiscounted_USD_per_PFLOP_day: program.lcocDiscounted_USD_per_PFLOP_day, discountRate_per_yr: design.economics.discountRate_per_yr,
      programLcoc_USD_per_PFLOP_day: program.lcoc_USD_per_PFLOP_day, nodesBuilt: program.nodesBuilt, averageNodeCost_USD: program.averageNodeCost_USD,
      capexExChips_USD_per_W: capex.exChips_USD_per_W, capexWithChips_USD_per_W: capex.withChips_USD_per_W,
      lcocToBaseline: baselines.find((b) => b.id === design.economics.baseline)?.spaceToTerrestrial ?? NaN,
      baselines: complete ? baselines.map((b) => ({ ...b })) : NONE,
    };
  },
  inference: (_design, _rows, s) => ({ ...s.tokens }),
  economics: (design, _rows, s) => ({ ...comparisonRecord(design, s.economics), ...parityRecord(design, s.economics.parity) }),
} as const satisfies Record<string, Section>;
export const RECORD_SECTIONS: { readonly [K in keyof typeof SECTIONS]: (...a: Parameters<Section>) => ReturnType<(typeof SECTIONS)[K]> } = SECTIONS;

export function assembleRecord(design: Design, rows: Rows, s: NodeSizing, constraints: ConstraintResult[], notes: string[]): DesignRecord {
  const S = RECORD_SECTIONS;
  return {
    schemaVersion: 1,
    name: design.name,
    kind: 'node',
    orbit: S.orbit(design, rows, s, true),
    power: S.power(design, rows, s, true),
    thermal: S.thermal(design, rows, s, true),
    radiation: S.radiation(design, rows, s, true),
    drag: S.drag(design, rows, s, true),
    compute: S.compute(design, rows, s, true),
    isl: S.isl(design, rows, s, true),
    mass: S.mass(design, rows, s, true),
    cost: S.cost(design, rows, s, true),
    inference: S.inference(design, rows, s, true),
    economics: S.economics(design, rows, s, true),
    constraints,
    notes,
    warnings: [
      ...plausibilityWarnings(s.compute.itPowerAvg_W / s.mass.mass.launch_kg, s.power.busPower_W),
      ...flightProvenWarnings('array', design.power.arrayArea_m2, rows.array), ...flightProvenWarnings('radiator', design.thermal.radiatorArea_m2, rows.radiator),
    ],
  };
}

/** The comparison metrics of the record (`economics.*`): the fleet's and the terrestrial baseline's. */
type ComparisonFields = Pick<DesignRecord['economics'], 'costTechnology' | 'costPerChipHour_USD' | 'costPerChipHourDiscounted_USD' | 'costPerMWh_USD'
  | 'costPerMWhDiscounted_USD' | 'terrestrialCostPerChipHour_USD' | 'terrestrialCostPerChipHourDiscounted_USD' | 'terrestrialCostPerMWh_USD'
  | 'terrestrialCostPerMWhDiscounted_USD'>;
type ParityFields = Omit<DesignRecord['economics'], keyof ComparisonFields>;

function comparisonRecord(design: Design, e: LifecycleSizing): ComparisonFields {
  const t = e.terrestrial;
  return {
    costTechnology: design.cost.technology,
    ...e.comparison,
    terrestrialCostPerChipHour_USD: t?.costPerChipHour_USD ?? NaN, terrestrialCostPerChipHourDiscounted_USD: t?.costPerChipHourDiscounted_USD ?? NaN,
    terrestrialCostPerMWh_USD: t?.costPerMWh_USD ?? NaN, terrestrialCostPerMWhDiscounted_USD: t?.costPerMWhDiscounted_USD ?? NaN,
  };
}

/** The record's economics section: the parity year against economics.baseline and against every scenario. */
function parityRecord(design: Design, parity: readonly BaselineParity[]): ParityFields {
  const t = design.economics.trajectories;
  const own = parity.find((b) => b.id === design.economics.baseline);
  return {
    parityYear: own?.parityYear ?? null,
    parityRatioLastYear: own?.ratioLastYear ?? NaN,
    parityStatement: own === undefined ? `no terrestrial baseline ${design.economics.baseline}` : `vs ${own.id}: ${own.statement}`,
    paritySearch: `${t.fromYear}–${t.toYear}, design prices of ${t.referenceYear}`,
    parity: parity.map((b) => ({
      id: b.id, parityYear: b.parityYear, status: b.status, ratioFirstYear: b.ratioFirstYear, ratioLastYear: b.ratioLastYear, statement: b.statement,
    })),
  };
}

/** A chip's soft-fault dose onset, or its total-dose tolerance when the row gives none [rad(Si)]. */
export const softDoseThreshold_rad = (chip: { readonly tidTolerance_rad: number; readonly softDoseThreshold_rad?: number | undefined }): number =>
  Math.min(chip.softDoseThreshold_rad ?? chip.tidTolerance_rad, chip.tidTolerance_rad);

/** Years for the margined dose (rate × margin per year, accruing linearly as in the dose model) to reach `dose_rad`; capped at 1000 yr. */
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
      message: `${specificPower_W_per_kg.toFixed(0)} W of average IT power per launch kg is above every published anchor ` +
        `(${SPECIFIC_POWER_ANCHOR_W_per_kg} W/kg; AI1 ~70, SpaceX filing ~100): check the mass factors and catalog rows`,
    });
  }
  if (busPower_W === 0) out.push({ code: 'zero-bus-power', message: 'bus power is 0 W: avionics, ADCS and communications always draw power' });
  return out;
}

/** An array or radiator larger than the largest flown system of its catalog row's class: a warning. */
export function flightProvenWarnings(
  what: 'array' | 'radiator', area_m2: number, row: { readonly id: string; readonly flightProvenArea_m2?: number | undefined },
): RecordWarning[] {
  const flown = row.flightProvenArea_m2;
  if (flown === undefined || area_m2 <= flown) return [];
  return [{
    code: `${what}-beyond-flight-proven`,
    message: `${what} area ${area_m2.toFixed(0)} m² is ${(area_m2 / flown).toFixed(1)}× the largest flown ${row.id} system (${flown} m²): ` +
      `several ${what === 'array' ? 'wings' : 'panels'} or an unflown scale-up`,
  }];
}
