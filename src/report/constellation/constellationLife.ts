/**
 * The constellation report's life view: the record's year-by-year life (src/constellation/economics/life.ts) as a
 * plot of the delivering fleet (its sawtooth of failures and resupply) and the satellites launched each year against
 * the full constellation, and a year table (launched, failed, renewed, in orbit, delivering, compute, spend, LCOC to
 * date), with the published roadmaps it is checked against as notes. Pure functions of the record's lists.
 */
import { fmt } from '../../base/numberFormat.js';
import type { ConstellationRecord } from '../../constellation/record/record.js';
import type { TableData } from '../document/blocks.js';
import { renderPlotSvg } from './constellationPlotsSeries.js';

type Life = ConstellationRecord['life'];

const SERIES = ['delivering (mean over the year)', 'in orbit (end of year)', 'launched in the year'] as const;

/** Delivering, in orbit and launched satellites by calendar year, the full constellation dashed. */
export async function lifeSvg(life: Life, satellites: number): Promise<string> {
  const values = life.years.flatMap((y) => [
    { year: y.year, n: y.delivering, s: SERIES[0] },
    { year: y.year, n: y.inOrbit, s: SERIES[1] },
    { year: y.year, n: y.launched, s: SERIES[2] },
  ]);
  const x = { field: 'year', type: 'quantitative', title: 'calendar year', axis: { format: 'd' } };
  const y = { field: 'n', type: 'quantitative', title: 'satellites [-]' };
  return renderPlotSvg(
    {
      width: 640,
      height: 300,
      title: {
        text: `Life: ${fmt(satellites)} satellites, full capability after ${fmt(life.fullCapability_yr)} yr`,
        subtitle: [
          `${life.replacement}; least delivered fraction in steady state ${fmt(life.minDeliveredFraction)}; ` +
            `peak ${fmt(life.peakAnnualLaunches)} launches a year`,
          'grey dashed: full constellation',
        ],
      },
      layer: [
        {
          data: { values: [{ n: satellites }] },
          mark: { type: 'rule', color: '#999', strokeDash: [4, 4] },
          encoding: { y },
        },
        {
          data: { values },
          mark: { type: 'line', point: true },
          encoding: {
            x,
            y,
            color: {
              field: 's',
              type: 'nominal',
              title: null,
              scale: { domain: [...SERIES] },
              legend: { orient: 'top' },
            },
          },
        },
      ],
    },
    'life',
  );
}

const money = (usd: number): string => `${fmt(usd / 1e6)} M`;
const orDash = (x: number | null): string => (x === null ? '–' : fmt(x));

/** One row per year of the life. */
export function lifeTable(life: Life): TableData {
  return {
    headers: [
      'year',
      'launched',
      'launches',
      'failed',
      'renewals due',
      'backlog',
      'in orbit',
      'delivering',
      'PFLOPS',
      'spend [USD]',
      'cumulative [USD]',
      'LCOC to date [USD/PFLOP-day]',
    ],
    rows: life.years.map((y) => [
      String(y.year),
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
