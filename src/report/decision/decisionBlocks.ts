/**
 * The blocks of a decision's first screen that a run's report and a multi-seed run's report both show below the answer
 * card: the recommended designs, the terrestrial verdict, and what relaxing each binding constraint buys.
 */
import { heading3, note, paragraph, table, type Block } from '../document/blocks.js';
import type { decisionView } from './decisionView.js';

type View = ReturnType<typeof decisionView>;

/** Why there is no answer (when none), the recommended designs and the verdict against the ground. */
export function answerBlocks(v: View): Block[] {
  const blocks: Block[] = [];
  if (v.empty !== null) blocks.push(paragraph(v.empty, 'strong'));
  if (v.designs) blocks.push(table(v.designs.headers, v.designs.rows, { className: 'recommended' }));
  if (v.verdicts)
    blocks.push(
      heading3('Against terrestrial data centers'),
      table(v.verdicts.headers, v.verdicts.rows, { className: 'verdicts' }),
      note(v.verdictNote ?? ''),
    );
  return blocks;
}

/** The shadow prices of the knee's binding constraints: a table, or the sentence saying nothing pays. */
export function relaxationBlocks(v: View): Block[] {
  if (v.relaxation?.table)
    return [
      heading3('What relaxing each binding constraint of the knee buys'),
      table(v.relaxation.table.headers, v.relaxation.table.rows, { className: 'relaxation' }),
      note(v.relaxation.note),
    ];
  return v.relaxation ? [note(v.relaxation.note)] : [];
}
