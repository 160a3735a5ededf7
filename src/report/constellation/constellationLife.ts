/**
 * The constellation report's life view: the record's year-by-year life (src/constellation/economics/life.ts) as a
 * plot of the delivering fleet (its sawtooth of failures and resupply) and the satellites launched each year against
 * the full constellation, and a year table (launched, failed, renewed, in orbit, delivering, compute, spend, LCOC to
 * date), with the published roadmaps it is checked against as notes. Pure functions of the record's lists; the plot
 * is SVG written directly (extrasChart.ts).
 */
import { maxOf, minOf } from '../../base/arrays.js';
import { fmt } from '../../base/numberFormat.js';
import type { ConstellationRecord } from '../../constellation/record/record.js';
import type { TableData } from '../document/blocks.js';
import { circleMark, linear, niceMax, px, text, textWidth, ticks, tickStep } from '../plots/svg.js';
import {
  type AxisSpec,
  chartSvg,
  frameAxes,
  linearTicks,
  placeFrame,
  pointMarks,
  polyline,
  ruleAt,
  tickCount,
  titleBlock,
} from './extrasChart.js';

type Life = ConstellationRecord['life'];

const SERIES = ['delivering (mean over the year)', 'in orbit (end of year)', 'launched in the year'] as const;
/** The series' colours: vega's default category colours (tableau10), in SERIES order. */
const COLORS = ['#4c78a8', '#f58518', '#e45756'] as const;

/** The untitled legend above the plot: the series in one row from x. */
function topLegend(x: number, y: number): string {
  const out = ['<g class="mark-group role-legend">'];
  let at = x;
  SERIES.forEach((s, i) => {
    out.push(
      `<g class="role-legend-entry" transform="translate(${px(at + 6)},${px(y + 7)})">${circleMark(COLORS[i]!)}</g>`,
      text(at + 16, y + 7, s, { size: 12, baseline: 'middle' }),
    );
    at += 16 + textWidth(s, 12) + 24;
  });
  return `${out.join('')}</g>`;
}

/**
 * Delivering, in orbit and launched satellites by calendar year, the full constellation dashed. The year axis ends on
 * ticks (vega's nice domain) and labels whole years only.
 */
export async function lifeSvg(life: Life, satellites: number): Promise<string> {
  const series = life.years.map((y) => [y.delivering, y.inOrbit, y.launched] as const);
  const years = life.years.map((y) => y.year);
  const head = titleBlock(
    `Life: ${fmt(satellites)} satellites, full capability after ${fmt(life.fullCapability_yr)} yr`,
    [
      `${life.replacement}; least delivered fraction in steady state ${fmt(life.minDeliveredFraction)}; ` +
        `peak ${fmt(life.peakAnnualLaunches)} launches a year`,
      'grey dashed: full constellation',
    ],
  );
  const width = 640,
    height = 300;
  const nMax = niceMax(maxOf([satellites, ...series.flat().filter(Number.isFinite)]), tickCount(height));
  const yt = linearTicks(0, nMax, tickCount(height));
  const yTitle = 'satellites [-]';
  const f = placeFrame(head.bottom + 24, { labels: yt.labels, title: yTitle }, width, height);
  const sy = linear(0, nMax, f.y + height, f.y);
  const y: AxisSpec = { at: yt.values.map(sy), labels: yt.labels, title: yTitle, grid: true };
  const first = minOf(years),
    last = maxOf(years);
  const step = tickStep(first, last, tickCount(width));
  const [x0, x1] = step > 0 ? [Math.floor(first / step) * step, Math.ceil(last / step) * step] : [first - 1, last + 1];
  const sx = linear(x0, x1, f.x, f.x + width);
  const xs = ticks(x0, x1, tickCount(width)).values.filter((v) => Number.isInteger(v));
  const x: AxisSpec = { at: xs.map(sx), labels: xs.map(String), title: 'calendar year', grid: true };
  const pts = SERIES.map((_, k) =>
    life.years.flatMap((yr, i) => {
      const n = series[i]![k]!;
      return Number.isFinite(n) ? [{ x: sx(yr.year), y: sy(n) }] : [];
    }),
  );
  const lines = pts.map((p, k) => polyline(p, `stroke="${COLORS[k]}"`));
  const body =
    frameAxes(f, x, y) +
    ruleAt(f, sy(satellites), '4,4') +
    `<g class="mark-line role-mark" fill="none" stroke-width="2">${lines.join('')}</g>` +
    pointMarks(pts.flatMap((p, k) => p.map((q) => ({ ...q, color: COLORS[k]! })))) +
    topLegend(f.x, head.bottom);
  return chartSvg(head, f, body, [], yTitle);
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
