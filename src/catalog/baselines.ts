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
import { readInputFile } from '../base/yaml.js';
import { defaultCatalogDir, findById, validateCatalogText } from './load.js';
import { kebabId } from './schema.js';

export const BASELINES_FILE = 'terrestrial-baselines.yaml';

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

const cache = new Map<string, readonly TerrestrialBaselineRow[]>();

/**
 * Reads and validates the scenarios (default: the package's designs/catalogs/terrestrial-baselines.yaml), cached per
 * path.
 */
export function loadTerrestrialBaselines(path?: string): readonly TerrestrialBaselineRow[] {
  const resolved = resolve(path ?? join(defaultCatalogDir(), BASELINES_FILE));
  const hit = cache.get(resolved);
  if (hit !== undefined) return hit;
  // Regular file of at most 10 MB, duplicate keys, at most 100 aliases (as for the other catalogs).
  const text = readInputFile(resolved, 'catalog file');
  const rows = validateCatalogText(resolved, basename(resolved), terrestrialBaselineRowSchema(), text);
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
  return findById(rows, id, 'terrestrial-baselines', fieldPathForMessage);
}
