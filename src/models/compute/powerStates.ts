/**
 * Eclipse power states of the compute payload: the chips that are powered off (power-gated) through each eclipse, the
 * idle floor below which gating cannot be avoided, and the on/off cycles a gated chip sees.
 *
 * Method: linear power vs load per powered chip, P = P_sys (f + (1 − f) u) (compute.ts; f idle fraction, u load). In
 * eclipse the payload draws k P_avg (power.eclipseComputeFraction k of the sunlit average P_avg = N P_sys (f + (1 − f)
 * u)) and delivers k of its sunlit compute (thermalPower.ts computeShare). n powered chips at load u_e must deliver
 * n u_e = k N u within the power n (f + (1 − f) u_e) ≤ k N (f + (1 − f) u), so n ≤ k N: at most ⌊k N⌋ chips stay
 * powered (at u_e = k N u / n ≤ 1) and the rest are gated. It is also the policy that delivers most compute within
 * the power: every chip powered and throttled to the same power delivers N f (1 − k) / (1 − f) chip-loads less.
 * Idle floor k_idle = f / (f + (1 − f) u): the eclipse fraction at which all N chips, powered and idle, draw the whole
 * budget; below it ⌈N − k N / k_idle⌉ chips are gated even if the eclipse computes nothing.
 * Cycles: a gated chip is switched off and on once per eclipse: eclipses per year = eclipse-season fraction × orbits
 * per year (orbit.ts eclipseSeasonFraction; every orbit of the season eclipses).
 * Limit: none enforced. JEDEC JESD22-A122 (power cycling, 2016) is the package test for power-on/off stress (solder
 * joints, thermal interface) but sets no count; no chip row publishes a power-cycle rating, so the count is reported
 * (record, warning) as what the gated parts must be qualified to (docs/models.md §"Eclipse power states").
 * Validity: chips ≥ 1, 0 ≤ f < 1, 0 < u ≤ 1, 0 ≤ k ≤ 1. Assumptions: every chip of the payload is identical and
 * alive (failed chips are not counted), gating removes a chip's whole draw (host and link share included).
 */
import { JULIAN_YEAR_s } from '../../base/constants.js';
import type { Scratch } from '../../base/scratch.js';

export interface EclipsePowerStatesParams {
  /** Chips on the node (integer ≥ 1). */
  readonly chips: number;
  /** Idle power / full-load power of a chip [-], [0, 1). */
  readonly idlePowerFraction: number;
  /** Sunlit mean load of a chip [-], (0, 1]. */
  readonly utilization: number;
  /** Compute power kept in eclipse as a fraction of the sunlit average (power.eclipseComputeFraction) [-], [0, 1]. */
  readonly eclipseComputeFraction: number;
  /** Orbital period [s] (> 0). */
  readonly orbitPeriod_s: number;
  /** Fraction of the year whose orbits eclipse [-], [0, 1]. */
  readonly eclipseSeasonFraction: number;
}

export interface EclipsePowerStatesResult {
  /** Lowest eclipse compute fraction at which every chip can stay powered: f / (f + (1 − f) u) [-]. */
  readonly idleFloorFraction: number;
  /** Chips powered off through each eclipse [-]. */
  readonly gatedChips: number;
  /** gatedChips / chips [-]. */
  readonly gatedFraction: number;
  /** Chips that must be gated even with every powered chip idle (k below the idle floor) [-]. */
  readonly gatedBelowIdleFloor: number;
  /** Eclipses per year: the on/off cycles of each gated chip [1/yr]. */
  readonly cyclesPerGatedChip_per_yr: number;
}

/** A power-states record to write into (eclipsePowerStates's `out`). */
export const powerStatesRecord = (): Scratch<EclipsePowerStatesResult> => ({
  idleFloorFraction: NaN,
  gatedChips: NaN,
  gatedFraction: NaN,
  gatedBelowIdleFloor: NaN,
  cyclesPerGatedChip_per_yr: NaN,
});

/**
 * Power states of the chips through eclipse (see the header), written into `out` (every field: a fresh record, or one a
 * hot caller keeps).
 */
export function eclipsePowerStates(
  p: Readonly<EclipsePowerStatesParams>,
  out = powerStatesRecord(),
): EclipsePowerStatesResult {
  const { chips: N, idlePowerFraction: f, utilization: u, eclipseComputeFraction: k } = p;
  if (!(Number.isInteger(N) && N >= 1)) throw new RangeError(`eclipsePowerStates: chips must be an integer ≥ 1`);
  if (!(f >= 0 && f < 1)) throw new RangeError(`eclipsePowerStates: idlePowerFraction = ${f} must be in [0, 1)`);
  if (!(u > 0 && u <= 1)) throw new RangeError(`eclipsePowerStates: utilization = ${u} must be in (0, 1]`);
  if (!(k >= 0 && k <= 1)) throw new RangeError(`eclipsePowerStates: eclipseComputeFraction = ${k} must be in [0, 1]`);
  if (!(p.orbitPeriod_s > 0)) throw new RangeError(`eclipsePowerStates: orbitPeriod_s must be > 0`);
  const season = p.eclipseSeasonFraction;
  if (!(season >= 0 && season <= 1))
    throw new RangeError(`eclipsePowerStates: eclipseSeasonFraction = ${season} must be in [0, 1]`);
  const idleFloor = f / (f + (1 - f) * u);
  // ε absorbs k N landing a rounding error below an integer (k = 0.5, N = 72 is 36 chips, not 35).
  const eps = 1e-9;
  // Powered chips: ⌊k N⌋, but at least ⌈k N u⌉ so that no chip runs above full load (integer granularity only).
  const powered = Math.min(N, Math.max(Math.floor(k * N + eps), Math.ceil(k * N * u - eps)));
  const idleMax = f === 0 ? N : Math.min(N, Math.floor((k * N) / idleFloor + eps));
  const gated = N - powered;
  out.idleFloorFraction = idleFloor;
  out.gatedChips = gated;
  out.gatedFraction = gated / N;
  out.gatedBelowIdleFloor = N - idleMax;
  out.cyclesPerGatedChip_per_yr = gated > 0 ? (season * JULIAN_YEAR_s) / p.orbitPeriod_s : 0;
  return out;
}
