/**
 * How much each objective varies across the reported front, and whether the front is flat in it: a front whose
 * designs differ by under FLAT_SPREAD of an objective's magnitude offers no real trade in that objective, whatever its
 * plots look like once stretched to their range. Relative spread = (max − min) / max(|min|, |max|) over the Pareto
 * designs (0 when every value is 0). Written into run.json's decision (`spread`) and said by the terminal summary and
 * the report's first screen (src/run/decision/decisionText.ts). Pure: a function of pareto.json's content.
 */
import { maxOf, minOf } from '../../base/arrays.js';
import { fmt } from '../../base/numberFormat.js';
import type { ParetoFile } from '../paretoFile.js';
import type { ObjectiveSpread } from '../schemas.js';

/** A robust study's sample count and its statistic objectives (answer.json `robust`). */
export interface RobustSamples {
  readonly samples: number;
  readonly statistics: readonly { readonly objective: string }[];
}

/** An objective whose relative spread across the front is under this (2 %) is called flat. */
export const FLAT_SPREAD = 0.02;

/** Each objective's spread over the Pareto designs (empty without designs). */
export function frontSpread(pareto: Pick<ParetoFile, 'objectives' | 'designs'>): ObjectiveSpread[] {
  if (pareto.designs.length === 0) return [];
  return pareto.objectives.map((o) => {
    const vals = pareto.designs.map((d) => d.objectives[o.name]!).filter(Number.isFinite);
    const min = minOf(vals);
    const max = maxOf(vals);
    const mag = Math.max(Math.abs(min), Math.abs(max));
    const relative = mag > 0 ? (max - min) / mag : 0;
    return {
      objective: o.name,
      unit: o.unit,
      min,
      max,
      relative,
      flat: pareto.designs.length > 1 && relative < FLAT_SPREAD,
    };
  });
}

const pct = (x: number): string => `${(100 * x).toPrecision(2)} %`;

/**
 * "spread across the front: cost.lcoc_USD_per_PFLOP_day 0.90 % (290–293 USD/PFLOP-day), …; FLAT in
 * cost.lcoc_USD_per_PFLOP_day (under 2 %): …", or null for a front of one design or none.
 */
export function spreadText(
  spread: readonly ObjectiveSpread[] | undefined,
  designs: number,
  robust?: RobustSamples,
): string | null {
  if (spread === undefined || spread.length === 0 || designs < 2) return null;
  // a robust statistic's range says how many samples each value is over
  const over = (objective: string): string =>
    robust?.statistics.some((x) => x.objective === objective) ? `, ${fmt(robust.samples)} samples` : '';
  const each = spread
    .map(
      (s) =>
        `${s.objective} ${pct(s.relative)} (${fmt(s.min)}–${fmt(s.max)}${s.unit === '-' ? '' : ` ${s.unit}`}${over(s.objective)})`,
    )
    .join(', ');
  const flat = spread.filter((s) => s.flat).map((s) => s.objective);
  const verdict =
    flat.length === 0
      ? ''
      : `; FLAT in ${flat.join(', ')} (under ${pct(FLAT_SPREAD)}): the ${designs} designs are nearly one design there, not a trade`;
  return `spread across the front: ${each}${verdict}`;
}
