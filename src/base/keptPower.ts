/**
 * x ** y kept for the last (x, y) a call site asked: a study's designs ask a few powers of constants on every
 * evaluation (a sink or loop temperature to the fourth, a yearly degradation to the mission life), and V8's pow
 * costs ~40 ns a call (a non-integer or non-square exponent goes through the C library's pow) where this costs a
 * comparison. Each call site keeps its own (`const sinkT4 = keptPower();`); a kept value is the computed double,
 * and x is compared with Object.is so −0 and 0, whose odd powers differ in sign, are told apart.
 */
export function keptPower(): (x: number, y: number) => number {
  let lastX = NaN,
    lastY = NaN,
    last = NaN;
  return (x, y) => {
    if (Object.is(x, lastX) && y === lastY) return last;
    last = x ** y;
    lastX = x;
    lastY = y;
    return last;
  };
}
