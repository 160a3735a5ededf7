/** `odc uncertainty` and `odc sensitivity`: their options, progress display and output. */
import { availableParallelism } from 'node:os';
import type CliProgress from 'cli-progress';
import { type Command, Option } from 'commander';
import type * as Odc from '../../index.js';
import {
  CONSTELLATION_DEFAULTS,
  DEFAULT_SEED,
  DEFAULT_SOBOL_SAMPLES,
  DEFAULT_UNCERTAINTY_SAMPLES,
  SENSITIVITY_METHODS,
} from '../../analysis/defaults.js';
import { type CliIo, MAX_ANALYSIS_SAMPLES, MAX_WORKERS, SAMPLES_WHY, SEED_ARG, intArg, outArg } from './args.js';
import { loadCliProgress } from './progress.js';

/**
 * Progress of odc uncertainty / odc sensitivity: a bar per phase (sampling, tornado, sobol, break-even) on a
 * terminal; one plain line per ~10 % on a pipe; nothing with --quiet.
 */
function analysisProgress(
  mode: 'bar' | 'lines' | 'quiet',
  stream: NodeJS.WriteStream,
): { update(p: Odc.AnalysisProgress): void; stop(): void } {
  if (mode === 'quiet') return { update: () => undefined, stop: () => undefined };
  if (mode === 'lines') {
    let last = '';
    return {
      update(p) {
        const key = `${p.phase}:${Math.floor((10 * p.done) / Math.max(1, p.total))}`;
        if (key === last) return;
        last = key;
        stream.write(`${p.phase}: ${p.done}/${p.total} evaluations\n`);
      },
      stop: () => undefined,
    };
  }
  let bar: CliProgress.SingleBar | undefined;
  let phase = '';
  const stop = (): void => {
    bar?.stop();
    bar = undefined;
  };
  return {
    update(p) {
      if (p.phase !== phase || bar === undefined) {
        stop();
        phase = p.phase;
        const cliProgress = loadCliProgress();
        bar = new cliProgress.SingleBar(
          {
            stream,
            format: `${p.phase.padEnd(10)} |{bar}| {percentage}% | {value}/{total} | ETA {eta_formatted}`,
            hideCursor: false,
            barsize: 24,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(p.total, p.done);
      } else bar.update(p.done);
    },
    stop,
  };
}

/** The --workers option of the analysis commands. */
const workersOption = (): Option =>
  new Option('-w, --workers <n>', `worker threads for evaluation (0 = main thread, at most ${MAX_WORKERS})`)
    .argParser(intArg('--workers', 0, MAX_WORKERS, ` worker threads (this machine has ${availableParallelism()} CPUs)`))
    .default(0);

const progressFor = (io: CliIo, quiet: boolean | undefined) =>
  analysisProgress(quiet ? 'quiet' : io.isTTY ? 'bar' : 'lines', io.errStream);

/** odc uncertainty (forward propagation) and odc sensitivity (tornado, Sobol', break-even). */
export function addUncertaintyCommands(program: Command, io: CliIo): void {
  addUncertaintyCommand(program, io);
  addSensitivityCommand(program, io);
}

/** odc uncertainty: p5/p50/p95, histograms and P(constraint holds) of a design's outputs. */
function addUncertaintyCommand(program: Command, io: CliIo): void {
  program
    .command('uncertainty')
    .description(
      "Propagate the uncertain inputs of a node design or constellation (catalog rows' uncertainty: entries and the file's uncertainty: section): " +
        'p5/p50/p95, mean ± SE and histograms of key outputs and constraint margins, P(each constraint holds), P(LCOC < terrestrial). ' +
        'Writes report.html, report.md, samples.csv, summary.json.',
    )
    .argument('<design>', 'node design, node study or constellation YAML file')
    .option(
      '-n, --samples <n>',
      `number of samples (default ${DEFAULT_UNCERTAINTY_SAMPLES}; ${CONSTELLATION_DEFAULTS.uncertaintySamples} for a constellation)`,
      intArg('--samples', 2, MAX_ANALYSIS_SAMPLES, SAMPLES_WHY),
    )
    .option('--seed <s>', 'seed of the random generator (same seed: same samples)', SEED_ARG, DEFAULT_SEED)
    .addOption(
      new Option('--method <method>', 'lhs (Latin hypercube) or mc (plain Monte Carlo)')
        .choices(['lhs', 'mc'])
        .default('lhs'),
    )
    .option('-o, --out <dir>', 'output folder (default results/<design>/uncertainty-<timestamp>-seed<seed>)', outArg)
    .addOption(workersOption())
    .option('-q, --quiet', 'no progress output, only the summary')
    .action(
      async (
        file: string,
        opts: { samples?: number; seed: number; method: 'lhs' | 'mc'; out?: string; workers: number; quiet?: boolean },
      ) => {
        const odc = await import('./libraryChunk.js');
        const progress = progressFor(io, opts.quiet);
        let run: Odc.UncertaintyRun;
        try {
          run = await odc.runUncertainty({
            designPath: file,
            ...(opts.samples !== undefined ? { samples: opts.samples } : {}),
            seed: opts.seed,
            method: opts.method,
            workers: opts.workers,
            ...(opts.out !== undefined ? { outDir: opts.out } : {}),
            onProgress: (p) => progress.update(p),
          });
        } finally {
          progress.stop();
        }
        io.out(odc.formatUncertainty(run));
      },
    );
}

/** odc sensitivity: tornado, Sobol' indices and break-even thresholds. */
function addSensitivityCommand(program: Command, io: CliIo): void {
  program
    .command('sensitivity')
    .description(
      "Sensitivity of a node design or constellation to its uncertain inputs: tornado (p5/p95 one at a time), Sobol' first and total indices " +
        'with bootstrap intervals, and the inputs at which its LCOC equals the terrestrial LCOC (node: launch price, chip price, lifetime; constellation: ' +
        'launch price, learning rate, chip price). Writes report.html, report.md, summary.json.',
    )
    .argument('<design>', 'node design, node study or constellation YAML file')
    .addOption(
      new Option('--method <method>', 'tornado, sobol, or all (both)').choices([...SENSITIVITY_METHODS]).default('all'),
    )
    .option(
      '-n, --samples <n>',
      `Sobol' base rows N, N(d + 2) evaluations (default ${DEFAULT_SOBOL_SAMPLES}; ${CONSTELLATION_DEFAULTS.sobolSamples} for a constellation)`,
      intArg('--samples', 2, MAX_ANALYSIS_SAMPLES, SAMPLES_WHY),
    )
    .option('--seed <s>', 'seed of the random generator', SEED_ARG, DEFAULT_SEED)
    .option('-o, --out <dir>', 'output folder (default results/<design>/sensitivity-<timestamp>-seed<seed>)', outArg)
    .addOption(workersOption())
    .option('-q, --quiet', 'no progress output, only the summary')
    .action(
      async (
        file: string,
        opts: {
          method: Odc.SensitivityMethod;
          samples?: number;
          seed: number;
          out?: string;
          workers: number;
          quiet?: boolean;
        },
      ) => {
        const odc = await import('./libraryChunk.js');
        const progress = progressFor(io, opts.quiet);
        let run: Odc.SensitivityRun;
        try {
          run = await odc.runSensitivity({
            designPath: file,
            method: opts.method,
            ...(opts.samples !== undefined ? { samples: opts.samples } : {}),
            seed: opts.seed,
            workers: opts.workers,
            ...(opts.out !== undefined ? { outDir: opts.out } : {}),
            onProgress: (p) => progress.update(p),
          });
        } finally {
          progress.stop();
        }
        io.out(odc.formatSensitivity(run));
      },
    );
}
