import { describe, expect, it } from 'vitest';
import { nonNegative, positive } from '../../src/models/validate.js';

describe('positive / nonNegative', () => {
  it('positive and nonNegative: 0 is non-negative but not positive; ∞ and NaN are neither', () => {
    expect(() => positive('x', 1e-300)).not.toThrow();
    expect(() => positive('x', 0)).toThrow('x must be a finite number > 0, got 0');
    expect(() => positive('x', Infinity)).toThrow(/got Infinity/);
    expect(() => nonNegative('y', 0)).not.toThrow();
    expect(() => nonNegative('y', -1e-300)).toThrow(/y must be a finite number ≥ 0, got -1e-300/);
    expect(() => nonNegative('y', Infinity)).toThrow(/got Infinity/);
    expect(() => nonNegative('y', NaN)).toThrow(/got NaN/);
  });
});
