import { describe, expect, it } from 'vitest';
import type { LpModel, LpSolver } from '../../../../src/optimize/lp.js';
import { createLpSolver } from '../../../../solvers/lp/index.js';
import {
  CLOSED_FORM_SOLVER,
  solveTorusLp,
  torusDownlinkBound,
} from '../../../../src/constellation/network/torus/torusLp.js';
import type { TorusDestinations } from '../../../../src/constellation/network/torus/torusPathTypes.js';
import { failedLp } from '../../../helpers/lp.js';

const lpSolver = await createLpSolver();

/**
 * Five nodes (4 destinations), base hops X0 = 4, Y0 = 12, one step (dCross 1, dIn 2, count 4); capIn 10, capCross 5,
 * so cap = 10, U_c = 2·5/10 = 1, U_i = 2·10/10 = 2, b_x = 1, b_y = 3, a = 1. Start: x/U_c = 1 < y/U_i = 1.5; the
 * whole step would give x = 2, y = 1 (2 ≥ 0.5), so the classes meet inside it: (1 + τ)/1 = (3 − 2τ)/2 → τ = 1/4,
 * x = y·U_c/U_i = 1.25, μ = 1/1.25 = 0.8: 8 b/s per node, both classes saturated, a quarter of the step used.
 */
const dest: TorusDestinations = {
  baseCrossHops: 4,
  baseInHops: 12,
  steps: [{ dCross: 1, dIn: 2, count: 4 }],
  unreachable: 0,
  minHops: new Int32Array(4),
  latency_s: new Float64Array(4),
};
const caps = { inPlaneCapacity_bps: 10, crossPlaneCapacity_bps: 5 };

describe('reduced torus LP (torusLp.ts)', () => {
  it('closed form and LP solver: the hand-worked optimum, and the LP stated as in the header', () => {
    const closed = solveTorusLp({ ...caps, lpSolver }, dest, 5);
    let model: LpModel | undefined;
    const recording: LpSolver = (m, o) => {
      model = m;
      return lpSolver(m, o);
    };
    const viaLp = solveTorusLp({ ...caps, lpSolver: recording, lpOptions: { solver: 'highs' } }, dest, 5);
    expect(closed.lp).toEqual({ rows: 3, cols: 2, solver: CLOSED_FORM_SOLVER });
    expect(CLOSED_FORM_SOLVER).toBe('closed form'); // the name records carry
    expect(viaLp.lp.solver).toMatch(/^highs/);
    for (const r of [closed, viaLp]) {
      expect(r.disconnected).toBe(false);
      expect(r.throughputPerNode_bps).toBeCloseTo(8, 6);
      expect(r.crossPlaneUtilization).toBeCloseTo(1, 6);
      expect(r.inPlaneUtilization).toBeCloseTo(1, 6);
      expect(r.stepUse[0]).toBeCloseTo(0.25, 6);
    }
    // Columns w, μ; rows: w − (4/4)μ ≤ 0, (4/4)μ + 1·w ≤ 1 (cross), (12/4)μ − 2·w ≤ 2 (in-plane).
    const m = model!;
    expect([...m.cost]).toEqual([0, 1]);
    expect(m.sense).toBe('maximize');
    expect([...m.rowUpper]).toEqual([0, 1, 2]);
    expect([...m.rowLower]).toEqual([-Infinity, -Infinity, -Infinity]);
    expect([...m.colLower]).toEqual([0, 0]);
    expect([...m.colUpper]).toEqual([Infinity, Infinity]);
    const e = [...m.entryRow].map((r, k) => `${r},${m.entryCol[k]}:${m.entryValue[k]}`).sort();
    expect(e).toEqual(['0,0:1', '0,1:-1', '1,0:1', '1,1:1', '2,0:-2', '2,1:3']);
  });

  it('a class of zero capacity solved by the LP solver: rate 0, utilisation 0 (not NaN), no step used', () => {
    // U_i = 0: 3μ − 2w ≤ 0 with w ≤ μ leaves μ = 0 only.
    const r = solveTorusLp({ inPlaneCapacity_bps: 0, crossPlaneCapacity_bps: 5, lpSolver, lpOptions: {} }, dest, 5);
    expect(r.throughputPerNode_bps).toBe(0);
    expect(r.inPlaneUtilization).toBe(0);
    expect(r.crossPlaneUtilization).toBe(0);
    expect([...r.stepUse]).toEqual([0]);
    expect(r.lp.solver).not.toBe(CLOSED_FORM_SOLVER);
  });

  it('destinations out of reach: disconnected, nothing solved, one zero use per step', () => {
    const r = solveTorusLp({ ...caps, lpSolver }, { ...dest, unreachable: 2 }, 5);
    expect(r).toEqual({
      disconnected: true,
      throughputPerNode_bps: 0,
      inPlaneUtilization: 0,
      crossPlaneUtilization: 0,
      lp: { rows: 0, cols: 0, solver: 'none' },
      stepUse: new Float64Array(1),
    });
  });

  it('a solver that fails is reported with its status, message and name', () => {
    const failing =
      (message?: string): LpSolver =>
      () =>
        failedLp('infeasible', 'stub 1.0', 3, 2, message);
    expect(() => solveTorusLp({ ...caps, lpSolver: failing('no way'), lpOptions: {} }, dest, 5)).toThrow(
      new Error('reduced torus LP not solved (infeasible: no way) by stub 1.0'),
    );
    expect(() => solveTorusLp({ ...caps, lpSolver: failing(), lpOptions: {} }, dest, 5)).toThrow(
      new Error('reduced torus LP not solved (infeasible) by stub 1.0'),
    );
  });
});

describe('downlink upper bound (torusDownlinkBound)', () => {
  const base = {
    satellites: 100,
    visibleSatellites: 10,
    stationCapacity_bps: 50,
    accessCapacity_bps: 200,
    inPlaneCapacity_bps: 10,
    crossPlaneCapacity_bps: 5,
  };
  it('the least of station, access and cut, by hand', () => {
    // station 50/100 = 0.5, access 200/100 = 2, cut 10·2·15/90 = 3.33: station.
    const s = torusDownlinkBound(base);
    expect(s).toEqual({
      reducedModel: true,
      upperBound: true,
      lambdaUpperBound_bps: 0.5,
      throughputPerNodeUpperBound_bps: 0.5,
      limitedBy: 'station',
    });
    // Every satellite visible: no cut; access 0.3 < station 0.5.
    const all = torusDownlinkBound({ ...base, visibleSatellites: 100, accessCapacity_bps: 30 });
    expect([all.limitedBy, all.lambdaUpperBound_bps]).toEqual(['access', 0.3]);
    // None visible: nothing reaches the ground (access 0 and cut 0; access is named first).
    const none = torusDownlinkBound({ ...base, visibleSatellites: 0 });
    expect([none.limitedBy, none.lambdaUpperBound_bps]).toEqual(['access', 0]);
    // A tie keeps the first named: 4 satellites, 2 visible: station 120/4 = 30, access 200/4 = 50, cut 2·2·15/2 = 30.
    const tie = torusDownlinkBound({ ...base, satellites: 4, visibleSatellites: 2, stationCapacity_bps: 120 });
    expect([tie.limitedBy, tie.lambdaUpperBound_bps]).toEqual(['station', 30]);
  });

  it('the cut limits when few satellites see a gateway; a capacity of 0 is a bound of 0, not an error', () => {
    // 100 satellites, 1 visible: station 1000/100 = 10, access 1000/100 = 10, cut 1·2·(10 + 5)/99 = 30/99.
    const cut = torusDownlinkBound({
      ...base,
      visibleSatellites: 1,
      stationCapacity_bps: 1000,
      accessCapacity_bps: 1000,
    });
    expect(cut.limitedBy).toBe('cut');
    expect(cut.lambdaUpperBound_bps).toBeCloseTo(30 / 99, 14);
    expect(cut.throughputPerNodeUpperBound_bps).toBeCloseTo(30 / 99, 14);
    // 99 visible: cut 99·30/1 = 2,970, far above station 0.5 and access 2.
    expect(torusDownlinkBound({ ...base, visibleSatellites: 99 }).limitedBy).toBe('station');
    const z = torusDownlinkBound({ ...base, stationCapacity_bps: 0 });
    expect([z.limitedBy, z.lambdaUpperBound_bps]).toEqual(['station', 0]);
    const noIsl = torusDownlinkBound({ ...base, inPlaneCapacity_bps: 0, crossPlaneCapacity_bps: 0 });
    expect([noIsl.limitedBy, noIsl.lambdaUpperBound_bps]).toEqual(['cut', 0]);
    expect(torusDownlinkBound({ ...base, accessCapacity_bps: 0 }).limitedBy).toBe('access');
  });

  it('refuses counts out of range and capacities that are negative or not finite', () => {
    const msg = (m: number, n: number) =>
      new RangeError(`need integers 0 ≤ visibleSatellites (${m}) ≤ satellites (${n}), satellites ≥ 1`);
    expect(() => torusDownlinkBound({ ...base, visibleSatellites: 101 })).toThrow(msg(101, 100));
    expect(() => torusDownlinkBound({ ...base, visibleSatellites: -1 })).toThrow(msg(-1, 100));
    expect(() => torusDownlinkBound({ ...base, visibleSatellites: 1.5 })).toThrow(msg(1.5, 100));
    expect(() => torusDownlinkBound({ ...base, satellites: 0, visibleSatellites: 0 })).toThrow(msg(0, 0));
    expect(() => torusDownlinkBound({ ...base, satellites: 10.5 })).toThrow(msg(10, 10.5));
    expect(torusDownlinkBound({ ...base, satellites: 1, visibleSatellites: 1 }).limitedBy).toBe('station');
    for (const k of ['stationCapacity_bps', 'accessCapacity_bps', 'inPlaneCapacity_bps', 'crossPlaneCapacity_bps']) {
      expect(() => torusDownlinkBound({ ...base, [k]: -1 })).toThrow(
        new RangeError(`${k} must be finite and ≥ 0, got -1`),
      );
      expect(() => torusDownlinkBound({ ...base, [k]: Infinity })).toThrow(RangeError);
    }
  });
});
