/**
 * An uncertain figure as written in files (src/statistics/uncertainValue.ts): a distribution with an optional
 * reason, or the word `fixed` where the caller allows it; and the zod schemas of the `uncertainty:` mappings, whose
 * messages name the field and whose issue paths point at the offending parameter when asked to. Expectations are
 * the documented messages and the meaning of each option, not a copy of the code.
 */
import { studyErrorOf } from '../helpers/tmp.js';
import { describe, expect, it } from 'vitest';
import {
  constellationUncertaintySchema,
  designUncertaintySchema,
  parseUncertainValue,
  rowUncertaintyLines,
  rowUncertaintySchema,
  uncertaintyMapSchema,
} from '../../src/statistics/uncertainValue.js';

const studyError = studyErrorOf;

describe('parseUncertainValue', () => {
  const path = 'uncertainty.compute.utilization';
  it('a distribution with a reason: both come back, the reason is not a parameter', () => {
    const v = parseUncertainValue({
      value: { kind: 'uniform', min: 0.5, max: 0.9, reason: 'fleet data' },
      path,
      allowFixed: false,
    });
    expect(v).toEqual({ distribution: { kind: 'uniform', min: 0.5, max: 0.9 }, reason: 'fleet data' });
  });
  it('without a reason the reason is undefined', () => {
    expect(parseUncertainValue({ value: { kind: 'uniform', min: 0, max: 1 }, path, allowFixed: true })).toEqual({
      distribution: { kind: 'uniform', min: 0, max: 1 },
      reason: undefined,
    });
  });
  it('the word fixed only where allowed; any other word says what to write', () => {
    expect(parseUncertainValue({ value: 'fixed', path, allowFixed: true })).toBe('fixed');
    const no = studyError(() => parseUncertainValue({ value: 'fixed', path, allowFixed: false }));
    expect([no.code, no.field, no.message]).toEqual([
      'WRONG_TYPE',
      path,
      `${path} must be a distribution such as { kind: triangular, min: 1, mode: 2, max: 4 }, got "fixed"`,
    ]);
    const word = studyError(() => parseUncertainValue({ value: 'wide', path, allowFixed: true }));
    expect(word.message).toBe(
      `${path} must be a distribution such as { kind: triangular, min: 1, mode: 2, max: 4 } or the word fixed, got "wide"`,
    );
  });
  it('a reason must be non-blank text, and the message names the reason field', () => {
    for (const [reason, shown] of [
      ['  ', '"  "'],
      ['', '""'],
      [42, '42'],
      [null, 'null'],
    ] as const) {
      const e = studyError(() =>
        parseUncertainValue({ value: { kind: 'uniform', min: 0, max: 1, reason }, path, allowFixed: false }),
      );
      expect([e.code, e.field, e.message]).toEqual([
        'WRONG_TYPE',
        `${path}.reason`,
        `${path}.reason must be text saying where the spread comes from, got ${shown}`,
      ]);
    }
  });
  it('an array or a non-object is not mistaken for a mapping with a reason', () => {
    expect(studyError(() => parseUncertainValue({ value: ['reason'], path, allowFixed: false })).code).toBe(
      'WRONG_TYPE',
    );
    expect(studyError(() => parseUncertainValue({ value: null, path, allowFixed: false })).code).toBe('WRONG_TYPE');
  });
  it("the distribution's own problems name the parameter under the path", () => {
    const e = studyError(() =>
      parseUncertainValue({ value: { kind: 'normal', mean: 1, sd: -1, reason: 'x' }, path, allowFixed: false }),
    );
    expect([e.code, e.field, e.message]).toEqual(['OUT_OF_RANGE', `${path}.sd`, `${path}.sd must be > 0, got -1`]);
  });
});

describe('uncertaintyMapSchema', () => {
  const make = (precisePath: boolean, allowFixed = true) =>
    uncertaintyMapSchema({ prefix: 'uncertainty.', allowFixed, precisePath, description: 'the section' });

  it('valid entries pass; fixed follows allowFixed', () => {
    const section = { 'economics.x': { kind: 'uniform', min: 0, max: 1 }, 'compute.y': 'fixed' };
    expect(make(true).safeParse(section).success).toBe(true);
    const r = make(true, false).safeParse(section);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/^uncertainty\.compute\.y must be a distribution such as/);
  });

  it('precisePath puts the issue at the parameter (key, then its fields); otherwise at the mapping', () => {
    const section = { 'economics.launchCost_USD_per_kg': { kind: 'normal', mean: 1, sd: -1 } };
    const message = 'uncertainty.economics.launchCost_USD_per_kg.sd must be > 0, got -1';
    const precise = make(true).safeParse(section);
    expect(precise.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [['economics.launchCost_USD_per_kg', 'sd'], message],
    ]);
    const loose = make(false).safeParse(section);
    expect(loose.error?.issues.map((i) => [i.path, i.message])).toEqual([[[], message]]);
  });

  it('an error about the whole entry points at its key; every bad entry is reported', () => {
    const r = make(true).safeParse({ a: 3, b: { kind: 'uniform', min: 2, max: 1 } });
    expect(r.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [['a'], 'uncertainty.a must be a distribution such as { kind: normal, mean: 1, sd: 0.2 }, got 3'],
      [['b', 'min'], 'uncertainty.b.min 2 > max 1: swap them'],
    ]);
  });

  it('a prefix other than uncertainty. is used in the messages', () => {
    const s = uncertaintyMapSchema({ prefix: 'node.', allowFixed: false, precisePath: true, description: 'd' });
    const r = s.safeParse({ k: { kind: 'uniform', min: 1, max: 1 } });
    expect(r.error?.issues[0]?.path).toEqual(['k', 'max']);
    expect(r.error?.issues[0]?.message).toMatch(/^node\.k\.max equals min \(1\)/);
  });

  it('the descriptions: the section, and the word fixed only where it is allowed', () => {
    const entry = (s: ReturnType<typeof make>): string => (s.def.valueType as { description?: string }).description!;
    expect(make(true).description).toBe('the section');
    expect(entry(make(true))).toContain('Or the word fixed');
    expect(entry(make(false, false))).not.toContain('fixed');
    expect(entry(make(false, false))).toContain('{ kind: triangular, min, mode, max }');
    expect(entry(rowUncertaintySchema())).not.toContain('fixed');
    // every kind with its parameters, and nothing after "optional reason." where fixed is not allowed
    expect(entry(rowUncertaintySchema())).toMatch(
      /\{ kind: uniform, min, max \} \| .*\{ kind: normal, mean, sd, min\?, max\? \} \| \{ kind: lognormal, median, gsd, min\?, max\? \}, each with an optional reason and an optional affects: compliance \| economics \(default by path: docs\/runs\.md §"Two kinds of uncertain input"\)\.$/,
    );
    // the sections tell which keys they take: catalog fields, and the constellation's node and own keys
    expect(designUncertaintySchema().description).toMatch(/catalog fields \(catalogs\.<catalog>\.<row id>\.<field>\)/);
    expect(designUncertaintySchema().description).toMatch(/`fixed` holds an input at its nominal value\.$/);
    const constellation = constellationUncertaintySchema().description!;
    for (const key of ['node.compute.utilization', 'traffic.demandPerNode_Gbps', 'catalogs.<catalog>.<row id>.<field>'])
      expect(constellation).toContain(key);
    expect(constellation).toMatch(/`fixed` holds an input at its nominal value\.$/);
    expect(entry(designUncertaintySchema())).toContain('Or the word fixed');
    expect(entry(constellationUncertaintySchema())).toContain('Or the word fixed');
  });

  it('the three sections: rows reject fixed and report at the mapping; designs and constellations are precise', () => {
    const bad = { 'x.y': { kind: 'normal', mean: 1, sd: 0 } };
    expect(rowUncertaintySchema().safeParse({ f: 'fixed' }).success).toBe(false);
    const rowIssue = rowUncertaintySchema().safeParse(bad).error?.issues[0];
    expect([rowIssue?.path, rowIssue?.code, rowIssue?.message]).toEqual([
      [],
      'custom',
      'uncertainty.x.y.sd must be > 0, got 0',
    ]);
    for (const schema of [designUncertaintySchema(), constellationUncertaintySchema()]) {
      expect(schema.safeParse({ f: 'fixed' }).success).toBe(true);
      const issue = schema.safeParse(bad).error?.issues[0];
      expect([issue?.path, issue?.message]).toEqual([['x.y', 'sd'], 'uncertainty.x.y.sd must be > 0, got 0']);
    }
    expect(rowUncertaintySchema().description).toMatch(/row's estimated figures/);
    expect(designUncertaintySchema().description).toMatch(/^Uncertain inputs for odc uncertainty/);
    expect(constellationUncertaintySchema().description).toMatch(/of this constellation/);
  });
});

describe('rowUncertaintyLines', () => {
  it('one line per field: "field ~ distribution — reason", without the dash when there is no reason', () => {
    expect(
      rowUncertaintyLines({
        uncertainty: {
          cost_USD_per_Wh: { kind: 'triangular', min: 100, mode: 150, max: 300, reason: 'qualified batteries' },
          mass_kg: { kind: 'uniform', min: 1, max: 2 },
        },
      }),
    ).toEqual(['cost_USD_per_Wh ~ triangular(100, 150, 300) — qualified batteries', 'mass_kg ~ uniform(1, 2)']);
    expect(rowUncertaintyLines({})).toEqual([]);
  });
});
