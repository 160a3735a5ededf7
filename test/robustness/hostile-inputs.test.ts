/**
 * Bounded inputs: hostile design, study and catalog files and constraint expressions are refused
 * with one StudyError (exit 2 from the CLI), never a stack overflow, a heap blow-up or minutes of CPU.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCatalogDir, loadCatalogs } from '../../src/catalog/load.js';
import { StudyError } from '../../src/base/errors.js';
import { loadStudyProblem } from '../../src/run/problem.js';
import { parseDesignFile } from '../../src/node/design/load.js';
import { MAX_INPUT_BYTES, readYaml } from '../../src/base/yaml.js';
import { parseConstraint } from '../../src/study/expression.js';
import { odc } from '../helpers/cli.js';
import { studyErrorOf, tempDir, writeFile } from '../helpers/tmp.js';

const dir = tempDir('odc-hostile-');
const FLAGSHIP = readFileSync('designs/flagship-study.yaml', 'utf8');
/** The flagship study with `edit` applied to its text, written to a temp file. */
const flagship = (name: string, edit: (t: string) => string): string => writeFile(dir, name, edit(FLAGSHIP));

/** A "billion laughs" YAML: 9 levels of 9 aliases each (9^9 strings if expanded). */
const BOMB = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((k, i) => {
    const p = 'abcdefghi'[i]!;
    return `${k}: &${k} [*${p},*${p},*${p},*${p},*${p},*${p},*${p},*${p},*${p}]`;
  }),
].join('\n');

describe('YAML loading is linear and bounded', () => {
  // linear, not quadratic: the suite's per-test timeout is the hang guard (a quadratic duplicate-key check on 80,000
  // keys takes minutes); no assertion here on wall time, which depends on the machine's load
  it('80,000 keys load, every one of them; a duplicate key among them is found with line:col', () => {
    const keys = Array.from({ length: 80_000 }, (_, i) => `k${i}: ${i}`);
    const ok = writeFile(dir, 'many.yaml', `name: t\n${keys.join('\n')}\n`);
    expect(Object.keys(readYaml(ok).raw as object)).toHaveLength(80_001);
    const dup = writeFile(dir, 'dup.yaml', `name: t\n${keys.join('\n')}\nk17: again\n`);
    const e = studyErrorOf(() => readYaml(dup));
    expect(e.code).toBe('YAML_SYNTAX');
    expect(e.message).toBe(
      `${dup}:80002:1: YAML syntax error: duplicate key "k17" (first at line 19:1); keys must be unique`,
    );
  });

  it('a duplicate key in a nested mapping is still found', () => {
    const f = writeFile(dir, 'dup-nested.yaml', 'name: t\norbit:\n  altitude_km: 600\n  altitude_km: 700\n');
    expect(studyErrorOf(() => parseDesignFile(f)).message).toContain(
      'dup-nested.yaml:4:3: YAML syntax error: duplicate key "altitude_km" (first at line 3:3)',
    );
  });

  it(`a file over ${MAX_INPUT_BYTES / 2 ** 20} MB is refused before it is parsed`, () => {
    const f = writeFile(dir, 'big.yaml', `name: t\ndescription: "${'x'.repeat(MAX_INPUT_BYTES)}"\n`);
    const e = studyErrorOf(() => readYaml(f));
    expect(e.code).toBe('OUT_OF_RANGE');
    expect(e.message).toContain('larger than 10 MB');
  });

  it('a FIFO, /dev/zero and a folder are refused, not read', async () => {
    const fifo = join(dir, 'fifo.yaml');
    execFileSync('mkfifo', [fifo]);
    for (const [f, kind] of [
      [fifo, 'a pipe (FIFO)'],
      ['/dev/zero', 'a device'],
    ] as const) {
      const e = studyErrorOf(() => readYaml(f));
      expect(e.message).toBe(
        `${f}: is ${kind}, not a regular file: odc reads a design file only from a regular file; check the path (shipped designs and studies are in designs/)`,
      );
    }
    mkdirSync(join(dir, 'folder.yaml'));
    expect(studyErrorOf(() => readYaml(join(dir, 'folder.yaml'))).message).toContain('is a folder');
    const r = await odc('run', '/dev/zero', '--quiet');
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'odc: /dev/zero: is a device, not a regular file: odc reads a design file only from a regular file; check the path (shipped designs and studies are in designs/)\n',
    );
  });

  it('an alias bomb ("billion laughs") in a design or study names the alias limit', async () => {
    const f = writeFile(dir, 'bomb.yaml', `name: t\n${BOMB}\n`);
    const e = studyErrorOf(() => parseDesignFile(f));
    expect(e.code).toBe('YAML_SYNTAX');
    expect(e.message).toMatch(/more than 100 alias uses.*billion laughs/);
    const s = flagship('bomb-study.yaml', (t) => `${t}\n${BOMB}\n`);
    const r = await odc('run', s, '--quiet');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^odc: .*bomb-study\.yaml: YAML aliases expand too far \(more than 100 alias uses\)/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('catalogs: a duplicate key and a non-regular file are StudyErrors', () => {
    const copy = (name: string): string => {
      const d = join(dir, name);
      cpSync(defaultCatalogDir(), d, { recursive: true });
      return d;
    };
    const b = copy('cat-dup');
    writeFileSync(
      join(b, 'coatings.yaml'),
      readFileSync(join(b, 'coatings.yaml'), 'utf8').replace(/^(- id: .*)$/m, '$1\n  id: again'),
    );
    const eb = studyErrorOf(() => loadCatalogs(b));
    expect(eb.code).toBe('YAML_SYNTAX');
    expect(eb.message).toMatch(/coatings\.yaml:\d+:\d+: YAML syntax error: duplicate key "id"/);
    const c = copy('cat-fifo');
    const radiators = join(c, 'radiators.yaml');
    rmSync(radiators);
    execFileSync('mkfifo', [radiators]);
    expect(studyErrorOf(() => loadCatalogs(c)).message).toMatch(
      /radiators\.yaml: is a pipe \(FIFO\), not a regular file: odc reads a catalog file only from a regular file/,
    );
  });

  it('a clean alias bomb in a catalog names the limit', () => {
    const d = join(dir, 'cat-bomb2');
    cpSync(defaultCatalogDir(), d, { recursive: true });
    writeFileSync(join(d, 'batteries.yaml'), `# x\n- ${BOMB.split('\n').join('\n  ')}\n`);
    expect(studyErrorOf(() => loadCatalogs(d)).message).toMatch(
      /batteries\.yaml: YAML aliases expand too far \(more than 100 alias uses\).*billion laughs/,
    );
  });
});

describe('constraint expressions are bounded', () => {
  const constraint = (expr: string): StudyError =>
    studyErrorOf(() =>
      loadStudyProblem(
        flagship('c.yaml', (t) => t.replace(/^constraints:\n/m, `constraints:\n  - ${JSON.stringify(expr)}\n`)),
      ),
    );

  it('5,000 nested parentheses: BAD_CONSTRAINT, no stack overflow', () => {
    const e = constraint(`${'('.repeat(5000)}mass.launch_kg${')'.repeat(5000)} <= 1`);
    expect(e.code).toBe('BAD_CONSTRAINT');
    expect(e.message).toMatch(/nested too deeply|too long/);
  });

  it('100,000 leading minus signs: BAD_CONSTRAINT, no stack overflow', () => {
    const e = constraint(`${'-'.repeat(100_000)}mass.launch_kg <= 1`);
    expect(e.code).toBe('BAD_CONSTRAINT');
    expect(e.message).toMatch(/nested too deeply|too long/);
  });

  it('nesting is capped at 64 levels with the column; 64 levels still parse', () => {
    expect(() => parseConstraint(`${'('.repeat(64)}x${')'.repeat(64)} <= 1`)).not.toThrow();
    expect(() => parseConstraint(`${'-'.repeat(64)}x <= 1`)).not.toThrow();
    expect(() => parseConstraint(`${'('.repeat(65)}x${')'.repeat(65)} <= 1`)).toThrow(
      'expression nested too deeply: more than 64 levels of parentheses and signs (at column 65)',
    );
    expect(() => parseConstraint(`${'-'.repeat(200)}x <= 1`)).toThrow(/nested too deeply/);
    expect(() => parseConstraint(`x${' + 1'.repeat(2000)} <= 1`)).toThrow(/too long: more than 1000/);
  });

  it('a non-finite literal (1e400) is rejected at load, not in every evaluation', () => {
    const e = constraint('mass.launch_kg <= 1e400');
    expect(e.code).toBe('BAD_CONSTRAINT');
    expect(e.message).toContain('the number 1e400 at column 19 is too large');
  });
});

describe('study settings that cannot work are refused at load', () => {
  it('minimizing and maximizing the same metric is BAD_OBJECTIVE (node study)', () => {
    const f = flagship('minmax.yaml', (t) =>
      t.replace(/^objectives:\n/m, 'objectives:\n  - maximize: cost.lcocDiscounted_USD_per_PFLOP_day\n'),
    );
    const e = studyErrorOf(() => loadStudyProblem(f));
    expect(e.code).toBe('BAD_OBJECTIVE');
    expect(e.message).toMatch(
      /objectives\[1\] minimizes cost\.lcocDiscounted_USD_per_PFLOP_day, but objectives\[0\] maximizes it: one metric cannot be both minimized and maximized/,
    );
    const twice = flagship('twice.yaml', (t) =>
      t.replace(/^objectives:\n/m, 'objectives:\n  - maximize: compute.deliveredPFLOPS\n'),
    );
    expect(studyErrorOf(() => loadStudyProblem(twice)).message).toMatch(/already maximizes it/);
  });

  it('minimizing and maximizing the same metric is BAD_OBJECTIVE (constellation study)', () => {
    const text = readFileSync('designs/constellation-study.yaml', 'utf8');
    const m = /^objectives:\n\s+- (minimize|maximize): (\S+)/m.exec(text)!;
    const other = m[1] === 'minimize' ? 'maximize' : 'minimize';
    // the study names its node design relative to itself
    copyFileSync('designs/ai1.yaml', join(dir, 'ai1.yaml'));
    const f = writeFile(dir, 'c-minmax.yaml', text.replace(/^objectives:\n/m, `objectives:\n  - ${other}: ${m[2]}\n`));
    const e = studyErrorOf(() => loadStudyProblem(f));
    expect(e.code).toBe('BAD_OBJECTIVE');
  });

  it('NSGA-III partitions implying more than 100,000 reference directions are BAD_ALGORITHM', async () => {
    const f = flagship('partitions.yaml', (t) =>
      t.replace(/^algorithm:.*$/m, 'algorithm: { name: nsga3, population: 24, generations: 2, partitions: 100000 }'),
    );
    const e = studyErrorOf(() => loadStudyProblem(f));
    expect(e.code).toBe('BAD_ALGORITHM');
    expect(e.message).toMatch(
      /partitions\.yaml:\d+:\d+: algorithm\.partitions: nsga3 partitions 100000 with 3 objectives means 5,000,150,001 reference directions .* at most 100,000 are allowed: use partitions ≤ 445/,
    );
    const r = await odc('run', f, '--quiet', '--out', join(dir, 'partitions-run'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('at most 100,000 are allowed');
  });
});
