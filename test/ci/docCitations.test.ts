/**
 * What the documents cite must exist: README.md, src/README.md, test/README.md, docs/*.md and designs/*.md are
 * scanned for repository paths (src/…, test/…, solvers/…, designs/…, docs/…, .ci/…: the file or folder must be
 * there), section citations after a document's path (`docs/x.md §13`, `docs/x.md §"Title"`, `docs/x.md §Title`,
 * `docs/x.md, "Title"`: a heading of that document must start with it) and markdown links (the file, and its
 * #anchor among the target's GitHub heading anchors). A path holding a placeholder or a glob (`<name>`, `*`) is not
 * a citation. The scanner is checked first on small texts that cite what exists and what does not.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const TOP = ['src', 'test', 'solvers', 'designs', 'docs', '.ci'];

/** The documents scanned, relative to the repository root. */
function documents(): string[] {
  const inFolder = (d: string): string[] =>
    readdirSync(join(ROOT, d))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `${d}/${f}`);
  return ['README.md', 'src/README.md', 'test/README.md', ...inFolder('docs'), ...inFolder('designs')];
}

/** A heading's text as GitHub renders it: inline code and link syntax gone. */
const headingText = (h: string): string =>
  h
    .replace(/`/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .trim();

/** GitHub's anchor of a heading: lower case, punctuation but `-` and `_` dropped, spaces to `-`, repeats numbered. */
function anchors(headings: readonly string[]): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const h of headings) {
    const base = headingText(h)
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const k = seen.get(base) ?? 0;
    seen.set(base, k + 1);
    out.add(k === 0 ? base : `${base}-${k}`);
  }
  return out;
}

/** The headings of a markdown text (outside fenced code). */
function headings(text: string): string[] {
  let fenced = false;
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    else if (!fenced && /^#{1,6} /.test(line)) out.push(line.replace(/^#{1,6} /, ''));
  }
  return out;
}

/** Whether a cited section title names a heading: the heading is the title, or starts with it and goes on. */
const namesHeading = (title: string, heads: readonly string[]): boolean =>
  heads
    .map(headingText)
    .some((h) => h === title || (h.startsWith(title) && /^[\s:,.(—–-]/.test(h.slice(title.length))));

/** Reads a repository file's text (null when it is missing). */
type Reader = (path: string) => string | null;

/**
 * Files of other projects' repositories the documents cite (with the repository), which this one does not hold.
 */
const ELSEWHERE: Record<string, string> = {
  'docs/whitepaper.md': 'jman4162/spacedc-mdao',
  'docs/vs-mccalip.md': 'jman4162/spacedc-mdao',
  'src/orbitdc/data/cost_structure.yaml': 'jman4162/spacedc-mdao',
  'src/exponential/constants.jl': 'SatelliteToolbox.jl',
  'src/problems/zdt.cpp': 'esa/pagmo2',
};

export interface Citations {
  /** How many citations of each kind were checked. */
  readonly checked: { paths: number; sections: number; links: number };
  /** What is cited and does not exist, one line each: `document:line: what`. */
  readonly stale: string[];
}

/** The citations of `text` (the document at `docPath`); a path may be relative to the root or the document. */
export function citations(docPath: string, text: string, read: Reader, exists: (p: string) => boolean): Citations {
  const found: string[] = [];
  const checked = { paths: 0, sections: 0, links: 0 };
  const lines = text.split('\n');
  const where = (i: number): string => `${docPath}:${i + 1}`;
  const sectionsOf = (doc: string): string[] | null => {
    const t = doc === docPath ? text : read(doc);
    return t === null ? null : headings(t);
  };
  const present = (p: string): boolean => exists(p) || exists(normalize(join(dirname(docPath), p)));
  const pathRe = new RegExp(
    `(?<![\\w./\\-])(?:${TOP.map((t) => t.replace('.', '\\.')).join('|')})/[\\w./\\-]*[\\w/]`,
    'g',
  );
  lines.forEach((line, i) => {
    // markdown links to repository files, and anchors
    for (const m of line.matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = m[1]!;
      if (/^[a-z]+:/.test(target)) continue;
      const [file, anchor] = target.split('#') as [string, string | undefined];
      const path = file === '' ? docPath : normalize(join(dirname(docPath), file));
      checked.links++;
      if (path !== docPath && !exists(path)) {
        found.push(`${where(i)}: link to ${target}: no file ${path}`);
        continue;
      }
      if (anchor !== undefined && path.endsWith('.md') && !anchors(sectionsOf(path) ?? []).has(anchor))
        found.push(`${where(i)}: link to ${target}: ${path} has no heading with anchor #${anchor}`);
    }
    // repository paths in the text
    for (const m of line.matchAll(pathRe)) {
      const p = m[0].replace(/\/$/, '');
      const after = line.slice(m.index + m[0].length);
      if (/^[<*{$…]/.test(after) || p.includes('..') || p in ELSEWHERE) continue; // not a file of this repository
      checked.paths++;
      if (!present(p)) found.push(`${where(i)}: cites ${p}, which does not exist`);
    }
    // sections after a document's path
    const sectionRe =
      /(?<![\w/])((?:docs|designs|src|test)\/[\w./-]*\.md),? (?:§"([^"]+)"|§(\d+(?:\.\d+)*)|§(\p{Lu}[\w-]+)|"([^"]+)")/gu;
    for (const m of line.matchAll(sectionRe)) {
      const doc = m[1]!;
      const heads = sectionsOf(doc);
      if (heads === null) continue; // reported as a missing path above
      const number = m[3];
      checked.sections++;
      const title = m[2] ?? m[4] ?? m[5]!;
      const ok =
        number !== undefined
          ? heads.some((h) => new RegExp(`^§${number.split('.')[0]}(?![\\d])`).test(headingText(h)))
          : namesHeading(title, heads);
      if (!ok)
        found.push(`${where(i)}: cites ${doc} ${number !== undefined ? `§${number}` : `"${title}"`}: no such heading`);
    }
  });
  return { checked, stale: found };
}

const readRepo: Reader = (p) => (existsSync(join(ROOT, p)) ? readFileSync(join(ROOT, p), 'utf8') : null);
const existsRepo = (p: string): boolean => existsSync(join(ROOT, p)) && !relative(ROOT, join(ROOT, p)).startsWith('..');

describe('citations in the documents', () => {
  const files: Record<string, string> = {
    'docs/a.md': '# A\n\n## Comparing runs\n\n## §13 Baselines\n\n## Hypervolume: `npm run bench`\n',
    'src/x.ts': '',
  };
  const read: Reader = (p) => files[p] ?? null;
  const exists = (p: string): boolean => p in files || p === 'src';

  it('finds nothing to report where every cited file, section and anchor exists', () => {
    const text = [
      'See src/x.ts, docs/a.md, "Comparing runs", docs/a.md §13 and docs/a.md, "Hypervolume".',
      'A [link](a.md#comparing-runs), [another](../src/x.ts), [one here](#b) and a glob src/*.ts, src/<name>.ts.',
      '## B',
    ].join('\n');
    const c = citations('docs/b.md', text, read, exists);
    expect(c.stale).toEqual([]);
    expect(c.checked).toEqual({ paths: 4, sections: 3, links: 3 });
  });

  it('reports a missing file, section, numbered section, linked file and anchor, with its line', () => {
    const text = [
      'See src/y.ts and docs/a.md, "Comparing fronts".',
      'docs/a.md §12 and docs/a.md §"Hyper".',
      '[gone](gone.md), [bad anchor](a.md#nowhere)',
    ].join('\n');
    expect(citations('docs/b.md', text, read, exists).stale).toEqual([
      'docs/b.md:1: cites src/y.ts, which does not exist',
      'docs/b.md:1: cites docs/a.md "Comparing fronts": no such heading',
      'docs/b.md:2: cites docs/a.md §12: no such heading',
      'docs/b.md:2: cites docs/a.md "Hyper": no such heading',
      'docs/b.md:3: link to gone.md: no file docs/gone.md',
      'docs/b.md:3: link to a.md#nowhere: docs/a.md has no heading with anchor #nowhere',
    ]);
  });

  it('numbers repeated headings as GitHub does', () => {
    expect([...anchors(['Runs', 'Runs', 'The `odc run` command: a, b'])]).toEqual([
      'runs',
      'runs-1',
      'the-odc-run-command-a-b',
    ]);
  });

  it('finds every file, section and anchor the repository documents cite', () => {
    const all = documents().map((d) => citations(d, readRepo(d)!, readRepo, existsRepo));
    expect(all.flatMap((c) => c.stale)).toEqual([]);
    // the scan saw the citations it checks (the documents cite hundreds of paths, dozens of sections)
    const total = (k: keyof Citations['checked']): number => all.reduce((s, c) => s + c.checked[k], 0);
    expect(total('paths')).toBeGreaterThan(300);
    expect(total('sections')).toBeGreaterThanOrEqual(25);
    expect(total('links')).toBeGreaterThan(20);
  });
});
