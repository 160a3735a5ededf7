/**
 * The algorithm contract lives in src/optimize/algorithm.ts so the run driver (src/run) can use it without
 * importing from solvers/; solvers re-export it from here.
 */
export * from '../src/optimize/algorithm.js';
