/**
 * The constellation record's `life` section: the year-by-year life (src/constellation/economics/life.ts) as study
 * metrics (years to full capability, least delivered fraction in steady state, peak launches a year, cost over the
 * horizon) and its lists (one entry per year, the published roadmaps it is checked against). Declared as the other
 * fields are (fields.ts), read from the stages' `life`.
 */
import * as z from 'zod';
import { n, recordFields } from '../../base/recordFields.js';
import type { ConstellationSpec } from '../design/compile.js';
import { REPLACEMENT_POLICIES } from '../design/types.js';
import type { LifePlan } from '../economics/lifePlan.js';

/** What the life section reads (a part of ConstellationStages). */
export interface LifeStages {
  readonly spec: ConstellationSpec;
  readonly life: LifePlan;
}

const { num, numOrNull, value, list, section } = recordFields<LifeStages>();

/** Infinity (no compute delivered yet) as null: JSON has no ∞. */
const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);
const nn = (d: string) => z.number().nullable().describe(d);

const yearsSchema = () =>
  z.array(
    z.strictObject({
      year: n('Calendar year [-]'),
      built: n('Satellites built [-]'),
      launched: n('Satellites launched, first deployment and replacements [-]'),
      launches: n('Launches, an expected value (replacements at the mean satellites per launch: fractional) [-]'),
      deployed: n('Satellites of the first deployment launched [-]'),
      failed: n('Expected random failures [-]'),
      renewed: n(
        'Slots reaching the end of their design life this year: renewals due; those not flown wait in backlog [-]',
      ),
      backlog: n('Replacements owed and not flown at the end of the year [-]'),
      inOrbit: n('Working satellites at the end of the year, before the next renewals [-]'),
      delivering: n('Mean working satellites over the year [-]'),
      deliveredFraction: n('delivering / satellites [-]'),
      deliveredPFLOPS: n('Mean delivered compute over the year [PFLOPS]'),
      itPower_W: n('Mean IT power over the year [W]'),
      hardware_USD: n('[USD]'),
      launch_USD: n('[USD]'),
      operations_USD: n('[USD]'),
      ground_USD: n('[USD]'),
      spend_USD: n('[USD]'),
      cumulative_USD: n('[USD]'),
      lcocYear_USD_per_PFLOP_day: nn("The year's spend over its PFLOP-days; null without compute [USD/PFLOP-day]"),
      lcocToDate_USD_per_PFLOP_day: nn('Cumulative spend over cumulative PFLOP-days [USD/PFLOP-day]'),
      lcocDiscountedToDate_USD_per_PFLOP_day: nn('The same discounted, flows at mid-year [USD/PFLOP-day]'),
    }),
  );

const roadmapsSchema = () =>
  z.array(
    z.strictObject({
      programme: z.string(),
      claim: z.string(),
      source: z.string(),
      year: n('Calendar year of the claim [-]'),
      quantity: z.enum(['satellites', 'itPower_W']),
      target: n('[-] or [W]'),
      achieved: nn('The life in that year: working satellites at its end, or mean IT power [W]; null outside the life'),
      met: z.boolean(),
    }),
  );

const last = (c: LifeStages) => c.life.years[c.life.years.length - 1]!;

export const lifeSection = section(
  {
    firstYear: num('Calendar year of the first launch (simulation.epoch) [-]', (c) => c.life.firstYear),
    horizon_yr: num('Whole years from the first launch the life follows [yr]', (c) => c.spec.life.horizon_yr),
    replacement: value(
      () => z.enum(REPLACEMENT_POLICIES),
      (c) => c.spec.life.policy,
    ),
    factory_per_yr: numOrNull(
      'Factory output (life.factory_per_yr); null: not limiting [1/yr]',
      (c) => c.spec.life.factory_per_yr,
    ),
    launchCapacity_per_yr: num(
      'Satellites every campaign vehicle together flies a year at its cadence [1/yr]',
      (c) => c.life.launchCapacity_per_yr,
    ),
    fullCapability_yr: num(
      'Years from the first launch to the last satellite of the first deployment in service: launched and raised to station (factory and launch limited) [yr]',
      'years to full capability',
      (c) => c.life.fullCapability_yr,
    ),
    minDeliveredFraction: num(
      'Least mean delivered fraction of any year after the one full capability falls in, to the horizon (0 when none) [-]',
      'least delivered fraction, steady state',
      (c) => c.life.minDeliveredFraction,
    ),
    peakAnnualLaunches: num(
      'Most launches in any year, an expected value (replacements at the mean satellites per launch: fractional) [-]',
      'peak launches a year (expected)',
      (c) => c.life.peakAnnualLaunches,
    ),
    replacementsPerYear: num(
      'Mean satellites launched a year after the year full capability falls in, an expected value (0 when none) [1/yr]',
      (c) => c.life.replacementsPerYear,
    ),
    cost_USD: num('Spend from the first launch to the horizon [USD]', 'spend over the life', (c) => c.life.total_USD),
    lcocToDate_USD_per_PFLOP_day: numOrNull(
      'Spend over delivered PFLOP-days, first launch to the horizon; null without compute [USD/PFLOP-day]',
      (c) => finite(last(c).lcocToDate_USD_per_PFLOP_day),
    ),
    lcocDiscountedToDate_USD_per_PFLOP_day: numOrNull(
      "The same discounted at the node's economics.discountRate_per_yr, flows at mid-year [USD/PFLOP-day]",
      (c) => finite(last(c).lcocDiscountedToDate_USD_per_PFLOP_day),
    ),
    years: list(yearsSchema, (c) =>
      c.life.years.map((y) => ({
        ...y,
        year: c.life.firstYear + y.year,
        lcocYear_USD_per_PFLOP_day: finite(y.lcocYear_USD_per_PFLOP_day),
        lcocToDate_USD_per_PFLOP_day: finite(y.lcocToDate_USD_per_PFLOP_day),
        lcocDiscountedToDate_USD_per_PFLOP_day: finite(y.lcocDiscountedToDate_USD_per_PFLOP_day),
      })),
    ),
    roadmaps: list(roadmapsSchema, (c) => c.life.roadmaps),
  },
  'The constellation year by year from its first launch to the horizon (src/constellation/economics/life.ts).',
);
