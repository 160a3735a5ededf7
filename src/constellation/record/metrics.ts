/**
 * Metric paths of the constellation record that objectives and constraints of constellation studies may
 * name (`totals.lcoc_USD_per_PFLOP_day`, `network.p99Latency_ms`, `isl.linkRange_km.max`, …): every number
 * in the record outside its lists, read from the record's schema so the list cannot drift from the record.
 * The self-conjunction screen gives `environment.minSeparation_km` (closest approach of any two satellites),
 * `environment.conjunctions.pairsBelow` (satellite pairs closer than the required separation) and
 * `environment.conjunctions.required_km`; the per-pair and per-shell lists are not metrics.
 */
import { didYouMean } from '../../base/errors.js';
import { lazy } from '../../base/lazy.js';
import { numericLeaves } from '../../base/zodPaths.js';
import { constellationRecordSchema } from './recordSchema.js';

/**
 * The metric paths, nullable numbers included (a null reads as NaN: a failed point). A getter: listing them builds the
 * record schema, which only constellation commands need.
 */
export const constellationMetricPaths = lazy((): readonly string[] =>
  numericLeaves(constellationRecordSchema(), '', true)
    .map((l) => l.path)
    .filter((p) => p !== 'schemaVersion'),
);
const metricSet = lazy((): ReadonlySet<string> => new Set(constellationMetricPaths()));

export const isConstellationMetric = (p: string): boolean => metricSet().has(p);

export function unknownConstellationMetricHint(path: string): string {
  const guess = didYouMean(path, constellationMetricPaths());
  return guess
    ? `did you mean ${guess}?`
    : "constellation metrics are named like totals.cost_USD or network.p99Latency_ms (run 'odc metrics --kind constellation' to list them)";
}

/** Accessor for a dotted path of any depth (split once): NaN when the record has no number there. */
export function pathGetter(path: string): (record: unknown) => number {
  const parts = path.split('.');
  return (record) => {
    let v: unknown = record;
    for (const p of parts) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
    return typeof v === 'number' ? v : NaN;
  };
}
