/**
 * The third table of `npm run bench` (test/bench/optimizer.ts), whole processes side by side, and the table helpers
 * the bench shares: the seeds, the NSGA-II operator settings passed to pagmo, medians and padded tables.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/run/versions.js';
import { pagmoNsga2ProcessCpu, type PagmoDriver, type PagmoNsga2Options } from './pagmo.js';
import { mdTable } from './markedSection.js';

export const SEEDS = [1, 2, 3, 4, 5];
/** odc's NSGA-II operator settings (solvers/nsga2/nsga2.ts, pymoo's defaults), passed to pagmo::nsga2. */
export const PAGMO_OPERATORS = { crossoverProbability: 0.9, crossoverEta: 15, mutationEta: 20 } as const;

export function median(v: readonly number[]): number {
  const s = [...v].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

export function printTable(header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: readonly string[]): string => `| ${r.map((v, i) => pad(v, widths[i]!)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
}

/**
 * Goals: a whole `odc run` process at most this many times the CPU of a whole pagmo process doing the same
 * number of evaluations (ZDT1, report included; 5-objective DTLZ2).
 */
interface EndToEndStudy {
  readonly label: string;
  /** Its name in docs/performance.md's table. */
  readonly docLabel: string;
  readonly text: () => string;
  /** The same problem, population and evaluations for pagmo::nsga2 (pagmo has no NSGA-III). */
  readonly pagmo: Omit<PagmoNsga2Options, 'seeds'>;
  readonly goal?: number;
}
const pagmoOperators = (
  variables: number,
): Pick<PagmoNsga2Options, 'crossoverProbability' | 'crossoverEta' | 'mutationEta' | 'mutationProbability'> => ({
  ...PAGMO_OPERATORS,
  mutationProbability: 1 / variables,
});
const END_TO_END_STUDIES: readonly EndToEndStudy[] = [
  {
    label: 'ZDT1 NSGA-II 100 x 200 (20,000 evaluations)',
    docLabel: 'ZDT1, NSGA-II 100 × 200',
    text: () => readFileSync(join(PROJECT_ROOT, 'designs/benchmarks/zdt1.yaml'), 'utf8'),
    pagmo: { problem: 'zdt1', population: 100, generations: 199, variables: 30, ...pagmoOperators(30) },
    goal: 3,
  },
  {
    label: 'DTLZ2 3-obj NSGA-III 92 x 200 (18,400 evaluations; pagmo NSGA-II)',
    docLabel: 'DTLZ2 3 objectives, NSGA-III 92 × 200',
    text: () => readFileSync(join(PROJECT_ROOT, 'designs/benchmarks/dtlz2.yaml'), 'utf8'),
    pagmo: { problem: 'dtlz2', population: 92, generations: 199, variables: 12, objectives: 3, ...pagmoOperators(12) },
  },
  {
    label: 'DTLZ2 5-obj NSGA-III 212 x 95 (20,140 evaluations; pagmo NSGA-II)',
    docLabel: 'DTLZ2 5 objectives, NSGA-III 212 × 95',
    // Das–Dennis 6 partitions for 5 objectives: 210 directions, population 212; 95 generations
    text: () =>
      'name: dtlz2-5\nkind: benchmark\nproblem: dtlz2\nvariables: 14\nobjectives: 5\nalgorithm: { name: nsga3, population: 212, generations: 95, seed: 1, partitions: 6 }\n',
    pagmo: { problem: 'dtlz2', population: 212, generations: 94, variables: 14, objectives: 5, ...pagmoOperators(14) },
    goal: 5,
  },
];
// Written to stderr when the child exits: its CPU time [µs] over all its threads, from getrusage(2).
const RUSAGE_HOOK = `data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('ODC_BENCH_CPU '+(u.userCPUTime+u.systemCPUTime)+'\\n')})`;
/** A Python that imports pymoo (ODC_BENCH_PYTHON), to run pymoo's ZDT1 side by side as well. */
const PYMOO_PYTHON = process.env['ODC_BENCH_PYTHON'];
/** pymoo's run as in docs/sources.md §13; its CPU [µs] over all its threads (getrusage) on stderr at exit. */
const PYMOO_ZDT1_SCRIPT = [
  'import sys, atexit, resource',
  "atexit.register(lambda: sys.stderr.write('ODC_BENCH_CPU %d\\n' % round(1e6 * (lambda u: u.ru_utime + u.ru_stime)(resource.getrusage(resource.RUSAGE_SELF)))))",
  'from pymoo.algorithms.moo.nsga2 import NSGA2',
  'from pymoo.problems import get_problem',
  'from pymoo.optimize import minimize',
  "minimize(get_problem('zdt1'), NSGA2(pop_size=100), ('n_gen', 200), seed=int(sys.argv[1]), verbose=False)",
  '',
].join('\n');

/** Runs a child process and returns its own CPU time [s], as it reports it on stderr. */
function childCpu_s(command: string, args: readonly string[], what: string): number {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  const used = /ODC_BENCH_CPU (\d+)/.exec(r.stderr ?? '');
  if (r.status !== 0 || used === null)
    throw new Error(`${what} failed (${r.status ?? r.error?.message}): ${(r.stderr ?? '').slice(0, 400)}`);
  return Number(used[1]) / 1e6;
}

const range = (v: readonly number[], digits = 2): string =>
  `${Math.min(...v).toFixed(digits)}-${Math.max(...v).toFixed(digits)}`;

/**
 * The whole `odc run` process (start-up, the run, its log, checkpoints, history, result files and report) against a
 * whole pagmo driver process (start-up, dynamic loading, the run, its output), seed by seed, interleaved: odc, then
 * pagmo, then the next seed, so both see the same state of the machine. CPU = user + system over all threads.
 * Returns docs/performance.md's table: the medians and their ratio.
 */
export function endToEndTable(pagmo: PagmoDriver | null, peerRoot?: string): string {
  const docRows: string[][] = [];
  const dir = mkdtempSync(join(tmpdir(), 'odc-bench-e2e-'));
  const peerRows: string[][] = [];
  const rows: string[][] = [];
  const pymooScript = join(dir, 'pymoo_zdt1.py');
  writeFileSync(pymooScript, PYMOO_ZDT1_SCRIPT);
  try {
    for (const [s, study] of END_TO_END_STUDIES.entries()) {
      const load = loadavg()[0]!.toFixed(2);
      const cpu: number[] = [];
      const wall: number[] = [];
      const pagmoCpu: number[] = [];
      const pymooCpu: number[] = [];
      const peerCpu: number[] = [];
      for (const seed of SEEDS) {
        const file = join(dir, `study-${s}-${seed}.yaml`);
        writeFileSync(file, study.text().replace(/seed: 1\b/, `seed: ${seed}`));
        const odcRun = (root: string, out: string): number =>
          childCpu_s(
            process.execPath,
            ['--import', RUSAGE_HOOK, join(root, 'dist/src/entries/cli/bin.js'), 'run', file, '--out', out, '--quiet'],
            'odc run',
          );
        // the peer build first on odd seeds, second on even ones
        if (peerRoot !== undefined && seed % 2 === 1) peerCpu.push(odcRun(peerRoot, join(dir, `peer-${s}-${seed}`)));
        const t = performance.now();
        cpu.push(odcRun(PROJECT_ROOT, join(dir, `run-${s}-${seed}`)));
        wall.push((performance.now() - t) / 1000);
        if (peerRoot !== undefined && seed % 2 === 0) peerCpu.push(odcRun(peerRoot, join(dir, `peer-${s}-${seed}`)));
        if (pagmo !== null) pagmoCpu.push(pagmoNsga2ProcessCpu(pagmo, { ...study.pagmo, seeds: [seed] }));
        if (s === 0 && PYMOO_PYTHON !== undefined)
          pymooCpu.push(childCpu_s(PYMOO_PYTHON, [pymooScript, String(seed)], 'pymoo (ODC_BENCH_PYTHON)'));
      }
      // study, load and odc's CPU seconds (median, range) open both tables
      const odcCells = [study.label, load, median(cpu).toFixed(2), range(cpu)];
      if (peerRoot !== undefined)
        peerRows.push([
          ...odcCells,
          median(peerCpu).toFixed(2),
          range(peerCpu),
          (median(cpu) / median(peerCpu)).toFixed(3),
          range(
            cpu.map((c, i) => c / peerCpu[i]!),
            3,
          ),
        ]);
      const ratio = pagmoCpu.length > 0 ? median(cpu) / median(pagmoCpu) : NaN;
      docRows.push([
        study.docLabel,
        median(cpu).toFixed(2),
        pagmoCpu.length > 0 ? median(pagmoCpu).toFixed(3) : '—',
        Number.isNaN(ratio) ? '—' : `${ratio.toFixed(1)}×`,
      ]);
      rows.push([
        ...odcCells,
        median(wall).toFixed(2),
        pagmoCpu.length > 0 ? median(pagmoCpu).toFixed(3) : '-',
        pagmoCpu.length > 0 ? range(pagmoCpu, 3) : '-',
        Number.isNaN(ratio) ? '-' : `${ratio.toFixed(1)}x`,
        pagmoCpu.length > 0
          ? range(
              cpu.map((c, i) => c / pagmoCpu[i]!),
              1,
            )
          : '-',
        study.goal === undefined
          ? '-'
          : Number.isNaN(ratio)
            ? `<= ${study.goal}x`
            : `<= ${study.goal}x ${ratio <= study.goal ? 'met' : 'NOT met'}`,
        pymooCpu.length > 0 ? `${median(pymooCpu).toFixed(2)} (${range(pymooCpu)})` : '-',
      ]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `\nWhole processes side by side, seeds ${SEEDS.join(',')}, interleaved seed by seed: \`odc run --quiet\` (report included) against the pagmo ` +
      'driver running pagmo::nsga2 on the same problem, population and evaluations (one seed per process); CPU = user + system of the whole process ' +
      '(getrusage, all threads); odc/pagmo = ratio of the medians, per-seed ratios beside it' +
      (PYMOO_PYTHON !== undefined ? `; pymoo: ${PYMOO_PYTHON} on ZDT1, interleaved too` : ''),
  );
  printTable(
    [
      'study',
      'load (1 min)',
      'odc CPU s',
      'odc range',
      'odc wall s',
      'pagmo CPU s',
      'pagmo range',
      'odc/pagmo',
      'per seed',
      'goal',
      'pymoo CPU s',
    ],
    rows,
  );
  if (peerRoot !== undefined) {
    console.log(`\nThis build against the peer build in ${peerRoot} (odc run --quiet, same seeds, order alternating)`);
    printTable(
      ['study', 'load (1 min)', 'this CPU s', 'this range', 'peer CPU s', 'peer range', 'this/peer', 'per seed'],
      peerRows,
    );
  }
  return mdTable(['study', 'odc CPU s', 'pagmo CPU s', 'odc / pagmo'], docRows, [1, 2, 3]);
}
