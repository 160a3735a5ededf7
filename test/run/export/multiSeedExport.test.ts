/**
 * `odc export` on a multi-seed folder (src/run/export/export.ts `seedRunOf`): the union decision's design with the
 * selector asked for is exported from the seed folder that found it, as exporting that index from that folder does.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { StudyError } from '../../../src/base/errors.js';
import { exportDesign } from '../../../src/run/export/export.js';
import { loadRun } from '../../../src/run/loadRun.js';
import { FLAGSHIP, FLAGSHIP_ALGORITHM, tempDir, tinyRun } from '../../report/helpers.js';

let multi: string;
let seedRun: string;
let lastIndex: number;

beforeAll(async () => {
  const dir = tempDir('odc-multiexport-');
  seedRun = await tinyRun(dir, FLAGSHIP, FLAGSHIP_ALGORITHM, { out: 'single' });
  // a multi-seed folder whose union answer is, by construction, the last design of seed 42's front
  const designs = loadRun(seedRun, { evaluations: false }).pareto.designs;
  lastIndex = designs[designs.length - 1]!.index;
  multi = join(dir, 'multi');
  mkdirSync(multi);
  cpSync(seedRun, join(multi, 'seed-42'), { recursive: true });
  writeFileSync(
    join(multi, 'seeds.json'),
    JSON.stringify({ decision: { designs: [{ selectors: ['knee'], index: lastIndex, seed: 42 }] } }),
  );
}, 600_000);

describe('export from a multi-seed folder', () => {
  it("writes the union answer's design: the same text as exporting its index from its seed's folder", () => {
    const fromMulti = exportDesign(multi, { design: 'knee', format: 'json' });
    const fromSeed = exportDesign(join(multi, 'seed-42'), { design: String(lastIndex), format: 'json' });
    expect(fromMulti.design.index).toBe(lastIndex);
    expect(fromMulti.text).toBe(fromSeed.text);
  });

  it('refuses a selector the union decision does not name, listing the ones it does and the seed folders', () => {
    expect(() => exportDesign(multi, { design: 'best:mass.launch_kg', format: 'yaml' })).toThrow(StudyError);
    expect(() => exportDesign(multi, { design: '3', format: 'yaml' })).toThrow(/multi-seed run.*\(knee\).*seed-<s>/);
  });

  it('a single run folder is exported as before', () => {
    expect(exportDesign(seedRun, { design: String(lastIndex), format: 'json' }).design.index).toBe(lastIndex);
  });
});
