/**
 * A stand-in analysis model (src/analysis/analysisModel.ts) with closed-form outputs, for the sensitivity analysis
 * and the reports: two inputs a ~ U(0.1, 1) (design value 0.5) and b ~ U(0.2, 2) (no design value: the model's
 * default 1 applies), and
 *
 * - lcoc = a + 2b, against a constant terrestrial LCOC of 2.2: break-even at a = 2.2 − 2·1 = 0.2 (b as written)
 *   and at b = (2.2 − 0.5)/2 = 0.85 (a as written); space is cheaper below both;
 * - mass = 7 and zero = 0 (no input moves them), drift = 1000 + 1e-10·a (moves by rounding-size amounts only:
 *   1e-10 against 1e-12 × 1000 = 1e-9), nowhere = NaN (never evaluable);
 * - one constraint `hot`: margin 0.9 − a (holds when a ≤ 0.9).
 *
 * With `failAbove`, an evaluation with a > failAbove fails ('too hot'). No file is read, no design evaluated.
 */
import type { SampleOutcome } from '../../src/analysis/analysisModel.js';
import type { FileModel } from '../../src/analysis/loadModel.js';
import type { InputSpec } from '../../src/study/uncertainTargets.js';

export const METRICS = ['lcoc', 'terrestrial', 'mass', 'zero', 'drift', 'nowhere'] as const;
export const TERRESTRIAL = 2.2;

function input(path: string, min: number, max: number, nominal: number | undefined) {
  return {
    path,
    target: { kind: 'design' as const, section: 'economics', key: path.split('.')[1]! },
    unit: 'u',
    origin: 'design' as const,
    distribution: { kind: 'uniform' as const, min, max },
    reason: `test input ${path}`,
    nominal,
    integer: false,
    domain: { lo: min, hi: max },
    check: (v: number) => (v < min || v > max ? `${path} = ${v} is out of range` : undefined),
  };
}

export interface StandInOptions {
  readonly failAbove?: number;
  readonly comparison?: boolean;
  readonly notes?: readonly string[];
}

export function linearStandIn(o: StandInOptions = {}): FileModel {
  const failAbove = o.failAbove ?? Infinity;
  const inputs = [input('economics.a', 0.1, 1, 0.5), input('economics.b', 0.2, 2, undefined)];
  const defaults: Record<string, number> = { 'economics.a': 0.5, 'economics.b': 1 };
  const evaluate = (values: readonly number[], specs: readonly InputSpec[] = inputs): SampleOutcome => {
    const x = { ...defaults };
    specs.forEach((s, i) => {
      const v = values[i] ?? NaN;
      if (!Number.isNaN(v)) x[s.path] = v;
    });
    const [a, b] = [x['economics.a']!, x['economics.b']!];
    if (a > failAbove) return { status: 'failed', reason: 'too hot' };
    const margin = 0.9 - a;
    return {
      status: 'ok',
      y: Float64Array.from([a + 2 * b, TERRESTRIAL, 7, 0, 1000 + 1e-10 * a, NaN, margin, margin >= 0 ? 1 : 0]),
    };
  };
  const breakEvenInputs = () => [
    { spec: inputs[0]!, label: 'input a' },
    { spec: inputs[1]!, label: 'input b' },
  ];
  return {
    kind: 'node',
    loaded: { file: 'stand-in.yaml', name: 'stand-in', hash: 'abc123' },
    inputs,
    constraints: [{ name: 'hot', unit: '-', sense: '<=', enforced: true, description: 'a ≤ 0.9' }],
    metricPaths: METRICS,
    keyOutputs: ['lcoc', 'mass', 'zero', 'drift', 'nowhere'],
    headlineOutputs: ['lcoc', 'mass'],
    width: METRICS.length + 2,
    nominal: evaluate([], []),
    comparison:
      o.comparison === false ? null : { lcoc: 'lcoc', terrestrial: 'terrestrial', description: 'a constant 2.2' },
    defaults: { uncertaintySamples: 20, sobolSamples: 16, breakEvenPoints: 8, why: 'the stand-in defaults' },
    notes: o.notes ?? [],
    column: (p: string) => (METRICS as readonly string[]).indexOf(p),
    unitOf: (p: string) => (p === 'lcoc' ? 'USD/PFLOP-day' : `${p}-unit`),
    evaluate,
    breakEvenInputs,
    specFor: (p: string) => inputs.find((x) => x.path === p)!,
    workerData: { kind: 'node', designPath: 'stand-in.yaml', designHash: 'abc123' },
  } as unknown as FileModel;
}
