/**
 * Faster replacements for Math.pow in the SBX and polynomial-mutation kernels (Math.pow with a
 * non-trivial exponent costs several times a multiplication): integer powers by squaring, and
 * 1/e-th roots by repeated square roots when e is a power of two, else exp(log(x) / e).
 * Results agree with Math.pow to a few ulps.
 */

/** x^e for an integer e >= 0 (exponentiation by squaring); Math.pow otherwise. */
export function powInt(x: number, e: number): number {
  if (e > 64 || e < 0 || e !== Math.floor(e)) return Math.pow(x, e);
  let result = 1;
  let base = x;
  let k = e;
  while (k > 0) {
    if (k & 1) result *= base;
    k >>>= 1;
    if (k > 0) base *= base;
  }
  return result;
}

/**
 * x^(1/e) for x >= 0 and e > 0: for e = 2, 4, ..., 32, log2(e) nested square roots; otherwise
 * exp(log(x) / e). Written short (no switch) so that V8 inlines it into the operators' loops.
 */
export function root(x: number, e: number): number {
  if (e === 1) return x;
  if (e >= 2 && e <= 32 && (e & (e - 1)) === 0 && (e | 0) === e) {
    let r = x;
    for (let k = e; k > 1; k >>>= 1) r = Math.sqrt(r);
    return r;
  }
  return x === 0 ? 0 : Math.exp(Math.log(x) / e);
}
