/**
 * "What binds" on fronts whose constrained optimum is known analytically (Deb 2001, §14.1), built in the test from
 * the published Pareto sets, with the published objective and constraint formulas written out here:
 * - OSY (Osyczka & Kundu 1995): x4 = x6 = 0 on the whole front, five regions AB, BC, CD, DE, EF, each on known
 *   active constraints (e.g. (x5 − 3)² + x6 >= 4 holds with equality everywhere since x5 ∈ {1, 5});
 * - BNH (Binh & Korn 1997): x1 = x2 = t ∈ [0, 3], then x2 = 3 (its upper bound), x1 ∈ [3, 5].
 * Expected counts are the region sizes, counted by hand from the regions' definitions.
 */
import { describe, expect, it } from 'vitest';
import {
  BINDING_MARGIN,
  boundOf,
  designBinding,
  designBindingText,
  frontPressure,
  frontPressureTexts,
  quantityName,
  sizedToText,
} from '../../../src/run/decision/binding.js';
import { fmt } from '../../../src/base/numberFormat.js';
import { decisionSummary } from '../../../src/run/decision/recommend.js';
import { decisionLines } from '../../../src/report/decision/summary.js';
import type { ParetoDesign, ParetoFile } from '../../../src/run/paretoFile.js';

const linspace = (a: number, b: number, n: number): number[] =>
  Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));

// OSY, Deb 2001 §14.1.4: bounds and constraints (pymoo's scaling, g <= 0)
const OSY_BOUNDS: [number, number][] = [
  [0, 10],
  [0, 10],
  [1, 5],
  [0, 6],
  [1, 5],
  [0, 10],
];
const OSY_CONSTRAINTS = [
  'C1 x1+x2>=2',
  'C2 x1+x2<=6',
  'C3 x2-x1<=2',
  'C4 x1-3x2<=2',
  'C5 (x3-3)^2+x4<=4',
  'C6 (x5-3)^2+x6>=4',
];
function osyDesign(index: number, x: readonly number[]): ParetoDesign {
  const [x1, x2, x3, x4, x5, x6] = x as [number, number, number, number, number, number];
  const g = [
    -(x1 + x2 - 2) / 2,
    -(6 - x1 - x2) / 6,
    -(2 - x2 + x1) / 2,
    -(2 - x1 + 3 * x2) / 2,
    -(4 - (x3 - 3) ** 2 - x4) / 4,
    -((x5 - 3) ** 2 + x6 - 4) / 4,
  ];
  const f1 = -(25 * (x1 - 2) ** 2 + (x2 - 2) ** 2 + (x3 - 1) ** 2 + (x4 - 4) ** 2 + (x5 - 1) ** 2);
  const f2 = x.reduce((s, v) => s + v * v, 0);
  return {
    index,
    record: null,
    variables: Object.fromEntries(x.map((v, i) => [`x${i + 1}`, v])),
    objectives: { f1, f2 },
    constraints: Object.fromEntries(OSY_CONSTRAINTS.map((n, i) => [n, g[i]!])),
  };
}

const variables = (bounds: readonly [number, number][]): ParetoFile['variables'] =>
  bounds.map(([lower, upper], i) => ({ kind: 'real' as const, name: `x${i + 1}`, lower, upper }));

function pareto(designs: ParetoDesign[], bounds: readonly [number, number][]): ParetoFile {
  return {
    formatVersion: 1,
    study: 't',
    kind: 'benchmark',
    variables: variables(bounds),
    designs,
    objectives: [
      { name: 'f1', sense: 'minimize', unit: '-' },
      { name: 'f2', sense: 'minimize', unit: '-' },
    ],
  };
}

describe('what binds: OSY, whose front lies on constraints and on the bounds x4 = x6 = 0', () => {
  // Regions of Deb 2001 (ranges kept 0.2 from the junctions, so each point lies on its own region's constraints only)
  const x3s = linspace(1, 5, 11); // x3 = 1 and x3 = 5 put (x3 − 3)² + x4 = 4 on C5 and x3 on a bound
  const AB = x3s.map((x3) => [5, 1, x3, 0, 5, 0]);
  const BC = x3s.map((x3) => [5, 1, x3, 0, 1, 0]);
  const CD = linspace(2.5, 4.8, 11).map((x1) => [x1, (x1 - 2) / 3, 1, 0, 1, 0]);
  const DE = x3s.map((x3) => [0, 2, x3, 0, 1, 0]);
  const EF = linspace(0.2, 1.8, 11).map((x1) => [x1, 2 - x1, 1, 0, 1, 0]);
  const all = [...AB, ...BC, ...CD, ...DE, ...EF];
  const file = pareto(
    all.map((x, i) => osyDesign(i, x)),
    OSY_BOUNDS,
  );
  const front = frontPressure(file);
  const consCount = (name: string): number => front.constraints.find((c) => c.name.startsWith(name))?.count ?? 0;
  const boundCount = (v: string, b: 'lower' | 'upper'): number =>
    front.bounds.find((x) => x.variable === v && x.bound === b)?.count ?? 0;

  it('every design sits at the lower bounds of x4 and x6 and on C6', () => {
    expect(front.designs).toBe(55);
    expect(boundCount('x4', 'lower')).toBe(55);
    expect(boundCount('x6', 'lower')).toBe(55);
    expect(consCount('C6')).toBe(55);
    // the two most-shared conditions are listed first
    expect(front.bounds[0]!.share).toBe(1);
  });

  it('each region binds its own constraints: C2 on AB and BC (x1 + x2 = 6), C4 on AB, BC and CD (x1 = 3 x2 + 2), C1 on DE and EF (x1 + x2 = 2), C3 on DE', () => {
    expect(consCount('C2')).toBe(AB.length + BC.length);
    expect(consCount('C4')).toBe(AB.length + BC.length + CD.length);
    expect(consCount('C1')).toBe(DE.length + EF.length);
    expect(consCount('C3')).toBe(DE.length);
    // C5: x3 = 1 on CD and EF; x3 = 1 or 5 at the two ends of AB, BC and DE
    expect(consCount('C5')).toBe(CD.length + EF.length + 3 * 2);
  });

  it('variable bounds: x3 = 1 (CD, EF and one end of AB, BC, DE), x3 = 5 (the other end), x1 = 0 on DE, x5 = 5 on AB and x5 = 1 elsewhere', () => {
    expect(boundCount('x3', 'lower')).toBe(CD.length + EF.length + 3);
    expect(boundCount('x3', 'upper')).toBe(3);
    expect(boundCount('x1', 'lower')).toBe(DE.length);
    expect(boundCount('x5', 'upper')).toBe(AB.length);
    expect(boundCount('x5', 'lower')).toBe(BC.length + CD.length + DE.length + EF.length);
    expect(boundCount('x2', 'lower') + boundCount('x2', 'upper') + boundCount('x1', 'upper')).toBe(0);
  });

  it('one design: a point inside CD (x3 = 1) binds C4, C5 and C6, with margins 0', () => {
    const d = osyDesign(0, [4, 2 / 3, 1, 0, 1, 0]);
    const b = designBinding(d, variables(OSY_BOUNDS));
    expect(b.constraints.map((c) => c.name.slice(0, 2)).sort()).toEqual(['C4', 'C5', 'C6']); // x3 = 1: (1 − 3)² + 0 = 4 on C5 as well
    for (const c of b.constraints) expect(Math.abs(c.margin)).toBeLessThan(1e-12);
    expect(b.bounds.map((x) => `${x.variable} ${x.bound}`).sort()).toEqual([
      'x3 lower',
      'x4 lower',
      'x5 lower',
      'x6 lower',
    ]);
    // the tightest margins are the three binding ones
    expect(b.tightest.map((c) => c.margin).every((m) => m <= BINDING_MARGIN)).toBe(true);
  });
});

describe('what binds: BNH, whose front runs along the upper bound x2 = 3', () => {
  // f1 = 4x1² + 4x2², f2 = (x1 − 5)² + (x2 − 5)²; g1 = ((x1 − 5)² + x2² − 25)/25, g2 = −((x1 − 8)² + (x2 + 3)² −
  // 7.7)/7.7
  const bnh = (index: number, x1: number, x2: number): ParetoDesign => ({
    index,
    record: null,
    variables: { x1, x2 },
    objectives: { f1: 4 * x1 * x1 + 4 * x2 * x2, f2: (x1 - 5) ** 2 + (x2 - 5) ** 2 },
    constraints: { g1: ((x1 - 5) ** 2 + x2 * x2 - 25) / 25, g2: -((x1 - 8) ** 2 + (x2 + 3) ** 2 - 7.7) / 7.7 },
  });
  const diagonal = linspace(0, 3, 31).map((t, i) => bnh(i, t, t));
  const edge = linspace(3, 5, 21)
    .slice(1)
    .map((s, i) => bnh(100 + i, s, 3));
  const file = pareto(
    [...diagonal, ...edge],
    [
      [0, 5],
      [0, 3],
    ],
  );

  it('the front presses against x2 <= 3 on the edge segment (and t = 3), and nowhere else on the diagonal', () => {
    const f = frontPressure(file);
    const at = (v: string, b: string): number => f.bounds.find((x) => x.variable === v && x.bound === b)?.count ?? 0;
    // within 1 % of x2's range (0.03) of 3: t = 3 on the diagonal (t = 2.9 is 0.1 away) and the 20 edge points
    expect(at('x2', 'upper')).toBe(21);
    expect(at('x1', 'upper')).toBe(1); // (5, 3)
    expect(at('x1', 'lower')).toBe(1); // (0, 0)
    expect(at('x2', 'lower')).toBe(1);
    expect(f.bounds[0]).toMatchObject({ variable: 'x2', bound: 'upper', limit: 3 });
    // g1 = (2t² − 10t)/25 on the diagonal: 0 at t = 0, −3.9 % at t = 0.1; g2 is far from its limit everywhere
    expect(f.constraints).toEqual([{ name: 'g1', count: 1, share: 1 / 51 }]);
  });

  it('the recommended designs: best f1 is (0, 0) on g1 and both lower bounds; best f2 is (5, 3) at both upper bounds', () => {
    const d = decisionSummary(file);
    const best1 = d.designs.find((x) => x.selectors.includes('best:f1'))!;
    const best2 = d.designs.find((x) => x.selectors.includes('best:f2'))!;
    expect(best1.index).toBe(0);
    expect(best1.binding.constraints.map((c) => c.name)).toEqual(['g1']);
    expect(best1.binding.bounds.map((b) => `${b.variable} ${b.bound}`).sort()).toEqual(['x1 lower', 'x2 lower']);
    expect(best2.index).toBe(119); // s = 5
    expect(best2.binding.constraints).toEqual([]);
    expect(best2.binding.bounds.map((b) => `${b.variable} ${b.bound} ${b.limit}`).sort()).toEqual([
      'x1 upper 5',
      'x2 upper 3',
    ]);
    expect(d.designs[0]!.roles[0]).toBe('knee');
    expect(d.front.bounds[0]!.variable).toBe('x2');
  });

  it('no feasible design: no recommendation, an empty front summary', () => {
    const d = decisionSummary({ ...file, designs: [] });
    expect(d.designs).toEqual([]);
    expect(d.front).toEqual({ designs: 0, constraints: [], bounds: [] });
  });
});

describe('a front at a lower bound of 0: a physical floor, or a benchmark bound to widen', () => {
  // 4 designs, all with x1 = 0 (its lower bound) and x2 = 3 (its upper bound): both bounds hold the whole front.
  const file = pareto(
    [0, 1, 2, 3].map((i) => ({
      index: i,
      variables: { x1: 0, x2: 3 },
      objectives: { f1: i, f2: 3 - i },
      constraints: {},
      record: null,
    })),
    [
      [0, 5],
      [0, 3],
    ],
  );
  const texts = (kind: ParetoFile['kind']): string[] => frontPressureTexts(frontPressure({ ...file, kind }), String);

  it('in a constellation study the front chose the floor x1 >= 0 (not advice to widen), and presses x2 <= 3', () => {
    expect(texts('constellation')).toEqual([
      '4 of 4 Pareto designs (100 %) sit at the study bound x1 >= 0: the front chose this floor (0 cannot be widened; for a shell, its planes at 0 switch it off)',
      '4 of 4 Pareto designs (100 %) sit at the study bound x2 <= 3: the front presses against it; widen it if the design may go further',
    ]);
  });

  it("a design's bounds: x1 = 0 at its floor in a constellation study and in a benchmark (ZDT's x >= 0)", () => {
    const d = file.designs[0]!;
    expect(designBindingText(designBinding(d, file.variables, 'constellation'), String)).toBe(
      'at a bound: x1 = 0 (its floor), x2 = 3 (<= 3)',
    );
    expect(designBindingText(designBinding(d, file.variables, 'benchmark'), String)).toBe(
      'at a bound: x1 = 0 (its floor), x2 = 3 (<= 3)',
    );
  });

  it("the run summary's pressure line says the same in short", () => {
    const line = decisionLines(decisionSummary({ ...file, kind: 'node' })).find((l) => l.includes('presses against'));
    expect(line).toContain('bound x1 >= 0 (100 %: its floor), bound x2 <= 3 (100 %: widen it)');
  });

  it("a benchmark's bounds are part of its definition: neither its floor x1 >= 0 nor x2 <= 3 is told to widen", () => {
    expect(texts('benchmark')).toEqual([
      '4 of 4 Pareto designs (100 %) sit at the study bound x1 >= 0: the front chose this floor (0 cannot be widened; for a shell, its planes at 0 switch it off)',
      "4 of 4 Pareto designs (100 %) sit at the study bound x2 <= 3: the benchmark's own bound (part of its definition)",
    ]);
    const line = decisionLines(decisionSummary({ ...file, kind: 'benchmark' })).find((l) => l.includes('presses'));
    expect(line).not.toContain('widen');
  });
});

describe('what binds: a count that must be zero and is', () => {
  it('is at g = 0 but not called binding (a constellation whose links can all be tracked); a closure at its limit is', () => {
    const check = (name: string, value: number, limit: number) => ({
      name,
      value,
      limit,
      sense: '<=',
      margin: 0,
      enforced: true,
      satisfied: true,
      unit: '-',
      description: '',
    });
    const d: ParetoDesign = {
      index: 0,
      variables: {},
      objectives: { f1: 0, f2: 0 },
      constraints: { 'isl.pointing': 0, 'mass.launchClosure': 0 },
      record: {
        constraints: [check('isl.pointing', 0, 0), check('mass.launchClosure', 2500, 2500)],
      } as unknown as ParetoDesign['record'],
    };
    // the launch-mass closure at its limit is what the design was sized to, not what binds it
    expect(designBinding(d, []).constraints).toEqual([]);
    expect(designBinding(d, []).sizedTo).toEqual([
      { name: 'mass.launchClosure', value: 2500, unit: '-', requirement: 'the built-up launch mass' },
    ]);
    expect(frontPressure({ designs: [d], variables: [] }).constraints).toEqual([]);
  });
});

describe('sized to apart from binding, one name per quantity', () => {
  const check = (name: string, value: number, limit: number, sense: '<=' | '>=', unit: string) => ({
    name,
    value,
    limit,
    sense,
    margin: sense === '<=' ? (limit - value) / limit : (value - limit) / limit,
    enforced: true,
    satisfied: true,
    unit,
    description: '',
  });
  // a flagship knee as run.json had it: array 878 ≥ 878 m², junction 360 ≤ 360 K, dose 19,990 ≤ 20,000 rad(Si) on both
  // dose limits (a chip without a separate soft-fault onset), ISL 400 ≥ 400 Gbps, drag 4.996 ≤ 5 yr, IT power 3 %
  // inside
  const d: ParetoDesign = {
    index: 7,
    variables: {},
    objectives: { f1: 0, f2: 0 },
    constraints: {
      'power.arrayArea': 0,
      'thermal.junctionTemp': 0,
      'radiation.dose': -0.0005,
      'radiation.softDose': -0.0005,
      'isl.capacity_Gbps >= 400': 0,
      'drag.passiveDecay_yr <= 5': -0.0008,
      'compute.itPowerPeak_W <= 150000': -0.03,
    },
    record: {
      constraints: [
        check('power.arrayArea', 878, 878, '>=', 'm²'),
        check('thermal.junctionTemp', 360, 360, '<=', 'K'),
        check('radiation.dose', 19990, 20000, '<=', 'rad(Si)'),
        check('radiation.softDose', 19990, 20000, '<=', 'rad(Si)'),
      ],
    } as unknown as ParetoDesign['record'],
  };
  const b = designBinding(d, [], 'node');

  it('lists the closures once as sized to, with their requirement, and binds only the rest', () => {
    expect(b.sizedTo!.map((x) => x.name)).toEqual(['power.arrayArea', 'thermal.junctionTemp']);
    expect(sizedToText(b, String)).toBe(
      'power.arrayArea 878 m² (to the worst-orbit power demand), thermal.junctionTemp 360 K (to the chip junction limit)',
    );
    expect(designBindingText(b, String)).toBe(
      'isl.capacity_Gbps >= 400 (margin 0.0 %); radiation.dose & radiation.softDose (margin 0.1 %); drag.passiveDecay_yr <= 5 (margin 0.1 %)',
    );
    // the front counts the two dose limits as one entry, and never the closures
    expect(frontPressure({ designs: [d], variables: [], kind: 'node' }).constraints.map((c) => c.name)).toEqual([
      'drag.passiveDecay_yr <= 5',
      'isl.capacity_Gbps >= 400',
      'radiation.dose & radiation.softDose',
    ]);
  });

  it('joins each constraint to the first with the same value, sense and limit, however far apart they are listed', () => {
    // a: 100 <= 100, b: 50 >= 50, c as a, e as b, f: 100 >= 100 (a's value and limit, not its sense)
    const joined: ParetoDesign = {
      ...d,
      constraints: { 'q.a': 0, 'q.b': 0, 'q.c': 0, 'q.d <= 1': 0, 'q.e': 0, 'q.f': 0 },
      record: {
        constraints: [
          check('q.a', 100, 100, '<=', 'W'),
          check('q.b', 50, 50, '>=', 'W'),
          check('q.c', 100, 100, '<=', 'W'),
          check('q.e', 50, 50, '>=', 'W'),
          check('q.f', 100, 100, '>=', 'W'),
          // a second check of an earlier name: the first one counts
          check('q.c', 7, 100, '<=', 'W'),
        ],
      } as unknown as ParetoDesign['record'],
    };
    expect(frontPressure({ designs: [joined], variables: [], kind: 'node' }).constraints.map((c) => c.name)).toEqual([
      'q.a & q.c',
      'q.b & q.e',
      'q.d <= 1',
      'q.f',
    ]);
  });

  it("the record's drag.fccDisposal check takes the name the study gives its quantity", () => {
    expect(quantityName('drag.fccDisposal', Object.keys(d.constraints))).toBe('drag.passiveDecay_yr <= 5');
    expect(quantityName('drag.fccDisposal', [])).toBe('drag.fccDisposal');
  });

  it('the terminal prints the whole list: sized to, then binds', () => {
    // without a record (a benchmark-shaped design) the closures are named without their values
    const bare = { ...d, record: null };
    const lines = decisionLines(decisionSummary(pareto([bare], [])));
    const nb = designBinding(bare, [], 'benchmark');
    expect(sizedToText(nb, fmt)).toBe(
      'power.arrayArea (to the worst-orbit power demand), thermal.junctionTemp (to the chip junction limit)',
    );
    expect(lines).toContain(`    sized to: ${sizedToText(nb, fmt)}`);
    expect(lines).toContain(`    binds: ${designBindingText(nb, fmt)}`);
    // without the record the two dose limits are two entries (nothing says they share value and limit)
    expect(designBindingText(nb, fmt)).toContain('radiation.dose (margin 0.1 %); radiation.softDose (margin 0.1 %)');
  });
});

describe('at a bound: a real within 1 % of its range, an integer only at the bound itself', () => {
  // a plane count on [0, 119]: 1 % of the range is 1.19, so a 1 % rule would call 1 plane "its floor"
  const planes = { kind: 'int', name: 'shells.sso.planes', lower: 0, upper: 119 } as const;
  const altitude = { kind: 'real', name: 'altitude_km', lower: 0, upper: 119 } as const;
  it('an integer one step inside either bound is not at it; at the bound it is', () => {
    expect(boundOf(planes, 1)).toBeNull();
    expect(boundOf(planes, 118)).toBeNull();
    expect(boundOf(planes, 0)).toBe('lower');
    expect(boundOf(planes, 119)).toBe('upper');
  });
  it('a variable that wraps around (Walker phasing F mod P, a RAAN in degrees) is never at a bound', () => {
    // F = 0 and F = P are one constellation, as 0° and 360° are one plane: neither end is a limit of the design
    const phasing = { kind: 'int', name: 'shells.dawn-dusk.phasing', lower: 0, upper: 119 } as const;
    const raan = { kind: 'real', name: 'shells.low.raan0_deg', lower: 0, upper: 360 } as const;
    for (const x of [0, 119]) expect(boundOf(phasing, x)).toBeNull();
    for (const x of [0, 360]) expect(boundOf(raan, x)).toBeNull();
  });
  it('a real within 1.19 of a bound of [0, 119] is at it, 1.2 away is not', () => {
    expect(boundOf(altitude, 1)).toBe('lower');
    expect(boundOf(altitude, 117.9)).toBe('upper');
    expect(boundOf(altitude, 1.2)).toBeNull();
  });
});
