/**
 * Progress display for long runs: a bar on a terminal; on a pipe or log file, one plain line every ~10 %
 * of the run; nothing with --quiet. Its "running HV" is the front so far on the display's fixed normalization (the
 * first feasible front's, widened: src/run/history.ts `liveNormalization`), not the run's hypervolume, which the
 * summary prints at the end on the final front's normalization (src/run/hypervolumeFigure.ts). After the last
 * generation, the finishing steps (history, exact hypervolume, result files, report), and `odc compare`'s steps,
 * through `createStatus`: on a terminal one status line rewritten in place and cleared at the end, on a pipe one line
 * per step (and per quarter of a hypervolume's sweep). Only the CLI writes to the terminal.
 */
import { createRequire } from 'node:module';
import type CliProgress from 'cli-progress';
import type { FinishingProgress, ProgressInfo } from '../../run/driver.js';
import type { CompareProgress } from '../../report/compare/compare.js';
import { groupedDecimal } from '../../base/numberFormat.js';

/** cli-progress (with readline and child_process under it, ~25 ms) is loaded only when a bar is drawn on a terminal. */
export const loadCliProgress = (): typeof CliProgress =>
  createRequire(import.meta.url)('cli-progress') as typeof CliProgress;

const fmtTime = (s: number | null): string => {
  if (s === null || !Number.isFinite(s)) return '--';
  if (s < 60) return `${s.toFixed(s < 10 ? 1 : 0)}s`;
  const m = Math.floor(s / 60);
  return `${m}m${String(Math.round(s - 60 * m)).padStart(2, '0')}s`;
};

/**
 * Distributed runs: "workers 3 (a:12.1/s b:11.8/s …)"; worker threads: "workers 2 (1 useful here: load 3.1 on 2
 * cores)"; with "workers 3" as the short form when the long one does not fit.
 */
function remoteTexts(p: ProgressInfo): readonly string[] {
  if (p.local !== undefined) {
    const l = p.local;
    return [
      `workers ${l.workers} (${l.useful} useful here: load ${l.load.toFixed(1)} on ${l.cores} cores)`,
      `workers ${l.workers}`,
    ];
  }
  if (p.remote === undefined) return [];
  const rates = p.remote.rates
    .map((r) => `${r.worker} ${r.evaluationsPerSecond.toFixed(1)}/s`)
    .slice(0, 4)
    .join(' ');
  const short = `workers ${p.remote.connected}`;
  return [`${short}${rates ? ` (${rates}${p.remote.rates.length > 4 ? ' …' : ''})` : ''}`, short];
}

/** The width progress lines are cut to: the terminal's, else COLUMNS, else 80 (a pipe or a log file). */
export function progressWidth(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): number {
  if (stream.isTTY && stream.columns > 0) return stream.columns;
  const columns = Number(env.COLUMNS);
  return Number.isInteger(columns) && columns > 0 ? columns : 80;
}

/**
 * The fields of a progress line within `width` characters. The generation, the evaluations, the running HV, the
 * front size and the ETA come first, in long form ("running HV 1.2345") when all five fit, else short ("HV 1.2345",
 * two spaces apart, then one); then feasible share, failures, elapsed time and workers, each only if it still fits
 * (long form first). A width too small even for the short five cuts the line.
 */
export function progressFields(p: ProgressInfo, width: number, withElapsed: boolean): string {
  const sep = '  ';
  const total = p.maxGenerations ?? null;
  const evals = groupedDecimal(p.evaluations, 0);
  const front = groupedDecimal(p.frontSize, 0);
  const hv = p.hypervolume.toFixed(4);
  const gen = `gen ${p.generation}${total ? `/${total}` : ''}`;
  const eta = `ETA ${fmtTime(p.eta_s)}`;
  const long = [gen, `evals ${evals}`, `running HV ${hv}`, `front ${front}`, eta].join(sep);
  const short = [gen, `ev ${evals}`, `HV ${hv}`, `front ${front}`, eta];
  let line = [long, short.join(sep), short.join(' ')].find((l) => l.length <= width) ?? short.join(' ');
  const optional: (readonly string[])[] = [
    [`feasible ${(100 * p.feasibleShare).toFixed(0)}%`, `feas ${(100 * p.feasibleShare).toFixed(0)}%`],
    [`failures ${groupedDecimal(p.failures, 0)}`, `fail ${groupedDecimal(p.failures, 0)}`],
    withElapsed ? [`elapsed ${fmtTime(p.elapsed_s)}`] : [],
    remoteTexts(p),
  ];
  for (const forms of optional) {
    const fits = forms.find((f) => line.length + sep.length + f.length <= width);
    if (fits !== undefined) line += sep + fits;
  }
  return line.slice(0, Math.max(0, width));
}

export interface ProgressSink {
  update(p: ProgressInfo): void;
  finishing(f: FinishingProgress): void;
  stop(): void;
}

/** "exact hypervolume of the final front (128,824 designs, 5 objectives)" and the like. */
export function finishingText(f: FinishingProgress): string {
  const n = groupedDecimal(f.count, 0);
  switch (f.step) {
    case 'history':
      return `history (replaying ${n} evaluations)`;
    case 'hypervolume':
      return `exact hypervolume of the final front (${n} designs, ${f.objectives} objectives)`;
    case 'results':
      return `result files (${n} Pareto designs)`;
    case 'report':
      return `report (${n} Pareto designs)`;
  }
}

/** "A: s1: exact hypervolume (40,174 designs, 5 objectives)" and the like. */
export function compareText(p: CompareProgress): string {
  const n = groupedDecimal(p.count, 0);
  switch (p.step) {
    case 'load':
      return `loading ${n} run folders`;
    case 'union':
      return `non-dominated union of ${n} designs`;
    case 'dominance':
      return `${p.run}: designs no other run dominates (${n} designs)`;
    case 'hypervolume':
      return `${p.run}: exact hypervolume (${n} designs, ${p.objectives} objectives)`;
    case 'igd':
      return `${p.run}: IGD+ against the union (${n} designs)`;
    case 'files':
      return `who dominates where, plot, compare.html and compare.md (${n} union designs)`;
  }
}

const percent = (share: number): string => `${Math.floor(100 * share)}%`;

/** One line per tenth of the run (for logs and pipes). */
function lineProgress(stream: NodeJS.WriteStream): ProgressSink {
  let lastDecile = -1;
  const status = createStatus('lines', stream);
  return {
    update(p) {
      const total = p.maxGenerations ?? null;
      const frac = total ? p.generation / total : p.maxEvaluations ? p.evaluations / p.maxEvaluations : 0;
      const decile = Math.floor(frac * 10);
      if (decile === lastDecile && frac < 1) return;
      lastDecile = decile;
      // one column spare: a line exactly as wide as a terminal wraps on some terminals
      stream.write(`${progressFields(p, progressWidth(stream) - 1, true)}\n`);
    },
    finishing: (f) => status.show(`finishing: ${finishingText(f)}`, f.share),
    stop: () => status.stop(),
  };
}

/** Characters of the bar itself. */
const BAR = 12;

/** A progress bar redrawn in place (terminals), then a status line for the finishing steps. */
function barProgress(stream: NodeJS.WriteStream): ProgressSink {
  const cliProgress = loadCliProgress();
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: '{bar} {fields}',
      // The cursor stays visible: a run stopped at any instant (Ctrl-C, kill) never leaves the terminal without one.
      hideCursor: false,
      clearOnComplete: false,
      barsize: BAR,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  const status = createStatus('bar', stream);
  return {
    update(p) {
      const total = p.maxGenerations ?? p.maxEvaluations ?? 1;
      const value = p.maxGenerations !== null ? p.generation : p.evaluations;
      // the bar, a space and one column spare (cli-progress cuts a line as wide as the terminal)
      const payload = { fields: progressFields(p, progressWidth(stream) - BAR - 2, false) };
      if (!started) {
        bar.start(total, value, payload);
        started = true;
      } else bar.update(value, payload);
    },
    finishing(f) {
      if (started) {
        started = false;
        bar.stop();
      }
      status.show(`finishing: ${finishingText(f)}`, f.share);
    },
    // Also on Ctrl-C (src/entries/cli/main.ts); a second stop does nothing.
    stop() {
      status.stop();
      if (!started) return;
      started = false;
      bar.stop();
    },
  };
}

export function createProgress(mode: 'bar' | 'lines' | 'quiet', stream: NodeJS.WriteStream): ProgressSink {
  if (mode === 'quiet') return { update: () => undefined, finishing: () => undefined, stop: () => undefined };
  if (mode === 'lines') return lineProgress(stream);
  return barProgress(stream);
}

export interface StatusSink {
  /** The step now under way, and the share of it done when known. */
  show(text: string, share?: number): void;
  /** Clears the terminal's status line; a second call does nothing. */
  stop(): void;
}

/**
 * Named steps of work that has no bar (a run's finishing steps, `odc compare`): on a terminal one status line
 * rewritten in place, cut to the terminal's width with the share kept, cleared by stop(); on a pipe one line per step
 * and one at each quarter of a step's share; nothing when quiet.
 */
export function createStatus(mode: 'bar' | 'lines' | 'quiet', stream: NodeJS.WriteStream): StatusSink {
  if (mode === 'quiet') return { show: () => undefined, stop: () => undefined };
  if (mode === 'lines') {
    let step = '';
    let quarter = 0;
    return {
      show(text, share) {
        if (text !== step) {
          step = text;
          quarter = 0;
          stream.write(`${text}\n`);
        } else if (share !== undefined && Math.floor(4 * share) > quarter) {
          quarter = Math.floor(4 * share);
          stream.write(`${text} ${percent(quarter / 4)}\n`);
        }
      },
      stop: () => undefined,
    };
  }
  // the status line now on the terminal ('' when none)
  let status = '';
  return {
    show(text, share) {
      // one terminal row at most (\x1B[2K clears only the row the cursor is on), the share kept
      const suffix = share !== undefined && share > 0 ? ` ${percent(share)}` : '';
      const room = stream.columns > 1 ? stream.columns - 1 - suffix.length : Infinity;
      const line = text.slice(0, Math.max(0, room)) + suffix;
      if (line === status) return;
      stream.write(`\r\x1B[2K${line}`);
      status = line;
    },
    stop() {
      if (status !== '') stream.write('\r\x1B[2K');
      status = '';
    },
  };
}
