/**
 * Which satellites an ephemeris export (OEM, CZML) writes: a comma-separated list of `<shell>` (every satellite of
 * a shell), `<shell>/P<plane>` (a plane) and `<shell>/P<plane>/S<slot>` (one satellite), planes and slots 0-based as
 * in the satellites' names; `all` for every satellite. Unknown shells and out-of-range planes or slots are refused.
 */
import type { ExportableConstellation, SatelliteRecord } from './exportSatellites.js';

export type SatellitePredicate = (s: Readonly<SatelliteRecord>) => boolean;

/** The predicate of a selection text (see header); throws a RangeError naming the item that matches nothing. */
export function parseSatelliteSelection(spec: Readonly<ExportableConstellation>, text: string): SatellitePredicate {
  const items = text
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  if (items.length === 0) throw new RangeError('the satellite selection is empty');
  if (items.includes('all')) return () => true;
  const shells = spec.shells.map((s) => s.geometry);
  const tests = items.map((item): SatellitePredicate => {
    const m = /^(.+?)(?:\/P(\d+)(?:\/S(\d+))?)?$/.exec(item)!;
    const g = shells.find((s) => s.name === m[1]);
    if (g === undefined)
      throw new RangeError(
        `satellite selection '${item}': no shell '${m[1]}' (shells: ${shells.map((s) => s.name).join(', ')})`,
      );
    const plane = m[2] === undefined ? null : Number(m[2]);
    const slot = m[3] === undefined ? null : Number(m[3]);
    if (plane !== null && plane >= g.planes)
      throw new RangeError(`satellite selection '${item}': shell ${g.name} has planes P0…P${g.planes - 1}`);
    if (slot !== null && slot >= g.satsPerPlane)
      throw new RangeError(`satellite selection '${item}': shell ${g.name} has slots S0…S${g.satsPerPlane - 1}`);
    return (s) => s.shell === g.name && (plane === null || s.plane === plane) && (slot === null || s.slot === slot);
  });
  return (s) => tests.some((t) => t(s));
}

/** The default selection: the first satellite of every shell. */
export const firstOfEachShell = (spec: Readonly<ExportableConstellation>): string =>
  spec.shells.map((s) => `${s.geometry.name}/P0/S0`).join(',');
