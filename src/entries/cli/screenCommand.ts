/**
 * `odc screen`: a design (file or run design) or a file of element sets screened against the satellite catalogue for
 * close approaches (src/analysis/screen/screen.ts); the options parsed here, the library loaded on use.
 */
import { type Command, InvalidArgumentError } from 'commander';
import { type CliIo, floatArg, intArg, MAX_WORKERS, outArg, queueArg } from './args.js';
import { ODC_VERSION } from '../../run/versions.js';
import { createStatus } from './progress.js';

interface ScreenFlags {
  catalogue?: string[];
  start?: string;
  hours: number;
  thresholdKm: number;
  stepS: number;
  json?: boolean;
  out?: string;
  workers: number;
  quiet?: boolean;
  redis?: string;
  queue: string;
  maxEvents?: number;
}

const positive =
  (name: string, max: number) =>
  (v: string): number => {
    const x = floatArg(name)(v);
    if (!(x > 0 && x <= max)) throw new InvalidArgumentError(`${name} must be > 0 and ≤ ${max}, got "${v}"`);
    return x;
  };

export function addScreenCommand(program: Command, io: CliIo): void {
  program
    .command('screen')
    .description(
      "Screen a design's satellites against the public catalogue (default: CelesTrak active + debris snapshot, designs/catalogue/) with SGP4: every close approach below the threshold with its TCA, miss distance and relative speed, totals at 1, 5 and 10 km and per satellite-year. A screen of nominal trajectories, not a risk assessment (element sets carry no covariance).",
    )
    .argument(
      '<target>',
      'node or constellation design file, a run design (RUNFOLDER:knee, RUNFOLDER:best:<objective>, RUNFOLDER:<index>), or a TLE/OMM file of own element sets',
    )
    .option(
      '--catalogue <files...>',
      'element-set files (TLE 2/3-line, OMM JSON/XML/CSV) instead of the shipped snapshot',
    )
    .option('--start <iso>', "start of the screen, ISO 8601 UTC (default: the catalogue's median epoch)")
    .option('--hours <h>', 'span of the screen [h]', positive('--hours', 24 * 366), 168)
    .option('--threshold-km <d>', 'report approaches closer than this [km]', positive('--threshold-km', 1000), 5)
    .option(
      '--step-s <s>',
      'sample step of the filter [s] (any step finds every event; smaller costs more)',
      positive('--step-s', 120),
      60,
    )
    .option('--json', 'print the result as JSON ({ screen, catalogue, own, events: [...], totals, ... })')
    .option('-o, --out <file>', 'write the output to this file (atomically) instead of stdout', outArg)
    .option(
      '--workers <n>',
      'threads splitting the own satellites (0: this thread)',
      intArg('--workers', 0, MAX_WORKERS),
      0,
    )
    .option(
      '--redis <url>',
      'screen on odc workers through Redis (odc worker --redis), split by own satellites, instead of this machine',
    )
    .option('--queue <name>', 'queue name on that Redis (as given to odc worker --queue)', queueArg, 'odc')
    .option(
      '--max-events <n>',
      'list at most this many events, the closest (totals and contributors count them all; default 100,000)',
      intArg('--max-events', 0),
    )
    .option('-q, --quiet', 'no progress output')
    .action((target: string, opts: ScreenFlags, command: Command) => {
      if (opts.redis === undefined && command.getOptionValueSource('queue') === 'cli')
        throw new InvalidArgumentError(
          `--queue ${opts.queue} names a queue on a Redis server: add --redis redis://host:port, or drop --queue`,
        );
      return screen(io, target, opts);
    });
}

/** The screen of `target`, printed or written; a run's answer gets it recorded (src/analysis/screen/screen.ts). */
async function screen(io: CliIo, target: string, opts: ScreenFlags): Promise<void> {
  const odc = await import('./libraryChunk.js');
  const inputs = [target, ...(opts.catalogue ?? [])];
  if (opts.out !== undefined) odc.checkScreenOutput(opts.out, inputs); // before any work
  const status = createStatus(opts.quiet ? 'quiet' : io.isTTY ? 'bar' : 'lines', io.errStream);
  let r: Awaited<ReturnType<typeof odc.screenTarget>>;
  try {
    r = await odc.screenTarget(
      {
        target,
        hours: opts.hours,
        threshold_km: opts.thresholdKm,
        step_s: opts.stepS,
        workers: opts.workers,
        ...(opts.redis !== undefined
          ? { redis: { url: (odc.checkRedisUrl(opts.redis), opts.redis), queue: opts.queue, odcVersion: ODC_VERSION } }
          : {}),
        ...(opts.maxEvents !== undefined ? { maxEvents: opts.maxEvents } : {}),
        ...(opts.catalogue !== undefined ? { catalogue: opts.catalogue } : {}),
        ...(opts.start !== undefined ? { start: opts.start } : {}),
      },
      (share) => status.show('screening', share),
    );
  } finally {
    status.stop();
  }
  const recorded = odc.recordKneeScreen(target, r);
  if (recorded !== null) io.err(`recorded the screen of the run's answer in ${recorded} and its answer.json\n`);
  const text = opts.json ? `${JSON.stringify(r, null, 2)}\n` : odc.formatScreen(r);
  if (opts.out === undefined) return void io.out(text);
  odc.writeScreenOutput(opts.out, text, inputs);
  io.err(`wrote ${opts.out}\n`);
}
