/**
 * The last node sizing stages: stowed volume and cost (hardware, launch, operations, LCOC) with the cost technology
 * prices, and the fleet lifecycle economics against the terrestrial baselines (node.ts runs these lazily).
 */
import type { CostSizing, Design, LifecycleSizing, Payload, Rows, StageResults } from '../record/nodeRecord.js';
import {
  DEFAULT_OPERATIONS_FRACTION_per_yr,
  HARDWARE_LINE_ITEMS,
  HARDWARE_LINES,
  lineClasses,
  nodeCost,
  stowedVolume_m3,
  costRecord,
  stowedRecord,
  type CostParams,
  type CostRecord,
  type StowedRecord,
  type HardwareLine,
  type StowedVolumeParams,
  type LinePriceClasses,
} from '../../models/cost/cost.js';
import { costTechnologyPrices, type CostTechnologyPrices } from '../../models/cost/costTechnology.js';
import { nodeStowedBox } from '../../models/launch/fairingPacking.js';
import { comparisonMetrics } from '../../models/cost/comparisonMetrics.js';
import { Program, programEconomics, type ProgramParams } from '../../models/cost/lifecycleProgram.js';
import { capexPerWatt } from '../../models/cost/lifecycleEconomics.js';
import { programmeLearningRate } from '../../models/cost/learningCurve.js';
import { baselineLcoc } from '../../models/cost/lifecycleBaseline.js';
import { loadTerrestrialBaselines } from '../../catalog/baselines.js';
import { parityAgainstBaselines, type BaselineParity } from './parity.js';
import { J_to_Wh } from '../../base/convert.js';
import type { Scratch } from '../../base/scratch.js';

/**
 * The terrestrial scenarios (designs/catalogs/terrestrial-baselines.yaml), read once (the loader's path lookup stats
 * files).
 */
let baselinesCache: ReturnType<typeof loadTerrestrialBaselines> | undefined;
const terrestrialBaselines = () => (baselinesCache ??= loadTerrestrialBaselines());

/**
 * The stowed-volume and cost models' inputs, one record each, rewritten field by field before every call
 * (base/scratch.ts: these models keep nothing of their input). The placeholders give each field its kind.
 */
const STOWED_IN: Scratch<StowedVolumeParams> = {
  arrayBolPower_W: NaN,
  arrayStowedPowerDensity_W_per_m3: NaN,
  radiatorArea_m2: NaN,
  radiatorStowedArea_m2_per_m3: NaN,
  coreMass_kg: NaN,
};
const COST_IN = {
  vehicle: undefined, // objects: the rows and results, written before each call
  launch_kg: NaN,
  stowedVolume_m3: NaN,
  stowedBox: undefined,
  payload_kg: NaN,
  launchPriceOverride_USD_per_kg: NaN,
  itPowerAvg_W: NaN,
  itPowerPeak_W: NaN,
  chips: NaN,
  costPerChip_USD: NaN,
  peakPFLOPS: NaN,
  utilization: NaN,
  lifetime_yr: NaN,
  electricityPrice_USD_per_kWh: NaN,
  pue: NaN,
  deliveredPFLOPS: NaN,
  arrayBolPower_W: NaN,
  arrayCost_USD_per_W: NaN,
  radiatorArea_m2: NaN,
  radiatorCost_USD_per_m2: NaN,
  busCost_USD_per_kg: NaN,
  aitFraction: NaN,
  chipIntegrationFraction: NaN,
  operationsFraction_per_yr: NaN,
  priceClasses: undefined,
  batteryEnergy_Wh: NaN,
  batteryCost_USD_per_Wh: NaN,
  islCost_USD: NaN,
  mass: undefined,
} as unknown as Scratch<CostParams>;

/**
 * The cost stage's results a lean evaluator keeps (sizeCost's `into`): each call rewrites every field, and the caller
 * reads them before the next design (src/node/evaluate.ts nodeMetricsEvaluator).
 */
export type CostResults = Scratch<CostSizing> & { readonly stowed: StowedRecord; readonly cost: CostRecord };
export const costResults = (): CostResults => ({ stowed: stowedRecord(), batteryEnergy_Wh: NaN, cost: costRecord() });

/**
 * Stowed volume, then cost (hardware, launch, operations, LCOC), into `into`'s records (a lean evaluation's), else
 * fresh ones (a record keeps them).
 */
export function sizeCost(
  design: Design,
  rows: Rows,
  { payload, costPFLOPS, thermal, power: { system: power }, mass: sized }: Omit<StageResults, 'cost' | 'rad'>,
  into: CostResults | null = null,
): CostSizing {
  const { compute, isl } = payload;
  const { mass, launchPayload } = sized;
  const { mission, compute: c, thermal: t, economics: e } = design;
  const { chip, array, battery, radiator, vehicle } = rows;
  const v = STOWED_IN;
  v.arrayBolPower_W = power.bolPower_W;
  v.arrayStowedPowerDensity_W_per_m3 = array.stowedPowerDensity_W_per_m3;
  v.radiatorArea_m2 = t.radiatorArea_m2;
  v.radiatorStowedArea_m2_per_m3 = radiator.stowedArea_m2_per_m3;
  v.coreMass_kg = mass.launch_kg - power.arrayMass_kg - thermal.radiatorMass_kg;
  const stowed = stowedVolume_m3(v, into?.stowed);
  const batteryEnergy_Wh = J_to_Wh(power.batteryEnergy_J);
  const prices = costPrices(design);
  const n = COST_IN;
  // A node pays for the mass allocated to it on the launcher (or its built-up mass, if larger).
  n.vehicle = vehicle;
  n.launch_kg = Math.max(mass.allocated_kg, mass.launch_kg);
  n.stowedVolume_m3 = stowed.stowedVolume_m3;
  n.stowedBox = nodeStowedBox(stowed.stowedVolume_m3, stowed.core_m3);
  // The vehicle's payload into this orbit (published points, interpolated or flagged extrapolation), as the
  // constellation campaign's.
  n.payload_kg = launchPayload.payload_kg;
  n.launchPriceOverride_USD_per_kg = e.launchCost_USD_per_kg;
  n.itPowerAvg_W = compute.itPowerAvg_W;
  n.itPowerPeak_W = compute.itPowerPeak_W;
  n.chips = c.chips;
  n.costPerChip_USD = chip.costPerChip_USD;
  n.peakPFLOPS = compute.peakPFLOPS;
  n.utilization = c.utilization;
  n.lifetime_yr = mission.lifetime_yr;
  n.electricityPrice_USD_per_kWh = e.electricity_USD_per_kWh;
  n.pue = e.pue;
  n.deliveredPFLOPS = costPFLOPS;
  n.arrayBolPower_W = power.bolPower_W;
  n.arrayCost_USD_per_W = array.cost_USD_per_W * prices.arrayPriceFactor;
  n.radiatorArea_m2 = t.radiatorArea_m2;
  n.radiatorCost_USD_per_m2 = radiator.cost_USD_per_m2 * prices.radiatorPriceFactor;
  n.busCost_USD_per_kg = prices.busCost_USD_per_kg;
  n.aitFraction = prices.aitFraction;
  n.chipIntegrationFraction = prices.chipIntegrationFraction;
  n.operationsFraction_per_yr = design.cost.operationsFraction_per_yr;
  n.priceClasses = designPriceClasses(design, rows, prices);
  n.batteryEnergy_Wh = batteryEnergy_Wh;
  n.batteryCost_USD_per_Wh = battery.cost_USD_per_Wh;
  n.islCost_USD = isl.cost_USD;
  n.mass = mass;
  if (into === null) return { stowed, batteryEnergy_Wh, cost: nodeCost(n) };
  into.batteryEnergy_Wh = batteryEnergy_Wh;
  nodeCost(n, into.cost);
  return into;
}

/**
 * The price class of each hardware line (learningCurve.ts PRICE_CLASSES), the one rule for the node fleet, the
 * constellation and both parity searches: battery and ISL terminals their catalog row's class; array and radiator the
 * class `cost.arrayPriceClass` / `cost.radiatorPriceClass` states for a rescaled price, else the preset's when its
 * factor rescales the row, else the row's; bus, AIT and the chips' packaging premium `cost.busPriceClass`, else the
 * preset's; the other lines (chips, shielding plate, propellant at market price) HARDWARE_LINE_ITEMS's.
 */
export const linePriceClasses = (design: Design, rows: Pick<Rows, 'array' | 'radiator' | 'battery' | 'terminal'>) =>
  lineClasses(designPriceClasses(design, rows));

/** The classes linePriceClasses sets from the design and its rows; nodeCost takes the others from the table. */
function designPriceClasses(
  { cost: c }: Design,
  rows: Pick<Rows, 'array' | 'radiator' | 'battery' | 'terminal'>,
  prices: CostTechnologyPrices = costPrices({ cost: c } as Design),
): Partial<LinePriceClasses> {
  const scaled = (factor: number, stated: LinePriceClasses['array'] | undefined, row: LinePriceClasses['array']) =>
    stated ?? (factor !== 1 ? prices.priceClass : row);
  const bus = c.busPriceClass ?? prices.priceClass;
  return {
    chipIntegration: bus,
    array: scaled(prices.arrayPriceFactor, c.arrayPriceClass, rows.array.priceClass),
    radiator: scaled(prices.radiatorPriceFactor, c.radiatorPriceClass, rows.radiator.priceClass),
    battery: rows.battery.priceClass,
    isl: rows.terminal.priceClass,
    bus,
    ait: bus,
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

/**
 * The fleet economics' records a lean evaluator keeps (lifecycle's `into`): each call rewrites them, and the caller
 * reads them before the next design (src/node/evaluate.ts nodeMetricsEvaluator).
 */
export interface LifecycleResults {
  readonly lifecycle: Lifecycle;
  readonly fleet: Scratch<ProgramParams>;
  readonly program: Program;
}
export const lifecycleResults = (): LifecycleResults => ({
  lifecycle: new Lifecycle(),
  fleet: fleetRecord(),
  program: new Program(),
});

/**
 * Discounted LCOC (the programme), capex per watt and the verdict against each terrestrial baseline, into `into`'s
 * records (a lean evaluation's), else fresh ones (a record keeps them).
 */
export function lifecycle(
  design: Design,
  rows: Rows,
  compute: Payload['compute'],
  costPFLOPS: number,
  cost: CostSizing['cost'],
  dry_kg: number,
  into: LifecycleResults | null,
): LifecycleSizing {
  const fleet = fleetProgram(design, costPFLOPS, cost, into?.fleet);
  const program = programEconomics(fleet, into?.program);
  return (into?.lifecycle ?? new Lifecycle()).of(design, rows, compute, costPFLOPS, cost, dry_kg, fleet, program);
}

/**
 * The programme and fleet, and what the optimizer rarely reads, computed when read (the record's economics section
 * reads it all): capex per watt, the terrestrial baselines and verdicts, the comparison metrics, the non-chip $/kg and
 * the parity search (~10x a node evaluation). A study whose metrics do not name them never pays for them. A class, not
 * an object of getters: V8 builds an object literal's accessors one by one on every call. `of` writes every field and
 * drops what was computed when read (a lean evaluator's kept Lifecycle takes its next design's).
 */
class Lifecycle implements LifecycleSizing {
  program = undefined as unknown as LifecycleSizing['program'];
  fleet = undefined as unknown as Readonly<ProgramParams>;
  /** The chips at their market price: the space-packaging premium (cost.chipIntegrationFraction) is integration work,
   * so it counts with the non-chip hardware (ex-chips capex, the learning curve), never in the terrestrial baseline. */
  private chips_USD = NaN;
  private design = undefined as unknown as Design;
  private rows = undefined as unknown as Rows;
  private compute = undefined as unknown as Payload['compute'];
  private costPFLOPS = NaN;
  private cost = undefined as unknown as CostSizing['cost'];
  private dry_kg = NaN;
  private capex_: LifecycleSizing['capex'] | undefined = undefined;
  private ground_: ReturnType<typeof terrestrialTerms> | undefined = undefined;
  private baselines_: LifecycleSizing['baselines'] | undefined = undefined;
  private comparison_: LifecycleSizing['comparison'] | undefined = undefined;
  private perKg_: LifecycleSizing['nonChipPerKg'] | undefined = undefined;
  private parity_: readonly BaselineParity[] | undefined = undefined;
  of(
    design: Design,
    rows: Rows,
    compute: Payload['compute'],
    costPFLOPS: number,
    cost: CostSizing['cost'],
    dry_kg: number,
    fleet: Readonly<ProgramParams>,
    program: LifecycleSizing['program'],
  ): this {
    this.design = design;
    this.rows = rows;
    this.compute = compute;
    this.costPFLOPS = costPFLOPS;
    this.cost = cost;
    this.dry_kg = dry_kg;
    this.chips_USD = design.compute.chips * rows.chip.costPerChip_USD;
    this.fleet = fleet;
    this.program = program;
    this.capex_ = undefined;
    this.ground_ = undefined;
    this.baselines_ = undefined;
    this.comparison_ = undefined;
    this.perKg_ = undefined;
    this.parity_ = undefined;
    return this;
  }
  private terms() {
    return (this.ground_ ??= terrestrialTerms(this.design, this.rows, this.compute, this.chips_USD));
  }
  get nonChipPerKg(): LifecycleSizing['nonChipPerKg'] {
    return (this.perKg_ ??= nonChipPerKg(this.cost, this.program, this.dry_kg));
  }
  get capex(): LifecycleSizing['capex'] {
    return (this.capex_ ??= capexPerWatt({
      chips_USD: this.chips_USD,
      nonChipHardware_USD: this.cost.hardware_USD - this.chips_USD,
      launch_USD: this.cost.launch_USD,
      itPower_W: this.compute.itPowerAvg_W,
    }));
  }
  get baselines(): LifecycleSizing['baselines'] {
    return (this.baselines_ ??= this.terms().terms.map(({ id, result: r }) => ({
      id,
      lcoc_USD_per_PFLOP_day: r.lcoc_USD_per_PFLOP_day,
      lcocDiscounted_USD_per_PFLOP_day: r.lcocDiscounted_USD_per_PFLOP_day,
      spaceToTerrestrial: this.program.lcocDiscounted_USD_per_PFLOP_day / r.lcocDiscounted_USD_per_PFLOP_day,
    })));
  }
  /** $/chip-hour and $/MWh of the fleet's LCOC pair (the per-node delivered compute and IT power). */
  get comparison(): LifecycleSizing['comparison'] {
    return (this.comparison_ ??= comparisonMetrics({
      lcoc_USD_per_PFLOP_day: this.program.lcoc_USD_per_PFLOP_day,
      lcocDiscounted_USD_per_PFLOP_day: this.program.lcocDiscounted_USD_per_PFLOP_day,
      deliveredPFLOPS: this.costPFLOPS,
      chips: this.design.compute.chips,
      itPowerAvg_W: this.compute.itPowerAvg_W,
    }));
  }
  get terrestrial(): LifecycleSizing['terrestrial'] {
    return this.terms().terrestrial;
  }
  get parity(): readonly BaselineParity[] {
    return (this.parity_ ??= parityAgainstBaselines(this.design, {
      cost: this.cost,
      program: this.fleet,
      baselines: this.terms().terms,
    }));
  }
}

/**
 * Non-chip hardware of the programme's average unit (its build less the chips at market price and the launch) per kg
 * dry, beside the production reference: Starlink V2 mini ~$800k for ~730 kg, ≈ $1,100/kg whole satellite (Quilty
 * Space 2024, docs/sources.md §10). Beyond ×3 either way the note names the lines that drive the departure.
 */
export const PRODUCTION_REFERENCE_USD_per_kg = 1100;
/** The lines of the non-chip figure in the order it sums them: the built lines, AIT, the chips' packaging, the rest. */
const BUILT = ['array', 'radiator', 'battery', 'isl', 'bus', 'ait', 'chipIntegration'] as const;
const NON_CHIP_LINES: readonly HardwareLine[] = [
  ...BUILT,
  ...HARDWARE_LINES.filter((l) => l !== 'chips' && !(BUILT as readonly string[]).includes(l)),
];
function nonChipPerKg(
  c: CostSizing['cost'],
  program: LifecycleSizing['program'],
  dry_kg: number,
): LifecycleSizing['nonChipPerKg'] {
  // the average unit's curve share scales every first-unit-class line alike
  const learned =
    c.learningHardware_USD > 0
      ? (program.averageUnit_USD - (c.hardware_USD - c.learningHardware_USD + c.launch_USD)) / c.learningHardware_USD
      : 1;
  const perKg = NON_CHIP_LINES.map((k) => ({
    k,
    usd_per_kg: (c.lines[k] * (c.priceClasses[k] === 'first-unit' ? learned : 1)) / dry_kg,
  }));
  const value = perKg.reduce((a, l) => a + l.usd_per_kg, 0);
  return { value_USD_per_kg: value, note: nonChipNote(value, perKg, c.priceClasses) };
}

function nonChipNote(
  value: number,
  perKg: { k: HardwareLine; usd_per_kg: number }[],
  priceClasses: CostSizing['cost']['priceClasses'],
): string {
  const ratio = value / PRODUCTION_REFERENCE_USD_per_kg;
  const fmt0 = (x: number) => Math.round(x).toLocaleString('en-US');
  const head = `${fmt0(value)} USD/kg dry, ${ratio.toFixed(2)}× Starlink V2 mini's ~${fmt0(PRODUCTION_REFERENCE_USD_per_kg)} USD/kg whole satellite (Quilty Space 2024)`;
  if (ratio >= 1 / 3 && ratio <= 3) return head;
  const top = [...perKg]
    .sort((a, b) => b.usd_per_kg - a.usd_per_kg)
    .slice(0, 3)
    .map((l) => `${HARDWARE_LINE_ITEMS[l.k].label} ${fmt0(l.usd_per_kg)} (${priceClasses[l.k]})`)
    .join(', ');
  return `${head}: ${ratio > 3 ? 'above' : 'below'} it by more than ×3, driven by ${top} USD/kg dry`;
}

/**
 * The fleet (`economics.units` nodes replaced over the horizon) as its program economics' input, written into `out`
 * (every field): the programme's `units` nodes, its first-unit-class lines on the learning curve (production- and
 * market-priced lines, launch off it; heritage pricing: no learning), replaced at end of life within the horizon,
 * operated at the operations fraction of its average unit.
 */
function fleetProgram(
  design: Design,
  costPFLOPS: number,
  cost: CostSizing['cost'],
  out = fleetRecord(),
): Readonly<ProgramParams> {
  const e = design.economics;
  const L = design.mission.lifetime_yr;
  out.nodes = e.units;
  out.nodeLifetime_yr = L;
  out.horizon_yr = e.horizon_yr ?? L;
  out.learningRate = programmeLearningRate(e.pricing, e.units, e.learningRate);
  out.groundSegment_USD = e.groundSegment_USD;
  out.groundOperations_USD_per_yr = e.groundOperations_USD_per_yr;
  out.deliveredPFLOPSPerNode = costPFLOPS;
  out.discountRate_per_yr = e.discountRate_per_yr;
  out.nodeOperationsFraction_per_yr = design.cost.operationsFraction_per_yr ?? DEFAULT_OPERATIONS_FRACTION_per_yr;
  out.firstUnitCost_USD = cost.learningHardware_USD;
  out.perNodeOffCurve_USD = cost.hardware_USD - cost.learningHardware_USD + cost.launch_USD;
  return out;
}
/** A fleet record to write into (every key of ProgramParams a node's fleet sets; the placeholders give their kinds). */
const fleetRecord = (): Scratch<ProgramParams> => ({
  nodes: NaN,
  nodeLifetime_yr: NaN,
  horizon_yr: NaN,
  learningRate: NaN,
  groundSegment_USD: NaN,
  groundOperations_USD_per_yr: NaN,
  deliveredPFLOPSPerNode: NaN,
  discountRate_per_yr: NaN,
  nodeOperationsFraction_per_yr: NaN,
  firstUnitCost_USD: NaN,
  perNodeOffCurve_USD: NaN,
});

/**
 * The same chips on the ground in every terrestrial scenario (`terms`, what the parity search re-prices; a
 * constellation's parity reads them for each shell's node), and the comparison metrics of economics.baseline's
 * (undefined if no scenario has that id).
 */
export function terrestrialTerms(
  design: Design,
  rows: Pick<Rows, 'chip'>,
  compute: Pick<Payload['compute'], 'itPowerPeak_W' | 'peakPFLOPS'>,
  chips_USD: number,
): {
  terms: { id: string; chips_USD: number; result: ReturnType<typeof baselineLcoc> }[];
  terrestrial: LifecycleSizing['terrestrial'];
} {
  const e = design.economics;
  const L = design.mission.lifetime_yr;
  const chipSet = {
    chips_USD,
    itPowerPeak_W: compute.itPowerPeak_W,
    idlePowerFraction: rows.chip.idlePowerFraction,
    peakPFLOPS: compute.peakPFLOPS,
    // the same parts on the ground run at the same typical fraction of their stated peak
    sustainedFraction: design.compute.sustainedFraction * (rows.chip.typicalFraction ?? 1),
  };
  // a study's designs share few chip sets (chip × count): the same inputs give the same terms, computed once
  const key = `${Object.values(chipSet).join(',')},${L},${e.discountRate_per_yr},${e.baseline},${design.compute.chips}`;
  const known = termsMemo.get(key);
  if (known !== undefined) return known;
  let terrestrial: LifecycleSizing['terrestrial'];
  const terms = terrestrialBaselines().map((b) => {
    const result = baselineLcoc({ scenario: b, chipSet, lifetime_yr: L, discountRate_per_yr: e.discountRate_per_yr });
    if (b.id === e.baseline) terrestrial = comparisonMetrics({ ...result, chips: design.compute.chips });
    return { id: b.id, chips_USD, result };
  });
  if (termsMemo.size >= TERMS_MEMO_LIMIT) termsMemo.clear();
  termsMemo.set(key, { terms, terrestrial });
  return { terms, terrestrial };
}
const TERMS_MEMO_LIMIT = 4096;
const termsMemo = new Map<string, ReturnType<typeof terrestrialTerms>>();
