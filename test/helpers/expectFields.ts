/**
 * Checks the named fields of a result record, one `toBe` assertion per field with the field's name as message:
 * `expectFields(r, { sizingPlane: 1, bestLtan_h: 6 })` is `expect(r.sizingPlane, 'sizingPlane').toBe(1)` and so on.
 * Unlike `toMatchObject` (one assertion over all fields) each field fails on its own line.
 */
import { expect } from 'vitest';

export function expectFields<T extends object>(actual: T, want: { readonly [K in keyof T]?: T[K] }): void {
  for (const key of Object.keys(want) as (keyof T & string)[]) expect(actual[key], key).toBe(want[key]);
}
