/**
 * Delivered compute as an explicit waterfall: peak → typical (press peaks) → utilization → sustained fraction (MFU) →
 * eclipse → power (array) throttle → thermal (radiator) throttle → availability → downlink limit. Each step is a
 * named factor in [0, 1]; the delivered PFLOPS is the peak times the product of the factors.
 *
 * Key equations (r = installed/required, L_c = load that scales with compute, L_f = fixed load):
 *   f_P = clamp((r·(L_c + L_f) − L_f)/L_c, 0, 1), f_T the same for heat, thermal step min(1, f_T/f_P);
 *   f_D = min(1, C/(β·F·8)), β bytes out per FLOP (forward pass ≈ 2N FLOPs per token, Kaplan et al. 2020,
 *   arXiv:2001.08361, §2.1). Sustained fraction = MFU (Chowdhery et al. 2022, arXiv:2204.02311; Dubey et al. 2024,
 *   arXiv:2407.21783).
 * Assumptions: throttled compute sheds whole servers; the factors are independent (their product is the mean).
 * Validity: every factor in [0, 1], loads ≥ 0, areas > 0.
 * Derivation, evidence and costs: docs/models.md §"Delivered-compute waterfall".
 */
import { FLOPS_PER_PFLOPS } from '../../base/convert.js';
import { nonNegative, positive } from '../validate.js';

/** Llama 3 405B pre-training, 16,384 H100 at 8K context: 400 TFLOPS/GPU of the 989 TFLOPS BF16 dense peak. */
export const LLAMA3_405B_MFU = 400 / 989;
/** PaLM 540B pre-training on 6,144 TPU v4 (Chowdhery et al. 2022, Table 3). */
export const PALM_540B_MFU = 0.462;
/** Default sustained fraction of peak: the Llama 3 405B run (GPU cluster, the catalog's chip class). */
export const DEFAULT_SUSTAINED_FRACTION = LLAMA3_405B_MFU;
const BITS_PER_BYTE = 8;

export type WaterfallStepName =
  'peak' | 'typical' | 'utilization' | 'sustained' | 'eclipse' | 'power' | 'thermal' | 'availability' | 'downlink';

export interface WaterfallStep {
  readonly name: WaterfallStepName;
  /** Factor applied at this step [-], in [0, 1] (1 for `peak`). */
  readonly factor: number;
  readonly valueAfter_PFLOPS: number;
  readonly source: string;
}

/** One installed-versus-required balance (array power or radiator heat). */
export interface ThrottleInput {
  /** Installed array or radiator area [m²] (> 0). */
  readonly installed_m2: number;
  /** Area the design requires for the full load [m²] (> 0). */
  readonly required_m2: number;
  /** Load that scales with compute (IT power or heat, plus pumps that follow it) [W] (> 0). */
  readonly computeLoad_W: number;
  /** Load that is served first and does not scale with compute (bus, ISL, heaters, battery losses) [W] (≥ 0). */
  readonly fixedLoad_W: number;
}

export interface ComputeWaterfallParams {
  readonly peakPFLOPS: number;
  /** Typical rate while busy / the chip's stated peak, (0, 1] (catalog typicalFraction); default 1 (not derated). */
  readonly typicalFraction?: number | undefined;
  /** Where typicalFraction comes from (shown as the step's source); required with typicalFraction. */
  readonly typicalFractionSource?: string | undefined;
  /** Share of time the chips are busy, (0, 1]. */
  readonly utilization: number;
  /**
   * Model FLOPs utilization of the workload while busy, (0, 1]; default DEFAULT_SUSTAINED_FRACTION (Llama 3, 0.404).
   */
  readonly sustainedFraction?: number;
  /**
   * Orbit-average compute share left by eclipse throttling, [0, 1]; default 1 (no eclipse, or full compute through it).
   */
  readonly computeShare?: number;
  /** Array balance; absent: no power throttle. */
  readonly power?: Readonly<ThrottleInput>;
  /** Radiator balance; absent: no thermal throttle. */
  readonly thermal?: Readonly<ThrottleInput>;
  /** Mean fraction of chips alive, (0, 1] (compute.ts availability); default 1. */
  readonly availability?: number;
  /** Bytes the workload sends out per FLOP executed [B/FLOP] (≥ 0); default 0 (no downlink limit). */
  readonly bytesPerFlop?: number;
  /** Downlink/ISL capacity available to this node [bit/s] (≥ 0); required when bytesPerFlop > 0. */
  readonly downlinkCapacity_bps?: number;
}

export interface ComputeWaterfallResult {
  readonly steps: readonly WaterfallStep[];
  readonly deliveredPFLOPS: number;
  /** Delivered / peak = product of the factors. */
  readonly deliveredFraction: number;
  /** Fraction of the compute load the array can carry, f_P. */
  readonly powerThrottle: number;
  /** Fraction of the compute heat the radiator can reject, f_T (before combining with f_P). */
  readonly thermalThrottle: number;
  /** Output rate the delivered compute would need before the downlink limit [bit/s]. */
  readonly downlinkNeeded_bps: number;
}

function fraction(name: string, v: number, allowZero: boolean): number {
  const ok = Number.isFinite(v) && v <= 1 && (allowZero ? v >= 0 : v > 0);
  if (!ok) throw new RangeError(`${name} must be in ${allowZero ? '[0, 1]' : '(0, 1]'}, got ${v}`);
  return v;
}

const positiveFinite = (v: number): boolean => v > 0 && Number.isFinite(v);

/** Share of the compute load an installed area carries when fixed loads are served first (header equation). */
export function throttleFactor(name: string, t: Readonly<ThrottleInput>): number {
  // the checks' field names are built only for a balance that fails one (a string per check and call otherwise)
  const ok = positiveFinite;
  if (!(
    ok(t.installed_m2) &&
    ok(t.required_m2) &&
    ok(t.computeLoad_W) &&
    t.fixedLoad_W >= 0 &&
    t.fixedLoad_W < Infinity
  )) {
    positive(`${name}.installed_m2`, t.installed_m2);
    positive(`${name}.required_m2`, t.required_m2);
    positive(`${name}.computeLoad_W`, t.computeLoad_W);
    nonNegative(`${name}.fixedLoad_W`, t.fixedLoad_W);
  }
  const r = t.installed_m2 / t.required_m2;
  const available_W = r * (t.computeLoad_W + t.fixedLoad_W);
  return Math.min(1, Math.max(0, (available_W - t.fixedLoad_W) / t.computeLoad_W));
}

/** Bytes out per FLOP for LLM inference: bytes per generated token / (2 × parameters) (Kaplan et al. 2020 §2.1). */
export function llmInferenceBytesPerFlop(p: Readonly<{ parameters: number; bytesPerToken: number }>): number {
  positive('parameters', p.parameters);
  nonNegative('bytesPerToken', p.bytesPerToken);
  return p.bytesPerToken / (2 * p.parameters);
}

/**
 * The delivered-compute waterfall (each factor: the header and docs/models.md §"Delivered-compute waterfall"), written
 * into `out` (every field: a fresh result, or one a hot caller keeps; it keeps `p` for its steps, read when listed).
 */
export function computeWaterfall(
  p: Readonly<ComputeWaterfallParams>,
  out: Waterfall = new Waterfall(),
): ComputeWaterfallResult {
  positive('peakPFLOPS', p.peakPFLOPS);
  const t = fraction('typicalFraction', p.typicalFraction ?? 1, false);
  if (p.typicalFraction !== undefined && p.typicalFractionSource === undefined) {
    throw new RangeError('typicalFractionSource is required with typicalFraction');
  }
  const u = fraction('utilization', p.utilization, false);
  const s = fraction('sustainedFraction', p.sustainedFraction ?? DEFAULT_SUSTAINED_FRACTION, false);
  const share = fraction('computeShare', p.computeShare ?? 1, true);
  const avail = fraction('availability', p.availability ?? 1, false);
  const fP = p.power !== undefined ? throttleFactor('power', p.power) : 1;
  const fT = p.thermal !== undefined ? throttleFactor('thermal', p.thermal) : 1;
  const thermalStep = fP > 0 ? Math.min(1, fT / fP) : 1;
  const beta = p.bytesPerFlop ?? 0;
  nonNegative('bytesPerFlop', beta);
  if (beta > 0 && p.downlinkCapacity_bps === undefined)
    throw new RangeError('downlinkCapacity_bps is required when bytesPerFlop > 0');
  if (p.downlinkCapacity_bps !== undefined) nonNegative('downlinkCapacity_bps', p.downlinkCapacity_bps);

  // value after each step: the running product in step order (waterfallSteps repeats it, multiplication for
  // multiplication, so its last valueAfter_PFLOPS is deliveredPFLOPS exactly)
  let value = p.peakPFLOPS;
  if (p.typicalFraction !== undefined) value *= t;
  value = value * u * s * share * fP * thermalStep * avail;
  const needed_bps = beta * value * FLOPS_PER_PFLOPS * BITS_PER_BYTE;
  const fD = needed_bps > 0 ? Math.min(1, (p.downlinkCapacity_bps ?? 0) / needed_bps) : 1;
  value *= fD;
  return out.of(p, t, u, s, share, fP, thermalStep, avail, fD, value, fT, needed_bps);
}

/**
 * The factors of the steps after `peak`: typical, utilization, sustained, eclipse, power, thermal, availability,
 * downlink.
 */
type StepFactors = readonly [number, number, number, number, number, number, number, number];

/**
 * computeWaterfall's result. The steps, with their sources, are listed when first read (a report's or record's
 * waterfall): an optimizer's evaluation reads only the delivered compute and the throttles. `of` writes every field (a
 * kept result takes its next design's figures, its listed steps dropped).
 */
export class Waterfall implements ComputeWaterfallResult {
  #steps: readonly WaterfallStep[] | undefined = undefined;
  #p = undefined as unknown as Readonly<ComputeWaterfallParams>;
  /** The factors of the steps after `peak`, written in place. */
  readonly #factors: [number, number, number, number, number, number, number, number] = [
    NaN,
    NaN,
    NaN,
    NaN,
    NaN,
    NaN,
    NaN,
    NaN,
  ];
  deliveredPFLOPS = NaN;
  deliveredFraction = NaN;
  powerThrottle = NaN;
  thermalThrottle = NaN;
  downlinkNeeded_bps = NaN;
  of(
    p: Readonly<ComputeWaterfallParams>,
    t: number,
    u: number,
    s: number,
    share: number,
    fP: number,
    thermalStep: number,
    avail: number,
    fD: number,
    deliveredPFLOPS: number,
    fT: number,
    downlinkNeeded_bps: number,
  ): this {
    this.#steps = undefined;
    this.#p = p;
    const f = this.#factors;
    f[0] = t;
    f[1] = u;
    f[2] = s;
    f[3] = share;
    f[4] = fP;
    f[5] = thermalStep;
    f[6] = avail;
    f[7] = fD;
    this.deliveredPFLOPS = deliveredPFLOPS;
    this.deliveredFraction = deliveredPFLOPS / p.peakPFLOPS;
    this.powerThrottle = fP;
    this.thermalThrottle = fT;
    this.downlinkNeeded_bps = downlinkNeeded_bps;
    return this;
  }
  get steps(): readonly WaterfallStep[] {
    return (this.#steps ??= waterfallSteps(this.#p, this.#factors));
  }
}

/** Each step's factor, value after it and source (the running product of computeWaterfall, in the same order). */
function waterfallSteps(p: Readonly<ComputeWaterfallParams>, factors: StepFactors): WaterfallStep[] {
  const [t, u, s, share, fP, thermalStep, avail, fD] = factors;
  const steps: WaterfallStep[] = [];
  let value = p.peakPFLOPS;
  const push = (name: WaterfallStepName, factor: number, source: string): void => {
    value *= factor;
    steps.push({ name, factor, valueAfter_PFLOPS: value, source });
  };
  push('peak', 1, 'chips × dense peak at the workload precision (compute.ts, precision.ts)');
  if (p.typicalFraction !== undefined) push('typical', t, p.typicalFractionSource!);
  push('utilization', u, 'share of time busy (design input)');
  push(
    'sustained',
    s,
    p.sustainedFraction === undefined
      ? 'MFU default: Llama 3 405B, 400 TFLOPS per H100 / 989 TFLOPS BF16 dense (arXiv:2407.21783 §3.3.2)'
      : 'MFU of the stated workload (design input)',
  );
  push('eclipse', share, 'orbit-average compute share with eclipse throttling (node.ts computeShare)');
  push('power', fP, 'installed/required array area, housekeeping served first (header)');
  push(
    'thermal',
    thermalStep,
    'installed/required radiator area, fixed heat rejected first; extra factor after the power step (header)',
  );
  push('availability', avail, 'mean fraction of chips alive, no repair (compute.ts)');
  push('downlink', fD, 'downlink/ISL capacity / (bytes per FLOP × delivered FLOPS × 8)');
  return steps;
}
