/**
 * .ci/build.mjs: when `npm run study` and the other scripts that run dist/ rebuild it. The rule (a source or built
 * file whose content differs from the last build's manifest, one added or missing, or no manifest) is checked on
 * fabricated hashes, then on a small package tree in a temporary folder; nothing is built.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MANIFEST,
  MAX_MANIFEST_BYTES,
  OUTPUTS,
  outputHashes,
  SOURCES,
  sourceHashes,
  staleReason,
  staleness,
} from '../../.ci/build.mjs';
import { tempDir } from '../helpers/tmp.js';

describe('staleReason (fabricated hashes)', () => {
  const manifest = { sources: { 'src/a.ts': 'h1', 'test/b.ts': 'h2' }, outputs: { [OUTPUTS[0]!]: 'o1' } };
  const outputs = new Map(OUTPUTS.map((f, i) => [f, i === 0 ? 'o1' : 'x']));
  const sources = (entries: [string, string][]) => new Map(entries);

  it('current when every source and built file hashes as the manifest says', () => {
    expect(
      staleReason({
        manifest,
        sources: sources([
          ['src/a.ts', 'h1'],
          ['test/b.ts', 'h2'],
        ]),
        outputs,
      }),
    ).toBe(undefined);
  });

  it('a changed, new or removed source makes it stale and is named', () => {
    const s = (e: [string, string][]) => staleReason({ manifest, sources: sources(e), outputs });
    expect(
      s([
        ['src/a.ts', 'h1'],
        ['test/b.ts', 'CHANGED'],
      ]),
    ).toBe('test/b.ts changed since the last build');
    expect(
      s([
        ['src/a.ts', 'h1'],
        ['test/b.ts', 'h2'],
        ['src/c.ts', 'h3'],
      ]),
    ).toBe('src/c.ts is new since the last build');
    expect(s([['src/a.ts', 'h1']])).toBe('test/b.ts was removed since the last build');
  });

  it('a built file missing or changed, an entry file missing, or no manifest makes it stale', () => {
    const src = sources([
      ['src/a.ts', 'h1'],
      ['test/b.ts', 'h2'],
    ]);
    const changed = new Map(outputs).set(OUTPUTS[0]!, 'edited');
    expect(staleReason({ manifest, sources: src, outputs: changed })).toBe(`${OUTPUTS[0]} was changed after the build`);
    const withoutEntry = new Map(outputs);
    withoutEntry.delete(OUTPUTS[1]!);
    expect(staleReason({ manifest, sources: src, outputs: withoutEntry })).toBe(`${OUTPUTS[1]} is missing`);
    const chunk = { ...manifest, outputs: { ...manifest.outputs, 'dist/src/entries/cli/bundle-X.js': 'c' } };
    expect(staleReason({ manifest: chunk, sources: src, outputs })).toBe('dist/src/entries/cli/bundle-X.js is missing');
    expect(staleReason({ manifest: undefined, sources: src, outputs })).toBe(
      `${MANIFEST} is missing (no complete build)`,
    );
  });
});

describe('staleness (a package tree on disk)', () => {
  const t = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
  /** A tree with sources, built outputs and a manifest of their hashes, as buildDist writes it. */
  function tree(): string {
    const root = tempDir('odc-build-');
    const files = ['src/base/a.ts', 'solvers/x/y.ts', 'test/deep/er/c.test.ts', 'tsconfig.json', 'package.json'];
    const chunk = 'dist/src/entries/cli/bundle-ABC.js';
    for (const f of [...files, ...OUTPUTS, chunk, 'designs/study.yaml', 'results/run/log.csv']) {
      mkdirSync(dirname(join(root, f)), { recursive: true });
      writeFileSync(join(root, f), `contents of ${f}\n`);
    }
    const manifest = {
      sources: Object.fromEntries(sourceHashes(root)),
      outputs: Object.fromEntries(outputHashes(root)),
    };
    writeFileSync(join(root, MANIFEST), JSON.stringify(manifest));
    return root;
  }

  it('current after a build; an edited source makes it stale even when its old time is put back (cp -p, tar x)', () => {
    const root = tree();
    expect(staleness(root)).toBeUndefined();
    const file = join(root, 'test/deep/er/c.test.ts');
    writeFileSync(file, 'edited\n');
    utimesSync(file, t(1), t(1)); // back-dated to before any build
    expect(staleness(root)).toBe(`${join('test', 'deep', 'er', 'c.test.ts')} changed since the last build`);
  });

  it('a deleted bundle chunk or entry file, or a missing manifest, makes it stale', () => {
    const root = tree();
    rmSync(join(root, 'dist/src/entries/cli/bundle-ABC.js'));
    expect(staleness(root)).toBe(`${join('dist', 'src', 'entries', 'cli', 'bundle-ABC.js')} is missing`);
    const other = tree();
    rmSync(join(other, OUTPUTS[0]!));
    expect(staleness(other)).toBe(`${OUTPUTS[0]} is missing`);
    const third = tree();
    rmSync(join(third, MANIFEST));
    expect(staleness(third)).toBe(`${MANIFEST} is missing (no complete build)`);
  });

  it('a manifest of another shape, not JSON, not a regular file or too large means rebuild, never a throw', () => {
    const shape = `${MANIFEST} is not of the shape the build writes ({ sources, outputs }: path → sha256)`;
    const cases: [string, string][] = [
      ['[]', shape],
      ['null', shape],
      ['{"sources": 1, "outputs": {}}', shape],
      ['{"sources": {"a": 1}, "outputs": {}}', shape],
      ['{"sources": {}, "outputs": {"x": "not a hash"}}', shape],
      ['{"outputs": {}}', shape],
      ['{"sources', `${MANIFEST} is not JSON`],
    ];
    for (const [text, reason] of cases) {
      const root = tree();
      writeFileSync(join(root, MANIFEST), text);
      expect(staleness(root), text).toBe(reason);
    }
    const link = tree();
    rmSync(join(link, MANIFEST));
    symlinkSync('/dev/zero', join(link, MANIFEST));
    expect(staleness(link)).toBe(`${MANIFEST} is not a regular file`); // not read: /dev/zero has no end
    const fifo = tree();
    rmSync(join(fifo, MANIFEST));
    execFileSync('mkfifo', [join(fifo, MANIFEST)]);
    expect(staleness(fifo)).toBe(`${MANIFEST} is not a regular file`); // not opened: no writer would block it
    const folder = tree();
    rmSync(join(folder, MANIFEST));
    mkdirSync(join(folder, MANIFEST));
    expect(staleness(folder)).toBe(`${MANIFEST} is not a regular file`);
    const big = tree();
    writeFileSync(join(big, MANIFEST), Buffer.alloc(MAX_MANIFEST_BYTES + 1, 0x20));
    expect(staleness(big)).toBe(`${MANIFEST} is larger than ${MAX_MANIFEST_BYTES} bytes`);
  });

  it('files the build does not read (study files, run folders) and the code caches odc writes do not make it stale', () => {
    const root = tree();
    writeFileSync(join(root, 'designs/study.yaml'), 'changed');
    writeFileSync(join(root, 'results/run/log.csv'), 'changed');
    writeFileSync(join(root, 'dist/src/entries/cli/odc.cjs.cache'), 'a code cache written at run time');
    expect(staleness(root)).toBeUndefined();
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
