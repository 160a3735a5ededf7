/**
 * The default calendar-year trajectories of the prices that decide space-versus-ground parity, each with its
 * source, and the factors they put on a design's prices in a given year (trajectory.ts for the interpolation).
 *
 * Defaults:
 * - Launch price [USD/kg]: 2026 $900/kg, Starship V3 at $90M for its 100 t target (spacecost launch_vehicles.csv,
 *   the launch-vehicles catalog row `starship`, 2026); 2035 $200/kg, Project Suncatcher's "≲ $200/kg to LEO by the
 *   mid-2030s" (Agüera y Arcas et al. 2025, arXiv:2511.19468). Held at $200/kg after 2035.
 * - Chip performance per watt [TFLOPS/W, dense BF16 over accelerator TDP]: 2022 H100 SXM 989/700 = 1.41 (NVIDIA
 *   H100 datasheet 2022); 2024 B200 2,250/1,000 = 2.25 (B200 figures of the chips catalog, 2024); continued to
 *   2045 at the same rate (a doubling every 2.98 yr), a projection, not a published forecast.
 * - Chip price-performance [TFLOPS per USD]: 2022 H100 989 TFLOPS for $40,000 with its server share (the chips
 *   catalog row `h100`); doubling every 2.07 yr, Epoch AI's trend for GPUs used in ML (Hobbhahn & Besiroglu,
 *   "Trends in GPU price-performance", Epoch AI 2022, Table 1: 2.07 yr, 95 % CI 1.54–3.13), continued to 2045.
 * - Solar-array price [USD/W], radiator price [USD/m²], terrestrial electricity [USD/kWh] and terrestrial facility
 *   capex [USD/W]: held flat at the default catalog rows (rosa-flex $30/W, deployable-pumped $20,000/m², the
 *   hyperscale-virginia baseline's EIA 2023 Virginia industrial 8.92 ¢/kWh and Cushman & Wakefield 2025
 *   $11.7/W). ESTIMATE: no published trend of these in real terms was found; set a trajectory to explore one.
 * Chip price per chip in year y = (perf/W factor)/(price-performance factor): a chip of the same power class
 * delivers perf/W(y)/perf/W(ref) times the FLOPS and costs that many FLOPS at that year's $/FLOPS.
 */
import { checkTrajectory, interpolate, type TrajectoryPoint } from './trajectory.js';

const H100_TFLOPS_PER_W = 989 / 700;
const B200_TFLOPS_PER_W = 2250 / 1000;
/** Doubling time of perf/W from the H100 (2022) to the B200 (2024) [yr]. */
export const PERF_PER_WATT_DOUBLING_yr = (2 * Math.LN2) / Math.log(B200_TFLOPS_PER_W / H100_TFLOPS_PER_W);
/** Epoch AI 2022, ML GPUs, FLOP/s per $ doubling time [yr]. */
export const PRICE_PERFORMANCE_DOUBLING_yr = 2.07;
const H100_TFLOPS_PER_USD = 989 / 40000;
const LAST_YEAR = 2045;

export interface PriceTrajectories {
  readonly launchPrice_USD_per_kg: readonly TrajectoryPoint[];
  readonly chipPerformancePerWatt_TFLOPS_per_W: readonly TrajectoryPoint[];
  readonly chipPricePerformance_TFLOPS_per_USD: readonly TrajectoryPoint[];
  readonly arrayPrice_USD_per_W: readonly TrajectoryPoint[];
  readonly radiatorPrice_USD_per_m2: readonly TrajectoryPoint[];
  readonly electricity_USD_per_kWh: readonly TrajectoryPoint[];
  readonly terrestrialCapex_USD_per_W: readonly TrajectoryPoint[];
}

export const TRAJECTORY_KEYS: readonly (keyof PriceTrajectories)[] = [
  'launchPrice_USD_per_kg',
  'chipPerformancePerWatt_TFLOPS_per_W',
  'chipPricePerformance_TFLOPS_per_USD',
  'arrayPrice_USD_per_W',
  'radiatorPrice_USD_per_m2',
  'electricity_USD_per_kWh',
  'terrestrialCapex_USD_per_W',
];

export const DEFAULT_PRICE_TRAJECTORIES: PriceTrajectories = Object.freeze({
  launchPrice_USD_per_kg: [
    { year: 2026, value: 900 },
    { year: 2035, value: 200 },
  ],
  chipPerformancePerWatt_TFLOPS_per_W: [
    { year: 2022, value: H100_TFLOPS_PER_W },
    { year: 2024, value: B200_TFLOPS_PER_W },
    { year: LAST_YEAR, value: B200_TFLOPS_PER_W * 2 ** ((LAST_YEAR - 2024) / PERF_PER_WATT_DOUBLING_yr) },
  ],
  chipPricePerformance_TFLOPS_per_USD: [
    { year: 2022, value: H100_TFLOPS_PER_USD },
    { year: LAST_YEAR, value: H100_TFLOPS_PER_USD * 2 ** ((LAST_YEAR - 2022) / PRICE_PERFORMANCE_DOUBLING_yr) },
  ],
  arrayPrice_USD_per_W: [{ year: 2026, value: 30 }],
  radiatorPrice_USD_per_m2: [{ year: 2026, value: 20000 }],
  electricity_USD_per_kWh: [{ year: 2023, value: 0.0892 }],
  terrestrialCapex_USD_per_W: [{ year: 2025, value: 11.7 }],
});

/** Factors on the design's (reference-year) prices and performance in `year`. */
export interface PriceFactors {
  readonly launch: number;
  /** Price of one chip of the design's power class. */
  readonly chip: number;
  /** FLOPS of one chip of the design's power class (perf/W at the same power). */
  readonly performance: number;
  readonly array: number;
  readonly radiator: number;
  readonly electricity: number;
  readonly terrestrialCapex: number;
}

export function priceFactors(t: Readonly<PriceTrajectories>, year: number, referenceYear: number): PriceFactors {
  return priceFactorSeries(t, [year], referenceYear)[0]!;
}

/** priceFactors for each of `years`, the trajectories checked once. */
export function priceFactorSeries(
  t: Readonly<PriceTrajectories>,
  years: readonly number[],
  referenceYear: number,
): PriceFactors[] {
  for (const name of TRAJECTORY_KEYS) checkTrajectory(name, t[name]);
  const ref = (points: readonly TrajectoryPoint[]): number => interpolate(points, referenceYear);
  const [launch, perfPerW, pricePerf, array, radiator, electricity, capex] = [
    ref(t.launchPrice_USD_per_kg),
    ref(t.chipPerformancePerWatt_TFLOPS_per_W),
    ref(t.chipPricePerformance_TFLOPS_per_USD),
    ref(t.arrayPrice_USD_per_W),
    ref(t.radiatorPrice_USD_per_m2),
    ref(t.electricity_USD_per_kWh),
    ref(t.terrestrialCapex_USD_per_W),
  ] as const;
  return years.map((year) => {
    const performance = interpolate(t.chipPerformancePerWatt_TFLOPS_per_W, year) / perfPerW;
    return {
      launch: interpolate(t.launchPrice_USD_per_kg, year) / launch,
      chip: performance / (interpolate(t.chipPricePerformance_TFLOPS_per_USD, year) / pricePerf),
      performance,
      array: interpolate(t.arrayPrice_USD_per_W, year) / array,
      radiator: interpolate(t.radiatorPrice_USD_per_m2, year) / radiator,
      electricity: interpolate(t.electricity_USD_per_kWh, year) / electricity,
      terrestrialCapex: interpolate(t.terrestrialCapex_USD_per_W, year) / capex,
    };
  });
}
