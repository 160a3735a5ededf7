/**
 * Tube-and-fin pumped-fluid radiator panel: the coolant cools along the panel from inlet to outlet; the area, the
 * area-weighted mean panel temperature and the fin efficiency follow (steady state, hot case).
 *
 * Method: single pass, parallel tubes between headers; the environment is a sink of infinite capacity, so the coolant
 * profile is that of a counter-flow (or any-flow) exchanger with C_min/C_max = 0. Per m² of planform
 *   ṁ c_p dT = −q(T) dA,  q(T) = η (n ε σ (T⁴ − T_s⁴) − absorbed) = a (T⁴ − c⁴),  ṁ c_p = Q / (T_in − T_out)
 *   A = (ṁ c_p / a) ∫ dT/(T⁴ − c⁴) from T_out to T_in (closed form: ln and atan),  T̄ = (ṁ c_p/(a A)) ∫ T dT/(T⁴ − c⁴)
 * Fin (each face sheet a fin of half-width L = (pitch − D)/2, thickness t, adiabatic at mid-pitch, linearised about
 * the root with h_r = 4 ε σ T_r³ at the mean of inlet and outlet): η_fin = tanh(mL)/(mL), m = √(h_r/(k t)); the panel
 * efficiency η = (D + 2 L η_fin)/pitch (the strip over the tube at root temperature) applies to the net flux.
 * Sources: Gilmore, Spacecraft Thermal Control Handbook Vol. I, 2nd ed. 2002, ch. 6 (radiators, fin efficiency);
 * Peoples, "Sizing Tube-Fin Space Radiators", NASA TM-78185, 1978 (Mackey's method); Incropera & DeWitt 6th ed. 2007,
 * §3.6.4 (adiabatic-tip fin) and §11.3 (C_r = 0 exchangers). Surface balance: thermal.ts.
 * Validity: T 150–600 K, T_out above the equilibrium temperature c; fin thickness 0.05–5 mm, pitch > D.
 * Assumptions: fin root at the coolant temperature (film and saddle drops in the loop drop upstream), no conduction
 * along the tubes, no tube-to-tube view, constant c_p; η from the fin linearised at one root temperature.
 * Derivation, evidence and costs: docs/models.md §"Radiator panel".
 */
import { STEFAN_BOLTZMANN_W_m2K4 } from '../../base/constants.js';
import { DEFAULT_SINK_TEMP_K, radiatorAbsorbed, type RadiatorSurfaceParams } from './thermal.js';
import { positive } from '../validate.js';
import { keptPower } from '../../base/keptPower.js';
import type { Scratch } from '../../base/scratch.js';

/** Tube-and-fin geometry of a panel: each radiating face is a sheet conducting heat from the tubes. */
export interface PanelGeometry {
  /** Thickness of the sheet feeding one radiating face [m] (a face sheet of a honeycomb panel). */
  readonly finThickness_m: number;
  /** Sheet conductivity [W/(m·K)]. */
  readonly finConductivity_W_mK: number;
  /** Centre-to-centre tube spacing [m]. */
  readonly tubePitch_m: number;
  /** Tube (or saddle) width in contact with the sheet [m], < pitch. */
  readonly tubeDiameter_m: number;
}

export interface FinEfficiencyParams extends PanelGeometry {
  readonly irEmittance: number;
  /** Fin root temperature [K]. */
  readonly rootTemp_K: number;
}

export interface FinEfficiencyResult {
  /** tanh(mL)/(mL) of the sheet between tubes [-]. */
  readonly finEfficiency: number;
  /** Over the whole pitch, tube strip included [-]. */
  readonly panelEfficiency: number;
  readonly mL: number;
}

/** Linearised radiating-fin efficiency of a tube-and-sheet panel (header). */
export function tubeFinEfficiency(p: Readonly<FinEfficiencyParams>): FinEfficiencyResult {
  const who = 'tubeFinEfficiency';
  if (!(p.finThickness_m >= 5e-5 && p.finThickness_m <= 5e-3))
    throw new RangeError(`${who}: finThickness_m = ${p.finThickness_m} outside 0.05–5 mm`);
  positive(`${who}: finConductivity_W_mK`, p.finConductivity_W_mK);
  positive(`${who}: tubeDiameter_m`, p.tubeDiameter_m);
  if (!(p.tubePitch_m > p.tubeDiameter_m))
    throw new RangeError(`${who}: tubePitch_m = ${p.tubePitch_m} must exceed tubeDiameter_m = ${p.tubeDiameter_m}`);
  positive(`${who}: rootTemp_K`, p.rootTemp_K);
  const h = 4 * p.irEmittance * STEFAN_BOLTZMANN_W_m2K4 * p.rootTemp_K ** 3;
  const L = (p.tubePitch_m - p.tubeDiameter_m) / 2;
  const mL = Math.sqrt(h / (p.finConductivity_W_mK * p.finThickness_m)) * L;
  const finEfficiency = mL < 1e-6 ? 1 : Math.tanh(mL) / mL;
  const panelEfficiency = (p.tubeDiameter_m + 2 * L * finEfficiency) / p.tubePitch_m;
  return { finEfficiency, panelEfficiency, mL };
}

export interface RadiatorPanelParams extends RadiatorSurfaceParams {
  /** Heat the panel rejects [W], > 0. */
  readonly heatLoad_W: number;
  /** Coolant temperature entering the panel [K]. */
  readonly inletTemp_K: number;
  /** Coolant temperature leaving the panel [K], ≤ inlet (equal: an isothermal two-phase condenser). */
  readonly outletTemp_K: number;
  /** Panel geometry; absent: `finEfficiency` (default 1). */
  readonly geometry?: PanelGeometry | undefined;
  /** System mass per m² of planform [kg/m²]. */
  readonly arealDensity_kg_m2: number;
  /** Pump power per watt carried [W/W]. */
  readonly pumpPower_W_per_W: number;
}

export interface RadiatorPanelResult {
  /** Area-weighted mean coolant (fin root) temperature over the panel [K]. */
  readonly radiatorTemp_K: number;
  readonly inletTemp_K: number;
  readonly outletTemp_K: number;
  /** Panel efficiency applied to the net flux [-]. */
  readonly finEfficiency: number;
  readonly earthViewFactorPerFace: number;
  readonly absorbed_W_m2: number;
  /** Net heat rejected per m² of planform, panel mean [W/m²]. */
  readonly netFlux_W_m2: number;
  readonly requiredRadiatorArea_m2: number;
  readonly radiatorMass_kg: number;
  readonly pumpPower_W: number;
}

/**
 * tubeFinEfficiency's panel efficiency, the last one kept with its inputs: the root temperature follows from the chip
 * and radiator rows alone, so a study's designs ask the same few (a kept value is the computed double).
 */
function panelEfficiency(g: PanelGeometry, irEmittance: number, rootTemp_K: number): number {
  const k = keptFin;
  if (
    k.t === g.finThickness_m &&
    k.k === g.finConductivity_W_mK &&
    k.pitch === g.tubePitch_m &&
    k.d === g.tubeDiameter_m &&
    k.eps === irEmittance &&
    k.T === rootTemp_K
  )
    return k.eta;
  // Fields named one by one, not spread: V8 copies a spread object of number fields in its runtime (~4 µs a call).
  const eta = tubeFinEfficiency({
    finThickness_m: g.finThickness_m,
    finConductivity_W_mK: g.finConductivity_W_mK,
    tubePitch_m: g.tubePitch_m,
    tubeDiameter_m: g.tubeDiameter_m,
    irEmittance,
    rootTemp_K,
  }).panelEfficiency;
  keptFin = {
    t: g.finThickness_m,
    k: g.finConductivity_W_mK,
    pitch: g.tubePitch_m,
    d: g.tubeDiameter_m,
    eps: irEmittance,
    T: rootTemp_K,
    eta,
  };
  return eta;
}
let keptFin = { t: NaN, k: NaN, pitch: NaN, d: NaN, eps: NaN, T: NaN, eta: NaN };

/**
 * ∫ dT/(T⁴ − c⁴) and ∫ T dT/(T⁴ − c⁴) (antiderivatives; c → 0 limits −1/(3T³) and −1/(2T²)) at T, written into
 * INTEGRALS[at] and INTEGRALS[at + 1] (one kept array, not a result object per end); c3 = c ** 3, computed once for
 * both ends (V8's pow costs ~40 ns).
 */
function integrals(T: number, c: number, c3: number, at: number): void {
  if (c < 1e-6 * T) {
    INTEGRALS[at] = -1 / (3 * T ** 3);
    INTEGRALS[at + 1] = -1 / (2 * T ** 2);
    return;
  }
  const c2 = c * c;
  INTEGRALS[at] = Math.log((T - c) / (T + c)) / (4 * c3) - Math.atan(T / c) / (2 * c3);
  INTEGRALS[at + 1] = Math.log1p((-2 * c2) / (T * T + c2)) / (4 * c2);
}
/** The inlet's two integrals, then the outlet's (radiatorPanel reads them before its next call). */
const INTEGRALS = new Float64Array(4);

/** T_sink⁴: a study's sink temperature is a constant (base/keptPower.ts). */
const sinkT4 = keptPower();

/** A panel record to write into (radiatorPanel's `out`); the placeholders give each field its kind. */
export const radiatorPanelRecord = (): Scratch<RadiatorPanelResult> => ({
  radiatorTemp_K: NaN,
  inletTemp_K: NaN,
  outletTemp_K: NaN,
  finEfficiency: NaN,
  earthViewFactorPerFace: NaN,
  absorbed_W_m2: NaN,
  netFlux_W_m2: NaN,
  requiredRadiatorArea_m2: NaN,
  radiatorMass_kg: NaN,
  pumpPower_W: NaN,
});

/**
 * Area and mean temperature of a panel whose coolant cools from inlet to outlet (header), written into `out` (every
 * field: a fresh record, or one a hot caller keeps).
 */
export function radiatorPanel(
  p: Readonly<RadiatorPanelParams>,
  out: Scratch<RadiatorPanelResult> = radiatorPanelRecord(),
): RadiatorPanelResult {
  const who = 'radiatorPanel';
  if (!(p.heatLoad_W > 0 && Number.isFinite(p.heatLoad_W)))
    throw new RangeError(`${who}: heatLoad_W = ${p.heatLoad_W} must be > 0`);
  const { inletTemp_K: Tin, outletTemp_K: Tout } = p;
  if (!(Tout >= 150 && Tin <= 600 && Tin >= Tout))
    throw new RangeError(`${who}: need 150 K ≤ outlet ${Tout} K ≤ inlet ${Tin} K ≤ 600 K`);
  if (!(p.arealDensity_kg_m2 >= 0)) throw new RangeError(`${who}: arealDensity_kg_m2 must be ≥ 0`);
  if (!(p.pumpPower_W_per_W >= 0)) throw new RangeError(`${who}: pumpPower_W_per_W must be ≥ 0`);
  const abs = radiatorAbsorbed(p, who);
  const g = p.geometry;
  const eta = g !== undefined ? panelEfficiency(g, p.irEmittance, (Tin + Tout) / 2) : (p.finEfficiency ?? 1);
  if (!(eta > 0 && eta <= 1)) throw new RangeError(`${who}: finEfficiency = ${eta} must be in (0, 1]`);
  const absorbed = abs.solar + abs.albedo + abs.ir;
  const Ts = p.sinkTemp_K ?? DEFAULT_SINK_TEMP_K;
  const emit = abs.faces * p.irEmittance * STEFAN_BOLTZMANN_W_m2K4;
  const c = (sinkT4(Ts, 4) + absorbed / emit) ** 0.25; // equilibrium temperature: q(c) = 0
  if (!(Tout > c * (1 + 1e-9)))
    throw new RangeError(
      `${who}: coolant leaving at ${Tout.toFixed(1)} K cannot reject heat below the panel's environmental equilibrium of ${c.toFixed(1)} K (raise the loop temperatures, cut the coolant drop or use a lower-α coating)`,
    );
  const a = eta * emit;
  let area: number;
  let mean: number;
  if (Tin - Tout < 1e-9 * Tin) {
    area = p.heatLoad_W / (a * (Tin ** 4 - c ** 4));
    mean = Tin;
  } else {
    const C = p.heatLoad_W / (Tin - Tout); // ṁ c_p [W/K]
    const c3 = c ** 3;
    integrals(Tin, c, c3, 0);
    integrals(Tout, c, c3, 2);
    area = (C / a) * (INTEGRALS[0]! - INTEGRALS[2]!);
    mean = ((C / a) * (INTEGRALS[1]! - INTEGRALS[3]!)) / area;
  }
  out.radiatorTemp_K = mean;
  out.inletTemp_K = Tin;
  out.outletTemp_K = Tout;
  out.finEfficiency = eta;
  out.earthViewFactorPerFace = abs.F;
  out.absorbed_W_m2 = absorbed;
  out.netFlux_W_m2 = p.heatLoad_W / area;
  out.requiredRadiatorArea_m2 = area;
  out.radiatorMass_kg = area * p.arealDensity_kg_m2;
  out.pumpPower_W = p.heatLoad_W * p.pumpPower_W_per_W;
  return out;
}
