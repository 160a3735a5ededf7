/**
 * The shipped catalogs, validated at build time: `npm run build` writes dist/catalog-cache.json (see
 * esbuild.config.mjs), holding for each catalog file the SHA-256 of its text and its validated rows. A compiled
 * odc (dist/) that reads a catalog file with the same text takes the rows from there instead of parsing the YAML
 * and validating every row again: the catalogs cost ~0.3 s of CPU per process otherwise (the yaml package on
 * ~60 kB, cold), in every command and every worker thread that evaluates a node. A file whose text differs (an
 * edited catalog, another directory) is read from its YAML as always. Rows are cached only when their JSON
 * round trip is deep-equal to the validated rows, so the cache cannot change a value.
 * Under vitest (src/*.ts) the path below lies outside dist/, so tests always read the YAML.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import * as z from 'zod';
import type { DeepReadonly } from '../base/deepReadonly.js';
import { lazy } from '../base/lazy.js';
import { codeRoot } from '../base/paths.js';
import { sha256 } from '../base/sha256.js';

export const CATALOG_CACHE_FORMAT = 1;

const catalogCacheSchema = lazy(() =>
  z.object({
    formatVersion: z.literal(CATALOG_CACHE_FORMAT),
    /** Catalog file name → SHA-256 (hex) of its text and its validated rows. */
    files: z.record(z.string(), z.object({ sha256: z.string(), rows: z.array(z.unknown()) })),
  }),
);
export type CatalogCache = DeepReadonly<z.output<ReturnType<typeof catalogCacheSchema>>>;

/** dist/catalog-cache.json for compiled code (tsc's or the bundles'); from sources, a path outside dist/. */
export const catalogCachePath = (): string => join(codeRoot(), 'catalog-cache.json');

/** The cache file read so far and its content (null: absent or unreadable). */
let read: { readonly path: string; readonly cache: CatalogCache | null } | undefined;

function readCache(path: string): CatalogCache | null {
  try {
    return catalogCacheSchema().safeParse(JSON.parse(readFileSync(path, 'utf8'))).data ?? null;
  } catch {
    return null; // absent (running from sources) or unreadable: the YAML is read
  }
}

/** The validated rows of catalog `file` when the cache holds this exact text, else undefined. */
export function cachedCatalogRows(
  file: string,
  text: string,
  path = catalogCachePath(),
): readonly unknown[] | undefined {
  if (read?.path !== path) read = { path, cache: readCache(path) };
  const entry = read.cache?.files[file];
  if (entry === undefined || entry.sha256 !== sha256(text)) return undefined;
  return entry.rows;
}

/** The cache entry of one validated catalog file, or undefined when JSON would not give its rows back exactly. */
export function catalogCacheEntry(
  text: string,
  rows: readonly unknown[],
): { sha256: string; rows: readonly unknown[] } | undefined {
  const back: unknown = JSON.parse(JSON.stringify(rows));
  return isDeepStrictEqual(back, rows) ? { sha256: sha256(text), rows: back as unknown[] } : undefined;
}

/** Forgets the cache file read so far (a test that rewrites the file it read). */
export function resetCatalogCache(): void {
  read = undefined;
}
