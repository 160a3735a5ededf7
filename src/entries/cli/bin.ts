#!/usr/bin/env node
/**
 * Executable entry of `odc` (package.json "bin"). It runs dist/src/entries/cli/odc.cjs, the command line bundled into a
 * CommonJS file by `npm run build` (esbuild.config.mjs), compiled with the V8 code cache the build wrote beside it
 * (odc.cjs.cache: the bytecode of every function a warm-up run of the build compiled), so a command neither parses
 * its JavaScript nor compiles its functions again; the chunks a command requires when it runs (./odc-run.cjs, ...:
 * see esbuild.config.mjs) are compiled the same way, each with its own cache. Node 20 has no compile cache for ES
 * modules (that came with module.enableCompileCache in Node 22); docs/performance.md ("Start-up") has the gain.
 *
 * The cache is used only when its header names the SHA-1 of the bundle's bytes (V8's own check compares the source
 * length, not its text) and V8 accepts it (same V8 version and flags); otherwise the bundle compiles as usual.
 * Under --enable-source-maps the bundle is required as usual instead (vm scripts get no source maps). Without a
 * bundle (tsc output alone), tsc's per-file modules run. ODC_CODE_CACHE_WARMUP (a JSON list of argument
 * lists) is the build's warm-up: it runs those commands in one process, then writes the cache; ODC_CODE_CACHE_REPORT=1
 * says on stderr whether each cache was used.
 *
 * The process runs V8's optimizing compiler without escape analysis (--no-turbo-escape) and with a larger profiler
 * budget (--interrupt-budget, INTERRUPT_BUDGET below), each set before anything is compiled (the cache and every worker
 * thread see the same flags) unless node's options name it: a run optimizes ~500–1,000 distinct functions, many hot for
 * a moment only; docs/performance.md ("Compiler") has the measurements on both shipped studies.
 */
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

type RunCli = (argv: readonly string[]) => Promise<void>;

/**
 * V8's profiler budget between a function's tier-up checks [bytes of bytecode executed], 4× node 20's default (67,584):
 * a function is optimized after ~4× the work, so code hot for a moment only (a run's finishing, its reports, the
 * Parquet log's pages) stays in the interpreter and baseline code, and what such code deoptimizes is re-optimized
 * later or not at all; the evaluation loop, hot for seconds, is optimized a little later.
 */
const INTERRUPT_BUDGET = 4 * 67_584;

const nodeOptions = [...process.execArgv, process.env['NODE_OPTIONS'] ?? ''];
if (!nodeOptions.some((a) => a.includes('turbo-escape'))) setFlagsFromString('--no-turbo-escape');
if (!nodeOptions.some((a) => a.includes('interrupt-budget')))
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);

const DIR = dirname(fileURLToPath(import.meta.url));
const BUNDLE = join(DIR, 'odc.cjs');
/** What the bundle requires by this name is a chunk of it (esbuild.config.mjs), compiled here with its cache. */
const CHUNK = /^\.\/odc-[a-z]+\.cjs$/;
const SHA1_BYTES = 20;

/**
 * Runs one CommonJS file of the bundle (odc.cjs or a chunk), compiled with its code cache (`<file>.cache`) when that
 * matches, and returns its exports; `writeCache` (the warm-up) writes a fresh cache at exit instead.
 */
function runScript(path: string, writeCache: boolean, require: NodeJS.Require): Record<string, unknown> {
  const cachePath = `${path}.cache`;
  const bytes = readFileSync(path);
  const sha1 = createHash('sha1').update(bytes).digest();
  let cachedData: Buffer | undefined;
  if (!writeCache && existsSync(cachePath)) {
    const cache = readFileSync(cachePath);
    if (cache.subarray(0, SHA1_BYTES).equals(sha1)) cachedData = cache.subarray(SHA1_BYTES);
  }
  // the CommonJS wrapper, as Node's own loader writes it
  // the build writes the bundle in ASCII (esbuild.config.mjs asciiOnly): latin1 then decodes it to a one-byte string,
  // ~4× faster than UTF-8
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n});`, {
    filename: path,
    ...(cachedData !== undefined ? { cachedData } : {}),
  });
  // ODC_CODE_CACHE_REPORT=1: what became of the cache (absent also when it belongs to other bytes)
  if (process.env['ODC_CODE_CACHE_REPORT'] === '1') {
    process.stderr.write(
      `odc code cache${path === BUNDLE ? '' : ` of ${basename(path)}`}: ${cachedData === undefined ? 'absent' : script.cachedDataRejected === true ? 'rejected' : 'used'}\n`,
    );
  }
  const module = { exports: {} as Record<string, unknown> };
  (script.runInThisContext() as (...args: unknown[]) => void).call(
    module.exports,
    module.exports,
    require,
    module,
    path,
    dirname(path),
  );
  if (writeCache) {
    process.once('exit', () => {
      writeFileSync(`${cachePath}.tmp`, Buffer.concat([sha1, script.createCachedData()]));
      renameSync(`${cachePath}.tmp`, cachePath);
    });
  }
  return module.exports;
}

/** The bundle's runCli; its require() of a chunk runs the chunk's file once, with its cache (see runScript). */
function loadBundle(writeCache: boolean): RunCli {
  const base = createRequire(BUNDLE);
  const chunks = new Map<string, Record<string, unknown>>();
  const chunkRequire = (id: string): unknown => {
    if (!CHUNK.test(id)) return base(id);
    let chunk = chunks.get(id);
    if (chunk === undefined) chunks.set(id, (chunk = runScript(join(DIR, id), writeCache, base)));
    return chunk;
  };
  const require = Object.assign(chunkRequire, {
    resolve: base.resolve,
    cache: base.cache,
    main: base.main,
    extensions: base.extensions,
  }) as NodeJS.Require;
  return runScript(BUNDLE, writeCache, require)['runCli'] as RunCli;
}

/**
 * Node's own CommonJS loader: slower (no code cache), but stack traces under --enable-source-maps name TypeScript lines
 * (vm scripts get no source maps).
 */
const requireBundle = (): RunCli => (createRequire(import.meta.url)(BUNDLE) as { runCli: RunCli }).runCli;

// A dist/ missing a file it was built with, in this thread or a worker's: the file and the fix, exit 2 (see
// incompleteBuildMessage, loaded only here so a command's start-up does not pay for it); any other uncaught error ends
// the process as Node would: its stack, exit 1.
process.on('uncaughtException', (e: unknown) => {
  void import('../../base/errors.js')
    .then(
      (m) => m.incompleteBuildMessage(e),
      () => undefined,
    )
    .then((incomplete) => {
      if (incomplete === undefined) process.stderr.write(`${(e as Error | null)?.stack ?? String(e)}\n`);
      // unless the command already said so and set its exit code (a worker's failed import reaches both)
      else if (process.exitCode !== 2) process.stderr.write(`odc: ${incomplete}\n`);
      process.exit(incomplete === undefined ? 1 : 2);
    });
});

const warmup = process.env['ODC_CODE_CACHE_WARMUP'];
const runCli: RunCli = !existsSync(BUNDLE)
  ? ((await import('./odc.js')) as { runCli: RunCli }).runCli
  : process.sourceMapsEnabled && warmup === undefined
    ? requireBundle()
    : loadBundle(warmup !== undefined);
if (warmup !== undefined) {
  for (const argv of JSON.parse(warmup) as string[][]) await runCli(argv);
} else {
  await runCli(process.argv.slice(2));
}
