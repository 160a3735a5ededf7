/**
 * How many worker threads the pool runs at once (src/run/evaluators/pool.ts usefulWorkers): the cores the other
 * processes leave free by the 1-minute load average (less this run's own busy threads), at least one, at most the
 * workers asked for. Expectations are hand calculations of that rule.
 */
import { describe, expect, it } from 'vitest';
import { usefulWorkers } from '../../../src/run/evaluators/pool.js';

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
