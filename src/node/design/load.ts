/**
 * Reads a design file, or a study file's base design: YAML (syntax errors with line:column, src/base/yaml.ts), the
 * design schema (unknown keys with "did you mean", missing units, types, validity ranges), catalog ids. Every user
 * error is a StudyError naming the file, the field and the fix; downstream code trusts the parsed, typed object. A
 * study's own sections are read by src/study/studyFile.ts.
 */
import { didYouMean, StudyError } from '../../base/errors.js';
import { locate, type Path, type SourceMap } from '../../base/issues.js';
import { parseWith, readInput, readYaml, type ParsedFile, type YamlInput } from '../../base/yaml.js';
import { nodeDesignSchema, nodeStudyBaseSchema, STUDY_SECTIONS, type NodeDesign } from './schema.js';

/** Design fields that name a catalog row, and the catalog file they refer to. */
export const CATALOG_FIELDS = {
  'compute.chip': 'chips',
  'power.array': 'solar-arrays',
  'power.battery': 'batteries',
  'thermal.radiator': 'radiators',
  'thermal.coating': 'coatings',
  'thermal.coolant': 'coolants',
  'isl.terminal': 'isl-terminals',
  'launch.vehicle': 'launch-vehicles',
} as const;
export type CatalogField = keyof typeof CATALOG_FIELDS;
/** Catalog file names (without .yaml) that ids may refer to. */
export type CatalogName = (typeof CATALOG_FIELDS)[CatalogField] | 'ground-stations';

/** What the loader needs to know of the catalogs: which ids exist. */
export interface CatalogIds {
  ids(catalog: CatalogName): readonly string[];
}

/** A design file, a node study's base design (its study sections unread), or a benchmark study (no design). */
export type LoadedFile =
  | { readonly kind: 'design' | 'node-study'; readonly file: ParsedFile; readonly design: NodeDesign }
  | { readonly kind: 'benchmark-study'; readonly file: ParsedFile };

/** The study sections that make a file a study (relax and select only refine one). */
const STUDY_KEYS = ['variables', 'objectives', 'constraints', 'algorithm', 'robust'] as const;

/** The `kind` a YAML file declares ('node' when it declares none); YAML and file errors as for any design file. */
export function fileKind(path: string): string {
  const kind = (readYaml(path).raw as Record<string, unknown>)['kind'];
  return typeof kind === 'string' ? kind : 'node';
}

/** Parse and validate a design file or a node study's base design (no catalog check: see `checkCatalogIds`). */
export function parseDesignFile(input: YamlInput): LoadedFile {
  const file = readInput(input);
  const path = file.src.file;
  const raw = file.raw as Record<string, unknown>;
  if (raw.kind === 'benchmark') return { kind: 'benchmark-study', file };
  if (raw.kind !== undefined && raw.kind !== 'node') {
    const guess = didYouMean(String(raw.kind), ['node', 'benchmark', 'constellation']);
    throw new StudyError(
      'WRONG_TYPE',
      `${locate(file.src, ['kind'])}: kind must be "node", "constellation" or "benchmark", got ${JSON.stringify(raw.kind)}${guess ? `: did you mean ${guess}?` : ''}`,
      { file: path, field: 'kind' },
    );
  }
  if (STUDY_KEYS.some((k) => k in raw)) {
    const sections: readonly string[] = STUDY_SECTIONS;
    const parsed = Object.entries(parseWith(nodeStudyBaseSchema(), file));
    const design = Object.fromEntries(parsed.filter(([key]) => !sections.includes(key))) as NodeDesign;
    return { kind: 'node-study', file, design };
  }
  return { kind: 'design', file, design: parseWith(nodeDesignSchema(), file) };
}

/** Every catalog id named by the design exists; else UNKNOWN_CATALOG_ID with a suggestion. */
export function checkCatalogIds(design: NodeDesign, catalogs: CatalogIds, src: SourceMap): void {
  for (const [field, catalog] of Object.entries(CATALOG_FIELDS) as [CatalogField, CatalogName][]) {
    const [section, key] = field.split('.') as [keyof NodeDesign, string];
    const value = (design[section] as Record<string, unknown>)[key] as string | undefined;
    if (value === undefined) continue; // optional catalog keys default to a row's own choice
    checkCatalogId(value, catalog, catalogs, src, [section, key], field);
  }
}

export function checkCatalogId(
  value: string,
  catalog: CatalogName,
  catalogs: CatalogIds,
  src: SourceMap,
  path: Path,
  field: string,
): void {
  const ids = catalogs.ids(catalog);
  if (ids.includes(value)) return;
  const guess = didYouMean(value, ids);
  throw new StudyError(
    'UNKNOWN_CATALOG_ID',
    `${locate(src, path)}: ${field} names "${value}", which is not in designs/catalogs/${catalog}.yaml${guess ? `: did you mean ${guess}?` : ''} (valid ids: ${ids.join(', ')})`,
    { file: src.file, field },
  );
}
