/**
 * .ci/test-duplicates.mjs, the test tree's duplicate brake that `npm run lint` runs: which lines carry code (listed
 * by hand on a small text), which runs it reports (built by hand: six shared lines, five, an overlap, a run in nine
 * places), and the script itself on small trees in a temporary folder, with and without a copied run.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeLines, duplicatedRuns } from '../../.ci/test-duplicates.mjs';
import { tempDir } from '../helpers/tmp.js';

/** `n` distinct code lines `const <tag><i> = <i>;`, each after a comment and a blank line. */
const run = (tag: string, n: number): string =>
  Array.from({ length: n }, (_, i) => `// ${tag} ${i}\n\nconst ${tag}${i} = ${i};\n`).join('');

const file = (name: string, text: string) => ({ name, lines: codeLines(text) });

describe('codeLines', () => {
  it('passes over blank, comment, lone-punctuation and import lines, folding white space', () => {
    const text = [
      "import { a } from 'a';", // 1
      'import {', // 2
      '  b,', // 3
      "} from 'b';", // 4
      '/* a block', // 5
      '   comment */', // 6
      'const  x   = 1;', // 7
      '});', // 8
      '// a comment', // 9
      '', // 10
      '  expect(x).toBe(1);', // 11
    ].join('\n');
    expect(codeLines(text)).toEqual([
      { text: 'const x = 1;', number: 7 },
      { text: 'expect(x).toBe(1);', number: 11 },
    ]);
  });
});

describe('duplicatedRuns', () => {
  it('reports six shared code lines in two files as one run, whatever comments stand between them', () => {
    const runs = duplicatedRuns([file('a.ts', run('s', 6)), file('b.ts', `let other = 0;\n${run('s', 6)}`)]);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ p: { name: 'a.ts', index: 0 }, q: { name: 'b.ts', index: 1 } });
  });

  it('reports one run for seven shared lines (two windows of six), none for five', () => {
    expect(duplicatedRuns([file('a.ts', run('s', 7)), file('b.ts', run('s', 7))])).toHaveLength(1);
    expect(duplicatedRuns([file('a.ts', run('s', 5)), file('b.ts', run('s', 5))])).toEqual([]);
  });

  it('reports a run repeated in one file, but not a window overlapping itself', () => {
    expect(duplicatedRuns([file('a.ts', `${run('s', 6)}${run('t', 1)}${run('s', 6)}`)])).toHaveLength(1);
    // the same line twelve times: every window repeats at shifts 1-6, all overlapping, and at 6: one run
    const same = 'x += 1;\n'.repeat(12);
    expect(duplicatedRuns([file('a.ts', same)]).map((r) => r.q.index - r.p.index)).toEqual([6]);
  });

  it('leaves out a run standing in more than eight places (the framework’s shape, not a copy)', () => {
    const nine = Array.from({ length: 9 }, (_, i) => file(`f${i}.ts`, run('s', 6)));
    expect(duplicatedRuns(nine)).toEqual([]);
    expect(duplicatedRuns(nine.slice(0, 8))).toHaveLength(28); // 8 places: C(8, 2) pairs
  });
});

describe('the script, as `npm run lint` runs it', () => {
  const tree = (files: Record<string, string>): string => {
    const root = tempDir('odc-test-duplicates-');
    mkdirSync(join(root, 'test', 'sub'), { recursive: true });
    for (const [path, text] of Object.entries(files)) writeFileSync(join(root, path), text);
    return root;
  };
  const lint = (root: string) =>
    spawnSync(process.execPath, ['.ci/test-duplicates.mjs', '--root', root], { encoding: 'utf8' });

  it('exits 0 on a tree without a copied run', () => {
    const r = lint(tree({ 'test/a.test.ts': run('s', 6), 'test/sub/b.test.ts': run('t', 6) }));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('exits 1 naming both places, with line numbers, of a copied run', () => {
    const r = lint(tree({ 'test/a.test.ts': run('s', 6), 'test/sub/b.test.ts': `let y = 2;\n${run('s', 6)}` }));
    expect(r.status).toBe(1);
    // the six code lines are lines 3, 6, …, 18 of a.test.ts and, one line later, 4 … 19 of b.test.ts
    expect(r.stderr).toContain('test/a.test.ts:3-18 ~ test/sub/b.test.ts:4-19');
  });
});
