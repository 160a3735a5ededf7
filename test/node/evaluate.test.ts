import { describe, expect, it } from 'vitest';
import { ai1, withChange } from './ai1.js';
import { metricPaths, nullableMetricPaths, unitOf, metricGetter } from '../../src/node/record/metrics.js';
import { evaluateNode, nodeMetricsEvaluator } from '../../src/node/evaluate.js';
import { evaluateDesignFile } from '../../src/node/evaluator.js';
import { constraintResult, PHYSICAL_CONSTRAINTS } from '../../src/node/record/constraints.js';
import { plausibilityWarnings } from '../../src/node/record/warnings.js';
import type { NodeDesign } from '../../src/node/design/schema.js';
import { readFileSync } from 'node:fs';
import { rowResolver } from '../../src/node/record/rows.js';
import { boundCorners, nodeStudyCompiler, plainEvaluation, seededDesigns } from '../helpers/problemDesigns.js';
import { tempDir, writeFile } from '../helpers/tmp.js';
import { WATERFALL_STEPS } from '../helpers/waterfall.js';
import { createAlgorithm } from '../../solvers/index.js';
import { safeEvaluate } from '../../src/optimize/types.js';
import { SIZED_ITEMS_KG } from '../../src/models/mass/mass.js';

function numericLeaves(o: unknown, prefix = ''): string[] {
  // a nullable metric (nullableMetricPaths()) is a leaf when null, with its reason in the record
  if (typeof o === 'number' || (o === null && nullableMetricPaths().has(prefix))) return [prefix];
  if (!o || typeof o !== 'object' || Array.isArray(o)) return [];
  return Object.entries(o).flatMap(([k, v]) => numericLeaves(v, prefix ? `${prefix}.${k}` : k));
}

describe('node evaluation (composition of the models)', () => {
  it('the metric paths are exactly the numeric leaves of an evaluated record', () => {
    const leaves = numericLeaves({ ...ai1.record, schemaVersion: undefined, constraints: undefined });
    expect([...metricPaths()].sort()).toEqual(leaves.sort());
  });

  it('no metric of a reference design is NaN or infinite (nullable ones are finite or null)', () => {
    for (const p of metricPaths()) {
      const [s, k] = p.split('.') as [string, string];
      const v = (ai1.record as unknown as Record<string, Record<string, number | null>>)[s]![k];
      if (v === null && nullableMetricPaths().has(p)) continue;
      expect(Number.isFinite(v), p).toBe(true);
    }
  });

  it("a record number's unit is its declared one; other paths' units are read from key names", () => {
    // Declared in fields.ts / costFields.ts, where the key name alone reads `rad` or `USD`.
    expect(unitOf('radiation.missionDose_rad')).toBe('rad(Si)');
    expect(unitOf('cost.costPerKWyr_USD')).toBe('USD/kW-yr');
    expect(unitOf('p90(cost.launchPerKWyr_USD)')).toBe('USD/kW-yr');
    expect(unitOf('design.radiatorArea_m2')).toBe('m²'); // not a record number: from its name
    expect(unitOf('cost.lcoc_USD_per_PFLOP_day')).toBe('USD/PFLOP-day');
    expect(unitOf('thermal.radiatorArea_m2')).toBe('m²');
    expect(unitOf('drag.stationKeepingDeltaV_m_s_per_yr')).toBe('m/s/yr');
    expect(unitOf('compute.deliveredPFLOPS')).toBe('PFLOPS');
  });

  it('the thermal constraint margin grows with radiator area and the required area does not change', () => {
    const small = withChange((d) => void (d.thermal.radiatorArea_m2 = 100));
    const large = withChange((d) => void (d.thermal.radiatorArea_m2 = 200));
    const margin = (r: typeof small) => r.constraints.find((c) => c.name === 'thermal.radiatorArea')!.margin;
    expect(margin(large)).toBeGreaterThan(margin(small));
    expect(large.thermal.requiredRadiatorArea_m2).toBeCloseTo(small.thermal.requiredRadiatorArea_m2, 9);
    expect(large.mass.radiator_kg).toBeGreaterThan(small.mass.radiator_kg);
  });

  it('more shielding lowers the mission dose and adds shielding mass', () => {
    const thin = withChange((d) => void (d.radiation.shielding_mm_al = 1));
    const thick = withChange((d) => void (d.radiation.shielding_mm_al = 10));
    expect(thick.radiation.missionDose_rad).toBeLessThan(thin.radiation.missionDose_rad);
    expect(thick.mass.shielding_kg).toBeGreaterThan(thin.mass.shielding_kg);
  });

  it('a higher orbit decays more slowly and needs less station keeping', () => {
    const low = withChange((d) => void (d.orbit.altitude_km = 450));
    const high = withChange((d) => void (d.orbit.altitude_km = 800));
    expect(high.drag.passiveDecay_yr).toBeGreaterThan(low.drag.passiveDecay_yr);
    expect(high.drag.stationKeepingDeltaV_m_s_per_yr).toBeLessThan(low.drag.stationKeepingDeltaV_m_s_per_yr);
  });

  it('a launch-price override sets the launch price per kg', () => {
    const r = withChange((d) => void (d.economics.launchCost_USD_per_kg = 200));
    expect(r.cost.launchPrice_USD_per_kg).toBe(200);
  });

  it('the mass roll-up adds up', () => {
    const m = ai1.record.mass;
    const items = SIZED_ITEMS_KG.reduce((sum, k) => sum + m[k], 0) + m.bus_kg + m.margin_kg;
    const tolerance_kg = 1e-6;
    expect(Math.abs(items - m.dry_kg)).toBeLessThan(tolerance_kg);
    expect(Math.abs(m.dry_kg + m.propellant_kg - m.launch_kg)).toBeLessThan(tolerance_kg);
  });
});

describe('constraint exactly at its limit', () => {
  // A bound is inclusive: g ≤ L holds at g = L (margin 0), as in the study file's `<=` / `>=` and in the optimizer's
  // violation max(0, g − L) = 0. Only a value past the limit is a violation.
  it('is satisfied with margin 0 for both senses, and violated just past it', () => {
    for (const sense of ['<=', '>='] as const) {
      const at = constraintResult('c', 5, sense, 5, 'kg', true, '');
      expect(at.satisfied).toBe(true);
      expect(at.margin).toBe(0);
    }
    expect(constraintResult('c', 5.000001, '<=', 5, 'kg', true, '').satisfied).toBe(false);
    expect(constraintResult('c', 4.999999, '>=', 5, 'kg', true, '').satisfied).toBe(false);
    expect(constraintResult('c', 0, '<=', 0, 'kg', true, '').satisfied).toBe(true);
  });

  it('a radiator of exactly the required area is recorded as satisfying thermal.radiatorArea', () => {
    const required = ai1.record.thermal.requiredRadiatorArea_m2;
    const r = withChange((d) => void (d.thermal.radiatorArea_m2 = required));
    const c = r.constraints.find((x) => x.name === 'thermal.radiatorArea')!;
    expect(c.value).toBe(c.limit);
    expect(c.margin).toBe(0);
    expect(c.satisfied).toBe(true);
  });
});

describe('eclipse throttling (power.eclipseComputeFraction) is counted in delivered compute and average IT power', () => {
  // AI1 moved to 550 km at 53°: an orbit with a real shadow share. Throttling compute to k in shadow keeps
  // 1 − f̄·(1 − k) of the orbit-average compute and IT energy, f̄ the annual mean shadow fraction.
  const at53 = (k: number) =>
    withChange((d) => {
      d.orbit.altitude_km = 550;
      d.orbit.inclination_deg = 53;
      d.power.eclipseComputeFraction = k;
    });
  const full = at53(1);
  const half = at53(0.5);
  const idle = at53(0);

  it('the shadow share at 550 km, 53° is a third of the time (cylindrical shadow: 0.385 at β = 0, less at higher β)', () => {
    expect(full.orbit.eclipseFraction).toBeGreaterThan(0.28);
    expect(full.orbit.eclipseFraction).toBeLessThan(0.385);
  });

  it('delivered PFLOPS and average IT power fall by f̄·(1 − k); peak power does not', () => {
    const f = full.orbit.eclipseFraction;
    // the eclipse step of the waterfall (AI1's 600 m² array is short, so the array throttle differs between variants)
    const eclipse = (r: typeof full) => r.compute.waterfall.find((w) => w.name === 'eclipse')!.factor;
    expect(eclipse(full)).toBe(1);
    expect(eclipse(half)).toBeCloseTo(1 - 0.5 * f, 12);
    expect(eclipse(idle)).toBeCloseTo(1 - f, 12);
    expect(idle.compute.itPowerAvg_W / full.compute.itPowerAvg_W).toBeCloseTo(1 - f, 12);
    expect(idle.compute.itPowerPeak_W).toBe(full.compute.itPowerPeak_W);
    expect(idle.notes.join(' ')).toMatch(/orbit averages/);
  });

  it('the battery shrinks; the array shrinks less, as it still carries full compute in daylight', () => {
    expect(idle.power.batteryEnergy_Wh).toBeLessThan(half.power.batteryEnergy_Wh);
    expect(half.power.batteryEnergy_Wh).toBeLessThan(full.power.batteryEnergy_Wh);
    // the array must still carry full compute in daylight, so it needs at least (Pd/Xd) of the unthrottled load
    expect(idle.power.requiredArrayArea_m2).toBeLessThan(full.power.requiredArrayArea_m2);
    expect(idle.power.requiredArrayArea_m2).toBeGreaterThan(0.5 * full.power.requiredArrayArea_m2);
  });
});

describe('dose over life: soft threshold and the time each dose limit is reached', () => {
  it("TPU v6e at Suncatcher's orbit: HBM soft faults from 2 krad(Si) come years before the 15 krad(Si) tolerance", () => {
    const tpu = withChange((d) => {
      d.compute.chip = 'tpu-v6e';
      d.orbit.altitude_km = 650;
      d.orbit.inclination_deg = 'sso';
    });
    const r = tpu.radiation;
    // Suncatcher (arXiv:2511.19468): no hard failures to 15 krad(Si); HBM irregularities from ~2 krad(Si)
    expect(r.tolerance_rad).toBe(15000);
    expect(r.softThreshold_rad).toBe(2000);
    // linear accrual with the design margin, as the mission dose: years = dose / (rate × margin)
    const perYear = r.doseRate_rad_per_yr * r.designMargin;
    expect(r.timeToSoftThreshold_yr).toBeCloseTo(2000 / perYear, 9);
    expect(r.timeToTolerance_yr).toBeCloseTo(15000 / perYear, 9);
    expect(r.timeToTolerance_yr / r.timeToSoftThreshold_yr).toBeCloseTo(7.5, 9);
    // the mission dose over the lifetime is the same line: reaching it takes the lifetime
    expect(r.missionDose_rad / perYear).toBeCloseTo(ai1.design.mission.lifetime_yr, 9);
    const soft = tpu.constraints.find((c) => c.name === 'radiation.softDose')!;
    expect(soft.limit).toBe(2000);
    expect(soft.description).toMatch(/reached after \d/);
    expect(soft.satisfied).toBe(r.missionDose_rad <= 2000);
  });

  it('a chip without a soft threshold uses its tolerance: the soft-dose check has the same limit and says so', () => {
    const r = ai1.record.radiation;
    expect(r.softThreshold_rad).toBe(r.tolerance_rad);
    expect(r.timeToSoftThreshold_yr).toBe(r.timeToTolerance_yr);
    const soft = ai1.record.constraints.find((c) => c.name === 'radiation.softDose')!;
    expect(soft.limit).toBe(r.tolerance_rad);
    expect(soft.description).toMatch(/same limit as radiation.dose/);
    expect(ai1.record.constraints.find((c) => c.name === 'radiation.dose')!.description).toMatch(/reached after/);
  });
});

describe('drag assumptions as design inputs (drag section)', () => {
  /** 550 km, one activity level and the operational attitude: decay ∝ B exactly. */
  const at550Fixed = (d: NodeDesign): void => {
    d.orbit.altitude_km = 550;
    d.drag.disposalSolarCycle = 'fixed';
    d.drag.disposalAttitude = 'operational';
  };
  const base = withChange(at550Fixed);
  it('B = m / (C_D A): doubling C_D halves the ballistic coefficient and the passive decay time (decay ∝ B)', () => {
    const cd44 = withChange((d) => {
      at550Fixed(d);
      d.drag.dragCoefficient = 4.4;
    });
    expect(cd44.drag.ballisticCoefficient_kg_m2 / base.drag.ballisticCoefficient_kg_m2).toBeCloseTo(0.5, 2);
    expect(cd44.drag.passiveDecay_yr / base.drag.passiveDecay_yr).toBeCloseTo(0.5, 2);
  });

  it('face-on attitude (projection 1 instead of 2/π) raises the drag area, so B falls', () => {
    const faceOn = withChange((d) => {
      at550Fixed(d);
      d.drag.arrayProjectionFactor = 1;
      d.drag.radiatorProjectionFactor = 1;
    });
    expect(faceOn.drag.dragArea_m2).toBeGreaterThan(base.drag.dragArea_m2);
    // array + radiator areas enter with factor 1 instead of 2/π; the bus area is the same in both
    const extra = (1 - 2 / Math.PI) * (base.power.arrayArea_m2 + base.thermal.radiatorArea_m2);
    expect(faceOn.drag.dragArea_m2 - base.drag.dragArea_m2).toBeCloseTo(extra, 6);
  });

  it('the disposal check can use its own solar activity: low activity decays slower than high (CIRA-2012 densities)', () => {
    const low = withChange((d) => {
      at550Fixed(d);
      d.drag.disposalSolarActivity = 'low';
    });
    const high = withChange((d) => {
      at550Fixed(d);
      d.drag.disposalSolarActivity = 'high';
    });
    expect(low.drag.passiveDecay_yr).toBeGreaterThan(base.drag.passiveDecay_yr);
    expect(high.drag.passiveDecay_yr).toBeLessThan(base.drag.passiveDecay_yr);
    // station keeping stays at the mission's activity
    expect(low.drag.stationKeepingDeltaV_m_s_per_yr).toBe(base.drag.stationKeepingDeltaV_m_s_per_yr);
    expect(low.notes.join(' ')).toMatch(
      /disposal \(operational attitude\): passive decay 550→200 km through low solar activity held fixed/,
    );
  });

  it('by default the FCC check runs through the worst solar-cycle phase with the node tumbling, and says so', () => {
    const at = (cycle: 'fixed' | 'cycle-mean' | 'cycle-worst', attitude: 'tumbling' | 'operational' | 'edge-on') =>
      withChange((d) => {
        d.drag.disposalSolarCycle = cycle;
        d.drag.disposalAttitude = attitude;
      }).drag.passiveDecay_yr;
    expect(ai1.record.drag.passiveDecay_yr).toBe(at('cycle-worst', 'tumbling'));
    expect(ai1.record.notes.join(' ')).toMatch(/disposal \(tumbling attitude\): .*worst of 12 start phases/);
    // less area on the flow decays slower: edge-on (bus only) > tumbling (half the plates) > operational (2/π of them)
    expect(at('cycle-worst', 'edge-on')).toBeGreaterThan(at('cycle-worst', 'tumbling'));
    expect(at('cycle-worst', 'tumbling')).toBeGreaterThan(at('cycle-worst', 'operational'));
    expect(at('cycle-worst', 'tumbling')).toBeGreaterThanOrEqual(at('cycle-mean', 'tumbling'));
  });
});

describe('mass factors as design inputs (mass section, technology presets)', () => {
  const sized = (r: typeof ai1.record): number => SIZED_ITEMS_KG.reduce((sum, k) => sum + r.mass[k], 0);
  const tech = (t: 'heritage' | 'current' | 'aggressive') =>
    withChange((d) => {
      d.mass.technology = t;
    });

  it('current is the default: bus 0.25 × sized items, margin 20 % of basic dry (ESA CDF phase A)', () => {
    const r = ai1.record;
    expect(r.mass.bus_kg / sized(r)).toBeCloseTo(0.25, 9);
    expect(r.mass.margin_kg / (sized(r) + r.mass.bus_kg)).toBeCloseTo(0.2, 9);
  });

  it('presets: heritage bus = 1/3 of basic dry and 25 % margin; aggressive 10 % and 10 %', () => {
    const h = tech('heritage');
    const a = tech('aggressive');
    expect(h.mass.bus_kg / (sized(h) + h.mass.bus_kg)).toBeCloseTo(1 / 3, 9);
    expect(h.mass.margin_kg / (sized(h) + h.mass.bus_kg)).toBeCloseTo(0.25, 9);
    expect(a.mass.bus_kg / (sized(a) + a.mass.bus_kg)).toBeCloseTo(0.1, 9);
    expect(a.mass.margin_kg / (sized(a) + a.mass.bus_kg)).toBeCloseTo(0.1, 9);
    // lighter node, same IT power: more kW per tonne
    expect(a.mass.kW_per_t).toBeGreaterThan(ai1.record.mass.kW_per_t);
    expect(h.mass.kW_per_t).toBeLessThan(ai1.record.mass.kW_per_t);
    expect(a.notes.join(' ')).toMatch(/aggressive technology/);
  });

  it('busFraction and systemMargin override the preset key by key', () => {
    const r = withChange((d) => {
      d.mass.technology = 'heritage';
      d.mass.busFraction = 0.05;
    });
    expect(r.mass.bus_kg / sized(r)).toBeCloseTo(0.05, 9);
    expect(r.mass.margin_kg / (sized(r) + r.mass.bus_kg)).toBeCloseTo(0.25, 9);
  });
});

describe('plausibility warnings (record.warnings, not failures)', () => {
  it('the shipped AI1 design raises no plausibility warning, and its specific power is the kW/t metric in W/kg', () => {
    // its array row (ai1-flex) cites no flown wing, so there is no flight-proven size to exceed
    expect(ai1.record.warnings.map((w) => w.code)).toEqual([]);
    expect(ai1.record.mass.specificPower_W_per_kg).toBeCloseTo(ai1.record.mass.kW_per_t, 9);
    expect(ai1.record.mass.specificPower_W_per_kg).toBeCloseTo(
      ai1.record.compute.itPowerAvg_W / ai1.record.mass.launch_kg,
      9,
    );
  });

  it('zero bus power is flagged; a node lighter than any published anchor per watt is flagged (150 W/kg)', () => {
    const noBus = withChange((d) => {
      d.power.busPower_W = 0;
    });
    expect(noBus.warnings.map((w) => w.code)).toContain('zero-bus-power');
    // the specific-power check is a threshold on W/kg of launch mass
    expect(plausibilityWarnings(151, 2000).map((w) => w.code)).toEqual(['specific-power-above-anchors']);
    expect(plausibilityWarnings(149, 2000)).toEqual([]);
  });
});

describe('chip failure rate as a design input (compute.chipFailureRate_per_yr)', () => {
  it('delivered compute scales with the mean no-repair availability (1 − e^(−λT))/(λT)', () => {
    const T = ai1.design.mission.lifetime_yr;
    const at = (lambda: number) =>
      withChange((d) => {
        d.compute.chipFailureRate_per_yr = lambda;
      });
    const none = at(0);
    const tenth = at(0.1);
    const hand = (1 - Math.exp(-0.1 * T)) / (0.1 * T); // T = 5 yr: (1 − e^−0.5)/0.5 = 0.78694
    expect(tenth.compute.deliveredPFLOPS / none.compute.deliveredPFLOPS).toBeCloseTo(hand, 9);
    if (T === 5) expect(hand).toBeCloseTo(0.78694, 5);
    // the default 0.07/yr sits between
    expect(ai1.record.compute.deliveredPFLOPS).toBeGreaterThan(tenth.compute.deliveredPFLOPS);
    expect(ai1.record.compute.deliveredPFLOPS).toBeLessThan(none.compute.deliveredPFLOPS);
  });
});

describe('delivered-compute waterfall and lifecycle economics in the record', () => {
  it("delivered = peak × every factor; AI1's short array throttles compute to what 600 m² carries", () => {
    const c = ai1.record.compute;
    const product = c.waterfall.reduce((v, w) => v * w.factor, 1);
    expect(c.deliveredPFLOPS).toBeCloseTo(c.peakPFLOPS * product, 9);
    expect(c.waterfall.map((w) => w.name)).toEqual(WATERFALL_STEPS);
    // hand: f_P = (r (L_c + L_f) − L_f) / L_c with r = 600 / required area, L_c = sunlit IT avg + pumps, L_f = bus +
    // ISL
    const r = 600 / ai1.record.power.requiredArrayArea_m2;
    const Lc = 120124.8 + ai1.record.thermal.pumpPower_W;
    const Lf = 4690.4 + 800;
    expect(c.powerThrottle).toBeCloseTo((r * (Lc + Lf) - Lf) / Lc, 9);
  });
  it('a closed design is not throttled, and sustainedFraction scales delivered compute and LCOC', () => {
    // 950 m² covers AI1's ~910 m² array need (reference-designs.test.ts), 240 m² its ~202 m² radiator need
    const closed = withChange((d) => {
      d.power.arrayArea_m2 = 950;
      d.thermal.radiatorArea_m2 = 240;
      d.compute.sustainedFraction = 0.4;
    });
    const base = withChange((d) => {
      d.power.arrayArea_m2 = 950;
      d.thermal.radiatorArea_m2 = 240;
    });
    expect(base.compute.powerThrottle).toBe(1);
    expect(base.compute.thermalThrottle).toBe(1);
    expect(closed.compute.deliveredPFLOPS / base.compute.deliveredPFLOPS).toBeCloseTo(0.4, 12);
    expect(closed.cost.lcoc_USD_per_PFLOP_day / base.cost.lcoc_USD_per_PFLOP_day).toBeCloseTo(1 / 0.4, 9);
  });
  it('undiscounted program LCOC equals total cost / delivered compute; discounting at 7 % raises it (compute comes later than the build)', () => {
    const k = ai1.record.cost;
    expect(k.discountRate_per_yr).toBe(0.07);
    expect(k.lcocDiscounted_USD_per_PFLOP_day).toBeGreaterThan(k.lcoc_USD_per_PFLOP_day);
    const zero = withChange((d) => {
      d.economics.discountRate_per_yr = 0;
    });
    expect(zero.cost.lcocDiscounted_USD_per_PFLOP_day).toBeCloseTo(zero.cost.lcoc_USD_per_PFLOP_day, 6);
  });
  it("every terrestrial scenario is compared, and lcocToBaseline is the named one's ratio", () => {
    const k = ai1.record.cost;
    expect(k.baselines.length).toBeGreaterThanOrEqual(3);
    const b = k.baselines.find((x) => x.id === 'hyperscale-virginia')!;
    expect(k.lcocToBaseline).toBeCloseTo(k.lcocDiscounted_USD_per_PFLOP_day / b.lcocDiscounted_USD_per_PFLOP_day, 12);
    // capex with chips = ex-chips + 72 × 55,000 USD per W of average IT power
    expect(k.capexWithChips_USD_per_W - k.capexExChips_USD_per_W).toBeCloseTo(
      (72 * 55000) / ai1.record.compute.itPowerAvg_W,
      9,
    );
  });
  it('a node whose array cannot carry its bus delivers nothing: LCOC is infinite', () => {
    const starved = withChange((d) => {
      d.power.arrayArea_m2 = 20;
    });
    expect(starved.compute.deliveredPFLOPS).toBe(0);
    expect(starved.cost.lcoc_USD_per_PFLOP_day).toBe(Infinity);
  });
});

describe('a fleet of nodes: learning across units, replacements, ground segment (economics.units)', () => {
  it('8 AI1 nodes at a 90 % learning rate: first-unit-priced hardware averages Σ n^log2(0.9) / 8 of the first unit; the rest stays off the curve', () => {
    const fleet = withChange((d) => {
      d.economics.units = 8;
      d.economics.learningRate = 0.9;
    });
    const k = ai1.record.cost;
    let sum = 0;
    for (let n = 1; n <= 8; n++) sum += n ** Math.log2(0.9); // Crawford unit curve, hand sum = 6.5651
    // AI1 prices its bus and AIT first-unit (current preset); chips, the rescaled array (cost.arrayPriceClass
    // production), the cots battery, radiator and terminals are off the curve at their first-unit price
    const learning = k.busHardware_USD + k.ait_USD;
    const expected = learning * (sum / 8) + (k.hardware_USD - learning) + k.launch_USD;
    expect(fleet.cost.nodesBuilt).toBe(8);
    expect(fleet.cost.averageNodeCost_USD).toBeCloseTo(expected, 0);
    expect(fleet.cost.programLcoc_USD_per_PFLOP_day).toBeLessThan(k.programLcoc_USD_per_PFLOP_day);
  });
  it('a 10-year horizon on 5-year nodes builds each slot twice; one node alone reproduces the single-node LCOC', () => {
    const twice = withChange((d) => {
      d.economics.units = 3;
      d.economics.horizon_yr = 10;
    });
    expect(twice.cost.nodesBuilt).toBe(6);
    expect(ai1.record.cost.nodesBuilt).toBe(1);
    expect(ai1.record.cost.programLcoc_USD_per_PFLOP_day).toBeCloseTo(ai1.record.cost.lcoc_USD_per_PFLOP_day, 6);
  });
});

describe('lean', () => {
  // The lean path an optimizer runs must give the numbers of the complete record, bit for bit: the oracle here is the
  // complete record (evaluateNode) read the way the study compiler reads it without the lean path.

  /** A study compiled twice: on the lean path and on complete records read the way the compiler reads them without it.
   * */
  function both(path: string) {
    const { compile, rows } = nodeStudyCompiler(path);
    return { full: compile(false), lean: compile(true), rows };
  }
  const { full, lean, rows: catalogRows } = both('designs/flagship-study.yaml');
  const resolve = rowResolver(catalogRows);

  /** Seeded designs inside the bounds (feasible or not: the mix an optimizer starts from) and the bounds' corners. */
  const designs = (n: number, problem = full.problem) => seededDesigns(n, problem, 12345);
  const corners = (problem = full.problem) => boundCorners(problem);
  const plain = plainEvaluation;

  describe('lean node evaluation (the optimizer path) against the complete record', () => {
    it('flagship study: the same objectives and constraints, bit for bit, for 2,000 random designs and every corner of the bounds', () => {
      let ok = 0;
      for (const x of [...designs(2000), ...corners()]) {
        const a = lean.problem.evaluate(x);
        expect(plain(a)).toEqual(plain(full.problem.evaluate(x)));
        if (a.status === 'ok') ok++;
      }
      expect(ok).toBeGreaterThan(1500);
    });

    it('flagship study: the same objectives and constraints, bit for bit, on the 3,000 designs NSGA-II visits', () => {
      // the designs a run evaluates (parents' values crossed over, near the feasible region), where the lean path's
      // kept results (orbit, fin efficiency, learning curve, discount factors) are hit as in a run
      const optimizer = createAlgorithm('nsga2', lean.problem, { population: 150, seed: 3 });
      let compared = 0;
      for (let gen = 0; gen < 20; gen++) {
        const xs = optimizer.ask();
        const evaluated = xs.map((x) => safeEvaluate(lean.problem, x));
        xs.forEach((x, i) => expect(plain(evaluated[i]!)).toEqual(plain(full.problem.evaluate(x))));
        compared += xs.length;
        optimizer.tell(evaluated);
      }
      expect(compared).toBe(3000);
    });

    it("a design's numbers do not depend on the design evaluated before it", () => {
      // The stages rewrite one input record per model before each call (src/base/scratch.ts): a field a stage failed
      // to rewrite would carry the previous design's value into the next. Each design is evaluated after two different
      // predecessors (the list forwards and backwards), on the lean path and as the reference designs' complete
      // records (their sections differ in chips, orbits, optional keys).
      const xs = [...designs(500), ...corners()];
      const forward = xs.map((x) => plain(lean.problem.evaluate(x)));
      const backward = [...xs]
        .reverse()
        .map((x) => plain(lean.problem.evaluate(x)))
        .reverse();
      expect(backward).toEqual(forward);
      expect(new Set(forward.map((e) => JSON.stringify(e))).size).toBeGreaterThan(xs.length / 2);
      const files = ['ai1', 'starcloud-3', 'suncatcher', 'three-body'].map((n) => `designs/${n}.yaml`);
      const recordAfter = (path: string, before: string) => {
        evaluateDesignFile(before);
        return JSON.stringify(evaluateDesignFile(path).record);
      };
      for (const path of files) {
        const alone = recordAfter(path, path);
        for (const before of files) if (before !== path) expect(recordAfter(path, before)).toBe(alone);
      }
    });

    it('a study that varies cost and economics keys and reads the fleet economics and token figures: the same numbers', () => {
      const dir = tempDir();
      const text = readFileSync('designs/flagship-study.yaml', 'utf8')
        .replace(
          '  isl.topology:              { choice: [none, ring, grid, mesh] }',
          '  isl.topology:              { choice: [none, ring, grid, mesh] }\n  cost.busCost_USD_per_kg: [1000, 20000]\n  economics.discountRate_per_yr: [0, 0.15]',
        )
        .replace(
          '  - minimize: mass.launch_kg',
          '  - minimize: economics.costPerChipHourDiscounted_USD\n  - minimize: inference.flopsBoundCost_USD_per_Mtoken',
        )
        .replace('  - isl.capacity_Gbps >= 400', '  - isl.capacity_Gbps >= 400\n  - cost.lcocToBaseline <= 50');
      const study = both(writeFile(dir, 'economics-study.yaml', text));
      expect(study.lean.problem.variables.map((v) => v.name)).toContain('cost.busCost_USD_per_kg');
      expect(study.lean.problem.objectives).toHaveLength(4);
      let ok = 0;
      for (const x of [...designs(300, study.full.problem), ...corners(study.full.problem).slice(0, 200)]) {
        const a = study.lean.problem.evaluate(x);
        expect(plain(a)).toEqual(plain(study.full.problem.evaluate(x)));
        if (a.status === 'ok') ok++;
      }
      expect(ok).toBeGreaterThan(200);
    });

    it('every metric and every physical check of the record: the lean value equals the record value', () => {
      const constraints = [...PHYSICAL_CONSTRAINTS, 'drag.fccDisposal'];
      const l = nodeMetricsEvaluator({ metrics: metricPaths(), constraints })!;
      expect(l.senses).toEqual(['>=', '>=', '<=', '<=', '>=', '<=', '<=', '<=']);
      // The lean evaluator rewrites the result records it keeps (the sizing, compute, mass, drag and cost results) on
      // every design: each design is read after two different predecessors (the list forwards and backwards), so a
      // field one call left unwritten would show the design before's value.
      const xs = [...designs(60), ...corners().slice(0, 60)];
      const values = (x: Float64Array) => [...l.run(full.design(x), resolve(full.design(x)))];
      const lean = (order: readonly Float64Array[]) => new Map(order.map((x) => [x, values(x)] as const));
      const forward = lean(xs);
      const backward = lean([...xs].reverse());
      for (const x of xs) {
        const d = full.design(x);
        const rows = resolve(d);
        const v = forward.get(x)!;
        expect(backward.get(x)).toEqual(v);
        const record = evaluateNode(d, rows);
        metricPaths().forEach((p, i) => expect(v[i], p).toBe(metricGetter(p)(record)));
        constraints.forEach((name, k) => {
          const c = record.constraints.find((r) => r.name === name)!;
          expect([v[metricPaths().length + 2 * k], v[metricPaths().length + 2 * k + 1]], name).toEqual([
            c.value,
            c.limit,
          ]);
          expect(l.senses[k]).toBe(c.sense);
        });
      }
    });

    it("the lean record (a constellation's lean evaluation): the complete record without its lists and parity figures", () => {
      // The oracle is the complete record: only the lists (empty) and the five parity figures (NaN) may differ, so a
      // lean record that dropped or changed a field the constellation stages read fails here.
      const omitted = ['parityYear', 'parityYearLow', 'parityYearHigh', 'parityRatioLastYear', 'parityStatement'];
      for (const x of designs(20)) {
        const d = full.design(x);
        const record = evaluateNode(d, resolve(d));
        const leanRecord = evaluateNode(d, resolve(d), true);
        const expected = structuredClone(record) as unknown as Record<string, Record<string, unknown>>;
        expected['compute']!['waterfall'] = [];
        expected['cost']!['baselines'] = [];
        expected['economics']!['parity'] = [];
        for (const k of omitted) expected['economics']![k] = NaN;
        expect(leanRecord).toEqual(expected);
      }
    });

    it('a path that is not a node metric has no lean evaluation (the study then builds records)', () => {
      expect(nodeMetricsEvaluator({ metrics: ['cost.baselines'], constraints: [] })).not.toBeNull(); // a section key: NaN, as the getter gives
      expect(nodeMetricsEvaluator({ metrics: ['nowhere.x'], constraints: [] })).toBeNull();
      expect(nodeMetricsEvaluator({ metrics: [], constraints: ['no.such.check'] })).toBeNull();
    });
  });
});

/**
 * The node's launch payload refused past the catalog's 700 m/s extrapolation limit
 * (designs/catalogs/launch-vehicles.yaml; ΔV by hand in test/models/launch/launchRefusal.test.ts from New Glenn's one
 * point, 45 t to 200 km × 28.5°):
 * 600 km SSO needs 698.1 m/s (kept), 610 km SSO 703.8 m/s (refused: payload 0, so no node fits).
 */
describe('launch payload past the extrapolation limit', () => {
  const onNewGlenn = (altitude_km: number) =>
    withChange((d) => {
      d.launch = { vehicle: 'new-glenn', mass_kg: 2100 };
      d.orbit = { ...d.orbit, altitude_km };
    });
  const fits = (r: ReturnType<typeof onNewGlenn>) => r.constraints.find((c) => c.name === 'launch.fitsVehicle')!;
  it('600 km SSO: kept (extrapolated, 698 m/s), at least one node fits', () => {
    const r = onNewGlenn(600);
    expect(r.cost.launchPayloadBasis).toBe('extrapolated');
    expect(r.cost.launchExtrapolation_m_s).toBeCloseTo(698.1, 0);
    expect(fits(r).satisfied).toBe(true);
  });
  it('610 km SSO (704 m/s, past the old 700 m/s cliff): kept, derated, at least one node fits', () => {
    const r = onNewGlenn(610);
    expect(r.cost.launchPayloadBasis).toBe('extrapolated');
    expect(r.cost.launchExtrapolation_m_s).toBeCloseTo(703.8, 0);
    expect(fits(r).satisfied).toBe(true);
  });
  it('a vehicle without published points: refused, 0 nodes per launch; the constraint and a note name it and why', () => {
    const r = withChange((d) => {
      d.launch = { vehicle: 'falcon-heavy', mass_kg: 2100 };
    });
    expect(r.cost.launchPayloadBasis).toBe('refused');
    expect(r.cost.nodesPerLaunch).toBe(0);
    expect(fits(r).satisfied).toBe(false);
    expect(fits(r).description).toMatch(
      /^at least one node fits the falcon-heavy payload and fairing \(refused for this orbit: no published performance points/,
    );
    expect(r.notes).toContainEqual(
      expect.stringMatching(
        /^launch: falcon-heavy is refused for .*\(no published performance points.*; choose another/,
      ),
    );
  });
});
