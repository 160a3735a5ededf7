/**
 * Which design the run recommends, and how well it holds: the knee among the Pareto designs that meet the study's
 * `select:` rule, its smallest margin, and the probability that all its constraints hold together under the study's
 * uncertain inputs. Computed once when a run finishes (run.json `decision.standing`) and read by the terminal summary,
 * the reports and the explorer; the report's "Margins and robustness" section (src/run/answer/robustness.ts)
 * chooses its knee with the same functions.
 * - Margin: (limit − value)/|limit| for ≤, (value − limit)/|limit| for ≥; a design's margin is the smallest over the
 *   enforced constraints other than the sizing closures (src/run/decision/binding.ts `sizingClosure`) and zero counts.
 * - select.minMargin / select.minProbability: the knee (src/run/decision/decision.ts) among the designs meeting them.
 * - Joint probability: the share of common uncertainty samples (src/study/constraintSamples.ts) in which every
 *   enforced constraint holds at once, with its 95 % Wilson (1927) score interval (Brown, Cai & DasGupta 2001).
 *   Constellation studies sample on src/study/constellationSamples.ts, CONSTELLATION_SELECT_SAMPLES by default (each
 *   sample a constellation evaluation), when the run finishes: the report reads their standing from run.json.
 * Which constraints count and how designs are tried: docs/runs.md §"Recommended design selection".
 */
import { fmt } from '../../base/numberFormat.js';
import { parseYamlValues } from '../../base/yaml.js';
import { jointProbability, type ProportionInterval } from '../../statistics/statistics.js';
import type { ConstraintSamples } from '../../study/constraintSamples.js';
import { CONSTELLATION_SELECT_SAMPLES } from '../../study/studySchema.js';
import { BINDING_MARGIN, firstByName, sizingClosure, zeroCountChecks } from './binding.js';
import { discreteConstraints } from './discrete.js';
import { logAchievability } from './achievable.js';
import { answerable, answerKnee, minimizedObjectives } from './decision.js';
import { pickAmong, pickText, type PickRule } from './picks.js';
import type { ParetoDesign, ParetoFile } from '../paretoFile.js';
import type { LoadedStudy } from '../problem.js';
import type { KneeStanding } from '../schemas.js';

/** Uncertainty samples per design when the study gives no select.samples. */
export const DEFAULT_SELECT_SAMPLES = 256;
/** The samples per design of a study of this kind: its select.samples, else the kind's default. */
export const selectSamples = (kind: LoadedStudy['kind'], rule: SelectRule | null): number =>
  rule?.samples ?? (kind === 'constellation' ? CONSTELLATION_SELECT_SAMPLES : DEFAULT_SELECT_SAMPLES);
/** Most front designs minProbability samples before it gives up (in knee order). */
export const MAX_DESIGNS_CHECKED = 100;

export interface SelectRule extends PickRule {
  readonly minMargin?: number;
  readonly minProbability?: number;
  readonly samples?: number;
}

export interface MarginRow {
  readonly name: string;
  readonly margin: number;
}

export interface SelectOutcome {
  readonly rule: string;
  /** Chosen front position. */
  readonly position: number;
  /** False when no design qualified and the plain knee is recommended. */
  readonly qualified: boolean;
  /** Designs meeting minMargin (all of the front checked), and designs sampled for minProbability. */
  readonly meetingMargin: number | null;
  readonly sampled: number;
  readonly text: string;
}

/** The joint probability of a design, or why there is none. */
export type Joint = (position: number) => ProportionInterval | null;

/** The enforced constraints' relative margins of a Pareto design, smallest first. */
export function designMargins(d: ParetoDesign): MarginRow[] {
  const checks = firstByName(d.record?.constraints ?? []);
  return Object.entries(d.constraints)
    .map(([name, g]) => ({ name, margin: checks.get(name)?.margin ?? -g }))
    .sort((a, b) => a.margin - b.margin);
}

/**
 * The margins the select rule reads: the design's, sizing closures and met zero-count checks aside (a count that must
 * be 0 and is, such as untrackable links, has no margin to keep: see src/run/decision/binding.ts).
 */
export function selectionMargins(d: ParetoDesign, discrete: ReadonlySet<string> = new Set()): MarginRow[] {
  const zero = zeroCountChecks(d);
  // a met requirement on a discrete quantity (./discrete.ts) has no margin to keep either
  return designMargins(d).filter(
    (m) => sizingClosure(m.name) === null && !zero.has(m.name) && !(discrete.has(m.name) && m.margin >= 0),
  );
}

/** The discrete requirements a design meets within BINDING_MARGIN: met by a discrete choice, not a margin. */
export function exactRequirements(d: ParetoDesign, discrete: ReadonlySet<string>): string[] {
  return designMargins(d)
    .filter(
      (m) => discrete.has(m.name) && sizingClosure(m.name) === null && m.margin >= 0 && m.margin <= BINDING_MARGIN,
    )
    .map((m) => m.name);
}

const minOf = (rows: readonly MarginRow[]): number => rows.reduce((s, r) => Math.min(s, r.margin), Infinity);

/** The `select:` of a study's text (validated when the study was loaded), or null. */
export function selectRuleOf(study: Record<string, unknown>): SelectRule | null {
  const s = study['select'];
  return s !== null && typeof s === 'object' ? (s as SelectRule) : null;
}

/** A study text parsed to plain values (the study was validated when loaded). */
export function studyValues(loaded: Pick<LoadedStudy, 'studyText' | 'file'>): Record<string, unknown> {
  const v = parseYamlValues(loaded.studyText, loaded.file).raw;
  return v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {};
}

type Sampler = (d: ParetoDesign) => ConstraintSamples | string;

/** The per-sample constraint check of a study's designs with its seed, or why there is none. */
export function samplerOf(
  loaded: LoadedStudy,
  study: Record<string, unknown>,
  samples: number,
): { sample: Sampler; seed: number } | string {
  if (loaded.constraintSampler === null) return 'joint probabilities are computed for node and constellation studies';
  const robust = study['robust'] as { seed?: number } | undefined;
  const seed = robust?.seed ?? loaded.algorithm.seed;
  const check = loaded.constraintSampler({ samples, method: 'lhs', seed });
  if (check === null) return 'the study declares no uncertain input (no uncertainty: section, no catalog row with one)';
  const vars = loaded.problem.variables;
  const sample: Sampler = (d) => {
    const x = Float64Array.from(vars, (v) =>
      v.kind === 'choice' ? v.options.findIndex((o) => o === d.variables[v.name]) : Number(d.variables[v.name]),
    );
    try {
      return check(x);
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  };
  return { sample, seed };
}

export function pctText(p: ProportionInterval): string {
  return `${(100 * p.estimate).toFixed(1)} % (95 % CI ${(100 * p.lower).toFixed(1)}–${(100 * p.upper).toFixed(1)} %)`;
}

/**
 * The knee among the designs within the margin rule whose joint probability reaches `minProbability`: designs are
 * sampled from the knee outwards, at most MAX_DESIGNS_CHECKED of them; position -1 when none qualifies.
 */
function kneeWithProbability(
  among: (allowed: (i: number) => boolean) => number,
  okMargin: (i: number) => boolean,
  joint: Joint,
  minProbability: number,
): { position: number; checked: number; p: ProportionInterval | null } {
  const rejected = new Set<number>();
  for (let n = 0; n < MAX_DESIGNS_CHECKED; n++) {
    const k = among((i) => okMargin(i) && !rejected.has(i));
    if (k < 0) break;
    const p = joint(k);
    if (p !== null && p.estimate >= minProbability) return { position: k, checked: n + 1, p };
    rejected.add(k);
  }
  return { position: -1, checked: rejected.size, p: null };
}

/** "every constraint ≥ 2 % margin and P(all hold) ≥ 0.9". */
export function ruleText(rule: SelectRule): string {
  const parts: string[] = [];
  if (rule.minMargin !== undefined) parts.push(`every constraint ≥ ${fmt(100 * rule.minMargin)} % margin`);
  if (rule.minProbability !== undefined) parts.push(`P(all hold) ≥ ${rule.minProbability}`);
  return parts.join(' and ');
}

/** Whether a rule names a pick other than the knee (./picks.ts). */
export const picksOtherThanKnee = (rule: SelectRule | null): rule is SelectRule =>
  rule?.pick !== undefined && rule.pick !== 'knee';

/** What the rule's pick is called: "knee" or "TOPSIS (weights a 0.5, b 0.5) pick". */
export const pickWord = (pareto: ParetoFile, rule: SelectRule | null): string =>
  picksOtherThanKnee(rule)
    ? `${pickText(
        pareto.objectives.map((o) => o.name),
        rule,
      )} pick`
    : 'knee';

/** The front position the rule's pick recommends among the designs that may be answers, margins and samples aside. */
export const rulePosition = (pareto: ParetoFile, rule: SelectRule | null): number =>
  amongBy(pareto, rule ?? {})(answerable(pareto));

/** The rule's pick among the positions `allowed` admits. */
const amongBy =
  (pareto: ParetoFile, rule: SelectRule) =>
  (allowed: (i: number) => boolean): number =>
    pickAmong(
      minimizedObjectives(pareto),
      pareto.objectives.map((o) => o.name),
      rule,
      allowed,
    );

/** The knee among the designs meeting the rule (see the header), or the plain knee when none does. */
export function chooseKnee(
  pareto: ParetoFile,
  rule: SelectRule,
  joint: Joint | null,
  discrete: ReadonlySet<string> = discreteConstraints(pareto),
): SelectOutcome {
  const among = amongBy(pareto, rule);
  const word = pickWord(pareto, rule);
  const designs = pareto.designs;
  const text = ruleText(rule);
  const margin = designs.map((d) => minOf(selectionMargins(d, discrete)));
  // a design that misses a requirement is never an answer (decision.ts `answerable`)
  const answer = answerable(pareto);
  const okMargin = (i: number): boolean => answer(i) && (rule.minMargin === undefined || margin[i]! >= rule.minMargin);
  const meetingMargin = rule.minMargin === undefined ? null : margin.filter((_, i) => okMargin(i)).length;
  const plain = among(answer);
  const fallback = (sampled: number, why: string): SelectOutcome => ({
    rule: text,
    position: plain,
    qualified: false,
    meetingMargin,
    sampled,
    text: `${why}: the plain ${word} (design ${designs[plain]!.index}) is shown, labelled so.`,
  });
  if (rule.minProbability === undefined) {
    const k = among(okMargin);
    if (k < 0) return fallback(0, `No Pareto design keeps ${text}`);
    return {
      rule: text,
      position: k,
      qualified: true,
      meetingMargin,
      sampled: 0,
      text: `${meetingMargin} of ${designs.length} Pareto designs keep ${text}; the ${word} among them is design ${designs[k]!.index}.`,
    };
  }
  if (joint === null)
    return fallback(
      0,
      "select.minProbability needs uncertain inputs (catalog rows' or the study's uncertainty:), and this run has none",
    );
  const found = kneeWithProbability(among, okMargin, joint, rule.minProbability);
  if (found.position >= 0) {
    const k = found.position;
    return {
      rule: text,
      position: k,
      qualified: true,
      meetingMargin,
      sampled: found.checked,
      text:
        // the figure itself is on the answer line (src/report/decision/answerLine.ts), once
        `Design ${designs[k]!.index} is the ${word} among the designs that keep ${text}` +
        (found.checked > 1 ? `; ${found.checked - 1} design(s) ranked above it were sampled and fell short.` : '.'),
    };
  }
  const checked = found.checked;
  const cap =
    checked >= MAX_DESIGNS_CHECKED ? ` (the ${MAX_DESIGNS_CHECKED} designs nearest the knee were checked)` : '';
  return fallback(checked, `No Pareto design checked keeps ${text}${cap}`);
}

/**
 * The checks a design's samples fail most, each with the share of samples it holds in: "Its samples fail most on
 * drag.passiveDecay_yr <= 5 (holds in 33.2 %) and thermal.radiatorArea (92.0 %)": the margins to raise.
 */
export function weakestText(s: ConstraintSamples): string {
  const n = s.holds.length;
  const rows = s.names
    .map((name, j) => ({ name, share: s.holds.reduce((acc, h) => acc + (h !== null && h[j] ? 1 : 0), 0) / n }))
    .filter((r) => r.share < 1)
    .sort((a, b) => a.share - b.share)
    .slice(0, 3);
  if (rows.length === 0) return s.failed > 0 ? `${s.failed} of its ${n} samples could not be evaluated.` : '';
  const parts = rows.map((r, i) => `${r.name} (${i === 0 ? 'holds in ' : ''}${(100 * r.share).toFixed(1)} %)`);
  return (
    `The knee's samples fail most on ${parts.join(', ')}: a larger design margin on those quantities (docs/runs.md ` +
    '§"Margin policy"), or a requirement the customer can relax, is what would change the answer.'
  );
}

/** Whether a rule selects anything (a minimum margin or probability). */
export const selects = (rule: SelectRule | null): rule is SelectRule =>
  rule !== null && (rule.minMargin !== undefined || rule.minProbability !== undefined);

/** The sampled constraints of the front's designs (each design sampled once, on demand), or why there are none. */
export interface JointSource {
  readonly samples: number;
  readonly seed: number;
  sampled(position: number): ConstraintSamples | string;
}

/** The joint samples of a run's front: the study's sampler, one cached result per design. */
export function jointSource(
  loaded: LoadedStudy,
  study: Record<string, unknown>,
  pareto: ParetoFile,
  samples: number,
): JointSource | string {
  const sampler = samplerOf(loaded, study, samples);
  if (typeof sampler === 'string') return sampler;
  const cache = new Map<number, ConstraintSamples | string>();
  return {
    samples,
    seed: sampler.seed,
    sampled(position) {
      let r = cache.get(position);
      if (r === undefined) cache.set(position, (r = sampler.sample(pareto.designs[position]!)));
      return r;
    },
  };
}

/** P(all hold) of a front position from its samples (null when it could not be sampled). */
export const jointOf =
  (src: JointSource): Joint =>
  (position) => {
    const s = src.sampled(position);
    return typeof s === 'string' ? null : jointProbability({ holds: s.holds });
  };

/**
 * How the recommended knee stands (see KneeStanding): chosen by the rule when the study has one, else the plain
 * knee; `joint` the front's samples, or the reason there are none.
 */
export function kneeStanding(
  pareto: ParetoFile,
  rule: SelectRule | null,
  joint: JointSource | string,
  logPath?: string,
): KneeStanding | null {
  if (answerKnee(pareto) < 0) return null;
  const of = typeof joint === 'string' ? null : jointOf(joint);
  const discrete = discreteConstraints(pareto);
  const outcome = selects(rule) ? chooseKnee(pareto, rule, of, discrete) : null;
  // a margin rule no Pareto design meets: what every feasible evaluated design can keep (the constraints the rule
  // reads, as selectionMargins counts them), and what conflicts
  const achievable =
    outcome !== null && !outcome.qualified && rule?.minMargin !== undefined && logPath !== undefined
      ? logAchievability(logPath, (name) => sizingClosure(name) === null, rule.minMargin, discrete)
      : null;
  const position = outcome?.position ?? rulePosition(pareto, rule);
  const margins = selectionMargins(pareto.designs[position]!, discrete);
  const minMargin = minOf(margins);
  const s = typeof joint === 'string' ? joint : joint.sampled(position);
  const short =
    outcome !== null && !outcome.qualified && rule?.minProbability !== undefined && typeof s !== 'string'
      ? ` ${weakestText(s)}`
      : '';
  const p = typeof s === 'string' ? null : jointProbability({ holds: s.holds });
  return {
    position,
    ...(picksOtherThanKnee(rule)
      ? {
          pick: pickText(
            pareto.objectives.map((o) => o.name),
            rule,
          ),
        }
      : {}),
    rule: outcome?.rule ?? null,
    qualified: outcome?.qualified ?? true,
    selection: outcome === null ? null : outcome.text + short,
    minMargin: margins.length ? minMargin : null,
    tightest: margins.filter((m) => m.margin <= minMargin).map((m) => m.name),
    exact: exactRequirements(pareto.designs[position]!, discrete),
    joint:
      p === null || typeof joint === 'string' || typeof s === 'string'
        ? null
        : {
            estimate: p.estimate,
            lower: p.lower,
            upper: p.upper,
            samples: joint.samples,
            inputs: s.inputs,
            seed: joint.seed,
          },
    // a benchmark has no uncertain inputs to speak of: nothing to say about them
    jointNone: typeof s === 'string' && pareto.kind !== 'benchmark' ? s : null,
    achievable,
  };
}
