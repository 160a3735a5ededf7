/**
 * The budget regime of a run, stated in its summary and report: which kind of algorithm its evaluation budget favours.
 * The boundary comes from `npm run bench:surrogate` (docs/performance.md, docs/algorithms.md): up to ~300 evaluations
 * ParEGO's front had the higher median hypervolume than NSGA-II/III on the benchmark and node cases measured; past it
 * the evolutionary algorithms catch up while ParEGO's cost per proposal grows with its model. A guide, not a rule.
 */
export const SURROGATE_REGIME_MAX_EVALUATIONS = 300;

/** One sentence for a run of `algorithm` that made `evaluations` evaluations. */
export function budgetRegimeText(algorithm: string, evaluations: number): string {
  const surrogate = evaluations <= SURROGATE_REGIME_MAX_EVALUATIONS;
  const regime = surrogate
    ? `surrogate regime (≤ ${SURROGATE_REGIME_MAX_EVALUATIONS} evaluations)`
    : `evolutionary regime (> ${SURROGATE_REGIME_MAX_EVALUATIONS} evaluations)`;
  if (algorithm === 'parego') {
    return surrogate ? `budget: ${regime}, where parego is the measured best choice`
      : `budget: ${regime}; parego's advantage was measured at ≤ ${SURROGATE_REGIME_MAX_EVALUATIONS} evaluations, nsga2/nsga3 need fewer seconds per design here (docs/algorithms.md)`;
  }
  return surrogate ? `budget: ${regime}; when each evaluation is expensive, algorithm.name: parego usually finds a better front at this budget (docs/algorithms.md)`
    : `budget: ${regime}, where ${algorithm} is the usual choice`;
}
