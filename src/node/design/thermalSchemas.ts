/**
 * Node design-file sections for thermal control (junction, cold plate, coolant loop, radiator, hot and cold
 * cases) and radiation shielding (0.5–20 mm Al, the span of the shipped SHIELDOSE-2 dose table).
 */
import * as z from 'zod';
import { lazy } from '../../base/lazy.js';
import { id, range } from './fields.js';

/** Radiator, coating and the coolant loop from junction to radiator surface (pump, cold plates, fins). */
const thermalLoopFields = () => ({
  radiator: id('radiators')
    .default('deployable-pumped-cots')
    .describe(
      'Radiator technology catalog id (designs/catalogs/radiators.yaml); default deployable-pumped-cots, the production-line radiator of the shipped designs (designs/ai1.yaml).',
    ),
  radiatorArea_m2: range('thermal.radiatorArea_m2', 1, 20000, 'm²', 'one node')
    .default(110)
    .describe('Radiator planform area [m²], radiating from both faces.'),
  designMargin: range('thermal.designMargin', 0, 1, '(fraction)', 'thermal margin on the hot-case heat load')
    .default(0)
    .describe(
      'Design margin on the hot-case heat load the radiator must reject [-]: the thermal.radiatorArea check asks for the area that rejects the load × (1 + this) at the same temperature. 0 checks the physics alone; the shipped studies apply 0.2 (docs/runs.md §"Margin policy").',
    ),
  coating: id('coatings')
    .default('osr')
    .describe('Radiator surface coating catalog id (designs/catalogs/coatings.yaml).'),
  radiatorTemp_K: range('thermal.radiatorTemp_K', 150, 600, 'K', 'the radiator balance model range')
    .optional()
    .describe(
      "Fixes the mean radiator temperature [K]: the coolant enters the panel coolantTempRise_K/2 above it and leaves as far below, and the chain runs upward (the junction temperature becomes the thermal.junctionTemp check). Default: from the chip's junction limit through its cold plate, capped by the chip row's coolant inlet limit.",
    ),
  coolant: id('coolants')
    .optional()
    .describe("Loop working fluid (designs/catalogs/coolants.yaml); default: the radiator row's coolant."),
  loopDeltaT_K: range('thermal.loopDeltaT_K', 0, 80, 'K', 'coolant supply to radiator outlet')
    .optional()
    .describe(
      "Drop from the radiator outlet to the coolant the cold plates receive, negative sense [K]: interface heat exchanger, tube film and saddle; default: the radiator row's loopDeltaT_K.",
    ),
  junctionToCoolant_K_per_W: range('thermal.junctionToCoolant_K_per_W', 0, 1, 'K/W', 'cold-plate resistance per chip')
    .optional()
    .describe(
      "Junction-to-coolant-inlet thermal resistance per chip [K/W] (junction → lid → cold plate → coolant); default: the chip row's, else 0.",
    ),
  coolantTempRise_K: range('thermal.coolantTempRise_K', 1, 60, 'K', 'single-phase coolant rise through the cold plates')
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
    .describe(
      "Radiator panel efficiency [-], overriding the one computed from the radiator row's panel geometry (fin thickness, conductivity, tube pitch); without geometry the row's finEfficiency, else 1.",
    ),
});

/** Radiator attitude and faces, the hot- and cold-case environment, the sink and what is rejected. */
const thermalEnvironmentFields = () => ({
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
      'Hot-case environment; default 1,406 W/m² (perihelion), albedo 0.35, OLR 260 W/m² (src/models/thermal/thermal.ts).',
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
});

export const thermalSchema = lazy(() =>
  z
    .strictObject({
      ...thermalLoopFields(),
      ...thermalEnvironmentFields(),
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
      trappedDoseFactor: range(
        'radiation.trappedDoseFactor',
        1,
        5,
        '(ratio)',
        "today's trapped-particle dose over the AP-8/AE-8 table's (native-field epoch)",
      )
        .default(1)
        .describe(
          "Today's trapped-particle dose over the AP-8/AE-8 table's, built in 1960s–70s field epochs [-]; default 1 (the table, as SPENVIS gives it). odc uncertainty and a study's samples draw it uniformly from 1 to 3.3 (src/models/radiation/radiation.ts TRAPPED_DOSE_FACTOR_UNCERTAINTY).",
        ),
    })
    .describe('Radiation shielding and environment.'),
);
