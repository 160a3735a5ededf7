/**
 * Benchmark (prints figures, asserts nothing): the cost of one node evaluation on the flagship study, measured side by
 * side in one process so the figures are ratios that survive a shared machine:
 * - the lean path the optimizer runs (objectives and constraints, no record) against the complete-record path (what
 *   reported designs get), and against a peer build when `--peer <checkout>` names one (e.g. main's, built), run in a
 *   child process (node-eval-peer.ts) whose passes interleave with this process's;
 * - the cost of each model per evaluation: its share of a CPU profile of the lean path (self time by source file) times
 *   the lean path's measured time;
 * - the tabulated worst-phase disposal decay against its full integration, on the designs' own altitudes and B;
 * then the end-to-end time of the flagship study (CLI start to files written) with 0, 1 and 2 worker threads.
 * Timings are CPU time of the process that runs them (user + system), the median of many interleaved passes, with the
 * load average printed before and after: a busy machine slows every variant in a pass alike.
 * Run with `npm run bench:node` (builds first); `-- --peer ../main` to add a peer; `-- --no-e2e` to skip the runs.
 */
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Session } from 'node:inspector';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadStudyProblem } from '../../src/run/problem.js';
import { createRng } from '../../src/base/rng.js';
import { safeEvaluate, type Problem } from '../../src/optimize/types.js';
import { createAlgorithm } from '../../solvers/index.js';
import { nodeEvaluator } from '../../src/node/evaluator.js';
import { compileNodeStudy } from '../../src/study/nodeStudy.js';
import { parseDesignFile } from '../../src/node/design/load.js';
import { solarCycleDecay } from '../../src/models/drag/decaySolarCycle.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const studyPath = join(root, 'designs/flagship-study.yaml');
const args = process.argv.slice(2);
const peerAt = args.indexOf('--peer');
const ROUNDS = 15;
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');
console.log(`load average (1 / 5 / 15 min) at start: ${load()}`);

const { problem: lean } = loadStudyProblem(studyPath);
/** The same study compiled without the lean path: every evaluation builds the complete record and reads it. */
function fullRecordProblem(): Problem {
  const loaded = parseDesignFile(studyPath);
  if (loaded.kind !== 'node-study') throw new Error('the flagship study is a node study');
  const ev = nodeEvaluator(undefined, loaded.design.catalogs);
  return compileNodeStudy(
    loaded.study,
    loaded.design,
    loaded.file,
    ev.catalogs,
    ev.evaluate,
    ev.physicalConstraints,
    ev.relaxableConstraints,
    ev.rows,
  ).problem;
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
 * The peer build runs in a child process (node-eval-peer.ts), sent each design set once, then asked for one pass at a
 * time: its passes interleave with this process's, and neither build shares the other's V8 heap.
 */
let peer: ChildProcess | null = null;
if (peerAt >= 0) {
  const dir = resolve(args[peerAt + 1] ?? '.');
  console.log(`peer build: ${dir}`);
  const child = fork(fileURLToPath(new URL('./node-eval-peer.js', import.meta.url)), [dir]);
  peer = child;
  const ask = (m: object) =>
    new Promise<number>((ok) => {
      child.once('message', (r) => ok((r as { us: number }).us));
      child.send(m);
    });
  await new Promise((ok) => child.once('message', ok)); // loaded
  const sent = new Set<string>();
  variants.push({
    name: `peer build (own process)`,
    pass: async (set, designs, limit) => {
      if (!sent.has(set)) {
        sent.add(set);
        await ask({ kind: 'designs', set, designs: designs.map((x) => [...x]) });
      }
      return ask({ kind: 'pass', set, limit });
    },
  });
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * µs of CPU per evaluation of each variant: ROUNDS passes over `designs`, the variants' order rotating each round; the
 * lean median.
 */
async function sideBySide(label: string, designs: readonly Float64Array[]): Promise<number> {
  for (const v of variants) await v.pass(label, designs, 2000); // warm-up
  const per = variants.map(() => [] as number[]);
  for (let r = 0; r < ROUNDS; r++) {
    for (let j = 0; j < variants.length; j++) {
      const k = (r + j) % variants.length;
      per[k]!.push(await variants[k]!.pass(label, designs));
    }
  }
  const base = median(per[0]!);
  console.log(
    `\n${label} (${designs.length} designs × ${ROUNDS} interleaved passes, median µs of CPU per evaluation):`,
  );
  variants.forEach((v, k) => {
    const m = median(per[k]!);
    const ratios = per[k]!.map((t, r) => t / per[0]![r]!);
    console.log(
      `  ${v.name.padEnd(28)} ${m.toFixed(1).padStart(7)} µs  ${k === 0 ? '' : `(${(m / base).toFixed(2)}× the lean path; per-pass ratio median ${median(ratios).toFixed(2)})`}`,
    );
  });
  return base;
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
  type Node = { id: number; callFrame: { url: string; functionName: string } };
  const { profile } = await post<{ profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] } }>(
    'Profiler.stop',
  );
  session.disconnect();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const n = byId.get(id)!;
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
const rng = createRng(1);
const random = Array.from({ length: 10000 }, () =>
  Float64Array.from(lean.variables, (v) =>
    v.kind === 'choice'
      ? rng.int(v.options.length)
      : v.kind === 'int'
        ? v.lower + rng.int(v.upper - v.lower + 1)
        : v.lower + rng.next() * (v.upper - v.lower),
  ),
);
// The designs NSGA-II evaluates on the flagship (population 200, seed 1, the first 100 generations): the mix a run
// evaluates, converging on the feasible region.
const optimizer = createAlgorithm('nsga2', lean, { population: 200, seed: 1 });
const visited: Float64Array[] = [];
for (let g = 0; g < 100; g++) {
  const xs = optimizer.ask();
  visited.push(...xs);
  optimizer.tell(xs.map((x) => safeEvaluate(lean, x)));
}
await sideBySide('random designs in the bounds', random);
const visited_us = await sideBySide('the designs NSGA-II evaluates (100 generations of 200)', visited);
await perModel(visited, visited_us);
decayCost(visited);
console.log(`\nload average (1 / 5 / 15 min) after the node figures: ${load()}`);
peer?.disconnect();

if (!args.includes('--no-e2e')) {
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
