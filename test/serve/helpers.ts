/** Runs for the odc serve tests, an independent reader of their evaluations.csv, and `odc serve` as a child process. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * evaluations.csv as the test reads it: header cells and, per row, the cells before `reason` (never quoted: numbers and
 * option names).
 */
export interface LogTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export function readLog(runDir: string): LogTable {
  const lines = readFileSync(join(runDir, 'evaluations.csv'), 'utf8')
    .split('\n')
    .filter((l) => l !== '');
  const header = lines[0]!.split(',');
  const cut = header.indexOf('reason');
  return { header: header.slice(0, cut), rows: lines.slice(1).map((l) => l.split(',').slice(0, cut)) };
}

/** Values of a column for the rows that did not fail (what the explorer shows). */
export function shownValues(log: LogTable, column: string): number[] {
  const k = log.header.indexOf(column);
  const s = log.header.indexOf('status');
  if (k < 0) throw new Error(`no column ${column}`);
  return log.rows.filter((r) => r[s] !== 'failed').map((r) => Number(r[k]));
}

/** Rows that did not fail and keep every filter's closed interval. */
export function countKept(log: LogTable, filters: readonly { metric: string; lo: number; hi: number }[]): number {
  const s = log.header.indexOf('status');
  const cols = filters.map((f) => log.header.indexOf(f.metric));
  return log.rows.filter(
    (r) =>
      r[s] !== 'failed' &&
      filters.every((f, i) => {
        const v = Number(r[cols[i]!]);
        return v >= f.lo && v <= f.hi;
      }),
  ).length;
}

export interface ServeProcess {
  readonly url: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

/** `odc serve <dirs> --port 0` from dist/, resolved with the URL of its first stdout line. */
export function startServe(dirs: readonly string[]): Promise<ServeProcess> {
  const child = spawn(process.execPath, ['dist/src/cli/bin.js', 'serve', ...dirs, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  return new Promise((ok, fail) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (url) =>
      ok({
        url,
        child,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      }),
    );
    child.once('exit', (code) => fail(new Error(`odc serve exited with ${code}: ${stderr}`)));
  });
}

/** Runs `odc serve` expecting it to stop: exit code and stderr. */
export function serveExit(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['dist/src/cli/bin.js', 'serve', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => {
    stdout += c.toString();
  });
  child.stderr!.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  return new Promise((ok) => child.once('exit', (code) => ok({ code, stdout, stderr })));
}
