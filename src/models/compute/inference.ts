/**
 * LLM serving throughput from the roofline: decode bound by memory bandwidth (or by FLOPS at large batch),
 * prefill bound by FLOPS, and the number of chips one model replica needs to hold its weights and KV cache.
 *
 * Method (roofline: Williams, Waterman & Patterson, "Roofline: an insightful visual performance model for
 * multicore architectures", CACM 52(4), 2009; applied to transformer decoding as in Pope et al. 2022,
 * "Efficiently Scaling Transformer Inference", arXiv:2211.05102, §2):
 * - A replica of g chips serves a batch of B sequences, each with P_in prompt and P_out output tokens.
 *   Weights W = N·b bytes (N parameters at b bytes each); KV cache per sequence = kv·S bytes at context S.
 *   g = ⌈(W + B·(P_in + P_out)·kv)/(f·M)⌉, M the memory per chip and f its usable share (runtime, activations).
 * - Decode step (one token for each of the B sequences), at the mean context S̄ = P_in + (P_out + 1)/2:
 *     t_mem = (W + B·S̄·kv)/(g·BW·η_mem)     every weight and every cached key/value is read once per step
 *     t_cmp = 2N·B/(g·F·η_cmp)              a forward pass costs ≈ 2N FLOPs per token (Kaplan et al. 2020,
 *                                            arXiv:2001.08361 §2.1); attention's context FLOPs are left out
 *     t_step = max(t_mem, t_cmp); the decode rate per sequence is 1/t_step; the bound is the larger term.
 * - Prefill of the batch: t_pre = max(2N·B·P_in/(g·F·η_cmp), W/(g·BW·η_mem)) (compute bound for any real prompt).
 * - One batch cycle T = t_pre + P_out·t_step; output tokens per chip while serving = B·P_out/(g·T).
 *   Tokens are OUTPUT (generated) tokens; prompt tokens are processed but not counted.
 * Per-chip throughput does not depend on g (every term scales as 1/g); g only decides whether the model fits.
 *
 * Defaults (cited): η_mem = 0.92 and η_cmp = 0.55, Microsoft Azure's measurements on GB200 (7.35 of 8 TB/s HBM
 * bandwidth; 2,744 of 5,000 dense FP8 TFLOPS in GEMM; Azure HPC blog "ND GB200 v6 delivers record performance
 * for inference workloads", 2025); usable memory f = 0.9 (estimate: runtime, CUDA graphs and activation buffers).
 * Checks (test/models/compute/inference.test.ts): Azure's GB200 NVL72 run of Llama 2 70B (865,000 tokens/s, 12,014 per
 * GPU,
 * MLPerf Inference v4.1, unverified) lies between this model's unit-efficiency bound and its default-efficiency figure
 * (≈ 9,800, 18 % low: the tuned submission beats the GEMM-benchmark fraction in prefill). Gaalema et al. 2026
 * (arXiv:2604.07760), 276,500 tokens/s per MW at a 500,000-token context, is 8× above this model for a 70B GQA model
 * at that context (the KV cache read per step dominates) and 11× below its short-context decode rate: the paper's
 * model and memory system are not stated, so the figure is recorded, not adopted.
 * Validity: dense decoder-only transformers (no mixture-of-experts routing, no speculative decoding); batch and
 * context held constant through the cycle; communication between the g chips of a replica is not modelled
 * (an optimistic bound for tensor parallelism over slow links). All inputs finite and > 0.
 */
import { positive } from '../validate.js';

export const DEFAULT_MEMORY_EFFICIENCY = 7.35 / 8; // Azure GB200 HBM measurement (header)
export const DEFAULT_COMPUTE_EFFICIENCY = 2744 / 5000; // Azure GB200 FP8 GEMM measurement (header)
export const DEFAULT_USABLE_MEMORY_FRACTION = 0.9; // ESTIMATE
const FLOPS_PER_TOKEN_PER_PARAMETER = 2; // Kaplan et al. 2020 §2.1

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
