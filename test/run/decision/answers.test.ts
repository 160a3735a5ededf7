/**
 * A design that misses a requirement is never an answer (src/run/decision/decision.ts `answerable`): not the knee, not
 * the best of an objective, not `--design knee`, not the standing's design. The front is the one of select.test.ts,
 * whose knee order is known by hand: five designs on f2 = (1 − f1)², f1 = 0, 0.25, 0.5, 0.75, 1 (already normalized);
 * the distance from the extremes' line f1 + f2 = 1 is f1 (1 − f1)/√2, largest at design 2, then designs 1 and 3 tie
 * and the tie goes to design 1 (nearer the ideal point). Lowest f1: design 0, then 1; lowest f2: design 4, then 3.
 */
import { describe, expect, it } from 'vitest';
import {
  answerKnee,
  bestPosition,
  decisionPicks,
  missedRequirements,
  selectDesign,
} from '../../../src/run/decision/decision.js';
import { decisionSummary } from '../../../src/run/decision/recommend.js';
import { kneeStanding } from '../../../src/run/decision/select.js';
import { decisionLines } from '../../../src/report/decision/summary.js';
import type { ParetoDesign, ParetoFile } from '../../../src/run/paretoFile.js';
import type { ConstellationRecord } from '../../../src/constellation/record/record.js';

/** A constellation record carrying only its checks: network.demand met or not (10 Gbps required). */
const constellationRecord = (throughput_Gbps: number): ConstellationRecord =>
  ({
    kind: 'constellation',
    constraints: [
      {
        name: 'network.demand',
        value: throughput_Gbps,
        limit: 10,
        sense: '>=',
        unit: 'Gbps',
        satisfied: throughput_Gbps >= 10,
        margin: (throughput_Gbps - 10) / 10,
        enforced: true,
        description: '',
      },
      // a check the file does not enforce: missing it does not bar a design
      {
        name: 'launch.halfMilestone',
        value: 0.1,
        limit: 0.5,
        sense: '>=',
        unit: '-',
        satisfied: false,
        margin: -0.8,
        enforced: false,
        description: '',
      },
    ],
  }) as unknown as ConstellationRecord;

/** The parabola front; `g[i]` the study constraint's g of design i, `rec[i]` its record (null: none). */
function front(g: readonly number[], rec: readonly (ConstellationRecord | null)[] = []): ParetoFile {
  const designs: ParetoDesign[] = g.map((gi, i) => ({
    index: 100 + i,
    variables: {},
    objectives: { a: i / 4, b: (1 - i / 4) ** 2 },
    constraints: { 'x <= 1': gi },
    record: rec[i] ?? null,
  }));
  return {
    formatVersion: 1,
    study: 's',
    kind: rec.length ? 'constellation' : 'benchmark',
    objectives: [
      { name: 'a', sense: 'minimize', unit: '-' },
      { name: 'b', sense: 'minimize', unit: '-' },
    ],
    variables: [],
    designs,
  };
}

const MET = [-0.1, -0.1, -0.1, -0.1, -0.1];

describe('answers skip a design that misses a requirement', () => {
  it('every design meets every requirement: the knee is design 2, the bests designs 0 and 4', () => {
    const p = front(MET);
    expect(answerKnee(p)).toBe(2);
    expect(decisionPicks(p).map((x) => x.design.index)).toEqual([102, 100, 104]);
  });

  it('the knee misses the traffic demand (3.38 of 10 Gbps): the knee is design 1, and design 2 is no pick', () => {
    const rec = [40, 40, 3.38, 40, 40].map(constellationRecord);
    const p = front(MET, rec);
    expect(missedRequirements(p.designs[2]!)).toEqual(['network.demand']);
    // an unenforced check missed (launch.halfMilestone) does not count
    expect(missedRequirements(p.designs[0]!)).toEqual([]);
    expect(answerKnee(p)).toBe(1);
    expect(selectDesign(p, 'knee', 'run').design.index).toBe(101);
    expect(decisionPicks(p).map((x) => x.design.index)).not.toContain(102);
    const s = kneeStanding(p, null, 'none declared')!;
    expect(s.position).toBe(1);
    // with a margin rule the knee is still chosen among the designs that meet their requirements
    expect(kneeStanding(p, { minMargin: 0.05 }, 'none declared')!.position).toBe(1);
  });

  it('the best of an objective misses the demand: the next best that meets it is picked', () => {
    const rec = [3.38, 40, 40, 40, 40].map(constellationRecord);
    const p = front(MET, rec);
    expect(bestPosition(p, 'a')).toBe(1);
    expect(selectDesign(p, 'best:a', 'run').design.index).toBe(101);
    expect(bestPosition(p, 'b')).toBe(4);
  });

  it('a design with a held constraint at g > 0 is no answer either', () => {
    const p = front([-0.1, -0.1, 0.02, -0.1, 1e-9]);
    expect(missedRequirements(p.designs[4]!)).toEqual(['x <= 1']);
    expect(answerKnee(p)).toBe(1);
    expect(bestPosition(p, 'b')).toBe(3);
  });

  it('no design meets every requirement: one sentence instead of an answer, everywhere', () => {
    const p = front([0.1, 0.1, 0.1, 0.1, 0.1]);
    expect(answerKnee(p)).toBe(-1);
    expect(decisionPicks(p)).toEqual([]);
    expect(kneeStanding(p, { minMargin: 0.05 }, 'none declared')).toBeNull();
    const d = decisionSummary(p, kneeStanding(p, null, 'none declared'));
    expect(d.designs).toEqual([]);
    expect(d.noAnswer).toBe('No Pareto design meets every requirement (each misses x <= 1), so none is recommended.');
    expect(decisionLines(d)).toEqual([`  ${d.noAnswer}`]);
    expect(() => selectDesign(p, 'knee', 'run')).toThrow(/No Pareto design meets every requirement/);
    // a design named by its index is still exported on request
    expect(selectDesign(p, 103, 'run').design.index).toBe(103);
  });
});
