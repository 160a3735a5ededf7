/**
 * Every numeric metric of the design record, by dotted path, in record order: what study objectives and constraints
 * may name, read from the record's schema (./recordSchema.ts) so the list cannot drift from the record. Getters:
 * listing them builds the record schema, which only node studies and analyses need.
 */
import { didYouMean } from '../../base/errors.js';
import { lazy } from '../../base/lazy.js';
import { numericLeaves } from '../../base/zodPaths.js';
import { designRecordSchema } from './recordSchema.js';

/** The metric paths, nullable numbers included. */
export const metricPaths = lazy((): readonly string[] =>
  numericLeaves(designRecordSchema(), '', true).map((l) => l.path),
);
/** Metrics that are null, with the reason in the record, when the model cannot give them (read as NaN by studies). */
export const nullableMetricPaths = lazy((): ReadonlySet<string> => {
  const numbers = new Set(numericLeaves(designRecordSchema()).map((l) => l.path));
  return new Set(metricPaths().filter((p) => !numbers.has(p)));
});
const metricSet = lazy((): ReadonlySet<string> => new Set(metricPaths()));
export const isMetricPath = (p: string): boolean => metricSet().has(p);

/** Each record number's declared unit, the `[unit]` closing its description (fields.ts, costFields.ts). */
const declaredUnits = lazy(
  (): ReadonlyMap<string, string> =>
    new Map(
      numericLeaves(designRecordSchema(), '', true).flatMap((l) => {
        const m = /\[([^\]]+)\]\.?$/.exec(l.description);
        return m === null ? [] : [[l.path, m[1]!] as const];
      }),
    ),
);

/**
 * A metric's unit: a record number's declared unit; otherwise (variables, other records' paths) read from the key's
 * suffix: `lcoc_USD_per_PFLOP_day` → `USD/PFLOP-day`, `radiatorArea_m2` → `m²`.
 */
export function unitOf(path: string): string {
  const declared = declaredUnits().get(path);
  if (declared !== undefined) return declared;
  // A statistic over uncertainty samples (`p90(cost.lcoc_USD_per_PFLOP_day)`, `sd(mass.launch_kg)`) carries its
  // metric's unit.
  const wrapped = /^[a-z][a-z0-9]*\((.+)\)$/.exec(path);
  if (wrapped) return unitOf(wrapped[1]!);
  // Statistics of a quantity (`isl.linkRange_km.max`) carry the quantity's unit.
  const stat = /\.(min|mean|max)$/.exec(path);
  if (stat) return unitOf(path.slice(0, stat.index));
  const key = path.slice(path.lastIndexOf('.') + 1);
  // `costPerChipHour_USD` → USD/chip-h, `costPerMWhDiscounted_USD` → USD/MWh
  const per = /^(?:terrestrial)?[cC]ostPer(ChipHour|MWh)(?:Discounted)?_USD$/.exec(key);
  if (per) return `USD/${per[1] === 'ChipHour' ? 'chip-h' : 'MWh'}`;
  if (key === 'peakPFLOPS' || key === 'deliveredPFLOPS') return 'PFLOPS';
  if (key === 'kW_per_t') return 'kW/t';
  if (key === 'parityYear' || key === 'parityYearLow' || key === 'parityYearHigh') return 'yr';
  const cut = key.indexOf('_');
  if (cut < 0) return '-';
  return key
    .slice(cut + 1)
    .replace(/^per_/, '1/')
    .replace(/_per_/g, '/')
    .replace(/^mm_al$/, 'mm Al')
    .replace(/PFLOP_day/, 'PFLOP-day')
    .replace(/^deg_s$/, 'deg/s')
    .replace(/^per_km3$/, '1/km³')
    .replace(/m_s/, 'm/s')
    .replace(/km_s/, 'km/s')
    .replace(/kg_m3/, 'kg/m³')
    .replace(/kg_m2/, 'kg/m²')
    .replace(/W_m2/, 'W/m²')
    .replace(/m2$/, 'm²')
    .replace(/m3$/, 'm³')
    .replace(/KWyr/, 'kW-yr');
}

/** "Unknown metric" message with a suggestion. */
export function unknownMetricHint(path: string): string {
  const guess = didYouMean(path, metricPaths());
  return guess
    ? `did you mean ${guess}?`
    : `metrics are named section.key, e.g. cost.lcoc_USD_per_PFLOP_day (run 'odc metrics' to list them)`;
}

/** Value at a dotted path of a record, or undefined. */
export function metricValue(record: unknown, path: string): number | undefined {
  let v: unknown = record;
  for (const part of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return typeof v === 'number' ? v : undefined;
}

/** A fast accessor for a metric path (split once): NaN when the record has no number there. */
export function metricGetter(path: string): (record: unknown) => number {
  const [section, key] = path.split('.') as [string, string];
  return (record) => {
    const v = (record as Record<string, Record<string, unknown> | undefined>)[section]?.[key];
    return typeof v === 'number' ? v : NaN;
  };
}
