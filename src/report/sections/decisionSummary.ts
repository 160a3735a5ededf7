/**
 * The run report's opening section: the answer, the recommended designs, the terrestrial verdict, where the knee's cost
 * is, what binds, what relaxing each binding constraint would buy, the front with the knee, the reference designs.
 */
import { pushAll } from '../../base/arrays.js';
import { figure, heading3, list, note, paragraph, section, table, type Block } from '../document/blocks.js';
import { answerBlocks, relaxationBlocks } from '../decision/decisionBlocks.js';
import type { ReportModel } from '../document/model.js';
import { gatheredPlots, RUN_PLOTS } from '../plots/catalogue.js';
import { answerCardRows, bridgeTable } from '../decision/answerCard.js';
import type { Answer } from '../../run/answer/schema.js';

/** The answer card (answer.json): the table the report opens with. */
export function answerCardBlock(a: Answer): Block {
  return { kind: 'keyValue', rows: answerCardRows(a), headers: ['answer', 'value'] };
}

/** The verdict's bridges as numbered tables, each step with its factor and why (discounting included). */
export function bridgeBlocks(a: Answer): Block[] {
  const blocks: Block[] = [];
  if (a.costBridge.length) {
    const t = bridgeTable(a.costBridge);
    blocks.push(heading3('From the first unit to the verdict'), table(t.headers, t.rows, { className: 'bridge' }));
  }
  if (a.constellation?.bridge.length) {
    const t = bridgeTable(a.constellation.bridge);
    blocks.push(
      heading3("From the nodes' verdict to the constellation's"),
      table(t.headers, t.rows, { className: 'bridge' }),
    );
  }
  return blocks;
}

export function decisionSummarySection(model: ReportModel): Block {
  const v = model.decisionView;
  const blocks: Block[] = [
    ...(model.answer.design !== null ? [answerCardBlock(model.answer)] : []),
    ...answerBlocks(v),
  ];
  pushAll(blocks, bridgeBlocks(model.answer));
  if (model.cost) blocks.push(heading3('Where the cost is'), { kind: 'budget', sections: [model.cost] });
  if (v.binding.length || v.front.length) {
    pushAll(blocks, [heading3('What binds'), ...v.standing.map((t) => paragraph(t)), list(v.binding)]);
    pushAll(blocks, [
      ...(v.front.length
        ? [paragraph('The front as a whole:'), list(v.front)]
        : [paragraph('No Pareto design is held by a constraint or a bound.')]),
      note(v.bindingRule),
    ]);
  }
  pushAll(blocks, relaxationBlocks(v));
  pushAll(
    blocks,
    gatheredPlots(RUN_PLOTS, 'decision-summary', model.plots).map((p) => figure(p)),
  );
  if (v.references.length)
    blocks.push(heading3('Reference designs'), list(v.references.map((r) => [{ strong: r.label }, `: ${r.status}`])));
  return section('decision-summary', 'Recommended designs', blocks, 'Recommended');
}
