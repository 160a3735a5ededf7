/**
 * Which satellites an ephemeris export (OEM, CZML) writes, as data: a list of items (a whole shell by its index, a
 * plane, or one satellite), planes and slots 0-based as in the satellites' names, or every satellite. The text form
 * of `--satellites` (`all`, or a comma-separated list of `<shell>`, `<shell>/P<plane>`, `<shell>/P<plane>/S<slot>`) is
 * read once at the boundary by matching the design's own shell names, so a name holding a comma or a slash selects
 * its shell; defaults and subsets are built as values, never as text read again.
 * The scene subset (`sceneSubset`) spreads a satellite budget over every shell, then over planes evenly spaced in RAAN
 * and slots evenly spaced along each plane, so a viewer shows each shell's geometry with a bounded number of objects.
 */
import type { ExportableConstellation, SatelliteRecord } from './exportSatellites.js';

export type SatellitePredicate = (s: Readonly<Pick<SatelliteRecord, 'shellIndex' | 'plane' | 'slot'>>) => boolean;

/** One item: a shell (plane and slot null), a plane of it (slot null), or one satellite. */
export interface SelectionItem {
  readonly shellIndex: number;
  readonly plane: number | null;
  readonly slot: number | null;
}

/** `all`, or the union of the items. */
export type SatelliteSelection =
  { readonly all: true } | { readonly all: false; readonly items: readonly SelectionItem[] };

/** The predicate of a selection: constant time per satellite (sets by shell), however many items. */
export function selectionPredicate(
  spec: Readonly<ExportableConstellation>,
  selection: Readonly<SatelliteSelection>,
): SatellitePredicate {
  if (selection.all) return () => true;
  const shells = spec.shells.map(() => ({ whole: false, planes: new Set<number>(), cells: new Set<number>() }));
  for (const it of selection.items) {
    const g = spec.shells[it.shellIndex]?.geometry;
    const sh = shells[it.shellIndex];
    if (g === undefined || sh === undefined) throw new RangeError(`satellite selection: no shell ${it.shellIndex}`);
    if (it.plane !== null && !(Number.isInteger(it.plane) && it.plane >= 0 && it.plane < g.planes))
      throw new RangeError(`satellite selection: shell ${g.name} has planes P0…P${g.planes - 1}, not P${it.plane}`);
    if (it.slot !== null && !(Number.isInteger(it.slot) && it.slot >= 0 && it.slot < g.satsPerPlane))
      throw new RangeError(`satellite selection: shell ${g.name} has slots S0…S${g.satsPerPlane - 1}, not S${it.slot}`);
    if (it.plane === null) sh.whole = true;
    else if (it.slot === null) sh.planes.add(it.plane);
    else sh.cells.add(it.plane * g.satsPerPlane + it.slot);
  }
  const perPlane = spec.shells.map((s) => s.geometry.satsPerPlane);
  return (s) => {
    const sh = shells[s.shellIndex]!;
    return sh.whole || sh.planes.has(s.plane) || sh.cells.has(s.plane * perPlane[s.shellIndex]! + s.slot);
  };
}

/** Number of satellites a selection holds (no satellite is built). */
export function selectionCount(
  spec: Readonly<ExportableConstellation>,
  selection: Readonly<SatelliteSelection>,
): number {
  const select = selectionPredicate(spec, selection);
  let n = 0;
  for (const [shellIndex, { geometry: g }] of spec.shells.entries())
    for (let plane = 0; plane < g.planes; plane++)
      for (let slot = 0; slot < g.satsPerPlane; slot++) if (select({ shellIndex, plane, slot })) n++;
  return n;
}

/**
 * The selection a `--satellites` text names (see header). Shell names are matched whole against the design's shells
 * (the longest that fits), so commas and slashes inside a name are its own; throws a RangeError naming the item that
 * matches nothing.
 */
export function parseSatelliteSelection(spec: Readonly<ExportableConstellation>, text: string): SatelliteSelection {
  const names = spec.shells.map((s, i) => ({ name: s.geometry.name, i })).sort((a, b) => b.name.length - a.name.length);
  const items: SelectionItem[] = [];
  let all = false;
  let at = 0;
  const skipBlanks = (): void => {
    while (at < text.length && /\s/.test(text[at]!)) at++;
  };
  for (;;) {
    skipBlanks();
    if (at >= text.length) break;
    if (text[at] === ',') {
      at++;
      continue;
    }
    const ends = (k: number): boolean => k >= text.length || /^(\s*,|\s*$|\/P)/.test(text.slice(k, k + 2));
    const shell = names.find((n) => text.startsWith(n.name, at) && ends(at + n.name.length));
    if (shell === undefined) {
      if (text.startsWith('all', at) && ends(at + 3) && text[at + 3] !== '/') {
        all = true;
        at += 3;
        continue;
      }
      const item = text.slice(at).split(',')[0]!.trim();
      throw new RangeError(
        `satellite selection '${item}': no shell of that name (shells: ${spec.shells.map((s) => s.geometry.name).join(', ')})`,
      );
    }
    at += shell.name.length;
    const m = /^(?:\/P(\d+)(?:\/S(\d+))?)?\s*(?:,|$)/.exec(text.slice(at));
    if (m === null) {
      const item = `${shell.name}${text.slice(at).split(',')[0]!}`.trim();
      throw new RangeError(
        `satellite selection '${item}': write <shell>, <shell>/P<plane> or <shell>/P<plane>/S<slot>`,
      );
    }
    at += m[0].length;
    items.push({
      shellIndex: shell.i,
      plane: m[1] === undefined ? null : Number(m[1]),
      slot: m[2] === undefined ? null : Number(m[2]),
    });
  }
  if (all) return { all: true };
  if (items.length === 0) throw new RangeError('the satellite selection is empty');
  selectionPredicate(spec, { all: false, items }); // refuses planes and slots out of range
  return { all: false, items };
}

/** The default OEM selection: the first satellite of every shell. */
export const firstOfEachShell = (spec: Readonly<ExportableConstellation>): SatelliteSelection => ({
  all: false,
  items: spec.shells.map((_, shellIndex) => ({ shellIndex, plane: 0, slot: 0 })),
});

/** `count` indices of 0 … n − 1 evenly spread, starting at 0. */
const spread = (n: number, count: number): number[] =>
  Array.from({ length: Math.min(n, count) }, (_, k) => Math.floor((k * n) / Math.min(n, count)));

/** What the scene subset took of one shell. */
export interface ShellSubset {
  readonly shellIndex: number;
  readonly planes: readonly number[];
  readonly slots: readonly number[];
}

/**
 * At most `budget` satellites showing every shell's geometry (header): the budget shared equally by the shells (a
 * shell smaller than its share gives the rest to the others), then in each shell k planes evenly spread in RAAN and
 * m slots evenly spread along each, k ≈ √(share) (never more than the planes, enough planes to use the share), k·m ≤
 * share. Every satellite when the design has no more than `budget`. Throws when there are more shells than budget.
 */
export function sceneSubset(
  spec: Readonly<ExportableConstellation>,
  budget: number,
): { selection: SatelliteSelection; shells: ShellSubset[]; count: number } {
  const g = spec.shells.map((s) => s.geometry);
  const sizes = g.map((s) => s.planes * s.satsPerPlane);
  if (g.length > budget)
    throw new RangeError(`the design has ${g.length} shells, more than a scene of ${budget} satellites can show`);
  // water-filling: shells smaller than the equal share keep all; the rest share what is left equally
  const share = new Array<number>(g.length).fill(0);
  let open = g.map((_, i) => i);
  let left = budget;
  for (;;) {
    const each = Math.floor(left / open.length);
    const small = open.filter((i) => sizes[i]! <= each);
    if (small.length === 0) {
      for (const i of open) share[i] = each;
      break;
    }
    for (const i of small) {
      share[i] = sizes[i]!;
      left -= sizes[i]!;
    }
    open = open.filter((i) => sizes[i]! > each);
    if (open.length === 0) break;
  }
  const shells: ShellSubset[] = g.map((s, shellIndex) => {
    const b = share[shellIndex]!;
    const k = Math.min(s.planes, Math.max(Math.ceil(Math.sqrt(b)), Math.ceil(b / s.satsPerPlane)));
    const m = Math.min(s.satsPerPlane, Math.floor(b / k));
    return { shellIndex, planes: spread(s.planes, k), slots: spread(s.satsPerPlane, m) };
  });
  const items = shells.flatMap((s) =>
    s.planes.flatMap((plane) => s.slots.map((slot) => ({ shellIndex: s.shellIndex, plane, slot }))),
  );
  return { selection: { all: false, items }, shells, count: items.length };
}
