import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/base/rng.js';
import { compileLayout } from '../../../solvers/operators/layout.js';
import { polynomialMutation } from '../../../solvers/operators/mutation.js';
import type { VariableSpec } from '../../../src/optimize/types.js';

describe('polynomial mutation', () => {
  it('polynomial mutation with probVar 1/n changes about one variable per call', () => {
    const n = 50;
    const real = compileLayout(
      Array.from({ length: n }, (_, i): VariableSpec => ({ kind: 'real', name: `x${i}`, lower: 0, upper: 1 })),
    );
    const rng = createRng(5);
    let changed = 0;
    const trials = 2000;
    for (let t = 0; t < trials; t++) {
      const x = new Float64Array(n).fill(0.5);
      polynomialMutation(real, x, { eta: 20, probVar: 1 / n }, rng);
      for (const v of x) if (v !== 0.5) changed++;
    }
    expect(changed / trials).toBeGreaterThan(0.9);
    expect(changed / trials).toBeLessThan(1.1);
  });
});
