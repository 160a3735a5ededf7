/**
 * Node design-file sections for the mission, the orbit, the compute payload and electrical power. Validity ranges
 * are those of the models: e.g. 300–2000 km is the span of the shipped AP-8/AE-8 dose table.
 */
import * as z from 'zod';
import { lazy } from '../../base/lazy.js';
import { id, range, SOLAR_ACTIVITY, varies } from './fields.js';

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
      worstEclipseLtan_h: range('orbit.worstEclipseLtan_h', 0, 23.99, 'h', 'LTAN of another plane of the shell')
        .optional()
        .describe(
          "Sun-synchronous only: LTAN of another plane the same node flies in whose longest eclipse the battery and the worst-orbit array sizing must carry when it is longer than this orbit's (a constellation shell sets it); default none.",
        ),
    })
    .describe('Orbit: circular LEO.'),
);

export const computeSchema = lazy(() =>
  z
    .strictObject({
      chip: id('chips').default('gb300').describe('Accelerator catalog id (designs/catalogs/chips.yaml).'),
      chips: varies(
        z
          .number()
          .int('must be a whole number of chips')
          .min(1, 'must be at least 1')
          .max(100000, 'above 100000 is outside the node model (one satellite)')
          .default(72)
          .describe('Number of accelerators on the node [-].'),
        { int: true },
      ),
      chipFailureRate_per_yr: range('compute.chipFailureRate_per_yr', 0, 10, '1/yr', 'chip failures without repair')
        .default(0.07)
        .describe(
          'Chip failure rate with no repair [1/yr]: mean availability over the life is (1 − e^(−λT))/(λT) (default 0.07, middle of the 5–9 %/yr of ODC calculators).',
        ),
      precision: z
        .enum(['FP4', 'FP8', 'INT4', 'INT8', 'BF16', 'FP16', 'TF32', 'FP32', 'FP64'])
        .optional()
        .describe(
          "Numeric precision the workload runs at; the peak is the row's dense peak × the tensor-core rate ratio (src/models/compute/precision.ts: FP8/INT8 = 2 × BF16, FP4 = 4 ×, TF32 ½). Default: the chip row's precision.",
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

/** Array, battery, eclipse compute, bus load and the sizing rule. */
const powerStorageFields = () => ({
  array: id('solar-arrays')
    .default('rosa-flex')
    .describe('Solar array technology catalog id (designs/catalogs/solar-arrays.yaml).'),
  arrayArea_m2: range('power.arrayArea_m2', 1, 50000, 'm²', 'one node').default(600).describe('Solar array area [m²].'),
  battery: id('batteries')
    .default('li-ion-cots')
    .describe(
      'Battery catalog id (designs/catalogs/batteries.yaml); default li-ion-cots, the production-line pack of the shipped designs (designs/ai1.yaml argues it).',
    ),
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
  designMargin: range('power.designMargin', 0, 1, '(fraction)', 'power margin on the array sizing demand')
    .default(0)
    .describe(
      'Design margin on the power the array must supply [-]: the power.arrayArea check asks for the worst-orbit demand × (1 + this). 0 checks the physics alone; the shipped studies apply 0.2 (docs/runs.md §"Margin policy").',
    ),
  sizing: z
    .enum(['bol', 'eol'])
    .default('eol')
    .describe(
      'Array sizing point: eol (default; the array still carries the load after mission.lifetime_yr of degradation) or bol (beginning of life, as many published designs quote).',
    ),
});

/** Power-path efficiencies and the array illumination case. */
const powerPathFields = () => ({
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
});

export const powerSchema = lazy(() =>
  z
    .strictObject({
      ...powerStorageFields(),
      ...powerPathFields(),
    })
    .describe('Electrical power: array, battery.'),
);
