/**
 * Matchers the tests share, registered for every test file by vitest.config.ts (setupFiles).
 *
 * `toBeWithinRelative(want, tolerance)`: |got / want − 1| < tolerance, for figures checked to a relative tolerance
 * (a published value to 3 %, a hand calculation to 1e-4). vitest's `toBeCloseTo` counts decimal places, an absolute
 * tolerance that does not fit values from 1e-3 to 1e9. A failure prints both values and the relative error.
 */
import { expect } from 'vitest';

interface RelativeMatchers<R = unknown> {
  /** |received / want − 1| < tolerance (strictly); want must be finite and non-zero. */
  toBeWithinRelative(want: number, tolerance: number): R;
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-empty-object-type
  interface Assertion<T = any> extends RelativeMatchers<T> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AsymmetricMatchersContaining extends RelativeMatchers {}
}

expect.extend({
  toBeWithinRelative(received: unknown, want: number, tolerance: number) {
    if (typeof received !== 'number')
      throw new TypeError(`toBeWithinRelative: expected a number, got ${typeof received}`);
    if (!Number.isFinite(want) || want === 0)
      throw new RangeError(`toBeWithinRelative: want must be finite and ≠ 0, got ${want}`);
    const error = Math.abs(received / want - 1);
    return {
      pass: error < tolerance,
      message: () =>
        `expected ${received} ${this.isNot ? 'not ' : ''}to be within ${tolerance} of ${want} relatively ` +
        `(relative error ${error.toExponential(2)})`,
    };
  },
});
