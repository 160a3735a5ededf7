/**
 * Why a run found no feasible design (src/run/decision/infeasible.ts), from hand-written evaluation logs whose g
 * columns make the answer evident: a constraint no design meets, a pair no design meets together, or neither.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import {
  impossiblePairs,
  infeasibilityText,
  logInfeasibility,
  shortfallText,
} from '../../../src/run/decision/infeasible.js';
import { tempDir } from '../../helpers/tmp.js';

// a floor on the average below the peak's cap: a conflict only the evaluated designs can show
const AVG = 'compute.itPowerAvg_W >= 140000';
const PEAK = 'compute.itPowerPeak_W <= 150000';
const DECAY = 'drag.passiveDecay_yr <= 5';
const dir = tempDir('odc-infeasible-');

/** An evaluations.csv with the three constraints' g columns and the given rows (status, g per constraint). */
function log(name: string, rows: readonly (readonly [string, number, number, number])[], avg = AVG): string {
  const path = join(dir, name);
  const head = `eval,generation,status,x,f,g[${avg}],g[${PEAK}],g[${DECAY}],violation,reason`;
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

  it('gives one shortfall per constraint none meets: the diagnosis states the single conflict, the rest follow', () => {
    // the average misses by 60 % at best, the decay by 20 % at best (design 1), the peak is met by design 0
    const d = logInfeasibility(
      log('shortfalls.csv', [
        ['infeasible', 0.6, -0.2, 0.5],
        ['infeasible', 0.867, 0.1, 0.2],
      ]),
    )!;
    expect(d.unmet).toEqual([
      { name: AVG, margin: -0.6 },
      { name: DECAY, margin: -0.2 },
    ]);
    expect(infeasibilityText(d)).toContain('(the closest falls 60.0 % short of its limit)');
    expect(shortfallText(d)).toBe(`${DECAY} 20.0 % short`);
  });

  it('names a floor on an average above the cap on its peak as impossible, whatever the designs', () => {
    const HIGH = 'compute.itPowerAvg_W >= 160000';
    const d = logInfeasibility(log('impossible.csv', [['infeasible', 0.643, -0.1, -0.5]], HIGH))!;
    expect(d.impossible).toEqual([[HIGH, PEAK]]);
    const text = infeasibilityText(d);
    expect(text).toBe(
      `${HIGH} and ${PEAK} cannot hold together: an average is never above its own peak; lower the first or raise the second`,
    );
    // the diagnosis gives no figure, so the average's shortfall is stated once, in the per-constraint line
    expect(text).not.toMatch(/%/);
    expect(shortfallText(d)).toBe(`${HIGH} 64.3 % short`);
  });

  it('finds impossible pairs by definition only: same metric, average/peak, minimum/maximum, floor above cap', () => {
    expect(impossiblePairs(['a.x_kg >= 10', 'a.x_kg <= 5', 'a.x_kg <= 20'])).toEqual([['a.x_kg >= 10', 'a.x_kg <= 5']]);
    expect(impossiblePairs(['orbit.betaMin_deg >= 50', 'orbit.betaMax_deg <= 40'])).toEqual([
      ['orbit.betaMin_deg >= 50', 'orbit.betaMax_deg <= 40'],
    ]);
    expect(impossiblePairs(['compute.itPowerAvg_W >= 1e9', PEAK])).toEqual([['compute.itPowerAvg_W >= 1e9', PEAK]]);
    // a floor at or below the cap, a cap on the average with a floor on the peak, other metrics, closures: none
    expect(impossiblePairs(['compute.itPowerAvg_W >= 150000', PEAK])).toEqual([]);
    expect(impossiblePairs(['compute.itPowerAvg_W <= 1', 'compute.itPowerPeak_W >= 9'])).toEqual([]);
    expect(impossiblePairs(['power.demandAvg_W >= 9', PEAK, 'thermal.radiatorArea', DECAY])).toEqual([]);
  });

  it('is null without a log or without an evaluated design', () => {
    expect(logInfeasibility(join(dir, 'absent.csv'))).toBeNull();
    expect(logInfeasibility(log('failed.csv', [['failed', 0, 0, 0]]))).toBeNull();
  });
});
