/**
 * What relaxing each binding constraint of the knee by 10 % buys (src/run/decision/relaxation.ts), on hand-made
 * problems whose
 * answer is known analytically, and read from an evaluations.csv written by hand.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kneeRelaxation, relaxationGains, relaxationTable, RELAXATION } from '../../../src/run/decision/relaxation.js';
import { tempDir } from '../../helpers/tmp.js';

const tmp = tempDir('relaxation');

describe('min x subject to x >= c', () => {
  // g = (c − x)/c (the study's scaled form of x >= c); the optimum sits on x = c. Relaxing the limit by 10 % moves it
  // to 0.9 c: the objective falls by exactly 0.1 c, provided the evaluated designs include x = 0.9 c.
  const c = 2;
  const xs = Array.from({ length: 401 }, (_, k) => k / 100); // 0, 0.01, …, 4 (0.9 c = 1.8 among them)
  const input = {
    objectives: [{ name: 'x', sense: 'minimize' as const, unit: 'm' }],
    constraints: ['x >= c'],
    knee: { index: 200, objectives: { x: c } },
    binding: [{ name: 'x >= c', margin: 0 }],
  };

  it('buys exactly 0.1 c, found at the design x = 0.9 c', () => {
    const acc = relaxationGains(input);
    xs.forEach((x, k) => acc.add({ index: k, f: [x], g: [(c - x) / c] }));
    const r = acc.result();
    expect(r.relaxation).toBe(0.1);
    expect(r.evaluated).toBe(401);
    const [gain] = r.gains;
    expect(gain!.constraint).toBe('x >= c');
    expect(gain!.objectives[0]!.change).toBeCloseTo(-0.1 * c, 12);
    expect(gain!.objectives[0]!.design).toBe(180);
    // past the limit and within the relaxation: x = 1.80 … 1.99 (g = (2 − x)/2 in (0, 0.1]), 20 designs
    expect(gain!.pastLimit).toBe(20);
  });

  it('a constraint with c = 10 buys 1 (scaling by |limit|)', () => {
    const acc = relaxationGains({ ...input, knee: { index: 100, objectives: { x: 10 } } });
    for (let k = 0; k <= 200; k++) acc.add({ index: k, f: [k / 10], g: [(10 - k / 10) / 10] });
    expect(acc.result().gains[0]!.objectives[0]!.change).toBeCloseTo(-1, 12);
  });

  it('with no evaluated design past the limit, nothing is bought and the table says none found', () => {
    const acc = relaxationGains(input);
    xs.filter((x) => x >= c).forEach((x) => acc.add({ index: Math.round(100 * x), f: [x], g: [(c - x) / c] }));
    const r = acc.result();
    expect(r.gains[0]!.objectives[0]!.change).toBe(0);
    expect(r.gains[0]!.objectives[0]!.design).toBe(200);
    expect(r.gains[0]!.pastLimit).toBe(0);
    expect(relaxationTable(r, String).rows).toEqual([['x >= c (0 designs past the limit)', 'none found']]);
  });
});

describe('two objectives, one maximized, another constraint held', () => {
  // cost = 1/x (minimized), capacity = x (maximized), power x <= 10: g1 = (x − 10)/10. A second constraint g2 is
  // violated at x = 11 only. Relaxed, x <= 11; x = 11 breaks g2, so x = 10.5 is the best: capacity +0.5 (no worse
  // in cost: 1/10.5 < 1/10), cost 1/10.5 − 1/10 = −1/210 (no worse in capacity). Designs past 11 are never taken.
  const xs = [9, 9.5, 10, 10.5, 11, 11.5, 12];
  const input = {
    objectives: [
      { name: 'cost', sense: 'minimize' as const, unit: 'USD' },
      { name: 'capacity', sense: 'maximize' as const, unit: 'W' },
    ],
    constraints: ['power', 'other'],
    knee: { index: 2, objectives: { cost: 0.1, capacity: 10 } },
    binding: [{ name: 'power', margin: 0 }],
  };
  const rows = xs.map((x, k) => ({ index: k, f: [1 / x, x], g: [(x - 10) / 10, x === 11 ? 0.5 : -1] }));

  it('gives each objective its analytic change and design', () => {
    const acc = relaxationGains(input);
    rows.forEach((r) => acc.add(r));
    const [cost, capacity] = acc.result().gains[0]!.objectives;
    expect(cost!.change).toBeCloseTo(1 / 10.5 - 1 / 10, 14);
    expect(cost!.design).toBe(3);
    expect(capacity!.change).toBe(0.5);
    expect(capacity!.best).toBe(10.5);
    const t = relaxationTable(acc.result(), (v) => v.toFixed(4));
    expect(t.headers).toEqual(['limit relaxed by 10 %', 'cost [USD]', 'capacity [W]']);
    // −1/210 = −0.0048 is −4.8 % of 0.1; +0.5 is +5.0 % of 10
    // past the limit: x = 10.5 only (x = 11 breaks g2, 11.5 and 12 are past the relaxed limit)
    expect(t.rows).toEqual([
      ['power (1 design past the limit)', '-0.0048 (-4.8 %), design 3', '+0.5000 (+5.0 %), design 3'],
    ]);
  });

  it('constraints on one quantity (`also`) are relaxed together; a constraint the log lacks is left out', () => {
    const both = {
      ...input,
      binding: [
        { name: 'power', margin: 0, also: ['other'] },
        { name: 'absent', margin: 0 },
      ],
    };
    const acc = relaxationGains(both);
    rows.forEach((r) => acc.add(r));
    const r = acc.result();
    expect(r.gains).toHaveLength(1);
    expect(r.gains[0]!.constraint).toBe('power & other');
    // g2 = 0.5 at x = 11 is still past 0.1: x = 10.5 remains the best
    expect(r.gains[0]!.objectives[1]!.best).toBe(10.5);
    expect(RELAXATION).toBe(0.1);
  });
});

describe('kneeRelaxation reads evaluations.csv', () => {
  it('reads the objectives and g columns by name, skips failed rows, and is null without a binding constraint', () => {
    const path = join(tmp, 'evaluations.csv');
    // the log's layout (src/run/log.ts logHeader): eval, generation, status, variables, objectives, g[…],
    // violation, reason
    writeFileSync(
      path,
      [
        'eval,generation,status,x,x_obj,g[x >= c],violation,reason',
        '0,0,feasible,2,2,0,0,',
        '1,0,infeasible,1.9,1.9,0.05,0.05,',
        '2,0,infeasible,1.7,1.7,0.15,0.15,',
        '3,1,failed,1.85,,,,"RangeError: x, out of range"',
        '',
      ].join('\n'),
    );
    const pareto = { objectives: [{ name: 'x_obj', sense: 'minimize' as const, unit: '-' }] };
    const knee = {
      index: 0,
      variables: { x: 2 },
      objectives: { x_obj: 2 },
      constraints: { 'x >= c': 0 },
      record: null,
    };
    const r = kneeRelaxation(path, pareto, knee, [{ name: 'x >= c', margin: 0 }])!;
    expect(r.evaluated).toBe(3);
    expect(r.gains[0]!.objectives[0]!.change).toBeCloseTo(-0.1, 12);
    expect(r.gains[0]!.objectives[0]!.design).toBe(1);
    expect(kneeRelaxation(path, pareto, knee, [])).toBeNull();
    expect(kneeRelaxation(join(tmp, 'absent.csv'), pareto, knee, [{ name: 'x >= c', margin: 0 }])).toBeNull();
  });
});
