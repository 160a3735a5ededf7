import { beforeAll, describe, expect, it } from 'vitest';
import { shellLinks, type LinkTerminalRow, type ShellLinksParams } from '../../../src/constellation/links/links.js';
import type { ShellGeometrySpec } from '../../../src/constellation/design/types.js';
import { EARTH_RADIUS_m } from '../../../src/base/constants.js';
import { deg } from '../../helpers/units.js';

// 100 Gbps class terminal (catalog row isl-100g).
const isl100g: LinkTerminalRow = {
  capacity_Gbps: 100,
  range_km: 5000,
  transmitPower_W: 1.5,
  apertureDiameter_m: 0.1,
  wavelength_nm: 1550,
  receiverSensitivity_photonsPerBit: 40,
  maxSlewRate_deg_s: 1,
};
const day = { epochIso: '2026-03-20T00:00:00Z', duration_s: 86400, step_s: 60 };
const shell = (o: Partial<ShellGeometrySpec>): ShellGeometrySpec => ({
  name: 't',
  altitude_m: 550e3,
  inclination_rad: 53 * deg,
  sunSynchronous: false,
  ltan_h: null,
  planes: 1,
  satsPerPlane: 22,
  pattern: 'walker-delta',
  phasing: 0,
  ltanBand_h: 0,
  raan0_rad: 0,
  clusterRadius_m: 0,
  ...o,
});
const run = (o: Partial<ShellGeometrySpec>, rest: Partial<ShellLinksParams> = {}) =>
  shellLinks({ shell: shell(o), window: day, topology: 'grid', terminal: isl100g, ...rest });

// SGP4 reads the two-body mean motion as a Kozai mean motion: the radius comes out ~1 km above
// R⊕ + h (propagate.ts), and its short-period J2 terms move it by a few km over an orbit. Closed forms
// use r = R⊕ + h + 1 km and a 0.3 % tolerance (≈ 20 km on r), which covers both.
const r550 = EARTH_RADIUS_m + 550e3 + 1e3;

describe('in-plane links (ring)', () => {
  it('neighbour range = 2r·sin(π/S) (S = 22 at 550 km: 1,972 km), fixed in LVLH, not blocked', () => {
    const x = run({}, { topology: 'ring' });
    const chord = 2 * r550 * Math.sin(Math.PI / 22);
    expect(x.classes.inPlane.count).toBe(22);
    expect(Math.abs(x.classes.inPlane.range_m.mean / chord - 1)).toBeLessThan(0.003);
    expect(x.classes.inPlane.blocked).toBe(0);
    // LOS lowest point at the chord midpoint: r·cos(π/22) − R⊕ ≈ 480 km, well above the 100 km floor.
    expect(x.classes.inPlane.minLineOfSightAltitude_m / (r550 * Math.cos(Math.PI / 22) - EARTH_RADIUS_m)).toBeCloseTo(
      1,
      1,
    );
    // A circular in-plane neighbour does not move in the LVLH frame.
    expect(x.classes.inPlane.maxPointingRate_rad_s).toBeLessThan(1e-6);
    expect(x.terminalsPerNode).toBe(2);
    expect(x.classes.inPlane.rate_bps.max).toBe(100e9);
  });

  it('a ring of 4 at 550 km is blocked by the Earth: r·cos(π/4) = 4,900 km < R⊕', () => {
    expect(r550 * Math.cos(Math.PI / 4)).toBeLessThan(EARTH_RADIUS_m);
    const x = run({ satsPerPlane: 4 }, { topology: 'ring' });
    expect(x.blockedLinks).toBe(4);
    expect(x.classes.inPlane.availability).toBe(0);
    expect(x.classes.inPlane.meanCapacity_bps).toBe(0);
    expect(x.terminalsPerNode).toBe(0);
    expect(x.graph!.edges.every((e) => e.capacity_bps === 0)).toBe(true);
  });
});

describe('cross-plane links of a Walker 53° shell (72 × 22, F = 0)', () => {
  // Two circular orbits of radius r, RAANs 0 and ΔΩ, inclination i, both at argument of latitude u:
  //   r̂_A·r̂_B = cosΔΩ·(cos²u + sin²u·cos²i) + sin²u·sin²i
  // u = 0 (equator crossing): r̂_A·r̂_B = cosΔΩ            → chord 2r·sin(ΔΩ/2)        (maximum)
  // u = 90° (apex):           1 − r̂_A·r̂_B = (1−cosΔΩ)·cos²i → chord 2r·sin(ΔΩ/2)·cos i (minimum)
  // ΔΩ = 5°: max 604.5 km, min 363.8 km. J2 regresses both nodes alike, so ΔΩ stays 5°.
  // Made in beforeAll, not the describe body: a mutation run activates its mutant after collection.
  let x: ReturnType<typeof run>;
  beforeAll(() => {
    x = run({ planes: 72 });
  });
  const dOmega = (2 * Math.PI) / 72;
  const max = 2 * r550 * Math.sin(dOmega / 2),
    min = max * Math.cos(53 * deg);

  it('oscillates between 2r·sin(ΔΩ/2)·cos i at the apex and 2r·sin(ΔΩ/2) at the equator', () => {
    expect(Math.abs(x.classes.crossPlane.range_m.max / max - 1)).toBeLessThan(0.003);
    expect(Math.abs(x.classes.crossPlane.range_m.min / min - 1)).toBeLessThan(0.003);
    expect(x.classes.crossPlane.count).toBe(72 * 22); // 71 plane pairs + the seam
    expect(x.terminalsPerNode).toBe(4);
    expect(x.torus.capCross_bps).toBe(100e9); // always in range, never blocked, no cutoff
    expect(x.torus.crossPlaneMeanLength_m).toBeGreaterThan(min);
    expect(x.torus.crossPlaneMeanLength_m).toBeLessThan(max);
  });

  it('flags pointing only when the LOS rate exceeds the terminal slew limit', () => {
    expect(x.classes.crossPlane.maxPointingRate_rad_s).toBeGreaterThan(1e-4);
    expect(x.classes.crossPlane.pointingExceeded).toBe(0); // 1 deg/s = 0.0175 rad/s
    const slow = run({ planes: 72 }, { terminal: { ...isl100g, maxSlewRate_deg_s: 0.001 } });
    expect(slow.classes.crossPlane.pointingExceeded).toBe(72 * 22);
    expect(slow.classes.inPlane.pointingExceeded).toBe(0);
  });

  it('sampling a few representatives per class gives the same statistics (Walker symmetry)', () => {
    const few = run({ planes: 72 }, { maxRepresentativesPerClass: 3 });
    expect(few.classes.crossPlane.range_m.mean / x.classes.crossPlane.range_m.mean).toBeCloseTo(1, 3);
    expect(few.classes.crossPlane.count).toBe(x.classes.crossPlane.count);
  });
});

describe('latitude cutoff', () => {
  // Circular orbit: sin(lat) = sin i · sin u, u uniform in time. |lat| > φ ⇔ |sin u| > sin φ / sin i, so the
  // fraction of an orbit above the cutoff is 1 − (2/π)·asin(sin φ / sin i) (0 if φ ≥ i); polar: 1 − 2φ/π.
  // With F = 0 both ends of a cross-plane link share u, hence latitude: availability = 1 − that fraction.
  const above = (i: number, phi: number) => 1 - (2 / Math.PI) * Math.asin(Math.sin(phi) / Math.sin(i));
  for (const [i_deg, phi_deg] of [
    [90, 60],
    [70, 50],
  ] as const) {
    it(`i = ${i_deg}°, cutoff ${phi_deg}°: availability = ${(1 - above(i_deg * deg, phi_deg * deg)).toFixed(3)}`, () => {
      const x = run(
        { planes: 18, satsPerPlane: 11, inclination_rad: i_deg * deg },
        { latitudeCutoff_rad: phi_deg * deg },
      );
      expect(x.classes.crossPlane.blocked).toBe(0);
      expect(Math.abs(x.classes.crossPlane.availability - (1 - above(i_deg * deg, phi_deg * deg)))).toBeLessThan(0.01);
      expect(x.classes.inPlane.availability).toBe(1); // in-plane links ignore the cutoff
      expect(x.torus.capCross_bps / 100e9).toBeCloseTo(x.classes.crossPlane.availability, 6);
    });
  }
});

describe('cluster links (Suncatcher-style 81-member formation, 1 km radius, 650 km SSO)', () => {
  const sun: LinkTerminalRow = {
    capacity_Gbps: 9600,
    range_km: 1,
    transmitPower_W: 0.006,
    apertureDiameter_m: 0.1,
    wavelength_nm: 1550,
    receiverSensitivity_photonsPerBit: 1200,
    maxSlewRate_deg_s: 1,
  };
  const cluster = shell({
    pattern: 'cluster',
    planes: 1,
    satsPerPlane: 81,
    clusterRadius_m: 1000,
    altitude_m: 650e3,
    inclination_rad: 98 * deg,
  });

  it('lattice neighbours breathe 109–218 m apart over each orbit (Suncatcher: ~100–200 m), unblocked, at the full 9.6 Tbps', () => {
    // In-plane formation: s = 1000 / (2√21) = 109.1 m, neighbour distance between s and 2s (clusterFormation.ts).
    const x = shellLinks({ shell: cluster, window: day, topology: 'cluster', terminal: sun, clusterLinkRange_m: 250 });
    const c = x.classes.cluster;
    expect(c.count).toBeGreaterThan(81); // hexagonal lattice: up to 6 neighbours each
    expect(c.range_m.min / 109.1).toBeCloseTo(1, 2);
    expect(c.range_m.max / 218.2).toBeCloseTo(1, 2);
    expect(c.blocked).toBe(0);
    expect(c.rate_bps.min).toBe(9.6e12);
    expect(x.terminalsPerNode).toBe(6);
  });

  it('the largest distance over the orbit decides: a 200 m range, above the 109 m minimum but below the 218 m maximum, lays no links', () => {
    const x = shellLinks({ shell: cluster, window: day, topology: 'cluster', terminal: sun, clusterLinkRange_m: 200 });
    expect(x.classes.cluster.count).toBe(0);
  });
});

describe('graph and scale', () => {
  it('small shell: explicit +Grid graph with node = plane·S + slot and the seam shifted by F', () => {
    const x = run(
      { planes: 6, satsPerPlane: 10, phasing: 2, inclination_rad: 53 * deg, altitude_m: 1200e3 },
      { snapshotIndex: 5 },
    );
    const g = x.graph!;
    expect(g.nodes).toBe(60);
    expect(g.sampleIndex).toBe(5);
    expect(g.edges.length).toBe(x.links);
    expect(g.edges.filter((e) => e.class === 'crossPlane' && e.u >= 50).map((e) => [e.u, e.v])).toContainEqual([50, 2]); // (5,0)–(0,0+F)
    expect(x.averagedGraph!.edges.every((e) => e.capacity_bps >= 0 && e.length_m > 0)).toBe(true);
  });

  it('a 10,000-satellite +Grid shell over one day at 60 s: counts by symmetry, no graph', () => {
    const x = run({ planes: 100, satsPerPlane: 100, phasing: 17 });
    expect(x.links).toBe(20000);
    expect(x.graph).toBeNull();
  });

  it('throws RangeError for a topology that does not fit the pattern or a bad snapshot index', () => {
    expect(() => run({}, { topology: 'cluster' })).toThrow(RangeError);
    expect(() => run({}, { snapshotIndex: 99999 })).toThrow(RangeError);
    expect(() => run({}, { latitudeCutoff_rad: 2 })).toThrow(RangeError);
  });
});
