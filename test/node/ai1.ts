/** AI1 (designs/ai1.yaml) evaluated once, and evaluations of copies of its design changed by a test. */
import { evaluateDesignFile, nodeEvaluator } from '../../src/node/evaluator.js';
import type { NodeDesign } from '../../src/node/design/schema.js';

export const ai1 = evaluateDesignFile('designs/ai1.yaml');
const ev = nodeEvaluator();

/** The record of AI1's design with `patch` applied to a copy. */
export const withChange = (patch: (d: NodeDesign) => void) => {
  const d = structuredClone(ai1.design);
  patch(d);
  return ev.evaluate(d);
};
