/**
 * The one formatter of a space-to-ground cost ratio in words: every verdict and parity text passes through it, so no
 * report prints "Infinity×", "∞×" or "NaN×".
 *
 * A ratio r = space cost per delivered unit / ground cost per delivered unit reads
 * - finite, r > 1: "4.2× (ground cheaper)"; r < 1: "0.81× (space cheaper)"; r = 1: "1× (at parity)";
 * - +∞: the space cost per unit is unbounded (no compute delivered, or a price trajectory beyond the range of a
 *   double): a sentence saying so, and that no parity follows;
 * - NaN or negative: a sentence saying the ratio cannot be formed, and why.
 */
import { fmt } from './numberFormat.js';

/** What a non-finite or negative ratio means, in words; undefined for a finite ratio ≥ 0. */
export function ratioProblem(ratio: number): string | undefined {
  if (ratio === Infinity)
    return 'no compute delivered for a finite cost (or a cost beyond any finite figure): no parity';
  if (Number.isNaN(ratio)) return 'cost per delivered unit cannot be formed (an undefined cost or compute): no verdict';
  if (ratio < 0) return 'negative cost ratio (a negative cost or compute): no verdict';
  return undefined;
}

/** "4.2× (ground cheaper)" after `lead` (e.g. "space costs "), or the sentence of ratioProblem without it. */
export function costRatioText(ratio: number, lead = ''): string {
  const problem = ratioProblem(ratio);
  if (problem !== undefined) return problem;
  const side = ratio < 1 ? 'space cheaper' : ratio > 1 ? 'ground cheaper' : 'at parity';
  return `${lead}${fmt(ratio)}× (${side})`;
}

/** The bare ratio "4.2×", or the sentence of ratioProblem (for tables whose column already names the sides). */
export function ratioText(ratio: number): string {
  return ratioProblem(ratio) ?? `${fmt(ratio)}×`;
}

/** The figures of the cost bridge: one design's cost of delivered compute on each basis, then its verdict. */
export interface CostBridge {
  /** One node, undiscounted, no learning [USD/PFLOP-day]; absent for a constellation (no single first unit). */
  readonly firstUnit?: number;
  /** Nodes in the programme [-]. */
  readonly units: number;
  /** Learning rate on its first-unit-class lines (1: none) [-]; absent: not stated. */
  readonly learningRate?: number;
  /** The programme, undiscounted [USD/PFLOP-day]. */
  readonly programme: number;
  readonly discountRate_per_yr: number;
  /** The programme, discounted: the verdict's basis [USD/PFLOP-day]. */
  readonly discounted: number;
  /** Discounted space / ground [-] and the ground scenario. */
  readonly ratio: number;
  readonly baseline: string;
}

/**
 * The one line that leads every cost section: "cost of delivered compute: first unit 98.3 → programme of 8,334
 * (learning 0.85) 60.7 → discounted at 7 % 72 USD/PFLOP-day → 3.28× hyperscale-virginia".
 */
export function costBridgeText(b: CostBridge): string {
  const lr = b.learningRate;
  const learning = lr === undefined ? '' : lr < 1 ? ` (learning ${fmt(lr)})` : ' (no learning)';
  const first = b.firstUnit === undefined ? '' : `first unit ${fmt(b.firstUnit)} → `;
  return (
    `cost of delivered compute: ${first}programme of ${fmt(b.units)}${learning} ${fmt(b.programme)} → ` +
    `discounted at ${fmt(100 * b.discountRate_per_yr)} % ${fmt(b.discounted)} USD/PFLOP-day → ${ratioText(b.ratio)} ${b.baseline}`
  );
}
