/**
 * Regenerates the reference-design tables of designs/CALIBRATION.md (between its `references:begin` and
 * `references:end` markers) from test/bench/calibrationReferences.ts, its node section (`nodes:begin` … `nodes:end`)
 * from test/bench/calibrationNodes.ts, and the cost section (`costs:begin` … `costs:end`, placed after the node
 * section) from test/bench/calibrationCosts.ts. Run with `npm run calibration` (builds first).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeCalibrationSection, repoRoot } from './calibrationNodes.js';
import { costCalibrationSection } from './calibrationCosts.js';
import { referenceTablesSection } from './calibrationReferences.js';

const path = join(repoRoot, 'designs/CALIBRATION.md');
const original = readFileSync(path, 'utf8');
const rBegin = original.indexOf('<!-- references:begin');
const rEnd = original.indexOf('<!-- references:end -->');
if (rBegin < 0 || rEnd < rBegin) throw new Error(`${path}: the references:begin … references:end markers are missing`);
const references = referenceTablesSection();
const text = original.slice(0, rBegin) + references + original.slice(rEnd + '<!-- references:end -->'.length);
const section = nodeCalibrationSection();
const begin = text.indexOf('<!-- nodes:begin');
const end = text.indexOf('<!-- nodes:end -->');
const anchor = text.indexOf('<!-- constellations:begin');
const next =
  begin >= 0 && end > begin
    ? text.slice(0, begin) + section + text.slice(end + '<!-- nodes:end -->'.length)
    : anchor >= 0
      ? `${text.slice(0, anchor)}${section}\n\n${text.slice(anchor)}`
      : `${text.trimEnd()}\n\n${section}\n`;
const costs = costCalibrationSection();
const cBegin = next.indexOf('<!-- costs:begin');
const cEnd = next.indexOf('<!-- costs:end -->');
const nodesEnd = next.indexOf('<!-- nodes:end -->') + '<!-- nodes:end -->'.length;
const withCosts =
  cBegin >= 0 && cEnd > cBegin
    ? next.slice(0, cBegin) + costs + next.slice(cEnd + '<!-- costs:end -->'.length)
    : `${next.slice(0, nodesEnd)}\n\n${costs}${next.slice(nodesEnd)}`;
writeFileSync(path, withCosts);
console.log(references);
console.log(section);
console.log(costs);
