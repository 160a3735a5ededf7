/** An explorer column (src/serve/app/data.ts Dim) for the Node tests of the explorer's pure parts. */
import type { Dim } from '../../src/serve/app/data.js';

/**
 * A column named x holding `values`, its min and max those of the values that are not NaN (as the explorer sets
 * them when it reads a log); `extra` overrides any field (role, unit, options, a range).
 */
export const dim = (values: readonly number[], extra: Partial<Dim> = {}): Dim => ({
  name: 'x',
  role: 'objective',
  unit: 'USD',
  values: Float64Array.from(values),
  min: Math.min(...values.filter((v) => !Number.isNaN(v))),
  max: Math.max(...values.filter((v) => !Number.isNaN(v))),
  ...extra,
});
