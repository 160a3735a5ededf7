/**
 * Minimum, maximum, Euclidean norm and append over a list of any length. `Math.min(...xs)`, `Math.max(...xs)`,
 * `Math.hypot(...xs)` and `a.push(...xs)` pass every element as a call argument, which V8 puts on the stack: past
 * ~120,000 elements they throw "Maximum call stack size exceeded" (a front, a log or a satellite list has no such
 * bound). These loop instead, with the builtins' results: minOf/maxOf as Math.min/Math.max (NaN if any element is
 * NaN, −0 below +0, ±Infinity for none), hypotOf as Math.hypot (ECMAScript §21.3.2.18; V8's method, as ./hypot.ts:
 * Infinity if any element is infinite, else NaN if any is NaN, else the Kahan-compensated sum of (|x|/max)² times max,
 * so no square overflows). eslint.config.js forbids the spread forms in src/ and solvers/.
 */

/** Math.min over `xs` without spreading it (header). */
export function minOf(xs: Iterable<number>): number {
  let m = Infinity;
  for (const x of xs) {
    if (Number.isNaN(x)) return NaN;
    if (x < m || (x === 0 && m === 0 && Object.is(x, -0))) m = x;
  }
  return m;
}

/** Math.max over `xs` without spreading it (header). */
export function maxOf(xs: Iterable<number>): number {
  let m = -Infinity;
  for (const x of xs) {
    if (Number.isNaN(x)) return NaN;
    if (x > m || (x === 0 && m === 0 && Object.is(m, -0))) m = x;
  }
  return m;
}

/** Math.hypot over `xs` without spreading it (header). */
export function hypotOf(xs: Iterable<number>): number {
  const abs: number[] = [];
  let max = 0;
  let nan = false;
  for (const x of xs) {
    const a = Math.abs(x);
    if (a === Infinity) return Infinity;
    if (Number.isNaN(a)) nan = true;
    else if (a > max) max = a;
    abs.push(a);
  }
  if (nan) return NaN;
  if (max === 0) return 0;
  let sum = 0,
    compensation = 0;
  for (const a of abs) {
    const n = a / max;
    const summand = n * n - compensation;
    const preliminary = sum + summand;
    compensation = preliminary - sum - summand;
    sum = preliminary;
  }
  return Math.sqrt(sum) * max;
}

/** `target.push(...items)` without spreading `items` (header); returns the new length, as push does. */
export function pushAll<T>(target: T[], items: Iterable<T>): number {
  for (const x of items) target.push(x);
  return target.length;
}
