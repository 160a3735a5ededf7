/**
 * Thrusters a satellite may raise itself with: published operating points (input power, thrust, specific impulse) of
 * flown Hall-effect and gridded-ion thrusters, and hydrazine monopropellant for an impulsive raise, each with its
 * source and year. An electric thruster run below its rated power is taken at its rated thrust per watt and Isp (a
 * first-order throttling rule: thrust ∝ power at fixed Isp and efficiency; Goebel & Katz, Fundamentals of Electric
 * Propulsion, 2008, ch. 2 and 7: real throttling loses some efficiency, so this is optimistic below the rated power);
 * it cannot run above its rated power.
 * Validity: xenon (argon for the Starlink row), beginning of life; no losses beyond the rows' input power.
 * Derivation: docs/models.md §"Orbit raising".
 */

export type ThrusterKind = 'hall' | 'gridded-ion' | 'chemical';

export interface ThrusterRow {
  readonly name: string;
  readonly kind: ThrusterKind;
  /** Rated input power of one thruster [W]; 0 for a chemical thruster. */
  readonly power_W: number;
  /** Thrust at the rated power [N]; 0 for a chemical thruster (its thrust does not set an impulsive raise's time). */
  readonly thrust_N: number;
  readonly isp_s: number;
  readonly source: string;
}

/** The thruster rows a design may name (launch.insertion.thruster). */
export const THRUSTERS: Readonly<Record<string, ThrusterRow>> = {
  'bht-600': {
    name: 'Busek BHT-600 Hall thruster',
    kind: 'hall',
    power_W: 600,
    thrust_N: 0.0348,
    isp_s: 1267,
    source:
      'Bui, MSc thesis, Air Force Institute of Technology, 2015 (scholar.afit.edu/etd/1031): 34.8 mN, 1,267 s at 600 W',
  },
  'spt-100': {
    name: 'Fakel SPT-100 Hall thruster',
    kind: 'hall',
    power_W: 1350,
    thrust_N: 0.083,
    isp_s: 1600,
    source: 'Goebel & Katz 2008 ch. 7 (SPT-100: 1.35 kW, 83 mN, ~1,600 s)',
  },
  'spt-140': {
    name: 'Fakel SPT-140 Hall thruster',
    kind: 'hall',
    power_W: 4500,
    thrust_N: 0.29,
    isp_s: 1750,
    source: 'Goebel & Katz 2008 ch. 7; Manzella et al., AIAA 2001-3774 (SPT-140: 4.5 kW, 290 mN, 1,750 s)',
  },
  'starlink-v2-argon': {
    name: 'SpaceX argon Hall thruster (Starlink V2 mini)',
    kind: 'hall',
    power_W: 4200,
    thrust_N: 0.17,
    isp_s: 2500,
    source: 'SpaceX, Starlink V2 mini update, February 2023: 170 mN, 2,500 s, 4.2 kW',
  },
  nstar: {
    name: 'NASA NSTAR 30 cm gridded ion thruster',
    kind: 'gridded-ion',
    power_W: 2300,
    thrust_N: 0.092,
    isp_s: 3100,
    source: 'Sovey, Rawlin & Patterson, J. Propul. Power 17(3), 2001 (NSTAR: 2.3 kW, 92 mN, 3,100 s)',
  },
  'xips-25': {
    name: 'Boeing XIPS-25 gridded ion thruster',
    kind: 'gridded-ion',
    power_W: 4200,
    thrust_N: 0.165,
    isp_s: 3500,
    source: 'Goebel & Katz 2008 ch. 1 and 5 (XIPS-25 high-power mode: 4.2 kW, 165 mN, 3,500 s)',
  },
  hydrazine: {
    name: 'hydrazine monopropellant thrusters',
    kind: 'chemical',
    power_W: 0,
    thrust_N: 0,
    isp_s: 220,
    source: 'Sutton & Biblarz, Rocket Propulsion Elements, 9th ed., 2017, Table 7-3 (N2H4 monopropellant ~220 s)',
  },
};

export const THRUSTER_IDS = Object.keys(THRUSTERS) as [string, ...string[]];

/** A thruster row by id; throws naming the known ones. */
export function thrusterRow(id: string): ThrusterRow {
  const t = THRUSTERS[id];
  if (t === undefined) throw new RangeError(`unknown thruster '${id}' (known: ${THRUSTER_IDS.join(', ')})`);
  return t;
}

export interface RaisingPowerParams {
  readonly thruster: Readonly<ThrusterRow>;
  /** Thrusters fired together [-]. */
  readonly thrusters: number;
  /** The node's array power in sunlight at raising (beginning of life) [W]. */
  readonly arrayPower_W: number;
  /** What the bus draws while raising, compute and links off (housekeeping, thermal loop) [W]. */
  readonly housekeeping_W: number;
  /** A cap on the thrusters' power, e.g. the power processing units' [W]; absent: none. */
  readonly maxPower_W?: number;
}

export interface RaisingPowerResult {
  /** Power the thrusters run at in sunlight [W]. */
  readonly power_W: number;
  readonly thrust_N: number;
  /** The node's spare power in sunlight: array less housekeeping [W]. */
  readonly available_W: number;
  /** What sets the power: the node's spare power, the thrusters' rating, or the cap. */
  readonly limitedBy: 'node power' | 'thrusters' | 'power cap';
}

/**
 * The electric thrusters' operating point on the node's own power: P = min(array − housekeeping, n × rated, cap), the
 * thrust at the row's thrust per watt. Throws when the node has no power to spare.
 */
export function raisingPower(p: Readonly<RaisingPowerParams>): RaisingPowerResult {
  if (p.thruster.kind === 'chemical') throw new RangeError(`${p.thruster.name} is not an electric thruster`);
  const available_W = p.arrayPower_W - p.housekeeping_W;
  if (!(available_W > 0))
    throw new RangeError(
      `the node has no power to spare for its raising thrusters (array ${p.arrayPower_W.toFixed(0)} W, housekeeping ${p.housekeeping_W.toFixed(0)} W)`,
    );
  const rated_W = p.thrusters * p.thruster.power_W;
  const cap_W = p.maxPower_W ?? Infinity;
  const power_W = Math.min(available_W, rated_W, cap_W);
  const limitedBy = power_W === available_W ? 'node power' : power_W === rated_W ? 'thrusters' : 'power cap';
  return { power_W, thrust_N: (power_W * p.thruster.thrust_N) / p.thruster.power_W, available_W, limitedBy };
}
