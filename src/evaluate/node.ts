/**
 * Composes the physical models into one node evaluation: design (+ catalog rows) → DesignRecord.
 *
 * Order (no iteration is needed): orbit → compute → ISL → thermal (radiator at the junction-limited
 * temperature, hot case, sized for peak IT heat) → power (array and battery for the worst orbit at end of
 * life) → radiation → dry mass → drag (on the dry mass) → propellant → launch mass → stowed volume →
 * cost. Constraints marked `enforced` always apply in studies: the physical closure of the design.
 * SI inside; user units (km, deg, min, Wh) are converted once, for the record (nodeRecord.ts).
 */
import type { DesignRecord, ConstraintResult } from './record.js';
import { assembleRecord, MAX_YEARS_TO_DOSE, softDoseThreshold_rad, yearsToDose, type CostSizing, type Design, type MassSizing, type NodeSizing, type Payload, type PowerSizing, type Radiation, type Rows, type ThermalSizing } from './nodeRecord.js';
import { orbitGeometry } from '../models/orbit.js';
import { computePayload } from '../models/compute.js';
import { islPayload } from '../models/isl.js';
import { radiatorSizing } from '../models/thermal.js';
import { powerSystem } from '../models/power.js';
import { radiationDose } from '../models/radiation.js';
import { dryMass, MASS_TECHNOLOGY, massBudget } from '../models/mass.js';
import { dragBudget, orbitAverageDragArea_m2 } from '../models/drag.js';
import { nodeCost, stowedVolume_m3 } from '../models/cost.js';
import { deg_to_rad, J_to_Wh, km_to_m, mm_to_m, Wh_to_J } from '../units/convert.js';

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

export function evaluateNode(design: Design, rows: Rows): DesignRecord {
  const notes: string[] = [];
  const payload = sizePayload(design, rows);
  const thermal = sizeThermal(design, rows, payload, notes);
  const power = sizePower(design, rows, payload, thermal);
  const rad = sizeRadiation(design, payload);
  const mass = sizeMassAndDrag(design, rows, payload, thermal, power, rad);
  const cost = sizeCost(design, rows, payload, thermal, power, rad, mass);
  const s: NodeSizing = { ...payload, thermal, power, rad, mass, cost };
  const constraints = nodeConstraints(design, rows, s);
  notes.push(...modelNotes(design, payload.computeShare));
  return assembleRecord(design, rows, s, constraints, notes);
}

function sizePayload(design: Design, rows: Rows): Payload {
  const { mission, orbit: o, compute: c, isl: i } = design;
  const orbit = orbitGeometry({
    altitude_m: km_to_m(o.altitude_km),
    inclination: o.inclination_deg === 'sso' ? { kind: 'sso', ltan_h: o.ltan_h } : { kind: 'fixed', inclination_rad: deg_to_rad(o.inclination_deg) },
  });
  const unthrottled = computePayload({
    chip: rows.chip, chips: c.chips, utilization: c.utilization, lifetime_yr: mission.lifetime_yr, failureRate_per_yr: c.chipFailureRate_per_yr,
  });
  // Compute throttled to a fraction k of its average in shadow (power.eclipseComputeFraction, a smaller battery)
  // loses (1 − k) of the compute for the eclipse share of the time: delivered compute and the average IT power
  // (and the heat it makes on average) are orbit averages over the annual mean shadow fraction. Peak power and
  // the peak heat load stay: the radiator and the daylight array load are sized for full compute.
  const computeShare = 1 - orbit.eclipseFractionMean * (1 - design.power.eclipseComputeFraction);
  const compute = {
    ...unthrottled,
    itPowerAvg_W: unthrottled.itPowerAvg_W * computeShare,
    heatLoadAvg_W: unthrottled.heatLoadAvg_W * computeShare,
    deliveredPFLOPS: unthrottled.deliveredPFLOPS * computeShare,
  };
  const isl = islPayload({ topology: i.topology, terminal: rows.terminal });
  return { orbit, compute, sunlitItPowerAvg_W: unthrottled.itPowerAvg_W, computeShare, isl };
}

function sizeThermal(design: Design, rows: Rows, { compute }: Payload, notes: string[]): ThermalSizing {
  const { chip, radiator, coating } = rows;
  // The pumped loop must reject the peak IT heat in the hot case, so the radiator is sized for it.
  const heatLoad_W = compute.heatLoadPeak_W;
  // The loop cannot run the radiator hotter than its technology allows, whatever the chips tolerate.
  const junctionLimit_K = Math.min(chip.maxJunctionTemp_K, radiator.maxTemp_K + radiator.loopDeltaT_K);
  if (junctionLimit_K < chip.maxJunctionTemp_K) notes.push(`radiator temperature capped by the ${radiator.id} technology limit ${radiator.maxTemp_K} K`);
  const sizing = radiatorSizing({
    heatLoad_W, junctionTempMax_K: junctionLimit_K, loopDeltaT_K: radiator.loopDeltaT_K, arealDensity_kg_m2: radiator.arealDensity_kg_m2,
    pumpPower_W_per_W: radiator.pumpPower_W_per_W, solarAbsorptance: coating.absorptanceEol, irEmittance: coating.emittanceEol ?? coating.emittance,
    altitude_m: km_to_m(design.orbit.altitude_km),
  });
  return { heatLoad_W, radiator: sizing, radiatorMass_kg: design.thermal.radiatorArea_m2 * radiator.arealDensity_kg_m2 };
}

function sizePower(design: Design, rows: Rows, { orbit, compute, sunlitItPowerAvg_W, isl }: Payload, thermal: ThermalSizing): PowerSizing {
  const { mission, power: p } = design;
  const { array, battery } = rows;
  const busPower_W = p.busPower_W ?? BUS_POWER_FRACTION_OF_IT * compute.itPowerPeak_W + BUS_POWER_BASE_W;
  const depthOfDischarge = p.depthOfDischarge ?? battery.maxDepthOfDischarge;
  const system = powerSystem({
    arrayArea_m2: p.arrayArea_m2, cellEfficiency: array.cellEfficiency, packingFactor: array.packingFactor, inherentDegradation: array.inherentDegradation,
    degradationRate_per_yr: array.degradationPerYear, tempCoefficient_per_K: array.tempCoefficient_per_K, cellTemp_K: array.operatingTemp_K,
    arrayArealDensity_kg_m2: array.arealDensity_kg_m2, missionLife_yr: mission.lifetime_yr,
    orbitPeriod_s: orbit.period_s, eclipseDuration_s: orbit.maxEclipse_s, eclipseFractionMean: orbit.eclipseFractionMean,
    computePower_W: sunlitItPowerAvg_W, busPower_W, islPower_W: isl.power_W, pumpPower_W: thermal.radiator.pumpPower_W,
    depthOfDischarge, batterySpecificEnergy_J_per_kg: Wh_to_J(battery.specificEnergy_Wh_per_kg), batteryToLoadEfficiency: battery.dischargeEfficiency,
    eclipseComputeFraction: p.eclipseComputeFraction,
  });
  return { system, busPower_W, depthOfDischarge };
}

function sizeRadiation(design: Design, { orbit, compute }: Payload): Radiation {
  const { mission, radiation: r } = design;
  // Shielding wraps the compute electronics: a cube of the compute mass at electronics packaging density.
  const shieldedVolume_m3 = compute.mass_kg / ELECTRONICS_PACKAGING_DENSITY_kg_m3;
  const shieldedArea_m2 = 6 * Math.cbrt(shieldedVolume_m3) ** 2;
  return radiationDose({
    altitude_m: km_to_m(design.orbit.altitude_km), inclination_rad: orbit.inclination_rad, shieldThickness_m: mm_to_m(r.shielding_mm_al),
    missionLife_yr: mission.lifetime_yr, designMargin: mission.radiationDesignMargin, shieldedArea_m2,
  });
}

/** Dry mass → drag (on the dry mass) → propellant → launch mass. */
function sizeMassAndDrag(
  design: Design, rows: Rows, { compute, isl }: Payload, thermal: ThermalSizing, { system: power }: PowerSizing, rad: Radiation,
): MassSizing {
  const { mission, power: p, thermal: t, launch: l, drag: d } = design;
  const factors = massFactors(design);
  const dry = dryMass({
    compute_kg: compute.mass_kg, array_kg: power.arrayMass_kg, battery_kg: power.batteryMass_kg, radiator_kg: thermal.radiatorMass_kg,
    shielding_kg: rad.shieldingMass_kg, isl_kg: isl.mass_kg, ...factors,
  });
  const busArea_m2 = Math.cbrt(dry.dry_kg / CORE_DENSITY_FOR_AREA_kg_m3) ** 2;
  const { dragArea_m2 } = orbitAverageDragArea_m2({
    arrayArea_m2: p.arrayArea_m2, radiatorArea_m2: t.radiatorArea_m2, busArea_m2,
    arrayProjectionFactor: d.arrayProjectionFactor, radiatorProjectionFactor: d.radiatorProjectionFactor,
  });
  // The launcher inserts at its reference altitude; electric propulsion spirals the node to its orbit.
  const drag = dragBudget({
    altitude_m: km_to_m(design.orbit.altitude_km), solarActivity: mission.solarActivity, dryMass_kg: dry.dry_kg, dragArea_m2, lifetime_yr: mission.lifetime_yr,
    insertionAltitude_m: km_to_m(rows.vehicle.referenceAltitude_km), dragCoefficient: d.dragCoefficient,
    disposalSolarActivity: d.disposalSolarActivity ?? mission.solarActivity,
  });
  const mass = massBudget({
    compute_kg: compute.mass_kg, array_kg: power.arrayMass_kg, battery_kg: power.batteryMass_kg, radiator_kg: thermal.radiatorMass_kg,
    shielding_kg: rad.shieldingMass_kg, isl_kg: isl.mass_kg, propellant_kg: drag.propellantMass_kg, allocated_kg: l.mass_kg, itPowerAvg_W: compute.itPowerAvg_W,
    ...factors,
  });
  return { dragArea_m2, drag, mass };
}

/** Stowed volume, then cost (hardware, launch, operations, LCOC). */
function sizeCost(
  design: Design, rows: Rows, { compute, isl }: Payload, thermal: ThermalSizing, { system: power }: PowerSizing, rad: Radiation,
  { drag, mass }: MassSizing,
): CostSizing {
  const { mission, compute: c, thermal: t, launch: l, economics: e } = design;
  const { chip, array, battery, radiator, vehicle } = rows;
  const stowed = stowedVolume_m3({
    arrayBolPower_W: power.bolPower_W, arrayStowedPowerDensity_W_per_m3: array.stowedPowerDensity_W_per_m3,
    radiatorArea_m2: t.radiatorArea_m2, radiatorStowedArea_m2_per_m3: radiator.stowedArea_m2_per_m3,
    coreMass_kg: mass.launch_kg - power.arrayMass_kg - thermal.radiatorMass_kg,
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
  return { stowed, batteryEnergy_Wh, cost };
}

function nodeConstraints(design: Design, rows: Rows, s: NodeSizing): ConstraintResult[] {
  const { power: p, thermal: t, launch: l } = design;
  const { chip, vehicle } = rows;
  const { drag, mass } = s.mass;
  return [
    constraintResult('power.arrayArea', p.arrayArea_m2, '>=', s.power.system.requiredArrayArea_m2, 'm²', true, 'array area covers the end-of-life demand over the worst orbit (SMAD sizing)'),
    constraintResult('thermal.radiatorArea', t.radiatorArea_m2, '>=', s.thermal.radiator.requiredRadiatorArea_m2, 'm²', true, 'radiator rejects peak IT heat at the junction-limited temperature, hot case'),
    constraintResult('mass.launchClosure', mass.launch_kg, '<=', l.mass_kg, 'kg', true, 'built-up launch mass fits the mass allocated on the launcher'),
    constraintResult('launch.fitsVehicle', s.cost.cost.nodesPerLaunch, '>=', 1, 'nodes', true, `at least one node fits the ${vehicle.id} payload and fairing`),
    constraintResult('radiation.dose', s.rad.missionDose_rad, '<=', chip.tidTolerance_rad, 'rad(Si)', false,
      `mission dose with design margin stays below the chip tolerance (reached after ${yearsText(chip.tidTolerance_rad, s, design.mission.radiationDesignMargin)})`),
    constraintResult('drag.fccDisposal', drag.passiveDecay_yr, '<=', 5, 'yr', false, 'passive decay after end of life within the FCC 5-year rule (47 CFR 25.283(e))'),
    // a separate soft-fault check only for chips whose row gives the onset (else it would repeat radiation.dose)
    ...(chip.softDoseThreshold_rad !== undefined
      ? [constraintResult('radiation.softDose', s.rad.missionDose_rad, '<=', softDoseThreshold_rad(chip), 'rad(Si)', false,
          `mission dose with design margin stays below the chip's soft-fault onset (reached after ${yearsText(softDoseThreshold_rad(chip), s, design.mission.radiationDesignMargin)})`)]
      : []),
  ];
}

/** Bus fraction and system margin: the technology preset, overridden key by key. */
function massFactors(design: Design): { busFraction: number; marginFraction: number } {
  const preset = MASS_TECHNOLOGY[design.mass.technology];
  return { busFraction: design.mass.busFraction ?? preset.busFraction, marginFraction: design.mass.systemMargin ?? preset.marginFraction };
}

/** "12.3 yr" (or "over 1000 yr"): when the margined dose reaches `dose_rad`. */
function yearsText(dose_rad: number, s: NodeSizing, designMargin: number): string {
  const yr = yearsToDose(dose_rad, s.rad.doseRate_rad_per_yr, designMargin);
  return yr >= MAX_YEARS_TO_DOSE ? `over ${MAX_YEARS_TO_DOSE} yr` : `${yr.toPrecision(3)} yr`;
}

/** The modelling assumptions a reader of the record must know. */
function modelNotes(design: Design, share: number): string[] {
  const notes = ['the pumped loop rejects the peak IT heat; bus, ISL and pump heat go to bus panels (not sized here)'];
  const f = design.power.eclipseComputeFraction;
  if (f < 1) {
    notes.push(`compute throttled to ${f} of average through eclipses (battery sized for that): delivered compute and average IT power ` +
      `are orbit averages, ${(100 * share).toPrecision(4)} % of unthrottled`);
  }
  notes.push('eclipse: cylindrical Earth shadow, no penumbra; dose: AP-8 MIN/AE-8 MAX mean environment (no solar particle events)');
  const factors = massFactors(design);
  notes.push(`mass: ${design.mass.technology} technology, bus ${factors.busFraction.toFixed(3)} × sized items, system margin ${(100 * factors.marginFraction).toFixed(0)} %`);
  const d = design.drag;
  notes.push(`drag: C_D ${d.dragCoefficient}, projected array/radiator share ${d.arrayProjectionFactor.toFixed(3)}/${d.radiatorProjectionFactor.toFixed(3)}; ` +
    `disposal check at ${d.disposalSolarActivity ?? design.mission.solarActivity} solar activity, held over the whole decay (no solar cycle)`);
  if (design.orbit.altitude_km > 900) notes.push('density above 900 km is an exponential extrapolation of CIRA-2012 (drag is negligible there)');
  return notes;
}
