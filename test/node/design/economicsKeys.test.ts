import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { odc } from '../../helpers/cli.js';
import { tempDir, writeFile } from '../../helpers/tmp.js';

// Every key of economics.trajectories and inference refuses a bad value with exit 2, naming the file, the field and the
// fix.
const dir = tempDir('odc-econkeys-');
const ai1 = readFileSync(new URL('../../../designs/ai1.yaml', import.meta.url), 'utf8');
const econLine = ai1.split('\n').find((l) => l.startsWith('economics: {'))!;
/** AI1 with `economics.trajectories` set to `trajectories` (flow YAML). */
const withTrajectories = (name: string, trajectories: string) =>
  writeFile(
    dir,
    `${name}.yaml`,
    ai1.replace(econLine, econLine.replace(/}\s*(#.*)?$/, `, trajectories: ${trajectories} }`)),
  );
const withInference = (name: string, entry: string) =>
  writeFile(dir, `${name}.yaml`, `${ai1}\ninference: { ${entry} }\n`);

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
    const r = await odc('evaluate', withTrajectories(name, trajectories));
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
    const r = await odc('evaluate', withInference(`inference-${name}`, entry));
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
