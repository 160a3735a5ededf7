/**
 * Composes the physical models into one node evaluation: design (+ catalog rows) → DesignRecord.
 *
 * Order (no iteration is needed): orbit → compute → ISL → thermal (radiator at the junction-limited
 * temperature, hot case, sized for peak IT heat) → power (array and battery for the worst orbit at end of
 * life) → radiation → dry mass → drag (on the dry mass) → propellant → launch mass → stowed volume →
 * cost. Constraints marked `enforced` always apply in studies: the physical closure of the design.
 * SI inside; user units (km, deg, min, Wh) are converted here, once, for the record.
 */
import type { DesignRecord, ConstraintResult } from './record.js';
import type { NodeDesign } from '../study/schema.js';
import { orbitGeometry } from '../models/orbit.js';
import { computePayload } from '../models/compute.js';
import { islPayload } from '../models/isl.js';
import { radiatorSizing } from '../models/thermal.js';
import { powerSystem } from '../models/power.js';
import { radiationDose } from '../models/radiation.js';
import { dryMass, massBudget } from '../models/mass.js';
import { dragBudget, orbitAverageDragArea_m2 } from '../models/drag.js';
import { nodeCost, stowedVolume_m3 } from '../models/cost.js';
import { deg_to_rad, J_to_Wh, km_to_m, mm_to_m, rad_to_deg, s_to_min, Wh_to_J } from '../units/convert.js';
import type { NodeCatalogRows } from '../catalog/rows.js';

/** Electronics enclosure packaging density for the shielded volume [kg/m³] (dense server electronics, estimate). */
const ELECTRONICS_PACKAGING_DENSITY_kg_m3 = 500;
/** Bus housekeeping default: 3 % of peak IT power + 500 W (estimate: ADCS, C&DH, TT&C, heaters of a large bus). */
const BUS_POWER_FRACTION_OF_IT = 0.03;
const BUS_POWER_BASE_W = 500;
/** Bus frontal area per kg^(2/3) of dry mass: a ~200 kg/m³ core box seen face-on (estimate). */
const CORE_DENSITY_FOR_AREA_kg_m3 = 200;

export function constraintResult(name: string, value: number, sense: '<=' | '>=', limit: number, unit: string, enforced: boolean, description: string): ConstraintResult {
  const scale = Math.abs(limit) > 0 ? Math.abs(limit) : 1;
  const margin = sense === '<=' ? (limit - value) / scale : (value - limit) / scale;
  return { name, value, limit, sense, unit, satisfied: margin >= 0, margin, enforced, description };
}

/** Names of the constraints every study enforces, in order. */
export const PHYSICAL_CONSTRAINTS = ['power.arrayArea', 'thermal.radiatorArea', 'mass.launchClosure', 'launch.fitsVehicle'] as const;

export function evaluateNode(design: Readonly<NodeDesign>, rows: Readonly<NodeCatalogRows>): DesignRecord {
  const { mission, orbit: o, compute: c, power: p, thermal: t, radiation: r, isl: i, launch: l, economics: e } = design;
  const { chip, array, battery, radiator, coating, terminal, vehicle } = rows;
  const altitude_m = km_to_m(o.altitude_km);
  const notes: string[] = [];

  const orbit = orbitGeometry({
    altitude_m,
    inclination: o.inclination_deg === 'sso' ? { kind: 'sso', ltan_h: o.ltan_h } : { kind: 'fixed', inclination_rad: deg_to_rad(o.inclination_deg) },
  });
  const compute = computePayload({ chip, chips: c.chips, utilization: c.utilization, lifetime_yr: mission.lifetime_yr });
  const isl = islPayload({ topology: i.topology, terminal });

  // The pumped loop must reject the peak IT heat in the hot case, so the radiator is sized for it.
  const heatLoad_W = compute.heatLoadPeak_W;
  // The loop cannot run the radiator hotter than its technology allows, whatever the chips tolerate.
  const junctionLimit_K = Math.min(chip.maxJunctionTemp_K, radiator.maxTemp_K + radiator.loopDeltaT_K);
  if (junctionLimit_K < chip.maxJunctionTemp_K) notes.push(`radiator temperature capped by the ${radiator.id} technology limit ${radiator.maxTemp_K} K`);
  const thermal = radiatorSizing({
    heatLoad_W, junctionTempMax_K: junctionLimit_K, loopDeltaT_K: radiator.loopDeltaT_K, arealDensity_kg_m2: radiator.arealDensity_kg_m2,
    pumpPower_W_per_W: radiator.pumpPower_W_per_W, solarAbsorptance: coating.absorptanceEol, irEmittance: coating.emittanceEol ?? coating.emittance, altitude_m,
  });
  const radiatorMass_kg = t.radiatorArea_m2 * radiator.arealDensity_kg_m2;

  const busPower_W = p.busPower_W ?? BUS_POWER_FRACTION_OF_IT * compute.itPowerPeak_W + BUS_POWER_BASE_W;
  const depthOfDischarge = p.depthOfDischarge ?? battery.maxDepthOfDischarge;
  const power = powerSystem({
    arrayArea_m2: p.arrayArea_m2, cellEfficiency: array.cellEfficiency, packingFactor: array.packingFactor, inherentDegradation: array.inherentDegradation,
    degradationRate_per_yr: array.degradationPerYear, tempCoefficient_per_K: array.tempCoefficient_per_K, cellTemp_K: array.operatingTemp_K,
    arrayArealDensity_kg_m2: array.arealDensity_kg_m2, missionLife_yr: mission.lifetime_yr,
    orbitPeriod_s: orbit.period_s, eclipseDuration_s: orbit.maxEclipse_s, eclipseFractionMean: orbit.eclipseFractionMean,
    computePower_W: compute.itPowerAvg_W, busPower_W, islPower_W: isl.power_W, pumpPower_W: thermal.pumpPower_W,
    depthOfDischarge, batterySpecificEnergy_J_per_kg: Wh_to_J(battery.specificEnergy_Wh_per_kg), batteryToLoadEfficiency: battery.dischargeEfficiency,
    eclipseComputeFraction: p.eclipseComputeFraction,
  });

  // Shielding wraps the compute electronics: a cube of the compute mass at electronics packaging density.
  const shieldedVolume_m3 = compute.mass_kg / ELECTRONICS_PACKAGING_DENSITY_kg_m3;
  const shieldedArea_m2 = 6 * Math.cbrt(shieldedVolume_m3) ** 2;
  const rad = radiationDose({
    altitude_m, inclination_rad: orbit.inclination_rad, shieldThickness_m: mm_to_m(r.shielding_mm_al), missionLife_yr: mission.lifetime_yr,
    designMargin: mission.radiationDesignMargin, shieldedArea_m2,
  });

  const dry = dryMass({
    compute_kg: compute.mass_kg, array_kg: power.arrayMass_kg, battery_kg: power.batteryMass_kg, radiator_kg: radiatorMass_kg,
    shielding_kg: rad.shieldingMass_kg, isl_kg: isl.mass_kg,
  });
  const busArea_m2 = Math.cbrt(dry.dry_kg / CORE_DENSITY_FOR_AREA_kg_m3) ** 2;
  const { dragArea_m2 } = orbitAverageDragArea_m2({ arrayArea_m2: p.arrayArea_m2, radiatorArea_m2: t.radiatorArea_m2, busArea_m2 });
  // The launcher inserts at its reference altitude; electric propulsion spirals the node to its orbit.
  const drag = dragBudget({
    altitude_m, solarActivity: mission.solarActivity, dryMass_kg: dry.dry_kg, dragArea_m2, lifetime_yr: mission.lifetime_yr,
    insertionAltitude_m: km_to_m(vehicle.referenceAltitude_km),
  });
  const mass = massBudget({
    compute_kg: compute.mass_kg, array_kg: power.arrayMass_kg, battery_kg: power.batteryMass_kg, radiator_kg: radiatorMass_kg,
    shielding_kg: rad.shieldingMass_kg, isl_kg: isl.mass_kg, propellant_kg: drag.propellantMass_kg, allocated_kg: l.mass_kg, itPowerAvg_W: compute.itPowerAvg_W,
  });

  const stowed = stowedVolume_m3({
    arrayBolPower_W: power.bolPower_W, arrayStowedPowerDensity_W_per_m3: array.stowedPowerDensity_W_per_m3,
    radiatorArea_m2: t.radiatorArea_m2, radiatorStowedArea_m2_per_m3: radiator.stowedArea_m2_per_m3,
    coreMass_kg: mass.launch_kg - power.arrayMass_kg - radiatorMass_kg,
  });
  const batteryEnergy_Wh = J_to_Wh(power.batteryEnergy_J);
  const cost = nodeCost({
    // A node pays for the mass allocated to it on the launcher (or its built-up mass, if larger).
    vehicle, launch_kg: Math.max(l.mass_kg, mass.launch_kg), stowedVolume_m3: stowed.stowedVolume_m3,
    ...(e.launchCost_USD_per_kg !== undefined ? { launchPriceOverride_USD_per_kg: e.launchCost_USD_per_kg } : {}),
    itPowerAvg_W: compute.itPowerAvg_W, itPowerPeak_W: compute.itPowerPeak_W, chips: c.chips, costPerChip_USD: chip.costPerChip_USD,
    peakPFLOPS: compute.peakPFLOPS, utilization: c.utilization, lifetime_yr: mission.lifetime_yr,
    electricityPrice_USD_per_kWh: e.electricity_USD_per_kWh, pue: e.pue, deliveredPFLOPS: compute.deliveredPFLOPS,
    arrayBolPower_W: power.bolPower_W, arrayCost_USD_per_W: array.cost_USD_per_W,
    radiatorArea_m2: t.radiatorArea_m2, radiatorCost_USD_per_m2: radiator.cost_USD_per_m2,
    batteryEnergy_Wh, batteryCost_USD_per_Wh: battery.cost_USD_per_Wh, islCost_USD: isl.cost_USD, bus_kg: mass.bus_kg, shielding_kg: rad.shieldingMass_kg,
    propellant_kg: drag.propellantMass_kg,
  });

  const constraints: ConstraintResult[] = [
    constraintResult('power.arrayArea', p.arrayArea_m2, '>=', power.requiredArrayArea_m2, 'm²', true, 'array area covers the end-of-life demand over the worst orbit (SMAD sizing)'),
    constraintResult('thermal.radiatorArea', t.radiatorArea_m2, '>=', thermal.requiredRadiatorArea_m2, 'm²', true, 'radiator rejects peak IT heat at the junction-limited temperature, hot case'),
    constraintResult('mass.launchClosure', mass.launch_kg, '<=', l.mass_kg, 'kg', true, 'built-up launch mass fits the mass allocated on the launcher'),
    constraintResult('launch.fitsVehicle', cost.nodesPerLaunch, '>=', 1, 'nodes', true, `at least one node fits the ${vehicle.id} payload and fairing`),
    constraintResult('radiation.dose', rad.missionDose_rad, '<=', chip.tidTolerance_rad, 'rad(Si)', false, 'mission dose with design margin stays below the chip tolerance'),
    constraintResult('drag.fccDisposal', drag.passiveDecay_yr, '<=', 5, 'yr', false, 'passive decay after end of life within the FCC 5-year rule (47 CFR 25.283(e))'),
  ];
  notes.push('the pumped loop rejects the peak IT heat; bus, ISL and pump heat go to bus panels (not sized here)');
  if (p.eclipseComputeFraction < 1) notes.push(`compute throttled to ${p.eclipseComputeFraction} of average through eclipses (battery sized for that)`);
  notes.push('eclipse: cylindrical Earth shadow, no penumbra; dose: AP-8 MIN/AE-8 MAX mean environment (no solar particle events)');
  if (o.altitude_km > 900) notes.push('density above 900 km is an exponential extrapolation of CIRA-2012 (drag is negligible there)');

  return {
    schemaVersion: 1,
    name: design.name,
    kind: 'node',
    orbit: {
      altitude_km: o.altitude_km, inclination_deg: rad_to_deg(orbit.inclination_rad), sunSynchronous: orbit.sunSynchronous,
      ltan_h: o.inclination_deg === 'sso' ? o.ltan_h : null, period_min: s_to_min(orbit.period_s), speed_km_s: orbit.speed_m_s / 1000,
      betaMin_deg: rad_to_deg(orbit.betaMin_rad), betaMax_deg: rad_to_deg(orbit.betaMax_rad), eclipseFraction: orbit.eclipseFractionMean,
      worstEclipseFraction: orbit.eclipseFractionWorst, maxEclipse_min: s_to_min(orbit.maxEclipse_s),
    },
    power: {
      arrayArea_m2: p.arrayArea_m2, requiredArrayArea_m2: power.requiredArrayArea_m2, bolPower_W: power.bolPower_W, eolPower_W: power.eolPower_W,
      demandAvg_W: power.demandAvg_W, demandPeak_W: compute.itPowerPeak_W + busPower_W + isl.power_W + thermal.pumpPower_W,
      batteryEnergy_Wh, depthOfDischarge, arrayMass_kg: power.arrayMass_kg, batteryMass_kg: power.batteryMass_kg,
    },
    thermal: {
      heatLoad_W, radiatorArea_m2: t.radiatorArea_m2, requiredRadiatorArea_m2: thermal.requiredRadiatorArea_m2, radiatorTemp_K: thermal.radiatorTemp_K,
      netFlux_W_m2: thermal.netFlux_W_m2, radiatorMass_kg, pumpPower_W: thermal.pumpPower_W,
    },
    radiation: {
      shielding_mm_al: r.shielding_mm_al, doseRate_rad_per_yr: rad.doseRate_rad_per_yr, missionDose_rad: rad.missionDose_rad,
      tolerance_rad: chip.tidTolerance_rad, designMargin: mission.radiationDesignMargin, shieldingMass_kg: rad.shieldingMass_kg,
    },
    drag: {
      density_kg_m3: drag.density_kg_m3, dragArea_m2, ballisticCoefficient_kg_m2: drag.ballisticCoefficient_kg_m2,
      stationKeepingDeltaV_m_s_per_yr: drag.stationKeepingDeltaV_m_s_per_yr, propellantMass_kg: drag.propellantMass_kg,
      passiveDecay_yr: drag.passiveDecay_yr, fccCompliant: drag.fccCompliant,
    },
    compute: {
      chip: c.chip, chips: c.chips, itPowerAvg_W: compute.itPowerAvg_W, itPowerPeak_W: compute.itPowerPeak_W, peakPFLOPS: compute.peakPFLOPS,
      deliveredPFLOPS: compute.deliveredPFLOPS, precision: compute.precision, mass_kg: compute.mass_kg,
    },
    isl: { topology: isl.topology, terminals: isl.terminals, mass_kg: isl.mass_kg, power_W: isl.power_W, capacity_Gbps: isl.capacity_Gbps },
    mass: {
      compute_kg: mass.compute_kg, array_kg: mass.array_kg, battery_kg: mass.battery_kg, radiator_kg: mass.radiator_kg, shielding_kg: mass.shielding_kg,
      isl_kg: mass.isl_kg, bus_kg: mass.bus_kg, propellant_kg: mass.propellant_kg, margin_kg: mass.margin_kg, dry_kg: mass.dry_kg,
      launch_kg: mass.launch_kg, allocated_kg: mass.allocated_kg, kW_per_t: mass.kW_per_t, stowedVolume_m3: stowed.stowedVolume_m3,
    },
    cost: {
      hardware_USD: cost.hardware_USD, launch_USD: cost.launch_USD, operations_USD: cost.operations_USD, total_USD: cost.total_USD,
      launchPrice_USD_per_kg: cost.launchPrice_USD_per_kg, nodesPerLaunch: cost.nodesPerLaunch, lcoc_USD_per_PFLOP_day: cost.lcoc_USD_per_PFLOP_day,
      costPerKWyr_USD: cost.costPerKWyr_USD, terrestrialCostPerKWyr_USD: cost.terrestrialCostPerKWyr_USD,
      terrestrialLcoc_USD_per_PFLOP_day: cost.terrestrialLcoc_USD_per_PFLOP_day,
    },
    constraints,
    notes,
  };
}
