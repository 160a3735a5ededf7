/**
 * The network a packet-level simulator reruns, in the plain-text layout of Hypatia's satgenpy (Kassing et al.,
 * "Exploring the 'Internet from space' with Hypatia", ACM IMC 2020; its read_tles.py, read_isls.py and
 * read_ground_stations.py):
 * - tles.txt: `<orbits> <satellites per orbit>` (a design of several shells: `1 <satellites>`), then per satellite a
 *   name line `<name> <id>` (id 0, 1, … in export order) and the two TLE lines (exportSatellites.ts `writeTle`);
 * - isls.txt: `<a> <b>` (a < b), links on at a solved instant that stay within `max_isl_length_m` over a whole orbit
 *   (`steadyKeys`: Hypatia's ISLs are permanent, its dynamic-state step refuses a longer one);
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

/** Satellites of one shell. */
const shellSize = (g: { planes: number; satsPerPlane: number }): number => g.planes * g.satsPerPlane;

/**
 * The links of shell `shellIndex` on at sample `sampleIndex` as ascending keys u·n + v (u < v, the shell's own node
 * indices, n its satellites): a typed array of the shell's links, never an object per link.
 */
function instantKeys(spec: ConstellationSpec, shellIndex: number, sampleIndex: number): Float64Array {
  const n = shellSize(spec.shells[shellIndex]!.geometry);
  const keys: number[] = [];
  forEachInstantLink(spec, shellIndex, sampleIndex, (u, v) => keys.push(u * n + v));
  return Float64Array.from(keys).sort();
}

/**
 * The keys (instantKeys) among `keys` no longer than `maxIsl_m` less STEADY_MARGIN_m over a whole orbit of shell
 * `shellIndex` (1° steps of its period and a little more; two satellites of one shell come back to the same geometry
 * each orbit, so this holds at any time), each satellite propagated by SGP4 from its exported elements, as Hypatia
 * propagates its TLEs.
 */
function steadyKeys(spec: ConstellationSpec, shellIndex: number, keys: Float64Array, maxIsl_m: number): Float64Array {
  if (keys.length === 0) return keys;
  const shell = spec.shells[shellIndex]!;
  const n = shellSize(shell.geometry);
  // the shell alone numbers its satellites 0…n−1 with the elements the export writes
  const alone = { ...spec, shells: [shell] };
  const states = Array.from(satelliteRecords(alone, 0), (r) => circularState(r.elements, spec.window.epochIso));
  const period_s = DAY_s / meanMotion_rev_per_day(shell.geometry.altitude_m);
  const step_s = period_s / STEADY_SAMPLES_PER_ORBIT;
  const xyz = new Float64Array(3 * n);
  const pv = new Float64Array(6);
  const limit_km = (maxIsl_m - STEADY_MARGIN_m) / 1e3;
  const keep = new Uint8Array(keys.length).fill(1);
  for (let t = 0; t <= 1.01 * period_s; t += step_s) {
    for (const [i, state] of states.entries()) {
      state(t / 60, pv);
      xyz.set(pv.subarray(0, 3), 3 * i);
    }
    for (let k = 0; k < keys.length; k++) {
      const a = Math.floor(keys[k]! / n),
        b = keys[k]! - a * n;
      const d_km = Math.hypot(
        xyz[3 * a]! - xyz[3 * b]!,
        xyz[3 * a + 1]! - xyz[3 * b + 1]!,
        xyz[3 * a + 2]! - xyz[3 * b + 2]!,
      );
      if (d_km > limit_km) keep[k] = 0;
    }
  }
  return keys.filter((_, k) => keep[k] === 1);
}

/**
 * isls.txt's lines `<a> <b>`: the union of each shell's links over the solved instants, kept by steadyKeys, shell by
 * shell (a shell's links join its own satellites only) with ids offset by the satellites of the shells before, so they
 * come out ascending at the memory of one shell's keys.
 */
function* islLines(spec: ConstellationSpec): Generator<string> {
  const instants = snapshotSamples(windowTimes_s(spec.window).length, spec.snapshots);
  const { maxIsl_m } = hypatiaLengths(spec);
  let offset = 0;
  for (const [i, s] of spec.shells.entries()) {
    const n = shellSize(s.geometry);
    const all = instants.map((j) => instantKeys(spec, i, j));
    const union = new Float64Array(all.reduce((k, a) => k + a.length, 0));
    let at = 0;
    for (const a of all) union.set(a, (at += a.length) - a.length);
    union.sort();
    const distinct = union.filter((key, k) => k === 0 || key !== union[k - 1]);
    for (const key of steadyKeys(spec, i, distinct, maxIsl_m))
      yield `${offset + Math.floor(key / n)} ${offset + (key % n)}`;
    offset += n;
  }
}

/** isl_instants.txt's lines `<sample index> <time [s]> <a> <b>`: instant by instant, then shell by shell as above. */
function* instantLines(spec: ConstellationSpec): Generator<string> {
  const times = windowTimes_s(spec.window);
  for (const j of snapshotSamples(times.length, spec.snapshots)) {
    let offset = 0;
    for (const [i, s] of spec.shells.entries()) {
      const n = shellSize(s.geometry);
      for (const key of instantKeys(spec, i, j))
        yield `${j} ${times[j]!} ${offset + Math.floor(key / n)} ${offset + (key % n)}`;
      offset += n;
    }
  }
}

type Produce = (sink: (chunk: string) => void) => void;

/** Writes the lines one after another through a chunker (made afresh each time the file is written). */
const linesOf =
  (lines: () => Iterable<string>): Produce =>
  (sink) => {
    const out = chunker(sink, DEFAULT_CHUNK_CHARS);
    for (const l of lines()) out.push(`${l}\n`);
    out.flush();
  };

/** The folder's files (name → producer), each streamed: its memory is one shell's links, not the design's. */
export function writeNetworkFolder(spec: ConstellationSpec, options: ExportOptions): Record<string, Produce> {
  const g = spec.shells.map((s) => s.geometry);
  const n = g.reduce((k, s) => k + shellSize(s), 0);
  const head = g.length === 1 ? `${g[0]!.planes} ${g[0]!.satsPerPlane}` : `1 ${n}`;
  function* interfaces(): Generator<string> {
    for (let id = 0; id < n + spec.stations.length; id++) yield `${id},1,1.0`;
  }
  return {
    'tles.txt': (sink) => {
      sink(`${head}\n`);
      writeTle(spec, sink, { ...options, tleNameLine: (s) => `${token(s.name)} ${s.index}` });
    },
    'isls.txt': linesOf(() => islLines(spec)),
    'isl_instants.txt': linesOf(() => instantLines(spec)),
    'ground_stations.txt': linesOf(() =>
      spec.stations.map((s, gid) => {
        const xyz = wgs72Ecef(s.latitude_rad, s.longitude_rad, s.altitude_m).map((x) => x.toFixed(6));
        const [lat, lon] = [s.latitude_rad, s.longitude_rad].map((x) => rad_to_deg(x).toFixed(6));
        return `${gid},${token(s.name)},${lat},${lon},${s.altitude_m.toFixed(6)},${xyz.join(',')}`;
      }),
    ),
    'description.txt': (sink) => {
      const { maxGsl_m, maxIsl_m } = hypatiaLengths(spec);
      sink(`max_gsl_length_m=${maxGsl_m.toFixed(10)}\nmax_isl_length_m=${maxIsl_m.toFixed(10)}\n`);
    },
    'gsl_interfaces_info.txt': linesOf(interfaces),
    'shells.txt': linesOf(() => {
      let first = 0;
      return spec.shells.map((s, i) => {
        const row = `${i},${token(s.geometry.name)},${first},${s.geometry.planes},${s.geometry.satsPerPlane},${s.geometry.altitude_m},${rad_to_deg(s.geometry.inclination_rad)}`;
        first += shellSize(s.geometry);
        return row;
      });
    }),
  };
}
