/**
 * The aggregated LP of the reduced torus model (torus.ts) and the downlink upper bound.
 *
 * LP over the hull steps e = (dCross_e, dIn_e, count_e) of torusPathTypes.ts, μ = λ(N−1)/cap,
 * cap = max(capIn, capCross):
 *   max μ  s.t.  w_e − (count_e/(N−1))·μ ≤ 0,  (X_0/(N−1))·μ + Σ dCross_e·w_e ≤ 2·capCross/cap,
 *                (Y_0/(N−1))·μ − Σ dIn_e·w_e ≤ 2·capIn/cap,  w ≥ 0;
 * solved in closed form by default (torusLpClosedForm.ts), by the LP solver when `lpOptions` is given.
 * Downlink (upper bound, not a solution): N·λ ≤ station and access capacity, (N − m)·λ ≤ m·2·(capIn + capCross)
 * (max-flow ≤ cut: Ford & Fulkerson, Can. J. Math. 8, 399–404, 1956).
 * Derivation, evidence and costs: docs/constellations.md §"Aggregated torus LP and downlink bound".
 */
import type { LpModel, LpSolveOptions, LpSolver } from '../../../optimize/lp.js';
import type { TorusHull } from './torusPathTypes.js';
import { closedFormTorusLp } from './torusLpClosedForm.js';

export interface TorusLpSolution {
  readonly disconnected: boolean;
  readonly throughputPerNode_bps: number;
  readonly inPlaneUtilization: number;
  readonly crossPlaneUtilization: number;
  readonly lp: { readonly rows: number; readonly cols: number; readonly solver: string };
  /**
   * Per hull step (same order as `dest.steps`): the fraction of the unit steps that direction offers which the
   * optimum takes, w_e / (count_e·μ/(N−1)) in [0, 1]. A routing that moves every destination's demand that far
   * along its hull edges of direction e reproduces the optimum's class loads (used by torusRouting.ts).
   */
  readonly stepUse: Float64Array;
}

interface TorusCapacities {
  readonly inPlaneCapacity_bps: number;
  readonly crossPlaneCapacity_bps: number;
  readonly lpSolver: LpSolver;
  readonly lpOptions?: LpSolveOptions;
}

/**
 * The reduced LP: one column per hull step (its flow) and μ, one row per step (flow ≤ its share of μ) and the two
 * hop-capacity rows (cross-plane, in-plane), capacities scaled by cap. The entries are returned as triplets too.
 */
function reducedTorusModel(
  p: Readonly<TorusCapacities>,
  dest: TorusHull,
  n: number,
  cap: number,
): {
  model: LpModel;
  er: number[];
  ec: number[];
  ev: number[];
  mu: number;
  crossRow: number;
  inRow: number;
} {
  const steps = dest.steps;
  const rows = steps.length + 2;
  const cols = steps.length + 1;
  const mu = steps.length;
  const crossRow = steps.length;
  const inRow = steps.length + 1;
  const er: number[] = [];
  const ec: number[] = [];
  const ev: number[] = [];
  const add = (r: number, c: number, v: number): void => {
    if (v !== 0) {
      er.push(r);
      ec.push(c);
      ev.push(v);
    }
  };
  steps.forEach((e, i) => {
    add(i, i, 1);
    add(i, mu, -e.count / (n - 1));
    add(crossRow, i, e.dCross);
    add(inRow, i, -e.dIn);
  });
  add(crossRow, mu, dest.baseCrossHops / (n - 1));
  add(inRow, mu, dest.baseInHops / (n - 1));
  const rowLower = new Float64Array(rows).fill(-Infinity);
  const rowUpper = new Float64Array(rows);
  rowUpper[crossRow] = (2 * p.crossPlaneCapacity_bps) / cap;
  rowUpper[inRow] = (2 * p.inPlaneCapacity_bps) / cap;
  const cost = new Float64Array(cols);
  cost[mu] = 1;
  const model: LpModel = {
    sense: 'maximize',
    cost,
    colLower: new Float64Array(cols),
    colUpper: new Float64Array(cols).fill(Infinity),
    rowLower,
    rowUpper,
    entryRow: Int32Array.from(er),
    entryCol: Int32Array.from(ec),
    entryValue: Float64Array.from(ev),
  };
  return { model, er, ec, ev, mu, crossRow, inRow };
}

/** The `solver` named in records when the reduced LP is solved in closed form (torusLpClosedForm.ts). */
export const CLOSED_FORM_SOLVER = 'closed form';

/**
 * The reduced LP's optimum: in closed form (torusLpClosedForm.ts) unless `lpOptions` asks for an LP solver or the
 * closed form does not apply; then by the LP solver.
 */
export function solveTorusLp(p: Readonly<TorusCapacities>, dest: TorusHull, n: number): TorusLpSolution {
  if (dest.unreachable > 0) {
    return {
      disconnected: true,
      throughputPerNode_bps: 0,
      inPlaneUtilization: 0,
      crossPlaneUtilization: 0,
      lp: { rows: 0, cols: 0, solver: 'none' },
      stepUse: new Float64Array(dest.steps.length),
    };
  }
  const cap = Math.max(p.inPlaneCapacity_bps, p.crossPlaneCapacity_bps);
  if (p.lpOptions === undefined) {
    const closed = closedFormSolution(p, dest, n, cap);
    if (closed !== null) return closed;
  }
  return lpSolution(p, dest, n, cap);
}

/** The reduced LP's optimum in closed form, or null when the closed form does not apply. */
function closedFormSolution(
  p: Readonly<TorusCapacities>,
  dest: TorusHull,
  n: number,
  cap: number,
): TorusLpSolution | null {
  const steps = dest.steps;
  const c = closedFormTorusLp({
    steps,
    baseCrossHops: dest.baseCrossHops,
    baseInHops: dest.baseInHops,
    destinations: n - 1,
    crossBound: (2 * p.crossPlaneCapacity_bps) / cap,
    inBound: (2 * p.inPlaneCapacity_bps) / cap,
  });
  if (c === null) return null;
  const util = (activity: number, capacity: number): number => (activity * cap) / (2 * capacity);
  return {
    disconnected: false,
    throughputPerNode_bps: c.mu * cap,
    inPlaneUtilization: util(c.inActivity, p.inPlaneCapacity_bps),
    crossPlaneUtilization: util(c.crossActivity, p.crossPlaneCapacity_bps),
    lp: { rows: steps.length + 2, cols: steps.length + 1, solver: CLOSED_FORM_SOLVER },
    stepUse: c.stepUse,
  };
}

/** The reduced LP's optimum by the LP solver `p.lpSolver`. */
function lpSolution(p: Readonly<TorusCapacities>, dest: TorusHull, n: number, cap: number): TorusLpSolution {
  const steps = dest.steps;
  const { model, er, ec, ev, mu, crossRow, inRow } = reducedTorusModel(p, dest, n, cap);
  const r = p.lpSolver(model, p.lpOptions);
  if (r.status !== 'optimal')
    throw new Error(
      `reduced torus LP not solved (${r.status}${r.message !== undefined ? `: ${r.message}` : ''}) by ${r.solver}`,
    );
  let crossActivity = 0;
  let inActivity = 0;
  for (let k = 0; k < er.length; k++) {
    const v = ev[k]! * (r.x[ec[k]!] ?? 0);
    if (er[k] === crossRow) crossActivity += v;
    else if (er[k] === inRow) inActivity += v;
  }
  const util = (activity: number, c: number): number => (c > 0 ? (activity * cap) / (2 * c) : 0);
  const muValue = Math.max(0, r.x[mu] ?? 0);
  const stepUse = Float64Array.from(steps, (e, i) =>
    muValue > 0 ? Math.min(1, Math.max(0, ((r.x[i] ?? 0) * (n - 1)) / (e.count * muValue))) : 0,
  );
  return {
    disconnected: false,
    throughputPerNode_bps: Math.max(0, r.x[mu] ?? 0) * cap,
    inPlaneUtilization: util(inActivity, p.inPlaneCapacity_bps),
    crossPlaneUtilization: util(crossActivity, p.crossPlaneCapacity_bps),
    lp: { rows: r.rows, cols: r.cols, solver: r.solver },
    stepUse,
  };
}

export interface TorusDownlinkBoundParams {
  readonly satellites: number;
  /** Satellites that see a gateway (have an access link) at the instant considered. */
  readonly visibleSatellites: number;
  /** Σ station → ground-network capacity [b/s]. */
  readonly stationCapacity_bps: number;
  /** Σ satellite → station access-link capacity [b/s]. */
  readonly accessCapacity_bps: number;
  readonly inPlaneCapacity_bps: number;
  readonly crossPlaneCapacity_bps: number;
}

export interface TorusDownlinkBound {
  readonly reducedModel: true;
  readonly upperBound: true;
  readonly lambdaUpperBound_bps: number;
  readonly throughputPerNodeUpperBound_bps: number;
  readonly limitedBy: 'station' | 'access' | 'cut';
}

/** Upper bound on the per-satellite downlink rate of a shell (stated as a bound, not solved). */
export function torusDownlinkBound(p: Readonly<TorusDownlinkBoundParams>): TorusDownlinkBound {
  const { satellites: n, visibleSatellites: m } = p;
  if (!(Number.isInteger(n) && n >= 1 && Number.isInteger(m) && m >= 0 && m <= n))
    throw new RangeError(`need integers 0 ≤ visibleSatellites (${m}) ≤ satellites (${n}), satellites ≥ 1`);
  for (const k of [
    'stationCapacity_bps',
    'accessCapacity_bps',
    'inPlaneCapacity_bps',
    'crossPlaneCapacity_bps',
  ] as const) {
    if (!(Number.isFinite(p[k]) && p[k] >= 0)) throw new RangeError(`${k} must be finite and ≥ 0, got ${p[k]}`);
  }
  const candidates: [TorusDownlinkBound['limitedBy'], number][] = [
    ['station', p.stationCapacity_bps / n],
    ['access', m > 0 ? p.accessCapacity_bps / n : 0],
    ['cut', m < n ? (m * 2 * (p.inPlaneCapacity_bps + p.crossPlaneCapacity_bps)) / (n - m) : Infinity],
  ];
  let best = candidates[0]!;
  for (const c of candidates) if (c[1] < best[1]) best = c;
  return {
    reducedModel: true,
    upperBound: true,
    lambdaUpperBound_bps: best[1],
    throughputPerNodeUpperBound_bps: best[1],
    limitedBy: best[0],
  };
}
