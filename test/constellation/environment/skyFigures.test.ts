import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLpSolver } from '../../../solvers/lp/index.js';
import { evaluateConstellationFileWith } from '../../../src/constellation/evaluator.js';
import type { ConstellationRecord } from '../../../src/constellation/record/record.js';
import { isConstellationMetric } from '../../../src/constellation/record/metrics.js';
import { tempDir, writeFile } from '../../helpers/tmp.js';

const dir = tempDir('odc-sky-');
const ai1 = resolve('designs/ai1.yaml');
const lp = await createLpSolver();
const evaluate = (name: string, sky: string): ConstellationRecord =>
  evaluateConstellationFileWith(
    writeFile(
      dir,
      name,
      `name: t\nkind: constellation\nnode: ${ai1}\nshells:\n` +
        '  - { name: dd, altitude_km: 550, inclination_deg: sso, ltan_h: 18, planes: 6, satsPerPlane: 40, pattern: sso-ltan, ltanBand_h: 1 }\n' +
        `ground: { stations: [] }\nsimulation: { duration_h: 1, step_s: 60, snapshots: 1 }\nsky: ${sky}\n`,
    ),
    lp,
  ).record;

describe('the record’s sky section', () => {
  it('names the naked-eye count as a study metric and gives the stated model’s standard magnitude', () => {
    const r = evaluate('lambert.yaml', '{ albedo: 0.2, area_m2: 800 }');
    expect(isConstellationMetric('sky.nakedEyeCount')).toBe(true);
    expect(isConstellationMetric('sky.limitCount')).toBe(true);
    // hand calculation (sky.test.ts): 0.2 over 800 m² at 1,000 km and 90° phase is V = 0.215
    expect(r.sky.standardMagnitude).toBeCloseTo(0.2154, 3);
    expect(r.sky.epochs.map((e) => e.minutesAfterSunset)).toEqual([0, 30, 60, 90]);
    // V < 6 ⊂ V < 7 ⊂ sunlit ⊂ above the horizon, at every time
    for (const e of r.sky.epochs) {
      expect(e.nakedEye).toBeLessThanOrEqual(e.belowLimit);
      expect(e.belowLimit).toBeLessThanOrEqual(e.sunlit);
      expect(e.sunlit).toBeLessThanOrEqual(e.aboveHorizon);
    }
    expect(r.sky.nakedEyeCount).toBe(Math.max(...r.sky.epochs.map((e) => e.nakedEye)));
    // the dawn-dusk shell over a 37° N observer at dusk: some are up and bright
    expect(r.sky.nakedEyeCount).toBeGreaterThan(0);
    const mapped = r.sky.map.reduce((a, c) => a + c.nakedEye, 0);
    const at = r.sky.epochs.find((e) => e.minutesAfterSunset === r.sky.mapMinutesAfterSunset)!;
    expect(mapped).toBe(at.nakedEye);
  });

  it('counts nothing at local midnight: a 550 km shell is all in the shadow over 37° N at the equinox', () => {
    // midnight at the equinox: the anti-Sun axis lies in the equator under the observer's meridian; a satellite at
    // 550 km is lit only where (R + h)·sin φ > R, φ > 67°, beyond the observer's 22.5° visible cap (to 59.5° N).
    // Sunset is at 18:12 UT, local apparent midnight at 00:07 UT: 355 minutes after.
    const r = evaluate(
      'midnight.yaml',
      "{ latitudes_deg: [37], dates: ['2026-03-20'], minutesAfterSunset: [355], area_m2: 5000, albedo: 1 }",
    );
    expect(r.sky.epochs[0]!.sunlit).toBe(0);
    expect(r.sky.nakedEyeCount).toBe(0);
  });

  it('reports the worst evening of every latitude and date, naming observer, date and times', () => {
    const sky = "{ area_m2: 800, latitudes_deg: [0, 52], dates: ['2026-03-20', '2026-06-21'] }";
    const all = evaluate('season.yaml', sky).sky;
    const one = (lat: number, date: string) =>
      evaluate(`one-${lat}-${date}.yaml`, `{ area_m2: 800, latitudes_deg: [${lat}], dates: ['${date}'] }`).sky;
    const singles = [
      { lat: 0, date: '2026-03-20' },
      { lat: 0, date: '2026-06-21' },
      { lat: 52, date: '2026-03-20' },
      { lat: 52, date: '2026-06-21' },
    ].map((e) => ({ ...e, sky: one(e.lat, e.date) }));
    expect(all.evenings).toHaveLength(4);
    const worst = Math.max(...singles.map((e) => e.sky.nakedEyeCount));
    expect(all.nakedEyeCount).toBe(worst);
    const at = singles.find((e) => e.lat === all.latitude_deg && e.date === all.date)!;
    expect(at.sky.nakedEyeCount).toBe(worst);
    expect(all.epochs).toEqual(at.sky.epochs);
    expect(all.sunsetUtc).toBe(at.sky.sunsetUtc);
    // each evening's peak is that evening's own count
    for (const e of singles)
      expect(all.evenings.find((v) => v.latitude_deg === e.lat && v.date === e.date)!.nakedEye).toBe(
        e.sky.nakedEyeCount,
      );
    expect(all.extinction_mag_per_airmass).toBe(0.15);
    expect(all.ltanTime).toBe('mean');
  });

  it('skips an evening whose Sun does not set (70° N at the June solstice)', () => {
    const r = evaluate('polar.yaml', "{ latitudes_deg: [37, 70], dates: ['2026-06-21'] }").sky;
    expect(r.evenings.map((e) => e.latitude_deg)).toEqual([37]);
  });

  it('scales the mitigated model by area: brighter satellites with a larger array never count fewer', () => {
    const small = evaluate('mini-small.yaml', '{ model: starlink-gen2-mini, area_m2: 100 }');
    const large = evaluate('mini-large.yaml', '{ model: starlink-gen2-mini, area_m2: 2000 }');
    // 1,000 km, 90°: 8.02973 (Mallama et al. 2023, Fig. 5 quadratic) − 2.5·log10(2000/116) (3.09145) = 4.93828
    expect(large.sky.standardMagnitude).toBeCloseTo(4.938, 2);
    large.sky.epochs.forEach((e, i) => expect(e.belowLimit).toBeGreaterThanOrEqual(small.sky.epochs[i]!.belowLimit));
    expect(large.sky.limitCount).toBeGreaterThan(small.sky.limitCount);
  });
});
