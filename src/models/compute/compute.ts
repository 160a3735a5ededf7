/**
 * Compute payload of a node: chips → IT power, heat load, PFLOPS, availability and mass.
 *
 * Equations: P_peak = N·P_sys (P_sys all-in power per chip, docs/sources.md §9);
 *   P_avg = P_peak·(f_idle + (1 − f_idle)·u), linear power vs load (Barroso, Hölzle & Ranganathan, "The Datacenter
 *   as a Computer", 3rd ed. 2019, §5.2); heat load = IT power; peak PFLOPS = N·peakTFLOPS·k/1000 (precision.ts);
 *   availability with no repair A = (1 − e^{−λL})/(λL), λ default 7 %/yr (docs/sources.md §10);
 *   delivered PFLOPS = peak × u × A; mass = N·massPerChip.
 * Assumptions: failed chips neither compute nor draw power; power and thermal are sized for all chips working.
 * Validity: chips ≥ 1 (integer), 0 < u ≤ 1, 0 ≤ f_idle < 1, λ ≥ 0, lifetime > 0.
 * Derivation, evidence and costs: docs/models.md §"Compute payload".
 */
import type { Scratch } from '../../base/scratch.js';

/** Default GPU failure rate without repair [1/yr]: middle of the 5–9 %/yr quoted in docs/sources.md §10. */
export const DEFAULT_CHIP_FAILURE_RATE_per_yr = 0.07;

/** The chip-catalog fields this model needs (a `chips.yaml` row satisfies it). */
export interface ChipSpec {
  readonly peakTFLOPS: number;
  readonly precision: string;
  readonly systemPowerPerChip_W: number;
  readonly massPerChip_kg: number;
  readonly idlePowerFraction: number;
}

export interface ComputeParams {
  readonly chip: Readonly<ChipSpec>;
  /** Number of chips (integer ≥ 1). */
  readonly chips: number;
  /** Mean compute utilization (0, 1]. */
  readonly utilization: number;
  /** Mission lifetime [yr] (> 0). */
  readonly lifetime_yr: number;
  /** Chip failure rate with no repair [1/yr]; default 0.07. */
  readonly failureRate_per_yr?: number;
  /** Factor on the row's dense peak for the workload's precision and sparsity (precision.ts); default 1. */
  readonly precisionFactor?: number;
  /** Precision the peak is stated at; default the row's. */
  readonly precision?: string;
}

export interface ComputeResult {
  readonly itPowerAvg_W: number;
  readonly itPowerPeak_W: number;
  readonly heatLoadAvg_W: number;
  readonly heatLoadPeak_W: number;
  readonly peakPFLOPS: number;
  readonly deliveredPFLOPS: number;
  /** Mean fraction of chips alive over the lifetime. */
  readonly availability: number;
  readonly precision: string;
  readonly mass_kg: number;
}

/** A compute figures record to write into (computePayload's `out`); the placeholders give each field its kind. */
export const computeRecord = (): Scratch<ComputeResult> => ({
  itPowerAvg_W: NaN,
  itPowerPeak_W: NaN,
  heatLoadAvg_W: NaN,
  heatLoadPeak_W: NaN,
  peakPFLOPS: NaN,
  deliveredPFLOPS: NaN,
  availability: NaN,
  precision: '',
  mass_kg: NaN,
});

/**
 * IT power, PFLOPS, availability and mass of the compute payload, written into `out` (every field: a fresh record, or
 * one a hot caller keeps).
 */
export function computePayload(p: Readonly<ComputeParams>, out = computeRecord()): ComputeResult {
  const c = p.chip;
  if (!(Number.isInteger(p.chips) && p.chips >= 1))
    throw new RangeError(`chips must be an integer ≥ 1, got ${p.chips}`);
  if (!(p.utilization > 0 && p.utilization <= 1))
    throw new RangeError(`utilization must be in (0, 1], got ${p.utilization}`);
  if (!(p.lifetime_yr > 0 && p.lifetime_yr <= 100))
    throw new RangeError(`lifetime_yr must be in (0, 100], got ${p.lifetime_yr}`);
  const lambda = p.failureRate_per_yr ?? DEFAULT_CHIP_FAILURE_RATE_per_yr;
  if (!(lambda >= 0 && lambda <= 10)) throw new RangeError(`failureRate_per_yr must be in [0, 10], got ${lambda}`);
  if (!(c.idlePowerFraction >= 0 && c.idlePowerFraction < 1)) {
    throw new RangeError(`idlePowerFraction must be in [0, 1), got ${c.idlePowerFraction}`);
  }
  if (!(c.systemPowerPerChip_W > 0 && c.peakTFLOPS > 0 && c.massPerChip_kg >= 0)) {
    throw new RangeError('chip systemPowerPerChip_W and peakTFLOPS must be > 0 and massPerChip_kg ≥ 0');
  }

  const peak_W = p.chips * c.systemPowerPerChip_W;
  const avg_W = peak_W * (c.idlePowerFraction + (1 - c.idlePowerFraction) * p.utilization);
  const x = lambda * p.lifetime_yr;
  // (1 − e^{−x})/x with −expm1 for accuracy; limit 1 at x → 0.
  const availability = x < 1e-12 ? 1 : -Math.expm1(-x) / x;
  const factor = p.precisionFactor ?? 1;
  if (!(factor > 0 && Number.isFinite(factor))) throw new RangeError(`precisionFactor must be > 0, got ${factor}`);
  const peakPFLOPS = (p.chips * c.peakTFLOPS * factor) / 1000;
  out.itPowerAvg_W = avg_W;
  out.itPowerPeak_W = peak_W;
  out.heatLoadAvg_W = avg_W;
  out.heatLoadPeak_W = peak_W;
  out.peakPFLOPS = peakPFLOPS;
  out.deliveredPFLOPS = peakPFLOPS * p.utilization * availability;
  out.availability = availability;
  out.precision = p.precision ?? c.precision;
  out.mass_kg = p.chips * c.massPerChip_kg;
  return out;
}
