import { describe, expect, it } from 'vitest';
import { evaluateDesignFile } from '../../../src/node/evaluator.js';
import { parseDesignFile } from '../../../src/node/design/load.js';
import { studyErrorOf, tempDir, writeFile } from '../../helpers/tmp.js';

const dir = tempDir();
const base = 'name: t\nkind: node\n';

const errorOf = studyErrorOf;
/** The error of parsing a design of `base` and the given lines, written to `file`. */
const designErrorOf = (file: string, lines: string) =>
  errorOf(() => parseDesignFile(writeFile(dir, file, base + lines)));

describe('design file loading', () => {
  it('fills documented defaults for a minimal design', () => {
    const f = writeFile(dir, 'min.yaml', base);
    const r = parseDesignFile(f);
    expect(r.kind).toBe('design');
    if (r.kind !== 'design') return;
    expect(r.design.orbit.altitude_km).toBe(600);
    expect(r.design.orbit.inclination_deg).toBe('sso');
    expect(r.design.mission.lifetime_yr).toBe(5);
    expect(r.design.compute.chips).toBe(72);
  });

  it('a missing file names the path (FILE_NOT_FOUND)', () => {
    const e = errorOf(() => parseDesignFile(`${dir}/nope.yaml`));
    expect(e.code).toBe('FILE_NOT_FOUND');
    expect(e.message).toContain('nope.yaml');
  });

  // [what the test says, file, the design's lines, error code (where one is named), what the message holds, field]
  it.each([
    [
      'a YAML syntax error gives line and column',
      'syntax.yaml',
      `orbit: { altitude_km: 600\npower: [1, 2\n`,
      'YAML_SYNTAX',
      [/syntax\.yaml:\d+:\d+: YAML syntax error/],
    ],
    [
      'an unknown key suggests the closest one',
      'typo.yaml',
      `orbit: { altitude_km: 600, inclinaton_deg: 53 }\n`,
      'UNKNOWN_KEY',
      ['typo.yaml:3:', 'did you mean inclination_deg?'],
    ],
    [
      'a key without its unit suffix names the unit',
      'unit.yaml',
      `orbit: { altitude: 600 }\n`,
      'MISSING_UNIT',
      ['orbit.altitude_km (kilometres)'],
    ],
    [
      'a key in another unit names the key in the unit the field takes',
      'other-unit.yaml',
      `orbit: { altitude_m: 600000 }\n`,
      'UNKNOWN_KEY',
      ['unknown key orbit.altitude_m', 'altitude is given in kilometres: did you mean orbit.altitude_km?'],
    ],
    [
      'a wrong type says what was expected and how to fix it',
      'type.yaml',
      `orbit: { altitude_km: "600 km" }\n`,
      'WRONG_TYPE',
      ['orbit.altitude_km must be a number', 'the unit is in the key name'],
    ],
    [
      'a value outside a model validity range states the range',
      'range.yaml',
      `orbit: { altitude_km: 250 }\n`,
      'OUT_OF_RANGE',
      ['300–2000 km'],
      'orbit.altitude_km',
    ],
    [
      'an enum value lists the valid choices',
      'enum.yaml',
      `isl: { topology: star }\n`,
      undefined,
      ['"none" | "ring" | "grid" | "mesh"'],
    ],
  ] as [string, string, string, string | undefined, (string | RegExp)[], string?][])(
    '%s',
    (_, file, lines, code, says, field) => {
      const e = designErrorOf(file, lines);
      if (code !== undefined) expect(e.code).toBe(code);
      for (const part of says) expect(e.message).toMatch(part);
      if (field !== undefined) expect(e.field).toBe(field);
    },
  );

  it('an unknown catalog id suggests the closest id and lists the valid ones', () => {
    const f = writeFile(dir, 'cat.yaml', `${base}compute: { chip: h10 }\n`);
    const e = errorOf(() => evaluateDesignFile(f));
    expect(e.code).toBe('UNKNOWN_CATALOG_ID');
    expect(e.message).toContain('did you mean h100?');
    expect(e.message).toContain('chips.yaml');
  });

  it('a physically infeasible design is not an error: it evaluates with violated constraints', () => {
    const f = writeFile(
      dir,
      'infeasible.yaml',
      `${base}power: { arrayArea_m2: 50 }\nthermal: { radiatorArea_m2: 5 }\n`,
    );
    const { record } = evaluateDesignFile(f);
    const violated = record.constraints.filter((c) => !c.satisfied).map((c) => c.name);
    expect(violated).toContain('power.arrayArea');
    expect(violated).toContain('thermal.radiatorArea');
  });
});

describe('schema defaults', () => {
  it('every default catalog id names a row of the shipped catalogs', () => {
    const f = writeFile(dir, 'defaults.yaml', base);
    expect(() => evaluateDesignFile(f)).not.toThrow();
  });
});
