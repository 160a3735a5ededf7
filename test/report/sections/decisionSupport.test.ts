import { describe, expect, it } from 'vitest';
import type { PickView } from '../../../src/report/document/model.js';
import { decisionSupportSection } from '../../../src/report/sections/decisionSupport.js';
import { blocksOf, h3, p, pickView, reportModel } from './reportModel.js';

const section = (blocks: unknown[]) => ({
  kind: 'section',
  id: 'decision',
  heading: 'Decision support: knee and best designs',
  nav: 'Decision support',
  blocks,
});

const columns = {
  kind: 'columns',
  columns: [
    [{ kind: 'table', headers: ['objective', 'value', 'unit', 'sense'], rows: [['cost', '12', 'USD', 'minimize']] }],
    [{ kind: 'table', headers: ['variable', 'value', 'unit'], rows: [['chips', '200', '-']] }],
  ],
};

const record = (over: Partial<PickView['recordConstraints'][number]>): PickView['recordConstraints'][number] => ({
  name: 'mass',
  label: 'mass',
  value: 1000,
  limit: 1010,
  sense: '<=',
  unit: 'kg',
  satisfied: true,
  margin: 0.0099,
  enforced: true,
  description: 'mass limit',
  role: '',
  binding: false,
  ...over,
});

const budget = [{ title: 'Mass', rows: [{ label: 'dry', value: '1,000', unit: 'kg' }] }];

const NOTHING_BINDS = [
  { strong: 'Binds' },
  ' (relative margin ≤ 2 %): ',
  { mark: 'no constraint within 2.0 %, no variable at a bound' },
  '.',
];

describe('decisionSupportSection (knee and best designs)', () => {
  it('without a pick says that no feasible design was found', () => {
    expect(decisionSupportSection(reportModel())).toStrictEqual(
      section([p([{ strong: 'No feasible design was found' }, ', so there is no knee and no best design.'])]),
    );
  });

  it('writes each pick: objectives beside variables, sizing, binding, checks, g values and its budget', () => {
    const knee = pickView('knee', 5, {
      binding: {
        constraints: [{ name: 'mass', margin: 0.0099 }],
        bounds: [],
        tightest: [],
        sizedTo: [{ name: 'power.arrayArea', value: 878, unit: 'm²', requirement: 'the demand' }],
      },
      recordConstraints: [
        record({ role: 'binding', binding: true }),
        record({
          name: 'thermal',
          label: 'thermal',
          value: 0.5,
          limit: 2,
          sense: '>=',
          unit: '-',
          satisfied: false,
          margin: -0.75,
          enforced: false,
        }),
        record({ name: 'power', label: 'power', value: 3, limit: 4, margin: 0.25, enforced: false }),
        record({ name: 'volume', label: 'volume', value: 3, limit: 4, margin: 0.25, role: 'sized to' }),
      ],
      studyConstraints: [
        { name: 'g1', g: 0, binding: true, role: 'binding' },
        { name: 'g2', g: -0.5, binding: false, role: 'sized to' },
      ],
      budget,
    });
    const best = pickView('best cost', 8, {
      studyConstraints: [{ name: 'g3', g: -0.25, binding: false, role: '' }],
      budget,
    });
    const model = reportModel({
      kneeMethod: 'largest distance',
      picks: [knee, pickView('best mass', 5, { sameAs: 'knee' }), best, pickView('best power', 9)],
    });
    expect(decisionSupportSection(model)).toStrictEqual(
      section([
        p('Knee method: largest distance.', 'note'),
        {
          kind: 'group',
          emphasis: true,
          blocks: [
            h3('knee: design 5'),
            columns,
            p([{ strong: 'Sized to' }, ': power.arrayArea 878 m² (to the demand).']),
            p([{ strong: 'Binds' }, ' (relative margin ≤ 2 %): ', { mark: 'mass (margin 1.0 %)' }, '.']),
            {
              kind: 'table',
              headers: ['constraint', 'value', 'limit', 'unit', 'margin [%]', 'kind', 'status'],
              rows: [
                ['mass', '1,000', '<= 1,010', 'kg', '1.0', 'enforced', 'ok, binding'],
                ['thermal', '0.5', '>= 2', '-', '-75.0', 'check', 'VIOLATED'],
                ['power', '3', '<= 4', 'kg', '25.0', 'check', 'ok (not enforced)'],
                ['volume', '3', '<= 4', 'kg', '25.0', 'enforced', 'ok, sized to'],
              ],
              marked: [true, false, false, false],
            },
            {
              kind: 'table',
              headers: ['study constraint (g ≤ 0 satisfied, scaled by |limit|)', 'g [-]', 'binding'],
              rows: [
                ['g1', '0', 'yes'],
                ['g2', '-0.5', 'sized to'],
              ],
              marked: [true, false],
            },
            {
              kind: 'details',
              summary: 'Full budget of design 5',
              open: true,
              blocks: [{ kind: 'budget', sections: budget }],
            },
          ],
        },
        { kind: 'group', blocks: [h3('best mass: design 5'), p(['Same design as ', { em: 'knee' }, ' above.'])] },
        {
          kind: 'group',
          emphasis: false,
          blocks: [
            h3('best cost: design 8'),
            columns,
            p(NOTHING_BINDS),
            {
              kind: 'table',
              headers: ['study constraint (g ≤ 0 satisfied, scaled by |limit|)', 'g [-]', 'binding'],
              rows: [['g3', '-0.25', '']],
              marked: [false],
            },
            {
              kind: 'details',
              summary: 'Full budget of design 8',
              open: false,
              blocks: [{ kind: 'budget', sections: budget }],
            },
          ],
        },
        { kind: 'group', emphasis: false, blocks: [h3('best power: design 9'), columns] },
      ]),
    );
  });

  it('a design with record checks only states what binds it, and a non-knee first pick unfolds its budget', () => {
    const only = pickView('best mass', 2, { recordConstraints: [record({})], budget });
    const [, group] = blocksOf(decisionSupportSection(reportModel({ picks: [only] })));
    expect(group?.kind === 'group' && group.blocks.slice(2)).toStrictEqual([
      p(NOTHING_BINDS),
      {
        kind: 'table',
        headers: ['constraint', 'value', 'limit', 'unit', 'margin [%]', 'kind', 'status'],
        rows: [['mass', '1,000', '<= 1,010', 'kg', '1.0', 'enforced', 'ok']],
        marked: [false],
      },
      {
        kind: 'details',
        summary: 'Full budget of design 2',
        open: true,
        blocks: [{ kind: 'budget', sections: budget }],
      },
    ]);
  });
});
