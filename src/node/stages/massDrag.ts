/**
 * The node sizing stages after power (node.ts runs them in order): radiation dose and shielding, then dry mass →
 * drag (on the dry mass) → propellant → launch mass; and the mass technology factors the record notes quote.
 */
import type { MassSizing, Payload, Radiation, StageResults } from '../record/nodeRecord.js';
import type { Design, Rows } from '../record/rows.js';
import { radiationDose, TrappedDose, type RadiationDoseParams } from '../../models/radiation/radiation.js';
import { solarProtonDose, type SolarProtonDoseParams } from '../../models/radiation/solarProtonDose.js';
import {
  dryMass,
  MASS_TECHNOLOGY,
  massBudget,
  massBudgetRecord,
  type MassBudgetParams,
} from '../../models/mass/mass.js';
import {
  DragBudget,
  dragBudget,
  orbitAverageDragArea_m2,
  type DragAreaParams,
  type DragParams,
} from '../../models/drag/drag.js';
import type { Scratch } from '../../base/scratch.js';
import { km_to_m, mm_to_m } from '../../base/convert.js';
import { vehiclePayloadToOrbit, type PayloadToOrbitResult } from '../../models/launch/launchPerformance.js';

/** Allocation of a design that gives neither launch.mass_kg nor launch.nodesPerLaunch [kg] (estimate). */
export const DEFAULT_LAUNCH_ALLOCATION_kg = 2500;

/**
 * The vehicle's payload into the node's orbit (published points only, src/models/launch/launchPerformance.ts) and the
 * mass allocated to the node: launch.mass_kg, or that payload ÷ launch.nodesPerLaunch (0 when the vehicle is refused
 * for the orbit: the closure constraint then fails), or the default.
 */
export function launchAllocation(
  design: Design,
  vehicle: Rows['vehicle'],
  inclination_rad: number,
): { payload: PayloadToOrbitResult; allocated_kg: number } {
  const payload = vehiclePayloadToOrbit(vehicle, km_to_m(design.orbit.altitude_km), inclination_rad);
  const { mass_kg, nodesPerLaunch } = design.launch;
  const allocated_kg =
    mass_kg ?? (nodesPerLaunch !== undefined ? payload.payload_kg / nodesPerLaunch : DEFAULT_LAUNCH_ALLOCATION_kg);
  return { payload, allocated_kg };
}

/** Electronics enclosure packaging density for the shielded volume [kg/m³] (dense server electronics, estimate). */
const ELECTRONICS_PACKAGING_DENSITY_kg_m3 = 500;
/** Bus frontal area per kg^(2/3) of dry mass: a ~200 kg/m³ core box seen face-on (estimate). */
const CORE_DENSITY_FOR_AREA_kg_m3 = 200;

/**
 * The solar-proton model's input, rewritten before every call (base/scratch.ts: it keeps nothing of its input; the
 * trapped dose keeps its own, so it gets a literal).
 */
const SEP_IN: Scratch<SolarProtonDoseParams> = {
  altitude_m: NaN,
  inclination_rad: NaN,
  shieldThickness_m: NaN,
  missionLife_yr: NaN,
};

export function sizeRadiation(
  design: Design,
  { orbit, compute }: Payload,
  into: RadiationResults | null = null,
): Radiation {
  const { mission, radiation: r } = design;
  // Shielding wraps the compute electronics: a cube of the compute mass at electronics packaging density.
  const shieldedVolume_m3 = compute.mass_kg / ELECTRONICS_PACKAGING_DENSITY_kg_m3;
  const shieldedArea_m2 = 6 * Math.cbrt(shieldedVolume_m3) ** 2;
  const altitude_m = km_to_m(design.orbit.altitude_km);
  const shieldThickness_m = mm_to_m(r.shielding_mm_al);
  // the trapped dose keeps its input for its components: a fresh one unless the lean evaluator keeps both
  const d = into?.input ?? trappedInput();
  d.altitude_m = altitude_m;
  d.inclination_rad = orbit.inclination_rad;
  d.shieldThickness_m = shieldThickness_m;
  d.missionLife_yr = mission.lifetime_yr;
  d.designMargin = mission.radiationDesignMargin;
  d.trappedDoseFactor = r.trappedDoseFactor;
  d.shieldedArea_m2 = shieldedArea_m2;
  const trapped = radiationDose(d, into?.trapped);
  // Solar protons reach the orbit where the geomagnetic cutoff lets them (high latitudes); the margin covers both.
  const e = SEP_IN;
  e.altitude_m = altitude_m;
  e.inclination_rad = orbit.inclination_rad;
  e.shieldThickness_m = shieldThickness_m;
  e.missionLife_yr = mission.lifetime_yr;
  const sep = solarProtonDose(e).doseRate_rad_per_yr;
  return (into?.sizing ?? new RadiationSizing()).of(trapped, sep, mission.lifetime_yr, mission.radiationDesignMargin);
}

/** The trapped dose's input; the placeholders give each field its kind. */
const trappedInput = (): Scratch<RadiationDoseParams> => ({
  altitude_m: NaN,
  inclination_rad: NaN,
  shieldThickness_m: NaN,
  missionLife_yr: NaN,
  designMargin: NaN,
  trappedDoseFactor: NaN,
  shieldedArea_m2: NaN,
});

/**
 * The radiation stage's records a lean evaluator keeps (sizeRadiation's `into`): the trapped dose's input and result
 * and the summed sizing, each call rewriting them, the caller reading them before the next design.
 */
export interface RadiationResults {
  readonly input: Scratch<RadiationDoseParams>;
  readonly trapped: TrappedDose;
  readonly sizing: RadiationSizing;
}
export const radiationResults = (): RadiationResults => ({
  input: trappedInput(),
  trapped: new TrappedDose(),
  sizing: new RadiationSizing(),
});

/**
 * The trapped and solar-proton doses summed, the trapped components (what only a record reads) read through when
 * read. A class, not an object literal with getters (V8 defines a literal's accessors on every call); `of` writes every
 * field.
 */
class RadiationSizing implements Radiation {
  doseRate_rad_per_yr = NaN;
  missionDose_rad = NaN;
  shieldArealDensity_kg_m2 = NaN;
  shieldingMass_kg = NaN;
  trappedDoseRate_rad_per_yr = NaN;
  solarProtonDoseRate_rad_per_yr = NaN;
  private trapped = undefined as unknown as ReturnType<typeof radiationDose>;
  of(trapped: ReturnType<typeof radiationDose>, sep: number, lifetime_yr: number, margin: number): this {
    this.trapped = trapped;
    this.solarProtonDoseRate_rad_per_yr = sep;
    const rate = trapped.doseRate_rad_per_yr + sep;
    this.doseRate_rad_per_yr = rate;
    this.missionDose_rad = rate * lifetime_yr * margin;
    this.shieldArealDensity_kg_m2 = trapped.shieldArealDensity_kg_m2;
    this.shieldingMass_kg = trapped.shieldingMass_kg;
    this.trappedDoseRate_rad_per_yr = trapped.doseRate_rad_per_yr;
    return this;
  }
  get protonDoseRate_rad_per_yr(): number {
    return this.trapped.protonDoseRate_rad_per_yr;
  }
  get electronDoseRate_rad_per_yr(): number {
    return this.trapped.electronDoseRate_rad_per_yr;
  }
  get bremsstrahlungDoseRate_rad_per_yr(): number {
    return this.trapped.bremsstrahlungDoseRate_rad_per_yr;
  }
}

/**
 * The mass, drag-area and drag models' inputs, one record each rewritten by every call before the model reads it (the
 * models keep nothing of their input): V8 stores a number into an existing field in place, where a literal per call
 * allocates the record and a box for each of its numbers.
 */
const MASS_IN: Scratch<MassBudgetParams> = {
  compute_kg: NaN,
  array_kg: NaN,
  battery_kg: NaN,
  radiator_kg: NaN,
  shielding_kg: NaN,
  isl_kg: NaN,
  busFraction: NaN,
  marginFraction: NaN,
  propellant_kg: NaN,
  allocated_kg: NaN,
  itPowerAvg_W: NaN,
  propellantTankFraction: NaN,
};
const AREA_IN: Scratch<DragAreaParams> = {
  arrayArea_m2: NaN,
  radiatorArea_m2: NaN,
  busArea_m2: NaN,
  arrayProjectionFactor: NaN,
  radiatorProjectionFactor: NaN,
};
const DRAG_IN: Scratch<DragParams> = {
  altitude_m: NaN,
  solarActivity: 'moderate',
  dryMass_kg: NaN,
  dragArea_m2: NaN,
  lifetime_yr: NaN,
  dragCoefficient: NaN,
  disposalSolarActivity: 'moderate',
  disposalSolarCycle: 'fixed',
  disposalDragArea_m2: NaN,
  extraDeltaV_m_s_per_yr: NaN,
};

/**
 * The mass and drag stage's results a lean evaluator keeps (sizeMassAndDrag's `into`): each call rewrites every field,
 * and the caller reads them before the next design (src/node/evaluate.ts nodeMetricsEvaluator).
 */
export type MassResults = Scratch<MassSizing> & {
  readonly drag: DragBudget;
  readonly mass: Scratch<MassSizing['mass']>;
};
export const massResults = (): MassResults => ({
  dragArea_m2: NaN,
  drag: new DragBudget(),
  mass: massBudgetRecord(),
  launchPayload: undefined as unknown as MassSizing['launchPayload'], // an object, written before it is read
});

/**
 * Dry mass → drag (on the dry mass) → propellant → launch mass, against the launch allocation; into `into`'s records (a
 * lean evaluation's), else fresh ones (a record keeps them).
 */
export function sizeMassAndDrag(
  design: Design,
  vehicle: Rows['vehicle'],
  { payload, thermal, power: { system: power }, rad }: Pick<StageResults, 'payload' | 'thermal' | 'power' | 'rad'>,
  into: MassResults | null = null,
): MassSizing {
  const { compute, isl, orbit } = payload;
  const { mission, power: p, thermal: t, drag: d } = design;
  const launch = launchAllocation(design, vehicle, orbit.inclination_rad);
  // the separately sized items and the bus and margin factors, for the dry mass and again for the mass budget
  const m = MASS_IN;
  m.compute_kg = compute.mass_kg;
  m.array_kg = power.arrayMass_kg;
  m.battery_kg = power.batteryMass_kg;
  m.radiator_kg = thermal.radiatorMass_kg;
  m.shielding_kg = rad.shieldingMass_kg;
  m.isl_kg = isl.mass_kg;
  const factors = massFactors(design);
  m.busFraction = factors.busFraction;
  m.marginFraction = factors.marginFraction;
  // the lean record's mass budget holds the dry mass until massBudget rewrites it with the same figures
  const dry = dryMass(m, into?.mass);
  const busArea_m2 = Math.cbrt(dry.dry_kg / CORE_DENSITY_FOR_AREA_kg_m3) ** 2;
  const a = AREA_IN;
  a.arrayArea_m2 = p.arrayArea_m2;
  a.radiatorArea_m2 = t.radiatorArea_m2;
  a.busArea_m2 = busArea_m2;
  a.arrayProjectionFactor = d.arrayProjectionFactor;
  a.radiatorProjectionFactor = d.radiatorProjectionFactor;
  const { dragArea_m2, minimumDragArea_m2 } = orbitAverageDragArea_m2(a);
  // The launcher inserts the node directly into its orbit (the payload is the vehicle's into that orbit, see sizeCost):
  // no orbit raise to budget.
  const b = DRAG_IN;
  b.altitude_m = km_to_m(design.orbit.altitude_km);
  b.solarActivity = mission.solarActivity;
  b.dryMass_kg = dry.dry_kg;
  b.dragArea_m2 = dragArea_m2;
  b.lifetime_yr = mission.lifetime_yr;
  b.dragCoefficient = d.dragCoefficient;
  b.disposalSolarActivity = d.disposalSolarActivity ?? mission.solarActivity;
  b.disposalSolarCycle = d.disposalSolarCycle;
  b.disposalDragArea_m2 = disposalArea_m2(design, dragArea_m2, minimumDragArea_m2, busArea_m2);
  b.extraDeltaV_m_s_per_yr = d.formationKeepingDeltaV_m_s_per_yr;
  const drag = dragBudget(b, into?.drag);
  m.propellant_kg = drag.propellantMass_kg;
  // floored at 1 g: a refused vehicle's zero payload gives an allocation nothing fits, never a model error
  m.allocated_kg = Math.max(launch.allocated_kg, 1e-3);
  m.itPowerAvg_W = compute.itPowerAvg_W;
  m.propellantTankFraction = design.mass.propellantTankFraction;
  if (into === null) return { dragArea_m2, drag, mass: massBudget(m), launchPayload: launch.payload };
  massBudget(m, into.mass);
  into.dragArea_m2 = dragArea_m2;
  into.launchPayload = launch.payload;
  return into;
}

/**
 * Drag area of the dead node: a node that cannot hold attitude tumbles, and a randomly tumbling flat plate presents
 * half its one-face area on average (mean projection of a convex body = 1/4 of its surface, Cauchy), the bus face-on.
 */
function disposalArea_m2(design: Design, operational_m2: number, minimum_m2: number, busArea_m2: number): number {
  const attitude = design.drag.disposalAttitude;
  if (attitude === 'operational') return operational_m2;
  if (attitude === 'edge-on') return minimum_m2;
  return 0.5 * (design.power.arrayArea_m2 + design.thermal.radiatorArea_m2) + busArea_m2;
}

/** Bus fraction and system margin: the technology preset, overridden key by key. */
export function massFactors(design: Design): { busFraction: number; marginFraction: number } {
  const preset = MASS_TECHNOLOGY[design.mass.technology];
  return {
    busFraction: design.mass.busFraction ?? preset.busFraction,
    marginFraction: design.mass.systemMargin ?? preset.marginFraction,
  };
}
