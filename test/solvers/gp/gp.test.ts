import { describe, expect, it } from 'vitest';
import { choleskySolve, choleskyWithJitter, constantTargets, GaussianProcess } from '../../../solvers/gp/gp.js';
import { fitHyperparameters, logLikelihoodAndGradient, toHyper } from '../../../solvers/gp/hyperparameters.js';
import { kernelMatrix, matern52 } from '../../../solvers/gp/kernel.js';
import { createRng } from '../../../src/base/rng.js';
import { createBenchmarkProblem } from '../../../src/optimize/benchmarks/benchmarks.js';
import type { Problem } from '../../../src/optimize/types.js';
import { flat, proposals } from '../drive.js';

const hyper = (l: number[], s2 = 1, noise = 0) => ({
  lengthScales: Float64Array.from(l),
  signalVariance: s2,
  noiseVariance: noise,
});

describe('Matérn 5/2 kernel', () => {
  it('matches the closed form (1 + √5 r + 5r²/3) exp(−√5 r) at r = 1 and 2', () => {
    // r = 1: (1 + 2.2360680 + 1.6666667) e^−2.2360680 = 4.9027347 × 0.1068779 = 0.5239937
    expect(matern52(1, 1)).toBeCloseTo(0.5239937, 6);
    // r = 2: (1 + 4.4721360 + 6.6666667) e^−4.4721360 = 12.1388027 × 0.0114229 = 0.1386602
    expect(matern52(4, 2)).toBeCloseTo(2 * 0.1386602, 6);
  });
});

describe('Cholesky with jitter (ml-matrix)', () => {
  it('factors and solves a 2×2 case by hand; the noise is added to the diagonal; an indefinite matrix gets jitter', () => {
    // [[3, 2], [2, 2]] + 1 I = [[4, 2], [2, 3]] = L Lᵀ with L = [[2, 0], [1, √2]];
    // 4x + 2y = 8, 2x + 3y = 7 → y = 1.5, x = 1.25
    const { chol, jitter } = choleskyWithJitter(Float64Array.from([3, 2, 2, 2]), 2, 1, 1);
    expect(jitter).toBe(0);
    expect(chol.lowerTriangularMatrix.to1DArray()).toEqual([2, 0, 1, Math.SQRT2]);
    const x = choleskySolve(chol, Float64Array.from([8, 7]));
    expect(x[0]).toBeCloseTo(1.25, 14);
    expect(x[1]).toBeCloseTo(1.5, 14);
    // [[1, 1], [1, 1]] is singular: the first jitter 1e-10 × scale makes it positive definite
    expect(choleskyWithJitter(Float64Array.from([1, 1, 1, 1]), 2, 0, 1).jitter).toBe(1e-10);
    // eigenvalues 3 and −1: no jitter up to 0.1 × the scale helps
    expect(() => choleskyWithJitter(Float64Array.from([1, 2, 2, 1]), 2, 0, 1)).toThrow(RangeError);
  });
});

describe('GaussianProcess', () => {
  it('posterior of a 2-point 1-D case computed by hand', () => {
    // x = 0, 1; y = 1, 3 → standardized (mean 2, sd 1) −1, +1; ℓ = 0.5, σ² = 1, no noise.
    // K = [[1, k01], [k01, 1]], k01 = k(r = 2) = 0.13866021913850426.
    // At x* = 0.25: k* = [k(r = 0.5), k(r = 1.5)] = [0.8286491424181253, 0.2831632713397992].
    // α = K⁻¹ y_s = [−1, 1] / (1 − k01) = [−1.160982, 1.160982]; mean_s = k*ᵀα = −0.6332993 → mean = 2 − 0.6332993.
    // var = 1 − k*ᵀ K⁻¹ k* = 1 − (a² + b² − 2 k01 a b)/(1 − k01²) = 0.2844733 (sd² = 1, so the same in y's units).
    const gp = new GaussianProcess(Float64Array.from([0, 1]), Float64Array.from([1, 3]), hyper([0.5]));
    const p = gp.predict(Float64Array.from([0.25]));
    expect(p.mean).toBeCloseTo(1.3667007, 6);
    expect(p.variance).toBeCloseTo(0.2844733, 6);
    expect(gp.jitter).toBe(0);
  });

  it('interpolates noise-free data and its variance shrinks to ~0 at the data, grows away from it', () => {
    const xs = [0.05, 0.2, 0.45, 0.7, 0.95];
    const f = (x: number): number => Math.sin(6 * x) + x * x;
    const gp = new GaussianProcess(Float64Array.from(xs), Float64Array.from(xs, f), hyper([0.3], 1, 1e-10));
    for (const x of xs) {
      const p = gp.predict(Float64Array.from([x]));
      expect(p.mean).toBeCloseTo(f(x), 6);
      expect(p.variance).toBeLessThan(1e-6);
    }
    const between = gp.predict(Float64Array.from([0.325])).variance;
    const outside = gp.predict(Float64Array.from([0.999 + 0.5])).variance;
    expect(between).toBeGreaterThan(1e-4);
    expect(outside).toBeGreaterThan(between);
  });

  it('adds jitter when duplicate points make the kernel singular, and still predicts', () => {
    const X = Float64Array.from([0.1, 0.1, 0.5, 0.9]);
    const gp = new GaussianProcess(X, Float64Array.from([1, 1, 2, 0]), hyper([0.4]));
    expect(gp.jitter).toBeGreaterThan(0);
    expect(gp.jitter).toBeLessThan(1e-3);
    expect(gp.predict(Float64Array.from([0.1])).mean).toBeCloseTo(1, 3);
  });
});

describe('GP block update and block prediction', () => {
  const rng = createRng(11);
  const d = 3;
  const n = 9;
  const X = Float64Array.from({ length: n * d }, () => rng.next());
  const y = Float64Array.from({ length: n }, (_, i) => Math.sin(4 * X[i * d]!) + X[i * d + 1]! * X[i * d + 2]!);
  const h = hyper([0.3, 0.5, 0.8], 1.4, 1e-4);

  it("the factor reproduces K + σn² I from the kernel's closed form (L Lᵀ to 1e-10, upper part 0)", () => {
    const L = choleskyWithJitter(kernelMatrix(X, n, h), n, h.noiseVariance, h.signalVariance).chol
      .lowerTriangularMatrix;
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < n; k++) {
        let s = 0;
        for (let j = 0; j < n; j++) s += L.get(i, j) * L.get(k, j);
        // K's entries from the closed form, not from kernelMatrix
        let r2 = 0;
        for (let j = 0; j < d; j++) r2 += (X[i * d + j]! - X[k * d + j]!) ** 2 / h.lengthScales[j]! ** 2;
        expect(s).toBeCloseTo(matern52(r2, 1.4) + (i === k ? 1e-4 : 0), 10);
        if (k > i) expect(L.get(i, k)).toBe(0);
      }
    }
  });

  it('a GP conditioned on 5 points and extended by 4 predicts as one conditioned on all 9', () => {
    const at5 = new GaussianProcess(X.slice(0, 5 * d), y.slice(0, 5), h);
    const grown = at5.extend(X.slice(5 * d), y.slice(5));
    const whole = new GaussianProcess(X, y, h);
    expect(grown.n).toBe(9);
    expect(grown.logMarginalLikelihood).toBe(whole.logMarginalLikelihood);
    for (let t = 0; t < 5; t++) {
      const x = Float64Array.from({ length: d }, () => rng.next());
      expect(grown.predict(x)).toEqual(whole.predict(x));
    }
    // near-interpolation of the data it was extended by: noise 1e-4 of the signal variance
    const p = grown.predict(X.slice(7 * d, 8 * d));
    expect(p.mean).toBeCloseTo(y[7]!, 2);
  });

  it('extending by a duplicate point adds the jitter a fresh GP needs, and predicts as it', () => {
    const X1 = Float64Array.from([0.1, 0.5, 0.9]);
    const gp = new GaussianProcess(X1, Float64Array.from([1, 2, 0]), hyper([0.4]));
    expect(gp.jitter).toBe(0);
    const grown = gp.extend(Float64Array.from([0.1]), Float64Array.from([1]));
    const fresh = new GaussianProcess(
      Float64Array.from([0.1, 0.5, 0.9, 0.1]),
      Float64Array.from([1, 2, 0, 1]),
      hyper([0.4]),
    );
    expect(grown.jitter).toBeGreaterThan(0);
    expect(grown.jitter).toBe(fresh.jitter);
    expect(grown.predict(Float64Array.from([0.3]))).toEqual(fresh.predict(Float64Array.from([0.3])));
  });

  it('predictMany over 7 points (a block of 4 and 3 alone) gives the 2-point hand case and predict() at each', () => {
    // the hand-worked case of 'posterior of a 2-point 1-D case computed by hand' at x* = 0.25, in every slot
    const gp1 = new GaussianProcess(Float64Array.from([0, 1]), Float64Array.from([1, 3]), hyper([0.5]));
    const mean = new Float64Array(7);
    const variance = new Float64Array(7);
    gp1.predictMany(new Float64Array(7).fill(0.25), 7, mean, variance);
    for (let p = 0; p < 7; p++) {
      expect(mean[p]).toBeCloseTo(1.3667007, 6);
      expect(variance[p]).toBeCloseTo(0.2844733, 6);
    }
    const gp = new GaussianProcess(X, y, h);
    const U = Float64Array.from({ length: 7 * d }, () => rng.next());
    gp.predictMany(U, 7, mean, variance);
    for (let p = 0; p < 7; p++) {
      const one = gp.predict(U.slice(p * d, (p + 1) * d));
      expect([mean[p], variance[p]]).toEqual([one.mean, one.variance]);
    }
    // at training points (noise 1e-4): the targets, and a variance near 0
    gp.predictMany(X.slice(0, 4 * d), 4, mean, variance);
    for (let p = 0; p < 4; p++) {
      expect(mean[p]).toBeCloseTo(y[p]!, 2);
      expect(variance[p]).toBeLessThan(1e-3);
    }
  });
});

describe('maximum-likelihood hyperparameters', () => {
  it('the analytic gradient matches central finite differences', () => {
    const rng = createRng(3);
    const n = 12;
    const d = 2;
    const X = Float64Array.from({ length: n * d }, () => rng.next());
    const y = Float64Array.from({ length: n }, (_, i) => Math.sin(3 * X[2 * i]!) + 0.3 * X[2 * i + 1]!);
    const ys = y.map((v) => v - y.reduce((a, b) => a + b, 0) / n);
    const theta = Float64Array.from([Math.log(0.4), Math.log(0.8), Math.log(1.3), Math.log(1e-3)]);
    const { gradient } = logLikelihoodAndGradient(X, ys, theta);
    for (let j = 0; j < theta.length; j++) {
      const h = 1e-5;
      const up = theta.slice();
      const dn = theta.slice();
      up[j] = up[j]! + h;
      dn[j] = dn[j]! - h;
      const fd = (logLikelihoodAndGradient(X, ys, up).value - logLikelihoodAndGradient(X, ys, dn).value) / (2 * h);
      expect(gradient[j]).toBeCloseTo(fd, 4);
    }
    expect(toHyper(theta).lengthScales[0]).toBeCloseTo(0.4, 12);
  });

  it("the likelihood (typed-array factor) equals the GP's (ml-matrix factor), also with jitter at a duplicate", () => {
    // y standardized exactly (mean 0, population sd 1), so the GP's own standardization leaves it as it is
    const X = Float64Array.from([0.1, 0.1, 0.5, 0.9]);
    const ys = Float64Array.from([-1, -1, 1, 1]);
    // noise ~0: the duplicate needs jitter
    const theta = Float64Array.from([Math.log(0.4), Math.log(1.2), Math.log(1e-300)]);
    const gp = new GaussianProcess(X, ys, toHyper(theta));
    expect(gp.jitter).toBeGreaterThan(0);
    // the same factor and α; the two sums differ in order only
    expect(logLikelihoodAndGradient(X, ys, theta).value).toBeCloseTo(gp.logMarginalLikelihood, 12);
  });

  it('finds a short length scale on the active input and a long one on an ignored input; same seed, same fit', () => {
    const rng = createRng(7);
    const n = 30;
    const X = Float64Array.from({ length: 2 * n }, () => rng.next());
    const y = Float64Array.from({ length: n }, (_, i) => Math.sin(8 * X[2 * i]!));
    const a = fitHyperparameters(X, y, 2, createRng(1), { randomStarts: 2 });
    const b = fitHyperparameters(X, y, 2, createRng(1), { randomStarts: 2 });
    expect(Array.from(a.lengthScales)).toEqual(Array.from(b.lengthScales));
    expect(a.lengthScales[0]).toBeLessThan(1);
    expect(a.lengthScales[1]).toBeGreaterThan(3 * a.lengthScales[0]!);
  });
});

/**
 * The surrogates' constraint models leave out a constraint that every design gives one value (gp.ts constantTargets):
 * a GP on constant data would score Φ(0) = ½ for a constraint held at 0 everywhere (a margin closed by construction,
 * as the constellation study's node closures are), which is not information. The oracle: the same problem without
 * that constraint, which must give the same proposals to the last bit.
 */
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

/** The proposals of a 21-evaluation surrogate run (population 10, batches of 3, seed 3), flattened. */
const run21 = (name: string, p: Problem): number[][] =>
  flat(proposals(name, p, { population: 10, seed: 3, evaluations: 21, batch: 3 }, 21));

describe.each(['smsego', 'parego'])('%s: a constraint with one value everywhere', (name) => {
  const base = (): Problem => createBenchmarkProblem({ problem: 'c2dtlz2', objectives: 3, variables: 4 });

  it.each([
    ['held at 0 (satisfied at its limit)', 0],
    ['held below 0', -3],
  ])('%s leaves every proposal as without it', (_what, value) => {
    expect(
      run21(
        name,
        withConstraint(base(), () => value),
      ),
    ).toEqual(run21(name, base()));
  });

  it('a constraint that varies is modelled: the proposals change', () => {
    expect(
      run21(
        name,
        withConstraint(base(), (x) => x[0]! - 0.5),
      ),
    ).not.toEqual(run21(name, base()));
  });
});
