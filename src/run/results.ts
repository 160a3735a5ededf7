/**
 * Result files of a run: pareto.json (deterministic: no timestamps, so equal runs give equal bytes),
 * pareto.csv and run.json (settings, versions, timings, history). All written atomically.
 */
import { join } from 'node:path';
import type { DesignRecord } from '../evaluate/record.js';
import type { ConstellationRecord } from '../constellation/record.js';
import type { Individual } from '../problem/algorithm.js';
import type { Problem } from '../problem/types.js';
import type { AlgorithmSettings } from '../study/schema.js';
import { unitOf } from '../evaluate/metrics.js';
import { writeFileAtomic } from './atomic.js';
import type { GenerationStats, Normalization } from './history.js';
import type { LoadedStudy } from './problem.js';

/** What a finished run found: counts, why it stopped, failures, and the least-infeasible designs. */
export interface RunCounts {
  readonly generations: number;
  readonly evaluations: number;
  readonly failures: number;
  readonly feasible: number;
  readonly paretoSize: number;
  readonly stopReason: string;
  readonly failureReasons: readonly { reason: string; count: number }[];
  /** Set when nothing feasible was found: the least-infeasible designs and each violated constraint. */
  readonly leastInfeasible: readonly { index: number; violations: { name: string; g: number }[] }[];
}

export interface RunMeta {
  readonly formatVersion: 1;
  readonly odcVersion: string;
  readonly status: 'running' | 'complete';
  readonly study: { readonly name: string; readonly kind: 'node' | 'benchmark' | 'constellation'; readonly file: string; readonly hash: string };
  readonly algorithm: AlgorithmSettings;
  readonly workers: number;
  /** Evaluated on Redis workers: the server (password redacted) and queue. */
  readonly distributed?: { readonly redis: string; readonly queue: string };
  readonly startedAt: string;
  readonly finishedAt?: string;
  readonly packageVersions: Record<string, string>;
  readonly result?: RunCounts;
  readonly timings?: { readonly wall_s: number; readonly evaluate_s: number };
  readonly normalization?: Normalization;
  readonly history?: readonly GenerationStats[];
}

export interface ParetoDesign {
  readonly index: number;
  readonly variables: Record<string, string | number>;
  /** In the user's sense: a maximized objective is positive. */
  readonly objectives: Record<string, number>;
  /** Constraint values g (≤ 0 satisfied), by constraint name. */
  readonly constraints: Record<string, number>;
  readonly record: DesignRecord | ConstellationRecord | null;
}

export interface ParetoFile {
  readonly formatVersion: 1;
  readonly study: string;
  readonly kind: 'node' | 'benchmark' | 'constellation';
  readonly objectives: readonly { name: string; sense: 'minimize' | 'maximize'; unit: string }[];
  readonly variables: Problem['variables'];
  readonly designs: readonly ParetoDesign[];
}

const csvCell = (v: unknown): string => {
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : String(v ?? '');
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function paretoDesigns(loaded: LoadedStudy, archive: readonly Individual[]): ParetoDesign[] {
  const { problem } = loaded;
  return archive.map((ind) => {
    const variables: Record<string, string | number> = {};
    problem.variables.forEach((v, i) => {
      variables[v.name] = v.kind === 'choice' ? v.options[ind.x[i]!]! : ind.x[i]!;
    });
    const objectives: Record<string, number> = {};
    problem.objectives.forEach((o, i) => {
      objectives[o.name] = o.sense === 'maximize' ? -ind.f[i]! : ind.f[i]!;
    });
    const constraints: Record<string, number> = {};
    problem.constraints.forEach((c, i) => {
      constraints[c.name] = ind.g[i]!;
    });
    return { index: ind.evalIndex, variables, objectives, constraints, record: loaded.record ? loaded.record(ind.x) : null };
  });
}

export function paretoFile(loaded: LoadedStudy, designs: readonly ParetoDesign[]): ParetoFile {
  return {
    formatVersion: 1,
    study: loaded.name,
    kind: loaded.kind,
    objectives: loaded.problem.objectives.map((o) => ({ name: o.name, sense: o.sense, unit: unitOf(o.name) })),
    variables: loaded.problem.variables,
    designs,
  };
}

export function paretoCsv(file: ParetoFile): string {
  const varNames = file.variables.map((v) => v.name);
  const objNames = file.objectives.map((o) => o.name);
  const extra = file.kind === 'node' ? ['compute.itPowerAvg_W', 'power.arrayArea_m2', 'thermal.radiatorArea_m2', 'mass.launch_kg', 'cost.total_USD']
    : file.kind === 'constellation' ? ['totals.satellites', 'totals.itPowerAvg_W', 'totals.launchMass_kg', 'totals.cost_USD', 'launch.campaign_yr'] : [];
  const head = ['index', ...varNames, ...objNames.map((n) => `${n} [${unitOf(n)}]`), ...extra.filter((e) => !objNames.includes(e))];
  const lines = [head.map(csvCell).join(',')];
  for (const d of file.designs) {
    const rec = d.record as unknown as Record<string, Record<string, unknown>> | null;
    const extras = extra.filter((e) => !objNames.includes(e)).map((e) => {
      const [s, k] = e.split('.') as [string, string];
      return rec?.[s]?.[k];
    });
    lines.push([d.index, ...varNames.map((n) => d.variables[n]), ...objNames.map((n) => d.objectives[n]), ...extras].map(csvCell).join(','));
  }
  return `${lines.join('\n')}\n`;
}

export function writeResults(runDir: string, loaded: LoadedStudy, archive: readonly Individual[], meta: RunMeta): void {
  const file = paretoFile(loaded, paretoDesigns(loaded, archive));
  writeFileAtomic(join(runDir, 'pareto.json'), `${JSON.stringify(file, null, 1)}\n`);
  writeFileAtomic(join(runDir, 'pareto.csv'), paretoCsv(file));
  writeFileAtomic(join(runDir, 'run.json'), `${JSON.stringify(meta, null, 2)}\n`);
}
