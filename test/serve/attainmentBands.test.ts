// /api/attainment's bands (src/serve/attainmentBands.ts) of a hand-built multi-seed folder: three two-point fronts
// whose surfaces are drawn by hand in test/run/attainmentFile.test.ts, here as the staircases the explorer strokes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAttainmentFile } from '../../src/run/attainmentFile.js';
import type { ParetoFile } from '../../src/run/paretoFile.js';
import { loadStudyProblem } from '../../src/run/problem.js';
import { servedBands } from '../../src/serve/attainmentBands.js';
import { tempDir } from '../helpers/tmp.js';

function front(points: readonly (readonly number[])[]): ParetoFile {
  const objectives = [
    { name: 'f1', sense: 'minimize', unit: '-' },
    { name: 'f2', sense: 'maximize', unit: '-' },
  ];
  const designs = points.map((p, i) => ({ index: i, objectives: { f1: p[0], f2: p[1] } }));
  return { objectives, designs } as unknown as ParetoFile;
}

describe('the bands of a multi-seed folder', () => {
  // Minimized (f2 negated): A {(1,4),(3,2)}, B {(2,3),(4,1)}, C {(2,5),(5,2)}; reference 5.4 on both.
  // 25 % (1 of 3 sets): (1,4), (2,3), (3,2), (4,1); 50 % (2 sets): (2,4), (3,3), (4,2); 75 % (3 sets): (2,5), (5,2).
  // A staircase starts at the reference on f2, steps through each corner and ends at the reference on f1; own
  // units negate f2 again.
  // each front as x1, y1, x2, y2
  const sets = [
    [1, -4, 3, -2],
    [2, -3, 4, -1],
    [2, -5, 5, -2],
  ].map(([x1, y1, x2, y2]) => [
    [x1!, y1!],
    [x2!, y2!],
  ]);
  it('draws the quartile and median staircases in own units, the knee by its served run, the spread line', () => {
    const out = join(tempDir('attainment-bands-'), 'multi');
    mkdirSync(out, { recursive: true });
    writeAttainmentFile(
      out,
      loadStudyProblem('designs/benchmarks/zdt1.yaml'),
      sets.map((s, k) => ({ seed: k + 1, pareto: front(s) })),
      { pareto: front(sets.flat()), seeds: [1, 1, 2, 2, 3, 3] },
      -1,
    );
    const seeds = [1, 2, 3].map((seed) => ({ seed, runDir: `seed-${seed}` }));
    writeFileSync(join(out, 'seeds.json'), JSON.stringify({ seeds, decision: { designs: [{ seed: 2, index: 1 }] } }));
    const runs = [
      { id: 0, dir: join(out, 'seed-1') },
      { id: 1, dir: join(out, 'seed-2') },
      { id: 2, dir: join(out, 'seed-3') },
      { id: 3, dir: join(tempDir('attainment-other-'), 'run') },
    ];
    const [b, ...rest] = servedBands(runs);
    expect(rest).toEqual([]);
    expect(b!.source).toBe('multi');
    expect(b!.runs).toEqual([0, 1, 2]);
    expect(b!.knee).toEqual({ run: 1, index: 1 });
    expect(b!.seeds.map((p) => [p.x, p.y])).toEqual([['f1', 'f2']]);
    const p = b!.seeds[0]!;
    const q1 = [
      [1, -5.4],
      [1, -4],
      [2, -4],
      [2, -3],
      [3, -3],
      [3, -2],
      [4, -2],
      [4, -1],
      [5.4, -1],
    ];
    const median = [
      [2, -5.4],
      [2, -4],
      [3, -4],
      [3, -3],
      [4, -3],
      [4, -2],
      [5.4, -2],
    ];
    const q3 = [
      [2, -5.4],
      [2, -5],
      [5, -5],
      [5, -2],
      [5.4, -2],
    ];
    const near = (got: { x: number; y: number }[], want: number[][]): void => {
      expect(got).toHaveLength(want.length);
      got.forEach((q, k) => {
        expect(q.x).toBeCloseTo(want[k]![0]!, 12);
        expect(q.y).toBeCloseTo(want[k]![1]!, 12);
      });
    };
    near([...p.q1], q1);
    near([...p.median], median);
    near([...p.q3], q3);
    expect(b!.draws).toEqual([]);
    expect(b!.drawsSkipped).toMatch(/node studies/);
    expect(b!.spread).toMatch(/^Spread: every seed attains 19 % of the union front's hypervolume/);
  });

  it('has no band for runs outside a multi-seed folder', () => {
    expect(servedBands([{ id: 0, dir: join(tempDir('attainment-none-'), 'run') }])).toEqual([]);
  });
});
