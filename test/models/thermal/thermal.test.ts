import { describe, expect, it } from 'vitest';
import {
  HOT_CASE_ENVIRONMENT,
  NO_ENVIRONMENT,
  earthViewFactorVerticalPlate,
  radiatorSizing,
  radiatorTempForArea_K,
  type RadiatorSizingParams,
} from '../../../src/models/thermal/thermal.js';
import { EARTH_RADIUS_m, SIGMA } from '../../helpers/constants.js';

// Sources:
// [DF] docs/sources.md §4 "Ideal radiator flux" and §11 cases 1–3.
// [AI1] SpaceX AI1 as reported (docs/sources.md §3): 150 kW peak, ~110 m² two-sided knife-edge radiator, ~1,400 W/m².
// [SC] Starcloud white paper "Why we should train AI in space": ~838 W/m² emitted at 20 °C two-sided, ~633 W/m² net.
// [SDC] spacedc-mdao tests/test_published_cases.py + coatings (OSR BOL α 0.04, ε 0.85; F_E 0.05; S 1361, a 0.30,
//       OLR 238): reproduces 633 W/m² as "600–680".
// [HW] Howell, Catalog of Radiation Heat Transfer Configuration Factors: planar element to sphere.

const tolerance_K = 2; // [DF] case 2
const relTolerance = 0.005; // [DF] case 1: ±0.5 %

/** 100 kW on a 300 K panel (330 K junction − 30 K loop), ε 0.9, α 0.2, 550 km, no direct Sun, no environment. */
const panel300K: RadiatorSizingParams = {
  heatLoad_W: 100e3,
  junctionTempMax_K: 330,
  loopDeltaT_K: 30,
  solarAbsorptance: 0.2,
  irEmittance: 0.9,
  altitude_m: 550e3,
  solarIncidence_rad: 0,
  environment: NO_ENVIRONMENT,
  sinkTemp_K: 0,
  arealDensity_kg_m2: 7,
  pumpPower_W_per_W: 0,
};

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
    expect(r.requiredRadiatorArea_m2).toBeWithinRelative(181.4, relTolerance);
    // one side emits 413 W/m² (spacedc-mdao table), so a one-sided panel would need 362.9 m²
    expect(150e3 / (r.emitted_W_m2 / 2)).toBeWithinRelative(362.9, relTolerance);
  });
  it('emitted_W_m2 reproduces the [DF] ideal-flux table (two sides, ε 0.9)', () => {
    const table: [number, number][] = [
      [293, 754],
      [320, 1070],
      [340, 1364],
      [350, 1532],
    ];
    for (const [T, flux] of table)
      expect(radiatorSizing(ideal(1, T, 0.9)).emitted_W_m2).toBeWithinRelative(flux, relTolerance);
  });
  it('Starcloud: 837.5 W/m² emitted at 293.15 K, ε 1, two sides [SC, DF case 3]', () => {
    const r = radiatorSizing({ ...ideal(1, 293.15, 1) });
    expect(Math.abs(r.emitted_W_m2 - 837.5)).toBeLessThan(1);
  });
});

describe('radiatorTempForArea_K', () => {
  /** AI1 as reported [AI1]: 150 kW on 110 m², ε 0.9, OSR-class α 0.1 at 600 km. */
  const ai1Area = { heatLoad_W: 150e3, area_m2: 110, solarAbsorptance: 0.1, irEmittance: 0.9, altitude_m: 600e3 };
  const noEnvironment = { environment: NO_ENVIRONMENT, sinkTemp_K: 0 };
  it('AI1: 150 kW on 110 m², ε 0.9, no environment → 340 K [DF case 2, AI1]', () => {
    const r = radiatorTempForArea_K({ ...ai1Area, ...noEnvironment });
    expect(Math.abs(r.radiatorTemp_K - 340)).toBeLessThan(tolerance_K);
  });
  it('AI1 quoted 1,400 W/m² needs 342 K at ε 0.90 and 347 K at ε 0.85 [DF case 2]', () => {
    const at = (eps: number): number =>
      radiatorTempForArea_K({ ...ai1Area, ...noEnvironment, heatLoad_W: 1400, area_m2: 1, irEmittance: eps })
        .radiatorTemp_K;
    expect(Math.abs(at(0.9) - 342)).toBeLessThan(tolerance_K);
    expect(Math.abs(at(0.85) - 347)).toBeLessThan(tolerance_K);
  });
  it('is the inverse of radiatorSizing (same environment)', () => {
    const sized = radiatorSizing(ai1Hot);
    const T = radiatorTempForArea_K({ ...ai1Hot, area_m2: sized.requiredRadiatorArea_m2 }).radiatorTemp_K;
    expect(Math.abs(T - sized.radiatorTemp_K)).toBeLessThan(1e-6);
  });
  it('the hot-case environment makes AI1’s 110 m² run hotter than the ideal 340 K', () => {
    const hot = radiatorTempForArea_K(ai1Area);
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

describe('radiator options: fin efficiency, one face, per-face view factors', () => {
  /** 100 kW at 300 K, ε 0.9, no environment, 0 K sink, no pumps. */
  const plate: RadiatorSizingParams = { ...ideal(1e5, 300, 0.9), pumpPower_W_per_W: 0 };
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

describe('earthViewFactorVerticalPlate', () => {
  it('matches a direct quadrature of (1/π)∫cos θ dΩ over the Earth disc [HW]', () => {
    for (const h of [300e3, 600e3, 1200e3, 2000e3]) {
      const rho = Math.asin(EARTH_RADIUS_m / (EARTH_RADIUS_m + h));
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
  // panel300K: α 0.2, ε 0.9, 550 km, θ_inc = 0, 0 K sink.
  const albedoOnly: RadiatorSizingParams = {
    ...panel300K,
    earthViewFactorPerFace: 0.25,
    environment: { solarIrradiance_W_m2: 1400, albedo: 0.3, earthIR_W_m2: 0 },
  };

  it('absorbs 2·α·a·S·F_E: 42 W/m² and 127.4 m² for 100 kW at 300 K (hand calculation)', () => {
    const r = radiatorSizing(albedoOnly);
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

describe('emittance', () => {
  /**
   * Emittance and fin efficiency in the infeasible-case message of src/models/thermal/thermal.ts, and the ends of the
   * emittance and view-factor ranges (hand calculations; σ = 5.670374419e-8 W/m²K⁴, CODATA 2018).
   */
  const panel = panel300K;

  describe('equilibrium temperature with ε and η_fin below 1', () => {
    it('ε 0.8, η_fin 0.5, 400 W/m² OLR on ΣF = 1: absorbs 320, emits 72.6 at 200 K, equilibrium (320/(0.8σ))^¼', () => {
      // absorbed IR = ε·OLR·ΣF = 0.8 × 400 × 1 = 320 W/m²; emitted = 2 × 0.5 × 0.8 × σ × 200⁴ = 72.58 W/m²
      // T_eq: 2·η·ε·σ·T⁴ = 320 → T = (320 / (0.8 σ))^¼ = (7.0543e9)^¼ = 289.8 K
      const Teq = (320 / (0.8 * SIGMA)) ** 0.25;
      expect(Teq).toBeCloseTo(289.8, 1);
      const p: RadiatorSizingParams = {
        ...panel,
        junctionTempMax_K: 200,
        loopDeltaT_K: 0,
        irEmittance: 0.8,
        finEfficiency: 0.5,
        earthViewFactors: [0.5, 0.5],
        environment: { solarIrradiance_W_m2: 0, albedo: 0, earthIR_W_m2: 400 },
      };
      expect(() => radiatorSizing(p)).toThrow(
        `absorbs 320.0 W/m² but emits only ${(0.8 * SIGMA * 200 ** 4).toFixed(1)} W/m²; it cannot reject heat below ` +
          `its environmental equilibrium of ${Teq.toFixed(1)} K`,
      );
    });
  });

  describe('range ends', () => {
    it('an emittance of 0 is refused by name (not reported as an environment that wins)', () => {
      expect(() => radiatorSizing({ ...panel, irEmittance: 0 })).toThrow(/irEmittance = 0 must be in \(0, 1\]/);
    });

    it('a scalar Earth view factor of 1 (the whole sky Earth, a limit) is accepted', () => {
      // no environment: the view factor changes nothing but must pass the [0, 1] check
      expect(radiatorSizing({ ...panel, earthViewFactorPerFace: 1 }).earthViewFactorPerFace).toBe(1);
    });
  });
});

describe('faces', () => {
  /**
   * Radiator options of src/models/thermal/thermal.ts that the published cases (thermal.test.ts) leave at their
   * defaults:
   * one radiating face, per-face Earth view factors, fin efficiency, sink temperature, the default 5° Sun incidence,
   * the infeasible-case message and the validity edges. Every expectation is a hand calculation of the header's balance
   *   emitted = faces·η_fin·ε·σ·(T⁴ − T_sink⁴),  absorbed = α·S·sin θ + α·a·S·ΣF + ε·OLR·ΣF,
   * with ΣF = F₁ + F₂ for two faces and F₁ for one (Gilmore 2002 ch. 2 and 6), σ = 5.670374419e-8 W/m²K⁴ (CODATA 2018).
   */

  /** The 300 K panel with Earth albedo a 0.3 of S 1,400 W/m² and OLR 200 W/m². */
  const panel: RadiatorSizingParams = {
    ...panel300K,
    environment: { solarIrradiance_W_m2: 1400, albedo: 0.3, earthIR_W_m2: 200 },
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
      const message =
        /radiatorSizing: environment must have solarIrradiance_W_m2 ≥ 0, 0 ≤ albedo ≤ 1, earthIR_W_m2 ≥ 0/;
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
      const at = (heatLoad_W: number, area_m2: number) => () =>
        radiatorTempForArea_K({ ...panel, heatLoad_W, area_m2 });
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
});
