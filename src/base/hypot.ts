/**
 * √(x² + y² + z²) as Math.hypot(x, y, z) gives it in V8, bit for bit, without its call: V8's builtin (src/builtins/
 * math.tq, MathHypot; https://github.com/v8/v8) scales by the largest magnitude and sums the squares with Kahan's
 * compensation in argument order, and allocates an array of the arguments on every call, several times the cost of
 * the arithmetic. Tested against Math.hypot itself (test/base/hypot.test.ts).
 */
export function hypot3(x: number, y: number, z: number): number {
  const ax = Math.abs(x),
    ay = Math.abs(y),
    az = Math.abs(z);
  if (ax === Infinity || ay === Infinity || az === Infinity) return Infinity;
  if (ax !== ax || ay !== ay || az !== az) return NaN;
  const max = Math.max(ax, ay, az);
  if (max === 0) return 0;
  // the builtin's loop over (ax, ay, az) written out, from sum = 0 and compensation = 0
  const nx = ax / max,
    ny = ay / max,
    nz = az / max;
  const s1 = 0 + (nx * nx - 0),
    c1 = s1 - 0 - (nx * nx - 0);
  const t2 = ny * ny - c1,
    s2 = s1 + t2,
    c2 = s2 - s1 - t2;
  const s3 = s2 + (nz * nz - c2);
  return Math.sqrt(s3) * max;
}
