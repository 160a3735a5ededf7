/**
 * The run report's opening section: the answer, the recommended designs, the terrestrial verdict, where the knee's cost
 * is, what binds, what relaxing each binding constraint would buy, the front with the knee, the reference designs.
 */
import { pushAll } from '../../base/arrays.js';
import { figure, heading3, list, note, paragraph, section, type Block } from '../document/blocks.js';
import { answerBlocks, relaxationBlocks } from '../decision/decisionBlocks.js';
import type { ReportModel } from '../document/model.js';

export function decisionSummarySection(model: ReportModel): Block {
  const v = model.decisionView;
  const blocks: Block[] = answerBlocks(v);
  if (model.cost) blocks.push(heading3('Where the cost is'), { kind: 'budget', sections: [model.cost] });
  if (v.binding.length || v.front.length) {
    blocks.push(heading3('What binds'), list(v.binding));
    pushAll(blocks, [
      ...(v.front.length
        ? [paragraph('The front as a whole:'), list(v.front)]
        : [paragraph('No Pareto design is held by a constraint or a bound.')]),
      note(v.bindingRule),
    ]);
  }
  pushAll(blocks, relaxationBlocks(v));
  const plot = model.plots.find((p) => p.id === 'front-knee');
  if (plot) blocks.push(figure(plot));
  if (v.references.length)
    blocks.push(heading3('Reference designs'), list(v.references.map((r) => [{ strong: r.label }, `: ${r.status}`])));
  return section('decision-summary', 'Recommended designs', blocks, 'Recommended');
}
