/**
 * Whether the seeds of a multi-seed run (`odc run --seeds N`) agree: the recommended knee of each seed's run (its
 * pareto.json and run.json decision), compared across seeds. They agree when every knee makes the same choices: each
 * choice variable (the chip family, the ISL topology, the inclination option) takes one option, and each integer
 * variable (a chip count) lies within INTEGER_AGREEMENT of its study range — a step or two on a wide range, exactly
 * on a narrow one. The knees' objectives are listed per seed with their spread as information, not as a test: the
 * seeds' answers to one trade-off differ by what a finite search leaves, and the multi-seed answer is the knee of their
 * union front (src/run/multiSeed.ts), not one seed's. A disagreement names the choices that differ, seed by seed
 * (docs/algorithms.md, "Choices that stay alive", shows why seeds can disagree). Pure: knees in, a plain record out.
 */
import { maxOf, minOf } from '../../base/arrays.js';
import { fmt } from '../../base/numberFormat.js';
import { fitLines, terminalTable } from '../terminalText.js';

/** Integer variables agree when they differ by at most this share of the variable's range, in whole steps (floored). */
export const INTEGER_AGREEMENT = 0.02;

/** One seed's run and its knee (absent when the run found no feasible design). */
export interface SeedKnee {
  readonly seed: number;
  /** The seed's run folder, relative to the multi-seed folder. */
  readonly runDir: string;
  readonly knee?: {
    readonly index: number;
    /** Choice and integer variables of the design and their values. */
    readonly choices: Readonly<Record<string, string | number>>;
    /** Objective values in the study's sense (a maximized objective as the larger-is-better value). */
    readonly objectives: Readonly<Record<string, number>>;
  };
}

/** A variable the seeds must agree on: a choice, or an integer with its range. */
export type ChoiceVariable =
  | { readonly kind: 'choice'; readonly name: string }
  | { readonly kind: 'int'; readonly name: string; readonly lower: number; readonly upper: number };

export interface ObjectiveSpread {
  readonly objective: string;
  readonly sense: 'minimize' | 'maximize';
  /** The best seed's value and that seed. */
  readonly best: number;
  readonly bestSeed: number;
  readonly worst: number;
  /** (max − min) / |best|. */
  readonly spread: number;
}

export interface SeedAgreement {
  readonly seeds: readonly SeedKnee[];
  /** Every seed found a knee and the knees make the same choices. */
  readonly agree: boolean;
  /** The variables compared, and for an integer the steps two knees may differ by and still agree. */
  readonly compared: readonly { readonly name: string; readonly tolerance: number }[];
  /** Variables whose knee value differs between seeds beyond their tolerance, with the value of each seed. */
  readonly differingChoices: readonly { readonly name: string; readonly bySeed: readonly (string | number | null)[] }[];
  /** Each objective's spread over the seeds' knees: information, not a test. */
  readonly spreads: readonly ObjectiveSpread[];
  /** Seeds whose run found no feasible design (they count as a disagreement). */
  readonly withoutKnee: readonly number[];
}

function spreadOf(knees: readonly SeedKnee[], objective: string, sense: 'minimize' | 'maximize'): ObjectiveSpread {
  let best = NaN;
  let bestSeed = -1;
  let worst = NaN;
  for (const s of knees) {
    const v = s.knee?.objectives[objective];
    if (v === undefined) continue;
    const better = sense === 'minimize' ? v < best : v > best;
    if (bestSeed < 0 || better) [best, bestSeed] = [v, s.seed];
    if (Number.isNaN(worst) || (sense === 'minimize' ? v > worst : v < worst)) worst = v;
  }
  const spread = best === 0 ? (worst === 0 ? 0 : Infinity) : Math.abs(worst - best) / Math.abs(best);
  return { objective, sense, best, bestSeed, worst, spread };
}

/** Steps two integer values may differ by and still agree: INTEGER_AGREEMENT of the range, floored (a choice: 0). */
export const toleranceOf = (v: ChoiceVariable): number =>
  v.kind === 'int' ? Math.floor(INTEGER_AGREEMENT * (v.upper - v.lower) + 1e-9) : 0;

function differs(values: readonly (string | number)[], tolerance: number): boolean {
  if (values.length < 2) return false;
  if (values.every((v) => typeof v === 'number'))
    return maxOf(values as number[]) - minOf(values as number[]) > tolerance;
  return new Set(values).size > 1;
}

/**
 * Compares the knees of the seeds on `variables` (the study's choice and integer variables); `senses` lists the
 * study's objectives in order.
 */
export function seedAgreement(
  seeds: readonly SeedKnee[],
  variables: readonly ChoiceVariable[],
  senses: readonly { readonly name: string; readonly sense: 'minimize' | 'maximize' }[],
): SeedAgreement {
  const withKnee = seeds.filter((s) => s.knee !== undefined);
  const compared = variables.map((v) => ({ name: v.name, tolerance: toleranceOf(v) }));
  const differingChoices = compared
    .map((c) => ({ ...c, bySeed: seeds.map((s) => s.knee?.choices[c.name] ?? null) }))
    .filter((c) => differs(c.bySeed.filter((v) => v !== null) as (string | number)[], c.tolerance))
    .map(({ name, bySeed }) => ({ name, bySeed }));
  const spreads = withKnee.length === 0 ? [] : senses.map((o) => spreadOf(withKnee, o.name, o.sense));
  const withoutKnee = seeds.filter((s) => s.knee === undefined).map((s) => s.seed);
  const agree = withoutKnee.length === 0 && differingChoices.length === 0;
  return { seeds, agree, compared, differingChoices, spreads, withoutKnee };
}

const pct = (x: number): string => (Number.isFinite(x) ? `${(100 * x).toFixed(1)} %` : 'unbounded');

/** The verdict in one sentence: what agrees (with the integer tolerance) or what differs. */
export function agreementVerdict(a: SeedAgreement): string {
  const n = a.seeds.length;
  const names = a.compared.map((c) => (c.tolerance > 0 ? `${c.name} within ${c.tolerance}` : c.name));
  if (a.agree)
    return names.length === 0
      ? `Seeds agree: ${n} seeds, the study has no choice or integer variable to differ on`
      : `Seeds agree: the knees of all ${n} seeds make the same choices (${names.join(', ')})`;
  const what = [
    ...(a.differingChoices.length > 0 ? [`on ${a.differingChoices.map((c) => c.name).join(', ')}`] : []),
    ...(a.withoutKnee.length > 0 ? [`seed ${a.withoutKnee.join(', ')} found no feasible design`] : []),
  ];
  return `Seeds DISAGREE ${what.join('; ')}: the answer depends on the seed`;
}

/** The agreement table: one row per seed with its knee, its choices and its objectives. */
export function agreementTable(
  a: SeedAgreement,
  objectives: readonly { readonly name: string }[],
): { headers: string[]; rows: string[][] } {
  return {
    headers: ['seed', 'knee', ...a.compared.map((c) => c.name), ...objectives.map((o) => o.name)],
    rows: a.seeds.map((s) => {
      const k = s.knee;
      if (k === undefined)
        return [String(s.seed), 'no feasible design', ...a.compared.map(() => ''), ...objectives.map(() => '')];
      return [
        String(s.seed),
        `design ${k.index}`,
        ...a.compared.map((c) => String(k.choices[c.name] ?? '')),
        ...objectives.map((o) => fmt(k.objectives[o.name]!, 4)),
      ];
    }),
  };
}

/** "cost 98.33–98.96 (0.6 %, best seed 42)" per objective: the knees' spread, as information. */
export function spreadsText(a: SeedAgreement): string | null {
  if (a.spreads.length === 0) return null;
  const one = (s: ObjectiveSpread): string => {
    const [lo, hi] = s.best <= s.worst ? [s.best, s.worst] : [s.worst, s.best];
    return `${s.objective} ${fmt(lo, 4)}–${fmt(hi, 4)} (${pct(s.spread)}, best seed ${s.bestSeed})`;
  };
  return `the seeds' knees span (information, not a test): ${a.spreads.map(one).join('; ')}`;
}

/** The terminal lines of the agreement: its verdict, the table (../terminalText.ts), the differences, the spreads. */
export function formatSeedAgreement(a: SeedAgreement, objectives: readonly { readonly name: string }[]): string {
  const t = agreementTable(a, objectives);
  const lines = [`  ${agreementVerdict(a)}`, ...terminalTable(t.headers, t.rows, 4)];
  for (const c of a.differingChoices)
    lines.push(`    differs: ${c.name}: ${c.bySeed.map((v, i) => `seed ${a.seeds[i]!.seed} ${v ?? '-'}`).join(', ')}`);
  const spreads = spreadsText(a);
  if (spreads !== null) lines.push(`    ${spreads}`);
  return `${fitLines(lines).join('\n')}\n`;
}
