/**
 * The robust study on the lean path (src/study/reading.ts, src/study/robust.ts): the nominal design and each
 * uncertainty sample evaluate only the metrics and physical constraints the study names; so do the per-sample
 * constraint checks (src/study/constraintSamples.ts). The oracle is the same study compiled without the lean path,
 * where every sample builds the complete design record (evaluateNode) and is read with metricGetter and the record's
 * satisfied flags: every objective, constraint, failure reason and sampled metric value must be equal, bit for bit,
 * on the shipped robust study (designs/robust-study.yaml) and its fixed sample seed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeEvaluator } from '../../src/node/evaluator.js';
import { parseStudyFile } from '../../src/study/studyFile.js';
import type { NodeDesign } from '../../src/node/design/schema.js';
import type { DesignRecord } from '../../src/node/record/record.js';
import { metricGetter } from '../../src/node/record/metrics.js';
import { compileNodeStudy, type CompiledStudy } from '../../src/study/nodeStudy.js';
import { commonSampler, inputColumns } from '../../src/study/commonSamples.js';
import { leanReading, recordReading } from '../../src/study/reading.js';
import type { Problem } from '../../src/optimize/types.js';
import { boundCorners, plainEvaluation, seededDesigns } from '../helpers/problemDesigns.js';

const STUDY = 'designs/robust-study.yaml';

/** The shipped robust study compiled twice, counting the records built and the lean evaluations run by each. */
function both() {
  const loaded = parseStudyFile(STUDY);
  if (loaded.kind !== 'node-study') throw new Error(`${STUDY} is a node study`);
  const ev = nodeEvaluator(undefined, loaded.design.catalogs);
  const count = { records: 0, lean: 0 };
  const evaluate = (d: NodeDesign): DesignRecord => {
    count.records++;
    return ev.evaluate(d);
  };
  const lean: typeof ev.lean = (out) => {
    const l = ev.lean(out);
    return l === null
      ? null
      : {
          run: (d) => {
            count.lean++;
            return l.run(d);
          },
          senses: l.senses,
        };
  };
  const compile = (withLean: boolean): CompiledStudy =>
    compileNodeStudy(
      loaded.study,
      loaded.design,
      loaded.file,
      ev.catalogs,
      evaluate,
      ev.physicalConstraints,
      ev.relaxableConstraints,
      ev.rows,
      withLean ? lean : undefined,
    );
  return { full: compile(false), lean: compile(true), count, loaded, ev };
}

const designs = (n: number, problem: Problem) => seededDesigns(n, problem, 4242);
const corners = boundCorners;
const plain = plainEvaluation;

describe('the robust study on the lean path', () => {
  let s: ReturnType<typeof both>;
  let xs: Float64Array[];
  beforeAll(() => {
    s = both();
    xs = [...designs(120, s.full.problem), ...corners(s.full.problem)];
  });

  it('the same objectives, constraints and failure reasons as the complete records, for 120 seeded designs and the 64 corners of the bounds', () => {
    let ok = 0;
    let failed = 0;
    for (const x of xs) {
      const a = s.lean.problem.evaluate(x);
      expect(plain(a)).toEqual(plain(s.full.problem.evaluate(x)));
      if (a.status === 'ok') ok++;
      else failed++;
    }
    // both kinds are exercised: designs whose statistics are computed, and designs that fail
    expect(ok).toBeGreaterThan(30);
    expect(failed).toBeGreaterThan(0);
  });

  it('the same report detail (nominal objective values, failed samples, inputs)', () => {
    for (const x of xs.slice(0, 40)) expect(s.lean.robust!.detail(x)).toEqual(s.full.robust!.detail(x));
  });

  it('the lean study builds no record; the full one builds one per sample and one nominal (N + 1 per design)', () => {
    const N = s.full.robust!.settings.samples;
    const x = xs.find((y) => s.full.robust!.detail(y)?.inputs)!;
    s.count.records = 0;
    s.count.lean = 0;
    s.lean.problem.evaluate(x);
    expect(s.count).toEqual({ records: 0, lean: N + 1 });
    s.count.lean = 0;
    s.full.problem.evaluate(x);
    expect(s.count).toEqual({ records: N + 1, lean: 0 });
  });

  it('each sampled metric value equals the complete record of that sample, bit for bit', () => {
    const { loaded, ev } = s;
    const settings = s.full.robust!.settings;
    const sampler = commonSampler({
      base: loaded.design,
      rows: ev.rows,
      samples: settings.samples,
      method: settings.method,
      seed: settings.seed,
      evaluate: ev.evaluate,
      columns: inputColumns(loaded.design, ev.rows),
    });
    const needs = {
      metrics: ['cost.lcoc_USD_per_PFLOP_day', 'compute.deliveredPFLOPS', 'mass.launch_kg', 'radiation.tolerance_rad'],
      physicalConstraints: ev.physicalConstraints,
    };
    const lean = leanReading(ev.lean, needs)!;
    const full = recordReading(ev.evaluate, needs);
    let compared = 0;
    for (const x of xs.slice(0, 30)) {
      const d = s.full.design(x);
      let nominal: DesignRecord;
      try {
        nominal = ev.evaluate(d);
      } catch {
        continue;
      }
      const plan = sampler.planFor(d);
      for (let i = 0; i < settings.samples; i++) {
        const rec = sampler.sampleOf(d, nominal, plan, i, ev.evaluate);
        const v = sampler.sampleOf(d, lean.nominal(d), plan, i, lean.sample);
        if (typeof rec === 'string') {
          expect(v).toBe(rec);
          continue;
        }
        if (typeof v === 'string') throw new Error(`lean sample failed where the record did not: ${v}`);
        for (const p of needs.metrics) expect(lean.getter(p)(v), p).toBe(metricGetter(p)(rec));
        compared++;
      }
      const scaled = (value: number, sense: string, limit: number) => (sense === '<=' ? value - limit : limit - value);
      needs.physicalConstraints.forEach((_, k) =>
        expect(lean.physical(lean.nominal(d), k, scaled)).toBe(full.physical(nominal, k, scaled)),
      );
    }
    expect(compared).toBeGreaterThan(200);
  });
});

describe('the per-sample constraint checks (select, report) on the lean path', () => {
  it('the same checks per sample, failures and first failure reason as on complete records (their satisfied flag)', () => {
    const s = both();
    const settings = { samples: 24, method: 'lhs' as const, seed: 7 };
    const lean = s.lean.constraintSampler(settings)!;
    const full = s.full.constraintSampler(settings)!;
    let checked = 0;
    for (const x of [...designs(25, s.full.problem), ...corners(s.full.problem).slice(0, 15)]) {
      s.count.records = 0;
      let a: unknown;
      let b: unknown;
      try {
        a = lean(x);
      } catch (e) {
        a = (e as Error).message;
      }
      expect(s.count.records, 'the lean checks build no record').toBe(0);
      try {
        b = full(x);
      } catch (e) {
        b = (e as Error).message;
      }
      expect(a).toEqual(b);
      if (typeof a !== 'string') checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });
});
