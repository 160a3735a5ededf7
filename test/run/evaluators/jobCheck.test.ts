/**
 * The distributed run's boundary checks (src/run/evaluators/jobCheck.ts) on hand-made jobs and results: each case
 * is one way a rogue or broken process could lie, with the expected verdict written out.
 */
import { describe, expect, it } from 'vitest';
import {
  checkJob,
  checkJobResult,
  encodeConstraint,
  MAX_JOB_DATA_CHARS,
  MAX_JOB_DESIGNS,
  MAX_JOB_NUMBERS,
} from '../../../src/run/evaluators/jobCheck.js';
import { designsPerJob } from '../../../src/run/evaluators/redisEvaluator.js';

const hash = 'ab'.repeat(32);
const job = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  odcVersion: '0.1.0',
  queue: 'q',
  studyHash: hash,
  studyKey: `odc:q:study:${hash}:0123abcd`,
  dims: 2,
  count: 2,
  x: [0.1, 0.2, 0.3, 0.4],
  ...over,
});

describe('checkJob', () => {
  it('accepts a well-formed job and unpacks its vectors', () => {
    const r = checkJob(job(), 'q');
    expect(r.ok).toBe(true);
    if (r.ok) expect([...r.value.x]).toEqual([0.1, 0.2, 0.3, 0.4]);
  });
  it.each([
    ['not an object', null, /not an object/],
    ['another queue', job({ queue: 'other' }), /serves q/],
    ['a path as the study key', job({ studyKey: '/etc/passwd' }), /studyKey/],
    ['a key of another hash', job({ studyKey: `odc:q:study:${'cd'.repeat(32)}:0123abcd` }), /studyKey/],
    ['a key with a suffix', job({ studyKey: `odc:q:study:${hash}:0123abcd/../x` }), /studyKey/],
    ['a hash that is not hex', job({ studyHash: 'z'.repeat(64) }), /sha256/],
    ['count above the cap', job({ count: MAX_JOB_DESIGNS + 1, x: [] }), /count must be/],
    ['count 0', job({ count: 0, x: [] }), /count must be/],
    ['fractional dims', job({ dims: 1.5 }), /dims must be/],
    ['too many numbers for count × dims', job({ dims: 4096, count: 4096, x: [] }), /more than/],
    ['a short vector', job({ x: [0.1, 0.2, 0.3] }), /count × dims = 4/],
    ['a string in the vector', job({ x: [0.1, '0.2', 0.3, 0.4] }), /x\[1\]/],
    ['NaN in the vector (null in JSON)', job({ x: [0.1, null, 0.3, 0.4] }), /x\[1\]/],
  ])('refuses %s', (_, data, reason) => {
    const r = checkJob(data, 'q');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('checkJobResult (2 designs, 2 objectives, 1 constraint)', () => {
  const good = {
    ok: [1, 0],
    f: [1, 2, 0, 0],
    g: [-0.5, 0],
    reasons: [null, 'radiator does not close'],
    worker: 'host:1',
    elapsed_ms: 3,
  };
  it('accepts a well-formed result; a failed row keeps its reason and its padding is ignored', () => {
    const r = checkJobResult(good, 2, 2, 1);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect([...r.value.ok]).toEqual([1, 0]);
      expect([...r.value.f.subarray(0, 2)]).toEqual([1, 2]);
      expect(r.value.reasons).toEqual([null, 'radiator does not close']);
    }
  });
  it('decodes an infinite constraint value sent as a string (JSON has no Infinity)', () => {
    const r = checkJobResult({ ...good, g: [encodeConstraint(Number.POSITIVE_INFINITY), 0] }, 2, 2, 1);
    expect(r.ok && r.value.g[0]).toBe(Number.POSITIVE_INFINITY);
    expect(encodeConstraint(-0.25)).toBe(-0.25);
  });
  it.each([
    ['null', null, /null/],
    ['an empty object', {}, /ok must hold 2/],
    ['short objectives', { ...good, f: [1, 2, 0] }, /f must hold 2 × 2/],
    ['a string objective', { ...good, f: ['1', 2, 0, 0] }, /f\[0\]/],
    ['an infinite objective', { ...good, f: [Number.POSITIVE_INFINITY, 2, 0, 0] }, /f\[0\]/],
    ['a status of 2', { ...good, ok: [2, 0] }, /ok\[0\]/],
    ['a failure without a reason', { ...good, reasons: [null, null] }, /reasons\[1\]/],
    ['a constraint of null (NaN sent as JSON)', { ...good, g: [null, 0] }, /g\[0\]/],
    ['no worker name', { ...good, worker: '' }, /worker/],
    ['a negative time', { ...good, elapsed_ms: -1 }, /elapsed_ms/],
  ])('refuses %s', (_, value, reason) => {
    const r = checkJobResult(value, 2, 2, 1);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('the coordinator splits a generation into jobs a worker accepts', () => {
  it('jobs never exceed MAX_JOB_NUMBERS numbers or MAX_JOB_DESIGNS designs, and the largest job data stays under MAX_JOB_DATA_CHARS', () => {
    // population 100,000 (the schema's cap) of 200 variables on one worker: 4 jobs of 25,000 would be 5 million numbers
    for (const [designs, dims, workers] of [
      [100_000, 200, 1],
      [100_000, 4096, 1],
      [100_000, 1, 1],
      [7, 3, 64],
      [1, 4096, 0],
    ] as const) {
      const size = designsPerJob(designs, dims, workers);
      expect(size).toBeGreaterThanOrEqual(1);
      expect(size * dims).toBeLessThanOrEqual(MAX_JOB_NUMBERS);
      expect(size).toBeLessThanOrEqual(MAX_JOB_DESIGNS);
    }
    expect(designsPerJob(100_000, 200, 1)).toBe(Math.floor(262_144 / 200));
    // the longest JSON a double prints is 24 characters plus a comma: a full job and its other fields fit
    const widest = Number('-1.2345678901234567e-300');
    expect(JSON.stringify(widest)).toHaveLength(24);
    const longest = JSON.stringify({ x: Array<number>(MAX_JOB_NUMBERS).fill(widest) });
    expect(longest.length + 400).toBeLessThan(MAX_JOB_DATA_CHARS);
  });
});
