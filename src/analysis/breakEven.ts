/**
 * Break-even thresholds: the value of one input at which the design's levelized cost of compute equals the
 * terrestrial LCOC it is compared with (the model's `comparison`), g(x) = LCOC(x) − LCOC_terrestrial(x) = 0, with
 * every other input at the design's value. Inputs come from the model (`breakEvenInputs()`): for a node design the
 * launch price per kg (economics.launchCost_USD_per_kg, which replaces vehicle price / payload), the chip row's
 * costPerChip_USD and mission.lifetime_yr (./model.ts); for a constellation the campaign vehicle's price per
 * launch, the production learning rate and the chip price (./constellationModel.ts).
 * Method: g is scanned on a grid over the field's schema range (log-spaced for a range spanning ≥ 100×, linear
 * otherwise), every sign change is refined by Brent's method (src/statistics/rootFinding.ts; Brent 1973 ch. 4) to
 * the x tolerance 1e-12·max(1, |x|), and the root nearest the nominal value is reported (all are listed).
 * Validity: a root between two grid points of the same sign (a double root, or two roots closer than the grid step)
 * is missed: the grid has the model's `defaults.breakEvenPoints` points (64 for node designs).
 * Unevaluable points and "no break-even in range": docs/runs.md §"Break-even thresholds".
 */
import { maxOf, minOf } from '../base/arrays.js';
import { brentRoot } from '../statistics/rootFinding.js';
import type { AnalysisModel, BreakEvenInput, SampleOutcome } from './analysisModel.js';
import type { InputSpec } from '../study/uncertainTargets.js';

export interface BreakEvenPoint {
  readonly x: number;
  readonly lcoc: number;
  readonly terrestrial: number;
}

export interface BreakEven {
  readonly path: string;
  readonly label: string;
  readonly unit: string;
  readonly domain: { readonly lo: number; readonly hi: number };
  /** The design's value (the launch price: vehicle price / payload when the design gives no $/kg). */
  readonly nominal: number | null;
  readonly status: 'found' | 'none';
  /** Root nearest the nominal value. */
  readonly root: number | null;
  readonly roots: readonly number[];
  readonly lcocAtRoot: number | null;
  readonly terrestrialAtRoot: number | null;
  /** Space is cheaper below the root ('below') or above it ('above'). */
  readonly spaceCheaper: 'below' | 'above' | null;
  readonly message: string;
  /** The scan, for the plot. */
  readonly curve: readonly BreakEvenPoint[];
}

export const BREAK_EVEN_POINTS = 64;

/** Grid over [lo, hi]: log-spaced when hi/lo ≥ 100 (0 kept as a point of its own), else linear. */
export function scanGrid(lo: number, hi: number, points = BREAK_EVEN_POINTS): number[] {
  if (lo >= 0 && hi > 0 && (lo === 0 ? true : hi / lo >= 100)) {
    const start = lo === 0 ? hi * 1e-6 : lo;
    const count = lo === 0 ? points - 1 : points;
    const logs = Array.from({ length: count }, (_, i) =>
      Math.exp(Math.log(start) + (i * (Math.log(hi) - Math.log(start))) / (count - 1)),
    );
    logs[logs.length - 1] = hi;
    return lo === 0 ? [0, ...logs] : [lo, ...logs.slice(1)];
  }
  return Array.from({ length: points }, (_, i) => (i === points - 1 ? hi : lo + (i * (hi - lo)) / (points - 1)));
}

const fmt = (v: number): string => String(Number(v.toPrecision(4)));

/** The break-even inputs of a model (node: launch price, chip price, mission lifetime). */
export function breakEvenInputs(model: AnalysisModel): readonly BreakEvenInput[] {
  return model.breakEvenInputs();
}

/** The scanned range of an input: its schema range, an exclusive end moved inside by 1e-9 of the range. */
export function breakEvenDomain(spec: InputSpec): { lo: number; hi: number } {
  const ok = (v: number): boolean => spec.check(v) === undefined;
  let { lo, hi } = spec.domain;
  if (!ok(lo)) lo += 1e-9 * Math.max(1, Math.abs(hi - lo)); // an exclusive end
  if (!ok(hi)) hi -= 1e-9 * Math.max(1, Math.abs(hi - lo));
  return { lo, hi };
}

/** The scan grid of an input (the points `scan` outcomes are given at). */
export function breakEvenGrid(spec: InputSpec, points: number): number[] {
  const { lo, hi } = breakEvenDomain(spec);
  return scanGrid(lo, hi, points);
}

/**
 * The roots of LCOC − terrestrial LCOC between grid points where it changes sign (refined by Brent's method on
 * `g`), points where it is exactly 0, and on which side of the first crossing space is cheaper.
 */
function crossings(
  curve: readonly BreakEvenPoint[],
  g: (x: number) => number,
): { roots: number[]; spaceCheaper: BreakEven['spaceCheaper']; chord: number[] } {
  const roots: number[] = [];
  const chord: number[] = [];
  let spaceCheaper: BreakEven['spaceCheaper'] = null;
  for (let i = 0; i + 1 < curve.length; i++) {
    const [a, b] = [curve[i]!, curve[i + 1]!];
    const [fa, fb] = [a.lcoc - a.terrestrial, b.lcoc - b.terrestrial];
    if (fa === 0) roots.push(a.x);
    if (fa * fb >= 0) continue;
    let root: number;
    try {
      root = brentRoot({
        f: (x) => g(x),
        lower: a.x,
        upper: b.x,
        xTolerance: 1e-12 * Math.max(1, Math.abs(b.x)),
        maxIterations: 200,
      }).root;
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      // a point between the two grid points the models cannot evaluate (g = NaN): the chord's zero, said so
      root = a.x - (fa * (b.x - a.x)) / (fb - fa);
      chord.push(root);
    }
    roots.push(root);
    spaceCheaper ??= fa < 0 ? 'below' : 'above';
  }
  const last = curve[curve.length - 1];
  if (last !== undefined && last.lcoc === last.terrestrial) roots.push(last.x);
  return { roots, spaceCheaper, chord };
}

/** The ratio LCOC / terrestrial LCOC at x = 0, extrapolated along the line through the scan's two lowest points. */
export function ratioAtZero(curve: readonly BreakEvenPoint[]): number | null {
  const [a, b] = [curve[0], curve[1]];
  if (a === undefined || b === undefined || a.x <= 0 || b.x === a.x) return null;
  const at0 = (ya: number, yb: number) => ya - (a.x * (yb - ya)) / (b.x - a.x);
  const [lcoc, terrestrial] = [at0(a.lcoc, b.lcoc), at0(a.terrestrial, b.terrestrial)];
  return terrestrial > 0 ? lcoc / terrestrial : null;
}

/** Why the scan found no crossing: the side, where the two come closest, and the ratio at 0 for an affine input. */
function noCrossingWhy(
  spec: InputSpec,
  curve: readonly BreakEvenPoint[],
  input: { readonly affine?: boolean; readonly why?: string },
): string {
  if (curve.length === 0) return 'the models cannot evaluate the design anywhere in the range';
  const above = curve.every((c) => c.lcoc > c.terrestrial);
  const gaps = curve.map((c) => c.lcoc / c.terrestrial);
  const closest = above ? minOf(gaps) : maxOf(gaps);
  const where = curve[gaps.indexOf(closest)]!.x;
  const side = above
    ? `the LCOC stays above the terrestrial LCOC (at least ${fmt(closest)}× it, at ${fmt(where)} ${spec.unit})`
    : `the LCOC stays below the terrestrial LCOC (at most ${fmt(closest)}× it, at ${fmt(where)} ${spec.unit})`;
  const zero = above && input.affine === true ? ratioAtZero(curve) : null;
  if (zero === null) return side;
  return (
    `${side}; even at 0 ${spec.unit} it would be ${fmt(zero)}× the terrestrial LCOC (the costs are affine in ` +
    `this input: the line through the scan's two lowest points)${input.why !== undefined ? `: ${input.why}` : ''}`
  );
}

/** No crossing in the scanned range: whether the LCOC stays above or below the terrestrial LCOC, and why. */
function noBreakEven(
  p: { spec: InputSpec; label: string; affine?: boolean; why?: string },
  domain: { lo: number; hi: number },
  nominal: number | null,
  curve: BreakEvenPoint[],
): BreakEven {
  const { spec, label } = p;
  const { lo, hi } = domain;
  const range = `[${fmt(lo)}, ${fmt(hi)}] ${spec.unit}`;
  return {
    path: spec.path,
    label,
    unit: spec.unit,
    domain: { lo, hi },
    nominal,
    status: 'none',
    root: null,
    roots: [],
    lcocAtRoot: null,
    terrestrialAtRoot: null,
    spaceCheaper: null,
    message: `no break-even in range ${range}: ${noCrossingWhy(spec, curve, p)}`,
    curve,
  };
}

/**
 * The break-even of one input (see the header). `scan`: outcomes at `breakEvenGrid(spec, points)`, if already
 * evaluated.
 */
export function breakEven(
  p: Readonly<{
    model: AnalysisModel;
    spec: InputSpec;
    label: string;
    nominal?: number | null;
    affine?: boolean;
    why?: string;
    scan?: readonly SampleOutcome[];
  }>,
): BreakEven {
  const { model, spec, label } = p;
  const { lo, hi } = breakEvenDomain(spec);
  const comparison = model.comparison;
  if (comparison === null) throw new RangeError('this model has no terrestrial comparison: no break-even');
  const [lc, tc] = [model.column(comparison.lcoc), model.column(comparison.terrestrial)];
  const pair = (o: SampleOutcome | undefined): { lcoc: number; terrestrial: number } | undefined => {
    if (o?.status !== 'ok') return undefined;
    const [lcoc, terrestrial] = [o.y[lc]!, o.y[tc]!];
    return Number.isFinite(lcoc) && Number.isFinite(terrestrial) ? { lcoc, terrestrial } : undefined;
  };
  const at = (x: number) => pair(model.evaluate([x], [spec]));
  const g = (x: number): number => {
    const r = at(x);
    return r === undefined ? NaN : r.lcoc - r.terrestrial;
  };
  const grid = scanGrid(lo, hi, model.defaults.breakEvenPoints);
  const curve: BreakEvenPoint[] = [];
  grid.forEach((x, i) => {
    const r = p.scan !== undefined ? pair(p.scan[i]) : at(x);
    if (r !== undefined) curve.push({ x, ...r });
  });
  const { roots, spaceCheaper, chord } = crossings(curve, g);
  const nominal = p.nominal ?? spec.nominal ?? null;
  if (roots.length === 0) return noBreakEven(p, { lo, hi }, nominal, curve);
  const ref = nominal ?? (lo + hi) / 2;
  const root = roots.reduce((best, r) => (Math.abs(r - ref) < Math.abs(best - ref) ? r : best), roots[0]!);
  const there = at(root);
  const more =
    (roots.length > 1 ? ` (${roots.length} crossings in range: ${roots.map(fmt).join(', ')})` : '') +
    (chord.length > 0
      ? `; ${chord.map(fmt).join(', ')} interpolated between grid points (the models cannot evaluate every point between them)`
      : '');
  return {
    path: spec.path,
    label,
    unit: spec.unit,
    domain: { lo, hi },
    nominal,
    status: 'found',
    root,
    roots,
    lcocAtRoot: there?.lcoc ?? null,
    terrestrialAtRoot: there?.terrestrial ?? null,
    spaceCheaper,
    message: `LCOC = terrestrial LCOC at ${label} ${fmt(root)} ${spec.unit}${spaceCheaper ? `; space is cheaper ${spaceCheaper} it` : ''}${more}`,
    curve,
  };
}
