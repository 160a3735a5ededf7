/**
 * User-facing validation of a `Distribution` (./distributions.ts).
 *
 * Method: the strict zod variant of its `kind` (./distributionVariants.ts) checks types (finite numbers; zod 4's
 * z.number() rejects NaN and ±Infinity) and unknown keys; `distributionProblems` checks the relations (sd > 0,
 * min < max, min ≤ mode ≤ max, median > 0, gsd > 1, a truncation interval that holds probability).
 * `validateDistribution` throws `StudyError` (exit code 2) naming the field path supplied by the caller and the fix,
 * e.g. "economics.batteryCost.sd must be > 0, got -1".
 * Conventions: OpenMDAO-style declared options; a reversed range says "swap them".
 */
import { didYouMean, StudyError, type StudyErrorCode } from '../base/errors.js';
import { DISTRIBUTION_KINDS, standardBounds, type Distribution, type DistributionKind } from './distributions.js';
import { standardNormalMass } from './normal.js';
import { DISTRIBUTION_VARIANTS } from './distributionVariants.js';

/** Parameters each kind needs, then the optional ones (for "missing" messages). */
const PARAMETERS: Record<DistributionKind, string> = {
  uniform: 'needs min and max',
  triangular: 'needs min, mode and max',
  normal: 'needs mean and sd (optional truncation: min, max)',
  lognormal: 'needs median and gsd (optional truncation: min, max)',
};

/** One thing wrong with a distribution: the parameter to fix and what to say after its path. */
export interface DistributionProblem {
  readonly field: string;
  /** Text that follows "<path>.<field> ", e.g. "must be > 0, got -1". */
  readonly message: string;
}

const show = (v: unknown): string =>
  typeof v === 'string'
    ? JSON.stringify(v)
    : v === undefined
      ? 'nothing'
      : typeof v === 'object'
        ? JSON.stringify(v)
        : String(v);

function orderProblem(min: number, max: number): DistributionProblem | undefined {
  if (min > max) return { field: 'min', message: `${min} > max ${max}: swap them` };
  if (min === max)
    return {
      field: 'max',
      message: `equals min (${min}): the range is empty; give min < max, or use a fixed value instead of a distribution`,
    };
  return undefined;
}

/** Relations a typed distribution must satisfy, in the order they are best fixed; empty when it is valid. */
export function distributionProblems(d: Distribution): DistributionProblem[] {
  const out: DistributionProblem[] = [];
  const push = (p: DistributionProblem | undefined): void => void (p && out.push(p));
  switch (d.kind) {
    case 'uniform':
      push(orderProblem(d.min, d.max));
      return out;
    case 'triangular':
      push(orderProblem(d.min, d.max));
      if (out.length === 0 && (d.mode < d.min || d.mode > d.max)) {
        push({
          field: 'mode',
          message: `${d.mode} is outside [min, max] = [${d.min}, ${d.max}]: the mode must lie between min and max`,
        });
      }
      return out;
    case 'normal':
      if (!(d.sd > 0)) push({ field: 'sd', message: `must be > 0, got ${d.sd}` });
      break;
    case 'lognormal':
      if (!(d.median > 0))
        push({ field: 'median', message: `must be > 0 (a lognormal quantity is positive), got ${d.median}` });
      if (!(d.gsd > 1)) {
        push({
          field: 'gsd',
          message: `must be > 1 (the geometric standard deviation: one gsd spans median/gsd to median·gsd), got ${d.gsd}`,
        });
      } else if (d.gsd > MAX_GSD) {
        // A factor of 1000 per standard deviation already spans 18 orders of magnitude over ±3σ; beyond it,
        // samples leave every model's range (and past ~e^140 overflow doubles), so it is a units slip.
        push({
          field: 'gsd',
          message: `must be ≤ ${MAX_GSD} (one gsd multiplies or divides the median; ${d.gsd} puts samples beyond any model's range): check the units`,
        });
      }
      if (d.min !== undefined && d.min < 0)
        push({ field: 'min', message: `must be ≥ 0 (a lognormal quantity is positive), got ${d.min}` });
      break;
  }
  if (d.min !== undefined && d.max !== undefined) push(orderProblem(d.min, d.max));
  if (out.length > 0) return out;
  const { lo, hi } = standardBounds(d);
  if ((d.min !== undefined || d.max !== undefined) && !(standardNormalMass(lo, hi) > 0)) {
    push({
      field: d.min !== undefined ? 'min' : 'max',
      message:
        `truncation [${d.min ?? '-inf'}, ${d.max ?? 'inf'}] holds no probability (it lies ${Math.min(Math.abs(lo), Math.abs(hi)).toFixed(0)} ` +
        'standard deviations from the centre): check the units or widen it',
    });
  }
  return out;
}

/**
 * Parses and checks a distribution given as untyped data (a parsed YAML mapping) and returns it typed; throws
 * `StudyError` naming `path` (e.g. "economics.batteryCost") and the fix. Codes: WRONG_TYPE (not a mapping, unknown
 * kind, non-number), MISSING_FIELD, UNKNOWN_KEY (with a did-you-mean), OUT_OF_RANGE (relations).
 */
/** Widest lognormal accepted: geometric standard deviation [-]. */
export const MAX_GSD = 1000;

export function validateDistribution(p: Readonly<{ value: unknown; path: string }>): Distribution {
  const { value, path } = p;
  const fail = (code: StudyErrorCode, field: string, message: string): never => {
    throw new StudyError(code, message, { field });
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(
      'WRONG_TYPE',
      path,
      `${path} must be a distribution such as { kind: normal, mean: 1, sd: 0.2 }, got ${show(value)}`,
    );
  }
  const record = value as Record<string, unknown>;
  const kinds = DISTRIBUTION_KINDS.join(', ');
  if (record.kind === undefined)
    return fail('MISSING_FIELD', `${path}.kind`, `${path}.kind is missing: give one of ${kinds}`);
  if (typeof record.kind !== 'string' || !(DISTRIBUTION_KINDS as readonly string[]).includes(record.kind)) {
    const guess = typeof record.kind === 'string' ? didYouMean(record.kind, DISTRIBUTION_KINDS) : undefined;
    return fail(
      'WRONG_TYPE',
      `${path}.kind`,
      `${path}.kind must be one of ${kinds}, got ${show(record.kind)}${guess ? `: did you mean ${guess}?` : ''}`,
    );
  }
  const kind = record.kind as DistributionKind;
  const schema = DISTRIBUTION_VARIANTS()[kind];
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const issue = issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0]!; // a misspelt key explains the missing one
    const keys = Object.keys(schema.shape).filter((k) => k !== 'kind');
    if (issue.code === 'unrecognized_keys') {
      const key = issue.keys[0] ?? '';
      const guess = didYouMean(key, keys);
      return fail(
        'UNKNOWN_KEY',
        `${path}.${key}`,
        `${path}.${key} is not a ${kind} parameter (${kind} takes ${keys.join(', ')})${guess ? `: did you mean ${guess}?` : ''}`,
      );
    }
    const field = issue.path.map(String).join('.');
    const got = record[field];
    if (got === undefined)
      return fail(
        'MISSING_FIELD',
        `${path}.${field}`,
        `${path}.${field} is missing: a ${kind} distribution ${PARAMETERS[kind]}`,
      );
    return fail('WRONG_TYPE', `${path}.${field}`, `${path}.${field} must be a finite number, got ${show(got)}`);
  }
  const d: Distribution = parsed.data;
  const problem = distributionProblems(d)[0];
  if (problem) return fail('OUT_OF_RANGE', `${path}.${problem.field}`, `${path}.${problem.field} ${problem.message}`);
  return d;
}
