/**
 * The budget-regime sentence of a run's summary (src/run/budgetRegime.ts): which regime a budget and an objective
 * count fall in (≤ 300 evaluations: small), and the 3-objective advice naming smsego against nsga3 with and without
 * constraints, as measured (docs/algorithms.md).
 */
import { describe, expect, it } from 'vitest';
import {
  budgetRegimeText,
  proposalCostText,
  SMALL_PROPOSAL_SHARE,
  SURROGATE_REGIME_MAX_EVALUATIONS,
} from '../../src/run/budgetRegime.js';

describe('budgetRegimeText', () => {
  it('300 evaluations is still the small regime, 301 the evolutionary one', () => {
    expect(SURROGATE_REGIME_MAX_EVALUATIONS).toBe(300);
    expect(budgetRegimeText('smsego', 300, 3)).toMatch(/^budget: small \(≤ 300 evaluations\), 3 objectives: /);
    expect(budgetRegimeText('smsego', 301, 3)).toMatch(/^budget: evolutionary regime \(> 300 evaluations\)/);
    // what 500 evaluations showed, per surrogate: no "measured only at ≤ 300" once a surrogate was run there
    expect(budgetRegimeText('smsego', 500, 2)).toMatch(/smsego was still ahead of nsga2\/nsga3 at 500 evaluations/);
    // and what equal wall time showed there: nsga2 level by ~2,400 evaluations, ahead at 4,000
    expect(budgetRegimeText('smsego', 500, 2)).toMatch(
      /equal wall time .* level by ~2,400 evaluations and ahead at 4,000/,
    );
    expect(budgetRegimeText('parego', 500, 2)).toMatch(/parego was measured at 500 evaluations only on/);
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

describe('proposalCostText', () => {
  it('per design from the totals: 134 proposals in 22.9 s → 171 ms; 200 evaluations in 7.4 s → 37 ms; 4.6 evaluations', () => {
    const text = proposalCostText('smsego', 2, { propose_s: 22.9, proposed: 134, evaluate_s: 7.4, evaluated: 200 })!;
    // 22.9 / 134 = 0.1709 s; 7.4 / 200 = 0.037 s; 170.9 / 37 = 4.62; 1 + 4.62 = 5.6
    expect(text).toBe(
      'cost: smsego took 171 ms per design it proposed, evaluation 37 ms per design (wall time): a proposal costs as ' +
        'much as 4.6 evaluations, so in the same time nsga2 evaluates 5.6× as many designs — compare the two at equal ' +
        'time, not equal evaluations (docs/algorithms.md)',
    );
  });

  it('3 objectives name nsga3; under one evaluation the share has two decimals; at most a tenth is small', () => {
    // 0.9 s / 10 = 90 ms against 2 s / 10 = 200 ms: 0.45
    expect(proposalCostText('parego', 3, { propose_s: 0.9, proposed: 10, evaluate_s: 2, evaluated: 10 })).toMatch(
      /parego took 90 ms .* evaluation 200 ms .*costs 0\.45 of an evaluation, so in the same time nsga3 evaluates 1\.4× /,
    );
    expect(SMALL_PROPOSAL_SHARE).toBe(0.1);
    // 2 ms against 20 ms: exactly the tenth
    expect(proposalCostText('smsego', 2, { propose_s: 0.02, proposed: 10, evaluate_s: 0.2, evaluated: 10 })).toBe(
      'cost: smsego took 2.0 ms per design it proposed, evaluation 20 ms per design (wall time): proposals are small ' +
        'beside evaluations',
    );
  });

  it('ratios of 10 and more without decimals: 17 ms against 0.020 ms is 850 evaluations, 851× the designs', () => {
    expect(proposalCostText('smsego', 3, { propose_s: 0.17, proposed: 10, evaluate_s: 0.0002, evaluated: 10 })).toMatch(
      /took 17 ms .* evaluation 0\.020 ms .* as much as 850 evaluations, so in the same time nsga3 evaluates 851× /,
    );
  });

  it('nothing for the evolutionary algorithms or when nothing was timed', () => {
    const t = { propose_s: 1, proposed: 10, evaluate_s: 1, evaluated: 10 };
    expect(proposalCostText('nsga2', 2, t)).toBeUndefined();
    expect(proposalCostText('nsga3', 3, t)).toBeUndefined();
    expect(proposalCostText('smsego', 2, { ...t, proposed: 0 })).toBeUndefined();
    expect(proposalCostText('smsego', 2, { ...t, evaluated: 0 })).toBeUndefined();
  });
});
