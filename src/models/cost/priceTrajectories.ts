/**
 * The default calendar-year trajectories of every price that decides space-versus-ground parity, each with its
 * source, the alternatives that give the parity year its band, and the factors they put on a design's prices in a
 * given year (trajectory.ts for the interpolation).
 *
 * Sources of the central trends: launch (spacecost launch_vehicles.csv; Agüera y Arcas et al. 2025, arXiv:2511.19468);
 * chip perf/W (NVIDIA H100 datasheet 2022, chips catalog B200); chip price-performance (Hobbhahn & Besiroglu,
 * "Trends in GPU price-performance", Epoch AI 2022, Table 1); spacecraft hardware (Starlink, docs/sources.md §10);
 * battery (BloombergNEF, Dec 2024); terrestrial electricity and facility flat (EIA 2023; Cushman & Wakefield 2025).
 * Alternatives (TRAJECTORY_ALTERNATIVES) each replace one central trend; parity.ts groups them into the band.
 * Chip price per chip in year y = (perf/W factor)/(price-performance factor).
 * Derivation, evidence and costs: docs/models.md §"Price trajectories".
 */
import { checkTrajectory, interpolate, type TrajectoryPoint } from './trajectory.js';

const H100_TFLOPS_PER_W = 989 / 700;
const B200_TFLOPS_PER_W = 2250 / 1000;
/** Doubling time of perf/W from the H100 (2022) to the B200 (2024) [yr]. */
export const PERF_PER_WATT_DOUBLING_yr = (2 * Math.LN2) / Math.log(B200_TFLOPS_PER_W / H100_TFLOPS_PER_W);
/** Epoch AI 2022, ML GPUs, FLOP/s per $ doubling time [yr] (the central trend). */
export const PRICE_PERFORMANCE_DOUBLING_yr = 2.07;
/** Epoch AI 2022, top GPUs, FLOP/s per $ doubling time [yr] (the alternative). */
export const PRICE_PERFORMANCE_DOUBLING_TOP_GPUS_yr = 2.95;
/** Starlink whole-satellite cost, ~$32/W to ~$22/W over four years: factor per year [-]. */
export const SPACECRAFT_PRICE_FACTOR_per_yr = (22 / 32) ** (1 / 4);
/** BloombergNEF Li-ion pack prices [USD/Wh]: 2024 survey and its 2030 projection. */
const BNEF_PACK_2024_USD_per_Wh = 0.115;
const BNEF_PACK_2030_USD_per_Wh = 0.069;
const H100_TFLOPS_PER_USD = 989 / 40000;
const HARDWARE_TREND_FROM = 2026;
const HARDWARE_TREND_TO = 2035;
const LAST_YEAR = 2045;

export interface PriceTrajectories {
  readonly launchPrice_USD_per_kg: readonly TrajectoryPoint[];
  readonly chipPerformancePerWatt_TFLOPS_per_W: readonly TrajectoryPoint[];
  readonly chipPricePerformance_TFLOPS_per_USD: readonly TrajectoryPoint[];
  readonly arrayPrice_USD_per_W: readonly TrajectoryPoint[];
  readonly radiatorPrice_USD_per_m2: readonly TrajectoryPoint[];
  readonly busPrice_USD_per_kg: readonly TrajectoryPoint[];
  readonly batteryPrice_USD_per_Wh: readonly TrajectoryPoint[];
  readonly islPrice_USD_per_terminal: readonly TrajectoryPoint[];
  readonly electricity_USD_per_kWh: readonly TrajectoryPoint[];
  readonly terrestrialCapex_USD_per_W: readonly TrajectoryPoint[];
}

export const TRAJECTORY_KEYS: readonly (keyof PriceTrajectories)[] = [
  'launchPrice_USD_per_kg',
  'chipPerformancePerWatt_TFLOPS_per_W',
  'chipPricePerformance_TFLOPS_per_USD',
  'arrayPrice_USD_per_W',
  'radiatorPrice_USD_per_m2',
  'busPrice_USD_per_kg',
  'batteryPrice_USD_per_Wh',
  'islPrice_USD_per_terminal',
  'electricity_USD_per_kWh',
  'terrestrialCapex_USD_per_W',
];

/** A price at `value` in `from`, falling by `perYear` each year to `to`, held outside. */
const falling = (value: number, perYear: number, from: number, to: number): TrajectoryPoint[] => [
  { year: from, value },
  { year: to, value: value * perYear ** (to - from) },
];
/** The Starlink rate on a spacecraft price from 2026 to `to`. */
const spacecraft = (value: number, to = HARDWARE_TREND_TO): TrajectoryPoint[] =>
  falling(value, SPACECRAFT_PRICE_FACTOR_per_yr, HARDWARE_TREND_FROM, to);
const pricePerformance = (doubling_yr: number): TrajectoryPoint[] => [
  { year: 2022, value: H100_TFLOPS_PER_USD },
  { year: LAST_YEAR, value: H100_TFLOPS_PER_USD * 2 ** ((LAST_YEAR - 2022) / doubling_yr) },
];
const BNEF_PER_YEAR = (BNEF_PACK_2030_USD_per_Wh / BNEF_PACK_2024_USD_per_Wh) ** (1 / 6);

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
  chipPricePerformance_TFLOPS_per_USD: pricePerformance(PRICE_PERFORMANCE_DOUBLING_yr),
  arrayPrice_USD_per_W: spacecraft(30),
  radiatorPrice_USD_per_m2: spacecraft(20000),
  busPrice_USD_per_kg: spacecraft(5000),
  batteryPrice_USD_per_Wh: [
    { year: 2024, value: BNEF_PACK_2024_USD_per_Wh },
    { year: 2030, value: BNEF_PACK_2030_USD_per_Wh },
  ],
  islPrice_USD_per_terminal: spacecraft(300000),
  electricity_USD_per_kWh: [{ year: 2023, value: 0.0892 }],
  terrestrialCapex_USD_per_W: [{ year: 2025, value: 11.7 }],
});

/** One alternative reading of the central trends (the parity band): the trajectories it replaces, and why. */
export interface TrajectoryAlternative {
  readonly name: string;
  readonly replaces: Readonly<Partial<PriceTrajectories>>;
}

const flat = (key: keyof PriceTrajectories): TrajectoryPoint[] => [DEFAULT_PRICE_TRAJECTORIES[key][0]!];
const SPACECRAFT_KEYS = [
  'arrayPrice_USD_per_W',
  'radiatorPrice_USD_per_m2',
  'busPrice_USD_per_kg',
  'islPrice_USD_per_terminal',
] as const;

/** The alternatives the parity band is made of: each a cited alternative or the flat reading (docs/models.md). */
export const TRAJECTORY_ALTERNATIVES: readonly TrajectoryAlternative[] = Object.freeze([
  {
    name: `chip price-performance doubling every ${PRICE_PERFORMANCE_DOUBLING_TOP_GPUS_yr} yr (Epoch AI, top GPUs)`,
    replaces: { chipPricePerformance_TFLOPS_per_USD: pricePerformance(PRICE_PERFORMANCE_DOUBLING_TOP_GPUS_yr) },
  },
  { name: 'launch held at $900/kg', replaces: { launchPrice_USD_per_kg: flat('launchPrice_USD_per_kg') } },
  {
    name: 'spacecraft hardware flat',
    replaces: Object.fromEntries(SPACECRAFT_KEYS.map((k) => [k, flat(k)])),
  },
  {
    name: `spacecraft hardware falling to ${LAST_YEAR}`,
    replaces: Object.fromEntries(
      SPACECRAFT_KEYS.map((k) => [k, spacecraft(DEFAULT_PRICE_TRAJECTORIES[k][0]!.value, LAST_YEAR)]),
    ),
  },
  { name: 'battery flat', replaces: { batteryPrice_USD_per_Wh: flat('batteryPrice_USD_per_Wh') } },
  {
    name: `battery falling to ${LAST_YEAR}`,
    replaces: {
      batteryPrice_USD_per_Wh: falling(BNEF_PACK_2024_USD_per_Wh, BNEF_PER_YEAR, 2024, LAST_YEAR),
    },
  },
]);

const samePoints = (a: readonly TrajectoryPoint[], b: readonly TrajectoryPoint[]): boolean =>
  a.length === b.length && a.every((p, i) => p.year === b[i]!.year && p.value === b[i]!.value);

/**
 * The alternatives that apply to `t`: those whose every replaced trajectory is still the default in `t` (a
 * trajectory the design sets is its own central trend, with no alternative).
 */
export function applicableAlternatives(t: Readonly<PriceTrajectories>): TrajectoryAlternative[] {
  return TRAJECTORY_ALTERNATIVES.filter((a) =>
    (Object.keys(a.replaces) as (keyof PriceTrajectories)[]).every((k) =>
      samePoints(t[k], DEFAULT_PRICE_TRAJECTORIES[k]),
    ),
  );
}

/** Factors on the design's (reference-year) prices and performance in `year`. */
export interface PriceFactors {
  readonly launch: number;
  /** Price of one chip of the design's power class. */
  readonly chip: number;
  /** FLOPS of one chip of the design's power class (perf/W at the same power). */
  readonly performance: number;
  readonly array: number;
  readonly radiator: number;
  readonly bus: number;
  readonly battery: number;
  readonly isl: number;
  readonly electricity: number;
  readonly terrestrialCapex: number;
}

export function priceFactors(t: Readonly<PriceTrajectories>, year: number, referenceYear: number): PriceFactors {
  return priceFactorSeries(t, [year], referenceYear)[0]!;
}

/** The factor of one trajectory in `year` against `referenceYear` (points already checked). */
const factorOf = (points: readonly TrajectoryPoint[], year: number, referenceYear: number): number =>
  interpolate(points, year) / interpolate(points, referenceYear);

/** priceFactors for each of `years`, the trajectories checked once. */
export function priceFactorSeries(
  t: Readonly<PriceTrajectories>,
  years: readonly number[],
  referenceYear: number,
): PriceFactors[] {
  for (const name of TRAJECTORY_KEYS) checkTrajectory(name, t[name]);
  return years.map((year) => {
    const f = (points: readonly TrajectoryPoint[]) => factorOf(points, year, referenceYear);
    const performance = f(t.chipPerformancePerWatt_TFLOPS_per_W);
    return {
      launch: f(t.launchPrice_USD_per_kg),
      chip: performance / f(t.chipPricePerformance_TFLOPS_per_USD),
      performance,
      array: f(t.arrayPrice_USD_per_W),
      radiator: f(t.radiatorPrice_USD_per_m2),
      bus: f(t.busPrice_USD_per_kg),
      battery: f(t.batteryPrice_USD_per_Wh),
      isl: f(t.islPrice_USD_per_terminal),
      electricity: f(t.electricity_USD_per_kWh),
      terrestrialCapex: f(t.terrestrialCapex_USD_per_W),
    };
  });
}
