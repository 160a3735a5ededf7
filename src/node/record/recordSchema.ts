/**
 * Schema of the design record (`odc evaluate --json`, `pareto.json` designs[].record): the one definition of the
 * record. The TypeScript types (record.ts) are inferred from it, the published JSON Schema
 * designs/schema/design-record.schema.json is generated from it (`odc schema record`), and `odc metrics` lists its
 * numeric leaves with their `.describe()` text, so each field's documentation is written here, once.
 * Units are in the key names; a description ends with the unit in brackets.
 */
import * as z from 'zod';
import { lazy } from '../../base/lazy.js';

/** A number described with its unit in brackets; `title`: its short label in the budget tables (src/report/budget/). */
const meta = (description: string, title?: string) => ({ description, ...(title ? { title } : {}) });
export const n = (description: string, title?: string) => z.number().meta(meta(description, title));
const nn = (description: string, title?: string) => z.number().nullable().meta(meta(description, title));

/** Plausibility warnings a design record may carry (src/node/record/nodeRecord.ts). */
export const RECORD_WARNING_CODES = [
  'specific-power-above-anchors',
  'zero-bus-power',
  'array-beyond-flight-proven',
  'radiator-beyond-flight-proven',
] as const;

export const constraintResultSchema = lazy(() =>
  z.strictObject({
    name: z
      .string()
      .describe('Stable name, e.g. `power.balance` or a study constraint `compute.itPowerAvg_W >= 120000`.'),
    value: z.number().describe('The constrained quantity, in the unit of `unit`.'),
    limit: z.number().describe('The bound it is compared with, same unit.'),
    sense: z.enum(['<=', '>=']),
    unit: z.string(),
    satisfied: z.boolean(),
    margin: z
      .number()
      .describe(
        'Relative margin (limit − value)/|limit| for `<=`, (value − limit)/|limit| for `>=`; negative when violated.',
      ),
    enforced: z
      .boolean()
      .describe('Always applied by the optimizer (physical closure), or a check reported for studies to constrain.'),
    description: z.string().describe('What the constraint protects, in words.'),
  }),
);

function orbitRecordSchema() {
  return z.strictObject({
    altitude_km: n('Circular altitude [km].', 'altitude'),
    inclination_deg: n('Inclination [deg].', 'inclination'),
    sunSynchronous: z.boolean(),
    ltan_h: z.number().nullable().describe('Local time of ascending node [h], sun-synchronous orbits only.'),
    period_min: n('Orbital period [min].', 'period'),
    speed_km_s: n('Orbital speed [km/s].', 'speed'),
    betaMin_deg: n('Minimum beta angle over a year [deg].'),
    betaMax_deg: n('Maximum beta angle over a year [deg].'),
    eclipseFraction: n(
      "Annual mean fraction of time in Earth's shadow (cylindrical shadow) [-].",
      'eclipse fraction, annual mean',
    ),
    worstEclipseFraction: n('Shadow fraction of the worst orbit [-].', 'eclipse fraction, worst orbit'),
    maxEclipse_min: n('Longest eclipse [min].', 'longest eclipse'),
  });
}

function powerRecordSchema() {
  return z.strictObject({
    arrayArea_m2: n('Solar array area [m²].', 'array area (given)'),
    requiredArrayArea_m2: n('Array area needed at end of life [m²].', 'array area (required)'),
    bolPower_W: n('Array power at beginning of life, sunlit [W].', 'array power, BOL'),
    eolPower_W: n('Array power at end of life, sunlit [W].', 'array power, EOL'),
    demandAvg_W: n('Orbit-average demand on the bus (compute + bus + ISL + pumps) [W].', 'demand, orbit average'),
    demandPeak_W: n('Peak bus demand [W].', 'demand, peak'),
    heaterPower_W: n(
      'Cold-case heater power in eclipse, holding the loop at its minimum temperature [W].',
      'heater (cold case, eclipse)',
    ),
    eclipseComputeFraction: n(
      'Compute power kept through eclipses, as a fraction of the average (power.eclipseComputeFraction; 1 = full ride-through) [-].',
      'compute kept in eclipse',
    ),
    batteryEnergy_Wh: n('Installed battery energy [Wh].', 'battery energy'),
    depthOfDischarge: n('Depth of discharge [-].'),
    arrayMass_kg: n('Array mass [kg].'),
    batteryMass_kg: n('Battery mass [kg].'),
  });
}

function thermalRecordSchema() {
  return z.strictObject({
    heatLoad_W: n(
      'Heat the radiator rejects, hot case: IT, bus, ISL, pumps and battery losses (or peak IT only, `thermal.rejects: it`) [W].',
      'heat load',
    ),
    radiatorArea_m2: n('Radiator planform area [m²].', 'radiator area (given)'),
    requiredRadiatorArea_m2: n('Radiator area needed [m²].', 'radiator area (required)'),
    radiatorTemp_K: n('Radiator temperature [K].', 'radiator temperature'),
    netFlux_W_m2: n('Net rejection per m² planform (both faces), hot case [W/m²].', 'net rejection (hot case)'),
    radiatorMass_kg: n('Radiator mass [kg].'),
    pumpPower_W: n('Pumped-loop power [W].', 'pump power'),
    coolant: z.string().describe('Loop working fluid (coolants catalog id).'),
    coolantHotTemp_K: n('Coolant hot-leg temperature [K].', 'coolant hot leg'),
    junctionTemp_K: n('Hottest chip junction temperature with the radiator at radiatorTemp_K [K].', 'chip junction'),
    junctionLimit_K: n('Chip junction limit [K].'),
    batteryLoss_W: n('Battery charge loss dissipated in daylight [W].', 'battery charge loss (in heat load)'),
  });
}

function radiationRecordSchema() {
  return z.strictObject({
    shielding_mm_al: n('Aluminium shielding [mm Al].', 'shielding'),
    doseRate_rad_per_yr: n('Dose rate [rad(Si)/yr].', 'dose rate'),
    missionDose_rad: n('Mission dose incl. design margin [rad(Si)].', 'mission dose (with margin)'),
    tolerance_rad: n('Chip tolerance [rad(Si)].', 'chip tolerance'),
    softThreshold_rad: n('Dose where soft faults begin (chip row; else the tolerance) [rad(Si)].'),
    timeToTolerance_yr: n('Years until the margined dose reaches the tolerance (capped at 1000) [yr].'),
    timeToSoftThreshold_yr: n('Years until the margined dose reaches the soft threshold (capped at 1000) [yr].'),
    designMargin: n('Radiation design margin [-].'),
    shieldingMass_kg: n('Shielding mass [kg].'),
  });
}

function dragRecordSchema() {
  return z.strictObject({
    density_kg_m3: n('Atmospheric density [kg/m³].', 'density'),
    dragArea_m2: n('Orbit-average drag area [m²].', 'drag area'),
    ballisticCoefficient_kg_m2: n('m/(C_D A) [kg/m²].', 'ballistic coefficient'),
    stationKeepingDeltaV_m_s_per_yr: n('Drag make-up Δv [m/s per yr].', 'station keeping'),
    propellantMass_kg: n('Propellant for the mission [kg].', 'propellant (mission)'),
    passiveDecay_yr: n('Passive decay time after end of life [yr].', 'passive decay after end of life'),
    fccCompliant: z.boolean().describe('Passive decay within the FCC 5-year rule.'),
  });
}

function computeRecordSchema() {
  return z.strictObject({
    chip: z.string(),
    chips: n('Accelerators [-].'),
    itPowerAvg_W: n('Average IT power [W].', 'IT power, average'),
    itPowerPeak_W: n('Peak IT power [W].', 'IT power, peak'),
    peakPFLOPS: n('Peak dense compute [PFLOPS].', 'peak compute'),
    deliveredPFLOPS: n('Delivered compute [PFLOPS].', 'delivered compute'),
    precision: z.string(),
    mass_kg: n('Compute mass [kg].'),
    sustainedFraction: n('Sustained fraction of peak while busy (MFU) [-].'),
    deliveredFraction: n('Delivered / peak [-].'),
    powerThrottle: n('Share of the compute load the installed array carries [-].'),
    thermalThrottle: n('Share of the compute heat the installed radiator rejects [-].'),
    waterfall: z
      .array(z.strictObject({ name: z.string(), factor: n('[-]'), valueAfter_PFLOPS: n('[PFLOPS]') }))
      .describe(
        'Delivered-compute waterfall: peak → utilization → sustained → eclipse → power → thermal → availability → downlink.',
      ),
  });
}

function islRecordSchema() {
  return z.strictObject({
    topology: z.enum(['none', 'ring', 'grid', 'mesh']),
    terminals: n('Terminals [-].', 'terminals'),
    mass_kg: n("Laser terminals' mass [kg].", 'mass'),
    power_W: n("Laser terminals' power [W].", 'power'),
    capacity_Gbps: n('Aggregate capacity [Gbps].', 'capacity'),
  });
}

function massRecordSchema() {
  return z.strictObject({
    compute_kg: n('Compute payload (chips, boards, packaging) [kg].', 'compute'),
    array_kg: n('Solar array [kg].', 'solar array'),
    battery_kg: n('Battery [kg].', 'battery'),
    radiator_kg: n('Radiator and coolant loop [kg].', 'radiator'),
    shielding_kg: n('Radiation shielding [kg].', 'shielding'),
    isl_kg: n('Laser terminals [kg].', 'ISL terminals'),
    bus_kg: n('Bus (structure, ADCS, C&DH, harness, propulsion dry) [kg].', 'bus'),
    propellant_kg: n('Propellant for drag make-up and disposal [kg].', 'propellant'),
    propellantTank_kg: n(
      'Propellant tankage outside the bus (mass.propellantTankFraction) [kg].',
      'propellant tankage',
    ),
    margin_kg: n('System margin [kg].', 'system margin'),
    dry_kg: n('Dry mass incl. margin [kg].', 'dry (with margin)'),
    launch_kg: n('Built-up launch (wet) mass incl. margin [kg].', 'launch (built up)'),
    allocated_kg: n('Allocated launch mass [kg].', 'allocated on launcher'),
    kW_per_t: n('Average IT power per launch tonne [kW/t].', 'specific power'),
    specificPower_W_per_kg: n(
      "Average IT power per launch kg (kW_per_t in SI; the plausibility check's measure) [W/kg].",
    ),
    stowedVolume_m3: n('Stowed launch volume: folded array and radiator plus the packaged core [m³].'),
  });
}

/** The first-unit hardware of a node and its lines (they sum to hardware_USD). */
const hardwareFields = () => ({
  hardware_USD: n('First-unit hardware: chips, array, battery, radiator, bus, integration [USD].', 'hardware'),
  chipsHardware_USD: n('Chips at market price plus their space-packaging premium (first unit) [USD].', 'chips'),
  arrayHardware_USD: n('Solar array: BOL power × array $/W (first unit) [USD].', 'solar array'),
  radiatorHardware_USD: n('Radiator: area × radiator $/m² (first unit) [USD].', 'radiator'),
  batteryHardware_USD: n('Battery: installed energy × battery $/Wh (first unit) [USD].', 'battery'),
  busHardware_USD: n('Bus structure and subsystems: bus mass × bus $/kg (first unit) [USD].', 'bus'),
  islHardware_USD: n('Inter-satellite link terminals (first unit) [USD].', 'ISL terminals'),
  otherHardware_USD: n('Shielding and propellant (first unit) [USD].', 'shielding and propellant'),
  ait_USD: n(
    'Assembly, integration and test: AIT fraction × non-chip hardware (first unit) [USD].',
    'assembly, integration and test',
  ),
});

function costRecordSchema() {
  return z.strictObject({
    ...hardwareFields(),
    launch_USD: n('Launch of one node [USD].', 'launch'),
    operations_USD: n('Operations over the mission lifetime [USD].', 'operations (mission)'),
    total_USD: n('Hardware + launch + operations of one node [USD].', 'total'),
    launchPrice_USD_per_kg: n('Launch price per kg of launch mass [USD/kg].'),
    nodesPerLaunch: n('Nodes per launch [-].'),
    launchPayload_kg: n(
      "The vehicle's payload into the node's orbit (src/models/launch/launchPerformance.ts; 0 when refused) [kg].",
    ),
    launchPayloadBasis: z
      .string()
      .describe(
        'How launchPayload_kg was obtained: published | interpolated | extrapolated (beyond the published points) | refused (no published points).',
      ),
    launchExtrapolation_m_s: n(
      'ΔV by which the rocket-equation rule moved the nearest published figure (0 unless extrapolated) [m/s].',
    ),
    lcoc_USD_per_PFLOP_day: n(
      'Levelized cost of delivered compute over the mission [USD/PFLOP-day].',
      'levelized cost of compute',
    ),
    costPerKWyr_USD: n('Cost per kW-year of average IT power [USD/kW-yr].', 'cost per kW-year'),
    terrestrialCostPerKWyr_USD: n('Terrestrial data centre cost per kW-yr of IT power [USD/kW-yr].'),
    terrestrialLcoc_USD_per_PFLOP_day: n('Terrestrial data centre LCOC with the same chips [USD/PFLOP-day].'),
    lcocDiscounted_USD_per_PFLOP_day: n(
      'PV(cost)/PV(compute) at discountRate_per_yr [USD/PFLOP-day].',
      'LCOC, discounted',
    ),
    discountRate_per_yr: n('Discount rate of the discounted LCOC [1/yr].'),
    programLcoc_USD_per_PFLOP_day: n(
      'Fleet (economics.units nodes over the horizon: learning, replacements, ground) undiscounted LCOC [USD/PFLOP-day].',
    ),
    nodesBuilt: n('Nodes built incl. replacements [-].'),
    averageNodeCost_USD: n('Average build cost per node (learning curve; chips and launch included) [USD].'),
    capexExChips_USD_per_W: n('(non-chip hardware + launch) per W of average IT [USD/W].'),
    capexWithChips_USD_per_W: n('(all hardware incl. chips + launch) per W of average IT [USD/W].'),
    lcocToBaseline: n('Discounted LCOC / that of economics.baseline (< 1: space is cheaper) [-].'),
    baselines: z
      .array(
        z.strictObject({
          id: z.string(),
          lcoc_USD_per_PFLOP_day: n('[USD/PFLOP-day]'),
          lcocDiscounted_USD_per_PFLOP_day: n('[USD/PFLOP-day]'),
          spaceToTerrestrial: n('[-]'),
        }),
      )
      .describe(
        'Every terrestrial scenario (designs/catalogs/terrestrial-baselines.yaml), same chips, lifetime and discount rate.',
      ),
  });
}

function inferenceRecordSchema() {
  return z
    .strictObject({
      basis: z.string().describe('Which token model gives the figures, or why the roofline figures are unavailable.'),
      replicaChips: nn('Chips per model replica (weights and KV cache) [-].'),
      decodeBound: z.enum(['memory-bandwidth', 'compute']).nullable().describe('What bounds the decode step.'),
      decodePerSequence_tokens_per_s: nn('Decode rate one sequence sees [tokens/s].', 'decode rate per sequence'),
      perChip_tokens_per_s: nn(
        'Output tokens per chip while serving, prefill included [tokens/s].',
        'tokens per chip while serving',
      ),
      node_tokens_per_s: nn('Orbit-average output tokens of the node [tokens/s].', 'node, orbit average'),
      itPower_tokens_per_s_per_MW: nn(
        "Output tokens per second per MW of IT power while serving (chip rows' all-in power at full load) [tokens/s/MW].",
        'per MW of IT power',
      ),
      cost_USD_per_Mtoken: nn(
        'PV(cost)/PV(tokens) per million output tokens, roofline [USD/Mtoken].',
        'cost per million tokens',
      ),
      flopsBound_tokens_per_s: n('Delivered FLOPS / 2N per token: every delivered FLOP serves tokens [tokens/s].'),
      flopsBoundCost_USD_per_Mtoken: n('PV(cost)/PV(tokens) at the FLOPs-based rate [USD per million output tokens].'),
    })
    .describe(
      'LLM serving: roofline token model beside the FLOPs-based figure (src/node/stages/tokens.ts). The roofline figures are null ' +
        'when the chip row has no published memory figures or the model does not fit the node (`basis` says which); tokens are output tokens.',
    );
}

function economicsRecordSchema() {
  return z
    .strictObject({
      costTechnology: z.string().describe('cost.technology preset in force.'),
      costPerChipHour_USD: n('Fleet LCOC per calendar hour of each installed chip, undiscounted [USD/chip-h].'),
      costPerChipHourDiscounted_USD: n('PV(cost)/PV(chip-hours) [USD/chip-h].'),
      costPerMWh_USD: n('Fleet LCOC per MWh of IT energy, undiscounted [USD/MWh].'),
      costPerMWhDiscounted_USD: n('PV(cost)/PV(IT energy) [USD/MWh].'),
      terrestrialCostPerChipHour_USD: n('economics.baseline scenario, same chips, undiscounted [USD/chip-h].'),
      terrestrialCostPerChipHourDiscounted_USD: n('economics.baseline scenario, discounted [USD/chip-h].'),
      terrestrialCostPerMWh_USD: n('economics.baseline scenario per MWh of IT energy, undiscounted [USD/MWh].'),
      terrestrialCostPerMWhDiscounted_USD: n('economics.baseline scenario per MWh of IT energy, discounted [USD/MWh].'),
      parityYear: nn(
        "Fractional calendar year the discounted LCOC reaches economics.baseline's; " +
          'null: not in the search range (see parityStatement) [yr].',
      ),
      parityYearLow: nn(
        'Earliest parity year over the trend alternatives (src/node/stages/parity.ts); null: none in the search range [yr].',
      ),
      parityYearHigh: nn('Latest parity year over the trend alternatives; null: not in the search range [yr].'),
      parityRatioLastYear: n(
        'Space / terrestrial discounted LCOC against economics.baseline in the last year of the search [-].',
      ),
      parityStatement: z.string(),
      paritySearch: z.string(),
      parity: z
        .array(
          z.strictObject({
            id: z.string(),
            parityYear: nn('[yr]'),
            parityYearLow: nn('Earliest over the trend alternatives [yr].'),
            parityYearHigh: nn('Latest over the trend alternatives [yr].'),
            band: z.string(),
            status: z.enum(['at-start', 'crosses', 'no-crossing']),
            ratioFirstYear: n('Space / terrestrial discounted LCOC in the first year [-].'),
            ratioLastYear: n('Same in the last year [-].'),
            statement: z.string(),
          }),
        )
        .describe('Parity year against every terrestrial scenario.'),
    })
    .describe(
      'Cost metrics published models quote: per chip-hour and per MWh, undiscounted and discounted, and the same for ' +
        "economics.baseline's terrestrial scenario, from the fleet LCOC pair of `cost` (src/models/cost/comparisonMetrics.ts); the parity year: " +
        'the design re-priced along economics.trajectories against each terrestrial baseline (src/node/stages/parity.ts). ' +
        '$/PFLOP-day and capital per W of IT are in `cost` (programLcoc, lcocDiscounted; capexWithChips, capexExChips).',
    );
}

export const designRecordSchema = lazy(() =>
  z.strictObject({
    schemaVersion: z.literal(1),
    name: z.string(),
    kind: z.literal('node'),
    orbit: orbitRecordSchema(),
    power: powerRecordSchema(),
    thermal: thermalRecordSchema(),
    radiation: radiationRecordSchema(),
    drag: dragRecordSchema(),
    compute: computeRecordSchema(),
    isl: islRecordSchema(),
    mass: massRecordSchema(),
    cost: costRecordSchema(),
    inference: inferenceRecordSchema(),
    economics: economicsRecordSchema(),
    constraints: z.array(constraintResultSchema()),
    notes: z.array(z.string()).describe('Approximations in force for this design, stated in words.'),
    warnings: z
      .array(z.strictObject({ code: z.enum(RECORD_WARNING_CODES), message: z.string() }))
      .describe(
        'Plausibility warnings (not failures): the design lies outside what anything flown or published reaches.',
      ),
  }),
);

export function designRecordJsonSchema(): object {
  return {
    $id: 'https://odc.invalid/schema/design-record.schema.json',
    title: 'odc design record',
    ...z.toJSONSchema(designRecordSchema()),
  };
}
