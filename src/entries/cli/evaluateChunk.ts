/**
 * What `odc evaluate` imports for a node design (src/entries/cli/main.ts): the file's kind, the node evaluation and its
 * budget table, led by the cost breakdown with the inputs that move the verdict most. The build makes it a chunk of its
 * own (dist/src/entries/cli/odc-evaluate.cjs, see esbuild.config.mjs); a constellation file loads the library chunk
 * instead.
 */
export { fileKind } from '../../node/design/load.js';
export { evaluateNodeFile } from '../../study/requirements.js';
export { formatBudget } from '../../report/budget/budget.js';
export { nodeCostBreakdown } from '../../report/budget/costBreakdown.js';
export { nodeEvaluator } from '../../node/evaluator.js';
