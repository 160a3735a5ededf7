/**
 * The build-time catalog cache (src/catalog/cache.ts): a compiled odc takes a catalog's validated rows from
 * dist/catalog-cache.json when the file's text is the one validated at build time. The oracle is the YAML path
 * (under vitest the loader never finds a cache, so loadCatalogs parses and validates every file).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCatalogCache, defaultCatalogDir, loadCatalogs } from '../../src/catalog/load.js';
import {
  CATALOG_CACHE_FORMAT,
  cachedCatalogRows,
  catalogCacheEntry,
  resetCatalogCache,
} from '../../src/catalog/cache.js';
import { CATALOG_KINDS, CATALOG_SPECS } from '../../src/catalog/schema.js';
import { tempDir } from '../helpers/tmp.js';

const dir = tempDir('odc-catalog-cache-');
afterEach(() => resetCatalogCache());

describe('catalog cache', () => {
  it('gives every shipped catalog the rows that parsing and validating its YAML gives', () => {
    const path = join(dir, 'catalog-cache.json');
    writeFileSync(path, JSON.stringify(buildCatalogCache()));
    resetCatalogCache();
    const fromYaml = loadCatalogs();
    for (const kind of CATALOG_KINDS) {
      const file = CATALOG_SPECS[kind].file;
      const text = readFileSync(join(defaultCatalogDir(), file), 'utf8');
      const rows = cachedCatalogRows(file, text, path);
      expect(rows, file).toBeDefined();
      expect(rows).toEqual(fromYaml[kind]);
      expect(rows!.length).toBeGreaterThan(0);
    }
  });

  it('ignores a file whose text differs by one character, an unknown file and another format version', () => {
    const path = join(dir, 'catalog-cache-2.json');
    writeFileSync(path, JSON.stringify(buildCatalogCache()));
    resetCatalogCache();
    const file = CATALOG_SPECS.chips.file;
    const text = readFileSync(join(defaultCatalogDir(), file), 'utf8');
    expect(cachedCatalogRows(file, `${text} `, path)).toBeUndefined();
    expect(cachedCatalogRows('unknown.yaml', text, path)).toBeUndefined();
    const other = join(dir, 'catalog-cache-3.json');
    writeFileSync(other, JSON.stringify({ ...buildCatalogCache(), formatVersion: CATALOG_CACHE_FORMAT + 1 }));
    resetCatalogCache();
    expect(cachedCatalogRows(file, text, other)).toBeUndefined();
  });

  it('leaves out rows that JSON would not give back exactly (undefined fields, infinities), keeps plain ones', () => {
    expect(catalogCacheEntry('a', [{ id: 'a', note: undefined }])).toBeUndefined();
    expect(catalogCacheEntry('a', [{ id: 'a', limit: Infinity }])).toBeUndefined();
    expect(catalogCacheEntry('a', [{ id: 'a', x: -0 }])).toBeUndefined();
    const entry = catalogCacheEntry('text', [{ id: 'a', x: 1.5, tags: ['b'] }]);
    // SHA-256 of the UTF-8 bytes of "text" (FIPS 180-4; e.g. `printf text | sha256sum`)
    expect(entry?.sha256).toBe('982d9e3eb996f559e633f4d194def3761d909f5a3b647d1a851fead67c32c9d1');
    expect(entry?.rows).toEqual([{ id: 'a', x: 1.5, tags: ['b'] }]);
  });
});
