/**
 * Electrical power system sizing: solar array (BOL/EOL), SMAD array sizing over the worst orbit, battery.
 *
 * Array output per m² (Wertz & Larson, Space Mission Analysis and Design (SMAD) 3rd ed. 1999, §11.4):
 *   P/A = S · η_cell · packing · cos(θ_point) · (1 + γ (T_cell − 301.15 K)) · I_d · (1 − d)^years
 *   (BOL: years = 0). Factors and double counting: SMAD lumps design/assembly, array temperature and
 *   shadowing losses into I_d ≈ 0.77 (range 0.49–0.88). Here temperature (γ, T_cell) and cell packing
 *   are explicit, so the default I_d = 0.90 covers only the remaining assembly, wiring, mismatch and
 *   UV-darkening losses. Use I_d = 0.77 only together with γ = 0 and packing = 1.
 * Array sizing (SMAD §11.4, peak-power tracking): P_sa = (P_e T_e / X_e + P_d T_d / X_d) / T_d,
 *   X_e = 0.60, X_d = 0.80, over the WORST orbit of the year (longest eclipse), at EOL.
 * Battery (SMAD §11.4): E = P_e T_e / (DOD · η_b), η_b ≈ 0.9 battery-to-load; energy in J.
 * Sources (via docs/sources.md §4 "Power-system sizing rules", "Solar arrays", "Batteries"): SMAD pp. 412–422
 *   as coded in seakers/VASSAR_lib mass_EPS.m [T]; cell-level Li-ion 140 Wh/kg [T]; LEO ~5,500 cycles/yr,
 *   typical long-life DOD 20–30 % [T] — DOD is therefore an input (the battery catalog gives its max).
 *
 * Validity: 0 < η_cell ≤ 0.5, 0 < packing ≤ 1, |θ_point| < 90°, 200 K ≤ T_cell ≤ 420 K, 0 ≤ d < 1,
 * 0 ≤ years ≤ 30, 0 ≤ T_e < period, 0 < DOD ≤ 1 (RangeError outside).
 * Assumptions: Sun-tracking array (cos θ_point only: no seasonal cosine loss for a 2-axis/yaw-steered array),
 * constant loads within daylight and within eclipse, orbit-average temperature, no array shadowing by the
 * radiator, battery recharged within the same orbit.
 */
import { JULIAN_YEAR_s, SOLAR_CONSTANT_W_m2 } from '../units/constants.js';

/** Cell reference temperature of the efficiency rating [K] (28 °C, AM0 standard test condition). */
export const CELL_REFERENCE_TEMP_K = 301.15;

export interface PowerSystemParams {
  /** Installed array area [m²], ≥ 0 (the node's ~600 m²). */
  readonly arrayArea_m2: number;
  /** Cell efficiency at 301.15 K, AM0 [-] (triple junction ~0.28–0.32). */
  readonly cellEfficiency: number;
  /** Mission duration for EOL degradation [yr]. */
  readonly missionLife_yr: number;
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
  /** Battery depth of discharge per eclipse cycle [-], (0, 1]. */
  readonly depthOfDischarge: number;
  /** Battery specific energy [J/kg] (140 Wh/kg cell-level = 504 kJ/kg; pack level lower). */
  readonly batterySpecificEnergy_J_per_kg: number;
  /** Array areal density [kg/m²] (blanket arrays ~1–3, rigid ~3–5). */
  readonly arrayArealDensity_kg_m2: number;
  /** Solar irradiance [W/m²], default 1361 (Kopp & Lean 2011). */
  readonly solarIrradiance_W_m2?: number;
  /** Cell packing factor [-], default 0.85 (spacedc preset [T]). */
  readonly packingFactor?: number;
  /** Sun-pointing error [rad], default 0. */
  readonly pointingError_rad?: number;
  /** Relative power temperature coefficient γ [1/K], default −0.0022 (triple-junction GaInP/GaAs/Ge datasheet class). */
  readonly tempCoefficient_per_K?: number;
  /** Operating cell temperature [K], default 333.15 (60 °C, typical sunlit LEO array — an assumption). */
  readonly cellTemp_K?: number;
  /** Inherent degradation I_d excluding temperature and packing [-], default 0.90 (see header). */
  readonly inherentDegradation?: number;
  /** Life degradation per year d [1/yr], default 0.0275 (SMAD GaAs/MJ class [T]; GEO telemetry 0.4–1 %/yr). */
  readonly degradationRate_per_yr?: number;
  /** SMAD path efficiencies, eclipse and daylight [-], defaults 0.60 / 0.80 (peak-power tracking). */
  readonly pathEfficiencyEclipse?: number;
  readonly pathEfficiencyDaylight?: number;
  /** Battery-to-load efficiency [-], default 0.90. */
  readonly batteryToLoadEfficiency?: number;
}

export interface PowerSystemResult {
  readonly arrayOutputBol_W_m2: number;
  readonly arrayOutputEol_W_m2: number;
  readonly bolPower_W: number;
  readonly eolPower_W: number;
  readonly demandDaylight_W: number;
  readonly demandEclipse_W: number;
  /** Time-weighted load over the worst orbit [W]. */
  readonly demandAvg_W: number;
  /** Array power required at EOL over the worst orbit (SMAD P_sa) [W]. */
  readonly requiredArrayPower_W: number;
  readonly requiredArrayArea_m2: number;
  /** Constant load the installed array can carry at EOL through the worst orbit [W]. */
  readonly supportableLoad_W: number;
  /** Annual orbit-average array output at EOL, before path losses: P_eol · (1 − f_mean) [W]. */
  readonly orbitAverageArrayPower_W: number;
  /** (eolPower − requiredArrayPower) [W] and as a fraction of requiredArrayPower [-]; < 0 means short. */
  readonly powerMargin_W: number;
  readonly powerMargin: number;
  readonly batteryEnergy_J: number;
  readonly batteryMass_kg: number;
  readonly arrayMass_kg: number;
  /** Eclipse discharge cycles per year if every orbit eclipses [1/yr] (upper bound). */
  readonly chargeCyclesPerYearMax: number;
}

function check(ok: boolean, msg: string): void {
  if (!ok) throw new RangeError(`powerSystem: ${msg}`);
}

/** Array BOL/EOL output, SMAD array sizing over the worst orbit, battery energy and masses. */
export function powerSystem(p: Readonly<PowerSystemParams>): PowerSystemResult {
  const S = p.solarIrradiance_W_m2 ?? SOLAR_CONSTANT_W_m2;
  const pack = p.packingFactor ?? 0.85;
  const point = p.pointingError_rad ?? 0;
  const gamma = p.tempCoefficient_per_K ?? -0.0022;
  const Tc = p.cellTemp_K ?? 333.15;
  const Id = p.inherentDegradation ?? 0.9;
  const d = p.degradationRate_per_yr ?? 0.0275;
  const Xe = p.pathEfficiencyEclipse ?? 0.6;
  const Xd = p.pathEfficiencyDaylight ?? 0.8;
  const etaB = p.batteryToLoadEfficiency ?? 0.9;
  const kc = p.eclipseComputeFraction ?? 1;
  check(p.arrayArea_m2 >= 0 && Number.isFinite(p.arrayArea_m2), `arrayArea_m2 = ${p.arrayArea_m2} must be ≥ 0`);
  check(p.cellEfficiency > 0 && p.cellEfficiency <= 0.5, `cellEfficiency = ${p.cellEfficiency} must be in (0, 0.5]`);
  check(pack > 0 && pack <= 1, `packingFactor = ${pack} must be in (0, 1]`);
  check(Math.abs(point) < Math.PI / 2, `pointingError_rad = ${point} must be within ±π/2`);
  check(Tc >= 200 && Tc <= 420, `cellTemp_K = ${Tc} outside 200–420 K`);
  check(Id > 0 && Id <= 1 && d >= 0 && d < 1, `inherentDegradation must be in (0, 1] and degradationRate_per_yr in [0, 1)`);
  check(p.missionLife_yr >= 0 && p.missionLife_yr <= 30, `missionLife_yr = ${p.missionLife_yr} outside 0–30 yr`);
  check(S > 0 && Number.isFinite(S), `solarIrradiance_W_m2 must be > 0`);
  check(p.orbitPeriod_s > 0 && p.eclipseDuration_s >= 0 && p.eclipseDuration_s < p.orbitPeriod_s, `need 0 ≤ eclipseDuration_s < orbitPeriod_s`);
  check(p.eclipseFractionMean >= 0 && p.eclipseFractionMean < 1, `eclipseFractionMean must be in [0, 1)`);
  check(p.depthOfDischarge > 0 && p.depthOfDischarge <= 1, `depthOfDischarge = ${p.depthOfDischarge} must be in (0, 1]`);
  check(p.batterySpecificEnergy_J_per_kg > 0 && p.arrayArealDensity_kg_m2 >= 0, `batterySpecificEnergy_J_per_kg must be > 0, arrayArealDensity_kg_m2 ≥ 0`);
  check(Xe > 0 && Xe <= 1 && Xd > 0 && Xd <= 1 && etaB > 0 && etaB <= 1 && kc >= 0 && kc <= 1, `efficiencies and eclipseComputeFraction must be in (0, 1]`);
  const loads = [p.computePower_W, p.busPower_W, p.islPower_W, p.pumpPower_W];
  check(loads.every((x) => x >= 0 && Number.isFinite(x)), `loads (compute, bus, ISL, pump) must be finite and ≥ 0`);
  const tempFactor = 1 + gamma * (Tc - CELL_REFERENCE_TEMP_K);
  check(tempFactor > 0, `temperature factor 1 + γ(T − 301.15 K) = ${tempFactor} must be > 0`);

  const bol = S * p.cellEfficiency * pack * Math.cos(point) * tempFactor * Id;
  const eol = bol * (1 - d) ** p.missionLife_yr;
  const Te = p.eclipseDuration_s;
  const Td = p.orbitPeriod_s - Te;
  const other = p.busPower_W + p.islPower_W + p.pumpPower_W;
  const Pd = p.computePower_W + other;
  const Pe = kc * p.computePower_W + other;
  check(Pd > 0, `total daylight load must be > 0 W`);
  const required = (Pe * Te) / Xe / Td + Pd / Xd;
  const eolPower = eol * p.arrayArea_m2;
  const batteryEnergy_J = Te > 0 ? (Pe * Te) / (p.depthOfDischarge * etaB) : 0;
  return {
    arrayOutputBol_W_m2: bol,
    arrayOutputEol_W_m2: eol,
    bolPower_W: bol * p.arrayArea_m2,
    eolPower_W: eolPower,
    demandDaylight_W: Pd,
    demandEclipse_W: Pe,
    demandAvg_W: (Pd * Td + Pe * Te) / p.orbitPeriod_s,
    requiredArrayPower_W: required,
    requiredArrayArea_m2: required / eol,
    supportableLoad_W: (eolPower * Td) / (Te / Xe + Td / Xd),
    orbitAverageArrayPower_W: eolPower * (1 - p.eclipseFractionMean),
    powerMargin_W: eolPower - required,
    powerMargin: (eolPower - required) / required,
    batteryEnergy_J,
    batteryMass_kg: batteryEnergy_J / p.batterySpecificEnergy_J_per_kg,
    arrayMass_kg: p.arrayArea_m2 * p.arrayArealDensity_kg_m2,
    chargeCyclesPerYearMax: Te > 0 ? JULIAN_YEAR_s / p.orbitPeriod_s : 0,
  };
}
