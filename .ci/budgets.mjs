/**
 * Code budgets per layer, checked by `npm run lint`: the code lines of each layer of .dependency-cruiser.cjs (its
 * LAYERS, plus src/index.ts) must not exceed that layer's budget in .ci/layer-budgets.json. A code line is a line
 * of a .ts file that holds part of a token: blank lines, comment lines and JSDoc do not count, a line of code with a
 * trailing comment does, and every line of a multi-line string or template literal does. Tokens come from the
 * TypeScript parser (the syntax tree's leaves), so `//` inside a string, a template or a regular expression is code.
 * A change that adds a feature raises its layer's budget in the same commit and says so in the commit body.
 *
 * Usage: node .ci/budgets.mjs [--root DIR] [--budgets FILE] [--report]
 *   --root     the package folder whose src/ and solvers/ are counted (default: this package)
 *   --budgets  the budget file (default: .ci/layer-budgets.json under --root)
 *   --report   also print every layer's count and budget
 * Exits 1, naming each layer over its budget, its count and how to raise the budget; 2 on a bad budget file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const PACKAGE = fileURLToPath(new URL('../', import.meta.url));
const require = createRequire(import.meta.url);

/** The layers counted: those of the import layering, then the library API beside them (ROOTS there). */
export const LAYERS = [
  ...require('../.dependency-cruiser.cjs').LAYERS.map((l) => ({ name: l.name, path: l.path })),
  { name: 'index', path: '^src/index\\.ts$' },
];

const JSDOC_FIRST = ts.SyntaxKind.FirstJSDocNode;
const JSDOC_LAST = ts.SyntaxKind.LastJSDocNode;

/** The code lines of one TypeScript text (see the header for what counts), as 1-based line numbers in order. */
export function codeLines(text, fileName = 'file.ts') {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const lines = new Set();
  const visit = (node) => {
    if (node.kind >= JSDOC_FIRST && node.kind <= JSDOC_LAST) return;
    const children = node.getChildren(source);
    if (children.length > 0) {
      for (const child of children) visit(child);
      return;
    }
    const start = node.getStart(source);
    const end = node.getEnd();
    if (end <= start) return; // the end-of-file token, an empty list
    const first = source.getLineAndCharacterOfPosition(start).line;
    const last = source.getLineAndCharacterOfPosition(end - 1).line;
    for (let line = first; line <= last; line++) lines.add(line + 1);
  };
  visit(source);
  return [...lines].sort((a, b) => a - b);
}

/** The number of code lines of one TypeScript text. */
export function countCodeLines(text, fileName = 'file.ts') {
  return codeLines(text, fileName).length;
}

/** Every .ts file under root's src/ and solvers/, as paths relative to root with forward slashes. */
function sourceFiles(root) {
  const files = [];
  for (const top of ['src', 'solvers']) {
    let entries;
    try {
      entries = readdirSync(join(root, top), { recursive: true, withFileTypes: true });
    } catch {
      continue; // a fixture tree without solvers/
    }
    for (const e of entries) {
      if (e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) {
        files.push(relative(root, join(e.parentPath, e.name)).split(sep).join('/'));
      }
    }
  }
  return files.sort();
}

/**
 * Counts root's layers and compares them with the budget file. `problems` lists what fails the check: a layer over
 * its budget, a layer without a budget, a budget of no layer, a file in no layer.
 */
export function checkBudgets({ root = PACKAGE, budgets = join(root, '.ci', 'layer-budgets.json') } = {}) {
  const file = JSON.parse(readFileSync(budgets, 'utf8'));
  const limits = file.budgets ?? {};
  const budgetsName = relative(root, budgets).split(sep).join('/');
  const counts = Object.fromEntries(LAYERS.map((l) => [l.name, 0]));
  const problems = [];
  const matchers = LAYERS.map((l) => ({ name: l.name, re: new RegExp(l.path) }));
  for (const path of sourceFiles(root)) {
    const layer = matchers.find((m) => m.re.test(path));
    if (layer === undefined) {
      problems.push(`${path} is in no layer: put it in the folder of its layer (LAYERS in .dependency-cruiser.cjs).`);
      continue;
    }
    counts[layer.name] += countCodeLines(readFileSync(join(root, path), 'utf8'), path);
  }
  for (const { name } of LAYERS) {
    const limit = limits[name];
    if (typeof limit !== 'number') {
      problems.push(`Layer ${name} has no budget: add "${name}": <code lines> to "budgets" in ${budgetsName}.`);
    } else if (counts[name] > limit) {
      problems.push(
        `Layer ${name} has ${counts[name]} code lines, over its budget of ${limit} (${budgetsName}). ` +
          `Cut code, or, if a feature needs the lines, raise "${name}" in ${budgetsName} in the same change ` +
          `and say so in the commit body (docs/developing.md, "Code budgets").`,
      );
    }
  }
  for (const name of Object.keys(limits)) {
    if (!(name in counts)) problems.push(`${budgetsName} budgets "${name}", which is no layer: remove it.`);
  }
  return { counts, limits, problems };
}

function main(argv) {
  const options = {};
  let report = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--report') report = true;
    else if ((a === '--root' || a === '--budgets') && argv[i + 1] !== undefined) options[a.slice(2)] = argv[++i];
    else {
      console.error(`budgets: unknown argument ${a}. Usage: node .ci/budgets.mjs [--root DIR] [--budgets FILE]`);
      return 2;
    }
  }
  let result;
  try {
    result = checkBudgets(options);
  } catch (e) {
    console.error(`budgets: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  if (report) {
    for (const { name } of LAYERS) console.log(`${name.padEnd(14)} ${result.counts[name]} / ${result.limits[name]}`);
  }
  for (const p of result.problems) console.error(p);
  return result.problems.length > 0 ? 1 : 0;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = main(process.argv.slice(2));
}
