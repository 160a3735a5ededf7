/**
 * Benchmark (prints figures, asserts nothing): the cost of one node evaluation on the flagship study, measured side by
 * side in one process so the figures are ratios that survive a shared machine:
 * - the lean path the optimizer runs (objectives and constraints, no record) against the complete-record path (what
 *   reported designs get); this build's lean path alone in a child process (node-eval-peer.ts) whose passes interleave
 *   with this process's, and a peer build's so when `--peer <checkout>` names one (e.g. main's, built): the ratio to
 *   the peer is between those two;
 * - the cost of each model per evaluation: its share of a CPU profile of the lean path (self time by source file) times
 *   the lean path's measured time;
 * - the tabulated worst-phase disposal decay against its full integration, on the designs' own altitudes and B;
 * - the robust study (designs/robust-study.yaml): its nominal design and N samples per design on the lean path against
 *   the same study building the complete record of each (the reference), on designs its NSGA-III visits;
 * - warm-up: cold runs in fresh processes (node-warmup.ts), the first 10,000 evaluations of a run against the next
 *   10,000 and against the same designs evaluated again once warm, under default V8 flags and candidate flags;
 * then the end-to-end time of the flagship study (CLI start to files written) with 0, 1 and 2 worker threads; the
 * main job's CPU (`npm run study`, getrusage, all threads; each build runs its own study file) against the peer's in
 * interleaved pairs, its files and printed recommendation compared.
 * Timings are CPU time of the process that runs them (user + system), the median of many interleaved passes, with the
 * load average printed before and after: a busy machine slows every variant in a pass alike.
 * Run with `npm run bench:node` (builds when stale); `-- --peer ../main` to add a built peer (the lean path's ratio
 * to it is printed); `-- --no-e2e` to skip the runs; `-- --only robust,warmup` to run some sections (node, robust,
 * warmup, e2e, main); `-- --docs` writes the node, warm-up and main-job tables into docs/performance.md.
 */
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { Session } from 'node:inspector';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadStudyProblem } from '../../src/run/problem.js';
import { createRng } from '../../src/base/rng.js';
import { safeEvaluate, type Problem } from '../../src/optimize/types.js';
import { createAlgorithm } from '../../solvers/index.js';
import { nodeStudyCompiler } from '../helpers/problemDesigns.js';
import { solarCycleDecay } from '../../src/models/drag/decaySolarCycle.js';
import { docsRequested, loadLine, mdTable, writeMarkedSections, type Region } from './markedSection.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const studyPath = join(root, 'designs/flagship-study.yaml');
const args = process.argv.slice(2);
const peerAt = args.indexOf('--peer');
const onlyAt = args.indexOf('--only');
const sections = new Set(
  onlyAt >= 0
    ? (args[onlyAt + 1] ?? '').split(',')
    : ['node', 'robust', 'warmup', ...(args.includes('--no-e2e') ? [] : ['e2e', 'main'])],
);
const cpuAtStart = process.cpuUsage();
const ROUNDS = 15;
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');
console.log(`load average (1 / 5 / 15 min) at start: ${load()}`);

const { problem: lean } = loadStudyProblem(studyPath);
/** The same study compiled without the lean path: every evaluation builds the complete record and reads it. */
function fullRecordProblem(path = studyPath): Problem {
  return nodeStudyCompiler(path).compile(false).problem;
}
const cpu_us = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};
/** One pass over a design set: µs of CPU per evaluation (`limit`: the first designs only, for warm-up). */
type Pass = (set: string, designs: readonly Float64Array[], limit?: number) => Promise<number>;
const inProcess =
  (problem: Problem): Pass =>
  async (_set, designs, limit) => {
    const xs = designs.slice(0, limit);
    const t0 = cpu_us();
    for (const x of xs) safeEvaluate(problem, x);
    return (cpu_us() - t0) / xs.length;
  };
const variants: { name: string; pass: Pass }[] = [
  { name: 'lean (optimizer path)', pass: inProcess(lean) },
  { name: 'complete record', pass: inProcess(fullRecordProblem()) },
];
/**
 * A build's lean path in a child process (node-eval-peer.ts), sent each design set once, then asked for one pass at a
 * time: its passes interleave with this process's, and it shares no V8 heap or type feedback with another variant.
 * This build runs so too: in this process the lean path shares its functions with the complete record's passes, whose
 * other shapes make V8's feedback polymorphic, and measured ~1.2× its cost alone (either build in either role), so only
 * two builds each alone in its process compare fairly, and only that figure is the optimizer's (a study's process runs
 * the lean path alone until its last generation). These children run with `--no-turbo-escape`, as odc does
 * (src/entries/cli/bin.ts): without escape analysis a short-lived object is a real allocation, and a change that trades
 * stores for allocations can compare the other way round under default flags.
 */
const children: ChildProcess[] = [];
async function ownProcess(name: string, dir: string): Promise<{ name: string; pass: Pass }> {
  const child = fork(fileURLToPath(new URL('./node-eval-peer.js', import.meta.url)), [dir], {
    execArgv: [...process.execArgv.filter((a) => !a.includes('turbo-escape')), '--no-turbo-escape'],
  });
  children.push(child);
  const ask = (m: object) =>
    new Promise<number>((ok) => {
      child.once('message', (r) => ok((r as { us: number }).us));
      child.send(m);
    });
  await new Promise((ok) => child.once('message', ok)); // loaded
  const sent = new Set<string>();
  return {
    name,
    pass: async (set, designs, limit) => {
      if (!sent.has(set)) {
        sent.add(set);
        await ask({ kind: 'designs', set, designs: designs.map((x) => [...x]) });
      }
      return ask({ kind: 'pass', set, limit });
    },
  };
}
const peerDir = peerAt >= 0 ? resolve(args[peerAt + 1] ?? '.') : null;
if (sections.has('node')) {
  variants.push(await ownProcess('lean, own process', root));
  if (peerDir !== null) {
    console.log(`peer build: ${peerDir}`);
    variants.push(await ownProcess('peer build (own process)', peerDir));
  }
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * µs of CPU per evaluation of each variant: ROUNDS passes over `designs`, the variants' order rotating each round; each
 * variant's median (the lean path's first).
 */
async function sideBySide(
  label: string,
  designs: readonly Float64Array[],
  variants_ = variants,
  rounds = ROUNDS,
): Promise<number[]> {
  const variants = variants_;
  for (const v of variants) await v.pass(label, designs, 2000); // warm-up
  const per = variants.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    for (let j = 0; j < variants.length; j++) {
      const k = (r + j) % variants.length;
      per[k]!.push(await variants[k]!.pass(label, designs));
    }
  }
  const base = median(per[0]!);
  console.log(
    `\n${label} (${designs.length} designs × ${rounds} interleaved passes, median µs of CPU per evaluation):`,
  );
  variants.forEach((v, k) => {
    const m = median(per[k]!);
    const ratios = per[k]!.map((t, r) => t / per[0]![r]!);
    console.log(
      `  ${v.name.padEnd(28)} ${m.toFixed(1).padStart(7)} µs  ${k === 0 ? '' : `(${(m / base).toFixed(2)}× the ${variants[0]!.name}; per-pass ratio median ${median(ratios).toFixed(2)})`}`,
    );
  });
  return per.map(median);
}

/**
 * CPU profile of the lean path: each source file's share of the sampled self time (a model file = that model), and that
 * share of `measured_us` (the lean path's unprofiled median): the profiler's own overhead inflates the sampled total,
 * so only the shares are taken from it.
 */
async function perModel(designs: readonly Float64Array[], measured_us: number): Promise<void> {
  const session = new Session();
  session.connect();
  const post = <T>(method: string, params?: object) =>
    new Promise<T>((ok, fail) => session.post(method, params ?? {}, (e, r) => (e ? fail(e) : ok(r as T))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 100 });
  await post('Profiler.start');
  const passes = 5;
  for (let p = 0; p < passes; p++) for (const x of designs) safeEvaluate(lean, x);
  type Node = { id: number; callFrame: { url: string; functionName: string }; children?: number[] };
  const { profile } = await post<{ profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] } }>(
    'Profiler.stop',
  );
  session.disconnect();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  // the inspector's own frames (Profiler.stop gathering the profile, under `post`) are the bench's, not the model's
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inspector = (id: number | undefined): boolean =>
    id !== undefined && (byId.get(id)!.callFrame.url === 'node:inspector' || inspector(parent.get(id)));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const n = byId.get(id)!;
    if (inspector(id)) return;
    const url = n.callFrame.url;
    const m = /\/(src|solvers)\/(.+)\.js$/.exec(url);
    const key = m
      ? m[2]!
      : n.callFrame.functionName === '(garbage collector)'
        ? '(garbage collector)'
        : url.startsWith('node:') || url === ''
          ? '(node / V8 built-ins)'
          : url;
    if (n.callFrame.functionName === '(idle)' || n.callFrame.functionName === '(program)') return;
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  });
  const evals = passes * designs.length;
  console.log(
    `\nper-model cost, lean path: share of the CPU profile's self time by source file, and that share of the measured ${measured_us.toFixed(1)} µs`,
  );
  console.log(`(profiled: ${(total / evals).toFixed(1)} µs per evaluation with the profiler's overhead):`);
  for (const [k, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 24)) {
    console.log(
      `  ${k.padEnd(34)} ${((t / total) * measured_us).toFixed(2).padStart(7)} µs  ${((100 * t) / total).toFixed(1).padStart(5)} %`,
    );
  }
}

/**
 * The worst-phase disposal decay of each design (its altitude and disposal B), tabulated and integrated, side by side.
 */
function decayCost(designs: readonly Float64Array[]): void {
  const compiled = loadStudyProblem(studyPath).compiled!;
  const inputs: { altitude_m: number; B: number }[] = [];
  for (const x of designs.slice(0, 3000)) {
    try {
      const r = compiled.record(x);
      const B = /B = ([0-9.e+-]+) kg\/m²/.exec(r.notes.join(' '));
      if (B) inputs.push({ altitude_m: r.orbit.altitude_km * 1000, B: Number(B[1]) });
    } catch {
      /* a design the models cannot evaluate has no decay */
    }
  }
  const run = (table: boolean) => {
    let tabulated = 0;
    const t0 = cpu_us();
    for (const d of inputs)
      tabulated += solarCycleDecay({ altitude_m: d.altitude_m, ballisticCoefficient_kg_m2: d.B, mode: 'worst', table })
        .tabulated
        ? 1
        : 0;
    return { us: (cpu_us() - t0) / inputs.length, tabulated };
  };
  const [tab, full] = [[] as number[], [] as number[]];
  let covered = 0;
  for (let r = 0; r < 7; r++) {
    const a = run(true);
    covered = a.tabulated;
    tab.push(a.us);
    full.push(run(false).us);
  }
  console.log(
    `\nworst-phase disposal decay on ${inputs.length} of these designs (${covered} inside the table; median of 7 interleaved passes):`,
  );
  console.log(
    `  table ${median(tab).toFixed(2)} µs, full integration ${median(full).toFixed(2)} µs per call (${(median(full) / median(tab)).toFixed(0)}×)`,
  );
}

// Random designs inside the study's bounds (seeded): almost none is feasible, so this mix leans on the models'
// infeasible corners.
function randomDesigns(problem: Problem, n: number): Float64Array[] {
  const rng = createRng(1);
  return Array.from({ length: n }, () =>
    Float64Array.from(problem.variables, (v) =>
      v.kind === 'choice'
        ? rng.int(v.options.length)
        : v.kind === 'int'
          ? v.lower + rng.int(v.upper - v.lower + 1)
          : v.lower + rng.next() * (v.upper - v.lower),
    ),
  );
}
/** The designs `algorithm` evaluates on `problem` in `generations` (seed 1): the mix a run evaluates. */
function visitedDesigns(problem: Problem, algorithm: string, population: number, generations: number): Float64Array[] {
  const optimizer = createAlgorithm(algorithm, problem, { population, seed: 1 });
  const out: Float64Array[] = [];
  for (let g = 0; g < generations; g++) {
    const xs = optimizer.ask();
    out.push(...xs);
    optimizer.tell(xs.map((x) => safeEvaluate(problem, x)));
  }
  return out;
}

/** The tables written into docs/performance.md with --docs. */
const regions: Region[] = [];
/** µs per evaluation as docs/performance.md gives them: one decimal below 100, whole above. */
const us = (x: number): string => `${x < 100 ? x.toFixed(1) : Math.round(x).toLocaleString('en-US')} µs`;

if (sections.has('node')) {
  const random = await sideBySide('random designs in the bounds', randomDesigns(lean, 10000));
  // the designs NSGA-II evaluates on the flagship (population 200, the first 100 generations), converging on the
  // feasible region
  const visited = visitedDesigns(lean, 'nsga2', 200, 100);
  const visitedUs = await sideBySide('the designs NSGA-II evaluates (100 generations of 200)', visited);
  // both builds' lean paths alone in their processes (variants 2 and 3): the fair comparison
  const against = (set: number[]) => (peerDir ? ` (${(set[2]! / set[3]!).toFixed(2)}× the peer's)` : '');
  console.log(
    `\nlean path alone in its process, this build: visited ${visitedUs[2]!.toFixed(1)} µs${against(visitedUs)}, random ${random[2]!.toFixed(1)} µs${against(random)}`,
  );
  const row = (label: string, set: number[]) => [
    label,
    us(set[2]!),
    us(set[0]!),
    us(set[1]!),
    ...(peerDir ? [us(set[3]!)] : []),
  ];
  const table = mdTable(
    [
      'design set',
      'lean path, own process',
      "lean path, in the complete record's process",
      'complete record',
      ...(peerDir ? ["peer's lean path, own process"] : []),
    ],
    [
      row(`the ${visited.length.toLocaleString('en-US')} designs NSGA-II visits on the flagship study`, visitedUs),
      row("10,000 seeded random designs in the study's bounds", random),
    ],
    peerDir ? [1, 2, 3, 4] : [1, 2, 3],
  );
  regions.push({
    name: 'bench-node',
    command: 'npm run bench:node',
    body: `${table}

${loadLine()}`,
  });
  await perModel(visited, visitedUs[0]!);
  decayCost(visited);
  console.log(`\nload average (1 / 5 / 15 min) after the node figures: ${load()}`);
}
for (const child of children) child.disconnect();

if (sections.has('robust')) {
  // the shipped robust study: N + 1 node evaluations per design; the reference builds the complete record of each
  const robustPath = join(root, 'designs/robust-study.yaml');
  const { problem: robustLean } = loadStudyProblem(robustPath);
  const robustFull = fullRecordProblem(robustPath);
  const designs = visitedDesigns(robustLean, 'nsga3', 40, 10);
  await sideBySide(
    'robust study (designs/robust-study.yaml, nominal + 16 samples per design; the designs NSGA-III visits in 10 generations of 40)',
    designs,
    [
      { name: 'robust, lean path', pass: inProcess(robustLean) },
      { name: 'robust, complete records', pass: inProcess(robustFull) },
    ],
    7,
  );
  console.log(`load average after the robust figures: ${load()}`);
}

if (sections.has('warmup')) {
  const table = warmUp();
  regions.push({
    name: 'bench-node-warmup',
    command: 'npm run bench:node',
    body: `${table}

${loadLine()}`,
  });
}

/**
 * Cold runs in fresh processes (node-warmup.ts), each variant of V8 flags in turn, 3 rounds in rotating order: the
 * first 10,000 evaluations of a run against the next 10,000 and against the same designs once warm; the table for
 * docs/performance.md.
 */
function warmUp(): string {
  const child = fileURLToPath(new URL('./node-warmup.js', import.meta.url));
  const flagSets = [[], ['--maglev'], ['--interrupt-budget=16384'], ['--max-semi-space-size=32']];
  type Cold = {
    firstGeneration_us: number;
    first10k_us: number;
    rest_us: number;
    warmFirst10k_us: number;
    warmRest_us: number;
  };
  const runs = flagSets.map(() => [] as Cold[]);
  for (let r = 0; r < 3; r++) {
    for (let j = 0; j < flagSets.length; j++) {
      const k = (r + j) % flagSets.length;
      const out = spawnSync(process.execPath, [...flagSets[k]!, child], { encoding: 'utf8' });
      if (out.status !== 0) throw new Error(`node-warmup failed: ${out.stderr}`);
      runs[k]!.push(JSON.parse(out.stdout.trim().split('\n').pop()!) as Cold);
    }
  }
  const med = (k: number, key: keyof Cold) => median(runs[k]!.map((c) => c[key]));
  console.log(
    '\nwarm-up: cold flagship runs in fresh processes (NSGA-II 200 × 100 generations; median of 3 interleaved runs per ' +
      'variant; µs of CPU per evaluation, compiler threads included):',
  );
  console.log(
    `  ${'V8 flags'.padEnd(28)} ${'1st gen'.padStart(8)} ${'first 10k'.padStart(10)} ${'next 10k'.padStart(9)} ` +
      `${'warm, same designs'.padStart(19)}  first 10k ÷ warm   first 10k vs default`,
  );
  flagSets.forEach((flags, k) => {
    const first = med(k, 'first10k_us');
    console.log(
      `  ${(flags.join(' ') || '(default)').padEnd(28)} ${med(k, 'firstGeneration_us').toFixed(1).padStart(8)} ` +
        `${first.toFixed(1).padStart(10)} ${med(k, 'rest_us').toFixed(1).padStart(9)} ` +
        `${`${med(k, 'warmFirst10k_us').toFixed(1)} / ${med(k, 'warmRest_us').toFixed(1)}`.padStart(19)}  ` +
        `${(first / med(k, 'warmFirst10k_us')).toFixed(1).padStart(15)}×  ${(first / med(0, 'first10k_us')).toFixed(2).padStart(19)}×`,
    );
  });
  console.log(`load average after the warm-up figures: ${load()}`);
  return mdTable(
    ['V8 flags', 'first 200', 'first 10,000', 'next 10,000', 'the first 10,000 again, warm', 'first 10,000 ÷ warm'],
    flagSets.map((flags, k) => [
      flags.length === 0 ? 'default' : flags.map((f) => `\`${f}\``).join(' '),
      us(med(k, 'firstGeneration_us')),
      `${med(k, 'first10k_us').toFixed(1)} µs`,
      `${med(k, 'rest_us').toFixed(1)} µs`,
      `${med(k, 'warmFirst10k_us').toFixed(1)} µs`,
      `${(med(k, 'first10k_us') / med(k, 'warmFirst10k_us')).toFixed(1)}×`,
    ]),
    [1, 2, 3, 4, 5],
  );
}

/** Written to stderr when a child exits: its CPU time [µs] over all its threads, from getrusage(2). */
const CPU_HOOK = `data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('ODC_BENCH_CPU '+(u.userCPUTime+u.systemCPUTime)+'\\n')})`;
const MAIN_PAIRS = 3;

/**
 * `npm run study` of the build in `project` (its own designs/flagship-study.yaml: an older build may not read this
 * one's) into `out`: its CPU [s] (user + system, every thread) and the answer it printed (answerLine).
 */
function mainJobRun(project: string, out: string): { cpu_s: number; answer: string } {
  const bin = join(project, 'dist/src/entries/cli/bin.js');
  const study = join(project, 'designs/flagship-study.yaml');
  const r = spawnSync(process.execPath, ['--import', CPU_HOOK, bin, 'run', study, '--out', out, '--quiet'], {
    encoding: 'utf8',
  });
  const used = /ODC_BENCH_CPU (\d+)/.exec(r.stderr ?? '');
  if (r.status !== 0 || used === null) throw new Error(`odc run (${project}) failed: ${r.stderr}`);
  return { cpu_s: Number(used[1]) / 1e6, answer: answerLine(r.stdout) };
}

/**
 * The recommendation and figures a multi-seed run printed, in one form whatever the build's wording: the knee (design
 * and seed), its choices and sizes, cost per delivered compute, launch mass, the verdict and P(all hold).
 */
function answerLine(stdout: string): string {
  const text = stdout.replace(/\s+/g, ' ');
  const at = (re: RegExp): string => re.exec(text)?.slice(1).join(' ') ?? '?';
  return [
    `design ${at(/Recommended:? (?:the knee, )?design (\d+)/)} of seed ${at(/Recommended[^(]*?(?:\(seed|of seed) (\d+)/)}`,
    at(/(\d+ × [\w-]+, [\d,]+ km [^,]+), array/),
    `array ${at(/array ([\d,]+) m²/)} m², radiator ${at(/radiator ([\d,]+) m²/)} m²`,
    `${at(/\(programme, discounted\) ([\d,.]+) USD\/PFLOP-day/)} USD/PFLOP-day`,
    `${at(/launch mass ([\d,]+) kg/)} kg`,
    `${at(/([\d.]+)× [\w-]+(?:'s)?,? discounted/)}×`,
    `P(all hold) ${at(/P\(all hold\)(?: =)? ([\d.]+ %)/)}`,
  ].join(', ');
}

/** The main job's files that must not depend on the build: each seed's front and log, the seeds' decision, spread. */
function mainJobFiles(out: string): string[] {
  const seeds = readdirSync(out).filter((d) => /^seed-\d+$/.test(d));
  return [
    'seeds.json',
    'attainment.json',
    // the log in whichever format the build wrote (a build of before the Parquet default writes evaluations.csv)
    ...seeds.flatMap((d) => [
      join(d, 'pareto.json'),
      join(d, existsSync(join(out, d, 'evaluations.parquet')) ? 'evaluations.parquet' : 'evaluations.csv'),
      join(d, 'pareto.csv'),
    ]),
  ].sort();
}

/**
 * The main job's CPU, this build against the peer's (when given) in MAIN_PAIRS interleaved pairs (the order swapped
 * each pair), the load average beside each, and whether the two builds wrote the same bytes.
 */
function mainJob(peerProject: string | null): void {
  const builds = [
    { name: 'this build', project: root },
    ...(peerProject ? [{ name: 'peer', project: peerProject }] : []),
  ];
  const dir = mkdtempSync(join(tmpdir(), 'odc-bench-main-'));
  const cpu = builds.map(() => [] as number[]);
  const answers = builds.map(() => '');
  const loads: number[] = [];
  console.log(
    `\nthe main job (npm run study: ${studyPath}), CPU of the whole process, ${MAIN_PAIRS} interleaved pairs:`,
  );
  for (let i = 0; i < MAIN_PAIRS; i++) {
    loads.push(loadavg()[0]!);
    for (let j = 0; j < builds.length; j++) {
      const k = (i + j) % builds.length;
      const out = join(dir, `${k}`);
      rmSync(out, { recursive: true, force: true });
      const run = mainJobRun(builds[k]!.project, out);
      cpu[k]!.push(run.cpu_s);
      answers[k] = run.answer;
    }
    console.log(
      `  pair ${i + 1}: ${builds.map((b, k) => `${b.name} ${cpu[k]![i]!.toFixed(2)} s`).join(', ')} (load ${loads[i]!.toFixed(1)})`,
    );
  }
  // an older peer may not write every file (efd34389 writes no attainment.json): those are listed apart
  const files = builds.length < 2 ? [] : mainJobFiles(join(dir, '0'));
  const onlyHere = files.filter((f) => !existsSync(join(dir, '1', f)));
  const differ = files.filter(
    (f) => !onlyHere.includes(f) && !readFileSync(join(dir, '0', f)).equals(readFileSync(join(dir, '1', f))),
  );
  rmSync(dir, { recursive: true, force: true });
  const rows = builds.map((b, k) => [
    b.name,
    `${median(cpu[k]!).toFixed(2)} s`,
    cpu[k]!.map((x) => x.toFixed(2)).join(', '),
  ]);
  const ratio =
    builds.length < 2
      ? ''
      : `\n\nThis build / peer: ${(median(cpu[0]!) / median(cpu[1]!)).toFixed(2)}× (per-pair ratio median ${median(cpu[0]!.map((t, i) => t / cpu[1]![i]!)).toFixed(2)}); ` +
        (differ.length === 0
          ? "every seed's pareto.json, pareto.csv and evaluations.csv, seeds.json and attainment.json byte-identical"
          : `files that differ: ${differ.join(', ')}`) +
        (onlyHere.length === 0 ? '.' : `; written by this build only: ${onlyHere.join(', ')}.`);
  const said = builds.map((b, k) => `${b.name}: ${answers[k]}`).join('; ');
  const same = builds.length < 2 ? '' : answers[0] === answers[1] ? ' (the same)' : ' (they differ)';
  const body = `${mdTable(['build', 'CPU (median)', 'each pair'], rows)}${ratio}\n\nRecommended${same}: ${said}.\n\nLoad average (1 min) ${loads.map((l) => l.toFixed(1)).join(' / ')} at the pairs' start on ${cpus().length} cores.`;
  console.log(body);
  regions.push({ name: 'bench-main-job', command: 'npm run bench:node -- --peer <folder>', body });
}

if (sections.has('e2e')) {
  const bin = join(root, 'dist/src/entries/cli/bin.js');
  console.log(
    '\nflagship study end to end (population 200 × 250 generations = 50,000 evaluations; CLI start to files written, wall):',
  );
  for (const workers of [0, 1, 2]) {
    const out = mkdtempSync(join(tmpdir(), 'odc-bench-'));
    const t = performance.now();
    const r = spawnSync(
      process.execPath,
      [bin, 'run', studyPath, '--out', join(out, 'run'), '--workers', String(workers), '--quiet'],
      { encoding: 'utf8' },
    );
    const wall_s = (performance.now() - t) / 1000;
    if (r.status !== 0) throw new Error(`odc run failed: ${r.stderr}`);
    console.log(`  workers ${workers}: ${wall_s.toFixed(2)} s`);
    rmSync(out, { recursive: true, force: true });
  }
  console.log(`load average at the end: ${load()}`);
}
if (sections.has('main')) mainJob(peerDir);
if (docsRequested() && regions.length > 0) writeMarkedSections('docs/performance.md', regions);
const cpu = process.cpuUsage(cpuAtStart);
console.log(`\nthis bench process: ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of CPU (children not counted)`);
