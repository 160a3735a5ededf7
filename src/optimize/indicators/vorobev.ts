/**
 * Vorob'ev expectation and deviation of n sets of points (random non-dominated sets: the fronts of seeds, or one front
 * evaluated over Monte-Carlo draws), all objectives minimized, inside the box below a reference point (Binois,
 * Ginsbourger & Roustant, EJOR 243(2), 2015; Molchanov 2005). With A_i the region set i attains and Q_k the region
 * attained by at least k sets (./attainment.ts), E = (1/n) Σ vol(A_i) the mean hypervolume:
 * - threshold β_v = sup{β : vol(Q_β) ≥ E} = k_v/n, k_v the largest level with vol(Q_k) ≥ E;
 * - expectation: the attainment surface of Q_k_v; deviation: the mean vol(A_i Δ Q_k_v)
 *   = vol(Q_k_v) + E − (2/n) ∫_{Q_k_v} count
 *   (R eaf's `vorobDev`), with Σ_i vol(A_i) = Σ_k vol(Q_k) and ∫_{Q_k} count = k·vol(Q_k) + Σ_{j>k} vol(Q_j).
 * R eaf 2.4's `vorobT` bisects on percentages and stops when two steps in a row select the same volume, which can
 * stop one level above k_v (4 nested single points: k_v = 2, R 62.5 % → level 3); `eafBisection` reproduces its value
 * so the two can be compared, `vorobevAt` the expectation and deviation at any level.
 */
import { attainmentLevel, attainmentSweep, type PointSet } from './attainment.js';

export interface Vorobev {
  /** Vorob'ev threshold β* as a percentage of the sets (100·level/n). */
  readonly threshold_pct: number;
  /** The level (count of sets) the threshold selects. */
  readonly level: number;
  /** The Vorob'ev expectation: the attainment surface at that level. */
  readonly expectation: number[][];
  /** Mean hypervolume of the sets (the objectives' units multiplied). */
  readonly meanHypervolume: number;
  /** Hypervolume of the expectation. */
  readonly expectationHypervolume: number;
  /** Vorob'ev deviation: mean volume of the symmetric difference between each set's region and the expectation's. */
  readonly deviation: number;
  /** vol(Q_k) of every level k = 1..n. */
  readonly levelVolumes: readonly number[];
}

/** The Vorob'ev threshold, expectation and deviation of `sets` with reference point `reference`. */
export function vorobev(sets: readonly PointSet[], reference: readonly number[]): Vorobev {
  const volumes = attainmentSweep(sets, [], reference).volumes;
  return vorobevAt(sets, volumes, vorobevLevel(volumes));
}

/** The Vorob'ev level k_v of the level volumes vol(Q_1..n): the largest with vol(Q_k) ≥ their mean. */
export function vorobevLevel(volumes: readonly number[]): number {
  const mean = meanVolume(volumes, volumes.length);
  for (let k = volumes.length; k >= 1; k--) if (volumes[k - 1]! >= mean) return k;
  return 1;
}

const meanVolume = (volumes: readonly number[], n: number): number => volumes.reduce((a, v) => a + v, 0) / n;

/** The expectation and deviation at `level`, given every level's volume (`attainmentSweep(…).volumes`). */
export function vorobevAt(sets: readonly PointSet[], volumes: readonly number[], level: number): Vorobev {
  return { ...vorobevFigures(volumes, level), expectation: attainmentSweep(sets, [level]).surfaces[0]! };
}

/** `vorobevAt` but the expectation's points (a sweep that had every level gives them). */
export function vorobevFigures(volumes: readonly number[], level: number): Omit<Vorobev, 'expectation'> {
  const n = volumes.length;
  const mean = meanVolume(volumes, n);
  const q = volumes[level - 1]!;
  const inside = volumes.slice(level).reduce((a, v) => a + v, level * q);
  return {
    threshold_pct: (100 * level) / n,
    level,
    meanHypervolume: mean,
    expectationHypervolume: q,
    deviation: q + mean - (2 / n) * inside,
    levelVolumes: volumes,
  };
}

/** R eaf 2.4 `vorobT`'s threshold (its bisection, see the header) and the level it selects. */
export function eafBisection(volumes: readonly number[]): { threshold_pct: number; level: number } {
  const n = volumes.length;
  const mean = meanVolume(volumes, n);
  let [a, b, c, prev, diff] = [0, 100, 50, Infinity, Infinity];
  while (diff !== 0) {
    c = (a + b) / 2;
    const v = volumes[attainmentLevel(c, n) - 1]!;
    if (v > mean) a = c;
    else b = c;
    diff = prev - v;
    prev = v;
  }
  return { threshold_pct: c, level: attainmentLevel(c, n) };
}
