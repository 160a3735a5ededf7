/**
 * Warm start from design files (`algorithm.initial.designs`): each file's values at the study's variable paths become
 * one design in this problem's encoding (a choice by its option index); a file that does not fit stops with a
 * StudyError (exit 2 in the CLI) naming the file and the variable. The schema takes `from` or `designs`, not both.
 */
import { describe, expect, it } from 'vitest';
import { algorithmSchema } from '../../src/study/algorithmSettings.js';
import type { Problem } from '../../src/optimize/types.js';
import { loadDesignWarmStart, valueAtPath } from '../../src/run/warmStartDesigns.js';
import { tempDir, writeFile } from '../helpers/tmp.js';

const problem = {
  name: 'p',
  variables: [
    { name: 'orbit.altitude_km', kind: 'real', lower: 400, upper: 1500 },
    { name: 'orbit.inclination_deg', kind: 'choice', options: ['sso', 53, 30] },
    { name: 'compute.chips', kind: 'int', lower: 20, upper: 200 },
  ],
  objectives: [{ name: 'f' }],
  constraints: [],
} as unknown as Problem;

describe('algorithm.initial.designs', () => {
  it('reads each variable at its path; a choice becomes its option index (53 → 1, sso → 0)', () => {
    const dir = tempDir();
    writeFile(dir, 'a.yaml', 'orbit: { altitude_km: 600, inclination_deg: 53 }\ncompute: { chips: 72 }\n');
    writeFile(dir, 'b.yaml', 'orbit: { altitude_km: 1000, inclination_deg: sso }\ncompute: { chips: 20 }\n');
    const study = writeFile(dir, 'study.yaml', 'name: s\n');
    const warm = loadDesignWarmStart(study, ['a.yaml', 'b.yaml'], problem);
    expect(warm.designs.map((x) => Array.from(x))).toEqual([
      [600, 1, 72],
      [1000, 0, 20],
    ]);
    expect(warm.evaluations).toBeUndefined();
  });

  it('a list of named items is entered by name (shells.low.planes)', () => {
    const raw = {
      shells: [
        { name: 'high', planes: 9 },
        { name: 'low', planes: 3 },
      ],
    };
    expect(valueAtPath(raw, 'shells.low.planes')).toBe(3);
    expect(valueAtPath(raw, 'shells.mid.planes')).toBeUndefined();
  });

  it('a file that does not fit names the file and the variable', () => {
    const dir = tempDir();
    const study = writeFile(dir, 'study.yaml', 'name: s\n');
    const cases: [string, RegExp][] = [
      ['orbit: { altitude_km: 600, inclination_deg: 53 }\n', /c\.yaml: compute\.chips is not set in this design file/],
      [
        'orbit: { altitude_km: 2000, inclination_deg: 53 }\ncompute: { chips: 72 }\n',
        /c\.yaml: orbit\.altitude_km = 2000 is outside this study's range \[400, 1500\]/,
      ],
      [
        'orbit: { altitude_km: 600, inclination_deg: 97 }\ncompute: { chips: 72 }\n',
        /c\.yaml: orbit\.inclination_deg = 97 is not one of this study's options/,
      ],
      [
        'orbit: { altitude_km: 600, inclination_deg: 53 }\ncompute: { chips: 7.5 }\n',
        /compute\.chips = 7\.5 is not a whole number/,
      ],
    ];
    for (const [text, message] of cases) {
      writeFile(dir, 'c.yaml', text);
      expect(() => loadDesignWarmStart(study, ['c.yaml'], problem)).toThrow(message);
    }
    expect(() => loadDesignWarmStart(study, ['missing.yaml'], problem)).toThrow(
      /study\.yaml: algorithm\.initial\.designs\[0\]: .*missing\.yaml does not exist/,
    );
  });

  it('the schema takes from or designs, not both and not neither', () => {
    const parse = (initial: unknown) => algorithmSchema().safeParse({ name: 'nsga2', initial });
    expect(parse({ from: 'run' }).success).toBe(true);
    expect(parse({ designs: ['a.yaml'] }).success).toBe(true);
    expect(parse({ from: 'run', designs: ['a.yaml'] }).success).toBe(false);
    expect(parse({}).success).toBe(false);
    expect(parse({ designs: [] }).success).toBe(false);
  });
});
