/**
 * The previous checkpoint kept beside the current one (src/run/checkpoint.ts): written by rotation, sealed
 * with its own checksum, vouching for a shorter log prefix; a damaged current checkpoint stops the resume
 * with exit 2 saying whether the previous one verifies, and --from-previous-checkpoint continues from it to
 * the same files as a run never interrupted (the oracle: that uninterrupted run, byte for byte).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { StudyError } from '../../src/base/errors.js';
import { runStudy, type RunSummary } from '../../src/index.js';
import { atomicWriteTestHooks } from '../../src/run/atomic.js';
import { odc } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';
import { benchmarkStudy } from '../helpers/benchmarkStudy.js';

const dir = tempDir('odc-cp-prev-');
// 8 generations, a checkpoint every 2: a run stopped after 5 holds checkpoints of generations 4 (current) and 2
// (previous).
const study = benchmarkStudy(dir, 'zdt1.yaml', {
  name: 'cp-prev',
  variables: 5,
  algorithm: { name: 'nsga2', population: 8, generations: 8, seed: 11, checkpointEvery: 2 },
});
const read = (runDir: string, f: string): string => readFileSync(join(runDir, f), 'utf8');
let reference: RunSummary;
let runs = 0;

beforeAll(async () => {
  reference = await runStudy({ studyPath: study, logFormat: 'csv', outDir: join(dir, 'reference') });
});
afterEach(() => {
  atomicWriteTestHooks.beforeRename = undefined;
});

async function interrupted(): Promise<string> {
  const s = await runStudy({
    studyPath: study,
    logFormat: 'csv',
    outDir: join(dir, `run-${++runs}`),
    stopAfterGenerations: 5,
  });
  expect(s.status).toBe('interrupted');
  return s.runDir;
}

async function resumeError(runDir: string, fromPreviousCheckpoint = false): Promise<StudyError> {
  const e: unknown = await runStudy({ resumeDir: runDir, fromPreviousCheckpoint }).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(StudyError);
  return e as StudyError;
}

function expectLikeReference(runDir: string): void {
  expect(JSON.parse(read(runDir, 'run.json')).status).toBe('complete');
  for (const f of ['evaluations.csv', 'pareto.json', 'pareto.csv'])
    expect(read(runDir, f), f).toBe(read(reference.runDir, f));
  expect(existsSync(join(runDir, 'checkpoint.json'))).toBe(false);
  expect(existsSync(join(runDir, 'checkpoint.prev.json'))).toBe(false);
}

/** Resumes from the previous checkpoint; the folder then ends like the uninterrupted reference run. */
async function resumesFromPreviousLikeReference(runDir: string): Promise<void> {
  await runStudy({ resumeDir: runDir, fromPreviousCheckpoint: true });
  expectLikeReference(runDir);
}

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
const checkpointOf = (
  runDir: string,
  f: string,
): Record<string, unknown> & { generation: number; logBytes: number; logSha256: string } =>
  JSON.parse(read(runDir, f)) as Record<string, unknown> & { generation: number; logBytes: number; logSha256: string };
/** The byte offset of the start of the log's `line`-th line (0 = the header). */
const lineStart = (log: Buffer, line: number): number => {
  let at = 0;
  for (let i = 0; i < line; i++) at = log.indexOf(0x0a, at) + 1;
  return at;
};

describe('the previous checkpoint', () => {
  it('is kept beside the current one, sealed with its own checksum, vouching for a shorter log prefix', async () => {
    const runDir = await interrupted();
    const cur = checkpointOf(runDir, 'checkpoint.json');
    const prev = checkpointOf(runDir, 'checkpoint.prev.json');
    expect([prev.generation, cur.generation]).toEqual([2, 4]);
    // the checksum is the sha256 of the JSON text without it (an independent recomputation)
    const { checksum, ...body } = prev;
    expect(sha256(Buffer.from(JSON.stringify(body)))).toBe(checksum);
    // the log only grew: the previous prefix is a prefix of the current one, 16 rows (2 generations of 8) shorter
    const log = readFileSync(join(runDir, 'evaluations.csv.partial'));
    expect(prev.logBytes).toBe(lineStart(log, 1 + 16));
    expect(cur.logBytes).toBe(lineStart(log, 1 + 32));
    expect(sha256(log.subarray(0, prev.logBytes))).toBe(prev.logSha256);
    expect(sha256(log.subarray(0, cur.logBytes))).toBe(cur.logSha256);
  });

  it('a damaged checkpoint.json: exit 2 naming it and the previous one that verifies; resuming from that one gives the uninterrupted run', async () => {
    const runDir = await interrupted();
    const cp = join(runDir, 'checkpoint.json');
    writeFileSync(cp, read(runDir, 'checkpoint.json').slice(0, 100));
    const e = await resumeError(runDir);
    expect(e.code).toBe('BAD_RUN_DIR');
    expect(e.file).toBe(cp);
    expect(e.message).toContain(
      `the previous checkpoint ${join(runDir, 'checkpoint.prev.json')} verifies (generation 2, 16 evaluations)`,
    );
    expect(e.message).toContain(`odc run --resume ${runDir} --from-previous-checkpoint`);
    expect(e.message).not.toContain('\n');
    const s = await runStudy({ resumeDir: runDir, fromPreviousCheckpoint: true });
    expect(s.notes?.join(' ')).toMatch(
      /resumed from the previous checkpoint \(generation 2\); the current one was set aside as .*checkpoint\.damaged\.json/,
    );
    expectLikeReference(runDir);
    expect(read(runDir, 'checkpoint.damaged.json')).toHaveLength(100);
  });

  it('a log damaged after the previous prefix (inside the current one): the previous checkpoint still verifies and resumes byte-identical', async () => {
    const runDir = await interrupted();
    const logPath = join(runDir, 'evaluations.csv.partial');
    const log = readFileSync(logPath);
    const at = lineStart(log, 1 + 20); // a row of generation 3: after the previous prefix, inside the current one
    log.fill(0, at, at + 5);
    writeFileSync(logPath, log);
    const e = await resumeError(runDir);
    expect(e.file).toBe(logPath);
    expect(e.message).toContain('are not the ones checkpoint.json vouches for');
    expect(e.message).toContain('--from-previous-checkpoint');
    await resumesFromPreviousLikeReference(runDir);
  });

  it('a log damaged inside the previous prefix too: neither verifies, and --from-previous-checkpoint is refused', async () => {
    const runDir = await interrupted();
    const logPath = join(runDir, 'evaluations.csv.partial');
    const log = readFileSync(logPath);
    const at = lineStart(log, 3);
    log.write(log[at] === 0x31 ? '2' : '1', at);
    writeFileSync(logPath, log);
    const e = await resumeError(runDir);
    expect(e.message).toContain('the previous checkpoint does not verify either');
    expect(e.message).toContain('start a new run');
    const p = await resumeError(runDir, true);
    expect(p.code).toBe('BAD_RUN_DIR');
    expect(p.message).toMatch(/^--from-previous-checkpoint: .*are not the ones checkpoint\.prev\.json vouches for/);
  });

  it('a log cut inside the current prefix: the previous checkpoint resumes byte-identical', async () => {
    const runDir = await interrupted();
    const prev = checkpointOf(runDir, 'checkpoint.prev.json');
    truncateSync(join(runDir, 'evaluations.csv.partial'), prev.logBytes + 30);
    const e = await resumeError(runDir);
    expect(e.field).toBe('logBytes');
    expect(e.message).toContain('verifies (generation 2');
    await resumesFromPreviousLikeReference(runDir);
  });

  it('checkpoint.json removed while checkpoint.prev.json is there: not taken as "never checkpointed"', async () => {
    const runDir = await interrupted();
    rmSync(join(runDir, 'checkpoint.json'));
    const e = await resumeError(runDir);
    expect(e.message).toMatch(
      /checkpoint\.json: missing, while checkpoint\.prev\.json is there.*verifies \(generation 2/,
    );
    await resumesFromPreviousLikeReference(runDir);
  });

  it('a run stopped between keeping the previous checkpoint and writing the new one resumes from a whole checkpoint', async () => {
    // The write of generation 4's checkpoint fails just before its rename: checkpoint.json must still be generation
    // 2's.
    atomicWriteTestHooks.beforeRename = (_tmp, target) => {
      if (
        target.endsWith('checkpoint.json') &&
        existsSync(`${target.replace(/checkpoint\.json$/, 'checkpoint.prev.json')}`)
      )
        throw new Error('killed');
    };
    const out = join(dir, `run-${++runs}`);
    await expect(runStudy({ studyPath: study, logFormat: 'csv', outDir: out })).rejects.toThrow('killed');
    atomicWriteTestHooks.beforeRename = undefined;
    expect(checkpointOf(out, 'checkpoint.json').generation).toBe(2);
    expect(read(out, 'checkpoint.prev.json')).toBe(read(out, 'checkpoint.json'));
    await runStudy({ resumeDir: out });
    expectLikeReference(out);
  });

  it('the CLI: exit 2 and one line for the damaged checkpoint, exit 0 with --from-previous-checkpoint', async () => {
    const runDir = await interrupted();
    writeFileSync(join(runDir, 'checkpoint.json'), '{}');
    const r = await odc('run', '--resume', runDir, '--quiet');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('--from-previous-checkpoint');
    const ok = await odc('run', '--resume', runDir, '--from-previous-checkpoint', '--quiet');
    expect(ok.code, ok.err).toBe(0);
    expectLikeReference(runDir);
    const alone = await odc('run', study, '--from-previous-checkpoint', '--quiet');
    expect(alone.code).toBe(2);
    expect(alone.err).toContain('--from-previous-checkpoint goes with --resume');
  });
});
