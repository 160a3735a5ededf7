import { describe, expect, it } from 'vitest';
import { StudyError } from '../../src/base/errors.js';
import {
  CONSTELLATION_DEFAULTS,
  DEFAULT_SOBOL_SAMPLES,
  DEFAULT_UNCERTAINTY_SAMPLES,
  SENSITIVITY_METHODS,
} from '../../src/analysis/defaults.js';
import { NODE_DEFAULTS } from '../../src/analysis/model.js';
import { analyzeSensitivityModel } from '../../src/analysis/sensitivity.js';
import { linearStandIn } from './linearStandIn.js';

/**
 * The defaults of odc uncertainty and odc sensitivity (src/analysis/defaults.ts): the three methods the CLI
 * offers (`--method tornado|sobol|all`, README), and smaller sample counts for constellations, whose evaluations
 * take 0.1 s to seconds, than for node designs (milliseconds).
 */
describe('analysis defaults', () => {
  it('--method takes tornado, sobol and all; anything else is a BAD_ARGUMENT naming the three', async () => {
    expect([...SENSITIVITY_METHODS]).toEqual(['tornado', 'sobol', 'all']);
    const bad = analyzeSensitivityModel(linearStandIn(), { designPath: 'unused', method: 'both' as never });
    await expect(bad).rejects.toBeInstanceOf(StudyError);
    await expect(bad).rejects.toMatchObject({
      code: 'BAD_ARGUMENT',
      message: '--method must be one of tornado, sobol, all, got both',
    });
    for (const method of SENSITIVITY_METHODS) {
      const s = await analyzeSensitivityModel(linearStandIn(), { designPath: 'unused', method, samples: 4 });
      expect(s.method).toBe(method);
    }
  });

  it('constellation sample counts are whole, at least 2 and below the node defaults; the reason names --samples', () => {
    const c = CONSTELLATION_DEFAULTS;
    for (const [n, node] of [
      [c.uncertaintySamples, DEFAULT_UNCERTAINTY_SAMPLES],
      [c.sobolSamples, DEFAULT_SOBOL_SAMPLES],
      [c.breakEvenPoints, NODE_DEFAULTS.breakEvenPoints],
    ] as const) {
      expect(Number.isInteger(n) && n >= 2, `${n}`).toBe(true);
      expect(n).toBeLessThan(node);
    }
    expect(c.why).toMatch(/constellation/);
    expect(c.why).toMatch(/--samples/);
    expect([NODE_DEFAULTS.uncertaintySamples, NODE_DEFAULTS.sobolSamples]).toEqual([
      DEFAULT_UNCERTAINTY_SAMPLES,
      DEFAULT_SOBOL_SAMPLES,
    ]);
  });
});
