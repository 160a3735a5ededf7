/** Plain-text summary printed at the end of `odc run`. */
import type { RunSummary } from '../run/driver.js';
import { fmt } from './budget.js';

/** " (3 near-duplicates collapsed)" when the reported front is smaller than the archive. */
function collapsedText(s: RunSummary): string {
  const k = s.archiveSize !== undefined ? s.archiveSize - s.paretoSize : 0;
  return k > 0 ? ` (${k} near-duplicate${k === 1 ? '' : 's'} collapsed)` : '';
}

export function formatRunSummary(s: RunSummary): string {
  const lines = [
    `${s.status === 'complete' ? 'Run complete' : 'Run interrupted'}: ${s.runDir}`,
    `  ${s.generations} generations, ${s.evaluations} evaluations (${s.stopReason}), ${fmt(s.wall_s)} s`,
    `  feasible ${s.feasible} (${((100 * s.feasible) / Math.max(1, s.evaluations)).toFixed(1)} %), failed ${s.failures}, Pareto designs ${s.paretoSize}${collapsedText(s)}, hypervolume ${s.hypervolume.toFixed(4)} (normalized)`,
  ];
  if (s.failureReasons.length) {
    lines.push('  failed evaluations (treated as infeasible):');
    for (const f of s.failureReasons.slice(0, 5)) lines.push(`    ${f.count} × ${f.reason}`);
  }
  if (s.status === 'complete' && s.paretoSize === 0) {
    lines.push('  NO FEASIBLE DESIGN was found. Least-infeasible designs and their violated constraints (g > 0, relative to the limit):');
    for (const d of s.leastInfeasible) {
      lines.push(`    evaluation ${d.index}: ${d.violations.map((v) => `${v.name} g=${Number.isFinite(v.g) ? v.g.toFixed(3) : 'failed'}`).join('; ')}`);
    }
  }
  for (const n of s.notes ?? []) lines.push(`  note: ${n}`);
  if (s.status === 'interrupted') lines.push(`  resume with: odc run --resume ${s.runDir}`);
  return `${lines.join('\n')}\n`;
}
