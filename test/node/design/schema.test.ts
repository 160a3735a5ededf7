/**
 * The design schema (src/node/design/schema.ts and its section schemas) refuses a bad value of any key with exit 2 and
 * a message naming the file, the key and the fix: the keys of issue 8, every key of economics.trajectories and
 * inference, and a chip row's memory fields.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { odc } from '../../helpers/cli.js';
import { tempDir, writeFile } from '../../helpers/tmp.js';

const dir = tempDir('odc-design-keys-');
const ai1 = readFileSync(new URL('../../../designs/ai1.yaml', import.meta.url), 'utf8');
/**
 * AI1 with one section line replaced by `section: { ...original, key: value }`, or the section added when AI1 has no
 * such line; written as `name`.yaml (by default named after the section and entry).
 */
function withKey(section: string, entry: string, name = `${section}-${entry.replace(/\W+/g, '-')}`): string {
  const line = ai1.split('\n').find((l) => l.startsWith(`${section}: {`));
  const text = line
    ? ai1.replace(line, line.replace(/}\s*(#.*)?$/, `, ${entry} }`))
    : `${ai1}\n${section}: { ${entry} }\n`;
  return writeFile(dir, `${name}.yaml`, text);
}

describe('bad values of the issue-8 design keys exit 2 with a clear message', () => {
  it.each([
    ['thermal', 'radiatorTemp_K: 700', /thermal.radiatorTemp_K is outside the model validity range 150–600 K/],
    ['thermal', 'coolant: glycol', /thermal.coolant names "glycol", which is not in designs\/catalogs\/coolants.yaml/],
    ['thermal', 'loopDeltaT_K: -5', /thermal.loopDeltaT_K is outside the model validity range 0–80 K/],
    ['thermal', 'junctionToCoolant_K_per_W: 2', /thermal.junctionToCoolant_K_per_W is outside/],
    ['thermal', 'pumpEfficiency: 0', /thermal.pumpEfficiency is outside/],
    ['thermal', 'finEfficiency: 1.5', /thermal.finEfficiency is outside/],
    ['thermal', 'radiatingFaces: 3', /thermal.radiatingFaces must be 1 or 2/],
    ['thermal', 'earthViewFactors: [0.3, 1.2]', /thermal.earthViewFactors\[1\] is outside/],
    ['thermal', 'rejects: everything', /thermal.rejects/],
    ['thermal', 'coldCaseControl: valve', /thermal.coldCaseControl/],
    ['power', 'sizing: mol', /power.sizing/],
    ['power', 'pathEfficiencyDaylight: 1.2', /power.pathEfficiencyDaylight is outside/],
    ['power', 'sunIncidence_deg: 95', /power.sunIncidence_deg is outside/],
    ['power', 'irradianceCase: perihelion', /power.irradianceCase/],
    ['compute', 'precision: FP12', /compute.precision/],
    ['compute', 'sparsity: 4:8', /compute.sparsity/],
    ['mass', 'propellantTankFraction: 1.5', /mass.propellantTankFraction is outside/],
    ['drag', 'disposalSolarCycle: cycle-best', /drag.disposalSolarCycle/],
    ['drag', 'disposalAttitude: spinning', /drag.disposalAttitude/],
    ['compute', 'sustainedFraction: 0', /compute.sustainedFraction is outside/],
    ['compute', 'bytesOutPerFlop: -1', /compute.bytesOutPerFlop is outside/],
    ['economics', 'discountRate_per_yr: 0.9', /economics.discountRate_per_yr is outside/],
    ['economics', 'units: 0', /economics.units/],
    ['economics', 'learningRate: 0.3', /economics.learningRate is outside/],
    ['economics', 'horizon_yr: 100', /economics.horizon_yr is outside/],
    [
      'economics',
      'baseline: hyperscale-virgina',
      /economics.baseline: unknown terrestrial-baselines id 'hyperscale-virgina' \(did you mean 'hyperscale-virginia'\?\)/,
    ],
  ])('%s.%s', async (section, entry, message) => {
    const r = await odc('evaluate', withKey(section, entry));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toMatch(/\.yaml:\d+/);
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe('bad economics.trajectories and inference values exit 2 with a clear message', () => {
  it.each([
    [
      'years-out-of-order',
      '{ launchPrice_USD_per_kg: [{ year: 2035, value: 200 }, { year: 2030, value: 900 }] }',
      /economics\.trajectories\.launchPrice_USD_per_kg years out of order: 2030 \(point 1\) after 2035: list the points in increasing year order/,
    ],
    [
      'negative-price',
      '{ electricity_USD_per_kWh: [{ year: 2026, value: -0.05 }] }',
      /economics\.trajectories\.electricity_USD_per_kWh point 0 \(year 2026\) has value -0\.05: prices and performance must be > 0/,
    ],
    [
      'empty-range',
      '{ fromYear: 2040, toYear: 2030 }',
      /the parity search range 2040–2030 is empty: set fromYear before toYear/,
    ],
    ['same-year-range', '{ fromYear: 2030, toYear: 2030 }', /the parity search range 2030–2030 is empty/],
    [
      'no-points',
      '{ radiatorPrice_USD_per_m2: [] }',
      /economics\.trajectories\.radiatorPrice_USD_per_m2 has no points: give at least one \{ year, value \}/,
    ],
    [
      'fractional-year',
      '{ referenceYear: 2026.5 }',
      /economics\.trajectories\.referenceYear must be of type int, got 2026\.5/,
    ],
    [
      'year-out-of-range',
      '{ arrayPrice_USD_per_W: [{ year: 3000, value: 5 }] }',
      /economics\.trajectories\.arrayPrice_USD_per_W\[\]\.year must be from 1950 to 2100/,
    ],
    ['unknown-trajectory', '{ launchPrice_USD_kg: [{ year: 2030, value: 5 }] }', /launchPrice_USD_kg/],
  ])('economics.trajectories: %s', async (name, trajectories, message) => {
    const r = await odc('evaluate', withKey('economics', `trajectories: ${trajectories}`, name));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toMatch(/\.yaml:\d+/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it.each([
    [
      'params',
      'modelParameters: 10',
      /inference\.modelParameters is outside the model validity range 100000000–10000000000000 parameters/,
    ],
    ['batch', 'batchSize: 0', /inference\.batchSize must be at least 1/],
    ['efficiency', 'memoryEfficiency: 1.5', /inference\.memoryEfficiency is outside the model validity range 0\.01–1/],
    ['precision', 'weightPrecision: FP12', /inference\.weightPrecision/],
    ['kv', 'kvCacheBytesPerToken: -1', /inference\.kvCacheBytesPerToken is outside/],
  ])('inference: %s', async (name, entry, message) => {
    const r = await odc('evaluate', withKey('inference', entry, `inference-${name}`));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toMatch(/\.yaml:\d+/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('a chip row with memory bandwidth but no capacity is refused, naming the fix', async () => {
    const text =
      `${ai1}\ncatalogs:\n  chips:\n    - { id: my-chip, name: Mine, precision: BF16, peakTFLOPS: 1000, chipPower_W: 700, systemPowerPerChip_W: 1200, ` +
      'massPerChip_kg: 10, costPerChip_USD: 30000, tidTolerance_rad: 20000, maxJunctionTemp_K: 360, idlePowerFraction: 0.25, figureKind: peak, ' +
      'memoryBandwidth_TB_per_s: 3, memorySource: datasheet, source: estimate, year: 2026 }\n';
    const r = await odc('evaluate', writeFile(dir, 'chip-memory.yaml', text));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/memoryBandwidth_TB_per_s and memoryCapacity_GB go together/);
  });
});
