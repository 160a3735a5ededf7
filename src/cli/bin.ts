#!/usr/bin/env node
/**
 * Executable entry of `odc` (package.json "bin"). It runs dist/src/cli/odc.cjs, the whole CLI bundled into one
 * CommonJS file by `npm run build` (esbuild.config.mjs), compiled with the V8 code cache the build wrote beside it
 * (odc.cjs.cache: the bytecode of every function a warm-up run of the build compiled), so a command neither parses
 * 1.5 MB of JavaScript nor compiles its functions again. Node 20 has no compile cache for ES modules (that came with
 * module.enableCompileCache in Node 22). Measured on the 2-core reference machine, the previous ES-module bundle
 * against this one, 7 interleaved runs: `odc run` on ZDT1 1.01 -> 0.90 s CPU (medians).
 *
 * The cache is used only when its header names the SHA-1 of the bundle's bytes (V8's own check compares the source
 * length, not its text) and V8 accepts it (same V8 version and flags); otherwise the bundle compiles as usual.
 * Under --enable-source-maps the bundle is required as usual instead (vm scripts get no source maps). Without a
 * bundle (tsc output alone), tsc's per-file modules run. ODC_CODE_CACHE_WARMUP (a JSON list of argument
 * lists) is the build's warm-up: it runs those commands in one process, then writes the cache; ODC_CODE_CACHE_REPORT=1
 * says on stderr whether the cache was used.
 */
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

type RunCli = (argv: readonly string[]) => Promise<void>;

const BUNDLE = join(dirname(fileURLToPath(import.meta.url)), 'odc.cjs');
const CACHE = `${BUNDLE}.cache`;
const SHA1_BYTES = 20;
/**
 * The bundle's runCli, compiled with the code cache when it matches; `writeCache` (the warm-up) writes a fresh one at
 * exit.
 */
function loadBundle(writeCache: boolean): RunCli {
  const bytes = readFileSync(BUNDLE);
  const sha1 = createHash('sha1').update(bytes).digest();
  let cachedData: Buffer | undefined;
  if (!writeCache && existsSync(CACHE)) {
    const cache = readFileSync(CACHE);
    if (cache.subarray(0, SHA1_BYTES).equals(sha1)) cachedData = cache.subarray(SHA1_BYTES);
  }
  // the CommonJS wrapper, as Node's own loader writes it
  // the build writes the bundle in ASCII (esbuild.config.mjs asciiOnly): latin1 then decodes it to a one-byte string,
  // ~4× faster than UTF-8
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n});`, {
    filename: BUNDLE,
    ...(cachedData !== undefined ? { cachedData } : {}),
  });
  // ODC_CODE_CACHE_REPORT=1: what became of the cache (absent also when it belongs to other bytes)
  if (process.env['ODC_CODE_CACHE_REPORT'] === '1') {
    process.stderr.write(
      `odc code cache: ${cachedData === undefined ? 'absent' : script.cachedDataRejected === true ? 'rejected' : 'used'}\n`,
    );
  }
  const module = { exports: {} as { runCli?: RunCli } };
  (script.runInThisContext() as (...args: unknown[]) => void).call(
    module.exports,
    module.exports,
    createRequire(BUNDLE),
    module,
    BUNDLE,
    dirname(BUNDLE),
  );
  if (writeCache) {
    process.once('exit', () => {
      writeFileSync(`${CACHE}.tmp`, Buffer.concat([sha1, script.createCachedData()]));
      renameSync(`${CACHE}.tmp`, CACHE);
    });
  }
  return module.exports.runCli!;
}

/**
 * Node's own CommonJS loader: slower (no code cache), but stack traces under --enable-source-maps name TypeScript lines
 * (vm scripts get no source maps).
 */
const requireBundle = (): RunCli => (createRequire(import.meta.url)(BUNDLE) as { runCli: RunCli }).runCli;

// the bundle's import() of ES-module packages with top-level await (vega): see src/report/plots.ts
(globalThis as { __odcImport?: (name: string) => Promise<unknown> }).__odcImport = (name) => import(name);

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
