/**
 * Bundles the `odc` executable after `tsc`: dist/src/cli/bin.js (tsc's output) is replaced by one module built from
 * src/cli/bin.ts and everything it imports from src/ and solvers/ (esbuild transpiles the TypeScript under the same
 * tsconfig), plus lazily loaded chunks (dist/src/cli/bundle-*.js) for what commands import on demand (worker
 * pools, Redis, HiGHS, report renderers). The worker entries, dist/src/parallel/worker.js (odc run) and
 * dist/src/uncertainty/worker.js (odc uncertainty, odc sensitivity), are bundled the same way (sharing those
 * chunks): every evaluation thread loads one, and a thread was ready in ~300 ms instead of ~460 ms
 * wall (~210 ms less CPU per thread; flagship study, 3 runs each, interleaved). zod, yaml, commander and pure-rand are bundled, other npm packages stay
 * external (see EXTERNAL). Building from the sources keeps the step
 * repeatable: it never reads its own output.
 *
 * Why: Node 20's ESM loader resolves, compiles and links each of the ~150 project modules (and zod's ~100)
 * separately; one module costs less. Measured on the 2-core reference machine, the same commit tsc-only against
 * bundled, 7 runs interleaved (CPU, user + system): `odc --version` 0.41 → 0.21 s, `odc run` on ZDT1 end to end
 * (report included) 1.30 → 1.11 s. The library entry (dist/src/index.js) and its other files stay tsc's
 * per-file output; paths the code finds relative to its own file (catalogs, the TID table, worker files)
 * resolve the same from dist/src/cli/ as from any dist/src/<dir>/.
 *
 * It then writes dist/catalog-cache.json (writeCatalogCache below).
 *
 * Run with `node esbuild.config.mjs` (part of `npm run build`); test/helpers/globalSetup.ts runs it after a rebuild.
 */
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('.', import.meta.url));
const CLI_DIR = join(ROOT, 'dist/src/cli');
const BUNDLED = new Set(['zod', 'yaml', 'commander', 'pure-rand']);
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const EXTERNAL = Object.keys(pkg.dependencies).filter((name) => !BUNDLED.has(name));
const CHUNK = /^bundle-[A-Z0-9]+\.js(\.map)?$/;

export async function bundleCli() {
  // chunks carry a content hash in their names: remove the previous build's, so none is left behind
  for (const name of readdirSync(CLI_DIR)) if (CHUNK.test(name)) rmSync(join(CLI_DIR, name));
  await build({
    // the worker entries too: every evaluation thread loads one (dist/src/<dir>/worker.js, shared chunks in cli/)
    entryPoints: {
      'cli/bin': join(ROOT, 'src/cli/bin.ts'),
      'parallel/worker': join(ROOT, 'src/parallel/worker.ts'),
      'uncertainty/worker': join(ROOT, 'src/uncertainty/worker.ts'),
    },
    outdir: join(ROOT, 'dist/src'),
    allowOverwrite: true,
    bundle: true,
    splitting: true,
    chunkNames: 'cli/bundle-[hash]',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Bundled too: the packages every command loads (zod alone is ~100 modules; imported as `import * as z`, so
    // only the parts used are bundled: 200 kB instead of 730 kB with its locales). The rest stay external: loaded on
    // demand, or finding files beside themselves (piscina's workers, HiGHS's WebAssembly, vega's data).
    external: EXTERNAL,
    // a stack trace under --enable-source-maps names the TypeScript line
    sourcemap: true,
    // yaml and commander are CommonJS: their require() of Node built-ins needs a real require in an ES module
    banner: { js: "import { createRequire as __odcCreateRequire } from 'node:module'; const require = __odcCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}

/**
 * dist/catalog-cache.json: the shipped catalogs validated once here, by the compiled loader (src/catalog/cache.ts
 * says how a compiled odc uses it and why). Written through a temporary file and a rename.
 */
export async function writeCatalogCache() {
  const { buildCatalogCache } = await import(pathToFileURL(join(ROOT, 'dist/src/catalog/load.js')).href);
  const { catalogCachePath } = await import(pathToFileURL(join(ROOT, 'dist/src/catalog/cache.js')).href);
  const path = catalogCachePath();
  writeFileSync(`${path}.tmp`, JSON.stringify(buildCatalogCache()));
  renameSync(`${path}.tmp`, path);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await bundleCli();
  await writeCatalogCache();
}
