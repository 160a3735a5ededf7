/**
 * The stages of a node evaluation (src/node/evaluate.ts and src/node/stages/) as typed results: what the record's
 * fields (fields.ts, costFields.ts) and the design checks (constraints.ts) read, and the dose arithmetic both share.
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
import type { RadiatorPanelResult } from '../../models/thermal/radiatorPanel.js';
import type { EclipsePowerStatesResult } from '../../models/compute/powerStates.js';
import type { BaselineParity } from '../stages/parity.js';
import type { TokenFigures } from '../stages/tokens.js';

export type Orbit = ReturnType<typeof orbitGeometry>;
export type Compute = ReturnType<typeof computePayload>;
export type Isl = ReturnType<typeof islPayload>;
/**
 * The node's dose: the trapped-particle table's (× field-epoch factor) plus solar energetic protons; its rate and
 * mission dose are the sums (sizeRadiation), the trapped components are the table's.
 */
export type Radiation = ReturnType<typeof radiationDose> & {
  readonly trappedDoseRate_rad_per_yr: number;
  readonly solarProtonDoseRate_rad_per_yr: number;
};

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
  /** Chips power-gated through each eclipse and their on/off cycles (models/compute/powerStates.ts). */
  readonly powerStates: EclipsePowerStatesResult;
  /**
   * Longest single eclipse the battery and the worst-orbit array sizing carry [s]: this orbit's, or the longer one of
   * another plane of the node's shell (orbit.worstEclipseLtan_h).
   */
  readonly powerEclipse_s: number;
}

export interface ThermalSizing {
  /** Heat the loop carries in the hot case: all of it, or peak IT only (`thermal.rejects`) [W]. */
  readonly heatLoad_W: number;
  readonly radiator: RadiatorPanelResult;
  readonly radiatorMass_kg: number;
  readonly pumpPower_W: number;
  readonly batteryLoss_W: number;
  readonly busPower_W: number;
  readonly coolantHotTemp_K: number;
  /** Coolant entering the cold plates [K]. */
  readonly coolantSupplyTemp_K: number;
  /** What sets the supply: the junction limit through the cold plate, the rack's inlet limit, or a fixed radiator. */
  readonly supplySetBy: 'junction' | 'inlet limit' | 'radiator';
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
  /** The learning rate in force on the first-unit-class lines (absent: 1). */
  readonly fleet: { readonly learningRate?: number };
  /** Non-chip hardware per kg dry of the programme's average unit, and its comparison with the production reference. */
  readonly nonChipPerKg: { readonly value_USD_per_kg: number; readonly note: string };
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

/** The stages' results a later stage takes, by name: each stage picks the ones it reads. */
export interface StageResults {
  readonly payload: Payload;
  readonly thermal: ThermalSizing;
  readonly power: PowerSizing;
  readonly rad: Radiation;
  readonly mass: MassSizing;
  readonly cost: CostSizing;
  /** The delivered PFLOPS the cost models price (> 0). */
  readonly costPFLOPS: number;
}

/** Every sizing stage's result, in the order they run, with the design and catalog rows they sized. */
export interface NodeSizing extends Payload {
  readonly design: Design;
  readonly rows: Rows;
  readonly thermal: ThermalSizing;
  readonly power: PowerSizing;
  readonly rad: Radiation;
  readonly mass: MassSizing;
  readonly cost: CostSizing;
  readonly waterfall: ReturnType<typeof computeWaterfall>;
  readonly economics: LifecycleSizing;
  readonly tokens: TokenFigures;
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
