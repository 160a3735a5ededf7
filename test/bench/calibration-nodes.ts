/**
 * Regenerates the reference-design tables of designs/CALIBRATION.md (between its `references:begin` and
 * `references:end` markers) from test/bench/calibrationReferences.ts, its node section (`nodes:begin` … `nodes:end`)
 * from test/bench/calibrationNodes.ts, and the cost section (`costs:begin` … `costs:end`, placed after the node
 * section) from test/bench/calibrationCosts.ts. Run with `npm run calibration` (builds first).
 */
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../../src/run/atomic.js';
import { join } from 'node:path';
import { nodeCalibrationSection, repoRoot } from './calibrationNodes.js';
import { costCalibrationSection } from './calibrationCosts.js';
import { referenceTablesSection } from './calibrationReferences.js';
import { replaceMarkedSection } from './markedSection.js';

const path = join(repoRoot, 'designs/CALIBRATION.md');
const references = referenceTablesSection();
const text = replaceMarkedSection(readFileSync(path, 'utf8'), 'references', references, () => {
  throw new Error(`${path}: the references:begin … references:end markers are missing`);
});
// Without its markers the node section goes before the constellation section, or at the end.
const section = nodeCalibrationSection();
const next = replaceMarkedSection(text, 'nodes', section, (t) => {
  const anchor = t.indexOf('<!-- constellations:begin');
  return anchor >= 0 ? `${t.slice(0, anchor)}${section}\n\n${t.slice(anchor)}` : `${t.trimEnd()}\n\n${section}\n`;
});
// Without its markers the cost section goes right after the node section.
const costs = costCalibrationSection();
const withCosts = replaceMarkedSection(next, 'costs', costs, (t) => {
  const nodesEnd = t.indexOf('<!-- nodes:end -->') + '<!-- nodes:end -->'.length;
  return `${t.slice(0, nodesEnd)}\n\n${costs}${t.slice(nodesEnd)}`;
});
writeFileAtomic(path, withCosts);
console.log(references);
console.log(section);
console.log(costs);
