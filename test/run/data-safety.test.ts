/**
 * Data loss or corruption: a full disk (injected short writes and ENOSPC, and a real 64 KB tmpfs when
 * this process may mount one), one writer per run folder (run.lock), a kill at each step of the final commit,
 * symbolic links planted in a run folder, and study names that would escape results/.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { StudyError } from '../../src/base/errors.js';
import { loadRun, runStudy, type RunSummary } from '../../src/index.js';
import { atomicWriteTestHooks, writeFileAtomic, writeStreamAtomic } from '../../src/run/atomic.js';
import { defaultRunDir, SLUG_MAX, studySlug } from '../../src/run/runFolder.js';
import { odc } from '../helpers/cli.js';
import { studyErrorOf, tempDir, writeFile } from '../helpers/tmp.js';

const dir = tempDir('odc-safety-');
const flagship = readFileSync(new URL('../../designs/flagship-study.yaml', import.meta.url), 'utf8');
const study = (file: string, name: string, algorithm: string): string =>
  writeFile(
    dir,
    `${file}.yaml`,
    flagship
      .replace(/^algorithm:.*$/m, `algorithm: ${algorithm}`)
      .replace(/^name: .*$/m, `name: ${JSON.stringify(name)}`),
  );

// 12 generations, checkpoints at 5 and 10: a resume from the last checkpoint redoes generations 11 and 12.
const SMALL = '{ name: nsga3, population: 40, generations: 12, seed: 7, checkpointEvery: 5 }';
const small = study('small', 'small', SMALL);
const read = (runDir: string, f: string): string => readFileSync(join(runDir, f), 'utf8');
const leftovers = (d: string): string[] => readdirSync(d).filter((f) => f.includes('.tmp-'));

/** A pid of a process that has exited (for a stale lock). */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '']);
  return r.pid!;
}

async function rejection(p: Promise<unknown>): Promise<StudyError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof StudyError) return e;
    throw e;
  }
  throw new Error('expected a StudyError');
}

let reference: RunSummary;
beforeAll(async () => {
  reference = await runStudy({ studyPath: small, outDir: join(dir, 'reference'), afterResults: () => undefined });
});

afterEach(() => {
  atomicWriteTestHooks.beforeRename = undefined;
  atomicWriteTestHooks.write = undefined;
});

/** The run is complete and its files equal the uninterrupted reference run's, with nothing left behind. */
function expectCompleteLikeReference(runDir: string): void {
  expect(JSON.parse(read(runDir, 'run.json')).status).toBe('complete');
  expect(read(runDir, 'pareto.json')).toBe(read(reference.runDir, 'pareto.json'));
  expect(read(runDir, 'pareto.csv')).toBe(read(reference.runDir, 'pareto.csv'));
  expect(read(runDir, 'evaluations.parquet')).toBe(read(reference.runDir, 'evaluations.parquet'));
  for (const f of ['evaluations.parquet.partial', 'checkpoint.json', 'run.lock'])
    expect(existsSync(join(runDir, f)), f).toBe(false);
  expect(leftovers(runDir)).toEqual([]);
  expect(() => loadRun(runDir)).not.toThrow();
}

describe('1. disk full: every byte or a clear exit-2 error, never a partial file renamed into place', () => {
  const OLD = 'old complete content\n';
  const NEW = `${'a line of a report that is much larger than the disk has room for\n'.repeat(20_000)}end\n`;
  const target = (): string => {
    const d = tempDir('odc-disk-');
    const t = join(d, 'report.html');
    writeFileSync(t, OLD);
    return t;
  };

  it('short writes are looped over until every byte is written (file and stream writers)', () => {
    let calls = 0;
    atomicWriteTestHooks.write = (fd, buf, off, len) => {
      calls++;
      return writeSync(fd, buf, off, Math.min(len, 4093));
    };
    const t = target();
    writeFileAtomic(t, NEW);
    expect(readFileSync(t, 'utf8')).toBe(NEW);
    expect(calls).toBeGreaterThan(100);
    const s = target();
    writeStreamAtomic(s, (sink) => {
      for (const chunk of NEW.match(/[^]{1,50000}/g)!) sink(chunk);
    });
    expect(readFileSync(s, 'utf8')).toBe(NEW);
  });

  it('ENOSPC part-way is a StudyError naming the folder and the fix; the target keeps its old content and no temp file is left', () => {
    let written = 0;
    atomicWriteTestHooks.write = (fd, buf, off, len) => {
      if (written >= 300_000)
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });
      const n = writeSync(fd, buf, off, Math.min(len, 300_000 - written, 65_536));
      written += n;
      return n;
    };
    const t = target();
    const e = studyErrorOf(() => writeFileAtomic(t, NEW));
    expect(e.message).toContain(`the disk holding ${resolve(join(t, '..'))} is full`);
    expect(e.message).toMatch(/ENOSPC.*free space on it or write to another disk/);
    expect(readFileSync(t, 'utf8')).toBe(OLD);
    expect(leftovers(join(t, '..'))).toEqual([]);

    written = 0;
    const s = target();
    expect(studyErrorOf(() => writeStreamAtomic(s, (sink) => sink(NEW))).message).toMatch(/is full/);
    expect(readFileSync(s, 'utf8')).toBe(OLD);
    expect(leftovers(join(s, '..'))).toEqual([]);
  });

  it('a write that makes no progress is a full disk, not an endless loop', () => {
    atomicWriteTestHooks.write = () => 0;
    const t = target();
    expect(studyErrorOf(() => writeFileAtomic(t, NEW)).message).toMatch(/is full.*ENOSPC/);
    expect(readFileSync(t, 'utf8')).toBe(OLD);
    expect(leftovers(join(t, '..'))).toEqual([]);
  });

  it.each([
    ['EDQUOT', /disk quota .* is used up \(EDQUOT\)/],
    ['EROFS', /is on a read-only file system \(EROFS\)/],
    ['EACCES', /no permission to write in .* \(EACCES\)/],
  ] as [string, RegExp][])('%s is a StudyError too', (code, message) => {
    atomicWriteTestHooks.write = () => {
      throw Object.assign(new Error(`${code}: write`), { code });
    };
    const t = target();
    expect(studyErrorOf(() => writeFileAtomic(t, NEW)).message).toMatch(message);
    expect(readFileSync(t, 'utf8')).toBe(OLD);
    expect(leftovers(join(t, '..'))).toEqual([]);
  });

  it('odc run on a full disk exits 2 with one message (no stack trace); the run then resumes to the same result', async () => {
    const out = join(dir, 'enospc-run');
    atomicWriteTestHooks.write = (fd, buf, off, len) => {
      // Only pareto.json's temporary file runs out of room (the final commit).
      if (
        len > 0 &&
        Buffer.from(buf.subarray(off, off + Math.min(len, 40)))
          .toString('utf8')
          .startsWith('{\n "formatVersion": 1,\n "study"')
      ) {
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      }
      return writeSync(fd, buf, off, len);
    };
    const r = await odc('run', small, '--out', out, '--quiet');
    atomicWriteTestHooks.write = undefined;
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/pareto\.json: the disk holding .* is full/);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(existsSync(join(out, 'run.lock'))).toBe(false);
    const resumed = await runStudy({ resumeDir: out, afterResults: () => undefined });
    expect(resumed.status).toBe('complete');
    expectCompleteLikeReference(out);
  });

  describe('on a real 64 KB tmpfs', () => {
    const mnt = join(tempDir('odc-tmpfs-'), 'disk');
    let mounted = false;
    beforeAll(() => {
      mkdirSync(mnt, { recursive: true });
      mounted =
        process.platform === 'linux' &&
        spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mnt]).status === 0;
    });
    afterAll(() => {
      if (mounted) spawnSync('umount', [mnt]);
    });

    it('writeFileAtomic of 1.3 MB: exit-2 StudyError naming the disk, old file intact, no temp file', (ctx) => {
      if (!mounted) ctx.skip(); // mounting is not permitted here
      const t = join(mnt, 'pareto.json');
      writeFileSync(t, OLD);
      const e = studyErrorOf(() => writeFileAtomic(t, NEW));
      expect(e.message).toMatch(
        new RegExp(
          `the disk holding ${mnt.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is full \\(ENOSPC; .* free of 64 KB\\)`,
        ),
      );
      expect(readFileSync(t, 'utf8')).toBe(OLD);
      expect(leftovers(mnt)).toEqual([]);
    });

    it('odc run into it exits 2 with one message, and frees the folder (no lock left)', async (ctx) => {
      if (!mounted) ctx.skip();
      const out = join(mnt, 'run');
      const r = await odc('run', small, '--out', out, '--quiet');
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/is full/);
      expect(r.err).not.toMatch(/\n\s+at /);
      expect(existsSync(join(out, 'run.lock'))).toBe(false);
      expect(leftovers(out)).toEqual([]);
    });
  });
});

describe('2. one writer per run folder (run.lock)', () => {
  it('two runs started into one --out at once: the second is refused naming the holder; the first completes cleanly', async () => {
    const out = join(dir, 'two-runs');
    const other = study('other-seed', 'small', SMALL.replace('seed: 7', 'seed: 8'));
    const [a, b] = await Promise.allSettled([
      runStudy({ studyPath: small, outDir: out, afterResults: () => undefined }),
      runStudy({ studyPath: other, outDir: out, afterResults: () => undefined }),
    ]);
    expect(a.status).toBe('fulfilled');
    expect(b.status).toBe('rejected');
    const e = (b as PromiseRejectedResult).reason as StudyError;
    expect(e).toBeInstanceOf(StudyError);
    expect(e.message).toContain(`is being written by another run (odc process ${process.pid} on host ${hostname()}`);
    expect(e.message).toContain('run.lock');
    // Nothing of the refused run leaked in: seed 7 throughout, unique evaluation ids, the reference's files.
    expect(JSON.parse(read(out, 'run.json')).algorithm.seed).toBe(7);
    expectCompleteLikeReference(out);
  });

  it('a resume while another live process holds the lock is refused, and leaves the folder and the lock untouched', async () => {
    const out = join(dir, 'live-lock');
    expect((await runStudy({ studyPath: small, outDir: out, stopAfterGenerations: 7 })).status).toBe('interrupted');
    const lock = JSON.stringify({
      pid: process.pid,
      hostname: hostname(),
      startedAt: '2025-01-01T00:00:00.000Z',
      token: 'someone-else',
    });
    writeFileSync(join(out, 'run.lock'), lock);
    const before = {
      log: read(out, 'evaluations.parquet.partial'),
      cp: read(out, 'checkpoint.json'),
      run: read(out, 'run.json'),
    };
    const e = await rejection(runStudy({ resumeDir: out }));
    expect(e.message).toContain(
      `is being written by another run (odc process ${process.pid} on host ${hostname()}, since 2025-01-01T00:00:00.000Z`,
    );
    expect(read(out, 'run.lock')).toBe(lock);
    expect({
      log: read(out, 'evaluations.parquet.partial'),
      cp: read(out, 'checkpoint.json'),
      run: read(out, 'run.json'),
    }).toEqual(before);
    // The CLI: exit 2, one message.
    const r = await odc('run', '--resume', out, '--quiet');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/being written by another run/);
  });

  it('a lock of a process on another host (which cannot be checked) is refused, saying how to clear it', async () => {
    const out = join(dir, 'remote-lock');
    await runStudy({ studyPath: small, outDir: out, stopAfterGenerations: 2 });
    writeFileSync(join(out, 'run.lock'), JSON.stringify({ pid: 1, hostname: `not-${hostname()}` }));
    const e = await rejection(runStudy({ resumeDir: out }));
    expect(e.message).toMatch(/odc process 1 on host not-.*if that process is gone, delete .*run\.lock/);
  });

  it('a stale lock (its process has exited, on this host) is taken over with a note, and the run completes', async () => {
    const out = join(dir, 'stale-lock');
    await runStudy({ studyPath: small, outDir: out, stopAfterGenerations: 7 });
    const pid = deadPid();
    writeFileSync(join(out, 'run.lock'), JSON.stringify({ pid, hostname: hostname(), token: 'dead' }));
    const s = await runStudy({ resumeDir: out, afterResults: () => undefined });
    expect(s.status).toBe('complete');
    expect(s.notes?.join('\n')).toMatch(
      new RegExp(`took over .*run\\.lock, left by odc process ${pid} on host .*which has ended`),
    );
    expectCompleteLikeReference(out);
  });

  it('odc report (and compare, export) on a folder another live process is writing say it is still running', async () => {
    const out = join(dir, 'report-locked');
    await runStudy({ studyPath: small, outDir: out, afterResults: () => undefined });
    writeFileSync(
      join(out, 'run.lock'),
      JSON.stringify({ pid: process.pid, hostname: hostname(), token: 'another-writer' }),
    );
    expect(() => loadRun(out)).toThrow(
      /the run is still running \(odc process \d+ on host .* holds .*run\.lock\); wait for it to finish/,
    );
    const r = await odc('report', out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/still running/);
    // A stale lock does not block a finished run's report.
    writeFileSync(join(out, 'run.lock'), JSON.stringify({ pid: deadPid(), hostname: hostname() }));
    expect(() => loadRun(out)).not.toThrow();
  });

  it('the lock is released when the run ends: complete, interrupted, or failed', async () => {
    const out = join(dir, 'released');
    await runStudy({ studyPath: small, outDir: out, stopAfterGenerations: 2 });
    expect(existsSync(join(out, 'run.lock'))).toBe(false);
    atomicWriteTestHooks.beforeRename = (_tmp, t) => {
      if (basename(t) === 'checkpoint.json') throw new Error('injected failure');
    };
    await expect(runStudy({ resumeDir: out })).rejects.toThrow('injected failure');
    expect(existsSync(join(out, 'run.lock'))).toBe(false);
  });

  it('two processes: a resume while odc run is going is refused; after SIGKILL the stale lock is taken over and the run finishes', async () => {
    const slow = study(
      'slow',
      'slow',
      '{ name: nsga3, population: 40, generations: 400, seed: 7, checkpointEvery: 2 }',
    );
    const out = join(dir, 'two-processes');
    const bin = new URL('../../dist/src/entries/cli/bin.js', import.meta.url).pathname;
    const child = spawn(process.execPath, [bin, 'run', slow, '--out', out, '--quiet'], { stdio: 'ignore' });
    let ended = false;
    const exited = new Promise((r) => child.on('exit', r)).then(() => (ended = true));
    // until the first checkpoint or the child's end (a hang is caught by the test's timeout, not a clock here)
    while (!existsSync(join(out, 'checkpoint.json')) && !ended) await new Promise((r) => setTimeout(r, 5));
    expect(existsSync(join(out, 'run.lock'))).toBe(true);
    const e = await rejection(runStudy({ resumeDir: out }));
    expect(e.message).toContain(`odc process ${child.pid} on host ${hostname()}`);
    expect(() => loadRun(out)).toThrow(/still running|has not finished/);
    child.kill('SIGKILL');
    await exited;
    const s = await runStudy({ resumeDir: out, stopAfterGenerations: 1 });
    expect(s.notes?.join('\n')).toMatch(new RegExp(`left by odc process ${child.pid} .*which has ended`));
    expect(existsSync(join(out, 'run.lock'))).toBe(false);
  });
});

describe('3. a kill at each step of the final commit: --resume finishes the run', () => {
  /** Stops the run right before `file` is renamed into place by the final commit (as a kill there would). */
  const stopBefore = (file: string): void => {
    atomicWriteTestHooks.beforeRename = (tmp, t) => {
      if (basename(t) === file && (file !== 'run.json' || readFileSync(tmp, 'utf8').includes('"status": "complete"')))
        throw new Error(`killed before ${file}`);
    };
  };

  it.each(['pareto.json', 'pareto.csv', 'run.json'])(
    'killed after evaluations.parquet is renamed, before %s: report refuses, resume completes it',
    async (file) => {
      const out = join(dir, `commit-${file}`);
      stopBefore(file);
      await expect(runStudy({ studyPath: small, outDir: out, afterResults: () => undefined })).rejects.toThrow(
        `killed before ${file}`,
      );
      atomicWriteTestHooks.beforeRename = undefined;
      // The state a kill there leaves: the final log in place, run.json still "running", the checkpoint kept.
      expect(existsSync(join(out, 'evaluations.parquet'))).toBe(true);
      expect(existsSync(join(out, 'evaluations.parquet.partial'))).toBe(false);
      expect(JSON.parse(read(out, 'run.json')).status).toBe('running');
      expect(() => loadRun(out)).toThrow(/has not finished.*odc run --resume/);
      // A kill leaves its lock behind too.
      writeFileSync(join(out, 'run.lock'), JSON.stringify({ pid: deadPid(), hostname: hostname() }));
      const s = await runStudy({ resumeDir: out, afterResults: () => undefined });
      expect(s.status).toBe('complete');
      expect(s.notes?.join('\n')).toMatch(/stopped while writing its results; finishing it/);
      expectCompleteLikeReference(out);
    },
  );

  it('a run that ends before its first checkpoint, killed in the commit, is redone from the start to the same result', async () => {
    const once = study('no-checkpoint', 'small', SMALL.replace('checkpointEvery: 5', 'checkpointEvery: 50'));
    const ref = await runStudy({
      studyPath: once,
      outDir: join(dir, 'no-checkpoint-ref'),
      afterResults: () => undefined,
    });
    const out = join(dir, 'no-checkpoint');
    stopBefore('pareto.json');
    await expect(runStudy({ studyPath: once, outDir: out })).rejects.toThrow('killed before pareto.json');
    atomicWriteTestHooks.beforeRename = undefined;
    expect(existsSync(join(out, 'checkpoint.json'))).toBe(false);
    expect((await runStudy({ resumeDir: out, afterResults: () => undefined })).status).toBe('complete');
    expect(read(out, 'pareto.json')).toBe(read(ref.runDir, 'pareto.json'));
    expect(read(out, 'evaluations.parquet')).toBe(read(ref.runDir, 'evaluations.parquet'));
  });

  it('killed after run.json says complete, before the checkpoint is removed: report accepts it, resume says it is complete', async () => {
    const out = join(dir, 'commit-checkpoint');
    await runStudy({ studyPath: small, outDir: out, stopAfterGenerations: 10 });
    const cp = read(out, 'checkpoint.json');
    await runStudy({ resumeDir: out, afterResults: () => undefined });
    writeFileSync(join(out, 'checkpoint.json'), cp);
    expect(loadRun(out).meta.status).toBe('complete');
    expect((await rejection(runStudy({ resumeDir: out }))).message).toMatch(/already complete/);
    expect((await odc('report', out)).code).toBe(0);
  });
});

describe('5. symbolic links planted in a run folder are refused, never written through', () => {
  const outside = (): string => {
    const p = join(tempDir('odc-outside-'), 'precious.txt');
    writeFileSync(p, 'precious\n');
    return p;
  };

  it('a link at evaluations.parquet.partial of a new --out folder: refused, its target untouched', async () => {
    const out = join(dir, 'link-log');
    mkdirSync(out);
    const victim = outside();
    symlinkSync(victim, join(out, 'evaluations.parquet.partial'));
    const e = await rejection(runStudy({ studyPath: small, outDir: out }));
    // refused by the one folder rule (a folder holding no run of odc's) before the link is reached; either refusal
    // leaves the link's target untouched
    expect(e.message).toMatch(
      /holds no earlier odc run result|evaluations\.parquet\.partial is a symbolic link; odc does not write through links/,
    );
    expect(read(victim, '')).toBe('precious\n');
    expect(existsSync(join(out, 'run.lock'))).toBe(false);
  });

  it('a link at study.yaml, or at pareto.json of a run being resumed: refused, its target untouched', async () => {
    const out = join(dir, 'link-study');
    mkdirSync(out);
    const victim = outside();
    symlinkSync(victim, join(out, 'study.yaml'));
    expect((await rejection(runStudy({ studyPath: small, outDir: out }))).message).toMatch(
      /holds no earlier odc run result|study\.yaml is a symbolic link/,
    );
    expect(read(victim, '')).toBe('precious\n');

    const run = join(dir, 'link-pareto');
    await runStudy({ studyPath: small, outDir: run, stopAfterGenerations: 7 });
    symlinkSync(victim, join(run, 'pareto.json'));
    expect((await rejection(runStudy({ resumeDir: run }))).message).toMatch(/pareto\.json is a symbolic link/);
    expect(read(victim, '')).toBe('precious\n');
    expect(lstatSync(join(run, 'pareto.json')).isSymbolicLink()).toBe(true);
    // Once the link is gone, the run resumes (its commit was stopped) and completes.
    rmSync(join(run, 'pareto.json'));
    await runStudy({ resumeDir: run, afterResults: () => undefined });
    expectCompleteLikeReference(run);
  });

  it('a link replacing evaluations.parquet.partial of an interrupted run: the resume refuses it (no truncation through it)', async () => {
    const run = join(dir, 'link-resume-log');
    await runStudy({ studyPath: small, outDir: run, stopAfterGenerations: 7 });
    const victim = outside();
    writeFileSync(victim, read(run, 'evaluations.parquet.partial') + 'more precious rows\n');
    const before = read(victim, '');
    rmSync(join(run, 'evaluations.parquet.partial'));
    symlinkSync(victim, join(run, 'evaluations.parquet.partial'));
    expect((await rejection(runStudy({ resumeDir: run }))).message).toMatch(
      /evaluations\.parquet\.partial is a symbolic link/,
    );
    expect(read(victim, '')).toBe(before);
  });

  it('temporary names are random and created exclusively: links planted at the old predictable names are never followed', () => {
    const d = tempDir('odc-link-tmp-');
    const victim = outside();
    const t = join(d, 'run.json');
    symlinkSync(victim, `${t}.tmp-${process.pid}`);
    symlinkSync(victim, `${t}.tmp`);
    let tmpName = '';
    atomicWriteTestHooks.beforeRename = (tmp) => void (tmpName = tmp);
    writeFileAtomic(t, '{}\n');
    expect(basename(tmpName)).toMatch(/^run\.json\.tmp-[0-9a-f]{12}$/);
    expect(read(t, '')).toBe('{}\n');
    expect(read(victim, '')).toBe('precious\n');
  });

  it('writeFileAtomic refuses a target that is a link (it is not replaced and its target is untouched)', () => {
    const d = tempDir('odc-link-target-');
    const victim = outside();
    symlinkSync(victim, join(d, 'report.html'));
    expect(studyErrorOf(() => writeFileAtomic(join(d, 'report.html'), 'x')).message).toMatch(
      /report\.html is a symbolic link/,
    );
    expect(lstatSync(join(d, 'report.html')).isSymbolicLink()).toBe(true);
    expect(read(victim, '')).toBe('precious\n');
    expect(leftovers(d)).toEqual([]);
  });
});

describe('6. study names never escape results/', () => {
  const long = 'x'.repeat(256);

  it.each([
    ['..', 'study'],
    ['.', 'study'],
    ['a/b', 'a-b'],
    ['../../etc', 'etc'],
    ['a\\b', 'a-b'],
    ['', 'study'],
    ['Étude n°1', 'tude-n-1'],
  ])('%j → %j', (name, slug) => {
    expect(studySlug(name)).toBe(slug);
  });

  it('a 256-character name is cut to the cap with a hash, so long names that share a prefix stay apart', () => {
    const a = studySlug(long);
    const b = studySlug(`${'x'.repeat(255)}y`);
    expect(a.length).toBeLessThanOrEqual(SLUG_MAX);
    expect(a).toMatch(/^x+-[0-9a-f]{8}$/);
    expect(b).not.toBe(a);
    expect(studySlug('y'.repeat(SLUG_MAX))).toBe('y'.repeat(SLUG_MAX));
  });

  it.each(['..', '.', 'a/b', long])('the default run folder of %j is one folder below results/', (name) => {
    const d = defaultRunDir(name, 1, new Date('2025-01-02T03:04:05.678Z'));
    const rel = relative('results', d);
    expect(isAbsolute(rel) || rel.startsWith('..')).toBe(false);
    expect(normalize(d).split(sep)).toHaveLength(3);
    for (const part of d.split(sep)) expect(Buffer.byteLength(part)).toBeLessThan(255);
  });

  it('odc run of studies named "..", ".", "a/b" and 256 characters writes under ./results/<slug>/', async () => {
    const cwd = process.cwd();
    const work = tempDir('odc-slug-');
    process.chdir(work);
    try {
      for (const [name, slug] of [
        ['..', 'study'],
        ['.', 'study'],
        ['a/b', 'a-b'],
        [long, studySlug(long)],
      ] as const) {
        const file = study(
          `named-${slug.slice(0, 10)}-${name.length}`,
          name,
          '{ name: nsga3, population: 8, generations: 1, seed: 1 }',
        );
        const s = await runStudy({ studyPath: file, afterResults: () => undefined });
        expect(s.status).toBe('complete');
        expect(s.runDir.startsWith(join('results', slug) + sep)).toBe(true);
        expect(statSync(join(work, s.runDir, 'pareto.json')).isFile()).toBe(true);
      }
      expect(readdirSync(work)).toEqual(['results']);
    } finally {
      process.chdir(cwd);
    }
  });
});
