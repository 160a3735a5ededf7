/**
 * Loaded constellation file → the SI specification the constellation models evaluate. User units (km,
 * deg, h, Gbps) are converted here, once; catalog rows are resolved by id (ids checked by the loader).
 */
import { catalogIds, rowResolver } from '../../node/record/rows.js';
import type { Catalogs, IslTerminalRow, LaunchVehicleRow } from '../../catalog/schema.js';
import { sunSynchronousInclination } from '../../models/orbit/orbit.js';
import type { NodeCatalogRows } from '../../node/record/rows.js';
import type { NodeDesign } from '../../node/design/schema.js';
import { deg_to_rad, km_to_m } from '../../base/convert.js';
import { utcInstant } from '../../base/utcTime.js';
import { checkConstellationIds, type LoadedConstellation, type LoadedShellNode } from './load.js';
import type { OpticalTerminalRow } from '../../models/links/linkBudget.js';
import type { SsoPlanesResult } from '../geometry/ssoPlanes.js';
import type { GroundStationSite } from '../ground/ground.js';
import type {
  ConstellationTopology,
  ReplacementPolicy,
  SamplingWindow,
  ShellGeometrySpec,
  TrafficPattern,
} from './types.js';
import { compileSky, type SkySpec } from './skySchema.js';
import { thrusterRow, type ThrusterRow } from '../../models/launch/thrusters.js';
import type { RaisingTransfer } from '../../models/launch/orbitRaising.js';
import type { ConstellationFile } from './schema.js';

const BPS_PER_GBPS = 1e9;
const S_PER_H = 3600;

export interface CompiledShell {
  readonly geometry: ShellGeometrySpec;
  readonly topology: ConstellationTopology;
  /** The catalog row with the design's ISL link-loss keys. */
  readonly terminal: IslTerminalRow & OpticalTerminalRow;
  /** Cross-plane links off above this |latitude| [rad]; null = always on. */
  readonly crossPlaneCutoffLatitude_rad: number | null;
  /** The shell's node (for an SSO shell, at its most-shadowed plane's LTAN: ssoPlanes.ts). */
  readonly node: NodeDesign;
  readonly rows: NodeCatalogRows;
  /** Plane LTANs and eclipse spread of an SSO shell; null for other shells. */
  readonly sso: SsoPlanesResult | null;
}

/** A gateway station as the ground model takes it, with its name. */
export interface StationSpec extends GroundStationSite {
  readonly name: string;
}

export interface VehiclePlan {
  readonly vehicle: LaunchVehicleRow;
  readonly cadence_per_yr: number;
  readonly maxLaunches: number | null;
}

/** Traffic each node offers when the file states none [Gbps] (an odc choice; a check only, not a requirement). */
export const DEFAULT_DEMAND_Gbps = 10;

export interface ConstellationSpec {
  readonly name: string;
  /** Re-size each shell's node to close at its orbit ('closed') or fly it as written. */
  readonly nodeSizing: 'as-given' | 'closed';
  readonly shells: readonly CompiledShell[];
  readonly stations: readonly StationSpec[];
  readonly minElevation_rad: number;
  readonly gatewayLinkRate_bps: number;
  /** `required`: the file states the demand, which network.demand then enforces (else the default, a check only). */
  readonly traffic: {
    readonly pattern: TrafficPattern;
    readonly demandPerNode_bps: number;
    readonly required: boolean;
  };
  readonly window: SamplingWindow;
  readonly snapshots: number;
  /**
   * Largest all-to-all arc-flow LP solved on a shell's full link graph [columns]; larger shells use the reduced models.
   */
  readonly maxFullLpColumns: number;
  readonly launch: {
    readonly vehicles: readonly VehiclePlan[];
    readonly packingEfficiency: number;
    readonly milestoneHalf_yr: number;
    readonly milestoneFull_yr: number;
    /** launch.insertion in SI (the thruster's Isp resolved); null: each shell inserted directly. */
    readonly insertion: InsertionSpec | null;
  };
  readonly economics: {
    /** economics.learningRate; null: the node fleet's rule over the satellite count (generation.ts). */
    readonly learningRate: number | null;
    readonly operations_USD_per_sat_yr: number | null;
    readonly groundStation_USD: number | null;
    readonly satelliteFailureRate_per_yr: number | null;
    /** Parameters of the FLOPs-based token figure: economics.modelParams_B, else the first shell's node's. */
    readonly modelParams: number;
  };
  /** The life's horizon [yr], factory output [1/yr] (null: not limiting) and replacement policy (economics/life.ts). */
  readonly life: {
    readonly horizon_yr: number;
    readonly factory_per_yr: number | null;
    readonly policy: ReplacementPolicy;
  };
  /** Closest any two satellites may come [m] (the enforced environment.minSeparation constraint). */
  readonly minSeparation_m: number;
  /** environment.keepOutFiledShells: enforce the altitude clearance from filed operator shells. */
  readonly keepOutFiledShells: boolean;
  /** The sky-brightness metric's observer, evening and photometric model (skySchema.ts). */
  readonly sky: SkySpec;
}

/** The insertion orbit and raising thruster of launch.insertion (orbitRaising.ts, thrusters.ts), in SI. */
export interface InsertionSpec {
  readonly altitude_m: number;
  readonly transfer: RaisingTransfer;
  readonly thruster: ThrusterRow;
  readonly thrusters: number;
  readonly isp_s: number;
  /** Cap on the thrusters' power [W]; null: none. */
  readonly maxThrusterPower_W: number | null;
}

function compileInsertion(i: ConstellationFile['launch']['insertion']): InsertionSpec | null {
  if (i === undefined) return null;
  const thruster = thrusterRow(i.thruster ?? (i.transfer === 'low-thrust' ? 'spt-140' : 'hydrazine'));
  return {
    altitude_m: km_to_m(i.altitude_km),
    transfer: i.transfer,
    thruster,
    thrusters: i.thrusters,
    isp_s: i.isp_s ?? thruster.isp_s,
    maxThrusterPower_W: i.thrusterPower_W ?? null,
  };
}

export function compileConstellation(loaded: LoadedConstellation, catalogs: Catalogs): ConstellationSpec {
  checkConstellationIds(loaded, catalogIds(catalogs));
  const c = loaded.constellation;
  const vehicles = new Map(catalogs.launchVehicles.map((r) => [r.id, r]));

  const shells = compileShells(loaded, catalogs);
  const stations = compileStations(c, catalogs);

  return {
    name: c.name,
    nodeSizing: c.nodeSizing,
    shells,
    stations,
    minElevation_rad: deg_to_rad(c.ground.minElevation_deg),
    gatewayLinkRate_bps: c.ground.linkRate_Gbps * BPS_PER_GBPS,
    traffic: {
      pattern: c.traffic.pattern,
      demandPerNode_bps: (c.traffic.demandPerNode_Gbps ?? DEFAULT_DEMAND_Gbps) * BPS_PER_GBPS,
      required: c.traffic.demandPerNode_Gbps !== undefined,
    },
    window: {
      epochIso: utcInstant(c.simulation.epoch, 'simulation.epoch').iso, // a leap second read as the next instant
      duration_s: c.simulation.duration_h * S_PER_H,
      step_s: c.simulation.step_s,
    },
    snapshots: c.simulation.snapshots,
    maxFullLpColumns: c.simulation.maxFullLpColumns,
    launch: {
      vehicles: c.launch.vehicles.map((v) => ({
        vehicle: vehicles.get(v.vehicle)!,
        cadence_per_yr: v.cadence_per_yr,
        maxLaunches: v.maxLaunches ?? null,
      })),
      packingEfficiency: c.launch.packingEfficiency,
      milestoneHalf_yr: c.launch.milestones.half_yr,
      milestoneFull_yr: c.launch.milestones.full_yr,
      insertion: compileInsertion(c.launch.insertion),
    },
    economics: {
      learningRate: c.economics.learningRate ?? null,
      operations_USD_per_sat_yr: c.economics.operations_USD_per_sat_yr ?? null,
      groundStation_USD: c.economics.groundStation_USD ?? null,
      satelliteFailureRate_per_yr: c.economics.satelliteFailureRate_per_yr ?? null,
      modelParams:
        c.economics.modelParams_B !== undefined
          ? c.economics.modelParams_B * 1e9
          : shells[0]!.node.inference.modelParameters,
    },
    life: {
      horizon_yr: c.life.horizon_yr,
      factory_per_yr: c.life.factory_per_yr ?? null,
      policy: c.life.replacement,
    },
    minSeparation_m: km_to_m(c.environment.minSeparation_km),
    keepOutFiledShells: c.environment.keepOutFiledShells,
    sky: compileSky(c.sky),
  };
}

/** The terminal row with the isl section's link-loss keys the design sets (the link budget defaults the rest). */
function withIslLosses(row: IslTerminalRow, isl: LoadedShellNode['isl']): IslTerminalRow & OpticalTerminalRow {
  const keys = ['implementationLoss_dB', 'linkMargin_dB', 'pointingJitter_urad', 'atmosphericLoss_dB'] as const;
  const set = keys.filter((k) => isl[k] !== undefined).map((k) => [k, isl[k]]);
  return set.length === 0 ? row : { ...row, ...Object.fromEntries(set) };
}

/** Each shell in SI: geometry, links (terminal row, latitude cutoff) and its node with its catalog rows. */
function compileShells(loaded: LoadedConstellation, catalogs: Catalogs): CompiledShell[] {
  const c = loaded.constellation;
  const resolveRows = rowResolver(catalogs);
  const terminals = new Map(catalogs.islTerminals.map((r) => [r.id, r]));
  return c.shells.map((s, i): CompiledShell => {
    const { design, isl, sso: ssoPlanes } = loaded.shellNodes[i]!;
    const altitude_m = km_to_m(s.altitude_km);
    const sso = s.inclination_deg === 'sso';
    const inclination_rad = sso
      ? sunSynchronousInclination({ altitude_m }).inclination_rad
      : deg_to_rad(s.inclination_deg as number);
    return {
      geometry: {
        name: s.name,
        altitude_m,
        inclination_rad,
        sunSynchronous: sso,
        ltan_h: sso ? s.ltan_h : null,
        planes: s.planes,
        satsPerPlane: s.satsPerPlane,
        pattern: s.pattern,
        phasing: s.phasing,
        ltanBand_h: s.ltanBand_h,
        raan0_rad: deg_to_rad(s.raan0_deg),
        clusterRadius_m: s.clusterRadius_m ?? 0,
        clusterFormation: s.clusterFormation,
      },
      topology: isl.topology,
      terminal: withIslLosses(terminals.get(isl.terminal)!, isl),
      crossPlaneCutoffLatitude_rad:
        isl.crossPlaneCutoffLatitude_deg === undefined ? null : deg_to_rad(isl.crossPlaneCutoffLatitude_deg),
      node: design,
      rows: resolveRows(design),
      sso: ssoPlanes,
    };
  });
}

/** The gateway stations in SI, catalog ids resolved. */
function compileStations(c: LoadedConstellation['constellation'], catalogs: Catalogs): StationSpec[] {
  const stationRows = new Map(catalogs.groundStations.map((r) => [r.id, r]));
  return c.ground.stations.map((st): StationSpec => {
    const row = typeof st === 'string' ? stationRows.get(st)! : { id: st.name, ...st };
    return {
      id: row.id,
      name: row.name,
      latitude_rad: deg_to_rad(row.lat_deg),
      longitude_rad: deg_to_rad(row.lon_deg),
      altitude_m: row.altitude_m,
      capacity_bps: row.capacity_Gbps * BPS_PER_GBPS,
    };
  });
}
