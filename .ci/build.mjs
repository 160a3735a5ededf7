/**
 * Builds dist/: `tsc -p tsconfig.json`, then `node esbuild.config.mjs` (the CLI bundles, the worker entries, the
 * explorer, the catalog and approach-flux caches and the code caches), then the manifest dist/.build-manifest.json.
 * `npm run build` always builds; the scripts that run dist/ (`npm run study`, `bench*`, `calibration`, `schemas`,
 * `test`) call it with `--if-stale`, which builds only when dist/ is stale. test/helpers/globalSetup.ts makes the same
 * decision before a vitest run.
 *
 * The manifest holds the sha256 of every file the build read (SOURCES: every file under src/, solvers/ and test/, the
 * compiler and bundler configurations, the package manifest and lock, this file), hashed before the build starts, and
 * of every file it wrote under dist/ (but the V8 code caches, which odc rewrites as it runs and checks against the
 * bytes they cache). Stale means: no manifest, an entry file the scripts and tests run (OUTPUTS) or any written file
 * missing or changed, or a source added, removed or changed since. Contents, not times: `cp -p`, `tar x` and
 * `rsync -a` keep an edited file's old time. A clean clone has no dist/ and builds.
 *
 * Usage: node .ci/build.mjs [--if-stale]
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
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
/** Written last by a successful build: what it read and wrote, by content. */
export const MANIFEST = 'dist/.build-manifest.json';
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
/** Files under dist/ that odc itself writes as it runs (code caches and their temporary files): not build outputs. */
const RUNTIME_FILE = /\.cache(\.tmp)?$/;

/**
 * Why dist/ must be built, or undefined when it is current: a pure function of the manifest (undefined when absent)
 * and the content hashes of the sources and of the files under dist/ now.
 * @param {{
 *   manifest: { sources: Record<string, string>, outputs: Record<string, string> } | undefined,
 *   sources: ReadonlyMap<string, string>,
 *   outputs: ReadonlyMap<string, string>,
 * }} p
 * @returns {string | undefined}
 */
export function staleReason({ manifest, sources, outputs }) {
  if (manifest === undefined) return `${MANIFEST} is missing (no complete build)`;
  for (const f of OUTPUTS) if (!outputs.has(f)) return `${f} is missing`;
  for (const [path, hash] of Object.entries(manifest.outputs)) {
    const now = outputs.get(path);
    if (now === undefined) return `${path} is missing`;
    if (now !== hash) return `${path} was changed after the build`;
  }
  for (const [path, hash] of sources) {
    const was = manifest.sources[path];
    if (was === undefined) return `${path} is new since the last build`;
    if (was !== hash) return `${path} changed since the last build`;
  }
  for (const path of Object.keys(manifest.sources))
    if (!sources.has(path)) return `${path} was removed since the last build`;
  return undefined;
}

/** Every file under `path` (a file: itself), relative to `root`, in a fixed order. */
function filesUnder(root, path, out = []) {
  const full = join(root, path);
  if (!existsSync(full)) return out;
  if (!statSync(full).isDirectory()) {
    out.push(path);
    return out;
  }
  for (const name of readdirSync(full).sort()) filesUnder(root, join(path, name), out);
  return out;
}

const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** path → sha256 of every file the build reads. */
export const sourceHashes = (root = ROOT) =>
  new Map(SOURCES.flatMap((p) => filesUnder(root, p)).map((p) => [p, sha256(join(root, p))]));

/** path → sha256 of every file under dist/ but the manifest and the files odc writes as it runs. */
export const outputHashes = (root = ROOT) =>
  new Map(
    filesUnder(root, 'dist')
      .filter((p) => p !== join(MANIFEST) && !RUNTIME_FILE.test(p))
      .map((p) => [p, sha256(join(root, p))]),
  );

/** Largest manifest read [bytes]: ~100 bytes an entry, far above the few thousand files a build reads. */
export const MAX_MANIFEST_BYTES = 2 ** 24;

const isHashTable = (v) =>
  v !== null &&
  typeof v === 'object' &&
  !Array.isArray(v) &&
  Object.values(v).every((h) => typeof h === 'string' && /^[0-9a-f]{64}$/.test(h));

/**
 * The manifest at `path`, read as odc reads its own files (src/base/guardedFile.ts): a regular file only (a link, a
 * FIFO or /dev/zero is not opened; O_NOFOLLOW and O_NONBLOCK, then fstat on the open file), at most
 * MAX_MANIFEST_BYTES, of the shape buildDist writes ({ sources, outputs }: path → sha256). undefined when absent;
 * otherwise why it cannot be used, so the build runs again (never an exception, never a read without end).
 * @returns {{ manifest?: { sources: Record<string, string>, outputs: Record<string, string> }, problem?: string }}
 */
export function readManifest(path) {
  let st;
  try {
    st = lstatSync(path);
  } catch {
    return {};
  }
  if (!st.isFile()) return { problem: 'is not a regular file' };
  let fd;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch {
    return { problem: 'cannot be opened' };
  }
  let text;
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile()) return { problem: 'is not a regular file' };
    if (opened.size > MAX_MANIFEST_BYTES) return { problem: `is larger than ${MAX_MANIFEST_BYTES} bytes` };
    const buf = Buffer.alloc(opened.size);
    let n = 0;
    for (let k = 1; n < buf.length && k > 0; n += k) k = readSync(fd, buf, n, buf.length - n, n);
    text = buf.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    return { problem: 'is not JSON' };
  }
  if (body === null || typeof body !== 'object' || !isHashTable(body.sources) || !isHashTable(body.outputs))
    return { problem: 'is not of the shape the build writes ({ sources, outputs }: path → sha256)' };
  return { manifest: body };
}

/** Why dist/ under `root` must be built, or undefined (reads the file system, decides with staleReason). */
export function staleness(root = ROOT) {
  const { manifest, problem } = readManifest(join(root, MANIFEST));
  if (problem !== undefined) return `${MANIFEST} ${problem}`;
  return staleReason({ manifest, sources: sourceHashes(root), outputs: outputHashes(root) });
}

/**
 * Builds dist/ and writes its manifest. tsc's type errors fail the build unless `tolerateTypeErrors` (the test setup:
 * tsc still emits, and the type check belongs to `npm run build` / `npm run typecheck`); then no manifest is written,
 * so the next `--if-stale` build runs tsc again and shows them. Returns tsc's output when it reported errors.
 * @param {{ root?: string, tolerateTypeErrors?: boolean }} [options]
 * @returns {string | undefined}
 */
export function buildDist({ root = ROOT, tolerateTypeErrors = false } = {}) {
  // the sources as the build reads them: one saved while it runs makes the next check build again
  const sources = sourceHashes(root);
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
    const manifest = join(root, MANIFEST);
    const body = { sources: Object.fromEntries(sources), outputs: Object.fromEntries(outputHashes(root)) };
    writeFileSync(`${manifest}.tmp`, `${JSON.stringify(body, null, 1)}\n`);
    renameSync(`${manifest}.tmp`, manifest);
  }
  return typeErrors;
}

export class BuildError extends Error {}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const reason = process.argv.includes('--if-stale') ? staleness() : 'npm run build';
  if (reason === undefined) {
    console.error(
      `dist/ is current (its manifest matches every source and output); not rebuilt (npm run build rebuilds)`,
    );
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
