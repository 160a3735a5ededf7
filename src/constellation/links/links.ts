/**
 * Inter-satellite links of one shell over the sampling window: per link class the range, rate, availability,
 * Earth blockage and pointing-rate statistics, the shell totals, and for small shells the explicit link graph at a
 * snapshot instant.
 *
 * `linkTopology.ts` lays the links (planes 0, 1 and the seam pair propagated), `linkSampling.ts` samples them; rate =
 * optical link budget (`models/linkBudget.ts`) capped at the terminal rating. A link is on at a sample when its line of
 * sight clears the grazing height, (cross-plane, diagonal) both ends are within the latitude cutoff and its pointing
 * rate is within the terminal's slew limit (linkSampling.ts): Earth blockage, the cutoff and pointing switch a link off
 * at the samples they hold, never for the whole window. Time-averaged capacity = mean over the samples of the rate
 * while on (rate × availability).
 * Validity: as `propagate.ts`; the explicit graph only for shells of ≤ maxGraphNodes satellites.
 * Derivation, evidence and costs: docs/constellations.md §"Inter-satellite links of a shell".
 */
import {
  linkRateCoefficients,
  opticalTerminalFromRow,
  type OpticalTerminalRow,
} from '../../models/links/linkBudget.js';
import {
  buildSnapshotGraph,
  forEachSnapshotLink,
  maxLinkDegree,
  type GraphContext,
  type LinkGraph,
  type SnapshotLinkVisitor,
} from './linkGraph.js';
import { LINK_CLASSES, linkTopology, type LinkClass, type LinkTopology } from './linkTopology.js';
import { sampleRepresentativeLinks, type RepresentativeStats } from './linkSampling.js';
import { clusterMotion, shellFormation } from '../geometry/clusterFormation.js';
import { planeElements } from '../geometry/pattern.js';
import { propagatePlane, windowTimes_s, type PlaneTrack } from '../geometry/propagate.js';
import type { ConstellationTopology, SamplingWindow, ShellGeometrySpec, Stats } from '../design/types.js';

export type { GraphEdge, LinkGraph } from './linkGraph.js';

/** 80 km LOS floor of published LEO ISL studies (Bhattacherjee & Singla, CoNEXT 2019) + 20 km margin (estimate). */
export const DEFAULT_GRAZING_HEIGHT_m = 100e3;
export const DEFAULT_MAX_GRAPH_NODES = 2000;
/**
 * Base slots sampled per class: links of a class are time-shifted copies, so 32 reproduce the class statistics (range
 * to < 0.01 %).
 */
export const DEFAULT_REPRESENTATIVES_PER_CLASS = 32;

/** Catalog fields of the terminal (an `isl-terminals.yaml` row satisfies it). */
export interface LinkTerminalRow extends OpticalTerminalRow {
  readonly range_km: number;
  readonly maxSlewRate_deg_s: number;
}

export interface ShellLinksParams {
  readonly shell: Readonly<ShellGeometrySpec>;
  readonly window: Readonly<SamplingWindow>;
  readonly topology: ConstellationTopology;
  readonly terminal: Readonly<LinkTerminalRow>;
  /** Cross-plane and diagonal links off while either end is above this |latitude| [rad]; null = always on. */
  readonly latitudeCutoff_rad?: number | null;
  /** Lowest altitude the line of sight may reach [m]. */
  readonly grazingHeight_m?: number;
  readonly maxGraphNodes?: number;
  /** Sample index of the graph snapshot (default 0). */
  readonly snapshotIndex?: number;
  /**
   * Cluster topology: neighbours whose largest distance over an orbit is within this [m] are linked (default range_km).
   */
  readonly clusterLinkRange_m?: number;
  readonly maxRepresentativesPerClass?: number;
}

export interface LinkClassStats {
  readonly count: number;
  readonly range_m: Stats;
  /** Over the samples a link is on. */
  readonly rate_bps: Stats;
  readonly availability: number;
  /** Links blocked by the Earth at one sample or more (off at those samples). */
  readonly blocked: number;
  /** Share of the class's link-samples lost to pointing (clear of the Earth and the cutoff, above the slew limit). */
  readonly pointingLostFraction: number;
  /** Time-averaged capacity per link (rate × availability) [bit/s]. */
  readonly meanCapacity_bps: number;
  /** Largest pointing rate over the samples a link clears the Earth and the cutoff [rad/s]. */
  readonly maxPointingRate_rad_s: number;
  /** Links whose pointing rate exceeds the terminal's slew limit at one sample or more (off at those samples). */
  readonly pointingExceeded: number;
  readonly minLineOfSightAltitude_m: number;
  /** Lowest over the class's links of each link's highest line of sight over the window [m]. */
  readonly minPeakLineOfSightAltitude_m: number;
}

export interface ShellLinksResult {
  readonly topology: ConstellationTopology;
  readonly samples: number;
  readonly classes: Readonly<Record<LinkClass, LinkClassStats>>;
  readonly links: number;
  readonly linkRange_m: Stats;
  readonly linkRate_bps: Stats;
  readonly blockedLinks: number;
  /** Lowest altitude of any link's line of sight above R⊕ over the window [m] (Infinity without links). */
  readonly minLineOfSightAltitude_m: number;
  /**
   * Lowest over the links of each link's highest line of sight over the window [m] (Infinity without links): below
   * the grazing height some link is blocked at every sample, it never closes.
   */
  readonly minPeakLineOfSightAltitude_m: number;
  /** Max links per node counting the links on at some sample only (a never-closing link needs no terminal). */
  readonly terminalsPerNode: number;
  readonly maxPointingRate_rad_s: number;
  /** Nodes of the explicit graphs (null: the shell is too large for them). */
  readonly graphNodes: number | null;
  /** The explicit graph at the snapshot instant (null above maxGraphNodes), built on first read. */
  readonly graph: LinkGraph | null;
  /** Visits the graph's links without building it (null above maxGraphNodes): an export's walk of a large shell. */
  readonly forEachSnapshotLink: ((visit: SnapshotLinkVisitor) => void) | null;
}

const ZERO: Stats = { min: 0, mean: 0, max: 0 };
/** A link on at some sample of the window (one never on needs no terminal). */
const usable = (s: RepresentativeStats): boolean => s.upSamples > 0;

/** Link statistics (and, for small shells, the link graph) of one shell. */
export function shellLinks(p: Readonly<ShellLinksParams>): ShellLinksResult {
  const { shell, window: w } = p;
  const S = shell.satsPerPlane;
  const { cutoff, grazingHeight_m } = checkedParams(p);
  const slew = slewLimit_rad_s(p.terminal);
  const rate = linkRateCoefficients({ terminal: opticalTerminalFromRow(p.terminal) });
  const times = windowTimes_s(w);
  const k = snapshotIndex(p, times.length);
  const formation = shell.pattern === 'cluster' ? shellFormation(shell) : null;
  const motion = formation === null ? null : clusterMotion(shell, formation);
  const topo = shellTopology(p, formation);
  const slotPhase_rad = (s: number): number => (formation ? 0 : (2 * Math.PI * s) / S);
  const tracks = representativeTracks(topo, shell, w);
  const stats = sampleRepresentativeLinks({
    tracks,
    representatives: topo.representatives,
    slotPhase_rad,
    clusterMotion: motion,
    grazingHeight_m,
    latitudeCutoff_rad: cutoff,
    rate,
    slewLimit_rad_s: slew,
  });
  const n = times.length;
  const t = classTotals(topo, stats, n);
  const classes = t.classes;

  const base = {
    topology: p.topology,
    samples: n,
    classes,
    links: t.links,
    linkRange_m: t.linkRange_m,
    linkRate_bps: t.linkRate_bps,
    blockedLinks: t.blockedLinks,
    ...lineOfSight(t),
    terminalsPerNode:
      topo.forEachEdge === null
        ? classTerminals(topo, stats)
        : maxLinkDegree(topo.forEachEdge, stats, shell.planes * shell.satsPerPlane),
    maxPointingRate_rad_s: t.maxPointing,
  };
  const context = { shell, window: w, tracks, slotPhase_rad, motion, grazingHeight_m, cutoff, k, rate };
  return withGraphs(base, topo, { ...context, slewLimit_rad_s: slew });
}

/**
 * The result with its explicit graphs as getters that build both on first read (null without edges): the optimizer's
 * evaluation reads them only for shells the full LP solves. Without edges the result holds no getter, so a kept result
 * (evaluate.ts memo) does not keep the shell's tracks and statistics alive through the getters' closure.
 */
function withGraphs(
  base: Omit<ShellLinksResult, 'graphNodes' | 'graph' | 'forEachSnapshotLink'>,
  topo: LinkTopology,
  context: GraphContext,
): ShellLinksResult {
  const forEachEdge = topo.forEachEdge;
  if (forEachEdge === null) return { ...base, graphNodes: null, graph: null, forEachSnapshotLink: null };
  let graph: LinkGraph | undefined;
  return {
    ...base,
    graphNodes: context.shell.planes * context.shell.satsPerPlane,
    get graph() {
      return (graph ??= buildSnapshotGraph(forEachEdge, context));
    },
    forEachSnapshotLink: (visit) => forEachSnapshotLink(forEachEdge, context, visit),
  };
}

/** The shell's link classes, representatives and (for a shell small enough) edges. */
function shellTopology(
  p: Readonly<ShellLinksParams>,
  formation: ReturnType<typeof shellFormation> | null,
): LinkTopology {
  const explicit = p.shell.planes * p.shell.satsPerPlane <= (p.maxGraphNodes ?? DEFAULT_MAX_GRAPH_NODES);
  return linkTopology({
    shell: p.shell,
    topology: p.topology,
    clusterLinkRange_m: p.clusterLinkRange_m ?? p.terminal.range_km * 1e3,
    maxRepresentativesPerClass: p.maxRepresentativesPerClass ?? DEFAULT_REPRESENTATIVES_PER_CLASS,
    explicitEdges: explicit,
    ...(formation ? { clusterFormation: formation } : {}),
  });
}

/** The shell's lowest line of sight, and its worst link's best. */
const lineOfSight = ({ minLineOfSightAltitude_m, minPeakLineOfSightAltitude_m }: ReturnType<typeof classTotals>) => ({
  minLineOfSightAltitude_m,
  minPeakLineOfSightAltitude_m,
});

/** Tracks over the window of the planes the representative links join. */
function representativeTracks(
  topo: LinkTopology,
  shell: ShellLinksParams['shell'],
  w: ShellLinksParams['window'],
): Map<number, PlaneTrack> {
  const tracks = new Map<number, PlaneTrack>();
  for (const r of topo.representatives) {
    for (const q of [r.a.plane, r.b.plane])
      if (!tracks.has(q)) tracks.set(q, propagatePlane(planeElements(shell, q, w.epochIso), w));
  }
  return tracks;
}

/** The terminal's slew limit [rad/s]. */
export const slewLimit_rad_s = (terminal: Pick<LinkTerminalRow, 'maxSlewRate_deg_s'>): number =>
  (terminal.maxSlewRate_deg_s * Math.PI) / 180;

/** Per-class statistics and their totals over the shell's links (range, rate while up, pointing rate). */
function classTotals(
  topo: LinkTopology,
  stats: readonly RepresentativeStats[],
  n: number,
): {
  classes: Record<LinkClass, LinkClassStats>;
  links: number;
  blockedLinks: number;
  minLineOfSightAltitude_m: number;
  minPeakLineOfSightAltitude_m: number;
  linkRange_m: Stats;
  linkRate_bps: Stats;
  maxPointing: number;
} {
  const classes = {} as Record<LinkClass, LinkClassStats>;
  let links = 0,
    blockedLinks = 0,
    losMin = Infinity,
    peakMin = Infinity,
    rMin = Infinity,
    rMax = 0,
    rSum = 0,
    qMin = Infinity,
    qMax = 0,
    qSum = 0,
    qW = 0,
    maxPointing = 0;
  for (const c of LINK_CLASSES) {
    const { cls, represented, rateSum, upWeight, anyUp } = classStats(c, topo, stats, n);
    classes[c] = cls;
    if (!represented) continue;
    links += cls.count;
    blockedLinks += cls.blocked;
    losMin = Math.min(losMin, cls.minLineOfSightAltitude_m);
    peakMin = Math.min(peakMin, cls.minPeakLineOfSightAltitude_m);
    rMin = Math.min(rMin, cls.range_m.min);
    rMax = Math.max(rMax, cls.range_m.max);
    rSum += cls.range_m.mean * cls.count;
    if (anyUp) {
      qMin = Math.min(qMin, cls.rate_bps.min);
      qMax = Math.max(qMax, cls.rate_bps.max);
      qSum += rateSum;
      qW += upWeight;
    }
    maxPointing = Math.max(maxPointing, cls.maxPointingRate_rad_s);
  }
  return {
    classes,
    links,
    blockedLinks,
    minLineOfSightAltitude_m: losMin,
    minPeakLineOfSightAltitude_m: peakMin,
    linkRange_m: links === 0 ? ZERO : { min: rMin, mean: rSum / links, max: rMax },
    linkRate_bps: qW === 0 ? ZERO : { min: qMin, mean: qSum / qW, max: qMax },
    maxPointing,
  };
}

/** Terminals per node without an explicit graph: each class's degree, if any of its links is usable. */
function classTerminals(topo: LinkTopology, stats: readonly RepresentativeStats[]): number {
  const degreeOf = (c: LinkClass): number =>
    topo.representatives.some((r, i) => r.linkClass === c && usable(stats[i]!)) ? topo.degree[c] : 0;
  return LINK_CLASSES.reduce((a, c) => a + degreeOf(c), 0);
}

/** The snapshot's sample index (default 0), checked against the window's samples. */
function snapshotIndex(p: Readonly<ShellLinksParams>, samples: number): number {
  const k = p.snapshotIndex ?? 0;
  if (!(Number.isInteger(k) && k >= 0 && k < samples))
    throw new RangeError(`snapshotIndex must be a sample index 0…${samples - 1}, got ${k}`);
  return k;
}

/** The parameters shellLinks checks (RangeError otherwise), with the defaults filled in. */
function checkedParams(p: Readonly<ShellLinksParams>): { cutoff: number | null; grazingHeight_m: number } {
  const P = p.shell.planes,
    S = p.shell.satsPerPlane;
  if (!(Number.isInteger(P) && P >= 1 && Number.isInteger(S) && S >= 1))
    throw new RangeError(`planes and satsPerPlane must be whole numbers ≥ 1, got ${P}, ${S}`);
  const cutoff = p.latitudeCutoff_rad ?? null;
  if (cutoff !== null && !(cutoff >= 0 && cutoff <= Math.PI / 2))
    throw new RangeError(`latitudeCutoff_rad must be in [0, π/2], got ${cutoff}`);
  const grazingHeight_m = p.grazingHeight_m ?? DEFAULT_GRAZING_HEIGHT_m;
  if (!(grazingHeight_m >= 0)) throw new RangeError(`grazingHeight_m must be ≥ 0, got ${grazingHeight_m}`);
  if (!(p.terminal.maxSlewRate_deg_s > 0)) throw new RangeError('terminal.maxSlewRate_deg_s must be > 0');
  return { cutoff, grazingHeight_m };
}

/**
 * One link class's statistics from its weighted representatives (n samples each; represented: whether it has one),
 * with the weighted sums of the rates and up-samples of its usable links (anyUp: whether it has one).
 */
function classStats(
  c: LinkClass,
  topo: ReturnType<typeof linkTopology>,
  stats: readonly RepresentativeStats[],
  n: number,
): { cls: LinkClassStats; represented: boolean; rateSum: number; upWeight: number; anyUp: boolean } {
  const count = topo.counts[c];
  const m = classSums(c, topo.representatives, stats, n);
  if (m === null) {
    const cls = {
      count,
      range_m: ZERO,
      rate_bps: ZERO,
      availability: 0,
      blocked: 0,
      pointingLostFraction: 0,
      meanCapacity_bps: 0,
      maxPointingRate_rad_s: 0,
      pointingExceeded: 0,
      minLineOfSightAltitude_m: 0,
      minPeakLineOfSightAltitude_m: 0,
    };
    return { cls, represented: false, rateSum: 0, upWeight: 0, anyUp: false };
  }
  const W = m.weightTotal;
  const cls: LinkClassStats = {
    count,
    range_m: { min: m.rangeMin, mean: m.rangeMean / W, max: m.rangeMax },
    rate_bps: m.anyUp ? { min: m.rateMin, mean: m.rateSum / m.upWeight, max: m.rateMax } : ZERO,
    availability: m.availability / W,
    blocked: m.blocked,
    pointingLostFraction: m.pointingLost / W,
    meanCapacity_bps: m.capacity / W,
    maxPointingRate_rad_s: m.maxPointing,
    pointingExceeded: m.pointingExceeded,
    minLineOfSightAltitude_m: m.losMin,
    minPeakLineOfSightAltitude_m: m.peakMin,
  };
  return { cls, represented: true, rateSum: m.rateSum, upWeight: m.upWeight, anyUp: m.anyUp };
}

/**
 * The weighted sums (weight × value, over the class's representatives in index order; the rates' over its usable
 * ones), extremes and whether it has a usable link, of one link class (null: no representative).
 */
function classSums(
  c: LinkClass,
  reps: LinkTopology['representatives'],
  stats: readonly RepresentativeStats[],
  n: number,
): ClassSums | null {
  let m: ClassSums | null = null;
  for (let i = 0; i < reps.length; i++)
    if (reps[i]!.linkClass === c) (m ??= new ClassSums()).add(reps[i]!.weight, stats[i]!, n);
  return m;
}

/** Running weighted sums and extremes of one class's representatives (classSums). */
class ClassSums {
  anyUp = false;
  weightTotal = 0;
  upWeight = 0;
  rateSum = 0;
  rangeMean = 0;
  availability = 0;
  blocked = 0;
  pointingLost = 0;
  capacity = 0;
  pointingExceeded = 0;
  rangeMin = Infinity;
  rangeMax = -Infinity;
  rateMin = Infinity;
  rateMax = -Infinity;
  maxPointing = 0;
  losMin = Infinity;
  peakMin = Infinity;

  /** Adds representative s of weight w (n samples). */
  add(w: number, s: RepresentativeStats, n: number): void {
    this.weightTotal += w * 1;
    this.rangeMean += w * (s.rangeSum_m / n);
    this.availability += w * (s.upSamples / n);
    this.blocked += w * (s.blockedSamples > 0 ? 1 : 0);
    this.pointingLost += w * (s.pointingSamples / n);
    this.capacity += w * (s.rateSum_bps / n);
    this.pointingExceeded += w * (s.pointingSamples > 0 ? 1 : 0);
    this.rangeMin = Math.min(this.rangeMin, s.rangeMin_m);
    this.rangeMax = Math.max(this.rangeMax, s.rangeMax_m);
    this.maxPointing = Math.max(this.maxPointing, s.maxPointingRate_rad_s);
    this.losMin = Math.min(this.losMin, s.minLineOfSightAltitude_m);
    this.peakMin = Math.min(this.peakMin, s.maxLineOfSightAltitude_m);
    if (!usable(s)) return;
    this.anyUp = true;
    this.upWeight += w * s.upSamples;
    this.rateSum += w * s.rateSum_bps;
    this.rateMin = Math.min(this.rateMin, s.rateMin_bps);
    this.rateMax = Math.max(this.rateMax, s.rateMax_bps);
  }
}
