/**
 * Memory of `odc serve` per request (a script, not a vitest test): `npm run bench:serve-memory [-- --rows
 * 1000000,2000000 --clients 8]`. Builds a finished ZDT1 run (12 variables), grows its evaluations.csv to each row
 * count, starts `odc serve` on it in a child process and reads the child's resident set from /proc: once loaded, then
 * at the peak (VmHWM) while 1 and then N slow clients (each pauses 2 s before reading its response) fetch the columns.
 * The peer in the same run is one client: with the columns buffer shared per state of the log, N clients should cost
 * what one costs (ratio ≈ 1), where a buffer per request costs N of them. The stated bound (docs/explorer.md): peak
 * RSS ≤ idle RSS + one columns buffer (rows × served columns × 8 B) + 150 MB, whatever the number of clients; the idle
 * RSS already holds the parsed columns (≤ 1.5 buffers with the arrays' growth slack). Checked and printed per case.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { PROJECT_ROOT } from '../../src/run/versions.js';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const rowCounts = (flag('--rows') ?? '1000000,2000000').split(',').map(Number);
const clients = Number(flag('--clients') ?? 8);
const CLI = join(PROJECT_ROOT, 'dist/src/entries/cli/bin.js');
const SLACK_MB = 150;
const MB = 1e6;

/** A finished 1,000-evaluation ZDT1 run of 12 variables, written by odc run. */
function baseRun(dir: string): string {
  const study = join(dir, 'zdt1.yaml');
  writeFileSync(
    study,
    'name: zdt1-serve-memory\nkind: benchmark\nproblem: zdt1\nvariables: 12\n' +
      'algorithm: { name: nsga2, population: 100, evaluations: 1000, seed: 1 }\n',
  );
  const out = join(dir, 'run');
  // its log as CSV: growLog rewrites its text
  const r = spawnSync(process.execPath, [CLI, 'run', study, '--log', 'csv', '--out', out, '--quiet'], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`odc run failed: ${r.stderr}`);
  return out;
}

/** Rewrites the run's log with `rows` rows, cycling its own rows with fresh evaluation indices. */
async function growLog(run: string, rows: number): Promise<void> {
  const path = join(run, 'evaluations.csv');
  const [header, ...body] = readFileSync(path, 'utf8').trimEnd().split('\n');
  const out = createWriteStream(path);
  const write = (s: string): Promise<void> =>
    new Promise((ok) => (out.write(s) ? ok() : out.once('drain', () => ok())));
  await write(`${header}\n`);
  for (let i = 0; i < rows; i += 1000) {
    let chunk = '';
    for (let k = i; k < Math.min(rows, i + 1000); k++) {
      const line = body[k % body.length]!;
      chunk += `${k}${line.slice(line.indexOf(','))}\n`;
    }
    await write(chunk);
  }
  await new Promise<void>((ok) => out.end(ok));
}

function status(pid: number): { rss_MB: number; peak_MB: number } {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kB = (key: string): number => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(text)![1]) * 1000;
  return { rss_MB: kB('VmRSS') / MB, peak_MB: kB('VmHWM') / MB };
}

function startServe(run: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [CLI, 'serve', run, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((ok, fail) => {
    createInterface({ input: child.stdout! }).once('line', (url) => ok({ url, child }));
    child.once('exit', (code) => fail(new Error(`odc serve exited with ${code}: ${stderr}`)));
  });
}

/** A client that waits `pause_ms` before reading the columns: its response sits in the server meanwhile. */
function slowClient(url: string, pause_ms: number): Promise<number> {
  const u = new URL('/api/runs/0/columns', url);
  return new Promise((ok, fail) => {
    const req = request({ host: u.hostname, port: u.port, path: u.pathname }, (res) => {
      res.pause();
      let bytes = 0;
      setTimeout(() => {
        res.on('data', (c: Buffer) => (bytes += c.length));
        res.on('end', () => ok(bytes));
        res.resume();
      }, pause_ms);
    });
    req.on('error', fail);
    req.end();
  });
}

async function peakWith(run: string, n: number): Promise<{ idle_MB: number; peak_MB: number; bytes: number }> {
  const { url, child } = await startServe(run);
  try {
    const idle = status(child.pid!);
    const got = await Promise.all(Array.from({ length: n }, () => slowClient(url, 2000)));
    return { idle_MB: idle.rss_MB, peak_MB: status(child.pid!).peak_MB, bytes: got[0]! };
  } finally {
    child.kill('SIGTERM');
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'odc-bench-serve-memory-'));
  try {
    const run = baseRun(dir);
    const columns = readFileSync(join(run, 'evaluations.csv'), 'utf8').split('\n')[0]!.split(',').length;
    console.log(
      `odc serve memory: ${clients} slow clients vs 1 (peer), ${cpus().length} cores, load ${loadavg()[0]!.toFixed(2)}`,
    );
    console.log('rows       buffer MB  idle RSS MB  peak 1 client  peak N clients  N/1 growth  bound MB  within');
    for (const rows of rowCounts) {
      await growLog(run, rows);
      const one = await peakWith(run, 1);
      const many = await peakWith(run, clients);
      const servedColumns = one.bytes / 8 / rows;
      const buffer_MB = (rows * servedColumns * 8) / MB;
      const bound = many.idle_MB + buffer_MB + SLACK_MB;
      const ratio = (many.peak_MB - many.idle_MB) / Math.max(1, one.peak_MB - one.idle_MB);
      console.log(
        [
          String(rows).padEnd(10),
          buffer_MB.toFixed(0).padStart(9),
          many.idle_MB.toFixed(0).padStart(12),
          one.peak_MB.toFixed(0).padStart(14),
          many.peak_MB.toFixed(0).padStart(15),
          ratio.toFixed(2).padStart(11),
          bound.toFixed(0).padStart(9),
          (many.peak_MB <= bound ? 'yes' : 'NO').padStart(7),
        ].join(' '),
      );
    }
    console.log(`(log columns ${columns}; served columns exclude text-only ones)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
