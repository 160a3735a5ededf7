/**
 * Distributed runs on a real redis-server with real `odc worker` processes (BullMQ): results identical to
 * a local run, a worker killed mid-run, Redis restarted mid-run and the run resumed, a worker of another
 * odc version refused, the password never written. Skipped with a warning without redis-server, except
 * under CI=true where it fails (.ci/run installs it).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runStudy, VERSION } from '../../../src/index.js';
import { odc } from '../../helpers/cli.js';
import {
  quietWorker,
  redisAvailable,
  selfSignedCertificate,
  startRedis,
  type RedisServer,
} from '../../helpers/redis.js';
import { tempDir, writeFile } from '../../helpers/tmp.js';
import { oneShellStudyHead } from '../../helpers/constellationYaml.js';

const ci = process.env.CI === 'true';
if (!redisAvailable && !ci)
  console.warn(
    '[distributed tests] skipped: /usr/bin/redis-server not found (apt-get install -y redis-server); required when CI=true',
  );

const dir = tempDir('odc-redis-');
const bin = resolve('dist/src/entries/cli/bin.js');
const read = (runDir: string, f: string): string => readFileSync(join(runDir, f), 'utf8');
/** A small constellation study: evaluations of tens of milliseconds, so a worker can be killed mid-run. */
const study = writeFile(
  dir,
  'dist.yaml',
  `name: dist
${oneShellStudyHead(resolve('designs/ai1.yaml'))}traffic: { pattern: uniform, demandPerNode_Gbps: 1 }
simulation: { duration_h: 1, step_s: 300, snapshots: 1 }
variables:
  shells.a.altitude_km: [500, 700]
  shells.a.satsPerPlane: { int: [10, 16] }
  node.compute.chips: { int: [36, 72] }
objectives:
  - minimize: totals.lcoc_USD_per_PFLOP_day
  - maximize: network.throughputPerNode_Gbps
algorithm: { name: nsga2, population: 8, generations: 6, seed: 11, checkpointEvery: 2 }
`,
);

function worker(url: string, queue: string): { proc: ChildProcess; log: () => string } {
  let log = '';
  const proc = spawn(
    process.execPath,
    [bin, 'worker', '--redis', url, '--queue', queue, '--lock-duration-ms', '2000'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  proc.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  return { proc, log: () => log };
}
// Polls until `cond` holds; a condition that never comes is caught by the test's timeout (a hang guard, not a clock).
const waitFor = async (cond: () => boolean): Promise<void> => {
  while (!cond()) await new Promise((r) => setTimeout(r, 50));
};
// SIGTERM: a worker finishes its jobs and removes its temporary study copy (the killed-worker test uses SIGKILL
// itself).
const stopAll = (ws: { proc: ChildProcess }[]): void => ws.forEach((w) => w.proc.kill('SIGTERM'));

describe.skipIf(!redisAvailable && !ci)('distributed evaluation on Redis', () => {
  let redis: RedisServer;
  let local: string;
  beforeAll(async () => {
    expect(redisAvailable, 'redis-server is missing; .ci/run installs it (apt-get install -y redis-server)').toBe(true);
    redis = await startRedis();
    local = (await runStudy({ studyPath: study, outDir: join(dir, 'local'), workers: 0 })).runDir;
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('one worker and three workers give the files of a local run, byte for byte; Redis is left clean', async () => {
    for (const n of [1, 3]) {
      const ws = Array.from({ length: n }, () => worker(redis.url, `q${n}`));
      try {
        await waitFor(() => ws.every((w) => w.log().includes('connected')));
        const s = await runStudy({
          studyPath: study,
          outDir: join(dir, `redis-${n}`),
          redis: { url: redis.url, queue: `q${n}` },
        });
        expect(read(s.runDir, 'pareto.json')).toBe(read(local, 'pareto.json'));
        expect(read(s.runDir, 'evaluations.parquet')).toBe(read(local, 'evaluations.parquet'));
        if (n === 3) expect(ws.filter((w) => w.log().includes('loaded study')).length).toBeGreaterThanOrEqual(2);
      } finally {
        stopAll(ws);
      }
    }
    // No job, result or study text is left behind (BullMQ's own bookkeeping keys may remain).
    const { Redis } = await import('ioredis');
    const c = new Redis(redis.url);
    const keys = await c.keys('*');
    c.disconnect();
    expect(keys.filter((k) => /:study:|-\d+-\d+$/.test(k))).toEqual([]);
  });

  it('a worker killed mid-run: its jobs are retried by another worker, nothing lost or counted twice', async () => {
    const a = worker(redis.url, 'kill');
    const b = worker(redis.url, 'kill');
    try {
      await waitFor(() => a.log().includes('connected') && b.log().includes('connected'));
      const run = runStudy({ studyPath: study, outDir: join(dir, 'killed'), redis: { url: redis.url, queue: 'kill' } });
      await waitFor(() => a.log().includes('loaded study'));
      a.proc.kill('SIGKILL');
      const s = await run;
      expect(read(s.runDir, 'evaluations.parquet')).toBe(read(local, 'evaluations.parquet'));
      expect(read(s.runDir, 'pareto.json')).toBe(read(local, 'pareto.json'));
    } finally {
      stopAll([a, b]);
    }
  });

  it('Redis restarted mid-run: the run stops with a clear message, and --resume finishes it identically', async () => {
    const own = await startRedis();
    const ws = [worker(own.url, 'restart')];
    const out = join(dir, 'restarted');
    try {
      await waitFor(() => ws[0]!.log().includes('connected'));
      const run = runStudy({
        studyPath: study,
        outDir: out,
        redis: { url: own.url, queue: 'restart', reconnectTimeout_s: 2 },
      });
      await waitFor(() => ws[0]!.log().includes('loaded study'));
      await own.stop();
      await expect(run).rejects.toThrow(
        /lost Redis at redis:\/\/127\.0\.0\.1:\d+\/? for more than 2 s.*odc run --resume/,
      );
      const again = await startRedis({ port: own.port });
      ws.push(worker(again.url, 'restart'));
      await waitFor(() => ws[1]!.log().includes('connected'));
      const s = await runStudy({ resumeDir: out, redis: { url: again.url, queue: 'restart' } });
      expect(s.status).toBe('complete');
      expect(read(out, 'pareto.json')).toBe(read(local, 'pareto.json'));
      expect(read(out, 'evaluations.parquet')).toBe(read(local, 'evaluations.parquet'));
      await again.stop();
    } finally {
      stopAll(ws);
    }
  });

  it('a coordinator killed mid-run (SIGKILL): --resume continues on the same queue and gives identical files', async () => {
    const ws = [worker(redis.url, 'coord')];
    const out = join(dir, 'coordinator-killed');
    try {
      await waitFor(() => ws[0]!.log().includes('connected'));
      const coord = spawn(
        process.execPath,
        [bin, 'run', study, '--out', out, '--redis', redis.url, '--queue', 'coord', '--quiet'],
        { stdio: 'ignore' },
      );
      await waitFor(() => existsSync(join(out, 'checkpoint.json')));
      coord.kill('SIGKILL');
      await new Promise((r) => coord.once('exit', r));
      const s = await runStudy({ resumeDir: out, redis: { url: redis.url, queue: 'coord' } });
      expect(s.status).toBe('complete');
      expect(read(out, 'pareto.json')).toBe(read(local, 'pareto.json'));
      expect(read(out, 'evaluations.parquet')).toBe(read(local, 'evaluations.parquet'));
    } finally {
      stopAll(ws);
    }
  });

  it('a worker of another odc version refuses the jobs with a clear message', async () => {
    const w = await quietWorker(redis.url, 'version', '0.0.0-other');
    try {
      await expect(
        runStudy({ studyPath: study, outDir: join(dir, 'version'), redis: { url: redis.url, queue: 'version' } }),
      ).rejects.toThrow(`runs odc 0.0.0-other, the run needs odc ${VERSION}`);
    } finally {
      await w.close();
    }
  });

  it('a job whose stored study does not match its hash is refused, not evaluated', async () => {
    const w = await quietWorker(redis.url, 'hash');
    const { Queue, Job } = await import('bullmq');
    const { Redis } = await import('ioredis');
    const c = new Redis(redis.url, { maxRetriesPerRequest: null });
    const q = new Queue('odc-hash', { connection: c });
    try {
      await c.set(`odc:hash:study:${'a'.repeat(64)}:0123abcd`, 'name: forged\nkind: benchmark\nproblem: zdt1\n');
      const job = await q.add('evaluate', {
        odcVersion: VERSION,
        queue: 'hash',
        studyHash: 'a'.repeat(64),
        studyKey: `odc:hash:study:${'a'.repeat(64)}:0123abcd`,
        dims: 2,
        count: 1,
        x: [0.5, 0.5],
      });
      // polled until the job fails; one that never does is caught by the test's timeout (a hang guard, not a clock)
      let reason = '';
      while (reason === '') {
        reason = (await Job.fromId(q, job.id!))?.failedReason ?? '';
        if (reason === '') await new Promise((r) => setTimeout(r, 50));
      }
      expect(reason).toMatch(
        /^odc-refused: the study stored in Redis has hash [0-9a-f]{12}, the job expects aaaaaaaaaaaa/,
      );
    } finally {
      await q.close();
      c.disconnect();
      await w.close();
    }
  });

  it('rediss:// connects with TLS (server certificate checked against NODE_EXTRA_CA_CERTS) and gives the same files', async () => {
    const tls = selfSignedCertificate();
    const own = await startRedis({ tls });
    const env = { ...process.env, NODE_EXTRA_CA_CERTS: tls.cert };
    let log = '';
    const w = spawn(process.execPath, [bin, 'worker', '--redis', own.url, '--queue', 'tls'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env,
    });
    w.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    try {
      await waitFor(() => log.includes('connected'));
      const out = join(dir, 'tls');
      const r = spawnSync(
        process.execPath,
        [bin, 'run', study, '--out', out, '--redis', own.url, '--queue', 'tls', '--quiet'],
        { env, encoding: 'utf8' },
      );
      expect(r.status, r.stderr).toBe(0);
      expect(read(out, 'pareto.json')).toBe(read(local, 'pareto.json'));
    } finally {
      w.kill('SIGTERM');
      await own.stop();
    }
  });

  it('a password in the Redis URL is used but never written to run.json, the report or the output', async () => {
    const secret = 's3cret-pw';
    const own = await startRedis({ password: secret });
    const w = worker(own.url, 'pw');
    try {
      await waitFor(() => w.log().includes('connected'));
      expect(w.log()).not.toContain(secret);
      const out = join(dir, 'pw');
      // wide enough for the workers' field, which an 80-column line leaves out
      vi.stubEnv('COLUMNS', '200');
      const r = await odc('run', study, '--out', out, '--redis', own.url, '--queue', 'pw').finally(() =>
        vi.unstubAllEnvs(),
      );
      expect(r.code, r.err).toBe(0);
      // Progress (plain lines off a terminal) shows the connected workers and each one's rate.
      expect(r.err).toMatch(/ workers 1 \(\S+:\d+ \d+(\.\d)?\/s\)/);
      for (const f of ['run.json', 'report.html', 'report.md', 'pareto.json', 'study.yaml'])
        expect(read(out, f)).not.toContain(secret);
      expect(r.out + r.err).not.toContain(secret);
      expect(JSON.parse(read(out, 'run.json')).distributed.redis).toBe(`redis://:***@127.0.0.1:${own.port}`);
    } finally {
      stopAll([w]);
      await own.stop();
    }
  });
});
