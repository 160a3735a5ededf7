import { describe, expect, it } from 'vitest';
import { coolantLoop, loopHeatLoad, type CoolantLoopParams } from '../../../src/models/thermal/coolantLoop.js';
import { coldCaseHeater, type ColdCaseParams } from '../../../src/models/thermal/thermalColdCase.js';
import { radiatorSizing } from '../../../src/models/thermal/thermal.js';

// Sources: NIST Chemistry WebBook SRD 69 (water 298.15 K: c_p 4,181 J/(kg·K), ρ 997 kg/m³; ammonia 273.15 K: ρ 638.6,
// h_fg 1.262 MJ/kg); pump power P = ṁ Δp / (ρ η) (White, Fluid Mechanics 7th ed. §11.3); Stefan–Boltzmann σ CODATA
// 2018.
const SIGMA = 5.670374419e-8;
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
  it('runs down from the junction limit: 360 − 0.03 K/W × 1,000 W − 20 K = 310 K radiator, coolant hot leg 330 K', () => {
    const r = coolantLoop(base);
    expect(r.coolantHotTemp_K).toBeCloseTo(330, 9);
    expect(r.radiatorTemp_K).toBeCloseTo(310, 9);
    expect(r.junctionTemp_K).toBeCloseTo(360, 9);
  });
  it('with the radiator fixed it runs up: 300 + 20 + 30 = 350 K junction (10 K under the limit)', () => {
    const r = coolantLoop({ ...base, radiatorTemp_K: 300 });
    expect(r.radiatorTemp_K).toBe(300);
    expect(r.junctionTemp_K).toBeCloseTo(350, 9);
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

describe('radiator options: fin efficiency, one face, per-face view factors', () => {
  const plate = {
    heatLoad_W: 1e5,
    junctionTempMax_K: 300,
    loopDeltaT_K: 0,
    arealDensity_kg_m2: 7,
    pumpPower_W_per_W: 0,
    solarAbsorptance: 0.1,
    irEmittance: 0.9,
    altitude_m: 600e3,
    environment: { solarIrradiance_W_m2: 0, albedo: 0, earthIR_W_m2: 0 },
    sinkTemp_K: 0,
  };
  it('fin efficiency 0.9 cuts the emitted flux by 10 %: 2 × 0.9 × 0.9 σ 300⁴ = 744.0 W/m²', () => {
    expect(radiatorSizing({ ...plate, finEfficiency: 0.9 }).emitted_W_m2).toBeCloseTo(
      2 * 0.9 * 0.9 * SIGMA * 300 ** 4,
      6,
    );
  });
  it('one face at 297.54 K, ε 0.9 emits 400 W/m² (the 2.5 m²/kW of arXiv:2604.27197 read as a one-sided radiator)', () => {
    const r = radiatorSizing({ ...plate, heatLoad_W: 1e6, junctionTempMax_K: 297.5442, radiatingFaces: 1 });
    expect(r.netFlux_W_m2).toBeCloseTo(400, 2);
    expect(r.requiredRadiatorArea_m2).toBeCloseTo(2500, 0);
  });
  it('Earth IR follows the per-face view factors: [0.8, 0] absorbs ε × 260 × 0.8 = 187.2 W/m² (ε 0.9)', () => {
    const r = radiatorSizing({
      ...plate,
      environment: { solarIrradiance_W_m2: 0, albedo: 0, earthIR_W_m2: 260 },
      earthViewFactors: [0.8, 0],
    });
    expect(r.absorbedEarthIR_W_m2).toBeCloseTo(0.9 * 260 * 0.8, 9);
    const earthIR = { solarIrradiance_W_m2: 0, albedo: 0, earthIR_W_m2: 260 };
    const one = radiatorSizing({ ...plate, environment: earthIR, earthViewFactors: [0.8, 0.3], radiatingFaces: 1 });
    expect(one.absorbedEarthIR_W_m2).toBeCloseTo(0.9 * 260 * 0.8, 9); // the insulated face's view does not count
  });
});

describe('coldCaseHeater: eclipse heater holding the loop at its minimum temperature', () => {
  const cold = {
    radiatorArea_m2: 100,
    minLoopTemp_K: 283.15,
    irEmittance: 0.85,
    earthViewFactors: [0.25, 0.25] as const,
    finEfficiency: 1,
    eclipseDissipation_W: 0,
  };
  it('water loop, 100 m², ε 0.85, idle in eclipse: loss 100 × (2 × 0.85 σ (283.15⁴ − 3⁴) − 0.85 × 206 × 0.5) = 53,207 W', () => {
    const r = coldCaseHeater(cold);
    const hand = 100 * (2 * 0.85 * SIGMA * (283.15 ** 4 - 3 ** 4) - 0.85 * 206 * 0.5);
    expect(r.radiatorLossAtMin_W).toBeCloseTo(hand, 3);
    expect(r.heaterPower_W).toBeCloseTo(hand, 3);
  });
  it('dissipation in eclipse offsets the heater, which never goes negative', () => {
    expect(coldCaseHeater({ ...cold, eclipseDissipation_W: 50e3 }).heaterPower_W).toBeCloseTo(3207.2, 0);
    expect(coldCaseHeater({ ...cold, eclipseDissipation_W: 1e6 }).heaterPower_W).toBe(0);
  });
  it('an ammonia loop (205.5 K minimum) loses far less: 2 × 0.85 σ 205.5⁴ − 87.55 = 84.36 W/m²', () => {
    const r = coldCaseHeater({ ...cold, minLoopTemp_K: 205.5 });
    expect(r.radiatorLossAtMin_W / 100).toBeCloseTo(84.363, 2);
  });
  it('rejects a minimum temperature outside 150–350 K', () => {
    expect(() => coldCaseHeater({ ...cold, minLoopTemp_K: 100 })).toThrow(RangeError);
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
      expect(() => coldCaseHeater({ ...plate, irEmittance: 0 })).toThrow(
        'coldCaseHeater: irEmittance must be in (0, 1]',
      );
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
});
