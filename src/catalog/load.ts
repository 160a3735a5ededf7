/**
 * Loads and validates the hardware catalogs (`designs/catalogs/*.yaml`) once per directory, and
 * looks rows up by id. Every problem becomes a `StudyError` whose message names the file, the row id
 * and the field, and says how to fix it:
 *   YAML_SYNTAX, FILE_NOT_FOUND; WRONG_TYPE (wrong type, not a list, duplicate id); MISSING_FIELD;
 *   OUT_OF_RANGE (number outside the schema range); UNKNOWN_KEY (with "did you mean");
 *   UNKNOWN_CATALOG_ID from `findRow` (with "did you mean" and the list of valid ids).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageRoot } from '../base/paths.js';
import type * as z from 'zod';
import { StudyError, didYouMean } from '../base/errors.js';
import { parseYamlText, readInputFile, yamlToJS } from '../base/yaml.js';
import { CATALOG_KINDS, CATALOG_SPECS, type CatalogKind, type CatalogRow, type Catalogs } from './schema.js';
import { CATALOG_CACHE_FORMAT, cachedCatalogRows, catalogCacheEntry, type CatalogCache } from './cache.js';

const cache = new Map<string, Catalogs>();

/** `designs/catalogs/` under the package root. */
export function defaultCatalogDir(): string {
  const dir = join(packageRoot(), 'designs', 'catalogs');
  if (existsSync(join(dir, CATALOG_SPECS.chips.file))) return dir;
  throw new StudyError('FILE_NOT_FOUND', `catalog directory designs/catalogs/ not found in ${packageRoot()}`);
}

function validateFile(dir: string, kind: CatalogKind): readonly unknown[] {
  const { file, schema } = CATALOG_SPECS[kind];
  const path = join(dir, file);
  if (!existsSync(path)) throw new StudyError('FILE_NOT_FOUND', `${path}: catalog file not found`, { file: path });
  // Regular file of at most 10 MB, duplicate keys in one pass, at most 100 aliases (as for designs and studies).
  const text = readInputFile(path, 'catalog file');
  // the same text validated at build time (compiled odc only, see cache.ts)
  const cached = cachedCatalogRows(file, text);
  if (cached !== undefined) return cached.map((row) => Object.freeze(row));
  return validateCatalogText(path, file, schema(), text);
}

/**
 * The rows of one catalog file's YAML text, each validated by `schema` (a strict object) and frozen; ids unique.
 * `file` names it in messages, `path` in the errors' `file`.
 */
export function validateCatalogText<S extends z.ZodObject>(
  path: string,
  file: string,
  schema: S,
  text: string,
): readonly Readonly<z.output<S>>[] {
  const doc = yamlToJS(parseYamlText(text, path).doc, path);
  if (!Array.isArray(doc)) {
    throw new StudyError(
      'WRONG_TYPE',
      `${file}: expected a YAML list of rows (each "- id: …"), got ${doc === null ? 'an empty file' : typeof doc}`,
      { file: path },
    );
  }
  const knownKeys = Object.keys(schema.shape);
  const seen = new Set<string>();
  return doc.map((raw: unknown, index) => {
    const rowObj =
      typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
    const rowId = rowObj !== undefined && typeof rowObj['id'] === 'string' ? rowObj['id'] : `#${index + 1}`;
    const where = `${file}: row '${rowId}'`;
    if (rowObj === undefined)
      throw new StudyError('WRONG_TYPE', `${where}: expected a mapping of fields, got ${JSON.stringify(raw)}`, {
        file: path,
      });
    const result = schema.safeParse(rowObj);
    if (!result.success) rowIssue(result.error.issues, { where, path, rowObj, knownKeys });
    const row = result.data;
    const id = String(row['id']);
    if (seen.has(id))
      throw new StudyError('WRONG_TYPE', `${where}: duplicate id '${id}' (ids must be unique in a catalog)`, {
        file: path,
        field: 'id',
      });
    seen.add(id);
    return Object.freeze(row);
  });
}

/**
 * The build-time cache of the catalogs of `dir` (default: the shipped ones), validated from their YAML here; files
 * whose rows JSON would not give back exactly are left out (read from YAML at run time).
 */
export function buildCatalogCache(dir?: string): CatalogCache {
  const resolved = resolve(dir ?? defaultCatalogDir());
  const files: Record<string, { sha256: string; rows: readonly unknown[] }> = {};
  for (const kind of CATALOG_KINDS) {
    const { file, schema } = CATALOG_SPECS[kind];
    const path = join(resolved, file);
    const text = readInputFile(path, 'catalog file');
    const entry = catalogCacheEntry(text, validateCatalogText(path, file, schema(), text));
    if (entry !== undefined) files[file] = entry;
  }
  return { formatVersion: CATALOG_CACHE_FORMAT, files };
}

/** Reads and validates all catalogs of `dir` (default: the package's designs/catalogs/), cached per directory. */
export function loadCatalogs(dir?: string): Catalogs {
  const resolved = resolve(dir ?? defaultCatalogDir());
  const hit = cache.get(resolved);
  if (hit !== undefined) return hit;
  const out: Record<string, readonly unknown[]> = {};
  for (const kind of CATALOG_KINDS) out[kind] = Object.freeze(validateFile(resolved, kind));
  const catalogs = Object.freeze(out) as unknown as Catalogs;
  cache.set(resolved, catalogs);
  return catalogs;
}

/** The row of catalog `kind` with this id; throws UNKNOWN_CATALOG_ID naming `fieldPathForMessage`. */
export function findRow<K extends CatalogKind>(
  catalogs: Catalogs,
  kind: K,
  id: string,
  fieldPathForMessage: string,
): CatalogRow<K> {
  const catalog = CATALOG_SPECS[kind].file.replace('.yaml', '');
  return findById(catalogs[kind] as readonly CatalogRow<K>[], id, catalog, fieldPathForMessage);
}

/** The row with this id; throws UNKNOWN_CATALOG_ID naming `fieldPathForMessage`, the catalog and the valid ids. */
export function findById<R extends { readonly id: string }>(
  rows: readonly R[],
  id: string,
  catalog: string,
  fieldPathForMessage: string,
): R {
  for (const r of rows) if (r.id === id) return r;
  const ids = rows.map((r) => r.id);
  const guess = didYouMean(id, ids);
  throw new StudyError(
    'UNKNOWN_CATALOG_ID',
    `${fieldPathForMessage}: unknown ${catalog} id '${id}'` +
      `${guess ? ` (did you mean '${guess}'?)` : ''}; valid ids: ${ids.join(', ')}`,
    { field: fieldPathForMessage },
  );
}

/** Throws the StudyError for a catalog row's first schema issue (a misspelt key first, with a guess). */
function rowIssue(
  issues: readonly z.core.$ZodIssue[],
  at: { where: string; path: string; rowObj: Record<string, unknown>; knownKeys: readonly string[] },
): never {
  const { where, path, rowObj, knownKeys } = at;
  // A misspelt field shows up both as an unknown key and as a missing field: report the typo.
  const issue = issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '?';
    const guess = didYouMean(key, knownKeys);
    throw new StudyError(
      'UNKNOWN_KEY',
      `${where}: unknown field '${key}'${guess ? ` (did you mean '${guess}'?)` : ''}; valid fields: ${knownKeys.join(', ')}`,
      { file: path, field: key },
    );
  }
  const field = issue.path.map(String).join('.') || '(row)';
  const top = issue.path[0];
  if (typeof top === 'string' && rowObj[top] === undefined) {
    throw new StudyError('MISSING_FIELD', `${where}: missing required field '${field}'`, { file: path, field });
  }
  const code = issue.code === 'too_small' || issue.code === 'too_big' ? 'OUT_OF_RANGE' : 'WRONG_TYPE';
  throw new StudyError(
    code,
    `${where}: field '${field}' ${issue.message} (got ${JSON.stringify(rowObj[String(top)])})`,
    { file: path, field },
  );
}
