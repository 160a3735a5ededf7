/**
 * The process-wide memos of a constellation evaluation (reference orbits, shell links and networks in evaluate.ts,
 * torus path types, hulls and LPs, the self-conjunction screens) never hand one design's shell result to another:
 * with the memos warm from a base design, a design that differs from it in one input that defines a shell's result
 * gets the record a process with empty memos computes (the oracle: the same modules loaded afresh, vi.resetModules).
 * Each input is also shown to change the record, so a stale hit (the base's shell result) would fail the test.
 * Two shells, a Walker delta shell (torus models) and an sso-ltan band (open cylinder), on the reduced models
 * (maxFullLpColumns 100: their exact LPs take tens of seconds each); the lean evaluation the optimizer uses.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createLpSolver } from '../../solvers/lp/index.js';
import { loadCatalogs } from '../../src/catalog/load.js';
import { evaluateConstellationLean } from '../../src/constellation/evaluate.js';
import { loadConstellationSpec } from '../../src/constellation/evaluator.js';
import type { ConstellationSpec } from '../../src/constellation/design/compile.js';

const lp = await createLpSolver();
const catalogs = loadCatalogs();
const dir = mkdtempSync(join(tmpdir(), 'odc-memo-inval-'));

const BASE = {
  walker:
    '{ name: w, altitude_km: 550, inclination_deg: 53, planes: 8, satsPerPlane: 12, pattern: walker-delta, phasing: 1 }',
  band:
    '{ name: b, altitude_km: 650, inclination_deg: sso, ltan_h: 6, planes: 6, satsPerPlane: 14, pattern: sso-ltan, ' +
    'ltanBand_h: 1, phasing: 1 }',
  isl: '{ topology: grid, terminal: isl-100g, crossPlaneCutoffLatitude_deg: 75 }',
  traffic: '{ pattern: uniform, demandPerNode_Gbps: 10 }',
  simulation: "{ epoch: '2026-03-20T00:00:00Z', duration_h: 2, step_s: 120, snapshots: 4, maxFullLpColumns: 100 }",
};
type Parts = typeof BASE;

function specOf(name: string, p: Parts): ConstellationSpec {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(
    file,
    `name: memo-${name}\nkind: constellation\nnode: ${resolve('designs/ai1.yaml')}\nnodeSizing: closed\n` +
      `shells:\n  - ${p.walker}\n  - ${p.band}\nisl: ${p.isl}\nground: { stations: [svalsat, kiruna] }\n` +
      `traffic: ${p.traffic}\nsimulation: ${p.simulation}\nlaunch:\n  vehicles: [{ vehicle: starship, cadence_per_yr: 400 }]\n`,
  );
  return loadConstellationSpec(file, catalogs);
}

/** The parts of the record a shell's cached results feed (the record's name aside). */
const shellParts = (spec: ConstellationSpec, evaluate: typeof evaluateConstellationLean) => {
  const r = evaluate(spec, lp);
  return { isl: r.isl, network: r.network, environment: r.environment, shells: r.shells };
};

/** One input changed at a time (each defines a shell's geometry, links, network or screen). */
const VARIANTS: [string, Partial<Parts>][] = [
  ['walker altitude', { walker: BASE.walker.replace('altitude_km: 550', 'altitude_km: 560') }],
  ['walker inclination', { walker: BASE.walker.replace('inclination_deg: 53', 'inclination_deg: 60') }],
  ['walker planes', { walker: BASE.walker.replace('planes: 8', 'planes: 9') }],
  ['walker satsPerPlane', { walker: BASE.walker.replace('satsPerPlane: 12', 'satsPerPlane: 13') }],
  ['walker phasing', { walker: BASE.walker.replace('phasing: 1', 'phasing: 3') }],
  ['band altitude', { band: BASE.band.replace('altitude_km: 650', 'altitude_km: 640') }],
  ['band planes', { band: BASE.band.replace('planes: 6', 'planes: 5') }],
  ['band LTAN', { band: BASE.band.replace('ltan_h: 6', 'ltan_h: 10') }],
  ['terminal', { isl: BASE.isl.replace('isl-100g', 'dwdm-1t') }],
  ['cross-plane cutoff latitude', { isl: BASE.isl.replace('Latitude_deg: 75', 'Latitude_deg: 50') }],
  ['topology', { isl: BASE.isl.replace('topology: grid', 'topology: ring') }],
  ['epoch', { simulation: BASE.simulation.replace('2026-03-20T00', '2026-06-20T06') }],
  ['window duration', { simulation: BASE.simulation.replace('duration_h: 2', 'duration_h: 3') }],
  ['sampling step', { simulation: BASE.simulation.replace('step_s: 120', 'step_s: 100') }],
  ['snapshots', { simulation: BASE.simulation.replace('snapshots: 4', 'snapshots: 3') }],
];

describe('memoised shell results are invalidated by every input that defines them', () => {
  const base = specOf('base', BASE);
  const baseParts = shellParts(base, evaluateConstellationLean);

  it.each(VARIANTS)(
    '%s: the warm process gives the record of a fresh one, and it differs from the base',
    async (name, change) => {
      const spec = specOf(name.replace(/\W+/g, '-'), { ...BASE, ...change });
      shellParts(base, evaluateConstellationLean); // the base's results are the most recent in every memo
      const warm = shellParts(spec, evaluateConstellationLean);
      vi.resetModules();
      const fresh = await import('../../src/constellation/evaluate.js');
      const cold = shellParts(spec, fresh.evaluateConstellationLean);
      expect(warm).toEqual(cold);
      expect(cold).not.toEqual(baseParts);
    },
  );
});
