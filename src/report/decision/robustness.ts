/**
 * Margins and robustness of the recommended designs (knee, best per objective), and the study option `select:` that
 * picks the knee among designs a user could build.
 *
 * - Margin of a constraint: relative, (limit − value)/|limit| for ≤ and (value − limit)/|limit| for ≥ (the record's
 *   ConstraintResult.margin for physical constraints; −g for the study's, whose g is scaled by |limit|, src/study/
 *   compile.ts). A design's margin is the smallest over the constraints the optimizer enforced.
 * - Joint probability: the share of common uncertainty samples (src/study/constraintSamples.ts: catalog rows' and the
 *   study's distributions, Latin hypercube, seed robust.seed or algorithm.seed) in which every enforced constraint
 *   holds at once, with its 95 % Wilson (1927) score interval (Brown, Cai & DasGupta 2001). Only node studies with
 *   uncertain inputs; the recommended designs only (a few hundred evaluations each).
 * - select.minMargin / select.minProbability: the knee (src/run/decision.ts, distance measured on the whole front)
 *   among the designs meeting them; minProbability compares the point estimate and samples designs in knee order
 *   until one qualifies (at most MAX_DESIGNS_CHECKED). When none qualifies the plain knee is recommended, labelled so.
 */
import { join } from 'node:path';
import { jointProbability, type ProportionInterval } from '../../statistics/statistics.js';
import type { ConstraintSamples } from '../../study/constraintSamples.js';
import { loadStudyProblem } from '../../run/problem.js';
import type { ParetoDesign } from '../../run/paretoFile.js';
import { fmt } from '../../base/numberFormat.js';
import { kneeAmong, minimizedObjectives, type Pick } from '../../run/decision.js';
import { esc, htmlTable } from '../document/htmlText.js';
import type { LoadedRun } from '../document/load.js';
import { mdEscape, mdTable } from '../document/markdownText.js';
import { REPORT_SECTIONS } from '../document/reportParts.js';

/** Uncertainty samples per design when the study gives no select.samples. */
export const DEFAULT_SELECT_SAMPLES = 256;
/** Most front designs minProbability samples before it gives up (in knee order). */
export const MAX_DESIGNS_CHECKED = 100;

export interface SelectRule {
  readonly minMargin?: number;
  readonly minProbability?: number;
  readonly samples?: number;
}

export interface MarginRow {
  readonly name: string;
  readonly margin: number;
}

export interface DesignRobustness {
  readonly label: string;
  readonly index: number;
  /** Enforced constraints, smallest margin first. */
  readonly margins: readonly MarginRow[];
  readonly minMargin: number;
  /** P(all enforced constraints hold), or null without uncertain inputs. */
  readonly joint: ProportionInterval | null;
  readonly failedSamples: number;
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

export interface RobustnessReport {
  readonly designs: readonly DesignRobustness[];
  /** Sampling of the joint probabilities, or why there is none. */
  readonly sampling: { readonly samples: number; readonly seed: number; readonly inputs: number } | null;
  readonly notes: readonly string[];
  readonly select: SelectOutcome | null;
}

/** The enforced constraints' relative margins of a Pareto design, smallest first. */
export function designMargins(d: ParetoDesign): MarginRow[] {
  const rec = d.record as { constraints?: readonly { name: string; margin: number }[] } | null;
  return Object.entries(d.constraints)
    .map(([name, g]) => ({ name, margin: rec?.constraints?.find((c) => c.name === name)?.margin ?? -g }))
    .sort((a, b) => a.margin - b.margin);
}

const minOf = (rows: readonly MarginRow[]): number => rows.reduce((s, r) => Math.min(s, r.margin), Infinity);

/** The run study's `select:` (validated when the run was made), or null. */
export function selectRule(run: LoadedRun): SelectRule | null {
  const s = run.study['select'];
  return s !== null && typeof s === 'object' ? (s as SelectRule) : null;
}

type Sampler = (d: ParetoDesign) => ConstraintSamples | string;

/** The per-sample constraint check of the run's designs, or why there is none. */
function samplerOf(run: LoadedRun, samples: number): { sample: Sampler; seed: number } | string {
  if (run.pareto.kind !== 'node') return 'joint probabilities are computed for node studies only';
  const loaded = loadStudyProblem(join(run.dir, 'study.yaml'));
  const robust = run.study['robust'] as { seed?: number } | undefined;
  const seed = robust?.seed ?? loaded.algorithm.seed;
  const check = loaded.compiled?.constraintSampler({ samples, method: 'lhs', seed }) ?? null;
  if (check === null)
    return 'no catalog row used by the study and no uncertainty: section declares a distribution, so there is no joint probability to give';
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

function pctText(p: ProportionInterval): string {
  return `${(100 * p.estimate).toFixed(1)} % (95 % CI ${(100 * p.lower).toFixed(1)}–${(100 * p.upper).toFixed(1)} %)`;
}

/**
 * One row per distinct pick (a design picked twice: one row, both labels): its margins and joint probability; a note
 * for each design whose samples could not be drawn though the study has a sampler.
 */
function pickRobustness(
  picks: readonly Pick[],
  sampled: (position: number) => ConstraintSamples | string,
  joint: (position: number) => ProportionInterval | null,
  hasSampler: boolean,
  notes: string[],
): DesignRobustness[] {
  const seen = new Map<number, number>();
  const designs: DesignRobustness[] = [];
  for (const p of picks) {
    const at = seen.get(p.position);
    if (at !== undefined) {
      // the same design as an earlier pick: one row, both labels
      designs[at] = { ...designs[at]!, label: `${designs[at]!.label}; ${p.label}` };
      continue;
    }
    seen.set(p.position, designs.length);
    const margins = designMargins(p.design);
    const s = sampled(p.position);
    if (typeof s === 'string' && hasSampler) notes.push(`Design ${p.design.index}: no joint probability (${s}).`);
    designs.push({
      label: p.label,
      index: p.design.index,
      margins,
      minMargin: minOf(margins),
      joint: joint(p.position),
      failedSamples: typeof s === 'string' ? 0 : s.failed,
    });
  }
  return designs;
}

/**
 * Picks with the knee chosen by the study's `select:` (unchanged without it) and the robustness of each distinct
 * pick. Evaluates a few hundred samples per design checked (node studies with uncertain inputs only).
 */
export function robustPicks(
  run: LoadedRun,
  picks: readonly Pick[],
): { picks: Pick[]; report: RobustnessReport | null } {
  if (picks.length === 0) return { picks: [...picks], report: null };
  const rule = selectRule(run);
  const samples = rule?.samples ?? DEFAULT_SELECT_SAMPLES;
  const notes: string[] = [];
  let sampler: { sample: Sampler; seed: number } | string;
  try {
    sampler = samplerOf(run, samples);
  } catch (e) {
    sampler = `the run's study.yaml could not be compiled again (${e instanceof Error ? e.message : String(e)})`;
  }
  if (typeof sampler === 'string' && run.pareto.kind === 'node') notes.push(`No joint probability: ${sampler}.`);
  const cache = new Map<number, ConstraintSamples | string>();
  const sampled = (position: number): ConstraintSamples | string => {
    let s = cache.get(position);
    if (s === undefined)
      cache.set(position, (s = typeof sampler === 'string' ? sampler : sampler.sample(run.pareto.designs[position]!)));
    return s;
  };
  const joint = (position: number): ProportionInterval | null => {
    const s = sampled(position);
    return typeof s === 'string' ? null : jointProbability({ holds: s.holds });
  };
  let out = [...picks];
  let select: SelectOutcome | null = null;
  if (rule !== null && (rule.minMargin !== undefined || rule.minProbability !== undefined)) {
    select = chooseKnee(run, rule, typeof sampler === 'string' ? null : joint);
    out = [kneePick(run, select), ...picks.slice(1)];
  }
  const designs = pickRobustness(out, sampled, joint, typeof sampler !== 'string', notes);
  const first = [...cache.values()].find((s): s is ConstraintSamples => typeof s !== 'string');
  if (first && first.skipped.length) {
    notes.push(
      `Not checked per sample (a statistic over the samples, not a per-sample condition): ${first.skipped.join('; ')}.`,
    );
  }
  return {
    picks: out,
    report: {
      designs,
      notes,
      select,
      sampling: typeof sampler === 'string' ? null : { samples, seed: sampler.seed, inputs: first?.inputs ?? 0 },
    },
  };
}

const kneePick = (run: LoadedRun, s: SelectOutcome): Pick => ({
  label: s.qualified ? `knee (${s.rule})` : `knee (plain: no design meets ${s.rule})`,
  selector: 'knee',
  position: s.position,
  design: run.pareto.designs[s.position]!,
});

/** The knee the study's select: recommends (what `odc export --design knee` writes), or null without select:. */
export function selectedKnee(run: LoadedRun): Pick | null {
  const rule = selectRule(run);
  if (
    rule === null ||
    (rule.minMargin === undefined && rule.minProbability === undefined) ||
    run.pareto.designs.length === 0
  )
    return null;
  let joint: ((position: number) => ProportionInterval | null) | null = null;
  if (rule.minProbability !== undefined) {
    const s = samplerOf(run, rule.samples ?? DEFAULT_SELECT_SAMPLES);
    if (typeof s !== 'string') {
      joint = (position) => {
        const r = s.sample(run.pareto.designs[position]!);
        return typeof r === 'string' ? null : jointProbability({ holds: r.holds });
      };
    }
  }
  return kneePick(run, chooseKnee(run, rule, joint));
}

/**
 * The knee among the designs within the margin rule whose joint probability reaches `minProbability`: designs are
 * sampled from the knee outwards, at most MAX_DESIGNS_CHECKED of them; position -1 when none qualifies.
 */
function kneeWithProbability(
  F: Parameters<typeof kneeAmong>[0],
  okMargin: (i: number) => boolean,
  joint: (position: number) => ProportionInterval | null,
  minProbability: number,
): { position: number; checked: number; p: ProportionInterval | null } {
  const rejected = new Set<number>();
  for (let n = 0; n < MAX_DESIGNS_CHECKED; n++) {
    const k = kneeAmong(F, (i) => okMargin(i) && !rejected.has(i));
    if (k < 0) break;
    const p = joint(k);
    if (p !== null && p.estimate >= minProbability) return { position: k, checked: n + 1, p };
    rejected.add(k);
  }
  return { position: -1, checked: rejected.size, p: null };
}

/** The knee among the designs meeting the rule (see the header), or the plain knee when none does. */
export function chooseKnee(
  run: LoadedRun,
  rule: SelectRule,
  joint: ((position: number) => ProportionInterval | null) | null,
): SelectOutcome {
  const F = minimizedObjectives(run.pareto);
  const designs = run.pareto.designs;
  const parts: string[] = [];
  if (rule.minMargin !== undefined) parts.push(`every constraint ≥ ${fmt(100 * rule.minMargin)} % margin`);
  if (rule.minProbability !== undefined) parts.push(`P(all constraints hold) ≥ ${rule.minProbability}`);
  const text = parts.join(' and ');
  const margin = designs.map((d) => minOf(designMargins(d)));
  const okMargin = (i: number): boolean => rule.minMargin === undefined || margin[i]! >= rule.minMargin;
  const meetingMargin = rule.minMargin === undefined ? null : margin.filter((_, i) => okMargin(i)).length;
  const plain = kneeAmong(F, () => true);
  const fallback = (sampled: number, why: string): SelectOutcome => ({
    rule: text,
    position: plain,
    qualified: false,
    meetingMargin,
    sampled,
    text: `${why}: the plain knee (design ${designs[plain]!.index}) is shown, labelled so.`,
  });
  if (rule.minProbability === undefined) {
    const k = kneeAmong(F, okMargin);
    if (k < 0) return fallback(0, `No Pareto design keeps ${text}`);
    return {
      rule: text,
      position: k,
      qualified: true,
      meetingMargin,
      sampled: 0,
      text: `${meetingMargin} of ${designs.length} Pareto designs keep ${text}; the knee among them is design ${designs[k]!.index}.`,
    };
  }
  if (joint === null)
    return fallback(
      0,
      "select.minProbability needs uncertain inputs (catalog rows' or the study's uncertainty:), and this run has none",
    );
  const found = kneeWithProbability(F, okMargin, joint, rule.minProbability);
  if (found.position >= 0) {
    const k = found.position;
    return {
      rule: text,
      position: k,
      qualified: true,
      meetingMargin,
      sampled: found.checked,
      text:
        `Design ${designs[k]!.index} is the knee among the designs that keep ${text}: P(all hold) = ${pctText(found.p!)}; ` +
        `${found.checked - 1} design(s) nearer the knee were sampled and fell short.`,
    };
  }
  const checked = found.checked;
  const cap =
    checked >= MAX_DESIGNS_CHECKED ? ` (the ${MAX_DESIGNS_CHECKED} designs nearest the knee were checked)` : '';
  return fallback(checked, `No Pareto design checked keeps ${text}${cap}`);
}

const pct = (x: number): string => (Number.isFinite(x) ? (100 * x).toFixed(1) : '–');

/** Table of the recommended designs: smallest margin, the constraints within 2 %, the joint probability. */
function table(r: RobustnessReport): { headers: string[]; rows: string[][] } {
  return {
    headers: [
      'design',
      'index [-]',
      'smallest margin [%]',
      'constraints within 2 % of their limit',
      'P(all constraints hold) [95 % CI]',
    ],
    rows: r.designs.map((d) => [
      d.label,
      String(d.index),
      pct(d.minMargin),
      d.margins
        .filter((m) => m.margin <= 0.02)
        .map((m) => `${m.name} (${pct(m.margin)} %)`)
        .join('; ') || 'none',
      d.joint === null ? '–' : `${pctText(d.joint)}${d.failedSamples ? `, ${d.failedSamples} failed samples` : ''}`,
    ]),
  };
}

function lines(r: RobustnessReport): string[] {
  return [
    'Relative margin of each enforced constraint: (limit − value)/|limit| for ≤, (value − limit)/|limit| for ≥. A design on the front typically sits ' +
      'on several limits at once; a design at a few tenths of a percent on several of them may meet each alone often but all of them rarely.',
    r.sampling === null
      ? ''
      : `P(all constraints hold): the share of ${r.sampling.samples} common uncertainty samples ` +
        `(Latin hypercube, seed ${r.sampling.seed}; ` +
        "catalog rows' and the study's distributions) in which every enforced constraint holds at once, with its 95 % Wilson score interval " +
        "(Wilson 1927; Brown, Cai & DasGupta 2001). It is not the product of the constraints' own probabilities: they share inputs. " +
        "A failed sample counts as not holding. odc uncertainty on an exported design gives each constraint's distribution.",
    ...(r.select ? [`Selection (study select:): ${r.select.text}`] : []),
    ...r.notes,
  ].filter(Boolean);
}

/** Whether there is anything to show: a recommended design with a constraint, or a selection. */
const shown = (r: RobustnessReport | null): r is RobustnessReport =>
  r !== null && (r.select !== null || r.designs.some((d) => d.margins.length > 0));

/** The section of report.html (empty when there is nothing to show). */
export function robustnessHtml(r: RobustnessReport | null): string {
  if (!shown(r)) return '';
  const t = table(r);
  return (
    `<section id="robustness"><h2>${REPORT_SECTIONS.robustness.heading}</h2>${htmlTable(t.headers, t.rows)}` +
    `${lines(r)
      .map((l) => `<p class="note">${esc(l)}</p>`)
      .join('')}</section>`
  );
}

/** The section of report.md (no lines when there is nothing to show). */
export function robustnessMarkdown(r: RobustnessReport | null): string[] {
  if (!shown(r)) return [];
  const t = table(r);
  return [
    `## ${REPORT_SECTIONS.robustness.heading}`,
    '',
    mdTable(t.headers, t.rows),
    '',
    ...lines(r).flatMap((l) => [mdEscape(l), '']),
  ];
}
