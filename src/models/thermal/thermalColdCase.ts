/**
 * Cold case: the heater power that keeps a pumped loop above its minimum temperature in eclipse.
 *
 * In shadow the radiator sees the Earth's infrared but no Sun and no albedo. Held at the loop minimum T_min:
 *   Q_loss = A [n η_fin ε σ (T_min⁴ − T_sink⁴) − ε OLR_cold ΣF]   (n radiating faces, ΣF their Earth view factors)
 *   P_heater = max(0, Q_loss − Q_eclipse)   (Q_eclipse: throttled IT, bus, ISL, pumps)
 * Method: steady-state cold-case balance (Gilmore, Spacecraft Thermal Control Handbook Vol. I, 2nd ed. 2002, ch. 2
 * and 7), beginning-of-life emittance. OLR_cold = 206 W/m², a project design value (Trenberth, Fasullo & Kiehl,
 * BAMS 2009; Gilmore ch. 2).
 * Validity: 150 K ≤ T_min ≤ 350 K; A > 0. Assumptions: no thermal capacitance credit through the eclipse
 * (conservative), no radiator bypass or turndown valve, the radiator stays isothermal at T_min.
 * Derivation, evidence and costs: docs/models.md §"Cold case and heaters".
 */
import { STEFAN_BOLTZMANN_W_m2K4 } from '../../base/constants.js';
import { DEFAULT_SINK_TEMP_K } from './thermal.js';
import { positive } from '../validate.js';
import { keptPower } from '../../base/keptPower.js';

/** Cold-case outgoing long-wave radiation [W/m²] (see header). */
export const COLD_CASE_EARTH_IR_W_m2 = 206;

export interface ColdCaseParams {
  /** Installed radiator planform area [m²], > 0. */
  readonly radiatorArea_m2: number;
  /** Loop minimum temperature [K] (coolant freezing point plus margin). */
  readonly minLoopTemp_K: number;
  /** Beginning-of-life IR emittance [-], (0, 1]. */
  readonly irEmittance: number;
  /** Per-face Earth view factors [-] (F₁ + F₂ enters). */
  readonly earthViewFactors: readonly [number, number];
  /** Fin efficiency [-], (0, 1]. */
  readonly finEfficiency: number;
  /** Radiating faces, default 2 (1: face 1 only). */
  readonly radiatingFaces?: 1 | 2;
  /** Heat dissipated into the loop during eclipse [W], ≥ 0. */
  readonly eclipseDissipation_W: number;
  /** Default COLD_CASE_EARTH_IR_W_m2. */
  readonly earthIR_W_m2?: number;
  /** Default 3 K. */
  readonly sinkTemp_K?: number;
}

export interface ColdCaseResult {
  /** Heat the radiator loses at the loop minimum temperature in eclipse [W] (≥ 0). */
  readonly radiatorLossAtMin_W: number;
  readonly heaterPower_W: number;
}

/** T_min⁴ and T_sink⁴: a study's coolant row and sink are constants (base/keptPower.ts). */
const minLoopT4 = keptPower(),
  sinkT4 = keptPower();

export function coldCaseHeater(p: Readonly<ColdCaseParams>): ColdCaseResult {
  const who = 'coldCaseHeater';
  positive(`${who}: radiatorArea_m2`, p.radiatorArea_m2);
  if (!(p.minLoopTemp_K >= 150 && p.minLoopTemp_K <= 350))
    throw new RangeError(`${who}: minLoopTemp_K = ${p.minLoopTemp_K} outside 150–350 K`);
  if (!(p.irEmittance > 0 && p.irEmittance <= 1)) throw new RangeError(`${who}: irEmittance must be in (0, 1]`);
  if (!(p.finEfficiency > 0 && p.finEfficiency <= 1)) throw new RangeError(`${who}: finEfficiency must be in (0, 1]`);
  if (!(p.eclipseDissipation_W >= 0)) throw new RangeError(`${who}: eclipseDissipation_W must be ≥ 0`);
  const Ts = p.sinkTemp_K ?? DEFAULT_SINK_TEMP_K;
  const olr = p.earthIR_W_m2 ?? COLD_CASE_EARTH_IR_W_m2;
  // indexed, not destructured: without escape analysis (odc's --no-turbo-escape) a destructuring allocates an iterator
  const F1 = p.earthViewFactors[0],
    F2 = p.earthViewFactors[1];
  const faces = p.radiatingFaces ?? 2;
  const fourthPowers = minLoopT4(p.minLoopTemp_K, 4) - sinkT4(Ts, 4);
  const emitted = faces * p.finEfficiency * p.irEmittance * STEFAN_BOLTZMANN_W_m2K4 * fourthPowers;
  const absorbed = p.irEmittance * olr * (faces === 2 ? F1 + F2 : F1);
  const radiatorLossAtMin_W = Math.max(0, p.radiatorArea_m2 * (emitted - absorbed));
  return { radiatorLossAtMin_W, heaterPower_W: Math.max(0, radiatorLossAtMin_W - p.eclipseDissipation_W) };
}
