import { describe, expect, it, beforeAll } from 'vitest';
import { support, supportProblem } from '../../src/study/uncertainInputs.js';
import { loadDesign, type LoadedDesign } from '../../src/analysis/model.js';
import {
  applyInputs,
  inputApplier,
  resolveInput,
  type InputSpec,
  findRow,
  specOf,
  unwrapNumber,
} from '../../src/study/uncertainTargets.js';
import { studyErrorOf, tempDir } from '../helpers/tmp.js';
import { AI1, designFile } from '../analysis/fixtures.js';
import * as z from 'zod';
import { loadCatalogs } from '../../src/catalog/load.js';
import { type NodeDesign } from '../../src/node/design/schema.js';
import { range } from '../../src/node/design/fields.js';

const dir = tempDir('odc-uncertainty-targets-');
const { design, evaluator } = loadDesign(designFile(dir, 'ai1', AI1));
const rows = evaluator.rows;
const at = (path: string): InputSpec => resolveInput({ path, design, rows, where: 'here', file: 'f.yaml' });

describe('uncertain input targets: ranges, units, integers (src/node/design/missionSchemas.ts, src/catalog/schema.ts)', () => {
  it('a design key: the schema validity range 0.5–15 yr of mission.lifetime_yr, its value 5, a message naming it', () => {
    const life = at('mission.lifetime_yr');
    expect([life.domain, life.nominal, life.unit, life.integer]).toEqual([{ lo: 0.5, hi: 15 }, 5, 'yr', false]);
    expect(life.target).toEqual({ kind: 'design', section: 'mission', key: 'lifetime_yr' });
    expect(life.check(15)).toBeUndefined();
    expect(life.check(16)).toBe(
      'mission.lifetime_yr = 16 is not a valid value: mission.lifetime_yr is outside the model validity range 0.5–15 yr ' +
        '(degradation and availability models are fitted for 0.5–15 yr); use a value in that range',
    );
  });

  it('whole-number fields (compute.chips: int 1…100000; a battery cycleLife: int ≤ 1e6) are integer inputs', () => {
    const chips = at('compute.chips');
    expect([chips.integer, chips.domain, chips.nominal]).toEqual([true, { lo: 1, hi: 100000 }, 72]);
    const cycles = at('catalogs.batteries.li-ion-leo.cycleLife');
    expect([cycles.integer, cycles.domain.hi, cycles.nominal]).toEqual([true, 1e6, 30000]);
    expect(cycles.target).toEqual({ kind: 'row', catalog: 'batteries', id: 'li-ion-leo', field: 'cycleLife' });
    expect(at('catalogs.batteries.li-ion-leo.cost_USD_per_Wh').integer).toBe(false);
  });

  it('an optional design key the file leaves out has no nominal value', () => {
    expect(at('economics.launchCost_USD_per_kg').nominal).toBeUndefined();
  });

  it('bad paths are BAD_VARIABLE errors that start with `where`, name the fix and suggest a near name', () => {
    const msg = (path: string) => {
      const e = studyErrorOf(() => at(path));
      expect(e.code, path).toBe('BAD_VARIABLE');
      return e.message;
    };
    expect(msg('catalogs.batteries.li-ion-leo')).toBe(
      'here: a catalog field is catalogs.<catalog>.<row id>.<field>, e.g. catalogs.batteries.li-ion-leo.cost_USD_per_Wh',
    );
    expect(msg('catalogs.batterie.li-ion-leo.cost_USD_per_Wh')).toMatch(
      /^here: unknown catalog 'batterie': did you mean batteries\? \(catalogs: chips, /,
    );
    expect(msg('catalogs.batteries.li-ion-le.cost_USD_per_Wh')).toMatch(
      /^here: no batteries row 'li-ion-le': did you mean li-ion-leo\? \(rows: .*li-ion-leo/,
    );
    expect(msg('catalogs.batteries.li-ion-leo.year')).toMatch(/^here: 'year' is not a numeric field of batteries rows/);
    expect(msg('catalogs.batteries.li-ion-leo.cycleLif')).toMatch(/did you mean cycleLife\?/);
    expect(msg('compute.utilization.x')).toMatch(
      /^here: not a numeric design key: did you mean compute\.utilization\?/,
    );
    expect(msg('compute.chip')).toMatch(/^here: not a numeric design key/); // a string key
    expect(msg('compute')).toMatch(/^here: not a numeric design key/);
  });
});

describe('applyInputs writes into a copy', () => {
  it('two keys of one section, an integer rounded to the nearest whole number, the base left as it was', () => {
    const specs = [at('compute.chips'), at('compute.utilization')];
    const d = applyInputs({ base: design, specs, values: [80.4, 0.6], rows });
    expect([d.compute.chips, d.compute.utilization, d.compute.chip]).toEqual([80, 0.6, 'gb300']);
    expect([design.compute.chips, design.compute.utilization]).toEqual([72, 0.8]);
    expect(applyInputs({ base: design, specs, values: [80.6, NaN], rows }).compute).toMatchObject({
      chips: 81,
      utilization: 0.8,
    });
    expect(applyInputs({ base: design, specs: [at('compute.chips')], values: [], rows }).compute.chips).toBe(72);
  });

  it("two fields of one row: one overriding row with both; a design's own row is replaced in place", () => {
    const specs = [at('catalogs.batteries.li-ion-leo.cost_USD_per_Wh'), at('catalogs.batteries.li-ion-leo.cycleLife')];
    const d = applyInputs({ base: design, specs, values: [99, 1234.4], rows });
    const own = (d.catalogs as { batteries: Record<string, unknown>[] }).batteries;
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ id: 'li-ion-leo', cost_USD_per_Wh: 99, cycleLife: 1234, maxDepthOfDischarge: 0.3 });
    // the design now has its own row: a second application replaces it, no duplicate
    const again = applyInputs({ base: d, specs: [specs[0]!], values: [77], rows });
    const list = (again.catalogs as { batteries: Record<string, unknown>[] }).batteries;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ cost_USD_per_Wh: 77, cycleLife: 1234 });
    expect(own[0]!['cost_USD_per_Wh']).toBe(99); // the earlier copy is untouched
  });

  it("one applier over many value lists: each call's own copies, nothing carried from an earlier call", () => {
    const specs = [
      at('catalogs.batteries.li-ion-leo.cost_USD_per_Wh'),
      at('compute.chips'),
      at('catalogs.batteries.li-ion-leo.cycleLife'),
      at('catalogs.chips.gb300.costPerChip_USD'),
    ];
    const apply = inputApplier(design, specs, rows);
    const first = apply([99, 80.4, 1234.4, 1000]);
    // NaN leaves an input at the base's value, even where the previous call wrote it
    const second = apply([NaN, NaN, 2000, NaN]);
    const own = (d: NodeDesign) => d.catalogs as Record<string, Record<string, unknown>[]>;
    expect(own(first).batteries).toEqual([
      { ...findRow(design, rows, 'batteries', 'li-ion-leo'), cost_USD_per_Wh: 99, cycleLife: 1234 },
    ]);
    expect(own(first).chips).toEqual([{ ...findRow(design, rows, 'chips', 'gb300'), costPerChip_USD: 1000 }]);
    expect(first.compute.chips).toBe(80);
    expect(own(second).batteries).toEqual([{ ...findRow(design, rows, 'batteries', 'li-ion-leo'), cycleLife: 2000 }]);
    expect(own(second).chips).toBeUndefined();
    expect(second.compute).toBe(design.compute);
    expect(own(first).batteries![0]!['cycleLife']).toBe(1234); // the first call's copy is untouched
  });

  it('a constellation target is left to constellationInputs.ts', () => {
    const spec = { ...at('compute.chips'), target: { kind: 'node', section: 'compute', key: 'chips' } } as InputSpec;
    const d = applyInputs({ base: design, specs: [spec], values: [10], rows });
    expect(d).toEqual(design);
  });
});

describe('distribution support against a field range', () => {
  it('support: finite ends, ±∞ for untruncated normal tails, 0 for an untruncated lognormal', () => {
    expect(support({ kind: 'triangular', min: 1, mode: 2, max: 3 })).toEqual({ lo: 1, hi: 3 });
    expect(support({ kind: 'normal', mean: 0, sd: 1 })).toEqual({ lo: -Infinity, hi: Infinity });
    expect(support({ kind: 'normal', mean: 0, sd: 1, min: -1, max: 2 })).toEqual({ lo: -1, hi: 2 });
    expect(support({ kind: 'lognormal', median: 1, gsd: 2 } as never)).toEqual({ lo: 0, hi: Infinity });
    expect(support({ kind: 'lognormal', median: 1, gsd: 2, min: 0.5, max: 4 } as never)).toEqual({ lo: 0.5, hi: 4 });
  });

  it('names the end outside the range; unbounded ends and an untruncated lognormal at 0 are not checked', () => {
    const life = at('mission.lifetime_yr'); // 0.5–15 yr
    expect(supportProblem(life, { kind: 'uniform', min: 1, max: 20 })).toBe(
      "its highest value 20 is outside the field's range (mission.lifetime_yr is outside the model validity range " +
        '0.5–15 yr (degradation and availability models are fitted for 0.5–15 yr); use a value in that range); ' +
        'narrow or truncate the distribution',
    );
    expect(supportProblem(life, { kind: 'uniform', min: 0.1, max: 20 })).toMatch(/^its lowest value 0\.1 is outside/);
    expect(supportProblem(life, { kind: 'uniform', min: 1, max: 15 })).toBeUndefined();
    expect(supportProblem(life, { kind: 'normal', mean: 5, sd: 1 })).toBeUndefined();
    expect(supportProblem(life, { kind: 'lognormal', median: 5, gsd: 1.2 } as never)).toBeUndefined();
    expect(supportProblem(life, { kind: 'lognormal', median: 5, gsd: 1.2, min: 0 } as never)).toMatch(
      /^its lowest value 0 is outside/,
    );
  });
});

describe('edges', () => {
  /**
   * Edge cases of src/study/uncertainTargets.ts: the error of each bad path (code, file, field, a message without a
   * suggestion when no name is near), a design's own row found before the catalogs', ranges read from a schema's
   * checks or its "validity range lo–hi" message, integer formats, and applyInputs on a design with its own rows.
   * Expectations come from the module header, src/node/design/fields.ts `range()` and the shipped catalogs (battery
   * li-ion-leo: cost_USD_per_Wh 150, cycleLife 30000; chip gb300).
   */
  const dir = tempDir('odc-uncertainty-targets-edges-');
  const CATALOGS = 'chips, solarArrays, batteries, radiators, coolants, coatings, islTerminals, launchVehicles';
  const BATTERY_FIELDS =
    'specificEnergy_Wh_per_kg, maxDepthOfDischarge, dischargeEfficiency, cost_USD_per_Wh, cycleLife';

  let ai1: LoadedDesign;
  beforeAll(() => {
    ai1 = loadDesign(designFile(dir, 'ai1', AI1));
  });
  const errorAt = (path: string) =>
    studyErrorOf(() =>
      resolveInput({ path, design: ai1.design, rows: ai1.evaluator.rows, where: 'w', file: 'f.yaml' }),
    );

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
});
