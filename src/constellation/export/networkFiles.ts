/**
 * The network a packet-level simulator reruns, in the plain-text layout of Hypatia's satgenpy (Kassing et al.,
 * "Exploring the 'Internet from space' with Hypatia", ACM IMC 2020; its read_tles.py, read_isls.py and
 * read_ground_stations.py):
 * - tles.txt: `<orbits> <satellites per orbit>` (a design of several shells: `1 <satellites>`), then per satellite a
 *   name line `<name> <id>` (id 0, 1, … in export order) and the two TLE lines (exportSatellites.ts `writeTle`);
 * - isls.txt: `<a> <b>` (a < b), links on at a solved instant that stay within `max_isl_length_m` over a whole orbit
 *   (`steadyLinks`: Hypatia's ISLs are permanent, its dynamic-state step refuses a longer one);
 * - isl_instants.txt (odc's addition): `<sample index> <time from epoch [s]> <a> <b>` for each link on (non-zero
 *   capacity: links.ts) at each instant the network model solves (shellNetwork.ts `snapshotSamples`);
 * - ground_stations.txt: `<gid>,<name>,<lat deg>,<lon deg>,<elevation m>,<x>,<y>,<z>` (Hypatia's extended layout,
 *   extend_ground_stations.py: ECEF metres on WGS72, a = 6,378,135 m, f = 1/298.26, as its geodetic2cartesian);
 * - description.txt: `max_gsl_length_m=` (slant range at the minimum elevation to the highest shell) and
 *   `max_isl_length_m=` (the longest link a terminal's range and the grazing height allow), `%.10f` as
 *   generate_description.py writes them; gsl_interfaces_info.txt: `<node id>,1,1.0` for every satellite, then every
 *   station (read_gsl_interfaces_info.py; one interface each, as Hypatia's free-one-only algorithms require);
 * - shells.txt (odc's addition): `<shell>,<name>,<first id>,<orbits>,<satellites per orbit>,<altitude m>,<incl deg>`.
 * Satellites keep the TLE's catalog numbers (Alpha-5, at most 339,999): beyond, OMM carries the orbits.
 * Derivation and conventions: docs/constellations.md §"Hand-off to other tools".
 */
import { rad_to_deg } from '../../base/convert.js';
import type { ConstellationSpec } from '../design/compile.js';
import { shellLinkParams } from '../evaluate.js';
import { shellLinks } from '../links/links.js';
import { snapshotSamples } from '../network/shellNetwork.js';
import { circularState, meanMotion_rev_per_day, windowTimes_s } from '../geometry/propagate.js';
import { DAY_s } from '../../base/constants.js';
import { maxOf, minOf } from '../../base/arrays.js';
import { chunker, DEFAULT_CHUNK_CHARS, satelliteRecords, writeTle, type ExportOptions } from './exportSatellites.js';
import { DEFAULT_GRAZING_HEIGHT_m } from '../links/links.js';

/** WGS72 (SGP4's and Hypatia's ellipsoid): semi-major axis [m] and flattening. */
const WGS72_A_m = 6_378_135;
const WGS72_F = 1 / 298.26;

/** ECEF [m] of a geodetic point on WGS72 (Hypatia's geodetic2cartesian). */
export function wgs72Ecef(lat_rad: number, lon_rad: number, h_m: number): [number, number, number] {
  const e2 = 2 * WGS72_F - WGS72_F * WGS72_F;
  const n = WGS72_A_m / Math.sqrt(1 - e2 * Math.sin(lat_rad) ** 2);
  const c = (n + h_m) * Math.cos(lat_rad);
  return [c * Math.cos(lon_rad), c * Math.sin(lon_rad), (n * (1 - e2) + h_m) * Math.sin(lat_rad)];
}

/**
 * description.txt's two lengths [m]: the slant range to the highest shell at the minimum elevation ε,
 * √((R+h)² − R²cos²ε) − R sin ε on a sphere of WGS72's equatorial radius; and the longest inter-satellite link,
 * each linked shell's terminal range or line of sight over the grazing height, 2√((R+h)² − (R+g)²), whichever is less.
 */
export function hypatiaLengths(spec: ConstellationSpec): { maxGsl_m: number; maxIsl_m: number } {
  const R = WGS72_A_m;
  const e = spec.minElevation_rad;
  let maxGsl_m = 0;
  let maxIsl_m = 0;
  for (const s of spec.shells) {
    const r = R + s.geometry.altitude_m;
    maxGsl_m = Math.max(maxGsl_m, Math.sqrt(r * r - (R * Math.cos(e)) ** 2) - R * Math.sin(e));
    const sight = 2 * Math.sqrt(r * r - (R + DEFAULT_GRAZING_HEIGHT_m) ** 2);
    maxIsl_m = Math.max(maxIsl_m, s.topology === 'none' ? 0 : Math.min(sight, s.terminal.range_km * 1e3));
  }
  return { maxGsl_m, maxIsl_m };
}

/** One link on at one instant: global satellite ids a < b. */
export interface InstantLink {
  readonly sampleIndex: number;
  readonly time_s: number;
  readonly a: number;
  readonly b: number;
}

/** A token without white space or commas (Hypatia splits its lines on both). */
const token = (s: string): string => s.replace(/[\s,]+/g, '_');

/**
 * Visits the links of shell `shellIndex` on at sample `sampleIndex` of the design's window (its link graph's edges
 * with a non-zero capacity), as the shell's own node indices u < v (plane · satsPerPlane + slot), in the topology's
 * order: walked from the topology's index arithmetic, no edge list or graph built (a 100,000-satellite shell's would
 * be ~35 MB of objects).
 */
export function forEachInstantLink(
  spec: ConstellationSpec,
  shellIndex: number,
  sampleIndex: number,
  visit: (u: number, v: number) => void,
): void {
  const params = shellLinkParams(spec)[shellIndex]!;
  if (params.topology === 'none') return;
  const links = shellLinks({ ...params, snapshotIndex: sampleIndex, maxGraphNodes: Number.MAX_SAFE_INTEGER });
  links.forEachSnapshotLink!((u, v, _class, capacity_bps) => {
    if (capacity_bps > 0) visit(Math.min(u, v), Math.max(u, v));
  });
}

/** Samples per orbit of the ISL length check, and the margin a peak between two samples may pass them by [m]. */
const STEADY_SAMPLES_PER_ORBIT = 360;
/**
 * The distance d(t) between two satellites of a shell repeats each orbit, with at most two swings of amplitude A of a
 * few thousand km: between samples Δt = T/360 apart its peak passes the sampled ones by at most
 * |d''|Δt²/8 ≤ A(4π/T)²(T/360)²/8 = 1.5e-4 A, under 1 km for A < 6,500 km.
 */
const STEADY_MARGIN_m = 1e3;

/**
 * The pairs (a < b, global ids of one shell) among `pairs` no longer than `maxIsl_m` less STEADY_MARGIN_m over a
 * whole orbit (1° steps of the slowest shell's period and a little more; two satellites of one shell come back to the
 * same geometry each orbit, so this holds at any time), each satellite propagated by SGP4 from its exported
 * elements, as Hypatia propagates its TLEs.
 */
export function steadyLinks(
  spec: ConstellationSpec,
  pairs: readonly (readonly [number, number])[],
  maxIsl_m: number,
): [number, number][] {
  if (pairs.length === 0) return [];
  const states = [...satelliteRecords(spec, 0)].map((r) => circularState(r.elements, spec.window.epochIso));
  const periods_s: number[] = spec.shells.map((s) => DAY_s / meanMotion_rev_per_day(s.geometry.altitude_m));
  const step_s = minOf(periods_s) / STEADY_SAMPLES_PER_ORBIT;
  const end_s = 1.01 * maxOf(periods_s);
  const xyz = new Float64Array(3 * states.length);
  const pv = new Float64Array(6);
  const limit_km = (maxIsl_m - STEADY_MARGIN_m) / 1e3;
  const keep = new Uint8Array(pairs.length).fill(1);
  for (let t = 0; t <= end_s; t += step_s) {
    for (const [i, state] of states.entries()) {
      state(t / 60, pv);
      xyz.set(pv.subarray(0, 3), 3 * i);
    }
    for (const [k, [a, b]] of pairs.entries()) {
      const d_km = Math.hypot(
        xyz[3 * a]! - xyz[3 * b]!,
        xyz[3 * a + 1]! - xyz[3 * b + 1]!,
        xyz[3 * a + 2]! - xyz[3 * b + 2]!,
      );
      if (d_km > limit_km) keep[k] = 0;
    }
  }
  return pairs.filter((_, k) => keep[k] === 1).map(([a, b]) => [a, b]);
}

/** Every link on at each solved instant, shell by shell, ids offset by the satellites of the shells before. */
export function instantLinks(spec: ConstellationSpec): InstantLink[] {
  const times = windowTimes_s(spec.window);
  const instants = snapshotSamples(times.length, spec.snapshots);
  const out: InstantLink[] = [];
  let offset = 0;
  for (const [i, s] of spec.shells.entries()) {
    for (const j of instants)
      forEachInstantLink(spec, i, j, (u, v) =>
        out.push({ sampleIndex: j, time_s: times[j]!, a: offset + u, b: offset + v }),
      );
    offset += s.geometry.planes * s.geometry.satsPerPlane;
  }
  return out.sort((x, y) => x.sampleIndex - y.sampleIndex || x.a - y.a || x.b - y.b);
}

type Produce = (sink: (chunk: string) => void) => void;

/** Writes the lines one after another through a chunker. */
const linesOf =
  (lines: Iterable<string>): Produce =>
  (sink) => {
    const out = chunker(sink, DEFAULT_CHUNK_CHARS);
    for (const l of lines) out.push(`${l}\n`);
    out.flush();
  };

/** The folder's files (name → producer); the links are computed once, on the first file that needs them. */
export function writeNetworkFolder(spec: ConstellationSpec, options: ExportOptions): Record<string, Produce> {
  let links: InstantLink[] | null = null;
  const linksOf = (): InstantLink[] => (links ??= instantLinks(spec));
  const g = spec.shells.map((s) => s.geometry);
  const n = g.reduce((k, s) => k + s.planes * s.satsPerPlane, 0);
  const head = g.length === 1 ? `${g[0]!.planes} ${g[0]!.satsPerPlane}` : `1 ${n}`;
  return {
    'tles.txt': (sink) => {
      sink(`${head}\n`);
      writeTle(spec, sink, { ...options, tleNameLine: (s) => `${token(s.name)} ${s.index}` });
    },
    'isls.txt': (sink) => {
      const pairs = [...new Set(linksOf().map((l) => `${l.a} ${l.b}`))];
      const ab = pairs.map((p) => p.split(' ').map(Number) as [number, number]);
      ab.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
      linesOf(steadyLinks(spec, ab, hypatiaLengths(spec).maxIsl_m).map(([a, b]) => `${a} ${b}`))(sink);
    },
    'isl_instants.txt': (sink) => linesOf(linksOf().map((l) => `${l.sampleIndex} ${l.time_s} ${l.a} ${l.b}`))(sink),
    'ground_stations.txt': (sink) =>
      linesOf(
        spec.stations.map((s, gid) => {
          const xyz = wgs72Ecef(s.latitude_rad, s.longitude_rad, s.altitude_m).map((x) => x.toFixed(6));
          const [lat, lon] = [s.latitude_rad, s.longitude_rad].map((x) => rad_to_deg(x).toFixed(6));
          return `${gid},${token(s.name)},${lat},${lon},${s.altitude_m.toFixed(6)},${xyz.join(',')}`;
        }),
      )(sink),
    'description.txt': (sink) => {
      const { maxGsl_m, maxIsl_m } = hypatiaLengths(spec);
      sink(`max_gsl_length_m=${maxGsl_m.toFixed(10)}\nmax_isl_length_m=${maxIsl_m.toFixed(10)}\n`);
    },
    'gsl_interfaces_info.txt': (sink) =>
      linesOf(Array.from({ length: n + spec.stations.length }, (_, id) => `${id},1,1.0`))(sink),
    'shells.txt': (sink) => {
      let first = 0;
      const rows = spec.shells.map((s, i) => {
        const row = `${i},${token(s.geometry.name)},${first},${s.geometry.planes},${s.geometry.satsPerPlane},${s.geometry.altitude_m},${rad_to_deg(s.geometry.inclination_rad)}`;
        first += s.geometry.planes * s.geometry.satsPerPlane;
        return row;
      });
      linesOf(rows)(sink);
    },
  };
}
