/**
 * The thermal chain from chip to radiator: junction limit → cold plate → coolant supply (capped by the rack's inlet
 * limit) → radiator outlet and inlet, the pump power the loop needs, and the heat the radiator must reject.
 *
 * Equations (steady state, hottest chip; Gilmore, Spacecraft Thermal Control Handbook Vol. I, 2nd ed. 2002, ch. 12;
 * Incropera & DeWitt, 6th ed. 2007, §3.1; White, Fluid Mechanics 7th ed. 2011, §6.4 and §11.3):
 *   T_supply = min(T_limit − R_j→inlet · P_chip, T_inlet,max)   (chips in parallel, R referred to the coolant inlet)
 *   T_out = T_supply − ΔT_loop,  T_in = T_out + ΔT_rise (two-phase: 0)   (radiator outlet and inlet)
 *   ṁ = Q / (c_p ΔT_rise) or Q / (h_fg · x_exit),   P_pump = ṁ Δp / (ρ η_pump),   Q = Q_other / (1 − k), k = P_pump/Q
 * A fixed mean radiator temperature T runs the chain upward: T_out = T − ΔT_rise/2, T_j = T_out + ΔT_loop + R · P.
 * Validity: 0 ≤ R ≤ 1 K/W, ΔT_loop ≥ 0, 0 < η_pump ≤ 1, k < 0.5 (RangeError outside).
 * Assumptions: one supply temperature for all chips, constant coolant properties, no heat leak to or from the bus;
 * the coolant's drop along the radiator equals its rise through the cold plates (one loop, steady state).
 * Derivation, evidence and costs: docs/models.md §"Coolant loop".
 */
import { positive } from '../validate.js';
import type { Scratch } from '../../base/scratch.js';

export interface CoolantProperties {
  readonly phase: 'single-phase' | 'two-phase';
  /** Liquid specific heat [J/(kg·K)]. */
  readonly specificHeat_J_per_kgK: number;
  /** Liquid density [kg/m³]. */
  readonly density_kg_m3: number;
  /** Latent heat of vaporization at the loop temperature [J/kg] (two-phase loops). */
  readonly latentHeat_J_per_kg?: number | undefined;
}

export interface CoolantLoopParams {
  /** Highest allowed chip temperature [K] (junction; the lower of junction and memory limits). */
  readonly junctionLimit_K: number;
  /** Heat of one chip [W] (sets the cold-plate drop). */
  readonly chipPower_W: number;
  /** Junction-to-coolant-inlet thermal resistance per chip [K/W] (junction → lid → cold plate → coolant), default 0. */
  readonly junctionToCoolant_K_per_W?: number | undefined;
  /** Highest coolant supply temperature the cold plates accept [K] (a rack's inlet limit); absent: no cap. */
  readonly coolantInletMax_K?: number | undefined;
  /** Coolant supply to radiator outlet [K] (interface heat exchanger, tube film and saddle), ≥ 0. */
  readonly loopDeltaT_K: number;
  /** Fixed mean radiator temperature [K]: the chain then runs upward to the junction. */
  readonly radiatorTemp_K?: number | undefined;
  readonly coolant: CoolantProperties;
  /** Coolant temperature rise through the cold plates [K] (single-phase), > 0. */
  readonly coolantTempRise_K: number;
  /** Exit vapour quality of the evaporators [-] (two-phase), (0, 1]. */
  readonly exitQuality: number;
  /** Loop pressure drop the pump overcomes [Pa], ≥ 0. */
  readonly pressureDrop_Pa: number;
  /** Pump and motor efficiency [-], (0, 1]. */
  readonly pumpEfficiency: number;
}

export interface CoolantLoopResult {
  /** Coolant entering the cold plates [K]. */
  readonly coolantSupplyTemp_K: number;
  /** Coolant leaving the cold plates [K]. */
  readonly coolantHotTemp_K: number;
  /** Coolant entering and leaving the radiator [K]. */
  readonly radiatorInletTemp_K: number;
  readonly radiatorOutletTemp_K: number;
  /** What sets the supply temperature: the junction limit through the cold plate, or the rack's inlet limit. */
  readonly supplySetBy: 'junction' | 'inlet limit' | 'radiator';
  /** Junction temperature of the hottest chip (fed at the supply temperature) [K]. */
  readonly junctionTemp_K: number;
  /** Pump electrical power per watt carried [W/W]. */
  readonly pumpPower_W_per_W: number;
  /** Coolant mass flow per watt carried [kg/s per W]. */
  readonly massFlow_kg_s_per_W: number;
}

/** A loop record to write into (coolantLoop's `out`); the placeholders give each field its kind. */
export const coolantLoopRecord = (): Scratch<CoolantLoopResult> => ({
  coolantSupplyTemp_K: NaN,
  coolantHotTemp_K: NaN,
  radiatorInletTemp_K: NaN,
  radiatorOutletTemp_K: NaN,
  supplySetBy: 'junction',
  junctionTemp_K: NaN,
  pumpPower_W_per_W: NaN,
  massFlow_kg_s_per_W: NaN,
});

/** The loop's temperatures and pump power, written into `out` (every field: a fresh record, or one a caller keeps). */
export function coolantLoop(p: Readonly<CoolantLoopParams>, out = coolantLoopRecord()): CoolantLoopResult {
  const who = 'coolantLoop';
  const R = p.junctionToCoolant_K_per_W ?? 0;
  if (!(R >= 0 && R <= 1)) throw new RangeError(`${who}: junctionToCoolant_K_per_W = ${R} must be in [0, 1] K/W`);
  if (!(p.loopDeltaT_K >= 0)) throw new RangeError(`${who}: loopDeltaT_K = ${p.loopDeltaT_K} must be ≥ 0`);
  positive(`${who}: chipPower_W`, p.chipPower_W);
  positive(`${who}: pumpEfficiency`, p.pumpEfficiency);
  if (!(p.pumpEfficiency <= 1)) throw new RangeError(`${who}: pumpEfficiency = ${p.pumpEfficiency} must be ≤ 1`);
  if (!(p.pressureDrop_Pa >= 0)) throw new RangeError(`${who}: pressureDrop_Pa = ${p.pressureDrop_Pa} must be ≥ 0`);
  const c = p.coolant;
  positive(`${who}: density_kg_m3`, c.density_kg_m3);
  let heatPerKg_J: number;
  if (c.phase === 'two-phase') {
    if (!(p.exitQuality > 0 && p.exitQuality <= 1))
      throw new RangeError(`${who}: exitQuality = ${p.exitQuality} must be in (0, 1]`);
    positive(`${who}: latentHeat_J_per_kg (a two-phase coolant needs it)`, c.latentHeat_J_per_kg ?? NaN);
    heatPerKg_J = (c.latentHeat_J_per_kg as number) * p.exitQuality;
  } else {
    positive(`${who}: coolantTempRise_K`, p.coolantTempRise_K);
    positive(`${who}: specificHeat_J_per_kgK`, c.specificHeat_J_per_kgK);
    heatPerKg_J = c.specificHeat_J_per_kgK * p.coolantTempRise_K;
  }
  const massFlow_kg_s_per_W = 1 / heatPerKg_J;
  const k = (massFlow_kg_s_per_W * p.pressureDrop_Pa) / (c.density_kg_m3 * p.pumpEfficiency);
  if (!(k < 0.5))
    throw new RangeError(
      `${who}: pumping takes ${(100 * k).toFixed(0)} % of the heat carried (pressure drop too high or flow too large)`,
    );
  const drop_K = R * p.chipPower_W;
  const rise_K = c.phase === 'two-phase' ? 0 : p.coolantTempRise_K;
  const fromJunction = p.junctionLimit_K - drop_K;
  const cap = p.coolantInletMax_K ?? Infinity;
  const coolantSupplyTemp_K =
    p.radiatorTemp_K !== undefined ? p.radiatorTemp_K - rise_K / 2 + p.loopDeltaT_K : Math.min(fromJunction, cap);
  const supplySetBy = p.radiatorTemp_K !== undefined ? 'radiator' : fromJunction <= cap ? 'junction' : 'inlet limit';
  out.coolantSupplyTemp_K = coolantSupplyTemp_K;
  out.coolantHotTemp_K = coolantSupplyTemp_K + rise_K;
  out.radiatorInletTemp_K = coolantSupplyTemp_K + rise_K - p.loopDeltaT_K;
  out.radiatorOutletTemp_K = coolantSupplyTemp_K - p.loopDeltaT_K;
  out.supplySetBy = supplySetBy;
  out.junctionTemp_K = coolantSupplyTemp_K + drop_K;
  out.pumpPower_W_per_W = k;
  out.massFlow_kg_s_per_W = massFlow_kg_s_per_W;
  return out;
}

export interface HeatLoadParams {
  /** Peak IT heat [W]. */
  readonly itHeat_W: number;
  /** Bus and ISL terminal dissipation [W] (all electrical power ends as heat). */
  readonly busAndIslHeat_W: number;
  /** Battery charge loss in daylight [W]. */
  readonly batteryLoss_W: number;
  /** Pump power per watt carried [W/W], < 0.5. */
  readonly pumpPower_W_per_W: number;
}

/** All heat the loop carries, pumps included: Q = (IT + bus + ISL + battery loss) / (1 − k). */
export function loopHeatLoad(p: Readonly<HeatLoadParams>): {
  readonly heatLoad_W: number;
  readonly pumpPower_W: number;
} {
  const other = p.itHeat_W + p.busAndIslHeat_W + p.batteryLoss_W;
  if (!(other > 0 && Number.isFinite(other)))
    throw new RangeError(`loopHeatLoad: heat to carry ${other} W must be > 0`);
  if (!(p.pumpPower_W_per_W >= 0 && p.pumpPower_W_per_W < 0.5))
    throw new RangeError('loopHeatLoad: pumpPower_W_per_W must be in [0, 0.5)');
  const heatLoad_W = other / (1 - p.pumpPower_W_per_W);
  return { heatLoad_W, pumpPower_W: heatLoad_W * p.pumpPower_W_per_W };
}
