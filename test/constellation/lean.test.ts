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
  evaluateConstellationLean,
  LEAN_OMITTED_METRICS,
  leanEvaluationGives,
} from '../../src/constellation/evaluate.js';
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
    const paths = constellationMetricPaths();
    let compared = 0;
    for (const x of seededDesigns(6, loaded.problem, 11)) {
      const spec = loaded.constellation!.spec(x);
      let full;
      try {
        full = loaded.record!(x);
      } catch (e) {
        // A design the models cannot evaluate fails the same way on the lean path.
        expect(() => evaluateConstellationLean(spec, lp)).toThrow((e as Error).message);
        continue;
      }
      const lean = evaluateConstellationLean(spec, lp);
      for (const m of paths) {
        const get = pathGetter(m);
        if (omitted(m)) {
          expect(get(lean), m).toBeNaN();
        } else expect(Object.is(get(lean), get(full)), `${m}: ${get(lean)} vs ${get(full)}`).toBe(true);
      }
      expect(lean.constraints).toEqual(full.constraints);
      compared++;
    }
    expect(compared).toBeGreaterThan(3);
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
