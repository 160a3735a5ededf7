/**
 * A strict object schema parsed key by key, each object value's result kept beside a copy of it: a study that
 * compiles thousands of designs differing in a few fields re-validates only the sections those fields sit in.
 * Successes only: the parser returns null whenever its path cannot give zod's exact result (a key the schema does
 * not declare, a failing value, a schema with checks of its own), and the caller then runs the full parse, so every
 * error stays the full parse's. Each key's result follows zod's object rules
 * (src: zod v4 core `handlePropertyResult`): the shape's order, absent optional keys left out, defaults filled in.
 * Kept results are frozen and shared between the results that hold them.
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
 * A parser of `schema` (a strict object without checks) returning zod's data on success and null where the caller
 * must run the full parse. `nested` names keys whose object values are parsed the same way by the given strict object
 * schema (the key's own schema must give that schema's result for an object: e.g. a union of a string and it).
 */
export function keyedParser(
  schema: z.ZodObject,
  nested: Readonly<Record<string, z.ZodObject>> = {},
): (value: unknown) => Data | null {
  const b = bits(schema);
  if (b.def.type !== 'object' || b.def.checks?.length || bits(b.def.catchall as z.ZodType)?.def.type !== 'never')
    return () => null;
  const shape = schema.shape as Record<string, z.ZodType>;
  const keys = Object.keys(shape);
  const inner = Object.fromEntries(Object.entries(nested).map(([k, s]) => [k, keyedParser(s)]));
  const kept = new Map<string, { input: unknown; data: unknown }[]>(keys.map((k) => [k, []]));
  const parseKey = (key: string, v: unknown): { ok: boolean; value?: unknown } => {
    if (inner[key] && typeof v === 'object' && v !== null && !Array.isArray(v)) {
      const data = inner[key](v);
      return data ? { ok: true, value: data } : { ok: false };
    }
    if (typeof v !== 'object' || v === null) {
      const r = shape[key]!.safeParse(v);
      return r.success ? { ok: true, value: r.data } : { ok: false };
    }
    const memo = kept.get(key)!;
    const hit = memo.find((m) => sameData(m.input, v));
    if (hit) return { ok: true, value: hit.data };
    const r = shape[key]!.safeParse(v);
    if (!r.success) return { ok: false };
    if (!sameData(v, v)) return { ok: true, value: r.data };
    if (memo.length >= MAX_KEPT) memo.pop();
    memo.unshift({ input: structuredClone(v), data: deepFreeze(r.data) });
    return { ok: true, value: r.data };
  };
  return (value) => {
    if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return null;
    const input = value as Data;
    for (const k of Object.keys(input)) if (!kept.has(k)) return null;
    const out: Data = {};
    for (const key of keys) {
      const { optin, optout } = bits(shape[key]!);
      const present = key in input;
      if (!present && optin === 'optional' && optout === 'optional') continue;
      if (!present && optin === undefined) return null;
      const r = parseKey(key, input[key]);
      if (!r.ok) return null;
      if (r.value !== undefined) out[key] = r.value;
      else if (present || (optin === 'defaulted' && optout !== 'optional')) out[key] = undefined;
    }
    return out;
  };
}
