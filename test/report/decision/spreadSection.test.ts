// "Spread of the front" (src/report/decision/spreadSection.ts) on a hand-built attainment.json: the staircase of a
// surface in either sense, the one-line spread and the section's plots and notes.
import { describe, expect, it } from 'vitest';
import type { AttainmentFile, DrawSpread } from '../../../src/run/attainmentFile.js';
import type { SeedUnion } from '../../../src/run/multiSeed.js';
import { spreadLine } from '../../../src/run/attainmentFile.js';
import { spreadSection, staircase } from '../../../src/report/decision/spreadSection.js';

describe('staircase', () => {
  // Minimized corners (2,4), (3,3), (4,2), box to (5.4, 5.4): up the box edge to the first corner, each corner's
  // second value held to the next corner, the last held to the box edge:
  // (2,5.4) (2,4) (3,4) (3,3) (4,3) (4,2) (5.4,2).
  const minimized = [
    [2, 5.4],
    [2, 4],
    [3, 4],
    [3, 3],
    [4, 3],
    [4, 2],
    [5.4, 2],
  ];
  const xy = (ps: number[][]): { x: number; y: number }[] => ps.map(([x, y]) => ({ x: x!, y: y! }));
  it('minimized first objective, maximized second: the second values negated', () => {
    const points = [
      [3, -3],
      [2, -4],
      [4, -2],
    ];
    expect(staircase(points, [5.4, -5.4], [1, -1])).toEqual(xy(minimized.map(([x, y]) => [x!, -y!])));
  });
  it('maximized first objective: the held values run the other way in own units', () => {
    const points = [
      [-4, 2],
      [-3, 3],
      [-2, 4],
    ];
    expect(staircase(points, [-5.4, 5.4], [-1, 1])).toEqual(xy(minimized.map(([x, y]) => [-x!, y!])));
  });
  it('no points, no line', () => expect(staircase([], [1, 1], [1, 1])).toEqual([]));
});

const objectives = [
  { name: 'cost', sense: 'minimize', unit: 'USD' },
  { name: 'power', sense: 'maximize', unit: 'kW' },
] as AttainmentFile['objectives'];
const surfaces = [0, 25, 50, 75, 100].map((level) => ({
  level,
  attainedBy: 1,
  points: [
    [1, -4],
    [3, -2],
  ],
}));
const seeds = {
  sets: 3,
  surfaces,
  projections: [{ objectives: [0, 1] as const, surfaces }],
  reference: [3.2, -4.2],
  seeds: [1, 2, 3],
  everySeedShare: 0.904,
};
const draws: DrawSpread = {
  sets: 64,
  surfaces: [],
  projections: [
    {
      objectives: [0, 1] as const,
      surfaces,
      vorobev: { threshold_pct: 50, deviation: 1.2, relativeDeviation: 0.126, meanHypervolume: 9.5, expectation: [] },
    },
  ],
  reference: [3.5, -4.5],
  samples: 64,
  seed: 42,
  failedSamples: 2,
  designs: 25,
  nonDominated: [],
  knee: {
    seed: 2,
    index: 7,
    attainedShare: 0.5,
    nonDominatedShare: 0.875,
    quartiles: [
      [1, 2, 3],
      [-4, -3, -2],
    ],
  },
};
const file = (d: AttainmentFile['draws']): AttainmentFile => ({
  formatVersion: 1,
  objectives,
  levels: [0, 25, 50, 75, 100],
  seeds,
  draws: d,
});
const union = {
  pareto: {
    objectives,
    designs: [
      { index: 7, objectives: { cost: 2, power: -3 } },
      { index: 1, objectives: { cost: 1, power: -4 } },
    ],
  },
  seeds: [2, 1],
  decision: { designs: [{ index: 7, seed: 2 }] },
} as unknown as SeedUnion;

describe('the spread in one line and its section', () => {
  it('states the seeds’ share, the knee over the draws and the deviation', () => {
    expect(spreadLine(file(draws))).toBe(
      "Spread: every seed attains 90 % of the union front's hypervolume; over 64 draws of the compliance inputs the " +
        'knee stays non-dominated in 88 % of them and its nominal point is attained in 50 %; ' +
        "the draws' Vorob'ev deviation is 13 % of their mean hypervolume.",
    );
    expect(spreadLine(file({ skipped: 'a robust study' }))).toBe(
      "Spread: every seed attains 90 % of the union front's hypervolume.",
    );
  });
  it('a band plot per pair for the seeds and the draws; the draws say their margins were spent', () => {
    const s = spreadSection(file(draws), union)!;
    expect(s.plots.map((p) => p.id)).toEqual(['spread-seeds-0-1', 'spread-draws-0-1']);
    expect(s.plots[1]!.caption).toContain('design margins spent');
    expect(s.plots[0]!.caption).not.toContain('margins');
    const text = JSON.stringify(s.section);
    expect(text).toContain(
      'The knee over the draws (25th, 50th, 75th percentile): cost 1, 2, 3 USD; power -4, -3, -2 kW.',
    );
    expect(text).toContain('25 union designs');
    expect(text).toContain('2 samples failed');
    const skipped = spreadSection(file({ skipped: 'a robust study' }), union)!;
    expect(skipped.plots).toHaveLength(1);
    expect(JSON.stringify(skipped.section)).toContain('not computed (a robust study)');
    expect(spreadSection(null, union)).toBeNull();
  });
});
