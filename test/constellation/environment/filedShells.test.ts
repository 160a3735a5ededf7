/**
 * Altitude clearance from other operators' filed shells (FCC authorisations listed in environment.ts), each band 10 km
 * thick: hand values from the filed altitudes (Starlink 525–570 km, Kuiper 590–630 km).
 */
import { describe, expect, it } from 'vitest';
import { filedShellClearance_m, KNOWN_FILED_SHELLS } from '../../../src/constellation/environment/environment.js';

const shell = (altitude_km: number) => ({ name: `s${altitude_km}`, altitude_m: altitude_km * 1e3 });

describe('filed-shell clearance', () => {
  it('is the distance to the nearest filed altitude less half of both 10 km bands', () => {
    // nearest to 545 km: Starlink 540 and 550 km, 5 km away, − 10 km of band
    expect(filedShellClearance_m([shell(545)])).toBeCloseTo(-5e3, 6);
    // 800 km: Kuiper 630 km is nearest, 170 km − 10 km
    expect(filedShellClearance_m([shell(800)])).toBeCloseTo(160e3, 6);
    // 580 km: Starlink 570 and Kuiper 590 both 10 km away: touching bands, clearance 0
    expect(filedShellClearance_m([shell(580)])).toBeCloseTo(0, 6);
  });

  it('takes the worst shell of a constellation, and a stated thickness', () => {
    expect(filedShellClearance_m([shell(800), shell(545)])).toBeCloseTo(-5e3, 6);
    expect(filedShellClearance_m([{ ...shell(800), thickness_m: 40e3 }])).toBeCloseTo(170e3 - 25e3, 6);
  });

  it('every filed row names its FCC authorisation', () => {
    for (const b of KNOWN_FILED_SHELLS) expect(b.source, b.name).toMatch(/^FCC \d{2}-\d{1,3} \(20\d\d\)$/);
  });
});
