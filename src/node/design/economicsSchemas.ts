/**
 * Design-file sections for the parity year (`economics.trajectories`) and the roofline token model (`inference`).
 * Defaults and their sources: src/models/cost/priceTrajectories.ts and src/models/compute/inference.ts.
 */
import * as z from 'zod';
import { lazy } from '../../base/lazy.js';
import {
  DEFAULT_COMPUTE_EFFICIENCY,
  DEFAULT_MEMORY_EFFICIENCY,
  DEFAULT_USABLE_MEMORY_FRACTION,
} from '../../models/compute/inference.js';
import { DEFAULT_PRICE_TRAJECTORIES, type PriceTrajectories } from '../../models/cost/priceTrajectories.js';
import { trajectoryProblem } from '../../models/cost/trajectory.js';

const YEAR_MIN = 1950;
const YEAR_MAX = 2100;
const year = (name: string) =>
  z
    .number({ error: `${name} must be a calendar year (a whole number)` })
    .int(`${name} must be a whole calendar year`)
    .min(YEAR_MIN, `${name} must be from ${YEAR_MIN} to ${YEAR_MAX}`)
    .max(YEAR_MAX, `${name} must be from ${YEAR_MIN} to ${YEAR_MAX}`);

const trajectory = (key: keyof PriceTrajectories, what: string) => {
  const name = `economics.trajectories.${key}`;
  const point = z.strictObject({
    year: year(`${name}[].year`),
    value: z.number({ error: `${name}[].value must be a number` }),
  });
  return z
    .array(point, { error: `${name} must be a list of { year, value } points` })
    .superRefine((points, ctx) => {
      const problem = trajectoryProblem(points);
      if (problem !== undefined) ctx.addIssue({ code: 'custom', message: `${name} ${problem}` });
    })
    .default(() => DEFAULT_PRICE_TRAJECTORIES[key].map((p) => ({ ...p })))
    .describe(
      `${what}: points { year, value }, log-linear between points and held flat outside them; only the change from referenceYear ` +
        "is applied to the design's own price (src/models/cost/trajectory.ts; defaults and sources in src/models/cost/priceTrajectories.ts).",
    );
};

/** One trajectory per price of priceTrajectories.ts, each with its default's source. */
const trajectoryFields = () => ({
  launchPrice_USD_per_kg: trajectory(
    'launchPrice_USD_per_kg',
    "Launch price [USD/kg] (default: Starship $900/kg in 2026 to Suncatcher's ≲ $200/kg in 2035)",
  ),
  chipPerformancePerWatt_TFLOPS_per_W: trajectory(
    'chipPerformancePerWatt_TFLOPS_per_W',
    'Chip performance per watt [TFLOPS/W] (default: H100 2022, B200 2024, continued)',
  ),
  chipPricePerformance_TFLOPS_per_USD: trajectory(
    'chipPricePerformance_TFLOPS_per_USD',
    'Chip price-performance [TFLOPS/USD] (default: H100 2022, doubling every 2.07 yr, Epoch AI ML GPUs; the band uses its 2.95 yr for top GPUs)',
  ),
  arrayPrice_USD_per_W: trajectory(
    'arrayPrice_USD_per_W',
    "Solar-array price [USD/W] (default: Starlink's whole-satellite $/W trend, −8.9 %/yr 2026–2035)",
  ),
  radiatorPrice_USD_per_m2: trajectory(
    'radiatorPrice_USD_per_m2',
    "Radiator price [USD/m²] (default: Starlink's whole-satellite $/W trend, −8.9 %/yr 2026–2035)",
  ),
  busPrice_USD_per_kg: trajectory(
    'busPrice_USD_per_kg',
    "Bus price [USD/kg] (default: Starlink's whole-satellite $/W trend, −8.9 %/yr 2026–2035)",
  ),
  batteryPrice_USD_per_Wh: trajectory(
    'batteryPrice_USD_per_Wh',
    'Battery price [USD/Wh] (default: BloombergNEF Li-ion packs, $115/kWh 2024 to $69/kWh 2030)',
  ),
  islPrice_USD_per_terminal: trajectory(
    'islPrice_USD_per_terminal',
    "ISL terminal price [USD/terminal] (default: Starlink's whole-satellite $/W trend, −8.9 %/yr 2026–2035)",
  ),
  electricity_USD_per_kWh: trajectory(
    'electricity_USD_per_kWh',
    'Terrestrial electricity price [USD/kWh] (default flat)',
  ),
  terrestrialCapex_USD_per_W: trajectory(
    'terrestrialCapex_USD_per_W',
    'Terrestrial facility capex and lease [USD/W] (default flat)',
  ),
});

export const trajectoriesSchema = lazy(() =>
  z
    .strictObject({
      fromYear: year('economics.trajectories.fromYear')
        .default(2026)
        .describe('First calendar year of the parity search.'),
      toYear: year('economics.trajectories.toYear').default(2045).describe('Last calendar year of the parity search.'),
      referenceYear: year('economics.trajectories.referenceYear')
        .default(2026)
        .describe(
          "Year the design's prices (catalog rows, vehicle, baselines) are taken to be from; every trajectory is applied as value(year)/value(referenceYear).",
        ),
      ...trajectoryFields(),
    })
    .superRefine((t, ctx) => {
      if (!(t.toYear > t.fromYear)) {
        ctx.addIssue({
          code: 'custom',
          path: ['toYear'],
          message: `economics.trajectories: the parity search range ${t.fromYear}–${t.toYear} is empty: set fromYear before toYear (e.g. fromYear: 2026, toYear: 2045)`,
        });
      }
    })
    .describe(
      "Calendar-year price trajectories for economics.parityYear: the year the design's discounted cost per delivered PFLOP-day crosses each terrestrial baseline.",
    ),
);

export const WEIGHT_PRECISIONS = ['FP4', 'INT4', 'FP8', 'INT8', 'BF16', 'FP16'] as const;
/** Bytes per weight at each serving precision. */
export const BYTES_PER_WEIGHT: Readonly<Record<(typeof WEIGHT_PRECISIONS)[number], number>> = {
  FP4: 0.5,
  INT4: 0.5,
  FP8: 1,
  INT8: 1,
  BF16: 2,
  FP16: 2,
};

const positiveRange = (name: string, lo: number, hi: number, unit: string) =>
  z.number({ error: `${name} must be a number in ${unit}` }).refine((v) => Number.isFinite(v) && v >= lo && v <= hi, {
    message: `${name} is outside the model validity range ${lo}–${hi} ${unit}; use a value in that range`,
  });
const share = (name: string) => positiveRange(name, 0.01, 1, '(fraction)');
const count = (name: string, hi: number) =>
  z
    .number({ error: `${name} must be a whole number` })
    .int(`${name} must be a whole number`)
    .min(1, `${name} must be at least 1`)
    .max(hi, `${name} must be at most ${hi}`);

export const inferenceSchema = lazy(() =>
  z
    .strictObject({
      modelParameters: positiveRange('inference.modelParameters', 1e8, 1e13, 'parameters')
        .default(70e9)
        .describe('Parameters of the served dense transformer [-] (default 70e9: Llama 3 70B / Llama 2 70B).'),
      weightPrecision: z
        .enum(WEIGHT_PRECISIONS)
        .default('FP8')
        .describe('Precision of the weights and of the prefill FLOPS: FP4 | INT4 | FP8 | INT8 | BF16 | FP16.'),
      kvCacheBytesPerToken: positiveRange('inference.kvCacheBytesPerToken', 1e3, 1e8, 'B')
        .default(163840)
        .describe(
          'KV-cache bytes per token of context of one sequence, 2 × layers × KV heads × head dim × bytes (default 163,840: Llama 3 70B, ' +
            '80 layers × 8 KV heads × 128 at FP8, Meta config.json).',
        ),
      batchSize: count('inference.batchSize', 100000)
        .default(64)
        .describe('Concurrent sequences per model replica (default 64, estimate).'),
      promptTokens: count('inference.promptTokens', 10000000)
        .default(1024)
        .describe('Prompt tokens per request (default 1,024, estimate).'),
      outputTokens: count('inference.outputTokens', 10000000)
        .default(256)
        .describe('Generated tokens per request (default 256, estimate); tokens are counted as output tokens.'),
      memoryEfficiency: share('inference.memoryEfficiency')
        .default(DEFAULT_MEMORY_EFFICIENCY)
        .describe(
          'Achieved / datasheet memory bandwidth (default 0.92: Azure GB200 measurement, src/models/compute/inference.ts).',
        ),
      computeEfficiency: share('inference.computeEfficiency')
        .default(DEFAULT_COMPUTE_EFFICIENCY)
        .describe(
          'Achieved / dense peak FLOPS in prefill and compute-bound decode (default 0.55: Azure GB200 FP8 GEMM measurement).',
        ),
      usableMemoryFraction: share('inference.usableMemoryFraction')
        .default(DEFAULT_USABLE_MEMORY_FRACTION)
        .describe('Share of chip memory for weights and KV cache (default 0.9, estimate).'),
    })
    .describe(
      'LLM serving workload for the roofline token model (record section inference): decode from memory bandwidth, prefill from FLOPS.',
    ),
);
