/**
 * .ci/budgets.mjs, the code budgets per layer that `npm run lint` checks: its line counter against a fixture whose
 * code lines are listed by hand, then the script itself, run as `npm run lint` runs it, on small package trees in a
 * temporary folder whose files hold hand-counted code lines, within their budgets and pushed over one.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeLines, LAYERS } from '../../.ci/budgets.mjs';
import { tempDir } from '../helpers/tmp.js';

describe('codeLines (test/ci/fixtures/codeLines.ts, counted by hand)', () => {
  it('counts code and trailing-comment lines, every line of a template; no comment, JSDoc or blank line', () => {
    const text = readFileSync('test/ci/fixtures/codeLines.ts', 'utf8');
    // 7: a URL string holding // plus a trailing comment; 11: a regular expression of slashes; 13-16: a template
    // with a blank line, // and /* inside; 18, 20, 21: a function whose body holds JSDoc; 23: code after a block
    // comment; 28, 30, 33: a class with JSDoc and a comment before its closing brace.
    expect(codeLines(text)).toEqual([7, 11, 13, 14, 15, 16, 18, 20, 21, 23, 28, 30, 33]);
  });

  it('counts nothing in a text of comments and blank lines, and a one-line file as one line', () => {
    expect(codeLines('// a\n\n/* b\n c */\n/** d */\n')).toEqual([]);
    expect(codeLines('export {};')).toEqual([1]);
  });
});

/** A file of `n` code lines, each after a comment line and a blank line (3n lines in all). */
const codeOf = (n: number): string =>
  Array.from({ length: n }, (_, i) => `// line ${i}\n\nexport const v${i} = '//${i}';\n`).join('');

/** A package tree: src/<layer>/a.ts of 2 code lines per layer, solvers/a.ts, src/index.ts, and a budget file. */
function packageTree(budgetOf: (layer: string) => number, extra: Record<string, string> = {}): string {
  const root = tempDir('odc-budgets-');
  const files: Record<string, string> = { 'src/index.ts': codeOf(2), ...extra };
  for (const { name } of LAYERS) {
    if (name !== 'index') files[name === 'solvers' ? 'solvers/a.ts' : `src/${name}/a.ts`] ??= codeOf(2);
  }
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const budgets = Object.fromEntries(LAYERS.map(({ name }) => [name, budgetOf(name)]));
  mkdirSync(join(root, '.ci'));
  writeFileSync(join(root, '.ci', 'layer-budgets.json'), JSON.stringify({ budgets }));
  return root;
}

const run = (root: string) =>
  spawnSync(process.execPath, ['.ci/budgets.mjs', '--root', root, '--report'], { encoding: 'utf8' });

describe('node .ci/budgets.mjs on a package tree', () => {
  it('passes with every layer at or under its budget, printing each count', () => {
    const r = run(packageTree((layer) => (layer === 'report' ? 2 : 3)));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^report +2 \/ 2$/m);
    expect(r.stdout).toMatch(/^solvers +2 \/ 3$/m);
  });

  it('fails on a layer pushed over its budget, naming the layer, its count, its budget and how to raise it', () => {
    // report: a.ts of 2 code lines plus b.ts of 1 = 3 code lines against a budget of 2.
    const r = run(packageTree((layer) => (layer === 'report' ? 2 : 3), { 'src/report/b.ts': codeOf(1) }));
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('Layer report has 3 code lines, over its budget of 2 (.ci/layer-budgets.json).');
    expect(lines[0]).toContain('raise "report" in .ci/layer-budgets.json in the same change');
    expect(lines[0]).toContain('say so in the commit body');
  });

  it('fails on a layer without a budget, a budget of no layer and a file in no layer', () => {
    const root = packageTree(() => 3, { 'src/misc.ts': codeOf(1) });
    const path = join(root, '.ci', 'layer-budgets.json');
    const { budgets } = JSON.parse(readFileSync(path, 'utf8')) as { budgets: Record<string, number> };
    delete budgets['serve'];
    writeFileSync(path, JSON.stringify({ budgets: { ...budgets, reports: 10 } }));
    const r = run(root);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('src/misc.ts is in no layer');
    expect(r.stderr).toContain('Layer serve has no budget');
    expect(r.stderr).toContain('budgets "reports", which is no layer');
  });
});
