/**
 * The run report's plot sections, derived from the plot catalogue (../plots/catalogue.ts `RUN_PLOTS`): each plot with
 * a section of its own under its heading, in the catalogue's order; then (constellation studies) the catalogue's
 * `CONSTELLATION_PLOTS` drawn under one "Constellation" heading, one subheading each.
 */
import { section, type Block } from '../document/blocks.js';
import type { ReportModel } from '../document/model.js';
import { CONSTELLATION_PLOTS, gatheredPlots, plotSection, RUN_PLOTS, titledFigures } from '../plots/catalogue.js';

/** One section per catalogue plot that has its own, in the catalogue's order. */
export const PLOT_SECTIONS: readonly ((model: ReportModel) => Block | null)[] = RUN_PLOTS.filter(
  (e) => typeof e.section !== 'string',
).map((e) => (model: ReportModel) => plotSection(e, model.plots));

export function constellationSection(model: ReportModel): Block | null {
  const plots = gatheredPlots(CONSTELLATION_PLOTS, 'constellation', model.plots);
  return plots.length ? section('constellation', 'Constellation', titledFigures(plots)) : null;
}
