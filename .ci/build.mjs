/**
 * Builds dist/: `tsc -p tsconfig.json`, then `node esbuild.config.mjs` (the CLI bundles, the worker entries, the
 * explorer, the catalog cache and the code caches), then the stamp dist/.build-stamp. `npm run build` always builds;
 * the scripts that run dist/ (`npm run study`, `bench*`, `calibration`, `schemas`, `test`) call it with `--if-stale`,
 * which builds only when dist/ is stale. test/helpers/globalSetup.ts makes the same decision before a vitest run.
 *
 * Stale means: the stamp or one of the entry files the scripts and tests run (OUTPUTS) is missing, or a file the build
 * reads (SOURCES: every file under src/, solvers/ and test/, the compiler and bundler configurations, the package
 * manifest and lock, this file) is not older than the stamp. The stamp carries the time the build started, so a source
 * saved while a build runs makes the next run build again; it is written only when tsc and the bundling succeed.
 * A clean clone has no dist/ and builds. The catalog cache and the code caches need no source of their own: odc
 * checks each against the bytes it caches (src/catalog/cache.ts, src/entries/cli/bin.ts) and ignores a stale one.
 * A deleted source leaves its compiled twin in dist/ until the next full build (`npm run build`); nothing imports it.
 *
 * Usage: node .ci/build.mjs [--if-stale]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** What the build reads: folders (every file under them) and files, relative to the package root. */
export const SOURCES = [
  'src',
  'solvers',
  'test',
  'tsconfig.json',
  'esbuild.config.mjs',
  'package.json',
  'package-lock.json',
  '.ci/build.mjs',
];
/** Written last by a successful build; its mtime is the time that build started. */
export const STAMP = 'dist/.build-stamp';
/** Compiled entry points the npm scripts and the tests execute as JavaScript. */
export const OUTPUTS = [
  'dist/src/entries/workers/evaluation.js',
  'dist/src/entries/workers/uncertainty.js',
  'dist/src/entries/cli/bin.js',
  'dist/src/entries/cli/odc.cjs',
  'dist/src/entries/cli/odc-run.cjs',
  'dist/src/entries/cli/odc-evaluate.cjs',
  'dist/src/entries/cli/odc-library.cjs',
];

/**
 * Why dist/ must be built, or undefined when it is current: a pure function of the sources' modification times, the
 * stamp's (undefined when absent) and the outputs that are missing.
 * @param {{
 *   sources: readonly { path: string, mtimeMs: number }[],
 *   stampMs: number | undefined,
 *   missing: readonly string[],
 * }} p
 * @returns {string | undefined}
 */
export function staleReason({ sources, stampMs, missing }) {
  if (stampMs === undefined) return `${STAMP} is missing`;
  if (missing.length > 0) return `${missing[0]} is missing`;
  let newest;
  for (const s of sources) if (newest === undefined || s.mtimeMs > newest.mtimeMs) newest = s;
  return newest !== undefined && newest.mtimeMs >= stampMs ? `${newest.path} is newer than the last build` : undefined;
}

/** Every file under `path` (a file: itself), with its modification time; paths relative to `root`. */
function filesUnder(root, path, out) {
  const full = join(root, path);
  if (!existsSync(full)) return out;
  const st = statSync(full);
  if (!st.isDirectory()) {
    out.push({ path, mtimeMs: st.mtimeMs });
    return out;
  }
  for (const name of readdirSync(full)) filesUnder(root, join(path, name), out);
  return out;
}

/** Why dist/ under `root` must be built, or undefined (reads the file system, decides with staleReason). */
export function staleness(root = ROOT) {
  const stamp = join(root, STAMP);
  return staleReason({
    sources: SOURCES.flatMap((p) => filesUnder(root, p, [])),
    stampMs: existsSync(stamp) ? statSync(stamp).mtimeMs : undefined,
    missing: OUTPUTS.filter((f) => !existsSync(join(root, f))),
  });
}

/**
 * Builds dist/ and stamps it. tsc's type errors fail the build unless `tolerateTypeErrors` (the test setup: tsc still
 * emits, and the type check belongs to `npm run build` / `npm run typecheck`); then the stamp is not written, so the
 * next `--if-stale` build runs tsc again and shows them. Returns tsc's output when it reported errors.
 * @param {{ root?: string, tolerateTypeErrors?: boolean }} [options]
 * @returns {string | undefined}
 */
export function buildDist({ root = ROOT, tolerateTypeErrors = false } = {}) {
  const started = new Date();
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const t = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: root, encoding: 'utf8' });
  const typeErrors = t.status === 0 ? undefined : `${t.stdout}${t.stderr}`;
  if (typeErrors !== undefined && !tolerateTypeErrors)
    throw new BuildError(`tsc -p tsconfig.json failed:\n${typeErrors}`);
  const b = spawnSync(process.execPath, ['esbuild.config.mjs'], { cwd: root, encoding: 'utf8' });
  if (b.status !== 0) throw new BuildError(`node esbuild.config.mjs failed:\n${b.stdout}${b.stderr}`);
  process.stderr.write(`${b.stdout}${b.stderr}`); // esbuild's warnings
  const missing = OUTPUTS.filter((f) => !existsSync(join(root, f)));
  if (missing.length > 0) throw new BuildError(`the build did not produce ${missing.join(', ')}`);
  if (typeErrors === undefined) {
    const stamp = join(root, STAMP);
    writeFileSync(stamp, `built from the sources as of ${started.toISOString()}\n`);
    utimesSync(stamp, started, started);
  }
  return typeErrors;
}

export class BuildError extends Error {}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const reason = process.argv.includes('--if-stale') ? staleness() : 'npm run build';
  if (reason === undefined) {
    console.error(`dist/ is current (newer than every source); not rebuilt (npm run build rebuilds)`);
  } else {
    console.error(`building dist/ (${reason})`);
    try {
      buildDist();
    } catch (e) {
      if (!(e instanceof BuildError)) throw e;
      console.error(e.message);
      process.exit(1);
    }
  }
}
