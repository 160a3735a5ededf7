import * as z from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogs } from '../../src/catalog/load.js';
import type { NodeDesign } from '../../src/node/design/schema.js';
import { range } from '../../src/node/design/fields.js';
import { loadDesign, type LoadedDesign } from '../../src/analysis/model.js';
import { applyInputs, findRow, resolveInput, specOf, unwrapNumber } from '../../src/study/uncertainTargets.js';
import { studyErrorOf, tempDir } from '../helpers/tmp.js';
import { AI1, designFile } from '../analysis/fixtures.js';

/**
 * Edge cases of src/study/uncertainTargets.ts: the error of each bad path (code, file, field, a message without a
 * suggestion when no name is near), a design's own row found before the catalogs', ranges read from a schema's
 * checks or its "validity range lo–hi" message, integer formats, and applyInputs on a design with its own rows.
 * Expectations come from the module header, src/node/design/fields.ts `range()` and the shipped catalogs (battery
 * li-ion-leo: cost_USD_per_Wh 150, cycleLife 30000; chip gb300).
 */
const dir = tempDir('odc-uncertainty-targets-edges-');
const CATALOGS = 'chips, solarArrays, batteries, radiators, coolants, coatings, islTerminals, launchVehicles';
const BATTERY_FIELDS = 'specificEnergy_Wh_per_kg, maxDepthOfDischarge, dischargeEfficiency, cost_USD_per_Wh, cycleLife';

let ai1: LoadedDesign;
beforeAll(() => {
  ai1 = loadDesign(designFile(dir, 'ai1', AI1));
});
const errorAt = (path: string) =>
  studyErrorOf(() => resolveInput({ path, design: ai1.design, rows: ai1.evaluator.rows, where: 'w', file: 'f.yaml' }));

describe('resolveInput: errors without a near name, and what they carry', () => {
  it('each error is BAD_VARIABLE with the file and the path as field', () => {
    for (const path of ['catalogs.x', 'catalogs.batteries.li-ion-le.cost_USD_per_Wh', 'compute.chip']) {
      const e = errorAt(path);
      expect([e.code, e.file, e.field], path).toEqual(['BAD_VARIABLE', 'f.yaml', path]);
    }
  });

  it('unknown catalog, unknown row, non-numeric field, unknown key: the full lists, no "did you mean"', () => {
    expect(errorAt('catalogs.qqqqqqqq.x.y').message).toBe(`w: unknown catalog 'qqqqqqqq' (catalogs: ${CATALOGS})`);
    expect(errorAt('catalogs.batteries.qqqqqqqq.cycleLife').message).toBe(
      "w: no batteries row 'qqqqqqqq' (rows: li-ion-leo, li-ion-cots, lto-leo)",
    );
    expect(errorAt('catalogs.batteries.li-ion-leo.qqqqqqqq').message).toBe(
      `w: 'qqqqqqqq' is not a numeric field of batteries rows (fields: ${BATTERY_FIELDS})`,
    );
    expect(errorAt('qqqqqqqq.zzzzzzzz').message).toBe(
      'w: not a numeric design key (numeric design keys such as economics.launchCost_USD_per_kg, ' +
        'compute.utilization, mission.lifetime_yr; catalog fields as catalogs.<catalog>.<row id>.<field>)',
    );
    expect(errorAt('catalogs.batteries.li-ion-leo.cycleLife.x').message).toMatch(/^w: a catalog field is catalogs\./);
  });
});

describe("a design's own row comes before the catalogs' row of the same id", () => {
  it('resolveInput and findRow read the own row even when the rows given are the shipped catalogs', () => {
    const shipped = loadCatalogs();
    const leo = shipped.batteries.find((r) => r.id === 'li-ion-leo')!;
    const design = {
      ...ai1.design,
      catalogs: {
        batteries: [
          { ...leo, cost_USD_per_Wh: 77 },
          { ...leo, id: 'mine', cycleLife: 1234 },
        ],
      },
    } as unknown as NodeDesign;
    const at = (path: string) => resolveInput({ path, design, rows: shipped, where: path });
    expect(at('catalogs.batteries.li-ion-leo.cost_USD_per_Wh').nominal).toBe(77);
    expect(at('catalogs.batteries.mine.cycleLife').nominal).toBe(1234);
    expect(findRow(design, shipped, 'batteries', 'li-ion-cots')?.['id']).toBe('li-ion-cots');
    expect(findRow(ai1.design, shipped, 'batteries', 'mine')).toBeUndefined();
  });

  it("applyInputs keeps the design's other own rows, in this catalog and in others, and its own rows for a key", () => {
    const shipped = loadCatalogs();
    const leo = shipped.batteries.find((r) => r.id === 'li-ion-leo')!;
    const gb300 = shipped.chips.find((r) => r.id === 'gb300')!;
    const mine = { ...leo, id: 'mine' };
    const design = {
      ...ai1.design,
      catalogs: { batteries: [mine, { ...leo, cycleLife: 20000 }], chips: [gb300] },
    } as unknown as NodeDesign;
    const at = (path: string) => resolveInput({ path, design, rows: shipped, where: path });
    const d = applyInputs({
      base: design,
      specs: [at('catalogs.batteries.li-ion-leo.cost_USD_per_Wh')],
      values: [99],
      rows: shipped,
    });
    const own = d.catalogs as { batteries: Record<string, unknown>[]; chips: Record<string, unknown>[] };
    expect(own.batteries.map((r) => [r['id'], r['cost_USD_per_Wh'], r['cycleLife']])).toEqual([
      ['mine', 150, 30000],
      ['li-ion-leo', 99, 20000],
    ]);
    expect(own.chips.map((r) => r['id'])).toEqual(['gb300']);
    const key = applyInputs({ base: design, specs: [at('compute.utilization')], values: [0.5], rows: shipped });
    expect(key.catalogs).toBe(design.catalogs);
    // a row of a catalog the design has no own rows of: a new list with that row alone
    const chip = applyInputs({
      base: { ...ai1.design, catalogs: { batteries: [mine] } } as unknown as NodeDesign,
      specs: [at('catalogs.chips.gb300.costPerChip_USD')],
      values: [1000],
      rows: shipped,
    });
    const chips = (chip.catalogs as { chips: Record<string, unknown>[] }).chips;
    expect(chips.map((r) => [r['id'], r['costPerChip_USD']])).toEqual([['gb300', 1000]]);
  });
});

describe('ranges and integer formats from a number schema (specOf)', () => {
  const spec = (schema: z.ZodNumber) => specOf('t.x', { kind: 'design', section: 't', key: 'x' }, schema, undefined);

  it('a negative validity range in the message; a max check narrows the range the message gives', () => {
    expect(spec(range('t.x', -5, 300, 'u', 'test')).domain).toEqual({ lo: -5, hi: 300 });
    const loose = z
      .number()
      .max(7)
      .refine((v) => v >= 0, { message: 't.x is outside the model validity range 0–9 u; use a value in that range' });
    expect(spec(loose).domain).toEqual({ lo: 0, hi: 7 });
    expect(spec(z.number()).domain).toEqual({ lo: -Infinity, hi: Infinity });
  });

  it('both zod integer formats (int, int32) are integer inputs; a plain number is not', () => {
    expect([spec(z.int()).integer, spec(z.int32()).integer, spec(z.number()).integer]).toEqual([true, true, false]);
  });

  it('check names the path and the value; a wrapped number schema is unwrapped, a string schema is not a number', () => {
    expect(spec(z.number().max(1)).check(2)).toMatch(/^t\.x = 2 is not a valid value: /);
    const n = z.number();
    expect(unwrapNumber(n.optional().default(1))).toBe(n);
    expect(unwrapNumber(z.string().optional())).toBeUndefined();
    expect(unwrapNumber(undefined)).toBeUndefined();
  });
});
