/** Unit conversions the tests write their expectations with, kept apart from the code under test (src/base/convert). */

/** One degree in radians: `53 * deg`. */
export const deg = Math.PI / 180;

/** Degrees to radians: `rad(53)`. */
export function rad(degrees: number): number {
  return (degrees * Math.PI) / 180;
}

/** Kilometres to metres: `km(550)`. */
export function km(kilometres: number): number {
  return kilometres * 1e3;
}
