/**
 * The coordinator's bounded view of a job (src/run/evaluators/boundedWorker.ts): a result or job data longer than its
 * cap
 * is never handed to JSON.parse (checked by a JSON.parse that fails the test on any string that long) and the
 * marker that replaces it is refused by checkJobResult with its length. The worker's side runs against a real
 * redis-server in test/run/evaluators/redisFaults.test.ts (forged jobs).
 */
import type { JobJson } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import { BoundedJob } from '../../../src/run/evaluators/boundedWorker.js';
import { checkJobResult, MAX_JOB_DATA_CHARS, MAX_RESULT_CHARS } from '../../../src/run/evaluators/jobCheck.js';

const parse = JSON.parse;
afterEach(() => {
  JSON.parse = parse;
});

/** The least of a queue a Job is built on (BullMQ's constructor reads these). */
const queue = { toKey: (s: string) => s, qualifiedName: 'bull:q', backend: {}, keys: {} } as never;
const json = (over: Partial<JobJson>): JobJson =>
  ({
    id: '1',
    name: 'evaluate',
    data: '{"count":1}',
    opts: {},
    progress: 0,
    attemptsMade: 1,
    attemptsStarted: 1,
    timestamp: 1,
    failedReason: '',
    returnvalue: 'null',
    stalledCounter: 0,
    finishedOn: 2,
    ...over,
  }) as JobJson;

describe('BoundedJob.fromJSON', () => {
  it('a result longer than MAX_RESULT_CHARS is replaced unparsed and refused with its length', () => {
    const long = `[${'0,'.repeat(MAX_RESULT_CHARS / 2)}0]`;
    JSON.parse = ((text: string, ...rest: []) => {
      if (typeof text === 'string' && text.length > MAX_RESULT_CHARS)
        throw new Error(`JSON.parse was given ${text.length} characters`);
      return parse(text, ...rest);
    }) as typeof JSON.parse;
    const job = BoundedJob.fromJSON(queue, json({ returnvalue: long }), '1');
    const r = checkJobResult(job.returnvalue, 1, 2, 0);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.reason).toBe(
        `the result is ${long.length} characters, more than the ${MAX_RESULT_CHARS} odc reads (not parsed)`,
      );
  });

  it('job data longer than MAX_JOB_DATA_CHARS is dropped unparsed; a result within its cap is parsed as BullMQ would', () => {
    const data = `{"x":[${'1,'.repeat(MAX_JOB_DATA_CHARS / 2)}1]}`;
    JSON.parse = ((text: string, ...rest: []) => {
      if (typeof text === 'string' && text.length > MAX_JOB_DATA_CHARS)
        throw new Error(`JSON.parse was given ${text.length} characters`);
      return parse(text, ...rest);
    }) as typeof JSON.parse;
    const job = BoundedJob.fromJSON(queue, json({ data, returnvalue: '{"ok":[1]}' }), '1');
    expect(job.data).toEqual({});
    expect(job.returnvalue).toEqual({ ok: [1] });
  });
});
