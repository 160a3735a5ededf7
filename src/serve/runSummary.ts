/**
 * What `odc run` printed of a served run, for the explorer's header: its answer card (answer.json), the knee lines the
 * card does not hold and the hypervolume (run.json), and for a seed folder the multi-seed run's answer (seeds.json and
 * that folder's answer.json). Read from the run folder's files; nothing is evaluated.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { hypervolumeText, hypervolumeValueText, runHypervolumeFigure } from '../run/hypervolumeFigure.js';
import { kneeBindingLines, kneeDetailLines, kneeLines } from '../report/decision/summary.js';
import type { CardRow } from '../report/decision/answerCard.js';
import { answerCardOf } from './answerFile.js';
import { decisionSchema, type DecisionSummary, type RunMeta } from '../run/schemas.js';
import { SEEDS_FILE } from '../run/multiSeed.js';
import type { Normalization } from '../run/hypervolumeRule.js';

/** What `odc run` printed of a complete run (the explorer's RunInfo carries these). */
export interface RunSummary {
  /** A complete run's hypervolume as `odc run` printed it, with its normalization (src/run/hypervolumeFigure.ts). */
  readonly hypervolume: string | null;
  /** Its value alone ("1.0340", or an estimate's "0.6032 ± 0.0012"), for the run's line in the legend. */
  readonly hypervolumeValue: string | null;
  /**
   * A complete run's recommended knee as `odc run` printed it: how it stands, what it was sized to and what binds it
   * (run.json `decision`, the lines of src/report/decision/summary.ts).
   */
  readonly decision: readonly string[];
  /**
   * A complete run's answer card (answer.json); `decision` then holds what the card does not say. Null without one.
   */
  readonly card: readonly CardRow[] | null;
  /**
   * A complete run's hypervolume normalization (run.json; objectives minimized, ideal → 0, nadir → 1): the explorer's
   * optimization history measures on it. Null while running.
   */
  readonly normalization: Normalization | null;
}

/** The multi-seed run's answer, shown above a seed folder's own knee. */
export interface RunAnswer {
  readonly source: string;
  readonly lines: readonly string[];
  /** The multi-seed folder's answer card (its answer.json), null without one. */
  readonly card: readonly CardRow[] | null;
}

/** Decision lines as `odc run` prints them (run.json's or seeds.json's `decision`); with a card, what it lacks. */
const decisionLines = (d: DecisionSummary, card = false): string[] =>
  [
    ...(card ? kneeDetailLines(d, true) : kneeLines(d)),
    ...kneeBindingLines(d, card),
    ...(d.noAnswer !== undefined ? [d.noAnswer] : []),
  ].map((l) => l.trim());

/**
 * The answer of the multi-seed run a seed folder `<out>/seed-<s>/` belongs to: `<out>/seeds.json`'s decision when it
 * lists this folder among its seeds; null otherwise, or when seeds.json cannot be read as odc writes it.
 */
export function multiSeedAnswerOf(dir: string): RunAnswer | null {
  const out = dirname(dir);
  const path = join(out, SEEDS_FILE);
  if (!existsSync(path)) return null;
  try {
    const raw = JSON.parse(readFileSync(path, 'utf8')) as {
      seeds?: { seed: number; runDir: string }[];
      decision?: unknown;
    };
    const seeds = raw.seeds ?? [];
    if (!seeds.some((s) => s.runDir === basename(dir))) return null;
    const d = decisionSchema().safeParse(raw.decision);
    if (!d.success) return null;
    return {
      source: `${basename(out)}/${SEEDS_FILE}: the knee of the union front of seeds ${seeds.map((s) => s.seed).join(', ')}`,
      lines: decisionLines(d.data),
      card: answerCardOf(out),
    };
  } catch {
    return null;
  }
}

/** What `odc run` printed of a complete run: its hypervolume and its knee (the same functions, from run.json). */
export function runSummaryOf(meta: RunMeta, dir: string): RunSummary {
  const h = meta.status === 'complete' ? runHypervolumeFigure(meta) : null;
  const d = meta.status === 'complete' ? meta.decision : undefined;
  const card = d === undefined ? null : answerCardOf(dir);
  return {
    hypervolume: h === null ? null : hypervolumeText(h),
    hypervolumeValue: h === null ? null : hypervolumeValueText(h),
    decision: d === undefined ? [] : decisionLines(d, card !== null),
    card,
    normalization: meta.status === 'complete' ? (meta.normalization ?? null) : null,
  };
}
