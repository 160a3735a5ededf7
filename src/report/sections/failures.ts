/** The run report's failures: why evaluations failed, and the least-infeasible designs with their violations. */
import { heading3, paragraph, section, table, type Block } from '../document/blocks.js';
import { infeasibilityText } from '../../run/decision/infeasible.js';
import type { ReportModel } from '../document/model.js';

export function failuresSection(model: ReportModel): Block | null {
  const res = model.run.meta.result;
  if (!res || (!res.failureReasons.length && !res.leastInfeasible.length)) return null;
  const blocks: Block[] = [];
  if (res.failureReasons.length)
    blocks.push(
      heading3('Failed evaluations (treated as infeasible)'),
      table(
        ['reason', 'count [-]'],
        res.failureReasons.map((f) => [f.reason, String(f.count)]),
      ),
    );
  if (res.infeasibility !== undefined)
    blocks.push(paragraph(`No feasible design was found: ${infeasibilityText(res.infeasibility)}.`, 'strong'));
  if (res.leastInfeasible.length)
    blocks.push(
      heading3('Least-infeasible designs'),
      table(
        ['evaluation [-]', 'violated constraints (g > 0, relative to the limit)'],
        res.leastInfeasible.map((d) => [
          String(d.index),
          d.violations.map((x) => `${x.name}: g = ${Number.isFinite(x.g) ? x.g.toFixed(3) : 'failed'}`).join('; '),
        ]),
      ),
    );
  return section('failures', 'Failures and infeasibility', blocks, 'Failures');
}
