/**
 * The run folder (src/run/runFolder.ts): temporary files of the atomic writer (`<target>.tmp-<12 hex>`) left by a
 * killed process are removed when the run is resumed (the folder's lock is held then, so nobody else can be writing
 * them); other files stay. run.lock is read as a lock only when it holds one as odc writes it.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStudy } from '../../src/index.js';
import { readLock } from '../../src/run/runFolder.js';
import { tempDir } from '../helpers/tmp.js';
import { benchmarkStudy } from '../helpers/benchmarkStudy.js';

describe('stray temporary files', () => {
  it('are removed on resume, with a note; files that only look alike are kept', async () => {
    const dir = tempDir('odc-strays-');
    const study = benchmarkStudy(dir, 'z.yaml', {
      name: 'z',
      algorithm: { name: 'nsga2', population: 20, generations: 12, seed: 1, checkpointEvery: 4 },
    });
    const out = join(dir, 'run');
    expect((await runStudy({ studyPath: study, outDir: out, stopAfterGenerations: 6 })).status).toBe('interrupted');
    const strays = ['pareto.json.tmp-0123456789ab', 'checkpoint.json.tmp-a1b2c3d4e5f6'];
    const keep = ['notes.tmp-keep', 'pareto.json.tmp-XYZ'];
    for (const f of [...strays, ...keep]) writeFileSync(join(out, f), 'partial');
    const resumed = await runStudy({ resumeDir: out });
    expect(resumed.status).toBe('complete');
    for (const f of strays) expect(existsSync(join(out, f))).toBe(false);
    for (const f of keep) expect(existsSync(join(out, f))).toBe(true);
    expect(resumed.notes?.join(' ')).toMatch(/removed 2 temporary file\(s\)/);
  });
});

describe('readLock', () => {
  it('names the holder of a lock odc writes, and no holder for a file that is not one', () => {
    const dir = tempDir('odc-lock-');
    const path = join(dir, 'run.lock');
    const lock = { pid: 4242, hostname: 'h', startedAt: '2026-01-01T00:00:00.000Z', token: 'ab' };
    writeFileSync(path, JSON.stringify(lock));
    expect(readLock(path)).toEqual(lock);
    for (const bad of [{ ...lock, pid: '4242' }, { ...lock, pid: 1.5 }, { ...lock, token: 7 }, null, [1]]) {
      writeFileSync(path, JSON.stringify(bad));
      expect(readLock(path)).toBeUndefined();
    }
    writeFileSync(path, '{"pid": 42');
    expect(readLock(path)).toBeUndefined();
    expect(readLock(join(dir, 'absent.lock'))).toBeUndefined();
  });
});
