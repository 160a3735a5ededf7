/**
 * The run's answer in one line (src/report/decision/answerLine.ts): what the design is and how it stands against the
 * ground together, P(all hold) once. Oracle: the sentences written out by hand from the figures below (the flagship's
 * five scenarios: 4.52× its baseline, 3.82–4.76× over all, ground cheaper in all five; 254 of 256 samples hold).
 */
import { describe, expect, it } from 'vitest';
import { answerLine, verdictClause } from '../../../src/report/decision/answerLine.js';
import { kneeLines } from '../../../src/report/decision/summary.js';
import type { DecisionSummary, RecommendedDesign } from '../../../src/run/schemas.js';

const verdict = (baseline: string, r: number) => ({
  baseline,
  space_USD_per_PFLOP_day: 99 * 1,
  terrestrial_USD_per_PFLOP_day: 99 / r,
  spaceToTerrestrial: r,
  basis: 'discounted' as const,
});
const knee = {
  roles: ['knee'],
  selectors: ['knee'],
  index: 14895,
  configuration: '77 × gb300, 549 km SSO',
  costBridge: 'cost of delivered compute: … → 4.52× hyperscale-virginia',
  baseline: 'hyperscale-virginia',
  parity: 'does not reach parity by 2045: space costs 4.02× the terrestrial baseline in 2045',
  figures: [],
  // the baseline is not the first scenario: the line must name its own
  verdicts: [verdict('colocation-us-primary', 4.04), verdict('hyperscale-virginia', 4.52), verdict('ireland', 3.82)],
  binding: { constraints: [], bounds: [], sizedTo: [], tightest: [] },
} as unknown as RecommendedDesign;
const standing = {
  position: 0,
  rule: 'P(all hold) ≥ 0.9',
  qualified: true,
  selection: 'Design 14895 is the knee among the designs that keep P(all hold) ≥ 0.9.',
  minMargin: 0.031,
  tightest: ['radiation.dose'],
  exact: [],
  joint: { estimate: 254 / 256, lower: 0.972, upper: 0.998, samples: 256, inputs: 10, seed: 42 },
  jointNone: null,
  achievable: null,
};
const summary = {
  designs: [knee],
  standing,
  nominalFigures: false,
  front: { designs: 10, pressures: [] },
  spread: [],
} as unknown as DecisionSummary;

describe('the answer line', () => {
  it('names the design, its ratio to its own baseline, the tally and range, parity and P(all hold), once', () => {
    expect(answerLine(summary)).toBe(
      "Recommended: the knee, design 14895 — 77 × gb300, 549 km SSO — 4.52× hyperscale-virginia's discounted cost of " +
        'delivered compute (ground cheaper in all 3 scenarios, 3.82–4.52×); does not reach parity by 2045: space costs ' +
        '4.02× the terrestrial baseline in 2045; P(all hold) = 99.2 % (95 % CI 97.2–99.8 %) over 256 samples of 10 ' +
        'compliance inputs (Latin hypercube, seed 42)',
    );
  });

  it('space cheaper in some scenarios: says which', () => {
    const mixed = { ...knee, parity: undefined, verdicts: [verdict('a', 0.8), verdict('b', 1.25)], baseline: 'b' };
    expect(verdictClause(mixed as unknown as RecommendedDesign)).toBe(
      "1.25× b's discounted cost of delivered compute (space cheaper in 1 of 2 scenarios (a), 0.8–1.25×)",
    );
  });

  it('the terminal summary prints P(all hold) and the verdict ratio once, on its first line', () => {
    const text = kneeLines(summary).join('\n');
    expect(text.split('P(all hold) =').length - 1).toBe(1);
    expect(text.split('ground cheaper in all').length - 1).toBe(1);
    expect(kneeLines(summary)[0]).toBe(`  ${answerLine(summary)!}`);
  });
});
