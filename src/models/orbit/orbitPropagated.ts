/**
 * SGP4 cross-check of the analytic orbit model (NOT in the optimizer's hot path).
 *
 * The only file that imports satellite.js (pinned ^7.1.0; ESM only); km → m at the boundary, and satellite.js
 * failures become a thrown `Error` that the caller turns into a failed design.
 * Method: the circular orbit as a CCSDS OMM (BSTAR = 0) through `json2satrec` and `sgp4` on a fixed step; Sun from
 * `sunPos` (Vallado 2013 Algorithm 29), shadow from `shadowFraction` (conical, with penumbra).
 * Validity: near-circular LEO, 300–2000 km; the radius comes out ~1 km above R⊕ + h (Kozai mean motion).
 * Reference: docs/sources.md §12 — 550 km, 53°, RAAN 0, 2026-03-20, one orbit → mean shadow 0.3724.
 * Derivation, evidence and costs: docs/models.md §"SGP4 cross-check".
 */
import type { SatRec } from 'satellite.js';
import type { SatelliteJs } from '../../base/satelliteJs.js';
import { satelliteJs } from '../../base/satelliteJs.js';
import { EARTH_MU_m3_s2, EARTH_RADIUS_m, DAY_s } from '../../base/constants.js';
import { M_PER_KM, rad_to_deg, S_PER_MIN } from '../../base/convert.js';
import { ORBIT_ALTITUDE_MAX_m, ORBIT_ALTITUDE_MIN_m } from './orbit.js';

export interface PropagatedOrbitParams {
  /** Altitude above R⊕ [m], 300–2000 km. */
  readonly altitude_m: number;
  /** Inclination [rad], 0..π. */
  readonly inclination_rad: number;
  /** Right ascension of the ascending node at epoch [rad]. */
  readonly raan_rad: number;
  /** Epoch, ISO 8601 UTC, e.g. '2026-03-20T00:00:00Z'. */
  readonly epochIso: string;
}

export interface PropagatedShadowParams extends PropagatedOrbitParams {
  /** Propagation span [s]; default one two-body period. */
  readonly duration_s?: number;
  /** Sampling step [s]; default 10 s. */
  readonly step_s?: number;
}

export interface PropagatedShadowResult {
  /** Time-mean Earth-shadow fraction (penumbra counted fractionally) [-]. */
  readonly meanShadowFraction: number;
  /** Fraction of samples fully in the umbra [-]. */
  readonly umbraFraction: number;
  readonly samples: number;
  /** Mean geocentric radius along the propagated arc [m]. */
  readonly meanRadius_m: number;
}

export interface PropagatedStateParams extends PropagatedOrbitParams {
  /** Time since epoch [s]. */
  readonly tsince_s: number;
}

export interface PropagatedStateResult {
  /** TEME position [m]. */
  readonly positionTeme_m: { readonly x: number; readonly y: number; readonly z: number };
  /** TEME velocity [m/s]. */
  readonly velocityTeme_m_s: { readonly x: number; readonly y: number; readonly z: number };
  readonly radius_m: number;
}

function buildSatrec(p: Readonly<PropagatedOrbitParams>): SatRec {
  if (!(p.altitude_m >= ORBIT_ALTITUDE_MIN_m && p.altitude_m <= ORBIT_ALTITUDE_MAX_m)) {
    throw new RangeError(`propagated orbit: altitude_m = ${p.altitude_m} is outside 300–2000 km`);
  }
  if (!(p.inclination_rad >= 0 && p.inclination_rad <= Math.PI)) {
    throw new RangeError(`propagated orbit: inclination_rad = ${p.inclination_rad} must be in [0, π]`);
  }
  const a = EARTH_RADIUS_m + p.altitude_m;
  const meanMotion_rev_day = (Math.sqrt(EARTH_MU_m3_s2 / (a * a * a)) * DAY_s) / (2 * Math.PI);
  const epoch = p.epochIso.endsWith('Z') ? p.epochIso.slice(0, -1) : p.epochIso;
  const { json2satrec, SatRecError } = satelliteJs();
  const satrec = json2satrec({
    OBJECT_NAME: 'ODC-NODE',
    OBJECT_ID: '2026-000A',
    EPOCH: epoch,
    MEAN_MOTION: meanMotion_rev_day,
    ECCENTRICITY: 1e-7,
    INCLINATION: rad_to_deg(p.inclination_rad),
    RA_OF_ASC_NODE: rad_to_deg(p.raan_rad),
    ARG_OF_PERICENTER: 0,
    MEAN_ANOMALY: 0,
    EPHEMERIS_TYPE: 0,
    CLASSIFICATION_TYPE: 'U',
    NORAD_CAT_ID: 99999,
    ELEMENT_SET_NO: 999,
    REV_AT_EPOCH: 1,
    BSTAR: 0,
    MEAN_MOTION_DOT: 0,
    MEAN_MOTION_DDOT: 0,
  });
  if (!Number.isFinite(satrec.jdsatepoch)) throw new Error(`propagated orbit: cannot parse epochIso '${p.epochIso}'`);
  if (satrec.error !== SatRecError.None) {
    throw new Error(`propagated orbit: SGP4 initialisation failed (SatRecError.${SatRecError[satrec.error]})`);
  }
  return satrec;
}

function stateAt(satrec: SatRec, tsince_s: number): NonNullable<ReturnType<SatelliteJs['sgp4']>> {
  const { sgp4, SatRecError } = satelliteJs();
  const pv = sgp4(satrec, tsince_s / S_PER_MIN);
  if (pv === null) {
    throw new Error(
      `propagated orbit: SGP4 failed at t = ${tsince_s} s (SatRecError.${SatRecError[satrec.error] ?? satrec.error})`,
    );
  }
  return pv;
}

/** SGP4 state at one instant, in metres (used by the adapter's fixture test). */
export function propagatedState(p: Readonly<PropagatedStateParams>): PropagatedStateResult {
  const pv = stateAt(buildSatrec(p), p.tsince_s);
  const r = pv.position;
  const v = pv.velocity;
  return {
    positionTeme_m: { x: r.x * M_PER_KM, y: r.y * M_PER_KM, z: r.z * M_PER_KM },
    velocityTeme_m_s: { x: v.x * M_PER_KM, y: v.y * M_PER_KM, z: v.z * M_PER_KM },
    radius_m: Math.hypot(r.x, r.y, r.z) * M_PER_KM,
  };
}

/** Mean Earth-shadow fraction over a propagated arc (default: one orbit at 10 s steps). */
export function propagatedShadowFraction(p: Readonly<PropagatedShadowParams>): PropagatedShadowResult {
  const satrec = buildSatrec(p);
  const a = EARTH_RADIUS_m + p.altitude_m;
  const duration_s = p.duration_s ?? 2 * Math.PI * Math.sqrt((a * a * a) / EARTH_MU_m3_s2);
  const step_s = p.step_s ?? 10;
  if (!(duration_s > 0 && step_s > 0 && duration_s / step_s <= 1e6)) {
    throw new RangeError(`propagatedShadowFraction: need duration_s > 0, step_s > 0 and at most 1e6 samples`);
  }
  const samples = Math.max(1, Math.round(duration_s / step_s));
  const jd0 = satrec.jdsatepoch;
  const { shadowFraction, sunPos } = satelliteJs();
  let shadow = 0;
  let umbra = 0;
  let radius = 0;
  for (let k = 0; k < samples; k++) {
    const t_s = (k + 0.5) * (duration_s / samples);
    const r = stateAt(satrec, t_s).position;
    const s = shadowFraction(sunPos(jd0 + t_s / DAY_s).rsun, r);
    shadow += s;
    if (s >= 1) umbra++;
    radius += Math.hypot(r.x, r.y, r.z);
  }
  return {
    meanShadowFraction: shadow / samples,
    umbraFraction: umbra / samples,
    samples,
    meanRadius_m: (radius / samples) * M_PER_KM,
  };
}
