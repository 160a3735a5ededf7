/**
 * The decision rules a study's `select.pick` names besides the knee (./decision.ts): TOPSIS with stated weights and a
 * lexicographic order. Each picks one design among the front positions a caller admits, with the front's whole
 * objective matrix setting the scales (so a design's score does not depend on which others are admitted).
 * - TOPSIS (Hwang & Yoon 1981, "Multiple Attribute Decision Making", Springer, ch. 3.3.2): each objective column
 *   vector-normalized, r_ij = x_ij / √(Σ_i x_ij²); weighted v_ij = w_j r_ij with the weights scaled to sum to 1; the
 *   ideal point the best v of each column and the anti-ideal the worst (in each objective's own sense: the minimized
 *   matrix here, where a maximized objective is negated, which leaves √(Σ x²) unchanged); the pick has the largest
 *   closeness C_i = S⁻_i / (S⁺_i + S⁻_i), S± the Euclidean distances to the ideal and the anti-ideal. Assumes every
 *   objective keeps one sign over the front (vector normalization of a column that changes sign is not a ratio scale).
 * - Lexicographic (Ehrgott 2005, "Multicriteria Optimization", 2nd ed., Springer, §5.1): the designs best on the
 *   first objective of the order, within `tolerance` × that objective's range over the front, then among them the
 *   best on the next, and so on; a tie left after the last is settled by the knee distance.
 * Ties otherwise go to the lower front position. Pure.
 */
import { hypotOf, maxOf, minOf } from '../../base/arrays.js';
import { kneeAmong } from './decision.js';

export type PickName = 'knee' | 'topsis' | 'lexicographic';

/** A select: rule's pick: the method and its parameters, objectives named as the study writes them. */
export interface PickRule {
  readonly pick?: PickName;
  /** TOPSIS weights by objective; an objective not named weighs 0. */
  readonly weights?: Readonly<Record<string, number>>;
  /** Lexicographic order of objectives, most important first. */
  readonly order?: readonly string[];
  /** Lexicographic tolerance: a share of each objective's range over the front counted as equal (default 0). */
  readonly tolerance?: number;
}

type Matrix = readonly (readonly number[])[];
type Allowed = (position: number) => boolean;

/**
 * The weights by objective position, scaled to sum to 1 (all 0 when none is positive). Each is divided by a power of
 * two near the largest before they are added, so weights whose sum passes the largest double (1e308 twice) keep
 * their ratios; an infinite weight outweighs every finite one.
 */
export function topsisWeights(names: readonly string[], weights: Readonly<Record<string, number>>): number[] {
  const w = names.map((n) => {
    const x = Object.hasOwn(weights, n) ? weights[n]! : 0;
    return x > 0 ? x : 0; // NaN and negatives weigh 0
  });
  const top = maxOf(w);
  // a power of two near the largest: dividing by it is exact, so weights that do not overflow keep every bit
  const unit = top > 0 && top < Infinity ? 2 ** Math.floor(Math.log2(top)) : 1;
  const scaled = w.map((x) => (top === Infinity ? Number(x === Infinity) : x / unit));
  const sum = scaled.reduce((s, x) => s + x, 0);
  return scaled.map((x) => (sum > 0 ? x / sum : 0));
}

/** TOPSIS closeness C of every position of the minimized matrix `F` with weights `w` (see the header). */
export function topsisCloseness(F: Matrix, w: readonly number[]): number[] {
  const m = w.length;
  const norm = Array.from({ length: m }, (_, j) => hypotOf(F.map((f) => f[j]!)));
  const V = F.map((f) => f.map((x, j) => (norm[j]! > 0 ? (w[j]! * x) / norm[j]! : 0)));
  const ideal = Array.from({ length: m }, (_, j) => minOf(V.map((v) => v[j]!)));
  const anti = Array.from({ length: m }, (_, j) => maxOf(V.map((v) => v[j]!)));
  return V.map((v) => {
    const plus = hypotOf(v.map((x, j) => x - ideal[j]!));
    const minus = hypotOf(v.map((x, j) => x - anti[j]!));
    return plus + minus > 0 ? minus / (plus + minus) : 0;
  });
}

function topsisAmong(F: Matrix, w: readonly number[], allowed: Allowed): number {
  const c = topsisCloseness(F, w);
  let best = -1;
  for (let i = 0; i < F.length; i++) if (allowed(i) && (best < 0 || c[i]! > c[best]! + 1e-12)) best = i;
  return best;
}

function lexicographicAmong(F: Matrix, order: readonly number[], tolerance: number, allowed: Allowed): number {
  let left = F.map((_, i) => i).filter(allowed);
  for (const j of order) {
    if (left.length <= 1) break;
    const col = F.map((f) => f[j]!);
    // in halves: a range past the largest double (−1e308 to 1e308) stays finite
    const halfRange = maxOf(col) / 2 - minOf(col) / 2;
    const best = minOf(left.map((i) => col[i]!));
    left = left.filter((i) => col[i]! <= best || col[i]! / 2 - best / 2 <= tolerance * halfRange);
  }
  const keep = new Set(left);
  return kneeAmong(F, (i) => keep.has(i));
}

/**
 * The position a rule picks among the admitted positions of the minimized matrix `F` (columns in the order of
 * `names`); -1 when none is admitted.
 */
export function pickAmong(F: Matrix, names: readonly string[], rule: PickRule | null, allowed: Allowed): number {
  if (rule?.pick === 'topsis') return topsisAmong(F, topsisWeights(names, rule.weights ?? {}), allowed);
  if (rule?.pick === 'lexicographic') {
    const order = (rule.order ?? []).map((n) => names.indexOf(n)).filter((j) => j >= 0);
    return lexicographicAmong(F, order, rule.tolerance ?? 0, allowed);
  }
  return kneeAmong(F, allowed);
}

const num = (x: number): string => String(Number(x.toPrecision(3)));

/** "knee", "TOPSIS (weights cost 0.5, throughput 0.5)", "lexicographic (order a, b; tolerance 1 % of range)". */
export function pickText(names: readonly string[], rule: PickRule | null): string {
  if (rule?.pick === 'topsis') {
    const w = topsisWeights(names, rule.weights ?? {});
    return `TOPSIS (weights ${names.map((n, j) => `${n} ${num(w[j]!)}`).join(', ')})`;
  }
  if (rule?.pick === 'lexicographic') {
    const tol = rule.tolerance ?? 0;
    return `lexicographic (order ${(rule.order ?? []).join(', ')}${tol > 0 ? `; tolerance ${num(100 * tol)} % of range` : ''})`;
  }
  return 'knee';
}
