/**
 * The run report's decision support: for the knee and each best-per-objective design, its objectives and variables,
 * what it is sized to and what binds it, its physical checks with margins, its study constraints' g values and its
 * full budget (unfolded for the first design in report.html).
 */
import { fmt, percentNumber } from '../../base/numberFormat.js';
import { designBindingText, sizedToText } from '../../run/decision/binding.js';
import { heading3, note, paragraph, section, table, type Block } from '../document/blocks.js';
import { constraintStatus, type PickView, type ReportModel } from '../document/model.js';

function constraintBlocks(v: PickView): Block[] {
  const blocks: Block[] = [];
  if (v.recordConstraints.length || v.studyConstraints.length) {
    const sized = sizedToText(v.binding, fmt);
    if (sized !== null) blocks.push(paragraph([{ strong: 'Sized to' }, `: ${sized}.`]));
    blocks.push(
      paragraph([{ strong: 'Binds' }, ' (relative margin ≤ 2 %): ', { mark: designBindingText(v.binding, fmt) }, '.']),
    );
  }
  if (v.recordConstraints.length)
    blocks.push(
      table(
        ['constraint', 'value', 'limit', 'unit', 'margin [%]', 'kind', 'status'],
        v.recordConstraints.map((c) => [
          c.label,
          fmt(c.value),
          `${c.sense} ${fmt(c.limit)}`,
          c.unit,
          percentNumber(c.margin),
          c.enforced ? 'enforced' : 'check',
          constraintStatus(c),
        ]),
        { marked: v.recordConstraints.map((c) => c.binding) },
      ),
    );
  if (v.studyConstraints.length)
    blocks.push(
      table(
        ['study constraint (g ≤ 0 satisfied, scaled by |limit|)', 'g [-]', 'binding'],
        v.studyConstraints.map((c) => [c.name, fmt(c.g), c.binding ? 'yes' : c.role]),
        { marked: v.studyConstraints.map((c) => c.binding) },
      ),
    );
  return blocks;
}

function pickBlock(v: PickView, first: boolean): Block {
  const { pick } = v;
  const head = heading3(`${pick.label}: design ${pick.design.index}`);
  if (v.sameAs) return { kind: 'group', blocks: [head, paragraph(['Same design as ', { em: v.sameAs }, ' above.'])] };
  const blocks: Block[] = [
    head,
    {
      kind: 'columns',
      columns: [
        [
          table(
            ['objective', 'value', 'unit', 'sense'],
            v.objectives.map((o) => [o.name, o.value, o.unit, o.sense]),
          ),
        ],
        [
          table(
            ['variable', 'value', 'unit'],
            v.variables.map((x) => [x.name, x.value, x.unit]),
          ),
        ],
      ],
    },
    ...constraintBlocks(v),
  ];
  if (v.budget.length)
    blocks.push({
      kind: 'details',
      summary: `Full budget of design ${pick.design.index}`,
      open: first,
      blocks: [{ kind: 'budget', sections: v.budget }],
    });
  return { kind: 'group', emphasis: pick.selector === 'knee', blocks };
}

export function decisionSupportSection(model: ReportModel): Block {
  return section(
    'decision',
    'Decision support: knee and best designs',
    model.picks.length
      ? [note(`Knee method: ${model.kneeMethod}.`), ...model.picks.map((p, i) => pickBlock(p, i === 0))]
      : [paragraph([{ strong: 'No feasible design was found' }, ', so there is no knee and no best design.'])],
    'Decision support',
  );
}
