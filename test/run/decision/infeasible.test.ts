/**
 * Why a run found no feasible design (src/run/decision/infeasible.ts), from hand-written evaluation logs whose g
 * columns make the answer evident: a constraint no design meets, a pair no design meets together, or neither.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { infeasibilityText, logInfeasibility } from '../../../src/run/decision/infeasible.js';
import { tempDir } from '../../helpers/tmp.js';

const AVG = 'compute.itPowerAvg_W >= 200000';
const PEAK = 'compute.itPowerPeak_W <= 150000';
const DECAY = 'drag.passiveDecay_yr <= 5';
const dir = tempDir('odc-infeasible-');

/** An evaluations.csv with the three constraints' g columns and the given rows (status, g per constraint). */
function log(name: string, rows: readonly (readonly [string, number, number, number])[]): string {
  const path = join(dir, name);
  const head = `eval,generation,status,x,f,g[${AVG}],g[${PEAK}],g[${DECAY}],violation,reason`;
  const body = rows.map(([status, a, p, d], i) => `${i},0,${status},1,5,${a},${p},${d},0,`);
  writeFileSync(path, [head, ...body].join('\n') + '\n');
  return path;
}

describe('no feasible design: what conflicts', () => {
  it('names the pair no design meets together, each met alone, and the closest miss', () => {
    // designs meet the average or the peak, never both: the closest misses the peak by 10 % (g = 0.10)
    const d = logInfeasibility(
      log('pair.csv', [
        ['infeasible', -0.1, 0.25, -0.5],
        ['infeasible', 0.3, -0.2, -0.5],
        ['infeasible', -0.05, 0.1, -0.5],
        ['failed', -1, -1, -1], // a failed evaluation says nothing about the constraints
      ]),
    )!;
    expect(d.evaluated).toBe(3);
    expect(d.conflict).toEqual([AVG, PEAK]);
    expect(d.conflictMargin).toBeCloseTo(-0.1, 12);
    const text = infeasibilityText(d);
    expect(text).toContain(`${AVG} and ${PEAK} conflict`);
    expect(text).toContain('both by none (the closest misses one by 10.0 % of its limit)');
    expect(text).toContain('relax one of the two limits');
  });

  it('names a constraint no design meets alone before any pair', () => {
    const d = logInfeasibility(
      log('single.csv', [
        ['infeasible', 0.6, -0.2, -0.5],
        ['infeasible', 0.867, 0.1, -0.5],
      ]),
    )!;
    expect(d.conflict).toEqual([AVG]);
    expect(infeasibilityText(d)).toBe(
      `${AVG} is met by none of the 2 evaluated designs (the closest falls 60.0 % short of its limit): ` +
        'widen its limit, or the bounds of the variables that drive it',
    );
  });

  it('names no conflict when every pair is met by some design, and points at the closest design', () => {
    // each pair met by one design, the three never together
    const d = logInfeasibility(
      log('none.csv', [
        ['infeasible', -0.1, -0.1, 0.2],
        ['infeasible', -0.1, 0.3, -0.1],
        ['infeasible', 0.05, -0.1, -0.1],
      ]),
    )!;
    expect(d.conflict).toEqual([]);
    expect(d.closestIndex).toBe(2);
    expect(d.closestMargin).toBeCloseTo(-0.05, 12);
    expect(infeasibilityText(d)).toMatch(
      /all of them by none \(the closest, evaluation 2, misses by 5\.0 % of a limit\)/,
    );
  });

  it('is null without a log or without an evaluated design', () => {
    expect(logInfeasibility(join(dir, 'absent.csv'))).toBeNull();
    expect(logInfeasibility(log('failed.csv', [['failed', 0, 0, 0]]))).toBeNull();
  });
});
