/**
 * Progress display for long runs: a bar on a terminal; on a pipe or log file, one plain line every ~10 %
 * of the run; nothing with --quiet. Only the CLI writes to the terminal.
 */
import { createRequire } from 'node:module';
import type CliProgress from 'cli-progress';
import type { ProgressInfo } from '../run/driver.js';

/** cli-progress (with readline and child_process under it, ~25 ms) is loaded only when a bar is drawn on a terminal. */
export const loadCliProgress = (): typeof CliProgress => createRequire(import.meta.url)('cli-progress') as typeof CliProgress;

const fmtTime = (s: number | null): string => {
  if (s === null || !Number.isFinite(s)) return '--';
  if (s < 60) return `${s.toFixed(s < 10 ? 1 : 0)}s`;
  const m = Math.floor(s / 60);
  return `${m}m${String(Math.round(s - 60 * m)).padStart(2, '0')}s`;
};

/** Distributed runs: "workers 3 (a:12.1/s b:11.8/s …)". */
function remoteText(p: ProgressInfo): string {
  if (p.remote === undefined) return '';
  const rates = p.remote.rates.map((r) => `${r.worker} ${r.evaluationsPerSecond.toFixed(1)}/s`).slice(0, 4).join(' ');
  return `  | workers ${p.remote.connected}${rates ? ` (${rates}${p.remote.rates.length > 4 ? ' …' : ''})` : ''}`;
}

export interface ProgressSink {
  update(p: ProgressInfo): void;
  stop(): void;
}

export function createProgress(mode: 'bar' | 'lines' | 'quiet', stream: NodeJS.WriteStream): ProgressSink {
  if (mode === 'quiet') return { update: () => undefined, stop: () => undefined };
  if (mode === 'lines') {
    let lastDecile = -1;
    return {
      update(p) {
        const total = p.maxGenerations ?? null;
        const frac = total ? p.generation / total : p.maxEvaluations ? p.evaluations / p.maxEvaluations : 0;
        const decile = Math.floor(frac * 10);
        if (decile === lastDecile && frac < 1) return;
        lastDecile = decile;
        stream.write(`gen ${p.generation}${total ? `/${total}` : ''}  evals ${p.evaluations}  feasible ${(100 * p.feasibleShare).toFixed(0)}%  front ${p.frontSize}  HV ${p.hypervolume.toFixed(4)}  failures ${p.failures}  elapsed ${fmtTime(p.elapsed_s)}  eta ${fmtTime(p.eta_s)}${remoteText(p)}\n`);
      },
      stop: () => undefined,
    };
  }
  const cliProgress = loadCliProgress();
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: 'gen {gen} |{bar}| {percentage}% | evals {evals} | feasible {feas}% | front {front} | HV {hv} | fail {fail} | ETA {eta_h}{remote}',
      // The cursor stays visible: a run stopped at any instant (Ctrl-C, kill) never leaves the terminal without one.
      hideCursor: false,
      clearOnComplete: false,
      barsize: 24,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(p) {
      const total = p.maxGenerations ?? p.maxEvaluations ?? 1;
      const value = p.maxGenerations !== null ? p.generation : p.evaluations;
      const payload = { gen: `${p.generation}${p.maxGenerations ? `/${p.maxGenerations}` : ''}`, evals: p.evaluations, feas: (100 * p.feasibleShare).toFixed(0), front: p.frontSize, hv: p.hypervolume.toFixed(4), fail: p.failures, eta_h: fmtTime(p.eta_s), remote: remoteText(p) };
      if (!started) {
        bar.start(total, value, payload);
        started = true;
      } else bar.update(value, payload);
    },
    // Also on Ctrl-C (src/cli/main.ts); a second stop does nothing.
    stop() {
      if (!started) return;
      started = false;
      bar.stop();
    },
  };
}
