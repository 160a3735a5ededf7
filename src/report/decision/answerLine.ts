/**
 * The run's answer in one line, the same words in the terminal summary, report.html/report.md's first screen and the
 * explorer: what the recommended design is and how it stands against the ground together, P(all hold) once —
 * "Recommended: the knee, design 48366 — 77 × gb300, 553 km SSO, … — 4.5× hyperscale-virginia's discounted cost of
 * delivered compute (ground cheaper in all 5 scenarios, 3.8–4.7×); does not reach parity by 2045: …; P(all hold) …".
 * The ratio is the verdict's (discounted programme against the design's economics.baseline scenario); the range and
 * tally are over every terrestrial scenario on that basis.
 */
import { maxOf, minOf } from '../../base/arrays.js';
import { fmt } from '../../base/numberFormat.js';
import { ratioProblem, ratioText } from '../../base/verdictText.js';
import { jointText, kneeLabel, pickName } from '../../run/decision/decisionText.js';
import { designLabel } from '../../run/decision/recommend.js';
import type { DecisionSummary, RecommendedDesign } from '../../run/schemas.js';

/** "8.0–9.9×" over the finite ratios; a ratio that is not finite is named in words, never printed as ∞ or NaN. */
export function ratioRangeText(ratios: readonly number[]): string {
  const finite = ratios.filter((r) => ratioProblem(r) === undefined);
  const others = ratios.length - finite.length;
  if (finite.length === 0) return ratioProblem(ratios[0] ?? Number.NaN)!;
  const lo = minOf(finite);
  const hi = maxOf(finite);
  const range = `${fmt(lo)}–${fmt(hi)}×`;
  return others === 0 ? range : `${range}; ${others} scenario(s) without a finite ratio`;
}

/** "ground cheaper in all 5 scenarios", "space cheaper in 2 of 5 scenarios (a, b)". */
function tallyText(v: RecommendedDesign['verdicts']): string {
  const cheaper = v.filter((x) => x.spaceToTerrestrial < 1).map((x) => x.baseline);
  const n = `${v.length} scenario${v.length === 1 ? '' : 's'}`;
  if (cheaper.length === 0) return `ground cheaper in ${v.length === 1 ? 'the' : 'all'} ${n}`;
  if (cheaper.length === v.length) return `space cheaper in ${v.length === 1 ? 'the' : 'all'} ${n}`;
  return `space cheaper in ${cheaper.length} of ${n} (${cheaper.join(', ')})`;
}

/** The verdict clause of a design: its ratio to its baseline, the tally and range, its parity; null without one. */
export function verdictClause(x: RecommendedDesign): string | null {
  const v = x.verdicts;
  if (v.length === 0) return null;
  const own = v.find((y) => y.baseline === x.baseline) ?? v[0]!;
  const basis = own.basis === 'discounted' ? 'discounted ' : '';
  const clause =
    `${ratioText(own.spaceToTerrestrial)} ${own.baseline}'s ${basis}cost of delivered compute (${tallyText(v)}` +
    `${v.length > 1 ? `, ${ratioRangeText(v.map((y) => y.spaceToTerrestrial))}` : ''})`;
  return x.parity !== undefined ? `${clause}; ${x.parity}` : clause;
}

/** The answer line (see the header), or null when the run has no recommended design. */
export function answerLine(d: DecisionSummary): string | null {
  const knee = d.designs[0];
  if (knee === undefined) return null;
  const verdict = verdictClause(knee);
  const joint = d.standing !== null && d.standing !== undefined ? jointText(d.standing) : null;
  return (
    `${kneeLabel(d.standing)}: the ${pickName(d.standing)}, ${designLabel(knee)}` +
    `${knee.roles.length > 1 ? ` (also ${knee.roles.slice(1).join(', ')})` : ''} — ${knee.configuration}` +
    (verdict !== null ? ` — ${verdict}` : '') +
    (joint !== null ? `; ${joint}` : '')
  );
}
