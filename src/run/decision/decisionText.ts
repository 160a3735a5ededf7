/**
 * The words every output uses for how the recommended design stands (src/run/decision/select.ts KneeStanding): whether
 * it may
 * be called recommended, its smallest margin against the study's select: rule, and P(all hold). The
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

/** What chose the recommended design: "knee", or the select.pick rule with its parameters ("TOPSIS (…) pick"). */
export const pickName = (s: KneeStanding | null | undefined): string =>
  s?.pick !== undefined ? `${s.pick} pick` : 'knee';

/** The margin sentence: the knee's smallest margin with the constraints at it, and how the select: rule went. */
export function marginText(s: KneeStanding): string | null {
  // how the rule went: which design it chose, or how far it looked and what falls short
  const chosen = s.selection;
  const exact = s.exact?.length
    ? `${s.exact.join(', ').replace(/, ([^,]*)$/, ' and $1')} met by a discrete choice (no margin to keep there)`
    : null;
  if (s.minMargin === null) return [exact, chosen].filter((t) => t !== null).join('; ') || null;
  const tight = [
    `smallest margin ${percentText(s.minMargin)} on ${s.tightest.join(', ')} (sizing closures aside)`,
    ...(exact === null ? [] : [exact]),
  ].join('; ');
  if (s.rule === null)
    return `${tight}; the ${s.pick !== undefined ? 'pick' : 'knee'} is chosen on the whole front regardless of margin`;
  return chosen === null ? tight : `${tight}; ${chosen}`;
}

/**
 * "P(all hold) = 2.0 % (95 % CI 0.8–4.5 %) over 256 samples of 9 compliance inputs (Latin hypercube, seed 7)", or why
 * none: the requirements and enforced checks at once, margins spent, economics inputs at nominal
 * (src/study/inputKinds.ts). Printed once, on the answer line (src/report/decision/answerLine.ts).
 */
export function jointText(s: KneeStanding): string | null {
  const j = s.joint;
  if (j !== null) {
    return (
      `P(all hold) = ${percentText(j.estimate)} (95 % CI ${percentText(j.lower).replace(' %', '')}–${percentText(j.upper)}) ` +
      `over ${j.samples} samples of ${j.inputs} compliance input${j.inputs === 1 ? '' : 's'} (Latin hypercube, seed ${j.seed})`
    );
  }
  return s.jointNone === null ? null : `P(all hold): not computed, ${s.jointNone}`;
}

/**
 * What the evaluated designs can keep when no Pareto design meets a margin rule (src/run/decision/achievable.ts): the
 * designs off the front that meet it, or the best margin any design keeps and the requirements that conflict, with
 * what to change.
 */
export function achievableText(s: KneeStanding): string | null {
  const a = s.achievable;
  if (a === null || a === undefined) return null;
  const policy = 'docs/runs.md §"Margin policy"';
  if (a.meeting > 0)
    return (
      `${a.meeting} of ${a.feasible} feasible evaluated designs keep ${s.rule} (the best, design ${a.bestIndex}, ` +
      `${percentText(a.bestMargin)}), none of them on the front: the search does not see the rule's margin; put the ` +
      `margins in the constraints or the design margins the search enforces (${policy})`
    );
  const best = `No evaluated design can: the best of ${a.feasible} feasible designs keeps ${percentText(a.bestMargin)} (design ${a.bestIndex})`;
  const [x, y] = a.conflict;
  const conflict =
    x === undefined
      ? ''
      : y === undefined
        ? `; ${x} alone reaches at most ${percentText(a.conflictMargin)}`
        : `; ${x} and ${y} conflict: no evaluated design keeps both above ${percentText(a.conflictMargin)}`;
  const widen = x === undefined ? '' : `, or widen the limit of ${a.conflict.join(' or ')}`;
  return `${best}${conflict}. Lower the rule's margin to at most ${percentText(a.bestMargin)}${widen} (${policy})`;
}

/**
 * The standing's sentences in order (margin, what can be achieved); none for a run of older odc. P(all hold) is on
 * the answer line (src/report/decision/answerLine.ts), not repeated here.
 */
export function standingTexts(s: KneeStanding | null | undefined): string[] {
  if (s === null || s === undefined) return [];
  return [marginText(s), achievableText(s)].filter((t): t is string => t !== null);
}
