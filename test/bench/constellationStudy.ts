/**
 * Benchmark (prints figures, asserts nothing): the flagship constellation study (designs/constellation-study.yaml)
 * end to end, CLI start to report written, with this checkout and with a reference commit built in a temporary
 * folder beside it, interleaved in the same run (reference, this, reference, this, …: `--workers 0`, CPU of one
 * process), then this checkout with 2 workers. Each checkout runs its own study file, node file and catalogs (the
 * reference cannot read keys and catalog rows added since: the study's question, variables and budget are the same).
 * Prints the CPU of each run (user + system of the process tree, GNU time), the ratio of the mean CPUs with the load
 * average, and whether the two checkouts' evaluations.csv and pareto.json are byte-identical (a speed step that
 * changes no number keeps them so). `--docs` writes the figures into docs/performance.md (./markedSection.ts).
 * BENCH_REFERENCE=<commit> (default 14aa968, the tip issue 73 measured) picks the reference;
 * BENCH_REFERENCE_DIR=<folder> uses an already built checkout instead; BENCH_PEER_DIR=<folder> also runs another
 * built checkout (e.g. main's tip) in each round, for this checkout's gain over it; BENCH_ROUNDS=n (default 2) sets the
 * rounds; BENCH_STUDY_GENERATIONS=g runs the first g generations (same seed). Run alone: `npm run build && node
 * dist/test/bench/constellationStudy.js`, or as the last part of `npm run bench:constellation`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { docsRequested, loadLine, writeMarkedSections } from './markedSection.js';

const TIME = '/usr/bin/time';

/** A built checkout of `commit` in a temporary folder (git archive, node_modules linked, npm run build). */
function referenceCheckout(root: string, commit: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'odc-ref-'));
  const archive = spawnSync('sh', ['-c', `git -C "${root}" archive ${commit} | tar -x -C "${dir}"`], {
    encoding: 'utf8',
  });
  if (archive.status !== 0) throw new Error(`bench: cannot extract ${commit}: ${archive.stderr}`);
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  const build = spawnSync('npm', ['run', 'build'], { cwd: dir, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`bench: build of ${commit} failed: ${build.stderr}`);
  return dir;
}

/** A checkout's study file, or its first g generations (node file made absolute so the copy runs anywhere). */
function studySlice(root: string, generations: string | undefined): string {
  const studyPath = join(root, 'designs/constellation-study.yaml');
  if (generations === undefined) return studyPath;
  const path = join(mkdtempSync(join(tmpdir(), 'odc-bench-slice-')), 'constellation-study.yaml');
  writeFileSync(
    path,
    readFileSync(studyPath, 'utf8')
      .replace(/^node: (.*)$/m, (_m, f: string) => `node: ${join(root, 'designs', f)}`)
      .replace(/generations: \d+/, `generations: ${Number(generations)}`),
  );
  return path;
}

interface StudyRun {
  readonly wall_s: number;
  readonly cpu_s: number | null;
  readonly evaluate_s: number;
  readonly evaluations: string;
  readonly failure: string | null;
  /** The run folder (evaluations.csv, pareto.json). */
  readonly out: string;
}

/** One `odc run` of the study with the CLI of checkout `dir`. */
function runStudy(dir: string, study: string, workers: number): StudyRun {
  const out = mkdtempSync(join(tmpdir(), 'odc-bench-cs-'));
  const args = [join(dir, 'dist/src/entries/cli/bin.js'), 'run', study, '--out', join(out, 'run')];
  args.push('--workers', String(workers), '--quiet');
  const t = performance.now();
  const timed = existsSync(TIME);
  const r = timed
    ? spawnSync(TIME, ['-f', 'odc-cpu %U %S', process.execPath, ...args], { encoding: 'utf8' })
    : spawnSync(process.execPath, args, { encoding: 'utf8' });
  const wall_s = (performance.now() - t) / 1000;
  const cpu = /odc-cpu ([\d.]+) ([\d.]+)/.exec(r.stderr);
  const failure = r.status === 0 ? null : r.stderr.replace(/odc-cpu.*/, '').trim();
  // run.json's evaluate_s: the generations' evaluation time, without start-up, result records and report.
  const runJson = join(out, 'run', 'run.json');
  const evaluate_s = existsSync(runJson)
    ? (JSON.parse(readFileSync(runJson, 'utf8')) as { timings: { evaluate_s: number } }).timings.evaluate_s
    : NaN;
  return {
    wall_s,
    cpu_s: cpu ? Number(cpu[1]) + Number(cpu[2]) : null,
    evaluate_s,
    evaluations: /(\d+) evaluations/.exec(r.stdout)?.[1] ?? '?',
    failure,
    out: join(out, 'run'),
  };
}

const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

function line(label: string, r: StudyRun): string {
  const cpu = r.cpu_s === null ? '' : `, CPU ${r.cpu_s.toFixed(1)} s`;
  return (
    `  ${label}: ${r.wall_s.toFixed(1)} s wall${cpu} for ${r.evaluations} evaluations (evaluating ${r.evaluate_s.toFixed(1)} s wall)` +
    `${r.failure === null ? '' : ` FAILED: ${r.failure}`} (load average ${load()})`
  );
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const cpuOf = (runs: readonly StudyRun[]): number[] => runs.flatMap((r) => (r.cpu_s === null ? [] : [r.cpu_s]));

function ratioLine(label: string, other: readonly StudyRun[], cur: readonly StudyRun[]): string {
  const a = cpuOf(other),
    b = cpuOf(cur);
  if (a.length === 0 || b.length === 0) return `  CPU ratio this / ${label}: (no CPU figure)`;
  const ratio = mean(b) / mean(a);
  return (
    `  CPU ratio this / ${label}: ${ratio.toFixed(3)} (${(1 / ratio).toFixed(2)}× less CPU; mean of ${a.length} and ` +
    `${b.length} runs: ${mean(a).toFixed(1)} against ${mean(b).toFixed(1)} s); evaluating wall ratio ` +
    `${(mean(cur.map((r) => r.evaluate_s)) / mean(other.map((r) => r.evaluate_s))).toFixed(3)}`
  );
}

/**
 * Where two JSON values differ: each path with its array indices written `[]`, how many values differ there and the
 * first pair (a key present on one side only differs as a value against `undefined`).
 */
function jsonDifferences(a: unknown, b: unknown): Map<string, { count: number; first: string }> {
  const out = new Map<string, { count: number; first: string }>();
  const walk = (x: unknown, y: unknown, path: string): void => {
    if (typeof x === 'object' && x !== null && typeof y === 'object' && y !== null) {
      if (Array.isArray(x) !== Array.isArray(y)) return walk(JSON.stringify(x), JSON.stringify(y), path);
      if (Array.isArray(x) && Array.isArray(y)) {
        if (x.length !== y.length) return walk(`${x.length} items`, `${y.length} items`, path);
        return x.forEach((v, i) => walk(v, y[i], `${path}[]`));
      }
      const xo = x as Record<string, unknown>,
        yo = y as Record<string, unknown>;
      for (const k of new Set([...Object.keys(xo), ...Object.keys(yo)])) walk(xo[k], yo[k], `${path}.${k}`);
      return;
    }
    if (Object.is(x, y)) return;
    const seen = out.get(path);
    if (seen !== undefined) seen.count++;
    else out.set(path, { count: 1, first: `${JSON.stringify(x)} → ${JSON.stringify(y)}` });
  };
  walk(a, b, '');
  return out;
}

/**
 * Whether two runs wrote the same evaluations.csv and pareto.json, byte for byte; where pareto.json differs but holds
 * the same designs, the fields that differ (a stated label, say, rather than a number).
 */
function sameOutputs(a: StudyRun, b: StudyRun, whose = 'reference'): string {
  // the log in whichever format the runs wrote (a build of before the Parquet default writes evaluations.csv)
  const files = [
    existsSync(join(a.out, 'evaluations.parquet')) ? 'evaluations.parquet' : 'evaluations.csv',
    'pareto.json',
  ];
  const read = (r: StudyRun, f: string): Buffer | null =>
    existsSync(join(r.out, f)) ? readFileSync(join(r.out, f)) : null;
  const differ = files.filter((f) => {
    const x = read(a, f),
      y = read(b, f);
    return x === null || y === null || !x.equals(y);
  });
  if (differ.length === 0) return `  outputs: ${files.join(' and ')} byte-identical to the ${whose}'s`;
  const [pa, pb] = [read(a, 'pareto.json'), read(b, 'pareto.json')];
  if (differ.length === 1 && differ[0] === 'pareto.json' && pa !== null && pb !== null) {
    const fields = jsonDifferences(JSON.parse(pa.toString()), JSON.parse(pb.toString()));
    if (fields.size <= 3)
      return (
        `  outputs: ${files[0]} byte-identical to the ${whose}'s; pareto.json differs only at ` +
        [...fields].map(([path, d]) => `${path} (${d.count} values, ${d.first})`).join('; ')
      );
  }
  return `  outputs: ${differ.join(' and ')} differ from the ${whose}'s (another search path, or a changed number)`;
}

/**
 * The study with the reference (and the peer, if any) and this checkout interleaved, then this one with 2 workers;
 * the printed lines, for the documents.
 */
export function benchConstellationStudy(root: string): string[] {
  const commit = process.env['BENCH_REFERENCE'] ?? '14aa968';
  const generations = process.env['BENCH_STUDY_GENERATIONS'];
  const rounds = Math.max(1, Number(process.env['BENCH_ROUNDS'] ?? 2));
  const study = studySlice(root, generations);
  const refDir = process.env['BENCH_REFERENCE_DIR'] ?? referenceCheckout(root, commit);
  const peerDir = process.env['BENCH_PEER_DIR'];
  // the peer named by the commit its folder holds (a git checkout), else by the folder's name
  const peerHead = peerDir === undefined ? null : spawnSync('git', ['-C', peerDir, 'rev-parse', '--short=7', 'HEAD']);
  const peerLabel =
    peerHead !== null && peerHead.status === 0 ? peerHead.stdout.toString().trim() : basename(peerDir ?? '');
  // a built folder is named by the commit it holds when BENCH_REFERENCE says it
  const label = process.env['BENCH_REFERENCE_DIR'] === undefined ? commit : (process.env['BENCH_REFERENCE'] ?? refDir);
  const lines: string[] = [];
  const say = (text: string): void => {
    console.log(text);
    lines.push(text);
  };
  console.log(
    `\nflagship constellation study (designs/constellation-study.yaml${generations !== undefined ? `, first ${generations} generations` : ''}) end to end, ` +
      `CLI start to report written, against the reference ${label} in the same run, ` +
      `${rounds} interleaved rounds:`,
  );
  const ref: StudyRun[] = [],
    peer: StudyRun[] = [],
    cur: StudyRun[] = [];
  for (let k = 0; k < rounds; k++) {
    ref.push(runStudy(refDir, studySlice(refDir, generations), 0));
    say(line(`reference ${label} --workers 0`, ref[k]!));
    if (peerDir !== undefined) {
      peer.push(runStudy(peerDir, studySlice(peerDir, generations), 0));
      say(line(`peer ${peerLabel} --workers 0`, peer[k]!));
    }
    cur.push(runStudy(root, study, 0));
    say(line('this checkout --workers 0', cur[k]!));
  }
  say(ratioLine('reference', ref, cur));
  if (peerDir !== undefined) say(ratioLine('peer', peer, cur));
  say(sameOutputs(ref[0]!, cur[0]!));
  if (peerDir !== undefined) say(sameOutputs(peer[0]!, cur[0]!, 'peer'));
  const two = runStudy(root, study, 2);
  say(line('this checkout --workers 2', two));
  say(`  speed-up of 2 workers over 0: ${(cur[cur.length - 1]!.wall_s / two.wall_s).toFixed(2)}× end to end`);
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const lines = benchConstellationStudy(fileURLToPath(new URL('../../../', import.meta.url)));
  if (docsRequested()) writeStudySection(lines);
}

/** docs/performance.md's region of the study's figures (`--docs`). */
export function writeStudySection(lines: readonly string[]): void {
  const body = ['```', ...lines.map((l) => l.trimStart()), '```', '', loadLine()].join('\n');
  writeMarkedSections('docs/performance.md', [
    { name: 'bench-constellation-study', command: 'npm run bench:constellation', body },
  ]);
}
