/**
 * The environment section's plot and tables, read from answer.json's `environment` (src/run/answer/environment.ts):
 * the catalogue objects per 10 km of mean altitude by operator, stacked, the design's shells marked; under it each
 * shell's estimated approach rate and its band's occupants, the catalogue's date, and a screen's count beside the
 * estimate for the same window when one was recorded.
 */
import { fmt } from '../../base/numberFormat.js';
import { maxOf } from '../../base/arrays.js';
import type { AnswerEnvironment } from '../../run/answer/schema.js';
import { bandText } from '../decision/answerCard.js';
import { note, paragraph, table, type Block } from '../document/blocks.js';
import { TABLEAU10, drawn, type Bar, type Mark, type Scene } from '../../chart/chart.js';

const HOURS_PER_YEAR = 8766;
const SHELL_COLOR = '#111111';

/** Operator colours: tableau10 in the record's operator order, debris grey. */
const operatorColor = (name: string, i: number): string => (name === 'debris' ? '#9d9d9d' : TABLEAU10[i % 10]!);

/** The rows and blocks below the plot (see the header). */
function environmentBlocks(e: AnswerEnvironment): Block[] {
  const c = e.catalogue;
  const pm = `±${fmt(100 * e.relativeError)} %`;
  const blocks: Block[] = [
    paragraph(
      `Estimated ${fmt(e.approaches_per_sat_yr)} close approaches below ${fmt(e.threshold_km)} km per satellite-year ` +
        `(${pm}; ${fmt(e.approaches_per_yr)} a year for the ${fmt(e.satellites)} satellite${e.satellites === 1 ? '' : 's'}), ` +
        `from the catalogue's kinetic-gas flux: ${e.calibration}.`,
    ),
    table(
      [
        'shell',
        'altitude [km]',
        'inclination [deg]',
        'satellites [-]',
        `approaches < ${fmt(e.threshold_km)} km per satellite-year (estimate) [1/yr]`,
        `catalogue objects within ±${fmt(e.bandHalfWidth_km)} km (mean altitude)`,
      ],
      e.shells.map((s) => [
        s.name,
        fmt(s.altitude_km),
        fmt(s.inclination_deg),
        fmt(s.satellites),
        fmt(s.approaches_per_sat_yr),
        bandText(s.band, 7),
      ]),
    ),
    paragraph(
      `Catalogue: ${c.files.join(', ')}; ${fmt(c.objects)} objects propagated, epochs ${c.epochFirst.slice(0, 16)} to ` +
        `${c.epochLast.slice(0, 16)} UTC, median ${c.epochMedian.slice(0, 16)}` +
        (c.ageAtRun_d === null ? '.' : `, ${fmt(Math.round(c.ageAtRun_d))} days before the run started.`),
    ),
  ];
  const s = e.screen;
  if (s === null) return [...blocks, note(`No screen of this design recorded. ${e.note}`)];
  // the estimate for the screen's own window: rate × satellites × hours
  const expected = (e.approaches_per_yr * s.hours) / HOURS_PER_YEAR;
  return [
    ...blocks,
    paragraph(
      `Screen (${s.file}): ${fmt(s.hours)} h from ${s.start.slice(0, 16)} UTC found ${fmt(s.events)} approaches below ` +
        `${fmt(s.threshold_km)} km (${fmt(s.perSatelliteYear)} per satellite-year); the estimate for that window is ` +
        `${fmt(expected)} (${fmt(expected * (1 - e.relativeError))}–${fmt(expected * (1 + e.relativeError))}).`,
    ),
    table(
      ['below [km]', 'approaches found [-]', 'per satellite-year [1/yr]'],
      s.totals.map((t) => [fmt(t.below_km), fmt(t.events), fmt(t.perSatelliteYear)]),
    ),
    note(e.note),
  ];
}

/** The plot (see the header), its caption and the blocks under it. */
export function environmentPlot(e: AnswerEnvironment): {
  caption: string;
  svg: string;
  scenes: readonly Scene[];
  blocks: Block[];
} {
  const h = e.histogram;
  const bins = h.counts[0]?.length ?? 0;
  const to_km = h.from_km + bins * h.step_km;
  const bars: Bar[] = [];
  const tops = new Array<number>(bins).fill(0);
  h.operators.forEach((op, g) => {
    for (let b = 0; b < bins; b++) {
      const n = h.counts[g]![b]!;
      if (n === 0) continue;
      const x0 = h.from_km + b * h.step_km;
      bars.push({ x: [x0, x0 + h.step_km], y: [tops[b]!, tops[b]! + n], color: operatorColor(op, g) });
      tops[b]! += n;
    }
  });
  const shown = h.operators.filter((_, g) => h.counts[g]!.some((n) => n > 0));
  const marks: Mark[] = [
    { type: 'bars', bars },
    ...e.shells.map((s): Mark => ({
      type: 'rule',
      at: { x: s.altitude_km },
      color: SHELL_COLOR,
      width: 1.5,
      dash: '4 3',
    })),
  ];
  const d = drawn({
    width: 560,
    height: 260,
    x: { title: 'mean altitude [km]', domain: [h.from_km, to_km] },
    y: { title: `catalogue objects per ${fmt(h.step_km)} km [-]`, domain: [0, maxOf([1, ...tops])], nice: true },
    marks,
    legends: [
      {
        title: 'operator',
        entries: shown.map((op) => ({
          name: op,
          color: operatorColor(op, h.operators.indexOf(op)),
          symbol: 'square' as const,
        })),
      },
      { title: 'design', entries: [{ name: 'shell altitude', color: SHELL_COLOR, symbol: 'dash' as const }] },
    ],
  });
  return {
    caption:
      `Catalogue objects per ${fmt(h.step_km)} km of mean altitude by operator, ${fmt(h.from_km)}–${fmt(to_km)} km, ` +
      `with the design's shells (dashed); the snapshot of ${e.catalogue.epochMedian.slice(0, 10)}.`,
    ...d,
    blocks: environmentBlocks(e),
  };
}
