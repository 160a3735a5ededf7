/**
 * `--set key=value` edits (src/base/yamlSet.ts): the value is read as YAML, the edit lands at its dotted key in the
 * parsed file before validation, the rest of the file (comments, other values, their line:column) is kept, and an
 * edit that cannot land (into a value, past a list's end) or an error about an edited key names the `--set`.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { StudyError } from '../../src/base/errors.js';
import { locate } from '../../src/base/issues.js';
import { readYaml } from '../../src/base/yaml.js';
import { applySets, namingSets, parseSet } from '../../src/base/yamlSet.js';
import { studyErrorOf, tempDir, writeFile } from '../helpers/tmp.js';

const dir = tempDir('odc-yamlset-');
const file = writeFile(
  dir,
  'd.yaml',
  [
    '# a design',
    'name: d',
    'orbit: { altitude_km: 600, inclination_deg: sso }  # kept',
    'shells:',
    '  - { name: a, planes: 2 }',
    '  - { name: b, planes: 3 }',
    '',
  ].join('\n'),
);

const altitudeOf = (raw: unknown): unknown => (raw as { orbit: { altitude_km: unknown } }).orbit.altitude_km;

describe('parseSet', () => {
  it.each([
    ['orbit.altitude_km=550', 'orbit.altitude_km', 550],
    ['compute.chip=b200', 'compute.chip', 'b200'],
    ['x.flag=true', 'x.flag', true],
    ['x.list=[1, 2]', 'x.list', [1, 2]],
    ['x.text="600"', 'x.text', '600'],
    ['x.eq=a=b', 'x.eq', 'a=b'], // the first = splits key and value
  ])('%s reads the value as YAML', (text, key, value) => {
    expect(parseSet(text)).toEqual({ text, key, value });
  });

  it.each(['orbit.altitude_km', '=600', 'orbit..altitude_km=600', 'orbit.=1'])(
    '%s is refused with the form to use',
    (text) => {
      const e = studyErrorOf(() => parseSet(text));
      expect(e.code).toBe('BAD_ARGUMENT');
      expect(e.message).toContain('expected key=value');
      expect(e.message).toContain('--set orbit.altitude_km=600');
    },
  );
});

describe('applySets', () => {
  it('sets values in maps and list items, adds new keys and sections, keeps the rest', () => {
    const f = applySets(readYaml(file), [
      'orbit.altitude_km=550',
      'shells.1.planes=4',
      'orbit.ltan_h=6',
      'compute.chip=b200',
    ]);
    expect(f.raw).toEqual({
      name: 'd',
      orbit: { altitude_km: 550, inclination_deg: 'sso', ltan_h: 6 },
      shells: [
        { name: 'a', planes: 2 },
        { name: 'b', planes: 4 },
      ],
      compute: { chip: 'b200' },
    });
    // the edited text parses to the same data, comments kept
    expect(parseDocument(f.text).toJS()).toEqual(f.raw);
    expect(f.text).toContain('# kept');
    // an untouched value keeps its place in the file: line 2, column 7
    expect(locate(f.src, ['name'])).toBe(`${file}:2:7`);
    expect(f.hash).not.toBe(readYaml(file).hash);
  });

  it('a later edit of the same key wins; no edits return the file as read', () => {
    const twice = applySets(readYaml(file), ['orbit.altitude_km=500', 'orbit.altitude_km=700']);
    expect(altitudeOf(twice.raw)).toBe(700);
    const f = readYaml(file);
    expect(applySets(f, [])).toBe(f);
  });

  it('does not change the file it edits', () => {
    const f = readYaml(file);
    applySets(f, ['orbit.altitude_km=550']);
    expect(altitudeOf(f.raw)).toBe(600);
    expect(f.src.doc.toJS().orbit.altitude_km).toBe(600);
  });

  it.each([
    ['orbit.altitude_km.x=1', 'orbit.altitude_km is a value (600), not a section'],
    ['shells.2.planes=1', 'shells is a list of 2: the next part must be an index from 0 to 1'],
    ['shells.a.planes=1', 'shells is a list of 2'],
  ])('%s cannot land: BAD_ARGUMENT naming the edit and why', (set, why) => {
    const e = studyErrorOf(() => applySets(readYaml(file), [set]));
    expect(e.code).toBe('BAD_ARGUMENT');
    expect(e.message).toContain(`--set ${set}: ${why}`);
    expect(e.message).toContain(file);
  });
});

describe('namingSets', () => {
  const fails = (message: string, field?: string) => (): never => {
    throw new StudyError('WRONG_TYPE', message, { file, field });
  };
  const messageOf = async (sets: string[], evaluate: () => never): Promise<string> =>
    namingSets(file, sets, evaluate).then(
      () => 'no error',
      (e: Error) => e.message,
    );

  it('names the edit an error is about, without the file position the edit replaced', async () => {
    expect(await messageOf(['orbit.altitude_km=x'], fails(`${file}:3:23: orbit.altitude_km must be a number`))).toBe(
      `${file}, --set orbit.altitude_km=x: orbit.altitude_km must be a number`,
    );
    // by field (a catalog id's message names the value)
    expect(await messageOf(['compute.chip=b2'], fails(`${file}: names "b2"`, 'compute.chip'))).toBe(
      `${file}, --set compute.chip=b2: names "b2"`,
    );
    // an unknown section of the edited key
    expect(await messageOf(['orbitt.altitude_km=1'], fails(`${file}: unknown key orbitt: did you mean orbit?`))).toBe(
      `${file}, --set orbitt.altitude_km=1: unknown key orbitt: did you mean orbit?`,
    );
  });

  it('leaves an error about another key as it is', async () => {
    const other = `${file}:3:40: orbit.inclination_deg must be a number`;
    expect(await messageOf(['orbit.altitude_km=5'], fails(other))).toBe(other);
    // a key that merely starts with the edited one is another key
    const longer = `${file}: orbit.altitude_km_max must be a number`;
    expect(await messageOf(['orbit.altitude_km=5'], fails(longer))).toBe(longer);
  });
});
