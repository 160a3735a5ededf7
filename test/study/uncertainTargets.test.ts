import { describe, expect, it } from 'vitest';
import { support, supportProblem } from '../../src/study/uncertainInputs.js';
import { loadDesign } from '../../src/analysis/model.js';
import { applyInputs, resolveInput, type InputSpec } from '../../src/study/uncertainTargets.js';
import { studyErrorOf, tempDir } from '../helpers/tmp.js';
import { AI1, designFile } from '../analysis/fixtures.js';

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
