import { describe, expect, it } from 'vitest';
import { createLpSolver } from '../../../../solvers/lp/index.js';

import { closedFormTorusLp } from '../../../../src/constellation/network/torus/torusLpClosedForm.js';
import { CLOSED_FORM_SOLVER, solveTorusLp } from '../../../../src/constellation/network/torus/torusLp.js';
import { torusDestinations } from '../../../../src/constellation/network/torus/torusPathTypes.js';

const lp = await createLpSolver();

describe('reduced torus LP in closed form', () => {
  /** One step of `count` destinations, 4 destinations over 4 cross-plane hops, bound 2 on cross-plane links. */
  const oneStep = (dIn: number, baseInHops: number, inBound: number) =>
    closedFormTorusLp({
      steps: [{ dCross: 1, dIn, count: 4 }],
      baseCrossHops: 4,
      baseInHops,
      destinations: 4,
      crossBound: 2,
      inBound,
    })!;
  it('hand-worked: one step, the two hop classes meet inside it', () => {
    // 4 destinations; base hops X0 = 4, Y0 = 12 → b_x = 1, b_y = 3; one step (dCross 1, dIn 2, count 4) → a = 1.
    // U_c = U_i = 2. Without the step: x/U_c = 0.5 < y/U_i = 1.5 (in-plane binds). Full step: x = 2, y = 1 → 1 > 0.5,
    // so they meet inside it: (1 + τ)/2 = (3 − 2τ)/2 → τ = 2/3, x = y = 5/3, μ = 2/(5/3) = 1.2, use 2/3.
    const c = oneStep(2, 12, 2);
    expect(c.mu).toBeCloseTo(1.2, 12);
    expect(c.stepUse[0]).toBeCloseTo(2 / 3, 12);
    expect(c.crossActivity).toBeCloseTo(2, 12);
    expect(c.inActivity).toBeCloseTo(2, 12);
  });

  it('hand-worked: cross-plane hops bind at the start (no step), and in-plane hops still bind at the end', () => {
    const base = { baseCrossHops: 4, baseInHops: 4, destinations: 4, inBound: 2 };
    // x/U_c = 1/0.5 = 2 ≥ y/U_i = 0.5: μ = U_c/b_x = 0.5, nothing used.
    const start = closedFormTorusLp({ ...base, steps: [{ dCross: 1, dIn: 1, count: 4 }], crossBound: 0.5 })!;
    expect(start.mu).toBeCloseTo(0.5, 12);
    expect(start.stepUse[0]).toBe(0);
    // U_c = 100: the whole step is taken (x = 2, y = 0.5) and in-plane still binds: μ = U_i/y = 4.
    const end = closedFormTorusLp({ ...base, steps: [{ dCross: 1, dIn: 1, count: 2 }], crossBound: 100 })!;
    expect(end.stepUse[0]).toBe(1);
    expect(end.mu).toBeCloseTo(4, 12);
  });

  it('hand-worked: the steepest step first, also where the quotients agree in all but their last 13 bits', () => {
    // A: dIn/dCross = (2^40 + 1)/2^40 = 1 + 2^-40, B: 1/1 (their doubles differ in the 13th bit from the end). b_x = 1,
    // b_y = 10, U_c = U_i = 2: x/U_c = 0.5 < y/U_i = 5, so the steeper A comes first and the classes meet inside it:
    // τ = (5 − 0.5)/(2^40/2 + (2^40 + 1)/2) = 9/(2^41 + 1), a = 1; B (which would be taken whole first) is left unused.
    const A = { dCross: 2 ** 40, dIn: 2 ** 40 + 1, count: 4 },
      B = { dCross: 1, dIn: 1, count: 4 };
    const base = { baseCrossHops: 4, baseInHops: 40, destinations: 4, crossBound: 2, inBound: 2 };
    for (const [steps, a, b] of [
      [[A, B], 0, 1],
      [[B, A], 1, 0],
    ] as const) {
      const c = closedFormTorusLp({ ...base, steps })!;
      expect(c.stepUse[a]).toBeCloseTo(9 / (2 ** 41 + 1), 20);
      expect(c.stepUse[b]).toBe(0);
    }
  });

  it('outside its validity (a link class off) it declines', () => {
    const p = { steps: [], baseCrossHops: 4, baseInHops: 4, destinations: 4, crossBound: 2, inBound: 0 };
    expect(closedFormTorusLp(p)).toBeNull();
    expect(closedFormTorusLp({ ...p, inBound: 2, crossBound: 0 })).toBeNull();
    // No destination across planes (b_x = 0), or no destination at all.
    expect(closedFormTorusLp({ ...p, inBound: 2, baseCrossHops: 0 })).toBeNull();
    expect(closedFormTorusLp({ ...p, inBound: 2, destinations: 0 })).toBeNull();
    // Inside it with no step: μ = min(U_c/b_x, U_i/b_y) = min(2/1, 2/1) = 2.
    expect(closedFormTorusLp({ ...p, inBound: 2 })!.mu).toBe(2);
  });

  it('hand-worked: an in-plane bound below 1', () => {
    // b_x = b_y = 1, U_c = 2, U_i = 0.5: x/U_c = 0.5 < y/U_i = 2 (in-plane binds). The whole step (1, 1, a = 1) would
    // give x = 2, y = 0 (1 ≥ 0): they meet at (1 + τ)/2 = (1 − τ)/0.5 → τ = 0.6, x = 1.6, y = 0.4, μ = 1.25.
    const c = oneStep(1, 4, 0.5);
    expect(c.mu).toBeCloseTo(1.25, 12);
    expect(c.stepUse[0]).toBeCloseTo(0.6, 12);
  });

  // b_x = 1, b_y = 4, U_c = U_i = 2; A = (dCross 1, dIn 1, a = 1), B = (dCross 1, dIn 3, a = 1). B first: in full
  // x = 2, y = 1 (1 ≥ 0.5: too far), so they meet inside B: (1 + τ)/2 = (4 − 3τ)/2 → τ = 3/4, x = y = 7/4,
  // μ = 2/(7/4) = 8/7; A unused. (A first would give x = 9/4 and μ = 8/9.)
  const A = { dCross: 1, dIn: 1, count: 4 },
    B = { dCross: 1, dIn: 3, count: 4 };
  const solveAB = (steps: { dCross: number; dIn: number; count: number }[]) =>
    closedFormTorusLp({ steps, baseCrossHops: 4, baseInHops: 16, destinations: 4, crossBound: 2, inBound: 2 })!;

  it('hand-worked: the steps are taken in decreasing dIn/dCross, whatever order they come in', () => {
    const c = solveAB([A, B]);
    expect(c.mu).toBeCloseTo(8 / 7, 12);
    expect(c.stepUse[0]).toBe(0);
    expect(c.stepUse[1]).toBeCloseTo(3 / 4, 12);
    expect(c.crossActivity).toBeCloseTo(2, 12);
    expect(c.inActivity).toBeCloseTo(2, 12);
  });

  it('each steps list is ordered on its own: a list of the same length in another order gets its own answer', () => {
    // Bug caught: a kept greedy order handed to another steps list (keyed by length, not by the list), which would
    // take the flatter step first and use it. Case of the test above: B = (1, 3) used 3/4, A = (1, 1) unused, μ = 8/7.
    const ab = [A, B],
      ba = [B, A];
    for (const [steps, used] of [
      [ab, 1],
      [ba, 0],
      [ab, 1],
    ] as const) {
      const c = solveAB(steps);
      expect(c.mu).toBeCloseTo(8 / 7, 12);
      expect(c.stepUse[used]).toBeCloseTo(3 / 4, 12);
      expect(c.stepUse[1 - used]).toBe(0);
    }
  });

  it('hand-worked: two steps in full, the third cut where the classes meet', () => {
    // b_x = 1, b_y = 10, U_c = 4, U_i = 2 (m = 2). Steps by ratio: (1, 4, a = 1), (1, 2, a = 1), (2, 1, a = 2).
    // After the first: x = 2, y = 6 (0.5 < 3); after the second: x = 3, y = 4 (0.75 < 2); the third in full would give
    // x = 7, y = 2 (1.75 ≥ 1): they meet at (3 + 2τ)/4 = (4 − τ)/2 → τ = 5/4 of a = 2 (use 5/8), x = 5.5, y = 2.75,
    // μ = 4/5.5 = 8/11.
    const c = closedFormTorusLp({
      steps: [
        { dCross: 2, dIn: 1, count: 4 },
        { dCross: 1, dIn: 4, count: 2 },
        { dCross: 1, dIn: 2, count: 2 },
      ],
      baseCrossHops: 2,
      baseInHops: 20,
      destinations: 2,
      crossBound: 4,
      inBound: 2,
    })!;
    expect(c.mu).toBeCloseTo(8 / 11, 12);
    expect([...c.stepUse].map((u) => Math.round(u * 1e12) / 1e12)).toEqual([5 / 8, 1, 1]);
    expect(c.crossActivity).toBeCloseTo(4, 12);
    expect(c.inActivity).toBeCloseTo(2, 12);
  });

  // The LP solvers are the oracle: same optimum to their tolerances (HiGHS primal feasibility 1e-7).
  const shapes: [number, number, number, number, number][] = [
    [12, 10, 3, 100e9, 80e9],
    [20, 24, 7, 100e9, 100e9],
    [33, 34, 20, 100e9, 81e9],
    [40, 30, 11, 60e9, 100e9],
    [9, 60, 4, 100e9, 20e9],
    [75, 46, 11, 1000e9, 845e9],
  ];
  it.each(shapes)('P = %i, S = %i, F = %i, capIn %d, capCross %d: HiGHS and jsLPSolver agree', (P, S, F, cIn, cX) => {
    const shape = { planes: P, satsPerPlane: S, phasing: F };
    const dest = torusDestinations(shape, { cross_s: 1e-3, in_s: 1e-3 }, { cross: true, in: true });
    const caps = { inPlaneCapacity_bps: cIn, crossPlaneCapacity_bps: cX, lpSolver: lp };
    const closed = solveTorusLp(caps, dest, P * S);
    expect(closed.lp.solver).toBe(CLOSED_FORM_SOLVER);
    for (const solver of ['highs', 'jslp'] as const) {
      const ref = solveTorusLp({ ...caps, lpOptions: { solver } }, dest, P * S);
      expect(ref.lp.solver).not.toBe(CLOSED_FORM_SOLVER);
      expect(Math.abs(closed.throughputPerNode_bps / ref.throughputPerNode_bps - 1)).toBeLessThan(1e-6);
      expect(closed.inPlaneUtilization).toBeCloseTo(ref.inPlaneUtilization, 6);
      expect(closed.crossPlaneUtilization).toBeCloseTo(ref.crossPlaneUtilization, 6);
      // Each step's flow w_e = use·(count_e/(N − 1))·μ, in units of μ: within the solvers' tolerance (1e-7).
      closed.stepUse.forEach((u, i) => {
        const a = dest.steps[i]!.count / (P * S - 1);
        expect(Math.abs(u - ref.stepUse[i]!) * a).toBeLessThan(1e-6);
      });
    }
  });
});

describe('closed form: the greedy order found as far as a walk reads it', () => {
  type Step = { dCross: number; dIn: number; count: number };
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

  /** The header's walk, written out: the steps sorted by exact cross products (decreasing dIn/dCross), then in turn. */
  function walk(steps: Step[], bx: number, by: number, m: number, Uc: number, Ui: number) {
    const order = [...steps.keys()].sort((i, j) => steps[j]!.dIn * steps[i]!.dCross - steps[i]!.dIn * steps[j]!.dCross);
    let x = bx / m,
      y = by / m;
    const use = new Float64Array(steps.length);
    for (const e of order) {
      if (x / Uc >= y / Ui) break;
      const s = steps[e]!,
        a = s.count / m;
      const nx = x + s.dCross * a,
        ny = y - s.dIn * a;
      if (nx / Uc < ny / Ui) {
        use[e] = 1;
        x = nx;
        y = ny;
        continue;
      }
      const tau = Math.min(a, Math.max(0, (y / Ui - x / Uc) / (s.dCross / Uc + s.dIn / Ui)));
      use[e] = tau / a;
      x += s.dCross * tau;
      y -= s.dIn * tau;
      break;
    }
    const mu = Math.min(Uc / x, y > 0 ? Ui / y : Infinity);
    return { mu, crossActivity: mu * x, inActivity: mu * y, stepUse: use };
  }

  /** Distinct primitive directions (dCross, dIn) in a scrambled order (Park–Miller), each of 1–8 unit steps. */
  function scrambled(n: number, seed: number): Step[] {
    let r = seed;
    const next = (k: number): number => (r = (r * 48271) % 2147483647) % k;
    const seen = new Set<string>();
    const steps: Step[] = [];
    while (steps.length < n) {
      const dCross = 1 + next(400),
        dIn = 1 + next(50);
      if (gcd(dCross, dIn) !== 1 || seen.has(`${dCross},${dIn}`)) continue;
      seen.add(`${dCross},${dIn}`);
      steps.push({ dCross, dIn, count: 1 + next(8) });
    }
    return steps;
  }

  it('one steps list walked short, then deeper, then short again: each as the written-out walk, to the bit', () => {
    const steps = scrambled(1500, 11);
    // b_y large against U_i/U_c: the deeper walks take more steps before the classes meet (72, 334, 1,156 of 1,500)
    const depths: number[] = [];
    for (const [by, Ui] of [
      [2e4, 2],
      [1e5, 1],
      [4e5, 0.5],
      [2e4, 2],
    ] as const) {
      const p = { steps, baseCrossHops: 4000, baseInHops: by, destinations: 2000, crossBound: 2, inBound: Ui };
      const got = closedFormTorusLp(p)!;
      const want = walk(steps, 4000, by, 2000, 2, Ui);
      expect(got.mu).toBe(want.mu);
      expect(got.crossActivity).toBe(want.crossActivity);
      expect(got.inActivity).toBe(want.inActivity);
      expect([...got.stepUse]).toEqual([...want.stepUse]);
      depths.push(want.stepUse.filter((u) => u > 0).length);
    }
    expect(depths[0]).toBeGreaterThan(0);
    expect(depths[1]).toBeGreaterThan(depths[0]!);
    expect(depths[2]).toBeGreaterThan(depths[1]!);
    expect(depths[3]).toBe(depths[0]);
  });

  it('two quotients that agree in all but their last bits, deep in the order: the exact order decides there', () => {
    // (2^40 + 1)/2^40 and 1/1 differ in the 13th bit from the end; below every other step's ratio of the list (≥ 2)
    const steps: Step[] = [
      ...Array.from({ length: 40 }, (_, i) => ({ dCross: 1, dIn: 2 * i + 3, count: 1 })),
      { dCross: 1, dIn: 1, count: 1 },
      { dCross: 2 ** 40, dIn: 2 ** 40 + 1, count: 1 },
      { dCross: 1, dIn: 2, count: 1 },
    ].reverse();
    const p = { steps, baseCrossHops: 40, baseInHops: 4e4, destinations: 20, crossBound: 2, inBound: 2 };
    const got = closedFormTorusLp(p)!;
    const want = walk(steps, 40, 4e4, 20, 2, 2);
    // the walk reaches the pair: the 41 steps before it in full, the classes meet inside the steeper (2^40, 2^40 + 1)
    // (index 1 of the reversed list), and (1, 1) (index 2) is left unused: taken first it would be used in full
    expect(want.stepUse.filter((u) => u === 1).length).toBe(41);
    expect(want.stepUse[1]).toBeGreaterThan(0);
    expect(want.stepUse[2]).toBe(0);
    expect(got.mu).toBe(want.mu);
    expect([...got.stepUse]).toEqual([...want.stepUse]);
  });
});
