/**
 * The budget regime of a run, stated in its summary and report: which algorithm its evaluation budget and objective
 * count favour, from `npm run bench:surrogate` (docs/performance.md, docs/algorithms.md). Measured at 100 and 200
 * evaluations (medians of 3 seeds): with 2 objectives (ZDT1, 30 variables) ParEGO's and SMS-EGO's hypervolume were
 * far above NSGA-II's, and SMS-EGO's above NSGA-II's on the constrained constellation study (2 seeds, 100
 * evaluations); with 3 objectives SMS-EGO was ahead of NSGA-II/III on the constrained C2-DTLZ2 and node study, and
 * (with its trust region, on by default without constraints, centred on the front designs nearest the ideal) on the
 * unconstrained DTLZ2 at 100 and 200 evaluations (10 seeds to choose the rule, 10 more to confirm it). Past ~300
 * evaluations the evolutionary algorithms are the usual choice: a surrogate's proposals cost ~0.2 s each there, which
 * pays only with evaluations about as costly, though SMS-EGO was still ahead at 500 evaluations on every case of the
 * bench. A guide, not a rule.
 */
import { algorithmEntry } from '../../solvers/index.js';
export const SURROGATE_REGIME_MAX_EVALUATIONS = 300;

/**
 * What 500 evaluations showed for each surrogate, at equal evaluations and (SMS-EGO) at equal wall time
 * (`npm run bench:surrogate`; current figures in docs/algorithms.md and docs/performance.md).
 */
const SURROGATE_AT_500: Record<string, string> = {
  smsego:
    'smsego was still ahead of nsga2/nsga3 at 500 evaluations on every case measured, but at ~0.2 s per proposal: at equal wall time on the flagship constellation study (~35 ms per evaluation) nsga2 at population 40 was level by ~2,400 evaluations and ahead at 4,000, so past a few hundred evaluations smsego pays when an evaluation costs about as much as a proposal or more',
  parego: 'parego was measured at 500 evaluations only on the constellation study (ahead of nsga2) and on ZDT1',
};

/** One sentence for a run of `algorithm` with `objectives` objectives that made `evaluations` evaluations. */
export function budgetRegimeText(algorithm: string, evaluations: number, objectives: number): string {
  const small = evaluations <= SURROGATE_REGIME_MAX_EVALUATIONS;
  const surrogate = algorithmEntry(algorithm)?.surrogate === true;
  if (!small) {
    const usual = objectives >= 3 ? 'nsga3' : 'nsga2';
    return (
      `budget: evolutionary regime (> ${SURROGATE_REGIME_MAX_EVALUATIONS} evaluations), where ${usual} is the usual choice` +
      (surrogate ? `; ${SURROGATE_AT_500[algorithm]} (docs/algorithms.md)` : '')
    );
  }
  const regime = `budget: small (≤ ${SURROGATE_REGIME_MAX_EVALUATIONS} evaluations)`;
  if (objectives <= 2) {
    const measured =
      'parego and smsego were far ahead of nsga2 on an unconstrained benchmark, smsego also on the constrained constellation study (docs/algorithms.md)';
    return surrogate
      ? `${regime}, 2 objectives: the surrogate regime; ${measured}`
      : `${regime}, 2 objectives: the surrogate regime; when each evaluation is expensive, try algorithm.name: parego — ${measured}`;
  }
  const measured3 =
    'smsego measured ahead of nsga3 at 100 and 200 evaluations, with constraints (a benchmark and the node study) and without them (DTLZ2, 20 seeds) (docs/algorithms.md)';
  return `${regime}, ${objectives} objectives: ${measured3}`;
}

/** A proposal at most this share of an evaluation is "small" beside it. */
export const SMALL_PROPOSAL_SHARE = 0.1;

/** Wall times of a run's asks after its start design and of its evaluations, with the designs each covered. */
export interface ProposalTimings {
  readonly propose_s: number;
  readonly proposed: number;
  readonly evaluate_s: number;
  readonly evaluated: number;
}

const ms = (v: number): string => (v >= 10 ? v.toFixed(0) : v.toPrecision(2));
/** A ratio with 2 decimals below 1, 1 below 10, none above. */
const times = (v: number): string => v.toFixed(v < 1 ? 2 : v < 10 ? 1 : 0);

/**
 * For a surrogate's run, what its proposals cost beside its evaluations (wall time, so the evaluations' time is the
 * pool's with several workers): measured on the user's own study, the trade docs/algorithms.md can only state for the
 * shipped ones. Undefined for nsga2/nsga3 (microseconds per design) and when nothing was timed.
 */
export function proposalCostText(algorithm: string, objectives: number, t: ProposalTimings): string | undefined {
  if (algorithmEntry(algorithm)?.surrogate !== true || !(t.proposed > 0) || !(t.evaluated > 0) || !(t.evaluate_s > 0))
    return undefined;
  const propose_ms = (1000 * t.propose_s) / t.proposed;
  const evaluate_ms = (1000 * t.evaluate_s) / t.evaluated;
  const share = propose_ms / evaluate_ms;
  const head = `cost: ${algorithm} took ${ms(propose_ms)} ms per design it proposed, evaluation ${ms(evaluate_ms)} ms per design (wall time)`;
  if (share <= SMALL_PROPOSAL_SHARE) return `${head}: proposals are small beside evaluations`;
  const usual = objectives >= 3 ? 'nsga3' : 'nsga2';
  return (
    `${head}: a proposal costs ${share < 1 ? `${times(share)} of an evaluation` : `as much as ${times(share)} evaluations`}, ` +
    `so in the same time ${usual} evaluates ${times(1 + share)}× as many designs — compare the two at equal time, not ` +
    'equal evaluations (docs/algorithms.md)'
  );
}
