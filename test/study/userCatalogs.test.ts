import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateDesignFile } from '../../src/node/evaluator.js';
import { loadStudyProblem } from '../../src/run/problem.js';
import type { DesignRecord } from '../../src/node/record/record.js';
import { tempDir, writeFile, studyErrorOf } from '../helpers/tmp.js';

// A design or study adds or overrides catalog rows (top-level `catalogs:`), validated by the
// catalog's own schema with a required source; a study may take a catalog field as a variable.
const dir = tempDir('odc-usercat-');
const ai1 = readFileSync(new URL('../../designs/ai1.yaml', import.meta.url), 'utf8');
const myRadiator = `
catalogs:
  radiators:
    - id: my-panel
      name: A user's deployable panel
      priceClass: first-unit
      arealDensity_kg_m2: 3.5
      loopDeltaT_K: 15
      coolant: ammonia
      maxTemp_K: 360
      cost_USD_per_m2: 10000
      stowedArea_m2_per_m3: 20
      source: "estimate: vendor quote, basis 2026 proposal"
      year: 2026
  chips:
    - { id: gb300, name: GB300 heavier package, precision: FP4, peakTFLOPS: 15000, chipPower_W: 1400, systemPowerPerChip_W: 1940,
        massPerChip_kg: 20, costPerChip_USD: 60000, tidTolerance_rad: 10000, maxJunctionTemp_K: 360, idlePowerFraction: 0.3, figureKind: peak,
        source: "estimate: user override", year: 2026 }
`;
const design = (name: string, text: string): string => writeFile(dir, `${name}.yaml`, text);
const studyError = studyErrorOf;

describe('user catalog rows in a design file', () => {
  const path = design(
    'own-rows',
    ai1.replace(/thermal: \{ radiator: [a-z-]+/, 'thermal: { radiator: my-panel') + myRadiator,
  );
  const { record } = evaluateDesignFile(path);
  it('a new radiator row is used: 110 m² × 3.5 kg/m² = 385 kg, radiator outlet 360 − 15 = 345 K, no panel: fin 1', () => {
    // the user's gb300 row gives no cold-plate figures: the supply sits at the 360 K junction limit
    expect(record.thermal.radiatorMass_kg).toBeCloseTo(385, 9);
    expect(record.thermal.radiatorOutletTemp_K).toBeCloseTo(345, 9);
    expect(record.thermal.radiatorInletTemp_K).toBeCloseTo(355, 9); // + the 10 K coolant rise
    expect(record.thermal.finEfficiency).toBe(1);
    expect(record.thermal.coolant).toBe('ammonia');
  });
  it('a row whose id matches a shipped one overrides it: 72 GB300 at 20 kg = 1,440 kg of compute', () => {
    expect(record.compute.mass_kg).toBeCloseTo(72 * 20, 9);
  });
  it('a row without a source is refused, naming the file and the field', () => {
    const bad = design(
      'no-source',
      ai1 + myRadiator.replace(/ {6}source: "estimate: vendor quote, basis 2026 proposal"\n/, ''),
    );
    const e = studyError(() => evaluateDesignFile(bad));
    expect(e.message).toMatch(/no-source\.yaml/);
    expect(e.message).toMatch(/catalogs\.radiators\.0\.source is required/);
  });
  it('an out-of-range figure is refused by the row schema (areal density 0.1 kg/m²)', () => {
    const bad = design('thin', ai1 + myRadiator.replace('arealDensity_kg_m2: 3.5', 'arealDensity_kg_m2: 0.1'));
    expect(studyError(() => evaluateDesignFile(bad)).message).toMatch(
      /catalogs\.radiators\.0\.arealDensity_kg_m2: Too small: expected number to be >=0.5/,
    );
  });
  it('an unknown catalog name is refused', () => {
    const bad = design('unknown-catalog', `${ai1}\ncatalogs:\n  radiatorz: []\n`);
    expect(studyError(() => evaluateDesignFile(bad)).message).toMatch(/radiatorz/);
  });
});

describe('chip rows state what their figure is (figureKind, typicalFraction)', () => {
  const gb300 = (extra: string) =>
    `${ai1}\ncatalogs:\n  chips:\n    - { id: gb300, name: GB300, precision: BF16, peakTFLOPS: 2500, chipPower_W: 1400, ` +
    `systemPowerPerChip_W: 1940, massPerChip_kg: 9, costPerChip_USD: 55000, tidTolerance_rad: 20000, maxJunctionTemp_K: 360, idlePowerFraction: 0.3, ` +
    `source: "estimate: test", year: 2026${extra} }\n`;
  it('a chip row without figureKind is refused, naming the field and the kinds', () => {
    const e = studyError(() => evaluateDesignFile(design('no-kind', gb300(''))));
    expect(e.message).toMatch(/no-kind\.yaml:\d+:\d+/);
    expect(e.message).toContain('catalogs.chips.0.figureKind');
    expect(e.message).toMatch(/peak.*typical.*sustained/);
  });
  it('a typical fraction without its source is refused, saying to cite it', () => {
    const e = studyError(() =>
      evaluateDesignFile(design('no-tsrc', gb300(', figureKind: peak, typicalFraction: 0.5'))),
    );
    expect(e.message).toMatch(/no-tsrc\.yaml:\d+:\d+: typicalFraction and typicalFractionSource go together/);
    expect(e.message).toContain('cite where the fraction comes from');
  });
  it('a typical fraction on a typical figure is refused, saying to set figureKind: peak', () => {
    const e = studyError(() =>
      evaluateDesignFile(
        design('typ-typ', gb300(', figureKind: typical, typicalFraction: 0.5, typicalFractionSource: "x"')),
      ),
    );
    expect(e.message).toMatch(/typ-typ\.yaml:\d+:\d+: typicalFraction derates a peak figure/);
    expect(e.message).toContain('set figureKind: peak');
  });
  it('a peak derated to half typical halves the delivered compute, everything else equal (hand: ×0.5)', () => {
    const asStated = evaluateDesignFile(design('peak', gb300(', figureKind: peak'))).record;
    const half = evaluateDesignFile(
      design('half', gb300(', figureKind: peak, typicalFraction: 0.5, typicalFractionSource: "estimate: test"')),
    ).record;
    expect(half.compute.deliveredPFLOPS / asStated.compute.deliveredPFLOPS).toBeCloseTo(0.5, 12);
    expect(half.compute.peakPFLOPS).toBe(asStated.compute.peakPFLOPS);
    expect(half.mass.launch_kg).toBe(asStated.mass.launch_kg);
    expect(half.compute.waterfall.find((w) => w.name === 'typical')?.factor).toBe(0.5);
    expect(half.notes.some((n) => n.includes('derated to 50 % typical'))).toBe(true);
  });
});

describe('a catalog field as a study variable', () => {
  const flagship = readFileSync(new URL('../../designs/flagship-study.yaml', import.meta.url), 'utf8');
  const withVar = (line: string) =>
    writeFile(dir, `v${line.length}.yaml`, flagship.replace('variables:\n', `variables:\n  ${line}\n`));
  it('catalogs.batteries.li-ion-cots.specificEnergy_Wh_per_kg: battery mass ∝ 1 / specific energy', () => {
    const s = loadStudyProblem(withVar('catalogs.batteries.li-ion-cots.specificEnergy_Wh_per_kg: [100, 400]'));
    const v = s.problem.variables;
    expect(v[0]!.name).toBe('catalogs.batteries.li-ion-cots.specificEnergy_Wh_per_kg');
    // the other variables at a fixed point (li-ion-cots is the flagship's battery)
    const rest = [600, 0, 800, 1, 140, 2, 72, 5, 8000, 2];
    const at = (whPerKg: number) => s.record!(Float64Array.from([whPerKg, ...rest])) as DesignRecord;
    const a = at(150);
    const b = at(300);
    expect(a.power.batteryEnergy_Wh).toBeCloseTo(b.power.batteryEnergy_Wh, 6);
    expect(a.power.batteryMass_kg).toBeCloseTo(a.power.batteryEnergy_Wh / 150, 6);
    expect(b.power.batteryMass_kg).toBeCloseTo(b.power.batteryEnergy_Wh / 300, 6);
  });
  it.each([
    [
      'an unknown row',
      'catalogs.batteries.li-ion-le.specificEnergy_Wh_per_kg: [100, 400]',
      /no batteries row 'li-ion-le': did you mean li-ion-leo/,
    ],
    ['a text field', 'catalogs.batteries.li-ion-cots.name: [1, 2]', /not a numeric field/],
    [
      'bounds outside the row range',
      'catalogs.batteries.li-ion-cots.maxDepthOfDischarge: [0.5, 2]',
      /upper bound 2 is outside/,
    ],
    ['a short path', 'catalogs.batteries.specificEnergy_Wh_per_kg: [100, 400]', /catalogs.<catalog>.<row id>.<field>/],
  ])('%s is refused before any evaluation', (_name, line, message) => {
    const e = studyError(() => loadStudyProblem(withVar(line)));
    expect(e.code).toBe('BAD_VARIABLE');
    expect(e.message).toMatch(message);
  });
});
