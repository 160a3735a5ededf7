/**
 * Two kinds of uncertain input, and the one definition of "P(all hold)" every command uses.
 * - compliance: the input moves whether the built design meets its checks (catalog estimates of physical figures,
 *   the environment, degradation, mass growth). Default for every input not listed below.
 * - economics: the input moves only what the design costs or earns (prices, the market's utilization and lifetime,
 *   demand, discount rate): ECONOMICS_RULES, each with its reason. A file's `affects:` on an entry overrides.
 * P(all hold) = the share of samples in which the study's requirements and the enforced checks all hold, margins
 * spent, with the compliance inputs sampled and the economics inputs at their nominal values (NaN in a value vector:
 * src/study/uncertainTargets.ts applyInputs leaves the nominal). The cost distribution, P(space cheaper than the
 * ground) and the break-even figures sample both kinds. Why the split: docs/runs.md §"Two kinds of uncertain input".
 */
import type { InputAffects } from '../statistics/uncertainValue.js';

export interface InputKind {
  readonly affects: InputAffects;
  /** Why this kind: the file's declaration, or the default rule's reason. */
  readonly why: string;
}

/** The default economics inputs: a test on the path (without a constellation's `node.` prefix) and unit, and why. */
export const ECONOMICS_RULES: readonly {
  readonly test: (path: string, unit: string) => boolean;
  readonly why: string;
}[] = [
  {
    test: (_, unit) => /USD/.test(unit),
    why: 'a price (a figure in USD) changes what the design costs, never whether it meets a check',
  },
  {
    test: (path) => /^(economics|cost)\./.test(path),
    why: 'economics and cost keys (prices, discount rate, programme size, electricity) are market terms the cost model alone reads',
  },
  {
    test: (path) => path === 'compute.utilization',
    why: 'utilization is the share of the installed compute the market keeps busy (demand), not a property of the built node: the requirements are checked at the design utilization',
  },
  {
    test: (path) => path === 'mission.lifetime_yr',
    why: "how long the operator keeps the node in service (GPU obsolescence to bus life) is the market's lifetime; the checks hold the design life",
  },
  {
    test: (path) => /^traffic\./.test(path),
    why: "traffic is the market's demand on the network, not a property of the built constellation",
  },
];

/** Default kind of an input when its file does not declare one. */
export const COMPLIANCE_WHY =
  'a physical figure (catalog estimate, environment, degradation or mass growth) that moves whether the design meets its checks';

/** The kind of the input at `path` with unit `unit`, `declared` by its file or by default (ECONOMICS_RULES). */
export function inputKind(path: string, unit: string, declared: InputAffects | undefined, where?: string): InputKind {
  if (declared !== undefined)
    return { affects: declared, why: `declared affects: ${declared}${where ? ` (${where})` : ''}` };
  const bare = path.startsWith('node.') ? path.slice('node.'.length) : path;
  // a failure or degradation rate is degradation wherever its key lives (a constellation's is an economics key)
  if (/FailureRate|degradation/i.test(bare)) return { affects: 'compliance', why: COMPLIANCE_WHY };
  const rule = ECONOMICS_RULES.find((r) => r.test(bare, unit));
  return rule !== undefined ? { affects: 'economics', why: rule.why } : { affects: 'compliance', why: COMPLIANCE_WHY };
}

/** The kind of an input: its own (an uncertain input), else the default of its path and unit (a break-even input). */
export const affectsOf = (x: { readonly path: string; readonly unit: string; readonly affects?: InputAffects }) =>
  x.affects ?? inputKind(x.path, x.unit, undefined).affects;

/** `values` with every economics input at its nominal (NaN): the compliance sample of the same row. */
export function complianceValues(
  inputs: readonly { readonly path: string; readonly unit: string; readonly affects?: InputAffects }[],
  values: readonly number[],
): number[] {
  return values.map((v, k) => (inputs[k] !== undefined && affectsOf(inputs[k]) === 'economics' ? NaN : v));
}

/** "compliance inputs sampled (12); economics inputs at nominal: a, b" — how a P(all hold) was drawn. */
export function basisText(inputs: readonly { readonly path: string; readonly affects: InputAffects }[]): string {
  const econ = inputs.filter((x) => x.affects === 'economics').map((x) => x.path);
  const comp = inputs.length - econ.length;
  return (
    `the requirements and enforced checks, margins spent, over the ${comp} compliance input(s)` +
    (econ.length > 0 ? `; economics inputs at nominal (${econ.join(', ')})` : '')
  );
}
