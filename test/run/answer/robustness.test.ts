/**
 * Margins and P(all hold) of recommended designs, and the study option select:
 * (src/run/answer/robustness.ts,
 * src/study/constraintSamples.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProportionInterval } from '../../../src/statistics/statistics.js';
import { exportDesign, renderReport } from '../../../src/index.js';
import { loadRun, type LoadedRun } from '../../../src/run/loadRun.js';
import { robustPicks } from '../../../src/run/answer/robustness.js';
import { chooseKnee, designMargins } from '../../../src/run/decision/select.js';
import { discreteConstraints } from '../../../src/run/decision/discrete.js';
import { decisionPicks, kneePosition, minimizedObjectives } from '../../../src/run/decision/decision.js';
import { loadStudyProblem } from '../../../src/run/problem.js';
import type { ParetoDesign, ParetoFile } from '../../../src/run/paretoFile.js';
import { odc } from '../../helpers/cli.js';
import { FLAGSHIP, FLAGSHIP_ALGORITHM, tempDir, tinyRun } from '../../report/helpers.js';

const tmp = tempDir('robustness');

/** The flagship study with its select: line replaced. */
const withSelect = (entries: string): string =>
  readFileSync(FLAGSHIP, 'utf8').replace(/^select:.*$/m, `select: { ${entries} }`);

/** A two-objective front on the curve f2 = (1 − f1)², whose knee is found by src/run/decision/decision.ts. */
function syntheticRun(margins: readonly number[]): LoadedRun {
  const n = margins.length;
  const designs: ParetoDesign[] = margins.map((m, i) => {
    const f1 = i / (n - 1);
    // one study constraint with g = −margin (g is scaled by |limit|, so the relative margin is −g)
    return {
      index: i,
      variables: {},
      objectives: { a: f1, b: (1 - f1) ** 2 },
      constraints: { 'x <= 1': -m },
      record: null,
    };
  });
  const pareto: ParetoFile = {
    formatVersion: 1,
    study: 's',
    kind: 'benchmark',
    objectives: [
      { name: 'a', sense: 'minimize', unit: '-' },
      { name: 'b', sense: 'minimize', unit: '-' },
    ],
    variables: [],
    designs,
  };
  return { pareto } as unknown as LoadedRun;
}

describe('margins of a design', () => {
  it("physical constraints: the record's relative margin; study constraints: −g", () => {
    const d = {
      index: 1,
      variables: {},
      objectives: {},
      record: {
        constraints: [
          { name: 'power.arrayArea', margin: 0.004 },
          { name: 'radiation.dose', margin: 0.5 },
        ],
      },
      constraints: { 'power.arrayArea': -0.004, 'compute.itPowerAvg_W >= 120000': -0.03 },
    } as unknown as ParetoDesign;
    // radiation.dose is relaxed (not in the design's g), so it is not one of its enforced margins
    expect(designMargins(d)).toEqual([
      { name: 'power.arrayArea', margin: 0.004 },
      { name: 'compute.itPowerAvg_W >= 120000', margin: 0.03 },
    ]);
  });
});

describe('select.minMargin and select.minProbability', () => {
  // 11 designs on f2 = (1 − f1)²: the plain knee is the design farthest below the chord through (0, 1) and (1, 0),
  // i.e. maximizing f1 − f1² + ... : 1 − f1 − (1 − f1)² is largest at f1 = 0.5 (design 5)
  const margins = [0.2, 0.2, 0.2, 0.01, 0.2, 0.001, 0.04, 0.2, 0.2, 0.2, 0.2];
  const run = syntheticRun(margins);
  it('the plain knee is design 5 (hand calculation above)', () => {
    expect(kneePosition(minimizedObjectives(run.pareto))).toBe(5);
  });
  it('minMargin 0.05: designs 5 (0.1 %), 3 (1 %) and 6 (4 %) are out; the knee among the rest is design 4', () => {
    const s = chooseKnee(run.pareto, { minMargin: 0.05 }, null);
    expect(s.qualified).toBe(true);
    expect(s.meetingMargin).toBe(8);
    // distance below the chord f1 + f2 = 1: (1 − f1 − (1 − f1)²)/√2 = f1(1 − f1)/√2; the admitted designs nearest f1 =
    // 0.5 are 4 (0.24/√2) and 7 (0.21/√2): design 4
    expect(s.position).toBe(4);
    expect(s.text).toMatch(
      /8 of 11 Pareto designs keep every constraint ≥ 5 % margin; the knee among them is design 4/,
    );
  });
  it('no design keeps the margin: the plain knee, labelled so', () => {
    const s = chooseKnee(run.pareto, { minMargin: 0.5 }, null);
    expect([s.qualified, s.position, s.meetingMargin]).toEqual([false, 5, 0]);
    expect(s.text).toMatch(/No Pareto design keeps every constraint ≥ 50 % margin: the plain knee \(design 5\)/);
  });
  it('minProbability samples designs in knee order (5, then 4, 6, …) until one qualifies', () => {
    const p = (estimate: number): ProportionInterval => ({
      successes: 0,
      trials: 1,
      estimate,
      lower: 0,
      upper: 1,
      confidence: 0.95,
    });
    const asked: number[] = [];
    const joint = (i: number): ProportionInterval => {
      asked.push(i);
      return p(i === 6 ? 0.93 : 0.5);
    };
    const s = chooseKnee(run.pareto, { minProbability: 0.9 }, joint);
    expect(s.position).toBe(6);
    expect(s.qualified).toBe(true);
    // knee distances f1(1 − f1)/√2: design 5: 0.25, designs 4 and 6: 0.24 (a tie, to the design nearer the ideal point:
    // |(0.4, 0.36)| = 0.538 < |(0.6, 0.16)| = 0.621, so 4 first)
    expect(asked).toEqual([5, 4, 6]);
    expect(s.sampled).toBe(3);
  });
});

describe("a flagship run with select: and the catalogs' uncertainty", () => {
  let run: string;
  beforeAll(async () => {
    const study = join(tmp, 'flag-select.yaml');
    const text = readFileSync(FLAGSHIP, 'utf8').replace(/^select:.*$/m, 'select: { minMargin: 0.02, samples: 64 }');
    expect(text).toContain('select: { minMargin: 0.02, samples: 64 }');
    writeFileSync(study, text);
    run = await tinyRun(tmp, study, FLAGSHIP_ALGORITHM, { out: 'flag-select' });
  });

  it('the knee keeps every enforced constraint ≥ 2 % inside its limit, the report gives its margins and P(all hold), export writes it', async () => {
    const loaded = loadRun(run, { evaluations: false });
    const { picks, report } = robustPicks(loaded, decisionPicks(loaded.pareto));
    const knee = picks[0]!;
    const s = report!.select!;
    // the closures met by sizing sit at their limit by construction and are not counted (src/run/decision/select.ts)
    const sized = ['power.arrayArea', 'thermal.radiatorArea', 'thermal.junctionTemp', 'mass.launchClosure'];
    // requirements on discrete quantities met have no margin to keep (src/run/decision/discrete.ts): by hand, only the
    // link capacity (topology × terminal) and the peak IT power (chip × count) can be set by choices alone, and the
    // whole count of nodes per vehicle (launch.fitsVehicle: ⌊payload / launch mass⌋, one count over the front's masses
    // of one set of choices) reads as one; a continuous requirement (dose, decay, average IT power) never does
    const discrete = discreteConstraints(loaded.pareto);
    for (const name of discrete)
      expect(['isl.capacity_Gbps >= 400', 'compute.itPowerPeak_W <= 150000', 'launch.fitsVehicle', ...sized]).toContain(
        name,
      );
    const counted = (d: ParetoDesign): [string, number][] =>
      Object.entries(d.constraints).filter(([name, g]) => !sized.includes(name) && !(discrete.has(name) && g <= 0));
    const recordMargin = (d: ParetoDesign, name: string, g: number): number =>
      d.record?.constraints.find((c) => c.name === name)?.margin ?? -g;
    const fit = loaded.pareto.designs.filter((d) =>
      counted(d).every(([name, g]) => -g >= 0.02 && recordMargin(d, name, g) >= 0.02),
    );
    expect(s.meetingMargin).toBe(fit.length);
    if (s.qualified) {
      expect(Math.min(...counted(knee.design).map(([n, g]) => recordMargin(knee.design, n, g)))).toBeGreaterThanOrEqual(
        0.02,
      );
      expect(knee.label).toBe('knee (every constraint ≥ 2 % margin)');
    } else {
      expect(fit).toHaveLength(0);
      expect(knee.label).toMatch(/^knee \(plain: no design meets/);
    }
    const j = report!.designs[0]!.joint!;
    expect(j.trials).toBe(64);
    expect(j.lower).toBeLessThanOrEqual(j.estimate);
    expect(report!.sampling!.inputs).toBeGreaterThan(0);
    const r = await renderReport(run);
    const md = readFileSync(r.mdPath, 'utf8');
    expect(md).toContain('## Margins and robustness of the recommended designs');
    const section = md.slice(md.indexOf('## Margins and robustness'));
    expect(section).toMatch(/P\\?\(all hold\\?\) \\?\[95 % CI\\?\]/);
    expect(readFileSync(r.htmlPath, 'utf8')).toContain('id="robustness"');
    expect(exportDesign(run, { design: 'knee', format: 'json' }).design.index).toBe(knee.design.index);
  });
});

describe('select.minProbability on the same run', () => {
  let run: string;
  beforeAll(async () => {
    const study = join(tmp, 'flag-prob.yaml');
    writeFileSync(study, withSelect('minProbability: 0.5, samples: 32'));
    run = await tinyRun(tmp, study, FLAGSHIP_ALGORITHM, { out: 'flag-prob' });
  });

  it('the recommended knee is the first design in knee order whose sampled P(all hold) reaches the threshold, or the plain knee, labelled', () => {
    const loaded = loadRun(run, { evaluations: false });
    const plain = kneePosition(minimizedObjectives(loaded.pareto));
    const { picks, report } = robustPicks(loaded, decisionPicks(loaded.pareto));
    const s = report!.select!;
    const joint = report!.designs[0]!.joint!;
    expect(joint.trials).toBe(32);
    if (s.qualified) {
      expect(joint.estimate).toBeGreaterThanOrEqual(0.5);
      expect(picks[0]!.label).toBe('knee (P(all hold) ≥ 0.5)');
      // the designs nearer the knee were sampled and fell short
      if (s.position !== plain) expect(s.sampled).toBeGreaterThan(1);
    } else {
      expect(picks[0]!.position).toBe(plain);
      expect(s.sampled).toBe(Math.min(loaded.pareto.designs.length, 100));
      expect(picks[0]!.label).toMatch(/^knee \(plain: no design meets P\(all hold\) ≥ 0\.5\)/);
    }
    expect(exportDesign(run, { design: 'knee', format: 'json' }).design.index).toBe(picks[0]!.design.index);
  });
});

describe('P(a study constraint holds) under a declared distribution: analytic', () => {
  it('launch price ~ uniform(100, 2000) $/kg and cost.launchPrice_USD_per_kg <= 860: P = (860 − 100)/1900 = 0.4; jointly at most that', () => {
    const study = join(tmp, 'price.yaml');
    writeFileSync(
      study,
      readFileSync(FLAGSHIP, 'utf8')
        .replace(
          /^economics:.*$/m,
          'economics: { electricity_USD_per_kWh: 0.05, pue: 1.3, launchCost_USD_per_kg: 900 }\n' +
            // declared compliance: a price is economics by default and P(all hold) would hold it at nominal
            'uncertainty:\n  economics.launchCost_USD_per_kg: { kind: uniform, min: 100, max: 2000, affects: compliance }',
        )
        .replace(/^constraints:\n/m, 'constraints:\n  - cost.launchPrice_USD_per_kg <= 860\n'),
    );
    const loaded = loadStudyProblem(study);
    const n = 500;
    const sample = loaded.compiled!.constraintSampler({ samples: n, method: 'lhs', seed: 3 })!;
    const x = Float64Array.from(loaded.problem.variables, (v) => (v.kind === 'choice' ? 0 : (v.lower + v.upper) / 2));
    const s = sample(x);
    const col = s.names.indexOf('cost.launchPrice_USD_per_kg <= 860');
    expect(col).toBeGreaterThanOrEqual(0);
    const holds = s.holds.filter((h) => h !== null && h[col]).length;
    // Latin hypercube: exactly one sample in each 1/n stratum of the price, so the count is 0.4·n within one stratum
    expect(Math.abs(holds - 0.4 * n)).toBeLessThanOrEqual(1 + s.failed);
    const all = s.holds.filter((h) => h !== null && h.every(Boolean)).length;
    expect(all).toBeLessThanOrEqual(holds);
  });
});

describe('bad select: values exit 2 with the field and the fix', () => {
  it.each([
    ['minMargin: -0.1', /select\.minMargin.*must be from 0 to 0\.9/],
    ['minMargin: 2', /select\.minMargin.*must be from 0 to 0\.9/],
    ['minProbability: 1.5', /select\.minProbability.*must be above 0 and at most 1/],
    ['minProbability: 0', /select\.minProbability.*must be above 0 and at most 1/],
    ['samples: 3', /select\.samples.*at least 16/],
    ['minMargins: 0.1', /minMargins/],
  ])('%s', async (entry, message) => {
    const study = join(tmp, `bad-${entry.replace(/[^a-z0-9]/gi, '')}.yaml`);
    writeFileSync(study, withSelect(entry));
    const r = await odc('run', study, '--out', join(tmp, 'never'), '--quiet');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
  });
});
