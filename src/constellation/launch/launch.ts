/**
 * Launch campaign: how many launches of which vehicles deploy each shell of a constellation, what they cost, how
 * long the deployment takes and whether it meets the regulatory milestones.
 *
 * A launch carries one shell; satellites per launch k_vs = min(⌊(P_vs − m_d)/m_s⌋, by volume), P_vs from
 * src/models/launch/launchPerformance.ts, m_d the row's dispenser (0 without one); by volume: stowed boxes stacked in
 * the vehicle's envelope (src/models/launch/fairingPacking.ts) where its row gives one, else ⌊η·V_fairing/V_s⌋,
 * η = 0.7 by default.
 * Launch counts n_vs: a MILP (launchMilp.ts, injected `LpSolver`) minimising Σ_vs price_v·n_vs with every satellite
 * flown, vehicle caps, and milestones Σ_s y_sm ≥ ⌈f_m·N⌉ under the cadences (⌊c_v·T_m⌋ launches by T_m); unmet
 * milestones are solved again without them and reported; with one vehicle the MILP's optimum in closed form (n_s =
 * ⌈N_s/k_s⌉, no solver called). Schedule: each vehicle at its cadence from t = 0, launch j at j/c_v; orbit raising not
 * timed. Milestones default: FCC 47 CFR §25.164(b), 50 % within 6 years of the grant and the rest within 9.
 * Validity: N_s ≥ 1 whole satellites per shell; cadences > 0; launch prices as catalogued (USD of the catalog year).
 * A campaign that cannot fly as given is planned for reference and says why (`shortfalls`): a shell no vehicle can
 * carry one satellite of (mass or stowed volume) flies one satellite per launch on the vehicle that comes nearest;
 * launch caps too small for every satellite are dropped (the plan without them).
 * Derivation, evidence and costs: docs/constellations.md §"Launch campaign".
 */
import type { LpSolver } from '../../optimize/lp.js';
import {
  campaignModel,
  capsCannotCarry,
  CapsCannotCarry,
  cheapestLaunches,
  EPS,
  launchesBy,
  requiredBy,
  solveMilp,
  total,
  type CheapestLaunches,
  type LaunchSolverRecord,
  type Milestone,
  type Plan,
} from './launchMilp.js';
import {
  DEFAULT_FAIRING_PACKING_EFFICIENCY,
  satellitePayload_kg,
  satellitesByVolume,
  type LaunchVehicleSpec,
} from '../../models/cost/cost.js';
import type { StowedBox } from '../../models/launch/fairingPacking.js';
import { nonNegative, positive } from '../../models/validate.js';
import { minOf } from '../../base/arrays.js';

export type { Milestone } from './launchMilp.js';

/** FCC 47 CFR §25.164(b)(1)–(2). */
export const FCC_NGSO_MILESTONES: readonly Milestone[] = [
  { fraction: 0.5, within_yr: 6 },
  { fraction: 1, within_yr: 9 },
];

/** A catalog row (spread into the record) plus how often and how many times it can fly for us. */
export interface CampaignVehicle extends LaunchVehicleSpec {
  readonly id: string;
  readonly cadence_per_yr: number;
  /** Most launches of this vehicle over the campaign, all shells together. */
  readonly maxLaunches?: number;
  /** Payload into each shell's orbit [kg], by shell index; absent: payloadLeo_kg for every shell. */
  readonly payloadToShell_kg?: readonly number[];
}

/** One orbit to fill: its satellites and the launch mass and stowed volume of each. */
export interface CampaignShell {
  readonly id: string;
  readonly satellites: number;
  readonly launchMass_kg: number;
  readonly stowedVolume_m3: number;
  /** Stowed box [m]: stacked in a vehicle's envelope where its row gives one (satellitesByVolume). */
  readonly stowedBox?: Readonly<StowedBox>;
}

interface CampaignCommon {
  readonly vehicles: readonly CampaignVehicle[];
  readonly solver: LpSolver;
  /** Default 0.7 (node cost model estimate). */
  readonly fairingPackingEfficiency?: number;
  /** Default FCC_NGSO_MILESTONES; [] for none. */
  readonly milestones?: readonly Milestone[];
}

/** Several shells, or one shell given by its satellites, launch mass and stowed volume. */
export type LaunchCampaignParams = CampaignCommon &
  (
    | { readonly shells: readonly CampaignShell[] }
    | { readonly satellites: number; readonly launchMass_kg: number; readonly stowedVolume_m3: number }
  );

export type LaunchLimit = 'mass' | 'volume' | 'both';

/** Satellites per launch (and which limit binds), launches flown, satellites carried and their cost. */
export interface LaunchCounts {
  readonly satellitesPerLaunchByMass: number;
  readonly satellitesPerLaunchByVolume: number;
  readonly satellitesPerLaunch: number;
  readonly binding: LaunchLimit;
  readonly launches: number;
  readonly satellitesCarried: number;
  readonly cost_USD: number;
}

/** Launches of one vehicle to one shell. */
export interface ShellVehicleLaunches extends LaunchCounts {
  readonly shell: string;
  readonly vehicle: string;
  readonly payload_kg: number;
}

/** One vehicle over all shells; the per-launch figures are those of the shell it packs most satellites into. */
export interface VehicleLaunches extends LaunchCounts {
  readonly id: string;
}

export interface ShellLaunches {
  readonly id: string;
  readonly satellites: number;
  readonly launches: number;
  readonly cost_USD: number;
  /** Launch cost ÷ (satellites × node launch mass): the $/kg this campaign charges the shell's nodes. */
  readonly price_USD_per_kg: number;
  readonly vehicles: readonly ShellVehicleLaunches[];
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

/** A reason the campaign cannot fly as given: the shell it concerns (null: the whole campaign) and a sentence. */
export interface Shortfall {
  readonly shell: string | null;
  readonly why: string;
}

export interface DeploymentPoint {
  readonly time_yr: number;
  readonly satellites: number;
}

export interface LaunchCampaignResult {
  readonly satellites: number;
  readonly launches: number;
  readonly vehicles: readonly VehicleLaunches[];
  readonly shells: readonly ShellLaunches[];
  readonly launch_USD: number;
  readonly launchPerSatellite_USD: number;
  readonly campaign_yr: number;
  readonly milestonesMet: boolean;
  readonly milestones: readonly MilestoneOutcome[];
  /** (0, 0) then one point per launch: time and cumulative satellites in orbit. */
  readonly deploymentCurve: readonly DeploymentPoint[];
  readonly solver: LaunchSolverRecord;
  /**
   * Why the campaign as given cannot fly (empty when it can): each shell no vehicle can carry one satellite of, and
   * launch caps too small for every satellite (shell null). The plan is then for reference only.
   */
  readonly shortfalls: readonly Shortfall[];
}

/**
 * Satellites per launch of one vehicle and which limit binds (payload_kg: into the shell's orbit, default
 * payloadLeo_kg; the row's dispenser is carried out of it).
 */
export function satellitesPerLaunch(
  v: Readonly<LaunchVehicleSpec>,
  launchMass_kg: number,
  stowedVolume_m3: number,
  packing: number,
  payload_kg = v.payloadLeo_kg,
  stowedBox?: Readonly<StowedBox>,
): { byMass: number; byVolume: number; perLaunch: number; binding: LaunchLimit } {
  const byMass = Math.floor(satellitePayload_kg(v, payload_kg) / launchMass_kg + EPS);
  const byVolume = satellitesByVolume(v, stowedVolume_m3, packing, stowedBox);
  const binding: LaunchLimit = byMass < byVolume ? 'mass' : byVolume < byMass ? 'volume' : 'both';
  return { byMass, byVolume, perLaunch: Math.min(byMass, byVolume), binding };
}

/** Satellites in orbit at time t from a deployment curve. */
export function deployedBy(curve: readonly DeploymentPoint[], t_yr: number): number {
  let n = 0;
  // indexed: a for-of's iterator results are objects once escape analysis is off (src/entries/cli/bin.ts)
  for (let i = 0; i < curve.length; i++) if (curve[i]!.time_yr <= t_yr + EPS) n = curve[i]!.satellites;
  return n;
}

/**
 * The 'deployed' MILP's optimum for a campaign of one vehicle, exactly: the most of Σ_s min(N_s, k_s·e_s) over launches
 * e_s ≤ ub_s with Σ_s e_s ≤ min(⌊c·T_m⌋, maxLaunches). Shell s's launches carry k_s each but the last, which carries
 * what is left (N_s − k_s·(ub_s − 1), at most k_s): each shell's gains are non-increasing, so the budget's best use is
 * the largest gains over all shells (a separable concave objective under one budget row: greedy is optimal).
 */
function oneVehicleAchievable(plan: Plan, m: Milestone): number {
  const v = plan.vehicles[0]!;
  let budget = Math.min(launchesBy(v.cadence_per_yr, m.within_yr), v.maxLaunches ?? Infinity);
  // (gain per launch, launches at that gain) of every shell
  const gains: [number, number][] = [];
  plan.sats.forEach((N, s) => {
    const k = plan.k[0]![s]!,
      ub = plan.ub[0]![s]!;
    if (k < 1 || ub < 1) return;
    const full = Math.min(ub, Math.floor(N / k));
    if (full > 0) gains.push([k, full]);
    if (full < ub && N - k * full > 0) gains.push([N - k * full, 1]);
  });
  gains.sort((a, b) => b[0] - a[0]);
  let carried = 0;
  for (const [gain, count] of gains) {
    const take = Math.min(count, budget);
    carried += gain * take;
    budget -= take;
  }
  return carried;
}

function validateVehicle(v: Readonly<CampaignVehicle>, shells: number): void {
  positive(`${v.id}.payloadLeo_kg`, v.payloadLeo_kg);
  positive(`${v.id}.fairingVolume_m3`, v.fairingVolume_m3);
  nonNegative(`${v.id}.price_USD`, v.price_USD);
  positive(`${v.id}.cadence_per_yr`, v.cadence_per_yr);
  if (v.maxLaunches !== undefined && !(Number.isInteger(v.maxLaunches) && v.maxLaunches >= 0))
    throw new RangeError(`${v.id}.maxLaunches must be a whole number ≥ 0, got ${v.maxLaunches}`);
  if (v.payloadToShell_kg !== undefined) {
    if (v.payloadToShell_kg.length !== shells)
      throw new RangeError(
        `${v.id}.payloadToShell_kg needs one payload per shell (${shells}), got ${v.payloadToShell_kg.length}`,
      );
    v.payloadToShell_kg.forEach((p, s) => nonNegative(`${v.id}.payloadToShell_kg[${s}]`, p));
  }
}

function campaignShells(p: Readonly<LaunchCampaignParams>): readonly CampaignShell[] {
  const shells =
    'shells' in p
      ? p.shells
      : [{ id: 'all', satellites: p.satellites, launchMass_kg: p.launchMass_kg, stowedVolume_m3: p.stowedVolume_m3 }];
  if (shells.length === 0) throw new RangeError('launch campaign needs at least one shell');
  for (const s of shells) {
    if (!(Number.isInteger(s.satellites) && s.satellites >= 1))
      throw new RangeError(`satellites must be a whole number ≥ 1, got ${s.satellites} (shell ${s.id})`);
    positive(`launchMass_kg (shell ${s.id})`, s.launchMass_kg);
    positive(`stowedVolume_m3 (shell ${s.id})`, s.stowedVolume_m3);
  }
  return shells;
}

function checkInputs(
  p: Readonly<LaunchCampaignParams>,
  shells: number,
): { packing: number; milestones: readonly Milestone[] } {
  const packing = p.fairingPackingEfficiency ?? DEFAULT_FAIRING_PACKING_EFFICIENCY;
  if (!(packing > 0 && packing <= 1))
    throw new RangeError(`fairingPackingEfficiency must be in (0, 1], got ${packing}`);
  const milestones = p.milestones ?? FCC_NGSO_MILESTONES;
  for (const m of milestones) {
    if (!(m.fraction > 0 && m.fraction <= 1))
      throw new RangeError(`milestone fraction must be in (0, 1], got ${m.fraction}`);
    positive('milestone within_yr', m.within_yr);
  }
  if (p.vehicles.length === 0) throw new RangeError('launch campaign needs at least one vehicle');
  p.vehicles.forEach((v) => validateVehicle(v, shells));
  return { packing, milestones };
}

/**
 * Cheapest launch campaign that deploys every shell, meeting the milestones where the cadences allow; a campaign that
 * cannot fly as given is planned for reference, its `shortfalls` saying why (header).
 */
export function launchCampaign(p: Readonly<LaunchCampaignParams>): LaunchCampaignResult {
  const shells = campaignShells(p);
  const { packing, milestones } = checkInputs(p, shells.length);
  try {
    return plannedCampaign(p, shells, packing, milestones);
  } catch (e) {
    // caps too small for every satellite: the plan without them, for reference (a solver fault without caps throws)
    if (!(e instanceof CapsCannotCarry) || p.vehicles.every((v) => v.maxLaunches === undefined)) throw e;
    const uncapped = p.vehicles.map(({ maxLaunches: _, ...v }) => v);
    const r = plannedCampaign({ ...p, vehicles: uncapped }, shells, packing, milestones);
    return {
      ...r,
      shortfalls: [
        ...r.shortfalls,
        { shell: null, why: `launch: ${e.message}; the campaign is planned without the caps, for reference only` },
      ],
    };
  }
}

function plannedCampaign(
  p: Readonly<LaunchCampaignParams>,
  shells: readonly CampaignShell[],
  packing: number,
  milestones: readonly Milestone[],
): LaunchCampaignResult {
  const { fit, k, ub, shortfalls } = launchCapacities(p, shells, packing);
  const plan: Plan = { k, ub, sats: shells.map((s) => s.satellites), vehicles: p.vehicles };
  const n = total(plan);
  const achievable = milestones.map((m) => {
    if (plan.vehicles.length === 1) return Math.min(n, oneVehicleAchievable(plan, m));
    const r = solveMilp(p.solver, campaignModel(plan, [m], 'deployed'));
    return r.status === 'optimal' ? Math.min(n, Math.round(r.objective)) : 0;
  });

  const reachable = milestones.length > 0 && milestones.every((m, i) => requiredBy(m, plan) <= achievable[i]!);
  const { launches, solver } =
    plan.vehicles.length === 1
      ? oneVehicleLaunches(plan, reachable)
      : cheapestLaunches(p.solver, plan, milestones, reachable);
  const schedule = deploymentSchedule(plan, launches);
  const outcomes = milestoneOutcomes(plan, milestones, achievable, schedule.curve);
  const { perShell, vehicles } = campaignLaunches(p, shells, fit, k, launches, schedule.carried);
  const launch_USD = vehicles.reduce((s, v) => s + v.cost_USD, 0);
  return {
    satellites: n,
    launches: vehicles.reduce((s, v) => s + v.launches, 0),
    vehicles,
    shells: perShell,
    launch_USD,
    launchPerSatellite_USD: launch_USD / n,
    campaign_yr: schedule.campaign_yr,
    milestonesMet: outcomes.every((o) => o.met),
    milestones: outcomes,
    deploymentCurve: schedule.curve,
    solver,
    shortfalls,
  };
}

/** The solver name a campaign of one vehicle reports (oneVehicleLaunches): no LP is solved. */
export const ONE_VEHICLE_SOLVER = 'closed form (one vehicle)';

/**
 * The cost MILP's optimum for a campaign of one vehicle, exactly: the cover row k_s·n_s ≥ N_s and n_s ≤ ub_s ≤
 * ⌈N_s/k_s⌉ (launchCapacities) leave n_s = ⌈N_s/k_s⌉ as the only launch counts, feasible when Σ_s n_s is within the
 * vehicle's cap. The milestone columns (e ≤ n, Σ_s e ≤ ⌊c·T_m⌋, y ≤ k·e) then have a solution exactly when each
 * milestone's requirement is within its achievable count (oneVehicleAchievable, the most satellites up by T_m over the
 * same columns), so the plan is made with the milestones when they are reachable; the launch counts do not depend on
 * it.
 */
function oneVehicleLaunches(plan: Plan, reachable: boolean): CheapestLaunches {
  const v = plan.vehicles[0]!;
  const launches = plan.sats.map((N, s) => Math.ceil(N / plan.k[0]![s]!));
  if (launches.reduce((a, b) => a + b, 0) > (v.maxLaunches ?? Infinity))
    throw capsCannotCarry(plan, `${v.id} is capped at ${v.maxLaunches} launches`);
  return {
    launches: [launches],
    solver: { name: ONE_VEHICLE_SOLVER, status: 'optimal', rows: 0, cols: 0, withMilestones: reachable },
  };
}

/**
 * Satellites each vehicle carries to each shell per launch (`fit`, `k`) and the most launches worth flying (`ub`). A
 * shell no vehicle can carry one satellite of flies one per launch on the vehicle whose payload and fairing come
 * nearest (least max(m/P, V/(η·V_fairing))), said in `shortfalls`; throws CapsCannotCarry when a shell's caps fall
 * short.
 */
function launchCapacities(
  p: Readonly<LaunchCampaignParams>,
  shells: readonly CampaignShell[],
  packing: number,
): { fit: ReturnType<typeof satellitesPerLaunch>[][]; k: number[][]; ub: number[][]; shortfalls: Shortfall[] } {
  const payload = (v: CampaignVehicle, j: number): number => v.payloadToShell_kg?.[j] ?? v.payloadLeo_kg;
  const fit = p.vehicles.map((v) =>
    shells.map((s, j) =>
      satellitesPerLaunch(v, s.launchMass_kg, s.stowedVolume_m3, packing, payload(v, j), s.stowedBox),
    ),
  );
  const k = fit.map((f) => f.map((x) => x.perLaunch));
  const shortfalls: Shortfall[] = [];
  shells.forEach((s, j) => {
    if (k.some((row) => row[j]! >= 1)) return;
    // how many times too large the satellite is for each vehicle: the nearest carries it, for reference
    const over = p.vehicles.map((v) =>
      Math.max(s.launchMass_kg / payload(v, j), s.stowedVolume_m3 / (packing * v.fairingVolume_m3)),
    );
    const near = over.indexOf(minOf(over));
    const v = p.vehicles[near]!;
    k[near]![j] = 1;
    shortfalls.push({
      shell: s.id,
      why:
        `launch: no campaign vehicle can carry one satellite of shell ${s.id} (${s.launchMass_kg.toFixed(0)} kg, ` +
        `${s.stowedVolume_m3.toFixed(1)} m³ stowed; nearest ${v.id}: ${payload(v, j).toFixed(0)} kg to its orbit, ` +
        `${(packing * v.fairingVolume_m3).toFixed(1)} m³ of fairing at packing ${packing}); the campaign flies it one ` +
        `satellite per launch on ${v.id}, for reference only`,
    });
  });
  // A vehicle never needs more launches to a shell than it takes to carry that shell alone; 0 if the node does not fit.
  const ub = p.vehicles.map((v, i) =>
    shells.map((s, j) =>
      k[i]![j]! >= 1 ? Math.min(v.maxLaunches ?? Infinity, Math.ceil(s.satellites / k[i]![j]!)) : 0,
    ),
  );
  shells.forEach((s, j) => {
    if (k.reduce((a, row, i) => a + row[j]! * ub[i]![j]!, 0) < s.satellites)
      throw new CapsCannotCarry(
        `the vehicles' launch caps cannot carry all ${s.satellites} satellites of shell ${s.id}`,
      );
  });
  return { fit, k, ub, shortfalls };
}

/** Each milestone's required, achieved and achievable satellite counts under the chosen schedule. */
function milestoneOutcomes(
  plan: Plan,
  milestones: readonly Milestone[],
  achievable: readonly number[],
  curve: LaunchCampaignResult['deploymentCurve'],
): MilestoneOutcome[] {
  return milestones.map((m, i): MilestoneOutcome => {
    const required = requiredBy(m, plan);
    const achieved = deployedBy(curve, m.within_yr);
    return {
      fraction: m.fraction,
      within_yr: m.within_yr,
      required,
      achieved,
      achievable: achievable[i]!,
      shortfall: Math.max(0, required - achieved),
      met: achieved >= required,
    };
  });
}

/** The launches per shell and vehicle, and per vehicle (its figures at the shell it packs most satellites for). */
function campaignLaunches(
  p: Readonly<LaunchCampaignParams>,
  shells: ReturnType<typeof campaignShells>,
  fit: readonly (readonly ReturnType<typeof satellitesPerLaunch>[])[],
  k: readonly (readonly number[])[],
  launches: readonly (readonly number[])[],
  carried: readonly (readonly number[])[],
): { perShell: ShellLaunches[]; vehicles: VehicleLaunches[] } {
  const perShell = shells.map((s, j): ShellLaunches => {
    const vehicles = p.vehicles.map((v, i): ShellVehicleLaunches => ({
      shell: s.id,
      vehicle: v.id,
      payload_kg: v.payloadToShell_kg?.[j] ?? v.payloadLeo_kg,
      satellitesPerLaunchByMass: fit[i]![j]!.byMass,
      satellitesPerLaunchByVolume: fit[i]![j]!.byVolume,
      satellitesPerLaunch: k[i]![j]!,
      binding: fit[i]![j]!.binding,
      launches: launches[i]![j]!,
      satellitesCarried: carried[i]![j]!,
      cost_USD: launches[i]![j]! * v.price_USD,
    }));
    const cost_USD = vehicles.reduce((a, x) => a + x.cost_USD, 0);
    return {
      id: s.id,
      satellites: s.satellites,
      launches: vehicles.reduce((a, x) => a + x.launches, 0),
      cost_USD,
      price_USD_per_kg: cost_USD / (s.satellites * s.launchMass_kg),
      vehicles,
    };
  });
  const vehicles = p.vehicles.map((v, i): VehicleLaunches => {
    const best = k[i]!.reduce((b, x, j) => (x > k[i]![b]! ? j : b), 0);
    return {
      id: v.id,
      satellitesPerLaunchByMass: fit[i]![best]!.byMass,
      satellitesPerLaunchByVolume: fit[i]![best]!.byVolume,
      satellitesPerLaunch: k[i]![best]!,
      binding: fit[i]![best]!.binding,
      launches: launches[i]!.reduce((a, x) => a + x, 0),
      satellitesCarried: carried[i]!.reduce((a, x) => a + x, 0),
      cost_USD: launches[i]!.reduce((a, x) => a + x, 0) * v.price_USD,
    };
  });
  return { perShell, vehicles };
}

/** Launch j of v at j/c_v, all vehicles in parallel; each launch goes where it carries most (see header). */
function deploymentSchedule(
  plan: Plan,
  launches: readonly (readonly number[])[],
): {
  curve: DeploymentPoint[];
  carried: number[][];
  campaign_yr: number;
} {
  const { k, sats, vehicles } = plan;
  const V = vehicles.length;
  // each vehicle's launches in time order (launch j at j/c_v): merged by time, the lower vehicle index first on a tie
  const count = launches.map((perShell) => perShell.reduce((a, x) => a + x, 0));
  const next = new Array<number>(V).fill(1);
  const left = launches.map((row) => [...row]);
  const ground = [...sats];
  const carried = launches.map((row) => row.map(() => 0));
  const curve: DeploymentPoint[] = [{ time_yr: 0, satellites: 0 }];
  let up = 0,
    campaign_yr = 0;
  for (;;) {
    let v = -1,
      t = Infinity;
    for (let i = 0; i < V; i++) {
      if (next[i]! > count[i]!) continue;
      const ti = next[i]! / vehicles[i]!.cadence_per_yr;
      if (ti < t) {
        t = ti;
        v = i;
      }
    }
    if (v < 0) break;
    next[v]!++;
    const lv = left[v]!,
      kv = k[v]!;
    let best = -1,
      load = 0;
    for (let s = 0; s < lv.length; s++) {
      const l = lv[s]!;
      const x = l > 0 ? Math.min(kv[s]!, ground[s]!) : -1;
      if (x > load || (best < 0 && l > 0)) {
        best = s;
        load = Math.max(0, x);
      }
    }
    if (best < 0) continue;
    lv[best]! -= 1;
    if (load <= 0) continue;
    ground[best]! -= load;
    carried[v]![best]! += load;
    up += load;
    campaign_yr = t;
    curve.push({ time_yr: t, satellites: up });
  }
  return { curve, carried, campaign_yr };
}
