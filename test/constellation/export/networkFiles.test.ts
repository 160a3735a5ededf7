/**
 * The network folder read back as Hypatia's satgenpy reads it (read_tles.py, read_isls.py, read_ground_stations.py:
 * their checks restated here, no odc code), and the links per instant counted from isl_instants.txt against odc's
 * record of the same design (evaluateConstellationWithDetails: per instant and link class, links less those off),
 * on a 10 × 12 grid at 53° with a 45° cross-plane cutoff, so links come and go between the solved instants.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogs } from '../../../src/catalog/load.js';
import type { ConstellationSpec } from '../../../src/constellation/design/compile.js';
import { evaluateConstellationWithDetails } from '../../../src/constellation/evaluate.js';
import { loadConstellationSpec } from '../../../src/constellation/evaluator.js';
import { writeNetworkFolder } from '../../../src/constellation/export/networkFiles.js';
import { shellBstars } from '../../../src/constellation/export/exportSatellites.js';
import { createLpSolver } from '../../../solvers/lp/index.js';
import { odc } from '../../helpers/cli.js';
import { tempDir, writeFile } from '../../helpers/tmp.js';

const YAML = `kind: constellation
name: net
node: ${resolve('designs/ai1.yaml')}
shells:
  - { name: a, altitude_km: 550, inclination_deg: 53, planes: 10, satsPerPlane: 12, phasing: 1 }
isl: { topology: grid, terminal: isl-100g, crossPlaneCutoffLatitude_deg: 45 }
ground:
  stations:
    - { name: Svalbard, lat_deg: 78.23, lon_deg: 15.39, capacity_Gbps: 10 }
    - { name: Punta Arenas, lat_deg: -53.15, lon_deg: -70.92, capacity_Gbps: 10 }
traffic: { pattern: uniform, demandPerNode_Gbps: 1 }
simulation: { duration_h: 2, step_s: 300, snapshots: 4 }
`;

let dir: string, file: string, spec: ConstellationSpec, files: Record<string, string>;
let recordCounts: Map<number, number>;
beforeAll(async () => {
  dir = tempDir('odc-net-');
  file = writeFile(dir, 'net.yaml', YAML);
  spec = loadConstellationSpec(file, loadCatalogs());
  files = {};
  const folder = writeNetworkFolder(spec, { bstar_per_earth_radius: shellBstars(spec) });
  for (const [name, produce] of Object.entries(folder)) {
    let text = '';
    produce((c) => void (text += c));
    files[name] = text;
  }
  const { details } = evaluateConstellationWithDetails(spec, await createLpSolver());
  recordCounts = new Map(
    details.networkInstants[0]!.instants.map((i) => [
      i.sampleIndex,
      i.classes.reduce((n, c) => n + c.links - c.off, 0),
    ]),
  );
});

describe('network folder in Hypatia layout', () => {
  it("tles.txt: '<orbits> <per orbit>', then name lines whose second token counts 0, 1, … and two TLE lines", () => {
    const lines = files['tles.txt']!.trimEnd().split('\n');
    expect(lines[0]).toBe('10 12');
    expect(lines.length).toBe(1 + 120 * 3);
    for (let i = 0; i < 120; i++) {
      expect(Number(lines[1 + 3 * i]!.split(/\s+/)[1])).toBe(i); // read_tles: sid = int(name.split()[1])
      expect(lines[2 + 3 * i]!.startsWith('1 ')).toBe(true);
      expect(lines[3 + 3 * i]!.startsWith('2 ')).toBe(true);
      expect(lines[2 + 3 * i]!.slice(18, 32)).toBe('26079.00000000'); // read_tles: one epoch for all (20 March)
    }
  });

  it('isls.txt: a < b < 120, no duplicates; the union of the links of every instant', () => {
    const pairs = files['isls.txt']!.trimEnd()
      .split('\n')
      .map((l) => l.split(' ').map(Number) as [number, number]);
    const seen = new Set<string>();
    for (const [a, b] of pairs) {
      expect(a < b && b < 120 && a >= 0).toBe(true);
      expect(seen.has(`${a} ${b}`)).toBe(false);
      seen.add(`${a} ${b}`);
    }
    const instantPairs = new Set(
      files['isl_instants.txt']!.trimEnd()
        .split('\n')
        .map((l) => l.split(' ').slice(2).join(' ')),
    );
    expect(seen).toEqual(instantPairs);
    // a 10 × 12 grid (torus): 120 in-plane + 120 cross-plane links at most
    expect(seen.size).toBeLessThanOrEqual(240);
  });

  it("isl_instants.txt: links per solved instant as odc's record counts them, fewer than the grid's 240", () => {
    const perInstant = new Map<number, number>();
    const times = new Map<number, number>();
    for (const l of files['isl_instants.txt']!.trimEnd().split('\n')) {
      const [k, t] = l.split(' ').map(Number) as [number, number];
      perInstant.set(k, (perInstant.get(k) ?? 0) + 1);
      times.set(k, t);
    }
    expect(perInstant).toEqual(recordCounts);
    expect(perInstant.size).toBe(4); // snapshots: 4
    for (const [k, t] of times) expect(t).toBe(k * 300);
    expect(Math.max(...perInstant.values())).toBeLessThan(240); // the 45° cutoff switches cross-plane links off
    expect(Math.min(...perInstant.values())).toBeGreaterThanOrEqual(120); // in-plane links stay on
  });

  it('ground_stations.txt: gid,name,lat,lon,elevation, ids from 0, names without commas or spaces', () => {
    const rows = files['ground_stations.txt']!.trimEnd()
      .split('\n')
      .map((l) => l.split(','));
    expect(rows).toEqual([
      ['0', 'Svalbard', '78.230000', '15.390000', '0.0'],
      ['1', 'Punta_Arenas', '-53.150000', '-70.920000', '0.0'],
    ]);
  });

  it('odc export <constellation file> --format network --out <folder> writes the four files', async () => {
    const out = join(dir, 'net-out');
    const r = await odc('export', file, '--format', 'network', '--out', out);
    expect(r.code).toBe(0);
    for (const [name, text] of Object.entries(files)) expect(readFileSync(join(out, name), 'utf8')).toBe(text);
    const noOut = await odc('export', file, '--format', 'network');
    expect(noOut.code).toBe(2);
    expect(noOut.err).toContain('--format network writes 4 files: give --out <folder>');
  });
});
