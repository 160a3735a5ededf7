import { describe, expect, it } from 'vitest';
import { constellationSection, PLOT_SECTIONS } from '../../../src/report/sections/plots.js';
import { RUN_PLOTS } from '../../../src/report/plots/catalogue.js';
import { note } from '../../../src/report/document/blocks.js';
import { fig, p, plot, reportModel } from './reportModel.js';

const section = (id: string, heading: string, blocks: unknown[], nav = heading) => ({
  kind: 'section',
  id,
  heading,
  nav,
  blocks,
});

/** Every plot of the run report's catalogue, each under its id. */
const OWN = RUN_PLOTS.map((e) => plot(e.id));
const withOwn = reportModel({ plots: OWN });
const own = (id: string) => OWN.find((x) => x.id === id)!;
/** The plot sections of a model, by id. */
const sections = (model: ReturnType<typeof reportModel>) =>
  new Map(PLOT_SECTIONS.flatMap((s) => s(model) ?? []).map((b) => [(b as { id: string }).id, b]));

describe('the plot sections of the run report', () => {
  it('one section per catalogue plot with its own, in the catalogue order; front-knee is the summary’s', () => {
    expect([...sections(withOwn).keys()]).toEqual(RUN_PLOTS.filter((e) => e.id !== 'front-knee').map((e) => e.id));
  });

  it('each drawn plot is the figure of its section, under the heading and nav the catalogue gives', () => {
    const s = sections(withOwn);
    expect(s.get('objective-space')).toStrictEqual(
      section('objective-space', 'Objective space', [fig(own('objective-space'))]),
    );
    expect(s.get('parallel')).toStrictEqual(
      section('parallel', 'Pareto set across variables and objectives', [fig(own('parallel'))], 'Parallel coordinates'),
    );
    expect(s.get('waterfall')).toStrictEqual(section('waterfall', 'Delivered compute', [fig(own('waterfall'))]));
    expect(s.get('convergence')).toStrictEqual(section('convergence', 'Convergence', [fig(own('convergence'))]));
  });

  it('a plot not drawn: an empty section, a paragraph saying why, or no section', () => {
    const s = sections(reportModel());
    expect(s.get('objective-space')).toStrictEqual(section('objective-space', 'Objective space', []));
    expect(s.get('parallel')).toStrictEqual(
      section(
        'parallel',
        'Pareto set across variables and objectives',
        [p('No Pareto design: nothing to draw.')],
        'Parallel coordinates',
      ),
    );
    expect(s.get('convergence')).toStrictEqual(
      section('convergence', 'Convergence', [p('No per-generation history in run.json.')]),
    );
    expect(s.has('waterfall')).toBe(false);
    expect(s.has('robust')).toBe(false);
  });

  it('a plot with blocks of its own (the robust front: a note and a table) shows them under its figure', () => {
    const extra = [note('under the plot')];
    const robust = { ...plot('robust'), blocks: extra };
    expect(sections(reportModel({ plots: [robust] })).get('robust')).toStrictEqual(
      section('robust', 'Robust front and nominal values', [fig(robust), ...extra], 'Robust vs nominal'),
    );
  });

  it('constellation: the catalogue constellation plots drawn, under their titles and ids, in order; none without', () => {
    expect(constellationSection(withOwn)).toBeNull();
    const shells = plot('shell-planes', 'Shells');
    const links = plot('link-graph', 'Links');
    expect(constellationSection(reportModel({ plots: [shells, ...OWN, links] }))).toStrictEqual(
      section('constellation', 'Constellation', [
        { kind: 'heading', level: 3, text: 'Shells', id: 'shell-planes' },
        fig(shells),
        { kind: 'heading', level: 3, text: 'Links', id: 'link-graph' },
        fig(links),
      ]),
    );
  });
});
