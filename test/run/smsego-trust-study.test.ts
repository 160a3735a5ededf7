/**
 * SMS-EGO's `trustRegion` in the study file (algorithm.trustRegion: auto, true or false): the setting reaches the
 * algorithm (the checkpoint's snapshot holds a trust-region state exactly when the region is on: by default on an
 * unconstrained benchmark, never with `false`), and a bad value or the setting on another algorithm stops `odc run`
 * with exit 2 naming the file and the field, before any run folder is made.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStudy } from '../../src/index.js';
import { odc } from '../helpers/cli.js';
import { tempDir, writeFile } from '../helpers/tmp.js';

const study = (algorithm: string): string =>
  `name: smsego-tiny\nkind: benchmark\nproblem: zdt1\nvariables: 3\nalgorithm:\n${algorithm}  seed: 3\n` +
  '  evaluations: 20\n  batch: 3\n  checkpointEvery: 1\n';

/** The `trust` entry of the snapshot in the checkpoint of a run stopped after 4 generations. */
async function trustAfterCut(dir: string, name: string, algorithm: string): Promise<unknown> {
  const path = writeFile(dir, `${name}.yaml`, study(algorithm));
  const cut = await runStudy({ studyPath: path, outDir: join(dir, name), stopAfterGenerations: 4 });
  expect(cut.status).toBe('interrupted');
  const cp = JSON.parse(readFileSync(join(cut.runDir, 'checkpoint.json'), 'utf8')) as {
    snapshot: Record<string, unknown>;
  };
  return cp.snapshot['trust'];
}

describe('algorithm.trustRegion in the study file', () => {
  it('default and auto: on for an unconstrained problem; false: off; true: on', { timeout: 300_000 }, async () => {
    const dir = tempDir();
    const on = (t: unknown): boolean => t !== null && typeof t === 'object';
    expect(on(await trustAfterCut(dir, 'default', '  name: smsego\n'))).toBe(true);
    expect(on(await trustAfterCut(dir, 'auto', '  name: smsego\n  trustRegion: auto\n'))).toBe(true);
    expect(on(await trustAfterCut(dir, 'yes', '  name: smsego\n  trustRegion: true\n'))).toBe(true);
    expect(await trustAfterCut(dir, 'no', '  name: smsego\n  trustRegion: false\n')).toBeNull();
  });

  it('a bad value, or the setting on another algorithm: exit 2 naming the file and the field', async () => {
    const dir = tempDir();
    const bad = writeFile(dir, 'bad.yaml', study('  name: smsego\n  trustRegion: sometimes\n'));
    const r = await odc('run', bad, '--out', join(dir, 'bad'), '--quiet');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.yaml:\d+:\d+: algorithm\.trustRegion must be "auto" or a boolean, got "sometimes"/);
    expect(r.err).not.toMatch(/\n\s+at /);
    const other = writeFile(dir, 'other.yaml', study('  name: parego\n  trustRegion: true\n'));
    const o = await odc('run', other, '--out', join(dir, 'other'), '--quiet');
    expect(o.code).toBe(2);
    expect(o.err).toMatch(
      /other\.yaml:\d+:\d+: algorithm\.trustRegion is a setting of smsego only: remove it, or set name: smsego/,
    );
    expect(existsSync(join(dir, 'bad'))).toBe(false);
    expect(existsSync(join(dir, 'other'))).toBe(false);
  });
});
