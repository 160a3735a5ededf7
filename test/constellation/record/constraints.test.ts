/**
 * The constellation constraints (src/constellation/record/constraints.ts) on made-up records: margins
 * (limit − value)/|limit| for `<=`, (value − limit)/|limit| for `>=`, worked by hand. Fast: no constellation is
 * evaluated, so a scoped mutation run can use this file alone.
 */
import { describe, expect, it } from 'vitest';
import type { ConstellationSpec } from '../../../src/constellation/design/compile.js';
import { constellationConstraints } from '../../../src/constellation/record/constraints.js';
import type { ConstellationRecord } from '../../../src/constellation/record/record.js';

describe('constellation constraints: margins by hand', () => {
  const spec = {
    traffic: { demandPerNode_bps: 2e9, required: true }, // the file states its demand
    shells: [{ geometry: { name: 'low' } }, { geometry: { name: 'high' } }],
    launch: { milestoneHalf_yr: 3, milestoneFull_yr: 6 },
    minSeparation_m: 2000,
  } as unknown as ConstellationSpec;
  const own = (name: string) => ({
    name,
    value: 1,
    limit: 2,
    sense: '<=' as const,
    unit: 'm²',
    satisfied: true,
    margin: 0.5,
    enforced: true,
    description: 'node check',
  });
  const nodes = [
    { constraints: [own('power.arrayArea')] },
    { constraints: [own('power.arrayArea')] },
  ] as unknown as ConstellationRecord['shells'][number]['node'][];

  it("each shell's node checks named after the shell, then links, demand, milestones, launch and separation", () => {
    const r = constellationConstraints(spec, nodes, {
      lineOfSight_km: 80,
      grazingHeight_km: 100,
      maxPointingRate_deg_s: 1.5,
      slewLimit_deg_s: 1,
      worst_bps: 3e9,
      half: 0.4,
      campaign_yr: 4.5,
      minSeparation_km: 1.5,
      filedShellClearance_km: -5,
      launchShortfalls: 2,
    });
    const fcc = '(FCC 47 CFR 25.164(b))';
    expect(r).toEqual([
      { ...own('low/power.arrayArea') },
      { ...own('high/power.arrayArea') },
      {
        name: 'isl.lineOfSight',
        value: 80,
        limit: 100,
        sense: '>=',
        unit: 'km',
        satisfied: false,
        margin: -0.2, // (80 − 100)/100: a line of sight 20 km below the grazing height
        enforced: false,
        description:
          'every laid inter-satellite link clears the atmosphere (grazing height) at some instant of the window ' +
          '(a link is off at the instants it grazes; the network carries the traffic without it)',
      },
      {
        name: 'isl.pointing',
        value: 1.5,
        limit: 1,
        sense: '<=',
        unit: 'deg/s',
        satisfied: false,
        margin: -0.5, // (1 − 1.5)/1: a line of sight turning 50 % faster than the terminal slews
        // A check: the links above the limit are off at those instants, the network judges the cost.
        enforced: false,
        description:
          'terminals can track every link at every instant (line-of-sight rate within the slew limit; a link is off ' +
          'at the instants it exceeds it, and the network carries the traffic without it)',
      },
      {
        name: 'network.demand',
        value: 3,
        limit: 2,
        sense: '>=',
        unit: 'Gbps',
        satisfied: true,
        margin: 0.5, // (3 − 2)/2
        enforced: true, // the demand the file states is a requirement
        description:
          'every node can send its offered traffic (traffic.demandPerNode_Gbps) at the maximum concurrent flow, at the worst snapshot instant',
      },
      {
        name: 'launch.halfMilestone',
        value: 0.4,
        limit: 0.5,
        sense: '>=',
        unit: '-',
        satisfied: false,
        margin: expect.closeTo(-0.2, 12) as number, // (0.4 − 0.5)/0.5
        enforced: false,
        description: `50 % of satellites in orbit within 3 yr ${fcc}`,
      },
      {
        name: 'launch.fullMilestone',
        value: 4.5,
        limit: 6,
        sense: '<=',
        unit: 'yr',
        satisfied: true,
        margin: 0.25, // (6 − 4.5)/6: the last satellite in orbit 1.5 yr before the milestone
        enforced: false,
        description: `all satellites in orbit within 6 yr ${fcc}`,
      },
      {
        name: 'launch.vehicle',
        value: 2, // two reasons the campaign cannot fly (e.g. a shell refused and the caps short)
        limit: 0,
        sense: '<=',
        unit: '-',
        satisfied: false,
        margin: -2, // (0 − 2)/1: a limit of 0 scales by 1
        enforced: true,
        description:
          'the campaign vehicles fly every satellite: each shell has one that may fly to its orbit (published points, ' +
          'or the extrapolation within its limit) and carry its satellite, within the launch caps (the notes say why not)',
      },
      {
        name: 'environment.minSeparation',
        value: 1.5,
        limit: 2,
        sense: '>=',
        unit: 'km',
        satisfied: false,
        margin: -0.25, // (1.5 − 2)/2
        enforced: true,
        description:
          'no two satellites come closer than the required separation (self-conjunction screen on SGP4 positions)',
      },
    ]);
  });

  it('environment.keepOutFiledShells adds the enforced filed-shell clearance, last; without it there is none', () => {
    const inputs = {
      lineOfSight_km: 120,
      grazingHeight_km: 100,
      maxPointingRate_deg_s: 0.5,
      slewLimit_deg_s: 1,
      worst_bps: 3e9,
      half: 1,
      campaign_yr: 4.5,
      minSeparation_km: 3,
      filedShellClearance_km: -5, // 545 km: 5 km from Starlink's 540 and 550 km shells, less 10 km of band
      launchShortfalls: 0,
    };
    const names = (keepOut: boolean) =>
      constellationConstraints({ ...spec, keepOutFiledShells: keepOut } as ConstellationSpec, nodes, inputs);
    expect(names(false).map((c) => c.name)).not.toContain('environment.filedShells');
    const last = names(true).at(-1)!;
    expect(last).toMatchObject({ name: 'environment.filedShells', value: -5, limit: 0, sense: '>=', unit: 'km' });
    expect(last.enforced).toBe(true);
    expect(last.satisfied).toBe(false);
    expect(last.margin).toBe(-5); // a limit of 0 scales by 1 km
  });

  it('a demand the file does not state (the default) is a check only, not enforced', () => {
    const inputs = {
      lineOfSight_km: 120,
      grazingHeight_km: 100,
      maxPointingRate_deg_s: 0.5,
      slewLimit_deg_s: 1,
      worst_bps: 1e9,
      half: 1,
      campaign_yr: 4.5,
      minSeparation_km: 3,
      filedShellClearance_km: 0,
      launchShortfalls: 0,
    };
    const demand = (required: boolean) =>
      constellationConstraints({ ...spec, traffic: { ...spec.traffic, required } }, nodes, inputs).find(
        (c) => c.name === 'network.demand',
      )!;
    expect(demand(false)).toMatchObject({ satisfied: false, enforced: false });
    expect(demand(true)).toMatchObject({ satisfied: false, enforced: true });
  });
});
