import { describe, expect, it } from 'vitest';
import { allOf, anyOf, hypervolumeStagnation, maxEvaluations, maxGenerations } from '../../solvers/termination.js';

describe('termination', () => {
  it('maxEvaluations and maxGenerations report progress in [0, 1]', () => {
    const t = maxEvaluations(1000);
    t.observe({ generation: 1, evaluations: 250 });
    expect(t.progress()).toBe(0.25);
    expect(t.done()).toBe(false);
    t.observe({ generation: 5, evaluations: 1200 });
    expect(t.done()).toBe(true);
    expect(t.progress()).toBe(1);
    const g = maxGenerations(10);
    g.observe({ generation: 10, evaluations: 1 });
    expect(g.done()).toBe(true);
  });

  it('hypervolumeStagnation stops after `window` generations without relative improvement', () => {
    const t = hypervolumeStagnation({ window: 3, tolerance: 1e-3 });
    const hvs = [0.1, 0.5, 0.8, 0.8001, 0.8002, 0.8002];
    const done = hvs.map((hv, i) => {
      t.observe({ generation: i + 1, evaluations: 0, hypervolume: hv });
      return t.done();
    });
    expect(done).toEqual([false, false, false, false, false, true]);
    expect(t.progress()).toBe(1);
    const s = hypervolumeStagnation({ window: 3, tolerance: 1e-3 });
    s.restore(JSON.parse(JSON.stringify(t.state())));
    expect(s.done()).toBe(true);
  });

  it('anyOf stops on the first, allOf on the last criterion', () => {
    const any = anyOf(maxEvaluations(100), maxGenerations(3));
    const all = allOf(maxEvaluations(100), maxGenerations(3));
    for (const t of [any, all]) t.observe({ generation: 3, evaluations: 50 });
    expect(any.done()).toBe(true);
    expect(any.progress()).toBe(1);
    expect(all.done()).toBe(false);
    expect(all.progress()).toBe(0.5);
  });
});
