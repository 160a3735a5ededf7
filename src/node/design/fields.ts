/**
 * Field builders shared by the design-file section schemas: a number field with its unit and model validity
 * range, a catalog id field, and the enumerations several sections use.
 */
import * as z from 'zod';

/** A number field with its unit and model validity range, whose error messages say both. */
export const range = (name: string, lo: number, hi: number, unit: string, why: string) =>
  z
    .number({
      error: (iss) => (iss.input === undefined ? `${name} is required` : `${name} must be a number in ${unit}`),
    })
    .refine((v) => Number.isFinite(v), { message: `${name} must be a finite number` })
    .refine((v) => v >= lo && v <= hi, {
      message: `${name} is outside the model validity range ${lo}–${hi} ${unit} (${why}); use a value in that range`,
    });

/** A catalog id field. */
export const id = (what: string) =>
  z.string({ error: `must be a ${what} catalog id (a string); run 'odc catalog' to list them` }).min(1);

export const SOLAR_ACTIVITY = ['low', 'moderate', 'high'] as const;
export const TOPOLOGIES = ['none', 'ring', 'grid', 'mesh'] as const;

/**
 * How a study may vary a design key, declared on the key's schema with `varies()` and read by src/study/variables.ts:
 * `int` searches whole numbers under [lower, upper] bounds too; `wraps` marks a periodic key (a Walker phasing taken
 * modulo the plane count, a RAAN where 0° = 360°), whose bounds never bind a design (src/run/decision/binding.ts).
 * A node study may vary every key of a design section; a constellation study the keys declared here (and node.*).
 */
export interface StudyVariableKind {
  readonly int?: boolean;
  readonly wraps?: boolean;
}
export const studyVariableKinds = z.registry<StudyVariableKind>();
/** `schema`, declared a key a study may vary (the outermost schema of the key: after its default and describe). */
export function varies<T extends z.ZodType>(schema: T, kind: StudyVariableKind = {}): T {
  studyVariableKinds.add(schema as z.ZodType, { int: false, wraps: false, ...kind }); // never {}: zod reads {} as unset
  return schema;
}
