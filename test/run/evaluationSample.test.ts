/**
 * The report's sample of evaluated designs: the run hands it over from memory (EvaluationLog.sample) instead of
 * the report reading evaluations.csv back. The two must be the same numbers, and both follow the stride rule.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/base/rng.js';
import { EvaluationLog, toLogged } from '../../src/run/log.js';
import {
  EVALUATION_SAMPLE,
  EvaluationSampler,
  finalSampleStride,
  type SampledEvaluations,
} from '../../src/run/evaluationSample.js';
import { readEvaluations } from '../../src/run/loadRun.js';
import type { Evaluation, Problem } from '../../src/optimize/types.js';
import { tempDir } from '../helpers/tmp.js';

const dir = tempDir('odc-sample-');

const problem: Problem = {
  name: 'mixed-senses',
  variables: [{ kind: 'real', name: 'x', lower: 0, upper: 1 }],
  objectives: [
    { name: 'cost', sense: 'minimize' },
    { name: 'compute', sense: 'maximize' },
  ],
  constraints: [{ name: 'g' }],
  evaluate: () => ({ status: 'failed', reason: 'not used' }),
};

/** Bit-level comparison (Object.is tells -0 from 0 and NaN from itself). */
function sameSample(a: SampledEvaluations, b: SampledEvaluations): void {
  expect(a.evaluated).toBe(b.evaluated);
  expect(a.sample.length).toBe(b.sample.length);
  a.sample.forEach((e, i) => {
    const o = b.sample[i]!;
    expect([e.index, e.generation, e.status]).toEqual([o.index, o.generation, o.status]);
    expect(Object.is(e.violation, o.violation)).toBe(true);
    e.objectives.forEach((v, k) =>
      expect(Object.is(v, o.objectives[k]), `row ${i} objective ${k}: ${v} vs ${o.objectives[k]}`).toBe(true),
    );
  });
}

describe('EvaluationLog.sample', () => {
  it('gives what reading evaluations.csv back gives: maximized objectives, ±0, infeasible, failed and infinite rows, past the first stride doubling', () => {
    const rng = createRng(11);
    const path = join(dir, 'evaluations.csv');
    const log = new EvaluationLog(path, problem);
    const rows = 12_000; // > 2 × EVALUATION_SAMPLE evaluated designs: the stride doubles once
    for (let gen = 0; gen < rows / 100; gen++) {
      const batch = [];
      for (let j = 0; j < 100; j++) {
        const i = gen * 100 + j;
        const kind = rng.int(20);
        const e: Evaluation =
          kind === 0
            ? { status: 'failed', reason: 'radiator did not close' }
            : {
                status: 'ok',
                // -0 in both senses (the file writes "0"), an infinite objective (counted out), ordinary values
                f: Float64Array.of(
                  kind === 1 ? -0 : kind === 2 ? Infinity : rng.next() * 1e3,
                  kind === 3 ? -0 : kind === 4 ? 0 : -rng.next() * 50,
                ),
                g: Float64Array.of(kind < 8 ? rng.next() - 0.5 : -1),
              };
        batch.push(toLogged(problem, i, gen, Float64Array.of(rng.next()), e));
      }
      log.append(batch);
    }
    const fromMemory = log.sample();
    log.close();
    expect(fromMemory).toBeDefined();
    const fromFile = readEvaluations(path, problem);
    sameSample(fromMemory!, fromFile);
    // the sample really holds infeasible designs and maximized objectives in the user's sense (positive)
    expect(fromFile.sample.some((e) => e.status === 'infeasible')).toBe(true);
    expect(fromFile.sample.every((e) => e.objectives[1]! >= 0)).toBe(true);
    expect(fromFile.sample.some((e) => Object.is(e.objectives[1], -0))).toBe(false);
  });

  it('is undefined once the rows no longer fit the memory budget (the report reads the file)', () => {
    const log = new EvaluationLog(join(dir, 'small-budget.csv'), problem, undefined, undefined, 5 * 10);
    const ok: Evaluation = { status: 'ok', f: Float64Array.of(1, -2), g: Float64Array.of(-1) };
    log.append(Array.from({ length: 11 }, (_, i) => toLogged(problem, i, 0, Float64Array.of(0.5), ok)));
    expect(log.sample()).toBeUndefined();
    log.close();
  });
});

describe('EvaluationSampler', () => {
  it('keeps every design up to 2 × EVALUATION_SAMPLE, then every second one: 10,000 designs give 5,000, evaluated indices 0, 2, …, 9998', () => {
    const s = new EvaluationSampler();
    const n = 10_000;
    for (let i = 0; i < n; i++) s.offer(i, 0, 'feasible', Float64Array.of(i), 0);
    // by hand: at 8,000 kept the sample halves to 4,000 (indices 0, 2, …, 7998) and the stride becomes 2; the
    // remaining 2,000 designs add 1,000 more
    expect(2 * EVALUATION_SAMPLE).toBe(8000);
    const r = s.result();
    expect(r.evaluated).toBe(n);
    expect(r.sample.length).toBe(5000);
    expect(r.sample.map((e) => e.index)).toEqual(Array.from({ length: 5000 }, (_, k) => 2 * k));
  });

  it('keepsNext() is false exactly for the designs offer() would count without keeping, and pass() counts those alike', () => {
    const offered = new EvaluationSampler();
    const passed = new EvaluationSampler();
    const n = 20_000;
    let skipped = 0;
    for (let i = 0; i < n; i++) {
      offered.offer(i, 0, 'feasible', Float64Array.of(i), 0);
      if (passed.keepsNext()) passed.offer(i, 0, 'feasible', Float64Array.of(i), 0);
      else {
        passed.pass();
        skipped++;
      }
    }
    // by hand: offers 0-7,999 all kept (stride 1; then the sample halves, stride 2), offers 8,000-15,999 every second
    // (4,000 more: 8,000 again, stride 4), offers 16,000-19,999 every fourth (1,000): 13,000 taken, 7,000 passed
    expect(skipped).toBe(n - 8000 - 4000 - 1000);
    expect(passed.result()).toEqual(offered.result());
  });

  it('finalSampleStride(n): the sampler keeps exactly the ordinals that are multiples of it, at and around each halving', () => {
    // by hand: the stride is 1 up to 7,999 designs, 2 from the 8,000th (the sample halves to 4,000), 4 once 8,000
    // more kept (ordinal 15,998: 8,000 + 2 × 3,999), 8 at ordinal 31,996 (16,000 + 4 × 3,999)
    expect([0, 7999, 8000, 15998, 15999, 31996, 31997].map(finalSampleStride)).toEqual([1, 1, 2, 2, 4, 4, 8]);
    for (const n of [1, 7999, 8000, 8001, 15999, 16000, 20_000, 31997, 50_001]) {
      const s = new EvaluationSampler();
      for (let i = 0; i < n; i++) s.offer(i, 0, 'feasible', Float64Array.of(i), 0);
      const stride = finalSampleStride(n);
      const expected = Array.from({ length: Math.ceil(n / stride) }, (_, k) => k * stride);
      expect(
        s.result().sample.map((e) => e.index),
        `${n} designs`,
      ).toEqual(expected);
    }
  });

  it('counts out failed designs and non-finite objectives', () => {
    const s = new EvaluationSampler();
    s.offer(0, 0, 'failed', Float64Array.of(NaN), Infinity);
    s.offer(1, 0, 'feasible', Float64Array.of(Infinity), 0);
    s.offer(2, 0, 'infeasible', Float64Array.of(3), 0.5);
    expect(s.result().evaluated).toBe(1);
    expect(s.result().sample.map((e) => e.index)).toEqual([2]);
  });
});
