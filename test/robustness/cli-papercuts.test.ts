/**
 * CLI papercuts: argument errors exit 2 with the message printed, Ctrl-C during odc run exits 130
 * with one "interrupted — resume with …" line, a closed stdout pipe (`odc … | head`) ends quietly, and the
 * progress bar shows the terminal cursor again when stopped.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/entries/cli/progress.js';
import type { ProgressInfo } from '../../src/run/driver.js';
import { odc } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';
import { benchmarkStudy } from '../helpers/benchmarkStudy.js';

const BIN = resolve('dist/src/entries/cli/bin.js');
const zdt = (dir: string, generations = 3): string =>
  benchmarkStudy(dir, 'zdt1.yaml', { name: 'zdt1-cli', algorithm: { population: 8, generations, seed: 3 } });

/** Runs the built CLI in a child process; `onErr` sees stderr as it arrives. */
interface ChildOptions {
  cwd?: string;
  onErr?: (soFar: string, kill: (s: NodeJS.Signals) => void) => void;
  closeStdout?: boolean;
}
function child(
  args: string[],
  opts: ChildOptions = {},
): Promise<{ code: number | null; signal: string | null; out: string; err: string }> {
  return new Promise((done) => {
    const c = spawn(process.execPath, [BIN, ...args], {
      cwd: opts.cwd ?? process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    if (opts.closeStdout) c.stdout.destroy();
    else c.stdout.on('data', (d: Buffer) => (out += d.toString()));
    c.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      opts.onErr?.(err, (s) => c.kill(s));
    });
    c.on('exit', (code, signal) => done({ code, signal, out, err }));
  });
}

describe('odc run argument errors exit 2 with the message printed', () => {
  it('no study and no --resume', async () => {
    const r = await odc('run');
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'odc: odc run needs a study file, e.g. odc run designs/flagship-study.yaml, or --resume <run-dir>\n',
    );
  });

  it('both a study and --resume', async () => {
    const r = await odc('run', 'designs/flagship-study.yaml', '--resume', 'results/x');
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'odc: give either a study file or --resume <run-dir>, not both (got designs/flagship-study.yaml and --resume results/x)\n',
    );
  });

  it('--resume with --out is refused, not silently ignored', async () => {
    const r = await odc('run', '--resume', 'results/x', '--out', 'elsewhere');
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'odc: --resume results/x continues the run in its own folder; --out elsewhere cannot move it: drop --out\n',
    );
  });

  it('--workers "" is refused, not taken as 0; --workers above 64 is refused', async () => {
    for (const v of ['', ' ']) {
      const r = await odc('run', 'designs/flagship-study.yaml', '--workers', v);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`--workers must be a whole number ≥ 0, got "${v}"`);
    }
    const big = await odc('run', 'designs/flagship-study.yaml', '--workers', '1000');
    expect(big.code).toBe(2);
    expect(big.err).toMatch(/--workers 1000 is too many: at most 64 worker threads \(this machine has \d+ CPUs/);
  });
});

describe('odc run interrupted with Ctrl-C', () => {
  it('exits 130 with one line naming the folder to resume, which holds the unfinished run', async () => {
    const cwd = tempDir('odc-sigint-');
    const study = zdt(cwd, 100_000);
    let sent = false;
    const r = await child(['run', study, '--workers', '1'], {
      cwd,
      onErr: (soFar, kill) => {
        if (!sent && soFar.includes('gen ')) {
          sent = true;
          kill('SIGINT');
        }
      },
    });
    expect(r.signal).toBe(null);
    expect(r.code).toBe(130);
    const lines = r.err.split('\n').filter((l) => l.includes('interrupted'));
    expect(lines).toHaveLength(1);
    const m = /^interrupted — resume with odc run --resume (results\/zdt1-cli\/\S+-seed3)$/.exec(lines[0]!);
    expect(m, r.err).not.toBe(null);
    expect(r.err).not.toMatch(/\n\s+at /);
    const runDir = join(cwd, m![1]!);
    expect(existsSync(join(runDir, 'run.json'))).toBe(true);
    expect(JSON.parse(readFileSync(join(runDir, 'run.json'), 'utf8')).status).toBe('running');
  });

  it('with --out, the line names that folder', async () => {
    const dir = tempDir('odc-sigint-out-');
    const out = join(dir, 'run');
    let sent = false;
    const r = await child(['run', zdt(dir, 100_000), '--out', out, '--workers', '1'], {
      onErr: (soFar, kill) => {
        if (!sent && soFar.includes('gen ')) {
          sent = true;
          kill('SIGINT');
        }
      },
    });
    expect(r.code).toBe(130);
    expect(r.err.trimEnd().split('\n').at(-1)).toBe(`interrupted — resume with odc run --resume ${out}`);
  });

  it('a run evaluating in the main thread (--workers 0, the event loop busy) still stops at Ctrl-C', async () => {
    const dir = tempDir('odc-sigint-w0-');
    let sent = false;
    const r = await child(['run', zdt(dir, 100_000), '--out', join(dir, 'run')], {
      onErr: (soFar, kill) => {
        if (!sent && soFar.includes('gen ')) {
          sent = true;
          setTimeout(() => kill('SIGINT'), 1500);
        }
      },
    });
    expect(r.code === 130 || r.signal === 'SIGINT', JSON.stringify(r)).toBe(true);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});

describe('a closed stdout pipe (odc … | head)', () => {
  it('ends quietly: no EPIPE error and no stack trace', async () => {
    const r = await child(['metrics'], { closeStdout: true });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('progress bar', () => {
  it('never hides the terminal cursor (a run killed at any instant leaves it visible); stop is idempotent', () => {
    const stream = Object.assign(new PassThrough(), { isTTY: true, columns: 120 }) as unknown as NodeJS.WriteStream &
      PassThrough;
    let written = '';
    stream.on('data', (d: Buffer) => (written += d.toString()));
    const p = createProgress('bar', stream);
    const info: ProgressInfo = {
      generation: 1,
      maxGenerations: 10,
      evaluations: 8,
      maxEvaluations: null,
      feasibleShare: 1,
      failures: 0,
      frontSize: 3,
      hypervolume: 0.5,
      elapsed_s: 1,
      eta_s: 9,
    };
    p.update(info);
    expect(written).toContain('gen 1/10');
    expect(written).not.toContain('\x1B[?25l');
    p.stop();
    const after = written.length;
    p.stop();
    expect(written.length).toBe(after);
  });
});
