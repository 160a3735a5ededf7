/**
 * Formation keeping of cluster shells in the node design and the shell record
 * (src/constellation/geometry/clusterKeeping.ts). The keeping Δv itself is clusterFormation.ts's (tested in
 * clusterFormation.test.ts); here: it is added to the node's own formation-keeping Δv for cluster shells only,
 * and the record's propellant share follows from the rocket equation by hand.
 */
import { describe, expect, it } from 'vitest';
import { clusterKeeping, shellFormation } from '../../../src/constellation/geometry/clusterFormation.js';
import { clusterShellRecord, withFormationKeeping } from '../../../src/constellation/geometry/clusterKeeping.js';
import type { ShellGeometrySpec } from '../../../src/constellation/design/types.js';
import { clusterShell } from '../../helpers/shellSpec.js';
import type { NodeDesign } from '../../../src/node/design/schema.js';
import type { DesignRecord } from '../../../src/node/record/record.js';
import { deg } from '../../helpers/units.js';
import { STANDARD_GRAVITY_m_s2 } from '../../helpers/constants.js';

/** Two planes of 7-member clusters at 53° (not sun-synchronous), circular formation, unless overridden. */
const shell = (o: Partial<ShellGeometrySpec>): ShellGeometrySpec =>
  clusterShell({
    inclination_rad: 53 * deg,
    sunSynchronous: false,
    ltan_h: null,
    planes: 2,
    satsPerPlane: 7,
    clusterFormation: 'circular',
    ...o,
  });
// Only the fields clusterKeeping.ts reads; the rest of a node design does not enter.
const design = (formation_m_s_per_yr: number, lifetime_yr = 5): NodeDesign =>
  ({
    drag: { formationKeepingDeltaV_m_s_per_yr: formation_m_s_per_yr, other: 'kept' },
    mission: { lifetime_yr },
  }) as unknown as NodeDesign;
const node = (dry_kg: number, propellant_kg: number): DesignRecord =>
  ({ mass: { dry_kg }, drag: { propellantMass_kg: propellant_kg } }) as unknown as DesignRecord;

describe('withFormationKeeping', () => {
  it('a cluster shell adds its keeping Δv to the Δv the node already carries, other drag fields kept', () => {
    const g = shell({});
    const dv = clusterKeeping(g).deltaV_m_s_per_yr;
    expect(dv).toBeGreaterThan(1); // circular 1 km formation: tens of m/s per year
    const d = withFormationKeeping(design(2.5), g);
    expect(d.drag.formationKeepingDeltaV_m_s_per_yr).toBeCloseTo(2.5 + dv, 12);
    expect((d.drag as unknown as { other: string }).other).toBe('kept');
    expect(d.mission.lifetime_yr).toBe(5);
  });

  it('any other pattern returns the design untouched', () => {
    const base = design(2.5);
    expect(withFormationKeeping(base, shell({ pattern: 'walker-delta', clusterRadius_m: 0 }))).toBe(base);
  });
});

describe('clusterShellRecord', () => {
  it('formation propellant = (m_dry + m_prop)·(1 − e^(−Δv_f·L/(I_sp·g₀))), the last Δv_f·L of the rocket equation', () => {
    // m_prop = m_dry·(e^{Δv_T/v_e} − 1), so the part of it that flies Δv_f·L on top of the rest is
    // m_dry·(e^{Δv_T/v_e} − e^{(Δv_T − Δv_f·L)/v_e}) = (m_dry + m_prop)·(1 − e^{−Δv_f·L/v_e}).
    const g = shell({});
    const dv = clusterKeeping(g).deltaV_m_s_per_yr;
    const ve = 1500 * STANDARD_GRAVITY_m_s2; // default electric-propulsion I_sp (models/drag.ts) × standard gravity
    const r = clusterShellRecord(g, design(0, 5), node(200, 30));
    expect(r.keepingPropellant_kg / ((200 + 30) * (1 - Math.exp((-dv * 5) / ve))) - 1).toBeCloseTo(0, 9);
    expect(r.keepingDeltaV_m_s_per_yr).toBe(dv);
    // a 10-year lifetime doubles Δv_f·L
    const r10 = clusterShellRecord(g, design(0, 10), node(200, 30));
    expect(r10.keepingPropellant_kg / (230 * (1 - Math.exp((-dv * 10) / ve))) - 1).toBeCloseTo(0, 9);
  });

  it('copies the formation: kind, radius, neighbour distances, closest approach', () => {
    const g = shell({});
    const f = shellFormation(g);
    const r = clusterShellRecord(g, design(0), node(200, 30));
    expect(r.formation).toBe('circular');
    expect(r.radius_m).toBe(1000);
    expect(r.neighbourDistance_m).toEqual(f.neighbourDistance_m);
    // circular formation (distances 2|Δc| at all times): the 7-member hexagon has its 6 outer members one
    // lattice step s from the centre, 2s = R, so s = 500 m and neighbours (one step apart) are 2s = 1,000 m apart
    expect(r.neighbourDistance_m.min).toBeCloseTo(1000, 6);
    expect(r.neighbourDistance_m.max).toBeCloseTo(1000, 6);
    expect(r.closestApproach_m).toBeCloseTo(1000, 6);
  });

  it('a massless node (dry mass 0) carries no formation propellant', () => {
    const r = clusterShellRecord(shell({}), design(0), node(0, 0));
    expect(r.keepingPropellant_kg).toBe(0);
  });
});
