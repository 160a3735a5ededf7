/**
 * The node record's fields, declared once (src/base/recordFields.ts): each with its unit, short label and meaning, and
 * the function that reads it from the stages' results (nodeRecord.ts). The record's schema (recordSchema.ts) is built
 * from this table, the record (evaluate.ts) reads every field, and the lean evaluation of a study
 * (evaluate.ts `nodeMetricsEvaluator`) reads only the fields its metrics name, so a metric has the same value on both
 * paths by construction and a stage no named field reads (the fleet economics, the token figures) never runs.
 * User units (km, deg, min, Wh) are converted here, once, for the record.
 */
import { nodeStowedBox } from '../../models/launch/fairingPacking.js';
import * as z from 'zod';
import { rad_to_deg, s_to_min } from '../../base/convert.js';
import { n, recordFields } from '../../base/recordFields.js';
import { COST_FIELDS } from './costFields.js';
import { SIZED_ITEMS, SIZED_ITEMS_KG, type SizedItem } from '../../models/mass/mass.js';
import { catalogueApproaches_per_sat_yr, FLUX_THRESHOLD_km } from '../../models/orbit/catalogueFlux.js';
import { softDoseThreshold_rad, yearsToDose, type NodeSizing } from './nodeRecord.js';

const { num, numOrNull, value, list, section } = recordFields<NodeSizing>();

/** The sized items' fields (SIZED_ITEMS: description, label), read from the mass budget. */
function sizedItemFields() {
  const field = (k: SizedItem) => num(SIZED_ITEMS[k][0], SIZED_ITEMS[k][1], (s) => s.mass.mass[k]);
  return Object.fromEntries(SIZED_ITEMS_KG.map((k) => [k, field(k)])) as Record<SizedItem, ReturnType<typeof field>>;
}

/** Section → field → its declaration, in the record's order: the physical budget, then cost (costFields.ts). */
export const RECORD_FIELDS = {
  orbit: section({
    altitude_km: num('Circular altitude [km]', 'altitude', (s) => s.design.orbit.altitude_km),
    inclination_deg: num('Inclination [deg]', 'inclination', (s) => rad_to_deg(s.orbit.inclination_rad)),
    sunSynchronous: value(
      () => z.boolean(),
      (s) => s.orbit.sunSynchronous,
    ),
    ltan_h: numOrNull('Local time of ascending node, sun-synchronous orbits only [h]', (s) =>
      s.design.orbit.inclination_deg === 'sso' ? s.design.orbit.ltan_h : null,
    ),
    period_min: num('Orbital period [min]', 'period', (s) => s_to_min(s.orbit.period_s)),
    speed_km_s: num('Orbital speed [km/s]', 'speed', (s) => s.orbit.speed_m_s / 1000),
    betaMin_deg: num('Minimum beta angle over a year [deg]', (s) => rad_to_deg(s.orbit.betaMin_rad)),
    betaMax_deg: num('Maximum beta angle over a year [deg]', (s) => rad_to_deg(s.orbit.betaMax_rad)),
    eclipseFraction: num(
      "Annual mean fraction of time in Earth's shadow (cylindrical shadow) [-]",
      'eclipse fraction, annual mean',
      (s) => s.orbit.eclipseFractionMean,
    ),
    worstEclipseFraction: num(
      'Shadow fraction of the worst orbit [-]',
      'eclipse fraction, worst orbit',
      (s) => s.orbit.eclipseFractionWorst,
    ),
    maxEclipse_min: num('Longest eclipse [min]', 'longest eclipse', (s) => s_to_min(s.orbit.maxEclipse_s)),
  }),
  power: section({
    arrayArea_m2: num('Solar array area [m²]', 'array area (given)', (s) => s.design.power.arrayArea_m2),
    requiredArrayArea_m2: num(
      'Array area needed at end of life [m²]',
      'array area (required)',
      (s) => s.power.system.requiredArrayArea_m2,
    ),
    bolPower_W: num(
      'Array power at beginning of life, sunlit [W]',
      'array power, BOL',
      (s) => s.power.system.bolPower_W,
    ),
    eolPower_W: num('Array power at end of life, sunlit [W]', 'array power, EOL', (s) => s.power.system.eolPower_W),
    demandAvg_W: num(
      'Orbit-average demand on the bus (compute + bus + ISL + pumps) [W]',
      'demand, orbit average',
      (s) => s.power.system.demandAvg_W,
    ),
    demandPeak_W: num(
      'Peak bus demand [W]',
      'demand, peak',
      (s) => s.compute.itPowerPeak_W + s.power.busPower_W + s.isl.power_W + s.thermal.pumpPower_W,
    ),
    heaterPower_W: num(
      'Cold-case heater power in eclipse, holding the loop at its minimum temperature [W]',
      'heater (cold case, eclipse)',
      (s) => s.thermal.heaterPower_W,
    ),
    eclipseComputeFraction: num(
      'Compute power kept through eclipses, as a fraction of the average (power.eclipseComputeFraction; 1 = full ride-through) [-]',
      'compute kept in eclipse',
      (s) => s.design.power.eclipseComputeFraction,
    ),
    eclipseIdleFloorFraction: num(
      'Lowest eclipse compute fraction at which every chip stays powered: idle / average chip power [-]',
      'idle floor (all chips powered)',
      (s) => s.powerStates.idleFloorFraction,
    ),
    gatedChips: num(
      'Chips powered off through each eclipse: all but ⌊eclipseComputeFraction × chips⌋ [-]',
      'chips gated in eclipse',
      (s) => s.powerStates.gatedChips,
    ),
    gatedFraction: num('Share of the chips powered off through each eclipse [-]', (s) => s.powerStates.gatedFraction),
    gatedBelowIdleFloor: num(
      'Chips that must be gated even with every powered chip idle (eclipse compute fraction below the idle floor) [-]',
      (s) => s.powerStates.gatedBelowIdleFloor,
    ),
    gatingCycles_per_yr: num(
      'Power on/off cycles of each gated chip per year: eclipses per year [1/yr]',
      'on/off cycles per gated chip',
      (s) => s.powerStates.cyclesPerGatedChip_per_yr,
    ),
    powerEclipse_min: num(
      "Longest eclipse the battery carries: this orbit's, or a longer one of another plane of the shell [min]",
      'eclipse the battery carries',
      (s) => s_to_min(s.powerEclipse_s),
    ),
    batteryEnergy_Wh: num('Installed battery energy [Wh]', 'battery energy', (s) => s.cost.batteryEnergy_Wh),
    depthOfDischarge: num('Depth of discharge [-]', (s) => s.power.depthOfDischarge),
    arrayMass_kg: num('Array mass [kg]', (s) => s.power.system.arrayMass_kg),
    batteryMass_kg: num('Battery mass [kg]', (s) => s.power.system.batteryMass_kg),
  }),
  thermal: section({
    heatLoad_W: num(
      'Heat the radiator rejects, hot case: IT, bus, ISL, pumps and battery losses (or peak IT only, `thermal.rejects: it`) [W]',
      'heat load',
      (s) => s.thermal.heatLoad_W,
    ),
    radiatorArea_m2: num(
      'Radiator planform area [m²]',
      'radiator area (given)',
      (s) => s.design.thermal.radiatorArea_m2,
    ),
    requiredRadiatorArea_m2: num(
      'Radiator area needed [m²]',
      'radiator area (required)',
      (s) => s.thermal.radiator.requiredRadiatorArea_m2,
    ),
    radiatorTemp_K: num(
      'Mean radiator panel temperature, area-weighted over the coolant cooling from inlet to outlet [K]',
      'radiator temperature (mean)',
      (s) => s.thermal.radiator.radiatorTemp_K,
    ),
    radiatorInletTemp_K: num(
      'Coolant temperature entering the radiator [K]',
      'radiator inlet',
      (s) => s.thermal.radiator.inletTemp_K,
    ),
    radiatorOutletTemp_K: num(
      'Coolant temperature leaving the radiator [K]',
      'radiator outlet',
      (s) => s.thermal.radiator.outletTemp_K,
    ),
    finEfficiency: num(
      "Radiator panel (fin) efficiency from the radiator row's tube-and-fin geometry at the loop temperature [-]",
      'fin efficiency',
      (s) => s.thermal.radiator.finEfficiency,
    ),
    netFlux_W_m2: num(
      'Net rejection per m² planform (both faces), hot case [W/m²]',
      'net rejection (hot case)',
      (s) => s.thermal.radiator.netFlux_W_m2,
    ),
    radiatorMass_kg: num('Radiator mass [kg]', (s) => s.thermal.radiatorMass_kg),
    pumpPower_W: num('Pumped-loop power [W]', 'pump power', (s) => s.thermal.pumpPower_W),
    coolant: value(
      () => z.string().describe('Loop working fluid (coolants catalog id).'),
      (s) => s.rows.coolant.id,
    ),
    coolantHotTemp_K: num('Coolant hot-leg temperature [K]', 'coolant hot leg', (s) => s.thermal.coolantHotTemp_K),
    coolantSupplyTemp_K: num(
      'Coolant temperature the cold plates receive [K]',
      'coolant supply',
      (s) => s.thermal.coolantSupplyTemp_K,
    ),
    coolantSupplySetBy: value(
      () =>
        z
          .enum(['junction', 'inlet limit', 'radiator'])
          .describe(
            "What sets the coolant supply: the junction limit through the cold plate, the chip row's inlet limit, or a fixed thermal.radiatorTemp_K.",
          ),
      (s) => s.thermal.supplySetBy,
    ),
    junctionTemp_K: num(
      'Hottest chip junction temperature with the coolant at coolantSupplyTemp_K [K]',
      'chip junction',
      (s) => s.thermal.junctionTemp_K,
    ),
    junctionLimit_K: num('Chip junction limit [K]', (s) => s.thermal.junctionLimit_K),
    batteryLoss_W: num(
      'Battery charge loss dissipated in daylight [W]',
      'battery charge loss (in heat load)',
      (s) => s.thermal.batteryLoss_W,
    ),
  }),
  radiation: section({
    shielding_mm_al: num('Aluminium shielding [mm Al]', 'shielding', (s) => s.design.radiation.shielding_mm_al),
    trappedDoseFactor: num(
      "Today's trapped-particle dose over the AP-8/AE-8 table's (field epoch; radiation.trappedDoseFactor) [-]",
      'field-epoch factor',
      (s) => s.design.radiation.trappedDoseFactor,
    ),
    trappedDoseRate_rad_per_yr: num(
      'Trapped-particle dose rate: the AP-8/AE-8 table × the field-epoch factor [rad(Si)/yr]',
      'trapped dose rate',
      (s) => s.rad.trappedDoseRate_rad_per_yr,
    ),
    solarProtonDoseRate_rad_per_yr: num(
      'Solar energetic proton dose, mission average: ESP-PSYCHIC 95 % through the geomagnetic cutoff [rad(Si)/yr]',
      'solar proton dose rate',
      (s) => s.rad.solarProtonDoseRate_rad_per_yr,
    ),
    doseRate_rad_per_yr: num(
      'Dose rate: trapped particles + solar protons, no margin [rad(Si)/yr]',
      'dose rate',
      (s) => s.rad.doseRate_rad_per_yr,
    ),
    missionDose_rad: num(
      'Mission dose incl. design margin [rad(Si)]',
      'mission dose (with margin)',
      (s) => s.rad.missionDose_rad,
    ),
    tolerance_rad: num('Chip tolerance [rad(Si)]', 'chip tolerance', (s) => s.rows.chip.tidTolerance_rad),
    toleranceSource: value(
      () => z.string().nullable().describe("Where the chip row's tolerance comes from (tidToleranceSource), or null."),
      (s) => s.rows.chip.tidToleranceSource ?? null,
    ),
    softThreshold_rad: num('Dose where soft faults begin (chip row; else the tolerance) [rad(Si)]', (s) =>
      softDoseThreshold_rad(s.rows.chip),
    ),
    timeToTolerance_yr: num('Years until the margined dose reaches the tolerance (capped at 1000) [yr]', (s) =>
      yearsToDose(s.rows.chip.tidTolerance_rad, s.rad.doseRate_rad_per_yr, s.design.mission.radiationDesignMargin),
    ),
    timeToSoftThreshold_yr: num('Years until the margined dose reaches the soft threshold (capped at 1000) [yr]', (s) =>
      yearsToDose(
        softDoseThreshold_rad(s.rows.chip),
        s.rad.doseRate_rad_per_yr,
        s.design.mission.radiationDesignMargin,
      ),
    ),
    designMargin: num('Radiation design margin [-]', (s) => s.design.mission.radiationDesignMargin),
    shieldingMass_kg: num('Shielding mass [kg]', (s) => s.rad.shieldingMass_kg),
  }),
  drag: section({
    density_kg_m3: num('Atmospheric density [kg/m³]', 'density', (s) => s.mass.drag.density_kg_m3),
    dragArea_m2: num('Orbit-average drag area [m²]', 'drag area', (s) => s.mass.dragArea_m2),
    ballisticCoefficient_kg_m2: num(
      'm/(C_D A) [kg/m²]',
      'ballistic coefficient',
      (s) => s.mass.drag.ballisticCoefficient_kg_m2,
    ),
    stationKeepingDeltaV_m_s_per_yr: num(
      'Drag make-up Δv [m/s/yr]',
      'station keeping',
      (s) => s.mass.drag.stationKeepingDeltaV_m_s_per_yr,
    ),
    propellantMass_kg: num(
      'Propellant for the mission [kg]',
      'propellant (mission)',
      (s) => s.mass.drag.propellantMass_kg,
    ),
    passiveDecay_yr: num(
      'Passive decay time after end of life [yr]',
      'passive decay after end of life',
      (s) => s.mass.drag.passiveDecay_yr,
    ),
    fccCompliant: value(
      () => z.boolean().describe('Passive decay within the FCC 5-year rule.'),
      (s) => s.mass.drag.fccCompliant,
    ),
  }),
  compute: section({
    chip: value(
      () => z.string(),
      (s) => s.design.compute.chip,
    ),
    chips: num('Accelerators [-]', (s) => s.design.compute.chips),
    itPowerAvg_W: num('Average IT power [W]', 'IT power, average', (s) => s.compute.itPowerAvg_W),
    itPowerPeak_W: num('Peak IT power [W]', 'IT power, peak', (s) => s.compute.itPowerPeak_W),
    peakPFLOPS: num('Peak dense compute [PFLOPS]', 'peak compute', (s) => s.compute.peakPFLOPS),
    deliveredPFLOPS: num('Delivered compute [PFLOPS]', 'delivered compute', (s) => s.compute.deliveredPFLOPS),
    precision: value(
      () => z.string(),
      (s) => s.compute.precision,
    ),
    mass_kg: num('Compute mass [kg]', (s) => s.compute.mass_kg),
    sustainedFraction: num(
      'Sustained fraction of peak while busy (MFU) [-]',
      (s) => s.design.compute.sustainedFraction,
    ),
    deliveredFraction: num('Delivered / peak [-]', (s) => s.waterfall.deliveredFraction),
    powerThrottle: num('Share of the compute load the installed array carries [-]', (s) => s.waterfall.powerThrottle),
    thermalThrottle: num(
      'Share of the compute heat the installed radiator rejects [-]',
      (s) => s.waterfall.thermalThrottle,
    ),
    waterfall: list(
      () =>
        z
          .array(z.strictObject({ name: z.string(), factor: n('[-]'), valueAfter_PFLOPS: n('[PFLOPS]') }))
          .describe(
            'Delivered-compute waterfall: peak → utilization → sustained → eclipse → power → thermal → availability → downlink.',
          ),
      (s) => s.waterfall.steps.map((w) => ({ name: w.name, factor: w.factor, valueAfter_PFLOPS: w.valueAfter_PFLOPS })),
    ),
  }),
  isl: section({
    topology: value(
      () => z.enum(['none', 'ring', 'grid', 'mesh']),
      (s) => s.isl.topology,
    ),
    terminals: num('Terminals [-]', 'terminals', (s) => s.isl.terminals),
    mass_kg: num("Laser terminals' mass [kg]", 'mass', (s) => s.isl.mass_kg),
    power_W: num("Laser terminals' power [W]", 'power', (s) => s.isl.power_W),
    capacity_Gbps: num('Aggregate capacity [Gbps]', 'capacity', (s) => s.isl.capacity_Gbps),
  }),
  mass: section({
    ...sizedItemFields(),
    bus_kg: num('Bus (structure, ADCS, C&DH, harness, propulsion dry) [kg]', 'bus', (s) => s.mass.mass.bus_kg),
    propellant_kg: num('Propellant for drag make-up and disposal [kg]', 'propellant', (s) => s.mass.mass.propellant_kg),
    propellantTank_kg: num(
      'Propellant tankage outside the bus (mass.propellantTankFraction) [kg]',
      'propellant tankage',
      (s) => s.mass.mass.propellantTank_kg,
    ),
    margin_kg: num('System margin [kg]', 'system margin', (s) => s.mass.mass.margin_kg),
    dry_kg: num('Dry mass incl. margin [kg]', 'dry (with margin)', (s) => s.mass.mass.dry_kg),
    launch_kg: num('Built-up launch (wet) mass incl. margin [kg]', 'launch (built up)', (s) => s.mass.mass.launch_kg),
    allocated_kg: num('Allocated launch mass [kg]', 'allocated on launcher', (s) => s.mass.mass.allocated_kg),
    kW_per_t: num('Average IT power per launch tonne [kW/t]', 'specific power', (s) => s.mass.mass.kW_per_t),
    specificPower_W_per_kg: num(
      "Average IT power per launch kg (kW_per_t in SI; the plausibility check's measure) [W/kg]",
      (s) => s.compute.itPowerAvg_W / s.mass.mass.launch_kg,
    ),
    stowedVolume_m3: num(
      'Stowed launch volume: folded array and radiator plus the packaged core [m³]',
      (s) => s.cost.stowed.stowedVolume_m3,
    ),
    stowedHeight_m: num(
      "Stowed box height: the packaged core a cube that sets it, the folded array and radiator around it on a square footprint of the stowed volume ÷ this (estimate, models/launch/fairingPacking.ts nodeStowedBox); stacked in a vehicle's envelope where its row gives one [m]",
      (s) => nodeStowedBox(s.cost.stowed.stowedVolume_m3, s.cost.stowed.core_m3).c_m,
    ),
  }),
  environment: section({
    catalogueApproaches_per_sat_yr: num(
      `Estimated close approaches below ${FLUX_THRESHOLD_km} km per satellite-year with the public catalogue (kinetic-gas flux of the shipped CelesTrak snapshot by altitude, latitude and encounter velocity, models/orbit/catalogueFlux.ts; an estimate, not a screen: odc screen counts them) [1/yr]`,
      'catalogue approaches < 5 km',
      (s) => catalogueApproaches_per_sat_yr(s.design.orbit.altitude_km, rad_to_deg(s.orbit.inclination_rad)),
    ),
  }),
  ...COST_FIELDS,
};
