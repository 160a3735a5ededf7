/**
 * The sections of report.html and report.md, and the parts they are made of: a plot with its caption (and an optional
 * table), a label–value row.
 */

/**
 * The report's sections in their order: the anchor, the heading both reports print and the label of report.html's
 * index. A section is drawn when the run has what it shows; the index lists the sections drawn. Adding a section: an
 * entry here, then what it shows in ./model.ts and its HTML and Markdown in ./html.ts and ./markdown.ts.
 */
export const REPORT_SECTIONS = {
  'decision-summary': { heading: 'Recommended designs', index: 'Recommended' },
  decision: { heading: 'Decision support: knee and best designs', index: 'Decision support' },
  robustness: { heading: 'Margins and robustness of the recommended designs', index: 'Margins' },
  'objective-space': { heading: 'Objective space', index: 'Objective space' },
  robust: { heading: 'Robust front and nominal values', index: 'Robust vs nominal' },
  parallel: { heading: 'Pareto set across variables and objectives', index: 'Parallel coordinates' },
  waterfall: { heading: 'Delivered compute', index: 'Delivered compute' },
  convergence: { heading: 'Convergence', index: 'Convergence' },
  constellation: { heading: 'Constellation', index: 'Constellation' },
  'pareto-table': { heading: 'Pareto designs', index: 'Pareto table' },
  failures: { heading: 'Failures and infeasibility', index: 'Failures' },
  notes: { heading: 'Notes', index: 'Notes' },
  summary: { heading: 'Study and run', index: 'Study and run' },
} as const;
export type ReportSectionId = keyof typeof REPORT_SECTIONS;
export const isReportSection = (id: string): id is ReportSectionId => id in REPORT_SECTIONS;

export interface ReportPlot {
  readonly id: string;
  readonly file: string;
  readonly title: string;
  readonly caption: string;
  readonly svg: string;
  /** A table shown under the plot (e.g. the closest conjunctions). */
  readonly table?: { readonly headers: readonly string[]; readonly rows: readonly (readonly string[])[] };
}

export interface KeyValue {
  readonly label: string;
  readonly value: string;
}
