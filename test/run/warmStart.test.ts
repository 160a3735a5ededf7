/**
 * Warm starts from an earlier run, end to end (DTLZ2, 3 objectives, 12 variables, NSGA-III with 92 designs): a run of
 * the same problem inherits the earlier evaluations and knows at least what the earlier run knew; a run of another
 * problem (here: the earlier run's problem key taken out of its run.json, as an older odc or another model version
 * leaves it) evaluates a spread subset of the earlier front first and keeps ≥ 95 % of its hypervolume on a budget
 * smaller than that front; a resumed warm-started run equals an uninterrupted one. The hypervolumes compared are each
 * run's final figure, on the benchmark's fixed normalization (ideal 0, nadir 1, reference 1.1), checked equal.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runStudy } from '../../src/index.js';
import { tempDir, writeFile } from '../helpers/tmp.js';
import { interruptedAndResumed } from '../helpers/resume.js';

const study = (algorithm: string): string =>
  `name: dtlz2-warm\nkind: benchmark\nproblem: dtlz2\nvariables: 12\nobjectives: 3\nalgorithm: { name: nsga3, population: 92, seed: 9, partitions: 12, ${algorithm} }\n`;

interface Meta {
  problemKey?: string;
  normalization: unknown;
  history: { hypervolume: number }[];
  result: { evaluations: number; generations: number; inherited?: number };
  warmStart?: { mode: string; designs: number; front: number };
}
const meta = (dir: string): Meta => JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as Meta;
const finalHv = (m: Meta): number => m.history[m.history.length - 1]!.hypervolume;
const logRows = (dir: string): string[] => readFileSync(join(dir, 'evaluations.csv'), 'utf8').trim().split('\n');

describe('warm start from an earlier run', () => {
  let dir: string;
  let earlier: Meta;
  beforeAll(async () => {
    dir = tempDir();
    writeFile(dir, 'earlier.yaml', study('evaluations: 4000'));
    await runStudy({ logFormat: 'csv', studyPath: join(dir, 'earlier.yaml'), outDir: join(dir, 'earlier') });
    earlier = meta(join(dir, 'earlier'));
  }, 600_000);

  it('same problem: its evaluations are inherited, not spent from the budget, and the front only grows', async () => {
    writeFile(dir, 'same.yaml', study('evaluations: 100, initial: { from: earlier }'));
    const summary = await runStudy({ logFormat: 'csv', studyPath: join(dir, 'same.yaml'), outDir: join(dir, 'same') });
    const warm = meta(join(dir, 'same'));
    expect(warm.problemKey).toBe(earlier.problemKey);
    expect(warm.warmStart).toEqual({
      mode: 'inherited',
      designs: earlier.result.evaluations,
      front: JSON.parse(readFileSync(join(dir, 'earlier', 'pareto.json'), 'utf8')).designs.length,
    });
    expect(warm.result.inherited).toBe(earlier.result.evaluations);
    expect(summary.inherited).toBe(earlier.result.evaluations);
    // its own evaluations: the budget of 100 reached at a generation's end (two generations of 92)
    expect(warm.result.evaluations - earlier.result.evaluations).toBe(184);
    // the earlier log's rows are the new log's first rows (eval and generation columns aside: generation 0 here)
    const before = logRows(join(dir, 'earlier')).slice(1);
    const after = logRows(join(dir, 'same')).slice(1, 1 + before.length);
    const cells = (r: string): string => r.split(',').slice(2).join(',');
    expect(after.map(cells)).toEqual(before.map(cells));
    expect(new Set(after.map((r) => r.split(',')[1]))).toEqual(new Set(['0']));
    expect(warm.normalization).toEqual(earlier.normalization);
    expect(finalHv(warm)).toBeGreaterThanOrEqual(finalHv(earlier));
  }, 600_000);

  it('another problem: a spread subset of the earlier front is evaluated first, ≥ 95 % of its hypervolume', async () => {
    cpSync(join(dir, 'earlier'), join(dir, 'older'), { recursive: true });
    const path = join(dir, 'older', 'run.json');
    const older = JSON.parse(readFileSync(path, 'utf8')) as Meta;
    delete older.problemKey;
    writeFileSync(path, JSON.stringify(older));
    writeFile(dir, 'other.yaml', study('evaluations: 100, initial: { from: older }'));
    await runStudy({ logFormat: 'csv', studyPath: join(dir, 'other.yaml'), outDir: join(dir, 'other') });
    const warm = meta(join(dir, 'other'));
    const front = JSON.parse(readFileSync(join(dir, 'earlier', 'pareto.json'), 'utf8')) as { designs: unknown[] };
    expect(warm.warmStart).toEqual({ mode: 'reevaluated', designs: front.designs.length, front: front.designs.length });
    expect(warm.result.inherited).toBeUndefined();
    expect(warm.result.evaluations).toBe(184);
    expect(warm.normalization).toEqual(earlier.normalization);
    // the head of the earlier list (its old choice) kept 0.59 of it; the spread subset keeps more than 0.95
    expect(finalHv(warm) / finalHv(earlier)).toBeGreaterThanOrEqual(0.95);
  }, 600_000);

  it('a resumed warm-started run equals an uninterrupted one, with or without a checkpoint to resume from', async () => {
    const warmStudy = writeFile(dir, 'resume.yaml', study('evaluations: 300, initial: { from: earlier }'));
    await runStudy({ logFormat: 'csv', studyPath: warmStudy, outDir: join(dir, 'whole') });
    const whole = readFileSync(join(dir, 'whole', 'pareto.json'), 'utf8');
    // a checkpoint every generation: resumed from the one after the inherited generation 0
    const everyGeneration = writeFile(
      dir,
      'resume-cp.yaml',
      study('evaluations: 300, initial: { from: earlier }, checkpointEvery: 1'),
    );
    await runStudy({ logFormat: 'csv', studyPath: everyGeneration, outDir: join(dir, 'whole-cp') });
    await interruptedAndResumed(everyGeneration, join(dir, 'cut-cp'), 2);
    expect(readFileSync(join(dir, 'cut-cp', 'pareto.json'), 'utf8')).toBe(
      readFileSync(join(dir, 'whole-cp', 'pareto.json'), 'utf8'),
    );
    // no checkpoint yet (one every 10 s): the resumed run starts again from the warm start
    await interruptedAndResumed(warmStudy, join(dir, 'cut'), 1);
    expect(readFileSync(join(dir, 'cut', 'pareto.json'), 'utf8')).toBe(whole);
    expect(meta(join(dir, 'cut')).result.inherited).toBe(earlier.result.evaluations);
  }, 600_000);
});
