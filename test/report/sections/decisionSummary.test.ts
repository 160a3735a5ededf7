import { describe, expect, it } from 'vitest';
import { decisionSummarySection } from '../../../src/report/sections/decisionSummary.js';
import { EMPTY_VIEW, fig, h3, p, plot, reportModel } from './reportModel.js';

const section = (blocks: unknown[]) => ({
  kind: 'section',
  id: 'decision-summary',
  heading: 'Recommended designs',
  nav: 'Recommended',
  blocks,
});

describe('decisionSummarySection (the run report opens with the answer)', () => {
  it('writes the designs, verdicts, cost, what binds, relaxation, the front plot and references in order', () => {
    const frontKnee = plot('front-knee');
    const cost = { title: 'Knee cost', rows: [{ label: 'launch', value: '3', unit: 'MUSD' }] };
    const model = reportModel({
      plots: [plot('objective-space'), frontKnee],
      cost,
      decisionView: {
        ...EMPTY_VIEW,
        standing: ['Smallest margin 2 % on mass.'],
        designs: { headers: ['design'], rows: [['4']] },
        verdicts: { headers: ['verdict'], rows: [['cheaper']] },
        verdictNote: 'against 2025 prices',
        binding: ['design 4: binds mass'],
        front: ['mass holds 3 of 5'],
        bindingRule: 'within 2 %',
        relaxation: { table: { headers: ['relax'], rows: [['mass +10 %']] }, note: 'by re-optimizing' },
        references: [{ label: 'ai1', status: 'dominated' }],
      },
    });
    expect(decisionSummarySection(model)).toStrictEqual(
      section([
        { kind: 'table', headers: ['design'], rows: [['4']], className: 'recommended' },
        h3('Against terrestrial data centers'),
        { kind: 'table', headers: ['verdict'], rows: [['cheaper']], className: 'verdicts' },
        p('against 2025 prices', 'note'),
        h3('Where the cost is'),
        { kind: 'budget', sections: [cost] },
        h3('What binds'),
        p('Smallest margin 2 % on mass.'),
        { kind: 'list', items: ['design 4: binds mass'] },
        p('The front as a whole:'),
        { kind: 'list', items: ['mass holds 3 of 5'] },
        p('within 2 %', 'note'),
        h3('What relaxing each binding constraint of the knee buys'),
        { kind: 'table', headers: ['relax'], rows: [['mass +10 %']], className: 'relaxation' },
        p('by re-optimizing', 'note'),
        fig(frontKnee),
        h3('Reference designs'),
        { kind: 'list', items: [[{ strong: 'ai1' }, ': dominated']] },
      ]),
    );
  });

  it('without a feasible design says so, and nothing else', () => {
    const model = reportModel({ decisionView: { ...EMPTY_VIEW, empty: 'No feasible design.' } });
    expect(decisionSummarySection(model)).toStrictEqual(section([p('No feasible design.', 'strong')]));
    expect(decisionSummarySection(reportModel())).toStrictEqual(section([]));
  });

  it('says when no Pareto design is held, and writes what binds when only the front is held', () => {
    const designs = reportModel({ decisionView: { ...EMPTY_VIEW, binding: ['design 1: nothing binds'] } });
    expect(decisionSummarySection(designs)).toStrictEqual(
      section([
        h3('What binds'),
        { kind: 'list', items: ['design 1: nothing binds'] },
        p('No Pareto design is held by a constraint or a bound.'),
        p('rule', 'note'),
      ]),
    );
    const front = reportModel({ decisionView: { ...EMPTY_VIEW, front: ['bound chips'] } });
    expect(decisionSummarySection(front)).toStrictEqual(
      section([
        h3('What binds'),
        { kind: 'list', items: [] },
        p('The front as a whole:'),
        { kind: 'list', items: ['bound chips'] },
        p('rule', 'note'),
      ]),
    );
  });

  it('verdicts without a note get an empty note', () => {
    const model = reportModel({
      decisionView: { ...EMPTY_VIEW, verdicts: { headers: ['v'], rows: [] } },
    });
    expect(decisionSummarySection(model)).toStrictEqual(
      section([
        h3('Against terrestrial data centers'),
        { kind: 'table', headers: ['v'], rows: [], className: 'verdicts' },
        p('', 'note'),
      ]),
    );
  });
});
