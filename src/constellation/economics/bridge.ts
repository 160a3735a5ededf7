/**
 * The bridge from a constellation's nodes' verdict to its own: each shell's node record against one terrestrial
 * scenario (space/ground, discounted, its fleet at its own economics.units; the shell's orbit and eclipse priced in),
 * their satellites × delivered-PFLOPS weighted mean, then the generation (./generation.ts) priced again with its parts
 * added one at a time against the same ground (the verdict's: fleetGroundLcoc's weights):
 *   1. one generation of the constellation's satellites (its learning curve and service life), each satellite launched
 *      at its node record's launch price, no failures, no gateways;
 *   2. + replacements of failed satellites (economics.satelliteFailureRate_per_yr);
 *   3. + the ground segment (the gateways' capital and operations; the links are in the nodes' hardware);
 *   4. + the launch campaign's price instead of the nodes' own = the constellation's verdict.
 * Each step's factor is the ratio of consecutive figures, so the factors multiply out to verdict / nodes exactly.
 * Pure: the specification and the record in, figures out.
 */
import type { ConstellationSpec } from '../design/compile.js';
import { generationEconomics } from './generation.js';
import { DEFAULT_FAILURE_RATE_per_yr } from './economics.js';
import { fmt } from '../../base/numberFormat.js';
import { ratioText } from '../../base/verdictText.js';
import type { DesignRecord } from '../../node/record/record.js';

export interface BridgeStep {
  readonly label: string;
  /** Space/ground after this step [-]. */
  readonly ratio: number;
  /** ratio / the previous step's (the nodes' for the first) [-]. */
  readonly factor: number;
}

export interface NodeConstellationBridge {
  readonly baseline: string;
  /** Each shell's node verdict and its eclipse fraction (annual mean). */
  readonly shells: readonly { readonly name: string; readonly ratio: number; readonly eclipseFraction: number }[];
  /** The nodes' verdict: their ratios' satellites × delivered-PFLOPS weighted mean of space over that of ground. */
  readonly nodes: number;
  readonly steps: readonly BridgeStep[];
  /** The last step's ratio: the constellation's verdict. */
  readonly constellation: number;
}

/** A shell as the bridge reads it: the record's `shells[]` entry, or the evaluation's stages. */
interface BridgeShell {
  readonly name: string;
  readonly satellites: number;
  readonly node: DesignRecord;
}

/** The bridge from the shells' node records and the campaign's launch cost (see the header). */
export function verdictBridge(
  spec: ConstellationSpec,
  shells: readonly BridgeShell[],
  campaignLaunch_USD: number,
  baseline: string,
): NodeConstellationBridge | null {
  const ground = (s: BridgeShell) =>
    s.node.cost.baselines.find((b) => b.id === baseline)?.lcocDiscounted_USD_per_PFLOP_day;
  const w = (s: BridgeShell): number => s.satellites * s.node.compute.deliveredPFLOPS;
  const weighted = shells.filter((s) => ground(s) !== undefined && w(s) > 0);
  if (weighted.length === 0) return null;
  const mean = (f: (s: BridgeShell) => number): number =>
    weighted.reduce((a, s) => a + w(s) * f(s), 0) / weighted.reduce((a, s) => a + w(s), 0);
  const G = mean((s) => ground(s)!);
  const nodes = mean((s) => s.node.cost.lcocDiscounted_USD_per_PFLOP_day) / G;
  const records = shells.map((s) => s.node);
  const sats = shells.map((s) => s.satellites);
  const satellites = sats.reduce((a, n) => a + n, 0);
  const nodeLaunch = shells.reduce((a, s) => a + s.satellites * s.node.cost.launch_USD, 0);
  const priced = (s: ConstellationSpec, launch_USD: number): number =>
    generationEconomics(s, records, sats, launch_USD, []).lcocDiscounted_USD_per_PFLOP_day / G;
  const bare: ConstellationSpec = { ...spec, economics: { ...spec.economics, satelliteFailureRate_per_yr: 0 } };
  const failures = spec.economics.satelliteFailureRate_per_yr ?? DEFAULT_FAILURE_RATE_per_yr;
  const figures: [string, number][] = [
    [
      `one generation of ${fmt(satellites)} satellites (learning curve, service life), node launch prices, ` +
        `no failures, no gateways`,
      priced({ ...bare, stations: [] }, nodeLaunch),
    ],
    [`replacements of failed satellites (${fmt(100 * failures)} %/yr)`, priced({ ...spec, stations: [] }, nodeLaunch)],
    [`ground segment (${spec.stations.length} gateways)`, priced(spec, nodeLaunch)],
    ["launch campaign's price instead of the nodes' own", priced(spec, campaignLaunch_USD)],
  ];
  let previous = nodes;
  const steps = figures.map(([label, ratio]) => {
    const step = { label, ratio, factor: ratio / previous };
    previous = ratio;
    return step;
  });
  return {
    baseline,
    shells: weighted.map((s) => ({
      name: s.name,
      ratio: s.node.cost.lcocDiscounted_USD_per_PFLOP_day / ground(s)!,
      eclipseFraction: s.node.orbit.eclipseFraction,
    })),
    nodes,
    steps,
    constellation: previous,
  };
}

/** One entry of the record's totals.verdictBridge: the nodes' verdict first (factor 1), then each step. */
export interface BridgeEntry {
  readonly step: string;
  readonly ratio: number;
  readonly factor: number;
}

/** The bridge as the record's entries. */
export function bridgeEntries(b: NodeConstellationBridge): BridgeEntry[] {
  const nodes = b.shells.map((s) => `${s.name} ${ratioText(s.ratio)}, eclipse ${fmt(100 * s.eclipseFraction)} %`);
  return [
    {
      step: `nodes' verdict vs ${b.baseline} (${nodes.join('; ')}; satellites × PFLOPS weighted)`,
      ratio: b.nodes,
      factor: 1,
    },
    ...b.steps.map((s) => ({ step: s.label, ratio: s.ratio, factor: s.factor })),
  ];
}

/** "nodes' verdict vs hyperscale-virginia (low 7.4×, …) 5.42× × 1.07 replacements … (5.82×) … = 5.83×". */
export function bridgeEntriesText(entries: readonly BridgeEntry[]): string {
  const [first, ...steps] = entries;
  if (first === undefined) return 'no bridge (no shell delivers compute against the baseline)';
  const last = entries[entries.length - 1]!;
  return (
    `${first.step} ${ratioText(first.ratio)} ` +
    steps.map((s) => `× ${fmt(s.factor)} ${s.step} (${ratioText(s.ratio)})`).join(' ') +
    ` = ${ratioText(last.ratio)}`
  );
}
