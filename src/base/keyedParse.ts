/**
 * A strict object schema parsed key by key, each object value's result kept beside a copy of it: a study that
 * compiles thousands of designs differing in a few fields re-validates only the sections those fields sit in.
 * Successes only: the parser returns null whenever its path cannot give zod's exact result (a key the schema does
 * not declare, a failing value, a schema with checks of its own), and the caller then runs the full parse, so every
 * error stays the full parse's. Each key's result follows zod's object rules
 * (src: zod v4 core `handlePropertyResult`): the shape's order, absent optional keys left out, defaults filled in.
 * Kept results are frozen and shared between the results that hold them. A list of objects (a constellation's shells,
 * whose altitudes change with every design) is parsed element by element the same way, its own checks given by the
 * caller as a predicate on the parsed elements.
 */
import type * as z from 'zod';

type Data = Record<string, unknown>;
interface ZodBits {
  readonly optin?: string;
  readonly optout?: string;
  readonly def: { readonly type: string; readonly checks?: readonly unknown[]; readonly catchall?: unknown };
}
const bits = (s: z.ZodType): ZodBits => (s as unknown as { _zod: ZodBits })._zod;
const MAX_KEPT = 4;
const MAX_SCALARS = 64;

const PRIMITIVE = new Set(['string', 'number', 'boolean', 'undefined']);

/** Whether `a` is plain data (objects, arrays, strings, numbers, booleans, null) equal to `b` in key order. */
function sameData(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null) return Object.is(a, b) && (a === null || PRIMITIVE.has(typeof a));
  if (typeof b !== 'object' || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!(i in a) || !sameData(a[i], b[i])) return false;
    return true;
  }
  if (Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++)
    if (ka[i] !== kb[i] || !sameData((a as Data)[ka[i]!], (b as Data)[ka[i]!])) return false;
  return true;
}

function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

/**
 * A key whose value is a list of objects: each parsed by `element` (a strict object without checks), the list's own
 * checks (length, uniqueness) stated by `accepts` on the parsed elements. The key's schema must give the element
 * results for a list that `accepts` passes, and refuse one it does not.
 */
export interface KeyedList {
  readonly element: z.ZodObject;
  readonly accepts: (items: readonly unknown[]) => boolean;
}

type Parsed = { ok: boolean; value?: unknown };
const FAILED: Parsed = { ok: false };

/** One key's schema on a scalar: its result by value (an absent section's defaults, a number's check). */
function scalarParser(schema: z.ZodType): (v: unknown) => Parsed {
  const memo = new Map<unknown, Parsed>();
  return (v) => {
    // Object.is, not the map's equality: -0 and 0 may parse apart.
    const known = Object.is(v, -0) ? undefined : memo.get(v);
    if (known !== undefined) return known;
    const r = schema.safeParse(v);
    const result = r.success ? { ok: true, value: deepFreeze(r.data) } : FAILED;
    if (memo.size >= MAX_SCALARS) memo.clear();
    if (!Object.is(v, -0)) memo.set(v, result);
    return result;
  };
}

/** One key's schema on an object or array: the last MAX_KEPT results beside copies of their inputs. */
function objectParser(schema: z.ZodType): (v: unknown) => Parsed {
  const kept: { input: unknown; data: unknown }[] = [];
  return (v) => {
    const hit = kept.find((m) => sameData(m.input, v));
    if (hit) return { ok: true, value: hit.data };
    const r = schema.safeParse(v);
    if (!r.success) return FAILED;
    if (!sameData(v, v)) return { ok: true, value: r.data };
    if (kept.length >= MAX_KEPT) kept.pop();
    kept.unshift({ input: structuredClone(v), data: deepFreeze(r.data) });
    return { ok: true, value: r.data };
  };
}

/** A list's elements parsed one by one (KeyedList); null where an element or the list's checks need the full parse. */
function listParser(list: KeyedList): (v: readonly unknown[]) => unknown[] | null {
  const parse = keyedParser(list.element);
  return (v) => {
    const items: unknown[] = [];
    for (const x of v) {
      const item = parse(x);
      if (item === null) return null;
      items.push(item);
    }
    return list.accepts(items) ? items : null;
  };
}

/** A key's parser: nested objects and lists key by key where given, scalars by value, other objects kept. */
function keyParser(schema: z.ZodType, nested: z.ZodObject | undefined, list: KeyedList | undefined) {
  const inner = nested === undefined ? null : keyedParser(nested);
  const listOf = list === undefined ? null : listParser(list);
  const scalar = scalarParser(schema);
  const object = objectParser(schema);
  return (v: unknown): Parsed => {
    if (inner !== null && typeof v === 'object' && v !== null && !Array.isArray(v)) {
      const data = inner(v);
      return data ? { ok: true, value: data } : FAILED;
    }
    if (listOf !== null && Array.isArray(v)) {
      const items = listOf(v);
      if (items !== null) return { ok: true, value: items };
    }
    return typeof v !== 'object' || v === null ? scalar(v) : object(v);
  };
}

/**
 * A parser of `schema` (a strict object without checks) returning zod's data on success and null where the caller
 * must run the full parse. `nested` names keys whose object values are parsed the same way by the given strict object
 * schema (the key's own schema must give that schema's result for an object: e.g. a union of a string and it);
 * `lists` names keys whose list values are parsed element by element (KeyedList).
 */
export function keyedParser(
  schema: z.ZodObject,
  nested: Readonly<Record<string, z.ZodObject>> = {},
  lists: Readonly<Record<string, KeyedList>> = {},
): (value: unknown) => Data | null {
  const b = bits(schema);
  if (b.def.type !== 'object' || b.def.checks?.length || bits(b.def.catchall as z.ZodType)?.def.type !== 'never')
    return () => null;
  const shape = schema.shape as Record<string, z.ZodType>;
  const keys = Object.keys(shape);
  const parsers = new Map(keys.map((k) => [k, keyParser(shape[k]!, nested[k], lists[k])]));
  return (value) => {
    if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return null;
    const input = value as Data;
    for (const k of Object.keys(input)) if (!parsers.has(k)) return null;
    const out: Data = {};
    for (const key of keys) {
      const { optin, optout } = bits(shape[key]!);
      const present = key in input;
      if (!present && optin === 'optional' && optout === 'optional') continue;
      if (!present && optin === undefined) return null;
      const r = parsers.get(key)!(input[key]);
      if (!r.ok) return null;
      if (r.value !== undefined) out[key] = r.value;
      else if (present || (optin === 'defaulted' && optout !== 'optional')) out[key] = undefined;
    }
    return out;
  };
}
