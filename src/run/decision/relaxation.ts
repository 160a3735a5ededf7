/**
 * Shadow prices of the recommended design: what relaxing each binding requirement of the knee by 10 % buys, found by
 * a short warm-started re-optimization of the study with that limit moved.
 * Method: a constraint's g is the study's g ≤ 0 form scaled by |limit| (src/study/objectives.ts `scaledViolation`), so
 * moving the limit outward by RELAXATION (10 %) of |limit| turns g ≤ 0 into g ≤ RELAXATION, for either sense.
 * Constraints on one quantity with one limit (binding.ts `also`) are relaxed together. Each relaxed problem, confined
 * to the designs no worse than the knee in every objective (`relaxedProblem`), is optimized by the run's algorithm
 * with its settings and seed, its initial population the knee and the run's final population, for
 * `relaxationGenerations` generations (together at most RELAXATION_BUDGET_SHARE of the run's evaluations).
 * Rule: per objective, the best value among the re-optimization's feasible non-dominated designs that are no worse
 * than the knee in every other objective, less the best of the control — the same re-optimization (same seed and
 * start) with no limit relaxed — so a price is what the relaxation buys, not what more search alone finds (never a
 * loss); a change under NEGLIGIBLE_CHANGE of the knee's value counts as none.
 * A requirement met in whole steps (ISL capacity from whole 100 Gbps terminals) has no design between the stated and
 * the relaxed limit unless a cheaper step falls inside it, and then buys nothing: the table says so.
 * Deterministic: the same run (seed, final population) gives the same prices, evaluated in this thread.
 * Derivation and caveats: docs/runs.md §"Shadow prices".
 */
import type { Algorithm, WarmStart } from '../../optimize/algorithm.js';
import { safeEvaluate, type Problem } from '../../optimize/types.js';
import { fmt } from '../../base/numberFormat.js';
import { constraintLabel } from './binding.js';
import type { ParetoDesign, ParetoFile } from '../paretoFile.js';
import type { ConstraintMargin, KneeRelaxation, RelaxationGain, RelaxedObjective } from '../schemas.js';

/** A binding constraint's limit is moved outward by this fraction of |limit|. */
export const RELAXATION = 0.1;
/** All re-optimizations together evaluate at most this share of the run's evaluations… */
export const RELAXATION_BUDGET_SHARE = 0.2;
/** …in at least two generations (the warm population and one of offspring) and at most ten each. */
export const RELAXATION_GENERATIONS = { min: 2, max: 10 } as const;
/** A change smaller than this share of the knee's value is no gain. */
export const NEGLIGIBLE_CHANGE = 1e-3;

/** What a re-optimization needs of the finished run. */
export interface ReoptimizeSource {
  readonly problem: Problem;
  /** The run's algorithm with its settings and seed, on `problem`, starting from `initial`. */
  readonly create: (problem: Problem, initial: WarmStart) => Algorithm;
  /** The run's final population (decision vectors). */
  readonly population: readonly Float64Array[];
  readonly runEvaluations: number;
}

/** Generations of each re-optimization: the budget share split over `relaxations` runs of `population` designs. */
export function relaxationGenerations(runEvaluations: number, population: number, relaxations: number): number {
  const fit = Math.floor((RELAXATION_BUDGET_SHARE * runEvaluations) / Math.max(1, relaxations * population));
  return Math.min(RELAXATION_GENERATIONS.max, Math.max(RELAXATION_GENERATIONS.min, fit));
}

/**
 * `problem` with the constraints at `positions` relaxed (g − RELAXATION: the limit moved by 10 % of |limit|) and, one
 * per objective after them, the knee's dominance cone: f_k ≤ knee_k, scaled by |knee_k| (`kneeMin`: the knee's
 * minimized objectives). Only designs no worse than the knee in every objective can improve on it, so the search
 * spends its few generations there instead of along the whole front.
 */
export function relaxedProblem(problem: Problem, positions: ReadonlySet<number>, kneeMin: readonly number[]): Problem {
  const scale = kneeMin.map((k) => Math.abs(k) || 1);
  return {
    ...problem,
    constraints: [
      ...problem.constraints,
      ...problem.objectives.map((o) => ({ name: `${o.name} no worse than the knee` })),
    ],
    evaluate(x) {
      const e = safeEvaluate(problem, x);
      if (e.status !== 'ok') return e;
      const g = Float64Array.from(e.g, (v, i) => (positions.has(i) ? v - RELAXATION : v));
      const cone = Float64Array.from(e.f, (v, k) => (v - kneeMin[k]!) / scale[k]!);
      return { status: 'ok', f: e.f, g: Float64Array.of(...g, ...cone) };
    },
  };
}

/**
 * Per objective (in the study's order and sense), the best value among `candidates` (minimized objective vectors) no
 * worse than the knee in every other objective, and its change from the knee's value.
 */
export function objectiveGains(
  objectives: readonly { readonly name: string; readonly sense: 'minimize' | 'maximize'; readonly unit: string }[],
  knee: Readonly<Record<string, number>>,
  candidates: readonly (readonly number[] | Float64Array)[],
): RelaxedObjective[] {
  const sign = objectives.map((o) => (o.sense === 'maximize' ? -1 : 1));
  const kneeMin = objectives.map((o, j) => sign[j]! * knee[o.name]!);
  return objectives.map((o, j) => {
    let best = kneeMin[j]!;
    for (const f of candidates) if (f[j]! < best && kneeMin.every((k, i) => i === j || f[i]! <= k)) best = f[j]!;
    const value = sign[j]! * best;
    return { objective: o.name, unit: o.unit, knee: knee[o.name]!, best: value, change: value - knee[o.name]! };
  });
}

/** Whether a change is a gain worth naming (NEGLIGIBLE_CHANGE of the knee's value, or any change from 0). */
export const buys = (o: RelaxedObjective): boolean =>
  Math.abs(o.change) > NEGLIGIBLE_CHANGE * Math.abs(o.knee) && Number.isFinite(o.change);

/** A design's decision vector in the problem's encoding (a choice as its option's position). */
export function encode(problem: Problem, d: ParetoDesign): Float64Array {
  return Float64Array.from(problem.variables, (v) => {
    const value = d.variables[v.name]!;
    return v.kind === 'choice' ? v.options.indexOf(value) : Number(value);
  });
}

/**
 * The shadow prices of `knee` (its binding constraints `binding`); null when nothing binds it or no binding
 * constraint is one of the problem's.
 */
export function shadowPrices(
  src: ReoptimizeSource,
  pareto: Pick<ParetoFile, 'objectives'>,
  knee: ParetoDesign,
  binding: readonly ConstraintMargin[],
): KneeRelaxation | null {
  const { problem } = src;
  const groups = binding.flatMap((c) => {
    const names = [c.name, ...(c.also ?? [])];
    const positions = new Set(problem.constraints.flatMap((k, i) => (names.includes(k.name) ? [i] : [])));
    return positions.size > 0 ? [{ label: constraintLabel(c), positions }] : [];
  });
  if (groups.length === 0) return null;
  const initial: WarmStart = { designs: [encode(problem, knee), ...src.population] };
  const kneeMin = pareto.objectives.map((o) => (o.sense === 'maximize' ? -1 : 1) * knee.objectives[o.name]!);
  // one more re-optimization, the control, with nothing relaxed
  const generations = relaxationGenerations(src.runEvaluations, Math.max(1, src.population.length), groups.length + 1);
  let evaluations = 0;
  const reoptimize = (positions: ReadonlySet<number>) => {
    const relaxed = relaxedProblem(problem, positions, kneeMin);
    const algorithm = src.create(relaxed, initial);
    for (let gen = 0; gen < generations; gen++) {
      const xs = algorithm.ask();
      algorithm.tell(xs.map((x) => relaxed.evaluate(x)));
      evaluations += xs.length;
    }
    return algorithm.archive();
  };
  const gainsOf = (front: ReturnType<typeof reoptimize>) =>
    objectiveGains(
      pareto.objectives,
      knee.objectives,
      front.map((ind) => ind.f),
    );
  const control = gainsOf(reoptimize(new Set()));
  const gains = groups.map((grp): RelaxationGain => {
    const front = reoptimize(grp.positions);
    const pastLimit = front.filter((ind) => [...grp.positions].some((i) => ind.g[i]! + RELAXATION > 0)).length;
    // what the relaxation buys beyond the control (same seed and start: common random numbers), never a loss
    const objectives = gainsOf(front).map((o, j) => {
      const sense = pareto.objectives[j]!.sense === 'maximize' ? 1 : -1;
      const change = sense * Math.max(0, sense * (o.best - control[j]!.best));
      return { ...o, change: change === 0 ? 0 : change };
    });
    return { constraint: grp.label, pastLimit, objectives };
  });
  return { relaxation: RELAXATION, generations, evaluations, control, gains };
}

/** "−1.23 (−1.3 %)", or "–" when the relaxation buys nothing in this objective. */
function changeCell(o: RelaxedObjective): string {
  if (!buys(o)) return '–';
  const rel = o.knee !== 0 ? ` (${o.change > 0 ? '+' : ''}${((100 * o.change) / Math.abs(o.knee)).toFixed(1)} %)` : '';
  return `${o.change > 0 ? '+' : ''}${fmt(o.change)}${rel}`;
}

/**
 * The shadow prices as the terminal, the reports and the explorer show them: a table with one row per constraint whose
 * relaxation buys something (one column per objective, "name [unit]"), or null when none does, and the sentence that
 * goes with it (the method, and the constraints whose relaxation buys nothing).
 */
export function relaxationView(r: KneeRelaxation): {
  table: { headers: string[]; rows: string[][] } | null;
  note: string;
} {
  const unit = (u: string): string => (u !== '' && u !== '-' ? ` [${u}]` : '');
  const paying = r.gains.filter((g) => g.objectives.some(buys));
  const idle = r.gains.filter((g) => !g.objectives.some(buys));
  const pct = `${100 * r.relaxation} %`;
  const from =
    r.warmStart === 'union front'
      ? "the seeds' union front (the knee's seed and settings"
      : "the run's final population (same seed";
  const how = `a ${r.generations}-generation re-optimization from ${from}, ${r.evaluations} evaluations)`;
  // nothing as good as the knee past the stated limit: a requirement met in whole steps (terminals) lands here
  const nothing = (g: RelaxationGain): string =>
    `${g.constraint}${g.pastLimit === 0 ? ' (no design as good as the knee past the stated limit)' : ''}`;
  // what the search alone finds past the knee, with no limit relaxed (the control the prices are counted beyond)
  const alone = (r.control ?? []).filter(buys);
  const control =
    alone.length > 0
      ? ` (with no limit relaxed the same search already improves on the knee: ${alone.map((o) => `${o.objective} ${changeCell(o)}`).join(', ')})`
      : '';
  if (paying.length === 0)
    return {
      table: null,
      note: `No binding limit moves the answer: relaxing ${idle.length === 1 ? 'it' : 'each'} by ${pct} buys nothing beyond what ${how} finds with none relaxed${control}: ${idle.map(nothing).join('; ')}.`,
    };
  const first = paying[0]!.objectives;
  return {
    table: {
      headers: [`limit relaxed by ${pct}`, ...first.map((o) => `${o.objective}${unit(o.unit)}`)],
      rows: paying.map((g) => [g.constraint, ...g.objectives.map(changeCell)]),
    },
    note:
      `Per objective, what the best design of ${how} no worse than the knee in any other objective gains over the same search with no limit relaxed${control}; – none.` +
      (idle.length > 0 ? ` No gain from relaxing ${idle.map(nothing).join('; ')}.` : ''),
  };
}
