/**
 * The constellation record's `sky` section (fields.ts spreads it into the record): satellites brighter than V = 6
 * and than the design's limit above its observers after sunset, the worst evening's (src/constellation/environment/
 * skyFigures.ts), with its observer, date and times.
 * `sky.nakedEyeCount` and `sky.limitCount` (the most at any counted time) are the metrics studies name. The lean
 * evaluation computes none of it (the counts cost ~3 % of a study that does not name them): a study naming one is
 * searched on complete records.
 */
import { maxOf } from '../../base/arrays.js';
import * as z from 'zod';
import { n, omittedWhenLean, recordFields } from '../../base/recordFields.js';
import type { SkyFigures } from '../environment/skyFigures.js';

const { num, value, list, section } = recordFields<{ readonly sky: SkyFigures }>();

const epochsSchema = () =>
  z.array(
    z.strictObject({
      minutesAfterSunset: n('[min]'),
      sunElevation_deg: n("The Sun's elevation at the observer [deg]."),
      aboveHorizon: n('Satellites above the minimum elevation [-].'),
      sunlit: n("Of those, outside the Earth's shadow [-]."),
      nakedEye: n('Of those, brighter than V = 6 [-].'),
      belowLimit: n('Of those, brighter than the limit (sky.limit_mag) [-].'),
    }),
  );

const mapSchema = () =>
  z.array(
    z.strictObject({
      azimuth_deg: n('Cell centre, from north through east [deg].'),
      elevation_deg: n('Cell centre [deg].'),
      nakedEye: n('Satellites brighter than V = 6 in the cell [-].'),
      belowLimit: n('Satellites brighter than the limit in the cell [-].'),
    }),
  );

const eveningsSchema = () =>
  z.array(
    z.strictObject({
      latitude_deg: n("Observer's latitude [deg]."),
      date: z.string().describe('Evening (YYYY-MM-DD).'),
      sunsetUtc: z.string().describe('Sunset (ISO 8601 UTC).'),
      nakedEye: n('Most satellites brighter than V = 6 at any counted time that evening [-].'),
      belowLimit: n('Most satellites brighter than the limit at any counted time that evening [-].'),
    }),
  );

const maxOver = (s: SkyFigures, f: (e: SkyFigures['epochs'][number]) => number): number => maxOf(s.epochs.map(f));

export const SKY_SECTION = section(
  {
    nakedEyeCount: omittedWhenLean(
      num(
        "Most satellites brighter than V = 6 above the observer's horizon at any counted time after sunset [-]",
        'naked-eye satellites',
        (c) => maxOver(c.sky, (e) => e.nakedEye),
      ),
    ),
    limitCount: omittedWhenLean(
      num(
        'Most satellites brighter than the limit sky.limit_mag at any counted time [-]',
        'satellites brighter than the limit',
        (c) => maxOver(c.sky, (e) => e.belowLimit),
      ),
    ),
    limit_mag: omittedWhenLean(num('The chosen magnitude limit [mag]', (c) => c.sky.limit_mag)),
    standardMagnitude: omittedWhenLean(
      num(
        "Brightest shell's standard magnitude: at 1,000 km range and 90° phase angle [mag]",
        (c) => c.sky.standardMagnitude,
      ),
    ),
    latitude_deg: omittedWhenLean(num("The worst evening's observer latitude [deg]", (c) => c.sky.latitude_deg)),
    longitude_deg: omittedWhenLean(num("The observers' longitude, east positive [deg]", (c) => c.sky.longitude_deg)),
    date: omittedWhenLean(
      value(
        () => z.string().describe('The worst evening (YYYY-MM-DD): the epochs and the map are its.'),
        (c) => c.sky.date,
      ),
    ),
    sunsetUtc: omittedWhenLean(
      value(
        () => z.string().describe("Sunset at the worst evening's observer (ISO 8601 UTC)."),
        (c) => c.sky.sunsetUtc,
      ),
    ),
    extinction_mag_per_airmass: omittedWhenLean(
      num('Atmospheric extinction applied [mag per airmass]', (c) => c.sky.extinction_mag_per_airmass),
    ),
    ltanTime: omittedWhenLean(
      value(
        () => z.enum(['mean', 'apparent']).describe("How the shells' LTAN was read: mean- or apparent-Sun time."),
        (c) => c.sky.ltanTime,
      ),
    ),
    evenings: list(eveningsSchema, (c) => c.sky.evenings),
    epochs: list(epochsSchema, (c) => c.sky.epochs),
    mapMinutesAfterSunset: omittedWhenLean(
      num(
        'Time of the sky map: the counted time with the most naked-eye satellites [min]',
        (c) => c.sky.mapMinutesAfterSunset,
      ),
    ),
    map: list(mapSchema, (c) => c.sky.map),
  },
  "Sky brightness: satellites brighter than V = 6 and the chosen limit above the design's observers after sunset, the worst evening's.",
);
