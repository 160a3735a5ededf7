/**
 * Does a design of a constellation study still meet its constraints when its compliance inputs vary (the economics
 * inputs at nominal: ./inputKinds.ts)? The constellation
 * counterpart of ./constraintSamples.ts, on the same common random numbers (./commonSamples.ts):
 * - one unit sample matrix U (N rows, Latin hypercube by default; ./commonSamples.ts unitColumns: each column its
 *   own stream, named by the seed and its path), column j for the j-th of the sorted input paths any design of the
 *   study could use: every uncertain field of every node catalog row (`catalogs.<catalog>.<row id>.<field>`, the
 *   campaign vehicles' rows included), the node file's `uncertainty:` keys as `node.<section>.<key>`, and the study's
 *   `uncertainty:` keys;
 * - a design's inputs are the constellation's (./constellationInputs.ts: its node's rows and section, its campaign
 *   vehicle's row, the study's section, where an entry for a row the design does not use, such as the other vehicle
 *   of a searched launch.vehicle, is passed over); sample i of input `path` is its quantile at U[i][column(path)].
 *   So every design sampled in a run sees the same samples of the inputs it shares with another.
 * A variable of the study that is also an uncertain input is held at the design's value (the design fixes it). In every
 * sample each constraint the optimizer enforces is checked with the optimizer's own g (./constellationStudy.ts: the
 * physical closure — node closures, traffic demand, separation — then the study's
 * constraints): it holds when g ≤ 0. A sample the loader or the models reject counts as not holding.
 * A sample flies the design as built (constellation/design/asBuilt.ts): nodes at the sizes the nominal closure fixed,
 * not re-sized, margins spent, every node closure checked. Deterministic in (study, design, samples, method, seed).
 */
import { NODE_CATALOG_KINDS } from '../catalog/overrides.js';
import type { Catalogs } from '../catalog/schema.js';
import type { ParsedFile } from '../base/yaml.js';
import { compileConstellation, type ConstellationSpec } from '../constellation/design/compile.js';
import { flownAsBuilt, type BuiltNodeSizes } from '../constellation/design/asBuilt.js';
import { parseConstellation } from '../constellation/design/load.js';
import type { Evaluation } from '../optimize/types.js';
import { reasonOf, samplePlan, unitColumns } from './commonSamples.js';
import { applyConstellationInputs, constellationDesignOf, constellationInputs } from './constellationInputs.js';
import { tally, type ConstraintSamples, type ConstraintSampleSettings } from './constraintSamples.js';
import { MODEL_UNCERTAINTY } from './uncertainInputs.js';

type Raw = Record<string, unknown>;

export interface ConstellationSamplerParams {
  /**
   * The study's constellation at one decision vector (its `uncertainty:` section, node inlined): the file whose
   * locations messages name, and the constellation the columns are read from (the catalogs' rows, its section).
   */
  readonly read: ParsedFile;
  readonly catalogs: Catalogs;
  readonly variableNames: readonly string[];
  /** The checked constraints' names, in the order of the g vector: every node closure, then the study's. */
  readonly names: readonly string[];
  /** The constellation file (raw, node inlined) a decision vector stands for. */
  readonly fileOf: (x: Float64Array) => Raw;
  /** The node sizes the design fixes (null: flown as given). */
  readonly sizesOf: (x: Float64Array) => readonly BuiltNodeSizes[] | null;
  /** The optimizer's evaluation of a constellation: its g vector, or why it failed. */
  readonly evaluate: (spec: ConstellationSpec) => Evaluation;
  readonly settings: ConstraintSampleSettings;
}

/** Every input path any design of the study could sample, sorted: the columns of the unit sample matrix. */
export function constellationInputColumns(read: ParsedFile, catalogs: Catalogs): string[] {
  const paths = new Set<string>();
  const d = constellationDesignOf(read, catalogs);
  for (const kind of NODE_CATALOG_KINDS) {
    const rows = [
      ...(catalogs[kind] as readonly { id: string; uncertainty?: Raw }[]),
      ...d.loaded.shellNodes.flatMap(
        (s) =>
          ((s.design.catalogs as Raw | undefined)?.[kind] as { id: string; uncertainty?: Raw }[] | undefined) ?? [],
      ),
    ];
    for (const row of rows)
      for (const field of Object.keys(row.uncertainty ?? {})) paths.add(`catalogs.${kind}.${row.id}.${field}`);
  }
  const own = (section: unknown, prefix: string): void => {
    for (const [path, v] of Object.entries((section as Raw | undefined) ?? {}))
      if (v !== 'fixed') paths.add(`${prefix}${path}`);
  };
  // the models' own uncertain inputs (the AP-8/AE-8 field epoch), drawn for every node as for a node study
  for (const path of Object.keys(MODEL_UNCERTAINTY)) paths.add(`node.${path}`);
  own(d.base.raw['uncertainty'], 'node.');
  own(d.loaded.constellation.uncertainty, '');
  return [...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Samples per design as a function of its decision vector; null when no input of the study is uncertain. */
export function constellationConstraintSampler(
  p: ConstellationSamplerParams,
): ((x: Float64Array) => ConstraintSamples) | null {
  const columns = constellationInputColumns(p.read, p.catalogs);
  if (columns.length === 0) return null;
  const column = new Map(columns.map((c, j) => [c, j]));
  const { samples, method, seed } = p.settings;
  const unit = unitColumns({ n: samples, columns, seed, method });
  const held = new Set(p.variableNames);
  const holdsOf = (e: Evaluation): { holds: boolean[] } | string =>
    e.status === 'ok'
      ? { holds: Array.from(e.g, (g) => g <= 0) }
      : `the models cannot evaluate this sample: ${e.reason}`;
  return (x) => {
    const d = constellationDesignOf({ ...p.read, raw: p.fileOf(x) }, p.catalogs);
    // P(all hold) samples the compliance inputs, the economics inputs at nominal (./inputKinds.ts)
    const inputs = constellationInputs(d, 'skip').inputs.filter((i) => !held.has(i.path) && i.affects === 'compliance');
    const plan = samplePlan(inputs, column, unit);
    const sizes = p.sizesOf(x);
    const at = (i: number): { holds: boolean[] } | string => {
      const bad = plan.invalid[i];
      if (bad !== undefined) return bad;
      try {
        const { raw, node, catalogs } = applyConstellationInputs(d, inputs, plan.values[i]!);
        const sampled = compileConstellation(parseConstellation(d.parsed, raw, node), catalogs);
        return holdsOf(p.evaluate(flownAsBuilt(sampled, sizes)));
      } catch (e) {
        return `the models cannot evaluate this sample: ${reasonOf(e)}`;
      }
    };
    // no uncertain input for this design: every sample is its nominal evaluation
    const nominal = inputs.length === 0 ? at(0) : null;
    return tally({ names: p.names, skipped: [], inputs: inputs.length }, samples, false, (i) => nominal ?? at(i));
  };
}
