/**
 * No command writes over what it reads, nor over a file a result folder keeps: `--out` naming a run folder's own file
 * (by any spelling: relative, `./o/../o/…`, absolute, a symbolic link to it, a hard link), the design file exported,
 * a run folder compared or an input a folder writer would overwrite is refused with exit 2 and one line, and the
 * folder stays readable; a new name in the run folder and a file elsewhere are still written.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runStudy } from '../../src/index.js';
import { RESULT_FILE } from '../../src/base/outputTarget.js';
import { odc } from '../helpers/cli.js';
import { benchmarkStudy } from '../helpers/benchmarkStudy.js';
import { tempDir } from '../helpers/tmp.js';

const dir = tempDir('odc-own-inputs-');
const study = benchmarkStudy(dir, 'zdt1.yaml', {
  name: 'own',
  variables: 4,
  algorithm: { name: 'nsga2', population: 8, generations: 2, seed: 1 },
});
let run = '';
/** Every file of the run folder, byte for byte: what a refused export must leave untouched. */
let before: Map<string, string>;
const snapshot = (d: string): Map<string, string> =>
  new Map(
    readdirSync(d)
      .filter((f) => f !== 'knee.json') // the export test's own new file
      .map((f) => [
        f,
        createHash('sha256')
          .update(readFileSync(join(d, f)))
          .digest('hex'),
      ]),
  );

beforeAll(async () => {
  run = (await runStudy({ studyPath: study, outDir: join(dir, 'run') })).runDir;
  before = snapshot(run);
}, 120_000);

const oneLine = (r: { code: number; err: string }): void => {
  expect(r.code, r.err).toBe(2);
  expect(r.err.trim().split('\n'), r.err).toHaveLength(1);
};

describe('odc export --out never replaces a file of the run folder it reads', () => {
  it('each of its files, under every spelling, with every format: exit 2, the folder byte-identical', async () => {
    const names = readdirSync(run);
    expect(names).toEqual(expect.arrayContaining(['pareto.json', 'run.json', 'evaluations.parquet', 'study.yaml']));
    symlinkSync(run, join(dir, 'run-link'));
    const rel = relative(process.cwd(), run);
    for (const name of names) {
      for (const out of [join(run, name), join(rel, name), `./${rel}/../${relative(dir, run)}/${name}`]) {
        for (const format of ['json', 'csv']) {
          const r = await odc('export', run, '--design', 'knee', '--format', format, '--out', out);
          oneLine(r);
          expect(r.err).toContain(`--out ${out} is the ${name} of the odc result folder`);
        }
      }
    }
    // the run folder read through a link, its file named through it too
    oneLine(
      await odc(
        'export',
        join(dir, 'run-link'),
        '--design',
        'knee',
        '--format',
        'json',
        '--out',
        join(run, 'pareto.json'),
      ),
    );
    expect(snapshot(run)).toEqual(before);
    expect((await odc('report', run)).code).toBe(0); // still a sound run folder
  });

  it('a new name in the run folder and a file elsewhere are written', async () => {
    const r = await odc('export', run, '--design', 'knee', '--format', 'json', '--out', join(run, 'knee.json'));
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(readFileSync(join(run, 'knee.json'), 'utf8'))).toHaveProperty('objectives');
    expect((await odc('export', run, '--design', 'knee', '--format', 'csv', '--out', join(dir, 'k.csv'))).code).toBe(0);
  });

  it('a design file is not exported over itself, nor over a hard link to it', async () => {
    const d = join(dir, 'node.yaml');
    copyFileSync('designs/ai1.yaml', d);
    const text = readFileSync(d, 'utf8');
    linkSync(d, join(dir, 'node-hard.yaml'));
    for (const out of [d, join(dir, 'node-hard.yaml'), `${dir}/./node.yaml`]) {
      for (const format of ['tle', 'omm']) {
        const r = await odc('export', d, '--format', format, '--out', out);
        oneLine(r);
        expect(r.err).toContain(`is ${d}, which this command reads`);
      }
    }
    expect(readFileSync(d, 'utf8')).toBe(text);
    expect((await odc('export', d, '--format', 'tle', '--out', join(dir, 'node.tle'))).code).toBe(0);
  });
});

describe('folder writers never write into an input', () => {
  it('odc compare --out one of the runs compared: exit 2 before the work', async () => {
    for (const out of [run, join(dir, 'run-link2'), `${run}/.`]) {
      if (out.endsWith('link2')) symlinkSync(run, out);
      const r = await odc('compare', run, run, '--out', out, '--quiet');
      oneLine(r);
      expect(r.err).toContain('which this command reads: odc does not write its results into its own input');
    }
    expect(snapshot(run)).toEqual(before);
  });

  it('odc run of a study.yaml into the folder holding it: exit 2, the study unchanged', async () => {
    const d = join(dir, 'holds-study');
    mkdirSync(d);
    const s = join(d, 'study.yaml');
    copyFileSync(study, s);
    const r = await odc('run', s, '--out', d, '--seed', '5', '--quiet');
    oneLine(r);
    expect(r.err).toContain(`holds ${s}, which this command reads and would overwrite there`);
    expect(readFileSync(s, 'utf8')).toBe(readFileSync(study, 'utf8'));
  });

  it('odc uncertainty and sensitivity into a run folder: exit 2, the folder unchanged', async () => {
    const d = join(dir, 'node2.yaml');
    copyFileSync('designs/ai1.yaml', d);
    for (const cmd of ['uncertainty', 'sensitivity']) {
      const r = await odc(cmd, d, '--samples', '16', '--out', run, '--quiet');
      oneLine(r);
    }
    expect(snapshot(run)).toEqual(before);
  });
});

describe('the list of names a result folder keeps', () => {
  it('holds every file of a real run folder and comparison', async () => {
    const cmp = join(dir, 'cmp');
    expect((await odc('compare', run, run, '--out', cmp, '--quiet')).code).toBe(0);
    for (const d of [run, cmp]) for (const f of readdirSync(d)) if (f !== 'knee.json') expect(f).toMatch(RESULT_FILE);
  });
});
