/**
 * The surrogates' constraint models leave out a constraint that every design gives one value (gp.ts constantTargets):
 * a GP on constant data would score Φ(0) = ½ for a constraint held at 0 everywhere (a margin closed by construction,
 * as the constellation study's node closures are), which is not information. The oracle: the same problem without
 * that constraint, which must give the same proposals to the last bit.
 */
import { describe, expect, it } from 'vitest';
import { createBenchmarkProblem } from '../../src/optimize/benchmarks/benchmarks.js';
import { safeEvaluate, type Problem } from '../../src/optimize/types.js';
import { createAlgorithm } from '../../solvers/index.js';
import { constantTargets } from '../../solvers/gp/gp.js';

/** p with one more constraint whose value is `value(x)` at every design. */
function withConstraint(p: Problem, value: (x: Float64Array) => number): Problem {
  return {
    name: p.name,
    variables: p.variables,
    objectives: p.objectives,
    constraints: [...p.constraints, { name: 'extra' }],
    evaluate(x) {
      const e = p.evaluate(x);
      return e.status === 'ok' ? { ...e, g: Float64Array.of(...e.g, value(x)) } : e;
    },
  };
}

function proposals(name: string, p: Problem, evaluations: number): number[][] {
  const a = createAlgorithm(name, p, { population: 10, seed: 3, evaluations, batch: 3 });
  const out: number[][] = [];
  while (a.progress().evaluations < evaluations) {
    const xs = a.ask();
    out.push(...xs.map((x) => Array.from(x)));
    a.tell(xs.map((x) => safeEvaluate(p, x)));
  }
  return out;
}

describe('constantTargets', () => {
  it('one value to 1e-12 of its magnitude is constant; a real spread is not', () => {
    expect(constantTargets(Float64Array.of(0, 0, 0))).toBe(true);
    expect(constantTargets(Float64Array.of(-9, -9))).toBe(true);
    expect(constantTargets(Float64Array.of(0, 1e-13, -1e-13))).toBe(true); // spread 2e-13 ≤ 1e-12 × 1
    expect(constantTargets(Float64Array.of(1e6, 1e6 + 1e-7))).toBe(true); // 1e-7 ≤ 1e-12 × 1e6
    expect(constantTargets(Float64Array.of(0, 1e-9))).toBe(false);
    expect(constantTargets(Float64Array.of(1e6, 1e6 + 1e-5))).toBe(false);
  });

  it('reads only the rows it is given', () => {
    const y = Float64Array.of(0, 5, 0, 0);
    expect(constantTargets(y)).toBe(false);
    expect(constantTargets(y, [0, 2, 3])).toBe(true);
    expect(constantTargets(y, [0, 1])).toBe(false);
  });
});

describe.each(['smsego', 'parego'])('%s: a constraint with one value everywhere', (name) => {
  const base = (): Problem => createBenchmarkProblem({ problem: 'c2dtlz2', objectives: 3, variables: 4 });

  it('held at 0 (satisfied at its limit) leaves every proposal as without it', () => {
    const plain = proposals(name, base(), 21);
    expect(
      proposals(
        name,
        withConstraint(base(), () => 0),
        21,
      ),
    ).toEqual(plain);
  });

  it('held below 0 leaves every proposal as without it', () => {
    const plain = proposals(name, base(), 21);
    expect(
      proposals(
        name,
        withConstraint(base(), () => -3),
        21,
      ),
    ).toEqual(plain);
  });

  it('a constraint that varies is modelled: the proposals change', () => {
    const plain = proposals(name, base(), 21);
    expect(
      proposals(
        name,
        withConstraint(base(), (x) => x[0]! - 0.5),
        21,
      ),
    ).not.toEqual(plain);
  });
});
