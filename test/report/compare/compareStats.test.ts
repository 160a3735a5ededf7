/**
 * The statistics of `odc compare` (src/report/compare/compareStats.ts): dominance with a tolerance ε against its
 * definition pair by pair, and through compareRuns and the CLI the default ε, the seed groups' spread and rank test,
 * and the --epsilon check. Expectations: the definition written out here, hand-scaled copies of a front, and exact
 * Mann–Whitney p-values (2 / C(n, k)).
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareRuns, type CompareResult } from '../../../src/index.js';
import { epsilonDominatedMask } from '../../../src/report/compare/compareStats.js';
import { createRng } from '../../../src/base/rng.js';
import type { ParetoFile } from '../../../src/run/paretoFile.js';
import { odc } from '../../helpers/cli.js';
import { tempDir, tinyRun, ZDT1, ZDT1_ALGORITHM } from '../helpers.js';

let tmp: string;
const seeds: string[] = [];

/** A copy of a run whose every objective value is multiplied by `factor` (> 1: worse, both objectives minimized). */
function scaledCopy(dir: string, name: string, factor: number): string {
  const out = join(tmp, name);
  cpSync(dir, out, { recursive: true });
  const p = JSON.parse(readFileSync(join(out, 'pareto.json'), 'utf8')) as ParetoFile;
  const designs = p.designs.map((d) => ({
    ...d,
    objectives: Object.fromEntries(Object.entries(d.objectives).map(([k, v]) => [k, v * factor])),
  }));
  writeFileSync(join(out, 'pareto.json'), JSON.stringify({ ...p, designs }));
  return out;
}

/** `odc compare s1 s2 --vs s3 s4`'s arguments. */
const twoVsTwo = (): string[] => ['compare', seeds[0]!, seeds[1]!, '--vs', seeds[2]!, seeds[3]!];

beforeAll(async () => {
  tmp = tempDir('compare-noise');
  for (const seed of [1, 2, 3, 4]) seeds.push(await tinyRun(tmp, ZDT1, ZDT1_ALGORITHM(seed), { out: `zdt-s${seed}` }));
});

describe('dominance with a tolerance', () => {
  it('matches the definition (no worse everywhere, better by ≥ ε in one objective) pair by pair on random points', () => {
    const rng = createRng(5);
    const m = 3,
      nA = 300,
      nB = 200,
      eps = 0.05;
    const A = Float64Array.from({ length: nA * m }, () => Math.round(rng.next() * 20) / 20);
    const B = Float64Array.from({ length: nB * m }, () => Math.round(rng.next() * 20) / 20);
    const mask = epsilonDominatedMask(A, nA, B, nB, m, eps);
    let hits = 0;
    for (let i = 0; i < nA; i++) {
      let dominated = false;
      for (let k = 0; k < nB && !dominated; k++) {
        let noWorse = true,
          better = false;
        for (let j = 0; j < m; j++) {
          const a = A[i * m + j]!,
            b = B[k * m + j]!;
          if (b > a) noWorse = false;
          if (b <= a - eps + 1e-12) better = true;
        }
        dominated = noWorse && better;
      }
      expect(mask[i]).toBe(dominated ? 1 : 0);
      hits += mask[i]!;
    }
    expect(hits).toBeGreaterThan(0); // the sets overlap: the check is not vacuous
    expect(hits).toBeLessThan(nA);
  });
});

describe('odc compare: signal and noise', () => {
  it('a front and the same front 0.02 % worse both read ~100 % non-dominated with the default ε; plain dominance gives the worse one ~0 %', async () => {
    const near = scaledCopy(seeds[0]!, 'near', 1.0002);
    const r = await compareRuns([seeds[0]!, near], join(tmp, 'cmp-near'));
    expect(r.epsilon).toBe(1e-3);
    expect(r.rows[0]!.nonDominatedShare).toBe(1);
    expect(r.rows[1]!.nonDominatedShare).toBeGreaterThanOrEqual(0.95);
    expect(r.rows[1]!.paretoNonDominatedShare).toBeLessThan(0.5);
    const same = await compareRuns([seeds[0]!, seeds[0]!], join(tmp, 'cmp-same'));
    expect(same.rows.map((x) => x.nonDominatedShare)).toEqual([1, 1]);
    expect(readFileSync(join(tmp, 'cmp-near', 'compare.md'), 'utf8')).toContain('ε = 0.001');
  });

  it('a clearly worse front (all objectives × 1.2) is mostly dominated even with the tolerance', async () => {
    const worse = scaledCopy(seeds[0]!, 'worse', 1.2);
    const r = await compareRuns([seeds[0]!, worse], join(tmp, 'cmp-worse'));
    expect(r.rows[0]!.nonDominatedShare).toBe(1);
    expect(r.rows[1]!.nonDominatedShare).toBeLessThan(0.2);
  });

  it('seed groups: spread per side and a rank test; 3 vs 3 cannot reach p < 0.05 and says so; 4 vs 4 clearly apart is significant', async () => {
    const nearGroup = seeds.slice(0, 3).map((d, i) => scaledCopy(d, `near-g${i}`, 1.0002));
    const r = await compareRuns(seeds.slice(0, 3), join(tmp, 'cmp-g3'), { vs: nearGroup });
    const hv = r.groups!.find((g) => g.indicator === 'hypervolume')!;
    expect([hv.a.n, hv.b.n]).toEqual([3, 3]);
    expect(hv.minimumP).toBeCloseTo(0.1, 12); // 2 / C(6, 3)
    expect(hv.verdict).toMatch(/cannot tell.*run more seeds/);
    const hvA = r.rows.filter((x) => x.side === 'A').map((x) => x.hypervolume);
    expect(hv.a.mean).toBeCloseTo(hvA.reduce((s, v) => s + v, 0) / 3, 12);
    expect([hv.a.min, hv.a.max]).toEqual([Math.min(...hvA), Math.max(...hvA)]);
    expect(r.groups!.map((g) => g.indicator)).toEqual(['hypervolume', 'IGD+', 'not dominated by the other side (ε)']);

    const worseGroup = seeds.map((d, i) => scaledCopy(d, `worse-g${i}`, 1.5));
    const w = await compareRuns(seeds, join(tmp, 'cmp-g4'), { vs: worseGroup });
    const whv = w.groups!.find((g) => g.indicator === 'hypervolume')!;
    expect(whv.test.method).toBe('exact');
    expect(whv.test.u).toBe(16); // every A run above every B run
    expect(whv.test.p).toBeCloseTo(2 / 70, 12); // 2 / C(8, 4)
    expect(whv.verdict).toMatch(/^A better/);
  });

  it("odc compare a1 a2 --vs b1 b2 prints the sides' comparison and the tolerance", async () => {
    const r = await odc(...twoVsTwo(), '--epsilon', '0.002', '-q', '-o', join(tmp, 'cmp-cli'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^A1: zdt-s1/m);
    expect(r.out).toMatch(/^B2: zdt-s4/m);
    expect(r.out).toContain('side A against side B (two-sided Mann–Whitney U):');
    expect(r.out).toMatch(/hypervolume .*cannot tell: with 2 and 2 runs/);
    expect(r.out).toContain('dominance tolerance ε = 0.002');
    expect(r.out).toMatch(/where each side attains with the higher probability \(EAF difference; .*exact in 2/);
    expect(r.out).toMatch(/^ {2}f1 × f2\n {4}A: (nowhere|[\d.]+ % of the box)/m);
    expect(readFileSync(join(tmp, 'cmp-cli', 'compare.md'), 'utf8')).toContain('](eaf-difference.svg)');
  });

  it("--json: the rows, the rank tests and the EAF difference, whose integral over the box is the mean hypervolumes' difference", async () => {
    const r = await odc(...twoVsTwo(), '--json', '-q', '-o', join(tmp, 'cmp-json'));
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as CompareResult;
    expect(j.groups!.map((g) => g.indicator)).toContain('hypervolume');
    const p = j.attainmentDifference!.pairs[0]!;
    // ∫ (EAF_A − EAF_B) over the box = mean hypervolume of A − of B (Fubini: each EAF integrates to the mean
    // attained volume); the hypervolumes are on the normalized box of area 1.1²
    const area = (x: readonly number[]): number => x[1]! - x[0]!;
    const integral = p.rectangles.reduce((s, q) => s + q.difference * area(q.x) * area(q.y), 0);
    const box = area(p.box[0]) * area(p.box[1]);
    const mean = (side: string): number =>
      j.rows.filter((x) => x.side === side).reduce((s, x) => s + x.hypervolume, 0) / 2;
    expect((integral / box) * 1.21).toBeCloseTo(mean('A') - mean('B'), 10);
    expect(p.aShare + p.bShare).toBeLessThanOrEqual(1);
    // a comparison without sides replaces it, its plot of the sides too
    expect(existsSync(join(tmp, 'cmp-json', 'eaf-difference.svg'))).toBe(true);
    expect((await odc('compare', seeds[0]!, seeds[1]!, '-q', '-o', join(tmp, 'cmp-json'))).code).toBe(0);
    expect(existsSync(join(tmp, 'cmp-json', 'eaf-difference.svg'))).toBe(false);
    expect((await odc(...twoVsTwo(), '-q', '-o', join(tmp, 'cmp-json'))).code).toBe(0);
  });

  it('bad --epsilon and an empty side exit 2 naming the option and the fix', async () => {
    const bad = await odc('compare', seeds[0]!, seeds[1]!, '--epsilon', '-0.1', '-q', '-o', join(tmp, 'cmp-bad'));
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--epsilon -0\.1: must be a number from 0 to 0\.1.*e\.g\. --epsilon 1e-3/);
    const text = await odc('compare', seeds[0]!, seeds[1]!, '--epsilon', 'abc', '-q');
    expect(text.code).toBe(2);
    expect(text.err).toMatch(/--epsilon must be a number/);
    await expect(compareRuns([seeds[0]!], join(tmp, 'cmp-empty'), { vs: [] })).rejects.toThrow(
      /at least one run folder on each side/,
    );
  });
});
