/**
 * The run report's plot sections: objective space, the robust front beside its nominal values, parallel coordinates,
 * the knee's delivered-compute waterfall, convergence, and (constellation studies) the knee's shells, links,
 * gateways, launch campaign and cost, one heading each.
 */
import { figure, heading3, note, paragraph, section, table, type Block } from '../document/blocks.js';
import type { ReportModel } from '../document/model.js';

/** Plots drawn in a section of their own; any other plot (a constellation study's) goes to "Constellation". */
const OWN_SECTION_PLOTS = ['front-knee', 'objective-space', 'robust', 'parallel', 'waterfall', 'convergence'];

const plotOf = (model: ReportModel, id: string) => model.plots.find((p) => p.id === id);

export function objectiveSpaceSection(model: ReportModel): Block {
  const plot = plotOf(model, 'objective-space');
  return section('objective-space', 'Objective space', plot ? [figure(plot)] : []);
}

export function robustFrontSection(model: ReportModel): Block | null {
  if (!model.robust) return null;
  const t = model.robust.table;
  return section(
    'robust',
    'Robust front and nominal values',
    [
      figure(model.robust.plot),
      note('Robust value (the statistic over the common uncertainty samples) and nominal value of each Pareto design.'),
      table(t.headers, t.rows, { long: { more: 'all are in report.html and pareto.json.' } }),
    ],
    'Robust vs nominal',
  );
}

export function parallelSection(model: ReportModel): Block {
  const plot = plotOf(model, 'parallel');
  return section(
    'parallel',
    'Pareto set across variables and objectives',
    [plot ? figure(plot) : paragraph('No Pareto design: nothing to draw.')],
    'Parallel coordinates',
  );
}

export function waterfallSection(model: ReportModel): Block | null {
  const plot = plotOf(model, 'waterfall');
  return plot ? section('waterfall', 'Delivered compute', [figure(plot)]) : null;
}

export function convergenceSection(model: ReportModel): Block {
  const plot = plotOf(model, 'convergence');
  return section('convergence', 'Convergence', [
    plot ? figure(plot) : paragraph('No per-generation history in run.json.'),
  ]);
}

export function constellationSection(model: ReportModel): Block | null {
  const plots = model.plots.filter((p) => !OWN_SECTION_PLOTS.includes(p.id));
  return plots.length
    ? section(
        'constellation',
        'Constellation',
        plots.flatMap((p) => [heading3(p.title, p.id), figure(p)]),
      )
    : null;
}
