/**
 * Output targets that cannot be written: every command that writes (odc run, compare, export) refuses them with
 * exit 2 and one line naming the path and the fix, before any work is written, instead of an internal error.
 */
import { execFileSync } from 'node:child_process';
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
const long = join(dir, 'x'.repeat(300));

describe('odc run --out that cannot be a run folder', () => {
  it.each([
    ['an existing file', file, /is a file, not a folder/],
    ['a path under a file', join(file, 'sub'), /a part of the path is a file, not a folder/],
    ['a dangling symbolic link', join(dir, 'dangling'), /is a symbolic link/],
    ['a FIFO', fifo, /is a device, pipe or socket, not a folder/],
    ['/dev/null', '/dev/null', /is a device, pipe or socket, not a folder/],
    ['a folder no file can be created in (/proc/self/)', '/proc/self/', /cannot write there/],
    ['a 300-character name', long, /the name is too long for the file system/],
  ])('%s: exit 2, one line', async (_, out, message) => {
    const r = await odc('run', study, '--out', out, '--quiet');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toContain('--out');
    expect(r.err.trim().split('\n')).toHaveLength(1);
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
