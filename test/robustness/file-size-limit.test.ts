/**
 * A file-size limit (`ulimit -f`, RLIMIT_FSIZE) on a real odc process: the write that passes it fails with EFBIG (Node
 * ignores SIGXFSZ, so the signal does not end the process), and odc exits 2 with one line naming the limit and the
 * fix, as for a full disk; nothing is lost: the interrupted run resumes without the limit and completes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchmarkStudy } from '../helpers/benchmarkStudy.js';
import { tempDir } from '../helpers/tmp.js';

const dir = tempDir('odc-fsize-');
const BIN = resolve('dist/src/entries/cli/bin.js');
/** `odc args` in bash under `ulimit -f blocks` (1024-byte blocks; unlimited without). */
function odcLimited(
  blocks: number | null,
  ...args: string[]
): { status: number | null; signal: string | null; stderr: string } {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('bash', ['-c', `${blocks === null ? '' : `ulimit -f ${blocks}; `}exec ${quoted}`], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { status: r.status, signal: r.signal, stderr: r.stderr };
}
const oneLine = (stderr: string): void => {
  expect(stderr.trim().split('\n'), stderr).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at |internal error/);
};

describe('a file-size limit is a clean exit 2 naming it', () => {
  const study = benchmarkStudy(dir, 'zdt1.yaml', {
    name: 'fsize',
    algorithm: { name: 'nsga2', population: 20, generations: 10, seed: 3 },
  });

  it(
    'odc run: the log passes 50 blocks; exit 2, then --resume without the limit completes',
    { timeout: 600_000 },
    () => {
      const out = join(dir, 'run');
      const r = odcLimited(50, 'run', study, '--out', out, '--quiet');
      expect(r.signal).toBeNull(); // not killed by SIGXFSZ
      expect(r.status, r.stderr).toBe(2);
      oneLine(r.stderr);
      expect(r.stderr).toMatch(
        /^odc: cannot write .*: the file would pass the largest file size allowed .*ulimit -f.* \(EFBIG\); raise the limit/,
      );
      const resumed = odcLimited(null, 'run', '--resume', out, '--quiet');
      expect(resumed.status, resumed.stderr).toBe(0);
      expect(existsSync(join(out, 'pareto.json'))).toBe(true);
    },
  );

  it('odc export --out under ulimit -f 0: exit 2 naming the limit, no file left', { timeout: 300_000 }, () => {
    const out = join(dir, 'knee.json');
    const r = odcLimited(0, 'export', join(dir, 'run'), '--design', 'knee', '--format', 'json', '--out', out);
    expect(r.signal).toBeNull();
    expect(r.status, r.stderr).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toMatch(/\(EFBIG\); raise the limit \(ulimit -f unlimited\)/);
    expect(existsSync(out)).toBe(false);
  });

  it('standard output to a file under the limit: exit 2 naming it', { timeout: 300_000 }, () => {
    const file = join(dir, 'catalog.txt');
    const r = spawnSync('bash', ['-c', `ulimit -f 1; exec '${process.execPath}' '${BIN}' catalog all > '${file}'`], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 300_000,
    });
    expect(r.signal).toBeNull();
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(
      /^odc: cannot write to standard output: the file would pass the largest file size allowed/,
    );
  });
});
