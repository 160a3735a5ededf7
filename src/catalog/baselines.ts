/**
 * Schema (zod) and loader of the terrestrial data-center scenarios, `designs/catalogs/terrestrial-baselines.yaml`
 * (conventions in the file's header). Every row has `id` (kebab-case), `name`, `source`, `year`; rows are strict
 * objects. Every problem is a `StudyError` naming the file, the row id and the field, with the codes of
 * src/catalog/load.ts: FILE_NOT_FOUND, YAML_SYNTAX, WRONG_TYPE (not a list, wrong type, duplicate id),
 * MISSING_FIELD, OUT_OF_RANGE, UNKNOWN_KEY (with "did you mean"), UNKNOWN_CATALOG_ID from `findBaseline`.
 * The LCOC model is src/models/cost/lifecycleBaseline.ts (a row satisfies its TerrestrialScenario).
 */
import { basename, join, resolve } from 'node:path';
import * as z from 'zod';
import { lazy } from '../base/lazy.js';
import { StudyError, didYouMean } from '../base/errors.js';
import { parseYamlText, readInputFile, yamlToJS } from '../base/yaml.js';
import { defaultCatalogDir } from './load.js';

export const BASELINES_FILE = 'terrestrial-baselines.yaml';

const kebabId = lazy(() =>
  z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (lower-case letters, digits and dashes)'),
);

/*
 * Ranges are plausibility bounds that catch a unit slip: $/kW for $/W (×1000), ¢/kWh for $/kWh (×100),
 * a percentage for a fraction, $/kW-yr for $/kW-month.
 */
export const terrestrialBaselineRowSchema = lazy(() =>
  z
    .strictObject({
      id: kebabId(),
      name: z.string().min(1),
      /** Publication per figure with its year; "estimate: …, basis …" for unpublished figures. */
      source: z.string().min(1),
      /** Year of the source / figure (USD of that year). */
      year: z.number().int().min(1990).max(2100),
      kind: z.enum(['owned', 'leased']),
      region: z.string().min(1),
      /** Facility construction per W of IT capacity, ex-chips [$/W]: surveys give ~7–20; above 100 is $/kW. */
      capexExChips_USD_per_W: z.number().min(0).max(100),
      facilityLife_yr: z.number().positive().max(60),
      /** Wholesale rents are ~$100–300 per kW-month; above 2,000 is a yearly figure. */
      lease_USD_per_kW_month: z.number().min(0).max(2000),
      facilityOpex_USD_per_kW_yr: z.number().min(0).max(5000),
      /** Industrial prices are ~$0.03–0.40/kWh; above 2 is ¢/kWh. */
      electricity_USD_per_kWh: z.number().positive().max(2),
      pue: z.number().min(1).max(3),
      utilization: z.number().gt(0).max(1),
      availability: z.number().gt(0).max(1),
      chipLifetime_yr: z.number().positive().max(30),
    })
    .refine((r) => r.kind !== 'leased' || r.lease_USD_per_kW_month > 0, {
      message: 'must be > 0 for a leased scenario (the rent is what it pays for the facility)',
      path: ['lease_USD_per_kW_month'],
    })
    .refine((r) => r.kind !== 'owned' || r.capexExChips_USD_per_W > 0, {
      message: 'must be > 0 for an owned scenario (the build is what it pays for the facility)',
      path: ['capexExChips_USD_per_W'],
    }),
);

export type TerrestrialBaselineRow = Readonly<z.infer<ReturnType<typeof terrestrialBaselineRowSchema>>>;

const KNOWN_KEYS = lazy(() => Object.keys(terrestrialBaselineRowSchema().shape));
const cache = new Map<string, readonly TerrestrialBaselineRow[]>();

/** One row: parsed, or a StudyError naming file, row and field. */
function parseRow(raw: unknown, index: number, file: string, path: string): TerrestrialBaselineRow {
  const rowObj =
    typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
  const rowId = rowObj !== undefined && typeof rowObj['id'] === 'string' ? rowObj['id'] : `#${index + 1}`;
  const where = `${file}: row '${rowId}'`;
  if (rowObj === undefined)
    throw new StudyError('WRONG_TYPE', `${where}: expected a mapping of fields, got ${JSON.stringify(raw)}`, {
      file: path,
    });
  const result = terrestrialBaselineRowSchema().safeParse(rowObj);
  if (result.success) return Object.freeze(result.data);
  // A misspelt field shows up both as an unknown key and as a missing field: report the typo.
  const issues = result.error.issues;
  const issue = issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '?';
    const guess = didYouMean(key, KNOWN_KEYS());
    throw new StudyError(
      'UNKNOWN_KEY',
      `${where}: unknown field '${key}'${guess ? ` (did you mean '${guess}'?)` : ''}; valid fields: ${KNOWN_KEYS().join(', ')}`,
      { file: path, field: key },
    );
  }
  const field = issue.path.map(String).join('.') || '(row)';
  const top = issue.path[0];
  if (typeof top === 'string' && rowObj[top] === undefined)
    throw new StudyError('MISSING_FIELD', `${where}: missing required field '${field}'`, { file: path, field });
  const code = issue.code === 'too_small' || issue.code === 'too_big' ? 'OUT_OF_RANGE' : 'WRONG_TYPE';
  throw new StudyError(
    code,
    `${where}: field '${field}' ${issue.message} (got ${JSON.stringify(rowObj[String(top)])})`,
    { file: path, field },
  );
}

/**
 * Reads and validates the scenarios (default: the package's designs/catalogs/terrestrial-baselines.yaml), cached per
 * path.
 */
export function loadTerrestrialBaselines(path?: string): readonly TerrestrialBaselineRow[] {
  const resolved = resolve(path ?? join(defaultCatalogDir(), BASELINES_FILE));
  const hit = cache.get(resolved);
  if (hit !== undefined) return hit;
  const file = basename(resolved);
  // Regular file of at most 10 MB, duplicate keys, at most 100 aliases (as for the other catalogs).
  const doc = yamlToJS(parseYamlText(readInputFile(resolved, 'catalog file'), resolved).doc, resolved);
  if (!Array.isArray(doc)) {
    throw new StudyError(
      'WRONG_TYPE',
      `${file}: expected a YAML list of rows (each "- id: …"), got ${doc === null ? 'an empty file' : typeof doc}`,
      { file: resolved },
    );
  }
  const seen = new Set<string>();
  const rows = doc.map((raw: unknown, i) => {
    const row = parseRow(raw, i, file, resolved);
    if (seen.has(row.id)) {
      throw new StudyError(
        'WRONG_TYPE',
        `${file}: row '${row.id}': duplicate id '${row.id}' (ids must be unique in a catalog)`,
        { file: resolved, field: 'id' },
      );
    }
    seen.add(row.id);
    return row;
  });
  const frozen = Object.freeze(rows);
  cache.set(resolved, frozen);
  return frozen;
}

/** The scenario with this id; throws UNKNOWN_CATALOG_ID naming `fieldPathForMessage` and the valid ids. */
export function findBaseline(
  rows: readonly TerrestrialBaselineRow[],
  id: string,
  fieldPathForMessage: string,
): TerrestrialBaselineRow {
  for (const r of rows) if (r.id === id) return r;
  const ids = rows.map((r) => r.id);
  const guess = didYouMean(id, ids);
  throw new StudyError(
    'UNKNOWN_CATALOG_ID',
    `${fieldPathForMessage}: unknown terrestrial-baselines id '${id}'${guess ? ` (did you mean '${guess}'?)` : ''}; valid ids: ${ids.join(', ')}`,
    { field: fieldPathForMessage },
  );
}
