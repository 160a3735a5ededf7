import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeEvaluator } from '../../src/node/evaluator.js';
import { METRIC_PATHS, metricGetter } from '../../src/node/record/metrics.js';
import { evaluateNode, nodeMetricsEvaluator, PHYSICAL_CONSTRAINTS } from '../../src/node/evaluate.js';
import { rowResolver } from '../../src/node/record/rows.js';
import { compileNodeStudy } from '../../src/study/nodeStudy.js';
import { parseDesignFile } from '../../src/node/design/load.js';
import type { Evaluation } from '../../src/optimize/types.js';
import { tempDir, writeFile } from '../helpers/tmp.js';

// The lean path an optimizer runs must give the numbers of the complete record, bit for bit: the oracle here is the
// complete record (evaluateNode) read the way the study compiler reads it without the lean path.

/** A study compiled twice: on the lean path and on complete records read the way the compiler reads them without it. */
function both(path: string) {
  const loaded = parseDesignFile(path);
  if (loaded.kind !== 'node-study') throw new Error(`${path} is a node study`);
  const ev = nodeEvaluator(undefined, loaded.design.catalogs);
  const compile = (lean: boolean) =>
    compileNodeStudy(
      loaded.study,
      loaded.design,
      loaded.file,
      ev.catalogs,
      ev.evaluate,
      ev.physicalConstraints,
      ev.relaxableConstraints,
      ev.rows,
      lean ? ev.lean : undefined,
    );
  return { full: compile(false), lean: compile(true), rows: ev.rows };
}
const { full, lean, rows: catalogRows } = both('designs/flagship-study.yaml');
const resolve = rowResolver(catalogRows);

/** Seeded designs inside the bounds of `problem` (Park–Miller), feasible or not: the mix an optimizer starts from. */
function designs(n: number, problem = full.problem): Float64Array[] {
  let s = 12345;
  const next = () => (s = (s * 16807) % 2147483647) / 2147483647;
  return Array.from({ length: n }, () =>
    Float64Array.from(problem.variables, (v) =>
      v.kind === 'choice'
        ? Math.floor(next() * v.options.length)
        : v.kind === 'int'
          ? v.lower + Math.floor(next() * (v.upper - v.lower + 1))
          : v.lower + next() * (v.upper - v.lower),
    ),
  );
}
/**
 * Every corner of the bounds for the continuous and integer variables (choices cycled): where models meet their limits.
 */
function corners(problem = full.problem): Float64Array[] {
  const ranged = problem.variables.flatMap((v, i) => (v.kind === 'choice' ? [] : [i]));
  return Array.from({ length: 2 ** ranged.length }, (_, m) =>
    Float64Array.from(problem.variables, (v, i) => {
      if (v.kind === 'choice') return m % v.options.length;
      const bit = ranged.indexOf(i);
      return (m >> bit) & 1 ? v.upper : v.lower;
    }),
  );
}
const plain = (e: Evaluation) => (e.status === 'ok' ? { status: e.status, f: Array.from(e.f), g: Array.from(e.g) } : e);

describe('lean node evaluation (the optimizer path) against the complete record', () => {
  it('flagship study: the same objectives and constraints, bit for bit, for 2,000 random designs and every corner of the bounds', () => {
    let ok = 0;
    for (const x of [...designs(2000), ...corners()]) {
      const a = lean.problem.evaluate(x);
      expect(plain(a)).toEqual(plain(full.problem.evaluate(x)));
      if (a.status === 'ok') ok++;
    }
    expect(ok).toBeGreaterThan(1500);
  });

  it('a study that varies cost and economics keys and reads the fleet economics and token figures: the same numbers', () => {
    const dir = tempDir();
    const text = readFileSync('designs/flagship-study.yaml', 'utf8')
      .replace(
        '  isl.topology:              { choice: [none, ring, grid, mesh] }',
        '  isl.topology:              { choice: [none, ring, grid, mesh] }\n  cost.busCost_USD_per_kg: [1000, 20000]\n  economics.discountRate_per_yr: [0, 0.15]',
      )
      .replace(
        '  - minimize: mass.launch_kg',
        '  - minimize: economics.costPerChipHourDiscounted_USD\n  - minimize: inference.flopsBoundCost_USD_per_Mtoken',
      )
      .replace('  - isl.capacity_Gbps >= 400', '  - isl.capacity_Gbps >= 400\n  - cost.lcocToBaseline <= 50');
    const study = both(writeFile(dir, 'economics-study.yaml', text));
    expect(study.lean.problem.variables.map((v) => v.name)).toContain('cost.busCost_USD_per_kg');
    expect(study.lean.problem.objectives).toHaveLength(4);
    let ok = 0;
    for (const x of [...designs(300, study.full.problem), ...corners(study.full.problem).slice(0, 200)]) {
      const a = study.lean.problem.evaluate(x);
      expect(plain(a)).toEqual(plain(study.full.problem.evaluate(x)));
      if (a.status === 'ok') ok++;
    }
    expect(ok).toBeGreaterThan(200);
  });

  it('every metric and every physical check of the record: the lean value equals the record value', () => {
    const constraints = [...PHYSICAL_CONSTRAINTS, 'drag.fccDisposal'];
    const l = nodeMetricsEvaluator({ metrics: METRIC_PATHS, constraints })!;
    expect(l.senses).toEqual(['>=', '>=', '<=', '<=', '>=', '<=', '<=', '<=']);
    for (const x of designs(60)) {
      const d = full.design(x);
      const rows = resolve(d);
      const record = evaluateNode(d, rows);
      const v = l.run(d, rows);
      METRIC_PATHS.forEach((p, i) => expect(v[i], p).toBe(metricGetter(p)(record)));
      constraints.forEach((name, k) => {
        const c = record.constraints.find((r) => r.name === name)!;
        expect([v[METRIC_PATHS.length + 2 * k], v[METRIC_PATHS.length + 2 * k + 1]], name).toEqual([c.value, c.limit]);
        expect(l.senses[k]).toBe(c.sense);
      });
    }
  });

  it('a path that is not a node metric has no lean evaluation (the study then builds records)', () => {
    expect(nodeMetricsEvaluator({ metrics: ['cost.baselines'], constraints: [] })).not.toBeNull(); // a section key: NaN, as the getter gives
    expect(nodeMetricsEvaluator({ metrics: ['nowhere.x'], constraints: [] })).toBeNull();
    expect(nodeMetricsEvaluator({ metrics: [], constraints: ['no.such.check'] })).toBeNull();
  });
});
