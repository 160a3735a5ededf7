/**
 * Vitest global setup for mutation runs (vitest.mutation.config.ts): gives the run one temporary root folder
 * (ODC_TEST_TMPDIR, see test/helpers/tmp.ts) and removes it at the end, like test/helpers/globalSetup.ts, but
 * does not rebuild dist/. Stryker mutates the TypeScript sources in its sandbox; compiled JavaScript in dist/
 * never carries a mutant, so the tests of this configuration must not depend on it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const tmpRoot = mkdtempSync(join(tmpdir(), 'odc-mutation-run-'));
  process.env.ODC_TEST_TMPDIR = tmpRoot;
  return () => {
    rmSync(tmpRoot, { recursive: true, force: true });
  };
}
