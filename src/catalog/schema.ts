/**
 * Schemas (zod) and TypeScript types of the hardware and ground-station catalogs in `designs/catalogs/*.yaml`.
 * Every field name carries its unit; every row has `id` (kebab-case), `name`, `source`, `year`.
 * Rows are strict objects: an unknown key is an error (usually a misspelt field).
 * Conventions for each field are documented in the header comment of the YAML file.
 */
import { z } from 'zod';

const kebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (lower-case letters, digits and dashes)');
const positive = () => z.number().positive();
const nonNegative = () => z.number().nonnegative();
const fraction = () => z.number().min(0).max(1);
const temperature_K = () => z.number().min(1).max(2000);

const rowBase = {
  id: kebabId,
  name: z.string().min(1),
  /** Publication / dataset, URL if known; "estimate: …, basis …" for unpublished figures. */
  source: z.string().min(1),
  /** Year of the source / figure. */
  year: z.number().int().min(1950).max(2100),
};

export const PRECISIONS = ['FP4', 'FP8', 'INT4', 'INT8', 'BF16', 'FP16', 'TF32', 'FP32', 'FP64'] as const;

export const chipRowSchema = z.strictObject({
  ...rowBase,
  precision: z.enum(PRECISIONS),
  peakTFLOPS: positive(),
  chipPower_W: positive(),
  systemPowerPerChip_W: positive(),
  massPerChip_kg: positive(),
  costPerChip_USD: nonNegative(),
  tidTolerance_rad: positive(),
  /** Total dose where soft, recoverable faults begin (e.g. HBM irregularities) [rad(Si)]; absent: the tolerance. */
  softDoseThreshold_rad: positive().optional(),
  maxJunctionTemp_K: temperature_K(),
  idlePowerFraction: z.number().min(0).lt(1),
});

export const solarArrayRowSchema = z.strictObject({
  ...rowBase,
  cellEfficiency: z.number().gt(0).max(1),
  packingFactor: z.number().gt(0).max(1),
  inherentDegradation: z.number().gt(0).max(1),
  degradationPerYear: z.number().min(0).lt(1),
  tempCoefficient_per_K: z.number().min(-0.05).max(0.05),
  referenceTemp_K: temperature_K(),
  operatingTemp_K: temperature_K(),
  arealDensity_kg_m2: positive(),
  cost_USD_per_W: nonNegative(),
  stowedPowerDensity_W_per_m3: positive(),
  /**
   * Rated output as array makers and papers quote it [W/m²]: AM0 1361 W/m², cells at referenceTemp_K, packing
   * included, before inherent degradation and operating-temperature derating. The model's beginning-of-life
   * output is this × (1 + γ (operatingTemp_K − referenceTemp_K)) × inherentDegradation (SMAD §21.2); checked
   * against η × packing × 1361 W/m² in test/catalog/arrays.test.ts.
   */
  ratedPower_W_m2: positive().optional(),
});

export const batteryRowSchema = z.strictObject({
  ...rowBase,
  specificEnergy_Wh_per_kg: positive(),
  maxDepthOfDischarge: z.number().gt(0).max(1),
  dischargeEfficiency: z.number().gt(0).max(1),
  cost_USD_per_Wh: nonNegative(),
  cycleLife: z.number().int().positive(),
});

export const radiatorRowSchema = z.strictObject({
  ...rowBase,
  arealDensity_kg_m2: positive(),
  loopDeltaT_K: nonNegative(),
  pumpPower_W_per_W: z.number().min(0).max(1),
  maxTemp_K: temperature_K(),
  cost_USD_per_m2: nonNegative(),
  stowedArea_m2_per_m3: positive(),
});

export const coatingRowSchema = z.strictObject({
  ...rowBase,
  absorptanceBol: fraction(),
  absorptanceEol: fraction(),
  emittance: fraction(),
  emittanceEol: fraction(),
});

export const islTerminalRowSchema = z.strictObject({
  ...rowBase,
  capacity_Gbps: positive(),
  mass_kg: nonNegative(),
  power_W: nonNegative(),
  cost_USD: nonNegative(),
  range_km: positive(),
  /** Link-budget figures (src/models/linkBudget.ts). */
  transmitPower_W: positive(),
  apertureDiameter_m: z.number().positive().max(2),
  wavelength_nm: z.number().min(300).max(12000),
  receiverSensitivity_photonsPerBit: positive(),
  maxSlewRate_deg_s: positive(),
});

export const launchVehicleRowSchema = z.strictObject({
  ...rowBase,
  payloadLeo_kg: positive(),
  referenceAltitude_km: z.number().min(100).max(2000),
  price_USD: nonNegative(),
  fairingVolume_m3: positive(),
  reusable: z.boolean(),
});

/** Gateway / ground station: WGS-84 geodetic position and aggregate downlink capacity. */
export const groundStationRowSchema = z.strictObject({
  ...rowBase,
  lat_deg: z.number().min(-90).max(90),
  lon_deg: z.number().min(-180).max(180),
  /** Antenna height; allows the few metres below the ellipsoid of coastal sites. */
  altitude_m: z.number().min(-500).max(9000),
  capacity_Gbps: positive(),
});

export type ChipRow = Readonly<z.infer<typeof chipRowSchema>>;
export type SolarArrayRow = Readonly<z.infer<typeof solarArrayRowSchema>>;
export type BatteryRow = Readonly<z.infer<typeof batteryRowSchema>>;
export type RadiatorRow = Readonly<z.infer<typeof radiatorRowSchema>>;
export type CoatingRow = Readonly<z.infer<typeof coatingRowSchema>>;
export type IslTerminalRow = Readonly<z.infer<typeof islTerminalRowSchema>>;
export type LaunchVehicleRow = Readonly<z.infer<typeof launchVehicleRowSchema>>;
export type GroundStationRow = Readonly<z.infer<typeof groundStationRowSchema>>;

export interface Catalogs {
  readonly chips: readonly ChipRow[];
  readonly solarArrays: readonly SolarArrayRow[];
  readonly batteries: readonly BatteryRow[];
  readonly radiators: readonly RadiatorRow[];
  readonly coatings: readonly CoatingRow[];
  readonly islTerminals: readonly IslTerminalRow[];
  readonly launchVehicles: readonly LaunchVehicleRow[];
  readonly groundStations: readonly GroundStationRow[];
}

export type CatalogKind = keyof Catalogs;
export type CatalogRow<K extends CatalogKind> = Catalogs[K][number];

/** File name and row schema of each catalog. */
export const CATALOG_SPECS = {
  chips: { file: 'chips.yaml', schema: chipRowSchema },
  solarArrays: { file: 'solar-arrays.yaml', schema: solarArrayRowSchema },
  batteries: { file: 'batteries.yaml', schema: batteryRowSchema },
  radiators: { file: 'radiators.yaml', schema: radiatorRowSchema },
  coatings: { file: 'coatings.yaml', schema: coatingRowSchema },
  islTerminals: { file: 'isl-terminals.yaml', schema: islTerminalRowSchema },
  launchVehicles: { file: 'launch-vehicles.yaml', schema: launchVehicleRowSchema },
  groundStations: { file: 'ground-stations.yaml', schema: groundStationRowSchema },
} as const satisfies Record<CatalogKind, { readonly file: string; readonly schema: z.ZodObject }>;

export const CATALOG_KINDS = Object.keys(CATALOG_SPECS) as readonly CatalogKind[];
