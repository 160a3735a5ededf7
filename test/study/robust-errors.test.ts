/**
 * Robust study input that cannot work is refused at load with file:line, the field and the fix (StudyError,
 * exit 2); a study without statistics compiles as before.
 */
import { describe, expect, it } from 'vitest';
import { loadStudyProblem } from '../../src/run/problem.js';
import { parseConstraint, parseObjective } from '../../src/study/expression.js';
import { odc } from '../helpers/cli.js';
import { studyErrorOf, tempDir, writeFile } from '../helpers/tmp.js';

const dir = tempDir('odc-robust-errors-');

/** A small node study: `objectives` and `constraints` lines as given (line numbers: objectives start at line 9). */
function study(name: string, objectives: readonly string[], constraints: readonly string[] = [], extra = ''): string {
  return writeFile(
    dir,
    `${name}.yaml`,
    [
      `name: ${name}`,
      'kind: node',
      'uncertainty:',
      '  compute.utilization: { kind: triangular, min: 0.6, mode: 0.8, max: 0.95 }',
      'variables:',
      '  orbit.altitude_km: [400, 1500]',
      '  power.arrayArea_m2: [150, 2000]',
      'objectives:',
      ...objectives.map((o) => `  - ${o}`),
      ...(constraints.length ? ['constraints:', ...constraints.map((c) => `  - ${JSON.stringify(c)}`)] : []),
      'algorithm: { name: nsga2, population: 8, generations: 2, seed: 1 }',
      extra,
    ].join('\n'),
  );
}

describe('robust syntax errors', () => {
  it.each([
    [
      'p101 is not a percentile',
      ['minimize: p101(cost.lcoc_USD_per_PFLOP_day)'],
      [],
      'BAD_OBJECTIVE',
      /:9:5: objectives\[0\] "p101\(cost.lcoc_USD_per_PFLOP_day\)": p101 is not a statistic: percentiles run from p1 to p99/,
    ],
    [
      'p0 is not a percentile',
      ['minimize: p0(cost.lcoc_USD_per_PFLOP_day)'],
      [],
      'BAD_OBJECTIVE',
      /p0 is not a statistic: percentiles run from p1 to p99/,
    ],
    [
      'unknown statistic',
      ['minimize: median(cost.lcoc_USD_per_PFLOP_day)'],
      [],
      'BAD_OBJECTIVE',
      /unknown statistic "median": statistics are mean, sd, min, max and p1 … p99/,
    ],
    [
      'unknown metric inside a statistic',
      ['minimize: p90(cost.lcoc_USD_per_PFLOPday)'],
      [],
      'BAD_OBJECTIVE',
      /objectives\[0\] "p90\(cost.lcoc_USD_per_PFLOPday\)" names cost.lcoc_USD_per_PFLOPday, which is not a metric of the design record: did you mean cost.lcoc_USD_per_PFLOP_day\?/,
    ],
    [
      'prob as an objective',
      ['maximize: prob(mass.launch_kg <= 8000)'],
      [],
      'BAD_OBJECTIVE',
      /prob\(\.\.\.\) is a constraint, not an objective/,
    ],
    [
      'an expression as an objective',
      ['minimize: p90(mass.launch_kg) / 2'],
      [],
      'BAD_OBJECTIVE',
      /an objective is one metric .* or a statistic of one metric/,
    ],
    [
      'probability above 1',
      ['minimize: mass.launch_kg'],
      ['prob(mass.launch_kg <= 8000) >= 1.5'],
      'BAD_CONSTRAINT',
      /:11:5: constraints\[0\] "prob\(mass.launch_kg <= 8000\) >= 1.5": the probability 1.5 is outside \[0, 1\]/,
    ],
    [
      'probability compared with a metric',
      ['minimize: mass.launch_kg'],
      ['prob(mass.launch_kg <= 8000) >= mass.launch_kg'],
      'BAD_CONSTRAINT',
      /the right side of prob\(\.\.\.\) must be a probability/,
    ],
    [
      'prob not alone',
      ['minimize: mass.launch_kg'],
      ['2 * prob(mass.launch_kg <= 8000) >= 0.5'],
      'BAD_CONSTRAINT',
      /prob\(\.\.\.\) must stand alone on the left/,
    ],
    [
      'prob without a comparison',
      ['minimize: mass.launch_kg'],
      ['prob(mass.launch_kg) >= 0.5'],
      'BAD_CONSTRAINT',
      /a constraint needs a comparison/,
    ],
    [
      'unknown metric inside a statistic (constraint)',
      ['minimize: mass.launch_kg'],
      ['p95(mass.lunch_kg) <= 8000'],
      'BAD_CONSTRAINT',
      /names mass.lunch_kg, which is not a metric of the design record: did you mean mass.launch_kg\?/,
    ],
    [
      'unknown metric inside prob',
      ['minimize: mass.launch_kg'],
      ['prob(radiation.dose_rad <= 1) >= 0.9'],
      'BAD_CONSTRAINT',
      /names radiation.dose_rad, which is not a metric/,
    ],
    [
      'nested statistics',
      ['minimize: mass.launch_kg'],
      ['p90(mean(mass.launch_kg)) <= 8000'],
      'BAD_CONSTRAINT',
      /inside another statistic: statistics cannot be nested/,
    ],
    [
      'statistic inside prob',
      ['minimize: mass.launch_kg'],
      ['prob(p90(mass.launch_kg) <= 8000) >= 0.9'],
      'BAD_CONSTRAINT',
      /inside prob\(\.\.\.\), which compares the values of each sample/,
    ],
    [
      'a metric called like a function',
      ['minimize: mass.launch_kg'],
      ['mass.launch_kg(2) <= 8000'],
      'BAD_CONSTRAINT',
      /a metric is not a function/,
    ],
  ])('%s: %s', (_label, objectives, constraints, code, message) => {
    const e = studyErrorOf(() =>
      loadStudyProblem(study(`bad-${_label.replace(/\W+/g, '-')}`, objectives, constraints)),
    );
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
    expect(e.message).toMatch(/^.*\.yaml:\d+:\d+: /);
  });

  it.each([
    ['samples below 4', 'robust: { samples: 2 }', /robust\.samples.*at least 4/],
    ['an unknown method', 'robust: { method: sobol }', /robust\.method/],
    ['maxFailedShare above 0.5', 'robust: { maxFailedShare: 0.8 }', /from 0 to 0\.5/],
    ['an unknown key', 'robust: { sample: 16 }', /sample/],
  ])('robust: with %s is refused', (_label, extra, message) => {
    const e = studyErrorOf(() =>
      loadStudyProblem(
        study(`bad-robust-${_label.replace(/\W+/g, '-')}`, ['minimize: p90(mass.launch_kg)'], [], extra),
      ),
    );
    expect(e.message).toMatch(message);
    expect(e.message).toMatch(/\.yaml:\d+:\d+/);
  });

  it('robust: without any statistic is refused (it would change nothing)', () => {
    const e = studyErrorOf(() =>
      loadStudyProblem(study('robust-unused', ['minimize: mass.launch_kg'], [], 'robust: { samples: 8 }')),
    );
    expect(e.code).toBe('BAD_OBJECTIVE');
    expect(e.message).toMatch(/robust: is set, but no objective or constraint names a statistic/);
  });

  it('a variable that is also an uncertain input is refused', () => {
    const path = writeFile(
      dir,
      'var-uncertain.yaml',
      `name: var-uncertain
kind: node
uncertainty:
  compute.utilization: { kind: triangular, min: 0.6, mode: 0.8, max: 0.95 }
variables:
  compute.utilization: [0.5, 0.9]
objectives:
  - minimize: p90(mass.launch_kg)
`,
    );
    const e = studyErrorOf(() => loadStudyProblem(path));
    expect(e.code).toBe('BAD_VARIABLE');
    expect(e.message).toMatch(
      /var-uncertain\.yaml:6:\d+: variables\.compute\.utilization is also an uncertain input .* uncertainty: \{ compute\.utilization: fixed \}/,
    );
  });

  it('statistics are refused where there is no sampling (parser default, constellation studies)', () => {
    expect(() => parseConstraint('p90(mass.launch_kg) <= 1')).toThrow(/available in node studies only/);
    expect(() => parseObjective('p90(mass.launch_kg)')).toThrow(/available in node studies only/);
  });

  it('odc run exits 2 with the message and writes no run folder', async () => {
    const path = study('cli-bad', ['minimize: p101(cost.lcoc_USD_per_PFLOP_day)']);
    const r = await odc('run', path, '--out', `${dir}/never`, '--quiet');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /cli-bad\.yaml:9:5: objectives\[0\] "p101\(cost\.lcoc_USD_per_PFLOP_day\)": p101 is not a statistic/,
    );
  });
});

describe('studies without statistics', () => {
  it('compile without sampling (robust is null), with the same problem as before', () => {
    const s = loadStudyProblem(new URL('../../designs/flagship-study.yaml', import.meta.url).pathname);
    expect(s.compiled!.robust).toBeNull();
    expect(s.problem.objectives.map((o) => o.name)).toEqual([
      'cost.lcoc_USD_per_PFLOP_day',
      'compute.deliveredPFLOPS',
      'mass.launch_kg',
    ]);
  });

  it('a plain objective containing "(" is still only a metric name', () => {
    const e = studyErrorOf(() => loadStudyProblem(study('plain-paren', ['minimize: (mass.launch_kg)'])));
    expect(e.code).toBe('BAD_OBJECTIVE');
  });
});
