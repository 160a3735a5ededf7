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
import {
  assembleRecord,
  MAX_YEARS_TO_DOSE,
  RECORD_FIELDS,
  type Field,
  softDoseThreshold_rad,
  yearsToDose,
  type CostSizing,
  type Design,
  type LifecycleSizing,
  type MassSizing,
  type NodeSizing,
  type Payload,
  type PowerSizing,
  type Radiation,
  type Rows,
  type ThermalSizing,
} from './nodeRecord.js';
import { orbitGeometry } from '../models/orbit.js';
import { computePayload } from '../models/compute.js';
import { precisionFactor } from '../models/precision.js';
import { islPayload } from '../models/isl.js';
import { earthViewFactorVerticalPlate, radiatorSizing } from '../models/thermal.js';
import { coolantLoop, loopHeatLoad } from '../models/coolantLoop.js';
import { coldCaseHeater } from '../models/thermalColdCase.js';
import { EARTH_RADIUS_m } from '../units/constants.js';
import { powerSystem } from '../models/power.js';
import { radiationDose } from '../models/radiation.js';
import { dryMass, MASS_TECHNOLOGY, massBudget } from '../models/mass.js';
import { dragBudget, orbitAverageDragArea_m2 } from '../models/drag.js';
import { nodeCost, stowedVolume_m3 } from '../models/cost.js';
import { costTechnologyPrices, type CostTechnologyPrices } from '../models/costTechnology.js';
import { comparisonMetrics } from '../models/comparisonMetrics.js';
import { vehiclePayloadToOrbit } from '../models/launchPerformance.js';
import { computeWaterfall } from '../models/computeWaterfall.js';
import { programEconomics } from '../models/lifecycleProgram.js';
import { capexPerWatt } from '../models/lifecycleEconomics.js';
import { baselineLcoc } from '../models/lifecycleBaseline.js';
import { loadTerrestrialBaselines } from '../catalog/baselines.js';
import { parityAgainstBaselines, type BaselineParity } from './parity.js';
import { tokenFigures, type TokenFigures } from './tokens.js';
import { deg_to_rad, J_to_Wh, km_to_m, mm_to_m, Wh_to_J } from '../units/convert.js';

/**
 * The terrestrial scenarios (designs/catalogs/terrestrial-baselines.yaml), read once (the loader's path lookup stats
 * files).
 */
let baselinesCache: ReturnType<typeof loadTerrestrialBaselines> | undefined;
const terrestrialBaselines = () => (baselinesCache ??= loadTerrestrialBaselines());

/** Electronics enclosure packaging density for the shielded volume [kg/m³] (dense server electronics, estimate). */
const ELECTRONICS_PACKAGING_DENSITY_kg_m3 = 500;
/** Bus housekeeping default: 3 % of peak IT power + 500 W (estimate: ADCS, C&DH, TT&C, heaters of a large bus). */
const BUS_POWER_FRACTION_OF_IT = 0.03;
const BUS_POWER_BASE_W = 500;
/** Bus frontal area per kg^(2/3) of dry mass: a ~200 kg/m³ core box seen face-on (estimate). */
const CORE_DENSITY_FOR_AREA_kg_m3 = 200;

export function constraintResult(
  name: string,
  value: number,
  sense: '<=' | '>=',
  limit: number,
  unit: string,
  enforced: boolean,
  description: string,
): ConstraintResult {
  const scale = Math.abs(limit) > 0 ? Math.abs(limit) : 1;
  const margin = sense === '<=' ? (limit - value) / scale : (value - limit) / scale;
  return { name, value, limit, sense, unit, satisfied: margin >= 0, margin, enforced, description };
}

/** Names of the constraints every study enforces, in order. */
export const PHYSICAL_CONSTRAINTS = [
  'power.arrayArea',
  'thermal.radiatorArea',
  'thermal.junctionTemp',
  'mass.launchClosure',
  'launch.fitsVehicle',
  'radiation.dose',
  'radiation.softDose',
] as const;
/** Physical constraints a study may relax (`relax:`): the dose limits; the closures always hold. */
export const RELAXABLE_CONSTRAINTS: readonly string[] = ['radiation.dose', 'radiation.softDose'];

export function evaluateNode(design: Design, rows: Rows): DesignRecord {
  const notes: string[] = [];
  const s = sizeNode(design, rows, notes);
  const constraints = nodeConstraints(design, rows, s);
  notes.push(...modelNotes(design, s.computeShare, s.mass.drag.disposalModel));
  if (rows.chip.typicalFraction !== undefined) notes.push(chipFigureNote(rows.chip, rows.chip.typicalFraction));
  return assembleRecord(design, rows, s, constraints, notes);
}

/** Every sizing stage, in order; `notes` (null: not kept) receives what a stage has to say about the design. */
function sizeNode(design: Design, rows: Rows, notes: string[] | null): NodeSizing {
  const payload = sizePayload(design, rows);
  const thermal = sizeThermal(design, rows, payload, notes);
  const power = sizePower(design, rows, payload, thermal);
  // Delivered compute as a waterfall (compute.ts gives peak; throttling when the array or radiator falls short)
  const waterfall = deliveredCompute(design, rows, payload, thermal, power);
  // An array that cannot even carry the bus delivers nothing: the cost per delivered compute is then infinite (the
  // smallest positive double keeps the cost models' checks and makes the division overflow to Infinity).
  const costPFLOPS = Math.max(waterfall.deliveredPFLOPS, Number.MIN_VALUE);
  const rad = sizeRadiation(design, payload);
  const mass = sizeMassAndDrag(design, payload, thermal, power, rad);
  const cost = sizeCost(design, rows, payload, costPFLOPS, thermal, power, rad, mass);
  const compute = { ...payload.compute, deliveredPFLOPS: waterfall.deliveredPFLOPS };
  return new Sizing(design, rows, payload, compute, costPFLOPS, thermal, power, rad, mass, cost, waterfall);
}

/**
 * The stages' results. The fleet economics and the token figures run when a record field first reads them (every
 * field of a complete record; in a study, only when a metric names one of theirs): no other stage depends on them.
 */
class Sizing implements NodeSizing {
  readonly orbit: Payload['orbit'];
  readonly sunlitItPowerAvg_W: number;
  readonly computeShare: number;
  readonly isl: Payload['isl'];
  private economics_: LifecycleSizing | undefined;
  private tokens_: TokenFigures | undefined;
  constructor(
    private readonly design: Design,
    private readonly rows: Rows,
    payload: Payload,
    /** Orbit averages, the delivered PFLOPS after the waterfall. */
    readonly compute: Payload['compute'],
    /** The delivered PFLOPS the cost models price (> 0). */
    private readonly costPFLOPS: number,
    readonly thermal: ThermalSizing,
    readonly power: PowerSizing,
    readonly rad: Radiation,
    readonly mass: MassSizing,
    readonly cost: CostSizing,
    readonly waterfall: NodeSizing['waterfall'],
  ) {
    this.orbit = payload.orbit;
    this.sunlitItPowerAvg_W = payload.sunlitItPowerAvg_W;
    this.computeShare = payload.computeShare;
    this.isl = payload.isl;
  }
  get economics(): LifecycleSizing {
    return (this.economics_ ??= lifecycle(this.design, this.rows, this.compute, this.costPFLOPS, this.cost));
  }
  get tokens(): TokenFigures {
    if (this.tokens_ === undefined) {
      this.tokens_ = tokenFigures(this.design, this.rows, {
        waterfall: this.waterfall,
        deliveredPFLOPS: this.costPFLOPS,
        program: this.economics.program,
      });
    }
    return this.tokens_;
  }
}

/**
 * What a study reads from each evaluation: metric paths (METRIC_PATHS) and physical constraints (PHYSICAL_CONSTRAINTS).
 */
export interface NodeOutputs {
  readonly metrics: readonly string[];
  readonly constraints: readonly string[];
}
export interface NodeMetricsEvaluator {
  readonly run: (design: Design, rows: Rows) => Float64Array;
  /** '<=' or '>=' of each of `out.constraints`. */
  readonly senses: readonly ('<=' | '>=')[];
}

/**
 * The lean evaluation a study's optimizer runs: design → the values of `out.metrics`, then the value and the limit of
 * each of `out.constraints` (their senses in `senses`), in one array. It runs the same sizing stages as evaluateNode
 * (the fleet economics and token figures only when a metric reads them) and reads each number with the record's own
 * field function (RECORD_FIELDS), building no record section, constraint description, note or warning: every number
 * equals the full record's (test/node/nodeLean.test.ts). Null when a metric or constraint is not a node metric.
 */
export function nodeMetricsEvaluator(out: NodeOutputs): NodeMetricsEvaluator | null {
  const fields: Field[] = [];
  for (const path of out.metrics) {
    const [section, key, extra] = path.split('.');
    const table = Object.hasOwn(RECORD_FIELDS, section!)
      ? RECORD_FIELDS[section as keyof typeof RECORD_FIELDS]
      : undefined;
    if (table === undefined || key === undefined || extra !== undefined) return null;
    fields.push(Object.hasOwn(table, key) ? table[key]! : () => NaN);
  }
  const checks = out.constraints.map((name) => NODE_CONSTRAINTS.find((c) => c.name === name));
  if (checks.some((c) => c === undefined)) return null;
  const m = fields.length;
  const senses = checks.map((c) => c!.sense);
  const run = (design: Design, rows: Rows): Float64Array => {
    const s = sizeNode(design, rows, null);
    const values = new Float64Array(m + 2 * checks.length);
    for (let i = 0; i < m; i++) {
      const v = fields[i]!(design, rows, s, false);
      values[i] = typeof v === 'number' ? v : NaN;
    }
    for (let k = 0; k < checks.length; k++) {
      values[m + 2 * k] = checks[k]!.value(design, rows, s);
      values[m + 2 * k + 1] = checks[k]!.limit(design, rows, s);
    }
    return values;
  };
  return { run, senses };
}

function sizePayload(design: Design, rows: Rows): Payload {
  const { mission, orbit: o, compute: c, isl: i } = design;
  const orbit = orbitGeometry({
    altitude_m: km_to_m(o.altitude_km),
    inclination:
      o.inclination_deg === 'sso'
        ? { kind: 'sso', ltan_h: o.ltan_h }
        : { kind: 'fixed', inclination_rad: deg_to_rad(o.inclination_deg) },
  });
  const unthrottled = computePayload({
    chip: rows.chip,
    chips: c.chips,
    utilization: c.utilization,
    lifetime_yr: mission.lifetime_yr,
    failureRate_per_yr: c.chipFailureRate_per_yr,
    ...precisionOf(rows, c.precision, c.sparsity),
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

function sizeThermal(
  design: Design,
  rows: Rows,
  { orbit, compute, sunlitItPowerAvg_W, isl }: Payload,
  notes: string[] | null,
): ThermalSizing {
  const { chip, radiator, coating, coolant } = rows;
  const t = design.thermal;
  const busPower_W = busPowerOf(design, compute.itPowerPeak_W);
  const loopDeltaT_K = t.loopDeltaT_K ?? radiator.loopDeltaT_K;
  const finEfficiency = t.finEfficiency ?? radiator.finEfficiency ?? 1;
  // The loop cannot run the radiator hotter than its technology allows, whatever the chips tolerate.
  const loop = coolantLoop({
    junctionLimit_K: chip.maxJunctionTemp_K,
    chipPower_W: chip.chipPower_W,
    junctionToCoolant_K_per_W: t.junctionToCoolant_K_per_W,
    loopDeltaT_K,
    radiatorTemp_K: t.radiatorTemp_K,
    coolant,
    coolantTempRise_K: t.coolantTempRise_K,
    exitQuality: t.exitQuality,
    pressureDrop_Pa: t.loopPressureDrop_Pa,
    pumpEfficiency: t.pumpEfficiency,
  });
  let radiatorTemp_K = loop.radiatorTemp_K;
  if (t.radiatorTemp_K === undefined && radiatorTemp_K > radiator.maxTemp_K) {
    radiatorTemp_K = radiator.maxTemp_K;
    notes?.push(`radiator temperature capped by the ${radiator.id} technology limit ${radiator.maxTemp_K} K`);
  }
  // Daylight (hot case): the battery recharges what it gave in the worst eclipse; its charge loss is taken equal
  // to the discharge loss (round trip ≈ η²). Eclipse: throttled IT, bus and ISL keep dissipating into the loop.
  const dayLength_s = orbit.period_s - orbit.maxEclipse_s;
  const eclipseLoad_W = sunlitItPowerAvg_W * design.power.eclipseComputeFraction + busPower_W + isl.power_W;
  const eta = rows.battery.dischargeEfficiency;
  const batteryLoss_W = dayLength_s > 0 ? (eclipseLoad_W * orbit.maxEclipse_s * (1 - eta)) / (eta * dayLength_s) : 0;
  const all = t.rejects === 'all';
  const { heatLoad_W, pumpPower_W } = loopHeatLoad({
    itHeat_W: compute.heatLoadPeak_W,
    busAndIslHeat_W: all ? busPower_W + isl.power_W : 0,
    batteryLoss_W: all ? batteryLoss_W : 0,
    pumpPower_W_per_W: loop.pumpPower_W_per_W,
  });
  const altitude_m = km_to_m(design.orbit.altitude_km);
  const H2 = ((EARTH_RADIUS_m + altitude_m) / EARTH_RADIUS_m) ** 2;
  const vertical = (F: number): readonly [number, number] => [F, F];
  const earthViewFactors: readonly [number, number] =
    t.earthViewFactors ??
    (t.attitude === 'horizontal'
      ? [1 / H2, 0]
      : vertical(earthViewFactorVerticalPlate({ altitude_m }).viewFactorPerFace));
  const sizing = radiatorSizing({
    heatLoad_W,
    junctionTempMax_K: radiatorTemp_K,
    loopDeltaT_K: 0,
    arealDensity_kg_m2: radiator.arealDensity_kg_m2,
    pumpPower_W_per_W: loop.pumpPower_W_per_W,
    solarAbsorptance: coating.absorptanceEol,
    irEmittance: coating.emittanceEol,
    altitude_m,
    earthViewFactors,
    finEfficiency,
    radiatingFaces: t.radiatingFaces,
    solarIncidence_rad: deg_to_rad(t.solarIncidence_deg),
    sinkTemp_K: t.sinkTemp_K,
    ...(t.hotCase !== undefined ? { environment: t.hotCase } : {}),
  });
  const junctionTemp_K = radiatorTemp_K + loopDeltaT_K + (loop.junctionTemp_K - loop.coolantHotTemp_K);
  const cold = coldCaseHeater({
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
  return {
    heatLoad_W,
    radiator: sizing,
    radiatorMass_kg: t.radiatorArea_m2 * radiator.arealDensity_kg_m2,
    pumpPower_W,
    batteryLoss_W,
    busPower_W,
    junctionTemp_K,
    junctionLimit_K: chip.maxJunctionTemp_K,
    heaterPower_W: t.coldCaseControl === 'bypass' ? 0 : cold.heaterPower_W,
    coolantHotTemp_K: radiatorTemp_K + loopDeltaT_K,
  };
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

function sizePower(
  design: Design,
  rows: Rows,
  { orbit, sunlitItPowerAvg_W, isl }: Payload,
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
    eclipseDuration_s: orbit.maxEclipse_s,
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

function sizeRadiation(design: Design, { orbit, compute }: Payload): Radiation {
  const { mission, radiation: r } = design;
  // Shielding wraps the compute electronics: a cube of the compute mass at electronics packaging density.
  const shieldedVolume_m3 = compute.mass_kg / ELECTRONICS_PACKAGING_DENSITY_kg_m3;
  const shieldedArea_m2 = 6 * Math.cbrt(shieldedVolume_m3) ** 2;
  return radiationDose({
    altitude_m: km_to_m(design.orbit.altitude_km),
    inclination_rad: orbit.inclination_rad,
    shieldThickness_m: mm_to_m(r.shielding_mm_al),
    missionLife_yr: mission.lifetime_yr,
    designMargin: mission.radiationDesignMargin,
    shieldedArea_m2,
  });
}

/** Dry mass → drag (on the dry mass) → propellant → launch mass. */
function sizeMassAndDrag(
  design: Design,
  { compute, isl }: Payload,
  thermal: ThermalSizing,
  { system: power }: PowerSizing,
  rad: Radiation,
): MassSizing {
  const { mission, power: p, thermal: t, launch: l, drag: d } = design;
  const factors = massFactors(design);
  const dry = dryMass({
    compute_kg: compute.mass_kg,
    array_kg: power.arrayMass_kg,
    battery_kg: power.batteryMass_kg,
    radiator_kg: thermal.radiatorMass_kg,
    shielding_kg: rad.shieldingMass_kg,
    isl_kg: isl.mass_kg,
    ...factors,
  });
  const busArea_m2 = Math.cbrt(dry.dry_kg / CORE_DENSITY_FOR_AREA_kg_m3) ** 2;
  const { dragArea_m2, minimumDragArea_m2 } = orbitAverageDragArea_m2({
    arrayArea_m2: p.arrayArea_m2,
    radiatorArea_m2: t.radiatorArea_m2,
    busArea_m2,
    arrayProjectionFactor: d.arrayProjectionFactor,
    radiatorProjectionFactor: d.radiatorProjectionFactor,
  });
  // A dead node cannot hold attitude: a randomly tumbling flat plate presents half its one-face area on average
  // (mean projection of a convex body = 1/4 of its surface, Cauchy), the bus face-on.
  const disposalDragArea_m2 =
    d.disposalAttitude === 'operational'
      ? dragArea_m2
      : d.disposalAttitude === 'edge-on'
        ? minimumDragArea_m2
        : 0.5 * (p.arrayArea_m2 + t.radiatorArea_m2) + busArea_m2;
  // The launcher inserts the node directly into its orbit (the payload is the vehicle's into that orbit, see sizeCost):
  // no orbit raise to budget.
  const drag = dragBudget({
    altitude_m: km_to_m(design.orbit.altitude_km),
    solarActivity: mission.solarActivity,
    dryMass_kg: dry.dry_kg,
    dragArea_m2,
    lifetime_yr: mission.lifetime_yr,
    dragCoefficient: d.dragCoefficient,
    disposalSolarActivity: d.disposalSolarActivity ?? mission.solarActivity,
    disposalSolarCycle: d.disposalSolarCycle,
    disposalDragArea_m2,
    extraDeltaV_m_s_per_yr: d.formationKeepingDeltaV_m_s_per_yr,
  });
  const mass = massBudget({
    compute_kg: compute.mass_kg,
    array_kg: power.arrayMass_kg,
    battery_kg: power.batteryMass_kg,
    radiator_kg: thermal.radiatorMass_kg,
    shielding_kg: rad.shieldingMass_kg,
    isl_kg: isl.mass_kg,
    propellant_kg: drag.propellantMass_kg,
    allocated_kg: l.mass_kg,
    itPowerAvg_W: compute.itPowerAvg_W,
    propellantTankFraction: design.mass.propellantTankFraction,
    ...factors,
  });
  return { dragArea_m2, drag, mass };
}

/**
 * Peak → typical (a press peak derated by the chip row's typicalFraction) → utilization → sustained fraction →
 * eclipse → power and thermal throttling → availability → downlink
 * (src/models/computeWaterfall.ts). Throttling applies only when the installed array or radiator is short of
 * what the design requires: the closures are enforced in studies, so it shows what an infeasible design would deliver.
 */
function deliveredCompute(
  design: Design,
  rows: Rows,
  { compute, computeShare, sunlitItPowerAvg_W, isl }: Payload,
  thermal: ThermalSizing,
  power: PowerSizing,
) {
  const c = design.compute;
  const { typicalFraction, typicalFractionSource } = rows.chip;
  const all = design.thermal.rejects === 'all';
  const k = thermal.pumpPower_W / thermal.heatLoad_W;
  return computeWaterfall({
    peakPFLOPS: compute.peakPFLOPS,
    ...(typicalFraction !== undefined ? { typicalFraction, typicalFractionSource: typicalFractionSource! } : {}),
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

/** Discounted LCOC (one node over its life), capex per watt and the verdict against each terrestrial baseline. */
function lifecycle(
  design: Design,
  rows: Rows,
  compute: Payload['compute'],
  costPFLOPS: number,
  { cost }: CostSizing,
): LifecycleSizing {
  const e = design.economics;
  const L = design.mission.lifetime_yr;
  // chips at their market price: the space-packaging premium (cost.chipIntegrationFraction) is integration work, so it
  // counts with the non-chip hardware (ex-chips capex, the learning curve) and never in the terrestrial baseline
  const chips_USD = design.compute.chips * rows.chip.costPerChip_USD;
  // the fleet: `units` nodes on the learning curve (chips and launch off it), replaced at end of life within the
  // horizon
  const fleet = {
    nodes: e.units,
    nodeLifetime_yr: L,
    horizon_yr: e.horizon_yr ?? L,
    learningRate: e.learningRate ?? costPrices(design).learningRate,
    groundSegment_USD: e.groundSegment_USD,
    groundOperations_USD_per_yr: e.groundOperations_USD_per_yr,
    deliveredPFLOPSPerNode: costPFLOPS,
    discountRate_per_yr: e.discountRate_per_yr,
  };
  const program = programEconomics({
    ...fleet,
    firstUnitCost_USD: cost.hardware_USD - chips_USD,
    perNodeOffCurve_USD: chips_USD + cost.launch_USD,
    nodeOperations_USD_per_yr: cost.operations_USD_per_yr,
  });
  const capex = capexPerWatt({
    chips_USD,
    nonChipHardware_USD: cost.hardware_USD - chips_USD,
    launch_USD: cost.launch_USD,
    itPower_W: compute.itPowerAvg_W,
  });
  const chipSet = {
    chips_USD,
    itPowerPeak_W: compute.itPowerPeak_W,
    idlePowerFraction: rows.chip.idlePowerFraction,
    peakPFLOPS: compute.peakPFLOPS,
    // the same parts on the ground run at the same typical fraction of their stated peak
    sustainedFraction: design.compute.sustainedFraction * (rows.chip.typicalFraction ?? 1),
  };
  let terrestrial: LifecycleSizing['terrestrial'];
  const terms = terrestrialBaselines().map((b) => {
    const result = baselineLcoc({ scenario: b, chipSet, lifetime_yr: L, discountRate_per_yr: e.discountRate_per_yr });
    if (b.id === e.baseline) terrestrial = comparisonMetrics({ ...result, chips: design.compute.chips });
    return { id: b.id, chips_USD, result };
  });
  const baselines = terms.map(({ id, result: r }) => ({
    id,
    lcoc_USD_per_PFLOP_day: r.lcoc_USD_per_PFLOP_day,
    lcocDiscounted_USD_per_PFLOP_day: r.lcocDiscounted_USD_per_PFLOP_day,
    spaceToTerrestrial: program.lcocDiscounted_USD_per_PFLOP_day / r.lcocDiscounted_USD_per_PFLOP_day,
  }));
  // $/chip-hour and $/MWh of the fleet's LCOC pair (the per-node delivered compute and IT power)
  const comparison = comparisonMetrics({
    lcoc_USD_per_PFLOP_day: program.lcoc_USD_per_PFLOP_day,
    lcocDiscounted_USD_per_PFLOP_day: program.lcocDiscounted_USD_per_PFLOP_day,
    deliveredPFLOPS: costPFLOPS,
    chips: design.compute.chips,
    itPowerAvg_W: compute.itPowerAvg_W,
  });
  // The parity search re-prices the fleet over years (~10x a node evaluation): computed when the record's economics
  // section is built, so a study whose metrics do not name it never pays for it.
  let parity: readonly BaselineParity[] | undefined;
  return {
    program,
    capex,
    baselines,
    comparison,
    terrestrial,
    get parity() {
      return (parity ??= parityAgainstBaselines(design, { cost, program: fleet, baselines: terms }));
    },
  };
}

/** The last prices computed and the inputs they came from: a study's designs share their `cost` section's values. */
let lastPrices: { readonly from: readonly unknown[]; readonly prices: CostTechnologyPrices } | undefined;

/** The cost technology preset's prices with the design's `cost.*` overrides. */
function costPrices({ cost: c }: Design): CostTechnologyPrices {
  const from = lastPrices?.from;
  if (
    from !== undefined &&
    from[0] === c.technology &&
    from[1] === c.arrayPriceFactor &&
    from[2] === c.radiatorPriceFactor &&
    from[3] === c.busCost_USD_per_kg &&
    from[4] === c.aitFraction &&
    from[5] === c.chipIntegrationFraction
  )
    return lastPrices!.prices;
  const prices = costTechnologyPrices(c.technology, {
    arrayPriceFactor: c.arrayPriceFactor,
    radiatorPriceFactor: c.radiatorPriceFactor,
    busCost_USD_per_kg: c.busCost_USD_per_kg,
    aitFraction: c.aitFraction,
    chipIntegrationFraction: c.chipIntegrationFraction,
  });
  lastPrices = {
    from: [
      c.technology,
      c.arrayPriceFactor,
      c.radiatorPriceFactor,
      c.busCost_USD_per_kg,
      c.aitFraction,
      c.chipIntegrationFraction,
    ],
    prices,
  };
  return prices;
}

/** Stowed volume, then cost (hardware, launch, operations, LCOC). */
function sizeCost(
  design: Design,
  rows: Rows,
  { orbit, compute, isl }: Payload,
  costPFLOPS: number,
  thermal: ThermalSizing,
  { system: power }: PowerSizing,
  rad: Radiation,
  { drag, mass }: MassSizing,
): CostSizing {
  const { mission, compute: c, thermal: t, launch: l, economics: e } = design;
  const { chip, array, battery, radiator, vehicle } = rows;
  const stowed = stowedVolume_m3({
    arrayBolPower_W: power.bolPower_W,
    arrayStowedPowerDensity_W_per_m3: array.stowedPowerDensity_W_per_m3,
    radiatorArea_m2: t.radiatorArea_m2,
    radiatorStowedArea_m2_per_m3: radiator.stowedArea_m2_per_m3,
    coreMass_kg: mass.launch_kg - power.arrayMass_kg - thermal.radiatorMass_kg,
  });
  const batteryEnergy_Wh = J_to_Wh(power.batteryEnergy_J);
  const prices = costPrices(design);
  const cost = nodeCost({
    // A node pays for the mass allocated to it on the launcher (or its built-up mass, if larger).
    vehicle,
    launch_kg: Math.max(l.mass_kg, mass.launch_kg),
    stowedVolume_m3: stowed.stowedVolume_m3,
    // The vehicle's payload into this orbit (published points or the stated rule), the constellation campaign's too.
    payload_kg: vehiclePayloadToOrbit(vehicle, km_to_m(design.orbit.altitude_km), orbit.inclination_rad).payload_kg,
    ...(e.launchCost_USD_per_kg !== undefined ? { launchPriceOverride_USD_per_kg: e.launchCost_USD_per_kg } : {}),
    itPowerAvg_W: compute.itPowerAvg_W,
    itPowerPeak_W: compute.itPowerPeak_W,
    chips: c.chips,
    costPerChip_USD: chip.costPerChip_USD,
    peakPFLOPS: compute.peakPFLOPS,
    utilization: c.utilization,
    lifetime_yr: mission.lifetime_yr,
    electricityPrice_USD_per_kWh: e.electricity_USD_per_kWh,
    pue: e.pue,
    deliveredPFLOPS: costPFLOPS,
    arrayBolPower_W: power.bolPower_W,
    arrayCost_USD_per_W: array.cost_USD_per_W * prices.arrayPriceFactor,
    radiatorArea_m2: t.radiatorArea_m2,
    radiatorCost_USD_per_m2: radiator.cost_USD_per_m2 * prices.radiatorPriceFactor,
    busCost_USD_per_kg: prices.busCost_USD_per_kg,
    aitFraction: prices.aitFraction,
    chipIntegrationFraction: prices.chipIntegrationFraction,
    ...(design.cost.operationsFraction_per_yr !== undefined
      ? { operationsFraction_per_yr: design.cost.operationsFraction_per_yr }
      : {}),
    batteryEnergy_Wh,
    batteryCost_USD_per_Wh: battery.cost_USD_per_Wh,
    islCost_USD: isl.cost_USD,
    bus_kg: mass.bus_kg,
    shielding_kg: rad.shieldingMass_kg,
    propellant_kg: drag.propellantMass_kg,
  });
  return { stowed, batteryEnergy_Wh, cost };
}

/**
 * A check every node record carries: value and limit from the sizing, and what it protects (built for the record only).
 */
interface NodeConstraint {
  readonly name: string;
  readonly sense: '<=' | '>=';
  readonly unit: string;
  readonly enforced: boolean;
  readonly value: (design: Design, rows: Rows, s: NodeSizing) => number;
  readonly limit: (design: Design, rows: Rows, s: NodeSizing) => number;
  readonly describe: (design: Design, rows: Rows, s: NodeSizing) => string;
}

const NODE_CONSTRAINTS: readonly NodeConstraint[] = [
  {
    name: 'power.arrayArea',
    sense: '>=',
    unit: 'm²',
    enforced: true,
    value: (d) => d.power.arrayArea_m2,
    limit: (_d, _r, s) => s.power.system.requiredArrayArea_m2,
    describe: (d) =>
      `array area covers the demand over the worst orbit at ${d.power.sizing === 'eol' ? 'end' : 'beginning'} of life (SMAD sizing)`,
  },
  {
    name: 'thermal.radiatorArea',
    sense: '>=',
    unit: 'm²',
    enforced: true,
    value: (d) => d.thermal.radiatorArea_m2,
    limit: (_d, _r, s) => s.thermal.radiator.requiredRadiatorArea_m2,
    describe: (d, _r, s) =>
      `radiator rejects ${d.thermal.rejects === 'all' ? 'all heat (IT, bus, ISL, pumps, battery losses)' : 'peak IT heat'} ` +
      `at ${s.thermal.radiator.radiatorTemp_K.toFixed(1)} K, hot case`,
  },
  {
    name: 'thermal.junctionTemp',
    sense: '<=',
    unit: 'K',
    enforced: true,
    value: (_d, _r, s) => s.thermal.junctionTemp_K,
    limit: (_d, _r, s) => s.thermal.junctionLimit_K,
    describe: () => 'hottest chip junction (radiator + loop drop + cold plate) stays within the chip limit',
  },
  {
    name: 'mass.launchClosure',
    sense: '<=',
    unit: 'kg',
    enforced: true,
    value: (_d, _r, s) => s.mass.mass.launch_kg,
    limit: (d) => d.launch.mass_kg,
    describe: () => 'built-up launch mass fits the mass allocated on the launcher',
  },
  {
    name: 'launch.fitsVehicle',
    sense: '>=',
    unit: 'nodes',
    enforced: true,
    value: (_d, _r, s) => s.cost.cost.nodesPerLaunch,
    limit: () => 1,
    describe: (_d, rows) => `at least one node fits the ${rows.vehicle.id} payload and fairing`,
  },
  {
    name: 'radiation.dose',
    sense: '<=',
    unit: 'rad(Si)',
    enforced: true,
    value: (_d, _r, s) => s.rad.missionDose_rad,
    limit: (_d, rows) => rows.chip.tidTolerance_rad,
    describe: (d, rows, s) =>
      'mission dose with design margin stays below the chip tolerance ' +
      `(reached after ${yearsText(rows.chip.tidTolerance_rad, s, d.mission.radiationDesignMargin)})`,
  },
  {
    name: 'radiation.softDose',
    sense: '<=',
    unit: 'rad(Si)',
    enforced: true,
    value: (_d, _r, s) => s.rad.missionDose_rad,
    limit: (_d, rows) => softDoseThreshold_rad(rows.chip),
    describe: (d, rows, s) =>
      rows.chip.softDoseThreshold_rad !== undefined
        ? `mission dose with design margin stays below the chip's soft-fault onset (reached after ${yearsText(softDoseThreshold_rad(rows.chip), s, d.mission.radiationDesignMargin)})`
        : 'no separate soft-fault onset for this chip: same limit as radiation.dose',
  },
  {
    name: 'drag.fccDisposal',
    sense: '<=',
    unit: 'yr',
    enforced: false,
    value: (_d, _r, s) => s.mass.drag.passiveDecay_yr,
    limit: () => 5,
    describe: () => 'passive decay after end of life within the FCC 5-year rule (47 CFR 25.283(e))',
  },
];

function nodeConstraints(design: Design, rows: Rows, s: NodeSizing): ConstraintResult[] {
  return NODE_CONSTRAINTS.map((c) =>
    constraintResult(
      c.name,
      c.value(design, rows, s),
      c.sense,
      c.limit(design, rows, s),
      c.unit,
      c.enforced,
      c.describe(design, rows, s),
    ),
  );
}

/** Bus fraction and system margin: the technology preset, overridden key by key. */
function massFactors(design: Design): { busFraction: number; marginFraction: number } {
  const preset = MASS_TECHNOLOGY[design.mass.technology];
  return {
    busFraction: design.mass.busFraction ?? preset.busFraction,
    marginFraction: design.mass.systemMargin ?? preset.marginFraction,
  };
}

/** "12.3 yr" (or "over 1000 yr"): when the margined dose reaches `dose_rad`. */
function yearsText(dose_rad: number, s: NodeSizing, designMargin: number): string {
  const yr = yearsToDose(dose_rad, s.rad.doseRate_rad_per_yr, designMargin);
  return yr >= MAX_YEARS_TO_DOSE ? `over ${MAX_YEARS_TO_DOSE} yr` : `${yr.toPrecision(3)} yr`;
}

/** A chip figure derated from its stated peak: by how much and on what basis. */
function chipFigureNote(chip: Rows['chip'], typicalFraction: number): string {
  return (
    `chip ${chip.id}: its ${chip.peakTFLOPS} T(FL)OPS is a stated peak, derated to ${(100 * typicalFraction).toFixed(0)} % typical ` +
    `(waterfall step "typical"; ${chip.typicalFractionSource ?? 'no source'})`
  );
}

/** The modelling assumptions a reader of the record must know. */
function modelNotes(design: Design, share: number, disposalModel: string): string[] {
  const t = design.thermal;
  const notes = [
    t.rejects === 'all'
      ? 'the radiator rejects all heat in the hot case: peak IT, bus, ISL, pumps and battery charge losses'
      : 'thermal.rejects: it — the radiator rejects the peak IT heat and pumps; bus, ISL and battery heat go to bus panels (not sized here)',
  ];
  notes.push(
    `thermal chain: ${t.radiatorTemp_K !== undefined ? `radiator fixed at ${t.radiatorTemp_K} K, junction checked upward` : 'radiator at junction limit − cold plate − loop drop'}; ` +
      (t.coldCaseControl === 'bypass'
        ? 'cold case: radiator bypass valve, no heater power (panel freezing not modelled)'
        : 'cold-case heater without capacitance or bypass credit (conservative)'),
  );
  const f = design.power.eclipseComputeFraction;
  if (f < 1) {
    notes.push(
      `compute throttled to ${f} of average through eclipses (battery sized for that): delivered compute and average IT power ` +
        `are orbit averages, ${(100 * share).toPrecision(4)} % of unthrottled`,
    );
  }
  notes.push(
    'eclipse: cylindrical Earth shadow, no penumbra; dose: AP-8 MIN/AE-8 MAX mean environment (no solar particle events)',
  );
  const factors = massFactors(design);
  notes.push(
    `mass: ${design.mass.technology} technology, bus ${factors.busFraction.toFixed(3)} × sized items, system margin ${(100 * factors.marginFraction).toFixed(0)} %`,
  );
  const d = design.drag;
  notes.push(
    `drag: C_D ${d.dragCoefficient}, projected array/radiator share ${d.arrayProjectionFactor.toFixed(3)}/${d.radiatorProjectionFactor.toFixed(3)}; ` +
      `disposal (${d.disposalAttitude} attitude): ${disposalModel}`,
  );
  if (design.orbit.altitude_km > 900)
    notes.push('density above 900 km is an exponential extrapolation of CIRA-2012 (drag is negligible there)');
  return notes;
}
