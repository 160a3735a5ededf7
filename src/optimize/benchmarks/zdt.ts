/**
 * ZDT1–4, ZDT6 (reals, two objectives, no constraints), following pymoo's definitions.
 * Zitzler, Deb, Thiele, "Comparison of multiobjective evolutionary algorithms: empirical results",
 * Evol. Comput. 8(2), 2000. Fronts: ../benchmarkFronts.ts.
 */
import type { Evaluation, Problem } from '../types.js';
import { objectivesSpec, ok, realVariables } from './common.js';

export const ZDT_NAMES = ['zdt1', 'zdt2', 'zdt3', 'zdt4', 'zdt6'] as const;
export type ZdtName = (typeof ZDT_NAMES)[number];

export function createZdt(name: ZdtName, n: number): Problem {
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`${name} needs at least 2 variables, got ${n}`);
  const bounds =
    name === 'zdt4'
      ? (i: number): readonly [number, number] => (i === 0 ? [0, 1] : [-5, 5])
      : (): readonly [number, number] => [0, 1];
  const evaluate = (x: Float64Array): Evaluation => {
    const x0 = x[0]!;
    let f1 = x0;
    let g: number;
    let s = 0;
    switch (name) {
      case 'zdt4':
        for (let i = 1; i < n; i++) s += x[i]! * x[i]! - 10 * Math.cos(4 * Math.PI * x[i]!);
        g = 1 + 10 * (n - 1) + s;
        break;
      case 'zdt6':
        f1 = 1 - Math.exp(-4 * x0) * Math.pow(Math.sin(6 * Math.PI * x0), 6);
        for (let i = 1; i < n; i++) s += x[i]!;
        g = 1 + 9 * Math.pow(s / (n - 1), 0.25);
        break;
      default:
        for (let i = 1; i < n; i++) s += x[i]!;
        g = 1 + (9 / (n - 1)) * s;
    }
    const r = f1 / g;
    let h: number;
    if (name === 'zdt2' || name === 'zdt6') h = 1 - r * r;
    else if (name === 'zdt3') h = 1 - Math.sqrt(r) - r * Math.sin(10 * Math.PI * f1);
    else h = 1 - Math.sqrt(r);
    return ok(Float64Array.of(f1, g * h));
  };
  return { name, variables: realVariables(n, bounds), objectives: objectivesSpec(2), constraints: [], evaluate };
}
