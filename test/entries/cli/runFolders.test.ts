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

/**
 * The shipped flagship study, its three seeds kept, cut to 900 evaluations per seed: enough for seed 43 to find
 * feasible designs (a multi-seed run with none in any seed exits 3), few enough for a test.
 */
const shipped = readFileSync(join(ROOT, 'designs/flagship-study.yaml'), 'utf8');
const SMALL = shipped.replace('population: 200, generations: 250', 'population: 60, generations: 15');

describe('odc run: runs that never collide', () => {
  const dir = tempDir('odc-run-folders-');
  writeFile(dir, 'flagship-study.yaml', SMALL);
  const runs = join(dir, 'results', 'flagship-120-150kW');

  it('an edited study runs into a new folder (exit 0), the first left untouched; the same command reuses its own', () => {
    expect(SMALL).not.toBe(shipped); // the cut applied: the shipped file still has the line edited
    const first = cli(dir, 'run', 'flagship-study.yaml', '--quiet');
    expect(first.code).toBe(0);
    expect(first.err).toBe(''); // --quiet: no progress, not even the line naming each seed's folder
    const [firstDir] = readdirSync(runs);
    expect(firstDir).toMatch(/^seeds-42-44-[0-9a-f]{8}$/);
    const before = snapshot(join(runs, firstDir!));
    expect(Object.keys(before)).toContain(join('seed-44', 'run.json'));

    writeFile(dir, 'flagship-study.yaml', SMALL.replace('generations: 15', 'generations: 14'));
    const edited = cli(dir, 'run', 'flagship-study.yaml', '--quiet');
    expect(edited.err).not.toMatch(/holds a run/);
    expect(edited.code).toBe(0);
    const folders = readdirSync(runs).sort();
    expect(folders).toHaveLength(2);
    const secondDir = folders.find((f) => f !== firstDir)!;
    expect(edited.out).toContain(`Multi-seed run complete: ${join('results', 'flagship-120-150kW', secondDir)}`);
    // the edit is what the new folder ran: 14 generations of 60
    const meta = JSON.parse(readFileSync(join(runs, secondDir, 'seed-42', 'run.json'), 'utf8'));
    expect(meta.result.evaluations).toBe(14 * 60);
    expect(snapshot(join(runs, firstDir!))).toEqual(before);

    // edited a second time: a third folder
    writeFile(dir, 'flagship-study.yaml', SMALL.replace('generations: 15', 'generations: 16'));
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
    writeFile(dir, 'other.yaml', SMALL.replace('generations: 15', 'generations: 5'));
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
      ...['run', 'flagship-study.yaml', '--seed', '43', '--seeds', '1', '--quiet', '--out', 'one'],
      ...['--set', 'algorithm.generations=14', '--set', 'orbit.ltan_h=18'],
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    // 14 generations of 60 designs, not the file's 15
    const meta = JSON.parse(readFileSync(join(dir, 'one', 'run.json'), 'utf8'));
    expect(meta.result.evaluations).toBe(14 * 60);
    expect(meta.study.sets).toEqual(['algorithm.generations=14', 'orbit.ltan_h=18']);
    const stored = readFileSync(join(dir, 'one', 'study.yaml'), 'utf8');
    expect(stored).toMatch(/generations: 14\b/);
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
    const resume = cli(dir, 'run', '--resume', 'one', '--set', 'algorithm.generations=16');
    expect(resume.code).toBe(2);
    expect(resume.err).toMatch(/--resume one continues the run with the study it started with .*drop --set/);
  });
});

describe('odc run on an impossible study', () => {
  const dir = tempDir('odc-run-impossible-');
  // an average IT power above the peak allowed: each is met by some design, both by none (average ≤ peak by definition)
  writeFile(dir, 'impossible.yaml', SMALL.replace('itPowerAvg_W >= 120000', 'itPowerAvg_W >= 200000'));
  const AVG = 'compute.itPowerAvg_W >= 200000';
  const PEAK = 'compute.itPowerPeak_W <= 150000';

  it('names the pair as impossible and what to change, one shortfall per constraint, no hypervolume, exits 3', () => {
    const r = cli(dir, 'run', 'impossible.yaml', '--seeds', '1', '--quiet', '--out', 'one');
    expect(r.code).toBe(3);
    // the terminal wraps at 80 columns: read it unwrapped
    const out = r.out.replace(/\s+/g, ' ');
    const why = 'cannot hold together: an average is never above its own peak; lower the first or raise the second';
    expect(out).toContain(`NO FEASIBLE DESIGN was found: ${AVG} and ${PEAK} ${why}`);
    expect(out).not.toMatch(/hypervolume|ideal \(/);
    // each constraint's shortfall is printed once at most: no per-design g figures beside the per-constraint line
    expect(out).not.toMatch(/g ?=/);
    for (const name of [AVG, PEAK])
      expect(out.split(`${name} `).filter((after) => /^[\d.]+ % short/.test(after)).length).toBeLessThanOrEqual(1);
    const meta = JSON.parse(readFileSync(join(dir, 'one', 'run.json'), 'utf8'));
    expect(meta.result.infeasibility.conflict).toEqual([AVG, PEAK]);
    expect(meta.result.infeasibility.impossible).toEqual([[AVG, PEAK]]);
    // the report says it too (markdown escapes the constraints' > and _)
    expect(readFileSync(join(dir, 'one', 'report.md'), 'utf8')).toMatch(
      /No feasible design was found: compute\.itPowerAvg\\_W .* cannot hold together: an average is never above its own peak/,
    );
  });

  it('a multi-seed run without a feasible design in any seed names the pair once for its seeds, exits 3', () => {
    const r = cli(dir, 'run', 'impossible.yaml', '--quiet', '--out', 'multi');
    expect(r.code).toBe(3);
    expect(r.out.replace(/\s+/g, ' ')).toContain(
      `seeds 42, 43, 44: ${AVG} and ${PEAK} cannot hold together: an average is never above its own peak`,
    );
    expect(r.out).not.toMatch(/DISAGREE|hypervolume/);
  });
});
