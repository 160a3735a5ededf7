/**
 * A multi-seed run's answer record (`<out>/answer.json`, the schema of ./schema.ts): the answer of the seeds' union
 * front decided as a single run's (`buildAnswer` over the union, on the first seed's study as the union decision is:
 * ../multiSeed.ts), with the union's decision (each design named by its seed, the knee's shadow prices), every seed,
 * the seeds' agreement with each seed's own pick (its answer.json's design and P(all hold)), and the hypervolume of
 * the union front and of each seed's front on one normalization: the union front's ideal → 0 and nadir → 1
 * (objectives minimized), reference point 1.1 (../hypervolumeRule.ts), so the seeds' figures are comparable.
 */
import { join } from 'node:path';
import { loadRun } from '../loadRun.js';
import { normalizationOf, normalizedHypervolume } from '../hypervolumeRule.js';
import { normalizationText } from '../hypervolumeFigure.js';
import { agreementVerdict, type SeedAgreement } from '../decision/seedAgreement.js';
import { readAttainmentFile, spreadLine } from '../attainmentFile.js';
import type { ParetoFile } from '../paretoFile.js';
import type { WrittenResults } from '../results.js';
import type { DecisionSummary } from '../schemas.js';
import { buildAnswer, type AnswerOptions } from './answer.js';
import { readAnswer } from './read.js';
import type { Answer } from './schema.js';

/** The seeds' union front and its decision (../multiSeed.ts `SeedUnion`). */
export interface UnionOfSeeds {
  readonly pareto: ParetoFile;
  readonly seeds: readonly number[];
  readonly decision: DecisionSummary;
}

/** A front's objective rows, every objective minimized (maximized ones negated). */
function rows(pareto: ParetoFile, designs: ParetoFile['designs']): number[][] {
  return designs.map((d) => pareto.objectives.map((o) => (o.sense === 'maximize' ? -1 : 1) * d.objectives[o.name]!));
}

/** The union front's hypervolume and each seed's front's, on the union front's normalization (see the header). */
function unionHypervolumes(union: UnionOfSeeds, fronts: readonly { seed: number; pareto: ParetoFile }[]) {
  const front = rows(union.pareto, union.pareto.designs);
  if (front.length === 0) return [];
  const normalization = normalizationOf(front, union.pareto.objectives.length);
  const text = normalizationText({ value: 0, frontSize: front.length, normalization }, 'union front');
  return [
    { scope: 'union front', value: normalizedHypervolume(front, normalization), normalization: text },
    ...fronts.map((f) => ({
      scope: `seed ${f.seed}`,
      value: normalizedHypervolume(rows(union.pareto, f.pareto.designs), normalization),
      normalization: text,
    })),
  ];
}

/**
 * The multi-seed answer (see the header): `outDir` the multi-seed folder, `fronts` each seed's pareto.json; `held` a
 * seed's answer.json record when the caller has it (else read from the seed's folder).
 */
export function buildSeedsAnswer(
  outDir: string,
  agreement: SeedAgreement,
  union: UnionOfSeeds,
  fronts: readonly { seed: number; pareto: ParetoFile }[],
  opts: AnswerOptions = {},
  firstWritten?: WrittenResults,
  held?: (seed: number) => Answer | undefined,
): Answer {
  const seeds = agreement.seeds.map((s) => s.seed);
  const first = loadRun(join(outDir, `seed-${seeds[0]}`), {
    evaluations: false,
    ...(firstWritten !== undefined ? { written: firstWritten } : {}),
  });
  const run = { ...first, pareto: union.pareto, meta: { ...first.meta, decision: union.decision } };
  const answer = buildAnswer(run, opts, union.decision);
  const spread = readAttainmentFile(outDir);
  const knees = agreement.seeds.flatMap((s) => {
    if (s.knee === undefined) return [];
    const own = held?.(s.seed) ?? readAnswer(join(outDir, s.runDir));
    const same = own?.design?.index === s.knee.index;
    return [
      {
        seed: s.seed,
        index: s.knee.index,
        ...(same && own.design !== null ? { configuration: own.design.configuration } : {}),
        ...(same ? { joint: own.joint?.estimate ?? null } : {}),
      },
    ];
  });
  return {
    ...answer,
    seeds,
    hypervolumes: unionHypervolumes(union, fronts),
    seedAgreement: { agree: agreement.agree, verdict: agreementVerdict(agreement), knees },
    ...(spread === null ? {} : { spread: spreadLine(spread) }),
  };
}
