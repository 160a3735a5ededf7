/**
 * Node closure (src/node/stages/sizing.ts `closeNodeDesign`). The oracle is the definition of closure:
 * after closing, the design's array area, radiator area and launch-mass allocation equal what the node
 * model requires of them (the three enforced closure constraints of src/node/evaluate.ts hold with zero
 * margin), and closing a closed design changes nothing. The one absolute figure is the SMAD hand
 * calculation of AI1's array from designs/CALIBRATION.md.
 */
import { describe, expect, it } from 'vitest';
import { rowResolver } from '../../../src/node/record/rows.js';
import { nodeEvaluator } from '../../../src/node/evaluator.js';
import { closeNodeDesign, type ClosedNode } from '../../../src/node/stages/sizing.js';
import type { DesignRecord } from '../../../src/node/record/record.js';
import { parseDesignFile } from '../../../src/node/design/load.js';
import type { NodeDesign } from '../../../src/node/design/schema.js';

const loaded = parseDesignFile('designs/ai1.yaml');
if (loaded.kind !== 'design') throw new Error('designs/ai1.yaml should be a node design');
const ai1: NodeDesign = loaded.design;
const ev = nodeEvaluator();
const resolve = rowResolver(ev.rows);
/** The closed design and its complete record. */
const close = (d: NodeDesign): ClosedNode & { record: DesignRecord } => {
  const c = closeNodeDesign(d, resolve(d));
  return { ...c, record: ev.evaluate(c.design) };
};

/** AI1 moved to a Starlink-like 550 km, 53° orbit (the published 600 m² / 110 m² / 2.1 t kept as the start point). */
const ai1At550: NodeDesign = { ...ai1, orbit: { ...ai1.orbit, altitude_km: 550, inclination_deg: 53 } };
const snapshot = structuredClone(ai1At550);
const closed550 = close(ai1At550);
const closedSso = close(ai1);

const relDiff = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
const constraint = (c: { record: DesignRecord }, name: string) => {
  const r = c.record.constraints.find((x) => x.name === name);
  if (!r) throw new Error(`constraint ${name} missing from the record`);
  return r;
};
const CLOSURE = ['power.arrayArea', 'thermal.radiatorArea', 'mass.launchClosure'] as const;

describe('closeNodeDesign on AI1 at 550 km, 53°', () => {
  it('the three closure constraints hold with |margin| ≤ 1e-6 (catches stopping before convergence or closing on a stale pass)', () => {
    // Closure by definition: area = required area, allocation = built-up launch mass → margin 0.
    for (const name of CLOSURE) {
      const c = constraint(closed550, name);
      expect(Math.abs(c.margin), name).toBeLessThanOrEqual(1e-6);
      expect(c.satisfied, name).toBe(true);
    }
  });

  it("the closed array area is the record's required array area, and the same for radiator and launch mass (fixed point)", () => {
    // Catches writing the previous pass's requirement, or a BOL/EOL mix-up between the two fields.
    const { design: d, record: r } = closed550;
    expect(relDiff(d.power.arrayArea_m2, r.power.requiredArrayArea_m2)).toBeLessThanOrEqual(1e-6);
    expect(relDiff(r.power.arrayArea_m2, r.power.requiredArrayArea_m2)).toBeLessThanOrEqual(1e-6);
    expect(relDiff(d.thermal.radiatorArea_m2, r.thermal.requiredRadiatorArea_m2)).toBeLessThanOrEqual(1e-6);
    expect(relDiff(d.launch.mass_kg!, r.mass.launch_kg)).toBeLessThanOrEqual(1e-6);
    expect(r.mass.allocated_kg).toBe(d.launch.mass_kg);
  });

  it('only the three closure fields change; orbit, compute and catalog ids are kept (catches a spread that drops keys)', () => {
    const d = closed550.design;
    expect(d.orbit).toEqual(ai1At550.orbit);
    expect(d.compute).toEqual(ai1At550.compute);
    expect(d.mission).toEqual(ai1At550.mission);
    expect(d.radiation).toEqual(ai1At550.radiation);
    expect(d.isl).toEqual(ai1At550.isl);
    expect(d.economics).toEqual(ai1At550.economics);
    expect({ ...d.power, arrayArea_m2: 0 }).toEqual({ ...ai1At550.power, arrayArea_m2: 0 });
    expect({ ...d.thermal, radiatorArea_m2: 0 }).toEqual({ ...ai1At550.thermal, radiatorArea_m2: 0 });
    expect(d.launch.vehicle).toBe(ai1At550.launch.vehicle);
  });

  it("does not mutate the input design (catches in-place updates of the caller's object)", () => {
    expect(ai1At550).toEqual(snapshot);
  });

  it('a second call on the closed design returns it unchanged (≤ 1e-9 relative) in 1–2 passes: idempotent', () => {
    // Catches a tolerance test that never triggers on an already-closed design, or a drift on re-closing.
    const twice = close(closed550.design);
    expect(twice.passes).toBeGreaterThanOrEqual(1);
    expect(twice.passes).toBeLessThanOrEqual(2);
    expect(relDiff(twice.design.power.arrayArea_m2, closed550.design.power.arrayArea_m2)).toBeLessThanOrEqual(1e-9);
    expect(relDiff(twice.design.thermal.radiatorArea_m2, closed550.design.thermal.radiatorArea_m2)).toBeLessThanOrEqual(
      1e-9,
    );
    expect(relDiff(twice.design.launch.mass_kg!, closed550.design.launch.mass_kg!)).toBeLessThanOrEqual(1e-9);
    const thrice = close(twice.design);
    expect(relDiff(thrice.design.launch.mass_kg!, twice.design.launch.mass_kg!)).toBeLessThanOrEqual(1e-9);
  });

  it('converges in a few passes, as the SMAD mass–power iteration does (catches a loop that runs to the pass limit)', () => {
    // Array and radiator requirements do not depend on the areas themselves (pass 1 sets them); the launch
    // mass then follows in one more pass, the weak drag feedback in another — a handful, well below 60.
    expect(closed550.passes).toBeGreaterThanOrEqual(2);
    expect(closed550.passes).toBeLessThanOrEqual(10);
  });

  it('53° at 550 km needs a larger array than the dawn-dusk SSO (catches closure ignoring the orbit)', () => {
    // Physics direction: a 53° orbit has its Sun in the orbit plane at some season (β = 0, eclipse ≈ 36 min
    // of a 95.6-min orbit), while the 6 h SSO's worst eclipse is ≈ 20.7 min (CALIBRATION.md). More eclipse
    // → more recharge power and less sunlit time → more array; also a bigger battery → more launch mass.
    expect(closed550.design.power.arrayArea_m2).toBeGreaterThan(closedSso.design.power.arrayArea_m2);
    expect(closed550.design.launch.mass_kg!).toBeGreaterThan(closedSso.design.launch.mass_kg!);
  });
});

describe('closeNodeDesign on AI1 at its own orbit (600 km SSO, 6 h LTAN)', () => {
  it('needs more than the published 600 m² array: ≈ 909 m² by the SMAD path efficiencies (catches sizing for load only)', () => {
    // The published 600 m² × 250 W/m² = 150 kW covers only load / 0.8. The node model sizes the array as
    // SMAD does (designs/CALIBRATION.md, AI1 "Array area needed"): daylight load / X_d plus eclipse recharge
    // through X_e,
    //   127.0 kW / 0.80 = 158.8 kW;  127.0 kW × 20.7 min / (0.60 × 76.0 min) = 57.6 kW;  Σ = 216.3 kW,
    //   at the ai1-flex row's 237.9 W/m² EOL (250.1 BOL × 0.99⁵) → 216.3e3 / 237.9 = 909.4 m².
    // Direction (the claim) asserted strictly; the magnitude within 3 % of the hand calculation, which
    // rounds its inputs to ~0.1 %.
    const area = closedSso.design.power.arrayArea_m2;
    expect(area).toBeGreaterThan(600);
    expect(area).toBeWithinRelative(909.4, 0.03);
    // Closed at its own orbit too.
    for (const name of CLOSURE) expect(Math.abs(constraint(closedSso, name).margin), name).toBeLessThanOrEqual(1e-6);
  });

  it('the closed AI1 is heavier than the published 2.1 t allocation (array and radiator grow, mass follows)', () => {
    // CALIBRATION.md: at the published areas the built-up mass is already ~6.4 t > 2.1 t; closing grows the
    // array (600 → ~909 m²) and radiator (110 → ~146 m²), so the closed allocation exceeds both.
    expect(closedSso.design.launch.mass_kg).toBeGreaterThan(2100);
    expect(closedSso.design.thermal.radiatorArea_m2).toBeGreaterThan(110);
    expect(closedSso.design.launch.mass_kg).toBeGreaterThan(ev.evaluate(ai1).mass.launch_kg);
  });
});
