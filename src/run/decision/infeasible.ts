/**
 * Why a run found no feasible design, from every design it evaluated (the evaluation log, failed ones aside): the
 * constraint no evaluated design meets alone, else the pair no design meets together (a requirement that contradicts
 * another, e.g. an average IT power above the peak allowed), else none (every pair is met by some design: the search
 * or the bounds, not the requirements). The same reading as the select rule's diagnosis (./achievable.ts) at a
 * margin of 0: a margin is −g, each g scaled by |limit| (src/study/objectives.ts `scaledViolation`).
 * Before any search, the requirements themselves: a floor on a quantity above a cap on the same quantity, or on its
 * average above a cap on its peak (`xAvg_u` never exceeds `xPeak_u`, nor `xMin_u` `xMax_u`, by definition), cannot
 * hold together whatever the designs; such a pair is named as impossible, not as a search result.
 */
import { percentText } from '../../base/numberFormat.js';
import { logAchievability } from './achievable.js';
import { parseConstraint } from '../../study/expression.js';
import type { RunCounts } from '../schemas.js';

/** run.json `result.infeasibility` (its fields described in ../schemas.ts). */
export type Infeasibility = NonNullable<RunCounts['infeasibility']>;

/** The diagnosis of the log at `logPath`; null when it is absent or holds no evaluated design. */
export function logInfeasibility(logPath: string): Infeasibility | null {
  const a = logAchievability(
    logPath,
    () => true,
    0,
    new Set(),
    (status) => status !== 'failed',
  );
  if (a === null) return null;
  const impossible = impossiblePairs(a.names);
  return {
    evaluated: a.feasible,
    conflict: a.conflict,
    conflictMargin: a.conflictMargin,
    closestIndex: a.bestIndex,
    closestMargin: a.bestMargin,
    unmet: a.unmet.map((u) => ({ name: u.name, margin: u.margin })),
    ...(impossible.length > 0 ? { impossible } : {}),
  };
}

/** A requirement's metric, sense and limit, read from its name ("compute.itPowerAvg_W >= 120000"); null otherwise. */
function requirementOf(name: string): { metric: string; floor: boolean; limit: number } | null {
  try {
    const c = parseConstraint(name);
    return c.lhs.op === 'ref' && c.rhs.op === 'num'
      ? { metric: c.lhs.path, floor: c.sense === '>=', limit: c.rhs.value }
      : null;
  } catch {
    return null; // a sizing closure's name ("power.arrayArea") is no comparison
  }
}

/** The metric never below `metric` by definition (its peak for an average, its maximum for a minimum), or null. */
function ceilingOf(metric: string): string | null {
  const m = /^(.*[a-z0-9])(Avg|Min)(_[^.]*)?$/.exec(metric);
  return m === null ? null : `${m[1]!}${m[2] === 'Avg' ? 'Peak' : 'Max'}${m[3] ?? ''}`;
}

/**
 * Pairs of requirements no design can meet together by definition: a floor above a cap on the same metric, or a floor
 * on an average (a minimum) above a cap on its peak (its maximum). Each pair as [floor, cap].
 */
export function impossiblePairs(names: readonly string[]): [string, string][] {
  const reqs = names.flatMap((name) => {
    const r = requirementOf(name);
    return r === null ? [] : [{ name, ...r }];
  });
  const pairs: [string, string][] = [];
  for (const lo of reqs)
    for (const hi of reqs)
      if (
        lo.floor &&
        !hi.floor &&
        lo.limit > hi.limit &&
        (hi.metric === lo.metric || hi.metric === ceilingOf(lo.metric))
      )
        pairs.push([lo.name, hi.name]);
  return pairs;
}

/** Why a pair of impossiblePairs cannot hold, in words. */
function impossibleText([floor, cap]: readonly string[]): string {
  const same = requirementOf(floor!)?.metric === requirementOf(cap!)?.metric;
  const why = same
    ? 'a value cannot lie above its floor and below a lower cap'
    : /Avg/.test(floor!)
      ? 'an average is never above its own peak'
      : 'a minimum is never above its own maximum';
  return `${floor!} and ${cap!} cannot hold together: ${why}; lower the first or raise the second`;
}

/** The diagnosis as sentences: the conflict and what to change. */
export function infeasibilityText(d: Infeasibility): string {
  if (d.impossible !== undefined && d.impossible.length > 0) return d.impossible.map(impossibleText).join('; ');
  const [x, y] = d.conflict;
  const of = `of the ${d.evaluated.toLocaleString('en-US')} evaluated designs`;
  const short = (m: number): string => percentText(-m);
  if (x !== undefined && y === undefined)
    return (
      `${x} is met by none ${of} (the closest falls ${short(d.conflictMargin)} short of its limit): ` +
      `widen its limit, or the bounds of the variables that drive it`
    );
  if (x !== undefined && y !== undefined)
    return (
      `${x} and ${y} conflict: each is met by some ${of}, both by none (the closest misses one by ` +
      `${short(d.conflictMargin)} of its limit): relax one of the two limits`
    );
  return (
    `every pair of constraints is met by some ${of}, all of them by none (the closest, evaluation ` +
    `${d.closestIndex}, misses by ${short(d.closestMargin)} of a limit): run longer (more generations) or widen ` +
    `the limits it misses`
  );
}

/**
 * One shortfall per constraint that no evaluated design meets: the closest any design came, as a share of its limit;
 * those the diagnosis already states (a single conflict's) left out. Empty when there are none to add.
 */
export function shortfallText(d: Infeasibility): string {
  const stated = d.impossible === undefined && d.conflict.length === 1 ? d.conflict[0] : undefined;
  const rest = (d.unmet ?? []).filter((u) => u.name !== stated);
  return rest.map((u) => `${u.name} ${percentText(-u.margin)} short`).join('; ');
}
