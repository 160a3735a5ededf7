/**
 * `DeepReadonly<T>`: T with every property and every array, at any depth, read-only. Records are defined once, by
 * their zod schema, and typed as `DeepReadonly<z.output<schema>>`: the type keeps the read-only contract of a
 * returned record without the schema's `.readonly()`, which would freeze parsed values and write `readOnly: true`
 * into the generated JSON Schemas. Type-level only: nothing here runs.
 */
export type DeepReadonly<T> = T extends readonly (infer E)[]
  ? readonly DeepReadonly<E>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;
