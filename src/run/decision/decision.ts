/**
 * Decision support on a Pareto set: the knee design, the best design per objective, and the
 * selector grammar of `odc export --design` (`knee`, `best:<objective>`, or an evaluation index).
 *
 * Knee method (stated in the reports): every objective is put in the minimized sense and normalized to
 * [0, 1] between the front's ideal and nadir points; the extreme designs (each objective's best) span a
 * hyperplane; the knee is the design farthest from that hyperplane on the side of the ideal point
 * (Das 1999, "On characterizing the knee of the Pareto curve"; Deb & Gupta 2011). When the extreme
 * designs do not span a hyperplane with a positive normal (fewer distinct extremes than objectives), the
 * plane Σ f̂ = 1 through the unit intercepts is used. Ties go to the design closest to the ideal point.
 *
 * Answers: a design that misses a requirement is never picked (knee, best per objective, `--design knee|best:`): one
 * with a constraint the run held at g > 0, or whose constellation record has an enforced check not met (its traffic
 * demand, a shell's node closure). The front keeps such a design (it is shown in its tables), the picks skip it.
 */
import { hypotOf, maxOf, minOf } from '../../base/arrays.js';
import { StudyError, didYouMean } from '../../base/errors.js';
import type { ParetoDesign, ParetoFile } from '../paretoFile.js';

export const KNEE_METHOD =
  "largest distance from the hyperplane through the extreme designs (each objective's best), on the ideal side, " +
  "with every objective minimized and normalized to [0, 1] between the front's ideal and nadir points; ties go to the design closest to the ideal point";

/** Objective matrix of the Pareto designs in the minimized sense (maximized objectives negated). */
export function minimizedObjectives(pareto: ParetoFile): number[][] {
  return pareto.designs.map((d) =>
    pareto.objectives.map((o) => (o.sense === 'maximize' ? -d.objectives[o.name]! : d.objectives[o.name]!)),
  );
}

/** Solves A w = b by Gaussian elimination with partial pivoting; null when singular. */
function solve(A: number[][], b: number[]): number[] | null {
  const n = b.length;
  const M = A.map((r, i) => [...r, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[p]![c]!)) p = r;
    if (Math.abs(M[p]![c]!) < 1e-12) return null;
    [M[c], M[p]] = [M[p]!, M[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r]![c]! / M[c]![c]!;
      for (let k = c; k <= n; k++) M[r]![k] = M[r]![k]! - f * M[c]![k]!;
    }
  }
  return M.map((r, i) => r[n]! / r[i]!);
}

/**
 * The requirements a Pareto design misses: the run's constraints at g > 0 and, for a constellation, its record's
 * enforced checks not met (a node record's enforced checks are the run's constraints, but those its study relaxes).
 */
export function missedRequirements(d: ParetoDesign): string[] {
  const held = Object.entries(d.constraints)
    .filter(([, g]) => g > 0)
    .map(([name]) => name);
  const rec = d.record;
  const own =
    rec !== null && rec.kind === 'constellation'
      ? rec.constraints.filter((c) => c.enforced && !c.satisfied && !held.includes(c.name)).map((c) => c.name)
      : [];
  return [...held, ...own];
}

/** Whether each front position may be picked as an answer (it misses no requirement). */
export function answerable(pareto: ParetoFile): (position: number) => boolean {
  const ok = pareto.designs.map((d) => missedRequirements(d).length === 0);
  return (i) => ok[i] === true;
}

/** "No Pareto design meets every requirement (…)": said instead of an answer when each design misses one; else null. */
export function noAnswerText(pareto: ParetoFile): string | null {
  const ok = answerable(pareto);
  if (pareto.designs.length === 0 || pareto.designs.some((_, i) => ok(i))) return null;
  const missed = [...new Set(pareto.designs.flatMap(missedRequirements))];
  return `No Pareto design meets every requirement (each misses ${missed.join(' or ')}), so none is recommended.`;
}

/** The knee among the designs that may be answers (see `answerable`); -1 when there is none. */
export function answerKnee(pareto: ParetoFile): number {
  return kneeAmong(minimizedObjectives(pareto), answerable(pareto));
}

/** Position (in `F`) of the knee of a minimized objective matrix; -1 when empty. */
export function kneePosition(F: readonly (readonly number[])[]): number {
  return kneeAmong(F, () => true);
}

/**
 * The knee among the designs `allowed` admits (position in `F`), by the same distance as `kneePosition` with the
 * ideal, nadir and extreme designs of the whole front (so a design's knee distance does not depend on which others
 * are admitted); -1 when none is admitted.
 */
export function kneeAmong(F: readonly (readonly number[])[], allowed: (position: number) => boolean): number {
  const n = F.length;
  if (n === 0) return -1;
  const m = F[0]!.length;
  const ideal = Array.from({ length: m }, (_, j) => minOf(F.map((f) => f[j]!)));
  const nadir = Array.from({ length: m }, (_, j) => maxOf(F.map((f) => f[j]!)));
  // halves first: a range past the largest double (−1e308 to 1e308) stays finite; the quotient is the same
  const N = F.map((f) =>
    f.map((v, j) => (nadir[j]! > ideal[j]! ? (v / 2 - ideal[j]! / 2) / (nadir[j]! / 2 - ideal[j]! / 2) : 0)),
  );
  const extremes = Array.from({ length: m }, (_, j) => {
    let best = 0;
    for (let i = 1; i < n; i++) {
      const a = N[i]!,
        b = N[best]!;
      if (a[j]! < b[j]! || (a[j] === b[j] && a.reduce((s, v) => s + v, 0) < b.reduce((s, v) => s + v, 0))) best = i;
    }
    return N[best]!;
  });
  let w = solve(
    extremes.map((e) => [...e]),
    new Array<number>(m).fill(1),
  );
  if (!w || w.some((x) => !(x > 0) || !Number.isFinite(x))) w = new Array<number>(m).fill(1);
  const norm = hypotOf(w);
  let best = -1;
  let bestD = -Infinity;
  let bestIdeal = Infinity;
  for (let i = 0; i < n; i++) {
    if (!allowed(i)) continue;
    const f = N[i]!;
    const d = (1 - f.reduce((s, v, j) => s + v * w[j]!, 0)) / norm;
    const toIdeal = hypotOf(f);
    if (best < 0 || d > bestD + 1e-12 || (Math.abs(d - bestD) <= 1e-12 && toIdeal < bestIdeal)) {
      best = i;
      bestD = d;
      bestIdeal = toIdeal;
    }
  }
  return best;
}

/** Resolves a user's objective name: exact, case-insensitive, or a unique short form (`lcoc`, `launch`). */
export function resolveObjective(pareto: ParetoFile, query: string, where: string): string {
  const names = pareto.objectives.map((o) => o.name);
  if (names.includes(query)) return query;
  const lower = query.toLowerCase();
  const short = (n: string): string =>
    n
      .slice(n.lastIndexOf('.') + 1)
      .replace(/_.*$/, '')
      .toLowerCase();
  const hits = names.filter(
    (n) => n.toLowerCase() === lower || n.toLowerCase().endsWith(`.${lower}`) || short(n) === lower,
  );
  if (hits.length === 1) return hits[0]!;
  const guess = didYouMean(query, names);
  throw new StudyError(
    'BAD_ARGUMENT',
    `${where}: ${hits.length > 1 ? `"${query}" matches several objectives (${hits.join(', ')})` : `unknown objective "${query}"`}` +
      `${guess && hits.length === 0 ? `: did you mean ${guess}?` : ''}; the run's objectives are ${names.join(', ')} (write best:<objective>)`,
    { field: 'design' },
  );
}

/**
 * Position of the best Pareto design for one objective (in its own sense) among those that may be answers (see
 * `answerable`); ties: lowest index; -1 when there is none.
 */
export function bestPosition(pareto: ParetoFile, objective: string): number {
  const maximize = pareto.objectives.find((x) => x.name === objective)!.sense === 'maximize';
  const ok = answerable(pareto);
  let best = -1;
  let b = NaN;
  pareto.designs.forEach((d, i) => {
    const v = d.objectives[objective]!;
    if (ok(i) && (best < 0 || (maximize ? v > b : v < b))) [best, b] = [i, v];
  });
  return best;
}

export interface Pick {
  /** e.g. "knee" or "best cost.lcoc_USD_per_PFLOP_day". */
  readonly label: string;
  readonly selector: string;
  readonly position: number;
  readonly design: ParetoDesign;
}

/**
 * Knee plus best-per-objective, in that order (a design may appear more than once); none when no design may be an
 * answer (see `answerable`).
 */
export function decisionPicks(pareto: ParetoFile): Pick[] {
  const k = answerKnee(pareto);
  if (k < 0) return [];
  const picks: Pick[] = [{ label: 'knee', selector: 'knee', position: k, design: pareto.designs[k]! }];
  for (const o of pareto.objectives) {
    const p = bestPosition(pareto, o.name);
    picks.push({
      label: `best ${o.name} (${o.sense === 'maximize' ? 'highest' : 'lowest'})`,
      selector: `best:${o.name}`,
      position: p,
      design: pareto.designs[p]!,
    });
  }
  return picks;
}

export type DesignSelector = 'knee' | `best:${string}` | number;

/** Parses the text of `--design`: `knee`, `best:<objective>` or a whole number (evaluation index). */
export function parseDesignSelector(text: string | number): DesignSelector {
  if (typeof text === 'number') return text;
  const t = text.trim();
  if (t === 'knee') return 'knee';
  if (t.startsWith('best:') && t.length > 5) return t as `best:${string}`;
  if (/^\d+$/.test(t)) return Number(t);
  throw new StudyError(
    'BAD_ARGUMENT',
    `--design "${text}": expected knee, best:<objective> or a design index (the index column of pareto.csv)`,
    { field: 'design' },
  );
}

/** The Pareto design a selector names, or a BAD_ARGUMENT error naming the run folder and the fix. */
export function selectDesign(pareto: ParetoFile, selector: DesignSelector, runDir: string): Pick {
  if (pareto.designs.length === 0) {
    throw new StudyError(
      'BAD_ARGUMENT',
      `${runDir}: the run has no feasible Pareto design to select; relax the constraints or run longer (see report.html for the least-infeasible designs)`,
      { field: 'design' },
    );
  }
  const none = noAnswerText(pareto);
  if (none !== null && typeof selector === 'string')
    throw new StudyError('BAD_ARGUMENT', `${runDir}: ${none} Name a design by its index to export it anyway.`, {
      field: 'design',
    });
  if (selector === 'knee') {
    const k = answerKnee(pareto);
    return { label: 'knee', selector: 'knee', position: k, design: pareto.designs[k]! };
  }
  if (typeof selector === 'string') {
    const name = resolveObjective(pareto, selector.slice(5), `${runDir}: --design ${selector}`);
    const p = bestPosition(pareto, name);
    return { label: `best ${name}`, selector: `best:${name}`, position: p, design: pareto.designs[p]! };
  }
  const p = pareto.designs.findIndex((d) => d.index === selector);
  if (p < 0) {
    const idx = pareto.designs.map((d) => d.index).sort((a, b) => a - b);
    const list = idx.length <= 12 ? idx.join(', ') : `${idx.slice(0, 10).join(', ')}, … (${idx.length} designs)`;
    throw new StudyError(
      'BAD_ARGUMENT',
      `${runDir}: --design ${selector} is not the index of a Pareto design of this run (indices: ${list}); use the index column of pareto.csv, knee or best:<objective>`,
      { field: 'design' },
    );
  }
  return { label: `design ${selector}`, selector: String(selector), position: p, design: pareto.designs[p]! };
}
