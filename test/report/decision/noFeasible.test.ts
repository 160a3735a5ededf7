/**
 * A run whose every evaluation failed has no constraint diagnosis (nothing was evaluated to compare constraints on):
 * its summary names the most frequent failure reason instead, with its count, for one run and per seed. Bugs it
 * catches: a broken install (a model's data file missing, every design failing) reported as "a run of an older odc",
 * the least frequent reason shown, a run with some evaluated designs treated as all failed.
 */
import { describe, expect, it } from 'vitest';
import { noFeasibleLines, noFeasibleSeedsLines } from '../../../src/report/decision/summary.js';
import type { RunCounts } from '../../../src/run/schemas.js';

const MISSING = "ENOENT: no such file or directory, open 'src/models/radiation/tid.csv'";
const allFailed: RunCounts = {
  generations: 2,
  evaluations: 400,
  failures: 400,
  feasible: 0,
  paretoSize: 0,
  stopReason: 'reached 2 generations',
  failureReasons: [
    { reason: 'objective x is NaN for this design', count: 10 },
    { reason: MISSING, count: 390 },
  ],
  leastInfeasible: [],
};

describe('no feasible design, every evaluation failed', () => {
  it('one run names the most frequent failure and its count', () => {
    const text = noFeasibleLines(allFailed).join('\n');
    expect(text).toContain('could evaluate none of its 400 designs');
    expect(text).toContain(`(390 of 400): ${MISSING}`);
    expect(text).not.toContain('NaN');
  });

  it('each seed says the same, not "a run of an older odc"', () => {
    const text = noFeasibleSeedsLines([
      { seed: 42, result: allFailed },
      { seed: 43, result: undefined },
    ]).join('\n');
    expect(text).toContain(`seed 42: the models could evaluate none of its 400 designs, most often (390 of 400)`);
    // a seed without a result (an older odc's run.json) keeps that wording
    expect(text).toContain('seed 43: no diagnosis (a run of an older odc)');
  });

  it('a run with some evaluated designs is not called all failed', () => {
    const some = { ...allFailed, failures: 399 };
    expect(noFeasibleLines(some).join('\n')).not.toContain('could evaluate none');
  });
});
