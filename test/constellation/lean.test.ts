/**
 * The optimizer's lean constellation evaluation (evaluate.ts evaluateConstellationLean) against the complete record on
 * the flagship study's search space: every metric it gives equals the record's bit for bit and its constraints are the
 * record's, the metrics it omits read NaN, and a study that names an omitted metric is searched on the complete record.
 */
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLpSolver } from '../../solvers/lp/index.js';
import {
  evaluateConstellation,
  evaluateConstellationLean,
  LEAN_OMITTED_METRICS,
  leanEvaluationGives,
} from '../../src/constellation/evaluate.js';
import { loadCatalogs } from '../../src/catalog/load.js';
import { loadConstellationSpec } from '../../src/constellation/evaluator.js';
import type { ConstellationSpec } from '../../src/constellation/design/compile.js';
import { constellationMetricPaths, pathGetter } from '../../src/constellation/record/metrics.js';

import type { ConstellationRecord } from '../../src/constellation/record/record.js';
import { loadStudyProblem } from '../../src/run/problem.js';
import { seededDesigns } from '../helpers/problemDesigns.js';
import { tempDir, writeFile } from '../helpers/tmp.js';

const dir = tempDir('odc-lean-');
const flagship = resolve('designs/constellation-study.yaml');
/** The flagship study with its node file made absolute (so the copy runs from the temporary folder). */
const studyText = readFileSync(flagship, 'utf8').replace(
  /^node: (.*)$/m,
  (_m, f: string) => `node: ${resolve('designs', f)}`,
);
const lp = await createLpSolver();

const omitted = (m: string): boolean => !leanEvaluationGives([m]);

/** Each metric the lean record gives equals the complete record's, bit for bit, and so do its constraints. */
function expectLeanOf(lean: ConstellationRecord, full: ConstellationRecord): void {
  for (const m of constellationMetricPaths()) {
    const get = pathGetter(m);
    if (omitted(m)) expect(get(lean), m).toBeNaN();
    else expect(Object.is(get(lean), get(full)), `${m}: ${get(lean)} vs ${get(full)}`).toBe(true);
  }
  expect(lean.constraints).toEqual(full.constraints);
}

/**
 * Two shells of 6 planes each (their tracks' blocks the same size) on the reduced models, which read the tracks at
 * each instant: a Walker delta shell and an sso-ltan band at the given altitudes.
 */
function twoShells(name: string, walker_km: number, band_km: number): ConstellationSpec {
  const file = writeFile(
    dir,
    `${name}.yaml`,
    `name: ${name}\nkind: constellation\nnode: ${resolve('designs/ai1.yaml')}\nnodeSizing: closed\nshells:\n` +
      `  - { name: w, altitude_km: ${walker_km}, inclination_deg: 53, planes: 6, satsPerPlane: 12, pattern: walker-delta, phasing: 1 }\n` +
      `  - { name: b, altitude_km: ${band_km}, inclination_deg: sso, ltan_h: 6, planes: 6, satsPerPlane: 14, pattern: sso-ltan, ltanBand_h: 1, phasing: 1 }\n` +
      'isl: { topology: grid, terminal: isl-100g, crossPlaneCutoffLatitude_deg: 75 }\nground: { stations: [svalsat] }\n' +
      'traffic: { pattern: uniform, demandPerNode_Gbps: 10 }\n' +
      "simulation: { epoch: '2026-03-20T00:00:00Z', duration_h: 2, step_s: 120, snapshots: 4, maxFullLpColumns: 100 }\n" +
      'launch:\n  vehicles: [{ vehicle: starship, cadence_per_yr: 400 }]\n',
  );
  return loadConstellationSpec(file, loadCatalogs());
}

describe('lean constellation evaluation', () => {
  it('names the omitted metrics: gateway contacts, path statistics, the bound gap and the sky counts', () => {
    expect(leanEvaluationGives(['totals.lcoc_USD_per_PFLOP_day', 'network.throughputPerNode_Gbps'])).toBe(true);
    expect(leanEvaluationGives(['ground.contactFraction'])).toBe(false);
    expect(leanEvaluationGives(['network.p99Latency_ms'])).toBe(false);
    expect(leanEvaluationGives(['network.minThroughputPerNode_Gbps'])).toBe(true);
    // The stations are counted from the design, not from contacts.
    expect(leanEvaluationGives(['ground.stations'])).toBe(true);
    expect([...LEAN_OMITTED_METRICS].sort()).toEqual([
      'ground.contactFraction',
      'ground.downlink_TB_per_day',
      'ground.maxGap_min',
      'ground.meanDownlink_Gbps',
      'ground.meanStationContactFraction',
      'network.boundGap',
      'network.maxHops',
      'network.meanHops',
      'network.p50Latency_ms',
      'network.p99Latency_ms',
      'sky.extinction_mag_per_airmass',
      'sky.latitude_deg',
      'sky.limitCount',
      'sky.limit_mag',
      'sky.longitude_deg',
      'sky.mapMinutesAfterSunset',
      'sky.nakedEyeCount',
      'sky.standardMagnitude',
    ]);
    // a study naming a sky count is searched on complete records
    expect(leanEvaluationGives(['sky.nakedEyeCount'])).toBe(false);
    for (const o of LEAN_OMITTED_METRICS) expect(constellationMetricPaths()).toContain(o);
  });

  it("gives the complete record's metrics and constraints bit for bit on the flagship study's designs", () => {
    const loaded = loadStudyProblem(writeFile(dir, 'flagship.yaml', studyText), lp);
    let compared = 0;
    for (const x of seededDesigns(6, loaded.problem, 11)) {
      const spec = loaded.constellation!.spec(x);
      let full: ConstellationRecord;
      try {
        full = loaded.record!(x) as ConstellationRecord;
      } catch (e) {
        // A design the models cannot evaluate fails the same way on the lean path.
        expect(() => evaluateConstellationLean(spec, lp)).toThrow((e as Error).message);
        continue;
      }
      expectLeanOf(evaluateConstellationLean(spec, lp), full);
      compared++;
    }
    expect(compared).toBeGreaterThan(3);
  });

  // The lean tracks live in blocks kept across evaluations (evaluate.ts LEAN_TRACKS). Fails if two shells of one
  // evaluation share a block (the first shell's networks would read the second's geometry), or if a record or a
  // memoised shell result keeps reading a track after its evaluation (another design's tracks are laid over it).
  it("gives the complete record's figures with the tracks in blocks kept across evaluations", () => {
    const a = twoShells('tracks-a', 550, 650);
    const b = twoShells('tracks-b', 480, 720);
    const leanA = evaluateConstellationLean(a, lp);
    const textA = JSON.stringify(leanA);
    expectLeanOf(leanA, evaluateConstellation(a, lp));
    const leanB = evaluateConstellationLean(b, lp);
    expectLeanOf(leanB, evaluateConstellation(b, lp));
    expect(leanB.network.throughputPerNode_Gbps).not.toBe(leanA.network.throughputPerNode_Gbps);
    expect(JSON.stringify(leanA)).toBe(textA);
    expect(JSON.stringify(evaluateConstellationLean(a, lp))).toBe(textA);
  });

  it('a study naming an omitted metric is searched on the complete record', () => {
    const text = studyText.replace(/^constraints:\n/m, 'constraints:\n  - network.p99Latency_ms <= 1000\n');
    const loaded = loadStudyProblem(writeFile(dir, 'latency.yaml', text), lp);
    const k = loaded.problem.constraints.findIndex((c) => c.name === 'network.p99Latency_ms <= 1000');
    const [x] = seededDesigns(1, loaded.problem, 5);
    const e = loaded.problem.evaluate(x!);
    if (e.status !== 'ok') throw new Error('the seeded design should evaluate');
    const p99 = (loaded.record!(x!) as ConstellationRecord).network.p99Latency_ms;
    expect(p99).toBeGreaterThan(0);
    // (p99 − 1000) scaled by the limit: a number from the complete record, never NaN.
    expect(e.g[k]).toBeCloseTo((p99 - 1000) / 1000, 12);
  });
});
