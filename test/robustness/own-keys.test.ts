/**
 * Names a file does not hold are read as absent, never as what every JavaScript object inherits: `--set
 * constructor.name=1`, `toString.x`, `__proto__.x`, `orbit.constructor=1` are unknown keys named as such; and a
 * required choice left out of a catalog row (a price class, a chip's precision) gets the field's own "must be stated"
 * text, not "must be one of …, got undefined".
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { defaultCatalogDir } from '../../src/catalog/load.js';
import { odc } from '../helpers/cli.js';
import { tempDir } from '../helpers/tmp.js';

const dir = tempDir('odc-own-keys-');
const AI1 = resolve('designs/ai1.yaml');

describe('--set names only keys of the file', () => {
  it.each([
    'constructor.name=1',
    'toString.x=1',
    '__proto__.x=1',
    'hasOwnProperty=1',
    'orbit.constructor=1',
    'orbit.valueOf.x=2',
  ])('odc evaluate --set %s: exit 2, the key named as unknown', async (set) => {
    const r = await odc('evaluate', AI1, '--set', set);
    expect(r.code, r.err).toBe(2);
    expect(r.out).toBe('');
    const key = set.slice(0, set.indexOf('=')).split('.');
    // the first part that is not a key of the design (a top-level name, or one under orbit)
    const unknown = key[0] === 'orbit' ? `orbit.${key[1]}` : key[0];
    expect(r.err).toContain(`--set ${set}: unknown key ${unknown}`);
    expect(r.err).not.toMatch(/is a value|not a section|\n\s+at /);
    expect(({} as Record<string, unknown>)['x']).toBeUndefined(); // nothing reached Object.prototype
  });
});

describe('a required choice left out of a design’s own catalog row', () => {
  /** ai1.yaml with a `catalogs:` row: a copy of the shipped row `id` of `catalog`, renamed, without `key`. */
  const designWithout = (file: string, catalog: string, id: string, key: string): string => {
    const rows = parse(readFileSync(join(defaultCatalogDir(), file), 'utf8')) as Record<string, unknown>[];
    const row: Record<string, unknown> = { ...rows.find((r) => r['id'] === id)!, id: `my-${id}` };
    delete row[key];
    delete row['uncertainty'];
    const path = join(dir, `without-${key}.yaml`);
    writeFileSync(path, `${readFileSync(AI1, 'utf8')}\n${stringify({ catalogs: { [catalog]: [row] } })}`);
    return path;
  };

  it('a solar-array row without priceClass: the field’s own "must be stated" message', async () => {
    const rows = parse(readFileSync(join(defaultCatalogDir(), 'solar-arrays.yaml'), 'utf8')) as { id: string }[];
    const r = await odc('evaluate', designWithout('solar-arrays.yaml', 'solarArrays', rows[0]!.id, 'priceClass'));
    expect(r.code, r.err).toBe(2);
    expect(r.err).toContain(
      'priceClass must be stated: first-unit (a low-rate price: learning applies), production or market',
    );
    expect(r.err).not.toContain('got undefined');
  });

  it('a chip row without precision: "must be stated" with the choices', async () => {
    const r = await odc('evaluate', designWithout('chips.yaml', 'chips', 'b200', 'precision'));
    expect(r.code, r.err).toBe(2);
    expect(r.err).toMatch(/precision must be stated: the number format peakTFLOPS is quoted at, one of FP4, FP8/);
    expect(r.err).not.toContain('got undefined');
  });
});
