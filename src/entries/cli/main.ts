/**
 * `odc` command line: a thin layer over the library API in src/index.ts. The only place that parses
 * argv, writes to stdout/stderr and sets the exit code. User errors (StudyError, bad options) print one
 * message and exit 2 without a stack trace.
 *
 * A command imports what it runs when it runs (`await import(...)` in its action) from one of three chunk modules:
 * runChunk.ts (odc run, odc report: the run, its algorithms, the report), evaluateChunk.ts (odc evaluate of a node
 * design) or libraryChunk.ts (the rest of the library). The build bundles each into a file of its own with its own
 * code cache (esbuild.config.mjs, bin.ts): `odc --version` loads none of them, `odc run` only the run's.
 */
import { fstatSync, readdirSync, writeSync } from 'node:fs';
import { availableParallelism, hostname } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { forgetFilesRead } from '../../base/guardedFile.js';
import { keepMadeFolders, removeMadeFolders } from '../../base/outputTarget.js';
import { incompleteBuildMessage, isStudyError, StudyError, WRITE_LIMITS } from '../../base/errors.js';
import type * as Odc from '../../index.js';
import { DEFAULT_COMPARE_EPSILON } from '../../report/compare/compareStats.js';
import { ODC_VERSION } from '../../run/versions.js';
import { compareText, createProgress, createStatus } from './progress.js';
import { addServeCommand } from './serve.js';
import { addDiffCommand, addEvaluateCommand } from './whatIf.js';
import { addUncertaintyCommands } from './analysisCommands.js';
import { addExportCommand } from './exportCommand.js';
import { addScreenCommand } from './screenCommand.js';
import { addAttainmentCommand } from './attainmentCommand.js';
import {
  type CliIo,
  MAX_WORKERS,
  SEED_ARG,
  floatArg,
  intArg,
  outArg,
  queueArg,
  collectSet,
  NO_FEASIBLE_EXIT,
  LOG_HELP,
  logFormatArg,
} from './args.js';

export { type CliIo, MAX_WORKERS } from './args.js';

/** What ownRunDir reads with: the run folder's names and the YAML reader (imported with the run). */
interface RunDirReaders {
  readonly RUN_LOCK: string;
  readonly readLock: (path: string) => { readonly pid: number; readonly hostname: string } | undefined;
  readonly studySlug: (name: string) => string;
  readonly readYaml: (file: string) => { raw: unknown };
}

/**
 * The folder a new run of this process writes (no --out given): the one under results/<study>/ whose run.lock
 * names this process (the driver holds that lock while the run is going); undefined before it exists.
 */
function ownRunDir(
  studyFile: string | undefined,
  { RUN_LOCK, readLock, studySlug, readYaml }: RunDirReaders,
): string | undefined {
  if (studyFile === undefined) return undefined;
  let name: unknown;
  try {
    name = (readYaml(studyFile).raw as Record<string, unknown>)['name'];
  } catch {
    return undefined;
  }
  if (typeof name !== 'string') return undefined;
  const parent = join('results', studySlug(name));
  let entries: string[];
  try {
    entries = readdirSync(parent);
  } catch {
    return undefined;
  }
  for (const entry of entries.sort().reverse()) {
    const lock = readLock(join(parent, entry, RUN_LOCK));
    if (lock?.pid === process.pid && lock.hostname === hostname()) return join(parent, entry);
  }
  return undefined;
}

/**
 * Ctrl-C during odc run: stop the progress display, print "interrupted — resume with odc run --resume <dir>",
 * exit 130 (128 + SIGINT). The run resumes from its last checkpoint (every algorithm.checkpointEvery
 * generations, by default every 10 s). A JS signal listener only runs when the event loop turns: the generation loop
 * turns it once a generation (src/run/generationLoop.ts), so while generations run the listener stays on and a Ctrl-C
 * caught in a long stretch acts at the next turn. The finishing steps are synchronous for seconds: when they start the
 * listener is taken off, and Ctrl-C ends the process at once, as the default action does (no line, exit by SIGINT; the
 * checkpoint is kept). The listener is only ever taken off there: taking it off while a caught signal waits for the
 * loop to turn drops that signal.
 */
function interruptHandler(
  io: CliIo,
  progress: { stop(): void },
  runDir: () => string | undefined,
): { generations(): void; finishing(): void } {
  const onInterrupt = (): void => {
    progress.stop();
    const dir = runDir();
    io.err(
      dir !== undefined
        ? `\ninterrupted — resume with odc run --resume ${dir}\n`
        : '\ninterrupted before the run folder was created; nothing to resume\n',
    );
    (io.exit ?? ((code: number) => process.exit(code)))(130);
  };
  let listening = false;
  const listen = (on: boolean): void => {
    if (on === listening) return;
    listening = on;
    if (on) process.on('SIGINT', onInterrupt);
    else process.removeListener('SIGINT', onInterrupt);
  };
  listen(true);
  return { generations: () => listen(true), finishing: () => listen(false) };
}

export function buildProgram(io: CliIo): Command {
  const program = new Command('odc')
    .description('Size orbital data centers: evaluate node designs and optimize them (Pareto fronts, reports).')
    .version(ODC_VERSION)
    .showHelpAfterError('(run odc --help for usage)')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride();
  addEvaluateCommand(program, io);
  addDiffCommand(program, io);
  addRunCommands(program, io);
  addResultCommands(program, io);
  addServeCommand(program, io);
  addReferenceCommands(program, io);
  addUncertaintyCommands(program, io);
  return program;
}

/** odc run (optimize a study, or resume one) and odc worker (evaluate jobs of distributed runs). */
function addRunCommands(program: Command, io: CliIo): void {
  addRunCommand(program, io);
  addWorkerCommand(program, io);
}

interface RunOptions {
  workers: number;
  set?: string[];
  seeds?: number;
  out?: string;
  resume?: string;
  seed?: number;
  quiet?: boolean;
  redis?: string;
  queue: string;
  fromPreviousCheckpoint?: boolean;
  log?: 'csv' | 'parquet';
}

/** Options of odc run that contradict each other or the arguments: an InvalidArgumentError saying which. */
function checkRunOptions(file: string | undefined, opts: RunOptions, command: Command): void {
  if (opts.redis === undefined && command.getOptionValueSource('queue') === 'cli') {
    throw new InvalidArgumentError(
      `--queue ${opts.queue} names a queue on a Redis server: add --redis redis://host:port, or drop --queue to evaluate on this machine`,
    );
  }
  if (!file && opts.resume === undefined)
    throw new InvalidArgumentError(
      'odc run needs a study file, e.g. odc run designs/flagship-study.yaml, or --resume <run-dir>',
    );
  if (file && opts.resume !== undefined)
    throw new InvalidArgumentError(
      `give either a study file or --resume <run-dir>, not both (got ${file} and --resume ${opts.resume})`,
    );
  if (opts.resume !== undefined && opts.out !== undefined) {
    throw new InvalidArgumentError(
      `--resume ${opts.resume} continues the run in its own folder; --out ${opts.out} cannot move it: drop --out`,
    );
  }
  if (opts.fromPreviousCheckpoint === true && opts.resume === undefined) {
    throw new InvalidArgumentError(
      '--from-previous-checkpoint goes with --resume <run-dir>: it picks the checkpoint a resumed run continues from',
    );
  }
  if (opts.resume !== undefined && opts.seeds !== undefined) {
    throw new InvalidArgumentError(
      `--seeds starts a multi-seed run from a study file; --resume ${opts.resume} continues one run folder. To continue a stopped multi-seed run, run the same odc run <study> --seeds command again`,
    );
  }
  if (opts.resume !== undefined && opts.set !== undefined) {
    throw new InvalidArgumentError(
      `--resume ${opts.resume} continues the run with the study it started with (its study.yaml); drop --set ${opts.set[0]}`,
    );
  }
  if (opts.resume !== undefined && opts.log !== undefined) {
    throw new InvalidArgumentError(
      `--resume ${opts.resume} continues the run's log in the format it started with; drop --log ${opts.log}`,
    );
  }
  if (opts.resume !== undefined && opts.seed !== undefined) {
    throw new InvalidArgumentError(
      `--resume ${opts.resume} continues the run with the seed it started with; drop --seed ${opts.seed}`,
    );
  }
}

type RunChunk = typeof import('./runChunk.js');

/**
 * Runs the study (or resumes the run) with a progress display and Ctrl-C handling, then prints the summary. The study
 * (with its --set edits) is validated before any output folder is looked at, so a typo gets its file:line message.
 */
async function runCommand(io: CliIo, file: string | undefined, opts: RunOptions): Promise<void> {
  const chunk = await import('./runChunk.js');
  const sets = opts.set ?? [];
  const loaded = file !== undefined ? chunk.loadRunStudy(file, sets) : undefined;
  const seeds = loaded !== undefined ? (opts.seeds ?? loaded.algorithm.seeds ?? 1) : 1;
  if (seeds > 1) return runSeedsCommand(io, loaded!, seeds, opts, chunk);
  const summary = await runWithProgress(
    io,
    chunk,
    opts,
    {
      ...(file ? { studyPath: file } : {}),
      ...(sets.length > 0 ? { sets } : {}),
      ...(opts.resume ? { resumeDir: opts.resume } : {}),
      ...(opts.fromPreviousCheckpoint === true ? { fromPreviousCheckpoint: true } : {}),
      ...(opts.out ? { outDir: opts.out } : {}),
      ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
    },
    () => opts.resume ?? opts.out ?? ownRunDir(file, chunk),
  );
  io.out(chunk.formatRunSummary(summary));
  if (summary.status === 'complete') io.out(`  report: ${summary.runDir}/report.html (and report.md)\n`);
  if (summary.status === 'complete' && summary.paretoSize === 0) io.exitCode = NO_FEASIBLE_EXIT;
}

/** One run (or resumed run) of runStudy with the progress display and Ctrl-C handling. */
async function runWithProgress(
  io: CliIo,
  chunk: RunChunk,
  opts: RunOptions,
  what: Pick<
    Odc.RunOptions,
    'studyPath' | 'sets' | 'resumeDir' | 'fromPreviousCheckpoint' | 'outDir' | 'seed' | 'shadowPrices' | 'afterResults'
  >,
  runDir: () => string | undefined,
): Promise<Odc.RunSummary> {
  const progress = createProgress(opts.quiet ? 'quiet' : io.isTTY ? 'bar' : 'lines', io.errStream);
  const interrupts = interruptHandler(io, progress, runDir);
  try {
    return await chunk.runStudy({
      ...what,
      workers: opts.workers,
      ...(opts.log !== undefined && what.resumeDir === undefined ? { logFormat: opts.log } : {}),
      ...(opts.redis !== undefined
        ? { redis: { url: (chunk.checkRedisUrl(opts.redis), opts.redis), queue: opts.queue } }
        : {}),
      onProgress: (p: Odc.ProgressInfo) => {
        interrupts.generations();
        progress.update(p);
      },
      // the finishing steps are synchronous: Ctrl-C acts at once (the default action) while they block the event loop
      onFinishing: (f: Odc.FinishingProgress) => {
        interrupts.finishing();
        progress.finishing(f);
      },
    });
  } finally {
    interrupts.finishing();
    progress.stop();
  }
}

/**
 * odc run --seeds N (or the study's algorithm.seeds): the study once per seed into <out>/seed-<s>/
 * (src/run/multiSeed.ts), then whether they agree. The default folder is named by the seeds and the study's hash
 * (multiSeedDir): the same command run again continues a stopped multi-seed run, an edited study gets a new folder.
 */
async function runSeedsCommand(io: CliIo, loaded: Odc.LoadedStudy, count: number, opts: RunOptions, chunk: RunChunk) {
  const file = loaded.file;
  const sets = opts.set ?? [];
  const seeds = chunk.seedList(opts.seed ?? loaded.algorithm.seed, count);
  const out = opts.out ?? chunk.multiSeedDir(loaded.name, seeds, loaded.studyText);
  // each seed's report is written once the run's answer exists: it points to it
  const reports = chunk.heldSeedReports();
  const runSeed = (seed: number, dir: string, resume: boolean) => {
    if (opts.quiet !== true)
      io.err(`seed ${seed} (${seeds.indexOf(seed) + 1} of ${count})${resume ? ', resumed' : ''}: ${dir}\n`);
    return runWithProgress(
      io,
      chunk,
      opts,
      // the answer is the union's knee: its shadow prices are computed once, there (src/run/multiSeed.ts)
      {
        ...(resume ? { resumeDir: dir } : { studyPath: file, ...(sets.length > 0 ? { sets } : {}), outDir: dir, seed }),
        shadowPrices: false,
        afterResults: reports.afterResults,
      },
      () => dir,
    );
  };
  const result = await chunk.runSeeds(out, seeds, { file, text: loaded.studyText }, runSeed, reports.written);
  if (result.agreement === undefined || result.union === undefined || result.answer === undefined) {
    io.out(`Multi-seed run stopped; run the same command again to continue it (${out})\n`);
    return;
  }
  const { agreement, union, answer } = result;
  await reports.render(out, seeds, answer);
  const html = chunk.writeSeedsReport(out, agreement, union, answer);
  io.out(
    chunk.formatSeedsSummary(
      out,
      { ...result, agreement, union, answer },
      { html, seeds: join(out, chunk.SEEDS_FILE) },
    ),
  );
  if (union.pareto.designs.length === 0) io.exitCode = NO_FEASIBLE_EXIT;
}

/** odc run: optimize a study (or resume one), with progress and Ctrl-C handling. */
function addRunCommand(program: Command, io: CliIo): void {
  program
    .command('run')
    .description(
      'Optimize a study: writes results/<study>/<run-id>/ with pareto.json, pareto.csv, evaluations.parquet (--log csv: evaluations.csv), run.json and reports.',
    )
    .argument('[study]', 'study YAML file (design + variables, objectives, constraints, algorithm)')
    .option(
      '-w, --workers <n>',
      `worker threads for evaluation (0 = main thread, at most ${MAX_WORKERS})`,
      intArg(
        '--workers',
        0,
        MAX_WORKERS,
        ` worker threads (this machine has ${availableParallelism()} CPUs; more threads than CPUs only add memory)`,
      ),
      0,
    )
    .option(
      '-o, --out <dir>',
      'output folder (default results/<study>/<timestamp>-seed<seed>; several seeds: results/<study>/seeds-<first>-<last>-<study hash>)',
      outArg,
    )
    .option(
      '--set <key=value>',
      "change a study key for this run, as odc evaluate --set does (--set algorithm.generations=50 --set orbit.altitude_km=600); the run folder's study.yaml records the edited study",
      collectSet,
    )
    .option('--resume <run-dir>', 'continue an interrupted run from its last checkpoint')
    .option(
      '--from-previous-checkpoint',
      'with --resume: continue from the checkpoint before the last (when the last is damaged; the result is the same)',
    )
    .option(
      '--seed <s>',
      "seed of the random generator, replacing the study's algorithm.seed (written into the run folder's study.yaml)",
      SEED_ARG,
    )
    .option(
      '--seeds <n>',
      "run the study with n consecutive seeds from --seed (or algorithm.seed) into <out>/seed-<s>/, answer with the knee of their union front and say whether their knees agree (<out>/seeds.json, report.html); overrides the study's algorithm.seeds (1 = one run)",
      intArg('--seeds', 1, 1000, ' seeds'),
    )
    .option('--log <format>', LOG_HELP, logFormatArg)
    .option('-q, --quiet', 'no progress output, only the summary')
    .option(
      '--redis <url>',
      'evaluate on odc workers through Redis (redis://[:password@]host:port, rediss:// for TLS) instead of this machine',
    )
    .option(
      '--queue <name>',
      'queue name on that Redis (several runs may share one server with different queues)',
      queueArg,
      'odc',
    )
    .action(async (file: string | undefined, opts: RunOptions, command: Command) => {
      checkRunOptions(file, opts, command);
      await runCommand(io, file, opts);
    });
}

/** odc worker: evaluate jobs of distributed runs from Redis until stopped. */
function addWorkerCommand(program: Command, io: CliIo): void {
  program
    .command('worker')
    .description(
      'Take evaluation jobs of odc runs from Redis (odc run --redis) and evaluate them here, until stopped (Ctrl-C).',
    )
    .requiredOption('--redis <url>', 'redis://[:password@]host:port (rediss:// for TLS)')
    .option('--queue <name>', 'queue name (as given to odc run --queue)', queueArg, 'odc')
    .option(
      '-c, --concurrency <n>',
      `evaluation threads in this process (at most ${MAX_WORKERS})`,
      intArg('--concurrency', 1, MAX_WORKERS, ` evaluation threads (this machine has ${availableParallelism()} CPUs)`),
      1,
    )
    .option(
      '--lock-duration-ms <ms>',
      'a job whose worker stops renewing its lock this long is retried elsewhere',
      intArg('--lock-duration-ms', 1000),
      30000,
    )
    .action(async (opts: { redis: string; queue: string; concurrency: number; lockDurationMs: number }) => {
      const odc = await import('./libraryChunk.js');
      odc.checkRedisUrl(opts.redis);
      let fatal: ((reason: string) => void) | null = null;
      const w = await odc.startWorker({
        url: opts.redis,
        queue: opts.queue,
        concurrency: opts.concurrency,
        lockDuration_ms: opts.lockDurationMs,
        odcVersion: ODC_VERSION,
        log: (l) => io.err(`${l}\n`),
        onFatal: (reason) => fatal?.(reason),
      });
      const reason = await new Promise<string | null>((resolve) => {
        const stop = (): void => {
          io.err(`worker ${w.name}: stopping after the jobs in hand\n`);
          void w.close().then(() => resolve(null));
        };
        fatal = (r) =>
          void w.close().then(
            () => resolve(r),
            () => resolve(r),
          );
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      if (reason !== null) throw new StudyError('BAD_ARGUMENT', reason);
    });
}

/** Commands on finished run folders: odc report, odc compare, odc export. */
function addResultCommands(program: Command, io: CliIo): void {
  addReportCommand(program, io);
  addCompareCommand(program, io);
  addAttainmentCommand(program, io);
  addExportCommand(program, io);
  addScreenCommand(program, io);
}

/** odc report: write report.html and report.md into a run folder. */
function addReportCommand(program: Command, io: CliIo): void {
  program
    .command('report')
    .description('Write report.html (self-contained) and report.md with SVG plots into a run folder.')
    .argument('<run-dir>', "run folder written by odc run (a multi-seed folder: its report and every seed's)")
    .action(async (dir: string) => {
      const r = await (await import('./runChunk.js')).renderFolderReport(dir);
      io.out(`report: ${r.htmlPath}\nmarkdown: ${r.mdPath}\nplots: ${r.svgPaths.join(', ')}\n`);
      for (const n of r.notes) io.out(`note: ${n}\n`);
    });
}

/** odc compare: compare the Pareto fronts of runs. */
function addCompareCommand(program: Command, io: CliIo): void {
  program
    .command('compare')
    .description(
      'Compare the Pareto fronts of runs on a common normalization (hypervolume, IGD+, who dominates where).',
    )
    .argument('<run-dirs...>', 'two or more run folders of studies with the same objectives')
    .option('-o, --out <dir>', 'output folder (default results/compare-<timestamp>)', outArg)
    .option('-q, --quiet', 'no progress output, only the summary')
    .option(
      '--vs <run-dirs...>',
      'runs of a second side (e.g. other seeds): odc compare a1 a2 a3 --vs b1 b2 b3 compares the sides ' +
        '(mean, sd, min/max of each indicator, Mann–Whitney U test)',
    )
    .option(
      '--epsilon <x>',
      `dominance tolerance, a fraction of each objective's normalized range (default ${DEFAULT_COMPARE_EPSILON}; 0: plain Pareto dominance)`,
      floatArg('--epsilon'),
    )
    .option('--json', 'print the comparison as JSON (rows, sides, EAF difference) instead of the tables')
    .action(async (dirs: string[], opts: CompareFlags) => {
      const status = createStatus(opts.quiet ? 'quiet' : io.isTTY ? 'bar' : 'lines', io.errStream);
      const { compareRuns, formatCompare } = await import('./libraryChunk.js');
      let r: Odc.CompareResult;
      try {
        r = await compareRuns(dirs, opts.out, {
          onProgress: (p) => status.show(compareText(p), p.share),
          ...(opts.vs !== undefined ? { vs: opts.vs } : {}),
          ...(opts.epsilon !== undefined ? { epsilon: opts.epsilon } : {}),
        });
      } finally {
        status.stop();
      }
      io.out(opts.json === true ? `${JSON.stringify(r, null, 1)}\n` : formatCompare(r));
    });
}
type CompareFlags = { out?: string; quiet?: boolean; vs?: string[]; epsilon?: number; json?: boolean };

/** Reference listings: odc metrics, odc schema, odc catalog. */
function addReferenceCommands(program: Command, io: CliIo): void {
  program
    .command('metrics')
    .description(
      'List the metrics that objectives and constraints may name (of the node record, or with --kind constellation of the constellation record).',
    )
    .addOption(new Option('--kind <kind>', 'record kind').choices(['node', 'constellation']).default('node'))
    .action(async (opts: { kind: 'node' | 'constellation' }) =>
      io.out((await import('./libraryChunk.js')).formatMetrics(opts.kind)),
    );

  program
    .command('schema')
    .description(
      "Print a JSON Schema: design (design/study files), record (evaluated node), constellation (constellation files), constellation-record, answer (a run folder's answer.json).",
    )
    .argument('<which>', 'design | record | constellation | constellation-record | answer')
    .action(async (which: string) =>
      io.out(`${JSON.stringify((await import('./libraryChunk.js')).jsonSchema(which), null, 2)}\n`),
    );

  program
    .command('catalog')
    .description(
      'List the catalogs, or the rows of one (chips, solar-arrays, batteries, radiators, coolants, coatings, isl-terminals, launch-vehicles, ground-stations; all: every one).',
    )
    .argument('[name]', 'one catalog, or all; without it the list of catalogs')
    .action(async (name: string | undefined) => io.out((await import('./libraryChunk.js')).formatCatalog(name)));
}

/**
 * Standard output redirected to a file is written here, to its end: Node's stdout writes a file once and drops what a
 * short write left (a file-size limit cut `odc catalog all > f` at the limit with exit 0); the write past the limit
 * then fails (EFBIG), a StudyError naming the limit (exit 2). Else (a terminal, a pipe) Node's stream.
 */
function stdoutWriter(): (s: string) => void {
  let isFile = false;
  try {
    isFile = fstatSync(1).isFile();
  } catch {
    // no standard output: the stream reports it
  }
  if (!isFile) return (s) => void process.stdout.write(s);
  return (s) => {
    // a caller that replaced the stream's write (an embedding program, the tests' capture) gets the text as before
    if (Object.hasOwn(process.stdout, 'write')) return void process.stdout.write(s);
    const bytes = Buffer.from(s, 'utf8');
    try {
      for (let off = 0; off < bytes.length;) off += writeSync(1, bytes, off, bytes.length - off);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'error';
      const why = Object.hasOwn(WRITE_LIMITS, code) ? WRITE_LIMITS[code] : (e as Error).message.split(',')[0];
      throw new StudyError(
        'BAD_ARGUMENT',
        `cannot write to standard output: ${why} (${code}); send it to a file on a disk with space`,
      );
    }
  };
}

export async function main(argv: readonly string[]): Promise<number> {
  const io: CliIo = {
    out: stdoutWriter(),
    err: (s: string) => void process.stderr.write(s),
    errStream: process.stderr,
    isTTY: Boolean(process.stderr.isTTY),
  };
  const program = buildProgram(io);
  forgetFilesRead(); // each command its own input set (a test process runs many)
  keepMadeFolders();
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    keepMadeFolders();
    return io.exitCode ?? 0;
  } catch (e) {
    removeMadeFolders(); // a refused or failed command leaves no empty output folder behind
    // An InvalidArgumentError thrown by an action (not by commander's own option parsing, which prints it and
    // throws a plain CommanderError) has not been printed yet; it is a CommanderError too, so test it first.
    if (e instanceof InvalidArgumentError || isStudyError(e)) {
      io.err(`odc: ${e.message}\n`);
      return 2;
    }
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    const incomplete = incompleteBuildMessage(e);
    if (incomplete !== undefined) {
      io.err(`odc: ${incomplete}\n`);
      return 2;
    }
    io.err(`odc: internal error (please report it): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}
