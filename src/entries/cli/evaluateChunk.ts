/**
 * What `odc evaluate` imports for a node design (src/entries/cli/whatIf.ts): the node evaluation and its budget table,
 * led by the cost breakdown with the inputs that move the verdict most; with --set, the file's edits and the comparison
 * with the file. The build makes it a chunk of its own (dist/src/entries/cli/odc-evaluate.cjs, see
 * esbuild.config.mjs); a constellation file loads the library chunk instead.
 */
export { evaluateNodeFile } from '../../study/requirements.js';
export { formatBudget } from '../../report/budget/budget.js';
export { nodeCostBreakdown } from '../../run/answer/costBreakdown.js';
export { nodeEvaluator } from '../../node/evaluator.js';
export { readYaml } from '../../base/yaml.js';
export { applySets, namingSets } from '../../base/yamlSet.js';
export { diffDesigns, formatDiff } from '../../report/compare/designDiff.js';
