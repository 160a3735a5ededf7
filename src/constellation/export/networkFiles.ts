/**
 * The network a packet-level simulator reruns, in the plain-text layout of Hypatia's satgenpy (Kassing et al.,
 * "Exploring the 'Internet from space' with Hypatia", ACM IMC 2020; its read_tles.py, read_isls.py and
 * read_ground_stations.py):
 * - tles.txt: `<orbits> <satellites per orbit>` (a design of several shells: `1 <satellites>`), then per satellite a
 *   name line `<name> <id>` (id 0, 1, … in export order) and the two TLE lines (exportSatellites.ts `writeTle`);
 * - isls.txt: `<a> <b>` (a < b) for every inter-satellite link on at one solved instant or more;
 * - isl_instants.txt (odc's addition): `<sample index> <time from epoch [s]> <a> <b>` for each link on at each instant
 *   the network model solves (shellNetwork.ts `snapshotSamples`), the links of the instant's link graph with a
 *   non-zero capacity (links.ts: Earth blockage, latitude cutoff, range, pointing);
 * - ground_stations.txt: `<gid>,<name>,<latitude deg>,<longitude deg>,<elevation m>` (Hypatia's basic layout).
 * Satellites keep the TLE's catalog numbers (Alpha-5, at most 339,999): beyond, OMM carries the orbits.
 * Derivation and conventions: docs/constellations.md §"Hand-off to other tools".
 */
import { rad_to_deg } from '../../base/convert.js';
import type { ConstellationSpec } from '../design/compile.js';
import { shellLinkParams } from '../evaluate.js';
import { shellLinks } from '../links/links.js';
import { snapshotSamples } from '../network/shellNetwork.js';
import { windowTimes_s } from '../geometry/propagate.js';
import { chunker, DEFAULT_CHUNK_CHARS, writeTle, type ExportOptions } from './exportSatellites.js';

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
 * The links of shell `shellIndex` on at sample `sampleIndex` of the design's window (its link graph's edges with a
 * non-zero capacity), as the shell's own node indices u < v (plane · satsPerPlane + slot).
 */
export function* shellInstantLinks(
  spec: ConstellationSpec,
  shellIndex: number,
  sampleIndex: number,
): Generator<{ u: number; v: number }> {
  const params = shellLinkParams(spec)[shellIndex]!;
  if (params.topology === 'none') return;
  const graph = shellLinks({ ...params, snapshotIndex: sampleIndex, maxGraphNodes: Number.MAX_SAFE_INTEGER }).graph!;
  for (const e of graph.edges) if (e.capacity_bps > 0) yield { u: Math.min(e.u, e.v), v: Math.max(e.u, e.v) };
}

/** Every link on at each solved instant, shell by shell, ids offset by the satellites of the shells before. */
export function instantLinks(spec: ConstellationSpec): InstantLink[] {
  const times = windowTimes_s(spec.window);
  const instants = snapshotSamples(times.length, spec.snapshots);
  const out: InstantLink[] = [];
  let offset = 0;
  for (const [i, s] of spec.shells.entries()) {
    for (const j of instants)
      for (const { u, v } of shellInstantLinks(spec, i, j))
        out.push({ sampleIndex: j, time_s: times[j]!, a: offset + u, b: offset + v });
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

/** The four files (name → producer); the links are computed once, on the first file that needs them. */
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
      linesOf(ab.map(([a, b]) => `${a} ${b}`))(sink);
    },
    'isl_instants.txt': (sink) => linesOf(linksOf().map((l) => `${l.sampleIndex} ${l.time_s} ${l.a} ${l.b}`))(sink),
    'ground_stations.txt': (sink) =>
      linesOf(
        spec.stations.map(
          (s, gid) =>
            `${gid},${token(s.name)},${rad_to_deg(s.latitude_rad).toFixed(6)},${rad_to_deg(s.longitude_rad).toFixed(6)},${s.altitude_m.toFixed(1)}`,
        ),
      )(sink),
  };
}
