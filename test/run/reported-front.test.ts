import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Individual } from '../../src/optimize/algorithm.js';
import { runStudy, type ProgressInfo } from '../../src/index.js';
import { paretoCsv, reportedFront } from '../../src/run/results.js';
import { tempDir, writeFile } from '../helpers/tmp.js';
import { createRng } from '../../src/base/rng.js';

const ind = (evalIndex: number, ...f: number[]): Individual => ({
  x: new Float64Array(0),
  f: Float64Array.from(f),
  g: new Float64Array(0),
  cv: 0,
  evalIndex,
});

describe('reported front: near-duplicates collapsed by ε-box dominance (0.1 % of the range)', () => {
  it('drops a design that is 1 g lighter but 1 % dearer than another (the flagship case)', () => {
    // Objectives (minimized): cost, −PFLOPS, launch mass; ranges 11, 10.75 and 600, so boxes of 0.011,
    // 0.01075 and 0.6. `dearer` is 1 g lighter than `cheap` (same mass box) but 1 % dearer (340 boxes up).
    const cheap = ind(5, 260.0, -128.25, 7600.051);
    const dearer = ind(9, 262.75, -128.25, 7600.05);
    const other = ind(7, 270.0, -118.25, 7200);
    const heavy = ind(8, 259.0, -129.0, 7800);
    const archive = [dearer, other, cheap, heavy];
    const out = reportedFront(archive);
    expect(out).toEqual([other, cheap, heavy]); // archive order kept
    expect(archive).toHaveLength(4); // the archive itself is untouched
  });

  it('keeps the lowest evaluation index of designs that agree within the tolerance everywhere', () => {
    const a = ind(12, 0.5, 0.5);
    const b = ind(3, 0.5000001, 0.4999999);
    const ends = [ind(1, 0, 1), ind(2, 1, 0)];
    expect(reportedFront([a, ...ends, b]).map((d) => d.evalIndex)).toEqual([1, 2, 3]);
  });

  it('keeps distinct trade-offs, and every design of a front spaced wider than the tolerance', () => {
    const front = Array.from({ length: 50 }, (_, i) => ind(i, i / 49, 1 - Math.sqrt(i / 49)));
    expect(reportedFront(front)).toEqual(front);
    expect(reportedFront([])).toEqual([]);
    expect(reportedFront([front[0]!])).toEqual([front[0]]);
  });

  it('equals the pairwise definition on random archives in 2–4 objectives (clustered points share and straddle boxes)', () => {
    /**
     * The rule as stated, pair by pair: dropped when another box dominates its box, or shares it with a lower index.
     */
    const oracle = (archive: Individual[], tol = 1e-3): Individual[] => {
      const m = archive[0]!.f.length;
      const lo = Array.from({ length: m }, (_, j) => Math.min(...archive.map((a) => a.f[j]!)));
      const hi = Array.from({ length: m }, (_, j) => Math.max(...archive.map((a) => a.f[j]!)));
      const box = (a: Individual): number[] =>
        lo.map((l, j) => (hi[j]! > l ? Math.floor((a.f[j]! - l) / (tol * (hi[j]! - l))) : 0));
      return archive.filter(
        (a) =>
          !archive.some((o) => {
            if (o === a) return false;
            const ba = box(a);
            const bo = box(o);
            const noWorse = bo.every((v, j) => v <= ba[j]!);
            const same = bo.every((v, j) => v === ba[j]!);
            return (noWorse && !same) || (same && o.evalIndex < a.evalIndex);
          }),
      );
    };
    const rng = createRng(11);
    for (const m of [2, 3, 4]) {
      for (let trial = 0; trial < 10; trial++) {
        const centres = Array.from({ length: 20 }, () => Array.from({ length: m }, () => rng.next()));
        const archive = Array.from({ length: 300 }, (_, i) => {
          const c = centres[rng.int(centres.length)]!;
          return ind(1000 - i, ...c.map((v) => v + 0.003 * (rng.next() - 0.5)));
        });
        expect(reportedFront(archive)).toEqual(oracle(archive));
      }
    }
  });
});

describe('live hypervolume on the progress display', () => {
  it('is on a fixed normalization: it never falls during a node study', async () => {
    const dir = tempDir('odc-livehv-');
    const flagship = readFileSync(new URL('../../designs/flagship-study.yaml', import.meta.url), 'utf8');
    const study = writeFile(
      dir,
      's.yaml',
      flagship.replace(/^algorithm:.*$/m, 'algorithm: { name: nsga3, population: 60, generations: 25, seed: 8 }'),
    );
    const hv: number[] = [];
    const s = await runStudy({
      studyPath: study,
      outDir: join(dir, 'run'),
      onProgress: (p: ProgressInfo) => hv.push(p.hypervolume),
    });
    expect(s.status).toBe('complete');
    expect(hv).toHaveLength(25);
    expect(hv[hv.length - 1]!).toBeGreaterThan(0);
    for (let i = 1; i < hv.length; i++) expect(hv[i]!).toBeGreaterThanOrEqual(hv[i - 1]!);
  });
});

describe('pareto.csv', () => {
  interface OneObjectiveFront {
    kind: string;
    objective: object;
    variables: object[];
    designs: object[];
  }
  /** pareto.csv of a one-objective front of a study named 's'. */
  const oneObjectiveCsv = ({ objective, ...rest }: OneObjectiveFront): string =>
    paretoCsv({ formatVersion: 1, study: 's', objectives: [objective], ...rest } as never);

  it('names every column once: record columns that are also variables (array and radiator area) are not repeated', () => {
    const csv = oneObjectiveCsv({
      kind: 'node',
      objective: { name: 'mass.launch_kg', sense: 'minimize', unit: 'kg' },
      variables: [
        { kind: 'real', name: 'power.arrayArea_m2', lower: 1, upper: 2 },
        { kind: 'real', name: 'thermal.radiatorArea_m2', lower: 1, upper: 2 },
      ],
      designs: [
        {
          index: 3,
          variables: { 'power.arrayArea_m2': 1.5, 'thermal.radiatorArea_m2': 1.25 },
          objectives: { 'mass.launch_kg': 900 },
          constraints: {},
          record: {
            compute: { itPowerAvg_W: 120000 },
            power: { arrayArea_m2: 1.5 },
            thermal: { radiatorArea_m2: 1.25 },
            mass: { launch_kg: 900 },
            cost: { total_USD: 5e7 },
          },
        },
      ],
    });
    const [head, row] = csv.trim().split('\n');
    expect(head).toBe(
      'index,power.arrayArea_m2,thermal.radiatorArea_m2,mass.launch_kg [kg],compute.itPowerAvg_W,cost.total_USD',
    );
    expect(row).toBe('3,1.5,1.25,900,120000,50000000');
  });

  it('writes each row as its cells one by one would be, in order, across blocks and around rows with empty or text cells', () => {
    // 9,000 rows (more than one block of rows written together): mostly plain numbers, every 1,000th with a NaN
    // objective (an empty cell) and every 1,500th with a choice option as text that needs quotes
    const n = 9000;
    const num = (i: number): number => (i % 7 === 0 ? -(i / 3) : i * 1e-7 + 0.1);
    const designs = Array.from({ length: n }, (_, i) => ({
      index: i,
      variables: { a: num(i), c: i % 1500 === 0 ? 'x,"y"' : 1 },
      objectives: { f: i % 1000 === 0 ? NaN : i === 5 ? -0 : 2 ** -i },
      constraints: {},
      record: null,
    }));
    const csv = oneObjectiveCsv({
      kind: 'benchmark',
      objective: { name: 'f', sense: 'minimize', unit: '-' },
      variables: [
        { kind: 'real', name: 'a', lower: -1e4, upper: 1 },
        { kind: 'choice', name: 'c', options: [1, 'x,"y"'] },
      ],
      designs,
    });
    const lines = csv.split('\n');
    expect(lines).toHaveLength(n + 2); // header, n rows, '' after the last line break
    expect(lines[n + 1]).toBe('');
    // the oracle: a finite number as String() writes it (-0 as "0"), NaN as an empty cell, text quoted (RFC 4180)
    const cell = (v: number | string): string =>
      typeof v === 'string' ? `"${v.replace(/"/g, '""')}"` : Number.isFinite(v) ? String(v) : '';
    for (let i = 0; i < n; i++) {
      const d = designs[i]!;
      expect(lines[i + 1]).toBe([i, d.variables.a, d.variables.c, d.objectives.f].map(cell).join(','));
    }
    expect(lines[6]).toBe(`5,${String(num(5))},1,0`);
  });
});
