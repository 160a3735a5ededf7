/** Versions of odc and of the packages that shape results, for run.json. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'node_modules'))) {
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
  return dir;
}

const ROOT = projectRoot();
const readVersion = (pkgJson: string): string => {
  try {
    return (JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
};

export const ODC_VERSION = readVersion(join(ROOT, 'package.json'));

export function packageVersions(): Record<string, string> {
  const out: Record<string, string> = { node: process.versions.node, odc: ODC_VERSION };
  for (const p of [
    'satellite.js',
    'piscina',
    'zod',
    'yaml',
    'pure-rand',
    'd3-scale',
    'javascript-lp-solver',
    'ml-matrix',
  ]) {
    out[p] = readVersion(join(ROOT, 'node_modules', p, 'package.json'));
  }
  return out;
}

export const PROJECT_ROOT = ROOT;
