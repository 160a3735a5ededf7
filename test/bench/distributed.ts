/**
 * Benchmark (prints figures, asserts nothing): distributed runs on a real redis-server started here on a
 * free loopback port. Evaluations per second of the flagship constellation study with 1, 2 and 3 local
 * `odc worker` processes beside the same study on local worker threads, and the overhead per job of the
 * Redis round trip, measured on a node study whose evaluations cost ~10 µs (so the run is all overhead).
 * Run with `npm run bench:distributed` (builds first; needs redis-server: apt-get install -y redis-server).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { redisAvailable, startRedis } from '../helpers/redis.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(root, 'dist/src/entries/cli/bin.js');
if (!redisAvailable) {
  console.log('redis-server not found: apt-get install -y redis-server, then run npm run bench:distributed again');
  process.exit(0);
}
const redis = await startRedis();
const out = mkdtempSync(join(tmpdir(), 'odc-bench-dist-'));
let runNo = 0;

function run(study: string, extra: string[]): { s: number; evaluations: number } {
  const t = performance.now();
  const r = spawnSync(
    process.execPath,
    [bin, 'run', study, '--out', join(out, `run-${runNo++}`), '--quiet', ...extra],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  return { s: (performance.now() - t) / 1000, evaluations: Number(/(\d+) evaluations/.exec(r.stdout)?.[1] ?? NaN) };
}

async function withWorkers<T>(n: number, queue: string, body: () => T): Promise<T> {
  const ws: ChildProcess[] = [];
  let connected = 0;
  for (let i = 0; i < n; i++) {
    const p = spawn(process.execPath, [bin, 'worker', '--redis', redis.url, '--queue', queue], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    p.stderr!.on('data', (d: Buffer) => {
      if (d.toString().includes('connected')) connected++;
    });
    ws.push(p);
  }
  while (connected < n) await new Promise((r) => setTimeout(r, 50));
  try {
    return body();
  } finally {
    ws.forEach((p) => p.kill('SIGTERM'));
  }
}

const line = (label: string, r: { s: number; evaluations: number }): string =>
  `  ${label.padEnd(34)} ${r.s.toFixed(1).padStart(6)} s  ${(r.evaluations / r.s).toFixed(1).padStart(7)} evaluations/s`;

console.log(
  `machine: ${cpus().length} cores, load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}; redis-server on 127.0.0.1:${redis.port}\n`,
);
const flagship = join(root, 'designs/constellation-study.yaml');
console.log('flagship constellation study (1,200 evaluations of ~40 ms), CLI start to report written:');
console.log(line('local, --workers 1', run(flagship, ['--workers', '1'])));
console.log(line('local, --workers 2', run(flagship, ['--workers', '2'])));
for (const n of [1, 2, 3]) {
  const r = await withWorkers(n, `bench${n}`, () => run(flagship, ['--redis', redis.url, '--queue', `bench${n}`]));
  console.log(line(`Redis, ${n} worker process(es)`, r));
}

// Overhead: a node study of ~10 µs evaluations, 40 × 10 generations, one worker either way.
const nodeStudy = join(out, 'node-overhead.yaml');
writeFileSync(
  nodeStudy,
  readFileSync(join(root, 'designs/flagship-study.yaml'), 'utf8')
    .replace(/^algorithm:.*$/m, 'algorithm: { name: nsga2, population: 40, generations: 10, seed: 1 }')
    .replace(/^name: .*$/m, 'name: overhead'),
);
const local = run(nodeStudy, ['--workers', '1']);
const remote = await withWorkers(1, 'overhead', () => run(nodeStudy, ['--redis', redis.url, '--queue', 'overhead']));
const jobs = 10 * 4; // 4 jobs per generation with one worker (a few per worker, see redisEvaluator.ts)
console.log(
  `\noverhead on a node study (400 evaluations of ~10 µs, one worker): local thread ${local.s.toFixed(2)} s, Redis ${remote.s.toFixed(2)} s`,
);
console.log(
  `  → ${((1000 * (remote.s - local.s)) / jobs).toFixed(1)} ms more per job (${jobs} jobs), ${((1000 * (remote.s - local.s)) / 400).toFixed(2)} ms per evaluation`,
);
await redis.stop();
