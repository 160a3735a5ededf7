/**
 * A TLE export past the Alpha-5 catalog numbers (339,999; 240,000 satellites from the default base 100,000) is the
 * user's choice of format, not a bug: exit 2 with the limit and the alternative, and no partial file left behind.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStudy } from '../../../src/index.js';
import { odc } from '../../helpers/cli.js';
import { tempDir, writeFile } from '../../helpers/tmp.js';

const dir = tempDir('odc-export-limits-');

describe('odc export --format tle past the Alpha-5 limit', () => {
  it('250,000 satellites: exit 2 naming the limit and OMM, no file written', async () => {
    const study = writeFile(
      dir,
      'big.yaml',
      `name: big
kind: constellation
node: ${resolve('designs/ai1.yaml')}
nodeSizing: closed
shells:
  - { name: a, altitude_km: 550, inclination_deg: 53, planes: 500, satsPerPlane: 500, phasing: 1 }
isl: { topology: none }
simulation: { duration_h: 0.5, step_s: 600, snapshots: 1 }
environment: { minSeparation_km: 0.001 }
variables:
  shells.a.altitude_km: [540, 560]
objectives:
  - minimize: totals.lcoc_USD_per_PFLOP_day
  - maximize: totals.deliveredPFLOPS
algorithm: { name: nsga2, population: 4, generations: 1, seed: 1 }
`,
    );
    const run = (await runStudy({ studyPath: study, outDir: join(dir, 'run') })).runDir;
    const out = join(dir, 'big.tle');
    const r = await odc('export', run, '--design', 'knee', '--format', 'tle', '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      '--format tle: 250000 satellites from catalog number 100000 exceed the TLE limit 339999 (Alpha-5); export OMM instead',
    );
    expect(r.err).not.toMatch(/internal error|\n\s+at /);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('big.tle'))).toEqual([]);
  });
});
