/**
 * The explorer header's lines of what `odc run` printed: for seed folders of a multi-seed run, that run's answer (the
 * knee of the seeds' union front, from its seeds.json) once, above each served run's own knee and hypervolume (from
 * its run.json), a seed's knee labelled as not the run's answer. Pure: run infos in, HTML out.
 */
import type { RunInfo } from '../runData.js';
import { esc } from './table.js';

/** A folded block: its first line as the summary, the rest as a list. */
const folded = (attrs: string, lead: string, lines: readonly string[]): string =>
  `<details ${attrs}><summary>${esc(lead)}${esc(lines[0] ?? 'no answer')}</summary><ul>` +
  `${lines
    .slice(1)
    .map((l) => `<li>${esc(l)}</li>`)
    .join('')}</ul></details>`;

/**
 * The answer of the multi-seed run(s) the served seed folders belong to (seeds.json: the union front's knee), once
 * each, above the seeds' own lines, which then say they are the seed's knee and not the run's answer.
 */
function runAnswers(runs: readonly RunInfo[]): string {
  const answers = new Map<string, readonly string[]>();
  for (const r of runs) if (r.runAnswer !== null) answers.set(r.runAnswer.source, r.runAnswer.lines);
  return [...answers]
    .map(([source, lines]) =>
      folded('class="run-answer" data-testid="run-answer" open', `the run's answer (${source}): `, lines),
    )
    .join('');
}

/** The run's answer, then each complete run's hypervolume and knee as `odc run` printed them (run.json). */
export function runSummariesHtml(runs: readonly RunInfo[]): string {
  const own = (r: RunInfo): string =>
    `run ${r.id}: ${r.runAnswer !== null ? "this seed's own knee, not the run's answer: " : ''}`;
  return (
    runAnswers(runs) +
    runs
      .filter((r) => r.hypervolume !== null || r.decision.length > 0)
      .map((r) =>
        folded(`class="run-summary" data-run="${r.id}"`, own(r), [
          ...r.decision,
          ...(r.hypervolume !== null ? [r.hypervolume] : []),
        ]),
      )
      .join('')
  );
}
