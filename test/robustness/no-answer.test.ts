/**
 * A front with no answer: a real constellation run whose every Pareto design misses one of its nodes' requirements
 * (one SSO shell at 1,300 km, where the nodes' radiation dose exceeds their design margin) completes with exit 0 and
 * its report, `odc report` redraws it, and `odc export --design knee` says why there is no knee (exit 2) while a
 * design named by its index still exports: report and decision code never read a design that is not there.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { odc } from '../helpers/cli.js';
import { tempDir, writeFile } from '../helpers/tmp.js';

const dir = tempDir('odc-no-answer-');
const run = join(dir, 'run');
let first: { code: number; out: string; err: string };

beforeAll(async () => {
  copyFileSync('designs/ai1.yaml', join(dir, 'ai1.yaml'));
  const study = writeFile(
    dir,
    'high-sso.yaml',
    `name: high-sso
kind: constellation
node: ai1.yaml
nodeSizing: closed
shells:
  - { name: a, altitude_km: 1300, inclination_deg: sso, planes: 6, satsPerPlane: 8 }
isl: { topology: grid, terminal: isl-100g }
traffic: { pattern: uniform, demandPerNode_Gbps: 1 }
simulation: { duration_h: 1, step_s: 300, snapshots: 1 }
variables:
  shells.a.planes: { int: [4, 8] }
  shells.a.satsPerPlane: { int: [6, 10] }
objectives:
  - minimize: totals.lcocDiscounted_USD_per_PFLOP_day
  - maximize: network.throughputPerNode_Gbps
algorithm: { name: nsga2, population: 8, generations: 2, seed: 1 }
`,
  );
  first = await odc('run', study, '--out', run, '--quiet');
}, 300_000);

describe('a constellation front whose every design misses a requirement', () => {
  it('odc run completes with its report; odc report redraws it', { timeout: 300_000 }, async () => {
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    const pareto = JSON.parse(readFileSync(join(run, 'pareto.json'), 'utf8')) as { designs: unknown[] };
    expect(pareto.designs.length).toBeGreaterThan(0);
    expect(first.out).toMatch(/No Pareto design meets every requirement/);
    const r = await odc('report', run);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const svg = readFileSync(join(run, 'front-knee.svg'), 'utf8');
    expect(svg).not.toContain('knee: design'); // no knee is marked: there is none
  });

  it('odc export --design knee exits 2 naming why; an index still exports', async () => {
    const k = await odc('export', run, '--design', 'knee', '--format', 'json');
    expect(k.code).toBe(2);
    expect(k.err).toMatch(/^odc: .*No Pareto design meets every requirement.*Name a design by its index/);
    const index = (JSON.parse(readFileSync(join(run, 'pareto.json'), 'utf8')) as { designs: { index: number }[] })
      .designs[0]!.index;
    const d = await odc('export', run, '--design', String(index), '--format', 'json');
    expect(d.code).toBe(0);
    expect(JSON.parse(d.out)).toHaveProperty('shells');
  });
});
