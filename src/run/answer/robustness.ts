/**
 * Margins and robustness of the recommended designs (knee, best per objective), and the study option `select:` that
 * picks the knee among designs a user could build.
 *
 * - Margins, the joint probability and the select: rule: src/run/decision/select.ts (the knee recommended here is the
 *   one run.json's decision names). Node studies with uncertain inputs: the joint probability of each recommended
 *   design, sampled here (a few hundred evaluations each); constellation studies: the recommended design's, as run.json
 *   has it (sampled when the run finished, with the run's LP solver).
 * - The constraints within 2 % of their limit are each design's binding list (src/run/decision/binding.ts), the one
 * list every
 *   output shows.
 */
import { join } from 'node:path';
import { jointProbability, wilsonInterval, type ProportionInterval } from '../../statistics/statistics.js';
import type { ConstraintSamples } from '../../study/constraintSamples.js';
import { loadStudyProblem } from '../problem.js';
import type { ParetoFile } from '../paretoFile.js';
import { answerKnee, type Pick } from '../decision/decision.js';
type PickOf<T, K extends keyof T> = { readonly [P in K]: T[P] };
import { designBinding } from '../decision/binding.js';
import {
  chooseKnee,
  jointOf,
  jointSource,
  pickWord,
  picksOtherThanKnee,
  rulePosition,
  selectionMargins,
  selectRuleOf,
  selectSamples,
  selects,
  type Joint,
  type JointSource,
  type MarginRow,
  type SelectOutcome,
  type SelectRule,
} from '../decision/select.js';
import { discreteConstraints } from '../decision/discrete.js';
import type { LoadedRun } from '../loadRun.js';
import type { DesignBinding, KneeStanding } from '../schemas.js';

export interface DesignRobustness {
  readonly label: string;
  readonly index: number;
  /** Enforced constraints, smallest margin first (sizing closures aside, see src/run/decision/select.ts). */
  readonly margins: readonly MarginRow[];
  readonly minMargin: number;
  /** The design's binding list (src/run/decision/binding.ts). */
  readonly binding: DesignBinding;
  /** P(all enforced constraints hold), or null without uncertain inputs. */
  readonly joint: ProportionInterval | null;
  readonly failedSamples: number;
}

export interface RobustnessReport {
  readonly designs: readonly DesignRobustness[];
  /** Sampling of the joint probabilities, or why there is none. */
  readonly sampling: { readonly samples: number; readonly seed: number; readonly inputs: number } | null;
  readonly notes: readonly string[];
  readonly select: SelectOutcome | null;
}

/** The run study's `select:` (validated when the run was made), or null. */
export function selectRule(run: LoadedRun): SelectRule | null {
  return selectRuleOf(run.study);
}

/**
 * A constellation run's standing as run.json has it: its joint probability was sampled when the run finished (the
 * report has no LP solver to evaluate constellations with), for the recommended design only.
 */
export function storedStanding(run: LoadedRun): KneeStanding | null {
  return run.pareto.kind === 'constellation' ? (run.meta.decision?.standing ?? null) : null;
}

/** The per-sample constraint check of the run's designs, or why there is none. */
function runSampler(run: LoadedRun, samples: number): JointSource | string {
  if (run.pareto.kind === 'constellation')
    return 'a constellation run samples its recommended design when it finishes (run.json decision.standing)';
  if (run.pareto.kind !== 'node') return 'joint probabilities are computed for node and constellation studies';
  return jointSource(loadStudyProblem(join(run.dir, 'study.yaml')), run.study, run.pareto, samples);
}

const CONSTELLATION_JOINT_NOTE =
  'A constellation run samples its recommended design only, when the run finishes (each sample is a constellation ' +
  'evaluation): the other designs have no P(all hold).';

/** P(all hold) of a front position as run.json's standing has it: the recommended design's only. */
const storedJoint =
  (s: KneeStanding): Joint =>
  (position) => {
    const j = position === s.position ? s.joint : null;
    return j === null ? null : wilsonInterval({ successes: Math.round(j.estimate * j.samples), trials: j.samples });
  };

/** The select: outcome run.json's standing records (a constellation run's: see storedStanding). */
const storedOutcome = (s: KneeStanding): SelectOutcome | null =>
  s.rule === null
    ? null
    : {
        rule: s.rule,
        position: s.position,
        qualified: s.qualified,
        meetingMargin: null,
        sampled: 0,
        text: s.selection ?? '',
      };

/**
 * One row per distinct pick (a design picked twice: one row, both labels): its margins and joint probability; a note
 * for each design whose samples could not be drawn though the study has a sampler.
 */
function pickRobustness(
  pareto: PickOf<ParetoFile, 'variables' | 'kind' | 'designs'>,
  picks: readonly Pick[],
  sampled: (position: number) => ConstraintSamples | string,
  joint: (position: number) => ProportionInterval | null,
  hasSampler: boolean,
  notes: string[],
): DesignRobustness[] {
  const seen = new Map<number, number>();
  const designs: DesignRobustness[] = [];
  const discrete = discreteConstraints(pareto);
  for (const p of picks) {
    const at = seen.get(p.position);
    if (at !== undefined) {
      // the same design as an earlier pick: one row, both labels
      designs[at] = { ...designs[at]!, label: `${designs[at]!.label}; ${p.label}` };
      continue;
    }
    seen.set(p.position, designs.length);
    const margins = selectionMargins(p.design, discrete);
    const s = sampled(p.position);
    if (typeof s === 'string' && hasSampler) notes.push(`Design ${p.design.index}: no joint probability (${s}).`);
    designs.push({
      label: p.label,
      index: p.design.index,
      margins,
      minMargin: margins.reduce((m, r) => Math.min(m, r.margin), Infinity),
      binding: designBinding(p.design, pareto.variables, pareto.kind),
      joint: joint(p.position),
      failedSamples: typeof s === 'string' ? 0 : s.failed,
    });
  }
  return designs;
}

/**
 * Picks with the knee chosen by the study's `select:` (unchanged without it) and the robustness of each distinct
 * pick. Evaluates a few hundred samples per design checked (node studies with uncertain inputs only); `given`: the
 * samples the run's decision drew already (its front's positions, the study's sampler), drawn from again.
 */
export function robustPicks(
  run: LoadedRun,
  picks: readonly Pick[],
  given?: JointSource | string,
): { picks: Pick[]; report: RobustnessReport | null; joint: JointSource | string } {
  const rule = selectRule(run);
  const samples = selectSamples(run.pareto.kind, rule);
  let source: JointSource | string;
  try {
    source = given !== undefined && run.pareto.kind === 'node' ? given : runSampler(run, samples);
  } catch (e) {
    source = `the run's study.yaml could not be compiled again (${e instanceof Error ? e.message : String(e)})`;
  }
  if (picks.length === 0) return { picks: [...picks], report: null, joint: source };
  const notes: string[] = [];
  const stored = storedStanding(run);
  if (typeof source === 'string' && run.pareto.kind === 'node') notes.push(`No joint probability: ${source}.`);
  if (stored?.joint != null) notes.push(CONSTELLATION_JOINT_NOTE);
  const sampled = (position: number): ConstraintSamples | string =>
    typeof source === 'string' ? source : source.sampled(position);
  const joint: Joint =
    stored !== null
      ? storedJoint(stored)
      : (position) => {
          const s = sampled(position);
          return typeof s === 'string' ? null : jointProbability({ holds: s.holds });
        };
  const select: SelectOutcome | null =
    stored !== null
      ? storedOutcome(stored)
      : selects(rule)
        ? chooseKnee(run.pareto, rule, typeof source === 'string' ? null : joint)
        : null;
  // the plain knee when the rule's position holds no design
  const lead =
    (select !== null ? kneePick(run, select) : picksOtherThanKnee(rule) ? rulePick(run, rule) : null) ?? picks[0]!;
  const out = [lead, ...picks.slice(1)];
  const designs = pickRobustness(run.pareto, out, sampled, joint, typeof source !== 'string', notes);
  const first = out.map((p) => sampled(p.position)).find((s): s is ConstraintSamples => typeof s !== 'string');
  if (first && first.skipped.length) {
    notes.push(
      `Not checked per sample (a statistic over the samples, not a per-sample condition): ${first.skipped.join('; ')}.`,
    );
  }
  return {
    picks: out,
    joint: source,
    report: {
      designs,
      notes,
      select,
      sampling:
        stored?.joint != null
          ? { samples: stored.joint.samples, seed: stored.joint.seed, inputs: stored.joint.inputs }
          : typeof source === 'string'
            ? null
            : { samples, seed: source.seed, inputs: first?.inputs ?? 0 },
    },
  };
}

// null when the position holds no design (none qualifies, or a stored position past the front)
const kneePick = (run: LoadedRun, s: SelectOutcome): Pick | null => {
  const word = pickWord(run.pareto, selectRule(run));
  const design = run.pareto.designs[s.position];
  if (design === undefined) return null;
  return {
    label: s.qualified ? `${word} (${s.rule})` : `${word} (plain: no design meets ${s.rule})`,
    selector: 'knee',
    position: s.position,
    design,
  };
};

/** The design a select.pick rule without margin or probability recommends (./picks.ts). */
const rulePick = (run: LoadedRun, rule: SelectRule): Pick | null => {
  const position = rulePosition(run.pareto, rule);
  const design = run.pareto.designs[position];
  return design === undefined ? null : { label: pickWord(run.pareto, rule), selector: 'knee', position, design };
};

/**
 * The design the study's select: recommends (what `odc export --design knee` writes), or null without select:
 * (the plain knee).
 */
export function selectedKnee(run: LoadedRun): Pick | null {
  const rule = selectRule(run);
  if (answerKnee(run.pareto) < 0) return null;
  if (!selects(rule)) return picksOtherThanKnee(rule) ? rulePick(run, rule) : null;
  const stored = storedStanding(run);
  const outcome = stored === null ? null : storedOutcome(stored);
  if (outcome !== null) return kneePick(run, outcome);
  let joint: Joint | null = null;
  if (rule.minProbability !== undefined) {
    const s = runSampler(run, selectSamples(run.pareto.kind, rule));
    if (typeof s !== 'string') joint = jointOf(s);
  }
  return kneePick(run, chooseKnee(run.pareto, rule, joint));
}
