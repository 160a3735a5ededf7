import { describe, expect, it } from 'vitest';
import {
  constellationSection,
  convergenceSection,
  objectiveSpaceSection,
  parallelSection,
  robustFrontSection,
  waterfallSection,
} from '../../../src/report/sections/plots.js';
import { fig, p, plot, reportModel } from './reportModel.js';

const section = (id: string, heading: string, blocks: unknown[], nav = heading) => ({
  kind: 'section',
  id,
  heading,
  nav,
  blocks,
});

/** Every plot drawn in a section of its own, each under its id. */
const OWN = ['front-knee', 'objective-space', 'robust', 'parallel', 'waterfall', 'convergence'].map((id) => plot(id));
const withOwn = reportModel({ plots: OWN });
const own = (id: string) => OWN.find((x) => x.id === id)!;

describe('the plot sections of the run report', () => {
  it('objective space: its plot, or an empty section', () => {
    expect(objectiveSpaceSection(withOwn)).toStrictEqual(
      section('objective-space', 'Objective space', [fig(own('objective-space'))]),
    );
    expect(objectiveSpaceSection(reportModel())).toStrictEqual(section('objective-space', 'Objective space', []));
  });

  it('parallel coordinates: its plot, or why there is none', () => {
    const heading = 'Pareto set across variables and objectives';
    expect(parallelSection(withOwn)).toStrictEqual(
      section('parallel', heading, [fig(own('parallel'))], 'Parallel coordinates'),
    );
    expect(parallelSection(reportModel())).toStrictEqual(
      section('parallel', heading, [p('No Pareto design: nothing to draw.')], 'Parallel coordinates'),
    );
  });

  it('waterfall: its plot, or no section', () => {
    expect(waterfallSection(withOwn)).toStrictEqual(section('waterfall', 'Delivered compute', [fig(own('waterfall'))]));
    expect(waterfallSection(reportModel())).toBeNull();
  });

  it('convergence: its plot, or why there is none', () => {
    expect(convergenceSection(withOwn)).toStrictEqual(section('convergence', 'Convergence', [fig(own('convergence'))]));
    expect(convergenceSection(reportModel())).toStrictEqual(
      section('convergence', 'Convergence', [p('No per-generation history in run.json.')]),
    );
  });

  it('robust front: the plot, a note and the long table of robust and nominal values; none for a nominal study', () => {
    expect(robustFrontSection(reportModel())).toBeNull();
    const table = { headers: ['design', 'cost (robust)'], rows: [['1', '12']] };
    const robust = { summary: [], plot: plot('robust'), table };
    expect(robustFrontSection(reportModel({ robust }))).toStrictEqual(
      section(
        'robust',
        'Robust front and nominal values',
        [
          fig(robust.plot),
          p(
            'Robust value (the statistic over the common uncertainty samples) and nominal value of each Pareto design.',
            'note',
          ),
          { kind: 'table', ...table, long: { more: 'all are in report.html and pareto.json.' } },
        ],
        'Robust vs nominal',
      ),
    );
  });

  it('constellation: every other plot under its title and id, in order; none when there is no other plot', () => {
    expect(constellationSection(withOwn)).toBeNull();
    const shells = plot('shells', 'Shells');
    const links = plot('links', 'Links');
    expect(constellationSection(reportModel({ plots: [shells, ...OWN, links] }))).toStrictEqual(
      section('constellation', 'Constellation', [
        { kind: 'heading', level: 3, text: 'Shells', id: 'shells' },
        fig(shells),
        { kind: 'heading', level: 3, text: 'Links', id: 'links' },
        fig(links),
      ]),
    );
  });
});
