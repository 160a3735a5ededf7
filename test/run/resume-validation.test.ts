import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StudyError } from '../../src/base/errors.js';
import { runStudy } from '../../src/index.js';
import { odc } from '../helpers/cli.js';
import { tempDir, writeFile } from '../helpers/tmp.js';

// `odc run --resume` validates run.json and checkpoint.json before trusting them: a damaged or foreign
// file is a user error (StudyError, exit 2) naming the file and what is wrong, never an internal error.

const dir = tempDir('odc-resume-');
const studyText = (seed: number): string =>
  `name: zdt1-resume\nkind: benchmark\nproblem: zdt1\nvariables: 6\nalgorithm: { name: nsga2, population: 8, generations: 6, seed: ${seed}, checkpointEvery: 2 }\n`;
const studyA = writeFile(dir, 'a.yaml', studyText(1));
const studyB = writeFile(dir, 'b.yaml', studyText(2));
let runs = 0;

/** A run of `study` interrupted after 3 generations: it holds a checkpoint (of generation 2) to resume from. */
async function interruptedRun(study = studyA): Promise<string> {
  const s = await runStudy({
    studyPath: study,
    logFormat: 'csv',
    outDir: join(dir, `run-${++runs}`),
    stopAfterGenerations: 3,
  });
  expect(s.status).toBe('interrupted');
  return s.runDir;
}

async function resumeError(runDir: string): Promise<StudyError> {
  const e: unknown = await runStudy({ resumeDir: runDir }).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(StudyError);
  return e as StudyError;
}

describe('odc run --resume validates run.json and checkpoint.json', () => {
  it('a truncated checkpoint.json is a BAD_RUN_DIR error naming the file', async () => {
    const runDir = await interruptedRun();
    const cp = join(runDir, 'checkpoint.json');
    const text = readFileSync(cp, 'utf8');
    writeFileSync(cp, text.slice(0, Math.floor(text.length / 2)));
    const e = await resumeError(runDir);
    expect(e.code).toBe('BAD_RUN_DIR');
    expect(e.file).toBe(cp);
    expect(e.message).toContain(cp);
    expect(e.message).toMatch(/not valid JSON, perhaps truncated/);
  });

  it('an empty checkpoint.json, or one missing a field, names the file and the field', async () => {
    const runDir = await interruptedRun();
    const cp = join(runDir, 'checkpoint.json');
    const good = JSON.parse(readFileSync(cp, 'utf8')) as Record<string, unknown>;
    writeFileSync(cp, '');
    expect((await resumeError(runDir)).message).toContain(`${cp}: empty`);
    delete good['logBytes'];
    writeFileSync(cp, JSON.stringify(good));
    const e = await resumeError(runDir);
    expect(e.code).toBe('BAD_RUN_DIR');
    expect(e.field).toBe('logBytes');
    expect(e.message).toContain(`${cp}: logBytes:`);
  });

  it('a null run.json is a BAD_RUN_DIR error naming the file', async () => {
    const runDir = await interruptedRun();
    const meta = join(runDir, 'run.json');
    writeFileSync(meta, 'null\n');
    const e = await resumeError(runDir);
    expect(e.code).toBe('BAD_RUN_DIR');
    expect(e.message).toContain(`${meta}: holds null`);
  });

  it('a checkpoint of another study (another study hash) is refused as INCOMPATIBLE_RUN', async () => {
    const runDir = await interruptedRun(studyA);
    const other = await interruptedRun(studyB);
    copyFileSync(join(other, 'checkpoint.json'), join(runDir, 'checkpoint.json'));
    const e = await resumeError(runDir);
    expect(e.code).toBe('INCOMPATIBLE_RUN');
    expect(e.file).toBe(join(runDir, 'checkpoint.json'));
    expect(e.message).toContain('written for another study');
  });

  it('a run.json of another study, or of another formatVersion, is refused as INCOMPATIBLE_RUN', async () => {
    const runDir = await interruptedRun(studyA);
    const other = await interruptedRun(studyB);
    const meta = join(runDir, 'run.json');
    const own = readFileSync(meta, 'utf8');
    copyFileSync(join(other, 'run.json'), meta);
    const foreign = await resumeError(runDir);
    expect(foreign.code).toBe('INCOMPATIBLE_RUN');
    expect(foreign.field).toBe('study.hash');
    writeFileSync(meta, own.replace('"formatVersion": 1', '"formatVersion": 2'));
    const version = await resumeError(runDir);
    expect(version.code).toBe('INCOMPATIBLE_RUN');
    expect(version.message).toContain(`${meta}: formatVersion 2 is not supported`);
  });

  it('a checkpoint pointing past the end of the evaluation log is a BAD_RUN_DIR error, not an internal one', async () => {
    const runDir = await interruptedRun();
    const c = JSON.parse(readFileSync(join(runDir, 'checkpoint.json'), 'utf8')) as { logBytes: number };
    truncateSync(join(runDir, 'evaluations.csv.partial'), c.logBytes - 10);
    const e = await resumeError(runDir);
    expect(e.code).toBe('BAD_RUN_DIR');
    expect(e.field).toBe('logBytes');
    expect(e.message).toContain('evaluations.csv.partial');
  });

  // Hand edits a checkpoint's schema accepts: each would resume into another run (rows missing, another RNG stream).
  it.each([
    ['log length set to 0', (c: Record<string, unknown>) => ({ ...c, logBytes: 0 })],
    ['log length cut mid-row', (c: Record<string, unknown>) => ({ ...c, logBytes: (c['logBytes'] as number) - 7 })],
    [
      'the algorithm state zeroed',
      (c: Record<string, unknown>) => ({
        ...c,
        snapshot: JSON.parse(JSON.stringify(c['snapshot']).replace(/\d+(\.\d+)?/g, '0')) as unknown,
      }),
    ],
    ['the generation moved back', (c: Record<string, unknown>) => ({ ...c, generation: 1 })],
  ])('checkpoint.json edited by hand (%s) fails its checksum: BAD_RUN_DIR naming the file', async (_, edit) => {
    const runDir = await interruptedRun();
    const cp = join(runDir, 'checkpoint.json');
    writeFileSync(cp, JSON.stringify(edit(JSON.parse(readFileSync(cp, 'utf8')) as Record<string, unknown>)));
    const e = await resumeError(runDir);
    expect(e.code).toBe('BAD_RUN_DIR');
    expect(e.file).toBe(cp);
    expect(e.message).toContain('fails its checksum');
  });

  it.each([
    ['a folder', (cp: string) => mkdirSync(cp)],
    ['a symbolic link to /dev/zero', (cp: string) => symlinkSync('/dev/zero', cp)],
    ['a FIFO', (cp: string) => execFileSync('mkfifo', [cp])],
  ])('checkpoint.json replaced by %s: BAD_RUN_DIR naming it, never read', async (what, replace) => {
    const runDir = await interruptedRun();
    const cp = join(runDir, 'checkpoint.json');
    rmSync(cp);
    replace(cp);
    const e = await resumeError(runDir);
    expect(e.code).toBe('BAD_RUN_DIR');
    expect(e.message).toContain(`${cp}: is a`);
    expect(e.message).toContain(
      what === 'a folder' ? 'a folder' : what === 'a FIFO' ? 'a pipe (FIFO)' : 'a symbolic link',
    );
  });

  it.each([
    ['NUL bytes over a row', (b: Buffer, at: number) => b.fill(0, at, at + 12)],
    ['one digit changed', (b: Buffer, at: number) => b.write(b[at] === 0x31 ? '2' : '1', at)],
  ])('a log prefix damaged after the checkpoint (%s) is refused before a row is read', async (_, damage) => {
    const runDir = await interruptedRun();
    const log = join(runDir, 'evaluations.csv.partial');
    const bytes = readFileSync(log);
    // a digit inside the prefix the checkpoint covers: the third line's first cell
    const at = bytes.indexOf(0x0a, bytes.indexOf(0x0a) + 1) + 1;
    damage(bytes, at);
    writeFileSync(log, bytes);
    const e = await resumeError(runDir);
    expect(e.code).toBe('BAD_RUN_DIR');
    expect(e.file).toBe(log);
    expect(e.message).toContain('are not the ones checkpoint.json vouches for');
  });

  it('the CLI exits 2 with one line naming the file (no stack trace)', async () => {
    const runDir = await interruptedRun();
    const cp = join(runDir, 'checkpoint.json');
    writeFileSync(cp, readFileSync(cp, 'utf8').slice(0, 40));
    const r = await odc('run', '--resume', runDir, '--quiet');
    expect(r.code).toBe(2);
    expect(r.err).toContain(cp);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('an undamaged folder still resumes to completion', async () => {
    const runDir = await interruptedRun();
    const s = await runStudy({ resumeDir: runDir });
    expect(s.status).toBe('complete');
    expect(s.generations).toBe(6);
  });
});
