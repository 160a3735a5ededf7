/**
 * Ephemeris exports sized before they are written: the estimate is printed first, an export past its format's
 * limit (CZML 100 MB, OEM 2 GB) is refused without --force and leaves nothing behind (no folder either); an export
 * killed while writing (SIGINT, SIGTERM, SIGKILL) leaves no temporary file; selections are data, so a shell whose
 * name holds a comma still gets its default OEM satellite.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { odc } from '../../helpers/cli.js';
import { tempDir, writeFile } from '../../helpers/tmp.js';

const BIN = resolve('dist/src/entries/cli/bin.js');

describe('size estimate and limit', () => {
  it('czml --full of sunrise-51600: estimated first, refused past 100 MB without --force, nothing written', async () => {
    const dir = tempDir('odc-size-');
    const r = await odc(
      'export',
      'designs/constellations/sunrise-51600.yaml',
      '--format',
      'czml',
      '--full',
      '--out',
      join(dir, 'scene.czml'),
    );
    expect(r.code).toBe(2);
    // 51,600 satellites × 91 samples: the estimate printed before the refusal, both in MB
    expect(r.err).toMatch(/--format czml: a scene of 51600 satellites and at most \d+ links: about \d+ MB/);
    expect(r.err).toMatch(/past the 100 MB limit of czml .*--force/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('oem --satellites all of spacex-odc-1m: about 100 GB estimated, refused without --force, nothing written', async () => {
    const dir = tempDir('odc-size-');
    const r = await odc(
      'export',
      'designs/constellations/spacex-odc-1m.yaml',
      '--format',
      'oem',
      '--satellites',
      'all',
      '--out',
      join(dir, 'all.oem'),
    );
    expect(r.code).toBe(2);
    // 10⁶ satellites × 1,441 states × ~100 bytes a state line: ~1.4e11 bytes
    const mb = Number(/1000000 satellites: about (\d+) MB/.exec(r.err)?.[1]);
    expect(mb).toBeGreaterThan(1.0e5);
    expect(mb).toBeLessThan(2.0e5);
    expect(r.err).toContain('past the 2000 MB limit of oem');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('selections as values', () => {
  it("a shell named 'a,b' gets its first satellite in the default OEM, as does shell 'c'", async () => {
    const dir = tempDir('odc-size-');
    const design = writeFile(
      dir,
      'comma.yaml',
      `kind: constellation
name: comma
node: ${resolve('designs/ai1.yaml')}
shells:
  - { name: "a,b", altitude_km: 550, inclination_deg: 53, planes: 2, satsPerPlane: 3 }
  - { name: c, altitude_km: 650, inclination_deg: 70, planes: 1, satsPerPlane: 2 }
isl: { topology: none }
`,
    );
    const out = join(dir, 'oem');
    const r = await odc('export', design, '--format', 'oem', '--span-h', '0.5', '--out', out);
    expect(r.err).toMatch(/^--format oem: 2 satellites: about \d+ kB\n/);
    expect(r.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
      satellites: { OBJECT_NAME: string; file: string }[];
    };
    expect(manifest.satellites.map((s) => s.OBJECT_NAME)).toEqual(['comma-a,b-P0-S0', 'comma-c-P0-S0']);
    for (const s of manifest.satellites)
      expect(readFileSync(join(out, s.file), 'utf8')).toContain(`OBJECT_NAME = ${s.OBJECT_NAME}\n`);
    const one = await odc('export', design, '--format', 'oem', '--span-h', '0.5', '--satellites', 'a,b/P1/S2');
    expect([...one.out.matchAll(/^OBJECT_NAME = (.*)$/gm)].map((m) => m[1])).toEqual(['comma-a,b-P1-S2']);
  });
});

/** Resolves once `test` holds (polled every 20 ms), or rejects after `ms`. */
function until(test: () => boolean, ms: number, what: string): Promise<void> {
  const t0 = Date.now();
  return new Promise((ok, fail) => {
    const tick = (): void => {
      if (test()) return ok();
      if (Date.now() - t0 > ms) return fail(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 20);
    };
    tick();
  });
}

describe('an export killed while writing', () => {
  // a test that fails before its kill still ends the export it started
  const started: ChildProcess[] = [];
  afterEach(() => {
    for (const c of started.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGKILL'] as const)
    it(`${signal}: no temporary file left, no target written`, async () => {
      const dir = tempDir('odc-kill-');
      const out = join(dir, 'scene.czml');
      // 51,600 satellites sampled every 10 s: a ~1 GB scene, killed within its first seconds of writing
      const args = ['--format', 'czml', '--full', '--force', '--step-s', '10', '--out', out];
      const child = spawn(process.execPath, [BIN, 'export', 'designs/constellations/sunrise-51600.yaml', ...args], {
        stdio: 'ignore',
      });
      started.push(child);
      const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
      const temps = (): string[] => readdirSync(dir).filter((n) => n.startsWith('scene.czml.tmp-'));
      await until(() => temps().length === 1 || child.exitCode !== null, 120_000, 'the temporary file');
      expect(temps()).toHaveLength(1);
      child.kill(signal);
      await exited;
      // the watcher, a fresh node process, may take a few seconds to start on a loaded machine
      await until(() => readdirSync(dir).length === 0, 60_000, `the folder to empty (${readdirSync(dir).join(', ')})`);
      expect(existsSync(out)).toBe(false);
    });

  it('SIGKILL during a folder export (one OEM per satellite): no staging folder left, no target folder', async () => {
    const dir = tempDir('odc-kill-');
    const out = join(dir, 'oem');
    const args = ['--format', 'oem', '--satellites', 'all', '--force', '--step-s', '1', '--out', out];
    const child = spawn(process.execPath, [BIN, 'export', 'designs/constellations/sunrise-51600.yaml', ...args], {
      stdio: 'ignore',
    });
    started.push(child);
    const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
    // the folder is written beside its target, <name>.tmp-<12 hex digits>, and renamed whole once complete
    const staging = (): string[] => readdirSync(dir).filter((n) => /^oem\.tmp-[0-9a-f]{12}$/.test(n));
    const filesIn = (): number => staging().reduce((k, n) => k + readdirSync(join(dir, n)).length, 0);
    await until(() => filesIn() > 0 || child.exitCode !== null, 120_000, 'a staged file');
    expect(filesIn()).toBeGreaterThan(0);
    child.kill('SIGKILL');
    await exited;
    await until(() => readdirSync(dir).length === 0, 60_000, `the folder to empty (${readdirSync(dir).join(', ')})`);
    expect(existsSync(out)).toBe(false);
  });

  it('a finished export keeps its files (the watcher removes only what was not renamed)', async () => {
    const dir = tempDir('odc-kill-');
    const out = join(dir, 'node.czml');
    const child = spawn(process.execPath, [BIN, 'export', 'designs/ai1.yaml', '--format', 'czml', '--out', out], {
      stdio: 'ignore',
    });
    await new Promise<void>((ok) => child.once('exit', () => ok()));
    await new Promise((ok) => setTimeout(ok, 1000));
    expect(readdirSync(dir)).toEqual(['node.czml']);
    expect(readFileSync(out, 'utf8')).toContain('"id":"sat/ai1-node-P0-S0"');
  });
});
