/**
 * Bounds that settle every link of a plane (in-plane) or of a gap between two planes (cross-plane) at once, for the
 * per-instant link capacities of torusInstant.ts: when the longest link is provably capped and clear of the Earth,
 * every link's capacity is the terminal's, as the link by link computation would find it.
 *
 * In-plane links are 2r_q·sin(π/S) long; cross-plane links at most √λmax of the Gram matrix
 * [[A·A, A·B], [A·B, B·B]], A = r_a û_a − r_b û′_b, B = r_a t̂_a − r_b t̂′_b, and at least √λmin, where the plane
 * frames are orthonormal to 1e-12 (`frameFits`). Bounds widened by 1e-9 relative and 1 mm; clearance √(r² − D²/4) on
 * the lower radius; a gap's pointing rates at most |Δω|·r/d_min (torusInstant.ts).
 * Validity: circular planes as propagate.ts places them (no cluster offsets); otherwise link by link.
 * Derivation, evidence and costs: docs/constellations.md §"Plane and gap link bounds".
 */

/** Relative widening of every bound (far above the rounding of the positions and of the frame). */
const WIDEN = 1e-9;
/** Absolute widening of a link length bound [m]. */
const SLACK_m = 1e-3;

/** Whether plane frame f[o…o+6] (r, û, t̂) is orthonormal to 1e-12: |û|², |t̂|² within it of 1, û·t̂ of 0. */
export function frameFits(f: Float64Array, o: number): boolean {
  const ux = f[o + 1]!,
    uy = f[o + 2]!,
    uz = f[o + 3]!,
    tx = f[o + 4]!,
    ty = f[o + 5]!,
    tz = f[o + 6]!;
  const uu = ux * ux + uy * uy + uz * uz,
    tt = tx * tx + ty * ty + tz * tz,
    ut = ux * tx + uy * ty + uz * tz;
  return Math.abs(uu - 1) + Math.abs(tt - 1) + 2 * Math.abs(ut) <= 1e-12;
}

/** Upper bound on the length of plane q's in-plane links [m] (frame at f[o], S slots). */
export function inPlaneLengthBound_m(f: Float64Array, o: number, S: number): number {
  return 2 * f[o]! * chordSine(S) * (1 + WIDEN) + SLACK_m;
}

/** sin(π/S), kept for the last S asked (every plane of a shell at every instant reads it). */
let chord = { S: 0, sin: NaN };
function chordSine(S: number): number {
  if (chord.S !== S) chord = { S, sin: Math.sin(Math.PI / S) };
  return chord.sin;
}

/** Bounds on a link length [m], written in place (one record per caller: this runs for every gap at every instant). */
export interface LengthBounds {
  min: number;
  max: number;
}

/**
 * Extreme eigenvalues of the Gram matrix [[A·A, A·B], [A·B, B·B]] of the links from plane a's slot s to plane b's
 * slot s + k (frames at f[oa], f[ob], S slots), into `out`: a link's squared length lies between them.
 */
function crossGram(f: Float64Array, oa: number, ob: number, k: number, S: number, out: LengthBounds): void {
  // cos 0 = 1 and sin 0 = 0 exactly: no call for the gaps without a twist (every gap but the seam)
  const phi = (2 * Math.PI * k) / S;
  const cp = k === 0 ? 1 : Math.cos(phi),
    sp = k === 0 ? 0 : Math.sin(phi);
  const ra = f[oa]!,
    rb = f[ob]!;
  // A = r_a û_a − r_b û′_b, B = r_a t̂_a − r_b t̂′_b, component by component (scalars: this runs for every gap).
  let aa = 0,
    bb = 0,
    ab = 0;
  for (let i = 1; i <= 3; i++) {
    const ub = f[ob + i]!,
      tb = f[ob + 3 + i]!;
    const a = ra * f[oa + i]! - rb * (cp * ub + sp * tb),
      b = ra * f[oa + 3 + i]! - rb * (cp * tb - sp * ub);
    aa += a * a;
    bb += b * b;
    ab += a * b;
  }
  const spread = Math.sqrt(((aa - bb) / 2) ** 2 + ab * ab);
  out.min = (aa + bb) / 2 - spread;
  out.max = (aa + bb) / 2 + spread;
}

/**
 * Bounds on the length of the links from plane a's slot s to plane b's slot s + k [m] (frames at f[oa], f[ob], S
 * slots), into `out` (returned): max √λmax widened, min √λmin narrowed as max is widened (≥ 0).
 */
export function crossLengthBounds_m(
  f: Float64Array,
  oa: number,
  ob: number,
  k: number,
  S: number,
  out: LengthBounds,
): LengthBounds {
  crossGram(f, oa, ob, k, S, out);
  const min = Math.max(0, Math.sqrt(Math.max(0, out.min)) * (1 - WIDEN) - SLACK_m);
  out.max = Math.sqrt(out.max) * (1 + WIDEN) + SLACK_m;
  out.min = min;
  return out;
}

/**
 * Whether every link between planes qa and qb (each turning at ω = omega[3q…3q+2], radii ≤ r_m) at least
 * `minLength_m` long turns within the slew limit: a line of sight's rate in either end's frame is at most
 * |Δω|·r/d (torusInstant.ts), widened by 1e-9.
 */
export function pointingSettled(
  omega: Float64Array,
  qa: number,
  qb: number,
  r_m: number,
  minLength_m: number,
  slewLimit_rad_s: number,
): boolean {
  // √ of the squares, not Math.hypot (several times slower): within an ulp of it, far inside the 1e-9 widening.
  const dx = omega[3 * qb]! - omega[3 * qa]!,
    dy = omega[3 * qb + 1]! - omega[3 * qa + 1]!,
    dz = omega[3 * qb + 2]! - omega[3 * qa + 2]!;
  const dw = Math.sqrt(dx * dx + dy * dy + dz * dz);
  return dw * r_m * (1 + WIDEN) <= slewLimit_rad_s * minLength_m;
}

/**
 * Whether links at most `length_m` long between satellites at radii ≥ r_m are all within the capped range and clear
 * the Earth: length ≤ capped_m and r²(1 − 1e-9) − length²/4 ≥ clear2 (the squared clearance radius with its margin).
 */
export function linksSettled(r_m: number, length_m: number, capped_m: number, clear2_m2: number): boolean {
  return length_m <= capped_m && r_m * r_m * (1 - WIDEN) - 0.25 * length_m * length_m >= clear2_m2;
}

/** Whether |sin latitude| ≈ `sinLat` (within 1e-12, an orthonormal frame) is decided against sin(cutoff) `sc`. */
export function clearOfCutoff(sinLat: number, sc: number): boolean {
  return Math.abs(sinLat - sc) > WIDEN;
}
