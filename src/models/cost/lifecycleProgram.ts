/**
 * A fleet program over a horizon: N nodes kept in service, each replaced at end of life and on random failure,
 * built on one production learning curve, plus node operations, a ground segment and its operations; discounted
 * and undiscounted LCOC of the whole program (the LCOC of both a node's fleet and a constellation's generation).
 *
 * Method: G = ⌈H/L⌉ generations, generation g = units g·N + 1 … (g + 1)·N of one curve (learningCurve.ts), built
 * at t = g·L; yearly flows over (k − 1, min(k, H)]; random failures at rate λ replaced at once (Poisson, Barlow &
 * Proschan, Mathematical Theory of Reliability, 1965, ch. 4): F = λ·N·H units continuing the curve. Operations per
 * node-year either given, or a fraction of the programme's average unit (the first generation's curve average plus the
 * off-curve cost): a fleet's operations scale with what its nodes cost, not with its first unit.
 * LCOC = PV(costs)/PV(compute) (lifecycleEconomics.ts), undiscounted beside it.
 * Assumptions: instantaneous replacement, no salvage value, real constant-dollar costs.
 * Validity: N integer ≥ 1, L, H > 0, costs ≥ 0, λ ≥ 0, delivered PFLOPS > 0.
 * Derivation, evidence and costs: docs/models.md §"Fleet program".
 */
import { DAY_s, JULIAN_YEAR_s } from '../../base/constants.js';
import { expectedLotCost_USD, lotCost_USD, type LearningFormulation } from './learningCurve.js';
import { DEFAULT_DISCOUNT_RATE_per_yr, discountFactor, type LevelizedCostResult } from './lifecycleEconomics.js';
import { nonNegative, positive } from '../validate.js';

const DAYS_PER_YEAR = JULIAN_YEAR_s / DAY_s;

export interface ProgramParams {
  /** Nodes kept in service (integer ≥ 1). */
  readonly nodes: number;
  readonly nodeLifetime_yr: number;
  /** Program horizon [yr]; default nodeLifetime_yr (one generation, no replacements). */
  readonly horizon_yr?: number;
  /** Recurring build cost of the first node, on the learning curve [$]. */
  readonly firstUnitCost_USD: number;
  /** Learning rate b ∈ [0.5, 1]; default 1 (no learning). */
  readonly learningRate?: number;
  readonly formulation?: LearningFormulation | undefined;
  /** Per-node cost off the curve (chips at market price, launch) [$]; default 0. */
  readonly perNodeOffCurve_USD?: number;
  /** Operations per node-year (insurance, spectrum, flight ops share) [$]; default 0 (or the fraction below). */
  readonly nodeOperations_USD_per_yr?: number;
  /** Operations per node-year as a fraction of the programme's average unit (header) [1/yr]; ignored when
   * nodeOperations_USD_per_yr is given. */
  readonly nodeOperationsFraction_per_yr?: number;
  /** Ground segment built at t = 0 (gateways, operations centre) [$]; default 0. */
  readonly groundSegment_USD?: number;
  /** Ground segment operations [$ per year]; default 0. */
  readonly groundOperations_USD_per_yr?: number;
  /** Life-average delivered compute of one node [PFLOPS]. */
  readonly deliveredPFLOPSPerNode: number;
  /** Real discount rate; default 0.07 (OMB A-94). */
  readonly discountRate_per_yr?: number;
  /** Random failures per node-year, each replaced at once on the curve (header) [1/yr]; default 0. */
  readonly failureRate_per_yr?: number;
}

export interface ProgramYear {
  /** 0: deployment at t = 0 (ground segment and first generation); k ≥ 1: the year (k − 1, k]. */
  readonly year: number;
  readonly build_USD: number;
  readonly operations_USD: number;
  /** Failure replacements of the year, hardware and off-curve cost [$]. */
  readonly failures_USD: number;
  readonly ground_USD: number;
  readonly compute_PFLOP_day: number;
}

/** The fleet's build and operations, and its levelized cost (totals, present values, LCOC). */
export interface ProgramResult extends LevelizedCostResult {
  readonly generations: number;
  readonly nodesBuilt: number;
  /** End-of-life replacements, (G − 1)·N. */
  readonly replacements: number;
  /** Expected failure replacements, λ·N·H (not whole). */
  readonly failures: number;
  /** Their cost, on and off the curve [$]. */
  readonly failures_USD: number;
  /** All builds, on and off the curve [$]. */
  readonly build_USD: number;
  /** build_USD/nodesBuilt [$]. */
  readonly averageNodeCost_USD: number;
  /** The first generation's average unit, on and off the curve: what operations are a fraction of [$]. */
  readonly averageUnit_USD: number;
  /** Operations per node-year in force [$/yr]. */
  readonly nodeOperations_USD_per_yr: number;
  readonly years: readonly ProgramYear[];
}

/** Rejects a fleet size, life or horizon out of range and negative costs. */
function checkProgramInputs(p: Readonly<ProgramParams>): void {
  const N = p.nodes;
  if (!(Number.isInteger(N) && N >= 1 && N <= 1e6))
    throw new RangeError(`nodes must be an integer in [1, 1e6], got ${N}`);
  positive('nodeLifetime_yr', p.nodeLifetime_yr);
  const H = p.horizon_yr ?? p.nodeLifetime_yr;
  if (!(H > 0 && H <= 200)) throw new RangeError(`horizon_yr must be in (0, 200], got ${H}`);
  positive('deliveredPFLOPSPerNode', p.deliveredPFLOPSPerNode);
  nonNegative('perNodeOffCurve_USD', p.perNodeOffCurve_USD ?? 0);
  nonNegative('nodeOperations_USD_per_yr', p.nodeOperations_USD_per_yr ?? 0);
  nonNegative('nodeOperationsFraction_per_yr', p.nodeOperationsFraction_per_yr ?? 0);
  nonNegative('groundSegment_USD', p.groundSegment_USD ?? 0);
  nonNegative('groundOperations_USD_per_yr', p.groundOperations_USD_per_yr ?? 0);
  nonNegative('failureRate_per_yr', p.failureRate_per_yr ?? 0);
}

/** Year rows 0..Y, all zero but the ground segment's capital in year 0. */
function emptyYears(Y: number, ground: number) {
  const years = [];
  for (let k = 0; k <= Y; k++) {
    years.push({
      year: k,
      build_USD: 0,
      operations_USD: 0,
      failures_USD: 0,
      ground_USD: k === 0 ? ground : 0,
      compute_PFLOP_day: 0,
    });
  }
  return years;
}

/** Cost of generation g's lot of N nodes on the learning curve, plus their off-curve cost. */
function generationLot(p: Readonly<ProgramParams>, g: number, N: number, offCurve: number): number {
  return (
    lotCost_USD({
      firstUnitCost_USD: p.firstUnitCost_USD,
      learningRate: p.learningRate ?? 1,
      fromUnit: g * N + 1,
      toUnit: (g + 1) * N,
      formulation: p.formulation,
    }) +
    N * offCurve
  );
}

/** Expected failure replacements λ·N·H and their average cost, continuing the curve after `built` units. */
function failureLot(p: Readonly<ProgramParams>, built: number, H: number, offCurve: number) {
  const count = (p.failureRate_per_yr ?? 0) * p.nodes * H;
  if (count === 0) return { count, each_USD: 0 };
  const onCurve = expectedLotCost_USD({
    firstUnitCost_USD: p.firstUnitCost_USD,
    learningRate: p.learningRate ?? 1,
    built,
    count,
    formulation: p.formulation,
  });
  return { count, each_USD: onCurve / count + offCurve };
}

/**
 * The first generation's average unit (`firstLot`: that generation's lot) and the operations per node-year (given, or
 * a fraction of that unit).
 */
function operations(p: Readonly<ProgramParams>, firstLot: number) {
  const averageUnit = firstLot / p.nodes;
  return { averageUnit, ops: p.nodeOperations_USD_per_yr ?? (p.nodeOperationsFraction_per_yr ?? 0) * averageUnit };
}

/** Each generation's lot, the first given. */
function generationLots(p: Readonly<ProgramParams>, G: number, firstLot: number, offCurve: number): number[] {
  const lots = [firstLot];
  for (let g = 1; g < G; g++) lots.push(generationLot(p, g, p.nodes, offCurve));
  return lots;
}

/**
 * Program cash flows, replacements and LCOC (see the header), written into `out`: a fresh Program, or one a lean
 * evaluator keeps (src/node/stages/cost.ts), which then reads `p` again only if its year rows are read before the next
 * call.
 */
export function programEconomics(p: Readonly<ProgramParams>, out = new Program()): ProgramResult {
  checkProgramInputs(p);
  return out.of(p);
}

/**
 * A programme's figures, its year rows built when first read: an optimizer reads only the totals, and rows of doubles
 * cost the lean evaluation an allocation per field. A class, not an object literal with a getter (V8 defines a
 * literal's accessor on every call). `of` writes every figure (and drops the rows of the programme before).
 */
export class Program implements ProgramResult {
  generations = 0;
  nodesBuilt = 0;
  replacements = 0;
  failures = 0;
  failures_USD = 0;
  build_USD = 0;
  averageNodeCost_USD = 0;
  averageUnit_USD = 0;
  nodeOperations_USD_per_yr = 0;
  totalCost_USD = 0;
  totalCompute_PFLOP_day = 0;
  lcoc_USD_per_PFLOP_day = 0;
  pvCost_USD = 0;
  pvCompute_PFLOP_day = 0;
  lcocDiscounted_USD_per_PFLOP_day = 0;
  private p: Readonly<ProgramParams> | undefined = undefined;
  private lots: readonly number[] = [];
  private failureEach_USD = 0;
  private years_: readonly ProgramYear[] | undefined = undefined;
  of(p: Readonly<ProgramParams>): this {
    this.p = p;
    this.years_ = undefined;
    const N = p.nodes;
    const H = p.horizon_yr ?? p.nodeLifetime_yr;
    const offCurve = p.perNodeOffCurve_USD ?? 0;
    const firstLot = generationLot(p, 0, N, offCurve);
    const { averageUnit, ops } = operations(p, firstLot);
    // ⌈H/L⌉, tolerant of H/L landing a hair above an integer in floating point.
    const G = Math.max(1, Math.ceil(H / p.nodeLifetime_yr - 1e-9));
    if (G * N > 1e9) throw new RangeError(`nodes × generations must be ≤ 1e9, got ${G * N}`);
    this.generations = G;
    this.nodesBuilt = G * N;
    this.replacements = (G - 1) * N;
    this.averageUnit_USD = averageUnit;
    this.nodeOperations_USD_per_yr = ops;
    this.lots = generationLots(p, G, firstLot, offCurve);
    this.flows(p, H, offCurve);
    return this;
  }
  /** The builds, failures and yearly flows, their totals and present values. */
  private flows(p: Readonly<ProgramParams>, H: number, offCurve: number): void {
    const N = p.nodes;
    const G = this.generations;
    const ops = this.nodeOperations_USD_per_yr;
    const ground = p.groundSegment_USD ?? 0;
    const r = p.discountRate_per_yr ?? DEFAULT_DISCOUNT_RATE_per_yr;
    let build = 0;
    let pvCost = ground;
    for (let g = 0; g < G; g++) {
      build += this.lots[g]!;
      pvCost += this.lots[g]! * discountFactor(r, g * p.nodeLifetime_yr);
    }
    const failures = failureLot(p, G * N, H, offCurve);
    let pvCompute = 0;
    let totalCompute = 0;
    let recurring = 0;
    for (let k = 1; k <= Math.ceil(H - 1e-9); k++) {
      const phi = Math.min(1, H - (k - 1));
      const d = discountFactor(r, k - 1 + phi);
      // the year row's flows (yearRows builds the same numbers into rows, when read)
      const flows =
        N * ops * phi +
        (p.failureRate_per_yr ?? 0) * N * phi * failures.each_USD +
        (p.groundOperations_USD_per_yr ?? 0) * phi;
      const compute = N * p.deliveredPFLOPSPerNode * DAYS_PER_YEAR * phi;
      recurring += flows;
      pvCost += flows * d;
      totalCompute += compute;
      pvCompute += compute * d;
    }
    const total = ground + build + recurring;
    this.failures = failures.count;
    this.failureEach_USD = failures.each_USD;
    this.failures_USD = failures.count * failures.each_USD;
    this.build_USD = build;
    this.averageNodeCost_USD = build / (G * N);
    this.totalCost_USD = total;
    this.totalCompute_PFLOP_day = totalCompute;
    this.lcoc_USD_per_PFLOP_day = total / totalCompute;
    this.pvCost_USD = pvCost;
    this.pvCompute_PFLOP_day = pvCompute;
    this.lcocDiscounted_USD_per_PFLOP_day = pvCost / pvCompute;
  }
  get years(): readonly ProgramYear[] {
    return (this.years_ ??= yearRows(this.p!, this.lots, this.nodeOperations_USD_per_yr, this.failureEach_USD));
  }
}

/** The year rows of programEconomics: each generation's lot in its build year, then each year's flows. */
function yearRows(
  p: Readonly<ProgramParams>,
  lots: readonly number[],
  ops: number,
  failureEach_USD: number,
): ProgramYear[] {
  const N = p.nodes;
  const H = p.horizon_yr ?? p.nodeLifetime_yr;
  const L = p.nodeLifetime_yr;
  const Y = Math.ceil(H - 1e-9);
  const years = emptyYears(Y, p.groundSegment_USD ?? 0);
  lots.forEach((lot, g) => {
    years[Math.min(Y, Math.ceil(g * L - 1e-9))]!.build_USD += lot;
  });
  for (let k = 1; k <= Y; k++) {
    const phi = Math.min(1, H - (k - 1));
    const row = years[k]!;
    row.operations_USD = N * ops * phi;
    row.failures_USD = (p.failureRate_per_yr ?? 0) * N * phi * failureEach_USD;
    row.ground_USD = (p.groundOperations_USD_per_yr ?? 0) * phi;
    row.compute_PFLOP_day = N * p.deliveredPFLOPSPerNode * DAYS_PER_YEAR * phi;
  }
  return years;
}
