/**
 * One schema for design and study files (designs/*.yaml). Every field declares its type, unit (in its
 * name), validity range and description; the JSON Schema in schemas/ is generated from it for editors.
 * Validity ranges are those of the models: e.g. 300–2000 km is the span of the shipped AP-8/AE-8 dose
 * table; 0.5–20 mm Al its shielding span.
 */
import * as z from 'zod';
import { catalogOverridesSchema } from '../catalog/overrides.js';
import { lazy } from '../core/lazy.js';
import { PRINTABLE, PRINTABLE_MESSAGE } from '../core/names.js';
import { designUncertaintySchema } from '../statistics/uncertainValue.js';
import { inferenceSchema, trajectoriesSchema } from './economicsSchemas.js';

/** A number field with its unit and model validity range, whose error messages say both. */
export const range = (name: string, lo: number, hi: number, unit: string, why: string) =>
  z
    .number({
      error: (iss) => (iss.input === undefined ? `${name} is required` : `${name} must be a number in ${unit}`),
    })
    .refine((v) => Number.isFinite(v), { message: `${name} must be a finite number` })
    .refine((v) => v >= lo && v <= hi, {
      message: `${name} is outside the model validity range ${lo}–${hi} ${unit} (${why}); use a value in that range`,
    });

/** A catalog id field. */
export const id = (what: string) =>
  z.string({ error: `must be a ${what} catalog id (a string); run 'odc catalog' to list them` }).min(1);

export const SOLAR_ACTIVITY = ['low', 'moderate', 'high'] as const;
export const TOPOLOGIES = ['none', 'ring', 'grid', 'mesh'] as const;

export const missionSchema = lazy(() =>
  z
    .strictObject({
      lifetime_yr: range(
        'mission.lifetime_yr',
        0.5,
        15,
        'yr',
        'degradation and availability models are fitted for 0.5–15 yr',
      )
        .default(5)
        .describe('Design lifetime [yr].'),
      solarActivity: z
        .enum(SOLAR_ACTIVITY)
        .default('moderate')
        .describe('Long-term solar activity for the CIRA-2012 density table: low | moderate | high.'),
      radiationDesignMargin: range(
        'mission.radiationDesignMargin',
        1,
        5,
        '(ratio)',
        'radiation design margin on the AP-8/AE-8 mean',
      )
        .default(2)
        .describe('Radiation design margin applied to the mission dose [-]; 2 is common practice for AP-8/AE-8.'),
    })
    .describe('Mission: lifetime and environment assumptions.'),
);

export const orbitSchema = lazy(() =>
  z
    .strictObject({
      altitude_km: range('orbit.altitude_km', 300, 2000, 'km', 'the AP-8/AE-8 dose table spans 300–2000 km')
        .default(600)
        .describe('Circular orbit altitude above the equatorial radius [km].'),
      inclination_deg: z
        .union([
          z.literal('sso'),
          range('orbit.inclination_deg', 0, 110, 'deg', 'the dose table spans 0° to the sun-synchronous inclination'),
        ])
        .default('sso')
        .describe('Inclination [deg], or "sso" for the J2 sun-synchronous inclination at this altitude.'),
      ltan_h: range('orbit.ltan_h', 0, 23.99, 'h', 'local time of the ascending node, 0 ≤ LTAN < 24')
        .default(6)
        .describe('Local time of the ascending node [h] for a sun-synchronous orbit (6 or 18 = dawn-dusk).'),
    })
    .describe('Orbit: circular LEO.'),
);

export const computeSchema = lazy(() =>
  z
    .strictObject({
      chip: id('chips').default('gb300').describe('Accelerator catalog id (designs/catalogs/chips.yaml).'),
      chips: z
        .number()
        .int('must be a whole number of chips')
        .min(1, 'must be at least 1')
        .max(100000, 'above 100000 is outside the node model (one satellite)')
        .default(72)
        .describe('Number of accelerators on the node [-].'),
      chipFailureRate_per_yr: range('compute.chipFailureRate_per_yr', 0, 10, '1/yr', 'chip failures without repair')
        .default(0.07)
        .describe(
          'Chip failure rate with no repair [1/yr]: mean availability over the life is (1 − e^(−λT))/(λT) (default 0.07, middle of the 5–9 %/yr of ODC calculators).',
        ),
      precision: z
        .enum(['FP4', 'FP8', 'INT4', 'INT8', 'BF16', 'FP16', 'TF32', 'FP32', 'FP64'])
        .optional()
        .describe(
          "Numeric precision the workload runs at; the peak is the row's dense peak × the tensor-core rate ratio (src/models/precision.ts: FP8/INT8 = 2 × BF16, FP4 = 4 ×, TF32 ½). Default: the chip row's precision.",
        ),
      sparsity: z
        .enum(['dense', '2:4'])
        .default('dense')
        .describe('dense, or 2:4 structured sparsity (doubles the peak, as vendors quote it).'),
      sustainedFraction: range(
        'compute.sustainedFraction',
        0.05,
        1,
        '(fraction)',
        'model FLOPs utilization of the workload',
      )
        .default(1)
        .describe(
          'Sustained fraction of peak while busy (model FLOPs utilization) [-]; default 1 (peak FLOPs). Llama 3 405B training: 0.40 (arXiv:2407.21783 §3.3.2); PaLM 540B: 0.462.',
        ),
      bytesOutPerFlop: range('compute.bytesOutPerFlop', 0, 1, 'B/FLOP', 'workload output per FLOP')
        .default(0)
        .describe(
          'Bytes the workload sends out per FLOP [B/FLOP]; the ISL capacity then caps delivered compute (default 0: no limit; LLM inference ≈ bytes per token / (2 × parameters)).',
        ),
      utilization: range('compute.utilization', 0.05, 1, '(fraction)', 'average compute utilization')
        .default(0.8)
        .describe('Average utilization of the accelerators [-], sets average IT power and delivered compute.'),
    })
    .describe('Compute payload.'),
);

export const powerSchema = lazy(() =>
  z
    .strictObject({
      array: id('solar-arrays')
        .default('rosa-flex')
        .describe('Solar array technology catalog id (designs/catalogs/solar-arrays.yaml).'),
      arrayArea_m2: range('power.arrayArea_m2', 1, 50000, 'm²', 'one node')
        .default(600)
        .describe('Solar array area [m²].'),
      battery: id('batteries').default('li-ion-leo').describe('Battery catalog id (designs/catalogs/batteries.yaml).'),
      depthOfDischarge: range('power.depthOfDischarge', 0.05, 0.9, '(fraction)', 'LEO cycling')
        .optional()
        .describe('Depth of discharge per eclipse [-]; defaults to the battery catalog maximum for LEO cycling.'),
      eclipseComputeFraction: range(
        'power.eclipseComputeFraction',
        0,
        1,
        '(fraction)',
        'share of average compute power kept through eclipses',
      )
        .default(1)
        .describe(
          'Compute power kept through eclipses, as a fraction of the average [-]; below 1 the battery shrinks (throttled or idled compute in shadow) and delivered compute and average IT power become orbit averages, × (1 − mean shadow fraction × (1 − this)).',
        ),
      busPower_W: range('power.busPower_W', 0, 1e6, 'W', 'bus housekeeping load')
        .optional()
        .describe('Bus housekeeping power (ADCS, C&DH, heaters, TT&C) [W]; default 3 % of peak IT power + 500 W.'),
      sizing: z
        .enum(['bol', 'eol'])
        .default('eol')
        .describe(
          'Array sizing point: eol (default; the array still carries the load after mission.lifetime_yr of degradation) or bol (beginning of life, as many published designs quote).',
        ),
      pathEfficiencyDaylight: range(
        'power.pathEfficiencyDaylight',
        0.3,
        1,
        '(fraction)',
        'SMAD path efficiency array → loads',
      )
        .default(0.8)
        .describe(
          'SMAD path efficiency array → loads X_d [-] (0.80 peak-power tracking; 0.85 direct energy transfer; SMAD §11.4 p. 415).',
        ),
      pathEfficiencyEclipse: range(
        'power.pathEfficiencyEclipse',
        0.3,
        1,
        '(fraction)',
        'SMAD path efficiency array → battery → loads',
      )
        .default(0.6)
        .describe(
          'SMAD path efficiency array → battery → loads X_e [-] (0.60 peak-power tracking; 0.65 direct energy transfer).',
        ),
      irradianceCase: z
        .enum(['mean', 'aphelion'])
        .default('mean')
        .describe(
          'Solar irradiance for the array: mean (1,361 W/m², Kopp & Lean 2011) or aphelion (1,316.6 W/m², the conservative sizing value).',
        ),
      sunIncidence_deg: range('power.sunIncidence_deg', 0, 80, 'deg', 'worst-season Sun angle off the array normal')
        .default(0)
        .describe(
          'Worst-season Sun angle off the array normal [deg] (the seasonal cosine loss; 0 for a 2-axis tracking array; SMAD FireSat 23.5°).',
        ),
      pointingError_deg: range('power.pointingError_deg', 0, 30, 'deg', 'array pointing error')
        .default(0)
        .describe('Array Sun-pointing error [deg] (cosine loss).'),
    })
    .describe('Electrical power: array, battery.'),
);

export const thermalSchema = lazy(() =>
  z
    .strictObject({
      radiator: id('radiators')
        .default('deployable-pumped')
        .describe('Radiator technology catalog id (designs/catalogs/radiators.yaml).'),
      radiatorArea_m2: range('thermal.radiatorArea_m2', 1, 20000, 'm²', 'one node')
        .default(110)
        .describe('Radiator planform area [m²], radiating from both faces.'),
      coating: id('coatings')
        .default('osr')
        .describe('Radiator surface coating catalog id (designs/catalogs/coatings.yaml).'),
      radiatorTemp_K: range('thermal.radiatorTemp_K', 150, 600, 'K', 'the radiator balance model range')
        .optional()
        .describe(
          'Fixes the mean radiator surface temperature [K]; the chain then runs upward and the junction temperature becomes a check (thermal.junctionTemp). Default: junction limit − cold plate − loop drop.',
        ),
      coolant: id('coolants')
        .optional()
        .describe("Loop working fluid (designs/catalogs/coolants.yaml); default: the radiator row's coolant."),
      loopDeltaT_K: range('thermal.loopDeltaT_K', 0, 80, 'K', 'coolant hot leg to mean radiator surface')
        .optional()
        .describe("Coolant hot leg to mean radiator surface [K]; default: the radiator row's loopDeltaT_K."),
      junctionToCoolant_K_per_W: range(
        'thermal.junctionToCoolant_K_per_W',
        0,
        1,
        'K/W',
        'cold-plate resistance per chip',
      )
        .default(0)
        .describe(
          'Junction-to-coolant thermal resistance per chip [K/W] (0: the cold-plate drop is inside loopDeltaT_K; a liquid cold plate on a ~1 kW GPU is ~0.02–0.05).',
        ),
      coolantTempRise_K: range(
        'thermal.coolantTempRise_K',
        1,
        60,
        'K',
        'single-phase coolant rise through the cold plates',
      )
        .default(10)
        .describe(
          'Single-phase coolant temperature rise through the cold plates [K] (sets the flow, hence the pump power; estimate 10 K).',
        ),
      exitQuality: range('thermal.exitQuality', 0.05, 1, '(fraction)', 'two-phase evaporator exit quality')
        .default(0.5)
        .describe('Two-phase evaporator exit vapour quality [-] (estimate 0.5; pumped two-phase loops run 0.3–0.7).'),
      loopPressureDrop_Pa: range('thermal.loopPressureDrop_Pa', 0, 2e6, 'Pa', 'pumped-loop pressure drop')
        .default(1e5)
        .describe('Loop pressure drop the pump overcomes [Pa] (estimate 100 kPa for a large pumped loop).'),
      pumpEfficiency: range('thermal.pumpEfficiency', 0.05, 1, '(fraction)', 'pump and motor efficiency')
        .default(0.35)
        .describe('Pump and motor efficiency [-] (estimate 0.35: small canned-motor centrifugal pumps run 0.25–0.45).'),
      finEfficiency: range('thermal.finEfficiency', 0.3, 1, '(fraction)', 'radiator fin efficiency')
        .optional()
        .describe("Radiator fin efficiency [-]; default the radiator row's, else 1 (fin drop inside loopDeltaT_K)."),
      attitude: z
        .enum(['vertical', 'horizontal'])
        .default('vertical')
        .describe(
          'Radiator plane: vertical (contains nadir, knife-edge to the Sun; each face sees the Earth with the vertical-plate view factor) or horizontal (one face to nadir, view factor 1/H², the other to zenith, 0).',
        ),
      earthViewFactors: z
        .tuple([
          range('thermal.earthViewFactors[0]', 0, 1, '(fraction)', 'view factor'),
          range('thermal.earthViewFactors[1]', 0, 1, '(fraction)', 'view factor'),
        ])
        .optional()
        .describe("Per-face Earth view factors [face 1, face 2] [-]; overrides the attitude's."),
      radiatingFaces: z
        .union([z.literal(1), z.literal(2)], { error: 'thermal.radiatingFaces must be 1 or 2' })
        .default(2)
        .describe(
          'Radiating faces of the radiator: 2 (double-sided, default) or 1 (back face insulated or facing the bus).',
        ),
      solarIncidence_deg: range('thermal.solarIncidence_deg', 0, 90, 'deg', 'Sun angle to the radiator plane')
        .default(5)
        .describe(
          'Angle between the Sun and the radiator plane in the hot case [deg] (5: yaw-steering error of a knife-edge radiator).',
        ),
      hotCase: z
        .strictObject({
          solarIrradiance_W_m2: range('thermal.hotCase.solarIrradiance_W_m2', 0, 1500, 'W/m²', 'direct Sun'),
          albedo: range('thermal.hotCase.albedo', 0, 1, '(fraction)', 'Earth albedo'),
          earthIR_W_m2: range('thermal.hotCase.earthIR_W_m2', 0, 350, 'W/m²', 'Earth OLR'),
        })
        .optional()
        .describe(
          'Hot-case environment; default 1,406 W/m² (perihelion), albedo 0.35, OLR 260 W/m² (src/models/thermal.ts).',
        ),
      coldCaseEarthIR_W_m2: range('thermal.coldCaseEarthIR_W_m2', 0, 350, 'W/m²', 'Earth OLR in the cold case')
        .default(206)
        .describe('Earth OLR in the eclipse cold case [W/m²] (heater sizing).'),
      coldCaseControl: z
        .enum(['heater', 'bypass'])
        .default('heater')
        .describe(
          'How the loop survives eclipse when little heat flows: heater (default, conservative: heaters hold the whole radiator at the loop minimum) or bypass (a radiator bypass valve keeps the loop warm: no heater power; panel freezing not modelled).',
        ),
      sinkTemp_K: range('thermal.sinkTemp_K', 0, 300, 'K', 'radiative sink')
        .default(3)
        .describe(
          "Radiative sink temperature [K]: 3 K deep space; an effective sink (e.g. ISS operations' −51 °C, SAE 981738) with hotCase all zeros.",
        ),
      rejects: z
        .enum(['all', 'it'])
        .default('all')
        .describe(
          'What the radiator rejects: all (IT, bus, ISL, pumps and battery losses, the default) or it (peak IT heat only, other heat on bus panels not sized here).',
        ),
    })
    .describe(
      'Thermal control: the chain from chip junction through cold plate and coolant loop to the radiator, hot and cold cases.',
    ),
);

export const radiationSchema = lazy(() =>
  z
    .strictObject({
      shielding_mm_al: range('radiation.shielding_mm_al', 0.5, 20, 'mm Al', 'the SHIELDOSE-2 table spans 0.5–20 mm')
        .default(5)
        .describe('Aluminium-equivalent shielding around the electronics [mm] (sphere radius in the dose table).'),
    })
    .describe('Radiation shielding.'),
);

export const islSchema = lazy(() =>
  z
    .strictObject({
      topology: z
        .enum(TOPOLOGIES)
        .default('none')
        .describe('Inter-satellite link topology: none (0 terminals), ring (2), grid (4), mesh (6).'),
      terminal: id('isl-terminals')
        .default('isl-100g')
        .describe('Optical ISL terminal catalog id (designs/catalogs/isl-terminals.yaml).'),
    })
    .describe('Inter-satellite links.'),
);

export const launchSchema = lazy(() =>
  z
    .strictObject({
      vehicle: id('launch-vehicles')
        .default('starship')
        .describe('Launch vehicle catalog id (designs/catalogs/launch-vehicles.yaml).'),
      mass_kg: range('launch.mass_kg', 10, 200000, 'kg', 'mass allocated to one node on its launcher')
        .default(2500)
        .describe('Launch mass allocated to this node [kg]; the built-up mass must fit (a constraint).'),
    })
    .describe('Launch.'),
);

export const massSchema = lazy(() =>
  z
    .strictObject({
      technology: z
        .enum(['heritage', 'current', 'aggressive'])
        .default('current')
        .describe(
          'Mass-factor preset (src/models/mass.ts): heritage (bus 1/3 of basic dry mass, margin 25 %), current (20 %, 20 %), aggressive (10 %, 10 %); busFraction and systemMargin override it.',
        ),
      busFraction: range('mass.busFraction', 0, 2, '(ratio)', 'bus mass per kg of separately sized items')
        .optional()
        .describe(
          'Bus mass (structure, ADCS, avionics, harness, propulsion dry) per kg of the sized items [-]; default from technology (current: 0.25).',
        ),
      systemMargin: range('mass.systemMargin', 0, 1, '(fraction)', 'system margin on basic dry mass')
        .optional()
        .describe('System margin on basic dry mass [-]; default from technology (current: 0.20, ESA CDF phase A).'),
      propellantTankFraction: range('mass.propellantTankFraction', 0, 1, '(ratio)', 'tank mass per kg of propellant')
        .default(0)
        .describe(
          'Propellant tankage per kg of propellant, outside the bus [-]; default 0 (propulsion dry mass is in busFraction; xenon COPV tanks ~0.1, Goebel & Katz 2008).',
        ),
    })
    .describe('Mass factors: bus allocation and system margin.'),
);

export const costSchema = lazy(() =>
  z
    .strictObject({
      technology: z
        .enum(['heritage', 'current', 'production-scale'])
        .default('current')
        .describe(
          'Cost preset (src/models/costTechnology.ts): prices for the production maturity of the line that builds the node. heritage (low-rate, qualified: ' +
            'array and radiator × 2, bus $15,000/kg, AIT 20 %, chips +25 %, learning 0.95), current (catalog prices, bus $5,000/kg, AIT 10 %, learning 0.90), ' +
            'production-scale (Starlink-class: array and radiator × 0.27, bus $1,100/kg, AIT 5 %, learning 0.85); the keys below override it one by one.',
        ),
      arrayPriceFactor: range('cost.arrayPriceFactor', 0, 10, '(ratio)', "multiplier on the array row's cost_USD_per_W")
        .optional()
        .describe("Multiplier on the solar-array row's $/W [-]; default from technology (current: 1)."),
      radiatorPriceFactor: range(
        'cost.radiatorPriceFactor',
        0,
        10,
        '(ratio)',
        "multiplier on the radiator row's cost_USD_per_m2",
      )
        .optional()
        .describe("Multiplier on the radiator row's $/m² [-]; default from technology (current: 1)."),
      busCost_USD_per_kg: range('cost.busCost_USD_per_kg', 0, 1e6, 'USD/kg', 'bus price per kg of bus mass')
        .optional()
        .describe('Bus price per kg of bus mass [USD/kg]; default from technology (current: 5,000).'),
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
          'Operations per node-year as a fraction of hardware + launch [1/yr]; default 0.02 (insurance + ground/ops share, src/models/cost.ts).',
        ),
    })
    .describe('Cost technology: the price level of the hardware and its learning across units.'),
);

export const dragSchema = lazy(() =>
  z
    .strictObject({
      dragCoefficient: range(
        'drag.dragCoefficient',
        1,
        4,
        '(ratio)',
        'free-molecular flat plates and satellites span ~2.0–2.6',
      )
        .default(2.2)
        .describe(
          'Drag coefficient C_D [-] (2.2: the flat-plate / satellite value of Vallado, Orekit and ESA; Mir re-entry 2.214).',
        ),
      arrayProjectionFactor: range(
        'drag.arrayProjectionFactor',
        0,
        1,
        '(fraction)',
        'mean projected share of the array area on the flow',
      )
        .default(2 / Math.PI)
        .describe(
          'Orbit-average projection of the array on the flow [-]: 2/π for a sun-tracking array turning once per orbit (β ≈ 0), 1 face-on (conservative), ≈ (2/π)·cos β dawn-dusk.',
        ),
      radiatorProjectionFactor: range(
        'drag.radiatorProjectionFactor',
        0,
        1,
        '(fraction)',
        'mean projected share of the radiator area on the flow',
      )
        .default(2 / Math.PI)
        .describe('Orbit-average projection of the radiator on the flow [-] (2/π: it turns with the array yoke).'),
      disposalSolarActivity: z
        .enum(['low', 'moderate', 'high'])
        .optional()
        .describe(
          'Solar activity for the passive-decay check when disposalSolarCycle is fixed; default mission.solarActivity. "low" is the conservative (longest) case.',
        ),
      disposalSolarCycle: z
        .enum(['fixed', 'cycle-mean', 'cycle-worst'])
        .default('cycle-worst')
        .describe(
          'Density history of the passive decay: through the CIRA-2012 solar-cycle template from the worst of 12 start phases (cycle-worst, default: conservative for the FCC check), their mean (cycle-mean), or one fixed activity level (fixed).',
        ),
      formationKeepingDeltaV_m_s_per_yr: range(
        'drag.formationKeepingDeltaV_m_s_per_yr',
        0,
        1000,
        'm/s per yr',
        'formation keeping on top of drag make-up',
      )
        .default(0)
        .describe(
          'Station-keeping Δv beyond drag make-up [m/s per yr], e.g. keeping a cluster formation against differential J2; constellation files set it for cluster shells. Its propellant joins the drag make-up propellant (rocket equation, mass.propellant_kg).',
        ),
      disposalAttitude: z
        .enum(['tumbling', 'operational', 'edge-on'])
        .default('tumbling')
        .describe(
          "Attitude of the dead node during decay: tumbling (default; mean projected area of a randomly tumbling plate = half its one-face area, Cauchy's surface-area formula), operational (the orbit-average projections above), edge-on (bus only: the longest decay).",
        ),
    })
    .describe('Drag assumptions: C_D, attitude (projected areas) and the solar activity of the disposal check.'),
);

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
      units: z
        .number()
        .int('must be a whole number of nodes')
        .min(1)
        .max(1e6, "at most 1,000,000 nodes (the fleet model's range)")
        .default(1)
        .describe(
          'Nodes built and kept in service [-]: hardware follows the learning curve across them (src/models/learningCurve.ts); 1 = one node.',
        ),
      learningRate: range('economics.learningRate', 0.5, 1, '(fraction)', 'production learning rate')
        .optional()
        .describe(
          'Production learning rate across units [-] (each doubling of units costs this fraction; SMAD §20.3: 0.95 below 10 units, 0.90 for 10–50, 0.85 above 50); ' +
            'default from cost.technology (current: 0.90); chips and launch stay off the curve.',
        ),
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

const designFields = lazy(() => ({
  name: z
    .string({ error: 'name is required: a short identifier for the design' })
    .min(1)
    .regex(PRINTABLE, PRINTABLE_MESSAGE)
    .describe('Design name.'),
  description: z.string().optional().describe('Free text.'),
  mission: missionSchema().prefault({}),
  orbit: orbitSchema().prefault({}),
  compute: computeSchema().prefault({}),
  power: powerSchema().prefault({}),
  thermal: thermalSchema().prefault({}),
  radiation: radiationSchema().prefault({}),
  isl: islSchema().prefault({}),
  launch: launchSchema().prefault({}),
  mass: massSchema().prefault({}),
  drag: dragSchema().prefault({}),
  cost: costSchema().prefault({}),
  economics: economicsSchema().prefault({}),
  inference: inferenceSchema().prefault({}),
  catalogs: catalogOverridesSchema().optional(),
  uncertainty: designUncertaintySchema().optional(),
}));

export const nodeDesignSchema = lazy(() =>
  z.strictObject({ ...designFields(), kind: z.literal('node').default('node') }),
);
export type NodeDesign = z.infer<ReturnType<typeof nodeDesignSchema>>;

/* ---------- study sections ---------- */

const variableRange = lazy(() => z.tuple([z.number(), z.number()]));
export const variableDomainSchema = lazy(() =>
  z.union([
    variableRange().describe('Continuous range [lower, upper] in the unit of the key.'),
    z.strictObject({ int: variableRange() }).describe('Integer range.'),
    z.strictObject({ choice: z.array(z.union([z.string(), z.number()])).min(1) }).describe('Categorical choice.'),
  ]),
);
export type VariableDomain = z.infer<ReturnType<typeof variableDomainSchema>>;

const OBJECTIVE_TEXT =
  'A metric path (cost.lcoc_USD_per_PFLOP_day; odc metrics lists them); in node studies also a statistic of one over the uncertainty samples: ' +
  'mean(m), sd(m), min(m), max(m), p1(m) … p99(m), e.g. p90(cost.lcoc_USD_per_PFLOP_day) (see robust:).';
export const objectiveSchema = lazy(() =>
  z.union([
    z.strictObject({ minimize: z.string().min(1).describe(OBJECTIVE_TEXT) }),
    z.strictObject({ maximize: z.string().min(1).describe(OBJECTIVE_TEXT) }),
  ]),
);

export const ALGORITHMS = ['nsga2', 'nsga3', 'parego'] as const;

export const algorithmSchema = lazy(() =>
  z
    .strictObject({
      name: z
        .enum(ALGORITHMS)
        .default('nsga2')
        .describe(
          'nsga2, or nsga3 for three or more objectives; parego (surrogate-assisted) for expensive evaluations, a budget of up to ~300 evaluations (docs/algorithms.md).',
        ),
      population: z.number().int('must be a whole number').min(4, 'must be at least 4').max(100000).default(100),
      generations: z.number().int().min(1).max(1000000).optional().describe('Stop after this many generations.'),
      evaluations: z.number().int().min(1).optional().describe('Stop after this many evaluations.'),
      seed: z
        .number()
        .int('must be a whole number from 0 to 4294967295 (the generator takes a 32-bit seed)')
        .min(0, 'must be a whole number from 0 to 4294967295 (the generator takes a 32-bit seed)')
        .max(4294967295, 'must be a whole number from 0 to 4294967295 (the generator takes a 32-bit seed)')
        .default(1)
        .describe('Seed of the random generator, 0 to 2^32 − 1; the same seed gives the same run.'),
      partitions: z.number().int().min(1).optional().describe('NSGA-III Das–Dennis partitions.'),
      batch: z
        .number()
        .int('must be a whole number of designs')
        .min(1, 'must be at least 1 design')
        .max(256, 'at most 256 designs per iteration')
        .optional()
        .describe(
          'parego: designs proposed per iteration (default 4). Set it to the number of workers to keep them all busy; the run depends on it, not on --workers.',
        ),
      initial: z
        .strictObject({
          from: z
            .string()
            .min(1)
            .describe(
              'An earlier run folder (relative to this file): its Pareto designs are evaluated first; parego also learns from its evaluations.',
            ),
        })
        .optional()
        .describe('Warm start from an earlier run of a study with the same variables.'),
      archiveLimit: z
        .number()
        .int('must be a whole number of designs')
        .min(100, 'must be at least 100 designs')
        .optional()
        .describe(
          'Bound on the Pareto archive: above it (+10 %) the most crowded designs are dropped (crowding distance). Default: unbounded (every non-dominated design kept; memory grows with it).',
        ),
      stagnation: z
        .strictObject({ window: z.number().int().min(2).default(20), tolerance: z.number().min(0).default(1e-4) })
        .optional()
        .describe('Stop when normalized hypervolume improves by less than `tolerance` over `window` generations.'),
      checkpointEvery: z
        .number()
        .int()
        .min(1)
        .optional()
        .describe(
          'Checkpoint every N generations. Default: at the first generation boundary 10 s (of wall time) after the previous checkpoint, or after the start of the process (a run shorter than that writes none; fsync per checkpoint is then saved).',
        ),
    })
    .refine((a) => a.name !== 'parego' || a.evaluations !== undefined, {
      message: 'parego needs a budget: set evaluations (e.g. 200; it sizes its start and stops the run)',
      path: ['evaluations'],
    })
    .describe('Algorithm, seed and termination.'),
);
export type AlgorithmSettings = z.infer<ReturnType<typeof algorithmSchema>>;

export const robustSchema = lazy(() =>
  z
    .strictObject({
      samples: z
        .number()
        .int('must be a whole number of samples')
        .min(4, 'must be at least 4 samples')
        .max(10000, 'at most 10000 samples (each costs one model evaluation per design)')
        .default(32)
        .describe('Uncertainty samples per design (each design is evaluated N + 1 times: nominal and N samples).'),
      method: z
        .enum(['lhs', 'mc'])
        .default('lhs')
        .describe('Sampling of the unit hypercube: lhs (Latin hypercube, default) or mc (plain Monte Carlo).'),
      seed: z
        .number()
        .int('must be a whole number from 0 to 4294967295')
        .min(0, 'must be a whole number from 0 to 4294967295')
        .max(4294967295, 'must be a whole number from 0 to 4294967295')
        .optional()
        .describe('Seed of the common sample set, drawn once when the study is loaded; default algorithm.seed.'),
      maxFailedShare: z
        .number()
        .min(0, 'must be from 0 to 0.5')
        .max(0.5, 'must be from 0 to 0.5 (at least half the samples must be evaluable)')
        .default(0.1)
        .describe(
          "A design whose share of failed samples (not evaluable, or outside a field's range) exceeds this is a failed evaluation; below it, statistics use the other samples and prob(...) counts a failed sample as not holding.",
        ),
    })
    .describe(
      'Robust optimization (objectives and constraints naming mean, sd, min, max, p1…p99 or prob(...) of metrics): the common uncertainty samples every design is evaluated on.',
    ),
);
export type RobustSettings = z.infer<ReturnType<typeof robustSchema>>;

export const selectSchema = lazy(() =>
  z
    .strictObject({
      minMargin: z
        .number()
        .min(0, 'must be from 0 to 0.9 (a relative margin: 0.05 keeps every constraint 5 % inside its limit)')
        .max(0.9, 'must be from 0 to 0.9 (a relative margin: 0.05 keeps every constraint 5 % inside its limit)')
        .optional()
        .describe(
          'The recommended (knee) design is chosen among the Pareto designs whose every enforced constraint keeps at least this relative margin, ' +
            '(limit − value)/|limit|; e.g. 0.05.',
        ),
      minProbability: z
        .number()
        .gt(
          0,
          'must be above 0 and at most 1 (e.g. 0.9: all constraints hold together in 90 % of the uncertainty samples)',
        )
        .max(
          1,
          'must be above 0 and at most 1 (e.g. 0.9: all constraints hold together in 90 % of the uncertainty samples)',
        )
        .optional()
        .describe(
          'The knee is chosen among the Pareto designs whose enforced constraints all hold together in at least this share of the uncertainty ' +
            "samples (catalog rows' and the study's uncertainty:); needs uncertain inputs.",
        ),
      samples: z
        .number()
        .int('must be a whole number of samples')
        .min(16, 'must be at least 16 samples')
        .max(10000, 'at most 10000 samples (each costs one model evaluation per design checked)')
        .default(256)
        .describe(
          "Uncertainty samples per design for minProbability and for the report's P(all constraints hold) of the recommended designs.",
        ),
    })
    .describe(
      'How the recommended (knee) design is chosen: among the Pareto designs that keep a margin or a joint probability of meeting every constraint.',
    ),
);
export type SelectSettings = z.infer<ReturnType<typeof selectSchema>>;

export const nodeStudySchema = lazy(() =>
  z.strictObject({
    ...designFields(),
    kind: z.literal('node').default('node'),
    variables: z.record(z.string(), variableDomainSchema()),
    objectives: z.array(objectiveSchema()).min(1, 'a study needs at least one objective'),
    constraints: z
      .array(
        z
          .string()
          .describe(
            'A comparison of metric expressions, e.g. compute.itPowerAvg_W >= 120000; statistics over the uncertainty samples ' +
              '(p95(mass.launch_kg) <= 8000) and prob(<comparison>) >= <probability> make the study robust (see robust:).',
          ),
      )
      .default([]),
    relax: z
      .array(z.string())
      .default([])
      .describe(
        'Physical checks this study does not enforce (only radiation.dose and radiation.softDose may be relaxed; the closures always hold).',
      ),
    algorithm: algorithmSchema().prefault({}),
    robust: robustSchema().optional(),
    select: selectSchema().optional(),
  }),
);
export type NodeStudy = z.infer<ReturnType<typeof nodeStudySchema>>;

export const benchmarkStudySchema = lazy(() =>
  z.strictObject({
    name: z.string().min(1).regex(PRINTABLE, PRINTABLE_MESSAGE),
    description: z.string().optional(),
    kind: z.literal('benchmark'),
    problem: z
      .string()
      .min(1)
      .describe(
        'Benchmark problem (src/problem/benchmarks.ts): zdt1 | zdt2 | zdt3 | zdt4 | zdt6 | dtlz1 | dtlz2 | dtlz3 | dtlz4 | dtlz7 | dtlz5 | dtlz6 | idtlz1 | sdtlz1 | sdtlz2 | c1dtlz1 | c2dtlz2 | c3dtlz4 | mw1 | mw2 | mw3 | bnh | osy | tnk | srn | ctp1 | wfg1 | wfg2 | wfg3 | wfg4 | wfg5 | wfg6 | wfg7 | wfg8 | wfg9 | mixed1',
      ),
    variables: z.number().int().min(1).optional(),
    objectives: z.number().int().min(2).optional(),
    algorithm: algorithmSchema().prefault({}),
  }),
);
export type BenchmarkStudy = z.infer<ReturnType<typeof benchmarkStudySchema>>;
