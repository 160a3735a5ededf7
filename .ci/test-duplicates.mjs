/**
 * The test tree's duplicate brake, checked by `npm run lint`: no run of six or more identical code lines stands in
 * two places of test/ (two files, or two places of one file that do not overlap). Shared test code belongs in
 * test/helpers/ or a folder's own helpers, or the two tests are one test. docs/developing.md, "Test hygiene".
 *
 * What counts as a line: white space folded; blank lines, comment lines, lines of lone punctuation (`});`, `],`)
 * and import statements are passed over, so a run is six lines that carry code. A run standing in more than eight
 * places is the shape of the test framework itself (a `describe` opening, an `expect` chain), not a copy someone
 * wrote, and is left out, as the developer tool `duplicates` does. Lines of the same shape with other names and
 * numbers are not checked here: only identical text is a mechanical, reproducible verdict.
 *
 * Usage: node .ci/test-duplicates.mjs [--root DIR] [--min-lines N]
 * Exits 1 listing each duplicated run (file:line-line ~ file:line-line); 0 when there is none.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const ROOT = option('--root', fileURLToPath(new URL('../', import.meta.url)));
const MIN_LINES = Number(option('--min-lines', '6'));
const MOST_PLACES = 8;

/** Every .ts file under test/, sorted so the report is stable. */
function testFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...testFiles(path));
    else if (entry.isFile() && entry.name.endsWith('.ts')) out.push(path);
  }
  return out.sort();
}

const LONE_PUNCTUATION = /^[\s{}()[\];,.]*$/;

/** The lines that carry code, each with its 1-based line number. */
export function codeLines(text) {
  const lines = [];
  let inBlockComment = false;
  let inImport = false;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim().replace(/\s+/g, ' ');
    if (inBlockComment) {
      if (line.includes('*/')) inBlockComment = false;
      return;
    }
    if (inImport) {
      if (/;\s*$/.test(line) || /\bfrom\s+['"]/.test(line)) inImport = false;
      return;
    }
    if (line.startsWith('/*')) {
      if (!line.includes('*/')) inBlockComment = true;
      return;
    }
    if (line === '' || line.startsWith('//') || LONE_PUNCTUATION.test(line)) return;
    if (/^import\b/.test(line) || /^export\s+(\*|\{[^}]*\})\s+from\b/.test(line)) {
      if (!/;\s*$/.test(line) && !/\bfrom\s+['"]/.test(line)) inImport = true;
      return;
    }
    lines.push({ text: line, number: i + 1 });
  });
  return lines;
}

/** Duplicated runs: pairs of places sharing MIN_LINES or more consecutive identical code lines. */
export function duplicatedRuns(files) {
  const places = new Map();
  for (const { name, lines } of files) {
    for (let i = 0; i + MIN_LINES <= lines.length; i += 1) {
      const key = lines
        .slice(i, i + MIN_LINES)
        .map((l) => l.text)
        .join('\n');
      const list = places.get(key) ?? [];
      list.push({ name, index: i });
      places.set(key, list);
    }
  }
  const pairs = new Map();
  for (const list of places.values()) {
    if (list.length < 2 || list.length > MOST_PLACES) continue;
    for (let a = 0; a < list.length; a += 1) {
      for (let b = a + 1; b < list.length; b += 1) {
        const [p, q] = [list[a], list[b]];
        if (p.name === q.name && Math.abs(p.index - q.index) < MIN_LINES) continue;
        const id = `${p.name}\0${q.name}\0${q.index - p.index}`;
        const run = pairs.get(id) ?? { p, q, first: p.index, last: p.index };
        run.first = Math.min(run.first, p.index);
        run.last = Math.max(run.last, p.index);
        pairs.set(id, run);
      }
    }
  }
  return [...pairs.values()];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const testDir = join(ROOT, 'test');
  const files = testFiles(testDir).map((path) => ({
    name: relative(ROOT, path).split(sep).join('/'),
    lines: codeLines(readFileSync(path, 'utf8')),
  }));
  const byName = new Map(files.map((f) => [f.name, f.lines]));
  const runs = duplicatedRuns(files);
  if (runs.length === 0) process.exit(0);
  const where = (name, from, to) => {
    const lines = byName.get(name);
    return `${name}:${lines[from].number}-${lines[to].number}`;
  };
  console.error(`test/ repeats itself: ${runs.length} run(s) of ${MIN_LINES}+ identical code lines in two places`);
  for (const { p, q, first, last } of runs) {
    const shift = q.index - p.index;
    const end = last + MIN_LINES - 1;
    console.error(`  ${where(p.name, first, end)} ~ ${where(q.name, first + shift, end + shift)}`);
  }
  console.error("Move the shared code to test/helpers/ (or the folder's helpers), or merge the two tests.");
  process.exit(1);
}
