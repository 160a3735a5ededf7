import { describe, expect, it } from 'vitest';
import {
  COST_TECHNOLOGIES,
  COST_TECHNOLOGY,
  costTechnologyPrices,
  DEFAULT_COST_TECHNOLOGY,
  type CostTechnologyPrices,
} from '../../../src/models/cost/costTechnology.js';

/**
 * The cost technology presets as prices, without evaluating a design: the cited figures of the header of
 * src/models/cost/costTechnology.ts (SMAD 3rd ed. ch. 20 learning rates; silicon-flex $8/W over rosa-flex $30/W;
 * Starlink V2 mini ~$800k / ~730 kg ≈ $1,100/kg), the ordering the header promises, overrides and range checks.
 */
const KEYS: readonly (keyof CostTechnologyPrices)[] = [
  'arrayPriceFactor',
  'radiatorPriceFactor',
  'busCost_USD_per_kg',
  'aitFraction',
  'chipIntegrationFraction',
  'learningRate',
];

describe('cost technology presets as prices', () => {
  it('the three presets, current by default', () => {
    expect(COST_TECHNOLOGIES).toEqual(['heritage', 'current', 'production-scale']);
    expect(DEFAULT_COST_TECHNOLOGY).toBe('current');
  });

  it('the cited figures: SMAD learning 0.95 / 0.90 / 0.85; production array 8/30; Starlink bus $1,100/kg', () => {
    expect(KEYS.map((k) => costTechnologyPrices('heritage')[k])).toEqual([2, 2, 15000, 0.2, 0.25, 0.95]);
    const current = costTechnologyPrices('current');
    expect([current.arrayPriceFactor, current.radiatorPriceFactor, current.chipIntegrationFraction]).toEqual([1, 1, 0]);
    expect([current.busCost_USD_per_kg, current.aitFraction, current.learningRate]).toEqual([5000, 0.1, 0.9]);
    const scale = costTechnologyPrices('production-scale');
    expect(scale.arrayPriceFactor).toBeCloseTo(8 / 30, 15);
    expect(scale.radiatorPriceFactor).toBeCloseTo(8 / 30, 15);
    expect([scale.busCost_USD_per_kg, scale.aitFraction, scale.chipIntegrationFraction]).toEqual([1100, 0.05, 0]);
    expect(scale.learningRate).toBe(0.85);
  });

  it('every price of production-scale ≤ current ≤ heritage (a more mature line never costs more)', () => {
    for (const k of KEYS) {
      expect(COST_TECHNOLOGY['production-scale'][k]).toBeLessThanOrEqual(COST_TECHNOLOGY.current[k]);
      expect(COST_TECHNOLOGY.current[k]).toBeLessThanOrEqual(COST_TECHNOLOGY.heritage[k]);
    }
  });

  it('overrides replace one key each; an undefined override keeps the preset', () => {
    const p = costTechnologyPrices('heritage', { busCost_USD_per_kg: 2000, aitFraction: undefined, learningRate: 1 });
    expect(KEYS.map((k) => p[k])).toEqual([2, 2, 2000, 0.2, 0.25, 1]);
    expect(costTechnologyPrices('current', { learningRate: 0.5 }).learningRate).toBe(0.5);
  });

  it('refuses an unknown preset, a negative price and a learning rate outside [0.5, 1], by name', () => {
    expect(() => costTechnologyPrices('bespoke' as never)).toThrow(
      'cost technology must be one of heritage, current, production-scale, got bespoke',
    );
    expect(() => costTechnologyPrices('current', { aitFraction: -0.1 })).toThrow(
      /aitFraction must be a finite number ≥ 0, got -0.1/,
    );
    expect(() => costTechnologyPrices('current', { learningRate: 0.49 })).toThrow(
      'learningRate must be in [0.5, 1], got 0.49',
    );
    expect(() => costTechnologyPrices('current', { learningRate: 1.01 })).toThrow(/got 1.01/);
  });
});
