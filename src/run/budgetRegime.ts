/**
 * The budget regime of a run, stated in its summary and report: which algorithm its evaluation budget and objective
 * count favour, from `npm run bench:surrogate` (docs/performance.md, docs/algorithms.md). Measured: with 2 objectives
 * (ZDT1, 30 variables) ParEGO's median hypervolume at 100 and 200 evaluations was far above NSGA-II's, while on the
 * constrained constellation study (one seed, 40 evaluations) NSGA-II's front dominated ParEGO's; with 3 objectives
 * (DTLZ2, C2-DTLZ2) NSGA-III's was above ParEGO's at the same budgets. Past ~300 evaluations the
 * evolutionary algorithms are the usual choice (ParEGO's cost per proposal grows with its model). A guide, not a rule.
 */
export const SURROGATE_REGIME_MAX_EVALUATIONS = 300;

/** One sentence for a run of `algorithm` with `objectives` objectives that made `evaluations` evaluations. */
export function budgetRegimeText(algorithm: string, evaluations: number, objectives: number): string {
  const small = evaluations <= SURROGATE_REGIME_MAX_EVALUATIONS;
  if (!small) {
    const usual = objectives >= 3 ? 'nsga3' : 'nsga2';
    return (
      `budget: evolutionary regime (> ${SURROGATE_REGIME_MAX_EVALUATIONS} evaluations), where ${usual} is the usual choice` +
      (algorithm === 'parego'
        ? `; parego was measured ahead only at ≤ ${SURROGATE_REGIME_MAX_EVALUATIONS} evaluations (docs/algorithms.md)`
        : '')
    );
  }
  const regime = `budget: small (≤ ${SURROGATE_REGIME_MAX_EVALUATIONS} evaluations)`;
  if (objectives <= 2) {
    const measured =
      'parego was far ahead on an unconstrained benchmark, behind on the constrained constellation study (docs/algorithms.md)';
    return algorithm === 'parego'
      ? `${regime}, 2 objectives: the surrogate regime; ${measured}`
      : `${regime}, 2 objectives: the surrogate regime; when each evaluation is expensive, try algorithm.name: parego — ${measured}`;
  }
  return algorithm === 'nsga3'
    ? `${regime}, ${objectives} objectives: nsga3 measured ahead of parego at this budget on 3-objective benchmarks`
    : `${regime}, ${objectives} objectives: nsga3 measured ahead of parego and nsga2 at this budget on 3-objective benchmarks (docs/algorithms.md)`;
}
