/**
 * Layering rule (README, "Layout"): solvers/ imports nothing from src/ except the interfaces in
 * src/problem/{types,algorithm,lp}.ts and the shared kernels in src/core/; src/ imports solvers/ only
 * from its composition roots (src/index.ts, src/parallel/worker.ts); and solvers/ has no import cycle.
 * Read from the sources' import statements, so a new file is covered without listing it here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ALLOWED_FROM_SOLVERS = /^src\/(core\/[^/]+|problem\/(types|algorithm|lp))\.ts$/;
const COMPOSITION_ROOTS = new Set(['src/index.ts', 'src/parallel/worker.ts']);

function tsFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Repository-relative paths of the relative modules a file imports or re-exports (static or dynamic). */
function localImports(file: string): string[] {
  const src = readFileSync(join(ROOT, file), 'utf8');
  const specs = [...src.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm)].map((m) => m[1]!);
  return specs.map((s) => relative(ROOT, resolve(ROOT, dirname(file), s)).replace(/\.js$/, '.ts'));
}

describe('layering', () => {
  const solverFiles = tsFiles('solvers');

  it('finds the solver sources', () => {
    expect(solverFiles).toContain(join('solvers', 'index.ts'));
    expect(solverFiles).toContain(join('solvers', 'lp', 'index.ts'));
  });

  it('solvers/ imports from src/ only the problem interfaces and the core kernels', () => {
    const bad = solverFiles.flatMap((f) =>
      localImports(f)
        .filter((t) => !t.startsWith('solvers/') && !ALLOWED_FROM_SOLVERS.test(t))
        .map((t) => `${f} -> ${t}`),
    );
    expect(bad).toEqual([]);
  });

  it('src/ imports solvers/ only from its composition roots', () => {
    const bad = tsFiles('src').flatMap((f) =>
      COMPOSITION_ROOTS.has(f) ? [] : localImports(f).filter((t) => t.startsWith('solvers/')).map((t) => `${f} -> ${t}`),
    );
    expect(bad).toEqual([]);
  });

  it('solvers/ has no import cycle', () => {
    const graph = new Map(solverFiles.map((f) => [f, localImports(f).filter((t) => t.startsWith('solvers/'))]));
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (f: string, path: string[]): void => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...path.slice(path.indexOf(f)), f].join(' -> '));
        return;
      }
      state.set(f, 'open');
      for (const t of graph.get(f) ?? []) visit(t, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of solverFiles) visit(f, []);
    expect(cycles).toEqual([]);
  });
});
