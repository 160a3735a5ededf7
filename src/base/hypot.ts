/**
 * Math.hypot of two and of three numbers, bit for bit, without the argument array V8 allocates on every call of the
 * variadic builtin (~150 MB over a constellation study's self-conjunction screens).
 *
 * Method: V8's builtin as Node 20 runs it (v8/src/builtins/math.tq, MathHypot, ECMAScript §21.3.2.18): the largest
 * |x| is the scale; Infinity if any argument is infinite, else NaN if any is NaN, else 0 if the scale is 0; otherwise
 * the Kahan-compensated sum of (|x_i| / scale)² in argument order, then √sum · scale. Every floating-point operation
 * here is the builtin's, in its order, so the result is the same double (test/base/hypot.test.ts: Object.is against
 * Math.hypot over random and edge inputs, interpreted and optimised).
 */

/** Math.hypot(x, y), bit for bit (header). */
export function hypot2(x: number, y: number): number {
  const ax = Math.abs(x),
    ay = Math.abs(y);
  let max = 0;
  if (ax > max) max = ax;
  if (ay > max) max = ay;
  if (max === Infinity) return Infinity;
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (max === 0) return 0;
  let sum = 0,
    compensation = 0;
  let n = ax / max,
    summand = n * n - compensation,
    preliminary = sum + summand;
  compensation = preliminary - sum - summand;
  sum = preliminary;
  n = ay / max;
  summand = n * n - compensation;
  preliminary = sum + summand;
  sum = preliminary;
  return Math.sqrt(sum) * max;
}

/** Math.hypot(x, y, z), bit for bit (header). */
export function hypot3(x: number, y: number, z: number): number {
  const ax = Math.abs(x),
    ay = Math.abs(y),
    az = Math.abs(z);
  let max = 0;
  if (ax > max) max = ax;
  if (ay > max) max = ay;
  if (az > max) max = az;
  if (max === Infinity) return Infinity;
  if (Number.isNaN(x) || Number.isNaN(y) || Number.isNaN(z)) return NaN;
  if (max === 0) return 0;
  let sum = 0,
    compensation = 0;
  let n = ax / max,
    summand = n * n - compensation,
    preliminary = sum + summand;
  compensation = preliminary - sum - summand;
  sum = preliminary;
  n = ay / max;
  summand = n * n - compensation;
  preliminary = sum + summand;
  compensation = preliminary - sum - summand;
  sum = preliminary;
  n = az / max;
  summand = n * n - compensation;
  preliminary = sum + summand;
  sum = preliminary;
  return Math.sqrt(sum) * max;
}
