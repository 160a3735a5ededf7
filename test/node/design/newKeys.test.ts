import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { odc } from '../../helpers/cli.js';
import { tempDir, writeFile } from '../../helpers/tmp.js';

// Each design key below refuses a bad value with exit 2 and a message naming the file, the key and the fix.
const dir = tempDir('odc-newkeys-');
const ai1 = readFileSync(new URL('../../../designs/ai1.yaml', import.meta.url), 'utf8');
/** AI1 with one section line replaced by `section: { ...original, key: value }`. */
function withKey(section: string, entry: string): string {
  const line = ai1.split('\n').find((l) => l.startsWith(`${section}: {`));
  const text = line
    ? ai1.replace(line, line.replace(/}\s*(#.*)?$/, `, ${entry} }`))
    : `${ai1}\n${section}: { ${entry} }\n`;
  return writeFile(dir, `${section}-${entry.replace(/\W+/g, '-')}.yaml`, text);
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
