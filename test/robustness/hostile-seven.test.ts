/**
 * Hostile inputs, part seven (issue 101), each cause as a class: the one input set every command's loaders fill
 * (an --out naming any file read, under any spelling, is refused), the one rule of every folder writer (a non-empty
 * folder must hold an earlier result of that writer; a linked folder is a folder), warm starts whose inherited rows
 * are checked as the run's own (damaged logs refused by name, relative paths), self-referencing YAML aliases, --set
 * origins, capped TLE titles. Every refusal: exit 2, one `odc:` line, nothing written.
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  cpSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readYaml } from '../../src/base/yaml.js';
import { odc } from '../helpers/cli.js';
import { benchmarkStudy } from '../helpers/benchmarkStudy.js';
import { studyErrorOf, tempDir, writeFile } from '../helpers/tmp.js';

const dir = tempDir('odc-hostile7-');
const hash = (p: string): string => createHash('sha256').update(readFileSync(p)).digest('hex');

const refused = (r: { code: number; err: string }): void => {
  expect(r.code, r.err).toBe(2);
  const lines = r.err.trim().split('\n');
  expect(lines, r.err).toHaveLength(1);
  expect(lines[0]).toMatch(/^odc: /);
  expect(r.err).not.toMatch(/internal error|TypeError|Maximum call stack|\n\s+at /);
};

/** A constellation design (three-body-12) in d/c.yaml whose node is ../three-body.yaml, as in the issue. */
const node = join(dir, 'three-body.yaml');
const constellation = join(dir, 'd', 'c.yaml');
mkdirSync(join(dir, 'd'));
copyFileSync('designs/three-body.yaml', node);
copyFileSync('designs/constellations/three-body-12.yaml', constellation);

describe('--out may name no file the command reads (the node file a constellation reads)', () => {
  it('every spelling of the node file, every single-file format: exit 2, the node file unchanged', async () => {
    const before = hash(node);
    symlinkSync(node, join(dir, 'node-link.yaml'));
    linkSync(node, join(dir, 'node-hard.yaml'));
    const spellings = [
      node,
      relative(process.cwd(), node),
      join(dir, 'd', '..', 'three-body.yaml'),
      `${dir}/./d/../three-body.yaml`,
      join(dir, 'node-hard.yaml'),
    ];
    for (const out of spellings)
      for (const format of ['tle', 'omm', 'csv']) {
        const r = await odc('export', constellation, '--format', format, '--out', out);
        refused(r);
        expect(r.err).toContain('which this command reads');
      }
    // a link to it is refused too (a file target may not be a link at all)
    refused(await odc('export', constellation, '--format', 'tle', '--out', join(dir, 'node-link.yaml')));
    expect(hash(node)).toBe(before);
    // the guard is the input set, not a list of names: another file is written
    const ok = await odc('export', constellation, '--format', 'tle', '--out', join(dir, 'c.tle'));
    expect(ok.code, ok.err).toBe(0);
  });
});

describe('one rule for every folder writer: a folder holding files of the user is not written', () => {
  const study = benchmarkStudy(dir, 'z.yaml', {
    name: 'z',
    variables: 4,
    algorithm: { name: 'nsga2', population: 8, generations: 2, seed: 1 },
  });
  let run = '';
  beforeAll(async () => {
    run = join(dir, 'zrun');
    const r = await odc('run', study, '--out', run, '--quiet');
    expect(r.code, r.err).toBe(0);
  }, 120_000);

  /** A folder holding one file of the user's that carries an odc name. */
  const userFolder = (name: string, file: string): string => {
    const u = join(dir, name);
    mkdirSync(u);
    writeFileSync(join(u, file), 'mine\n');
    return u;
  };

  it.each([
    ['odc run', 'report.html', (u: string) => ['run', study, '--out', u, '--quiet']],
    ['odc run --seeds', 'seeds.json', (u: string) => ['run', study, '--seeds', '2', '--out', u, '--quiet']],
    ['odc compare', 'compare.html', (u: string) => ['compare', run, run, '--out', u, '--quiet']],
    [
      'odc export --format network',
      'tles.txt',
      (u: string) => ['export', constellation, '--format', 'network', '--out', u],
    ],
    ['odc uncertainty', 'report.html', (u: string) => ['uncertainty', node, '--samples', '8', '--out', u, '--quiet']],
  ])('%s into a folder holding %s: exit 2, the file unchanged', async (writer, file, args) => {
    const u = userFolder(`u-${writer.replace(/\W+/g, '-')}`, file);
    const r = await odc(...args(u));
    refused(r);
    expect(r.err).toContain('is not empty and holds no earlier');
    expect(readFileSync(join(u, file), 'utf8')).toBe('mine\n');
    expect(readdirSync(u)).toEqual([file]);
  });

  it('a folder reached through a symbolic link is a folder: run, compare and a file export write through it', async () => {
    mkdirSync(join(dir, 'real'));
    symlinkSync(join(dir, 'real'), join(dir, 'linked'));
    const r = await odc('run', study, '--out', join(dir, 'linked', 'run'), '--quiet');
    expect(r.code, r.err).toBe(0);
    mkdirSync(join(dir, 'real-cmp'));
    symlinkSync(join(dir, 'real-cmp'), join(dir, 'linked-cmp'));
    const c = await odc('compare', run, run, '--out', join(dir, 'linked-cmp'), '--quiet');
    expect(c.code, c.err).toBe(0);
    expect(existsSync(join(dir, 'real-cmp', 'compare.html'))).toBe(true);
    // an earlier comparison is the writer's own: written again
    expect((await odc('compare', run, run, '--out', join(dir, 'linked-cmp'), '--quiet')).code).toBe(0);
    const e = await odc('export', run, '--design', 'knee', '--format', 'json', '--out', join(dir, 'linked', 'k.json'));
    expect(e.code, e.err).toBe(0);
    expect(existsSync(join(dir, 'real', 'k.json'))).toBe(true);
  });

  it('a refused folder export leaves no empty --out behind', async () => {
    const out = join(dir, 'net-new', 'a');
    // catalogue numbers past the format's nine digits: refused once the files are known
    const r = await odc('export', constellation, '--format', 'network', '--catalog-base', '999999999', '--out', out);
    refused(r);
    expect(existsSync(join(dir, 'net-new'))).toBe(false);
  });
});

describe('--epoch is read by the one ISO 8601 UTC reader', () => {
  it.each([
    ['Arabic-Indic digits', '٢٠٢٦-03-20'],
    ['February 30', '2026-02-30'],
    ['a prose date', 'March 20, 2026'],
    ['slashes', '2026/03/20'],
    ['a six-digit year', '+275760-09-13'],
    ['year 0000', '0000-06-01'],
    ['hour 24', '2026-03-20T24:00:00Z'],
    ['a leap second not at a month end', '2026-06-29T23:59:60Z'],
  ])('%s (%s): exit 2, one message naming --epoch', async (_, epoch) => {
    for (const format of ['tle', 'oem'] as const) {
      const r = await odc('export', constellation, '--format', format, '--epoch', epoch);
      refused(r);
      expect(r.err).toContain(`--epoch '${epoch}' is not an ISO 8601 date (UTC)`);
    }
  });

  it('a span that would end after 9999-12-31 is refused; a leap second at a month end is the next instant', async () => {
    const late = await odc('export', constellation, '--format', 'oem', '--epoch', '9999-12-31T23:59:59Z');
    refused(late);
    expect(late.err).toContain('9999-12-31T23:59:59Z');
    const leap = await odc('export', node, '--format', 'omm', '--epoch', '2026-06-30T23:59:60Z');
    const next = await odc('export', node, '--format', 'omm', '--epoch', '2026-07-01T00:00:00Z');
    expect(leap.code, leap.err).toBe(0);
    const epochOf = (t: string): unknown => (JSON.parse(t) as { EPOCH: string }[])[0]!.EPOCH;
    expect(epochOf(leap.out)).toBe(epochOf(next.out));
    expect(epochOf(next.out)).toMatch(/^2026-07-01T00:00:00/);
  });
});

describe("warm starts check every inherited row as the run's own", () => {
  const base = join(dir, 'ws');
  mkdirSync(base);
  const mixed = (seed: number, from?: string): string =>
    writeFile(
      base,
      `m${seed}${from === undefined ? '' : '-warm'}.yaml`,
      `name: m\nkind: benchmark\nproblem: mixed1\nalgorithm: { name: nsga2, population: 8, generations: 2, seed: ${seed}${
        from === undefined ? '' : `, initial: { from: ${from} }`
      } }\n`,
    );
  let earlier = '';
  beforeAll(async () => {
    earlier = join(base, 'earlier');
    const r = await odc('run', mixed(1), '--log', 'csv', '--out', earlier, '--quiet');
    expect(r.code, r.err).toBe(0);
  }, 120_000);

  /** A copy of the earlier run whose log text is `edit`ed; a warm start from it, with its result. */
  const warmFrom = async (name: string, edit: (log: string) => string) => {
    const copy = join(base, name);
    cpSync(earlier, copy, { recursive: true });
    const log = join(copy, 'evaluations.csv');
    writeFileSync(log, edit(readFileSync(log, 'utf8')));
    return odc('run', mixed(2, name), '--out', join(base, `${name}-out`), '--quiet');
  };
  /** The log with the cell of `column` in its first feasible row (one a front could hold) replaced. */
  const cell = (column: string, value: string) => (log: string) => {
    const lines = log.split('\n');
    const header = lines[0]!.split(',');
    const k = header.indexOf(column);
    expect(k, column).toBeGreaterThanOrEqual(0);
    const status = header.indexOf('status');
    const row = lines.findIndex((l, i) => i > 0 && l.split(',')[status] === 'feasible');
    expect(row).toBeGreaterThan(0);
    const cells = lines[row]!.split(',');
    cells[k] = value;
    lines[row] = cells.join(',');
    return lines.join('\n');
  };

  it.each([
    ['an objective of -1e308', cell('f1', '-1e308'), /f1|model gives/],
    ['a choice outside the options', cell('shape', 'hexagonal'), /shape outside this study's options/],
    ['an integer outside its range', cell('n', '99'), /n = 99, outside/],
    ['a fractional integer', cell('n', '2.5'), /n = 2.5, not a whole number/],
    ['a real outside its bounds', cell('x', '7'), /x = 7, outside/],
    ['a NaN cell', cell('z1', 'NaN'), /z1 = NaN/],
    ['an emptied log', () => '', /is empty/],
    ['a renamed column', (l: string) => l.replace('f1', 'f_one'), /header is not this problem's/],
    ['a header cut short', (l: string) => l.slice(0, 10), /header is not this problem's/],
  ])('%s: refused by name (relative path), nothing written', async (name, edit, message) => {
    const tag = `bad-${name.replace(/\W+/g, '-')}`;
    const r = await warmFrom(tag, edit);
    refused(r);
    expect(r.err).toMatch(message);
    expect(r.err).toContain(join(relative(process.cwd(), base), tag));
    expect(r.err.startsWith(`odc: ${base}`)).toBe(false); // no absolute path
    expect(existsSync(join(base, `${tag}-out`))).toBe(false);
  });

  it('an untouched log is inherited; a multi-seed folder is a warm start too', async () => {
    const ok = await warmFrom('good', (l) => l);
    expect(ok.code, ok.err).toBe(0);
    const seeds = join(base, 'seeds');
    const s = await odc('run', mixed(3), '--seeds', '2', '--out', seeds, '--quiet');
    expect(s.code, s.err).toBe(0);
    const w = await odc('run', mixed(4, 'seeds'), '--out', join(base, 'from-seeds'), '--quiet');
    expect(w.code, w.err).toBe(0);
    const meta = JSON.parse(readFileSync(join(base, 'from-seeds', 'run.json'), 'utf8')) as {
      warmStart?: { mode: string; designs: number };
    };
    expect(meta.warmStart?.mode).toBe('inherited');
    // both seeds' logs: 2 seeds × 2 generations × 8 designs, less any failed rows
    expect(meta.warmStart?.designs).toBeGreaterThan(16);
  });
});

describe('YAML aliases that refer to themselves, and --set origins', () => {
  it.each([
    ['a list', 'a: &a [*a]\n'],
    ['a mapping', 'a: &a { b: *a }\n'],
    ['a nested block', 'a: &a\n  b:\n    - *a\n'],
  ])('in %s: named as such, no stack overflow', (_, text) => {
    const f = writeFile(dir, `self-${text.length}.yaml`, `name: t\n${text}`);
    const e = studyErrorOf(() => readYaml(f));
    expect(e.code).toBe('YAML_SYNTAX');
    expect(e.message).toMatch(/alias \*a refers to the value that holds it .*contains itself/);
  });

  it('--set with a self-referencing alias names the --set, not the file', async () => {
    const s = benchmarkStudy(dir, 'set.yaml', { name: 's', algorithm: { name: 'nsga2', population: 8, seed: 1 } });
    for (const set of ['note=&a [*a]', 'note=&a {b: *a}'])
      for (const cmd of [
        ['run', s, '--out', join(dir, 'set-out')],
        ['evaluate', node],
      ]) {
        const r = await odc(...cmd, '--set', set);
        refused(r);
        expect(r.err).toContain(`--set ${set}`);
        expect(r.err).toContain('contains itself');
      }
    expect(existsSync(join(dir, 'set-out'))).toBe(false);
  });

  it('a check after the schema cites the --set that set the value, not the study file line', async () => {
    const s = benchmarkStudy(dir, 'pop.yaml', { name: 'p', algorithm: { name: 'nsga2', population: 8, seed: 1 } });
    const r = await odc('run', s, '--set', 'algorithm.population=3', '--out', join(dir, 'pop-out'));
    refused(r);
    expect(r.err).toContain('--set algorithm.population=3');
    expect(r.err).not.toMatch(/pop\.yaml:\d+:\d+/);
  });
});

describe('TLE title lines are capped', () => {
  it('a 5,000-character design name gives titles of at most 69 characters, each still distinct', async () => {
    const long = join(dir, 'd', 'long.yaml');
    writeFileSync(long, readFileSync(constellation, 'utf8').replace(/^name: .*$/m, `name: ${'n'.repeat(5000)}`));
    const r = await odc('export', long, '--format', 'tle');
    expect(r.code, r.err).toBe(0);
    const titles = r.out
      .trimEnd()
      .split('\n')
      .filter((_, i) => i % 3 === 0);
    expect(titles.length).toBe(12);
    for (const t of titles) expect(t.length).toBeLessThanOrEqual(69);
    expect(new Set(titles).size).toBe(titles.length);
  });
});
