/**
 * Checkpoints without algorithm.checkpointEvery: at the first generation boundary 10 s (CHECKPOINT_INTERVAL_MS)
 * after the previous checkpoint or the start. Driven by the run's clock (RunOptions.now), so both sides of the rule
 * are deterministic: a clock that never moves writes none, one that jumps 11 s per reading writes one at every
 * generation, and the boundary is exact (one reading per generation); either way a resumed run ends where an
 * uninterrupted one does.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStudy } from '../../src/index.js';
import { CHECKPOINT_INTERVAL_MS } from '../../src/run/driver.js';
import { forEachLogRow } from '../../src/run/logRead.js';
import { loadStudyProblem } from '../../src/run/problem.js';
import { tempDir } from '../helpers/tmp.js';
import { benchmarkStudy } from '../helpers/benchmarkStudy.js';

const dir = tempDir('odc-checkpoint-interval-');
const study = benchmarkStudy(dir, 'zdt1.yaml', {
  name: 'zdt1-interval',
  variables: 6,
  algorithm: { name: 'nsga2', population: 12, generations: 8, seed: 4 },
});
/** A run's log as the reader gives it back: every row's values (the Parquet row groups follow the checkpoints). */
const logRows = (runDir: string): unknown[] => {
  const out: unknown[] = [];
  const { problem } = loadStudyProblem(study);
  forEachLogRow(join(runDir, 'evaluations.parquet'), problem, (r) =>
    out.push([r.index, r.generation, [...r.x], [...r.f], [...r.g], r.cv, r.failure]),
  );
  return out;
};
const checkpointGeneration = (runDir: string): number | null =>
  existsSync(join(runDir, 'checkpoint.json'))
    ? (JSON.parse(readFileSync(join(runDir, 'checkpoint.json'), 'utf8')) as { generation: number }).generation
    : null;
/** A clock that moves `step_ms` at every reading. */
const clock = (step_ms: number): (() => Date) => {
  let t = Date.UTC(2026, 10, 23);
  return () => new Date((t += step_ms));
};

describe('checkpoints every 10 s of wall time by default', () => {
  it('the interval is 10 s', () => {
    expect(CHECKPOINT_INTERVAL_MS).toBe(10_000);
  });

  it('writes none while less than 10 s pass, one at every generation boundary when each reading is 11 s later; a resume ends as an uninterrupted run', async () => {
    const reference = await runStudy({ studyPath: study, outDir: join(dir, 'reference') });
    const still = await runStudy({
      studyPath: study,
      outDir: join(dir, 'still'),
      stopAfterGenerations: 5,
      now: clock(0),
    });
    expect(still.status).toBe('interrupted');
    expect(checkpointGeneration(still.runDir)).toBeNull();
    const jumping = await runStudy({
      studyPath: study,
      outDir: join(dir, 'jumping'),
      stopAfterGenerations: 5,
      now: clock(11_000),
    });
    // generations count from 1 (the initial population); the last boundary before the stop is generation 5
    expect(checkpointGeneration(jumping.runDir)).toBe(5);
    // the clock is read once per generation: readings exactly 10 s apart checkpoint at the first boundary, readings
    // 1 ms short of it only at the second
    const exact = await runStudy({
      studyPath: study,
      outDir: join(dir, 'exact'),
      stopAfterGenerations: 1,
      now: clock(CHECKPOINT_INTERVAL_MS),
    });
    expect(checkpointGeneration(exact.runDir)).toBe(1);
    const short = await runStudy({
      studyPath: study,
      outDir: join(dir, 'short'),
      stopAfterGenerations: 1,
      now: clock(CHECKPOINT_INTERVAL_MS - 1),
    });
    expect(checkpointGeneration(short.runDir)).toBeNull();
    const twice = await runStudy({
      studyPath: study,
      outDir: join(dir, 'twice'),
      stopAfterGenerations: 2,
      now: clock(CHECKPOINT_INTERVAL_MS - 1),
    });
    expect(checkpointGeneration(twice.runDir)).toBe(2);
    for (const run of [still, jumping]) {
      const resumed = await runStudy({ resumeDir: run.runDir });
      expect(resumed.status).toBe('complete');
      expect(readFileSync(join(run.runDir, 'pareto.json'), 'utf8')).toBe(
        readFileSync(join(reference.runDir, 'pareto.json'), 'utf8'),
      );
      expect(logRows(run.runDir)).toEqual(logRows(reference.runDir));
    }
  });
});
