import { describe, expect, it } from 'vitest';
import { bestPosition, kneePosition, parseDesignSelector, selectDesign } from '../../../src/run/decision/decision.js';
import { samplePositions, axisLabel } from '../../../src/report/plots/plots.js';
import { stackedLabel } from '../../../src/report/plots/parallelPlot.js';
import type { ParetoFile } from '../../../src/run/paretoFile.js';

const front = (points: number[][], senses: ('minimize' | 'maximize')[] = ['minimize', 'minimize']): ParetoFile => ({
  formatVersion: 1,
  study: 't',
  kind: 'benchmark',
  objectives: senses.map((sense, j) => ({ name: `f${j + 1}`, sense, unit: '-' })),
  variables: [],
  designs: points.map((p, i) => ({
    index: 10 + i,
    variables: {},
    objectives: Object.fromEntries(p.map((v, j) => [`f${j + 1}`, v])),
    constraints: {},
    record: null,
  })),
});

describe('kneePosition', () => {
  it('kneePosition picks the bulge of a convex front', () => {
    expect(
      kneePosition([
        [0, 1],
        [0.2, 0.2],
        [0.5, 0.1],
        [1, 0],
      ]),
    ).toBe(1);
  });
  it('kneePosition is invariant to scaling an objective', () => {
    expect(
      kneePosition([
        [0, 1000],
        [0.2, 200],
        [0.5, 100],
        [1, 0],
      ]),
    ).toBe(1);
  });
  it('kneePosition of one design is that design; of none is -1', () => {
    expect(kneePosition([[3, 4]])).toBe(0);
    expect(kneePosition([])).toBe(-1);
  });
  it('kneePosition in three objectives prefers the balanced design', () => {
    expect(
      kneePosition([
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
        [0.2, 0.2, 0.2],
        [0.5, 0.4, 0.2],
      ]),
    ).toBe(3);
  });
});

describe('selectors', () => {
  const p = front(
    [
      [1, 5],
      [2, 3],
      [4, 1],
    ],
    ['minimize', 'maximize'],
  );
  it('best:<objective> honours the sense and short names', () => {
    expect(bestPosition(p, 'f1')).toBe(0);
    expect(bestPosition(p, 'f2')).toBe(0);
    expect(selectDesign(p, 'best:f2', 'run').design.index).toBe(10);
    expect(selectDesign(p, 12, 'run').position).toBe(2);
  });
  it('parseDesignSelector reads knee, best:<objective> and indices', () => {
    expect(parseDesignSelector('knee')).toBe('knee');
    expect(parseDesignSelector('best:f1')).toBe('best:f1');
    expect(parseDesignSelector('17')).toBe(17);
    expect(() => parseDesignSelector('-3')).toThrow(/expected knee/);
  });
  it('an empty front cannot be selected from', () => {
    expect(() => selectDesign(front([]), 'knee', 'run-x')).toThrow(/run-x: the run has no feasible Pareto design/);
  });
});

describe('plot helpers', () => {
  it('samplePositions is deterministic, evenly spaced and keeps both ends', () => {
    expect(samplePositions(5, 10)).toEqual([0, 1, 2, 3, 4]);
    const s = samplePositions(10000, 3000);
    expect(s).toHaveLength(3000);
    expect(s[0]).toBe(0);
    expect(s[2999]).toBe(9999);
    expect(new Set(s).size).toBe(3000);
  });
  it('axis labels carry the unit', () => {
    expect(axisLabel('cost.lcoc_USD_per_PFLOP_day', 'USD/PFLOP-day')).toBe('cost.lcoc [USD/PFLOP-day]');
    expect(axisLabel('compute.chips', '-')).toBe('compute.chips [-]');
    // a key that is all unit keeps its name, not the unit's first part ('mass.kW')
    expect(axisLabel('mass.kW_per_t', 'kW/t')).toBe('mass.kW_per_t [kW/t]');
    expect(axisLabel('mass.launch_kg', 'kg')).toBe('mass.launch [kg]');
    expect(stackedLabel('cost.lcoc (min) [USD/PFLOP-day]')).toEqual(['cost', 'lcoc', '(min)', '[USD/PFLOP-day]']);
  });
});
