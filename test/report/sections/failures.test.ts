import { describe, expect, it } from 'vitest';
import { failuresSection, groupFailureReasons } from '../../../src/report/sections/failures.js';
import { blocksOf, h3, loadedRun, reportModel } from './reportModel.js';

const REASONS = {
  kind: 'table',
  headers: ['reason (numbers that vary as their range)', 'count [-]'],
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

  it('lists the least-infeasible designs with the constraints they violate (the shortfalls are per constraint)', () => {
    const s = failuresSection(reportModel({ run: loadedRun({ failureReasons, leastInfeasible }) }));
    expect(s).toMatchObject({ kind: 'section', id: 'failures' });
    expect(blocksOf(s)).toStrictEqual([
      h3('Failed evaluations (treated as infeasible)'),
      REASONS,
      h3('Least-infeasible designs'),
      {
        kind: 'table',
        headers: ['evaluation [-]', 'violated constraints'],
        rows: [
          ['17', 'mass; power'],
          ['4', 'thermal'],
        ],
      },
    ]);
    const only = failuresSection(reportModel({ run: loadedRun({ leastInfeasible }) }));
    expect(blocksOf(only).map((b) => b.kind)).toEqual(['heading', 'table']);
  });
});

describe('groupFailureReasons (one row per message, numbers aside)', () => {
  it('24 messages alike but for their numbers and 2 others give 2 rows with counts 24 and 2', () => {
    const alike = Array.from({ length: 24 }, (_, i) => ({
      reason: `closest approach needs ${1000 + 10 * i} pair evaluations (limit 500)`,
      count: 1,
    }));
    const other = [
      { reason: 'SGP4 failed for object 3 at t = 60 s', count: 1 },
      { reason: 'SGP4 failed for object 3 at t = 60 s', count: 1 },
    ];
    // the varying number as its range (1000 … 1000 + 10·23 = 1230), the constant kept; most frequent first
    expect(groupFailureReasons([...other, ...alike])).toEqual([
      { reason: 'closest approach needs 1000…1230 pair evaluations (limit 500)', count: 24 },
      { reason: 'SGP4 failed for object 3 at t = 60 s', count: 2 },
    ]);
  });

  it('keeps messages whose words differ apart, and sums the counts of a group', () => {
    expect(
      groupFailureReasons([
        { reason: 'shell at 300 m reaches the surface', count: 5 },
        { reason: 'shell at 2.5 m reaches the surface', count: 7 },
        { reason: 'no orbit', count: 12 },
      ]),
    ).toEqual([
      // ties by message: "no orbit" < "shell …"
      { reason: 'no orbit', count: 12 },
      { reason: 'shell at 2.5…300 m reaches the surface', count: 12 },
    ]);
  });
});
