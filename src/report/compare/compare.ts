/**
 * `compareRuns(runDirs)`: compares the Pareto fronts of several runs of the same objectives on ONE normalization
 * through ./frontComparison.ts (the computation the explorer's /api/compare shares): per run the exact hypervolume,
 * IGD+ against the non-dominated union, the ε-non-dominated share beside the plain Pareto share; here, per objective,
 * which run supplies the union in each quarter of the range, and with `vs` each indicator's spread per side and a
 * Mann–Whitney U test (./compareStats.ts) and where each side attains with the higher probability (the EAF
 * difference, ./attainmentDifference.ts). What each figure means: docs/runs.md, "Comparing runs". Writes
 * compare.html, compare.md, fronts.svg (and with `vs` eaf-difference.svg) atomically.
 */
import { maxOf, minOf, pushAll } from '../../base/arrays.js';
import { checkOutputTarget, freshStampedFolder } from '../../base/outputTarget.js';
import { readdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { StudyError } from '../../base/errors.js';
import { writeFileAtomic } from '../../run/atomic.js';
import { hypervolumeValueText, runHypervolumeFigure, type RunHypervolume } from '../../run/hypervolumeFigure.js';
import { fmt } from '../../base/numberFormat.js';
import { minimizedObjectives } from '../../run/decision/decision.js';
import { documentHtml } from '../document/html.js';
import { figure, list, note, section, table, type ReportDocument } from '../document/blocks.js';
import { loadRun, type LoadedRun } from '../../run/loadRun.js';
import { documentMarkdown } from '../document/markdown.js';
import { ODC_VERSION } from '../../run/versions.js';
import {
  checkEpsilon,
  compareIndicator,
  DEFAULT_COMPARE_EPSILON,
  GROUP_METHOD,
  groupTable,
  type IndicatorComparison,
} from './compareStats.js';
import {
  compareFronts,
  comparisonHypervolumeText,
  COMPARE_EXACT_HV_POINTS,
  type CompareProgress,
  type FrontIndicators,
} from './frontComparison.js';
import { objectiveTitle, PALETTE, samplePositions, type CategoryStyle } from '../plots/plots.js';
import { objectiveMatrix } from '../plots/scatterMatrix.js';
import {
  attainmentDifference,
  attainmentDifferenceLines,
  attainmentDifferencePlot,
  attainmentDifferenceSection,
  type AttainmentDifference,
} from './attainmentDifference.js';
import type { Plot } from '../document/blocks.js';

export interface CompareRow {
  readonly label: string;
  readonly dir: string;
  readonly study: string;
  readonly algorithm: string;
  readonly seed: number;
  readonly evaluations: number;
  /**
   * Wall time of the run's finishing process (run.json timings; null when absent), so runs can be set side by side at
   * equal time: a surrogate's proposals cost more than an evolutionary algorithm's, not its evaluations.
   */
  readonly wall_s: number | null;
  readonly frontSize: number;
  /** Normalized hypervolume on the common normalization (reference 1.1 in every objective). */
  readonly hypervolume: number;
  /** Its standard error when estimated (a large front in 4+ objectives: ./frontComparison.ts), else null. */
  readonly hypervolumeStandardError: number | null;
  /** The run's own hypervolume as `odc run` printed it (src/run/hypervolumeFigure.ts); null for a run without one. */
  readonly runHypervolume: RunHypervolume | null;
  /** IGD+ against the non-dominated union, normalized (0 = the run found the whole union). */
  readonly igdPlus: number;
  /** Side of a group comparison (`vs`), else null. */
  readonly side: 'A' | 'B' | null;
  /** Share of the run's front no design of another run (of the other side, with `vs`) dominates by at least ε. */
  readonly nonDominatedShare: number;
  /** The same with plain Pareto dominance (ε = 0). */
  readonly paretoNonDominatedShare: number;
  /** Share of the non-dominated union contributed by this run. */
  readonly unionShare: number;
}

export interface CompareRegion {
  readonly objective: string;
  /** Normalized range of the objective, e.g. [0, 0.25). */
  readonly range: readonly [number, number];
  /** Union points in this range, and the share from each run (same order as rows). */
  readonly points: number;
  readonly shares: readonly number[];
}

export interface CompareResult {
  readonly outDir: string;
  readonly htmlPath: string;
  readonly mdPath: string;
  readonly svgPath: string;
  readonly objectives: readonly { name: string; sense: string; unit: string }[];
  readonly normalization: {
    readonly ideal: readonly number[];
    readonly nadir: readonly number[];
    readonly reference: readonly number[];
  };
  readonly unionSize: number;
  readonly rows: readonly CompareRow[];
  readonly regions: readonly CompareRegion[];
  /** Dominance tolerance in normalized units (a fraction of each objective's range over the union). */
  readonly epsilon: number;
  /** With `vs`: hypervolume, IGD+ and the non-dominated share compared between the sides; else null. */
  readonly groups: readonly IndicatorComparison[] | null;
  /** With `vs`: where each side attains with the higher probability (./attainmentDifference.ts); else null. */
  readonly attainmentDifference: AttainmentDifference | null;
}

export interface CompareOptions {
  /**
   * Dominance tolerance, a fraction of each objective's normalized range (default DEFAULT_COMPARE_EPSILON; 0: plain
   * dominance).
   */
  readonly epsilon?: number;
  /** Run folders of side B: the runs given first are side A, and the indicators are compared between the sides. */
  readonly vs?: readonly string[];
  /** Clock for the default output folder name. */
  readonly now?: () => Date;
  /** Threads for the exact hypervolume of large fronts (default: the machine's cores; the value is the same). */
  readonly hypervolumeThreads?: number;
  /** Hears each step as it starts, and the share of a hypervolume done (large many-objective fronts take seconds). */
  readonly onProgress?: (p: CompareProgress) => void;
}

export type { CompareProgress } from './frontComparison.js';

const SHAPES = ['circle', 'square', 'triangle-up', 'diamond', 'cross', 'triangle-down', 'circle', 'square'];

function labels(runs: readonly LoadedRun[], sides: readonly ('A' | 'B' | null)[]): string[] {
  const base = runs.map((r) => basename(resolve(r.dir)));
  if (sides[0] !== null) {
    const count = { A: 0, B: 0 };
    return base.map((b, i) => `${sides[i]}${++count[sides[i]!]}: ${b}`);
  }
  return base.map((b, i) => `${String.fromCharCode(65 + (i % 26))}${i >= 26 ? Math.floor(i / 26) : ''}: ${b}`);
}

const defaultOutDir = (now: Date): string => freshStampedFolder((stamp) => join('results', `compare-${stamp}`), now);

/**
 * The run folders, and each one's side with --vs (null without); BAD_ARGUMENT when a side or the whole is too short.
 */
function runFolders(
  sideA: readonly string[],
  vsOption: readonly string[] | undefined,
): { runDirs: string[]; sides: ('A' | 'B' | null)[] } {
  const vs = vsOption ?? [];
  if (vsOption !== undefined && (sideA.length < 1 || vs.length < 1)) {
    throw new StudyError(
      'BAD_ARGUMENT',
      `odc compare --vs needs at least one run folder on each side, got ${sideA.length} and ${vs.length}; ` +
        'e.g. odc compare a1 a2 a3 --vs b1 b2 b3',
      { field: 'vs' },
    );
  }
  const runDirs = [...sideA, ...vs];
  const sides = runDirs.map((_, i) =>
    vsOption === undefined ? null : i < sideA.length ? ('A' as const) : ('B' as const),
  );
  if (runDirs.length < 2)
    throw new StudyError(
      'BAD_ARGUMENT',
      `odc compare needs at least two run folders, got ${runDirs.length}; e.g. odc compare results/a/<run> results/b/<run>`,
    );
  return { runDirs, sides };
}

/** The runs, which must share their objectives (INCOMPATIBLE_RUN otherwise). */
function loadComparableRuns(runDirs: readonly string[]): LoadedRun[] {
  const runs = runDirs.map((d) => loadRun(d, { evaluations: false }));
  const first = runs[0]!;
  const sig = (r: LoadedRun): string => r.pareto.objectives.map((o) => `${o.sense} ${o.name}`).join(', ');
  for (const r of runs.slice(1)) {
    if (sig(r) !== sig(first)) {
      throw new StudyError(
        'INCOMPATIBLE_RUN',
        `${r.dir}: its objectives (${sig(r)}) differ from those of ${first.dir} (${sig(first)}); compare runs of studies with the same objectives`,
        { file: r.dir, field: 'objectives' },
      );
    }
  }
  return runs;
}

/** Each run's share of the union's points in each quarter of each normalized objective. */
function regionShares(
  first: LoadedRun,
  union: readonly { f: readonly number[]; r: number }[],
  runCount: number,
): CompareRegion[] {
  const regions: CompareRegion[] = [];
  first.pareto.objectives.forEach((o, j) => {
    for (let q = 0; q < 4; q++) {
      const lo = q / 4,
        hi = (q + 1) / 4;
      const pts = union.filter((p) => p.f[j]! >= lo && (q === 3 ? p.f[j]! <= hi : p.f[j]! < hi));
      const shares = Array.from({ length: runCount }, (_, r) =>
        pts.length ? pts.filter((p) => p.r === r).length / pts.length : 0,
      );
      regions.push({ objective: o.name, range: [lo, hi], points: pts.length, shares });
    }
  });
  return regions;
}

/** A run's row: its folder's facts beside its figures on the common normalization. */
function compareRow(r: LoadedRun, label: string, side: 'A' | 'B' | null, x: FrontIndicators): CompareRow {
  return {
    label,
    side,
    dir: r.dir,
    study: r.meta.study.name,
    algorithm: r.meta.algorithm.name,
    seed: r.meta.algorithm.seed,
    evaluations: r.meta.result?.evaluations ?? 0,
    wall_s: r.meta.timings?.wall_s ?? null,
    frontSize: x.frontSize,
    hypervolume: x.hypervolume,
    hypervolumeStandardError: x.hypervolumeStandardError,
    runHypervolume: runHypervolumeFigure(r.meta),
    igdPlus: x.igdPlus,
    nonDominatedShare: x.nonDominatedShare,
    paretoNonDominatedShare: x.paretoNonDominatedShare,
    unionShare: x.unionShare,
  };
}

/** The overlay plot of the fronts (user sense, raw units). */
function frontsOverlaySvg(runs: readonly LoadedRun[], names: readonly string[]): string {
  const first = runs[0]!;
  const points: Record<string, unknown>[] = [];
  runs.forEach((r, i) => {
    for (const p of samplePositions(r.pareto.designs.length, 1500)) {
      const d = r.pareto.designs[p]!;
      const row: Record<string, unknown> = { cat: names[i] };
      r.pareto.objectives.forEach((o, j) => (row[`o${j}`] = d.objectives[o.name]));
      points.push(row);
    }
  });
  const axes = first.pareto.objectives.map((o, j) => {
    const vals = points.map((p) => p[`o${j}`] as number);
    let lo = minOf(vals),
      hi = maxOf(vals);
    if (!Number.isFinite(lo)) {
      lo = 0;
      hi = 1;
    }
    const pad = (hi - lo) * 0.05 || Math.abs(lo) * 0.05 || 1;
    return { title: objectiveTitle(o.name, o.unit, o.sense), domain: [lo - pad, hi + pad] as const };
  });
  const cats: CategoryStyle[] = names.map((n, i) => ({
    name: n,
    color: PALETTE[i % PALETTE.length]!,
    shape: SHAPES[i % SHAPES.length]!,
    size: 40,
    opacity: 0.8,
  }));
  return objectiveMatrix(points, axes, cats, 'run', false, 'fronts').svg;
}

/** The files a comparison writes: a folder holding only these is an earlier comparison, which it replaces. */
const COMPARE_FILES = ['compare.html', 'compare.md', 'fronts.svg', 'eaf-difference.svg'] as const;
/**
 * An earlier comparison: the three files every comparison writes, and otherwise only eaf-difference.svg (written with
 * --vs); a folder holding some of them only may be a user's files that share a name.
 */
const OUT_RULE = {
  folder: {
    writer: 'odc compare',
    holdsOwnResult: (dir: string): boolean => {
      const entries = readdirSync(dir);
      return (
        COMPARE_FILES.slice(0, 3).every((f) => entries.includes(f)) &&
        entries.every((e) => (COMPARE_FILES as readonly string[]).includes(e))
      );
    },
  },
};

export async function compareRuns(
  sideA: readonly string[],
  outDir?: string,
  opts: CompareOptions = {},
): Promise<CompareResult> {
  const epsilon = checkEpsilon(opts.epsilon ?? DEFAULT_COMPARE_EPSILON);
  const { runDirs, sides } = runFolders(sideA, opts.vs);
  if (outDir !== undefined) checkOutputTarget(outDir, 'folder', runDirs, OUT_RULE); // a bad --out fails before the work
  const say = opts.onProgress ?? ((): void => undefined);
  say({ step: 'load', count: runDirs.length });
  const runs = loadComparableRuns(runDirs);
  const first = runs[0]!;
  const m = first.pareto.objectives.length;
  const names = labels(runs, sides);
  const threads = opts.hypervolumeThreads ?? availableParallelism();
  const c = await compareFronts(
    runs.map((r) => minimizedObjectives(r.pareto)),
    m,
    { epsilon, sides, labels: names, threads, onProgress: say },
  );
  const { normalization: norm, union } = c;
  const Z = union.map((p) => p.f);
  const rows = runs.map((r, i) => compareRow(r, names[i]!, sides[i]!, c.runs[i]!));
  say({ step: 'files', count: Z.length, objectives: m });
  const regions = regionShares(first, union, runs.length);
  const svg = frontsOverlaySvg(runs, names);
  const objectives = first.pareto.objectives.map((o) => ({ name: o.name, sense: o.sense, unit: o.unit }));
  const difference = opts.vs === undefined ? null : sidesDifference(runs, sides, objectives, norm);

  const dir = outDir ?? defaultOutDir((opts.now ?? (() => new Date()))());
  checkOutputTarget(dir, 'folder', runDirs, OUT_RULE);
  const result: CompareResult = {
    outDir: dir,
    htmlPath: join(dir, COMPARE_FILES[0]),
    mdPath: join(dir, COMPARE_FILES[1]),
    svgPath: join(dir, COMPARE_FILES[2]),
    objectives,
    normalization: norm,
    unionSize: Z.length,
    rows,
    regions,
    epsilon,
    groups: opts.vs === undefined ? null : sideComparison(rows),
    attainmentDifference: difference,
  };
  writeFileAtomic(result.svgPath, `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`);
  const differencePlot = difference === null ? null : attainmentDifferencePlot(difference, objectives);
  // an earlier comparison's plot of sides this one has not
  if (differencePlot === null) rmSync(join(dir, COMPARE_FILES[3]), { force: true });
  else
    writeFileAtomic(join(dir, differencePlot.file), `<?xml version="1.0" encoding="UTF-8"?>\n${differencePlot.svg}\n`);
  const doc = compareDocument(result, svg, differencePlot);
  writeFileAtomic(result.mdPath, documentMarkdown(doc));
  writeFileAtomic(result.htmlPath, documentHtml(doc));
  return result;
}

/** Where each side attains more often (./attainmentDifference.ts). */
function sidesDifference(
  runs: readonly LoadedRun[],
  sides: readonly ('A' | 'B' | null)[],
  objectives: CompareResult['objectives'],
  norm: CompareResult['normalization'],
): AttainmentDifference {
  const side = (s: 'A' | 'B'): number[][][] =>
    runs.filter((_, i) => sides[i] === s).map((r) => minimizedObjectives(r.pareto));
  return attainmentDifference(side('A'), side('B'), objectives, norm);
}

/** Hypervolume, IGD+ and the non-dominated share of side A against side B. */
function sideComparison(rows: readonly CompareRow[]): IndicatorComparison[] {
  const of = (side: 'A' | 'B', f: (r: CompareRow) => number): number[] => rows.filter((r) => r.side === side).map(f);
  const ind = (name: string, better: 'higher' | 'lower', f: (r: CompareRow) => number): IndicatorComparison =>
    compareIndicator(name, better, of('A', f), of('B', f));
  return [
    ind('hypervolume', 'higher', (r) => r.hypervolume),
    ind('IGD+', 'lower', (r) => r.igdPlus),
    ind('not dominated by the other side (ε)', 'higher', (r) => r.nonDominatedShare),
  ];
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}`;
const num = (x: number): string => (Number.isFinite(x) ? x.toFixed(4) : '∞');

function summaryTable(r: CompareResult): { headers: string[]; rows: string[][] } {
  return {
    headers: [
      'run',
      'study',
      'algorithm',
      'seed',
      'evaluations [-]',
      'wall time [s]',
      'front size [-]',
      "run's hypervolume, as odc run gives it [-]",
      'hypervolume, common normalization [-]',
      'IGD+ [-]',
      `not dominated by ${r.groups ? 'the other side' : 'others'} (ε = ${r.epsilon}) [%]`,
      'share of union [%]',
      `plain Pareto: not dominated [%]`,
    ],
    rows: r.rows.map((x) => [
      x.label,
      x.study,
      x.algorithm,
      String(x.seed),
      String(x.evaluations),
      x.wall_s === null ? 'n/a' : fmt(x.wall_s),
      String(x.frontSize),
      x.runHypervolume === null ? 'n/a' : hypervolumeValueText(x.runHypervolume),
      comparisonHypervolumeText(x),
      num(x.igdPlus),
      pct(x.nonDominatedShare),
      pct(x.unionShare),
      pct(x.paretoNonDominatedShare),
    ]),
  };
}

function regionTable(r: CompareResult): { headers: string[]; rows: string[][] } {
  return {
    headers: [
      'objective',
      'normalized range [-]',
      'union points [-]',
      ...r.rows.map((x) => `${x.label.split(':')[0]} share [%]`),
    ],
    rows: r.regions.map((g) => [
      g.objective,
      `${g.range[0].toFixed(2)} – ${g.range[1].toFixed(2)}`,
      String(g.points),
      ...g.shares.map((s) => (g.points ? pct(s) : '–')),
    ]),
  };
}

const METHOD = `Two hypervolumes, named apart. The run's hypervolume is the figure odc run, the report and odc serve give: its final front's, on its own normalization (that front's ideal and nadir map to 0 and 1, reference point 1.1 in every objective; run.json normalization), so it does not depend on what it is compared with. For the comparison, all fronts are put in the minimized sense and normalized together: the ideal and nadir points of the union of the runs' fronts map to 0 and 1, the common-normalization hypervolume's reference point is 1.1 in every objective (exact, or for a front of more than ${COMPARE_EXACT_HV_POINTS} designs in 4+ objectives a seeded Monte Carlo estimate printed "estimated value ± standard error", the rule the explorer uses too), and IGD+ is measured against the non-dominated union of all fronts (0 = the run found all of it). "Not dominated by others": share of the run's front that no design of another run dominates by more than the tolerance ε: a design counts as dominated only when another is no worse in every objective and better by at least ε (normalized units, a fraction of each objective's range over the union; default 0.001, option --epsilon) in one, so fronts equal to within noise both read ~100 %; the plain Pareto share (ε = 0) is the last column. Regions: each objective's normalized range is cut in quarters; each row gives which run supplies the non-dominated union there.`;

/** compare.html and compare.md: the indicators, the sides, the fronts, who dominates where, the runs compared. */
function compareDocument(r: CompareResult, svg: string, differencePlot: Plot | null): ReportDocument {
  const s = summaryTable(r);
  const g = regionTable(r);
  const norm = r.normalization;
  return {
    title: 'Run comparison',
    leads: [METHOD],
    blocks: [
      section('summary', 'Indicators on a common normalization', [
        table(s.headers, s.rows),
        note(
          `Non-dominated union: ${r.unionSize} designs. Normalization: ideal ${norm.ideal.map((v) => fmt(v)).join(', ')}; nadir ${norm.nadir.map((v) => fmt(v)).join(', ')} (minimized sense: maximized objectives negated).`,
        ),
      ]),
      ...(r.groups
        ? [
            section('sides', 'Side A against side B', [
              note(GROUP_METHOD),
              table(groupTable(r.groups).headers, groupTable(r.groups).rows),
            ]),
          ]
        : []),
      ...(r.attainmentDifference && differencePlot
        ? [attainmentDifferenceSection(r.attainmentDifference, r.objectives, differencePlot)]
        : []),
      section('fronts', 'Fronts', [
        figure({
          id: 'fronts',
          file: 'fronts.svg',
          svg,
          title: 'Pareto fronts of the runs',
          caption: "Pareto fronts of the runs in their objectives' own sense and units.",
        }),
      ]),
      section('regions', 'Who dominates where', [table(g.headers, g.rows)]),
      section('runs', 'Runs', [list(r.rows.map((x) => [`${x.label}: `, { code: x.dir }]))]),
    ],
    footer: `Generated by odc ${ODC_VERSION} (odc compare) from the runs' pareto.json and run.json.`,
  };
}

/** Columns padded to their widest cell: text columns (`left`) on the left, numbers on the right. */
function textTable(table: readonly (readonly string[])[], left: readonly number[] = [0]): string[] {
  const w = table[0]!.map((_, j) => maxOf(table.map((row) => [...row[j]!].length)));
  return table.map((row) =>
    row
      .map((c, j) => (left.includes(j) ? c.padEnd(w[j]!) : c.padStart(w[j]!)))
      .join('  ')
      .trimEnd(),
  );
}

/** Plain-text summary table for the terminal. */
export function formatCompare(r: CompareResult): string {
  const s = summaryTable(r);
  const cols = [0, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  const lines = textTable([cols.map((c) => s.headers[c]!), ...s.rows.map((row) => cols.map((c) => row[c]!))]);
  const groups =
    r.groups === null
      ? []
      : [
          '',
          'side A against side B (two-sided Mann–Whitney U):',
          ...textTable(
            [
              ['indicator', 'A mean ± sd', 'B mean ± sd', 'p', 'verdict'],
              ...groupTable(r.groups).rows.map((row) => [row[0]!, row[2]!, row[4]!, row[7]!, row[9]!]),
            ],
            [0, 4],
          ),
        ];
  if (r.attainmentDifference !== null)
    pushAll(groups, ['', ...attainmentDifferenceLines(r.attainmentDifference, r.objectives.length)]);
  return (
    `${[...lines, ...groups].join('\n')}\nrun's hypervolume: on each run's own normalization, as odc run gives it; ` +
    `non-dominated union: ${r.unionSize} designs (common normalization, reference 1.1); ` +
    `dominance tolerance ε = ${r.epsilon} ` +
    `of each normalized range\nwritten: ${r.htmlPath}, ${r.mdPath}\n`
  );
}
