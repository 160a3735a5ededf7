/**
 * One-at-a-time (OAT) sensitivity, shown as a tornado diagram.
 * Method: each input in turn is set to its low and then its high value with every other input at its nominal
 * value; the swing |y(high) − y(low)| ranks the inputs (the "tornado diagram" of decision analysis, e.g. Howard
 * (1988), "Decision analysis: practice and promise", Management Science 34(6):679–695; for the limits of OAT see
 * Saltelli & Annoni (2010), "How to avoid a perfunctory sensitivity analysis", Environ. Model. Softw.
 * 25(12):1508–1517). Cost: 2d + 1 model runs.
 * Validity and assumptions: a local, one-factor-at-a-time picture around the nominal point. It cannot show
 * interactions or effects that do not reach the ends of the range (a non-monotone response can have a swing of
 * zero); use Sobol' indices (./sobol.ts) for a global view. Low/high are commonly the 5th/95th percentiles
 * (`tornadoInputFromDistribution`) or the caller's min/max. Units: outputs keep the model's unit.
 * Two-step API: `tornadoDesign` gives the rows to evaluate (row 0 nominal, then low/high for each input),
 * `tornadoAnalysis` turns the outputs into bars sorted by swing, largest first (ties keep input order).
 */
import { quantile, type Distribution } from './distributions.js';

export interface TornadoInput {
  readonly name: string;
  readonly nominal: number;
  readonly low: number;
  readonly high: number;
}

export interface TornadoDesign {
  readonly inputs: readonly TornadoInput[];
  /** 2d + 1 input rows: [nominal, input 0 low, input 0 high, input 1 low, …]. */
  readonly rows: readonly (readonly number[])[];
}

export interface TornadoBar {
  readonly name: string;
  /** Position of the input in the design. */
  readonly index: number;
  readonly low: number;
  readonly high: number;
  readonly outputAtLow: number;
  readonly outputAtHigh: number;
  /** |outputAtHigh − outputAtLow|; NaN if either run failed (such bars sort last). */
  readonly swing: number;
}

export interface TornadoResult {
  readonly nominalOutput: number;
  readonly bars: readonly TornadoBar[];
}

/** Rows to evaluate for a tornado over `inputs`. */
export function tornadoDesign(p: Readonly<{ inputs: readonly TornadoInput[] }>): TornadoDesign {
  const { inputs } = p;
  if (inputs.length === 0) throw new RangeError('a tornado needs at least one input');
  for (const x of inputs) {
    if (![x.nominal, x.low, x.high].every(Number.isFinite)) {
      throw new RangeError(
        `tornado input ${x.name}: nominal, low and high must be finite, got ${x.nominal}, ${x.low}, ${x.high}`,
      );
    }
  }
  const nominal = inputs.map((x) => x.nominal);
  const rows: number[][] = [nominal];
  inputs.forEach((x, i) => {
    for (const v of [x.low, x.high]) rows.push(nominal.map((nom, k) => (k === i ? v : nom)));
  });
  return { inputs, rows };
}

/** Bars from the outputs `y` of the design rows (same order), sorted by swing, largest first. */
export function tornadoAnalysis(p: Readonly<{ design: TornadoDesign; y: readonly number[] }>): TornadoResult {
  const { design, y } = p;
  if (y.length !== design.rows.length)
    throw new RangeError(`expected ${design.rows.length} outputs (2d + 1), got ${y.length}`);
  const bars = design.inputs.map((x, index): TornadoBar => {
    const outputAtLow = y[1 + 2 * index]!;
    const outputAtHigh = y[2 + 2 * index]!;
    return {
      name: x.name,
      index,
      low: x.low,
      high: x.high,
      outputAtLow,
      outputAtHigh,
      swing: Math.abs(outputAtHigh - outputAtLow),
    };
  });
  const key = (b: TornadoBar): number => (Number.isNaN(b.swing) ? -Infinity : b.swing);
  bars.sort((a, b) => key(b) - key(a) || a.index - b.index);
  return { nominalOutput: y[0]!, bars };
}

/** Design, serial evaluation of `model` and analysis in one call. */
export function tornado(
  p: Readonly<{ inputs: readonly TornadoInput[]; model: (inputs: readonly number[]) => number }>,
): TornadoResult {
  const design = tornadoDesign({ inputs: p.inputs });
  return tornadoAnalysis({ design, y: design.rows.map((row) => p.model(row)) });
}

/**
 * A tornado input from a distribution: low/high at the `lowProbability`/`highProbability` quantiles (default 5 %
 * and 95 %), nominal at the median unless given.
 */
export function tornadoInputFromDistribution(
  p: Readonly<{
    name: string;
    distribution: Distribution;
    nominal?: number;
    lowProbability?: number;
    highProbability?: number;
  }>,
): TornadoInput {
  return {
    name: p.name,
    nominal: p.nominal ?? quantile(p.distribution, 0.5),
    low: quantile(p.distribution, p.lowProbability ?? 0.05),
    high: quantile(p.distribution, p.highProbability ?? 0.95),
  };
}
