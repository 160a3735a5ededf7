/**
 * select.pick: TOPSIS and a lexicographic order (src/run/decision/picks.ts) on a 3-design front checked by hand, and
 * the pick carried into the standing, the decision summary and its words (src/run/decision/select.ts, recommend.ts).
 *
 * Front: cost (minimize) and throughput (maximize); A = (1, 1), B = (2, 3), C = (4, 4); none dominates another.
 * TOPSIS (Hwang & Yoon 1981), weights cost 0.5, throughput 0.5:
 *   vector norms: cost √(1 + 4 + 16) = √21 = 4.58258, throughput √(1 + 9 + 16) = √26 = 5.09902
 *   normalized:   cost 0.21822, 0.43644, 0.87287;   throughput 0.19612, 0.58835, 0.78446
 *   weighted ×0.5: cost 0.10911, 0.21822, 0.43644; throughput 0.09806, 0.29417, 0.39223
 *   ideal (min cost, max throughput) = (0.10911, 0.39223); anti-ideal = (0.43644, 0.09806)
 *   A: S+ = 0.29417, S- = 0.32733, C = 0.32733 / 0.62150 = 0.52668
 *   B: S+ = √(0.10911² + 0.09806²) = 0.14670, S- = √(0.21822² + 0.19611²) = 0.29339, C = 0.29339 / 0.44009 = 0.66666
 *   C: S+ = 0.32733, S- = 0.29417, C = 0.47332  → B.
 * Weights cost 0.9, throughput 0.1 (given as 9 and 1: scaled to sum to 1):
 *   weighted cost 0.19640, 0.39279, 0.78558; throughput 0.019612, 0.058835, 0.078446
 *   A: S+ = 0.058834, S- = 0.58918, C = 0.90921; B: S+ = 0.19737, S- = 0.39474, C = 0.66667  → A.
 * Weights cost 0.1, throughput 0.9: C: S+ = 0.065465, S- = 0.52951, C = 0.52951 / 0.59497 = 0.88997
 *   (A 0.11003, B 0.66666)  → C.
 * Lexicographic: throughput first → C (4 is the highest); cost first → A; throughput first with a tolerance of 0.5 of
 * its range (3): B (3) and C (4) tie within 1.5 of 4, then cost picks B.
 */
import { describe, expect, it } from 'vitest';
import { kneeLabel, pickName } from '../../../src/run/decision/decisionText.js';
import { pickAmong, pickText, topsisCloseness, topsisWeights } from '../../../src/run/decision/picks.js';
import { decisionSummary } from '../../../src/run/decision/recommend.js';
import { kneeStanding } from '../../../src/run/decision/select.js';
import type { ParetoDesign, ParetoFile } from '../../../src/run/paretoFile.js';

const NAMES = ['cost', 'throughput'];
const RAW = [
  [1, 1],
  [2, 3],
  [4, 4],
];
/** Minimized sense, as the run holds it: throughput negated. */
const F = RAW.map(([c, t]) => [c!, -t!]);
const all = (): boolean => true;

function front(): ParetoFile {
  const designs: ParetoDesign[] = RAW.map(([c, t], i) => ({
    index: 10 + i,
    variables: {},
    objectives: { cost: c!, throughput: t! },
    constraints: { 'x <= 1': -0.1 },
    record: null,
  }));
  return {
    formatVersion: 1,
    study: 's',
    kind: 'benchmark',
    objectives: [
      { name: 'cost', sense: 'minimize', unit: 'USD' },
      { name: 'throughput', sense: 'maximize', unit: 'Gbps' },
    ],
    variables: [],
    designs,
  };
}

describe('TOPSIS on a 3-design front (closeness by hand in the header)', () => {
  it('equal weights: closeness 0.52668, 0.66666, 0.47332; B is picked', () => {
    const c = topsisCloseness(F, topsisWeights(NAMES, { cost: 0.5, throughput: 0.5 }));
    expect(c[0]).toBeCloseTo(0.52668, 4);
    expect(c[1]).toBeCloseTo(0.66666, 4);
    expect(c[2]).toBeCloseTo(0.47332, 4);
    expect(pickAmong(F, NAMES, { pick: 'topsis', weights: { cost: 0.5, throughput: 0.5 } }, all)).toBe(1);
  });

  it('weights 9 : 1 are scaled to 0.9, 0.1 and pick A (C = 0.90921); 1 : 9 picks C (0.88997)', () => {
    expect(topsisWeights(NAMES, { cost: 9, throughput: 1 })).toEqual([0.9, 0.1]);
    const c = topsisCloseness(F, [0.9, 0.1]);
    expect(c[0]).toBeCloseTo(0.90921, 4);
    expect(pickAmong(F, NAMES, { pick: 'topsis', weights: { cost: 9, throughput: 1 } }, all)).toBe(0);
    expect(topsisCloseness(F, [0.1, 0.9])[2]).toBeCloseTo(0.88997, 4);
    expect(pickAmong(F, NAMES, { pick: 'topsis', weights: { cost: 1, throughput: 9 } }, all)).toBe(2);
  });

  it('a design not admitted is never picked, and the scales stay the whole front’s (B out: A at 0.52668 beats C)', () => {
    expect(pickAmong(F, NAMES, { pick: 'topsis', weights: { cost: 1, throughput: 1 } }, (i) => i !== 1)).toBe(0);
  });
});

describe('user weights that overflow when added', () => {
  it('1e308 and 1e308 weigh as 1 and 1; 9e307 : 1e307 as 9 : 1 (scaled by the largest before the sum)', () => {
    expect(topsisWeights(NAMES, { cost: 1e308, throughput: 1e308 })).toEqual([0.5, 0.5]);
    expect(topsisWeights(NAMES, { cost: 1.7e308, throughput: 1.7e308 })).toEqual([0.5, 0.5]);
    const w = topsisWeights(NAMES, { cost: 9e307, throughput: 1e307 });
    expect(w[0]).toBeCloseTo(0.9, 12);
    expect(w[1]).toBeCloseTo(0.1, 12);
    // the picks of the hand cases above: B at equal weights, A at 9 : 1
    expect(pickAmong(F, NAMES, { pick: 'topsis', weights: { cost: 1e308, throughput: 1e308 } }, all)).toBe(1);
    expect(pickAmong(F, NAMES, { pick: 'topsis', weights: { cost: 9e307, throughput: 1e307 } }, all)).toBe(0);
    expect(pickText(NAMES, { pick: 'topsis', weights: { cost: 1e308, throughput: 1e308 } })).toBe(
      'TOPSIS (weights cost 0.5, throughput 0.5)',
    );
    // an inherited key is no weight
    expect(topsisWeights(['constructor', 'cost'], { cost: 1 })).toEqual([0, 1]);
  });

  it('objective values from −1e308 to 1e308: the lexicographic tolerance and the knee keep their ranges finite', () => {
    const G = [
      [-1e308, 1e308],
      [0, 0],
      [1e308, -1e308],
    ];
    // tolerance 0: the lowest first objective alone (0 × an infinite range was NaN, which left no design at all);
    // tolerance 0.5 of the range (2e308: 1e308) keeps −1e308 and 0, and the knee of those two then picks 0
    expect(pickAmong(G, NAMES, { pick: 'lexicographic', order: ['cost'] }, all)).toBe(0);
    expect(pickAmong(G, NAMES, { pick: 'lexicographic', order: ['cost'], tolerance: 0.5 }, all)).toBe(1);
    // the knee of three collinear points is the middle one (all at distance 0 from the line: the tie goes to the one
    // nearest the ideal)
    expect(pickAmong(G, NAMES, null, all)).toBe(1);
  });
});

describe('a lexicographic order', () => {
  it('throughput first picks C, cost first picks A', () => {
    expect(pickAmong(F, NAMES, { pick: 'lexicographic', order: ['throughput'] }, all)).toBe(2);
    expect(pickAmong(F, NAMES, { pick: 'lexicographic', order: ['cost', 'throughput'] }, all)).toBe(0);
  });

  it('a tolerance of half the range ties B and C on throughput; cost then picks B', () => {
    const rule = { pick: 'lexicographic', order: ['throughput', 'cost'], tolerance: 0.5 } as const;
    expect(pickAmong(F, NAMES, rule, all)).toBe(1);
    expect(pickText(NAMES, rule)).toBe('lexicographic (order throughput, cost; tolerance 50 % of range)');
  });
});

describe('the pick in the run’s standing and decision', () => {
  it('TOPSIS names itself with its weights; the recommended design leads the decision under that role', () => {
    const pareto = front();
    const s = kneeStanding(pareto, { pick: 'topsis', weights: { cost: 1, throughput: 1 } }, 'none')!;
    expect(s.position).toBe(1);
    expect(s.pick).toBe('TOPSIS (weights cost 0.5, throughput 0.5)');
    expect(pickName(s)).toBe('TOPSIS (weights cost 0.5, throughput 0.5) pick');
    expect(kneeLabel(s)).toBe('Recommended');
    const d = decisionSummary(pareto, s);
    expect(d.designs[0]!.index).toBe(11);
    expect(d.designs[0]!.roles[0]).toBe('TOPSIS (weights cost 0.5, throughput 0.5) pick');
  });

  it('with a margin rule the pick is made among the designs that keep it', () => {
    const pareto = front();
    const thin = {
      ...pareto,
      designs: pareto.designs.map((d, i) => (i === 1 ? { ...d, constraints: { 'x <= 1': -0.01 } } : d)),
    };
    const s = kneeStanding(thin, { minMargin: 0.05, pick: 'topsis', weights: { cost: 1, throughput: 1 } }, 'none')!;
    expect(s.position).toBe(0);
    expect(s.selection).toContain('the TOPSIS (weights cost 0.5, throughput 0.5) pick among them is design 10');
  });

  it('without select.pick the standing names no pick: the knee', () => {
    const s = kneeStanding(front(), null, 'none')!;
    expect(s.pick).toBeUndefined();
    expect(pickName(s)).toBe('knee');
  });
});
