/**
 * Cost technology presets: one consistent set of recurring hardware prices for the maturity of the production line that
 * builds the node — array and radiator price factors (× the catalog row's $/W and $/m²), bus price per kg,
 * assembly/integration/test (AIT) share and a space-packaging premium on the chips, and the price class of those prices
 * (learningCurve.ts PRICE_CLASSES): heritage and current are first-unit prices (programme learning applies),
 * production-scale's are production-line prices (Starlink's $1,100/kg is after Starlink's own learning: none again).
 * Method: price = preset factor × catalog price (array, radiator) or the preset's own price (bus, AIT share, chip
 * premium); each key can be overridden (`cost.*`). Presets heritage ≥ current ≥ production-scale in every price.
 * Sources: current = catalog rows, bus $5,000/kg (ESTIMATE); production-scale bus $1,100/kg from Starlink V2 mini
 * (Quilty Space 2024, docs/sources.md §10); most other factors are ESTIMATES, each justified in the doc section.
 * Learning across units is in learningCurve.ts (`programmeLearningRate`), applied by lifecycleProgram.ts to the
 * first-unit-class lines only. The class of each line: src/node/stages/cost.ts `linePriceClasses`.
 * Validity: factors in [0, 10], bus price in [0, 1e6] $/kg, AIT and chip premium in [0, 2].
 * Assumption: recurring hardware only; non-recurring design and tooling are in `economics.groundSegment_USD`.
 * Derivation, evidence and costs: docs/models.md §"Cost technology presets".
 */
import { DEFAULT_AIT_FRACTION, DEFAULT_BUS_COST_USD_per_kg } from './cost.js';
import { nonNegative } from '../validate.js';
import type { PriceClass } from './learningCurve.js';

export interface CostTechnologyPrices {
  /** × the array row's cost_USD_per_W [-]. */
  readonly arrayPriceFactor: number;
  /** × the radiator row's cost_USD_per_m2 [-]. */
  readonly radiatorPriceFactor: number;
  readonly busCost_USD_per_kg: number;
  /** AIT as a fraction of the non-chip hardware [-]. */
  readonly aitFraction: number;
  /** Space packaging and qualification of each chip, as a fraction of its price [-]. */
  readonly chipIntegrationFraction: number;
  /** Class of the bus, AIT and chip-premium prices, and of the array and radiator prices a factor ≠ 1 makes. */
  readonly priceClass: PriceClass;
}

export const COST_TECHNOLOGY = {
  heritage: {
    arrayPriceFactor: 2,
    radiatorPriceFactor: 2,
    busCost_USD_per_kg: 15000,
    aitFraction: 0.2,
    chipIntegrationFraction: 0.25,
    priceClass: 'first-unit',
  },
  current: {
    arrayPriceFactor: 1,
    radiatorPriceFactor: 1,
    busCost_USD_per_kg: DEFAULT_BUS_COST_USD_per_kg,
    aitFraction: DEFAULT_AIT_FRACTION,
    chipIntegrationFraction: 0,
    priceClass: 'first-unit',
  },
  'production-scale': {
    arrayPriceFactor: 8 / 30,
    radiatorPriceFactor: 8 / 30,
    busCost_USD_per_kg: 1100,
    aitFraction: 0.05,
    chipIntegrationFraction: 0,
    priceClass: 'production',
  },
} as const satisfies Record<string, CostTechnologyPrices>;
export type CostTechnology = keyof typeof COST_TECHNOLOGY;
export const COST_TECHNOLOGIES = Object.keys(COST_TECHNOLOGY) as CostTechnology[];
/** The default: today's catalog prices (evidence: docs/models.md §"Cost technology presets"). */
export const DEFAULT_COST_TECHNOLOGY: CostTechnology = 'current';

/** The preset's prices with the given keys overridden one by one. */
export function costTechnologyPrices(
  technology: CostTechnology,
  overrides: { readonly [K in Exclude<keyof CostTechnologyPrices, 'priceClass'>]?: number | undefined } = {},
): CostTechnologyPrices {
  const preset = COST_TECHNOLOGY[technology];
  if (preset === undefined)
    throw new RangeError(`cost technology must be one of ${COST_TECHNOLOGIES.join(', ')}, got ${String(technology)}`);
  const out = {
    ...preset,
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)),
  } as CostTechnologyPrices;
  for (const [k, v] of Object.entries(out)) if (typeof v === 'number') nonNegative(k, v);
  return out;
}
