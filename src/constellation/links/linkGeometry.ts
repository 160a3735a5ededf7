/**
 * Geometry of one inter-satellite link at one instant: the lowest altitude of its line of sight (LOS), its pointing
 * rate and whether an end is poleward of the latitude cutoff.
 *
 * Earth blockage: the segment A→B must clear R⊕ + grazing height at its closest point A + t·(B−A),
 * t = clamp(−A·(B−A)/|B−A|², 0, 1) (the grazing height is the caller's: linkSampling.ts). Latitude: geocentric
 * asin(z/|r|). Pointing rate: the angular rate of the LOS in each end's orbital (radial / along-track / normal) frame,
 * the larger of the two, from the ends' velocities at that instant (no finite difference, so a fast swing between two
 * samples is not averaged away); the ends' states are laid out as linkSampling.ts STATE_FIELDS (position, velocity,
 * the frame's angular velocity ω).
 * Validity: spherical Earth of equatorial radius; each end's frame turns rigidly at its ω.
 * Derivation, evidence and costs: docs/constellations.md §"Link geometry sampling".
 */
import { EARTH_RADIUS_m } from '../../base/constants.js';

/**
 * Angular rate [rad/s] of a line of sight of unit direction u and length d whose far end moves at velocity e relative
 * to the frame the rate is taken in: the part of e across the line of sight over d, |e − u(u·e)|/d.
 */
export function transverseRate_rad_s(
  ux: number,
  uy: number,
  uz: number,
  d: number,
  ex: number,
  ey: number,
  ez: number,
): number {
  const k = ux * ex + uy * ey + uz * ez;
  const px = ex - k * ux,
    py = ey - k * uy,
    pz = ez - k * uz;
  return Math.sqrt(px * px + py * py + pz * pz) / d;
}

/**
 * Pointing rate [rad/s] of the link between the states at s[a…] and s[b…] (STATE_FIELDS each): the larger over its two
 * ends of the line of sight's angular rate in that end's rotating frame, the far end's velocity relative to that frame
 * being (v_B − v_A) − ω_end × (B − A). Two satellites turning rigidly together (one circular plane) read 0.
 */
export function pointingRate_rad_s(s: Float64Array, a: number, b: number): number {
  const dx = s[b]! - s[a]!,
    dy = s[b + 1]! - s[a + 1]!,
    dz = s[b + 2]! - s[a + 2]!;
  return differencePointingRate(s, a, b, dx, dy, dz, Math.sqrt(dx * dx + dy * dy + dz * dz));
}

/**
 * pointingRate_rad_s of the link whose ends' difference B − A is (dx, dy, dz), of length d. Ends turning at one ω (one
 * plane) see the line of sight turn at one rate: B's frame is not evaluated again. Each end's frame is written out in
 * one loop rather than called: V8 inlines this function into the link sampling's pointing pass, where a frame-rate
 * call left out of line (the pass's inlining budget spent) boxed the nine numbers handed to it per link and sample.
 */
export function differencePointingRate(
  s: Float64Array,
  a: number,
  b: number,
  dx: number,
  dy: number,
  dz: number,
  d: number,
): number {
  if (!(d > 0)) return 0;
  const ux = dx / d,
    uy = dy / d,
    uz = dz / d;
  const vx = s[b + 3]! - s[a + 3]!,
    vy = s[b + 4]! - s[a + 4]!,
    vz = s[b + 5]! - s[a + 5]!;
  // the line of sight again from its unit vector, (ux·d, uy·d, uz·d), as each end's frame reads it
  const rx = ux * d,
    ry = uy * d,
    rz = uz * d;
  let rate = 0;
  for (let end = 0, w = a + 6; end < 2; end++, w = b + 6) {
    // the far end's velocity relative to the frame turning at ω = s[w…w+2]: (v_B − v_A) − ω × (B − A)
    const wx = s[w]!,
      wy = s[w + 1]!,
      wz = s[w + 2]!;
    const r = transverseRate_rad_s(
      ux,
      uy,
      uz,
      d,
      vx - (wy * rz - wz * ry),
      vy - (wz * rx - wx * rz),
      vz - (wx * ry - wy * rx),
    );
    if (end === 1) return Math.max(rate, r);
    rate = r;
    if (s[a + 6] === s[b + 6] && s[a + 7] === s[b + 7] && s[a + 8] === s[b + 8]) return rate;
  }
  return rate;
}

/** Lowest altitude above the sphere R⊕ of the segment A–B [m]. */
export function lineOfSightAltitude_m(ax: number, ay: number, az: number, bx: number, by: number, bz: number): number {
  const dx = bx - ax,
    dy = by - ay,
    dz = bz - az;
  return segmentAltitude_m(ax, ay, az, dx, dy, dz, dx * dx + dy * dy + dz * dz);
}

/** lineOfSightAltitude_m of the segment from A along (dx, dy, dz), of squared length d2. */
export function segmentAltitude_m(
  ax: number,
  ay: number,
  az: number,
  dx: number,
  dy: number,
  dz: number,
  d2: number,
): number {
  const t = d2 > 0 ? Math.min(1, Math.max(0, -(ax * dx + ay * dy + az * dz) / d2)) : 0;
  const cx = ax + t * dx,
    cy = ay + t * dy,
    cz = az + t * dz;
  return Math.sqrt(cx * cx + cy * cy + cz * cz) - EARTH_RADIUS_m;
}

/**
 * Whether a satellite of |sin latitude| sinLat is poleward of the cutoff, |asin(z/|r|)| > cutoff: decided on sinLat
 * against sin(cutoff) = sc away from it (asin is monotonic and odd), by asin itself within 1e-12 of it.
 */
export function poleward(sinLat: number, sc: number, cutoff_rad: number): 0 | 1 {
  if (sinLat > sc + 1e-12) return 1;
  return sinLat >= sc - 1e-12 && Math.asin(sinLat) > cutoff_rad ? 1 : 0;
}

/**
 * poleward of a point (x, y, z) against a cutoff of sine sc, its squared sine bounds `squaredSineBounds(sc)` first:
 * z² below lo·r² or above hi·r² settles it without the square root and division. The bounds sit 1e-9 (relative)
 * beyond poleward's own ±1e-12 band, far above the few roundings of z², r² and z/√r², so a point they settle gets
 * poleward's own answer; the rest is decided by poleward itself.
 */
export function polewardPoint(
  x: number,
  y: number,
  z: number,
  sc: number,
  cutoff_rad: number,
  lo: number,
  hi: number,
): 0 | 1 {
  const r2 = x * x + y * y + z * z,
    z2 = z * z;
  if (z2 < lo * r2) return 0;
  if (z2 > hi * r2) return 1;
  return poleward(Math.abs(z / Math.sqrt(r2)), sc, cutoff_rad);
}

/** Squared-sine bounds of polewardPoint for a cutoff of sine sc (−1 and Infinity where a side cannot be settled). */
export function squaredSineBounds(sc: number): { lo: number; hi: number } {
  const below = (sc - 1e-12) * (1 - 1e-9),
    above = (sc + 1e-12) * (1 + 1e-9);
  return { lo: below > 1e-6 ? below * below : -1, hi: above < 1 ? above * above : Infinity };
}
