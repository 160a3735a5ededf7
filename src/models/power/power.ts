/**
 * Electrical power system sizing: solar array (BOL/EOL), SMAD array sizing over the worst orbit, battery.
 *
 * Array output per m²: solarArray.ts. Array sizing (Wertz & Larson, SMAD 3rd ed. 1999, §11.4, p. 415):
 *   P_sa = (P_e T_e / X_e + P_d T_d / X_d) / T_d over the WORST orbit of the year (longest eclipse), X_e / X_d
 *   0.60 / 0.80 with peak-power tracking (default); sizing point 'eol' (default) or 'bol'.
 * Battery (SMAD §11.4, p. 422): E = P_e T_e / (DOD · η_b), η_b ≈ 0.9; energy in J.
 * Sources: docs/sources.md §4 "Power-system sizing rules", "Solar arrays", "Batteries" (SMAD pp. 412–422 as coded in
 *   seakers/VASSAR_lib mass_EPS.m [T]); DOD is an input (the battery catalog gives its max).
 * Validity: as solarArray.ts, plus 0 < X_e, X_d, η_b ≤ 1, 0 ≤ T_e < period, 0 < DOD ≤ 1 (RangeError outside).
 * Assumptions: constant loads within daylight and within eclipse, orbit-average temperature, no array shadowing by
 * the radiator, battery recharged within the same orbit.
 * Derivation, evidence and costs: docs/models.md §"Power-system sizing".
 */
import { JULIAN_YEAR_s } from '../../base/constants.js';
import type { Scratch } from '../../base/scratch.js';
import { solarArrayOutput, solarArrayRecord, type SolarArrayChain, type SolarArrayParams } from './solarArray.js';

export {
  CELL_REFERENCE_TEMP_K,
  solarArrayOutput,
  solarArrayRecord,
  type IrradianceCase,
  type SolarArrayChain,
  type SolarArrayParams,
} from './solarArray.js';

/** Array sized to carry the demand at beginning ('bol') or end ('eol') of life. */
export type ArraySizingPoint = 'bol' | 'eol';

/** Array technology and chain inputs (solarArray.ts, each optional with its default) plus orbit, loads and battery. */
export interface PowerSystemParams extends SolarArrayParams {
  /** Installed array area [m²], ≥ 0 (the node's ~600 m²). */
  readonly arrayArea_m2: number;
  /** Orbit period [s] (orbit.ts). */
  readonly orbitPeriod_s: number;
  /** Longest eclipse of the year [s] (orbit.ts maxEclipse_s). */
  readonly eclipseDuration_s: number;
  /** Annual mean eclipse fraction [-] (orbit.ts eclipseFractionMean). */
  readonly eclipseFractionMean: number;
  /** Loads [W], orbit averages: compute IT, bus (avionics, ADCS, heaters, TT&C), ISL terminals, coolant pumps. */
  readonly computePower_W: number;
  readonly busPower_W: number;
  readonly islPower_W: number;
  readonly pumpPower_W: number;
  /** Fraction of the compute load kept running in eclipse [-], default 1 (no throttling). */
  readonly eclipseComputeFraction?: number;
  /** Heater power drawn in eclipse only (cold case, thermalColdCase.ts) [W], default 0. */
  readonly eclipseHeaterPower_W?: number;
  /** Battery depth of discharge per eclipse cycle [-], (0, 1]. */
  readonly depthOfDischarge: number;
  /** Battery specific energy [J/kg] (140 Wh/kg cell-level = 504 kJ/kg; pack level lower). */
  readonly batterySpecificEnergy_J_per_kg: number;
  /** Array areal density [kg/m²] (blanket arrays ~1–3, rigid ~3–5). */
  readonly arrayArealDensity_kg_m2: number;
  /** SMAD path efficiency array → battery → loads X_e [-], (0, 1], default 0.60 (peak-power tracking; DET 0.65). */
  readonly pathEfficiencyEclipse?: number;
  /** SMAD path efficiency array → loads X_d [-], (0, 1], default 0.80 (peak-power tracking; DET 0.85). */
  readonly pathEfficiencyDaylight?: number;
  /** Battery-to-load efficiency [-], default 0.90. */
  readonly batteryToLoadEfficiency?: number;
  /** Sizing point of the array, default 'eol' (see header). */
  readonly sizing?: ArraySizingPoint;
}

export interface PowerSystemResult {
  /** The array efficiency chain, each factor named (waterfall), with rated, BOL and EOL W/m². */
  readonly array: SolarArrayChain;
  readonly arrayOutputBol_W_m2: number;
  readonly arrayOutputEol_W_m2: number;
  readonly bolPower_W: number;
  readonly eolPower_W: number;
  /** The sizing point used and the array output there [W/m²] (= arrayOutputEol_W_m2 or arrayOutputBol_W_m2). */
  readonly sizing: ArraySizingPoint;
  readonly sizingOutput_W_m2: number;
  readonly demandDaylight_W: number;
  readonly demandEclipse_W: number;
  /** Time-weighted load over the worst orbit [W]. */
  readonly demandAvg_W: number;
  /** Array power required over the worst orbit (SMAD P_sa) [W], at the sizing point. */
  readonly requiredArrayPower_W: number;
  /** P_sa / sizingOutput_W_m2 [m²]. */
  readonly requiredArrayArea_m2: number;
  /** Constant load the installed array can carry through the worst orbit at the sizing point [W]. */
  readonly supportableLoad_W: number;
  /** Annual orbit-average array output at EOL, before path losses: P_eol · (1 − f_mean) [W]. */
  readonly orbitAverageArrayPower_W: number;
  /** (array power at the sizing point − P_sa) [W] and as a fraction of P_sa [-]; < 0 means short. */
  readonly powerMargin_W: number;
  readonly powerMargin: number;
  readonly batteryEnergy_J: number;
  readonly batteryMass_kg: number;
  readonly arrayMass_kg: number;
  /** Eclipse discharge cycles per year if every orbit eclipses [1/yr] (upper bound). */
  readonly chargeCyclesPerYearMax: number;
}

/** Throws the model's RangeError; the message is built only for a design that fails a check. */
function fail(msg: string): never {
  throw new RangeError(`powerSystem: ${msg}`);
}

const inUnit = (x: number): boolean => x > 0 && x <= 1;

/** A power-system record to write into (powerSystem's `out`), its array chain's with it. */
export type PowerSystemRecord = Scratch<Omit<PowerSystemResult, 'array'>> & {
  readonly array: Scratch<SolarArrayChain>;
};
export const powerSystemRecord = (): PowerSystemRecord => ({
  array: solarArrayRecord(),
  arrayOutputBol_W_m2: NaN,
  arrayOutputEol_W_m2: NaN,
  bolPower_W: NaN,
  eolPower_W: NaN,
  sizing: 'eol',
  sizingOutput_W_m2: NaN,
  demandDaylight_W: NaN,
  demandEclipse_W: NaN,
  demandAvg_W: NaN,
  requiredArrayPower_W: NaN,
  requiredArrayArea_m2: NaN,
  supportableLoad_W: NaN,
  orbitAverageArrayPower_W: NaN,
  powerMargin_W: NaN,
  powerMargin: NaN,
  batteryEnergy_J: NaN,
  batteryMass_kg: NaN,
  arrayMass_kg: NaN,
  chargeCyclesPerYearMax: NaN,
});

/**
 * Array BOL/EOL output, SMAD array sizing over the worst orbit, battery energy and masses, written into `out` (every
 * field, the array chain's too: a fresh record, or one a hot caller keeps).
 */
export function powerSystem(p: Readonly<PowerSystemParams>, out = powerSystemRecord()): PowerSystemResult {
  const Xe = p.pathEfficiencyEclipse ?? 0.6;
  const Xd = p.pathEfficiencyDaylight ?? 0.8;
  const etaB = p.batteryToLoadEfficiency ?? 0.9;
  const kc = p.eclipseComputeFraction ?? 1;
  const sizing = p.sizing ?? 'eol';
  if (!(sizing === 'bol' || sizing === 'eol')) fail(`sizing = '${String(sizing)}' must be 'bol' or 'eol'`);
  if (!(p.arrayArea_m2 >= 0 && Number.isFinite(p.arrayArea_m2))) fail(`arrayArea_m2 = ${p.arrayArea_m2} must be ≥ 0`);
  if (!(p.orbitPeriod_s > 0 && p.eclipseDuration_s >= 0 && p.eclipseDuration_s < p.orbitPeriod_s))
    fail(`need 0 ≤ eclipseDuration_s < orbitPeriod_s`);
  if (!(p.eclipseFractionMean >= 0 && p.eclipseFractionMean < 1)) fail(`eclipseFractionMean must be in [0, 1)`);
  if (!(p.depthOfDischarge > 0 && p.depthOfDischarge <= 1))
    fail(`depthOfDischarge = ${p.depthOfDischarge} must be in (0, 1]`);
  if (!(p.batterySpecificEnergy_J_per_kg > 0 && p.arrayArealDensity_kg_m2 >= 0))
    fail(`batterySpecificEnergy_J_per_kg must be > 0, arrayArealDensity_kg_m2 ≥ 0`);
  if (!inUnit(Xe)) fail(`pathEfficiencyEclipse = ${Xe} must be in (0, 1]`);
  if (!inUnit(Xd)) fail(`pathEfficiencyDaylight = ${Xd} must be in (0, 1]`);
  if (!inUnit(etaB)) fail(`batteryToLoadEfficiency = ${etaB} must be in (0, 1]`);
  if (!(kc >= 0 && kc <= 1)) fail(`eclipseComputeFraction = ${kc} must be in [0, 1]`);
  const heater_W = p.eclipseHeaterPower_W ?? 0;
  const load = (x: number): boolean => x >= 0 && Number.isFinite(x);
  if (!(load(p.computePower_W) && load(p.busPower_W) && load(p.islPower_W) && load(p.pumpPower_W) && load(heater_W)))
    fail(`loads (compute, bus, ISL, pump, heater) must be finite and ≥ 0`);
  const array = solarArrayOutput(p, out.array);

  const bol = array.bol_W_m2;
  const eol = array.eol_W_m2;
  const atSizing = sizing === 'eol' ? eol : bol;
  const Te = p.eclipseDuration_s;
  const Td = p.orbitPeriod_s - Te;
  const other = p.busPower_W + p.islPower_W + p.pumpPower_W;
  const Pd = p.computePower_W + other;
  const Pe = kc * p.computePower_W + other + heater_W;
  if (!(Pd > 0)) fail(`total daylight load must be > 0 W`);
  const required = (Pe * Te) / Xe / Td + Pd / Xd;
  const eolPower = eol * p.arrayArea_m2;
  const sizingPower = atSizing * p.arrayArea_m2;
  const batteryEnergy_J = Te > 0 ? (Pe * Te) / (p.depthOfDischarge * etaB) : 0;
  out.arrayOutputBol_W_m2 = bol;
  out.arrayOutputEol_W_m2 = eol;
  out.bolPower_W = bol * p.arrayArea_m2;
  out.eolPower_W = eolPower;
  out.sizing = sizing;
  out.sizingOutput_W_m2 = atSizing;
  out.demandDaylight_W = Pd;
  out.demandEclipse_W = Pe;
  out.demandAvg_W = (Pd * Td + Pe * Te) / p.orbitPeriod_s;
  out.requiredArrayPower_W = required;
  out.requiredArrayArea_m2 = required / atSizing;
  out.supportableLoad_W = (sizingPower * Td) / (Te / Xe + Td / Xd);
  out.orbitAverageArrayPower_W = eolPower * (1 - p.eclipseFractionMean);
  out.powerMargin_W = sizingPower - required;
  out.powerMargin = (sizingPower - required) / required;
  out.batteryEnergy_J = batteryEnergy_J;
  out.batteryMass_kg = batteryEnergy_J / p.batterySpecificEnergy_J_per_kg;
  out.arrayMass_kg = p.arrayArea_m2 * p.arrayArealDensity_kg_m2;
  out.chargeCyclesPerYearMax = Te > 0 ? JULIAN_YEAR_s / p.orbitPeriod_s : 0;
  return out;
}
