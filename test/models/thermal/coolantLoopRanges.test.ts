import { describe, expect, it } from 'vitest';
import { coolantLoop, loopHeatLoad, type CoolantLoopParams } from '../../../src/models/thermal/coolantLoop.js';
import { coldCaseHeater, type ColdCaseParams } from '../../../src/models/thermal/thermalColdCase.js';

/**
 * The coolant loop and the cold-case heater at the ends of their stated validity ranges (0 ≤ R_jc ≤ 1 K/W,
 * ΔT_loop ≥ 0, 0 < η_pump ≤ 1, Δp ≥ 0, k < 0.5; 150 K ≤ T_min ≤ 350 K, ε and η_fin in (0, 1]), on round numbers
 * whose results are worked by hand in each case.
 */
const SIGMA = 5.670374419e-8; // CODATA 2018
// c_p ΔT = 1000 J/kg, ρ = 1000 kg/m³: k = Δp/(ρ c_p ΔT η) = Δp/(1e6 η)
const fluid = { phase: 'single-phase' as const, specificHeat_J_per_kgK: 100, density_kg_m3: 1000 };
const loop: CoolantLoopParams = {
  junctionLimit_K: 350,
  chipPower_W: 100,
  loopDeltaT_K: 10,
  coolant: fluid,
  coolantTempRise_K: 10,
  exitQuality: 0.5,
  pressureDrop_Pa: 1e5,
  pumpEfficiency: 1,
};

describe('coolantLoop validity range', () => {
  it('without a junction-to-coolant resistance the loop drop holds the whole chain: 350 − 10 = 340 K', () => {
    const r = coolantLoop(loop);
    expect([r.coolantHotTemp_K, r.radiatorTemp_K, r.junctionTemp_K]).toEqual([350, 340, 350]);
    // ṁ per watt = 1/(c_p ΔT) = 1e-3 kg/s; k = 1e5/(1e3 · 1e3 · 1) = 0.1
    expect(r.massFlow_kg_s_per_W).toBeCloseTo(1e-3, 18);
    expect(r.pumpPower_W_per_W).toBeCloseTo(0.1, 15);
  });

  it('accepts R = 1 K/W, ΔT_loop = 0, Δp = 0 and η = 1; refuses just beyond, naming the field', () => {
    const r = coolantLoop({ ...loop, junctionToCoolant_K_per_W: 1, loopDeltaT_K: 0, pressureDrop_Pa: 0 });
    // 350 − 1 K/W · 100 W = 250 K at the coolant and at the radiator; no pumping
    expect([r.coolantHotTemp_K, r.radiatorTemp_K, r.pumpPower_W_per_W]).toEqual([250, 250, 0]);
    const refused: [Partial<CoolantLoopParams>, RegExp][] = [
      [{ junctionToCoolant_K_per_W: 1.01 }, /junctionToCoolant_K_per_W = 1.01 must be in \[0, 1\] K\/W/],
      [{ junctionToCoolant_K_per_W: -0.01 }, /junctionToCoolant_K_per_W = -0.01 must be in \[0, 1\]/],
      [{ loopDeltaT_K: -1 }, /coolantLoop: loopDeltaT_K = -1 must be ≥ 0/],
      [{ pumpEfficiency: 1.01 }, /coolantLoop: pumpEfficiency = 1.01 must be ≤ 1/],
      [{ pumpEfficiency: 0 }, /coolantLoop: pumpEfficiency must be a finite number > 0/],
      [{ pressureDrop_Pa: -1 }, /coolantLoop: pressureDrop_Pa = -1 must be ≥ 0/],
      [{ chipPower_W: 0 }, /coolantLoop: chipPower_W must/],
      [{ coolantTempRise_K: 0 }, /coolantLoop: coolantTempRise_K must/],
      [{ coolant: { ...fluid, specificHeat_J_per_kgK: 0 } }, /coolantLoop: specificHeat_J_per_kgK must/],
      [{ coolant: { ...fluid, density_kg_m3: 0 } }, /coolantLoop: density_kg_m3 must/],
    ];
    for (const [change, message] of refused) expect(() => coolantLoop({ ...loop, ...change })).toThrow(message);
  });

  it('pumping at exactly half the heat is refused, just under half accepted (k = Δp/1e6)', () => {
    expect(() => coolantLoop({ ...loop, pressureDrop_Pa: 5e5 })).toThrow(
      /coolantLoop: pumping takes 50 % of the heat carried/,
    );
    expect(coolantLoop({ ...loop, pressureDrop_Pa: 4.99e5 }).pumpPower_W_per_W).toBeCloseTo(0.499, 15);
  });

  it('two-phase: exit quality in (0, 1], latent heat required; ṁ = 1/(h_fg x)', () => {
    const vapour = {
      phase: 'two-phase' as const,
      specificHeat_J_per_kgK: 1,
      density_kg_m3: 1000,
      latentHeat_J_per_kg: 2e6,
    };
    const r = coolantLoop({ ...loop, coolant: vapour, exitQuality: 1, coolantTempRise_K: 0 });
    // h_fg x = 2e6 J/kg: ṁ = 5e-7 kg/s per W, k = 1e5 · 5e-7/1000 = 5e-5
    expect(r.massFlow_kg_s_per_W).toBeCloseTo(5e-7, 20);
    expect(r.pumpPower_W_per_W).toBeCloseTo(5e-5, 18);
    expect(() => coolantLoop({ ...loop, coolant: vapour, exitQuality: 0 })).toThrow(
      /coolantLoop: exitQuality = 0 must be in \(0, 1\]/,
    );
    expect(() => coolantLoop({ ...loop, coolant: vapour, exitQuality: 1.1 })).toThrow(/exitQuality = 1.1/);
    const { latentHeat_J_per_kg: _h, ...dry } = vapour;
    expect(() => coolantLoop({ ...loop, coolant: dry })).toThrow(
      /latentHeat_J_per_kg \(a two-phase coolant needs it\)/,
    );
  });

  it('heat load: (1 + 0 + 0) W / (1 − 0) at no pumping; k = 0.5 and no heat are refused', () => {
    expect(loopHeatLoad({ itHeat_W: 1, busAndIslHeat_W: 0, batteryLoss_W: 0, pumpPower_W_per_W: 0 })).toEqual({
      heatLoad_W: 1,
      pumpPower_W: 0,
    });
    // k = 0.25: Q = 3/(0.75) = 4 W, of which 1 W pumps
    expect(loopHeatLoad({ itHeat_W: 1, busAndIslHeat_W: 1, batteryLoss_W: 1, pumpPower_W_per_W: 0.25 })).toEqual({
      heatLoad_W: 4,
      pumpPower_W: 1,
    });
    expect(() => loopHeatLoad({ itHeat_W: 1, busAndIslHeat_W: 0, batteryLoss_W: 0, pumpPower_W_per_W: 0.5 })).toThrow(
      'loopHeatLoad: pumpPower_W_per_W must be in [0, 0.5)',
    );
    expect(() => loopHeatLoad({ itHeat_W: 1, busAndIslHeat_W: 0, batteryLoss_W: 0, pumpPower_W_per_W: -0.1 })).toThrow(
      /pumpPower_W_per_W must be in/,
    );
    expect(() => loopHeatLoad({ itHeat_W: 0, busAndIslHeat_W: 0, batteryLoss_W: 0, pumpPower_W_per_W: 0 })).toThrow(
      'loopHeatLoad: heat to carry 0 W must be > 0',
    );
    expect(() =>
      loopHeatLoad({ itHeat_W: Infinity, busAndIslHeat_W: 0, batteryLoss_W: 0, pumpPower_W_per_W: 0 }),
    ).toThrow(/heat to carry Infinity W/);
  });
});

describe('coldCaseHeater validity range', () => {
  // 1 m², ε = 1, η_fin = 1, no Earth view, sink 0 K: the loss is n σ T⁴
  const plate: ColdCaseParams = {
    radiatorArea_m2: 1,
    minLoopTemp_K: 200,
    irEmittance: 1,
    earthViewFactors: [0, 0],
    finEfficiency: 1,
    eclipseDissipation_W: 0,
    sinkTemp_K: 0,
  };

  it('accepts 150 K and 350 K, refuses just beyond; ε, η_fin in (0, 1], dissipation ≥ 0', () => {
    expect(coldCaseHeater({ ...plate, minLoopTemp_K: 150 }).radiatorLossAtMin_W).toBeCloseTo(2 * SIGMA * 150 ** 4, 9);
    expect(coldCaseHeater({ ...plate, minLoopTemp_K: 350 }).radiatorLossAtMin_W).toBeCloseTo(2 * SIGMA * 350 ** 4, 9);
    expect(() => coldCaseHeater({ ...plate, minLoopTemp_K: 149.9 })).toThrow(
      /coldCaseHeater: minLoopTemp_K = 149.9 outside 150–350 K/,
    );
    expect(() => coldCaseHeater({ ...plate, minLoopTemp_K: 350.1 })).toThrow(/minLoopTemp_K = 350.1/);
    expect(() => coldCaseHeater({ ...plate, irEmittance: 0 })).toThrow('coldCaseHeater: irEmittance must be in (0, 1]');
    expect(() => coldCaseHeater({ ...plate, irEmittance: 1.01 })).toThrow(/irEmittance must be in/);
    expect(() => coldCaseHeater({ ...plate, finEfficiency: 0 })).toThrow(
      'coldCaseHeater: finEfficiency must be in (0, 1]',
    );
    expect(() => coldCaseHeater({ ...plate, finEfficiency: 1.01 })).toThrow(/finEfficiency must be in/);
    expect(() => coldCaseHeater({ ...plate, eclipseDissipation_W: -1 })).toThrow(
      'coldCaseHeater: eclipseDissipation_W must be ≥ 0',
    );
    expect(() => coldCaseHeater({ ...plate, radiatorArea_m2: 0 })).toThrow(/coldCaseHeater: radiatorArea_m2 must/);
  });

  it('one face emits half of two; the Earth IR enters through F₁ alone for one face, F₁ + F₂ for two', () => {
    const two = coldCaseHeater({ ...plate, earthIR_W_m2: 100, earthViewFactors: [0.3, 0.2] });
    // 2σ 200⁴ − 100 · (0.3 + 0.2)
    expect(two.radiatorLossAtMin_W).toBeCloseTo(2 * SIGMA * 200 ** 4 - 50, 9);
    const one = coldCaseHeater({ ...plate, earthIR_W_m2: 100, earthViewFactors: [0.3, 0.2], radiatingFaces: 1 });
    expect(one.radiatorLossAtMin_W).toBeCloseTo(SIGMA * 200 ** 4 - 30, 9);
  });

  it('the fin efficiency scales the emitted flux: η_fin = 0.5 halves 2σT⁴', () => {
    expect(coldCaseHeater({ ...plate, finEfficiency: 0.5 }).radiatorLossAtMin_W).toBeCloseTo(SIGMA * 200 ** 4, 9);
  });

  it('defaults: the 3 K sink and the 206 W/m² cold-case OLR', () => {
    const { sinkTemp_K: _s, ...bare } = plate;
    const r = coldCaseHeater({ ...bare, earthViewFactors: [0.5, 0] });
    expect(r.radiatorLossAtMin_W).toBeCloseTo(2 * SIGMA * (200 ** 4 - 3 ** 4) - 206 * 0.5, 9);
  });

  it('a radiator that absorbs more than it emits loses nothing, and needs no heater', () => {
    // 150 K: 2σ 150⁴ = 57.4 W/m² < 206 · 1 W/m² absorbed
    const r = coldCaseHeater({ ...plate, minLoopTemp_K: 150, earthIR_W_m2: 206, earthViewFactors: [0.5, 0.5] });
    expect(r).toEqual({ radiatorLossAtMin_W: 0, heaterPower_W: 0 });
    // a loss of 2σ 200⁴ = 181.5 W less 100 W dissipated
    const h = coldCaseHeater({ ...plate, eclipseDissipation_W: 100 });
    expect(h.heaterPower_W).toBeCloseTo(2 * SIGMA * 200 ** 4 - 100, 9);
  });
});
