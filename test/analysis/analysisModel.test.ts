import { describe, expect, it } from 'vitest';
import {
  columnLookup,
  firstInvalid,
  outcomeOf,
  reasonOf,
  specLookup,
  type ConstraintInfo,
} from '../../src/analysis/analysisModel.js';
import type { InputSpec } from '../../src/study/uncertainTargets.js';

/** The helpers every analysis model shares (src/analysis/analysisModel.ts), on hand-made inputs and records. */
const spec = (path: string, lo: number, hi: number, integer = false): InputSpec => ({
  path,
  target: { kind: 'design', section: path.split('.')[0]!, key: path.split('.')[1]! },
  nominal: undefined,
  unit: '-',
  integer,
  domain: { lo, hi },
  check: (v) =>
    (integer && !Number.isInteger(v)) || v < lo || v > hi ? `${path} = ${v} is not a valid value` : undefined,
});

describe('columnLookup and specLookup', () => {
  it("a metric's column is its position in the list; an unknown metric is a RangeError naming it", () => {
    const column = columnLookup(['mass.launch_kg', 'cost.total_USD', 'cost.lcoc_USD_per_PFLOP_day']);
    expect(['cost.lcoc_USD_per_PFLOP_day', 'mass.launch_kg', 'cost.total_USD'].map(column)).toEqual([2, 0, 1]);
    expect(() => column('cost.lcoc')).toThrow(new RangeError('unknown metric cost.lcoc'));
  });

  it('an uncertain input comes before a break-even input of the same path; the break-even list is read lazily', () => {
    const uncertain = spec('economics.pue', 1, 3);
    const breakEvenOnly = spec('mission.lifetime_yr', 0.5, 15);
    let calls = 0;
    const lookup = specLookup([uncertain], () => {
      calls++;
      return [
        { spec: spec('economics.pue', 1, 2), label: 'pue' },
        { spec: breakEvenOnly, label: 'lifetime' },
      ];
    });
    expect(lookup('economics.pue')).toBe(uncertain);
    expect(calls).toBe(0);
    expect(lookup('mission.lifetime_yr')).toBe(breakEvenOnly);
    expect(() => lookup('compute.chips')).toThrow(new RangeError('no uncertain or break-even input compute.chips'));
  });
});

describe('outcomeOf', () => {
  const constraints: ConstraintInfo[] = ['thermal', 'power', 'mass'].map((name) => ({
    name,
    unit: '',
    sense: '<=',
    enforced: true,
    description: '',
  }));
  type R = { x: number; constraints: { name: string; margin: number; satisfied: boolean }[] };
  const getters = [(r: R) => r.x, (r: R) => 2 * r.x];

  it('metrics, then each constraint margin, then 1/0 for satisfied; a constraint the record lacks is NaN', () => {
    const r: R = {
      x: 3,
      constraints: [
        { name: 'power', margin: -0.25, satisfied: false },
        { name: 'thermal', margin: 0.5, satisfied: true },
      ],
    };
    const o = outcomeOf(r, getters, constraints);
    if (o.status !== 'ok') throw new Error('expected ok');
    expect([...o.y]).toEqual([3, 6, 0.5, -0.25, NaN, 1, 0, NaN]);
  });

  it('a reason string is a failed outcome with that reason', () => {
    expect(outcomeOf<R>('too hot', getters, constraints)).toEqual({ status: 'failed', reason: 'too hot' });
  });
});

describe('firstInvalid and reasonOf', () => {
  const specs = [
    spec('compute.chips', 1, 100, true),
    spec('economics.pue', 1, 3),
    spec('mission.lifetime_yr', 0.5, 15),
  ];

  it('NaN and missing values are the nominal (skipped); integers are rounded before the check; the first bad wins', () => {
    expect(firstInvalid([NaN, NaN, NaN], specs)).toBeUndefined();
    expect(firstInvalid([50.4], specs)).toBeUndefined(); // rounds to 50; the others are missing
    expect(firstInvalid([100.4, 2, 14], specs)).toBeUndefined();
    expect(firstInvalid([100.6, 2, 14], specs)).toBe('compute.chips = 101 is not a valid value');
    expect(firstInvalid([NaN, 4, 16], specs)).toBe('economics.pue = 4 is not a valid value');
    expect(firstInvalid([NaN, NaN, 16], specs)).toBe('mission.lifetime_yr = 16 is not a valid value');
    expect(firstInvalid([50, 4, 14], specs)).toBe('economics.pue = 4 is not a valid value'); // a valid one first
    expect(firstInvalid([50, 2, 14, -1], specs)).toBeUndefined(); // a value past the specs sets nothing
  });

  it("an Error's message; anything else as a string", () => {
    expect(reasonOf(new RangeError('altitude out of range'))).toBe('altitude out of range');
    expect(reasonOf('plain')).toBe('plain');
    expect(reasonOf(42)).toBe('42');
  });
});
