import { describe, expect, it } from 'vitest';
import { coolantLoop, loopHeatLoad, type CoolantLoopParams } from '../../../src/models/thermal/coolantLoop.js';
import { coldCaseHeater } from '../../../src/models/thermal/thermalColdCase.js';
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
