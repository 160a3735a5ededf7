/**
 * Launch-vehicle performance to a target circular orbit: payload [kg] a vehicle delivers directly to altitude h and
 * inclination i, from its published performance points only (user's guides and maker statements, each catalog point
 * with its source and year). The result says how it was obtained: on a published point, interpolated between them,
 * extrapolated beyond them (flagged), or refused.
 *
 * Method: linear interpolation in altitude along a curve of one inclination, then in inclination (each curve derated
 * by its own extrapolation first); every point is a floor, so at a fixed altitude the payload never rises with
 * inclination: a higher-inclination curve carrying more holds at every easier one (Falcon 9's 97.6° Starlink floor over
 * its 86.4° Iridium one); `upTo` bounds (Starship Users Guide rev 1.0, 2020, Table 3 note 1) as published; beyond the
 * published range the rocket-equation rule (Sutton & Biblarz 9th ed. §4.1) m_B = (m_A + m_d)·exp(−Δv/(g₀ Isp)) − m_d
 * with the Hohmann ΔV (Vallado 2013 §6.3.1) and the Earth-rotation ΔV v⊕(cos i_c − cos i), derated by 1 − ΔV⁺/L (ΔV⁺
 * toward the harder orbit, L = EXTRAPOLATION_LIMIT_DELTA_V_m_s): continuous, ×½ at the measured 700 m/s where the rule
 * was up to 1.94× optimistic, zero at L. Refused (payload 0, with the reason): a row without published points; an
 * orbit needing more than L of extrapolation; a sun-synchronous orbit for a row the catalog marks not offered for SSO.
 * Validity: direct insertion into circular LEO, 150–2000 km; the rule is first order (no gravity or steering losses,
 * no dogleg). Held-out error of the derated rule −28 … −3 % at 569–697 m/s toward harder orbits; unmeasured beyond.
 * Derivation, evidence and costs: docs/models.md §"Launch-vehicle performance"; docs/approximations.md.
 */
import { EARTH_MU_m3_s2, EARTH_RADIUS_m, STANDARD_GRAVITY_m_s2 } from '../../base/constants.js';
import { deg_to_rad, km_to_m } from '../../base/convert.js';
import { sunSynchronousInclination } from '../orbit/orbit.js';

/** Earth rotation rate [rad/s] — IERS Conventions (2010), 7.292115e-5. */
const EARTH_ROTATION_rad_s = 7.292115e-5;
/** Equatorial surface speed of the Earth's rotation [m/s] (465.1). */
export const EARTH_ROTATION_SPEED_m_s = EARTH_ROTATION_rad_s * EARTH_RADIUS_m;
export const DEFAULT_UPPER_STAGE_ISP_s = 340;
export const DEFAULT_UPPER_STAGE_DRY_FRACTION = 0.2;
/**
 * Largest extrapolation ΔV [m/s] over which the rule's error was measured: the held-out checks (docs/models.md
 * §"Launch-vehicle performance") span 563–697 m/s (errors of the underated rule −39 … +94 %).
 */
export const MEASURED_EXTRAPOLATION_DELTA_V_m_s = 700;
/**
 * The extrapolation limit [m/s]: the derating 1 − ΔV⁺/L halves the rule's payload at the measured range (700 m/s,
 * where it was up to 1.94× optimistic) and reaches zero here; an orbit that needs more is refused (the catalog's
 * stated limit).
 */
export const EXTRAPOLATION_LIMIT_DELTA_V_m_s = 2 * MEASURED_EXTRAPOLATION_DELTA_V_m_s;
const SAME_INCLINATION_rad = 1e-6;
/** A target within this of the sun-synchronous inclination at its altitude is a sun-synchronous orbit [rad] (1°). */
const SSO_INCLINATION_TOLERANCE_rad = Math.PI / 180;
/** Altitudes closer than this are the same [m] (a bound's own altitude is inside its envelope). */
const SAME_ALTITUDE_m = 1e-6;

export interface PerformancePoint {
  readonly altitude_m: number;
  /** Numeric inclination [rad], or 'sso' (J2 sun-synchronous at this altitude). */
  readonly inclination: number | 'sso';
  readonly payload_kg: number;
  /** A bound: this payload to every circular orbit up to this altitude and up to this inclination. */
  readonly upTo?: boolean;
}

export interface UpperStage {
  readonly dryMass_kg: number;
  readonly isp_s: number;
}

export interface PayloadToOrbitParams {
  /** Published points; empty → refused for every orbit. */
  readonly points: readonly PerformancePoint[];
  /** Final stage of the extrapolation rule; absent: the ESTIMATE defaults (docs/models.md). */
  readonly upperStage?: UpperStage;
  /** Not offered for sun-synchronous orbits: why (the catalog row's ssoNotOffered); absent: offered. */
  readonly ssoNotOffered?: string;
  readonly altitude_m: number;
  readonly inclination_rad: number;
}

/** How the payload figure was obtained: on a published point, interpolated, extrapolated (flagged) or refused. */
export type PerformanceBasis = 'published' | 'interpolated' | 'extrapolated' | 'refused';

export interface PayloadToOrbitResult {
  /** 0 when refused. */
  readonly payload_kg: number;
  readonly basis: PerformanceBasis;
  /**
   * ΔV of the rocket-equation rule from the nearest published data [m/s]: 0 within the published range; when refused
   * for the extrapolation limit, the ΔV the orbit would need; else 0.
   */
  readonly extrapolationDeltaV_m_s: number;
  /**
   * The factor the rule's payload was derated by, 1 − ΔV⁺/EXTRAPOLATION_LIMIT_DELTA_V_m_s (ΔV⁺: the extrapolation
   * toward harder orbits); 1 when not extrapolated or toward easier orbits only, 0 when refused.
   */
  readonly derating: number;
  /** Why the vehicle is refused for this orbit (basis refused only), for messages that name vehicle and orbit. */
  readonly refusal?: string;
  /**
   * Refused past the extrapolation limit only: the rule's payload there, not derated [kg], for a record that must
   * still show a campaign (evaluate.ts plans an unlaunchable shell on it for reference, the launch check failed).
   */
  readonly beyondLimit_kg?: number;
}

/** Signed Hohmann ΔV between circular orbits of altitudes h1 → h2 [m/s] (+ to raise). */
export function hohmannDeltaV_m_s(h1_m: number, h2_m: number): number {
  const r1 = EARTH_RADIUS_m + h1_m,
    r2 = EARTH_RADIUS_m + h2_m;
  const dv1 = Math.sqrt(EARTH_MU_m3_s2 / r1) * (Math.sqrt((2 * r2) / (r1 + r2)) - 1);
  const dv2 = Math.sqrt(EARTH_MU_m3_s2 / r2) * (1 - Math.sqrt((2 * r1) / (r1 + r2)));
  return Math.sign(h2_m - h1_m) * (Math.abs(dv1) + Math.abs(dv2));
}

/** Payload after an extra ΔV of the final stage (rocket equation); negative ΔV gains payload. */
export function rocketEquationPayload_kg(payload_kg: number, deltaV_m_s: number, stage: Readonly<UpperStage>): number {
  const ratio = Math.exp(-deltaV_m_s / (STANDARD_GRAVITY_m_s2 * stage.isp_s));
  return Math.max(0, (payload_kg + stage.dryMass_kg) * ratio - stage.dryMass_kg);
}

const curveInclination_rad = (inc: number | 'sso', altitude_m: number): number =>
  inc === 'sso' ? sunSynchronousInclination({ altitude_m: Math.max(300e3, altitude_m) }).inclination_rad : inc;

/** Earth-rotation ΔV from inclination i_c to i [m/s] (+ when i is the harder one). */
const rotationDeltaV_m_s = (from_rad: number, to_rad: number): number =>
  EARTH_ROTATION_SPEED_m_s * (Math.cos(from_rad) - Math.cos(to_rad));

/**
 * A payload with how it was obtained: `dv` the extrapolation ΔV (0 within the published range), `harder` its part
 * toward harder orbits (raising, or less of the Earth's rotation), which the derating reads.
 */
interface Candidate {
  readonly payload_kg: number;
  readonly dv: number;
  readonly harder: number;
  readonly exact: boolean;
  /** Between two curves: the interpolation of each curve's derated payload [kg] (a curve past the limit gives 0). */
  readonly derated_kg?: number;
  /** Between two curves: past the limit only when both are. */
  readonly beyondLimit?: boolean;
}

/** The derating of a payload extrapolated `harder` m/s toward harder orbits (0 at and past the limit). */
const deratingOf = (harder: number): number =>
  1 - Math.min(harder, EXTRAPOLATION_LIMIT_DELTA_V_m_s) / EXTRAPOLATION_LIMIT_DELTA_V_m_s;

/** A curve's payload as the target would get it from that curve alone: derated, 0 past the limit. */
const deratedOnCurve = (c: Candidate): number =>
  c.dv > EXTRAPOLATION_LIMIT_DELTA_V_m_s ? 0 : c.payload_kg * deratingOf(c.harder);

interface CurveValue extends Candidate {
  readonly inclination_rad: number;
}

/** One inclination curve at the target altitude: linear between bracketing points, rocket-equation rule beyond. */
function alongCurve(sorted: readonly PerformancePoint[], h: number, stage: UpperStage): CurveValue {
  const first = sorted[0]!,
    last = sorted.at(-1)!;
  const inc = curveInclination_rad(first.inclination, h);
  if (h < first.altitude_m || h > last.altitude_m) {
    const from = h < first.altitude_m ? first : last;
    const dv = hohmannDeltaV_m_s(from.altitude_m, h);
    return {
      inclination_rad: inc,
      payload_kg: rocketEquationPayload_kg(from.payload_kg, dv, stage),
      dv: Math.abs(dv),
      harder: Math.max(0, dv),
      exact: false,
    };
  }
  for (let j = 0; j < sorted.length; j++) {
    const p = sorted[j]!;
    if (p.altitude_m === h) return { inclination_rad: inc, payload_kg: p.payload_kg, dv: 0, harder: 0, exact: true };
    const q = sorted[j + 1];
    if (q !== undefined && h > p.altitude_m && h < q.altitude_m) {
      const t = (h - p.altitude_m) / (q.altitude_m - p.altitude_m);
      return {
        inclination_rad: inc,
        payload_kg: p.payload_kg + t * (q.payload_kg - p.payload_kg),
        dv: 0,
        harder: 0,
        exact: false,
      };
    }
  }
  return { inclination_rad: inc, payload_kg: last.payload_kg, dv: 0, harder: 0, exact: true };
}

/** The points grouped by inclination (in the order first met), each group sorted by altitude. */
function inclinationCurves(points: readonly PerformancePoint[]): readonly (readonly PerformancePoint[])[] {
  const groups = new Map<string, PerformancePoint[]>();
  for (const pt of points) {
    const key = pt.inclination === 'sso' ? 'sso' : pt.inclination.toFixed(9);
    groups.set(key, [...(groups.get(key) ?? []), pt]);
  }
  return [...groups.values()].map((g) => g.sort((a, b) => a.altitude_m - b.altitude_m));
}

/** The curves at the target: on one, between two, or beyond the outermost by the Earth-rotation rule. */
function fromCurves(
  groups: readonly (readonly PerformancePoint[])[],
  stage: UpperStage,
  altitude_m: number,
  i: number,
): Candidate | undefined {
  if (groups.length === 0) return undefined;
  const curves = groups
    .map((g) => alongCurve(g, altitude_m, stage))
    .sort((a, b) => a.inclination_rad - b.inclination_rad);
  const at = curves.find((c) => Math.abs(c.inclination_rad - i) <= SAME_INCLINATION_rad);
  if (at !== undefined) return heldFromHarder(curves, i, at);
  const lo = curves[0]!,
    hi = curves.at(-1)!;
  if (i < lo.inclination_rad || i > hi.inclination_rad) {
    const from = i < lo.inclination_rad ? lo : hi;
    const dv = rotationDeltaV_m_s(from.inclination_rad, i);
    return heldFromHarder(curves, i, {
      payload_kg: rocketEquationPayload_kg(from.payload_kg, dv, stage),
      dv: from.dv + Math.abs(dv),
      harder: from.harder + Math.max(0, dv),
      exact: false,
    });
  }
  const k = curves.findIndex((c) => c.inclination_rad > i);
  const a = curves[k - 1]!,
    b = curves[k]!;
  const t = (i - a.inclination_rad) / (b.inclination_rad - a.inclination_rad);
  const lerp = (x: number, y: number): number => x + t * (y - x);
  // Each curve derated by its own extrapolation, then interpolated: continuous into either curve, and a curve's
  // extrapolation weighs only as near as the target is to it.
  return heldFromHarder(curves, i, {
    payload_kg: lerp(a.payload_kg, b.payload_kg),
    dv: lerp(a.dv, b.dv),
    harder: lerp(a.harder, b.harder),
    exact: false,
    derated_kg: lerp(deratedOnCurve(a), deratedOnCurve(b)),
    beyondLimit: a.dv > EXTRAPOLATION_LIMIT_DELTA_V_m_s && b.dv > EXTRAPOLATION_LIMIT_DELTA_V_m_s,
  });
}

/** What a candidate delivers once derated (0 past the limit): the figure two candidates are compared by. */
const deliveredBy = (c: Candidate): number => (c.beyondLimit === true ? 0 : (c.derated_kg ?? deratedOnCurve(c)));

/**
 * Payload never rises with inclination at a fixed altitude (direct insertion: less of the Earth's rotation, more
 * plane to turn): each published point is a floor of the capability, and a floor at a harder (higher-inclination)
 * orbit is one at every easier inclination too. So the target takes the largest of its own candidate and every
 * higher-inclination curve at its altitude, held (without the rotation gain it would earn: conservative). Falcon 9's
 * two flown floors are the case: Starlink 3-1 at 97.6° carries more than Iridium NEXT at 86.4°, and between them, and
 * below, the 97.6° floor holds (docs/models.md §"Launch-vehicle performance").
 */
function heldFromHarder(curves: readonly CurveValue[], i: number, own: Candidate): Candidate {
  let best = own,
    bestKg = deliveredBy(own);
  for (const c of curves) {
    if (c.inclination_rad <= i + SAME_INCLINATION_rad || c.dv > EXTRAPOLATION_LIMIT_DELTA_V_m_s) continue;
    const kg = deratedOnCurve(c);
    if (kg > bestKg) {
      best = { payload_kg: c.payload_kg, dv: c.dv, harder: c.harder, exact: false };
      bestKg = kg;
    }
  }
  return best;
}

/**
 * A bound point at the target: its payload inside its envelope (h ≤ h_b, i ≤ i_b), else moved out of the envelope's
 * nearest corner by the rule (Hohmann raise above h_b, Earth-rotation ΔV above i_b).
 */
function fromBound(b: PerformancePoint, stage: UpperStage, altitude_m: number, i: number): Candidate {
  const ib = curveInclination_rad(b.inclination, b.altitude_m);
  const dvAlt = altitude_m > b.altitude_m + SAME_ALTITUDE_m ? hohmannDeltaV_m_s(b.altitude_m, altitude_m) : 0;
  const dvInc = i > ib + SAME_INCLINATION_rad ? rotationDeltaV_m_s(ib, i) : 0;
  return {
    payload_kg: rocketEquationPayload_kg(b.payload_kg, dvAlt + dvInc, stage),
    dv: dvAlt + dvInc,
    harder: dvAlt + dvInc,
    exact: dvAlt + dvInc === 0,
  };
}

/** What payloadToOrbit needs of a vehicle, whatever the target orbit: its inclination curves, bounds and stage. */
interface PreparedVehicle {
  readonly curves: readonly (readonly PerformancePoint[])[];
  readonly bounds: readonly PerformancePoint[];
  readonly stage: UpperStage;
  readonly ssoNotOffered?: string;
}
function prepare(p: Pick<PayloadToOrbitParams, 'points' | 'upperStage' | 'ssoNotOffered'>): PreparedVehicle {
  const largest = p.points.reduce((m, pt) => Math.max(m, pt.payload_kg), 0);
  const stage = p.upperStage ?? {
    dryMass_kg: DEFAULT_UPPER_STAGE_DRY_FRACTION * largest,
    isp_s: DEFAULT_UPPER_STAGE_ISP_s,
  };
  return {
    curves: inclinationCurves(p.points.filter((pt) => pt.upTo !== true)),
    bounds: p.points.filter((pt) => pt.upTo === true),
    stage,
    ...(p.ssoNotOffered !== undefined ? { ssoNotOffered: p.ssoNotOffered } : {}),
  };
}

/** Payload the vehicle delivers directly into the circular orbit (altitude_m, inclination_rad). */
export function payloadToOrbit(p: Readonly<PayloadToOrbitParams>): PayloadToOrbitResult {
  return payloadOf(prepare(p), p.altitude_m, p.inclination_rad);
}

const refused = (refusal: string, extrapolationDeltaV_m_s = 0, beyondLimit_kg?: number): PayloadToOrbitResult => ({
  payload_kg: 0,
  basis: 'refused',
  extrapolationDeltaV_m_s,
  derating: 0,
  refusal,
  ...(beyondLimit_kg !== undefined ? { beyondLimit_kg } : {}),
});
const REFUSED_NO_POINTS = refused('no published performance points (designs/catalogs/launch-vehicles.yaml)');

/** Whether (altitude_m, i) is a sun-synchronous orbit: within 1° of the J2 SSO inclination at that altitude. */
const isSunSynchronous = (altitude_m: number, i: number): boolean =>
  Math.abs(curveInclination_rad('sso', altitude_m) - i) <= SSO_INCLINATION_TOLERANCE_rad;

function payloadOf(v: PreparedVehicle, altitude_m: number, i: number): PayloadToOrbitResult {
  if (!(altitude_m > 0) || !Number.isFinite(i))
    throw new RangeError(`payloadToOrbit: bad target orbit (${altitude_m} m, ${i} rad)`);
  if (v.ssoNotOffered !== undefined && isSunSynchronous(altitude_m, i))
    return refused(`not offered for sun-synchronous orbits: ${v.ssoNotOffered}`);
  const fromPoints = fromCurves(v.curves, v.stage, altitude_m, i);
  // the candidates, the curves' first, then each bound's: within the published range a point or an interpolation wins
  // (the largest payload, the first of equals); otherwise the nearest published data (least ΔV, the first of equals).
  // A loop, not arrays and callbacks: this runs on every evaluation.
  let within: Candidate | undefined;
  let nearest: Candidate | undefined;
  for (let j = fromPoints === undefined ? 0 : -1; j < v.bounds.length; j++) {
    const c = j < 0 ? fromPoints! : fromBound(v.bounds[j]!, v.stage, altitude_m, i);
    if (Math.abs(c.dv) === 0 && (within === undefined || c.payload_kg > within.payload_kg)) within = c;
    if (nearest === undefined || Math.abs(c.dv) < Math.abs(nearest.dv)) nearest = c;
  }
  if (nearest === undefined) return REFUSED_NO_POINTS;
  if (within !== undefined) {
    return {
      payload_kg: within.payload_kg,
      basis: within.exact ? 'published' : 'interpolated',
      extrapolationDeltaV_m_s: 0,
      derating: 1,
    };
  }
  const dv = Math.abs(nearest.dv);
  if (nearest.beyondLimit ?? dv > EXTRAPOLATION_LIMIT_DELTA_V_m_s)
    return refused(
      `needs ${dv.toFixed(0)} m/s of extrapolation beyond its published points, past the ` +
        `${EXTRAPOLATION_LIMIT_DELTA_V_m_s} m/s limit where the derated rule's payload reaches zero`,
      dv,
      nearest.payload_kg,
    );
  const payload_kg = nearest.derated_kg ?? nearest.payload_kg * deratingOf(nearest.harder);
  const derating =
    nearest.derated_kg === undefined
      ? deratingOf(nearest.harder)
      : nearest.payload_kg > 0
        ? payload_kg / nearest.payload_kg
        : 0;
  return {
    payload_kg,
    basis: 'extrapolated',
    extrapolationDeltaV_m_s: dv,
    derating,
  };
}

/** The performance fields of a launch-vehicle catalog row (user units, as in designs/catalogs/launch-vehicles.yaml). */
export interface VehiclePerformanceRow {
  readonly performance?:
    | readonly {
        readonly altitude_km: number;
        readonly inclination_deg: number | 'sso';
        readonly payload_kg: number;
        readonly upTo?: boolean | undefined;
      }[]
    | undefined;
  readonly upperStage?: UpperStage | undefined;
  readonly ssoNotOffered?: string | undefined;
}

/** A catalog row in SI, prepared once per row (rows are immutable; the target orbit is the design's). */
const preparedRows = new WeakMap<Readonly<VehiclePerformanceRow>, PreparedVehicle>();

/**
 * Payload of a catalog row into the circular orbit (altitude_m, inclination_rad): converts the row's user units once.
 */
export function vehiclePayloadToOrbit(
  row: Readonly<VehiclePerformanceRow>,
  altitude_m: number,
  inclination_rad: number,
): PayloadToOrbitResult {
  let vehicle = preparedRows.get(row);
  if (vehicle === undefined) {
    vehicle = prepare({
      points: (row.performance ?? []).map((pt) => ({
        altitude_m: km_to_m(pt.altitude_km),
        payload_kg: pt.payload_kg,
        inclination: pt.inclination_deg === 'sso' ? 'sso' : deg_to_rad(pt.inclination_deg),
        ...(pt.upTo === true ? { upTo: true } : {}),
      })),
      ...(row.upperStage !== undefined ? { upperStage: row.upperStage } : {}),
      ...(row.ssoNotOffered !== undefined ? { ssoNotOffered: row.ssoNotOffered } : {}),
    });
    preparedRows.set(row, vehicle);
  }
  return payloadOf(vehicle, altitude_m, inclination_rad);
}

/** The flag text every output uses for a payload beyond the published points. */
export const EXTRAPOLATED_NOTE = 'extrapolated beyond published points';

/** What is known of the error of an extrapolation (held-out check, docs/models.md). */
export const extrapolationCaveat = (): string =>
  `derated by 1 − ΔV⁺/${EXTRAPOLATION_LIMIT_DELTA_V_m_s} m/s toward harder orbits: −28 … −3 % against held-out ` +
  `published points at 569–697 m/s, unmeasured beyond; refused past ${EXTRAPOLATION_LIMIT_DELTA_V_m_s} m/s, ` +
  'docs/approximations.md';
