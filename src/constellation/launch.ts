/**
 * Launch campaign: how many launches of which vehicles deploy a constellation, what they cost, how long
 * the deployment takes and whether it meets the regulatory milestones.
 *
 * Method
 * - Satellites per launch of vehicle v: k_v = min(⌊payload/m_launch⌋, ⌊η·V_fairing/V_stowed⌋) (the node
 *   cost model's rule; η = fairing packing efficiency, default 0.7, an estimate stated there). The result
 *   says which limit binds. A vehicle that cannot carry one satellite is left out.
 * - Launch counts: a small MILP (solved by the injected `LpSolver`):
 *     minimise Σ_v price_v·n_v
 *     s.t. Σ_v k_v·n_v ≥ N                                  (every satellite flies)
 *          Σ_v k_v·e_vm ≥ ⌈f_m·N⌉ for each milestone m      (fraction f_m up within T_m years)
 *          e_vm ≤ n_v,  0 ≤ e_vm ≤ ⌊c_v·T_m⌋,  0 ≤ n_v ≤ min(maxLaunches_v, ⌈N/k_v⌉),  n, e integer,
 *   e_vm being the launches of v flown by T_m. If a milestone cannot be met at the given cadences
 *   (⌈f_m·N⌉ > Σ_v k_v·min(cap_v, ⌊c_v·T_m⌋)) the plan is solved again without milestones (the cheapest
 *   plan) and the result reports milestonesMet = false with each milestone's shortfall; it never throws.
 * - Schedule: each vehicle flies at its cadence c_v from authorisation (t = 0) in parallel, launch j of v
 *   at t = j/c_v (so ⌊c_v·T⌋ launches by T, as in the MILP); launches are filled in time order with full
 *   loads, so satellites up by T = min(N, Σ_v k_v·min(n_v, ⌊c_v·T⌋)). Campaign duration = time of the
 *   launch that carries the last satellite. Orbit raising from the vehicle's reference altitude by the
 *   node's electric propulsion is not timed (weeks to months for Starlink; budgeted by the drag model).
 * - Milestones default: FCC 47 CFR §25.164(b): an NGSO licensee must launch and operate 50 % of the
 *   authorised space stations within 6 years of the grant and the rest within 9 years. The satellites to
 *   deploy are taken as the authorised number.
 *
 * Validity: N ≥ 1 whole satellites; cadences > 0; launch prices as catalogued (USD of the catalog year).
 * Throws RangeError when no vehicle can carry a satellite or the launch caps cannot carry them all.
 */
import type { LpModel, LpSolver, LpStatus } from '../problem/lp.js';
import { DEFAULT_FAIRING_PACKING_EFFICIENCY, type LaunchVehicleSpec } from '../models/cost.js';
import { nonNegative, positive } from '../models/validate.js';

/** FCC 47 CFR §25.164(b)(1)–(2). */
export const FCC_NGSO_MILESTONES: readonly Milestone[] = [
  { fraction: 0.5, within_yr: 6 },
  { fraction: 1, within_yr: 9 },
];

export interface Milestone {
  /** Fraction of the authorised satellites that must be in orbit (0, 1]. */
  readonly fraction: number;
  /** Deadline after authorisation [yr]. */
  readonly within_yr: number;
}

/** A catalog row (spread into the record) plus how often and how many times it can fly for us. */
export interface CampaignVehicle extends LaunchVehicleSpec {
  readonly id: string;
  readonly cadence_per_yr: number;
  readonly maxLaunches?: number;
}

export interface LaunchCampaignParams {
  readonly satellites: number;
  readonly launchMass_kg: number;
  readonly stowedVolume_m3: number;
  readonly vehicles: readonly CampaignVehicle[];
  readonly solver: LpSolver;
  /** Default 0.7 (node cost model estimate). */
  readonly fairingPackingEfficiency?: number;
  /** Default FCC_NGSO_MILESTONES; [] for none. */
  readonly milestones?: readonly Milestone[];
}

export type LaunchLimit = 'mass' | 'volume' | 'both';

export interface VehicleLaunches {
  readonly id: string;
  readonly satellitesPerLaunchByMass: number;
  readonly satellitesPerLaunchByVolume: number;
  readonly satellitesPerLaunch: number;
  readonly binding: LaunchLimit;
  readonly launches: number;
  readonly satellitesCarried: number;
  readonly cost_USD: number;
}

export interface MilestoneOutcome extends Milestone {
  readonly required: number;
  /** Satellites up by the deadline in the chosen plan. */
  readonly achieved: number;
  /** Most satellites any plan could have up by the deadline at these cadences and caps. */
  readonly achievable: number;
  /** max(0, required − achieved). */
  readonly shortfall: number;
  readonly met: boolean;
}

export interface DeploymentPoint {
  readonly time_yr: number;
  readonly satellites: number;
}

export interface LaunchCampaignResult {
  readonly satellites: number;
  readonly launches: number;
  readonly vehicles: readonly VehicleLaunches[];
  readonly launch_USD: number;
  readonly launchPerSatellite_USD: number;
  readonly campaign_yr: number;
  readonly milestonesMet: boolean;
  readonly milestones: readonly MilestoneOutcome[];
  /** (0, 0) then one point per launch: time and cumulative satellites in orbit. */
  readonly deploymentCurve: readonly DeploymentPoint[];
  readonly solver: { readonly name: string; readonly status: LpStatus; readonly rows: number; readonly cols: number; readonly withMilestones: boolean };
}

const EPS = 1e-9;
const launchesBy = (cadence_per_yr: number, t_yr: number): number => Math.floor(cadence_per_yr * t_yr + EPS);

/** Satellites per launch of one vehicle and which limit binds. */
export function satellitesPerLaunch(
  v: Readonly<LaunchVehicleSpec>, launchMass_kg: number, stowedVolume_m3: number, packing: number,
): { byMass: number; byVolume: number; perLaunch: number; binding: LaunchLimit } {
  const byMass = Math.floor(v.payloadLeo_kg / launchMass_kg + EPS);
  const byVolume = Math.floor((packing * v.fairingVolume_m3) / stowedVolume_m3 + EPS);
  const binding: LaunchLimit = byMass < byVolume ? 'mass' : byVolume < byMass ? 'volume' : 'both';
  return { byMass, byVolume, perLaunch: Math.min(byMass, byVolume), binding };
}

/** Satellites in orbit at time t from a deployment curve. */
export function deployedBy(curve: readonly DeploymentPoint[], t_yr: number): number {
  let n = 0;
  for (const p of curve) if (p.time_yr <= t_yr + EPS) n = p.satellites;
  return n;
}

interface Column { lower: number; upper: number; cost: number }
/** The launch MILP; columns 0…V−1 are n_v, then e_vm milestone by milestone. */
function campaignModel(
  k: readonly number[], ub: readonly number[], price: readonly number[], cadence: readonly number[], n: number, milestones: readonly Milestone[],
): LpModel {
  const V = k.length;
  const cols: Column[] = k.map((_, v) => ({ lower: 0, upper: ub[v]!, cost: price[v]! }));
  const rows: { lower: number; upper: number }[] = [{ lower: n, upper: Infinity }];
  const er: number[] = [], ec: number[] = [], ev: number[] = [];
  const add = (r: number, c: number, a: number): void => { er.push(r); ec.push(c); ev.push(a); };
  for (let v = 0; v < V; v++) add(0, v, k[v]!);
  milestones.forEach((m, i) => {
    const coverRow = rows.length;
    rows.push({ lower: requiredBy(m, n), upper: Infinity });
    for (let v = 0; v < V; v++) {
      const col = V * (i + 1) + v;
      cols.push({ lower: 0, upper: Math.min(ub[v]!, launchesBy(cadence[v]!, m.within_yr)), cost: 0 });
      add(coverRow, col, k[v]!);
      const linkRow = rows.length;
      rows.push({ lower: -Infinity, upper: 0 });
      add(linkRow, col, 1);
      add(linkRow, v, -1);
    }
  });
  return {
    sense: 'minimize',
    cost: Float64Array.from(cols, (c) => c.cost),
    colLower: Float64Array.from(cols, (c) => c.lower),
    colUpper: Float64Array.from(cols, (c) => c.upper),
    rowLower: Float64Array.from(rows, (r) => r.lower),
    rowUpper: Float64Array.from(rows, (r) => r.upper),
    entryRow: Int32Array.from(er),
    entryCol: Int32Array.from(ec),
    entryValue: Float64Array.from(ev),
    integer: cols.map((_, c) => c),
  };
}

const requiredBy = (m: Readonly<Milestone>, n: number): number => Math.ceil(m.fraction * n - EPS);

function validateVehicle(v: Readonly<CampaignVehicle>): void {
  positive(`${v.id}.payloadLeo_kg`, v.payloadLeo_kg);
  positive(`${v.id}.fairingVolume_m3`, v.fairingVolume_m3);
  nonNegative(`${v.id}.price_USD`, v.price_USD);
  positive(`${v.id}.cadence_per_yr`, v.cadence_per_yr);
  if (v.maxLaunches !== undefined && !(Number.isInteger(v.maxLaunches) && v.maxLaunches >= 0)) throw new RangeError(`${v.id}.maxLaunches must be a whole number ≥ 0, got ${v.maxLaunches}`);
}

/** Cheapest launch campaign that deploys the satellites, meeting the milestones where the cadences allow. */
export function launchCampaign(p: Readonly<LaunchCampaignParams>): LaunchCampaignResult {
  const n = p.satellites;
  if (!(Number.isInteger(n) && n >= 1)) throw new RangeError(`satellites must be a whole number ≥ 1, got ${n}`);
  positive('launchMass_kg', p.launchMass_kg);
  positive('stowedVolume_m3', p.stowedVolume_m3);
  const packing = p.fairingPackingEfficiency ?? DEFAULT_FAIRING_PACKING_EFFICIENCY;
  if (!(packing > 0 && packing <= 1)) throw new RangeError(`fairingPackingEfficiency must be in (0, 1], got ${packing}`);
  const milestones = p.milestones ?? FCC_NGSO_MILESTONES;
  for (const m of milestones) {
    if (!(m.fraction > 0 && m.fraction <= 1)) throw new RangeError(`milestone fraction must be in (0, 1], got ${m.fraction}`);
    positive('milestone within_yr', m.within_yr);
  }
  if (p.vehicles.length === 0) throw new RangeError('launch campaign needs at least one vehicle');
  p.vehicles.forEach(validateVehicle);

  const fit = p.vehicles.map((v) => satellitesPerLaunch(v, p.launchMass_kg, p.stowedVolume_m3, packing));
  const k = fit.map((f) => f.perLaunch);
  // A vehicle never needs more launches than it takes to carry everything alone; 0 if the node does not fit.
  const ub = p.vehicles.map((v, i) => (k[i]! >= 1 ? Math.min(v.maxLaunches ?? Infinity, Math.ceil(n / k[i]!)) : 0));
  if (k.every((x) => x < 1)) throw new RangeError('no vehicle can carry one satellite (mass or stowed volume too large)');
  if (k.reduce((s, x, i) => s + x * ub[i]!, 0) < n) throw new RangeError(`the vehicles' launch caps cannot carry all ${n} satellites`);
  const price = p.vehicles.map((v) => v.price_USD);
  const cadence = p.vehicles.map((v) => v.cadence_per_yr);
  const achievable = milestones.map((m) => Math.min(n, k.reduce((s, x, v) => s + x * Math.min(ub[v]!, launchesBy(cadence[v]!, m.within_yr)), 0)));

  const solve = (ms: readonly Milestone[]) => p.solver(campaignModel(k, ub, price, cadence, n, ms));
  let withMilestones = milestones.length > 0 && milestones.every((m, i) => requiredBy(m, n) <= achievable[i]!);
  let lp = solve(withMilestones ? milestones : []);
  if (lp.status !== 'optimal' && withMilestones) {
    withMilestones = false;
    lp = solve([]);
  }
  if (lp.status !== 'optimal') throw new Error(`launch MILP ${lp.status}: ${lp.message ?? 'no message'} (${lp.solver})`);
  const launches = k.map((_, v) => Math.round(lp.x[v]!));

  // Schedule: launch j of v at j/c_v, all vehicles in parallel, filled in time order with full loads.
  const events: { t: number; v: number }[] = [];
  launches.forEach((count, v) => { for (let j = 1; j <= count; j++) events.push({ t: j / cadence[v]!, v }); });
  events.sort((a, b) => a.t - b.t || a.v - b.v);
  const curve: DeploymentPoint[] = [{ time_yr: 0, satellites: 0 }];
  const carried = launches.map(() => 0);
  let up = 0, campaign_yr = 0;
  for (const e of events) {
    const load = Math.min(k[e.v]!, n - up);
    if (load <= 0) break;
    up += load;
    carried[e.v]! += load;
    campaign_yr = e.t;
    curve.push({ time_yr: e.t, satellites: up });
  }

  const outcomes = milestones.map((m, i): MilestoneOutcome => {
    const required = requiredBy(m, n);
    const achieved = deployedBy(curve, m.within_yr);
    return {
      fraction: m.fraction, within_yr: m.within_yr, required, achieved, achievable: achievable[i]!,
      shortfall: Math.max(0, required - achieved), met: achieved >= required,
    };
  });
  const vehicles = p.vehicles.map((v, i): VehicleLaunches => ({
    id: v.id,
    satellitesPerLaunchByMass: fit[i]!.byMass,
    satellitesPerLaunchByVolume: fit[i]!.byVolume,
    satellitesPerLaunch: k[i]!,
    binding: fit[i]!.binding,
    launches: launches[i]!,
    satellitesCarried: carried[i]!,
    cost_USD: launches[i]! * v.price_USD,
  }));
  const launch_USD = vehicles.reduce((s, v) => s + v.cost_USD, 0);
  return {
    satellites: n,
    launches: launches.reduce((s, x) => s + x, 0),
    vehicles,
    launch_USD,
    launchPerSatellite_USD: launch_USD / n,
    campaign_yr,
    milestonesMet: outcomes.every((o) => o.met),
    milestones: outcomes,
    deploymentCurve: curve,
    solver: { name: lp.solver, status: lp.status, rows: lp.rows, cols: lp.cols, withMilestones },
  };
}
