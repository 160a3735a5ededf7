/**
 * Explicit link graph of a small shell at one sample (every plane propagated to that instant; capacity 0 while a link
 * is blocked by the Earth, latitude-cut or turning faster than the terminal's slew limit at that instant, whatever the
 * other samples hold; pointing rate as linkSampling.ts).
 * Node index = plane·S + slot.
 */
import { linkRate_bps, type LinkRateCoefficients } from '../../models/links/linkBudget.js';
import type { LinkClass, LinkTopology } from './linkTopology.js';
import { lineOfSightAltitude_m, pointingRate_rad_s } from './linkGeometry.js';
import { satelliteState, STATE_FIELDS, type RepresentativeStats } from './linkSampling.js';
import type { ClusterMotion } from '../geometry/clusterFormation.js';
import { planeElements } from '../geometry/pattern.js';
import { propagatePlane, type PlaneTrack } from '../geometry/propagate.js';
import type { SamplingWindow, ShellGeometrySpec } from '../design/types.js';

export interface GraphEdge {
  readonly u: number;
  readonly v: number;
  readonly class: LinkClass;
  readonly capacity_bps: number;
  readonly length_m: number;
}

export interface LinkGraph {
  readonly nodes: number;
  /** Snapshot sample index. */
  readonly sampleIndex: number;
  readonly edges: readonly GraphEdge[];
}

export interface GraphContext {
  readonly shell: Readonly<ShellGeometrySpec>;
  readonly window: Readonly<SamplingWindow>;
  readonly tracks: ReadonlyMap<number, PlaneTrack>;
  readonly slotPhase_rad: (slot: number) => number;
  readonly motion: ClusterMotion | null;
  readonly grazingHeight_m: number;
  readonly cutoff: number | null;
  readonly k: number;
  readonly rate: Readonly<LinkRateCoefficients>;
  /** The terminal's slew limit [rad/s]. */
  readonly slewLimit_rad_s: number;
}

/** A link on at some sample of the window (one never on needs no terminal). */
const usable = (s: RepresentativeStats): boolean => s.upSamples > 0;

/**
 * Writes a satellite's state at sample k into out[o…] (satelliteState): planes are propagated on first use, over the
 * window when `g.tracks` lacks them only up to t_k.
 */
function snapshotPlacer(g: GraphContext): (node: number, out: Float64Array, o: number) => void {
  const { shell, window: w, k } = g;
  const S = shell.satsPerPlane;
  // A plane not propagated over the window is propagated over [0, t_k] only (its last sample is t_k).
  const t_k = k * w.step_s;
  const at = new Map<number, { track: PlaneTrack; j: number }>();
  const trackAt = (q: number): { track: PlaneTrack; j: number } => {
    let e = at.get(q);
    if (e === undefined) {
      const full = g.tracks.get(q);
      e = full
        ? { track: full, j: k }
        : k === 0
          ? {
              track: propagatePlane(planeElements(shell, q, w.epochIso), {
                epochIso: w.epochIso,
                duration_s: w.step_s,
                step_s: w.step_s,
              }),
              j: 0,
            }
          : {
              track: propagatePlane(planeElements(shell, q, w.epochIso), {
                epochIso: w.epochIso,
                duration_s: t_k,
                step_s: t_k,
              }),
              j: 1,
            };
      at.set(q, e);
    }
    return e;
  };
  return (node: number, out: Float64Array, o: number): void => {
    const { track, j } = trackAt(Math.floor(node / S));
    satelliteState(track, j, node % S, g.slotPhase_rad, g.motion, out, o);
  };
}

/** Most links of one node among the edges usable at some sample (its terminals), the edges visited in place. */
export function maxLinkDegree(
  forEachEdge: NonNullable<LinkTopology['forEachEdge']>,
  stats: readonly RepresentativeStats[],
  nodes: number,
): number {
  const degree = new Int32Array(nodes);
  let most = 0;
  forEachEdge((u, v, _linkClass, representative) => {
    if (usable(stats[representative]!)) most = Math.max(most, ++degree[u]!, ++degree[v]!);
  });
  return most;
}

/** Visits one link at the snapshot: its ends, class, capacity (0 while off) [bit/s] and length [m]. */
export type SnapshotLinkVisitor = (
  u: number,
  v: number,
  linkClass: LinkClass,
  capacity_bps: number,
  length_m: number,
) => void;

/**
 * Visits every link at sample k (every plane propagated to that instant) in the topology's order, without listing
 * the edges or building an object per link: a shell of any size is walked at the memory of its plane tracks.
 */
export function forEachSnapshotLink(
  forEachEdge: NonNullable<LinkTopology['forEachEdge']>,
  g: GraphContext,
  visit: SnapshotLinkVisitor,
): void {
  const place = snapshotPlacer(g);
  // The two ends' states: A at 0, B at STATE_FIELDS.
  const ends = new Float64Array(2 * STATE_FIELDS);
  const A = ends.subarray(0, 3),
    B = ends.subarray(STATE_FIELDS, STATE_FIELDS + 3);
  const cutoff = g.cutoff ?? Infinity;
  const lat = (v: Float64Array): number => Math.abs(Math.asin(v[2]! / Math.hypot(v[0]!, v[1]!, v[2]!)));
  forEachEdge((u, v, linkClass) => {
    place(u, ends, 0);
    place(v, ends, STATE_FIELDS);
    const length_m = Math.hypot(B[0]! - A[0]!, B[1]! - A[1]!, B[2]! - A[2]!);
    const los = lineOfSightAltitude_m(A[0]!, A[1]!, A[2]!, B[0]!, B[1]!, B[2]!) >= g.grazingHeight_m;
    const cut = linkClass !== 'inPlane' && linkClass !== 'cluster' && (lat(A) > cutoff || lat(B) > cutoff);
    const on = los && !cut && pointingRate_rad_s(ends, 0, STATE_FIELDS) <= g.slewLimit_rad_s;
    visit(u, v, linkClass, on ? linkRate_bps(g.rate, length_m) : 0, length_m);
  });
}

/** The graph at sample k (forEachSnapshotLink's links as a list). */
export function buildSnapshotGraph(forEachEdge: NonNullable<LinkTopology['forEachEdge']>, g: GraphContext): LinkGraph {
  const edges: GraphEdge[] = [];
  forEachSnapshotLink(forEachEdge, g, (u, v, linkClass, capacity_bps, length_m) =>
    edges.push({ u, v, class: linkClass, capacity_bps, length_m }),
  );
  return { nodes: g.shell.planes * g.shell.satsPerPlane, sampleIndex: g.k, edges };
}
