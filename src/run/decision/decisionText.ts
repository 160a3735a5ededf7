/**
 * The words every output uses for how the recommended design stands (src/run/decision/select.ts KneeStanding): whether
 * it may
 * be called recommended, its smallest margin against the study's select: rule, and P(all constraints hold). The
 * terminal summary, report.html/report.md's first screen and the explorer print these same sentences.
 *
 * A design whose smallest margin (sizing closures aside) is at most BINDING_MARGIN, or that does not meet the study's
 * rule, is never called recommended without its margin said in the same breath.
 */
import { percentText } from '../../base/numberFormat.js';
import { BINDING_MARGIN } from './binding.js';
import type { KneeStanding } from '../schemas.js';

/** Whether the knee may be called recommended with nothing added: it meets the rule and keeps a margin. */
function holds(s: KneeStanding): boolean {
  return s.qualified && (s.minMargin === null || s.minMargin > BINDING_MARGIN || s.rule !== null);
}

/**
 * "Recommended"; "Recommended at 0.0 % margin (the study sets no select: rule)"; or "Not recommended as is (0.0 %
 * margin; no Pareto design meets the study's select: every constraint ≥ 5 % margin)": what the knee is called.
 */
export function kneeLabel(s: KneeStanding | null | undefined): string {
  if (s === null || s === undefined || holds(s)) return 'Recommended';
  const at = s.minMargin === null ? '' : `${percentText(s.minMargin)} margin`;
  return s.qualified
    ? `Recommended at ${at} (the study sets no select: rule)`
    : `Not recommended as is (${at ? `${at}; ` : ''}no Pareto design meets the study's select: ${s.rule})`;
}

/** The margin sentence: the knee's smallest margin with the constraints at it, and how the select: rule went. */
export function marginText(s: KneeStanding): string | null {
  const chosen = s.qualified ? s.selection : null;
  if (s.minMargin === null) return chosen;
  const tight = `smallest margin ${percentText(s.minMargin)} on ${s.tightest.join(', ')} (sizing closures aside)`;
  if (s.rule === null) return `${tight}; the knee is chosen on the whole front regardless of margin`;
  return chosen === null ? tight : `${tight}; ${chosen}`;
}

/** "P(all constraints hold) = 2.0 % (95 % CI 0.8–4.5 %) over 256 samples of 9 uncertain inputs", or why none. */
export function jointText(s: KneeStanding): string | null {
  const j = s.joint;
  if (j !== null) {
    return (
      `P(all constraints hold) = ${percentText(j.estimate)} (95 % CI ${percentText(j.lower).replace(' %', '')}–${percentText(j.upper)}) ` +
      `over ${j.samples} samples of ${j.inputs} uncertain input${j.inputs === 1 ? '' : 's'} (Latin hypercube, seed ${j.seed})`
    );
  }
  return s.jointNone === null ? null : `P(all constraints hold): not computed, ${s.jointNone}`;
}

/** The standing's sentences in order (margin, then probability); none for a run of older odc. */
export function standingTexts(s: KneeStanding | null | undefined): string[] {
  if (s === null || s === undefined) return [];
  return [marginText(s), jointText(s)].filter((t): t is string => t !== null);
}
