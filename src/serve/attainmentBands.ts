/**
 * /api/attainment: the attainment bands of the served multi-seed runs, read from each run's attainment.json
 * (src/run/attainmentFile.ts; nothing computed again): per pair of objectives, the 25 %, 50 % and 75 % attainment
 * surfaces as staircases in the objectives' own units (the report's, src/report/decision/spreadSection.ts), over
 * the seeds and under the uncertain inputs, the knee as the served run and evaluation index the explorer marks, and
 * the spread in one line. A multi-seed run is served as its seed folders (./runData.ts expandRunDirs); its folder's
 * attainment.json belongs to the seed folders that seeds.json lists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { staircase } from '../report/decision/spreadSection.js';
import { readAttainmentFile, spreadLine, type AttainmentFile, type Projection } from '../run/attainmentFile.js';
import { SEEDS_FILE } from '../run/multiSeed.js';

type Point = { readonly x: number; readonly y: number };

export interface BandPair {
  /** The objectives across and up. */
  readonly x: string;
  readonly y: string;
  readonly q1: readonly Point[];
  readonly median: readonly Point[];
  readonly q3: readonly Point[];
}

export interface ServedBands {
  /** The multi-seed folder's name. */
  readonly source: string;
  /** The served runs (ids) that are its seeds. */
  readonly runs: readonly number[];
  readonly seeds: readonly BandPair[];
  /** Under the uncertain inputs: empty when not computed (`drawsSkipped` says why). */
  readonly draws: readonly BandPair[];
  readonly drawsSkipped: string | null;
  /** The union's knee: the served run holding it and its evaluation index. */
  readonly knee: { readonly run: number; readonly index: number } | null;
  readonly spread: string;
}

/** One pair's band (see the header). */
function bandPair(f: AttainmentFile, pair: Projection, reference: readonly number[]): BandPair {
  const [a, b] = pair.objectives;
  const sign = [a, b].map((j) => (f.objectives[j]!.sense === 'maximize' ? -1 : 1)) as [number, number];
  const ref: [number, number] = [reference[a]!, reference[b]!];
  const at = (level: number): Point[] =>
    staircase(pair.surfaces.find((s) => s.level === level)?.points ?? [], ref, sign);
  return { x: f.objectives[a]!.name, y: f.objectives[b]!.name, q1: at(25), median: at(50), q3: at(75) };
}

/** A multi-seed folder's seeds.json: its seeds (seed, folder name) and its union knee, or null. */
function seedsOf(out: string): {
  seeds: { seed: number; runDir: string }[];
  knee: { seed?: number; index?: number } | undefined;
} | null {
  const path = join(out, SEEDS_FILE);
  if (!existsSync(path)) return null;
  try {
    const raw = JSON.parse(readFileSync(path, 'utf8')) as {
      seeds?: { seed: number; runDir: string }[];
      decision?: { designs?: { seed?: number; index?: number }[] };
    };
    return { seeds: raw.seeds ?? [], knee: raw.decision?.designs?.[0] };
  } catch {
    return null;
  }
}

/** The bands of every served multi-seed run (see the header); `runs` the served runs' ids and folders. */
export function servedBands(runs: readonly { readonly id: number; readonly dir: string }[]): ServedBands[] {
  const out: ServedBands[] = [];
  for (const folder of [...new Set(runs.map((r) => dirname(r.dir)))]) {
    const seeds = seedsOf(folder);
    const f = seeds === null ? null : readAttainmentFile(folder);
    if (seeds === null || f === null) continue;
    const listed = (r: { dir: string }): boolean => seeds.seeds.some((s) => s.runDir === basename(r.dir));
    const mine = runs.filter((r) => dirname(r.dir) === folder && listed(r));
    if (mine.length === 0) continue;
    const kneeDir = seeds.seeds.find((s) => s.seed === seeds.knee?.seed)?.runDir;
    const kneeRun = mine.find((r) => basename(r.dir) === kneeDir);
    const kneeIndex = seeds.knee?.index;
    const d = f.draws;
    out.push({
      source: basename(folder),
      runs: mine.map((r) => r.id),
      seeds: f.seeds.projections.map((p) => bandPair(f, p, f.seeds.reference)),
      draws: 'skipped' in d ? [] : d.projections.map((p) => bandPair(f, p, d.reference)),
      drawsSkipped: 'skipped' in d ? d.skipped : null,
      knee: kneeRun === undefined || !Number.isInteger(kneeIndex) ? null : { run: kneeRun.id, index: kneeIndex! },
      spread: spreadLine(f),
    });
  }
  return out;
}
