import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { StudyError } from '../../src/base/errors.js';
import { loadStudyProblem } from '../../src/run/problem.js';
import type { DesignRecord } from '../../src/node/record/record.js';
import { scaledViolation } from '../../src/study/nodeStudy.js';
import { tempDir, writeFile, studyErrorOf } from '../helpers/tmp.js';

const dir = tempDir();
const flagship = readFileSync(new URL('../../designs/flagship-study.yaml', import.meta.url), 'utf8');

/** The flagship study with one line replaced. */
function variant(name: string, from: string, to: string): string {
  if (!flagship.includes(from)) throw new Error(`fixture: "${from}" not in the flagship study`);
  return writeFile(dir, `${name}.yaml`, flagship.replace(from, to));
}

const studyError = (path: string): StudyError => studyErrorOf(() => loadStudyProblem(path));

describe('study compilation', () => {
  it('the flagship study compiles to a mixed-variable problem', () => {
    const s = loadStudyProblem(new URL('../../designs/flagship-study.yaml', import.meta.url).pathname);
    expect(s.problem.variables.map((v) => v.kind)).toEqual([
      'real',
      'choice',
      'real',
      'real', // power.eclipseComputeFraction
      'real',
      'choice',
      'int',
      'real',
      'real',
      'choice',
    ]);
    expect(s.problem.objectives.map((o) => o.sense)).toEqual(['minimize', 'maximize', 'minimize']);
    // 7 physical checks always apply (closures, junction, both dose limits), then the study's 4.
    expect(s.problem.constraints.map((c) => c.name).slice(0, 7)).toEqual([
      'power.arrayArea',
      'thermal.radiatorArea',
      'thermal.junctionTemp',
      'mass.launchClosure',
      'launch.fitsVehicle',
      'radiation.dose',
      'radiation.softDose',
    ]);
    // 7 closures + the 5 requirements designs/flagship-study.yaml lists (IT power band, decay, ISL capacity,
    // catalogue approaches)
    expect(s.problem.constraints).toHaveLength(12);
  });

  it('relax: drops a dose check from the enforced set (and only a dose check)', () => {
    const relaxed = loadStudyProblem(variant('relax-soft', 'relax: []', 'relax: [radiation.softDose]'));
    const names = relaxed.problem.constraints.map((c) => c.name);
    expect(names).not.toContain('radiation.softDose');
    expect(names).toContain('radiation.dose');
    expect(names).toHaveLength(11);
  });

  it('a maximized objective is negated internally', () => {
    const s = loadStudyProblem(new URL('../../designs/flagship-study.yaml', import.meta.url).pathname);
    const x = Float64Array.from([600, 0, 800, 1, 140, 2, 72, 5, 8000, 2]);
    const e = s.problem.evaluate(x);
    expect(e.status).toBe('ok');
    if (e.status !== 'ok') return;
    expect(e.f[1]).toBeLessThan(0);
    expect(-e.f[1]!).toBeCloseTo((s.record!(x) as DesignRecord).compute.deliveredPFLOPS, 9);
  });

  it.each([
    [
      'unknown variable path',
      'orbit.altitude_km:         [400, 1500]',
      'orbit.altitud_km: [400, 1500]',
      'BAD_VARIABLE',
      /did you mean orbit.altitude_km/,
    ],
    ['reversed bounds', '[400, 1500]', '[1500, 400]', 'BAD_VARIABLE', /reversed.*did you swap them/],
    ['empty range', '[400, 1500]', '[500, 500]', 'BAD_VARIABLE', /is empty/],
    ['bounds outside validity', '[400, 1500]', '[100, 1500]', 'BAD_VARIABLE', /300–2000 km/],
    [
      'unknown catalog choice',
      'choice: [h100, b200, gb300, tpu-v6e]',
      'choice: [h100, b201]',
      'UNKNOWN_CATALOG_ID',
      /did you mean b200/,
    ],
    [
      'unknown objective metric',
      'minimize: mass.launch_kg',
      'minimize: mass.lunch_kg',
      'BAD_OBJECTIVE',
      /did you mean mass.launch_kg/,
    ],
    [
      'a misspelt objective sense',
      'maximize: compute.deliveredPFLOPS',
      'maximise: compute.deliveredPFLOPS',
      'WRONG_TYPE',
      /objectives\.1 has key maximise: did you mean maximize\? \(it takes one of: minimize, maximize\)/,
    ],
    ['unknown constraint metric', 'drag.passiveDecay_yr <= 5', 'drag.decay_yr <= 5', 'BAD_CONSTRAINT', /not a metric/],
    [
      'malformed constraint',
      'drag.passiveDecay_yr <= 5',
      'drag.passiveDecay_yr <=',
      'BAD_CONSTRAINT',
      /ends too early/,
    ],
    ['categorical given a range', '{ choice: [none, ring, grid, mesh] }', '[0, 3]', 'BAD_VARIABLE', /categorical/],
    [
      'a closure relaxed',
      'relax: []',
      'relax: [thermal.radiatorArea]',
      'BAD_CONSTRAINT',
      /physical closure and always holds; only radiation.dose, radiation.softDose/,
    ],
    ['an unknown check relaxed', 'relax: []', 'relax: [radiation.dosee]', 'BAD_CONSTRAINT', /is not a physical check/],
  ])('%s is rejected before any evaluation', (name, from, to, code, message) => {
    const e = studyError(variant(name.replace(/\W+/g, '-'), from, to));
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
    expect(e.message).toContain('.yaml:');
  });

  it('a design with a non-finite objective (no compute delivered: infinite LCOC) is a failed point, not a crash', () => {
    const path = writeFile(
      dir,
      'starved.yaml',
      [
        'name: starved',
        'compute: { chip: gb300, chips: 72 }',
        'variables:',
        '  power.arrayArea_m2: [1, 20]',
        'objectives:',
        '  - minimize: cost.lcoc_USD_per_PFLOP_day',
        '  - minimize: mass.launch_kg',
        '',
      ].join('\n'),
    );
    const e = loadStudyProblem(path).problem.evaluate(Float64Array.from([5]));
    expect(e.status).toBe('failed');
    if (e.status === 'failed') expect(e.reason).toMatch(/objective cost.lcoc_USD_per_PFLOP_day is Infinity/);
  });

  it('constraint violations are scaled by the limit so units do not dominate', () => {
    expect(scaledViolation(130000, '>=', 120000)).toBeCloseTo(-1 / 12, 12);
    expect(scaledViolation(6, '<=', 5)).toBeCloseTo(0.2, 12);
    expect(scaledViolation(1, '<=', 0)).toBe(1);
  });
});

describe('select.pick against the study’s objectives', () => {
  const SELECT = 'select: { minProbability: 0.9 }';
  it('TOPSIS weights naming the objectives compile', () => {
    const f = variant(
      'topsis-ok',
      SELECT,
      'select: { pick: topsis, weights: { cost.lcocDiscounted_USD_per_PFLOP_day: 2, mass.launch_kg: 1 } }',
    );
    expect(loadStudyProblem(f).problem.objectives).toHaveLength(3);
  });

  it('a weight on a name that is no objective: BAD_OBJECTIVE at its line, with the nearest objective', () => {
    const f = variant('topsis-typo', SELECT, 'select: { pick: topsis, weights: { mass.launch_kgs: 1 } }');
    const e = studyError(f);
    expect(e.code).toBe('BAD_OBJECTIVE');
    expect(e.message).toMatch(/topsis-typo\.yaml:72:\d+: select\.weights\.mass\.launch_kgs names "mass\.launch_kgs"/);
    expect(e.message).toContain('did you mean mass.launch_kg?');
  });

  it('lexicographic without an order, and an order without lexicographic, are refused', () => {
    expect(studyError(variant('lex-none', SELECT, 'select: { pick: lexicographic }')).message).toContain(
      'select.pick lexicographic needs order:',
    );
    expect(studyError(variant('lex-stray', SELECT, 'select: { order: [mass.launch_kg] }')).message).toContain(
      'select.order is read by pick: lexicographic only',
    );
  });
});
