/**
 * The common sample set of a node study's uncertain inputs, used by robust studies (./robust.ts), by the per-sample
 * constraint checks (./constraintSamples.ts) and by reports.
 *
 * Common random numbers. One unit sample matrix U (N rows × D columns in (0, 1), Latin hypercube or plain Monte
 * Carlo, src/statistics/sampling.ts) is drawn once, when the study is compiled (unitColumns). Column j belongs to
 * the j-th input path in sorted order (JavaScript string order) over every path any design of the study could use:
 * every uncertain field of every node catalog row (`catalogs.<catalog>.<row id>.<field>`), every model input
 * (uncertainInputs.ts MODEL_UNCERTAINTY) and every key of the study's `uncertainty:` section. A design collects its
 * own inputs (src/study/uncertainInputs.ts: the rows it uses, the models', then the study's section; section entries
 * for rows it does not use are skipped) and maps sample i of input
 * `path` through the input's quantile function at U[i][column(path)]. So every design of a run — and every worker,
 * which compiles the study again from the same file — sees the same samples; comparisons between designs are not
 * blurred by sampling noise, and the run is a deterministic function of the seeds.
 * Each column is drawn from its own stream, seeded by the seed `robust.seed` (default `algorithm.seed`, xored with
 * ROBUST_SEED_SALT so the stream differs from the optimizer's) and the FNV-1a hash of its path: an input's samples
 * do not depend on which other paths exist, so a catalog row added to the catalogs (or an uncertainty entry for a row
 * the design does not fly) leaves every design's samples as they were. The columns of a Latin hypercube are
 * independent permutations, so column by column it is the same design.
 */
import { quantile } from '../statistics/distributions.js';
import { unitSample, type SamplingMethod } from '../statistics/sampling.js';
import { NODE_CATALOG_KINDS } from '../catalog/overrides.js';
import { rowResolver } from '../node/record/rows.js';
import type { Catalogs } from '../catalog/schema.js';
import { createRng } from '../base/rng.js';
import type { DesignRecord } from '../node/record/record.js';
import type { NodeDesign } from '../node/design/schema.js';
import { MODEL_UNCERTAINTY, uncertainInputs, type UncertainInput } from './uncertainInputs.js';
import { inputApplier } from './uncertainTargets.js';

/** Xored into the seed of the sample stream, so it is not the optimizer's stream when both use algorithm.seed. */
export const ROBUST_SEED_SALT = 0x6a09e667;

/** One sample of one design: the sampled input values by path, and its record or why it failed. */
export interface RobustSample {
  readonly values: Readonly<Record<string, number>>;
  readonly record: DesignRecord | null;
  readonly failure: string | null;
}

/** Every path any design of the study could sample, sorted: the columns of the unit sample matrix. */
export function inputColumns(base: NodeDesign, rows: Catalogs): string[] {
  const paths = new Set<string>();
  for (const kind of NODE_CATALOG_KINDS) {
    for (const row of rows[kind] as readonly { id: string; uncertainty?: Record<string, unknown> }[]) {
      for (const field of Object.keys(row.uncertainty ?? {})) paths.add(`catalogs.${kind}.${row.id}.${field}`);
    }
  }
  for (const path of Object.keys(MODEL_UNCERTAINTY)) paths.add(path);
  for (const [path, value] of Object.entries(base.uncertainty ?? {})) if (value !== 'fixed') paths.add(path);
  return [...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** FNV-1a 32-bit hash of a string's UTF-16 code units (a column's stream name, not a security hash). */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The unit sample matrix (N rows × one column per path, see the header): column j drawn from its own stream, named by
 * the seed and path j alone.
 */
export function unitColumns(
  p: Readonly<{ n: number; columns: readonly string[]; seed: number; method: SamplingMethod }>,
): number[][] {
  const base = Math.imul((p.seed ^ ROBUST_SEED_SALT) >>> 0, 0x9e3779b1);
  const cols = p.columns.map((path) =>
    unitSample({ n: p.n, d: 1, rng: createRng((base ^ fnv1a(path)) >>> 0), method: p.method }),
  );
  return Array.from({ length: p.n }, (_, i) => cols.map((c) => c[i]![0]!));
}

/** A design's inputs and their N sampled values, shared by every design that uses the same rows. */
export interface SamplePlan {
  readonly inputs: readonly UncertainInput[];
  /** N rows of `inputs.length` values. */
  readonly values: readonly (readonly number[])[];
  /** Why sample i has a value outside its field's range, or undefined. */
  readonly invalid: readonly (string | undefined)[];
}

/** The message of a thrown value. */
export const reasonOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The common sample set of a node study: each design's uncertain inputs at the N rows of one unit sample matrix. */
export interface CommonSampler {
  /** Input paths in column order of the unit sample matrix. */
  readonly columns: readonly string[];
  /** The design's inputs and their N sampled values (cached per set of catalog rows used). */
  planFor(d: NodeDesign): SamplePlan;
  /**
   * Sample i of design d evaluated by `evaluate` (the nominal evaluation itself when the design has no uncertain
   * input), or why it failed.
   */
  sampleOf<R>(d: NodeDesign, nominal: R, plan: SamplePlan, i: number, evaluate: (d: NodeDesign) => R): R | string;
  /** The N samples of a design; throws when the nominal design cannot be evaluated. */
  samples(d: NodeDesign): RobustSample[];
}

export interface CommonSamplerParams {
  /** The study's base design (its `uncertainty:` section is the study's). */
  readonly base: NodeDesign;
  readonly rows: Catalogs;
  readonly samples: number;
  readonly method: SamplingMethod;
  /** Seed before ROBUST_SEED_SALT (so a robust study's own samples are reproduced with its seed and count). */
  readonly seed: number;
  readonly evaluate: (design: NodeDesign) => DesignRecord;
  /** The columns (default: every input any design of the study could use, sorted; see the header). */
  readonly columns?: readonly string[];
  /**
   * Sample the compliance inputs only, the economics inputs at nominal (./inputKinds.ts: the sample set of P(all
   * hold)); the columns stay those of every input, so a compliance input takes the same values as in the full set.
   */
  readonly complianceOnly?: boolean;
}

/** The catalog rows a design uses, as [catalog, id] (the ISL terminal only with links). */
function usedCatalogRows(d: NodeDesign, r: ReturnType<ReturnType<typeof rowResolver>>): string[][] {
  return [
    ['chips', r.chip.id],
    ['solarArrays', r.array.id],
    ['batteries', r.battery.id],
    ['radiators', r.radiator.id],
    ['coatings', r.coating.id],
    ['coolants', r.coolant.id],
    ...(d.isl.topology !== 'none' ? [['islTerminals', r.terminal.id]] : []),
    ['launchVehicles', r.vehicle.id],
  ];
}

/** The study's uncertainty: entries that apply to a design using `used`: every non-catalog entry and its rows' ones. */
function sectionForRows(
  section: Record<string, unknown>,
  used: readonly (readonly string[])[],
): Record<string, unknown> {
  const usedSet = new Set(used.map(([k, id]) => `catalogs.${k}.${id}.`));
  const own: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(section)) {
    if (!path.startsWith('catalogs.') || usedSet.has(path.slice(0, path.lastIndexOf('.') + 1))) own[path] = value;
  }
  return own;
}

/** Common random numbers over a study's uncertain inputs (see the header); used by robust studies and by reports. */
export function commonSampler(p: CommonSamplerParams): CommonSampler {
  const { base, rows } = p;
  const section = (base.uncertainty ?? {}) as Record<string, unknown>;
  const columns = p.columns ?? inputColumns(base, rows);
  const column = new Map(columns.map((c, j) => [c, j]));
  const unit = unitColumns({ n: p.samples, columns, seed: p.seed, method: p.method });

  const resolve = rowResolver(rows);
  const plans = new Map<string, SamplePlan>();
  const planFor = (d: NodeDesign): SamplePlan => {
    const r = resolve(d);
    const used = usedCatalogRows(d, r);
    const perKg = d.economics.launchCost_USD_per_kg !== undefined;
    const key = `${used.map(([k, id]) => `${k}:${id}`).join('|')}|${perKg ? 'perKg' : ''}`;
    const hit = plans.get(key);
    if (hit !== undefined) return hit;
    const own = sectionForRows(section, used);
    const inputs = uncertainInputs({ design: { ...d, uncertainty: own } as NodeDesign, rows });
    const plan = samplePlan(
      p.complianceOnly === true ? inputs.filter((x) => x.affects === 'compliance') : inputs,
      column,
      unit,
    );
    plans.set(key, plan);
    return plan;
  };

  // the applier of the design whose samples are drawn (one design's samples are drawn one after another)
  let applying: { d: NodeDesign; plan: SamplePlan; apply: (values: readonly number[]) => NodeDesign } | undefined;
  const sampleOf = <R>(d: NodeDesign, nominal: R, plan: SamplePlan, i: number, evaluate: (d: NodeDesign) => R) => {
    if (plan.inputs.length === 0) return nominal;
    const bad = plan.invalid[i];
    if (bad !== undefined) return bad;
    try {
      if (applying?.d !== d || applying.plan !== plan)
        applying = { d, plan, apply: inputApplier(d, plan.inputs, rows) };
      return evaluate(applying.apply(plan.values[i]!));
    } catch (e) {
      return `the models cannot evaluate this sample: ${reasonOf(e)}`;
    }
  };
  const samples = (d: NodeDesign): RobustSample[] => {
    const nominal = p.evaluate(d);
    const plan = planFor(d);
    return Array.from({ length: p.samples }, (_, i) => {
      const values: Record<string, number> = {};
      plan.inputs.forEach((inp, k) => {
        values[inp.path] = plan.values[i]![k]!;
      });
      const rec = sampleOf(d, nominal, plan, i, p.evaluate);
      return typeof rec === 'string' ? { values, record: null, failure: rec } : { values, record: rec, failure: null };
    });
  };
  return { columns, planFor, sampleOf, samples };
}

/** The plan of a design's inputs: their values at the rows of the unit sample matrix, and which rows are invalid. */
export function samplePlan(
  inputs: UncertainInput[],
  column: ReadonlyMap<string, number>,
  unit: readonly (readonly number[])[],
): SamplePlan {
  const cols = inputs.map((inp) => {
    const j = column.get(inp.path);
    if (j === undefined) throw new Error(`robust sampling: input ${inp.path} has no column`);
    return j;
  });
  const values = unit.map((u) => inputs.map((inp, k) => quantile(inp.distribution, u[cols[k]!]!)));
  const invalid = values.map((v) => {
    for (let k = 0; k < inputs.length; k++) {
      const bad = inputs[k]!.check(inputs[k]!.integer ? Math.round(v[k]!) : v[k]!);
      if (bad !== undefined) return bad;
    }
    return undefined;
  });
  return { inputs, values, invalid };
}
