/**
 * The constellation report's life view: the record's year-by-year life (src/constellation/economics/life.ts) as a
 * plot of the delivering fleet (its sawtooth of failures and resupply) and the satellites launched each year against
 * the full constellation, and a year table (launched, failed, renewed, in orbit, delivering, compute, spend, LCOC to
 * date), with the published roadmaps it is checked against as notes. Pure functions of the record's lists; the plot
 * is drawn with the chart layer (src/chart/chart.ts).
 */
import { maxOf, minOf } from '../../base/arrays.js';
import { fmt } from '../../base/numberFormat.js';
import type { ConstellationRecord } from '../../constellation/record/record.js';
import type { TableData } from '../document/blocks.js';
import type { LifeBasisRecord as LifeBasis } from '../../run/answer/schema.js';
import { ratioText } from '../../base/verdictText.js';
import { drawn, TABLEAU10, type Drawn, type Mark } from '../../chart/chart.js';

type Life = ConstellationRecord['life'];

const SERIES = ['delivering (mean over the year)', 'in orbit (end of year)', 'launched in the year'] as const;
/** The series' colours: Tableau 10, in SERIES order. */
const COLORS = [TABLEAU10[0]!, TABLEAU10[1]!, TABLEAU10[2]!] as const;

/** Delivering, in orbit and launched satellites by calendar year, the full constellation dashed. */
export function lifeSvg(life: Life, satellites: number): Drawn {
  const series = life.years.map((y) => [y.delivering, y.inOrbit, y.launched] as const);
  const years = life.years.map((y) => y.year);
  const marks: Mark[] = [{ type: 'rule', at: { y: satellites }, color: '#999', dash: '4,4' }];
  SERIES.forEach((_, k) => {
    const points = life.years.flatMap((yr, i) =>
      Number.isFinite(series[i]![k]!) ? [{ x: yr.year, y: series[i]![k]! }] : [],
    );
    marks.push({ type: 'line', points, color: COLORS[k]! }, { type: 'dots', points, color: COLORS[k]! });
  });
  const nMax = maxOf([satellites, ...series.flat().filter(Number.isFinite)]);
  return drawn({
    title: `Life: ${fmt(satellites)} satellites, full capability after ${fmt(life.fullCapability_yr)} yr`,
    subtitle: [
      `${life.replacement}; least delivered fraction in steady state ${fmt(life.minDeliveredFraction)}; ` +
        `peak ${fmt(life.peakAnnualLaunches)} launches a year`,
      'grey dashed: full constellation',
    ],
    width: 640,
    height: 300,
    // whole years only, on a year axis that ends on ticks
    x: {
      title: 'calendar year',
      domain: years.length ? [minOf(years), maxOf(years)] : [0, 1],
      nice: true,
      integer: true,
      plain: true,
    },
    y: { title: 'satellites [-]', domain: [0, nMax], nice: true },
    marks,
    legends: [{ title: null, entries: SERIES.map((s, k) => ({ name: s, color: COLORS[k]!, symbol: 'circle' })) }],
  });
}

const money = (usd: number): string => `${fmt(usd / 1e6)} M`;
const orDash = (x: number | null): string => (x === null ? '–' : fmt(x));

/** The life table's two space/ground ratios, side by side after the year; each header says what it compares. */
export const LIFE_RATIO_TO_DATE = 'space/ground to date, discounted: every PFLOP-day delivered so far [-]';
export const LIFE_RATIO_VERDICT = "the verdict's space/ground: a generation built that year vs the ground then [-]";
/** Why the two ratios differ, in one line (under the life table). */
export const LIFE_RATIOS_DIFFER =
  "The two ratios differ because the verdict's prices one generation built in the year against the ground built " +
  'that year, while the ratio to date averages every PFLOP-day delivered so far, older generations included.';

/**
 * One row per year of the life; with the verdict's basis (./lifeBasis.ts) the discounted LCOC to date, the ground's on
 * the same chip trajectory and their ratio beside the undiscounted figure.
 */
export function lifeTable(life: Life, basis: LifeBasis | null = null): TableData {
  const pct = basis === null ? '' : `${fmt(100 * basis.discountRate_per_yr)} %`;
  return {
    headers: [
      'year',
      ...(basis === null ? [] : [LIFE_RATIO_TO_DATE, LIFE_RATIO_VERDICT]),
      'launched (expected)',
      'launches (expected)',
      'failed (expected)',
      'renewals due',
      'backlog (expected)',
      'in orbit (end of year)',
      'delivering (mean over the year)',
      'PFLOPS (mean over the year)',
      'spend [USD]',
      'cumulative [USD]',
      'LCOC to date, undiscounted [USD/PFLOP-day]',
      ...(basis === null
        ? []
        : [
            `LCOC to date, discounted at ${pct} (the verdict's basis) [USD/PFLOP-day]`,
            `ground (${basis.baseline}) to date, same chip trajectory, discounted [USD/PFLOP-day]`,
          ]),
    ],
    rows: life.years.map((y, k) => [
      String(y.year),
      ...(basis === null ? [] : [orDash(basis.years[k]!.ratioToDate), orDash(basis.years[k]!.verdictRatio ?? null)]),
      fmt(y.launched),
      fmt(y.launches),
      fmt(y.failed),
      fmt(y.renewed),
      fmt(y.backlog),
      fmt(y.inOrbit),
      fmt(y.delivering),
      fmt(y.deliveredPFLOPS),
      money(y.spend_USD),
      money(y.cumulative_USD),
      orDash(y.lcocToDate_USD_per_PFLOP_day),
      ...(basis === null
        ? []
        : [orDash(y.lcocDiscountedToDate_USD_per_PFLOP_day), orDash(basis.years[k]!.groundToDate_USD_per_PFLOP_day)]),
    ]),
  };
}

/** Each published roadmap checked against the life, in words. */
export function roadmapNotes(life: Life): string[] {
  return life.roadmaps.map((r) => {
    const what = r.quantity === 'satellites' ? 'working satellites' : 'IT power [W]';
    const got = r.achieved === null ? 'outside the life' : fmt(r.achieved);
    return (
      `roadmap ${r.met ? 'met' : 'NOT met'}: ${r.programme}, "${r.claim}" (${r.source}): ` +
      `${what} in ${r.year} ${got} against ${fmt(r.target)}`
    );
  });
}

/** The note under the life table: its basis, and parity read from it beside the verdict's, agreeing or why not. */
export function lifeBasisNote(b: LifeBasis, lastYear: number): string {
  const last = b.years[b.years.length - 1]?.ratioToDate ?? null;
  const table =
    b.parityYear !== null
      ? `parity read from the table: ${b.parityYear}`
      : `parity read from the table: none by ${lastYear} (space/ground to date ${last === null ? '–' : ratioText(last)} then)`;
  const v = b.verdictParity;
  const verdictBy = v !== null && v.year !== null && v.year <= lastYear + 1;
  const agree =
    v === null
      ? ''
      : verdictBy === (b.parityYear !== null)
        ? ' They agree on whether parity comes by the horizon.'
        : ' They differ: the verdict compares a generation built in a year with the ground built that year, the ' +
          'table every PFLOP-day delivered to date, older generations included.';
  return (
    `Life table basis: launched, launches, failed and backlog are expected values (fractional); "in orbit" is ` +
    `the end-of-year count, "delivering" and PFLOPS the mean over the year. LCOC to date is given undiscounted and ` +
    `discounted at ${fmt(100 * b.discountRate_per_yr)} %/yr (flows at mid-year), the verdict's basis; the ground ` +
    `(${b.baseline}) runs on the same chip trajectory: each year's PFLOP-days at the discounted LCOC of a data centre ` +
    `built that year, discounted alike. ${table}; the verdict's: ${v?.statement ?? 'none'}.${agree}`
  );
}
