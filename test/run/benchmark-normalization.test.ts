/**
 * Benchmark runs measure hypervolume on the true front's extent (src/optimize/benchmarks/benchmarkFronts.ts,
 * `benchmarkNormalization`), so HV values of runs of one problem are comparable and meaningful when the
 * objectives do not span [0, 1] (BNH: f1 ∈ [0, 136], f2 ∈ [4, 50], Deb 2001 §14.1.2).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStudy } from '../../src/index.js';
import { tempDir, writeFile } from '../helpers/tmp.js';

describe('benchmark run normalization', () => {
  it("BNH: run.json normalizes by the published front extent, and the HV stays below the true front's", async () => {
    const dir = tempDir('odc-bnh-');
    const study = writeFile(
      dir,
      'bnh.yaml',
      readFileSync(new URL('../../designs/benchmarks/bnh.yaml', import.meta.url), 'utf8').replace(
        /^algorithm:.*$/m,
        'algorithm: { name: nsga2, population: 40, generations: 60, seed: 3 }',
      ),
    );
    const s = await runStudy({ studyPath: study, outDir: join(dir, 'run') });
    const meta = JSON.parse(readFileSync(join(s.runDir, 'run.json'), 'utf8')) as {
      normalization: { ideal: number[]; nadir: number[] };
      history: { hypervolume: number; igdPlus?: number }[];
    };
    // Deb 2001: the BNH front runs from (0, 50) to (136, 4)
    expect(meta.normalization.ideal[0]).toBeCloseTo(0, 6);
    expect(meta.normalization.ideal[1]).toBeCloseTo(4, 6);
    expect(meta.normalization.nadir[0]).toBeCloseTo(136, 6);
    expect(meta.normalization.nadir[1]).toBeCloseTo(50, 6);
    const last = meta.history[meta.history.length - 1]!;
    // On the identity normalization every BNH point lies beyond the reference 1.1 (f2 ≥ 4), so HV would be 0.
    // On the front's extent the front runs from (0, 1) to (1, 0) and is convex, so its HV exceeds the triangle's
    // 1.21 − 0.5 = 0.71 plus the 0.1-wide strips; 2,400 evaluations get above 0.9, and nothing exceeds the box's 1.21.
    expect(last.hypervolume).toBeGreaterThan(0.9);
    expect(last.hypervolume).toBeLessThan(1.21);
    expect(last.igdPlus).toBeLessThan(1);
  });
});
