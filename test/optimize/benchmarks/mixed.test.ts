/**
 * mixed1: one real, integer and choice variable each.
 * Objective and constraint values at points worked out by hand from the papers' definitions (the arithmetic is
 * written next to each expectation), and feasibility of known feasible and infeasible points. Nothing here calls
 * the code under test to make an expectation.
 */
import { describe, expect, it } from 'vitest';
import { P, run, close } from './problems.js';

describe('mixed1 (real, int, choice)', () => {
  const p = P('mixed1');
  it('declares one variable of each kind', () => {
    expect(p.variables.map((v) => v.kind)).toEqual(['real', 'real', 'real', 'int', 'choice']);
  });

  it('values and constraints', () => {
    // x = 0.3, z = (0.1, 0.2), n = 2, linear: g = 1 + 0.01 + 0.04 + 0.1 = 1.15, f2 = 1.15 · 0.7 = 0.805;
    // c = (0 (not convex), 0.3 - 0.5, 2 - 2 - 0.6)
    const a = run(p, [0.3, 0.1, 0.2, 2, 1]);
    close(a.f, [0.3, 0.805]);
    close(a.g, [0, -0.2, -0.6]);
    // convex at x = 0.2: c1 = 0.05 > 0; concave: h = 1 - 0.04
    expect(run(p, [0.2, 0, 0, 2, 0]).g[0]!).toBeCloseTo(0.05, 12);
    close(run(p, [0.2, 0, 0, 2, 2]).f, [0.2, 1.1 * 0.96]);
    // n = 4 at x = 0.6: c3 = 4 - 2 - 1.2 = 0.8; z = (0.4, 0.3): c2 = 0.2
    expect(run(p, [0.6, 0, 0, 4, 0]).g[2]!).toBeCloseTo(0.8, 12);
    expect(run(p, [0.6, 0.4, 0.3, 3, 0]).g[1]!).toBeCloseTo(0.2, 12);
  });

  it('the three front pieces', () => {
    close(run(p, [0.1, 0, 0, 2, 1]).f, [0.1, 1.1 * 0.9]); // linear, n = 2
    close(run(p, [0.36, 0, 0, 2, 0]).f, [0.36, 1.1 * 0.4]); // convex, n = 2
    close(run(p, [0.81, 0, 0, 3, 0]).f, [0.81, 0.1]); // convex, n = 3
    for (const x of [
      [0.1, 0, 0, 2, 1],
      [0.36, 0, 0, 2, 0],
      [0.81, 0, 0, 3, 0],
    ])
      expect(run(p, x).cv).toBe(0);
  });
});
