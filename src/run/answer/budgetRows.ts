/**
 * The rows of a budget table (label, value, unit, note) and the record fields they show: one shape for what `odc
 * evaluate` prints, the reports draw, the explorer receives and the answer record (answer.json) stores.
 */
import type { DesignRecord } from '../../node/record/record.js';
import { designRecordSchema } from '../../node/record/recordSchema.js';
import { lazy } from '../../base/lazy.js';
import { fmt } from '../../base/numberFormat.js';
import { numericLeaves } from '../../base/zodPaths.js';

export interface BudgetRow {
  readonly label: string;
  readonly value: string;
  readonly unit: string;
  readonly note?: string;
  /** The value as a number in `unit`, when it is one (what a comparison of two designs subtracts). */
  readonly x?: number;
  /** The record field the row shows (`orbit.altitude_km`), when it shows one: the row's identity across designs. */
  readonly key?: string;
}
export interface BudgetSection {
  readonly title: string;
  readonly rows: readonly BudgetRow[];
}

export const row = (label: string, value: number | string, unit: string, note?: string): BudgetRow => ({
  label,
  value: typeof value === 'number' ? fmt(value) : value,
  unit,
  ...(note !== undefined ? { note } : {}),
  ...(typeof value === 'number' ? { x: value } : {}),
});

/** Display units a budget shows an SI unit in, with the factor: `power.bolPower_W` in kW. */
const SCALED = {
  kW: ['W', 1e3],
  kWh: ['Wh', 1e3],
  MW: ['W', 1e6],
  t: ['kg', 1e3],
  'M USD': ['USD', 1e6],
  'bn USD': ['USD', 1e9],
} as const;

/**
 * Rows of the record fields of `schema`, a section at a time: `fieldRows(s)(r, 'orbit')('period_min')` is the row of
 * orbit.period_min, labelled with the field's schema title, in the unit its description ends with (`[min]`) or in
 * `unit`, a scaled display unit of it (kW for W); a null value reads n/a.
 */
export function fieldRows(schema: () => unknown) {
  const leaves = lazy(() => new Map(numericLeaves(schema(), '', true).map((l) => [l.path, l])));
  return <R, S extends keyof R & string>(r: R, section: S) =>
    (key: keyof R[S] & string, note?: string, unit?: keyof typeof SCALED): BudgetRow => {
      const leaf = leaves().get(`${section}.${key}`);
      const si = leaf && /\[([^\]]+)\]\.?$/.exec(leaf.description)?.[1];
      if (leaf?.title === undefined || si === undefined || (unit !== undefined && SCALED[unit][0] !== si))
        throw new Error(`budget: ${section}.${key} needs a schema title and a [unit] description`);
      const v = (r[section] as Record<string, number | null>)[key]!;
      const shown = row(leaf.title, v === null ? 'n/a' : unit ? v / SCALED[unit][1] : v, unit ?? si, note);
      return { ...shown, key: `${section}.${key}` };
    };
}
const nodeFields = fieldRows(designRecordSchema);

/** "2038.2 (2035.1–after 2045)": the central parity year and its band, one beyond the search as "after <last>". */
export function parityBandText(
  b: { parityYear: number | null; parityYearLow: number | null; parityYearHigh: number | null },
  search: string,
): string {
  const last = /–(\d{4})/.exec(search)?.[1] ?? 'the search range';
  const y = (year: number | null) => (year === null ? `after ${last}` : year.toFixed(1));
  return `${y(b.parityYear)} (${y(b.parityYearLow)}–${y(b.parityYearHigh)})`;
}

/** The first-unit hardware lines of a record, labelled (they sum to its hardware_USD); one list for every view. */
export function hardwareLines(k: DesignRecord['cost']): [string, number][] {
  const parts = ['chips', 'array', 'radiator', 'battery', 'bus', 'isl', 'other'] as const;
  const f = nodeFields({ cost: k }, 'cost');
  return [...parts.map((p) => `${p}Hardware_USD` as const), 'ait_USD' as const].map((key) => [f(key).label, k[key]]);
}
