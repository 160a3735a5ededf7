/**
 * An uncertain figure as written in files: a distribution (./distributions.ts: uniform, triangular,
 * normal, lognormal, with optional truncation) plus an optional `reason` saying where its spread comes from, e.g.
 *   cost_USD_per_Wh: { kind: triangular, min: 100, mode: 150, max: 300, reason: "qualified batteries $100–300/Wh" }
 * In a design's `uncertainty:` section an entry may also be the word `fixed`: the input is held at its nominal
 * value (a catalog row's distribution is switched off for this design). An optional `affects: compliance | economics`
 * says what the input moves (src/study/inputKinds.ts gives the default by path and why).
 *
 * Validation reuses `validateDistribution` (./distributionValidation.ts) so every message names the field
 * and the fix ("uncertainty.economics.launchCost_USD_per_kg.sd must be > 0, got -1"). The zod schemas here only
 * wrap that check (`superRefine`), so design files and catalog rows report the same messages; which fields may
 * carry a distribution is checked where the row or design is known (src/study/uncertainInputs.ts).
 */
import * as z from 'zod';
import { validateDistribution } from './distributionValidation.js';
import { describe, type Distribution } from './distributions.js';
import { StudyError } from '../base/errors.js';

export interface UncertainValue {
  readonly distribution: Distribution;
  /** Why this spread (source range, basis of the estimate). */
  readonly reason: string | undefined;
  /** What the input moves, when the file says (else the default of src/study/inputKinds.ts). */
  readonly affects?: InputAffects;
}

/** What an uncertain input moves: whether the design meets its checks, or only what it costs and earns. */
export type InputAffects = 'compliance' | 'economics';
export const INPUT_AFFECTS: readonly InputAffects[] = ['compliance', 'economics'];

/** Parses one entry; throws StudyError naming `path` (e.g. "uncertainty.compute.utilization") and the fix. */
export function parseUncertainValue(
  p: Readonly<{ value: unknown; path: string; allowFixed: boolean }>,
): UncertainValue | 'fixed' {
  const { value, path } = p;
  if (value === 'fixed' && p.allowFixed) return 'fixed';
  if (typeof value === 'string') {
    throw new StudyError(
      'WRONG_TYPE',
      `${path} must be a distribution such as { kind: triangular, min: 1, mode: 2, max: 4 }${p.allowFixed ? ' or the word fixed' : ''}, got "${value}"`,
      { field: path },
    );
  }
  let rest = value;
  let reason: string | undefined;
  let affects: InputAffects | undefined;
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'affects' in value) {
    const { affects: a, ...others } = value as Record<string, unknown>;
    if (!INPUT_AFFECTS.includes(a as InputAffects)) {
      throw new StudyError(
        'WRONG_TYPE',
        `${path}.affects must be compliance (the input moves whether the design meets its checks) or economics (only what it costs or earns), got ${JSON.stringify(a)}`,
        { field: `${path}.affects` },
      );
    }
    affects = a as InputAffects;
    rest = others;
  }
  if (typeof rest === 'object' && rest !== null && !Array.isArray(rest) && 'reason' in rest) {
    const { reason: r, ...others } = rest as Record<string, unknown>;
    if (typeof r !== 'string' || r.trim() === '') {
      throw new StudyError(
        'WRONG_TYPE',
        `${path}.reason must be text saying where the spread comes from, got ${JSON.stringify(r)}`,
        { field: `${path}.reason` },
      );
    }
    reason = r;
    rest = others;
  }
  return {
    distribution: validateDistribution({ value: rest, path }),
    reason,
    ...(affects !== undefined ? { affects } : {}),
  };
}

const DESCRIPTION =
  'Distribution of an uncertain figure: { kind: uniform, min, max } | { kind: triangular, min, mode, max } | ' +
  '{ kind: normal, mean, sd, min?, max? } | { kind: lognormal, median, gsd, min?, max? }, each with an optional reason ' +
  'and an optional affects: compliance | economics (default by path: docs/runs.md §"Two kinds of uncertain input").';

/**
 * zod schema of a mapping from field paths to uncertain values. `prefix` is prepended to keys in messages
 * ("uncertainty."); every message names the field ("uncertainty.cost_USD_per_Wh.sd must be > 0, got -1").
 * `precisePath` puts the issue at the offending parameter (a design's section: file:line:col of `sd`); otherwise
 * at the mapping itself (catalog rows, whose loader prints "field 'uncertainty' <message>").
 */
export function uncertaintyMapSchema(
  p: Readonly<{ prefix: string; allowFixed: boolean; precisePath: boolean; description: string }>,
) {
  return z
    .record(
      z.string(),
      z
        .unknown()
        .describe(`${DESCRIPTION}${p.allowFixed ? ' Or the word fixed: hold the input at its nominal value.' : ''}`),
    )
    .superRefine((section, ctx) => {
      for (const [key, value] of Object.entries(section)) {
        const path = `${p.prefix}${key}`;
        try {
          parseUncertainValue({ value, path, allowFixed: p.allowFixed });
        } catch (e) {
          if (!(e instanceof StudyError)) throw e;
          const field = e.field ?? path;
          const rest = field.startsWith(path)
            ? field
                .slice(path.length)
                .split('.')
                .filter((s) => s !== '')
            : [];
          ctx.addIssue({ code: 'custom', path: p.precisePath ? [key, ...rest] : [], message: e.message });
        }
      }
    })
    .describe(p.description);
}

/** A catalog row's `uncertainty:` mapping (field → distribution). */
export const rowUncertaintySchema = () =>
  uncertaintyMapSchema({
    prefix: 'uncertainty.',
    allowFixed: false,
    precisePath: false,
    description:
      "Distributions of this row's estimated figures, by numeric field name (odc uncertainty and odc sensitivity sample them).",
  });

/** A design or study file's top-level `uncertainty:` section. */
export const designUncertaintySchema = () =>
  uncertaintyMapSchema({
    prefix: 'uncertainty.',
    allowFixed: true,
    precisePath: true,
    description:
      'Uncertain inputs for odc uncertainty / odc sensitivity: design keys (economics.launchCost_USD_per_kg, compute.utilization, …) ' +
      'or catalog fields (catalogs.<catalog>.<row id>.<field>) mapped to distributions; they override the distributions of catalog rows, ' +
      'and `fixed` holds an input at its nominal value.',
  });

/** A constellation file's top-level `uncertainty:` section (src/analysis/constellationModel.ts). */
export const constellationUncertaintySchema = () =>
  uncertaintyMapSchema({
    prefix: 'uncertainty.',
    allowFixed: true,
    precisePath: true,
    description:
      "Uncertain inputs for odc uncertainty / odc sensitivity of this constellation, besides its node's: node design keys " +
      '(node.compute.utilization, node.mission.lifetime_yr, …), constellation keys (economics.learningRate, economics.satelliteFailureRate_per_yr, ' +
      'launch.packingEfficiency, traffic.demandPerNode_Gbps, …) or catalog fields (catalogs.<catalog>.<row id>.<field>) mapped to distributions; ' +
      'they override the distributions of catalog rows and of the node file, and `fixed` holds an input at its nominal value.',
  });

/** `odc catalog` lines of a row's distributions: "field ~ triangular(100, 150, 300) — reason". */
export function rowUncertaintyLines(row: Readonly<{ uncertainty?: Record<string, unknown> }>): string[] {
  return Object.entries(row.uncertainty ?? {}).map(([field, value]) => {
    const parsed = parseUncertainValue({ value, path: `uncertainty.${field}`, allowFixed: false }) as UncertainValue;
    return `${field} ~ ${describe(parsed.distribution)}${parsed.reason ? ` — ${parsed.reason}` : ''}`;
  });
}
