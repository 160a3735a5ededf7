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
