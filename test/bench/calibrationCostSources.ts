/**
 * The published cost models the calibration reproduces (designs/CALIBRATION.md, cost section): each source's design
 * file, the design keys it sets, the adjustments for inputs odc computes or has no key for, and its published figures
 * with where they are stated. test/bench/calibrationCosts.ts evaluates them; docs/sources.md §1 and §10 cite them.
 */
import type { DesignRecord } from '../../src/node/record/record.js';
import { HOURS_PER_YEAR_h } from '../../src/base/constants.js';
import { loadTerrestrialBaselines } from '../../src/catalog/baselines.js';

/** Chips at market price in the node's cost [USD]. */
const chips_USD = (r: DesignRecord): number =>
  (r.cost.capexWithChips_USD_per_W - r.cost.capexExChips_USD_per_W) * r.compute.itPowerAvg_W;
const totalExChips_USD = (r: DesignRecord): number => r.cost.total_USD - chips_USD(r);
const lifeYears = (r: DesignRecord): number =>
  r.cost.total_USD / (r.cost.costPerKWyr_USD * (r.compute.itPowerAvg_W / 1000));
const itKW = (r: DesignRecord): number => r.compute.itPowerAvg_W / 1000;
const hyperscale = () => loadTerrestrialBaselines().find((b) => b.id === 'hyperscale-virginia')!;

export interface CostFigure {
  readonly quantity: string;
  /** The published figure, in `unit`. */
  readonly published: number;
  readonly unit: string;
  /** Where the source states it. */
  readonly where: string;
  /** The figure from a record and the sum of the source's active adjustments (in the unit they state). */
  readonly value: (r: DesignRecord, adjustment: number) => number;
  /** Why odc under the source's inputs is outside 15 % of the figure: the input odc does not share. */
  readonly disagrees?: string;
  /**
   * Set when a source input was derived from this very figure (the row compares the source with itself): the row is
   * a reproduction only, shown apart and not counted as a calibration. Says which input and how.
   */
  readonly fitted?: string;
}
/**
 * A source input odc has no key for, or a source formula in place of odc's model: its amount from the record under the
 * source's keys. A figure with adjustments is a reproduction of the source's arithmetic (shown apart); the calibration
 * is the figure without them, odc's own models on the source's keys.
 */
export interface Adjustment {
  readonly name: string;
  readonly amount: (r: DesignRecord) => number;
}
export interface CostSource {
  readonly title: string;
  /** Design file relative to designs/. */
  readonly file: string;
  /** Keys set on top of the file (dotted path → value), e.g. a second launch price. */
  readonly set?: Readonly<Record<string, unknown>>;
  /** Dotted design keys set from the source, in waterfall order; removing one restores odc's default for it. */
  readonly inputs: readonly string[];
  readonly adjustments?: readonly Adjustment[];
  readonly figures: readonly CostFigure[];
  /** What the source inputs leave unexplained, in words. */
  readonly remainder: string;
}

/** McCalip's math.js: nameplate = load / (mean cell retention 0.95123 over 5 yr × 98 % sun). */
const MCCALIP_NAMEPLATE = 1 / (0.95123 * 0.98);
const mccalipHardware_USD = (r: DesignRecord) => 22 * MCCALIP_NAMEPLATE * r.compute.itPowerAvg_W;
/** The inputs McCalip's calculator sets (its file, calibration/mccalip-1gw.yaml, at either launch price). */
const MCCALIP_INPUTS = [
  'economics.launchCost_USD_per_kg',
  'cost.arrayPriceFactor',
  'cost.busCost_USD_per_kg',
  'cost.radiatorPriceFactor',
  'cost.aitFraction',
  'cost.operationsFraction_per_yr',
  'catalogs.batteries',
  'power.array',
  'orbit.altitude_km',
  'isl.topology',
];

const mccalipAdjustments: readonly Adjustment[] = [
  {
    name: 'satellite mass at 36.5 W/kg of nameplate (McCalip) instead of odc’s sized mass',
    amount: (r) =>
      (r.cost.launchPrice_USD_per_kg * MCCALIP_NAMEPLATE * r.compute.itPowerAvg_W) / 36.5 - r.cost.launch_USD,
  },
  {
    name: 'hardware $22/W × nameplate (load / 0.932) instead of $22/W × odc’s SMAD-sized array',
    amount: (r) => mccalipHardware_USD(r) - r.cost.hardware_USD + chips_USD(r),
  },
  {
    name: 'operations 1 %/yr of hardware (McCalip) instead of 1 %/yr of hardware + launch (odc)',
    amount: (r) => 0.01 * lifeYears(r) * mccalipHardware_USD(r) - r.cost.operations_USD,
  },
  {
    name: 'GPU-failure replacement 9 %/yr of hardware (no odc key)',
    amount: (r) => 0.09 * lifeYears(r) * mccalipHardware_USD(r),
  },
  { name: 'NRE $1B per GW (no odc key)', amount: (r) => 1 * r.compute.itPowerAvg_W },
];
const mccalipSpace = (published: number, where: string): CostFigure => ({
  quantity: 'space, cost per W of delivered power over 5 yr, ex-GPU',
  published,
  unit: 'USD/W',
  where,
  value: (r, extra) => (totalExChips_USD(r) + extra) / r.compute.itPowerAvg_W,
  disagrees:
    'satellite mass and array sizing: McCalip takes 36.5 W/kg of nameplate (a Starlink V2 mini ratio) and an array of ' +
    'load / 0.932 as inputs, where odc sizes the node (array for the worst eclipse by SMAD, battery, radiator, bus and ' +
    'margin), which costs more in launch and hardware than his GPU-failure replacement (9 %/yr of hardware) and NRE ' +
    '($1/W), which odc lacks, add; the waterfall below takes his formula apart step by step',
});

/**
 * spacedc-mdao's satellite launch mass per W of IT [kg/W]: its 1 MW reference case (orbital_1mw_inference.yaml,
 * spacedc-mdao 0.4.2, `orbitdc compare`) builds 64 satellites of 18 × 700 W × 1.25 = 15.75 kW to 78,832 kg dry
 * (78.2 kg/kW) + 426 kg propellant = 1,238.4 kg each, whose launch at $3,000/kg is its published $236/W.
 */
const SPACEDC_LAUNCH_kg_per_W_IT = (78832.2 + 426.0) / 64 / 15750;
/**
 * SemiAnalysis's capital excluding IT and launch [USD/W of average IT] (D): its ≈ $100/W less its $1.6M launch over
 * the cluster's average IT, 16 × 1,940 W × (0.3 + 0.7 × 0.8) = 26.69 kW (the article's 30.5 kW cluster as gb300 shares
 * at utilization 0.8, designs/calibration/semianalysis-2026.yaml), i.e. 100 − 59.9 = $40.1/W.
 */
const SEMIANALYSIS_CAPEX_EX_IT_EX_LAUNCH_USD_per_W = 100 - 1.6e6 / (16 * 1940 * (0.3 + 0.7 * 0.8));
/** Suncatcher's reference satellite (arXiv:2511.19468 §4.4, Table 1): Starlink v2 mini, 575 kg, ~28 kW [kg], [W]. */
const STARLINK_V2_MINI_kg = 575;
const STARLINK_V2_MINI_W = 28000;

export const COST_SOURCES: readonly CostSource[] = [
  {
    title: 'SemiAnalysis Space DC TCO model, 2026 cluster',
    file: 'calibration/semianalysis-2026.yaml',
    inputs: ['power.battery', 'economics.launchCost_USD_per_kg', 'cost.technology', 'mission.lifetime_yr'],
    figures: [
      {
        quantity: 'space, TCO per GPU-hour (before the availability bridge)',
        published: 8.64,
        unit: 'USD/chip-h',
        where: 'public summary of the model',
        value: (r) => r.economics.costPerChipHourDiscounted_USD,
        disagrees:
          'unpublished GPU price and WACC: the model is paywalled, and neither the article nor the model page states ' +
          'its GPU price, WACC, utilization or operating costs; odc stands in with its GB300 share at $55,000 and ' +
          '7 %/yr and comes out lower on both sides (space 0.78×, ground 0.86×). The figures that do not hinge on them ' +
          'agree: capital excluding IT and launch 1.04× and the space/ground ratio, in which the chip price largely ' +
          'cancels, 0.91×',
      },
      {
        quantity: 'terrestrial, TCO per GPU-hour',
        published: 2.37,
        unit: 'USD/chip-h',
        where: 'same',
        value: (r) => r.economics.terrestrialCostPerChipHourDiscounted_USD,
      },
      {
        quantity: 'space / terrestrial TCO',
        published: 3.64,
        unit: '×',
        where: 'same',
        value: (r) => r.economics.costPerChipHourDiscounted_USD / r.economics.terrestrialCostPerChipHourDiscounted_USD,
      },
      {
        quantity: 'space, capital per W of average IT excluding IT (servers)',
        published: 100,
        unit: 'USD/W',
        where: 'same (≈)',
        value: (r) => r.cost.capexExChips_USD_per_W,
        fitted:
          'the launch price is $1.6M (the published launch) / odc’s node mass, so the launch half of the figure ' +
          '($1.6M / 26.7 kW average IT = $60/W) is the source’s own number by construction',
      },
      {
        quantity: 'space, capital per W of average IT excluding IT and launch',
        published: SEMIANALYSIS_CAPEX_EX_IT_EX_LAUNCH_USD_per_W,
        unit: 'USD/W',
        where: 'same (D: ≈ $100/W − $1.6M launch / 26.7 kW)',
        value: (r) => r.cost.capexExChips_USD_per_W - r.cost.launch_USD / r.compute.itPowerAvg_W,
      },
    ],
    remainder:
      'the model’s other inputs (GPU price, WACC, utilization, operating costs, availability and redundancy) are behind ' +
      'a paywall and unpublished; odc’s defaults stand for them. Its LCOC ($10.91 vs $2.49 per GPU-hour, "To Boldly Go", 3 Jun 2026) adds radiation availability and GPU ' +
      'redundancy to the TCO, which odc does not model, so the TCO figures are compared',
  },
  {
    title: 'McCalip calculator arithmetic (1 GW, 5 yr, $1,000/kg)',
    file: 'calibration/mccalip-1gw.yaml',
    inputs: MCCALIP_INPUTS,
    adjustments: mccalipAdjustments,
    figures: [
      mccalipSpace(65.79, 'math.js at $1,000/kg; hand calculation in the design header'),
      {
        quantity: 'terrestrial, facility capex + 5 yr of energy per W of IT, ex-GPU (odc: hyperscale-virginia)',
        published: 15.85,
        unit: 'USD/W',
        where: 'math.js terrestrial side at its defaults',
        value: () => {
          const b = hyperscale();
          return b.capexExChips_USD_per_W + (5 * HOURS_PER_YEAR_h * b.electricity_USD_per_kWh * b.pue) / 1000;
        },
      },
    ],
    remainder:
      'the shielding and propellant odc still prices (< 0.1 %): with the adjustments the arithmetic is McCalip’s, so only ' +
      'the launch price moves it; the waterfall’s mass step is odc’s physics (array, battery, radiator, compute and bus ' +
      'sized) against his 36.5 W/kg Starlink V2 mini ratio',
  },
  {
    title: 'McCalip calculator arithmetic at his slider default $500/kg',
    file: 'calibration/mccalip-1gw.yaml',
    set: { 'economics.launchCost_USD_per_kg': 500 },
    inputs: MCCALIP_INPUTS,
    adjustments: mccalipAdjustments,
    figures: [mccalipSpace(51.1, 'math.js at its slider defaults')],
    remainder: 'as at $1,000/kg',
  },
  {
    title: 'spacedc-mdao reference case (1 MW, $3,000/kg)',
    file: 'calibration/spacedc-1mw.yaml',
    inputs: [
      'economics.launchCost_USD_per_kg',
      'cost.busCost_USD_per_kg',
      'cost.aitFraction',
      'cost.radiatorPriceFactor',
      'catalogs.chips',
      'catalogs.batteries',
      'economics.discountRate_per_yr',
      'compute.sustainedFraction',
      'isl.topology',
      'power.array',
    ],
    adjustments: [
      {
        name: 'satellite launch mass 1,238 kg per 15.75 kW of IT (spacedc-mdao’s mass build-up) instead of odc’s sized mass',
        amount: (r) =>
          r.cost.launchPrice_USD_per_kg * SPACEDC_LAUNCH_kg_per_W_IT * r.compute.itPowerPeak_W - r.cost.launch_USD,
      },
    ],
    figures: [
      {
        quantity: 'space, capex per W of IT ex-GPU',
        published: 524,
        unit: 'USD/W',
        where: 'docs/vs-mccalip.md',
        value: (r, extra) => (r.cost.capexExChips_USD_per_W * r.compute.itPowerAvg_W + extra) / r.compute.itPowerPeak_W,
      },
      {
        quantity: '— of which launch, per W of IT',
        published: 236,
        unit: 'USD/W',
        where: 'same',
        value: (r, extra) => (r.cost.launch_USD + extra) / r.compute.itPowerPeak_W,
        disagrees:
          'satellite mass: spacedc-mdao builds its satellite to 1,238 kg per 15.75 kW of IT (structure and margin ' +
          '20 % each); odc sizes the node heavier (array for the worst eclipse, battery, radiator, bus fraction and ' +
          'system margin), and launch at a $/kg price scales with that mass',
      },
      {
        quantity: '— of which satellite (solar, radiator, bus, comms), per W of IT',
        published: 288,
        unit: 'USD/W',
        where: 'same',
        value: (r) =>
          (r.cost.capexExChips_USD_per_W * r.compute.itPowerAvg_W - r.cost.launch_USD) / r.compute.itPowerPeak_W,
      },
      {
        quantity: 'terrestrial, capex per W of IT ex-GPU (odc: hyperscale-virginia)',
        published: 12,
        unit: 'USD/W',
        where: 'same',
        value: () => hyperscale().capexExChips_USD_per_W,
      },
    ],
    remainder:
      'the satellite line (the row above): odc sizes and prices the array, battery, radiator and bus itself ' +
      '(SMAD array sizing, the chip row’s system power) where the tool has its own build-up; the waterfall’s mass ' +
      'step is the same difference in kg, odc’s sized node against the tool’s 1,238 kg (structure and margin 20 % each)',
  },
  {
    title: 'JPL/Turyshev 1 MW closure (arXiv:2604.27197)',
    file: 'calibration/jpl-1mw.yaml',
    inputs: [
      'thermal.radiatorTemp_K',
      'thermal.radiatingFaces',
      'thermal.hotCase',
      'thermal.rejects',
      'thermal.coating',
      'power.sizing',
    ],
    adjustments: [
      {
        name: 'spacecraft at the paper’s ~40 kg/kW instead of odc’s mass (kg)',
        amount: (r) => (40 * r.compute.itPowerPeak_W) / 1000 - r.mass.launch_kg,
      },
    ],
    figures: [
      {
        quantity: 'launch + build allowed at a 40 k$/kW terrestrial benchmark',
        published: 1000,
        unit: 'USD/kg',
        where: 'abstract: 250–1,000 $/kg at ~40 kg/kW',
        value: (r, extra_kg) => 40000 / ((r.mass.launch_kg + extra_kg) / (r.compute.itPowerPeak_W / 1000)),
        disagrees:
          'mass per kW: the allowance is the paper’s 40 k$/kW benchmark over kg per kW; the paper takes ~40 kg/kW ' +
          '(34–59 kg/kW in its body) where odc builds its 1 MW node, as installed (5,640 m² of array, 2,500 m² of ' +
          'radiator), to about 70 kg/kW',
      },
    ],
    remainder:
      'the allowance is benchmark ÷ kg per kW: at the paper’s mass it is the paper’s figure, at odc’s (as installed, ' +
      '5,640 m² of array and 2,500 m² of radiator) it falls by the mass ratio (34–59 kg/kW in the paper)',
  },
  {
    title: 'Project Suncatcher launch-price threshold (arXiv:2511.19468)',
    file: 'suncatcher.yaml',
    inputs: ['economics.launchCost_USD_per_kg', 'mission.lifetime_yr'],
    adjustments: [
      {
        name: 'satellite at Starlink v2 mini’s 575 kg per 28 kW (Suncatcher Table 1) instead of odc’s sized mass',
        amount: (r) =>
          r.cost.launchPrice_USD_per_kg * (STARLINK_V2_MINI_kg / STARLINK_V2_MINI_W) * r.compute.itPowerAvg_W -
          r.cost.launch_USD,
      },
    ],
    figures: [
      {
        quantity: 'launch price at which launch per kW-yr equals ~$810/kW-yr',
        published: 200,
        unit: 'USD/kg',
        where: '§4.4 and Table 1: $810/kW/y at $200/kg, Starlink v2 mini, 5 yr',
        // the price that scales odc's own launch cost per kW-yr (cost.launchPerKWyr_USD) to $810
        value: (r, extra) =>
          (r.cost.launchPrice_USD_per_kg * 810) / (r.cost.launchPerKWyr_USD + extra / (itKW(r) * lifeYears(r))),
        disagrees:
          'satellite mass per kW: the paper prices a Starlink v2 mini, 575 kg per ~28 kW of array (20.5 kg/kW); ' +
          'odc’s Suncatcher node, sized for its TPU pod (array for the worst eclipse, battery, radiator, bus and ' +
          'margin) and paid at the larger of its allocation and its built-up mass, is about three times that per kW ' +
          'of average IT, so its launch per kW-yr at $200/kg is about three times $810 and the price that brings it ' +
          'to $810 about a third of $200/kg',
      },
      {
        quantity: 'launch cost per kW-yr of average IT at $200/kg over 5 yr',
        published: 810,
        unit: 'USD/kW-yr',
        where: '§4.4 and Table 1',
        value: (r, extra) => r.cost.launchPerKWyr_USD + extra / (itKW(r) * lifeYears(r)),
        disagrees: 'satellite mass per kW: as for the threshold above (odc’s node against a Starlink v2 mini)',
      },
    ],
    remainder:
      'none under the paper’s arithmetic: its $810/kW/y is launch price × kg per kW ÷ lifespan for a Starlink v2 mini ' +
      '(575 kg, 28 kW of array estimated from ~105 m² × 22 % × 1.361 kW/m² × 0.9 packing, 5 yr), so its threshold is ' +
      '810 × 5 × 28 / 575 = $197/kg (the reproduction). The calibration reads the threshold from odc’s own launch ' +
      'cost per kW-yr (cost.launchPerKWyr_USD): the mass step is odc’s physics, the Suncatcher node as odc sizes it ' +
      '(a TPU pod, its array, a battery for the worst eclipse, radiator, bus and margin) against a communications ' +
      'satellite',
  },
];
