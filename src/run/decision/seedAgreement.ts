/**
 * Whether the seeds of a multi-seed run (`odc run --seeds N`) agree: the knee of each seed's run (its pareto.json and
 * run.json decision), compared across seeds. They agree when every knee makes the same choices (every choice variable,
 * e.g. the chip family and the ISL topology) and each objective of the knees spreads by at most AGREEMENT_SPREAD of
 * the best seed's value ((max − min) / |best|). A disagreement names the choices that differ and the widest spread, so
 * the reader knows the answer depends on the seed and which seed's answer is better (docs/algorithms.md, "Choices that
 * stay alive", shows why seeds can disagree). Pure: knees in, a plain record out; nothing here reads a clock.
 */

/** Largest relative spread of a knee objective across seeds that still counts as agreement. */
export const AGREEMENT_SPREAD = 0.02;

/** One seed's run and its knee (absent when the run found no feasible design). */
export interface SeedKnee {
  readonly seed: number;
  /** The seed's run folder, relative to the multi-seed folder. */
  readonly runDir: string;
  readonly knee?: {
    readonly index: number;
    /** Choice variables of the design and their options. */
    readonly choices: Readonly<Record<string, string | number>>;
    /** Objective values in the study's sense (a maximized objective as the larger-is-better value). */
    readonly objectives: Readonly<Record<string, number>>;
  };
}

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
  readonly agree: boolean;
  /** Choice variables whose knee option differs between seeds, with the option of each seed. */
  readonly differingChoices: readonly { readonly name: string; readonly bySeed: readonly (string | number | null)[] }[];
  readonly spreads: readonly ObjectiveSpread[];
  /** Seeds whose run found no feasible design (they count as a disagreement). */
  readonly withoutKnee: readonly number[];
  readonly tolerance: number;
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

/** Compares the knees of the seeds; `senses` lists the study's objectives in order. */
export function seedAgreement(
  seeds: readonly SeedKnee[],
  senses: readonly { readonly name: string; readonly sense: 'minimize' | 'maximize' }[],
): SeedAgreement {
  const withKnee = seeds.filter((s) => s.knee !== undefined);
  const names = [...new Set(withKnee.flatMap((s) => Object.keys(s.knee!.choices)))].sort();
  const differingChoices = names
    .map((name) => ({ name, bySeed: seeds.map((s) => s.knee?.choices[name] ?? null) }))
    .filter((c) => new Set(c.bySeed.filter((v) => v !== null)).size > 1);
  const spreads = withKnee.length === 0 ? [] : senses.map((o) => spreadOf(withKnee, o.name, o.sense));
  const withoutKnee = seeds.filter((s) => s.knee === undefined).map((s) => s.seed);
  const agree =
    withoutKnee.length === 0 && differingChoices.length === 0 && spreads.every((s) => s.spread <= AGREEMENT_SPREAD);
  return { seeds, agree, differingChoices, spreads, withoutKnee, tolerance: AGREEMENT_SPREAD };
}

/** Four significant digits: a summary line, not a record (seeds.json keeps the full values). */
const num = (x: number): string => String(Number(x.toPrecision(4)));
const pct = (x: number): string => (Number.isFinite(x) ? `${(100 * x).toFixed(1)} %` : 'unbounded');

/** The summary lines of a multi-seed run: the verdict, each seed's knee, what differs. */
export function formatSeedAgreement(a: SeedAgreement): string {
  const n = a.seeds.length;
  const lines = [
    a.agree
      ? `Seeds agree: ${n} seeds, the same knee choices, every knee objective within ${pct(a.tolerance)} of the best seed's`
      : `Seeds DISAGREE (${n} seeds): the answer depends on the seed; compare the seeds' fronts before trusting one`,
  ];
  for (const s of a.seeds) {
    const k = s.knee;
    const what =
      k === undefined
        ? 'no feasible design'
        : [`knee ${k.index}`, ...Object.entries(k.choices).map(([c, v]) => `${c} ${v}`)].join(', ');
    lines.push(`  seed ${s.seed} (${s.runDir}): ${what}`);
  }
  for (const c of a.differingChoices)
    lines.push(`  differs: ${c.name}: ${c.bySeed.map((v, i) => `seed ${a.seeds[i]!.seed} ${v ?? '-'}`).join(', ')}`);
  for (const s of a.spreads) {
    const mark = s.spread > a.tolerance ? ' (over tolerance)' : '';
    lines.push(
      `  ${s.objective}: best ${num(s.best)} (seed ${s.bestSeed}), worst ${num(s.worst)}, spread ${pct(s.spread)}${mark}`,
    );
  }
  if (a.withoutKnee.length > 0) lines.push(`  no feasible design: seed ${a.withoutKnee.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
