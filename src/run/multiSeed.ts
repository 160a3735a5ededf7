/**
 * Multi-seed runs (`odc run <study> --seeds N`): the study run once per seed, seeds s, s + 1, …, s + N − 1 from the
 * first seed (--seed, else the study's algorithm.seed), one after another, each into its own ordinary run folder
 * `<out>/seed-<s>/` (pareto.json, report, run.json: every single-run tool reads it, and `odc compare <out>/seed-*`
 * compares the fronts). Then `<out>/seeds.json` records whether the seeds agree (./seedAgreement.ts) and each seed's
 * knee. seeds.json holds no clock or path outside the folder, so the same seeds give the same bytes whatever
 * --workers (every seed's run already does).
 *
 * Stopping and continuing: each seed folder is a run folder with its checkpoints. The same command run again with the
 * same --out keeps the seeds whose run is complete, resumes a seed whose run was interrupted (from its last
 * checkpoint, bit-identical to an uninterrupted run) and starts the missing ones; `--resume` takes one run folder
 * and is refused with --seeds (src/entries/cli/main.ts).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic.js';
import { readParetoFile, type ParetoFile } from './paretoFile.js';
import { readRunMeta } from './runFolder.js';
import type { RunSummary } from './runContext.js';
import { seedAgreement, type SeedAgreement, type SeedKnee } from './seedAgreement.js';

export const SEEDS_FILE = 'seeds.json';

/** How a seed's folder is run: afresh into `runDir`, or resumed from it. */
export type SeedRunner = (seed: number, runDir: string, resume: boolean) => Promise<RunSummary>;

export interface MultiSeedResult {
  /** The seeds run, in order; stops at the first interrupted seed. */
  readonly summaries: readonly RunSummary[];
  /** Absent when a seed was interrupted. */
  readonly agreement?: SeedAgreement;
}

/** The seeds of a multi-seed run: `count` consecutive seeds from `first` (32-bit). */
export function seedList(first: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => (first + i) % 4294967296);
}

const seedDir = (seed: number): string => `seed-${seed}`;

const DAMAGED = 'the seed folder is damaged or was not written by odc run: remove it and run the same command again';

/** The state of a seed's folder: absent (run afresh), interrupted (resume) or complete (keep). */
function folderState(runDir: string): 'absent' | 'interrupted' | 'complete' {
  const meta = join(runDir, 'run.json');
  if (!existsSync(meta)) return 'absent';
  return readRunMeta(meta, DAMAGED).status === 'complete' ? 'complete' : 'interrupted';
}

/** A complete seed run's knee, from its run.json decision and pareto.json. */
export function readSeedKnee(outDir: string, seed: number): { knee: SeedKnee; pareto: ParetoFile } {
  const runDir = join(outDir, seedDir(seed));
  const meta = readRunMeta(join(runDir, 'run.json'), DAMAGED);
  const pareto = readParetoFile(join(runDir, 'pareto.json'), 'BAD_RUN_DIR', DAMAGED, meta.odcVersion);
  const index = meta.decision?.designs.find((d) => d.roles.includes('knee'))?.index;
  const design = pareto.designs.find((d) => d.index === index);
  if (design === undefined) return { knee: { seed, runDir: seedDir(seed) }, pareto };
  const choices = Object.fromEntries(
    pareto.variables.filter((v) => v.kind === 'choice').map((v) => [v.name, design.variables[v.name]!]),
  );
  return {
    knee: { seed, runDir: seedDir(seed), knee: { index: design.index, choices, objectives: design.objectives } },
    pareto,
  };
}

/** Runs (or continues) every seed, then writes seeds.json with the agreement of their knees. */
export async function runSeeds(outDir: string, seeds: readonly number[], run: SeedRunner): Promise<MultiSeedResult> {
  mkdirSync(outDir, { recursive: true });
  const summaries: RunSummary[] = [];
  for (const seed of seeds) {
    const runDir = join(outDir, seedDir(seed));
    const state = folderState(runDir);
    if (state === 'complete') continue;
    const summary = await run(seed, runDir, state === 'interrupted');
    summaries.push(summary);
    if (summary.status !== 'complete') return { summaries };
  }
  const read = seeds.map((s) => readSeedKnee(outDir, s));
  const agreement = seedAgreement(
    read.map((r) => r.knee),
    read[0]!.pareto.objectives,
  );
  writeFileAtomic(join(outDir, SEEDS_FILE), `${JSON.stringify({ formatVersion: 1, ...agreement }, null, 2)}\n`);
  return { summaries, agreement };
}
