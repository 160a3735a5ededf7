/**
 * Composes the constellation models into one evaluation: spec → ConstellationRecord.
 *
 * Order: every shell's node through the node model at that shell's orbit (dose, drag, eclipse differ by
 * shell) → plane tracks (SGP4, one representative per plane) → ISL links per shell → gateway contacts →
 * network per shell (`shellNetwork.ts`) → launch campaign (MILP) → economics → orbital environment →
 * constraints. Pure apart from the injected LP solver; SI inside, user units only in the record.
 *
 * Multi-shell approximations (stated in the record notes): the launch campaign sizes every satellite at
 * the heaviest and bulkiest shell's node; economics use the satellite-weighted mean node cost and
 * delivered compute; each shell's network sees the full gateway capacity.
 */
import type { ConstraintResult } from '../evaluate/record.js';
import { constraintResult, evaluateNode } from '../evaluate/node.js';
import { closeNodeDesign } from '../evaluate/sizing.js';
import type { LpSolver } from '../problem/lp.js';
import { rad_to_deg, s_to_min } from '../units/convert.js';
import type { ConstellationSpec } from './compile.js';
import { constellationEconomics } from './economics.js';
import { closestApproach, shellDensity, shellOverlaps } from './environment.js';
import { groundContacts, type GroundContactParams } from './ground.js';
import { launchCampaign, deployedBy } from './launch.js';
import { shellLinks, type ShellLinksResult } from './links.js';
import { clusterLattice, planeElements } from './pattern.js';
import { gmstSamples_rad, propagatePlane, windowTimes_s, type PlaneTrack } from './propagate.js';
import type { ConstellationRecord, LinkClassRecord, ShellRecord, StatsRecord } from './record.js';
import { shellNetwork, type ShellNetworkResult } from './shellNetwork.js';
import type { Stats } from './types.js';
import { Memo } from './memo.js';
import { seriesStats } from './networkSeries.js';
import { constellationDetails, type ConstellationDetails } from './details.js';

const M_PER_KM = 1000;
const BPS_PER_GBPS = 1e9;
const BYTES_PER_TB = 1e12;
const S_PER_MS = 1e-3;
/** Cluster links reach the hexagonal lattice's nearest neighbours (1.0 spacing) but not the next ring (√3). */
const CLUSTER_LINK_RANGE_PER_SPACING = 1.5;

/** Plane tracks kept across evaluations (budget in samples: ~50 MB of positions and normals). */
const TRACKS = new Memo<PlaneTrack>(1_000_000);
/** Shell link results kept across evaluations (they depend on geometry, topology and terminal only). */
const LINKS = new Memo<ShellLinksResult>(64);

/** Cache hits and misses of this process so far (for benchmarks). */
export function constellationCacheStats(): { tracks: { hits: number; misses: number }; links: { hits: number; misses: number } } {
  return { tracks: { hits: TRACKS.hits, misses: TRACKS.misses }, links: { hits: LINKS.hits, misses: LINKS.misses } };
}

const scale = (s: Stats, k: number): StatsRecord => ({ min: s.min * k, mean: s.mean * k, max: s.max * k });

function linkRecords(name: string, l: ShellLinksResult): LinkClassRecord[] {
  return Object.entries(l.classes).filter(([, c]) => c.count > 0).map(([cls, c]) => ({
    shell: name, linkClass: cls, count: c.count, range_km: scale(c.range_m, 1 / M_PER_KM), rate_Gbps: scale(c.rate_bps, 1 / BPS_PER_GBPS),
    availability: c.availability, blocked: c.blocked > 0, maxPointingRate_deg_s: rad_to_deg(c.maxPointingRate_rad_s), pointingExceeded: c.pointingExceeded > 0,
  }));
}

/**
 * The constellation's rate per node at each instant: the worst shell's then. A shell solved at one instant
 * (fixed cluster lattice) stands for every instant; a shell with no path between its planes is 0 throughout.
 */
export function constellationSeries(networks: readonly Pick<ShellNetworkResult, 'instants'>[]): number[] {
  const k = Math.max(1, ...networks.map((n) => n.instants.length));
  return Array.from({ length: k }, (_, i) => networks.reduce((a, n) => {
    const at = n.instants[Math.min(i, n.instants.length - 1)];
    return Math.min(a, at?.throughputPerNode_bps ?? 0);
  }, Infinity));
}

function combineStats(parts: readonly { stats: Stats; weight: number }[]): Stats {
  const used = parts.filter((p) => p.weight > 0);
  if (used.length === 0) return { min: 0, mean: 0, max: 0 };
  const w = used.reduce((a, p) => a + p.weight, 0);
  return {
    min: Math.min(...used.map((p) => p.stats.min)),
    mean: used.reduce((a, p) => a + p.stats.mean * p.weight, 0) / w,
    max: Math.max(...used.map((p) => p.stats.max)),
  };
}

export function evaluateConstellation(spec: ConstellationSpec, lp: LpSolver): ConstellationRecord {
  return evaluate(spec, lp, false).record;
}

/** The record and the time series behind it (deployment, contact timeline, a link graph), for reports. */
export function evaluateConstellationWithDetails(spec: ConstellationSpec, lp: LpSolver): { record: ConstellationRecord; details: ConstellationDetails } {
  const r = evaluate(spec, lp, true);
  return { record: r.record, details: r.details! };
}

function evaluate(spec: ConstellationSpec, lp: LpSolver, withDetails: boolean): { record: ConstellationRecord; details: ConstellationDetails | null } {
  const notes: string[] = [];
  const w = spec.window;
  const nodes = spec.shells.map((s) => (spec.nodeSizing === 'closed' ? closeNodeDesign(s.node, s.rows).record : evaluateNode(s.node, s.rows)));
  if (spec.nodeSizing === 'closed') notes.push('node sizing "closed": each shell\'s array, radiator and launch allocation are re-sized to what the node model requires at that orbit');
  const sats = spec.shells.map((s) => s.geometry.planes * s.geometry.satsPerPlane);
  const satellites = sats.reduce((a, b) => a + b, 0);

  // Geometry: one SGP4 track per plane, sharing the GMST samples.
  const gmst = gmstSamples_rad(w.epochIso, windowTimes_s(w));
  const windowKey = `${w.epochIso}|${w.duration_s}|${w.step_s}`;
  const tracks: PlaneTrack[][] = spec.shells.map((s) =>
    Array.from({ length: s.geometry.planes }, (_, p) => {
      const e = planeElements(s.geometry, p, w.epochIso);
      const key = `${e.altitude_m}|${e.inclination_rad}|${e.raan_rad}|${e.argumentOfLatitude_rad}|${windowKey}`;
      return TRACKS.get(key, () => propagatePlane(e, w, gmst), (t) => t.times_s.length);
    }));

  const linkParams = spec.shells.map((s) => ({
    shell: s.geometry, window: w, topology: s.topology, terminal: s.terminal, latitudeCutoff_rad: s.crossPlaneCutoffLatitude_rad, snapshotIndex: 0,
    ...(s.topology === 'cluster' ? { clusterLinkRange_m: Math.min(s.terminal.range_km * M_PER_KM, CLUSTER_LINK_RANGE_PER_SPACING * clusterLattice(s.geometry.satsPerPlane, s.geometry.clusterRadius_m).spacing_m) } : {}),
  }));
  const links = linkParams.map((p) => LINKS.get(JSON.stringify(p), () => shellLinks(p)));

  const ground: GroundContactParams | null = spec.stations.length === 0 ? null : {
    shells: spec.shells.map((s, i) => ({ spec: s.geometry, tracks: tracks[i]! })),
    stations: spec.stations.map((s) => ({
      id: s.id, latitude_rad: s.latitude_rad, longitude_rad: s.longitude_rad, altitude_m: s.altitude_m, capacity_bps: s.capacity_bps,
    })),
    elevationMask_rad: spec.minElevation_rad, linkRate_bps: spec.gatewayLinkRate_bps,
  };
  const contacts = ground === null ? null : groundContacts(ground);
  if (ground === null) notes.push('no gateway stations: ground contacts are zero and downlink traffic has nowhere to go');

  const networks: ShellNetworkResult[] = spec.shells.map((_, i) =>
    shellNetwork({ spec, shellIndex: i, links: links[i]!, linkParams: linkParams[i]!, tracks: tracks[i]!, ground, lp }));
  for (const n of networks) if (n.note !== null) notes.push(n.note);
  if (spec.shells.length > 1 && spec.traffic.pattern === 'downlink') notes.push('each shell\'s network sees the full gateway capacity (gateways are not shared out between shells)');

  // Launch: every satellite sized at the heaviest and bulkiest shell's node (conservative for mixed shells).
  const launchMass_kg = Math.max(...nodes.map((n) => Math.max(n.mass.launch_kg, n.mass.allocated_kg)));
  const stowed_m3 = Math.max(...nodes.map((n) => n.mass.stowedVolume_m3));
  const campaign = launchCampaign({
    satellites, launchMass_kg, stowedVolume_m3: stowed_m3, solver: lp, fairingPackingEfficiency: spec.launch.packingEfficiency,
    vehicles: spec.launch.vehicles.map((v) => ({
      ...v.vehicle, cadence_per_yr: v.cadence_per_yr, ...(v.maxLaunches !== null ? { maxLaunches: v.maxLaunches } : {}),
    })),
    milestones: [{ fraction: 0.5, within_yr: spec.launch.milestoneHalf_yr }, { fraction: 1, within_yr: spec.launch.milestoneFull_yr }],
  });
  if (spec.shells.length > 1) notes.push('launch campaign sizes every satellite at the heaviest shell node; economics use the satellite-weighted mean node');

  const mean = (f: (i: number) => number): number => sats.reduce((a, n, i) => a + n * f(i), 0) / satellites;
  // One generation: every satellite serves its design life once (failures replaced, no end-of-life renewal);
  // the campaign's length shows in the milestones, not in the service counted.
  const lifetime_yr = mean((i) => spec.shells[i]!.node.mission.lifetime_yr);
  const econ = constellationEconomics({
    satellites, firstUnitHardware_USD: mean((i) => nodes[i]!.cost.hardware_USD), launch_USD: campaign.launch_USD,
    horizon_yr: lifetime_yr, designLife_yr: lifetime_yr,
    deliveredPFLOPS_per_satellite: mean((i) => nodes[i]!.compute.deliveredPFLOPS), gateways: spec.stations.length, learningRate: spec.economics.learningRate,
    modelParameters: spec.economics.modelParams,
    ...(spec.economics.satelliteFailureRate_per_yr !== null ? { failureRate_per_yr: spec.economics.satelliteFailureRate_per_yr } : {}),
    ...(spec.economics.operations_USD_per_sat_yr !== null ? { operations_USD_per_satellite_yr: spec.economics.operations_USD_per_sat_yr } : {}),
    ...(spec.economics.groundStation_USD !== null ? { gatewayCapex_USD: spec.economics.groundStation_USD } : {}),
  });
  notes.push(`economics: one generation, each satellite serving its ${lifetime_yr.toFixed(1)}-year design life, failures replaced, undiscounted; tokens from delivered FLOP/s ÷ (2 × ${(spec.economics.modelParams / 1e9).toFixed(0)}B parameters), inference only`);

  // Closest any two satellites come: between planes (closed form), within a plane (slot spacing), between shells (altitude gap).
  const approaches = spec.shells.map((s) => closestApproach({ shell: s.geometry, epochIso: w.epochIso }));
  const alts = spec.shells.map((s) => s.geometry.altitude_m);
  let minSep_m = Math.min(...approaches.map((a) => Math.min(a.minCrossPlaneDistance_m ?? Infinity, a.inPlaneSpacing_m ?? Infinity)));
  for (let i = 0; i < alts.length; i++) for (let j = i + 1; j < alts.length; j++) minSep_m = Math.min(minSep_m, Math.abs(alts[i]! - alts[j]!));
  const overlaps = shellOverlaps({
    shells: spec.shells.map((s) => ({
      name: s.geometry.name, altitude_m: s.geometry.altitude_m, inclination_rad: s.geometry.inclination_rad, source: spec.name,
    })),
  });

  const shells: ShellRecord[] = spec.shells.map((s, i) => ({
    name: s.geometry.name, altitude_km: s.geometry.altitude_m / M_PER_KM, inclination_deg: rad_to_deg(s.geometry.inclination_rad),
    sunSynchronous: s.geometry.sunSynchronous, ltan_h: s.geometry.ltan_h, pattern: s.geometry.pattern,
    planes: s.geometry.planes, satsPerPlane: s.geometry.satsPerPlane, satellites: sats[i]!, phasing: s.geometry.phasing,
    period_min: nodes[i]!.orbit.period_min, eclipseFraction: nodes[i]!.orbit.eclipseFraction, topology: s.topology, terminal: s.terminal.id, node: nodes[i]!,
  }));

  const blockedLinks = links.reduce((a, l) => a + l.blockedLinks, 0);
  const pointingExceeded = links.reduce((a, l) => a + Object.values(l.classes).reduce((b, c) => b + c.pointingExceeded, 0), 0);
  // The constellation's rate at an instant is its worst shell's; mean, p5 and worst over the instants.
  const net = seriesStats(constellationSeries(networks));
  const pathNets = networks.filter((n) => n.paths !== null && n.paths.pairs > 0);
  const netMean = (f: (n: ShellNetworkResult) => number): number => (pathNets.length ? pathNets.reduce((a, n) => a + f(n), 0) / pathNets.length : 0);
  const demand_bps = spec.traffic.demandPerNode_bps;
  // A network must carry its demand at every instant: demand and bottleneck are judged at the worst instant.
  const bottleneck = net.worst > 0 ? demand_bps / net.worst : demand_bps > 0 ? Infinity : 0;
  const half = deployedBy(campaign.deploymentCurve, spec.launch.milestoneHalf_yr) / satellites;
  const full = deployedBy(campaign.deploymentCurve, spec.launch.milestoneFull_yr) / satellites;

  const constraints: ConstraintResult[] = [
    ...nodes.flatMap((n, i) => n.constraints.map((c) => ({ ...c, name: `${spec.shells[i]!.geometry.name}/${c.name}` }))),
    constraintResult('isl.lineOfSight', blockedLinks, '<=', 0, 'links', true, 'every inter-satellite link clears the atmosphere (grazing height) throughout the window'),
    constraintResult('isl.pointing', pointingExceeded, '<=', 0, 'links', true, 'terminals can track every link (line-of-sight rate below the slew limit)'),
    constraintResult('network.demand', net.worst / BPS_PER_GBPS, '>=', demand_bps / BPS_PER_GBPS, 'Gbps', false, 'every node can send its offered traffic at the maximum concurrent flow, at the worst snapshot instant'),
    constraintResult('launch.halfMilestone', half, '>=', 0.5, '-', false, `50 % of satellites in orbit within ${spec.launch.milestoneHalf_yr} yr (FCC 47 CFR 25.164(b))`),
    constraintResult('launch.fullMilestone', full, '>=', 1, '-', false, `all satellites in orbit within ${spec.launch.milestoneFull_yr} yr (FCC 47 CFR 25.164(b))`),
  ];
  notes.push('geometry: SGP4 (satellite.js) of one representative per plane, other slots by rotation in the plane; eclipse per shell from the node model');

  const details = withDetails ? constellationDetails({ spec, ground, campaign, networks }) : null;
  const record: ConstellationRecord = {
    schemaVersion: 1, name: spec.name, kind: 'constellation', satellites, shells,
    isl: {
      links: links.reduce((a, l) => a + l.links, 0),
      linkRange_km: scale(combineStats(links.map((l) => ({ stats: l.linkRange_m, weight: l.links }))), 1 / M_PER_KM),
      linkRate_Gbps: scale(combineStats(links.map((l) => ({ stats: l.linkRate_bps, weight: l.links }))), 1 / BPS_PER_GBPS),
      blockedLinks, maxPointingRate_deg_s: rad_to_deg(Math.max(0, ...links.map((l) => l.maxPointingRate_rad_s))),
      classes: links.flatMap((l, i) => linkRecords(spec.shells[i]!.geometry.name, l)),
    },
    network: {
      traffic: spec.traffic.pattern, demandPerNode_Gbps: demand_bps / BPS_PER_GBPS, throughputPerNode_Gbps: net.mean / BPS_PER_GBPS,
      p5ThroughputPerNode_Gbps: net.p5 / BPS_PER_GBPS, minThroughputPerNode_Gbps: net.worst / BPS_PER_GBPS,
      boundGap: Math.max(0, ...networks.map((n) => n.boundGap)), bottleneckUtilization: bottleneck,
      meanHops: netMean((n) => n.paths!.meanHops), maxHops: Math.max(0, ...pathNets.map((n) => n.paths!.maxHops)),
      p50Latency_ms: netMean((n) => n.paths!.p50Latency_s) / S_PER_MS, p99Latency_ms: Math.max(0, ...pathNets.map((n) => n.paths!.p99Latency_s)) / S_PER_MS,
      reducedModel: networks.some((n) => n.reducedModel),
      shells: networks.map((n, i) => ({
        shell: spec.shells[i]!.geometry.name, throughputPerNode_Gbps: n.throughputPerNode_bps / BPS_PER_GBPS,
        p5ThroughputPerNode_Gbps: n.p5ThroughputPerNode_bps / BPS_PER_GBPS, minThroughputPerNode_Gbps: n.minThroughputPerNode_bps / BPS_PER_GBPS,
        boundGap: n.boundGap, reducedModel: n.reducedModel,
        meanHops: n.paths?.meanHops ?? 0, p99Latency_ms: (n.paths?.p99Latency_s ?? 0) / S_PER_MS, solver: n.solver, lpRows: n.lpRows, lpCols: n.lpCols,
      })),
    },
    ground: {
      stations: spec.stations.length, contactFraction: contacts?.anyStationContactFraction ?? 0,
      meanStationContactFraction: contacts?.meanStationContactFraction ?? 0,
      maxGap_min: s_to_min(contacts?.maxGap_s ?? w.duration_s), downlink_TB_per_day: (contacts?.downlinkVolume_B_per_day ?? 0) / BYTES_PER_TB,
      meanDownlink_Gbps: (contacts?.meanUsableDownlink_bps ?? 0) / BPS_PER_GBPS,
      perStation: (contacts?.stations ?? []).map((c, j) => ({
        name: spec.stations[j]!.name, contactFraction: c.contactFraction, maxGap_min: s_to_min(c.maxGap_s), meanVisible: c.meanVisible,
      })),
    },
    launch: {
      launches: campaign.launches,
      perVehicle: campaign.vehicles.map((v) => ({ vehicle: v.id, launches: v.launches, satellitesPerLaunch: v.satellitesPerLaunch, limitedBy: v.binding })),
      campaign_yr: campaign.campaign_yr, cost_USD: campaign.launch_USD, milestonesMet: campaign.milestonesMet,
      deployedAtHalfMilestone: half, deployedAtFullMilestone: full, solver: campaign.solver.name,
    },
    environment: {
      density_per_km3: Math.max(...spec.shells.map((s, i) => shellDensity({ satellites: sats[i]!, altitude_m: s.geometry.altitude_m }).density_per_km3)),
      minSeparation_km: Number.isFinite(minSep_m) ? minSep_m / M_PER_KM : -1,
      overlappingShells: [...overlaps.internal, ...overlaps.filed].map((o) => `${o.a} ~ ${o.b}`),
    },
    totals: {
      satellites, itPowerAvg_W: sats.reduce((a, n, i) => a + n * nodes[i]!.compute.itPowerAvg_W, 0),
      deliveredPFLOPS: sats.reduce((a, n, i) => a + n * nodes[i]!.compute.deliveredPFLOPS, 0),
      launchMass_kg: sats.reduce((a, n, i) => a + n * nodes[i]!.mass.launch_kg, 0),
      hardware_USD: econ.hardware_USD, launch_USD: econ.launch_USD, operations_USD: econ.operations_USD, replacements_USD: econ.replacements_USD,
      ground_USD: econ.ground_USD, cost_USD: econ.total_USD, lcoc_USD_per_PFLOP_day: econ.lcoc_USD_per_PFLOP_day, cost_USD_per_Mtoken: econ.cost_USD_per_Mtoken,
    },
    worst: {
      doseMargin: Math.min(...nodes.map((n) => (n.radiation.tolerance_rad - n.radiation.missionDose_rad) / n.radiation.tolerance_rad)),
      passiveDecay_yr: Math.max(...nodes.map((n) => n.drag.passiveDecay_yr)),
      nodeLaunchMass_kg: Math.max(...nodes.map((n) => n.mass.launch_kg)),
    },
    constraints,
    notes,
  };
  return { record, details };
}
