/**
 * Atmospheric drag on a node: station-keeping Δv and propellant, passive decay after end of life,
 * and the FCC 5-year disposal check.
 *
 * Equations: B = m/(C_D·A), C_D = 2.2 default, m the dry mass; a_D = ½·ρ·v²/B, v = √(μ/a); Δv/yr = a_D × one Julian
 * year (+ `extraDeltaV_m_s_per_yr`); orbit raise Δv = |√(μ/r₁) − √(μ/r₂)| (Edelbaum); propellant
 * m_p = m_dry·(exp(Δv_total/(I_sp·g₀)) − 1), I_sp default 1,500 s (Goebel & Katz, JPL 2008, ch. 7); passive decay to
 * 200 km as in atmosphere.ts.
 * FCC "5-year rule": 47 CFR 25.283(e) (FCC 22-74, 29 Sep 2022), checked on PASSIVE decay only.
 * Source: CIRA-2012 table (atmosphere.ts); docs/sources.md §6, validation cases 10 and 12.
 * Disposal knobs: `disposalSolarCycle` (fixed or through the cycle, decaySolarCycle.ts), `disposalDragArea_m2`.
 * Validity: mission altitude 100–2,000 km. Fixed solar activity for station keeping; circular orbit.
 * Derivation, evidence and costs: docs/models.md §"Drag, station keeping and disposal".
 */
import { EARTH_MU_m3_s2, EARTH_RADIUS_m, JULIAN_YEAR_s, STANDARD_GRAVITY_m_s2 } from '../../base/constants.js';
import { km_to_m } from '../../base/convert.js';
import { cira2012Density, decayIntegral_s_m2_per_kg, type SolarActivity } from './atmosphere.js';
import {
  DEFAULT_DECAY_CAP_yr,
  START_PHASES_PER_CYCLE,
  solarCycleDecay,
  type SolarCycleDecayResult,
} from './decaySolarCycle.js';
import { DECAY_TABLE_MAX_RELATIVE_ERROR } from './decaySolarCycleTable.js';
import { positive } from '../validate.js';
import type { Scratch } from '../../base/scratch.js';

export type { SolarActivity } from './atmosphere.js';

/** How solar activity varies during the passive decay (docs/models.md §"Drag, station keeping and disposal"). */
export type DisposalSolarCycle = 'fixed' | 'cycle-phase' | 'cycle-mean' | 'cycle-worst';
const CYCLE_MODES = { 'cycle-phase': 'phase', 'cycle-mean': 'mean', 'cycle-worst': 'worst' } as const;

/** Default drag coefficient [-]: free-molecular flat plate / typical satellite (Vallado; ESA SDC6 Mir 2.214). */
export const DEFAULT_DRAG_COEFFICIENT = 2.2;
/** Default electric-propulsion specific impulse [s]: Hall-effect thruster (Goebel & Katz 2008, ch. 7). */
export const DEFAULT_EP_ISP_s = 1500;
/** End altitude of the passive-decay integral [m]: below ~200 km re-entry follows within days. */
export const DEFAULT_DISPOSAL_ALTITUDE_m = km_to_m(200);
/** FCC post-mission disposal limit [yr]: 47 CFR 25.283(e), FCC 22-74. */
export const FCC_DISPOSAL_LIMIT_yr = 5;

export interface DragParams {
  /** Mission (station-kept) altitude [m], 100–2,000 km. */
  readonly altitude_m: number;
  readonly solarActivity: SolarActivity;
  /** Dry mass including margin [kg] (> 0). */
  readonly dryMass_kg: number;
  /** Orbit-averaged area projected on the velocity vector [m²] (> 0); see `orbitAverageDragArea_m2`. */
  readonly dragArea_m2: number;
  /** Mission lifetime [yr] (≥ 0). */
  readonly lifetime_yr: number;
  /** Drag coefficient [-]; default 2.2. */
  readonly dragCoefficient?: number;
  /** Solar activity for the passive decay in the 'fixed' model; default `solarActivity`. */
  readonly disposalSolarActivity?: SolarActivity;
  /** Solar-activity model of the passive decay; default 'fixed'. */
  readonly disposalSolarCycle?: DisposalSolarCycle;
  /** Start of the decay for 'cycle-phase' [yr after solar minimum], or 'min' / 'max'; default 'min'. */
  readonly disposalCyclePhase?: number | 'min' | 'max';
  /**
   * Area projected on the flow during the passive decay [m²] (> 0); default `dragArea_m2`. FCC check: the minimum area.
   */
  readonly disposalDragArea_m2?: number;
  /** Station-keeping thruster specific impulse [s]; default 1,500 s. */
  readonly isp_s?: number;
  /** Launch insertion altitude [m]; default = altitude_m (no orbit raise). */
  readonly insertionAltitude_m?: number;
  /** Altitude where passive decay is considered complete [m]; default 200 km. */
  readonly disposalAltitude_m?: number;
  /** Allowed passive disposal time [yr]; default 5 (FCC). */
  readonly disposalLimit_yr?: number;
  /** Station keeping beyond drag make-up [m/s per yr] (≥ 0); default 0. */
  readonly extraDeltaV_m_s_per_yr?: number;
}

export interface DragResult {
  readonly density_kg_m3: number;
  readonly ballisticCoefficient_kg_m2: number;
  readonly dragAcceleration_m_s2: number;
  readonly stationKeepingDeltaV_m_s_per_yr: number;
  readonly orbitRaiseDeltaV_m_s: number;
  readonly totalDeltaV_m_s: number;
  readonly propellantMass_kg: number;
  /** Passive decay time from altitude_m to the disposal altitude [yr]; finite, may be very large. */
  readonly passiveDecay_yr: number;
  readonly fccCompliant: boolean;
  /** B of the passive decay, m/(C_D·disposal area) [kg/m²]. */
  readonly disposalBallisticCoefficient_kg_m2: number;
  readonly disposalSolarCycle: DisposalSolarCycle;
  /** True when a cycle integration passed its 200-yr cap: passiveDecay_yr is then a cycle-mean estimate. */
  readonly passiveDecayOverCap: boolean;
  /** One phrase naming the disposal model, attitude area and B used, for report notes. */
  readonly disposalModel: string;
}

/** Δv [m/s] between circular orbits at the insertion altitude h1 [m] and the operating one (v² = μ/r). */
function orbitRaiseDeltaV(h1: number, v2: number): number {
  if (!(h1 >= km_to_m(100) && h1 <= km_to_m(2000))) {
    throw new RangeError(`insertionAltitude_m must be within 100–2000 km, got ${h1 / 1000} km`);
  }
  return Math.abs(Math.sqrt(EARTH_MU_m3_s2 / (EARTH_RADIUS_m + h1)) - Math.sqrt(v2));
}

/** Rocket equation: propellant [kg] for Δv [m/s] on dry mass [kg]; throws when no budget can close. */
function propellantMass(dryMass_kg: number, dvTotal: number, isp_s: number): number {
  const propellant = dryMass_kg * Math.expm1(dvTotal / (isp_s * STANDARD_GRAVITY_m_s2));
  if (!Number.isFinite(propellant)) {
    throw new RangeError(
      `station keeping needs ${dvTotal.toExponential(2)} m/s over the lifetime: no propellant budget can close (raise altitude or B)`,
    );
  }
  return propellant;
}

/** What the disposal note quotes: the decay's ends, attitude area, B and solar-activity model. */
interface DisposalInputs {
  readonly altitude_m: number;
  readonly disposal_m: number;
  /** The orbit-average area, to tell the disposal attitude's area from it [m²]. */
  readonly dragArea_m2: number;
  readonly disposalArea_m2: number;
  readonly Bd: number;
  readonly model: DisposalSolarCycle;
  readonly activity: SolarActivity;
  readonly cycle: SolarCycleDecayResult | undefined;
}

/** One phrase naming the disposal model, attitude area and B used, for report notes. */
function disposalModelNote(d: DisposalInputs): string {
  const { cycle, model } = d;
  const how =
    cycle === undefined
      ? `${d.activity} solar activity held fixed (CIRA-2012)`
      : `the CIRA-2012 solar-cycle template, ${model === 'cycle-phase' ? 'one start phase' : `${model.slice(6)} of ${START_PHASES_PER_CYCLE} start phases`}` +
        (cycle.startPhase_yr === null ? '' : ` (start ${cycle.startPhase_yr.toFixed(1)} yr after solar minimum)`) +
        (cycle.tabulated ? ` (tabulated: within ${100 * DECAY_TABLE_MAX_RELATIVE_ERROR} % of the integration)` : '') +
        (cycle.overCap ? `; beyond the ${DEFAULT_DECAY_CAP_yr}-yr integration cap, a cycle-mean estimate` : '');
  return (
    `passive decay ${(d.altitude_m / 1000).toFixed(0)}→${(d.disposal_m / 1000).toFixed(0)} km through ${how}; ` +
    `${d.disposalArea_m2 === d.dragArea_m2 ? 'orbit-average' : 'disposal-attitude'} area ${d.disposalArea_m2.toPrecision(3)} m², B = ${d.Bd.toPrecision(3)} kg/m²`
  );
}

/**
 * dragBudget's result: each call's own, or one a lean evaluator keeps and every call rewrites whole
 * (src/node/stages/massDrag.ts). `disposalModel`, a phrase for report notes, is formatted when first read: an
 * optimizer's evaluation never reads it, and formatting its numbers was a measurable share of one.
 */
export class DragBudget implements DragResult {
  density_kg_m3 = NaN;
  ballisticCoefficient_kg_m2 = NaN;
  dragAcceleration_m_s2 = NaN;
  stationKeepingDeltaV_m_s_per_yr = NaN;
  orbitRaiseDeltaV_m_s = NaN;
  totalDeltaV_m_s = NaN;
  propellantMass_kg = NaN;
  passiveDecay_yr = NaN;
  fccCompliant = false;
  disposalBallisticCoefficient_kg_m2 = NaN;
  disposalSolarCycle: DisposalSolarCycle = 'fixed';
  passiveDecayOverCap = false;
  #note: string | undefined = undefined;
  readonly #disposal: Scratch<DisposalInputs> = {
    altitude_m: NaN,
    disposal_m: NaN,
    dragArea_m2: NaN,
    disposalArea_m2: NaN,
    Bd: NaN,
    model: 'fixed',
    activity: 'moderate',
    cycle: undefined,
  };
  get disposalModel(): string {
    return (this.#note ??= disposalModelNote(this.#disposal));
  }
  /** The note's inputs, this result's (the note of the figures before is dropped). */
  disposalFrom(
    altitude_m: number,
    disposal_m: number,
    dragArea_m2: number,
    disposalArea_m2: number,
    activity: SolarActivity,
    cycle: SolarCycleDecayResult | undefined,
  ): void {
    this.#note = undefined;
    const d = this.#disposal;
    d.altitude_m = altitude_m;
    d.disposal_m = disposal_m;
    d.dragArea_m2 = dragArea_m2;
    d.disposalArea_m2 = disposalArea_m2;
    d.Bd = this.disposalBallisticCoefficient_kg_m2;
    d.model = this.disposalSolarCycle;
    d.activity = activity;
    d.cycle = cycle;
  }
}

/** Drag, station keeping, propellant and passive disposal for one node. */
export function dragBudget(p: Readonly<DragParams>, out = new DragBudget()): DragResult {
  positive('dryMass_kg', p.dryMass_kg);
  positive('dragArea_m2', p.dragArea_m2);
  const cd = p.dragCoefficient ?? DEFAULT_DRAG_COEFFICIENT;
  positive('dragCoefficient', cd);
  const isp_s = p.isp_s ?? DEFAULT_EP_ISP_s;
  positive('isp_s', isp_s);
  if (!(p.lifetime_yr >= 0 && p.lifetime_yr <= 100))
    throw new RangeError(`lifetime_yr must be in [0, 100], got ${p.lifetime_yr}`);
  const disposal_m = p.disposalAltitude_m ?? DEFAULT_DISPOSAL_ALTITUDE_m;
  const limit_yr = p.disposalLimit_yr ?? FCC_DISPOSAL_LIMIT_yr;

  const { density_kg_m3 } = cira2012Density({ altitude_m: p.altitude_m, solarActivity: p.solarActivity });
  const B = p.dryMass_kg / (cd * p.dragArea_m2);
  const r_m = EARTH_RADIUS_m + p.altitude_m;
  const v2 = EARTH_MU_m3_s2 / r_m;
  const aD = (0.5 * density_kg_m3 * v2) / B;
  const dvYear = aD * JULIAN_YEAR_s;

  const raise = p.insertionAltitude_m === undefined ? 0 : orbitRaiseDeltaV(p.insertionAltitude_m, v2);
  const extra = p.extraDeltaV_m_s_per_yr ?? 0;
  if (!(extra >= 0 && Number.isFinite(extra)))
    throw new RangeError(`extraDeltaV_m_s_per_yr must be a finite Δv ≥ 0, got ${extra}`);
  const dvTotal = (dvYear + extra) * p.lifetime_yr + raise;
  const propellant = propellantMass(p.dryMass_kg, dvTotal, isp_s);

  const disposalArea_m2 = p.disposalDragArea_m2 ?? p.dragArea_m2;
  positive('disposalDragArea_m2', disposalArea_m2);
  const Bd = p.dryMass_kg / (cd * disposalArea_m2);
  const model = p.disposalSolarCycle ?? 'fixed';
  if (model !== 'fixed' && !(model in CYCLE_MODES))
    throw new RangeError(`disposalSolarCycle must be 'fixed', ${Object.keys(CYCLE_MODES).join(', ')}; got ${model}`);
  const activity = p.disposalSolarActivity ?? p.solarActivity;
  const S = (h: number) => decayIntegral_s_m2_per_kg(h, activity);
  const cycle =
    model === 'fixed'
      ? undefined
      : solarCycleDecay({
          altitude_m: p.altitude_m,
          ballisticCoefficient_kg_m2: Bd,
          endAltitude_m: disposal_m,
          mode: CYCLE_MODES[model],
          startPhase: p.disposalCyclePhase ?? 'min',
        });
  const passiveDecay_yr =
    cycle?.decay_yr ?? (p.altitude_m > disposal_m ? (Bd * (S(p.altitude_m) - S(disposal_m))) / JULIAN_YEAR_s : 0);
  out.density_kg_m3 = density_kg_m3;
  out.ballisticCoefficient_kg_m2 = B;
  out.dragAcceleration_m_s2 = aD;
  out.stationKeepingDeltaV_m_s_per_yr = dvYear;
  out.orbitRaiseDeltaV_m_s = raise;
  out.totalDeltaV_m_s = dvTotal;
  out.propellantMass_kg = propellant;
  out.passiveDecay_yr = passiveDecay_yr;
  out.fccCompliant = passiveDecay_yr <= limit_yr;
  out.disposalBallisticCoefficient_kg_m2 = Bd;
  out.disposalSolarCycle = model;
  out.passiveDecayOverCap = cycle?.overCap ?? false;
  out.disposalFrom(p.altitude_m, disposal_m, p.dragArea_m2, disposalArea_m2, activity, cycle);
  return out;
}

export interface DragAreaParams {
  /** Total solar-array area (one face) [m²]. */
  readonly arrayArea_m2: number;
  /** Radiator planform area (one face) [m²]. */
  readonly radiatorArea_m2: number;
  /** Bus frontal area presented to the flow [m²] (taken as always facing the flow). */
  readonly busArea_m2: number;
  /** Mean |cos| of the array normal to the velocity; default 2/π. */
  readonly arrayProjectionFactor?: number;
  /** Mean |cos| of the radiator normal to the velocity; default 2/π. */
  readonly radiatorProjectionFactor?: number;
}

export interface DragAreaResult {
  readonly dragArea_m2: number;
  /**
   * Minimum projected area [m²]: arrays and radiator edge-on (edge area neglected), bus frontal area; the conservative
   * disposal attitude.
   */
  readonly minimumDragArea_m2: number;
}

/**
 * Orbit-averaged area projected on the velocity vector.
 *
 * Attitude assumption (stated, conservative for sun-synchronous dawn-dusk orbits): the sun-tracking
 * array turns once per orbit relative to the velocity vector (β ≈ 0 geometry), so the angle between
 * its normal and the flow is uniformly distributed and the mean projection is A·⟨|cos θ|⟩ = (2/π)·A.
 * The knife-edge-to-Sun radiator is rigidly attached to the array yoke and rotates with it: same 2/π.
 * In a dawn-dusk SSO (β ≈ 60–90°) the array normal stays near the orbit normal and the true
 * projection is smaller (≈ (2/π)·A·cos β), so this over-estimates drag there. For comparison, a
 * randomly tumbling flat plate averages A/2 (Cauchy: mean projection = surface/4, surface = 2A).
 */
export function orbitAverageDragArea_m2(p: Readonly<DragAreaParams>): DragAreaResult {
  const fa = p.arrayProjectionFactor ?? 2 / Math.PI;
  const fr = p.radiatorProjectionFactor ?? 2 / Math.PI;
  const areas = p.arrayArea_m2 + p.radiatorArea_m2 + p.busArea_m2;
  if (!(p.arrayArea_m2 >= 0 && p.radiatorArea_m2 >= 0 && p.busArea_m2 >= 0 && Number.isFinite(areas))) {
    throw new RangeError(
      `arrayArea_m2, radiatorArea_m2 and busArea_m2 must be finite and ≥ 0, got ${p.arrayArea_m2}, ${p.radiatorArea_m2}, ${p.busArea_m2}`,
    );
  }
  if (!(fa >= 0 && fa <= 1 && fr >= 0 && fr <= 1)) throw new RangeError('projection factors must be in [0, 1]');
  return { dragArea_m2: fa * p.arrayArea_m2 + fr * p.radiatorArea_m2 + p.busArea_m2, minimumDragArea_m2: p.busArea_m2 };
}
