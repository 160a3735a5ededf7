/**
 * Time series and graphs behind a constellation record, for reports (the record keeps only statistics):
 * the launch deployment curve, the gateway contact timeline, and one shell's link graph with the
 * utilisation each link carries at the maximum concurrent flow. Produced by `evaluateConstellation`
 * with `{ details: true }`; never written into pareto.json.
 */

export interface DeploymentPointDetail {
  readonly time_yr: number;
  /** Satellites in orbit at that time (cumulative). */
  readonly satellites: number;
}

export interface MilestoneDetail {
  readonly fraction: number;
  readonly within_yr: number;
  /** Satellites required by the deadline. */
  readonly required: number;
  readonly achieved: number;
  readonly met: boolean;
}

export interface StationTimeline {
  readonly name: string;
  /** 1 where the station sees at least one satellite at that sample, else 0. */
  readonly inContact: Uint8Array;
}

export interface LinkGraphDetail {
  readonly shell: string;
  readonly planes: number;
  readonly satsPerPlane: number;
  /** Node index = plane · satsPerPlane + slot. */
  readonly edges: readonly { readonly u: number; readonly v: number; readonly linkClass: string; readonly utilization: number; readonly capacity_Gbps: number }[];
  /** The graph is the snapshot at this sample (or null when time-averaged). */
  readonly sampleIndex: number | null;
  /** True when utilisations come from the reduced torus model (one value per link class). */
  readonly reducedModel: boolean;
}

export interface ConstellationDetails {
  readonly deployment: readonly DeploymentPointDetail[];
  readonly milestones: readonly MilestoneDetail[];
  /** Sample step of the contact timeline [s]. */
  readonly step_s: number;
  readonly stations: readonly StationTimeline[];
  /** Link graph of the first shell that has links, or null. Large shells give a window of at most 12 × 12 nodes. */
  readonly linkGraph: LinkGraphDetail | null;
}
