/**
 * The budget-regime sentence of a run's summary (src/run/budgetRegime.ts): which regime a budget and an objective
 * count fall in (≤ 300 evaluations: small), and the 3-objective advice naming smsego against nsga3 with and without
 * constraints, as measured (docs/algorithms.md).
 */
import { describe, expect, it } from 'vitest';
import { budgetRegimeText, SURROGATE_REGIME_MAX_EVALUATIONS } from '../../src/run/budgetRegime.js';

describe('budgetRegimeText', () => {
  it('300 evaluations is still the small regime, 301 the evolutionary one', () => {
    expect(SURROGATE_REGIME_MAX_EVALUATIONS).toBe(300);
    expect(budgetRegimeText('smsego', 300, 3)).toMatch(/^budget: small \(≤ 300 evaluations\), 3 objectives: /);
    expect(budgetRegimeText('smsego', 301, 3)).toMatch(/^budget: evolutionary regime \(> 300 evaluations\)/);
    expect(budgetRegimeText('nsga2', 301, 2)).toMatch(/nsga2 is the usual choice$/);
    expect(budgetRegimeText('nsga3', 301, 3)).toMatch(/nsga3 is the usual choice$/);
  });

  it('3 objectives, small budget: smsego ahead at 100 and 200 evaluations, with and without constraints', () => {
    for (const evaluations of [100, 200]) {
      const text = budgetRegimeText('nsga3', evaluations, 3);
      expect(text).toMatch(/smsego measured ahead of nsga3 at 100 and 200 evaluations, with constraints/);
      expect(text).toMatch(/and without them \(DTLZ2/);
      expect(text).not.toMatch(/level/);
    }
  });
});
