/**
 * Vitest global setup (runs once, in the main vitest process, before any test file).
 *
 * 1. Keeps dist/ current. The worker-pool tests (piscina loads dist/src/entries/workers/evaluation.js, see
 *    src/run/evaluators/pool.ts `workerFile()`) and the SIGKILL test (spawns dist/src/entries/cli/bin.js) run compiled
 *    JavaScript; a stale dist/ let a bug in the worker path pass `npx vitest run` until the next build.
 *    So when any TypeScript file of the project (tsconfig `include`: src/, solvers/, test/) is newer than
 *    its compiled twin in dist/, or a twin is missing, this runs `tsc -p tsconfig.json` once (~8 s on the
 *    2-core reference machine). Right after `npm run build` (e.g. under `npm test`) every twin is newer,
 *    so nothing is rebuilt. Type errors are printed but do not stop the tests (tsc still emits; the type
 *    check belongs to `npm run build` / `npm run typecheck`); a missing emit does. The CLI and the worker
 *    entries are then bundled again, with the CLI's code cache (esbuild.config.mjs), as `npm run build` does.
 * 2. Gives every test file one temporary root folder (ODC_TEST_TMPDIR, inherited by the forked test
 *    workers) and removes it when the run ends, so a run leaves nothing in the system temp directory.
 *    test/helpers/tmp.ts `tempDir()` creates its folders under it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SOURCE_DIRS = ['src', 'solvers', 'test'];
/** Compiled entry points the tests execute as JavaScript. */
const REQUIRED_OUTPUTS = [
  'dist/src/entries/workers/evaluation.js',
  'dist/src/entries/workers/uncertainty.js',
  'dist/src/entries/cli/bin.js',
  'dist/src/entries/cli/odc.cjs',
  'dist/src/entries/cli/odc-run.cjs',
  'dist/src/entries/cli/odc-evaluate.cjs',
  'dist/src/entries/cli/odc-library.cjs',
];

function tsFiles(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) tsFiles(p, out);
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** The first source whose compiled twin is missing or older, or undefined when dist/ is current. */
export function staleSource(root = ROOT): string | undefined {
  for (const src of SOURCE_DIRS.flatMap((d) => tsFiles(join(root, d)))) {
    const js = join(root, 'dist', relative(root, src)).replace(/\.ts$/, '.js');
    if (!existsSync(js) || statSync(js).mtimeMs < statSync(src).mtimeMs) return relative(root, src);
  }
  return undefined;
}

function build(): void {
  const stale = staleSource();
  if (stale === undefined) return;
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: ROOT, encoding: 'utf8' });
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  if (r.status !== 0) {
    process.stderr.write(
      `\n[odc test setup] tsc reported errors (dist/ emitted anyway, ${s} s):\n${r.stdout}${r.stderr}\n`,
    );
  } else {
    process.stderr.write(`[odc test setup] dist/ was stale (${stale}); rebuilt with tsc in ${s} s\n`);
  }
  // tsc wrote its own worker.js files: bundle them (and the CLI) again, so the spawned `odc` and the pool's threads run
  // what `npm run build` ships
  const b = spawnSync(process.execPath, ['esbuild.config.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (b.status !== 0)
    throw new Error(`[odc test setup] bundling the CLI failed (node esbuild.config.mjs):\n${b.stdout}${b.stderr}`);
  const missing = REQUIRED_OUTPUTS.filter((f) => !existsSync(join(ROOT, f)));
  if (missing.length > 0)
    throw new Error(
      `[odc test setup] the build did not produce ${missing.join(', ')}; run \`npm run build\` to see why`,
    );
}

export default function setup(): () => void {
  build();
  const tmpRoot = mkdtempSync(join(tmpdir(), 'odc-test-run-'));
  process.env.ODC_TEST_TMPDIR = tmpRoot;
  return () => {
    rmSync(tmpRoot, { recursive: true, force: true });
  };
}
