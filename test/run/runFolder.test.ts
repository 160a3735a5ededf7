/**
 * The run folder (src/run/runFolder.ts): temporary files of the atomic writer (`<target>.tmp-<12 hex>`) left by a
 * killed process are removed when the run is resumed (the folder's lock is held then, so nobody else can be writing
 * them); other files stay.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStudy } from '../../src/index.js';
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
