/**
 * The compiled worker entry of src/<dir>/worker.ts (evaluations, uncertainty samples, hypervolume chunks), for
 * piscina: dist/src/<dir>/worker.js, found from this file (dist/src/parallel/ in the library, dist/src/cli/ in the
 * bundled CLI: both one level below dist/src/), or from the build in dist/ when running from TypeScript sources
 * (vitest).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function compiledWorkerFile(dir: 'parallel' | 'uncertainty' | 'indicators', what: string): string {
  const here = new URL(`../${dir}/worker.js`, import.meta.url);
  if (existsSync(fileURLToPath(here))) return here.href;
  const built = new URL(`../../dist/src/${dir}/worker.js`, import.meta.url);
  if (existsSync(fileURLToPath(built))) return built.href;
  throw new Error(
    `compiled ${what} not found: run \`npm run build\` first (workers run the compiled JavaScript in dist/)`,
  );
}
