/**
 * How many worker threads the pool runs at once (src/run/evaluators/pool.ts usefulWorkers): the cores the other
 * processes leave free by the 1-minute load average (less this run's own busy threads), at least one, at most the
 * workers asked for. Expectations are hand calculations of that rule.
 */
import { describe, expect, it } from 'vitest';
import { ownLoad, PoolEvaluator, usefulWorkers } from '../../../src/run/evaluators/pool.js';
import type { Problem } from '../../../src/optimize/types.js';

describe('usefulWorkers', () => {
  it('an idle 2-core machine: both workers', () => {
    expect(usefulWorkers(2, 2, 0.1, 0)).toBe(2);
  });
  it('own threads are not counted as others: load 2.0 of this run alone on 2 cores keeps 2', () => {
    expect(usefulWorkers(2, 2, 2.0, 2)).toBe(2);
  });
  it('another process holding one core of 2: one worker (2 − 1)', () => {
    expect(usefulWorkers(2, 2, 2.0, 1)).toBe(1);
  });
  it('a machine busier than its cores: still one worker', () => {
    expect(usefulWorkers(2, 2, 20, 2)).toBe(1);
  });
  it('never more than the workers asked for: 2 of 8 free cores', () => {
    expect(usefulWorkers(2, 8, 0.5, 0)).toBe(2);
  });
  it('rounds the free cores: 4 cores, others 1.4 → 3 (2.6 rounded)', () => {
    expect(usefulWorkers(4, 4, 2.4, 1)).toBe(3);
  });
});

describe('ownLoad', () => {
  // The kernel's 1-minute average moves towards the running count by 1 − e^(−5/60) every 5 s (kernel/sched/loadavg.c,
  // EXP_1 = 1884/2048 ≈ e^(−1/12)): after t seconds of k busy threads it holds k·(1 − e^(−t/60)).
  it('a run just started holds none of its threads in the load: the load is the other processes', () => {
    expect(ownLoad(2, 0)).toBe(0);
    // Bug caught: the pool's first estimate subtracting its two threads from a load they had not made, so that a
    // load of 1.8 from other processes on 2 cores read as two useful workers (0.90× in the constellation bench).
    expect(usefulWorkers(2, 2, 1.8, ownLoad(2, 0))).toBe(1);
  });
  it('one minute of two threads: 2·(1 − 1/e) ≈ 1.264 of them', () => {
    expect(ownLoad(2, 60)).toBeCloseTo(2 * (1 - 1 / Math.E), 12);
    expect(1 - 1884 / 2048).toBeCloseTo(1 - Math.exp(-5 / 60), 3); // the kernel's fixed-point factor
  });
  it('a long run: all of its threads', () => {
    expect(ownLoad(2, 3600)).toBeCloseTo(2, 12);
  });
});

describe('PoolEvaluator.records', () => {
  it("one useful worker and no thread started: the records are left to the run's own thread", async () => {
    // Bug caught: 14 full records sent to two fresh worker threads after a generation loop run on the run's own
    // thread (one useful worker), each thread loading the study and compiling its code (~1 s of CPU in the
    // constellation study).
    const here: Problem = {
      name: 'one variable',
      variables: [{ name: 'x', lower: 0, upper: 1 }],
      objectives: [{ name: 'f', sense: 'minimize' }],
      constraints: [],
      evaluate: (x: Float64Array) => ({ status: 'ok', f: Float64Array.of(x[0]!), g: new Float64Array(0) }),
    } as unknown as Problem;
    const saved = process.env['ODC_USEFUL_WORKERS'];
    process.env['ODC_USEFUL_WORKERS'] = '1';
    const pool = new PoolEvaluator({
      studyPath: 'unread',
      studyHash: 'unread',
      workers: 2,
      objectives: 1,
      constraints: 0,
      here,
    });
    try {
      expect(await pool.records([Float64Array.of(0.5)])).toBeUndefined();
    } finally {
      await pool.close();
      if (saved === undefined) delete process.env['ODC_USEFUL_WORKERS'];
      else process.env['ODC_USEFUL_WORKERS'] = saved;
    }
  });
});
