/**
 * The network folder read back as Hypatia's satgenpy reads it (read_tles.py, read_isls.py, read_ground_stations.py:
 * their checks restated here, no odc code), and the links per instant counted from isl_instants.txt against odc's
 * record of the same design (evaluateConstellationWithDetails: per instant and link class, links less those off),
 * on a 10 × 12 grid at 53° with a 45° cross-plane cutoff, so links come and go between the solved instants.
 */
import { existsSync, readFileSync } from 'node:fs';
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

  it("ground_stations.txt: Hypatia's extended 8 columns, ECEF metres on WGS72", () => {
    // read_ground_stations_extended: 8 comma-separated columns, gid counting from 0 (hypatia satgenpy,
    // ground_stations/read_ground_stations.py); x, y, z as extend_ground_stations.py: WGS72 geodetic → ECEF
    const rows = files['ground_stations.txt']!.trimEnd()
      .split('\n')
      .map((l) => l.split(','));
    expect(rows.map((r) => r.slice(0, 5))).toEqual([
      ['0', 'Svalbard', '78.230000', '15.390000', '0.000000'],
      ['1', 'Punta_Arenas', '-53.150000', '-70.920000', '0.000000'],
    ]);
    // hand calculation, WGS72 a = 6,378,135 m, f = 1/298.26 (NIMA TR8350.2 App. and Hypatia's geodetic2cartesian):
    // N = a / √(1 − e² sin²φ), x = N cosφ cosλ, y = N cosφ sinλ, z = N (1 − e²) sinφ
    const e2 = 2 / 298.26 - 1 / 298.26 ** 2;
    for (const [k, [lat, lon]] of [
      [78.23, 15.39],
      [-53.15, -70.92],
    ].entries()) {
      const [p, l] = [(lat! * Math.PI) / 180, (lon! * Math.PI) / 180];
      const n = 6378135 / Math.sqrt(1 - e2 * Math.sin(p) ** 2);
      const xyz = [n * Math.cos(p) * Math.cos(l), n * Math.cos(p) * Math.sin(l), n * (1 - e2) * Math.sin(p)];
      expect(rows[k]!).toHaveLength(8);
      for (let i = 0; i < 3; i++) expect(Number(rows[k]![5 + i])).toBeCloseTo(xyz[i]!, 5);
    }
  });

  it('description.txt and gsl_interfaces_info.txt as Hypatia reads them; shells.txt the orbit structure', () => {
    // generate_description.py: max_gsl_length_m=%.10f, max_isl_length_m=%.10f
    const lines = files['description.txt']!.trimEnd().split('\n');
    expect(lines.map((l) => l.split('=')[0])).toEqual(['max_gsl_length_m', 'max_isl_length_m']);
    for (const l of lines) expect(l).toMatch(/=\d+\.\d{10}$/);
    const [gsl, isl] = lines.map((l) => Number(l.split('=')[1]));
    // hand calculation, R = 6,378,135 m, h = 550 km, ε = 25° (the design's default mask): slant range
    // √((R+h)² − (R cos ε)²) − R sin ε = √(6,928,135² − 5,780,553²) − 2,695,516 = 3,818,934 − 2,695,516 ≈ 1,123,418 m
    expect(gsl).toBeWithinRelative(1_123_418, 1e-5);
    // line of sight over the 100 km grazing height, 2√((R+h)² − (R+100 km)²) = 2√(450,000 × 13,406,270) ≈ 4,912,360 m,
    // under the isl-100g terminal's 5,000 km range
    expect(isl).toBeWithinRelative(4_912_360, 1e-5);
    // read_gsl_interfaces_info.py: <node id>,<interfaces ≥ 1>,<bandwidth > 0>, ids 0 … satellites + stations − 1
    const gs = files['gsl_interfaces_info.txt']!.trimEnd().split('\n');
    expect(gs).toHaveLength(120 + 2);
    for (const [k, l] of gs.entries()) expect(l).toBe(`${k},1,1.0`);
    expect(files['shells.txt']!.trimEnd().split('\n')).toEqual(['0,a,0,10,12,550000,53']);
  });

  it('odc export <constellation file> --format network --out <folder> writes every file', async () => {
    const out = join(dir, 'net-out');
    const r = await odc('export', file, '--format', 'network', '--out', out);
    expect(r.code).toBe(0);
    for (const [name, text] of Object.entries(files)) expect(readFileSync(join(out, name), 'utf8')).toBe(text);
    const noOut = await odc('export', file, '--format', 'network');
    expect(noOut.code).toBe(2);
    expect(noOut.err).toContain('--format network writes 7 files: give --out <folder>');
  });

  it('a design past Alpha-5 (the 1M design) is refused with nothing written, no folder left', async () => {
    const out = join(dir, 'net-1m');
    const r = await odc('export', 'designs/constellations/spacex-odc-1m.yaml', '--format', 'network', '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--format omm');
    expect(existsSync(out)).toBe(false);
  });
});

describe('network folder of two shells, walked shell by shell', () => {
  it('ring links: isls.txt and each instant are the hand-listed rings, ids offset by the shell before, ascending', () => {
    // shell a: 3 planes × 12 at 550 km (ids 0–35), shell b: 4 planes × 10 at 700 km (ids 36–75); a ring joins
    // (p, s)–(p, s+1 mod S). Chords 2r sin(π/S): 3,586 km (a) and 4,374 km (b), under the 5,000 km terminal range and
    // the 4,912 km line of sight of shell a, their lowest points 314 and 353 km up: every link on at every instant
    // and steady over the orbit.
    const yaml = `kind: constellation
name: rings
node: ${resolve('designs/ai1.yaml')}
shells:
  - { name: a, altitude_km: 550, inclination_deg: 53, planes: 3, satsPerPlane: 12, phasing: 1 }
  - { name: b, altitude_km: 700, inclination_deg: 70, planes: 4, satsPerPlane: 10, phasing: 1 }
isl: { topology: ring, terminal: isl-100g }
traffic: { pattern: uniform, demandPerNode_Gbps: 1 }
simulation: { duration_h: 1, step_s: 300, snapshots: 2 }
`;
    const rings = loadConstellationSpec(writeFile(tempDir('odc-net-rings-'), 'rings.yaml', yaml), loadCatalogs());
    const text: Record<string, string> = {};
    for (const [name, produce] of Object.entries(writeNetworkFolder(rings, {}))) {
      text[name] = '';
      produce((c) => void (text[name] += c));
    }
    const hand: [number, number][] = [];
    for (const [first, P, S] of [
      [0, 3, 12],
      [36, 4, 10],
    ] as const)
      for (let p = 0; p < P; p++)
        for (let s = 0; s < S; s++) {
          const [u, v] = [first + p * S + s, first + p * S + ((s + 1) % S)];
          hand.push([Math.min(u, v), Math.max(u, v)]);
        }
    hand.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    const expected = hand.map(([a, b]) => `${a} ${b}`);
    expect(text['tles.txt']!.split('\n')[0]).toBe('1 76');
    expect(text['isls.txt']!.trimEnd().split('\n')).toEqual(expected);
    const instants = text['isl_instants.txt']!.trimEnd().split('\n');
    const samples = [...new Set(instants.map((l) => l.split(' ')[0]))];
    expect(samples).toHaveLength(2); // snapshots: 2
    const perSample = samples.map((k) => instants.filter((l) => l.split(' ')[0] === k));
    // each instant's lines together, in the order of the samples, each instant's pairs the hand-listed ones in order
    expect(perSample.flat()).toEqual(instants);
    for (const lines of perSample) {
      expect(lines.map((l) => l.split(' ').slice(2).join(' '))).toEqual(expected);
      const [k, t] = lines[0]!.split(' ').map(Number) as [number, number];
      expect(t).toBe(k * 300);
    }
    expect(
      text['shells.txt']!.trimEnd()
        .split('\n')
        .map((l) => l.split(',').slice(0, 5).join(',')),
    ).toEqual(['0,a,0,3,12', '1,b,36,4,10']);
  });
});
