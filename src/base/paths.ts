/**
 * Files odc finds by location rather than by import: the catalogs, the dose table, the explorer app, the compiled
 * worker entries and the catalog cache. All are found from the package root, the nearest folder above this module
 * that holds package.json, so a module finds them at any depth: from src/base/ (TypeScript sources under vitest), from
 * dist/src/base/ (tsc's output) or from a bundle in dist/src/entries/ (the CLI and its chunks).
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

let root: string | undefined;

/** The package root (where package.json, designs/ and dist/ are). */
export function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`odc: no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
  return (root = dir);
}

/** `path` relative to the folder `dir` with '/' between its parts, or null when it is not inside it (or is it). */
export function pathInside(dir: string, path: string): string | null {
  const rel = relative(dir, path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? null : rel.split(sep).join('/');
}

/** The folder the running code was built into: <root>/dist for compiled code, <root> for TypeScript sources. */
export function codeRoot(): string {
  const dist = join(packageRoot(), 'dist');
  return fileURLToPath(import.meta.url).startsWith(dist + sep) ? dist : packageRoot();
}

/** The compiled worker entries (src/entries/workers/<name>.ts), bundled by `npm run build`. */
export type WorkerEntry = 'evaluation' | 'uncertainty' | 'hypervolume' | 'screen';

/**
 * The compiled worker entry for piscina, dist/src/entries/workers/<name>.js: workers run compiled JavaScript, also
 * when the caller runs from TypeScript sources (vitest).
 */
export function compiledWorkerFile(name: WorkerEntry, what: string): string {
  const file = join(packageRoot(), 'dist', 'src', 'entries', 'workers', `${name}.js`);
  if (existsSync(file)) return pathToFileURL(file).href;
  throw new Error(
    `compiled ${what} not found: run \`npm run build\` first (workers run the compiled JavaScript in dist/)`,
  );
}
