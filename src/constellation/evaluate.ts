/**
 * Composes the constellation models into one evaluation: spec → ConstellationRecord.
 *
 * Order: every shell's node through the node model at that shell's orbit (an SSO shell's node at its most-shadowed
 * plane's LTAN, ssoPlanes.ts) → each vehicle's payload into each shell's orbit (a shell none can reach fails the design
 * before the costly stages) → plane tracks (SGP4, one reference orbit per shell) → ISL links per shell → gateway
 * contacts → network per shell (`shellNetwork.ts`) → launch campaign (MILP) → economics → life year by year
 * (economics/life.ts: the deployment milestones read it) → orbital environment → constraints. Pure apart from the
 * injected LP solver; SI inside, user units only in the record.
 * Launch: each shell packed at its own node, one shell per launch (src/models/launch/launchPerformance.ts); the
 * vehicle rows' prices are authoritative. Multi-shell approximations (stated in the record notes): economics use the
 * satellite-weighted mean node cost and delivered compute; each shell's network sees the full gateway capacity.
 * Derivation, evidence and costs: docs/constellations.md §"Evaluation order".
 */
import { maxOf, minOf, pushAll } from '../base/arrays.js';
import type { NodeDesign } from '../node/design/schema.js';
import { evaluateNode } from '../node/evaluate.js';
import { closeNodeDesign } from '../node/stages/sizing.js';
import type { LpSolver } from '../optimize/lp.js';
import { leanOmittedPaths, tableBuilder } from '../base/recordFields.js';
import { rad_to_deg } from '../base/convert.js';
import type { DesignRecord } from '../node/record/record.js';
import type { ConstellationSpec } from './design/compile.js';
import { constellationLearningRate, constellationSatellites, generationEconomics } from './economics/generation.js';
import { conjunctionScreen } from './environment/conjunction.js';
import { CONJUNCTION_NOTE, conjunctionRecord } from './environment/conjunctionRecord.js';
import { filedShellClearance_m, shellOverlaps } from './environment/environment.js';
import { skyFigures, type SkyFigures } from './environment/skyFigures.js';
import { groundContacts, type GroundContactParams, type GroundContactResult } from './ground/ground.js';
import { deployedBy, type LaunchCampaignResult } from './launch/launch.js';
import { JULIAN_YEAR_s } from '../base/constants.js';
import { campaignPayloads, launchPlan, stationMass_kg } from './launch/launchPlan.js';
import { lifePlan } from './economics/lifePlan.js';
import { DEFAULT_GRAZING_HEIGHT_m, shellLinks, type ShellLinksParams, type ShellLinksResult } from './links/links.js';
import { withFormationKeeping } from './geometry/clusterKeeping.js';
import { shellFormation } from './geometry/clusterFormation.js';
import { planeElements } from './geometry/pattern.js';
import { gmstSamples_rad, windowTimes_s, type PlaneTrack } from './geometry/propagate.js';
import { planeTracksFromReference, referenceOrbit, TrackScratch, type ReferenceOrbit } from './geometry/shellTracks.js';
import type { ConstellationRecord } from './record/record.js';
import { shellNetwork, snapshotSamples, type ShellNetworkResult } from './network/shellNetwork.js';
import { Memo, SolverMemo } from './memo.js';
import { seriesStats } from './network/networkSeries.js';
import { constellationDetails, type ConstellationDetails } from './record/details.js';
import { constellationConstraints } from './record/constraints.js';
import { CONSTELLATION_FIELDS, type ConstellationStages } from './record/fields.js';

const M_PER_KM = 1000;

/** Reference orbits kept across evaluations (budget in samples: ~70 MB of positions, velocities and normals). */
const REFERENCES = new Memo<ReferenceOrbit>(1_000_000);
/**
 * Shell link results kept across evaluations (they depend on geometry, topology and terminal only), in entries. A study
 * revisits a shell whenever an offspring takes it whole from a parent (only the other shell, the launcher or node
 * variables change), and the parent may be several generations old: 64 entries (under one generation's shells) kept
 * 74 of the shipped constellation study's 2,556 link results, 1,024 keep 343 (~0.1 s of its link sampling). A result
 * without explicit graphs holds only its statistics (~2 kB, links.ts `withGraphs`).
 */
const LINKS = new Memo<ShellLinksResult>(1024);
/**
 * Shell networks kept across evaluations (all-to-all traffic: a function of the shell's link inputs, which also fix its
 * tracks and links, the traffic, the instants and the LP size limit). An offspring that keeps a parent's shell may meet
 * it generations later: with 1,024 entries the shipped constellation study solves 1,752 fewer open-cylinder instants
 * than with 64 (16,860 → 15,108) and spends ~1 CPU-s less. An entry holds the instants' figures and, for a shell
 * small enough for the full LP, its worst instant's link graph (tens of kB).
 */
const NETWORKS = new SolverMemo<ShellNetworkResult>(1024);

/**
 * The constellation's rate per node at each instant: the worst shell's then. A shell solved at one instant
 * (fixed cluster lattice) stands for every instant; a shell with no path between its planes is 0 throughout.
 */
export function constellationSeries(
  networks: readonly Pick<ShellNetworkResult, 'instants'>[],
  bound: 'throughputPerNode_bps' | 'upperBound_bps' = 'throughputPerNode_bps',
): number[] {
  const k = maxOf([1, ...networks.map((n) => n.instants.length)]);
  return Array.from({ length: k }, (_, i) =>
    networks.reduce((a, n) => {
      const at = n.instants[Math.min(i, n.instants.length - 1)];
      return Math.min(a, at?.[bound] ?? 0);
    }, Infinity),
  );
}

/**
 * How each SSO shell's node was sized against its planes' local times (one node per shell, at the most-shadowed plane).
 */
function ssoNotes(spec: ConstellationSpec): string[] {
  const notes: string[] = [];
  for (const s of spec.shells) {
    const o = s.sso;
    if (o === null || o.ltansEvaluated === 1) continue; // one LTAN: the node is at the shell's own orbit
    const name = s.geometry.name;
    notes.push(
      `shell ${name}: SSO planes over ${o.ltanSpread_h} h of local time; the node is sized for the most-shadowed plane ` +
        `(LTAN ${o.sizingLtan_h.toFixed(2)} h, mean shadow ${o.eclipseFractionWorst.toFixed(3)}; ` +
        `least-shadowed plane ${o.eclipseFractionBest.toFixed(3)} at ${o.bestLtan_h.toFixed(2)} h; ` +
        `${o.ltansEvaluated} distinct plane LTANs through the orbit model)`,
    );
    if (!o.sizingPlaneHasLongestEclipse) {
      notes.push(
        `shell ${name}: the plane at LTAN ${o.longestEclipseLtan_h.toFixed(2)} h has a longer single eclipse ` +
          `(${o.longestEclipse_s.toFixed(0)} s) than the sizing plane: the node's battery and worst-orbit array sizing carry that eclipse`,
      );
    }
  }
  return notes;
}

export function evaluateConstellation(spec: ConstellationSpec, lp: LpSolver): ConstellationRecord {
  return evaluate(spec, lp, false, false).record;
}

/**
 * Metrics the lean evaluation does not compute, the record fields wrapped in `omittedWhenLean` (record/fields.ts):
 * gateway contacts (even where downlink traffic routes to them), the network's path statistics and bound gap (the
 * routing lower bounds of the reduced models, which never set the reported rate of a +Grid shell). They read NaN in
 * its record.
 */
export const LEAN_OMITTED_METRICS: readonly string[] = leanOmittedPaths(CONSTELLATION_FIELDS);
const LEAN_OMITTED: ReadonlySet<string> = new Set(LEAN_OMITTED_METRICS);

/** Whether the lean evaluation gives every one of these metric paths. */
export function leanEvaluationGives(metricPaths: readonly string[]): boolean {
  return metricPaths.every((m) => !LEAN_OMITTED.has(m));
}

/**
 * The optimizer's evaluation of a study that reads none of LEAN_OMITTED_METRICS: the same stages and the same numbers
 * bit for bit (test/constellation/lean.test.ts), without what only those metrics, the record's lists and the reports
 * read (gateway contacts, path statistics, routing lower bounds, phasing suggestions of shells closer than the required
 * separation; its lists are empty). Its record is read for objectives and constraints, never written: a run's
 * reported designs are evaluated again with evaluateConstellation.
 */
export function evaluateConstellationLean(spec: ConstellationSpec, lp: LpSolver): ConstellationRecord {
  return evaluate(spec, lp, false, true).record;
}

/** The record and the time series behind it (deployment, contact timeline, a link graph), for reports. */
export function evaluateConstellationWithDetails(
  spec: ConstellationSpec,
  lp: LpSolver,
): { record: ConstellationRecord; details: ConstellationDetails } {
  const r = evaluate(spec, lp, true, false);
  return { record: r.record, details: r.details! };
}

const GEOMETRY_NOTE =
  'geometry: SGP4 (satellite.js) of one reference orbit per altitude and inclination, planes as its copies rotated ' +
  'about the polar axis and shifted in time (within 0.25 m of plane-by-plane SGP4), other slots by rotation in the plane; ' +
  "eclipse from the node model at each shell's sizing plane";

function evaluate(
  spec: ConstellationSpec,
  lp: LpSolver,
  withDetails: boolean,
  lean: boolean,
): { record: ConstellationRecord; details: ConstellationDetails | null } {
  const { stages, constraints, notes, ground, campaign } = constellationStages(spec, lp, lean);
  const details = withDetails
    ? constellationDetails({ spec, ground, campaign, networks: stages.networks, life: stages.life })
    : null;
  const record: ConstellationRecord = {
    schemaVersion: 1,
    name: spec.name,
    kind: 'constellation',
    ...buildFields(lean, stages),
    constraints,
    notes,
  };
  return { record, details };
}

/** Every field of the record but its constraints and notes (CONSTELLATION_FIELDS). */
const buildFields = tableBuilder<ConstellationStages, typeof CONSTELLATION_FIELDS>(CONSTELLATION_FIELDS);

/**
 * Every stage of an evaluation, in order: the results the record's fields read, its constraints and notes, and the
 * gateway model and launch campaign the reports' details read. `lean`: the lean evaluation's stages.
 */
export function constellationStages(spec: ConstellationSpec, lp: LpSolver, lean: boolean) {
  const notes: string[] = [];
  const { designs, nodes } = shellNodes(spec, notes, lean);
  // a shell no vehicle can reach or carry fails the launch check (lean or full alike), its campaign planned for
  // reference (so do launch caps too small for every satellite: campaign.shortfalls)
  const { payloads, unlaunchable } = campaignPayloads(spec, notes, nodes.map(stationMass_kg));
  const sats = spec.shells.map((s) => s.geometry.planes * s.geometry.satsPerPlane);
  const satellites = sats.reduce((a, b) => a + b, 0);

  const tracks = planeTracks(spec, lean);
  const linkParams = shellLinkParams(spec);
  const links = linkParams.map((p) => LINKS.get(JSON.stringify(p), () => shellLinks(p)));
  const { ground, contacts } = gatewayContacts(spec, tracks, notes, lean);
  const networks = shellNetworks({ spec, links, linkParams, tracks, ground, lp, lean }, notes);

  const { campaign, shortfalls, launchRecord } = launchPlan(spec, nodes, sats, lp, notes, payloads);
  const econ = generationEconomics(spec, nodes, sats, campaign.launch_USD, notes);
  // satellites serve from station: the first deployment reaches it the time to station after each launch
  const life = lifePlan(spec, nodes, sats, toStation(campaign, launchRecord.timeToStation_s), econ);
  const environment = separation(spec, notes, lean);
  pushAll(notes, ssoNotes(spec));

  const violations = linkViolations(links);
  // The constellation's rate at an instant is its worst shell's; mean, p5 and worst over the instants.
  const net = seriesStats(constellationSeries(networks));
  // the milestones read the life's first deployment (the campaign's schedule as the factory allows it)
  const half = deployedBy(life.deployment, spec.launch.milestoneHalf_yr) / satellites;
  const full = deployedBy(life.deployment, spec.launch.milestoneFull_yr) / satellites;
  const constraints = constellationConstraints(spec, nodes, {
    lineOfSight_km: lineOfSightForCheck_m(spec, violations.minPeakLineOfSightAltitude_m) / M_PER_KM,
    grazingHeight_km: DEFAULT_GRAZING_HEIGHT_m / M_PER_KM,
    maxPointingRate_deg_s: rad_to_deg(maxOf([0, ...links.map((l) => l.maxPointingRate_rad_s)])),
    slewLimit_deg_s: minOf(spec.shells.map((s) => s.terminal.maxSlewRate_deg_s)),
    worst_bps: net.worst,
    half,
    campaign_yr: life.fullCapability_yr,
    minSeparation_km: environment.minSeparation_km,
    filedShellClearance_km: environment.filedShellClearance_km,
    launchShortfalls: unlaunchable.length + shortfalls.length,
  });
  notes.push(GEOMETRY_NOTE);
  let sky: SkyFigures | undefined;
  const stages: ConstellationStages = {
    spec,
    designs,
    nodes,
    sats,
    satellites,
    links,
    linkViolations: violations,
    networks,
    net,
    netUpper: seriesStats(constellationSeries(networks, 'upperBound_bps')),
    contacts,
    launch: launchRecord,
    deployed: { half, full },
    environment,
    econ,
    life,
    // counted when a field reads it: a lean evaluation reads none (record/skyFields.ts)
    get sky() {
      return (sky ??= skyFigures(
        spec,
        nodes.map((n) => n.power.arrayArea_m2),
      ));
    },
  };
  return { stages, constraints, notes, ground, campaign };
}

/** The campaign with its deployment reaching station `timeToStation_s` after each launch (launch.insertion). */
function toStation(campaign: LaunchCampaignResult, timeToStation_s: number): LaunchCampaignResult {
  if (timeToStation_s === 0) return campaign;
  const dt_yr = timeToStation_s / JULIAN_YEAR_s;
  return { ...campaign, deploymentCurve: campaign.deploymentCurve.map((p) => ({ ...p, time_yr: p.time_yr + dt_yr })) };
}

/**
 * A shell's node priced on its constellation's programme: economics.units = the constellation's satellite count and
 * the constellation's learning rate, so the node records' verdict and the constellation's stand on one basis.
 */
function onProgramme(node: NodeDesign, spec: ConstellationSpec): NodeDesign {
  return {
    ...node,
    economics: {
      ...node.economics,
      units: constellationSatellites(spec),
      learningRate: constellationLearningRate(spec),
    },
  };
}

/** Each shell's node as evaluated: on the constellation's programme, a cluster shell's with its formation keeping. */
export function shellNodeDesigns(spec: ConstellationSpec): NodeDesign[] {
  // Cluster shells' nodes carry their formation-keeping Δv in the station-keeping propellant.
  return spec.shells.map((s) => onProgramme(withFormationKeeping(s.node, s.geometry), spec));
}

/**
 * Each shell's node design (cluster shells with formation keeping) and its record, sized or closed. `lean`: the node
 * records of the lean evaluation (src/node/evaluate.ts evaluateNode), without the lists and parity figures no
 * constellation stage reads.
 */
export function shellNodes(
  spec: ConstellationSpec,
  notes: string[],
  lean = false,
): { designs: NodeDesign[]; nodes: DesignRecord[] } {
  const designs = shellNodeDesigns(spec);
  const nodes = spec.shells.map((s, i) =>
    evaluateNode(
      spec.nodeSizing === 'closed' ? closeNodeDesign(designs[i]!, s.rows).design : designs[i]!,
      s.rows,
      lean,
    ),
  );
  if (spec.nodeSizing === 'closed')
    notes.push(
      'node sizing "closed": each shell\'s array, radiator and launch allocation are re-sized to what the node model requires at that orbit',
    );
  return { designs, nodes };
}

/** The inputs of each shell's link model, at the window's first instant. */
export function shellLinkParams(spec: ConstellationSpec): ShellLinksParams[] {
  return spec.shells.map((s) => ({
    shell: s.geometry,
    window: spec.window,
    topology: s.topology,
    terminal: s.terminal,
    latitudeCutoff_rad: s.crossPlaneCutoffLatitude_rad,
    snapshotIndex: 0,
  }));
}

/**
 * The gateway stations' contact model and its contacts (both null without stations; contacts null in a lean
 * evaluation whose traffic does not go to the gateways).
 */
function gatewayContacts(
  spec: ConstellationSpec,
  tracks: readonly PlaneTrack[][],
  notes: string[],
  lean: boolean,
): { ground: GroundContactParams | null; contacts: GroundContactResult | null } {
  const ground = groundParams(spec, tracks);
  const skip = lean && spec.traffic.pattern !== 'downlink';
  const contacts = ground === null || skip ? null : groundContacts(ground);
  if (ground === null)
    notes.push('no gateway stations: ground contacts are zero and downlink traffic has nowhere to go');
  return { ground, contacts };
}

/** Each shell's network throughput over the snapshot instants, with their notes. */
function shellNetworks(
  q: {
    spec: ConstellationSpec;
    links: readonly ShellLinksResult[];
    linkParams: readonly ShellLinksParams[];
    tracks: readonly PlaneTrack[][];
    ground: GroundContactParams | null;
    lp: LpSolver;
    lean: boolean;
  },
  notes: string[],
): ShellNetworkResult[] {
  const { spec, links, linkParams, tracks, ground, lp, lean } = q;
  const networks: ShellNetworkResult[] = spec.shells.map((_, i) => {
    const solve = () =>
      shellNetwork({
        spec,
        shellIndex: i,
        links: links[i]!,
        linkParams: linkParams[i]!,
        tracks: tracks[i]!,
        ground,
        lp,
        lean,
      });
    // Downlink traffic reads every shell's gateway contacts: only the other patterns are a function of the shell alone.
    if (spec.traffic.pattern === 'downlink') return solve();
    // The rate per node does not depend on the demand (network/ never reads it; record/constraints.ts judges the demand
    // against it): a study or a sample that moves only the demand reuses the solved network.
    const key = `${JSON.stringify(linkParams[i])}|${spec.traffic.pattern}|${spec.snapshots}|${spec.maxFullLpColumns}|${lean}`;
    return NETWORKS.for(lp).get(key, solve);
  });
  for (const n of networks) if (n.note !== null) notes.push(n.note);
  if (spec.shells.length > 1 && spec.traffic.pattern === 'downlink')
    notes.push("each shell's network sees the full gateway capacity (gateways are not shared out between shells)");
  return networks;
}

/** Links that cross the atmosphere and the lowest lines of sight, over every shell. */
function linkViolations(links: readonly ShellLinksResult[]): {
  blockedLinks: number;
  minLineOfSightAltitude_m: number;
  minPeakLineOfSightAltitude_m: number;
} {
  const blockedLinks = links.reduce((a, l) => a + l.blockedLinks, 0);
  const minLineOfSightAltitude_m = minOf([Infinity, ...links.map((l) => l.minLineOfSightAltitude_m)]);
  const minPeakLineOfSightAltitude_m = minOf([Infinity, ...links.map((l) => l.minPeakLineOfSightAltitude_m)]);
  return { blockedLinks, minLineOfSightAltitude_m, minPeakLineOfSightAltitude_m };
}

/**
 * The figure the line-of-sight check judges [m]: the lowest over the links of each link's highest line of sight over
 * the window, i.e. whether every link closes at some sample (at the samples it grazes it is off, which the network
 * sees; docs/constellations.md). Without links the check has nothing to judge; it reads the lowest shell's altitude,
 * the highest line of sight a link between two of its satellites could have, so the margin stays finite and the check
 * satisfied.
 */
function lineOfSightForCheck_m(spec: ConstellationSpec, minPeakLineOfSightAltitude_m: number): number {
  if (Number.isFinite(minPeakLineOfSightAltitude_m)) return minPeakLineOfSightAltitude_m;
  return minOf(spec.shells.map((s) => s.geometry.altitude_m));
}

/**
 * The lean evaluation's tracks, laid over those of the lean evaluation before: its record and what the memos keep
 * (links, networks) hold figures, never a track (test/constellation/lean.test.ts).
 */
const LEAN_TRACKS = new TrackScratch();

/**
 * Geometry: every plane's track from its shell's reference orbit (one SGP4 propagation per altitude and inclination,
 * shellTracks.ts), sharing the GMST samples; reference orbits are kept across evaluations. The lean evaluation reads
 * the tracks at the network's instants only (unless gateway contacts are computed): the other samples are left NaN,
 * and they are laid in LEAN_TRACKS.
 */
function planeTracks(spec: ConstellationSpec, lean: boolean): PlaneTrack[][] {
  const w = spec.window;
  const samples =
    lean && spec.traffic.pattern !== 'downlink' ? snapshotSamples(windowTimes_s(w).length, spec.snapshots) : undefined;
  const scratch = samples === undefined ? undefined : LEAN_TRACKS;
  scratch?.reset();
  const gmst = gmstSamples_rad(w.epochIso, windowTimes_s(w));
  const windowKey = `${w.epochIso}|${w.duration_s}|${w.step_s}`;
  return spec.shells.map((s) => {
    const g = s.geometry;
    const ref = REFERENCES.get(
      `${g.altitude_m}|${g.inclination_rad}|${windowKey}`,
      () => referenceOrbit(g.altitude_m, g.inclination_rad, w),
      (r) => r.r_m.length / 3,
    );
    const elements = Array.from({ length: g.planes }, (_, p) => planeElements(g, p, w.epochIso));
    return planeTracksFromReference(ref, elements, w, gmst, samples, scratch);
  });
}

/** The gateway stations and the shells' tracks for the contact model; null without stations. */
function groundParams(spec: ConstellationSpec, tracks: readonly PlaneTrack[][]): GroundContactParams | null {
  return spec.stations.length === 0
    ? null
    : {
        shells: spec.shells.map((s, i) => ({ spec: s.geometry, tracks: tracks[i]! })),
        stations: spec.stations.map((s) => ({
          id: s.id,
          latitude_rad: s.latitude_rad,
          longitude_rad: s.longitude_rad,
          altitude_m: s.altitude_m,
          capacity_bps: s.capacity_bps,
        })),
        elevationMask_rad: spec.minElevation_rad,
        linkRate_bps: spec.gatewayLinkRate_bps,
      };
}

/**
 * Closest any two satellites come (the self-conjunction screen over every satellite of every shell) and shell overlaps.
 */
function separation(spec: ConstellationSpec, notes: string[], lean: boolean): ConstellationStages['environment'] {
  const w = spec.window;
  const screen = conjunctionScreen({
    shells: spec.shells.map((s) => s.geometry),
    epochIso: w.epochIso,
    threshold_m: spec.minSeparation_m,
    encounters: !lean,
  });
  const { minSeparation_km, ...conjunctions } = conjunctionRecord(spec, screen, w.epochIso, !lean);
  notes.push(CONJUNCTION_NOTE);
  for (const s of spec.shells.filter((x) => x.geometry.pattern === 'cluster' && x.geometry.satsPerPlane > 1)) {
    const f = shellFormation(s.geometry);
    notes.push(
      `conjunctions: shell ${s.geometry.name}: cluster members fly ${f.neighbourDistance_m.min.toFixed(0)}–${f.neighbourDistance_m.max.toFixed(0)} m ` +
        `from their neighbours (closest approach ${f.closestApproach_m.toFixed(0)} m) by design (formation flying), not screened`,
    );
  }
  const bands = spec.shells.map((s) => ({
    name: s.geometry.name,
    altitude_m: s.geometry.altitude_m,
    inclination_rad: s.geometry.inclination_rad,
    source: spec.name,
  }));
  const overlaps = shellOverlaps({ shells: bands });
  return {
    minSeparation_km,
    conjunctions,
    overlappingShells: [...overlaps.internal, ...overlaps.filed].map((o) => `${o.a} ~ ${o.b}`),
    filedShellClearance_km: filedShellClearance_m(bands) / M_PER_KM,
  };
}
