/**
 * Input that used to be accepted and then failed every evaluation, gave a silent default, or wrote raw control
 * characters: each now exits 2 with the file, the field and the fix (no stack trace).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { odc } from '../helpers/cli.js';
import { tempDir, writeFile } from '../helpers/tmp.js';

const dir = tempDir('odc-bad-keys-');
const constellation = (
  extra: string,
  shells = '  - { name: a, altitude_km: 550, inclination_deg: 53, planes: 4, satsPerPlane: 4, phasing: 1 }',
): string => `name: c
kind: constellation
node: ${resolve('designs/ai1.yaml')}
shells:
${shells}
isl: { topology: none }
${extra}
`;
const study = (extra: string): string =>
  constellation(`ground: { stations: [svalsat, trollsat] }
${extra}
objectives:
  - minimize: totals.lcoc_USD_per_PFLOP_day
  - maximize: totals.deliveredPFLOPS
algorithm: { name: nsga2, population: 4, generations: 1, seed: 1 }`);

async function expectExit2(
  file: string,
  text: string,
  field: RegExp,
  fix: RegExp,
  args: string[] = ['evaluate'],
): Promise<void> {
  const path = writeFile(dir, file, text);
  const r = await odc(...args, path);
  expect(r.code, r.out + r.err).toBe(2);
  expect(r.err).toContain(file);
  expect(r.err).toMatch(field);
  expect(r.err).toMatch(fix);
  expect(r.err).not.toMatch(/\n\s+at /);
}

describe('bad keys exit 2 with the field and the fix', () => {
  it('two shells with one name', () =>
    expectExit2(
      'dup.yaml',
      constellation(
        '',
        '  - { name: a, altitude_km: 550, inclination_deg: 53, planes: 4, satsPerPlane: 4, phasing: 1 }\n  - { name: a, altitude_km: 600, inclination_deg: 53, planes: 4, satsPerPlane: 4, phasing: 1 }',
      ),
      /shells\.1\.name|shells\[1\]\.name|:6:/,
      /already the name of shells\[0\]: give each shell its own name/,
    ));

  it('launch milestones in the wrong order', () =>
    expectExit2(
      'milestones.yaml',
      constellation('launch: { milestones: { half_yr: 9, full_yr: 6 } }'),
      /half_yr/,
      /comes after the 100 % milestone \(6 yr\): half_yr must be ≤ full_yr/,
    ));

  it('ground.stationCount above the gateways listed', () =>
    expectExit2(
      'stations.yaml',
      study('variables:\n  ground.stationCount: { int: [1, 5] }'),
      /variables\.ground\.stationCount/,
      /lists 2; lower the largest count to 2 or list more stations/,
      ['run', '--out', `${dir}/stations-run`],
    ));

  it('a node.design variable without node.from', () =>
    expectExit2(
      'design.yaml',
      study('variables:\n  node.design: { choice: [0, 1] }'),
      /variables\.node\.design/,
      /write node: \{ from: results\/<node-study>\/<run-id> \}/,
      ['run', '--out', `${dir}/design-run`],
    ));

  it('a lognormal so wide its samples leave every model (gsd 1e300)', () => {
    const text = readFileSync('designs/ai1-uncertainty.yaml', 'utf8').replace(/gsd: [0-9.]+/, 'gsd: 1e300');
    expect(text).toContain('gsd: 1e300');
    return expectExit2('gsd.yaml', text, /gsd/, /must be ≤ 1000 .*check the units/, [
      'uncertainty',
      '--samples',
      '16',
      '--out',
      `${dir}/gsd-run`,
    ]);
  });

  it('a name with a NUL byte', () =>
    expectExit2(
      'nul.yaml',
      constellation('').replace('name: c', 'name: "c\\0d"'),
      /name/,
      /without control characters/,
    ));

  it('a name with a right-to-left override (it would read "invoiceexe.jpg" in the report and terminal)', () =>
    expectExit2(
      'rlo.yaml',
      constellation('').replace('name: c', 'name: "invoice\\u202Egpj.exe"'),
      /name/,
      /invisible format characters \(bidirectional controls such as U\+202E/,
    ));

  it('--out given as an empty string', async () => {
    const r = await odc('run', 'designs/benchmarks/zdt1.yaml', '--out', '');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--out needs a path/);
  });
});
