/**
 * Resume at scale: a 500,000-evaluation run interrupted after 475,000 evaluations resumes
 * from its checkpoint at 450,000 — the evaluation log is streamed back (no row list in memory, no argument
 * spreading) and the unbounded Pareto archive, which checkpoints leave out, is rebuilt from the log — and
 * ends byte-identical to the uninterrupted run. Also a bounded archive (`archiveLimit`), which checkpoints
 * carry, resumes identically.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStudy } from '../../src/index.js';
import { tempDir, writeFile } from '../helpers/tmp.js';

const dir = tempDir('odc-large-resume-');
const read = (d: string, f: string): string => readFileSync(join(d, f), 'utf8');
// ZDT1 with its standard 30 variables: with only 2 the front is reached early and nearly every later design
// enters the unbounded archive (300k designs at 500k evaluations), which tests the archive, not the resume.
const zdt1 = (name: string, algorithm: string, variables = 30): string =>
  writeFile(dir, `${name}.yaml`, `name: ${name}\nkind: benchmark\nproblem: zdt1\nvariables: ${variables}\nalgorithm: ${algorithm}\n`);

describe('resume at scale', () => {
  it('a 500,000-evaluation run interrupted at 475,000 resumes to the byte-identical result', async () => {
    const study = zdt1('zdt1-500k', '{ name: nsga2, population: 1000, evaluations: 500000, seed: 5, checkpointEvery: 50 }');
    const reference = await runStudy({ studyPath: study, outDir: join(dir, 'reference') });
    expect(reference.evaluations).toBe(500_000);
    const out = join(dir, 'resumed');
    const first = await runStudy({ studyPath: study, outDir: out, stopAfterGenerations: 475 });
    expect(first.status).toBe('interrupted');
    const checkpoint = JSON.parse(read(out, 'checkpoint.json')) as { evaluations: number; snapshot: { archive: unknown } };
    expect(checkpoint.evaluations).toBe(450_000);
    expect(checkpoint.snapshot.archive).toBeNull(); // rebuilt from the log on resume
    const second = await runStudy({ resumeDir: out });
    expect(second.status).toBe('complete');
    expect(second.evaluations).toBe(500_000);
    expect(second.archiveSize).toBe(reference.archiveSize);
    expect(read(out, 'pareto.json')).toBe(read(reference.runDir, 'pareto.json'));
    const runJson = (d: string): unknown => {
      const { history, result } = JSON.parse(read(d, 'run.json')) as { history: unknown; result: unknown };
      return { history, result };
    };
    expect(runJson(out)).toEqual(runJson(reference.runDir));
  }, 600_000);

  it('a bounded archive (archiveLimit) is carried by the checkpoint and resumes identically', async () => {
    // 2 variables: the archive passes its bound of 100 within a few generations
    const study = zdt1('zdt1-bounded', '{ name: nsga2, population: 100, generations: 80, seed: 2, checkpointEvery: 10, archiveLimit: 100 }', 2);
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
  }, 60_000);
});
