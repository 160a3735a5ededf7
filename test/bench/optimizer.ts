/**
 * Optimizer benchmark (a script, not a vitest test): `npm run bench` compiles it to
 * dist/test/bench/optimizer.js and runs it. odc and pagmo 2 (Debian's libpagmo-dev; a small C++
 * driver, test/bench/pagmo/nsga2_driver.cpp, built and run by ./pagmo.ts) run side by side in this one
 * process run on the same problems, budgets (20,000 evaluations: population 100, the initial
 * population + 199 generations) and seeds 1..5, with the same operator settings as far as pagmo
 * exposes them (SBX probability 0.9, η 15; polynomial mutation η 20, per-variable probability 1/n).
 * CPU time is process CPU (user + system) around the algorithm only, the same scope on both sides:
 * odc's process.cpuUsage() around createAlgorithm + ask/tell (the initial population included),
 * pagmo's getrusage around problem + population + evolve. Final HV and IGD+ of both are computed here,
 * by odc's indicators, from the non-dominated front of the final population against the same reference
 * point and analytic front (ZDT: 1000 points; DTLZ2: 861 = Das–Dennis 40 partitions). Each side has one
 * unrecorded warm-up run (seed 0) before the seeds. pagmo has no NSGA-III: those rows show odc only.
 * The pymoo columns are the published figures of docs/sources.md §13 (wall time, another process and
 * scope: context only). A second table times exact hypervolume, odc against pagmo::hypervolume (WFG),
 * on 4-D, 5-D and 6-D mutually non-dominated points; the values must agree to 1e-12 relative.
 * If pagmo cannot be installed or compiled, the bench says why and prints the odc columns only.
 * A third table (./optimizerProcesses.ts) runs whole processes side by side: the `odc run` command (a child process:
 * start-up, the run, its log, checkpoints, history, result files and report) on ZDT1 and on 3- and 5-objective DTLZ2,
 * seeds 1..5, against
 * a whole pagmo driver process running pagmo::nsga2 with the same problem, population and number of evaluations, one
 * seed per process, interleaved seed by seed; CPU from getrusage in each process (all threads), the machine's load
 * average beside each row. ODC_BENCH_PYTHON naming a Python that imports pymoo adds pymoo's ZDT1 run, interleaved
 * too. `npm run bench -- --e2e` prints that table alone; `--e2e --peer <folder>` adds another build's `odc run` (the
 * project folder of another checkout, built: its dist/src/entries/cli/bin.js), run beside this one seed by seed, order
 * alternating, with the ratio of the two (a change measured against the build before it under the same load).
 * `--docs` writes the three tables into docs/performance.md (./markedSection.ts), and only when pagmo ran.
 */
import { performance } from 'node:perf_hooks';
import { cpus, loadavg } from 'node:os';
import { safeEvaluate, type Problem } from '../../src/optimize/types.js';
import { createBenchmarkProblem, paretoFront } from '../../src/optimize/benchmarks/benchmarks.js';
import { hypervolume } from '../../src/optimize/indicators/hypervolume.js';
import { igdPlus } from '../../src/optimize/indicators/igd.js';
import { nonDominatedIndices } from '../../src/optimize/pareto/dominance.js';
import { createRng } from '../../src/base/rng.js';
import { createAlgorithm } from '../../solvers/index.js';
import type { Individual } from '../../solvers/types.js';
import { preparePagmo, runPagmoHypervolume, runPagmoNsga2, type PagmoDriver, type PagmoSetup } from './pagmo.js';
import { odcHypervolumeInWorker } from './pagmo/hvWorker.js';
import { endToEndTable, median, PAGMO_OPERATORS, printTable, SEEDS } from './optimizerProcesses.js';
import { docsRequested, loadLine, mdTable, writeMarkedSections, type Region } from './markedSection.js';

interface Case {
  readonly label: string;
  readonly problem: string;
  readonly objectives?: number;
  readonly variables?: number;
  readonly algorithm: 'nsga2' | 'nsga3';
  readonly population: number;
  readonly partitions?: number;
  readonly reference: readonly number[];
  readonly frontPoints: number;
  readonly pymoo?: { readonly hv: number; readonly igdPlus: number; readonly wall_s?: number };
  readonly target?: { readonly hv: number; readonly igdPlus?: number };
}

const GENERATIONS = 200;
const WARM_UP_SEED = 0;
/** Hypervolume timing: dimensions, point counts, and the wall-time cap of one odc computation. */
const HV_DIMENSIONS = [4, 5, 6];
const HV_POINTS = [1000, 5000, 10000];
const HV_CAP_S = 30;
const HV_AGREEMENT = 1e-12;

/** ZDT problems: 30 variables, NSGA-II with 100, the 2-objective reference point and a 1,000-point true front. */
const ZDT = { variables: 30, algorithm: 'nsga2', population: 100, reference: [1.1, 1.1], frontPoints: 1000 } as const;
/** 3-objective DTLZ: the reference point, an 861-point true front; NSGA-III with 92 on 12 partitions. */
const DTLZ3 = { objectives: 3, reference: [1.1, 1.1, 1.1], frontPoints: 861 } as const;
const NSGA3_12 = { algorithm: 'nsga3', population: 92, partitions: 12 } as const;

const CASES: readonly Case[] = [
  {
    label: 'ZDT1 NSGA-II',
    problem: 'zdt1',
    ...ZDT,
    pymoo: { hv: 0.86796, igdPlus: 0.00458, wall_s: 0.92 },
    target: { hv: 0.866, igdPlus: 0.006 },
  },
  { label: 'ZDT2 NSGA-II', problem: 'zdt2', ...ZDT },
  { label: 'ZDT3 NSGA-II', problem: 'zdt3', ...ZDT },
  {
    label: 'DTLZ2 NSGA-II',
    problem: 'dtlz2',
    ...DTLZ3,
    variables: 12,
    algorithm: 'nsga2',
    population: 100,
    pymoo: { hv: 0.70869, igdPlus: 0.0346, wall_s: 0.93 },
    target: { hv: 0.69 },
  },
  {
    label: 'DTLZ2 NSGA-III',
    problem: 'dtlz2',
    ...DTLZ3,
    ...NSGA3_12,
    variables: 12,
    pymoo: { hv: 0.74326, igdPlus: 0.023, wall_s: 1.04 },
    target: { hv: 0.74 },
  },
  { label: 'DTLZ1 NSGA-III', problem: 'dtlz1', ...DTLZ3, ...NSGA3_12 },
];

function nonDominated(points: readonly Float64Array[], m: number): Float64Array[] {
  const F = new Float64Array(points.length * m);
  points.forEach((p, i) => F.set(p, i * m));
  return Array.from(nonDominatedIndices(F, points.length, m), (i) => points[i]!);
}

function feasibleFront(pop: readonly Individual[], m: number): Float64Array[] {
  return nonDominated(
    pop.filter((p) => p.cv <= 0).map((p) => p.f),
    m,
  );
}

interface RunResult {
  readonly hv: number;
  readonly igdPlus: number;
  /** Process CPU time (user + system, all threads) of the algorithm. */
  readonly cpu_s: number;
  readonly wall_s: number;
  readonly evaluations: number;
}

function runOdc(c: Case, problem: Problem, front: readonly Float64Array[], seed: number): RunResult {
  const m = problem.objectives.length;
  const options =
    c.partitions !== undefined
      ? { population: c.population, seed, partitions: c.partitions }
      : { population: c.population, seed };
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const algo = createAlgorithm(c.algorithm, problem, options);
  for (let gen = 0; gen < GENERATIONS; gen++) {
    const X = algo.ask();
    algo.tell(X.map((x) => safeEvaluate(problem, x)));
  }
  const cpu = process.cpuUsage(c0);
  const wall_s = (performance.now() - t0) / 1000;
  const fin = feasibleFront(algo.population(), m);
  return {
    hv: hypervolume(fin, c.reference),
    igdPlus: igdPlus(fin, front),
    cpu_s: (cpu.user + cpu.system) / 1e6,
    wall_s,
    evaluations: algo.progress().evaluations,
  };
}

function runPagmo(driver: PagmoDriver, c: Case, problem: Problem, front: readonly Float64Array[]): RunResult[] {
  const m = problem.objectives.length;
  const n = problem.variables.length;
  const runs = runPagmoNsga2(driver, {
    problem: c.problem,
    population: c.population,
    // + the initial population = the same evaluations as odc's GENERATIONS ask/tell rounds
    generations: GENERATIONS - 1,
    seeds: [WARM_UP_SEED, ...SEEDS],
    variables: n,
    ...(c.objectives !== undefined ? { objectives: c.objectives } : {}),
    ...PAGMO_OPERATORS,
    mutationProbability: 1 / n,
  });
  return runs
    .filter((r) => r.seed !== WARM_UP_SEED)
    .map((r) => {
      const fin = nonDominated(r.f, m);
      return {
        hv: hypervolume(fin, c.reference),
        igdPlus: igdPlus(fin, front),
        cpu_s: r.cpu_s,
        wall_s: r.wall_s,
        evaluations: r.fevals,
      };
    });
}

function loadText(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
}

/** n points on the positive orthant of the unit sphere (mutually non-dominated), seeded. */
function spherePoints(n: number, m: number, seed: number): Float64Array[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => {
    const p = Float64Array.from({ length: m }, () => Math.abs(rng.normal()));
    const r = Math.hypot(...p);
    return p.map((v) => v / r);
  });
}

/** docs/performance.md's CPU seconds of a hypervolume: two significant digits, as read. */
const hvSeconds = (s: number): string => s.toFixed(s < 1 ? 2 : s < 10 ? 1 : 0);

/** The optimizer table: the verdicts against the targets, and the table for docs/performance.md. */
function optimizerTable(pagmo: PagmoDriver | null): { verdicts: string[]; doc: string } {
  const rows: string[][] = [];
  const verdicts: string[] = [];
  const docRows: string[][] = [];
  const nsga3: string[] = [];
  for (const c of CASES) {
    const spec = c.objectives !== undefined ? { problem: c.problem, objectives: c.objectives } : { problem: c.problem };
    const problem = createBenchmarkProblem(c.variables !== undefined ? { ...spec, variables: c.variables } : spec);
    const front = paretoFront(c.problem, problem.objectives.length, c.frontPoints);
    runOdc(c, problem, front, WARM_UP_SEED); // warm-up (JIT), not recorded
    const odc = SEEDS.map((seed) => runOdc(c, problem, front, seed));
    let pg: RunResult[] | null = null;
    let pagmoNote = '-';
    if (pagmo !== null && c.algorithm === 'nsga2') {
      try {
        pg = runPagmo(pagmo, c, problem, front);
      } catch (e) {
        pagmoNote = 'error';
        console.log(`pagmo ${c.label}: ${(e as Error).message}`);
      }
    }
    const med = (rs: readonly RunResult[], k: 'hv' | 'igdPlus' | 'cpu_s'): number => median(rs.map((r) => r[k]));
    const hv = med(odc, 'hv');
    const igp = med(odc, 'igdPlus');
    const cpu = med(odc, 'cpu_s');
    const pgText = (f: (rs: readonly RunResult[]) => string): string => (pg !== null ? f(pg) : pagmoNote);
    if (pg !== null)
      docRows.push([
        c.label,
        cpu.toFixed(3),
        med(pg, 'cpu_s').toFixed(3),
        `${(med(pg, 'cpu_s') / cpu).toFixed(1)}×`,
        `${hv.toFixed(5)} / ${igp.toFixed(5)}`,
        `${med(pg, 'hv').toFixed(5)} / ${med(pg, 'igdPlus').toFixed(5)}`,
      ]);
    if (c.algorithm === 'nsga3')
      nsga3.push(
        `${c.problem.toUpperCase()} under odc's NSGA-III: HV ${hv.toFixed(4)}` +
          (c.pymoo ? ` (pymoo 0.6.2: ${c.pymoo.hv.toFixed(4)})` : ''),
      );
    rows.push([
      c.label,
      `${odc[0]!.evaluations}/${pgText((rs) => String(rs[0]!.evaluations))}`,
      cpu.toFixed(4),
      pgText((rs) => med(rs, 'cpu_s').toFixed(4)),
      pgText((rs) => `${(med(rs, 'cpu_s') / cpu).toFixed(1)}x`),
      hv.toFixed(5),
      pgText((rs) => med(rs, 'hv').toFixed(5)),
      igp.toFixed(5),
      pgText((rs) => med(rs, 'igdPlus').toFixed(5)),
      c.pymoo ? `${c.pymoo.hv.toFixed(5)} / ${c.pymoo.igdPlus.toFixed(5)}` : '-',
      c.pymoo?.wall_s !== undefined ? c.pymoo.wall_s.toFixed(2) : '-',
    ]);
    if (c.target !== undefined) {
      const checks: string[] = [];
      let pass = true;
      const check = (ok: boolean, text: string): void => {
        pass &&= ok;
        checks.push(`${text} ${ok ? 'ok' : 'FAIL'}`);
      };
      check(hv >= c.target.hv, `HV ${hv.toFixed(5)} >= ${c.target.hv}`);
      if (c.target.igdPlus !== undefined)
        check(igp <= c.target.igdPlus, `IGD+ ${igp.toFixed(5)} <= ${c.target.igdPlus}`);
      verdicts.push(`${pass ? 'PASS' : 'FAIL'} ${c.label} (odc): ${checks.join('; ')}`);
    }
  }
  console.log(
    `\nNSGA-II/III: seeds ${SEEDS.join(',')}, population 100 (NSGA-III 92), ${GENERATIONS} generations of odc = initial population + ${GENERATIONS - 1} pagmo generations; medians over the seeds`,
  );
  printTable(
    [
      'case',
      'evals odc/pagmo',
      'odc CPU s',
      'pagmo CPU s',
      'pagmo/odc',
      'odc HV',
      'pagmo HV',
      'odc IGD+',
      'pagmo IGD+',
      'pymoo HV / IGD+ (§13)',
      'pymoo wall s (§13)',
    ],
    rows,
  );
  const table = mdTable(
    ['case', 'odc CPU s', 'pagmo CPU s', 'pagmo / odc', 'odc HV / IGD+', 'pagmo HV / IGD+'],
    docRows,
    [1, 2, 3],
  );
  return {
    verdicts,
    doc: `${table}

${nsga3.join('; ')}. pagmo has no NSGA-III.`,
  };
}

/** The exact hypervolume table; returns docs/performance.md's: CPU s of odc / pagmo per size and dimension. */
async function hypervolumeTable(pagmo: PagmoDriver | null): Promise<string> {
  const rows: string[][] = [];
  const cells = new Map<string, string>();
  for (const m of HV_DIMENSIONS) {
    let odcStopped = false;
    for (const n of HV_POINTS) {
      const points = spherePoints(n, m, 1000 * m + n);
      const reference = new Array<number>(m).fill(1.1);
      let pg: { hv: number; cpu_s: number } | null = null;
      let pgNote = '-';
      if (pagmo !== null) {
        try {
          pg = runPagmoHypervolume(pagmo, points, reference, 300_000);
        } catch (e) {
          pgNote = 'error';
          console.log(`pagmo HV ${m}-D ${n}: ${(e as Error).message}`);
        }
      }
      const odc = odcStopped ? null : await odcHypervolumeInWorker(points, reference, HV_CAP_S * 1000);
      const odcNote = odcStopped ? 'skipped' : `> ${HV_CAP_S} s`;
      if (odc === null) odcStopped = true; // larger sets of this dimension would take longer still
      const rel = odc !== null && pg !== null ? Math.abs(odc.hv - pg.hv) / Math.abs(pg.hv) : NaN;
      cells.set(
        `${m} ${n}`,
        `${odc !== null ? hvSeconds(odc.cpu_s) : odcNote} / ${pg !== null ? hvSeconds(pg.cpu_s) : pgNote}`,
      );
      rows.push([
        `${m}-D`,
        String(n),
        odc !== null ? odc.hv.toPrecision(15) : '-',
        pg !== null ? pg.hv.toPrecision(15) : pgNote,
        Number.isNaN(rel) ? '-' : `${rel.toExponential(1)} ${rel <= HV_AGREEMENT ? 'ok' : 'DISAGREE'}`,
        odc !== null ? odc.cpu_s.toFixed(3) : odcNote,
        pg !== null ? pg.cpu_s.toFixed(3) : pgNote,
        odc !== null && pg !== null ? `${(pg.cpu_s / odc.cpu_s).toFixed(2)}x` : '-',
      ]);
    }
  }
  console.log(
    `\nExact hypervolume: points on the positive unit sphere (all non-dominated), reference 1.1 in every objective; pagmo::hypervolume picks WFG (hvwfg) for m >= 4; odc capped at ${HV_CAP_S} s per set`,
  );
  printTable(
    ['m', 'points', 'odc HV', 'pagmo HV', `rel. diff (<= ${HV_AGREEMENT})`, 'odc CPU s', 'pagmo CPU s', 'pagmo/odc'],
    rows,
  );
  return mdTable(
    ['points', ...HV_DIMENSIONS.map((m) => `${m}-D odc / pagmo`)],
    HV_POINTS.map((n) => [n.toLocaleString('en-US'), ...HV_DIMENSIONS.map((m) => cells.get(`${m} ${n}`)!)]),
    [0],
  );
}

/** With --docs, the tables into docs/performance.md; not without pagmo, whose columns they are measured against. */
function writeDocs(pagmo: PagmoDriver | null, regions: readonly Region[]): void {
  if (!docsRequested()) return;
  if (pagmo === null) console.log('--docs: docs/performance.md not written (pagmo did not run)');
  else writeMarkedSections('docs/performance.md', regions);
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const cpuList = cpus();
  console.log(
    `Machine: ${cpuList[0]?.model.trim() ?? 'unknown CPU'}, ${cpuList.length} cores; load average (1/5/15 min) at start: ${loadText()}`,
  );
  // `npm run bench -- --e2e`: the end-to-end table alone
  if (process.argv.includes('--e2e')) {
    const e2eSetup = preparePagmo((line) => console.log(line));
    if (!e2eSetup.ok) console.log(`pagmo: skipped, ${e2eSetup.reason}`);
    const peerAt = process.argv.indexOf('--peer');
    const e2ePagmo = e2eSetup.ok ? e2eSetup.driver : null;
    const e2e = endToEndTable(e2ePagmo, peerAt > 0 ? process.argv[peerAt + 1] : undefined);
    writeDocs(e2ePagmo, [{ name: 'bench-e2e', command: 'npm run bench -- --e2e', body: `${e2e}\n\n${loadLine()}` }]);
    console.log(
      `\nLoad average (1/5/15 min) at end: ${loadText()} on ${cpuList.length} cores; bench took ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    return;
  }
  const setup: PagmoSetup = preparePagmo((line) => console.log(line));
  const pagmo = setup.ok ? setup.driver : null;
  if (setup.ok) {
    console.log(
      `pagmo ${setup.driver.pagmoVersion} (Debian libpagmo-dev ${setup.driver.packageVersion || 'version unknown'}), driver ${setup.driver.path}`,
    );
  } else {
    console.log(`pagmo: skipped, ${setup.reason}; the pagmo columns stay empty`);
  }
  console.log(
    'CPU s = process CPU time (user + system) around the algorithm only: odc createAlgorithm + ask/tell, pagmo problem + population + nsga2::evolve; pagmo/odc > 1 means odc is faster',
  );
  const { verdicts, doc } = optimizerTable(pagmo);
  for (const v of verdicts) console.log(v);
  const optimizerLoad = loadLine();
  const hv = await hypervolumeTable(pagmo);
  const hvLoad = loadLine();
  const e2e = endToEndTable(pagmo);
  writeDocs(pagmo, [
    { name: 'bench-optimizer', command: 'npm run bench', body: `${doc}\n\n${optimizerLoad}` },
    { name: 'bench-hypervolume', command: 'npm run bench', body: `${hv}\n\n${hvLoad}` },
    { name: 'bench-e2e', command: 'npm run bench -- --e2e', body: `${e2e}\n\n${loadLine()}` },
  ]);
  console.log(
    `\nLoad average (1/5/15 min) at end: ${loadText()} on ${cpuList.length} cores; bench took ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}

await main();
