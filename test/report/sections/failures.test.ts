import { describe, expect, it } from 'vitest';
import { failuresSection } from '../../../src/report/sections/failures.js';
import { blocksOf, h3, loadedRun, reportModel } from './reportModel.js';

const REASONS = {
  kind: 'table',
  headers: ['reason', 'count [-]'],
  rows: [
    ['solver diverged', '3'],
    ['no orbit', '1'],
  ],
};
const failureReasons = [
  { reason: 'solver diverged', count: 3 },
  { reason: 'no orbit', count: 1 },
];
const leastInfeasible = [
  {
    index: 17,
    violations: [
      { name: 'mass', g: 0.12345 },
      { name: 'power', g: Number.NaN },
    ],
  },
  { index: 4, violations: [{ name: 'thermal', g: 2 }] },
];

describe('failuresSection (why evaluations failed, the least-infeasible designs)', () => {
  it('is left out when the run failed nothing or has no result', () => {
    expect(failuresSection(reportModel())).toBeNull();
    expect(failuresSection(reportModel({ run: loadedRun({ noResult: true }) }))).toBeNull();
  });

  it('lists the failure reasons with their counts', () => {
    expect(failuresSection(reportModel({ run: loadedRun({ failureReasons }) }))).toStrictEqual({
      kind: 'section',
      id: 'failures',
      heading: 'Failures and infeasibility',
      nav: 'Failures',
      blocks: [h3('Failed evaluations (treated as infeasible)'), REASONS],
    });
  });

  it('lists the least-infeasible designs, g to three decimals and "failed" where it is not a number', () => {
    const s = failuresSection(reportModel({ run: loadedRun({ failureReasons, leastInfeasible }) }));
    expect(s).toMatchObject({ kind: 'section', id: 'failures' });
    expect(blocksOf(s)).toStrictEqual([
      h3('Failed evaluations (treated as infeasible)'),
      REASONS,
      h3('Least-infeasible designs'),
      {
        kind: 'table',
        headers: ['evaluation [-]', 'violated constraints (g > 0, relative to the limit)'],
        rows: [
          ['17', 'mass: g = 0.123; power: g = failed'],
          ['4', 'thermal: g = 2.000'],
        ],
      },
    ]);
    const only = failuresSection(reportModel({ run: loadedRun({ leastInfeasible }) }));
    expect(blocksOf(only).map((b) => b.kind)).toEqual(['heading', 'table']);
  });
});
