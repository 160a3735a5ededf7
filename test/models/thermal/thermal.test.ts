import { describe, expect, it } from 'vitest';
import {
  HOT_CASE_ENVIRONMENT,
  NO_ENVIRONMENT,
  earthViewFactorVerticalPlate,
  radiatorSizing,
  radiatorTempForArea_K,
  type RadiatorSizingParams,
} from '../../../src/models/thermal/thermal.js';

// Sources:
// [DF] docs/sources.md §4 "Ideal radiator flux" and §11 cases 1–3.
// [AI1] SpaceX AI1 as reported (docs/sources.md §3): 150 kW peak, ~110 m² two-sided knife-edge radiator, ~1,400 W/m².
// [SC] Starcloud white paper "Why we should train AI in space": ~838 W/m² emitted at 20 °C two-sided, ~633 W/m² net.
// [SDC] spacedc-mdao tests/test_published_cases.py + coatings (OSR BOL α 0.04, ε 0.85; F_E 0.05; S 1361, a 0.30,
//       OLR 238): reproduces 633 W/m² as "600–680".
// [HW] Howell, Catalog of Radiation Heat Transfer Configuration Factors: planar element to sphere.

const tolerance_K = 2; // [DF] case 2
const relTolerance = 0.005; // [DF] case 1: ±0.5 %

/** Ideal radiator: no environment, 0 K sink, radiator temperature = T (ΔT_loop = 0). */
const ideal = (heatLoad_W: number, T_K: number, eps: number): RadiatorSizingParams => ({
  heatLoad_W,
  junctionTempMax_K: T_K,
  loopDeltaT_K: 0,
  solarAbsorptance: 0.1,
  irEmittance: eps,
  altitude_m: 600e3,
  arealDensity_kg_m2: 7,
  pumpPower_W_per_W: 0.02,
  environment: NO_ENVIRONMENT,
  sinkTemp_K: 0,
});

/** AI1-like node in the hot case: OSR-class coating, 600 km, 85 °C junction limit, 10 K loop drop. */
const ai1Hot: RadiatorSizingParams = {
  heatLoad_W: 150e3,
  junctionTempMax_K: 358.15,
  loopDeltaT_K: 10,
  solarAbsorptance: 0.1,
  irEmittance: 0.85,
  altitude_m: 600e3,
  arealDensity_kg_m2: 7,
  pumpPower_W_per_W: 0.02,
};

describe('radiatorSizing: ideal radiator', () => {
  it('150 kW at 300 K, ε 0.9, two-sided, 0 K sink needs 181.4 m² [DF case 1]', () => {
    const r = radiatorSizing(ideal(150e3, 300, 0.9));
    expect(Math.abs(r.requiredRadiatorArea_m2 / 181.4 - 1)).toBeLessThan(relTolerance);
    // one side emits 413 W/m² (spacedc-mdao table), so a one-sided panel would need 362.9 m²
    expect(Math.abs(150e3 / (r.emitted_W_m2 / 2) / 362.9 - 1)).toBeLessThan(relTolerance);
  });
  it('emitted_W_m2 reproduces the [DF] ideal-flux table (two sides, ε 0.9)', () => {
    const table: [number, number][] = [
      [293, 754],
      [320, 1070],
      [340, 1364],
      [350, 1532],
    ];
    for (const [T, flux] of table)
      expect(Math.abs(radiatorSizing(ideal(1, T, 0.9)).emitted_W_m2 / flux - 1)).toBeLessThan(relTolerance);
  });
  it('Starcloud: 837.5 W/m² emitted at 293.15 K, ε 1, two sides [SC, DF case 3]', () => {
    const r = radiatorSizing({ ...ideal(1, 293.15, 1) });
    expect(Math.abs(r.emitted_W_m2 - 837.5)).toBeLessThan(1);
  });
});

describe('radiatorTempForArea_K', () => {
  it('AI1: 150 kW on 110 m², ε 0.9, no environment → 340 K [DF case 2, AI1]', () => {
    const r = radiatorTempForArea_K({
      heatLoad_W: 150e3,
      area_m2: 110,
      solarAbsorptance: 0.1,
      irEmittance: 0.9,
      altitude_m: 600e3,
      environment: NO_ENVIRONMENT,
      sinkTemp_K: 0,
    });
    expect(Math.abs(r.radiatorTemp_K - 340)).toBeLessThan(tolerance_K);
  });
  it('AI1 quoted 1,400 W/m² needs 342 K at ε 0.90 and 347 K at ε 0.85 [DF case 2]', () => {
    const at = (eps: number): number =>
      radiatorTempForArea_K({
        heatLoad_W: 1400,
        area_m2: 1,
        solarAbsorptance: 0.1,
        irEmittance: eps,
        altitude_m: 600e3,
        environment: NO_ENVIRONMENT,
        sinkTemp_K: 0,
      }).radiatorTemp_K;
    expect(Math.abs(at(0.9) - 342)).toBeLessThan(tolerance_K);
    expect(Math.abs(at(0.85) - 347)).toBeLessThan(tolerance_K);
  });
  it('is the inverse of radiatorSizing (same environment)', () => {
    const sized = radiatorSizing(ai1Hot);
    const T = radiatorTempForArea_K({ ...ai1Hot, area_m2: sized.requiredRadiatorArea_m2 }).radiatorTemp_K;
    expect(Math.abs(T - sized.radiatorTemp_K)).toBeLessThan(1e-6);
  });
  it('the hot-case environment makes AI1’s 110 m² run hotter than the ideal 340 K', () => {
    const hot = radiatorTempForArea_K({
      heatLoad_W: 150e3,
      area_m2: 110,
      solarAbsorptance: 0.1,
      irEmittance: 0.9,
      altitude_m: 600e3,
    });
    expect(hot.radiatorTemp_K).toBeGreaterThan(340 + tolerance_K);
    expect(hot.radiatorTemp_K).toBeLessThan(360); // Earth IR at F_E ≈ 0.25 per face adds ~150 W/m²: ~9 K
  });
});

describe('radiatorSizing: environment', () => {
  it('Starcloud net rejection 600–680 W/m² with OSR, face-on Sun and F_E = 0.05 [SC, SDC, DF case 3]', () => {
    // With ε = 1 the same balance gives ~760 W/m²: the paper's 633 needs a real coating emittance
    // (spacedc uses OSR ε 0.85 at BOL), so the net check uses ε 0.85.
    const r = radiatorSizing({
      ...ideal(1, 293.15, 0.85),
      solarAbsorptance: 0.04,
      solarIncidence_rad: Math.PI / 2,
      earthViewFactorPerFace: 0.05,
      environment: { solarIrradiance_W_m2: 1361, albedo: 0.3, earthIR_W_m2: 238 },
      sinkTemp_K: 3,
    });
    expect(r.netFlux_W_m2).toBeGreaterThan(600);
    expect(r.netFlux_W_m2).toBeLessThan(680);
  });
  it('requiredRadiatorArea_m2 grows with heat load (linearly)', () => {
    const a1 = radiatorSizing(ai1Hot).requiredRadiatorArea_m2;
    const a2 = radiatorSizing({ ...ai1Hot, heatLoad_W: 300e3 }).requiredRadiatorArea_m2;
    expect(a2 / a1).toBeCloseTo(2, 12);
  });
  it('requiredRadiatorArea_m2 shrinks as the junction limit rises and grows with α and loop ΔT', () => {
    const base = radiatorSizing(ai1Hot).requiredRadiatorArea_m2;
    expect(radiatorSizing({ ...ai1Hot, junctionTempMax_K: 373.15 }).requiredRadiatorArea_m2).toBeLessThan(base);
    expect(radiatorSizing({ ...ai1Hot, solarAbsorptance: 0.3 }).requiredRadiatorArea_m2).toBeGreaterThan(base);
    expect(radiatorSizing({ ...ai1Hot, loopDeltaT_K: 20 }).requiredRadiatorArea_m2).toBeGreaterThan(base);
  });
  it('hot-case absorbed load is dominated by Earth IR for a knife-edge vertical radiator', () => {
    const r = radiatorSizing(ai1Hot);
    expect(r.absorbedEarthIR_W_m2).toBeGreaterThan(r.absorbedSolar_W_m2 + r.absorbedAlbedo_W_m2);
    expect(r.absorbed_W_m2).toBeCloseTo(r.absorbedSolar_W_m2 + r.absorbedAlbedo_W_m2 + r.absorbedEarthIR_W_m2, 9);
    expect(HOT_CASE_ENVIRONMENT.solarIrradiance_W_m2).toBe(1406);
  });
  it('radiatorMass_kg = area × areal density and pumpPower_W = load × W/W', () => {
    const r = radiatorSizing(ai1Hot);
    expect(r.radiatorMass_kg).toBeCloseTo(r.requiredRadiatorArea_m2 * 7, 9);
    expect(r.pumpPower_W).toBeCloseTo(3000, 9);
  });
  it('throws a RangeError naming the equilibrium temperature when the environment wins (no NaN, no ∞)', () => {
    expect(() =>
      radiatorSizing({
        ...ai1Hot,
        junctionTempMax_K: 220,
        loopDeltaT_K: 0,
        solarAbsorptance: 0.9,
        solarIncidence_rad: Math.PI / 2,
      }),
    ).toThrow(/equilibrium/);
  });
  it('rejects out-of-range inputs with RangeError', () => {
    expect(() => radiatorSizing({ ...ai1Hot, irEmittance: 0 })).toThrow(RangeError);
    expect(() => radiatorSizing({ ...ai1Hot, heatLoad_W: -1 })).toThrow(RangeError);
    expect(() => radiatorSizing({ ...ai1Hot, altitude_m: 100e3 })).toThrow(/300–2000 km/);
  });
});

describe('earthViewFactorVerticalPlate', () => {
  it('matches a direct quadrature of (1/π)∫cos θ dΩ over the Earth disc [HW]', () => {
    for (const h of [300e3, 600e3, 1200e3, 2000e3]) {
      const rho = Math.asin(6378137 / (6378137 + h));
      // plate normal horizontal; directions at angle t from nadir, azimuth φ from the normal's vertical plane
      const N = 400;
      let F = 0;
      for (let i = 0; i < N; i++) {
        const t = ((i + 0.5) * rho) / N;
        for (let j = 0; j < N; j++) {
          const phi = -Math.PI / 2 + ((j + 0.5) * Math.PI) / N;
          F += Math.sin(t) * Math.cos(phi) * Math.sin(t) * (rho / N) * (Math.PI / N);
        }
      }
      F /= Math.PI;
      expect(earthViewFactorVerticalPlate({ altitude_m: h }).viewFactorPerFace).toBeCloseTo(F, 5);
    }
  });
  it('is ≈0.25 at 600 km and falls with altitude', () => {
    expect(earthViewFactorVerticalPlate({ altitude_m: 600e3 }).viewFactorPerFace).toBeCloseTo(0.249, 3);
    expect(earthViewFactorVerticalPlate({ altitude_m: 2000e3 }).viewFactorPerFace).toBeLessThan(
      earthViewFactorVerticalPlate({ altitude_m: 300e3 }).viewFactorPerFace,
    );
  });
});

describe('albedo on both radiator faces', () => {
  // A knife-edge plate whose plane contains nadir sees the Earth from BOTH faces (view factor F_E per face), so it
  // absorbs reflected sunlight on both: q_albedo = 2 · α · a · S · F_E per m² of planform (Gilmore 2002 ch. 2).
  // Hand calculation with α 0.2, a 0.3, S 1,400 W/m², F_E 0.25 per face, no Earth IR, no direct Sun (θ_inc = 0):
  //   q_albedo = 2 · 0.2 · 0.3 · 1400 · 0.25 = 42 W/m²
  //   emitted  = 2 · 0.9 · σ · 300⁴ = 1.8 · 5.670374419e-8 · 8.1e9 = 826.73 W/m² (CODATA 2018 σ; sink 0 K)
  //   area     = 100 kW / (826.73 − 42) = 127.43 m²
  const SIGMA = 5.670374419e-8;
  const albedoOnly = {
    solarAbsorptance: 0.2,
    irEmittance: 0.9,
    altitude_m: 550e3,
    solarIncidence_rad: 0,
    earthViewFactorPerFace: 0.25,
    environment: { solarIrradiance_W_m2: 1400, albedo: 0.3, earthIR_W_m2: 0 },
    sinkTemp_K: 0,
  };

  it('absorbs 2·α·a·S·F_E: 42 W/m² and 127.4 m² for 100 kW at 300 K (hand calculation)', () => {
    const r = radiatorSizing({
      ...albedoOnly,
      heatLoad_W: 100e3,
      junctionTempMax_K: 330,
      loopDeltaT_K: 30,
      arealDensity_kg_m2: 7,
      pumpPower_W_per_W: 0,
    });
    expect(r.absorbedSolar_W_m2).toBe(0);
    expect(r.absorbedEarthIR_W_m2).toBe(0);
    expect(r.absorbedAlbedo_W_m2).toBeCloseTo(42, 9);
    expect(r.emitted_W_m2).toBeCloseTo(1.8 * SIGMA * 300 ** 4, 6);
    expect(r.requiredRadiatorArea_m2).toBeCloseTo(100e3 / (1.8 * SIGMA * 300 ** 4 - 42), 6);
    expect(r.requiredRadiatorArea_m2).toBeCloseTo(127.43, 2);
  });

  it('the equilibrium temperature of a given area includes the albedo of both faces', () => {
    // 2εσT⁴ = Q/A + q_albedo = 1000 + 42 W/m² → T = (1042 / (1.8 σ))^¼ = 317.9 K
    const { radiatorTemp_K } = radiatorTempForArea_K({ ...albedoOnly, heatLoad_W: 100e3, area_m2: 100 });
    expect(radiatorTemp_K).toBeCloseTo((1042 / (1.8 * SIGMA)) ** 0.25, 6);
  });
});
