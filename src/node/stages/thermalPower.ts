/**
 * The first node sizing stages (node.ts runs them in order): the payload (orbit, compute, ISL), the thermal chain
 * (coolant loop, hot-case radiator, cold-case heater), the power system, and the delivered-compute waterfall.
 */
import type { Payload, PowerSizing, StageResults, ThermalSizing } from '../record/nodeRecord.js';
import type { Design, Rows } from '../record/rows.js';
import { orbitGeometry } from '../../models/orbit/orbit.js';
import { computePayload } from '../../models/compute/compute.js';
import { precisionFactor } from '../../models/compute/precision.js';
import { islPayload } from '../../models/links/isl.js';
import { earthViewFactorVerticalPlate } from '../../models/thermal/thermal.js';
import { radiatorPanel } from '../../models/thermal/radiatorPanel.js';
import { coolantLoop, loopHeatLoad } from '../../models/thermal/coolantLoop.js';
import { coldCaseHeater } from '../../models/thermal/thermalColdCase.js';
import { EARTH_RADIUS_m } from '../../base/constants.js';
import { powerSystem } from '../../models/power/power.js';
import { computeWaterfall } from '../../models/compute/computeWaterfall.js';
import { eclipsePowerStates } from '../../models/compute/powerStates.js';
import { deg_to_rad, km_to_m, Wh_to_J } from '../../base/convert.js';

/** Bus housekeeping default: 3 % of peak IT power + 500 W (estimate: ADCS, C&DH, TT&C, heaters of a large bus). */
const BUS_POWER_FRACTION_OF_IT = 0.03;
const BUS_POWER_BASE_W = 500;

export function sizePayload(design: Design, rows: Rows): Payload {
  const { mission, orbit: o, compute: c, isl: i } = design;
  const orbit = orbitGeometry({
    altitude_m: km_to_m(o.altitude_km),
    inclination:
      o.inclination_deg === 'sso'
        ? { kind: 'sso', ltan_h: o.ltan_h }
        : { kind: 'fixed', inclination_rad: deg_to_rad(o.inclination_deg) },
  });
  const precision = precisionOf(rows, c.precision, c.sparsity);
  const unthrottled = computePayload({
    chip: rows.chip,
    chips: c.chips,
    utilization: c.utilization,
    lifetime_yr: mission.lifetime_yr,
    failureRate_per_yr: c.chipFailureRate_per_yr,
    precisionFactor: precision.precisionFactor,
    precision: precision.precision,
  });
  // Compute throttled to a fraction k of its average in shadow (power.eclipseComputeFraction, a smaller battery)
  // loses (1 − k) of the compute for the eclipse share of the time: delivered compute and the average IT power
  // (and the heat it makes on average) are orbit averages over the annual mean shadow fraction. Peak power and
  // the peak heat load stay: the radiator and the daylight array load are sized for full compute.
  const computeShare = 1 - orbit.eclipseFractionMean * (1 - design.power.eclipseComputeFraction);
  const compute = withCompute(unthrottled, {
    itPowerAvg_W: unthrottled.itPowerAvg_W * computeShare,
    heatLoadAvg_W: unthrottled.heatLoadAvg_W * computeShare,
    deliveredPFLOPS: unthrottled.deliveredPFLOPS * computeShare,
  });
  const isl = islPayload({ topology: i.topology, terminal: rows.terminal });
  const powerStates = eclipsePowerStates({
    chips: c.chips,
    idlePowerFraction: rows.chip.idlePowerFraction,
    utilization: c.utilization,
    eclipseComputeFraction: design.power.eclipseComputeFraction,
    orbitPeriod_s: orbit.period_s,
    eclipseSeasonFraction: orbit.eclipseSeasonFraction,
  });
  return {
    orbit,
    compute,
    sunlitItPowerAvg_W: unthrottled.itPowerAvg_W,
    computeShare,
    isl,
    powerStates,
    powerEclipse_s: powerEclipse_s(design, orbit.maxEclipse_s),
  };
}

/**
 * `c` with its averages replaced: every field named, not spread (V8 copies a spread object of number fields in its
 * runtime, ~1–4 µs a call on this hot path).
 */
export function withCompute(
  c: Payload['compute'],
  averages: Pick<Payload['compute'], 'itPowerAvg_W' | 'heatLoadAvg_W' | 'deliveredPFLOPS'>,
): Payload['compute'] {
  return {
    itPowerAvg_W: averages.itPowerAvg_W,
    itPowerPeak_W: c.itPowerPeak_W,
    heatLoadAvg_W: averages.heatLoadAvg_W,
    heatLoadPeak_W: c.heatLoadPeak_W,
    peakPFLOPS: c.peakPFLOPS,
    deliveredPFLOPS: averages.deliveredPFLOPS,
    availability: c.availability,
    precision: c.precision,
    mass_kg: c.mass_kg,
  };
}

/**
 * The longest eclipse the power system carries [s]: this orbit's, or that of the shell plane orbit.worstEclipseLtan_h
 * names when it is longer (a constellation shell's node flies in every plane; src/constellation/geometry/ssoPlanes.ts).
 */
function powerEclipse_s(design: Design, maxEclipse_s: number): number {
  const o = design.orbit;
  if (o.inclination_deg !== 'sso' || o.worstEclipseLtan_h === undefined) return maxEclipse_s;
  const other = orbitGeometry({
    altitude_m: km_to_m(o.altitude_km),
    inclination: { kind: 'sso', ltan_h: o.worstEclipseLtan_h },
  });
  return Math.max(maxEclipse_s, other.maxEclipse_s);
}

/**
 * Coolant loop (supply, radiator inlet and outlet) → hot-case heat load → radiator panel (the coolant cooling along
 * it, fin efficiency from the row's geometry) → junction temperature → cold-case heater; `notes` receives the cap.
 */
export function sizeThermal(design: Design, rows: Rows, payload: Payload, notes: string[] | null): ThermalSizing {
  const { chip, radiator, coating } = rows;
  const t = design.thermal;
  const busPower_W = busPowerOf(design, payload.compute.itPowerPeak_W);
  const loop = thermalLoop(design, rows);
  // The loop cannot run the radiator hotter than its technology allows, whatever the chips tolerate.
  const excess = t.radiatorTemp_K === undefined ? Math.max(0, loop.radiatorInletTemp_K - radiator.maxTemp_K) : 0;
  if (excess > 0) notes?.push(`radiator inlet capped by the ${radiator.id} technology limit ${radiator.maxTemp_K} K`);
  const inlet_K = loop.radiatorInletTemp_K - excess;
  const outlet_K = loop.radiatorOutletTemp_K - excess;
  // Daylight (hot case): the battery recharges what it gave in the worst eclipse; its charge loss is taken equal
  // to the discharge loss (round trip ≈ η²). Eclipse: throttled IT, bus and ISL keep dissipating into the loop.
  const batteryLoss_W = batteryLossOf(design, rows, payload, busPower_W);
  // the heat the loop carries in the hot case (all of it, or peak IT only: `thermal.rejects`) and the pump power
  const all = t.rejects === 'all';
  const { heatLoad_W, pumpPower_W } = loopHeatLoad({
    itHeat_W: payload.compute.heatLoadPeak_W,
    busAndIslHeat_W: all ? busPower_W + payload.isl.power_W : 0,
    batteryLoss_W: all ? batteryLoss_W : 0,
    pumpPower_W_per_W: loop.pumpPower_W_per_W,
  });
  const altitude_m = km_to_m(design.orbit.altitude_km);
  const earthViewFactors = radiatorEarthViewFactors(t, altitude_m);
  const panel = radiatorPanel({
    heatLoad_W,
    inletTemp_K: inlet_K,
    outletTemp_K: outlet_K,
    geometry: t.finEfficiency === undefined ? radiator.panel : undefined,
    finEfficiency: t.finEfficiency ?? radiator.finEfficiency ?? 1,
    arealDensity_kg_m2: radiator.arealDensity_kg_m2,
    pumpPower_W_per_W: loop.pumpPower_W_per_W,
    solarAbsorptance: coating.absorptanceEol,
    irEmittance: coating.emittanceEol,
    altitude_m,
    earthViewFactors,
    radiatingFaces: t.radiatingFaces,
    solarIncidence_rad: deg_to_rad(t.solarIncidence_deg),
    sinkTemp_K: t.sinkTemp_K,
    environment: t.hotCase,
  });
  const shift_K = loop.radiatorOutletTemp_K - outlet_K; // the technology cap lowers the whole loop
  const cold = coldCase(design, rows, payload, earthViewFactors, panel.finEfficiency, busPower_W, pumpPower_W);
  return {
    heatLoad_W,
    radiator: panel,
    radiatorMass_kg: t.radiatorArea_m2 * radiator.arealDensity_kg_m2,
    pumpPower_W,
    batteryLoss_W,
    busPower_W,
    junctionTemp_K: loop.junctionTemp_K - shift_K,
    junctionLimit_K: chip.maxJunctionTemp_K,
    heaterPower_W: t.coldCaseControl === 'bypass' ? 0 : cold.heaterPower_W,
    coolantHotTemp_K: loop.coolantHotTemp_K - shift_K,
    coolantSupplyTemp_K: loop.coolantSupplyTemp_K - shift_K,
    supplySetBy: loop.supplySetBy,
  };
}

/** The coolant loop from the chip junction limit and the rack's inlet limit. */
function thermalLoop(design: Design, { chip, radiator, coolant }: Rows): ReturnType<typeof coolantLoop> {
  const t = design.thermal;
  return coolantLoop({
    junctionLimit_K: chip.maxJunctionTemp_K,
    chipPower_W: chip.chipPower_W,
    junctionToCoolant_K_per_W: t.junctionToCoolant_K_per_W ?? chip.junctionToCoolant_K_per_W,
    coolantInletMax_K: chip.coolantInletMax_K,
    loopDeltaT_K: t.loopDeltaT_K ?? radiator.loopDeltaT_K,
    radiatorTemp_K: t.radiatorTemp_K,
    coolant,
    coolantTempRise_K: t.coolantTempRise_K,
    exitQuality: t.exitQuality,
    pressureDrop_Pa: t.loopPressureDrop_Pa,
    pumpEfficiency: t.pumpEfficiency,
  });
}

/** The battery's charge loss in daylight, the hot case's [W] (sizeThermal). */
function batteryLossOf(
  design: Design,
  rows: Rows,
  { orbit, sunlitItPowerAvg_W, isl, powerEclipse_s: eclipse_s }: Payload,
  busPower_W: number,
): number {
  const dayLength_s = orbit.period_s - eclipse_s;
  const eclipseLoad_W = sunlitItPowerAvg_W * design.power.eclipseComputeFraction + busPower_W + isl.power_W;
  const eta = rows.battery.dischargeEfficiency;
  return dayLength_s > 0 ? (eclipseLoad_W * eclipse_s * (1 - eta)) / (eta * dayLength_s) : 0;
}

/** Earth view factor of each radiator face: the design's, or a horizontal or vertical plate at the altitude. */
function radiatorEarthViewFactors(t: Design['thermal'], altitude_m: number): readonly [number, number] {
  if (t.earthViewFactors !== undefined) return t.earthViewFactors;
  if (t.attitude === 'horizontal') return [1 / ((EARTH_RADIUS_m + altitude_m) / EARTH_RADIUS_m) ** 2, 0];
  const F = earthViewFactorVerticalPlate({ altitude_m }).viewFactorPerFace;
  return [F, F];
}

/** The cold case: the heater power that keeps the loop above its coolant's minimum in eclipse. */
function coldCase(
  design: Design,
  { coating, coolant }: Rows,
  { sunlitItPowerAvg_W, isl }: Payload,
  earthViewFactors: readonly [number, number],
  finEfficiency: number,
  busPower_W: number,
  pumpPower_W: number,
): ReturnType<typeof coldCaseHeater> {
  const t = design.thermal;
  const all = t.rejects === 'all';
  return coldCaseHeater({
    radiatorArea_m2: t.radiatorArea_m2,
    minLoopTemp_K: coolant.minOperatingTemp_K,
    irEmittance: coating.emittance,
    earthViewFactors,
    finEfficiency,
    radiatingFaces: t.radiatingFaces,
    eclipseDissipation_W:
      sunlitItPowerAvg_W * design.power.eclipseComputeFraction + (all ? busPower_W + isl.power_W + pumpPower_W : 0),
    earthIR_W_m2: t.coldCaseEarthIR_W_m2,
    sinkTemp_K: t.sinkTemp_K,
  });
}

/** The peak's factor for the workload's precision and sparsity, and the precision it is stated at. */
function precisionOf(
  rows: Rows,
  precision: string | undefined,
  sparsity: 'dense' | '2:4',
): { precisionFactor: number; precision: string } {
  const r = precisionFactor({ rowPrecision: rows.chip.precision, precision, sparse: sparsity === '2:4' });
  return { precisionFactor: r.factor, precision: sparsity === '2:4' ? `${r.precision} 2:4 sparse` : r.precision };
}

/** Bus housekeeping power: the design's, or 3 % of peak IT + 500 W. */
function busPowerOf(design: Design, itPowerPeak_W: number): number {
  return design.power.busPower_W ?? BUS_POWER_FRACTION_OF_IT * itPowerPeak_W + BUS_POWER_BASE_W;
}

export function sizePower(
  design: Design,
  rows: Rows,
  { orbit, sunlitItPowerAvg_W, isl, powerEclipse_s: eclipse_s }: Payload,
  thermal: ThermalSizing,
): PowerSizing {
  const { mission, power: p } = design;
  const { array, battery } = rows;
  const busPower_W = thermal.busPower_W;
  const depthOfDischarge = p.depthOfDischarge ?? battery.maxDepthOfDischarge;
  const system = powerSystem({
    arrayArea_m2: p.arrayArea_m2,
    cellEfficiency: array.cellEfficiency,
    packingFactor: array.packingFactor,
    inherentDegradation: array.inherentDegradation,
    degradationRate_per_yr: array.degradationPerYear,
    tempCoefficient_per_K: array.tempCoefficient_per_K,
    cellTemp_K: array.operatingTemp_K,
    arrayArealDensity_kg_m2: array.arealDensity_kg_m2,
    missionLife_yr: mission.lifetime_yr,
    orbitPeriod_s: orbit.period_s,
    eclipseDuration_s: eclipse_s,
    eclipseFractionMean: orbit.eclipseFractionMean,
    computePower_W: sunlitItPowerAvg_W,
    busPower_W,
    islPower_W: isl.power_W,
    pumpPower_W: thermal.pumpPower_W,
    depthOfDischarge,
    batterySpecificEnergy_J_per_kg: Wh_to_J(battery.specificEnergy_Wh_per_kg),
    batteryToLoadEfficiency: battery.dischargeEfficiency,
    eclipseComputeFraction: p.eclipseComputeFraction,
    eclipseHeaterPower_W: thermal.heaterPower_W,
    cellReferenceTemp_K: array.referenceTemp_K,
    sizing: p.sizing,
    pathEfficiencyDaylight: p.pathEfficiencyDaylight,
    pathEfficiencyEclipse: p.pathEfficiencyEclipse,
    irradianceCase: p.irradianceCase,
    sunIncidenceAngle_rad: deg_to_rad(p.sunIncidence_deg),
    pointingError_rad: deg_to_rad(p.pointingError_deg),
  });
  return { system, busPower_W, depthOfDischarge };
}

/**
 * Peak → typical (a press peak derated by the chip row's typicalFraction) → utilization → sustained fraction →
 * eclipse → power and thermal throttling → availability → downlink
 * (src/models/compute/computeWaterfall.ts). Throttling applies only when the installed array or radiator is short of
 * what the design requires: the closures are enforced in studies, so it shows what an infeasible design would deliver.
 */
export function deliveredCompute(
  design: Design,
  rows: Rows,
  { payload, thermal, power }: Pick<StageResults, 'payload' | 'thermal' | 'power'>,
) {
  const { compute, computeShare, sunlitItPowerAvg_W, isl } = payload;
  const c = design.compute;
  const { typicalFraction, typicalFractionSource } = rows.chip;
  const all = design.thermal.rejects === 'all';
  const k = thermal.pumpPower_W / thermal.heatLoad_W;
  return computeWaterfall({
    peakPFLOPS: compute.peakPFLOPS,
    typicalFraction,
    typicalFractionSource,
    utilization: c.utilization,
    sustainedFraction: c.sustainedFraction,
    computeShare,
    availability: compute.availability,
    power: {
      installed_m2: design.power.arrayArea_m2,
      required_m2: power.system.requiredArrayArea_m2,
      computeLoad_W: sunlitItPowerAvg_W + thermal.pumpPower_W,
      fixedLoad_W: power.busPower_W + isl.power_W,
    },
    thermal: {
      installed_m2: design.thermal.radiatorArea_m2,
      required_m2: thermal.radiator.requiredRadiatorArea_m2,
      computeLoad_W: compute.heatLoadPeak_W / (1 - k),
      fixedLoad_W: all ? (thermal.busPower_W + isl.power_W + thermal.batteryLoss_W) / (1 - k) : 0,
    },
    bytesPerFlop: c.bytesOutPerFlop,
    downlinkCapacity_bps: isl.capacity_Gbps * 1e9,
  });
}
