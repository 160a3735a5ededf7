/** Design files for the uncertainty tests, written into a temporary folder. */
import { fileURLToPath } from 'node:url';
import type { BreakEven } from '../../src/analysis/breakEven.js';
import type { SobolOutput, TornadoOutput } from '../../src/analysis/sensitivity.js';
import { writeFile } from '../helpers/tmp.js';

/**
 * AI1's published point (designs/ai1.yaml) as YAML lines with the space-qualified battery and radiator rows
 * (li-ion-leo, deployable-pumped: the battery then dominates the hardware), and the array at its row price.
 */
export const AI1 = [
  'mission: { lifetime_yr: 5, solarActivity: moderate }',
  'orbit: { altitude_km: 600, inclination_deg: sso, ltan_h: 6 }',
  'compute: { chip: gb300, chips: 72, utilization: 0.8 }',
  'power: { array: rosa-flex, arrayArea_m2: 600, battery: li-ion-leo }',
  'thermal: { radiator: deployable-pumped, radiatorArea_m2: 110, coating: osr }',
  'radiation: { shielding_mm_al: 5 }',
  'isl: { topology: grid, terminal: dwdm-1t }',
  'launch: { vehicle: starship, mass_kg: 2100 }',
];

export function designFile(dir: string, name: string, lines: readonly string[]): string {
  return writeFile(dir, `${name}.yaml`, `name: ${name}\n${lines.join('\n')}\n`);
}

/**
 * AI1 where every catalog row's distribution is switched off (`fixed`) except the battery cost, and the launch price
 * per kg is uncertain: the launch mass is then the same in every sample (no mass input varies) and
 * cost.launch_USD = price × launch mass (src/models/cost/cost.ts: "$/kg × m_launch when a $/kg override is given").
 */
export const LAUNCH_PRICE = { min: 200, mode: 900, max: 3000 } as const;
export function linearLaunchDesign(
  dir: string,
  rowInputs: readonly string[],
  economics = 'economics: { electricity_USD_per_kWh: 0.05, pue: 1.3 }',
): string {
  return designFile(dir, 'linear-launch', [
    ...AI1,
    economics,
    'uncertainty:',
    ...rowInputs.filter((p) => p !== 'catalogs.batteries.li-ion-leo.cost_USD_per_Wh').map((p) => `  ${p}: fixed`),
    `  economics.launchCost_USD_per_kg: { kind: triangular, min: ${LAUNCH_PRICE.min}, mode: ${LAUNCH_PRICE.mode}, max: ${LAUNCH_PRICE.max}, reason: test }`,
  ]);
}

const DESIGNS = fileURLToPath(new URL('../../designs/', import.meta.url));

/** A constellation file `name`.yaml of node `nodeFile` in designs/: the `body` lines, then the `extra` ones. */
function constellationFile(
  dir: string,
  name: string,
  nodeFile: string,
  body: readonly string[],
  extra: readonly string[],
): string {
  const lines = [`name: ${name}`, 'kind: constellation', `node: ${DESIGNS}${nodeFile}`, ...body, ...extra, ''];
  return writeFile(dir, `${name}.yaml`, lines.join('\n'));
}

/**
 * A light copy of designs/constellations/three-body-12.yaml (same node, shell, ISL and launch vehicle; no gateways, a
 * one-hour window, one snapshot: milliseconds per evaluation), with `extra` lines appended (e.g. an uncertainty:
 * section).
 */
export function threeBodyLight(
  dir: string,
  name: string,
  extra: readonly string[] = [],
  nodeFile = 'three-body.yaml',
): string {
  return constellationFile(
    dir,
    name,
    nodeFile,
    [
      'shells:',
      '  - { name: batch-1, altitude_km: 500, inclination_deg: sso, ltan_h: 10.5, planes: 1, satsPerPlane: 12, pattern: walker-delta }',
      'isl: { topology: ring, terminal: isl-100g }',
      'ground: { stations: [] }',
      "simulation: { epoch: '2025-06-01T00:00:00Z', duration_h: 1, step_s: 60, snapshots: 1 }",
      'launch: { vehicles: [{ vehicle: long-march-2d, cadence_per_yr: 10 }] }',
      'economics: { learningRate: 0.95, modelParams_B: 8 }',
    ],
    extra,
  );
}

/**
 * Four AI1-class nodes (designs/ai1.yaml at 550 km, 77 GB300, a silicon array of 1,250 m², a COTS battery, a
 * 257 m² radiator, no ISL), their chips busy all the time and
 * their bus, AIT, array, radiator, chip packaging and operations priced at 0, launched on one Starship: a constellation
 * whose verdict (its discounted LCOC over the ground's) crosses 1 at some launch price.
 */
export function ai1NearGround(dir: string, name: string, extra: readonly string[] = [], nodeFile = 'ai1.yaml'): string {
  return constellationFile(
    dir,
    name,
    nodeFile,
    [
      'shells:',
      '  - name: s1',
      '    altitude_km: 550',
      '    planes: 1',
      '    satsPerPlane: 4',
      '    node:',
      '      compute: { chips: 77, utilization: 1 }',
      '      power: { array: silicon-flex, arrayArea_m2: 1250, battery: li-ion-cots, eclipseComputeFraction: 0.45 }',
      '      thermal: { radiatorArea_m2: 257 }',
      '      launch: { mass_kg: 8740 }',
      '      cost: { technology: production-scale, chipIntegrationFraction: 0, operationsFraction_per_yr: 0, busCost_USD_per_kg: 0, aitFraction: 0, arrayPriceFactor: 0, arrayPriceClass: production, radiatorPriceFactor: 0, radiatorPriceClass: production }',
      'isl: { topology: none }',
      'ground: { stations: [] }',
      'simulation: { duration_h: 1, step_s: 60, snapshots: 1 }',
      'launch: { vehicles: [{ vehicle: starship, cadence_per_yr: 12 }] }',
    ],
    extra,
  );
}

/** A tornado bar of `input` whose output is `lo` with the input at its p5 and `hi` at its p95. */
export const tornadoBar = (input: string, lo: number, hi: number): TornadoOutput['bars'][number] => ({
  input,
  unit: 'u',
  low: 0,
  high: 1,
  nominal: null,
  outputAtLow: lo,
  outputAtHigh: hi,
  swing: Math.abs(hi - lo),
});

/** A tornado of the LCOC around a nominal 10 USD/PFLOP-day, drawn from `bars`. */
export const lcocTornado = (...bars: TornadoOutput['bars']): TornadoOutput => ({
  output: 'cost.lcoc_USD_per_PFLOP_day',
  unit: 'USD/PFLOP-day',
  nominalOutput: 10,
  bars,
});

/** Sobol' indices of `input` with bootstrap intervals ±0.01 (first order) and ±0.02 (total). */
export const sobolIndex = (input: string, first: number, total: number): SobolOutput['indices'][number] => ({
  input,
  first,
  firstLow: first - 0.01,
  firstHigh: first + 0.01,
  total,
  totalLow: total - 0.02,
  totalHigh: total + 0.02,
});

/** Sobol' indices of the launch mass (100 rows, unit variance, no note) of the given inputs. */
export const launchMassSobol = (...indices: SobolOutput['indices']): SobolOutput => ({
  output: 'mass.launch_kg',
  unit: 'kg',
  rows: 100,
  variance: 1,
  indices,
  note: null,
});

/**
 * A break-even scan of the launch price over 10–100,000 USD/kg (design value 500) where LCOC meets a terrestrial 5;
 * `over` gives the root, the side where space is cheaper and the curve.
 */
export const launchPriceBreakEven = (
  over: Pick<BreakEven, 'root' | 'roots' | 'spaceCheaper' | 'curve'> & Partial<BreakEven>,
): BreakEven => ({
  path: 'economics.launchCost_USD_per_kg',
  label: 'launch price',
  unit: 'USD/kg',
  domain: { lo: 10, hi: 1e5 },
  nominal: 500,
  status: 'found',
  lcocAtRoot: 5,
  terrestrialAtRoot: 5,
  message: '',
  ...over,
});

/** An uncertain input of a stand-in model (no file read): `path` ~ U(0, 1), continuous, every value accepted. */
export const unitUniformInput = (path: string, origin: 'design' | 'catalog', nominal: number, reason: string) => ({
  path,
  unit: 'u',
  origin,
  affects: 'compliance' as const,
  affectsWhy: 'a stand-in',
  distribution: { kind: 'uniform', min: 0, max: 1 },
  reason,
  nominal,
  integer: false,
  domain: { lo: 0, hi: 1 },
  check: () => undefined,
});

/** A unitless `<=` constraint `name` of a stand-in model, enforced or only checked. */
export const standInConstraint = (name: string, enforced: boolean) => ({
  name,
  unit: '-',
  sense: '<=',
  enforced,
  description: name,
});
