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

describe('the terminal names what each network and sky figure is', () => {
  it('a figure below its upper bound is called a lower bound, the upper beside it; exact when they meet', async () => {
    const { record: r } = await evaluateConstellationFile('designs/constellations/three-body-12.yaml');
    const line = (t: string, label: RegExp) => t.split('\n').find((l) => label.test(l)) ?? '';
    const exact = formatConstellationBudget(r);
    expect(line(exact, /throughput per node {2,}/)).toContain('maximum concurrent flow (exact)');
    const bounded = { ...r, network: { ...r.network, throughputPerNode_Gbps: 0.3, throughputPerNodeUpper_Gbps: 0.5 } };
    const text = formatConstellationBudget(bounded);
    expect(line(text, /throughput per node {2,}/)).toMatch(/0\.3 +Gbps +a feasible routing \(lower bound\)/);
    expect(line(text, /throughput per node, upper bound/)).toMatch(/0\.5 +Gbps/);
  });
  it('the sky counts carry the LTAN convention they were counted in', async () => {
    const { record: r } = await evaluateConstellationFile('designs/constellations/three-body-12.yaml');
    const sky = (t: string) => t.split('\n').find((l) => l.includes('satellites brighter than V = 6')) ?? '';
    expect(sky(formatConstellationBudget(r))).toContain(`LTAN read as ${r.sky.ltanTime}-Sun time`);
    const apparent = { ...r, sky: { ...r.sky, ltanTime: 'apparent' as const } };
    expect(sky(formatConstellationBudget(apparent))).toContain('LTAN read as apparent-Sun time');
  });
});
