/**
 * Surrogate benchmark (a script, not a vitest test): `npm run bench:surrogate` compiles it to
 * dist/test/bench/surrogate.js and runs it. SMS-EGO (solvers/smsego) and ParEGO (solvers/parego), batch 4, against
 * NSGA-II and NSGA-III at the same evaluation budget, on ZDT1 (30 variables), DTLZ2 (3 objectives, 12 variables),
 * C2-DTLZ2 (3 objectives, constrained: Jain & Deb, IEEE TEVC 18(4), 2014), the flagship node study
 * (designs/flagship-study.yaml: 9 mixed variables, 3 objectives, constraints) and, with --constellation, the flagship
 * constellation study (designs/constellation-study.yaml). Each algorithm runs in-process through ask/tell with a serial
 * evaluation; NSGA-II/III run at population max(8, budget / 5) (five generations: their default population of 100 would
 * make a budget of 100 one random sample). Hypervolume: of each run's feasible non-dominated set, on a normalization
 * common to all runs of a case and budget — benchmarks: their true front's ideal and nadir
 * (src/optimize/benchmarks/benchmarkFronts.ts); studies: the ideal and nadir of the non-dominated union of every run's
 * front — with
 * the reference point at 1.1 per objective (as run.json does). Reported: the median over seeds per algorithm; where no
 * feasible design was found, HV is 0 and the median least constraint violation Σ max(0, g) reached tells the algorithms
 * apart (0: a feasible design found); each surrogate's time per proposal (the median over runs of its ask() time after
 * the initial design, divided by the designs proposed) beside the case's median time per evaluation. --out=DIR keeps
 * each run's result in DIR and reuses it, so a long set can be run in parts (--algorithms=smsego,nsga2 runs only those;
 * the table uses every kept run of its case, budget and seeds).
 * Default: budgets 100 and 200, seeds 1–3, no constellation (the machine is 2 shared cores). --full: budgets 100, 200
 * and 500, seeds 1–5. --constellation adds the constellation study (seeds and budgets as chosen). --cases=zdt1,node
 * picks cases; --budgets=500 and --seeds=1,2 replace the budgets and seeds. --trust-region=on|off (bare: on) runs
 * SMS-EGO with its adaptive trust region always on or off (options.trustRegion; kept runs as <case>-smsego-tr-... or
 * <case>-smsego-off-..., in the SMS-EGO column); without it, SMS-EGO's default ('auto': on without constraints).
 * --population=N runs NSGA-II/III at population N (kept as <case>-nsga2-pN-...), e.g. the population a study ships
 * with, for comparisons at equal wall time where NSGA gets several times the surrogate's evaluations.
 * --overhead[=N]: instead, SMS-EGO's CPU per proposal at the flagship constellation study's size (its variables,
 * objectives and constraints; N = 100 designs of model data, as warm-start evaluations) with smooth synthetic responses
 * (a GP's cost depends on the data's size, not its values), after the first batch (whose fit has 3 starts), over 6
 * batches of 4; and, in the same process, the CPU of 3 real constellation evaluations of random designs: the ratio is
 * the overhead against an evaluation at the same load. With --trust-region, of SMS-EGO with its trust region (used once
 * a design is feasible; the count of feasible designs is printed). Its figures bound the model's arithmetic, not a
 * run's trade: synthetic constraints all vary (a study's constant ones get no GP), and a random design costs several
 * times a run's typical evaluation (~200 ms against the 30-40 ms medians of the table's runs); the table's ms per
 * proposal and per evaluation, from the same runs, are the trade a user sees.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { safeEvaluate, type Problem } from '../../src/optimize/types.js';
import { createRng } from '../../src/base/rng.js';
import { compileLayout, randomDesign } from '../../solvers/operators/layout.js';
import { createBenchmarkProblem } from '../../src/optimize/benchmarks/benchmarks.js';
import { benchmarkNormalization } from '../../src/optimize/benchmarks/benchmarkFronts.js';
import { normalizedHypervolume } from '../../src/run/history.js';
import { nonDominatedIndices } from '../../src/optimize/pareto/dominance.js';
import { loadStudyProblem } from '../../src/run/problem.js';
import { createAlgorithm } from '../../solvers/index.js';
import { createLpSolver } from '../../solvers/lp/index.js';

interface Case {
  readonly label: string;
  readonly problem: () => Promise<Problem>;
  readonly benchmark?: string;
}

interface RunResult {
  readonly front: Float64Array[];
  readonly proposal_ms: number | null;
  readonly evaluation_ms: number;
  /** 0 when a feasible design was found, else the least constraint violation Σ max(0, g) reached. */
  readonly leastViolation: number;
}

const args = process.argv.slice(2);
const FULL = args.includes('--full');
const listArg = (name: string): number[] | undefined =>
  args
    .find((a) => a.startsWith(`--${name}=`))
    ?.split('=')[1]!
    .split(',')
    .map(Number);
const BUDGETS = listArg('budgets') ?? (FULL ? [100, 200, 500] : [100, 200]);
const SEEDS = listArg('seeds') ?? (FULL ? [1, 2, 3, 4, 5] : [1, 2, 3]);
/** --algorithms=smsego,nsga2 runs only these (the table reads the others from --out when they are there). */
const ALGORITHMS = args
  .find((a) => a.startsWith('--algorithms='))
  ?.slice('--algorithms='.length)
  .split(',');
/** --out=DIR keeps each run's result as DIR/<case>-<algorithm>-<budget>-<seed>.json and reuses it when present. */
const OUT = args.find((a) => a.startsWith('--out='))?.slice('--out='.length);
const SURROGATES = new Set(['parego', 'smsego']);
const TRUST_ARG = args.find((a) => a === '--trust-region' || a.startsWith('--trust-region='));
/** SMS-EGO's trust region: 'auto' (its default), or forced on or off by --trust-region[=on|off]. */
const TRUST_REGION: boolean | 'auto' = TRUST_ARG === undefined ? 'auto' : !TRUST_ARG.endsWith('=off');
const SMSEGO_KEY = TRUST_REGION === 'auto' ? 'smsego' : TRUST_REGION ? 'smsego-tr' : 'smsego-off';
/** --population=N: NSGA-II/III at population N (kept as <case>-nsga2-pN-...) instead of max(8, budget / 5). */
const POPULATION = listArg('population')?.[0];
const PICK = args
  .find((a) => a.startsWith('--cases='))
  ?.slice('--cases='.length)
  .split(',');

const CASES: readonly Case[] = [
  { label: 'ZDT1 (n 30)', benchmark: 'zdt1', problem: async () => createBenchmarkProblem({ problem: 'zdt1' }) },
  {
    label: 'DTLZ2 (m 3, n 12)',
    benchmark: 'dtlz2',
    problem: async () => createBenchmarkProblem({ problem: 'dtlz2', objectives: 3 }),
  },
  {
    label: 'C2-DTLZ2 (m 3, constrained)',
    benchmark: 'c2dtlz2',
    problem: async () => createBenchmarkProblem({ problem: 'c2dtlz2', objectives: 3 }),
  },
  { label: 'flagship node study', problem: async () => loadStudyProblem('designs/flagship-study.yaml').problem },
  ...(args.includes('--constellation')
    ? [
        {
          label: 'flagship constellation study',
          problem: async () => loadStudyProblem('designs/constellation-study.yaml', await createLpSolver()).problem,
        },
      ]
    : []),
];

function runOnce(name: string, problem: Problem, budget: number, seed: number): RunResult {
  const population = POPULATION ?? Math.max(8, Math.floor(budget / 5));
  const trust = name === 'smsego' ? { trustRegion: TRUST_REGION } : {};
  const alg = createAlgorithm(name, problem, { population, seed, evaluations: budget, batch: 4, ...trust });
  let askMs = 0;
  let proposed = 0;
  let evalMs = 0;
  let evaluated = 0;
  while (alg.progress().evaluations < budget) {
    const first = alg.progress().generation === 0;
    const t0 = performance.now();
    const xs = alg.ask();
    const t1 = performance.now();
    if (!first) {
      askMs += t1 - t0;
      proposed += xs.length;
    }
    const results = xs.map((x) => safeEvaluate(problem, x));
    evalMs += performance.now() - t1;
    evaluated += xs.length;
    alg.tell(results);
  }
  const front = alg.archive().map((ind) => ind.f);
  const leastViolation = front.length > 0 ? 0 : (alg.leastInfeasible(1)[0]?.cv ?? Infinity);
  return {
    front,
    proposal_ms: SURROGATES.has(name) && proposed > 0 ? askMs / proposed : null,
    evaluation_ms: evalMs / evaluated,
    leastViolation,
  };
}

function slug(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

/** A run's result, from --out when it was kept there, else run now (and kept when --out is set). */
function cachedRun(c: Case, name: string, problem: Problem, budget: number, seed: number): RunResult | null {
  const key =
    name === 'smsego'
      ? SMSEGO_KEY
      : POPULATION !== undefined && !SURROGATES.has(name)
        ? `${name}-p${POPULATION}`
        : name;
  const file = OUT === undefined ? undefined : join(OUT, `${slug(c.label)}-${key}-${budget}-${seed}.json`);
  if (file !== undefined && existsSync(file)) {
    const r = JSON.parse(readFileSync(file, 'utf8')) as Omit<RunResult, 'front'> & { front: number[][] };
    return { ...r, front: r.front.map((f) => Float64Array.from(f)), leastViolation: r.leastViolation ?? Infinity };
  }
  if (ALGORITHMS !== undefined && !ALGORITHMS.includes(name)) return null;
  const r = runOnce(name, problem, budget, seed);
  if (file !== undefined) {
    mkdirSync(OUT!, { recursive: true });
    writeFileSync(file, JSON.stringify({ ...r, front: r.front.map((f) => Array.from(f)) }));
  }
  return r;
}

const median = (v: readonly number[]): number => {
  const s = [...v].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : 0.5 * (s[s.length / 2 - 1]! + s[s.length / 2]!);
};

function commonNormalization(
  c: Case,
  m: number,
  fronts: readonly Float64Array[][],
): { ideal: number[]; nadir: number[]; reference: number[] } {
  const reference = new Array<number>(m).fill(1.1);
  if (c.benchmark !== undefined) {
    // null: the true front spans [0, 1]^m (src/optimize/benchmarks/benchmarkFronts.ts)
    const known = benchmarkNormalization(c.benchmark, m) ?? {
      ideal: new Array<number>(m).fill(0),
      nadir: new Array<number>(m).fill(1),
    };
    return { ...known, reference };
  }
  const all = fronts.flat();
  const P = new Float64Array(all.length * m);
  all.forEach((f, i) => P.set(f, i * m));
  const nd = all.length > 0 ? Array.from(nonDominatedIndices(P, all.length, m), (i) => all[i]!) : [];
  const ideal = new Array<number>(m).fill(Infinity);
  const nadir = new Array<number>(m).fill(-Infinity);
  for (const f of nd)
    for (let j = 0; j < m; j++) [ideal[j], nadir[j]] = [Math.min(ideal[j]!, f[j]!), Math.max(nadir[j]!, f[j]!)];
  return { ideal, nadir, reference };
}

const ALL = ['smsego', 'parego', 'nsga2', 'nsga3'] as const;

/** CPU ms of process.cpuUsage since `from`. */
const cpuMs = (from: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
};

async function overhead(size: number): Promise<void> {
  const problem = loadStudyProblem('designs/constellation-study.yaml', await createLpSolver()).problem;
  const layout = compileLayout(problem.variables);
  const m = problem.objectives.length;
  const k = problem.constraints.length;
  const rng = createRng(42);
  const unit = (x: Float64Array): number[] =>
    Array.from(x, (v, j) => (v - layout.lower[j]!) / Math.max(1e-300, layout.upper[j]! - layout.lower[j]!));
  // smooth responses of every input: quadratic bowls per objective, linear planes per constraint
  const synth = (x: Float64Array): { readonly status: 'ok'; readonly f: Float64Array; readonly g: Float64Array } => {
    const u = unit(x);
    const f = Array.from({ length: m }, (_, j) =>
      u.reduce((s, v, i) => s + Math.sin(1 + i + 2 * j) * (v - 0.3 * j) ** 2, 0),
    );
    const g = Array.from({ length: k }, (_, c) => u.reduce((s, v, i) => s + Math.cos(c + i) * v, 0) - 0.5);
    return { status: 'ok', f: Float64Array.from(f), g: Float64Array.from(g) };
  };
  const prior = Array.from({ length: size }, () => {
    const x = randomDesign(layout, rng);
    const e = synth(x);
    return { x, f: e.f, g: e.g, cv: e.g.reduce((s, v) => s + Math.max(0, v), 0) };
  });
  const batches = 6;
  const alg = createAlgorithm('smsego', problem, {
    population: 8,
    seed: 1,
    evaluations: 13 + 4 * (batches + 1), // a start of ⌊budget / 3⌋ = 13 designs
    batch: 4,
    initial: { designs: [], evaluations: prior },
    trustRegion: TRUST_REGION,
  });
  for (let b = 0; b < 2; b++) alg.tell(alg.ask().map(synth)); // the start, then the first fit
  const c0 = process.cpuUsage();
  let proposed = 0;
  for (let b = 0; b < batches; b++) {
    const xs = alg.ask();
    proposed += xs.length;
    alg.tell(xs.map(synth));
  }
  const proposal = cpuMs(c0) / proposed;
  const e0 = process.cpuUsage();
  for (let i = 0; i < 3; i++) safeEvaluate(problem, randomDesign(layout, rng));
  const evaluation = cpuMs(e0) / 3;
  const feasible = alg.archive().length;
  console.log(
    `SMS-EGO (trust region ${String(TRUST_REGION)}; ${feasible} feasible designs) at the constellation study's size (${layout.n} variables, ${m} objectives, ${k} constraints, ` +
      `${size} + ${alg.progress().evaluations - 4 * batches} designs of data at the first): ${proposal.toFixed(0)} ms CPU per ` +
      `proposal; a constellation evaluation ${evaluation.toFixed(0)} ms CPU; ratio ${(proposal / evaluation).toFixed(2)}`,
  );
}

async function main(): Promise<void> {
  console.log(
    `odc surrogate bench — ${new Date().toISOString().slice(0, 10)}; budgets ${BUDGETS.join('/')}, seeds ${SEEDS.join(',')}`,
  );
  console.log(
    `| case | budget | SMS-EGO (trust region ${String(TRUST_REGION)}) HV | ParEGO HV | NSGA-II HV | NSGA-III HV | ms/proposal S / P | ms/evaluation | ` +
      'least violation S / P / II / III | runs |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---|---:|');
  for (const c of CASES.filter(
    (k) => PICK === undefined || PICK.some((p) => k.label.toLowerCase().includes(p.toLowerCase())),
  )) {
    const problem = await c.problem();
    const m = problem.objectives.length;
    const algorithms = ALL.filter((a) => m >= 3 || a !== 'nsga3');
    for (const budget of BUDGETS) {
      const runs = new Map<string, RunResult[]>();
      for (const name of algorithms) {
        const rs = SEEDS.map((seed) => cachedRun(c, name, problem, budget, seed)).filter((r) => r !== null);
        if (rs.length > 0) runs.set(name, rs);
      }
      const norm = commonNormalization(
        c,
        m,
        [...runs.values()].flatMap((rs) => rs.map((r) => r.front)),
      );
      const hv = (name: string): string =>
        runs.has(name) ? median(runs.get(name)!.map((r) => normalizedHypervolume(r.front, norm))).toFixed(4) : '—';
      const proposal = (name: string): string =>
        runs.has(name) ? median(runs.get(name)!.map((r) => r.proposal_ms ?? NaN)).toFixed(0) : '—';
      const evaluation = median([...runs.values()].flat().map((r) => r.evaluation_ms));
      const cv = (name: string): string =>
        runs.has(name) ? median(runs.get(name)!.map((r) => r.leastViolation)).toPrecision(3) : '—';
      const count = [...runs.values()].map((rs) => rs.length).join('/');
      console.log(
        `| ${c.label} | ${budget} | ${hv('smsego')} | ${hv('parego')} | ${hv('nsga2')} | ${hv('nsga3')} | ` +
          `${proposal('smsego')} / ${proposal('parego')} | ${evaluation.toFixed(2)} | ` +
          `${cv('smsego')} / ${cv('parego')} / ${cv('nsga2')} / ${cv('nsga3')} | ${count} |`,
      );
    }
  }
}

const OVERHEAD = args.find((a) => a.startsWith('--overhead'));
if (OVERHEAD !== undefined) await overhead(Number(OVERHEAD.split('=')[1] ?? 100));
else await main();
