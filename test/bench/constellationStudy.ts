/**
 * Benchmark (prints figures, asserts nothing): the flagship constellation study (designs/constellation-study.yaml)
 * end to end, CLI start to report written, with this checkout and with a reference commit built in a temporary
 * folder, one after the other in the same run (`--workers 0`: CPU of one process; then this checkout with 2 workers).
 * Each checkout runs its own study file, node file and catalogs (the reference cannot read keys and catalog rows
 * added since: the study's question, variables and budget are the same). Prints the CPU of each (user + system of
 * the process tree, GNU time) and their ratio, with the load average.
 * BENCH_REFERENCE=<commit> (default 7913a14, the commit before the Walker-symmetry tracks) picks the reference;
 * BENCH_REFERENCE_DIR=<folder> uses an already built checkout instead; BENCH_PEER_DIR=<folder> also runs another
 * built checkout (e.g. main's tip) between the two, for this checkout's gain over it; BENCH_STUDY_GENERATIONS=g runs
 * the first g generations (same seed). Run alone: `npm run build && node dist/test/bench/constellationStudy.js`, or
 * as the last part of `npm run bench:constellation`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

function ratioLine(label: string, other: StudyRun, cur: StudyRun): string {
  if (other.cpu_s === null || cur.cpu_s === null) return `  CPU ratio this / ${label}: (no CPU figure)`;
  return (
    `  CPU ratio this / ${label}: ${(cur.cpu_s / other.cpu_s).toFixed(3)} (${(other.cpu_s / cur.cpu_s).toFixed(2)}× less ` +
    `CPU); evaluating wall ratio ${(cur.evaluate_s / other.evaluate_s).toFixed(3)}`
  );
}

/** The study with the reference (and the peer, if any) and this checkout side by side, then this one with 2 workers. */
export function benchConstellationStudy(root: string): void {
  const commit = process.env['BENCH_REFERENCE'] ?? '7913a14';
  const generations = process.env['BENCH_STUDY_GENERATIONS'];
  const study = studySlice(root, generations);
  const refDir = process.env['BENCH_REFERENCE_DIR'] ?? referenceCheckout(root, commit);
  const peerDir = process.env['BENCH_PEER_DIR'];
  console.log(
    `\nflagship constellation study (designs/constellation-study.yaml${generations !== undefined ? `, first ${generations} generations` : ''}) end to end, ` +
      `CLI start to report written, against the reference ${process.env['BENCH_REFERENCE_DIR'] ?? commit} in the same run:`,
  );
  const ref = runStudy(refDir, studySlice(refDir, generations), 0);
  console.log(line('reference --workers 0', ref));
  const peer = peerDir === undefined ? null : runStudy(peerDir, studySlice(peerDir, generations), 0);
  if (peer !== null) console.log(line(`peer ${peerDir} --workers 0`, peer));
  const cur = runStudy(root, study, 0);
  console.log(line('this checkout --workers 0', cur));
  console.log(ratioLine('reference', ref, cur));
  if (peer !== null) console.log(ratioLine('peer', peer, cur));
  const two = runStudy(root, study, 2);
  console.log(line('this checkout --workers 2', two));
  console.log(`  speed-up of 2 workers over 0: ${(cur.wall_s / two.wall_s).toFixed(2)}× end to end`);
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  benchConstellationStudy(fileURLToPath(new URL('../../../', import.meta.url)));
