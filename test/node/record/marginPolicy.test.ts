/**
 * The margin policy (src/node/record/marginPolicy.ts): design margins sit inside the sizing checks, leave the physics
 * alone, are what the closed sizing provides, and are what a sample spends. Expectations by definition: a margin m on
 * a demand the required area is linear in asks for (1 + m) × the unmargined area.
 */
import { describe, expect, it } from 'vitest';
import { ai1, withChange } from '../ai1.js';
import { DESIGN_MARGINS, spendMargins } from '../../../src/node/record/marginPolicy.js';
import { closeNodeDesign } from '../../../src/node/stages/sizing.js';
import { rowResolver } from '../../../src/node/record/rows.js';
import { nodeEvaluator } from '../../../src/node/evaluator.js';
import { NODE_CONSTRAINTS } from '../../../src/node/record/constraints.js';
import type { DesignRecord } from '../../../src/node/record/record.js';

const check = (r: DesignRecord, name: string) => {
  const c = r.constraints.find((x) => x.name === name);
  if (c === undefined) throw new Error(`${name} missing`);
  return c;
};

describe('design margins in the sizing checks', () => {
  const margined = withChange((d) => {
    d.power.designMargin = 0.2;
    d.thermal.designMargin = 0.15;
  });

  it('the array and radiator checks ask for (1 + margin) × the required area; the physics is unchanged', () => {
    expect(check(margined, 'power.arrayArea').limit / margined.power.requiredArrayArea_m2).toBeCloseTo(1.2, 12);
    expect(check(margined, 'thermal.radiatorArea').limit / margined.thermal.requiredRadiatorArea_m2).toBeCloseTo(
      1.15,
      12,
    );
    // a margin in the check must not leak into the model: the required areas are those of the unmargined design
    expect(margined.power.requiredArrayArea_m2).toBe(ai1.record.power.requiredArrayArea_m2);
    expect(margined.thermal.requiredRadiatorArea_m2).toBe(ai1.record.thermal.requiredRadiatorArea_m2);
    expect(check(margined, 'power.arrayArea').description).toContain('20 % design margin');
  });

  it('an array 10 % above its requirement fails a 20 % margin and passes at 25 %', () => {
    const at = (factor: number) =>
      withChange((d) => {
        d.power.designMargin = 0.2;
        d.power.arrayArea_m2 = factor * ai1.record.power.requiredArrayArea_m2;
      });
    // the required area barely moves with the array's own area (its mass changes drag, not the power demand)
    expect(check(at(1.1), 'power.arrayArea').satisfied).toBe(false);
    expect(check(at(1.25), 'power.arrayArea').satisfied).toBe(true);
  });

  it('the closed sizing provides the margins: area = (1 + m) × required, so the margined checks close at 0', () => {
    const ev = nodeEvaluator();
    const d = { ...ai1.design, power: { ...ai1.design.power, designMargin: 0.2 } };
    const closed = closeNodeDesign(
      { ...d, thermal: { ...d.thermal, designMargin: 0.1 } },
      rowResolver(ev.rows)(ai1.design),
    );
    const r = ev.evaluate(closed.design);
    expect(closed.design.power.arrayArea_m2 / r.power.requiredArrayArea_m2).toBeCloseTo(1.2, 6);
    expect(closed.design.thermal.radiatorArea_m2 / r.thermal.requiredRadiatorArea_m2).toBeCloseTo(1.1, 6);
    expect(Math.abs(check(r, 'power.arrayArea').margin)).toBeLessThan(1e-6);
    expect(Math.abs(check(r, 'thermal.radiatorArea').margin)).toBeLessThan(1e-6);
  });
});

describe('a sample spends the design margins', () => {
  it('sets every fractional margin to 0 and the radiation ratio to 1, without touching its input', () => {
    const d = {
      ...ai1.design,
      power: { ...ai1.design.power, designMargin: 0.2 },
      thermal: { ...ai1.design.thermal, designMargin: 0.2 },
      mass: { ...ai1.design.mass, systemMargin: 0.25 },
    };
    const spent = spendMargins(d);
    expect([spent.power.designMargin, spent.thermal.designMargin, spent.mass.systemMargin]).toEqual([0, 0, 0]);
    // the ratio 1 is no margin: the sampled field-epoch factor takes its place (not both: counted once)
    expect(spent.mission.radiationDesignMargin).toBe(1);
    expect(d.mission.radiationDesignMargin).toBe(2);
    expect([d.power.designMargin, d.mass.systemMargin]).toEqual([0.2, 0.25]);
  });

  it('each listed margin sits in a check every record carries, under a design key of its section', () => {
    const checks = new Set(NODE_CONSTRAINTS.map((c) => c.name));
    for (const m of DESIGN_MARGINS) {
      expect(checks.has(m.check), m.check).toBe(true);
      const [section, field] = m.key.split('.') as [keyof typeof ai1.design, string];
      expect(Object.hasOwn(ai1.design[section] as object, field) || m.key === 'mass.systemMargin', m.key).toBe(true);
    }
  });

  it('a launch allocation between the basic and the margined built-up mass fails as designed and holds spent', () => {
    // hand: the system margin is the only difference between the two masses the allocation sits between
    const basic_kg = ai1.record.mass.launch_kg - ai1.record.mass.margin_kg;
    const allocated_kg = basic_kg + 0.5 * ai1.record.mass.margin_kg;
    const designed = withChange((d) => {
      d.launch = { vehicle: d.launch.vehicle, mass_kg: allocated_kg };
    });
    const spent = nodeEvaluator().evaluate(
      spendMargins({ ...ai1.design, launch: { vehicle: ai1.design.launch.vehicle, mass_kg: allocated_kg } }),
    );
    expect(check(designed, 'mass.launchClosure').satisfied).toBe(false);
    expect(check(spent, 'mass.launchClosure').satisfied).toBe(true);
    expect(spent.mass.margin_kg).toBe(0);
  });
});
