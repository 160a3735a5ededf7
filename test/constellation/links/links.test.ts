import { beforeAll, describe, expect, it } from 'vitest';
import { shellLinks, type ShellLinksParams, type ShellLinksResult } from '../../../src/constellation/links/links.js';
import type { ShellGeometrySpec } from '../../../src/constellation/design/types.js';
import { shell as shellSpec } from '../../helpers/shellSpec.js';
import { EARTH_RADIUS_m } from '../../helpers/constants.js';
import { deg } from '../../helpers/units.js';
import { clusterTerminal, isl100g } from '../../helpers/linkTerminals.js';

const day = { epochIso: '2026-03-20T00:00:00Z', duration_s: 86400, step_s: 60 };
/** One plane of 22, phasing 0, unless overridden. */
const shell = (o: Partial<ShellGeometrySpec>): ShellGeometrySpec =>
  shellSpec({ name: 't', planes: 1, satsPerPlane: 22, phasing: 0, ...o });
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
    expect(x.classes.inPlane.range_m.mean).toBeWithinRelative(chord, 0.003);
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
    expect(x.classes.crossPlane.range_m.max).toBeWithinRelative(max, 0.003);
    expect(x.classes.crossPlane.range_m.min).toBeWithinRelative(min, 0.003);
    expect(x.classes.crossPlane.count).toBe(72 * 22); // 71 plane pairs + the seam
    expect(x.terminalsPerNode).toBe(4);
    expect(x.classes.crossPlane.meanCapacity_bps).toBe(100e9); // always in range, never blocked, no cutoff
    expect(x.classes.crossPlane.range_m.mean).toBeGreaterThan(min);
    expect(x.classes.crossPlane.range_m.mean).toBeLessThan(max);
  });

  it('flags pointing only when the LOS rate exceeds the terminal slew limit', () => {
    expect(x.classes.crossPlane.maxPointingRate_rad_s).toBeGreaterThan(1e-4);
    expect(x.classes.crossPlane.pointingExceeded).toBe(0); // 1 deg/s = 0.0175 rad/s
    const slow = run({ planes: 72 }, { terminal: { ...isl100g, maxSlewRate_deg_s: 0.001 } });
    expect(slow.classes.crossPlane.pointingExceeded).toBe(72 * 22);
    expect(slow.classes.inPlane.pointingExceeded).toBe(0);
    // Never blocked, no cutoff: every sample of every cross-plane link is lost to pointing, none of the in-plane ones.
    expect(slow.classes.crossPlane.pointingLostFraction).toBe(1);
    expect(slow.classes.crossPlane.availability).toBe(0);
    expect(slow.classes.crossPlane.meanCapacity_bps).toBe(0);
    expect(slow.classes.inPlane.pointingLostFraction).toBe(0);
    expect(slow.classes.inPlane.meanCapacity_bps).toBe(x.classes.inPlane.meanCapacity_bps);
    // A link never on needs no terminal: in-plane links only.
    expect(slow.terminalsPerNode).toBe(2);
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
      expect(x.classes.crossPlane.meanCapacity_bps / 100e9).toBeCloseTo(x.classes.crossPlane.availability, 6);
    });
  }
});

describe('Earth blockage, decided at each sample', () => {
  // Cross-plane link of a Walker shell with F = 0: both ends at the same argument of latitude u, radius r, RAANs ΔΩ
  // apart, so cos θ = 1 − (1 − cos ΔΩ)(1 − sin²u·sin²i) and the chord's lowest point is r·cos(θ/2) from the centre. It
  // is below R⊕ + h exactly when cos θ < c₀ = 2((R⊕ + h)/r)² − 1, i.e. |sin u| < √(1 − k)/sin i with
  // k = (1 − c₀)/(1 − cos ΔΩ): blocked for a fraction (2/π)·asin(√(1 − k)/sin i) of each orbit, around the equator.
  // 8 planes (ΔΩ = 45°) at 590 km, 53°: 60 km above the surface at the equator, 404 km at the apex; blocked 21.8 % of
  // the time, so the class is on 78.2 % of the window, not dropped.
  it('8 × 11 at 590 km, 53°, F = 0: cross-plane links off around the equator only, availability 78.2 %', () => {
    const r = EARTH_RADIUS_m + 590e3 + 1e3;
    const c0 = 2 * ((EARTH_RADIUS_m + 100e3) / r) ** 2 - 1;
    const k = (1 - c0) / (1 - Math.cos(45 * deg));
    const blockedFraction = (2 / Math.PI) * Math.asin(Math.sqrt(1 - k) / Math.sin(53 * deg));
    const x = run({ planes: 8, satsPerPlane: 11, altitude_m: 590e3 });
    const cross = x.classes.crossPlane;
    expect(cross.blocked).toBe(88); // every link passes the equator in a day
    expect(Math.abs(cross.availability - (1 - blockedFraction))).toBeLessThan(0.01);
    // While on, the links are ≤ 5,140 km long: the terminal's 100 Gbps cap, so capacity = cap × availability.
    expect(cross.rate_bps.min).toBe(100e9);
    expect(x.classes.crossPlane.meanCapacity_bps / 100e9).toBeCloseTo(cross.availability, 6);
    expect(x.terminalsPerNode).toBe(4); // a link on at some sample needs its terminal
    // The snapshot at sample 0 (every satellite at u = 0 + its slot's phase): the links near the equator are off.
    const snap = x.graph!.edges.filter((e) => e.class === 'crossPlane');
    const off = snap.filter((e) => e.capacity_bps === 0).length;
    expect(off).toBeGreaterThan(0);
    expect(off).toBeLessThan(88);
  });
});

describe('cluster links (Suncatcher-style 81-member formation, 1 km radius, 650 km SSO)', () => {
  const sun = clusterTerminal;
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

describe('edges', () => {
  /**
   * Edges of shellLinks (src/constellation/links/links.ts) on small shells over a 10-minute window (11 samples):
   * refused parameters and their messages, the graph-size limit, terminals counted without a graph, the shell totals
   * as count-weighted sums of the class statistics, classes with no link, and the slew limit's unit conversion.
   * Closed forms as in links.test.ts: an in-plane neighbour chord 2r·sin(π/S), r = R⊕ + h + ~1 km under SGP4.
   */
  const tenMinutes = { epochIso: '2026-03-20T00:00:00Z', duration_s: 600, step_s: 60 };
  const run = (o: Partial<ShellGeometrySpec>, rest: Partial<ShellLinksParams> = {}): ShellLinksResult =>
    shellLinks({ shell: shell(o), window: tenMinutes, topology: 'grid', terminal: isl100g, ...rest });
  const EMPTY = {
    count: 0,
    range_m: { min: 0, mean: 0, max: 0 },
    rate_bps: { min: 0, mean: 0, max: 0 },
    availability: 0,
    blocked: 0,
    pointingLostFraction: 0,
    meanCapacity_bps: 0,
    maxPointingRate_rad_s: 0,
    pointingExceeded: 0,
    minLineOfSightAltitude_m: 0,
    minPeakLineOfSightAltitude_m: 0,
  };

  describe('shellLinks refuses bad parameters, naming them', () => {
    it('planes and slots must be whole numbers ≥ 1', () => {
      const msg = (P: number, S: number) =>
        new RangeError(`planes and satsPerPlane must be whole numbers ≥ 1, got ${P}, ${S}`);
      expect(() => run({ planes: 0 })).toThrow(msg(0, 22));
      expect(() => run({ planes: 1.5 })).toThrow(msg(1.5, 22));
      expect(() => run({ satsPerPlane: 0 })).toThrow(msg(1, 0));
      expect(() => run({ satsPerPlane: 2.5 })).toThrow(msg(1, 2.5));
      // One slot per plane is a shell (no in-plane link), not an error.
      expect(run({ planes: 12, satsPerPlane: 1 }).classes.inPlane.count).toBe(0);
    });

    it('the latitude cutoff must lie in [0, π/2]; both ends are accepted', () => {
      expect(() => run({}, { latitudeCutoff_rad: -0.01 })).toThrow(
        new RangeError('latitudeCutoff_rad must be in [0, π/2], got -0.01'),
      );
      expect(() => run({}, { latitudeCutoff_rad: Math.PI / 2 + 1e-9 })).toThrow(RangeError);
      expect(() => run({}, { latitudeCutoff_rad: NaN })).toThrow(RangeError);
      expect(run({}, { latitudeCutoff_rad: 0 }).classes.inPlane.availability).toBe(1);
      expect(run({}, { latitudeCutoff_rad: Math.PI / 2 }).classes.inPlane.availability).toBe(1);
    });

    it('the grazing height must be ≥ 0 (0 accepted) and the slew limit > 0', () => {
      expect(() => run({}, { grazingHeight_m: -1 })).toThrow(new RangeError('grazingHeight_m must be ≥ 0, got -1'));
      expect(() => run({}, { grazingHeight_m: NaN })).toThrow(RangeError);
      expect(run({}, { grazingHeight_m: 0 }).blockedLinks).toBe(0);
      expect(() => run({}, { terminal: { ...isl100g, maxSlewRate_deg_s: 0 } })).toThrow(
        new RangeError('terminal.maxSlewRate_deg_s must be > 0'),
      );
    });

    it('the snapshot index must be a sample of the window: 0…10 for 11 samples', () => {
      const msg = (k: number) => new RangeError(`snapshotIndex must be a sample index 0…10, got ${k}`);
      expect(() => run({}, { snapshotIndex: 11 })).toThrow(msg(11));
      expect(() => run({}, { snapshotIndex: -1 })).toThrow(msg(-1));
      expect(() => run({}, { snapshotIndex: 2.5 })).toThrow(msg(2.5));
      expect(run({}, { snapshotIndex: 10 }).graph!.sampleIndex).toBe(10);
      expect(run({}).graph!.sampleIndex).toBe(0);
    });
  });

  describe('graph size limit and terminals without a graph', () => {
    it('a graph up to maxGraphNodes satellites inclusive; above it none, terminals from the class degrees', () => {
      const at = run({}, { topology: 'ring', maxGraphNodes: 22 });
      expect(at.graph!.nodes).toBe(22);
      const above = run({}, { topology: 'ring', maxGraphNodes: 21 });
      expect(above.graph).toBeNull();
      expect(above.terminalsPerNode).toBe(2); // a ring: two in-plane neighbours
      // Grid of 12 planes (30° apart) without a graph: 2 in-plane + 2 cross-plane terminals.
      expect(run({ planes: 12 }, { maxGraphNodes: 0 }).terminalsPerNode).toBe(4);
      // The default limit is 2,000 satellites: 2,000 get a graph, 2,020 do not.
      expect(run({ planes: 100, satsPerPlane: 20 }, { topology: 'ring' }).graph).not.toBeNull();
      expect(run({ planes: 101, satsPerPlane: 20 }, { topology: 'ring' }).graph).toBeNull();
    });

    it('a result above the limit holds its nulls as values, no getter keeping the shell alive', () => {
      // Bug caught: the graphs' getters on every result, closing over the shell's tracks and statistics, so that each
      // result a study keeps across evaluations (evaluate.ts memo) holds them (~25 kB a shell in the shipped study).
      const above = run({}, { topology: 'ring', maxGraphNodes: 21 });
      expect(Object.getOwnPropertyDescriptor(above, 'graph')).toEqual({
        value: null,
        writable: true,
        enumerable: true,
        configurable: true,
      });
      expect(Object.getOwnPropertyDescriptor(run({}, { topology: 'ring' }), 'graph')!.get).toBeTypeOf('function');
    });

    it('a blocked class needs no terminal: a ring of 4 (chord 2r·sin 45°, lowest point r·cos 45° < R⊕)', () => {
      expect(r550 * Math.cos(Math.PI / 4)).toBeLessThan(EARTH_RADIUS_m);
      const x = run({ satsPerPlane: 4, planes: 12 }, { maxGraphNodes: 0 });
      // In-plane blocked, cross-plane (RAAN 30° apart: chord ≤ 2r·sin 15°) usable: only the 2 cross terminals.
      expect(x.classes.inPlane.blocked).toBe(4 * 12);
      expect(x.classes.crossPlane.blocked).toBe(0);
      expect(x.terminalsPerNode).toBe(2);
      // The shell's rate statistics leave out the blocked class: its minimum is the cross-plane minimum, not 0.
      expect(x.linkRate_bps.min).toBe(x.classes.crossPlane.rate_bps.min);
      expect(x.linkRate_bps.min).toBeGreaterThan(0);
      const ring = run({ satsPerPlane: 4 }, { topology: 'ring', maxGraphNodes: 0 });
      expect(ring.terminalsPerNode).toBe(0);
    });
  });

  describe('shell totals', () => {
    let grid: ShellLinksResult;
    beforeAll(() => {
      grid = run({ planes: 6, satsPerPlane: 10, phasing: 2, altitude_m: 1200e3 });
    });

    it('links, blocked links and ranges are the count-weighted sums over the classes', () => {
      const { inPlane: a, crossPlane: b } = grid.classes;
      expect([a.count, b.count]).toEqual([60, 60]); // S links per plane; P·S cross-plane links with the seam
      expect(grid.links).toBe(120);
      expect(grid.blockedLinks).toBe(a.blocked + b.blocked);
      expect(grid.linkRange_m.min).toBe(Math.min(a.range_m.min, b.range_m.min));
      expect(grid.linkRange_m.max).toBe(Math.max(a.range_m.max, b.range_m.max));
      expect(grid.linkRange_m.mean).toBeCloseTo((60 * a.range_m.mean + 60 * b.range_m.mean) / 120, 6);
      // In-plane chord at 1,200 km, S = 10: 2r·sin 18°.
      const r = EARTH_RADIUS_m + 1200e3 + 1e3;
      expect(a.range_m.mean).toBeWithinRelative(2 * r * Math.sin(Math.PI / 10), 0.003);
      expect(grid.maxPointingRate_rad_s).toBe(Math.max(a.maxPointingRate_rad_s, b.maxPointingRate_rad_s));
      expect(grid.classes.diagonal).toEqual(EMPTY);
      expect(grid.classes.cluster).toEqual(EMPTY);
    });

    it('the rate statistics weigh each class by the samples its links are up', () => {
      // A 50° cutoff takes cross-plane links down part of the time (53° shell), never the in-plane ones.
      const x = run(
        { planes: 6, satsPerPlane: 10, phasing: 2, altitude_m: 1200e3 },
        { latitudeCutoff_rad: 50 * deg, terminal: { ...isl100g, capacity_Gbps: 1e6 } },
      );
      const { inPlane: a, crossPlane: b } = x.classes;
      expect(a.availability).toBe(1);
      expect(b.availability).toBeGreaterThan(0);
      expect(b.availability).toBeLessThan(1);
      const wa = 60 * a.availability,
        wb = 60 * b.availability;
      expect(x.linkRate_bps.mean / ((wa * a.rate_bps.mean + wb * b.rate_bps.mean) / (wa + wb))).toBeCloseTo(1, 9);
      expect(x.linkRate_bps.min).toBe(Math.min(a.rate_bps.min, b.rate_bps.min));
      expect(x.linkRate_bps.max).toBe(Math.max(a.rate_bps.max, b.rate_bps.max));
      // Uncapped, rate ∝ 1/d²: the class's fastest sample is its shortest range, its slowest its longest.
      expect(a.rate_bps.max / a.rate_bps.min).toBeCloseTo((a.range_m.max / a.range_m.min) ** 2, 6);
      // Time-averaged capacity = mean rate while up × availability.
      expect(b.meanCapacity_bps / (b.rate_bps.mean * b.availability)).toBeCloseTo(1, 9);
    });

    it('nothing usable: rates all 0; no link at all: ranges all 0', () => {
      const blocked = run({ satsPerPlane: 4 }, { topology: 'ring' });
      expect(blocked.linkRate_bps).toEqual({ min: 0, mean: 0, max: 0 });
      expect(blocked.classes.inPlane.rate_bps).toEqual({ min: 0, mean: 0, max: 0 });
      expect(blocked.linkRange_m.mean).toBeWithinRelative(2 * r550 * Math.sin(Math.PI / 4), 0.003);
      const none = run({}, { topology: 'none' });
      expect(none.links).toBe(0);
      expect(none.linkRange_m).toEqual({ min: 0, mean: 0, max: 0 });
      expect(none.classes.inPlane).toEqual(EMPTY);
      expect(none.terminalsPerNode).toBe(0);
    });
  });

  describe('class statistics over representatives that differ (a 10-minute window covers ~38° of each orbit)', () => {
    // Polar shell, 12 planes (ΔΩ = 30°), 22 slots, F = 0: a cross-plane link at argument of latitude u is
    // d = 2r·sin 15°·|cos u| long (both ends at the same u). The 22 representatives start 16.4° apart, so together
    // they cover every u; each alone sees a 38° arc.
    let x: ShellLinksResult;
    beforeAll(() => {
      x = run({ planes: 12, inclination_rad: 90 * deg }, { terminal: { ...isl100g, capacity_Gbps: 1e6 } });
    });
    const dMax = 2 * r550 * Math.sin(15 * deg);

    it('range: the least over every representative (near a pole), the largest (near the equator)', () => {
      const c = x.classes.crossPlane;
      expect(c.range_m.min).toBeLessThan(dMax * Math.cos(80 * deg));
      expect(c.range_m.max).toBeGreaterThan(dMax * Math.cos(10 * deg));
      expect(c.range_m.max).toBeLessThan(dMax * 1.003);
      // The lowest line of sight is the longest chord's: θ/2 = asin(d/2r) ≈ 15°.
      expect(c.minLineOfSightAltitude_m).toBeLessThan(
        r550 * Math.cos(Math.asin(Math.sin(15 * deg) * 0.98)) - EARTH_RADIUS_m,
      );
      expect(c.minLineOfSightAltitude_m).toBeGreaterThan(r550 * Math.cos(15 * deg) - EARTH_RADIUS_m - 20e3);
    });

    it('rate: a minimum below the mean below the maximum (uncapped, rate ∝ 1/d²)', () => {
      const c = x.classes.crossPlane.rate_bps;
      expect(c.min).toBeLessThan(c.mean);
      expect(c.mean).toBeLessThan(c.max);
      expect(c.max / c.min).toBeGreaterThan(10);
    });

    it('a 10° cutoff: some representatives never come up; rates are over those that do', () => {
      const y = run(
        { planes: 12, inclination_rad: 90 * deg },
        { latitudeCutoff_rad: 10 * deg, terminal: { ...isl100g, capacity_Gbps: 1e6 } },
      );
      const c = y.classes.crossPlane;
      // Up only within 10° of the equator: 20° of every 180°, at most a ninth of the time plus the window's edges.
      expect(c.availability).toBeGreaterThan(0);
      expect(c.availability).toBeLessThan(0.25);
      expect(c.blocked).toBe(0);
      expect(c.rate_bps.min).toBeGreaterThan(0);
      // Up links are within 10° of the equator: d ≥ dMax·cos 10°, so the rate spread is at most (1/cos 10°)² ≈ 1.03.
      expect(c.rate_bps.max / c.rate_bps.min).toBeLessThan(1.1);
      expect(y.linkRate_bps.min).toBe(Math.min(c.rate_bps.min, y.classes.inPlane.rate_bps.min));
    });
  });

  describe('slew limit', () => {
    it('a link counts as exceeding the limit exactly when its pointing rate [rad/s] is above the limit in deg/s', () => {
      const base = run({ planes: 6, satsPerPlane: 10, phasing: 2, altitude_m: 1200e3 });
      const w = base.classes.crossPlane.maxPointingRate_rad_s;
      expect(w).toBeGreaterThan(0);
      const w_deg_s = (w * 180) / Math.PI;
      const slow = run(
        { planes: 6, satsPerPlane: 10, phasing: 2, altitude_m: 1200e3 },
        { terminal: { ...isl100g, maxSlewRate_deg_s: w_deg_s * 0.999 } },
      );
      expect(slow.classes.crossPlane.pointingExceeded).toBeGreaterThan(0);
      // Off at the samples above the limit only: some of the window lost, not all of it.
      expect(slow.classes.crossPlane.pointingLostFraction).toBeGreaterThan(0);
      expect(slow.classes.crossPlane.pointingLostFraction).toBeLessThan(1);
      expect(slow.classes.crossPlane.availability).toBeCloseTo(
        base.classes.crossPlane.availability - slow.classes.crossPlane.pointingLostFraction,
        12,
      );
      const fast = run(
        { planes: 6, satsPerPlane: 10, phasing: 2, altitude_m: 1200e3 },
        { terminal: { ...isl100g, maxSlewRate_deg_s: w_deg_s * 1.001 } },
      );
      expect(fast.classes.crossPlane.pointingExceeded).toBe(0);
      expect(fast.classes.crossPlane.availability).toBe(base.classes.crossPlane.availability);
    });
  });

  describe('cluster link range', () => {
    const cluster = {
      pattern: 'cluster' as const,
      planes: 1,
      satsPerPlane: 81,
      clusterRadius_m: 1000,
      altitude_m: 650e3,
      inclination_rad: 98 * deg,
    };
    it("defaults to the terminal's range: 0.25 km lays the lattice links (≤ 218 m), 0.2 km none", () => {
      const t = (range_km: number) => ({ ...isl100g, range_km });
      const lays = run(cluster, { topology: 'cluster', terminal: t(0.25) });
      expect(lays.classes.cluster.count).toBeGreaterThan(81);
      expect(lays.links).toBe(lays.classes.cluster.count);
      // The members move on their relative orbits: neighbours 109–218 m apart (links.test.ts), not on top of each
      // other.
      expect(lays.classes.cluster.range_m.min).toBeGreaterThan(100);
      expect(lays.classes.cluster.range_m.max).toBeLessThan(250);
      expect(run(cluster, { topology: 'cluster', terminal: t(0.2) }).classes.cluster.count).toBe(0);
      // An explicit range overrides the terminal's.
      expect(
        run(cluster, { topology: 'cluster', terminal: t(0.2), clusterLinkRange_m: 250 }).classes.cluster.count,
      ).toBe(lays.classes.cluster.count);
    });
  });
});
