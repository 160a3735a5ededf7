/**
 * A hand-made union front of two seeds for the multi-seed report's tests: four node designs, two per seed, in
 * cost [USD/PFLOP-day] and launch mass [kg]; the knee is seed 43's design 310 at (110, 8,000), the only one with a
 * record. The record holds round figures that add up by hand (see each section), not a model's output.
 */
import type { DesignRecord } from '../../../src/node/record/record.js';
import { decisionSummary } from '../../../src/run/decision/recommend.js';
import { seedAgreement } from '../../../src/run/decision/seedAgreement.js';
import { choiceVariables, type SeedUnion } from '../../../src/run/multiSeed.js';
import type { ParetoFile } from '../../../src/run/paretoFile.js';

export const SEEDS = [42, 43] as const;
export const KNEE = { index: 310, seed: 43, cost: 110, mass: 8000 } as const;

/**
 * Power [W]: peak demand 150 kW = IT 140 + bus 7 + ISL 1 + pumps 2. Mass [kg]: launch 9,500 = 1,000 + 2,000 + 500 +
 * 1,500 + 300 + 100 + 1,620 + 1,980 + 400 + 100 (compute … tankage), allocated 10,000. Cost [USD]: 32 M = hardware 20 M
 * (4 + 2 + 2 + 0.5 + 7.5 + 1.5 + 0.5 + AIT 2) + launch 9 M + operations 3 M. Cost of delivered compute
 * [USD/PFLOP-day]: first unit 140 → programme 100 → discounted 120; ground 20 (ratio 6) and 24 (ratio 5).
 */
export const KNEE_RECORD = {
  schemaVersion: 1,
  name: 'knee',
  kind: 'node',
  orbit: { altitude_km: 550, inclination_deg: 97.6, sunSynchronous: true, ltan_h: 6 },
  compute: {
    chip: 'gb300',
    chips: 72,
    itPowerPeak_W: 140_000,
    itPowerAvg_W: 121_000,
    deliveredPFLOPS: 120,
    waterfall: [
      { name: 'peak', factor: 1, valueAfter_PFLOPS: 200 },
      { name: 'utilization', factor: 0.8, valueAfter_PFLOPS: 160 },
      { name: 'availability', factor: 0.75, valueAfter_PFLOPS: 120 },
    ],
  },
  power: { arrayArea_m2: 900, bolPower_W: 250_000, eolPower_W: 220_000, demandPeak_W: 150_000, demandAvg_W: 130_000 },
  thermal: { radiatorArea_m2: 200, pumpPower_W: 2_000 },
  isl: { topology: 'grid', power_W: 1_000 },
  mass: {
    compute_kg: 1000,
    array_kg: 2000,
    battery_kg: 500,
    radiator_kg: 1500,
    shielding_kg: 300,
    isl_kg: 100,
    bus_kg: 1620,
    margin_kg: 1980,
    propellant_kg: 400,
    propellantTank_kg: 100,
    launch_kg: 9500,
    allocated_kg: 10_000,
    kW_per_t: 12.7,
  },
  cost: {
    chipsHardware_USD: 4e6,
    arrayHardware_USD: 2e6,
    radiatorHardware_USD: 2e6,
    batteryHardware_USD: 0.5e6,
    busHardware_USD: 7.5e6,
    islHardware_USD: 1.5e6,
    otherHardware_USD: 0.5e6,
    ait_USD: 2e6,
    hardware_USD: 20e6,
    launch_USD: 9e6,
    operations_USD: 3e6,
    total_USD: 32e6,
    lcoc_USD_per_PFLOP_day: 140,
    programLcoc_USD_per_PFLOP_day: 100,
    lcocDiscounted_USD_per_PFLOP_day: 120,
    programmeUnits: 8334,
    learningRate: 0.85,
    discountRate_per_yr: 0.07,
    lcocToBaseline: 6,
    baselines: [
      {
        id: 'hyperscale-virginia',
        lcoc_USD_per_PFLOP_day: 18,
        lcocDiscounted_USD_per_PFLOP_day: 20,
        spaceToTerrestrial: 6,
      },
      {
        id: 'colocation-us-primary',
        lcoc_USD_per_PFLOP_day: 22,
        lcocDiscounted_USD_per_PFLOP_day: 24,
        spaceToTerrestrial: 5,
      },
    ],
  },
  economics: { parityStatement: 'does not reach parity by 2045' },
  constraints: [],
} as unknown as DesignRecord;

const design = (index: number, cost: number, mass: number, record: DesignRecord | null = null) => ({
  index,
  variables: { 'power.arrayArea_m2': 900 },
  objectives: { 'cost.lcocDiscounted_USD_per_PFLOP_day': cost, 'mass.launch_kg': mass },
  constraints: {},
  record,
});

/** Seed 42 found (100, 9,000) and (140, 7,000); seed 43 (110, 8,000), the knee, and (160, 6,500). */
export const UNION_PARETO: ParetoFile = {
  formatVersion: 1,
  study: 'tiny-union',
  kind: 'node',
  objectives: [
    { name: 'cost.lcocDiscounted_USD_per_PFLOP_day', sense: 'minimize', unit: 'USD/PFLOP-day' },
    { name: 'mass.launch_kg', sense: 'minimize', unit: 'kg' },
  ],
  variables: [{ kind: 'real', name: 'power.arrayArea_m2', lower: 150, upper: 2000 }],
  designs: [
    design(7, 100, 9000),
    design(12, 140, 7000),
    design(KNEE.index, KNEE.cost, KNEE.mass, KNEE_RECORD),
    design(333, 160, 6500),
  ],
} as unknown as ParetoFile;
export const UNION_SEEDS = [42, 42, 43, 43];

/**
 * The union with its decision. Normalized to [0, 1] on the front's ranges, the designs lie at (0, 1), (0.667, 0.2),
 * (0.167, 0.6) and (1, 0): (110, 8,000) lies farthest below the extremes' line c + m = 1 (0.233 against 0.133), the
 * knee.
 */
export function tinyUnion(pareto: ParetoFile = UNION_PARETO): SeedUnion {
  const decision = decisionSummary(pareto, undefined, (p) => UNION_SEEDS[p]!);
  return { pareto, seeds: UNION_SEEDS, decision };
}

/** The two seeds' agreement, each seed's knee being its own best-cost design. */
export function tinyAgreement(union: SeedUnion) {
  return seedAgreement(
    SEEDS.map((seed) => {
      const p = union.seeds.indexOf(seed);
      const d = union.pareto.designs[p]!;
      return { seed, runDir: `seed-${seed}`, knee: { index: d.index, choices: {}, objectives: d.objectives } };
    }),
    choiceVariables(union.pareto),
    union.pareto.objectives,
  );
}
