import { describe, expect, it } from 'vitest';

import { createLpSolver } from '../../../../solvers/lp/index.js';
import {
  cylinderSeries,
  DUAL_REGIME,
  orbitMeans,
  type CylinderSeriesParams,
} from '../../../../src/constellation/network/cylinder/shellNetworkCylinder.js';
import { cylinderThroughput } from '../../../../src/constellation/network/cylinder/cylinder.js';
import { cylinderDualBound } from '../../../../src/constellation/network/cylinder/cylinderDual.js';
import { createRng } from '../../../../src/base/rng.js';
import { torusInstantCapacities } from '../../../../src/constellation/network/torus/torusInstant.js';
import { deg } from '../../../helpers/units.js';
import { bandFullLp, bandTracks, randomBandOrbit, rangeRate as rate, SERIES_LINKS } from '../bandShell.js';

const lp = await createLpSolver();

function params(P: number, S: number, over: Partial<CylinderSeriesParams> = {}): CylinderSeriesParams {
  const u0s = [0.1, 0.5, 1.3];
  return {
    planes: P,
    satsPerPlane: S,
    phasing: 1,
    tracks: bandTracks(P, S, 4 * deg, 97.6 * deg, u0s),
    instants: [0, 1, 2],
    ...SERIES_LINKS,
    ...over,
  };
}

/** The full LP on the instant's own link graph (no seam link), and the instant's capacities. */
function instantFullLp(p: CylinderSeriesParams, j: number) {
  const c = torusInstantCapacities({ ...p, sampleIndex: j, seam: false });
  return { full: bandFullLp(p.planes, p.satsPerPlane, c.inPlane_bps, c.cross_bps, lp), c };
}

describe('cylinderSeries: a band at each instant against the full LP on its instant graph', () => {
  // Sun-synchronous inclination, 70° and 75° cutoffs: 16–29 % of the cross-plane links off (polar), each gap's links
  // differ. The upper bound is stated; the reported rate is the lower bound (a feasible routing). Where the gap cut
  // binds, the instant's own cut is achieved (9 × 8 with
  // in-plane links near full collection). Where the in-plane hops bind, the in-plane volume bound on the plane means
  // is 3–8 % above the full LP (traffic detouring to the columns whose cross-plane links are on spends in-plane hops it
  // does not count), and the LP-duality bound on the instant's links (cylinderDual.ts) replaces it: measured +0.0 % at
  // these instants (printed), up to +0.4 % at other instants of these bands. The 5 % asserted is the network model's
  // stated accuracy (docs/approximations.md).
  it.each([
    [9, 8, 'cross-plane', 1e14, 70],
    [6, 10, 'in-plane', 1e13, 70],
    [5, 12, 'in-plane', 1e13, 70],
    [8, 8, 'in-plane', 1e13, 70],
    [6, 10, 'in-plane', 1e13, 75],
    [5, 12, 'in-plane', 1e13, 75],
    [9, 8, 'in-plane', 1e13, 75],
  ] as const)(
    '%i × %i band with polar outages (%s bound, far-field area %d m², cutoff %i°): upper bound within 5 % of the full LP',
    (P, S, binds, farField_m2, cutoff_deg) => {
      const p = params(P, S, { instants: [0], rate: rate(farField_m2), latitudeCutoff_rad: cutoff_deg * deg });
      const series = cylinderSeries(p);
      const inst = series.instants[0]!;
      const { full, c } = instantFullLp(p, 0);
      expect(c.cross_bps.subarray(0, (P - 1) * S).some((x) => x === 0)).toBe(true); // outages at this instant
      expect(inst.model).toBe('bounds');
      const cls = inst.classes.find((k) => k.linkClass === (binds === 'cross-plane' ? 'crossPlane' : 'inPlane'))!;
      expect(cls.maxUtilization).toBeGreaterThanOrEqual(1 - 1e-9);
      expect(inst.upperBound_bps).toBeGreaterThanOrEqual(full * (1 - 1e-6));
      expect(inst.upperBound_bps).toBeLessThanOrEqual(full * 1.05);
      expect(inst.throughputPerNode_bps).toBe(inst.lowerBound_bps);
      // Where the in-plane hops bind, an LP-duality bound is in force; where the cut binds, the cut.
      if (binds === 'cross-plane') expect(series.upperBounds[0]).toBe('gap cut');
      else expect(['hops', 'polar', 'pattern']).toContain(series.upperBounds[0]);
      // The routing's rate is achievable: at most the full LP; how far below it was measured (printed).
      expect(inst.lowerBound_bps).toBeGreaterThan(0);
      expect(inst.lowerBound_bps).toBeLessThanOrEqual(full * (1 + 1e-6));
      console.log(
        `${P} × ${S} at ${cutoff_deg}°: lower/full ${(inst.lowerBound_bps / full).toFixed(4)}, upper/full ${(inst.upperBound_bps / full).toFixed(4)} (${series.upperBounds[0]})`,
      );
    },
  );

  it('no cutoff and short links (every link at the terminal rate): exact, equal to the full LP', () => {
    const p = params(4, 9, { latitudeCutoff_rad: null, rate: rate(1e20) });
    const r = cylinderSeries(p);
    const { full } = instantFullLp(p, 0);
    expect(r.instants[0]!.model).toBe('exact');
    expect(r.instants[0]!.throughputPerNode_bps).toBeCloseTo(full, 0);
    expect(Math.abs(r.instants[0]!.throughputPerNode_bps / full - 1)).toBeLessThan(1e-6);
    // Hand figure: every link 1e11 b/s; the middle cut (2 planes each side) gives λ = 1e11/(2·2·9) = 2.78e9, the
    // in-plane volume (D = ⌊81/4⌋ = 20) λ = 2·9·1e11·4/(9·16·20) = 2.5e9: the in-plane volume binds; × 35 nodes.
    expect(r.instants[0]!.throughputPerNode_bps).toBeCloseTo(2.5e9 * 35, -3);
  });

  it('a lean series: the same rates and bounds, no paths or class loads (+Grid and mesh)', () => {
    const full = cylinderSeries(params(6, 10));
    const lean = cylinderSeries(params(6, 10, { lean: true }));
    expect(lean.paths).toBeNull();
    expect(lean.instants.every((i) => i.classes.length === 0)).toBe(true);
    expect(full.instants.some((i) => i.model === 'bounds')).toBe(true);
    lean.instants.forEach((i, j) => {
      const f = full.instants[j]!;
      expect([i.model, i.throughputPerNode_bps, i.upperBound_bps]).toEqual([
        f.model,
        f.throughputPerNode_bps,
        f.upperBound_bps,
      ]);
      expect(i.lowerBound_bps).toBe(f.lowerBound_bps);
    });
    const mesh = params(6, 10, { diagonalUsable: true });
    const meshFull = cylinderSeries(mesh).instants;
    cylinderSeries({ ...mesh, lean: true }).instants.forEach((i, j) => {
      const f = meshFull[j]!;
      expect([i.model, i.throughputPerNode_bps, i.upperBound_bps]).toEqual([
        'bounds',
        f.throughputPerNode_bps,
        f.upperBound_bps,
      ]);
      expect(i.lowerBound_bps).toBe(f.lowerBound_bps);
    });
  });

  it('mesh shell: the lower bound reported, at least the +Grid figure; the upper bound above it', () => {
    const grid = cylinderSeries(params(6, 10)).instants;
    cylinderSeries(params(6, 10, { diagonalUsable: true })).instants.forEach((i, j) => {
      expect(i.model).toBe('bounds');
      expect(i.lowerBound_bps).toBe(i.throughputPerNode_bps);
      expect(i.throughputPerNode_bps).toBeGreaterThanOrEqual(grid[j]!.throughputPerNode_bps);
      expect(i.upperBound_bps).toBeGreaterThanOrEqual(i.lowerBound_bps);
    });
  });
});

describe('DUAL_REGIME: where the LP-duality bound is computed', () => {
  // The premise of computing it only where the in-plane volume bound is below DUAL_REGIME × the gap cut: elsewhere it
  // does not fall below the cut. Checked on random bands of real geometry (sizes, inclinations, RAAN spreads, cutoffs,
  // phasings, link ranges) whose in-plane volume bound is 1–4 × the cut.
  it('on 2,000 random bands, no dual bound below the cut with the in-plane volume bound above DUAL_REGIME × the cut', () => {
    const rng = createRng(3);
    let near = 0,
      below = 0,
      worst = 0;
    for (let t = 0; t < 2000; t++) {
      const { P, S, F, inc } = randomBandOrbit(rng, 30, 60);
      const c = torusInstantCapacities({
        ...params(P, S, { rate: rate(10 ** (12 + 2 * rng.next())), latitudeCutoff_rad: (55 + 30 * rng.next()) * deg }),
        phasing: F,
        tracks: bandTracks(P, S, (0.3 + 6 * rng.next()) * deg, inc, [2 * Math.PI * rng.next()], F),
        sampleIndex: 0,
        seam: false,
      });
      const mean = (a: Float64Array, o: number): number => a.subarray(o * S, (o + 1) * S).reduce((x, y) => x + y) / S;
      const r = cylinderThroughput({
        planes: P,
        satsPerPlane: S,
        inPlane_bps: Float64Array.from({ length: P }, (_, q) => mean(c.inPlane_bps, q)),
        crossGap_bps: Float64Array.from({ length: P - 1 }, (_, g) => mean(c.cross_bps, g)),
      });
      const ratio = r.inPlaneBound_bps / r.cutBound_bps;
      if (!(ratio >= 1 && ratio <= 4)) continue;
      near++;
      if (cylinderDualBound(P, S, c.inPlane_bps, c.cross_bps).rate_bps < r.cutBound_bps * (1 - 1e-9)) {
        below++;
        worst = Math.max(worst, ratio);
      }
    }
    expect(near).toBeGreaterThan(500);
    expect(worst).toBeLessThan(DUAL_REGIME);
    console.log(
      `${near} bands with in-plane/cut in [1, 4]: ${below} with a dual bound below the cut, ratio ≤ ${worst}`,
    );
  });
});

describe('orbitMeans: each orbit mean as an in-order loop adds it, runs of equal values added at once', () => {
  /** The oracle: every entry added one by one, least and largest read entry by entry. */
  function loopMeans(a: Float64Array, S: number, orbits: number, links: number) {
    const mean = new Float64Array(orbits);
    let alike = true;
    for (let o = 0; o < orbits; o++) {
      let sum = 0,
        min = Infinity,
        max = 0;
      for (let i = o * S; i < o * S + links; i++) {
        sum += a[i]!;
        min = Math.min(min, a[i]!);
        max = Math.max(max, a[i]!);
      }
      mean[o] = links > 0 ? sum / links : 0;
      if (max - min > 1e-9 * max) alike = false;
    }
    return { mean, alike };
  }

  it('adds ten copies of 0.1 one by one (0.9999999999999999, not 10 × 0.1 = 1): the inexact run is not bulk-added', () => {
    const mean = new Float64Array(1);
    expect(orbitMeans(new Float64Array(10).fill(0.1), 10, 1, 10, mean)).toBe(true);
    expect(mean[0]).toBe(0.9999999999999999 / 10);
  });

  it('reads only the first `links` entries of each run of S, and flags an orbit whose links differ', () => {
    const mean = new Float64Array(2);
    // S = 4 entries an orbit, 3 links each: the fourth entry (99) is not a link
    expect(orbitMeans(Float64Array.of(2, 2, 2, 99, 4, 4, 4, 99), 4, 2, 3, mean)).toBe(true);
    expect([...mean]).toEqual([2, 4]);
    expect(orbitMeans(Float64Array.of(1, 1, 4, 0, 6, 6, 6, 0), 4, 2, 3, mean)).toBe(false);
    expect([...mean]).toEqual([2, 6]);
  });

  it('equals the in-order loop to the bit on random rows of runs (capacities, zeros, fractions, near 2^53)', () => {
    const rng = createRng(91);
    const values = [100e9, 0, 25e9, 0.1, 1 / 3, 2 ** 52 + 2, 2 ** 53 - 2, 1e9 + 0.5, 7];
    for (let trial = 0; trial < 400; trial++) {
      const S = 1 + Math.floor(rng.next() * 40),
        orbits = 1 + Math.floor(rng.next() * 6),
        links = Math.floor(rng.next() * (S + 1));
      const a = new Float64Array(orbits * S);
      for (let i = 0; i < a.length;) {
        const x = rng.next() < 0.3 ? rng.next() * 1e11 : values[Math.floor(rng.next() * values.length)]!;
        const run = 1 + Math.floor(rng.next() * 12);
        for (let k = 0; k < run && i < a.length; k++) a[i++] = x;
      }
      const mean = new Float64Array(orbits);
      const alike = orbitMeans(a, S, orbits, links, mean);
      const want = loopMeans(a, S, orbits, links);
      expect(alike).toBe(want.alike);
      for (let o = 0; o < orbits; o++) expect(Object.is(mean[o], want.mean[o])).toBe(true);
    }
  });
});
