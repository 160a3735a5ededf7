/**
 * The constellation file's `sky:` section: the observers, evenings and photometric model of the sky-brightness metric
 * (src/constellation/environment/skyFigures.ts), and its compiled SI form. Defaults: observers at 0°, 37° and 52° N,
 * 0° E on the March 2026 equinox and both 2026 solstices (the worst evening reported), counted at sunset and 30, 60
 * and 90 minutes after, V-band extinction 0.15 mag per airmass, LTAN read as mean-Sun time, a Lambertian sphere of
 * albedo 0.2 over the node's solar array area (the unmitigated model of Boley, Lawler & Rein 2026, arXiv:2608.02757).
 */
import * as z from 'zod';
import { lazy } from '../../base/lazy.js';
import { deg_to_rad } from '../../base/convert.js';
import { range, varies } from '../../node/design/fields.js';
import { PHASE_FUNCTIONS } from '../environment/skyPhotometry.js';

/** Photometric models a design may name: the diffuse sphere, or a measured phase function. */
export const SKY_MODELS = ['lambertian', ...Object.keys(PHASE_FUNCTIONS)] as [string, ...string[]];

export const skySchema = lazy(() =>
  z
    .strictObject({
      latitudes_deg: z
        .array(range('sky.latitudes_deg', -89, 89, 'deg', "an observer's latitude"))
        .min(1, 'sky.latitudes_deg needs at least one latitude')
        .max(12, 'sky.latitudes_deg takes at most 12 latitudes')
        .default([0, 37, 52])
        .describe(
          "Observers' latitudes [deg]; every latitude is counted on every date and the worst evening reported.",
        ),
      longitude_deg: range('sky.longitude_deg', -180, 180, 'deg', "the observer's longitude, east positive").default(0),
      dates: z
        .array(z.string().regex(/^\d{4}-\d\d-\d\d$/, 'sky.dates must be dates written YYYY-MM-DD'))
        .min(1, 'sky.dates needs at least one date')
        .max(12, 'sky.dates takes at most 12 dates')
        .default(['2026-03-20', '2026-06-21', '2026-12-21'])
        .describe(
          'Evenings counted (YYYY-MM-DD; default the March 2026 equinox and both 2026 solstices); an evening whose Sun does not set at a latitude is skipped.',
        ),
      extinction_mag_per_airmass: range('sky.extinction_mag_per_airmass', 0, 1, 'mag', 'V-band extinction per airmass')
        .default(0.15)
        .describe(
          "Atmospheric extinction [mag per airmass]: a satellite at elevation h is k·X(h) fainter, X the Kasten & Young (1989) airmass; 0.15 the V band at a good site (the value of the sky paper's script; Green 1992 gives 0.1–0.3), 0 none.",
        ),
      ltanTime: z
        .enum(['mean', 'apparent'])
        .default('mean')
        .describe(
          "How the shells' LTAN is read for the sky: mean-Sun time (odc's convention everywhere) or apparent-Sun time (the sky paper's script), which turns each sun-synchronous plane by the equation of time.",
        ),
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
      model: varies(z.enum(SKY_MODELS))
        .default('lambertian')
        .describe(
          'Photometric model: lambertian (diffuse sphere of albedo and area) or a measured phase function scaled by area (starlink-gen2-mini: Mallama et al. 2023).',
        ),
      albedo: varies(range('sky.albedo', 0.001, 1, '-', 'a geometric albedo'))
        .default(0.2)
        .describe('Geometric albedo of the lambertian model [-].'),
      area_m2: varies(range('sky.area_m2', 0.01, 1e6, 'm²', 'the reflecting area'))
        .optional()
        .describe("Reflecting area [m²]; default each shell's node solar array area."),
    })
    .describe(
      'Sky brightness: satellites brighter than V = 6 and a chosen limit above observers after sunset, the worst evening reported.',
    ),
);

export type SkyInput = z.infer<ReturnType<typeof skySchema>>;

export interface SkySpec {
  /** Observers' latitudes [deg] as written (the record reports them) and [rad]. */
  readonly latitudes_deg: readonly number[];
  readonly latitudes_rad: readonly number[];
  readonly longitude_deg: number;
  readonly longitude_rad: number;
  readonly dates: readonly string[];
  readonly extinction_mag_per_airmass: number;
  readonly ltanTime: 'mean' | 'apparent';
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
    latitudes_deg: s.latitudes_deg,
    latitudes_rad: s.latitudes_deg.map(deg_to_rad),
    longitude_deg: s.longitude_deg,
    longitude_rad: deg_to_rad(s.longitude_deg),
    dates: s.dates,
    extinction_mag_per_airmass: s.extinction_mag_per_airmass,
    ltanTime: s.ltanTime,
    minutesAfterSunset: s.minutesAfterSunset,
    limit_mag: s.limit_mag,
    minElevation_rad: deg_to_rad(s.minElevation_deg),
    model: s.model,
    albedo: s.albedo,
    area_m2: s.area_m2 ?? null,
  };
}
