/**
 * The steps after a run's last generation are told to `onFinishing` (src/run/finishRun.ts): the history's replay, the
 * final front's exact hypervolume (with its sweep's progress on a large 4+-objective front), the result files and the
 * report, in that order, with the counts the run summary gives.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStudy, type FinishingProgress } from '../../src/index.js';
import { tempDir } from '../helpers/tmp.js';
import { benchmarkStudy } from '../helpers/benchmarkStudy.js';

describe('the finishing steps of odc run', () => {
  it('are told in order, with the evaluations, the archive and the Pareto designs, and the sweep as it goes', async () => {
    const dir = tempDir('odc-finishing-');
    // 5-objective DTLZ2: most designs are non-dominated, so the archive passes the 1,024 points of the indexed sweep
    const study = benchmarkStudy(dir, 'dtlz2-5.yaml', {
      name: 'dtlz2-5',
      problem: 'dtlz2',
      variables: 14,
      objectives: 5,
      algorithm: { name: 'nsga3', population: 1000, generations: 12, seed: 2 },
    });
    const told: FinishingProgress[] = [];
    const s = await runStudy({ studyPath: study, outDir: join(dir, 'run'), onFinishing: (f) => told.push(f) });
    expect(s.status).toBe('complete');
    // each step once, in this order (the hypervolume's progress repeats its step)
    const steps = told.map((f) => f.step).filter((step, i, all) => i === 0 || all[i - 1] !== step);
    expect(steps).toEqual(['history', 'hypervolume', 'results', 'report']);
    expect(told.every((f) => f.objectives === 5)).toBe(true);
    expect(told[0]).toEqual({ step: 'history', count: 12000, objectives: 5 });
    const sweep = told.filter((f) => f.step === 'hypervolume');
    const archiveSize = s.archiveSize ?? 0;
    expect(sweep.every((f) => f.count === archiveSize)).toBe(true);
    // announced at 0, then the indexed sweep's own calls at points 0, 1,024, ... of the designs inside the reference
    // box (a benchmark's box is its true front's extent widened: the early designs far from it are outside)
    const shares = sweep.map((f) => f.share!);
    const inside = Math.round(1024 / shares[2]!);
    expect(inside).toBeGreaterThan(1024);
    expect(inside).toBeLessThanOrEqual(archiveSize);
    expect(shares).toEqual([0, ...Array.from({ length: Math.ceil(inside / 1024) }, (_, k) => (1024 * k) / inside)]);
    expect(told.filter((f) => f.step === 'results' || f.step === 'report').map((f) => f.count)).toEqual([
      s.paretoSize,
      s.paretoSize,
    ]);
  });
});
