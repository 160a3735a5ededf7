/**
 * Record fields declared once, for node and constellation records alike. A record is a table of fields, grouped in
 * sections; each field states its name (the key), unit, short label and meaning, and the function that reads its
 * value from the evaluation's stage results. From the table come the record's zod schema (so its types, its JSON
 * Schema, the metric paths studies may name and the budget tables' labels and units), the record itself and the
 * numbers the lean evaluation of an optimizer reads. A number's description is its meaning followed by its unit in
 * brackets (`Circular altitude [km].`): what `odc metrics` lists and where the budget tables read the unit.
 * The lean evaluation builds no lists (no metric names a list entry) and leaves the numbers wrapped in
 * `omittedWhenLean` NaN. Schemas are built only when asked for (a field holds a function that builds its schema), so
 * loading a table builds none.
 */
import * as z from 'zod';
import type { DeepReadonly } from './deepReadonly.js';

const meta = (description: string, title: string | undefined) => ({
  description,
  ...(title !== undefined ? { title } : {}),
});
/** A number schema described with its unit in brackets; `title`: its short label in the budget tables. */
export const n = (description: string, title?: string) => z.number().meta(meta(description, title));
/** The same for a number that may be null (the reason in the record). */
export const nn = (description: string, title?: string) => z.number().nullable().meta(meta(description, title));

/** A number declared as `What it is [unit]` or `[unit]`: its schema description, `What it is [unit].` or `[unit]`. */
function numberDescription(declared: string): string {
  const m = /^(?:(.*\S) )?\[[^\]]+\]$/s.exec(declared);
  if (m === null) throw new Error(`a record number is declared 'What it is [unit]' or '[unit]', not '${declared}'`);
  return m[1] === undefined ? declared : `${declared}.`;
}

type FieldKind = 'number' | 'value' | 'list';

/** One field: how its schema is built and how its value is read from the input `I` of a record's build. */
export class RecordField<I, S extends z.ZodType = z.ZodType> {
  constructor(
    readonly kind: FieldKind,
    readonly schema: () => S,
    readonly read: (input: I) => unknown,
    /** Whether the lean evaluation computes it. */
    readonly lean: boolean,
  ) {}
}

/** A section: a table of fields (and sections) under one key, with its description. */
export class RecordSection<I, T extends FieldTable<I> = FieldTable<I>> {
  constructor(
    readonly fields: T,
    readonly description: string | undefined,
  ) {}
}

export type FieldTable<I> = {
  readonly [key: string]: RecordField<I> | RecordSection<I>;
};

/** The zod shape of a table: each field's schema, each section a strict object. */
export type ShapeOf<T> = {
  -readonly [K in keyof T]: T[K] extends RecordField<infer _I, infer S>
    ? S
    : T[K] extends RecordSection<infer _I, infer U>
      ? z.ZodObject<ShapeOf<U>, z.core.$strict>
      : never;
};

/** What a table builds: each field's value, each section's object. */
export type Built<T> = z.output<z.ZodObject<ShapeOf<T>, z.core.$strict>>;

/** A field's value as its read function returns it: the schema's output, read-only at every depth. */
type Value<S extends z.ZodType> = NoInfer<DeepReadonly<z.output<S>>>;

/**
 * The declarations of a record whose fields read the input `I` (a node: its stages' results). `num(description,
 * label?, read)` declares a number: `description` says what it is and ends with its unit in brackets
 * (`Circular altitude [km]`), or is the unit alone (`[km]`); `label` names its row in a budget table. `numOrNull`
 * declares a number the model may not give (null, the reason in the record), `value` a label or flag (string, enum,
 * boolean), `list` a list, `section` a group of fields under one key.
 */
export function recordFields<I>() {
  type Read<V> = (input: I) => V;
  function num(description: string, read: Read<number>): RecordField<I, z.ZodNumber>;
  function num(description: string, label: string, read: Read<number>): RecordField<I, z.ZodNumber>;
  function num(description: string, a: string | Read<number>, b?: Read<number>): RecordField<I, z.ZodNumber> {
    const d = numberDescription(description);
    const label = typeof a === 'string' ? a : undefined;
    return new RecordField('number', () => n(d, label), typeof a === 'string' ? b! : a, true);
  }
  type Nullable = RecordField<I, z.ZodNullable<z.ZodNumber>>;
  function numOrNull(description: string, read: Read<number | null>): Nullable;
  function numOrNull(description: string, label: string, read: Read<number | null>): Nullable;
  function numOrNull(description: string, a: string | Read<number | null>, b?: Read<number | null>): Nullable {
    const d = numberDescription(description);
    const label = typeof a === 'string' ? a : undefined;
    return new RecordField('number', () => nn(d, label), typeof a === 'string' ? b! : a, true);
  }
  return {
    num,
    numOrNull,
    value: <S extends z.ZodType>(schema: () => S, read: Read<Value<S>>) =>
      new RecordField<I, S>('value', schema, read, true),
    list: <S extends z.ZodArray>(schema: () => S, read: Read<Value<S>>) =>
      new RecordField<I, S>('list', schema, read, false),
    section: <T extends FieldTable<I>>(fields: T, description?: string) => new RecordSection<I, T>(fields, description),
  };
}

/**
 * A field the lean record does not compute: NaN there. A constellation study naming it is searched on complete
 * records; a node study's lean evaluation (src/node/evaluate.ts nodeMetricsEvaluator) reads it by its field function.
 */
export const omittedWhenLean = <I, S extends z.ZodType>(f: RecordField<I, S>): RecordField<I, S> =>
  new RecordField(f.kind, f.schema, f.read, false);

/** The zod shape of a table, to spread into the record's strict object. */
export function shapeOf<T extends FieldTable<never>>(table: T): ShapeOf<T> {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, e] of Object.entries(table)) {
    if (e instanceof RecordField) shape[key] = e.schema();
    else {
      const object = z.strictObject(shapeOf(e.fields));
      shape[key] = e.description === undefined ? object : object.describe(e.description);
    }
  }
  return shape as ShapeOf<T>;
}

const NO_ENTRIES: readonly never[] = Object.freeze([]);

/**
 * The function that builds a table's fields in declaration order; `lean` true: lists empty and the fields the lean
 * evaluation does not compute NaN, neither read.
 */
export function tableBuilder<I, T extends FieldTable<I>>(table: T): (lean: boolean, input: I) => Built<T> {
  const keys = Object.keys(table);
  const entries = keys.map((k) => table[k]!);
  const sections = entries.map((e) => (e instanceof RecordSection ? tableBuilder<I, FieldTable<I>>(e.fields) : null));
  return (lean, input) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const section = sections[i];
      const e = entries[i] as RecordField<I>;
      if (section) out[keys[i]!] = section(lean, input);
      else if (!lean || e.lean) out[keys[i]!] = e.read(input);
      else out[keys[i]!] = e.kind === 'list' ? NO_ENTRIES : NaN;
    }
    return out as Built<T>;
  };
}

/** The field at a dotted path (`power.bolPower_W`), if the table declares one there. */
export function fieldAt<I>(table: FieldTable<I>, path: string): RecordField<I> | undefined {
  let fields: FieldTable<I> | undefined = table;
  let e: RecordField<I> | RecordSection<I> | undefined;
  for (const part of path.split('.')) {
    e = fields !== undefined && Object.hasOwn(fields, part) ? fields[part] : undefined;
    fields = e instanceof RecordSection ? e.fields : undefined;
  }
  return e instanceof RecordField ? e : undefined;
}

/** The dotted paths of the numbers the lean evaluation does not compute (declared `omittedWhenLean`). */
export function leanOmittedPaths(table: FieldTable<never>, prefix = ''): string[] {
  return Object.entries(table).flatMap(([key, e]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (e instanceof RecordSection) return leanOmittedPaths(e.fields, path);
    return e.kind === 'number' && !e.lean ? [path] : [];
  });
}
