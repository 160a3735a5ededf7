/**
 * `odc attainment`: the attainment surfaces (src/optimize/indicators/attainment.ts) of the fronts of run folders (each
 * folder's pareto.json one set; a multi-seed folder stands for its seeds) or of a CSV of points in R eaf's layout
 * (objective columns, then the set; an optional header row names the objectives; all minimized, as R eaf reads
 * them). Levels are percentages of the sets, mapped to counts as R eaf maps them. Points are printed in each
 * objective's own units and sense (a maximized objective's surface point is its value, not its negation). Exact in 2
 * and 3 objectives; a study with more names 2 or 3 of them (`objectives`): the surfaces of the fronts' projections,
 * which are the attainment surfaces of the full sets seen from the remaining objectives' worst values.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { StudyError } from '../base/errors.js';
import { attainmentLevel, attainmentSweep, type PointSet } from '../optimize/indicators/attainment.js';
import { readParetoFile } from '../run/paretoFile.js';
import { SEEDS_FILE } from '../run/multiSeed.js';
import { fmt } from '../base/numberFormat.js';

export const DEFAULT_ATTAINMENT_LEVELS = [0, 25, 50, 75, 100] as const;

export interface AttainmentObjective {
  readonly name: string;
  readonly sense: 'minimize' | 'maximize';
  readonly unit: string;
}

export interface AttainmentResult {
  readonly objectives: readonly AttainmentObjective[];
  /** Where each set came from (a run folder, or the CSV's set label). */
  readonly sets: readonly string[];
  readonly levels: readonly { readonly level: number; readonly attainedBy: number; readonly points: number[][] }[];
}

export interface AttainmentOptions {
  /** Percentages, 0–100 (default 0, 25, 50, 75, 100). */
  readonly levels?: readonly number[];
  /** Objective names to keep (2 or 3), in this order. */
  readonly objectives?: readonly string[];
}

interface Fronts {
  readonly objectives: AttainmentObjective[];
  readonly labels: string[];
  /** Each set's points in the objectives' own values. */
  readonly sets: number[][][];
}

const badArg = (message: string, field?: string): StudyError =>
  new StudyError('BAD_ARGUMENT', message, field !== undefined ? { field } : {});

/** The sets of a CSV in R eaf's layout (see the header). */
export function csvFronts(path: string): Fronts {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  const bad = (line: number, what: string): StudyError =>
    new StudyError('WRONG_TYPE', `${path}:${line}: ${what}; each row is the objective values then the set`, {
      file: path,
    });
  let names: string[] | null = null;
  const bySet = new Map<string, number[][]>();
  let width = 0;
  lines.forEach((text, i) => {
    const row = text.trim();
    if (row === '' || row.startsWith('#')) return;
    const cells = row.split(/\s*[,;\t ]\s*/);
    if (names === null && bySet.size === 0 && cells.slice(0, -1).some((c) => !Number.isFinite(Number(c)))) {
      names = cells.slice(0, -1);
      return;
    }
    if (cells.length < 3) throw bad(i + 1, `${cells.length} column(s), at least 3 needed (2 objectives and the set)`);
    width ||= cells.length;
    if (cells.length !== width) throw bad(i + 1, `${cells.length} columns where the first row has ${width}`);
    const values = cells.slice(0, -1).map(Number);
    const at = values.findIndex((v) => !Number.isFinite(v));
    if (at >= 0) throw bad(i + 1, `column ${at + 1} is "${cells[at]}", not a number`);
    const set = cells.at(-1)!;
    if (!bySet.has(set)) bySet.set(set, []);
    bySet.get(set)!.push(values);
  });
  if (bySet.size === 0) throw new StudyError('MISSING_FIELD', `${path}: no points`, { file: path });
  const m = width - 1;
  const header: string[] = names ?? Array.from({ length: m }, (_, k) => `f${k + 1}`);
  if (header.length !== m) throw bad(1, `the header names ${header.length} objectives, the rows have ${m}`);
  return {
    objectives: header.map((name) => ({ name, sense: 'minimize', unit: '' })),
    labels: [...bySet.keys()].map((s) => `set ${s}`),
    sets: [...bySet.values()],
  };
}

/** Run folders (a multi-seed folder: its seed-<s> folders), each one's pareto.json a set. */
function runFronts(dirs: readonly string[]): Fronts {
  const folders = dirs.flatMap((d) =>
    existsSync(join(d, SEEDS_FILE)) && !existsSync(join(d, 'pareto.json'))
      ? readdirSync(d)
          .filter((f) => /^seed-\d+$/.test(f) && statSync(join(d, f)).isDirectory())
          .sort((a, b) => Number(a.slice(5)) - Number(b.slice(5)))
          .map((f) => join(d, f))
      : [d],
  );
  const fix = 'name run folders written by odc run (each holds pareto.json), or a CSV of points';
  const files = folders.map((d) => readParetoFile(join(d, 'pareto.json'), 'BAD_RUN_DIR', fix));
  const first = files[0]!;
  const sig = (f: typeof first): string => f.objectives.map((o) => `${o.sense} ${o.name}`).join(', ');
  files.forEach((f, i) => {
    if (sig(f) !== sig(first))
      throw new StudyError(
        'INCOMPATIBLE_RUN',
        `${folders[i]}: its objectives (${sig(f)}) differ from those of ${folders[0]} (${sig(first)})`,
        { file: folders[i], field: 'objectives' },
      );
  });
  return {
    objectives: first.objectives.map((o) => ({ name: o.name, sense: o.sense, unit: o.unit })),
    labels: folders,
    sets: files.map((f) => f.designs.map((d) => first.objectives.map((o) => d.objectives[o.name]!))),
  };
}

/** The attainment surfaces of the fronts of `inputs` (run folders, or one CSV file). */
export function attainmentOf(inputs: readonly string[], opts: AttainmentOptions = {}): AttainmentResult {
  if (inputs.length === 0) throw badArg('odc attainment needs run folders or a CSV of points');
  const csv = inputs.length === 1 && statSync(inputs[0]!, { throwIfNoEntry: false })?.isFile() === true;
  for (const i of inputs)
    if (!existsSync(i)) throw new StudyError('FILE_NOT_FOUND', `${i}: no such run folder or file`, { file: i });
  const fronts = csv ? csvFronts(inputs[0]!) : runFronts(inputs);
  const keep = pickObjectives(fronts.objectives, opts.objectives);
  const objectives = keep.map((k) => fronts.objectives[k]!);
  const sign = objectives.map((o) => (o.sense === 'maximize' ? -1 : 1));
  const sets: PointSet[] = fronts.sets.map((s) => s.map((p) => keep.map((k, j) => sign[j]! * p[k]!)));
  const percents = opts.levels ?? DEFAULT_ATTAINMENT_LEVELS;
  for (const p of percents)
    if (!(p >= 0 && p <= 100)) throw badArg(`--levels: ${p} is not a percentage in 0–100`, 'levels');
  const counts = percents.map((p) => attainmentLevel(p, sets.length));
  const { surfaces } = attainmentSweep(sets, counts);
  return {
    objectives,
    sets: fronts.labels,
    levels: percents.map((level, l) => ({
      level,
      attainedBy: counts[l]!,
      points: surfaces[l]!.map((p) => p.map((v, j) => sign[j]! * v)),
    })),
  };
}

/** Indices of the objectives to keep: all (2 or 3 of them), else the named 2 or 3. */
function pickObjectives(all: readonly AttainmentObjective[], names: readonly string[] | undefined): number[] {
  const list = all.map((o) => o.name).join(', ');
  if (names === undefined) {
    if (all.length === 2 || all.length === 3) return all.map((_, k) => k);
    throw badArg(
      `the fronts have ${all.length} objectives (${list}); attainment surfaces are exact in 2 or 3: name them with --objectives a,b`,
      'objectives',
    );
  }
  if (names.length !== 2 && names.length !== 3)
    throw badArg(`--objectives names ${names.length} objective(s); name 2 or 3 of: ${list}`, 'objectives');
  return names.map((n) => {
    const k = all.findIndex((o) => o.name === n);
    if (k < 0) throw badArg(`--objectives: "${n}" is not an objective of these fronts (${list})`, 'objectives');
    return k;
  });
}

/** The surfaces as text: each level's points under the objectives' names and units. */
export function formatAttainment(r: AttainmentResult): string {
  const head = r.objectives.map(
    (o) => `${o.name}${o.unit ? ` [${o.unit}]` : ''} (${o.sense === 'maximize' ? 'max' : 'min'})`,
  );
  const out = [`Attainment surfaces of ${r.sets.length} sets: ${r.sets.join(', ')}`];
  for (const l of r.levels) {
    out.push(
      '',
      `${l.level} % (attained by at least ${l.attainedBy} of ${r.sets.length} sets): ${l.points.length} points`,
      `  ${head.join('  ')}`,
    );
    for (const p of l.points) out.push(`  ${p.map((v, j) => fmt(v, 6).padStart(head[j]!.length)).join('  ')}`);
  }
  return `${out.join('\n')}\n`;
}
