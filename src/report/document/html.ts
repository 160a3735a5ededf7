/**
 * report.html: one self-contained page (inline CSS, inline static SVG plots, no network, readable
 * without JavaScript; a few lines of inline JS only make the Pareto table sortable). Every string that
 * comes from the user (study name, description, file names, catalog ids, constraint text) is escaped.
 */
import type { BudgetSection } from '../budget/budget.js';
import { fmt } from '../../base/numberFormat.js';
import { esc, inlineSvg, htmlTable, td } from './htmlText.js';
import { robustnessHtml } from '../decision/robustness.js';
import { constraintStatus, type PickView, type ReportModel } from './model.js';
import { designBindingText, sizedToText } from '../../run/binding.js';
import {
  isReportSection,
  REPORT_SECTIONS,
  type KeyValue,
  type ReportPlot,
  type ReportSectionId,
} from './reportParts.js';

export const CSS = `
:root { --fg: #1b1b1b; --muted: #5b5b5b; --line: #d9d9d9; --head: #f3f4f6; --accent: #b3261e; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--fg); margin: 0; background: #fff; }
main { max-width: 1200px; margin: 0 auto; padding: 24px 28px 64px; }
h1 { font-size: 26px; margin: 0 0 4px; overflow-wrap: anywhere; }
h2 { font-size: 20px; margin: 40px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 16px; margin: 22px 0 8px; }
p.lead { color: var(--muted); margin: 0 0 12px; overflow-wrap: anywhere; }
nav { margin: 14px 0 4px; font-size: 14px; }
nav a { margin-right: 14px; color: #1a5fb4; }
table { border-collapse: collapse; margin: 6px 0 14px; font-size: 13.5px; }
th, td { border: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: var(--head); font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.kv th { width: 210px; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(440px, 1fr)); gap: 6px 28px; align-items: start; }
figure { margin: 8px 0 24px; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { color: var(--muted); font-size: 13.5px; max-width: 1000px; }
.scroll { max-height: 640px; overflow: auto; border: 1px solid var(--line); }
.scroll table { margin: 0; }
.scroll th { position: sticky; top: 0; z-index: 1; cursor: pointer; }
th.sorted-asc::after { content: " ▲"; } th.sorted-desc::after { content: " ▼"; }
details { margin: 6px 0 10px; } summary { cursor: pointer; font-weight: 600; }
.binding { color: var(--accent); font-weight: 600; }
.note { color: var(--muted); font-size: 13.5px; }
.pick { border-left: 4px solid var(--line); padding: 2px 0 2px 16px; margin: 18px 0; }
.pick.knee { border-left-color: var(--accent); }
code { font-size: 13px; background: #f5f5f5; padding: 0 3px; border-radius: 3px; overflow-wrap: anywhere; }
footer { margin-top: 48px; color: var(--muted); font-size: 13px; }
p.answer { font-size: 17px; margin: 4px 0 12px; max-width: 1100px; }
table.verdicts td { white-space: nowrap; }
`;

/** Click a header to sort (numbers by value, thousands separators ignored); the page works without it. */
const SORT_JS = `
document.querySelectorAll('table.sortable').forEach(function (t) {
  var heads = t.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (th, col) {
    th.title = 'click to sort';
    th.addEventListener('click', function () {
      var asc = !th.classList.contains('sorted-asc');
      Array.prototype.forEach.call(heads, function (h) { h.classList.remove('sorted-asc', 'sorted-desc'); });
      th.classList.add(asc ? 'sorted-asc' : 'sorted-desc');
      var body = t.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var key = function (r) { var s = r.cells[col].textContent.replace(/,/g, '').replace('\\u2212', '-'); var n = parseFloat(s); return isNaN(n) ? s : n; };
      rows.sort(function (a, b) { var x = key(a), y = key(b); var c = (typeof x === 'number' && typeof y === 'number') ? x - y : String(x).localeCompare(String(y)); return asc ? c : -c; });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
});
`;

/** A section of the list REPORT_SECTIONS: its anchor, its heading (with `suffix`) and `body`. */
const section = (id: ReportSectionId, body: string, suffix = ''): string =>
  `<section id="${id}"><h2>${REPORT_SECTIONS[id].heading}${suffix}</h2>${body}</section>`;

const kvTable = (rows: readonly KeyValue[]): string =>
  `<table class="kv"><tbody>${rows.map((r) => `<tr><th>${esc(r.label)}</th><td>${esc(r.value)}</td></tr>`).join('')}</tbody></table>`;

const figure = (p: ReportPlot): string =>
  `<figure id="fig-${esc(p.id)}">${inlineSvg(p.svg)}<figcaption>${esc(p.caption)} <span class="note">(Also saved as ${esc(p.file)}.)</span></figcaption></figure>` +
  (p.table ? htmlTable(p.table.headers, p.table.rows) : '');

const budgetHtml = (sections: readonly BudgetSection[]): string =>
  `<div class="grid">${sections
    .map(
      (s) =>
        `<div><h4>${esc(s.title)}</h4>${htmlTable(
          ['quantity', 'value', 'unit', 'note'],
          s.rows.map((r) => [r.label, r.value, r.unit, r.note ?? '']),
        )}</div>`,
    )
    .join('')}</div>`;

function pickHtml(v: PickView, open: boolean): string {
  const { pick } = v;
  const head = `<h3>${esc(pick.label)}: design ${esc(pick.design.index)}</h3>`;
  if (v.sameAs) return `<div class="pick">${head}<p>Same design as <em>${esc(v.sameAs)}</em> above.</p></div>`;
  const parts = [
    `<div class="grid"><div>${htmlTable(
      ['objective', 'value', 'unit', 'sense'],
      v.objectives.map((o) => [o.name, o.value, o.unit, o.sense]),
    )}</div>`,
    `<div>${htmlTable(
      ['variable', 'value', 'unit'],
      v.variables.map((x) => [x.name, x.value, x.unit]),
    )}</div></div>`,
  ];
  if (v.recordConstraints.length || v.studyConstraints.length) {
    const sized = sizedToText(v.binding, fmt);
    parts.push(
      `${sized !== null ? `<p><strong>Sized to</strong>: ${esc(sized)}.</p>` : ''}` +
        `<p><strong>Binds</strong> (relative margin ≤ 2 %): <span class="binding">${esc(designBindingText(v.binding, fmt))}</span>.</p>`,
    );
  }
  if (v.recordConstraints.length) {
    parts.push(
      `<table><thead><tr>${['constraint', 'value', 'limit', 'unit', 'margin [%]', 'kind', 'status'].map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${v.recordConstraints
        .map(
          (c) =>
            `<tr${c.binding ? ' class="binding"' : ''}><td>${esc(c.label)}</td>${td(fmt(c.value))}<td class="num">${esc(`${c.sense} ${fmt(c.limit)}`)}</td><td>${esc(c.unit)}</td>${td((100 * c.margin).toFixed(1))}<td>${c.enforced ? 'enforced' : 'check'}</td><td>${constraintStatus(c)}</td></tr>`,
        )
        .join('')}</tbody></table>`,
    );
  }
  if (v.studyConstraints.length) {
    parts.push(
      `<table><thead><tr><th>study constraint (g ≤ 0 satisfied, scaled by |limit|)</th><th>g [-]</th><th>binding</th></tr></thead><tbody>${v.studyConstraints
        .map(
          (c) =>
            `<tr${c.binding ? ' class="binding"' : ''}><td>${esc(c.name)}</td>${td(fmt(c.g))}<td>${c.binding ? 'yes' : c.role}</td></tr>`,
        )
        .join('')}</tbody></table>`,
    );
  }
  if (v.budget.length)
    parts.push(
      `<details${open ? ' open' : ''}><summary>Full budget of design ${esc(pick.design.index)}</summary>${budgetHtml(v.budget)}</details>`,
    );
  return `<div class="pick${pick.selector === 'knee' ? ' knee' : ''}">${head}${parts.join('\n')}</div>`;
}

/**
 * The opening section: the answer, the recommended designs, the terrestrial verdict, what binds, the front plot, the
 * references.
 */
function decisionSummaryHtml(model: ReportModel): string {
  const v = model.decisionView;
  const parts: string[] = [];
  if (v.headline !== null) parts.push(`<p class="answer">${esc(v.headline)}</p>`);
  if (v.empty !== null) parts.push(`<p><strong>${esc(v.empty)}</strong></p>`);
  if (v.designs) parts.push(htmlTable(v.designs.headers, v.designs.rows, 'recommended'));
  if (v.verdicts)
    parts.push(
      `<h3>Against terrestrial data centers</h3>${htmlTable(v.verdicts.headers, v.verdicts.rows, 'verdicts')}<p class="note">${esc(v.verdictNote ?? '')}</p>`,
    );
  if (model.cost) parts.push(`<h3>Where the cost is</h3>${budgetHtml([model.cost])}`);
  if (v.binding.length || v.front.length) {
    parts.push(`<h3>What binds</h3><ul>${v.binding.map((b) => `<li>${esc(b)}</li>`).join('')}</ul>`);
    parts.push(
      v.front.length
        ? `<p>The front as a whole:</p><ul>${v.front.map((b) => `<li>${esc(b)}</li>`).join('')}</ul>`
        : '<p>No Pareto design is held by a constraint or a bound.</p>',
    );
    parts.push(`<p class="note">${esc(v.bindingRule)}</p>`);
  }
  if (v.relaxation)
    parts.push(
      `<h3>What relaxing each binding constraint of the knee would buy</h3>${htmlTable(v.relaxation.headers, v.relaxation.rows, 'relaxation')}<p class="note">${esc(v.relaxation.note)}</p>`,
    );
  const plot = model.plots.find((p) => p.id === 'front-knee');
  if (plot) parts.push(figure(plot));
  if (v.references.length) {
    parts.push(
      `<h3>Reference designs</h3><ul>${v.references.map((r) => `<li><strong>${esc(r.label)}</strong>: ${esc(r.status)}</li>`).join('')}</ul>`,
    );
  }
  return section('decision-summary', parts.join('\n'));
}

/** Study definition and run bookkeeping (file hash, seed, counts, timings, versions): the report's last section. */
function studySummaryHtml(model: ReportModel): string {
  return section(
    'summary',
    `${kvTable(model.summary)}
<h3>Variables</h3>${htmlTable(
      ['variable', 'kind', 'bounds or choices', 'unit'],
      model.variables.map((v) => [v.name, v.kind, v.domain, v.unit]),
    )}
<h3>Objectives</h3>${htmlTable(
      ['objective', 'sense', 'unit'],
      model.objectives.map((o) => [o.name, o.sense, o.unit]),
    )}
<h3>Constraints</h3>${
      model.constraints.length
        ? htmlTable(
            ['constraint', 'kind', 'meaning'],
            model.constraints.map((c) => [c.name, c.kind, c.description]),
          )
        : '<p>None.</p>'
    }
<details><summary>Package versions</summary>${kvTable(model.packages)}</details>`,
  );
}

/** Plots drawn in their own sections; any other plot (constellation studies) goes to "Constellation". */
const OWN_SECTION_PLOTS = ['front-knee', 'objective-space', 'robust', 'parallel', 'waterfall', 'convergence'];

export function renderHtml(model: ReportModel): string {
  const { run } = model;
  const res = run.meta.result;
  const sections: string[] = [decisionSummaryHtml(model)];
  const picks = model.picks.length
    ? `<p class="note">Knee method: ${esc(model.kneeMethod)}.</p>${model.picks.map((p, i) => pickHtml(p, i === 0)).join('\n')}`
    : '<p><strong>No feasible design was found</strong>, so there is no knee and no best design.</p>';
  sections.push(section('decision', picks));
  if (model.robustness) sections.push(robustnessHtml(model.robustness));
  sections.push(...plotSectionsHtml(model), paretoTableHtml(model));
  const fails = failuresHtml(run.meta.result);
  if (fails !== null) sections.push(fails);
  if (model.notes.length)
    sections.push(section('notes', `<ul>${model.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>`));
  sections.push(studySummaryHtml(model));
  return htmlPage({
    title: model.title,
    leads: [
      ...(model.description ? [`<p class="lead">${esc(model.description)}</p>`] : []),
      `<p class="lead">Optimization report of the run folder <code>${esc(run.dir)}</code>: ${res?.evaluations ?? 0} evaluations, ${run.pareto.designs.length} Pareto designs.</p>`,
    ],
    nav: reportIndex(sections),
    body: sections,
    footer: `Generated by odc ${esc(run.meta.odcVersion)} from run.json, pareto.json and evaluations.csv. Plots are static SVG rendered with vega-lite ${esc(run.meta.packageVersions['vega-lite'] ?? '')}.`,
    script: SORT_JS,
  });
}

/** Plots that are not in their own section: the constellation study's (shells, links, gateways, launch, cost). */
const constellationPlots = (model: ReportModel): ReportModel['plots'] =>
  model.plots.filter((p) => !OWN_SECTION_PLOTS.includes(p.id));

/** The plot sections: objective space, robust front, parallel coordinates, waterfall, convergence, constellation. */
function plotSectionsHtml(model: ReportModel): string[] {
  const sections: string[] = [];
  sections.push(
    section(
      'objective-space',
      model.plots
        .filter((p) => p.id === 'objective-space')
        .map(figure)
        .join(''),
    ),
  );
  if (model.robust) {
    sections.push(
      section(
        'robust',
        `${figure(model.robust.plot)}
<p class="note">Robust value (the statistic over the common uncertainty samples) and nominal value of each Pareto design; click a column header to sort.</p>` +
          `<div class="scroll">${htmlTable(model.robust.table.headers, model.robust.table.rows, 'sortable')}</div>`,
      ),
    );
  }
  const par = model.plots.find((p) => p.id === 'parallel');
  sections.push(section('parallel', par ? figure(par) : '<p>No Pareto design: nothing to draw.</p>'));
  const fall = model.plots.find((p) => p.id === 'waterfall');
  if (fall) sections.push(section('waterfall', figure(fall)));
  const conv = model.plots.find((p) => p.id === 'convergence');
  sections.push(section('convergence', conv ? figure(conv) : '<p>No per-generation history in run.json.</p>'));
  // Constellation studies: the knee's shells, links, gateways, launch campaign and cost breakdown.
  const constellation = constellationPlots(model);
  if (constellation.length) {
    sections.push(
      section(
        'constellation',
        constellation.map((p) => `<h3 id="${esc(p.id)}">${esc(p.title)}</h3>${figure(p)}`).join('\n'),
      ),
    );
  }
  return sections;
}

/** The sortable Pareto table. */
function paretoTableHtml(model: ReportModel): string {
  return section(
    'pareto-table',
    model.table.rows.length
      ? `<p class="note">Click a column header to sort. All values also in pareto.csv (full precision) and pareto.json (with full design records).</p><div class="scroll">${htmlTable(model.table.headers, model.table.rows, 'sortable')}</div>`
      : '<p>None.</p>',
    ` (${model.table.rows.length})`,
  );
}

/** Failure reasons and the least-infeasible designs, or null when the run had neither. */
function failuresHtml(res: ReportModel['run']['meta']['result']): string | null {
  const fails: string[] = [];
  if (res && res.failureReasons.length)
    fails.push(
      `<h3>Failed evaluations (treated as infeasible)</h3>${htmlTable(
        ['reason', 'count [-]'],
        res.failureReasons.map((f) => [f.reason, String(f.count)]),
      )}`,
    );
  if (res && res.leastInfeasible.length) {
    fails.push(
      `<h3>Least-infeasible designs</h3>${htmlTable(
        ['evaluation [-]', 'violated constraints (g > 0, relative to the limit)'],
        res.leastInfeasible.map((d) => [
          String(d.index),
          d.violations.map((x) => `${x.name}: g = ${Number.isFinite(x.g) ? x.g.toFixed(3) : 'failed'}`).join('; '),
        ]),
      )}`,
    );
  }
  return fails.length ? section('failures', fails.join('\n')) : null;
}

/** The section index: the sections of REPORT_SECTIONS the report has drawn, in their order. */
function reportIndex(sections: readonly string[]): { id: string; text: string }[] {
  return sections
    .map((html) => /^<section id="([^"]+)">/.exec(html)?.[1] ?? '')
    .filter(isReportSection)
    .map((id) => ({ id, text: REPORT_SECTIONS[id].index }));
}

/**
 * The self-contained page every HTML report uses: strict Content-Security-Policy (inline style, inline script only
 * when the page has one, data: images), title, lead paragraphs (HTML), a section index, the body and a footer (HTML).
 */
export function htmlPage(
  p: Readonly<{
    title: string;
    leads: readonly string[];
    nav: readonly { id: string; text: string }[];
    body: readonly string[];
    footer: string;
    script?: string;
  }>,
): string {
  const csp = `default-src 'none'; style-src 'unsafe-inline';${p.script !== undefined ? " script-src 'unsafe-inline';" : ''} img-src data:`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>odc report: ${esc(p.title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>${esc(p.title)}</h1>
${p.leads.join('\n')}
<nav>${p.nav.map((h) => `<a href="#${esc(h.id)}">${esc(h.text)}</a>`).join('')}</nav>
${p.body.join('\n')}
<footer>${p.footer}</footer>
</main>
${p.script !== undefined ? `<script>${p.script}</script>\n` : ''}</body>
</html>
`;
}
