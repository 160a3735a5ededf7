/**
 * report.md: the same content as report.html for GitHub, with the plots as .svg files beside it.
 * User strings are escaped for Markdown (and for the inline HTML GitHub would otherwise render).
 */
import { fmt } from '../../base/numberFormat.js';
import { mdEscape, mdTable } from './markdownText.js';
import { robustnessMarkdown } from '../decision/robustness.js';
import { constraintStatus, type PickView, type ReportModel } from './model.js';
import { designBindingText, sizedToText } from '../../run/binding.js';
import { isReportSection, REPORT_SECTIONS, type ReportSectionId } from './reportParts.js';

/** Maximum Pareto rows in report.md (all rows are in report.html and pareto.csv). */
export const MD_TABLE_ROWS = 100;

function pickMd(v: PickView): string[] {
  const { pick } = v;
  const out = [`### ${mdEscape(pick.label)}: design ${pick.design.index}`, ''];
  if (v.sameAs) return [...out, `Same design as *${mdEscape(v.sameAs)}* above.`, ''];
  out.push(
    mdTable(
      ['objective', 'value', 'unit', 'sense'],
      v.objectives.map((o) => [o.name, o.value, o.unit, o.sense]),
      [false, true],
    ),
    '',
  );
  out.push(
    mdTable(
      ['variable', 'value', 'unit'],
      v.variables.map((x) => [x.name, x.value, x.unit]),
      [false, true],
    ),
    '',
  );
  out.push(...pickConstraintsMd(v), ...pickBudgetMd(v));
  return out;
}

/** The pick's physical checks with margins (binding ones named first) and its study constraints' g values. */
function pickConstraintsMd(v: PickView): string[] {
  const out: string[] = [];
  if (v.recordConstraints.length || v.studyConstraints.length) {
    const sized = sizedToText(v.binding, fmt);
    if (sized !== null) out.push(`**Sized to**: ${mdEscape(sized)}.`, '');
    out.push(`**Binds** (relative margin ≤ 2 %): ${mdEscape(designBindingText(v.binding, fmt))}.`, '');
  }
  if (v.recordConstraints.length) {
    out.push(
      mdTable(
        ['constraint', 'value', 'limit', 'unit', 'margin [%]', 'kind', 'status'],
        v.recordConstraints.map((c) => [
          c.label,
          fmt(c.value),
          `${c.sense} ${fmt(c.limit)}`,
          c.unit,
          (100 * c.margin).toFixed(1),
          c.enforced ? 'enforced' : 'check',
          constraintStatus(c),
        ]),
        [false, true, true, false, true],
      ),
      '',
    );
  }
  if (v.studyConstraints.length) {
    out.push(
      mdTable(
        ['study constraint (g ≤ 0 satisfied)', 'g [-]', 'binding'],
        v.studyConstraints.map((c) => [c.name, fmt(c.g), c.binding ? 'yes' : c.role]),
        [false, true],
      ),
      '',
    );
  }
  return out;
}

/** The pick's full budget, folded. */
function pickBudgetMd(v: PickView): string[] {
  const out: string[] = [];
  if (v.budget.length) {
    out.push('<details><summary>Full budget</summary>', '');
    for (const s of v.budget) {
      out.push(
        `**${mdEscape(s.title)}**`,
        '',
        mdTable(
          ['quantity', 'value', 'unit', 'note'],
          s.rows.map((r) => [r.label, r.value, r.unit, r.note ?? '']),
          [false, true],
        ),
        '',
      );
    }
    out.push('</details>', '');
  }
  return out;
}

/**
 * The opening section (as report.html's): the answer, the designs, the terrestrial verdict, what binds, the front plot,
 * the references.
 */
function decisionSummaryMd(model: ReportModel): string[] {
  const v = model.decisionView;
  const out = heading('decision-summary');
  if (v.headline !== null) out.push(`**${mdEscape(v.headline)}**`, '');
  if (v.empty !== null) out.push(`**${mdEscape(v.empty)}**`, '');
  if (v.designs)
    out.push(
      mdTable(
        v.designs.headers,
        v.designs.rows,
        v.designs.headers.map((h, j) => j >= 2 && h !== 'shells'),
      ),
      '',
    );
  if (v.verdicts)
    out.push(
      '### Against terrestrial data centers',
      '',
      mdTable(v.verdicts.headers, v.verdicts.rows),
      '',
      mdEscape(v.verdictNote ?? ''),
      '',
    );
  out.push(...costAndBindingMd(model));
  const plot = model.plots.find((p) => p.id === 'front-knee');
  if (plot) out.push(`![${mdEscape(plot.title)}](${plot.file})`, '', mdEscape(plot.caption), '');
  if (v.references.length)
    out.push(
      '### Reference designs',
      '',
      ...v.references.map((r) => `- **${mdEscape(r.label)}**: ${mdEscape(r.status)}`),
      '',
    );
  return out;
}

/** The first screen's cost breakdown of the knee, what binds, and what relaxing each binding constraint buys. */
function costAndBindingMd(model: ReportModel): string[] {
  const v = model.decisionView;
  const out: string[] = [];
  if (model.cost)
    out.push(
      '### Where the cost is',
      '',
      `**${mdEscape(model.cost.title)}**`,
      '',
      mdTable(
        ['quantity', 'value', 'unit', 'note'],
        model.cost.rows.map((r) => [r.label, r.value, r.unit, r.note ?? '']),
        [false, true],
      ),
      '',
    );
  if (v.binding.length || v.front.length) {
    out.push('### What binds', '', ...v.binding.map((b) => `- ${mdEscape(b)}`), '');
    out.push(
      ...(v.front.length
        ? ['The front as a whole:', '', ...v.front.map((b) => `- ${mdEscape(b)}`)]
        : ['No Pareto design is held by a constraint or a bound.']),
      '',
    );
    out.push(mdEscape(v.bindingRule), '');
  }
  if (v.relaxation)
    out.push(
      '### What relaxing each binding constraint of the knee would buy',
      '',
      mdTable(v.relaxation.headers, v.relaxation.rows),
      '',
      mdEscape(v.relaxation.note),
      '',
    );
  return out;
}

/** A plot's heading: its section's, or (a constellation study's plots) `Constellation: <title>`. */
const plotHeading = (id: string, title: string): string =>
  isReportSection(id) ? REPORT_SECTIONS[id].heading : `${REPORT_SECTIONS.constellation.heading}: ${title}`;

/** A section's heading line of REPORT_SECTIONS (with `suffix`) and the blank line after it. */
const heading = (id: ReportSectionId, suffix = ''): string[] => [`## ${REPORT_SECTIONS[id].heading}${suffix}`, ''];

export function renderMarkdown(model: ReportModel): string {
  const { run } = model;
  const res = run.meta.result;
  const out: string[] = [`# ${mdEscape(model.title)}`, ''];
  if (model.description) out.push(`*${mdEscape(model.description)}*`, '');
  out.push(
    `Optimization report: ${res?.evaluations ?? 0} evaluations, ${run.pareto.designs.length} Pareto designs. The self-contained [report.html](report.html) has the same content with a sortable table.`,
    '',
  );
  out.push(...decisionSummaryMd(model));
  out.push(...heading('decision'));
  if (model.picks.length) {
    out.push(`Knee method: ${mdEscape(model.kneeMethod)}.`, '');
    for (const v of model.picks) out.push(...pickMd(v));
  } else out.push('**No feasible design was found**, so there is no knee and no best design.', '');
  out.push(...robustnessMarkdown(model.robustness), ...plotsMd(model), ...paretoTableMd(model), ...failuresMd(model));
  if (model.notes.length) out.push(...heading('notes'), ...model.notes.map((n) => `- ${mdEscape(n)}`), '');
  out.push(...studyAndRunMd(model));
  out.push(`---`, `Generated by odc ${mdEscape(run.meta.odcVersion)}.`, '');
  return out.join('\n');
}

/** Every plot but the front (shown in the opening section), with its caption and table. */
function plotsMd(model: ReportModel): string[] {
  const out: string[] = [];
  for (const p of model.plots) {
    if (p.id === 'front-knee') continue;
    out.push(`## ${plotHeading(p.id, p.title)}`, '', `![${mdEscape(p.title)}](${p.file})`, '', mdEscape(p.caption), '');
    if (p.table) out.push(mdTable(p.table.headers, p.table.rows), '');
    if (p.id === 'robust' && model.robust) {
      const t = model.robust.table;
      const numeric = t.headers.map((_, j) => t.rows.every((r) => /^[-−]?[\d,.]+(e[+-]?\d+)?$/.test(r[j] ?? '')));
      out.push(mdTable(t.headers, t.rows.slice(0, MD_TABLE_ROWS), numeric), '');
      if (t.rows.length > MD_TABLE_ROWS)
        out.push(`First ${MD_TABLE_ROWS} of ${t.rows.length} designs; all are in report.html and pareto.json.`, '');
    }
  }
  return out;
}

/** The Pareto table, its first MD_TABLE_ROWS rows. */
function paretoTableMd(model: ReportModel): string[] {
  const out: string[] = [];
  const rows = model.table.rows;
  out.push(...heading('pareto-table', ` (${rows.length})`));
  if (rows.length) {
    const numeric = model.table.headers.map((_, j) => rows.every((r) => /^[-−]?[\d,.]+(e[+-]?\d+)?$/.test(r[j] ?? '')));
    out.push(mdTable(model.table.headers, rows.slice(0, MD_TABLE_ROWS), numeric), '');
    if (rows.length > MD_TABLE_ROWS)
      out.push(
        `First ${MD_TABLE_ROWS} of ${rows.length} designs; all are in [pareto.csv](pareto.csv) and report.html.`,
        '',
      );
  } else out.push('None.', '');
  return out;
}

/** Failure reasons and the least-infeasible designs, when the run had any. */
function failuresMd(model: ReportModel): string[] {
  const out: string[] = [];
  const res = model.run.meta.result;
  if (res && (res.failureReasons.length || res.leastInfeasible.length)) {
    out.push(...heading('failures'));
    if (res.failureReasons.length)
      out.push(
        mdTable(
          ['failure reason', 'count [-]'],
          res.failureReasons.map((f) => [f.reason, String(f.count)]),
          [false, true],
        ),
        '',
      );
    if (res.leastInfeasible.length) {
      out.push(
        'Least-infeasible designs:',
        '',
        mdTable(
          ['evaluation [-]', 'violated constraints (g > 0, relative to the limit)'],
          res.leastInfeasible.map((d) => [
            String(d.index),
            d.violations.map((x) => `${x.name}: g = ${Number.isFinite(x.g) ? x.g.toFixed(3) : 'failed'}`).join('; '),
          ]),
        ),
        '',
      );
    }
  }
  return out;
}

/** The study and run: summary, variables, objectives, constraints and package versions. */
function studyAndRunMd(model: ReportModel): string[] {
  const out: string[] = [];
  out.push(
    ...heading('summary'),
    mdTable(
      ['item', 'value'],
      model.summary.map((k) => [k.label, k.value]),
    ),
    '',
  );
  out.push(
    '### Variables',
    '',
    mdTable(
      ['variable', 'kind', 'bounds or choices', 'unit'],
      model.variables.map((v) => [v.name, v.kind, v.domain, v.unit]),
    ),
    '',
  );
  out.push(
    '### Objectives',
    '',
    mdTable(
      ['objective', 'sense', 'unit'],
      model.objectives.map((o) => [o.name, o.sense, o.unit]),
    ),
    '',
  );
  out.push(
    '### Constraints',
    '',
    model.constraints.length
      ? mdTable(
          ['constraint', 'kind', 'meaning'],
          model.constraints.map((c) => [c.name, c.kind, c.description]),
        )
      : 'None.',
    '',
  );
  out.push(
    '<details><summary>Package versions</summary>',
    '',
    mdTable(
      ['package', 'version'],
      model.packages.map((p) => [p.label, p.value]),
    ),
    '',
    '</details>',
    '',
  );
  return out;
}
