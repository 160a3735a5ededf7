import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { LineCounter, parseDocument } from 'yaml';
import { varies } from '../../src/node/design/schema.js';
import {
  compileVariables,
  constellationVariableKey,
  constellationVariablePaths,
  nodeVariableKey,
  variableValue,
  wrapsAround,
} from '../../src/study/variables.js';
import { StudyError } from '../../src/base/errors.js';

const text = 'variables:\n  n: [1, 9]\n';
const lines = new LineCounter();
const src = { file: 'study.yaml', doc: parseDocument(text, { lineCounter: lines }), lines };

describe('study variables, declared on the design schemas', () => {
  it('a constellation study varies the keys docs/runs.md lists, and no others', () => {
    // docs/runs.md §"Constellation studies": the shell keys and the section keys a study may vary
    const shellKeys = ['altitude_km', 'inclination_deg', 'ltan_h', 'planes', 'satsPerPlane', 'phasing', 'raan0_deg'];
    const paths = constellationVariablePaths(['low']);
    for (const k of [...shellKeys, 'ltanBand_h', 'clusterRadius_m']) expect(paths).toContain(`shells.low.${k}`);
    for (const p of [
      'isl.topology',
      'isl.terminal',
      'isl.crossPlaneCutoffLatitude_deg',
      'isl.linkMargin_dB',
      'ground.stations',
      'ground.stationCount',
      'ground.minElevation_deg',
      'ground.linkRate_Gbps',
      'launch.vehicle',
      'traffic.demandPerNode_Gbps',
      'sky.model',
      'sky.albedo',
      'sky.area_m2',
    ])
      expect(paths).toContain(p);
    // keys the file has but a study may not vary: a shell's name and pattern, the traffic pattern, the epoch
    for (const p of ['shells.low.name', 'shells.low.pattern', 'traffic.pattern', 'simulation.epoch', 'sky.dates'])
      expect(constellationVariableKey(p, ['low'])).toBeUndefined();
    expect(constellationVariableKey('shells.high.planes', ['low'])).toBeUndefined(); // no such shell
    expect(constellationVariableKey('node.compute.chips', ['low'])?.int).toBe(true);
    expect(constellationVariableKey('node.compute.chipz', ['low'])).toBeUndefined();
  });

  it('whole numbers, wrapping and categorical keys are as declared', () => {
    for (const k of ['planes', 'satsPerPlane', 'phasing'])
      expect(constellationVariableKey(`shells.a.${k}`, ['a'])?.int).toBe(true);
    expect(constellationVariableKey('shells.a.altitude_km', ['a'])?.int).toBe(false);
    expect(nodeVariableKey('compute.chips')?.int).toBe(true);
    expect(nodeVariableKey('orbit.altitude_km')?.int).toBeFalsy();
    // a Walker phasing is taken modulo the plane count and a RAAN of 360° is 0°: their bounds never bind
    expect(['phasing', 'raan0_deg', 'planes', 'altitude_km'].map((k) => wrapsAround(`shells.a.${k}`))).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(wrapsAround('orbit.altitude_km')).toBe(false);
    for (const p of ['isl.topology', 'mission.solarActivity', 'compute.chip', 'launch.vehicle'])
      expect(nodeVariableKey(p)?.categorical).toBe(true);
    expect(constellationVariableKey('isl.topology', [])?.categorical).toBe(true);
  });

  it('a key declared with varies() compiles as a variable of its kind', () => {
    const schema = z.object({ n: varies(z.number().int().default(3), { int: true }), x: z.number() });
    const shape = schema.shape;
    const keyOf = (path: string, fail: (msg: string) => never) =>
      path === 'n' && shape.n !== undefined ? { int: true } : fail('unknown variable');
    const [n] = compileVariables([['n', [1, 9]]], src, keyOf);
    expect(n).toEqual({ kind: 'int', name: 'n', lower: 1, upper: 9 });
    const fails = (domain: [number, number]) => () => compileVariables([['n', domain]], src, keyOf);
    expect(fails([9, 1])).toThrow(/^study\.yaml:2:6: variables\.n: bounds are reversed.*did you swap them/);
    expect(fails([1.5, 9])).toThrow(/whole numbers/);
    expect(() => compileVariables([['x', [0, 1]]], src, keyOf)).toThrow(StudyError);
    expect(() => compileVariables([], src, keyOf)).toThrow(/at least one variable/);
  });
});

describe('variableValue: what a design takes from its coordinate', () => {
  const int = { kind: 'int', name: 'compute.chips', lower: 20, upper: 200 } as const;
  const real = { kind: 'real', name: 'orbit.altitude_km', lower: 400, upper: 1200 } as const;
  const choice = { kind: 'choice', name: 'compute.chip', options: ['h100', 'b200', 'gb300'] } as const;

  it('an int coordinate keeps its value, −0 its sign; a continuous one is x itself; a choice is its option', () => {
    // the values a Float64Array hands back (doubles), including the edges of the 32-bit range
    const xs = new Float64Array([77, 0, -0, -5, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, 2 ** 40]);
    for (const x of xs) expect(Object.is(variableValue(int, x), x)).toBe(true);
    expect(Object.is(variableValue(real, 552.25), 552.25)).toBe(true);
    expect(variableValue(choice, 2)).toBe('gb300');
    expect(variableValue(choice, 0)).toBe('h100');
  });
});
