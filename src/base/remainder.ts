/**
 * x % y (ECMAScript's truncating remainder, C's fmod) bit for bit for y > 0, without V8's call to the C library where
 * the quotient is below 16: the remainder is exact, so it is x less the multiples 8y, 4y, 2y and y, each subtracted
 * from a value in [c, 2c) (Sterbenz: exact) and the sign of x restored (−0 where x is a negative multiple of y).
 * Otherwise (a larger quotient, x or y not finite, y ≤ 0) x % y itself. An SGP4 state takes five remainders by 2π
 * (sgp4Circular.ts), ~15 % of its time as fmod calls. Tested with Object.is against x % y
 * (test/base/remainder.test.ts).
 */
export function remainder(x: number, y: number): number {
  if (x > -y && x < y) return x;
  const a = Math.abs(x);
  if (!(a < 16 * y && y > 0 && y < Infinity)) return x % y;
  let r = a;
  if (r >= 8 * y) r -= 8 * y;
  if (r >= 4 * y) r -= 4 * y;
  if (r >= 2 * y) r -= 2 * y;
  if (r >= y) r -= y;
  return x < 0 ? -r : r;
}
