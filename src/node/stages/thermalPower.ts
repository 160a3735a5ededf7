/**
 * The first node sizing stages (node.ts runs them in order): the payload (orbit, compute, ISL), the thermal chain
 * (coolant loop, hot-case radiator, cold-case heater) and the power system; the delivered-compute waterfall follows
 * (./waterfall.ts).
 */
import type { Payload, PowerSizing, ThermalSizing } from '../record/nodeRecord.js';
import type { Design, Rows } from '../record/rows.js';
import {
  orbitGeometry,
  orbitRecord,
  type InclinationSpec,
  type OrbitGeometryParams,
} from '../../models/orbit/orbit.js';
import { computePayload, computeRecord, type ComputeParams } from '../../models/compute/compute.js';
import { precisionFactor } from '../../models/compute/precision.js';
import { islPayload, type IslParams } from '../../models/links/isl.js';
import { earthViewFactorVerticalPlate } from '../../models/thermal/thermal.js';
import {
  radiatorPanel,
  radiatorPanelRecord,
  type RadiatorPanelParams,
  type RadiatorPanelResult,
} from '../../models/thermal/radiatorPanel.js';
import {
  coolantLoop,
  coolantLoopRecord,
  loopHeatLoad,
  type CoolantLoopParams,
  type HeatLoadParams,
} from '../../models/thermal/coolantLoop.js';
import { coldCaseHeater, type ColdCaseParams } from '../../models/thermal/thermalColdCase.js';
import { EARTH_RADIUS_m } from '../../base/constants.js';
import {
  powerSystem,
  powerSystemRecord,
  type PowerSystemParams,
  type PowerSystemRecord,
} from '../../models/power/power.js';
import type { Scratch } from '../../base/scratch.js';
import {
  eclipsePowerStates,
  powerStatesRecord,
  type EclipsePowerStatesParams,
} from '../../models/compute/powerStates.js';
import { deg_to_rad, km_to_m, Wh_to_J } from '../../base/convert.js';

/** Bus housekeeping default: 3 % of peak IT power + 500 W (estimate: ADCS, C&DH, TT&C, heaters of a large bus). */
const BUS_POWER_FRACTION_OF_IT = 0.03;
const BUS_POWER_BASE_W = 500;

/**
 * The payload models' inputs, one record each, rewritten field by field before every call (base/scratch.ts: these
 * models keep nothing of their input; the orbit keeps its result, not its input). The placeholders give each field
 * its kind.
 */
const SSO_IN: Scratch<Extract<InclinationSpec, { kind: 'sso' }>> = { kind: 'sso', ltan_h: NaN };
const FIXED_IN: Scratch<Extract<InclinationSpec, { kind: 'fixed' }>> = { kind: 'fixed', inclination_rad: NaN };
const ORBIT_IN: Scratch<OrbitGeometryParams> = { altitude_m: NaN, inclination: SSO_IN };
const COMPUTE_IN = {
  chip: undefined, // the row, written before each call
  chips: NaN,
  utilization: NaN,
  lifetime_yr: NaN,
  failureRate_per_yr: NaN,
  precisionFactor: NaN,
  precision: '',
} as unknown as Scratch<ComputeParams>;
const ISL_IN = { topology: 'none', terminal: undefined } as unknown as Scratch<IslParams>;
const STATES_IN: Scratch<EclipsePowerStatesParams> = {
  chips: NaN,
  idlePowerFraction: NaN,
  utilization: NaN,
  eclipseComputeFraction: NaN,
  orbitPeriod_s: NaN,
  eclipseSeasonFraction: NaN,
};

export function sizePayload(design: Design, rows: Rows, into: PayloadResults | null = null): Payload {
  const { mission, orbit: o, compute: c, isl: i } = design;
  const g = ORBIT_IN;
  g.altitude_m = km_to_m(o.altitude_km);
  if (o.inclination_deg === 'sso') {
    SSO_IN.ltan_h = o.ltan_h;
    g.inclination = SSO_IN;
  } else {
    FIXED_IN.inclination_rad = deg_to_rad(o.inclination_deg);
    g.inclination = FIXED_IN;
  }
  const orbit = orbitGeometry(g, into?.orbit);
  const precision = precisionOf(rows, c.precision, c.sparsity);
  const u = COMPUTE_IN;
  u.chip = rows.chip;
  u.chips = c.chips;
  u.utilization = c.utilization;
  u.lifetime_yr = mission.lifetime_yr;
  u.failureRate_per_yr = c.chipFailureRate_per_yr;
  u.precisionFactor = precision.precisionFactor;
  u.precision = precision.precision;
  const unthrottled = computePayload(u, into?.unthrottled);
  // Compute throttled to a fraction k of its average in shadow (power.eclipseComputeFraction, a smaller battery)
  // loses (1 − k) of the compute for the eclipse share of the time: delivered compute and the average IT power
  // (and the heat it makes on average) are orbit averages over the annual mean shadow fraction. Peak power and
  // the peak heat load stay: the radiator and the daylight array load are sized for full compute.
  const computeShare = 1 - orbit.eclipseFractionMean * (1 - design.power.eclipseComputeFraction);
  const compute = withCompute(
    unthrottled,
    unthrottled.itPowerAvg_W * computeShare,
    unthrottled.heatLoadAvg_W * computeShare,
    unthrottled.deliveredPFLOPS * computeShare,
    into?.compute,
  );
  const l = ISL_IN;
  l.topology = i.topology;
  l.terminal = rows.terminal;
  const isl = islPayload(l);
  const e = STATES_IN;
  e.chips = c.chips;
  e.idlePowerFraction = rows.chip.idlePowerFraction;
  e.utilization = c.utilization;
  e.eclipseComputeFraction = design.power.eclipseComputeFraction;
  e.orbitPeriod_s = orbit.period_s;
  e.eclipseSeasonFraction = orbit.eclipseSeasonFraction;
  const powerStates = eclipsePowerStates(e, into?.powerStates);
  const eclipse_s = powerEclipse_s(design, orbit.maxEclipse_s);
  if (into === null)
    return {
      orbit,
      compute,
      sunlitItPowerAvg_W: unthrottled.itPowerAvg_W,
      computeShare,
      isl,
      powerStates,
      powerEclipse_s: eclipse_s,
    };
  into.sunlitItPowerAvg_W = unthrottled.itPowerAvg_W;
  into.computeShare = computeShare;
  into.isl = isl;
  into.powerEclipse_s = eclipse_s;
  return into;
}

/**
 * The payload stage's results a lean evaluator keeps (sizePayload's `into`): each call rewrites every field, its orbit,
 * compute figures (unthrottled and throttled) and power states too, and the caller reads them before the next design.
 */
export type PayloadResults = Scratch<Payload> & {
  readonly orbit: Scratch<Payload['orbit']>;
  readonly compute: Scratch<Payload['compute']>;
  readonly unthrottled: Scratch<Payload['compute']>;
  readonly powerStates: Scratch<Payload['powerStates']>;
};
export const payloadResults = (): PayloadResults => ({
  orbit: orbitRecord(),
  compute: computeRecord(),
  sunlitItPowerAvg_W: NaN,
  computeShare: NaN,
  isl: undefined as unknown as Payload['isl'], // an object, written before it is read
  powerStates: powerStatesRecord(),
  powerEclipse_s: NaN,
  unthrottled: computeRecord(),
});

/**
 * `c` with its averages replaced, written into `out` (a fresh record, or one a lean evaluator keeps: every field
 * rewritten): every field named, not spread (V8 copies a spread object of number fields in its runtime, ~1–4 µs a call
 * on this hot path).
 */
export function withCompute(
  c: Payload['compute'],
  itPowerAvg_W: number,
  heatLoadAvg_W: number,
  deliveredPFLOPS: number,
  out: Scratch<Payload['compute']> = computeRecord(),
): Payload['compute'] {
  out.itPowerAvg_W = itPowerAvg_W;
  out.itPowerPeak_W = c.itPowerPeak_W;
  out.heatLoadAvg_W = heatLoadAvg_W;
  out.heatLoadPeak_W = c.heatLoadPeak_W;
  out.peakPFLOPS = c.peakPFLOPS;
  out.deliveredPFLOPS = deliveredPFLOPS;
  out.availability = c.availability;
  out.precision = c.precision;
  out.mass_kg = c.mass_kg;
  return out;
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
 * The thermal and power models' inputs, one record each, rewritten field by field before every call (base/scratch.ts:
 * these models keep nothing of their input). The placeholders give each field its kind; every call overwrites them.
 */
const HEAT_IN: Scratch<HeatLoadParams> = {
  itHeat_W: NaN,
  busAndIslHeat_W: NaN,
  batteryLoss_W: NaN,
  pumpPower_W_per_W: NaN,
};
const PANEL_IN: Scratch<RadiatorPanelParams> = {
  heatLoad_W: NaN,
  inletTemp_K: NaN,
  outletTemp_K: NaN,
  geometry: undefined,
  finEfficiency: NaN,
  arealDensity_kg_m2: NaN,
  pumpPower_W_per_W: NaN,
  solarAbsorptance: NaN,
  irEmittance: NaN,
  altitude_m: NaN,
  earthViewFactors: [NaN, NaN],
  radiatingFaces: 2,
  solarIncidence_rad: NaN,
  sinkTemp_K: NaN,
  environment: undefined,
};
const LOOP_IN = {
  junctionLimit_K: NaN,
  chipPower_W: NaN,
  junctionToCoolant_K_per_W: NaN,
  coolantInletMax_K: NaN,
  loopDeltaT_K: NaN,
  radiatorTemp_K: NaN,
  coolant: undefined, // the row, written before each call
  coolantTempRise_K: NaN,
  exitQuality: NaN,
  pressureDrop_Pa: NaN,
  pumpEfficiency: NaN,
} as unknown as Scratch<CoolantLoopParams>;
const COLD_IN: Scratch<ColdCaseParams> = {
  radiatorArea_m2: NaN,
  minLoopTemp_K: NaN,
  irEmittance: NaN,
  earthViewFactors: [NaN, NaN],
  finEfficiency: NaN,
  radiatingFaces: 2,
  eclipseDissipation_W: NaN,
  earthIR_W_m2: NaN,
  sinkTemp_K: NaN,
};
const POWER_IN: Scratch<PowerSystemParams> = {
  arrayArea_m2: NaN,
  cellEfficiency: NaN,
  packingFactor: NaN,
  inherentDegradation: NaN,
  degradationRate_per_yr: NaN,
  tempCoefficient_per_K: NaN,
  cellTemp_K: NaN,
  arrayArealDensity_kg_m2: NaN,
  missionLife_yr: NaN,
  orbitPeriod_s: NaN,
  eclipseDuration_s: NaN,
  eclipseFractionMean: NaN,
  computePower_W: NaN,
  busPower_W: NaN,
  islPower_W: NaN,
  pumpPower_W: NaN,
  depthOfDischarge: NaN,
  batterySpecificEnergy_J_per_kg: NaN,
  batteryToLoadEfficiency: NaN,
  eclipseComputeFraction: NaN,
  eclipseHeaterPower_W: NaN,
  cellReferenceTemp_K: NaN,
  sizing: 'eol',
  pathEfficiencyDaylight: NaN,
  pathEfficiencyEclipse: NaN,
  irradianceCase: 'mean',
  sunIncidenceAngle_rad: NaN,
  pointingError_rad: NaN,
};

/**
 * Coolant loop (supply, radiator inlet and outlet) → hot-case heat load → radiator panel (the coolant cooling along
 * it, fin efficiency from the row's geometry) → junction temperature → cold-case heater; `notes` receives the cap.
 */
export function sizeThermal(
  design: Design,
  rows: Rows,
  payload: Payload,
  notes: string[] | null,
  into: ThermalResults | null = null,
): ThermalSizing {
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
  const h = HEAT_IN;
  h.itHeat_W = payload.compute.heatLoadPeak_W;
  h.busAndIslHeat_W = all ? busPower_W + payload.isl.power_W : 0;
  h.batteryLoss_W = all ? batteryLoss_W : 0;
  h.pumpPower_W_per_W = loop.pumpPower_W_per_W;
  const { heatLoad_W, pumpPower_W } = loopHeatLoad(h);
  const altitude_m = km_to_m(design.orbit.altitude_km);
  const earthViewFactors = radiatorEarthViewFactors(t, altitude_m);
  const r = PANEL_IN;
  r.heatLoad_W = heatLoad_W;
  r.inletTemp_K = inlet_K;
  r.outletTemp_K = outlet_K;
  r.geometry = t.finEfficiency === undefined ? radiator.panel : undefined;
  r.finEfficiency = t.finEfficiency ?? radiator.finEfficiency ?? 1;
  r.arealDensity_kg_m2 = radiator.arealDensity_kg_m2;
  r.pumpPower_W_per_W = loop.pumpPower_W_per_W;
  r.solarAbsorptance = coating.absorptanceEol;
  r.irEmittance = coating.emittanceEol;
  r.altitude_m = altitude_m;
  r.earthViewFactors = earthViewFactors;
  r.radiatingFaces = t.radiatingFaces;
  r.solarIncidence_rad = deg_to_rad(t.solarIncidence_deg);
  r.sinkTemp_K = t.sinkTemp_K;
  r.environment = t.hotCase;
  const out = into ?? thermalResults();
  const panel = radiatorPanel(r, out.radiator);
  const shift_K = loop.radiatorOutletTemp_K - outlet_K; // the technology cap lowers the whole loop
  const cold = coldCase(design, rows, payload, earthViewFactors, panel.finEfficiency, busPower_W, pumpPower_W);
  out.heatLoad_W = heatLoad_W;
  out.radiatorMass_kg = t.radiatorArea_m2 * radiator.arealDensity_kg_m2;
  out.pumpPower_W = pumpPower_W;
  out.batteryLoss_W = batteryLoss_W;
  out.busPower_W = busPower_W;
  out.junctionTemp_K = loop.junctionTemp_K - shift_K;
  out.junctionLimit_K = chip.maxJunctionTemp_K;
  out.heaterPower_W = t.coldCaseControl === 'bypass' ? 0 : cold.heaterPower_W;
  out.coolantHotTemp_K = loop.coolantHotTemp_K - shift_K;
  out.coolantSupplyTemp_K = loop.coolantSupplyTemp_K - shift_K;
  out.supplySetBy = loop.supplySetBy;
  return out;
}

/**
 * The thermal stage's results a lean evaluator keeps (sizeThermal's `into`): each call rewrites every field, the
 * panel's too, and the caller reads them before the next design (src/node/evaluate.ts nodeMetricsEvaluator).
 */
export type ThermalResults = Scratch<ThermalSizing> & { radiator: Scratch<RadiatorPanelResult> };
export const thermalResults = (): ThermalResults => ({
  heatLoad_W: NaN,
  radiator: radiatorPanelRecord(),
  radiatorMass_kg: NaN,
  pumpPower_W: NaN,
  batteryLoss_W: NaN,
  busPower_W: NaN,
  junctionTemp_K: NaN,
  junctionLimit_K: NaN,
  heaterPower_W: NaN,
  coolantHotTemp_K: NaN,
  coolantSupplyTemp_K: NaN,
  supplySetBy: 'junction',
});

/** The coolant loop from the chip junction limit and the rack's inlet limit. */
function thermalLoop(design: Design, { chip, radiator, coolant }: Rows): ReturnType<typeof coolantLoop> {
  const t = design.thermal;
  const l = LOOP_IN;
  l.junctionLimit_K = chip.maxJunctionTemp_K;
  l.chipPower_W = chip.chipPower_W;
  l.junctionToCoolant_K_per_W = t.junctionToCoolant_K_per_W ?? chip.junctionToCoolant_K_per_W;
  l.coolantInletMax_K = chip.coolantInletMax_K;
  l.loopDeltaT_K = t.loopDeltaT_K ?? radiator.loopDeltaT_K;
  l.radiatorTemp_K = t.radiatorTemp_K;
  l.coolant = coolant;
  l.coolantTempRise_K = t.coolantTempRise_K;
  l.exitQuality = t.exitQuality;
  l.pressureDrop_Pa = t.loopPressureDrop_Pa;
  l.pumpEfficiency = t.pumpEfficiency;
  return coolantLoop(l, LOOP);
}
/** The loop's figures: sizeThermal reads them within its call and keeps none of them. */
const LOOP = coolantLoopRecord();

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

/**
 * Earth view factor of each radiator face: the design's, or a horizontal or vertical plate at the altitude, written
 * into one kept pair (the radiator panel and the cold case read it within sizeThermal and keep nothing of it).
 */
function radiatorEarthViewFactors(t: Design['thermal'], altitude_m: number): readonly [number, number] {
  if (t.earthViewFactors !== undefined) return t.earthViewFactors;
  const F = VIEW_FACTORS;
  if (t.attitude === 'horizontal') {
    F[0] = 1 / ((EARTH_RADIUS_m + altitude_m) / EARTH_RADIUS_m) ** 2;
    F[1] = 0;
    return F;
  }
  F[0] = F[1] = earthViewFactorVerticalPlate({ altitude_m }).viewFactorPerFace;
  return F;
}
const VIEW_FACTORS: [number, number] = [NaN, NaN];

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
  const c = COLD_IN;
  c.radiatorArea_m2 = t.radiatorArea_m2;
  c.minLoopTemp_K = coolant.minOperatingTemp_K;
  c.irEmittance = coating.emittance;
  c.earthViewFactors = earthViewFactors;
  c.finEfficiency = finEfficiency;
  c.radiatingFaces = t.radiatingFaces;
  c.eclipseDissipation_W =
    sunlitItPowerAvg_W * design.power.eclipseComputeFraction + (all ? busPower_W + isl.power_W + pumpPower_W : 0);
  c.earthIR_W_m2 = t.coldCaseEarthIR_W_m2;
  c.sinkTemp_K = t.sinkTemp_K;
  return coldCaseHeater(c);
}

/**
 * The peak's factor for the workload's precision and sparsity, and the precision it is stated at; the last one kept
 * with its three inputs (a study's chips are a few rows: the figures are the same strings and number).
 */
function precisionOf(
  rows: Rows,
  precision: string | undefined,
  sparsity: 'dense' | '2:4',
): { readonly precisionFactor: number; readonly precision: string } {
  const k = keptPrecision;
  if (k.row === rows.chip.precision && k.asked === precision && k.sparsity === sparsity) return k;
  const r = precisionFactor({ rowPrecision: rows.chip.precision, precision, sparse: sparsity === '2:4' });
  keptPrecision = {
    row: rows.chip.precision,
    asked: precision,
    sparsity,
    precisionFactor: r.factor,
    precision: sparsity === '2:4' ? `${r.precision} 2:4 sparse` : r.precision,
  };
  return keptPrecision;
}
let keptPrecision = {
  row: '',
  asked: undefined as string | undefined,
  sparsity: '' as 'dense' | '2:4' | '',
  precisionFactor: NaN,
  precision: '',
};

/** Bus housekeeping power: the design's, or 3 % of peak IT + 500 W. */
function busPowerOf(design: Design, itPowerPeak_W: number): number {
  return design.power.busPower_W ?? BUS_POWER_FRACTION_OF_IT * itPowerPeak_W + BUS_POWER_BASE_W;
}

export function sizePower(
  design: Design,
  rows: Rows,
  { orbit, sunlitItPowerAvg_W, isl, powerEclipse_s: eclipse_s }: Payload,
  thermal: ThermalSizing,
  into: PowerResults | null = null,
): PowerSizing {
  const { mission, power: p } = design;
  const { array, battery } = rows;
  const busPower_W = thermal.busPower_W;
  const depthOfDischarge = p.depthOfDischarge ?? battery.maxDepthOfDischarge;
  const w = POWER_IN;
  w.arrayArea_m2 = p.arrayArea_m2;
  w.cellEfficiency = array.cellEfficiency;
  w.packingFactor = array.packingFactor;
  w.inherentDegradation = array.inherentDegradation;
  w.degradationRate_per_yr = array.degradationPerYear;
  w.tempCoefficient_per_K = array.tempCoefficient_per_K;
  w.cellTemp_K = array.operatingTemp_K;
  w.arrayArealDensity_kg_m2 = array.arealDensity_kg_m2;
  w.missionLife_yr = mission.lifetime_yr;
  w.orbitPeriod_s = orbit.period_s;
  w.eclipseDuration_s = eclipse_s;
  w.eclipseFractionMean = orbit.eclipseFractionMean;
  w.computePower_W = sunlitItPowerAvg_W;
  w.busPower_W = busPower_W;
  w.islPower_W = isl.power_W;
  w.pumpPower_W = thermal.pumpPower_W;
  w.depthOfDischarge = depthOfDischarge;
  w.batterySpecificEnergy_J_per_kg = Wh_to_J(battery.specificEnergy_Wh_per_kg);
  w.batteryToLoadEfficiency = battery.dischargeEfficiency;
  w.eclipseComputeFraction = p.eclipseComputeFraction;
  w.eclipseHeaterPower_W = thermal.heaterPower_W;
  w.cellReferenceTemp_K = array.referenceTemp_K;
  w.sizing = p.sizing;
  w.pathEfficiencyDaylight = p.pathEfficiencyDaylight;
  w.pathEfficiencyEclipse = p.pathEfficiencyEclipse;
  w.irradianceCase = p.irradianceCase;
  w.sunIncidenceAngle_rad = deg_to_rad(p.sunIncidence_deg);
  w.pointingError_rad = deg_to_rad(p.pointingError_deg);
  if (into === null) return { system: powerSystem(w), busPower_W, depthOfDischarge };
  powerSystem(w, into.system);
  into.busPower_W = busPower_W;
  into.depthOfDischarge = depthOfDischarge;
  return into;
}

/**
 * The power stage's results a lean evaluator keeps (sizePower's `into`): each call rewrites every field, the power
 * system's and its array chain's too, and the caller reads them before the next design.
 */
export type PowerResults = Scratch<PowerSizing> & { readonly system: PowerSystemRecord };
export const powerResults = (): PowerResults => ({
  system: powerSystemRecord(),
  busPower_W: NaN,
  depthOfDischarge: NaN,
});
