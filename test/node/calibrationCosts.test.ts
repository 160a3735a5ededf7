import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateDesignFile, nodeEvaluator } from '../../src/node/evaluator.js';
import { readYaml } from '../../src/base/yaml.js';
import { nodeDesignSchema } from '../../src/node/design/schema.js';
import type { DesignRecord } from '../../src/node/record/record.js';
import { costCalibrationRows, costCalibrationSection, type CostCalibrationRow } from '../bench/calibrationCosts.js';

const rows = costCalibrationRows();
const rec = (file: string): DesignRecord => evaluateDesignFile(`designs/${file}`).record;
const row = (file: string, quantity: string): CostCalibrationRow =>
  rows.find((r) => r.source.file === file && r.figure.quantity.startsWith(quantity))!;

/**
 * Figures odc does not reproduce within 15 % under the source's own inputs, each with its cause checked on the
 * record (never tuned away). A figure within 15 % needs no entry; a figure outside it without one fails.
 */
const DISAGREEMENTS: Record<
  string,
  { readonly band: readonly [number, number]; readonly cause: string; readonly check: () => void }
> = {
  'calibration/semianalysis-2026.yaml|space, cost per GPU-hour': {
    band: [1.3, 1.9],
    cause:
      "SemiAnalysis states launch ($1.6M) is the largest single item; odc's non-chip hardware at production-scale prices is larger than the " +
      "launch (the battery alone, sized for the dawn-dusk eclipse season at $150/Wh, is most of it); the firm's other inputs are not published",
    check: () => {
      const r = rec('calibration/semianalysis-2026.yaml');
      const chips = 16 * 55000;
      expect(r.cost.launch_USD).toBeCloseTo(1.6e6, -4);
      expect(r.cost.hardware_USD - chips).toBeGreaterThan(r.cost.launch_USD);
      expect(r.power.batteryEnergy_Wh * 150).toBeGreaterThan(0.5 * (r.cost.hardware_USD - chips));
    },
  },
  'calibration/semianalysis-2026.yaml|terrestrial, cost per GPU-hour': {
    band: [0.75, 0.9],
    cause:
      "odc's hyperscale-virginia baseline prices a GB300 share at $55,000 over a 6-yr server life (CRF 0.2098 at 7 %: $1.32/chip-h of capital); " +
      "SemiAnalysis's GPU and server prices are not published",
    check: () => {
      const capital = (55000 * 0.07) / (1 - 1.07 ** -6) / 8766;
      expect(capital).toBeCloseTo(1.316, 2);
      expect(capital / row('calibration/semianalysis-2026.yaml', 'terrestrial').own).toBeGreaterThan(0.5);
    },
  },
  'calibration/mccalip-1gw.yaml|space, cost per W of average power': {
    band: [2.5, 4.5],
    cause:
      "the published $31.2/W is placeholder page text, not the calculator's output (its own arithmetic gives $65.8/W at $1,000/kg); " +
      "and odc's node is heavier and its array larger than the calculator assumes (below)",
    check: () =>
      expect(
        row('calibration/mccalip-1gw.yaml', 'space, cost per W: the calculator').figure.published / 31.2,
      ).toBeGreaterThan(2),
  },
  'calibration/mccalip-1gw.yaml|space, cost per MWh': {
    band: [2, 3.5],
    cause: "as the $/W figure: placeholder text ($1,502/MWh by the calculator's arithmetic at $1,000/kg)",
    check: () => expect(65.79e9 / (1000 * 5 * 8760)).toBeCloseTo(1502, 0),
  },
  'calibration/mccalip-1gw.yaml|space, cost per W: the calculator': {
    band: [1.3, 2],
    cause:
      'mass and array size: odc builds 27.2 kW of IT at ~21 W/kg (calculator: 36.5 W/kg, Starlink V2 mini) and sizes the array ' +
      "(SMAD, eclipse recharge, end of life) at ~2× the load (calculator: 1.07×); the calculator's 9 %/yr GPU-failure charge has no odc key",
    check: () => {
      const r = rec('calibration/mccalip-1gw.yaml');
      expect(r.compute.itPowerAvg_W / r.mass.launch_kg).toBeLessThan(36.5);
      expect(r.power.bolPower_W / r.compute.itPowerPeak_W).toBeGreaterThan(1.9);
    },
  },
  'calibration/spacedc-1mw.yaml|— launch per W of IT': {
    band: [1.1, 1.35],
    cause:
      'mass: odc builds the satellite at ~1.52 t, spacedc-mdao at 1.24 t ($236/W × 15.75 kW / $3,000/kg); the ratio is the mass ratio',
    check: () => {
      const r = rec('calibration/spacedc-1mw.yaml');
      expect(row('calibration/spacedc-1mw.yaml', '— launch').own / 236).toBeCloseTo(
        r.mass.launch_kg / ((236 * 15750) / 3000),
        6,
      );
    },
  },
  'calibration/jpl-1mw.yaml|launch + build allowed': {
    band: [0.45, 0.7],
    cause:
      "the allowance is the benchmark over the mass per kW: odc's 1 MW node is ~70 kg/kW as installed (paper ~40, range 34–59)",
    check: () => {
      const r = rec('calibration/jpl-1mw.yaml');
      const kgPerKW = r.mass.launch_kg / (r.compute.itPowerPeak_W / 1000);
      expect(kgPerKW).toBeGreaterThan(59);
      expect(row('calibration/jpl-1mw.yaml', 'launch + build').own).toBeCloseTo(40000 / kgPerKW, 6);
    },
  },
};

describe('published cost models reproduced under their own inputs (designs/calibration, CALIBRATION.md cost section)', () => {
  it.each(rows.map((r) => [`${r.source.file}|${r.figure.quantity}`, r] as const))(
    '%s: within 15 %, or the disagreement and its cause hold',
    (_, r) => {
      const ratio = r.own / r.figure.published;
      const known = Object.entries(DISAGREEMENTS).find(([k]) => `${r.source.file}|${r.figure.quantity}`.startsWith(k));
      if (!known) {
        expect(Math.abs(ratio - 1), `${r.figure.quantity}: ${r.own} vs ${r.figure.published}`).toBeLessThanOrEqual(
          0.15,
        );
        return;
      }
      const [, d] = known;
      expect(Math.abs(ratio - 1)).toBeGreaterThan(0.15); // else drop the entry: the figure is reproduced
      expect(ratio).toBeGreaterThanOrEqual(d.band[0]);
      expect(ratio).toBeLessThanOrEqual(d.band[1]);
      expect(d.cause.length).toBeGreaterThan(20);
      d.check();
    },
  );
  it("spacedc-mdao's capex ex-GPU, $524/W, is reproduced within 15 % (every cost input of the tool mapped)", () => {
    const r = row('calibration/spacedc-1mw.yaml', 'space, capex');
    expect(Math.abs(r.own / 524 - 1)).toBeLessThanOrEqual(0.15);
  });
  it('the drivers are found by swapping one input back, and ranked by |ln ratio|', () => {
    const r = row('calibration/spacedc-1mw.yaml', '— launch');
    const d = r.drivers.find((x) => x.key === 'economics.launchCost_USD_per_kg')!;
    // the same design written without the launch-price override: the vehicle's price for the node (falcon-9 into 650 km
    // SSO)
    const raw = structuredClone(readYaml('designs/calibration/spacedc-1mw.yaml').raw) as {
      economics: Record<string, unknown>;
    };
    delete raw.economics['launchCost_USD_per_kg'];
    const design = nodeDesignSchema().parse(raw);
    const swapped = nodeEvaluator(undefined, design.catalogs).evaluate(design);
    expect(d.swapped).toBeCloseTo(swapped.cost.launch_USD / swapped.compute.itPowerPeak_W, 9);
    expect(d.effect).toBeCloseTo(Math.abs(Math.log(d.swapped / r.own)), 12);
    expect(r.drivers[0]!.key).toBe('economics.launchCost_USD_per_kg');
    for (let i = 1; i < r.drivers.length; i++)
      expect(r.drivers[i - 1]!.effect).toBeGreaterThanOrEqual(r.drivers[i]!.effect);
  });
  it('the committed CALIBRATION.md cost section, once generated, matches the code', () => {
    const text = readFileSync(new URL('../../designs/CALIBRATION.md', import.meta.url), 'utf8');
    const begin = text.indexOf('<!-- costs:begin');
    if (begin < 0) return; // generated by the lead after merging (npm run calibration)
    const end = text.indexOf('<!-- costs:end -->') + '<!-- costs:end -->'.length;
    expect(text.slice(begin, end), 'run `npm run calibration` and commit designs/CALIBRATION.md').toBe(
      costCalibrationSection(rows),
    );
  });
});
