/**
 * Two kinds of uncertain input and one P(all hold) (src/study/inputKinds.ts). Oracles:
 * - the default kinds are read off the rule as the product owner stated it (prices, utilization, lifetime of the market
 *   and demand are economics; catalog physical figures, environment and degradation are compliance);
 * - an economics input is held at its nominal value for the checks, so moving its whole distribution (same sample
 *   matrix, same compliance values) leaves every check of every sample unchanged; declared compliance, the same input
 *   moved below the 120 kW requirement's utilization (≈ 0.77, designs/robust-study.yaml) makes the requirement fail;
 * - the run's sampler (the study's constraintSampler, what `odc run` select and robust studies call) and
 *   `odc uncertainty` estimate the same probability on the same node from independent samples: their 95 % intervals
 *   must overlap.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { analyzeUncertainty } from '../../src/analysis/uncertainty.js';
import { inputKind } from '../../src/study/inputKinds.js';
import { loadStudyProblem } from '../../src/run/problem.js';
import { jointProbability } from '../../src/statistics/statistics.js';
import { tempDir, writeFile } from '../helpers/tmp.js';

const dir = tempDir('odc-input-kinds-');
const AI1U = readFileSync('designs/ai1-uncertainty.yaml', 'utf8').replace(/^# yaml-language-server.*\n/, '');
/** ai1-uncertainty.yaml with its utilization entry replaced by `entry`. */
const withUtilization = (name: string, entry: string): string =>
  writeFile(
    dir,
    `${name}.yaml`,
    AI1U.replace(/ {2}compute\.utilization: \{[^\n]*\}\n/, `  compute.utilization: ${entry}\n`),
  );

describe('the kind of an uncertain input', () => {
  it('defaults: prices, market terms, utilization, lifetime and demand are economics; physical figures compliance', () => {
    const kind = (path: string, unit = '-') => inputKind(path, unit, undefined).affects;
    expect(kind('economics.launchCost_USD_per_kg', 'USD/kg')).toBe('economics');
    expect(kind('economics.discountRate_per_yr')).toBe('economics');
    expect(kind('catalogs.chips.gb300.costPerChip_USD', 'USD')).toBe('economics');
    expect(kind('compute.utilization')).toBe('economics');
    expect(kind('node.compute.utilization')).toBe('economics');
    expect(kind('mission.lifetime_yr', 'yr')).toBe('economics');
    expect(kind('traffic.demandPerNode_Gbps', 'Gbps')).toBe('economics');
    expect(kind('catalogs.chips.gb300.mass_kg', 'kg')).toBe('compliance');
    expect(kind('catalogs.solarArrays.rosa-flex.specificPower_W_per_kg', 'W/kg')).toBe('compliance');
    expect(kind('radiation.trappedDoseFactor')).toBe('compliance');
    expect(kind('compute.chipFailureRate_per_yr', '1/yr')).toBe('compliance');
    // degradation, although a constellation keeps its failure rate in its economics section
    expect(kind('economics.satelliteFailureRate_per_yr', '1/yr')).toBe('compliance');
    // a file's declaration wins, with its reason
    expect(inputKind('compute.utilization', '-', 'compliance', 'x.yaml:3')).toEqual({
      affects: 'compliance',
      why: 'declared affects: compliance (x.yaml:3)',
    });
  });
});

describe('P(all hold) over the compliance inputs', () => {
  it('odc uncertainty: moving an economics input never changes a check; the same input as compliance does', async () => {
    const run = (file: string) => analyzeUncertainty({ designPath: file, samples: 200, seed: 3 });
    const low = await run(withUtilization('low', '{ kind: uniform, min: 0.3, max: 0.35 }'));
    const high = await run(withUtilization('high', '{ kind: uniform, min: 0.9, max: 0.95 }'));
    const holds = (a: typeof low) => a.margins.map((m) => m.holds.successes);
    expect(low.allHold!.successes).toBe(high.allHold!.successes);
    expect(holds(low)).toEqual(holds(high));
    // the outputs as given do move: the delivered compute follows the utilization
    const delivered = (a: typeof low) => a.outputs.find((o) => o.path === 'compute.deliveredPFLOPS')!.p50;
    expect(delivered(high) / delivered(low)).toBeGreaterThan(2);
    // declared compliance, a utilization of 0.3–0.35 gives ~50 kW average IT power: the 120 kW requirement never holds
    const declared = await run(
      withUtilization('declared', '{ kind: uniform, min: 0.3, max: 0.35, affects: compliance }'),
    );
    expect(declared.margins.find((m) => m.name === 'compute.itPowerAvg_W >= 120000')!.holds.successes).toBe(0);
    expect(declared.allHold!.successes).toBe(0);
  });

  it("the run's sampler: an economics input's distribution leaves every sample's checks as they were", () => {
    const study = readFileSync('designs/robust-study.yaml', 'utf8').replace(/^# yaml-language-server.*\n/, '');
    const at = (entry: string) => {
      const file = writeFile(
        dir,
        `robust-${entry.length}.yaml`,
        study.replace(/ {2}compute\.utilization: \{[^\n]*\}\n/, `  compute.utilization: ${entry}\n`),
      );
      const loaded = loadStudyProblem(file);
      const sample = loaded.constraintSampler!({ samples: 64, method: 'lhs', seed: 5 })!;
      return sample(kneeVector(loaded));
    };
    const a = at('{ kind: uniform, min: 0.3, max: 0.35 }');
    const b = at('{ kind: uniform, min: 0.9, max: 0.95, reason: "busier" }');
    expect(a.holds).toEqual(b.holds);
    expect(a.inputs).toBe(b.inputs);
  });

  it("the robust study's sampler and odc uncertainty agree on the flagship knee within their 95 % intervals", async () => {
    const loaded = loadStudyProblem('designs/robust-study.yaml');
    const run = loaded.constraintSampler!({ samples: 256, method: 'lhs', seed: 42 })!(kneeVector(loaded));
    const p = jointProbability({ holds: run.holds });
    const u = await analyzeUncertainty({ designPath: 'designs/ai1-uncertainty.yaml', samples: 1000, seed: 1 });
    // both sample the same compliance inputs (the rows' physical figures, the dose field epoch, the failure rate)
    expect(run.inputs).toBe(u.inputs.filter((x) => x.affects === 'compliance').length);
    expect(u.allHold!.upper).toBeGreaterThanOrEqual(p.lower);
    expect(p.upper).toBeGreaterThanOrEqual(u.allHold!.lower);
  });

  it("the flagship study's sampler and odc uncertainty of its knee with the study's requirements agree", async () => {
    const loaded = loadStudyProblem('designs/flagship-study.yaml');
    const run = loaded.constraintSampler!({ samples: 256, method: 'lhs', seed: 42 })!(kneeVector(loaded));
    const p = jointProbability({ holds: run.holds });
    // the knee exported with the flagship's requirements and no uncertainty: section (the flagship has none)
    const knee = writeFile(dir, 'knee.yaml', AI1U.replace(/\nuncertainty:\n(?: {2}[^\n]*\n)*/, '\n'));
    const u = await analyzeUncertainty({ designPath: knee, samples: 1000, seed: 1 });
    expect(u.inputs.some((x) => x.path === 'compute.utilization')).toBe(false);
    expect(run.inputs).toBe(u.inputs.filter((x) => x.affects === 'compliance').length);
    expect(u.margins.map((m) => m.name)).toContain('drag.passiveDecay_yr <= 5');
    expect(u.allHold!.upper).toBeGreaterThanOrEqual(p.lower);
    expect(p.upper).toBeGreaterThanOrEqual(u.allHold!.lower);
  });
});

/** The flagship knee of designs/ai1-uncertainty.yaml as a decision vector of a study of the flagship's variables. */
function kneeVector(loaded: ReturnType<typeof loadStudyProblem>): Float64Array {
  const file = parse(AI1U) as Record<string, Record<string, number | string>>;
  const at = (path: string): number | string => {
    const [section, key] = path.split('.');
    return file[section!]![key!]!;
  };
  return Float64Array.from(loaded.problem.variables, (v) =>
    v.kind === 'choice' ? v.options.findIndex((o) => String(o) === String(at(v.name))) : Number(at(v.name)),
  );
}
