import { describe, expect, it } from 'vitest';
import { evaluateConstellationFile } from '../../../src/index.js';
import { formatConstellationBudget } from '../../../src/report/budget/constellationBudget.js';

describe('constellation totals: the node eclipse policy and its battery', () => {
  it('three-body-12: full ride-through, the node battery per shell and 12 × its mass for the fleet', async () => {
    const { record: r } = await evaluateConstellationFile('designs/constellations/three-body-12.yaml');
    const text = formatConstellationBudget(r);
    const node = r.shells[0]!.node;
    // three-body.yaml states eclipseComputeFraction: 1; the fleet battery is 12 satellites × the node battery mass
    expect(node.power.eclipseComputeFraction).toBe(1);
    const row = text.split('\n').find((l) => l.includes('compute kept in eclipse'))!;
    expect(row).toMatch(
      /compute kept in eclipse +1 +- +battery per node \(first unit\): batch-1 [\d.]+ kWh, [\d.]+ kg/,
    );
    const fleet_t = (12 * node.power.batteryMass_kg) / 1e3;
    expect(row).toContain(`fleet battery ${fleet_t.toPrecision(3)} t`);
    expect(text).not.toMatch(/Infinity|NaN/);
  });
});
