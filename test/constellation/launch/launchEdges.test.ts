/**
 * The launch campaign's edges: input checks and their messages, the MILP handed to the solver (its columns, bounds,
 * rows and solver choice counted from the model in launch.ts's header), solver failures, and the deployment
 * schedule's rule "each launch, in time order, goes to the planned shell where it carries the most" worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { createLpSolver } from '../../../solvers/lp/index.js';
import {
  deployedBy,
  launchCampaign,
  ONE_VEHICLE_SOLVER,
  satellitesPerLaunch,
  type CampaignShell,
  type CampaignVehicle,
  type LaunchCampaignParams,
} from '../../../src/constellation/launch/launch.js';
import type { LpModel, LpResult, LpSolveOptions, LpSolver } from '../../../src/optimize/lp.js';
import { failedLp } from '../../helpers/lp.js';
import { abstractVehicle } from './vehicles.js';

const solver = await createLpSolver();

const veh = abstractVehicle;
const one = (o: Partial<LaunchCampaignParams> = {}): LaunchCampaignParams =>
  ({
    satellites: 10,
    launchMass_kg: 1000,
    stowedVolume_m3: 1,
    vehicles: [veh({ id: 'V' })],
    solver,
    ...o,
  }) as LaunchCampaignParams;
/** A shell of satellites of one launch mass [kg] and stowed volume [m³]. */
const shellOf = (id: string, satellites: number, launchMass_kg: number, stowedVolume_m3 = 1): CampaignShell => ({
  id,
  satellites,
  launchMass_kg,
  stowedVolume_m3,
});
/** A campaign of several shells without milestones. */
const shellsCampaign = (shells: CampaignShell[], vehicles: CampaignVehicle[], lp: LpSolver = solver) =>
  launchCampaign({ shells, vehicles, solver: lp, milestones: [] });

/** A stub solver that returns the given launches n_vs (column v·S + s) as the optimal plan. */
const planned =
  (launches: readonly number[]): LpSolver =>
  (model) => ({
    status: 'optimal',
    objective: 0,
    x: Float64Array.from(launches),
    solver: 'stub',
    rows: model.rowLower.length,
    cols: model.cost.length,
  });

/** The real solver, recording every model and option it is given. */
function recording(): { lp: LpSolver; calls: { model: Readonly<LpModel>; options: unknown }[] } {
  const calls: { model: Readonly<LpModel>; options: unknown }[] = [];
  const lp = (model: Readonly<LpModel>, options?: Readonly<LpSolveOptions>): LpResult => {
    calls.push({ model, options });
    return solver(model, options);
  };
  return { lp, calls };
}
const failed = (status: LpResult['status'], message?: string): LpResult => failedLp(status, 'fake', 0, 0, message);

describe('satellites per launch', () => {
  it('equal mass and volume limits bind both; 0.7 × 3 m³ / 0.7 m³ is 3 although it rounds to 2.9999…', () => {
    expect(satellitesPerLaunch(veh({ id: 'a', fairingVolume_m3: 20 }), 1000, 1, 0.5)).toEqual({
      byMass: 10,
      byVolume: 10,
      perLaunch: 10,
      binding: 'both',
    });
    expect(satellitesPerLaunch(veh({ id: 'b', fairingVolume_m3: 3 }), 1000, 0.7, 0.7)).toEqual({
      byMass: 10,
      byVolume: 3,
      perLaunch: 3,
      binding: 'volume',
    });
  });

  it('deployedBy counts a launch at exactly the asked time', () => {
    const curve = [
      { time_yr: 0, satellites: 0 },
      { time_yr: 1, satellites: 5 },
      { time_yr: 2, satellites: 10 },
    ];
    expect(deployedBy(curve, 2)).toBe(10);
    expect(deployedBy(curve, 1.5)).toBe(5);
    // within the 1e-9 yr tolerance of the asked time counts as launched by then
    expect(
      deployedBy(
        [
          { time_yr: 0, satellites: 0 },
          { time_yr: 1e-9, satellites: 3 },
        ],
        0,
      ),
    ).toBe(3);
  });
});

describe('input checks name the field', () => {
  const throwsWith = (p: LaunchCampaignParams, re: RegExp) => expect(() => launchCampaign(p)).toThrow(re);
  it('vehicle fields', () => {
    throwsWith(one({ vehicles: [veh({ id: 'V', payloadLeo_kg: 0 })] }), /V\.payloadLeo_kg/);
    throwsWith(one({ vehicles: [veh({ id: 'V', fairingVolume_m3: 0 })] }), /V\.fairingVolume_m3/);
    throwsWith(one({ vehicles: [veh({ id: 'V', price_USD: -1 })] }), /V\.price_USD/);
    throwsWith(one({ vehicles: [veh({ id: 'V', cadence_per_yr: 0 })] }), /V\.cadence_per_yr/);
    throwsWith(one({ vehicles: [veh({ id: 'V', maxLaunches: 1.5 })] }), /V\.maxLaunches must be a whole number ≥ 0/);
    throwsWith(one({ vehicles: [veh({ id: 'V', maxLaunches: -1 })] }), /V\.maxLaunches must be a whole number ≥ 0/);
    throwsWith(one({ vehicles: [veh({ id: 'V', payloadToShell_kg: [-1] })] }), /V\.payloadToShell_kg\[0\]/);
    throwsWith(one({ vehicles: [] }), /at least one vehicle/);
    // A free launch and a whole cap are accepted.
    expect(launchCampaign(one({ vehicles: [veh({ id: 'V', price_USD: 0, maxLaunches: 1 })] })).launches).toBe(1);
    // a cap of 0 keeps a vehicle out of the campaign
    const capped = launchCampaign(
      one({ vehicles: [veh({ id: 'V', price_USD: 0, maxLaunches: 0 }), veh({ id: 'W' })] }),
    );
    expect(capped.vehicles.map((v) => v.launches)).toEqual([0, 1]);
  });

  it('shell fields, the one-shell form named "all"', () => {
    throwsWith(one({ satellites: 0 }), /satellites must be a whole number ≥ 1, got 0 \(shell all\)/);
    throwsWith(one({ launchMass_kg: 0 }), /launchMass_kg \(shell all\)/);
    throwsWith(one({ stowedVolume_m3: 0 }), /stowedVolume_m3 \(shell all\)/);
    throwsWith({ shells: [], vehicles: [veh({ id: 'V' })], solver }, /at least one shell/);
    const single = launchCampaign(one({ satellites: 1 }));
    expect(single.shells.map((s) => s.id)).toEqual(['all']);
    expect(single.launches).toBe(1);
  });

  it('packing efficiency in (0, 1], milestone fractions in (0, 1], deadlines > 0', () => {
    throwsWith(one({ fairingPackingEfficiency: 0 }), /fairingPackingEfficiency must be in \(0, 1\]/);
    throwsWith(one({ fairingPackingEfficiency: 1.01 }), /fairingPackingEfficiency/);
    expect(() => launchCampaign(one({ fairingPackingEfficiency: 1 }))).not.toThrow();
    throwsWith(one({ milestones: [{ fraction: 0, within_yr: 5 }] }), /milestone fraction must be in \(0, 1\]/);
    throwsWith(one({ milestones: [{ fraction: 1.5, within_yr: 5 }] }), /milestone fraction/);
    throwsWith(one({ milestones: [{ fraction: 1, within_yr: 0 }] }), /milestone within_yr/);
    expect(launchCampaign(one({ milestones: [{ fraction: 1, within_yr: 5 }] })).milestonesMet).toBe(true);
  });

  it('a shell no vehicle reaches, and launch caps too small, are told apart (each a shortfall, planned for reference)', () => {
    const short = launchCampaign(one({ vehicles: [veh({ id: 'V', payloadLeo_kg: 999 })] }));
    expect(short.shortfalls).toHaveLength(1);
    expect(short.shortfalls[0]!.why).toMatch(/no campaign vehicle can carry one satellite of shell all/);
    expect(short.launches).toBe(10); // one 1 t satellite per launch on the 999 kg vehicle, for reference
    // payload = node mass: exactly one per launch is still a fit.
    const exact = launchCampaign(one({ satellites: 2, vehicles: [veh({ id: 'V', payloadLeo_kg: 1000 })] }));
    expect([exact.launches, exact.shortfalls]).toEqual([2, []]);
    // 5 t carries 5 satellites: 10 need 2 launches against a cap of 1, planned uncapped (2 launches)
    const capped = launchCampaign(one({ vehicles: [veh({ id: 'V', payloadLeo_kg: 5000, maxLaunches: 1 })] }));
    expect(capped.shortfalls).toEqual([
      {
        shell: null,
        why:
          "launch: the vehicles' launch caps cannot carry all 10 satellites of shell all; the campaign is planned " +
          'without the caps, for reference only',
      },
    ]);
    expect(capped.launches).toBe(2);
  });

  it('the nearest vehicle carries a shell none can: the least of max(m/P, V/(η·V_fairing))', () => {
    // a 2 t, 30 m³ satellite; η = 0.7. A: 1.5 t, 100 m³ → max(1.33, 0.43) = 1.33; B: 3 t, 20 m³ (14 m³ usable) →
    // max(0.67, 2.14) = 2.14. Neither carries one (A by mass, B by volume); A comes nearest.
    const r = launchCampaign(
      one({
        satellites: 3,
        launchMass_kg: 2000,
        stowedVolume_m3: 30,
        vehicles: [
          veh({ id: 'A', payloadLeo_kg: 1500, fairingVolume_m3: 100 }),
          veh({ id: 'B', payloadLeo_kg: 3000, fairingVolume_m3: 20 }),
        ],
        milestones: [],
      }),
    );
    expect(r.vehicles.map((v) => [v.id, v.launches])).toEqual([
      ['A', 3],
      ['B', 0],
    ]);
    expect(r.shortfalls[0]!.why).toMatch(
      /nearest A: 1500 kg to its orbit, 70\.0 m³ of fairing .* on A, for reference only$/,
    );
  });
});

describe('the MILP handed to the solver', () => {
  it('cost model: n_vs integer ≤ ⌈N_s/k_vs⌉ (or the cap; 0 when none fits); one cover row per shell, one cap row', () => {
    // k: V → A ⌊10/1⌋ = 10 (A has 25: ≤ 3), V → B ⌊10/4⌋ = 2 (B has 3: ≤ 2); W (cap 1) → A 1, B 0 (does not fit).
    const { lp, calls } = recording();
    const r = shellsCampaign(
      [shellOf('A', 25, 1000), shellOf('B', 3, 4000)],
      [veh({ id: 'V' }), veh({ id: 'W', payloadLeo_kg: 1000, payloadToShell_kg: [1000, 3999], maxLaunches: 1 })],
      lp,
    );
    expect(calls).toHaveLength(1); // no milestone: no "achievable" model
    const m = calls[0]!.model;
    expect(m.sense).toBe('minimize');
    expect(Array.from(m.colUpper)).toEqual([3, 2, 1, 0]);
    expect(m.integer).toEqual([0, 1, 2, 3]);
    expect(Array.from(m.cost)).toEqual([10e6, 10e6, 10e6, 10e6]);
    expect(Array.from(m.rowLower)).toEqual([25, 3, -Infinity]);
    expect(Array.from(m.rowUpper)).toEqual([Infinity, Infinity, 1]);
    expect(calls[0]!.options).toBeUndefined(); // 4 integer columns: the default solver
    expect(r.solver.withMilestones).toBe(false);
    expect(r.shells[1]!.vehicles[1]!.payload_kg).toBe(3999);
    expect(r.launchPerSatellite_USD).toBeCloseTo(r.launch_USD / 28, 6);
  });

  it('with one milestone: e_vs integer ≤ min(ub, ⌊c·T⌋), y_s continuous; the "achievable" model maximises Σ y', () => {
    // One shell of 100; V carries 10 per launch at 2 launches/yr, W 1 at 1/yr: by year 3 at most 6 and 3 launches.
    const { lp, calls } = recording();
    const r = launchCampaign(
      one({
        satellites: 100,
        vehicles: [veh({ id: 'V', cadence_per_yr: 2 }), veh({ id: 'W', payloadLeo_kg: 1000, cadence_per_yr: 1 })],
        solver: lp,
        milestones: [{ fraction: 0.5, within_yr: 3 }],
      }),
    );
    expect(calls.map((c) => c.model.sense)).toEqual(['maximize', 'minimize']);
    const [deployed, cost] = [calls[0]!.model, calls[1]!.model];
    // columns: n_V, n_W, e_V, e_W, y; rows (deployed): credit y − 10·e_V − e_W ≤ 0, then per vehicle cadence e ≤ ⌊c·T⌋
    // and link e − n ≤ 0.
    expect(Array.from(deployed.colUpper)).toEqual([10, 100, 6, 3, 100]);
    expect(deployed.integer).toEqual([0, 1, 2, 3]);
    expect(Array.from(deployed.cost)).toEqual([0, 0, 0, 0, 1]);
    expect(Array.from(deployed.rowUpper)).toEqual([0, 6, 0, 3, 0]);
    // cost model: cover row N ≤ k·n, then the milestone's Σ y ≥ 50, credit, cadence and link rows.
    expect(Array.from(cost.cost)).toEqual([10e6, 10e6, 0, 0, 0]);
    expect(Array.from(cost.rowLower)).toEqual([100, 50, -Infinity, -Infinity, -Infinity, -Infinity, -Infinity]);
    expect(r.milestones[0]!.achievable).toBe(63); // 6 × 10 + 3 × 1
    expect(r.solver.withMilestones).toBe(true);
  });

  it('one vehicle: no model at all (the achievable counts and the plan in closed form)', () => {
    // 100 satellites at 10 per launch, 2 launches/yr: 6 launches by year 3 carry 60, as the MILP's optimum; the plan
    // is the 10 launches that carry them all.
    const { lp, calls } = recording();
    const r = launchCampaign(
      one({
        satellites: 100,
        vehicles: [veh({ id: 'V', cadence_per_yr: 2 })],
        solver: lp,
        milestones: [{ fraction: 0.5, within_yr: 3 }],
      }),
    );
    expect(calls).toEqual([]);
    expect(r.milestones[0]!.achievable).toBe(60);
    expect(r.launches).toBe(10);
    expect(r.solver).toEqual({ name: ONE_VEHICLE_SOLVER, status: 'optimal', rows: 0, cols: 0, withMilestones: true });
  });

  it('more than 8 integer columns go to HiGHS, 8 stay with the default', () => {
    const shells = (n: number) => Array.from({ length: n }, (_, s) => shellOf(`s${s}`, 2, 1000));
    const vehicles = [veh({ id: 'X' }), veh({ id: 'Y', price_USD: 20e6 })];
    const eight = recording(),
      ten = recording();
    shellsCampaign(shells(4), vehicles, eight.lp);
    shellsCampaign(shells(5), vehicles, ten.lp);
    expect(eight.calls.map((c) => c.options)).toEqual([undefined]);
    expect(ten.calls.map((c) => c.options)).toEqual([{ solver: 'highs' }]);
  });
});

describe('solver outcomes', () => {
  it('no milestone list, or one milestone out of reach: the plan is solved without milestones, once', () => {
    const two = [veh({ id: 'V' }), veh({ id: 'W', price_USD: 20e6 })];
    const none = recording();
    expect(launchCampaign(one({ vehicles: two, solver: none.lp, milestones: [] })).solver.withMilestones).toBe(false);
    // 100 satellites; V carries 10 per launch, W 1, each 1 launch/yr: by year 6 at most 60 + 6 (50 needed), by year 9
    // 90 + 9 (100 needed).
    const some = recording();
    const slow = [veh({ id: 'V', cadence_per_yr: 1 }), veh({ id: 'W', payloadLeo_kg: 1000, cadence_per_yr: 1 })];
    const r = launchCampaign(one({ satellites: 100, vehicles: slow, solver: some.lp }));
    expect(r.solver.withMilestones).toBe(false);
    expect(r.milestones.map((m) => m.achievable)).toEqual([66, 99]);
    expect(some.calls.map((c) => c.model.sense)).toEqual(['maximize', 'maximize', 'minimize']);
    expect(some.calls[2]!.model.cost).toHaveLength(2); // n_V and n_W only: no milestone columns
    // one vehicle: the same outcome without a model (V alone: 60 of 50 by year 6, 90 of 100 by year 9)
    const alone = recording();
    const a = launchCampaign(one({ satellites: 100, vehicles: [slow[0]!], solver: alone.lp }));
    expect([a.solver.withMilestones, a.milestones.map((m) => m.achievable), alone.calls]).toEqual([
      false,
      [60, 90],
      [],
    ]);
  });

  it('achievable counts are 0 when the "achievable" model fails', () => {
    const lp: LpSolver = (m, o) => (m.sense === 'maximize' ? failed('error', 'x') : solver(m, o));
    // two vehicles: the achievable counts come from the MILP (one vehicle's are in closed form)
    const r = launchCampaign(one({ vehicles: [veh({ id: 'V' }), veh({ id: 'W', price_USD: 20e6 })], solver: lp }));
    expect(r.milestones.map((m) => m.achievable)).toEqual([0, 0]);
    expect(r.solver.withMilestones).toBe(false);
    expect(r.milestonesMet).toBe(true); // one launch at 0.1 yr carries all 10
  });

  it('a milestone plan the solver cannot solve falls back to the cheapest plan', () => {
    const senses: string[] = [];
    const columns: number[] = [];
    let first = true;
    const lp: LpSolver = (m, o) => {
      senses.push(m.sense);
      columns.push(m.cost.length);
      if (m.sense === 'minimize' && first) {
        first = false;
        return failed('infeasible');
      }
      return solver(m, o);
    };
    const r = launchCampaign(one({ vehicles: [veh({ id: 'V' }), veh({ id: 'W', price_USD: 20e6 })], solver: lp }));
    expect(senses).toEqual(['maximize', 'maximize', 'minimize', 'minimize']);
    expect(columns.at(-1)).toBe(2); // the fallback has no milestone columns, only n_V and n_W
    expect(r.solver.withMilestones).toBe(false);
    expect(r.launches).toBe(1);
  });

  it('an infeasible plan is a RangeError about the caps; any other failure an Error with the solver message', () => {
    const two = (lp: LpSolver) => one({ vehicles: [veh({ id: 'V' }), veh({ id: 'W', price_USD: 20e6 })], solver: lp });
    const infeasible: LpSolver = () => failed('infeasible');
    expect(() => launchCampaign(two(infeasible))).toThrow(RangeError);
    expect(() => launchCampaign(two(infeasible))).toThrow(
      /launch caps cannot carry all 10 satellites \(launch MILP infeasible\)/,
    );
    const broken: LpSolver = () => failed('error', 'boom');
    expect(() => launchCampaign(two(broken))).toThrow(/^launch MILP error: boom \(fake\)$/);
    const silent: LpSolver = () => failed('unbounded');
    expect(() => launchCampaign(two(silent))).toThrow(/^launch MILP unbounded: no message \(fake\)$/);
  });

  it('one vehicle over its cap across shells: a shortfall naming the cap, planned uncapped, no solver called', () => {
    // 25 and 3 satellites at 10 and 2 per launch (1 t and 4 t nodes, 10 t payload): 3 + 2 launches against a cap of 4
    const { lp, calls } = recording();
    const capped = shellsCampaign(
      [shellOf('A', 25, 1000), shellOf('B', 3, 4000)],
      [veh({ id: 'V', maxLaunches: 4 })],
      lp,
    );
    expect(capped.shortfalls.map((x) => x.why)).toEqual([
      "launch: the vehicles' launch caps cannot carry all 28 satellites (V is capped at 4 launches); the campaign is " +
        'planned without the caps, for reference only',
    ]);
    expect(capped.shells.map((s) => s.launches)).toEqual([3, 2]);
    expect(calls).toEqual([]);
  });
});

describe('deployment schedule (launch j of v at j/c_v; each goes where it carries most)', () => {
  it('one vehicle, two shells: the three 10-satellite launches first, then the 2-satellite ones', () => {
    // k: A 10 (30 satellites: 3 launches), B 2 (6: 3 launches); 12 launches/yr.
    const r = shellsCampaign([shellOf('A', 30, 1000), shellOf('B', 6, 5000)], [veh({ id: 'V', cadence_per_yr: 12 })]);
    expect(r.deploymentCurve).toEqual(
      [0, 10, 20, 30, 32, 34, 36].map((satellites, j) => ({ time_yr: j / 12, satellites })),
    );
    // The vehicle's own figures are those of the shell it packs most satellites into (A), first or second.
    expect(r.vehicles[0]!.satellitesPerLaunch).toBe(10);
    const reversed = shellsCampaign(
      [shellOf('B', 6, 5000), shellOf('A', 30, 1000)],
      [veh({ id: 'V', cadence_per_yr: 12 })],
    );
    expect(reversed.vehicles[0]!.satellitesPerLaunch).toBe(10);
    // listed second, A still flies first: the launch goes where it carries most, not to the first shell
    expect(reversed.deploymentCurve.map((p) => p.satellites)).toEqual([0, 10, 20, 30, 32, 34, 36]);
  });

  it('equal loads: the first planned shell first; the vehicle figures of the first of equal shells', () => {
    // V carries 5 to either shell (mass-bound to A, volume-bound to B): a tie goes to the first shell with launches
    // left, so A twice, then B twice.
    const r = shellsCampaign(
      [shellOf('A', 10, 2000), shellOf('B', 10, 1000, 1400)],
      [veh({ id: 'V', cadence_per_yr: 4 })],
    );
    expect(r.shells.map((s) => s.vehicles[0]!.binding)).toEqual(['mass', 'volume']);
    expect(r.vehicles[0]!.binding).toBe('mass');
    expect(r.deploymentCurve.map((p) => p.satellites)).toEqual([0, 5, 10, 15, 20]);
    expect(r.shells.map((s) => s.vehicles[0]!.satellitesCarried)).toEqual([10, 10]);
  });

  it('two vehicles at one instant fly in vehicle order', () => {
    // 11 satellites of 1 t; A carries 3 ($50M), B 5 ($80M): the optimum is 2 A + 1 B (launch.test.ts).
    const r = launchCampaign(
      one({
        satellites: 11,
        vehicles: [
          veh({ id: 'A', payloadLeo_kg: 3000, price_USD: 50e6 }),
          veh({ id: 'B', payloadLeo_kg: 5000, price_USD: 80e6 }),
        ],
        milestones: [],
      }),
    );
    expect(r.deploymentCurve).toEqual([
      { time_yr: 0, satellites: 0 },
      { time_yr: 0.1, satellites: 3 },
      { time_yr: 0.1, satellites: 8 },
      { time_yr: 0.2, satellites: 11 },
    ]);
  });

  it('a launch goes only to shells with planned launches left, even where it would carry more', () => {
    // A: 20 satellites of 1 t, B: 5 of 2 t. V ($10M, 10 t, 10/yr) carries 10 to A and 5 to B but flies at most twice;
    // W ($20M, 5/yr) reaches A only (10). Cheapest: V once to A and once to B, W once to A ($40M, not W twice: $50M).
    // V at 0.1 yr takes 10 to A; V's second launch at 0.2 yr must go to B (5), although A has 10 left that it could
    // carry; W at 0.2 yr takes A's last 10.
    const r = shellsCampaign(
      [shellOf('A', 20, 1000), shellOf('B', 5, 2000)],
      [
        veh({ id: 'V', maxLaunches: 2 }),
        veh({ id: 'W', price_USD: 20e6, cadence_per_yr: 5, payloadToShell_kg: [10000, 0] }),
      ],
    );
    expect(r.deploymentCurve).toEqual([
      { time_yr: 0, satellites: 0 },
      { time_yr: 0.1, satellites: 10 },
      { time_yr: 0.2, satellites: 15 },
      { time_yr: 0.2, satellites: 25 },
    ]);
    expect(r.shells.map((s) => s.vehicles.map((v) => v.satellitesCarried))).toEqual([
      [10, 10],
      [5, 0],
    ]);
  });

  it('a spare planned launch that finds the ground empty adds no point to the curve and does not end the campaign', () => {
    // A plan with one launch too many (a free vehicle's, which the cost MILP is indifferent to), given by a stub
    // solver: X and Y carry 10 each; X at 0.1 yr takes all 10, Y at 0.2 yr carries nothing.
    const spare = planned([1, 1]);
    const r = launchCampaign(
      one({
        vehicles: [veh({ id: 'X' }), veh({ id: 'Y', price_USD: 0, cadence_per_yr: 5 })],
        milestones: [],
        solver: spare,
      }),
    );
    expect(r.deploymentCurve).toEqual([
      { time_yr: 0, satellites: 0 },
      { time_yr: 0.1, satellites: 10 },
    ]);
    expect(r.campaign_yr).toBe(0.1);
    expect(r.vehicles.map((v) => [v.launches, v.satellitesCarried])).toEqual([
      [1, 10],
      [1, 0],
    ]);
  });

  it('equal loads go to the first planned shell, which shows when another vehicle fills the other one meanwhile', () => {
    // A stub plan with spare capacity for B (W: A once; V: A and B once each; U: B once). A: 15 satellites of 1 t,
    // B: 5 of 2 t. W (20/yr) takes 10 to A at 0.05 yr. V (10/yr) carries 5 to either at 0.1 yr (A has 5 left, B
    // holds 5 a launch): A first, so U (8/yr) fills B at 0.125 yr and V's second launch at 0.2 yr carries nothing.
    const r = shellsCampaign(
      [shellOf('A', 15, 1000), shellOf('B', 5, 2000)],
      [
        veh({ id: 'W', cadence_per_yr: 20, payloadToShell_kg: [10000, 0] }),
        veh({ id: 'V' }),
        veh({ id: 'U', cadence_per_yr: 8, payloadToShell_kg: [0, 10000] }),
      ],
      planned([1, 0, 1, 1, 0, 1]),
    );
    expect(r.deploymentCurve).toEqual([
      { time_yr: 0, satellites: 0 },
      { time_yr: 0.05, satellites: 10 },
      { time_yr: 0.1, satellites: 15 },
      { time_yr: 0.125, satellites: 20 },
    ]);
  });

  it('the second of two simultaneous launches carries what is left on the ground', () => {
    // 12 satellites, X and Y carry 10 each ($10M, one launch each): X at 0.1 yr takes 10, Y at 0.1 yr the last 2.
    const r = launchCampaign(
      one({
        satellites: 12,
        vehicles: [veh({ id: 'X', maxLaunches: 1 }), veh({ id: 'Y', maxLaunches: 1 })],
        milestones: [],
      }),
    );
    expect(r.deploymentCurve).toEqual([
      { time_yr: 0, satellites: 0 },
      { time_yr: 0.1, satellites: 10 },
      { time_yr: 0.1, satellites: 12 },
    ]);
    expect(r.campaign_yr).toBe(0.1);
    expect(r.vehicles.map((v) => v.satellitesCarried)).toEqual([10, 2]);
  });
});
