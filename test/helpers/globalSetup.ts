/**
 * Vitest global setup (runs once, in the main vitest process, before any test file).
 *
 * 1. Keeps dist/ current. The worker-pool tests (piscina loads dist/src/entries/workers/evaluation.js, see
 *    src/run/evaluators/pool.ts `workerFile()`) and the SIGKILL test (spawns dist/src/entries/cli/bin.js) run compiled
 *    JavaScript; a stale dist/ let a bug in the worker path pass `npx vitest run` until the next build.
 *    So when dist/ is stale by the one rule of .ci/build.mjs (`staleness`: a source or a built file whose content
 *    differs from the last build's manifest, or one missing), this builds it as `npm run build` does (tsc, then
 *    esbuild.config.mjs; ~8 s of tsc on the 2-core reference machine). Right after a build (e.g. under `npm test`)
 *    nothing is rebuilt. Type errors are printed but do not stop the tests (tsc still emits; the type check belongs
 *    to `npm run build` / `npm run typecheck`), and leave dist/ without a manifest, so the next build shows them again.
 * 2. Gives every test file one temporary root folder (ODC_TEST_TMPDIR, inherited by the forked test
 *    workers) and removes it when the run ends, so a run leaves nothing in the system temp directory.
 *    test/helpers/tmp.ts `tempDir()` creates its folders under it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDist, staleness } from '../../.ci/build.mjs';

function build(): void {
  const stale = staleness();
  if (stale === undefined) return;
  const t0 = performance.now();
  const typeErrors = buildDist({ tolerateTypeErrors: true });
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  if (typeErrors !== undefined)
    process.stderr.write(`\n[odc test setup] tsc reported errors (dist/ emitted anyway, ${s} s):\n${typeErrors}\n`);
  else process.stderr.write(`[odc test setup] dist/ was stale (${stale}); rebuilt in ${s} s\n`);
}

export default function setup(): () => void {
  build();
  const tmpRoot = mkdtempSync(join(tmpdir(), 'odc-test-run-'));
  process.env.ODC_TEST_TMPDIR = tmpRoot;
  return () => {
    rmSync(tmpRoot, { recursive: true, force: true });
  };
}
