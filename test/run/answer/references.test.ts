/**
 * The one-line reason each reference design gives for not being on a study's front: dominated by a Pareto design,
 * infeasible in the study (which constraint, by how much), or outside its bounds (which variable). The shipped
 * ai1.yaml (600 km, 72 × gb300, starship) is evaluated; the study and the front around it are made up here.
 */
import { describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  defaultReferencePaths,
  evaluateReferences,
  referenceFileName,
  referenceStatus,
  type ReferenceDesign,
} from '../../../src/run/answer/references.js';
import type { ParetoDesign, ParetoFile } from '../../../src/run/paretoFile.js';

const OBJECTIVES = ['cost.lcoc_USD_per_PFLOP_day', 'mass.launch_kg'];
const ai1 = (): ReferenceDesign => {
  const { designs, notes } = evaluateReferences(['designs/ai1.yaml'], OBJECTIVES);
  expect(notes).toEqual([]);
  return designs[0]!;
};
/** ai1 with every physical check passed (to isolate the study's own constraints and bounds). */
const feasible = (r: ReferenceDesign): ReferenceDesign => ({
  ...r,
  record: { ...r.record, constraints: r.record.constraints.map((c) => ({ ...c, satisfied: true })) },
});

const front = (
  designs: ParetoDesign[],
  variables: ParetoFile['variables'] = [],
): Pick<ParetoFile, 'designs' | 'objectives' | 'variables'> => ({
  designs,
  variables,
  objectives: [
    { name: OBJECTIVES[0]!, sense: 'minimize', unit: 'USD/PFLOP-day' },
    { name: OBJECTIVES[1]!, sense: 'minimize', unit: 'kg' },
  ],
});
const design = (index: number, lcoc: number, mass: number): ParetoDesign => ({
  index,
  variables: {},
  constraints: {},
  record: null,
  objectives: { [OBJECTIVES[0]!]: lcoc, [OBJECTIVES[1]!]: mass },
});

describe('referenceStatus', () => {
  it('a Pareto design no worse in both objectives and better in one dominates the reference', () => {
    const r = ai1();
    const lcoc = r.objectives[OBJECTIVES[0]!]!,
      mass = r.objectives[OBJECTIVES[1]!]!;
    const status = referenceStatus(
      feasible(r),
      front([design(3, lcoc * 2, mass / 2), design(7, lcoc, mass * 0.9)]),
      {},
    );
    expect(status).toBe('dominated by Pareto design 7');
  });

  it('names the violated study constraint with its shortfall, and each variable outside the bounds or choices', () => {
    const r = feasible(ai1());
    const it_W = r.record.compute.itPowerAvg_W;
    // limit twice the design's value: g = (2v − v)/(2v) = 50 %
    const study = { constraints: [`compute.itPowerAvg_W >= ${2 * it_W}`, 'mass.launch_kg <= 1e9'] };
    const variables: ParetoFile['variables'] = [
      { kind: 'real', name: 'orbit.altitude_km', lower: 700, upper: 1500 },
      { kind: 'int', name: 'compute.chips', lower: 20, upper: 200 },
      { kind: 'choice', name: 'compute.chip', options: ['h100', 'b200'] },
    ];
    const status = referenceStatus(r, front([], variables), study);
    expect(status).toMatch(
      /^not dominated by the front, but infeasible in this study: violates compute\.itPowerAvg_W >= [\d.e+]+ \([\d,.]+, off by 50 %\)/,
    );
    expect(status).not.toContain('mass.launch_kg <= 1e9'); // satisfied
    expect(status).toContain(
      "outside the study's bounds: orbit.altitude_km = 600 (study: 700 … 1,500); compute.chip = gb300 (study: h100, b200)",
    );
    expect(status).not.toContain('compute.chips ='); // 72 lies inside 20 … 200
  });

  it('names the physical checks the reference fails, except those the study relaxes', () => {
    const r = ai1();
    const failed = r.record.constraints.filter((c) => c.enforced && !c.satisfied).map((c) => c.name);
    expect(failed.length).toBeGreaterThan(0); // ai1's 600 m² array and 110 m² radiator do not close at 150 kW
    const status = referenceStatus(r, front([]), {});
    for (const name of failed) expect(status).toContain(name);
    const relaxed = referenceStatus(r, front([]), { relax: [failed[0]] });
    expect(relaxed).not.toContain(`${failed[0]} (`);
  });

  it('feasible, inside the bounds and not dominated: says the search did not reach it', () => {
    expect(referenceStatus(feasible(ai1()), front([design(1, 1e12, 1e12)]), {})).toMatch(
      /^feasible, inside the bounds and not dominated by the front: the search did not reach it/,
    );
  });

  it("names the shipped references relative to odc's folder and any other file as given", () => {
    // an answer must not depend on where odc is installed: the shipped files by their place in the repository
    expect(defaultReferencePaths().map(referenceFileName)).toEqual([
      'designs/ai1.yaml',
      'designs/starcloud-3.yaml',
      'designs/suncatcher.yaml',
      'designs/three-body.yaml',
    ]);
    const own = join(tmpdir(), 'my-reference.yaml');
    expect(referenceFileName(own)).toBe(own);
    expect(referenceFileName('designs/ai1.yaml')).toBe('designs/ai1.yaml');
  });
});
