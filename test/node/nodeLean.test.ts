import { describe, expect, it } from 'vitest';
import { nodeEvaluator } from '../../src/node/evaluator.js';
import { METRIC_PATHS, metricGetter } from '../../src/node/metrics.js';
import { evaluateNode, nodeMetricsEvaluator, PHYSICAL_CONSTRAINTS } from '../../src/node/node.js';
import { rowResolver } from '../../src/node/rows.js';
import { compileNodeStudy } from '../../src/study/compile.js';
import { parseDesignFile } from '../../src/design/load.js';
import type { Evaluation } from '../../src/problem/types.js';

// The lean path an optimizer runs must give the numbers of the complete record, bit for bit: the oracle here is the
// complete record (evaluateNode) read the way the study compiler reads it without the lean path.

const loaded = parseDesignFile('designs/flagship-study.yaml');
if (loaded.kind !== 'node-study') throw new Error('flagship-study.yaml is a node study');
const ev = nodeEvaluator(undefined, loaded.design.catalogs);
const compile = (lean: boolean) => compileNodeStudy(
  loaded.study, loaded.design, loaded.file, ev.catalogs, ev.evaluate, ev.physicalConstraints, ev.relaxableConstraints, ev.rows, lean ? ev.lean : undefined,
);
const full = compile(false);
const lean = compile(true);
const resolve = rowResolver(ev.rows);

/** Seeded designs inside the flagship's bounds (Park–Miller), feasible or not: the mix an optimizer starts from. */
function designs(n: number): Float64Array[] {
  let s = 12345;
  const next = () => (s = (s * 16807) % 2147483647) / 2147483647;
  return Array.from({ length: n }, () => Float64Array.from(full.problem.variables, (v) => v.kind === 'choice' ? Math.floor(next() * v.options.length)
    : v.kind === 'int' ? v.lower + Math.floor(next() * (v.upper - v.lower + 1)) : v.lower + next() * (v.upper - v.lower)));
}
const plain = (e: Evaluation) => (e.status === 'ok' ? { status: e.status, f: Array.from(e.f), g: Array.from(e.g) } : e);

describe('lean node evaluation (the optimizer path) against the complete record', () => {
  it('flagship study: the same objectives and constraints as the complete record for 400 designs', () => {
    let ok = 0;
    for (const x of designs(400)) {
      const a = lean.problem.evaluate(x);
      expect(plain(a)).toEqual(plain(full.problem.evaluate(x)));
      if (a.status === 'ok') ok++;
    }
    expect(ok).toBeGreaterThan(300);
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
