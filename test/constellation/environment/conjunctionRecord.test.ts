/**
 * The conjunction record (conjunctionRecord.ts) from a hand-made screen result: metres to kilometres, shell indices
 * to names, a missing pair (Infinity) as the widest orbit's diameter, and the phasing scan only for the shells
 * closer than the required separation.
 */
import { describe, expect, it } from 'vitest';
import type { ConstellationSpec } from '../../../src/constellation/design/compile.js';
import type { ConjunctionScreenResult } from '../../../src/constellation/environment/conjunction.js';
import { conjunctionRecord } from '../../../src/constellation/environment/conjunctionRecord.js';
import { phasingScan } from '../../../src/constellation/geometry/phasing.js';
import { shell } from '../../helpers/shellSpec.js';
import { EARTH_RADIUS_km } from '../../helpers/constants.js';

const EPOCH = '2026-03-20T00:00:00Z';
const low = shell({ name: 'low', altitude_m: 550e3, planes: 6, satsPerPlane: 8, phasing: 0 });
const high = shell({ name: 'high', altitude_m: 1200e3, planes: 1, satsPerPlane: 1 });

/** The two fields of a constellation spec the record reads (shell geometries and the required separation). */
const spec = (minSeparation_m: number): ConstellationSpec =>
  ({ shells: [{ geometry: low }, { geometry: high }], minSeparation_m }) as unknown as ConstellationSpec;

const screen = (lowMin_m: number, highMin_m: number): ConjunctionScreenResult => ({
  minSeparation_m: Math.min(lowMin_m, highMin_m),
  pairsBelow: 7,
  worst: [
    {
      shellA: 0,
      planeA: 1,
      slotA: 2,
      shellB: 1,
      planeB: null,
      slotB: null,
      separation_m: 12_345,
      time_s: null,
      pairs: 48,
      relativeSpeed_m_s: null,
      encounterDuration_s: null,
      belowThreshold_s: null,
    },
  ],
  shells: [
    {
      minSeparation_m: lowMin_m,
      secularMinSeparation_m: 3_000,
      pairBound_m: 29_000,
      refinedClasses: 12,
      pairsBelow: 7,
      window_s: 5_700,
      steps: 0,
      screeningDistance_m: 25_000,
      candidates: 100,
      symmetry: 'walker-delta',
    },
    {
      minSeparation_m: highMin_m,
      secularMinSeparation_m: highMin_m,
      pairBound_m: 31_000,
      refinedClasses: 0,
      pairsBelow: 0,
      window_s: 6_500,
      steps: 12,
      screeningDistance_m: 20_000,
      candidates: 0,
      symmetry: 'walker-delta',
    },
  ],
});

describe('conjunction record', () => {
  it('converts to km and names the shells of the worst pairs', () => {
    const r = conjunctionRecord(spec(20_000), screen(15_000, Infinity), EPOCH);
    expect(r.minSeparation_km).toBe(15);
    expect(r.required_km).toBe(20);
    expect(r.pairsBelow).toBe(7);
    expect(r.worst).toEqual([
      {
        shellA: 'low',
        planeA: 1,
        slotA: 2,
        shellB: 'high',
        planeB: null,
        slotB: null,
        separation_km: 12.345,
        time_s: null,
        pairs: 48,
        relativeSpeed_m_s: null,
        encounterDuration_s: null,
        belowRequired_s: null,
      },
    ]);
    expect(r.shells.map((s) => [s.shell, s.pairsBelow, s.window_s, s.steps, s.screeningDistance_km])).toEqual([
      ['low', 7, 5_700, 0, 25],
      ['high', 0, 6_500, 12, 20],
    ]);
    // The SGP4 refinement's own fields: secular minimum, pair bound 2E and classes refined, in km where lengths.
    expect(r.shells.map((s) => [s.secularMinSeparation_km, s.pairBound_km, s.refinedClasses])).toEqual([
      [3, 29, 12],
      [2 * (EARTH_RADIUS_km + 1200), 31, 0],
    ]);
    expect(r.method).toContain('SGP4');
  });

  it('a shell with no pair reports the widest orbit diameter: 2 × (6,378.137 + 1,200) km', () => {
    const r = conjunctionRecord(spec(20_000), screen(15_000, Infinity), EPOCH);
    expect(r.shells[1]!.minSeparation_km).toBeCloseTo(2 * (EARTH_RADIUS_km + 1200), 9);
    const none = conjunctionRecord(spec(20_000), screen(Infinity, Infinity), EPOCH);
    expect(none.minSeparation_km).toBeCloseTo(15_156.274, 9);
  });

  it('suggests a phasing only for a shell closer than the required separation (equal is not closer)', () => {
    const failing = conjunctionRecord(spec(20_000), screen(15_000, Infinity), EPOCH);
    const scan = phasingScan({ shell: low, epochIso: EPOCH })!;
    expect(failing.shells[0]!.bestPhasing).toBe(scan.bestPhasing);
    expect(failing.shells[0]!.bestPhasingSeparation_km).toBeCloseTo(scan.bestSeparation_m / 1000, 9);
    // Not the F the shell flies (0) and not 0 by default: the suggestion is the scan's.
    expect(scan.bestPhasing).not.toBe(0);
    expect(failing.shells[1]!.bestPhasing).toBeNull();
    expect(failing.shells[1]!.bestPhasingSeparation_km).toBeNull();
    const atLimit = conjunctionRecord(spec(15_000), screen(15_000, Infinity), EPOCH);
    expect(atLimit.shells[0]!.bestPhasing).toBeNull();
    expect(atLimit.shells[0]!.bestPhasingSeparation_km).toBeNull();
  });
});
