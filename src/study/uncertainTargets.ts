/**
 * Where an uncertain (or break-even) input writes in a node design, and what values it may take:
 * - a design key `section.key` (e.g. economics.launchCost_USD_per_kg, compute.utilization): a numeric field of
 *   the design schema (src/node/design/schema.ts); its range is the schema's model validity range;
 * - a catalog field `catalogs.<catalog>.<row id>.<field>` (catalogs as in src/catalog/overrides.ts
 *   NODE_CATALOG_KINDS, e.g. catalogs.batteries.li-ion-leo.cost_USD_per_Wh): a numeric field of the row schema
 *   (src/catalog/schema.ts); it is applied by writing an overriding row into the design's own `catalogs:` section
 *   (a copy of the shipped or user row with the field set), which the row resolver prefers (src/node/record/rows.ts).
 * Applying values copies only what changes (the base design is never mutated). Integer fields (compute.chips,
 * cycleLife) take the nearest whole number. NaN means "leave the nominal value".
 */
import * as z from 'zod';
import { NODE_CATALOG_KINDS, NODE_CATALOG_SCHEMAS, type NodeCatalogKind } from '../catalog/overrides.js';
import type { Catalogs } from '../catalog/schema.js';
import { didYouMean, StudyError } from '../base/errors.js';
import { unitOf } from '../node/record/metrics.js';
import { DESIGN_SECTIONS, designSectionFields, type NodeDesign } from '../node/design/schema.js';

export type InputTarget =
  | { readonly kind: 'design'; readonly section: string; readonly key: string }
  | { readonly kind: 'row'; readonly catalog: NodeCatalogKind; readonly id: string; readonly field: string }
  /**
   * Constellation files (./constellationInputs.ts): a key of the named node (`node.<section>.<key>`) or of a
   * constellation section.
   */
  | { readonly kind: 'node'; readonly section: string; readonly key: string }
  | { readonly kind: 'constellation'; readonly section: string; readonly key: string };

export interface InputSpec {
  /** `section.key` or `catalogs.<catalog>.<row id>.<field>`. */
  readonly path: string;
  readonly target: InputTarget;
  /** The design's or the row's value; undefined when the design leaves an optional key to the model's default. */
  readonly nominal: number | undefined;
  /** Readable unit from the key suffix (e.g. USD/kg). */
  readonly unit: string;
  readonly integer: boolean;
  /** Schema range of the field; an end may be exclusive (then `check` refuses it). */
  readonly domain: { readonly lo: number; readonly hi: number };
  /** Why `v` is not a valid value of the field, or undefined when it is. */
  readonly check: (v: number) => string | undefined;
}

export const unwrapNumber = (s: unknown): z.ZodNumber | undefined => {
  let cur = s as { def?: { innerType?: unknown } } | undefined;
  while (cur !== undefined && !(cur instanceof z.ZodNumber) && cur.def?.innerType !== undefined)
    cur = cur.def.innerType as typeof cur;
  return cur instanceof z.ZodNumber ? cur : undefined;
};

/** The number schema of design key `section.key`, or undefined when the key is not a numeric scalar. */
export function designKeySchema(section: string, key: string): z.ZodNumber | undefined {
  const fields = designSectionFields(section);
  return Object.hasOwn(fields, key) ? unwrapNumber(fields[key]) : undefined;
}

/** Every numeric design key, `section.key`. */
export function numericDesignKeys(): string[] {
  return DESIGN_SECTIONS.flatMap((section) =>
    Object.keys(designSectionFields(section))
      .filter((key) => designKeySchema(section, key) !== undefined)
      .map((key) => `${section}.${key}`),
  );
}

/** The number schema of a row field of `catalog` (not `year`), or undefined. */
export function rowFieldSchema(catalog: NodeCatalogKind, field: string): z.ZodNumber | undefined {
  if (field === 'year') return undefined;
  return unwrapNumber((NODE_CATALOG_SCHEMAS[catalog]().shape as Record<string, unknown>)[field]);
}

export const numericRowFields = (catalog: NodeCatalogKind): string[] =>
  Object.keys(NODE_CATALOG_SCHEMAS[catalog]().shape).filter((f) => rowFieldSchema(catalog, f) !== undefined);

/** Range of a number schema: its min/max checks, else the "validity range lo–hi" of src/node/design/schema.ts
 * `range()`. */
function domainOf(schema: z.ZodNumber): { lo: number; hi: number } {
  let lo = schema.minValue ?? -Infinity;
  let hi = schema.maxValue ?? Infinity;
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
    const message = schema.safeParse(-Number.MAX_VALUE).error?.issues[0]?.message ?? '';
    const m = /validity range (-?[\d.e+]+)–(-?[\d.e+]+)/.exec(message);
    if (m) [lo, hi] = [Math.max(lo, Number(m[1])), Math.min(hi, Number(m[2]))];
  }
  return { lo, hi };
}

export function specOf(path: string, target: InputTarget, schema: z.ZodNumber, nominal: number | undefined): InputSpec {
  const integer = schema.format === 'safeint' || schema.format === 'int32';
  return {
    path,
    target,
    nominal,
    unit: unitOf(path),
    integer,
    domain: domainOf(schema),
    check: (v) => {
      const r = schema.safeParse(v);
      return r.success ? undefined : `${path} = ${v} is not a valid value: ${r.error.issues[0]?.message ?? 'invalid'}`;
    },
  };
}

/** A row of `catalog` by id: the design's own (its `catalogs:` section) first, then the merged catalogs. */
export function findRow(
  design: NodeDesign,
  rows: Catalogs,
  catalog: NodeCatalogKind,
  id: string,
): Record<string, unknown> | undefined {
  const own = (design.catalogs as Record<string, readonly { id: string }[] | undefined> | undefined)?.[catalog]?.find(
    (r) => r.id === id,
  );
  return (own ?? (rows[catalog] as readonly { id: string }[]).find((r) => r.id === id)) as
    Record<string, unknown> | undefined;
}

/**
 * A catalog path `catalogs.<catalog>.<row id>.<field>` as its catalog (checked), row id and field; `fail` says what is
 * wrong, naming the path's form (`a catalog <what> is …`, with `example` as the field) or the nearest catalog.
 */
export function catalogPathParts(
  path: string,
  what: string,
  example: string,
  fail: (msg: string) => never,
): [NodeCatalogKind, string, string] {
  const parts = path.split('.');
  if (parts.length !== 4)
    fail(`a catalog ${what} is catalogs.<catalog>.<row id>.<field>, e.g. catalogs.batteries.li-ion-leo.${example}`);
  const [, kindName, id, field] = parts as [string, string, string, string];
  if (!(NODE_CATALOG_KINDS as readonly string[]).includes(kindName)) {
    const guess = didYouMean(kindName, NODE_CATALOG_KINDS);
    fail(
      `unknown catalog '${kindName}'${guess ? `: did you mean ${guess}?` : ''} (catalogs: ${NODE_CATALOG_KINDS.join(', ')})`,
    );
  }
  return [kindName as NodeCatalogKind, id, field];
}

/**
 * The input at `path` of this design, or a StudyError (code BAD_VARIABLE) whose message starts with `where`
 * (e.g. "design.yaml:12:3: uncertainty.x") and names the fix.
 */
export function resolveInput(
  p: Readonly<{ path: string; design: NodeDesign; rows: Catalogs; where: string; file?: string }>,
): InputSpec {
  const { path, design, rows } = p;
  const fail = (msg: string): never => {
    throw new StudyError('BAD_VARIABLE', `${p.where}: ${msg}`, { file: p.file, field: path });
  };
  if (path.startsWith('catalogs.')) {
    const [catalog, id, field] = catalogPathParts(path, 'field', 'cost_USD_per_Wh', fail);
    const row = findRow(design, rows, catalog, id);
    if (row === undefined) {
      const ids = (rows[catalog] as readonly { id: string }[]).map((r) => r.id);
      const guess = didYouMean(id, ids);
      fail(`no ${catalog} row '${id}'${guess ? `: did you mean ${guess}?` : ''} (rows: ${ids.join(', ')})`);
    }
    const schema = rowFieldSchema(catalog, field);
    if (schema === undefined) {
      const numeric = numericRowFields(catalog);
      const guess = didYouMean(field, numeric);
      fail(
        `'${field}' is not a numeric field of ${catalog} rows${guess ? `: did you mean ${guess}?` : ''} (fields: ${numeric.join(', ')})`,
      );
    }
    const value = row![field];
    return specOf(path, { kind: 'row', catalog, id, field }, schema!, typeof value === 'number' ? value : undefined);
  }
  const [section, key, extra] = path.split('.');
  const schema =
    section !== undefined && key !== undefined && extra === undefined ? designKeySchema(section, key) : undefined;
  if (schema === undefined) {
    const keys = numericDesignKeys();
    const guess = didYouMean(path, keys);
    fail(
      `not a numeric design key${guess ? `: did you mean ${guess}?` : ''} (numeric design keys such as economics.launchCost_USD_per_kg, compute.utilization, mission.lifetime_yr; ` +
        'catalog fields as catalogs.<catalog>.<row id>.<field>)',
    );
  }
  const value = (design[section as keyof NodeDesign] as Record<string, unknown> | undefined)?.[key!];
  return specOf(
    path,
    { kind: 'design', section: section!, key: key! },
    schema!,
    typeof value === 'number' ? value : undefined,
  );
}

/** The design with `values[i]` written at `specs[i]` (NaN: left as it is). */
export function applyInputs(
  p: Readonly<{ base: NodeDesign; specs: readonly InputSpec[]; values: readonly number[]; rows: Catalogs }>,
): NodeDesign {
  return inputApplier(p.base, p.specs, p.rows)(p.values);
}

/**
 * `applyInputs` of one base design and list of inputs, for any number of value lists (a design's samples): where each
 * input writes (its design section, or its row: the design's own, at its place in its `catalogs:` list, else the
 * catalogs' one) is found once, not per sample. Each call copies only what its values change, as applyInputs does.
 */
export function inputApplier(
  base: NodeDesign,
  specs: readonly InputSpec[],
  rows: Catalogs,
): (values: readonly number[]) => NodeDesign {
  const baseRecord = base as unknown as Record<string, object>;
  const baseCatalogs = Object.entries(base.catalogs ?? {}) as [string, Record<string, unknown>[]][];
  const { slot, sections, rowTargets } = inputSlots(base, specs, rows);
  return (values) => {
    const d: Record<string, unknown> = { ...base };
    const sectionCopies: (Record<string, unknown> | undefined)[] = new Array(sections.length);
    const rowCopies: (Record<string, unknown> | undefined)[] = new Array(rowTargets.length);
    let own: Record<string, Record<string, unknown>[]> | undefined;
    for (let i = 0; i < specs.length; i++) {
      const raw = values[i] ?? NaN;
      const k = slot[i]!;
      if (Number.isNaN(raw) || k < 0) continue;
      const spec = specs[i]!;
      const v = spec.integer ? Math.round(raw) : raw;
      const t = spec.target;
      if (t.kind === 'design') {
        let copy = sectionCopies[k];
        if (copy === undefined) d[t.section] = sectionCopies[k] = copy = { ...baseRecord[t.section] };
        copy[t.key] = v;
        continue;
      }
      if (t.kind !== 'row') continue;
      const copy = rowCopies[k];
      if (copy !== undefined) {
        copy[t.field] = v;
        continue;
      }
      if (own === undefined) {
        own = {};
        for (const [c, list] of baseCatalogs) own[c] = [...list];
      }
      const { catalog, at, from } = rowTargets[k]!;
      const next = { ...from };
      next[t.field] = v;
      rowCopies[k] = next;
      const list = (own[catalog] ??= []);
      if (at >= 0) list[at] = next;
      else list.push(next);
    }
    if (own !== undefined) d['catalogs'] = own;
    return d as unknown as NodeDesign;
  };
}

/** A row an input writes into: its catalog, its place in the design's own list (-1: none) and the row it copies. */
interface RowTarget {
  readonly catalog: string;
  readonly at: number;
  readonly from: Record<string, unknown>;
}

/** Where each input writes (see inputApplier): its section's or its row's slot, -1 for a constellation target. */
function inputSlots(
  base: NodeDesign,
  specs: readonly InputSpec[],
  rows: Catalogs,
): {
  slot: number[];
  sections: string[];
  rowTargets: RowTarget[];
} {
  const sections: string[] = [];
  const rowTargets: RowTarget[] = [];
  const rowKeys: string[] = [];
  const slot = specs.map((spec) => {
    const t = spec.target;
    if (t.kind === 'design') {
      const k = sections.indexOf(t.section);
      return k >= 0 ? k : sections.push(t.section) - 1;
    }
    if (t.kind !== 'row') return -1;
    const key = `${t.catalog}\u0000${t.id}`;
    const k = rowKeys.indexOf(key);
    if (k >= 0) return k;
    const own = (base.catalogs as Record<string, Record<string, unknown>[] | undefined> | undefined)?.[t.catalog];
    const at = own?.findIndex((r) => r['id'] === t.id) ?? -1;
    rowTargets.push({ catalog: t.catalog, at, from: at >= 0 ? own![at]! : findRow(base, rows, t.catalog, t.id)! });
    return rowKeys.push(key) - 1;
  });
  return { slot, sections, rowTargets };
}
