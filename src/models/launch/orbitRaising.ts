/**
 * A satellite's own raising from the launch vehicle's insertion orbit to its station (circular, coplanar): ΔV,
 * propellant and time to station. Impulsive: the Hohmann ΔV (Vallado 2013 §6.3.1), time half the transfer ellipse's
 * period. Low thrust: Edelbaum's ΔV for a slow spiral without plane change, |√(μ/r₁) − √(μ/r₂)| (Edelbaum, ARS Journal
 * 31(8), 1961), at the thrust F the thruster gives at the power it runs at (thrusters.ts), firing a fraction d of the
 * time (in sunlight: the node's array powers it); the time the propellant's burn m_p g₀ Isp / (F d). Propellant by
 * the rocket equation (Sutton & Biblarz 9th ed. §4.1), the station mass m_s as the final mass:
 * m_p = m_s (e^(ΔV/(g₀ Isp)) − 1).
 * Validity: circular orbits, no plane change, 150–2000 km; no drag during the raise, no coasts for plane phasing
 * (its time is a floor: propulsion only). Flown campaigns take 1–15 times it, adding checkout, in-plane phasing and
 * dwell for plane drift: OneWeb's first six, 1,000 → 1,200 km inside a 60–90-day test regime (SpaceNews, 27 Feb 2019)
 * against 7.2 d of burn at 600 W; OneWeb's Falcon 9 batch of 8 Dec 2022 not on station 91 days on (SpaceNews, 9 Mar
 * 2023) against 24 d; Starlink v1.0's first group 350 → 550 km within 47 days of launch against 16 d
 * (test/models/launch/orbitRaising.test.ts).
 * Derivation: docs/models.md §"Orbit raising"; docs/approximations.md.
 */
import { EARTH_MU_m3_s2, EARTH_RADIUS_m, STANDARD_GRAVITY_m_s2 } from '../../base/constants.js';
import { hohmannDeltaV_m_s } from './launchPerformance.js';
import { nonNegative, positive } from '../validate.js';

export type RaisingTransfer = 'hohmann' | 'low-thrust';

export interface OrbitRaisingParams {
  readonly insertionAltitude_m: number;
  readonly stationAltitude_m: number;
  readonly transfer: RaisingTransfer;
  /** Specific impulse of the satellite's thruster [s]. */
  readonly isp_s: number;
  /** The satellite's mass on station, propellant for the raise excluded [kg]. */
  readonly stationMass_kg: number;
  /** Thrust while firing [N] (low thrust only). */
  readonly thrust_N: number;
  /** Fraction of the time the thruster fires, (0, 1] (low thrust only): the sunlit fraction on the array's power. */
  readonly dutyCycle: number;
}

export interface OrbitRaisingResult {
  readonly deltaV_m_s: number;
  readonly propellant_kg: number;
  /** Mass at insertion: station mass + propellant [kg]. */
  readonly insertionMass_kg: number;
  readonly timeToStation_s: number;
  /** Thrust of the low-thrust spiral [N]; 0 for an impulsive transfer. */
  readonly thrust_N: number;
}

/** Edelbaum's ΔV of a circle-to-circle low-thrust spiral without plane change [m/s]. */
export function edelbaumDeltaV_m_s(h1_m: number, h2_m: number): number {
  return Math.abs(
    Math.sqrt(EARTH_MU_m3_s2 / (EARTH_RADIUS_m + h1_m)) - Math.sqrt(EARTH_MU_m3_s2 / (EARTH_RADIUS_m + h2_m)),
  );
}

export function orbitRaising(p: Readonly<OrbitRaisingParams>): OrbitRaisingResult {
  positive('insertionAltitude_m', p.insertionAltitude_m);
  positive('stationAltitude_m', p.stationAltitude_m);
  positive('isp_s', p.isp_s);
  nonNegative('stationMass_kg', p.stationMass_kg);
  const h1 = Math.min(p.insertionAltitude_m, p.stationAltitude_m);
  const h2 = p.stationAltitude_m;
  const ve = STANDARD_GRAVITY_m_s2 * p.isp_s;
  const lowThrust = p.transfer === 'low-thrust';
  const deltaV_m_s = lowThrust ? edelbaumDeltaV_m_s(h1, h2) : Math.abs(hohmannDeltaV_m_s(h1, h2));
  const propellant_kg = p.stationMass_kg * Math.expm1(deltaV_m_s / ve);
  if (!lowThrust) {
    const a = EARTH_RADIUS_m + (h1 + h2) / 2;
    const timeToStation_s = deltaV_m_s > 0 ? Math.PI * Math.sqrt(a ** 3 / EARTH_MU_m3_s2) : 0;
    return {
      deltaV_m_s,
      propellant_kg,
      insertionMass_kg: p.stationMass_kg + propellant_kg,
      timeToStation_s,
      thrust_N: 0,
    };
  }
  positive('thrust_N', p.thrust_N);
  if (!(p.dutyCycle > 0 && p.dutyCycle <= 1)) throw new RangeError(`dutyCycle must be in (0, 1], got ${p.dutyCycle}`);
  return {
    deltaV_m_s,
    propellant_kg,
    insertionMass_kg: p.stationMass_kg + propellant_kg,
    timeToStation_s: (propellant_kg * ve) / (p.thrust_N * p.dutyCycle),
    thrust_N: p.thrust_N,
  };
}
