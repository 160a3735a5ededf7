/**
 * The shape of each distribution kind as a strict zod object: the one definition of the `Distribution` types
 * (./distributions.ts infers them from these) and of what a file may write (./distributionValidation.ts validates with
 * them and adds the relations between parameters). Parameters are in the unit of the quantity they describe;
 * zod 4's z.number() rejects NaN and ±Infinity. Truncation bounds are exact-optional: absent, never `undefined`.
 */
import * as z from 'zod';
import { lazy } from '../base/lazy.js';

const finite = () => z.number();

export const DISTRIBUTION_VARIANTS = lazy(
  () =>
    ({
      uniform: z.strictObject({ kind: z.literal('uniform'), min: finite(), max: finite() }),
      triangular: z.strictObject({ kind: z.literal('triangular'), min: finite(), mode: finite(), max: finite() }),
      normal: z.strictObject({
        kind: z.literal('normal'),
        mean: finite(),
        sd: finite(),
        min: finite().exactOptional(),
        max: finite().exactOptional(),
      }),
      lognormal: z.strictObject({
        kind: z.literal('lognormal'),
        median: finite(),
        gsd: finite(),
        min: finite().exactOptional(),
        max: finite().exactOptional(),
      }),
    }) as const,
);
