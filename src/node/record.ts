/**
 * The evaluated design record: what `odc evaluate --json` prints, what objectives and constraints of a
 * study refer to by dotted path (e.g. `cost.lcoc_USD_per_PFLOP_day`), and what reports show.
 * Units are in the key names; user-facing units (km, min, kW where named) are converted once, here at
 * the boundary. The JSON Schema in `schemas/design-record.schema.json` documents it for other tools.
 */

export interface ConstraintResult {
  /** Stable name, e.g. `power.balance` or a study constraint `compute.itPowerAvg_W >= 120000`. */
  readonly name: string;
  /** The constrained quantity, in the unit of `unit`. */
  readonly value: number;
  /** The bound it is compared with, same unit. */
  readonly limit: number;
  readonly sense: '<=' | '>=';
  readonly unit: string;
  readonly satisfied: boolean;
  /** Relative margin (limit − value)/|limit| for `<=`, (value − limit)/|limit| for `>=`; negative when violated. */
  readonly margin: number;
  /** Always applied by the optimizer (physical closure), or a check reported for studies to constrain. */
  readonly enforced: boolean;
  /** What the constraint protects, in words. */
  readonly description: string;
}

export interface DesignRecord {
  readonly schemaVersion: 1;
  readonly name: string;
  readonly kind: 'node';
  readonly orbit: {
    readonly altitude_km: number;
    readonly inclination_deg: number;
    readonly sunSynchronous: boolean;
    readonly ltan_h: number | null;
    readonly period_min: number;
    readonly speed_km_s: number;
    readonly betaMin_deg: number;
    readonly betaMax_deg: number;
    /** Annual mean fraction of time in Earth's shadow (cylindrical shadow). */
    readonly eclipseFraction: number;
    /** Fraction of the worst orbit of the year spent in shadow. */
    readonly worstEclipseFraction: number;
    readonly maxEclipse_min: number;
  };
  readonly power: {
    readonly arrayArea_m2: number;
    readonly requiredArrayArea_m2: number;
    readonly bolPower_W: number;
    readonly eolPower_W: number;
    /** Orbit-average demand on the bus (compute + bus + ISL + pumps), W. */
    readonly demandAvg_W: number;
    readonly demandPeak_W: number;
    /** Cold-case heater power holding the loop at its minimum temperature in eclipse [W]. */
    readonly heaterPower_W: number;
    readonly batteryEnergy_Wh: number;
    readonly depthOfDischarge: number;
    readonly arrayMass_kg: number;
    readonly batteryMass_kg: number;
  };
  readonly thermal: {
    /** Heat the radiator rejects in the hot case: IT, bus, ISL, pumps and battery losses (or peak IT only, `thermal.rejects: it`). */
    readonly heatLoad_W: number;
    readonly radiatorArea_m2: number;
    readonly requiredRadiatorArea_m2: number;
    readonly radiatorTemp_K: number;
    /** Net heat rejected per m² of radiator planform (both faces), hot case. */
    readonly netFlux_W_m2: number;
    readonly radiatorMass_kg: number;
    readonly pumpPower_W: number;
    /** Loop working fluid (coolants catalog id). */
    readonly coolant: string;
    readonly coolantHotTemp_K: number;
    /** Hottest chip junction with the radiator at radiatorTemp_K, and its limit [K]. */
    readonly junctionTemp_K: number;
    readonly junctionLimit_K: number;
    /** Battery charge loss dissipated in daylight [W]. */
    readonly batteryLoss_W: number;
  };
  readonly radiation: {
    readonly shielding_mm_al: number;
    readonly doseRate_rad_per_yr: number;
    /** Mission dose including the radiation design margin. */
    readonly missionDose_rad: number;
    readonly tolerance_rad: number;
    /** Dose where soft faults begin (the chip row's, else the tolerance). */
    readonly softThreshold_rad: number;
    /** Years until the margined dose reaches the tolerance / the soft threshold (capped at 1000 yr). */
    readonly timeToTolerance_yr: number;
    readonly timeToSoftThreshold_yr: number;
    readonly designMargin: number;
    readonly shieldingMass_kg: number;
  };
  readonly drag: {
    readonly density_kg_m3: number;
    readonly dragArea_m2: number;
    readonly ballisticCoefficient_kg_m2: number;
    readonly stationKeepingDeltaV_m_s_per_yr: number;
    readonly propellantMass_kg: number;
    readonly passiveDecay_yr: number;
    readonly fccCompliant: boolean;
  };
  readonly compute: {
    readonly chip: string;
    readonly chips: number;
    readonly itPowerAvg_W: number;
    readonly itPowerPeak_W: number;
    readonly peakPFLOPS: number;
    readonly deliveredPFLOPS: number;
    readonly precision: string;
    readonly mass_kg: number;
    /** Sustained fraction of peak while busy (MFU), delivered / peak, and the array and radiator throttles [-]. */
    readonly sustainedFraction: number;
    readonly deliveredFraction: number;
    readonly powerThrottle: number;
    readonly thermalThrottle: number;
    /** Delivered-compute waterfall: peak → utilization → sustained → eclipse → power → thermal → availability → downlink. */
    readonly waterfall: readonly { readonly name: string; readonly factor: number; readonly valueAfter_PFLOPS: number }[];
  };
  readonly isl: {
    readonly topology: 'none' | 'ring' | 'grid' | 'mesh';
    readonly terminals: number;
    readonly mass_kg: number;
    readonly power_W: number;
    readonly capacity_Gbps: number;
  };
  readonly mass: {
    readonly compute_kg: number;
    readonly array_kg: number;
    readonly battery_kg: number;
    readonly radiator_kg: number;
    readonly shielding_kg: number;
    readonly isl_kg: number;
    readonly bus_kg: number;
    readonly propellant_kg: number;
    /** Propellant tankage outside the bus (mass.propellantTankFraction) [kg]. */
    readonly propellantTank_kg: number;
    readonly margin_kg: number;
    readonly dry_kg: number;
    /** Built-up launch (wet) mass including margin. */
    readonly launch_kg: number;
    readonly allocated_kg: number;
    readonly kW_per_t: number;
    /** Average IT power per kg of launch mass [W/kg] (kW_per_t in SI; the plausibility check's measure). */
    readonly specificPower_W_per_kg: number;
    /** Stowed (launch) volume: folded array and radiator plus the packaged core. */
    readonly stowedVolume_m3: number;
  };
  readonly cost: {
    readonly hardware_USD: number;
    readonly launch_USD: number;
    readonly operations_USD: number;
    readonly total_USD: number;
    readonly launchPrice_USD_per_kg: number;
    readonly nodesPerLaunch: number;
    /** Levelized cost of delivered compute over the mission, $ per PFLOP-day (delivered). */
    readonly lcoc_USD_per_PFLOP_day: number;
    readonly costPerKWyr_USD: number;
    readonly terrestrialCostPerKWyr_USD: number;
    readonly terrestrialLcoc_USD_per_PFLOP_day: number;
    /** Present value of cost over present value of compute at discountRate_per_yr [USD/PFLOP-day]. */
    readonly lcocDiscounted_USD_per_PFLOP_day: number;
    readonly discountRate_per_yr: number;
    /** The fleet of economics.units nodes over the horizon (learning, replacements, ground): undiscounted LCOC, nodes built, average node cost. */
    readonly programLcoc_USD_per_PFLOP_day: number;
    readonly nodesBuilt: number;
    readonly averageNodeCost_USD: number;
    /** (non-chip hardware + launch) and (+ chips) per W of average IT power [USD/W]. */
    readonly capexExChips_USD_per_W: number;
    readonly capexWithChips_USD_per_W: number;
    /** Discounted LCOC / that of economics.baseline's terrestrial scenario [-] (< 1: space is cheaper). */
    readonly lcocToBaseline: number;
    /** Every terrestrial scenario, same chips, lifetime and discount rate. */
    readonly baselines: readonly {
      readonly id: string;
      readonly lcoc_USD_per_PFLOP_day: number;
      readonly lcocDiscounted_USD_per_PFLOP_day: number;
      readonly spaceToTerrestrial: number;
    }[];
  };
  /**
   * LLM serving (src/node/tokens.ts): roofline figures (null when the chip row has no published memory figures or the
   * model does not fit the node; `basis` says which) beside the FLOPs-based figures (delivered FLOPS / 2N per token).
   * Tokens are output tokens.
   */
  readonly inference: {
    readonly basis: string;
    readonly replicaChips: number | null;
    readonly decodeBound: 'memory-bandwidth' | 'compute' | null;
    readonly decodePerSequence_tokens_per_s: number | null;
    readonly perChip_tokens_per_s: number | null;
    /** Orbit-average tokens the node serves [tokens/s]. */
    readonly node_tokens_per_s: number | null;
    /** Per MW of IT power while serving (chip rows' all-in power at full load). */
    readonly itPower_tokens_per_s_per_MW: number | null;
    /** PV(cost)/PV(tokens) at the discount rate [USD per million output tokens]. */
    readonly cost_USD_per_Mtoken: number | null;
    readonly flopsBound_tokens_per_s: number;
    readonly flopsBoundCost_USD_per_Mtoken: number;
  };
  /**
   * The cost metrics published models quote (src/models/comparisonMetrics.ts), from the fleet LCOC pair of `cost`:
   * per calendar hour of each installed chip and per MWh of IT energy, undiscounted and discounted, and the same for
   * economics.baseline's terrestrial scenario. $/PFLOP-day is cost.programLcoc / cost.lcocDiscounted; capital per W of
   * IT is cost.capexWithChips_USD_per_W / capexExChips_USD_per_W. Then the parity year (src/node/parity.ts): the
   * design re-priced along economics.trajectories against each terrestrial baseline.
   */
  readonly economics: {
    /** cost.technology preset in force. */
    readonly costTechnology: string;
    readonly costPerChipHour_USD: number;
    readonly costPerChipHourDiscounted_USD: number;
    readonly costPerMWh_USD: number;
    readonly costPerMWhDiscounted_USD: number;
    readonly terrestrialCostPerChipHour_USD: number;
    readonly terrestrialCostPerChipHourDiscounted_USD: number;
    readonly terrestrialCostPerMWh_USD: number;
    readonly terrestrialCostPerMWhDiscounted_USD: number;
    /** Fractional calendar year against economics.baseline; null when it does not cross in the search range (see parityStatement). */
    readonly parityYear: number | null;
    /** Space / terrestrial discounted LCOC against economics.baseline in the last year of the search [-]. */
    readonly parityRatioLastYear: number;
    readonly parityStatement: string;
    readonly paritySearch: string;
    readonly parity: readonly {
      readonly id: string;
      readonly parityYear: number | null;
      readonly status: 'at-start' | 'crosses' | 'no-crossing';
      readonly ratioFirstYear: number;
      readonly ratioLastYear: number;
      readonly statement: string;
    }[];
  };
  readonly constraints: readonly ConstraintResult[];
  /** Approximations in force for this design, stated in words. */
  readonly notes: readonly string[];
  /** Plausibility warnings (not failures): the design lies outside what anything flown or published reaches. */
  readonly warnings: readonly RecordWarning[];
}

export interface RecordWarning {
  readonly code: 'specific-power-above-anchors' | 'zero-bus-power' | 'array-beyond-flight-proven' | 'radiator-beyond-flight-proven';
  readonly message: string;
}
