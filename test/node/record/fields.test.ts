/**
 * Adding a metric to the node record is one declaration: here a fixture field, declared in this file beside the real
 * table, reaches the record's schema (its description and title, so `odc metrics` and the budget tables), the metric
 * paths studies may name, the record built from the stages' results and the lean evaluation's reader.
 */
import { describe, expect, it } from 'vitest';
import { fieldAt, recordFields, tableBuilder } from '../../../src/base/recordFields.js';
import { numericLeaves } from '../../../src/base/zodPaths.js';
import { sizeNode } from '../../../src/node/evaluate.js';
import { RECORD_FIELDS } from '../../../src/node/record/fields.js';
import { metricPaths } from '../../../src/node/record/metrics.js';
import type { NodeSizing } from '../../../src/node/record/nodeRecord.js';
import { designRecordSchemaOf } from '../../../src/node/record/recordSchema.js';
import { nodeEvaluator } from '../../../src/node/evaluator.js';
import { rowResolver } from '../../../src/node/record/rows.js';
import { fieldRows } from '../../../src/report/budget/budget.js';
import { ai1 } from '../ai1.js';

const { num, section } = recordFields<NodeSizing>();
/** The one declaration: the installed array over the array the design needs at end of life. */
const arrayMargin = num(
  'Installed over required array area [-]',
  'array margin',
  (s) => s.design.power.arrayArea_m2 / s.power.system.requiredArrayArea_m2,
);
const FIXTURE = { ...RECORD_FIELDS, power: section({ ...RECORD_FIELDS.power.fields, arrayMargin }) };

const schema = designRecordSchemaOf(FIXTURE);
const sizing = sizeNode(ai1.design, rowResolver(nodeEvaluator().rows)(ai1.design), null);
const sections = tableBuilder<NodeSizing, typeof FIXTURE>(FIXTURE)(false, sizing);
const record = { ...ai1.record, ...sections };

describe('a node record field declared in one place', () => {
  it('is a metric path, listed after the fields declared before it, with its meaning, unit and label', () => {
    const paths = numericLeaves(schema, '', true).map((l) => l.path);
    const before = metricPaths().indexOf('power.batteryMass_kg');
    expect(paths).toEqual([
      ...metricPaths().slice(0, before + 1),
      'power.arrayMargin',
      ...metricPaths().slice(before + 1),
    ]);
    expect(numericLeaves(schema).find((l) => l.path === 'power.arrayMargin')).toEqual({
      path: 'power.arrayMargin',
      description: 'Installed over required array area [-].',
      title: 'array margin',
    });
  });

  it('is in the record, read from the stages, and the record stays valid against the schema', () => {
    // Independent of the fixture: the shipped record's own figures.
    expect(record.power.arrayMargin).toBeCloseTo(
      ai1.record.power.arrayArea_m2 / ai1.record.power.requiredArrayArea_m2,
      12,
    );
    // Every other field is the shipped record's.
    const { arrayMargin: _added, ...power } = record.power;
    expect(power).toEqual(ai1.record.power);
    for (const k of Object.keys(RECORD_FIELDS).filter((k) => k !== 'power'))
      expect(record[k as keyof typeof record], k).toEqual(ai1.record[k as keyof typeof ai1.record]);
    expect(schema.parse(record).power.arrayMargin).toBe(record.power.arrayMargin);
  });

  it('gets a budget row with its label and unit', () => {
    const row = fieldRows(() => schema)(record, 'power')('arrayMargin');
    expect(row.label).toBe('array margin');
    expect(row.unit).toBe('-');
    expect(Number(row.value)).toBeCloseTo(record.power.arrayMargin, 2);
  });

  it('is read on the lean path by the function the record reads', () => {
    const field = fieldAt(FIXTURE, 'power.arrayMargin')!;
    expect(field).toBe(arrayMargin);
    expect(field.lean).toBe(true);
    expect(field.read(sizing)).toBe(record.power.arrayMargin);
  });
});
