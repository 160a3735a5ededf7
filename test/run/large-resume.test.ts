/**
 * Resume at scale: a run interrupted after 95 % of its generations resumes from its checkpoint at 90 % — the
 * evaluation log is streamed back (no row list in memory, no argument spreading) and the unbounded Pareto archive,
 * which checkpoints leave out, is rebuilt from the log — and ends byte-identical to the uninterrupted run. At full
 * size (`npm run test:scale`): population 1,000, 500 generations (500,000 evaluations), resumed at 450,000; `npm test`
 * runs the same steps at population 40 and 60 generations (2,400 evaluations). Also a bounded archive
 * (`archiveLimit`), which checkpoints carry, resumes identically.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStudy } from '../../src/index.js';
import { atScale } from '../helpers/scale.js';
import { tempDir, writeFile } from '../helpers/tmp.js';

const dir = tempDir('odc-large-resume-');
const read = (d: string, f: string): string => readFileSync(join(d, f), 'utf8');
// ZDT1 with its standard 30 variables: with only 2 the front is reached early and nearly every later design
// enters the unbounded archive (300k designs at 500k evaluations), which tests the archive, not the resume.
const zdt1 = (name: string, algorithm: string, variables = 30): string =>
  writeFile(
    dir,
    `${name}.yaml`,
    `name: ${name}\nkind: benchmark\nproblem: zdt1\nvariables: ${variables}\nalgorithm: ${algorithm}\n`,
  );

describe('resume at scale', () => {
  const { population, generations } = atScale(
    { population: 40, generations: 60 },
    { population: 1000, generations: 500 },
  );
  const evaluations = population * generations;
  const every = generations / 10;
  it(`a ${evaluations}-evaluation run interrupted at 95 % resumes to the byte-identical result`, async () => {
    const algorithm = `{ name: nsga2, population: ${population}, evaluations: ${evaluations}, seed: 5, checkpointEvery: ${every} }`;
    const study = zdt1(`zdt1-${evaluations}`, algorithm);
    const reference = await runStudy({ studyPath: study, outDir: join(dir, 'reference') });
    expect(reference.evaluations).toBe(evaluations);
    const out = join(dir, 'resumed');
    const first = await runStudy({ studyPath: study, outDir: out, stopAfterGenerations: (generations * 19) / 20 });
    expect(first.status).toBe('interrupted');
    const checkpoint = JSON.parse(read(out, 'checkpoint.json')) as {
      evaluations: number;
      snapshot: { archive: unknown };
    };
    expect(checkpoint.evaluations).toBe((evaluations * 9) / 10);
    expect(checkpoint.snapshot.archive).toBeNull(); // rebuilt from the log on resume
    const second = await runStudy({ resumeDir: out });
    expect(second.status).toBe('complete');
    expect(second.evaluations).toBe(evaluations);
    expect(second.archiveSize).toBe(reference.archiveSize);
    expect(read(out, 'pareto.json')).toBe(read(reference.runDir, 'pareto.json'));
    const runJson = (d: string): unknown => {
      const { history, result } = JSON.parse(read(d, 'run.json')) as { history: unknown; result: unknown };
      return { history, result };
    };
    expect(runJson(out)).toEqual(runJson(reference.runDir));
  });

  it('a bounded archive (archiveLimit) is carried by the checkpoint and resumes identically', async () => {
    // 2 variables: the archive passes its bound of 100 within a few generations
    const study = zdt1(
      'zdt1-bounded',
      '{ name: nsga2, population: 100, generations: 80, seed: 2, checkpointEvery: 10, archiveLimit: 100 }',
      2,
    );
    const reference = await runStudy({ studyPath: study, outDir: join(dir, 'bounded-ref') });
    expect(reference.archiveSize).toBeLessThanOrEqual(110);
    const out = join(dir, 'bounded');
    await runStudy({ studyPath: study, outDir: out, stopAfterGenerations: 45 });
    const checkpoint = JSON.parse(read(out, 'checkpoint.json')) as { snapshot: { archive: unknown[] } };
    expect(Array.isArray(checkpoint.snapshot.archive)).toBe(true);
    expect(checkpoint.snapshot.archive.length).toBeGreaterThanOrEqual(100);
    expect(checkpoint.snapshot.archive.length).toBeLessThanOrEqual(110);
    await runStudy({ resumeDir: out });
    expect(read(out, 'pareto.json')).toBe(read(reference.runDir, 'pareto.json'));
  });
});
