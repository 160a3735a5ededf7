/** The run report's failures: why evaluations failed, and the least-infeasible designs with their violations. */
import { heading3, paragraph, section, table, type Block } from '../document/blocks.js';
import { infeasibilityText, shortfallText } from '../../run/decision/infeasible.js';
import type { ReportModel } from '../document/model.js';
import { groupedDecimal } from '../../base/numberFormat.js';

const NUMBER = /-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/gi;

/**
 * Failure reasons grouped by message: messages that differ only in their numbers ("needs 1234 pair evaluations",
 * "needs 5678 …") are one row, counts summed, each number that varies shown as its range ("1234…5678"), most
 * frequent first (ties by message).
 */
export function groupFailureReasons(
  reasons: readonly { readonly reason: string; readonly count: number }[],
): { reason: string; count: number }[] {
  const groups = new Map<string, { parts: readonly string[]; numbers: string[][]; count: number }>();
  for (const r of reasons) {
    const parts = r.reason.split(NUMBER);
    const numbers = r.reason.match(NUMBER) ?? [];
    const key = parts.join('\u0000');
    const g = groups.get(key);
    if (g === undefined) groups.set(key, { parts, numbers: numbers.map((n) => [n]), count: r.count });
    else {
      g.count += r.count;
      numbers.forEach((n, i) => g.numbers[i]!.push(n));
    }
  }
  return [...groups.values()]
    .map((g) => {
      const slots = g.numbers.map((ns) => {
        const sorted = [...ns].sort((a, b) => Number(a) - Number(b));
        return sorted[0] === sorted.at(-1) ? sorted[0]! : `${sorted[0]!}…${sorted.at(-1)!}`;
      });
      return { reason: g.parts.map((p, i) => p + (slots[i] ?? '')).join(''), count: g.count };
    })
    .sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : 1));
}

export function failuresSection(model: ReportModel): Block | null {
  const res = model.run.meta.result;
  if (!res || (!res.failureReasons.length && !res.leastInfeasible.length)) return null;
  const blocks: Block[] = [];
  if (res.failureReasons.length)
    blocks.push(
      heading3('Failed evaluations (treated as infeasible)'),
      table(
        ['reason (numbers that vary as their range)', 'count [-]'],
        groupFailureReasons(res.failureReasons).map((f) => [f.reason, groupedDecimal(f.count, 0)]),
      ),
    );
  const d = res.infeasibility;
  if (d !== undefined) {
    const more = shortfallText(d);
    blocks.push(paragraph(`No feasible design was found: ${infeasibilityText(d)}.`, 'strong'));
    if (more !== '') blocks.push(paragraph(`Closest any evaluated design came, per constraint none meets: ${more}.`));
  }
  // one shortfall figure per constraint (above); the designs list what they violate
  if (res.leastInfeasible.length)
    blocks.push(
      heading3('Least-infeasible designs'),
      table(
        ['evaluation [-]', 'violated constraints'],
        res.leastInfeasible.map((x) => [String(x.index), x.violations.map((v) => v.name).join('; ')]),
      ),
    );
  return section('failures', 'Failures and infeasibility', blocks, 'Failures');
}
