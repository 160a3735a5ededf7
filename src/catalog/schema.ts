/**
 * Schemas (zod) and TypeScript types of the hardware and ground-station catalogs in `designs/catalogs/*.yaml`.
 * Every field name carries its unit; every row has `id` (kebab-case), `name`, `source`, `year`.
 * Rows are strict objects: an unknown key is an error (usually a misspelt field).
 * Conventions for each field are documented in the header comment of the YAML file.
 */
import * as z from 'zod';
import { lazy } from '../base/lazy.js';
import { rowUncertaintySchema } from '../statistics/uncertainValue.js';
import { PRICE_CLASSES } from '../models/cost/learningCurve.js';

/** A row id: kebab-case. */
export const kebabId = lazy(() =>
  z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (lower-case letters, digits and dashes)'),
);
const positive = () => z.number().positive();
const nonNegative = () => z.number().nonnegative();

/**
 * The price class of a hardware row's price (src/models/cost/learningCurve.ts PRICE_CLASSES): first-unit (a qualified
 * low-rate price: programme learning applies), production (a production-line price, e.g. the Starlink-class supply
 * chain: no further learning) or market (bought at market price: off the curve, price trajectories only). Every row
 * states it, a design's own rows too: a design picks the class its maker buys at by picking the row.
 */
const priceClass = () =>
  z
    .enum(PRICE_CLASSES, {
      error: 'priceClass must be stated: first-unit (a low-rate price: learning applies), production or market',
    })
    .describe('Price class of cost_*: first-unit (learning applies) | production | market (no learning).');

const rowBase = lazy(() => ({
  id: kebabId(),
  name: z.string().min(1),
  /** Publication / dataset, URL if known; "estimate: …, basis …" for unpublished figures. */
  source: z.string().min(1),
  /** Year of the source / figure. */
  year: z.number().int().min(1950).max(2100),
  /**
   * Distributions of the row's estimated figures, by numeric field (src/statistics/uncertainValue.ts; checked
   * against the row in src/study/uncertainInputs.ts).
   */
  uncertainty: rowUncertaintySchema().optional(),
}));

export const PRECISIONS = ['FP4', 'FP8', 'INT4', 'INT8', 'BF16', 'FP16', 'TF32', 'FP32', 'FP64'] as const;
/** What a chip row's throughput figure states (chipRowSchema `figureKind`). */
export const CHIP_FIGURE_KINDS = ['peak', 'typical', 'sustained'] as const;

/*
 * Physical ranges: wide enough for every accelerator, battery, coating, terminal and launcher
 * flown or announced, narrow enough to catch a unit slip (W for kW, rad for krad, % for fraction).
 */
/** A chip's cold-plate figures (src/models/thermal/coolantLoop.ts): both optional, cited together. */
const chipCoolingFields = () => ({
  /** Junction-to-coolant-inlet resistance per chip [K/W] (lid, TIM and cold plate): liquid cold plates 0.005–0.2. */
  junctionToCoolant_K_per_W: z.number().min(0).max(1).optional(),
  /** Highest coolant supply temperature the part is qualified for [K] (ASHRAE W-class): 290–340 K. */
  coolantInletMax_K: z.number().min(280).max(360).optional(),
  /** Where the two cooling figures come from (required with either). */
  coolingSource: z.string().min(1).optional(),
});

const citesCooling = (r: {
  junctionToCoolant_K_per_W?: number | undefined;
  coolantInletMax_K?: number | undefined;
  coolingSource?: string | undefined;
}): boolean =>
  (r.junctionToCoolant_K_per_W === undefined && r.coolantInletMax_K === undefined) || r.coolingSource !== undefined;

/** A chip row's number format; left out, said as priceClass says it (a wrong value: "must be one of …, got …"). */
const precisionField = () =>
  z.enum(PRECISIONS, {
    error: (iss) =>
      iss.input === undefined
        ? `precision must be stated: the number format peakTFLOPS is quoted at, one of ${PRECISIONS.join(', ')}`
        : undefined,
  });

export const chipRowSchema = lazy(() =>
  z
    .strictObject({
      ...rowBase(),
      precision: precisionField(),
      /**
       * Dense peak at `precision` [TFLOPS or TOPS]: edge NPUs ~1, Blackwell FP4 ~10,000; above 100,000 is a unit slip.
       */
      peakTFLOPS: z.number().positive().max(1e5),
      /** Accelerator TDP [W]: 1 W (edge) to ~3 kW (the largest announced packages). */
      chipPower_W: z.number().min(1).max(5000),
      /** All-in power per chip incl. host, network, conversion [W]: at least the chip's own. */
      systemPowerPerChip_W: z.number().min(1).max(20000),
      /** Flight-packaged mass per chip [kg]: 0.01 (edge module) to 100 (a rack share). */
      massPerChip_kg: z.number().min(0.01).max(100),
      costPerChip_USD: z.number().min(0).max(1e7),
      /** Total ionizing dose tolerated [rad(Si)]: COTS ~1 krad to rad-hard ~1 Mrad (SHIELDOSE-2/JEDEC JESD57 scale). */
      tidTolerance_rad: z.number().min(100).max(1e7),
      /** Where tidTolerance_rad comes from: a test (part, beam, dose reached) or "assumption: …" with its basis. */
      tidToleranceSource: z.string().min(1).optional(),
      /** Total dose where soft, recoverable faults begin (e.g. HBM irregularities) [rad(Si)]; absent: the tolerance. */
      softDoseThreshold_rad: z.number().min(10).max(1e7).optional(),
      /** Junction limit [K]: silicon parts are specified from ~330 K (58 °C) to ~423 K (150 °C, automotive grade 0). */
      maxJunctionTemp_K: z.number().min(320).max(450),
      ...chipCoolingFields(),
      idlePowerFraction: z.number().min(0).lt(1),
      /**
       * What `peakTFLOPS` states: `peak` (the maximum rate: a datasheet peak, or a press "up to" figure), `typical`
       * (the rate the part runs at while busy, as its maker states it) or `sustained` (measured on a named workload).
       */
      figureKind: z.enum(CHIP_FIGURE_KINDS, {
        error: `figureKind is required: ${CHIP_FIGURE_KINDS.join(' | ')} — what peakTFLOPS states (peak: a datasheet or "up to" maximum)`,
      }),
      /**
       * `peak` rows: typical rate while busy / stated peak [-], (0, 1]; the compute waterfall's `typical` step. Absent:
       * not derated.
       */
      typicalFraction: z.number().gt(0).max(1).optional(),
      /**
       * Where typicalFraction comes from: a citation, or "estimate: …" with its basis (required with typicalFraction).
       */
      typicalFractionSource: z.string().min(1).optional(),
      /**
       * Memory (HBM) bandwidth per chip [TB/s], from the datasheet: 0.01 (edge LPDDR) to 100; absent: not published (no
       * token rate).
       */
      memoryBandwidth_TB_per_s: z.number().min(0.01).max(100).optional(),
      /** Memory capacity per chip [GB]: 1 to 10,000; absent: not published. */
      memoryCapacity_GB: z.number().min(1).max(10000).optional(),
      /** Where the memory figures come from (required with them). */
      memorySource: z.string().min(1).optional(),
    })
    .refine((r) => (r.memoryBandwidth_TB_per_s === undefined) === (r.memoryCapacity_GB === undefined), {
      message:
        'memoryBandwidth_TB_per_s and memoryCapacity_GB go together (the roofline token model needs both): give both from the datasheet, or neither',
      path: ['memoryCapacity_GB'],
    })
    .refine((r) => (r.memoryBandwidth_TB_per_s === undefined) === (r.memorySource === undefined), {
      message: 'memorySource is required with the memory figures (and only with them): cite the datasheet',
      path: ['memorySource'],
    })
    .refine((r) => r.typicalFraction === undefined || r.figureKind === 'peak', {
      message:
        'typicalFraction derates a peak figure: set figureKind: peak, or remove typicalFraction (a typical or sustained figure is used as is)',
      path: ['typicalFraction'],
    })
    .refine((r) => (r.typicalFraction === undefined) === (r.typicalFractionSource === undefined), {
      message:
        'typicalFraction and typicalFractionSource go together: cite where the fraction comes from ("estimate: …" with its basis if unpublished)',
      path: ['typicalFractionSource'],
    })
    .refine(citesCooling, {
      message:
        'junctionToCoolant_K_per_W and coolantInletMax_K need coolingSource: cite them ("estimate: …" if unpublished)',
      path: ['coolingSource'],
    })
    .refine((r) => r.systemPowerPerChip_W >= r.chipPower_W, {
      message: 'systemPowerPerChip_W must be at least chipPower_W (it includes the chip)',
      path: ['systemPowerPerChip_W'],
    })
    .refine((r) => r.softDoseThreshold_rad === undefined || r.softDoseThreshold_rad <= r.tidTolerance_rad, {
      message: 'softDoseThreshold_rad must not exceed tidTolerance_rad (soft faults begin before failure)',
      path: ['softDoseThreshold_rad'],
    }),
);

/** AM0 solar irradiance at 1 AU used to rate cells [W/m²] (Kopp & Lean 2011; the models' SOLAR_CONSTANT_W_m2). */
const RATING_IRRADIANCE_W_m2 = 1361;

/**
 * Solar-array technology. Ranges are physical plausibility bounds (each with its reason), so that a typo such as a
 * percentage for a fraction (30 for 0.30) or %/K for 1/K (−0.45 for −0.0045) fails at load time.
 */
export const solarArrayRowSchema = lazy(() =>
  z
    .strictObject({
      ...rowBase(),
      /** Price class of the row's price (PRICE_CLASSES); every row states it. */
      priceClass: priceClass(),
      /**
       * AM0 cell efficiency at referenceTemp_K [-]. ≤ 0.5, the model's validity range (src/models/power/solarArray.ts):
       * every
       * cell made stays below it (the ~47 % laboratory records are multi-junction cells under concentrated light;
       * space-qualified one-sun AM0 cells reach ~0.30–0.33, e.g. XTE-HF 32.1 %, docs/sources.md §4).
       */
      cellEfficiency: z.number().gt(0).max(0.5),
      /** Cell area / array area [-]: cells cannot cover more than the array. */
      packingFactor: z.number().gt(0).max(1),
      /**
       * Design/assembly/wiring/mismatch losses only [-] (temperature is applied separately). ≥ 0.49: SMAD 3rd ed. §11.4
       * gives I_d 0.49–0.88 with temperature and shadowing included, so a figure without them cannot be lower.
       */
      inherentDegradation: z.number().min(0.49).max(1),
      /**
       * Fractional power loss per year [1/yr]. ≤ 0.1: SMAD's LEO planning values are 2.75 %/yr (GaAs/MJ) and 3.75 %/yr
       * (Si); GEO telemetry shows 0.44–1.69 %/yr (Lohmeyer et al. 2018); 10 %/yr would halve the output in 6.6 years.
       */
      degradationPerYear: z.number().min(0).max(0.1),
      /**
       * Relative power change per K above referenceTemp_K [1/K]. −0.01…0: PV power falls with temperature; measured
       * coefficients span −0.17 %/K (perovskite) and −0.32 %/K (Si heterojunction; EPJ-PV 2025, pv20240072 Table 5) to
       * −0.45 %/K (diffused Si, Sanyo via EPJ-PV 2013), triple junction ~−0.2 %/K; −1 %/K is over twice the steepest.
       */
      tempCoefficient_per_K: z.number().min(-0.01).max(0),
      /**
       * Rating temperature of cellEfficiency [K]: 288–308 K brackets the 25 °C (terrestrial) and 28 °C (AM0) standards.
       */
      referenceTemp_K: z.number().min(288).max(308),
      /** Typical sunlit operating temperature [K]: 200–420 K, the validity range of the linear temperature model. */
      operatingTemp_K: z.number().min(200).max(420),
      /**
       * Array mass per m² [kg/m²], 0.1–20: a bare 25 µm polyimide blanket alone is ~0.04 kg/m² and flown flexible wings
       * are ~2.6 (ISS SAW 1,100 kg / 420 m²) to ~3 (iROSA 340 kg / 117 m²); rigid panels 3–5; 20 is above the ISS
       * photovoltaic radiator (17.5 kg/m², docs/sources.md §4), the heaviest deployable panel in the sources.
       */
      arealDensity_kg_m2: z.number().min(0.1).max(20),
      cost_USD_per_W: nonNegative(),
      /**
       * W BOL per m³ stowed, ≤ 200 kW/m³: 5 × the best published packaging (~40 kW/m³, Mikulas et al. NTRS
       * 20150006022).
       */
      stowedPowerDensity_W_per_m3: z.number().positive().max(200_000),
      /**
       * Rated output as array makers and papers quote it [W/m²]: AM0 1361 W/m², cells at referenceTemp_K, packing
       * included, before inherent degradation and operating-temperature derating. The model's beginning-of-life
       * output is this × (1 + γ (operatingTemp_K − referenceTemp_K)) × inherentDegradation (SMAD 3rd ed. §11.4;
       * src/models/power/solarArray.ts). Must equal η × packing × 1361 W/m² within 0.5 % (which admits ratings on the
       * 1366.1 W/m² ASTM E490 AM0 spectrum); test/catalog/arrays.test.ts checks each row by hand.
       */
      ratedPower_W_m2: z
        .number()
        .positive()
        .max(0.5 * RATING_IRRADIANCE_W_m2)
        .optional(),
      /**
       * Largest flown single wing of this technology class: deployed area [m²] and power [W] (the plausibility warning
       * compares a design's array with them; a node's array may be several wings). Absent: no flown example cited.
       */
      flightProvenArea_m2: z.number().positive().optional(),
      flightProvenPower_W: z.number().positive().optional(),
    })
    .superRefine((row, ctx) => {
      if (row.ratedPower_W_m2 === undefined) return;
      const expected = row.cellEfficiency * row.packingFactor * RATING_IRRADIANCE_W_m2;
      if (Math.abs(row.ratedPower_W_m2 / expected - 1) > 0.005) {
        ctx.addIssue({
          code: 'custom',
          path: ['ratedPower_W_m2'],
          message: `must equal cellEfficiency × packingFactor × 1361 W/m² = ${expected.toFixed(1)} W/m² within 0.5 % (a rated, AM0 28 °C figure before derating)`,
        });
      }
    }),
);

export const batteryRowSchema = lazy(() =>
  z.strictObject({
    ...rowBase(),
    /** Price class of the row's price (PRICE_CLASSES); every row states it. */
    priceClass: priceClass(),
    /**
     * [Wh/kg]: NiH2 ~40 (SMAD) to announced Li-metal/solid-state cells ~500; above 600 exceeds any battery chemistry in
     * use.
     */
    specificEnergy_Wh_per_kg: z.number().min(10).max(600),
    maxDepthOfDischarge: z.number().gt(0).max(1),
    /** Battery-to-load efficiency [-]: Li-ion ~0.9–0.98; below 0.5 is not a flight battery. */
    dischargeEfficiency: z.number().min(0.5).max(1),
    /** [USD/Wh]: terrestrial cells ~0.1 to space-qualified packs of a few hundred. */
    cost_USD_per_Wh: z.number().min(0).max(2000),
    /** Rated cycles [-]: LEO needs ~5,500 per year; up to 10⁶. */
    cycleLife: z.number().int().positive().max(1e6),
  }),
);

export const radiatorRowSchema = lazy(() =>
  z.strictObject({
    ...rowBase(),
    /** Price class of the row's price (PRICE_CLASSES); every row states it. */
    priceClass: priceClass(),
    /**
     * System mass per m² of planform [kg/m²]: flown and proposed deployables span ~2–20 (body-mounted 2–3, ISS PVR
     * 17.5).
     */
    arealDensity_kg_m2: z.number().min(0.5).max(40),
    /**
     * Coolant supply to radiator outlet [K]: interface heat exchanger, tube film and saddle (0 for a radiator fed
     * directly at a stated temperature); above ~80 K no useful radiator temperature is left.
     */
    loopDeltaT_K: z.number().min(0).max(80),
    /** Working fluid: a coolants.yaml id. */
    coolant: kebabId(),
    /**
     * Fin efficiency of the panel [-] (Gilmore 2002 ch. 6: 0.8–0.95 for honeycomb panels); absent: 1, fin drop inside
     * loopDeltaT_K.
     */
    finEfficiency: z.number().gt(0.3).max(1).optional(),
    /**
     * Tube-and-fin panel geometry (src/models/thermal/radiatorPanel.ts): the fin efficiency follows from it at the
     * loop temperature; absent: finEfficiency.
     */
    panel: z
      .strictObject({
        /** Face sheet feeding one radiating face [m]: 0.05–5 mm. */
        finThickness_m: z.number().min(5e-5).max(5e-3),
        /** Sheet conductivity [W/(m·K)]: composites ~20 to pyrolytic graphite ~1,500. */
        finConductivity_W_mK: z.number().min(1).max(2000),
        /** Tube spacing [m]: 1 cm to 1 m. */
        tubePitch_m: z.number().min(0.01).max(1),
        /** Tube or saddle width on the sheet [m]. */
        tubeDiameter_m: z.number().min(0.001).max(0.1),
      })
      .refine((g) => g.tubePitch_m > g.tubeDiameter_m, { message: 'panel.tubePitch_m must exceed tubeDiameter_m' })
      .optional(),
    /** Highest radiator surface temperature of the technology [K]. */
    maxTemp_K: z.number().min(150).max(600),
    cost_USD_per_m2: nonNegative(),
    stowedArea_m2_per_m3: positive(),
    /** Largest flown (or built) single radiator system of this class [m² planform], for the plausibility warning. */
    flightProvenArea_m2: positive().optional(),
  }),
);

/**
 * Coolant (working fluid of a pumped loop). Properties at the loop temperature from the NIST Chemistry WebBook
 * (Lemmon, McLinden & Friend, NIST SRD 69) or ASHRAE Handbook—Fundamentals (glycol solutions).
 */
export const coolantRowSchema = lazy(() =>
  z.strictObject({
    ...rowBase(),
    phase: z.enum(['single-phase', 'two-phase']),
    /** Liquid specific heat [J/(kg·K)]: liquids span ~1,000 (fluorinated) to ~4,700 (ammonia). */
    specificHeat_J_per_kgK: z.number().min(500).max(6000),
    /** Liquid density [kg/m³]. */
    density_kg_m3: z.number().min(300).max(2500),
    /** Latent heat of vaporization at the loop temperature [J/kg] (two-phase rows). */
    latentHeat_J_per_kg: z.number().min(5e4).max(3e6).optional(),
    freezingPoint_K: z.number().min(50).max(400),
    /** Lowest loop temperature allowed (freezing point plus margin) [K]: the cold-case heater holds it. */
    minOperatingTemp_K: z.number().min(100).max(400),
  }),
);

export const coatingRowSchema = lazy(() =>
  z
    .strictObject({
      ...rowBase(),
      /** Solar absorptance [-]: the best second-surface mirrors reach ~0.04 (Fortescue Table 11.3). */
      absorptanceBol: z.number().min(0.02).max(1),
      absorptanceEol: z.number().min(0.02).max(1),
      /** Hemispherical IR emittance [-]: polished metals ~0.03, black paint ~0.9; 1 is the black-body bound. */
      emittance: z.number().min(0.02).max(1),
      emittanceEol: z.number().min(0.02).max(1),
    })
    .refine((r) => r.absorptanceEol >= r.absorptanceBol, {
      message: 'absorptanceEol must be ≥ absorptanceBol (UV and contamination darken coatings)',
      path: ['absorptanceEol'],
    }),
);

export const islTerminalRowSchema = lazy(() =>
  z.strictObject({
    ...rowBase(),
    /** Price class of the row's price (PRICE_CLASSES); every row states it. */
    priceClass: priceClass(),
    /** [Gbps]: 1 (CubeSat lasercom) to ~10,000 (Suncatcher DWDM per aperture) per terminal. */
    capacity_Gbps: z.number().positive().max(1e5),
    mass_kg: z.number().min(0).max(1000),
    power_W: z.number().min(0).max(1e4),
    cost_USD: nonNegative(),
    /** [km]: formation links of ~1 km to GEO relays at ~80,000 km. */
    range_km: z.number().positive().max(1e5),
    /** Link-budget figures (src/models/links/linkBudget.ts). */
    transmitPower_W: positive(),
    apertureDiameter_m: z.number().positive().max(2),
    wavelength_nm: z.number().min(300).max(12000),
    receiverSensitivity_photonsPerBit: positive(),
    maxSlewRate_deg_s: positive(),
  }),
);

/** One published performance point: payload [kg] into a circular orbit of this altitude and inclination. */
const performancePointSchema = lazy(() =>
  z
    .strictObject({
      /** [km]: 150 (lowest quoted LEO) to 2000 (top of LEO). */
      altitude_km: z.number().min(150).max(2000),
      /** [deg], or "sso" for sun-synchronous at this altitude. */
      inclination_deg: z.union([z.number().min(0).max(180), z.literal('sso')]),
      payload_kg: z.number().min(1).max(500000),
      /**
       * A bound: the source states this payload for every circular orbit up to this altitude and up to this
       * inclination (e.g. "up to 500-km circular orbit at up to 98.9-deg inclination").
       */
      upTo: z.boolean().optional(),
      /** Document, table or figure, year. */
      source: z.string().min(1),
    })
    .refine((p) => p.inclination_deg !== 'sso' || p.altitude_km >= 300, {
      message: 'must be at least 300 km for a sun-synchronous point (the SSO inclination model covers 300–2000 km)',
      path: ['altitude_km'],
    }),
);

export const launchVehicleRowSchema = lazy(() =>
  z.strictObject({
    ...rowBase(),
    /** [kg]: small launchers ~100 kg to fully reusable super-heavy ~250 t. */
    payloadLeo_kg: z.number().min(10).max(500000),
    referenceAltitude_km: z.number().min(100).max(2000),
    price_USD: z.number().min(0).max(5e9),
    fairingVolume_m3: z.number().positive().max(10000),
    /**
     * Usable payload envelope from the vehicle's user's guide [m]: diameter, height of its cylinder and of its top
     * above the separation plane, with the document. With it a launch's count by volume is geometric (stowed boxes
     * stacked in the envelope, src/models/launch/fairingPacking.ts); absent: packing efficiency × fairingVolume_m3.
     */
    fairing: z
      .strictObject({
        diameter_m: z.number().min(0.5).max(20),
        cylinderHeight_m: z.number().min(0.5).max(50),
        height_m: z.number().min(0.5).max(60),
        /** Diameter at height_m where the guide's envelope ends flat (absent: the cone closes to a point). */
        topDiameter_m: z.number().min(0).max(20).optional(),
        source: z.string().min(1),
      })
      .refine((f) => f.height_m >= f.cylinderHeight_m, {
        message: 'height_m must be at least cylinderHeight_m (the ogive sits on the cylinder)',
        path: ['height_m'],
      })
      .refine((f) => (f.topDiameter_m ?? 0) <= f.diameter_m, {
        message: 'topDiameter_m must be at most diameter_m (the envelope narrows above its cylinder)',
        path: ['topDiameter_m'],
      })
      .optional(),
    /**
     * The dispenser or adapter a launch of this row carries besides its satellites, with the document that gives its
     * mass: the count by mass is ⌊(payload − mass_kg) / satellite mass⌋. Absent: none (satellites stacked without a
     * dispenser, as Starlink flies, or the row's flown points already count it). columnDiameter_m: a central column
     * the satellites mount on, in tiers around it (src/models/launch/fairingPacking.ts columnDispenserPacking);
     * absent: flat layers filling the envelope.
     */
    dispenser: z
      .strictObject({
        mass_kg: z.number().min(0).max(20000),
        columnDiameter_m: z.number().positive().max(20).optional(),
        source: z.string().min(1),
      })
      .optional(),
    reusable: z.boolean(),
    /**
     * Published payload to circular orbits, each point citing its document, table or figure and year: the only
     * performance odc uses (src/models/launch/launchPerformance.ts interpolates between them, extrapolates a stated
     * ΔV beyond them with a flag, refuses further). Absent: the vehicle is refused for every orbit (payloadLeo_kg is
     * the headline figure, for the catalog listing and $/kg at its reference orbit only).
     */
    performance: z
      .array(performancePointSchema())
      .min(1)
      .optional()
      .refine(
        (pts) =>
          pts === undefined || new Set(pts.map((p) => `${p.altitude_km}|${p.inclination_deg}`)).size === pts.length,
        {
          message: 'has two points at the same altitude and inclination (keep one per orbit)',
        },
      ),
    /**
     * Final stage for the rocket-equation extrapolation; absent: Isp 340 s, dry mass 20 % of the largest published
     * payload (estimate).
     */
    upperStage: z
      .strictObject({
        /** Burnout mass without payload [kg]: kick stages ~100 kg to Starship's ~120 t ship. */
        dryMass_kg: z.number().min(10).max(500000),
        /** Vacuum specific impulse [s]: solid kick motors ~280 s to hydrolox ~465 s. */
        isp_s: z.number().min(150).max(500),
      })
      .optional(),
    /**
     * Not offered for sun-synchronous orbits (refused for any orbit within 1° of the SSO inclination): why, with
     * sources (no SSO flight, no published SSO figure, no upper stage). Absent: offered where its points reach.
     */
    ssoNotOffered: z.string().min(1).optional(),
  }),
);

/** Gateway / ground station: WGS-84 geodetic position and aggregate downlink capacity. */
export const groundStationRowSchema = lazy(() =>
  z.strictObject({
    ...rowBase(),
    lat_deg: z.number().min(-90).max(90),
    lon_deg: z.number().min(-180).max(180),
    /** Antenna height; allows the few metres below the ellipsoid of coastal sites. */
    altitude_m: z.number().min(-500).max(9000),
    capacity_Gbps: positive(),
  }),
);

/** File name and row schema (its getter: schemas are built on first use, see src/base/lazy.ts) of each catalog. */
export const CATALOG_SPECS = {
  chips: { file: 'chips.yaml', schema: chipRowSchema },
  solarArrays: { file: 'solar-arrays.yaml', schema: solarArrayRowSchema },
  batteries: { file: 'batteries.yaml', schema: batteryRowSchema },
  radiators: { file: 'radiators.yaml', schema: radiatorRowSchema },
  coolants: { file: 'coolants.yaml', schema: coolantRowSchema },
  coatings: { file: 'coatings.yaml', schema: coatingRowSchema },
  islTerminals: { file: 'isl-terminals.yaml', schema: islTerminalRowSchema },
  launchVehicles: { file: 'launch-vehicles.yaml', schema: launchVehicleRowSchema },
  groundStations: { file: 'ground-stations.yaml', schema: groundStationRowSchema },
} as const satisfies Record<string, { readonly file: string; readonly schema: () => z.ZodObject }>;

/** Every catalog's rows, by kind (the row types inferred from CATALOG_SPECS' schemas). */
export type Catalogs = {
  readonly [K in keyof typeof CATALOG_SPECS]: readonly Readonly<
    z.infer<ReturnType<(typeof CATALOG_SPECS)[K]['schema']>>
  >[];
};
export type CatalogKind = keyof Catalogs;
export type CatalogRow<K extends CatalogKind> = Catalogs[K][number];
export type ChipRow = CatalogRow<'chips'>;
export type SolarArrayRow = CatalogRow<'solarArrays'>;
export type BatteryRow = CatalogRow<'batteries'>;
export type RadiatorRow = CatalogRow<'radiators'>;
export type CoolantRow = CatalogRow<'coolants'>;
export type CoatingRow = CatalogRow<'coatings'>;
export type IslTerminalRow = CatalogRow<'islTerminals'>;
export type LaunchVehicleRow = CatalogRow<'launchVehicles'>;
export type GroundStationRow = CatalogRow<'groundStations'>;

export const CATALOG_KINDS = Object.keys(CATALOG_SPECS) as readonly CatalogKind[];
