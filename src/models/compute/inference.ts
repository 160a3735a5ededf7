/**
 * LLM serving throughput from the roofline: decode bound by memory bandwidth (or by FLOPS at large batch),
 * prefill bound by FLOPS, and the number of chips one model replica needs to hold its weights and KV cache.
 *
 * Method: roofline (Williams, Waterman & Patterson, CACM 52(4), 2009) applied to transformer decoding (Pope et al.
 * 2022, arXiv:2211.05102, §2). g = ⌈(W + B·(P_in + P_out)·kv)/(f·M)⌉; decode step t_step = max(t_mem, t_cmp),
 *   t_mem = (W + B·S̄·kv)/(g·BW·η_mem), t_cmp = 2N·B/(g·F·η_cmp); cycle T = t_pre + P_out·t_step;
 *   output tokens per chip = B·P_out/(g·T). Defaults η_mem = 0.92, η_cmp = 0.55 (Azure GB200 measurements), f = 0.9.
 * Validity: dense decoder-only transformers; batch and context constant through the cycle; no communication
 * between the g chips of a replica (optimistic). All inputs finite and > 0.
 * Derivation, evidence and costs: docs/models.md §"LLM serving throughput".
 */
import { positive } from '../validate.js';

export const DEFAULT_MEMORY_EFFICIENCY = 7.35 / 8; // Azure GB200 HBM measurement (docs/models.md)
export const DEFAULT_COMPUTE_EFFICIENCY = 2744 / 5000; // Azure GB200 FP8 GEMM measurement (docs/models.md)
export const DEFAULT_USABLE_MEMORY_FRACTION = 0.9; // ESTIMATE
const FLOPS_PER_TOKEN_PER_PARAMETER = 2; // Kaplan et al. 2020 §2.1
const SECONDS_PER_DAY = 86_400;
const TOKENS_PER_MTOKEN = 1e6;

export interface InferenceChipSpec {
  /** Memory bandwidth per chip [B/s]. */
  readonly memoryBandwidth_B_per_s: number;
  /** Memory capacity per chip [B]. */
  readonly memoryCapacity_B: number;
  /** Dense peak at the serving precision [FLOP/s]. */
  readonly peak_FLOPS: number;
}

export interface InferenceWorkload {
  readonly parameters: number;
  /** Bytes per weight: 1 at FP8/INT8, 2 at BF16, 0.5 at FP4. */
  readonly bytesPerParameter: number;
  /** KV-cache bytes per token of context of one sequence (2 × layers × KV heads × head dim × bytes). */
  readonly kvCacheBytesPerToken: number;
  /** Concurrent sequences per replica (integer ≥ 1). */
  readonly batchSize: number;
  readonly promptTokens: number;
  readonly outputTokens: number;
  readonly memoryEfficiency?: number;
  readonly computeEfficiency?: number;
  readonly usableMemoryFraction?: number;
}

export interface InferenceParams {
  readonly chip: Readonly<InferenceChipSpec>;
  readonly workload: Readonly<InferenceWorkload>;
}

export interface InferenceResult {
  /** Chips one replica needs for its weights and its batch's KV cache at full context. */
  readonly replicaChips: number;
  readonly decodeStepMemory_s: number;
  readonly decodeStepCompute_s: number;
  /** Which term sets the decode step. */
  readonly decodeBound: 'memory-bandwidth' | 'compute';
  /** Decode rate one sequence sees [tokens/s]. */
  readonly decodePerSequence_tokens_per_s: number;
  /** Prefill time of one batch [s]. */
  readonly prefill_s: number;
  /** Output tokens per chip while serving, prefill included [tokens/s]. */
  readonly perChip_tokens_per_s: number;
}

function fraction(name: string, v: number): number {
  if (!(Number.isFinite(v) && v > 0 && v <= 1)) throw new RangeError(`${name} must be in (0, 1], got ${v}`);
  return v;
}

/** Roofline serving throughput of one chip type for one workload (see the header). */
export function inferenceThroughput(p: Readonly<InferenceParams>): InferenceResult {
  const { chip: c, workload: w } = p;
  positive('memoryBandwidth_B_per_s', c.memoryBandwidth_B_per_s);
  positive('memoryCapacity_B', c.memoryCapacity_B);
  positive('peak_FLOPS', c.peak_FLOPS);
  positive('parameters', w.parameters);
  positive('bytesPerParameter', w.bytesPerParameter);
  positive('kvCacheBytesPerToken', w.kvCacheBytesPerToken);
  positive('promptTokens', w.promptTokens);
  positive('outputTokens', w.outputTokens);
  if (!(Number.isInteger(w.batchSize) && w.batchSize >= 1))
    throw new RangeError(`batchSize must be an integer ≥ 1, got ${w.batchSize}`);
  const etaM = fraction('memoryEfficiency', w.memoryEfficiency ?? DEFAULT_MEMORY_EFFICIENCY);
  const etaC = fraction('computeEfficiency', w.computeEfficiency ?? DEFAULT_COMPUTE_EFFICIENCY);
  const usable = fraction('usableMemoryFraction', w.usableMemoryFraction ?? DEFAULT_USABLE_MEMORY_FRACTION);

  const B = w.batchSize;
  const weights_B = w.parameters * w.bytesPerParameter;
  const fullContextKv_B = B * (w.promptTokens + w.outputTokens) * w.kvCacheBytesPerToken;
  const g = Math.max(1, Math.ceil((weights_B + fullContextKv_B) / (usable * c.memoryCapacity_B)));
  const bw = g * c.memoryBandwidth_B_per_s * etaM;
  const flops = g * c.peak_FLOPS * etaC;
  const meanContext = w.promptTokens + (w.outputTokens + 1) / 2;
  const tMem = (weights_B + B * meanContext * w.kvCacheBytesPerToken) / bw;
  const tCmp = (FLOPS_PER_TOKEN_PER_PARAMETER * w.parameters * B) / flops;
  const tStep = Math.max(tMem, tCmp);
  const tPre = Math.max((FLOPS_PER_TOKEN_PER_PARAMETER * w.parameters * B * w.promptTokens) / flops, weights_B / bw);
  const cycle = tPre + w.outputTokens * tStep;
  return {
    replicaChips: g,
    decodeStepMemory_s: tMem,
    decodeStepCompute_s: tCmp,
    decodeBound: tMem >= tCmp ? 'memory-bandwidth' : 'compute',
    decodePerSequence_tokens_per_s: 1 / tStep,
    prefill_s: tPre,
    perChip_tokens_per_s: (B * w.outputTokens) / (g * cycle),
  };
}

/** PV of one satellite's or node's delivered compute, costs and token rate: the inputs of `costPerMtoken`. */
export interface TokenCostParams {
  /** Present value of every cost of the fleet [USD]. */
  readonly pvCost_USD: number;
  /** Present value of the fleet's delivered compute [PFLOP-day]. */
  readonly pvCompute_PFLOP_day: number;
  /** Delivered compute of one unit (node or satellite) the PV compute was counted with [PFLOPS]. */
  readonly deliveredPFLOPS: number;
  /** Output tokens of one unit at that delivered compute [tokens/s]. */
  readonly tokens_per_s: number;
}

/**
 * Cost per million output tokens, PV(cost)/PV(tokens), for a token rate that scales with delivered compute (as the
 * roofline rate does: the time chips serve scales both): PV(tokens) = PV(compute) / PFLOPS × tokens/s × 86,400 s. The
 * node (src/node/stages/tokens.ts) and the constellation (src/constellation/economics/economics.ts) both price tokens
 * here, so a constellation of identical nodes differs from its node only by the ratio of their discounted LCOC.
 */
export function costPerMtoken(p: Readonly<TokenCostParams>): number {
  const pvTokens = (p.pvCompute_PFLOP_day / p.deliveredPFLOPS) * SECONDS_PER_DAY * p.tokens_per_s;
  return pvTokens > 0 ? p.pvCost_USD / (pvTokens / TOKENS_PER_MTOKEN) : Infinity;
}
