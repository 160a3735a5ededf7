// attainment.json of a multi-seed run (src/run/attainmentFile.ts) on hand-built fronts whose surfaces, volumes,
// non-dominated shares and quartiles are drawn and summed by hand below.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawSpreadOf, writeAttainmentFile, type DrawSpread } from '../../src/run/attainmentFile.js';
import type { ParetoFile } from '../../src/run/paretoFile.js';
import { loadStudyProblem } from '../../src/run/problem.js';
import { tempDir } from '../helpers/tmp.js';

/** A pareto.json with the fields the spread reads: objectives and each design's index and objectives. */
function front(senses: readonly string[], points: readonly (readonly number[])[], indices?: number[]): ParetoFile {
  const objectives = senses.map((sense, j) => ({ name: `f${j + 1}`, sense, unit: '-' }));
  const designs = points.map((p, i) => ({
    index: indices?.[i] ?? i,
    objectives: Object.fromEntries(p.map((v, j) => [`f${j + 1}`, v])),
  }));
  return { objectives, designs } as unknown as ParetoFile;
}

describe('the seeds: three two-point fronts, the second objective maximized', () => {
  // Minimized, A {(1,4),(3,2)}, B {(2,3),(4,1)}, C {(2,5),(5,2)}; own values of f2 are the negatives.
  // Each set's boundary (smallest minimized f2 at or left of f1): A 4 on [1,3), 2 from 3; B 3 on [2,4), 1 from 4;
  // C 5 on [2,5), 2 from 5. Levels of 3 sets: 0 % and 25 % → 1 set, 50 % → 2, 75 % and 100 % → 3.
  // 1 set: the union's minimal points (1,4), (2,3), (3,2), (4,1).
  // 2 sets: second smallest per strip: [2,3) 4, [3,4) 3, [4,5) 2 → (2,4), (3,3), (4,2).
  // 3 sets: largest: [2,5) 5, from 5 2 → (2,5), (5,2).
  // Reference box: worst + 10 % of the range, f1 5 + 0.4 = 5.4, minimized f2 5 + 0.4 = 5.4.
  // vol(1 set): strips [1,2) 1.4, [2,3) 2.4, [3,4) 3.4, [4,5.4) 4.4 · 1.4 = 6.16: 13.36.
  // vol(3 sets): [2,5) 0.4 · 3 = 1.2, [5,5.4) 3.4 · 0.4 = 1.36: 2.56. Every seed attains 2.56 / 13.36.
  const sets = [
    [
      [1, -4],
      [3, -2],
    ],
    [
      [2, -3],
      [4, -1],
    ],
    [
      [2, -5],
      [5, -2],
    ],
  ];
  const senses = ['minimize', 'maximize'];
  it('writes the surfaces at 0/25/50/75/100 % in own units, the share every seed attains, and why no draws', () => {
    const dir = tempDir('attainment-file-');
    const fronts = sets.map((s, k) => ({ seed: k + 1, pareto: front(senses, s) }));
    const union = front(senses, sets.flat());
    const f = writeAttainmentFile(
      dir,
      loadStudyProblem('designs/benchmarks/zdt1.yaml'),
      fronts,
      { pareto: union, seeds: [1, 1, 2, 2, 3, 3] },
      -1,
    )!;
    const best = [
      [1, -4],
      [2, -3],
      [3, -2],
      [4, -1],
    ];
    const worst = [
      [2, -5],
      [5, -2],
    ];
    const expected = [
      { level: 0, attainedBy: 1, points: best },
      { level: 25, attainedBy: 1, points: best },
      {
        level: 50,
        attainedBy: 2,
        points: [
          [2, -4],
          [3, -3],
          [4, -2],
        ],
      },
      { level: 75, attainedBy: 3, points: worst },
      { level: 100, attainedBy: 3, points: worst },
    ];
    expect(f.levels).toEqual([0, 25, 50, 75, 100]);
    expect(f.seeds.seeds).toEqual([1, 2, 3]);
    expect(f.seeds.surfaces).toEqual(expected);
    expect(f.seeds.projections).toEqual([{ objectives: [0, 1], surfaces: expected }]);
    expect(f.seeds.reference[0]).toBeCloseTo(5.4, 12);
    expect(f.seeds.reference[1]).toBeCloseTo(-5.4, 12);
    expect(f.seeds.everySeedShare).toBeCloseTo(2.56 / 13.36, 12);
    expect(f.draws).toEqual({ skipped: 'the front under the uncertain inputs is computed for node studies' });
    expect(JSON.parse(readFileSync(join(dir, 'attainment.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(f)));
  });
  it('writes nothing when a seed found no design', () => {
    const dir = tempDir('attainment-empty-');
    const fronts = [
      { seed: 1, pareto: front(senses, sets[0]!) },
      { seed: 2, pareto: front(senses, []) },
    ];
    const union = { pareto: front(senses, sets[0]!), seeds: [1, 1] };
    expect(writeAttainmentFile(dir, loadStudyProblem('designs/benchmarks/zdt1.yaml'), fronts, union, -1)).toBeNull();
  });
});

describe('the front under the uncertain inputs: three designs over four draws', () => {
  // Both objectives minimized. Design 0: (1,3) in every draw; design 1 (the knee, nominal (2,2)): (2,2), (2,4),
  // (2,2), failed; design 2: (3,1), (3,1), (0.5,0.5), (3,1).
  // Draw sets: d0 {(1,3),(2,2),(3,1)}; d1 {(1,3),(2,4),(3,1)}: (2,4) dominated by (1,3); d2 {(1,3),(2,2),(0.5,0.5)}:
  // (0.5,0.5) dominates the others; d3 {(1,3),(3,1)}.
  // Non-dominated in: design 0 d0, d1, d3 (3/4); design 1 d0 (1/4); design 2 every draw (4/4).
  // The knee's nominal (2,2) is attained in d0 and d2 (2/4). Its draws f1 2, 2, 2; f2 sorted 2, 2, 4: type-7
  // quartiles 2, 2, 2 + 0.5 · 2 = 3.
  // Surfaces of 4 sets (boundaries per strip: d0 3 on [1,2), 2 on [2,3), 1 from 3; d1 3 on [1,3), 1 from 3; d2 0.5
  // from 0.5; d3 as d1): 1 set (0.5,0.5); 2 sets (1,3), (2,2), (3,1); 3 and 4 sets (1,3), (3,1).
  // Reference: x 3 + 0.1 · 2.5 = 3.25, y 4 + 0.1 · 3.5 = 4.35. Volumes: Q1 2.75 · 3.85 = 10.5875; Q2 1.35 + 2.35 +
  // 3.35 · 0.25 = 4.5375; Q3 = Q4 = 2 · 1.35 + 0.8375 = 3.5375. Mean hypervolume (d0..d3: 4.5375, 3.5375, 10.5875,
  // 3.5375) 5.55; the largest level with vol ≥ 5.55 is 1 (25 %), expectation (0.5,0.5); every draw's region lies in
  // Q1, so the deviation is the mean of 10.5875 − HV: (6.05 + 7.05 + 0 + 7.05) / 4 = 5.0375.
  const union = front(
    ['minimize', 'minimize'],
    [
      [1, 3],
      [2, 2],
      [3, 1],
    ],
    [0, 5, 2],
  );
  const values = [
    [
      [1, 3],
      [1, 3],
      [1, 3],
      [1, 3],
    ],
    [[2, 2], [2, 4], [2, 2], null],
    [
      [3, 1],
      [3, 1],
      [0.5, 0.5],
      [3, 1],
    ],
  ];
  it('non-dominated shares, the knee in the band, surfaces and the Vorob’ev figures', () => {
    const d = drawSpreadOf(values, 7, union, [1, 1, 2], [0, 1, 2], 1) as DrawSpread;
    expect([d.samples, d.seed, d.failedSamples, d.designs, d.sets]).toEqual([4, 7, 1, 3, 4]);
    expect(d.nonDominated).toEqual([
      { seed: 1, index: 0, share: 0.75 },
      { seed: 1, index: 5, share: 0.25 },
      { seed: 2, index: 2, share: 1 },
    ]);
    expect(d.knee).toEqual({
      seed: 1,
      index: 5,
      attainedShare: 0.5,
      nonDominatedShare: 0.25,
      quartiles: [
        [2, 2, 2],
        [2, 2, 3],
      ],
    });
    const p = d.projections[0]!;
    const corners = [
      [1, 3],
      [3, 1],
    ];
    expect(p.surfaces.map((s) => [s.level, s.attainedBy, s.points])).toEqual([
      [0, 1, [[0.5, 0.5]]],
      [25, 1, [[0.5, 0.5]]],
      [
        50,
        2,
        [
          [1, 3],
          [2, 2],
          [3, 1],
        ],
      ],
      [75, 3, corners],
      [100, 4, corners],
    ]);
    expect(p.vorobev!.threshold_pct).toBe(25);
    expect(p.vorobev!.expectation).toEqual([[0.5, 0.5]]);
    expect(p.vorobev!.meanHypervolume).toBeCloseTo(5.55, 12);
    expect(p.vorobev!.deviation).toBeCloseTo(5.0375, 12);
    expect(p.vorobev!.relativeDeviation).toBeCloseTo(5.0375 / 5.55, 12);
  });
});

describe('the front under the uncertain inputs: the whole union front on common draws', () => {
  // The flagship study's knee variables (77 × GB300 at 552 km SSO) with the chip count varied 60…89: 30 union
  // designs, more than any subset would keep, and design 0 once more under another seed. Every design must be
  // evaluated on the same 64 draws: the copy then has design 0's values in every draw, so the same non-dominated share.
  const loaded = loadStudyProblem('designs/flagship-study.yaml');
  const knee: Record<string, number | string> = {
    'orbit.altitude_km': 551.3,
    'orbit.inclination_deg': 'sso',
    'power.arrayArea_m2': 1008,
    'power.eclipseComputeFraction': 0.44,
    'thermal.radiatorArea_m2': 257,
    'compute.chip': 'gb300',
    'compute.chips': 77,
    'radiation.shielding_mm_al': 3.2,
    'launch.mass_kg': 9473,
    'isl.topology': 'grid',
  };
  const { variables, objectives } = loaded.problem;
  const designs = Array.from({ length: 31 }, (_, i) => {
    const v: Record<string, number | string> = { ...knee, 'compute.chips': 60 + (i % 30) };
    const x = Float64Array.from(variables, (s) =>
      s.kind === 'choice' ? s.options.findIndex((o) => o === v[s.name]) : Number(v[s.name]),
    );
    const e = loaded.problem.evaluate(x);
    if (e.status !== 'ok') throw new Error(`design ${i} did not evaluate: ${e.reason}`);
    const own = Object.fromEntries(objectives.map((o, j) => [o.name, (o.sense === 'maximize' ? -1 : 1) * e.f[j]!]));
    return { index: i, variables: v, objectives: own };
  });
  const pareto = {
    objectives: objectives.map((o) => ({ name: o.name, sense: o.sense, unit: '-' })),
    designs,
  } as unknown as ParetoFile;
  const seeds = designs.map((_, i) => (i === 30 ? 43 : 42));

  it('evaluates every union design on the same 64 draws', () => {
    const f = writeAttainmentFile(tempDir('attainment-front-'), loaded, [{ seed: 42, pareto }], { pareto, seeds }, 17)!;
    const d = f.draws as DrawSpread;
    expect([d.designs, d.samples, d.sets, d.nonDominated.length]).toEqual([31, 64, 64, 31]);
    expect(d.nonDominated.map((x) => [x.seed, x.index])).toEqual(designs.map((x, i) => [seeds[i], x.index]));
    expect(d.nonDominated[30]!.share).toBe(d.nonDominated[0]!.share);
    expect(d.knee).toMatchObject({ seed: 42, index: 17 });
    // in every draw some design is non-dominated: the shares sum to at least one
    expect(d.nonDominated.reduce((a, x) => a + x.share, 0)).toBeGreaterThanOrEqual(1);
  });
});
