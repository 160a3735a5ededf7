import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateDesignFile, nodeEvaluator } from '../../src/node/evaluator.js';
import { readYaml } from '../../src/base/yaml.js';
import { nodeDesignSchema, type NodeDesign } from '../../src/node/design/schema.js';
import type { DesignRecord } from '../../src/node/record/record.js';
import {
  COST_SOURCES,
  costCalibrationRows,
  costCalibrationSection,
  type CostCalibrationRow,
} from '../bench/calibrationCosts.js';

const rows = costCalibrationRows();
const rec = (file: string): DesignRecord => evaluateDesignFile(`designs/${file}`).record;
const row = (title: string, quantity: string): CostCalibrationRow =>
  rows.find((r) => r.source.title.startsWith(title) && r.figure.quantity.startsWith(quantity))!;
const evaluate = (d: NodeDesign) => nodeEvaluator(undefined, d.catalogs).evaluate(d);

/**
 * The published figures and their sources (each also in the design file's header and docs/sources.md §10), written
 * out here so that a changed figure in the bench fails: title prefix, quantity prefix, figure.
 */
const PUBLISHED: readonly [string, string, number][] = [
  // SemiAnalysis Space DC TCO model, public summary: TCO $8.64 vs $2.37 per GPU-hour (3.64×), ≈ $100/W ex-IT
  ['SemiAnalysis', 'space, TCO per GPU-hour', 8.64],
  ['SemiAnalysis', 'terrestrial, TCO per GPU-hour', 2.37],
  ['SemiAnalysis', 'space / terrestrial TCO', 3.64],
  ['SemiAnalysis', 'space, capital per W', 100],
  // McCalip, github.com/andrewmccalip/thoughts static/js/math.js: $65.79/W at $1,000/kg, $51.10/W at $500/kg,
  // ground $15.85/W (the page's $31.2/W is placeholder text)
  ['McCalip calculator arithmetic (1 GW', 'space, cost per W', 65.79],
  ['McCalip calculator arithmetic (1 GW', 'terrestrial', 15.85],
  ['McCalip calculator arithmetic at', 'space, cost per W', 51.1],
  // spacedc-mdao 0.4.2 docs/vs-mccalip.md: $524/W ex-GPU, launch $236/W, Earth $12/W
  ['spacedc-mdao', 'space, capex', 524],
  ['spacedc-mdao', '— of which launch', 236],
  ['spacedc-mdao', 'terrestrial', 12],
  // Turyshev, arXiv:2604.27197 abstract: 250–1,000 $/kg at ~40 kg/kW
  ['JPL', 'launch + build', 1000],
  // Agüera y Arcas et al., arXiv:2511.19468: launch ≲ $200/kg by the mid-2030s
  ['Project Suncatcher', 'launch price', 200],
];

describe('published cost models reproduced under their own inputs (CALIBRATION.md cost section)', () => {
  it('every calibration row carries its published figure (sources above)', () => {
    expect(rows).toHaveLength(PUBLISHED.length);
    for (const [title, quantity, figure] of PUBLISHED) expect(row(title, quantity).figure.published).toBe(figure);
  });

  it.each(rows.map((r) => [`${r.source.title} | ${r.figure.quantity}`, r] as const))(
    '%s: within 15 % under the source inputs, or a stated disagreement outside it',
    (_, r) => {
      const off = Math.abs(r.own / r.figure.published - 1);
      if (r.figure.disagrees === undefined) expect(off, `${r.own} vs ${r.figure.published}`).toBeLessThanOrEqual(0.15);
      else {
        expect(off).toBeGreaterThan(0.15); // else drop `disagrees`: the figure is reproduced
        expect(r.figure.disagrees).toMatch(/^[a-zA-Z ]+: /); // names the input first
      }
    },
  );

  it("McCalip's arithmetic by hand: $65.79/W at $1,000/kg, $51.10/W at $500/kg; odc with his inputs within 0.5 %", () => {
    // math.js: nameplate = 1 GW / (0.95123 × 0.98) = 1.07272 GW; hardware $22/W × nameplate = 23.60 $/W of delivered
    // power; launch nameplate / 36.5 W/kg × price; ops 1 %/yr × 5 yr and GPU failures 9 %/yr × 5 yr of hardware; NRE
    // $1B per GW = $1/W.
    const n = 1 / (0.95123 * 0.98);
    const hw = 22 * n;
    const at = (price: number) => hw + (price * n) / 36.5 + 0.05 * hw + 0.45 * hw + 1;
    expect(at(1000)).toBeCloseTo(65.79, 1);
    expect(at(500)).toBeCloseTo(51.1, 1);
    // the remainder is the shielding and propellant odc still prices
    expect(row('McCalip calculator arithmetic (1 GW', 'space').own / at(1000)).toBeCloseTo(1, 2);
    expect(row('McCalip calculator arithmetic at', 'space').own / at(500)).toBeCloseTo(1, 2);
  });

  it("McCalip's ground side: hyperscale-virginia $11.7/W + 5 yr × 8,766 h × $0.0892/kWh × PUE 1.10 = $16.0/W (his $15.85/W)", () => {
    const hand = 11.7 + (5 * 8766 * 0.0892 * 1.1) / 1000;
    expect(hand).toBeCloseTo(16.0, 1);
    expect(row('McCalip calculator arithmetic (1 GW', 'terrestrial').own).toBeCloseTo(hand, 1);
  });

  it('the disagreements hold for the stated cause (spacedc launch = mass ratio; Suncatcher = specific power)', () => {
    const s = rec('calibration/spacedc-1mw.yaml');
    // spacedc-mdao's launch mass: $236/W × 15.75 kW / $3,000/kg = 1,239 kg
    expect(row('spacedc-mdao', '— of which launch').own / 236).toBeCloseTo(s.mass.launch_kg / 1239, 2);
    const sun = rec('suncatcher.yaml');
    // threshold = $200/kg × 810 / (launch per kW-yr); launch per kW-yr = $200/kg × kg paid for / (kW × 5 yr), so the
    // threshold is 810 × 5 / (kg per kW): $810/kW-yr at $200/kg implies 810 × 5 / 200 = 20.25 kg/kW (49 W/kg)
    const kgPerKW = sun.cost.launch_USD / 200 / (sun.compute.itPowerAvg_W / 1000);
    expect(row('Project Suncatcher', 'launch price').own).toBeCloseTo((810 * 5) / kgPerKW, 6);
    expect(kgPerKW).toBeGreaterThan(1.5 * 20.25); // odc's node is > 1.5× the mass the $810 implies
  });
});

describe('waterfalls from each source to odc defaults', () => {
  it.each(COST_SOURCES.map((s) => [s.title, s] as const))(
    '%s: one step per input, starting at the source inputs and ending at a plain run of odc defaults',
    (_, s) => {
      const r = rows.find((x) => x.source === s)!;
      expect(r.waterfall).toHaveLength(1 + (s.adjustments?.length ?? 0) + s.inputs.length);
      expect(r.waterfall[0]!.value).toBe(r.own);
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
