/**
 * The constellation's life (./life.ts) from its specification, evaluated nodes, launch campaign and economics: the
 * campaign's schedule as the first deployment; launch capacity Σ_v cadence_v × satellites per launch_v (as the
 * campaign flies vehicle v; its best shell's when it does not fly), replacements at the capacity's mean per launch;
 * the generation's satellite-weighted mean node (as ./generation.ts), its failure rate, operations per satellite-year
 * and gateways; each build year's prices on the first shell's node economics.trajectories (generation.ts pricesAt;
 * launch on the launch trajectory), the first launch in the calendar year of simulation.epoch. Vehicle caps
 * (maxLaunches) bound the first deployment only. The published roadmaps that apply to the design are checked against
 * the result (./roadmaps.ts).
 */
import type { DesignRecord } from '../../node/record/record.js';
import { priceFactorSeries } from '../../models/cost/priceTrajectories.js';
import type { ConstellationSpec } from '../design/compile.js';
import type { LaunchCampaignResult } from '../launch/launch.js';
import {
  DEFAULT_FAILURE_RATE_per_yr,
  DEFAULT_GATEWAY_CAPEX_USD,
  DEFAULT_GATEWAY_OPERATIONS_USD_per_yr,
} from './economics.js';
import { constellationLearningRate, pricesAt, type GenerationEconomicsResult } from './generation.js';
import { constellationLife, type LifeResult } from './life.js';
import { roadmapChecks, type RoadmapCheck } from './roadmaps.js';

export interface LifePlan extends LifeResult {
  /** Calendar year of the first launch. */
  readonly firstYear: number;
  readonly launchCapacity_per_yr: number;
  /** The published roadmaps that apply to the design (./roadmaps.ts), checked against the life. */
  readonly roadmaps: readonly RoadmapCheck[];
}

export function lifePlan(
  spec: ConstellationSpec,
  nodes: readonly DesignRecord[],
  sats: readonly number[],
  campaign: LaunchCampaignResult,
  econ: GenerationEconomicsResult,
): LifePlan {
  const satellites = sats.reduce((a, b) => a + b, 0);
  const mean = (f: (i: number) => number): number => sats.reduce((a, n, i) => a + n * f(i), 0) / satellites;
  const node0 = spec.shells[0]!.node;
  const t = node0.economics.trajectories;
  const firstYear = new Date(spec.window.epochIso).getUTCFullYear();
  const H = spec.life.horizon_yr;
  const factors = priceFactorSeries(
    t,
    Array.from({ length: H }, (_, k) => firstYear + k),
    t.referenceYear,
  );
  const at = pricesAt(spec, nodes);
  const launchPerSatellite = campaign.launch_USD / satellites;
  // each vehicle at the satellites per launch it carries in the campaign (its best shell's when it does not fly)
  const perLaunch = campaign.vehicles.map((v) =>
    v.launches > 0 ? v.satellitesCarried / v.launches : v.satellitesPerLaunch,
  );
  const cadence = spec.launch.vehicles.reduce((a, v) => a + v.cadence_per_yr, 0);
  const launchCapacity_per_yr = spec.launch.vehicles.reduce((a, v, j) => a + v.cadence_per_yr * perLaunch[j]!, 0);
  const gateways = spec.stations.length;
  const life = constellationLife({
    satellites,
    deployment: campaign.deploymentCurve,
    launchCapacity_per_yr,
    satellitesPerLaunch: launchCapacity_per_yr / cadence,
    factory_per_yr: spec.life.factory_per_yr ?? Infinity,
    designLife_yr: mean((i) => spec.shells[i]!.node.mission.lifetime_yr),
    failureRate_per_yr: spec.economics.satelliteFailureRate_per_yr ?? DEFAULT_FAILURE_RATE_per_yr,
    policy: spec.life.policy,
    horizon_yr: H,
    deliveredPFLOPS_per_satellite: mean((i) => nodes[i]!.compute.deliveredPFLOPS),
    itPower_W_per_satellite: mean((i) => nodes[i]!.compute.itPowerAvg_W),
    learningRate: constellationLearningRate(spec),
    prices: factors.map((f) => {
      const p = at(f);
      return {
        learning_USD: mean(p.learning_USD),
        offCurve_USD: mean(p.offCurve_USD),
        launch_USD: launchPerSatellite * f.launch,
        performance: f.performance,
      };
    }),
    operations_USD_per_satellite_yr: econ.operations_USD_per_satellite_yr,
    groundCapex_USD: gateways * (spec.economics.groundStation_USD ?? DEFAULT_GATEWAY_CAPEX_USD),
    groundOperations_USD_per_yr: gateways * DEFAULT_GATEWAY_OPERATIONS_USD_per_yr,
    discountRate_per_yr: node0.economics.discountRate_per_yr,
  });
  return { ...life, firstYear, launchCapacity_per_yr, roadmaps: roadmapChecks(spec.name, firstYear, life.years) };
}
