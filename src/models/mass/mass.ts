/**
 * Node mass budget: subsystem roll-up, bus allocation, system margin, propellant, launch mass,
 * closure against the allocated launch mass, and specific power (kW of IT per tonne).
 *
 * Method (concept-phase roll-up): Σ = compute + array + battery + radiator + shielding + ISL; bus = f_bus·Σ;
 * basic dry = Σ + bus; dry = basic dry·(1 + f_margin); launch = dry + f_tank·propellant + propellant;
 * closure = allocated − launch (≥ 0 closes); kW_per_t = IT average power [kW] / launch mass [t].
 * Defaults: f_bus = 0.25 (ESTIMATE; Campbell & McCandless 1996 p. 191; Brown, "Elements of Spacecraft Design",
 * AIAA 2002, ch. 2), f_margin = 0.20 (ESA CDF phase 0/A practice; AIAA S-120A-2015), f_tank = 0 (Goebel & Katz 2008).
 * Order: `dryMass` → drag model (propellant from the dry mass) → `massBudget`; no iteration.
 * Validity: all masses ≥ 0, 0 ≤ f_bus ≤ 2, 0 ≤ f_margin ≤ 1, 0 ≤ f_tank ≤ 1, allocated > 0, IT power ≥ 0.
 * Derivation, evidence and costs: docs/models.md §"Mass budget".
 */
import { nonNegative } from '../validate.js';
import type { Scratch } from '../../base/scratch.js';

/**
 * Technology presets: a consistent (bus fraction, system margin) pair, bus given as a share b of basic dry mass
 * and converted to f_bus = b / (1 − b) of the sized items.
 * - heritage: a conventional bus, b = 1/3 (Brown, "Elements of Spacecraft Design", AIAA 2002, ch. 2: structure
 *   alone ~21–29 % of dry mass, plus ACS, C&DH, harness, propulsion), margin 0.25 (AIAA S-120A-2015 growth
 *   allowances for new, conceptual items reach 25–30 %);
 * - current: the defaults above (b = 20 %, margin 20 %, ESA CDF phase A);
 * - aggressive: a mass-produced, power-dominated bus, b = 10 % (an ESTIMATE for Starlink-class production
 *   buses, where arrays, radiators and payload dominate), margin 0.10 (mature, flight-proven parts in
 *   AIAA S-120A's lower growth-allowance classes).
 */
export const MASS_TECHNOLOGY = {
  heritage: { busFraction: 0.5, marginFraction: 0.25 },
  current: { busFraction: 0.25, marginFraction: 0.2 },
  aggressive: { busFraction: 0.1 / 0.9, marginFraction: 0.1 },
} as const;

/** Default bus mass as a fraction of the separately sized items (estimate; see header). */
export const DEFAULT_BUS_FRACTION = 0.25;
/** Default system margin on basic dry mass (ESA CDF phase-A practice; AIAA S-120A-2015 order). */
export const DEFAULT_SYSTEM_MARGIN_FRACTION = 0.2;

/**
 * The sized items, the mass line items the bus and the system margin scale with, in the budget's order, each with its
 * description and its label (its budget row and chart bar): the one table the roll-up sums and the record's mass
 * section (src/node/record/fields.ts), the budget rows (src/report/budget/budget.ts) and the mass charts read. Its
 * price, if it has one: src/models/cost/cost.ts HARDWARE_LINE_ITEMS.
 */
export const SIZED_ITEMS = {
  compute_kg: ['Compute payload (chips, boards, packaging) [kg]', 'compute'],
  array_kg: ['Solar array [kg]', 'solar array'],
  battery_kg: ['Battery [kg]', 'battery'],
  radiator_kg: ['Radiator and coolant loop [kg]', 'radiator'],
  shielding_kg: ['Radiation shielding [kg]', 'shielding'],
  isl_kg: ['Laser terminals [kg]', 'ISL terminals'],
} as const;
export type SizedItem = keyof typeof SIZED_ITEMS;
export const SIZED_ITEMS_KG = Object.keys(SIZED_ITEMS) as SizedItem[];

export type DryMassParams = Readonly<Record<SizedItem, number>> & {
  /** Bus mass / sized-items mass; default 0.25. */
  readonly busFraction?: number;
  /** System margin on basic dry mass; default 0.20. */
  readonly marginFraction?: number;
};

export interface DryMassResult {
  /** Σ of the separately sized items [kg]. */
  readonly sizedItems_kg: number;
  readonly bus_kg: number;
  /** Sized items + bus, before margin [kg]. */
  readonly basicDry_kg: number;
  readonly margin_kg: number;
  /** Dry mass including margin [kg]. */
  readonly dry_kg: number;
}

export type MassBudgetParams = DryMassParams & {
  /** Propellant from the drag model (computed from dry_kg) [kg]. */
  readonly propellant_kg: number;
  /** Launch mass allocated to one node [kg] (> 0). */
  readonly allocated_kg: number;
  /** Average IT power [W], for kW_per_t. */
  readonly itPowerAvg_W: number;
  /** Tank mass per kg of propellant [-]; default 0 (tankage inside the bus fraction). */
  readonly propellantTankFraction?: number;
};

export type MassBudgetResult = DryMassResult &
  Readonly<Record<SizedItem, number>> & {
    readonly propellant_kg: number;
    /** Propellant tankage counted outside the bus [kg]. */
    readonly propellantTank_kg: number;
    /** Built-up launch (wet) mass including margin [kg]. */
    readonly launch_kg: number;
    readonly allocated_kg: number;
    /** allocated − launch [kg]; negative when the budget does not close. */
    readonly closureMargin_kg: number;
    /** (allocated − launch)/allocated. */
    readonly closureMarginFraction: number;
    /** IT average power per launch mass [kW/t] (= W/kg). */
    readonly kW_per_t: number;
  };

/** The line items the launch mass is the sum of, in the budget's order. */
export const LAUNCH_MASS_ITEMS_KG = [
  ...SIZED_ITEMS_KG,
  'bus_kg',
  'margin_kg',
  'propellant_kg',
  'propellantTank_kg',
] as const;

/** Dry mass with bus and system margin, written into `out` (every field); call before the drag model. */
export function dryMass(
  p: Readonly<DryMassParams>,
  out: Scratch<DryMassResult> = { sizedItems_kg: NaN, bus_kg: NaN, basicDry_kg: NaN, margin_kg: NaN, dry_kg: NaN },
): DryMassResult {
  // SIZED_ITEMS_KG's checks and sum written out in its order (a loop over the keys reads each through V8's generic
  // keyed load, ~4 % of a lean evaluation); test/models/mass.test.ts holds the two to the same doubles
  nonNegative('compute_kg', p.compute_kg);
  nonNegative('array_kg', p.array_kg);
  nonNegative('battery_kg', p.battery_kg);
  nonNegative('radiator_kg', p.radiator_kg);
  nonNegative('shielding_kg', p.shielding_kg);
  nonNegative('isl_kg', p.isl_kg);
  const fBus = p.busFraction ?? DEFAULT_BUS_FRACTION;
  const fMargin = p.marginFraction ?? DEFAULT_SYSTEM_MARGIN_FRACTION;
  if (!(fBus >= 0 && fBus <= 2)) throw new RangeError(`busFraction must be in [0, 2], got ${fBus}`);
  if (!(fMargin >= 0 && fMargin <= 1)) throw new RangeError(`marginFraction must be in [0, 1], got ${fMargin}`);
  // summed from 0 in the list's order
  const sized = 0 + p.compute_kg + p.array_kg + p.battery_kg + p.radiator_kg + p.shielding_kg + p.isl_kg;
  if (!(sized > 0)) throw new RangeError('the sized items must have a total mass > 0 kg');
  const bus = fBus * sized;
  const basic = sized + bus;
  const margin = fMargin * basic;
  out.sizedItems_kg = sized;
  out.bus_kg = bus;
  out.basicDry_kg = basic;
  out.margin_kg = margin;
  out.dry_kg = basic + margin;
  return out;
}

/**
 * A mass budget to write into: each call's own, or one a lean evaluator keeps and every call rewrites whole
 * (src/node/stages/massDrag.ts); the placeholders give each field its kind.
 */
export const massBudgetRecord = (): Scratch<MassBudgetResult> => ({
  sizedItems_kg: NaN,
  bus_kg: NaN,
  basicDry_kg: NaN,
  margin_kg: NaN,
  dry_kg: NaN,
  compute_kg: NaN,
  array_kg: NaN,
  battery_kg: NaN,
  radiator_kg: NaN,
  shielding_kg: NaN,
  isl_kg: NaN,
  propellant_kg: NaN,
  propellantTank_kg: NaN,
  launch_kg: NaN,
  allocated_kg: NaN,
  closureMargin_kg: NaN,
  closureMarginFraction: NaN,
  kW_per_t: NaN,
});

/** Full mass budget with propellant, closure against the allocation, and kW per tonne, written into `out`. */
export function massBudget(p: Readonly<MassBudgetParams>, out = massBudgetRecord()): MassBudgetResult {
  const d = dryMass(p, out);
  nonNegative('propellant_kg', p.propellant_kg);
  nonNegative('itPowerAvg_W', p.itPowerAvg_W);
  if (!(p.allocated_kg > 0 && Number.isFinite(p.allocated_kg)))
    throw new RangeError(`allocated_kg must be > 0, got ${p.allocated_kg}`);
  const fTank = p.propellantTankFraction ?? 0;
  if (!(fTank >= 0 && fTank <= 1)) throw new RangeError(`propellantTankFraction must be in [0, 1], got ${fTank}`);
  const tank = fTank * p.propellant_kg;
  const launch = d.dry_kg + tank + p.propellant_kg;
  const closure = p.allocated_kg - launch;
  out.compute_kg = p.compute_kg;
  out.array_kg = p.array_kg;
  out.battery_kg = p.battery_kg;
  out.radiator_kg = p.radiator_kg;
  out.shielding_kg = p.shielding_kg;
  out.isl_kg = p.isl_kg;
  out.propellant_kg = p.propellant_kg;
  out.propellantTank_kg = tank;
  out.launch_kg = launch;
  out.allocated_kg = p.allocated_kg;
  out.closureMargin_kg = closure;
  out.closureMarginFraction = closure / p.allocated_kg;
  out.kW_per_t = p.itPowerAvg_W / launch;
  return out;
}
