/**
 * Why a run found no feasible design, from every design it evaluated (evaluations.csv, failed ones aside): the
 * constraint no evaluated design meets alone, else the pair no design meets together (a requirement that contradicts
 * another, e.g. an average IT power above the peak allowed), else none (every pair is met by some design: the search
 * or the bounds, not the requirements). The same reading as the select rule's diagnosis (./achievable.ts) at a
 * margin of 0: a margin is −g, each g scaled by |limit| (src/study/objectives.ts `scaledViolation`).
 */
import { percentText } from '../../base/numberFormat.js';
import { logAchievability } from './achievable.js';
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
  return {
    evaluated: a.feasible,
    conflict: a.conflict,
    conflictMargin: a.conflictMargin,
    closestIndex: a.bestIndex,
    closestMargin: a.bestMargin,
  };
}

/** The diagnosis as sentences: the conflict and what to change. */
export function infeasibilityText(d: Infeasibility): string {
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
