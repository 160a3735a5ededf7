/**
 * What binds a design, and the front as a whole: the constraints it meets with little margin and the variables it
 * holds at (or next to) a bound of the study.
 * - A constraint binds when its relative margin −g is at most BINDING_MARGIN (2 %), g the study's g ≤ 0 form scaled
 *   by |limit| (src/study/nodeStudy.ts `scaledViolation`); a zero count at a limit of 0 is not binding.
 * - A closure met by sizing (SIZING_CLOSURES, src/node/record/constraints.ts) is listed once as what the design is
 *   "sized to", never as binding; two constraints on one quantity with one limit are one entry.
 * - A real variable sits at a bound within BOUND_TOLERANCE (1 %) of its range; an integer only when equal to it;
 *   choices and variables that wrap around (declared on the design schemas: src/study/variables.ts `wrapsAround`) have
 *   no bound.
 * - Over the front: for each binding constraint and each bound, how many Pareto designs are held there.
 * The lists here are the one list the terminal summary, the reports and the explorer show (run.json `decision`).
 * Pure functions of the Pareto designs and the study's variables; no I/O.
 * The rules and their reasons: docs/runs.md §"Binding constraints and bounds".
 */
import { percentText } from '../../base/numberFormat.js';
import type { ParetoDesign, ParetoFile } from '../paretoFile.js';
import { NODE_CONSTRAINTS, SIZING_CLOSURES } from '../../node/record/constraints.js';
import { wrapsAround } from '../../study/variables.js';
import type { BoundHit, ConstraintMargin, DesignBinding, FrontPressure, SizedTo } from '../schemas.js';

/** A constraint is called binding when its relative margin is at most this (2 %). */
export const BINDING_MARGIN = 0.02;
/** A variable is at a bound when within this fraction of its range from it (1 %). */
export const BOUND_TOLERANCE = 0.01;
/** Constraints listed as a design's tightest margins. */
export const TIGHTEST_LISTED = 3;

type Variable = ParetoFile['variables'][number];

/** Whether value `x` of a real or integer variable is at its lower or upper bound (null: neither, or a choice). */
export function boundOf(v: Variable, x: string | number | undefined): 'lower' | 'upper' | null {
  if (v.kind === 'choice' || typeof x !== 'number' || !Number.isFinite(x)) return null;
  // a variable that wraps around (a Walker phasing, a RAAN) has no floor or ceiling to bind at
  if (wrapsAround(v.name)) return null;
  const tol = v.kind === 'int' ? 0 : BOUND_TOLERANCE * (v.upper - v.lower);
  if (x - v.lower <= tol) return 'lower';
  if (v.upper - x <= tol) return 'upper';
  return null;
}

/** Names of the record's checks with limit 0 met by a value of 0 (see the header): at g = 0 but not binding. */
export function zeroCountChecks(d: ParetoDesign): ReadonlySet<string> {
  const out = new Set<string>();
  for (const c of d.record?.constraints ?? []) if (c.limit === 0 && c.value === 0) out.add(c.name);
  return out;
}

/** The sizing closure a constraint is (a record name, or a constellation's `node.<name> (worst shell)`), or null. */
export function sizingClosure(name: string): string | null {
  let closure = closures.get(name);
  if (closure === undefined) {
    const base = name.replace(/^node\./, '').replace(/ \(worst shell\)$/, '');
    closures.set(name, (closure = Object.hasOwn(SIZING_CLOSURES, base) ? base : null));
  }
  return closure;
}
/** sizingClosure by constraint name (a study's few): a decision asks it of each Pareto design's, many times. */
const closures = new Map<string, string | null>();

const recordChecks = (d: ParetoDesign) => d.record?.constraints ?? [];

/** Items by name, the first of each name (as `find` by name gives it). */
export function firstByName<T extends { readonly name: string }>(items: readonly T[]): Map<string, T> {
  const out = new Map<string, T>();
  for (const x of items) if (!out.has(x.name)) out.set(x.name, x);
  return out;
}

/**
 * Margins of a design's constraints (−g), smallest first; a failed (non-finite) g sorts first. Zero-count checks are
 * left out; record checks on one quantity with one limit are one entry (the first, the others in `also`).
 */
function margins(d: ParetoDesign): ConstraintMargin[] {
  const zero = zeroCountChecks(d);
  const checks = firstByName(recordChecks(d));
  const out: { name: string; margin: number; also: string[] }[] = [];
  // each entry by its record check's quantity and limit: a later constraint with the same joins it
  const byKey = new Map<string, (typeof out)[number]>();
  for (const [name, g] of Object.entries(d.constraints)) {
    if (zero.has(name)) continue;
    const c = checks.get(name);
    const k = c === undefined ? undefined : `${c.value} ${c.sense} ${c.limit}`;
    const same = k === undefined ? undefined : byKey.get(k);
    if (same !== undefined) same.also.push(name);
    else {
      const entry = { name, margin: -g, also: [] as string[] };
      out.push(entry);
      if (k !== undefined) byKey.set(k, entry);
    }
  }
  return out
    .map(({ name, margin, also }) => (also.length ? { name, margin, also } : { name, margin }))
    .sort(
      (a, b) => (Number.isFinite(a.margin) ? a.margin : -Infinity) - (Number.isFinite(b.margin) ? b.margin : -Infinity),
    );
}

/** "radiation.dose & radiation.softDose": a constraint with the constraints on the same quantity listed under it. */
export const constraintLabel = (c: ConstraintMargin): string => [c.name, ...(c.also ?? [])].join(' & ');

/** The design's sizing closures within BINDING_MARGIN of their limit, with the record's value where there is one. */
function sizedTo(d: ParetoDesign, all: readonly ConstraintMargin[]): SizedTo[] {
  const checks = recordChecks(d);
  return all
    .filter((c) => sizingClosure(c.name) !== null && c.margin <= BINDING_MARGIN)
    .map((c) => {
      const r = checks.find((x) => x.name === c.name);
      const requirement = SIZING_CLOSURES[sizingClosure(c.name)!]!;
      if (r === undefined) return { name: c.name, requirement };
      return { name: c.name, value: r.value, ...(r.unit !== undefined ? { unit: r.unit } : {}), requirement };
    })
    .sort((a, b) => closureOrder(a.name) - closureOrder(b.name));
}
const closureOrder = (name: string): number => Object.keys(SIZING_CLOSURES).indexOf(sizingClosure(name)!);

/**
 * The name a study gives a record check's quantity: a check that reads a record metric the study constrains by name
 * (drag.fccDisposal reads drag.passiveDecay_yr) is named as the study's constraint (`drag.passiveDecay_yr <= 5`).
 */
export function quantityName(check: string, studyConstraints: readonly string[]): string {
  const metric = NODE_CONSTRAINTS.find((c) => c.name === check)?.metric;
  return (metric && studyConstraints.find((n) => n.startsWith(`${metric} `))) || check;
}

export function designBinding(
  d: ParetoDesign,
  variables: readonly Variable[],
  kind?: ParetoFile['kind'],
): DesignBinding {
  const all = margins(d);
  const bounds: BoundHit[] = [];
  for (const v of variables) {
    const x = d.variables[v.name];
    const b = boundOf(v, x);
    if (b === null || v.kind === 'choice') continue;
    const limit = b === 'lower' ? v.lower : v.upper;
    const floor = isFloor(b, limit);
    bounds.push({ variable: v.name, bound: b, limit, value: x as number, floor, widen: widenable(kind, floor) });
  }
  const active = all.filter((c) => sizingClosure(c.name) === null);
  return {
    constraints: active.filter((c) => c.margin <= BINDING_MARGIN),
    sizedTo: sizedTo(d, all),
    bounds,
    tightest: active.slice(0, TIGHTEST_LISTED),
  };
}

export function frontPressure(
  pareto: Pick<ParetoFile, 'designs' | 'variables'> & { readonly kind?: ParetoFile['kind'] },
): FrontPressure {
  const n = pareto.designs.length;
  const vars = pareto.variables;
  const cons = new Map<string, number>();
  // per variable, lower at 2i and upper at 2i + 1: designs there, and the order in which each bound was first met
  // (the list's order before its sort); counted in arrays, not in a map keyed by a string made per design and variable
  const atBound = new Int32Array(2 * vars.length);
  const firstMet = new Int32Array(2 * vars.length).fill(-1);
  let met = 0;
  for (const d of pareto.designs) {
    for (const c of margins(d)) {
      if (c.margin > BINDING_MARGIN || sizingClosure(c.name) !== null) continue;
      const label = constraintLabel(c);
      cons.set(label, (cons.get(label) ?? 0) + 1);
    }
    for (let i = 0; i < vars.length; i++) {
      const v = vars[i]!;
      const b = boundOf(v, d.variables[v.name]);
      if (b === null) continue;
      const k = 2 * i + (b === 'upper' ? 1 : 0);
      if (atBound[k]!++ === 0) firstMet[k] = met++;
    }
  }
  const share = (k: number): number => (n > 0 ? k / n : 0);
  const bounds: FrontPressure['bounds'][number][] = new Array(met);
  for (let k = 0; k < atBound.length; k++) {
    if (firstMet[k]! < 0) continue;
    const v = vars[k >> 1]!;
    if (v.kind === 'choice') continue; // never at a bound (boundOf)
    const bound = k % 2 === 1 ? 'upper' : 'lower';
    const limit = bound === 'lower' ? v.lower : v.upper;
    const floor = isFloor(bound, limit);
    bounds[firstMet[k]!] = {
      variable: v.name,
      bound,
      limit,
      count: atBound[k]!,
      share: share(atBound[k]!),
      floor,
      widen: widenable(pareto.kind, floor),
    };
  }
  return {
    designs: n,
    constraints: [...cons]
      .map(([name, count]) => ({ name, count, share: share(count) }))
      .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1)),
    bounds: bounds.sort((a, b) => b.count - a.count || (a.variable < b.variable ? -1 : 1)),
  };
}

/** "compute.chips <= 200" / "orbit.altitude_km >= 400": the bound as the inequality the study imposes. */
export function boundText(
  b: { variable: string; bound: 'lower' | 'upper'; limit: number },
  fmt: (v: number) => string,
): string {
  return `${b.variable} ${b.bound === 'upper' ? '<=' : '>='} ${fmt(b.limit)}`;
}

/** Share of the front at a bound from which the advice to widen that bound is given (a quarter). */
export const WIDEN_SHARE = 0.25;

/**
 * Whether a lower bound of 0 is the variable's floor rather than a study's choice: in a node or constellation study
 * every variable is a physical quantity that does not go below 0 (a count, an area, a thickness, a mass, an
 * altitude), and a shell's planes at 0 switch the shell off; a benchmark's x >= 0 (ZDT, DTLZ) is part of the problem's
 * definition, below which its functions are not the benchmark. A front there has chosen the floor, worth saying but
 * not advice to widen.
 */
function isFloor(bound: 'lower' | 'upper', limit: number): boolean {
  return bound === 'lower' && limit === 0;
}

/** Whether to advise widening a bound the front presses against: a study's own bound, not a floor or a benchmark's. */
function widenable(kind: ParetoFile['kind'] | undefined, floor: boolean): boolean {
  return !floor && kind !== 'benchmark';
}

/** Whether a bound (of a run of older odc, without `widen`) is one to widen. */
export const widenBound = (b: { readonly floor?: boolean; readonly widen?: boolean }): boolean =>
  b.widen ?? b.floor !== true;

/** What a front at a bound is told, for a share of it at WIDEN_SHARE or more. */
function pressureAdvice(b: { readonly floor: boolean; readonly widen?: boolean }): string {
  if (widenBound(b)) return ': the front presses against it; widen it if the design may go further';
  return b.floor
    ? ': the front chose this floor (0 cannot be widened; for a shell, its planes at 0 switch it off)'
    : ": the benchmark's own bound (part of its definition)";
}

/** The short advice of the terminal for a bound held by WIDEN_SHARE of the front or more. */
export function shortAdvice(b: { readonly floor: boolean; readonly widen?: boolean }): string {
  return widenBound(b) ? 'widen it' : b.floor ? 'its floor' : "the benchmark's bound";
}

const pct = (share: number): string => `${(100 * share).toFixed(share < 0.1 && share > 0 ? 1 : 0)} %`;

/** One sentence per bound and binding constraint of the front, most designs first (at most `max`). */
export function frontPressureTexts(front: FrontPressure, fmt: (v: number) => string, max = 6): string[] {
  const items = [
    ...front.bounds.map((b) => ({
      count: b.count,
      text:
        `${b.count} of ${front.designs} Pareto designs (${pct(b.share)}) sit at the study bound ${boundText(b, fmt)}` +
        `${b.share >= WIDEN_SHARE ? pressureAdvice(b) : ''}`,
    })),
    ...front.constraints.map((c) => ({
      count: c.count,
      text: `${c.count} of ${front.designs} Pareto designs (${pct(c.share)}) meet ${c.name} within ${pct(BINDING_MARGIN)}`,
    })),
  ].sort((a, b) => b.count - a.count);
  const shown = items.slice(0, max).map((i) => i.text);
  if (items.length > max) shown.push(`and ${items.length - max} more (run.json decision.front)`);
  return shown;
}

/**
 * What binds: "compute.itPowerPeak_W <= 150000 (margin 0.3 %); at a bound: compute.chips = 200 (<= 200)", or "nothing
 * binds". Every entry: the one list the terminal, the reports and the explorer print.
 */
export function designBindingText(b: DesignBinding, fmt: (v: number) => string): string {
  const parts: string[] = [];
  const shown = b.constraints.map((c) => `${constraintLabel(c)} (margin ${percentText(c.margin)})`);
  if (shown.length) parts.push(shown.join('; '));
  if (b.bounds.length) parts.push(`at a bound: ${b.bounds.map((x) => boundHitText(x, fmt)).join(', ')}`);
  return parts.length ? parts.join('; ') : `no constraint within ${pct(BINDING_MARGIN)}, no variable at a bound`;
}

/** "power.arrayArea 878 m² (to the worst-orbit power demand), …", or null when no closure is at its limit. */
export function sizedToText(b: DesignBinding, fmt: (v: number) => string): string | null {
  const s = b.sizedTo ?? [];
  if (s.length === 0) return null;
  return s
    .map(
      (x) =>
        `${x.name}${x.value !== undefined ? ` ${fmt(x.value)}${x.unit && x.unit !== '-' ? ` ${x.unit}` : ''}` : ''} (to ${x.requirement})`,
    )
    .join(', ');
}

/** "compute.chips = 200 (<= 200)"; at a floor "shells.low.planes = 0 (its floor)"; a benchmark's "(its bound)". */
export function boundHitText(x: BoundHit, fmt: (v: number) => string): string {
  const limit = `${x.bound === 'upper' ? '<=' : '>='} ${fmt(x.limit)}`;
  return `${x.variable} = ${fmt(x.value)} (${x.floor === true ? 'its floor' : limit})`;
}
