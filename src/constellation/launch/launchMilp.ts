/**
 * The launch campaign's integer programs (launch.ts header): the cost MILP that plans the launches of several vehicles
 * and the 'deployed' MILP whose optimum is a milestone's achievable count, as LpModels for the injected `LpSolver`
 * (javascript-lp-solver for small models, HiGHS above HIGHS_ABOVE_INTEGER_COLUMNS). A campaign of one vehicle needs
 * neither: launch.ts takes both optima in closed form.
 * Formulation, evidence and costs: docs/constellations.md §"Launch campaign".
 */
import type { LpModel, LpResult, LpSolver, LpStatus } from '../../optimize/lp.js';

/** Tolerance of the whole-number floors and ceilings of counts computed in doubles. */
export const EPS = 1e-9;
/**
 * Integer columns above which the MILPs go to HiGHS: javascript-lp-solver's branch and bound took 2 s on 10 shells × 2
 * vehicles (20 integer columns) and minutes on 86 × 2; HiGHS takes about a second on 86 × 2. Small campaigns keep the
 * default.
 */
const HIGHS_ABOVE_INTEGER_COLUMNS = 8;
export const solveMilp = (solver: LpSolver, model: LpModel): LpResult =>
  solver(model, (model.integer?.length ?? 0) > HIGHS_ABOVE_INTEGER_COLUMNS ? { solver: 'highs' } : undefined);
export const launchesBy = (cadence_per_yr: number, t_yr: number): number => Math.floor(cadence_per_yr * t_yr + EPS);

/** What the integer programs read of a campaign vehicle (launch.ts CampaignVehicle). */
export interface PlanVehicle {
  readonly id: string;
  readonly price_USD: number;
  readonly cadence_per_yr: number;
  /** Most launches of this vehicle over the campaign, all shells together. */
  readonly maxLaunches?: number;
}

export interface Milestone {
  /** Fraction of the authorised satellites that must be in orbit (0, 1]. */
  readonly fraction: number;
  /** Deadline after authorisation [yr]. */
  readonly within_yr: number;
}

/** How the launch counts were found: the cost MILP's solver, or ONE_VEHICLE_SOLVER (launch.ts: rows, cols 0). */
export interface LaunchSolverRecord {
  readonly name: string;
  readonly status: LpStatus;
  readonly rows: number;
  readonly cols: number;
  readonly withMilestones: boolean;
}

/** The campaign's numbers, indexed [v][s] for vehicle × shell. */
export interface Plan {
  readonly k: readonly (readonly number[])[];
  readonly ub: readonly (readonly number[])[];
  readonly sats: readonly number[];
  readonly vehicles: readonly PlanVehicle[];
}

/** Accumulates an LP model's columns, rows and matrix entries in the order they are added. */
function modelBuilder() {
  const cols: { lower: number; upper: number; cost: number }[] = [];
  const rows: { lower: number; upper: number }[] = [];
  const er: number[] = [],
    ec: number[] = [],
    ev: number[] = [];
  const integer: number[] = [];
  const add = (r: number, c: number, a: number): void => {
    er.push(r);
    ec.push(c);
    ev.push(a);
  };
  const col = (lower: number, upper: number, cost: number, isInteger: boolean): number => {
    if (isInteger) integer.push(cols.length);
    cols.push({ lower, upper, cost });
    return cols.length - 1;
  };
  const row = (lower: number, upper: number): number => rows.push({ lower, upper }) - 1;
  const model = (sense: LpModel['sense']): LpModel => ({
    sense,
    cost: Float64Array.from(cols, (c) => c.cost),
    colLower: Float64Array.from(cols, (c) => c.lower),
    colUpper: Float64Array.from(cols, (c) => c.upper),
    rowLower: Float64Array.from(rows, (r) => r.lower),
    rowUpper: Float64Array.from(rows, (r) => r.upper),
    entryRow: Int32Array.from(er),
    entryCol: Int32Array.from(ec),
    entryValue: Float64Array.from(ev),
    integer,
  });
  return { add, col, row, model };
}

type ModelBuilder = ReturnType<typeof modelBuilder>;

/** Builds the MILP; columns: n_vs (v·S + s), then per milestone e_vsm (V·S) and y_sm (S). */
export function campaignModel(plan: Plan, milestones: readonly Milestone[], objective: 'cost' | 'deployed'): LpModel {
  const { k, ub, sats, vehicles } = plan;
  const V = vehicles.length,
    S = sats.length;
  const b = modelBuilder();
  const { add, col, row } = b;
  const n = vehicles.map((v, i) =>
    sats.map((_, s) => col(0, ub[i]![s]!, objective === 'cost' ? v.price_USD : 0, true)),
  );
  if (objective === 'cost') {
    sats.forEach((N, s) => {
      const r = row(N, Infinity);
      for (let i = 0; i < V; i++) add(r, n[i]![s]!, k[i]![s]!);
    });
  }
  vehicles.forEach((v, i) => {
    if (v.maxLaunches === undefined) return;
    const r = row(-Infinity, v.maxLaunches);
    for (let s = 0; s < S; s++) add(r, n[i]![s]!, 1);
  });
  for (const m of milestones) addMilestone(b, plan, m, n, objective);
  return b.model(objective === 'cost' ? 'minimize' : 'maximize');
}

/**
 * One milestone's columns and rows: launches e_vs flown by its date (at most the cadence allows, at most n_vs),
 * satellites y_s they carry, and (cost objective) the satellites it requires.
 */
function addMilestone(
  b: ModelBuilder,
  plan: Plan,
  m: Milestone,
  n: readonly (readonly number[])[],
  objective: 'cost' | 'deployed',
): void {
  const { k, ub, sats, vehicles } = plan;
  const { add, col, row } = b;
  const V = vehicles.length,
    S = sats.length;
  const e = vehicles.map((v, i) =>
    sats.map((_, s) => col(0, Math.min(ub[i]![s]!, launchesBy(v.cadence_per_yr, m.within_yr)), 0, true)),
  );
  const y = sats.map((N) => col(0, N, objective === 'deployed' ? 1 : 0, false));
  if (objective === 'cost') {
    const total = row(requiredBy(m, plan), Infinity);
    for (const c of y) add(total, c, 1);
  }
  sats.forEach((_, s) => {
    const credit = row(-Infinity, 0);
    add(credit, y[s]!, 1);
    for (let i = 0; i < V; i++) add(credit, e[i]![s]!, -k[i]![s]!);
  });
  vehicles.forEach((v, i) => {
    const cadence = row(-Infinity, launchesBy(v.cadence_per_yr, m.within_yr));
    for (let s = 0; s < S; s++) {
      add(cadence, e[i]![s]!, 1);
      const link = row(-Infinity, 0);
      add(link, e[i]![s]!, 1);
      add(link, n[i]![s]!, -1);
    }
  });
}

export const total = (plan: Plan): number => plan.sats.reduce((a, b) => a + b, 0);
export const requiredBy = (m: Readonly<Milestone>, plan: Plan): number => Math.ceil(m.fraction * total(plan) - EPS);

/** Launches of each vehicle to each shell, [v][s], and how they were found. */
export interface CheapestLaunches {
  readonly launches: number[][];
  readonly solver: LaunchSolverRecord;
}

/**
 * The cost MILP (campaignModel) by the injected solver: with the milestones where they are reachable, else (or when
 * the solver fails them) without.
 */
export function cheapestLaunches(
  solver: LpSolver,
  plan: Plan,
  milestones: readonly Milestone[],
  reachable: boolean,
): CheapestLaunches {
  let withMilestones = reachable;
  let lp: LpResult = solveMilp(solver, campaignModel(plan, withMilestones ? milestones : [], 'cost'));
  if (lp.status !== 'optimal' && withMilestones) {
    withMilestones = false;
    lp = solveMilp(solver, campaignModel(plan, [], 'cost'));
  }
  if (lp.status === 'infeasible') throw capsCannotCarry(plan, 'launch MILP infeasible');
  if (lp.status !== 'optimal')
    throw new Error(`launch MILP ${lp.status}: ${lp.message ?? 'no message'} (${lp.solver})`);
  const S = plan.sats.length;
  return {
    launches: plan.vehicles.map((_, i) => plan.sats.map((__, j) => Math.round(lp.x[i * S + j]!))),
    solver: { name: lp.solver, status: lp.status, rows: lp.rows, cols: lp.cols, withMilestones },
  };
}

/** The vehicles' launch caps cannot carry every satellite (launch.ts plans without them, for reference). */
export class CapsCannotCarry extends RangeError {}

export const capsCannotCarry = (plan: Plan, why: string): CapsCannotCarry =>
  new CapsCannotCarry(`the vehicles' launch caps cannot carry all ${total(plan)} satellites (${why})`);
