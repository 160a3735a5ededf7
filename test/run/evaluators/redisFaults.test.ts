/**
 * Faults at the distributed run's trust boundaries, on a real redis-server (Debian package, installed by
 * .ci/run): rogue workers (real BullMQ workers that return malformed results, null, or throw), forged jobs
 * (oversized, naming a file as the study), and connections that cannot work (wrong password, database index
 * out of range, TLS to a plain server). Each must end with one message, never a wrong front or a wait
 * without end. Skipped with a warning without redis-server, except under CI=true where it fails.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runStudy, VERSION } from '../../../src/index.js';
import { MAX_JOB_DATA_CHARS } from '../../../src/run/evaluators/jobCheck.js';
import { JOB_ATTEMPTS, MAX_BAD_RESULTS } from '../../../src/run/evaluators/redisEvaluator.js';
import { odc } from '../../helpers/cli.js';
import { quietWorker, redisAvailable, startRedis, type RedisServer } from '../../helpers/redis.js';
import { tempDir, writeFile } from '../../helpers/tmp.js';

const ci = process.env.CI === 'true';
const dir = tempDir('odc-redis-faults-');
const bin = resolve('dist/src/entries/cli/bin.js');
const study = writeFile(
  dir,
  'zdt1.yaml',
  `name: faults
kind: benchmark
problem: zdt1
variables: 4
algorithm: { name: nsga2, population: 8, generations: 3, seed: 5 }
`,
);

type Rogue = (data: { count: number }) => unknown;
/** A real BullMQ worker on the run's queue that answers with `answer` instead of evaluating. */
async function rogueWorker(url: string, queue: string, answer: Rogue): Promise<{ close(): Promise<void> }> {
  const { Worker } = await import('bullmq');
  const { Redis } = await import('ioredis');
  const connection = new Redis(url, { maxRetriesPerRequest: null });
  const w = new Worker(`odc-${queue}`, async (job) => answer(job.data as { count: number }), {
    connection,
    name: 'rogue',
  });
  await w.waitUntilReady();
  return {
    close: async () => {
      await w.close();
      connection.disconnect();
    },
  };
}

/** Adds a job as anyone with access to the server could, and waits for its failure reason. */
async function forge(
  url: string,
  queue: string,
  data: unknown,
  studyText?: { key: string; text: string },
): Promise<string> {
  const { Queue, Job } = await import('bullmq');
  const { Redis } = await import('ioredis');
  const c = new Redis(url, { maxRetriesPerRequest: null });
  const q = new Queue(`odc-${queue}`, { connection: c });
  try {
    if (studyText) await c.set(studyText.key, studyText.text);
    const job = await q.add('evaluate', data);
    // polled until the job has an answer; a job that never gets one is caught by the test's timeout (a hang guard)
    for (;;) {
      const j = await Job.fromId(q, job.id!);
      if (j?.failedReason) return j.failedReason;
      if (j?.finishedOn) return `completed: ${JSON.stringify(j.returnvalue).slice(0, 100)}`;
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await q.close();
    c.disconnect();
  }
}

// The tests' timeout is vitest's global hang guard; the spawnSync timeouts below are hang guards too (a blocked event
// loop cannot time a test out), far above the two 10 s connect timeouts a TLS case waits out per process.
describe.skipIf(!redisAvailable && !ci)('distributed runs at their trust boundaries', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    expect(redisAvailable, 'redis-server is missing; .ci/run installs it (apt-get install -y redis-server)').toBe(true);
    redis = await startRedis({ password: 'right-password' });
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it.each([
    [
      'short arrays',
      (d: { count: number }) => ({
        ok: Array(d.count).fill(1),
        f: [1],
        g: [],
        reasons: [],
        worker: 'rogue',
        elapsed_ms: 1,
      }),
      /f must hold/,
    ],
    [
      'strings for numbers',
      (d: { count: number }) => ({
        ok: Array(d.count).fill(1),
        f: Array(2 * d.count).fill('x'),
        g: [],
        reasons: Array(d.count).fill(null),
        worker: 'rogue',
        elapsed_ms: 1,
      }),
      /f\[0\] is not a finite number/,
    ],
    ['an empty object', () => ({}), /ok must hold/],
    ['null', () => null, /the result is null/],
  ])(
    'a worker returning %s stops the run with a message naming it; nothing enters the run',
    async (name, answer, reason) => {
      const queue = `rogue-${name.replace(/\W+/g, '-')}`;
      const w = await rogueWorker(redis.url, queue, answer);
      try {
        const out = join(dir, queue);
        const err = await runStudy({ studyPath: study, outDir: out, redis: { url: redis.url, queue } }).then(
          () => null,
          (e: Error) => e,
        );
        expect(err?.message).toMatch(
          new RegExp(`worker rogue returned a malformed result for job \\S+ ${MAX_BAD_RESULTS} times`),
        );
        expect(err?.message).toMatch(reason);
        expect(err?.message).toContain('odc run --resume');
        expect(existsSync(join(out, 'pareto.json'))).toBe(false);
      } finally {
        await w.close();
      }
    },
  );

  it(`a worker that throws: the job is tried ${JOB_ATTEMPTS} times, then the run stops with the worker's reason`, async () => {
    let calls = 0;
    const w = await rogueWorker(redis.url, 'thrower', () => {
      calls++;
      throw new Error('cannot create its temporary folder: ENOSPC');
    });
    try {
      const err = await runStudy({
        studyPath: study,
        outDir: join(dir, 'thrower'),
        redis: { url: redis.url, queue: 'thrower' },
      }).then(
        () => null,
        (e: Error) => e,
      );
      expect(err?.message).toMatch(
        new RegExp(`failed ${JOB_ATTEMPTS} time\\(s\\).*cannot create its temporary folder: ENOSPC`),
      );
      expect(calls).toBeGreaterThanOrEqual(JOB_ATTEMPTS);
    } finally {
      await w.close();
    }
  });

  it('forged jobs are rejected without retries, before anything is allocated or any file read, and the worker keeps serving', async () => {
    const w = await quietWorker(redis.url, 'forged');
    try {
      const hash = 'ab'.repeat(32);
      /** A forged 2-D job of the forged queue claiming `count` designs over the numbers x. */
      const forgeJob = (count: number, x: number[]) =>
        forge(redis.url, 'forged', {
          odcVersion: VERSION,
          queue: 'forged',
          studyHash: hash,
          studyKey: `odc:forged:study:${hash}:0123abcd`,
          dims: 2,
          count,
          x,
        });
      const huge = await forgeJob(50_000_000, []);
      expect(huge).toMatch(/^odc-rejected: .*count must be a whole number in \[1, 65536\]/);
      // 1.2 million numbers (~11 MB of JSON, over MAX_JOB_DATA_CHARS): refused from its length, never parsed into an
      // array
      const big = Array.from({ length: 1_200_000 }, (_, i) => 0.1234567 + i * 1e-9);
      const oversize = await forgeJob(600_000, big);
      expect(oversize).toMatch(
        new RegExp(
          `^odc-rejected: .*its data is \\d+ characters, more than the ${MAX_JOB_DATA_CHARS} of any odc job \\(not parsed\\)`,
        ),
      );
      const pathKey = await forge(redis.url, 'forged', {
        odcVersion: VERSION,
        queue: 'forged',
        studyHash: hash,
        studyKey: '/etc/passwd',
        dims: 2,
        count: 1,
        x: [0.5, 0.5],
      });
      expect(pathKey).toMatch(/^odc-rejected: .*studyKey is not the key of this queue/);
      // A study whose hash matches its text, but which names a node file on the worker's machine.
      const text = `name: f\nkind: constellation\nnode: ${resolve('designs/ai1.yaml')}\nshells: []\n`;
      const h = createHash('sha256').update(text).digest('hex');
      const key = `odc:forged:study:${h}:0123abcd`;
      const fileRef = await forge(
        redis.url,
        'forged',
        { odcVersion: VERSION, queue: 'forged', studyHash: h, studyKey: key, dims: 1, count: 1, x: [0.5] },
        { key, text },
      );
      expect(fileRef).toMatch(/^odc-rejected: the stored study is not self-contained: it names the node file/);
      // Still serving: a real run on the same queue completes.
      const s = await runStudy({
        studyPath: study,
        outDir: join(dir, 'after-forged'),
        redis: { url: redis.url, queue: 'forged' },
      });
      expect(existsSync(join(s.runDir, 'pareto.json'))).toBe(true);
    } finally {
      await w.close();
    }
  });

  const base = (): string => redis.url.replace(':right-password@', '');
  it.each([
    ['a wrong password', () => redis.url.replace('right-password', 'wrong'), /authentication failed/],
    ['no password for a server that needs one', base, /authentication failed/],
    ['a database index out of range', () => `${redis.url}/99`, /database index in the URL is out of range/],
    [
      'rediss:// to a server without TLS',
      () => redis.url.replace('redis://', 'rediss://'),
      /no TLS connection could be set up in 2 tries.*use redis:\/\//,
    ],
  ])('%s: odc worker and odc run stop at once with exit 2 and one message', async (_, url, message) => {
    const w = spawnSync(process.execPath, [bin, 'worker', '--redis', url(), '--queue', 'auth'], {
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(w.status, w.stderr).toBe(2);
    expect(w.stderr).toMatch(message);
    expect(w.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(w.stderr).not.toContain('right-password');
    const r = spawnSync(
      process.execPath,
      [bin, 'run', study, '--out', join(dir, `conn-${w.pid}`), '--redis', url(), '--queue', 'auth', '--quiet'],
      { encoding: 'utf8', timeout: 240_000 },
    );
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toContain('right-password');
  });
});

describe('distributed options that cannot work exit 2 with the fix', () => {
  it.each([
    [['run', study, '--redis', 'redis://127.0.0.1:1', '--queue', ''], /--queue "" is not a queue name/],
    [['run', study, '--queue', 'mine'], /--queue mine names a queue on a Redis server: add --redis/],
    [['worker', '--redis', 'redis://127.0.0.1:1', '--queue', 'a:b'], /is not a queue name/],
    [
      ['worker', '--redis', 'redis://127.0.0.1:1', '--concurrency', '1000'],
      /--concurrency 1000 is too many: at most 64/,
    ],
  ])('odc %j', async (args, message) => {
    const r = await odc(...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});
