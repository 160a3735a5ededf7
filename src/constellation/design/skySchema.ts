/**
 * The constellation file's `sky:` section: the observer, evening and photometric model of the sky-brightness metric
 * (src/constellation/environment/skyFigures.ts), and its compiled SI form. Defaults: 37° N, 0° E on the March 2026
 * equinox, counted at sunset and 30, 60 and 90 minutes after, a Lambertian sphere of albedo 0.2 over the node's
 * solar array area (the unmitigated model of Boley, Lawler & Rein 2026, arXiv:2608.02757).
 */
import * as z from 'zod';
import { lazy } from '../../base/lazy.js';
import { deg_to_rad } from '../../base/convert.js';
import { range } from '../../node/design/fields.js';
import { PHASE_FUNCTIONS } from '../environment/skyPhotometry.js';

/** Photometric models a design may name: the diffuse sphere, or a measured phase function. */
export const SKY_MODELS = ['lambertian', ...Object.keys(PHASE_FUNCTIONS)] as [string, ...string[]];

export const skySchema = lazy(() =>
  z
    .strictObject({
      latitude_deg: range('sky.latitude_deg', -89, 89, 'deg', "the observer's latitude").default(37),
      longitude_deg: range('sky.longitude_deg', -180, 180, 'deg', "the observer's longitude, east positive").default(0),
      date: z
        .string()
        .regex(/^\d{4}-\d\d-\d\d$/, 'sky.date must be a date written YYYY-MM-DD')
        .default('2026-03-20')
        .describe('Evening counted (YYYY-MM-DD; default the March 2026 equinox).'),
      minutesAfterSunset: z
        .array(range('sky.minutesAfterSunset', 0, 720, 'min', 'within the night after sunset'))
        .min(1, 'sky.minutesAfterSunset needs at least one time')
        .max(48, 'sky.minutesAfterSunset takes at most 48 times')
        .default([0, 30, 60, 90])
        .describe('Times counted, in minutes after sunset (the Sun 0.833° below the horizon).'),
      limit_mag: range('sky.limit_mag', -5, 20, 'mag', 'a visual magnitude')
        .default(7)
        .describe('A second magnitude limit counted beside the naked-eye V < 6 (default 7, the IAU recommendation).'),
      minElevation_deg: range('sky.minElevation_deg', 0, 80, 'deg', 'elevation above the horizon').default(0),
      model: z
        .enum(SKY_MODELS)
        .default('lambertian')
        .describe(
          'Photometric model: lambertian (diffuse sphere of albedo and area) or a measured phase function scaled by area (starlink-gen2-mini: Mallama et al. 2023).',
        ),
      albedo: range('sky.albedo', 0.001, 1, '-', 'a geometric albedo')
        .default(0.2)
        .describe('Geometric albedo of the lambertian model [-].'),
      area_m2: range('sky.area_m2', 0.01, 1e6, 'm²', 'the reflecting area')
        .optional()
        .describe("Reflecting area [m²]; default each shell's node solar array area."),
    })
    .describe('Sky brightness: satellites brighter than V = 6 and a chosen limit above an observer after sunset.'),
);

export type SkyInput = z.infer<ReturnType<typeof skySchema>>;

export interface SkySpec {
  readonly observer: { readonly latitude_rad: number; readonly longitude_rad: number };
  readonly date: string;
  readonly minutesAfterSunset: readonly number[];
  readonly limit_mag: number;
  readonly minElevation_rad: number;
  readonly model: string;
  readonly albedo: number;
  /** null: each shell's node array area. */
  readonly area_m2: number | null;
}

export function compileSky(s: Readonly<SkyInput>): SkySpec {
  return {
    observer: { latitude_rad: deg_to_rad(s.latitude_deg), longitude_rad: deg_to_rad(s.longitude_deg) },
    date: s.date,
    minutesAfterSunset: s.minutesAfterSunset,
    limit_mag: s.limit_mag,
    minElevation_rad: deg_to_rad(s.minElevation_deg),
    model: s.model,
    albedo: s.albedo,
    area_m2: s.area_m2 ?? null,
  };
}
