/**
 * Shared types of the constellation layer (src/constellation/): what the loader hands the models, SI
 * inside. User units (km, deg, h) are converted once, in `compile.ts`.
 */

export const SHELL_PATTERNS = ['walker-delta', 'walker-star', 'sso-ltan', 'cluster'] as const;
export type ShellPattern = (typeof SHELL_PATTERNS)[number];

/** Free-orbit cluster formations (clusterFormation.ts): members' bounded HCW relative orbits. */
export const CLUSTER_FORMATIONS = ['in-plane', 'circular'] as const;
export type ClusterFormationKind = (typeof CLUSTER_FORMATIONS)[number];

export const CONSTELLATION_TOPOLOGIES = ['none', 'ring', 'grid', 'mesh', 'cluster'] as const;
export type ConstellationTopology = (typeof CONSTELLATION_TOPOLOGIES)[number];

/** How the life replaces satellites (src/constellation/economics/life.ts). */
export const REPLACEMENT_POLICIES = ['replace-on-failure', 'replace-at-end-of-life'] as const;
export type ReplacementPolicy = (typeof REPLACEMENT_POLICIES)[number];

export const TRAFFIC_PATTERNS = ['downlink', 'uniform', 'cluster'] as const;
export type TrafficPattern = (typeof TRAFFIC_PATTERNS)[number];

/** One shell as the geometry models see it. */
export interface ShellGeometrySpec {
  readonly name: string;
  /** Circular orbit altitude above the equatorial radius [m]. */
  readonly altitude_m: number;
  /** Resolved inclination [rad] (the J2 sun-synchronous value for `sso` shells). */
  readonly inclination_rad: number;
  readonly sunSynchronous: boolean;
  /** Local time of the ascending node of the shell's centre plane [h] (SSO shells); null otherwise. */
  readonly ltan_h: number | null;
  readonly planes: number;
  readonly satsPerPlane: number;
  readonly pattern: ShellPattern;
  /** Walker phasing factor F (0 … planes−1): plane p is shifted by p·F·2π/(P·S) in argument of latitude. */
  readonly phasing: number;
  /** `sso-ltan`: planes spread evenly over this band of LTAN [h], centred on `ltan_h`. */
  readonly ltanBand_h: number;
  /** RAAN of plane 0 [rad] for non-SSO Walker shells (SSO shells derive it from LTAN and the epoch). */
  readonly raan0_rad: number;
  /** `cluster`: radius of the formation around its reference orbit [m] (largest member distance over an orbit). */
  readonly clusterRadius_m: number;
  /** `cluster`: members' relative orbits (default 'in-plane', the Suncatcher formation). */
  readonly clusterFormation?: ClusterFormationKind;
}

/** The geometry sampling window. */
export interface SamplingWindow {
  /** Epoch, ISO 8601 UTC (e.g. '2026-03-20T00:00:00Z'). */
  readonly epochIso: string;
  readonly duration_s: number;
  readonly step_s: number;
}

/** Elements of one circular orbit (SGP4 mean elements, e ≈ 0). */
export interface CircularElements {
  readonly altitude_m: number;
  readonly inclination_rad: number;
  readonly raan_rad: number;
  /** Mean argument of latitude at epoch, ω + M (= mean anomaly when ω = 0) [rad]. */
  readonly argumentOfLatitude_rad: number;
  /** Mean eccentricity (cluster members' small differential eccentricity); omitted = circular. */
  readonly eccentricity?: number;
  /** Argument of perigee [rad] when `eccentricity` is given. */
  readonly argumentOfPerigee_rad?: number;
}

/** Min / mean / max of a sampled quantity. */
export interface Stats {
  readonly min: number;
  readonly mean: number;
  readonly max: number;
}
