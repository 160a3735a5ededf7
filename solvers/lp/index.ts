/**
 * LP solver factory: loads HiGHS once (asynchronously) and returns a synchronous `LpSolver` that
 * routes each model to javascript-lp-solver or HiGHS.
 *
 * Choice (`options.solver`, default 'auto'): 'jslp' and 'highs' force a solver; 'auto' uses
 * javascript-lp-solver when its dense tableau has at most `JSLP_MAX_TABLEAU_CELLS` cells
 * ((rows + bound rows + 1) × (cols + 1)) and HiGHS otherwise. The threshold comes from measurements on a
 * 10×10 +Grid torus (toolchain check, Node 20, one core): a 400-row × 401-column max-flow (~2·10⁵ cells)
 * took 15 ms in jsLPSolver against 60 ms for a first (cold) HiGHS solve; at ~1.3·10⁶ cells jsLPSolver
 * took 40 ms to 1.7 s depending on degeneracy while warm HiGHS stayed near 0.1 s. So jsLPSolver only
 * wins on tiny models (such as the reduced torus LP) and HiGHS takes everything else. In 'auto' mode a
 * jsLPSolver exception ('error') falls back to HiGHS.
 */
import type { LpModel, LpResult, LpSolveOptions, LpSolver } from '../../src/optimize/lp.js';
import { jsLpTableauCells, solveWithJsLp } from './jslp.js';
import { loadHighs, solveWithHighs } from './highs.js';

export { JSLP_SOLVER_NAME, JSLP_VERSION, solveWithJsLp, toJsLpModel } from './jslp.js';
export { HIGHS_PACKAGE_VERSION, highsSolverName, loadHighs, solveWithHighs } from './highs.js';

/** Largest jsLPSolver tableau (cells) that 'auto' sends to javascript-lp-solver. */
export const JSLP_MAX_TABLEAU_CELLS = 250_000;

/** Which solver 'auto' picks for a model. */
export function autoSolverFor(model: Readonly<LpModel>): 'jslp' | 'highs' {
  return jsLpTableauCells(model) <= JSLP_MAX_TABLEAU_CELLS ? 'jslp' : 'highs';
}

/** Create the project's LP solver (HiGHS is loaded here, once per process). */
export async function createLpSolver(): Promise<LpSolver> {
  const highs = await loadHighs();
  return (model: Readonly<LpModel>, options?: Readonly<LpSolveOptions>): LpResult => {
    const choice = options?.solver ?? 'auto';
    if (choice === 'highs') return solveWithHighs(highs, model);
    if (choice === 'jslp') return solveWithJsLp(model);
    if (autoSolverFor(model) === 'highs') return solveWithHighs(highs, model);
    const r = solveWithJsLp(model);
    return r.status === 'error' ? solveWithHighs(highs, model) : r;
  };
}
