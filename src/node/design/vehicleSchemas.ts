/**
 * Node design-file sections for the vehicle: inter-satellite links, launch allocation, mass factors, and drag
 * (make-up, formation keeping and the passive-decay disposal check).
 */
import * as z from 'zod';
import { lazy } from '../../base/lazy.js';
import { id, range, TOPOLOGIES } from './fields.js';

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
        .optional()
        .describe(
          'Launch mass allocated to this node [kg]; the built-up mass must fit (a constraint). Default 2,500 kg (estimate), or derived when nodesPerLaunch is set.',
        ),
      nodesPerLaunch: range('launch.nodesPerLaunch', 1, 100000, '(count)', 'nodes sharing one launch')
        .refine((v) => Number.isInteger(v), { message: 'launch.nodesPerLaunch must be a whole number' })
        .optional()
        .describe(
          "Nodes one launch carries (a manifest): the allocation is then the vehicle's payload into this node's orbit (its published points, src/models/launch/launchPerformance.ts) ÷ nodesPerLaunch; give it or mass_kg, not both [-].",
        ),
    })
    .refine((l) => l.mass_kg === undefined || l.nodesPerLaunch === undefined, {
      message: 'give launch.mass_kg or launch.nodesPerLaunch, not both (nodesPerLaunch derives the allocation)',
      path: ['nodesPerLaunch'],
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
          'Mass-factor preset (src/models/mass/mass.ts): heritage (bus 1/3 of basic dry mass, margin 25 %), current (20 %, 20 %), aggressive (10 %, 10 %); busFraction and systemMargin override it.',
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

/** Drag coefficient and the projected areas of array and radiator. */
const dragAreaFields = () => ({
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
});

/** Disposal solar activity and cycle, formation keeping and disposal attitude. */
const disposalFields = () => ({
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
});

export const dragSchema = lazy(() =>
  z
    .strictObject({
      ...dragAreaFields(),
      ...disposalFields(),
    })
    .describe('Drag assumptions: C_D, attitude (projected areas) and the solar activity of the disposal check.'),
);
