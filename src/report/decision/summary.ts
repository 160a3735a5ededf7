/** Plain-text summary printed at the end of `odc run` (stdout; also with --quiet, which only drops the progress). */
import { join } from 'node:path';
import { pushAll } from '../../base/arrays.js';
import { fitLines, terminalTable } from '../../run/terminalText.js';
import { formatSeedAgreement } from '../../run/decision/seedAgreement.js';
import type { MultiSeedResult } from '../../run/multiSeed.js';
import { ANSWER_FILE } from '../../run/answer/schema.js';
import type { RunSummary } from '../../run/driver.js';
import { fmt } from '../../base/numberFormat.js';
import { ratioProblem } from '../../base/verdictText.js';
import { boundText, designBindingText, shortAdvice, sizedToText, WIDEN_SHARE } from '../../run/decision/binding.js';
import { standingTexts } from '../../run/decision/decisionText.js';
import { answerLine } from './answerLine.js';
import { answerCardLines } from './answerCard.js';
import type { Answer } from '../../run/answer/schema.js';
import { hypervolumeText } from '../../run/hypervolumeFigure.js';
import { spreadText, type RobustSamples } from '../../run/decision/spread.js';
import { inheritedText } from '../../run/warmStart.js';
import { relaxationView } from '../../run/decision/relaxation.js';
import { designLabel, shellText } from '../../run/decision/recommend.js';
import type { DecisionSummary, RunCounts, TerrestrialVerdict } from '../../run/schemas.js';
import { infeasibilityText, shortfallText, type Infeasibility } from '../../run/decision/infeasible.js';

/** Front conditions named on the terminal (the report and run.json have them all). */
const TERMINAL_PRESSURES = 4;

/**
 * "hyperscale-virginia 18.1, colocation-us-primary 16.2": each scenario's space/ground ratio (the tally is the answer
 * line's, src/report/decision/answerLine.ts).
 */
export function verdictText(v: readonly TerrestrialVerdict[]): string {
  // a ratio that is not a finite number ≥ 0 (no compute delivered, an overflowing price) reads as its sentence
  const ratio = (r: number): string => (ratioProblem(r) === undefined ? fmt(r) : `(${ratioProblem(r)!})`);
  return v.map((x) => `${x.baseline} ${ratio(x.spaceToTerrestrial)}`).join(', ');
}

/** The front's bounds and binding constraints, most designs first: "x2 <= 3 (bound, 18 %), g1 (64 %)". */
function pressureText(d: DecisionSummary): string | null {
  const f = d.front;
  const items = [
    ...f.bounds.map((b) => ({
      count: b.count,
      text: `bound ${boundText(b, fmt)} (${pct(b.share)}${b.share >= WIDEN_SHARE ? `: ${shortAdvice(b)}` : ''})`,
    })),
    ...f.constraints.map((c) => ({ count: c.count, text: `${c.name} (${pct(c.share)})` })),
  ].sort((a, b) => b.count - a.count);
  if (items.length === 0) return null;
  const more = items.length > TERMINAL_PRESSURES ? `, and ${items.length - TERMINAL_PRESSURES} more in run.json` : '';
  return (
    `  front (${f.designs} designs) presses against: ${items
      .slice(0, TERMINAL_PRESSURES)
      .map((i) => i.text)
      .join(', ')}${more}` +
    ` [share of the front within ${pct(d.bindingMargin)} of a constraint, or within ${pct(d.boundTolerance)} of the range from a bound (an integer: at it)]`
  );
}

const pct = (share: number): string => `${(100 * share).toFixed(0)} %`;

/**
 * The knee: what it is, how it stands (its label, margin and P(all hold),
 * src/run/decision/decisionText.ts), its
 * figures and terrestrial verdict: the answer card (answer.json) or, without one, the answer line; then the details.
 */
export function kneeLines(d: DecisionSummary, answer?: Answer): string[] {
  if (d.designs[0] === undefined) return [];
  const card = answer !== undefined && answer.design !== null;
  return [...(card ? answerCardLines(answer) : [`  ${answerLine(d)!}`]), ...kneeDetailLines(d, card)];
}

/**
 * What the card does not say of the knee: how it stands, its cost bridge, its figures (when there is no card), its
 * shells and each scenario's ratio. Also the explorer's folded details under its card (src/serve).
 */
export function kneeDetailLines(d: DecisionSummary, card: boolean): string[] {
  const knee = d.designs[0];
  if (knee === undefined) return [];
  const lines = [
    ...standingTexts(d.standing).map((t) => `    ${t}`),
    ...(knee.costBridge !== undefined ? [`    ${knee.costBridge}`] : []),
    // the card has the figures
    ...(card
      ? []
      : [
          `    ${knee.figures.map((f) => `${f.label} ${fmt(f.value)}${f.unit === '-' ? '' : ` ${f.unit}`}`).join(', ')}${d.nominalFigures ? ' (nominal design)' : ''}`,
        ]),
  ];
  if (knee.shells?.length) lines.push(`    shells: ${knee.shells.map(shellText).join('; ')}`);
  // the verdict is on the answer line; here each scenario's ratio on its basis
  if (knee.verdicts.length > 1)
    lines.push(`    per scenario, ${knee.verdicts[0]!.basis} LCOC space/ground: ${verdictText(knee.verdicts)}`);
  return lines;
}

/** What the knee was sized to and what binds it: the one list (src/run/decision/binding.ts), also the explorer's. */
export function kneeBindingLines(d: DecisionSummary, card = false): string[] {
  const knee = d.designs[0];
  if (knee === undefined) return [];
  const sized = sizedToText(knee.binding, fmt);
  return [
    ...(sized !== null ? [`    sized to: ${sized}`] : []),
    // the card has what binds
    ...(card ? [] : [`    binds: ${designBindingText(knee.binding, fmt)}`]),
    ...relaxationLines(d),
  ];
}

/**
 * The knee's shadow prices (src/run/decision/relaxation.ts): their sentence, then an aligned table of the constraints
 * whose relaxation buys something (none when no relaxation does).
 */
export function relaxationLines(d: DecisionSummary): string[] {
  const r = d.shadowPrices;
  if (r === undefined || r === null || r.gains.length === 0) return [];
  const { table: t, note } = relaxationView(r);
  if (t === null) return [`    ${note}`];
  return [`    shadow prices: ${note}`, ...terminalTable(t.headers, t.rows, 6)];
}

/** How much each objective varies across the front, and where the front is flat (src/run/decision/spread.ts). */
export function spreadLines(d: DecisionSummary, robust?: RobustSamples): string[] {
  const t = spreadText(d.spread, d.front.designs, robust);
  return t === null ? [] : [`  ${t}`];
}

/** The knee, what binds it; the best design per objective; what the front presses against; its spread. */
export function decisionLines(d: DecisionSummary, answer?: Answer): string[] {
  if (d.designs.length === 0) return d.noAnswer !== undefined ? [`  ${d.noAnswer}`] : [];
  const lines = [...kneeLines(d, answer), ...kneeBindingLines(d, answer !== undefined && answer.design !== null)];
  const others = d.designs.slice(1);
  if (others.length) {
    lines.push(
      `  best per objective: ${others.map((o) => `${designLabel(o)} (${o.roles.map((r) => r.replace(/^best /, '')).join(', ')})`).join('; ')}`,
    );
  }
  const pressure = pressureText(d);
  if (pressure !== null) lines.push(pressure);
  pushAll(lines, spreadLines(d, answer?.robust));
  return lines;
}

/** " (3 near-duplicates collapsed)" when the reported front is smaller than the archive. */
function collapsedText(s: RunSummary): string {
  const k = s.archiveSize !== undefined ? s.archiveSize - s.paretoSize : 0;
  return k > 0 ? ` (${k} near-duplicate${k === 1 ? '' : 's'} collapsed)` : '';
}

/** The run's one hypervolume with its normalization (src/run/hypervolumeFigure.ts); an interrupted run's live value. */
function hypervolumeLine(s: RunSummary): string {
  if (s.hypervolumeFigure !== undefined) return `  ${hypervolumeText(s.hypervolumeFigure)}`;
  return `  hypervolume ${s.hypervolume.toFixed(4)} (the progress display's live value, on its own normalization: run to the end for the final figure)`;
}

/**
 * Why a run whose every evaluation failed has no diagnosis (no design was evaluated to compare constraints on): its
 * most frequent failure reason; undefined when some evaluation succeeded.
 */
function allFailedText(s: RunCounts): string | undefined {
  if (!(s.evaluations > 0 && s.failures === s.evaluations)) return undefined;
  const top = [...s.failureReasons].sort((a, b) => b.count - a.count)[0];
  const why = top === undefined ? '' : `, most often (${fmt(top.count)} of ${fmt(s.evaluations)}): ${top.reason}`;
  return `the models could evaluate none of its ${fmt(s.evaluations)} designs${why}`;
}

/** A complete run without a feasible design: why (the constraints that conflict), then its least-infeasible designs. */
export function noFeasibleLines(s: RunCounts): string[] {
  const d = s.infeasibility;
  const more = d !== undefined ? shortfallText(d) : '';
  const failed = d === undefined ? allFailedText(s) : undefined;
  const lines = [
    `  NO FEASIBLE DESIGN was found${d !== undefined ? `: ${infeasibilityText(d)}` : failed !== undefined ? `: ${failed}` : ''}.`,
    ...(more !== '' ? [`  closest any evaluated design came, per constraint none meets: ${more}.`] : []),
    '  Least-infeasible designs and the constraints they violate:',
  ];
  // the shortfall figures are the per-constraint ones above (one per constraint); a design's own are in run.json
  for (const x of s.leastInfeasible.slice(0, 3))
    lines.push(`    evaluation ${x.index}: ${x.violations.map((v) => v.name).join('; ')}`);
  return lines;
}

/**
 * A multi-seed run whose seeds found no feasible design: each conflict once, with the seeds that found it, over their
 * evaluated designs together (the closest miss of any of them); a seed without a conflict is named alone (its
 * closest design is its own evaluation).
 */
export function noFeasibleSeedsLines(results: readonly { seed: number; result: RunCounts | undefined }[]): string[] {
  const groups = new Map<string, { seeds: number[]; d: Infeasibility | undefined; failed?: string | undefined }>();
  for (const { seed, result } of results) {
    const d = result?.infeasibility;
    const failed = d === undefined && result !== undefined ? allFailedText(result) : undefined;
    const key = d !== undefined && d.conflict.length > 0 ? d.conflict.join('\n') : `seed ${seed}`;
    const g = groups.get(key);
    if (g === undefined || g.d === undefined || d === undefined) groups.set(key, { seeds: [seed], d, failed });
    else {
      const closer = d.conflictMargin > g.d.conflictMargin ? d : g.d;
      groups.set(key, { seeds: [...g.seeds, seed], d: { ...closer, evaluated: g.d.evaluated + d.evaluated } });
    }
  }
  return [
    '  NO FEASIBLE DESIGN was found by any seed:',
    ...[...groups.values()].map(
      ({ seeds, d, failed }) =>
        `    seed${seeds.length > 1 ? 's' : ''} ${seeds.join(', ')}: ${d !== undefined ? infeasibilityText(d) : (failed ?? 'no diagnosis (a run of an older odc)')}.`,
    ),
  ];
}

export function formatRunSummary(s: RunSummary): string {
  const none = s.status === 'complete' && s.paretoSize === 0;
  const lines = [
    `${s.status === 'complete' ? 'Run complete' : 'Run interrupted'}: ${s.runDir}`,
    `  ${s.generations} generations, ${s.evaluations} evaluations (${s.stopReason}), ${fmt(s.wall_s)} s`,
    ...(s.inherited !== undefined ? [`  ${inheritedText(s.inherited)}`] : []),
    `  feasible ${s.feasible} (${((100 * s.feasible) / Math.max(1, s.evaluations)).toFixed(1)} %), failed ${s.failures}, Pareto designs ${s.paretoSize}${collapsedText(s)}`,
    // an empty front has no hypervolume to speak of (its ideal and nadir are placeholders)
    ...(none ? [] : [hypervolumeLine(s)]),
  ];
  if (s.failureReasons.length) {
    lines.push('  failed evaluations (treated as infeasible):');
    for (const f of s.failureReasons.slice(0, 5)) lines.push(`    ${f.count} × ${f.reason}`);
  }
  if (none) pushAll(lines, noFeasibleLines(s));
  if (s.decision !== undefined) pushAll(lines, decisionLines(s.decision, s.answer));
  for (const n of s.notes ?? []) lines.push(`  note: ${n}`);
  if (s.status === 'interrupted') lines.push(`  resume with: odc run --resume ${s.runDir}`);
  return `${fitLines(lines).join('\n')}\n`;
}

/** What `odc run --seeds` prints at the end of a multi-seed run (src/run/multiSeed.ts), in 80 columns. */
export function formatSeedsSummary(
  out: string,
  r: Required<Pick<MultiSeedResult, 'agreement' | 'union' | 'answer'>> & Pick<MultiSeedResult, 'results'>,
  files: { readonly html: string; readonly seeds: string },
): string {
  const { agreement, union, answer } = r;
  const seeds = agreement.seeds.map((s) => s.seed);
  const where = `  report: ${files.html} (and report.md); each seed's run and report: ${join(out, 'seed-<s>')}/`;
  const head = `Multi-seed run complete: ${out}`;
  if (union.pareto.designs.length === 0)
    return `${fitLines([head, `  ${seeds.length} seeds`, ...noFeasibleSeedsLines(r.results ?? []), where]).join('\n')}\n`;
  const counts = seeds.map((s) => `seed ${s} ${union.seeds.filter((x) => x === s).length}`).join(', ');
  const pick = union.decision.standing?.pick;
  const [hv, ...bySeed] = answer.hypervolumes;
  const lines = [
    head,
    `  ${seeds.length} seeds; the answer is the ${pick !== undefined ? `${pick} pick` : 'knee'} of their union front (${union.pareto.designs.length} designs: ${counts})`,
    ...decisionLines(union.decision, answer),
    formatSeedAgreement(agreement, union.pareto.objectives).trimEnd(),
    ...(hv === undefined
      ? []
      : [
          `  hypervolume of the union front ${hv.value.toFixed(4)}; each seed's front on the same normalization: ${bySeed.map((h) => `${h.scope} ${h.value.toFixed(4)}`).join(', ')}`,
          `    (${hv.normalization})`,
        ]),
    `  answer: ${join(out, ANSWER_FILE)}; seeds: ${files.seeds} (decision and agreement)`,
    where,
  ];
  return `${fitLines(lines).join('\n')}\n`;
}
