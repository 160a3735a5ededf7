/**
 * Node design-file sections for cost technology (hardware price level and learning across units) and economics
 * (launch and electricity prices, discounting, fleet size, horizon, ground segment, terrestrial baseline).
 */
import * as z from 'zod';
import { lazy } from '../../base/lazy.js';
import { trajectoriesSchema } from './economicsSchemas.js';
import { range } from './fields.js';
import { DEFAULT_PROGRAMME_UNITS, PRICE_CLASSES, PRICINGS } from '../../models/cost/learningCurve.js';

/** The class of a price a key sets or rescales (learningCurve.ts PRICE_CLASSES). */
const priceClassOf = (what: string) =>
  z
    .enum(PRICE_CLASSES)
    .optional()
    .describe(
      `Price class of ${what}: first-unit (a qualified low-rate price: programme learning applies) | production (a production-line price: no further learning) | market (no learning).`,
    );

/** The cost preset and the hardware price overrides (array, radiator, bus). */
const costPriceFields = () => ({
  technology: z
    .enum(['heritage', 'current', 'production-scale'])
    .default('current')
    .describe(
      'Cost preset (src/models/cost/costTechnology.ts): prices for the production maturity of the line that builds the node. heritage (low-rate, qualified: ' +
        'array and radiator × 2, bus $15,000/kg, AIT 20 %, chips +25 %), current (catalog prices, bus $5,000/kg, AIT 10 %), ' +
        'production-scale (Starlink-class: array and radiator × 0.27, bus $1,100/kg, AIT 5 %); the keys below override it one by one.',
    ),
  arrayPriceFactor: range('cost.arrayPriceFactor', 0, 10, '(ratio)', "multiplier on the array row's cost_USD_per_W")
    .optional()
    .describe(
      "Multiplier on the solar-array row's $/W [-]; default from technology (current: 1). Setting it requires cost.arrayPriceClass: the class of the price it makes.",
    ),
  arrayPriceClass: priceClassOf(
    "the array's price; required with cost.arrayPriceFactor; default the preset's class when its factor rescales the row, else the row's priceClass",
  ),
  radiatorPriceFactor: range(
    'cost.radiatorPriceFactor',
    0,
    10,
    '(ratio)',
    "multiplier on the radiator row's cost_USD_per_m2",
  )
    .optional()
    .describe(
      "Multiplier on the radiator row's $/m² [-]; default from technology (current: 1). Setting it requires cost.radiatorPriceClass.",
    ),
  radiatorPriceClass: priceClassOf(
    "the radiator's price; required with cost.radiatorPriceFactor; default as cost.arrayPriceClass's",
  ),
  busCost_USD_per_kg: range('cost.busCost_USD_per_kg', 0, 1e6, 'USD/kg', 'bus price per kg of bus mass')
    .optional()
    .describe('Bus price per kg of bus mass [USD/kg]; default from technology (current: 5,000).'),
  busPriceClass: priceClassOf(
    "the bus, AIT and chip-packaging prices; default the preset's (heritage, current: first-unit; production-scale: production)",
  ),
});

/** A price factor without the class of the price it makes: the file must say whether learning still applies. */
const FACTOR_CLASS = [
  ['arrayPriceFactor', 'arrayPriceClass'],
  ['radiatorPriceFactor', 'radiatorPriceClass'],
] as const;

/** Integration, chip packaging and operations as fractions of the hardware. */
const costShareFields = () => ({
  aitFraction: range(
    'cost.aitFraction',
    0,
    2,
    '(fraction)',
    'assembly, integration and test share of the non-chip hardware',
  )
    .optional()
    .describe(
      'Assembly, integration and test as a fraction of the non-chip hardware [-]; default from technology (current: 0.10).',
    ),
  chipIntegrationFraction: range(
    'cost.chipIntegrationFraction',
    0,
    2,
    '(fraction)',
    'space packaging premium on each chip',
  )
    .optional()
    .describe(
      'Space packaging and qualification of each chip, fraction of its price [-]; default from technology (current: 0).',
    ),
  operationsFraction_per_yr: range(
    'cost.operationsFraction_per_yr',
    0,
    1,
    '1/yr',
    'operations per year as a fraction of hardware + launch',
  )
    .optional()
    .describe(
      'Operations per node-year as a fraction of hardware + launch [1/yr]; default 0.02 (operations staff ≈ 15 % of system cost over 8 years: Elbert 2008 §12.4.2.1, docs/sources.md §18).',
    ),
});

export const costSchema = lazy(() =>
  z
    .strictObject({
      ...costPriceFields(),
      ...costShareFields(),
    })
    .superRefine((c, ctx) => {
      for (const [factor, cls] of FACTOR_CLASS) {
        if (c[factor] !== undefined && c[cls] === undefined)
          ctx.addIssue({
            code: 'custom',
            path: [cls],
            message: `cost.${factor} ${c[factor]} rescales the catalog row's price: state the class of the price it makes, cost.${cls}: production (a production-line price: no further learning) or first-unit (a low-rate price: programme learning applies)`,
          });
      }
    })
    .describe(
      'Cost technology: the price level of the hardware and the price class of each price (which lines programme learning applies to).',
    ),
);

/** The programme: its size, how it is priced, its learning rate. */
const programmeFields = () => ({
  units: z
    .number()
    .int('must be a whole number of nodes')
    .min(1)
    .max(1e6, "at most 1,000,000 nodes (the fleet model's range)")
    .default(DEFAULT_PROGRAMME_UNITS)
    .describe(
      `Programme size: nodes built and kept in service [-]; first-unit-class hardware follows the learning curve across them (src/models/cost/learningCurve.ts). Default ${DEFAULT_PROGRAMME_UNITS}: the shipped designs' programme, 1 GW of 120 kW nodes (designs/ai1.yaml cites it); 1 = one node; a constellation's learning runs over its satellite count.`,
    ),
  pricing: z
    .enum(PRICINGS)
    .default('programme')
    .describe(
      'How the fleet is priced: programme (default: the first-unit-class lines of the units on the learning curve, at economics.learningRate or SMAD’s rule for that many units) | heritage (every node at the first-unit price, no learning).',
    ),
  learningRate: range('economics.learningRate', 0.5, 1, '(fraction)', 'production learning rate')
    .optional()
    .describe(
      'Production learning rate across units [-] (each doubling of units costs this fraction) for every first-unit-class hardware line; ' +
        'default SMAD §20.3 by programme size: 0.95 below 10 units, 0.90 for 10–50, 0.85 above 50; production- and market-priced lines (chips, launch) stay off the curve.',
    ),
});

export const economicsSchema = lazy(() =>
  z
    .strictObject({
      launchCost_USD_per_kg: range('economics.launchCost_USD_per_kg', 10, 100000, 'USD/kg', 'launch price')
        .optional()
        .describe('Override of the launch price [USD/kg]; otherwise vehicle price / usable payload.'),
      electricity_USD_per_kWh: range('economics.electricity_USD_per_kWh', 0, 2, 'USD/kWh', 'terrestrial baseline')
        .default(0.05)
        .describe('Terrestrial electricity price for the baseline [USD/kWh].'),
      pue: range('economics.pue', 1, 3, '(ratio)', 'terrestrial power usage effectiveness')
        .default(1.3)
        .describe('Terrestrial data-center power usage effectiveness [-].'),
      discountRate_per_yr: range('economics.discountRate_per_yr', 0, 0.5, '1/yr', 'real discount rate')
        .default(0.07)
        .describe('Real discount rate for the discounted LCOC [1/yr] (0.07: OMB Circular A-94).'),
      ...programmeFields(),
      horizon_yr: range('economics.horizon_yr', 0.5, 50, 'yr', 'program horizon')
        .optional()
        .describe(
          'Program horizon [yr]; nodes are replaced at end of life within it (default mission.lifetime_yr: no replacements).',
        ),
      groundSegment_USD: range('economics.groundSegment_USD', 0, 1e11, 'USD', 'ground segment capex')
        .default(0)
        .describe('Ground segment built at the start [USD].'),
      groundOperations_USD_per_yr: range(
        'economics.groundOperations_USD_per_yr',
        0,
        1e10,
        'USD/yr',
        'ground operations',
      )
        .default(0)
        .describe('Ground segment operations [USD per year].'),
      baseline: z
        .string()
        .min(1)
        .default('hyperscale-virginia')
        .describe(
          'Terrestrial scenario (designs/catalogs/terrestrial-baselines.yaml) for cost.lcocToBaseline; the record compares against every scenario.',
        ),
      trajectories: trajectoriesSchema().prefault({}),
    })
    .describe('Economics.'),
);
