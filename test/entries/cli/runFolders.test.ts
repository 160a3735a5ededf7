/**
 * `odc run` as an analyst uses it, in real processes (the compiled CLI, run from a scratch folder so the default
 * results/ folder is the test's): edit the shipped study and run it again (a new folder, the first untouched), the
 * same command again (the same folder, nothing re-run), a typo in a study whose output folder exists (the file:line
 * message, not the folder's), and `--set` (the run changes, its study.yaml records the edit).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir, writeFile } from '../../helpers/tmp.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const BIN = join(ROOT, 'dist/src/entries/cli/bin.js');

/** The compiled CLI in a child process, in `cwd` (dist/ is rebuilt by the vitest global setup). */
function cli(cwd: string, ...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 600_000 }); // a hang guard
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Every file under `dir` with its size and modification time: what "untouched" compares. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[relative(dir, p)] = `${statSync(p).size} ${statSync(p).mtimeMs}`;
    }
  };
  walk(dir);
  return out;
}

/** The shipped flagship study, its three seeds kept, cut to a few hundred evaluations per seed. */
const shipped = readFileSync(join(ROOT, 'designs/flagship-study.yaml'), 'utf8');
const SMALL = shipped.replace('population: 200, generations: 250', 'population: 20, generations: 3');

describe('odc run: runs that never collide', () => {
  const dir = tempDir('odc-run-folders-');
  writeFile(dir, 'flagship-study.yaml', SMALL);
  const runs = join(dir, 'results', 'flagship-120-150kW');

  it('an edited study runs into a new folder (exit 0), the first left untouched; the same command reuses its own', () => {
    expect(SMALL).not.toBe(shipped); // the cut applied: the shipped file still has the line edited
    const first = cli(dir, 'run', 'flagship-study.yaml', '--quiet');
    expect(first.code).toBe(0);
    const [firstDir] = readdirSync(runs);
    expect(firstDir).toMatch(/^seeds-42-44-[0-9a-f]{8}$/);
    const before = snapshot(join(runs, firstDir!));
    expect(Object.keys(before)).toContain(join('seed-44', 'run.json'));

    writeFile(dir, 'flagship-study.yaml', SMALL.replace('generations: 3', 'generations: 2'));
    const edited = cli(dir, 'run', 'flagship-study.yaml', '--quiet');
    expect(edited.err).not.toMatch(/holds a run/);
    expect(edited.code).toBe(0);
    const folders = readdirSync(runs).sort();
    expect(folders).toHaveLength(2);
    const secondDir = folders.find((f) => f !== firstDir)!;
    expect(edited.out).toContain(`Multi-seed run complete: ${join('results', 'flagship-120-150kW', secondDir)}`);
    // the edit is what the new folder ran: 2 generations of 20
    const meta = JSON.parse(readFileSync(join(runs, secondDir, 'seed-42', 'run.json'), 'utf8'));
    expect(meta.result.evaluations).toBe(40);
    expect(snapshot(join(runs, firstDir!))).toEqual(before);

    // edited a second time: a third folder
    writeFile(dir, 'flagship-study.yaml', SMALL.replace('generations: 3', 'generations: 4'));
    expect(cli(dir, 'run', 'flagship-study.yaml', '--quiet').code).toBe(0);
    expect(readdirSync(runs)).toHaveLength(3);

    // the first study again: its folder, its complete seeds kept (no file rewritten but the summary's)
    writeFile(dir, 'flagship-study.yaml', SMALL);
    const again = cli(dir, 'run', 'flagship-study.yaml', '--quiet');
    expect(again.code).toBe(0);
    expect(readdirSync(runs)).toHaveLength(3);
    const after = snapshot(join(runs, firstDir!));
    for (const s of [42, 43, 44])
      expect(after[join(`seed-${s}`, 'run.json')]).toBe(before[join(`seed-${s}`, 'run.json')]);
  });

  it('--out into a folder holding another study is still refused: exit 2, the folder named', () => {
    const [some] = readdirSync(runs).sort();
    writeFile(dir, 'other.yaml', SMALL.replace('generations: 3', 'generations: 5'));
    const r = cli(dir, 'run', 'other.yaml', '--quiet', '--out', join('results', 'flagship-120-150kW', some!));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/seed-42: holds a run of another study/);
  });

  it('a typo in a study whose output folder exists gets the file:line:column "did you mean", not the folder', () => {
    const [some] = readdirSync(runs).sort();
    const typo = writeFile(dir, 'typo.yaml', SMALL.replace('altitude_km: 600', 'altitude_kmm: 600'));
    expect(readFileSync(typo, 'utf8')).toContain('altitude_kmm');
    const line = SMALL.split('\n').findIndex((l) => l.includes('altitude_km: 600')) + 1;
    const r = cli(dir, 'run', 'typo.yaml', '--quiet', '--out', join('results', 'flagship-120-150kW', some!));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      new RegExp(
        `^odc: typo\\.yaml:${line}:\\d+: unknown key orbit\\.altitude_kmm: .*did you mean orbit\\.altitude_km\\?`,
      ),
    );
    expect(r.err).not.toMatch(/holds a run|\n\s+at /);
  });
});

describe('odc run --set', () => {
  const dir = tempDir('odc-run-set-');
  writeFile(dir, 'flagship-study.yaml', SMALL);

  it('changes the run and is recorded in its study.yaml and run.json', () => {
    const r = cli(
      dir,
      ...['run', 'flagship-study.yaml', '--seeds', '1', '--quiet', '--out', 'one'],
      ...['--set', 'algorithm.generations=2', '--set', 'orbit.ltan_h=18'],
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    // 2 generations of 20 designs, not the file's 3
    const meta = JSON.parse(readFileSync(join(dir, 'one', 'run.json'), 'utf8'));
    expect(meta.result.evaluations).toBe(40);
    expect(meta.study.sets).toEqual(['algorithm.generations=2', 'orbit.ltan_h=18']);
    const stored = readFileSync(join(dir, 'one', 'study.yaml'), 'utf8');
    expect(stored).toMatch(/generations: 2\b/);
    expect(stored).toMatch(/ltan_h: 18\b/);
    // the file itself is unchanged
    expect(readFileSync(join(dir, 'flagship-study.yaml'), 'utf8')).toBe(SMALL);
  });

  it('a multi-seed run runs the edited study in every seed, into the folder of the edited study', () => {
    const r = cli(dir, 'run', 'flagship-study.yaml', '--quiet', '--set', 'algorithm.seeds=2');
    expect(r.code).toBe(0);
    const [folder] = readdirSync(join(dir, 'results', 'flagship-120-150kW'));
    expect(folder).toMatch(/^seeds-42-43-[0-9a-f]{8}$/);
    expect(readFileSync(join(dir, 'results', 'flagship-120-150kW', folder!, 'seed-43', 'study.yaml'), 'utf8')).toMatch(
      /seed: 43, seeds: 2\b/,
    );
  });

  it('a bad edit names the --set; --set with --resume is refused', () => {
    const bad = cli(dir, 'run', 'flagship-study.yaml', '--seeds', '1', '--quiet', '--set', 'orbit.altitude_kmm=600');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(
      /^odc: flagship-study\.yaml, --set orbit\.altitude_kmm=600: unknown key orbit\.altitude_kmm/,
    );
    const resume = cli(dir, 'run', '--resume', 'one', '--set', 'algorithm.generations=4');
    expect(resume.code).toBe(2);
    expect(resume.err).toMatch(/--resume one continues the run with the study it started with .*drop --set/);
  });
});
