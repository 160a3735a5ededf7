import { describe, expect, it, beforeAll } from 'vitest';
import { loadCatalogs } from '../../src/catalog/load.js';
import { NODE_CATALOG_KINDS } from '../../src/catalog/overrides.js';
import { StudyError } from '../../src/base/errors.js';
import { parseUncertainValue } from '../../src/statistics/uncertainValue.js';
import {
  support,
  checkRowUncertainty,
  rowInput,
  supportProblem,
  uncertainInputs,
  usedRows,
} from '../../src/study/uncertainInputs.js';
import { loadDesign, sampleModel, type LoadedDesign } from '../../src/analysis/model.js';
import { applyInputs, resolveInput } from '../../src/study/uncertainTargets.js';
import { studyErrorOf, tempDir } from '../helpers/tmp.js';
import { AI1, designFile } from '../analysis/fixtures.js';
import { ai1 } from '../node/ai1.js';
import { type Catalogs } from '../../src/catalog/schema.js';
import { type NodeDesign } from '../../src/node/design/schema.js';

const dir = tempDir('odc-uncertainty-inputs-');
const inputsOf = (lines: readonly string[], name = 'd'): string[] =>
  sampleModel(loadDesign(designFile(dir, name, lines))).inputs.map((x) => x.path);

describe("catalog rows' uncertainty: entries", () => {
  const rows = loadCatalogs();

  it("every shipped distribution has a reason and contains the row's own value (a spread around the estimate)", () => {
    let count = 0;
    for (const kind of NODE_CATALOG_KINDS) {
      for (const row of rows[kind] as readonly { id: string; uncertainty?: Record<string, unknown> }[]) {
        for (const [field, value] of Object.entries(row.uncertainty ?? {})) {
          const parsed = parseUncertainValue({ value, path: field, allowFixed: false });
          if (parsed === 'fixed') throw new Error('rows take no fixed');
          const own = (row as unknown as Record<string, number>)[field]!;
          const { lo, hi } = support(parsed.distribution);
          expect(own, `${kind} ${row.id} ${field}`).toBeGreaterThanOrEqual(lo);
          expect(own, `${kind} ${row.id} ${field}`).toBeLessThanOrEqual(hi);
          expect(parsed.reason?.length ?? 0, `${kind} ${row.id} ${field} has a reason`).toBeGreaterThan(10);
          count++;
        }
      }
    }
    // battery cost, radiator cost, chip mass and cost, ISL terminal mass are among them
    expect(count).toBeGreaterThanOrEqual(20);
    for (const [kind, id, field] of [
      ['batteries', 'li-ion-leo', 'cost_USD_per_Wh'],
      ['radiators', 'deployable-pumped', 'cost_USD_per_m2'],
      ['chips', 'gb300', 'massPerChip_kg'],
      ['chips', 'gb300', 'costPerChip_USD'],
      ['islTerminals', 'dwdm-1t', 'mass_kg'],
    ] as const) {
      expect(
        (rows[kind] as readonly { id: string; uncertainty?: object }[]).find((r) => r.id === id)?.uncertainty,
        `${kind}.${id}`,
      ).toHaveProperty(field);
    }
  });

  it('only the rows a design uses count; no ISL terminal without links; no vehicle price with a per-kg launch price', () => {
    const ai1 = inputsOf(AI1, 'ai1');
    expect(ai1).toContain('catalogs.batteries.li-ion-leo.cost_USD_per_Wh');
    expect(ai1).toContain('catalogs.islTerminals.dwdm-1t.mass_kg');
    expect(ai1).toContain('catalogs.launchVehicles.starship.price_USD');
    expect(ai1.some((p) => p.includes('li-ion-cots') || p.includes('h100') || p.includes('isl-100g'))).toBe(false);
    const noLinks = inputsOf(
      AI1.map((l) => (l.startsWith('isl:') ? 'isl: { topology: none, terminal: dwdm-1t }' : l)),
      'nolinks',
    );
    expect(noLinks.some((p) => p.startsWith('catalogs.islTerminals.'))).toBe(false);
    const perKg = inputsOf([...AI1, 'economics: { launchCost_USD_per_kg: 500 }'], 'perkg');
    expect(perKg).not.toContain('catalogs.launchVehicles.starship.price_USD');
    // the Starship row's only uncertain field is its price (its payload is the Users Guide bound, a published point)
    expect(perKg.some((p) => p.startsWith('catalogs.launchVehicles.'))).toBe(false);
  });

  it("a design's uncertainty: section overrides a row's distribution, adds design keys and switches inputs off with fixed", () => {
    const file = designFile(dir, 'override', [
      ...AI1,
      'uncertainty:',
      '  catalogs.batteries.li-ion-leo.cost_USD_per_Wh: { kind: uniform, min: 50, max: 60 }',
      '  catalogs.chips.gb300.massPerChip_kg: fixed',
      '  compute.utilization: { kind: triangular, min: 0.6, mode: 0.8, max: 0.9, reason: "fleet utilization" }',
    ]);
    const inputs = sampleModel(loadDesign(file)).inputs;
    const battery = inputs.find((x) => x.path === 'catalogs.batteries.li-ion-leo.cost_USD_per_Wh')!;
    expect(battery.distribution).toEqual({ kind: 'uniform', min: 50, max: 60 });
    expect([battery.origin, battery.nominal]).toEqual(['design', 150]);
    expect(inputs.map((x) => x.path)).not.toContain('catalogs.chips.gb300.massPerChip_kg');
    const u = inputs.at(-1)!;
    expect([u.path, u.origin, u.nominal, u.reason, u.unit]).toEqual([
      'compute.utilization',
      'design',
      0.8,
      'fleet utilization',
      '-',
    ]);
  });
});

describe('bad uncertainty: entries are StudyErrors naming the field and the fix', () => {
  const errorOf = (lines: readonly string[]): StudyError =>
    studyErrorOf(() => sampleModel(loadDesign(designFile(dir, 'bad', [...AI1, 'uncertainty:', ...lines]))));

  it('unknown design key (with a suggestion), unused row, non-numeric field, support outside the schema range', () => {
    const typo = errorOf(['  compute.utilisation: { kind: uniform, min: 0.5, max: 0.9 }']);
    expect(typo.message).toMatch(
      /bad\.yaml:\d+:\d+: uncertainty\.compute\.utilisation: not a numeric design key: did you mean compute\.utilization\?/,
    );
    const unused = errorOf(['  catalogs.batteries.li-ion-cots.cost_USD_per_Wh: { kind: uniform, min: 1, max: 3 }']);
    expect(unused.message).toContain("this design does not use batteries row 'li-ion-cots' (it uses 'li-ion-leo'");
    const notNumeric = errorOf(['  catalogs.radiators.deployable-pumped.coolant: { kind: uniform, min: 1, max: 3 }']);
    expect(notNumeric.message).toContain("'coolant' is not a numeric field of radiators rows");
    const range = errorOf(['  compute.utilization: { kind: uniform, min: 0.5, max: 1.5 }']);
    expect(range.code).toBe('OUT_OF_RANGE');
    expect(range.message).toContain("its highest value 1.5 is outside the field's range");
  });

  it('each error names the design file and the uncertainty: field it comes from', () => {
    const file = (name: string) => `${dir}/${name}.yaml`;
    const unused = errorOf(['  catalogs.batteries.li-ion-cots.cost_USD_per_Wh: { kind: uniform, min: 1, max: 3 }']);
    expect([unused.code, unused.file, unused.field]).toEqual([
      'BAD_VARIABLE',
      file('bad'),
      'uncertainty.catalogs.batteries.li-ion-cots.cost_USD_per_Wh',
    ]);
    expect(unused.message).toMatch(
      /^.*bad\.yaml:\d+:\d+: uncertainty\.catalogs\.batteries\.li-ion-cots\.cost_USD_per_Wh: this design does not use/,
    );
    const range = errorOf(['  compute.utilization: { kind: uniform, min: 0.5, max: 1.5 }']);
    expect([range.file, range.field]).toEqual([file('bad'), 'uncertainty.compute.utilization']);
    expect(range.message).toMatch(/^.*bad\.yaml:\d+:\d+: uncertainty\.compute\.utilization: its highest value 1\.5/);
  });

  it('an uncertain per-kg launch price (no fixed one in the file) drops the vehicle price too', () => {
    const paths = inputsOf(
      [...AI1, 'uncertainty:', '  economics.launchCost_USD_per_kg: { kind: uniform, min: 400, max: 600 }'],
      'perkg-u',
    );
    expect(paths).toContain('economics.launchCost_USD_per_kg');
    expect(paths).not.toContain('catalogs.launchVehicles.starship.price_USD');
    expect(paths.some((p) => p.startsWith('catalogs.launchVehicles.'))).toBe(false);
  });
});

describe("a user row's uncertainty: entry (the design's catalogs: section) is checked against the row schema", () => {
  const userRow = (entry: string): string[] => [
    ...AI1.filter((l) => !l.startsWith('power:')),
    'power: { array: rosa-flex, arrayArea_m2: 600, battery: my-battery }',
    'catalogs:',
    '  batteries:',
    '    - { id: my-battery, name: mine, priceClass: first-unit, source: test, year: 2025, specificEnergy_Wh_per_kg: 150,',
    '        maxDepthOfDischarge: 0.3,',
    `        dischargeEfficiency: 0.9, cost_USD_per_Wh: 50, cycleLife: 30000, uncertainty: { ${entry} } }`,
  ];

  it('a misspelt field gets a suggestion; a bad distribution names the field; a valid one becomes an input', () => {
    const typo = studyErrorOf(() =>
      sampleModel(
        loadDesign(designFile(dir, 'user-typo', userRow('cycleLif: { kind: uniform, min: 1000, max: 2000 }'))),
      ),
    );
    expect(typo.message).toMatch(
      /user-typo\.yaml:\d+:\d+: catalogs\.batteries\[0\] \(row 'my-battery'\) uncertainty\.cycleLif: 'cycleLif' is not a numeric field of batteries rows: did you mean cycleLife\?/,
    );
    const swapped = studyErrorOf(() =>
      loadDesign(designFile(dir, 'user-swapped', userRow('cost_USD_per_Wh: { kind: uniform, min: 60, max: 40 }'))),
    );
    expect(swapped.message).toMatch(
      /user-swapped\.yaml:\d+:\d+: uncertainty\.cost_USD_per_Wh\.min 60 > max 40: swap them/,
    );
    const ok = sampleModel(
      loadDesign(designFile(dir, 'user-ok', userRow('cost_USD_per_Wh: { kind: uniform, min: 40, max: 60 }'))),
    ).inputs;
    expect(ok.find((x) => x.path === 'catalogs.batteries.my-battery.cost_USD_per_Wh')?.distribution).toEqual({
      kind: 'uniform',
      min: 40,
      max: 60,
    });
  });
});

describe('applyInputs', () => {
  it('writes a design key and an overriding catalog row into a copy; NaN leaves the nominal value', () => {
    const { design, evaluator } = loadDesign(designFile(dir, 'apply', AI1));
    const rows = evaluator.rows;
    const specs = ['compute.utilization', 'catalogs.batteries.li-ion-leo.cost_USD_per_Wh', 'mission.lifetime_yr'].map(
      (path) => resolveInput({ path, design, rows, where: path }),
    );
    const d = applyInputs({ base: design, specs, values: [0.5, 99, NaN], rows });
    expect(d.compute.utilization).toBe(0.5);
    expect(d.mission.lifetime_yr).toBe(5);
    const row = (d.catalogs as { batteries: { id: string; cost_USD_per_Wh: number; cycleLife: number }[] })
      .batteries[0]!;
    expect([row.id, row.cost_USD_per_Wh, row.cycleLife]).toEqual(['li-ion-leo', 99, 30000]);
    expect([design.compute.utilization, design.catalogs]).toEqual([0.8, undefined]);
    expect(evaluator.evaluate(d).power.batteryEnergy_Wh).toBeGreaterThan(0);
  });
});

describe('edges', () => {
  /**
   * Edge cases of src/study/uncertainInputs.ts called directly on a loaded design (no sample evaluated): which support
   * ends are checked, the rows that are checked, where a message says the problem is, and what a row input carries.
   * Expectations come from the module header and the shipped catalogs (designs/catalogs/batteries.yaml: li-ion-leo
   * cost_USD_per_Wh 150 USD/Wh, triangular 100/150/300; the battery row schema, src/catalog/schema.ts).
   */
  const dir = tempDir('odc-uncertainty-inputs-edges-');
  const BATTERY_FIELDS =
    'specificEnergy_Wh_per_kg, maxDepthOfDischarge, dischargeEfficiency, cost_USD_per_Wh, cycleLife';

  /** The catalogs with `uncertainty` of batteries row `id` replaced (a shipped row made wrong on purpose). */
  function withBatteryUncertainty(rows: Catalogs, id: string, uncertainty: Record<string, unknown>): Catalogs {
    const batteries = rows.batteries.map((r) => (r.id === id ? { ...r, uncertainty } : r));
    return { ...rows, batteries } as Catalogs;
  }

  let ai1: LoadedDesign;
  let noLinks: LoadedDesign;
  beforeAll(() => {
    ai1 = loadDesign(designFile(dir, 'ai1', AI1));
    noLinks = loadDesign(
      designFile(
        dir,
        'nolinks',
        AI1.map((l) => (l.startsWith('isl:') ? 'isl: { topology: none, terminal: dwdm-1t }' : l)),
      ),
    );
  });

  describe('supportProblem: which ends are checked', () => {
    const at = (path: string) => resolveInput({ path, design: ai1.design, rows: ai1.evaluator.rows, where: path });

    it('an untruncated lognormal still has its upper bound checked; only its natural lower end 0 is skipped', () => {
      // mission.lifetime_yr: 0.5–15 yr
      expect(
        supportProblem(at('mission.lifetime_yr'), { kind: 'lognormal', median: 5, gsd: 1.2, max: 20 } as never),
      ).toMatch(/^its highest value 20 is outside the field's range/);
    });

    it('a normal cut at 0 from above has that end checked (the skip of 0 is for untruncated lognormals only)', () => {
      expect(supportProblem(at('mission.lifetime_yr'), { kind: 'normal', mean: -1, sd: 1, max: 0 })).toMatch(
        /^its highest value 0 is outside the field's range/,
      );
      // a field whose range contains 0 takes the same distribution
      expect(
        supportProblem(at('catalogs.batteries.li-ion-leo.cost_USD_per_Wh'), { kind: 'normal', mean: 1, sd: 1, max: 0 }),
      ).toBeUndefined();
    });
  });

  describe("catalog rows' uncertainty: entries are checked in every row, used or not", () => {
    it('a shipped row: the message and the error name the shipped file, the row and the field, with the fields list', () => {
      const rows = withBatteryUncertainty(ai1.evaluator.rows, 'li-ion-leo', {
        cycleLif: { kind: 'uniform', min: 1, max: 2 },
      });
      const e = studyErrorOf(() => checkRowUncertainty({ rows, design: ai1.design }));
      expect([e.code, e.file, e.field]).toEqual([
        'BAD_VARIABLE',
        'designs/catalogs/batteries.yaml',
        'uncertainty.cycleLif',
      ]);
      expect(e.message).toBe(
        "designs/catalogs/batteries.yaml: row 'li-ion-leo': uncertainty.cycleLif: 'cycleLif' is not a numeric field " +
          `of batteries rows: did you mean cycleLife? (fields: ${BATTERY_FIELDS})`,
      );
    });

    it('a row the design does not use is checked too, and a name nothing resembles gets no suggestion', () => {
      const rows = withBatteryUncertainty(ai1.evaluator.rows, 'lto-leo', {
        qqqqqqqq: { kind: 'uniform', min: 1, max: 2 },
      });
      const e = studyErrorOf(() => uncertainInputs({ design: ai1.design, rows, src: ai1.src }));
      expect(e.message).toBe(
        "designs/catalogs/batteries.yaml: row 'lto-leo': uncertainty.qqqqqqqq: 'qqqqqqqq' is not a numeric field of " +
          `batteries rows (fields: ${BATTERY_FIELDS})`,
      );
    });

    it("a row's distribution outside the field's range (cost ≥ 0 USD/Wh) is OUT_OF_RANGE, naming file and field", () => {
      const rows = withBatteryUncertainty(ai1.evaluator.rows, 'li-ion-leo', {
        cost_USD_per_Wh: { kind: 'uniform', min: -5, max: 10 },
      });
      const e = studyErrorOf(() => uncertainInputs({ design: ai1.design, rows, src: ai1.src }));
      expect([e.code, e.file, e.field]).toEqual([
        'OUT_OF_RANGE',
        'designs/catalogs/batteries.yaml',
        'uncertainty.cost_USD_per_Wh',
      ]);
      expect(e.message).toMatch(
        /^designs\/catalogs\/batteries\.yaml: row 'li-ion-leo': uncertainty\.cost_USD_per_Wh: its lowest value -5 is outside/,
      );
    });

    it('a row cannot switch its own field off with fixed (fixed is for the design file)', () => {
      const rows = withBatteryUncertainty(ai1.evaluator.rows, 'li-ion-leo', { cost_USD_per_Wh: 'fixed' });
      const e = studyErrorOf(() => checkRowUncertainty({ rows, design: ai1.design }));
      expect(e.message).toMatch(/uncertainty\.cost_USD_per_Wh/);
    });

    it("a user row's message without a source map is still a StudyError naming the row and the field", () => {
      const own = { ...ai1.evaluator.rows.batteries[0]!, id: 'my-battery', uncertainty: { cycleLif: 1 } };
      const design = { ...ai1.design, catalogs: { batteries: [own] } } as unknown as NodeDesign;
      const rows = { ...ai1.evaluator.rows, batteries: [...ai1.evaluator.rows.batteries, own] } as Catalogs;
      const e = studyErrorOf(() => checkRowUncertainty({ rows, design }));
      expect(e.message).toMatch(/row 'my-battery'.*uncertainty\.cycleLif: 'cycleLif' is not a numeric field/);
    });

    it('a row input carries its origin, reason, distribution and the row value as nominal', () => {
      const x = rowInput(
        ai1.design,
        ai1.evaluator.rows,
        'batteries',
        'li-ion-leo',
        'cost_USD_per_Wh',
        {
          kind: 'triangular',
          min: 100,
          mode: 150,
          max: 300,
          reason: 'a reason',
        },
        ai1.src,
      );
      expect([x.path, x.origin, x.reason, x.nominal, x.distribution]).toEqual([
        'catalogs.batteries.li-ion-leo.cost_USD_per_Wh',
        'catalog',
        'a reason',
        150,
        { kind: 'triangular', min: 100, mode: 150, max: 300 },
      ]);
      const shipped = uncertainInputs({ design: ai1.design, rows: ai1.evaluator.rows, src: ai1.src });
      expect(shipped.find((u) => u.path === 'catalogs.batteries.li-ion-leo.cost_USD_per_Wh')?.origin).toBe('catalog');
    });
  });

  describe("the design's uncertainty: section, called without a source map", () => {
    const withSection = (d: NodeDesign, section: Record<string, unknown>): NodeDesign =>
      ({ ...d, uncertainty: section }) as NodeDesign;

    it('a catalog the design does not use at all: no "(it uses …)" hint; a used catalog names the row to write', () => {
      const terminal = studyErrorOf(() =>
        uncertainInputs({
          design: withSection(noLinks.design, {
            'catalogs.islTerminals.dwdm-1t.mass_kg': { kind: 'uniform', min: 1, max: 2 },
          }),
          rows: noLinks.evaluator.rows,
        }),
      );
      expect([terminal.message, terminal.file, terminal.field]).toEqual([
        "uncertainty.catalogs.islTerminals.dwdm-1t.mass_kg: this design does not use islTerminals row 'dwdm-1t'",
        undefined,
        'uncertainty.catalogs.islTerminals.dwdm-1t.mass_kg',
      ]);
      const battery = studyErrorOf(() =>
        uncertainInputs({
          design: withSection(ai1.design, {
            'catalogs.batteries.lto-leo.cost_USD_per_Wh': { kind: 'uniform', min: 1, max: 2 },
          }),
          rows: ai1.evaluator.rows,
        }),
      );
      expect(battery.message).toBe(
        "uncertainty.catalogs.batteries.lto-leo.cost_USD_per_Wh: this design does not use batteries row 'lto-leo' " +
          "(it uses 'li-ion-leo': write catalogs.batteries.li-ion-leo.cost_USD_per_Wh)",
      );
    });

    it('an out-of-range design key: where is the key alone, no file', () => {
      const e = studyErrorOf(() =>
        uncertainInputs({
          design: withSection(ai1.design, { 'compute.utilization': { kind: 'uniform', min: 0.5, max: 1.5 } }),
          rows: ai1.evaluator.rows,
        }),
      );
      expect([e.code, e.file, e.field]).toEqual(['OUT_OF_RANGE', undefined, 'uncertainty.compute.utilization']);
      expect(e.message).toMatch(/^uncertainty\.compute\.utilization: its highest value 1\.5 is outside/);
    });

    it('fixed removes exactly one input, and every input is an input record', () => {
      const rows = ai1.evaluator.rows;
      const all = uncertainInputs({ design: ai1.design, rows });
      const fixed = uncertainInputs({
        design: withSection(ai1.design, { 'catalogs.batteries.li-ion-leo.cost_USD_per_Wh': 'fixed' }),
        rows,
      });
      expect(fixed).toHaveLength(all.length - 1);
      expect(fixed.every((x) => typeof x === 'object' && typeof x.path === 'string')).toBe(true);
      expect(fixed.map((x) => x.path)).toEqual(
        all.map((x) => x.path).filter((p) => p !== 'catalogs.batteries.li-ion-leo.cost_USD_per_Wh'),
      );
    });

    it('usedRows: the ISL terminal only with links, in the documented order', () => {
      expect(usedRows(ai1.design, ai1.evaluator.rows).map((r) => r.catalog)).toEqual([
        'chips',
        'solarArrays',
        'batteries',
        'radiators',
        'coatings',
        'coolants',
        'islTerminals',
        'launchVehicles',
      ]);
      expect(usedRows(noLinks.design, noLinks.evaluator.rows).map((r) => r.catalog)).not.toContain('islTerminals');
    });
  });
});

describe('model inputs (MODEL_UNCERTAINTY)', () => {
  const rows = loadCatalogs();
  it('every node design samples the AP-8/AE-8 field epoch, uniform 1–3.3 (1: native fields; 3.3: IGRF-2025.5 bound)', () => {
    const x = uncertainInputs({ design: ai1.design, rows }).find((i) => i.path === 'radiation.trappedDoseFactor');
    expect(x?.origin).toBe('model');
    expect(x?.distribution).toEqual({ kind: 'uniform', min: 1, max: 3.3 });
    expect(x?.reason).toMatch(/IGRF-2025\.5/);
  });

  it("a design's `fixed` holds it", () => {
    const design = { ...ai1.design, uncertainty: { 'radiation.trappedDoseFactor': 'fixed' } } as NodeDesign;
    expect(uncertainInputs({ design, rows }).map((i) => i.path)).not.toContain('radiation.trappedDoseFactor');
  });
});
