import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  bandOccupants,
  buildOccupancy,
  DEBRIS,
  meanAltitude_km,
  operatorOf,
  OTHER_ACTIVE,
  ROCKET_BODIES,
  shippedOccupancy,
} from '../../../src/constellation/catalogue/occupancy.js';
import { DEFAULT_CATALOGUE_FILES } from '../../../src/constellation/catalogue/catalogue.js';

// WGS-72, the element sets' own constants (Vallado et al., AIAA 2006-6753, table of gravity models), inline on purpose
const MU_WGS72_km3_s2 = 398600.8;
const RE_WGS72_km = 6378.135;

// the snapshot's active group: everything but the fragments of the debris file (its three parent bodies aside)
const active = (b: ReturnType<typeof bandOccupants>) =>
  b.objects - b.byOperator.find((o) => o.operator === DEBRIS)!.objects;
const of = (b: ReturnType<typeof bandOccupants>, op: string) => b.byOperator.find((o) => o.operator === op)!.objects;

/** The snapshot read in the test itself: name and mean altitude from the TLE's mean-motion columns (53–63, rev/day). */
function snapshotByHand(): { name: string; h_km: number }[] {
  return DEFAULT_CATALOGUE_FILES.flatMap((f) => {
    const lines = readFileSync(f, 'utf8')
      .split(/\r?\n/)
      .filter((l) => l.trim() !== '');
    const out: { name: string; h_km: number }[] = [];
    for (let i = 0; i + 2 < lines.length + 1; i += 3) {
      const n_rad_s = (Number(lines[i + 2]!.slice(52, 63)) * 2 * Math.PI) / 86400;
      out.push({ name: lines[i]!, h_km: Math.cbrt(MU_WGS72_km3_s2 / n_rad_s ** 2) - RE_WGS72_km });
    }
    return out;
  });
}

describe('catalogue occupancy', () => {
  it("the shipped snapshot's 540–580 km band holds issue 97's counts", () => {
    // issue 97, measured on the snapshot by mean altitude: 540–580 km holds 1,171 active objects, 882 of them
    // Starlink; 460–500 km, where Starlink lowered most of its fleet, holds 8,706
    const b = bandOccupants(shippedOccupancy(), 540, 580);
    expect(active(b)).toBe(1171);
    expect(of(b, 'Starlink')).toBe(882);
    expect(active(bandOccupants(shippedOccupancy(), 460, 500))).toBe(8706);
  });

  it('every band of the shipped table equals a count of the snapshot files read in the test', () => {
    const objs = snapshotByHand();
    expect(objs).toHaveLength(18718);
    const occ = shippedOccupancy();
    for (let lo = 300; lo < 2000; lo += 50) {
      const b = bandOccupants(occ, lo, lo + 50);
      const mine = objs.filter((o) => o.h_km >= lo && o.h_km < lo + 50);
      const starlink = mine.filter((o) => o.name.startsWith('STARLINK')).length;
      const debris = mine.filter((o) => / DEB/.test(o.name)).length;
      expect(b.objects).toBe(mine.length);
      expect(of(b, 'Starlink')).toBe(starlink);
      expect(of(b, DEBRIS)).toBe(debris);
    }
  });

  it('bins by mean altitude and groups by name', () => {
    expect(operatorOf('STARLINK-1008          ')).toBe('Starlink');
    expect(operatorOf('ONEWEB-0012')).toBe('OneWeb');
    expect(operatorOf('HULIANWANG DIGUI-01')).toBe('Guowang');
    expect(operatorOf('FENGYUN 1C DEB')).toBe(DEBRIS);
    expect(operatorOf('CZ-4B R/B')).toBe(ROCKET_BODIES);
    expect(operatorOf('ISS (ZARYA)')).toBe(OTHER_ACTIVE);
    // 15.5 rev/day → a = (μ/n²)^⅓ = 6,777.9 km with WGS-72 μ: 399.8 km above the WGS-72 radius
    const n_rad_min = (15.5 * 2 * Math.PI) / 1440;
    const a = Math.cbrt(MU_WGS72_km3_s2 / ((15.5 * 2 * Math.PI) / 86400) ** 2);
    expect(meanAltitude_km(n_rad_min)).toBeCloseTo(a - RE_WGS72_km, 6);
    const occ = buildOccupancy(
      [
        { name: 'STARLINK-1', meanAltitude_km: 550.2 },
        { name: 'STARLINK-2', meanAltitude_km: 551.9 },
        { name: 'X DEB', meanAltitude_km: 552 },
        { name: 'Y', meanAltitude_km: 5000 },
      ],
      { min: 500, step: 1, count: 100 },
    );
    // [550, 552) holds the two Starlinks; [552, 553) the fragment; 5,000 km is off the grid
    expect(bandOccupants(occ, 550, 552).objects).toBe(2);
    expect(of(bandOccupants(occ, 552, 553), DEBRIS)).toBe(1);
    expect(bandOccupants(occ, 0, 10_000)).toMatchObject({ low_km: 500, high_km: 600, objects: 3 });
  });
});
