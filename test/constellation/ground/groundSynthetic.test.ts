/**
 * Ground contacts on a hand-made track (no SGP4): an equatorial circular orbit sampled every 1° of argument of
 * latitude, GMST fixed, stations on the equator. A satellite is in view of a station iff its central angle from
 * the station is ≤ λ_max = acos(R cos ε / r) − ε (Wertz 2001 §8.3): at 550 km and ε = 25°, λ_max = 8.4508°, so
 * a station at longitude L (+ GMST) sees the satellite at the 17 samples θ = L − 8° … L + 8°. Every figure below
 * follows from that count; the station positions are checked against the WGS-84 ellipsoid itself.
 */
import { describe, expect, it } from 'vitest';
import {
  coverageHalfAngle_rad,
  groundContacts,
  groundLinksAtSample,
  stationEcef_m,
  visibleCountsBySample,
  type GroundContactParams,
  type GroundStationSite,
  type ShellTracks,
} from '../../../src/constellation/ground/ground.js';
import type { PlaneTrack } from '../../../src/constellation/geometry/propagate.js';
import type { ShellGeometrySpec } from '../../../src/constellation/design/types.js';
import { shell } from '../../helpers/shellSpec.js';
import { deg } from '../../helpers/units.js';

const A_m = 6378137;
const B_m = 6356752.314245; // WGS-84 semi-minor axis a(1 − f) (NIMA TR8350.2, 2000, table 3.1)
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
    stationEcef_m({ id: 's', latitude_rad: lat_deg * deg, longitude_rad: lon_deg * deg, altitude_m, capacity_bps: 1 });

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
