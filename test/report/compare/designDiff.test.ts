/**
 * Two designs side by side (src/report/compare/designDiff.ts). A design against itself differs nowhere: every number
 * subtracts to exactly 0, no text, limit or verdict changes. Against an edit of one input, the lines that show that
 * input differ by the edit (array area +50 m², hand-known), and a launch priced per kg differs by the price step times
 * the mass the node pays for (cost model: launch = price × max(allocated, built-up mass), src/models/cost/cost.ts),
 * while no mass line moves.
 */
import { describe, expect, it } from 'vitest';
import { readYaml } from '../../../src/base/yaml.js';
import { applySets } from '../../../src/base/yamlSet.js';
import { evaluateNodeFile } from '../../../src/study/requirements.js';
import { diffDesigns, diffSummary, formatDiff, type DiffLine } from '../../../src/report/compare/designDiff.js';
import type { DesignRecord } from '../../../src/node/record/record.js';

const AI1 = 'designs/ai1.yaml';
const recordWith = (...sets: string[]): DesignRecord => evaluateNodeFile(applySets(readYaml(AI1), sets)).record;
const lineOf = (lines: readonly DiffLine[], section: string, label: string): DiffLine => {
  const l = lines.find((x) => x.section === section && x.label === label);
  if (l === undefined) throw new Error(`no line ${section} / ${label}`);
  return l;
};

describe('diffDesigns', () => {
  it('a design against itself: every difference 0, nothing changed', () => {
    const r = recordWith();
    const d = diffDesigns('a', r, 'b', recordWith());
    expect(d.lines.length).toBeGreaterThan(80);
    const numbers = d.lines.filter((l) => l.delta !== null);
    expect(numbers.length).toBeGreaterThan(60);
    for (const l of numbers) {
      expect(l.delta, l.label).toBe(0);
      expect(l.relative, l.label).toBe(0);
    }
    expect(d.lines.filter((l) => l.changed)).toEqual([]);
    expect(d.lines.every((l) => l.a !== null && l.a === l.b)).toBe(true);
    expect(d.constraints.map((c) => c.name)).toEqual(r.constraints.map((c) => c.name));
    for (const c of d.constraints) {
      expect(c.delta).toBe(0);
      expect(c.satisfiedA).toBe(c.satisfiedB);
      expect(c.changed).toBe(false);
    }
    expect(diffSummary(d)).toBe(
      'No difference: every budget line and constraint is the same (numbers within a relative 1e-9 of each other count as the same).',
    );
  });

  it('an input edit moves its own line by the edit: array area 600 → 650 m²', () => {
    const d = diffDesigns('a', recordWith(), 'b', recordWith('power.arrayArea_m2=650'));
    const area = lineOf(d.lines, 'Power', 'array area (given)');
    expect([area.a, area.b, area.delta, area.unit]).toEqual(['600', '650', 50, 'm²']);
    expect(area.relative).toBeCloseTo(50 / 600, 12);
    // the power.arrayArea constraint's value is the array area
    const c = d.constraints.find((x) => x.name === 'power.arrayArea')!;
    expect([c.a, c.b, c.delta]).toEqual([600, 650, 50]);
    // ai1 needs ~910 m² (designs/ai1.yaml note): still violated at 650
    expect([c.satisfiedA, c.satisfiedB]).toEqual([false, false]);
  });

  it('launch priced per kg: the launch line moves by the price step × the mass the node pays for', () => {
    const a = recordWith('economics.launchCost_USD_per_kg=500');
    const b = recordWith('economics.launchCost_USD_per_kg=600');
    const d = diffDesigns('a', a, 'b', b);
    const paid_kg = Math.max(a.mass.allocated_kg, a.mass.launch_kg);
    const launch = lineOf(d.lines, 'Cost', 'launch');
    expect(launch.unit).toBe('M USD');
    expect(launch.delta).toBeCloseTo((100 * paid_kg) / 1e6, 9);
    expect(launch.relative).toBeCloseTo(100 / 500, 12);
    // the price moves no mass
    for (const l of d.lines.filter((x) => x.section === 'Mass')) expect(l.delta, l.label).toBe(0);
  });

  it('a verdict that flips is named; a label carrying a figure shows both', () => {
    // an array of 950 m² covers ai1's ~910 m² need (designs/ai1.yaml note)
    const d = diffDesigns('file', recordWith(), 'edited', recordWith('power.arrayArea_m2=950'));
    const c = d.constraints.find((x) => x.name === 'power.arrayArea')!;
    expect([c.satisfiedA, c.satisfiedB, c.changed]).toEqual([false, true, true]);
    expect(diffSummary(d)).toMatch(
      /verdicts change: power\.arrayArea \(numbers within a relative 1e-9 of each other count as the same\)\.$/,
    );
    // a constraint only one side has (a requirement of the file) is listed, and changes no verdict
    const base = recordWith();
    const withReq = { ...base, constraints: [...base.constraints, { ...base.constraints[0]!, name: 'extra' }] };
    const one = diffDesigns('a', base, 'b', withReq);
    expect(one.constraints.at(-1)).toMatchObject({ name: 'extra', a: null, satisfiedA: null, changed: true });
    expect(diffSummary(one)).toMatch(
      /1 of \d+ constraints differ; no verdict changes \(numbers within a relative 1e-9/,
    );
    // the short array throttles ai1's compute (factor < 1); 950 m² does not: a factor of 1 is not a waterfall line
    // (the budget names it once under the total), so the line is A's alone and changed
    const step = d.lines.find((l) => l.label.startsWith('× array throttling'))!;
    expect(step.label).toMatch(/^× array throttling 0\.\d+$/);
    expect([step.b, step.changed]).toEqual([null, true]);
  });

  it('formatDiff: every line by default, only the changed ones on request', () => {
    const d = diffDesigns('file', recordWith(), 'edited', recordWith('orbit.altitude_km=650'));
    const all = formatDiff(d);
    const changed = formatDiff(d, true);
    expect(all).toMatch(/^A: file\nB: edited\n/);
    expect(changed).toMatch(/\n {2}altitude +600 +650 +\+50 +\+8\.3 % +km\n/);
    // the chip count does not change with the altitude: listed in full, not among the changes
    expect(all).toMatch(/\n {2}chips +72 × gb300 +72 × gb300 /);
    expect(changed).not.toMatch(/\n {2}chips /);
    expect(changed.split('\n').length).toBeLessThan(all.split('\n').length);
  });
});
