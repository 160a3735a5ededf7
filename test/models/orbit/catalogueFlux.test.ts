/**
 * The approach-flux estimate (src/models/orbit/catalogueFlux.ts): the table builder against a hand-calculated
 * kinetic-gas rate, and the shipped table against the full SGP4 screen of circular shells across 450–1,300 km
 * (test/generate/flux-screens.ts stored its counts in flux-screens.json): within ±30 % wherever the screen counts
 * ≥ 30 events in 7 days.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  approachRate,
  buildFluxTable,
  catalogueApproaches_per_sat_yr,
  FLUX_TABLE_PATH,
  fluxCacheBytes,
  fluxFromCache,
  shippedFluxTable,
  type FluxObject,
  type ShippedFlux,
} from '../../../src/models/orbit/catalogueFlux.js';
import { packageRoot } from '../../../src/base/paths.js';

const MU_km3_s2 = 398_600.8;
const YEAR_s = 365.25 * 86400;

describe('approach flux: the table builder', () => {
  it('an equatorial orbit among polar objects in a uniform shell: N·d²·√2·v/(2π·r²·T) per second', () => {
    // N polar objects spread evenly over a shell of thickness T about r; the design on the equator meets them at
    // right angles (v_rel = √2·v). Their density at the equator: latitude pdf 1/π over a band of area 2πr²·dβ per
    // unit radius, ρ = N/(T·2π²r²); rate = ρ·πd²·√2·v (hand calculation, Kessler 1981 eq. for i = 90°).
    const r = 6378.137 + 550;
    const T = 40;
    const N = 801;
    const d = 5;
    const objects: FluxObject[] = Array.from({ length: N }, (_, k) => ({
      rEff_km: r - T / 2 + (T * (k + 0.5)) / N,
      spread_km: 0,
      inclination_rad: Math.PI / 2,
    }));
    const grid = {
      altitude_km: { min: 540, step: 10, count: 3 },
      inclination_deg: { min: 0, step: 1, count: 2 },
    };
    const t = buildFluxTable(objects, grid, d, (h) => 6378.137 + h, MU_km3_s2);
    const v = Math.sqrt(MU_km3_s2 / r);
    const expected = ((N * d * d * Math.SQRT2 * v) / (2 * Math.PI * r * r * T)) * YEAR_s;
    // the chord kernel summed on 0.5 km radial bins: within 1 % of its integral πd²
    expect(Math.abs(approachRate(t, 550, 0) / expected - 1)).toBeLessThan(0.01);
  });

  it('co-planar, co-rotating objects at one radius never pass: zero rate', () => {
    const objects: FluxObject[] = [{ rEff_km: 6928.137, spread_km: 0, inclination_rad: 0 }];
    const grid = { altitude_km: { min: 540, step: 10, count: 3 }, inclination_deg: { min: 0, step: 1, count: 2 } };
    const t = buildFluxTable(objects, grid, 5, (h) => 6378.137 + h, MU_km3_s2);
    expect(approachRate(t, 550, 0)).toBe(0);
  });
});

interface ScreenCase {
  altitude_km: number;
  inclination_deg: number;
  satellites: number;
  events: number;
  perSatYr: number;
}

describe('approach flux: the shipped table against the full screen (7 days, < 5 km)', () => {
  const stored = JSON.parse(readFileSync(join(import.meta.dirname, 'flux-screens.json'), 'utf8')) as {
    start: string;
    results: ScreenCase[];
  };
  it('the table is built from the screen’s catalogue at the same start', () => {
    expect(shippedFluxTable().start).toBe(stored.start);
  });
  const counted = stored.results.filter((c) => c.events >= 30);
  it('covers 450–1,300 km with at least six shells of ≥ 30 events', () => {
    expect(counted.length).toBeGreaterThanOrEqual(6);
    expect(Math.min(...counted.map((c) => c.altitude_km))).toBeLessThanOrEqual(480);
    expect(Math.max(...counted.map((c) => c.altitude_km))).toBeGreaterThanOrEqual(1200);
  });
  for (const c of counted)
    it(`${c.altitude_km} km, ${c.inclination_deg}°: within ±30 % of the screen's ${c.perSatYr} per satellite-year`, () => {
      const est = catalogueApproaches_per_sat_yr(c.altitude_km, c.inclination_deg);
      expect(est / c.perSatYr).toBeGreaterThan(0.7);
      expect(est / c.perSatYr).toBeLessThan(1.3);
    });
});

describe('approach flux: the build cache of the shipped table', () => {
  const bytes = readFileSync(join(packageRoot(), FLUX_TABLE_PATH));
  // the oracle: the file's own JSON, parsed here
  const { rate_per_sat_yr: rates, ...fields } = JSON.parse(bytes.toString('utf8')) as Record<string, unknown> & {
    rate_per_sat_yr: number[];
  };
  const expectTheFile = (t: ShippedFlux | undefined) => {
    expect(t).toBeDefined();
    const { rate_per_sat_yr: got, ...rest } = t!;
    expect(rest).toEqual(fields);
    expect(got.length).toBe(rates.length);
    expect(Array.from(got)).toEqual(rates);
  };
  it('gives back every field and every rate of the bytes it was made from', () => {
    expectTheFile(fluxFromCache(fluxCacheBytes(bytes), bytes));
  });
  it("the build's dist/approach-flux-cache.bin is the shipped file's", () => {
    expectTheFile(fluxFromCache(readFileSync(join(packageRoot(), 'dist', 'approach-flux-cache.bin')), bytes));
  });
  it('is not used for other bytes, nor when truncated, padded or absent', () => {
    const cache = fluxCacheBytes(bytes);
    const edited = Uint8Array.from(bytes);
    edited[edited.length - 2] = edited[edited.length - 2] === 0x20 ? 0x0a : 0x20;
    expect(fluxFromCache(cache, edited)).toBeUndefined();
    expect(fluxFromCache(cache.subarray(0, cache.length - 8), bytes)).toBeUndefined();
    expect(fluxFromCache(Uint8Array.from([...cache, 0, 0, 0, 0, 0, 0, 0, 0]), bytes)).toBeUndefined();
    expect(fluxFromCache(cache.subarray(0, 3), bytes)).toBeUndefined();
    expect(fluxFromCache(null, bytes)).toBeUndefined();
  });
  it('is refused at build time for a table that fails validation', () => {
    const bad = new TextEncoder().encode(JSON.stringify({ ...fields, rate_per_sat_yr: rates.slice(1) }));
    expect(() => fluxCacheBytes(bad)).toThrow(/do not fill the grid/);
  });
});
