/**
 * Cost technology presets: one consistent set of recurring hardware prices for the maturity of the production
 * line that builds the node — array and radiator price factors (× the catalog row's $/W and $/m²), bus price
 * per kg, assembly/integration/test (AIT) share and a space-packaging premium on the chips: the first unit's prices.
 * Learning across the units built follows the programme size, not the preset (`programmeLearningRate` in
 * learningCurve.ts, applied by lifecycleProgram.ts over `economics.units`).
 *
 * Method: price of an item = preset factor × catalog price (array, radiator) or the preset's own price (bus,
 * AIT share, chip premium); every key can be overridden one by one (`cost.*` in a design). Catalog rows carry
 * commercial 2024–2026 prices ("current": factor 1). The presets are ordered: every price of production-scale
 * ≤ current ≤ heritage, so the same design never costs more at a more mature production level.
 *
 * Numbers and sources (USD of the year given):
 * - heritage — a low-rate, conventionally qualified spacecraft (< 10 units):
 *   · array × 2: ESTIMATE. Rigid triple-junction panels at $50/W (spacedc-mdao `solar_arrays.yaml`, 2026)
 *     are 1.7× the rosa-flex row's $30/W; "operating spacecraft solar arrays cost about $80,000 per kilowatt
 *     and up" (NASA/SSI Satellite Power Station survey, 1976; ~$450/W in 2025 dollars) bounds the class above.
 *   · radiator × 2: ESTIMATE, as the array (the iss-hrs row, flown heritage hardware, is 5× deployable-pumped).
 *   · bus $15,000/kg: ESTIMATE, 3× the current figure; no published $/kg for a conventional bus was found.
 *   · AIT 20 % of non-chip hardware: ESTIMATE, twice the serial-production share (one-off test campaigns).
 *   · chip premium 25 % of the chip price: ESTIMATE, board redesign, part screening and conformal coating of
 *     commercial accelerators for flight (the gb300 row's uncertainty allows a flight-integration premium).
 * - current — today's commercial constellation supplier building tens of nodes (odc's default, unchanged
 *   prices): array and radiator × 1 (catalog rows); bus $5,000/kg
 *   (ESTIMATE: ~4× Starlink V2 mini's ~$1,100/kg whole-satellite price, docs/sources.md §10); AIT 10 %
 *   (ESTIMATE: serial production); chips flown as commercial servers, premium 0.
 * - production-scale — a Starlink-class line building thousands:
 *   · bus $1,100/kg: Starlink V2 mini ~$800k for ~730 kg (Quilty Space estimate, 2024, docs/sources.md §10);
 *     a whole-satellite price, so an upper bound for the bus alone.
 *   · array × 0.27: the silicon-flex row's $8/W (estimated from Starlink's ~$22/W whole satellite, McCalip
 *     calculator 2025) over the rosa-flex row's $30/W.
 *   · radiator × 0.27: ESTIMATE, the array's ratio (no production radiator price is published).
 *   · AIT 5 %: ESTIMATE, automated serial integration. Chip premium 0.
 * Validity: factors in [0, 10], bus price in [0, 1e6] $/kg, AIT and chip premium in [0, 2].
 * Assumption: recurring hardware only; non-recurring design and tooling are in `economics.groundSegment_USD`.
 */
import { DEFAULT_AIT_FRACTION, DEFAULT_BUS_COST_USD_per_kg } from './cost.js';
import { nonNegative } from '../validate.js';

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
}

export const COST_TECHNOLOGY = {
  heritage: {
    arrayPriceFactor: 2,
    radiatorPriceFactor: 2,
    busCost_USD_per_kg: 15000,
    aitFraction: 0.2,
    chipIntegrationFraction: 0.25,
  },
  current: {
    arrayPriceFactor: 1,
    radiatorPriceFactor: 1,
    busCost_USD_per_kg: DEFAULT_BUS_COST_USD_per_kg,
    aitFraction: DEFAULT_AIT_FRACTION,
    chipIntegrationFraction: 0,
  },
  'production-scale': {
    arrayPriceFactor: 8 / 30,
    radiatorPriceFactor: 8 / 30,
    busCost_USD_per_kg: 1100,
    aitFraction: 0.05,
    chipIntegrationFraction: 0,
  },
} as const satisfies Record<string, CostTechnologyPrices>;
export type CostTechnology = keyof typeof COST_TECHNOLOGY;
export const COST_TECHNOLOGIES = Object.keys(COST_TECHNOLOGY) as CostTechnology[];
/** The default: today's catalog prices (see the header for the evidence). */
export const DEFAULT_COST_TECHNOLOGY: CostTechnology = 'current';

/** The preset's prices with the given keys overridden one by one. */
export function costTechnologyPrices(
  technology: CostTechnology,
  overrides: { readonly [K in keyof CostTechnologyPrices]?: number | undefined } = {},
): CostTechnologyPrices {
  const preset = COST_TECHNOLOGY[technology];
  if (preset === undefined)
    throw new RangeError(`cost technology must be one of ${COST_TECHNOLOGIES.join(', ')}, got ${String(technology)}`);
  const out = {
    ...preset,
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)),
  } as CostTechnologyPrices;
  for (const [k, v] of Object.entries(out)) nonNegative(k, v);
  return out;
}
