/**
 * A run's one hypervolume, with the normalization it is measured on: the final front's exact hypervolume (run.json
 * history, last row: the archive's non-dominated designs before near-duplicates are collapsed) with every objective
 * minimized and scaled so that `ideal` → 0 and `nadir` → 1 (run.json `normalization`: the final front's ideal and
 * nadir, or a benchmark's fixed ones), against the reference point `reference` (1.1 in every objective). `odc run`,
 * the report, `odc compare` and `odc serve` print this same figure with these same words; a comparison of several
 * runs adds its own figure on the common normalization of their union, named as such (src/report/compare).
 * Pure: a function of run.json's content.
 */
import { fmt } from '../base/numberFormat.js';
import type { Normalization } from './history.js';
import type { GenerationStats } from './schemas.js';

export interface RunHypervolume {
  readonly value: number;
  /** Set when the value is a Monte Carlo estimate (4+ objectives, large fronts). */
  readonly standardError?: number;
  /** Designs of the final front it is measured on. */
  readonly frontSize: number;
  readonly normalization: Normalization;
}

/** The run's hypervolume from run.json (null while running, or for a run of older odc without a normalization). */
export function runHypervolumeFigure(meta: {
  readonly history?: readonly GenerationStats[] | undefined;
  readonly normalization?: Normalization | undefined;
}): RunHypervolume | null {
  const last = meta.history?.[meta.history.length - 1];
  if (last === undefined || meta.normalization === undefined || !Number.isFinite(last.hypervolume)) return null;
  return {
    value: last.hypervolume,
    ...(last.hypervolumeStandardError !== undefined ? { standardError: last.hypervolumeStandardError } : {}),
    frontSize: last.frontSize,
    normalization: meta.normalization,
  };
}

const vector = (v: readonly number[]): string => `(${v.map((x) => fmt(x)).join(', ')})`;

/** "0.6032" or "0.6032 ± 0.0012" (an estimate's standard error). */
export function hypervolumeValueText(h: RunHypervolume): string {
  return `${h.value.toFixed(4)}${h.standardError !== undefined ? ` ± ${h.standardError.toPrecision(2)}` : ''}`;
}

/** The normalization in words: "final front of 10 designs; objectives minimized, ideal (…) → 0, nadir (…) → 1, …". */
export function normalizationText(h: RunHypervolume, front = 'final front'): string {
  const n = h.normalization;
  const ref = n.reference.every((r) => r === n.reference[0])
    ? `${fmt(n.reference[0] ?? 1.1)} in every objective`
    : vector(n.reference);
  return (
    `${front} of ${h.frontSize} designs; objectives minimized (maximized ones negated) and scaled so that ideal ` +
    `${vector(n.ideal)} → 0 and nadir ${vector(n.nadir)} → 1; reference point ${ref}`
  );
}

/** "hypervolume 0.6032 (final front of 10 designs; …)": the one text of a run's hypervolume. */
export function hypervolumeText(h: RunHypervolume): string {
  return `hypervolume ${hypervolumeValueText(h)} (${normalizationText(h)})`;
}
