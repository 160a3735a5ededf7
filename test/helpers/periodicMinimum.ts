/**
 * The minimum of a 2π-periodic function, for brute-force oracles (closest approaches over an orbit): the best of
 * `samples` evenly spaced values, then a golden-section search of `iterations` steps between that sample's two
 * neighbours. Written apart from src/.
 */
export function periodicMinimum(f: (x: number) => number, samples: number, iterations: number): number {
  const at = (k: number): number => (2 * Math.PI * k) / samples;
  let best = 0;
  for (let k = 1; k < samples; k++) if (f(at(k)) < f(at(best))) best = k;
  let [lo, hi] = [at(best - 1), at(best + 1)];
  const g = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < iterations; i++) {
    const x1 = hi - g * (hi - lo),
      x2 = lo + g * (hi - lo);
    if (f(x1) < f(x2)) hi = x2;
    else lo = x1;
  }
  return f((lo + hi) / 2);
}
