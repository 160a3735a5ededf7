/**
 * Radiator options of src/models/thermal/thermal.ts that the published cases (thermal.test.ts) leave at their defaults:
 * one
 * radiating face, per-face Earth view factors, fin efficiency, sink temperature, the default 5° Sun incidence, the
 * infeasible-case message and the validity edges. Every expectation is a hand calculation of the header's balance
 *   emitted = faces·η_fin·ε·σ·(T⁴ − T_sink⁴),  absorbed = α·S·sin θ + α·a·S·ΣF + ε·OLR·ΣF,
 * with ΣF = F₁ + F₂ for two faces and F₁ for one (Gilmore 2002 ch. 2 and 6), σ = 5.670374419e-8 W/m²K⁴ (CODATA 2018).
 */
import { describe, expect, it } from 'vitest';
import {
  NO_ENVIRONMENT,
  earthViewFactorVerticalPlate,
  radiatorSizing,
  radiatorTempForArea_K,
  type RadiatorSizingParams,
} from '../../../src/models/thermal/thermal.js';

const SIGMA = 5.670374419e-8;

/** 300 K panel (330 K junction − 30 K loop), ε 0.9, α 0.2, no direct Sun; Earth albedo a 0.3 of S 1,400, OLR 200. */
const panel: RadiatorSizingParams = {
  heatLoad_W: 100e3,
  junctionTempMax_K: 330,
  loopDeltaT_K: 30,
  solarAbsorptance: 0.2,
  irEmittance: 0.9,
  altitude_m: 550e3,
  solarIncidence_rad: 0,
  environment: { solarIrradiance_W_m2: 1400, albedo: 0.3, earthIR_W_m2: 200 },
  sinkTemp_K: 0,
  arealDensity_kg_m2: 7,
  pumpPower_W_per_W: 0,
};
/** σ·300⁴ = 5.670374419e-8 × 8.1e9 = 459.3003 W/m² per unit emittance and face. */
const sigmaT4 = SIGMA * 300 ** 4;

describe('per-face Earth view factors and the number of radiating faces', () => {
  it('two faces with F = [0.3, 0.1] absorb on ΣF = 0.4: albedo 33.6 W/m², Earth IR 72 W/m²', () => {
    // albedo = α·a·S·ΣF = 0.2 × 0.3 × 1400 × 0.4 = 33.6; IR = ε·OLR·ΣF = 0.9 × 200 × 0.4 = 72
    const r = radiatorSizing({ ...panel, earthViewFactors: [0.3, 0.1] });
    expect(r.earthViewFactorPerFace).toBeCloseTo(0.2, 12); // the mean of the pair
    expect(r.absorbedAlbedo_W_m2).toBeCloseTo(33.6, 9);
    expect(r.absorbedEarthIR_W_m2).toBeCloseTo(72, 9);
    expect(r.emitted_W_m2).toBeCloseTo(2 * 0.9 * sigmaT4, 9);
    expect(r.requiredRadiatorArea_m2).toBeCloseTo(100e3 / (2 * 0.9 * sigmaT4 - 105.6), 9);
  });

  it('the pair overrides a scalar view factor', () => {
    const r = radiatorSizing({ ...panel, earthViewFactors: [0.3, 0.1], earthViewFactorPerFace: 0.45 });
    expect(r.absorbedEarthIR_W_m2).toBeCloseTo(72, 9);
  });

  it('one face (back insulated) emits εσT⁴ once and sees face 1’s Earth only: F₁ = 0.3 → albedo 25.2, IR 54', () => {
    // emitted = 0.9 × 459.3003 = 413.370 W/m²; albedo 0.2 × 0.3 × 1400 × 0.3 = 25.2; IR 0.9 × 200 × 0.3 = 54
    const r = radiatorSizing({ ...panel, earthViewFactors: [0.3, 0.1], radiatingFaces: 1 });
    expect(r.emitted_W_m2).toBeCloseTo(0.9 * sigmaT4, 9);
    expect(r.absorbedAlbedo_W_m2).toBeCloseTo(25.2, 9);
    expect(r.absorbedEarthIR_W_m2).toBeCloseTo(54, 9);
    expect(r.netFlux_W_m2).toBeCloseTo(0.9 * sigmaT4 - 79.2, 9);
  });

  it('one face with a scalar view factor 0.25 absorbs on 0.25 (not 2 × 0.25): albedo 21, IR 45', () => {
    const r = radiatorSizing({ ...panel, earthViewFactorPerFace: 0.25, radiatingFaces: 1 });
    expect(r.absorbedAlbedo_W_m2).toBeCloseTo(21, 9);
    expect(r.absorbedEarthIR_W_m2).toBeCloseTo(45, 9);
  });

  it('the temperature of a given one-sided area inverts the same balance', () => {
    // εσT⁴ = Q/A + absorbed = 1000 + 21 + 45 → T = (1066 / (0.9 σ))^¼
    const T = radiatorTempForArea_K({ ...panel, earthViewFactorPerFace: 0.25, radiatingFaces: 1, area_m2: 100 });
    expect(T.radiatorTemp_K).toBeCloseTo((1066 / (0.9 * SIGMA)) ** 0.25, 9);
    expect(T.netFlux_W_m2).toBe(1000);
  });
});

describe('fin efficiency, sink temperature and the default Sun incidence', () => {
  it('a fin efficiency of 0.8 scales the emission only: 2 × 0.8 × 0.9 σ 300⁴', () => {
    const r = radiatorSizing({ ...panel, finEfficiency: 0.8, earthViewFactorPerFace: 0.25 });
    expect(r.emitted_W_m2).toBeCloseTo(2 * 0.8 * 0.9 * sigmaT4, 9);
    expect(r.absorbedEarthIR_W_m2).toBeCloseTo(90, 9); // 0.9 × 200 × 0.5, not scaled by η_fin
    const T = radiatorTempForArea_K({ ...panel, finEfficiency: 0.8, earthViewFactorPerFace: 0.25, area_m2: 100 });
    // 1.44 σ T⁴ = 1000 + 42 (albedo) + 90 (IR)
    expect(T.radiatorTemp_K).toBeCloseTo((1132 / (1.44 * SIGMA)) ** 0.25, 9);
  });

  it('a 200 K sink removes 2εσ·200⁴ from the emission, and the temperature inverse adds it back', () => {
    const bare = { ...panel, environment: NO_ENVIRONMENT, sinkTemp_K: 200 };
    const r = radiatorSizing(bare);
    expect(r.emitted_W_m2).toBeCloseTo(1.8 * SIGMA * (300 ** 4 - 200 ** 4), 9);
    // 1.8 σ (T⁴ − 200⁴) = 1000 W/m² → T = (1000/(1.8 σ) + 1.6e9)^¼
    const T = radiatorTempForArea_K({ ...bare, area_m2: 100 }).radiatorTemp_K;
    expect(T).toBeCloseTo((1000 / (1.8 * SIGMA) + 200 ** 4) ** 0.25, 9);
  });

  it('the default sink is 3 K and the default Sun incidence 5°: α·S·sin 5° = 24.40 W/m²', () => {
    const { solarIncidence_rad: _i, sinkTemp_K: _s, ...defaults } = panel;
    const r = radiatorSizing({ ...defaults, earthViewFactorPerFace: 0.25 });
    // 0.2 × 1400 × sin(5°) = 280 × 0.0871557 = 24.4036
    expect(r.absorbedSolar_W_m2).toBeCloseTo(24.4036, 4);
    expect(r.emitted_W_m2).toBeCloseTo(1.8 * SIGMA * (300 ** 4 - 3 ** 4), 9);
    // face-on Sun: the full α·S = 280 W/m²
    expect(radiatorSizing({ ...panel, solarIncidence_rad: Math.PI / 2 }).absorbedSolar_W_m2).toBeCloseTo(280, 9);
  });

  it('the default Earth view factor is the vertical-plate formula at the altitude', () => {
    const F = earthViewFactorVerticalPlate({ altitude_m: 550e3 }).viewFactorPerFace;
    const r = radiatorSizing(panel);
    expect(r.earthViewFactorPerFace).toBe(F);
    expect(r.absorbedEarthIR_W_m2).toBeCloseTo(0.9 * 200 * 2 * F, 9);
  });
});

describe('an environment that wins: the message names the equilibrium temperature', () => {
  it('200 K panel under 400 W/m² of Earth IR on ΣF = 1: equilibrium (400/(2σ))^¼ = 243.7 K', () => {
    const p: RadiatorSizingParams = {
      ...panel,
      junctionTempMax_K: 200,
      loopDeltaT_K: 0,
      irEmittance: 1,
      earthViewFactors: [0.5, 0.5],
      environment: { solarIrradiance_W_m2: 0, albedo: 0, earthIR_W_m2: 400 },
    };
    // absorbs 1 × 400 × 1 = 400 W/m²; emits 2σ·200⁴ = 181.45 W/m²
    const Teq = (400 / (2 * SIGMA)) ** 0.25;
    expect(Teq).toBeCloseTo(243.7, 1);
    expect(() => radiatorSizing(p)).toThrow(
      new RangeError(
        'radiatorSizing: radiator at 200.0 K absorbs 400.0 W/m² but emits only 181.5 W/m²; it cannot reject heat ' +
          'below its environmental equilibrium of 243.7 K (raise the junction limit, cut ΔT_loop or use a lower-α ' +
          'coating)',
      ),
    );
  });

  it('a panel at its sink temperature with no environment rejects nothing (net = 0 is infeasible, not ∞ m²)', () => {
    const atSink = { junctionTempMax_K: 200, loopDeltaT_K: 0, environment: NO_ENVIRONMENT, sinkTemp_K: 200 };
    expect(() => radiatorSizing({ ...panel, ...atSink })).toThrow(/equilibrium of 200\.0 K/);
  });
});

describe('validity edges', () => {
  const sized = (over: Partial<RadiatorSizingParams>) => () => radiatorSizing({ ...panel, ...over });
  it('radiator temperature 150–600 K inclusive', () => {
    const bare = { environment: NO_ENVIRONMENT, loopDeltaT_K: 0 };
    expect(sized({ ...bare, junctionTempMax_K: 150 })).not.toThrow();
    expect(sized({ ...bare, junctionTempMax_K: 600 })).not.toThrow();
    expect(sized({ ...bare, junctionTempMax_K: 149.9 })).toThrow(/radiator temperature 149.9 K outside .*150–600 K/);
    expect(sized({ ...bare, junctionTempMax_K: 600.1 })).toThrow(/150–600 K/);
    // 1 MW on 1 m², ε 1, two faces: (1e6/(2σ))^¼ = 1723 K, beyond 600 K
    expect(() =>
      radiatorTempForArea_K({ ...panel, irEmittance: 1, heatLoad_W: 1e6, area_m2: 1, environment: NO_ENVIRONMENT }),
    ).toThrow(/radiatorTempForArea_K: radiator temperature 17\d\d\.\d+ K outside/);
  });

  it('coating, attitude, view factors and fin efficiency: ends of the ranges accepted, beyond refused by name', () => {
    expect(
      sized({ solarAbsorptance: 1, irEmittance: 1, solarIncidence_rad: Math.PI / 2, environment: NO_ENVIRONMENT }),
    ).not.toThrow();
    expect(sized({ earthViewFactors: [1, 0], finEfficiency: 1, solarIncidence_rad: 0 })).not.toThrow();
    expect(sized({ earthViewFactorPerFace: 0, environment: { ...NO_ENVIRONMENT, albedo: 1 } })).not.toThrow();
    expect(sized({ solarAbsorptance: 0 })).toThrow(/radiatorSizing: solarAbsorptance = 0 must be in \(0, 1\]/);
    expect(sized({ solarAbsorptance: 1.01 })).toThrow(/solarAbsorptance/);
    expect(sized({ irEmittance: 1.01 })).toThrow(/radiatorSizing: irEmittance = 1.01 must be in \(0, 1\]/);
    expect(sized({ solarIncidence_rad: -0.01 })).toThrow(/solarIncidence_rad = -0.01 must be in \[0, π\/2\]/);
    expect(sized({ solarIncidence_rad: Math.PI / 2 + 0.01 })).toThrow(/solarIncidence_rad/);
    expect(sized({ earthViewFactors: [-0.1, 0.2] })).toThrow(/earthViewFactors = \[-0.1, 0.2\] must each be in/);
    expect(sized({ earthViewFactors: [0.2, 1.1] })).toThrow(/earthViewFactors/);
    expect(sized({ earthViewFactorPerFace: 1.2 })).toThrow(/earthViewFactorPerFace = 1.2 must be in \[0, 1\]/);
    expect(sized({ earthViewFactorPerFace: -0.1 })).toThrow(/earthViewFactorPerFace/);
    expect(sized({ finEfficiency: 0 })).toThrow(/finEfficiency = 0 must be in \(0, 1\]/);
    expect(sized({ finEfficiency: 1.1 })).toThrow(/finEfficiency/);
  });

  it('environment: negative irradiance or OLR, albedo outside [0, 1] refused', () => {
    const env = { solarIrradiance_W_m2: 1400, albedo: 0.3, earthIR_W_m2: 200 };
    const message = /radiatorSizing: environment must have solarIrradiance_W_m2 ≥ 0, 0 ≤ albedo ≤ 1, earthIR_W_m2 ≥ 0/;
    expect(sized({ environment: { ...env, solarIrradiance_W_m2: -1 } })).toThrow(message);
    expect(sized({ environment: { ...env, albedo: -0.1 } })).toThrow(message);
    expect(sized({ environment: { ...env, albedo: 1.1 } })).toThrow(message);
    expect(sized({ environment: { ...env, earthIR_W_m2: -1 } })).toThrow(message);
  });

  it('sizing inputs: load > 0 and finite, ΔT_loop, areal density and pump power ≥ 0 (0 accepted)', () => {
    expect(sized({ arealDensity_kg_m2: 0, pumpPower_W_per_W: 0 })).not.toThrow();
    expect(sized({ heatLoad_W: 0 })).toThrow(/radiatorSizing: heatLoad_W = 0 must be > 0/);
    expect(sized({ heatLoad_W: Infinity })).toThrow(/heatLoad_W/);
    expect(sized({ loopDeltaT_K: -1 })).toThrow(/radiatorSizing: loopDeltaT_K = -1 must be ≥ 0/);
    expect(sized({ arealDensity_kg_m2: -1 })).toThrow(/radiatorSizing: arealDensity_kg_m2 must be ≥ 0/);
    expect(sized({ pumpPower_W_per_W: -0.1 })).toThrow(/radiatorSizing: pumpPower_W_per_W must be ≥ 0/);
  });

  it('temperature for an area: load ≥ 0 (0 gives the environmental equilibrium), area > 0 and finite', () => {
    const at = (heatLoad_W: number, area_m2: number) => () => radiatorTempForArea_K({ ...panel, heatLoad_W, area_m2 });
    // no load: 1.8 σ T⁴ = albedo 2·0.2·0.3·1400·F + IR 2·0.9·200·F at the 550 km vertical-plate F
    const F = earthViewFactorVerticalPlate({ altitude_m: 550e3 }).viewFactorPerFace;
    expect(radiatorTempForArea_K({ ...panel, heatLoad_W: 0, area_m2: 1 }).radiatorTemp_K).toBeCloseTo(
      (((168 + 360) * F) / (1.8 * SIGMA)) ** 0.25,
      9,
    );
    expect(at(-1, 1)).toThrow(/radiatorTempForArea_K: heatLoad_W must be ≥ 0/);
    expect(at(Infinity, 1)).toThrow(/heatLoad_W/);
    expect(at(1000, 0)).toThrow(/radiatorTempForArea_K: area_m2 = 0 must be > 0/);
    expect(at(1000, Infinity)).toThrow(/area_m2/);
  });

  it('vertical-plate view factor: 300 and 2,000 km accepted, outside refused', () => {
    expect(() => earthViewFactorVerticalPlate({ altitude_m: 300e3 })).not.toThrow();
    expect(() => earthViewFactorVerticalPlate({ altitude_m: 2000e3 })).not.toThrow();
    expect(() => earthViewFactorVerticalPlate({ altitude_m: 299e3 })).toThrow(
      /earthViewFactorVerticalPlate: altitude_m = 299000 outside the validity range 300–2000 km/,
    );
    expect(() => earthViewFactorVerticalPlate({ altitude_m: 2001e3 })).toThrow(/300–2000 km/);
  });
});
