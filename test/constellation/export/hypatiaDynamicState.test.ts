/**
 * Hypatia's own dynamic-state step (satgenpy, vendored in test/fixtures/hypatia: test/helpers/hypatia.ts) run on the
 * network folder `odc export --format network` writes, as Hypatia's scripts run it: it reads the TLEs with PyEphem,
 * the ISLs, the extended ground stations, the GSL interfaces and the two lengths, checks every ISL against the
 * longest allowed at every step, and writes the forwarding state (fstate_<t ns>.txt: `<node>,<destination station>,
 * <next hop>,<interface>,<next hop's interface>`, only changes after t = 0) and the interface bandwidths. Its output is
 * checked against the folder (every satellite's route to a station runs over isls.txt's links and ends on a GSL;
 * interface counts) and against odc's record of the same design (which station sees a satellite at which instant:
 * Hypatia decides it with PyEphem's SGP4 and description.txt's slant range, odc with its own contact model).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogs } from '../../../src/catalog/load.js';
import { evaluateConstellationWithDetails } from '../../../src/constellation/evaluate.js';
import { loadConstellationSpec } from '../../../src/constellation/evaluator.js';
import { createLpSolver } from '../../../solvers/lp/index.js';
import { odc } from '../../helpers/cli.js';
import { hypatiaDynamicState } from '../../helpers/hypatia.js';
import { tempDir, writeFile } from '../../helpers/tmp.js';

const design = (shell: string, isl: string, stations: string, simulation: string): string => `kind: constellation
name: net
node: ${resolve('designs/ai1.yaml')}
shells:
  - { name: a, altitude_km: 550, inclination_deg: 53, ${shell} }
isl: { topology: grid, terminal: isl-100g${isl} }
ground:
  stations:
${stations}
traffic: { pattern: uniform, demandPerNode_Gbps: 1 }
simulation: { ${simulation} }
`;

// 120 satellites, cross-plane links off above 45°: the ISL graph stays connected; two mid-latitude stations that the
// 53° shell passes over and away from within the 2 h
const GRID = design(
  'planes: 10, satsPerPlane: 12, phasing: 1',
  ', crossPlaneCutoffLatitude_deg: 45',
  `    - { name: Madrid, lat_deg: 40.43, lon_deg: -4.25, capacity_Gbps: 10 }
    - { name: Canberra, lat_deg: -35.40, lon_deg: 148.98, capacity_Gbps: 10 }`,
  'duration_h: 2, step_s: 300, snapshots: 4',
);
const N = 120;
const STATIONS = 2;
const STEPS = 24; // 0, 300, …, 6,900 s: Hypatia's steps, odc's samples 0 … 23
const STEP_NS = 300e9;

const lines = (path: string): string[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l !== '');

let dir: string, out: string, isls: Set<string>, contact: Uint8Array[];
beforeAll(async () => {
  dir = tempDir('odc-hypatia-');
  const file = writeFile(dir, 'grid.yaml', GRID);
  const r = await odc('export', file, '--format', 'network', '--out', join(dir, 'grid'));
  expect(r.code, r.err).toBe(0);
  out = hypatiaDynamicState(dir, 'grid', 300_000, 7200);
  isls = new Set(lines(join(dir, 'grid', 'isls.txt')));
  const spec = loadConstellationSpec(file, loadCatalogs());
  const { details } = evaluateConstellationWithDetails(spec, await createLpSolver());
  contact = details.stations.map((s) => s.inContact);
});

describe("Hypatia's dynamic-state step on odc's network folder", () => {
  it('runs, writing the forwarding state and interface bandwidths of every step', () => {
    const names = readdirSync(out);
    for (let k = 0; k < STEPS; k++) {
      expect(names).toContain(`fstate_${k * STEP_NS}.txt`);
      expect(names).toContain(`gsl_if_bandwidth_${k * STEP_NS}.txt`);
    }
    // at t = 0 every pair: each satellite to each station, each station to the other
    expect(lines(join(out, 'fstate_0.txt'))).toHaveLength(N * STATIONS + STATIONS * (STATIONS - 1));
  });

  it("interfaces as the folder states them: a satellite's ISL count its degree in isls.txt, bandwidth 1", () => {
    const degree = new Array<number>(N).fill(0);
    for (const l of isls) for (const s of l.split(' ').map(Number)) degree[s]! += 1;
    const rows = lines(join(out, 'gsl_if_bandwidth_0.txt'));
    expect(rows).toEqual([
      ...degree.map((d, id) => `${id},${d},1.000000`),
      ...Array.from({ length: STATIONS }, (_, g) => `${N + g},0,1.000000`),
    ]);
    // a 10 × 12 grid: 2 in-plane neighbours each, cross-plane ones where the cutoff leaves a link on at an instant
    expect(Math.min(...degree)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...degree)).toBeLessThanOrEqual(4);
  });

  it("every satellite routes to a station Hypatia sees over isls.txt's links; contacts as odc's record has them", () => {
    const next = new Map<string, number>();
    const seen: string[][] = Array.from({ length: STATIONS }, () => []);
    for (let k = 0; k < STEPS; k++) {
      for (const l of lines(join(out, `fstate_${k * STEP_NS}.txt`))) {
        const [node, dst, hop] = l.split(',').map(Number) as [number, number, number];
        next.set(`${node} ${dst}`, hop);
      }
      for (let g = 0; g < STATIONS; g++) {
        const dst = N + g;
        const routed = Array.from({ length: N }, (_, s) => next.get(`${s} ${dst}`) !== -1);
        // one connected ISL graph: every satellite reaches the station, or none does (no satellite in range)
        expect(routed.every((x) => x === routed[0])).toBe(true);
        seen[g]!.push(routed[0] ? '1' : '0');
        if (!routed[0]) continue;
        for (let s = 0; s < N; s++) {
          let at = s;
          for (let hops = 0; at !== dst; hops++) {
            expect(hops).toBeLessThan(N);
            const hop = next.get(`${at} ${dst}`)!;
            if (hop !== dst) expect(isls.has(`${Math.min(at, hop)} ${Math.max(at, hop)}`)).toBe(true);
            at = hop;
          }
        }
      }
      // station to station: a first satellite exactly when both stations see one
      const both = seen.every((c) => c[k] === '1');
      for (let g = 0; g < STATIONS; g++)
        for (let h = 0; h < STATIONS; h++) if (g !== h) expect(next.get(`${N + g} ${N + h}`) !== -1).toBe(both);
    }
    // odc's record of the same design, sample by sample (its samples are Hypatia's steps)
    for (let g = 0; g < STATIONS; g++) {
      const record = Array.from(contact[g]!.subarray(0, STEPS)).join('');
      expect(seen[g]!.join(''), `station ${g}`).toBe(record);
      expect(record).toMatch(/0/); // each station both in and out of contact: the comparison is not trivial
      expect(record).toMatch(/1/);
    }
  });

  it('a shell whose links Earth blocks at some instants: isls.txt keeps the steady ones, Hypatia runs on it', async () => {
    // 6 planes 60° apart: a cross-plane pair is in sight near the turning latitudes and blocked near the equator, so
    // an instant's links include some that Hypatia's step refuses at another ("exceeded the maximum ISL length")
    const file = writeFile(
      dir,
      'sparse.yaml',
      design(
        'planes: 6, satsPerPlane: 10',
        '',
        '    - { name: Madrid, lat_deg: 40.43, lon_deg: -4.25, capacity_Gbps: 10 }',
        'duration_h: 2, step_s: 300, snapshots: 4',
      ),
    );
    const r = await odc('export', file, '--format', 'network', '--out', join(dir, 'sparse'));
    expect(r.code, r.err).toBe(0);
    const steady = lines(join(dir, 'sparse', 'isls.txt'));
    const instants = new Set(
      lines(join(dir, 'sparse', 'isl_instants.txt')).map((l) => l.split(' ').slice(2).join(' ')),
    );
    for (const l of steady) expect(instants.has(l)).toBe(true);
    expect(steady.length).toBeLessThan(instants.size);
    // the in-plane ring (10 satellites 36° apart, 4,282 km at 550 km: under the 4,912 km line of sight) stays
    expect(steady.length).toBeGreaterThanOrEqual(60);
    const sparse = hypatiaDynamicState(dir, 'sparse', 60_000, 1200);
    expect(existsSync(join(sparse, `fstate_${19 * 60e9}.txt`))).toBe(true);
  });
});
