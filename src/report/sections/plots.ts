/**
 * The run report's plot sections, derived from the plot catalogue (../plots/catalogue.ts `RUN_PLOTS`): each plot with
 * a section of its own under its heading, in the catalogue's order; then (constellation studies) the plots of the
 * knee's shells, links, gateways, launch campaign and cost under one "Constellation" heading, one subheading each.
 */
import { section, type Block } from '../document/blocks.js';
import type { ReportModel } from '../document/model.js';
import { plotSection, RUN_PLOTS, titledFigures } from '../plots/catalogue.js';

/** One section per catalogue plot that has its own, in the catalogue's order. */
export const PLOT_SECTIONS: readonly ((model: ReportModel) => Block | null)[] = RUN_PLOTS.filter(
  (e) => typeof e.section !== 'string',
).map((e) => (model: ReportModel) => plotSection(e, model.plots));

export function constellationSection(model: ReportModel): Block | null {
  const plots = model.plots.filter((p) => !RUN_PLOTS.some((e) => e.id === p.id));
  return plots.length ? section('constellation', 'Constellation', titledFigures(plots)) : null;
}
