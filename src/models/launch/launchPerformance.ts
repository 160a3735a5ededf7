/**
 * Launch-vehicle performance to a target circular orbit: payload [kg] a vehicle delivers directly to altitude h and
 * inclination i, from its published performance points, or estimated from one reference figure.
 *
 * Method
 * - Published points are grouped into curves of one inclination ("sso" points form one curve whose inclination at
 *   each altitude is the J2 sun-synchronous one, src/models/orbit/orbit.ts).
 * - Along a curve: linear in altitude between the two bracketing points (user's guides plot near-linear payload vs
 *   altitude over a few hundred km). Beyond the curve's last point: extrapolated from the nearest point by the
 *   rocket-equation rule below with the Hohmann ΔV between the two circular orbits (Vallado, Fundamentals of
 *   Astrodynamics and Applications, 4th ed. 2013, §6.3.1): Δv = |√(μ/r₁)(√(2r₂/(r₁+r₂)) − 1)| +
 *   |√(μ/r₂)(1 − √(2r₁/(r₁+r₂)))|, signed + to raise, − to lower.
 * - Between curves: linear in inclination between the two curves that bracket the target (at the target altitude).
 *   Beyond the outermost curve: the rocket-equation rule with the Earth-rotation ΔV, Δv = v⊕(cos i_c − cos i),
 *   v⊕ = ω⊕R⊕ = 465.1 m/s: a launch to inclination i ≥ |site latitude| gains v⊕·cos i of eastward velocity whatever
 *   the site (sin Az = cos i / cos φ, gain = v⊕ cos φ sin Az); doglegs and range-safety limits are not modelled.
 * - Rocket-equation rule (Tsiolkovsky, Sutton & Biblarz, Rocket Propulsion Elements 9th ed. §4.1): the final stage
 *   burns out with payload + dry mass m_d; an extra Δv divides that by exp(Δv/(g₀ Isp)):
 *   m_B = (m_A + m_d)·exp(−Δv/(g₀ Isp)) − m_d, floored at 0 (the vehicle cannot reach the orbit).
 * - Rows without published points: their single reference figure (payloadLeo_kg at referenceAltitude_km and
 *   referenceInclination_deg) through the same rule; the result is labelled an estimate.
 * - Upper stage default when a row gives none (ESTIMATE): Isp 340 s (Merlin Vacuum 348 s, YF-22E 300 s) and dry mass
 *   20 % of the reference payload (Falcon 9 second stage ~4 t for 22.8 t).
 *
 * Validity: direct insertion into circular LEO, 150–2000 km. The rule is first order: it ignores gravity and steering
 * losses of the longer burn and the site's dogleg, so it is optimistic toward harder orbits and pessimistic toward
 * easier ones. Held-out check against the catalog's published points, each predicted from the row's other point
 * alone (test/models/launch/launchPerformanceValidation.test.ts; both LEO points have an assumed orbit):
 *   Electron  300 kg @ 185 km × 45° → 500 km SSO: 243 kg vs 200 kg published (+22 %); reverse 248 vs 300 kg (−17 %);
 *   LM-2D     4 t @ 200 km × 41° → 700 km SSO: 2.52 t vs 1.3 t published (+94 %); reverse 2.43 vs 4 t (−39 %).
 *   Tolerance asserted: +0…+100 % toward the harder orbit, −45…0 % toward the easier one, over ≤ 500 km of altitude
 *   and ≤ 58° of inclination. The linear interpolation along a curve is not checked against published data: no row
 *   has two published points on one inclination curve (none was found, see the catalog's row comments).
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
 * Inclination of a reference figure that states none: 28.5° (Cape Canaveral, the usual Western LEO quote). ESTIMATE.
 */
export const DEFAULT_REFERENCE_INCLINATION_deg = 28.5;
const SAME_INCLINATION_rad = 1e-6;

export interface PerformancePoint {
  readonly altitude_m: number;
  /** Numeric inclination [rad], or 'sso' (J2 sun-synchronous at this altitude). */
  readonly inclination: number | 'sso';
  readonly payload_kg: number;
}

export interface UpperStage {
  readonly dryMass_kg: number;
  readonly isp_s: number;
}

export interface PayloadToOrbitParams {
  /** Published points; empty → estimate from the reference figure. */
  readonly points: readonly PerformancePoint[];
  readonly reference: { readonly altitude_m: number; readonly inclination_rad: number; readonly payload_kg: number };
  readonly upperStage?: UpperStage;
  readonly altitude_m: number;
  readonly inclination_rad: number;
}

/** How the payload figure was obtained: a published point, interpolated between them, extrapolated, or estimated. */
export type PerformanceBasis = 'published' | 'interpolated' | 'extrapolated' | 'estimate';

export interface PayloadToOrbitResult {
  readonly payload_kg: number;
  readonly basis: PerformanceBasis;
  /** ΔV of the rocket-equation rule applied (0 within published curves) [m/s]. */
  readonly extrapolationDeltaV_m_s: number;
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

interface CurveValue {
  readonly inclination_rad: number;
  readonly payload_kg: number;
  readonly dv: number;
  readonly exact: boolean;
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
      exact: false,
    };
  }
  for (let j = 0; j < sorted.length; j++) {
    const p = sorted[j]!;
    if (p.altitude_m === h) return { inclination_rad: inc, payload_kg: p.payload_kg, dv: 0, exact: true };
    const q = sorted[j + 1];
    if (q !== undefined && h > p.altitude_m && h < q.altitude_m) {
      const t = (h - p.altitude_m) / (q.altitude_m - p.altitude_m);
      return {
        inclination_rad: inc,
        payload_kg: p.payload_kg + t * (q.payload_kg - p.payload_kg),
        dv: 0,
        exact: false,
      };
    }
  }
  return { inclination_rad: inc, payload_kg: last.payload_kg, dv: 0, exact: true };
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

/** What payloadToOrbit needs of a vehicle, whatever the target orbit: its inclination curves and final stage. */
interface PreparedVehicle {
  readonly curves: readonly (readonly PerformancePoint[])[];
  readonly stage: UpperStage;
  readonly estimate: boolean;
}
function prepare(p: Pick<PayloadToOrbitParams, 'points' | 'reference' | 'upperStage'>): PreparedVehicle {
  const estimate = p.points.length === 0;
  const points: readonly PerformancePoint[] = estimate
    ? [
        {
          altitude_m: p.reference.altitude_m,
          inclination: p.reference.inclination_rad,
          payload_kg: p.reference.payload_kg,
        },
      ]
    : p.points;
  const stage = p.upperStage ?? {
    dryMass_kg: DEFAULT_UPPER_STAGE_DRY_FRACTION * p.reference.payload_kg,
    isp_s: DEFAULT_UPPER_STAGE_ISP_s,
  };
  return { curves: inclinationCurves(points), stage, estimate };
}

/** Payload the vehicle delivers directly into the circular orbit (altitude_m, inclination_rad). */
export function payloadToOrbit(p: Readonly<PayloadToOrbitParams>): PayloadToOrbitResult {
  return payloadOf(prepare(p), p.altitude_m, p.inclination_rad);
}

function payloadOf(
  { curves: groups, stage, estimate }: PreparedVehicle,
  altitude_m: number,
  i: number,
): PayloadToOrbitResult {
  if (!(altitude_m > 0) || !Number.isFinite(i))
    throw new RangeError(`payloadToOrbit: bad target orbit (${altitude_m} m, ${i} rad)`);
  const curves = groups
    .map((g) => alongCurve(g, altitude_m, stage))
    .sort((a, b) => a.inclination_rad - b.inclination_rad);
  const label = (exact: boolean, dv: number): PerformanceBasis =>
    estimate ? 'estimate' : dv > 0 ? 'extrapolated' : exact ? 'published' : 'interpolated';
  const at = curves.find((c) => Math.abs(c.inclination_rad - i) <= SAME_INCLINATION_rad);
  if (at !== undefined)
    return { payload_kg: at.payload_kg, basis: label(at.exact, at.dv), extrapolationDeltaV_m_s: at.dv };
  // outside the curves (and not within SAME_INCLINATION_rad of the outermost one): the Earth-rotation rule
  const lo = curves[0]!,
    hi = curves.at(-1)!;
  if (i < lo.inclination_rad || i > hi.inclination_rad) {
    const from = i < lo.inclination_rad ? lo : hi;
    const dv = EARTH_ROTATION_SPEED_m_s * (Math.cos(from.inclination_rad) - Math.cos(i));
    const payload_kg = rocketEquationPayload_kg(from.payload_kg, dv, stage);
    const total = from.dv + Math.abs(dv);
    return { payload_kg, basis: label(false, total), extrapolationDeltaV_m_s: total };
  }
  const k = curves.findIndex((c) => c.inclination_rad > i);
  const a = curves[k - 1]!,
    b = curves[k]!;
  const t = (i - a.inclination_rad) / (b.inclination_rad - a.inclination_rad);
  const dv = Math.max(a.dv, b.dv);
  return {
    payload_kg: a.payload_kg + t * (b.payload_kg - a.payload_kg),
    basis: label(false, dv),
    extrapolationDeltaV_m_s: dv,
  };
}

/** The performance fields of a launch-vehicle catalog row (user units, as in designs/catalogs/launch-vehicles.yaml). */
export interface VehiclePerformanceRow {
  readonly payloadLeo_kg: number;
  readonly referenceAltitude_km: number;
  readonly referenceInclination_deg?: number | undefined;
  readonly performance?:
    | readonly { readonly altitude_km: number; readonly inclination_deg: number | 'sso'; readonly payload_kg: number }[]
    | undefined;
  readonly upperStage?: UpperStage | undefined;
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
      })),
      reference: {
        altitude_m: km_to_m(row.referenceAltitude_km),
        payload_kg: row.payloadLeo_kg,
        inclination_rad: deg_to_rad(row.referenceInclination_deg ?? DEFAULT_REFERENCE_INCLINATION_deg),
      },
      ...(row.upperStage !== undefined ? { upperStage: row.upperStage } : {}),
    });
    preparedRows.set(row, vehicle);
  }
  return payloadOf(vehicle, altitude_m, inclination_rad);
}
