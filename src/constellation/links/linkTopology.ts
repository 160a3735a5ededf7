/**
 * Which inter-satellite links a shell's topology lays, as link classes with counts, a few
 * representative links per class (for the geometry sampler) and, when asked (small shells in an
 * evaluation, any shell in an export), a walk of the explicit edges.
 *
 * Topologies on node (p, s): ring (p, s)–(p, s+1 mod S); grid adds (p, s)–(p+1, s) and the seam link
 * (P−1, s)–(0, (s+F) mod S), whose phase offset F·2π/(P·S) matches every other pair's (Walker 1984); mesh adds the
 * diagonals; cluster links lattice neighbours within link range. No seam for P ≤ 2, walker-star or an sso-ltan band
 * narrower than 24 h (cylinders). Every plane is plane 0 rotated with a time shift, so a class is sampled on planes
 * 0 and 1 plus the seam, every `stride`-th base slot weighted by the shell links it stands for.
 * Derivation, evidence and costs: docs/constellations.md §"Link topologies".
 */
import { maxOf } from '../../base/arrays.js';
import type { ClusterFormation } from '../geometry/clusterFormation.js';
import type { ConstellationTopology, ShellGeometrySpec } from '../design/types.js';

export const LINK_CLASSES = ['inPlane', 'crossPlane', 'diagonal', 'cluster'] as const;
export type LinkClass = (typeof LINK_CLASSES)[number];

export interface SatelliteRef {
  readonly plane: number;
  readonly slot: number;
}

export interface RepresentativeLink {
  readonly linkClass: LinkClass;
  readonly a: SatelliteRef;
  readonly b: SatelliteRef;
  /** Number of shell links this representative stands for. */
  readonly weight: number;
  /** Crosses the seam between plane P−1 and plane 0. */
  readonly seam: boolean;
  /** Latitude cutoff applies (cross-plane and diagonal links). */
  readonly cutoffApplies: boolean;
}

export interface LinkTopologyParams {
  readonly shell: Readonly<ShellGeometrySpec>;
  readonly topology: ConstellationTopology;
  /** Cluster topology: neighbours whose largest distance over the orbit is ≤ this [m] are linked. */
  readonly clusterLinkRange_m: number;
  /** Base slots per class sampled at most (stride above it). */
  readonly maxRepresentativesPerClass: number;
  /** Enumerate explicit edges (small shells only). */
  readonly explicitEdges: boolean;
  /** The members' relative orbits when the pattern is `cluster`. */
  readonly clusterFormation?: ClusterFormation;
}

/**
 * Visits one shell link: its end nodes (node index = plane·S + slot), class and the index of the representative whose
 * window statistics it shares.
 */
export type EdgeVisitor = (u: number, v: number, linkClass: LinkClass, representative: number) => void;

export interface LinkTopology {
  readonly counts: Readonly<Record<LinkClass, number>>;
  readonly representatives: readonly RepresentativeLink[];
  /** Links per node each class contributes at most (seam included). */
  readonly degree: Readonly<Record<LinkClass, number>>;
  /**
   * Visits every shell link (null unless explicit edges are asked for), from index arithmetic: no list is held, so a
   * shell of any size is walked at constant memory.
   */
  readonly forEachEdge: ((visit: EdgeVisitor) => void) | null;
}

const zeroByClass = (): Record<LinkClass, number> => ({ inPlane: 0, crossPlane: 0, diagonal: 0, cluster: 0 });

/** One slot family's links: base slots 0..n−1 of graph planes `graphPlanes`, (q, s)–(q or q + 1, s + shift). */
interface SlotFamily {
  readonly linkClass: LinkClass;
  readonly n: number;
  readonly shift: number;
  readonly graphPlanes: readonly number[];
  /** Index of the family's first representative. */
  readonly first: number;
}

/**
 * The adder of one slot family: base slots 0..n−1, link (plane pa, s)–(plane pb, s + shift), graph planes
 * `graphPlanes`; it counts the family's links, samples its representatives and lists the family in `families`.
 */
function familyAdder(
  p: Readonly<LinkTopologyParams>,
  stride: number,
  counts: Record<LinkClass, number>,
  reps: RepresentativeLink[],
  families: SlotFamily[],
) {
  const S = p.shell.satsPerPlane;
  return (
    linkClass: LinkClass,
    n: number,
    planeLinks: number,
    seam: boolean,
    pa: number,
    pb: number,
    shift: number,
    graphPlanes: readonly number[],
  ): void => {
    if (n === 0 || planeLinks === 0) return;
    counts[linkClass] += n * planeLinks;
    families.push({ linkClass, n, shift, graphPlanes, first: reps.length });
    for (let s = 0; s < n; s += stride) {
      const covered = Math.min(stride, n - s);
      reps.push({
        linkClass,
        a: { plane: pa, slot: s },
        b: { plane: pb, slot: (s + shift) % S },
        weight: covered * planeLinks,
        seam,
        cutoffApplies: linkClass !== 'inPlane',
      });
    }
  };
}

/** Visits the links of the slot families (familyAdder), each base slot's link on the representative of its stride. */
function familyEdges(p: Readonly<LinkTopologyParams>, stride: number, families: readonly SlotFamily[]) {
  const { planes: P, satsPerPlane: S } = p.shell;
  return (visit: EdgeVisitor): void => {
    for (const { linkClass, n, shift, graphPlanes, first } of families)
      for (const q of graphPlanes) {
        const qb = linkClass === 'inPlane' ? q : (q + 1) % P;
        for (let s = 0; s < n; s++)
          visit(q * S + s, qb * S + ((s + shift) % S), linkClass, first + Math.floor(s / stride));
      }
  };
}

/**
 * Whether cross-plane links join the last plane to the first (the shell is a torus, else an open cylinder). The seam
 * closes only where the planes span the full circle of RAAN: Walker delta, or an sso-ltan band of 24 h, with at least
 * three planes. Walker star's seam planes counter-rotate (Iridium lays no links across it), and a partial LTAN band
 * leaves a gap of RAAN between its last and first plane.
 */
export function closesSeam(shell: Readonly<ShellGeometrySpec>): boolean {
  return (
    shell.planes >= 3 && (shell.pattern === 'walker-delta' || (shell.pattern === 'sso-ltan' && shell.ltanBand_h >= 24))
  );
}

/** Link classes, representatives and (optionally) explicit edges of one shell. */
export function linkTopology(p: Readonly<LinkTopologyParams>): LinkTopology {
  const { planes: P, satsPerPlane: S, phasing: F } = p.shell;
  const counts = zeroByClass(),
    degree = zeroByClass();
  const reps: RepresentativeLink[] = [];
  const isCluster = p.shell.pattern === 'cluster';
  if ((p.topology === 'cluster') !== isCluster && p.topology !== 'none') {
    throw new RangeError(
      `topology '${p.topology}' does not fit pattern '${p.shell.pattern}' (cluster topology ⇔ cluster pattern)`,
    );
  }
  const stride = Math.max(1, Math.ceil(S / p.maxRepresentativesPerClass));
  const families: SlotFamily[] = [];
  const done = (): LinkTopology => ({
    counts,
    representatives: reps,
    degree,
    forEachEdge: p.explicitEdges ? familyEdges(p, stride, families) : null,
  });
  if (p.topology === 'none') return done();
  if (isCluster) return clusterTopology(p, counts, degree);

  const family = familyAdder(p, stride, counts, reps, families);
  const range = (n: number): number[] => Array.from({ length: Math.max(0, n) }, (_, i) => i);

  const inPlaneLinks = S >= 3 ? S : S === 2 ? 1 : 0;
  family('inPlane', inPlaneLinks, P, false, 0, 0, 1, range(P));
  degree.inPlane = S >= 3 ? 2 : S === 2 ? 1 : 0;
  if (p.topology === 'ring') return done();

  const seamed = closesSeam(p.shell);
  const crossDegree = P >= 3 ? 2 : P === 2 ? 1 : 0; // interior planes have two neighbours, seam or not
  if (P >= 2) {
    family('crossPlane', S, P - 1, false, 0, 1, 0, range(P - 1));
    if (seamed) family('crossPlane', S, 1, true, P - 1, 0, F, [P - 1]);
    degree.crossPlane = crossDegree;
  }
  if (p.topology === 'mesh' && P >= 2 && S >= 2) {
    family('diagonal', S, P - 1, false, 0, 1, 1, range(P - 1));
    if (seamed) family('diagonal', S, 1, true, P - 1, 0, F + 1, [P - 1]);
    degree.diagonal = crossDegree;
  }
  return done();
}

function clusterTopology(
  p: Readonly<LinkTopologyParams>,
  counts: Record<LinkClass, number>,
  degree: Record<LinkClass, number>,
): LinkTopology {
  const f = p.clusterFormation;
  const { planes: P, satsPerPlane: S } = p.shell;
  if (f === undefined || f.orbits.length !== S)
    throw new RangeError('cluster topology needs one relative orbit per member');
  const reps: RepresentativeLink[] = [];
  const memberDegree = new Array<number>(S).fill(0);
  // Every neighbour pair is one lattice step apart: they share the formation's largest neighbour distance.
  const inRange = f.neighbourDistance_m.max <= p.clusterLinkRange_m;
  const pairs = inRange ? f.neighbours : [];
  for (const [i, j] of pairs) {
    memberDegree[i]!++;
    memberDegree[j]!++;
    reps.push({
      linkClass: 'cluster',
      a: { plane: 0, slot: i },
      b: { plane: 0, slot: j },
      weight: P,
      seam: false,
      cutoffApplies: false,
    });
  }
  counts.cluster = reps.length * P;
  degree.cluster = maxOf([0, ...memberDegree]);
  const clusterEdges = (visit: EdgeVisitor): void =>
    pairs.forEach(([i, j], r) => {
      for (let c = 0; c < P; c++) visit(c * S + i, c * S + j, 'cluster', r);
    });
  return { counts, representatives: reps, degree, forEachEdge: p.explicitEdges ? clusterEdges : null };
}
