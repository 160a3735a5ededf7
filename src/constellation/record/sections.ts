/**
 * The network and ground sections of the constellation record, from the shell networks (network/shellNetwork.ts) and
 * the gateway contacts (ground/ground.ts) that evaluate.ts computed. A lean evaluation (evaluate.ts
 * evaluateConstellationLean) computes no path statistics, routing lower bounds or contacts: those numbers are NaN.
 */
import { s_to_min } from '../../base/convert.js';
import type { ConstellationSpec } from '../design/compile.js';
import type { GroundContactResult } from '../ground/ground.js';
import type { seriesStats } from '../network/networkSeries.js';
import type { ShellNetworkResult } from '../network/shellNetwork.js';
import type { ConstellationRecord } from './record.js';

const BPS_PER_GBPS = 1e9;
const BYTES_PER_TB = 1e12;
const S_PER_MS = 1e-3;

export function networkRecord(
  spec: ConstellationSpec,
  networks: readonly ShellNetworkResult[],
  net: ReturnType<typeof seriesStats>,
  lean: boolean,
): ConstellationRecord['network'] {
  const pathNets = networks.filter((n) => n.paths !== null && n.paths.pairs > 0);
  // A lean evaluation computes no path statistics or routing lower bounds: those numbers are NaN.
  const omitted = (v: () => number): number => (lean ? NaN : v());
  const netMean = (f: (n: ShellNetworkResult) => number): number =>
    omitted(() => (pathNets.length ? pathNets.reduce((a, n) => a + f(n), 0) / pathNets.length : 0));
  const demand_bps = spec.traffic.demandPerNode_bps;
  // A network must carry its demand at every instant: demand and bottleneck are judged at the worst instant.
  // null (JSON has no ∞) when the worst instant carries nothing while traffic is offered.
  const bottleneck = net.worst > 0 ? demand_bps / net.worst : demand_bps > 0 ? null : 0;
  return {
    traffic: spec.traffic.pattern,
    demandPerNode_Gbps: demand_bps / BPS_PER_GBPS,
    throughputPerNode_Gbps: net.mean / BPS_PER_GBPS,
    p5ThroughputPerNode_Gbps: net.p5 / BPS_PER_GBPS,
    minThroughputPerNode_Gbps: net.worst / BPS_PER_GBPS,
    boundGap: omitted(() => Math.max(0, ...networks.map((n) => n.boundGap))),
    bottleneckUtilization: bottleneck,
    meanHops: netMean((n) => n.paths!.meanHops),
    maxHops: omitted(() => Math.max(0, ...pathNets.map((n) => n.paths!.maxHops))),
    p50Latency_ms: netMean((n) => n.paths!.p50Latency_s) / S_PER_MS,
    p99Latency_ms: omitted(() => Math.max(0, ...pathNets.map((n) => n.paths!.p99Latency_s))) / S_PER_MS,
    reducedModel: networks.some((n) => n.reducedModel),
    shells: networks.map((n, i) => ({
      shell: spec.shells[i]!.geometry.name,
      throughputPerNode_Gbps: n.throughputPerNode_bps / BPS_PER_GBPS,
      p5ThroughputPerNode_Gbps: n.p5ThroughputPerNode_bps / BPS_PER_GBPS,
      minThroughputPerNode_Gbps: n.minThroughputPerNode_bps / BPS_PER_GBPS,
      boundGap: omitted(() => n.boundGap),
      reducedModel: n.reducedModel,
      meanHops: omitted(() => n.paths?.meanHops ?? 0),
      p99Latency_ms: omitted(() => n.paths?.p99Latency_s ?? 0) / S_PER_MS,
      solver: n.solver,
      lpRows: n.lpRows,
      lpCols: n.lpCols,
    })),
  };
}

/** The ground section of a lean evaluation, which computes no contacts: counts as designed, every figure NaN. */
export function leanGroundRecord(spec: ConstellationSpec): ConstellationRecord['ground'] {
  return {
    stations: spec.stations.length,
    contactFraction: NaN,
    meanStationContactFraction: NaN,
    maxGap_min: NaN,
    downlink_TB_per_day: NaN,
    meanDownlink_Gbps: NaN,
    perStation: [],
  };
}

export function groundRecord(
  spec: ConstellationSpec,
  contacts: GroundContactResult | null,
): ConstellationRecord['ground'] {
  return {
    stations: spec.stations.length,
    contactFraction: contacts?.anyStationContactFraction ?? 0,
    meanStationContactFraction: contacts?.meanStationContactFraction ?? 0,
    maxGap_min: s_to_min(contacts?.maxGap_s ?? spec.window.duration_s),
    downlink_TB_per_day: (contacts?.downlinkVolume_B_per_day ?? 0) / BYTES_PER_TB,
    meanDownlink_Gbps: (contacts?.meanUsableDownlink_bps ?? 0) / BPS_PER_GBPS,
    perStation: (contacts?.stations ?? []).map((c, j) => ({
      name: spec.stations[j]!.name,
      contactFraction: c.contactFraction,
      maxGap_min: s_to_min(c.maxGap_s),
      meanVisible: c.meanVisible,
    })),
  };
}
