/**
 * Bundles the `odc` command after `tsc`: src/entries/cli/odc.ts and everything it imports from src/ and solvers/
 * (esbuild
 * transpiles the TypeScript under the same tsconfig) into CommonJS files that dist/src/entries/cli/bin.js (tsc's output
 * of
 * src/entries/cli/bin.ts) compiles, each with its own V8 code cache (see bin.ts): dist/src/entries/cli/odc.cjs, the
 * command line
 * itself, and the chunks its commands import when they run (src/entries/cli/main.ts), each a bundle of its own:
 * odc-run.cjs (odc run, odc report), odc-evaluate.cjs (odc evaluate of a node design) and odc-library.cjs (the
 * rest); see CHUNKS. A command thus reads, deserializes and initializes only what it runs; and the worker
 * entries, dist/src/entries/workers/evaluation.js (odc run) and dist/src/entries/workers/uncertainty.js (odc
 * uncertainty, odc
 * sensitivity), as ES modules sharing their chunks (dist/src/entries/cli/bundle-*.js): every evaluation thread loads
 * one,
 * and a thread was ready in ~300 ms instead of ~460 ms wall (~210 ms less CPU per thread; flagship study, 3 runs
 * each, interleaved). zod, yaml, commander, pure-rand and the d3 modules are bundled, other npm packages stay
 * external (see EXTERNAL). Building from the sources keeps the step repeatable: it never reads its own output.
 *
 * Why: Node 20's ESM loader resolves, compiles and links each of the ~150 project modules (and zod's ~100)
 * separately; one module costs less. Measured on the 2-core reference machine, the same commit tsc-only against
 * bundled, 7 runs interleaved (CPU, user + system): `odc --version` 0.41 → 0.21 s, `odc run` on ZDT1 end to end
 * (report included) 1.30 → 1.11 s; the code cache then took the ZDT1 run from 1.01 to 0.90 s (medians of 7). The
 * library entry (dist/src/index.js) and its other files stay tsc's per-file output; files the code finds by location
 * (catalogs, the TID table, worker files) are found from the package root (src/base/paths.ts), at any depth.
 *
 * It then writes dist/catalog-cache.json (writeCatalogCache below), dist/approach-flux-cache.bin (writeFluxCache) and
 * the code cache (writeCodeCache).
 *
 * Run with `node esbuild.config.mjs` (part of `npm run build`); test/helpers/globalSetup.ts runs it after a rebuild.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('.', import.meta.url));
const CLI_DIR = join(ROOT, 'dist/src/entries/cli');
const BUNDLED = new Set(['zod', 'yaml', 'commander', 'pure-rand']);
/** The chart layer's d3 modules (src/chart/): ES modules only, bundled with the code that draws. */
const isBundled = (name) => BUNDLED.has(name) || name.startsWith('d3-');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const EXTERNAL = Object.keys(pkg.dependencies).filter((name) => !isBundled(name));
const CHUNK = /^bundle-[A-Z0-9]+\.js(\.map)?$/;
/**
 * The CLI's chunks: the module src/entries/cli/main.ts imports with import(), and the file it becomes. A chunk holds
 * its own
 * copy of every module it uses, the ones odc.cjs holds too (src/base/errors.ts recognizes a StudyError of any copy);
 * a command loads one chunk, two at most (evaluate: a constellation file also loads the library chunk).
 */
const CHUNKS = { runChunk: 'odc-run', evaluateChunk: 'odc-evaluate', libraryChunk: 'odc-library' };
const CLI_FILE = /^odc(-[a-z]+)?\.cjs(\.map|\.cache)?$/;

/** In odc.cjs, `import('./runChunk.js')` becomes `require('./odc-run.cjs')` (bin.ts compiles it with its cache). */
const chunkImports = {
  name: 'chunk-imports',
  setup(b) {
    b.onResolve({ filter: /^\.\/[a-zA-Z]+Chunk\.js$/ }, (args) => {
      const name = CHUNKS[args.path.slice(2, -3)];
      if (name === undefined || args.kind !== 'dynamic-import')
        throw new Error(`${args.importer}: a chunk is imported with import() of one of ${Object.keys(CHUNKS)}`);
      return { path: `./${name}.cjs`, external: true };
    });
  },
};

/**
 * commander requires node:child_process when it loads, for executable subcommands, which odc does not have; loading it
 * brings node:net and node:dgram along (~5-12 ms of CPU at every start, measured with process.cpuUsage around the
 * require). In the bundle, commander gets a stand-in that requires the module on its first use instead.
 */
const lazyCommanderChildProcess = {
  name: 'lazy-commander-child-process',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer)
        ? { path: 'child_process', namespace: 'lazy-child-process' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents: "let m; module.exports = new Proxy({}, { get: (_, k) => (m ??= require('node:child_process'))[k] });",
      loader: 'js',
    }));
  },
};

export async function bundleCli() {
  // chunks carry a content hash in their names: remove the previous build's, so none is left behind
  for (const name of readdirSync(CLI_DIR)) if (CHUNK.test(name)) rmSync(join(CLI_DIR, name));
  const common = {
    outdir: join(ROOT, 'dist/src'),
    allowOverwrite: true,
    bundle: true,
    platform: 'node',
    target: 'node20',
    // Bundled too: the packages every command loads (zod alone is ~100 modules; imported as `import * as z`, so
    // only the parts used are bundled: 200 kB instead of 730 kB with its locales). The rest stay external: loaded on
    // demand, or finding files beside themselves (piscina's workers, HiGHS's WebAssembly).
    external: EXTERNAL,
    // a stack trace under --enable-source-maps names the TypeScript line
    sourcemap: true,
    logLevel: 'warning',
  };
  // The command: one CommonJS file that dist/src/entries/cli/bin.js (tsc's output of src/entries/cli/bin.ts) compiles
  // with a V8
  // code cache (Node 20 caches no ES module's compilation). The code's import.meta.url is the bundle's own URL, from
  // which src/base/paths.ts finds the package root.
  const commonJs = {
    ...common,
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    // import() as require(): a vm script compiled from a code cache loses its dynamic-import callback in Node 20
    // (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING)
    supported: { 'dynamic-import': false },
    define: { 'import.meta.url': '__odcModuleUrl' },
    banner: { js: "const __odcModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  };
  await build({
    ...commonJs,
    entryPoints: { 'entries/cli/odc': join(ROOT, 'src/entries/cli/odc.ts') },
    plugins: [lazyCommanderChildProcess, chunkImports],
  });
  await build({
    ...commonJs,
    entryPoints: Object.fromEntries(
      Object.entries(CHUNKS).map(([source, file]) => [
        `entries/cli/${file}`,
        join(ROOT, `src/entries/cli/${source}.ts`),
      ]),
    ),
  });
  const files = ['odc', ...Object.values(CHUNKS)];
  for (const file of files) asciiOnly(join(CLI_DIR, `${file}.cjs`));
  // The CLI's files keep their names from build to build: they are overwritten, not removed first, so an odc command
  // started during a build (a test's global setup) finds them; only a chunk no longer built is removed. A cache left
  // from the previous build names the previous bytes' SHA-1 and is not used (bin.ts) until the warm-up replaces it.
  const built = new Set(files.flatMap((f) => [`${f}.cjs`, `${f}.cjs.map`, `${f}.cjs.cache`]));
  for (const name of readdirSync(CLI_DIR)) if (CLI_FILE.test(name) && !built.has(name)) rmSync(join(CLI_DIR, name));
  // The worker entries: every evaluation thread loads one (dist/src/entries/workers/*.js, shared chunks in cli/).
  await build({
    ...common,
    entryPoints: {
      'entries/workers/evaluation': join(ROOT, 'src/entries/workers/evaluation.ts'),
      'entries/workers/uncertainty': join(ROOT, 'src/entries/workers/uncertainty.ts'),
      'entries/workers/hypervolume': join(ROOT, 'src/entries/workers/hypervolume.ts'),
      'entries/workers/screen': join(ROOT, 'src/entries/workers/screen.ts'),
    },
    splitting: true,
    chunkNames: 'entries/cli/bundle-[hash]',
    format: 'esm',
    // yaml and commander are CommonJS: their require() of Node built-ins needs a real require in an ES module
    banner: {
      js: "import { createRequire as __odcCreateRequire } from 'node:module'; const require = __odcCreateRequire(import.meta.url);",
    },
  });
}

/**
 * dist/src/serve/explorer.js: the `odc serve` app (src/serve/app/main.ts and what it imports) as one minified script
 * for the browser, every byte of it served by odc serve itself (no CDN); and dist/src/serve/analysis.js, the page's
 * analysis worker (src/serve/app/analysisWorker.ts).
 */
export async function bundleExplorer() {
  await build({
    entryPoints: {
      explorer: join(ROOT, 'src/serve/app/main.ts'),
      analysis: join(ROOT, 'src/serve/app/analysisWorker.ts'),
    },
    outdir: join(ROOT, 'dist/src/serve'),
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    logLevel: 'warning',
  });
}

/**
 * esbuild escapes non-ASCII characters in strings, templates and regular expressions, but comments it keeps come out
 * as UTF-8 (an en dash, a degree sign): one such character makes bin.ts decode the whole 1.5 MB file into a
 * two-byte string (~4 ms against ~1 ms for ASCII, and V8 scans two-byte source more slowly). Each is written as
 * \uXXXX (surrogate pairs above U+FFFF), which means the same character in a string, a template, a regular expression
 * or an identifier, and is inert in a comment; the file is then ASCII and bin.ts reads it as latin1. Columns of the
 * source map shift on the few lines concerned (stack traces with source maps load the bundle through Node's loader,
 * which reads the same text).
 */
function asciiOnly(path) {
  const text = readFileSync(path, 'utf8');
  // eslint-disable-next-line no-control-regex
  const ascii = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (ascii !== text) writeFileSync(path, ascii);
}

/**
 * dist/src/entries/cli/odc.cjs.cache and each chunk's odc-*.cjs.cache: the files compiled by a warm-up, in one process,
 * of
 * the commands most runs start with (a benchmark study and a few generations of the flagship node study run to their
 * reports, a node design evaluated, the metrics listed), every function they compiled kept as bytecode;
 * src/entries/cli/bin.ts checks each cache against its file and V8 against itself. Written by the warm-up process at
 * its
 * exit, through a temporary file and a rename each.
 */
export function writeCodeCache() {
  const dir = mkdtempSync(join(tmpdir(), 'odc-code-cache-'));
  try {
    const study = join(dir, 'zdt1.yaml');
    writeFileSync(
      study,
      'name: warm-up\nkind: benchmark\nproblem: zdt1\nvariables: 30\nalgorithm: { name: nsga2, population: 40, generations: 30, seed: 1 }\n',
    );
    // the flagship study (self-contained) cut to 2 generations of 20: the run chunk's node models compiled too
    const node = join(dir, 'node-study.yaml');
    const flagship = readFileSync(join(ROOT, 'designs/flagship-study.yaml'), 'utf8');
    const cut = flagship.replace(/population: \d+, generations: \d+/, 'population: 20, generations: 2');
    if (cut === flagship)
      throw new Error('code cache warm-up: no population/generations in designs/flagship-study.yaml');
    writeFileSync(node, cut);
    const commands = [
      ['run', study, '--out', join(dir, 'run'), '--quiet'],
      ['run', node, '--out', join(dir, 'node-run'), '--quiet'],
      ['evaluate', join(ROOT, 'designs/ai1.yaml')],
      ['metrics'],
    ];
    const r = spawnSync(process.execPath, [join(CLI_DIR, 'bin.js')], {
      env: { ...process.env, ODC_CODE_CACHE_WARMUP: JSON.stringify(commands) },
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`the code cache warm-up failed (${r.status ?? r.error?.message}): ${r.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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

/**
 * dist/approach-flux-cache.bin: the shipped approach-flux table validated once here, its rates as doubles
 * (src/models/orbit/catalogueFlux.ts `shippedFluxTable` says how a compiled odc uses it). Through a temporary file.
 */
export async function writeFluxCache() {
  const flux = await import(pathToFileURL(join(ROOT, 'dist/src/models/orbit/catalogueFlux.js')).href);
  const path = flux.fluxCachePath();
  writeFileSync(`${path}.tmp`, flux.fluxCacheBytes(readFileSync(join(ROOT, flux.FLUX_TABLE_PATH))));
  renameSync(`${path}.tmp`, path);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await bundleCli();
  await bundleExplorer();
  await writeCatalogCache();
  await writeFluxCache();
  writeCodeCache();
}
