/**
 * Output targets that cannot be written: every command that writes (odc run, compare, export) refuses them with
 * exit 2 and one line naming the path and the fix, before any work is written, instead of an internal error.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStudy } from '../../src/index.js';
import { odc } from '../helpers/cli.js';
import { tempDir, writeFile } from '../helpers/tmp.js';
import { benchmarkStudy } from '../helpers/benchmarkStudy.js';

const dir = tempDir('odc-out-');
const study = benchmarkStudy(dir, 'zdt1.yaml', {
  name: 'out',
  variables: 4,
  algorithm: { name: 'nsga2', population: 8, generations: 2, seed: 1 },
});
const file = writeFile(dir, 'a-file', 'x');
const fifo = join(dir, 'fifo');
execFileSync('mkfifo', [fifo]);
symlinkSync(join(dir, 'missing', 'target'), join(dir, 'dangling'));
symlinkSync('/proc/self', join(dir, 'proc-link'));
symlinkSync(join(dir, 'loop'), join(dir, 'loop'));
const long = join(dir, 'x'.repeat(300));

describe('odc run --out that cannot be a run folder', () => {
  it.each([
    ['an existing file', file, /is a file, not a folder/],
    ['a path under a file', join(file, 'sub'), /a part of the path is a file, not a folder/],
    ['a dangling symbolic link', join(dir, 'dangling'), /is a symbolic link/],
    ['a FIFO', fifo, /is a device, pipe or socket, not a folder/],
    ['/dev/null', '/dev/null', /is a device, pipe or socket, not a folder/],
    ['a folder in /proc', '/proc/self/', /is in \/proc \(through a link, to \/proc\/\d+\), a kernel file system/],
    // Node's recursive mkdir retried this for ever at 100 % CPU
    ['a new folder under /proc', '/proc/self/a/b', /is in \/proc \(through a link, to \/proc\/\d+\)/],
    ['a new folder through a link into /proc', join(dir, 'proc-link', 'a'), /is in \/proc \(through a link/],
    ['a new folder under /sys', '/sys/odc-results', /is in \/sys, a kernel file system/],
    ['a folder through a symbolic-link loop', join(dir, 'loop', 'a'), /cannot write there: too many symbolic links/],
    ['a 300-character name', long, /the name is too long for the file system/],
  ])('%s: exit 2, one line', async (_, out, message) => {
    const r = await odc('run', study, '--out', out, '--quiet');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toContain('--out');
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('a default results folder that is a link into /proc (a real process, bounded in time)', () => {
  it('odc run exits 2 with the folder named instead of spinning on mkdir', () => {
    const cwd = join(dir, 'proc-cwd');
    mkdirSync(cwd);
    symlinkSync('/proc/self', join(cwd, 'results'));
    const r = spawnSync(process.execPath, [resolve('dist/src/entries/cli/bin.js'), 'run', resolve(study), '--quiet'], {
      cwd,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.error).toBeUndefined(); // not killed by the timeout
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--out results[/\\]out[/\\]\S+ is in \/proc \(through a link/);
  });
});

describe('odc export --out and odc compare --out', () => {
  it('export refuses a folder, a missing folder and a name too long; compare refuses a file', async () => {
    const run = (await runStudy({ studyPath: study, outDir: join(dir, 'run') })).runDir;
    mkdirSync(join(dir, 'a-folder'));
    const cases: [string, RegExp][] = [
      [join(dir, 'a-folder'), /is a folder: give a file name/],
      [join(dir, 'nowhere', 'x.json'), /the folder .*nowhere does not exist/],
      [`${long}.json`, /the name is too long/],
    ];
    for (const [out, message] of cases) {
      const r = await odc('export', run, '--design', 'knee', '--format', 'json', '--out', out);
      expect(r.code, out).toBe(2);
      expect(r.err).toMatch(message);
    }
    const ok = await odc('export', run, '--design', 'knee', '--format', 'json', '--out', join(dir, 'knee.json'));
    expect(ok.code).toBe(0);
    writeFileSync(join(dir, 'b-file'), 'x');
    const c = await odc('compare', run, run, '--out', join(dir, 'b-file'), '--quiet');
    expect(c.code).toBe(2);
    expect(c.err).toMatch(/is a file, not a folder/);
    expect(resolve(run)).toContain(dir);
  });
});
