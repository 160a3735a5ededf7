/**
 * The explorer header's answer: each run's answer card (its answer.json: design, figures, verdict, P(all hold), what
 * binds), the rest of what `odc run` printed folded beneath it; for seed folders of a multi-seed run, that run's
 * answer (the knee of the seeds' union front: its answer.json's card, else its seeds.json's lines) once, above each
 * served seed's own knee, folded and labelled as not the run's answer; and each run's chip (colour, front,
 * hypervolumes); the traffic where the answer flies (answer.json `environment`). The card is a few lines so the
 * plots start above the fold; the header's count of the designs shown (totalText). Pure: run infos in, HTML out.
 */
import type { Comparison } from '../compare.js';
import type { RunInfo } from '../runData.js';
import type { CardRow } from '../../report/decision/answerCard.js';
import { RUN_COLOURS } from '../../chart/palettes.js';
import type { RunColumns } from './data.js';
import { esc } from './table.js';

/** An "i" in a circle, drawn (a glyph such as U+24D8 is missing from Debian's default fonts: a box). */
const INFO_ICON =
  '<svg class="info" viewBox="0 0 12 12" width="11" height="11" aria-hidden="true"><circle cx="6" cy="6" r="5.4" ' +
  'fill="none" stroke="currentColor" stroke-width="1.1"/><circle cx="6" cy="3.4" r="0.8" fill="currentColor"/>' +
  '<rect x="5.35" y="5" width="1.3" height="4.2" fill="currentColor"/></svg>';

/** A folded block: its first line as the summary, the rest as a list. */
const folded = (attrs: string, lead: string, lines: readonly string[]): string =>
  `<details ${attrs}><summary>${esc(lead)}${esc(lines[0] ?? 'no answer')}</summary><ul>` +
  `${lines
    .slice(1)
    .map((l) => `<li>${esc(l)}</li>`)
    .join('')}</ul></details>`;

/** The answer card: its rows at a glance, the other lines folded under "details". */
const cardHtml = (attrs: string, lead: string, rows: readonly CardRow[], details: readonly string[]): string =>
  `<div class="answer-card" data-testid="answer-card" ${attrs}><span class="lead">${esc(lead)}</span>` +
  `<table>${rows.map((r) => `<tr><th>${esc(r.label)}</th><td>${esc(r.value)}</td></tr>`).join('')}</table>` +
  (details.length
    ? `<details><summary>details</summary><ul>${details.map((l) => `<li>${esc(l)}</li>`).join('')}</ul></details>`
    : '') +
  '</div>';

/**
 * The answer of the multi-seed run(s) the served seed folders belong to (seeds.json: the union front's knee), once
 * each, above the seeds' own lines, which then say they are the seed's knee and not the run's answer.
 */
function runAnswers(runs: readonly RunInfo[]): string {
  const answers = new Map<string, NonNullable<RunInfo['runAnswer']>>();
  for (const r of runs) if (r.runAnswer !== null) answers.set(r.runAnswer.source, r.runAnswer);
  return [...answers]
    .map(([source, a]) =>
      a.card !== null
        ? cardHtml('data-run-answer="true"', `the run's answer (${source})`, a.card, [])
        : folded('class="run-answer" data-testid="run-answer"', `the run's answer (${source}): `, a.lines),
    )
    .join('');
}

/** The Environment panel: the traffic where each served run's answer flies (answer.json), once per answer file. */
function environments(runs: readonly RunInfo[]): string {
  const seen = new Map<string, readonly string[]>();
  for (const r of runs) if (r.environment !== null) seen.set(r.environment.source, r.environment.lines);
  return [...seen]
    .map(([source, lines]) =>
      folded('class="environment" data-testid="environment"', `Environment (${source}): `, lines),
    )
    .join('');
}

/** The run's answer, then each complete run's hypervolume and knee as `odc run` printed them (run.json). */
export function runSummariesHtml(runs: readonly RunInfo[]): string {
  const own = (r: RunInfo): string =>
    `run ${r.id}: ${r.runAnswer !== null ? "this seed's own knee, not the run's answer: " : ''}`;
  return (
    runAnswers(runs) +
    environments(runs) +
    runs
      .filter((r) => r.hypervolume !== null || r.decision.length > 0)
      .map((r) => {
        const rest = [...r.decision, ...(r.hypervolume !== null ? [r.hypervolume] : [])];
        // a seed's own knee is folded whole: the run's answer is above it
        return r.card !== null && r.runAnswer === null
          ? cardHtml(`data-run="${r.id}"`, `run ${r.id}`, r.card, rest)
          : folded(`class="run-summary" data-run="${r.id}"`, own(r), rest);
      })
      .join('')
  );
}

/** An indicator as the legend prints it; "n/a (no feasible design)" for what JSON could not carry (∞, NaN). */
const indicatorText = (x: number | null, digits: number): string =>
  x === null || !Number.isFinite(x) ? 'n/a (no feasible design)' : x.toPrecision(digits);

/** The common-normalization hypervolume as `odc compare` prints it: exact, or "estimated x ± se" on large fronts. */
const commonHv = (ind: Comparison['runs'][number]): string =>
  ind.hypervolume === null || !Number.isFinite(ind.hypervolume)
    ? indicatorText(ind.hypervolume, 4)
    : ind.hypervolumeStandardError === null
      ? indicatorText(ind.hypervolume, 4)
      : `estimated ${ind.hypervolume.toPrecision(4)} ± ${ind.hypervolumeStandardError.toPrecision(2)}`;

/** The front's count with what it counts (a finished run's collapsed near-duplicates, a running run's log so far). */
function frontText(r: RunColumns): string {
  const n = r.frontIndices.length;
  const collapsed = /with (\d+) near-duplicates collapsed/.exec(r.info.frontNote);
  const short =
    r.info.frontSource === 'log'
      ? `front ${n} so far`
      : collapsed !== null
        ? `front ${n}, ${collapsed[1]} near-duplicates collapsed`
        : `front ${n}`;
  return `<span class="front-count" data-testid="front-count" title="${esc(r.info.frontNote)}">${short} ${INFO_ICON}</span>`;
}

/** Each run's chip: its colour, name, status, front's count and hypervolume; with several runs their comparison. */
export function runChipsHtml(runs: readonly RunColumns[], comparison: Comparison | null): string {
  const rows = comparison?.runs ?? [];
  return runs
    .map((r) => {
      const ind = rows.find((x) => x.run === r.info.id);
      // the run's own hypervolume (run.json, as odc run prints it), then with several runs their common figures;
      // a run without a feasible design has an empty front: no hypervolume to speak of, IGD+ unbounded (null in JSON)
      const own = r.info.hypervolumeValue !== null ? `, HV ${r.info.hypervolumeValue} on its own normalization` : '';
      const figures =
        ind && runs.length > 1
          ? `; HV on the common normalization ${commonHv(ind)}, IGD+ ${indicatorText(ind.igdPlus, 3)}`
          : '';
      return (
        `<span class="run-chip" title="${esc(r.info.key)}"><span class="swatch" style="background:${RUN_COLOURS[r.info.id % RUN_COLOURS.length]}"></span>` +
        `${r.info.id}: ${esc(r.info.name)} (${r.info.status}, ${frontText(r)}${esc(own)}${figures})</span>`
      );
    })
    .join('');
}

/** "N designs", and the failed evaluations not shown. */
export function totalText(shown: number, failed: number): string {
  const f = failed ? ` (${failed.toLocaleString('en-US')} failed evaluations not shown)` : '';
  return `${shown.toLocaleString('en-US')} designs${f}`;
}
