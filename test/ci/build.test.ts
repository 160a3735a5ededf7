/**
 * .ci/build.mjs: when `npm run study` and the other scripts that run dist/ rebuild it. The rule (a source not older
 * than the last build's start, or a stamp or entry file missing) is checked on fabricated modification times, then on
 * a small package tree in a temporary folder whose files' times are set by hand; nothing is built.
 */
import { mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUTS, SOURCES, STAMP, staleReason, staleness } from '../../.ci/build.mjs';
import { tempDir } from '../helpers/tmp.js';

describe('staleReason (fabricated modification times)', () => {
  const sources = [
    { path: 'src/a.ts', mtimeMs: 1000 },
    { path: 'test/b.ts', mtimeMs: 3000 },
    { path: 'tsconfig.json', mtimeMs: 2000 },
  ];

  it('is current when every source is older than the stamp', () => {
    expect(staleReason({ sources, stampMs: 3001, missing: [] })).toBeUndefined();
  });

  it('names the newest source when one is newer than the stamp, or as old (saved as the build started)', () => {
    expect(staleReason({ sources, stampMs: 2500, missing: [] })).toBe('test/b.ts is newer than the last build');
    expect(staleReason({ sources, stampMs: 3000, missing: [] })).toBe('test/b.ts is newer than the last build');
  });

  it('builds a clean clone (no stamp) and a dist/ missing an entry file, whatever the times', () => {
    expect(staleReason({ sources, stampMs: undefined, missing: [] })).toBe(`${STAMP} is missing`);
    expect(staleReason({ sources, stampMs: 9999, missing: ['dist/src/entries/cli/odc.cjs'] })).toBe(
      'dist/src/entries/cli/odc.cjs is missing',
    );
  });

  it('a package with no source at all is current once stamped', () => {
    expect(staleReason({ sources: [], stampMs: 1, missing: [] })).toBeUndefined();
  });
});

describe('staleness (a package tree with hand-set times)', () => {
  const t = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
  function tree(): string {
    const root = tempDir('odc-build-');
    const files = ['src/base/a.ts', 'solvers/x/y.ts', 'test/deep/er/c.test.ts', 'tsconfig.json', 'package.json'];
    for (const f of [...files, ...OUTPUTS, STAMP, 'designs/study.yaml', 'results/run/log.csv']) {
      mkdirSync(dirname(join(root, f)), { recursive: true });
      writeFileSync(join(root, f), '');
      utimesSync(join(root, f), t(10), t(10));
    }
    utimesSync(join(root, STAMP), t(20), t(20));
    return root;
  }

  it('current after a build; a source touched after it (deep in test/) makes it stale, and names it', () => {
    const root = tree();
    expect(staleness(root)).toBeUndefined();
    utimesSync(join(root, 'test/deep/er/c.test.ts'), t(30), t(30));
    expect(staleness(root)).toBe(`${join('test', 'deep', 'er', 'c.test.ts')} is newer than the last build`);
  });

  it('files the build does not read (study files, run folders) do not make it stale', () => {
    const root = tree();
    utimesSync(join(root, 'designs/study.yaml'), t(30), t(30));
    utimesSync(join(root, 'results/run/log.csv'), t(30), t(30));
    expect(staleness(root)).toBeUndefined();
  });

  it('a missing entry file or stamp makes it stale', () => {
    const root = tree();
    rmSync(join(root, OUTPUTS[0]!));
    expect(staleness(root)).toBe(`${OUTPUTS[0]} is missing`);
    const other = tree();
    rmSync(join(other, STAMP));
    expect(staleness(other)).toBe(`${STAMP} is missing`);
  });
});

describe('package.json', () => {
  const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;

  it('every script that runs dist/ or the tests first builds it when stale; build always builds', () => {
    const runsDist = Object.entries(scripts).filter(([, cmd]) => /\bdist\/|\.ci\/test\.mjs/.test(cmd));
    expect(runsDist.map(([name]) => name)).toEqual(expect.arrayContaining(['study', 'test', 'bench', 'schemas']));
    for (const [name, cmd] of runsDist) expect(cmd, name).toMatch(/^node \.ci\/build\.mjs --if-stale && /);
    expect(scripts['build']).toBe('node .ci/build.mjs');
  });

  it('the sources include every folder tsconfig compiles', () => {
    const include = (JSON.parse(readFileSync('tsconfig.json', 'utf8')) as { include: string[] }).include;
    for (const glob of include) expect(SOURCES).toContain(glob.split('/')[0]);
  });
});
