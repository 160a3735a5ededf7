import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateDesignFile, nodeEvaluator } from '../../src/node/evaluator.js';
import { readYaml } from '../../src/base/yaml.js';
import { nodeDesignSchema, type NodeDesign } from '../../src/node/design/schema.js';
import type { DesignRecord } from '../../src/node/record/record.js';
import { costCalibrationRows, costCalibrationSection, type CostCalibrationRow } from '../bench/calibrationCosts.js';
import { COST_SOURCES } from '../bench/calibrationCostSources.js';

const rows = costCalibrationRows();
const rec = (file: string): DesignRecord => evaluateDesignFile(`designs/${file}`).record;
const row = (title: string, quantity: string): CostCalibrationRow =>
  rows.find((r) => r.source.title.startsWith(title) && r.figure.quantity.startsWith(quantity))!;
const evaluate = (d: NodeDesign) => nodeEvaluator(undefined, d.catalogs).evaluate(d);

/**
 * The published figures and their sources (each also in the design file's header and docs/sources.md §1/§10), written
 * out here so that a changed figure in the bench fails: title prefix, quantity prefix, figure, the citation the row
 * must name (in its title or its `where`), and the two-sided bound on odc / published for the calibration (odc's own
 * models on the source's keys). A row within 15 % carries [0.85, 1.15]; a disagreement carries the range its
 * explanation implies, derived in the comment above it. `null`: the row is a reproduction only (an input was fitted to
 * the figure).
 */
const PUBLISHED: readonly [string, string, number, string, readonly [number, number] | null][] = [
  // SemiAnalysis Space DC TCO model, public summary: TCO $8.64 vs $2.37 per GPU-hour (3.64×), ≈ $100/W ex-IT.
  // Space TCO disagrees, low: its GPU price and WACC are unpublished, and odc's stand-ins ($55,000, 7 %/yr) give the
  // ground side, which shares them, 0.86× (bounded below as agreeing). The space side shares the same stand-ins, so
  // it sits below 1 too, within 0.2 of the ground side's ratio: bound [0.65, 0.85].
  ['SemiAnalysis', 'space, TCO per GPU-hour', 8.64, 'SemiAnalysis Space DC TCO model', [0.65, 0.85]],
  ['SemiAnalysis', 'terrestrial, TCO per GPU-hour', 2.37, 'SemiAnalysis Space DC TCO model', [0.85, 1.15]],
  ['SemiAnalysis', 'space / terrestrial TCO', 3.64, 'SemiAnalysis Space DC TCO model', [0.85, 1.15]],
  // the launch price is $1.6M / odc's node mass: the launch half of the figure is SemiAnalysis's own
  ['SemiAnalysis', 'space, capital per W of average IT excluding IT (servers)', 100, 'SemiAnalysis', null],
  // ≈ $100/W − $1.6M / (16 × 1,940 W × (0.3 + 0.7 × 0.8)) = $40.06/W: what the launch price does not fix
  ['SemiAnalysis', 'space, capital per W of average IT excluding IT and', 40.06, 'SemiAnalysis', [0.85, 1.15]],
  // McCalip, github.com/andrewmccalip/thoughts static/js/math.js: $65.79/W at $1,000/kg, $51.10/W at $500/kg, ground
  // $15.85/W (the page's $31.2/W is placeholder text). Space disagrees, high. His $65.79 = hardware $23.6 + launch
  // $29.4 (36.5 W/kg of nameplate) + operations $1.2 + GPU replacement $10.6 + NRE $1.0 per W. odc's nodes weigh
  // 15–30 W of average IT per kg (reference tables: AI1 18.7, Suncatcher 16.8, Starcloud-3 22–26 kW/t), so launch is
  // $33–67/W; SMAD arrays of 1.5–2× the load (reference tables) put hardware at $33–44/W; operations on hardware +
  // launch $3–6/W; no replacement or NRE: $69–117/W, 1.05–1.77×. The row is outside 15 % (1.15) and at most 2×: bound
  // [1.15, 2.0]. At $500/kg launch halves ($17–33/W against his $14.7/W): $52–81/W of his $51.1, [1.15, 2.0] as well.
  ['McCalip calculator arithmetic (1 GW', 'space, cost per W', 65.79, 'math.js', [1.15, 2.0]],
  ['McCalip calculator arithmetic (1 GW', 'terrestrial', 15.85, 'math.js', [0.85, 1.15]],
  ['McCalip calculator arithmetic at', 'space, cost per W', 51.1, 'math.js', [1.15, 2.0]],
  // spacedc-mdao 0.4.2 docs/vs-mccalip.md: $524/W ex-GPU, launch $236/W, satellite $288/W, Earth $12/W. Launch
  // disagrees, high: at a $/kg price it is the mass ratio, odc's sized node over the tool's 1,238 kg (78.6 kg/kW of
  // IT). odc's larger reference nodes weigh 46–70 kg/kW of peak IT (AI1 6.44 t / 140 kW, JPL 70 kg/kW), and a
  // 15.75 kW satellite carries more per kW (the 500 W bus base load, ISL terminals, shielding); more than 1.6× (126
  // kg/kW) would be a third heavier per kW than the 1 MW node: bound [1.15, 1.6].
  ['spacedc-mdao', 'space, capex', 524, 'docs/vs-mccalip.md', [0.85, 1.15]],
  ['spacedc-mdao', '— of which launch', 236, 'spacedc-mdao', [1.15, 1.6]],
  ['spacedc-mdao', '— of which satellite', 288, 'spacedc-mdao', [0.85, 1.15]],
  ['spacedc-mdao', 'terrestrial', 12, 'spacedc-mdao', [0.85, 1.15]],
  // Turyshev, arXiv:2604.27197 abstract: 250–1,000 $/kg at ~40 kg/kW. Disagrees, low: the allowance is 40 k$/kW over
  // kg per kW, so the ratio is 40 / odc's kg per kW; the node section of CALIBRATION.md builds the 1 MW node as
  // installed to 70 kg/kW from its areas and areal densities (hand: test/node/calibration.test.ts), and the paper's
  // own range is 34–59 kg/kW: bound 40/80 … 40/57 = [0.5, 0.7].
  ['JPL', 'launch + build', 1000, 'arXiv:2604.27197', [0.5, 0.7]],
  // Agüera y Arcas et al., arXiv:2511.19468v2 §4.4 and Table 1: $810/kW/y at $200/kg (Starlink v2 mini, 575 kg per
  // ~28 kW, 5 yr: 20.5 kg/kW). Disagrees: odc's Suncatcher node is paid at its 7.3 t allocation for 120 kW of average
  // IT (60.8 kg/kW; designs/suncatcher.yaml's launch.mass_kg), so launch per kW-yr is 200 × 60.8 / 5 = $2,433 by
  // hand, 3.0× $810; bound [2.5, 3.5] on it and its inverse [0.29, 0.4] on the threshold price.
  ['Project Suncatcher', 'launch price', 200, 'Table 1', [0.29, 0.4]],
  ['Project Suncatcher', 'launch cost per kW-yr', 810, 'Table 1', [2.5, 3.5]],
];

describe('published cost models under their own inputs (CALIBRATION.md cost section)', () => {
  it('every row carries its published figure and names its source (sources above)', () => {
    expect(rows).toHaveLength(PUBLISHED.length);
    for (const [title, quantity, figure, source] of PUBLISHED) {
      const r = row(title, quantity);
      expect(Math.abs(r.figure.published / figure - 1)).toBeLessThan(1e-3);
      expect(`${r.source.title} ${r.figure.where}`).toContain(source);
    }
  });

  it.each(PUBLISHED.map((p) => [`${p[0]} | ${p[1]}`, p] as const))(
    '%s: the calibration within its two-sided bound, a disagreement stated outside 15 %',
    (_, [title, quantity, , , bound]) => {
      const r = row(title, quantity);
      if (bound === null) {
        expect(r.calibration).toBe(false); // a fitted input: a reproduction only
        return;
      }
      expect(r.calibration).toBe(true);
      const ratio = r.own / r.figure.published;
      expect(ratio, `${r.own} vs ${r.figure.published}`).toBeGreaterThanOrEqual(bound[0]);
      expect(ratio, `${r.own} vs ${r.figure.published}`).toBeLessThanOrEqual(bound[1]);
      if (Math.abs(ratio - 1) <= 0.15) expect(r.figure.disagrees).toBeUndefined();
      else expect(r.figure.disagrees).toMatch(/^[a-zA-Z ]+: /); // names the input first
    },
  );

  it.each(rows.filter((r) => r.reproduction !== undefined).map((r) => [`${r.source.title} | ${r.figure.quantity}`, r]))(
    "%s: the reproduction (the source's arithmetic re-typed) within 15 % of the published figure, either side",
    (_, r) => {
      // 15 %: spacedc-mdao's capex re-types only the tool's mass, and odc still prices the satellite; the whole-formula
      // reproductions (McCalip, JPL, Suncatcher, spacedc's launch) are checked to < 1 % by hand below
      const ratio = (r as CostCalibrationRow).reproduction! / (r as CostCalibrationRow).figure.published;
      expect(ratio).toBeGreaterThanOrEqual(0.85);
      expect(ratio).toBeLessThanOrEqual(1.15);
    },
  );

  it('the calibration of a source with adjustments is the figure without them: none of its formula enters', () => {
    for (const r of rows.filter((x) => x.calibration && (x.source.adjustments?.length ?? 0) > 0)) {
      expect(r.waterfall[r.source.adjustments!.length]!.value).toBe(r.own);
    }
  });

  it('Suncatcher: cost.launchPerKWyr_USD by hand, launch / (average IT kW × lifetime)', () => {
    const r = rec('suncatcher.yaml');
    expect(r.cost.launchPerKWyr_USD).toBeCloseTo(r.cost.launch_USD / ((r.compute.itPowerAvg_W / 1000) * 5), 6);
    // hand: $200/kg × 7,300 kg paid (launch.mass_kg, the allocation, above the 7,144 kg built) / (120 kW × 5 yr)
    expect(r.cost.launchPerKWyr_USD / ((200 * 7300) / (120 * 5))).toBeCloseTo(1, 2);
    expect(row('Project Suncatcher', 'launch cost per kW-yr').own).toBe(r.cost.launchPerKWyr_USD);
  });

  it("McCalip's arithmetic by hand: $65.79/W at $1,000/kg, $51.10/W at $500/kg; odc with his inputs within 0.5 %", () => {
    // math.js: nameplate = 1 GW / (0.95123 × 0.98) = 1.07272 GW; hardware $22/W × nameplate = 23.60 $/W of delivered
    // power; launch nameplate / 36.5 W/kg × price; ops 1 %/yr × 5 yr and GPU failures 9 %/yr × 5 yr of hardware; NRE
    // $1B per GW = $1/W.
    const n = 1 / (0.95123 * 0.98);
    const hw = 22 * n;
    const at = (price: number) => hw + (price * n) / 36.5 + 0.05 * hw + 0.45 * hw + 1;
    expect(at(1000)).toBeCloseTo(65.79, 1);
    expect(at(500)).toBeCloseTo(51.1, 1);
    // the reproduction's remainder is the shielding and propellant odc still prices
    expect(row('McCalip calculator arithmetic (1 GW', 'space').reproduction! / at(1000)).toBeCloseTo(1, 2);
    expect(row('McCalip calculator arithmetic at', 'space').reproduction! / at(500)).toBeCloseTo(1, 2);
  });

  it("McCalip's ground side: hyperscale-virginia $11.7/W + 5 yr × 8,766 h × $0.0892/kWh × PUE 1.10 = $16.0/W (his $15.85/W)", () => {
    const hand = 11.7 + (5 * 8766 * 0.0892 * 1.1) / 1000;
    expect(hand).toBeCloseTo(16.0, 1);
    expect(row('McCalip calculator arithmetic (1 GW', 'terrestrial').own).toBeCloseTo(hand, 1);
  });

  it("spacedc-mdao's launch by hand: its 1,238.4 kg satellite × $3,000/kg / 15.75 kW = $235.9/W (published $236/W)", () => {
    // spacedc-mdao 0.4.2, `orbitdc compare` on orbital_1mw_inference.yaml: 64 satellites, 78,832 kg dry + 426 kg
    // propellant; 18 H100 × 700 W × 1.25 IT overhead = 15,750 W each
    const kg = (78832.2 + 426.0) / 64;
    expect(kg).toBeCloseTo(1238.4, 1);
    const hand = (kg * 3000) / 15750;
    expect(Math.abs(hand / 236 - 1)).toBeLessThan(0.001);
    const launch = row('spacedc-mdao', '— of which launch');
    expect(launch.reproduction).toBeCloseTo(hand, 6);
    // the calibration: odc's sized node at the same price, so it is the reproduction × the mass ratio
    const s = rec('calibration/spacedc-1mw.yaml');
    expect(launch.own / launch.reproduction!).toBeCloseTo(s.mass.launch_kg / kg, 6);
  });

  it("Suncatcher's threshold by hand: $810/kW/y × 5 yr × 28 kW / 575 kg = $197/kg (published ≲ $200/kg)", () => {
    // arXiv:2511.19468v2 §4.4: launched power price = price × mass / (power × lifespan); Starlink v2 mini 575 kg,
    // ~28 kW (105 m² × 0.22 × 1.361 kW/m² × 0.90 = 28.3 kW), 5 yr → 575 × 200 / (28.3 × 5) = $813/kW/y: Table 1's $810
    const kW = 105 * 0.22 * 1.361 * 0.9;
    expect(kW).toBeCloseTo(28.3, 1);
    expect(Math.abs((575 * 200) / (kW * 5) / 810 - 1)).toBeLessThan(0.005);
    const hand = (810 * 5 * 28) / 575;
    const sun = row('Project Suncatcher', 'launch price');
    expect(sun.reproduction).toBeCloseTo(hand, 6);
    // the calibration, without the paper's satellite: 810 × 5 / (odc's kg paid for per kW of IT)
    const r = rec('suncatcher.yaml');
    const kgPerKW = r.cost.launch_USD / 200 / (r.compute.itPowerAvg_W / 1000);
    expect(sun.own).toBeCloseTo((810 * 5) / kgPerKW, 6);
    expect(kgPerKW).toBeGreaterThan(1.5 * (575 / 28)); // odc's node is > 1.5× the paper's kg per kW
  });

  it("SemiAnalysis's space TCO is a named disagreement: what the article publishes agrees, what it withholds does not", () => {
    const space = row('SemiAnalysis', 'space, TCO per GPU-hour');
    expect(space.figure.disagrees).toMatch(/^unpublished GPU price and WACC: /);
    // the figures that do not hinge on the GPU price and WACC are within 15 %
    for (const q of ['space / terrestrial TCO', 'space, capital per W of average IT excluding IT and launch']) {
      const r = row('SemiAnalysis', q);
      expect(r.figure.disagrees).toBeUndefined();
      expect(Math.abs(r.own / r.figure.published - 1)).toBeLessThanOrEqual(0.15);
    }
  });
});

describe('waterfalls from each source to odc defaults', () => {
  it.each(COST_SOURCES.map((s) => [s.title, s] as const))(
    '%s: one step per input, starting at the source inputs and ending at a plain run of odc defaults',
    (_, s) => {
      const r = rows.find((x) => x.source === s)!;
      expect(r.waterfall).toHaveLength(1 + (s.adjustments?.length ?? 0) + s.inputs.length);
      expect(r.waterfall[0]!.value).toBe(r.reproduction ?? r.own);
      // oracle: the design file with every source key deleted, evaluated here
      const raw = structuredClone(readYaml(`designs/${s.file}`).raw) as Record<string, Record<string, unknown>>;
      for (const key of s.inputs) {
        const [head, ...rest] = key.split('.');
        let cur = raw[head!]!;
        for (const p of rest.slice(0, -1)) cur = cur[p] as Record<string, unknown>;
        delete cur[rest.at(-1)!];
      }
      const defaults = evaluate(nodeDesignSchema().parse(raw));
      expect(r.waterfall.at(-1)!.value).toBeCloseTo(r.figure.value(defaults, 0), 9);
    },
  );
});

describe('top drivers: every cost input perturbed, not only those the source sets', () => {
  it("SemiAnalysis's ratio: the array price (which the source file never sets) is ranked, with its +10 % effect by a plain run", () => {
    const r = row('SemiAnalysis', 'space / terrestrial');
    const d = r.drivers.find((x) => x.input.startsWith('array price'))!;
    expect(d).toBeDefined();
    // oracle: the file with its array row at 1.1 × its price, as a design catalog row
    const design = nodeDesignSchema().parse(readYaml('designs/calibration/semianalysis-2026.yaml').raw);
    const row0 = nodeEvaluator().rows.solarArrays.find((a) => a.id === design.power.array)!;
    const up = evaluate({
      ...design,
      catalogs: { ...design.catalogs, solarArrays: [{ ...row0, cost_USD_per_W: row0.cost_USD_per_W * 1.1 }] },
    } as NodeDesign);
    expect(d.verdictChange).toBeCloseTo(r.figure.value(up, 0) / r.own - 1, 9);
    for (let i = 1; i < r.drivers.length; i++)
      expect(Math.abs(r.drivers[i - 1]!.verdictChange)).toBeGreaterThanOrEqual(Math.abs(r.drivers[i]!.verdictChange));
  });
});

describe('CALIBRATION.md cost section', () => {
  it("equals what the script generates from today's models and design files", () => {
    const text = readFileSync(new URL('../../designs/CALIBRATION.md', import.meta.url), 'utf8');
    const begin = text.indexOf('<!-- costs:begin');
    const end = text.indexOf('<!-- costs:end -->') + '<!-- costs:end -->'.length;
    expect(begin).toBeGreaterThanOrEqual(0);
    expect(text.slice(begin, end), 'run `npm run calibration` and commit designs/CALIBRATION.md').toBe(
      costCalibrationSection(rows),
    );
  });
});
