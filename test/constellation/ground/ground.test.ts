import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogs } from '../../../src/catalog/load.js';
import type { GroundStationRow } from '../../../src/catalog/schema.js';
import {
  coverageHalfAngle_rad,
  groundContacts,
  groundLinksAtSample,
  longestGap_samples,
  visibleCountsBySample,
  type GroundContactParams,
  type GroundStationSite,
  type ShellTracks,
  stationEcef_m,
} from '../../../src/constellation/ground/ground.js';
import { planeElements } from '../../../src/constellation/geometry/pattern.js';
import {
  gmstSamples_rad,
  propagatePlane,
  windowTimes_s,
  type PlaneTrack,
} from '../../../src/constellation/geometry/propagate.js';
import type { SamplingWindow, ShellGeometrySpec } from '../../../src/constellation/design/types.js';
import { deg_to_rad } from '../../../src/base/convert.js';
import { shell } from '../../helpers/shellSpec.js';
import { deg } from '../../helpers/units.js';
import { EARTH_POLAR_RADIUS_m, EARTH_RADIUS_m as R_EQ_m } from '../../helpers/constants.js';

const EPOCH = '2026-03-20T00:00:00Z';

/** One satellite (one plane of one slot, phasing 0) unless overridden. */
const shellSpec = (over: Partial<ShellGeometrySpec>): ShellGeometrySpec =>
  shell({ name: 'test', planes: 1, satsPerPlane: 1, phasing: 0, ...over });
function propagateShell(spec: ShellGeometrySpec, w: SamplingWindow): ShellTracks {
  const gmst = gmstSamples_rad(w.epochIso, windowTimes_s(w));
  return {
    spec,
    tracks: Array.from({ length: spec.planes }, (_, p) => propagatePlane(planeElements(spec, p, w.epochIso), w, gmst)),
  };
}
const site = (id: string, lat_deg: number, lon_deg: number, capacity_bps = 1e12): GroundStationSite => ({
  id,
  latitude_rad: deg_to_rad(lat_deg),
  longitude_rad: deg_to_rad(lon_deg),
  altitude_m: 0,
  capacity_bps,
});
const fromRow = (r: GroundStationRow): GroundStationSite => ({
  id: r.id,
  latitude_rad: deg_to_rad(r.lat_deg),
  longitude_rad: deg_to_rad(r.lon_deg),
  altitude_m: r.altitude_m,
  capacity_bps: r.capacity_Gbps * 1e9,
});
const catalogSites = (): GroundStationSite[] => loadCatalogs().groundStations.map(fromRow);
const DAY: SamplingWindow = { epochIso: EPOCH, duration_s: 86400, step_s: 60 };

describe('coverage cap', () => {
  it('λ_max at 550 km, ε = 25° by hand', () => {
    // R/r = 6378.137/6928.137 = 0.920614; × cos 25° (0.906308) = 0.834359; acos → 33.4508°; − 25° = 8.4508°.
    // (≈ 16° is the 5° mask: acos(0.920614 × 0.996195) − 5° = 18.5°; 10° gives 14.96°.)
    expect(coverageHalfAngle_rad(R_EQ_m + 550e3, R_EQ_m, deg_to_rad(25)) * (180 / Math.PI)).toBeCloseTo(8.4508, 3);
    expect(coverageHalfAngle_rad(R_EQ_m + 550e3, R_EQ_m, deg_to_rad(10)) * (180 / Math.PI)).toBeCloseTo(14.9566, 3);
    expect(() => coverageHalfAngle_rad(R_EQ_m + 550e3, R_EQ_m, deg_to_rad(90))).toThrow(RangeError);
  });
});

describe('single equatorial satellite over an equatorial station', () => {
  // Hand geometry: n = √(μ/a³) = 1.094824e-3 rad/s at a = 6928.137 km; relative to the ground
  // n − ω⊕ = 1.094824e-3 − 7.292116e-5 = 1.021903e-3 rad/s. Synodic period T = 2π/(n − ω⊕) = 6148.5 s;
  // a pass lasts D = 2λ/(n − ω⊕) = 2 × 0.147495 / 1.021903e-3 = 288.7 s; the gap between passes is
  // T − D = 5859.9 s; the contact fraction is D/T = λ/π = 0.04695.
  // The station sits 180° from the satellite's Earth-fixed start so the window (14 T) holds 14 whole passes.
  const T_s = 6148.5,
    D_s = 288.7,
    gap_s = 5859.9;
  const w: SamplingWindow = { epochIso: EPOCH, duration_s: 14 * T_s, step_s: 5 };
  // The orbit is propagated in beforeAll, not the describe body (a mutation run activates its mutant after
  // collection); the contacts are computed inside each test, so a mutation run knows which tests reach them.
  let params: GroundContactParams;
  beforeAll(() => {
    const equatorial = propagateShell(shellSpec({ inclination_rad: 0 }), w);
    const gmst0 = equatorial.tracks[0]!.gmst_rad[0]!;
    params = {
      shells: [equatorial],
      stations: [site('equator', 0, (-gmst0 + Math.PI) * (180 / Math.PI))],
      elevationMask_rad: deg_to_rad(25),
      linkRate_bps: 10e9,
    };
  });

  it('contact fraction, pass count and pass length from the pass geometry', () => {
    const result = groundContacts(params);
    expect(result.stations[0]!.contactFraction).toBeCloseTo(0.04695, 2);
    expect(result.stations[0]!.contactFraction).toBeWithinRelative(0.04695, 0.03);
    const { perStation, samples } = visibleCountsBySample(params);
    let passes = 0;
    for (let j = 0; j < samples; j++) if (perStation[j]! > 0 && (j === 0 || perStation[j - 1] === 0)) passes++;
    expect(passes).toBe(14);
    const inContact_s = perStation.reduce((a, v) => a + (v > 0 ? w.step_s : 0), 0);
    expect(inContact_s / passes).toBeWithinRelative(D_s, 0.03);
  });

  it('max gap = synodic period − pass (the known gap), wrapping at the window edges', () => {
    const result = groundContacts(params);
    // Interior gaps (between two passes) are T − D by hand; SGP4's J2 secular drift of the argument of
    // latitude (~0.3 %) shortens T slightly: 1 % tolerance. The window is 14 T by hand, not by SGP4, so the
    // trailing and leading partial gaps joined across the edge differ from T − D by that drift × 14 T.
    const { perStation, samples } = visibleCountsBySample(params);
    const runs: number[] = [];
    let run = 0;
    for (let j = 0; j < samples; j++) {
      if (perStation[j]! > 0) {
        runs.push(run);
        run = 0;
      } else run++;
    }
    const [leading, trailing] = [runs[0]!, run];
    const interior = runs.slice(1).filter((r) => r > 0);
    expect(interior).toHaveLength(13);
    for (const r of interior) expect(r * w.step_s).toBeWithinRelative(gap_s, 0.01);
    expect(result.maxGap_s).toBe(Math.max(...interior, leading + trailing) * w.step_s);
    expect(result.maxGap_s).toBeWithinRelative(gap_s, 0.03);
    expect(result.anyStationContactFraction).toBe(result.stations[0]!.contactFraction);
    // Capacity not binding: mean downlink = fraction × link rate; volume per day = that × 86400 / 8.
    expect(result.meanUsableDownlink_bps).toBeCloseTo(result.stations[0]!.contactFraction * 10e9, 0);
    expect(result.downlinkVolume_B_per_day).toBeCloseTo((result.meanUsableDownlink_bps * 86400) / 8, 0);
  });
});

describe('Walker shell with the catalog stations', () => {
  // 24 planes at 550 km / 53°, F = 0: the 4-, 8- and 16-slot shells are nested (every 4-slot satellite is
  // also an 8- and 16-slot one), so contact can only rise with the count; same planes → same tracks.
  let base: ShellTracks;
  beforeAll(() => {
    base = propagateShell(shellSpec({ planes: 24, satsPerPlane: 4 }), DAY);
  });
  const run = (satsPerPlane: number, mask_deg: number) =>
    groundContacts({
      shells: [{ spec: { ...base.spec, satsPerPlane }, tracks: base.tracks }],
      stations: catalogSites(),
      elevationMask_rad: deg_to_rad(mask_deg),
      linkRate_bps: 10e9,
    });

  it('contact rises with more satellites', () => {
    const [a, b, c] = [run(4, 25), run(8, 25), run(16, 25)];
    expect(a.meanStationContactFraction).toBeLessThan(b.meanStationContactFraction);
    expect(b.meanStationContactFraction).toBeLessThan(c.meanStationContactFraction);
    expect(a.anyStationContactFraction).toBeLessThanOrEqual(b.anyStationContactFraction);
    expect(b.anyStationContactFraction).toBeLessThanOrEqual(c.anyStationContactFraction);
    expect(a.maxGap_s).toBeGreaterThanOrEqual(c.maxGap_s);
    expect(c.meanDistinctVisible).toBeCloseTo(4 * a.meanDistinctVisible, -1);
  });

  it('contact rises as the elevation mask drops', () => {
    const [hi, mid, lo] = [run(8, 40), run(8, 25), run(8, 10)];
    expect(hi.meanStationContactFraction).toBeLessThan(mid.meanStationContactFraction);
    expect(mid.meanStationContactFraction).toBeLessThan(lo.meanStationContactFraction);
    expect(mid.anyStationContactFraction).toBeLessThanOrEqual(lo.anyStationContactFraction);
  });

  it('station downlink is capped by its capacity', () => {
    const r = run(16, 10);
    const rows = loadCatalogs().groundStations;
    r.stations.forEach((s, k) =>
      expect(s.meanUsableDownlink_bps).toBeLessThanOrEqual(rows[k]!.capacity_Gbps * 1e9 + 1e-3),
    );
    expect(r.meanUsableDownlink_bps).toBeLessThanOrEqual(
      r.stations.reduce((a, s) => a + s.meanUsableDownlink_bps, 0) + 1e-3,
    );
  });
});

describe('polar shell', () => {
  it('SvalSat (78° N) is in contact far more often than Malindi (3° S)', () => {
    const polar = propagateShell(
      shellSpec({ inclination_rad: deg_to_rad(90), planes: 6, satsPerPlane: 5, pattern: 'walker-star' }),
      DAY,
    );
    const sites = catalogSites().filter((s) => s.id === 'svalsat' || s.id === 'malindi');
    const r = groundContacts({
      shells: [polar],
      stations: sites,
      elevationMask_rad: deg_to_rad(10),
      linkRate_bps: 10e9,
    });
    const [sval, mal] = [r.stations.find((s) => s.id === 'svalsat')!, r.stations.find((s) => s.id === 'malindi')!];
    // Every polar orbit passes within λ of 78° N (the cap reaches over the pole); at the equator the
    // track density is lowest (∝ 1/cos latitude): expect well above, not merely above (measured ≈ 1.9×).
    expect(sval.contactFraction).toBeGreaterThan(1.5 * mal.contactFraction);
    expect(sval.maxGap_s).toBeLessThan(mal.maxGap_s);
  });
});

describe('plane-arc count = brute force', () => {
  // Walker 6/7/F=1 plus a 3-cluster shell; Kiruna and SvalSat caps overlap at ε = 10° (12° apart < 2λ).
  const w: SamplingWindow = { epochIso: EPOCH, duration_s: 6 * 3600, step_s: 60 };
  let params: GroundContactParams;
  beforeAll(() => {
    const shells = [
      propagateShell(shellSpec({ planes: 6, satsPerPlane: 7, phasing: 1, inclination_rad: deg_to_rad(70) }), w),
      propagateShell(
        shellSpec({
          planes: 3,
          satsPerPlane: 7,
          pattern: 'cluster',
          inclination_rad: deg_to_rad(97.6),
          altitude_m: 650e3,
        }),
        w,
      ),
    ];
    const stations = catalogSites().filter((s) => ['svalsat', 'kiruna', 'fairbanks', 'malindi'].includes(s.id));
    params = { shells, stations, elevationMask_rad: deg_to_rad(10), linkRate_bps: 10e9 };
  });
  const key = (l: { station: number; shell: number; plane: number; slot: number }) =>
    `${l.station}/${l.shell}/${l.plane}/${l.slot}`;

  it('the same (station, shell, plane, slot) links at every sample', () => {
    let total = 0;
    for (let j = 0; j < 361; j++) {
      const fast = groundLinksAtSample(params, j).map(key).sort();
      const slow = groundLinksAtSample({ ...params, method: 'brute-force' }, j)
        .map(key)
        .sort();
      expect(fast).toEqual(slow);
      total += fast.length;
    }
    expect(total).toBeGreaterThan(500); // the comparison is not vacuous
  });

  it('the same per-station and distinct counts (overlapping caps counted once)', () => {
    const fast = visibleCountsBySample(params),
      slow = visibleCountsBySample({ ...params, method: 'brute-force' });
    expect(Array.from(fast.perStation)).toEqual(Array.from(slow.perStation));
    expect(Array.from(fast.distinct)).toEqual(Array.from(slow.distinct));
    const n = fast.samples;
    const overlaps = Array.from(fast.distinct).filter(
      (d, j) => d < fast.perStation.reduce((a, v, i) => a + (i % n === j ? v : 0), 0),
    ).length;
    expect(overlaps).toBeGreaterThan(0);
  });
});

describe('gaps and input checks', () => {
  it('longest gap wraps around the window edges', () => {
    expect(longestGap_samples(Uint8Array.of(0, 0, 1, 0, 1, 0, 0, 0))).toBe(5); // 3 at the end + 2 at the start
    expect(longestGap_samples(Uint8Array.of(1, 0, 0, 0, 1, 0, 1))).toBe(3);
    expect(longestGap_samples(Uint8Array.of(0, 0, 0))).toBe(3);
    expect(longestGap_samples(Uint8Array.of(1, 1))).toBe(0);
  });

  it('rejects invalid inputs with RangeError', () => {
    const shells = [propagateShell(shellSpec({}), { epochIso: EPOCH, duration_s: 600, step_s: 60 })];
    const ok: GroundContactParams = { shells, stations: [site('a', 0, 0)], elevationMask_rad: 0.1, linkRate_bps: 1e9 };
    expect(() => groundContacts({ ...ok, elevationMask_rad: -0.1 })).toThrow(RangeError);
    expect(() => groundContacts({ ...ok, linkRate_bps: 0 })).toThrow(RangeError);
    expect(() => groundContacts({ ...ok, stations: [] })).toThrow(RangeError);
    expect(() => groundContacts({ ...ok, stations: [site('bad', 95, 0)] })).toThrow(/latitude/);
    expect(() => groundLinksAtSample(ok, 11)).toThrow(RangeError);
  });
});

describe('synthetic', () => {
  /**
   * Ground contacts on a hand-made track (no SGP4): an equatorial circular orbit sampled every 1° of argument of
   * latitude, GMST fixed, stations on the equator. A satellite is in view of a station iff its central angle from
   * the station is ≤ λ_max = acos(R cos ε / r) − ε (Wertz 2001 §8.3): at 550 km and ε = 25°, λ_max = 8.4508°, so
   * a station at longitude L (+ GMST) sees the satellite at the 17 samples θ = L − 8° … L + 8°. Every figure below
   * follows from that count; the station positions are checked against the WGS-84 ellipsoid itself.
   */
  const A_m = R_EQ_m;
  const B_m = EARTH_POLAR_RADIUS_m;
  const R_m = A_m + 550e3;
  const N = 360;
  const STEP_s = 10;
  const RATE_bps = 1e9;

  /** Equatorial orbit, argument of latitude j° at sample j, GMST `gmst` throughout. */
  function track(gmst = 0): PlaneTrack {
    const times_s = Float64Array.from({ length: N }, (_, j) => j * STEP_s);
    const r_m = new Float64Array(3 * N),
      normal = new Float64Array(3 * N);
    for (let j = 0; j < N; j++) {
      r_m.set([R_m * Math.cos(j * deg), R_m * Math.sin(j * deg), 0], 3 * j);
      normal.set([0, 0, 1], 3 * j);
    }
    return { elements: {} as PlaneTrack['elements'], times_s, r_m, normal, gmst_rad: new Float64Array(N).fill(gmst) };
  }
  const tracksOf = (over: Partial<ShellGeometrySpec>, gmst = 0): ShellTracks => ({
    spec: shell({ planes: 1, satsPerPlane: 1, phasing: 0, inclination_rad: 0, ...over }),
    tracks: [track(gmst)],
  });
  const site = (id: string, lon_deg: number, capacity_bps = 1e12): GroundStationSite => ({
    id,
    latitude_rad: 0,
    longitude_rad: lon_deg * deg,
    altitude_m: 0,
    capacity_bps,
  });
  const params = (shells: ShellTracks[], stations: GroundStationSite[]): GroundContactParams => ({
    shells,
    stations,
    elevationMask_rad: 25 * deg,
    linkRate_bps: RATE_bps,
  });

  describe('hand-made equatorial track', () => {
    it('λ_max = 8.4508° at 550 km and ε = 25°, so 17 of 360 one-degree samples are in view', () => {
      expect(coverageHalfAngle_rad(R_m, A_m, 25 * deg) / deg).toBeCloseTo(8.4508, 3);
    });

    it('one satellite, one station: fraction 17/360, gap 343 samples, downlink = fraction × rate', () => {
      const r = groundContacts(params([tracksOf({})], [site('a', 0)]));
      const s = r.stations[0]!;
      expect(s.contactFraction).toBeCloseTo(17 / N, 12);
      expect(s.meanVisible).toBeCloseTo(17 / N, 12);
      expect(s.maxGap_s).toBe(343 * STEP_s);
      expect(s.meanUsableDownlink_bps).toBeCloseTo((17 / N) * RATE_bps, 3);
      expect(r.anyStationContactFraction).toBeCloseTo(17 / N, 12);
      expect(r.meanStationContactFraction).toBeCloseTo(17 / N, 12);
      expect(r.meanDistinctVisible).toBeCloseTo(17 / N, 12);
      expect(r.maxGap_s).toBe(343 * STEP_s);
      expect(r.meanUsableDownlink_bps).toBeCloseTo((17 / N) * RATE_bps, 3);
      expect(r.downlinkVolume_B_per_day).toBeCloseTo(((17 / N) * RATE_bps * 86400) / 8, 0);
      expect(r.samples).toBe(N);
      expect(r.step_s).toBe(STEP_s);
    });

    it('GMST turns the station: at GMST 30° a station at longitude −30° sees what longitude 0 sees at GMST 0', () => {
      const turned = visibleCountsBySample(params([tracksOf({}, 30 * deg)], [site('a', -30)]));
      const plain = visibleCountsBySample(params([tracksOf({})], [site('a', 0)]));
      expect(Array.from(turned.perStation)).toEqual(Array.from(plain.perStation));
      // and the station at +30° sees the satellite at θ = 52° … 68° (longitude + GMST ± 8°)
      const east = visibleCountsBySample(params([tracksOf({}, 30 * deg)], [site('b', 30)]));
      const seen = Array.from(east.perStation).flatMap((v, j) => (v > 0 ? [j] : []));
      expect(seen).toEqual(Array.from({ length: 17 }, (_, i) => 52 + i));
    });

    it('four slots 90° apart: the slot over the station changes every 90 samples (slot = −j/90 mod 4)', () => {
      const p = params([tracksOf({ satsPerPlane: 4 })], [site('a', 0)]);
      const r = groundContacts(p);
      expect(r.stations[0]!.contactFraction).toBeCloseTo(68 / N, 12);
      expect(r.stations[0]!.maxGap_s).toBe(73 * STEP_s);
      const slots = [0, 90, 180, 270].map((j) => groundLinksAtSample(p, j));
      expect(slots).toEqual([0, 3, 2, 1].map((slot) => [{ station: 0, shell: 0, plane: 0, slot }]));
      expect(groundLinksAtSample(p, 45)).toEqual([]);
      for (const j of [0, 90, 352, 8, 9]) {
        const brute = groundLinksAtSample({ ...p, method: 'brute-force' }, j);
        expect(groundLinksAtSample(p, j)).toEqual(brute);
      }
    });

    it('a cluster is seen whole or not at all: 3 members × 17 samples', () => {
      const r = groundContacts(params([tracksOf({ pattern: 'cluster', satsPerPlane: 3 })], [site('a', 0)]));
      expect(r.stations[0]!.meanVisible).toBeCloseTo((3 * 17) / N, 12);
      expect(r.stations[0]!.contactFraction).toBeCloseTo(17 / N, 12);
      expect(r.meanDistinctVisible).toBeCloseTo((3 * 17) / N, 12);
    });

    it('two stations 4° apart: each sees 17 samples, together 21; a satellite seen by both counts once', () => {
      // Station b sees θ = −4° … 12° (17 samples); the union with a's −8° … 8° is −8° … 12° (21 samples).
      for (const method of ['plane-arc', 'brute-force'] as const) {
        const p = { ...params([tracksOf({ satsPerPlane: 4 })], [site('a', 0), site('b', 4)]), method };
        const r = groundContacts(p);
        expect(r.stations.map((s) => s.contactFraction * N).map(Math.round)).toEqual([68, 68]);
        expect(r.anyStationContactFraction).toBeCloseTo((4 * 21) / N, 12);
        expect(r.meanDistinctVisible).toBeCloseTo((4 * 21) / N, 12);
        // Downlink: each station a full contact; the constellation total is capped at distinct satellites × rate.
        expect(r.meanUsableDownlink_bps).toBeCloseTo(((4 * 21) / N) * RATE_bps, 3);
        expect(r.maxGap_s).toBe((90 - 21) * STEP_s);
      }
    });

    it('a station whose capacity is below the link rate takes its capacity', () => {
      const r = groundContacts(params([tracksOf({})], [site('a', 0, 0.25 * RATE_bps)]));
      expect(r.stations[0]!.meanUsableDownlink_bps).toBeCloseTo((17 / N) * 0.25 * RATE_bps, 3);
      expect(r.meanUsableDownlink_bps).toBeCloseTo((17 / N) * 0.25 * RATE_bps, 3);
    });

    it('two stations on opposite sides: the longest gap with no station in view is 163 samples', () => {
      const r = groundContacts(params([tracksOf({})], [site('a', 0), site('b', 180)]));
      expect(r.anyStationContactFraction).toBeCloseTo(34 / N, 12);
      expect(r.meanStationContactFraction).toBeCloseTo(17 / N, 12);
      expect(r.maxGap_s).toBe(163 * STEP_s);
      expect(r.stations.map((s) => s.maxGap_s)).toEqual([343 * STEP_s, 343 * STEP_s]);
    });
  });

  describe('station positions on the WGS-84 ellipsoid', () => {
    const at = (lat_deg: number, lon_deg: number, altitude_m = 0): Float64Array =>
      stationEcef_m({
        id: 's',
        latitude_rad: lat_deg * deg,
        longitude_rad: lon_deg * deg,
        altitude_m,
        capacity_bps: 1,
      });

    it('equator at the semi-major axis, poles at the semi-minor axis', () => {
      const e = at(0, 90);
      expect(e[0]).toBeCloseTo(0, 6);
      expect(e[1]).toBeCloseTo(A_m, 6);
      expect(e[2]).toBe(0);
      const pole = at(-90, 0);
      expect(Math.hypot(pole[0]!, pole[1]!)).toBeLessThan(1e-6);
      expect(pole[2]).toBeCloseTo(-B_m, 3);
    });

    it('a surface point lies on the ellipsoid with its normal at the geodetic latitude; height goes along it', () => {
      const lat = 47,
        lon = -122;
      const s = at(lat, lon);
      const p = Math.hypot(s[0]!, s[1]!);
      expect((p / A_m) ** 2 + (s[2]! / B_m) ** 2).toBeCloseTo(1, 12);
      // The ellipsoid's normal at (p, z) is (p/a², z/b²): its elevation angle is the geodetic latitude.
      expect(Math.atan2(s[2]! / B_m ** 2, p / A_m ** 2) / deg).toBeCloseTo(lat, 9);
      expect(Math.atan2(s[1]!, s[0]!) / deg).toBeCloseTo(lon, 9);
      const up = at(lat, lon, 2500);
      const n = [
        Math.cos(lat * deg) * Math.cos(lon * deg),
        Math.cos(lat * deg) * Math.sin(lon * deg),
        Math.sin(lat * deg),
      ];
      n.forEach((c, k) => expect(up[k]! - s[k]!).toBeCloseTo(2500 * c, 6));
    });
  });

  describe('input checks', () => {
    const ok = params([tracksOf({})], [site('a', 0)]);
    it('station: latitude within ±90°, finite longitude and height, capacity > 0', () => {
      const bad = (o: Partial<GroundStationSite>) => () =>
        groundContacts({ ...ok, stations: [{ ...site('x', 0), ...o }] });
      expect(bad({ latitude_rad: -91 * deg })).toThrow(/'x': latitude/);
      expect(bad({ longitude_rad: Infinity })).toThrow(/'x': latitude/);
      expect(bad({ altitude_m: NaN })).toThrow(/'x': latitude/);
      expect(bad({ capacity_bps: 0 })).toThrow(/'x': capacity_bps must be > 0/);
      expect(bad({ latitude_rad: 90 * deg })).not.toThrow();
    });

    it('coverage cap: mask in [0°, 90°), orbit above the station, station radius > 0', () => {
      expect(() => coverageHalfAngle_rad(R_m, A_m, -0.01)).toThrow(/elevation mask/);
      expect(coverageHalfAngle_rad(R_m, A_m, 0)).toBeCloseTo(Math.acos(A_m / R_m), 12);
      expect(() => coverageHalfAngle_rad(A_m, A_m, 0.1)).toThrow(/orbit radius/);
      expect(() => coverageHalfAngle_rad(R_m, 0, 0.1)).toThrow(/orbit radius/);
    });

    it('window: mask, rate, stations, tracks with ≥ 2 samples, one track per plane, one sampling window', () => {
      expect(() => groundContacts({ ...ok, elevationMask_rad: Math.PI / 2 })).toThrow(/elevationMask_rad/);
      expect(() => groundContacts({ ...ok, elevationMask_rad: 0 })).not.toThrow();
      expect(() => groundContacts({ ...ok, linkRate_bps: -1 })).toThrow(/linkRate_bps/);
      expect(() => groundContacts({ ...ok, shells: [] })).toThrow(/≥ 2 samples/);
      const one = track();
      const short: PlaneTrack = { ...one, times_s: one.times_s.slice(0, 1) };
      expect(() => groundContacts({ ...ok, shells: [{ spec: ok.shells[0]!.spec, tracks: [short] }] })).toThrow(
        /≥ 2 samples/,
      );
      const twoPlanes = { spec: shell({ name: 'two', planes: 2 }), tracks: [one] };
      expect(() => groundContacts({ ...ok, shells: [twoPlanes] })).toThrow(/shell 'two': 1 tracks for 2 planes/);
      const other = { spec: shell({ name: 'o', planes: 1 }), tracks: [short] };
      expect(() => groundContacts({ ...ok, shells: [ok.shells[0]!, other] })).toThrow(/one sampling window/);
    });

    it('sample index: a whole number in 0 … samples − 1', () => {
      expect(() => groundLinksAtSample(ok, N)).toThrow(/outside 0…359/);
      expect(() => groundLinksAtSample(ok, -1)).toThrow(RangeError);
      expect(() => groundLinksAtSample(ok, 0.5)).toThrow(RangeError);
      expect(groundLinksAtSample(ok, N - 1)).toHaveLength(1);
    });
  });
});
