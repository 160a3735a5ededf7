/**
 * The recommended knee among designs meeting a margin, how it stands, and P(all hold)
 * (src/run/decision/select.ts,
 * src/run/decision/decisionText.ts), on a front built in the test whose knee is known by hand:
 * five designs on f2 = (1 − f1)², f1 = 0, 0.25, 0.5, 0.75, 1, already normalized (ideal 0, nadir 1). The extremes
 * (0, 1) and (1, 0) span the line f1 + f2 = 1; a design's distance from it on the ideal side is
 * (1 − f1 − f2)/√2 = f1 (1 − f1)/√2: largest at f1 = 0.5 (design 2), then f1 = 0.25 and 0.75 tie (0.1875/√2), and the
 * tie goes to the one nearer the ideal point, (0.25, 0.5625) at 0.616 against (0.75, 0.0625) at 0.753: design 1.
 */
import { describe, expect, it } from 'vitest';
import { jointText, kneeLabel, marginText } from '../../../src/run/decision/decisionText.js';
import { kneeStanding, type JointSource } from '../../../src/run/decision/select.js';
import type { ParetoDesign, ParetoFile } from '../../../src/run/paretoFile.js';
import type { ConstraintSamples } from '../../../src/study/constraintSamples.js';

/** `x <= 1` margins per design; every design also sits on power.arrayArea (a sizing closure) at g = 0. */
function front(margins: readonly number[], kind: ParetoFile['kind'] = 'node'): ParetoFile {
  const designs: ParetoDesign[] = margins.map((m, i) => ({
    index: i,
    variables: {},
    objectives: { a: i / 4, b: (1 - i / 4) ** 2 },
    constraints: { 'power.arrayArea': 0, 'x <= 1': -m },
    record: null,
  }));
  return {
    formatVersion: 1,
    study: 's',
    kind,
    objectives: [
      { name: 'a', sense: 'minimize', unit: '-' },
      { name: 'b', sense: 'minimize', unit: '-' },
    ],
    variables: [],
    designs,
  };
}

/** Samples in which every constraint holds in `ok` of `n`. */
function source(ok: number, n: number): JointSource {
  const holds = Array.from({ length: n }, (_, i) => [i < ok, true]);
  const s: ConstraintSamples = { names: ['a', 'b'], skipped: [], holds, inputs: 3, failed: 0, firstFailure: null };
  return { samples: n, seed: 7, sampled: () => s };
}

const MARGINS = [0.1, 0.1, 0, 0.1, 0.1];

describe('the knee among the designs keeping select.minMargin', () => {
  it('design 2, the plain knee, is at 0 % on x <= 1: with minMargin 5 % the knee of the others is design 1', () => {
    const s = kneeStanding(front(MARGINS), { minMargin: 0.05 }, 'none declared')!;
    expect(s.position).toBe(1);
    expect(s.qualified).toBe(true);
    // the sizing closure power.arrayArea at g = 0 is not what the margin is measured on
    expect(s.minMargin).toBeCloseTo(0.1, 12);
    expect(s.tightest).toEqual(['x <= 1']);
    expect(kneeLabel(s)).toBe('Recommended');
    expect(marginText(s)).toContain('4 of 5 Pareto designs keep every constraint ≥ 5 % margin');
  });

  it('no design keeps 20 %: the plain knee, never called recommended without its 0 % margin', () => {
    const s = kneeStanding(front(MARGINS), { minMargin: 0.2 }, 'none declared')!;
    expect(s.position).toBe(2);
    expect(s.qualified).toBe(false);
    expect(kneeLabel(s)).toBe(
      "Not recommended as is (0.0 % margin; no Pareto design meets the study's select: every constraint ≥ 20 % margin)",
    );
  });

  it('without select: the plain knee, labelled with its margin when that is within 2 %', () => {
    const s = kneeStanding(front(MARGINS), null, 'none declared')!;
    expect(s.position).toBe(2);
    expect(s.rule).toBeNull();
    expect(kneeLabel(s)).toBe('Recommended at 0.0 % margin (the study sets no select: rule)');
    // a knee with 10 % everywhere is plainly recommended
    const wide = kneeStanding(front([0.1, 0.1, 0.1, 0.1, 0.1]), null, 'none declared')!;
    expect(kneeLabel(wide)).toBe('Recommended');
  });
});

describe('a count that must be 0 and is has no margin', () => {
  it("isl.pointing at 0 of 0 untrackable links is not the knee's smallest margin; x <= 1 at 10 % is", () => {
    const f = front([0.1, 0.1, 0.1, 0.1, 0.1], 'constellation');
    const designs = f.designs.map((d) => ({
      ...d,
      constraints: { ...d.constraints, 'isl.pointing': 0 },
      // only the part of a record the margins read
      record: {
        constraints: [
          { name: 'isl.pointing', value: 0, limit: 0, margin: 0 },
          { name: 'x <= 1', value: 0.9, limit: 1, margin: 0.1 },
        ],
      },
    })) as unknown as ParetoDesign[];
    const s = kneeStanding({ ...f, designs }, { minMargin: 0.05 }, 'none declared')!;
    expect(s.minMargin).toBeCloseTo(0.1, 12);
    expect(s.tightest).toEqual(['x <= 1']);
    // the plain knee (design 2) keeps 5 %: the zero count did not rule every design out
    expect(s.position).toBe(2);
    expect(kneeLabel(s)).toBe('Recommended');
  });
});

describe('P(all hold) of the recommended design', () => {
  it('7 of 10 samples: 70 %, Wilson 95 % interval 39.7–89.2 %', () => {
    // Wilson (1927), z = 1.96, n = 10, p̂ = 0.7: centre (0.7 + z²/20)/(1 + z²/10) = 0.89208/1.38416 = 0.64449;
    // half-width z √(p̂(1 − p̂)/n + z²/400)/(1 + z²/10) = 1.96 × 0.174940/1.38416 = 0.247718 → 0.39677 … 0.89221
    const s = kneeStanding(front(MARGINS), null, source(7, 10))!;
    expect(s.joint!.estimate).toBeCloseTo(0.7, 12);
    expect(s.joint!.lower).toBeCloseTo(0.39677, 4);
    expect(s.joint!.upper).toBeCloseTo(0.89221, 4);
    expect(jointText(s)).toBe(
      'P(all hold) = 70.0 % (95 % CI 39.7–89.2 %) over 10 samples of 3 compliance inputs (Latin hypercube, seed 7)',
    );
  });

  it('a study without uncertain inputs says so; a benchmark says nothing', () => {
    const why = 'the study declares no uncertain input (no uncertainty: section, no catalog row with one)';
    const s = kneeStanding(front(MARGINS), null, why)!;
    expect(s.joint).toBeNull();
    expect(jointText(s)).toBe(`P(all hold): not computed, ${why}`);
    const b = kneeStanding(
      front(MARGINS, 'benchmark'),
      null,
      'joint probabilities are computed for node studies only',
    )!;
    expect(jointText(b)).toBeNull();
  });

  it('no design reaches minProbability: the knee is named with the checks its samples fail most, by share', () => {
    // every design: 7 of 10 samples hold 'a' (70 %), all hold 'b': only 'a' is named, at 70.0 %
    const s = kneeStanding(front(MARGINS), { minProbability: 0.9 }, source(7, 10))!;
    expect(s.qualified).toBe(false);
    expect(s.selection).toContain("The knee's samples fail most on a (holds in 70.0 %):");
    expect(s.selection).not.toContain(' b (');
    expect(marginText(s)).toContain('fail most on a');
  });

  it('no feasible design: no standing', () => {
    expect(kneeStanding({ ...front(MARGINS), designs: [] }, null, 'x')).toBeNull();
  });
});
