/**
 * Small constellation helpers on made-up inputs: the bounded memo (src/constellation/memo.ts: least recently used
 * first, by cost), the metric paths and their accessor (metrics.ts) and the constellation constraints (constraints.ts:
 * margins (limit − value)/|limit| for `<=`, (value − limit)/|limit| for `>=`, worked by hand). Fast: no constellation
 * is evaluated, so a scoped mutation run can use this file alone.
 */
import { describe, expect, it } from 'vitest';
import type { ConstellationSpec } from '../../src/constellation/design/compile.js';
import { constellationConstraints } from '../../src/constellation/record/constraints.js';
import { Memo, SolverMemo } from '../../src/constellation/memo.js';
import {
  constellationMetricPaths,
  isConstellationMetric,
  pathGetter,
  unknownConstellationMetricHint,
} from '../../src/constellation/record/metrics.js';
import type { ConstellationRecord } from '../../src/constellation/record/record.js';

describe('Memo: least recently used entries go first once the cost budget is spent', () => {
  it('a hit returns the stored value without computing; hits and misses are counted', () => {
    const m = new Memo<number>(3);
    let calls = 0;
    const compute = () => ++calls;
    expect([m.get('a', compute), m.get('a', compute), m.get('b', compute), m.get('a', compute)]).toEqual([1, 1, 2, 1]);
    expect([calls, m.hits, m.misses]).toEqual([2, 2, 2]);
  });

  it('a used entry moves to the back: with room for two, a b (use a) c evicts b, then d evicts a', () => {
    const m = new Memo<string>(2);
    const seen: string[] = [];
    const get = (k: string) => m.get(k, () => (seen.push(k), k));
    for (const k of ['a', 'b', 'a', 'c', 'a', 'b']) get(k);
    expect(seen).toEqual(['a', 'b', 'c', 'b']); // a was still held at its third use; b had gone
    get('d'); // holds a, b → evicts a (least recently used), keeps b
    get('b');
    get('a');
    expect(seen).toEqual(['a', 'b', 'c', 'b', 'd', 'a']);
  });

  it('costs: an entry dearer than the budget is returned but not kept; eviction frees what each entry cost', () => {
    const m = new Memo<number>(5);
    let calls = 0;
    const value = (v: number) => () => (calls++, v);
    const cost = (v: number) => v;
    m.get('six', value(6), cost);
    m.get('six', value(6), cost);
    expect(calls).toBe(2); // never kept
    m.get('three', value(3), cost);
    m.get('two', value(2), cost); // 3 + 2 = 5: both kept
    m.get('three', value(3), cost);
    m.get('two', value(2), cost);
    expect(calls).toBe(4);
    m.get('four', value(4), cost); // needs 4: evicts three (oldest use), then two
    m.get('one', value(1), cost); // 4 + 1 = 5: kept with four
    m.get('four', value(4), cost);
    m.get('one', value(1), cost);
    expect(calls).toBe(6);
    m.get('two', value(2), cost);
    expect(calls).toBe(7);
  });

  it('an entry that costs exactly the budget is kept (alone)', () => {
    const m = new Memo<number>(5);
    let calls = 0;
    const five = () => (calls++, 5);
    m.get('five', five, (v) => v);
    m.get('five', five, (v) => v);
    expect(calls).toBe(1);
  });

  it('the default cost is 1 per entry', () => {
    const m = new Memo<number>(2);
    let calls = 0;
    for (const k of ['a', 'b', 'a', 'b']) m.get(k, () => ++calls);
    expect(calls).toBe(2);
  });

  it('SolverMemo keeps one memo per solver object, each with the budget', () => {
    const s = new SolverMemo<number>(1);
    const [one, two] = [{}, {}];
    expect(s.for(one)).toBe(s.for(one));
    expect(s.for(one)).not.toBe(s.for(two));
    const m = s.for(two);
    m.get('a', () => 1);
    m.get('b', () => 2);
    let again = false;
    m.get('a', () => ((again = true), 1));
    expect(again).toBe(true); // budget 1: b pushed a out
  });
});

describe('constellation metric paths', () => {
  it('every number of the record outside its lists, without schemaVersion', () => {
    const paths = constellationMetricPaths();
    for (const p of [
      'totals.lcoc_USD_per_PFLOP_day',
      'network.p99Latency_ms',
      'isl.linkRange_km.max',
      'environment.minSeparation_km',
      'environment.conjunctions.pairsBelow',
      'environment.conjunctions.required_km',
    ]) {
      expect(paths).toContain(p);
      expect(isConstellationMetric(p)).toBe(true);
    }
    // a nullable number (null when the worst instant carries nothing) is a metric too: null reads as NaN
    expect(paths).toContain('network.bottleneckUtilization');
    expect(paths).not.toContain('schemaVersion');
    expect(isConstellationMetric('schemaVersion')).toBe(false);
    expect(isConstellationMetric('network')).toBe(false);
  });

  it('an unknown path gets the nearest metric, or the naming rule when none is near', () => {
    expect(unknownConstellationMetricHint('network.p99Latency_m')).toBe('did you mean network.p99Latency_ms?');
    expect(unknownConstellationMetricHint('zzzz')).toBe(
      "constellation metrics are named like totals.cost_USD or network.p99Latency_ms (run 'odc metrics --kind constellation' to list them)",
    );
  });

  it('pathGetter reads a number at any depth; anything else is NaN', () => {
    const record = { a: { b: { c: 3, s: 'x', n: null } }, top: 7 };
    expect(pathGetter('a.b.c')(record)).toBe(3);
    expect(pathGetter('top')(record)).toBe(7);
    for (const p of ['a.b.s', 'a.b.n', 'a.b.n.deeper', 'a.b', 'a.x.c', 'top.more'])
      expect(pathGetter(p)(record)).toBeNaN();
    expect(pathGetter('a')(null)).toBeNaN();
  });
});

describe('constellation constraints: margins by hand', () => {
  const spec = {
    traffic: { demandPerNode_bps: 2e9 },
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

  it("each shell's node checks named after the shell, then links, demand, milestones and separation", () => {
    const r = constellationConstraints(spec, nodes, {
      lineOfSight_km: 80,
      grazingHeight_km: 100,
      pointingExceeded: 0,
      worst_bps: 3e9,
      half: 0.4,
      campaign_yr: 4.5,
      minSeparation_km: 1.5,
      filedShellClearance_km: -5,
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
        enforced: true,
        description: 'every inter-satellite link clears the atmosphere (grazing height) throughout the window',
      },
      {
        name: 'isl.pointing',
        value: 0,
        limit: 0,
        sense: '<=',
        unit: 'links',
        satisfied: true,
        margin: 0,
        enforced: true,
        description: 'terminals can track every link (line-of-sight rate below the slew limit)',
      },
      {
        name: 'network.demand',
        value: 3,
        limit: 2,
        sense: '>=',
        unit: 'Gbps',
        satisfied: true,
        margin: 0.5, // (3 − 2)/2
        enforced: false,
        description:
          'every node can send its offered traffic at the maximum concurrent flow, at the worst snapshot instant',
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
      pointingExceeded: 0,
      worst_bps: 3e9,
      half: 1,
      campaign_yr: 4.5,
      minSeparation_km: 3,
      filedShellClearance_km: -5, // 545 km: 5 km from Starlink's 540 and 550 km shells, less 10 km of band
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
});
