/**
 * Requirements on discrete quantities (src/run/decision/discrete.ts), on a front built by hand: a link capacity that
 * the terminal choice alone sets (4 × 100 Gbps = 400 against a 400 Gbps requirement: g = 0 for every grid design)
 * and a decay time that the continuous altitude moves.
 */
import { describe, expect, it } from 'vitest';
import { discreteConstraints } from '../../../src/run/decision/discrete.js';
import { kneeStanding } from '../../../src/run/decision/select.js';
import { marginText } from '../../../src/run/decision/decisionText.js';
import type { ParetoDesign, ParetoFile } from '../../../src/run/paretoFile.js';

const CAP = 'isl.capacity_Gbps >= 400';
const DECAY = 'drag.passiveDecay_yr <= 5';

/** (topology, altitude) → g: capacity (400 − terminals × 100)/400, decay (altitude/110 − 5)/5. */
function design(index: number, topology: 'grid' | 'mesh', altitude_km: number, f: number): ParetoDesign {
  const terminals = topology === 'grid' ? 4 : 6;
  return {
    index,
    variables: { 'isl.topology': topology, 'orbit.altitude_km': altitude_km },
    objectives: { a: f, b: (1 - f) ** 2 },
    constraints: { [CAP]: (400 - terminals * 100) / 400, [DECAY]: (altitude_km / 110 - 5) / 5 },
    record: null,
  };
}

function front(designs: ParetoDesign[]): ParetoFile {
  return {
    formatVersion: 1,
    study: 's',
    kind: 'node',
    objectives: [
      { name: 'a', sense: 'minimize', unit: '-' },
      { name: 'b', sense: 'minimize', unit: '-' },
    ],
    variables: [
      { kind: 'choice', name: 'isl.topology', options: ['grid', 'mesh'] },
      { kind: 'real', name: 'orbit.altitude_km', lower: 400, upper: 600 },
    ],
    designs,
  } as unknown as ParetoFile;
}

describe('discrete requirements', () => {
  const designs = [
    design(0, 'grid', 500, 0),
    design(1, 'grid', 520, 0.25),
    design(2, 'grid', 540, 0.5),
    design(3, 'mesh', 530, 0.75),
    design(4, 'mesh', 545, 1),
  ];

  it('the capacity the topology alone sets is discrete; the decay the altitude moves is not', () => {
    expect([...discreteConstraints(front(designs))]).toEqual([CAP]);
  });

  it('needs two designs with the same choices to tell: one design per choice proves nothing', () => {
    expect(discreteConstraints(front([designs[0]!, designs[3]!])).size).toBe(0);
  });

  it('a grid knee at exactly 400 Gbps is not at 0 % margin: its smallest margin is the decay one', () => {
    // the knee of the five (f = 0.5) is design 2: decay g = (540/110 − 5)/5 = −0.01818 → 1.8 %
    const s = kneeStanding(front(designs), { minMargin: 0.01 }, 'none declared')!;
    expect(s.position).toBe(2);
    expect(s.minMargin).toBeCloseTo(5 / 5 - 540 / 110 / 5, 12);
    expect(s.tightest).toEqual([DECAY]);
    expect(s.exact).toEqual([CAP]);
    expect(marginText(s)).toContain(`${CAP} met by a discrete choice (no margin to keep there)`);
  });
});
