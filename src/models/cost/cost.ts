/**
 * Node cost: hardware, launch, operations, levelized cost of delivered compute (LCOC), cost per
 * kW-year, and a terrestrial data-center baseline with the same chips.
 *
 * Equations: hardware = chips·$chip·(1 + f_chip) + array, radiator, battery, ISL, bus, shielding and propellant
 * prices + AIT (f_AIT × non-chip hardware); launch cost per node = vehicle price / nodes per launch, or $/kg × m
 * with a $/kg override; operations/yr = f_ops·(hardware + launch), default 2 %/yr (docs/sources.md §18);
 * total = hardware + launch + operations·L; LCOC = total/(delivered PFLOPS × L × 365.25 d): all of one node, the first
 * unit (the programme's figures are lifecycleProgram.ts's). Each hardware line carries its price class
 * (learningCurve.ts PRICE_CLASSES); the first-unit-priced ones sum to the learning curve's first unit T₁;
 * terrestrial energy/yr = P_IT,avg·PUE·8,766 h·$/kWh (docs/sources.md §11 case 15).
 * Sanity anchors: docs/sources.md §10 (spacedc-mdao, Starlink).
 * Assumptions: a partly filled vehicle is paid in full; no in-orbit insurance; terrestrial staff and non-energy
 * opex are not included. Validity: non-negative costs and quantities; lifetime > 0; delivered PFLOPS and IT power > 0.
 * Derivation, evidence and costs: docs/models.md §"Node cost and LCOC".
 */
import { HOURS_PER_YEAR_h } from '../../base/constants.js';
import { W_PER_KW } from '../../base/convert.js';
import { nonNegative, positive } from '../validate.js';
import type { PriceClass } from './learningCurve.js';
import {
  columnDispenserPacking,
  fairingPacking,
  type FairingEnvelope,
  type StowedBox,
} from '../launch/fairingPacking.js';
import type { MassBudgetResult } from '../mass/mass.js';
import type { Scratch } from '../../base/scratch.js';

// ESTIMATE: ~4× Starlink V2 mini whole-satellite ~$1,100/kg (Quilty, docs/sources.md §10)
export const DEFAULT_BUS_COST_USD_per_kg = 5000;
export const DEFAULT_AIT_FRACTION = 0.1; // ESTIMATE: serial-production AIT share of non-chip hardware
// ESTIMATE within the published 1–1.9 %/yr of operations, no insurance (docs/models.md; docs/sources.md §18)
export const DEFAULT_OPERATIONS_FRACTION_per_yr = 0.02;
export const DEFAULT_FAIRING_PACKING_EFFICIENCY = 0.7; // ESTIMATE
export const DEFAULT_CORE_PACKAGING_DENSITY_kg_m3 = 250; // ESTIMATE
export const DEFAULT_ELECTRICITY_PRICE_USD_per_kWh = 0.05; // US industrial/wholesale order, docs/sources.md §10
export const DEFAULT_PUE = 1.3; // docs/sources.md §10 and §11 case 15 ($570/kW-yr)
export const DEFAULT_TERRESTRIAL_CAPEX_USD_per_W = 12; // spacedc-mdao Earth case, ex-GPU
export const DEFAULT_TERRESTRIAL_FACILITY_LIFE_yr = 15; // ESTIMATE
export const DEFAULT_TERRESTRIAL_AVAILABILITY = 0.98; // ESTIMATE
const DAYS_PER_YEAR = 365.25;

/**
 * A node's hardware lines, in the order the first-unit sum adds them: each line's label (the budget rows, the non-chip
 * note) and the price class it takes where the design does not set one (src/node/stages/cost.ts `linePriceClasses`;
 * chips, shielding plate and propellant are bought at market price, the built lines default to first-unit prices). A
 * line priced by mass names its mass budget line (`kg`, src/models/mass/mass.ts) and its default price [USD/kg].
 */
export const HARDWARE_LINE_ITEMS = {
  chips: { label: 'chips', priceClass: 'market' },
  chipIntegration: { label: 'chip packaging', priceClass: 'first-unit' },
  array: { label: 'array', priceClass: 'first-unit' },
  radiator: { label: 'radiator', priceClass: 'first-unit' },
  battery: { label: 'battery', priceClass: 'first-unit' },
  isl: { label: 'ISL terminals', priceClass: 'first-unit' },
  bus: { label: 'bus', priceClass: 'first-unit', kg: 'bus_kg', USD_per_kg: DEFAULT_BUS_COST_USD_per_kg },
  shielding: { label: 'shielding', priceClass: 'market', kg: 'shielding_kg', USD_per_kg: 50 }, // ESTIMATE: Al plate
  // ESTIMATE: krypton/xenon blend for Hall thrusters
  propellant: { label: 'propellant', priceClass: 'market', kg: 'propellant_kg', USD_per_kg: 1000 },
  ait: { label: 'AIT', priceClass: 'first-unit' },
} as const satisfies Record<
  string,
  { label: string; priceClass: PriceClass; kg?: keyof MassBudgetResult; USD_per_kg?: number }
>;
export type HardwareLine = keyof typeof HARDWARE_LINE_ITEMS;
export const HARDWARE_LINES = Object.keys(HARDWARE_LINE_ITEMS) as HardwareLine[];
/** The mass budget lines the lines priced by mass read [kg] (a node's MassBudgetResult holds them). */
export type PricedMass = Readonly<
  Record<
    (typeof HARDWARE_LINE_ITEMS)[HardwareLine] extends infer L
      ? L extends { kg: infer K extends string }
        ? K
        : never
      : never,
    number
  >
>;
export type LinePriceClasses = Readonly<Record<HardwareLine, PriceClass>>;
export const DEFAULT_LINE_PRICE_CLASSES = Object.fromEntries(
  HARDWARE_LINES.map((l) => [l, HARDWARE_LINE_ITEMS[l].priceClass]),
) as LinePriceClasses;

export interface StowedVolumeParams {
  readonly arrayBolPower_W: number;
  readonly arrayStowedPowerDensity_W_per_m3: number;
  readonly radiatorArea_m2: number;
  readonly radiatorStowedArea_m2_per_m3: number;
  /** Everything that is not array or radiator (compute, bus, battery, shielding, ISL, propellant) [kg]. */
  readonly coreMass_kg: number;
  /** Default 250 kg/m³ (estimate, docs/models.md §"Node cost and LCOC"). */
  readonly corePackagingDensity_kg_m3?: number;
}
export interface StowedVolumeResult {
  readonly array_m3: number;
  readonly radiator_m3: number;
  readonly core_m3: number;
  readonly stowedVolume_m3: number;
}

/** A stowed volume to write into: each call's own, or one a lean evaluator keeps (src/node/stages/cost.ts). */
export type StowedRecord = Scratch<StowedVolumeResult>;
export const stowedRecord = (): StowedRecord => ({
  array_m3: NaN,
  radiator_m3: NaN,
  core_m3: NaN,
  stowedVolume_m3: NaN,
});
/** Stowed (launch) volume of one node, written into `out` (every field). */
export function stowedVolume_m3(p: Readonly<StowedVolumeParams>, out = stowedRecord()): StowedVolumeResult {
  nonNegative('arrayBolPower_W', p.arrayBolPower_W);
  positive('arrayStowedPowerDensity_W_per_m3', p.arrayStowedPowerDensity_W_per_m3);
  nonNegative('radiatorArea_m2', p.radiatorArea_m2);
  positive('radiatorStowedArea_m2_per_m3', p.radiatorStowedArea_m2_per_m3);
  nonNegative('coreMass_kg', p.coreMass_kg);
  const rhoCore = p.corePackagingDensity_kg_m3 ?? DEFAULT_CORE_PACKAGING_DENSITY_kg_m3;
  positive('corePackagingDensity_kg_m3', rhoCore);
  const array_m3 = p.arrayBolPower_W / p.arrayStowedPowerDensity_W_per_m3;
  const radiator_m3 = p.radiatorArea_m2 / p.radiatorStowedArea_m2_per_m3;
  const core_m3 = p.coreMass_kg / rhoCore;
  out.array_m3 = array_m3;
  out.radiator_m3 = radiator_m3;
  out.core_m3 = core_m3;
  out.stowedVolume_m3 = array_m3 + radiator_m3 + core_m3;
  return out;
}

const MIN_PAYLOAD_kg = 1;

/** The launch-vehicle catalog fields this model needs (a `launch-vehicles.yaml` row satisfies it). */
export interface LaunchVehicleSpec {
  readonly payloadLeo_kg: number;
  readonly price_USD: number;
  readonly fairingVolume_m3: number;
  /** The user's guide's usable envelope; absent: the count by volume is η·fairingVolume_m3 ÷ stowed volume. */
  readonly fairing?: Readonly<FairingEnvelope> | undefined;
  /**
   * The dispenser or adapter a launch carries besides its satellites; absent: none (a Starlink-style stack). With a
   * column, the satellites mount in tiers around it instead of filling the envelope in flat layers.
   */
  readonly dispenser?: { readonly mass_kg: number; readonly columnDiameter_m?: number | undefined } | undefined;
}

/** Payload left for satellites once the row's dispenser is carried [kg] (never below 0). */
export function satellitePayload_kg(v: Readonly<LaunchVehicleSpec>, payload_kg: number): number {
  return Math.max(0, payload_kg - (v.dispenser?.mass_kg ?? 0));
}

/**
 * Satellites one launch holds by volume: stowed boxes stacked in the vehicle's envelope where the row gives one and the
 * box is known (src/models/launch/fairingPacking.ts: in tiers around the dispenser's column where it has one, else in
 * flat layers), else ⌊η·V_fairing / V_stowed⌋ (η the packing efficiency).
 */
export function satellitesByVolume(
  v: Readonly<LaunchVehicleSpec>,
  stowedVolume_m3: number,
  eta: number,
  box?: Readonly<StowedBox>,
): number {
  if (v.fairing !== undefined && box !== undefined) {
    const column = v.dispenser?.columnDiameter_m;
    return column === undefined
      ? fairingPacking(v.fairing, box).satellites
      : columnDispenserPacking(v.fairing, box, { diameter_m: column }).satellites;
  }
  return Math.floor((eta * v.fairingVolume_m3) / stowedVolume_m3 + 1e-9);
}

export interface LaunchParams {
  readonly vehicle: Readonly<LaunchVehicleSpec>;
  /** Node launch (wet) mass [kg]. */
  readonly launch_kg: number;
  readonly stowedVolume_m3: number;
  /** The node's stowed box (nodeStowedBox): packed in the vehicle's envelope where the row gives one. */
  readonly stowedBox?: Readonly<StowedBox>;
  /** Market launch price [$/kg]; replaces vehicle price / payload. */
  readonly launchPriceOverride_USD_per_kg?: number | undefined;
  /** Vehicle payload into the node's orbit [kg]; default vehicle.payloadLeo_kg. */
  readonly payload_kg?: number;
  /** Usable fraction of the fairing volume; default 0.7. */
  readonly fairingPackingEfficiency?: number;
}
export interface LaunchResult {
  readonly launchPrice_USD_per_kg: number;
  readonly nodesPerLaunchByMass: number;
  readonly nodesPerLaunchByVolume: number;
  readonly nodesPerLaunch: number;
  readonly launch_USD: number;
}

/** Launch price per kg, nodes per launch (0 if the node does not fit) and launch cost per node. */
export function launchEconomics(p: Readonly<LaunchParams>, out: Scratch<LaunchResult> = launchRecord()): LaunchResult {
  const v = p.vehicle;
  positive('vehicle.payloadLeo_kg', v.payloadLeo_kg);
  nonNegative('vehicle.price_USD', v.price_USD);
  positive('vehicle.fairingVolume_m3', v.fairingVolume_m3);
  positive('launch_kg', p.launch_kg);
  positive('stowedVolume_m3', p.stowedVolume_m3);
  const eta = p.fairingPackingEfficiency ?? DEFAULT_FAIRING_PACKING_EFFICIENCY;
  if (!(eta > 0 && eta <= 1)) throw new RangeError(`fairingPackingEfficiency must be in (0, 1], got ${eta}`);
  // A vehicle that cannot reach the orbit (payload 0) is priced as if it lifted 1 kg: a finite, huge penalty.
  const payload_kg = Math.max(MIN_PAYLOAD_kg, p.payload_kg ?? v.payloadLeo_kg);
  if (p.payload_kg !== undefined) nonNegative('payload_kg', p.payload_kg);
  const byMass = Math.floor(satellitePayload_kg(v, payload_kg) / p.launch_kg);
  const byVolume = satellitesByVolume(v, p.stowedVolume_m3, eta, p.stowedBox);
  const n = Math.min(byMass, byVolume);
  const override = p.launchPriceOverride_USD_per_kg;
  if (override !== undefined) nonNegative('launchPriceOverride_USD_per_kg', override);
  const perKg = override ?? v.price_USD / payload_kg;
  // A node too heavy or too bulky for the vehicle is an infeasible design, not an error: nodesPerLaunch = 0
  // (the caller's "fits the vehicle" constraint flags it) and the cost is the finite, monotone penalty of
  // the fractional number of vehicles it would occupy, so the optimizer still sees a gradient.
  const vehiclesPerNode =
    n >= 1 ? 1 / n : Math.max(p.launch_kg / payload_kg, p.stowedVolume_m3 / (eta * v.fairingVolume_m3));
  out.launchPrice_USD_per_kg = perKg;
  out.nodesPerLaunchByMass = byMass;
  out.nodesPerLaunchByVolume = byVolume;
  out.nodesPerLaunch = n;
  out.launch_USD = override !== undefined ? override * p.launch_kg : v.price_USD * vehiclesPerNode;
  return out;
}
const launchRecord = (): Scratch<LaunchResult> => ({
  launchPrice_USD_per_kg: NaN,
  nodesPerLaunchByMass: NaN,
  nodesPerLaunchByVolume: NaN,
  nodesPerLaunch: NaN,
  launch_USD: NaN,
});

export interface TerrestrialParams {
  readonly itPowerAvg_W: number;
  readonly itPowerPeak_W: number;
  readonly chips: number;
  readonly costPerChip_USD: number;
  readonly peakPFLOPS: number;
  readonly utilization: number;
  readonly lifetime_yr: number;
  readonly electricityPrice_USD_per_kWh?: number;
  readonly pue?: number;
  readonly terrestrialCapex_USD_per_W?: number;
  readonly terrestrialFacilityLife_yr?: number;
  readonly terrestrialAvailability?: number;
}
export interface TerrestrialResult {
  readonly terrestrialEnergy_USD_per_yr: number;
  readonly terrestrialTotal_USD: number;
  readonly terrestrialDeliveredPFLOPS: number;
  readonly terrestrialCostPerKWyr_USD: number;
  readonly terrestrialLcoc_USD_per_PFLOP_day: number;
}

/** The same chips in a terrestrial data center: energy, facility capex, chips. */
export function terrestrialBaseline(
  p: Readonly<TerrestrialParams>,
  out: Scratch<TerrestrialResult> = terrestrialRecord(),
): TerrestrialResult {
  positive('itPowerAvg_W', p.itPowerAvg_W);
  nonNegative('itPowerPeak_W', p.itPowerPeak_W);
  nonNegative('chips', p.chips);
  nonNegative('costPerChip_USD', p.costPerChip_USD);
  positive('peakPFLOPS', p.peakPFLOPS);
  if (!(p.utilization > 0 && p.utilization <= 1))
    throw new RangeError(`utilization must be in (0, 1], got ${p.utilization}`);
  positive('lifetime_yr', p.lifetime_yr);
  const price = p.electricityPrice_USD_per_kWh ?? DEFAULT_ELECTRICITY_PRICE_USD_per_kWh;
  const pue = p.pue ?? DEFAULT_PUE;
  const capex = p.terrestrialCapex_USD_per_W ?? DEFAULT_TERRESTRIAL_CAPEX_USD_per_W;
  const life = p.terrestrialFacilityLife_yr ?? DEFAULT_TERRESTRIAL_FACILITY_LIFE_yr;
  const avail = p.terrestrialAvailability ?? DEFAULT_TERRESTRIAL_AVAILABILITY;
  nonNegative('electricityPrice_USD_per_kWh', price);
  if (!(pue >= 1 && pue <= 5)) throw new RangeError(`pue must be in [1, 5], got ${pue}`);
  nonNegative('terrestrialCapex_USD_per_W', capex);
  positive('terrestrialFacilityLife_yr', life);
  if (!(avail > 0 && avail <= 1)) throw new RangeError(`terrestrialAvailability must be in (0, 1], got ${avail}`);

  const itAvg_kW = p.itPowerAvg_W / W_PER_KW;
  const energyPerYr = itAvg_kW * pue * HOURS_PER_YEAR_h * price;
  const total =
    p.chips * p.costPerChip_USD +
    capex * p.itPowerPeak_W * Math.min(1, p.lifetime_yr / life) +
    energyPerYr * p.lifetime_yr;
  const delivered = p.peakPFLOPS * p.utilization * avail;
  out.terrestrialEnergy_USD_per_yr = energyPerYr;
  out.terrestrialTotal_USD = total;
  out.terrestrialDeliveredPFLOPS = delivered;
  out.terrestrialCostPerKWyr_USD = total / (itAvg_kW * p.lifetime_yr);
  out.terrestrialLcoc_USD_per_PFLOP_day = total / (delivered * p.lifetime_yr * DAYS_PER_YEAR);
  return out;
}
const terrestrialRecord = (): Scratch<TerrestrialResult> => ({
  terrestrialEnergy_USD_per_yr: NaN,
  terrestrialTotal_USD: NaN,
  terrestrialDeliveredPFLOPS: NaN,
  terrestrialCostPerKWyr_USD: NaN,
  terrestrialLcoc_USD_per_PFLOP_day: NaN,
});

export interface CostParams extends LaunchParams, TerrestrialParams {
  readonly deliveredPFLOPS: number;
  readonly arrayBolPower_W: number;
  readonly arrayCost_USD_per_W: number;
  readonly radiatorArea_m2: number;
  readonly radiatorCost_USD_per_m2: number;
  readonly batteryEnergy_Wh: number;
  readonly batteryCost_USD_per_Wh: number;
  /** ISL terminals' cost for the node (from the ISL model) [$]. */
  readonly islCost_USD: number;
  /** The masses the lines priced by mass read (HARDWARE_LINE_ITEMS `kg`) [kg]. */
  readonly mass: PricedMass;
  /** Bus price [USD/kg]; default HARDWARE_LINE_ITEMS's. */
  readonly busCost_USD_per_kg?: number;
  readonly aitFraction?: number;
  /** Space packaging and qualification premium per chip, fraction of its price (costTechnology.ts); default 0. */
  readonly chipIntegrationFraction?: number;
  /** Operations cost per node-year [$]; replaces operationsFraction_per_yr. */
  readonly operations_USD_per_yr?: number;
  readonly operationsFraction_per_yr?: number | undefined;
  /** Price class of each hardware line; default DEFAULT_LINE_PRICE_CLASSES line by line. */
  readonly priceClasses?: Partial<LinePriceClasses>;
}

export interface CostResult extends LaunchResult, TerrestrialResult {
  readonly computeHardware_USD: number;
  /** The chips at market price, without their packaging premium [USD]. */
  readonly chipsAtMarket_USD: number;
  readonly arrayHardware_USD: number;
  readonly radiatorHardware_USD: number;
  readonly batteryHardware_USD: number;
  readonly islHardware_USD: number;
  readonly busHardware_USD: number;
  readonly ait_USD: number;
  readonly hardware_USD: number;
  readonly priceClasses: LinePriceClasses;
  /** Each hardware line [USD]: the figures above, by line (chipIntegration: the chips' packaging premium). */
  readonly lines: Readonly<Record<HardwareLine, number>>;
  /** Hardware lines at a first-unit price: the learning curve's first unit T₁ [USD]. */
  readonly learningHardware_USD: number;
  readonly operations_USD_per_yr: number;
  readonly operations_USD: number;
  readonly total_USD: number;
  readonly lcoc_USD_per_PFLOP_day: number;
  readonly costPerKWyr_USD: number;
  /** Launch alone per kW-year of average IT, launch/(P_avg[kW]·L) [$/kW-yr]: Suncatcher's launched power price. */
  readonly launchPerKWyr_USD: number;
  /** (hardware − chips + launch)/IT average power [$/W], to compare with spacedc-mdao's $/W ex-GPU. */
  readonly capexExChips_USD_per_W: number;
}

/** Rejects negative sizes and prices and a non-positive delivered throughput. */
function checkCostInputs(p: Readonly<CostParams>): void {
  nonNegative('arrayBolPower_W', p.arrayBolPower_W);
  nonNegative('arrayCost_USD_per_W', p.arrayCost_USD_per_W);
  nonNegative('radiatorArea_m2', p.radiatorArea_m2);
  nonNegative('radiatorCost_USD_per_m2', p.radiatorCost_USD_per_m2);
  nonNegative('batteryEnergy_Wh', p.batteryEnergy_Wh);
  nonNegative('batteryCost_USD_per_Wh', p.batteryCost_USD_per_Wh);
  nonNegative('islCost_USD', p.islCost_USD);
  nonNegative('bus_kg', p.mass.bus_kg);
  nonNegative('shielding_kg', p.mass.shielding_kg);
  nonNegative('propellant_kg', p.mass.propellant_kg);
  positive('deliveredPFLOPS', p.deliveredPFLOPS);
}

/** The hardware lines of one node [USD] (header), into `out`'s lines, compute hardware and hardware. */
function lineItems(p: Readonly<CostParams>, out: CostRecord): void {
  const ait = p.aitFraction ?? DEFAULT_AIT_FRACTION;
  if (!(ait >= 0 && ait <= 1)) throw new RangeError(`aitFraction must be in [0, 1], got ${ait}`);
  const chipPremium = p.chipIntegrationFraction ?? 0;
  nonNegative('chipIntegrationFraction', chipPremium);
  const chipsMarket = p.chips * p.costPerChip_USD;
  const computeHw = chipsMarket * (1 + chipPremium);
  const { bus, shielding, propellant } = HARDWARE_LINE_ITEMS;
  const array = p.arrayBolPower_W * p.arrayCost_USD_per_W;
  const radiator = p.radiatorArea_m2 * p.radiatorCost_USD_per_m2;
  const battery = p.batteryEnergy_Wh * p.batteryCost_USD_per_Wh;
  const busHw = p.mass.bus_kg * (p.busCost_USD_per_kg ?? bus.USD_per_kg);
  const shieldHw = p.mass.shielding_kg * shielding.USD_per_kg;
  const propHw = p.mass.propellant_kg * propellant.USD_per_kg;
  const nonChip = array + radiator + battery + p.islCost_USD + busHw + shieldHw + propHw;
  const lines = out.lines;
  lines.chips = chipsMarket;
  lines.chipIntegration = computeHw - chipsMarket;
  lines.array = array;
  lines.radiator = radiator;
  lines.battery = battery;
  lines.isl = p.islCost_USD;
  lines.bus = busHw;
  lines.shielding = shieldHw;
  lines.propellant = propHw;
  lines.ait = ait * nonChip;
  out.computeHardware_USD = computeHw;
  out.hardware_USD = computeHw + nonChip + lines.ait;
}

/**
 * The hardware lines priced first-unit, summed from 0 in HARDWARE_LINES's order [USD] (written out: a loop over the
 * line names reads each through V8's generic keyed load; test/models/cost.test.ts holds it to that loop's double).
 */
function firstUnitSum(c: LinePriceClasses, l: Readonly<Record<HardwareLine, number>>): number {
  const F = 'first-unit';
  let s = 0;
  if (c.chips === F) s += l.chips;
  if (c.chipIntegration === F) s += l.chipIntegration;
  if (c.array === F) s += l.array;
  if (c.radiator === F) s += l.radiator;
  if (c.battery === F) s += l.battery;
  if (c.isl === F) s += l.isl;
  if (c.bus === F) s += l.bus;
  if (c.shielding === F) s += l.shielding;
  if (c.propellant === F) s += l.propellant;
  if (c.ait === F) s += l.ait;
  return s;
}

/**
 * The price class of each line: the given one, else DEFAULT_LINE_PRICE_CLASSES's, every key written out in that order
 * (a spread of the two costs V8 a slow object; node/stages/massDrag.ts sizeRadiation says why).
 */
export function lineClasses(
  pc: Partial<LinePriceClasses>,
  out: Scratch<LinePriceClasses> = { ...DEFAULT_LINE_PRICE_CLASSES },
): LinePriceClasses {
  const d = DEFAULT_LINE_PRICE_CLASSES;
  out.chips = pc.chips ?? d.chips;
  out.chipIntegration = pc.chipIntegration ?? d.chipIntegration;
  out.array = pc.array ?? d.array;
  out.radiator = pc.radiator ?? d.radiator;
  out.battery = pc.battery ?? d.battery;
  out.isl = pc.isl ?? d.isl;
  out.bus = pc.bus ?? d.bus;
  out.shielding = pc.shielding ?? d.shielding;
  out.propellant = pc.propellant ?? d.propellant;
  out.ait = pc.ait ?? d.ait;
  return out;
}

/**
 * A cost result to write into: each of nodeCost's own, or one a lean evaluator keeps and every call rewrites whole
 * (src/node/stages/cost.ts); the placeholders give each field its kind.
 */
export type CostRecord = Scratch<CostResult> & {
  readonly lines: Scratch<CostResult['lines']>;
  readonly priceClasses: Scratch<LinePriceClasses>;
};
export const costRecord = (): CostRecord => ({
  launchPrice_USD_per_kg: NaN,
  nodesPerLaunchByMass: NaN,
  nodesPerLaunchByVolume: NaN,
  nodesPerLaunch: NaN,
  launch_USD: NaN,
  terrestrialEnergy_USD_per_yr: NaN,
  terrestrialTotal_USD: NaN,
  terrestrialDeliveredPFLOPS: NaN,
  terrestrialCostPerKWyr_USD: NaN,
  terrestrialLcoc_USD_per_PFLOP_day: NaN,
  computeHardware_USD: NaN,
  chipsAtMarket_USD: NaN,
  arrayHardware_USD: NaN,
  radiatorHardware_USD: NaN,
  batteryHardware_USD: NaN,
  islHardware_USD: NaN,
  busHardware_USD: NaN,
  ait_USD: NaN,
  hardware_USD: NaN,
  priceClasses: { ...DEFAULT_LINE_PRICE_CLASSES },
  lines: {
    chips: NaN,
    chipIntegration: NaN,
    array: NaN,
    radiator: NaN,
    battery: NaN,
    isl: NaN,
    bus: NaN,
    shielding: NaN,
    propellant: NaN,
    ait: NaN,
  },
  learningHardware_USD: NaN,
  operations_USD_per_yr: NaN,
  operations_USD: NaN,
  total_USD: NaN,
  lcoc_USD_per_PFLOP_day: NaN,
  costPerKWyr_USD: NaN,
  launchPerKWyr_USD: NaN,
  capexExChips_USD_per_W: NaN,
});

/** Full node cost and the terrestrial comparison, written into `out` (every field, every call). */
export function nodeCost(p: Readonly<CostParams>, out: CostRecord = costRecord()): CostResult {
  checkCostInputs(p);
  lineItems(p, out);
  const { lines, hardware_USD: hardware } = out;
  const priceClasses = lineClasses(p.priceClasses ?? {}, out.priceClasses);
  out.learningHardware_USD = firstUnitSum(priceClasses, lines);

  const launch = launchEconomics(p, out);
  terrestrialBaseline(p, out);
  const opsFraction = p.operationsFraction_per_yr ?? DEFAULT_OPERATIONS_FRACTION_per_yr;
  nonNegative('operationsFraction_per_yr', opsFraction);
  const opsYr = p.operations_USD_per_yr ?? opsFraction * (hardware + launch.launch_USD);
  nonNegative('operations_USD_per_yr', opsYr);
  const ops = opsYr * p.lifetime_yr;
  const total = hardware + launch.launch_USD + ops;
  out.chipsAtMarket_USD = lines.chips;
  out.arrayHardware_USD = lines.array;
  out.radiatorHardware_USD = lines.radiator;
  out.batteryHardware_USD = lines.battery;
  out.islHardware_USD = lines.isl;
  out.busHardware_USD = lines.bus;
  out.ait_USD = lines.ait;
  out.operations_USD_per_yr = opsYr;
  out.operations_USD = ops;
  out.total_USD = total;
  out.lcoc_USD_per_PFLOP_day = total / (p.deliveredPFLOPS * p.lifetime_yr * DAYS_PER_YEAR);
  out.costPerKWyr_USD = total / ((p.itPowerAvg_W / W_PER_KW) * p.lifetime_yr);
  out.launchPerKWyr_USD = launch.launch_USD / ((p.itPowerAvg_W / W_PER_KW) * p.lifetime_yr);
  // the chips at market price come out; their space-packaging premium stays (integration work)
  out.capexExChips_USD_per_W = (hardware - lines.chips + launch.launch_USD) / p.itPowerAvg_W;
  return out;
}
