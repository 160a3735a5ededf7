/**
 * Peak throughput at another numeric precision, and structured sparsity, as explicit factors on a chip row's
 * dense peak: dense BF16, FP8 and INT8 peaks are different numbers, and vendors often quote
 * 2:4-sparse figures.
 *
 * Factors relative to dense BF16/FP16 on the tensor units, from the NVIDIA H100 Tensor Core GPU datasheet (2022,
 * SXM5, dense): FP64 67, TF32 494.5, BF16/FP16 989.5, FP8/INT8 1,979 TFLOPS/TOPS → FP64 1/14.77, TF32 ½, FP8 = INT8 =
 * 2. FP4/INT4 = 4 (Blackwell B200 datasheet 2024: FP4 dense 9 PFLOPS = 2 × FP8 4.5 PFLOPS). FP32 on tensor cores is
 * taken as TF32 (the H100 quotes no separate tensor FP32). 2:4 structured sparsity doubles the quoted peak
 * (NVIDIA Ampere architecture whitepaper 2020, "Fine-grained structured sparsity").
 *   factor = rate(target) / rate(row precision) × (2 if sparse else 1).
 * Validity: accelerators whose precision ladder follows the NVIDIA tensor-core ratios (TPUs and edge NPUs
 * broadly do for BF16 ↔ INT8; check a row's own datasheet when it states the target precision directly).
 */
export const PRECISION_RATE_RELATIVE_TO_BF16: Readonly<Record<string, number>> = Object.freeze({
  FP64: 67 / 989.5,
  FP32: 0.5,
  TF32: 0.5,
  FP16: 1,
  BF16: 1,
  FP8: 2,
  INT8: 2,
  FP4: 4,
  INT4: 4,
});

export interface PrecisionParams {
  /** The chip row's precision (its peakTFLOPS is dense at it). */
  readonly rowPrecision: string;
  /** The workload's precision; default the row's. */
  readonly precision?: string | undefined;
  /** 2:4 structured sparsity used by the workload (doubles the peak). */
  readonly sparse?: boolean;
}

export function precisionFactor(p: Readonly<PrecisionParams>): { readonly factor: number; readonly precision: string } {
  const from = PRECISION_RATE_RELATIVE_TO_BF16[p.rowPrecision];
  const target = p.precision ?? p.rowPrecision;
  const to = PRECISION_RATE_RELATIVE_TO_BF16[target];
  if (from === undefined || to === undefined)
    throw new RangeError(`precisionFactor: unknown precision ${from === undefined ? p.rowPrecision : target}`);
  return { factor: (to / from) * (p.sparse === true ? 2 : 1), precision: target };
}
