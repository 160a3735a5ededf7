/**
 * The uncertain inputs of one node design: the distributions of the catalog rows the design uses (`uncertainty:`
 * on a row, see designs/catalogs/*.yaml) and of the models (MODEL_UNCERTAINTY), then the design file's own
 * `uncertainty:` section, whose entries override a row's or a model's distribution for the same field, add design
 * keys or catalog fields, or switch an input off (`fixed`).
 *
 * Relevance: only rows the design evaluates count — its chip, array, battery, radiator, coating, coolant (its own
 * or the radiator's), launch vehicle, and ISL terminal unless isl.topology is none; the vehicle's price_USD is
 * dropped when the launch price is given per kg (economics.launchCost_USD_per_kg, set or uncertain), as the cost
 * model then never reads it (src/models/cost/cost.ts).
 *
 * Checks (StudyError, exit 2, naming the file, row or field and the fix): a row's uncertain field must be a
 * numeric field of that row; every finite end of a distribution's support (uniform and triangular min/max, the
 * truncation bounds of normal and lognormal) must be a valid value of the field. Unbounded tails are allowed; a
 * sample that falls outside the field's range is a failed sample (counted and reported), never a crash.
 */
import type { Distribution } from '../statistics/distributions.js';
import { NODE_CATALOG_KINDS, type NodeCatalogKind } from '../catalog/overrides.js';
import { rowResolver } from '../node/record/rows.js';
import { CATALOG_SPECS, type Catalogs } from '../catalog/schema.js';
import { didYouMean, StudyError } from '../base/errors.js';
import { locate, type SourceMap } from '../base/issues.js';
import type { NodeDesign } from '../node/design/schema.js';
import { parseUncertainValue, type InputAffects } from '../statistics/uncertainValue.js';
import { inputKind } from './inputKinds.js';
import { numericRowFields, resolveInput, rowFieldSchema, type InputSpec } from './uncertainTargets.js';
import { TRAPPED_DOSE_FACTOR_UNCERTAINTY } from '../models/radiation/radiation.js';

export interface UncertainInput extends InputSpec {
  readonly distribution: Distribution;
  readonly reason: string | undefined;
  /**
   * Where the distribution is declared: a catalog row, a model (MODEL_UNCERTAINTY), or the design file's `uncertainty:`
   * section.
   */
  readonly origin: 'catalog' | 'model' | 'design';
  /** What the input moves (./inputKinds.ts): compliance inputs alone are sampled for P(all hold). */
  readonly affects: InputAffects;
  /** Why that kind: the file's declaration or the default rule's reason. */
  readonly affectsWhy: string;
}

/** The kind fields of an input at `spec` parsed from `parsed`. */
const kindOf = (
  spec: Pick<InputSpec, 'path' | 'unit'>,
  parsed: { affects?: InputAffects },
  where?: string,
): { affects: InputAffects; affectsWhy: string } => {
  const k = inputKind(spec.path, spec.unit, parsed.affects, where);
  return { affects: k.affects, affectsWhy: k.why };
};

/**
 * Uncertain inputs of the models themselves, drawn for every node design (design key → distribution, with the model
 * file that states its source). A design file's `uncertainty:` entry for the same key replaces it, or holds it
 * (`fixed`). radiation.trappedDoseFactor: the AP-8/AE-8 field epoch (src/models/radiation/radiation.ts).
 */
export const MODEL_UNCERTAINTY: Readonly<Record<string, unknown>> = {
  'radiation.trappedDoseFactor': TRAPPED_DOSE_FACTOR_UNCERTAINTY,
};

/** Lowest and highest value a distribution can produce (±∞ for an unbounded tail; a lognormal is ≥ 0). */
export function support(d: Distribution): { lo: number; hi: number } {
  switch (d.kind) {
    case 'uniform':
    case 'triangular':
      return { lo: d.min, hi: d.max };
    case 'normal':
      return { lo: d.min ?? -Infinity, hi: d.max ?? Infinity };
    case 'lognormal':
      return { lo: d.min ?? 0, hi: d.max ?? Infinity };
  }
}

/**
 * Why the distribution can produce an invalid value of the field (its finite support ends are checked), or undefined.
 */
export function supportProblem(spec: Pick<InputSpec, 'check'>, d: Distribution): string | undefined {
  const { lo, hi } = support(d);
  for (const [v, end] of [
    [lo, 'lowest'],
    [hi, 'highest'],
  ] as const) {
    if (!Number.isFinite(v) || (d.kind === 'lognormal' && d.min === undefined && v === 0)) continue;
    const bad = spec.check(v);
    if (bad !== undefined)
      return `its ${end} value ${v} is outside the field's range (${bad.replace(/^.*? is not a valid value: /, '')}); narrow or truncate the distribution`;
  }
  return undefined;
}

/** The rows a design evaluates, by catalog, in a fixed order. */
export function usedRows(design: NodeDesign, rows: Catalogs): { catalog: NodeCatalogKind; id: string }[] {
  const r = rowResolver(rows)(design);
  const out: { catalog: NodeCatalogKind; id: string }[] = [
    { catalog: 'chips', id: r.chip.id },
    { catalog: 'solarArrays', id: r.array.id },
    { catalog: 'batteries', id: r.battery.id },
    { catalog: 'radiators', id: r.radiator.id },
    { catalog: 'coatings', id: r.coating.id },
    { catalog: 'coolants', id: r.coolant.id },
  ];
  if (design.isl.topology !== 'none') out.push({ catalog: 'islTerminals', id: r.terminal.id });
  out.push({ catalog: 'launchVehicles', id: r.vehicle.id });
  return out;
}

/** Where a row's uncertainty is declared, for messages: the shipped file, or the design file's `catalogs:` section. */
function rowWhere(
  design: NodeDesign,
  catalog: NodeCatalogKind,
  id: string,
  field: string,
  designSrc: SourceMap | undefined,
): { where: string; file: string } {
  const own = (design.catalogs as Record<string, readonly { id: string }[] | undefined> | undefined)?.[catalog];
  const index = own?.findIndex((r) => r.id === id) ?? -1;
  if (index >= 0 && designSrc !== undefined) {
    return {
      where: `${locate(designSrc, ['catalogs', catalog, index, 'uncertainty', field])}: catalogs.${catalog}[${index}] (row '${id}') uncertainty.${field}`,
      file: designSrc.file,
    };
  }
  const file = `designs/catalogs/${CATALOG_SPECS[catalog].file}`;
  return { where: `${file}: row '${id}': uncertainty.${field}`, file };
}

/** Checks every `uncertainty:` entry of the node catalogs' rows (fields and ranges); throws StudyError. */
export function checkRowUncertainty(p: Readonly<{ rows: Catalogs; design: NodeDesign; src?: SourceMap }>): void {
  for (const catalog of NODE_CATALOG_KINDS) {
    for (const row of p.rows[catalog] as readonly { id: string; uncertainty?: Record<string, unknown> }[]) {
      for (const [field, value] of Object.entries(row.uncertainty ?? {}))
        rowInput(p.design, p.rows, catalog, row.id, field, value, p.src);
    }
  }
}

export function rowInput(
  design: NodeDesign,
  rows: Catalogs,
  catalog: NodeCatalogKind,
  id: string,
  field: string,
  value: unknown,
  src: SourceMap | undefined,
): UncertainInput {
  const { where, file } = rowWhere(design, catalog, id, field, src);
  if (rowFieldSchema(catalog, field) === undefined) {
    const numeric = numericRowFields(catalog);
    const guess = didYouMean(field, numeric);
    throw new StudyError(
      'BAD_VARIABLE',
      `${where}: '${field}' is not a numeric field of ${catalog} rows${guess ? `: did you mean ${guess}?` : ''} (fields: ${numeric.join(', ')})`,
      { file, field: `uncertainty.${field}` },
    );
  }
  const spec = resolveInput({ path: `catalogs.${catalog}.${id}.${field}`, design, rows, where, file });
  const parsed = parseUncertainValue({ value, path: `uncertainty.${field}`, allowFixed: false }) as Exclude<
    ReturnType<typeof parseUncertainValue>,
    'fixed'
  >;
  const problem = supportProblem(spec, parsed.distribution);
  if (problem !== undefined)
    throw new StudyError('OUT_OF_RANGE', `${where}: ${problem}`, { file, field: `uncertainty.${field}` });
  return {
    ...spec,
    distribution: parsed.distribution,
    reason: parsed.reason,
    origin: 'catalog',
    ...kindOf(spec, parsed, where),
  };
}

/**
 * The design's uncertain inputs, in a fixed order (the rows' in `usedRows` order and field order, then the design
 * section's new entries in file order): the order of the columns of every sample.
 */
export function uncertainInputs(
  p: Readonly<{ design: NodeDesign; rows: Catalogs; src?: SourceMap }>,
): UncertainInput[] {
  const { design, rows, src } = p;
  checkRowUncertainty({ rows, design, ...(src !== undefined ? { src } : {}) });
  const section = (design.uncertainty ?? {}) as Record<string, unknown>;
  const perKgPrice =
    design.economics.launchCost_USD_per_kg !== undefined || section['economics.launchCost_USD_per_kg'] !== undefined;
  const byPath = new Map<string, UncertainInput | 'fixed'>();
  for (const { catalog, id } of usedRows(design, rows)) {
    // `rows` are the merged catalogs: a design's own row has replaced the shipped one
    const row = (rows[catalog] as readonly { id: string; uncertainty?: Record<string, unknown> }[]).find(
      (r) => r.id === id,
    );
    for (const [field, value] of Object.entries(row?.uncertainty ?? {})) {
      if (catalog === 'launchVehicles' && field === 'price_USD' && perKgPrice) continue;
      byPath.set(`catalogs.${catalog}.${id}.${field}`, rowInput(design, rows, catalog, id, field, value, src));
    }
  }
  for (const [path, value] of Object.entries(MODEL_UNCERTAINTY)) {
    const spec = resolveInput({ path, design, rows, where: `model uncertainty ${path}` });
    const parsed = parseUncertainValue({ value, path: `uncertainty.${path}`, allowFixed: false }) as Exclude<
      ReturnType<typeof parseUncertainValue>,
      'fixed'
    >;
    byPath.set(path, {
      ...spec,
      distribution: parsed.distribution,
      reason: parsed.reason,
      origin: 'model',
      ...kindOf(spec, parsed),
    });
  }
  const used = usedRows(design, rows);
  for (const [path, value] of Object.entries(section)) {
    const where =
      src !== undefined ? `${locate(src, ['uncertainty', path])}: uncertainty.${path}` : `uncertainty.${path}`;
    const spec = resolveInput({ path, design, rows, where, ...(src !== undefined ? { file: src.file } : {}) });
    if (spec.target.kind === 'row') {
      const t = spec.target;
      const usedId = used.find((u) => u.catalog === t.catalog)?.id;
      if (usedId !== t.id) {
        throw new StudyError(
          'BAD_VARIABLE',
          `${where}: this design does not use ${t.catalog} row '${t.id}'${usedId !== undefined ? ` (it uses '${usedId}': write catalogs.${t.catalog}.${usedId}.${t.field})` : ''}`,
          { ...(src !== undefined ? { file: src.file } : {}), field: `uncertainty.${path}` },
        );
      }
    }
    setFileEntry(byPath, { path, value, spec, where, ...(src !== undefined ? { file: src.file } : {}) });
  }
  return [...byPath.values()].filter((x): x is UncertainInput => x !== 'fixed');
}

/**
 * One entry of a file's uncertainty: section into `byPath`: 'fixed', or the input with its distribution, checked
 * against the input's range (OUT_OF_RANGE naming `where`).
 */
export function setFileEntry(
  byPath: Map<string, UncertainInput | 'fixed'>,
  e: Readonly<{ path: string; value: unknown; spec: InputSpec; where: string; file?: string }>,
): void {
  const { path, spec } = e;
  const parsed = parseUncertainValue({ value: e.value, path: `uncertainty.${path}`, allowFixed: true });
  if (parsed === 'fixed') {
    byPath.set(path, 'fixed');
    return;
  }
  const problem = supportProblem(spec, parsed.distribution);
  if (problem !== undefined) {
    throw new StudyError('OUT_OF_RANGE', `${e.where}: ${problem}`, {
      ...(e.file !== undefined ? { file: e.file } : {}),
      field: `uncertainty.${path}`,
    });
  }
  byPath.set(path, {
    ...spec,
    distribution: parsed.distribution,
    reason: parsed.reason,
    origin: 'design',
    ...kindOf(spec, parsed, e.where),
  });
}
