/**
 * A campaign that cannot fly as given fails the launch check, never the evaluation: a satellite no offered vehicle can
 * carry (Electron against a multi-tonne node), and launch caps too small for every satellite. Each is the enforced
 * launch.vehicle check failed with its reason in the notes, every other budget still computed, the campaign planned
 * for reference; the lean evaluation the optimizer runs and the study's g see the same failure.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLpSolver } from '../../../solvers/lp/index.js';
import { evaluateConstellationFileWith, loadConstellationSpec } from '../../../src/constellation/evaluator.js';
import { evaluateConstellationLean } from '../../../src/constellation/evaluate.js';
import { findRow, loadCatalogs } from '../../../src/catalog/load.js';
import { loadStudyProblem } from '../../../src/run/problem.js';
import type { ConstellationRecord } from '../../../src/constellation/record/record.js';
import { odc } from '../../helpers/cli.js';
import { tempDir, writeFile } from '../../helpers/tmp.js';

const dir = tempDir('odc-launch-shortfall-');
const ai1 = resolve('designs/ai1.yaml');
const lp = await createLpSolver();
const catalogs = loadCatalogs();
const electron = findRow(catalogs, 'launchVehicles', 'electron', 'launch.vehicle');

/** A 2 × 10 shell of AI1 nodes at 550 km, 53°, on the given launch section. */
const file = (launch: string): string =>
  `name: t\nkind: constellation\nnode: ${ai1}\nshells:\n` +
  '  - { name: s, altitude_km: 550, inclination_deg: 53, planes: 2, satsPerPlane: 10 }\n' +
  'isl: { topology: grid, terminal: isl-100g }\n' +
  `simulation: { duration_h: 3, step_s: 60, snapshots: 2 }\nlaunch: ${launch}\n`;
const full = (name: string, text: string): ConstellationRecord =>
  evaluateConstellationFileWith(writeFile(dir, name, text), lp).record;
const lean = (name: string, text: string): ConstellationRecord =>
  evaluateConstellationLean(loadConstellationSpec(writeFile(dir, name, text), catalogs), lp);
const launchCheck = (r: ConstellationRecord) => r.constraints.find((c) => c.name === 'launch.vehicle')!;

describe('a satellite no campaign vehicle can carry', () => {
  const text = file('{ vehicles: [{ vehicle: electron, cadence_per_yr: 20 }] }');

  it('fails launch.vehicle with its reason; network, cost and the reference campaign are still computed', () => {
    // Bug caught: launchCapacities threw "no vehicle can carry one satellite", so the whole evaluation failed.
    const r = full('electron.yaml', text);
    const node = r.shells[0]!.node;
    // hand check that Electron cannot carry one: the node's launch mass is tonnes, Electron's largest catalog
    // payload 300 kg (to LEO), its fairing 1.6 m³
    expect(Math.max(node.mass.launch_kg, node.mass.allocated_kg)).toBeGreaterThan(electron.payloadLeo_kg);
    expect(electron.payloadLeo_kg).toBe(300);
    expect(launchCheck(r)).toMatchObject({ value: 1, limit: 0, satisfied: false, enforced: true });
    expect(r.notes).toContainEqual(
      expect.stringMatching(
        /^launch: no campaign vehicle can carry one satellite of shell s \(\d+ kg, [\d.]+ m³ stowed; nearest electron: .*one satellite per launch on electron, for reference only$/,
      ),
    );
    // for reference: one satellite per launch, 20 launches at the catalog's $7.5M each = $150M
    expect(r.launch.launches).toBe(20);
    expect(r.launch.cost_USD).toBe(20 * 7.5e6);
    expect(r.launch.perShell[0]!.vehicles[0]!.satellitesPerLaunch).toBe(1);
    // every other budget is there
    expect(r.isl.links).toBeGreaterThan(0);
    expect(Number.isFinite(r.network.throughputPerNode_Gbps)).toBe(true);
    expect(r.totals.cost_USD).toBeGreaterThan(r.launch.cost_USD);
    expect(r.totals.lcoc_USD_per_PFLOP_day).toBeGreaterThan(0);
  });

  it("the lean evaluation (the optimizer's) fails the same check with the same constraints", () => {
    const f = full('electron-full.yaml', text);
    const l = lean('electron-lean.yaml', text);
    expect(l.constraints).toEqual(f.constraints);
    expect(l.launch.launches).toBe(f.launch.launches);
  });

  it("a study's g holds launch.vehicle: 1 shortfall over a limit of 0 scales to g = 1, lean and full alike", () => {
    // Bug caught: the study's g read the node closures, the demand and the separation only, so the optimizer took a
    // design no vehicle can launch for feasible.
    const study = writeFile(
      dir,
      'electron-study.yaml',
      text.replace('name: t\n', 'name: es\n') +
        'variables:\n  node.compute.chips: { int: [36, 72] }\n' +
        'objectives:\n  - minimize: totals.lcoc_USD_per_PFLOP_day\n' +
        'algorithm: { name: nsga2, population: 4, generations: 1, seed: 1 }\n',
    );
    const { problem } = loadStudyProblem(study, lp);
    const names = problem.constraints.map((c) => c.name);
    const at = names.indexOf('launch.vehicle');
    expect(at).toBeGreaterThanOrEqual(0);
    const e = problem.evaluate(Float64Array.of(72));
    if (e.status !== 'ok') throw new Error(`evaluation failed: ${e.reason}`);
    expect(e.g[at]).toBe(1);
    // the same shell on a vehicle that carries it: launch.vehicle is 0, g = 0
    const starship = writeFile(dir, 'starship-study.yaml', readFileSync(study, 'utf8').replace('electron', 'starship'));
    const ok = loadStudyProblem(starship, lp).problem.evaluate(Float64Array.of(72));
    if (ok.status !== 'ok') throw new Error(`evaluation failed: ${ok.reason}`);
    expect(ok.g[at]).toBe(0);
  });

  it('odc evaluate: exit 0, the check failed with its reason, network and cost printed (Suncatcher on Electron)', async () => {
    // designs/constellations/suncatcher-81.yaml offered Electron only: a 7.3 t, ~34 m³ node against 300 kg and 1.6 m³
    const text = readFileSync('designs/constellations/suncatcher-81.yaml', 'utf8')
      .replace('node: ../suncatcher.yaml', `node: ${resolve('designs/suncatcher.yaml')}`)
      .replace('vehicle: starship', 'vehicle: electron');
    const r = await odc('evaluate', writeFile(dir, 'suncatcher-electron.yaml', text));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\n {2}launch\.vehicle +1 +<= 0 +- .*VIOLATED\n/);
    expect(r.out).toContain('launch: no campaign vehicle can carry one satellite of shell cluster-650 (7300 kg');
    expect(r.out).toContain('\nNetwork\n');
    // 81 launches (one satellite each, for reference) at $7.5M: $607.5M
    expect(r.out).toMatch(/\n {2}launches +81 +-\n/);
    expect(r.out).toMatch(/\n {2}launch cost +0\.60[78] +bn USD\n/);
    expect(r.out).toMatch(/\n {2}total cost +[\d.]+ +bn USD\n/);
  });
});

describe('launch caps too small for every satellite', () => {
  it('fail launch.vehicle naming the caps; the campaign is planned without them, lean and full alike', () => {
    // Bug caught: the caps threw "the vehicles' launch caps cannot carry all N satellites", failing the evaluation.
    const text = file('{ vehicles: [{ vehicle: falcon-9, cadence_per_yr: 20, maxLaunches: 1 }] }');
    const r = full('capped.yaml', text);
    const v = r.launch.perShell[0]!.vehicles[0]!;
    // hand check that one launch is short: k = min(⌊P/m⌋, ⌊0.7·V_fairing/V_s⌋) satellites per launch, 20 > k
    const node = r.shells[0]!.node;
    const f9 = findRow(catalogs, 'launchVehicles', 'falcon-9', 'launch.vehicle');
    const k = Math.min(
      Math.floor(v.payload_kg / Math.max(node.mass.launch_kg, node.mass.allocated_kg)),
      Math.floor((0.7 * f9.fairingVolume_m3) / node.mass.stowedVolume_m3),
    );
    expect(k).toBeLessThan(20);
    expect(v.satellitesPerLaunch).toBe(k);
    expect(launchCheck(r)).toMatchObject({ value: 1, satisfied: false, enforced: true });
    expect(r.notes).toContain(
      "launch: the vehicles' launch caps cannot carry all 20 satellites of shell s; the campaign is planned without " +
        'the caps, for reference only',
    );
    // planned uncapped: ⌈20/k⌉ launches
    expect(r.launch.launches).toBe(Math.ceil(20 / k));
    expect(Number.isFinite(r.network.throughputPerNode_Gbps)).toBe(true);
    expect(lean('capped-lean.yaml', text).constraints).toEqual(r.constraints);
  });
});
