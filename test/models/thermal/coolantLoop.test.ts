import { describe, expect, it } from 'vitest';
import { coolantLoop, loopHeatLoad, type CoolantLoopParams } from '../../../src/models/thermal/coolantLoop.js';

// Sources: NIST Chemistry WebBook SRD 69 (water 298.15 K: c_p 4,181 J/(kg·K), ρ 997 kg/m³; ammonia 273.15 K: ρ 638.6,
// h_fg 1.262 MJ/kg); pump power P = ṁ Δp / (ρ η) (White, Fluid Mechanics 7th ed. §11.3).
const water = { phase: 'single-phase' as const, specificHeat_J_per_kgK: 4181, density_kg_m3: 997 };
const base: CoolantLoopParams = {
  junctionLimit_K: 360,
  chipPower_W: 1000,
  junctionToCoolant_K_per_W: 0.03,
  loopDeltaT_K: 20,
  coolant: water,
  coolantTempRise_K: 10,
  exitQuality: 0.5,
  pressureDrop_Pa: 1e5,
  pumpEfficiency: 0.35,
};

describe('coolantLoop: junction → cold plate → loop → radiator', () => {
  it('runs down from the junction limit: supply 360 − 0.03 K/W × 1,000 W = 330 K, radiator outlet 310 K, inlet 320 K', () => {
    const r = coolantLoop(base);
    expect(r.coolantSupplyTemp_K).toBeCloseTo(330, 9);
    expect(r.coolantHotTemp_K).toBeCloseTo(340, 9); // + the 10 K rise through the cold plates
    expect(r.radiatorOutletTemp_K).toBeCloseTo(310, 9);
    expect(r.radiatorInletTemp_K).toBeCloseTo(320, 9);
    expect(r.junctionTemp_K).toBeCloseTo(360, 9);
    expect(r.supplySetBy).toBe('junction');
  });
  it("a rack's 45 °C inlet limit caps the supply below the junction's 330 K: 318.15 K, junction 348.15 K", () => {
    // ASHRAE W45: facility water ≤ 45 °C = 318.15 K
    const r = coolantLoop({ ...base, coolantInletMax_K: 318.15 });
    expect(r.coolantSupplyTemp_K).toBeCloseTo(318.15, 9);
    expect(r.radiatorOutletTemp_K).toBeCloseTo(298.15, 9);
    expect(r.junctionTemp_K).toBeCloseTo(348.15, 9);
    expect(r.supplySetBy).toBe('inlet limit');
    // a cap above what the junction allows changes nothing
    expect(coolantLoop({ ...base, coolantInletMax_K: 335 }).coolantSupplyTemp_K).toBeCloseTo(330, 9);
  });
  it('with the mean radiator fixed at 300 K it runs up: outlet 295, supply 315, junction 345 K (15 K under the limit)', () => {
    const r = coolantLoop({ ...base, radiatorTemp_K: 300 });
    expect(r.radiatorOutletTemp_K).toBeCloseTo(295, 9);
    expect(r.radiatorInletTemp_K).toBeCloseTo(305, 9);
    expect(r.junctionTemp_K).toBeCloseTo(345, 9);
    expect(r.supplySetBy).toBe('radiator');
  });
  it('a two-phase loop condenses at one temperature: radiator inlet = outlet', () => {
    const r = coolantLoop({
      ...base,
      coolant: { phase: 'two-phase', specificHeat_J_per_kgK: 4617, density_kg_m3: 638.6, latentHeat_J_per_kg: 1.262e6 },
    });
    expect(r.radiatorInletTemp_K).toBe(r.radiatorOutletTemp_K);
    expect(r.radiatorOutletTemp_K).toBeCloseTo(310, 9);
  });
  it('single-phase pump power per watt: Δp / (ρ c_p ΔT η) = 1e5 / (997 × 4,181 × 10 × 0.35) = 6.85420e-3 W/W', () => {
    const r = coolantLoop(base);
    expect(r.pumpPower_W_per_W).toBeCloseTo(6.8542e-3, 7);
    expect(r.massFlow_kg_s_per_W).toBeCloseTo(1 / 41810, 12); // ṁ per W = 1/(c_p ΔT)
  });
  it('two-phase pump power per watt: Δp / (ρ h_fg x η) = 1e5 / (638.6 × 1.262e6 × 0.5 × 0.35) = 7.09045e-4 W/W (≈ 1/10 of single-phase)', () => {
    const r = coolantLoop({
      ...base,
      coolant: { phase: 'two-phase', specificHeat_J_per_kgK: 4617, density_kg_m3: 638.6, latentHeat_J_per_kg: 1.262e6 },
    });
    expect(r.pumpPower_W_per_W).toBeCloseTo(7.09045e-4, 8);
  });
  it('rejects a two-phase coolant without latent heat, a negative resistance and a pump that eats half the heat', () => {
    expect(() =>
      coolantLoop({ ...base, coolant: { phase: 'two-phase', specificHeat_J_per_kgK: 4617, density_kg_m3: 638.6 } }),
    ).toThrow(/latentHeat/);
    expect(() => coolantLoop({ ...base, junctionToCoolant_K_per_W: -0.1 })).toThrow(RangeError);
    expect(() => coolantLoop({ ...base, pressureDrop_Pa: 1e10 })).toThrow(/pumping takes/);
    expect(() => coolantLoop({ ...base, pumpEfficiency: 1.5 })).toThrow(RangeError);
  });
});

describe('loopHeatLoad: the radiator carries all heat, pumps included', () => {
  it('Q = (100 kW IT + 5 kW bus/ISL + 1 kW battery loss) / (1 − 0.01) = 107,070.7 W, pumps 1,070.7 W', () => {
    const r = loopHeatLoad({ itHeat_W: 100e3, busAndIslHeat_W: 5e3, batteryLoss_W: 1e3, pumpPower_W_per_W: 0.01 });
    expect(r.heatLoad_W).toBeCloseTo(106e3 / 0.99, 6);
    expect(r.pumpPower_W).toBeCloseTo(106e3 / 0.99 - 106e3, 6);
  });
});

describe('ranges', () => {
  // CODATA 2018 c_p ΔT = 1000 J/kg, ρ = 1000 kg/m³: k = Δp/(ρ c_p ΔT η) = Δp/(1e6 η)
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
    it('without a junction-to-coolant resistance the supply sits at the junction limit: outlet 350 − 10 = 340 K', () => {
      const r = coolantLoop(loop);
      expect([r.coolantSupplyTemp_K, r.radiatorOutletTemp_K, r.radiatorInletTemp_K, r.junctionTemp_K]).toEqual([
        350, 340, 350, 350,
      ]);
      // ṁ per watt = 1/(c_p ΔT) = 1e-3 kg/s; k = 1e5/(1e3 · 1e3 · 1) = 0.1
      expect(r.massFlow_kg_s_per_W).toBeCloseTo(1e-3, 18);
      expect(r.pumpPower_W_per_W).toBeCloseTo(0.1, 15);
    });

    it('accepts R = 1 K/W, ΔT_loop = 0, Δp = 0 and η = 1; refuses just beyond, naming the field', () => {
      const r = coolantLoop({ ...loop, junctionToCoolant_K_per_W: 1, loopDeltaT_K: 0, pressureDrop_Pa: 0 });
      // 350 − 1 K/W · 100 W = 250 K supply and radiator outlet; no pumping
      expect([r.coolantSupplyTemp_K, r.radiatorOutletTemp_K, r.pumpPower_W_per_W]).toEqual([250, 250, 0]);
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
      expect(() =>
        loopHeatLoad({ itHeat_W: 1, busAndIslHeat_W: 0, batteryLoss_W: 0, pumpPower_W_per_W: -0.1 }),
      ).toThrow(/pumpPower_W_per_W must be in/);
      expect(() => loopHeatLoad({ itHeat_W: 0, busAndIslHeat_W: 0, batteryLoss_W: 0, pumpPower_W_per_W: 0 })).toThrow(
        'loopHeatLoad: heat to carry 0 W must be > 0',
      );
      expect(() =>
        loopHeatLoad({ itHeat_W: Infinity, busAndIslHeat_W: 0, batteryLoss_W: 0, pumpPower_W_per_W: 0 }),
      ).toThrow(/heat to carry Infinity W/);
    });
  });
});
