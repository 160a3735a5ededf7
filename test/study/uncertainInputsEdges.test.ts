import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalogs } from '../../src/catalog/schema.js';
import type { NodeDesign } from '../../src/node/design/schema.js';
import {
  checkRowUncertainty,
  rowInput,
  supportProblem,
  uncertainInputs,
  usedRows,
} from '../../src/study/uncertainInputs.js';
import { loadDesign, type LoadedDesign } from '../../src/analysis/model.js';
import { resolveInput } from '../../src/study/uncertainTargets.js';
import { studyErrorOf, tempDir } from '../helpers/tmp.js';
import { AI1, designFile } from '../analysis/fixtures.js';

/**
 * Edge cases of src/study/uncertainInputs.ts called directly on a loaded design (no sample evaluated): which support
 * ends are checked, the rows that are checked, where a message says the problem is, and what a row input carries.
 * Expectations come from the module header and the shipped catalogs (designs/catalogs/batteries.yaml: li-ion-leo
 * cost_USD_per_Wh 150 USD/Wh, triangular 100/150/300; the battery row schema, src/catalog/schema.ts).
 */
const dir = tempDir('odc-uncertainty-inputs-edges-');
const BATTERY_FIELDS = 'specificEnergy_Wh_per_kg, maxDepthOfDischarge, dischargeEfficiency, cost_USD_per_Wh, cycleLife';

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
