/**
 * pagmo side of `npm run bench` (test/bench/optimizer.ts): makes sure Debian's libpagmo-dev is there
 * (installs it with apt-get when it is missing and we may), compiles test/bench/pagmo/nsga2_driver.cpp
 * with g++ -O2 into a cache folder under os.tmpdir() (again when the source is newer than the binary),
 * and runs it. pagmo: Biscani & Izzo, JOSS 5(53), 2020 (docs/sources.md §13).
 *
 * Nothing here throws for a missing toolchain or package: `preparePagmo` returns the reason instead,
 * so the bench prints it and leaves the pagmo columns empty.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PAGMO_HEADER = '/usr/include/pagmo/pagmo.hpp';
const PAGMO_CONFIG = '/usr/include/pagmo/config.hpp';
const PACKAGE = 'libpagmo-dev';

export interface PagmoDriver {
  /** The compiled driver. */
  readonly path: string;
  /** PAGMO_VERSION from the installed headers, e.g. "2.18.0". */
  readonly pagmoVersion: string;
  /** Debian package version of libpagmo-dev, e.g. "2.18.0-2+b1" ('' when dpkg does not know it). */
  readonly packageVersion: string;
}

export type PagmoSetup =
  { readonly ok: true; readonly driver: PagmoDriver } | { readonly ok: false; readonly reason: string };

/**
 * The repository root: the nearest folder above this module holding package.json (works from dist/ and from the
 * sources).
 */
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'test', 'bench'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('repository root not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

export function driverSource(): string {
  return join(repoRoot(), 'test', 'bench', 'pagmo', 'nsga2_driver.cpp');
}

function tail(text: string, lines = 6): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}

function failure(r: SpawnSyncReturns<string>): string {
  if (r.error) return r.error.message;
  if (r.signal) return `killed by ${r.signal}`;
  return `exit status ${r.status}: ${tail(`${r.stderr ?? ''}\n${r.stdout ?? ''}`)}`;
}

function aptGet(args: readonly string[], log: (line: string) => void): SpawnSyncReturns<string> {
  log(`pagmo: running apt-get ${args.join(' ')}`);
  return spawnSync('apt-get', args, {
    encoding: 'utf8',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    timeout: 15 * 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** Installs libpagmo-dev with apt-get; returns '' on success, else why not. */
function installPagmo(log: (line: string) => void): string {
  if (process.platform !== 'linux') return `${PACKAGE} is a Debian package and this is ${process.platform}`;
  if (spawnSync('apt-get', ['--version'], { encoding: 'utf8' }).error)
    return 'apt-get is not available (not a Debian/Ubuntu system)';
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    return `not running as root, so apt-get cannot install ${PACKAGE} (run: sudo apt-get install -y ${PACKAGE})`;
  }
  log(
    `pagmo: ${PAGMO_HEADER} is missing; installing ${PACKAGE} (pagmo 2 headers and library, with Boost, Eigen and TBB)`,
  );
  let r = aptGet(['install', '-y', '--no-install-recommends', PACKAGE], log);
  if (r.status !== 0) {
    log(`pagmo: apt-get install failed (${failure(r)}); refreshing the package lists and retrying`);
    const u = aptGet(['update'], log);
    if (u.status !== 0) return `apt-get update failed: ${failure(u)}`;
    r = aptGet(['install', '-y', '--no-install-recommends', PACKAGE], log);
    if (r.status !== 0) return `apt-get install -y ${PACKAGE} failed: ${failure(r)}`;
  }
  if (!existsSync(PAGMO_HEADER)) return `apt-get installed ${PACKAGE} but ${PAGMO_HEADER} is still missing`;
  log(`pagmo: installed ${PACKAGE}`);
  return '';
}

function pagmoVersion(): string {
  try {
    return /#define\s+PAGMO_VERSION\s+"([^"]+)"/.exec(readFileSync(PAGMO_CONFIG, 'utf8'))?.[1] ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function packageVersion(): string {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Version}', PACKAGE], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : '';
}

/** The folder the compiled driver is cached in (one binary per pagmo version). */
export function cacheDir(): string {
  return join(tmpdir(), 'odc-bench-pagmo');
}

/**
 * Makes the driver ready: pagmo present (installed if missing), driver compiled and newer than its
 * source. `log` receives one line per action taken (install, compile).
 */
export function preparePagmo(log: (line: string) => void = (l) => console.log(l)): PagmoSetup {
  if (!existsSync(PAGMO_HEADER)) {
    const why = installPagmo(log);
    if (why !== '') return { ok: false, reason: why };
  }
  const version = pagmoVersion();
  const source = driverSource();
  if (!existsSync(source)) return { ok: false, reason: `driver source ${source} is missing` };
  const dir = cacheDir();
  const binary = join(dir, `nsga2_driver-pagmo${version}`);
  const stale = !existsSync(binary) || statSync(binary).mtimeMs < statSync(source).mtimeMs;
  if (stale) {
    if (spawnSync('g++', ['--version'], { encoding: 'utf8' }).error)
      return { ok: false, reason: 'g++ is not available to compile the pagmo driver' };
    mkdirSync(dir, { recursive: true });
    const tmp = `${binary}.${process.pid}.tmp`;
    const args = ['-O2', '-std=c++17', '-DNDEBUG', source, '-o', tmp, '-lpagmo'];
    log(`pagmo: compiling the driver: g++ ${args.join(' ')}`);
    const t0 = performance.now();
    const r = spawnSync('g++', args, { encoding: 'utf8', timeout: 10 * 60_000, maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) {
      rmSync(tmp, { force: true });
      return { ok: false, reason: `compiling ${source} failed: ${failure(r)}` };
    }
    renameSync(tmp, binary); // atomic: a concurrent bench never runs a half-written binary
    log(`pagmo: compiled ${binary} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  return { ok: true, driver: { path: binary, pagmoVersion: version, packageVersion: packageVersion() } };
}

function runDriver(driver: PagmoDriver, args: readonly string[], timeoutMs: number): unknown[] {
  const r = spawnSync(driver.path, args, { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`pagmo driver ${args.slice(0, 2).join(' ')} failed: ${failure(r)}`);
  return r.stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as unknown);
}

export interface PagmoNsga2Options {
  readonly problem: string;
  readonly population: number;
  /** pagmo generations after the initial population (evaluations = population × (generations + 1)). */
  readonly generations: number;
  readonly seeds: readonly number[];
  readonly variables?: number;
  readonly objectives?: number;
  readonly crossoverProbability?: number;
  readonly crossoverEta?: number;
  /** Per-variable mutation probability (driver default 1/n). */
  readonly mutationProbability?: number;
  readonly mutationEta?: number;
  readonly timeoutMs?: number;
}

export interface PagmoNsga2Run {
  readonly seed: number;
  readonly fevals: number;
  /** Process CPU seconds (user + system) for problem setup + initial population + evolve. */
  readonly cpu_s: number;
  /** Process CPU seconds for the evolve alone. */
  readonly cpu_evolve_s: number;
  readonly wall_s: number;
  /** Objective vectors of the final population. */
  readonly f: readonly Float64Array[];
}

interface Nsga2Line {
  seed: number;
  fevals: number;
  cpu_s: number;
  cpu_evolve_s: number;
  wall_s: number;
  f: number[][];
}

function nsga2Args(o: PagmoNsga2Options): string[] {
  const args = ['nsga2', o.problem, String(o.population), String(o.generations), o.seeds.join(',')];
  const opt = (flag: string, v: number | undefined): void => {
    if (v !== undefined) args.push(flag, String(v));
  };
  opt('--variables', o.variables);
  opt('--objectives', o.objectives);
  opt('--cr', o.crossoverProbability);
  opt('--eta-c', o.crossoverEta);
  opt('--m', o.mutationProbability);
  opt('--eta-m', o.mutationEta);
  return args;
}

/** Runs pagmo::nsga2 once per seed (all seeds in one driver process, in the order given). */
export function runPagmoNsga2(driver: PagmoDriver, o: PagmoNsga2Options): PagmoNsga2Run[] {
  return runDriver(driver, nsga2Args(o), o.timeoutMs ?? 120_000).map((line) => {
    const l = line as Nsga2Line;
    return {
      seed: l.seed,
      fevals: l.fevals,
      cpu_s: l.cpu_s,
      cpu_evolve_s: l.cpu_evolve_s,
      wall_s: l.wall_s,
      f: l.f.map((p) => Float64Array.from(p)),
    };
  });
}

/**
 * CPU seconds (user + system, getrusage at the driver's exit) of a whole driver process running pagmo::nsga2 for
 * `o.seeds` (one seed: one run, as one `odc run` process is): the process start, dynamic loading of libpagmo, Boost
 * and TBB, the run and its output, as a user of a small pagmo program would pay.
 */
export function pagmoNsga2ProcessCpu(driver: PagmoDriver, o: PagmoNsga2Options): number {
  const r = spawnSync(driver.path, nsga2Args(o), {
    encoding: 'utf8',
    timeout: o.timeoutMs ?? 120_000,
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, ODC_BENCH_PROCESS_CPU: '1' },
  });
  const used = /ODC_BENCH_CPU (\d+)/.exec(r.stderr ?? '');
  if (r.status !== 0 || used === null) throw new Error(`pagmo driver process failed: ${failure(r)}`);
  return Number(used[1]) / 1e6;
}

export interface PagmoHypervolume {
  readonly hv: number;
  /** Process CPU seconds for pagmo::hypervolume construction + compute (not the file reading). */
  readonly cpu_s: number;
  readonly wall_s: number;
  /** pagmo's name of the algorithm it picked (hv2d, hv3d, WFG). */
  readonly algorithm: string;
}

/** pagmo::hypervolume(points).compute(reference) with pagmo's default exact algorithm for the dimension. */
export function runPagmoHypervolume(
  driver: PagmoDriver,
  points: readonly ArrayLike<number>[],
  reference: ArrayLike<number>,
  timeoutMs = 120_000,
): PagmoHypervolume {
  const dir = mkdtempSync(join(tmpdir(), 'odc-bench-pagmo-hv-'));
  try {
    const file = join(dir, 'points.txt');
    // Number → string is the shortest round-trip form, so strtod reads back the same doubles.
    const lines = [Array.from(reference, String).join(' ')];
    for (const p of points) lines.push(Array.from(p, String).join(' '));
    writeFileSync(file, lines.join('\n') + '\n');
    const out = runDriver(driver, ['hv', file], timeoutMs)[0] as {
      hv: number;
      cpu_s: number;
      wall_s: number;
      algorithm: string;
    };
    return { hv: out.hv, cpu_s: out.cpu_s, wall_s: out.wall_s, algorithm: out.algorithm };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
