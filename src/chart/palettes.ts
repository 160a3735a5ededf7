/**
 * Every colour list the product draws with, for the reports and the explorer alike: d3-scale-chromatic's category10
 * (the run and compare plots) and Tableau 10 (bars, the analysis plots), the explorer's eight run colours, and viridis
 * (van der Walt, Smith and Firing, matplotlib 2015: d3's sampling of matplotlib's 256-colour table), perceptually
 * uniform and readable in grey.
 */
import { interpolateViridis, schemeCategory10, schemeTableau10 } from 'd3-scale-chromatic';

export const CATEGORY10: readonly string[] = schemeCategory10;
export const TABLEAU10: readonly string[] = schemeTableau10;
/** The explorer's runs and a choice's options, in order (more than eight reuse them). */
export const RUN_COLOURS: readonly string[] = [
  '#1f6fb4',
  '#d4700a',
  '#2a9d3c',
  '#8e44ad',
  '#c0392b',
  '#16a0a0',
  '#7a5c2e',
  '#5d6d7e',
];

/** Viridis at u, clamped to [0, 1] (0 dark, 1 light); NaN: 'none' (nothing drawn). */
export const viridis = (u: number): string =>
  Number.isNaN(u) ? 'none' : interpolateViridis(Math.min(1, Math.max(0, u)));

/** n colours of viridis at even steps from its dark end to its light end. */
export const viridisSteps = (n: number): string[] =>
  Array.from({ length: n }, (_, k) => viridis(n === 1 ? 0 : k / (n - 1)));
