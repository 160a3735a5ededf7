/**
 * Schema of constellation files (`kind: constellation`, designs/constellations/*.yaml): a node design
 * (a node file's path, or inline node sections), shells, ISL topology, gateway stations, traffic,
 * geometry sampling, launch campaign and constellation economics. Every key carries its unit; validity
 * ranges are those of the models (300–2,000 km: the node model's dose table and atmosphere).
 * The JSON Schema in designs/schema/constellation.schema.json is generated from it.
 */
import * as z from 'zod';
import {
  computeSchema,
  costSchema,
  dragSchema,
  economicsSchema,
  id,
  islSchema,
  massSchema,
  launchSchema,
  missionSchema,
  powerSchema,
  radiationSchema,
  range,
  thermalSchema,
  varies,
} from '../../node/design/schema.js';
import { lazy } from '../../base/lazy.js';
import { readUtc, UTC_MAX_MS, utcRefusal } from '../../base/utcTime.js';
import { PRINTABLE, PRINTABLE_MESSAGE } from '../../base/names.js';
import { constellationUncertaintySchema } from '../../statistics/uncertainValue.js';
import { skySchema } from './skySchema.js';
import { THRUSTER_IDS, THRUSTERS } from '../../models/launch/thrusters.js';
import {
  CLUSTER_FORMATIONS,
  CONSTELLATION_TOPOLOGIES,
  REPLACEMENT_POLICIES,
  SHELL_PATTERNS,
  TRAFFIC_PATTERNS,
} from './types.js';

const whole = (name: string, lo: number, hi: number, why: string) =>
  z
    .number({ error: (iss) => (iss.input === undefined ? `${name} is required` : `${name} must be a whole number`) })
    .int(`${name} must be a whole number`)
    .min(lo, `${name} must be at least ${lo} (${why})`)
    .max(hi, `${name} must be at most ${hi} (${why})`);

/** Node sections a constellation may give inline or override per shell (the orbit comes from the shell). */
const nodeSectionsShape = lazy(() => ({
  name: z.string().min(1).optional().describe('Node design name (default: the constellation name).'),
  description: z.string().optional(),
  mission: missionSchema().optional(),
  compute: computeSchema().optional(),
  power: powerSchema().optional(),
  thermal: thermalSchema().optional(),
  radiation: radiationSchema().optional(),
  isl: islSchema().optional(),
  launch: launchSchema().optional(),
  mass: massSchema().optional(),
  drag: dragSchema().optional(),
  cost: costSchema().optional(),
  economics: economicsSchema().optional(),
}));
/**
 * Raw (unvalidated here) node sections: validated after merging with the base node, so defaults do not mask the base.
 */
const nodeOverrideSchema = lazy(() =>
  z
    .record(z.string(), z.unknown())
    .describe('Node sections overriding the base node for this shell (compute, power, thermal, radiation, launch, …).'),
);
export const inlineNodeSchema = lazy(() => z.strictObject(nodeSectionsShape()));

/** Link-budget losses and margins of the ISL (src/models/links/linkBudget.ts); omitted: the model's cited defaults. */
function islLossFields() {
  const dB = (key: string, lo: number, hi: number, what: string) =>
    varies(range(`isl.${key}`, lo, hi, 'dB', what)).optional();
  return {
    implementationLoss_dB: dB('implementationLoss_dB', 0, 20, 'implementation loss').describe(
      'Implementation loss of the link budget: wavefront error, polarisation, ageing, modem penalty [dB]; default 3 (estimate: 1–3 dB in published optical budgets, Hemmati 2020 ch. 1–2).',
    ),
    linkMargin_dB: dB('linkMargin_dB', 0, 20, 'system margin').describe(
      'System margin the link budget keeps [dB]; default 3 (the usual required margin, Hemmati 2020 ch. 1).',
    ),
    pointingJitter_urad: varies(range('isl.pointingJitter_urad', 0, 1000, 'µrad', 'rms pointing jitter per axis'))
      .optional()
      .describe(
        'Rms pointing error per axis [µrad]; mean loss 1/(1 + 4σ²/θ²) for beam divergence θ (Chen & Gardner 1989); default 1 (estimate: fine-pointing class).',
      ),
    atmosphericLoss_dB: dB('atmosphericLoss_dB', 0, 30, 'atmospheric loss').describe(
      'Atmospheric loss on the link path [dB]; default 0 (inter-satellite links cross vacuum).',
    ),
  };
}

export const constellationIslSchema = lazy(() =>
  z
    .strictObject({
      topology: varies(z.enum(CONSTELLATION_TOPOLOGIES))
        .default('grid')
        .describe(
          'none | ring (in-plane neighbours) | grid (+Grid: 2 in-plane, 2 cross-plane) | mesh (+Grid and diagonals) | cluster (all neighbours within range).',
        ),
      terminal: varies(id('isl-terminals'))
        .default('isl-100g')
        .describe('ISL terminal catalog id (designs/catalogs/isl-terminals.yaml).'),
      crossPlaneCutoffLatitude_deg: varies(
        range(
          'isl.crossPlaneCutoffLatitude_deg',
          0,
          90,
          'deg',
          'latitude above which cross-plane links are switched off',
        ),
      )
        .optional()
        .describe(
          'Cross-plane (and diagonal) links are switched off while either end is above this |latitude| [deg]; omit to keep them always on.',
        ),
      ...islLossFields(),
    })
    .describe('Inter-satellite links of a shell.'),
);

/** The fields of a cluster shell (pattern: cluster). */
function shellClusterFields() {
  return {
    clusterRadius_m: varies(range('shell clusterRadius_m', 1, 1e6, 'm', 'formation radius'))
      .optional()
      .describe(
        'cluster: formation radius [m], the farthest any member gets from the cluster centre over an orbit (Suncatcher: 1,000 m).',
      ),
    clusterFormation: z
      .enum(CLUSTER_FORMATIONS, {
        error: (iss) =>
          `shell clusterFormation must be one of ${CLUSTER_FORMATIONS.join(', ')}, got ${JSON.stringify(iss.input)}: in-plane (Suncatcher) or circular`,
      })
      .default('in-plane')
      .describe(
        "cluster: members' free relative orbits (Hill–Clohessy–Wiltshire). in-plane: 2:1 ellipses in the orbital plane, neighbour distances breathing between s and 2s (Suncatcher); circular: the lattice turns rigidly in a plane tilted 60° from the orbital plane, constant distances but differential-J2 node drift to correct.",
      ),
  };
}

const MIN_SHELLS = 1;

/**
 * Each shell whose name an earlier shell has, with that shell's index: names address shells in studies
 * (shells.<name>.<key>), records and exports, so two shells may not share one.
 */
function repeatedShellNames(shells: readonly { readonly name: string }[]): { shell: number; first: number }[] {
  const first = new Map<string, number>();
  const repeated: { shell: number; first: number }[] = [];
  shells.forEach((sh, i) => {
    const j = first.get(sh.name);
    if (j !== undefined) repeated.push({ shell: i, first: j });
    else first.set(sh.name, i);
  });
  return repeated;
}

/** The shell list's own checks on parsed shells (the list schema's min and superRefine), for a keyed parse. */
export const shellListAccepted = (shells: readonly unknown[]): boolean =>
  shells.length >= MIN_SHELLS && repeatedShellNames(shells as { name: string }[]).length === 0;

export const shellSchema = lazy(() =>
  z
    .strictObject({
      name: z
        .string({ error: 'shells[].name is required: a short name for the shell' })
        .min(1)
        .regex(PRINTABLE, PRINTABLE_MESSAGE),
      altitude_km: varies(
        range('shell altitude_km', 300, 2000, 'km', 'the node models (dose table, atmosphere) span 300–2000 km'),
      ),
      inclination_deg: varies(
        z.union([
          z.literal('sso'),
          range('shell inclination_deg', 0, 110, 'deg', 'the dose table spans 0° to the sun-synchronous inclination'),
        ]),
      )
        .default('sso')
        .describe('Inclination [deg], or "sso" for the J2 sun-synchronous inclination.'),
      ltan_h: varies(range('shell ltan_h', 0, 23.99, 'h', 'local time of the ascending node'))
        .default(6)
        .describe(
          'Mean local time of the ascending node [h] (sso shells): the centre of an sso-ltan band, or plane 0 of a Walker pattern, whose planes then span all 24 h (star: 12 h) of local time.',
        ),
      planes: varies(whole('shell planes', 1, 100000, 'orbital planes of one shell'), { int: true }),
      satsPerPlane: varies(whole('shell satsPerPlane', 1, 100000, 'satellites in one plane (members of one cluster)'), {
        int: true,
      }),
      pattern: z
        .enum(SHELL_PATTERNS)
        .default('walker-delta')
        .describe(
          'walker-delta (RAAN over 360°: an SSO shell spans all local times) | walker-star (180°) | sso-ltan (SSO planes within an LTAN band, ltanBand_h) | cluster (formation around one reference orbit per plane).',
        ),
      phasing: varies(z.number().int('shell phasing must be a whole number F (0 ≤ F < planes)').min(0), {
        int: true,
        wraps: true,
      })
        .default(0)
        .describe('Walker phasing factor F (0 … planes−1).'),
      raan0_deg: varies(range('shell raan0_deg', 0, 360, 'deg', 'RAAN of plane 0'), { wraps: true })
        .default(0)
        .describe('RAAN of plane 0 [deg] for non-SSO Walker shells.'),
      ltanBand_h: varies(range('shell ltanBand_h', 0, 24, 'h', 'LTAN band of an sso-ltan shell'))
        .default(0)
        .describe(
          'sso-ltan only: planes spread over this LTAN band [h], centred on ltan_h (e.g. 1 for dawn-dusk planes within 5:30–6:30).',
        ),
      ...shellClusterFields(),
      isl: constellationIslSchema()
        .optional()
        .describe('Overrides the constellation-level isl section for this shell.'),
      node: nodeOverrideSchema().optional(),
    })
    .describe('One shell: circular orbits at one altitude and inclination.'),
);

export const groundStationInlineSchema = lazy(() =>
  z.strictObject({
    name: z.string().min(1),
    lat_deg: range('station lat_deg', -90, 90, 'deg', 'geodetic latitude'),
    lon_deg: range('station lon_deg', -180, 360, 'deg', 'longitude east'),
    altitude_m: range('station altitude_m', -500, 9000, 'm', 'height above the ellipsoid').default(0),
    capacity_Gbps: range('station capacity_Gbps', 0, 1e6, 'Gbps', 'aggregate downlink of the station'),
  }),
);

export const groundSchema = lazy(() =>
  z
    .strictObject({
      stations: varies(z.array(z.union([id('ground-stations'), groundStationInlineSchema()])))
        .default([])
        .describe(
          'Gateway stations: catalog ids (designs/catalogs/ground-stations.yaml) or inline {name, lat_deg, lon_deg, capacity_Gbps}.',
        ),
      minElevation_deg: varies(range('ground.minElevation_deg', 0, 80, 'deg', 'elevation mask'))
        .default(25)
        .describe('Minimum elevation for a contact [deg].'),
      linkRate_Gbps: varies(range('ground.linkRate_Gbps', 0.001, 10000, 'Gbps', 'gateway terminal rate'))
        .default(20)
        .describe('Rate of one satellite–gateway contact [Gbps] (the gateway terminal).'),
    })
    .describe('Ground segment: gateway stations.'),
);

export const trafficSchema = lazy(() =>
  z
    .strictObject({
      pattern: z
        .enum(TRAFFIC_PATTERNS)
        .default('downlink')
        .describe(
          'downlink (every node to the nearest gateway) | uniform (all-to-all within a shell) | cluster (within each cluster).',
        ),
      demandPerNode_Gbps: varies(range('traffic.demandPerNode_Gbps', 0, 100000, 'Gbps', 'traffic each node offers'))
        .optional()
        .describe(
          'Traffic each node offers [Gbps]; default 10. A demand the file states is a requirement: network.demand is then ' +
            'enforced (odc evaluate reports it VIOLATED when missed, studies hold it); the default is a check only.',
        ),
    })
    .describe('Traffic the network must carry.'),
);

export const simulationSchema = lazy(() =>
  z
    .strictObject({
      epoch: z
        .string()
        .superRefine((text, ctx) => {
          const r = readUtc(text);
          if ('reason' in r) ctx.addIssue({ code: 'custom', message: utcRefusal('simulation.epoch', text, r.reason) });
        })
        .meta({ format: 'date-time' })
        .default('2026-03-20T00:00:00Z'),
      duration_h: range('simulation.duration_h', 0.1, 240, 'h', 'geometry sampling window')
        .default(24)
        .describe('Sampling window [h].'),
      step_s: range('simulation.step_s', 1, 3600, 's', 'sampling step').default(60).describe('Sampling step [s].'),
      snapshots: whole('simulation.snapshots', 1, 64, 'instants at which the network LP is solved')
        .default(4)
        .describe(
          'Instants, evenly spread over the window, at which the network LP is solved (the worst is reported).',
        ),
      maxFullLpColumns: whole('simulation.maxFullLpColumns', 0, 10_000_000, 'largest full-graph network LP')
        .default(250_000)
        .describe(
          "Largest all-to-all network LP solved on a shell's full link graph at each instant [columns, N·2E]. Larger shells take the reduced models per instant: the torus LP where the last plane links to the first (Walker delta, a 24 h sso-ltan band; +Grid and ring at any size), the open cylinder elsewhere (exact or bounded, flagged). The full LP of a 2 × 100 satellite band is ~100,000 columns and ~50 s of CPU.",
        ),
    })
    .superRefine((sim, ctx) => {
      const start = readUtc(sim.epoch);
      if ('ms' in start && start.ms + sim.duration_h * 3_600_000 > UTC_MAX_MS)
        ctx.addIssue({
          code: 'custom',
          path: ['duration_h'],
          message: `simulation.duration_h ${sim.duration_h} h from ${sim.epoch} ends after 9999-12-31T23:59:59Z, past the four-digit years odc writes; give an earlier epoch or a shorter window`,
        });
    })
    .describe('Geometry sampling.'),
);

/** The insertion orbit and the satellites' own raising to station (src/models/launch/orbitRaising.ts). */
const insertionSchema = lazy(() =>
  z
    .strictObject({
      altitude_km: range(
        'launch.insertion.altitude_km',
        150,
        2000,
        'km',
        'circular orbit the vehicle inserts the satellites into',
      ).describe(
        "Altitude the vehicles insert the satellites at, in each shell's plane [km]; each satellite raises itself to its shell (a shell at or below it is inserted directly). Starlink ~300 km, OneWeb ~450–600 km, Iridium NEXT 625 km.",
      ),
      transfer: z
        .enum(['low-thrust', 'hohmann'])
        .default('low-thrust')
        .describe(
          "The raise: low-thrust (an electric spiral on the node's own power, Edelbaum's ΔV, firing in sunlight) or hohmann (impulsive burns, chemical).",
        ),
      thruster: z
        .enum(THRUSTER_IDS)
        .optional()
        .describe(
          `The raising thruster, a published row (src/models/launch/thrusters.ts: ${THRUSTER_IDS.join(', ')}): its rated power, thrust and Isp; default spt-140 (a 4.5 kW Hall thruster) for low-thrust, hydrazine for hohmann.`,
        ),
      thrusters: z
        .number()
        .int()
        .min(1)
        .max(1000)
        .default(1)
        .describe(
          "Electric thrusters fired together [-]: their power is the smallest of their rating, the node's spare power in sunlight (array at beginning of life less the bus with compute and links off) and thrusterPower_W.",
        ),
      isp_s: range('launch.insertion.isp_s', 150, 5000, 's', "the raising thruster's specific impulse")
        .optional()
        .describe("Specific impulse of the raising thruster [s]; default the thruster row's."),
      thrusterPower_W: range('launch.insertion.thrusterPower_W', 100, 1e6, 'W', 'power to the raising thrusters')
        .optional()
        .describe(
          "Most power the raising thrusters may draw, e.g. their power processing units' [W]; default no cap beyond their rating and the node's spare power.",
        ),
    })
    .superRefine((i, ctx) => {
      const chemical = i.thruster !== undefined && THRUSTERS[i.thruster]?.kind === 'chemical';
      if (i.thruster !== undefined && chemical !== (i.transfer === 'hohmann'))
        ctx.addIssue({
          code: 'custom',
          path: ['thruster'],
          message: `launch.insertion.thruster ${i.thruster} cannot fly a ${i.transfer} raise: ${chemical ? 'set transfer: hohmann, or name an electric thruster' : 'an impulsive (hohmann) raise takes hydrazine'}`,
        });
    })
    .describe(
      'Insertion orbit and orbit raising: the vehicles carry each satellite to this altitude and its own thruster raises it to its shell; the raising propellant joins the mass each launch carries and the time to station delays its service.',
    ),
);

export const launchCampaignSchema = lazy(() =>
  z
    .strictObject({
      vehicles: z
        .array(
          z.strictObject({
            vehicle: id('launch-vehicles'),
            cadence_per_yr: range(
              'launch cadence_per_yr',
              0.1,
              100000,
              'launches/yr',
              'launch rate of one vehicle type',
            ),
            maxLaunches: z
              .number()
              .int()
              .min(1)
              .optional()
              .describe(
                'Most launches of this vehicle the campaign may fly [-]; caps too small for every satellite fail the ' +
                  'launch.vehicle check (the campaign is then planned without them, for reference).',
              ),
          }),
        )
        .min(1, 'launch.vehicles needs at least one vehicle')
        .default([{ vehicle: 'starship', cadence_per_yr: 25 }]),
      packingEfficiency: range('launch.packingEfficiency', 0.1, 1, '(fraction)', 'usable fairing volume').default(0.7),
      insertion: insertionSchema().optional(),
      milestones: z
        .strictObject({
          half_yr: range('launch.milestones.half_yr', 0.1, 50, 'yr', '50 % deployment milestone').default(6),
          full_yr: range('launch.milestones.full_yr', 0.1, 50, 'yr', '100 % deployment milestone').default(9),
        })
        .superRefine((m, ctx) => {
          if (m.half_yr > m.full_yr) {
            ctx.addIssue({
              code: 'custom',
              path: ['half_yr'],
              message: `the 50 % milestone (${m.half_yr} yr) comes after the 100 % milestone (${m.full_yr} yr): half_yr must be ≤ full_yr`,
            });
          }
        })
        .prefault({})
        .describe('Deployment milestones (FCC 47 CFR 25.164(b): 50 % in 6 years, 100 % in 9).'),
    })
    .describe('Launch campaign.'),
);

export const constellationEconomicsSchema = lazy(() =>
  z
    .strictObject({
      learningRate: range('economics.learningRate', 0.5, 1, '(fraction)', 'production learning rate')
        .optional()
        .describe(
          "Production learning rate of every built hardware line (array, radiator, battery, bus, ISL, AIT) [-]: each doubling of units costs this fraction. Default: SMAD's rule for the constellation's satellite count (Wertz & Larson 1999 ch. 20: 0.95 below 10 units, 0.90 for 10–50, 0.85 above 50), as the node fleet's; chips and launch off the curve.",
        ),
      operations_USD_per_sat_yr: range(
        'economics.operations_USD_per_sat_yr',
        0,
        1e8,
        'USD',
        'operations per satellite-year',
      ).optional(),
      groundStation_USD: range('economics.groundStation_USD', 0, 1e10, 'USD', 'cost of one gateway').optional(),
      satelliteFailureRate_per_yr: range(
        'economics.satelliteFailureRate_per_yr',
        0,
        0.5,
        '1/yr',
        'random satellite failures',
      ).optional(),
      modelParams_B: range(
        'economics.modelParams_B',
        0.001,
        100000,
        'billion parameters',
        'model served, for the FLOPs-based token figure',
      )
        .optional()
        .describe(
          "Model size of the FLOPs-based token figure, delivered FLOPS / (2 × parameters) [billion parameters]; default the first shell's node inference.modelParameters. The headline $/Mtoken is the nodes' roofline on their inference: section when every shell has one.",
        ),
    })
    .describe('Constellation economics.'),
);

export const lifeSchema = lazy(() =>
  z
    .strictObject({
      horizon_yr: z
        .number()
        .int()
        .min(1)
        .max(100)
        .default(15)
        .describe('Whole years from the first launch that the life follows (study horizon) [yr].'),
      factory_per_yr: range('life.factory_per_yr', 1, 1e7, 'satellites/yr', 'factory output')
        .optional()
        .describe(
          "Satellites the factory builds a year (e.g. ≈ 6,700 for AI1's Gigasat factory at 1 GW a year); absent: the factory never holds a launch back.",
        ),
      replacement: z
        .enum(REPLACEMENT_POLICIES)
        .default('replace-on-failure')
        .describe(
          'replace-on-failure: a failed satellite is replaced at once by a spare that retires with its slot, every slot renewed at the end of its design life; replace-at-end-of-life: no spares, the fleet decays between renewals (a sawtooth).',
        ),
    })
    .describe('Life of the constellation year by year (src/constellation/economics/life.ts).'),
);

export const environmentSchema = lazy(() =>
  z
    .strictObject({
      minSeparation_km: range(
        'environment.minSeparation_km',
        0.001,
        10000,
        'km',
        'required closest approach of any two satellites',
      )
        .default(1)
        .describe(
          'Closest any two satellites of the constellation may come [km] (enforced; default 1 km, an odc choice: conjunction screening volumes are km to tens of km, src/constellation/environment/conjunction.ts).',
        ),
      keepOutFiledShells: z
        .boolean()
        .default(false)
        .describe(
          "Keep every shell out of other operators' filed shells (Starlink, Kuiper FCC authorisations, src/constellation/environment/environment.ts), each taken as a 10 km altitude band: true adds the enforced constraint environment.filedShells (altitude clearance >= 0 km); false (default) only flags an overlap.",
        ),
    })
    .describe('Orbital environment: the self-conjunction requirement.'),
);

export const constellationFileSchema = lazy(() =>
  z.strictObject({
    name: z
      .string({ error: 'name is required: a short identifier for the constellation' })
      .min(1)
      .regex(PRINTABLE, PRINTABLE_MESSAGE),
    description: z.string().optional(),
    kind: z.literal('constellation'),
    node: z
      .union([z.string().min(1), inlineNodeSchema()])
      .describe('Node design: a node design file (path relative to this file) or inline node sections.'),
    nodeSizing: z
      .enum(['as-given', 'closed'])
      .default('as-given')
      .describe(
        "as-given: every shell flies the node as written; closed: each shell's node array, radiator and launch allocation are re-sized to close at that shell's orbit.",
      ),
    shells: z
      .array(shellSchema())
      .min(MIN_SHELLS, 'shells needs at least one shell')
      .superRefine((shells, ctx) => {
        for (const { shell, first } of repeatedShellNames(shells))
          ctx.addIssue({
            code: 'custom',
            path: [shell, 'name'],
            message: `"${shells[shell]!.name}" is already the name of shells[${first}]: give each shell its own name`,
          });
      }),
    isl: constellationIslSchema().prefault({}),
    ground: groundSchema().prefault({}),
    traffic: trafficSchema().prefault({}),
    simulation: simulationSchema().prefault({}),
    launch: launchCampaignSchema().prefault({}),
    economics: constellationEconomicsSchema().prefault({}),
    environment: environmentSchema().prefault({}),
    life: lifeSchema().prefault({}),
    sky: skySchema().prefault({}),
    uncertainty: constellationUncertaintySchema().optional(),
    requirements: z
      .array(z.string())
      .optional()
      .describe(
        'What the constellation must meet beyond the physical checks, as study constraints are written (network.throughputPerNode_Gbps >= 40); ' +
          '`odc evaluate` checks each beside the physical constraints. `odc export` writes the study constraints here.',
      ),
  }),
);
export type ConstellationFile = z.infer<ReturnType<typeof constellationFileSchema>>;
export type ShellInput = z.infer<ReturnType<typeof shellSchema>>;
export type ConstellationIslInput = z.infer<ReturnType<typeof constellationIslSchema>>;
