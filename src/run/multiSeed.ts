/**
 * Multi-seed runs (`odc run <study> --seeds N`): the study run once per seed, seeds s, s + 1, …, s + N − 1 from the
 * first seed (--seed, else the study's algorithm.seed), one after another, each into its own ordinary run folder
 * `<out>/seed-<s>/` (pareto.json, report, run.json: every single-run tool reads it, and `odc compare <out>/seed-*`
 * compares the fronts). Then the answer: the knee of the seeds' union front (the non-dominated designs of all their
 * pareto.json files), chosen by the study's select: rule as a single run's (./decision/select.ts `kneeStanding`, its
 * joint samples those of the first seed's study), with its figures, verdicts and what binds it
 * (./decision/recommend.ts), and whether the seeds agree (./decision/seedAgreement.ts) with each seed's knee. Both go
 * into `<out>/seeds.json` (`decision` as in run.json; each design names its seed), and the answer record into
 * `<out>/answer.json` (./answer/seedsAnswer.ts). seeds.json holds no clock or path
 * outside the folder, so the same seeds give the same bytes whatever --workers (every seed's run already does).
 *
 * Stopping and continuing: each seed folder is a run folder with its checkpoints. The same command run again (the
 * default folder is named by the seeds and the study's hash: `multiSeedDir`), or with the same --out, keeps the seeds
 * whose run is complete, resumes a seed whose run was interrupted (from its last checkpoint, bit-identical to an
 * uninterrupted run) and starts the missing ones; `--resume` takes one run folder and is refused with --seeds
 * (src/entries/cli/main.ts). A seed folder is reused only when it holds this study's run of that seed: its study.yaml
 * is the study with that seed written in and its run.json ran that seed; any other run (--out naming the folder of a
 * study since edited, a folder copied over another) is refused with the folder named, never counted.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { checkOutputTarget } from '../base/outputTarget.js';
import { StudyError } from '../base/errors.js';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic.js';
import { writeAttainmentFile } from './attainmentFile.js';
import { readParetoFile, type ParetoDesign, type ParetoFile } from './paretoFile.js';
import { readRunMeta, SEEDS_FILE, studySlug, withSeed } from './runFolder.js';
import type { RunSummary } from './runContext.js';
import { seedAgreement, type ChoiceVariable, type SeedAgreement, type SeedKnee } from './decision/seedAgreement.js';
import { decisionSummary } from './decision/recommend.js';
import { encode, shadowPrices, type ReoptimizeSource } from './decision/relaxation.js';
import { algorithmEntry, createAlgorithm } from '../../solvers/index.js';
import { algorithmOptions } from '../study/algorithmSettings.js';
import { nonDominatedIndices } from '../optimize/pareto/dominance.js';
import { loadStudyProblem, type LoadedStudy } from './problem.js';
import { kneeStandingOf, type WrittenResults } from './results.js';
import type { JointSource } from './decision/select.js';
import type { ConstraintMargin, DecisionSummary, KneeRelaxation, RunCounts, RunMeta } from './schemas.js';
import { readJsonFile } from './schemas.js';
import { buildSeedsAnswer } from './answer/seedsAnswer.js';
import { writeAnswer } from './answer/answer.js';
import type { Answer } from './answer/schema.js';

export { SEEDS_FILE };

/** How a seed's folder is run: afresh into `runDir`, or resumed from it. */
export type SeedRunner = (seed: number, runDir: string, resume: boolean) => Promise<RunSummary>;

export interface MultiSeedResult {
  /** The seeds run, in order; stops at the first interrupted seed. */
  readonly summaries: readonly RunSummary[];
  /** Absent when a seed was interrupted. */
  readonly agreement?: SeedAgreement;
  /** The union front and its decision (absent when a seed was interrupted). */
  readonly union?: SeedUnion;
  /** Each seed's run.json result, in seed order (absent when a seed was interrupted). */
  readonly results?: readonly { readonly seed: number; readonly result: RunCounts | undefined }[];
  /** The folder's answer record, answer.json (absent when a seed was interrupted). */
  readonly answer?: Answer;
}

/** The seeds' union front and the decision on it. */
export interface SeedUnion {
  /** The union front as a pareto.json of the study (each design's `index` its own seed's). */
  readonly pareto: ParetoFile;
  /** The seed of each union design, by position. */
  readonly seeds: readonly number[];
  readonly decision: DecisionSummary;
  /** The samples the decision drew (each front position once), for the answer built after: not drawn twice. */
  readonly joint?: JointSource | string;
}

/** The seeds of a multi-seed run: `count` consecutive seeds from `first` (32-bit). */
export function seedList(first: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => (first + i) % 4294967296);
}

const seedDir = (seed: number): string => `seed-${seed}`;

/**
 * The default folder of a multi-seed run: results/<study slug>/seeds-<first>-<last>-<8 hex digits of the sha256 of
 * the study as it runs (its --set edits applied)>. The same study and seeds give the same folder, so the same
 * command run again continues a stopped run; an edited study (or other edits) gives another folder, so a changed
 * study never collides with an earlier run of it.
 */
export function multiSeedDir(studyName: string, seeds: readonly number[], studyText: string): string {
  const hash = createHash('sha256').update(studyText).digest('hex').slice(0, 8);
  return join('results', studySlug(studyName), `seeds-${seeds[0]}-${seeds.at(-1)}-${hash}`);
}

const DAMAGED = 'the seed folder is damaged or was not written by odc run: remove it and run the same command again';

/** The study a multi-seed run runs: its file (for messages) and its text as a run folder keeps it (LoadedStudy). */
export interface SeedStudy {
  readonly file: string;
  readonly text: string;
}

/**
 * The state of a seed's folder: absent (run afresh), interrupted (resume) or complete (keep); a folder holding any
 * other run than this study's with this seed is refused.
 */
function folderState(runDir: string, seed: number, study: SeedStudy): 'absent' | 'interrupted' | 'complete' {
  const metaPath = join(runDir, 'run.json');
  if (!existsSync(metaPath)) return 'absent';
  const meta = readRunMeta(metaPath, DAMAGED);
  const fix = `remove ${runDir} to run this seed there, or choose another --out`;
  if (meta.algorithm.seed !== seed)
    throw new StudyError(
      'BAD_RUN_DIR',
      `${runDir}: holds the run of seed ${meta.algorithm.seed}, not of seed ${seed} (a folder copied over another?); ${fix}`,
      { file: runDir },
    );
  const storedPath = join(runDir, 'study.yaml');
  const stored = existsSync(storedPath) ? readFileSync(storedPath, 'utf8') : null;
  // both texts with the seed written in as the run writes it: equal when the study is the same but for its seed
  if (stored === null || withSeed(stored, seed) !== withSeed(study.text, seed))
    throw new StudyError(
      'BAD_RUN_DIR',
      `${runDir}: holds a run of another study (its study.yaml is not ${study.file} as it is now, with seed ${seed}: the study was changed since, or the folder belongs to another); ${fix}`,
      { file: runDir },
    );
  return meta.status === 'complete' ? 'complete' : 'interrupted';
}

/** seeds.json must be a file odc can replace: a folder or special file there is refused before any seed runs. */
function checkSeedsFile(path: string): void {
  if (!existsSync(path)) return;
  const st = lstatSync(path);
  if (!st.isFile())
    throw new StudyError(
      'BAD_RUN_DIR',
      `${path}: is ${st.isDirectory() ? 'a directory' : st.isSymbolicLink() ? 'a symbolic link' : 'not a regular file'}, where the multi-seed summary is written; remove it or choose another --out`,
      { file: path },
    );
}

/** The choice and integer variables of a study, the ones the seeds must agree on. */
export const choiceVariables = (pareto: ParetoFile): ChoiceVariable[] =>
  pareto.variables.flatMap((v): ChoiceVariable[] =>
    v.kind === 'choice'
      ? [{ kind: 'choice', name: v.name }]
      : v.kind === 'int'
        ? [{ kind: 'int', name: v.name, lower: v.lower, upper: v.upper }]
        : [],
  );

/**
 * A seed's run.json and pareto.json as this process wrote them (its run's WrittenResults), with its answer.json's
 * record, when it ran the seed.
 */
export type WrittenSeed = (runDir: string) => (WrittenResults & { readonly answer?: Answer }) | undefined;

/**
 * A complete seed run's knee, from its run.json decision and pareto.json (`written`: the files' values as the run that
 * wrote them in this process holds them, not read again).
 */
export function readSeedKnee(outDir: string, seed: number, written?: WrittenSeed): SeedRead {
  const runDir = join(outDir, seedDir(seed));
  const held = written?.(runDir);
  const meta = held?.meta ?? readRunMeta(join(runDir, 'run.json'), DAMAGED);
  const pareto = held?.pareto ?? readParetoFile(join(runDir, 'pareto.json'), 'BAD_RUN_DIR', DAMAGED, meta.odcVersion);
  const answer = held?.answer !== undefined ? { answer: held.answer } : {};
  // the recommended design (the knee, or the study's select.pick) leads the decision's designs
  const index = meta.decision?.designs[0]?.index;
  const design = pareto.designs.find((d) => d.index === index);
  if (design === undefined) return { knee: { seed, runDir: seedDir(seed) }, pareto, meta, ...answer };
  const choices = Object.fromEntries(choiceVariables(pareto).map((v) => [v.name, design.variables[v.name]!]));
  return {
    knee: { seed, runDir: seedDir(seed), knee: { index: design.index, choices, objectives: design.objectives } },
    pareto,
    meta,
    ...answer,
  };
}

/** The non-dominated designs of the seeds' fronts (in seed order, then each front's), with the seed of each. */
export function unionFront(fronts: readonly { readonly seed: number; readonly pareto: ParetoFile }[]): {
  pareto: ParetoFile;
  seeds: number[];
} {
  const first = fronts[0]!.pareto;
  const all: { seed: number; design: ParetoDesign }[] = fronts.flatMap((f) =>
    f.pareto.designs.map((design) => ({ seed: f.seed, design })),
  );
  const m = first.objectives.length;
  const F = new Float64Array(all.length * m);
  all.forEach((a, i) =>
    first.objectives.forEach((o, j) => {
      F[i * m + j] = (o.sense === 'maximize' ? -1 : 1) * a.design.objectives[o.name]!;
    }),
  );
  const kept = [...nonDominatedIndices(F, all.length, m)].map((i) => all[i]!);
  const { duplicates: _, ...rest } = first;
  return { pareto: { ...rest, designs: kept.map((k) => k.design) }, seeds: kept.map((k) => k.seed) };
}

/** The union front's position of its recommended design (-1: none); each design's index is its own seed's. */
export function unionKneePosition(union: SeedUnion): number {
  const head = union.decision.designs[0];
  if (head === undefined) return -1;
  return union.pareto.designs.findIndex((d, p) => d.index === head.index && union.seeds[p] === head.seed);
}

/** A seed's knee and result files, with its answer.json's record when this process ran the seed. */
type SeedRead = {
  readonly knee: SeedKnee;
  readonly pareto: ParetoFile;
  readonly meta: RunMeta;
  readonly answer?: Answer;
};

/**
 * The decision on the union front: the study's select: rule (the first seed's study, as its folder keeps it), each
 * design with its seed, and the knee's shadow prices (the seeds' runs leave theirs out: one price list, the answer's).
 */
function unionDecision(loaded: LoadedStudy, reads: readonly SeedRead[]): SeedUnion {
  const { pareto, seeds } = unionFront(reads.map((r) => ({ seed: r.knee.seed, pareto: r.pareto })));
  const { standing, joint } = kneeStandingOf(loaded, pareto);
  const decision = decisionSummary(pareto, standing, (p) => seeds[p]!);
  const head = decision.designs[0];
  const at = unionKneePosition({ pareto, seeds, decision });
  if (head === undefined || at < 0) return { pareto, seeds, decision, joint };
  const prices = unionShadowPrices(loaded, reads, { pareto, seeds }, at, head.binding.constraints);
  return { pareto, seeds, decision: prices === null ? decision : { ...decision, shadowPrices: prices }, joint };
}

/**
 * The union knee's shadow prices (./decision/relaxation.ts), re-optimized as its seed's run would have: the study
 * (`loaded`, any seed's: their study.yaml differ in the seed alone), algorithm and settings with the knee's seed,
 * warm-started from the knee, then its seed's front designs, then the other seeds', up to the algorithm's population.
 * Null as for a single run (surrogate-assisted algorithms).
 */
function unionShadowPrices(
  loaded: LoadedStudy,
  reads: readonly SeedRead[],
  union: { readonly pareto: ParetoFile; readonly seeds: readonly number[] },
  at: number,
  binding: readonly ConstraintMargin[],
): KneeRelaxation | null {
  const { pareto, seeds } = union;
  const seed = seeds[at]!;
  if (algorithmEntry(loaded.algorithm.name)?.surrogate !== false) return null;
  const others = pareto.designs.flatMap((_, p) => (p === at ? [] : [p]));
  const order = [...others.filter((p) => seeds[p] === seed), ...others.filter((p) => seeds[p] !== seed)];
  const options = { ...algorithmOptions(loaded.algorithm), seed };
  const source: ReoptimizeSource = {
    problem: loaded.problem,
    create: (problem, initial) => createAlgorithm(loaded.algorithm.name, problem, { ...options, initial }),
    population: order.slice(0, loaded.algorithm.population - 1).map((p) => encode(loaded.problem, pareto.designs[p]!)),
    runEvaluations: reads.find((r) => r.knee.seed === seed)?.meta.result?.evaluations ?? 0,
  };
  const prices = shadowPrices(source, pareto, pareto.designs[at]!, binding);
  return prices === null ? null : { ...prices, warmStart: 'union front' };
}

/**
 * The seeds' knees, their agreement and the union front's decision, from their finished folders; `loaded` the first
 * seed's study as its folder keeps it (the union's select: rule and samples; any seed's differs in the seed alone).
 */
function seedsDecision(outDir: string, seeds: readonly number[], written?: WrittenSeed) {
  const read = seeds.map((s) => readSeedKnee(outDir, s, written));
  const first = read[0]!.pareto;
  const agreement = seedAgreement(
    read.map((r) => r.knee),
    choiceVariables(first),
    first.objectives,
  );
  const loaded = loadStudyProblem(join(outDir, seedDir(read[0]!.knee.seed), 'study.yaml'));
  return { read, agreement, loaded, union: unionDecision(loaded, read) };
}

/** Decides the multi-seed answer (./answer/seedsAnswer.ts) and writes it into the folder as answer.json. */
export function writeSeedsAnswer(
  outDir: string,
  agreement: SeedAgreement,
  union: SeedUnion,
  read: readonly (Pick<SeedRead, 'knee' | 'pareto'> & { readonly meta?: RunMeta; readonly answer?: Answer })[],
  loaded?: LoadedStudy,
): Answer {
  const fronts = read.map((r) => ({ seed: r.knee.seed, pareto: r.pareto }));
  // the union decision's study and samples, when the caller has them: neither compiled nor drawn again
  const opts = loaded !== undefined && union.joint !== undefined ? { study: { loaded, joint: union.joint } } : {};
  const first = read[0];
  const answer = buildSeedsAnswer(
    outDir,
    agreement,
    union,
    fronts,
    opts,
    first !== undefined && 'meta' in first ? { meta: first.meta as RunMeta, pareto: first.pareto } : undefined,
    // the seeds' answers this process holds: not read back from their folders
    (seed) => read.find((r) => r.knee.seed === seed)?.answer,
  );
  writeAnswer(outDir, answer);
  return answer;
}

/**
 * A finished multi-seed folder read again (`odc report <folder>`): its seeds as seeds.json lists them, their
 * agreement and union decided from the seeds' folders as the run's finishing step decided them (`read`: each seed's).
 */
export function finishedSeeds(outDir: string): {
  seeds: number[];
  agreement: SeedAgreement;
  union: SeedUnion;
  read: readonly SeedRead[];
  loaded: LoadedStudy;
} {
  const path = join(outDir, SEEDS_FILE);
  const fix = 'run the multi-seed study again to write it';
  const raw = readJsonFile(path, 'BAD_RUN_DIR', fix) as { seeds?: { seed?: unknown }[] } | null;
  const seeds = (Array.isArray(raw?.seeds) ? raw.seeds : [])
    .map((s) => s?.seed)
    .filter((s): s is number => Number.isInteger(s));
  if (seeds.length === 0)
    throw new StudyError('BAD_RUN_DIR', `${path}: lists no seed of a finished multi-seed run; ${fix}`, { file: path });
  const { agreement, union, read, loaded } = seedsDecision(outDir, seeds);
  return { seeds, agreement, union, read, loaded };
}

/**
 * Runs (or continues) every seed, then writes seeds.json with the agreement of their knees (`written`: the result files
 * of the seeds this process ran, as their runs hold them).
 */
export async function runSeeds(
  outDir: string,
  seeds: readonly number[],
  study: SeedStudy,
  run: SeedRunner,
  written?: WrittenSeed,
): Promise<MultiSeedResult> {
  checkSeedsFile(join(outDir, SEEDS_FILE));
  checkOutputTarget(outDir, 'folder', [study.file], {
    folder: {
      writer: 'odc run --seeds',
      // a seed's run folder (perhaps killed before its run.json): seeds.json alone may be anyone's file
      holdsOwnResult: (d) =>
        readdirSync(d, { withFileTypes: true }).some((e) => /^seed-\d+$/.test(e.name) && e.isDirectory()),
    },
  });
  // every folder is checked before any seed runs: a foreign one stops the command before it spends time
  const states = seeds.map((seed) => folderState(join(outDir, seedDir(seed)), seed, study));
  const summaries: RunSummary[] = [];
  for (const [i, seed] of seeds.entries()) {
    const runDir = join(outDir, seedDir(seed));
    const state = states[i]!;
    if (state === 'complete') continue;
    const summary = await run(seed, runDir, state === 'interrupted');
    summaries.push(summary);
    if (summary.status !== 'complete') return { summaries };
  }
  const { read, agreement, loaded, union } = seedsDecision(outDir, seeds, written);
  const fronts = read.map((r) => ({ seed: r.knee.seed, pareto: r.pareto }));
  writeAttainmentFile(outDir, loaded, fronts, union, unionKneePosition(union));
  const bySeed = seeds.map((seed) => ({ seed, designs: union.seeds.filter((s) => s === seed).length }));
  const file = {
    formatVersion: 2,
    ...agreement,
    union: { designs: union.seeds.length, bySeed },
    decision: union.decision,
  };
  writeFileAtomic(join(outDir, SEEDS_FILE), `${JSON.stringify(file, null, 2)}\n`);
  const answer = writeSeedsAnswer(outDir, agreement, union, read, loaded);
  const results = read.map((r) => ({ seed: r.knee.seed, result: r.meta.result }));
  return { summaries, agreement, union, results, answer };
}
