/**
 * Emittance and fin efficiency in the infeasible-case message of src/models/thermal/thermal.ts, and the ends of the
 * emittance
 * and view-factor ranges (hand calculations; σ = 5.670374419e-8 W/m²K⁴, CODATA 2018).
 */
import { describe, expect, it } from 'vitest';
import { NO_ENVIRONMENT, radiatorSizing, type RadiatorSizingParams } from '../../../src/models/thermal/thermal.js';

const SIGMA = 5.670374419e-8;
const panel: RadiatorSizingParams = {
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
