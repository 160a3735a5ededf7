/**
 * AI1 (designs/ai1.yaml) priced as one node (economics.units 1: the single-node case the hand calculations of these
 * tests are written for; the file's programme of 8,334 nodes is tested in reference-designs.test.ts), evaluated once,
 * and evaluations of copies of its design changed by a test.
 */
import { evaluateDesignFile, nodeEvaluator } from '../../src/node/evaluator.js';
import type { NodeDesign } from '../../src/node/design/schema.js';

const ev = nodeEvaluator();
export const ai1 = (() => {
  const file = evaluateDesignFile('designs/ai1.yaml');
  const design: NodeDesign = { ...file.design, economics: { ...file.design.economics, units: 1 } };
  return { ...file, design, record: ev.evaluate(design) };
})();

/** The record of AI1's design with `patch` applied to a copy. */
export const withChange = (patch: (d: NodeDesign) => void) => {
  const d = structuredClone(ai1.design);
  patch(d);
  return ev.evaluate(d);
};
