import { describe, expect, it } from 'vitest';
import { decayIntegral_s_m2_per_kg } from '../../../src/models/drag/atmosphere.js';
import { DEFAULT_END_ALTITUDE_m, solarCycleDecay } from '../../../src/models/drag/decaySolarCycle.js';
import {
  DECAY_TABLE_COLUMNS,
  DECAY_TABLE_MAX_ALTITUDE_m,
  DECAY_TABLE_MAX_RELATIVE_ERROR,
  DECAY_TABLE_MIN_ALTITUDE_m,
  DECAY_TABLE_ROW_STEP_m,
  decodeDecayTable,
  encodeDecayTable,
  worstDecayTableRow,
} from '../../../src/models/drag/decaySolarCycleTable.js';
import { WORST_DECAY_TABLE_BASE64 } from '../../../src/models/drag/decaySolarCycleTable.data.js';
import { integratedWorst } from '../../generate/decay-table.js';

// The oracle is the full integration of decaySolarCycle.ts (`table: false`), itself checked against an independent RK4
// integration and published decay times in dragSolarCycle.test.ts.

const km = (x: number) => x * 1000;
const year_s = 365.25 * 86400;
/** The stored 16-bit values of a base64 table. */
function stored16(base64: string): number[] {
  const b = Buffer.from(base64, 'base64');
  return Array.from({ length: b.length / 2 }, (_, i) => b.readUInt16LE(2 * i));
}
/** Seeded uniform numbers in [0, 1) (Park–Miller): the sample is the same on every run. */
function uniform(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}
const worst = (altitude_m: number, B: number, table: boolean) =>
  solarCycleDecay({ altitude_m, ballisticCoefficient_kg_m2: B, mode: 'worst', table });

/** Largest relative error of the table over `n` points drawn by `draw`, counting those the table covers. */
function tableError(
  n: number,
  draw: () => { altitude_m: number; B: number },
): { max: number; covered: number; at: string } {
  let [max, covered, at] = [0, 0, ''];
  for (let i = 0; i < n; i++) {
    const { altitude_m, B } = draw();
    const t = worst(altitude_m, B, true);
    const oracle = worst(altitude_m, B, false);
    if (!t.tabulated) continue;
    covered++;
    const e = Math.abs(t.decay_yr / oracle.decay_yr - 1);
    if (e > max)
      [max, at] = [
        e,
        `${(altitude_m / 1000).toFixed(1)} km, B ${B.toFixed(2)} kg/m²: ${t.decay_yr} vs ${oracle.decay_yr} yr`,
      ];
  }
  return { max, covered, at };
}

describe('tabulated worst-phase disposal decay against the full integration', () => {
  it(`flagship study box (400–1,500 km, B 2–60 kg/m² around the 3.6–42 kg/m² its designs reach): within ${DECAY_TABLE_MAX_RELATIVE_ERROR}`, () => {
    const r = uniform(33);
    const e = tableError(3000, () => ({ altitude_m: km(400 + 1100 * r()), B: 2 * 30 ** r() }));
    expect(e.covered).toBeGreaterThan(1000); // the rest decays in over 199 yr (or under 0.05 yr) and is integrated
    expect(e.max, e.at).toBeLessThanOrEqual(DECAY_TABLE_MAX_RELATIVE_ERROR);
  });

  it('whole table domain (220–1,500 km, every B the table covers): within the same bound', () => {
    const r = uniform(7);
    const e = tableError(2000, () => {
      const altitude_m = km(220 + 1280 * r());
      const high_s =
        decayIntegral_s_m2_per_kg(altitude_m, 'high') - decayIntegral_s_m2_per_kg(DEFAULT_END_ALTITUDE_m, 'high');
      // u = ln(T_high / 1 yr) from well below the table's first column to its cap
      return { altitude_m, B: (Math.exp(-8 + 13.3 * r()) * year_s) / high_s };
    });
    expect(e.covered).toBeGreaterThan(800);
    expect(e.max, e.at).toBeLessThanOrEqual(DECAY_TABLE_MAX_RELATIVE_ERROR);
  });

  it('outside the table (below 220 km, above 1,500 km, other modes, table: false) the integration runs', () => {
    expect(worst(km(210), 50, true).tabulated).toBe(false);
    expect(worst(km(1600), 0.05, true).tabulated).toBe(false);
    expect(solarCycleDecay({ altitude_m: km(550), ballisticCoefficient_kg_m2: 100, mode: 'mean' }).tabulated).toBe(
      false,
    );
    expect(worst(km(550), 100, false).tabulated).toBe(false);
    const custom = solarCycleDecay({
      altitude_m: km(550),
      ballisticCoefficient_kg_m2: 100,
      mode: 'worst',
      endAltitude_m: km(250),
    });
    expect(custom.tabulated).toBe(false);
    expect(worst(km(550), 100, true).tabulated).toBe(true);
  });

  it('the tabulated decay rises with B at fixed altitude, like the integration', () => {
    let prev = 0;
    for (let B = 3; B <= 60; B *= 1.01) {
      const t = worst(km(620), B, true);
      expect(t.decay_yr).toBeGreaterThan(prev);
      prev = t.decay_yr;
    }
  });

  it('the shipped data is what the generator writes (the 700 km row rebuilt from the integration)', () => {
    const shipped = decodeDecayTable(WORST_DECAY_TABLE_BASE64);
    const stored = stored16(WORST_DECAY_TABLE_BASE64);
    expect(shipped.length % DECAY_TABLE_COLUMNS).toBe(0);
    const rows = (DECAY_TABLE_MAX_ALTITUDE_m - DECAY_TABLE_MIN_ALTITUDE_m) / DECAY_TABLE_ROW_STEP_m + 1;
    const all: Float64Array[] = Array.from({ length: rows }, () => new Float64Array(DECAY_TABLE_COLUMNS));
    for (const h_km of [700]) {
      const i = (km(h_km) - DECAY_TABLE_MIN_ALTITUDE_m) / DECAY_TABLE_ROW_STEP_m;
      all[i] = worstDecayTableRow(km(h_km), integratedWorst);
      const rebuilt = stored16(encodeDecayTable(all));
      const o = i * DECAY_TABLE_COLUMNS;
      expect(rebuilt.slice(o, o + DECAY_TABLE_COLUMNS)).toEqual(stored.slice(o, o + DECAY_TABLE_COLUMNS));
    }
  });
});
