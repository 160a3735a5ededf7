/**
 * A hand-built answer record (src/run/answer/schema.ts) with round figures written here, for the tests that render it
 * (terminal card, report, explorer header) and look for the same figures in each.
 */
import type { Answer } from '../../src/run/answer/schema.js';
import type { DecisionSummary } from '../../src/run/schemas.js';

const DECISION = {
  bindingMargin: 0.02,
  boundTolerance: 0.01,
  nominalFigures: false,
  designs: [],
  front: { designs: 0, constraints: [], bounds: [] },
} as unknown as DecisionSummary;

export function handAnswer(over: Partial<Answer> = {}): Answer {
  return {
    formatVersion: 1,
    kind: 'node',
    study: 'hand-study',
    seeds: [43],
    design: {
      index: 4321,
      seed: 43,
      label: 'Recommended',
      picked: 'knee',
      roles: ['knee'],
      configuration: '64 × gb300, 600 km SSO, array 900 m², radiator 300 m², ISL grid',
    },
    figures: [
      { label: 'LCOC', metric: 'cost.lcocDiscounted_USD_per_PFLOP_day', value: 123, unit: 'USD/PFLOP-day' },
      { label: 'IT power', metric: 'compute.itPowerAvg_W', value: 130, unit: 'kW' },
    ],
    nominalFigures: false,
    verdict: {
      baseline: 'hyperscale-virginia',
      ratio: 4.5,
      space_USD_per_PFLOP_day: 123,
      terrestrial_USD_per_PFLOP_day: 27.3,
      basis: 'discounted',
      why: 'discounted over discounted',
      scenarios: [{ baseline: 'hyperscale-virginia', ratio: 4.5 }],
    },
    joint: {
      estimate: 0.975,
      lower: 0.96,
      upper: 0.985,
      interval: '95 % Wilson score interval',
      samples: 400,
      method: 'Latin hypercube',
      seed: 7,
      inputs: ['catalogs.chips.gb300.mass_kg'],
      inputCount: 1,
    },
    jointNone: null,
    margins: {
      smallest: 0.01,
      tightest: ['compute.itPowerPeak_W <= 150000'],
      binds: 'compute.itPowerPeak_W <= 150000 (1.0 %)',
      binding: [{ name: 'compute.itPowerPeak_W <= 150000', margin: 0.01 }],
    },
    costBridge: [
      { step: 1, label: 'first unit', factor: null, value: 200, unit: 'USD/PFLOP-day', why: 'one node' },
      { step: 2, label: 'discounted', factor: 0.615, value: 123, unit: 'USD/PFLOP-day', why: 'discounting' },
    ],
    hypervolumes: [{ scope: 'seed 43', value: 0.5, normalization: 'final front' }],
    references: [],
    decision: DECISION,
    picks: [],
    robustness: null,
    costBreakdown: null,
    notes: [],
    ...over,
  };
}
