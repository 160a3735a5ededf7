import { beforeAll, describe, expect, it } from 'vitest';
import { createLpSolver } from '../../../solvers/lp/index.js';
import { evaluateConstellation } from '../../../src/constellation/evaluate.js';
import { evaluateConstellationFileWith } from '../../../src/constellation/evaluator.js';
import type { ConstellationSpec } from '../../../src/constellation/design/compile.js';
import type { ConstellationRecord } from '../../../src/constellation/record/record.js';
import { constellationParity } from '../../../src/run/answer/constellationParity.js';
import { constellationCostBreakdown } from '../../../src/run/answer/constellationCost.js';
import { fleetGroundLcoc } from '../../../src/run/decision/recommend.js';

/**
 * The constellation verdict's parity year and band (src/run/answer/constellationParity.ts) on three-body-12, and the
 * rule that no verdict text prints Infinity, NaN or "∞" (src/base/verdictText.ts): with no compute delivered and with
 * a trajectory beyond the range of a double, each gives a sentence.
 */
let spec: ConstellationSpec;
let r: ConstellationRecord;
beforeAll(async () => {
  const lp = await createLpSolver();
  spec = evaluateConstellationFileWith('designs/constellations/three-body-12.yaml', lp).spec;
  r = evaluateConstellation(spec, lp);
}, 120_000);

/** Every word of a cost section: labels, values and notes. */
const text = (s: ReturnType<typeof constellationCostBreakdown>): string =>
  s.rows.map((x) => `${x.label} ${x.value} ${x.note ?? ''}`).join('\n');

/** spec with the first shell's node trajectories changed. */
function withTrajectories(change: Record<string, unknown>): ConstellationSpec {
  const s0 = spec.shells[0]!;
  const trajectories = { ...s0.node.economics.trajectories, ...change };
  const node = { ...s0.node, economics: { ...s0.node.economics, trajectories } };
  return { ...spec, shells: [{ ...s0, node }, ...spec.shells.slice(1)] };
}

describe('constellationParity', () => {
  it('in the reference year (fromYear = referenceYear = 2026) the ratio is the verdict: space over the weighted ground', () => {
    const p = constellationParity(spec, r, 'hyperscale-virginia')!;
    const verdict = r.totals.lcocDiscounted_USD_per_PFLOP_day / fleetGroundLcoc(r.shells, 'hyperscale-virginia')!;
    expect(p.ratioFirstYear / verdict).toBeCloseTo(1, 9);
    // the band holds the central year: low ≤ central ≤ high, a null end reading "after the search"
    const y = (v: number | null): number => v ?? Infinity;
    expect(y(p.parityYearLow)).toBeLessThanOrEqual(y(p.parityYear));
    expect(y(p.parityYear)).toBeLessThanOrEqual(y(p.parityYearHigh));
    expect(p.band).toMatch(/^band /);
  });

  it('flat prices: the ratio never moves, so a verdict above 1 has no parity and the last year keeps it', () => {
    // every trajectory one point: held flat (src/models/cost/trajectory.ts), so each factor is 1 in every year
    const flat = withTrajectories(
      Object.fromEntries(
        Object.entries(spec.shells[0]!.node.economics.trajectories)
          .filter(([, v]) => Array.isArray(v))
          .map(([k, v]) => [k, [(v as { year: number; value: number }[])[0]!]]),
      ),
    );
    const p = constellationParity(flat, r, 'hyperscale-virginia')!;
    expect(p.ratioLastYear / p.ratioFirstYear).toBeCloseTo(1, 12);
    if (p.ratioFirstYear > 1) expect(p.parityYear).toBeNull();
  });

  it('a scenario no shell has: no parity year (null), and the row says so in words', () => {
    expect(constellationParity(spec, r, 'no-such-scenario')).toBeNull();
  });
});

describe('no verdict text prints Infinity or NaN', () => {
  const bad = /Infinity|NaN|∞|n\/a/;

  it('no compute delivered: the ratios, the bridge and the parity row are sentences', () => {
    const zero = structuredClone(r);
    for (const s of zero.shells) (s.node.compute as { deliveredPFLOPS: number }).deliveredPFLOPS = 0;
    Object.assign(zero.totals, {
      deliveredPFLOPS: 0,
      lcoc_USD_per_PFLOP_day: Infinity,
      lcocDiscounted_USD_per_PFLOP_day: Infinity,
      costPerChipHourDiscounted_USD: Infinity,
    });
    const t = text(constellationCostBreakdown(spec, zero));
    expect(t).not.toMatch(bad);
    expect(t).toMatch(/parity year vs hyperscale-virginia none no compute delivered/);
  });

  it('a launch price beyond the range of a double by the last year: the parity row is a sentence', () => {
    const extreme = withTrajectories({
      launchPrice_USD_per_kg: [
        { year: 2026, value: 1 },
        { year: 2045, value: 1e308 },
      ],
    });
    const t = text(constellationCostBreakdown(extreme, r));
    expect(t).not.toMatch(bad);
    expect(t).toMatch(/parity year vs hyperscale-virginia/);
  });
});
