import { describe, expect, it } from 'vitest';
import { writeTle } from '../../../src/constellation/export/exportSatellites.js';
import { qsMagLine, writeQsMag } from '../../../src/constellation/export/skyPack.js';
import { shell, ssoShell } from '../../helpers/shellSpec.js';

const spec = {
  name: 'odc',
  window: { epochIso: '2026-03-20T00:00:00Z' },
  shells: [shell({ name: 'a', planes: 2, satsPerPlane: 3 }), ssoShell({ name: 'b', planes: 1, satsPerPlane: 2 })].map(
    (geometry) => ({ geometry }),
  ),
};
const collect = (write: (sink: (c: string) => void) => void): string => {
  const parts: string[] = [];
  write((c) => parts.push(c));
  return parts.join('');
};

describe('sky pack magnitude file (McCants qs.mag layout)', () => {
  it('writes catalog number, name and standard magnitude in fixed columns 1–5, 6–33, 34–38', () => {
    const line = qsMagLine(100_000, 'odc-a-P0-S0', 0.2154);
    expect(line).toBe('A0000 odc-a-P0-S0                  0.2\n');
    expect(line.slice(0, 5)).toBe('A0000'); // Alpha-5: A = 10, so 100,000
    expect(line.slice(33, 38)).toBe('  0.2');
    expect(qsMagLine(25544, 'ISS (ZARYA)', -1.34).slice(0, 5)).toBe('25544');
    expect(qsMagLine(25544, 'ISS (ZARYA)', -1.34).slice(33, 38)).toBe(' -1.3');
  });

  it('names the satellites the TLE export names, each with its shell model’s standard magnitude', () => {
    const models = [
      { kind: 'lambertian' as const, albedo: 0.2, area_m2: 800 },
      { kind: 'measured' as const, phaseFunction: 'starlink-gen2-mini', area_m2: 710 },
    ];
    const lines = collect((s) => writeQsMag(spec, models, s)).split('\n');
    expect(lines[0]).toMatch(/^odc sky pack odc: standard magnitude at 1000 km and 90 deg phase/);
    expect(lines[0]).toContain('geometric albedo 0.2, area 800 m2');
    expect(lines[0]).toContain('starlink-gen2-mini');
    const rows = lines.slice(1, -2);
    expect(lines.slice(-2)).toEqual(['end', '']);
    // 8 satellites; 0.2 over 800 m² is V 0.2 (hand calculation, sky.test.ts); the Mini over 710 m² at 90° is
    // 8.02973 − 2.5·log10(710/116) = 6.0627 (sky.test.ts)
    expect(rows.map((r) => r.slice(33, 38).trim())).toEqual([...Array(6).fill('0.2'), '6.1', '6.1']);
    const tle = collect((s) => writeTle(spec, s)).split('\n');
    const tleNumbers = rows.map((_, k) => tle[3 * k + 1]!.slice(2, 7));
    expect(rows.map((r) => r.slice(0, 5))).toEqual(tleNumbers);
    expect(rows.map((r) => r.slice(6, 33).trim())).toEqual(rows.map((_, k) => tle[3 * k]!.trim().slice(0, 27)));
  });

  it('refuses past the Alpha-5 numbers before writing anything, naming the limit and the formats without one', () => {
    // 500 × 500 = 250,000 satellites: default base 700,000,000 (no smaller reserved range holds them), past Z9999
    const big = { ...spec, shells: [{ geometry: shell({ name: 'a', planes: 500, satsPerPlane: 500 }) }] };
    const model = [{ kind: 'lambertian' as const, albedo: 0.2, area_m2: 800 }];
    for (const write of [
      (sink: (c: string) => void) => writeQsMag(big, model, sink),
      (sink: (c: string) => void) => writeTle(big, sink),
    ]) {
      const chunks: string[] = [];
      expect(() => write((c) => chunks.push(c))).toThrow(
        /250000 satellites from catalog number 700000000 exceed the TLE limit 339999 \(Alpha-5\); export OMM instead/,
      );
      expect(chunks).toEqual([]);
    }
    // 240,000 satellites from base 100,000 end at Z9999 exactly: written
    const edge = { ...spec, shells: [{ geometry: shell({ name: 'a', planes: 480, satsPerPlane: 500 }) }] };
    const last = collect((s) => writeQsMag(edge, model, s, { catalogBase: 100_000 }))
      .split('\n')
      .slice(-3, -2)[0]!;
    expect(last.slice(0, 5)).toBe('Z9999');
  });
});
