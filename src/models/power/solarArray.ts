/**
 * Solar-array output per m²: the efficiency chain ("waterfall") from sunlight at 1 AU to end-of-life array power.
 *
 * SMAD 3rd ed. (Wertz & Larson 1999) §11.4, pp. 412–416, with each of SMAD's lumped factors a separate input:
 *   rated = S · η · packing   (AM0 at 1 AU, cells at 28 °C: catalog `ratedPower_W_m2`)
 *   BOL   = rated · k_S · k_T · I_d · cos θ_point · cos θ_inc,   EOL = BOL · (1 − d)^years
 * k_S = 1 (annual mean, S = 1361 W/m², Kopp & Lean 2011) or 0.9674 (aphelion); k_T = 1 + γ (T_cell − T_ref),
 * T_ref = 301.15 K; I_d default 0.90 (SMAD's 0.77 only with γ = 0 and packing = 1).
 * Validity: 0 < η ≤ 0.5, 0 < packing ≤ 1, |θ_point|, |θ_inc| < 90°, 200 K ≤ T_cell ≤ 420 K, 250 K ≤ T_ref ≤ 320 K,
 * k_T > 0, 0 < I_d ≤ 1, 0 ≤ d < 1, 0 ≤ years ≤ 30 (RangeError outside). Linear temperature coefficient; the
 * two cosines multiply (exact for orthogonal error axes, within 1 − cos θ_point of exact otherwise).
 * Derivation, evidence and costs: docs/models.md §"Solar-array output".
 */
import { SOLAR_CONSTANT_W_m2 } from '../../base/constants.js';
import { keptPower } from '../../base/keptPower.js';
import type { Scratch } from '../../base/scratch.js';

/** Cell reference temperature of the efficiency rating [K] (28 °C, AM0 standard test condition). */
export const CELL_REFERENCE_TEMP_K = 301.15;
/** Eccentricity of Earth's orbit [-] (J2000 mean elements, 0.0167086). */
export const EARTH_ORBIT_ECCENTRICITY = 0.0167086;

/** 'mean': S at 1 AU; 'aphelion': S / (1 + e)², the year's lowest irradiance (conservative sizing). */
export type IrradianceCase = 'mean' | 'aphelion';

export interface SolarArrayParams {
  /** Cell efficiency at the rating temperature, AM0 [-] (triple junction ~0.28–0.32). */
  readonly cellEfficiency: number;
  /** Mission duration for EOL degradation [yr]. */
  readonly missionLife_yr: number;
  /** Solar irradiance at 1 AU [W/m²], default 1361 (Kopp & Lean 2011). */
  readonly solarIrradiance_W_m2?: number;
  /** Seasonal irradiance case, default 'mean' (the annual mean); 'aphelion' gives S / (1 + e)² = 0.9674 S. */
  readonly irradianceCase?: IrradianceCase;
  /** Cell packing factor [-], default 0.85 (spacedc preset [T]). */
  readonly packingFactor?: number;
  /** Sun-pointing error [rad], default 0. */
  readonly pointingError_rad?: number;
  /** Worst-season Sun incidence angle on the array normal [rad], default 0 (Sun-tracking, no seasonal cosine loss). */
  readonly sunIncidenceAngle_rad?: number;
  /**
   * Relative power temperature coefficient γ [1/K], default −0.0022 (triple-junction GaInP/GaAs/Ge datasheet class).
   */
  readonly tempCoefficient_per_K?: number;
  /** Operating cell temperature [K], default 333.15 (60 °C, typical sunlit LEO array — an assumption). */
  readonly cellTemp_K?: number;
  /** Temperature at which cellEfficiency is rated [K], default 301.15 (28 °C AM0; a catalog row's referenceTemp_K). */
  readonly cellReferenceTemp_K?: number;
  /** Inherent degradation I_d excluding temperature and packing [-], default 0.90 (see header). */
  readonly inherentDegradation?: number;
  /** Life degradation per year d [1/yr], default 0.0275 (SMAD GaAs/MJ class [T]; GEO telemetry 0.4–1 %/yr). */
  readonly degradationRate_per_yr?: number;
}

/** The chain, in waterfall order: each factor named, and the W/m² it leads to. */
export interface SolarArrayChain {
  /** S at 1 AU [W/m²]. */
  readonly solarIrradiance_W_m2: number;
  readonly cellEfficiency: number;
  readonly packingFactor: number;
  /** S · η · packing [W/m²]: AM0 at 1 AU, 28 °C, before every derating (catalog ratedPower_W_m2). */
  readonly rated_W_m2: number;
  /** k_S [-]: 1 (mean) or (1 + e)⁻² (aphelion). */
  readonly irradianceCaseFactor: number;
  /** k_T = 1 + γ (T_cell − T_ref) [-]. */
  readonly temperatureFactor: number;
  readonly inherentDegradation: number;
  /** cos θ_point [-]. */
  readonly pointingCosine: number;
  /** cos θ_inc, the seasonal cosine [-]. */
  readonly incidenceCosine: number;
  /** BOL = rated · k_S · k_T · I_d · cos θ_point · cos θ_inc [W/m²]. */
  readonly bol_W_m2: number;
  /** L_d = (1 − d)^years [-]. */
  readonly lifeDegradation: number;
  /** EOL = BOL · L_d [W/m²]. */
  readonly eol_W_m2: number;
}

/** Throws the model's RangeError; the message is built only for a design that fails a check. */
function fail(msg: string): never {
  throw new RangeError(`solarArrayOutput: ${msg}`);
}

/** (1 − d)^life: a study's array row and mission life are constants (base/keptPower.ts). */
const lifeDegradationOf = keptPower();

/** A chain record to write into (solarArrayOutput's `out`); the placeholders give each field its kind. */
export const solarArrayRecord = (): Scratch<SolarArrayChain> => ({
  solarIrradiance_W_m2: NaN,
  cellEfficiency: NaN,
  packingFactor: NaN,
  rated_W_m2: NaN,
  irradianceCaseFactor: NaN,
  temperatureFactor: NaN,
  inherentDegradation: NaN,
  pointingCosine: NaN,
  incidenceCosine: NaN,
  bol_W_m2: NaN,
  lifeDegradation: NaN,
  eol_W_m2: NaN,
});

/**
 * Array output per m² at BOL and EOL with every factor of the chain named (see header for the equations), written into
 * `out` (every field: a fresh record, or one a hot caller keeps).
 */
export function solarArrayOutput(
  p: Readonly<SolarArrayParams>,
  out: Scratch<SolarArrayChain> = solarArrayRecord(),
): SolarArrayChain {
  const S = p.solarIrradiance_W_m2 ?? SOLAR_CONSTANT_W_m2;
  const irradianceCase = p.irradianceCase ?? 'mean';
  const pack = p.packingFactor ?? 0.85;
  const point = p.pointingError_rad ?? 0;
  const incidence = p.sunIncidenceAngle_rad ?? 0;
  const gamma = p.tempCoefficient_per_K ?? -0.0022;
  const Tc = p.cellTemp_K ?? 333.15;
  const Tref = p.cellReferenceTemp_K ?? CELL_REFERENCE_TEMP_K;
  const Id = p.inherentDegradation ?? 0.9;
  const d = p.degradationRate_per_yr ?? 0.0275;
  if (!(S > 0 && Number.isFinite(S))) fail(`solarIrradiance_W_m2 = ${S} must be finite and > 0`);
  if (!(irradianceCase === 'mean' || irradianceCase === 'aphelion'))
    fail(`irradianceCase = '${String(irradianceCase)}' must be 'mean' or 'aphelion'`);
  if (!(p.cellEfficiency > 0 && p.cellEfficiency <= 0.5))
    fail(`cellEfficiency = ${p.cellEfficiency} must be in (0, 0.5]`);
  if (!(pack > 0 && pack <= 1)) fail(`packingFactor = ${pack} must be in (0, 1]`);
  if (!(Math.abs(point) < Math.PI / 2)) fail(`pointingError_rad = ${point} must be within ±π/2`);
  if (!(Math.abs(incidence) < Math.PI / 2)) fail(`sunIncidenceAngle_rad = ${incidence} must be within ±π/2`);
  if (!(Number.isFinite(gamma) && Math.abs(gamma) <= 0.05))
    fail(`tempCoefficient_per_K = ${gamma} must be within ±0.05 /K`);
  if (!(Tc >= 200 && Tc <= 420)) fail(`cellTemp_K = ${Tc} outside 200–420 K`);
  if (!(Tref >= 250 && Tref <= 320)) fail(`cellReferenceTemp_K = ${Tref} outside 250–320 K`);
  if (!(Id > 0 && Id <= 1)) fail(`inherentDegradation = ${Id} must be in (0, 1]`);
  if (!(d >= 0 && d < 1)) fail(`degradationRate_per_yr = ${d} must be in [0, 1)`);
  if (!(p.missionLife_yr >= 0 && p.missionLife_yr <= 30)) fail(`missionLife_yr = ${p.missionLife_yr} outside 0–30 yr`);
  const temperatureFactor = 1 + gamma * (Tc - Tref);
  if (!(temperatureFactor > 0)) fail(`temperature factor 1 + γ(T − T_ref) = ${temperatureFactor} must be > 0`);

  const rated = S * p.cellEfficiency * pack;
  const irradianceCaseFactor = irradianceCase === 'aphelion' ? 1 / (1 + EARTH_ORBIT_ECCENTRICITY) ** 2 : 1;
  const pointingCosine = Math.cos(point);
  const incidenceCosine = Math.cos(incidence);
  const bol = rated * irradianceCaseFactor * temperatureFactor * Id * pointingCosine * incidenceCosine;
  const lifeDegradation = lifeDegradationOf(1 - d, p.missionLife_yr);
  out.solarIrradiance_W_m2 = S;
  out.cellEfficiency = p.cellEfficiency;
  out.packingFactor = pack;
  out.rated_W_m2 = rated;
  out.irradianceCaseFactor = irradianceCaseFactor;
  out.temperatureFactor = temperatureFactor;
  out.inherentDegradation = Id;
  out.pointingCosine = pointingCosine;
  out.incidenceCosine = incidenceCosine;
  out.bol_W_m2 = bol;
  out.lifeDegradation = lifeDegradation;
  out.eol_W_m2 = bol * lifeDegradation;
  return out;
}
